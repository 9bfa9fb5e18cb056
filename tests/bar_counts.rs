//! Every chart bar's number is the number of entries its click lists.
//!
//! For every bar of every chart, in every facet state checked (no filter, each
//! subsidiary, category, kind and year value, a search, and the states one
//! click on a bar leads to), on the CITIC report, on generated reports, and on
//! reports with huge date ranges: the bar's click is applied to the
//! selection, the query engine runs, and the list's length must equal the
//! number the bar shows (its length, its tooltip, its table cell). A piece too
//! large to click must say so, and still count what its click would list.
#![cfg(not(target_arch = "wasm32"))]

use plotters::prelude::*;
use report_explorer::core::charts::{
    awards_data, coverage_data, draw, metric_options, metrics_data, select_mark, table, BarTarget,
    Chart, ChartHits, ChartTheme, Mark, MeasuredBackend, NaiveMeasure, Scope, MAX_ROWS,
    MAX_YEAR_BARS,
};
use report_explorer::core::date::DateSpec;
use report_explorer::core::load::load_report;
use report_explorer::core::model::Report;
use report_explorer::core::problem::Severity;
use report_explorer::core::query::{Facet, Index, Selection, YearKey, MAX_YEAR_VALUES};
use report_explorer::core::synth::generate;

const SIZE: (u32, u32) = (800, 480);

fn citic() -> Report {
    load_report(include_str!("../public/data/report.json"))
        .expect("default dataset loads")
        .report
}

fn synthetic(entries: usize, seed: u64) -> Report {
    load_report(&generate(entries, seed))
        .expect("generated report loads")
        .report
}

fn drawn(chart: Chart<'_>) -> ChartHits {
    let mut out = String::new();
    let backend = MeasuredBackend::new(SVGBackend::with_string(&mut out, SIZE), NaiveMeasure);
    let root = backend.into_drawing_area();
    draw(chart, &root, &ChartTheme::light(), None).expect("draws")
}

/// Entries the list shows for `sel`.
fn listed(index: &Index, sel: &Selection) -> usize {
    index.query(sel, &index.search(&sel.query)).entries.len()
}

/// What a state's charts held: bars checked, clicks made, and where the clicks lead.
#[derive(Default)]
struct Checked {
    bars: usize,
    clicked: usize,
    unclickable: usize,
    next: Vec<Selection>,
}

/// Checks every bar of every chart for `sel`; `state` names it in failures.
fn check_state(r: &Report, index: &Index, sel: &Selection, state: &str) -> Checked {
    let hits = index.search(&sel.query);
    let scope = Scope::new(r, index, sel, &hits);
    let mut out = Checked::default();
    let coverage = coverage_data(&scope);
    let awards = awards_data(&scope);
    assert!(coverage.subsidiaries.len() <= MAX_ROWS, "{state}");
    assert!(awards.years.len() <= MAX_YEAR_BARS, "{state}");
    for chart in [Chart::Coverage(&coverage), Chart::Awards(&awards)] {
        let hits = drawn(chart);
        let t = table(chart);
        for bar in &hits.bars {
            let Mark::Count { target, count } = &bar.mark else {
                panic!("{state}: a counted chart drew {:?}", bar.mark);
            };
            let count = *count;
            out.bars += 1;
            // The number drawn: the piece's length, its tooltip and its table cell.
            assert_eq!(bar.to - bar.from, count as f64, "{state}: {}", bar.text);
            assert!(
                bar.text.contains(&format!(": {count} ")),
                "{state}: tooltip {} says {count}",
                bar.text
            );
            let row = &t.rows[bar.band];
            assert!(
                row.contains(&count.to_string()),
                "{state}: table row {row:?}"
            );
            match select_mark(r, sel, &bar.mark) {
                Some(after) => {
                    assert_eq!(
                        listed(index, &after),
                        count,
                        "{state}: the click on `{}` lists another number",
                        bar.text
                    );
                    out.clicked += 1;
                    out.next.push(after);
                }
                None => {
                    assert!(
                        bar.text.contains("too many to filter by at once"),
                        "{state}: `{}` says why a click does nothing",
                        bar.text
                    );
                    assert_eq!(listed(index, &target.apply(sel)), count, "{state}");
                    out.unclickable += 1;
                }
            }
        }
    }
    // The number at a coverage bar's end lists its subsidiaries' entries, each once.
    for s in 0..coverage.subsidiaries.len() {
        let after = coverage.row_target(s).apply(sel);
        assert_eq!(
            listed(index, &after),
            coverage.total(s),
            "{state}: row {}",
            coverage.subsidiaries[s].label
        );
    }
    // The number on top of an awards bar lists the awards of its years.
    for y in 0..awards.years.len() {
        let Mark::Count { target, .. } = awards.mark(y, 0) else {
            unreachable!()
        };
        let bar = BarTarget {
            facets: target
                .facets
                .into_iter()
                .filter(|(f, _)| *f != Facet::Subsidiary)
                .collect(),
        };
        let n = if bar.selects_nothing() {
            0
        } else {
            listed(index, &bar.apply(sel))
        };
        assert_eq!(n, awards.total(y), "{state}: {}", awards.years[y].label());
    }
    // A metric bar opens its entry, which is in the list and holds the figure.
    let positions = scope.positions();
    for option in metric_options(r, &positions) {
        let data = metrics_data(r, &positions, &option.family, &option.unit);
        for bar in &drawn(Chart::Metrics(&data)).bars {
            let Mark::Metric {
                entry,
                metric,
                value,
            } = bar.mark
            else {
                panic!("{state}: a metric bar drew {:?}", bar.mark);
            };
            let after = select_mark(r, sel, &bar.mark).expect("a figure opens its entry");
            assert_eq!(after.entry.as_ref(), Some(&r.entries[entry].id));
            assert!(after.same_results(sel), "{state}: opening keeps the list");
            assert!(positions.contains(&entry));
            assert_eq!(r.entries[entry].metrics[metric].value, value);
            out.bars += 1;
        }
    }
    out
}

