//! Target `url_query`: a URL query string read into a selection (`core::url_state::decode`)
//! must survive being written back (`encode`) and read again, and the `?data=` rule
//! (`core::source`) must never accept another host or a scheme.

use crate::common::{fixture, param, parse_query, text_of, to_query};
use report_explorer::core::config::origin_of_url;
use report_explorer::core::query::Selection;
use report_explorer::core::source::{data_path, data_path_allowing};
use report_explorer::core::url_state::{decode, encode};

/// The one data origin the allowing variant of the path rule is given.
pub const ALLOWED_DATA_ORIGIN: &str = "https://data.example.com";

/// Runs every `url_query` check on one input; panics on a broken invariant.
pub fn check(data: &[u8]) {
    let query = text_of(data);
    let pairs = parse_query(&query);
    let selection = round_trip(&pairs);
    // Decoding again gives the same: the selection is a pure function of the parameters.
    assert_eq!(selection, read(&pairs).0);

    data_rule(param(&pairs, "data").as_deref());
    // The raw input as the value itself, so the fuzzer reaches the rule without encoding.
    data_rule(Some(&query));
}

/// Reads parameters into a selection, as the app does from its router's query map.
fn read(pairs: &[(String, String)]) -> (Selection, Vec<String>) {
    decode(|key| param(pairs, key), &fixture().1)
}

/// parse(serialize(parse(q))) == parse(q), and the written form raises no notices.
fn round_trip(pairs: &[(String, String)]) -> Selection {
    let (first, notices) = read(pairs);
    for n in &notices {
        assert!(!n.trim().is_empty(), "empty notice");
    }
    let written: Vec<(&str, String)> = encode(&first)
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();
    let query = to_query(&written);
    let (second, notices) = read(&parse_query(&query));
    assert_eq!(
        second, first,
        "the selection changed after writing it as `{query}`"
    );
    assert!(
        notices.is_empty(),
        "the written query `{query}` raises notices: {notices:?}"
    );
    first
}

/// The `?data=` rule: same-origin paths only; an http(s) URL only on an allowed origin.
pub fn data_rule(value: Option<&str>) {
    if let Ok(path) = data_path(value) {
        assert!(
            !names_host_or_scheme(&path),
            "data_path accepted `{path}`, which names another host or a scheme"
        );
    }
    let allowed = [ALLOWED_DATA_ORIGIN.to_owned()];
    if let Ok(path) = data_path_allowing(value, &allowed) {
        if names_host_or_scheme(&path) {
            let lower = path.to_ascii_lowercase();
            assert!(
                lower.starts_with("https://") || lower.starts_with("http://"),
                "data_path_allowing accepted `{path}` with a scheme other than http(s)"
            );
            assert_eq!(
                origin_of_url(&path).as_deref(),
                Some(ALLOWED_DATA_ORIGIN),
                "data_path_allowing accepted `{path}` on another origin"
            );
            assert!(
                !path.chars().any(char::is_control),
                "data_path_allowing accepted `{path}` with control characters"
            );
        }
    }
}

/// Whether a browser would read `path` as naming a host (`//`, `\\`, `/\`, `\/`) or a scheme
/// (`x:`), after dropping what its URL parser drops: leading C0 controls and spaces, and every
/// tab and newline.
pub fn names_host_or_scheme(path: &str) -> bool {
    let cleaned: String = path
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let s = cleaned.trim_start_matches(|c: char| c <= ' ');
    let slash = |c: char| c == '/' || c == '\\';
    let mut chars = s.chars();
    if let (Some(a), Some(b)) = (chars.next(), chars.next()) {
        if slash(a) && slash(b) {
            return true;
        }
    }
    let mut chars = s.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    for c in chars {
        if c == ':' {
            return true;
        }
        if !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
            return false;
        }
    }
    false
}
