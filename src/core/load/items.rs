//! Validating one item at a time: the header, subsidiaries, categories, entries and figures,
//! each problem with its JSON path.

use crate::core::date::{DateSpec, PLAUSIBLE_SPAN, PLAUSIBLE_YEARS};
use crate::core::ids::{CategoryId, EntryId, SubsidiaryId};
use crate::core::model::{
    Category, Entry, Kind, Metric, Qualifier, ReportMeta, Source, Subsidiary,
};
use crate::core::problem::{Problem, Severity};
use crate::core::raw::{
    RawCategory, RawEntry, RawMetric, RawReport, RawReportSource, RawSource, RawSubsidiary,
};
use serde::de::DeserializeOwned;
use serde::Deserialize;
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

fn join(base: &str, rest: &str) -> String {
    match (base.is_empty(), rest.is_empty()) {
        (true, _) => rest.to_owned(),
        (false, true) => base.to_owned(),
        (false, false) if rest.starts_with('[') => format!("{base}{rest}"),
        (false, false) => format!("{base}.{rest}"),
    }
}

/// Deserializes `value` into a raw type; a failure becomes an error at the exact path.
pub(super) fn parse_at<T: DeserializeOwned>(value: Value, base: &str) -> Result<T, Problem> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let inner = e.path().to_string();
        let inner = if inner == "." { String::new() } else { inner };
        let message = e.inner().to_string();
        // serde names a missing field in its message; point the path at it.
        let path = match message.strip_prefix("missing field `") {
            Some(rest) => join(&join(base, &inner), rest.trim_end_matches('`')),
            None => join(base, &inner),
        };
        Problem::error(if path.is_empty() { "$".into() } else { path }, message)
    })
}

pub(super) fn unknown_fields(
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
fn has_unknown_fields(value: &Value, known: &[&str]) -> bool {
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

fn required_text(value: &str, path: impl FnOnce() -> String, errors: &mut Vec<Problem>) -> String {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        errors.push(Problem::error(path(), "is empty").expected("a non-empty string"));
    }
    trimmed.to_owned()
}

fn optional_text(value: Option<String>) -> Option<String> {
    value.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

pub(super) fn report_meta(
    value: Value,
    problems: &mut Vec<Problem>,
) -> Result<ReportMeta, Vec<Problem>> {
    unknown_fields(&value, RawReport::FIELDS, "report", problems);
    if let Some(source) = value.get("source") {
        unknown_fields(source, RawReportSource::FIELDS, "report.source", problems);
    }
    let raw: RawReport = parse_at(value, "report").map_err(|p| vec![p])?;
    let mut errors = Vec::new();
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
    let period = DateSpec::parse(raw.period.trim()).map_err(|m| {
        Problem::error("report.period", m).expected("an ISO 8601 date such as `2019`")
    });
    match period {
        Ok(period) if errors.is_empty() => Ok(ReportMeta {
            organisation,
            title,
            period,
            document,
            chapter: optional_text(raw.source.chapter),
            url: optional_text(raw.source.url),
            language: optional_text(raw.language),
        }),
        Ok(_) => Err(errors),
        Err(p) => {
            errors.push(p);
            Err(errors)
        }
    }
}

/// Checks an id's syntax and uniqueness; `seen` maps ids to the path that first used them.
fn unique_id(
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

pub(super) fn subsidiaries(values: Vec<Value>, problems: &mut Vec<Problem>) -> Vec<Subsidiary> {
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        let base = format!("subsidiaries[{i}]");
        let Some(raw) = parse_item::<RawSubsidiary>(value, RawSubsidiary::FIELDS, &base, problems)
        else {
            continue;
        };
        let mut errors = Vec::new();
        let name = required_text(&raw.name, || format!("{base}.name"), &mut errors);
        let id = unique_id(&raw.id, format!("{base}.id"), &mut seen, &mut errors);
        match id.and_then(|id| SubsidiaryId::new(&id).ok()) {
            Some(id) if errors.is_empty() => out.push(Subsidiary {
                id,
                name,
                sector: optional_text(raw.sector),
            }),
            _ => problems.extend(errors),
        }
    }
    out
}

pub(super) fn categories(values: Vec<Value>, problems: &mut Vec<Problem>) -> Vec<Category> {
    let mut seen = HashMap::new();
    let mut candidates = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        let base = format!("categories[{i}]");
        let Some(raw) = parse_item::<RawCategory>(value, RawCategory::FIELDS, &base, problems)
        else {
            continue;
        };
        let mut errors = Vec::new();
        let name = required_text(&raw.name, || format!("{base}.name"), &mut errors);
        let id = unique_id(&raw.id, format!("{base}.id"), &mut seen, &mut errors);
        let parent = raw.parent.as_deref().map(str::trim);
        match id.and_then(|id| CategoryId::new(&id).ok()) {
            Some(id) if errors.is_empty() => {
                candidates.push((base, id, name, parent.map(str::to_owned)))
            }
            _ => problems.extend(errors),
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
            problems.push(
                Problem::error(
                    format!("{base}.parent"),
                    format!("parent `{parent}` leads back to `{id}`"),
                )
                .expected("a parent chain without cycles"),
            );
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
            }
            ok
        });
        if out.len() == before {
            break;
        }
    }
    out
}

