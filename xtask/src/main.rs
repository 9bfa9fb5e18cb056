//! Build, serve and test tasks for Report Explorer: `cargo xtask <task>`.
//!
//! Every task first makes sure the pinned tools are installed (see `tools`),
//! then runs Trunk offline with those tools first on `PATH`.

mod dist;
mod fuzz;
mod gen_data;
mod guide;
mod run;
mod tools;
mod xfilter;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use run::{header, run, Result};
use tools::Tools;

/// The root package: the app crate Trunk builds and the wasm tests run for.
const APP_PACKAGE: &str = "report-explorer";
/// Debian's chromium and its WebDriver, used by the wasm tests and the end-to-end tests.
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Debian's Firefox ESR, the second engine of the end-to-end tests (tests/e2e/firefox.test.mjs,
/// driven by puppeteer-core over WebDriver BiDi).
const FIREFOX: &str = "/usr/bin/firefox-esr";

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  serve [--port N]  build in debug mode and serve on http://127.0.0.1:N/ (default 8080)
                    with live reload
  dist              release build into dist/ and print the size of its files
  fuzz --seconds N [--target NAME]
                    run the cargo-fuzz targets in fuzz/ (load, url_query, config,
                    messages; or only NAME) for N seconds each, one after another,
                    with nightly Rust (stable with RUSTC_BOOTSTRAP=1 when nightly
                    cannot be had); prints executions and time per target and
                    writes target/fuzz-report.json. Not part of `test`
  guide [DIR]       render docs/data-format.md to DIR/data-format.html with
                    DIR/guide.css (default: the docs/ folder of the build Trunk
                    is staging; Trunk runs it after every build)
  gen-data --entries N [--seed S] [--years Y1,Y2,...] --out FILE|DIR
                    write a deterministic synthetic report of N entries (seed S,
                    default 1) to FILE; the same N and S give the same bytes.
                    With --years: a catalogue.json of those years' reports (N
                    entries each, with year-over-year series) and data/*.json in DIR
  bench             query-engine benchmark at 1k/10k/100k entries and release
                    size budgets (fails when over budget), then a browser
                    benchmark of dist/ with generated 1k/10k/100k reports in
                    headless Chromium (numbers only, also written to
                    target/bench-results.json), then bench-xfilter
  bench-xfilter     1M records, crossfilter2 vs the core's crossfilter engine (wasm)
                    in one page in headless Chromium; checks both count the same,
                    prints both times and writes target/xfilter-results.json
  lighthouse [--runs N]
                    release build, then Lighthouse 12 (mobile) scores of the
                    list, timeline and charts served compressed with the CSP;
                    prints the median of N runs (default 3), never fails on scores
  screenshots       release build, then PNG screenshots of the timeline and each
                    chart, light and dark, into docs/screenshots/
  test              native tests, wasm tests in headless Chromium, release build
                    and its size budgets, end-to-end tests (tests/e2e) in headless
                    Chromium (with a generated 10k-entry report in target/e2e-data/),
                    then the shared scenarios in headless Firefox (Debian's firefox-esr)

Every release build ends with the first-paint snapshot: the default view,
rendered in headless Chromium, written into dist/index.html.

Tools are installed on first use into $REPORT_EXPLORER_TOOLS (default: .tools/).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("serve") => parse_port(&args[1..]).and_then(serve),
        Some("dist") => no_more_args(&args[1..]).and_then(|()| dist()),
        Some("test") => no_more_args(&args[1..]).and_then(|()| test()),
        Some("bench") => no_more_args(&args[1..]).and_then(|()| bench()),
        Some("gen-data") => gen_data::parse(&args[1..])
            .map_err(|message| format!("{message}\n\n{USAGE}"))
            .and_then(|task| gen_data::run(&task)),
        Some("guide") => guide::run(&args[1..], &repo_root()),
        Some("fuzz") => fuzz::parse(&args[1..])
            .map_err(|message| format!("{message}\n\n{USAGE}"))
            .and_then(|task| fuzz::run(&task, &repo_root())),
        Some("bench-xfilter") => no_more_args(&args[1..]).and_then(|()| bench_xfilter()),
        Some("lighthouse") => parse_runs(&args[1..]).and_then(lighthouse),
        Some("screenshots") => no_more_args(&args[1..]).and_then(|()| screenshots()),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown task `{other}`\n\n{USAGE}")),
        None => Err(USAGE.to_owned()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_port(args: &[String]) -> Result<u16> {
    match args {
        [] => Ok(8080),
        [flag, value] if flag == "--port" => value
            .parse()
            .map_err(|_| format!("--port expects a number from 1 to 65535, got `{value}`")),
        [flag] if flag.starts_with("--port=") => {
            let value = &flag["--port=".len()..];
            value
                .parse()
                .map_err(|_| format!("--port expects a number from 1 to 65535, got `{value}`"))
        }
        _ => Err(format!(
            "unexpected arguments: {}\n\n{USAGE}",
            args.join(" ")
        )),
    }
}

fn parse_runs(args: &[String]) -> Result<u32> {
    let value = match args {
        [] => return Ok(3),
        [flag, value] if flag == "--runs" => value.as_str(),
        [flag] if flag.starts_with("--runs=") => &flag["--runs=".len()..],
        _ => {
            return Err(format!(
                "unexpected arguments: {}\n\n{USAGE}",
                args.join(" ")
            ))
        }
    };
    value
        .parse()
        .ok()
        .filter(|n| (1..=20).contains(n))
        .ok_or_else(|| format!("--runs expects a number from 1 to 20, got `{value}`"))
}

fn no_more_args(args: &[String]) -> Result<()> {
    if args.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "unexpected arguments: {}\n\n{USAGE}",
            args.join(" ")
        ))
    }
}

/// The repository root (the parent of this crate's directory).
fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the repository")
        .to_path_buf()
}

/// Installs missing tools and downloads crates, so Trunk can then run offline.
fn prepare(root: &Path) -> Result<Tools> {
    header("Tools");
    let tools = Tools::ensure(root)?;
    header("Crates (cargo fetch)");
    run(tools.cargo().arg("fetch").current_dir(root))?;
    Ok(tools)
}

fn trunk(tools: &Tools, root: &Path) -> Command {
    let mut command = tools.command(tools.bin("trunk"));
    command.current_dir(root).env("TRUNK_OFFLINE", "true");
    command
}

fn serve(port: u16) -> Result<()> {
    let root = repo_root();
    let tools = prepare(&root)?;
    header(&format!("trunk serve on http://127.0.0.1:{port}/"));
    // Debug builds go to target/serve-dist, so dist/ only ever holds a release build.
    let serve_dist = root.join("target").join("serve-dist");
    run(trunk(&tools, &root)
        .args(["serve", "--dist"])
        .arg(&serve_dist)
        .args(["--address", "127.0.0.1", "--port", &port.to_string()]))
}

/// `npm ci` in a directory of Node scripts (tests/e2e, tests/lighthouse). No package may
/// download a browser: the tests drive Debian's.
fn npm_ci(tools: &Tools, dir: &Path) -> Result<()> {
    run(tools
        .command("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .env("PUPPETEER_SKIP_DOWNLOAD", "1")
        .current_dir(dir))
}

/// `trunk build --release` into `dist/`, the first-paint snapshot into
/// `dist/index.html` (rendered by the app in headless Chromium, see
/// tests/e2e/first-paint.mjs), then checks `dist/index.html` is CSP-clean.
fn build_release(tools: &Tools, root: &Path) -> Result<PathBuf> {
    tools::ensure_chromium(CHROMIUM, CHROMEDRIVER)?;
    tools::ensure_cjk_font()?;
    header("Release build (trunk build --release)");
    let started = Instant::now();
    run(trunk(tools, root).args(["build", "--release"]))?;
    let dist_dir = root.join("dist");
    header("First-paint snapshot of the default view into dist/index.html");
    npm_ci(tools, &root.join("tests").join("e2e"))?;
    run(tools
        .command("node")
        .arg("tests/e2e/first-paint.mjs")
        .arg(&dist_dir)
        .env("REPORT_EXPLORER_CHROMIUM", chromium())
        .current_dir(root))?;
    dist::check_index_html(&dist_dir.join("index.html"))?;
    println!(
        "dist/index.html has no inline script, inline style or event handler attribute \
         (built in {})",
        run::elapsed(started)
    );
    Ok(dist_dir)
}

/// The Chromium the browser tasks use: `$REPORT_EXPLORER_CHROMIUM`, or Debian's.
fn chromium() -> String {
    std::env::var("REPORT_EXPLORER_CHROMIUM").unwrap_or_else(|_| CHROMIUM.to_owned())
}

/// The Firefox of the end-to-end tests: `$REPORT_EXPLORER_FIREFOX`, or Debian's firefox-esr.
fn firefox() -> String {
    std::env::var("REPORT_EXPLORER_FIREFOX")
        .ok()
        .filter(|path| !path.is_empty())
        .unwrap_or_else(|| FIREFOX.to_owned())
}

/// Prints the sizes of `dist/` and fails when the app's files are over their budgets.
fn check_budgets(tools: &Tools, dist_dir: &Path) -> Result<()> {
    header("Size budgets of dist/");
    let over = dist::over_budget(&dist::print_sizes(tools, dist_dir)?);
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "over budget (see BROTLI_BUDGETS in xtask/src/dist.rs):\n  {}",
            over.join("\n  ")
        ))
    }
}

fn dist() -> Result<()> {
    let root = repo_root();
    let tools = prepare(&root)?;
    let dist_dir = build_release(&tools, &root)?;
    header("Sizes of dist/");
    dist::print_sizes(&tools, &dist_dir).map(drop)
}

fn screenshots() -> Result<()> {
    let root = repo_root();
    let tools = prepare(&root)?;
    let dist_dir = build_release(&tools, &root)?;
    header("Screenshots (headless Chromium) into docs/screenshots/");
    // The three-year catalogue the year-over-year views are shown on.
    let years = root.join("target").join("e2e-data").join("years");
    gen_data::write_catalogue(&[2018, 2019, 2020], 300, gen_data::DEFAULT_SEED, &years)?;
    run(tools
        .command("node")
        .args(["tests/e2e/screenshots.mjs", "docs/screenshots"])
        .env("REPORT_EXPLORER_DIST", &dist_dir)
        .env("REPORT_EXPLORER_YEARS", &years)
        .current_dir(&root))
}

fn bench() -> Result<()> {
    let root = repo_root();
    let tools = prepare(&root)?;
    tools::ensure_chromium(CHROMIUM, CHROMEDRIVER)?;
    header("Query engine (cargo bench --profile perf --bench query)");
    // Over budget fails the task, but only at the end: the browser numbers are still wanted.
    let mut over = Vec::new();
    if let Err(message) = run(tools
        .cargo()
        .args([
            "bench",
            "--profile",
            "perf",
            "--package",
            APP_PACKAGE,
            "--bench",
            "query",
        ])
        .current_dir(&root))
    {
        over.push(format!("query engine: {message} (budgets above)"));
    }
    let dist_dir = build_release(&tools, &root)?;
    if let Err(message) = check_budgets(&tools, &dist_dir) {
        over.push(message);
    }

    header("Browser benchmark (benches/browser, headless Chromium)");
    let data_dir = root.join("target").join("bench-data");
    for (label, entries) in BROWSER_BENCH_SIZES {
        let out = data_dir.join(format!("report-{label}.json"));
        gen_data::run(&gen_data::GenData {
            entries,
            seed: gen_data::DEFAULT_SEED,
            out,
            years: None,
        })?;
    }
    let browser = root.join("benches").join("browser");
    npm_ci(&tools, &browser)?;
    run(tools
        .command("node")
        .arg("benches/browser/bench.mjs")
        .env("REPORT_EXPLORER_DIST", &dist_dir)
        .env("REPORT_EXPLORER_CHROMIUM", chromium())
        .env("REPORT_EXPLORER_BENCH_DATA", &data_dir)
        .env(
            "REPORT_EXPLORER_BENCH_RESULTS",
            root.join("target").join("bench-results.json"),
        )
        .current_dir(&root))?;

    header("1M records: crossfilter2 and the core's crossfilter engine (benches/xfilter)");
    xfilter::xfilter_bench(&tools, &root)?;

    if over.is_empty() {
        Ok(())
    } else {
        Err(format!("over budget:\n  {}", over.join("\n  ")))
    }
}

fn lighthouse(runs: u32) -> Result<()> {
    let root = repo_root();
    let tools = prepare(&root)?;
    let dist_dir = build_release(&tools, &root)?;
    header(&format!(
        "Lighthouse (mobile, median of {runs}) of dist/ served with brotli and the CSP"
    ));
    npm_ci(&tools, &root.join("tests").join("lighthouse"))?;
    run(tools
        .command("node")
        .arg("tests/lighthouse/lighthouse.mjs")
        .arg("--dist")
        .arg(&dist_dir)
        .arg(format!("--runs={runs}"))
        .env("CHROME_PATH", chromium())
        .current_dir(&root))
}

/// The generated reports the browser benchmark opens: (file label, entries).
const BROWSER_BENCH_SIZES: [(&str, usize); 3] = [("1k", 1_000), ("10k", 10_000), ("100k", 100_000)];

fn bench_xfilter() -> Result<()> {
    let root = repo_root();
    let tools = prepare(&root)?;
    xfilter::xfilter_bench(&tools, &root)
}

fn test() -> Result<()> {
    let root = repo_root();
    let started = Instant::now();
    let tools = prepare(&root)?;
    tools::ensure_chromium(CHROMIUM, CHROMEDRIVER)?;
    tools::ensure_cjk_font()?;
    let firefox = firefox();
    tools::ensure_firefox(&firefox)?;
    tools::ensure_poppler()?;

    header("1/4 Native tests (cargo test --workspace)");
    run(tools
        .cargo()
        .args(["test", "--workspace"])
        .current_dir(&root))?;

    header("2/4 Wasm tests in headless Chromium (cargo test --target wasm32-unknown-unknown)");
    let chromedriver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| CHROMEDRIVER.to_owned());
    run(tools
        .cargo()
        .args([
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "--package",
            APP_PACKAGE,
            "--lib",
            "--tests",
        ])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            tools.bin("wasm-bindgen-test-runner"),
        )
        .env("CHROMEDRIVER", chromedriver)
        .current_dir(&root))?;

    header("3/4 Release build, size budgets, end-to-end tests (tests/e2e, headless Chromium)");
    let dist_dir = build_release(&tools, &root)?;
    check_budgets(&tools, &dist_dir)?;
    // A large report for tests that need one (see `DATA_10K` in tests/e2e/common.mjs).
    let data_10k = root.join("target").join("e2e-data").join("report-10k.json");
    gen_data::run(&gen_data::GenData {
        entries: 10_000,
        seed: 1,
        out: data_10k.clone(),
        years: None,
    })?;
    // A three-year catalogue for the year-over-year tests (see tests/e2e/years.test.mjs).
    let years = root.join("target").join("e2e-data").join("years");
    gen_data::write_catalogue(&[2018, 2019, 2020], 300, gen_data::DEFAULT_SEED, &years)?;
    // tests/e2e's packages were installed by build_release for the snapshot. Without
    // REPORT_EXPLORER_FIREFOX, firefox.test.mjs skips itself here: it runs in the next stage.
    run(tools
        .command("node")
        .args(["--test", "tests/e2e/"])
        .env("REPORT_EXPLORER_DIST", &dist_dir)
        .env("REPORT_EXPLORER_CHROMIUM", chromium())
        .env("REPORT_EXPLORER_DATA_10K", &data_10k)
        .env("REPORT_EXPLORER_YEARS", &years)
        .env_remove("REPORT_EXPLORER_FIREFOX")
        .current_dir(&root))?;

    header("4/4 End-to-end scenarios in headless Firefox (tests/e2e/firefox.test.mjs)");
    let firefox_started = Instant::now();
    run(tools
        .command("node")
        .args(["--test", "tests/e2e/firefox.test.mjs"])
        .env("REPORT_EXPLORER_DIST", &dist_dir)
        .env("REPORT_EXPLORER_FIREFOX", &firefox)
        .env("PUPPETEER_SKIP_DOWNLOAD", "1")
        .current_dir(&root))?;
    println!(
        "Firefox scenarios passed in {}",
        run::elapsed(firefox_started)
    );

    header(&format!("All tests passed in {}", run::elapsed(started)));
    Ok(())
}
