//! The result's dated awards and events sorted into lanes once per result and lane choice (the largest lanes kept past the limit), plus the accessible order and the default window.

use super::layout::TimelineOptions;
use super::{civil_from_day, day_number, item_span, ItemPrecision, LaneBy, Window};
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
/// (ignoring case, as `str::to_lowercase` compares), then report order.
pub fn award_order(report: &Report, positions: &[usize]) -> Vec<usize> {
    let mut items: Vec<(i64, i64, Title<'_>, usize)> = positions
        .iter()
        .filter_map(|&p| on_timeline(report, p))
        .map(|(p, d)| {
            let (fy, fm, fd) = d.first_day();
            let (ly, lm, ld) = d.last_day();
            let title = &report.entries[p].title;
            let title = if title.is_ascii() {
                Title::Ascii(title)
            } else {
                Title::Folded(title.to_lowercase())
            };
            (day_number(fy, fm, fd), day_number(ly, lm, ld), title, p)
        })
        .collect();
    items.sort_unstable_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then_with(|| a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    items.into_iter().map(|(_, _, _, p)| p).collect()
}

/// A report's awards and events with a date in the accessible order ([`award_order`]), sorted
/// once per report so that each result's order is a sequential pass.
#[derive(Clone, Debug, PartialEq)]
pub struct AwardOrder {
    sorted: Vec<usize>,
    rank: Vec<u32>,
}

impl AwardOrder {
    /// Sorts a report's timeline entries.
    pub fn new(report: &Report) -> Self {
        let all: Vec<usize> = (0..report.entries.len()).collect();
        let sorted = award_order(report, &all);
        let mut rank = vec![u32::MAX; report.entries.len()];
        for (r, &p) in sorted.iter().enumerate() {
            rank[p] = r as u32;
        }
        AwardOrder { sorted, rank }
    }

    /// The timeline entries among `positions` in the accessible order (each once), as
    /// [`award_order`] gives them.
    pub fn order(&self, positions: &[usize]) -> Vec<usize> {
        let mut member = vec![false; self.sorted.len()];
        for &p in positions {
            if let Some(&r) = self.rank.get(p).filter(|&&r| r != u32::MAX) {
                member[r as usize] = true;
            }
        }
        self.sorted
            .iter()
            .zip(member)
            .filter_map(|(&p, m)| m.then_some(p))
            .collect()
    }
}

/// A title lower-cased for sorting: ASCII titles are folded while comparing (no copy).
enum Title<'a> {
    Ascii(&'a str),
    Folded(String),
}

impl Title<'_> {
    fn chars(&self) -> impl Iterator<Item = char> + '_ {
        let (ascii, folded) = match self {
            Title::Ascii(s) => (
                Some(s.bytes().map(|b| char::from(b.to_ascii_lowercase()))),
                None,
            ),
            Title::Folded(s) => (None, Some(s.chars())),
        };
        ascii
            .into_iter()
            .flatten()
            .chain(folded.into_iter().flatten())
    }
}

impl Ord for Title<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self, other) {
            (Title::Ascii(a), Title::Ascii(b)) => a
                .bytes()
                .map(|c| c.to_ascii_lowercase())
                .cmp(b.bytes().map(|c| c.to_ascii_lowercase())),
            // Code point order is the order of the lower-cased strings.
            _ => self.chars().cmp(other.chars()),
        }
    }
}

impl PartialEq for Title<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Title<'_> {}

impl PartialOrd for Title<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
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

/// Every dated award and event of a report with its lane, in time order: built once per report
/// and lane choice, so that sorting a result into lanes ([`TimelineData::from_index`]) is a
/// sequential pass with no lookups by id and no sorting.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineIndex {
    by: LaneBy,
    /// Lane keys and labels in report order.
    lanes: Vec<(String, String)>,
    /// Every award and event with a date and a lane, by (start, end, entry position).
    spans: Vec<Span>,
    /// The lane of each span.
    lane_of: Vec<u32>,
    /// Each entry position's index into `spans` (`u32::MAX` when it is not on the timeline).
    rank: Vec<u32>,
}

