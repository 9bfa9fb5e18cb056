//! Validating entries one at a time against the subsidiaries and categories that loaded,
//! with their figures, each problem with its JSON path.

use super::figures;
use super::items::{
    has_unknown_fields, join, optional_text, parse_at, quote_list, required_text, unique_id,
    unknown_fields,
};
use super::{dates, fields};
use crate::core::date::DateContext;
use crate::core::ids::{CategoryId, EntryId, SubsidiaryId};
use crate::core::model::{is_web_address, Category, Entry, Kind, Source, Subsidiary, Version};
use crate::core::problem::{Problem, Severity};
use crate::core::raw::{NotAnEntry, RawEntry, RawEntryFields, RawSource};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Validates entries one at a time against the subsidiaries, categories and ids seen so far.
pub(super) struct EntryChecker {
    subsidiary_ids: HashSet<String>,
    category_ids: HashSet<String>,
    skipped: Skipped,
    seen: HashMap<String, String>,
    dates: DateContext,
    /// The file's format version: format 1 entries are read with format 1's names and migrated.
    pub(super) version: Version,
}

/// Ids of subsidiaries and categories that were skipped, with the path of each, so an entry
/// naming one is told why rather than that the id is unknown.
#[derive(Default)]
pub(super) struct Skipped {
    /// Skipped subsidiaries' ids and paths.
    pub subsidiaries: HashMap<String, String>,
    /// Skipped categories' ids and paths.
    pub categories: HashMap<String, String>,
}

impl EntryChecker {
    pub(super) fn new(
        subsidiaries: &[Subsidiary],
        categories: &[Category],
        skipped: Skipped,
        dates: DateContext,
        version: Version,
    ) -> Self {
        EntryChecker {
            subsidiary_ids: subsidiaries
                .iter()
                .map(|s| s.id.as_str().to_owned())
                .collect(),
            category_ids: categories
                .iter()
                .map(|c| c.id.as_str().to_owned())
                .collect(),
            skipped,
            seen: HashMap::new(),
            dates,
            version,
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
        // The path is tracked so that a field written twice is told where, from this read.
        let fast: Result<RawEntryFields, _> =
            serde_path_to_error::deserialize(serde_ignored::Deserializer::new(&mut de, &mut note));
        let duplicate = match fast {
            Ok(fields) if !unknown => match fields.into_entry(self.version == Version::V1) {
                Ok(raw) => {
                    let base = format!("entries[{i}]");
                    return Ok(self.validate(&raw, &base, None, problems));
                }
                Err(_) => None,
            },
            Ok(_) => None,
            Err(e) => duplicate_field(&e, i, self.version),
        };
        let value: Value = serde_json::from_str(text)?;
        problems.extend(duplicate);
        Ok(self.check(value, i, problems))
    }

    /// The entry at `entries[i]`, or `None` with its problems recorded.
    pub(super) fn check(
        &mut self,
        mut value: Value,
        i: usize,
        problems: &mut Vec<Problem>,
    ) -> Option<Entry> {
        let base = format!("entries[{i}]");
        let figures = figures_field(self.version);
        let mut renamed = false;
        match self.version {
            Version::V2 => {
                unknown_entry_fields(&value, &base, problems);
                for (old, new) in RawEntry::RENAMED {
                    if value.get(old).is_some() {
                        renamed = true;
                        problems.push(renamed_field(&base, old, new));
                    }
                }
            }
            Version::V1 => {
                unknown_fields(&value, RawEntry::FIELDS_1, &base, problems);
                // Format 2's names are unknown here (warned above): read as if not written.
                if let Value::Object(map) = &mut value {
                    for (_, new) in RawEntry::RENAMED {
                        map.remove(new);
                    }
                }
            }
        }
        // Figures are checked one by one, so that a bad one is skipped alone.
        let figures = match value.get_mut(figures) {
            Some(Value::Array(figures)) => Some(std::mem::take(figures)),
            _ => None,
        };
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
        if renamed {
            // The file is format 2 but the entry is written with format 1's names: it is
            // skipped with the errors above rather than with serde's `missing field`.
            return None;
        }
        let parsed = parse_at::<RawEntryFields>(value, &base).and_then(|fields| {
            fields
                .into_entry(self.version == Version::V1)
                .map_err(|e| match e {
                    NotAnEntry::Missing(field) => {
                        Problem::error(join(&base, field), format!("missing field `{field}`"))
                    }
                    // Not reached: format 2's names were removed and format 1's returned above.
                    NotAnEntry::OtherFormat => {
                        Problem::error(base.clone(), "has fields of both formats".to_owned())
                    }
                })
        });
        let raw: RawEntry = match parsed {
            Ok(raw) => raw,
            Err(p) => {
                problems.push(p);
                return None;
            }
        };
        self.validate(&raw, &base, figures.as_deref(), problems)
    }

    /// Checks a parsed entry against the subsidiaries, categories and ids seen so far; its
    /// figures are `raw`'s, or `figures` when they were taken out to be read one by one.
    fn validate(
        &mut self,
        raw: &RawEntry,
        base: &str,
        figures: Option<&[Value]>,
        problems: &mut Vec<Problem>,
    ) -> Option<Entry> {
        let mut errors = Vec::new();
        // A bad figure is skipped on its own: its errors do not skip the entry.
        let mut figure_problems = Vec::new();
        let entry = entry(raw, base, self, &mut errors);
        // Format 1's `metrics` are read with its currency rule (units moved to `currency`).
        let list = figures_field(self.version);
        let version = match self.version {
            Version::V1 => 1,
            Version::V2 => 2,
        };
        let metrics = match figures {
            Some(values) => figures::figures(
                values,
                base,
                list,
                version,
                &self.dates,
                &mut figure_problems,
            ),
            None => figures::parsed(
                &raw.figures,
                base,
                list,
                version,
                &self.dates,
                &mut figure_problems,
            ),
        };
        let entry = entry.map(|e| Entry { metrics, ..e });
        let id = unique_id(&raw.id, format!("{base}.id"), &mut self.seen, &mut errors);
        match (entry, id) {
            (Some(mut entry), Some(_))
                if errors.iter().all(|p| p.severity == Severity::Warning) =>
            {
                problems.extend(errors);
                problems.extend(figure_problems);
                fields::entry(&mut entry, base, self.version, problems);
                Some(entry)
            }
            _ => {
                problems.extend(errors);
                problems.extend(figure_problems);
                None
            }
        }
    }
}

/// The name a file of this version gives the figures list.
fn figures_field(version: Version) -> &'static str {
    match version {
        Version::V1 => "metrics",
        Version::V2 => "figures",
    }
}

