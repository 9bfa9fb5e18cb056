//! `gen-data`: writes a deterministic synthetic report (`report_explorer::core::synth`) to a file,
//! or with `--years`, a multi-year catalogue and its reports (`core::synth_years`) to a directory.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use report_explorer::core::{synth, synth_years};

use crate::run::{elapsed, Result};

/// The most entries `gen-data` writes (about 0.8 GB of JSON, built in memory).
pub const MAX_ENTRIES: usize = 1_000_000;
/// The seed used when `--seed` is not given.
pub const DEFAULT_SEED: u64 = 1;

/// What to generate, from the command line.
#[derive(Debug, PartialEq)]
pub struct GenData {
    pub entries: usize,
    pub seed: u64,
    pub out: PathBuf,
    /// With `--years 2018,2019,2020`: a catalogue of those years' reports, `entries` each,
    /// written into the directory `out`.
    pub years: Option<Vec<i32>>,
}

/// The organisation of generated multi-year catalogues.
pub const CATALOGUE_ORGANISATION: &str = "Meridian Holdings";

/// Parses `--entries N [--seed S] [--years Y1,Y2,...] --out FILE` (each also as `--flag=value`).
pub fn parse(args: &[String]) -> Result<GenData> {
    let mut years = None;
    let mut entries = None;
    let mut seed = None;
    let mut out = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        if !matches!(flag, "--entries" | "--seed" | "--out" | "--years") {
            return Err(format!(
                "unexpected argument `{arg}`; gen-data takes --entries N, --seed S, --years Y1,Y2 and --out FILE"
            ));
        }
        let value = match inline {
            Some(value) => value,
            None => rest
                .next()
                .filter(|v| !v.starts_with("--"))
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))?,
        };
        let slot = match flag {
            "--entries" => &mut entries,
            "--seed" => &mut seed,
            "--years" => &mut years,
            _ => &mut out,
        };
        if slot.replace(value).is_some() {
            return Err(format!("{flag} is given twice"));
        }
    }
    let entries = entries.ok_or("--entries N is missing: how many entries to write")?;
    let entries = entries
        .replace('_', "")
        .parse::<usize>()
        .ok()
        .filter(|n| *n <= MAX_ENTRIES)
        .ok_or_else(|| {
            format!("--entries expects a whole number from 0 to {MAX_ENTRIES}, got `{entries}`")
        })?;
    let seed = match seed {
        None => DEFAULT_SEED,
        Some(s) => s.parse::<u64>().map_err(|_| {
            format!(
                "--seed expects a whole number from 0 to {}, got `{s}`",
                u64::MAX
            )
        })?,
    };
    let out = out.ok_or("--out FILE is missing: where to write the report")?;
    if out.trim().is_empty() {
        return Err("--out expects a file path, got an empty one".to_owned());
    }
    let years = match years {
        None => None,
        Some(list) => {
            let parsed: Option<Vec<i32>> = list
                .split(',')
                .map(|y| {
                    y.trim()
                        .parse::<i32>()
                        .ok()
                        .filter(|y| (1000..=9999).contains(y))
                })
                .collect();
            match parsed {
                Some(ys) if !ys.is_empty() => Some(ys),
                _ => {
                    return Err(format!(
                        "--years expects four-digit years separated by commas, such as 2018,2019,2020, got `{list}`"
                    ))
                }
            }
        }
    };
    Ok(GenData {
        entries,
        seed,
        out: PathBuf::from(out),
        years,
    })
}

/// Writes `catalogue.json` and the reports of `years` into the directory `out` (reports
/// under `out/data/`, as the catalogue's paths say); returns the bytes written.
pub fn write_catalogue(years: &[i32], entries: usize, seed: u64, out: &Path) -> Result<u64> {
    if out.is_file() {
        return Err(format!(
            "cannot write a catalogue into {}: it is a file; give a directory",
            out.display()
        ));
    }
    let generated = synth_years::generate_catalogue(CATALOGUE_ORGANISATION, years, entries, seed);
    let mut bytes = 0;
    let mut files = vec![(out.join("catalogue.json"), generated.catalogue)];
    files.extend(
        generated
            .reports
            .into_iter()
            .map(|r| (out.join(&r.path), r.text)),
    );
    for (path, text) in files {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create the directory {}: {e}", parent.display()))?;
        }
        fs::write(&path, &text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        bytes += text.len() as u64;
    }
    Ok(bytes)
}

