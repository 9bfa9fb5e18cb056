//! The crossfilter benchmark: 1M records, crossfilter2 against the core's crossfilter engine
//! compiled to wasm, in the same page in headless Chromium (`benches/xfilter/`).
//!
//! Builds `benches/xfilter-wasm` for wasm32 (release), runs the pinned wasm-bindgen
//! (`--target web`) into `target/xfilter-bench/pkg` and wasm-opt `-O3` on it, installs the
//! page's npm packages (`npm ci`) and runs `benches/xfilter/bench.mjs`, which verifies that
//! both sides count the same after every operation, prints both times and their ratio and
//! writes `target/xfilter-results.json`.

use std::path::{Path, PathBuf};

use crate::run::{header, run, Result};
use crate::tools::{self, Tools};
use crate::{CHROMEDRIVER, CHROMIUM};

/// The wasm crate of the benchmark and the file it builds.
const PACKAGE: &str = "xfilter-wasm";
const WASM_FILE: &str = "xfilter_wasm.wasm";
const BG_WASM_FILE: &str = "xfilter_wasm_bg.wasm";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// The wasm features rustc enables by default for wasm32-unknown-unknown, for wasm-opt.
const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Builds the wasm engine and runs the benchmark page; fails when the two sides disagree.
pub fn xfilter_bench(tools: &Tools, root: &Path) -> Result<()> {
    header(&format!(
        "Crossfilter engine to wasm (cargo build --release --target {WASM_TARGET} -p {PACKAGE})"
    ));
    run(tools
        .cargo()
        .args([
            "build",
            "--release",
            "--target",
            WASM_TARGET,
            "--package",
            PACKAGE,
        ])
        .current_dir(root))?;
    let wasm = target_dir(root)
        .join(WASM_TARGET)
        .join("release")
        .join(WASM_FILE);
    let bench_dir = target_dir(root).join("xfilter-bench");
    let pkg = bench_dir.join("pkg");

    header("wasm-bindgen --target web, wasm-opt -O3");
    run(tools
        .command(tools.bin("wasm-bindgen"))
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&pkg)
        .arg(&wasm))?;
    let bg = pkg.join(BG_WASM_FILE);
    run(tools
        .command(tools.wasm_opt())
        .arg("-O3")
        .args(WASM_FEATURES)
        .arg(&bg)
        .arg("-o")
        .arg(&bg))?;

    header("Page packages (npm ci in benches/xfilter)");
    let page_dir = root.join("benches").join("xfilter");
    run(tools
        .command("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&page_dir))?;
    let chromium =
        std::env::var("REPORT_EXPLORER_CHROMIUM").unwrap_or_else(|_| CHROMIUM.to_owned());
    if !Path::new(&chromium).exists() {
        tools::ensure_chromium(CHROMIUM, CHROMEDRIVER)?;
    }

    header("crossfilter2 vs core::crossfilter (wasm), 1M records, headless Chromium");
    run(tools
        .command("node")
        .arg(page_dir.join("bench.mjs"))
        .arg("--pkg")
        .arg(&pkg)
        .arg("--out")
        .arg(target_dir(root).join("xfilter-results.json"))
        .env("REPORT_EXPLORER_CHROMIUM", chromium)
        .current_dir(root))
}

/// Cargo's target directory: `$CARGO_TARGET_DIR` (relative to the root) or `target/`.
fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join("target"),
    }
}
