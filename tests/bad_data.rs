//! The bad-data corpus: every file in `tests/fixtures/bad/` loads through the app's path
//! (`decode`, then `Loader` in small steps) to exactly the outcome in its `.expected` file,
//! and generated pathological files (deep nesting, many problems) give exact messages.
//!
//! `UPDATE_EXPECT=1 cargo test --test bad_data` rewrites the `.expected` files; read every
//! changed one before committing: each message must say what is wrong, where, and what to do.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::load::{decode, load_report, LoadError, Loaded, Loader};
use report_explorer::core::problem::{listing, MAX_LISTED};
use std::fs;
use std::path::{Path, PathBuf};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad");

/// Loads `text` as the app does, in steps of `budget` bytes; also returns the entries in the file.
fn load_in_steps(text: &str, budget: usize) -> (Result<Loaded, LoadError>, Option<usize>) {
    let mut loader = Loader::new(text);
    loop {
        match loader.step(text, budget) {
            Ok(None) => {}
            Ok(Some(loaded)) => return (Ok(loaded), loader.progress().entries_total),
            Err(e) => return (Err(e), loader.progress().entries_total),
        }
    }
}

/// The outcome of loading `bytes`, as the `.expected` files write it: `fatal: ` and the
/// message, or the problems (cut at the app's limit) and what still loads.
fn outcome(bytes: &[u8]) -> String {
    let text = match decode(bytes) {
        Ok(text) => text,
        Err(e) => return format!("fatal: {e}\n"),
    };
    let (stepped, total) = load_in_steps(text, 97);
    assert_eq!(
        stepped,
        load_report(text),
        "loading in steps differs from loading in one go"
    );
    match stepped {
        Err(e) => format!("fatal: {e}\n"),
        Ok(loaded) => {
            let mut out = String::new();
            for line in listing(&loaded.problems, MAX_LISTED) {
                out.push_str(&line);
                out.push('\n');
            }
            let r = &loaded.report;
            out.push_str(&format!(
                "loaded: {} of {} entries, {} subsidiaries, {} categories\n",
                r.entries.len(),
                total.unwrap_or(0),
                r.subsidiaries.len(),
                r.categories.len()
            ));
            out
        }
    }
}

fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(DIR)
        .expect("tests/fixtures/bad exists")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn every_fixture_gives_its_expected_outcome() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some_and(|v| v == "1");
    let files = fixtures();
    let inputs: Vec<&PathBuf> = files
        .iter()
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("json" | "bin")))
        .collect();
    assert!(
        inputs.len() >= 40,
        "only {} fixtures in {DIR}; the corpus needs at least 40",
        inputs.len()
    );
    let mut failures = Vec::new();
    for input in &inputs {
        let expected_path = input.with_extension("expected");
        let actual = outcome(&fs::read(input).unwrap());
        if update {
            fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        match fs::read_to_string(&expected_path) {
            Err(_) => failures.push(format!("{}: no .expected file", name(input))),
            Ok(expected) if expected != actual => failures.push(format!(
                "{}:\n--- expected\n{expected}--- actual\n{actual}",
                name(input)
            )),
            Ok(_) => {}
        }
    }
    // An expectation without its fixture is a fixture lost.
    for expected in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "expected"))
    {
        let stem = expected.with_extension("");
        if !inputs.iter().any(|i| i.with_extension("") == stem) {
            failures.push(format!("{}: no fixture for it", name(expected)));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ (UPDATE_EXPECT=1 rewrites them):\n\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n")
    );
}

fn name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// A valid report whose entries are `entries` (JSON texts), with one subsidiary and category.
fn report_with(entries: &[String]) -> String {
    format!(
        r#"{{"format": "report-explorer/1",
"report": {{"organisation": "Acme", "title": "Acme 2021", "period": "2021", "source": {{"document": "Acme 2021"}}}},
"subsidiaries": [{{"id": "acme", "name": "Acme"}}],
"categories": [{{"id": "c", "name": "C"}}],
"entries": [
{}
]}}
"#,
        entries.join(",\n")
    )
}

fn entry(id: &str, extra: &str) -> String {
    format!(
        r#"{{"id": "{id}", "kind": "event", "title": "T", "summary": "S", "subsidiary": "acme", "categories": ["c"], {extra}"source": {{"section": "S", "passage": "P"}}}}"#
    )
}

