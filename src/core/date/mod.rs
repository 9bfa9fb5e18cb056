//! Report dates: years, months, days, calendar quarters, fiscal years and fiscal quarters,
//! and ranges of them, closed (`A/B`) or open at one end (`A/..`, `../B`).
//!
//! A date keeps the text it was written as ([`DateSpec::iso`] gives it back exactly) and the
//! days it covers, resolved once when it is parsed ([`DateSpec::first_day`],
//! [`DateSpec::last_day`]): fiscal years by the report's fiscal year end, open ends by the
//! report's period ([`DateContext`]). Filters, the timeline and charts use the days only.

mod display;
mod parse;
#[cfg(test)]
mod tests;

pub use parse::{EXAMPLES, FORMS};

use std::cmp::Ordering;

/// A calendar day as (year, month, day), ordered chronologically.
pub type Day = (i32, u8, u8);

/// How precise a date is, by the form it is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// `2019`
    Year,
    /// `2019-09`
    Month,
    /// `2019-05-21`
    Day,
    /// `2019-Q3`
    Quarter,
    /// `FY2019`
    FiscalYear,
    /// `FY2019-Q1`
    FiscalQuarter,
}

impl Precision {
    /// The precision in words, as the CSV export writes it: `year`, `fiscal_quarter`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
            Precision::Quarter => "quarter",
            Precision::FiscalYear => "fiscal_year",
            Precision::FiscalQuarter => "fiscal_quarter",
        }
    }
}

/// One date as written (not a range), with what it needs to know the days it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartialDate {
    /// `2019`
    Year(i32),
    /// `2019-09`: year and month (1-12).
    Month(i32, u8),
    /// `2019-05-21`: year, month (1-12) and day (valid in that month).
    Day(i32, u8, u8),
    /// `2019-Q3`: year and calendar quarter (1-4).
    Quarter(i32, u8),
    /// `FY2019`: the fiscal year ending in `year`, in the month `end_month` (1-12).
    FiscalYear {
        /// The year the fiscal year ends in.
        year: i32,
        /// The month the fiscal year ends with (12: the calendar year).
        end_month: u8,
    },
    /// `FY2019-Q1`: quarter `quarter` (1-4) of the fiscal year ending in `year`.
    FiscalQuarter {
        /// The year the fiscal year ends in.
        year: i32,
        /// 1-4, counted from the fiscal year's start.
        quarter: u8,
        /// The month the fiscal year ends with.
        end_month: u8,
    },
}

/// Days in `month` (1-12) of `year`, leap years included.
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// The first day of the month `months` months after January of year 0.
fn month_start(months: i32) -> Day {
    (months.div_euclid(12), months.rem_euclid(12) as u8 + 1, 1)
}

/// The last day of the month `months` months after January of year 0.
fn month_end(months: i32) -> Day {
    let (y, m, _) = month_start(months);
    (y, m, days_in_month(y, m))
}

impl PartialDate {
    /// The precision this date was written with.
    pub fn precision(&self) -> Precision {
        match self {
            PartialDate::Year(_) => Precision::Year,
            PartialDate::Month(..) => Precision::Month,
            PartialDate::Day(..) => Precision::Day,
            PartialDate::Quarter(..) => Precision::Quarter,
            PartialDate::FiscalYear { .. } => Precision::FiscalYear,
            PartialDate::FiscalQuarter { .. } => Precision::FiscalQuarter,
        }
    }

    /// The months it covers, counted from January of year 0, first and last.
    fn months(&self) -> (i32, i32) {
        let at = |y: i32, m: u8| y * 12 + i32::from(m) - 1;
        // A fiscal year ending in month `e` of `y` starts 11 months before that month.
        let fiscal_start = |y: i32, e: u8| at(y, e) - 11;
        match *self {
            PartialDate::Year(y) => (at(y, 1), at(y, 12)),
            PartialDate::Month(y, m) | PartialDate::Day(y, m, _) => (at(y, m), at(y, m)),
            PartialDate::Quarter(y, q) => {
                let first = at(y, 1) + 3 * (i32::from(q) - 1);
                (first, first + 2)
            }
            PartialDate::FiscalYear { year, end_month } => {
                let first = fiscal_start(year, end_month);
                (first, first + 11)
            }
            PartialDate::FiscalQuarter {
                year,
                quarter,
                end_month,
            } => {
                let first = fiscal_start(year, end_month) + 3 * (i32::from(quarter) - 1);
                (first, first + 2)
            }
        }
    }

    /// First day covered.
    pub fn first_day(&self) -> Day {
        match *self {
            PartialDate::Day(y, m, d) => (y, m, d),
            _ => month_start(self.months().0),
        }
    }