/// Writes the report, creating missing parent directories; returns its size in bytes.
pub fn write(entries: usize, seed: u64, out: &Path) -> Result<u64> {
    if out.is_dir() {
        return Err(format!(
            "cannot write {}: it is a directory; give a file path such as {}",
            out.display(),
            out.join("report.json").display()
        ));
    }
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create the directory {}: {e}", parent.display()))?;
    }
    let text = synth::generate(entries, seed);
    fs::write(out, &text).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(text.len() as u64)
}

/// Writes the report and says what was written.
pub fn run(task: &GenData) -> Result<()> {
    let started = Instant::now();
    if let Some(years) = &task.years {
        let bytes = write_catalogue(years, task.entries, task.seed, &task.out)?;
        println!(
            "wrote a catalogue of {} reports of {} entries each (seed {}, {}) to {} in {}",
            years.len(),
            task.entries,
            task.seed,
            size(bytes),
            task.out.display(),
            elapsed(started)
        );
        return Ok(());
    }
    let bytes = write(task.entries, task.seed, &task.out)?;
    println!(
        "wrote {} entries (seed {}, {}) to {} in {}",
        task.entries,
        task.seed,
        size(bytes),
        task.out.display(),
        elapsed(started)
    );
    Ok(())
}

fn size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else {
        format!("{:.1} kB", bytes as f64 / 1e3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn parses_flags_in_both_forms() {
        assert_eq!(
            parse(&args("--entries 10_000 --seed 7 --out x.json")),
            Ok(GenData {
                entries: 10_000,
                seed: 7,
                out: "x.json".into(),
                years: None,
            })
        );
        assert_eq!(
            parse(&args("--out=a/b.json --entries=3")),
            Ok(GenData {
                entries: 3,
                seed: DEFAULT_SEED,
                out: "a/b.json".into(),
                years: None,
            })
        );
        assert_eq!(
            parse(&args("--entries 50 --years 2018,2019,2020 --out dir")),
            Ok(GenData {
                entries: 50,
                seed: DEFAULT_SEED,
                out: "dir".into(),
                years: Some(vec![2018, 2019, 2020]),
            })
        );
        assert!(parse(&args("--entries 5 --years 18,x --out d"))
            .unwrap_err()
            .starts_with("--years expects four-digit years"));
    }

    #[test]
    fn writes_a_catalogue_directory() {
        let dir = std::env::temp_dir().join(format!("gen-data-years-{}", std::process::id()));
        write_catalogue(&[2019, 2020], 12, 1, &dir).unwrap();
        let catalogue = fs::read_to_string(dir.join("catalogue.json")).unwrap();
        assert!(catalogue.contains("meridian-holdings-2020-en"));
        assert!(dir.join("data/meridian-holdings-2019-en.json").is_file());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn explains_bad_arguments() {
        let err = |line: &str| parse(&args(line)).unwrap_err();
        assert_eq!(
            err("--out x.json"),
            "--entries N is missing: how many entries to write"
        );
        assert_eq!(
            err("--entries 5"),
            "--out FILE is missing: where to write the report"
        );
        assert_eq!(
            err("--entries lots --out x.json"),
            "--entries expects a whole number from 0 to 1000000, got `lots`"
        );
        assert_eq!(
            err("--entries -3 --out x.json"),
            "--entries expects a whole number from 0 to 1000000, got `-3`"
        );
        assert_eq!(
            err("--entries 2000000 --out x.json"),
            "--entries expects a whole number from 0 to 1000000, got `2000000`"
        );
        assert_eq!(
            err("--entries 5 --seed x --out x.json"),
            "--seed expects a whole number from 0 to 18446744073709551615, got `x`"
        );
        assert_eq!(err("--entries 5 --entries 6"), "--entries is given twice");
        assert_eq!(err("--entries"), "--entries needs a value");
        assert!(err("--entries 5 --out x.json extra").starts_with("unexpected argument `extra`"));
    }

    #[test]
    fn refuses_unwritable_paths() {
        let dir = std::env::temp_dir();
        assert!(write(1, 1, &dir).unwrap_err().contains("it is a directory"));
        // A parent that is a file cannot be created as a directory.
        let file = dir.join(format!("gen-data-test-{}", std::process::id()));
        fs::write(&file, "x").unwrap();
        let message = write(1, 1, &file.join("report.json")).unwrap_err();
        fs::remove_file(&file).unwrap();
        assert!(
            message.starts_with("cannot create the directory"),
            "{message}"
        );
    }
}
