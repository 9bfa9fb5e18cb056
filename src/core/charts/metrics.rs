//! The metrics chart: one horizontal bar per figure of a chosen family and unit.
//!
//! Units are never mixed on one axis: figures are grouped by `(family, unit)`
//! and a chart shows exactly one group. Figures without a family are not
//! charted (there is nothing to say they are comparable). Ranks are drawn as
//! their position (1st is the shortest bar) and the axis says lower is better.
//!
//! At most [`MAX_FIGURES`] bars: the best figures (largest, or best ranks),
//! with a note "Showing 20 of 312 figures" when there are more. Figures are
//! not summed into an "Other" bar: adding up percentages or ranks means nothing.

use super::group::MAX_FIGURES;
use super::plot::{draw_plot, BarPlot, DrawError, Segment};
use super::{ChartHits, ChartTheme, Mark, Series};
use crate::core::format::format_metric;
use crate::core::model::Report;
use crate::core::text::isolate;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::collections::BTreeMap;

/// A `(family, unit)` group of figures the reader can chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetricOption {
    /// The family token, e.g. `people-reached`.
    pub family: String,
    /// The unit, e.g. `visitors`, `%`, `rank`.
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
    /// The number as printed.
    pub value: f64,
    /// The unit (always the chart's unit).
    pub unit: String,
    /// The figure as people read it, with its qualifier: `over 92%`.
    pub text: String,
}

/// The figures of one family and unit.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricsData {
    /// The family token.
    pub family: String,
    /// The one unit on the value axis.
    pub unit: String,
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
        (self.total > self.bars.len()).then(|| {
            format!(
                "Showing {} of {} figures, {} first; filter to see others.",
                self.bars.len(),
                crate::core::format::format_number(self.total as f64),
                if self.lower_is_better {
                    "best ranks"
                } else {
                    "highest"
                }
            )
        })
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

/// The value axis description for a family and unit.
pub fn axis_label(family: &str, unit: &str) -> String {
    if unit == "rank" {
        format!("{} (lower is better)", family_label(family))
    } else {
        format!("{} ({unit})", family_label(family))
    }
}

/// The `(family, unit)` groups among the entries at `positions`, by family then unit.
pub fn metric_options(report: &Report, positions: &[usize]) -> Vec<MetricOption> {
    let mut groups: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for &p in positions {
        let Some(e) = report.entries.get(p) else {
            continue;
        };
        for m in &e.metrics {
            if let Some(f) = &m.family {
                *groups.entry((f.as_str(), m.unit.as_str())).or_default() += 1;
            }
        }
    }
    groups
        .into_iter()
        .map(|((family, unit), count)| MetricOption {
            family: family.into(),
            unit: unit.into(),
            count,
            label: axis_label(family, unit),
        })
        .collect()
}

/// The figures of `family` in `unit` among the entries at `positions`.
pub fn metrics_data(report: &Report, positions: &[usize], family: &str, unit: &str) -> MetricsData {
    let lower_is_better = unit == "rank";
    // Rank every figure by (value, entry, metric), then describe only the ones charted.
    let mut found: Vec<(f64, usize, usize)> = Vec::new();
    for &p in positions {
        let Some(e) = report.entries.get(p) else {
            continue;
        };
        for (i, m) in e.metrics.iter().enumerate() {
            if m.family.as_deref() == Some(family) && m.unit == unit && m.value.is_finite() {
                found.push((m.value, p, i));
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
                unit: m.unit.clone(),
                text: format_metric(m),
            }
        })
        .collect();
    MetricsData {
        family: family.into(),
        unit: unit.into(),
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
        value_max: if data.unit == "%" { 100.0 } else { 0.0 },
        note: data.note().unwrap_or_default(),
        ..BarPlot::default()
    };
    for (i, bar) in data.bars.iter().enumerate() {
        let value = bar.value.max(0.0);
        plot.bands.push(bar.label.clone());
        plot.sublabels.push(bar.subsidiary.label.clone());
        plot.totals.push(bar.text.clone());
        plot.value_max = plot.value_max.max(value);
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
