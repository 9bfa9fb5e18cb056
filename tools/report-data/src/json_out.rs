//! Writing a report as pretty JSON with the fields in the documented order (`format`,
//! `report`, `divisions`, ...; in an entry `id`, `kind`, `title`, ...), whatever order the
//! map holds them in. Small objects of plain values and lists of plain values sit on one line.

use serde_json::Value;
use std::fmt::Write;

/// Every field name in an order that agrees with the documented order of each object
/// (top level, report, source, division, subsidiary, category, entry, figure, baseline).
/// It names exactly the fields of the loader's `FIELDS` lists (`core::raw`), no more and no
/// fewer: `tests/field_order.rs` fails when they drift apart.
pub const ORDER: &[&str] = &[
    "format",
    "report",
    "organisation",
    "id",
    "kind",
    "label",
    "value",
    "to",
    "unit",
    "currency",
    "scale",
    "qualifier",
    "out_of",
    "decimals",
    "title",
    "name",
    "summary",
    "sector",
    "division",
    "parent",
    "divisions",
    "subsidiaries",
    "categories",
    "period",
    "fiscal_year_end",
    "language",
    "text",
    "date",
    "awarding_body",
    "location",
    "countries",
    "figures",
    "baseline",
    "family",
    "entries",
    "source",
    "document",
    "chapter",
    "section",
    "passage",
    "page",
    "url",
];

/// Longest line an object or list is put on whole.
const INLINE: usize = 100;

fn rank(key: &str) -> (usize, &str) {
    (
        ORDER.iter().position(|k| *k == key).unwrap_or(ORDER.len()),
        key,
    )
}

fn is_plain(v: &Value) -> bool {
    !matches!(v, Value::Object(_) | Value::Array(_))
}

/// A scalar (or a list of scalars) on one line.
fn compact(v: &Value) -> String {
    serde_json::to_string(v).expect("a Value always serialises")
}

/// The report as pretty JSON, fields in the documented order, with a final line break.
pub fn to_pretty(v: &Value) -> String {
    let mut out = String::new();
    write(&mut out, v, 0);
    out.push('\n');
    out
}

fn inline(v: &Value) -> Option<String> {
    match v {
        Value::Array(items) if items.iter().all(is_plain) => {
            let parts: Vec<String> = items.iter().map(compact).collect();
            Some(format!("[{}]", parts.join(", ")))
        }
        Value::Object(map) if map.values().all(is_plain) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by_key(|k| rank(k));
            let parts: Vec<String> = keys
                .iter()
                .map(|k| {
                    format!(
                        "{}: {}",
                        compact(&Value::String((*k).clone())),
                        compact(&map[*k])
                    )
                })
                .collect();
            Some(if parts.is_empty() {
                "{}".to_owned()
            } else {
                format!("{{ {} }}", parts.join(", "))
            })
        }
        _ if is_plain(v) => Some(compact(v)),
        _ => None,
    }
}

fn write(out: &mut String, v: &Value, depth: usize) {
    if let Some(line) = inline(v).filter(|l| depth > 0 && l.len() + 2 * depth <= INLINE) {
        out.push_str(&line);
        return;
    }
    let pad = "  ".repeat(depth + 1);
    match v {
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push_str("[\n");
            for (n, item) in items.iter().enumerate() {
                out.push_str(&pad);
                write(out, item, depth + 1);
                out.push_str(if n + 1 < items.len() { ",\n" } else { "\n" });
            }
            let _ = write!(out, "{}]", "  ".repeat(depth));
        }
        Value::Object(map) => {
            if map.is_empty() {
                out.push_str("{}");
                return;
            }
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by_key(|k| rank(k));
            out.push_str("{\n");
            for (n, k) in keys.iter().enumerate() {
                let _ = write!(out, "{pad}{}: ", compact(&Value::String((*k).clone())));
                write(out, &map[*k], depth + 1);
                out.push_str(if n + 1 < keys.len() { ",\n" } else { "\n" });
            }
            let _ = write!(out, "{}}}", "  ".repeat(depth));
        }
        _ => out.push_str(&compact(v)),
    }
}
