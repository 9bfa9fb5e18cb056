//! The awards chart: awards per calendar year, stacked by subsidiary.
//!
//! An award dated by a range counts in every year it covers, as the year
//! filter does: each segment's number is the query engine's count for the
//! selection its click applies (the bar's year values, the segment's
//! subsidiaries, and the award kind), so clicking it lists exactly that many.
//! Undated awards are left out and counted separately. An award shared by several
//! subsidiaries counts in each of their segments, as their filters list it; the number on top
//! of a bar counts it once, as the bar's years list it (a note then says so).
//!
//! Bars are year facet values: one per year, or, when the report's dates span
//! too long for that (see [`crate::core::years`]), the runs of years the year
//! facet offers. When the reader has selected years, the bars are the
//! selected values, so a click narrows the list.
//!
//! Bounded like every chart (see [`super::group`]): at most [`MAX_SERIES`]
//! subsidiaries get a colour, the rest are summed into a grey "Other"; more
//! than [`MAX_YEAR_BARS`] years are grouped into spans (2, 5, 10, ... years,
//! or a few consecutive year values), where an award counts once per bar its
//! date touches.

use super::group::{colour_slots, other_label, top_n, year_spans, YearSpan};
use super::group::{MAX_SERIES, MAX_YEAR_BARS};
use super::plot::{draw_plot, BarPlot, DrawError};
use super::target::{BarTarget, Scope};
use super::{unclickable_hint, ChartHits, ChartTheme, Mark, Series};
use crate::core::i18n::{fill, Texts};
use crate::core::model::Kind;
use crate::core::query::{Facet, YearKey};
use crate::core::text::isolate;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Award counts by year (or span of years) and subsidiary, each a click's count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwardsData {
    /// The bars, oldest first: every year from the earliest to the latest award,
    /// or spans of [`AwardsData::span`] years when there are more than
    /// [`MAX_YEAR_BARS`]; or the year facet's runs of years (then `span` is 0).
    pub years: Vec<YearSpan>,
    /// Years per bar: 1, the span length when years are grouped, or 0 when bars
    /// are year values of different lengths.
    pub span: i32,
    /// The segments: subsidiaries with at least one dated award, in report
    /// order; beyond [`MAX_SERIES`], the `MAX_SERIES - 1` with the most awards, then "Other".
    pub subsidiaries: Vec<Series>,
    /// Palette slot of each subsidiary: all different, "Other" the neutral grey.
    pub colours: Vec<usize>,
    /// `counts[y][s]`: awards of subsidiary `s` whose date touches bar `y`'s years.
    pub counts: Vec<Vec<usize>>,
    /// Awards touching bar `y`'s years, each once: the number on top of the bar.
    pub totals: Vec<usize>,
    /// Whether some award counts in more than one segment of its bar (shared by subsidiaries).
    pub shared: bool,
    /// Awards among the positions that have no date (not charted).
    pub undated: usize,
    /// Per cell, the selection change its click applies.
    targets: Vec<Vec<BarTarget>>,
}

impl AwardsData {
    /// Awards touching bar `y`'s years, each counted once (the number on top of the bar; the
    /// bar's height is the sum of its segments, more when awards are shared).
    pub fn total(&self, y: usize) -> usize {
        self.totals.get(y).copied().unwrap_or(0)
    }

    /// Whether there is nothing to chart.
    pub fn is_empty(&self) -> bool {
        self.years.is_empty()
    }

    /// What the segment of bar `y` and subsidiary `s` stands for, and a click on it selects.
    pub fn mark(&self, y: usize, s: usize) -> Mark {
        Mark::Count {
            target: self.targets[y][s].clone(),
            count: self.counts[y][s],
        }
    }

    /// `Each bar is 5 years …` when years are grouped; that a shared award counts in each of
    /// its subsidiaries' segments, when one does.
    pub fn note(&self) -> Option<String> {
        self.note_in(&crate::core::i18n::EN)
    }

