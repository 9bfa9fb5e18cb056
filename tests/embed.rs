//! The embedding message API: valid and invalid messages, allowed origins, height targets and the state answer.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::config::{Filters, ThemeChoice};
use report_explorer::core::embed::*;
use report_explorer::core::load::load_report;
use report_explorer::core::query::Index;
use serde_json::{json, Value};
use std::collections::HashMap;

fn invalid(value: Value) -> String {
    match parse_message(&value) {
        Err(Ignored::Invalid(why)) => why,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn valid_messages() {
    assert_eq!(
        parse_message(
            &json!({"type": "report-explorer:set-filters", "filters": {"sub": ["citic-bank"], "kind": ["award"], "q": "card"}})
        ),
        Ok(Inbound::SetFilters(Filters {
            sub: vec!["citic-bank".into()],
            kind: vec!["award".into()],
            q: "card".into(),
            ..Filters::default()
        }))
    );
    assert_eq!(
        parse_message(&json!({"type": "report-explorer:set-filters", "filters": {}})),
        Ok(Inbound::SetFilters(Filters::default()))
    );
    assert_eq!(
        parse_message(&json!({"type": "report-explorer:set-theme", "theme": "dark"})),
        Ok(Inbound::SetTheme(ThemeChoice::Dark))
    );
    assert_eq!(
        parse_message(&json!({"type": "report-explorer:get-state"})),
        Ok(Inbound::GetState)
    );
}

#[test]
fn other_messages_are_not_ours() {
    for value in [
        json!(null),
        json!("report-explorer:get-state"),
        json!([1, 2]),
        json!({}),
        json!({"type": 3}),
        json!({"type": "resize", "height": 3}),
        json!({"type": "webpackOk"}),
    ] {
        assert_eq!(parse_message(&value), Err(Ignored::NotOurs), "{value}");
    }
}

#[test]
fn bad_shapes_are_invalid_with_a_reason() {
    assert_eq!(
        invalid(json!({"type": "report-explorer:set-filters"})),
        "report-explorer:set-filters: `filters` is missing"
    );
    assert_eq!(
        invalid(json!({"type": "report-explorer:set-filters", "filters": {"sub": "x", "bogus": 1}})),
        "report-explorer:set-filters: error: filters.bogus: unknown filter `bogus` (expected `sub`, `cat`, `kind`, `year` or `q`)"
    );
    assert_eq!(
        invalid(json!({"type": "report-explorer:set-filters", "filters": {"sub": ["<script>"]}})),
        "report-explorer:set-filters: error: filters.sub: id `<script>` contains `<` (expected a list of subsidiary ids like `acme-bank`)"
    );
    assert_eq!(
        invalid(json!({"type": "report-explorer:set-filters", "filters": "sub=x"})),
        "report-explorer:set-filters: error: filters: found a string (expected an object with `sub`, `cat`, `kind`, `year` or `q`)"
    );
    assert_eq!(
        invalid(json!({"type": "report-explorer:set-filters", "filters": {}, "extra": true})),
        "report-explorer:set-filters: unknown field `extra`"
    );
    assert_eq!(
        invalid(json!({"type": "report-explorer:set-theme", "theme": "neon"})),
        "report-explorer:set-theme: unknown theme `neon` (expected `auto`, `light` or `dark`)"
    );
    assert_eq!(
        invalid(json!({"type": "report-explorer:set-theme", "theme": true})),
        "report-explorer:set-theme: `theme` is a boolean (expected `auto`, `light` or `dark`)"
    );
    assert_eq!(
        invalid(json!({"type": "report-explorer:height", "height": 5})),
        "unknown message type `report-explorer:height` (expected `report-explorer:set-filters`, `report-explorer:set-theme` or `report-explorer:get-state`)"
    );
    let many: Vec<String> = (0..101).map(|i| format!("s{i}")).collect();
    assert_eq!(
        invalid(json!({"type": "report-explorer:set-filters", "filters": {"sub": many}})),
        "report-explorer:set-filters: error: filters.sub: 101 values given (expected at most 100)"
    );
}

#[test]
fn origins_and_targets() {
    let allowed = vec![
        "https://intranet.example.com".to_owned(),
        "http://127.0.0.1:8080".to_owned(),
    ];
    assert!(origin_allowed("https://intranet.example.com", &allowed));
    assert!(origin_allowed("http://127.0.0.1:8080", &allowed));
    assert!(!origin_allowed("http://127.0.0.1:8081", &allowed));
    assert!(!origin_allowed(
        "https://intranet.example.com.evil.example",
        &allowed
    ));
    assert!(!origin_allowed("null", &allowed));
    assert!(!origin_allowed("*", &allowed));
    assert!(!origin_allowed("https://intranet.example.com", &[]));

    assert_eq!(
        height_targets(Some("http://127.0.0.1:8080"), &allowed),
        ["http://127.0.0.1:8080"]
    );
    assert_eq!(
        height_targets(Some("https://other.example"), &allowed),
        Vec::<String>::new()
    );
    assert_eq!(height_targets(None, &allowed), allowed);
    assert_eq!(height_targets(None, &[]), Vec::<String>::new());
}

#[test]
fn height_messages() {
    assert_eq!(
        height_message(812.2),
        json!({"type": "report-explorer:height", "height": 813})
    );
    assert_eq!(height_message(f64::NAN)["height"], 0);
    assert_eq!(height_message(-4.0)["height"], 0);
}

#[test]
fn state_answer_and_filter_updates() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/data/report.json"
    ))
    .unwrap();
    let report = load_report(&text).unwrap().report;
    let index = Index::new(&report);
    let params: HashMap<&str, &str> = [
        ("sub", "citic-bank,nobody"),
        ("kind", "award"),
        ("theme", "dark"),
    ]
    .into();
    let state = state_message(
        "?sub=citic-bank,nobody&kind=award&theme=dark",
        |k| params.get(k).map(|v| v.to_string()),
        &index,
    );
    let awards_of_bank = report
        .entries
        .iter()
        .filter(|e| e.subsidiaries[0].as_str() == "citic-bank" && e.kind.as_str() == "award")
        .count();
    assert!(awards_of_bank > 0);
    assert_eq!(
        state,
        json!({
            "type": "report-explorer:state",
            "query": "?sub=citic-bank,nobody&kind=award&theme=dark",
            "filters": {"sub": ["citic-bank"], "cat": [], "kind": ["award"], "year": [], "q": ""},
            "entries": awards_of_bank,
        })
    );
    let all = state_message("", |_| None, &index);
    assert_eq!(all["entries"], report.entries.len());

    let updates = filter_updates(&Filters {
        sub: vec!["a".into(), "b".into()],
        q: "x y".into(),
        ..Filters::default()
    });
    assert_eq!(
        updates,
        vec![
            ("sub", Some("a,b".to_owned())),
            ("cat", None),
            ("kind", None),
            ("year", None),
            ("q", Some("x y".to_owned())),
            ("entry", None),
        ]
    );
}
