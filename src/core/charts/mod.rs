//! Charts of the filtered entries: data functions, drawing generic over plotters' `DrawingBackend`, and hit-testing.
//!
//! Three charts: [`coverage`] (entries by subsidiary, stacked by top-level
//! category), [`awards`] (awards per year, stacked by subsidiary) and
//! [`metrics`] (one bar per figure of a chosen family and unit). Each has a
//! data function from a [`Scope`] (report, index, selection, search hits),
//! and a drawing function
//! that draws into any `DrawingArea<DB, Shift>` and returns [`ChartHits`]: the
//! coordinate spec plotters built (`Cartesian2d<RangedCoordf64, RangedCoordf64>`)
//! and the bars drawn, so [`hit_test`] can map a pointer back to a [`Mark`].
//!
//! Every chart is bounded however large the report: at most 12 rows, 8
//! coloured series (no colour used twice) and 20 bars, with the rest summed
//! into "Other" or years grouped into spans; see [`group`]. Legends and
//! tables follow the chart, so they are bounded too.
//!
//! Every counted piece carries the [`BarTarget`] its click applies, and its
//! number is the query engine's count for the selection after that click
//! ([`Scope::count`]), so a bar always lists exactly its number; see [`target`].
//!
//! # Text measurement in plotters 0.3.7
//!
//! plotters measures text in two ways, and only one goes through the backend:
//!
//! - **Through the backend** (`DrawingBackend::estimate_text_size`, which
//!   [`MeasuredBackend`] overrides): `DrawingArea::estimate_text_size`;
//!   `DrawingArea::titled`, and so `ChartBuilder::caption`; the mesh's tick
//!   labels (`draw_axis_and_labels` measures label widths to decide alignment);
//!   pie labels.
//! - **Through the font directly** (`FontDesc::box_size`/`layout_box`, which on
//!   `wasm32-unknown-unknown` is `style/font/web.rs`: it appends a `<span>` with
//!   an inline `style` attribute to `<body>`, reads `offsetWidth`, and removes
//!   it: a forced layout per call, blocked under a strict `style-src` CSP):
//!   `TextStyle::layout_box`, `MultiLineText` (`estimate_dimension`,
//!   `compute_line_layout`, `from_str` line wrapping), the series legend
//!   (`ChartContext::configure_series_labels`, which sizes its box with
//!   `MultiLineText`), and the default `DrawingBackend::draw_text` (used only by
//!   pixel backends; the SVG and canvas backends override it and do not measure,
//!   except plotters-svg under its `debug` feature).
//!
//! So this module never calls `FontDesc`/`TextStyle` measuring, never uses
//! `MultiLineText` or the series legend: it draws its own legend with
//! `Rectangle` and `Text`, lays out labels with `DrawingArea::estimate_text_size`,
//! and places axis descriptions through the mesh (drawn with `draw_text`, not
//! measured). `ChartBuilder::caption` would be safe but is not used: the caption
//! line goes at the bottom.

pub mod awards;
pub mod coverage;
pub mod group;
pub mod measure;
pub mod metrics;
pub mod plot;
pub mod table;
pub mod target;
pub mod theme;
pub mod trend;

pub use awards::{awards_data, draw_awards, AwardsData};
pub use coverage::{coverage_data, draw_coverage, CoverageData};
pub use group::{YearSpan, MAX_CLICK_VALUES, MAX_FIGURES, MAX_ROWS, MAX_SERIES, MAX_YEAR_BARS};
pub use measure::{MeasuredBackend, NaiveMeasure, TextMeasure};
pub use metrics::{
    draw_metrics, metric_options, metrics_data, MetricBar, MetricOption, MetricsData,
};
pub use plot::{hit_test, ChartHits, Coords, DrawError, HitBar};
pub use table::{note, note_in, table, table_in, Table};
pub use target::{BarTarget, Scope};
pub use theme::ChartTheme;
pub use trend::{draw_trend, trend_data, trend_data_in, TrendBar, TrendData};

use crate::core::ids::CategoryId;
use crate::core::model::{Category, Report};
use plotters::coord::Shift;
use plotters::prelude::*;

