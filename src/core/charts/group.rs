//! Top N and "Other": how many series, rows and bars a chart shows, which ones, and their colours.
//!
//! Large reports (50+ subsidiaries, a deep category tree, decades of awards)
//! would otherwise draw more series than there are colours, legends longer
//! than the chart, and tables as long as the data. Every chart is bounded:
//!
//! | chart | what | at most |
//! |---|---|---|
//! | coverage | rows (subsidiaries) | [`MAX_ROWS`] = 12 |
//! | coverage | coloured segments (top-level categories) | [`MAX_SERIES`] = 8 |
//! | awards | coloured segments (subsidiaries) | [`MAX_SERIES`] = 8 |
//! | awards | bars (years, or spans of years) | [`MAX_YEAR_BARS`] = 20 |
//! | metrics | bars (figures) | [`MAX_FIGURES`] = 20 |
//!
//! When more values than that have data, the largest `max - 1` are shown on
//! their own (in report order) and the rest are summed into one "Other (38
//! subsidiaries)" row or series, drawn last and in the neutral grey. "Other"
//! never holds a single value: when exactly `max` have data, all are shown.
//!
//! [`MAX_SERIES`] is the number of distinct fills: the [`HUES`] Okabe-Ito
//! hues plus the neutral grey, so no two series ever share a colour. The grey
//! goes to "Other", or, when nothing is grouped, to an eighth named series.
//!
//! Years: up to [`MAX_YEAR_BARS`] years get a bar each; a longer range is
//! cut into spans of 2, 5, 10, 20, 25, 50 or 100 years (aligned to multiples
//! of the span, clipped to the data), the smallest span that gives at most
//! [`MAX_YEAR_BARS`] bars. An award dated across several years counts once in
//! each bar its date touches, the way the year filter selects it. When the
//! report's dates span too long for one facet value per year (see
//! [`crate::core::years`]), the bars are the year facet's runs of years, a few
//! consecutive runs per bar when there are more than [`MAX_YEAR_BARS`].
//!
//! Every piece's number is what its click lists (see [`super::target`]).
//!
//! A click selects the values behind the piece clicked (for "Other", only
//! the members with entries in that piece), unless a facet would need more
//! than [`MAX_CLICK_VALUES`] values: then the click does nothing and the
//! tooltip says why (`Other (39 subsidiaries), …: 120 entries from 39
//! subsidiaries (39 subsidiaries: too many to filter by at once)`); its number
//! is still what selecting all those values would list.

use super::theme::HUES;

/// Named series a stacked chart colours at most: the hues plus the neutral grey.
pub const MAX_SERIES: usize = HUES + 1;
/// Rows (subsidiaries) the coverage chart shows at most, "Other" included.
pub const MAX_ROWS: usize = 12;
/// Bars the awards chart shows at most; longer ranges are grouped into spans of years.
pub const MAX_YEAR_BARS: usize = 20;
/// Figures the metrics chart shows at most (the best ones).
pub const MAX_FIGURES: usize = 20;
/// Values of one facet a click selects at most (more would make an unreadable URL and chip list).
pub const MAX_CLICK_VALUES: usize = 12;
/// Year spans tried, smallest first, when the years do not fit one bar each.
const YEAR_SPANS: [i32; 7] = [2, 5, 10, 20, 25, 50, 100];

/// Which of `totals` get their own row or series when at most `max` fit.
///
/// Returns the indices kept, in their original order, and the indices
/// grouped into "Other" (empty when all fit). When grouping, the `max - 1`
/// largest are kept (earlier first among equals) and at least two go to Other.
pub fn top_n(totals: &[usize], max: usize) -> (Vec<usize>, Vec<usize>) {
    let all: Vec<usize> = (0..totals.len()).collect();
    if totals.len() <= max.max(1) {
        return (all, Vec::new());
    }
    let mut by_size = all;
    by_size.sort_by(|&a, &b| totals[b].cmp(&totals[a]).then(a.cmp(&b)));
    let mut kept = by_size[..max.max(1) - 1].to_vec();
    let mut other = by_size[max.max(1) - 1..].to_vec();
    kept.sort_unstable();
    other.sort_unstable();
    (kept, other)
}

