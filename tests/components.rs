//! Component tests of interactions in a real browser: real clicks and input events on the
//! explorer's facets, search, chips and pager, checking counts, lists, focus and the URL.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Eight entries over three subsidiaries, categories, kinds and years:
///
/// | entry | subsidiary | category  | kind    | year |
/// |-------|------------|-----------|---------|------|
/// | e1    | bank       | customers | award   | 2021 |
/// | e2    | bank       | customers | service | 2021 |
/// | e3    | bank       | people    | award   | 2020 |
/// | e4    | build      | planet    | project | 2021 |
/// | e5    | build      | people    | award   | 2020 |
/// | e6    | mine       | planet    | project | 2019 |
/// | e7    | mine       | customers | service | 2021 |
/// | e8    | mine       | planet    | award   | 2020 |
///
/// Only e2 and e7 say "help"; only the bank's entries say "bank" (its name).
const REPORT: &str = r#"{
  "format": "report-explorer/1",
  "report": { "organisation": "Acme", "title": "Acme 2021 Report", "period": "2021",
              "source": { "document": "Acme 2021 Report" } },
  "subsidiaries": [ { "id": "acme-bank", "name": "Acme Bank" },
                    { "id": "acme-build", "name": "Acme Build" },
                    { "id": "acme-mine", "name": "Acme Mine" } ],
  "categories": [ { "id": "customers", "name": "Serving customers" },
                  { "id": "people", "name": "Our people" },
                  { "id": "planet", "name": "Caring for the planet" } ],
  "entries": [
    { "id": "e1", "kind": "award", "title": "Customer award", "summary": "Won a prize.",
      "subsidiary": "acme-bank", "categories": ["customers"], "date": "2021-03",
      "source": { "section": "Customers", "passage": "Won a prize." } },
    { "id": "e2", "kind": "service", "title": "Quick help desk", "summary": "A desk.",
      "subsidiary": "acme-bank", "categories": ["customers"], "date": "2021-05",
      "source": { "section": "Customers", "passage": "Opened a desk." } },
    { "id": "e3", "kind": "award", "title": "Employer award", "summary": "Won a prize.",
      "subsidiary": "acme-bank", "categories": ["people"], "date": "2020-02",
      "source": { "section": "People", "passage": "Won a prize." } },
    { "id": "e4", "kind": "project", "title": "Solar farm", "summary": "Built a farm.",
      "subsidiary": "acme-build", "categories": ["planet"], "date": "2021-07",
      "source": { "section": "Planet", "passage": "Built a farm." } },
    { "id": "e5", "kind": "award", "title": "Safety award", "summary": "Won a prize.",
      "subsidiary": "acme-build", "categories": ["people"], "date": "2020-08",
      "source": { "section": "People", "passage": "Won a prize." } },
    { "id": "e6", "kind": "project", "title": "Water plant", "summary": "Built a plant.",
      "subsidiary": "acme-mine", "categories": ["planet"], "date": "2019-04",
      "source": { "section": "Planet", "passage": "Built a plant." } },
    { "id": "e7", "kind": "service", "title": "Help line", "summary": "A phone line.",
      "subsidiary": "acme-mine", "categories": ["customers"], "date": "2021-11",
      "source": { "section": "Customers", "passage": "Opened a line." } },
    { "id": "e8", "kind": "award", "title": "Green award", "summary": "Won a prize.",
      "subsidiary": "acme-mine", "categories": ["planet"], "date": "2020-10",
      "source": { "section": "Planet", "passage": "Won a prize." } }
  ]
}"#;

/// Every facet's counts with nothing selected, as `(facet, [(token, count)])`.
const UNFILTERED: [(&str, &[(&str, usize)]); 4] = [
    (
        "sub",
        &[("acme-bank", 3), ("acme-build", 2), ("acme-mine", 3)],
    ),
    ("cat", &[("customers", 3), ("people", 2), ("planet", 3)]),
    ("kind", &[("award", 4), ("service", 2), ("project", 2)]),
    ("year", &[("2021", 4), ("2020", 3), ("2019", 1)]),
];

