//! Year over year: the series a subsidiary's figures form across the editions of a merged report, and each figure's change against the previous edition.
//!
//! # Series
//!
//! A figure belongs to the series of its entry's lead subsidiary, its `family` (a figure
//! without a family: its label, exactly), and its measure: the same currency and unit, a rank
//! or a score out of the same list size or maximum. Scales are normalised, so `HKD 8
//! billion` and `HKD 7,500 million` are in one series. A series is kept when its figures
//! come from two editions or more; a report shown alone has none.
//!
//! Points are ordered by edition (the catalogue's chronological order), then, within one
//! edition, by the figure's own `period` when it has one (figures without a period after
//! those with one), then by report order. Several figures of one subsidiary and family in
//! one edition are all points of that edition.
//!
//! Building is one pass over the figures with one hash lookup each ([`Trends::build`]); the
//! lookups are counted in [`Trends::figures_seen`] so their bound can be tested.
//!
//! # Changes
//!
//! A figure's [`Change`] compares it with a point of the most recent earlier edition of its
//! series: the point with the same label when there is one, else the last of that
//! edition. Amounts change relatively (`+12.4% vs 2018`), percentages in percentage points
//! (`+2.1 pp vs 2018`), ranks as places (`rank 54th → 41st`, up when the number falls),
//! scores by their difference. Never compared: figures with a bound qualifier (`over`,
//! `under`, `less than`, `at least`, `at most`, `up to`, `within`), ranges (`to`), an amount
//! whose previous value is 0. `approximately` compares, and the words say "about". Different
//! units, currencies and maxima are never in one series to begin with.
//!
//! The change is data ([`Change`]); [`describe_in`] writes it in an interface language, with
//! every word from `core::i18n` (`years.rs`) and the [`words`] module putting them together
//! ([`describe`] is the English one).

use crate::core::format::{format_metric, ordinal};
use crate::core::i18n::{fill, Texts, EN};
use crate::core::ids::SubsidiaryId;
use crate::core::model::{Metric, Qualifier, Report, Scale};
use std::collections::HashMap;

/// What sort of number a series holds, which decides how its change is told.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// An amount or count: relative change.
    Amount,
    /// A percentage (`%`): change in percentage points.
    Percent,
    /// A place in a ranking: a smaller number is better.
    Rank,
    /// A score out of a maximum.
    Score,
}

/// One figure of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    /// The edition (position in `Report::editions`).
    pub edition: usize,
    /// The entry's position in the report.
    pub entry: usize,
    /// The figure's position in the entry.
    pub metric: usize,
    /// The value with its scale applied (`HKD 8 billion` is 8e9).
    pub value: f64,
    /// Whether it can be compared: no bound qualifier and no range.
    pub comparable: bool,
    /// Whether it is `approximately` its value.
    pub approximate: bool,
    /// Its period for people: the figure's own period, else the edition's label.
    pub period: String,
    /// The point it is compared with (position in the series' points): one of the most
    /// recent earlier edition with a point, see the module documentation.
    pub previous: Option<usize>,
    /// Its label as a number within its series: equal numbers, equal labels.
    pub label: u32,
}

/// Figures of one subsidiary, family and measure across editions.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendSeries {
    /// The lead subsidiary.
    pub subsidiary: SubsidiaryId,
    /// The family, or `None` when the figures are grouped by their label.
    pub family: Option<String>,
    /// The label of the newest figure (`Customer satisfaction`).
    pub label: String,
    /// What the numbers are.
    pub kind: ValueKind,
    /// The currency, when an amount of money.
    pub currency: Option<String>,
    /// The unit (`%`, `rank`, `score`, `tonnes`), when given.
    pub unit: Option<String>,
    /// The list size of a rank or the maximum of a score.
    pub out_of: Option<f64>,
    /// The scale the chart shows values in: the newest figure's.
    pub scale: Option<Scale>,
    /// The points, ordered as the module documentation says; from two editions or more.
    pub points: Vec<TrendPoint>,
}

impl TrendSeries {
    /// The measure for people, with the display scale: `HKD million`, `%`, `rank of 500`.
    pub fn measure(&self) -> String {
        self.measure_in(&EN)
    }

