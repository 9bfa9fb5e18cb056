//! Several reports merged into one: editions in chronological order, entries that keep their
//! report, qualified ids, shared lists merged by id, and each report's problems kept apart.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::catalogue::{load_catalogue, CatalogueReport};
use report_explorer::core::editions::merge;
use report_explorer::core::ids::EntryId;
use report_explorer::core::load::load_report;
use report_explorer::core::model::Report;
use report_explorer::core::problem::Problem;
use report_explorer::core::synth;
use serde_json::json;

/// A catalogue of `periods` (as written) for one invented organisation, in that order.
fn catalogue(periods: &[(&str, &str)]) -> Vec<CatalogueReport> {
    let reports: Vec<_> = periods
        .iter()
        .map(|(period, language)| {
            let id = format!(
                "meridian-{}-{}",
                period.to_lowercase(),
                language.to_lowercase()
            );
            json!({
                "id": id, "organisation": "Meridian Holdings", "period": period,
                "title": format!("Meridian Holdings {period}"), "language": language,
                "path": format!("data/{id}.json"),
            })
        })
        .collect();
    let text = json!({ "format": "report-explorer-catalogue/1", "reports": reports }).to_string();
    let catalogue = load_catalogue(&text).unwrap();
    assert!(
        catalogue.problems().is_empty(),
        "{:?}",
        catalogue.problems()
    );
    catalogue.reports().to_vec()
}

fn generated(entries: usize, seed: u64) -> (Report, Vec<Problem>) {
    let loaded = load_report(&synth::generate(entries, seed)).unwrap();
    (loaded.report, loaded.problems)
}

fn merged(periods: &[(&str, &str)], sizes: &[usize]) -> Report {
    let parts = catalogue(periods)
        .into_iter()
        .zip(sizes)
        .enumerate()
        .map(|(i, (c, &n))| {
            let (r, p) = generated(n, i as u64 + 1);
            (c, r, p)
        })
        .collect();
    merge(parts).unwrap().0
}

#[test]
fn editions_are_oldest_first_and_own_contiguous_entries() {
    // Chosen out of order: 2023, 2021, 2022.
    let report = merged(
        &[("2023", "en"), ("2021", "en"), ("2022", "en")],
        &[30, 10, 20],
    );
    let ids: Vec<&str> = report.editions.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        ["meridian-2021-en", "meridian-2022-en", "meridian-2023-en"]
    );
    let ranges: Vec<_> = report.editions.iter().map(|e| e.entries.clone()).collect();
    assert_eq!(ranges, [0..10, 10..30, 30..60]);
    assert_eq!(report.entries.len(), 60);
    let labels: Vec<&str> = report.editions.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(labels, ["2021", "2022", "2023"]);
    for (position, entry) in report.entries.iter().enumerate() {
        let edition = report.edition_of(position).unwrap();
        assert!(edition.entries.contains(&position));
        assert_eq!(entry.id.split().0, Some(edition.id.as_str()));
        assert_eq!(report.edition_for(entry), Some(edition));
    }
    assert!(report.edition_of(60).is_none());
    assert_eq!(report.edition_position("meridian-2022-en"), Some(1));
    assert_eq!(report.edition_position("nope"), None);
}

#[test]
fn several_reports_qualify_entry_ids_and_keep_them_unique() {
    let report = merged(&[("2021", "en"), ("2022", "en")], &[15, 15]);
    // The same seed-independent ids exist in both years: qualified, they differ.
    let first = &report.entries[0].id;
    assert_eq!(
        first.as_str().split_once('~').unwrap().0,
        "meridian-2021-en"
    );
    let mut ids: Vec<&EntryId> = report.entries.iter().map(|e| &e.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 30);
    for entry in &report.entries {
        assert_eq!(EntryId::parse(entry.id.as_str()).unwrap(), entry.id);
    }
}

#[test]
fn one_report_keeps_its_ids() {
    let alone = generated(12, 1).0;
    let report = merged(&[("2021", "en")], &[12]);
    assert_eq!(report.editions.len(), 1);
    let ids: Vec<_> = report.entries.iter().map(|e| e.id.clone()).collect();
    let original: Vec<_> = alone.entries.iter().map(|e| e.id.clone()).collect();
    assert_eq!(ids, original);
    assert_eq!(
        report.edition_for(&report.entries[3]).unwrap().id,
        "meridian-2021-en"
    );
    assert!(alone.edition_for(&alone.entries[3]).is_none());
}

#[test]
fn shared_lists_merge_by_id_with_the_newest_name() {
    let parts: Vec<_> = catalogue(&[("2021", "en"), ("2022", "en")])
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let (mut r, p) = generated(5, 1);
            if i == 1 {
                r.subsidiaries[0].name = "Renamed".into();
                r.categories.remove(1);
            }
            (c, r, p)
        })
        .collect();
    let alone = generated(5, 1).0;
    let report = merge(parts).unwrap().0;
    assert_eq!(report.subsidiaries.len(), alone.subsidiaries.len());
    assert_eq!(report.subsidiaries[0].name, "Renamed");
    // The category only the older report has is still there.
    assert_eq!(report.categories.len(), alone.categories.len());
    assert!(report.category(&alone.categories[1].id).is_some());
    assert_eq!(report.meta.title, alone.meta.title);
}

