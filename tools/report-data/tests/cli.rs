//! The built `report-data` binary on bad JSON files, bad spreadsheets (xlsx and CSV) and the
//! CITIC template in `docs/`: its exact output and exit status, compared with
//! `tests/expected/NAME.expected`. `UPDATE_EXPECT=1 cargo test -p report-data --test cli`
//! rewrites those files; read every diff before committing it.

use report_data::book::{Book, Cell, Origin, Sheet};
use report_data::import::import;
use report_data::places::place_of;
use report_data::write::{csv_bytes, xlsx_bytes};
use std::path::{Path, PathBuf};
use std::process::Command;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const EXPECTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/expected");
const DOCS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs");

/// A fresh folder for one test, where the binary runs (so paths in messages are short).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("report-data-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the binary in `dir`; the transcript: the command, its output, its exit status.
fn run(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_report-data"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    format!(
        "$ report-data {}\n{}[exit {}]\n",
        args.join(" "),
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap()
    )
}

/// Compares with (or, with `UPDATE_EXPECT=1`, writes) `tests/expected/{name}.expected`.
fn expect(name: &str, transcript: &str) {
    let path = Path::new(EXPECTED).join(format!("{name}.expected"));
    if std::env::var("UPDATE_EXPECT").as_deref() == Ok("1") {
        std::fs::write(&path, transcript).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        transcript, want,
        "{name} differs (UPDATE_EXPECT=1 rewrites it)"
    );
}

fn copy_fixture(dir: &Path, name: &str) {
    std::fs::copy(Path::new(FIXTURES).join(name), dir.join(name)).unwrap();
}

#[test]
fn check_lists_problems_compiler_style_and_fails_on_errors() {
    let dir = scratch("check");
    for name in ["bad.json", "bad2.json", "syntax.json", "latin1.json"] {
        copy_fixture(&dir, name);
    }
    let mut transcript = String::new();
    for name in ["bad.json", "bad2.json", "syntax.json", "latin1.json"] {
        transcript += &run(&dir, &["check", name]);
    }
    transcript += &run(&dir, &["check", "missing.json"]);
    transcript += &run(&dir, &["check"]);
    expect("check", &transcript);
}

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_owned())
    }
}

fn sheet(name: &str, rows: &[&[&str]]) -> Sheet {
    Sheet {
        name: name.to_owned(),
        rows: rows
            .iter()
            .map(|r| r.iter().map(|c| text(c)).collect())
            .collect(),
        lines: Vec::new(),
    }
}

const ENTRY_HEADER: &[&str] = &[
    "id",
    "kind",
    "title",
    "summary",
    "subsidiaries",
    "categories",
    "date",
    "awarding_body",
    "location",
    "countries",
    "source.section",
    "source.passage",
    "source.page",
    "source.url",
];
const FIGURE_HEADER: &[&str] = &[
    "entry",
    "label",
    "value",
    "to",
    "unit",
    "currency",
    "scale",
    "qualifier",
    "out_of",
    "decimals",
    "period",
    "baseline.value",
    "baseline.period",
    "family",
];

fn report_sheet() -> Sheet {
    sheet(
        "report",
        &[
            &["field", "value"],
            &["format", "report-explorer/2"],
            &["organisation", "Example Group"],
            &["title", "Example Group 2023 report"],
            &["period", "2023"],
            &["source.document", "Example Group 2023 report"],
        ],
    )
}

/// A workbook whose headers are wrong: no `categories` sheet, an unknown and a missing
/// column in `entries`.
fn bad_headers() -> Vec<Sheet> {
    let mut entry_header: Vec<&str> = ENTRY_HEADER
        .iter()
        .copied()
        .filter(|c| *c != "kind")
        .collect();
    entry_header.push("colour");
    vec![
        report_sheet(),
        sheet(
            "subsidiaries",
            &[
                &["id", "name", "sector", "division"],
                &["group", "Group", "", ""],
            ],
        ),
        sheet("entries", &[&entry_header]),
        sheet("figures", &[FIGURE_HEADER]),
    ]
}

/// A workbook whose cells are wrong: an unknown report field, an empty list item, text in a
/// number column, a figure of an unknown entry.
fn bad_cells() -> Vec<Sheet> {
    let mut report = report_sheet();
    report.rows.push(vec![text("colour"), text("green")]);
    let entry: &[&str] = &[
        "e1",
        "award",
        "Award",
        "Won an award.",
        "group;;bank",
        "awards",
        "2023",
        "",
        "",
        "",
        "Awards",
        "It won.",
        "12",
        "",
    ];
    vec![
        report,
        sheet(
            "subsidiaries",
            &[
                &["id", "name", "sector", "division"],
                &["group", "Group", "", ""],
            ],
        ),
        sheet(
            "categories",
            &[&["id", "name", "parent"], &["awards", "Awards", ""]],
        ),
        sheet("entries", &[ENTRY_HEADER, entry]),
        sheet(
            "figures",
            &[
                FIGURE_HEADER,
                &[
                    "e1",
                    "Staff trained",
                    "12 percent",
                    "",
                    "%",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                ],
                &[
                    "e9", "Sites", "4", "", "sites", "", "", "", "", "", "", "", "", "",
                ],
            ],
        ),
    ]
}