    /// [`AwardsData::note`] in the language of `t`.
    pub fn note_in(&self, t: &Texts) -> Option<String> {
        let years = self.years_note(t);
        let shared = self.shared.then_some(t.charts.awards_shared);
        match (years, shared) {
            (Some(y), Some(s)) => Some(format!("{y} {s}")),
            (y, s) => y.or(s.map(str::to_owned)),
        }
    }

    fn years_note(&self, t: &Texts) -> Option<String> {
        let touch = t.charts.awards_touch;
        match self.span {
            1 => None,
            0 if self.years.iter().all(|y| y.first == y.last) => None,
            0 => Some(fill(
                t.charts.awards_runs,
                &[
                    (
                        "from",
                        &self.years.first().map_or(0, |y| y.first).to_string(),
                    ),
                    ("to", &self.years.last().map_or(0, |y| y.last).to_string()),
                    ("touch", touch),
                ],
            )),
            n => Some(fill(
                t.charts.awards_span,
                &[("n", &n.to_string()), ("touch", touch)],
            )),
        }
    }
}

/// Groups year values (oldest first) into at most [`MAX_YEAR_BARS`] bars of consecutive values.
fn chunks(keys: Vec<YearKey>) -> Vec<(YearSpan, Vec<YearKey>)> {
    let size = keys.len().div_ceil(MAX_YEAR_BARS).max(1);
    keys.chunks(size)
        .map(|c| {
            let first = c.first().and_then(|k| k.years()).map_or(0, |y| y.0);
            let last = c.last().and_then(|k| k.years()).map_or(0, |y| y.1);
            (YearSpan { first, last }, c.to_vec())
        })
        .collect()
}

/// The bars for awards dated `lo..=hi`: spans of years, each with the year values a click selects.
fn year_bars(scope: &Scope<'_>, lo: i32, hi: i32) -> (Vec<(YearSpan, Vec<YearKey>)>, i32) {
    let buckets = scope.index.year_buckets();
    let mut selected: Vec<YearKey> = scope
        .selection
        .years
        .iter()
        .filter(|k| k.years().is_some_and(|(a, b)| a <= hi && b >= lo))
        .copied()
        .collect();
    if !selected.is_empty() {
        selected.sort_by_key(|k| k.years());
        return (chunks(selected), 0);
    }
    if buckets.single_years() {
        let (spans, len) = year_spans(lo, hi, MAX_YEAR_BARS);
        let bars = spans
            .into_iter()
            .map(|span| {
                let keys = buckets
                    .touching(span.first, span.last)
                    .map(|b| buckets.key(b))
                    .collect();
                (span, keys)
            })
            .collect();
        return (bars, len);
    }
    let keys = buckets.touching(lo, hi).map(|b| buckets.key(b)).collect();
    (chunks(keys), 0)
}

