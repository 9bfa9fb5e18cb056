//! The coverage chart: entries per subsidiary, stacked by the report's top-level categories.
//!
//! Each entry is counted once, under the top-level ancestor of its first
//! category, so a bar's length is the subsidiary's number of entries.

use super::plot::{draw_plot, BarPlot, DrawError};
use super::{top_level, ChartHits, ChartTheme, Mark, Series};
use crate::core::format::count_noun;
use crate::core::model::Report;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Entry counts by subsidiary and top-level category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageData {
    /// Subsidiaries with at least one entry, in report order (the bars, top to bottom).
    pub subsidiaries: Vec<Series>,
    /// Top-level categories with at least one entry, in report order (the segments).
    pub categories: Vec<Series>,
    /// Palette index of each category (its position among the report's top-level categories, so colours stay put when filtering).
    pub colours: Vec<usize>,
    /// `counts[s][c]`: entries of subsidiary `s` under category `c`.
    pub counts: Vec<Vec<usize>>,
}

impl CoverageData {
    /// Entries of subsidiary `s` (the bar's length).
    pub fn total(&self, s: usize) -> usize {
        self.counts.get(s).map_or(0, |row| row.iter().sum())
    }

    /// Whether there is nothing to chart.
    pub fn is_empty(&self) -> bool {
        self.subsidiaries.is_empty()
    }
}

/// Counts the entries at `positions` by subsidiary and top-level category.
pub fn coverage_data(report: &Report, positions: &[usize]) -> CoverageData {
    let tops: Vec<usize> = (0..report.categories.len())
        .filter(|&i| report.categories[i].parent.is_none())
        .collect();
    let mut grid = vec![vec![0usize; tops.len()]; report.subsidiaries.len()];
    for &p in positions {
        let Some(e) = report.entries.get(p) else {
            continue;
        };
        let Some(s) = report
            .subsidiaries
            .iter()
            .position(|s| s.id == e.subsidiary)
        else {
            continue;
        };
        let Some(top) = e.categories.first().and_then(|c| top_level(report, c)) else {
            continue;
        };
        if let Some(c) = tops.iter().position(|&t| report.categories[t].id == top.id) {
            grid[s][c] += 1;
        }
    }
    let used_cats: Vec<usize> = (0..tops.len())
        .filter(|&c| grid.iter().any(|row| row[c] > 0))
        .collect();
    let used_subs: Vec<usize> = (0..grid.len())
        .filter(|&s| grid[s].iter().any(|&n| n > 0))
        .collect();
    CoverageData {
        subsidiaries: used_subs
            .iter()
            .map(|&s| Series {
                token: report.subsidiaries[s].id.to_string(),
                label: report.subsidiaries[s].name.clone(),
            })
            .collect(),
        categories: used_cats
            .iter()
            .map(|&c| Series {
                token: report.categories[tops[c]].id.to_string(),
                label: report.categories[tops[c]].name.clone(),
            })
            .collect(),
        colours: used_cats.clone(),
        counts: used_subs
            .iter()
            .map(|&s| used_cats.iter().map(|&c| grid[s][c]).collect())
            .collect(),
    }
}

/// Draws the coverage chart: one horizontal bar per subsidiary, segments by category.
pub fn draw_coverage<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &CoverageData,
    theme: &ChartTheme,
    caption: Option<&str>,
) -> Result<ChartHits, DrawError<DB>> {
    let mut plot = BarPlot {
        horizontal: true,
        bands: data.subsidiaries.iter().map(|s| s.label.clone()).collect(),
        value_label: "Entries".into(),
        integer: true,
        legend: data
            .categories
            .iter()
            .zip(&data.colours)
            .map(|(c, &i)| (c.label.clone(), theme.series(i)))
            .collect(),
        ..BarPlot::default()
    };
    for (s, sub) in data.subsidiaries.iter().enumerate() {
        let pieces = data.categories.iter().enumerate().map(|(c, cat)| {
            let n = data.counts[s][c];
            let mark = Mark::Coverage {
                subsidiary: sub.token.clone(),
                category: cat.token.clone(),
                count: n,
            };
            let text = format!(
                "{}, {}: {}",
                sub.label,
                cat.label,
                count_noun(n, "entry", "entries")
            );
            (n, theme.series(data.colours[c]), mark, text)
        });
        plot.push_stack(s, pieces, data.total(s).to_string());
    }
    draw_plot(area, &plot, theme, caption)
}
