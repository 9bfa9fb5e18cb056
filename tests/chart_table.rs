//! The charts' table alternative carries the same numbers as the charts.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::charts::{
    awards_data, coverage_data, metric_options, metrics_data, table, Chart, Scope,
};
use report_explorer::core::load::load_report;
use report_explorer::core::query::{Index, Selection};

#[test]
fn tables_hold_the_charted_numbers() {
    let report = load_report(include_str!("../public/data/report.json"))
        .unwrap()
        .report;
    let all: Vec<usize> = (0..report.entries.len()).collect();
    let index = Index::new(&report);
    let (sel, hits) = (Selection::default(), index.search(""));
    let scope = Scope::new(&report, &index, &sel, &hits);

    let coverage = coverage_data(&scope);
    let t = table(Chart::Coverage(&coverage));
    assert_eq!(t.headers.len(), coverage.categories.len() + 2);
    let total: usize = t
        .rows
        .iter()
        .map(|r| r.last().unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(total, report.entries.len());
    assert!(t.rows.iter().all(|r| r.len() == t.headers.len()));

    let awards = awards_data(&scope);
    let t = table(Chart::Awards(&awards));
    assert_eq!(t.rows.len(), awards.years.len());
    for (y, row) in t.rows.iter().enumerate() {
        assert_eq!(row.last().unwrap(), &awards.total(y).to_string());
    }

    let option = metric_options(&report, &all)
        .into_iter()
        .find(|o| o.family == "satisfaction" && o.unit == "%")
        .expect("satisfaction percentages in the dataset");
    let metrics = metrics_data(&report, &all, &option.family, &option.unit);
    let t = table(Chart::Metrics(&metrics));
    assert_eq!(t.rows.len(), option.count);
    assert!(t.rows.iter().any(|r| r[3] == "over 92%"), "{:?}", t.rows);
}

#[test]
fn clicking_a_mark_cross_filters() {
    use report_explorer::core::charts::{select_mark, BarTarget, Mark};
    use report_explorer::core::query::Facet;
    use report_explorer::core::query::{Selection, View};
    let report = load_report(include_str!("../public/data/report.json"))
        .unwrap()
        .report;
    let mut start = Selection::default();
    start.toggle(
        report_explorer::core::query::Facet::Subsidiary,
        "citic-trust",
    );
    let sel = select_mark(
        &report,
        &start,
        &Mark::Count {
            target: BarTarget::default()
                .set(Facet::Subsidiary, vec!["citic-bank".into()])
                .set(Facet::Category, vec!["legal-interests".into()]),
            count: 5,
        },
    )
    .expect("one subsidiary and category can be selected");
    assert_eq!(
        sel.subsidiaries
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>(),
        ["citic-bank"]
    );
    assert_eq!(
        sel.categories
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>(),
        ["legal-interests"]
    );
    let sel = select_mark(
        &report,
        &Selection::default(),
        &Mark::Count {
            target: BarTarget::default()
                .set(Facet::Year, vec!["2019".into()])
                .set(Facet::Subsidiary, vec!["china-securities".into()])
                .set(Facet::Kind, vec!["award".into()]),
            count: 2,
        },
    )
    .expect("a year and a subsidiary can be selected");
    assert_eq!(sel.years.len(), 1);
    assert_eq!(sel.kinds.len(), 1);
    let sel = select_mark(
        &report,
        &Selection {
            view: View::Charts,
            ..Selection::default()
        },
        &Mark::Metric {
            entry: 3,
            metric: 0,
            value: 1.0,
        },
    )
    .expect("an entry can be opened");
    assert_eq!(sel.entry.as_ref(), Some(&report.entries[3].id));
    assert_eq!(sel.view, View::List);
}
