//! Year over year: series across editions, each figure's change and the rules that forbid one, the generator of multi-year catalogues, and the cost of building series.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::catalogue::load_catalogue;
use report_explorer::core::editions::merge;
use report_explorer::core::load::load_report;
use report_explorer::core::model::Report;
use report_explorer::core::synth_years::{
    generate_catalogue, merged_report, NEWCOMER, NOT_COMPARABLE, PILOT_CATEGORY, RANK_LIST,
    SERIES_FAMILIES, STABLE,
};
use report_explorer::core::trends::{describe, Change, ChangeKind, Direction, Trends, ValueKind};
use serde_json::{json, Value};

const ORG: &str = "Meridian Holdings";

/// Two or more editions of one subsidiary's single entry with the given figures per year.
fn editions(figures: &[(i32, Vec<Value>)]) -> Report {
    let reports: Vec<Value> = figures
        .iter()
        .map(|(year, _)| {
            json!({"id": format!("acme-{year}"), "organisation": "Acme", "period": year.to_string(),
                   "title": format!("Acme {year}"), "language": "en", "path": format!("data/acme-{year}.json")})
        })
        .collect();
    let catalogue = load_catalogue(
        &json!({"format": "report-explorer-catalogue/1", "reports": reports}).to_string(),
    )
    .unwrap();
    let parts = catalogue
        .reports()
        .iter()
        .zip(figures)
        .map(|(c, (year, figs))| {
            let text = json!({
                "format": "report-explorer/2",
                "report": {"organisation": "Acme", "title": "Acme", "period": year.to_string(), "source": {"document": "Acme"}},
                "subsidiaries": [{"id": "acme", "name": "Acme"}, {"id": "other", "name": "Other Co"}],
                "categories": [{"id": "kpis", "name": "KPIs"}],
                "entries": [{"id": "k", "kind": "kpi", "title": "Key figures", "summary": "s",
                             "subsidiaries": ["acme"], "categories": ["kpis"], "figures": figs,
                             "source": {"section": "s", "passage": "p"}}],
            })
            .to_string();
            let loaded = load_report(&text).unwrap();
            assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
            (c.clone(), loaded.report, loaded.problems)
        })
        .collect();
    merge(parts).unwrap().0
}

/// The change of the last edition's figure `metric` against the one before.
fn last_change(report: &Report, metric: usize) -> Option<Change> {
    let trends = Trends::build(report);
    let last = report.editions.last().unwrap().entries.start;
    trends.change(report, last, metric)
}

fn pair(a: Value, b: Value) -> Report {
    editions(&[(2018, vec![a]), (2019, vec![b])])
}

#[test]
fn an_amount_changes_relatively() {
    let r = pair(
        json!({"label": "Investment", "value": 100, "currency": "HKD", "scale": "million", "family": "inv"}),
        json!({"label": "Investment", "value": 112.4, "currency": "HKD", "scale": "million", "family": "inv"}),
    );
    let change = last_change(&r, 0).expect("compares");
    assert_eq!(change.direction, Direction::Up);
    assert_eq!(describe(&change), "+12.4% vs 2018");
}

#[test]
fn scales_are_normalised() {
    // HKD 8 billion against HKD 7,500 million: +6.7%.
    let r = pair(
        json!({"label": "Investment", "value": 7500, "currency": "HKD", "scale": "million", "family": "inv"}),
        json!({"label": "Investment", "value": 8, "currency": "HKD", "scale": "billion", "family": "inv"}),
    );
    let trends = Trends::build(&r);
    assert_eq!(trends.series.len(), 1);
    assert_eq!(
        trends.series[0].measure(),
        "HKD billion",
        "the newest scale"
    );
    assert_eq!(describe(&last_change(&r, 0).unwrap()), "+6.7% vs 2018");
}

