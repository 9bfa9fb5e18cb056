//! Validating one item at a time: the header, subsidiaries and categories (entries are in
//! `entries.rs`), each problem with its JSON path.

use super::fields;
use crate::core::date::{DateContext, DateSpec, EXAMPLES};
use crate::core::ids::{CategoryId, DivisionId, SubsidiaryId};
use crate::core::model::{Category, Division, ReportMeta, Subsidiary};
use crate::core::problem::Problem;
use crate::core::raw::{RawCategory, RawDivision, RawReport, RawReportSource, RawSubsidiary};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// How a JSON value reads in a message: `an array`, `a string`, ...
pub(crate) fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(super) fn join(base: &str, rest: &str) -> String {
    match (base.is_empty(), rest.is_empty()) {
        (true, _) => rest.to_owned(),
        (false, true) => base.to_owned(),
        (false, false) if rest.starts_with('[') => format!("{base}{rest}"),
        (false, false) => format!("{base}.{rest}"),
    }
}

/// serde's type words in the format's: `object` for `map`, `array` for `sequence`, and
/// `an entry` for `struct RawEntry`.
fn plain_types(message: &str) -> String {
    let mut out = message
        .replace("invalid type: map", "invalid type: object")
        .replace("invalid type: sequence", "invalid type: array")
        .replace("expected a sequence", "expected an array")
        .replace("expected a map", "expected an object");
    for (raw, plain) in [
        ("struct RawEntryFields", "an entry (an object)"),
        ("struct RawEntry", "an entry (an object)"),
        ("struct RawSubsidiary", "a subsidiary (an object)"),
        ("struct RawDivision", "a division (an object)"),
        ("struct RawCategory", "a category (an object)"),
        ("struct RawMetric", "a figure (an object)"),
        ("struct RawBaseline", "a baseline (an object)"),
        ("struct RawSource", "a source (an object)"),
        ("struct RawReportSource", "a source (an object)"),
        ("struct RawReport", "the report's metadata (an object)"),
        ("struct RawFile", "a report (an object)"),
    ] {
        out = out.replace(raw, plain);
    }
    out
}

/// Deserializes `value` into a raw type; a failure becomes an error at the exact path.
pub(super) fn parse_at<T: DeserializeOwned>(value: Value, base: &str) -> Result<T, Problem> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let inner = e.path().to_string();
        let inner = if inner == "." { String::new() } else { inner };
        let message = plain_types(&e.inner().to_string());
        // serde names a missing field in its message; point the path at it.
        let path = match message.strip_prefix("missing field `") {
            Some(rest) => join(&join(base, &inner), rest.trim_end_matches('`')),
            None => join(base, &inner),
        };
        Problem::error(if path.is_empty() { "$".into() } else { path }, message)
    })
}

/// Warnings for the keys of `value` not in `known`, each at `base.key`.
pub(crate) fn unknown_fields(
    value: &Value,
    known: &[&str],
    base: &str,
    problems: &mut Vec<Problem>,
) {
    if let Value::Object(map) = value {
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            problems.push(
                Problem::warning(join(base, key), format!("unknown field `{key}` ignored"))
                    .expected(format!("one of {}", quote_list(known))),
            );
        }
    }
}

/// Whether an object has a key the format does not define (checked before building a path).
pub(super) fn has_unknown_fields(value: &Value, known: &[&str]) -> bool {
    value
        .as_object()
        .is_some_and(|map| map.keys().any(|k| !known.contains(&k.as_str())))
}

/// `a`, `b`, `c` as a list of backquoted names.
pub(crate) fn quote_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[inline]
pub(super) fn required_text(
    value: &str,
    path: impl FnOnce() -> String,
    errors: &mut Vec<Problem>,
) -> String {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        errors.push(Problem::error(path(), "is empty").expected("a non-empty string"));
    }
    trimmed.to_owned()
}

