//! Format 2 dates end to end: a report with a fiscal year ending in March and entries dated in
//! every form load with the days they cover, give the year facet the right values, export their
//! written text; every bad form has its exact message; any date round-trips through its text.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use report_explorer::core::date::{DateContext, DateSpec, Day, PartialDate, Span};
use report_explorer::core::export::{csv_row, date_precision, entry_json};
use report_explorer::core::load::{load_report, Loaded};
use report_explorer::core::query::{Facet, Index, Selection};
use report_explorer::core::timeline::{item_span, ItemPrecision};
use serde_json::{json, Value};

/// Each entry's id and date; `None` is undated.
const DATES: [(&str, Option<&str>); 11] = [
    ("year", Some("2019")),
    ("month", Some("2019-09")),
    ("day", Some("2019-05-21")),
    ("quarter", Some("2019-Q1")),
    ("fiscal-year", Some("FY2019")),
    ("fiscal-q1", Some("FY2019-Q1")),
    ("fiscal-q4", Some("FY2021-Q4")),
    ("range", Some("FY2016/FY2017")),
    ("since", Some("2020/..")),
    ("until", Some("../FY2017")),
    ("undated", None),
];

/// A report for the fiscal year to March 2023, with `dates` as its entries' dates.
fn report(fiscal_year_end: Value, period: &str, dates: &[(&str, Option<&str>)]) -> Value {
    let entries: Vec<Value> = dates
        .iter()
        .map(|(id, date)| {
            let mut e = json!({
                "id": id, "kind": "event", "title": format!("Event {id}"),
                "summary": "Something happened.", "subsidiary": "acme", "categories": ["c"],
                "source": { "section": "Events", "passage": "Something happened." }
            });
            if let Some(d) = date {
                e["date"] = json!(d);
            }
            e
        })
        .collect();
    json!({
        "format": "report-explorer/1",
        "report": {
            "organisation": "Acme", "title": "Acme FY2023 Report", "period": period,
            "fiscal_year_end": fiscal_year_end,
            "source": { "document": "Acme FY2023 Report" }
        },
        "subsidiaries": [ { "id": "acme", "name": "Acme" } ],
        "categories": [ { "id": "c", "name": "Events" } ],
        "entries": entries
    })
}

fn load(v: &Value) -> Loaded {
    load_report(&v.to_string()).expect("loads")
}

fn march() -> Loaded {
    let loaded = load(&report(json!(3), "FY2023", &DATES));
    assert_eq!(loaded.problems, []);
    loaded
}

#[test]
fn a_march_fiscal_year_report_loads_every_form() {
    let loaded = march();
    let r = &loaded.report;
    assert_eq!(r.meta.fiscal_year_end, 3);
    assert_eq!(r.meta.period.iso(), "FY2023");
    assert_eq!(r.meta.period.to_string(), "FY2023");
    assert_eq!(
        (r.meta.period.first_day(), r.meta.period.last_day()),
        ((2022, 4, 1), (2023, 3, 31))
    );
    let got: Vec<(&str, String, String, Day, Day)> = r
        .entries
        .iter()
        .filter_map(|e| {
            let d = e.date?;
            Some((
                e.id.as_str(),
                d.iso(),
                d.to_string(),
                d.first_day(),
                d.last_day(),
            ))
        })
        .collect();
    let s = |x: &str| x.to_owned();
    assert_eq!(
        got,
        [
            ("year", s("2019"), s("2019"), (2019, 1, 1), (2019, 12, 31)),
            (
                "month",
                s("2019-09"),
                s("Sep 2019"),
                (2019, 9, 1),
                (2019, 9, 30)
            ),
            (
                "day",
                s("2019-05-21"),
                s("21 May 2019"),
                (2019, 5, 21),
                (2019, 5, 21)
            ),
            (
                "quarter",
                s("2019-Q1"),
                s("Q1 2019"),
                (2019, 1, 1),
                (2019, 3, 31)
            ),
            (
                "fiscal-year",
                s("FY2019"),
                s("FY2019"),
                (2018, 4, 1),
                (2019, 3, 31)
            ),
            (
                "fiscal-q1",
                s("FY2019-Q1"),
                s("Q1 FY2019"),
                (2018, 4, 1),
                (2018, 6, 30)
            ),
            (
                "fiscal-q4",
                s("FY2021-Q4"),
                s("Q4 FY2021"),
                (2021, 1, 1),
                (2021, 3, 31)
            ),
            (
                "range",
                s("FY2016/FY2017"),
                s("FY2016–FY2017"),
                (2015, 4, 1),
                (2017, 3, 31)
            ),
            // An open end runs to the end of the report's period.
            (
                "since",
                s("2020/.."),
                s("since 2020"),
                (2020, 1, 1),
                (2023, 3, 31)
            ),
            (
                "until",
                s("../FY2017"),
                s("until FY2017"),
                (2016, 4, 1),
                (2017, 3, 31)
            ),
        ]
    );
}