fn nested(depth: usize) -> String {
    format!("{}1{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn nesting_5000_deep_in_an_entry_skips_only_that_entry() {
    let text = report_with(&[
        entry("e1", ""),
        entry("e2", &format!(r#""notes": {}, "#, nested(5000))),
        entry("e3", ""),
    ]);
    assert_eq!(
        outcome(text.as_bytes()),
        "error: entries[1].notes[0][0][0][0][0][0]…[0]: arrays and objects \
         nested more than 127 levels deep (line 7, column 239) (expected at most 127 levels of nesting)\n\
         loaded: 2 of 3 entries, 1 subsidiaries, 1 categories\n"
    );
}

#[test]
fn nesting_100000_deep_does_not_overflow_the_stack() {
    // In an entry: the entry is skipped.
    let text = report_with(&[entry("e1", &format!(r#""notes": {}, "#, nested(100_000)))]);
    assert_eq!(
        outcome(text.as_bytes()),
        "error: entries[0].notes[0][0][0][0][0][0]…[0]: arrays and objects \
         nested more than 127 levels deep (line 6, column 239) (expected at most 127 levels of nesting)\n\
         loaded: 0 of 1 entries, 1 subsidiaries, 1 categories\n"
    );
    // The whole file one deep array: not a report.
    assert_eq!(
        outcome(nested(100_000).as_bytes()),
        "fatal: not a valid report\nerror: $: the file holds an array (expected an object with \
         `format`, `report`, `subsidiaries`, `categories` and `entries`)\n"
    );
    // A deep value in the header: nothing can load, and the message says where.
    let deep_object = format!(
        r#"{{"format": "report-explorer/1", "extra": {}1{}}}"#,
        r#"{"a": "#.repeat(100_000),
        "}".repeat(100_000)
    );
    assert_eq!(
        outcome(deep_object.as_bytes()),
        "fatal: not a valid report\nerror: extra.a.a.a.a.a.a.a.a….a: arrays and objects \
         nested more than 127 levels deep (line 1, column 798) (expected at most 127 levels of nesting)\n"
    );
}

#[test]
fn a_thousand_problems_are_listed_up_to_the_limit_and_counted() {
    let entries: Vec<String> = (0..1000)
        .map(|i| entry(&format!("e{i}"), "").replace("\"acme\"", "\"nobody\""))
        .chain([entry("ok", "")])
        .collect();
    let out = outcome(report_with(&entries).as_bytes());
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), MAX_LISTED + 2);
    assert_eq!(
        lines[0],
        "error: entries[0].subsidiary: unknown subsidiary id `nobody` (expected the id of an entry in `subsidiaries`)"
    );
    assert_eq!(
        lines[MAX_LISTED - 1],
        "error: entries[199].subsidiary: unknown subsidiary id `nobody` (expected the id of an entry in `subsidiaries`)"
    );
    assert_eq!(lines[MAX_LISTED], "… and 800 more problems are not listed");
    assert_eq!(
        lines[MAX_LISTED + 1],
        "loaded: 1 of 1001 entries, 1 subsidiaries, 1 categories"
    );
}

#[test]
fn a_thousand_spoiled_values_skip_their_entries_and_keep_the_rest() {
    let entries: Vec<String> = (0..1000)
        .map(|i| {
            let value = if i % 2 == 0 { "NaN" } else { "1" };
            entry(
                &format!("e{i}"),
                &format!(r#""metrics": [{{"label": "L", "value": {value}, "unit": "u"}}], "#),
            )
        })
        .collect();
    let out = outcome(report_with(&entries).as_bytes());
    assert!(out.starts_with(
        "error: entries[0].metrics[0].value: `NaN` is not a number JSON allows (line 6, column 140) \
         (expected a finite number written in digits, or the field left out)\n\
         error: entries[2].metrics[0].value: `NaN` is not a number JSON allows (line 8, column 140)"
    ), "{out}");
    assert!(
        out.ends_with("… and 300 more problems are not listed\nloaded: 500 of 1000 entries, 1 subsidiaries, 1 categories\n"),
        "{out}"
    );
}

#[test]
fn a_syntax_error_after_many_spoiled_entries_is_still_found() {
    let mut entries: Vec<String> = (0..100)
        .map(|i| entry(&format!("e{i}"), r#""notes": NaN, "#))
        .collect();
    entries.push(entry("last", r#""notes": [1 2], "#));
    assert_eq!(
        outcome(report_with(&entries).as_bytes()),
        "fatal: JSON syntax error at line 106, column 118: expected `,` or `]`; a comma may be \
         missing between two items\n"
    );
}

#[test]
fn a_truncated_file_after_many_spoiled_entries_still_says_it_was_cut_off() {
    let entries: Vec<String> = (0..100)
        .map(|i| entry(&format!("e{i}"), r#""notes": NaN, "#))
        .collect();
    let text = report_with(&entries);
    let cut = &text[..text.len() - 5];
    assert_eq!(
        outcome(cut.as_bytes()),
        "fatal: JSON syntax error at line 105, column 161: the file ends before the JSON is \
         complete; it was probably cut off while being saved or downloaded\n"
    );
}

#[test]
fn a_file_that_is_not_json_has_its_own_heading_in_the_error_view() {
    use report_explorer::core::source::LoadFailure;
    let error = decode(b"\xff\xfe{\0}\0").unwrap_err();
    let failure = LoadFailure::Load {
        url: "data/report.json".to_owned(),
        error,
    };
    assert_eq!(failure.heading(), "The report file is not JSON text");
    assert_eq!(
        failure.to_string(),
        "data/report.json: the file is UTF-16 text (little-endian byte order mark FF FE); save it as UTF-8"
    );
    assert!(failure.problems().is_empty());
}

mod anywhere {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        /// A spoiled value, a stray byte or deep nesting put anywhere in a fixture never
        /// panics; loading in steps gives what loading at once gives; a fatal syntax error
        /// points inside the text.
        #[test]
        fn spoiled_values_anywhere_load_the_same_in_steps(
            fixture in 0usize..64,
            at in 0usize..4000,
            cut in 0usize..3,
            insert in prop::sample::select(vec![
                "NaN", "-Infinity", "1e400", "\"\\ud800\"", "\\ud800", "\\udc00", "\t", "\u{0}",
                "é", "\u{feff}", "<", "[[[[[[[[", "]]]]", "{\"a\":", "1e999,", "\"", "\\",
            ]),
            deep in prop::bool::ANY,
        ) {
            let inputs: Vec<PathBuf> = fixtures()
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect();
            let text = fs::read_to_string(&inputs[fixture % inputs.len()]).unwrap_or_default();
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let insert = if deep { format!("{}{insert}", "[".repeat(300)) } else { insert.to_owned() };
            let broken = format!("{}{}{}", &text[..at], insert, &text[end..]);
            let (stepped, _) = load_in_steps(&broken, 61);
            let whole = load_report(&broken);
            prop_assert_eq!(&stepped, &whole);
            if let Err(LoadError::Syntax { line, column, .. }) = whole {
                prop_assert!(line >= 1 && line <= broken.lines().count() + 1);
                prop_assert!(column <= broken.len() + 1);
            }
        }
    }
}
