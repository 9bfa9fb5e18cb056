//! The award timeline's layout: dated awards and events in lanes, packed into rows without overlaps, on a zoomable time window.
//!
//! Time is measured in days since 1970-01-01 ([`day_number`]); the visible
//! [`Window`] is a half-open range of days `[from, to)`, as `f64` so zooming is
//! smooth. An item covers its date's whole days: a month is its first to its
//! last day, a year the whole year, a range from the start's first day to the
//! end's last day. A day is drawn as a point: a mark of at least the minimum
//! width centred on the day. Every item is at least that wide so it can be
//! pointed at. Pixel x runs from 0 (the window's start) to the plot width; y
//! runs from 0 at the top of the first lane (the app places the axis).

use crate::core::charts::top_level;
use crate::core::date::{DateSpec, Precision};
use crate::core::model::{Kind, Report};

/// Days since 1970-01-01 of a calendar day (proleptic Gregorian).
pub fn day_number(year: i32, month: u8, day: u8) -> i64 {
    // Howard Hinnant's days_from_civil.
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar day of a day number: the inverse of [`day_number`].
pub fn civil_from_day(n: i64) -> (i32, u8, u8) {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

/// The fewest days a window shows.
pub const MIN_SPAN_DAYS: f64 = 30.0;
/// The most days a window shows (50 years).
pub const MAX_SPAN_DAYS: f64 = 50.0 * 365.25;
/// How far a window may pan, as day numbers: 1000-01-01 to 3000-01-01.
pub const BOUNDS: (f64, f64) = (-354_285.0, 376_200.0);

/// The visible time range, in days: `[from, to)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    /// First visible day.
    pub from: f64,
    /// The day after the last visible one.
    pub to: f64,
}

impl Window {
    /// A window from one calendar day up to (not including) another.
    pub fn between(from: (i32, u8, u8), to: (i32, u8, u8)) -> Self {
        Window {
            from: day_number(from.0, from.1, from.2) as f64,
            to: day_number(to.0, to.1, to.2) as f64,
        }
        .clamped()
    }

    /// Days shown.
    pub fn span(&self) -> f64 {
        self.to - self.from
    }

    /// The middle day.
    pub fn centre(&self) -> f64 {
        (self.from + self.to) / 2.0
    }

    /// The same window with its span within [`MIN_SPAN_DAYS`]..=[`MAX_SPAN_DAYS`]
    /// (kept around its centre) and moved inside [`BOUNDS`].
    pub fn clamped(self) -> Self {
        let (mut from, mut to) = if self.from.is_finite() && self.to.is_finite() {
            (self.from.min(self.to), self.from.max(self.to))
        } else {
            (0.0, 365.0)
        };
        let span = (to - from).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let centre = (from + to) / 2.0;
        from = centre - span / 2.0;
        to = centre + span / 2.0;
        if from < BOUNDS.0 {
            (from, to) = (BOUNDS.0, BOUNDS.0 + span);
        }
        if to > BOUNDS.1 {
            (from, to) = (BOUNDS.1 - span, BOUNDS.1);
        }
        Window { from, to }
    }

    /// Pixel x of a day for a plot `width` pixels wide.
    pub fn x(&self, day: f64, width: f64) -> f64 {
        (day - self.from) / self.span() * width
    }

    /// The day at pixel x for a plot `width` pixels wide.
    pub fn day_at(&self, x: f64, width: f64) -> f64 {
        self.from + x / width.max(1.0) * self.span()
    }
}

/// Zooms by `factor` (above 1 zooms in, below 1 out) keeping day `centre` where it is on screen.
pub fn zoom(window: Window, factor: f64, centre: f64) -> Window {
    let factor = if factor.is_finite() && factor > 0.0 {
        factor
    } else {
        1.0
    };
    let span = window.span().max(f64::MIN_POSITIVE);
    let new_span = (span / factor).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
    let centre = if centre.is_finite() {
        centre
    } else {
        window.centre()
    };
    let ratio = ((centre - window.from) / span).clamp(0.0, 1.0);
    let from = centre - ratio * new_span;
    Window {
        from,
        to: from + new_span,
    }
    .clamped()
}

/// Moves the window by `fraction` of its span (positive: later).
pub fn pan(window: Window, fraction: f64) -> Window {
    let shift = if fraction.is_finite() {
        fraction * window.span()
    } else {
        0.0
    };
    Window {
        from: window.from + shift,
        to: window.to + shift,
    }
    .clamped()
}

/// What lanes are made of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LaneBy {
    /// One lane per subsidiary, in report order.
    #[default]
    Subsidiary,
    /// One lane per top-level category, in report order; an entry sits in the
    /// lane of the top-level ancestor of its first category.
    Category,
}

