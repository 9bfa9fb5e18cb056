//! Every form of date: the days it covers, how it is shown, its text back, and its mistakes.

use super::*;

/// A report whose fiscal year ends in March and whose period is FY2023 (to 31 Mar 2023).
fn march() -> DateContext {
    DateContext {
        fiscal_year_end: 3,
        open_until: (2023, 3, 31),
    }
}

/// (first day, last day, shown, precision of a single date) for `s` in `context`.
fn days(s: &str, context: &DateContext) -> (Day, Day) {
    let d = DateSpec::parse_in(s, context).unwrap();
    assert_eq!(d.iso(), s, "round trip of {s}");
    assert_eq!(DateSpec::parse_in(&d.iso(), context), Ok(d));
    (d.first_day(), d.last_day())
}

fn shown(s: &str) -> String {
    DateSpec::parse_in(s, &march()).unwrap().to_string()
}

fn error(s: &str) -> String {
    DateSpec::parse_in(s, &march()).unwrap_err()
}

#[test]
fn calendar_forms_cover_their_days() {
    let c = DateContext::CALENDAR;
    assert_eq!(days("2019", &c), ((2019, 1, 1), (2019, 12, 31)));
    assert_eq!(days("2019-09", &c), ((2019, 9, 1), (2019, 9, 30)));
    assert_eq!(days("2020-02", &c), ((2020, 2, 1), (2020, 2, 29)));
    assert_eq!(days("2019-05-21", &c), ((2019, 5, 21), (2019, 5, 21)));
    assert_eq!(days("2019-Q1", &c), ((2019, 1, 1), (2019, 3, 31)));
    assert_eq!(days("2019-Q3", &c), ((2019, 7, 1), (2019, 9, 30)));
    assert_eq!(days("2019-Q4", &c), ((2019, 10, 1), (2019, 12, 31)));
    // A calendar quarter does not depend on the fiscal year.
    assert_eq!(days("2019-Q3", &march()), ((2019, 7, 1), (2019, 9, 30)));
}

#[test]
fn fiscal_forms_follow_the_fiscal_year_end() {
    let m = march();
    assert_eq!(days("FY2019", &m), ((2018, 4, 1), (2019, 3, 31)));
    assert_eq!(days("FY2019-Q1", &m), ((2018, 4, 1), (2018, 6, 30)));
    assert_eq!(days("FY2019-Q3", &m), ((2018, 10, 1), (2018, 12, 31)));
    assert_eq!(days("FY2019-Q4", &m), ((2019, 1, 1), (2019, 3, 31)));
    // With the default (December) a fiscal year is the calendar year.
    let c = DateContext::CALENDAR;
    assert_eq!(days("FY2019", &c), ((2019, 1, 1), (2019, 12, 31)));
    assert_eq!(days("FY2019-Q2", &c), ((2019, 4, 1), (2019, 6, 30)));
    assert_eq!(DateSpec::parse("FY2019"), DateSpec::parse_in("FY2019", &c));
    // June: FY2020 runs Jul 2019–Jun 2020; its fourth quarter ends on a leap-year-free 30 Jun.
    let june = DateContext {
        fiscal_year_end: 6,
        ..c
    };
    assert_eq!(days("FY2020", &june), ((2019, 7, 1), (2020, 6, 30)));
    assert_eq!(days("FY2020-Q3", &june), ((2020, 1, 1), (2020, 3, 31)));
    // January: FY2020 runs Feb 2019–Jan 2020, Q1 Feb–Apr 2019.
    let january = DateContext {
        fiscal_year_end: 1,
        ..c
    };
    assert_eq!(days("FY2020", &january), ((2019, 2, 1), (2020, 1, 31)));
    assert_eq!(days("FY2020-Q1", &january), ((2019, 2, 1), (2019, 4, 30)));
    assert_eq!(days("FY2020-Q4", &january), ((2019, 11, 1), (2020, 1, 31)));
}

