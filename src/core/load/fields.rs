//! Checks on the one-line text fields of a kept item (titles, names, labels): control
//! characters other than line breaks and tabs (shown as spaces, with a warning) and over-long text (kept in full, with a
//! warning). Summaries and passages may hold line breaks and are not scanned: they are most
//! of a report's bytes, and loading stays as fast as before.

use crate::core::model::{Category, Division, Entry, Metric, ReportMeta, Subsidiary, Version};
use crate::core::problem::Problem;

/// Characters a title, name or label may have before it is reported as over-long.
pub const MAX_LINE_CHARS: usize = 300;

/// Checks one field; warnings go to `problems` at the path `at` gives.
fn check(value: &mut String, at: impl Fn() -> String, problems: &mut Vec<Problem>) {
    // Cheap test first: most fields are short and plain.
    if value.len() <= MAX_LINE_CHARS && !has_control(value.as_bytes()) {
        return;
    }
    let bad = |c: char| c.is_ascii() && is_control(c as u8);
    if let Some(first) = value.chars().find(|&c| bad(c)) {
        let count = value.chars().filter(|&c| bad(c)).count();
        let what = match (count, first) {
            (1, _) => format!(
                "contains the control character U+{:04X}; it is shown as a space",
                first as u32
            ),
            (n, _) => format!(
                "contains {n} control characters (the first U+{:04X}); they are shown as spaces",
                first as u32
            ),
        };
        problems.push(
            Problem::warning(at(), what)
                .expected("text without control characters; line breaks and tabs are allowed"),
        );
        *value = value
            .chars()
            .map(|c| if bad(c) { ' ' } else { c })
            .collect();
    }
    if value.len() > MAX_LINE_CHARS {
        let chars = value.chars().count();
        if chars > MAX_LINE_CHARS {
            problems.push(
                Problem::warning(
                    at(),
                    format!("is {chars} characters long; it is kept in full"),
                )
                .expected(format!(
                    "at most {MAX_LINE_CHARS} characters for a title, name or label"
                )),
            );
        }
    }
}

/// A C0 control character other than a line break or tab, or DEL. Line breaks and tabs
/// are kept: a title may be written on two lines.
fn is_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t')) || b == 0x7f
}

/// Whether the bytes hold a control character ([`is_control`]), eight bytes at a time (this runs on
/// every title, so it is on the loader's hot path).
fn has_control(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // A byte below 0x20 borrows into its high bit; a byte equal to 0x7f is zero after the xor.
        let below = x.wrapping_sub(0x20 * ONES) & !x & HIGH;
        let y = x ^ (0x7f * ONES);
        let del = y.wrapping_sub(ONES) & !y & HIGH;
        // Rare (a line break in a title): look at the bytes themselves.
        if below | del != 0 && chunk.iter().any(|&b| is_control(b)) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| is_control(b))
}

fn check_opt(value: &mut Option<String>, at: impl Fn() -> String, problems: &mut Vec<Problem>) {
    if let Some(v) = value {
        check(v, at, problems);
    }
}

/// Checks the report's own one-line fields.
pub(super) fn meta(meta: &mut ReportMeta, problems: &mut Vec<Problem>) {
    let p = problems;
    check(&mut meta.organisation, || "report.organisation".into(), p);
    check(&mut meta.title, || "report.title".into(), p);
    check(&mut meta.document, || "report.source.document".into(), p);
    check_opt(&mut meta.chapter, || "report.source.chapter".into(), p);
}

/// Checks a kept subsidiary's one-line fields.
pub(super) fn subsidiary(s: &mut Subsidiary, base: &str, problems: &mut Vec<Problem>) {
    check(&mut s.name, || format!("{base}.name"), problems);
    check_opt(&mut s.sector, || format!("{base}.sector"), problems);
}

/// Checks a kept division's name.
pub(super) fn division(d: &mut Division, base: &str, problems: &mut Vec<Problem>) {
    check(&mut d.name, || format!("{base}.name"), problems);
}

/// Checks a kept category's name.
pub(super) fn category(c: &mut Category, base: &str, problems: &mut Vec<Problem>) {
    check(&mut c.name, || format!("{base}.name"), problems);
}

/// Checks a kept figure's one-line fields; `base` is its path (`entries[2].figures[0]`).
pub(super) fn figure(m: &mut Metric, base: &str, problems: &mut Vec<Problem>) {
    check(&mut m.label, || format!("{base}.label"), problems);
    check_opt(&mut m.unit, || format!("{base}.unit"), problems);
    check_opt(&mut m.family, || format!("{base}.family"), problems);
}

/// Checks a kept entry's one-line fields (its figures are checked as they load); a format 1
/// file's one country keeps its path, `country`.
pub(super) fn entry(e: &mut Entry, base: &str, version: Version, problems: &mut Vec<Problem>) {
    let p = problems;
    check(&mut e.title, || format!("{base}.title"), p);
    check_opt(&mut e.awarding_body, || format!("{base}.awarding_body"), p);
    check_opt(&mut e.location, || format!("{base}.location"), p);
    check_opt(&mut e.source.page, || format!("{base}.source.page"), p);
    let one_country = e.countries.len() == 1 && version == Version::V1;
    for (j, c) in e.countries.iter_mut().enumerate() {
        if one_country {
            check(c, || format!("{base}.country"), p);
        } else {
            check(c, || format!("{base}.countries[{j}]"), p);
        }
    }
    check(
        &mut e.source.section,
        || format!("{base}.source.section"),
        p,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_control_agrees_with_the_byte_test_at_every_position() {
        for len in [1usize, 7, 8, 9, 16, 23] {
            for at in 0..len {
                for b in 0u8..=255 {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    assert_eq!(
                        has_control(&bytes),
                        is_control(b),
                        "byte {b:#04x} at {at} of {len}"
                    );
                }
            }
        }
        assert!(!has_control("Crédit Agricole – 2021 “award”".as_bytes()));
    }
}
