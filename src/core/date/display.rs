//! Writing dates: back to the text they were written as ([`DateSpec::iso`]), and for people
//! (`Display`: `Sep 2019`, `Q1 FY2019`, `since 2017`).

use super::{DateSpec, Day, PartialDate, Span};
use crate::core::i18n::{fill, DateTexts};
use std::fmt;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A day for people: `21 May 2019`.
pub(super) fn day_text((y, m, d): Day) -> String {
    format!("{d} {} {y}", MONTHS[usize::from(m.clamp(1, 12)) - 1])
}

impl PartialDate {
    /// The date as written in a data file: `2019-09`, `2019-Q3`, `FY2019-Q1`.
    pub fn iso(&self) -> String {
        match *self {
            PartialDate::Year(y) => format!("{y:04}"),
            PartialDate::Month(y, m) => format!("{y:04}-{m:02}"),
            PartialDate::Day(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
            PartialDate::Quarter(y, q) => format!("{y:04}-Q{q}"),
            PartialDate::FiscalYear { year, .. } => format!("FY{year:04}"),
            PartialDate::FiscalQuarter { year, quarter, .. } => format!("FY{year:04}-Q{quarter}"),
        }
    }
}

impl fmt::Display for PartialDate {
    /// For people: `2019`, `Sep 2019`, `21 May 2019`, `Q3 2019`, `FY2019`, `Q1 FY2019`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PartialDate::Year(y) => write!(f, "{y}"),
            PartialDate::Month(y, m) => write!(f, "{} {y}", MONTHS[usize::from(m) - 1]),
            PartialDate::Day(y, m, d) => f.write_str(&day_text((y, m, d))),
            PartialDate::Quarter(y, q) => write!(f, "Q{q} {y}"),
            PartialDate::FiscalYear { year, .. } => write!(f, "FY{year}"),
            PartialDate::FiscalQuarter { year, quarter, .. } => write!(f, "Q{quarter} FY{year}"),
        }
    }
}

impl PartialDate {
    /// For people in the language of `t`: `Sep 2019`, `2019年9月`, `2019年第三季度`, `2019財年`.
    pub fn text(&self, t: &DateTexts) -> String {
        let nth = |list: &'static str, i: u8| {
            list.split(' ')
                .nth(usize::from(i.max(1)) - 1)
                .unwrap_or_default()
        };
        let month = |m: u8| nth(t.months, m.clamp(1, 12));
        let year = |y: i32| y.to_string();
        match *self {
            PartialDate::Year(y) => fill(t.year, &[("year", &year(y))]),
            PartialDate::Month(y, m) => fill(t.month, &[("year", &year(y)), ("month", month(m))]),
            PartialDate::Day(y, m, d) => fill(
                t.day,
                &[
                    ("year", &year(y)),
                    ("month", month(m)),
                    ("day", &d.to_string()),
                ],
            ),
            PartialDate::Quarter(y, q) => fill(
                t.quarter,
                &[("year", &year(y)), ("quarter", nth(t.quarters, q.min(4)))],
            ),
            PartialDate::FiscalYear { year: y, .. } => fill(t.fiscal_year, &[("year", &year(y))]),
            PartialDate::FiscalQuarter {
                year: y, quarter, ..
            } => fill(
                t.fiscal_quarter,
                &[
                    ("year", &year(y)),
                    ("quarter", nth(t.quarters, quarter.min(4))),
                ],
            ),
        }
    }
}

impl DateSpec {
    /// For people in the language of `t`: `2018–2019`, `2017年起`, `截至2025財年`.
    pub fn text(&self, t: &DateTexts) -> String {
        match self.span {
            Span::One(d) => d.text(t),
            Span::Range(a, b) => fill(t.range, &[("from", &a.text(t)), ("to", &b.text(t))]),
            Span::Since(a) => fill(t.since, &[("from", &a.text(t))]),
            Span::Until(b) => fill(t.until, &[("to", &b.text(t))]),
        }
    }

    /// The date exactly as written in the data file: `2019-Q3`, `FY2018/FY2019`, `2017/..`.
    pub fn iso(&self) -> String {
        match self.span {
            Span::One(d) => d.iso(),
            Span::Range(a, b) => format!("{}/{}", a.iso(), b.iso()),
            Span::Since(a) => format!("{}/..", a.iso()),
            Span::Until(b) => format!("../{}", b.iso()),
        }
    }

    /// The value of an HTML `<time datetime>` attribute: the date as written when HTML has
    /// that form (`2019`, `2019-09`, `2019-05-21`), otherwise its first day (`FY2019` with a
    /// March year end gives `2018-04-01`), since HTML has no quarters, fiscal years or ranges.
    pub fn html_datetime(&self) -> String {
        match self.span {
            Span::One(
                d @ (PartialDate::Year(_) | PartialDate::Month(..) | PartialDate::Day(..)),
            ) => d.iso(),
            _ => {
                let (y, m, d) = self.first_day();
                format!("{y:04}-{m:02}-{d:02}")
            }
        }
    }
}

impl fmt::Display for DateSpec {
    /// For people: `2019`, `2018–2019`, `since 2017`, `until FY2025`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.span {
            Span::One(d) => write!(f, "{d}"),
            Span::Range(a, b) => write!(f, "{a}–{b}"),
            Span::Since(a) => write!(f, "since {a}"),
            Span::Until(b) => write!(f, "until {b}"),
        }
    }
}
