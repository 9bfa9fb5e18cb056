//! The printed document of the current filtered view: its header (provenance, the filters in
//! words, the count, when it was printed and the link), the entries it prints (the list's
//! order, at most [`MAX_PRINTED`], then a line saying how many more) and its charts as inline SVG.
//!
//! The core has no clock and no address bar: the caller passes the print time, already
//! formatted for people, and the page's address. The app renders a [`PrintDocument`] only
//! while printing and removes it afterwards.

pub mod html;

use crate::core::charts::{
    awards_data_in, chart_height, coverage_data_in, metric_options, metrics_data, render_svg,
    Chart, ChartTheme, Scope,
};
use crate::core::export::Provenance;
use crate::core::format::{format_metric, format_number};
use crate::core::i18n::{fill, PrintTexts, Texts};
use crate::core::model::{Kind, Report};
use crate::core::query::{Facet, Selection};

/// The product's name, after the data file in the header.
pub const APP_NAME: &str = "Report Explorer";

/// Entries printed at most; the rest are counted in [`PrintDocument::more`] (the document
/// stays bounded however many entries the filters give).
pub const MAX_PRINTED: usize = 200;

/// The width charts are drawn at for print, in CSS pixels (an A4 page less its margins).
pub const CHART_WIDTH: u32 = 680;

/// `12 more entries are not printed; the CSV or JSON export gives all 212.`, in the
/// language of `t`.
pub fn more_line(t: &Texts, more: usize, total: usize) -> String {
    let p = &t.print;
    fill(
        t.lang.plural(more, p.more_one, p.more_other),
        &[
            ("n", &format_number(more as f64)),
            ("total", &format_number(total as f64)),
        ],
    )
}

/// `7 of 58 entries`, as the result count reads, in the language of `t`.
pub fn count_line(t: &Texts, shown: usize, total: usize) -> String {
    let e = &t.explorer;
    fill(
        e.count,
        &[
            ("shown", &format_number(shown as f64)),
            ("total", &t.count(total, e.entries_one, e.entries_other)),
        ],
    )
}

/// The active filters in words, one item per facet in facet order, then the search:
/// `Subsidiary: CITIC Bank or CITIC Trust`, `Kind: Award`, `Search: “quick”`.
///
/// Values are the names readers see (subsidiaries and categories in report order, kinds in
/// their usual order, years oldest first, reports by their labels, oldest first); an id the
/// report does not know is shown as it is.
pub fn filter_words(report: &Report, selection: &Selection, t: &Texts) -> Vec<String> {
    let p = &t.print;
    let mut out = Vec::new();
    for facet in Facet::ALL {
        let values: Vec<String> = match facet {
            Facet::Subsidiary => {
                let mut names: Vec<String> = report
                    .subsidiaries
                    .iter()
                    .filter(|s| selection.subsidiaries.contains(&s.id))
                    .map(|s| s.name.clone())
                    .collect();
                names.extend(
                    selection
                        .subsidiaries
                        .iter()
                        .filter(|id| report.subsidiary(id).is_none())
                        .map(|id| id.as_str().to_owned()),
                );
                names
            }
            Facet::Category => {
                let mut names: Vec<String> = report
                    .categories
                    .iter()
                    .filter(|c| selection.categories.contains(&c.id))
                    .map(|c| c.name.clone())
                    .collect();
                names.extend(
                    selection
                        .categories
                        .iter()
                        .filter(|id| report.category(id).is_none())
                        .map(|id| id.as_str().to_owned()),
                );
                names
            }
            Facet::Kind => Kind::ALL
                .into_iter()
                .filter(|k| selection.kinds.contains(k))
                .map(|k| k.label_in(t).to_owned())
                .collect(),
            Facet::Year => selection.years.iter().map(|y| y.label()).collect(),
            Facet::Report => {
                let mut labels: Vec<String> = report
                    .editions
                    .iter()
                    .filter(|e| selection.reports.contains(&e.id))
                    .map(|e| e.label.clone())
                    .collect();
                labels.extend(
                    selection
                        .reports
                        .iter()
                        .filter(|id| !report.editions.iter().any(|e| &e.id == *id))
                        .cloned(),
                );
                labels
            }
        };
        if !values.is_empty() {
            out.push(fill(
                p.facet_values,
                &[
                    ("facet", facet.label_in(t)),
                    ("values", &values.join(p.value_or)),
                ],
            ));
        }
    }
    let q = one_line(selection.query.trim());
    if !q.is_empty() {
        out.push(fill(p.search, &[("q", &q)]));
    }
    out
}

