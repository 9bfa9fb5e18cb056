//! The reading view's core: passages located in the chapter text (exactly, then normalised),
//! merged highlights, paragraphs that lose nothing, bounded work, and the `report.text` path rules.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::load::load_report;
use report_explorer::core::reading::{normalise, read, read_report, Found, NotFound, Reading};
use report_explorer::core::source::{text_path, text_url, LoadFailure};
use report_explorer::core::synth;

mod support;

const DATASET: &str = include_str!("../public/data/report.json");
const CHAPTER: &str = include_str!("../public/data/citic-2019-customer-responsibility.txt");

/// Checks what holds for every reading: highlights sorted and apart, each located passage
/// inside its entry's one highlight and reading as the passage, and the paragraphs covering
/// every non-blank line exactly, highlights split only at line ends.
fn check_invariants(reading: &Reading, passages: &[&str]) {
    for pair in reading.highlights.windows(2) {
        assert!(
            pair[0].range.end <= pair[1].range.start,
            "highlights overlap: {pair:?}"
        );
    }
    for l in &reading.located {
        let h = reading.highlight_of[l.entry].expect("a located entry has a highlight");
        let highlight = &reading.highlights[h];
        assert!(highlight.entries.contains(&l.entry));
        assert!(highlight.range.start <= l.range.start && l.range.end <= highlight.range.end);
        let found = reading.slice(&l.range);
        assert_eq!(normalise(found).0, normalise(passages[l.entry]).0);
        if l.found == Found::Exact {
            assert_eq!(found, passages[l.entry]);
        }
    }
    let mut in_highlights = 0;
    for h in &reading.highlights {
        in_highlights += h.entries.len();
    }
    assert_eq!(
        in_highlights,
        reading.located.len(),
        "no entry in two highlights"
    );
    assert_eq!(
        reading.located.len() + reading.missing.len(),
        passages.len(),
        "every passage is located or said missing"
    );
    let lines: Vec<&str> = reading
        .text
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(reading.paragraphs.len(), lines.len());
    for (p, line) in reading.paragraphs.iter().zip(&lines) {
        let joined: String = p.segments.iter().map(|s| reading.slice(&s.range)).collect();
        assert_eq!(&joined, line);
        for pair in p.segments.windows(2) {
            assert_eq!(pair[0].range.end, pair[1].range.start, "no gap, no overlap");
        }
    }
    // Each highlight's segments, joined across lines, cover it all but the line breaks.
    for (h, highlight) in reading.highlights.iter().enumerate() {
        let covered: String = reading
            .paragraphs
            .iter()
            .flat_map(|p| &p.segments)
            .filter(|s| s.highlight == Some(h))
            .map(|s| reading.slice(&s.range))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(
            normalise(&covered).0,
            normalise(reading.slice(&highlight.range)).0
        );
    }
}

