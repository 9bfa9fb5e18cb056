//! Browser component tests of year over year: a merged three-report catalogue from `core::synth_years` mounted in the explorer shows the Trends section, a figure's change in the entry detail, and the compare grid with marked differences.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use report_explorer::app::fetch::Indexed;
use report_explorer::core::query::Index;
use report_explorer::core::synth_years::merged_report;
use std::sync::Arc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Three reports (2018–2020) of 30 entries each, merged.
fn three_years() -> Indexed {
    let report = Arc::new(merged_report(
        "Meridian Holdings",
        &[2018, 2019, 2020],
        30,
        3,
    ));
    Indexed {
        index: Arc::new(Index::new(&report)),
        report,
        problems: Arc::new(Vec::new()),
        problem_files: None,
    }
}

/// Goes to `query` as a link would (history, then the router hears a popstate).
fn go_to(query: &str) {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(query))
        .unwrap();
    let event = web_sys::Event::new("popstate").unwrap();
    window.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn the_charts_view_shows_trends_for_several_reports() {
    let mounted = mount_indexed(three_years());
    let root: web_sys::Element = mounted.root.clone().into();
    go_to("?view=charts");
    until("the trends section", || {
        !all(&root, "[data-testid=trends]").is_empty()
    })
    .await;
    let options = all(&root, "[data-testid=trend-series] option");
    assert!(!options.is_empty());
    assert!(options.len() <= 50, "the chooser is bounded");
    until("the trend chart", || {
        !all(&root, "[data-testid=canvas-trend]").is_empty()
    })
    .await;
    // Typing narrows the chooser.
    let filter: web_sys::HtmlInputElement = find(&root, "[data-testid=trend-filter]");
    filter.set_value("brand rank");
    fire(&filter, "input");
    until("a narrowed chooser", || {
        let options = all(&root, "[data-testid=trend-series] option");
        !options.is_empty()
            && options
                .iter()
                .all(|o| o.text_content().unwrap_or_default().contains("Brand rank"))
    })
    .await;
    // The table alternative lists one row per report.
    let toggle: web_sys::HtmlElement = find(&root, "[data-testid=table-toggle-trend]");
    toggle.click();
    until("the trend table", || {
        all(&root, "[data-testid=table-trend] tbody tr").len() == 3
    })
    .await;
    assert!(text(&root, "[data-testid=table-trend]").contains("rank "));
}

#[wasm_bindgen_test]
async fn the_entry_detail_shows_a_change_against_the_previous_report() {
    let indexed = three_years();
    let report = indexed.report.clone();
    // The first stable subsidiary's key figures in 2020.
    let entry = report
        .entries
        .iter()
        .find(|e| e.id.as_str().ends_with("~key-meridian-holdings-2020"))
        .expect("a key-figure entry")
        .id
        .to_string();
    let mounted = mount_indexed(indexed);
    let root: web_sys::Element = mounted.root.clone().into();
    go_to(&format!("?entry={entry}"));
    until("the entry detail", || {
        !all(&root, "[data-testid=entry-detail]").is_empty()
    })
    .await;
    let changes: Vec<String> = all(&root, "[data-testid=figure-change]")
        .iter()
        .map(|c| c.text_content().unwrap_or_default())
        .collect();
    assert!(
        changes.iter().any(|c| c.contains("pp vs 2019")),
        "{changes:?}"
    );
    assert!(
        changes
            .iter()
            .any(|c| c.contains("rank ") && c.contains(" → ")),
        "{changes:?}"
    );
    // Water use changed unit from 2018 to 2019 but not since: the five series, plus water,
    // training hours (no `over` in 2020), never the score out of another maximum or the range.
    assert!(
        changes.len()
            < report
                .entries
                .iter()
                .find(|e| e.id.to_string() == entry)
                .unwrap()
                .metrics
                .len()
    );
}