#[test]
fn ranges_and_open_ends() {
    let m = march();
    assert_eq!(days("2018/2019", &m), ((2018, 1, 1), (2019, 12, 31)));
    assert_eq!(days("FY2018/FY2019", &m), ((2017, 4, 1), (2019, 3, 31)));
    assert_eq!(
        days("2019-Q2/2019-10-03", &m),
        ((2019, 4, 1), (2019, 10, 3))
    );
    // An open end runs to the end of the report's period...
    assert_eq!(days("2017/..", &m), ((2017, 1, 1), (2023, 3, 31)));
    assert_eq!(days("FY2021-Q2/..", &m), ((2020, 7, 1), (2023, 3, 31)));
    // ... or to its own start's end when that is later.
    assert_eq!(days("2025/..", &m), ((2025, 1, 1), (2025, 12, 31)));
    // An open start is its end.
    assert_eq!(days("../2019", &m), ((2019, 1, 1), (2019, 12, 31)));
    assert_eq!(days("../FY2025", &m), ((2024, 4, 1), (2025, 3, 31)));
    // Without a report, an open end is its start.
    let c = DateContext::CALENDAR;
    assert_eq!(days("2017/..", &c), ((2017, 1, 1), (2017, 12, 31)));
    let since = DateSpec::parse("2017-05/..").unwrap();
    assert_eq!(since.start(), Some(PartialDate::Month(2017, 5)));
    assert_eq!(since.end(), None);
    assert!(!since.is_single());
    let until = DateSpec::parse("../2019").unwrap();
    assert_eq!(until.start(), None);
    assert_eq!(until.end(), Some(PartialDate::Year(2019)));
    assert_eq!(until.year(), 2019);
    // A start may begin before its end ends, even when it ends later (overlapping sides).
    assert_eq!(days("2019-06/2019", &c), ((2019, 6, 1), (2019, 12, 31)));
    assert_eq!(days("2019/2019-06", &c), ((2019, 1, 1), (2019, 6, 30)));
    // The report's own context: its period's last day and fiscal year end.
    let period = DateSpec::parse_in(
        "FY2023",
        &DateContext {
            fiscal_year_end: 3,
            ..c
        },
    )
    .unwrap();
    assert_eq!(DateContext::for_report(3, &period), march());
}

#[test]
fn shown_for_people() {
    assert_eq!(shown("2019"), "2019");
    assert_eq!(shown("2019-09"), "Sep 2019");
    assert_eq!(shown("2019-05-21"), "21 May 2019");
    assert_eq!(shown("2019-Q3"), "Q3 2019");
    assert_eq!(shown("FY2019"), "FY2019");
    assert_eq!(shown("FY2019-Q1"), "Q1 FY2019");
    assert_eq!(shown("2018/2019"), "2018–2019");
    assert_eq!(shown("FY2018/FY2019"), "FY2018–FY2019");
    assert_eq!(shown("2019-Q1/2019-Q3"), "Q1 2019–Q3 2019");
    assert_eq!(shown("2017/.."), "since 2017");
    assert_eq!(shown("2017-03/.."), "since Mar 2017");
    assert_eq!(shown("../FY2025"), "until FY2025");
    assert_eq!(shown("../2019-05-21"), "until 21 May 2019");
}

#[test]
fn html_datetime_is_a_valid_html_date() {
    let html = |s: &str| DateSpec::parse_in(s, &march()).unwrap().html_datetime();
    assert_eq!(html("2019"), "2019");
    assert_eq!(html("2019-09"), "2019-09");
    assert_eq!(html("2019-05-21"), "2019-05-21");
    assert_eq!(html("2019-Q3"), "2019-07-01");
    assert_eq!(html("FY2019"), "2018-04-01");
    assert_eq!(html("FY2019-Q4"), "2019-01-01");
    assert_eq!(html("2018-05/2019"), "2018-05-01");
    assert_eq!(html("2017/.."), "2017-01-01");
    assert_eq!(html("../FY2025"), "2024-04-01");
}

#[test]
fn precision_of_each_form() {
    let p = |s: &str| DateSpec::parse(s).unwrap().start().unwrap().precision();
    assert_eq!(p("2019"), Precision::Year);
    assert_eq!(p("2019-09"), Precision::Month);
    assert_eq!(p("2019-09-01"), Precision::Day);
    assert_eq!(p("2019-Q1"), Precision::Quarter);
    assert_eq!(p("FY2019"), Precision::FiscalYear);
    assert_eq!(p("FY2019-Q1"), Precision::FiscalQuarter);
    assert_eq!(Precision::FiscalQuarter.as_str(), "fiscal_quarter");
}