/// Validates entries one at a time against the subsidiaries, categories and ids seen so far.
pub(super) struct EntryChecker {
    subsidiary_ids: HashSet<String>,
    category_ids: HashSet<String>,
    seen: HashMap<String, String>,
}

impl EntryChecker {
    pub(super) fn new(subsidiaries: &[Subsidiary], categories: &[Category]) -> Self {
        EntryChecker {
            subsidiary_ids: subsidiaries
                .iter()
                .map(|s| s.id.as_str().to_owned())
                .collect(),
            category_ids: categories
                .iter()
                .map(|c| c.id.as_str().to_owned())
                .collect(),
            seen: HashMap::new(),
        }
    }

    /// The entry whose text is `text` at `entries[i]`, or `None` with its problems recorded;
    /// `Err` when the text is not JSON.
    ///
    /// A well-formed entry with only known fields is read straight from the text; any other
    /// goes through a `Value`, so its problems are found and ordered exactly as before.
    pub(super) fn check_text(
        &mut self,
        text: &str,
        i: usize,
        problems: &mut Vec<Problem>,
    ) -> Result<Option<Entry>, serde_json::Error> {
        let mut unknown = false;
        let mut de = serde_json::Deserializer::from_str(text);
        let mut note = |_: serde_ignored::Path<'_>| unknown = true;
        let fast = RawEntry::deserialize(serde_ignored::Deserializer::new(&mut de, &mut note));
        if let (Ok(raw), false) = (fast, unknown) {
            let base = format!("entries[{i}]");
            return Ok(self.validate(&raw, &base, problems));
        }
        let value: Value = serde_json::from_str(text)?;
        Ok(self.check(value, i, problems))
    }

    /// The entry at `entries[i]`, or `None` with its problems recorded.
    pub(super) fn check(
        &mut self,
        value: Value,
        i: usize,
        problems: &mut Vec<Problem>,
    ) -> Option<Entry> {
        let base = format!("entries[{i}]");
        unknown_fields(&value, RawEntry::FIELDS, &base, problems);
        if let Some(Value::Array(metrics)) = value.get("metrics") {
            for (j, m) in metrics.iter().enumerate() {
                if has_unknown_fields(m, RawMetric::FIELDS) {
                    unknown_fields(
                        m,
                        RawMetric::FIELDS,
                        &format!("{base}.metrics[{j}]"),
                        problems,
                    );
                }
            }
        }
        if let Some(source) = value.get("source") {
            if has_unknown_fields(source, RawSource::FIELDS) {
                unknown_fields(
                    source,
                    RawSource::FIELDS,
                    &format!("{base}.source"),
                    problems,
                );
            }
        }
        let raw: RawEntry = match parse_at(value, &base) {
            Ok(raw) => raw,
            Err(p) => {
                problems.push(p);
                return None;
            }
        };
        self.validate(&raw, &base, problems)
    }

    /// Checks a parsed entry against the subsidiaries, categories and ids seen so far.
    fn validate(
        &mut self,
        raw: &RawEntry,
        base: &str,
        problems: &mut Vec<Problem>,
    ) -> Option<Entry> {
        let mut errors = Vec::new();
        let entry = entry(
            raw,
            base,
            &self.subsidiary_ids,
            &self.category_ids,
            &mut errors,
        );
        let id = unique_id(&raw.id, format!("{base}.id"), &mut self.seen, &mut errors);
        match (entry, id) {
            (Some(entry), Some(_)) if errors.iter().all(|p| p.severity == Severity::Warning) => {
                problems.extend(errors);
                Some(entry)
            }
            _ => {
                problems.extend(errors);
                None
            }
        }
    }
}