#[test]
fn a_percentage_changes_in_points() {
    let r = pair(
        json!({"label": "Satisfaction", "value": 80.5, "unit": "%", "family": "sat"}),
        json!({"label": "Satisfaction", "value": 82.6, "unit": "%", "family": "sat"}),
    );
    let change = last_change(&r, 0).unwrap();
    assert!(matches!(change.kind, ChangeKind::Points { .. }));
    assert_eq!(describe(&change), "+2.1 pp vs 2018");
    let down = pair(
        json!({"label": "Satisfaction", "value": 82, "unit": "%", "family": "sat"}),
        json!({"label": "Satisfaction", "value": 79, "unit": "%", "family": "sat"}),
    );
    assert_eq!(describe(&last_change(&down, 0).unwrap()), "-3.0 pp vs 2018");
}

#[test]
fn a_smaller_rank_is_up() {
    let r = pair(
        json!({"label": "Rank", "value": 54, "unit": "rank", "out_of": 500, "family": "rank"}),
        json!({"label": "Rank", "value": 41, "unit": "rank", "out_of": 500, "family": "rank"}),
    );
    let change = last_change(&r, 0).unwrap();
    assert_eq!(change.kind, ChangeKind::Rank { from: 54, to: 41 });
    assert_eq!(change.direction, Direction::Up);
    assert_eq!(describe(&change), "rank 54th → 41st, up 13 places vs 2018");
    let worse = pair(
        json!({"label": "Rank", "value": 41, "unit": "rank", "out_of": 500, "family": "rank"}),
        json!({"label": "Rank", "value": 42, "unit": "rank", "out_of": 500, "family": "rank"}),
    );
    let change = last_change(&worse, 0).unwrap();
    assert_eq!(change.direction, Direction::Down);
    assert_eq!(describe(&change), "rank 41st → 42nd, down 1 place vs 2018");
}

#[test]
fn scores_compare_out_of_the_same_maximum_only() {
    let same = pair(
        json!({"label": "Score", "value": 4.2, "unit": "score", "out_of": 5, "family": "score"}),
        json!({"label": "Score", "value": 4.5, "unit": "score", "out_of": 5, "family": "score"}),
    );
    assert_eq!(
        describe(&last_change(&same, 0).unwrap()),
        "score 4.2 → 4.5 of 5 vs 2018"
    );
    let other_max = pair(
        json!({"label": "Score", "value": 4.2, "unit": "score", "out_of": 5, "family": "score"}),
        json!({"label": "Score", "value": 8.1, "unit": "score", "out_of": 10, "family": "score"}),
    );
    assert_eq!(last_change(&other_max, 0), None);
    assert!(Trends::build(&other_max).series.is_empty());
}

#[test]
fn different_units_and_currencies_never_compare() {
    for (a, b) in [
        (
            json!({"label": "Water", "value": 90000, "unit": "m³", "family": "water"}),
            json!({"label": "Water", "value": 95, "unit": "megalitres", "family": "water"}),
        ),
        (
            json!({"label": "Investment", "value": 10, "currency": "HKD", "family": "inv"}),
            json!({"label": "Investment", "value": 10, "currency": "USD", "family": "inv"}),
        ),
        (
            json!({"label": "Rank", "value": 5, "unit": "rank", "out_of": 50, "family": "rank"}),
            json!({"label": "Rank", "value": 4, "unit": "rank", "out_of": 100, "family": "rank"}),
        ),
    ] {
        let r = pair(a.clone(), b.clone());
        assert_eq!(last_change(&r, 0), None, "{a} vs {b}");
        assert!(Trends::build(&r).series.is_empty());
    }
}

#[test]
fn bound_qualifiers_and_ranges_never_compare() {
    for qualifier in [
        "over",
        "under",
        "less_than",
        "at_least",
        "at_most",
        "up_to",
        "within",
    ] {
        let r = pair(
            json!({"label": "Hours", "value": 100, "unit": "hours", "family": "h"}),
            json!({"label": "Hours", "value": 120, "unit": "hours", "family": "h", "qualifier": qualifier}),
        );
        assert_eq!(Trends::build(&r).series.len(), 1, "still one series");
        assert_eq!(last_change(&r, 0), None, "{qualifier}");
        let r = pair(
            json!({"label": "Hours", "value": 100, "unit": "hours", "family": "h", "qualifier": qualifier}),
            json!({"label": "Hours", "value": 120, "unit": "hours", "family": "h"}),
        );
        assert_eq!(last_change(&r, 0), None, "{qualifier} before");
    }
    let range = pair(
        json!({"label": "Staff", "value": 100, "unit": "staff", "family": "s"}),
        json!({"label": "Staff", "value": 100, "to": 120, "unit": "staff", "family": "s"}),
    );
    assert_eq!(last_change(&range, 0), None);
    let from_zero = pair(
        json!({"label": "Fines", "value": 0, "currency": "HKD", "family": "f"}),
        json!({"label": "Fines", "value": 5, "currency": "HKD", "family": "f"}),
    );
    assert_eq!(last_change(&from_zero, 0), None);
}

