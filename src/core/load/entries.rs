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
use crate::core::model::{Category, Entry, Kind, Source, Subsidiary};
use crate::core::problem::{Problem, Severity};
use crate::core::raw::{RawEntry, RawSource};
use serde::Deserialize;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Validates entries one at a time against the subsidiaries, categories and ids seen so far.
pub(super) struct EntryChecker {
    subsidiary_ids: HashSet<String>,
    category_ids: HashSet<String>,
    skipped: Skipped,
    seen: HashMap<String, String>,
    dates: DateContext,
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
        let duplicate = match (fast, unknown) {
            (Ok(raw), false) => {
                let base = format!("entries[{i}]");
                return Ok(self.validate(&raw, &base, None, problems));
            }
            (Err(e), _) => e.to_string().starts_with("duplicate field"),
            _ => false,
        };
        let value: Value = serde_json::from_str(text)?;
        if duplicate {
            problems.extend(duplicate_field(text, i));
        }
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
        unknown_fields(&value, RawEntry::FIELDS, &base, problems);
        // Figures are checked one by one, so that a bad one is skipped alone.
        let figures = match value.get_mut("metrics") {
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
        let raw: RawEntry = match parse_at(value, &base) {
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
        let entry = entry(
            raw,
            base,
            &self.subsidiary_ids,
            &self.category_ids,
            &self.skipped,
            &self.dates,
            &mut errors,
        );
        // Format 1 (the only one read so far): `metrics`, currency units moved to `currency`.
        let metrics = match figures {
            Some(values) => figures::figures(values, base, "metrics", 1, &mut figure_problems),
            None => figures::parsed(&raw.metrics, base, "metrics", 1, &mut figure_problems),
        };
        let entry = entry.map(|e| Entry { metrics, ..e });
        let id = unique_id(&raw.id, format!("{base}.id"), &mut self.seen, &mut errors);
        match (entry, id) {
            (Some(mut entry), Some(_))
                if errors.iter().all(|p| p.severity == Severity::Warning) =>
            {
                problems.extend(errors);
                problems.extend(figure_problems);
                fields::entry(&mut entry, base, problems);
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

/// A warning for the first field an entry's text has twice (the last value is the one used).
fn duplicate_field(text: &str, i: usize) -> Option<Problem> {
    let mut de = serde_json::Deserializer::from_str(text);
    let e = serde_path_to_error::deserialize::<_, RawEntry>(&mut de).err()?;
    let message = e.inner().to_string();
    let field = message
        .strip_prefix("duplicate field `")?
        .split('`')
        .next()?;
    let inner = e.path().to_string();
    let inner = if inner == "." { "" } else { &inner };
    let path = join(&join(&format!("entries[{i}]"), inner), field);
    Some(
        Problem::warning(
            path,
            format!("the field `{field}` is written more than once; the last value is used"),
        )
        .expected("each field once"),
    )
}

fn entry(
    raw: &RawEntry,
    base: &str,
    subsidiary_ids: &HashSet<String>,
    category_ids: &HashSet<String>,
    skipped: &Skipped,
    date_context: &DateContext,
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
        errors.push(match skipped.subsidiaries.get(subsidiary) {
            Some(at) => Problem::error(
                format!("{base}.subsidiary"),
                format!("subsidiary `{subsidiary}` was skipped because of its own problem at {at}"),
            )
            .expected("a subsidiary that loads"),
            None => Problem::error(
                format!("{base}.subsidiary"),
                format!("unknown subsidiary id `{subsidiary}`"),
            )
            .expected("the id of an entry in `subsidiaries`"),
        });
    }
    if raw.categories.is_empty() {
        errors.push(
            Problem::error(format!("{base}.categories"), "is empty")
                .expected("at least one category id"),
        );
    }
    for (j, c) in raw.categories.iter().enumerate() {
        let c = c.trim();
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
        metrics: Vec::new(),
        source: Source { section, passage },
    })
}
