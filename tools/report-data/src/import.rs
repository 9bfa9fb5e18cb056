//! Spreadsheet to JSON: the template's tables become a format 2 report (`serde_json::Value`
//! with the spec's field names), remembering which sheet row each item came from so the
//! loader's problems can be named by sheet, row and column. A spreadsheet that does not fit
//! the template (a missing sheet or column, an unknown column, text in a number column, a bad
//! list cell, a figure of an unknown entry) gets one message per fault and no JSON at all.

use crate::book::{Book, Cell, Sheet};
use crate::template::{Kind, Table, ENTRIES, FIGURES, REPORT, REPORT_FIELDS, TABLES};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The report read from a workbook, and where each item came from.
#[derive(Debug)]
pub struct Imported {
    /// The format 2 report.
    pub json: Value,
    /// Sheet rows of the items.
    pub places: Places,
}

/// Where the JSON's items sit in the workbook (0-based sheet rows).
#[derive(Debug, Default)]
pub struct Places {
    /// `report` sheet: the row of each field (`source.url`, ...).
    pub report: HashMap<String, usize>,
    /// Per table (`divisions`, `subsidiaries`, `categories`, `entries`): the row of item `i`.
    pub items: HashMap<&'static str, Vec<usize>>,
    /// `figures` sheet: the row of figure `j` of entry `i`.
    pub figures: Vec<Vec<usize>>,
    /// Per table: the sheet column of each template column.
    pub columns: HashMap<&'static str, Vec<Option<usize>>>,
}

/// The format tag written when the `report` sheet has no `format` value.
pub const FORMAT: &str = "report-explorer/2";

/// Reads the workbook into a format 2 report. `Err` holds one line per fault, each naming
/// its place (`book.xlsx:figures!C4: error: ...`).
pub fn import(book: &Book) -> Result<Imported, Vec<String>> {
    let mut errors = Vec::new();
    let mut places = Places::default();
    let mut top = Map::new();
    for table in TABLES {
        let Some(sheet) = book.sheet(table.name) else {
            if !table.optional {
                errors.push(missing_table(book, table));
            }
            continue;
        };
        let Some(columns) = header(book, sheet, table, &mut errors) else {
            continue;
        };
        places.columns.insert(table.name, columns);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut ids: HashMap<String, usize> = HashMap::new();
    for table in TABLES {
        let Some(sheet) = book.sheet(table.name) else {
            continue;
        };
        let columns = &places.columns[table.name].clone();
        if table.name == REPORT.name {
            let report = report(book, sheet, columns, &mut places, &mut errors);
            let format = report.get("format").cloned();
            top.insert("format".into(), format.unwrap_or_else(|| FORMAT.into()));
            let mut report = report;
            report.remove("format");
            top.insert("report".into(), Value::Object(report));
            continue;
        }
        if table.name == FIGURES.name {
            let entries = top.get_mut("entries").and_then(Value::as_array_mut);
            figures(
                book,
                sheet,
                columns,
                entries,
                &ids,
                &mut places,
                &mut errors,
            );
            continue;
        }
        let mut items = Vec::new();
        let mut rows = Vec::new();
        for (r, row) in data_rows(sheet) {
            let item = object(book, table, row, r, columns, 0, &mut errors);
            if table.name == ENTRIES.name {
                if let Some(Value::String(id)) = item.get("id") {
                    ids.entry(id.clone()).or_insert(items.len());
                }
            }
            items.push(Value::Object(item));
            rows.push(r);
        }
        places.items.insert(table.name, rows);
        top.insert(table.name.into(), Value::Array(items));
    }
    if errors.is_empty() {
        Ok(Imported {
            json: Value::Object(top),
            places,
        })
    } else {
        Err(errors)
    }
}

fn missing_table(book: &Book, table: &Table) -> String {
    let what = match book.origin {
        crate::book::Origin::Xlsx(_) => format!("no sheet `{}`", table.name),
        crate::book::Origin::Csv(_) => format!("no file `{}.csv`", table.name),
    };
    let expected: Vec<&str> = TABLES
        .iter()
        .filter(|t| !t.optional)
        .map(|t| t.name)
        .collect();
    format!(
        "{}: error: {what} (expected tables {}; `divisions` may be left out)",
        book.name(),
        expected.join(", ")
    )
}

/// The sheet column of each template column, from the header row; faults reported.
fn header(
    book: &Book,
    sheet: &Sheet,
    table: &Table,
    errors: &mut Vec<String>,
) -> Option<Vec<Option<usize>>> {
    let before = errors.len();
    let mut columns = vec![None; table.columns.len()];
    let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    for c in 0..width {
        let name = match sheet.cell(0, c) {
            Cell::Text(t) => t.trim().to_owned(),
            Cell::Empty => String::new(),
            other => format!("{other:?}"),
        };
        if name.is_empty() {
            if sheet
                .rows
                .iter()
                .skip(1)
                .any(|r| !r.get(c).is_none_or(Cell::is_blank))
            {
                errors.push(format!(
                    "{}: error: this column has data but no header (expected one of {})",
                    book.place(table.name, 0, Some(c)),
                    table.header_list()
                ));
            }
            continue;
        }
        match table.column(&name) {
            Some(k) if columns[k].is_none() => columns[k] = Some(c),
            Some(_) => errors.push(format!(
                "{}: error: a second column `{name}`",
                book.place(table.name, 0, Some(c))
            )),
            None => errors.push(format!(
                "{}: error: unknown column `{name}` (expected one of {})",
                book.place(table.name, 0, Some(c)),
                table.header_list()
            )),
        }
    }
    for (k, column) in table.columns.iter().enumerate() {
        if columns[k].is_none() {
            errors.push(format!(
                "{}: error: no column `{}` (expected the header row {})",
                book.place(table.name, 0, None),
                column.name,
                table.header_list()
            ));
        }
    }
    (errors.len() == before).then_some(columns)
}

/// The rows below the header that hold anything, with their 0-based row numbers.
fn data_rows(sheet: &Sheet) -> impl Iterator<Item = (usize, &Vec<Cell>)> {
    sheet
        .rows
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, row)| !row.iter().all(Cell::is_blank))
}

