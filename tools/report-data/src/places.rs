//! Loader paths back to spreadsheet places: `entries[3].figures[0].value` is the `value` cell
//! of that figure's row in `figures`; `report.source.url` is the value of the `source.url`
//! row in `report`. A path with no cell of its own names its row, then its table.

use crate::book::Book;
use crate::import::Places;
use crate::template::{table, Table, FIGURES, REPORT};
use report_explorer::core::locate::{steps, Step};

/// The keys of `steps`, dotted, stopping at the first index: `source.section`.
fn dotted(steps: &[Step]) -> Vec<&str> {
    steps
        .iter()
        .map_while(|s| match s {
            Step::Key(k) => Some(k.as_str()),
            Step::Index(_) => None,
        })
        .collect()
}

/// The template column of the longest dotted prefix of `keys` that names one.
fn column_of(table: &Table, keys: &[&str]) -> Option<usize> {
    (1..=keys.len())
        .rev()
        .find_map(|n| table.column(&keys[..n].join(".")))
}

/// The place in `book` a loader path points at (see the module docs).
pub fn place_of(book: &Book, places: &Places, path: &str) -> String {
    let steps = steps(path);
    let cell = |table: &Table, row: usize, rest: &[Step]| {
        let col = column_of(table, &dotted(rest))
            .and_then(|k| places.columns.get(table.name).and_then(|c| c[k]));
        book.place(table.name, row, col)
    };
    match steps.as_slice() {
        [] => book.name(),
        [Step::Key(k)] if k == "format" => report_row(book, places, &["format"]),
        [Step::Key(k), rest @ ..] if k == "report" => report_row(book, places, &dotted(rest)),
        [Step::Key(t), Step::Index(i), Step::Key(f), Step::Index(j), rest @ ..]
            if t == "entries" && f == "figures" =>
        {
            match places.figures.get(*i).and_then(|rows| rows.get(*j)) {
                Some(&row) => cell(&FIGURES, row, rest),
                None => entry_or_table(book, places, "entries", *i, &[]),
            }
        }
        [Step::Key(t), Step::Index(i), rest @ ..] => entry_or_table(book, places, t, *i, rest),
        [Step::Key(t), ..] if table(t).is_some() => book.table_place(t),
        _ => book.name(),
    }
}

fn entry_or_table(book: &Book, places: &Places, name: &str, i: usize, rest: &[Step]) -> String {
    let Some(table) = table(name) else {
        return book.name();
    };
    match places.items.get(table.name).and_then(|rows| rows.get(i)) {
        Some(&row) => {
            let col = column_of(table, &dotted(rest))
                .and_then(|k| places.columns.get(table.name).and_then(|c| c[k]));
            book.place(table.name, row, col)
        }
        None => book.table_place(table.name),
    }
}

fn report_row(book: &Book, places: &Places, keys: &[&str]) -> String {
    let value_col = places.columns.get(REPORT.name).and_then(|c| c[1]);
    (1..=keys.len())
        .rev()
        .find_map(|n| places.report.get(&keys[..n].join(".")))
        .map_or_else(
            || book.table_place(REPORT.name),
            |&row| book.place(REPORT.name, row, value_col),
        )
}
