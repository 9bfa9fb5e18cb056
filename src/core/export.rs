//! Exports of the filtered entries (CSV and JSON) and the provenance that goes with every export, charts included.
//!
//! The core has no clock and no build information of its own: the caller
//! passes the export time (ISO 8601) and the app version
//! (`env!("CARGO_PKG_VERSION")`).

use crate::core::format::format_metric;
use crate::core::model::{Entry, Metric, Qualifier, Report, FORMAT};
use crate::core::query::Selection;
use crate::core::url_state::encode;
use serde_json::{json, Map, Value};

/// Where exported data comes from and how it was selected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provenance {
    /// The report's title.
    pub dataset_title: String,
    /// Who published the report.
    pub organisation: String,
    /// The source document.
    pub document: String,
    /// The chapter the data covers, when given.
    pub chapter: Option<String>,
    /// Where the source document can be read, when given.
    pub document_url: Option<String>,
    /// The data file the app loaded (as given to it, e.g. `data/report.json`).
    pub data_url: String,
    /// The active filters, e.g. `sub=citic-bank,citic-trust; kind=award; q=quick`, or `none`.
    pub filters: String,
    /// When the export was made (ISO 8601, from the caller).
    pub exported_at: String,
    /// The app's version.
    pub app_version: String,
}

/// The active filters and order as text: `sub=a,b; kind=award; q=quick`, or `none`.
///
/// Uses the URL parameters of `core::url_state`, so the text can be pasted
/// back into a link; the open entry is not a filter and is left out.
pub fn filters_text(selection: &Selection) -> String {
    let parts: Vec<String> = encode(selection)
        .into_iter()
        .filter(|(name, _)| *name != "entry")
        .filter_map(|(name, value)| value.map(|v| format!("{name}={}", one_line(&v))))
        .collect();
    if parts.is_empty() {
        "none".into()
    } else {
        parts.join("; ")
    }
}

/// Text on one line: line breaks and tabs become spaces.
fn one_line(s: &str) -> String {
    s.split(['\r', '\n', '\t'])
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Provenance {
    /// Provenance for an export of `report` loaded from `data_url` with `selection` active.
    pub fn new(
        report: &Report,
        data_url: &str,
        selection: &Selection,
        exported_at: &str,
        app_version: &str,
    ) -> Self {
        // Several reports: each one's title, document and file, oldest first (an entry's id
        // then starts with its report's id: `acme-2019~e1`).
        if report.editions.len() > 1 {
            let each = |f: &dyn Fn(&crate::core::model::Edition) -> String| {
                report.editions.iter().map(f).collect::<Vec<_>>().join("; ")
            };
            return Provenance {
                dataset_title: each(&|e| e.meta.title.clone()),
                organisation: report.meta.organisation.clone(),
                document: each(&|e| e.meta.document.clone()),
                chapter: None,
                document_url: None,
                data_url: format!("{data_url} ({})", each(&|e| e.path.clone())),
                filters: filters_text(selection),
                exported_at: exported_at.to_owned(),
                app_version: app_version.to_owned(),
            };
        }
        Provenance {
            dataset_title: report.meta.title.clone(),
            organisation: report.meta.organisation.clone(),
            document: report.meta.document.clone(),
            chapter: report.meta.chapter.clone(),
            document_url: report.meta.url.clone(),
            data_url: data_url.to_owned(),
            filters: filters_text(selection),
            exported_at: exported_at.to_owned(),
            app_version: app_version.to_owned(),
        }
    }

    /// The source as one phrase: `Document, chapter “Chapter” (url)`.
    fn source(&self) -> String {
        let mut s = one_line(&self.document);
        if let Some(c) = &self.chapter {
            s.push_str(&format!(", chapter “{}”", one_line(c)));
        }
        if let Some(u) = &self.document_url {
            s.push_str(&format!(" ({})", one_line(u)));
        }
        s
    }

    /// One line each: dataset, organisation, source, data file, filters, export time and app version.
    pub fn lines(&self) -> Vec<String> {
        vec![
            format!("Dataset: {}", one_line(&self.dataset_title)),
            format!("Organisation: {}", one_line(&self.organisation)),
            format!("Source: {}", self.source()),
            format!("Data file: {}", one_line(&self.data_url)),
            format!("Filters: {}", one_line(&self.filters)),
            format!(
                "Exported: {} with Report Explorer {}",
                one_line(&self.exported_at),
                one_line(&self.app_version)
            ),
        ]
    }

    /// A single line for under a chart.
    pub fn caption(&self) -> String {
        format!(
            "Source: {} · {} · filters: {} · {} · Report Explorer {}",
            one_line(&self.dataset_title),
            one_line(&self.data_url),
            one_line(&self.filters),
            one_line(&self.exported_at),
            one_line(&self.app_version)
        )
    }

    /// As a JSON object.
    pub fn to_json(&self) -> Value {
        json!({
            "dataset_title": self.dataset_title,
            "organisation": self.organisation,
            "document": self.document,
            "chapter": self.chapter,
            "document_url": self.document_url,
            "data_url": self.data_url,
            "filters": self.filters,
            "exported_at": self.exported_at,
            "app_version": self.app_version,
        })
    }
}

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 17] = [
    "id",
    "kind",
    "title",
    "summary",
    "subsidiaries",
    "subsidiary_names",
    "categories",
    "date",
    "date_precision",
    "awarding_body",
    "location",
    "countries",
    "metrics",
    "source_section",
    "source_passage",
    "source_page",
    "source_url",
];