#[test]
fn approximately_compares_with_about() {
    let r = pair(
        json!({"label": "CO2", "value": 200, "unit": "tonnes", "family": "co2"}),
        json!({"label": "CO2", "value": 190, "unit": "tonnes", "family": "co2", "qualifier": "approximately"}),
    );
    let change = last_change(&r, 0).unwrap();
    assert!(change.approximate);
    assert_eq!(change.direction, Direction::Down);
    assert_eq!(describe(&change), "about -5.0% vs 2018");
}

#[test]
fn figures_without_a_family_pair_by_label() {
    let r = pair(
        json!({"label": "Volunteers", "value": 10, "unit": "people"}),
        json!({"label": "Volunteers", "value": 15, "unit": "people"}),
    );
    assert_eq!(describe(&last_change(&r, 0).unwrap()), "+50.0% vs 2018");
    let other_label = pair(
        json!({"label": "Volunteers", "value": 10, "unit": "people"}),
        json!({"label": "Volunteer staff", "value": 15, "unit": "people"}),
    );
    assert_eq!(last_change(&other_label, 0), None);
}

#[test]
fn the_previous_edition_is_the_latest_earlier_one_with_a_point() {
    // 2019 has no point: 2020 compares with 2018, and says so; the figure's period names it.
    let r = editions(&[
        (
            2018,
            vec![
                json!({"label": "Users", "value": 100, "unit": "users", "family": "u", "period": "FY2018"}),
            ],
        ),
        (
            2019,
            vec![json!({"label": "Other", "value": 1, "unit": "things"})],
        ),
        (
            2020,
            vec![json!({"label": "Users", "value": 150, "unit": "users", "family": "u"})],
        ),
    ]);
    let change = last_change(&r, 0).unwrap();
    assert_eq!(describe(&change), "+50.0% vs FY2018");
    // The first point has nothing to compare with.
    let trends = Trends::build(&r);
    assert_eq!(trends.change(&r, 0, 0), None);
}

#[test]
fn several_figures_in_one_edition_compare_with_the_same_label() {
    let r = editions(&[
        (
            2018,
            vec![
                json!({"label": "Staff (HK)", "value": 100, "unit": "staff", "family": "s"}),
                json!({"label": "Staff (PRC)", "value": 200, "unit": "staff", "family": "s"}),
            ],
        ),
        (
            2019,
            vec![
                json!({"label": "Staff (PRC)", "value": 220, "unit": "staff", "family": "s"}),
                json!({"label": "Staff (HK)", "value": 90, "unit": "staff", "family": "s"}),
            ],
        ),
    ]);
    let trends = Trends::build(&r);
    assert_eq!(trends.series.len(), 1);
    assert_eq!(trends.series[0].points.len(), 4);
    assert_eq!(describe(&last_change(&r, 0).unwrap()), "+10.0% vs 2018");
    assert_eq!(describe(&last_change(&r, 1).unwrap()), "-10.0% vs 2018");
}

#[test]
fn one_report_alone_has_no_series() {
    let g = generate_catalogue(ORG, &[2019], 20, 1);
    let loaded = load_report(&g.reports[0].text).unwrap();
    assert!(loaded.report.editions.is_empty());
    assert!(Trends::build(&loaded.report).series.is_empty());
    let merged = merged_report(ORG, &[2019], 20, 1);
    assert!(Trends::build(&merged).series.is_empty());
}