    /// [`TrendSeries::measure`] in the language of `t` (`排名，共 500 名`).
    pub fn measure_in(&self, t: &Texts) -> String {
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.currency.clone());
        parts.extend(self.scale.map(|s| s.as_str().to_owned()));
        match (self.kind, self.out_of) {
            (ValueKind::Rank, Some(n)) => parts.push(words::rank_of(t, n)),
            (ValueKind::Score, Some(n)) => parts.push(words::score_of(t, n)),
            _ => parts.extend(self.unit.clone()),
        }
        parts.join(" ")
    }

    /// Its name for people: the family's (`Customer satisfaction`), else the newest label.
    pub fn name(&self) -> String {
        match &self.family {
            Some(f) => crate::core::charts::metrics::family_label(f),
            None => self.label.clone(),
        }
    }

    /// A value in the display scale (`8e9` shown in millions is `8000`).
    pub fn display_value(&self, value: f64) -> f64 {
        value / factor(self.scale)
    }

    /// The number of distinct editions with a point.
    pub fn editions(&self) -> usize {
        let mut n = 0;
        let mut last = None;
        for p in &self.points {
            if last != Some(p.edition) {
                n += 1;
                last = Some(p.edition);
            }
        }
        n
    }
}

/// Every series of a merged report, and where each figure is in them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trends {
    /// The series, by subsidiary order of first appearance, then family.
    pub series: Vec<TrendSeries>,
    /// `(entry, metric)` to `(series, point)`.
    at: HashMap<(usize, usize), (usize, usize)>,
    /// Figures looked at while building (each costs one hash lookup).
    pub figures_seen: usize,
}

/// What makes figures one series, borrowed from the report (no allocation per figure).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Key<'a> {
    subsidiary: &'a str,
    /// The family, else the label (`by_label`).
    name: &'a str,
    by_label: bool,
    currency: Option<&'a str>,
    unit: Option<&'a str>,
    /// The bits of `out_of` for ranks and scores.
    out_of: Option<u64>,
}

/// The multiplier of a scale word.
fn factor(scale: Option<Scale>) -> f64 {
    match scale {
        None => 1.0,
        Some(Scale::Thousand) => 1e3,
        Some(Scale::Million) => 1e6,
        Some(Scale::Billion) => 1e9,
        Some(Scale::Trillion) => 1e12,
    }
}

fn kind_of(m: &Metric) -> ValueKind {
    match m.unit.as_deref() {
        Some("%") => ValueKind::Percent,
        Some("rank") => ValueKind::Rank,
        Some("score") => ValueKind::Score,
        _ => ValueKind::Amount,
    }
}

fn key<'a>(subsidiary: &'a SubsidiaryId, m: &'a Metric) -> Key<'a> {
    let kind = kind_of(m);
    Key {
        subsidiary: subsidiary.as_str(),
        name: m.family.as_deref().unwrap_or(&m.label),
        by_label: m.family.is_none(),
        currency: m.currency.as_deref(),
        unit: m.unit.as_deref(),
        out_of: matches!(kind, ValueKind::Rank | ValueKind::Score)
            .then(|| m.out_of.map(f64::to_bits))
            .flatten(),
    }
}

impl Trends {
    /// The series of a merged report: one pass over its figures; empty with fewer than two editions.
    pub fn build(report: &Report) -> Trends {
        let mut trends = Trends::default();
        if report.editions.len() < 2 {
            return trends;
        }
        let mut index: HashMap<Key<'_>, usize> = HashMap::new();
        let mut all: Vec<TrendSeries> = Vec::new();
        // Each series' labels, numbered in order of first appearance.
        let mut labels: Vec<HashMap<&str, u32>> = Vec::new();
        for (edition, ed) in report.editions.iter().enumerate() {
            for position in ed.entries.clone() {
                let Some(entry) = report.entries.get(position) else {
                    continue;
                };
                let Some(lead) = entry.lead() else {
                    continue;
                };
                for (i, m) in entry.metrics.iter().enumerate() {
                    trends.figures_seen += 1;
                    if !m.value.is_finite() {
                        continue;
                    }
                    let k = key(lead, m);
                    let s = *index.entry(k).or_insert_with(|| {
                        all.push(TrendSeries {
                            subsidiary: lead.clone(),
                            family: m.family.clone(),
                            label: m.label.clone(),
                            kind: kind_of(m),
                            currency: m.currency.clone(),
                            unit: m.unit.clone(),
                            out_of: m.out_of,
                            scale: m.scale,
                            points: Vec::new(),
                        });
                        labels.push(HashMap::new());
                        all.len() - 1
                    });
                    let known = labels[s].len() as u32;
                    let label = *labels[s].entry(m.label.as_str()).or_insert(known);
                    let series = &mut all[s];
                    series.label.clone_from(&m.label);
                    series.scale = m.scale;
                    series.points.push(TrendPoint {
                        edition,
                        entry: position,
                        metric: i,
                        value: m.value * factor(m.scale),
                        comparable: m.to.is_none()
                            && matches!(m.qualifier, Qualifier::Exact | Qualifier::Approximately),
                        approximate: m.qualifier == Qualifier::Approximately,
                        period: m
                            .period
                            .as_ref()
                            .map_or_else(|| ed.label.clone(), ToString::to_string),
                        previous: None,
                        label,
                    });
                }
            }
        }
        for (mut series, labels) in all.into_iter().zip(labels) {
            if series.editions() < 2 {
                continue;
            }
            // Within an edition, by the figure's own period, figures without one last (stable:
            // report order otherwise). Each key is made once.
            series.points.sort_by_cached_key(|p| {
                let period = report.entries[p.entry].metrics[p.metric]
                    .period
                    .as_ref()
                    .map(|d| (d.first_day(), d.last_day()));
                (p.edition, period.is_none(), period)
            });
            link_previous(&mut series.points, labels.len());
            let s = trends.series.len();
            for (i, p) in series.points.iter().enumerate() {
                trends.at.insert((p.entry, p.metric), (s, i));
            }
            trends.series.push(series);
        }
        trends
    }

