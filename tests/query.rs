//! The query engine against brute force: random reports and selections (proptest),
//! plus worked examples on the default dataset.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use report_explorer::core::date::DateSpec;
use report_explorer::core::ids::{CategoryId, EntryId, SubsidiaryId};
use report_explorer::core::load::load_report;
use report_explorer::core::model::*;
use report_explorer::core::query::*;
use report_explorer::core::text::{fold, query_words};
use report_explorer::core::url_state::{decode, encode};
use std::collections::{BTreeSet, HashMap};

const WORDS: [&str; 8] = [
    "award",
    "bank",
    "Société",
    "brand",
    "customer",
    "Élan",
    "quick",
    "risk",
];

fn entry(
    i: usize,
    subs: Vec<usize>,
    cats: Vec<usize>,
    kind: usize,
    date: Option<String>,
    words: Vec<usize>,
) -> Entry {
    let text = words
        .iter()
        .map(|w| WORDS[*w])
        .collect::<Vec<_>>()
        .join(" ");
    Entry {
        id: EntryId::new(&format!("e{i}")).unwrap(),
        kind: Kind::ALL[kind],
        title: format!("Entry {i} {text}"),
        summary: text.clone(),
        // Shared by several subsidiaries now and then, each listed once.
        subsidiaries: subs
            .iter()
            .enumerate()
            .filter(|(j, s)| !subs[..*j].contains(s))
            .map(|(_, s)| SubsidiaryId::new(&format!("s{s}")).unwrap())
            .collect(),
        categories: cats
            .into_iter()
            .map(|c| CategoryId::new(&format!("c{c}")).unwrap())
            .collect(),
        date: date.map(|d| DateSpec::parse(&d).unwrap()),
        awarding_body: None,
        location: None,
        countries: vec![],
        metrics: vec![],
        source: Source {
            section: "S".into(),
            passage: text,
            page: None,
            url: None,
        },
    }
}

fn report_strategy() -> impl Strategy<Value = Report> {
    (1usize..5, 1usize..6)
        .prop_flat_map(|(n_sub, n_cat)| {
            let parents = proptest::collection::vec(proptest::option::of(0usize..6), n_cat);
            let date = proptest::option::of(prop_oneof![
                (2015i32..2022).prop_map(|y| y.to_string()),
                (2015i32..2022, 1u8..13).prop_map(|(y, m)| format!("{y}-{m:02}")),
                (2015i32..2020, 0i32..3).prop_map(|(y, d)| format!("{y}/{}", y + d)),
            ]);
            let entries = proptest::collection::vec(
                (
                    proptest::collection::vec(0..n_sub, 1..3),
                    proptest::collection::vec(0..n_cat, 1..3),
                    0usize..6,
                    date,
                    proptest::collection::vec(0usize..WORDS.len(), 0..4),
                ),
                0..40,
            );
            (Just(n_sub), Just(n_cat), parents, entries)
        })
        .prop_map(|(n_sub, n_cat, parents, entries)| Report {
            meta: ReportMeta {
                organisation: "O".into(),
                title: "T".into(),
                period: DateSpec::parse("2019").unwrap(),
                document: "D".into(),
                chapter: None,
                url: None,
                language: None,
                fiscal_year_end: 12,
                text: None,
            },
            divisions: vec![],
            editions: vec![],
            subsidiaries: (0..n_sub)
                .map(|i| Subsidiary {
                    id: SubsidiaryId::new(&format!("s{i}")).unwrap(),
                    name: format!("Sub {i}"),
                    sector: None,
                    division: None,
                })
                .collect(),
            // A parent must come earlier, so the tree has no cycles.
            categories: (0..n_cat)
                .map(|i| Category {
                    id: CategoryId::new(&format!("c{i}")).unwrap(),
                    name: format!("Cat {i}"),
                    parent: parents[i]
                        .filter(|p| *p < i)
                        .map(|p| CategoryId::new(&format!("c{p}")).unwrap()),
                })
                .collect(),
            entries: entries
                .into_iter()
                .enumerate()
                .map(|(i, (s, c, k, d, w))| entry(i, s, c, k, d, w))
                .collect(),
        })
}

/// Positions of subsidiaries, categories and kinds, years (None: undated), search words, sort.
type RawSelection = (
    Vec<usize>,
    Vec<usize>,
    Vec<usize>,
    Vec<Option<i32>>,
    Vec<usize>,
    usize,
);

