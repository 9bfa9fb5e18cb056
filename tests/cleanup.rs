//! Views remove what they attach to the browser: switching between the list, the charts and
//! the timeline, and disposing the app, leaves no listener or observer behind.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use gloo_timers::future::TimeoutFuture;
use report_explorer::app::listen::live;
use wasm_bindgen_test::*;

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
      "source": { "section": "Customers", "passage": "Acme Bank was named best bank." } },
    { "id": "b", "kind": "service", "title": "Quick help", "summary": "Faster help.",
      "subsidiary": "acme-bank", "categories": ["customers"], "date": "2020",
      "source": { "section": "Customers", "passage": "We launched Quick help." } }
  ]
}"#;

/// Points the page (and the router, through `popstate`) at `?view=<view>`.
fn go_to_view(view: &str) {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("?view={view}")),
        )
        .unwrap();
    let event = web_sys::Event::new("popstate").unwrap();
    window.dispatch_event(&event).unwrap();
}

/// Lets effects that observe elements run after a render.
async fn settle() {
    TimeoutFuture::new(50).await;
}

#[wasm_bindgen_test]
async fn switching_views_detaches_what_each_view_attached() {
    let before = live();
    let mounted = mount_report(REPORT);
    go_to_view("list");
    settle().await;
    let on_list = live();
    assert!(
        mounted
            .root
            .query_selector("[data-testid=entry]")
            .unwrap()
            .is_some(),
        "the list is shown"
    );

    go_to_view("charts");
    settle().await;
    let on_charts = live();
    assert!(
        mounted.root.query_selector("canvas").unwrap().is_some(),
        "the charts are shown"
    );
    assert!(
        on_charts > on_list,
        "the charts observe their width: {on_charts} vs {on_list}"
    );

    go_to_view("timeline");
    settle().await;
    let on_timeline = live();
    assert!(on_timeline > on_list, "the timeline observes its width");

    // Every switch attaches the same number and leaves nothing of the view before.
    for _ in 0..5 {
        go_to_view("list");
        settle().await;
        assert_eq!(live(), on_list, "left attached after leaving a view");
        go_to_view("charts");
        settle().await;
        assert_eq!(live(), on_charts, "attached again on the charts");
    }

    // Disposing the whole app detaches the rest.
    drop(mounted);
    assert_eq!(live(), before, "left attached after the app was disposed");
}
