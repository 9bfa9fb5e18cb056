//! Synthetic reports: valid at every size, deterministic per seed, varied, and sized like real ones.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::date::{Precision, Span};
use report_explorer::core::load::load_report;
use report_explorer::core::model::{Kind, Report};
use report_explorer::core::query::Index;
use report_explorer::core::synth::generate;
use std::collections::{BTreeMap, BTreeSet};

fn load_clean(text: &str) -> Report {
    let loaded = load_report(text).expect("a synthetic report loads");
    let problems: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert!(problems.is_empty(), "problems: {problems:#?}");
    loaded.report
}

#[test]
fn loads_with_zero_problems_and_exactly_n_entries() {
    for n in [0, 1, 58, 1000] {
        for seed in [0, 1, 42, u64::MAX] {
            let report = load_clean(&generate(n, seed));
            assert_eq!(report.entries.len(), n, "entries for n={n}, seed={seed}");
            assert!(
                (45..=55).contains(&report.subsidiaries.len()),
                "{} subsidiaries",
                report.subsidiaries.len()
            );
            assert!(
                (28..=34).contains(&report.categories.len()),
                "{} categories",
                report.categories.len()
            );
        }
    }
}

#[test]
fn same_arguments_give_the_same_bytes() {
    for (n, seed) in [(0, 0), (1, 7), (1000, 1), (1000, 99)] {
        assert_eq!(generate(n, seed), generate(n, seed), "n={n}, seed={seed}");
    }
}

#[test]
fn different_seeds_give_different_entries() {
    let a = load_clean(&generate(100, 1)).entries;
    let b = load_clean(&generate(100, 2)).entries;
    assert_ne!(a, b);
    let titles_a: BTreeSet<&str> = a.iter().map(|e| e.title.as_str()).collect();
    let titles_b: BTreeSet<&str> = b.iter().map(|e| e.title.as_str()).collect();
    assert!(titles_a.intersection(&titles_b).count() < 50);
}

#[test]
fn a_smaller_report_is_a_prefix_of_a_larger_one() {
    let small = load_clean(&generate(50, 5)).entries;
    let large = load_clean(&generate(500, 5)).entries;
    assert_eq!(small[..], large[..50]);
}

#[test]
fn every_kind_and_date_precision_appears_in_realistic_proportions() {
    let report = load_clean(&generate(1000, 3));
    let kinds: BTreeMap<Kind, usize> = report.kind_counts().into_iter().collect();
    // The six kinds of format 1 (the generator writes format 1).
    for kind in &Kind::ALL[..6] {
        assert!(kinds[kind] >= 30, "{kind:?}: {kinds:?}");
    }
    assert!(kinds[&Kind::Initiative] > kinds[&Kind::Product]);
    assert!(kinds[&Kind::Award] > kinds[&Kind::Event]);

    let mut undated = 0;
    let mut single = BTreeMap::<Precision, usize>::new();
    let mut ranges = BTreeMap::<(Precision, Precision), usize>::new();
    let mut years = BTreeSet::new();
    for e in &report.entries {
        match e.date {
            None => undated += 1,
            Some(d) => {
                years.insert(d.year());
                match d.span {
                    Span::One(one) => *single.entry(one.precision()).or_default() += 1,
                    Span::Range(start, end) => {
                        *ranges
                            .entry((start.precision(), end.precision()))
                            .or_default() += 1
                    }
                    Span::Since(_) | Span::Until(_) => panic!("open range {}", d.iso()),
                }
            }
        }
    }
    assert!(undated >= 50, "undated: {undated}");
    for p in [Precision::Year, Precision::Month, Precision::Day] {
        assert!(
            single.get(&p).copied().unwrap_or(0) >= 50,
            "{p:?}: {single:?}"
        );
        assert!(
            ranges.get(&(p, p)).copied().unwrap_or(0) >= 5,
            "{p:?} ranges: {ranges:?}"
        );
    }
    assert!(
        ranges.keys().any(|(a, b)| a != b),
        "a range of mixed precision: {ranges:?}"
    );
    assert_eq!(years.len(), 15, "years: {years:?}");
}

#[test]
fn entries_carry_realistic_figures_places_and_awarding_bodies() {
    let report = load_clean(&generate(1000, 4));
    let mut per_entry = BTreeMap::<usize, usize>::new();
    let mut families = BTreeSet::new();
    let mut units = BTreeSet::new();
    for e in &report.entries {
        *per_entry.entry(e.metrics.len()).or_default() += 1;
        for m in &e.metrics {
            families.extend(m.family.clone());
            // Format 1 currency units load as currencies.
            units.extend(m.unit.clone().or(m.currency.clone()));
            if m.is_rank() {
                assert!(m.value <= m.out_of.expect("a rank has a list size"));
            }
        }
        if e.kind == Kind::Award {
            assert!(e.awarding_body.is_some(), "{} has no awarding body", e.id);
        }
    }
    assert_eq!(per_entry.keys().copied().collect::<Vec<_>>(), [0, 1, 2, 3]);
    assert!(families.len() >= 8, "families: {families:?}");
    for unit in ["%", "rank", "RMB", "USD", "participants", "hours"] {
        assert!(units.contains(unit), "unit {unit}: {units:?}");
    }
    for e in &report.entries {
        for m in e.metrics.iter().filter(|m| m.currency.is_some()) {
            assert_eq!(m.unit, None, "a currency figure has no unit");
        }
    }
    assert!(report.entries.iter().any(|e| !e.countries.is_empty()));
    assert!(report.subsidiaries.iter().any(|s| s.sector.is_none()));
    assert!(
        report
            .subsidiaries
            .iter()
            .filter(|s| s.sector.is_some())
            .count()
            >= 40
    );
    let depth = |id| {
        let mut depth = 1;
        let mut c = report.category(id).unwrap();
        while let Some(parent) = &c.parent {
            c = report.category(parent).unwrap();
            depth += 1;
        }
        depth
    };
    assert_eq!(
        report.categories.iter().map(|c| depth(&c.id)).max(),
        Some(3)
    );
}

#[test]
fn searches_hit_different_numbers_of_entries() {
    let report = load_clean(&generate(2000, 6));
    let index = Index::new(&report);
    let hits = |q: &str| index.search(q).matches.count();
    let counts: Vec<usize> = ["sustainability", "carbon", "hospital", "mangrove", "zzzz"]
        .into_iter()
        .map(hits)
        .collect();
    assert!(counts[0] > counts[2], "{counts:?}");
    assert!(counts[2] > counts[3], "{counts:?}");
    assert!(counts[3] > 0, "{counts:?}");
    assert_eq!(counts[4], 0, "{counts:?}");
    assert!(counts[0] < 2000, "{counts:?}");
}

#[test]
fn file_size_per_entry_is_like_a_real_report() {
    let empty = generate(0, 1).len();
    let text = generate(10_000, 1);
    let per_entry = (text.len() - empty) as f64 / 10_000.0;
    println!(
        "10,000 entries: {} bytes, {per_entry:.0} bytes per entry",
        text.len()
    );
    assert!(
        (500.0..=800.0).contains(&per_entry),
        "{per_entry:.0} bytes per entry"
    );
    assert_eq!(load_clean(&text).entries.len(), 10_000);
}
