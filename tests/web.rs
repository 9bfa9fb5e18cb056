//! Component tests in a real browser: mounting views renders the expected DOM.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{all, container, indexed, text};
use leptos::prelude::*;
use leptos_router::components::Router;
use report_explorer::app::{ErrorView, ReportView};
use report_explorer::core::load::{load_report, LoadError};
use report_explorer::core::source::LoadFailure;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const REPORT: &str = r#"{
  "format": "report-explorer/1",
  "report": { "organisation": "Acme", "title": "Acme 2021 Report", "period": "2021",
              "source": { "document": "Acme 2021 Report", "chapter": "Customers" } },
  "subsidiaries": [ { "id": "acme-bank", "name": "Acme Bank" } ],
  "categories": [ { "id": "customers", "name": "Serving customers" } ],
  "entries": [
    { "id": "a", "kind": "award", "title": "Best Bank", "summary": "Named best bank.",
      "subsidiary": "acme-bank", "categories": ["customers"], "date": "2021-09",
      "awarding_body": "Bank Weekly",
      "metrics": [ { "label": "Satisfaction", "value": 92, "unit": "%", "qualifier": "over" },
                   { "label": "Participants", "value": 15788, "unit": "participants" } ],
      "source": { "section": "Serving customers", "passage": "Acme Bank was named best bank." } },
    { "id": "b", "kind": "service", "title": "Quick help", "summary": "Faster help.",
      "subsidiary": "acme-bank", "categories": ["customers"],
      "source": { "section": "Serving customers", "passage": "We launched Quick help." } },
    { "id": "c", "kind": "service", "title": "Broken", "summary": "x",
      "subsidiary": "nobody", "categories": ["customers"],
      "source": { "section": "Serving customers", "passage": "x" } }
  ]
}"#;

#[wasm_bindgen_test]
fn report_view_lists_entries_with_figures_and_problems() {
    let root = container();
    let indexed = indexed(REPORT);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Router>
                <ReportView indexed/>
            </Router>
        }
    });
    assert_eq!(
        text(&root, "[data-testid=report-title]"),
        "Acme 2021 Report"
    );
    assert_eq!(
        text(&root, "[data-testid=report-period]"),
        "Reporting period: 2021"
    );
    assert_eq!(text(&root, "[data-testid=entry-count]"), "2 of 2 entries");
    let entries = all(&root, "[data-testid=entry]");
    assert_eq!(entries.len(), 2);
    let first = entries[0].text_content().unwrap();
    assert!(first.contains("Best Bank"), "{first}");
    assert!(first.contains("Acme Bank"), "{first}");
    assert!(first.contains("Sep 2021"), "{first}");
    assert!(first.contains("over 92%"), "{first}");
    assert!(first.contains("15,788 participants"), "{first}");
    assert!(first.contains("Awarded by Bank Weekly"), "{first}");
    assert_eq!(
        entries[0].get_attribute("data-kind").as_deref(),
        Some("award")
    );
    let time = entries[0].query_selector("time").unwrap().unwrap();
    assert_eq!(time.get_attribute("datetime").as_deref(), Some("2021-09"));
    let problems = text(&root, "[data-testid=problems]");
    assert!(problems.contains("1 item skipped"), "{problems}");
    assert!(
        problems.contains("entries[2].subsidiary: unknown subsidiary id `nobody`"),
        "{problems}"
    );
    drop(handle);
    assert!(all(&root, "[data-testid=entry]").is_empty());
}

#[wasm_bindgen_test]
fn error_view_shows_details_and_retries() {
    let root = container();
    let retries = Arc::new(AtomicUsize::new(0));
    let counter = retries.clone();
    let failure = LoadFailure::Load {
        url: "data/x.json".into(),
        error: LoadError::Syntax {
            line: 3,
            column: 12,
            message: "expected `:`".into(),
        },
    };
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let counter = counter.clone();
        view! {
            <ErrorView failure on_retry=move || {
                counter.fetch_add(1, Ordering::SeqCst);
            }/>
        }
    });
    let view = text(&root, "[data-testid=error-view]");
    assert!(view.contains("The report file is not valid JSON"), "{view}");
    assert!(view.contains("line 3, column 12"), "{view}");
    let button: web_sys::HtmlElement = root
        .query_selector("[data-testid=retry]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    button.click();
    assert_eq!(retries.load(Ordering::SeqCst), 2);
}

#[wasm_bindgen_test]
fn error_view_lists_validation_problems() {
    let root = container();
    // As the app does: the invalid report's problems placed at their lines and columns.
    let text = r#"{"format": "other/2", "report": {}, "subsidiaries": [], "categories": [], "entries": []}"#;
    let error = match load_report(text).unwrap_err() {
        LoadError::Invalid(mut problems) => {
            report_explorer::core::locate::place(text, &mut problems);
            LoadError::Invalid(problems)
        }
        other => other,
    };
    let failure = LoadFailure::Load {
        url: "data/x.json".into(),
        error,
    };
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <ErrorView failure on_retry=|| ()/> }
    });
    let items = all(&root, ".problem-list li");
    assert_eq!(items.len(), 1);
    assert_eq!(
        items[0].text_content().unwrap(),
        "data/x.json:1:12: error: format: unsupported format `other/2` (expected `report-explorer/2` or `report-explorer/1`)"
    );
}

#[wasm_bindgen_test]
async fn app_shows_loading_then_a_specific_error_for_a_missing_file() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), report_explorer::App);
    // The test page has no data/report.json, so the app must show the
    // loading state, then end on the error view.
    let mut saw_loading = false;
    for _ in 0..400 {
        saw_loading |= !all(&root, "[data-testid=loading]").is_empty();
        if !all(&root, "[data-testid=error-view]").is_empty() {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(5).await;
    }
    assert!(saw_loading, "the loading state never showed");
    let view = text(&root, "[data-testid=error-view]");
    assert!(view.contains("HTTP 404"), "{view}");
    assert!(view.contains("data/report.json"), "{view}");
    assert!(all(&root, "[data-testid=loading]").is_empty());
}
