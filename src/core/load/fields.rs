//! Checks on the text of a kept field: control characters (shown as spaces, with a warning)
//! and over-long titles and names (kept in full, with a warning).

use crate::core::model::{Category, Entry, ReportMeta, Subsidiary};
use crate::core::problem::Problem;

/// Characters a title, name or label may have before it is reported as over-long.
pub const MAX_LINE_CHARS: usize = 300;

/// Whether a field is one line (a title, a name) or running text (a summary, a passage).
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    Line,
    Block,
}

/// Checks one field; warnings go to `problems` at the path `at` gives.
fn check(value: &mut String, shape: Shape, at: impl Fn() -> String, problems: &mut Vec<Problem>) {
    // Cheap test first: most fields are short and plain.
    let suspicious = (shape == Shape::Line && value.len() > MAX_LINE_CHARS)
        || value.bytes().any(|b| b < 0x20 || b == 0x7f || b == 0xc2);
    if !suspicious {
        return;
    }
    let bad =
        |c: char| c.is_control() && !(shape == Shape::Block && matches!(c, '\n' | '\t' | '\r'));
    if let Some(first) = value.chars().find(|&c| bad(c)) {
        let count = value.chars().filter(|&c| bad(c)).count();
        let what = match (count, first) {
            (1, '\n' | '\r') => format!(
                "contains a line break (U+{:04X}); it is shown as a space",
                first as u32
            ),
            (1, _) => format!(
                "contains the control character U+{:04X}; it is shown as a space",
                first as u32
            ),
            (n, _) => format!(
                "contains {n} control characters (the first U+{:04X}); they are shown as spaces",
                first as u32
            ),
        };
        let expected = match shape {
            Shape::Line => "one line of plain text",
            Shape::Block => "plain text (line breaks and tabs are allowed)",
        };
        problems.push(Problem::warning(at(), what).expected(expected));
        *value = value
            .chars()
            .map(|c| if bad(c) { ' ' } else { c })
            .collect();
    }
    if shape == Shape::Line && value.len() > MAX_LINE_CHARS {
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

fn check_opt(
    value: &mut Option<String>,
    shape: Shape,
    at: impl Fn() -> String,
    problems: &mut Vec<Problem>,
) {
    if let Some(v) = value {
        check(v, shape, at, problems);
    }
}

/// Checks the report's own text fields.
pub(super) fn meta(meta: &mut ReportMeta, problems: &mut Vec<Problem>) {
    check(
        &mut meta.organisation,
        Shape::Line,
        || "report.organisation".to_owned(),
        problems,
    );
    check(
        &mut meta.title,
        Shape::Line,
        || "report.title".to_owned(),
        problems,
    );
    check(
        &mut meta.document,
        Shape::Line,
        || "report.source.document".to_owned(),
        problems,
    );
    check_opt(
        &mut meta.chapter,
        Shape::Line,
        || "report.source.chapter".to_owned(),
        problems,
    );
}

/// Checks a kept subsidiary's text fields.
pub(super) fn subsidiary(s: &mut Subsidiary, base: &str, problems: &mut Vec<Problem>) {
    check(
        &mut s.name,
        Shape::Line,
        || format!("{base}.name"),
        problems,
    );
    check_opt(
        &mut s.sector,
        Shape::Line,
        || format!("{base}.sector"),
        problems,
    );
}

/// Checks a kept category's name.
pub(super) fn category(c: &mut Category, base: &str, problems: &mut Vec<Problem>) {
    check(
        &mut c.name,
        Shape::Line,
        || format!("{base}.name"),
        problems,
    );
}

/// Checks a kept entry's text fields.
pub(super) fn entry(e: &mut Entry, base: &str, problems: &mut Vec<Problem>) {
    check(
        &mut e.title,
        Shape::Line,
        || format!("{base}.title"),
        problems,
    );
    check(
        &mut e.summary,
        Shape::Block,
        || format!("{base}.summary"),
        problems,
    );
    check_opt(
        &mut e.awarding_body,
        Shape::Line,
        || format!("{base}.awarding_body"),
        problems,
    );
    check_opt(
        &mut e.location,
        Shape::Line,
        || format!("{base}.location"),
        problems,
    );
    check_opt(
        &mut e.country,
        Shape::Line,
        || format!("{base}.country"),
        problems,
    );
    for (j, m) in e.metrics.iter_mut().enumerate() {
        let path = || format!("{base}.metrics[{j}]");
        check(
            &mut m.label,
            Shape::Line,
            || format!("{}.label", path()),
            problems,
        );
        check(
            &mut m.unit,
            Shape::Line,
            || format!("{}.unit", path()),
            problems,
        );
        check_opt(
            &mut m.family,
            Shape::Line,
            || format!("{}.family", path()),
            problems,
        );
    }
    check(
        &mut e.source.section,
        Shape::Line,
        || format!("{base}.source.section"),
        problems,
    );
    check(
        &mut e.source.passage,
        Shape::Block,
        || format!("{base}.source.passage"),
        problems,
    );
}