#[test]
fn the_year_facet_counts_every_year_a_date_touches() {
    let loaded = march();
    let index = Index::new(&loaded.report);
    let result = index.query(&Selection::default(), &index.search(""));
    let years: Vec<(String, String, usize)> = result
        .facets
        .iter()
        .find(|(f, _)| *f == Facet::Year)
        .unwrap()
        .1
        .iter()
        .map(|v| (v.token.clone(), v.label.clone(), v.count))
        .collect();
    let want = [
        ("2023", 1), // since
        ("2022", 1), // since
        ("2021", 2), // fiscal-q4, since
        ("2020", 1), // since
        ("2019", 5), // year, month, day, quarter, fiscal-year
        ("2018", 2), // fiscal-year (from Apr 2018), fiscal-q1
        ("2017", 2), // range, until
        ("2016", 2), // range, until (from Apr 2016)
        ("2015", 1), // range (from Apr 2015)
        ("undated", 1),
    ];
    let want: Vec<(String, String, usize)> = want
        .iter()
        .map(|&(t, n)| {
            let label = if t == "undated" { "Undated" } else { t };
            (t.to_owned(), label.to_owned(), n)
        })
        .collect();
    assert_eq!(years, want);
    // Selecting 2018 lists exactly the fiscal year and its first quarter.
    let mut sel = Selection::default();
    sel.years
        .insert(report_explorer::core::query::YearKey::Year(2018));
    let result = index.query(&sel, &index.search(""));
    let ids: Vec<&str> = result
        .entries
        .iter()
        .map(|&p| loaded.report.entries[p].id.as_str())
        .collect();
    let mut ids = ids;
    ids.sort();
    assert_eq!(ids, ["fiscal-q1", "fiscal-year"]);
}

#[test]
fn a_calendar_report_reads_fiscal_years_as_calendar_years() {
    for end in [Value::Null, json!(12)] {
        let loaded = load(&report(end, "2023", &DATES));
        assert_eq!(loaded.problems, []);
        let r = &loaded.report;
        assert_eq!(r.meta.fiscal_year_end, 12);
        let fy = r.entries.iter().find(|e| e.id.as_str() == "fiscal-year");
        let fy = fy.unwrap().date.unwrap();
        assert_eq!(
            (fy.first_day(), fy.last_day()),
            ((2019, 1, 1), (2019, 12, 31))
        );
        let since = r.entries.iter().find(|e| e.id.as_str() == "since");
        assert_eq!(since.unwrap().date.unwrap().last_day(), (2023, 12, 31));
    }
}

#[test]
fn exports_and_the_timeline_use_the_written_date() {
    let loaded = march();
    let r = &loaded.report;
    let entry = |id: &str| r.entries.iter().find(|e| e.id.as_str() == id).unwrap();
    // CSV: the date column holds the text as written, then its precision.
    let row = csv_row(r, entry("fiscal-q1"));
    assert!(row.contains(&"FY2019-Q1".to_owned()), "{row:?}");
    let precision = |id: &str| date_precision(entry(id));
    assert_eq!(precision("fiscal-q1"), "fiscal_quarter");
    assert_eq!(precision("quarter"), "quarter");
    assert_eq!(precision("range"), "fiscal_year/fiscal_year");
    assert_eq!(precision("since"), "year/open");
    assert_eq!(precision("until"), "open/fiscal_year");
    assert_eq!(precision("undated"), "");
    assert_eq!(entry_json(entry("since"))["date"], json!("2020/.."));
    assert_eq!(entry_json(entry("until"))["date"], json!("../FY2017"));
    // The timeline draws a quarter, a fiscal year and an open range over their days.
    for id in [
        "quarter",
        "fiscal-year",
        "fiscal-q4",
        "since",
        "until",
        "range",
    ] {
        let d = entry(id).date.unwrap();
        let (start, end, p) = item_span(&d);
        assert_eq!(p, ItemPrecision::Range, "{id}");
        assert!(end - start > 80.0, "{id}: {start}..{end}");
    }
    assert_eq!(item_span(&entry("day").date.unwrap()).2, ItemPrecision::Day);
}

