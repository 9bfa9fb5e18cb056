//! Loading in steps: the split loader gives the same report, problems and syntax errors
//! as parsing the whole text, at any step size.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use report_explorer::core::load::{load_report, LoadError, Loader};
use report_explorer::core::split::{split, SplitError};
use serde_json::Value;

const CITIC: &str = include_str!("../public/data/report.json");

/// A small report with an unknown field, a bad entry and a bad category, pretty-printed.
fn small() -> String {
    serde_json::to_string_pretty(&serde_json::json!({
        "format": "report-explorer/1",
        "extra": {"nested": [1, 2, {"a": "]}"}]},
        "report": {
            "organisation": "Acme Group", "title": "Acme 2021", "period": "2021",
            "source": { "document": "Acme 2021 Report" }
        },
        "subsidiaries": [ { "id": "acme", "name": "Acme \"Group\" \\ [x]" } ],
        "categories": [
            { "id": "c1", "name": "One" },
            { "id": "c2", "name": "Two", "parent": "nowhere" }
        ],
        "entries": [
            { "id": "e1", "kind": "award", "title": "Prize {1}", "summary": "Won.",
              "subsidiary": "acme", "categories": ["c1"], "date": "2021-05",
              "source": { "section": "S", "passage": "Won, [really]." } },
            { "id": "e2", "kind": "nope", "title": "Bad", "summary": "Bad.",
              "subsidiary": "acme", "categories": ["c1"],
              "source": { "section": "S", "passage": "P" } },
            { "id": "e3", "kind": "event", "title": "Talk", "summary": "Talked.",
              "subsidiary": "acme", "categories": ["c2"], "colour": "red",
              "source": { "section": "S", "passage": "P" } }
        ]
    }))
    .unwrap()
}

/// Loads in steps of `budget` bytes, checking progress only moves forward.
fn load_in_steps(
    text: &str,
    budget: usize,
) -> Result<report_explorer::core::load::Loaded, LoadError> {
    let mut loader = Loader::new(text);
    let mut last = loader.progress();
    assert_eq!(last.bytes_total, text.len());
    loop {
        let step = loader.step(text, budget);
        let now = loader.progress();
        assert!(
            now.bytes_split >= last.bytes_split,
            "{now:?} after {last:?}"
        );
        if let (Some(a), Some(b)) = (now.entries_total, last.entries_total) {
            assert_eq!(a, b);
            assert!(now.entries_done >= last.entries_done);
        }
        last = now;
        match step {
            Ok(Some(loaded)) => return Ok(loaded),
            Ok(None) => {}
            Err(e) => return Err(e),
        }
    }
}

#[test]
fn steps_of_any_size_give_the_same_report() {
    for text in [CITIC.to_owned(), small()] {
        let whole = load_report(&text).expect("loads");
        for budget in [1, 3, 64, 1000, 1 << 20] {
            let stepped = load_in_steps(&text, budget).expect("loads in steps");
            assert_eq!(stepped, whole, "budget {budget}");
        }
    }
}

#[test]
fn small_report_keeps_good_items_and_lists_problems() {
    let loaded = load_report(&small()).unwrap();
    let ids: Vec<&str> = loaded
        .report
        .entries
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, ["e1"]);
    let problems: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        [
            "warning: extra: unknown field `extra` ignored (expected one of `format`, `report`, `divisions`, `subsidiaries`, `categories`, `entries`)",
            "error: categories[1].parent: unknown category id `nowhere` (expected the id of another category)",
            "error: entries[1].kind: unknown kind `nope` (expected one of `award`, `initiative`, `product`, `service`, `project`, `event`, `target`, `incident`, `partnership`, `kpi`)",
            "warning: entries[2].colour: unknown field `colour` ignored (expected one of `id`, `kind`, `title`, `summary`, `subsidiary`, `categories`, `date`, `awarding_body`, `location`, `country`, `metrics`, `source`)",
            "error: entries[2].categories[0]: category `c2` was skipped because of its own problem at categories[1] (expected a category that loads)",
        ]
    );
}

