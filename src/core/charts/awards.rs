//! The awards chart: awards per calendar year, stacked by subsidiary.
//!
//! An award dated by a range counts in every year it covers, as the year
//! filter does, so clicking a year's segment lists exactly the awards counted
//! there. Undated awards are left out and counted separately.
//!
//! Bounded like every chart (see [`super::group`]): at most [`MAX_SERIES`]
//! subsidiaries get a colour, the rest are summed into a grey "Other"; more
//! than [`MAX_YEAR_BARS`] years are grouped into spans (2, 5, 10, ... years),
//! where an award counts once per span its date touches (the year filter
//! with every year of the span selects exactly those awards).

use super::group::{colour_slots, other_label, top_n, year_spans, YearSpan};
use super::group::{MAX_SERIES, MAX_YEAR_BARS};
use super::plot::{draw_plot, BarPlot, DrawError};
use super::{unclickable_hint, ChartHits, ChartTheme, Mark, Series};
use crate::core::format::count_noun;
use crate::core::ids::SubsidiaryId;
use crate::core::model::{Kind, Report};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::collections::HashMap;

/// Award counts by year (or span of years) and subsidiary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwardsData {
    /// The bars, oldest first: every year from the earliest to the latest award,
    /// or spans of [`AwardsData::span`] years when there are more than [`MAX_YEAR_BARS`].
    pub years: Vec<YearSpan>,
    /// Years per bar: 1, or the span length when years are grouped.
    pub span: i32,
    /// The segments: subsidiaries with at least one dated award, in report
    /// order; beyond [`MAX_SERIES`], the `MAX_SERIES - 1` with the most awards, then "Other".
    pub subsidiaries: Vec<Series>,
    /// Palette slot of each subsidiary: all different, "Other" the neutral grey.
    pub colours: Vec<usize>,
    /// `counts[y][s]`: awards of subsidiary `s` whose date touches bar `y`'s years.
    pub counts: Vec<Vec<usize>>,
    /// Awards among the positions that have no date (not charted).
    pub undated: usize,
    /// Per cell, the subsidiary tokens with awards in it: what a click selects.
    members: Vec<Vec<Vec<String>>>,
}

impl AwardsData {
    /// Awards touching bar `y`'s years, by segment (the bar's height).
    pub fn total(&self, y: usize) -> usize {
        self.counts.get(y).map_or(0, |row| row.iter().sum())
    }

    /// Whether there is nothing to chart.
    pub fn is_empty(&self) -> bool {
        self.years.is_empty()
    }

    /// What the segment of bar `y` and subsidiary `s` stands for, and a click on it selects.
    pub fn mark(&self, y: usize, s: usize) -> Mark {
        Mark::AwardYear {
            years: self.years[y],
            subsidiaries: self.members[y][s].clone(),
            count: self.counts[y][s],
        }
    }

    /// `Each bar is 5 years …` when years are grouped.
    pub fn note(&self) -> Option<String> {
        (self.span > 1).then(|| {
            format!(
                "Each bar is {} years; an award counts once in each bar its date touches.",
                self.span
            )
        })
    }
}

/// Counts the awards at `positions` by year and subsidiary.
pub fn awards_data(report: &Report, positions: &[usize]) -> AwardsData {
    let sub_of: HashMap<&SubsidiaryId, usize> = report
        .subsidiaries
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, i))
        .collect();
    let mut undated = 0;
    let mut dated: Vec<(i32, i32, usize)> = Vec::new();
    for &p in positions {
        let Some(e) = report.entries.get(p).filter(|e| e.kind == Kind::Award) else {
            continue;
        };
        let Some(&s) = sub_of.get(&e.subsidiary) else {
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
            span: 1,
            subsidiaries: Vec::new(),
            colours: Vec::new(),
            counts: Vec::new(),
            undated,
            members: Vec::new(),
        };
    };
    let mut subs: Vec<usize> = dated.iter().map(|d| d.2).collect();
    subs.sort_unstable();
    subs.dedup();
    let (years, span) = year_spans(lo, hi, MAX_YEAR_BARS);
    let bar_of = |year: i32| (year.div_euclid(span) - lo.div_euclid(span)) as usize;
    // Awards per bar and subsidiary (of `subs`), and per subsidiary.
    let mut grid = vec![vec![0usize; subs.len()]; years.len()];
    let mut totals = vec![0usize; subs.len()];
    for (from, to, s) in dated {
        let si = subs.binary_search(&s).expect("collected above");
        totals[si] += 1;
        for row in &mut grid[bar_of(from)..=bar_of(to)] {
            row[si] += 1;
        }
    }
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
    let counts = grid
        .iter()
        .map(|row| {
            let mut out: Vec<usize> = kept.iter().map(|&si| row[si]).collect();
            if has_other {
                out.push(other.iter().map(|&si| row[si]).sum());
            }
            out
        })
        .collect();
    let members = grid
        .iter()
        .map(|row| {
            let mut out: Vec<Vec<String>> = kept.iter().map(|&si| vec![token(si)]).collect();
            if has_other {
                out.push(
                    other
                        .iter()
                        .filter(|&&si| row[si] > 0)
                        .map(|&si| token(si))
                        .collect(),
                );
            }
            out
        })
        .collect();
    let preferred: Vec<usize> = (0..kept.len()).collect();
    AwardsData {
        years,
        span,
        subsidiaries,
        colours: colour_slots(&preferred, has_other),
        counts,
        undated,
        members,
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
        note: data.note().unwrap_or_default(),
        value_label: "Awards".into(),
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
            let mut count = count_noun(n, "award", "awards");
            if let (true, Mark::AwardYear { subsidiaries, .. }) = (sub.is_other(), &mark) {
                count += &format!(
                    " from {}",
                    count_noun(subsidiaries.len(), "subsidiary", "subsidiaries")
                );
            }
            let text = format!(
                "{}, {}: {count}{}",
                years.label(),
                sub.label,
                unclickable_hint(&mark)
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
