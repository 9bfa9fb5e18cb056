//! Target `load`: report bytes through `load_report`, the stepped `Loader`, and (when it loads)
//! the query `Index`, with the invariants a loaded report and its problems must keep.

use crate::common::check_problem;
use report_explorer::core::ids::check_id;
use report_explorer::core::load::{decode, load_report, LoadError, Loaded, Loader};
use report_explorer::core::problem::Severity;
use report_explorer::core::query::{Facet, Index, IndexBuilder, Selection};
use serde_json::Value;
use std::collections::HashSet;

/// Runs every `load` check on one input; panics on a broken invariant.
pub fn check(data: &[u8]) {
    // Bytes become text as the app makes them: UTF-8 with a byte order mark dropped, or a
    // specific refusal.
    let json = match decode(data) {
        Ok(json) => json,
        Err(LoadError::NotJson(message)) => {
            assert!(!message.trim().is_empty(), "NotJson without a message");
            assert!(
                std::str::from_utf8(data).is_err()
                    || data.starts_with(&[0xFE, 0xFF])
                    || data.starts_with(&[0xFF, 0xFE]),
                "decode refused UTF-8 text: {message}"
            );
            return;
        }
        Err(e) => panic!("decode gave `{e}`, not NotJson"),
    };
    let whole = load_report(json);

    // Stepped loading with a small budget gives exactly the one-go answer.
    let budget = 1 + data.len() % 61;
    assert_eq!(
        stepped(json, budget),
        whole,
        "Loader with budget {budget} disagrees with load_report"
    );

    agrees_with_serde(json, &whole);
    match &whole {
        Ok(loaded) => {
            check_loaded(loaded);
            check_index(loaded);
        }
        Err(LoadError::Syntax {
            line,
            column,
            message,
        }) => {
            // serde counts columns from 1, and says column 0 at the very start of a line.
            assert!(*line >= 1, "syntax error at {line}:{column}");
            assert!(!message.trim().is_empty(), "syntax error without a message");
        }
        Err(LoadError::NotJson(message)) => {
            assert!(!message.trim().is_empty(), "NotJson without a message");
        }
        Err(LoadError::Invalid(problems)) => {
            assert!(!problems.is_empty(), "Invalid without problems");
            assert!(
                problems.iter().any(|p| p.severity == Severity::Error),
                "Invalid without an error: {problems:?}"
            );
            for p in problems {
                check_problem(p, "invalid report");
            }
        }
    }
    if let Err(e) = &whole {
        assert!(!e.to_string().is_empty());
    }
}

/// The result of a [`Loader`] driven `budget` bytes at a time, checking its progress on the way.
fn stepped(text: &str, budget: usize) -> Result<Loaded, LoadError> {
    let mut loader = Loader::new(text);
    let mut last = loader.progress();
    loop {
        let step = loader.step(text, budget);
        let now = loader.progress();
        // The loader ignores a leading byte order mark (a second one, after `decode` dropped one).
        assert_eq!(
            now.bytes_total,
            text.strip_prefix('\u{feff}').unwrap_or(text).len()
        );
        assert!(now.bytes_split <= now.bytes_total, "{now:?}");
        assert!(now.bytes_split >= last.bytes_split, "{last:?} then {now:?}");
        if let Some(total) = now.entries_total {
            assert!(now.entries_done <= total, "{now:?}");
        }
        assert!(
            now.entries_done >= last.entries_done,
            "{last:?} then {now:?}"
        );
        last = now;
        match step {
            Ok(Some(loaded)) => return Ok(loaded),
            Ok(None) => {}
            Err(e) => return Err(e),
        }
    }
}

/// serde's words for the values the loader skips with their item rather than refusing the file.
const SPOILED: [&str; 7] = [
    "number out of range",
    "expected value",
    "invalid number",
    "unexpected end of hex escape",
    "lone leading surrogate",
    "control character",
    "recursion limit exceeded",
];

/// The loader agrees with serde_json on what is JSON: text serde reads is never a syntax
/// error or "not JSON"; text serde refuses is never loaded without an error listed (a value
/// JSON does not allow, like `NaN`, skips its item with an error), and a syntax error is
/// reported at serde's first error or later, in serde's words when at the same place.
fn agrees_with_serde(json: &str, verdict: &Result<Loaded, LoadError>) {
    match (serde_json::from_str::<Value>(json), verdict) {
        (Ok(_), Err(e @ (LoadError::Syntax { .. } | LoadError::NotJson(_)))) => {
            panic!("serde_json reads the text but the loader says `{e}`")
        }
        (Ok(_), _) => {}
        (Err(_), Err(LoadError::NotJson(_))) => {}
        (
            Err(e),
            Err(LoadError::Syntax {
                line,
                column,
                message,
            }),
        ) => {
            assert!(
                (*line, *column) >= (e.line(), e.column()),
                "the loader's syntax error at {line}:{column} comes before serde's `{e}`"
            );
            let serde = e.to_string();
            let serde = &serde[..serde.rfind(" at line ").unwrap_or(serde.len())];
            // A value the loader patches over (see `core::load::soft`) may hide the real
            // error just after it at the same place: then the loader reports that one.
            let spoiled = SPOILED.iter().any(|s| serde.starts_with(s));
            if (*line, *column) == (e.line(), e.column()) && !spoiled {
                assert!(
                    message.starts_with(serde),
                    "the loader reports serde's error `{e}` as `{message}`"
                );
            }
        }
        (Err(e), Err(LoadError::Invalid(problems))) => assert!(
            problems.iter().any(|p| p.severity == Severity::Error),
            "serde_json says `{e}` but the loader lists no error"
        ),
        (Err(e), Ok(loaded)) => assert!(
            loaded
                .problems
                .iter()
                .any(|p| p.severity == Severity::Error),
            "serde_json says `{e}` but the loader loaded {} entries with no error listed",
            loaded.report.entries.len()
        ),
    }
}

