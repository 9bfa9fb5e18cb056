//! JSON → xlsx → JSON and JSON → CSV → JSON are lossless on generated format 2 reports.
//!
//! **Lossless** means: the JSON imported back equals the JSON exported, after both are
//! [`normalise`]d: a field that is absent, `null`, a blank string or an empty list is "not
//! given" (the spec's rule for optional fields; a spreadsheet has only an empty cell for all
//! four), and numbers compare as the `f64` they denote (`4200000` and `4200000.0` are one
//! number). Nothing else is forgiven: every text keeps its exact characters (line breaks,
//! quotes, `;`, leading and trailing spaces, any unicode), every number its exact value, and
//! every list, entry and figure its order. The JSON the tool writes (`to_pretty`) reads back
//! as the same value too.

use proptest::prelude::*;
use report_data::book::Book;
use report_data::export::to_sheets;
use report_data::import::import;
use report_data::json_out::to_pretty;
use report_data::read::{read_csv, read_xlsx};
use report_data::write::{csv_bytes, xlsx_bytes};
use serde_json::{json, Map, Value};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Drops not-given fields and makes every number an `f64` (see the module docs).
fn normalise(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| match v {
                    Value::Null => false,
                    Value::String(s) => !s.trim().is_empty(),
                    Value::Array(a) => !a.is_empty(),
                    _ => true,
                })
                .map(|(k, v)| (k.clone(), normalise(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(normalise).collect()),
        Value::Number(n) => json!(n.as_f64().expect("finite")),
        other => other.clone(),
    }
}

fn scratch(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("report-data-rt-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn via_xlsx(report: &Value) -> Value {
    let (sheets, warnings) = to_sheets(report);
    assert_eq!(warnings, Vec::<String>::new());
    let path = scratch("book.xlsx");
    std::fs::write(&path, xlsx_bytes(&sheets).unwrap()).unwrap();
    let book = read_xlsx(&path).unwrap();
    std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
    imported(&book)
}

fn via_csv(report: &Value) -> Value {
    let (sheets, _) = to_sheets(report);
    let dir = scratch("csv");
    std::fs::create_dir_all(&dir).unwrap();
    for sheet in &sheets {
        std::fs::write(
            dir.join(format!("{}.csv", sheet.name)),
            csv_bytes(sheet).unwrap(),
        )
        .unwrap();
    }
    // Any one of the files names the folder.
    let book = read_csv(&dir.join("figures.csv")).unwrap();
    std::fs::remove_dir_all(dir.parent().unwrap()).unwrap();
    imported(&book)
}

fn imported(book: &Book) -> Value {
    let json = import(book).unwrap_or_else(|e| panic!("{e:#?}")).json;
    let reread: Value = serde_json::from_str(&to_pretty(&json)).unwrap();
    assert!(
        same(&reread, &json),
        "to_pretty reads back as the same value"
    );
    json
}

/// Equal values, numbers to 15 significant digits: `to_pretty` writes every digit (ryu's
/// shortest exact form), but serde_json's default reader (without `float_roundtrip`) may be a
/// few units in the last place off for extreme numbers such as `-2.737135640733201e-299`.
/// The import itself is exact: the round trips compare numbers exactly.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same(v, w))
        }
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            x == y || (x - y).abs() <= 1e-15 * x.abs().max(y.abs())
        }
        _ => a == b,
    }
}

/// Text with anything a cell may hold: line breaks, quotes, `;`, commas, spaces at the ends,
/// accents, CJK, emoji, text that looks like a number or a formula. Never blank.
fn text() -> impl Strategy<Value = String> {
    "[ \n]{0,2}[a-zA-Z0-9\"';,.=+\\-é中😀\u{301}\n ]{0,12}[a-zA-Z0-9\"';é中😀]{1,3}[ \n]{0,2}"
}

fn id() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9-]{0,8}"
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0042),
        Just(4_200_000.0),
        Just(1e-7),
        Just(0.1 + 0.2),
        (-1000i64..1000).prop_map(|n| n as f64),
        any::<f64>().prop_filter("finite", |f| f.is_finite()),
    ]
}

/// An optional field: absent, or the value.
fn opt<T: Strategy>(s: T) -> impl Strategy<Value = Option<T::Value>> {
    proptest::option::of(s)
}

fn put(map: &mut Map<String, Value>, key: &str, value: Option<impl Into<Value>>) {
    if let Some(v) = value {
        map.insert(key.to_owned(), v.into());
    }
}

fn figure() -> impl Strategy<Value = Value> {
    (
        (
            text(),
            number(),
            opt(number()),
            opt(text()),
            opt("[A-Z]{3}"),
        ),
        (
            opt(text()),
            opt(text()),
            opt(number()),
            opt(0u32..=10),
            opt(text()),
        ),
        (opt((number(), opt(text()))), opt(text())),
    )
        .prop_map(
            |(
                (label, value, to, unit, currency),
                (scale, qualifier, out_of, decimals, period),
                (baseline, family),
            )| {
                let mut f = Map::new();
                put(&mut f, "label", Some(label));
                put(&mut f, "value", Some(value));
                put(&mut f, "to", to);
                put(&mut f, "unit", unit);
                put(&mut f, "currency", currency);
                put(&mut f, "scale", scale);
                put(&mut f, "qualifier", qualifier);
                put(&mut f, "out_of", out_of);
                put(&mut f, "decimals", decimals);
                put(&mut f, "period", period);
                if let Some((value, period)) = baseline {
                    let mut b = Map::new();
                    put(&mut b, "value", Some(value));
                    put(&mut b, "period", period);
                    f.insert("baseline".into(), Value::Object(b));
                }
                put(&mut f, "family", family);
                Value::Object(f)
            },
        )
}