/// The JSON value of a cell read as `kind`; `Ok(None)` when not given.
pub fn value_of(cell: &Cell, kind: Kind) -> Result<Option<Value>, String> {
    if cell.is_blank() {
        return Ok(None);
    }
    match (kind, cell) {
        (_, Cell::Other(shown)) => Err(format!("the cell holds `{shown}`, not a value")),
        (Kind::Text, Cell::Text(t)) => Ok(Some(Value::String(t.clone()))),
        (Kind::Text | Kind::List, Cell::Number(n)) => {
            let text = number_text(*n);
            Ok(Some(match kind {
                Kind::List => Value::Array(vec![Value::String(text)]),
                _ => Value::String(text),
            }))
        }
        (Kind::Number, Cell::Number(n)) => Ok(Some(number(*n))),
        (Kind::Number, Cell::Text(t)) => match t.trim().parse::<f64>() {
            Ok(n) if n.is_finite() && !t.trim().starts_with('+') => Ok(Some(number(n))),
            _ => Err(format!(
                "`{t}` is not a number (expected digits such as 4200000, 0.0042 or 1e-7)"
            )),
        },
        (Kind::List, Cell::Text(t)) => {
            let items: Vec<&str> = t.split(';').map(str::trim).collect();
            if items.iter().any(|i| i.is_empty()) {
                return Err(format!(
                    "the list `{t}` has an empty item (expected items separated by `;`, such as `a; b`)"
                ));
            }
            Ok(Some(Value::Array(
                items
                    .into_iter()
                    .map(|i| Value::String(i.to_owned()))
                    .collect(),
            )))
        }
        (_, Cell::Empty) => Ok(None),
    }
}

/// A number as JSON: whole numbers (below 2^53) as integers, so `4200000` stays `4200000`.
pub fn number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
        Value::from(n as i64)
    } else {
        serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
    }
}

/// A number cell in a text column, as text: `2019`, not `2019.0`.
fn number_text(n: f64) -> String {
    match number(n) {
        Value::Number(num) => num.to_string(),
        _ => n.to_string(),
    }
}