/// A loaded report keeps the model's promises: unique valid ids, references that resolve,
/// required text present, problems complete.
fn check_loaded(loaded: &Loaded) {
    let report = &loaded.report;
    assert!(!report.meta.organisation.is_empty() && !report.meta.title.is_empty());
    let mut subsidiaries = HashSet::new();
    for s in &report.subsidiaries {
        assert!(check_id(s.id.as_str()).is_ok(), "bad id {:?}", s.id);
        assert!(subsidiaries.insert(s.id.clone()), "duplicate {:?}", s.id);
        assert!(!s.name.trim().is_empty(), "unnamed {:?}", s.id);
    }
    let mut categories = HashSet::new();
    for c in &report.categories {
        assert!(check_id(c.id.as_str()).is_ok(), "bad id {:?}", c.id);
        assert!(categories.insert(c.id.clone()), "duplicate {:?}", c.id);
        assert!(!c.name.trim().is_empty(), "unnamed {:?}", c.id);
    }
    for c in &report.categories {
        // Every parent exists and the chain ends.
        let mut cursor = c.parent.clone();
        let mut steps = 0;
        while let Some(parent) = cursor {
            assert!(
                categories.contains(&parent),
                "{:?} has a dangling parent",
                c.id
            );
            steps += 1;
            assert!(steps <= report.categories.len(), "{:?} is in a cycle", c.id);
            cursor = report
                .categories
                .iter()
                .find(|p| p.id == parent)
                .and_then(|p| p.parent.clone());
        }
    }
    let mut entries = HashSet::new();
    for e in &report.entries {
        assert!(check_id(e.id.as_str()).is_ok(), "bad id {:?}", e.id);
        assert!(
            entries.insert(e.id.clone()),
            "duplicate entry id {:?}",
            e.id
        );
        assert!(!e.subsidiaries.is_empty(), "{:?} has no subsidiary", e.id);
        assert!(e.subsidiaries.iter().all(|s| subsidiaries.contains(s)));
        assert!(!e.categories.is_empty(), "{:?} has no category", e.id);
        assert!(e.categories.iter().all(|c| categories.contains(c)));
        assert!(!e.title.trim().is_empty() && !e.summary.trim().is_empty());
        for m in &e.metrics {
            assert!(!m.label.trim().is_empty());
            assert!(m.unit.as_ref().is_none_or(|u| !u.trim().is_empty()));
            assert!(m.value.is_finite() && m.to.is_none_or(|to| to >= m.value));
            assert!(m.currency.is_none() || m.unit.is_none());
            assert!(m.decimals.is_none_or(|d| d <= 10));
            assert!(m.out_of.is_none_or(|n| n > 0.0));
        }
    }
    for p in &loaded.problems {
        check_problem(p, "loaded report");
    }
}

/// The index built in one go and a few entries at a time answer alike, and know every entry.
fn check_index(loaded: &Loaded) {
    let report = &loaded.report;
    let index = Index::new(report);
    let mut builder = IndexBuilder::new(report);
    while !builder.step(report, 2) {}
    let stepped = builder.finish();
    assert_eq!(index.len(), report.entries.len());
    assert_eq!(stepped.len(), report.entries.len());
    for (i, e) in report.entries.iter().enumerate() {
        assert_eq!(index.position(&e.id), Some(i));
        for s in &e.subsidiaries {
            assert!(index.knows(Facet::Subsidiary, s.as_str()));
        }
        for c in &e.categories {
            assert!(index.knows(Facet::Category, c.as_str()));
        }
    }
    let all = Selection::default();
    let hits = index.search("");
    let result = index.query(&all, &hits);
    assert_eq!(result, stepped.query(&all, &stepped.search("")));
    assert_eq!(
        result.entries,
        (0..report.entries.len()).collect::<Vec<_>>(),
        "no selection shows every entry in file order"
    );
    for (facet, values) in &result.facets {
        // Each entry has one kind, and counts under each of its subsidiaries.
        let want = match facet {
            Facet::Kind => report.entries.len(),
            Facet::Subsidiary => report.entries.iter().map(|e| e.subsidiaries.len()).sum(),
            _ => continue,
        };
        let sum: usize = values.iter().map(|v| v.count).sum();
        assert_eq!(sum, want, "{facet:?} counts");
    }
    // Searching an entry's own title finds it, in both indexes alike.
    if let Some(first) = report.entries.first() {
        let hits = index.search(&first.title);
        assert!(hits.matches.contains(0), "title search misses its entry");
        let sel = Selection {
            query: first.title.clone(),
            ..Selection::default()
        };
        assert_eq!(
            index.query(&sel, &hits),
            stepped.query(&sel, &stepped.search(&first.title))
        );
    }
}
