//! Values serde refuses that spoil only the item holding them: `NaN` and `Infinity`, numbers
//! beyond f64, lone surrogate escapes, raw control characters in strings, and nesting past
//! serde's depth limit. Each is found with its JSON path and position, then patched over
//! (same length, so positions hold) to read on: the item is skipped, the rest still loads,
//! and a real syntax error after it is still found.

use super::syntax::{line_column, Skim};
use crate::core::problem::Problem;
use crate::core::split::skip_value;
use serde::Deserialize;
use std::ops::Range;

/// How deep arrays and objects may nest: serde_json's recursion limit of 128 refuses the
/// 128th array or object inside one another.
pub const DEPTH_LIMIT: usize = 127;

/// Spoiled values looked at in one text before giving up (each costs a parse of the text).
const MAX_PATCHES: usize = 64;

/// What is wrong with a spoiled value.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Spoiled {
    /// `NaN`, `Infinity`, `-Infinity`.
    NotANumber(String),
    /// A number beyond f64, e.g. `1e400`.
    OutOfRange(String),
    /// `\ud800` without its other half.
    LoneSurrogate(String),
    /// A control character written raw inside a string.
    Control(char),
    /// Arrays or objects nested past [`DEPTH_LIMIT`].
    TooDeep,
}

/// A spoiled value: where it is in the text it was found in, and its JSON path there.
#[derive(Clone, Debug)]
pub(super) struct Soft {
    /// Bytes of the value (or escape, or character) in the text.
    pub range: Range<usize>,
    /// What is wrong.
    pub kind: Spoiled,
    /// JSON path inside the text scanned (empty when paths were not tracked).
    pub path: String,
}

impl Soft {
    /// The problem at `base` + this value's path, placed at `line` and `column` of the file.
    pub(super) fn problem(&self, base: &str, line: usize, column: usize) -> Problem {
        let path = shorten(&join(base, &self.path));
        let at = format!("(line {line}, column {column})");
        match &self.kind {
            Spoiled::NotANumber(token) => Problem::error(
                path,
                format!("`{token}` is not a number JSON allows {at}"),
            )
            .expected("a finite number written in digits, or the field left out"),
            Spoiled::OutOfRange(token) => Problem::error(
                path,
                format!("the number `{token}` is too large to represent {at}"),
            )
            .expected("a number between -1.7e308 and 1.7e308"),
            Spoiled::LoneSurrogate(token) => Problem::error(
                path,
                format!("the escape `{token}` is half of a UTF-16 surrogate pair without its other half {at}"),
            )
            .expected("a complete pair such as `\\ud83d\\ude00`, or the character itself"),
            Spoiled::Control(c) => Problem::error(
                path,
                format!(
                    "a raw control character U+{:04X}{} inside a string {at}",
                    *c as u32,
                    control_name(*c)
                ),
            )
            .expected("the character escaped (`\\n`, `\\t`, `\\u0007`) or removed"),
            Spoiled::TooDeep => Problem::error(
                path,
                format!("arrays and objects nested more than {DEPTH_LIMIT} levels deep {at}"),
            )
            .expected(format!("at most {DEPTH_LIMIT} levels of nesting")),
        }
    }
}

fn control_name(c: char) -> &'static str {
    match c {
        '\0' => " (a NUL byte)",
        '\t' => " (tab)",
        '\n' => " (line feed)",
        '\r' => " (carriage return)",
        _ => "",
    }
}

fn join(base: &str, rest: &str) -> String {
    match (base.is_empty(), rest.is_empty()) {
        (true, true) => "$".to_owned(),
        (true, false) => rest.to_owned(),
        (false, true) => base.to_owned(),
        (false, false) if rest.starts_with('[') => format!("{base}{rest}"),
        (false, false) => format!("{base}.{rest}"),
    }
}