#[test]
fn the_generator_is_deterministic_and_loads_cleanly() {
    let a = generate_catalogue(ORG, &[2018, 2019, 2020], 40, 7);
    let b = generate_catalogue(ORG, &[2018, 2019, 2020], 40, 7);
    assert_eq!(a, b);
    let c = generate_catalogue(ORG, &[2018, 2019, 2020], 40, 8);
    assert_ne!(a.reports[1].text, c.reports[1].text, "the seed matters");
    let catalogue = load_catalogue(&a.catalogue).unwrap();
    assert!(catalogue.problems().is_empty());
    assert_eq!(catalogue.reports().len(), 3);
    for (c, r) in catalogue.reports().iter().zip(&a.reports) {
        assert_eq!(c.path, r.path);
        let loaded = load_report(&r.text).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.report.entries.len(), 40);
    }
    let report = merged_report(ORG, &[2018, 2019, 2020], 40, 7);
    assert_eq!(report.editions.len(), 3);
    // The newcomer is only in the later years; the pilot category only in the first.
    let newcomer = report
        .subsidiaries
        .iter()
        .find(|s| s.name == NEWCOMER)
        .unwrap();
    let first = report.editions[0].entries.clone();
    assert!(!first
        .clone()
        .any(|p| report.entries[p].subsidiaries.contains(&newcomer.id)));
    assert!(report.editions[2]
        .entries
        .clone()
        .any(|p| report.entries[p].subsidiaries.contains(&newcomer.id)));
    let pilot = |p: usize| {
        report.entries[p]
            .categories
            .iter()
            .any(|c| c.as_str() == PILOT_CATEGORY)
    };
    assert!(first.clone().any(pilot));
    assert!(!report.editions[1].entries.clone().any(pilot));
}

#[test]
fn generated_series_exist_and_the_non_comparable_pairs_give_no_change() {
    let report = merged_report(ORG, &[2018, 2019, 2020], 30, 3);
    let trends = Trends::build(&report);
    for family in SERIES_FAMILIES {
        let series: Vec<_> = trends
            .series
            .iter()
            .filter(|s| s.family.as_deref() == Some(family))
            .collect();
        assert_eq!(
            series.len(),
            STABLE,
            "{family}: one series per stable subsidiary"
        );
        for s in series {
            assert_eq!(s.editions(), 3, "{family}");
            // Every later point compares.
            for p in s.points.iter().filter(|p| p.edition > 0) {
                assert!(
                    trends.change(&report, p.entry, p.metric).is_some(),
                    "{family}"
                );
            }
        }
    }
    let rank = trends
        .series
        .iter()
        .find(|s| s.family.as_deref() == Some("brand-rank"))
        .unwrap();
    assert_eq!(rank.kind, ValueKind::Rank);
    assert_eq!(rank.out_of, Some(RANK_LIST as f64));
    // The last year's amount in billions joins the series in millions.
    let amount = trends
        .series
        .iter()
        .find(|s| s.family.as_deref() == Some("community-investment"))
        .unwrap();
    assert_eq!(amount.measure(), "HKD billion");
    assert_eq!(amount.editions(), 3);
    // Water changes unit, the score its maximum, the headcount becomes a range, and
    // training gains `over` in the second year: no change for any of them.
    for p in report.editions[1].entries.clone() {
        for (i, m) in report.entries[p].metrics.iter().enumerate() {
            if NOT_COMPARABLE.contains(&m.family.as_deref().unwrap_or("")) {
                assert_eq!(trends.change(&report, p, i), None, "{}", m.label);
            }
        }
    }
    // Approximate emissions compare with "about".
    let about = report.editions[1]
        .entries
        .clone()
        .flat_map(|p| (0..report.entries[p].metrics.len()).map(move |i| (p, i)))
        .filter_map(|(p, i)| trends.change(&report, p, i))
        .any(|c| c.approximate && describe(&c).starts_with("about "));
    assert!(about);
}

