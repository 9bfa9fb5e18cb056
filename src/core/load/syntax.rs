//! Syntax errors as serde reports them for the whole text, found without building a `Value`.

use super::{describe, LoadError};
use crate::core::problem::Problem;
use serde_json::Value;
use std::fmt;

/// The error for a text that is not an object at the top: a syntax error, or what it holds.
pub(super) fn not_an_object(text: &str) -> LoadError {
    match serde_json::from_str::<Value>(text) {
        Err(e) => syntax(&e, e.line(), e.column()),
        Ok(value) => LoadError::Invalid(vec![Problem::error(
            "$",
            format!("the file holds {}", describe(&value)),
        )
        .expected(
            "an object with `format`, `report`, `subsidiaries`, `categories` and `entries`",
        )]),
    }
}

/// The syntax error serde finds in the whole text (the splitter stopped near `at`).
pub(super) fn syntax_error_of(text: &str, at: usize) -> LoadError {
    match serde_json::from_str::<Skim>(text) {
        Err(e) => syntax(&e, e.line(), e.column()),
        Ok(_) => {
            let (line, column) = line_column(text, at);
            LoadError::Syntax {
                line,
                column,
                message: "unexpected character".to_owned(),
            }
        }
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

/// serde's own error for the whole text.
pub(super) fn whole_text_error(text: &str) -> LoadError {
    match serde_json::from_str::<Skim>(text) {
        Err(e) => syntax(&e, e.line(), e.column()),
        Ok(_) => match serde_json::from_str::<Value>(text) {
            Err(e) => syntax(&e, e.line(), e.column()),
            Ok(_) => LoadError::Invalid(vec![Problem::error("$", "cannot be read")]),
        },
    }
}

/// A syntax error in an item cut from the text at byte `start`: serde's first error in
/// the whole text (which may come before this item), else this one placed in the text.
pub(super) fn relocate(text: &str, start: usize, e: &serde_json::Error) -> LoadError {
    if let Err(first) = serde_json::from_str::<Skim>(text) {
        return syntax(&first, first.line(), first.column());
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