/// A report of `n` entries (`p000`, `p001`, ...), for paging.
fn long_report(n: usize) -> String {
    let entries = (0..n)
        .map(|i| {
            format!(
                r#"{{ "id": "p{i:03}", "kind": "initiative", "title": "Initiative {i}",
                     "summary": "Number {i}.", "subsidiary": "acme-bank",
                     "categories": ["customers"],
                     "source": {{ "section": "Customers", "passage": "Number {i}." }} }}"#
            )
        })
        .collect::<Vec<_>>()
        .join(",");
    format!(
        r#"{{ "format": "report-explorer/1",
              "report": {{ "organisation": "Acme", "title": "Long", "period": "2021",
                           "source": {{ "document": "Long" }} }},
              "subsidiaries": [ {{ "id": "acme-bank", "name": "Acme Bank" }} ],
              "categories": [ {{ "id": "customers", "name": "Serving customers" }} ],
              "entries": [{entries}] }}"#
    )
}

/// One facet's listed values with their counts, in the order shown.
fn counts(root: &web_sys::Element, facet: &str) -> Vec<(String, usize)> {
    all(root, &format!("[data-facet={facet}] li.facet-value"))
        .iter()
        .map(|li| {
            let input: web_sys::Element = find(li, "input[type=checkbox]");
            let count = text(li, ".facet-count");
            (
                input.get_attribute("data-token").unwrap(),
                count
                    .parse()
                    .unwrap_or_else(|_| panic!("count {count:?} in {facet}")),
            )
        })
        .collect()
}

/// Asserts every facet's counts (`(facet, [(token, count)])`).
fn assert_counts(root: &web_sys::Element, expected: &[(&str, &[(&str, usize)])]) {
    for (facet, values) in expected {
        let want: Vec<(String, usize)> = values.iter().map(|(t, n)| (t.to_string(), *n)).collect();
        assert_eq!(counts(root, facet), want, "counts of facet {facet}");
    }
}

/// The ids of the listed result cards, in order.
fn listed(root: &web_sys::Element) -> Vec<String> {
    all(root, "[data-testid=entry]")
        .iter()
        .map(|e| e.get_attribute("data-id").unwrap())
        .collect()
}

/// The checkbox of one facet value.
fn checkbox(root: &web_sys::Element, facet: &str, token: &str) -> web_sys::HtmlInputElement {
    find(
        root,
        &format!("[data-facet={facet}] input[type=checkbox][data-token=\"{token}\"]"),
    )
}

/// The labels of the filter chips shown.
fn chip_labels(root: &web_sys::Element) -> Vec<String> {
    all(root, "[data-testid=chips] button.chip")
        .iter()
        .map(|c| c.text_content().unwrap().replace(" ×", ""))
        .collect()
}

/// The chip with this label.
fn chip(root: &web_sys::Element, label: &str) -> web_sys::HtmlElement {
    all(root, "[data-testid=chips] button.chip")
        .into_iter()
        .find(|c| c.text_content().unwrap().replace(" ×", "") == label)
        .unwrap_or_else(|| panic!("no chip {label:?} in {:?}", chip_labels(root)))
        .unchecked_into()
}

/// Uses a control as a keyboard user does: focus it, then activate it (Space or Enter end
/// in a click), then wait for the view to update.
async fn press(control: &web_sys::HtmlElement) {
    control.focus().unwrap();
    assert!(
        has_focus(control),
        "{} took no focus",
        describe(Some(control))
    );
    control.click();
    tick().await;
}

/// Asserts that the focused element is `expected` (the very same node).
fn assert_focus(expected: &web_sys::Element, after: &str) {
    assert!(
        has_focus(expected),
        "after {after}, focus is on {} instead of {}",
        describe(active().as_ref()),
        describe(Some(expected))
    );
}