    /// The series and point of a figure, when it is in one.
    pub fn locate(&self, entry: usize, metric: usize) -> Option<(usize, usize)> {
        self.at.get(&(entry, metric)).copied()
    }

    /// The series with a figure among the entries at `positions`, in series order.
    pub fn series_among(&self, report: &Report, positions: &[usize]) -> Vec<usize> {
        let mut seen = vec![false; self.series.len()];
        for &p in positions {
            let n = report.entries.get(p).map_or(0, |e| e.metrics.len());
            for m in 0..n {
                if let Some((s, _)) = self.locate(p, m) {
                    seen[s] = true;
                }
            }
        }
        (0..self.series.len()).filter(|&s| seen[s]).collect()
    }

    /// At most `limit` of `series` (in order) whose name ([`Trends::series_label`]) holds
    /// every word of `query` (folded: case and accents ignored), with their names, and how
    /// many match in all. Bounded for a chooser: names are made only for the matches kept.
    pub fn find_series(
        &self,
        report: &Report,
        series: &[usize],
        query: &str,
        limit: usize,
    ) -> (Vec<(usize, String)>, usize) {
        self.find_series_in(report, series, query, limit, &EN)
    }

    /// [`Trends::find_series`] with the names in the language of `t`.
    pub fn find_series_in(
        &self,
        report: &Report,
        series: &[usize],
        query: &str,
        limit: usize,
        t: &Texts,
    ) -> (Vec<(usize, String)>, usize) {
        let words = crate::core::text::query_words(query);
        let mut found = Vec::new();
        let mut total = 0;
        for &s in series {
            let label = self.series_label_in(report, s, t);
            let folded = crate::core::text::fold(&label);
            if words.iter().all(|w| folded.contains(w.as_str())) {
                total += 1;
                if found.len() < limit {
                    found.push((s, label));
                }
            }
        }
        (found, total)
    }

    /// A series' name for people: `Meridian Bank · Customer satisfaction (%)`.
    pub fn series_label(&self, report: &Report, series: usize) -> String {
        self.series_label_in(report, series, &EN)
    }

    /// [`Trends::series_label`] in the language of `t`: `Meridian Bank · 客户满意度（%）`.
    pub fn series_label_in(&self, report: &Report, series: usize, t: &Texts) -> String {
        let Some(s) = self.series.get(series) else {
            return String::new();
        };
        let name = s.name();
        let measure = s.measure_in(t);
        let what = if measure.is_empty() {
            name
        } else {
            fill(
                t.years.named_measure,
                &[("name", &name), ("measure", &measure)],
            )
        };
        format!("{} · {what}", report.subsidiary_name(&s.subsidiary))
    }

    /// The change of a figure against the previous edition of its series; `None` when it is
    /// in no series, is the first, or cannot be compared (see the module documentation).
    pub fn change(&self, _report: &Report, entry: usize, metric: usize) -> Option<Change> {
        let (s, i) = self.locate(entry, metric)?;
        let series = &self.series[s];
        let point = &series.points[i];
        let previous = &series.points[point.previous?];
        compare_points(series, previous, point)
    }
}

