//! Stage one of loading: serde types that mirror the JSON file, with the field names each defines.
//!
//! Unknown fields are found by comparing an object's keys with `FIELDS`, so that
//! the types themselves stay plain and serde reports exact paths for type errors.

use serde::Deserialize;
use serde_json::Value;

/// The top-level object, with each list left as raw values so that one bad
/// item can be reported and skipped without losing the others.
#[derive(Deserialize, Debug)]
pub struct RawFile {
    /// Format tag.
    pub format: String,
    /// Report metadata.
    pub report: Value,
    /// Divisions (groups of subsidiaries); optional.
    pub divisions: Option<Vec<Value>>,
    /// Subsidiaries.
    pub subsidiaries: Vec<Value>,
    /// Categories.
    pub categories: Vec<Value>,
    /// Entries.
    pub entries: Vec<Value>,
}

impl RawFile {
    /// The field names the format defines for this object.
    pub const FIELDS: &'static [&'static str] = &[
        "format",
        "report",
        "divisions",
        "subsidiaries",
        "categories",
        "entries",
    ];
}

/// `divisions[]`.
#[derive(Deserialize, Debug)]
pub struct RawDivision {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
}

impl RawDivision {
    /// The field names the format defines for this object.
    pub const FIELDS: &'static [&'static str] = &["id", "name"];
}

/// `report`.
#[derive(Deserialize, Debug)]
pub struct RawReport {
    /// Publishing organisation.
    pub organisation: String,
    /// Title.
    pub title: String,
    /// Reporting period (date string).
    pub period: String,
    /// Source document.
    pub source: RawReportSource,
    /// Language tag.
    pub language: Option<String>,
    /// The month (1-12) the fiscal year ends with.
    pub fiscal_year_end: Option<u64>,
    /// The chapter's plain text, relative to the report file.
    pub text: Option<String>,
}

impl RawReport {
    /// The field names the format defines for this object.
    pub const FIELDS: &'static [&'static str] = &[
        "organisation",
        "title",
        "period",
        "source",
        "language",
        "fiscal_year_end",
        "text",
    ];
}

/// `report.source`.
#[derive(Deserialize, Debug)]
pub struct RawReportSource {
    /// Document name.
    pub document: String,
    /// Chapter.
    pub chapter: Option<String>,
    /// Address of the document.
    pub url: Option<String>,
}

impl RawReportSource {
    /// The field names the format defines for this object.
    pub const FIELDS: &'static [&'static str] = &["document", "chapter", "url"];
}

/// `subsidiaries[]`.
#[derive(Deserialize, Debug)]
pub struct RawSubsidiary {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Sector.
    pub sector: Option<String>,
    /// Division id.
    pub division: Option<String>,
}

impl RawSubsidiary {
    /// The field names the format defines for this object.
    pub const FIELDS: &'static [&'static str] = &["id", "name", "sector", "division"];
}

/// `categories[]`.
#[derive(Deserialize, Debug)]
pub struct RawCategory {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Parent id.
    pub parent: Option<String>,
}

impl RawCategory {
    /// The field names the format defines for this object.
    pub const FIELDS: &'static [&'static str] = &["id", "name", "parent"];
}

/// `entries[]` as the rest of loading reads it: format 2's fields, with format 1's migrated.
#[derive(Debug)]
pub struct RawEntry {
    /// Id.
    pub id: String,
    /// Kind.
    pub kind: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Subsidiary ids, the lead first.
    pub subsidiaries: Vec<String>,
    /// Category ids.
    pub categories: Vec<String>,
    /// Date string.
    pub date: Option<String>,
    /// Awarding body.
    pub awarding_body: Option<String>,
    /// Location.
    pub location: Option<String>,
    /// Country names.
    pub countries: Option<Vec<String>>,
    /// Figures (absent and `null` read as none).
    pub figures: Vec<RawMetric>,
    /// Source passage.
    pub source: RawSource,
}

impl RawEntry {
    /// The field names format 2 defines for this object.
    pub const FIELDS: &'static [&'static str] = &[
        "id",
        "kind",
        "title",
        "summary",
        "subsidiaries",
        "categories",
        "date",
        "awarding_body",
        "location",
        "countries",
        "figures",
        "source",
    ];

    /// The field names format 1 defines for this object.
    pub const FIELDS_1: &'static [&'static str] = &[
        "id",
        "kind",
        "title",
        "summary",
        "subsidiary",
        "categories",
        "date",
        "awarding_body",
        "location",
        "country",
        "metrics",
        "source",
    ];

    /// Format 1's names for format 2's fields: `(format 1, format 2)`.
    pub const RENAMED: [(&'static str, &'static str); 3] = [
        ("subsidiary", "subsidiaries"),
        ("country", "countries"),
        ("metrics", "figures"),
    ];
}

