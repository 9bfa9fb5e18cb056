//! The trend chart: one series of `core::trends` across editions, a bar per point, oldest first.
//!
//! One series has one measure, so one axis; values are shown in the series' display scale
//! (the newest figure's: `HKD million`). Ranks are drawn as their place and the axis says
//! lower is better. Each bar is labelled with its edition (and the figure's period when it
//! differs), valued with the figure as printed, and a click opens its entry. At most
//! [`MAX_FIGURES`] points: the newest.

use super::group::MAX_FIGURES;
use super::plot::{draw_plot, BarPlot, DrawError, Segment};
use super::table::Table;
use super::{ChartHits, ChartTheme, Mark};
use crate::core::model::Report;
use crate::core::text::isolate;
use crate::core::trends::{describe, point_text, Trends, ValueKind};
use plotters::coord::Shift;
use plotters::prelude::*;

/// One bar: a point of the series.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendBar {
    /// Entry position in the report.
    pub entry: usize,
    /// Figure position within the entry.
    pub metric: usize,
    /// The edition's label (`2019`).
    pub edition: String,
    /// The figure's period for people (its own, else the edition's).
    pub period: String,
    /// The value in the series' display scale.
    pub value: f64,
    /// The figure as printed (`HKD 8 billion`, `over 92%`).
    pub text: String,
    /// Its change against the previous edition (`+12.4% vs 2018`), when it compares.
    pub change: Option<String>,
}

/// The chart data of one series.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendData {
    /// The series' name for people.
    pub title: String,
    /// The value axis description.
    pub axis_label: String,
    /// Whether smaller is better (ranks).
    pub lower_is_better: bool,
    /// The largest value the measure allows (100 for `%`, a score's maximum), if any.
    pub limit: Option<f64>,
    /// The bars, oldest first; at most [`MAX_FIGURES`].
    pub bars: Vec<TrendBar>,
    /// Points in the series, charted or not.
    pub total: usize,
}

impl TrendData {
    /// `Showing the newest 20 of 31 figures.` when not every point is charted.
    pub fn note(&self) -> Option<String> {
        (self.total > self.bars.len()).then(|| {
            format!(
                "Showing the newest {} of {} figures.",
                self.bars.len(),
                self.total
            )
        })
    }

    /// [`TrendData::note`] for an interface language (English until the trend words are translated).
    pub fn note_in(&self, _t: &crate::core::i18n::Texts) -> Option<String> {
        self.note()
    }

    /// The same numbers as a table: report, period, figure, change.
    pub fn table(&self) -> Table {
        Table {
            headers: ["Report", "Period", "Figure", "Change"]
                .map(String::from)
                .to_vec(),
            rows: self
                .bars
                .iter()
                .map(|b| {
                    vec![
                        b.edition.clone(),
                        b.period.clone(),
                        b.text.clone(),
                        b.change.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
            note: self.note(),
        }
    }
}

/// The chart data of series `series` (empty when there is no such series).
pub fn trend_data(report: &Report, trends: &Trends, series: usize) -> TrendData {
    let Some(s) = trends.series.get(series) else {
        return TrendData {
            title: String::new(),
            axis_label: String::new(),
            lower_is_better: false,
            limit: None,
            bars: Vec::new(),
            total: 0,
        };
    };
    let skip = s.points.len().saturating_sub(MAX_FIGURES);
    let bars = s.points[skip..]
        .iter()
        .map(|p| TrendBar {
            entry: p.entry,
            metric: p.metric,
            edition: report
                .editions
                .get(p.edition)
                .map_or_else(String::new, |e| e.label.clone()),
            period: p.period.clone(),
            value: s.display_value(p.value),
            text: point_text(report, p),
            change: trends
                .change(report, p.entry, p.metric)
                .map(|c| describe(&c)),
        })
        .collect();
    let measure = s.measure();
    let title = trends.series_label(report, series);
    let lower_is_better = s.kind == ValueKind::Rank;
    let name = match &s.family {
        Some(f) => super::metrics::family_label(f),
        None => s.label.clone(),
    };
    let axis_label = if lower_is_better {
        format!("{name} ({measure}, lower is better)")
    } else if measure.is_empty() {
        name
    } else {
        format!("{name} ({measure})")
    };
    TrendData {
        title,
        axis_label,
        lower_is_better,
        limit: match s.kind {
            ValueKind::Percent => Some(100.0),
            ValueKind::Score => s.out_of,
            _ => None,
        },
        bars,
        total: s.points.len(),
    }
}

/// Draws the trend chart: one vertical bar per point, oldest at the left.
pub fn draw_trend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &TrendData,
    theme: &ChartTheme,
    caption: Option<&str>,
) -> Result<ChartHits, DrawError<DB>> {
    let mut plot = BarPlot {
        horizontal: false,
        value_label: data.axis_label.clone(),
        integer: false,
        value_max: data.limit.unwrap_or(0.0),
        note: data.note().unwrap_or_default(),
        ..BarPlot::default()
    };
    for (i, bar) in data.bars.iter().enumerate() {
        let value = bar.value.max(0.0);
        let band = if bar.period == bar.edition {
            bar.edition.clone()
        } else {
            format!("{} ({})", bar.edition, bar.period)
        };
        plot.bands.push(band);
        plot.totals.push(bar.text.clone());
        plot.value_max = plot.value_max.max(value);
        let change = bar
            .change
            .as_ref()
            .map(|c| format!(" ({c})"))
            .unwrap_or_default();
        plot.segments.push(Segment {
            band: i,
            from: 0.0,
            to: value,
            colour: theme.accent,
            mark: Mark::Metric {
                entry: bar.entry,
                metric: bar.metric,
                value: bar.value,
            },
            text: format!(
                "{}, {}: {}{change}",
                isolate(&data.title),
                isolate(&bar.edition),
                bar.text
            ),
        });
    }
    draw_plot(area, &plot, theme, caption)
}