/// The filters line: [`filter_words`] joined, or the words for no filters.
pub fn filters_phrase(report: &Report, selection: &Selection, t: &Texts) -> String {
    let words = filter_words(report, selection, t);
    if words.is_empty() {
        t.print.no_filters.to_owned()
    } else {
        words.join(t.print.facet_and)
    }
}

/// Text on one line: line breaks and tabs become single spaces.
fn one_line(s: &str) -> String {
    s.split(['\r', '\n', '\t'])
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One entry as printed: everything its card shows, its figures as the page writes them
/// and its source passage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedEntry {
    /// The entry's id.
    pub id: String,
    /// Its report's label (`2019 · zh-Hant`) when several reports are shown.
    pub report: Option<String>,
    /// The language of its text (its report's), when the report gives one.
    pub lang: Option<String>,
    /// Its kind, for people: `Award`.
    pub kind: String,
    /// Its title.
    pub title: String,
    /// Its subsidiaries, the lead first, each with its division: `CITIC Bank, CITIC Trust`.
    pub subsidiaries: String,
    /// Its categories' names: `Awards · Services`.
    pub categories: String,
    /// Its date for people, when it has one.
    pub date: Option<String>,
    /// Its summary.
    pub summary: String,
    /// `Awarded by …`, when the report names who gave it.
    pub awarding_body: Option<String>,
    /// Its figures: label and value, as `core::format` writes them (`4,200,000 TEU`).
    pub figures: Vec<(String, String)>,
    /// The source passage, verbatim.
    pub passage: String,
    /// Where the passage is: `Section “Awards”, p. 45`.
    pub cite: String,
}

/// The header's provenance: what is printed, from where, with which filters, when, and the link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintHeader {
    /// The language of the title, when one report with a language is shown.
    pub lang: Option<String>,
    /// The report's title (the titles of several, oldest first).
    pub title: String,
    /// Label and value of each line, in order: organisation, period, source, filters,
    /// order, entries, printed, link, data file.
    pub lines: Vec<(&'static str, String)>,
}

/// A chart of the printed selection, drawn as SVG for print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintChart {
    /// `coverage`, `awards` or `metrics`.
    pub id: &'static str,
    /// Its heading.
    pub title: String,
    /// An SVG document, safe to insert inline under a strict CSP (no `style` attributes).
    pub svg: String,
}

/// Everything a print of the current view shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintDocument {
    /// The header with provenance.
    pub header: PrintHeader,
    /// The entries printed, in the list's order (at most [`MAX_PRINTED`]).
    pub entries: Vec<PrintedEntry>,
    /// The line after the entries when more were left out ([`more_line`]).
    pub more: Option<String>,
    /// The entries the filters give in all.
    pub total: usize,
    /// The interface words of the document (its headings).
    pub words: &'static PrintTexts,
}

/// What the print time, the page's address and the provenance are (from the app).
#[derive(Clone, Debug)]
pub struct PrintContext<'a> {
    /// Export provenance: dataset, organisation, source, data file, app version.
    pub provenance: &'a Provenance,
    /// When printed, already formatted for people (the app uses the browser's `Intl`).
    pub printed_at: &'a str,
    /// The page's address: opening it shows the same view.
    pub link: &'a str,
    /// The interface language's words.
    pub texts: &'static Texts,
}

/// One entry of `report` as printed, its labels in the language of `t`.
pub fn printed_entry(report: &Report, position: usize, t: &Texts) -> Option<PrintedEntry> {
    let e = report.entries.get(position)?;
    let edition = report.edition_of(position);
    let mut cite = fill(
        t.print.section,
        &[("section", &one_line(&e.source.section))],
    );
    if let Some(page) = e.source.page_label() {
        cite.push_str(", ");
        cite.push_str(&page);
    }
    Some(PrintedEntry {
        id: e.id.to_string(),
        report: edition
            .filter(|_| report.editions.len() > 1)
            .map(|ed| ed.label.clone()),
        lang: edition.map_or(&report.meta, |ed| &ed.meta).language.clone(),
        kind: e.kind.label_in(t).to_owned(),
        title: e.title.clone(),
        subsidiaries: e
            .subsidiaries
            .iter()
            .map(|s| report.subsidiary_label(s))
            .collect::<Vec<_>>()
            .join(", "),
        categories: e
            .categories
            .iter()
            .map(|c| report.category_name(c).to_owned())
            .collect::<Vec<_>>()
            .join(" · "),
        date: e.date.map(|d| d.text(&t.dates)),
        summary: e.summary.clone(),
        awarding_body: e
            .awarding_body
            .as_ref()
            .map(|b| fill(t.print.awarded_by, &[("body", b)])),
        figures: e
            .metrics
            .iter()
            .map(|m| (m.label.clone(), format_metric(m)))
            .collect(),
        passage: e.source.passage.clone(),
        cite,
    })
}

