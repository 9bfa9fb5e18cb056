//! Loading `catalogue.json` in two stages: serde raw types mirroring the JSON, then
//! validation into [`CatalogueReport`]s. A bad entry is skipped with a specific message;
//! only a file that is not a catalogue at all fails as a whole.

use super::rules::{check_language, links};
use super::{Catalogue, CatalogueReport};
use crate::core::date::DateSpec;
use crate::core::ids::check_id;
use crate::core::load::{describe, quote_list, unknown_fields};
use crate::core::model::{FORMAT, FORMAT_1};
use crate::core::problem::Problem;
use crate::core::source::{check_origin, data_path_allowing, LoadFailure, UrlResolver};
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// The `format` tag of a catalogue file.
pub const CATALOGUE_FORMAT: &str = "report-explorer-catalogue/1";

/// The fields of the top level.
const TOP_FIELDS: &[&str] = &["format", "reports"];

/// The fields of a report entry.
pub const REPORT_FIELDS: &[&str] = &[
    "id",
    "organisation",
    "period",
    "title",
    "language",
    "path",
    "translation_of",
];

/// A report entry as written (stage one).
#[derive(Deserialize)]
struct RawReport {
    id: Option<String>,
    organisation: Option<String>,
    period: Option<String>,
    title: Option<String>,
    language: Option<String>,
    path: Option<String>,
    translation_of: Option<String>,
}

