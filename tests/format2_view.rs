//! Component tests of format 2 in a real browser: the subsidiary facet under division headings
//! (a heading selects its subsidiaries), a shared entry counted under each subsidiary, and the
//! card's subsidiaries, countries and page link.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Four entries; e1 is shared by Build (its lead) and Bank.
const REPORT: &str = r#"{
  "format": "report-explorer/2",
  "report": { "organisation": "Acme", "title": "Acme 2023 Report", "period": "2023",
              "source": { "document": "Acme 2023 Report", "url": "https://example.com/acme.pdf" } },
  "divisions": [ { "id": "finance", "name": "Finance" }, { "id": "works", "name": "Works" } ],
  "subsidiaries": [ { "id": "acme", "name": "Acme Group" },
                    { "id": "acme-bank", "name": "Acme Bank", "division": "finance" },
                    { "id": "acme-build", "name": "Acme Build", "division": "works" },
                    { "id": "acme-mine", "name": "Acme Mine", "division": "works" } ],
  "categories": [ { "id": "planet", "name": "Planet" } ],
  "entries": [
    { "id": "e1", "kind": "partnership", "title": "Shore power", "summary": "Agreed.",
      "subsidiaries": ["acme-build", "acme-bank"], "categories": ["planet"],
      "countries": ["Poland", "Vietnam"],
      "source": { "section": "Planet", "passage": "Agreed.", "page": "45" } },
    { "id": "e2", "kind": "kpi", "title": "Emissions", "summary": "Fell.",
      "subsidiaries": ["acme-bank"], "categories": ["planet"],
      "source": { "section": "Planet", "passage": "Fell.", "page": "iv" } },
    { "id": "e3", "kind": "target", "title": "Net zero", "summary": "By 2050.",
      "subsidiaries": ["acme-mine"], "categories": ["planet"],
      "source": { "section": "Planet", "passage": "By 2050." } },
    { "id": "e4", "kind": "incident", "title": "Spill", "summary": "A spill.",
      "subsidiaries": ["acme"], "categories": ["planet"],
      "source": { "section": "Planet", "passage": "A spill.", "url": "https://example.com/spill" } }
  ]
}"#;

/// The subsidiary facet as shown: division headings (`# name`) and `token count` rows.
fn subsidiary_facet(root: &web_sys::Element) -> Vec<String> {
    all(root, "[data-facet=sub] li")
        .iter()
        .map(|li| {
            if li.class_list().contains("facet-group-head") {
                format!("# {}", li.text_content().unwrap().trim())
            } else {
                let input: web_sys::Element = find(li, "input[type=checkbox]");
                format!(
                    "{} {}",
                    input.get_attribute("data-token").unwrap(),
                    text(li, ".facet-count")
                )
            }
        })
        .collect()
}

#[wasm_bindgen_test]
async fn subsidiaries_are_listed_under_their_divisions_and_a_heading_selects_them() {
    let view = mount_report(REPORT);
    let root = &view.root;
    assert_eq!(text(root, "[data-testid=entry-count]"), "4 of 4 entries");
    assert_eq!(
        subsidiary_facet(root),
        [
            "acme 1",
            "# Finance",
            "acme-bank 2",
            "# Works",
            "acme-build 1",
            "acme-mine 1"
        ]
    );
    // The new kinds are values of the kind facet.
    let kinds: Vec<String> = all(root, "[data-facet=kind] input[type=checkbox]")
        .iter()
        .map(|i| i.get_attribute("data-token").unwrap())
        .collect();
    assert_eq!(kinds, ["target", "incident", "partnership", "kpi"]);

    let works: web_sys::HtmlElement = all(root, "[data-facet=sub] button.facet-group")
        .into_iter()
        .find(|b| b.text_content().unwrap().contains("Works"))
        .map(wasm_bindgen::JsCast::unchecked_into)
        .expect("a Works heading");
    works.click();
    tick().await;
    assert_eq!(text(root, "[data-testid=entry-count]"), "2 of 4 entries");
    assert!(url_query().contains("acme-build"), "{}", url_query());
    assert!(url_query().contains("acme-mine"), "{}", url_query());
    assert_eq!(works.get_attribute("aria-pressed").as_deref(), Some("true"));
    // Pressed again, it clears them.
    works.click();
    tick().await;
    assert_eq!(text(root, "[data-testid=entry-count]"), "4 of 4 entries");
}

#[wasm_bindgen_test]
async fn a_card_shows_every_subsidiary_its_countries_and_its_page() {
    let view = mount_report(REPORT);
    let root = &view.root;
    let card: web_sys::Element = find(root, "[data-testid=entry][data-id=e1]");
    assert_eq!(
        text(&card, ".subsidiary"),
        "Acme Build (Works), Acme Bank (Finance)"
    );
    assert_eq!(text(&card, ".countries"), "Poland, Vietnam");
    let page: web_sys::Element = find(&card, "[data-testid=page-ref]");
    assert_eq!(page.text_content().unwrap().trim(), "p. 45");
    assert_eq!(
        page.get_attribute("href").as_deref(),
        Some("https://example.com/acme.pdf#page=45")
    );
    assert_eq!(page.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(
        page.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    // A page that is not a number has no link; a passage's own address links without a page.
    let e2: web_sys::Element = find(root, "[data-testid=entry][data-id=e2]");
    let page: web_sys::Element = find(&e2, "[data-testid=page-ref]");
    assert_eq!(page.tag_name(), "SPAN");
    assert_eq!(page.text_content().unwrap().trim(), "p. iv");
    let e4: web_sys::Element = find(root, "[data-testid=entry][data-id=e4]");
    let page: web_sys::Element = find(&e4, "[data-testid=page-ref]");
    assert_eq!(
        page.get_attribute("href").as_deref(),
        Some("https://example.com/spill")
    );
    assert_eq!(
        all(
            root,
            "[data-testid=entry][data-id=e3] [data-testid=page-ref]"
        )
        .len(),
        0
    );
}

#[wasm_bindgen_test]
async fn the_detail_lists_every_subsidiary_with_its_division_and_links_the_page() {
    let view = mount_report(REPORT);
    let root = &view.root;
    let open: web_sys::HtmlElement = find(root, "[data-testid=entry][data-id=e1] a.entry-open");
    open.click();
    until("the detail opens", || {
        !all(root, "[data-testid=entry-detail]").is_empty()
    })
    .await;
    let detail: web_sys::Element = find(root, "[data-testid=entry-detail]");
    let fields = text(&detail, ".detail-fields");
    assert!(
        fields.contains("Subsidiaries")
            && fields.contains("Acme Build (Works), Acme Bank (Finance)"),
        "{fields}"
    );
    assert!(
        fields.contains("Countries") && fields.contains("Poland, Vietnam"),
        "{fields}"
    );
    let links = all(&detail, "a.detail-subsidiary");
    assert_eq!(links.len(), 2);
    assert!(links[1]
        .get_attribute("href")
        .unwrap()
        .contains("sub=acme-bank"));
    let page: web_sys::Element = find(&detail, "figcaption [data-testid=page-ref]");
    assert_eq!(
        page.get_attribute("href").as_deref(),
        Some("https://example.com/acme.pdf#page=45")
    );
    assert_eq!(
        page.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
}