/// The facet states a reader reaches in one step from no filter: each value of
/// `facets` alone (each subsidiary, category, ...), plus `extra`.
fn states(index: &Index, facets: &[Facet], extra: &[Selection]) -> Vec<(String, Selection)> {
    let start = Selection::default();
    let result = index.query(&start, &index.search(""));
    let mut out = vec![("no filter".to_owned(), start.clone())];
    for (facet, values) in &result.facets {
        if !facets.contains(facet) {
            continue;
        }
        for v in values {
            let mut sel = start.clone();
            sel.toggle(*facet, &v.token);
            out.push((format!("{}={}", facet.param(), v.token), sel));
        }
    }
    out.extend(
        extra
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("extra {i}"), s.clone())),
    );
    out
}

/// Checks `states`, then every state a click on one of their bars leads to.
fn check_all(r: &Report, states: &[(String, Selection)], follow_clicks: bool) -> Checked {
    let index = Index::new(r);
    let mut total = Checked::default();
    for (name, sel) in states {
        let checked = check_state(r, &index, sel, name);
        total.bars += checked.bars;
        total.clicked += checked.clicked;
        total.unclickable += checked.unclickable;
        if follow_clicks {
            for (i, after) in checked.next.iter().enumerate() {
                let c = check_state(r, &index, after, &format!("{name}, then click {i}"));
                total.bars += c.bars;
                total.clicked += c.clicked;
            }
        }
    }
    total
}

#[test]
fn citic_bars_list_exactly_their_numbers() {
    let r = citic();
    let index = Index::new(&r);
    let search = Selection {
        query: "bank".into(),
        ..Selection::default()
    };
    let states = states(&index, &Facet::ALL, &[search]);
    let checked = check_all(&r, &states, true);
    eprintln!(
        "CITIC: {} states, {} bars, {} clicks checked",
        states.len(),
        checked.bars,
        checked.clicked
    );
    assert!(checked.clicked > 400, "{} clicks", checked.clicked);
}

#[test]
fn citic_construction_signature_projects_lists_eight() {
    // The reported case: the segment showed 6 and its click listed 8.
    let r = citic();
    let index = Index::new(&r);
    let mut sel = Selection::default();
    sel.toggle(Facet::Subsidiary, "citic-construction");
    let hits = index.search("");
    let data = coverage_data(&Scope::new(&r, &index, &sel, &hits));
    let c = data
        .categories
        .iter()
        .position(|c| c.token == "signature-projects")
        .expect("a signature projects segment");
    assert_eq!(data.counts[0][c], 8);
    let after = select_mark(&r, &sel, &data.mark(0, c)).unwrap();
    assert_eq!(listed(&index, &after), 8);
    assert_eq!(data.total(0), 9, "nine entries, two of them also awards");
}

