//! Text matching for search: case and diacritic folding, query words, and highlight segments.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds one character for matching: lower case, no diacritics, plain quotes.
fn fold_char(c: char, out: &mut impl FnMut(char)) {
    if c.is_ascii() {
        return out(c.to_ascii_lowercase());
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02bc}' => out('\''),
        '\u{201c}' | '\u{201d}' => out('"'),
        '\u{2013}' | '\u{2014}' => out('-'),
        _ => {
            for d in c.to_lowercase().nfd() {
                if !is_combining_mark(d) {
                    out(d);
                }
            }
        }
    }
}

/// Folds text for matching: `Société Générale’s` becomes `societe generale's`.
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
}
