//! `cargo xtask fuzz`: runs the cargo-fuzz targets in `fuzz/` one after another for a set time,
//! then prints and records (`target/fuzz-report.json`) executions and time per target.
//!
//! libFuzzer needs a nightly compiler. The task uses rustup's `nightly` (installing it with
//! `rustup toolchain install nightly --profile minimal` when missing); when that cannot be had
//! it says so and builds with the stable toolchain and `RUSTC_BOOTSTRAP=1` instead.
//! `REPORT_EXPLORER_FUZZ_TOOLCHAIN=stable` forces that fallback.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use serde_json::{json, Value};

use crate::run::{self, header, output, Result};
use crate::tools::Tools;

/// Every fuzz target, in the order `cargo xtask fuzz` runs them.
pub const TARGETS: [&str; 4] = ["load", "url_query", "config", "messages"];

/// What `cargo xtask fuzz` was asked to do.
#[derive(Debug, PartialEq, Eq)]
pub struct FuzzTask {
    /// libFuzzer's `-max_total_time` per target.
    pub seconds: u64,
    /// One target, or all of them.
    pub target: Option<String>,
}

/// Reads `--seconds N [--target NAME]`.
pub fn parse(args: &[String]) -> Result<FuzzTask> {
    let mut seconds = None;
    let mut target = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag, Some(value.to_owned())),
            None => (arg.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| rest.next().cloned())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag {
            "--seconds" => {
                let v = value()?;
                seconds = Some(
                    v.parse::<u64>()
                        .ok()
                        .filter(|n| (1..=86_400).contains(n))
                        .ok_or_else(|| {
                            format!("--seconds expects a number from 1 to 86400, got `{v}`")
                        })?,
                );
            }
            "--target" => {
                let v = value()?;
                if !TARGETS.contains(&v.as_str()) {
                    return Err(format!(
                        "unknown fuzz target `{v}`; the targets are {}",
                        TARGETS.join(", ")
                    ));
                }
                target = Some(v);
            }
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    Ok(FuzzTask {
        seconds: seconds.ok_or("--seconds N is required")?,
        target,
    })
}

/// Which compiler builds the fuzz targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Toolchain {
    /// rustup's nightly.
    Nightly,
    /// The stable toolchain with `RUSTC_BOOTSTRAP=1`.
    StableBootstrap,
}

impl Toolchain {
    fn describe(self) -> &'static str {
        match self {
            Toolchain::Nightly => "nightly (rustup)",
            Toolchain::StableBootstrap => "stable with RUSTC_BOOTSTRAP=1 (fallback)",
        }
    }

    /// `cargo +<toolchain>` through rustup's proxy, without the variables of the cargo running
    /// this task (they would pin its toolchain).
    fn cargo(self, tools: &Tools) -> Command {
        let mut command = tools.command("cargo");
        for var in [
            "CARGO",
            "RUSTC",
            "RUSTDOC",
            "RUSTUP_TOOLCHAIN",
            "CARGO_TARGET_DIR",
        ] {
            command.env_remove(var);
        }
        match self {
            Toolchain::Nightly => {
                command.arg("+nightly");
            }
            Toolchain::StableBootstrap => {
                command.arg("+stable").env("RUSTC_BOOTSTRAP", "1");
            }
        }
        command
    }
}

/// Picks the toolchain: nightly when rustup has it or can install it, else the fallback.
fn choose_toolchain() -> Toolchain {
    if std::env::var("REPORT_EXPLORER_FUZZ_TOOLCHAIN").as_deref() == Ok("stable") {
        println!("REPORT_EXPLORER_FUZZ_TOOLCHAIN=stable: using the stable toolchain with RUSTC_BOOTSTRAP=1");
        return Toolchain::StableBootstrap;
    }
    let nightly = || output(Command::new("rustup").args(["run", "nightly", "rustc", "--version"]));
    if let Some(version) = nightly() {
        println!("ok  {version} (rustup toolchain `nightly`)");
        return Toolchain::Nightly;
    }
    println!(
        "installing the nightly toolchain (rustup toolchain install nightly --profile minimal)"
    );
    let installed = Command::new("rustup")
        .args(["toolchain", "install", "nightly", "--profile", "minimal"])
        .status()
        .is_ok_and(|s| s.success());
    if let Some(version) = nightly().filter(|_| installed) {
        println!("ok  {version} (rustup toolchain `nightly`, just installed)");
        return Toolchain::Nightly;
    }
    println!(
        "WARNING: no nightly toolchain: `rustup toolchain install nightly --profile minimal` \
         failed. Falling back to the stable toolchain with RUSTC_BOOTSTRAP=1, which unlocks \
         the nightly-only flags libFuzzer builds need on a stable compiler."
    );
    Toolchain::StableBootstrap
}