impl LaneBy {
    /// As written in a URL: `sub` or `cat`.
    pub fn token(self) -> &'static str {
        match self {
            LaneBy::Subsidiary => "sub",
            LaneBy::Category => "cat",
        }
    }

    /// Parses a URL token.
    pub fn parse(token: &str) -> Option<Self> {
        [LaneBy::Subsidiary, LaneBy::Category]
            .into_iter()
            .find(|l| l.token() == token)
    }

    /// For people.
    pub fn label(self) -> &'static str {
        match self {
            LaneBy::Subsidiary => "Subsidiary",
            LaneBy::Category => "Category",
        }
    }
}

/// How precise an item's date is, which decides its span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemPrecision {
    /// One day: drawn as a point.
    Day,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
    /// A range of two dates.
    Range,
}

/// The days a date covers, `[start, end)`, and its precision.
pub fn item_span(date: &DateSpec) -> (f64, f64, ItemPrecision) {
    let (fy, fm, fd) = date.first_day();
    let (ly, lm, ld) = date.last_day();
    let precision = match (date.end, date.start.precision()) {
        (Some(_), _) => ItemPrecision::Range,
        (None, Precision::Day) => ItemPrecision::Day,
        (None, Precision::Month) => ItemPrecision::Month,
        (None, Precision::Year) => ItemPrecision::Year,
    };
    (
        day_number(fy, fm, fd) as f64,
        day_number(ly, lm, ld) as f64 + 1.0,
        precision,
    )
}

/// Sizes for [`layout`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimelineOptions {
    /// What lanes are made of.
    pub by: LaneBy,
    /// The visible days.
    pub window: Window,
    /// Plot width in pixels.
    pub width: f64,
    /// Height of one row in pixels.
    pub row_height: f64,
    /// Space between lanes in pixels.
    pub lane_gap: f64,
    /// The narrowest an item is drawn, in pixels (points are this wide).
    pub min_item_px: f64,
    /// Least horizontal space between items sharing a row, in pixels.
    pub item_gap: f64,
}

impl TimelineOptions {
    /// Defaults (24 px rows, 8 px lane gaps, 10 px minimum width, 2 px item gap) for a window and width.
    pub fn new(window: Window, width: f64) -> Self {
        TimelineOptions {
            by: LaneBy::Subsidiary,
            window,
            width,
            row_height: 24.0,
            lane_gap: 8.0,
            min_item_px: 10.0,
            item_gap: 2.0,
        }
    }
}

/// A horizontal band of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// A subsidiary or top-level category id (its URL token).
    pub key: String,
    /// For people.
    pub label: String,
    /// Top in pixels.
    pub y: f64,
    /// Height in pixels.
    pub height: f64,
    /// Rows used (at least 1).
    pub rows: usize,
}

