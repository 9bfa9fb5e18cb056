//! Reading a date's text: the forms of one date, then ranges of two and open ends, each mistake
//! with its own message.

use super::display::day_text;
use super::{days_in_month, PartialDate, Span};

/// The forms one date may be written in, for messages (`FYYYYY` is `FY` and a year).
pub const FORMS: &str = "YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, FYYYYY or FYYYYY-Qn";

/// Examples of every form, for a message's "expected" part.
pub const EXAMPLES: &str = "a date such as `2019`, `2019-09`, `2019-05-21`, `2019-Q3`, \
     `FY2019` or `FY2019-Q1`, or a range such as `2018/2019`, `2017/..` or `../2019`";

/// Parses a date or a range; `FY` dates end with the month `fiscal_year_end`.
pub(super) fn span(s: &str, fiscal_year_end: u8) -> Result<Span, String> {
    strict(s, fiscal_year_end).map_err(|message| {
        // `fy2019`, `2019-q3`: say how to write it rather than that it is no date.
        let upper = s.to_ascii_uppercase();
        if upper != s && strict(&upper, fiscal_year_end).is_ok() {
            format!("`{s}` must be written with capital letters: `{upper}`")
        } else {
            message
        }
    })
}

fn strict(s: &str, fiscal_year_end: u8) -> Result<Span, String> {
    let Some((a, b)) = s.split_once('/') else {
        return Ok(Span::One(date(s, fiscal_year_end)?));
    };
    if b.contains('/') {
        return Err(format!(
            "`{s}` has more than one `/`; a range is two dates, `start/end`"
        ));
    }
    let side = |part: &str, which: &str| {
        if part.is_empty() {
            let open = if which == "start" {
                format!("../{b}")
            } else {
                format!("{a}/..")
            };
            return Err(format!(
                "`{s}` has no {which}; write `{open}` for a range open at its {which}"
            ));
        }
        date(part, fiscal_year_end).map_err(|m| format!("{m} (the {which} of `{s}`)"))
    };
    match (a, b) {
        ("..", "..") => Err(format!(
            "`{s}` has both ends open; give a start (`2017/..`), an end (`../2019`) or both"
        )),
        ("..", _) => Ok(Span::Until(side(b, "end")?)),
        (_, "..") => Ok(Span::Since(side(a, "start")?)),
        _ => {
            let (start, end) = (side(a, "start")?, side(b, "end")?);
            if start.first_day() > end.last_day() {
                return Err(format!(
                    "range `{s}` runs backwards: its start `{a}` begins on {}, after its end `{b}` \
                     ends on {}",
                    day_text(start.first_day()),
                    day_text(end.last_day())
                ));
            }
            Ok(Span::Range(start, end))
        }
    }
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// One date, not a range.
fn date(s: &str, fiscal_year_end: u8) -> Result<PartialDate, String> {
    let bad = || format!("`{s}` is not a date of the forms {FORMS}");
    let year = |y: &str| -> Result<i32, String> {
        let year = digits(y, 4).ok_or_else(bad)? as i32;
        if year == 0 {
            return Err(format!(
                "`{s}` has year 0, which does not exist (years start at 1)"
            ));
        }
        Ok(year)
    };
    let quarter = |q: &str| -> Result<u8, String> {
        let n = q
            .strip_prefix('Q')
            .filter(|n| (1..=2).contains(&n.len()))
            .and_then(|n| digits(n, n.len()))
            .ok_or_else(bad)?;
        if !(1..=4).contains(&n) {
            return Err(format!("`{s}` has quarter {n}, outside 1-4"));
        }
        Ok(n as u8)
    };
    if let Some(rest) = s.strip_prefix("FY") {
        let (y, q) = match rest.split_once('-') {
            None => (rest, None),
            Some((y, q)) => (y, Some(q)),
        };
        let year = year(y)?;
        let quarter = q.map(quarter).transpose()?;
        let end_month = fiscal_year_end;
        if !(1..=12).contains(&end_month) {
            return Err(format!(
                "`{s}` is a fiscal date, but the fiscal year's last month {end_month} is outside 1-12"
            ));
        }
        let d = match quarter {
            None => PartialDate::FiscalYear { year, end_month },
            Some(quarter) => PartialDate::FiscalQuarter {
                year,
                quarter,
                end_month,
            },
        };
        if d.first_day().0 < 1 {
            return Err(format!(
                "`{s}` starts in year 0, which does not exist (years start at 1)"
            ));
        }
        return Ok(d);
    }
    let mut parts = s.split('-');
    let year = year(parts.next().unwrap_or_default())?;
    let d = match parts.next() {
        None => PartialDate::Year(year),
        Some(q) if q.starts_with('Q') => PartialDate::Quarter(year, quarter(q)?),
        Some(m) => {
            let month = digits(m, 2).ok_or_else(bad)? as u8;
            let day = match parts.next() {
                None => None,
                Some(d) => Some(digits(d, 2).ok_or_else(bad)? as u8),
            };
            if parts.next().is_some() {
                return Err(bad());
            }
            if !(1..=12).contains(&month) {
                return Err(format!("`{s}` has month {month}, outside 1-12"));
            }
            match day {
                None => PartialDate::Month(year, month),
                Some(d) => {
                    let max = days_in_month(year, month);
                    if d == 0 || d > max {
                        return Err(format!("`{s}` has day {d}, outside 1-{max}"));
                    }
                    PartialDate::Day(year, month, d)
                }
            }
        }
    };
    if parts.next().is_some() {
        return Err(bad());
    }
    Ok(d)
}