/// What one target's run gave.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TargetRun {
    /// Fuzz target name.
    pub target: String,
    /// Seconds asked for.
    pub seconds: u64,
    /// Seconds libFuzzer reports it ran (`Done N runs in S second(s)`).
    pub fuzz_seconds: Option<u64>,
    /// Inputs executed (`stat::number_of_executed_units`, else the `#N DONE` line).
    pub executions: Option<u64>,
    /// libFuzzer's `stat::average_exec_per_sec`.
    pub exec_per_sec: Option<u64>,
    /// Coverage counters hit (`cov:` of the last status line).
    pub coverage: Option<u64>,
    /// Files in the run's corpus directory afterwards.
    pub corpus_files: usize,
    /// libFuzzer's corpus at the end (`corp: N/size` of the last status line), e.g. `1633/866Kb`.
    pub corpus: Option<String>,
    /// The input that failed, when one did (`Test unit written to ...`).
    pub artifact: Option<String>,
    /// Whether the run ended without a crash or broken invariant.
    pub clean: bool,
}

/// Reads what a libFuzzer run printed into `run`.
pub fn parse_log(log: &str, run: &mut TargetRun) {
    for line in log.lines().map(str::trim) {
        if let Some(n) = stat(line, "stat::number_of_executed_units:") {
            run.executions = Some(n);
        } else if let Some(n) = stat(line, "stat::average_exec_per_sec:") {
            run.exec_per_sec = Some(n);
        } else if let Some(rest) = line.strip_prefix("Done ") {
            // `Done 123 runs in 600 second(s)`
            let words: Vec<&str> = rest.split_whitespace().collect();
            if let [runs, "runs", "in", secs, ..] = words.as_slice() {
                run.executions = run.executions.or(runs.parse().ok());
                run.fuzz_seconds = secs.parse().ok();
            }
        } else if let Some(at) = line.find("Test unit written to ") {
            // `artifact_prefix='...'; Test unit written to <path>`
            run.artifact = Some(line[at + "Test unit written to ".len()..].trim().to_owned());
        }
        if line.starts_with('#') {
            let mut words = line.split_whitespace();
            let count = words
                .next()
                .and_then(|w| w.trim_start_matches('#').parse::<u64>().ok());
            let words: Vec<&str> = words.collect();
            if words.first() == Some(&"DONE") && run.executions.is_none() {
                run.executions = count;
            }
            if let Some(i) = words.iter().position(|w| *w == "cov:") {
                if let Some(cov) = words.get(i + 1).and_then(|c| c.parse().ok()) {
                    run.coverage = Some(cov);
                }
            }
            if let Some(i) = words.iter().position(|w| *w == "corp:") {
                run.corpus = words.get(i + 1).map(|c| (*c).to_owned());
            }
        }
    }
}

fn stat(line: &str, key: &str) -> Option<u64> {
    line.strip_prefix(key)?.trim().parse().ok()
}

