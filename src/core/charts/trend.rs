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
use crate::core::i18n::{fill, Texts, EN};
use crate::core::model::Report;
use crate::core::text::isolate;
use crate::core::trends::{describe_in, point_text, Trends, ValueKind};
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
        self.note_in(&EN)
    }

    /// [`TrendData::note`] in the language of `t` (`显示 31 项数据中最新的 20 项。`).
    pub fn note_in(&self, t: &Texts) -> Option<String> {
        (self.total > self.bars.len()).then(|| {
            fill(
                t.years.trend_note,
                &[
                    ("shown", &self.bars.len().to_string()),
                    (
                        "total",
                        &crate::core::format::format_number(self.total as f64),
                    ),
                ],
            )
        })
    }

    /// The same numbers as a table: report, period, figure, change.
    pub fn table(&self) -> Table {
        self.table_in(&EN)
    }

    /// [`TrendData::table`] with its headings and note in the language of `t`.
    pub fn table_in(&self, t: &Texts) -> Table {
        let y = &t.years;
        Table {
            headers: [y.report, y.period, y.figure, y.change]
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
            note: self.note_in(t),
        }
    }
}

/// The chart data of series `series` (empty when there is no such series), in English.
pub fn trend_data(report: &Report, trends: &Trends, series: usize) -> TrendData {
    trend_data_in(report, trends, series, &EN)
}

/// [`trend_data`] with its title, axis and changes in the language of `t`.
pub fn trend_data_in(report: &Report, trends: &Trends, series: usize, t: &Texts) -> TrendData {
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
                .map(|c| describe_in(&c, t)),
        })
        .collect();
    let measure = s.measure_in(t);
    let title = trends.series_label_in(report, series, t);
    let lower_is_better = s.kind == ValueKind::Rank;
    let name = s.name();
    let words = [("name", name.as_str()), ("measure", measure.as_str())];
    let axis_label = if lower_is_better {
        fill(t.years.lower_better, &words)
    } else if measure.is_empty() {
        name
    } else {
        fill(t.years.named_measure, &words)
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
        note: data.note_in(theme.texts).unwrap_or_default(),
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
        let y = &theme.texts.years;
        let change = bar
            .change
            .as_ref()
            .map(|c| fill(y.bar_change, &[("change", c)]))
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
            text: fill(
                y.bar_text,
                &[
                    ("title", &isolate(&data.title)),
                    ("edition", &isolate(&bar.edition)),
                    ("figure", &bar.text),
                    ("change", &change),
                ],
            ),
        });
    }
    draw_plot(area, &plot, theme, caption)
}
