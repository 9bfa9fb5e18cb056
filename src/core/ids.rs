//! Newtype ids for subsidiaries, categories and entries, and the id syntax rule.

use std::fmt;

/// Longest id the format accepts.
pub const MAX_ID_LEN: usize = 64;

/// Checks the id syntax: 1 to 64 of `a-z`, `0-9`, `-`, starting with a letter or digit.
pub fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("id is empty".to_owned());
    }
    if id.len() > MAX_ID_LEN {
        return Err(format!("id `{id}` is {} characters long", id.len()));
    }
    if id.starts_with('-') {
        return Err(format!("id `{id}` starts with `-`"));
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(format!("id `{id}` contains `{c}`"));
    }
    Ok(())
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// Makes an id after checking its syntax.
            pub fn new(id: &str) -> Result<Self, String> {
                check_id(id).map(|()| Self(id.to_owned()))
            }
            /// The id as written in the data file.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// Identifies a subsidiary (`citic-bank`).
    SubsidiaryId
);
id_type!(
    /// Identifies a division, a group of subsidiaries (`ports`).
    DivisionId
);
id_type!(
    /// Identifies a category (`brand-management`).
    CategoryId
);
id_type!(
    /// Identifies an entry.
    EntryId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_kebab_ids() {
        assert!(check_id("citic-bank").is_ok());
        assert!(check_id("2019-award").is_ok());
        assert_eq!(SubsidiaryId::new("a").unwrap().as_str(), "a");
    }

    #[test]
    fn rejects_bad_ids() {
        assert_eq!(check_id("").unwrap_err(), "id is empty");
        assert_eq!(check_id("-x").unwrap_err(), "id `-x` starts with `-`");
        assert_eq!(check_id("Bank").unwrap_err(), "id `Bank` contains `B`");
        assert_eq!(check_id("a b").unwrap_err(), "id `a b` contains ` `");
        let long = "a".repeat(65);
        assert_eq!(
            check_id(&long).unwrap_err(),
            format!("id `{long}` is 65 characters long")
        );
    }
}
