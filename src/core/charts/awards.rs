//! The awards chart: awards per calendar year, stacked by subsidiary.
//!
//! An award dated by a range counts in every year it covers, as the year
//! filter does, so clicking a year's segment lists exactly the awards counted
//! there. Undated awards are left out and counted separately.

use super::plot::{draw_plot, BarPlot, DrawError};
use super::{ChartHits, ChartTheme, Mark, Series};
use crate::core::format::count_noun;
use crate::core::model::{Kind, Report};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Award counts by year and subsidiary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwardsData {
    /// Every year from the earliest to the latest award, oldest first (the bars, left to right).
    pub years: Vec<i32>,
    /// Subsidiaries with at least one dated award, in report order (the segments).
    pub subsidiaries: Vec<Series>,
    /// `counts[y][s]`: awards of subsidiary `s` whose date covers year `y`.
    pub counts: Vec<Vec<usize>>,
    /// Awards among the positions that have no date (not charted).
    pub undated: usize,
}

impl AwardsData {
    /// Awards covering year index `y` (the bar's height).
    pub fn total(&self, y: usize) -> usize {
        self.counts.get(y).map_or(0, |row| row.iter().sum())
    }

    /// Whether there is nothing to chart.
    pub fn is_empty(&self) -> bool {
        self.years.is_empty()
    }
}

/// Counts the awards at `positions` by year and subsidiary.
pub fn awards_data(report: &Report, positions: &[usize]) -> AwardsData {
    let mut undated = 0;
    let mut dated: Vec<(i32, i32, usize)> = Vec::new();
    for &p in positions {
        let Some(e) = report.entries.get(p).filter(|e| e.kind == Kind::Award) else {
            continue;
        };
        let Some(s) = report
            .subsidiaries
            .iter()
            .position(|s| s.id == e.subsidiary)
        else {
            continue;
        };
        match e.date {
            Some(d) => dated.push((d.first_day().0, d.last_day().0, s)),
            None => undated += 1,
        }
    }
    let (Some(lo), Some(hi)) = (
        dated.iter().map(|d| d.0).min(),
        dated.iter().map(|d| d.1).max(),
    ) else {
        return AwardsData {
            years: Vec::new(),
            subsidiaries: Vec::new(),
            counts: Vec::new(),
            undated,
        };
    };
    let mut subs: Vec<usize> = dated.iter().map(|d| d.2).collect();
    subs.sort_unstable();
    subs.dedup();
    let years: Vec<i32> = (lo..=hi).collect();
    let mut counts = vec![vec![0; subs.len()]; years.len()];
    for (from, to, s) in dated {
        let si = subs.binary_search(&s).expect("collected above");
        for y in from..=to {
            counts[(y - lo) as usize][si] += 1;
        }
    }
    AwardsData {
        years,
        subsidiaries: subs
            .iter()
            .map(|&s| Series {
                token: report.subsidiaries[s].id.to_string(),
                label: report.subsidiaries[s].name.clone(),
            })
            .collect(),
        counts,
        undated,
    }
}

/// Draws the awards chart: one vertical bar per year, segments by subsidiary.
pub fn draw_awards<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &AwardsData,
    theme: &ChartTheme,
    caption: Option<&str>,
) -> Result<ChartHits, DrawError<DB>> {
    let mut plot = BarPlot {
        horizontal: false,
        bands: data.years.iter().map(i32::to_string).collect(),
        value_label: "Awards".into(),
        integer: true,
        legend: data
            .subsidiaries
            .iter()
            .enumerate()
            .map(|(i, s)| (s.label.clone(), theme.series(i)))
            .collect(),
        ..BarPlot::default()
    };
    for (y, &year) in data.years.iter().enumerate() {
        let pieces = data.subsidiaries.iter().enumerate().map(|(s, sub)| {
            let n = data.counts[y][s];
            let mark = Mark::AwardYear {
                year,
                subsidiary: sub.token.clone(),
                count: n,
            };
            let text = format!(
                "{year}, {}: {}",
                sub.label,
                count_noun(n, "award", "awards")
            );
            (n, theme.series(s), mark, text)
        });
        let total = data.total(y);
        let label = if total > 0 {
            total.to_string()
        } else {
            String::new()
        };
        plot.push_stack(y, pieces, label);
    }
    draw_plot(area, &plot, theme, caption)
}
