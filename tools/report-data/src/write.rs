//! Writing sheets of cells: an xlsx workbook (bold frozen header row, column widths from the
//! template, long text wrapped) or a folder of CSV files (UTF-8 with a byte order mark, which
//! Excel needs to read UTF-8). Both are written whole or not at all.

use crate::book::{Cell, Sheet};
use crate::template::table;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook};
use std::path::Path;

/// The workbook's bytes.
pub fn xlsx_bytes(sheets: &[Sheet]) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    // A fixed creation date, so the same report gives the same file.
    let created = ExcelDateTime::from_ymd(2020, 1, 1).map_err(|e| e.to_string())?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let top = Format::new().set_align(FormatAlign::Top);
    for sheet in sheets {
        let columns = table(&sheet.name).map_or(&[][..], |t| t.columns);
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name).map_err(|e| e.to_string())?;
        ws.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
        for (c, column) in columns.iter().enumerate() {
            ws.set_column_width(c as u16, column.width)
                .map_err(|e| e.to_string())?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let format = if r == 0 {
                    &bold
                } else if columns.get(c).is_some_and(|col| col.wrap) {
                    &wrap
                } else {
                    &top
                };
                let (r, c) = (r as u32, c as u16);
                let written = match cell {
                    Cell::Empty => continue,
                    Cell::Text(t) | Cell::Other(t) => ws.write_string_with_format(r, c, t, format),
                    Cell::Number(n) => ws.write_number_with_format(r, c, *n, format),
                };
                written.map_err(|e| {
                    format!(
                        "{}!{}{}: {e}",
                        sheet.name,
                        crate::book::column_letters(c.into()),
                        r + 1
                    )
                })?;
            }
        }
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

/// Writes the sheets to an xlsx file, through a temporary file renamed into place.
pub fn write_xlsx(sheets: &[Sheet], path: &Path) -> Result<(), String> {
    let bytes = xlsx_bytes(sheets)?;
    write_whole(path, &bytes)
}

/// A number as CSV text: whole numbers without `.0`, others with every digit they have.
pub fn number_text(n: f64) -> String {
    match crate::import::number(n) {
        serde_json::Value::Number(num) if num.is_i64() => num.to_string(),
        _ => format!("{n}"),
    }
}

/// One sheet as CSV text, with a byte order mark.
pub fn csv_bytes(sheet: &Sheet) -> Result<Vec<u8>, String> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    for row in &sheet.rows {
        let fields: Vec<String> = (0..width)
            .map(|c| match row.get(c) {
                None | Some(Cell::Empty) => String::new(),
                Some(Cell::Text(t) | Cell::Other(t)) => t.clone(),
                Some(Cell::Number(n)) => number_text(*n),
            })
            .collect();
        writer.write_record(&fields).map_err(|e| e.to_string())?;
    }
    writer.into_inner().map_err(|e| e.to_string())
}

/// Writes each sheet to `DIR/NAME.csv`, creating the folder; every file is made before any
/// is put in place.
pub fn write_csv(sheets: &[Sheet], dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let files = sheets
        .iter()
        .map(|s| Ok((dir.join(format!("{}.csv", s.name)), csv_bytes(s)?)))
        .collect::<Result<Vec<_>, String>>()?;
    for (path, bytes) in files {
        write_whole(&path, &bytes)?;
    }
    Ok(())
}

/// Writes `bytes` to `path` through a temporary file beside it, so a reader never sees half.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let temp = path.with_file_name(format!(".{name}.partial"));
    std::fs::write(&temp, bytes)
        .and_then(|()| std::fs::rename(&temp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            format!("{}: error: cannot write the file: {e}", path.display())
        })
}