/// Warnings for the fields a format 2 entry does not define, leaving out format 1's names
/// (each of those is an error of its own, [`renamed_field`]).
fn unknown_entry_fields(value: &Value, base: &str, problems: &mut Vec<Problem>) {
    let Value::Object(map) = value else { return };
    let renamed = |k: &str| RawEntry::RENAMED.iter().any(|(old, _)| *old == k);
    for key in map.keys() {
        if !RawEntry::FIELDS.contains(&key.as_str()) && !renamed(key) {
            problems.push(
                Problem::warning(join(base, key), format!("unknown field `{key}` ignored"))
                    .expected(format!("one of {}", quote_list(RawEntry::FIELDS))),
            );
        }
    }
}

/// The error for a format 1 name in a format 2 file.
fn renamed_field(base: &str, old: &str, new: &str) -> Problem {
    let what = match new {
        "subsidiaries" => "a list of ids",
        "countries" => "a list of country names",
        _ => "a list of figures",
    };
    Problem::error(
        join(base, old),
        format!("`{old}` is format 1's field; format 2 writes `{new}`, {what}"),
    )
    .expected(format!("`{new}`"))
}

/// A warning for the first field an entry's text has twice (the last value is the one used),
/// from the error of reading the text.
/// A field of the other format is not the format's (it is an unknown field): not told.
fn duplicate_field(
    e: &serde_path_to_error::Error<serde_json::Error>,
    i: usize,
    version: Version,
) -> Option<Problem> {
    let message = e.inner().to_string();
    let field = message
        .strip_prefix("duplicate field `")?
        .split('`')
        .next()?;
    let inner = e.path().to_string();
    let inner = if inner == "." { "" } else { &inner };
    let other = match version {
        Version::V1 => RawEntry::FIELDS,
        Version::V2 => RawEntry::FIELDS_1,
    };
    let own = match version {
        Version::V1 => RawEntry::FIELDS_1,
        Version::V2 => RawEntry::FIELDS,
    };
    if inner.is_empty() && other.contains(&field) && !own.contains(&field) {
        return None;
    }
    let path = join(&join(&format!("entries[{i}]"), inner), field);
    Some(
        Problem::warning(
            path,
            format!("the field `{field}` is written more than once; the last value is used"),
        )
        .expected("each field once"),
    )
}

