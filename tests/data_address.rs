//! The `?data=` address rules: every known trick for leaving the page's origin is refused
//! with its exact message, checked by text and by a WHATWG URL parser like the browser's.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::config::{resolve_data, validate_config, Config};
use report_explorer::core::source::{data_url, LoadFailure, MAX_DATA_PATH_CHARS};
use serde_json::json;

mod support;

const PAGE: &str = "https://intranet.example/reports/esg/index.html?view=list";

fn page() -> support::PageUrl {
    support::PageUrl::at(PAGE)
}

/// The message for a refused value, or what was accepted.
fn verdict(value: &str) -> Result<String, String> {
    data_url(Some(value), &[], &page()).map_err(|e| e.to_string())
}

#[test]
fn same_origin_paths_are_loaded_as_given() {
    for path in [
        "data/report.json",
        "/other/data/x.json",
        "../2020/report.json",
        "x.json?v=1:2",
        "%2F%2Fevil.example/x.json",
        "data/%5C/x.json",
    ] {
        assert_eq!(verdict(path), Ok(path.to_owned()), "{path}");
    }
}

#[test]
fn every_trick_to_leave_the_origin_is_refused() {
    let cases: &[(&str, &str)] = &[
        (
            "\\/evil.example/x.json",
            "`\\/evil.example/x.json` cannot be loaded: it contains a backslash, which browsers read as `/`; write paths with `/`.",
        ),
        (
            "/\\evil.example/x.json",
            "`/\\evil.example/x.json` cannot be loaded: it contains a backslash, which browsers read as `/`; write paths with `/`.",
        ),
        (
            "\\\\evil.example/x.json",
            "`\\\\evil.example/x.json` cannot be loaded: it contains a backslash, which browsers read as `/`; write paths with `/`.",
        ),
        (
            "//evil.example/x.json",
            "`//evil.example/x.json` cannot be loaded: it names another host.",
        ),
        (
            "http:evil.example/x.json",
            "`http:evil.example/x.json` cannot be loaded: it names a scheme; only same-origin paths are loaded.",
        ),
        (
            "https:\\\\evil.example/x.json",
            "`https:\\\\evil.example/x.json` cannot be loaded: it contains a backslash, which browsers read as `/`; write paths with `/`.",
        ),
        (
            "/\t/evil.example/x.json",
            "`/\t/evil.example/x.json` cannot be loaded: it contains control characters.",
        ),
        (
            "/\n/evil.example/x.json",
            "`/\n/evil.example/x.json` cannot be loaded: it contains control characters.",
        ),
        (
            "java\nscript:alert(1)",
            "`java\nscript:alert(1)` cannot be loaded: it contains control characters.",
        ),
        (
            "data:application/json,{}",
            "`data:application/json,{}` cannot be loaded: it names a scheme; only same-origin paths are loaded.",
        ),
        (
            "blob:https://intranet.example/0b7a",
            "`blob:https://intranet.example/0b7a` cannot be loaded: it names a scheme; only same-origin paths are loaded.",
        ),
        (
            "javascript:alert(1)",
            "`javascript:alert(1)` cannot be loaded: it names a scheme; only same-origin paths are loaded.",
        ),
        (
            "JavaScript:alert(1)",
            "`JavaScript:alert(1)` cannot be loaded: it names a scheme; only same-origin paths are loaded.",
        ),
        (
            "https://evil.example/x.json",
            "`https://evil.example/x.json` cannot be loaded: it names another origin, `https://evil.example`, which is not in `allowed_data_origins` in config.json.",
        ),
        (
            "https://intranet.example.evil.example/x.json",
            "`https://intranet.example.evil.example/x.json` cannot be loaded: it names another origin, `https://intranet.example.evil.example`, which is not in `allowed_data_origins` in config.json.",
        ),
    ];
    for (value, message) in cases {
        assert_eq!(verdict(value), Err((*message).to_owned()), "{value:?}");
    }
}

#[test]
fn percent_encoded_tricks_stay_on_the_page_origin() {
    // A query parameter is decoded once, so `?data=%5C/evil` arrives as `\/evil` (refused
    // above); doubly encoded values arrive encoded and resolve to a path on this origin.
    for value in [
        "%5C/evil.example/x.json",
        "%2F%2Fevil.example/x.json",
        "%2F/evil.example",
    ] {
        let resolved = support::PageUrl::at(PAGE).0.join(value).unwrap();
        assert_eq!(
            resolved.origin().ascii_serialization(),
            "https://intranet.example"
        );
        assert_eq!(verdict(value), Ok(value.to_owned()));
    }
}

#[test]
fn an_over_long_value_is_refused_and_shortened_in_the_message() {
    let long = format!("data/{}.json", "a".repeat(MAX_DATA_PATH_CHARS));
    let message = verdict(&long).unwrap_err();
    assert_eq!(
        message,
        format!(
            "`data/{}…` cannot be loaded: it is {} characters long; addresses of up to 2048 are read.",
            "a".repeat(195),
            MAX_DATA_PATH_CHARS + 10
        )
    );
    let longest = format!("{}.json", "a".repeat(MAX_DATA_PATH_CHARS - 5));
    assert_eq!(verdict(&longest), Ok(longest.clone()));
}

/// A resolver whose page is on another origin than the data it is given.
struct Elsewhere;

impl report_explorer::core::source::UrlResolver for Elsewhere {
    fn resolve(&self, reference: &str) -> Option<report_explorer::core::source::ResolvedUrl> {
        let url = url::Url::parse("https://evil.example/")
            .ok()?
            .join(reference)
            .ok()?;
        Some(report_explorer::core::source::ResolvedUrl {
            href: url.to_string(),
            origin: url.origin().ascii_serialization(),
        })
    }
    fn page_origin(&self) -> String {
        "https://intranet.example".to_owned()
    }
}

#[test]
fn the_parsers_verdict_decides_when_text_rules_pass() {
    // Whatever slips past the text rules is still compared by origin after resolving,
    // e.g. when a `<base>` element points elsewhere.
    assert_eq!(
        data_url(Some("data/x.json"), &[], &Elsewhere).unwrap_err().to_string(),
        "`data/x.json` cannot be loaded: it resolves to `https://evil.example/data/x.json` on another origin, `https://evil.example`; only `https://intranet.example` and the origins in `allowed_data_origins` in config.json are loaded."
    );
    let allowed = vec!["https://evil.example".to_owned()];
    assert_eq!(
        data_url(Some("data/x.json"), &allowed, &Elsewhere),
        Ok("data/x.json".to_owned())
    );
}

#[test]
fn configured_dataset_paths_are_resolved_too() {
    let config: Config = validate_config(&json!({
        "datasets": [{"id": "a", "label": "A", "path": "data/a.json"}]
    }))
    .config;
    assert_eq!(
        resolve_data(None, Some("a"), &config, &page()),
        Ok("data/a.json".to_owned())
    );
    assert!(matches!(
        resolve_data(None, Some("a"), &config, &Elsewhere),
        Err(LoadFailure::BadPath { .. })
    ));
    assert!(matches!(
        resolve_data(None, None, &Config::default(), &Elsewhere),
        Err(LoadFailure::BadPath { .. })
    ));
}

#[test]
fn the_boot_script_preloads_no_longer_address_than_the_app_reads() {
    let boot = include_str!("../public/boot.js");
    assert!(
        boot.contains(&format!(
            "const MAX_DATA_PATH_CHARS = {MAX_DATA_PATH_CHARS};"
        )),
        "public/boot.js and src/core/source.rs disagree on the longest data address"
    );
}