/// Sets each point's `previous`: in the run of points of the most recent earlier edition,
/// the first with the same label, else the run's last. One pass, with a table of the
/// earlier run's first point per label (`labels` labels in the series).
fn link_previous(points: &mut [TrendPoint], labels: usize) {
    let mut first: Vec<Option<usize>> = vec![None; labels];
    let mut earlier: Option<(Vec<Option<usize>>, usize)> = None;
    let mut start = 0;
    while start < points.len() {
        let edition = points[start].edition;
        let end = start
            + points[start..]
                .iter()
                .take_while(|p| p.edition == edition)
                .count();
        if let Some((table, last)) = &earlier {
            for p in &mut points[start..end] {
                p.previous = Some(table[p.label as usize].unwrap_or(*last));
            }
        }
        first.iter_mut().for_each(|f| *f = None);
        for i in start..end {
            let slot = &mut first[points[i].label as usize];
            slot.get_or_insert(i);
        }
        let table = std::mem::replace(&mut first, vec![None; labels]);
        earlier = Some((table, end - 1));
        start = end;
    }
}

/// How two points of a series compare; `None` when they cannot.
fn compare_points(series: &TrendSeries, from: &TrendPoint, to: &TrendPoint) -> Option<Change> {
    if !from.comparable || !to.comparable {
        return None;
    }
    let direction = |delta: f64| {
        if delta > 0.0 {
            Direction::Up
        } else if delta < 0.0 {
            Direction::Down
        } else {
            Direction::Same
        }
    };
    let (kind, dir) = match series.kind {
        ValueKind::Amount => {
            if from.value == 0.0 {
                return None;
            }
            let percent = (to.value - from.value) / from.value.abs() * 100.0;
            (
                ChangeKind::Relative { percent },
                direction(to.value - from.value),
            )
        }
        ValueKind::Percent => {
            let points = to.value - from.value;
            (ChangeKind::Points { points }, direction(points))
        }
        ValueKind::Rank => (
            ChangeKind::Rank {
                from: from.value as u64,
                to: to.value as u64,
            },
            // A smaller place is better: up.
            direction(from.value - to.value),
        ),
        ValueKind::Score => (
            ChangeKind::Score {
                from: from.value,
                to: to.value,
                out_of: series.out_of.unwrap_or(0.0),
            },
            direction(to.value - from.value),
        ),
    };
    Some(Change {
        kind,
        direction: dir,
        approximate: from.approximate || to.approximate,
        against: from.period.clone(),
    })
}

/// Which way a figure moved: for ranks, `Up` is a better (smaller) place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Larger, or a better rank.
    Up,
    /// Smaller, or a worse rank.
    Down,
    /// Unchanged.
    Same,
}

/// The numbers of a change, by kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ChangeKind {
    /// An amount: relative change in percent (`12.4` for +12.4%).
    Relative {
        /// The change in percent of the earlier value.
        percent: f64,
    },
    /// A percentage: change in percentage points.
    Points {
        /// Later minus earlier.
        points: f64,
    },
    /// A rank: the earlier and later places.
    Rank {
        /// The earlier place.
        from: u64,
        /// The later place.
        to: u64,
    },
    /// A score: the earlier and later scores out of the same maximum.
    Score {
        /// The earlier score.
        from: f64,
        /// The later score.
        to: f64,
        /// The maximum.
        out_of: f64,
    },
}

/// A figure's change against an earlier one: data, written for people by [`describe`].
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The numbers.
    pub kind: ChangeKind,
    /// Which way it moved.
    pub direction: Direction,
    /// Whether either figure is `approximately` its value.
    pub approximate: bool,
    /// The earlier figure's period for people (`2018`).
    pub against: String,
}

/// A change for people, in English: `+12.4% vs 2018`, `+2.1 pp vs 2018`,
/// `rank 54th → 41st, up 13 places vs 2018`, `score 4.2 → 4.5 of 5 vs 2018`,
/// `about -3.0% vs 2018`.
pub fn describe(change: &Change) -> String {
    describe_in(change, &EN)
}

/// [`describe`] in the language of `t`: `+12.4%（较 2018 年）`, `排名 第54 → 第41，上升 13 位（較 2018 年）`.
pub fn describe_in(change: &Change, t: &Texts) -> String {
    let about = if change.approximate {
        t.years.about
    } else {
        ""
    };
    let against = words::against(t, &change.against);
    match change.kind {
        ChangeKind::Relative { percent } => words::relative(t, about, percent, &against),
        ChangeKind::Points { points } => words::points(t, about, points, &against),
        ChangeKind::Rank { from, to } => words::rank(t, from, to, change.direction, &against),
        ChangeKind::Score { from, to, out_of } => {
            words::score(t, about, from, to, out_of, &against)
        }
    }
}

/// A point's figure as printed (`HKD 8 billion`).
pub fn point_text(report: &Report, point: &TrendPoint) -> String {
    report
        .entries
        .get(point.entry)
        .and_then(|e| e.metrics.get(point.metric))
        .map(format_metric)
        .unwrap_or_default()
}

pub mod words;