/// The entry `raw` at `base`, checked against what `checker` knows, or `None` with its errors.
fn entry(
    raw: &RawEntry,
    base: &str,
    checker: &EntryChecker,
    errors: &mut Vec<Problem>,
) -> Option<Entry> {
    let EntryChecker {
        subsidiary_ids,
        category_ids,
        skipped,
        dates: date_context,
        version,
        ..
    } = checker;
    let version = *version;
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
    // Format 1 wrote one `subsidiary`: its problems keep that path.
    let subsidiary_path = |j: usize| match version {
        Version::V1 => format!("{base}.subsidiary"),
        Version::V2 => format!("{base}.subsidiaries[{j}]"),
    };
    let subsidiaries = id_list(&raw.subsidiaries, "subsidiaries", base, errors);
    for &j in &subsidiaries {
        let s = raw.subsidiaries[j].as_str();
        if !subsidiary_ids.contains(s) {
            errors.push(match skipped.subsidiaries.get(s) {
                Some(at) => Problem::error(
                    subsidiary_path(j),
                    format!("subsidiary `{s}` was skipped because of its own problem at {at}"),
                )
                .expected("a subsidiary that loads"),
                None => Problem::error(subsidiary_path(j), format!("unknown subsidiary id `{s}`"))
                    .expected("the id of an entry in `subsidiaries`"),
            });
        }
    }
    let categories = id_list(&raw.categories, "categories", base, errors);
    for &j in &categories {
        let c = raw.categories[j].as_str();
        if !category_ids.contains(c) {
            errors.push(match skipped.categories.get(c) {
                Some(at) => Problem::error(
                    format!("{base}.categories[{j}]"),
                    format!("category `{c}` was skipped because of its own problem at {at}"),
                )
                .expected("a category that loads"),
                None => Problem::error(
                    format!("{base}.categories[{j}]"),
                    format!("unknown category id `{c}`"),
                )
                .expected("the id of an entry in `categories`"),
            });
        }
    }
    let date = dates::date_at(
        raw.date.as_deref(),
        || format!("{base}.date"),
        "entry",
        date_context,
        errors,
    );
    let countries = countries(raw.countries.as_deref(), base, version, errors);
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
    let url = optional_text(raw.source.url.clone());
    if let Some(url) = &url {
        if !is_web_address(url) {
            errors.push(
                Problem::error(
                    format!("{base}.source.url"),
                    format!("`{url}` is not an absolute web address"),
                )
                .expected("an address starting with `http://` or `https://`"),
            );
        }
    }
    Some(Entry {
        id: EntryId::new(&raw.id).ok()?,
        kind: kind?,
        title,
        summary,
        subsidiaries: subsidiaries
            .into_iter()
            .map(|j| SubsidiaryId::new(&raw.subsidiaries[j]))
            .collect::<Result<_, _>>()
            .ok()?,
        categories: categories
            .into_iter()
            .map(|j| CategoryId::new(&raw.categories[j]))
            .collect::<Result<_, _>>()
            .ok()?,
        date,
        awarding_body: optional_text(raw.awarding_body.clone()),
        location: optional_text(raw.location.clone()),
        countries,
        metrics: Vec::new(),
        source: Source {
            section,
            passage,
            page: optional_text(raw.source.page.clone()),
            url,
        },
    })
}

/// The positions of a reference list's items to keep: each id once (a repeat is a warning
/// and dropped). An empty list is an error.
fn id_list(ids: &[String], field: &str, base: &str, errors: &mut Vec<Problem>) -> Vec<usize> {
    if ids.is_empty() {
        let what = match field {
            "subsidiaries" => "at least one subsidiary id",
            _ => "at least one category id",
        };
        errors.push(Problem::error(format!("{base}.{field}"), "is empty").expected(what));
        return Vec::new();
    }
    let mut kept: Vec<usize> = Vec::with_capacity(ids.len());
    for (j, id) in ids.iter().enumerate() {
        match kept.iter().find(|&&k| ids[k] == *id) {
            Some(&first) => errors.push(
                Problem::warning(
                    format!("{base}.{field}[{j}]"),
                    format!("`{id}` is listed twice (first at {base}.{field}[{first}]); the repeat is dropped"),
                )
                .expected("each id once"),
            ),
            None => kept.push(j),
        }
    }
    kept
}

/// The entry's country names. Each must be non-blank and hold no `;` (spreadsheet lists
/// separate items with `;`); a bad one is an error.
fn countries(
    raw: Option<&[String]>,
    base: &str,
    version: Version,
    errors: &mut Vec<Problem>,
) -> Vec<String> {
    let Some(raw) = raw else {
        return Vec::new();
    };
    if version == Version::V1 {
        // Format 1's one optional `country`: blank means not given.
        return raw
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect();
    }
    let mut out = Vec::with_capacity(raw.len());
    for (j, c) in raw.iter().enumerate() {
        let name = c.trim();
        if name.is_empty() {
            errors.push(
                Problem::error(format!("{base}.countries[{j}]"), "is empty")
                    .expected("a country name"),
            );
        } else if name.contains(';') {
            errors.push(
                Problem::error(
                    format!("{base}.countries[{j}]"),
                    format!("`{name}` holds `;`, which separates list items in spreadsheets"),
                )
                .expected("one country name per item, without `;`"),
            );
        } else {
            out.push(name.to_owned());
        }
    }
    out
}