#[test]
fn series_building_is_one_lookup_per_figure() {
    // 100k entries across three editions: every figure is looked at once.
    let report = merged_report(ORG, &[2018, 2019, 2020], 33_334, 1);
    assert!(report.entries.len() >= 100_000);
    let figures = report.metric_count();
    let trends = Trends::build(&report);
    assert_eq!(trends.figures_seen, figures);
    assert!(trends.series.len() >= STABLE * SERIES_FAMILIES.len());
    println!(
        "{} entries, {figures} figures, {} series: {} hash lookups",
        report.entries.len(),
        trends.series.len(),
        trends.figures_seen
    );
}

#[test]
fn changes_are_told_in_the_interface_language() {
    use report_explorer::core::i18n::{EN, ZH_HANS, ZH_HANT};
    use report_explorer::core::trends::describe_in;
    let amount = last_change(
        &pair(
            json!({"label": "Investment", "value": 100, "currency": "HKD", "scale": "million", "family": "inv"}),
            json!({"label": "Investment", "value": 112.4, "currency": "HKD", "scale": "million", "family": "inv"}),
        ),
        0,
    )
    .unwrap();
    assert_eq!(describe_in(&amount, &EN), describe(&amount));
    assert_eq!(describe_in(&amount, &ZH_HANS), "+12.4%（较 2018 年）");
    assert_eq!(describe_in(&amount, &ZH_HANT), "+12.4%（較 2018 年）");

    let percent = last_change(
        &pair(
            json!({"label": "Satisfaction", "value": 80.5, "unit": "%", "family": "sat"}),
            json!({"label": "Satisfaction", "value": 82.6, "unit": "%", "family": "sat"}),
        ),
        0,
    )
    .unwrap();
    assert_eq!(
        describe_in(&percent, &ZH_HANS),
        "+2.1 个百分点（较 2018 年）"
    );
    assert_eq!(
        describe_in(&percent, &ZH_HANT),
        "+2.1 個百分點（較 2018 年）"
    );

    let ranks = pair(
        json!({"label": "Rank", "value": 54, "unit": "rank", "out_of": 500, "family": "rank"}),
        json!({"label": "Rank", "value": 41, "unit": "rank", "out_of": 500, "family": "rank"}),
    );
    let rank = last_change(&ranks, 0).unwrap();
    assert_eq!(
        describe_in(&rank, &ZH_HANS),
        "排名 第54 → 第41，上升 13 位（较 2018 年）"
    );
    assert_eq!(
        describe_in(&rank, &ZH_HANT),
        "排名 第54 → 第41，上升 13 位（較 2018 年）"
    );
    let trends = Trends::build(&ranks);
    assert_eq!(trends.series[0].measure_in(&ZH_HANS), "排名，共 500 名");
    assert_eq!(
        trends.series_label_in(&ranks, 0, &ZH_HANT),
        "Acme · Rank（排名，共 500 名）"
    );

    let approximate = last_change(
        &pair(
            json!({"label": "CO2", "value": 200, "unit": "tonnes", "family": "co2"}),
            json!({"label": "CO2", "value": 190, "unit": "tonnes", "family": "co2", "qualifier": "approximately"}),
        ),
        0,
    )
    .unwrap();
    assert_eq!(
        describe_in(&approximate, &ZH_HANS),
        "约 -5.0%（较 2018 年）"
    );
    assert_eq!(
        describe_in(&approximate, &ZH_HANT),
        "約 -5.0%（較 2018 年）"
    );

    let score = last_change(
        &pair(
            json!({"label": "Score", "value": 4.2, "unit": "score", "out_of": 5, "family": "score"}),
            json!({"label": "Score", "value": 4.5, "unit": "score", "out_of": 5, "family": "score"}),
        ),
        0,
    )
    .unwrap();
    assert_eq!(
        describe_in(&score, &ZH_HANT),
        "評分 4.2 → 4.5，滿分 5（較 2018 年）"
    );
    // A period that is not a plain year stays as written.
    let fiscal = Change {
        against: "FY2018".into(),
        ..amount
    };
    assert_eq!(describe_in(&fiscal, &ZH_HANS), "+12.4%（较 FY2018）");
}