/// A path of many segments (deep nesting) as its first eight, `…`, and its last.
fn shorten(path: &str) -> String {
    let starts: Vec<usize> = path
        .char_indices()
        .filter(|&(i, c)| i > 0 && (c == '[' || c == '.'))
        .map(|(i, _)| i)
        .collect();
    if starts.len() <= 10 {
        return path.to_owned();
    }
    let head = &path[..starts[8]];
    let tail = &path[starts[starts.len() - 1]..];
    format!("{head}…{tail}")
}

/// Byte offset of serde's position `line`:`column` (the last byte it read) in `text`.
pub(super) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    line_start(text, line)
        .saturating_add(column.saturating_sub(1))
        .min(text.len())
}

fn line_start(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}

/// The spoiled value serde's error points at, if it is one.
fn classify(text: &str, e: &serde_json::Error) -> Option<(Spoiled, Range<usize>)> {
    let message = e.to_string();
    let b = text.as_bytes();
    let at = offset_of(text, e.line(), e.column());
    if message.starts_with("number out of range") {
        let num = |c: u8| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-');
        let mut start = at;
        while start > 0 && num(b[start - 1]) {
            start -= 1;
        }
        let mut end = at;
        while end < b.len() && num(b[end]) {
            end += 1;
        }
        return Some((Spoiled::OutOfRange(text[start..end].to_owned()), start..end));
    }
    if message.starts_with("expected value") || message.starts_with("invalid number") {
        let mut start = at;
        if start > 0 && matches!(b[start - 1], b'-' | b'+') {
            start -= 1;
        }
        let mut end = at;
        while end < b.len() && b[end].is_ascii_alphanumeric() {
            end += 1;
        }
        let token = &text[start..end];
        let word = token.trim_start_matches(['-', '+']).to_ascii_lowercase();
        return matches!(word.as_str(), "nan" | "infinity" | "inf")
            .then(|| (Spoiled::NotANumber(token.to_owned()), start..end));
    }
    if message.starts_with("unexpected end of hex escape")
        || message.starts_with("lone leading surrogate")
    {
        let surrogate = |p: usize| {
            (b.get(p..p + 2) == Some(b"\\u"))
                .then(|| text.get(p + 2..p + 6))
                .flatten()
                .and_then(|h| u16::from_str_radix(h, 16).ok())
                .is_some_and(|n| (0xD800..=0xDFFF).contains(&n))
        };
        let p = (at.saturating_sub(12)..=at.min(b.len()))
            .rev()
            .find(|&p| surrogate(p))?;
        return Some((Spoiled::LoneSurrogate(text[p..p + 6].to_owned()), p..p + 6));
    }
    if message.starts_with("control character") {
        let c = *b.get(at)?;
        return (c < 0x20).then(|| (Spoiled::Control(char::from(c)), at..at + 1));
    }
    if message.starts_with("recursion limit exceeded") {
        // serde points at the bracket it refuses.
        let start = (0..=at.min(b.len().saturating_sub(1)))
            .rev()
            .find(|&p| matches!(b[p], b'[' | b'{'))?;
        let end = skip_value(b, start)?;
        return Some((Spoiled::TooDeep, start..end));
    }
    None
}

/// Writes a stand-in of the same length over a spoiled value: `0` for a value (keeping line
/// breaks), U+FFFD for an escape, a space for a control character.
fn patch(text: &mut String, kind: &Spoiled, range: Range<usize>) {
    let replacement = match kind {
        Spoiled::LoneSurrogate(_) => "\\ufffd".to_owned(),
        Spoiled::Control(_) => " ".to_owned(),
        _ => blank(&text[range.clone()]),
    };
    text.replace_range(range, &replacement);
}

/// `0` and then spaces (line breaks kept), as long as `value` in bytes.
pub(super) fn blank(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for (i, b) in value.bytes().enumerate() {
        out.push(match b {
            _ if i == 0 => '0',
            b'\n' => '\n',
            _ => ' ',
        });
    }
    out
}

/// Bytes of a text and the stand-in of the same length written over them.
pub(super) type Patch = (Range<usize>, String);