#[test]
fn problems_stay_with_their_report_and_parent_conflicts_are_named() {
    let parts: Vec<_> = catalogue(&[("2022", "en"), ("2021", "en")])
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let (mut r, mut p) = generated(5, 1);
            if i == 1 {
                // The 2021 report: a problem of its own and a category moved to the top.
                p.push(Problem::warning("entries[0].date", "an old warning"));
                let child = r
                    .categories
                    .iter_mut()
                    .find(|c| c.parent.is_some())
                    .unwrap();
                child.parent = None;
            }
            (c, r, p)
        })
        .collect();
    let (report, problems) = merge(parts).unwrap();
    let old = report.edition_position("meridian-2021-en").unwrap();
    assert_eq!(old, 0);
    let own: Vec<_> = problems
        .iter()
        .filter(|p| p.problem.message == "an old warning")
        .collect();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].edition, old);
    let conflict: Vec<_> = problems
        .iter()
        .filter(|p| p.problem.message.contains("in a newer report"))
        .collect();
    assert_eq!(conflict.len(), 1, "{problems:?}");
    assert_eq!(conflict[0].edition, old);
    assert!(conflict[0]
        .problem
        .message
        .contains("has parent none here but `"));
    assert!(conflict[0].problem.path.ends_with("].parent"));
}

#[test]
fn same_period_reports_are_labelled_by_language() {
    let report = merged(
        &[("2021", "en"), ("2021", "zh-Hant"), ("2022", "en")],
        &[3, 3, 3],
    );
    let labels: Vec<&str> = report.editions.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(labels, ["2021 · en", "2021 · zh-Hant", "2022"]);
}

#[test]
fn nothing_to_merge_is_none() {
    assert!(merge(Vec::new()).is_none());
}

#[test]
fn the_report_facet_filters_and_counts_by_edition() {
    use report_explorer::core::query::{Facet, Index, Selection};
    use report_explorer::core::url_state::{decode, encode};
    let report = merged(
        &[("2021", "en"), ("2022", "en"), ("2023", "en")],
        &[10, 20, 30],
    );
    let index = Index::new(&report);
    let all = Selection::default();
    let hits = index.search("");
    let result = index.query(&all, &hits);
    let values = &result
        .facets
        .iter()
        .find(|(f, _)| *f == Facet::Report)
        .unwrap()
        .1;
    // Newest first, each counting its own entries.
    let shown: Vec<(&str, &str, usize)> = values
        .iter()
        .map(|v| (v.token.as_str(), v.label.as_str(), v.count))
        .collect();
    assert_eq!(
        shown,
        [
            ("meridian-2023-en", "2023", 30),
            ("meridian-2022-en", "2022", 20),
            ("meridian-2021-en", "2021", 10)
        ]
    );
    let mut two = Selection::default();
    two.toggle(Facet::Report, "meridian-2021-en");
    two.toggle(Facet::Report, "meridian-2023-en");
    let result = index.query(&two, &hits);
    assert_eq!(result.entries.len(), 40);
    assert!(result
        .entries
        .iter()
        .all(|&p| report.edition_of(p).unwrap().id != "meridian-2022-en"));
    // Its own facet still counts every report (crossfilter).
    let values = &result
        .facets
        .iter()
        .find(|(f, _)| *f == Facet::Report)
        .unwrap()
        .1;
    assert_eq!(values.iter().map(|v| v.count).sum::<usize>(), 60);
    assert_eq!(values.iter().filter(|v| v.selected).count(), 2);
    // The URL holds it and reads back; an unknown report is named in a notice.
    let params = encode(&two);
    let written = params
        .iter()
        .find(|(k, _)| *k == "report")
        .unwrap()
        .1
        .clone();
    assert_eq!(
        written.as_deref(),
        Some("meridian-2021-en,meridian-2023-en")
    );
    let get = |k: &str| match k {
        "report" => Some("meridian-2021-en,meridian-2023-en,nope".to_owned()),
        _ => None,
    };
    let (back, notices) = decode(get, &index);
    assert_eq!(back.reports, two.reports);
    assert_eq!(
        notices,
        ["Ignored report `nope`: not one of the reports shown."]
    );
}

#[test]
fn exports_name_every_report_and_each_row_its_own() {
    use report_explorer::core::export::{entries_csv, Provenance};
    use report_explorer::core::query::Selection;
    let report = merged(&[("2021", "en"), ("2022", "en")], &[2, 2]);
    let p = Provenance::new(&report, "catalogue.json", &Selection::default(), "T", "1");
    let titles: Vec<&str> = report
        .editions
        .iter()
        .map(|e| e.meta.title.as_str())
        .collect();
    assert_eq!(p.dataset_title, titles.join("; "));
    assert_eq!(
        p.data_url,
        "catalogue.json (data/meridian-2021-en.json; data/meridian-2022-en.json)"
    );
    let csv = entries_csv(&report, &[0, 3], &p);
    assert!(csv.contains("\nmeridian-2021-en~"), "{csv}");
    assert!(csv.contains("\nmeridian-2022-en~"), "{csv}");
}