fn selection_strategy() -> impl Strategy<Value = RawSelection> {
    (
        proptest::collection::vec(0usize..5, 0..3),
        proptest::collection::vec(0usize..6, 0..3),
        proptest::collection::vec(0usize..6, 0..3),
        proptest::collection::vec(proptest::option::of(2015i32..2023), 0..3),
        proptest::collection::vec(0usize..WORDS.len(), 0..3),
        0usize..12,
    )
}

fn make_selection(r: &Report, s: RawSelection) -> Selection {
    let (subs, cats, kinds, years, words, sort) = s;
    Selection {
        subsidiaries: subs
            .into_iter()
            .filter(|i| *i < r.subsidiaries.len())
            .map(|i| r.subsidiaries[i].id.clone())
            .collect(),
        categories: cats
            .into_iter()
            .filter(|i| *i < r.categories.len())
            .map(|i| r.categories[i].id.clone())
            .collect(),
        kinds: kinds.into_iter().map(|k| Kind::ALL[k]).collect(),
        reports: Default::default(),
        years: years
            .into_iter()
            .map(|y| y.map_or(YearKey::Undated, YearKey::Year))
            .collect(),
        query: words
            .iter()
            .map(|w| WORDS[*w].to_uppercase())
            .collect::<Vec<_>>()
            .join(" "),
        sort: Sort::ALL[sort % Sort::ALL.len()],
        entry: None,
        view: View::ALL[sort % View::ALL.len()],
        page: [0, 2, 7][sort % 3],
        at: None,
    }
}

/// Brute force: does entry `e` pass facet `skip`-less filters and the search?
fn passes(r: &Report, e: &Entry, sel: &Selection, skip: Option<Facet>) -> bool {
    let parent: HashMap<&CategoryId, &CategoryId> = r
        .categories
        .iter()
        .filter_map(|c| c.parent.as_ref().map(|p| (&c.id, p)))
        .collect();
    let in_cat = |target: &CategoryId| {
        e.categories.iter().any(|c| {
            let mut cur = Some(c);
            while let Some(x) = cur {
                if x == target {
                    return true;
                }
                cur = parent.get(x).copied();
            }
            false
        })
    };
    let years: BTreeSet<YearKey> = match e.date {
        None => [YearKey::Undated].into(),
        Some(d) => (d.first_day().0..=d.last_day().0)
            .map(YearKey::Year)
            .collect(),
    };
    let hay = fold(&format!(
        "{} {} {}",
        e.title,
        e.summary,
        r.subsidiary_names(e)
    ));
    let cat_names: Vec<String> = r
        .categories
        .iter()
        .filter(|c| in_cat(&c.id))
        .map(|c| fold(&c.name))
        .collect();
    let search_ok = query_words(&sel.query).iter().all(|w| {
        hay.contains(w.as_str())
            || cat_names.iter().any(|c| c.contains(w.as_str()))
            || "s".contains(w.as_str())
    });
    search_ok
        && (skip == Some(Facet::Subsidiary)
            || sel.subsidiaries.is_empty()
            || e.subsidiaries.iter().any(|s| sel.subsidiaries.contains(s)))
        && (skip == Some(Facet::Category)
            || sel.categories.is_empty()
            || sel.categories.iter().any(in_cat))
        && (skip == Some(Facet::Kind) || sel.kinds.is_empty() || sel.kinds.contains(&e.kind))
        && (skip == Some(Facet::Year) || sel.years.is_empty() || !sel.years.is_disjoint(&years))
}