#[test]
fn generated_bars_list_exactly_their_numbers() {
    for seed in [1, 2, 3] {
        let r = synthetic(2_000, seed);
        let index = Index::new(&r);
        let mut awards_2019 = Selection::default();
        awards_2019.toggle(Facet::Kind, "award");
        awards_2019.toggle(Facet::Year, "2019");
        let search = Selection {
            query: "customer".into(),
            ..Selection::default()
        };
        let states = states(
            &index,
            &[Facet::Subsidiary, Facet::Kind],
            &[awards_2019, search],
        );
        let checked = check_all(&r, &states, false);
        eprintln!(
            "seed {seed}: {} states, {} bars, {} clicks, {} too large to click",
            states.len(),
            checked.bars,
            checked.clicked,
            checked.unclickable
        );
        assert!(checked.clicked > 1_000, "seed {seed}: {}", checked.clicked);
        // The clicks from no filter lead on to states of their own.
        let first = check_all(&r, &states[..1], true);
        assert!(first.clicked > checked.clicked / 100);
    }
}

/// `text` (a format 1 or 2 report) in format 2 with shared entries: every third entry also belongs
/// to the next subsidiary in the file, every seventh to the two after that too.
fn shared(text: &str) -> Report {
    let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
    let subs: Vec<String> = v["subsidiaries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect();
    v["format"] = serde_json::json!("report-explorer/2");
    for (i, e) in v["entries"].as_array_mut().unwrap().iter_mut().enumerate() {
        let o = e.as_object_mut().unwrap();
        let lead = match o.remove("subsidiary") {
            Some(s) => s.as_str().unwrap().to_owned(),
            None => o["subsidiaries"][0].as_str().unwrap().to_owned(),
        };
        let at = subs.iter().position(|s| *s == lead).unwrap();
        let mut list = vec![lead];
        let mut add = |k: usize| {
            let s = subs[(at + k) % subs.len()].clone();
            if !list.contains(&s) {
                list.push(s);
            }
        };
        if i % 3 == 0 {
            add(1);
        }
        if i % 7 == 0 {
            add(2);
            add(3);
        }
        o.insert("subsidiaries".into(), serde_json::json!(list));
        if let Some(c) = o.remove("country") {
            o.insert("countries".into(), serde_json::json!([c]));
        }
        if let Some(m) = o.remove("metrics") {
            o.insert("figures".into(), m);
        }
    }
    let loaded = load_report(&v.to_string()).expect("shared report loads");
    assert!(
        loaded
            .problems
            .iter()
            .all(|p| p.severity != Severity::Error),
        "{:?}",
        loaded.problems
    );
    let many = loaded
        .report
        .entries
        .iter()
        .filter(|e| e.subsidiaries.len() > 1)
        .count();
    assert!(
        many * 4 > loaded.report.entries.len(),
        "{many} shared entries"
    );
    loaded.report
}

#[test]
fn bars_with_shared_entries_list_exactly_their_numbers() {
    // CITIC with shared entries: a shared entry counts in each of its subsidiaries' bars.
    let r = shared(include_str!("../public/data/report.json"));
    let index = Index::new(&r);
    let all = states(&index, &Facet::ALL, &[]);
    let checked = check_all(&r, &all, true);
    assert!(checked.clicked > 400, "{} clicks", checked.clicked);
    // A generated report large enough for "Other" rows and series.
    let r = shared(&generate(1_500, 4));
    let index = Index::new(&r);
    let mut awards = Selection::default();
    awards.toggle(Facet::Kind, "award");
    let some = states(&index, &[Facet::Subsidiary], &[awards]);
    let checked = check_all(&r, &some, false);
    assert!(checked.clicked > 500, "{} clicks", checked.clicked);
    let first = check_all(&r, &some[..1], true);
    assert!(first.clicked > 0);
}

#[test]
fn a_shared_award_counts_under_each_subsidiary_in_the_awards_chart() {
    let r = shared(include_str!("../public/data/report.json"));
    let index = Index::new(&r);
    let sel = Selection::default();
    let hits = index.search("");
    let data = awards_data(&Scope::new(&r, &index, &sel, &hits));
    // Bars count each shared award once per subsidiary: their sum exceeds the awards dated.
    let bars: usize = data.counts.iter().flatten().sum();
    let dated = r
        .entries
        .iter()
        .filter(|e| e.kind.as_str() == "award" && e.date.is_some())
        .count();
    let shared_awards = r
        .entries
        .iter()
        .filter(|e| e.kind.as_str() == "award" && e.date.is_some() && e.subsidiaries.len() > 1)
        .count();
    assert!(shared_awards > 0);
    assert!(bars > dated, "{bars} in bars, {dated} dated awards");
}

/// The fixture report with implausible dates.
const HUGE: &str = include_str!("e2e/fixtures/huge-dates.json");

#[test]
fn implausible_dates_are_loaded_with_a_warning() {
    let loaded = load_report(HUGE).expect("loads");
    assert_eq!(loaded.report.entries.len(), 9, "every entry is kept");
    let said: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    let expected = " (expected a date within 1800–2200 spanning at most 100 years)";
    assert_eq!(
        said,
        [
            format!("warning: entries[4].date: date `1000/2999` spans 2000 years and reaches outside 1800–2200; the entry is kept{expected}"),
            format!("warning: entries[5].date: date `2999` reaches outside 1800–2200; the entry is kept{expected}"),
            format!("warning: entries[6].date: date `1850/2150` spans 301 years; the entry is kept{expected}"),
        ]
    );
    assert!(loaded
        .problems
        .iter()
        .all(|p| p.severity == Severity::Warning));
}

#[test]
fn huge_date_ranges_give_few_year_values_and_exact_bars() {
    let r = load_report(HUGE).unwrap().report;
    let index = Index::new(&r);
    let result = index.query(&Selection::default(), &index.search(""));
    let years = &result.facets.iter().find(|f| f.0 == Facet::Year).unwrap().1;
    let labels: Vec<&str> = years.iter().map(|v| v.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "2999",
            "2151–2998",
            "2020–2150",
            "2019",
            "2018",
            "1850–2017",
            "1000–1849",
            "Undated"
        ]
    );
    let counts: Vec<usize> = years.iter().map(|v| v.count).collect();
    assert_eq!(counts, [2, 1, 2, 6, 4, 2, 1, 1]);
    let hits = index.search("");
    let sel = Selection::default();
    let awards = awards_data(&Scope::new(&r, &index, &sel, &hits));
    let bars: Vec<String> = awards.years.iter().map(|y| y.label()).collect();
    assert_eq!(
        bars,
        [
            "1000–1849",
            "1850–2017",
            "2018",
            "2019",
            "2020–2150",
            "2151–2998",
            "2999"
        ]
    );
    let totals: Vec<usize> = (0..bars.len()).map(|y| awards.total(y)).collect();
    assert_eq!(totals, [1, 1, 3, 4, 1, 1, 2]);
    assert_eq!(
        awards.note().as_deref(),
        Some("The report's dates span 1000–2999: bars are runs of years; an award counts once in each bar its date touches.")
    );
    let states = states(&index, &Facet::ALL, &[]);
    let checked = check_all(&r, &states, true);
    assert_eq!(
        checked.unclickable, 0,
        "every year bar is one value to click"
    );
    assert!(checked.clicked > 50);
}