/// A labelled value of a series or band: its URL token and its name for people,
/// or "Other" and the values it sums.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Series {
    /// As written in the URL (a subsidiary or category id); empty for Other.
    pub token: String,
    /// For people: a name, or `Other (38 subsidiaries)`.
    pub label: String,
    /// For Other: the tokens of every value it sums, in report order (at least two); empty otherwise.
    pub members: Vec<String>,
}

impl Series {
    /// One value of a facet.
    pub fn named(token: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            token: token.into(),
            label: label.into(),
            members: Vec::new(),
        }
    }

    /// Whether this is the "Other" series, the sum of [`Series::members`].
    pub fn is_other(&self) -> bool {
        !self.members.is_empty()
    }
}

/// What a pointer is on: enough for the app to set filters or open an entry.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// A counted piece of a stacked bar (coverage, awards): a click applies
    /// `target`, and the list then holds exactly `count` entries.
    Count {
        /// The selection change a click applies.
        target: BarTarget,
        /// Entries listed after the click: the engine's count for the target.
        count: usize,
    },
    /// A metric bar: open the entry.
    Metric {
        /// Entry position in the report.
        entry: usize,
        /// Metric position within the entry.
        metric: usize,
        /// The figure.
        value: f64,
    },
}

/// One of the three charts with its data.
#[derive(Clone, Copy, Debug)]
pub enum Chart<'a> {
    /// Entries by subsidiary and category.
    Coverage(&'a CoverageData),
    /// Awards per year by subsidiary.
    Awards(&'a AwardsData),
    /// Figures of one family and unit.
    Metrics(&'a MetricsData),
    /// One series of a subsidiary's figures across editions.
    Trend(&'a TrendData),
}

/// Draws any chart into `area`; `caption` is an optional line at the bottom (exports put provenance there).
pub fn draw<DB: DrawingBackend>(
    chart: Chart<'_>,
    area: &DrawingArea<DB, Shift>,
    theme: &ChartTheme,
    caption: Option<&str>,
) -> Result<ChartHits, DrawError<DB>> {
    match chart {
        Chart::Coverage(d) => draw_coverage(area, d, theme, caption),
        Chart::Awards(d) => draw_awards(area, d, theme, caption),
        Chart::Metrics(d) => draw_metrics(area, d, theme, caption),
        Chart::Trend(d) => draw_trend(area, d, theme, caption),
    }
}

/// Renders a chart as an SVG document of `size` pixels, with text measured by [`NaiveMeasure`] (deterministic).
pub fn render_svg(
    chart: Chart<'_>,
    size: (u32, u32),
    theme: &ChartTheme,
    caption: Option<&str>,
) -> String {
    let mut out = String::new();
    {
        let backend = MeasuredBackend::new(SVGBackend::with_string(&mut out, size), NaiveMeasure);
        let root = backend.into_drawing_area();
        // The SVG backend writes to a String and cannot fail.
        let _ = draw(chart, &root, theme, caption);
        let _ = root.present();
    }
    out
}

/// The top-level ancestor of a category (itself when it has no parent).
pub fn top_level<'a>(report: &'a Report, id: &CategoryId) -> Option<&'a Category> {
    let mut current = report.category(id)?;
    for _ in 0..report.categories.len() {
        match current.parent.as_ref().and_then(|p| report.category(p)) {
            Some(parent) => current = parent,
            None => break,
        }
    }
    Some(current)
}

/// Whether a click on `mark` can select what it stands for: no facet needs
/// more than [`MAX_CLICK_VALUES`] values (only "Other" pieces ever do).
pub fn clickable(mark: &Mark) -> bool {
    match mark {
        Mark::Count { target, .. } => target.clickable(),
        Mark::Metric { .. } => true,
    }
}

/// The selection a click on `mark` leads to (cross-filtering): a counted
/// piece applies its [`BarTarget`] (the list then holds exactly the piece's
/// count), and a metric bar opens its entry.
///
/// `None` when the mark is not [`clickable`]: the piece stands for too many
/// values to select, so the click changes nothing (its tooltip says why).
pub fn select_mark(
    report: &Report,
    selection: &crate::core::query::Selection,
    mark: &Mark,
) -> Option<crate::core::query::Selection> {
    use crate::core::query::View;
    if !clickable(mark) {
        return None;
    }
    match mark {
        Mark::Count { target, .. } => Some(target.apply(selection)),
        Mark::Metric { entry, .. } => {
            let mut sel = selection.clone();
            sel.entry = report.entries.get(*entry).map(|e| e.id.clone());
            sel.view = View::List;
            Some(sel)
        }
    }
}

/// The height a chart is drawn at for `width`, in CSS pixels (the charts view and print):
/// room for every band, the note, and every legend row, since a legend that does not fit is
/// left out and the colours would go unexplained. Legend items take about 180 px each (long
/// names are cut at half the width); one row is in the base.
pub fn chart_height(chart: Chart<'_>, width: u32) -> u32 {
    let note_h = if note(chart).is_some() { 24 } else { 0 };
    let legend = match chart {
        Chart::Coverage(d) => d.categories.len(),
        Chart::Awards(d) => d.subsidiaries.len(),
        Chart::Metrics(_) | Chart::Trend(_) => 0,
    } as u32;
    let per_row = (width.saturating_sub(20) / 180).max(1);
    let legend_h = 22 * legend.div_ceil(per_row).saturating_sub(1);
    let bands = match chart {
        Chart::Coverage(d) => d.subsidiaries.len(),
        Chart::Awards(_) => return 360 + note_h + legend_h,
        Chart::Metrics(d) => d.bars.len(),
        Chart::Trend(_) => return 320 + note_h,
    };
    (90 + 30 * bands as u32).clamp(200, 900) + note_h + legend_h
}

/// The tooltip's last words for a piece a click cannot select: empty, or
/// ` (38 subsidiaries: too many to filter by at once)`.
pub(crate) fn unclickable_hint(mark: &Mark, t: &crate::core::i18n::Texts) -> String {
    use crate::core::query::Facet;
    let Mark::Count { target, .. } = mark else {
        return String::new();
    };
    let Some((facet, n)) = target.too_many() else {
        return String::new();
    };
    let (e, c) = (&t.entry, &t.charts);
    let (one, other) = match facet {
        Facet::Subsidiary => (e.subsidiaries_one, e.subsidiaries_other),
        Facet::Category => (e.categories_one, e.categories_other),
        Facet::Kind => (c.kinds_one, c.kinds_other),
        Facet::Year => (c.years_one, c.years_other),
        Facet::Report => (c.reports_one, c.reports_other),
    };
    crate::core::i18n::fill(c.too_many, &[("items", &t.count(n, one, other))])
}

/// [`coverage_data`] with its "Other" rows and series named in the language of `t`.
pub fn coverage_data_in(scope: &Scope<'_>, t: &crate::core::i18n::Texts) -> CoverageData {
    let mut d = coverage_data(scope);
    let e = &t.entry;
    relabel_other(
        &mut d.subsidiaries,
        t,
        e.subsidiaries_one,
        e.subsidiaries_other,
    );
    relabel_other(&mut d.categories, t, e.categories_one, e.categories_other);
    d
}

/// [`awards_data`] with its "Other" series named in the language of `t`.
pub fn awards_data_in(scope: &Scope<'_>, t: &crate::core::i18n::Texts) -> AwardsData {
    let mut d = awards_data(scope);
    let e = &t.entry;
    relabel_other(
        &mut d.subsidiaries,
        t,
        e.subsidiaries_one,
        e.subsidiaries_other,
    );
    d
}

/// Writes the "Other (38 subsidiaries)" labels of `series` in the language of `t`; `one` and
/// `other` are the words of a count of its members.
pub fn relabel_other(
    series: &mut [Series],
    t: &crate::core::i18n::Texts,
    one: &'static str,
    other: &'static str,
) {
    for s in series.iter_mut().filter(|s| s.is_other()) {
        let members = t.count(s.members.len(), one, other);
        s.label = crate::core::i18n::fill(t.charts.other, &[("members", &members)]);
    }
}