#[inline]
pub(super) fn optional_text(value: Option<String>) -> Option<String> {
    value.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// What `report.fiscal_year_end` should be, for its messages.
const FISCAL_YEAR_END: &str =
    "the month the fiscal year ends with, 1-12 (3 for March, 12 for December)";

pub(super) fn report_meta(
    mut value: Value,
    problems: &mut Vec<Problem>,
) -> Result<ReportMeta, Vec<Problem>> {
    unknown_fields(&value, RawReport::FIELDS, "report", problems);
    if let Some(source) = value.get("source") {
        unknown_fields(source, RawReportSource::FIELDS, "report.source", problems);
    }
    let mut errors = Vec::new();
    // A month that is not a whole number is told as such, rather than as serde's `u64`.
    if let Some(month) = value.get_mut("fiscal_year_end") {
        if !month.is_null() && !month.is_u64() {
            errors.push(
                Problem::error(
                    "report.fiscal_year_end",
                    format!("`{month}` is not a month number"),
                )
                .expected(FISCAL_YEAR_END),
            );
            *month = Value::Null;
        }
    }
    let raw: RawReport = match parse_at(value, "report") {
        Ok(raw) => raw,
        Err(p) => {
            errors.push(p);
            return Err(errors);
        }
    };
    let organisation = required_text(
        &raw.organisation,
        || "report.organisation".into(),
        &mut errors,
    );
    let title = required_text(&raw.title, || "report.title".into(), &mut errors);
    let document = required_text(
        &raw.source.document,
        || "report.source.document".into(),
        &mut errors,
    );
    let fiscal_year_end = match raw.fiscal_year_end {
        None => 12,
        Some(month @ 1..=12) => month as u8,
        Some(month) => {
            errors.push(
                Problem::error(
                    "report.fiscal_year_end",
                    format!("month {month} is outside 1-12"),
                )
                .expected(FISCAL_YEAR_END),
            );
            12
        }
    };
    let context = DateContext {
        fiscal_year_end,
        ..DateContext::CALENDAR
    };
    let period = DateSpec::parse_in(raw.period.trim(), &context)
        .map_err(|m| Problem::error("report.period", m).expected(EXAMPLES));
    match period {
        Ok(period) if errors.is_empty() => {
            let mut meta = ReportMeta {
                organisation,
                title,
                period,
                document,
                chapter: optional_text(raw.source.chapter),
                url: optional_text(raw.source.url),
                language: optional_text(raw.language),
                fiscal_year_end,
                text: optional_text(raw.text).and_then(|path| {
                    crate::core::source::text_path(&path)
                        .map_err(|p| problems.push(p))
                        .ok()
                }),
            };
            fields::meta(&mut meta, problems);
            Ok(meta)
        }
        Ok(_) => Err(errors),
        Err(p) => {
            errors.push(p);
            Err(errors)
        }
    }
}

/// Checks an id's syntax and uniqueness; `seen` maps ids to the path that first used them.
pub(super) fn unique_id(
    raw: &str,
    path: String,
    seen: &mut HashMap<String, String>,
    errors: &mut Vec<Problem>,
) -> Option<String> {
    if let Err(m) = crate::core::ids::check_id(raw) {
        errors.push(
            Problem::error(path, m).expected("1-64 of a-z, 0-9 and `-`, not starting with `-`"),
        );
        return None;
    }
    if let Some(first) = seen.get(raw) {
        errors.push(
            Problem::error(path, format!("duplicate id `{raw}`, first used at {first}"))
                .expected("a unique id"),
        );
        return None;
    }
    seen.insert(raw.to_owned(), path);
    Some(raw.to_owned())
}

/// A list item as its raw type: its unknown fields become warnings, a type error is
/// recorded and gives `None`.
fn parse_item<T: DeserializeOwned>(
    value: Value,
    fields: &[&str],
    base: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    unknown_fields(&value, fields, base, problems);
    parse_at(value, base).map_err(|p| problems.push(p)).ok()
}

/// The item's value, or `None` when a value serde refuses spoiled it: its problems are
/// recorded and its id, when one could be read, goes to `skipped` with the item's path.
fn intact(
    item: super::Item,
    base: &str,
    skipped: &mut HashMap<String, String>,
    problems: &mut Vec<Problem>,
) -> Option<Value> {
    match item {
        Ok(value) => Some(value),
        Err((spoiled, id)) => {
            if let Some(id) = id {
                skipped.insert(id, base.to_owned());
            }
            problems.extend(spoiled);
            None
        }
    }
}

/// The valid divisions; the ids of skipped ones go to `skipped` with their paths.
pub(super) fn divisions(
    values: Vec<super::Item>,
    skipped: &mut HashMap<String, String>,
    problems: &mut Vec<Problem>,
) -> Vec<Division> {
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        let base = format!("divisions[{i}]");
        let Some(value) = intact(value, &base, skipped, problems) else {
            continue;
        };
        let Some(raw) = parse_item::<RawDivision>(value, RawDivision::FIELDS, &base, problems)
        else {
            continue;
        };
        let mut errors = Vec::new();
        let name = required_text(&raw.name, || format!("{base}.name"), &mut errors);
        let id = unique_id(&raw.id, format!("{base}.id"), &mut seen, &mut errors);
        match id.and_then(|id| DivisionId::new(&id).ok()) {
            Some(id) if errors.is_empty() => {
                let mut division = Division { id, name };
                fields::division(&mut division, &base, problems);
                out.push(division);
            }
            _ => {
                skipped.insert(raw.id.clone(), base);
                problems.extend(errors);
            }
        }
    }
    out
}