/// `entries[]` as written in either format: one serde type (one copy of its code in the
/// wasm) with both formats' names, read and then checked by [`RawEntryFields::into_entry`].
///
/// The fields after `summary` that a format requires are read as [`Given`], so that a
/// missing one is found in the same order serde would find it, with serde's message.
#[derive(Deserialize, Debug)]
pub struct RawEntryFields {
    id: String,
    kind: String,
    title: String,
    summary: String,
    #[serde(default)]
    subsidiaries: Given<Vec<String>>,
    #[serde(default)]
    subsidiary: Given<String>,
    #[serde(default)]
    categories: Given<Vec<String>>,
    date: Option<String>,
    awarding_body: Option<String>,
    location: Option<String>,
    #[serde(default)]
    countries: Given<Option<Vec<String>>>,
    #[serde(default)]
    country: Given<Option<String>>,
    #[serde(default)]
    figures: Given<Option<Vec<RawMetric>>>,
    #[serde(default)]
    metrics: Given<Option<Vec<RawMetric>>>,
    #[serde(default)]
    source: Given<RawSource>,
}

/// Why [`RawEntryFields`] is not an entry of its file's format.
#[derive(Debug, PartialEq, Eq)]
pub enum NotAnEntry {
    /// A field the format requires is missing (its name).
    Missing(&'static str),
    /// A field only the other format defines is written (even as `null`).
    OtherFormat,
}

impl RawEntryFields {
    /// The entry in format 2's terms: format 1's `subsidiary: X` → `subsidiaries: [X]`,
    /// `country: C` → `countries: [C]`, `metrics` → `figures`.
    pub fn into_entry(self, format_1: bool) -> Result<RawEntry, NotAnEntry> {
        use NotAnEntry::{Missing, OtherFormat};
        let (subsidiaries, countries, figures) = if format_1 {
            if self.subsidiaries.0.is_some()
                || self.countries.0.is_some()
                || self.figures.0.is_some()
            {
                return Err(OtherFormat);
            }
            (
                self.subsidiary
                    .0
                    .map(|s| vec![s])
                    .ok_or(Missing("subsidiary"))?,
                self.country.0.flatten().map(|c| vec![c]),
                self.metrics.0,
            )
        } else {
            if self.subsidiary.0.is_some() || self.country.0.is_some() || self.metrics.0.is_some() {
                return Err(OtherFormat);
            }
            (
                self.subsidiaries.0.ok_or(Missing("subsidiaries"))?,
                self.countries.0.flatten(),
                self.figures.0,
            )
        };
        Ok(RawEntry {
            id: self.id,
            kind: self.kind,
            title: self.title,
            summary: self.summary,
            subsidiaries,
            categories: self.categories.0.ok_or(Missing("categories"))?,
            date: self.date,
            awarding_body: self.awarding_body,
            location: self.location,
            countries,
            figures: figures.flatten().unwrap_or_default(),
            source: self.source.0.ok_or(Missing("source"))?,
        })
    }
}

/// A field that may be absent (`None`, with `#[serde(default)]`); when written, it is read
/// exactly as `T` is (so `null` is an error unless `T` is an `Option`).
#[derive(Debug)]
pub struct Given<T>(Option<T>);

impl<T> Default for Given<T> {
    fn default() -> Self {
        Given(None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Given<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(|v| Given(Some(v)))
    }
}

/// `entries[].figures[]` (format 1's `metrics[]`).
#[derive(Deserialize, Debug)]
pub struct RawMetric {
    /// Label.
    pub label: String,
    /// Value.
    pub value: f64,
    /// Upper end of a range.
    pub to: Option<f64>,
    /// Unit.
    pub unit: Option<String>,
    /// Currency code.
    pub currency: Option<String>,
    /// Scale word.
    pub scale: Option<String>,
    /// Qualifier.
    pub qualifier: Option<String>,
    /// Size of a ranked list, maximum score or the whole.
    pub out_of: Option<f64>,
    /// Digits after the point (checked to be a whole number 0–10).
    pub decimals: Option<f64>,
    /// Period (date string).
    pub period: Option<String>,
    /// Earlier figure compared to.
    pub baseline: Option<RawBaseline>,
    /// Family of comparable figures.
    pub family: Option<String>,
}

impl RawMetric {
    /// The field names the format defines for this object.
    pub const FIELDS: &'static [&'static str] = &[
        "label",
        "value",
        "to",
        "unit",
        "currency",
        "scale",
        "qualifier",
        "out_of",
        "decimals",
        "period",
        "baseline",
        "family",
    ];
}

/// `entries[].figures[].baseline`.
#[derive(Deserialize, Debug)]
pub struct RawBaseline {
    /// Earlier value.
    pub value: f64,
    /// Its period (date string).
    pub period: Option<String>,
}

impl RawBaseline {
    /// The field names the format defines for this object.
    pub const FIELDS: &'static [&'static str] = &["value", "period"];
}

/// `entries[].source`.
#[derive(Deserialize, Debug)]
pub struct RawSource {
    /// Section heading.
    pub section: String,
    /// Quoted passage.
    pub passage: String,
    /// Page as printed (`45`, `45–46`, `iv`).
    pub page: Option<String>,
    /// Absolute address of the passage.
    pub url: Option<String>,
}

impl RawSource {
    /// The field names the format defines for this object.
    pub const FIELDS: &'static [&'static str] = &["section", "passage", "page", "url"];
}
