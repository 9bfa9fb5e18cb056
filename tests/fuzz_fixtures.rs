//! Replays the fuzz findings (`tests/fixtures/fuzz/<target>/`) and the fuzz seed corpus
//! (`fuzz/corpus/<target>/`) through the very checks the fuzz targets run (`fuzz/src/`), so a
//! fixed crash or broken invariant stays fixed under a plain `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/src/common.rs"]
mod common;
#[path = "../fuzz/src/config.rs"]
mod config;
#[path = "../fuzz/src/load.rs"]
mod load;
#[path = "../fuzz/src/messages.rs"]
mod messages;
#[path = "../fuzz/src/url_query.rs"]
mod url_query;

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(read) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = read
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

/// Runs `check` on every fixture and seed of `target`; fails naming each file that fails.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = files(&root.join("tests/fixtures/fuzz").join(target));
    all.extend(files(&root.join("fuzz/corpus").join(target)));
    let mut failed = Vec::new();
    for file in &all {
        let data = fs::read(file).expect("readable fixture");
        if catch_unwind(AssertUnwindSafe(|| check(&data))).is_err() {
            failed.push(file.display().to_string());
        }
    }
    assert!(failed.is_empty(), "{target}: failing inputs: {failed:#?}");
    all.len()
}

#[test]
fn load_fixtures_pass_the_load_checks() {
    assert!(replay("load", load::check) >= 3);
}

#[test]
fn the_bad_data_corpus_passes_the_load_checks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let inputs: Vec<PathBuf> = files(&root.join("tests/fixtures/bad"))
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e != "expected"))
        .collect();
    assert!(inputs.len() >= 40, "{} bad-data fixtures", inputs.len());
    for file in inputs {
        let data = fs::read(&file).expect("readable fixture");
        if catch_unwind(AssertUnwindSafe(|| load::check(&data))).is_err() {
            panic!("{} breaks a load invariant", file.display());
        }
    }
}

#[test]
fn url_query_fixtures_pass_the_url_checks() {
    assert!(replay("url_query", url_query::check) >= 3);
}

#[test]
fn config_fixtures_pass_the_config_checks() {
    assert!(replay("config", config::check) >= 3);
}

#[test]
fn messages_fixtures_pass_the_message_checks() {
    assert!(replay("messages", messages::check) >= 3);
}

#[test]
fn the_host_rule_of_the_checks_matches_browsers() {
    for named in [
        "//evil.example/x.json",
        "\\\\evil.example/x.json",
        "/\\evil.example/x.json",
        "\\/evil.example/x.json",
        "/\t/evil.example/x.json",
        "javascript:alert(1)",
        "data:application/json,{}",
        "HTTPS://x.example/",
    ] {
        assert!(url_query::names_host_or_scheme(named), "{named:?}");
    }
    for path in [
        "data/x.json",
        "/r/x.json",
        "x.json?v=1:2",
        "a/b:c",
        "-x:y",
        "%2F%2Fx",
    ] {
        assert!(!url_query::names_host_or_scheme(path), "{path:?}");
    }
}

#[test]
fn the_query_codec_reads_what_it_writes() {
    let written = common::to_query(&[("q", "a b&c=d+é%".to_owned()), ("sub", "x,y".to_owned())]);
    let pairs = common::parse_query(&written);
    assert_eq!(common::param(&pairs, "q").as_deref(), Some("a b&c=d+é%"));
    assert_eq!(common::param(&pairs, "sub").as_deref(), Some("x,y"));
    let pairs = common::parse_query("?q=1&q=two+words&bad=%zz%4");
    assert_eq!(common::param(&pairs, "q").as_deref(), Some("two words"));
    assert_eq!(common::param(&pairs, "bad").as_deref(), Some("%zz%4"));
}
