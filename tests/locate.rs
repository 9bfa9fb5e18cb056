//! Problem positions: the line and column of the value at a loader path, found by scanning the
//! text, checked against the value serde reads at that place; and the compiler-style lines.

use report_explorer::core::load::{load_report, LoadError};
use report_explorer::core::locate::{locate, locate_all, place, render_load_error, steps, Step};
use report_explorer::core::problem::{Position, Problem};
use serde_json::Value;

/// The byte offset of a 1-based line and byte column.
fn offset(text: &str, at: Position) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(at.line - 1)
        .map(str::len)
        .sum();
    line_start + at.column - 1
}

/// The JSON pointer of a loader path.
fn pointer(path: &str) -> String {
    steps(path)
        .iter()
        .map(|s| match s {
            Step::Key(k) => format!("/{k}"),
            Step::Index(i) => format!("/{i}"),
        })
        .collect()
}

/// The value serde reads at `at` equals the value at `path`.
fn assert_points_at(text: &str, path: &str, at: Option<Position>) {
    let at = at.unwrap_or_else(|| panic!("{path} not placed"));
    let doc: Value = serde_json::from_str(text).unwrap();
    let want = doc
        .pointer(&pointer(path))
        .unwrap_or_else(|| panic!("{path} not in the file"));
    let mut values = serde_json::Deserializer::from_str(&text[offset(text, at)..]).into_iter();
    let got: Value = values.next().unwrap().unwrap();
    assert_eq!(&got, want, "{path} at {at:?}");
}

#[test]
fn paths_read_as_steps() {
    assert_eq!(steps("$"), vec![]);
    assert_eq!(
        steps("entries[3].figures[0].value"),
        vec![
            Step::Key("entries".into()),
            Step::Index(3),
            Step::Key("figures".into()),
            Step::Index(0),
            Step::Key("value".into()),
        ]
    );
    assert_eq!(
        steps("report.source.url"),
        vec![
            Step::Key("report".into()),
            Step::Key("source".into()),
            Step::Key("url".into())
        ]
    );
}

#[test]
fn values_in_a_small_file_are_placed_exactly() {
    let text = "{\n  \"format\": \"report-explorer/2\",\n  \"report\": {\"period\": \"2019\"},\n  \"entries\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\", \"figures\": [{\"value\": 4}]}\n  ]\n}\n";
    let found = locate_all(
        text,
        &[
            "$",
            "format",
            "report.period",
            "entries[1].figures[0].value",
            "entries[0]",
        ],
    );
    let at = |line, column| Some(Position { line, column });
    assert_eq!(
        found,
        vec![at(1, 1), at(2, 13), at(3, 24), at(6, 39), at(5, 5)]
    );
}

#[test]
fn a_missing_field_is_placed_at_its_object() {
    let text = "{\"entries\": [\n  {\"id\": \"a\"},\n  {\"id\": \"b\"}\n]}";
    assert_eq!(
        locate(text, "entries[1].title"),
        Some(Position { line: 3, column: 3 })
    );
    // An index past the end: the list.
    assert_eq!(
        locate(text, "entries[7].id"),
        Some(Position {
            line: 1,
            column: 13
        })
    );
    // Nothing at all: the whole file.
    assert_eq!(
        locate(text, "report.period"),
        Some(Position { line: 1, column: 1 })
    );
}

#[test]
fn columns_count_bytes_and_keys_may_be_escaped() {
    let text = "{\"t\u{e9}\": \"\u{e9}\u{e9}\", \"k\\u0065y\": 1, \"x\": 2}";
    // "té" is 4 bytes + quotes: the value of `té` starts at byte 9, column 9.
    assert_eq!(locate(text, "té"), Some(Position { line: 1, column: 9 }));
    assert_points_at(text, "key", locate(text, "key"));
    assert_points_at(text, "x", locate(text, "x"));
    // A byte order mark is not counted, as the loader does not count it.
    let bom = format!("\u{feff}{text}");
    assert_eq!(locate(&bom, "té"), Some(Position { line: 1, column: 9 }));
}

#[test]
fn deep_nesting_does_not_overflow() {
    let depth = 200_000;
    let text = format!(
        "{{\"a\": {}1{}, \"b\": 2}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let mut path = String::from("a");
    for _ in 0..depth {
        path.push_str("[0]");
    }
    let at = locate(&text, &path).unwrap();
    assert_eq!(at.column, 7 + depth);
    assert_eq!(locate(&text, "b").unwrap().column, 7 + 2 * depth + 8);
}

#[test]
fn every_path_of_the_showcase_points_at_its_value() {
    let text = include_str!("fixtures/format2/showcase.json");
    let doc: Value = serde_json::from_str(text).unwrap();
    let mut paths = Vec::new();
    let mut todo = vec![(String::new(), &doc)];
    while let Some((path, value)) = todo.pop() {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    let sub = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    todo.push((sub, v));
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    todo.push((format!("{path}[{i}]"), v));
                }
            }
            _ => {}
        }
        paths.push(if path.is_empty() {
            "$".to_owned()
        } else {
            path
        });
    }
    assert!(paths.len() > 100, "{}", paths.len());
    let refs: Vec<&str> = paths.iter().map(String::as_str).collect();
    for (path, at) in paths.iter().zip(locate_all(text, &refs)) {
        assert_points_at(text, path, at);
    }
}