/// Brute force: does entry `e` have value `token` of `facet`?
fn has_value(r: &Report, e: &Entry, facet: Facet, token: &str) -> bool {
    match facet {
        Facet::Subsidiary => e.subsidiaries.iter().any(|s| s.as_str() == token),
        Facet::Kind => e.kind.as_str() == token,
        Facet::Year => match e.date {
            None => token == "undated",
            Some(d) => (d.first_day().0..=d.last_day().0).any(|y| y.to_string() == token),
        },
        Facet::Category => {
            let sel = Selection {
                categories: [CategoryId::new(token).unwrap()].into(),
                ..Selection::default()
            };
            passes(r, e, &sel, None)
        }
        // These reports are shown alone: the report facet has no values (tests/editions.rs).
        Facet::Report => r.edition_of(0).is_some_and(|ed| ed.id == token),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn results_equal_brute_force(r in report_strategy(), s in selection_strategy()) {
        let sel = make_selection(&r, s);
        let index = Index::new(&r);
        let res = index.query(&sel, &index.search(&sel.query));
        let mut got = res.entries.clone();
        got.sort();
        let want: Vec<usize> = (0..r.entries.len()).filter(|&i| passes(&r, &r.entries[i], &sel, None)).collect();
        prop_assert_eq!(got, want);
        prop_assert!(res.entries.iter().all(|&i| i < r.entries.len()));
        prop_assert_eq!(res.total, r.entries.len());
    }

    #[test]
    fn every_count_equals_a_recount(r in report_strategy(), s in selection_strategy()) {
        let sel = make_selection(&r, s);
        let index = Index::new(&r);
        let res = index.query(&sel, &index.search(&sel.query));
        for (facet, values) in &res.facets {
            for v in values {
                let recount = r.entries.iter().filter(|e| {
                    passes(&r, e, &sel, Some(*facet)) && has_value(&r, e, *facet, &v.token)
                }).count();
                prop_assert_eq!(v.count, recount, "{:?} {}", facet, v.token);
            }
        }
    }

    #[test]
    fn url_state_round_trips(r in report_strategy(), s in selection_strategy(), open in proptest::option::of(0usize..40)) {
        let mut sel = make_selection(&r, s);
        sel.entry = open.filter(|i| *i < r.entries.len()).map(|i| r.entries[i].id.clone());
        let index = Index::new(&r);
        // Years and kinds the report does not have are dropped on decode; keep only known ones.
        sel.years.retain(|y| index.knows(Facet::Year, &y.token()));
        sel.kinds.retain(|k| index.knows(Facet::Kind, k.as_str()));
        let params: HashMap<&str, String> = encode(&sel).into_iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect();
        let (back, notices) = decode(|k| params.get(k).cloned(), &index);
        prop_assert!(notices.is_empty(), "{:?}", notices);
        prop_assert_eq!(back, sel);
    }
}

fn citic() -> (Report, Index) {
    let report = load_report(include_str!("../public/data/report.json"))
        .unwrap()
        .report;
    let index = Index::new(&report);
    (report, index)
}

fn params(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    move |k| map.get(k).cloned()
}

#[test]
fn two_subsidiaries_give_the_union_and_a_category_intersects() {
    let (r, index) = citic();
    let count = |sub: &str| {
        r.entries
            .iter()
            .filter(|e| e.subsidiaries.iter().any(|s| s.as_str() == sub))
            .count()
    };
    let (sel, notices) = decode(params(&[("sub", "citic-bank,citic-trust")]), &index);
    assert!(notices.is_empty());
    let res = index.query(&sel, &index.search(""));
    assert_eq!(
        res.entries.len(),
        count("citic-bank") + count("citic-trust")
    );
    let (sel, _) = decode(
        params(&[("sub", "citic-bank,citic-trust"), ("kind", "award")]),
        &index,
    );
    let res = index.query(&sel, &index.search(""));
    let want = r
        .entries
        .iter()
        .filter(|e| {
            e.kind == Kind::Award
                && e.subsidiaries
                    .iter()
                    .any(|s| ["citic-bank", "citic-trust"].contains(&s.as_str()))
        })
        .count();
    assert_eq!(res.entries.len(), want);
    assert!(want > 0 && want < count("citic-bank") + count("citic-trust"));
}

#[test]
fn parent_category_includes_children() {
    let (r, index) = citic();
    let parent = r
        .categories
        .iter()
        .find(|c| {
            r.categories
                .iter()
                .any(|k| k.parent.as_ref() == Some(&c.id))
        })
        .unwrap();
    let (sel, _) = decode(params(&[("cat", parent.id.as_str())]), &index);
    let res = index.query(&sel, &index.search(""));
    let children: Vec<&CategoryId> = r
        .categories
        .iter()
        .filter(|c| c.parent.as_ref() == Some(&parent.id))
        .map(|c| &c.id)
        .collect();
    let direct = r
        .entries
        .iter()
        .filter(|e| e.categories.iter().any(|c| children.contains(&c)))
        .count();
    assert!(res.entries.len() >= direct && direct > 0);
}

#[test]
fn search_is_case_and_diacritic_insensitive_and_needs_every_word() {
    let (_, index) = citic();
    let a = index.search("QUICK claims");
    let b = index.search("quíck CLAIMS");
    assert_eq!(a.matches, b.matches);
    assert!(a.matches.count() >= 1);
    let none = index.search("quick zzzzzz");
    assert_eq!(none.matches.count(), 0);
}

#[test]
fn search_orders_by_relevance() {
    let (r, index) = citic();
    let sel = Selection {
        query: "Quick Claims".into(),
        ..Selection::default()
    };
    let res = index.query(&sel, &index.search(&sel.query));
    assert!(
        r.entries[res.entries[0]].title.contains("Quick Claims"),
        "{}",
        r.entries[res.entries[0]].title
    );
}

#[test]
fn bad_url_values_are_named_and_ignored() {
    let (_, index) = citic();
    let (sel, notices) = decode(
        params(&[
            ("sub", "citic-bank,acme"),
            ("kind", "prize"),
            ("year", "19x9"),
            ("sort", "best"),
            ("entry", "nope"),
        ]),
        &index,
    );
    assert_eq!(sel.subsidiaries.len(), 1);
    assert!(sel.kinds.is_empty() && sel.years.is_empty() && sel.entry.is_none());
    assert_eq!(
        notices,
        [
            "Ignored sub `acme`: no such subsidiary in this report.",
            "Ignored kind `prize`: no such kind in this report.",
            "Ignored year `19x9`: no such year in this report.",
            "Ignored sort `best`: expected one of relevance, newest, oldest, title.",
            "Ignored entry `nope`: no such entry in this report.",
        ]
    );
}

#[test]
fn a_kind_the_report_lacks_is_ignored_with_a_notice() {
    let (mut r, _) = citic();
    r.entries.retain(|e| e.kind != Kind::Product);
    let index = Index::new(&r);
    let (sel, notices) = decode(params(&[("kind", "product,award")]), &index);
    assert_eq!(sel.kinds.iter().copied().collect::<Vec<_>>(), [Kind::Award]);
    assert_eq!(
        notices,
        ["Ignored kind `product`: no such kind in this report."]
    );
    // Whatever stays selected shows as a chip, so it can be removed.
    let result = index.query(&sel, &index.search(""));
    let chips: Vec<String> = chips(&result, &sel).into_iter().map(|c| c.label).collect();
    assert_eq!(chips, ["Kind: Award"]);
}

#[test]
fn zero_count_values_stay_listed() {
    let (r, index) = citic();
    let (sel, _) = decode(params(&[("sub", "citic-trust")]), &index);
    let res = index.query(&sel, &index.search(""));
    let kinds = &res
        .facets
        .iter()
        .find(|(f, _)| *f == Facet::Kind)
        .unwrap()
        .1;
    assert_eq!(
        kinds.len(),
        r.kind_counts().iter().filter(|(_, n)| *n > 0).count()
    );
    assert!(kinds.iter().any(|v| v.count == 0));
    // The subsidiary facet ignores its own selection: every subsidiary keeps its full count.
    let subs = &res
        .facets
        .iter()
        .find(|(f, _)| *f == Facet::Subsidiary)
        .unwrap()
        .1;
    let total: usize = subs.iter().map(|v| v.count).sum();
    assert_eq!(total, r.entries.len());
}

#[test]
fn chips_name_each_active_filter_and_remove_only_it() {
    let (_, index) = citic();
    let (sel, _) = decode(
        params(&[
            ("sub", "citic-bank,citic-trust"),
            ("kind", "award"),
            ("q", " quick "),
        ]),
        &index,
    );
    let res = index.query(&sel, &index.search(&sel.query));
    let chips = chips(&res, &sel);
    let labels: Vec<&str> = chips.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Subsidiary: CITIC Bank",
            "Subsidiary: CITIC Trust",
            "Kind: Award",
            "Search: “quick”"
        ]
    );
    let bank = &chips[0].without;
    assert_eq!(bank.subsidiaries.len(), 1);
    assert_eq!(bank.kinds, sel.kinds);
    assert!(chips[3].without.query.is_empty());
    assert_eq!(chips[3].without.subsidiaries, sel.subsidiaries);
}

