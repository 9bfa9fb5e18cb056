//! The search folding tables in `src/core/fold_table.rs` against `unicode-normalization`:
//! they must fold every character exactly as "lower case, canonical decomposition, no
//! combining marks, then the Latin letters of [`LATIN_LETTERS`] as plain letters" does.
//! `UPDATE_FOLD_TABLE=1 cargo test --test fold_table` rewrites them.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::text::fold;
use std::fmt::Write as _;
use std::path::Path;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

const TABLE_PATH: &str = "src/core/fold_table.rs";

/// Latin letters that have no canonical decomposition, so that NFD leaves them whole, and
/// the plain letters a reader types for them (`lodz` finds "Łódź", `strasse` "Straße").
///
/// Source: the Unicode character names (UnicodeData.txt, Unicode 14). Every lower-case
/// character named `LATIN SMALL LETTER X` or `LATIN SMALL LIGATURE X`, optionally followed by
/// `DIGRAPH` and by `WITH ...` or `PRECEDED BY ...`, where X is one or two letters, folds to
/// X (`L WITH STROKE` → `l`, `AE` → `ae`, `LIGATURE FI` → `fi`); besides those, the letters
/// named SHARP S → `ss`, ETH → `d`, THORN → `th`, KRA → `k`, ENG → `n`, LONG S → `s`,
/// DOTLESS I/J → `i`/`j`, U BAR → `u`, BARRED O → `o`, LIGATURE LONG S T / FFI / FFL (as
/// CLDR's Latin-ASCII transliteration reads them). Letters with a canonical decomposition
/// are left to NFD; IPA and historic letters with no plain reading (schwa, ezh, turned or
/// reversed letters, insular forms) are left alone. Upper-case forms fold through their
/// lower case (`Ł` → `ł` → `l`).
#[rustfmt::skip]
const LATIN_LETTERS: [(char, &str); 203] = [
    ('ß', "ss"), ('æ', "ae"), ('ð', "d"), ('ø', "o"), ('þ', "th"), ('đ', "d"), ('ħ', "h"), ('ı', "i"),
    ('ĳ', "ij"), ('ĸ', "k"), ('ŀ', "l"), ('ł', "l"), ('ŉ', "n"), ('ŋ', "n"), ('œ', "oe"), ('ŧ', "t"),
    ('ſ', "s"), ('ƀ', "b"), ('ƃ', "b"), ('ƈ', "c"), ('ƌ', "d"), ('ƒ', "f"), ('ƕ', "hv"), ('ƙ', "k"),
    ('ƚ', "l"), ('ƞ', "n"), ('ƣ', "oi"), ('ƥ', "p"), ('ƫ', "t"), ('ƭ', "t"), ('ƴ', "y"), ('ƶ', "z"),
    ('ǆ', "dz"), ('ǉ', "lj"), ('ǌ', "nj"), ('ǥ', "g"), ('ǳ', "dz"), ('ȡ', "d"), ('ȣ', "ou"), ('ȥ', "z"),
    ('ȴ', "l"), ('ȵ', "n"), ('ȶ', "t"), ('ȷ', "j"), ('ȸ', "db"), ('ȹ', "qp"), ('ȼ', "c"), ('ȿ', "s"),
    ('ɀ', "z"), ('ɇ', "e"), ('ɉ', "j"), ('ɋ', "q"), ('ɍ', "r"), ('ɏ', "y"), ('ɓ', "b"), ('ɕ', "c"),
    ('ɖ', "d"), ('ɗ', "d"), ('ɟ', "j"), ('ɠ', "g"), ('ɦ', "h"), ('ɨ', "i"), ('ɫ', "l"), ('ɬ', "l"),
    ('ɭ', "l"), ('ɱ', "m"), ('ɲ', "n"), ('ɳ', "n"), ('ɵ', "o"), ('ɼ', "r"), ('ɽ', "r"), ('ɾ', "r"),
    ('ʂ', "s"), ('ʄ', "j"), ('ʈ', "t"), ('ʉ', "u"), ('ʋ', "v"), ('ʐ', "z"), ('ʑ', "z"), ('ʝ', "j"),
    ('ʠ', "q"), ('ʣ', "dz"), ('ʥ', "dz"), ('ʦ', "ts"), ('ʨ', "tc"), ('ʪ', "ls"), ('ʫ', "lz"), ('ᵫ', "ue"),
    ('ᵬ', "b"), ('ᵭ', "d"), ('ᵮ', "f"), ('ᵯ', "m"), ('ᵰ', "n"), ('ᵱ', "p"), ('ᵲ', "r"), ('ᵳ', "r"),
    ('ᵴ', "s"), ('ᵵ', "t"), ('ᵶ', "z"), ('ᵺ', "th"), ('ᵽ', "p"), ('ᶀ', "b"), ('ᶁ', "d"), ('ᶂ', "f"),
    ('ᶃ', "g"), ('ᶄ', "k"), ('ᶅ', "l"), ('ᶆ', "m"), ('ᶇ', "n"), ('ᶈ', "p"), ('ᶉ', "r"), ('ᶊ', "s"),
    ('ᶌ', "v"), ('ᶍ', "x"), ('ᶎ', "z"), ('ᶏ', "a"), ('ᶑ', "d"), ('ᶒ', "e"), ('ᶖ', "i"), ('ᶙ', "u"),
    ('ẚ', "a"), ('ẜ', "s"), ('ẝ', "s"), ('ỿ', "y"), ('ⱡ', "l"), ('ⱥ', "a"), ('ⱦ', "t"), ('ⱨ', "h"),
    ('ⱪ', "k"), ('ⱬ', "z"), ('ⱱ', "v"), ('ⱳ', "w"), ('ⱴ', "v"), ('ⱸ', "e"), ('ⱺ', "o"), ('ꜩ', "tz"),
    ('ꜳ', "aa"), ('ꜵ', "ao"), ('ꜷ', "au"), ('ꜹ', "av"), ('ꜻ', "av"), ('ꜽ', "ay"), ('ꝁ', "k"), ('ꝃ', "k"),
    ('ꝅ', "k"), ('ꝉ', "l"), ('ꝋ', "o"), ('ꝍ', "o"), ('ꝏ', "oo"), ('ꝑ', "p"), ('ꝓ', "p"), ('ꝕ', "p"),
    ('ꝗ', "q"), ('ꝙ', "q"), ('ꝟ', "v"), ('ꝡ', "vy"), ('ꝥ', "th"), ('ꝧ', "th"), ('ꝫ', "et"), ('ꝭ', "is"),
    ('ꝸ', "um"), ('ꞎ', "l"), ('ꞑ', "n"), ('ꞓ', "c"), ('ꞔ', "c"), ('ꞕ', "h"), ('ꞗ', "b"), ('ꞙ', "f"),
    ('ꞡ', "g"), ('ꞣ', "k"), ('ꞥ', "n"), ('ꞧ', "r"), ('ꞩ', "s"), ('ꞹ', "u"), ('ꟈ', "d"), ('ꟊ', "s"),
    ('ꬴ', "e"), ('ꬷ', "l"), ('ꬸ', "l"), ('ꬹ', "l"), ('ꬺ', "m"), ('ꬻ', "n"), ('ꬼ', "n"), ('ꭉ', "r"),
    ('ꭎ', "u"), ('ꭏ', "u"), ('ꭐ', "ui"), ('ꭒ', "u"), ('ꭖ', "x"), ('ꭗ', "x"), ('ꭘ', "x"), ('ꭙ', "x"),
    ('ꭚ', "y"), ('ꭣ', "uo"), ('ꭦ', "dz"), ('ꭧ', "ts"), ('ﬀ', "ff"), ('ﬁ', "fi"), ('ﬂ', "fl"), ('ﬃ', "ffi"),
    ('ﬄ', "ffl"), ('ﬅ', "st"), ('ﬆ', "st"),
];