#[wasm_bindgen_test]
async fn facet_toggle_updates_result_count_list_and_other_facets() {
    let view = mount_report(REPORT);
    let root = &view.root;
    assert_eq!(text(root, "[data-testid=entry-count]"), "8 of 8 entries");
    assert_eq!(listed(root).len(), 8);
    assert_counts(root, &UNFILTERED);

    checkbox(root, "sub", "acme-bank").click();
    tick().await;
    assert!(checkbox(root, "sub", "acme-bank").checked());
    assert_eq!(text(root, "[data-testid=entry-count]"), "3 of 8 entries");
    assert_eq!(listed(root), ["e1", "e2", "e3"]);
    assert_counts(
        root,
        &[
            // A facet's own selection does not narrow its counts.
            (
                "sub",
                &[("acme-bank", 3), ("acme-build", 2), ("acme-mine", 3)],
            ),
            ("cat", &[("customers", 2), ("people", 1), ("planet", 0)]),
            ("kind", &[("award", 2), ("service", 1), ("project", 0)]),
            ("year", &[("2021", 2), ("2020", 1), ("2019", 0)]),
        ],
    );
    // A value that would give nothing cannot be chosen.
    assert!(checkbox(root, "cat", "planet").disabled());
    assert!(!checkbox(root, "cat", "people").disabled());

    checkbox(root, "kind", "award").click();
    tick().await;
    assert_eq!(text(root, "[data-testid=entry-count]"), "2 of 8 entries");
    assert_eq!(listed(root), ["e1", "e3"]);
    assert_counts(
        root,
        &[
            (
                "sub",
                &[("acme-bank", 2), ("acme-build", 1), ("acme-mine", 1)],
            ),
            ("cat", &[("customers", 1), ("people", 1), ("planet", 0)]),
            ("kind", &[("award", 2), ("service", 1), ("project", 0)]),
            ("year", &[("2021", 1), ("2020", 1), ("2019", 0)]),
        ],
    );

    // Toggling both back restores everything.
    checkbox(root, "kind", "award").click();
    tick().await;
    assert_eq!(text(root, "[data-testid=entry-count]"), "3 of 8 entries");
    checkbox(root, "sub", "acme-bank").click();
    tick().await;
    assert!(!checkbox(root, "sub", "acme-bank").checked());
    assert_eq!(text(root, "[data-testid=entry-count]"), "8 of 8 entries");
    assert_eq!(
        listed(root),
        ["e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8"]
    );
    assert_counts(root, &UNFILTERED);
    assert!(!checkbox(root, "cat", "planet").disabled());
}

#[wasm_bindgen_test]
async fn a_change_event_alone_toggles_a_facet() {
    // Assistive technology may set the box and send `change` without a click.
    let view = mount_report(REPORT);
    let root = &view.root;
    let planet = checkbox(root, "cat", "planet");
    planet.set_checked(true);
    fire(&planet, "change");
    tick().await;
    assert_eq!(text(root, "[data-testid=entry-count]"), "3 of 8 entries");
    assert_eq!(listed(root), ["e4", "e6", "e8"]);
    assert_eq!(
        counts(root, "sub"),
        [
            ("acme-bank".to_owned(), 0),
            ("acme-build".to_owned(), 1),
            ("acme-mine".to_owned(), 2)
        ]
    );
}

#[wasm_bindgen_test]
async fn focus_stays_on_the_facet_checkbox_used() {
    let view = mount_report(REPORT);
    let root = &view.root;
    let bank = checkbox(root, "sub", "acme-bank");
    press(&bank).await;
    assert_eq!(text(root, "[data-testid=entry-count]"), "3 of 8 entries");
    assert_focus(&bank, "checking Acme Bank");
    // Another facet's value, then back off: focus follows the control each time.
    let award = checkbox(root, "kind", "award");
    press(&award).await;
    assert_eq!(text(root, "[data-testid=entry-count]"), "2 of 8 entries");
    assert_focus(&award, "checking Award");
    press(&award).await;
    assert_focus(&award, "unchecking Award");
    press(&bank).await;
    assert_eq!(text(root, "[data-testid=entry-count]"), "8 of 8 entries");
    assert_focus(&bank, "unchecking Acme Bank");
    // Still the box in the page, not a detached copy.
    assert!(checkbox(root, "sub", "acme-bank").is_same_node(Some(&bank)));
}

#[wasm_bindgen_test]
async fn typing_a_search_keeps_focus_and_updates_results_chip_and_url() {
    let view = mount_report(REPORT);
    let root = &view.root;
    let search: web_sys::HtmlInputElement = find(root, "[data-testid=search]");
    search.focus().unwrap();
    let count = || text(root, "[data-testid=entry-count]");

    search.set_value("help");
    fire(&search, "input");
    until("the search for help", || count() == "2 of 8 entries").await;
    // Both say it in the title: newest first.
    assert_eq!(listed(root), ["e7", "e2"]);
    assert_eq!(chip_labels(root), ["Search: “help”"]);
    assert_eq!(url_query(), "?q=help");
    assert_counts(
        root,
        &[(
            "sub",
            &[("acme-bank", 1), ("acme-build", 0), ("acme-mine", 1)],
        )],
    );
    assert_focus(&search, "typing `help`");
    assert_eq!(search.value(), "help");

    // A new search replaces the chip's words.
    search.set_value("bank");
    fire(&search, "input");
    until("the search for bank", || count() == "3 of 8 entries").await;
    assert_eq!(listed(root), ["e2", "e1", "e3"]);
    assert_eq!(chip_labels(root), ["Search: “bank”"]);
    assert_eq!(url_query(), "?q=bank");
    assert_focus(&search, "typing `bank`");

    // Emptying the box ends the search.
    search.set_value("");
    fire(&search, "input");
    until("the search to end", || count() == "8 of 8 entries").await;
    assert!(chip_labels(root).is_empty());
    assert_eq!(url_query(), "");
    assert_focus(&search, "emptying the search box");
}