/// Why no catalogue could be loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum CatalogueError {
    /// The text is not JSON.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The JSON is not a catalogue, or no entry in it can be shown.
    Invalid(Vec<Problem>),
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogueError::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "JSON syntax error at line {line}, column {column}: {message}"
            ),
            CatalogueError::Invalid(problems) => {
                write!(f, "not a usable catalogue")?;
                for p in problems {
                    write!(f, "\n{p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for CatalogueError {}

/// Loads a catalogue, checking each `path` by its text alone with the `?data=` rules
/// ([`data_path_allowing`] with no other origins allowed).
pub fn load_catalogue(text: &str) -> Result<Catalogue, CatalogueError> {
    load(text, &|path| {
        data_path_allowing(Some(path), &[])
            .map(drop)
            .map_err(reason)
    })
}

/// Loads a catalogue, checking each `path` exactly as `?data=` is checked
/// ([`crate::core::source::data_url`]): its text, then where `resolver` resolves it.
pub fn load_catalogue_for(
    text: &str,
    allowed_origins: &[String],
    resolver: &dyn UrlResolver,
) -> Result<Catalogue, CatalogueError> {
    load(text, &|path| {
        let path = data_path_allowing(Some(path), allowed_origins).map_err(reason)?;
        check_origin(&path, allowed_origins, resolver).map_err(reason)
    })
}

/// The reason a path was refused.
fn reason(failure: LoadFailure) -> String {
    match failure {
        LoadFailure::BadPath { reason, .. } => reason,
        other => other.detail(),
    }
}

fn load(
    text: &str,
    check_path: &dyn Fn(&str) -> Result<(), String>,
) -> Result<Catalogue, CatalogueError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Value = serde_json::from_str(text).map_err(|e| CatalogueError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let fatal = |path: &str, message: String, expected: &str| {
        CatalogueError::Invalid(vec![Problem::error(path, message).expected(expected)])
    };
    let Value::Object(map) = &root else {
        return Err(fatal(
            "$",
            format!("the catalogue is {}, not an object", describe(&root)),
            "an object with `format` and `reports`",
        ));
    };
    let tag = format!("\"{CATALOGUE_FORMAT}\"");
    match map.get("format") {
        None => return Err(fatal("format", "`format` is missing".into(), &tag)),
        Some(Value::String(f)) if f == CATALOGUE_FORMAT => {}
        Some(Value::String(f)) if f == FORMAT || f == FORMAT_1 => {
            return Err(fatal(
                "format",
                format!(
                    "`{f}` is a report's format, not a catalogue's; open a report with `?data=`"
                ),
                &tag,
            ));
        }
        Some(Value::String(f)) => {
            return Err(fatal(
                "format",
                format!("`{f}` is not a catalogue format"),
                &tag,
            ));
        }
        Some(other) => {
            return Err(fatal(
                "format",
                format!("`format` is {}, not a string", describe(other)),
                &tag,
            ));
        }
    }
    let entries = match map.get("reports") {
        None => return Err(fatal("reports", "`reports` is missing".into(), "an array")),
        Some(Value::Array(entries)) => entries,
        Some(other) => {
            return Err(fatal(
                "reports",
                format!("`reports` is {}, not an array", describe(other)),
                "an array",
            ));
        }
    };
    let mut problems = Vec::new();
    unknown_fields(&root, TOP_FIELDS, "", &mut problems);
    let mut catalogue = Catalogue {
        reports: Vec::new(),
        problems: Vec::new(),
        skipped: BTreeMap::new(),
    };
    // Where each kept report is in the file, for the `translation_of` pass.
    let mut bases = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for (i, value) in entries.iter().enumerate() {
        let base = format!("reports[{i}]");
        match entry(value, &base, &mut seen, check_path, &mut problems) {
            Ok(report) => {
                seen.insert(report.id.clone(), base.clone());
                bases.push(base);
                catalogue.reports.push(report);
            }
            Err(Some(id)) => {
                catalogue.skipped.entry(id).or_insert(base);
            }
            Err(None) => {}
        }
    }
    links(&mut catalogue, &bases, &mut problems);
    if catalogue.reports.is_empty() {
        let message = if entries.is_empty() {
            "the catalogue lists no report".to_owned()
        } else {
            format!(
                "no report can be shown: all {} entries were skipped",
                entries.len()
            )
        };
        problems.push(Problem::error("reports", message).expected("at least one valid report"));
        return Err(CatalogueError::Invalid(problems));
    }
    catalogue.problems = problems;
    Ok(catalogue)
}

/// One entry validated; `Err` with its id (when it has a valid one) when it is skipped.
fn entry(
    value: &Value,
    base: &str,
    seen: &mut HashMap<String, String>,
    check_path: &dyn Fn(&str) -> Result<(), String>,
    problems: &mut Vec<Problem>,
) -> Result<CatalogueReport, Option<String>> {
    if !value.is_object() {
        problems.push(
            Problem::error(
                base,
                format!("a report entry is {}, not an object", describe(value)),
            )
            .expected(format!("an object with {}", quote_list(REPORT_FIELDS))),
        );
        return Err(None);
    }
    unknown_fields(value, REPORT_FIELDS, base, problems);
    let raw: RawReport = match serde_path_to_error::deserialize(value) {
        Ok(raw) => raw,
        Err(e) => {
            let field = e.path().to_string();
            let message = e.into_inner().to_string();
            problems.push(Problem::error(format!("{base}.{field}"), message));
            let id = value.get("id").and_then(Value::as_str);
            return Err(id.filter(|id| check_id(id).is_ok()).map(str::to_owned));
        }
    };
    let mut errors = Vec::new();
    let mut error = |field: &str, message: String, expected: &str| {
        errors.push(Problem::error(format!("{base}.{field}"), message).expected(expected));
    };
    let id_rule = "1 to 64 of `a-z`, `0-9`, `-`, starting with a letter or digit";
    let id = match raw.id.as_deref() {
        None => {
            error("id", "`id` is missing".into(), id_rule);
            None
        }
        Some(id) => match check_id(id) {
            Err(why) => {
                error("id", why, id_rule);
                None
            }
            Ok(()) => match seen.get(id) {
                Some(first) => {
                    error(
                        "id",
                        format!("id `{id}` is already used by {first}"),
                        "an id no other report has",
                    );
                    None
                }
                None => Some(id.to_owned()),
            },
        },
    };
    let mut text = |field: &str, value: Option<String>, expected: &str| match value {
        None => {
            error(field, format!("`{field}` is missing"), expected);
            String::new()
        }
        Some(v) if v.trim().is_empty() => {
            error(field, format!("`{field}` is empty"), expected);
            String::new()
        }
        Some(v) => v.trim().to_owned(),
    };
    let organisation = text(
        "organisation",
        raw.organisation,
        "the publisher's name, e.g. \"CITIC Limited\"",
    );
    let title = text("title", raw.title, "the report's title");
    let period_text = text("period", raw.period, "a date such as `2019` or `FY2023`");
    let language = text(
        "language",
        raw.language,
        "a BCP 47 tag such as `en` or `zh-Hant`",
    );
    let path = text(
        "path",
        raw.path,
        "a same-origin path such as `data/report.json`",
    );
    let period = match DateSpec::parse(&period_text) {
        _ if period_text.is_empty() => None,
        Ok(period) => Some(period),
        Err(why) => {
            error(
                "period",
                format!("period `{period_text}`: {why}"),
                "a date such as `2019` or `FY2023`",
            );
            None
        }
    };
    if !language.is_empty() {
        if let Err(why) = check_language(&language) {
            error(
                "language",
                format!("language `{language}` is not a BCP 47 tag: {why}"),
                "a BCP 47 tag such as `en` or `zh-Hant`",
            );
        }
    }
    if !path.is_empty() {
        if let Err(why) = check_path(&path) {
            error(
                "path",
                format!("path `{path}` is refused: {why}"),
                "a same-origin path such as `data/report.json`",
            );
        }
    }
    let (Some(id), Some(period), true) = (id, period, errors.is_empty()) else {
        problems.extend(errors);
        let id = raw
            .id
            .filter(|id| check_id(id).is_ok() && !seen.contains_key(id));
        return Err(id);
    };
    if let Some(why) = period.implausible() {
        problems.push(Problem::warning(
            format!("{base}.period"),
            format!("period `{period_text}` {why}"),
        ));
    }
    Ok(CatalogueReport {
        id,
        organisation,
        period,
        period_text,
        title,
        language,
        path,
        translation_of: raw.translation_of.filter(|t| !t.trim().is_empty()),
    })
}