#[test]
fn every_citic_passage_is_located() {
    let loaded = load_report(DATASET).expect("the default dataset loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let report = loaded.report;
    assert_eq!(
        report.meta.text.as_deref(),
        Some("citic-2019-customer-responsibility.txt")
    );
    let reading = read_report(CHAPTER, &report);
    let passages: Vec<&str> = report
        .entries
        .iter()
        .map(|e| e.source.passage.as_str())
        .collect();
    assert_eq!(report.entries.len(), 58);
    assert_eq!(reading.located.len(), 58);
    assert!(reading.missing.is_empty(), "{:?}", reading.missing);
    // Every CITIC passage is a verbatim quote: all are found byte for byte.
    assert_eq!(reading.found_counts(), (58, 0));
    // Seven passages overlap an earlier one (two entries quoting one sentence, ...), so the
    // 58 passages make 51 highlights, six of them linked to several entries.
    assert_eq!(reading.highlights.len(), 51);
    assert_eq!(
        reading
            .highlights
            .iter()
            .filter(|h| h.entries.len() > 1)
            .count(),
        6
    );
    check_invariants(&reading, &passages);
    // The whole chapter is one part of 150 paragraphs; each passage's part is it.
    assert_eq!(reading.part(0, 150), (0..reading.paragraphs.len(), 1));
    assert!((0..58).all(|e| reading.part_of(e, 150) == Some(0)));
}

#[test]
fn long_texts_are_shown_in_parts() {
    let text: String = (0..25).map(|i| format!("Paragraph {i}.\n")).collect();
    let reading = read(&text, &["Paragraph 12.", "Paragraph 24.", "absent"]);
    assert_eq!(reading.part(0, 10), (0..10, 3));
    assert_eq!(reading.part(2, 10), (20..25, 3));
    assert_eq!(
        reading.part(9, 10),
        (20..25, 3),
        "past the end: the last part"
    );
    assert_eq!(reading.part_of(0, 10), Some(1));
    assert_eq!(reading.part_of(1, 10), Some(2));
    assert_eq!(reading.part_of(2, 10), None);
    assert_eq!(reading.paragraph_of, [12, 24]);
}

#[test]
fn the_citic_text_read_with_other_line_breaks_and_marks_still_finds_all() {
    let report = load_report(DATASET).unwrap().report;
    let passages: Vec<&str> = report
        .entries
        .iter()
        .map(|e| e.source.passage.as_str())
        .collect();
    // Windows line breaks, straight quotes and hyphens for en dashes, and doubled spaces.
    let text = CHAPTER
        .replace('\n', "\r\n")
        .replace(['“', '”'], "\"")
        .replace('–', "-")
        .replace(". ", ".  ");
    let reading = read(&text, &passages);
    assert_eq!(reading.located.len(), 58, "{:?}", reading.missing);
    let (exact, normalised) = reading.found_counts();
    assert!(
        normalised > 0 && exact > 0,
        "{exact} exact, {normalised} normalised"
    );
    check_invariants(&reading, &passages);
}

#[test]
fn overlapping_and_identical_passages_make_one_highlight() {
    let text = "The quick brown fox jumps over the lazy dog.\nA second line.";
    let passages = [
        "quick brown",
        "brown fox jumps",
        "quick brown",
        "lazy dog",
        "dog.",
        "second",
    ];
    let reading = read(text, &passages);
    check_invariants(&reading, &passages);
    let texts: Vec<&str> = reading
        .highlights
        .iter()
        .map(|h| reading.slice(&h.range))
        .collect();
    assert_eq!(texts, ["quick brown fox jumps", "lazy dog.", "second"]);
    assert_eq!(reading.highlights[0].entries, [0, 1, 2]);
    assert_eq!(reading.highlights[1].entries, [3, 4]);
    assert_eq!(
        reading.highlight_of,
        [Some(0), Some(0), Some(0), Some(1), Some(1), Some(2)]
    );
    // Touching passages stay two highlights.
    let reading = read("abcdef", &["abc", "def"]);
    assert_eq!(reading.highlights.len(), 2);
    // A passage inside another is not nested: one highlight linked to both.
    let reading = read("one two three", &["one two three", "two"]);
    assert_eq!(reading.highlights.len(), 1);
    assert_eq!(reading.highlights[0].entries, [0, 1]);
    assert_eq!(reading.paragraphs[0].segments.len(), 1);
}

#[test]
fn passages_not_found_are_listed_with_why() {
    let passages = ["here", "not here at all", "  ", "", "Here"];
    let reading = read("Is it here? Yes, here.", &passages);
    check_invariants(&reading, &passages);
    assert_eq!(
        reading.missing,
        [
            (1, NotFound::NotInText),
            (2, NotFound::Empty),
            (3, NotFound::Empty),
            (4, NotFound::NotInText),
        ]
    );
    // The first occurrence is the one highlighted.
    assert_eq!(reading.located[0].range, 6..10);
    assert_eq!(
        NotFound::NotInText.describe(),
        "its source passage is not in the text"
    );
}

#[test]
fn windows_line_breaks_and_passages_across_lines() {
    let text = "First line ends\r\nsecond line “quoted” — dashed\r\n\r\nLast";
    let passages = [
        "ends second line",
        "\"quoted\" - dashed",
        "second line “quoted”",
        "Last",
    ];
    let reading = read(text, &passages);
    check_invariants(&reading, &passages);
    assert_eq!(reading.paragraphs.len(), 3);
    assert_eq!(
        reading.located.iter().map(|l| l.found).collect::<Vec<_>>(),
        [
            Found::Normalised,
            Found::Normalised,
            Found::Exact,
            Found::Exact
        ]
    );
    // "ends second line" spans the line break: one highlight, cut into two segments.
    let h = reading.highlight_of[0].unwrap();
    let pieces: Vec<&str> = reading
        .paragraphs
        .iter()
        .flat_map(|p| &p.segments)
        .filter(|s| s.highlight == Some(h))
        .map(|s| reading.slice(&s.range))
        .collect();
    assert_eq!(pieces, ["ends", "second line “quoted” — dashed"]);
    assert!(!reading.paragraphs.iter().any(|p| p
        .segments
        .iter()
        .any(|s| reading.slice(&s.range).contains('\r'))));
}

#[test]
fn passages_at_the_very_start_and_end() {
    let text = "Alpha beta gamma";
    let passages = ["Alpha", "gamma", "Alpha beta gamma"];
    let reading = read(text, &passages);
    check_invariants(&reading, &passages);
    assert_eq!(reading.highlights.len(), 1);
    assert_eq!(reading.highlights[0].range, 0..16);
    let reading = read("Alpha beta gamma", &["Alpha", "gamma"]);
    let segments: Vec<(&str, Option<usize>)> = reading.paragraphs[0]
        .segments
        .iter()
        .map(|s| (reading.slice(&s.range), s.highlight))
        .collect();
    assert_eq!(
        segments,
        [("Alpha", Some(0)), (" beta ", None), ("gamma", Some(1))]
    );
    // Normalised at both ends too, with multi-byte characters.
    let reading = read("“Début”\n", &["\"Début\""]);
    assert_eq!(reading.located[0].found, Found::Normalised);
    assert_eq!(reading.slice(&reading.located[0].range), "“Début”");
}

/// The matcher's work is bounded by a constant times the text plus the passages however they
/// are made, so a 10,000-entry report with a long text stays fast. A search passage by
/// passage would take about (text × passages) steps: far above the bound on these inputs.
#[test]
fn work_grows_with_the_text_plus_the_passages() {
    // A generated 10,000-entry report whose text is its passages, every third one with its
    // white space and quote marks changed (found in the second, normalised, phase).
    let report = load_report(&synth::generate(10_000, 7)).unwrap().report;
    let passages: Vec<&str> = report
        .entries
        .iter()
        .map(|e| e.source.passage.as_str())
        .collect();
    let mut text = String::new();
    for (i, p) in passages.iter().enumerate() {
        if i % 3 == 0 {
            text.push_str(&p.replace(' ', "\n  ").replace('"', "”"));
        } else {
            text.push_str(p);
        }
        text.push_str("\n\n");
    }
    let reading = read(&text, &passages);
    assert_eq!(reading.located.len(), passages.len());
    assert!(reading.found_counts().1 > 0);
    let s = reading.stats;
    assert!(
        s.steps <= 16 * (s.text_bytes + s.passage_bytes),
        "{s:?} for {} bytes of text",
        text.len()
    );
    assert!((text.len() as u64) * (passages.len() as u64) > 1000 * s.steps);

    // The worst case for naive matching: one repeated letter, passages that are its runs.
    let text = "a".repeat(200_000);
    let runs: Vec<String> = (1..=500)
        .map(|n| "a".repeat(n))
        .chain((1..=300).map(|n| format!("{}b", "a".repeat(n))))
        .collect();
    let passages: Vec<&str> = runs.iter().map(String::as_str).collect();
    let reading = read(&text, &passages);
    assert_eq!(reading.located.len(), 500);
    assert_eq!(reading.missing.len(), 300);
    let s = reading.stats;
    assert!(s.steps <= 16 * (s.text_bytes + s.passage_bytes), "{s:?}");
}

#[test]
fn text_paths_follow_the_data_path_rules_and_stay_in_the_folder() {
    for ok in [
        "chapter.txt",
        "text/chapter.txt",
        "./chapter.txt",
        "a..b.txt",
        "t.txt?v=2",
    ] {
        assert_eq!(text_path(ok).unwrap(), ok);
    }
    let why = |p: &str| text_path(p).unwrap_err().to_string();
    assert_eq!(
        why("../secret.txt"),
        "warning: report.text: `../secret.txt` is ignored: it leaves the report's folder with `..` \
         (expected a path relative to the report file, like `chapter.txt` or `text/chapter.txt`)"
    );
    for climb in ["a/../../x.txt", "%2e%2e/x.txt", ".%2E/x.txt", "a/.."] {
        assert!(why(climb).contains("leaves the report's folder"), "{climb}");
    }
    assert!(why("/etc/text.txt").contains("it is an absolute path"));
    assert!(why("https://evil.example/t.txt").contains("names another origin"));
    assert!(why("//evil.example/t.txt").contains("it names another host"));
    assert!(why("javascript:alert(1)").contains("it names a scheme"));
    assert!(why("a\\b.txt").contains("backslash"));
    assert!(why("a\nb.txt").contains("control characters"));
    assert!(why("#x").contains("it names no file"));
}

#[test]
fn text_addresses_resolve_beside_the_report() {
    let page = support::PageUrl::at("https://intranet.example/app/index.html?view=text");
    assert_eq!(
        text_url("chapter.txt", "data/report.json", &[], &page),
        Ok("https://intranet.example/app/data/chapter.txt".to_owned())
    );
    assert_eq!(
        text_url("./t/ch.txt", "/r/2019/report.json?v=1#x", &[], &page),
        Ok("https://intranet.example/r/2019/t/ch.txt".to_owned())
    );
    // A report on an allowed data origin has its text there too; another origin is refused.
    let allowed = vec!["https://data.example".to_owned()];
    assert_eq!(
        text_url("ch.txt", "https://data.example/esg/r.json", &allowed, &page),
        Ok("https://data.example/esg/ch.txt".to_owned())
    );
    match text_url("ch.txt", "https://data.example/esg/r.json", &[], &page) {
        Err(LoadFailure::BadPath { reason, .. }) => {
            assert!(
                reason.contains("on another origin, `https://data.example`"),
                "{reason}"
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        text_url("../x.txt", "data/report.json", &[], &page)
            .unwrap_err()
            .to_string(),
        "`../x.txt` cannot be loaded: it leaves the report's folder with `..`."
    );
}

#[test]
fn a_refused_text_path_is_a_warning_and_the_report_loads() {
    let with = |text: &str| {
        DATASET.replacen(
            "\"text\": \"citic-2019-customer-responsibility.txt\"",
            &format!("\"text\": {text}"),
            1,
        )
    };
    let loaded = load_report(&with("\"../other.txt\"")).unwrap();
    assert_eq!(loaded.report.meta.text, None);
    assert_eq!(loaded.report.entries.len(), 58);
    let problems: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("warning: report.text: `../other.txt` is ignored"));
    // Blank is as good as absent; a number is a type error of the report's metadata.
    let loaded = load_report(&with("\"  \"")).unwrap();
    assert_eq!(loaded.report.meta.text, None);
    assert!(loaded.problems.is_empty());
    assert!(load_report(&with("3")).is_err());
}

#[test]
fn several_reports_shown_together_each_read_their_own_text() {
    use report_explorer::core::catalogue::load_catalogue;
    use report_explorer::core::editions::merge;
    use report_explorer::core::reading::{read_entries, text_sources};
    let catalogue = serde_json::json!({
        "format": "report-explorer-catalogue/1",
        "reports": [
            {"id": "citic-2019", "organisation": "CITIC Limited", "period": "2019",
             "title": "2019", "language": "en", "path": "data/report.json"},
            {"id": "citic-2018", "organisation": "CITIC Limited", "period": "2018",
             "title": "2018", "language": "en", "path": "old/2018.json"},
        ]
    })
    .to_string();
    let reports = load_catalogue(&catalogue).unwrap().reports().to_vec();
    let citic = load_report(DATASET).unwrap().report;
    let mut older = citic.clone();
    older.meta.text = None;
    let (merged, _) = merge(vec![
        (reports[0].clone(), citic.clone(), vec![]),
        (reports[1].clone(), older, vec![]),
    ])
    .unwrap();
    // Only the 2019 report names a text, beside its own file; its entries come second.
    let sources = text_sources(&merged, "catalogue.json");
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].file, "data/report.json");
    assert_eq!(sources[0].text, "citic-2019-customer-responsibility.txt");
    assert_eq!(sources[0].entries, 58..116);
    assert_eq!(sources[0].label.as_deref(), Some("2019"));
    let reading = read_entries(CHAPTER, &merged, sources[0].entries.clone());
    assert_eq!(reading.located.len(), 58);
    assert!(reading.located.iter().all(|l| (58..116).contains(&l.entry)));
    assert_eq!(reading.highlight_of.len(), 116);
    assert!(reading.highlight_of[..58].iter().all(Option::is_none));
    assert!(reading.highlight_of[58..].iter().all(Option::is_some));
    // Shown alone, a report's own text is beside the file it was loaded from.
    let alone = text_sources(&citic, "data/report.json");
    assert_eq!(alone.len(), 1);
    assert_eq!(
        (alone[0].entries.clone(), alone[0].label.clone()),
        (0..58, None)
    );
}