/// How a CSV cell joins the items of a list (`subsidiaries`, `countries`), as the
/// spreadsheet template reads them.
pub const LIST_SEPARATOR: &str = "; ";

/// `year`, `month`, `day`, `quarter`, `fiscal_year` or `fiscal_quarter`; for a range, both
/// ends (`year/month`), an open end being `open` (`year/open`).
pub fn date_precision(entry: &Entry) -> String {
    let word =
        |d: Option<crate::core::date::PartialDate>| d.map_or("open", |d| d.precision().as_str());
    match entry.date {
        None => String::new(),
        Some(d) if d.is_single() => word(d.start()).to_owned(),
        Some(d) => format!("{}/{}", word(d.start()), word(d.end())),
    }
}

/// An entry's metrics for people: `Customer satisfaction rate: over 92%; ...`.
pub fn metrics_text(entry: &Entry) -> String {
    entry
        .metrics
        .iter()
        .map(|m| format!("{}: {}", m.label, format_metric(m)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// One CSV row per entry, in `CSV_HEADER` order.
pub fn csv_row(report: &Report, entry: &Entry) -> Vec<String> {
    vec![
        entry.id.to_string(),
        entry.kind.as_str().to_owned(),
        entry.title.clone(),
        entry.summary.clone(),
        entry
            .subsidiaries
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(LIST_SEPARATOR),
        entry
            .subsidiaries
            .iter()
            .map(|s| report.subsidiary_name(s))
            .collect::<Vec<_>>()
            .join(LIST_SEPARATOR),
        entry
            .categories
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(";"),
        entry.date.map(|d| d.iso()).unwrap_or_default(),
        date_precision(entry),
        entry.awarding_body.clone().unwrap_or_default(),
        entry.location.clone().unwrap_or_default(),
        entry.countries.join(LIST_SEPARATOR),
        metrics_text(entry),
        entry.source.section.clone(),
        entry.source.passage.clone(),
        entry.source.page.clone().unwrap_or_default(),
        entry.source.url.clone().unwrap_or_default(),
    ]
}

/// The entries at `positions` as CSV: provenance records, a header row, one row per entry.
///
/// Safe to open in a spreadsheet:
/// - each provenance line is one quoted field that starts with `# `, so commas in a
///   crafted search or file name cannot split it into cells;
/// - every cell that a spreadsheet would read as a formula is guarded by [`guard_cell`].
///
/// Fields are quoted where needed (commas, quotes, line breaks). To read it back, skip
/// the records before the header row (`id,kind,…`), or read with a flexible reader that
/// skips records starting with `# `.
pub fn entries_csv(report: &Report, positions: &[usize], provenance: &Provenance) -> String {
    let mut out = String::new();
    for line in provenance.lines() {
        out.push_str("\"# ");
        out.push_str(&line.replace('"', "\"\""));
        out.push_str("\"\n");
    }
    push_csv_record(&mut out, &CSV_HEADER);
    for &p in positions {
        if let Some(e) = report.entries.get(p) {
            let row: Vec<String> = csv_row(report, e)
                .into_iter()
                .map(|cell| guard_cell(&cell))
                .collect();
            push_csv_record(&mut out, &row);
        }
    }
    out
}

/// A cell as spreadsheets will not run it (OWASP, "CSV injection"): text that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return (or their full-width forms, which
/// some spreadsheets also read) gets a leading `'`, which spreadsheets show as text.
/// Other cells are unchanged.
pub fn guard_cell(cell: &str) -> String {
    const TRIGGERS: [char; 10] = [
        '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
    ];
    if cell.starts_with(TRIGGERS) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// Appends one CSV record and its `\n`, quoting as the `csv` crate does by
/// default: a field is quoted only when it holds a comma, a quote or a line
/// break (quotes inside are doubled), and a record of one empty field is `""`.
fn push_csv_record(out: &mut String, fields: &[impl AsRef<str>]) {
    if let [only] = fields {
        if only.as_ref().is_empty() {
            out.push_str("\"\"\n");
            return;
        }
    }
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let field = field.as_ref();
        if field.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push('\n');
}

/// A number as JSON: whole numbers without a fraction (`92`, not `92.0`).
fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

/// A figure with the format 2 figure fields, each written only when given, so that loading
/// it again gives the same figure.
pub fn metric_json(m: &Metric) -> Value {
    let mut o = Map::new();
    o.insert("label".into(), json!(m.label));
    o.insert("value".into(), number(m.value));
    if let Some(to) = m.to {
        o.insert("to".into(), number(to));
    }
    if let Some(u) = &m.unit {
        o.insert("unit".into(), json!(u));
    }
    if let Some(c) = &m.currency {
        o.insert("currency".into(), json!(c));
    }
    if let Some(s) = m.scale {
        o.insert("scale".into(), json!(s.as_str()));
    }
    if m.qualifier != Qualifier::Exact {
        o.insert("qualifier".into(), json!(m.qualifier.as_str()));
    }
    if let Some(n) = m.out_of {
        o.insert("out_of".into(), number(n));
    }
    if let Some(d) = m.decimals {
        o.insert("decimals".into(), json!(d));
    }
    if let Some(p) = &m.period {
        o.insert("period".into(), json!(p.iso()));
    }
    if let Some(b) = &m.baseline {
        let mut base = Map::new();
        base.insert("value".into(), number(b.value));
        if let Some(p) = &b.period {
            base.insert("period".into(), json!(p.iso()));
        }
        o.insert("baseline".into(), Value::Object(base));
    }
    if let Some(f) = &m.family {
        o.insert("family".into(), json!(f));
    }
    Value::Object(o)
}

/// An entry in format 2's shape (`docs/data-format.md`), so it can be loaded again.
pub fn entry_json(entry: &Entry) -> Value {
    let mut o = Map::new();
    o.insert("id".into(), json!(entry.id.as_str()));
    o.insert("kind".into(), json!(entry.kind.as_str()));
    o.insert("title".into(), json!(entry.title));
    o.insert("summary".into(), json!(entry.summary));
    o.insert(
        "subsidiaries".into(),
        json!(entry
            .subsidiaries
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()),
    );
    o.insert(
        "categories".into(),
        json!(entry
            .categories
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()),
    );
    if let Some(d) = entry.date {
        o.insert("date".into(), json!(d.iso()));
    }
    for (key, value) in [
        ("awarding_body", &entry.awarding_body),
        ("location", &entry.location),
    ] {
        if let Some(v) = value {
            o.insert(key.into(), json!(v));
        }
    }
    if !entry.countries.is_empty() {
        o.insert("countries".into(), json!(entry.countries));
    }
    if !entry.metrics.is_empty() {
        o.insert(
            "figures".into(),
            Value::Array(entry.metrics.iter().map(metric_json).collect()),
        );
    }
    let mut source = Map::new();
    source.insert("section".into(), json!(entry.source.section));
    source.insert("passage".into(), json!(entry.source.passage));
    if let Some(page) = &entry.source.page {
        source.insert("page".into(), json!(page));
    }
    if let Some(url) = &entry.source.url {
        source.insert("url".into(), json!(url));
    }
    o.insert("source".into(), Value::Object(source));
    Value::Object(o)
}

/// The entries at `positions` as pretty-printed JSON: `{ "provenance": {...}, "entries": [...] }`.
pub fn entries_json(report: &Report, positions: &[usize], provenance: &Provenance) -> String {
    let entries: Vec<Value> = positions
        .iter()
        .filter_map(|&p| report.entries.get(p))
        .map(entry_json)
        .collect();
    let doc = json!({
        "format": FORMAT,
        "provenance": provenance.to_json(),
        "entries": entries
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::query::Facet;

    #[test]
    fn filters_read_like_url_parameters() {
        let mut sel = Selection::default();
        assert_eq!(filters_text(&sel), "none");
        sel.toggle(Facet::Subsidiary, "citic-trust");
        sel.toggle(Facet::Subsidiary, "citic-bank");
        sel.toggle(Facet::Kind, "award");
        sel.query = "quick\nclaims".into();
        assert_eq!(
            filters_text(&sel),
            "sub=citic-bank,citic-trust; kind=award; q=quick claims"
        );
    }

    #[test]
    fn whole_numbers_have_no_fraction() {
        assert_eq!(number(92.0).to_string(), "92");
        assert_eq!(number(89.1).to_string(), "89.1");
    }
}
