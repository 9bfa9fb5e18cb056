//! Text matching for search: case and diacritic folding, query words, and highlight segments.

use crate::core::fold_table::{MARKS, TO_MANY, TO_ONE};

/// Folds one character for matching: lower case, no diacritics, plain quotes.
/// The same as lower-casing, decomposing canonically (NFD), dropping every combining
/// mark and reading Latin letters that have no decomposition as plain letters (`ł` → `l`,
/// `ß` → `ss`, `æ` → `ae`), with small tables (`tests/fold_table.rs` checks every character).
/// A character folded to several letters keeps one source range, so a highlight covers it whole.
fn fold_char(c: char, out: &mut impl FnMut(char)) {
    if c.is_ascii() {
        return out(c.to_ascii_lowercase());
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02bc}' => out('\''),
        '\u{201c}' | '\u{201d}' => out('"'),
        '\u{2013}' | '\u{2014}' => out('-'),
        _ => c.to_lowercase().for_each(|l| base_chars(l, out)),
    }
}

/// The canonical decomposition of `c` without its combining marks.
fn base_chars(c: char, out: &mut impl FnMut(char)) {
    // Hangul syllables decompose into two or three jamo by arithmetic (Unicode 3.12).
    const S_BASE: u32 = 0xac00;
    const T_COUNT: u32 = 28;
    const N_COUNT: u32 = 21 * T_COUNT;
    let s = (c as u32).wrapping_sub(S_BASE);
    if s < 19 * N_COUNT {
        let jamo = |base: u32, offset: u32| char::from_u32(base + offset).unwrap_or(c);
        out(jamo(0x1100, s / N_COUNT));
        out(jamo(0x1161, (s % N_COUNT) / T_COUNT));
        if !s.is_multiple_of(T_COUNT) {
            out(jamo(0x11a7, s % T_COUNT));
        }
        return;
    }
    let is_mark = MARKS
        .binary_search_by(|&(start, end)| {
            if end < c {
                std::cmp::Ordering::Less
            } else if start > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok();
    if is_mark {
        return;
    }
    if let Ok(i) = TO_ONE.binary_search_by_key(&c, |&(from, _)| from) {
        out(TO_ONE[i].1);
    } else if let Ok(i) = TO_MANY.binary_search_by_key(&c, |&(from, _)| from) {
        TO_MANY[i].1.chars().for_each(out);
    } else {
        out(c);
    }
}

/// Folds text for matching: `Société Générale’s` becomes `societe generale's`, `Łódź` `lodz`.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        // Most report text is ASCII: lower-casing is all the folding it needs.
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut |f| out.push(f));
    }
    out
}

/// Splits a search query into folded words; every word must match for an entry to match.
pub fn query_words(query: &str) -> Vec<String> {
    let mut words: Vec<String> = fold(query)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// A piece of text, marked when it matches a search word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The original text of this piece.
    pub text: String,
    /// Whether it matched.
    pub hit: bool,
}

/// Splits `text` into segments so that every occurrence of a (folded) word is
/// its own `hit` segment. The segments' texts concatenate to `text` exactly.
pub fn highlight(text: &str, words: &[String]) -> Vec<Segment> {
    // Folded characters, each with the byte range of the original character it came from.
    let mut folded: Vec<(char, usize, usize)> = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        fold_char(c, &mut |f| folded.push((f, start, end)));
    }
    let mut hit = vec![false; text.len()];
    for word in words {
        let needle: Vec<char> = word.chars().collect();
        if needle.is_empty() || needle.len() > folded.len() {
            continue;
        }
        for i in 0..=folded.len() - needle.len() {
            if folded[i..i + needle.len()]
                .iter()
                .zip(&needle)
                .all(|((c, _, _), n)| c == n)
            {
                let (start, end) = (folded[i].1, folded[i + needle.len() - 1].2);
                hit[start..end].iter_mut().for_each(|h| *h = true);
            }
        }
    }
    let mut segments: Vec<Segment> = Vec::new();
    for (start, c) in text.char_indices() {
        let h = hit[start];
        match segments.last_mut() {
            Some(last) if last.hit == h => last.text.push(c),
            _ => segments.push(Segment {
                text: c.to_string(),
                hit: h,
            }),
        }
    }
    segments
}

/// `value` between a first-strong isolate (U+2068) and a pop directional isolate (U+2069):
/// the plain-text form of `<bdi>`, for names from the data inside composed text (tooltips,
/// chart labels), so direction controls in a name cannot reorder the text around it.
pub fn isolate(value: &str) -> String {
    format!("\u{2068}{value}\u{2069}")
}

/// Whether `c` is a Unicode direction control: embeddings, overrides, isolates and marks.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with each direction control shown as a visible code, `⟨U+202E⟩`: for messages
/// that quote values from a data file or a link, so a hidden control can neither reorder
/// the message around it nor go unnoticed.
pub fn reveal_direction_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_direction_control(c) {
            out.push_str(&format!("⟨U+{:04X}⟩", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_quotes() {
        assert_eq!(
            fold("Société GÉNÉRALE’s “Best”"),
            "societe generale's \"best\""
        );
        assert_eq!(fold("Φ8.8"), "φ8.8");
    }

    #[test]
    fn query_words_split_and_dedupe() {
        assert_eq!(query_words("  Award  award, Bank! "), ["award", "bank"]);
        assert_eq!(query_words("Café-bar"), ["bar", "cafe"]);
        assert!(query_words(" ,. ").is_empty());
    }

    #[test]
    fn highlight_marks_matches_in_original_text() {
        let segs = highlight("Société Générale won", &query_words("generale"));
        assert_eq!(
            segs,
            [
                Segment {
                    text: "Société ".into(),
                    hit: false
                },
                Segment {
                    text: "Générale".into(),
                    hit: true
                },
                Segment {
                    text: " won".into(),
                    hit: false
                },
            ]
        );
        let text = "CITIC Bank’s bank <b>";
        let segs = highlight(text, &query_words("bank"));
        assert_eq!(
            segs.iter().map(|s| s.text.as_str()).collect::<String>(),
            text
        );
        assert_eq!(segs.iter().filter(|s| s.hit).count(), 2);
        assert_eq!(
            highlight("abc", &[]),
            [Segment {
                text: "abc".into(),
                hit: false
            }]
        );
    }

    #[test]
    fn isolated_values_close_their_own_overrides() {
        assert_eq!(isolate("a\u{202E}b"), "\u{2068}a\u{202E}b\u{2069}");
    }

    #[test]
    fn direction_controls_are_revealed() {
        assert_eq!(
            reveal_direction_controls("unknown id `a\u{202E}cba` here"),
            "unknown id `a⟨U+202E⟩cba` here"
        );
        assert_eq!(
            reveal_direction_controls("\u{2067}x\u{2069}\u{200F}"),
            "⟨U+2067⟩x⟨U+2069⟩⟨U+200F⟩"
        );
        assert_eq!(reveal_direction_controls("שלום, 北京"), "שלום, 北京");
    }
}