impl TimelineIndex {
    /// Indexes a report's awards and events with a date by lane (`by`) and time.
    pub fn new(report: &Report, by: LaneBy) -> Self {
        let (lanes, lookup) = lane_index(report, by);
        let mut placed: Vec<(Span, u32)> = (0..report.entries.len())
            .filter_map(|p| on_timeline(report, p))
            .filter_map(|(p, d)| {
                let lane = lookup(p)?;
                let (start, end, precision) = item_span(&d);
                Some((
                    Span {
                        start,
                        end,
                        entry: p,
                        precision,
                    },
                    lane as u32,
                ))
            })
            .collect();
        placed.sort_by(|(a, _), (b, _)| {
            a.start
                .total_cmp(&b.start)
                .then(a.end.total_cmp(&b.end))
                .then(a.entry.cmp(&b.entry))
        });
        let mut rank = vec![u32::MAX; report.entries.len()];
        for (r, (s, _)) in placed.iter().enumerate() {
            rank[s.entry] = r as u32;
        }
        let (spans, lane_of) = placed.into_iter().unzip();
        TimelineIndex {
            by,
            lanes,
            spans,
            lane_of,
            rank,
        }
    }

    /// What lanes are made of.
    pub fn by(&self) -> LaneBy {
        self.by
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
    /// Sorts the awards and events with a date among `positions` into lanes by `opts.by`
    /// (indexing the whole report first: with several results of one report, index it once
    /// with [`TimelineIndex::new`] and use [`TimelineData::from_index`]).
    pub fn new(report: &Report, positions: &[usize], opts: &TimelineOptions) -> Self {
        Self::from_index(&TimelineIndex::new(report, opts.by), positions, opts)
    }

    /// Sorts the awards and events with a date among `positions` into the index's lanes
    /// (`opts.by` is the index's).
    ///
    /// Lanes are those with at least one such entry (visible or not, so lanes do not jump
    /// while panning), in report order. With more than `opts.max_lanes` of them (or
    /// `opts.max_items`, if smaller), the largest keep their own lane and the rest share one
    /// lane, last, keyed [`OTHER_LANE`]. An entry listed twice counts once.
    pub fn from_index(index: &TimelineIndex, positions: &[usize], opts: &TimelineOptions) -> Self {
        let mut member = vec![false; index.spans.len()];
        let mut sizes = vec![0usize; index.lanes.len()];
        let mut count = 0;
        for &p in positions {
            let Some(&r) = index.rank.get(p) else {
                continue;
            };
            if r != u32::MAX && !std::mem::replace(&mut member[r as usize], true) {
                sizes[index.lane_of[r as usize] as usize] += 1;
                count += 1;
            }
        }

        let filled: Vec<usize> = (0..index.lanes.len()).filter(|&l| sizes[l] > 0).collect();
        let cap = opts.max_lanes.min(opts.max_items).max(1);
        let mut keep = vec![true; index.lanes.len()];
        if filled.len() > cap {
            let mut by_size = filled.clone();
            by_size.sort_by(|&a, &b| sizes[b].cmp(&sizes[a]).then(a.cmp(&b)));
            for &l in &by_size[cap - 1..] {
                keep[l] = false;
            }
        }
        // Where each report lane's spans go: its own lane, or the shared one (last).
        let kept = filled.iter().filter(|&&l| keep[l]).count();
        let merged = filled.len() - kept;
        let mut slot = vec![usize::MAX; index.lanes.len()];
        let mut next = 0;
        for &l in &filled {
            if keep[l] {
                slot[l] = next;
                next += 1;
            } else {
                slot[l] = kept;
            }
        }
        let mut per_slot: Vec<Vec<Span>> = vec![Vec::new(); kept + usize::from(merged > 0)];
        for &l in &filled {
            per_slot[slot[l]].reserve(sizes[l]);
        }
        // Spans come in time order, so each lane's are sorted as they arrive.
        for (r, s) in index.spans.iter().enumerate() {
            if member[r] {
                per_slot[slot[index.lane_of[r] as usize]].push(*s);
            }
        }
        let mut per_slot = per_slot.into_iter();
        let mut lanes: Vec<LaneData> = filled
            .iter()
            .filter(|&&l| keep[l])
            .zip(per_slot.by_ref())
            .map(|(&l, spans)| {
                let (key, label) = &index.lanes[l];
                lane_data(key.clone(), label.clone(), 0, spans)
            })
            .collect();
        if let Some(other) = per_slot.next() {
            let label = match index.by {
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

/// A lane of spans already in time order.
fn lane_data(key: String, label: String, merged: usize, spans: Vec<Span>) -> LaneData {
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

/// Lanes in report order and each entry's lane: its lead subsidiary (an entry shared by
/// several is drawn once, in its lead's lane), or the top-level ancestor of its first category.
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
            let lookup = move |p: usize| {
                let lead = report.entries[p].lead()?;
                index.get(lead.as_str()).copied()
            };
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
