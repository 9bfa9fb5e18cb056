//! Year facet values: calendar years, or runs of years when a report's dates span too long.
//!
//! The year facet filters by the years an entry's date covers (a range
//! covers every year in it). A report whose dates span at most
//! [`MAX_YEAR_VALUES`] years gets one value per year with entries, as a reader
//! expects. A longer span (a typo such as `1000/2999`, or a long history)
//! would give thousands of values, so the years are cut into at most
//! [`MAX_YEAR_VALUES`] runs instead ([`YearBuckets`]):
//!
//! 1. Years are only split where some entry's date starts or ends, so the
//!    years 2018 and 2019 of a report stay apart while the centuries an
//!    implausible range covers on its own become one value (`1000–2017`).
//! 2. If that still gives too many runs, runs whose first years fall in the
//!    same window of 2, 5, 10, 20, 25, 50, 100, ... years are joined (the
//!    smallest window that gives few enough).
//!
//! Every run is a facet value ([`YearKey::Span`], or [`YearKey::Year`] for a
//! run of one year): an entry is in every run its date touches, so
//! selecting values and counting charts' year bars agree exactly.

use std::ops::Range;

/// Year facet values a report has at most (besides "Undated").
pub const MAX_YEAR_VALUES: usize = 50;
/// Window lengths tried, smallest first, when runs must be joined.
const WINDOWS: [i32; 13] = [2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2500, 5000];

/// A year facet value: a calendar year, a run of years, or no date at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum YearKey {
    /// A calendar year.
    Year(i32),
    /// The years `first..=last` (first < last), one value when the report's dates span too long.
    Span(i32, i32),
    /// The entry has no date.
    Undated,
}

impl YearKey {
    /// The value for the years `first..=last`: a year when they are one.
    pub fn run(first: i32, last: i32) -> YearKey {
        if first == last {
            YearKey::Year(first)
        } else {
            YearKey::Span(first, last)
        }
    }

    /// As written in the URL: `2019`, `1000-2017` or `undated`.
    pub fn token(self) -> String {
        match self {
            YearKey::Year(y) => y.to_string(),
            YearKey::Span(a, b) => format!("{a}-{b}"),
            YearKey::Undated => "undated".into(),
        }
    }

    /// Parses a URL token.
    pub fn parse(token: &str) -> Option<YearKey> {
        fn year(t: &str) -> Option<i32> {
            (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse().ok())
                .flatten()
        }
        if token == "undated" {
            return Some(YearKey::Undated);
        }
        match token.split_once('-') {
            None => year(token).map(YearKey::Year),
            Some((a, b)) => {
                let (a, b) = (year(a)?, year(b)?);
                (a < b).then_some(YearKey::Span(a, b))
            }
        }
    }

    /// For people: `2019`, `1000–2017` or `Undated`.
    pub fn label(self) -> String {
        match self {
            YearKey::Year(y) => y.to_string(),
            YearKey::Span(a, b) => format!("{a}–{b}"),
            YearKey::Undated => "Undated".into(),
        }
    }

    /// The first and last year, or `None` for undated.
    pub fn years(self) -> Option<(i32, i32)> {
        match self {
            YearKey::Year(y) => Some((y, y)),
            YearKey::Span(a, b) => Some((a, b)),
            YearKey::Undated => None,
        }
    }
}

/// The year facet's dated values of one report: disjoint runs of years, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearBuckets {
    /// `(first, last)` of each run, oldest first; no two overlap and each has entries.
    runs: Vec<(i32, i32)>,
    /// Whether every run is a single year (the report spans at most [`MAX_YEAR_VALUES`] years).
    single: bool,
}

impl YearBuckets {
    /// The runs for entries dated `dates` (first and last year of each dated entry).
    pub fn new(dates: &[(i32, i32)]) -> Self {
        let (Some(lo), Some(hi)) = (
            dates.iter().map(|d| d.0).min(),
            dates.iter().map(|d| d.1).max(),
        ) else {
            return Self {
                runs: Vec::new(),
                single: true,
            };
        };
        // Years covered by some date, as disjoint intervals.
        let mut sorted: Vec<(i32, i32)> = dates.iter().map(|&(a, b)| (a, b.max(a))).collect();
        sorted.sort_unstable();
        let mut covered: Vec<(i32, i32)> = Vec::new();
        for (a, b) in sorted {
            match covered.last_mut() {
                Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
                _ => covered.push((a, b)),
            }
        }
        if i64::from(hi) - i64::from(lo) < MAX_YEAR_VALUES as i64 {
            let runs = covered
                .iter()
                .flat_map(|&(a, b)| (a..=b).map(|y| (y, y)))
                .collect();
            return Self { runs, single: true };
        }
        // Split the covered years only where a date starts or ends.
        let mut cuts: Vec<i32> = dates.iter().flat_map(|&(a, b)| [a, b.max(a) + 1]).collect();
        cuts.sort_unstable();
        cuts.dedup();
        let mut runs = Vec::new();
        for &(a, b) in &covered {
            let mut start = a;
            for &c in cuts.iter().filter(|&&c| c > a && c <= b) {
                runs.push((start, c - 1));
                start = c;
            }
            runs.push((start, b));
        }
        if runs.len() > MAX_YEAR_VALUES {
            runs = join(&runs, MAX_YEAR_VALUES);
        }
        Self {
            runs,
            single: false,
        }
    }

