//! Syntax errors as serde reports them for the whole text, found without building a `Value`,
//! with a hint for the common slips.

use super::sniff::not_json;
use super::soft::{scan, Patch};
use super::LoadError;
use crate::core::problem::Problem;
use crate::core::split::skip_value;
use std::fmt;
use std::ops::Range;

/// The error for a text that is not an object at the top: a syntax error, or what it holds.
pub(super) fn not_an_object(text: &str) -> LoadError {
    if let Some(e) = first_error(text, &[]) {
        return e;
    }
    let holds = match text.trim_start().as_bytes().first() {
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    };
    LoadError::Invalid(vec![Problem::error("$", format!("the file holds {holds}"))
        .expected(
            "an object with `format`, `report`, `subsidiaries`, `categories` and `entries`",
        )])
}

/// The syntax error serde finds in the whole text (the splitter stopped near `at`).
pub(super) fn syntax_error_of(text: &str, at: usize) -> LoadError {
    first_error(text, &[]).unwrap_or_else(|| {
        // Too many spoiled values to read past: say what the splitter saw. A value that never
        // closes runs to the end of the text.
        let b = text.as_bytes();
        let open = matches!(b.get(at), Some(b'{' | b'[' | b'"')) && skip_value(b, at).is_none();
        let at = if open { text.len() } else { at };
        let (line, column) = line_column(text, at);
        if at >= text.len() {
            return LoadError::Syntax {
                line,
                column,
                message: "the file ends before the JSON is complete; it was probably cut off \
                          while being saved or downloaded"
                    .to_owned(),
            };
        }
        // serde's own words for the value the splitter stopped at, where it says them.
        let end = skip_value(b, at).unwrap_or(text.len());
        match serde_json::from_str::<serde_json::Value>(&text[at..end]) {
            Err(e) if e.line() >= 1 => LoadError::Syntax {
                line: line + e.line() - 1,
                column: if e.line() == 1 {
                    column + e.column() - 1
                } else {
                    e.column()
                },
                message: strip_position(&e.to_string()),
            },
            _ => LoadError::Syntax {
                line,
                column,
                message: "unexpected character".to_owned(),
            },
        }
    })
}

/// The fatal error of a text serde cannot read: what it is when it is not JSON text at all,
/// else serde's first real syntax error with a hint, read with `patches` (byte ranges and
/// stand-ins of the same length) and any spoiled values patched over. `None` when the text
/// reads whole that way.
pub(super) fn first_error(text: &str, patches: &[Patch]) -> Option<LoadError> {
    let patched;
    let base = if patches.is_empty() {
        text
    } else {
        let mut owned = text.to_owned();
        for (range, stand_in) in patches {
            owned.replace_range(range.clone(), stand_in);
        }
        patched = owned;
        &patched
    };
    let scan = scan(base, false);
    let (e, at) = scan.hard?;
    if let Some(not_json) = not_json(text, at) {
        return Some(not_json);
    }
    let (line, column) = if patches.is_empty() && scan.patched.is_none() {
        (e.line(), e.column())
    } else {
        line_column(text, at)
    };
    Some(syntax_with_hint(&e, line, column, text, at))
}

