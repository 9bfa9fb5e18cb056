//! Files that are not JSON text at all: bytes that are not UTF-8 (or are UTF-16), an empty
//! file, an HTML or XML page, NUL bytes. Each gets its own message instead of a syntax error.

use super::syntax::line_column;
use super::LoadError;

/// The UTF-8 byte order mark, as text.
const BOM: char = '\u{feff}';

/// The text of a report file's bytes: UTF-8, with a UTF-8 byte order mark dropped (Excel and
/// Notepad write one). UTF-16 and bytes that are not UTF-8 are refused with a message saying
/// where and what to do.
///
/// The app reads a response body into bytes and passes them here, then gives the text to
/// [`super::Loader`] (or [`super::load_report`]).
pub fn decode(bytes: &[u8]) -> Result<&str, LoadError> {
    if let Some(order) = utf16_bom(bytes) {
        return Err(LoadError::NotJson(format!(
            "the file is UTF-16 text ({order} byte order mark {:02X} {:02X}); save it as UTF-8",
            bytes[0], bytes[1]
        )));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return Err(not_utf8(bytes, e.valid_up_to())),
    };
    Ok(strip_bom(text))
}

/// Decodes and loads report bytes in one go: [`decode`], then [`super::load_report`].
pub fn load_bytes(bytes: &[u8]) -> Result<super::Loaded, LoadError> {
    super::load_report(decode(bytes)?)
}

/// The text without a leading byte order mark.
pub(super) fn strip_bom(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}

fn utf16_bom(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => Some("little-endian"),
        [0xFE, 0xFF, ..] => Some("big-endian"),
        _ => None,
    }
}

fn not_utf8(bytes: &[u8], at: usize) -> LoadError {
    if let Some(order) = utf16_without_bom(bytes) {
        return LoadError::NotJson(format!(
            "the file looks like UTF-16 text ({order}, no byte order mark); save it as UTF-8"
        ));
    }
    // The valid prefix is text, so lines and columns can be counted in it.
    let before = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
    let (line, column) = line_column(before, at);
    LoadError::NotJson(format!(
        "the file is not UTF-8 text: byte 0x{:02X} at offset {at} (line {line}, column {column}) \
         is not UTF-8; it was probably saved as Latin-1 or Windows-1252, save it as UTF-8",
        bytes[at]
    ))
}

/// UTF-16 without a byte order mark: ASCII characters with a zero byte beside each.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [a, 0, b, 0, ..] if *a != 0 && *b != 0 => Some("little-endian"),
        [0, a, 0, b, ..] if *a != 0 && *b != 0 => Some("big-endian"),
        _ => None,
    }
}

/// Why `text` is not JSON text at all, when that is the reason it failed to load at byte `at`.
pub(super) fn not_json(text: &str, at: usize) -> Option<LoadError> {
    let trimmed = text.trim_start_matches([' ', '\t', '\r', '\n']);
    if trimmed.is_empty() {
        return Some(LoadError::NotJson(if text.is_empty() {
            "the file is empty (0 bytes); a report is a JSON object starting with `{`".to_owned()
        } else {
            format!(
                "the file holds only white space ({} bytes); a report is a JSON object starting with `{{`",
                text.len()
            )
        }));
    }
    if let Some(order) = utf16_without_bom(text.as_bytes()) {
        return Some(LoadError::NotJson(format!(
            "the file looks like UTF-16 text ({order}, no byte order mark); save it as UTF-8"
        )));
    }
    let lower: String = trimmed
        .chars()
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("<?xml") {
        return Some(LoadError::NotJson(
            "this is an XML document, not JSON; a report is a JSON object starting with `{`"
                .to_owned(),
        ));
    }
    if trimmed.starts_with('<') {
        return Some(LoadError::NotJson(
            "this is an HTML page, not JSON — the server probably returned an error or login \
             page instead of the report; open the data address in the browser to see it"
                .to_owned(),
        ));
    }
    if text.as_bytes().get(at) == Some(&0) {
        let at = text.bytes().position(|b| b == 0).unwrap_or(at);
        let (line, column) = line_column(text, at);
        return Some(LoadError::NotJson(format!(
            "the file contains NUL bytes (the first at offset {at}, line {line}, column {column}); \
             it is binary or damaged, not JSON text"
        )));
    }
    None
}
