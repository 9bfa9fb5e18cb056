//! Exports: CSV rows read back equal the entries, JSON re-loads as report entries, provenance is included, tricky text survives.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::export::*;
use report_explorer::core::load::load_report;
use report_explorer::core::model::Report;
use report_explorer::core::query::{Facet, Selection};
use serde_json::Value;

const DATA: &str = include_str!("../public/data/report.json");
const AT: &str = "2024-05-01T12:30:00Z";

fn report() -> Report {
    load_report(DATA).unwrap().report
}

/// The default report with tricky text in a few entries.
fn tricky() -> Report {
    let mut r = report();
    r.entries[0].title = "Quotes \"inside\", commas, and\nnewlines".into();
    r.entries[0].summary = "Line one\r\nLine two, with \"quotes\"".into();
    r.entries[1].source.passage = "first line\n# not a comment\n\"quoted\"".into();
    r.entries[2].awarding_body = Some("Body, Inc.; \"Best\"".into());
    r.entries[3].location = Some("Zürich, 北京".into());
    r
}

fn provenance(r: &Report) -> Provenance {
    let mut sel = Selection::default();
    sel.toggle(Facet::Subsidiary, "citic-bank");
    sel.toggle(Facet::Subsidiary, "citic-trust");
    sel.toggle(Facet::Kind, "award");
    sel.query = "quick".into();
    Provenance::new(r, "data/report.json", &sel, AT, env!("CARGO_PKG_VERSION"))
}

/// Every record as a spreadsheet splits it into cells.
fn cells(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The provenance records (one field each, starting with `# `), the header and the rows.
fn read_csv_with_provenance(text: &str) -> (Vec<String>, Vec<String>, Vec<Vec<String>>) {
    let mut records = cells(text).into_iter().peekable();
    let mut provenance = Vec::new();
    while let Some(record) = records.next_if(|r| r.len() == 1 && r[0].starts_with("# ")) {
        provenance.push(record[0].clone());
    }
    let header = records.next().expect("a header row");
    (provenance, header, records.collect())
}

fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let (_, header, rows) = read_csv_with_provenance(text);
    (header, rows)
}

#[test]
fn provenance_lines_and_caption() {
    let r = report();
    let p = provenance(&r);
    assert_eq!(p.filters, "sub=citic-bank,citic-trust; kind=award; q=quick");
    let lines = p.lines();
    assert_eq!(
        lines,
        vec![
            "Dataset: CITIC Limited 2019 ESG Report: Customer responsibility".to_owned(),
            "Organisation: CITIC Limited".into(),
            "Source: CITIC Limited 2019 Environmental, Social and Governance Report, chapter “Customer responsibility”".into(),
            "Data file: data/report.json".into(),
            "Filters: sub=citic-bank,citic-trust; kind=award; q=quick".into(),
            format!("Exported: {AT} with Report Explorer {}", env!("CARGO_PKG_VERSION")),
        ]
    );
    let caption = p.caption();
    assert!(!caption.contains('\n'));
    assert!(caption.contains("data/report.json") && caption.contains(AT));
    assert!(caption.contains("sub=citic-bank,citic-trust"));
}

#[test]
fn csv_rows_equal_the_entries() {
    let r = tricky();
    let positions: Vec<usize> = (0..r.entries.len()).rev().collect();
    let text = entries_csv(&r, &positions, &provenance(&r));
    let (provenance_records, header, rows) = read_csv_with_provenance(&text);
    assert_eq!(provenance_records.len(), 6);
    assert_eq!(
        provenance_records[4],
        "# Filters: sub=citic-bank,citic-trust; kind=award; q=quick"
    );
    assert_eq!(header, CSV_HEADER.map(str::to_owned).to_vec());
    assert_eq!(rows.len(), positions.len());
    for (row, &p) in rows.iter().zip(&positions) {
        assert_eq!(*row, csv_row(&r, &r.entries[p]), "entry {p}");
        assert_eq!(row[0], r.entries[p].id.as_str());
    }
}

