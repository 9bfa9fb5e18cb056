//! The award timeline: time windows, zoom and pan, date spans and axis ticks; the layout, keyboard marks and list paging live in submodules.
//!
//! Time is measured in days since 1970-01-01 ([`day_number`]); the visible
//! [`Window`] is a half-open range of days `[from, to)`, as `f64` so zooming is
//! smooth. An item covers its date's whole days: a month is its first to its
//! last day, a year the whole year, a range from the start's first day to the
//! end's last day. A day is drawn as a point: a mark of at least the minimum
//! width centred on the day. Every item is at least that wide so it can be
//! pointed at. Pixel x runs from 0 (the window's start) to the plot width; y
//! runs from 0 at the top of the first lane (the app places the axis).
//!
//! The layout is bounded: when more items meet the window than
//! [`TimelineOptions::max_items`], they are gathered into [`Cluster`]s by pixel
//! column, and past [`TimelineOptions::max_lanes`] lanes the smallest lanes
//! share one "other" lane, so the page never holds more marks than the budget
//! however large the report is.

mod cluster;
mod data;
mod layout;
mod marks;
mod paging;

pub use data::{
    award_order, default_window, timeline_entries, AwardOrder, TimelineData, TimelineIndex,
    OTHER_LANE,
};
pub use layout::{layout, Cluster, ClusterId, Lane, TimelineItem, TimelineLayout, TimelineOptions};
pub use marks::{
    first_mark, item_at, mark_at, navigate, navigate_mark, nearest_mark, Direction, Mark,
};
pub use paging::{ListPage, LIST_PAGE_SIZE};

