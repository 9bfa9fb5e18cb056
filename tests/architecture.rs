//! Tidy checks that keep the architecture honest: a pure core, a thin entry point, documented modules.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("readable source dir") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Crates the core must not name: UI framework, browser bindings, network, canvas.
const FORBIDDEN_IN_CORE: &[&str] = &[
    "leptos",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "gloo",
    "plotters_canvas",
    "crate::app",
];

/// Lines of `text` that name a forbidden crate outside comments, as (line number, line).
fn offences_in(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let named = FORBIDDEN_IN_CORE.iter().any(|word| {
            code.match_indices(word).any(|(i, _)| {
                let before_ok = !code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_');
                let rest = &code[i + word.len()..];
                let after_ok =
                    !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_') || *word == "gloo";
                before_ok && after_ok
            })
        });
        if named {
            out.push((n + 1, line.trim().to_owned()));
        }
    }
    out
}

#[test]
fn core_knows_nothing_of_the_browser() {
    let files = rust_files(&root().join("src/core"));
    assert!(
        files.len() >= 5,
        "expected the core modules, found {files:?}"
    );
    let mut offences = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in offences_in(&text) {
            offences.push(format!("{}:{n}: {line}", file.display()));
        }
    }
    assert!(
        offences.is_empty(),
        "src/core must stay pure:\n{}",
        offences.join("\n")
    );
}

#[test]
fn boundary_check_catches_offences() {
    let sample = "use leptos::prelude::*;\n\
                  let x = 1; // leptos in a comment is fine\n\
                  let leptos_free = web_sys::window();\n\
                  use gloo_net::http::Request;\n\
                  use crate::app::App;";
    let lines: Vec<usize> = offences_in(sample).into_iter().map(|(n, _)| n).collect();
    assert_eq!(lines, [1, 3, 4, 5]);
}

#[test]
fn main_only_mounts() {
    let main = fs::read_to_string(root().join("src/main.rs")).unwrap();
    let code_lines = main
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .count();
    assert!(
        code_lines <= 12,
        "src/main.rs should only mount the app ({code_lines} lines)"
    );
    assert!(main.contains("report_explorer::mount()"));
}

#[test]
fn every_module_says_what_it_owns() {
    let mut missing = Vec::new();
    for file in rust_files(&root().join("src")) {
        let text = fs::read_to_string(&file).unwrap();
        if !text.trim_start().starts_with("//!") {
            missing.push(file.display().to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "modules without a `//!` line: {missing:?}"
    );
}
