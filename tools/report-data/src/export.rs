//! JSON to spreadsheet: a report (format 2, or format 1 mapped the way the loader migrates
//! it) as the template's sheets of cells. Fields the template has no column for are left out
//! with a warning each.

use crate::book::{Cell, Sheet};
use crate::import::FORMAT;
use crate::template::{Kind, Table, ENTRIES, FIGURES, REPORT_FIELDS, TABLES};
use serde_json::{Map, Value};

/// Currency codes a format 1 `unit` may hold, moved to `currency` as the loader's migration
/// does: common ISO 4217 codes and `RMB` (so `TEU` stays a unit).
const CURRENCIES: &[&str] = &[
    "AED", "ARS", "AUD", "BRL", "CAD", "CHF", "CLP", "CNH", "CNY", "COP", "CZK", "DKK", "EGP",
    "EUR", "GBP", "HKD", "HUF", "IDR", "ILS", "INR", "JPY", "KRW", "KZT", "MOP", "MXN", "MYR",
    "NGN", "NOK", "NZD", "PEN", "PHP", "PKR", "PLN", "QAR", "RMB", "RUB", "SAR", "SEK", "SGD",
    "THB", "TRY", "TWD", "UAH", "USD", "VND", "ZAR",
];

/// Format 1's names mapped to format 2's, in place: `subsidiary` → `subsidiaries`, `country`
/// → `countries`, `metrics` → `figures`, a currency `unit` → `currency`.
pub fn migrate(report: &mut Value) {
    let Some(entries) = report.get_mut("entries").and_then(Value::as_array_mut) else {
        return;
    };
    for entry in entries.iter_mut().filter_map(Value::as_object_mut) {
        for (old, new) in [("subsidiary", "subsidiaries"), ("country", "countries")] {
            if let Some(v) = entry.remove(old) {
                let list = if v.is_array() {
                    v
                } else {
                    Value::Array(vec![v])
                };
                entry.entry(new).or_insert(list);
            }
        }
        if let Some(v) = entry.remove("metrics") {
            entry.entry("figures").or_insert(v);
        }
        for figure in entry
            .get_mut("figures")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
            .filter_map(Value::as_object_mut)
        {
            let unit = figure.get("unit").and_then(Value::as_str).unwrap_or("");
            if CURRENCIES.contains(&unit) && !figure.contains_key("currency") {
                let unit = figure.remove("unit").expect("just read");
                figure.insert("currency".into(), unit);
            }
        }
    }
}

/// A JSON value as the cell of a `kind` column.
pub fn cell_of(value: Option<&Value>, kind: Kind) -> Cell {
    match (value, kind) {
        (None | Some(Value::Null), _) => Cell::Empty,
        (Some(Value::String(s)), _) if s.is_empty() => Cell::Empty,
        (Some(Value::String(s)), _) => Cell::Text(s.clone()),
        (Some(Value::Number(n)), Kind::Number) => n.as_f64().map_or(Cell::Empty, Cell::Number),
        (Some(Value::Array(items)), Kind::List) => {
            let items: Vec<String> = items
                .iter()
                .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
                .collect();
            if items.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(items.join("; "))
            }
        }
        (Some(other), _) => Cell::Text(other.to_string()),
    }
}

/// The value at dotted `name` (`source.section`) in `map`.
fn get<'a>(map: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    match name.split_once('.') {
        Some((head, rest)) => get(map.get(head)?.as_object()?, rest),
        None => map.get(name),
    }
}

/// The dotted names of `map`'s fields, one level into objects (`source.section`).
fn fields(map: &Map<String, Value>) -> Vec<String> {
    let mut out = Vec::new();
    for (k, v) in map {
        match v {
            Value::Object(inner) if !inner.is_empty() => {
                out.extend(inner.keys().map(|i| format!("{k}.{i}")));
            }
            _ => out.push(k.clone()),
        }
    }
    out
}

/// One row of `table` from an object, from template column `first` on; fields with no
/// column are named in `warnings`.
fn row(
    table: &Table,
    map: &Map<String, Value>,
    first: usize,
    path: &str,
    skip: &[&str],
    warnings: &mut Vec<String>,
) -> Vec<Cell> {
    for field in fields(map) {
        if table.column(&field).is_none() && !skip.contains(&field.as_str()) {
            warnings.push(format!("{path}.{field}: not in the template, left out"));
        }
    }
    table.columns[first..]
        .iter()
        .map(|c| cell_of(get(map, c.name), c.kind))
        .collect()
}

fn header(table: &Table) -> Vec<Cell> {
    table
        .columns
        .iter()
        .map(|c| Cell::Text(c.name.to_owned()))
        .collect()
}

/// The report as the template's sheets (`divisions` always, perhaps empty), and warnings
/// (`PATH: message`) for anything left out. Format 1 names are mapped first ([`migrate`]).
pub fn to_sheets(report: &Value) -> (Vec<Sheet>, Vec<String>) {
    let mut report = report.clone();
    migrate(&mut report);
    let empty = Map::new();
    let top = report.as_object().unwrap_or(&empty);
    let mut warnings = Vec::new();
    let mut sheets = Vec::new();
    for table in TABLES {
        let mut rows = vec![header(table)];
        match table.name {
            "report" => {
                let meta = top
                    .get("report")
                    .and_then(Value::as_object)
                    .unwrap_or(&empty);
                for field in fields(meta) {
                    if !REPORT_FIELDS.iter().any(|(n, _)| *n == field) || field == "format" {
                        warnings.push(format!("report.{field}: not in the template, left out"));
                    }
                }
                for &(name, kind) in REPORT_FIELDS {
                    let value = if name == "format" {
                        Cell::Text(FORMAT.to_owned())
                    } else {
                        cell_of(get(meta, name), kind)
                    };
                    rows.push(vec![Cell::Text(name.to_owned()), value]);
                }
            }
            "figures" => {
                for (i, entry) in items(top, ENTRIES.name) {
                    let id = cell_of(entry.get("id"), Kind::Text);
                    for (j, figure) in items(entry, "figures") {
                        let path = format!("entries[{i}].figures[{j}]");
                        let mut cells = vec![id.clone()];
                        cells.extend(row(&FIGURES, figure, 1, &path, &[], &mut warnings));
                        rows.push(cells);
                    }
                }
            }
            name => {
                let skip: &[&str] = if name == "entries" { &["figures"] } else { &[] };
                for (i, item) in items(top, name) {
                    let path = format!("{name}[{i}]");
                    rows.push(row(table, item, 0, &path, skip, &mut warnings));
                }
            }
        }
        sheets.push(Sheet {
            name: table.name.to_owned(),
            rows,
            lines: Vec::new(),
        });
    }
    for key in top.keys() {
        if !matches!(key.as_str(), "format" | "report") && crate::template::table(key).is_none() {
            warnings.push(format!("{key}: not in the template, left out"));
        }
    }
    (sheets, warnings)
}

/// The objects of list `name` in `map`, with their indices.
fn items<'a>(
    map: &'a Map<String, Value>,
    name: &str,
) -> impl Iterator<Item = (usize, &'a Map<String, Value>)> {
    map.get(name)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, v)| Some((i, v.as_object()?)))
}
