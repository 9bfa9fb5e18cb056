//! Reading a workbook: the sheets of an xlsx file (calamine) or the CSV files of a folder
//! (`csv`), as cells. Which sheets are needed and what they hold is checked by `import`.

use crate::book::{Book, Cell, Origin, Sheet};
use crate::template::TABLES;
use calamine::{Data, Reader};
use std::path::Path;

/// Reads the template's sheets from an xlsx file. Sheets of other names are ignored; a
/// missing sheet is reported by `import`.
pub fn read_xlsx(path: &Path) -> Result<Book, String> {
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(path)
        .map_err(|e| format!("{}: error: cannot read the workbook: {e}", path.display()))?;
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        if !TABLES.iter().any(|t| t.name == name) {
            continue;
        }
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| format!("{}: error: cannot read sheet `{name}`: {e}", path.display()))?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top as usize];
        for row in range.rows() {
            let mut cells = vec![Cell::Empty; left as usize];
            cells.extend(row.iter().map(cell_of));
            rows.push(cells);
        }
        sheets.push(Sheet {
            name,
            rows,
            lines: Vec::new(),
        });
    }
    Ok(Book {
        origin: Origin::Xlsx(path.to_owned()),
        sheets,
    })
}

/// An xlsx cell as a [`Cell`]. Dates typed as dates become `YYYY-MM-DD` text.
fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.is_empty() => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::DateTime(d) if d.as_f64().fract() == 0.0 => Cell::Text(excel_date(d.as_f64() as i64)),
        other => Cell::Other(other.to_string()),
    }
}

/// The `YYYY-MM-DD` of an Excel date serial (days since 1899-12-30).
fn excel_date(serial: i64) -> String {
    // Days since 1970-01-01, then the civil date (Howard Hinnant's algorithm).
    let z = serial - 25569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Reads the template's CSV files from a folder (or the folder of the file given). A missing
/// file is reported by `import`.
pub fn read_csv(path: &Path) -> Result<Book, String> {
    let dir = Book::csv_folder(path);
    let mut sheets = Vec::new();
    for table in TABLES {
        let file = dir.join(format!("{}.csv", table.name));
        if !file.is_file() {
            continue;
        }
        let bytes = std::fs::read(&file)
            .map_err(|e| format!("{}: error: cannot read the file: {e}", file.display()))?;
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut rows = Vec::new();
        let mut lines = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(&file, &e))?;
            lines.push(
                record
                    .position()
                    .map_or(rows.len() + 1, |p| p.line() as usize),
            );
            rows.push(
                record
                    .iter()
                    .map(|t| {
                        if t.is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(t.to_owned())
                        }
                    })
                    .collect(),
            );
        }
        sheets.push(Sheet {
            name: table.name.to_owned(),
            rows,
            lines,
        });
    }
    Ok(Book {
        origin: Origin::Csv(dir),
        sheets,
    })
}

fn csv_error(file: &Path, e: &csv::Error) -> String {
    let at = e
        .position()
        .map(|p| format!(":{}", p.line()))
        .unwrap_or_default();
    let what = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            "the file is not UTF-8 text; save it as CSV UTF-8".to_owned()
        }
        _ => e.to_string(),
    };
    format!("{}{at}: error: {what}", file.display())
}