/// The result of reading a text with its spoiled values patched over.
pub(super) struct Scan {
    /// Spoiled values, in the order found (text order).
    pub softs: Vec<Soft>,
    /// The first real syntax error, with the offset it points at.
    pub hard: Option<(serde_json::Error, usize)>,
    /// The patched text, when anything was patched.
    pub patched: Option<String>,
    /// True when reading stopped after [`MAX_PATCHES`] spoiled values.
    pub gave_up: bool,
}

/// Reads `text` as serde does, patching over spoiled values, until it reads whole or a real
/// syntax error is found. `paths` tracks the JSON path of each spoiled value (slower).
pub(super) fn scan(text: &str, paths: bool) -> Scan {
    let mut scan = Scan {
        softs: Vec::new(),
        hard: None,
        patched: None,
        gave_up: false,
    };
    loop {
        let current = scan.patched.as_deref().unwrap_or(text);
        let mut de = serde_json::Deserializer::from_str(current);
        let (result, path) = if paths {
            match serde_path_to_error::deserialize::<_, Skim>(&mut de) {
                Ok(_) => (Ok(()), String::new()),
                Err(e) => {
                    let path = e.path().to_string();
                    (Err(e.into_inner()), path)
                }
            }
        } else {
            (Skim::deserialize(&mut de).map(|_| ()), String::new())
        };
        let error = match result.and_then(|()| de.end()) {
            Ok(()) => return scan,
            Err(e) => e,
        };
        let Some((kind, range)) = classify(current, &error) else {
            let at = offset_of(current, error.line(), error.column());
            scan.hard = Some((error, at));
            return scan;
        };
        if scan.softs.len() >= MAX_PATCHES {
            scan.gave_up = true;
            return scan;
        }
        let mut owned = scan.patched.take().unwrap_or_else(|| text.to_owned());
        patch(&mut owned, &kind, range.clone());
        scan.patched = Some(owned);
        let path = if path == "." { String::new() } else { path };
        scan.softs.push(Soft { range, kind, path });
    }
}

/// Counts lines forward through a text, so placing many items costs one pass.
#[derive(Debug, Default)]
pub(super) struct Lines {
    at: usize,
    line: usize,
    line_start: usize,
}

impl Lines {
    /// 1-based line and column (in bytes, as serde counts) of byte `offset` of `text`.
    pub(super) fn locate(&mut self, text: &str, offset: usize) -> (usize, usize) {
        if offset < self.at || self.line == 0 {
            let (line, column) = line_column(text, offset);
            *self = Lines {
                at: offset,
                line,
                line_start: offset + 1 - column,
            };
            return (line, column);
        }
        let bytes = &text.as_bytes()[self.at..offset];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' {
                self.line += 1;
                self.line_start = self.at + i + 1;
            }
        }
        self.at = offset;
        (self.line, offset - self.line_start + 1)
    }
}

/// An item serde could not read, cut from the text at `start`: its spoiled values as problems
/// (the item is skipped, the rest loads) and its `id` if it has one, or, when it also has a
/// real syntax error, `Err` with the patches made so far (absolute ranges and their stand-ins).
pub(super) fn spoiled_item(
    text: &str,
    range: Range<usize>,
    base: &str,
    lines: &mut Lines,
) -> Result<(Vec<Problem>, Option<String>), Vec<Patch>> {
    let start = range.start;
    let item = &text[range];
    let scan = scan(item, true);
    let patches = || -> Vec<Patch> {
        let patched = scan.patched.as_deref().unwrap_or(item);
        scan.softs
            .iter()
            .map(|s| {
                let r = s.range.start + start..s.range.end + start;
                (r, patched[s.range.clone()].to_owned())
            })
            .collect()
    };
    if scan.hard.is_some() || scan.softs.is_empty() {
        return Err(patches());
    }
    let id = scan
        .patched
        .as_deref()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok())
        .and_then(|v| Some(v.get("id")?.as_str()?.to_owned()));
    let problems = scan
        .softs
        .iter()
        .map(|s| {
            let (line, column) = lines.locate(text, start + s.range.start);
            s.problem(base, line, column)
        })
        .collect();
    Ok((problems, id))
}
