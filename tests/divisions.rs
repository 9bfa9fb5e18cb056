//! Division headings of the subsidiary facet, decided by the core: `Divisions` (each division's
//! subsidiaries, built once per report) and the `Selection` operations a heading calls.
//! Selecting a division selects exactly its subsidiaries, deselecting removes only them,
//! "fully selected" holds only when every one is selected, and a report with 5,000
//! subsidiaries in 100 divisions is grouped in one pass (each subsidiary listed once).
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::ids::SubsidiaryId;
use report_explorer::core::load::load_report;
use report_explorer::core::model::Report;
use report_explorer::core::query::{Divisions, Facet, FacetValue, Index, Selection};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// A report with `divisions` divisions and `subsidiaries` subsidiaries: subsidiary `i` is in
/// division `i % divisions`, except every `loose_every`-th, which has none. Subsidiaries of
/// one division are spread over the whole list, so grouping them is not a matter of order.
fn report(divisions: usize, subsidiaries: usize, loose_every: usize) -> Report {
    let divs: Vec<Value> = (0..divisions)
        .map(|d| json!({ "id": format!("d{d}"), "name": format!("Division {d}") }))
        .collect();
    let subs: Vec<Value> = (0..subsidiaries)
        .map(|i| {
            if i.is_multiple_of(loose_every) {
                json!({ "id": format!("s{i}"), "name": format!("Sub {i}") })
            } else {
                json!({
                    "id": format!("s{i}"), "name": format!("Sub {i}"),
                    "division": format!("d{}", i % divisions)
                })
            }
        })
        .collect();
    let entries: Vec<Value> = (0..subsidiaries.min(200))
        .map(|i| {
            json!({
                "id": format!("e{i}"), "kind": "award", "title": format!("Entry {i}"),
                "summary": "S.", "subsidiaries": [format!("s{i}")], "categories": ["people"],
                "date": "2023", "source": { "section": "People", "passage": "P." }
            })
        })
        .collect();
    let v = json!({
        "format": "report-explorer/2",
        "report": {
            "organisation": "Acme Group", "title": "Acme 2023 Report", "period": "2023",
            "source": { "document": "Acme 2023 Report" }
        },
        "divisions": divs,
        "subsidiaries": subs,
        "categories": [{ "id": "people", "name": "People" }],
        "entries": entries
    });
    let loaded = load_report(&v.to_string()).expect("loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.report
}

fn ids(names: &[&str]) -> BTreeSet<SubsidiaryId> {
    names
        .iter()
        .map(|n| SubsidiaryId::new(n).unwrap())
        .collect()
}

fn members(divisions: &Divisions, d: usize) -> Vec<&str> {
    divisions.members(d).map(SubsidiaryId::as_str).collect()
}

/// The subsidiary facet's values.
fn subsidiary_values(index: &Index, sel: &Selection) -> Vec<FacetValue> {
    let result = index.query(sel, &index.search(""));
    let (_, values) = result
        .facets
        .into_iter()
        .find(|(f, _)| *f == Facet::Subsidiary)
        .unwrap();
    values
}

#[test]
fn selecting_a_division_selects_exactly_its_subsidiaries() {
    // 2 divisions, 7 subsidiaries: s0, s3, s6 loose; d0 = s2, s4; d1 = s1, s5.
    let r = report(2, 7, 3);
    let divisions = Divisions::new(&r);
    assert_eq!(divisions.len(), 2);
    assert_eq!(divisions.name(1), "Division 1");
    assert_eq!(members(&divisions, 0), ["s2", "s4"]);
    assert_eq!(members(&divisions, 1), ["s1", "s5"]);
    assert_eq!(
        members(&divisions, 2),
        Vec::<&str>::new(),
        "no such division"
    );

    let mut sel = Selection::default();
    sel.toggle(Facet::Category, "people");
    sel.toggle(Facet::Subsidiary, "s3");
    sel.select_division(&divisions, 1);
    assert_eq!(sel.subsidiaries, ids(&["s1", "s3", "s5"]));
    assert_eq!(
        sel.selected_count(Facet::Category),
        1,
        "other facets are kept"
    );
    // Selecting it again changes nothing.
    let before = sel.clone();
    sel.select_division(&divisions, 1);
    assert_eq!(sel, before);
}

#[test]
fn deselecting_a_division_removes_only_its_subsidiaries() {
    let r = report(2, 7, 3);
    let divisions = Divisions::new(&r);
    let mut sel = Selection::default();
    for token in ["s0", "s1", "s2", "s4", "s5"] {
        sel.toggle(Facet::Subsidiary, token);
    }
    sel.deselect_division(&divisions, 0);
    assert_eq!(sel.subsidiaries, ids(&["s0", "s1", "s5"]));
    // A division none of whose subsidiaries is selected: nothing changes.
    sel.deselect_division(&divisions, 0);
    assert_eq!(sel.subsidiaries, ids(&["s0", "s1", "s5"]));
}

#[test]
fn fully_selected_needs_every_subsidiary_of_the_division() {
    let r = report(2, 7, 3);
    let divisions = Divisions::new(&r);
    let mut sel = Selection::default();
    assert!(!sel.division_selected(&divisions, 0));
    sel.toggle(Facet::Subsidiary, "s2");
    assert!(
        !sel.division_selected(&divisions, 0),
        "one of two is partial"
    );
    // A partial division's heading selects the rest (as the heading always did).
    sel.toggle_division(&divisions, 0);
    assert_eq!(sel.subsidiaries, ids(&["s2", "s4"]));
    assert!(sel.division_selected(&divisions, 0));
    assert!(!sel.division_selected(&divisions, 1));
    // Other selected values do not spoil it.
    sel.toggle(Facet::Subsidiary, "s1");
    sel.toggle(Facet::Subsidiary, "s6");
    assert!(sel.division_selected(&divisions, 0));
    assert!(!sel.division_selected(&divisions, 1), "s5 is not selected");
    // A fully selected division's heading clears it, and only it.
    sel.toggle_division(&divisions, 0);
    assert_eq!(sel.subsidiaries, ids(&["s1", "s6"]));

    // A division without subsidiaries is never "fully selected".
    let empty = report(3, 2, 5); // s0 loose, s1 in d1: d0 and d2 are empty.
    let divisions = Divisions::new(&empty);
    assert!(!Selection::default().division_selected(&divisions, 0));
    assert!(!Selection::default().division_selected(&divisions, 2));
    let mut sel = Selection::default();
    sel.toggle_division(&divisions, 2);
    assert!(sel.subsidiaries.is_empty());
}

#[test]
fn the_facet_lists_subsidiaries_under_their_division_with_its_position() {
    let r = report(2, 7, 3);
    let index = Index::new(&r);
    let mut sel = Selection::default();
    sel.toggle_division(index.divisions(), 1);
    let listed: Vec<(String, Option<usize>, Option<String>, bool)> =
        subsidiary_values(&index, &sel)
            .into_iter()
            .map(|v| (v.token, v.division, v.group, v.selected))
            .collect();
    let row = |t: &str, d: Option<usize>, selected| {
        let group = d.map(|d| format!("Division {d}"));
        (t.to_owned(), d, group, selected)
    };
    assert_eq!(
        listed,
        [
            row("s0", None, false),
            row("s3", None, false),
            row("s6", None, false),
            row("s2", Some(0), false),
            row("s4", Some(0), false),
            row("s1", Some(1), true),
            row("s5", Some(1), true),
        ]
    );
}

#[test]
fn five_thousand_subsidiaries_in_a_hundred_divisions() {
    const DIVISIONS: usize = 100;
    const SUBSIDIARIES: usize = 5_000;
    // Every 7th subsidiary has no division: 715 loose, 4,285 in divisions, 42 or 43 each.
    const LOOSE: usize = 7;
    let r = report(DIVISIONS, SUBSIDIARIES, LOOSE);
    let division_of = |i: usize| (!i.is_multiple_of(LOOSE)).then_some(i % DIVISIONS);
    let index = Index::new(&r);
    let divisions = index.divisions();
    assert_eq!(divisions.len(), DIVISIONS);

    // The structure is one list per division holding each subsidiary once: its size is
    // subsidiaries + divisions, so what a heading does is proportional to its own members.
    let sizes: Vec<usize> = (0..DIVISIONS).map(|d| divisions.members(d).len()).collect();
    assert_eq!(sizes.iter().sum::<usize>(), 4_285);
    assert!(sizes.iter().all(|&n| n == 42 || n == 43), "{sizes:?}");
    let order = divisions.facet_order();
    assert_eq!(order.len(), SUBSIDIARIES);
    let mut seen = vec![false; SUBSIDIARIES];
    for &(i, d) in &order {
        assert!(!seen[i], "subsidiary {i} listed twice");
        seen[i] = true;
        assert_eq!(d, division_of(i));
    }
    // Each division's members are its own, in report order.
    let d37: Vec<String> = divisions.members(37).map(|id| id.to_string()).collect();
    let want: Vec<String> = (0..SUBSIDIARIES)
        .filter(|&i| division_of(i) == Some(37))
        .map(|i| format!("s{i}"))
        .collect();
    assert_eq!(d37, want);

    // A heading selects exactly its division, and is the only one fully selected.
    let mut sel = Selection::default();
    sel.toggle(Facet::Subsidiary, "s14"); // loose
    sel.toggle(Facet::Subsidiary, "s1"); // division 1
    sel.toggle_division(divisions, 37);
    let n37 = sizes[37];
    assert_eq!(sel.subsidiaries.len(), n37 + 2);
    let full: Vec<usize> = (0..DIVISIONS)
        .filter(|&d| sel.division_selected(divisions, d))
        .collect();
    assert_eq!(full, [37]);
    let values = subsidiary_values(&index, &sel);
    let selected: Vec<&str> = values
        .iter()
        .filter(|v| v.selected)
        .map(|v| v.token.as_str())
        .collect();
    assert_eq!(selected.len(), n37 + 2);
    assert!(values
        .iter()
        .filter(|v| v.division == Some(37))
        .all(|v| v.selected));
    sel.toggle_division(divisions, 37);
    assert_eq!(sel.subsidiaries, ids(&["s1", "s14"]));
}