use crate::core::date::{DateSpec, PartialDate, Precision, Span};

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

    /// The window as ISO 8601 days, `2015-03-01/2016-02-01` (its first day, and the day
    /// holding its end), for a DOM attribute or a log.
    pub fn iso(&self) -> String {
        let day = |d: f64| {
            let (y, m, d) = civil_from_day(d.floor() as i64);
            format!("{y:04}-{m:02}-{d:02}")
        };
        format!("{}/{}", day(self.from), day(self.to))
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

/// The zoom factor of one wheel event from its vertical movement `delta_y` (any unit:
/// pixels, lines or pages): up zooms in by 1.25, down out by 0.8. `None` when the wheel
/// did not move vertically (a sideways scroll, e.g. Shift+wheel or a trackpad swipe), which
/// is then no zoom gesture and is left to the page.
pub fn wheel_zoom_factor(delta_y: f64) -> Option<f64> {
    if !delta_y.is_finite() || delta_y == 0.0 {
        None
    } else if delta_y < 0.0 {
        Some(1.25)
    } else {
        Some(0.8)
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
    /// A range of two dates (open or not), a quarter or a fiscal year: drawn from its first
    /// to its last day.
    Range,
}

/// The days a date covers, `[start, end)`, and its precision.
pub fn item_span(date: &DateSpec) -> (f64, f64, ItemPrecision) {
    let (fy, fm, fd) = date.first_day();
    let (ly, lm, ld) = date.last_day();
    let precision = match date.span {
        Span::One(d) => match d.precision() {
            Precision::Day => ItemPrecision::Day,
            Precision::Month => ItemPrecision::Month,
            Precision::Year => ItemPrecision::Year,
            Precision::Quarter | Precision::FiscalYear | Precision::FiscalQuarter => {
                ItemPrecision::Range
            }
        },
        Span::Range(..) | Span::Since(_) | Span::Until(_) => ItemPrecision::Range,
    };
    (
        day_number(fy, fm, fd) as f64,
        day_number(ly, lm, ld) as f64 + 1.0,
        precision,
    )
}

/// The two ends of a span of days `[start, end)` at the precision its length calls for:
/// years (longer than a year, or whole calendar years), months (longer than a month, or
/// whole months), else days. Fractional days count as the whole day they fall in.
fn span_ends(start: f64, end: f64) -> (PartialDate, PartialDate) {
    let (start, end) = if start.is_finite() && end.is_finite() {
        (start.min(end), start.max(end))
    } else {
        (0.0, 1.0)
    };
    let first = start.floor() as i64;
    let last = ((end.ceil() as i64) - 1).max(first);
    let (fy, fm, fd) = civil_from_day(first);
    let (ly, lm, ld) = civil_from_day(last);
    let days = last - first + 1;
    let whole_months = fd == 1 && ld == days_in(ly, lm);
    if days > 366 || (whole_months && fm == 1 && lm == 12) {
        (PartialDate::Year(fy), PartialDate::Year(ly))
    } else if days > 31 || whole_months {
        (PartialDate::Month(fy, fm), PartialDate::Month(ly, lm))
    } else {
        (PartialDate::Day(fy, fm, fd), PartialDate::Day(ly, lm, ld))
    }
}

/// A span of days `[start, end)` for people, as precise as its length calls for:
/// `2015`, `2015–2016`, `Mar–Jun 2015`, `Nov 2015–Feb 2016`, `3–17 Mar 2015`,
/// `30 Dec 2015–2 Jan 2016`. Fractional days count as the whole day they fall in.
pub fn span_label(start: f64, end: f64) -> String {
    let month = |m: u8| MONTHS[m as usize - 1];
    match span_ends(start, end) {
        (PartialDate::Year(fy), PartialDate::Year(ly)) if fy == ly => fy.to_string(),
        (PartialDate::Year(fy), PartialDate::Year(ly)) => format!("{fy}–{ly}"),
        (PartialDate::Month(fy, fm), PartialDate::Month(ly, lm)) => match (fy == ly, fm == lm) {
            (true, true) => format!("{} {fy}", month(fm)),
            (true, false) => format!("{}–{} {fy}", month(fm), month(lm)),
            _ => format!("{} {fy}–{} {ly}", month(fm), month(lm)),
        },
        (PartialDate::Day(fy, fm, fd), PartialDate::Day(ly, lm, ld)) => {
            match (fy == ly, fm == lm, fd == ld) {
                (true, true, true) => format!("{fd} {} {fy}", month(fm)),
                (true, true, false) => format!("{fd}–{ld} {} {fy}", month(fm)),
                (true, false, _) => format!("{fd} {}–{ld} {} {fy}", month(fm), month(lm)),
                _ => format!("{fd} {} {fy}–{ld} {} {ly}", month(fm), month(lm)),
            }
        }
        _ => unreachable!("span_ends gives two ends of one precision"),
    }
}

/// [`span_label`] in the language of `t`: English as there; otherwise whole dates written by
/// [`DateTexts`](crate::core::i18n::DateTexts) (`2015年`, `2015年3月至2015年6月`, `2015年3月3日`).
pub fn span_label_in(start: f64, end: f64, t: &crate::core::i18n::Texts) -> String {
    if t.lang == crate::core::i18n::Lang::En {
        return span_label(start, end);
    }
    let (a, b) = span_ends(start, end);
    let d = &t.dates;
    if a == b {
        a.text(d)
    } else {
        crate::core::i18n::fill(d.range, &[("from", &a.text(d)), ("to", &b.text(d))])
    }
}

/// Days in a calendar month.
fn days_in(year: i32, month: u8) -> u8 {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    (day_number(ny, nm, 1) - day_number(year, month, 1)) as u8
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A tick label of [`ticks`] (`2019`, `Jan 2019`, `Feb`) in the language of `t`
/// (`2019`, `2019年1月`, `2月`); years stay plain numbers.
pub fn tick_in(label: &str, t: &crate::core::i18n::DateTexts) -> String {
    let month_of = |name: &str| MONTHS.iter().position(|m| *m == name);
    let local = |i: usize| t.months.split(' ').nth(i).unwrap_or_default();
    match label.split_once(' ') {
        Some((name, year)) => match month_of(name) {
            Some(i) => crate::core::i18n::fill(t.month, &[("month", local(i)), ("year", year)]),
            None => label.to_owned(),
        },
        None => month_of(label).map_or_else(|| label.to_owned(), |i| local(i).to_owned()),
    }
}

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