#[test]
fn generated_reports_with_huge_ranges_stay_bounded_and_exact() {
    for seed in [1, 2] {
        let mut r = synthetic(2_000, seed);
        // Every 9th entry gets a date far out, some as ranges of centuries.
        for (i, e) in r.entries.iter_mut().enumerate().filter(|(i, _)| i % 9 == 0) {
            let year = 1000 + (i * 7919 % 2000) as i32;
            let text = if i % 2 == 0 {
                format!("{year}")
            } else {
                format!("{}/{}", year.min(2010), year.max(2030))
            };
            e.date = Some(DateSpec::parse(&text).unwrap());
        }
        let index = Index::new(&r);
        let result = index.query(&Selection::default(), &index.search(""));
        let years = &result.facets.iter().find(|f| f.0 == Facet::Year).unwrap().1;
        assert!(
            years.len() <= MAX_YEAR_VALUES + 1,
            "seed {seed}: {} year values",
            years.len()
        );
        assert!(years.len() > 20, "still distinguishes years");
        // Year values never overlap, and each entry is in every value its date touches.
        let mut runs: Vec<(i32, i32)> = years
            .iter()
            .filter_map(|v| YearKey::parse(&v.token).and_then(YearKey::years))
            .collect();
        runs.sort_unstable();
        assert!(runs.windows(2).all(|w| w[0].1 < w[1].0), "{runs:?}");
        let states = states(&index, &[Facet::Subsidiary, Facet::Year], &[]);
        let checked = check_all(&r, &states, false);
        eprintln!(
            "seed {seed} with huge dates: {} year values, {} states, {} bars, {} clicks",
            years.len(),
            states.len(),
            checked.bars,
            checked.clicked
        );
        assert!(checked.clicked > 1_000);
    }
}