fn entry(
    raw: &RawEntry,
    base: &str,
    subsidiary_ids: &HashSet<String>,
    category_ids: &HashSet<String>,
    errors: &mut Vec<Problem>,
) -> Option<Entry> {
    let kind = Kind::parse(raw.kind.trim());
    if kind.is_none() {
        let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        errors.push(
            Problem::error(
                format!("{base}.kind"),
                format!("unknown kind `{}`", raw.kind),
            )
            .expected(format!("one of {}", quote_list(&kinds))),
        );
    }
    let title = required_text(&raw.title, || format!("{base}.title"), errors);
    let summary = required_text(&raw.summary, || format!("{base}.summary"), errors);
    let subsidiary = raw.subsidiary.trim();
    if !subsidiary_ids.contains(subsidiary) {
        errors.push(
            Problem::error(
                format!("{base}.subsidiary"),
                format!("unknown subsidiary id `{subsidiary}`"),
            )
            .expected("the id of an entry in `subsidiaries`"),
        );
    }
    if raw.categories.is_empty() {
        errors.push(
            Problem::error(format!("{base}.categories"), "is empty")
                .expected("at least one category id"),
        );
    }
    for (j, c) in raw.categories.iter().enumerate() {
        if !category_ids.contains(c.trim()) {
            errors.push(
                Problem::error(
                    format!("{base}.categories[{j}]"),
                    format!("unknown category id `{}`", c.trim()),
                )
                .expected("the id of an entry in `categories`"),
            );
        }
    }
    let date = match raw.date.as_deref().map(str::trim) {
        None => None,
        Some(d) => match DateSpec::parse(d) {
            Ok(date) => {
                // Kept, but flagged: such a date is most likely a typo.
                if let Some(why) = date.implausible() {
                    errors.push(
                        Problem::warning(
                            format!("{base}.date"),
                            format!("date `{d}` {why}; the entry is kept"),
                        )
                        .expected(format!(
                            "a date within {}–{} spanning at most {PLAUSIBLE_SPAN} years",
                            PLAUSIBLE_YEARS.start(),
                            PLAUSIBLE_YEARS.end()
                        )),
                    );
                }
                Some(date)
            }
            Err(m) => {
                errors.push(
                    Problem::error(format!("{base}.date"), m)
                        .expected("YYYY, YYYY-MM, YYYY-MM-DD or a range start/end"),
                );
                None
            }
        },
    };
    let metrics: Vec<Metric> = raw
        .metrics
        .iter()
        .enumerate()
        .filter_map(|(j, m)| metric(m, &format!("{base}.metrics[{j}]"), errors))
        .collect();
    let section = required_text(
        &raw.source.section,
        || format!("{base}.source.section"),
        errors,
    );
    let passage = required_text(
        &raw.source.passage,
        || format!("{base}.source.passage"),
        errors,
    );
    Some(Entry {
        id: EntryId::new(raw.id.trim()).ok()?,
        kind: kind?,
        title,
        summary,
        subsidiary: SubsidiaryId::new(subsidiary).ok()?,
        categories: raw
            .categories
            .iter()
            .filter_map(|c| CategoryId::new(c.trim()).ok())
            .collect(),
        date,
        awarding_body: optional_text(raw.awarding_body.clone()),
        location: optional_text(raw.location.clone()),
        country: optional_text(raw.country.clone()),
        metrics,
        source: Source { section, passage },
    })
}

fn metric(raw: &RawMetric, base: &str, errors: &mut Vec<Problem>) -> Option<Metric> {
    let before = errors.len();
    let label = required_text(&raw.label, || format!("{base}.label"), errors);
    let unit = required_text(&raw.unit, || format!("{base}.unit"), errors);
    let qualifier = match raw.qualifier.as_deref().map(str::trim) {
        None => Qualifier::Exact,
        Some(q) => Qualifier::parse(q).unwrap_or_else(|| {
            let names: Vec<&str> = Qualifier::WRITTEN.iter().map(|q| q.as_str()).collect();
            errors.push(
                Problem::error(
                    format!("{base}.qualifier"),
                    format!("unknown qualifier `{q}`"),
                )
                .expected(format!("one of {} or no qualifier", quote_list(&names))),
            );
            Qualifier::Exact
        }),
    };
    if let Some(n) = raw.out_of {
        if n <= 0.0 || n.fract() != 0.0 {
            errors.push(
                Problem::error(format!("{base}.out_of"), format!("{n} is not a list size"))
                    .expected("a positive whole number"),
            );
        } else if unit == "rank" && raw.value > n {
            errors.push(
                Problem::error(
                    format!("{base}.value"),
                    format!("rank {} is beyond the list size {n}", raw.value),
                )
                .expected("a rank no greater than `out_of`"),
            );
        }
    }
    (errors.len() == before).then(|| Metric {
        label,
        value: raw.value,
        unit,
        qualifier,
        out_of: raw.out_of,
        family: optional_text(raw.family.clone()),
    })
}
