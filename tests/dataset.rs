//! The default dataset: validates cleanly, quotes the chapter verbatim, and matches the documented counts.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::load::load_report;
use report_explorer::core::model::{Kind, Report};
use std::collections::{BTreeMap, HashSet};

const DATASET: &str = include_str!("../public/data/report.json");
const CHAPTER: &str = include_str!("../public/data/citic-2019-customer-responsibility.txt");
const FORMAT_DOC: &str = include_str!("../docs/data-format.md");

fn report() -> Report {
    let loaded = load_report(DATASET).expect("the default dataset loads");
    let problems: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert!(problems.is_empty(), "problems: {problems:#?}");
    loaded.report
}

/// The counts table under "## The default dataset" in docs/data-format.md.
fn documented_counts() -> BTreeMap<String, usize> {
    let section = FORMAT_DOC
        .split("## The default dataset")
        .nth(1)
        .expect("docs/data-format.md has a default dataset section");
    section
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            match cells.as_slice() {
                ["", key, value, ""] => Some((key.to_string(), value.parse().ok()?)),
                _ => None,
            }
        })
        .collect()
}

#[test]
fn dataset_validates_with_zero_problems() {
    let report = report();
    assert_eq!(report.meta.organisation, "CITIC Limited");
    assert_eq!(report.meta.period.iso(), "2019");
}

#[test]
fn counts_match_the_documented_table() {
    let report = report();
    let documented = documented_counts();
    let mut actual = BTreeMap::new();
    actual.insert("entries".to_string(), report.entries.len());
    for (kind, n) in report.kind_counts() {
        // Format 2's kinds the default dataset (format 1) has none of may go unlisted.
        let key = format!("entries: {}", kind.as_str());
        if n > 0 || documented.contains_key(&key) {
            actual.insert(key, n);
        }
    }
    actual.insert("subsidiaries".to_string(), report.subsidiaries.len());
    actual.insert("categories".to_string(), report.categories.len());
    actual.insert("figures".to_string(), report.metric_count());
    assert_eq!(documented, actual);
    assert!(documented.len() >= 4 + 6);
}

#[test]
fn every_passage_is_quoted_verbatim() {
    let report = report();
    let missing: Vec<&str> = report
        .entries
        .iter()
        .filter(|e| !CHAPTER.contains(&e.source.passage))
        .map(|e| e.id.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "passages not in the chapter: {missing:?}"
    );
    // Section headings are printed in the chapter too.
    for e in &report.entries {
        assert!(
            CHAPTER.contains(&e.source.section),
            "{}: section `{}` is not a heading of the chapter",
            e.id,
            e.source.section
        );
    }
}

#[test]
fn figures_come_from_their_passages() {
    let report = report();
    for e in &report.entries {
        for m in &e.metrics {
            // Written as digits in the passage, with or without thousands separators,
            // or as a number word ("eight", "Twenty-two").
            let plain = report_explorer::core::format::format_number(m.value);
            let words = [
                "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten",
            ];
            let passage = e.source.passage.to_lowercase();
            let as_word = words
                .get(m.value as usize)
                .is_some_and(|w| passage.contains(w))
                || (m.value == 22.0 && passage.contains("twenty-two"))
                || (m.value == 2.0 && passage.contains("second"))
                || (m.value == 0.0 && passage.contains("no products"));
            assert!(
                passage.contains(&plain) || passage.contains(&plain.replace(',', "")) || as_word,
                "{}: figure {} ({}) not found in its passage",
                e.id,
                plain,
                m.label
            );
        }
    }
}

/// A figure's period, scale and currency are printed in its passage: `In 2019`, `as of the end of
/// 2019`, `18 million tonnes`, `RMB50,000`.
#[test]
fn figure_periods_scales_and_currencies_come_from_their_passages() {
    let report = report();
    let mut periods = 0;
    for e in &report.entries {
        for m in &e.metrics {
            if let Some(period) = m.period {
                periods += 1;
                assert!(
                    e.source.passage.contains(&period.iso()),
                    "{}: period {} of {} is not in its passage",
                    e.id,
                    period.iso(),
                    m.label
                );
            }
            if let Some(scale) = m.scale {
                let printed = format!(
                    "{} {}",
                    report_explorer::core::format::format_number(m.value),
                    scale.as_str()
                );
                assert!(e.source.passage.contains(&printed), "{}: `{printed}`", e.id);
            }
            if let Some(currency) = &m.currency {
                assert!(
                    e.source.passage.contains(currency.as_str()),
                    "{}: {currency}",
                    e.id
                );
            }
        }
    }
    // The chapter dates 11 figures: the 2 ENR ranks, the 2 Angola RED figures, the 2 of Quick
    // Claims, the Academy's visitors and the 4 of the Wealth Legend of Youth competition.
    assert_eq!(periods, 11);
}

#[test]
fn every_subsidiary_and_leaf_category_is_used() {
    let report = report();
    let used_subs: HashSet<_> = report
        .entries
        .iter()
        .flat_map(|e| &e.subsidiaries)
        .collect();
    for s in &report.subsidiaries {
        assert!(
            used_subs.contains(&s.id),
            "subsidiary {} has no entry",
            s.id
        );
    }
    let used_cats: HashSet<_> = report.entries.iter().flat_map(|e| &e.categories).collect();
    let parents: HashSet<_> = report
        .categories
        .iter()
        .filter_map(|c| c.parent.as_ref())
        .collect();
    for c in &report.categories {
        assert!(
            used_cats.contains(&c.id) || parents.contains(&c.id),
            "category {} is neither used nor a parent",
            c.id
        );
    }
}

#[test]
fn every_award_names_its_year_or_says_none() {
    // An award's date is left out only where the chapter gives no year for it.
    let report = report();
    for e in report.entries.iter().filter(|e| e.kind == Kind::Award) {
        if e.date.is_none() {
            assert!(
                !e.source.passage.contains("2019") && !e.source.passage.contains("2018"),
                "{}: the passage gives a year but the award has no date",
                e.id
            );
        }
    }
}