/// Runs the task: each target in turn, then the summary.
pub fn run(task: &FuzzTask, root: &Path) -> Result<()> {
    header("Tools");
    let tools = Tools::for_fuzz(root)?;
    let toolchain = choose_toolchain();
    let targets: Vec<&str> = match &task.target {
        Some(t) => vec![t.as_str()],
        None => TARGETS.to_vec(),
    };
    let mut runs = Vec::new();
    for target in targets {
        header(&format!(
            "Fuzzing `{target}` for {}s with {}",
            task.seconds,
            toolchain.describe()
        ));
        runs.push(fuzz_target(&tools, toolchain, root, target, task.seconds)?);
    }
    header("Fuzzing results");
    println!("{}", table(&runs));
    let report = root.join("target").join("fuzz-report.json");
    write_report(&report, toolchain, &runs)?;
    println!("written to {}", report.display());
    let failed: Vec<String> = runs
        .iter()
        .filter(|r| !r.clean)
        .map(|r| match &r.artifact {
            Some(a) => format!("{}: failing input {a}", r.target),
            None => format!("{}: the run did not finish cleanly (see its log)", r.target),
        })
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "fuzzing found problems (minimise with `cargo +nightly fuzz tmin <target> <input>` in fuzz/):\n  {}",
            failed.join("\n  ")
        ))
    }
}