#[test]
fn orders_chronologically_by_days() {
    let m = march();
    let d = |s: &str| DateSpec::parse_in(s, &m).unwrap();
    // FY2019 (Apr 2018–Mar 2019) comes before calendar 2019 and after 2018-03.
    assert_eq!(d("FY2019").chronological(&d("2019")), Ordering::Less);
    assert_eq!(d("FY2019").chronological(&d("2018-03")), Ordering::Greater);
    assert_eq!(d("FY2019").year(), 2018);
    assert_eq!(d("2018/..").chronological(&d("2018")), Ordering::Greater);
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
    let open = DateSpec::parse_in("1850/..", &march()).unwrap();
    assert_eq!(open.implausible().as_deref(), Some("spans 174 years"));
}

#[test]
fn each_mistake_has_its_own_message() {
    let forms = "YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, FYYYYY or FYYYYY-Qn";
    assert_eq!(error("2019-Q5"), "`2019-Q5` has quarter 5, outside 1-4");
    assert_eq!(error("2019-Q0"), "`2019-Q0` has quarter 0, outside 1-4");
    assert_eq!(
        error("FY2019-Q12"),
        "`FY2019-Q12` has quarter 12, outside 1-4"
    );
    for bad in [
        "FY19",
        "FY",
        "FY2019-",
        "FY2019-3",
        "2019-Q",
        "2019-Q3-1",
        "Q3 2019",
        "May 2019",
        "2019-5",
        "2019-05-21-1",
        "",
        "..",
        "2019 ",
    ] {
        assert_eq!(
            error(bad),
            format!("`{bad}` is not a date of the forms {forms}")
        );
    }
    assert_eq!(
        error("../.."),
        "`../..` has both ends open; give a start (`2017/..`), an end (`../2019`) or both"
    );
    assert_eq!(error("2019-13"), "`2019-13` has month 13, outside 1-12");
    assert_eq!(error("2019-02-29"), "`2019-02-29` has day 29, outside 1-28");
    assert!(DateSpec::parse("2020-02-29").is_ok());
    assert_eq!(
        error("0000"),
        "`0000` has year 0, which does not exist (years start at 1)"
    );
    assert_eq!(
        error("FY0001"),
        "`FY0001` starts in year 0, which does not exist (years start at 1)"
    );
    assert!(DateSpec::parse("FY0001").is_ok());
    assert_eq!(
        error("fy2019"),
        "`fy2019` must be written with capital letters: `FY2019`"
    );
    assert_eq!(
        error("2019-q3/.."),
        "`2019-q3/..` must be written with capital letters: `2019-Q3/..`"
    );
    assert_eq!(
        error("2019/2018"),
        "range `2019/2018` runs backwards: its start `2019` begins on 1 Jan 2019, \
         after its end `2018` ends on 31 Dec 2018"
    );
    assert_eq!(
        error("FY2020/2018-12"),
        "range `FY2020/2018-12` runs backwards: its start `FY2020` begins on 1 Apr 2019, \
         after its end `2018-12` ends on 31 Dec 2018"
    );
    assert_eq!(
        error("2018/2019-Q5"),
        "`2019-Q5` has quarter 5, outside 1-4 (the end of `2018/2019-Q5`)"
    );
    assert_eq!(
        error("FY19/.."),
        format!("`FY19` is not a date of the forms {forms} (the start of `FY19/..`)")
    );
    assert_eq!(
        error("2017/"),
        "`2017/` has no end; write `2017/..` for a range open at its end"
    );
    assert_eq!(
        error("/2019"),
        "`/2019` has no start; write `../2019` for a range open at its start"
    );
    assert_eq!(
        error("2017/2018/2019"),
        "`2017/2018/2019` has more than one `/`; a range is two dates, `start/end`"
    );
    let bad_context = DateContext {
        fiscal_year_end: 13,
        ..march()
    };
    assert_eq!(
        DateSpec::parse_in("FY2019", &bad_context).unwrap_err(),
        "`FY2019` is a fiscal date, but the fiscal year's last month 13 is outside 1-12"
    );
    assert!(DateSpec::parse_in("2019", &bad_context).is_ok());
}