/// The printed document for the entries at `positions` (the current result, in its order)
/// of `report` under `selection`.
pub fn print_document(
    report: &Report,
    positions: &[usize],
    selection: &Selection,
    context: &PrintContext<'_>,
) -> PrintDocument {
    let p = context.provenance;
    let t = context.texts;
    let w = &t.print;
    let mut source = p.source();
    if source.is_empty() {
        source = one_line(&p.dataset_title);
    }
    let lines = vec![
        (w.organisation, one_line(&p.organisation)),
        (w.period, period(report, t)),
        (w.source, source),
        (w.filters, filters_phrase(report, selection, t)),
        (w.order, selection.sort.label_in(t).to_owned()),
        (
            w.entries,
            count_line(t, positions.len(), report.entries.len()),
        ),
        (w.printed, one_line(context.printed_at)),
        (w.link, one_line(context.link)),
        (
            w.data_file,
            format!(
                "{} · {APP_NAME} {}",
                one_line(&p.data_url),
                one_line(&p.app_version)
            ),
        ),
    ];
    let entries: Vec<PrintedEntry> = positions
        .iter()
        .take(MAX_PRINTED)
        .filter_map(|&i| printed_entry(report, i, t))
        .collect();
    let more = positions.len().saturating_sub(MAX_PRINTED);
    PrintDocument {
        header: PrintHeader {
            lang: (report.editions.len() <= 1)
                .then(|| report.meta.language.clone())
                .flatten(),
            title: one_line(&p.dataset_title),
            lines,
        },
        entries,
        more: (more > 0).then(|| more_line(t, more, positions.len())),
        total: positions.len(),
        words: w,
    }
}

/// The reporting period: the report's, or each shown report's label, oldest first.
fn period(report: &Report, t: &Texts) -> String {
    if report.editions.len() > 1 {
        report
            .editions
            .iter()
            .map(|e| one_line(&e.label))
            .collect::<Vec<_>>()
            .join(t.entry.list_separator)
    } else {
        report.meta.period.text(&t.dates)
    }
}

/// `svg` without any `style="…"` or `style='…'` attribute: a strict `style-src` blocks
/// them in inline SVG. plotters writes presentation attributes only; this holds it to that.
pub fn without_style_attributes(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = find_style_attribute(rest) {
        out.push_str(&rest[..at]);
        let after = &rest[at + " style=".len()..];
        let quote = after.chars().next().unwrap_or('"');
        let end = after[1..].find(quote).map_or(after.len(), |i| i + 2);
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Where ` style="` or ` style='` (any white space before it) starts in `s`.
fn find_style_attribute(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = s[from..].find("style=") {
        let at = from + i;
        let before = at.checked_sub(1).map(|b| bytes[b]);
        let quote = bytes.get(at + "style=".len()).copied();
        if before.is_some_and(|b| b.is_ascii_whitespace()) && matches!(quote, Some(b'"' | b'\'')) {
            return Some(at - 1);
        }
        from = at + 1;
    }
    None
}

/// The charts of the printed selection, light on white whatever the page's theme, each
/// left out when it has nothing to show: coverage, awards, and the figures of the family
/// that compares the most (the charts view's first choice).
pub fn print_charts(scope: &Scope<'_>, positions: &[usize], t: &'static Texts) -> Vec<PrintChart> {
    let theme = ChartTheme {
        texts: t,
        ..ChartTheme::light()
    };
    let c = &t.charts;
    let coverage = coverage_data_in(scope, t);
    let awards = awards_data_in(scope, t);
    let options = metric_options(scope.report, positions);
    let most = options.iter().map(|o| o.count).max();
    let metrics = options
        .iter()
        .find(|o| Some(o.count) == most)
        .map(|o| metrics_data(scope.report, positions, &o.family, &o.unit));
    let mut charts = Vec::new();
    let mut push = |id: &'static str, title: &str, chart: Chart<'_>| {
        let size = (CHART_WIDTH, chart_height(chart, CHART_WIDTH));
        charts.push(PrintChart {
            id,
            title: title.to_owned(),
            svg: without_style_attributes(&render_svg(chart, size, &theme, None)),
        });
    };
    if !coverage.is_empty() {
        push("coverage", c.coverage_title, Chart::Coverage(&coverage));
    }
    if !awards.is_empty() {
        push("awards", c.awards_title, Chart::Awards(&awards));
    }
    if let Some(m) = metrics.as_ref().filter(|m| !m.is_empty()) {
        push("metrics", c.metrics_title, Chart::Metrics(m));
    }
    charts
}