#[test]
fn splitting_cuts_lists_into_items() {
    let text = r#" { "format" : "x", "entries" : [ {"a": "]"} , [1,[2]], "s\"}" , 3 ], "subsidiaries": [] } "#;
    let s = split(text).unwrap();
    let items: Vec<&str> = s.items[2].iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(items, [r#"{"a": "]"}"#, "[1,[2]]", r#""s\"}""#, "3"]);
    assert!(s.items[0].is_empty());
    assert_eq!(
        s.skeleton,
        r#"{"format":"x","entries":[],"subsidiaries":[]}"#
    );
    assert_eq!(split("[1]").unwrap_err(), SplitError::NotAnObject);
    assert!(matches!(split(r#"{"a" 1}"#), Err(SplitError::Syntax(5))));
    assert!(matches!(
        split(r#"{"entries": [1 2]}"#),
        Err(SplitError::Syntax(_))
    ));
    assert!(matches!(split(r#"{} x"#), Err(SplitError::Syntax(3))));
}

#[test]
fn a_repeated_list_counts_once_as_the_last_one() {
    let mut v: Value = serde_json::from_str(&small()).unwrap();
    let entries = v["entries"].to_string();
    let text = v.to_string().replacen(
        "\"entries\":",
        &format!("\"entries\":[{{\"id\": 1}}],\"entries\":{entries}, \"x\":"),
        1,
    );
    v["x"] = Value::Null;
    assert_eq!(
        load_report(&text).unwrap().report.entries,
        load_report(&small()).unwrap().report.entries
    );
}

#[test]
fn a_syntax_error_in_a_replaced_list_is_still_the_files_error() {
    for bad_item in ["{\"id\": \"a\u{0}b\"}", "{\"id\" 1}", "[1e999]"] {
        let text = small().replacen(
            "\"entries\":",
            &format!("\"entries\": [{bad_item}], \"entries\":"),
            1,
        );
        let expected = serde_syntax(&text).expect("serde refuses the text");
        for budget in [1, 7, usize::MAX] {
            match load_in_steps(&text, budget) {
                Err(LoadError::Syntax {
                    line,
                    column,
                    message,
                }) => assert_eq!((line, column, message), expected, "{bad_item}"),
                other => panic!("{bad_item}: expected {expected:?}, got {other:?}"),
            }
        }
    }
}

/// The line, column and message serde gives for the whole text, if it is not JSON.
fn serde_syntax(text: &str) -> Option<(usize, usize, String)> {
    serde_json::from_str::<Value>(text).err().map(|e| {
        let message = e.to_string();
        let message = message[..message.rfind(" at line ").unwrap_or(message.len())].to_owned();
        (e.line(), e.column(), message)
    })
}

/// serde's messages for values that spoil only the item holding them.
const SPOILED: [&str; 2] = ["number out of range", "control character"];

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    /// Breaking the text anywhere gives serde's syntax error at serde's line and column, its
    /// message first (a hint may follow), and a valid text never gives one. A value serde
    /// refuses that spoils only its item (`1e999`, a raw line break in a string) skips that
    /// item or, outside the lists, is an error; the exact messages are in `tests/bad_data.rs`.
    #[test]
    fn broken_text_gives_serdes_syntax_error(
        at in 0usize..2000,
        cut in 0usize..4,
        insert in prop::sample::select(vec!["", "{", "}", "[", "]", ",", ":", "\"", "\\", "x", " ", "1e999", "\n"]),
    ) {
        let text = small();
        let at = at % text.len();
        let end = (at + cut).min(text.len());
        let broken = format!("{}{}{}", &text[..at], insert, &text[end..]);
        let ours = load_report(&broken);
        match (serde_syntax(&broken), ours) {
            (Some((_, _, message)), ours) if SPOILED.iter().any(|s| message.starts_with(s)) => {
                let skipped = matches!(&ours, Ok(loaded) if loaded.errors().next().is_some());
                prop_assert!(skipped || ours.is_err(), "{} read as valid: {:?}", message, ours);
            }
            (Some((line, column, message)), Err(LoadError::Syntax { line: l, column: c, message: m })) => {
                prop_assert_eq!((line, column), (l, c));
                prop_assert!(m == message || m.starts_with(&format!("{message}; ")), "{} is not serde's {}", m, message);
            }
            (Some(expected), other) => prop_assert!(false, "expected {:?}, got {:?}", expected, other),
            (None, Err(LoadError::Syntax { .. })) => prop_assert!(false, "valid JSON read as a syntax error"),
            (None, _) => {}
        }
    }
}

#[test]
fn entries_read_straight_from_the_text_equal_those_read_through_a_value() {
    // An unknown field sends every entry through a `Value`; without it they are read directly.
    let mut v: Value = serde_json::from_str(CITIC).unwrap();
    for e in v["entries"].as_array_mut().unwrap() {
        e["note"] = Value::from("kept out");
    }
    let slow = load_report(&v.to_string()).unwrap();
    let fast = load_report(CITIC).unwrap();
    assert_eq!(slow.report, fast.report);
    assert_eq!(
        slow.problems.len(),
        fast.problems.len() + fast.report.entries.len()
    );
    assert!(slow
        .problems
        .iter()
        .all(|p| p.message == "unknown field `note` ignored" || fast.problems.contains(p)));
}