    /// Last day covered.
    pub fn last_day(&self) -> Day {
        match *self {
            PartialDate::Day(y, m, d) => (y, m, d),
            _ => month_end(self.months().1),
        }
    }
}

/// What a date needs from its report to know the days it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateContext {
    /// The month (1-12) the report's fiscal year ends with; `FY` dates use it.
    pub fiscal_year_end: u8,
    /// The day an open end (`2017/..`) runs to, unless its start ends later: the last day of
    /// the report's period.
    pub open_until: Day,
}

impl DateContext {
    /// Fiscal years are calendar years; an open end runs to its own start's end.
    pub const CALENDAR: DateContext = DateContext {
        fiscal_year_end: 12,
        open_until: (i32::MIN, 1, 1),
    };

    /// The context of a report's entries: its fiscal year end and its period.
    pub fn for_report(fiscal_year_end: u8, period: &DateSpec) -> DateContext {
        DateContext {
            fiscal_year_end,
            open_until: period.last_day(),
        }
    }
}

impl Default for DateContext {
    fn default() -> Self {
        DateContext::CALENDAR
    }
}

/// The shape of a date as written: one date, a range, or a range open at one end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Span {
    /// `2019`
    One(PartialDate),
    /// `2018/2019`
    Range(PartialDate, PartialDate),
    /// `2017/..`: from this date on.
    Since(PartialDate),
    /// `../2019`: up to this date.
    Until(PartialDate),
}

/// Years a plausible report date lies in; others are loaded with a warning.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;
/// Years a plausible date range spans at most; longer ones are loaded with a warning.
pub const PLAUSIBLE_SPAN: i32 = 100;

/// A date of a report: its written form and the days it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateSpec {
    /// The date as written.
    pub span: Span,
    first: Day,
    last: Day,
}

impl DateSpec {
    /// Parses a date with calendar fiscal years; an open end runs to its own start's end.
    pub fn parse(s: &str) -> Result<Self, String> {
        Self::parse_in(s, &DateContext::CALENDAR)
    }

    /// Parses a date in a report's context (its fiscal year end and period).
    pub fn parse_in(s: &str, context: &DateContext) -> Result<Self, String> {
        let span = parse::span(s, context.fiscal_year_end)?;
        let (first, last) = match span {
            Span::One(d) | Span::Until(d) => (d.first_day(), d.last_day()),
            Span::Range(a, b) => (a.first_day(), b.last_day()),
            Span::Since(a) => (a.first_day(), a.last_day().max(context.open_until)),
        };
        Ok(DateSpec { span, first, last })
    }

    /// The date, or the start of a range, as written; `None` for an open start.
    pub fn start(&self) -> Option<PartialDate> {
        match self.span {
            Span::One(d) | Span::Range(d, _) | Span::Since(d) => Some(d),
            Span::Until(_) => None,
        }
    }

    /// The end of a range as written; `None` for one date or an open end.
    pub fn end(&self) -> Option<PartialDate> {
        match self.span {
            Span::Range(_, d) | Span::Until(d) => Some(d),
            Span::One(_) | Span::Since(_) => None,
        }
    }

    /// Whether this is one date rather than a range (closed or open).
    pub fn is_single(&self) -> bool {
        matches!(self.span, Span::One(_))
    }

    /// First day covered.
    pub fn first_day(&self) -> Day {
        self.first
    }

    /// Last day covered (for an open end, the day its context gave).
    pub fn last_day(&self) -> Day {
        self.last
    }

    /// The year of the first day covered.
    pub fn year(&self) -> i32 {
        self.first.0
    }

    /// Why this date is implausible for a report, if it is: it spans more than
    /// [`PLAUSIBLE_SPAN`] years, or reaches outside [`PLAUSIBLE_YEARS`].
    /// E.g. `spans 2000 years and reaches outside 1800–2200`.
    pub fn implausible(&self) -> Option<String> {
        let (first, last) = (self.first_day().0, self.last_day().0);
        let years = last - first + 1;
        let mut reasons = Vec::new();
        if years > PLAUSIBLE_SPAN {
            reasons.push(format!("spans {years} years"));
        }
        if !PLAUSIBLE_YEARS.contains(&first) || !PLAUSIBLE_YEARS.contains(&last) {
            reasons.push(format!(
                "reaches outside {}–{}",
                PLAUSIBLE_YEARS.start(),
                PLAUSIBLE_YEARS.end()
            ));
        }
        (!reasons.is_empty()).then(|| reasons.join(" and "))
    }

    /// Orders by first day, then last day.
    pub fn chronological(&self, other: &Self) -> Ordering {
        (self.first_day(), self.last_day()).cmp(&(other.first_day(), other.last_day()))
    }
}
