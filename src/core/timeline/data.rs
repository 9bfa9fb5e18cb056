//! The result's dated awards and events sorted into lanes once per result and lane choice (the largest lanes kept past the limit), plus the accessible order and the default window.

use super::layout::TimelineOptions;
use super::{civil_from_day, item_span, ItemPrecision, LaneBy, Window};
use crate::core::date::DateSpec;
use crate::core::format::count_noun;
use crate::core::model::{Kind, Report};
use std::collections::HashMap;

/// The key of the lane that gathers the smallest lanes past [`TimelineOptions::max_lanes`]
/// (never an id: ids have no `_`).
pub const OTHER_LANE: &str = "_other";

/// Whether an entry belongs on the timeline: an award or event with a date.
fn on_timeline(report: &Report, p: usize) -> Option<(usize, DateSpec)> {
    let e = report.entries.get(p)?;
    matches!(e.kind, Kind::Award | Kind::Event)
        .then_some(e.date)
        .flatten()
        .map(|d| (p, d))
}

/// The awards and events with a date among `positions`, in the given order.
pub fn timeline_entries(report: &Report, positions: &[usize]) -> Vec<usize> {
    positions
        .iter()
        .filter_map(|&p| on_timeline(report, p).map(|(p, _)| p))
        .collect()
}

/// The accessible order: timeline entries by date (first day, then last day), then title
/// (ignoring case), then report order.
pub fn award_order(report: &Report, positions: &[usize]) -> Vec<usize> {
    type Day = (i32, u8, u8);
    let mut items: Vec<((Day, Day), String, usize)> = positions
        .iter()
        .filter_map(|&p| on_timeline(report, p))
        .map(|(p, d)| {
            (
                (d.first_day(), d.last_day()),
                report.entries[p].title.to_lowercase(),
                p,
            )
        })
        .collect();
    items.sort_unstable();
    items.into_iter().map(|(_, _, p)| p).collect()
}

/// The data's extent padded to whole years (1 January to 1 January), or the
/// report's period when nothing is dated; within the window limits.
pub fn default_window(report: &Report, positions: &[usize]) -> Window {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for (_, d) in positions.iter().filter_map(|&p| on_timeline(report, p)) {
        let (a, b, _) = item_span(&d);
        lo = lo.min(a);
        hi = hi.max(b);
    }
    let (first_year, last_year) = if lo <= hi {
        (civil_from_day(lo as i64).0, civil_from_day(hi as i64 - 1).0)
    } else {
        (
            report.meta.period.first_day().0,
            report.meta.period.last_day().0,
        )
    };
    Window::between((first_year, 1, 1), (last_year + 1, 1, 1))
}

/// One dated entry of a lane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Span {
    pub(super) start: f64,
    pub(super) end: f64,
    pub(super) entry: usize,
    pub(super) precision: ItemPrecision,
}

/// A lane's entries, sorted by start.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct LaneData {
    pub(super) key: String,
    pub(super) label: String,
    pub(super) merged: usize,
    pub(super) spans: Vec<Span>,
    /// The longest span in days (to find the first that can meet a window).
    pub(super) longest: f64,
}

impl LaneData {
    /// The spans meeting `window`, in start order.
    pub(super) fn visible(&self, window: Window) -> impl Iterator<Item = &Span> {
        // A span starting a day or more before `from - longest` ends before `from`.
        let lo = self
            .spans
            .partition_point(|s| s.start < window.from - self.longest - 1.0);
        let hi = self.spans.partition_point(|s| s.start < window.to);
        self.spans[lo..hi.max(lo)]
            .iter()
            .filter(move |s| s.end > window.from)
    }
}

/// The result's dated awards and events sorted into lanes: built once per result and lane
/// choice, then laid out for any window with [`TimelineData::layout`].
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineData {
    pub(super) lanes: Vec<LaneData>,
    count: usize,
}

