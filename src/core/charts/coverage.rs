//! The coverage chart: entries per subsidiary, stacked by the report's top-level categories.
//!
//! Each entry is counted once, under the top-level ancestor of its first
//! category, so a bar's length is the subsidiary's number of entries. At most
//! [`MAX_ROWS`] rows and [`MAX_SERIES`] category colours: beyond that the
//! smaller subsidiaries (or categories) are summed into an "Other" row (or
//! segment), see [`super::group`].

use super::group::{colour_slots, other_label, top_n, MAX_ROWS, MAX_SERIES};
use super::plot::{draw_plot, BarPlot, DrawError};
use super::{top_level, unclickable_hint, ChartHits, ChartTheme, Mark, Series};
use crate::core::format::count_noun;
use crate::core::ids::{CategoryId, SubsidiaryId};
use crate::core::model::Report;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::collections::HashMap;

/// Entry counts by subsidiary and top-level category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageData {
    /// The bars, top to bottom: subsidiaries with at least one entry, in report
    /// order; when there are more than [`MAX_ROWS`], the `MAX_ROWS - 1` with the
    /// most entries, then "Other" summing the rest.
    pub subsidiaries: Vec<Series>,
    /// The segments: top-level categories with at least one entry, in report
    /// order; beyond [`MAX_SERIES`], the largest `MAX_SERIES - 1`, then "Other".
    pub categories: Vec<Series>,
    /// Palette slot of each category: its position among the report's
    /// top-level categories when that is a free hue (so colours stay put when
    /// filtering), never the same for two categories; "Other" is the neutral grey.
    pub colours: Vec<usize>,
    /// `counts[s][c]`: entries of subsidiary (row) `s` under category (segment) `c`.
    pub counts: Vec<Vec<usize>>,
    /// Per cell, the subsidiary and category tokens with entries in it: what a click selects.
    members: Vec<Vec<(Vec<String>, Vec<String>)>>,
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

    /// What the segment of row `s` and category `c` stands for, and a click on it selects.
    pub fn mark(&self, s: usize, c: usize) -> Mark {
        let (subsidiaries, categories) = self.members[s][c].clone();
        Mark::Coverage {
            subsidiaries,
            categories,
            count: self.counts[s][c],
        }
    }
}

/// Members of `groups` (index lists into `names`) as Series: one named value, or Other.
fn series_of(
    groups: &[Vec<usize>],
    names: &[(String, String)],
    singular: &str,
    plural: &str,
) -> Vec<Series> {
    groups
        .iter()
        .map(|g| match g.as_slice() {
            [one] => Series::named(names[*one].0.clone(), names[*one].1.clone()),
            many => Series {
                token: String::new(),
                label: other_label(many.len(), singular, plural),
                members: many.iter().map(|&i| names[i].0.clone()).collect(),
            },
        })
        .collect()
}

/// The kept indices one group each, then the others as one last group.
fn groups(kept: Vec<usize>, other: Vec<usize>) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = kept.into_iter().map(|i| vec![i]).collect();
    if !other.is_empty() {
        out.push(other);
    }
    out
}