#[wasm_bindgen_test]
async fn paging_keeps_focus_on_the_page_link_used_or_the_one_going_back() {
    let view = mount_report(&long_report(120));
    let root = &view.root;
    let status = || text(root, "[data-testid=page-status]");
    let link =
        |name: &str| find::<web_sys::HtmlElement>(root, &format!("[data-testid=page-{name}]"));
    let (first, previous, next, last) =
        (link("first"), link("previous"), link("next"), link("last"));
    assert_eq!(status(), "Showing 1–50 of 120 (page 1 of 3)");
    assert_eq!(
        previous.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );

    press(&next).await;
    assert_eq!(status(), "Showing 51–100 of 120 (page 2 of 3)");
    let ids = listed(root);
    assert_eq!(ids.len(), 50);
    assert_eq!((ids[0].as_str(), ids[49].as_str()), ("p050", "p099"));
    assert_eq!(url_query(), "?page=2");
    assert_focus(&next, "going to page 2 with Next");

    // Previous is disabled on page 1 (it has no address, so it cannot keep focus):
    // focus moves to Next, not to the page.
    press(&previous).await;
    assert_eq!(status(), "Showing 1–50 of 120 (page 1 of 3)");
    assert_eq!(listed(root)[0], "p000");
    assert_eq!(url_query(), "");
    assert_eq!(
        previous.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert_focus(&next, "going back to page 1 with Previous");

    // Last from page 1: Previous had no address when Last was used, and has one now.
    press(&last).await;
    assert_eq!(status(), "Showing 101–120 of 120 (page 3 of 3)");
    assert_eq!(listed(root).len(), 20);
    assert_eq!(url_query(), "?page=3");
    assert_eq!(last.get_attribute("aria-disabled").as_deref(), Some("true"));
    assert_focus(&previous, "going to the last page with Last");

    press(&previous).await;
    assert_eq!(status(), "Showing 51–100 of 120 (page 2 of 3)");
    assert_focus(&previous, "going to page 2 with Previous");

    press(&first).await;
    assert_eq!(status(), "Showing 1–50 of 120 (page 1 of 3)");
    assert_focus(&next, "going to the first page with First");
}

#[wasm_bindgen_test]
async fn removing_a_chip_removes_only_its_filter_and_focuses_the_next_control() {
    let view = mount_report(REPORT);
    let root = &view.root;
    checkbox(root, "sub", "acme-bank").click();
    tick().await;
    assert_eq!(chip_labels(root), ["Subsidiary: Acme Bank"]);
    checkbox(root, "kind", "award").click();
    tick().await;
    assert_eq!(text(root, "[data-testid=entry-count]"), "2 of 8 entries");
    assert_eq!(chip_labels(root), ["Subsidiary: Acme Bank", "Kind: Award"]);

    // The subsidiary's chip was made before the kind was chosen: removing it must keep
    // the kind.
    let award_chip = chip(root, "Kind: Award");
    press(&chip(root, "Subsidiary: Acme Bank")).await;
    assert_eq!(chip_labels(root), ["Kind: Award"]);
    assert_eq!(text(root, "[data-testid=entry-count]"), "4 of 8 entries");
    assert_eq!(listed(root), ["e1", "e3", "e5", "e8"]);
    assert!(!checkbox(root, "sub", "acme-bank").checked());
    assert!(checkbox(root, "kind", "award").checked());
    assert_eq!(url_query(), "?kind=award");
    assert_counts(
        root,
        &[(
            "sub",
            &[("acme-bank", 2), ("acme-build", 1), ("acme-mine", 1)],
        )],
    );
    assert_focus(&award_chip, "removing the first of two chips");

    // The last chip: focus goes to the search box.
    press(&award_chip).await;
    assert!(chip_labels(root).is_empty());
    assert!(all(root, "[data-testid=clear-all]").is_empty());
    assert_eq!(text(root, "[data-testid=entry-count]"), "8 of 8 entries");
    assert_counts(root, &UNFILTERED);
    assert_eq!(url_query(), "");
    assert_focus(
        &find::<web_sys::Element>(root, "[data-testid=search]"),
        "removing the last chip",
    );
}

#[wasm_bindgen_test]
async fn removing_the_last_of_several_chips_focuses_the_one_before() {
    let view = mount_report(REPORT);
    let root = &view.root;
    checkbox(root, "sub", "acme-mine").click();
    tick().await;
    checkbox(root, "year", "2020").click();
    tick().await;
    assert_eq!(chip_labels(root), ["Subsidiary: Acme Mine", "Year: 2020"]);
    assert_eq!(listed(root), ["e8"]);
    let mine_chip = chip(root, "Subsidiary: Acme Mine");
    press(&chip(root, "Year: 2020")).await;
    assert_eq!(chip_labels(root), ["Subsidiary: Acme Mine"]);
    assert_eq!(listed(root), ["e6", "e7", "e8"]);
    assert_eq!(url_query(), "?sub=acme-mine");
    assert_focus(&mine_chip, "removing the last chip of two");
}

#[wasm_bindgen_test]
async fn clear_all_removes_every_filter_and_focuses_the_search_box() {
    let view = mount_report(REPORT);
    let root = &view.root;
    checkbox(root, "cat", "people").click();
    tick().await;
    checkbox(root, "kind", "award").click();
    tick().await;
    assert_eq!(text(root, "[data-testid=entry-count]"), "2 of 8 entries");
    press(&find(root, "[data-testid=clear-all]")).await;
    assert!(chip_labels(root).is_empty());
    assert_eq!(text(root, "[data-testid=entry-count]"), "8 of 8 entries");
    assert_counts(root, &UNFILTERED);
    assert_eq!(url_query(), "");
    assert_focus(
        &find::<web_sys::Element>(root, "[data-testid=search]"),
        "Clear all",
    );
}

#[wasm_bindgen_test]
async fn a_toggle_writes_the_url_query_and_back_undoes_it() {
    let view = mount_report(REPORT);
    let root = &view.root;
    assert_eq!(url_query(), "");
    checkbox(root, "sub", "acme-bank").click();
    tick().await;
    assert_eq!(url_query(), "?sub=acme-bank");
    checkbox(root, "kind", "award").click();
    tick().await;
    assert_eq!(url_query(), "?sub=acme-bank&kind=award");
    checkbox(root, "sub", "acme-build").click();
    tick().await;
    assert_eq!(url_query(), "?sub=acme-bank%2Cacme-build&kind=award");
    assert_eq!(text(root, "[data-testid=entry-count]"), "3 of 8 entries");

    // Each toggle was a history step: Back undoes the last one.
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
    until("Back to undo the last toggle", || {
        url_query() == "?sub=acme-bank&kind=award"
            && text(root, "[data-testid=entry-count]") == "2 of 8 entries"
    })
    .await;
    assert!(!checkbox(root, "sub", "acme-build").checked());
    assert!(checkbox(root, "sub", "acme-bank").checked());
    assert_eq!(listed(root), ["e1", "e3"]);
}

#[wasm_bindgen_test]
async fn a_facet_clear_button_clears_its_facet_and_keeps_focus_in_the_facet() {
    let view = mount_report(REPORT);
    let root = &view.root;
    checkbox(root, "sub", "acme-bank").click();
    tick().await;
    checkbox(root, "sub", "acme-mine").click();
    tick().await;
    checkbox(root, "kind", "project").click();
    tick().await;
    assert_eq!(listed(root), ["e6"]);
    let clear: web_sys::HtmlButtonElement = find(root, "[data-testid=clear-sub]");
    assert!(!clear.disabled());
    press(&clear).await;
    assert_eq!(listed(root), ["e4", "e6"]);
    assert_eq!(url_query(), "?kind=project");
    assert_eq!(chip_labels(root), ["Kind: Project"]);
    // The button is disabled once its facet has nothing selected.
    assert!(clear.disabled());
    // Focus moves to the facet's first value that can be chosen rather than to the page
    // (Acme Bank has no project, so its box is disabled).
    assert!(checkbox(root, "sub", "acme-bank").disabled());
    assert_focus(
        &checkbox(root, "sub", "acme-build"),
        "clearing the subsidiary facet",
    );
}
