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

/// Separates a report's id from an entry's id in an entry id qualified by its report.
pub const QUALIFIER: char = '~';

impl EntryId {
    /// The id of `entry` among several reports: `report~entry` (`acme-2019~e1`), unique when
    /// report ids are, since neither part can hold `~`.
    pub fn qualified(report: &str, entry: &EntryId) -> EntryId {
        EntryId(format!("{report}{QUALIFIER}{}", entry.0))
    }

    /// Reads an entry id as a URL names it: a plain id, or a qualified one whose two parts
    /// each follow the id rule.
    pub fn parse(id: &str) -> Result<EntryId, String> {
        match id.split_once(QUALIFIER) {
            Some((report, entry)) => {
                check_id(report)?;
                check_id(entry)?;
                Ok(EntryId(id.to_owned()))
            }
            None => EntryId::new(id),
        }
    }

    /// The report part of a qualified id, and the entry's id within its report.
    pub fn split(&self) -> (Option<&str>, &str) {
        match self.0.split_once(QUALIFIER) {
            Some((report, entry)) => (Some(report), entry),
            None => (None, &self.0),
        }
    }
}

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

    #[test]
    fn qualified_ids_name_their_report_and_read_back() {
        let e = EntryId::new("e1").unwrap();
        let q = EntryId::qualified("acme-2019", &e);
        assert_eq!(q.as_str(), "acme-2019~e1");
        assert_eq!(q.split(), (Some("acme-2019"), "e1"));
        assert_eq!(e.split(), (None, "e1"));
        assert_eq!(EntryId::parse("acme-2019~e1").unwrap(), q);
        assert_eq!(EntryId::parse("e1").unwrap(), e);
        assert!(EntryId::parse("Acme~e1").is_err());
        assert!(EntryId::parse("acme~e~1").is_err());
        assert!(EntryId::parse("~e1").is_err());
        assert!(EntryId::new("acme~e1").is_err());
    }
}
