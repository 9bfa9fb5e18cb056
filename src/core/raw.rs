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

/// `entries[]` in format 2.
#[derive(Deserialize, Debug)]
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
    /// Figures.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub figures: Vec<RawMetric>,
    /// Source passage.
    pub source: RawSource,
}

impl RawEntry {
    /// The field names the format defines for this object.
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

    /// Format 1's names for format 2's fields: `(format 1, format 2)`.
    pub const RENAMED: [(&'static str, &'static str); 3] = [
        ("subsidiary", "subsidiaries"),
        ("country", "countries"),
        ("metrics", "figures"),
    ];
}

/// `entries[]` in format 1: one `subsidiary`, one `country` and `metrics`; every other
/// field as in format 2. Read, then migrated with `From`.
#[derive(Deserialize, Debug)]
pub struct RawEntry1 {
    /// Id.
    pub id: String,
    /// Kind.
    pub kind: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Subsidiary id.
    pub subsidiary: String,
    /// Category ids.
    pub categories: Vec<String>,
    /// Date string.
    pub date: Option<String>,
    /// Awarding body.
    pub awarding_body: Option<String>,
    /// Location.
    pub location: Option<String>,
    /// Country.
    pub country: Option<String>,
    /// Metrics.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub metrics: Vec<RawMetric>,
    /// Source passage.
    pub source: RawSource,
}

impl RawEntry1 {
    /// The field names format 1 defines for this object.
    pub const FIELDS: &'static [&'static str] = &[
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
}

impl From<RawEntry1> for RawEntry {
    /// Format 1's entry as format 2 writes it: `subsidiary: X` → `subsidiaries: [X]`,
    /// `country: C` → `countries: [C]`, `metrics` → `figures`.
    fn from(e: RawEntry1) -> Self {
        RawEntry {
            id: e.id,
            kind: e.kind,
            title: e.title,
            summary: e.summary,
            subsidiaries: vec![e.subsidiary],
            categories: e.categories,
            date: e.date,
            awarding_body: e.awarding_body,
            location: e.location,
            countries: e.country.map(|c| vec![c]),
            figures: e.metrics,
            source: e.source,
        }
    }
}

/// An optional list: absent and `null` both read as empty.
fn null_as_empty<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
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