impl TimelineData {
    /// Sorts the awards and events with a date among `positions` into lanes by `opts.by`.
    ///
    /// Lanes are those with at least one such entry (visible or not, so lanes do not jump
    /// while panning), in report order. With more than `opts.max_lanes` of them (or
    /// `opts.max_items`, if smaller), the largest keep their own lane and the rest share one
    /// lane, last, keyed [`OTHER_LANE`]. An entry listed twice counts once.
    pub fn new(report: &Report, positions: &[usize], opts: &TimelineOptions) -> Self {
        let (order, lane_of) = lane_index(report, opts.by);
        let mut seen = vec![false; report.entries.len()];
        let mut per_lane: Vec<Vec<Span>> = vec![Vec::new(); order.len()];
        let mut count = 0;
        for &p in positions {
            let Some((p, d)) = on_timeline(report, p) else {
                continue;
            };
            let Some(l) = lane_of(p) else {
                continue;
            };
            if std::mem::replace(&mut seen[p], true) {
                continue;
            }
            let (start, end, precision) = item_span(&d);
            per_lane[l].push(Span {
                start,
                end,
                entry: p,
                precision,
            });
            count += 1;
        }

        let filled: Vec<usize> = (0..order.len())
            .filter(|&l| !per_lane[l].is_empty())
            .collect();
        let cap = opts.max_lanes.min(opts.max_items).max(1);
        let mut keep = vec![true; order.len()];
        if filled.len() > cap {
            let mut by_size = filled.clone();
            by_size.sort_by(|&a, &b| per_lane[b].len().cmp(&per_lane[a].len()).then(a.cmp(&b)));
            for &l in &by_size[cap - 1..] {
                keep[l] = false;
            }
        }
        let mut lanes = Vec::new();
        let mut other = Vec::new();
        let mut merged = 0;
        for l in filled {
            let spans = std::mem::take(&mut per_lane[l]);
            if keep[l] {
                lanes.push(lane_data(order[l].0.clone(), order[l].1.clone(), 0, spans));
            } else {
                other.extend(spans);
                merged += 1;
            }
        }
        if merged > 0 {
            let label = match opts.by {
                LaneBy::Subsidiary => count_noun(merged, "other subsidiary", "other subsidiaries"),
                LaneBy::Category => count_noun(merged, "other category", "other categories"),
            };
            lanes.push(lane_data(OTHER_LANE.to_owned(), label, merged, other));
        }
        TimelineData { lanes, count }
    }

    /// How many dated awards and events it holds.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
}

fn lane_data(key: String, label: String, merged: usize, mut spans: Vec<Span>) -> LaneData {
    spans.sort_by(|a, b| {
        a.start
            .total_cmp(&b.start)
            .then(a.end.total_cmp(&b.end))
            .then(a.entry.cmp(&b.entry))
    });
    let longest = spans.iter().map(|s| s.end - s.start).fold(0.0, f64::max);
    LaneData {
        key,
        label,
        merged,
        spans,
        longest,
    }
}

/// A lane function: the lanes' keys and labels in report order, and a lookup from an entry
/// position to its lane (`None` when it has none).
type LaneIndex<'a> = (
    Vec<(String, String)>,
    Box<dyn Fn(usize) -> Option<usize> + 'a>,
);

/// Lanes in report order and each entry's lane: its subsidiary, or the top-level ancestor of
/// its first category.
fn lane_index(report: &Report, by: LaneBy) -> LaneIndex<'_> {
    match by {
        LaneBy::Subsidiary => {
            let order = report
                .subsidiaries
                .iter()
                .map(|s| (s.id.to_string(), s.name.clone()))
                .collect();
            let index: HashMap<&str, usize> = report
                .subsidiaries
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.as_str(), i))
                .rev()
                .collect();
            let lookup = move |p: usize| index.get(report.entries[p].subsidiary.as_str()).copied();
            (order, Box::new(lookup))
        }
        LaneBy::Category => {
            let tops: Vec<_> = report
                .categories
                .iter()
                .filter(|c| c.parent.is_none())
                .collect();
            let order = tops
                .iter()
                .map(|c| (c.id.to_string(), c.name.clone()))
                .collect();
            let top_index: HashMap<&str, usize> = tops
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.as_str(), i))
                .rev()
                .collect();
            // The first category of each id (as `Report::category` finds it).
            let mut parent: HashMap<&str, Option<&str>> = HashMap::new();
            for c in &report.categories {
                parent
                    .entry(c.id.as_str())
                    .or_insert(c.parent.as_ref().map(|p| p.as_str()));
            }
            // Each category's lane: walk up while the parent is known, as far as there are
            // categories (a cycle stops there and has no lane).
            let lane_of_category: HashMap<&str, usize> = parent
                .keys()
                .filter_map(|&id| {
                    let mut current = id;
                    for _ in 0..report.categories.len() {
                        match parent.get(current).copied().flatten() {
                            Some(p) if parent.contains_key(p) => current = p,
                            _ => break,
                        }
                    }
                    top_index.get(current).map(|&l| (id, l))
                })
                .collect();
            let lookup = move |p: usize| {
                let first = report.entries[p].categories.first()?;
                lane_of_category.get(first.as_str()).copied()
            };
            (order, Box::new(lookup))
        }
    }
}