/// One award or event as placed.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineItem {
    /// Entry position in the report.
    pub entry: usize,
    /// Index into [`TimelineLayout::lanes`].
    pub lane: usize,
    /// Row within the lane.
    pub row: usize,
    /// Left edge in pixels (clipped to the plot).
    pub x0: f64,
    /// Right edge in pixels (clipped to the plot).
    pub x1: f64,
    /// Top in pixels.
    pub y: f64,
    /// Height in pixels.
    pub h: f64,
    /// How precise its date is.
    pub precision: ItemPrecision,
    /// Whether it is drawn as a point (a single day).
    pub point: bool,
    /// First day covered (day number).
    pub start: f64,
    /// The day after the last one covered (day number).
    pub end: f64,
}

/// A laid-out timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    /// Lanes top to bottom.
    pub lanes: Vec<Lane>,
    /// Visible items, lane by lane, each lane in time order.
    pub items: Vec<TimelineItem>,
    /// Axis ticks: pixel x and label (years, or months when zoomed in).
    pub ticks: Vec<(f64, String)>,
    /// Plot width in pixels.
    pub width: f64,
    /// Height of all lanes in pixels.
    pub height: f64,
    /// The window laid out.
    pub window: Window,
}

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

/// The accessible order: timeline entries by date (first day, then last day), then title, then report order.
pub fn award_order(report: &Report, positions: &[usize]) -> Vec<usize> {
    let mut items: Vec<(usize, DateSpec, String)> = positions
        .iter()
        .filter_map(|&p| on_timeline(report, p))
        .map(|(p, d)| (p, d, report.entries[p].title.to_lowercase()))
        .collect();
    items.sort_by(|a, b| {
        a.1.chronological(&b.1)
            .then_with(|| a.2.cmp(&b.2))
            .then(a.0.cmp(&b.0))
    });
    items.into_iter().map(|(p, _, _)| p).collect()
}

/// The data's extent padded to whole years (1 January to 1 January), or the
/// report's period when nothing is dated; within the window limits.
pub fn default_window(report: &Report, positions: &[usize]) -> Window {
    let spans: Vec<(f64, f64)> = positions
        .iter()
        .filter_map(|&p| on_timeline(report, p))
        .map(|(_, d)| {
            let (a, b, _) = item_span(&d);
            (a, b)
        })
        .collect();
    let lo = spans.iter().map(|s| s.0).reduce(f64::min);
    let hi = spans.iter().map(|s| s.1).reduce(f64::max);
    let (first_year, last_year) = match (lo, hi) {
        (Some(lo), Some(hi)) => (civil_from_day(lo as i64).0, civil_from_day(hi as i64 - 1).0),
        _ => (
            report.meta.period.first_day().0,
            report.meta.period.last_day().0,
        ),
    };
    Window::between((first_year, 1, 1), (last_year + 1, 1, 1))
}

/// The lane key and label of an entry.
fn lane_of(report: &Report, p: usize, by: LaneBy) -> Option<(String, String)> {
    let e = &report.entries[p];
    match by {
        LaneBy::Subsidiary => Some((
            e.subsidiary.to_string(),
            report.subsidiary_name(&e.subsidiary).to_owned(),
        )),
        LaneBy::Category => {
            let top = top_level(report, e.categories.first()?)?;
            Some((top.id.to_string(), top.name.clone()))
        }
    }
}

