//! The Print action in a real browser: the button renders the print document and calls
//! `window.print()`, `afterprint` removes it, `beforeprint` (the browser's own command)
//! renders it again, and disposing the explorer removes it and its listeners.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use report_explorer::app::listen::live;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::js_sys::Reflect;

wasm_bindgen_test_configure!(run_in_browser);

const REPORT: &str = r#"{
  "format": "report-explorer/1",
  "report": { "organisation": "Acme", "title": "Acme 2021 Report", "period": "2021",
              "source": { "document": "Acme 2021 Report" } },
  "subsidiaries": [ { "id": "acme-bank", "name": "Acme Bank" } ],
  "categories": [ { "id": "customers", "name": "Serving customers" } ],
  "entries": [
    { "id": "a", "kind": "award", "title": "Best Bank", "summary": "Named best bank.",
      "subsidiary": "acme-bank", "categories": ["customers"], "date": "2021-09",
      "metrics": [ { "label": "Satisfaction", "value": 92, "unit": "%", "qualifier": "over" } ],
      "source": { "section": "Customers", "passage": "Acme Bank was named best bank." } },
    { "id": "b", "kind": "service", "title": "Quick help", "summary": "Faster help.",
      "subsidiary": "acme-bank", "categories": ["customers"], "date": "2020",
      "source": { "section": "Customers", "passage": "We launched Quick help." } }
  ]
}"#;

/// The print documents in the page.
fn print_documents() -> Vec<web_sys::Element> {
    all(&document().body().unwrap(), ".print-document")
}

/// Whether the root is marked as printing (then `style/print.css` prints only the document).
fn printing() -> bool {
    document()
        .document_element()
        .unwrap()
        .has_attribute("data-printing")
}

fn fire_on_window(kind: &str) {
    let event = web_sys::Event::new(kind).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn print_renders_the_document_for_printing_only() {
    let before = live();
    let window = web_sys::window().unwrap();
    // window.print() would open a dialog: count calls instead.
    let calls = Rc::new(Cell::new(0));
    let counted = calls.clone();
    let stub = Closure::<dyn Fn()>::new(move || counted.set(counted.get() + 1));
    let original = Reflect::get(&window, &"print".into()).unwrap();
    Reflect::set(&window, &"print".into(), stub.as_ref().unchecked_ref()).unwrap();

    let mounted = mount_report(REPORT);
    until("the list", || {
        mounted
            .root
            .query_selector("[data-testid=print]")
            .unwrap()
            .is_some()
    })
    .await;
    assert!(
        print_documents().is_empty(),
        "nothing to print before printing"
    );

    let button: web_sys::HtmlElement = find(&mounted.root, "[data-testid=print]");
    assert_eq!(button.text_content().unwrap(), "Print");
    button.click();
    assert_eq!(calls.get(), 1, "the button calls window.print()");
    let docs = print_documents();
    assert_eq!(docs.len(), 1);
    assert!(
        printing(),
        "the root is marked while the document is in the page"
    );
    let doc = &docs[0];
    assert_eq!(text(doc, "h1"), "Acme 2021 Report");
    assert_eq!(all(doc, ".print-entry").len(), 2);
    let provenance = text(doc, ".print-provenance");
    assert!(provenance.contains("none (all entries)"), "{provenance}");
    assert!(provenance.contains("2 of 2 entries"), "{provenance}");
    assert!(text(doc, ".print-figures").contains("over 92%"));
    // No controls in the document, and charts as inline SVG.
    assert!(all(doc, "button, input, select, a, canvas, img").is_empty());
    assert!(!all(doc, ".print-svg > svg").is_empty());

    // After printing the document goes.
    fire_on_window("afterprint");
    assert!(print_documents().is_empty(), "removed after printing");
    assert!(!printing());

    // The browser's own print command (Ctrl+P) renders it too, once.
    fire_on_window("beforeprint");
    fire_on_window("beforeprint");
    assert_eq!(print_documents().len(), 1);

    // Disposing the explorer removes it and its listeners.
    drop(mounted);
    assert!(print_documents().is_empty(), "removed with the explorer");
    assert!(!printing());
    assert_eq!(live(), before, "listeners left after the explorer went");
    fire_on_window("beforeprint");
    assert!(
        print_documents().is_empty(),
        "no listener renders it any more"
    );

    Reflect::set(&window, &"print".into(), &original).unwrap();
    drop(stub);
}