/// The valid subsidiaries; the ids of skipped ones go to `skipped` with their paths. A
/// `division` that names no loaded division is a warning and left out (the subsidiary loads).
pub(super) fn subsidiaries(
    values: Vec<super::Item>,
    divisions: &[Division],
    skipped_divisions: &HashMap<String, String>,
    skipped: &mut HashMap<String, String>,
    problems: &mut Vec<Problem>,
) -> Vec<Subsidiary> {
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        let base = format!("subsidiaries[{i}]");
        let Some(value) = intact(value, &base, skipped, problems) else {
            continue;
        };
        let Some(raw) = parse_item::<RawSubsidiary>(value, RawSubsidiary::FIELDS, &base, problems)
        else {
            continue;
        };
        let mut errors = Vec::new();
        let name = required_text(&raw.name, || format!("{base}.name"), &mut errors);
        let id = unique_id(&raw.id, format!("{base}.id"), &mut seen, &mut errors);
        match id.and_then(|id| SubsidiaryId::new(&id).ok()) {
            Some(id) if errors.is_empty() => {
                // References match exactly; a blank division means none.
                let division = raw.division.filter(|d| !d.trim().is_empty()).and_then(|d| {
                    let found = divisions.iter().find(|x| x.id.as_str() == d);
                    if found.is_none() {
                        let at = format!("{base}.division");
                        problems.push(match skipped_divisions.get(&d) {
                            Some(first) => Problem::warning(
                                at,
                                format!("division `{d}` was skipped because of its own problem at {first}; the subsidiary loads without a division"),
                            )
                            .expected("a division that loads"),
                            None => Problem::warning(
                                at,
                                format!("unknown division id `{d}`; the subsidiary loads without a division"),
                            )
                            .expected("the id of an entry in `divisions`"),
                        });
                    }
                    found.map(|x| x.id.clone())
                });
                let mut subsidiary = Subsidiary {
                    id,
                    name,
                    sector: optional_text(raw.sector),
                    division,
                };
                fields::subsidiary(&mut subsidiary, &base, problems);
                out.push(subsidiary);
            }
            _ => {
                skipped.insert(raw.id.clone(), base);
                problems.extend(errors);
            }
        }
    }
    out
}