fn list(item: impl Strategy<Value = String>) -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(item, 1..4)
}

fn entry() -> impl Strategy<Value = Map<String, Value>> {
    (
        (
            "award|kpi|target|incident|partnership",
            text(),
            text(),
            list(id()),
            list(id()),
        ),
        (
            opt(text()),
            opt(text()),
            opt(text()),
            opt(list("[A-Za-zé中][A-Za-z é中,.'\"]{0,8}[A-Za-z]")),
        ),
        proptest::collection::vec(figure(), 0..3),
        (
            text(),
            text(),
            opt(text()),
            opt("https://example\\.com/[a-z]{1,6}"),
        ),
    )
        .prop_map(
            |(
                (kind, title, summary, subs, cats),
                (date, body, location, countries),
                figures,
                (section, passage, page, url),
            )| {
                let mut e = Map::new();
                put(&mut e, "kind", Some(kind));
                put(&mut e, "title", Some(title));
                put(&mut e, "summary", Some(summary));
                put(&mut e, "subsidiaries", Some(subs));
                put(&mut e, "categories", Some(cats));
                put(&mut e, "date", date);
                put(&mut e, "awarding_body", body);
                put(&mut e, "location", location);
                put(&mut e, "countries", countries);
                if !figures.is_empty() {
                    e.insert("figures".into(), Value::Array(figures));
                }
                let mut s = Map::new();
                put(&mut s, "section", Some(section));
                put(&mut s, "passage", Some(passage));
                put(&mut s, "page", page);
                put(&mut s, "url", url);
                e.insert("source".into(), Value::Object(s));
                e
            },
        )
}

/// `{id, name}` plus two optional text fields.
fn item(a: &'static str, b: &'static str) -> impl Strategy<Value = Value> {
    (id(), text(), opt(text()), opt(id())).prop_map(move |(id, name, x, y)| {
        let mut m = Map::new();
        put(&mut m, "id", Some(id));
        put(&mut m, "name", Some(name));
        put(&mut m, a, x);
        put(&mut m, b, y);
        Value::Object(m)
    })
}

fn report() -> impl Strategy<Value = Value> {
    (
        (
            text(),
            text(),
            text(),
            opt(1u32..=12),
            opt("[a-z]{2}(-[A-Z][a-z]{3})?"),
        ),
        (
            text(),
            opt(text()),
            opt("https://example\\.com/[a-z]{1,6}\\.pdf"),
            opt("[a-z]{1,8}/[a-z]{1,8}\\.txt"),
        ),
        proptest::collection::vec((id(), text()), 0..3),
        proptest::collection::vec(item("sector", "division"), 1..4),
        proptest::collection::vec(item("parent", "unused"), 1..4),
        proptest::collection::vec(entry(), 0..5),
    )
        .prop_map(
            |(
                (organisation, title, period, fye, language),
                (document, chapter, url, chapter_text),
                divisions,
                subsidiaries,
                categories,
                entries,
            )| {
                let mut r = Map::new();
                put(&mut r, "organisation", Some(organisation));
                put(&mut r, "title", Some(title));
                put(&mut r, "period", Some(period));
                put(&mut r, "fiscal_year_end", fye);
                put(&mut r, "language", language);
                put(&mut r, "text", chapter_text);
                let mut s = Map::new();
                put(&mut s, "document", Some(document));
                put(&mut s, "chapter", chapter);
                put(&mut s, "url", url);
                r.insert("source".into(), Value::Object(s));
                let categories = categories
                    .into_iter()
                    .map(|mut c| {
                        c.as_object_mut().unwrap().remove("unused");
                        c
                    })
                    .collect();
                // Entry ids are unique: figures name their entry by id.
                let entries = entries
                    .into_iter()
                    .enumerate()
                    .map(|(i, mut e)| {
                        e.insert("id".into(), json!(format!("entry-{i}")));
                        Value::Object(e)
                    })
                    .collect();
                let mut top = Map::new();
                top.insert("format".into(), json!("report-explorer/2"));
                top.insert("report".into(), Value::Object(r));
                if !divisions.is_empty() {
                    let d = divisions
                        .into_iter()
                        .map(|(id, name)| json!({"id": id, "name": name}));
                    top.insert("divisions".into(), Value::Array(d.collect()));
                }
                top.insert("subsidiaries".into(), Value::Array(subsidiaries));
                top.insert("categories".into(), Value::Array(categories));
                top.insert("entries".into(), Value::Array(entries));
                Value::Object(top)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn json_to_xlsx_to_json_is_lossless(report in report()) {
        prop_assert_eq!(normalise(&via_xlsx(&report)), normalise(&report));
    }

    #[test]
    fn json_to_csv_to_json_is_lossless(report in report()) {
        prop_assert_eq!(normalise(&via_csv(&report)), normalise(&report));
    }
}

#[test]
fn the_showcase_survives_both_round_trips() {
    let report: Value = serde_json::from_str(include_str!(
        "../../../tests/fixtures/format2/showcase.json"
    ))
    .unwrap();
    assert_eq!(normalise(&via_xlsx(&report)), normalise(&report));
    assert_eq!(normalise(&via_csv(&report)), normalise(&report));
}

#[test]
fn normalising_forgives_only_not_given_fields_and_number_spelling() {
    let a = json!({"a": 1, "b": null, "c": " ", "d": [], "e": "x", "f": 4200000});
    let b = json!({"a": 1.0, "e": "x", "f": 4.2e6});
    assert_eq!(normalise(&a), normalise(&b));
    assert_ne!(
        normalise(&json!({"e": "x "})),
        normalise(&json!({"e": "x"}))
    );
    assert_ne!(
        normalise(&json!({"l": ["a", "b"]})),
        normalise(&json!({"l": ["b", "a"]}))
    );
}
