//! The coverage chart: entries per subsidiary, stacked by the report's top-level categories.
//!
//! A segment counts the subsidiary's entries in a category (the category or
//! any of its descendants), exactly as the category filter selects them: its
//! number is the query engine's count for the selection its click applies.
//! An entry in several of the charted categories counts in each of their
//! segments (a note then says so); the number at a bar's end counts each
//! entry once, as selecting the subsidiary lists them.
//!
//! The segments are the top-level categories, or, when the reader has
//! selected categories, those categories: a click always narrows the list.
//! At most [`MAX_ROWS`] rows and [`MAX_SERIES`] category colours: beyond that
//! the smaller subsidiaries (or categories) are summed into an "Other" row
//! (or segment), see [`super::group`].

use super::group::{colour_slots, other_label, top_n, MAX_ROWS, MAX_SERIES};
use super::plot::{draw_plot, BarPlot, DrawError};
use super::target::{BarTarget, Scope};
use super::{unclickable_hint, ChartHits, ChartTheme, Mark, Series};
use crate::core::i18n::{fill, Texts};
use crate::core::query::Facet;
use crate::core::text::isolate;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Entry counts by subsidiary and category, each a click's count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageData {
    /// The bars, top to bottom: subsidiaries with at least one entry, in report
    /// order; when there are more than [`MAX_ROWS`], the `MAX_ROWS - 1` with the
    /// most entries, then "Other" summing the rest.
    pub subsidiaries: Vec<Series>,
    /// The segments: top-level categories (or the selected categories) with at
    /// least one entry, in report order; beyond [`MAX_SERIES`], the largest
    /// `MAX_SERIES - 1`, then "Other".
    pub categories: Vec<Series>,
    /// Palette slot of each category: its position among the charted
    /// categories when that is a free hue (so colours stay put when
    /// filtering), never the same for two categories; "Other" is the neutral grey.
    pub colours: Vec<usize>,
    /// `counts[s][c]`: entries of row `s` in category (segment) `c`; what its click lists.
    pub counts: Vec<Vec<usize>>,
    /// Entries of row `s`, each once: the number at the bar's end.
    pub totals: Vec<usize>,
    /// Whether some entry counts in more than one segment of its row.
    pub overlaps: bool,
    /// Per cell, the selection change its click applies.
    targets: Vec<Vec<BarTarget>>,
    /// Per row, the selection that lists its entries (the row's subsidiaries).
    row_targets: Vec<BarTarget>,
}

impl CoverageData {
    /// Entries of row `s`, each counted once (the number at the bar's end).
    pub fn total(&self, s: usize) -> usize {
        self.totals.get(s).copied().unwrap_or(0)
    }

    /// Whether there is nothing to chart.
    pub fn is_empty(&self) -> bool {
        self.subsidiaries.is_empty()
    }

    /// What the segment of row `s` and category `c` stands for, and a click on it selects.
    pub fn mark(&self, s: usize, c: usize) -> Mark {
        Mark::Count {
            target: self.targets[s][c].clone(),
            count: self.counts[s][c],
        }
    }

    /// The selection listing row `s`'s entries: [`CoverageData::total`] of them.
    pub fn row_target(&self, s: usize) -> &BarTarget {
        &self.row_targets[s]
    }

    /// Says that segments overlap, when they do.
    pub fn note(&self) -> Option<String> {
        self.note_in(&crate::core::i18n::EN)
    }