/// serde's message with a hint for the common slips: a file cut off, text after the end,
/// comments, single quotes, `True`/`None`, a missing comma.
fn syntax_with_hint(
    e: &serde_json::Error,
    line: usize,
    column: usize,
    text: &str,
    at: usize,
) -> LoadError {
    let message = strip_position(&e.to_string());
    let b = text.as_bytes();
    let word: String = text
        .get(at..)
        .unwrap_or_default()
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let hint = if message.starts_with("EOF while parsing") {
        Some("the file ends before the JSON is complete; it was probably cut off while being saved or downloaded")
    } else if message == "trailing characters" {
        Some("there is more text after the end of the report object; a file holds exactly one JSON value")
    } else if message == "trailing comma" {
        Some("remove the comma after the last item")
    } else if b.get(at) == Some(&b'\'') {
        Some("JSON strings and keys are written in double quotes, not single quotes")
    } else if matches!(b.get(at), Some(b'/' | b'#')) {
        Some("JSON does not allow comments")
    } else if matches!(
        word.as_str(),
        "True" | "False" | "None" | "TRUE" | "FALSE" | "NULL" | "Null" | "undefined"
    ) {
        Some("JSON's literals are `true`, `false` and `null`, in lower case")
    } else if message == "key must be a string" {
        Some("object keys are written in double quotes")
    } else if message == "expected `,` or `}`" {
        Some("a comma may be missing between two fields")
    } else if message == "expected `,` or `]`" {
        Some("a comma may be missing between two items")
    } else {
        None
    };
    LoadError::Syntax {
        line,
        column,
        message: match hint {
            Some(hint) => format!("{message}; {hint}"),
            None => message,
        },
    }
}

/// Reads any JSON the way `Value` does (same checks, same error positions) but keeps nothing,
/// so finding the syntax error in a large text costs no memory.
pub(super) struct Skim;

impl<'de> serde::Deserialize<'de> for Skim {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SkimVisitor)
    }
}

struct SkimVisitor;

impl<'de> serde::de::Visitor<'de> for SkimVisitor {
    type Value = Skim;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Skim, E> {
        Ok(Skim)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Skim, E> {
        Ok(Skim)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Skim, E> {
        Ok(Skim)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Skim, E> {
        Ok(Skim)
    }
    fn visit_str<E>(self, _: &str) -> Result<Skim, E> {
        Ok(Skim)
    }
    fn visit_unit<E>(self) -> Result<Skim, E> {
        Ok(Skim)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Skim, A::Error> {
        while seq.next_element::<Skim>()?.is_some() {}
        Ok(Skim)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Skim, A::Error> {
        while map.next_entry::<Skim, Skim>()?.is_some() {}
        Ok(Skim)
    }
}

/// The error for a skeleton serde cannot read: serde's first real syntax error in the whole
/// text, else the first spoiled value outside the lists (`items`), which no item can absorb.
pub(super) fn whole_text_error(text: &str, skeleton: &str, items: &[Range<usize>]) -> LoadError {
    if let Some(e) = first_error(text, &[]) {
        return e;
    }
    let outside = scan(text, false)
        .softs
        .into_iter()
        .find(|s| !items.iter().any(|r| r.contains(&s.range.start)));
    let in_skeleton = scan(skeleton, true).softs.into_iter().next();
    match (outside, in_skeleton) {
        (Some(at), Some(soft)) => {
            let (line, column) = line_column(text, at.range.start);
            LoadError::Invalid(vec![soft.problem("", line, column)])
        }
        _ => LoadError::Invalid(vec![Problem::error("$", "cannot be read")]),
    }
}

/// A syntax error in an item cut from the text at byte `start`: serde's first real error in
/// the whole text (which may come before this item), read with `patches` over the items
/// already skipped; else this one placed in the text.
pub(super) fn relocate(
    text: &str,
    start: usize,
    e: &serde_json::Error,
    patches: &[Patch],
) -> LoadError {
    if let Some(first) = first_error(text, patches) {
        return first;
    }
    let (line, column) = line_column(text, start);
    if e.line() <= 1 {
        syntax(e, line, column + e.column().saturating_sub(1))
    } else {
        syntax(e, line + e.line() - 1, e.column())
    }
}

pub(super) fn syntax(e: &serde_json::Error, line: usize, column: usize) -> LoadError {
    LoadError::Syntax {
        line,
        column,
        message: strip_position(&e.to_string()),
    }
}

/// 1-based line and column (in bytes, as serde counts) of a byte offset.
pub(super) fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..at.min(text.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, at - line_start + 1)
}

pub(super) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}