/// What the `csv` crate's default writer makes of the same records.
fn csv_crate_text(r: &Report, positions: &[usize]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    writer.write_record(CSV_HEADER).unwrap();
    for &p in positions {
        writer.write_record(csv_row(r, &r.entries[p])).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

#[test]
fn csv_is_byte_for_byte_what_the_csv_crate_writes() {
    let r = tricky();
    let positions: Vec<usize> = (0..r.entries.len()).collect();
    let text = entries_csv(&r, &positions, &provenance(&r));
    let body: String = text
        .split_inclusive('\n')
        .skip_while(|l| l.starts_with("\"# "))
        .collect();
    assert_eq!(body, csv_crate_text(&r, &positions));
}

#[test]
fn tricky_text_survives_csv() {
    let r = tricky();
    let text = entries_csv(&r, &[0, 1, 2, 3], &provenance(&r));
    let (_, rows) = read_csv(&text);
    assert_eq!(rows[0][2], "Quotes \"inside\", commas, and\nnewlines");
    assert_eq!(rows[0][3], "Line one\r\nLine two, with \"quotes\"");
    assert_eq!(rows[1][14], "first line\n# not a comment\n\"quoted\"");
    assert_eq!(rows[2][9], "Body, Inc.; \"Best\"");
    assert_eq!(rows[3][10], "Zürich, 北京");
}

#[test]
fn csv_columns_read_for_people() {
    let r = report();
    let find = |id: &str| r.entries.iter().position(|e| e.id.as_str() == id).unwrap();
    let steel = find("initiative-pacific-special-steel-satisfaction-surveys");
    let memstar = find("award-memstar-membrane-most-valuable-brand");
    let tower = find("award-citic-tower-ctbuh-best-tall-building");
    let text = entries_csv(&r, &[steel, memstar, tower], &provenance(&r));
    let (_, rows) = read_csv(&text);
    assert_eq!(
        rows[0][12],
        "Survey response rate: at least 80%; Survey sample size (share of users): at least 10%; Customer satisfaction survey score: 89.1 points"
    );
    assert_eq!(
        (rows[1][7].as_str(), rows[1][8].as_str()),
        ("2018/2019", "year/year")
    );
    assert_eq!(rows[2][5], "CITIC Limited");
    assert_eq!(rows[0][7], "2019");
    assert_eq!(rows[0][8], "year");
    // An undated entry has empty date columns.
    let undated = r.entries.iter().position(|e| e.date.is_none()).unwrap();
    let (_, rows) = read_csv(&entries_csv(&r, &[undated], &provenance(&r)));
    assert_eq!((rows[0][7].as_str(), rows[0][8].as_str()), ("", ""));
}

#[test]
fn json_round_trips_through_the_loader() {
    let r = tricky();
    let positions: Vec<usize> = (0..r.entries.len()).step_by(2).collect();
    let text = entries_json(&r, &positions, &provenance(&r));
    let doc: Value = serde_json::from_str(&text).unwrap();
    let prov = &doc["provenance"];
    assert_eq!(prov["data_url"], "data/report.json");
    assert_eq!(prov["exported_at"], AT);
    assert_eq!(prov["app_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        prov["filters"],
        "sub=citic-bank,citic-trust; kind=award; q=quick"
    );
    assert_eq!(prov["organisation"], "CITIC Limited");

    // Wrap the exported entries in the original report and load it again.
    let mut file: Value = serde_json::from_str(DATA).unwrap();
    // The export writes format 2.
    assert_eq!(doc["format"], "report-explorer/2");
    file["format"] = doc["format"].clone();
    file["entries"] = doc["entries"].clone();
    let loaded = load_report(&file.to_string()).expect("re-loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let expected: Vec<_> = positions.iter().map(|&p| r.entries[p].clone()).collect();
    assert_eq!(loaded.report.entries, expected);
}

#[test]
fn every_entry_round_trips() {
    let r = report();
    let positions: Vec<usize> = (0..r.entries.len()).collect();
    let text = entries_json(&r, &positions, &provenance(&r));
    assert!(text.contains("\"value\": 92\n"), "whole numbers stay whole");
    assert!(!text.contains("92.0"));
    let doc: Value = serde_json::from_str(&text).unwrap();
    let mut file: Value = serde_json::from_str(DATA).unwrap();
    // The export writes format 2.
    assert_eq!(doc["format"], "report-explorer/2");
    file["format"] = doc["format"].clone();
    file["entries"] = doc["entries"].clone();
    let loaded = load_report(&file.to_string()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.report, r);
}

/// What a crafted report or link could try to plant in a spreadsheet.
const FORMULAS: [&str; 10] = [
    "=HYPERLINK(\"http://evil.example\",\"Click\")",
    "+1+1",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
    "\u{FF1D}1+1",
    "=cmd|' /C calc'!A0",
    "-",
    "@",
];

#[test]
fn formulas_in_data_are_written_as_text() {
    let mut r = report();
    for (i, formula) in FORMULAS.iter().enumerate() {
        r.entries[i].title = (*formula).to_owned();
        r.entries[i].summary = (*formula).to_owned();
        r.entries[i].awarding_body = Some((*formula).to_owned());
        r.entries[i].source.passage = (*formula).to_owned();
    }
    let positions: Vec<usize> = (0..FORMULAS.len()).collect();
    let text = entries_csv(&r, &positions, &provenance(&r));
    let (_, _, rows) = read_csv_with_provenance(&text);
    for (row, formula) in rows.iter().zip(FORMULAS) {
        for column in [2, 3, 9, 14] {
            assert_eq!(row[column], format!("'{formula}"), "column {column}");
        }
    }
    // Nothing else gets a quote mark: ordinary text, numbers, dates and ids are as written.
    assert_eq!(guard_cell("Best Bank"), "Best Bank");
    assert_eq!(guard_cell("2019-05"), "2019-05");
    assert_eq!(guard_cell("a=b"), "a=b");
    assert_eq!(guard_cell(""), "");
    assert_eq!(guard_cell("'quoted"), "'quoted");
}

#[test]
fn no_cell_of_an_export_can_start_a_formula() {
    let mut r = tricky();
    r.meta.title = "Report, =1+1".into();
    r.meta.organisation = "\"Org\",@SUM(A1)".into();
    for (i, formula) in FORMULAS.iter().enumerate() {
        r.entries[i].location = Some((*formula).to_owned());
    }
    let sel = Selection {
        query: "quick,=HYPERLINK(\"http://evil.example\"),+1\",-2".into(),
        ..Selection::default()
    };
    let data = "data/x.json?a=1,=1+1,\"@A1";
    let p = Provenance::new(&r, data, &sel, AT, "0.1.0");
    let positions: Vec<usize> = (0..r.entries.len()).collect();
    let text = entries_csv(&r, &positions, &p);
    let records = cells(&text);
    assert_eq!(records.len(), 6 + 1 + r.entries.len());
    for record in &records[..6] {
        assert_eq!(record.len(), 1, "a provenance line is one cell: {record:?}");
        assert!(record[0].starts_with("# "), "{record:?}");
    }
    assert_eq!(records[1][0], "# Organisation: \"Org\",@SUM(A1)");
    assert_eq!(records[3][0], "# Data file: data/x.json?a=1,=1+1,\"@A1");
    assert!(records[4][0].contains("q=quick,=HYPERLINK(\"http://evil.example\"),+1\",-2"));
    for record in &records {
        for cell in record {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\u{FF1D}']),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
    }
}

#[test]
fn nothing_selected_still_has_provenance() {
    let r = report();
    let p = Provenance::new(&r, "data/report.json", &Selection::default(), AT, "0.1.0");
    assert_eq!(p.filters, "none");
    let text = entries_csv(&r, &[], &p);
    let (header, rows) = read_csv(&text);
    assert_eq!(header.len(), 17);
    assert!(rows.is_empty());
    let doc: Value = serde_json::from_str(&entries_json(&r, &[], &p)).unwrap();
    assert_eq!(doc["entries"], Value::Array(vec![]));
    assert_eq!(doc["provenance"]["filters"], "none");
}

/// Figures using every format 2 figure field, on the first entry.
fn with_every_figure_field() -> Report {
    use report_explorer::core::date::DateSpec;
    use report_explorer::core::model::{Baseline, Metric, Qualifier, Scale};
    let date = |s: &str| Some(DateSpec::parse(s).unwrap());
    let mut r = report();
    r.entries[0].metrics = vec![
        Metric {
            period: date("2023"),
            baseline: Some(Baseline {
                value: 0.0061,
                period: date("2012"),
            }),
            family: Some("ltifr".into()),
            ..Metric::new("Lost time injury frequency rate", 0.0042)
        },
        Metric {
            currency: Some("HKD".into()),
            scale: Some(Scale::Billion),
            qualifier: Qualifier::Over,
            ..Metric::new("Green bonds", 8.0)
        },
        Metric {
            unit: Some("%".into()),
            decimals: Some(2),
            ..Metric::new("Coupon", 3.5)
        },
        Metric {
            unit: Some("°C".into()),
            to: Some(8.0),
            ..Metric::new("Storage", 2.0)
        },
        Metric {
            unit: Some("score".into()),
            out_of: Some(5.0),
            qualifier: Qualifier::UpTo,
            ..Metric::new("Engagement", 4.6)
        },
        Metric {
            unit: Some("rank".into()),
            out_of: Some(250.0),
            baseline: Some(Baseline {
                value: 60.0,
                period: None,
            }),
            ..Metric::new("Port ranking", 54.0)
        },
        Metric {
            value: 1e21,
            unit: Some("TEU".into()),
            ..Metric::new("Huge", 0.0)
        },
        Metric {
            value: 1e-7,
            qualifier: Qualifier::LessThan,
            ..Metric::new("Tiny", 0.0)
        },
    ];
    r
}

#[test]
fn every_figure_field_round_trips_through_json() {
    let r = with_every_figure_field();
    let text = entries_json(&r, &[0], &provenance(&r));
    let doc: Value = serde_json::from_str(&text).unwrap();
    let written = &doc["entries"][0]["figures"];
    assert_eq!(
        written[0]["baseline"],
        serde_json::json!({"value": 0.0061, "period": "2012"})
    );
    assert_eq!(written[0]["period"], "2023");
    assert_eq!(written[1]["currency"], "HKD");
    assert_eq!(written[1]["scale"], "billion");
    assert_eq!(
        written[1].get("unit"),
        None,
        "a currency figure has no unit"
    );
    assert_eq!(written[2]["decimals"], 2);
    assert_eq!(written[3]["to"], 8);
    assert_eq!(written[4]["qualifier"], "up_to");
    let mut file: Value = serde_json::from_str(DATA).unwrap();
    file["format"] = doc["format"].clone();
    file["entries"] = doc["entries"].clone();
    let loaded = load_report(&file.to_string()).expect("re-loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.report.entries[0].metrics, r.entries[0].metrics);
}

#[test]
fn csv_figures_read_as_printed() {
    let r = with_every_figure_field();
    let (header, rows) = read_csv(&entries_csv(&r, &[0], &provenance(&r)));
    let column = header.iter().position(|h| h == "metrics").unwrap();
    assert_eq!(
        rows[0][column],
        "Lost time injury frequency rate: 0.0042 in 2023, down from 0.0061 in 2012; \
         Green bonds: over HKD 8 billion; Coupon: 3.50%; Storage: 2–8 °C; \
         Engagement: up to 4.6 out of 5; Port ranking: 54th of 250, down from 60th; \
         Huge: 1,000,000,000,000,000,000,000 TEU; Tiny: less than 0.0000001"
    );
}