fn write_csv_folder(dir: &Path, sheets: &[Sheet]) {
    std::fs::create_dir_all(dir).unwrap();
    for s in sheets {
        std::fs::write(dir.join(format!("{}.csv", s.name)), csv_bytes(s).unwrap()).unwrap();
    }
}

#[test]
fn bad_spreadsheets_get_specific_messages_and_no_file() {
    let dir = scratch("import-bad");
    std::fs::write(
        dir.join("headers.xlsx"),
        xlsx_bytes(&bad_headers()).unwrap(),
    )
    .unwrap();
    std::fs::write(dir.join("cells.xlsx"), xlsx_bytes(&bad_cells()).unwrap()).unwrap();
    write_csv_folder(&dir.join("cells"), &bad_cells());
    std::fs::write(dir.join("notes.txt"), "not a workbook").unwrap();
    let mut transcript = String::new();
    transcript += &run(&dir, &["import", "headers.xlsx", "--out", "out.json"]);
    transcript += &run(&dir, &["import", "cells.xlsx", "--out", "out.json"]);
    transcript += &run(&dir, &["import", "cells/entries.csv", "--out", "out.json"]);
    transcript += &run(&dir, &["import", "notes.txt", "--out", "out.json"]);
    transcript += &run(&dir, &["import", "cells.xlsx"]);
    expect("import-bad", &transcript);
    assert!(!dir.join("out.json").exists(), "no half file is written");
}

#[test]
fn the_citic_template_imports_checks_and_exports() {
    let dir = scratch("citic");
    std::fs::copy(
        Path::new(DOCS).join("citic-2019.xlsx"),
        dir.join("citic-2019.xlsx"),
    )
    .unwrap();
    std::fs::copy(
        Path::new(DOCS).join("../public/data/report.json"),
        dir.join("citic-2019.json"),
    )
    .unwrap();
    let mut transcript = String::new();
    transcript += &run(&dir, &["import", "citic-2019.xlsx", "--out", "citic.json"]);
    if dir.join("citic.json").exists() {
        transcript += &run(&dir, &["check", "citic.json"]);
    }
    transcript += &run(&dir, &["export", "citic-2019.json", "--out", "again.xlsx"]);
    expect("citic", &transcript);
}

#[test]
fn loader_paths_map_to_sheet_cells() {
    let sheets = bad_cells()
        .into_iter()
        .map(|mut s| {
            if s.name == "report" {
                s.rows.pop();
            }
            if s.name == "entries" {
                s.rows[1][4] = text("group");
            }
            if s.name == "figures" {
                s.rows.truncate(1);
                s.rows
                    .push(FIGURE_HEADER.iter().map(|_| Cell::Empty).collect());
                s.rows
                    .push(["e1", "Sites", "4"].iter().map(|c| text(c)).collect());
            }
            s
        })
        .collect();
    let book = Book {
        origin: Origin::Xlsx("b.xlsx".into()),
        sheets,
    };
    let imported = import(&book).unwrap();
    let at = |path: &str| place_of(&book, &imported.places, path);
    assert_eq!(at("$"), "b.xlsx");
    assert_eq!(at("format"), "b.xlsx:report!B2");
    assert_eq!(at("report.source.document"), "b.xlsx:report!B6");
    assert_eq!(at("report.source.url"), "b.xlsx:report");
    assert_eq!(at("report.colour"), "b.xlsx:report");
    assert_eq!(at("entries[0].kind"), "b.xlsx:entries!B2");
    assert_eq!(at("entries[0].subsidiaries[0]"), "b.xlsx:entries!E2");
    assert_eq!(at("entries[0].source.passage"), "b.xlsx:entries!L2");
    assert_eq!(at("entries[0].colour"), "b.xlsx:entries!2");
    // The blank row 2 is skipped: the figure is on row 3.
    assert_eq!(at("entries[0].figures[0].value"), "b.xlsx:figures!C3");
    assert_eq!(
        at("entries[0].figures[0].baseline.value"),
        "b.xlsx:figures!L3"
    );
    assert_eq!(at("entries[0].figures[3]"), "b.xlsx:entries!2");
    assert_eq!(at("categories[0].parent"), "b.xlsx:categories!C2");
    assert_eq!(at("entries[5].title"), "b.xlsx:entries");

    let book = Book {
        origin: Origin::Csv("dir".into()),
        sheets: book
            .sheets
            .into_iter()
            .map(|mut s| {
                s.lines = (1..=s.rows.len()).map(|l| l * 2 - 1).collect();
                s
            })
            .collect(),
    };
    let imported = import(&book).unwrap();
    // A quoted cell with line breaks: rows start on the lines the reader saw.
    assert_eq!(
        place_of(&book, &imported.places, "entries[0].kind"),
        "dir/entries.csv:3:2"
    );
}