#[test]
fn an_index_built_in_steps_answers_like_one_built_at_once() {
    let (report, whole) = citic();
    for step in [1, 7, 1000] {
        let mut builder = IndexBuilder::new(&report);
        let mut calls = 0;
        while !builder.step(&report, step) {
            calls += 1;
            assert_eq!(builder.done(), calls * step);
        }
        let stepped = builder.finish();
        for query in ["", "customer service", "award"] {
            let (a, b) = (whole.search(query), stepped.search(query));
            assert_eq!(a, b);
            let sel = Selection {
                query: query.to_owned(),
                ..Selection::default()
            };
            assert_eq!(
                whole.query(&sel, &a),
                stepped.query(&sel, &b),
                "step {step}"
            );
        }
    }
}

#[test]
fn pages_clamp_and_describe_themselves() {
    let p = Page::of(3, 98_213, 50);
    assert_eq!((p.number, p.count, p.start, p.end), (3, 1965, 100, 150));
    assert_eq!(p.describe(98_213), "Showing 101–150 of 98,213");
    let last = Page::of(10_000, 98_213, 50);
    assert_eq!((last.number, last.start, last.end), (1965, 98_200, 98_213));
    assert_eq!(Page::of(0, 7, 50).describe(7), "Showing all 7");
    assert_eq!(
        Page::of(2, 0, 50),
        Page {
            number: 1,
            count: 1,
            start: 0,
            end: 0
        }
    );
    assert_eq!(Page::of(1, 0, 50).describe(0), "Nothing to show");
}