/// Counts the entries at `positions` by subsidiary and top-level category.
pub fn coverage_data(report: &Report, positions: &[usize]) -> CoverageData {
    let tops: Vec<usize> = (0..report.categories.len())
        .filter(|&i| report.categories[i].parent.is_none())
        .collect();
    let top_of: HashMap<&CategoryId, usize> = report
        .categories
        .iter()
        .filter_map(|c| {
            let top = top_level(report, &c.id)?;
            let t = tops
                .iter()
                .position(|&t| report.categories[t].id == top.id)?;
            Some((&c.id, t))
        })
        .collect();
    let sub_of: HashMap<&SubsidiaryId, usize> = report
        .subsidiaries
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, i))
        .collect();
    let mut grid = vec![vec![0usize; tops.len()]; report.subsidiaries.len()];
    for &p in positions {
        let Some(e) = report.entries.get(p) else {
            continue;
        };
        let Some(&s) = sub_of.get(&e.subsidiary) else {
            continue;
        };
        if let Some(&c) = e.categories.first().and_then(|c| top_of.get(c)) {
            grid[s][c] += 1;
        }
    }
    let used_cats: Vec<usize> = (0..tops.len())
        .filter(|&c| grid.iter().any(|row| row[c] > 0))
        .collect();
    let used_subs: Vec<usize> = (0..grid.len())
        .filter(|&s| grid[s].iter().any(|&n| n > 0))
        .collect();
    let sub_totals: Vec<usize> = used_subs.iter().map(|&s| grid[s].iter().sum()).collect();
    let cat_totals: Vec<usize> = used_cats
        .iter()
        .map(|&c| grid.iter().map(|row| row[c]).sum())
        .collect();
    let (kept, other) = top_n(&sub_totals, MAX_ROWS);
    let rows = groups(kept, other);
    let (kept, other) = top_n(&cat_totals, MAX_SERIES);
    let has_other = !other.is_empty();
    let cols = groups(kept, other);
    let sub_names: Vec<(String, String)> = used_subs
        .iter()
        .map(|&s| {
            let s = &report.subsidiaries[s];
            (s.id.to_string(), s.name.clone())
        })
        .collect();
    let cat_names: Vec<(String, String)> = used_cats
        .iter()
        .map(|&c| {
            let c = &report.categories[tops[c]];
            (c.id.to_string(), c.name.clone())
        })
        .collect();
    let cell = |s: usize, c: usize| grid[used_subs[s]][used_cats[c]];
    let counts: Vec<Vec<usize>> = rows
        .iter()
        .map(|r| {
            cols.iter()
                .map(|c| r.iter().flat_map(|&s| c.iter().map(move |&k| (s, k))))
                .map(|pairs| pairs.map(|(s, k)| cell(s, k)).sum())
                .collect()
        })
        .collect();
    let members = rows
        .iter()
        .map(|r| {
            cols.iter()
                .map(|c| {
                    let subs = r
                        .iter()
                        .filter(|&&s| c.iter().any(|&k| cell(s, k) > 0) || r.len() == 1)
                        .map(|&s| sub_names[s].0.clone())
                        .collect();
                    let cats = c
                        .iter()
                        .filter(|&&k| r.iter().any(|&s| cell(s, k) > 0) || c.len() == 1)
                        .map(|&k| cat_names[k].0.clone())
                        .collect();
                    (subs, cats)
                })
                .collect()
        })
        .collect();
    let preferred: Vec<usize> = cols
        .iter()
        .take(cols.len() - usize::from(has_other))
        .map(|c| used_cats[c[0]])
        .collect();
    CoverageData {
        subsidiaries: series_of(&rows, &sub_names, "subsidiary", "subsidiaries"),
        categories: series_of(&cols, &cat_names, "category", "categories"),
        colours: colour_slots(&preferred, has_other),
        counts,
        members,
    }
}

/// `12 entries`, with `from 3 subsidiaries` / `in 2 categories` for the parts of Other it holds.
fn piece_count(n: usize, sub: &Series, cat: &Series, mark: &Mark) -> String {
    let mut text = count_noun(n, "entry", "entries");
    if let Mark::Coverage {
        subsidiaries,
        categories,
        ..
    } = mark
    {
        if sub.is_other() {
            text += &format!(
                " from {}",
                count_noun(subsidiaries.len(), "subsidiary", "subsidiaries")
            );
        }
        if cat.is_other() {
            text += &format!(
                " in {}",
                count_noun(categories.len(), "category", "categories")
            );
        }
    }
    text + &unclickable_hint(mark)
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
            let mark = data.mark(s, c);
            let text = format!(
                "{}, {}: {}",
                sub.label,
                cat.label,
                piece_count(n, sub, cat, &mark)
            );
            (n, theme.series(data.colours[c]), mark, text)
        });
        plot.push_stack(s, pieces, data.total(s).to_string());
    }
    draw_plot(area, &plot, theme, caption)
}
