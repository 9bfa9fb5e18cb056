//! The metrics chart: one horizontal bar per figure of a chosen family and measure.
//!
//! Units are never mixed on one axis: figures are grouped by family and by their
//! [`measure`] (currency, scale and unit together, so `HKD billion` is apart from
//! `HKD million`, and a score out of 5 from a percentage), and a chart shows exactly
//! one group. A range (`2–8 °C`) is drawn as its span. Figures without a family are not
//! charted (there is nothing to say they are comparable). Ranks are drawn as
//! their position (1st is the shortest bar) and the axis says lower is better.
//!
//! At most [`MAX_FIGURES`] bars: the best figures (largest, or best ranks),
//! with a note "Showing 20 of 312 figures" when there are more. Figures are
//! not summed into an "Other" bar: adding up percentages or ranks means nothing.

use super::group::MAX_FIGURES;
use super::plot::{draw_plot, BarPlot, DrawError, Segment};
use super::{ChartHits, ChartTheme, Mark, Series};
use crate::core::format::{format_metric, printed_number};
use crate::core::model::{Metric, Report};
use crate::core::text::isolate;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::collections::BTreeMap;

/// What a figure's number counts, as one key for grouping: its currency, scale and unit as
/// shown (`HKD billion`, `million customers`, `%`, `TEU`, `rank`), a score with its maximum
/// (`score out of 5`); empty for a bare number.
pub fn measure(m: &Metric) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(c) = &m.currency {
        parts.push(c.clone());
    }
    if let Some(s) = m.scale {
        parts.push(s.as_str().to_owned());
    }
    match (m.unit.as_deref(), m.out_of) {
        (Some("score"), Some(n)) => parts.push(format!("score out of {}", printed_number(n, None))),
        (Some(u), _) => parts.push(u.to_owned()),
        (None, _) => {}
    }
    parts.join(" ")
}

/// A `(family, measure)` group of figures the reader can chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetricOption {
    /// The family token, e.g. `people-reached`.
    pub family: String,
    /// The [`measure`], e.g. `visitors`, `%`, `rank`, `HKD billion`.
    pub unit: String,
    /// Figures in the group.
    pub count: usize,
    /// For people: `People reached (visitors)`, `Rank (lower is better)`.
    pub label: String,
}

/// One figure to chart.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricBar {
    /// Entry position in the report.
    pub entry: usize,
    /// Metric position within the entry.
    pub metric: usize,
    /// What is measured (the metric's label).
    pub label: String,
    /// The entry's title.
    pub title: String,
    /// Whose figure it is.
    pub subsidiary: Series,
    /// The number as printed (the lower end of a range).
    pub value: f64,
    /// The upper end of a range.
    pub to: Option<f64>,
    /// The [`measure`] (always the chart's).
    pub unit: String,
    /// The figure as people read it, with its qualifier: `over 92%`, `2–8 °C`.
    pub text: String,
}

/// The figures of one family and unit.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricsData {
    /// The family token.
    pub family: String,
    /// The one [`measure`] on the value axis.
    pub unit: String,
    /// The largest value the measure allows (100 for `%`, the maximum for a score), if any.
    pub limit: Option<f64>,
    /// The value axis description.
    pub axis_label: String,
    /// Whether smaller values are better (ranks).
    pub lower_is_better: bool,
    /// The bars, best first: largest first, or smallest first when lower is better;
    /// at most [`MAX_FIGURES`].
    pub bars: Vec<MetricBar>,
    /// Figures of the family and unit among the entries, charted or not.
    pub total: usize,
}

impl MetricsData {
    /// `Showing 20 of 312 figures, highest first.` when not every figure is charted.
    pub fn note(&self) -> Option<String> {
        self.note_in(&crate::core::i18n::EN)
    }

