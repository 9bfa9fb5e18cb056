//! The search folding tables in `src/core/fold_table.rs` against `unicode-normalization`:
//! they must fold every character exactly as "lower case, canonical decomposition, no
//! combining marks" does. `UPDATE_FOLD_TABLE=1 cargo test --test fold_table` rewrites them.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::text::fold;
use std::fmt::Write as _;
use std::path::Path;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

const TABLE_PATH: &str = "src/core/fold_table.rs";

/// Hangul syllables decompose by arithmetic, not by table.
fn is_hangul_syllable(c: char) -> bool {
    ('\u{ac00}'..='\u{d7a3}').contains(&c)
}

/// The reference: what folding meant when it used `unicode-normalization` directly.
fn reference_fold(c: char) -> String {
    if c.is_ascii() {
        return c.to_ascii_lowercase().to_string();
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02bc}' => "'".into(),
        '\u{201c}' | '\u{201d}' => "\"".into(),
        '\u{2013}' | '\u{2014}' => "-".into(),
        _ => c
            .to_lowercase()
            .nfd()
            .filter(|d| !is_combining_mark(*d))
            .collect(),
    }
}

/// The generated tables.
struct Tables {
    /// Ranges of combining marks.
    marks: Vec<(char, char)>,
    /// Characters whose canonical decomposition without marks is one other character.
    to_one: Vec<(char, char)>,
    /// ... or several characters.
    to_many: Vec<(char, String)>,
}

fn tables() -> Tables {
    let mut marks: Vec<(char, char)> = Vec::new();
    let mut to_one = Vec::new();
    let mut to_many = Vec::new();
    for c in (0..=0x10_ffff_u32).filter_map(char::from_u32) {
        if is_combining_mark(c) {
            match marks.last_mut() {
                Some((_, end)) if *end as u32 + 1 == c as u32 => *end = c,
                _ => marks.push((c, c)),
            }
            continue;
        }
        if is_hangul_syllable(c) {
            continue;
        }
        let base: Vec<char> = std::iter::once(c)
            .nfd()
            .filter(|d| !is_combining_mark(*d))
            .collect();
        match base.as_slice() {
            [b] if *b == c => {}
            [b] => to_one.push((c, *b)),
            _ => to_many.push((c, base.iter().collect())),
        }
    }
    Tables {
        marks,
        to_one,
        to_many,
    }
}

fn lit(c: char) -> String {
    format!("'\\u{{{:x}}}'", c as u32)
}

fn rows(out: &mut String, items: Vec<String>, per_line: usize) {
    for line in items.chunks(per_line) {
        out.push_str("   ");
        for item in line {
            write!(out, " {item},").unwrap();
        }
        out.push('\n');
    }
}

fn generated() -> String {
    let Tables {
        marks,
        to_one,
        to_many,
    } = tables();
    let mut out = String::new();
    out.push_str(
        "//! Generated tables for search folding: combining marks, and canonical decompositions without them.\n\
         //!\n\
         //! Generated from `unicode-normalization` by `UPDATE_FOLD_TABLE=1 cargo test --test fold_table`;\n\
         //! that test also checks `core::text::fold` against the crate for every character. Do not edit.\n\n",
    );
    writeln!(
        out,
        "/// Inclusive ranges of combining marks (general category M), sorted.\n\
         #[rustfmt::skip]\n\
         pub(crate) static MARKS: [(char, char); {}] = [",
        marks.len()
    )
    .unwrap();
    let items = marks
        .iter()
        .map(|(a, b)| format!("({}, {})", lit(*a), lit(*b)));
    rows(&mut out, items.collect(), 4);
    out.push_str("];\n\n");
    writeln!(
        out,
        "/// Characters whose canonical decomposition, without combining marks, is one\n\
         /// other character (Hangul syllables decompose by arithmetic instead), sorted.\n\
         #[rustfmt::skip]\n\
         pub(crate) static TO_ONE: [(char, char); {}] = [",
        to_one.len()
    )
    .unwrap();
    let items = to_one
        .iter()
        .map(|(a, b)| format!("({}, {})", lit(*a), lit(*b)));
    rows(&mut out, items.collect(), 4);
    out.push_str("];\n\n");
    writeln!(
        out,
        "/// Characters whose canonical decomposition, without combining marks, is several characters, sorted.\n\
         #[rustfmt::skip]\n\
         pub(crate) static TO_MANY: [(char, &str); {}] = [",
        to_many.len()
    )
    .unwrap();
    let items = to_many.iter().map(|(a, s)| {
        let escaped: String = s
            .chars()
            .map(|c| format!("\\u{{{:x}}}", c as u32))
            .collect();
        format!("({}, \"{escaped}\")", lit(*a))
    });
    rows(&mut out, items.collect(), 3);
    out.push_str("];\n");
    out
}

#[test]
fn the_checked_in_tables_are_generated_from_unicode_normalization() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(TABLE_PATH);
    let wanted = generated();
    if std::env::var_os("UPDATE_FOLD_TABLE").is_some() {
        std::fs::write(&path, &wanted).expect("writable table file");
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == wanted,
        "{TABLE_PATH} is out of date: run `UPDATE_FOLD_TABLE=1 cargo test --test fold_table`"
    );
}

#[test]
fn every_character_folds_as_with_unicode_normalization() {
    let mut wrong = Vec::new();
    for c in (0..=0x10_ffff_u32).filter_map(char::from_u32) {
        let (got, want) = (fold(&c.to_string()), reference_fold(c));
        if got != want {
            wrong.push(format!("{c:?}: {got:?}, expected {want:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} characters fold differently:\n{}",
        wrong.len(),
        wrong[..wrong.len().min(20)].join("\n")
    );
    // Whole strings too: the lower case of a character can hold several characters.
    for text in [
        "İstanbul",
        "Société GÉNÉRALE’s",
        "한국어 ＡＢＣ",
        "ǅemal Ǳ",
        "ΐ ΰ",
    ] {
        let want: String = text.chars().map(reference_fold).collect();
        assert_eq!(fold(text), want, "{text}");
    }
}