/// The problems loading a report with one entry dated `date` gives, as text.
fn date_problems(date: &str) -> Vec<String> {
    let v = report(json!(3), "FY2023", &[("e", Some(date))]);
    load(&v).problems.iter().map(|p| p.to_string()).collect()
}

const EXPECTED: &str = "(expected a date such as `2019`, `2019-09`, `2019-05-21`, `2019-Q3`, \
     `FY2019` or `FY2019-Q1`, or a range such as `2018/2019`, `2017/..` or `../2019`)";

#[test]
fn each_bad_date_has_its_exact_message() {
    let forms = "YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, FYYYYY or FYYYYY-Qn";
    for (date, message) in [
        ("2019-Q5", s("`2019-Q5` has quarter 5, outside 1-4")),
        ("FY2019-Q0", s("`FY2019-Q0` has quarter 0, outside 1-4")),
        ("FY19", format!("`FY19` is not a date of the forms {forms}")),
        (
            "2019/Q3",
            format!("`Q3` is not a date of the forms {forms} (the end of `2019/Q3`)"),
        ),
        (
            "../..",
            s("`../..` has both ends open; give a start (`2017/..`), an end (`../2019`) or both"),
        ),
        ("2019-13", s("`2019-13` has month 13, outside 1-12")),
        ("2019-02-29", s("`2019-02-29` has day 29, outside 1-28")),
        (
            "fy2019-q2",
            s("`fy2019-q2` must be written with capital letters: `FY2019-Q2`"),
        ),
        (
            "FY2020/2018-Q4",
            s(
                "range `FY2020/2018-Q4` runs backwards: its start `FY2020` begins on 1 Apr 2019, \
               after its end `2018-Q4` ends on 31 Dec 2018",
            ),
        ),
        (
            "2017/",
            s("`2017/` has no end; write `2017/..` for a range open at its end"),
        ),
        (
            "2017/2018/2019",
            s("`2017/2018/2019` has more than one `/`; a range is two dates, `start/end`"),
        ),
        (
            "FY0001",
            s("`FY0001` starts in year 0, which does not exist (years start at 1)"),
        ),
    ] {
        assert_eq!(
            date_problems(date),
            [format!("error: entries[0].date: {message} {EXPECTED}")],
            "{date}"
        );
    }
    // Blank is no date, silently; far-off years load with a warning.
    assert_eq!(date_problems("  "), Vec::<String>::new());
    assert_eq!(
        date_problems("1700/.."),
        ["warning: entries[0].date: date `1700/..` spans 324 years and reaches outside \
          1800–2200; the entry is kept (expected a date within 1800–2200 spanning at most 100 years)"]
    );
}

fn s(x: &str) -> String {
    x.to_owned()
}

