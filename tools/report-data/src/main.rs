//! The `report-data` command line: `check`, `import`, `export`, `template`.

use report_data::commands::{self, Outcome};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  report-data check FILE.json
      list every problem as FILE:LINE:COL: error: PATH: message; exit 1 on errors
  report-data import BOOK.xlsx|FOLDER|FILE.csv --out report.json
      write the spreadsheet template as format 2 JSON, then check it
  report-data export report.json --out BOOK.xlsx|FOLDER
      write a report as the spreadsheet template (xlsx, or CSV files in FOLDER)
  report-data template --out BOOK.xlsx|FOLDER
      write the empty template";

/// The positional arguments and the `--out` value.
fn parse(args: &[String]) -> Result<(Vec<&str>, Option<PathBuf>), String> {
    let mut positional = Vec::new();
    let mut out = None;
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        if let Some(v) = arg.strip_prefix("--out=") {
            out = Some(PathBuf::from(v));
        } else if arg == "--out" || arg == "-o" {
            i += 1;
            let v = args.get(i).ok_or("--out needs a path")?;
            out = Some(PathBuf::from(v));
        } else if arg.starts_with('-') && arg.len() > 1 {
            return Err(format!("unknown option `{arg}`"));
        } else {
            positional.push(arg);
        }
        i += 1;
    }
    Ok((positional, out))
}

fn run(args: &[String]) -> Outcome {
    let usage = |why: &str| Outcome {
        lines: vec![format!("report-data: {why}"), USAGE.to_owned()],
        status: 2,
    };
    let (positional, out) = match parse(args) {
        Ok(parsed) => parsed,
        Err(why) => return usage(&why),
    };
    let read = |file: &str| {
        std::fs::read(file).map_err(|e| Outcome {
            lines: vec![format!("{file}: error: cannot read the file: {e}")],
            status: 1,
        })
    };
    match (positional.as_slice(), out) {
        (["check", file], None) => match read(file) {
            Ok(bytes) => commands::check(file, &bytes),
            Err(outcome) => outcome,
        },
        (["import", input], Some(out)) => commands::import(input.as_ref(), &out),
        (["export", file], Some(out)) => match read(file) {
            Ok(bytes) => commands::export(file, &bytes, &out),
            Err(outcome) => outcome,
        },
        (["template"], Some(out)) => commands::template(&out),
        (["help"] | [], _) => Outcome {
            lines: vec![USAGE.to_owned()],
            status: 0,
        },
        (["check"], _) => usage("`check` needs a file"),
        ([cmd @ ("import" | "export" | "template"), ..], None) => {
            usage(&format!("`{cmd}` needs --out"))
        }
        _ => usage("unexpected arguments"),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = run(&args);
    for line in &outcome.lines {
        println!("{line}");
    }
    ExitCode::from(outcome.status as u8)
}
