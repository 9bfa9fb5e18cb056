//! Report dates: ISO 8601 dates of year, month or day precision, and ranges of them.

use std::cmp::Ordering;
use std::fmt;

/// How precise a date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// `2019`
    Year,
    /// `2019-09`
    Month,
    /// `2019-05-21`
    Day,
}

/// A calendar date known to year, month or day precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// Four-digit year.
    pub year: i32,
    /// 1-12 when known.
    pub month: Option<u8>,
    /// 1-31 when known (only with a month).
    pub day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        let mut parts = s.split('-');
        let year = parts.next().and_then(|y| digits(y, 4)).ok_or_else(bad)? as i32;
        if year == 0 {
            return Err(format!(
                "`{s}` has year 0, which does not exist (years start at 1)"
            ));
        }
        let month = match parts.next() {
            None => None,
            Some(m) => Some(digits(m, 2).ok_or_else(bad)? as u8),
        };
        let day = match parts.next() {
            None => None,
            Some(d) => Some(digits(d, 2).ok_or_else(bad)? as u8),
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(format!("`{s}` has month {m}, outside 1-12"));
            }
            if let Some(d) = day {
                let max = days_in_month(year, m);
                if d == 0 || d > max {
                    return Err(format!("`{s}` has day {d}, outside 1-{max}"));
                }
            }
        }
        Ok(Self { year, month, day })
    }

    /// The precision this date was written with.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    /// First day covered, as (year, month, day).
    pub fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Last day covered, as (year, month, day).
    pub fn last_day(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        (self.year, month, day)
    }

    /// ISO 8601 text at this date's precision.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (None, _) => format!("{:04}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
        }
    }
}

impl fmt::Display for PartialDate {
    /// For people: `2019`, `Sep 2019`, `21 May 2019`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (None, _) => write!(f, "{}", self.year),
            (Some(m), None) => write!(f, "{} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), Some(d)) => write!(f, "{d} {} {}", MONTHS[m as usize - 1], self.year),
        }
    }
}

/// Years a plausible report date lies in; others are loaded with a warning.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;
/// Years a plausible date range spans at most; longer ones are loaded with a warning.
pub const PLAUSIBLE_SPAN: i32 = 100;

/// An entry's date: one partial date or a range of two.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateSpec {
    /// The date, or the start of the range.
    pub start: PartialDate,
    /// The end of the range, when it is one.
    pub end: Option<PartialDate>,
}

impl DateSpec {
    /// Parses a date or an ISO 8601 interval `start/end`.
    pub fn parse(s: &str) -> Result<Self, String> {
        match s.split_once('/') {
            None => Ok(Self {
                start: PartialDate::parse(s)?,
                end: None,
            }),
            Some((a, b)) => {
                let start = PartialDate::parse(a)?;
                let end = PartialDate::parse(b)?;
                if start.first_day() > end.last_day() {
                    return Err(format!("range `{s}` ends before it starts"));
                }
                Ok(Self {
                    start,
                    end: Some(end),
                })
            }
        }
    }

    /// First day covered.
    pub fn first_day(&self) -> (i32, u8, u8) {
        self.start.first_day()
    }

    /// Last day covered.
    pub fn last_day(&self) -> (i32, u8, u8) {
        self.end.unwrap_or(self.start).last_day()
    }

    /// The year the date starts in.
    pub fn year(&self) -> i32 {
        self.start.year
    }

    /// ISO 8601 text as written in the data file.
    pub fn iso(&self) -> String {
        match self.end {
            None => self.start.iso(),
            Some(end) => format!("{}/{}", self.start.iso(), end.iso()),
        }
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

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.end {
            None => write!(f, "{}", self.start),
            Some(end) => write!(f, "{}–{}", self.start, end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        let y = DateSpec::parse("2019").unwrap();
        assert_eq!(y.start.precision(), Precision::Year);
        assert_eq!(
            (y.first_day(), y.last_day()),
            ((2019, 1, 1), (2019, 12, 31))
        );
        let m = DateSpec::parse("2019-09").unwrap();
        assert_eq!(m.start.precision(), Precision::Month);
        assert_eq!(m.last_day(), (2019, 9, 30));
        assert_eq!(m.to_string(), "Sep 2019");
        let d = DateSpec::parse("2019-05-21").unwrap();
        assert_eq!(d.start.precision(), Precision::Day);
        assert_eq!(d.to_string(), "21 May 2019");
        assert_eq!(d.iso(), "2019-05-21");
    }

    #[test]
    fn parses_ranges() {
        let r = DateSpec::parse("2018/2019").unwrap();
        assert_eq!(r.to_string(), "2018–2019");
        assert_eq!(r.iso(), "2018/2019");
        assert_eq!(
            (r.first_day(), r.last_day()),
            ((2018, 1, 1), (2019, 12, 31))
        );
        assert_eq!(
            DateSpec::parse("2019/2018").unwrap_err(),
            "range `2019/2018` ends before it starts"
        );
    }

    #[test]
    fn flags_implausible_dates() {
        let reason = |s: &str| DateSpec::parse(s).unwrap().implausible();
        assert_eq!(reason("2019"), None);
        assert_eq!(reason("1900/1999"), None);
        assert_eq!(reason("1800/2200").as_deref(), Some("spans 401 years"));
        assert_eq!(
            reason("1000/2999").as_deref(),
            Some("spans 2000 years and reaches outside 1800–2200")
        );
        assert_eq!(reason("2999").as_deref(), Some("reaches outside 1800–2200"));
    }

    #[test]
    fn rejects_bad_dates() {
        assert_eq!(
            DateSpec::parse("2019-13").unwrap_err(),
            "`2019-13` has month 13, outside 1-12"
        );
        assert_eq!(
            DateSpec::parse("2019-02-29").unwrap_err(),
            "`2019-02-29` has day 29, outside 1-28"
        );
        assert!(DateSpec::parse("2020-02-29").is_ok());
        assert_eq!(
            DateSpec::parse("May 2019").unwrap_err(),
            "`May 2019` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
        );
        assert!(DateSpec::parse("2019-5").is_err());
        assert!(DateSpec::parse("2019-05-21-1").is_err());
    }
}