/// Lays out the awards and events with a date among `positions`.
///
/// Lanes are those with at least one such entry (visible or not, so lanes do
/// not jump while panning), in report order. Items entirely outside the
/// window are left out; items partly outside are clipped to `[0, width]`.
pub fn layout(report: &Report, positions: &[usize], opts: &TimelineOptions) -> TimelineLayout {
    let window = opts.window.clamped();
    let width = if opts.width.is_finite() {
        opts.width.max(1.0)
    } else {
        1.0
    };
    let min_px = opts.min_item_px.max(0.0);

    // Lane keys in report order.
    let order: Vec<(String, String)> = match opts.by {
        LaneBy::Subsidiary => report
            .subsidiaries
            .iter()
            .map(|s| (s.id.to_string(), s.name.clone()))
            .collect(),
        LaneBy::Category => report
            .categories
            .iter()
            .filter(|c| c.parent.is_none())
            .map(|c| (c.id.to_string(), c.name.clone()))
            .collect(),
    };
    let mut per_lane: Vec<Vec<(usize, DateSpec)>> = vec![Vec::new(); order.len()];
    for &p in positions {
        let Some((p, d)) = on_timeline(report, p) else {
            continue;
        };
        let Some((key, _)) = lane_of(report, p, opts.by) else {
            continue;
        };
        if let Some(l) = order.iter().position(|(k, _)| *k == key) {
            if !per_lane[l].iter().any(|(q, _)| *q == p) {
                per_lane[l].push((p, d));
            }
        }
    }

    let mut lanes = Vec::new();
    let mut items = Vec::new();
    let mut y = 0.0;
    for (l, members) in per_lane.into_iter().enumerate() {
        if members.is_empty() {
            continue;
        }
        let lane = lanes.len();
        let mut placed: Vec<TimelineItem> = Vec::new();
        for (p, d) in members {
            let (start, end, precision) = item_span(&d);
            if end <= window.from || start >= window.to {
                continue;
            }
            let point = precision == ItemPrecision::Day;
            let (mut x0, mut x1) = if point {
                let c = window.x(start + 0.5, width);
                (c - min_px / 2.0, c + min_px / 2.0)
            } else {
                (window.x(start, width), window.x(end, width))
            };
            if x1 - x0 < min_px {
                let c = (x0 + x1) / 2.0;
                (x0, x1) = (c - min_px / 2.0, c + min_px / 2.0);
            }
            x0 = x0.clamp(0.0, width);
            x1 = x1.clamp(0.0, width);
            placed.push(TimelineItem {
                entry: p,
                lane,
                row: 0,
                x0,
                x1,
                y: 0.0,
                h: 0.0,
                precision,
                point,
                start,
                end,
            });
        }
        // Greedy interval packing in pixel space.
        placed.sort_by(|a, b| {
            a.x0.total_cmp(&b.x0)
                .then(a.x1.total_cmp(&b.x1))
                .then(a.start.total_cmp(&b.start))
                .then(a.entry.cmp(&b.entry))
        });
        let mut row_ends: Vec<f64> = Vec::new();
        for item in &mut placed {
            let row = match row_ends
                .iter()
                .position(|&end| end + opts.item_gap <= item.x0)
            {
                Some(r) => r,
                None => {
                    row_ends.push(f64::NEG_INFINITY);
                    row_ends.len() - 1
                }
            };
            row_ends[row] = item.x1;
            item.row = row;
            item.y = y + row as f64 * opts.row_height + 2.0;
            item.h = (opts.row_height - 4.0).max(1.0);
        }
        placed.sort_by(|a, b| {
            (a.start, a.end)
                .partial_cmp(&(b.start, b.end))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.entry.cmp(&b.entry))
        });
        let rows = row_ends.len().max(1);
        let height = rows as f64 * opts.row_height;
        lanes.push(Lane {
            key: order[l].0.clone(),
            label: order[l].1.clone(),
            y,
            height,
            rows,
        });
        items.extend(placed);
        y += height + opts.lane_gap;
    }
    let height = if lanes.is_empty() {
        0.0
    } else {
        y - opts.lane_gap
    };
    TimelineLayout {
        lanes,
        items,
        ticks: ticks(window, width),
        width,
        height,
        window,
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Axis ticks for a window: years, or months when a month is wide enough to label.
pub fn ticks(window: Window, width: f64) -> Vec<(f64, String)> {
    let px_per_day = width / window.span().max(1.0);
    let px_per_month = px_per_day * 30.44;
    let px_per_year = px_per_day * 365.25;
    let (first, _, _) = civil_from_day(window.from.floor() as i64);
    let (last, _, _) = civil_from_day(window.to.ceil() as i64);
    let mut out = Vec::new();
    let inside = |x: f64| (-0.5..=width + 0.5).contains(&x);
    if px_per_year < 12.0 * 70.0 {
        // Years (every 1, 2, 5, 10, 20 or 50).
        let step = [1, 2, 5, 10, 20, 50]
            .into_iter()
            .find(|s| f64::from(*s) * px_per_year >= 50.0)
            .unwrap_or(100);
        for year in first..=last + 1 {
            if year.rem_euclid(step) != 0 {
                continue;
            }
            let x = window.x(day_number(year, 1, 1) as f64, width);
            if inside(x) {
                out.push((x, year.to_string()));
            }
        }
    } else {
        let step = [1u8, 2, 3, 6]
            .into_iter()
            .find(|s| f64::from(*s) * px_per_month >= 70.0)
            .unwrap_or(12);
        for year in first..=last {
            for month in (1..=12u8).filter(|m| (m - 1) % step == 0) {
                let x = window.x(day_number(year, month, 1) as f64, width);
                if !inside(x) {
                    continue;
                }
                let label = if month == 1 || out.is_empty() {
                    format!("{} {year}", MONTHS[month as usize - 1])
                } else {
                    MONTHS[month as usize - 1].to_owned()
                };
                out.push((x, label));
            }
        }
    }
    out
}

/// A keyboard direction on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// The previous item in time, same lane.
    Left,
    /// The next item in time, same lane.
    Right,
    /// The nearest item in time in the lane above.
    Up,
    /// The nearest item in time in the lane below.
    Down,
}

