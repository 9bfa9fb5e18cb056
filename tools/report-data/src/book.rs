//! A workbook read from (or to be written to) an xlsx file or a folder of CSV files: sheets of
//! cells, and how a cell is named in a message (`book.xlsx:entries!C12`, `entries.csv:12:3`).

use std::path::{Path, PathBuf};

/// One cell as read.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing (or only spaces, for text).
    Empty,
    /// Text.
    Text(String),
    /// A number cell (xlsx only; CSV cells are text).
    Number(f64),
    /// Anything else an xlsx cell may hold (a boolean, an error such as `#N/A`), as shown.
    Other(String),
}

impl Cell {
    /// Empty, or text of spaces only.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// One sheet: rows of cells, the header row first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    /// The sheet's (or CSV file's) table name.
    pub name: String,
    /// The rows, from the top; `rows[0]` is the header.
    pub rows: Vec<Vec<Cell>>,
    /// The line each row starts on (CSV, where a quoted cell may hold line breaks); empty
    /// for xlsx, where row `r` is row `r + 1`.
    pub lines: Vec<usize>,
}

impl Sheet {
    /// The cell at a 0-based row and column (`Empty` past the end).
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&Cell::Empty)
    }
}

/// Where the workbook lives, which decides how places are named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// An xlsx file.
    Xlsx(PathBuf),
    /// A folder of CSV files.
    Csv(PathBuf),
}

/// A workbook: its origin and its sheets.
#[derive(Clone, Debug, PartialEq)]
pub struct Book {
    /// Where it was read from.
    pub origin: Origin,
    /// The sheets found, by table name.
    pub sheets: Vec<Sheet>,
}

/// The column letters of a 0-based column: 0 → `A`, 26 → `AA`.
pub fn column_letters(col: usize) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII")
}

impl Book {
    /// The sheet of table `name`, if the workbook has it.
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|s| s.name == name)
    }

    /// The file a message about table `name` names: the xlsx file, or the table's CSV file.
    pub fn file_of(&self, table: &str) -> String {
        match &self.origin {
            Origin::Xlsx(path) => path.display().to_string(),
            Origin::Csv(dir) => dir.join(format!("{table}.csv")).display().to_string(),
        }
    }

    /// Table `table` as a whole in a message: `book.xlsx:entries`, or `dir/entries.csv`.
    pub fn table_place(&self, table: &str) -> String {
        match &self.origin {
            Origin::Xlsx(path) => format!("{}:{table}", path.display()),
            Origin::Csv(_) => self.file_of(table),
        }
    }

    /// The workbook itself in a message: the xlsx file or the folder.
    pub fn name(&self) -> String {
        match &self.origin {
            Origin::Xlsx(path) | Origin::Csv(path) => path.display().to_string(),
        }
    }

    /// A place in table `table` (0-based row and column; no column: the whole row), as a
    /// message names it: `book.xlsx:entries!C12` (`book.xlsx:entries!12` for a row), or
    /// `dir/entries.csv:12:3` (`dir/entries.csv:12`), line and field numbers 1-based.
    pub fn place(&self, table: &str, row: usize, col: Option<usize>) -> String {
        let file = self.file_of(table);
        match &self.origin {
            Origin::Xlsx(_) => match col {
                Some(c) => format!("{file}:{table}!{}{}", column_letters(c), row + 1),
                None => format!("{file}:{table}!{}", row + 1),
            },
            Origin::Csv(_) => {
                let line = self
                    .sheet(table)
                    .and_then(|s| s.lines.get(row).copied())
                    .unwrap_or(row + 1);
                match col {
                    Some(c) => format!("{file}:{line}:{}", c + 1),
                    None => format!("{file}:{line}"),
                }
            }
        }
    }

    /// The folder of a CSV workbook given as a folder or as one of its files.
    pub fn csv_folder(path: &Path) -> PathBuf {
        if path.is_dir() {
            path.to_owned()
        } else {
            match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
                _ => PathBuf::from("."),
            }
        }
    }
}