/// The valid categories; the ids of skipped ones go to `skipped` with their paths.
pub(super) fn categories(
    values: Vec<super::Item>,
    skipped: &mut HashMap<String, String>,
    problems: &mut Vec<Problem>,
) -> Vec<Category> {
    let mut seen = HashMap::new();
    let mut candidates = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        let base = format!("categories[{i}]");
        let Some(value) = intact(value, &base, skipped, problems) else {
            continue;
        };
        let Some(raw) = parse_item::<RawCategory>(value, RawCategory::FIELDS, &base, problems)
        else {
            continue;
        };
        let mut errors = Vec::new();
        let name = required_text(&raw.name, || format!("{base}.name"), &mut errors);
        let id = unique_id(&raw.id, format!("{base}.id"), &mut seen, &mut errors);
        // References match exactly; a blank parent means none.
        let parent = raw.parent.as_deref().filter(|p| !p.trim().is_empty());
        match id.and_then(|id| CategoryId::new(&id).ok()) {
            Some(id) if errors.is_empty() => {
                candidates.push((base, id, name, parent.map(str::to_owned)))
            }
            _ => {
                skipped.insert(raw.id.clone(), base);
                problems.extend(errors);
            }
        }
    }
    // Parents must exist and must not lead back to the category itself.
    let parents: HashMap<String, Option<String>> = candidates
        .iter()
        .map(|(_, id, _, parent)| (id.as_str().to_owned(), parent.clone()))
        .collect();
    let bases: HashMap<CategoryId, String> = candidates
        .iter()
        .map(|(base, id, _, _)| (id.clone(), base.clone()))
        .collect();
    let mut out = Vec::new();
    for (base, id, name, parent) in candidates {
        let Some(parent) = parent else {
            out.push(Category {
                id,
                name,
                parent: None,
            });
            continue;
        };
        if !parents.contains_key(&parent) {
            problems.push(
                Problem::error(
                    format!("{base}.parent"),
                    format!("unknown category id `{parent}`"),
                )
                .expected("the id of another category"),
            );
            skipped.insert(id.as_str().to_owned(), base);
            continue;
        }
        let mut visited = HashSet::from([id.as_str().to_owned()]);
        let mut cursor = Some(parent.clone());
        let mut cyclic = false;
        while let Some(current) = cursor {
            if !visited.insert(current.clone()) {
                cyclic = true;
                break;
            }
            cursor = parents.get(&current).cloned().flatten();
        }
        if cyclic {
            let message = if parent == id.as_str() {
                format!("category `{id}` is its own parent")
            } else {
                format!("parent `{parent}` leads back to `{id}`")
            };
            problems.push(
                Problem::error(format!("{base}.parent"), message)
                    .expected("a parent chain without cycles"),
            );
            skipped.insert(id.as_str().to_owned(), base);
            continue;
        }
        out.push(Category {
            id,
            name,
            parent: CategoryId::new(&parent).ok(),
        });
    }
    // A category whose ancestor was skipped keeps a dangling parent: drop those too.
    loop {
        let known: HashSet<CategoryId> = out.iter().map(|c| c.id.clone()).collect();
        let before = out.len();
        out.retain(|c| {
            let ok = c.parent.as_ref().is_none_or(|p| known.contains(p));
            if !ok {
                problems.push(
                    Problem::error(
                        format!("{}.parent", bases[&c.id]),
                        format!(
                            "parent `{}` was skipped",
                            c.parent.as_ref().map_or("", |p| p.as_str())
                        ),
                    )
                    .expected("a valid parent category"),
                );
                skipped.insert(c.id.as_str().to_owned(), bases[&c.id].clone());
            }
            ok
        });
        if out.len() == before {
            break;
        }
    }
    for c in &mut out {
        fields::category(c, &bases[&c.id], problems);
    }
    out
}