/// Palette slots for `named` series plus, when `other`, a last "Other" series.
///
/// A series keeps its preferred slot (e.g. its position among the report's
/// top-level categories, so colours stay put while filtering) when that is a
/// hue and still free; the rest take the lowest free hue. The neutral grey
/// (slot [`HUES`]) goes to Other, or to a named series only when all hues are
/// taken. With at most [`MAX_SERIES`] series (at most `HUES` named ones when
/// `other`), every slot returned is different.
pub fn colour_slots(preferred: &[usize], other: bool) -> Vec<usize> {
    let mut taken = [false; HUES + 1];
    let mut slots: Vec<Option<usize>> = vec![None; preferred.len()];
    for (slot, &p) in slots.iter_mut().zip(preferred) {
        if p < HUES && !taken[p] {
            taken[p] = true;
            *slot = Some(p);
        }
    }
    let mut out: Vec<usize> = slots
        .into_iter()
        .map(|s| {
            s.unwrap_or_else(|| {
                let free = (0..HUES).find(|&i| !taken[i]).unwrap_or(HUES);
                taken[free] = true;
                free
            })
        })
        .collect();
    if other {
        out.push(HUES);
    }
    out
}

/// "Other (38 subsidiaries)".
pub fn other_label(members: usize, singular: &str, plural: &str) -> String {
    format!(
        "Other ({})",
        crate::core::format::count_noun(members, singular, plural)
    )
}

/// A run of calendar years one bar stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct YearSpan {
    /// First year (inclusive).
    pub first: i32,
    /// Last year (inclusive).
    pub last: i32,
}

impl YearSpan {
    /// For people: `2019`, or `2015–2019` for a span.
    pub fn label(&self) -> String {
        if self.first == self.last {
            self.first.to_string()
        } else {
            format!("{}–{}", self.first, self.last)
        }
    }

    /// Every year in the span.
    pub fn years(&self) -> impl Iterator<Item = i32> {
        self.first..=self.last
    }
}

/// The bars for years `lo..=hi`: one per year when at most `max` years,
/// otherwise spans of the smallest length in 2, 5, 10, 20, 25, 50, 100 (or
/// longer) giving at most `max` bars, aligned to multiples of the length and
/// clipped to `lo..=hi`. Returns the spans and the length (1 for single years).
pub fn year_spans(lo: i32, hi: i32, max: usize) -> (Vec<YearSpan>, i32) {
    if hi < lo {
        return (Vec::new(), 1);
    }
    let bars = |len: i32| (hi.div_euclid(len) - lo.div_euclid(len) + 1) as usize;
    let max = max.max(1);
    let len = if bars(1) <= max {
        1
    } else {
        YEAR_SPANS
            .into_iter()
            .chain((2..).map(|k| 100 * k))
            .find(|&len| bars(len) <= max)
            .expect("a long enough span exists")
    };
    let spans = (lo.div_euclid(len)..=hi.div_euclid(len))
        .map(|k| YearSpan {
            first: (k * len).max(lo),
            last: (k * len + len - 1).min(hi),
        })
        .collect();
    (spans, len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_fit_or_largest_plus_other() {
        assert_eq!(top_n(&[3, 1, 2], 3), (vec![0, 1, 2], vec![]));
        // Four values, three places: the two largest and Other with two.
        assert_eq!(top_n(&[3, 1, 2, 5], 3), (vec![0, 3], vec![1, 2]));
        // Ties keep the earlier value.
        assert_eq!(top_n(&[1, 1, 1, 1], 3), (vec![0, 1], vec![2, 3]));
    }

    #[test]
    fn slots_are_unique_and_preferred_when_free() {
        assert_eq!(colour_slots(&[0, 2, 4], false), vec![0, 2, 4]);
        assert_eq!(colour_slots(&[9, 2, 2], true), vec![0, 2, 1, HUES]);
        let eight: Vec<usize> = (0..8).collect();
        assert_eq!(colour_slots(&eight, false), eight);
        let seven = colour_slots(&[20, 21, 22, 23, 24, 25, 26], true);
        let mut sorted = seven.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 8);
        assert_eq!(seven.last(), Some(&HUES));
    }

    #[test]
    fn years_are_spans_when_many() {
        let (spans, len) = year_spans(2005, 2024, 20);
        assert_eq!((spans.len(), len), (20, 1));
        let (spans, len) = year_spans(1990, 2024, 20);
        assert_eq!(len, 2);
        assert_eq!(spans.len(), 18);
        assert_eq!(
            spans[0],
            YearSpan {
                first: 1990,
                last: 1991
            }
        );
        let (spans, len) = year_spans(1901, 2024, 20);
        assert_eq!(len, 10);
        assert_eq!(
            spans[0],
            YearSpan {
                first: 1901,
                last: 1909
            }
        );
        assert_eq!(spans.last().unwrap().label(), "2020–2024");
        assert!(spans.len() <= 20);
        // Contiguous, no gaps or overlaps.
        for w in spans.windows(2) {
            assert_eq!(w[0].last + 1, w[1].first);
        }
        let (spans, _) = year_spans(-3000, 3000, 20);
        assert!(spans.len() <= 20);
    }
}
