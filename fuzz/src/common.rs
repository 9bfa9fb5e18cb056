//! What the fuzz checks share: a fixture report and its index, and the URL query codec the
//! browser applies around `core::url_state` (form decoding in, `encodeURIComponent` out).

use report_explorer::core::load::load_report;
use report_explorer::core::model::Report;
use report_explorer::core::problem::Problem;
use report_explorer::core::query::Index;
use report_explorer::core::synth;
use std::sync::OnceLock;

/// Entries in the fixture report the URL and message checks decode against.
pub const FIXTURE_ENTRIES: usize = 40;
/// Seed of the fixture report.
pub const FIXTURE_SEED: u64 = 7;

/// A small synthetic report and its index, built once per process.
pub fn fixture() -> &'static (Report, Index) {
    static FIXTURE: OnceLock<(Report, Index)> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let text = synth::generate(FIXTURE_ENTRIES, FIXTURE_SEED);
        let loaded = load_report(&text).expect("the synthetic report loads");
        assert!(
            loaded.problems.is_empty(),
            "the synthetic report has problems"
        );
        let index = Index::new(&loaded.report);
        (loaded.report, index)
    })
}

/// Bytes as text the way the checks see them: UTF-8, invalid sequences replaced.
pub fn text_of(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Asserts a problem is complete: a path, a message, and a non-empty expectation when given.
pub fn check_problem(p: &Problem, context: &str) {
    assert!(
        !p.path.is_empty(),
        "{context}: problem without a path: {p:?}"
    );
    assert!(
        !p.message.trim().is_empty(),
        "{context}: problem without a message: {p:?}"
    );
    if let Some(expected) = &p.expected {
        assert!(
            !expected.trim().is_empty(),
            "{context}: empty expectation: {p:?}"
        );
    }
    assert!(!p.to_string().is_empty());
}

/// A URL query string (with or without `?`) as the browser's `URLSearchParams` reads it:
/// `&`-separated pairs, `+` as a space, `%XX` decoded (bad UTF-8 replaced).
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (form_decode(key), form_decode(value))
        })
        .collect()
}

/// The last value of `key` (the router keeps the most recently added one).
pub fn param(pairs: &[(String, String)], key: &str) -> Option<String> {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
}

/// Writes parameters as the router does: `?k=v&...`, each part as `encodeURIComponent` would.
pub fn to_query(pairs: &[(&str, String)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

fn form_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                    out.push(hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0));
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