    /// [`MetricsData::note`] in the language of `t`.
    pub fn note_in(&self, t: &crate::core::i18n::Texts) -> Option<String> {
        (self.total > self.bars.len()).then(|| {
            let template = if self.lower_is_better {
                t.charts.metrics_note_ranks
            } else {
                t.charts.metrics_note_highest
            };
            crate::core::i18n::fill(
                template,
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

    /// Writes the value axis's interface words (a rank's "lower is better") in `t`'s language.
    pub fn localize(&mut self, t: &crate::core::i18n::Texts) {
        if self.unit == "rank" {
            self.axis_label = crate::core::i18n::fill(
                t.charts.lower_better,
                &[("family", &family_label(&self.family))],
            );
        }
    }

    /// Whether there is nothing to chart.
    pub fn is_empty(&self) -> bool {
        self.bars.is_empty()
    }
}

/// `people-reached` as people read it: `People reached`.
pub fn family_label(family: &str) -> String {
    let words = family.replace(['-', '_'], " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The value axis description for a family and [`measure`].
pub fn axis_label(family: &str, unit: &str) -> String {
    match unit {
        "rank" => format!("{} (lower is better)", family_label(family)),
        "" => family_label(family),
        _ => format!("{} ({unit})", family_label(family)),
    }
}

/// The `(family, measure)` groups among the entries at `positions`, by family then measure.
pub fn metric_options(report: &Report, positions: &[usize]) -> Vec<MetricOption> {
    let mut groups: BTreeMap<(&str, String), usize> = BTreeMap::new();
    for &p in positions {
        let Some(e) = report.entries.get(p) else {
            continue;
        };
        for m in &e.metrics {
            if let Some(f) = &m.family {
                *groups.entry((f.as_str(), measure(m))).or_default() += 1;
            }
        }
    }
    groups
        .into_iter()
        .map(|((family, unit), count)| MetricOption {
            family: family.into(),
            label: axis_label(family, &unit),
            unit,
            count,
        })
        .collect()
}

/// The figures of `family` whose [`measure`] is `unit` among the entries at `positions`.
pub fn metrics_data(report: &Report, positions: &[usize], family: &str, unit: &str) -> MetricsData {
    let lower_is_better = unit == "rank";
    // Rank every figure by (value, entry, metric), then describe only the ones charted.
    let mut found: Vec<(f64, usize, usize)> = Vec::new();
    let mut limit = (unit == "%").then_some(100.0);
    for &p in positions {
        let Some(e) = report.entries.get(p) else {
            continue;
        };
        for (i, m) in e.metrics.iter().enumerate() {
            if m.family.as_deref() == Some(family) && m.value.is_finite() && measure(m) == unit {
                found.push((m.value, p, i));
                if m.is_score() {
                    limit = m.out_of;
                }
            }
        }
    }
    found.sort_by(|a, b| {
        let by_value = if lower_is_better {
            a.0.total_cmp(&b.0)
        } else {
            b.0.total_cmp(&a.0)
        };
        by_value.then((a.1, a.2).cmp(&(b.1, b.2)))
    });
    let total = found.len();
    let bars = found
        .into_iter()
        .take(MAX_FIGURES)
        .map(|(value, p, i)| {
            let e = &report.entries[p];
            let m = &e.metrics[i];
            MetricBar {
                entry: p,
                metric: i,
                label: m.label.clone(),
                title: e.title.clone(),
                subsidiary: Series::named(
                    e.subsidiaries.first().map_or("", |s| s.as_str()),
                    report.subsidiary_names(e),
                ),
                value,
                to: m.to,
                unit: unit.to_owned(),
                text: format_metric(m),
            }
        })
        .collect();
    MetricsData {
        family: family.into(),
        unit: unit.into(),
        limit,
        axis_label: axis_label(family, unit),
        lower_is_better,
        bars,
        total,
    }
}

/// Draws the metrics chart: one horizontal bar per figure, labelled with the figure's label and subsidiary, valued `over 92%`.
pub fn draw_metrics<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &MetricsData,
    theme: &ChartTheme,
    caption: Option<&str>,
) -> Result<ChartHits, DrawError<DB>> {
    let mut plot = BarPlot {
        horizontal: true,
        value_label: data.axis_label.clone(),
        integer: false,
        value_max: data.limit.unwrap_or(0.0),
        note: data.note_in(theme.texts).unwrap_or_default(),
        ..BarPlot::default()
    };
    for (i, bar) in data.bars.iter().enumerate() {
        // A range is drawn as its span, a single value from zero.
        let (from, value) = match bar.to {
            Some(to) => (bar.value.max(0.0), to.max(0.0)),
            None => (0.0, bar.value.max(0.0)),
        };
        plot.bands.push(bar.label.clone());
        plot.sublabels.push(bar.subsidiary.label.clone());
        plot.totals.push(bar.text.clone());
        plot.value_max = plot.value_max.max(value);
        plot.segments.push(Segment {
            band: i,
            from,
            to: value,
            colour: theme.accent,
            mark: Mark::Metric {
                entry: bar.entry,
                metric: bar.metric,
                value: bar.value,
            },
            text: format!(
                "{} ({}, {}): {}",
                isolate(&bar.label),
                isolate(&bar.title),
                isolate(&bar.subsidiary.label),
                bar.text
            ),
        });
    }
    draw_plot(area, &plot, theme, caption)
}