#[test]
fn problems_in_a_generated_100k_entry_file_are_placed() {
    let mut text = report_explorer::core::synth::generate(100_000, 7);
    // Spoil three entries far apart: a bad kind, a missing title, an unknown field.
    let doc: Value = serde_json::from_str(&text).unwrap();
    let id = |i: usize| doc["entries"][i]["id"].as_str().unwrap().to_owned();
    let spoil = |text: &mut String, i: usize, from: &str, to: &str| {
        let start = text.find(&format!("\"id\":\"{}\"", id(i))).unwrap();
        let at = start + text[start..].find(from).unwrap();
        text.replace_range(at..at + from.len(), to);
    };
    spoil(&mut text, 5, "\"kind\":\"", "\"kind\":\"bogus-");
    spoil(&mut text, 50_000, "\"title\":", "\"heading\":");
    spoil(
        &mut text,
        99_999,
        "\"summary\":",
        "\"colour\":1,\"summary\":",
    );
    let loaded = load_report(&text).unwrap();
    let mut problems = loaded.problems.clone();
    place(&text, &mut problems);
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"entries[5].kind"), "{paths:?}");
    assert!(paths.contains(&"entries[99999].colour"), "{paths:?}");
    let doc: Value = serde_json::from_str(&text).unwrap();
    for p in &problems {
        let at = p.at.unwrap();
        let here = offset(&text, at);
        if doc.pointer(&pointer(&p.path)).is_some() {
            assert_points_at(&text, &p.path, p.at);
        } else {
            // A missing field: the entry's object.
            let entry = p.path.split('.').next().unwrap();
            assert_eq!(&text[here..here + 1], "{", "{p:?}");
            assert_points_at(&text, entry, p.at);
        }
    }
    assert!(problems
        .iter()
        .any(|p| p.path.starts_with("entries[50000]")));
}

#[test]
fn problems_render_compiler_style() {
    let text =
        "{\n  \"format\": \"report-explorer/2\",\n  \"report\": {\"period\": \"2019-13\"}\n}";
    let mut problems = vec![
        Problem::error("report.period", "`2019-13` is not a date").expected("a date like 2019-05"),
        Problem::warning("report.colour", "unknown field, ignored"),
        Problem::error("$", "the file holds an array"),
    ];
    place(text, &mut problems);
    let lines: Vec<String> = problems.iter().map(|p| p.located("data/r.json")).collect();
    assert_eq!(
        lines,
        vec![
            "data/r.json:3:24: error: report.period: `2019-13` is not a date (expected a date like 2019-05)",
            "data/r.json:3:13: warning: report.colour: unknown field, ignored",
            "data/r.json:1:1: error: $: the file holds an array",
        ]
    );
    assert_eq!(
        Problem::error("x", "y").located("f.json"),
        "f.json: error: x: y"
    );
}

#[test]
fn fatal_errors_render_compiler_style() {
    let text = "{\n  \"format\": \"report-explorer/2\",\n  \"report\": {\"period\": 2019,}\n}";
    let error = load_report(text).unwrap_err();
    let LoadError::Syntax { line, column, .. } = &error else {
        panic!("{error:?}")
    };
    let lines = render_load_error("r.json", text, &error);
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].starts_with(&format!("r.json:{line}:{column}: error: ")),
        "{lines:?}"
    );
    assert_eq!((*line, *column), (3, 29));

    let text = "[1, 2]";
    let error = load_report(text).unwrap_err();
    assert_eq!(
        render_load_error("r.json", text, &error),
        vec!["r.json:1:1: error: $: the file holds an array (expected an object with `format`, `report`, `subsidiaries`, `categories` and `entries`)"]
    );
}

#[test]
fn paths_are_placed_from_the_text_up_to_their_container_end() {
    // Garbage after the entries changes nothing: the scan ends when every path is settled.
    let text = "{\"entries\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"later\": [1, 2, 3]}";
    let cut = format!("{}!!!", &text[..text.find("\"later\"").unwrap()]);
    for t in [text, cut.as_str()] {
        assert_eq!(
            locate(t, "entries[0].id"),
            Some(Position {
                line: 1,
                column: 21
            })
        );
        // A missing field is settled when its object closes.
        assert_eq!(
            locate(t, "entries[1].title"),
            Some(Position {
                line: 1,
                column: 27
            })
        );
        // A missing index when the list closes.
        assert_eq!(
            locate(t, "entries[5]"),
            Some(Position {
                line: 1,
                column: 13
            })
        );
    }
    assert_eq!(locate_all(text, &[]), Vec::<Option<Position>>::new());
}