/// The plain letters for `c` (itself when it is not in [`LATIN_LETTERS`]).
fn latin(c: char) -> Vec<char> {
    match LATIN_LETTERS.iter().find(|(from, _)| *from == c) {
        Some((_, to)) => to.chars().collect(),
        None => vec![c],
    }
}

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
            .flat_map(latin)
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
            .flat_map(latin)
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
        "//! Generated tables for search folding: combining marks, and canonical decompositions without them,\n\
         //! with the Latin letters that have none read as plain letters (`ł` → `l`, `ß` → `ss`).\n\
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
         /// Latin letters with no decomposition count as their plain letter (`ł` → `l`).\n\
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
        "/// Characters whose canonical decomposition, without combining marks, is several characters\n\
         /// (or Latin letters read as several: `ß` → `ss`, `æ` → `ae`), sorted.\n\
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

#[test]
fn latin_letters_without_a_decomposition_fold_to_plain_letters() {
    for (text, want) in [
        ("Łódź", "lodz"),
        ("ł Ł", "l l"),
        ("ø Ø Ørsted", "o o orsted"),
        ("ß ẞ Straße", "ss ss strasse"),
        ("æ Æ Æbelø", "ae ae aebelo"),
        ("œ Œ", "oe oe"),
        ("đ Đ ð Ð Đà Nẵng", "d d d d da nang"),
        ("þ Þ", "th th"),
        ("ħ Ħ", "h h"),
        ("ı I", "i i"),
        ("ĸ", "k"),
        ("ŀ Ŀ", "l l"),
        ("ŋ Ŋ", "n n"),
        ("ŧ Ŧ", "t t"),
        ("ſ", "s"),
        ("ĳ Ĳ", "ij ij"),
        ("ǿ Ǿ ǽ Ǽ", "o o ae ae"),
        ("ƒ Ƒ ɨ Ɨ ǥ Ǥ ƶ Ƶ", "f f i i g g z z"),
        ("ﬁnance ﬂow", "finance flow"),
        ("ǅ ǈ ǋ", "dz lj nj"),
    ] {
        assert_eq!(fold(text), want, "{text}");
    }
}