#[test]
fn page_in_the_url_round_trips_and_bad_pages_are_named() {
    let (_, index) = citic();
    let (sel, notices) = decode(params(&[("page", "4")]), &index);
    assert_eq!(sel.page, 4);
    assert!(notices.is_empty());
    assert!(encode(&sel).contains(&("page", Some("4".to_owned()))));
    let (sel, _) = decode(params(&[("page", "1")]), &index);
    assert_eq!(sel, Selection::default());
    for bad in ["0", "-2", "two", "1.5"] {
        let (sel, notices) = decode(params(&[("page", bad)]), &index);
        assert_eq!(sel.page, 0);
        assert_eq!(
            notices,
            [format!(
                "Ignored page `{bad}`: expected a page number from 1."
            )]
        );
    }
    let mut other = sel.clone();
    other.page = 9;
    other.view = View::Timeline;
    assert!(sel.same_results(&other));
    other.query = "award".into();
    assert!(!sel.same_results(&other));
}

#[test]
fn a_blank_search_in_the_url_is_no_search_and_round_trips() {
    let (_, index) = citic();
    for blank in ["", " ", "  \t "] {
        let (sel, notices) = decode(params(&[("q", blank)]), &index);
        assert_eq!(sel, Selection::default(), "q={blank:?}");
        assert!(notices.is_empty());
        assert!(encode(&sel).contains(&("q", None)));
    }
    // A real search keeps its spaces as typed.
    let (sel, _) = decode(params(&[("q", " quick ")]), &index);
    assert_eq!(sel.query, " quick ");
}

#[test]
fn latin_letters_without_a_decomposition_are_found_and_highlighted_whole() {
    let report = load_report(include_str!("e2e/fixtures/text.json"))
        .unwrap()
        .report;
    let index = Index::new(&report);
    for (query, title, marked) in [
        ("lodz", "Branch opened in Łódź", "Łódź"),
        ("orsted", "Ørsted partnership award", "Ørsted"),
        ("strasse", "Office on Hauptstraße", "straße"),
        ("aebelo", "Clean-up on Æbelø", "Æbelø"),
        ("da nang", "Service desk in Đà Nẵng", "Đà Nẵng"),
    ] {
        let sel = Selection {
            query: query.into(),
            ..Selection::default()
        };
        let res = index.query(&sel, &index.search(query));
        let titles: Vec<&str> = res
            .entries
            .iter()
            .map(|&i| report.entries[i].title.as_str())
            .collect();
        assert_eq!(titles, [title], "{query}");
        let segments = report_explorer::core::text::highlight(title, &query_words(query));
        let hits: Vec<&str> = segments
            .iter()
            .filter(|s| s.hit)
            .map(|s| s.text.as_str())
            .collect();
        let want: Vec<&str> = marked.split(' ').collect();
        assert_eq!(hits, want, "{query}");
    }
}