/// Counts the awards the scope's selection lists, by year and subsidiary.
pub fn awards_data(scope: &Scope<'_>) -> AwardsData {
    let report = scope.report;
    let mut undated = 0;
    let mut lo_hi: Option<(i32, i32)> = None;
    let mut per_sub = vec![0usize; report.subsidiaries.len()];
    let sub_pos: std::collections::HashMap<_, usize> = report
        .subsidiaries
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, i))
        .collect();
    for p in scope.positions() {
        let e = &report.entries[p];
        if e.kind != Kind::Award {
            continue;
        }
        // A shared award counts under each of its subsidiaries, as their filters list it.
        let subs = e.subsidiaries.iter().filter_map(|id| sub_pos.get(id));
        match e.date {
            Some(d) => {
                let (a, b) = (d.first_day().0, d.last_day().0);
                lo_hi = Some(lo_hi.map_or((a, b), |(lo, hi)| (lo.min(a), hi.max(b))));
                for &s in subs {
                    per_sub[s] += 1;
                }
            }
            None => undated += 1,
        }
    }
    let empty = |undated| AwardsData {
        years: Vec::new(),
        span: 1,
        subsidiaries: Vec::new(),
        colours: Vec::new(),
        counts: Vec::new(),
        totals: Vec::new(),
        shared: false,
        undated,
        targets: Vec::new(),
    };
    let Some((lo, hi)) = lo_hi else {
        return empty(undated);
    };
    let (bars, span) = year_bars(scope, lo, hi);
    if bars.is_empty() {
        return empty(undated);
    }
    let subs: Vec<usize> = (0..per_sub.len()).filter(|&s| per_sub[s] > 0).collect();
    let totals: Vec<usize> = subs.iter().map(|&s| per_sub[s]).collect();
    let (kept, other) = top_n(&totals, MAX_SERIES);
    let has_other = !other.is_empty();
    let token = |si: usize| report.subsidiaries[subs[si]].id.to_string();
    let mut subsidiaries: Vec<Series> = kept
        .iter()
        .map(|&si| {
            let s = &report.subsidiaries[subs[si]];
            Series::named(s.id.to_string(), s.name.clone())
        })
        .collect();
    if has_other {
        subsidiaries.push(Series {
            token: String::new(),
            label: other_label(other.len(), "subsidiary", "subsidiaries"),
            members: other.iter().map(|&si| token(si)).collect(),
        });
    }
    let target = |keys: &[YearKey], subs: Vec<String>| {
        BarTarget::default()
            .set(Facet::Kind, vec![Kind::Award.as_str().to_owned()])
            .set(Facet::Year, keys.iter().map(|k| k.token()).collect())
            .set(Facet::Subsidiary, subs)
    };
    let mut counts = Vec::with_capacity(bars.len());
    let mut targets = Vec::with_capacity(bars.len());
    let mut totals = Vec::with_capacity(bars.len());
    let mut shared = false;
    for (_, keys) in &bars {
        let mut row_targets: Vec<BarTarget> = kept
            .iter()
            .map(|&si| target(keys, vec![token(si)]))
            .collect();
        if has_other {
            // Other selects only its members with awards in the bar (when it has any).
            let all: Vec<String> = other.iter().map(|&si| token(si)).collect();
            let whole = target(keys, all.clone());
            let members = scope.with_entries(&whole, Facet::Subsidiary, &all);
            row_targets.push(if members.is_empty() {
                whole
            } else {
                target(keys, members)
            });
        }
        let row: Vec<usize> = row_targets.iter().map(|t| scope.count(t)).collect();
        // The bar's years and the award kind, each award once.
        let total = scope.count(
            &BarTarget::default()
                .set(Facet::Kind, vec![Kind::Award.as_str().to_owned()])
                .set(Facet::Year, keys.iter().map(|k| k.token()).collect()),
        );
        shared |= row.iter().sum::<usize>() > total;
        totals.push(total);
        counts.push(row);
        targets.push(row_targets);
    }
    let preferred: Vec<usize> = (0..kept.len()).collect();
    AwardsData {
        years: bars.into_iter().map(|(span, _)| span).collect(),
        span,
        subsidiaries,
        colours: colour_slots(&preferred, has_other),
        counts,
        totals,
        shared,
        undated,
        targets,
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
        bands: data.years.iter().map(YearSpan::label).collect(),
        note: data.note_in(theme.texts).unwrap_or_default(),
        value_label: theme.texts.charts.awards_axis.into(),
        integer: true,
        legend: data
            .subsidiaries
            .iter()
            .zip(&data.colours)
            .map(|(s, &i)| (s.label.clone(), theme.series(i)))
            .collect(),
        ..BarPlot::default()
    };
    for (y, years) in data.years.iter().enumerate() {
        let pieces = data.subsidiaries.iter().enumerate().map(|(s, sub)| {
            let n = data.counts[y][s];
            let mark = data.mark(y, s);
            let t = theme.texts;
            let mut count = t.count(n, t.entry.award_one, t.entry.award_other);
            if let (true, Mark::Count { target, .. }) = (sub.is_other(), &mark) {
                let held = target.tokens(Facet::Subsidiary).map_or(0, <[String]>::len);
                let subs = t.count(held, t.entry.subsidiaries_one, t.entry.subsidiaries_other);
                count += &fill(t.charts.piece_from, &[("subsidiaries", &subs)]);
            }
            let text = format!(
                "{}, {}: {count}{}",
                years.label(),
                isolate(&sub.label),
                unclickable_hint(&mark, t)
            );
            (n, theme.series(data.colours[s]), mark, text)
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