/// One target: `cargo fuzz run`, its output shown (new-input lines only counted) and logged.
fn fuzz_target(
    tools: &Tools,
    toolchain: Toolchain,
    root: &Path,
    target: &str,
    seconds: u64,
) -> Result<TargetRun> {
    let fuzz_dir = root.join("fuzz");
    let work = root.join("target").join("fuzz");
    let corpus = corpus_dir(root, target);
    let logs = work.join("logs");
    // Each toolchain builds into its own directory, so switching never rebuilds the other's.
    let build_dir = match toolchain {
        Toolchain::Nightly => work.clone(),
        Toolchain::StableBootstrap => root.join("target").join("fuzz-stable"),
    };
    let fixtures = root
        .join("tests")
        .join("fixtures")
        .join("fuzz")
        .join(target);
    for dir in [&corpus, &logs, &fixtures] {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let mut command = toolchain.cargo(tools);
    command
        .args(["fuzz", "run", "--sanitizer", "none", "--debug-assertions"])
        .arg("--target-dir")
        .arg(&build_dir)
        .arg(target)
        // New inputs go to the first directory; the others are read-only seeds.
        .arg(&corpus)
        .arg(fuzz_dir.join("corpus").join(target))
        .arg(&fixtures)
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg("-print_final_stats=1")
        .arg("-timeout=20")
        .current_dir(&fuzz_dir)
        .stderr(Stdio::piped());
    println!("$ {}", run::display(&command));
    let started = Instant::now();
    let mut child = command
        .spawn()
        .map_err(|e| format!("could not start cargo fuzz: {e}"))?;
    let log_path = logs.join(format!("{target}.log"));
    let mut log_file = fs::File::create(&log_path)
        .map_err(|e| format!("cannot write {}: {e}", log_path.display()))?;
    let mut log = String::new();
    let mut new_inputs = 0u64;
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines().map_while(|l| l.ok()) {
            let _ = writeln!(log_file, "{line}");
            let quiet = line.starts_with('#')
                && line
                    .split_whitespace()
                    .nth(1)
                    .is_some_and(|w| w == "NEW" || w == "REDUCE");
            if quiet {
                new_inputs += 1;
            } else {
                eprintln!("{line}");
            }
            log.push_str(&line);
            log.push('\n');
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("cargo fuzz did not finish: {e}"))?;
    let mut result = TargetRun {
        target: target.to_owned(),
        seconds,
        ..TargetRun::default()
    };
    parse_log(&log, &mut result);
    result.corpus_files = fs::read_dir(&corpus).map(|d| d.count()).unwrap_or(0);
    result.clean = status.success() && result.artifact.is_none();
    println!(
        "`{target}`: {} new or smaller inputs, wall time {}, log in {}",
        new_inputs,
        run::elapsed(started),
        log_path.display()
    );
    Ok(result)
}

/// The summary as a text table.
pub fn table(runs: &[TargetRun]) -> String {
    let num = |n: Option<u64>| n.map_or_else(|| "?".to_owned(), |n| n.to_string());
    let mut out = format!(
        "{:<10} {:>8} {:>8} {:>12} {:>8} {:>14} {:>7}  result",
        "target", "asked s", "ran s", "executions", "exec/s", "corpus", "cov"
    );
    for r in runs {
        out.push_str(&format!(
            "\n{:<10} {:>8} {:>8} {:>12} {:>8} {:>14} {:>7}  {}",
            r.target,
            r.seconds,
            num(r.fuzz_seconds),
            num(r.executions),
            num(r.exec_per_sec),
            r.corpus.as_deref().unwrap_or("?"),
            num(r.coverage),
            if r.clean {
                "clean".to_owned()
            } else {
                format!(
                    "FAILED {}",
                    r.artifact.as_deref().unwrap_or("(see the log)")
                )
            }
        ));
    }
    out
}

/// Writes (or updates: targets not run now keep their last result) `target/fuzz-report.json`.
fn write_report(path: &Path, toolchain: Toolchain, runs: &[TargetRun]) -> Result<()> {
    let mut targets: serde_json::Map<String, Value> = fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        .and_then(|v| v.get("targets").and_then(Value::as_object).cloned())
        .unwrap_or_default();
    for r in runs {
        targets.insert(
            r.target.clone(),
            json!({
                "toolchain": toolchain.describe(),
                "seconds": r.seconds,
                "fuzz_seconds": r.fuzz_seconds,
                "executions": r.executions,
                "exec_per_sec": r.exec_per_sec,
                "coverage": r.coverage,
                "corpus_files": r.corpus_files,
                "corpus": r.corpus,
                "clean": r.clean,
                "artifact": r.artifact,
            }),
        );
    }
    let report = json!({ "targets": targets });
    let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    fs::write(path, text + "\n").map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The directory libFuzzer keeps a target's corpus in during runs.
pub fn corpus_dir(root: &Path, target: &str) -> PathBuf {
    root.join("target").join("fuzz").join("corpus").join(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn reads_seconds_and_target() {
        assert_eq!(
            parse(&args("--seconds 600 --target load")).unwrap(),
            FuzzTask {
                seconds: 600,
                target: Some("load".into())
            }
        );
        assert_eq!(parse(&args("--seconds=5")).unwrap().target, None);
        assert!(parse(&args("--target load")).is_err());
        assert!(parse(&args("--seconds 0")).is_err());
        assert!(parse(&args("--seconds 5 --target nope")).is_err());
        assert!(parse(&args("--seconds")).is_err());
    }

    #[test]
    fn reads_libfuzzer_final_lines() {
        let log = "\
#1024\tpulse  cov: 900 ft: 1200 corp: 40/3Kb exec/s: 512 rss: 60Mb
#5000\tNEW    cov: 950 ft: 1300 corp: 41/3Kb lim: 4096 exec/s: 500 rss: 61Mb L: 12/300 MS: 1 ChangeBit-
#123456\tDONE   cov: 961 ft: 1400 corp: 44/4Kb lim: 4096 exec/s: 205 rss: 70Mb
Done 123456 runs in 601 second(s)
stat::number_of_executed_units: 123457
stat::average_exec_per_sec:     205
stat::new_units_added:          4
";
        let mut run = TargetRun::default();
        parse_log(log, &mut run);
        assert_eq!(run.executions, Some(123457));
        assert_eq!(run.fuzz_seconds, Some(601));
        assert_eq!(run.exec_per_sec, Some(205));
        assert_eq!(run.coverage, Some(961));
        assert_eq!(run.corpus.as_deref(), Some("44/4Kb"));
        assert_eq!(run.artifact, None);
    }

    #[test]
    fn reads_a_crash() {
        let log = "#7\tDONE   cov: 10\nartifact_prefix='/w/fuzz/artifacts/load/'; \
                   Test unit written to /w/fuzz/artifacts/load/crash-abc\n";
        let mut run = TargetRun::default();
        parse_log(log, &mut run);
        assert_eq!(run.executions, Some(7));
        assert_eq!(
            run.artifact.as_deref(),
            Some("/w/fuzz/artifacts/load/crash-abc")
        );
    }

    #[test]
    fn the_table_names_every_target() {
        let runs = [TargetRun {
            target: "config".into(),
            seconds: 600,
            executions: Some(10),
            clean: true,
            ..TargetRun::default()
        }];
        let table = table(&runs);
        assert!(table.contains("config"));
        assert!(table.contains("clean"));
    }
}
