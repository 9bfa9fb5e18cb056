//! The commands, as functions from inputs to printed lines and an exit status, so tests can
//! run them without a process: `check`, `import`, `export` and `template`.

use crate::book::Book;
use crate::export::to_sheets;
use crate::import::import as import_book;
use crate::json_out::to_pretty;
use crate::places::place_of;
use crate::read::{read_csv, read_xlsx};
use crate::write::{write_csv, write_whole, write_xlsx};
use report_explorer::core::load::{decode, LoadError, Loaded, Loader};
use report_explorer::core::locate::{place, render_load_error};
use report_explorer::core::problem::{Problem, Severity};
use serde_json::Value;
use std::path::Path;

/// What a command prints, and its exit status.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Lines for standard output.
    pub lines: Vec<String>,
    /// 0: fine (perhaps with warnings); 1: errors; 2: the command was used wrongly.
    pub status: i32,
}

fn plural(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

/// The summary line: `2 errors, 1 warning; loaded 57 of 58 entries`.
pub fn summary(problems: &[Problem], loaded: Option<(usize, usize)>) -> String {
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let counts = format!(
        "{}, {}",
        plural(errors, "error"),
        plural(problems.len() - errors, "warning")
    );
    match loaded {
        Some((done, total)) => format!("{counts}; loaded {done} of {total} entries"),
        None => format!("{counts}; the report did not load"),
    }
}

/// Loads a text as the app does, keeping the number of entries in the file.
fn load(text: &str) -> Result<(Loaded, usize), LoadError> {
    let mut loader = Loader::new(text);
    loop {
        if let Some(loaded) = loader.step(text, usize::MAX)? {
            let total = loader.progress().entries_total.unwrap_or(0);
            return Ok((loaded, total));
        }
    }
}

/// `check FILE`: every problem of a report file, compiler-style, then the summary.
pub fn check(file: &str, bytes: &[u8]) -> Outcome {
    let text = match decode(bytes) {
        Ok(text) => text,
        Err(e) => return fatal(file, "", &e),
    };
    match load(text) {
        Err(e) => fatal(file, text, &e),
        Ok((mut loaded, total)) => {
            place(text, &mut loaded.problems);
            let mut lines: Vec<String> = loaded.problems.iter().map(|p| p.located(file)).collect();
            lines.push(summary(
                &loaded.problems,
                Some((loaded.report.entries.len(), total)),
            ));
            let status = i32::from(loaded.errors().next().is_some());
            Outcome { lines, status }
        }
    }
}

/// A report that did not load: its error lines and the summary.
fn fatal(file: &str, text: &str, e: &LoadError) -> Outcome {
    let mut lines = render_load_error(file, text, e);
    let problems = match e {
        LoadError::Invalid(problems) => problems.clone(),
        _ => vec![Problem::error("$", "")],
    };
    lines.push(summary(&problems, None));
    Outcome { lines, status: 1 }
}

/// Reads a workbook: an `.xlsx` file, or a folder of CSV files (or one of them).
pub fn read_book(input: &Path) -> Result<Book, String> {
    let ext = input
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("xlsx") => read_xlsx(input),
        Some("csv") => read_csv(input),
        _ if input.is_dir() => read_csv(input),
        _ => Err(format!(
            "{}: error: not a workbook (expected an .xlsx file, a .csv file or a folder of CSV files)",
            input.display()
        )),
    }
}

/// `import BOOK --out report.json`: the workbook as format 2 JSON, checked by the loader with
/// each problem named by sheet, row and column. Nothing is written when the workbook does
/// not fit the template or the result does not load at all.
pub fn import(input: &Path, out: &Path) -> Outcome {
    let book = match read_book(input) {
        Ok(book) => book,
        Err(line) => {
            return Outcome {
                lines: vec![line],
                status: 1,
            }
        }
    };
    let imported = match import_book(&book) {
        Ok(imported) => imported,
        Err(mut lines) => {
            lines.push(format!("{}; nothing written", plural(lines.len(), "error")));
            return Outcome { lines, status: 1 };
        }
    };
    let text = to_pretty(&imported.json);
    let at = |p: &Problem| format!("{}: {p}", place_of(&book, &imported.places, &p.path));
    match load(&text) {
        Err(e) => {
            let problems = match &e {
                LoadError::Invalid(problems) => problems.clone(),
                other => vec![Problem::error("$", other.to_string())],
            };
            let mut lines: Vec<String> = problems.iter().map(at).collect();
            lines.push(format!("{}; nothing written", summary(&problems, None)));
            Outcome { lines, status: 1 }
        }
        Ok((loaded, total)) => {
            let mut lines: Vec<String> = loaded.problems.iter().map(at).collect();
            if let Err(line) = write_whole(out, text.as_bytes()) {
                lines.push(line);
                return Outcome { lines, status: 1 };
            }
            let counts = summary(&loaded.problems, Some((loaded.report.entries.len(), total)));
            lines.push(format!("wrote {}: {counts}", out.display()));
            let status = i32::from(loaded.errors().next().is_some());
            Outcome { lines, status }
        }
    }
}

/// `export report.json --out FILE.xlsx|DIR`: the report as the template, xlsx or CSV.
pub fn export(file: &str, bytes: &[u8], out: &Path) -> Outcome {
    let text = match decode(bytes) {
        Ok(text) => text,
        Err(e) => return fatal(file, "", &e),
    };
    // Any JSON exports, even a report the loader would refuse (the spreadsheet is where it
    // gets fixed); text that is not JSON gets the loader's own message.
    let json: Value = match serde_json::from_str(text) {
        Ok(json) => json,
        Err(e) => {
            if let Err(error) = load(text) {
                return fatal(file, text, &error);
            }
            let line = format!("{file}:{}:{}: error: {e}", e.line(), e.column());
            return Outcome {
                lines: vec![line],
                status: 1,
            };
        }
    };
    let (sheets, warnings) = to_sheets(&json);
    let mut lines: Vec<String> = warnings
        .iter()
        .map(|w| format!("{file}: warning: {w}"))
        .collect();
    match write_book(&sheets, out) {
        Ok(what) => {
            let rows = |name: &str| {
                sheets
                    .iter()
                    .find(|s| s.name == name)
                    .map_or(0, |s| s.rows.len() - 1)
            };
            lines.push(format!(
                "wrote {what} {}: {}, {}",
                out.display(),
                plural(rows("entries"), "entry").replace("entrys", "entries"),
                plural(rows("figures"), "figure")
            ));
            Outcome { lines, status: 0 }
        }
        Err(line) => {
            lines.push(line);
            Outcome { lines, status: 1 }
        }
    }
}

/// Writes sheets as xlsx (an `.xlsx` path) or CSV files (any other path, a folder); says which.
fn write_book(sheets: &[crate::book::Sheet], out: &Path) -> Result<&'static str, String> {
    let xlsx = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if xlsx {
        write_xlsx(sheets, out).map(|()| "workbook")
    } else {
        write_csv(sheets, out).map(|()| "CSV files in")
    }
}

/// `template --out FILE.xlsx|DIR`: the empty template.
pub fn template(out: &Path) -> Outcome {
    let (sheets, _) = to_sheets(&Value::Object(serde_json::Map::new()));
    match write_book(&sheets, out) {
        Ok(what) => Outcome {
            lines: vec![format!(
                "wrote the empty template, {what} {}",
                out.display()
            )],
            status: 0,
        },
        Err(line) => Outcome {
            lines: vec![line],
            status: 1,
        },
    }
}