/// Puts `value` at the dotted `name` (`source.section`) in `map`.
pub fn insert_at(map: &mut Map<String, Value>, name: &str, value: Value) {
    match name.split_once('.') {
        Some((head, rest)) => {
            let inner = map
                .entry(head.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(inner) = inner {
                insert_at(inner, rest, value);
            }
        }
        None => {
            map.insert(name.to_owned(), value);
        }
    }
}

/// One row as an object, template columns from `first` on.
fn object(
    book: &Book,
    table: &Table,
    row: &[Cell],
    r: usize,
    columns: &[Option<usize>],
    first: usize,
    errors: &mut Vec<String>,
) -> Map<String, Value> {
    let mut map = Map::new();
    for (k, column) in table.columns.iter().enumerate().skip(first) {
        let c = columns[k].expect("checked by header");
        let cell = row.get(c).unwrap_or(&Cell::Empty);
        match value_of(cell, column.kind) {
            Ok(Some(value)) => insert_at(&mut map, column.name, value),
            Ok(None) => {}
            Err(message) => errors.push(format!(
                "{}: error: {}: {message}",
                book.place(table.name, r, Some(c)),
                column.name
            )),
        }
    }
    map
}

/// The `report` sheet's rows as the report object (with `format` in it, taken out later).
fn report(
    book: &Book,
    sheet: &Sheet,
    columns: &[Option<usize>],
    places: &mut Places,
    errors: &mut Vec<String>,
) -> Map<String, Value> {
    let (fc, vc) = (columns[0].expect("header"), columns[1].expect("header"));
    let mut map = Map::new();
    for (r, row) in data_rows(sheet) {
        let cell = row.get(fc).unwrap_or(&Cell::Empty);
        let field = match cell {
            Cell::Text(t) => t.trim(),
            _ => "",
        };
        let Some(&(name, kind)) = REPORT_FIELDS.iter().find(|(n, _)| *n == field) else {
            let names: Vec<String> = REPORT_FIELDS
                .iter()
                .map(|(n, _)| format!("`{n}`"))
                .collect();
            errors.push(format!(
                "{}: error: unknown report field `{field}` (expected one of {})",
                book.place(REPORT.name, r, Some(fc)),
                names.join(", ")
            ));
            continue;
        };
        if places.report.insert(name.to_owned(), r).is_some() {
            errors.push(format!(
                "{}: error: a second `{name}` row",
                book.place(REPORT.name, r, Some(fc))
            ));
            continue;
        }
        match value_of(row.get(vc).unwrap_or(&Cell::Empty), kind) {
            Ok(Some(value)) => insert_at(&mut map, name, value),
            Ok(None) => {}
            Err(message) => errors.push(format!(
                "{}: error: {name}: {message}",
                book.place(REPORT.name, r, Some(vc))
            )),
        }
    }
    map
}

/// The `figures` rows, each put in its entry's `figures` in row order.
fn figures(
    book: &Book,
    sheet: &Sheet,
    columns: &[Option<usize>],
    mut entries: Option<&mut Vec<Value>>,
    ids: &HashMap<String, usize>,
    places: &mut Places,
    errors: &mut Vec<String>,
) {
    let count = entries.as_ref().map_or(0, |e| e.len());
    places.figures = vec![Vec::new(); count];
    let ec = columns[0].expect("header");
    for (r, row) in data_rows(sheet) {
        let figure = object(book, &FIGURES, row, r, columns, 1, errors);
        let id = match row.get(ec).map(|c| value_of(c, Kind::Text)) {
            Some(Ok(Some(Value::String(id)))) => id,
            _ => {
                errors.push(format!(
                    "{}: error: entry: empty (expected the id of a row in `entries`)",
                    book.place(FIGURES.name, r, Some(ec))
                ));
                continue;
            }
        };
        let (Some(&i), Some(entries)) = (ids.get(&id), entries.as_deref_mut()) else {
            errors.push(format!(
                "{}: error: entry: no entry has id `{id}` (expected the id of a row in `entries`)",
                book.place(FIGURES.name, r, Some(ec))
            ));
            continue;
        };
        if let Value::Object(entry) = &mut entries[i] {
            let list = entry
                .entry("figures")
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(list) = list {
                list.push(Value::Object(figure));
            }
        }
        places.figures[i].push(r);
    }
}