    /// Whether every value is a single year.
    pub fn single_years(&self) -> bool {
        self.single
    }

    /// Number of dated values.
    pub fn len(&self) -> usize {
        self.runs.len()
    }

    /// Whether no entry is dated.
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// The value of run `i`.
    pub fn key(&self, i: usize) -> YearKey {
        let (a, b) = self.runs[i];
        YearKey::run(a, b)
    }

    /// Every dated value, oldest first.
    pub fn keys(&self) -> impl Iterator<Item = YearKey> + '_ {
        (0..self.runs.len()).map(|i| self.key(i))
    }

    /// The runs (by position) that the years `first..=last` touch.
    pub fn touching(&self, first: i32, last: i32) -> Range<usize> {
        let start = self.runs.partition_point(|r| r.1 < first);
        let end = self.runs.partition_point(|r| r.0 <= last);
        start..end.max(start)
    }
}

/// Joins runs whose first years fall in the same window, with the smallest
/// window from [`WINDOWS`] (or a multiple of 10,000) that leaves at most `max`.
fn join(runs: &[(i32, i32)], max: usize) -> Vec<(i32, i32)> {
    let joined = |len: i32| {
        let mut out: Vec<(i32, i32, i32)> = Vec::new();
        for &(a, b) in runs {
            let w = a.div_euclid(len);
            match out.last_mut() {
                Some(last) if last.2 == w => last.1 = b,
                _ => out.push((a, b, w)),
            }
        }
        out.into_iter().map(|(a, b, _)| (a, b)).collect::<Vec<_>>()
    };
    WINDOWS
        .into_iter()
        .chain((1..).map(|k| 10_000 * k))
        .map(joined)
        .find(|out| out.len() <= max)
        .expect("a window as long as all the years leaves one run")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip() {
        for key in [
            YearKey::Year(2019),
            YearKey::Span(1000, 2017),
            YearKey::Undated,
        ] {
            assert_eq!(YearKey::parse(&key.token()), Some(key));
        }
        assert_eq!(YearKey::Span(1000, 2017).label(), "1000–2017");
        assert_eq!(YearKey::parse("2019-2018"), None);
        assert_eq!(YearKey::parse("2019-2019"), None);
        assert_eq!(YearKey::parse("19-2019"), None);
        assert_eq!(YearKey::parse("bad"), None);
    }

    #[test]
    fn short_reports_have_one_value_per_year() {
        let b = YearBuckets::new(&[(2015, 2015), (2018, 2019)]);
        assert!(b.single_years());
        let keys: Vec<YearKey> = b.keys().collect();
        assert_eq!(
            keys,
            [2015, 2018, 2019].map(YearKey::Year),
            "years without entries are no values"
        );
        assert_eq!(b.touching(2016, 2018), 1..2);
        assert_eq!(b.touching(2016, 2017), 1..1);
    }

    #[test]
    fn a_huge_range_is_split_only_where_dates_start_or_end() {
        let b = YearBuckets::new(&[(2018, 2018), (2019, 2019), (2018, 2019), (1000, 2999)]);
        assert!(!b.single_years());
        let labels: Vec<String> = b.keys().map(YearKey::label).collect();
        assert_eq!(labels, ["1000–2017", "2018", "2019", "2020–2999"]);
        assert_eq!(b.touching(1000, 2999), 0..4);
        assert_eq!(b.touching(2019, 2019), 2..3);
    }

    #[test]
    fn many_years_are_joined_into_windows() {
        let dates: Vec<(i32, i32)> = (1000..3000).step_by(3).map(|y| (y, y)).collect();
        let b = YearBuckets::new(&dates);
        assert!(b.len() <= MAX_YEAR_VALUES);
        let runs: Vec<(i32, i32)> = b.keys().filter_map(YearKey::years).collect();
        for w in runs.windows(2) {
            assert!(w[0].1 < w[1].0, "disjoint and ordered: {w:?}");
        }
        // Every date lies in exactly one run.
        for &(a, _) in &dates {
            assert_eq!(b.touching(a, a).len(), 1);
        }
        let b = YearBuckets::new(&[(0, 9999), (5000, 5000)]);
        assert_eq!(b.len(), 3);
    }
}