#[wasm_bindgen_test]
async fn the_compare_view_marks_differences() {
    let mounted = mount_indexed(three_years());
    let root: web_sys::Element = mounted.root.clone().into();
    until("the compare tab", || {
        !all(&root, "[data-testid=view-compare]").is_empty()
    })
    .await;
    go_to("?view=compare&a=meridian-holdings-2018-en&b=nope");
    until("the compare grid", || {
        !all(&root, "[data-testid=compare-grid]").is_empty()
    })
    .await;
    assert!(text(&root, "[data-testid=compare-notice]").contains("`nope`"));
    let only_b = all(&root, "[data-testid=compare-cell][data-diff=only-b]");
    let only_a = all(&root, "[data-testid=compare-cell][data-diff=only-a]");
    assert!(!only_b.is_empty(), "the newcomer is only in B");
    assert!(!only_a.is_empty(), "the pilot category is only in A");
    // Marked by symbol and words, not colour alone.
    let label = only_b[0].get_attribute("aria-label").unwrap_or_default();
    assert!(label.contains("only in B"), "{label}");
    assert_eq!(
        only_b[0]
            .query_selector(".compare-mark")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "B"
    );
    // A cell filters the list by its subsidiary and category.
    let button: web_sys::HtmlElement = wasm_bindgen::JsCast::dyn_into(only_b[0].clone()).unwrap();
    button.click();
    until("the filtered list", || {
        url_query().contains("sub=") && url_query().contains("cat=")
    })
    .await;
    assert!(!url_query().contains("view=compare"));
}

#[wasm_bindgen_test]
async fn a_report_alone_has_no_trends_or_compare() {
    let json = report_explorer::core::synth_years::generate_catalogue("Acme", &[2020], 20, 1)
        .reports
        .remove(0)
        .text;
    let mounted = mount_report(&json);
    let root: web_sys::Element = mounted.root.clone().into();
    go_to("?view=charts");
    until("the charts", || {
        !all(&root, "[data-testid=charts]").is_empty()
    })
    .await;
    tick().await;
    assert!(all(&root, "[data-testid=trends]").is_empty());
    assert!(all(&root, "[data-testid=view-compare]").is_empty());
}

#[wasm_bindgen_test]
async fn trends_and_changes_speak_simplified_chinese() {
    use report_explorer::core::i18n::{Lang, ZH_HANS};
    let indexed = three_years();
    let entry = indexed
        .report
        .entries
        .iter()
        .find(|e| e.id.as_str().ends_with("~key-meridian-holdings-2020"))
        .expect("a key-figure entry")
        .id
        .to_string();
    let mounted = mount_indexed_in(indexed, Lang::ZhHans);
    let root: web_sys::Element = mounted.root.clone().into();
    go_to("?view=charts");
    until("the trends section", || {
        !all(&root, "[data-testid=trends]").is_empty()
    })
    .await;
    assert_eq!(text(&root, "#trends-heading"), ZH_HANS.years.section);
    assert!(text(&root, "[data-testid=trends]").contains(ZH_HANS.years.filter));
    go_to(&format!("?entry={entry}"));
    until("the entry detail", || {
        !all(&root, "[data-testid=entry-detail]").is_empty()
    })
    .await;
    let changes: Vec<String> = all(&root, "[data-testid=figure-change]")
        .iter()
        .map(|c| c.text_content().unwrap_or_default())
        .collect();
    assert!(
        changes
            .iter()
            .any(|c| c.contains(" 个百分点（较 2019 年）")),
        "{changes:?}"
    );
    assert!(
        changes
            .iter()
            .any(|c| c.contains("排名 第") && c.contains("（较 2019 年）")),
        "{changes:?}"
    );
    assert!(changes.iter().all(|c| !c.contains(" vs ")), "{changes:?}");
}

#[wasm_bindgen_test]
async fn the_compare_view_speaks_traditional_chinese() {
    use report_explorer::core::i18n::{Lang, ZH_HANT};
    let mounted = mount_indexed_in(three_years(), Lang::ZhHant);
    let root: web_sys::Element = mounted.root.clone().into();
    until("the compare tab", || {
        !all(&root, "[data-testid=view-compare]").is_empty()
    })
    .await;
    go_to("?view=compare&a=meridian-holdings-2018-en&b=nope");
    until("the compare grid", || {
        !all(&root, "[data-testid=compare-grid]").is_empty()
    })
    .await;
    assert_eq!(
        text(&root, "#compare-heading"),
        ZH_HANT.years.compare_heading
    );
    assert_eq!(
        text(&root, "[data-testid=compare-legend]"),
        ZH_HANT.years.legend
    );
    assert_eq!(
        text(&root, "[data-testid=compare-notice]"),
        "已忽略 b `nope`：所顯示的報告中沒有這份報告；改為比較 2020。"
    );
    assert!(text(&root, "[data-testid=compare-grid] caption").starts_with("報告 A → 報告 B 的條目"));
    let only_b = all(&root, "[data-testid=compare-cell][data-diff=only-b]");
    let label = only_b[0].get_attribute("aria-label").unwrap_or_default();
    assert!(label.ends_with("（僅見於 B）"), "{label}");
}