/// The entry to move to from `entry` (a laid-out item's entry position), or
/// `None` at an edge. Up and Down skip lanes with no visible items.
pub fn navigate(layout: &TimelineLayout, entry: usize, direction: Direction) -> Option<usize> {
    let current = layout.items.iter().find(|i| i.entry == entry)?;
    let in_lane = |lane: usize| {
        let mut v: Vec<&TimelineItem> = layout.items.iter().filter(|i| i.lane == lane).collect();
        v.sort_by(|a, b| {
            (a.start, a.end)
                .partial_cmp(&(b.start, b.end))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.entry.cmp(&b.entry))
        });
        v
    };
    match direction {
        Direction::Left | Direction::Right => {
            let lane = in_lane(current.lane);
            let at = lane.iter().position(|i| i.entry == entry)?;
            let next = if direction == Direction::Left {
                at.checked_sub(1)?
            } else {
                at + 1
            };
            lane.get(next).map(|i| i.entry)
        }
        Direction::Up | Direction::Down => {
            let mid = (current.start + current.end) / 2.0;
            let lanes: Vec<usize> = if direction == Direction::Up {
                (0..current.lane).rev().collect()
            } else {
                (current.lane + 1..layout.lanes.len()).collect()
            };
            lanes.into_iter().find_map(|l| {
                in_lane(l)
                    .into_iter()
                    .min_by(|a, b| {
                        let da = ((a.start + a.end) / 2.0 - mid).abs();
                        let db = ((b.start + b.end) / 2.0 - mid).abs();
                        da.total_cmp(&db)
                            .then(a.start.total_cmp(&b.start))
                            .then(a.entry.cmp(&b.entry))
                    })
                    .map(|i| i.entry)
            })
        }
    }
}

/// The entry of the item under pixel `(x, y)`, if any.
pub fn item_at(layout: &TimelineLayout, x: f64, y: f64) -> Option<usize> {
    layout
        .items
        .iter()
        .find(|i| (i.x0..=i.x1).contains(&x) && (i.y..=i.y + i.h).contains(&y))
        .map(|i| i.entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2000, 3, 1), 11_017);
        assert_eq!(day_number(1969, 12, 31), -1);
        for n in [-800_000, -1, 0, 59, 11_016, 18_000, 400_000] {
            let (y, m, d) = civil_from_day(n);
            assert_eq!(day_number(y, m, d), n);
        }
        assert_eq!(
            BOUNDS,
            (day_number(1000, 1, 1) as f64, day_number(3000, 1, 1) as f64)
        );
    }
}