    /// [`CoverageData::note`] in the language of `t`.
    pub fn note_in(&self, t: &Texts) -> Option<String> {
        self.overlaps.then(|| t.charts.coverage_overlap.to_owned())
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

/// The tokens of a group of `names`.
fn tokens(group: &[usize], names: &[(String, String)]) -> Vec<String> {
    group.iter().map(|&i| names[i].0.clone()).collect()
}

/// Counts the entries the scope's selection lists by subsidiary and category.
pub fn coverage_data(scope: &Scope<'_>) -> CoverageData {
    let report = scope.report;
    let sub_target = |subs: Vec<String>| BarTarget::default().set(Facet::Subsidiary, subs);
    // Subsidiaries with entries, with their entry counts.
    let mut sub_names = Vec::new();
    let mut sub_totals = Vec::new();
    // Only subsidiaries the selection has (all when none is selected): a click narrows.
    let picked = &scope.selection.subsidiaries;
    for s in report
        .subsidiaries
        .iter()
        .filter(|s| picked.is_empty() || picked.contains(&s.id))
    {
        let n = scope.count(&sub_target(vec![s.id.to_string()]));
        if n > 0 {
            sub_names.push((s.id.to_string(), s.name.clone()));
            sub_totals.push(n);
        }
    }
    // The categories charted: the selected ones, or else the top-level ones.
    let chosen = &scope.selection.categories;
    let cat_target = |cats: Vec<String>| BarTarget::default().set(Facet::Category, cats);
    let mut cat_names = Vec::new();
    let mut cat_totals = Vec::new();
    let mut preferred_all = Vec::new();
    let candidates = report.categories.iter().filter(|c| {
        if chosen.is_empty() {
            c.parent.is_none()
        } else {
            chosen.contains(&c.id)
        }
    });
    for (i, c) in candidates.enumerate() {
        let n = scope.count(&cat_target(vec![c.id.to_string()]));
        if n > 0 {
            cat_names.push((c.id.to_string(), c.name.clone()));
            cat_totals.push(n);
            preferred_all.push(i);
        }
    }
    let (kept, other) = top_n(&sub_totals, MAX_ROWS);
    let rows = groups(kept, other);
    let (kept, other) = top_n(&cat_totals, MAX_SERIES);
    let has_other = !other.is_empty();
    let cols = groups(kept, other);
    let cell_target = |subs: Vec<String>, cats: Vec<String>| {
        BarTarget::default()
            .set(Facet::Subsidiary, subs)
            .set(Facet::Category, cats)
    };
    let mut counts = Vec::with_capacity(rows.len());
    let mut targets = Vec::with_capacity(rows.len());
    let mut totals = Vec::with_capacity(rows.len());
    let mut row_targets = Vec::with_capacity(rows.len());
    let mut overlaps = false;
    for r in &rows {
        let subs = tokens(r, &sub_names);
        let row_target = sub_target(subs.clone());
        let total = scope.count(&row_target);
        let mut row_counts = Vec::with_capacity(cols.len());
        let mut row_cells = Vec::with_capacity(cols.len());
        for c in &cols {
            let cats = tokens(c, &cat_names);
            let whole = cell_target(subs.clone(), cats.clone());
            let n = scope.count(&whole);
            if n == 0 {
                row_counts.push(0);
                row_cells.push(whole);
                continue;
            }
            // An "Other" row or segment selects only its members with entries in the piece.
            let subs_in = if r.len() > 1 {
                scope.with_entries(&whole, Facet::Subsidiary, &subs)
            } else {
                subs.clone()
            };
            let cats_in = if c.len() > 1 {
                scope.with_entries(&whole, Facet::Category, &cats)
            } else {
                cats.clone()
            };
            let target = cell_target(subs_in, cats_in);
            // The number is always the count for the very selection the click applies.
            let count = if r.len() > 1 || c.len() > 1 {
                scope.count(&target)
            } else {
                n
            };
            row_counts.push(count);
            row_cells.push(target);
        }
        overlaps |= row_counts.iter().sum::<usize>() > total;
        counts.push(row_counts);
        targets.push(row_cells);
        totals.push(total);
        row_targets.push(row_target);
    }
    let preferred: Vec<usize> = cols
        .iter()
        .take(cols.len() - usize::from(has_other))
        .map(|c| preferred_all[c[0]])
        .collect();
    CoverageData {
        subsidiaries: series_of(&rows, &sub_names, "subsidiary", "subsidiaries"),
        categories: series_of(&cols, &cat_names, "category", "categories"),
        colours: colour_slots(&preferred, has_other),
        counts,
        totals,
        overlaps,
        targets,
        row_targets,
    }
}

/// `12 entries`, with `from 3 subsidiaries` / `in 2 categories` for the parts of Other it holds.
fn piece_count(n: usize, sub: &Series, cat: &Series, mark: &Mark, t: &Texts) -> String {
    let e = &t.entry;
    let mut text = t.count(n, t.explorer.entries_one, t.explorer.entries_other);
    if let Mark::Count { target, .. } = mark {
        let held = |f: Facet| target.tokens(f).map_or(0, <[String]>::len);
        if sub.is_other() {
            let subs = t.count(
                held(Facet::Subsidiary),
                e.subsidiaries_one,
                e.subsidiaries_other,
            );
            text += &fill(t.charts.piece_from, &[("subsidiaries", &subs)]);
        }
        if cat.is_other() {
            let cats = t.count(held(Facet::Category), e.categories_one, e.categories_other);
            text += &fill(t.charts.piece_in, &[("categories", &cats)]);
        }
    }
    text + &unclickable_hint(mark, t)
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
        value_label: theme.texts.charts.entries_axis.into(),
        note: data.note_in(theme.texts).unwrap_or_default(),
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
                isolate(&sub.label),
                isolate(&cat.label),
                piece_count(n, sub, cat, &mark, theme.texts)
            );
            (n, theme.series(data.colours[c]), mark, text)
        });
        plot.push_stack(s, pieces, data.total(s).to_string());
    }
    draw_plot(area, &plot, theme, caption)
}
