//! Stage two of loading: validate the raw JSON into the model, collecting problems with JSON paths.

use crate::core::date::DateSpec;
use crate::core::ids::{CategoryId, EntryId, SubsidiaryId};
use crate::core::model::{
    Category, Entry, Kind, Metric, Qualifier, Report, ReportMeta, Source, Subsidiary, FORMAT,
};
use crate::core::problem::{Problem, Severity};
use crate::core::raw::{
    RawCategory, RawEntry, RawFile, RawMetric, RawReport, RawReportSource, RawSource, RawSubsidiary,
};
use crate::core::split::{Split, SplitError, Splitter};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;

/// A report that loaded, with the problems found on the way (possibly none).
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The valid part of the file.
    pub report: Report,
    /// Warnings and skipped items, in file order.
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// Problems that caused an item to be skipped.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }
}

/// Why nothing could be loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The text is not JSON.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The JSON is not a report: the format tag, the metadata or a list is wrong.
    Invalid(Vec<Problem>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "JSON syntax error at line {line}, column {column}: {message}"
            ),
            LoadError::Invalid(problems) => {
                write!(f, "not a valid report")?;
                for p in problems {
                    write!(f, "\n{p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Parses and validates a report file in one go.
pub fn load_report(text: &str) -> Result<Loaded, LoadError> {
    let mut loader = Loader::new(text);
    loop {
        if let Some(loaded) = loader.step(text, usize::MAX)? {
            return Ok(loaded);
        }
    }
}

/// How far a [`Loader`] has come.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoadProgress {
    /// Bytes of the text split into items.
    pub bytes_split: usize,
    /// Bytes in the text.
    pub bytes_total: usize,
    /// Entries validated.
    pub entries_done: usize,
    /// Entries in the file, once the text is split.
    pub entries_total: Option<usize>,
}

/// A report load in steps, so a caller can spread a large file over many short tasks.
///
/// Every call to [`Loader::step`] must pass the same text. The result equals
/// [`load_report`]'s: the same model, the same problems, the same errors.
pub struct Loader {
    len: usize,
    phase: Phase,
    /// Entries in the file, kept for progress once the load has ended.
    entries_total: Option<usize>,
}

enum Phase {
    Split(Splitter),
    Entries(Box<EntryPhase>),
    Done,
}

/// The state after the header, subsidiaries and categories are validated.
struct EntryPhase {
    meta: ReportMeta,
    subsidiaries: Vec<Subsidiary>,
    categories: Vec<Category>,
    ranges: Vec<Range<usize>>,
    next: usize,
    checker: EntryChecker,
    entries: Vec<Entry>,
    problems: Vec<Problem>,
}

impl Loader {
    /// A loader for `text`.
    pub fn new(text: &str) -> Self {
        Loader {
            len: text.len(),
            phase: Phase::Split(Splitter::new()),
            entries_total: None,
        }
    }

    /// How far the load has come.
    pub fn progress(&self) -> LoadProgress {
        match &self.phase {
            Phase::Split(s) => LoadProgress {
                bytes_split: s.position(),
                bytes_total: self.len,
                entries_done: 0,
                entries_total: None,
            },
            Phase::Entries(e) => LoadProgress {
                bytes_split: self.len,
                bytes_total: self.len,
                entries_done: e.next,
                entries_total: Some(e.ranges.len()),
            },
            Phase::Done => LoadProgress {
                bytes_split: self.len,
                bytes_total: self.len,
                entries_done: self.entries_total.unwrap_or(0),
                entries_total: self.entries_total,
            },
        }
    }

    /// Does about `budget` bytes of work: splitting text, or validating entries.
    /// Returns the loaded report when done, `None` when there is more to do.
    pub fn step(&mut self, text: &str, budget: usize) -> Result<Option<Loaded>, LoadError> {
        match &mut self.phase {
            Phase::Split(splitter) => {
                let split = match splitter.step(text, budget) {
                    Ok(None) => return Ok(None),
                    Ok(Some(split)) => split,
                    Err(SplitError::NotAnObject) => {
                        self.phase = Phase::Done;
                        return Err(not_an_object(text));
                    }
                    Err(SplitError::Syntax(at)) => {
                        self.phase = Phase::Done;
                        return Err(syntax_error_of(text, at));
                    }
                };
                self.phase = Phase::Done;
                let phase = header(text, split)?;
                self.entries_total = Some(phase.ranges.len());
                self.phase = Phase::Entries(Box::new(phase));
                Ok(None)
            }
            Phase::Entries(phase) => {
                let mut spent = 0usize;
                while phase.next < phase.ranges.len() && spent < budget {
                    let i = phase.next;
                    let range = phase.ranges[i].clone();
                    spent = spent.saturating_add(range.len());
                    phase.next += 1;
                    let value = match serde_json::from_str::<Value>(&text[range.clone()]) {
                        Ok(value) => value,
                        Err(e) => {
                            self.phase = Phase::Done;
                            return Err(relocate(text, range.start, &e));
                        }
                    };
                    if let Some(entry) = phase.checker.check(value, i, &mut phase.problems) {
                        phase.entries.push(entry);
                    }
                }
                if phase.next < phase.ranges.len() {
                    return Ok(None);
                }
                let Phase::Entries(phase) = std::mem::replace(&mut self.phase, Phase::Done) else {
                    unreachable!("matched above")
                };
                let EntryPhase {
                    meta,
                    subsidiaries,
                    categories,
                    entries,
                    problems,
                    ..
                } = *phase;
                Ok(Some(Loaded {
                    report: Report {
                        meta,
                        subsidiaries,
                        categories,
                        entries,
                    },
                    problems,
                }))
            }
            Phase::Done => Err(LoadError::Invalid(vec![Problem::error(
                "$",
                "the load already ended",
            )])),
        }
    }
}

/// Validates the top-level object (with its lists emptied), the header, subsidiaries and categories.
fn header(text: &str, split: Split) -> Result<EntryPhase, LoadError> {
    // Items are only parsed later: a syntax error in one of them comes before any other error.
    header_of_split(text, split).map_err(|e| match e {
        LoadError::Invalid(_) => match serde_json::from_str::<Skim>(text) {
            Err(first) => syntax(&first, first.line(), first.column()),
            Ok(_) => e,
        },
        syntax => syntax,
    })
}

fn header_of_split(text: &str, split: Split) -> Result<EntryPhase, LoadError> {
    let value: Value = match serde_json::from_str(&split.skeleton) {
        Ok(value) => value,
        // The skeleton is cut from the text, so the text itself has this error: say where.
        Err(_) => return Err(whole_text_error(text)),
    };
    let mut problems = Vec::new();
    unknown_fields(&value, RawFile::FIELDS, "", &mut problems);
    let file: RawFile = parse_at(value, "").map_err(|p| LoadError::Invalid(vec![p]))?;

    if file.format != FORMAT {
        return Err(LoadError::Invalid(vec![Problem::error(
            "format",
            format!("unsupported format `{}`", file.format),
        )
        .expected(format!("`{FORMAT}`"))]));
    }
    let meta = match report_meta(file.report, &mut problems) {
        Ok(meta) => meta,
        Err(errors) => return Err(LoadError::Invalid(errors)),
    };
    let [subsidiary_ranges, category_ranges, entry_ranges] = split.items;
    let subsidiaries = subsidiaries(items(text, subsidiary_ranges)?, &mut problems);
    let categories = categories(items(text, category_ranges)?, &mut problems);
    let checker = EntryChecker::new(&subsidiaries, &categories);
    Ok(EntryPhase {
        meta,
        subsidiaries,
        categories,
        entries: Vec::with_capacity(entry_ranges.len()),
        ranges: entry_ranges,
        next: 0,
        checker,
        problems,
    })
}

/// Parses list items cut from the text.
fn items(text: &str, ranges: Vec<Range<usize>>) -> Result<Vec<Value>, LoadError> {
    ranges
        .into_iter()
        .map(|r| serde_json::from_str(&text[r.clone()]).map_err(|e| relocate(text, r.start, &e)))
        .collect()
}

/// The error for a text that is not an object at the top: a syntax error, or what it holds.
fn not_an_object(text: &str) -> LoadError {
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
fn syntax_error_of(text: &str, at: usize) -> LoadError {
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
struct Skim;

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
fn whole_text_error(text: &str) -> LoadError {
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
fn relocate(text: &str, start: usize, e: &serde_json::Error) -> LoadError {
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

fn syntax(e: &serde_json::Error, line: usize, column: usize) -> LoadError {
    LoadError::Syntax {
        line,
        column,
        message: strip_position(&e.to_string()),
    }
}

/// 1-based line and column (in bytes, as serde counts) of a byte offset.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..at.min(text.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, at - line_start + 1)
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

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
fn parse_at<T: DeserializeOwned>(value: Value, base: &str) -> Result<T, Problem> {
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

fn unknown_fields(value: &Value, known: &[&str], base: &str, problems: &mut Vec<Problem>) {
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

fn report_meta(value: Value, problems: &mut Vec<Problem>) -> Result<ReportMeta, Vec<Problem>> {
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

fn subsidiaries(values: Vec<Value>, problems: &mut Vec<Problem>) -> Vec<Subsidiary> {
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        let base = format!("subsidiaries[{i}]");
        unknown_fields(&value, RawSubsidiary::FIELDS, &base, problems);
        let raw: RawSubsidiary = match parse_at(value, &base) {
            Ok(raw) => raw,
            Err(p) => {
                problems.push(p);
                continue;
            }
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

fn categories(values: Vec<Value>, problems: &mut Vec<Problem>) -> Vec<Category> {
    let mut seen = HashMap::new();
    let mut candidates = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        let base = format!("categories[{i}]");
        unknown_fields(&value, RawCategory::FIELDS, &base, problems);
        let raw: RawCategory = match parse_at(value, &base) {
            Ok(raw) => raw,
            Err(p) => {
                problems.push(p);
                continue;
            }
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
struct EntryChecker {
    subsidiary_ids: HashSet<String>,
    category_ids: HashSet<String>,
    seen: HashMap<String, String>,
}

impl EntryChecker {
    fn new(subsidiaries: &[Subsidiary], categories: &[Category]) -> Self {
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

    /// The entry at `entries[i]`, or `None` with its problems recorded.
    fn check(&mut self, value: Value, i: usize, problems: &mut Vec<Problem>) -> Option<Entry> {
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
        let mut errors = Vec::new();
        let entry = entry(
            &raw,
            &base,
            &self.subsidiary_ids,
            &self.category_ids,
            &mut errors,
        );
        let id = unique_id(&raw.id, format!("{base}.id"), &mut self.seen, &mut errors);
        match (entry, id) {
            (Some(entry), Some(_)) if errors.is_empty() => Some(entry),
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
            Ok(d) => Some(d),
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