#[test]
fn the_report_period_and_fiscal_year_end_are_checked() {
    let fatal = |v: &Value| load_report(&v.to_string()).unwrap_err().to_string();
    for bad in [json!(0), json!(13)] {
        let month = bad.clone();
        assert_eq!(
            fatal(&report(bad, "FY2023", &[])),
            format!(
                "not a valid report\nerror: report.fiscal_year_end: month {month} is outside 1-12 \
                 (expected the month the fiscal year ends with, 1-12 (3 for March, 12 for December))"
            )
        );
    }
    for (bad, text) in [
        (json!("3"), r#""3""#),
        (json!(3.5), "3.5"),
        (json!(-1), "-1"),
        (json!(3.0), "3.0"),
    ] {
        assert_eq!(
            fatal(&report(bad, "FY2023", &[])),
            format!(
                "not a valid report\nerror: report.fiscal_year_end: `{text}` is not a month number \
                 (expected the month the fiscal year ends with, 1-12 (3 for March, 12 for December))"
            )
        );
    }
    assert_eq!(
        fatal(&report(json!(3), "FY2023-Q5", &[])),
        format!("not a valid report\nerror: report.period: `FY2023-Q5` has quarter 5, outside 1-4 {EXPECTED}")
    );
    // A quarter is a period too.
    let loaded = load(&report(json!(6), "FY2023-Q2", &[("e", Some("2022/.."))]));
    let period = loaded.report.meta.period;
    assert_eq!(period.to_string(), "Q2 FY2023");
    assert_eq!(
        (period.first_day(), period.last_day()),
        ((2022, 10, 1), (2022, 12, 31))
    );
    assert_eq!(
        loaded.report.entries[0].date.unwrap().last_day(),
        (2022, 12, 31)
    );
}

/// A date as written, built from its parts: every form, a range of two, or an open range.
fn written() -> impl Strategy<Value = String> {
    let one = prop_oneof![
        (1800..2200i32).prop_map(|y| format!("{y:04}")),
        (1800..2200i32, 1..=12u8).prop_map(|(y, m)| format!("{y:04}-{m:02}")),
        (1800..2200i32, 1..=12u8, 1..=28u8).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        (1800..2200i32, 1..=4u8).prop_map(|(y, q)| format!("{y:04}-Q{q}")),
        (1800..2200i32).prop_map(|y| format!("FY{y:04}")),
        (1800..2200i32, 1..=4u8).prop_map(|(y, q)| format!("FY{y:04}-Q{q}")),
    ];
    (one.clone(), one, 0..4u8).prop_map(|(a, b, shape)| match shape {
        0 => a,
        1 => format!("{a}/{b}"),
        2 => format!("{a}/.."),
        _ => format!("../{b}"),
    })
}

proptest! {
    #[test]
    fn every_date_round_trips_through_its_text(
        text in written(),
        fiscal_year_end in 1..=12u8,
        until in (1800..2200i32, 1..=12u8, 1..=28u8),
    ) {
        let context = DateContext { fiscal_year_end, open_until: until };
        match DateSpec::parse_in(&text, &context) {
            Ok(d) => {
                prop_assert_eq!(d.iso(), text.clone());
                prop_assert_eq!(DateSpec::parse_in(&d.iso(), &context), Ok(d));
                prop_assert!(d.first_day() <= d.last_day(), "{} {:?}", text, d);
                prop_assert!(!d.to_string().is_empty());
                if let Span::Since(start) = d.span {
                    prop_assert_eq!(d.last_day(), start.last_day().max(until));
                }
            }
            // Only a range whose start begins after its end ends is refused.
            Err(m) => {
                let (a, b) = text.split_once('/').unwrap();
                let side = |s: &str| match DateSpec::parse_in(s, &context).unwrap().span {
                    Span::One(d) => d,
                    other => panic!("{other:?}"),
                };
                let (a, b): (PartialDate, PartialDate) = (side(a), side(b));
                prop_assert!(a.first_day() > b.last_day(), "{}: {}", text, m);
                prop_assert!(m.starts_with(&format!("range `{text}` runs backwards")), "{}", m);
            }
        }
    }
}

#[test]
fn the_showcase_dates_read_as_the_spec_says() {
    let v: Value =
        serde_json::from_str(include_str!("fixtures/format2/showcase.json")).expect("JSON");
    let end = v["report"]["fiscal_year_end"].as_u64().unwrap() as u8;
    let period = DateSpec::parse_in(
        v["report"]["period"].as_str().unwrap(),
        &DateContext {
            fiscal_year_end: end,
            ..DateContext::CALENDAR
        },
    )
    .unwrap();
    assert_eq!(
        (period.first_day(), period.last_day()),
        ((2022, 4, 1), (2023, 3, 31))
    );
    let context = DateContext::for_report(end, &period);
    let mut got = Vec::new();
    for e in v["entries"].as_array().unwrap() {
        let mut written: Vec<&str> = e["date"].as_str().into_iter().collect();
        for f in e["figures"].as_array().into_iter().flatten() {
            written.extend(f["period"].as_str());
            written.extend(f["baseline"]["period"].as_str());
        }
        for w in written {
            let d = DateSpec::parse_in(w, &context).unwrap_or_else(|m| panic!("{w}: {m}"));
            assert_eq!(d.iso(), w);
            got.push((w.to_owned(), d.to_string(), d.first_day(), d.last_day()));
        }
    }
    let want = [
        ("2023", "2023", (2023, 1, 1), (2023, 12, 31)),
        ("2023", "2023", (2023, 1, 1), (2023, 12, 31)),
        ("2012", "2012", (2012, 1, 1), (2012, 12, 31)),
        ("FY2023-Q1", "Q1 FY2023", (2022, 4, 1), (2022, 6, 30)),
        ("2023-Q3", "Q3 2023", (2023, 7, 1), (2023, 9, 30)),
        ("2017/..", "since 2017", (2017, 1, 1), (2023, 3, 31)),
        ("../FY2025", "until FY2025", (2024, 4, 1), (2025, 3, 31)),
        ("2023-06-14", "14 Jun 2023", (2023, 6, 14), (2023, 6, 14)),
        ("FY2023", "FY2023", (2022, 4, 1), (2023, 3, 31)),
        ("2023", "2023", (2023, 1, 1), (2023, 12, 31)),
        ("2023-11", "Nov 2023", (2023, 11, 1), (2023, 11, 30)),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|&(w, s, a, b)| (w.to_owned(), s.to_owned(), a, b))
        .collect();
    assert_eq!(got, want);
}
