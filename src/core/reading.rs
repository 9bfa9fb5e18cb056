//! The reading view's text: each entry's source passage located in the report's chapter text
//! (exactly, else ignoring differences in white space, quote marks and dashes), and the text
//! cut into paragraphs of plain and highlighted segments, each highlight linked to its entries.
//!
//! Locating is one pass of a multi-pattern matcher (Aho–Corasick over bytes) per phase, so
//! the work grows with the text plus the passages, never with their product: [`Stats`]
//! counts the matcher's steps so tests can hold it to that bound.

use crate::core::model::Report;
use std::ops::Range;

/// How a passage was found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// Byte for byte.
    Exact,
    /// After white space runs, quote marks and dashes were made alike on both sides.
    Normalised,
}

/// Why a passage was not found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotFound {
    /// The passage is empty (or only white space).
    Empty,
    /// The text does not contain it, even ignoring white space, quote marks and dashes.
    NotInText,
}

impl NotFound {
    /// For people.
    pub fn describe(self) -> &'static str {
        match self {
            NotFound::Empty => "its source passage is empty",
            NotFound::NotInText => "its source passage is not in the text",
        }
    }
}

/// Where one entry's passage is in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    /// The entry's position in the report (or the passage's in the list given).
    pub entry: usize,
    /// Byte range in [`Reading::text`].
    pub range: Range<usize>,
    /// How it was found.
    pub found: Found,
}

/// One highlight: a stretch of the text covered by one or more overlapping passages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    /// Byte range in [`Reading::text`].
    pub range: Range<usize>,
    /// The entries whose passages make it up, in report order.
    pub entries: Vec<usize>,
}

/// A piece of a paragraph: plain text, or part of a highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Byte range in [`Reading::text`].
    pub range: Range<usize>,
    /// The highlight it belongs to (an index into [`Reading::highlights`]), if any.
    pub highlight: Option<usize>,
}

/// A paragraph: a non-blank line of the text, without its surrounding white space.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Its pieces, in order, covering the line without gaps.
    pub segments: Vec<Segment>,
}

/// The work the matcher did, for checking it grows linearly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Bytes of text scanned, over both phases.
    pub text_bytes: u64,
    /// Bytes of passages put into the matchers.
    pub passage_bytes: u64,
    /// Elementary steps: child look-ups (per sibling visited), failure and output links followed.
    pub steps: u64,
}

/// The text ready to read, with every passage located or said why not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The text, as given (line breaks of any kind are read as such).
    pub text: String,
    /// Its paragraphs.
    pub paragraphs: Vec<Paragraph>,
    /// The highlights in text order; none overlaps another.
    pub highlights: Vec<Highlight>,
    /// Each found passage, in entry order.
    pub located: Vec<Located>,
    /// Each entry whose passage was not found, with why, in entry order.
    pub missing: Vec<(usize, NotFound)>,
    /// For each entry, its highlight (`None` when not found).
    pub highlight_of: Vec<Option<usize>>,
    /// For each highlight, the paragraph it starts in.
    pub paragraph_of: Vec<usize>,
    /// The matcher's work.
    pub stats: Stats,
}

impl Reading {
    /// The text of a segment or highlight range.
    pub fn slice(&self, range: &Range<usize>) -> &str {
        &self.text[range.clone()]
    }

    /// The paragraphs of part `part` when the text is shown `size` paragraphs at a time
    /// (so the page stays small however long the text), and how many parts there are.
    pub fn part(&self, part: usize, size: usize) -> (Range<usize>, usize) {
        let size = size.max(1);
        let parts = self.paragraphs.len().div_ceil(size).max(1);
        let part = part.min(parts - 1);
        let start = part * size;
        (start..(start + size).min(self.paragraphs.len()), parts)
    }

    /// The part (of `size` paragraphs) showing `entry`'s passage, if it was found.
    pub fn part_of(&self, entry: usize, size: usize) -> Option<usize> {
        let h = (*self.highlight_of.get(entry)?)?;
        Some(self.paragraph_of[h] / size.max(1))
    }

    /// How many passages were found each way: (exact, normalised).
    pub fn found_counts(&self) -> (usize, usize) {
        let exact = self
            .located
            .iter()
            .filter(|l| l.found == Found::Exact)
            .count();
        (exact, self.located.len() - exact)
    }
}

/// A report's text to read: the report's own, or one edition's when several reports are
/// shown together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextSource {
    /// The `report.text` path, relative to `file`.
    pub text: String,
    /// The report file's address (relative to the page, as it was fetched).
    pub file: String,
    /// The positions of the entries that quote it.
    pub entries: Range<usize>,
    /// The edition's label when the report is one of several (`2019`), else `None`.
    pub label: Option<String>,
}

/// The texts `report` can show: its own (its file at `file`) when it is shown alone, else
/// each edition's that names one, oldest first.
pub fn text_sources(report: &Report, file: &str) -> Vec<TextSource> {
    if report.editions.is_empty() {
        return report
            .meta
            .text
            .iter()
            .map(|text| TextSource {
                text: text.clone(),
                file: file.to_owned(),
                entries: 0..report.entries.len(),
                label: None,
            })
            .collect();
    }
    let several = report.editions.len() > 1;
    report
        .editions
        .iter()
        .filter_map(|e| {
            Some(TextSource {
                text: e.meta.text.clone()?,
                file: e.path.clone(),
                entries: e.entries.clone(),
                label: several.then(|| e.label.clone()),
            })
        })
        .collect()
}

/// Locates every entry's source passage of `report` in `text`.
pub fn read_report(text: &str, report: &Report) -> Reading {
    read_entries(text, report, 0..report.entries.len())
}

/// Locates the passages of `report`'s entries at `positions` in `text` (one edition's); the
/// reading's entry numbers are positions in the whole report.
pub fn read_entries(text: &str, report: &Report, positions: Range<usize>) -> Reading {
    let positions =
        positions.start.min(report.entries.len())..positions.end.min(report.entries.len());
    let passages: Vec<&str> = report.entries[positions.clone()]
        .iter()
        .map(|e| e.source.passage.as_str())
        .collect();
    let mut reading = read(text, &passages);
    let shift = positions.start;
    if shift > 0 || positions.end < report.entries.len() {
        for l in &mut reading.located {
            l.entry += shift;
        }
        for h in &mut reading.highlights {
            h.entries.iter_mut().for_each(|e| *e += shift);
        }
        for m in &mut reading.missing {
            m.0 += shift;
        }
        let mut highlight_of = vec![None; report.entries.len()];
        highlight_of[positions].copy_from_slice(&reading.highlight_of);
        reading.highlight_of = highlight_of;
    }
    reading
}

/// Locates each of `passages` in `text` (passage `i` is entry `i`) and cuts the text into
/// paragraphs of segments.
pub fn read(text: &str, passages: &[&str]) -> Reading {
    let mut stats = Stats::default();
    let mut spans: Vec<Option<(Range<usize>, Found)>> = vec![None; passages.len()];
    let mut missing = Vec::new();

    // Phase one: byte for byte.
    let wanted: Vec<(usize, &[u8])> = passages
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.trim().is_empty())
        .map(|(i, p)| (i, p.as_bytes()))
        .collect();
    for (i, start) in first_matches(text.as_bytes(), &wanted, &mut stats) {
        spans[i] = Some((start..start + passages[i].len(), Found::Exact));
    }

    // Phase two: the rest, normalised on both sides.
    let rest: Vec<(usize, String)> = passages
        .iter()
        .enumerate()
        .filter(|(i, p)| spans[*i].is_none() && !p.trim().is_empty())
        .map(|(i, p)| (i, normalise(p).0))
        .filter(|(_, n)| !n.is_empty())
        .collect();
    if !rest.is_empty() {
        let (norm, origin) = normalise(text);
        let wanted: Vec<(usize, &[u8])> = rest.iter().map(|(i, n)| (*i, n.as_bytes())).collect();
        let mut lengths = vec![0; passages.len()];
        for (i, n) in &rest {
            lengths[*i] = n.len();
        }
        for (i, start) in first_matches(norm.as_bytes(), &wanted, &mut stats) {
            let len = lengths[i];
            let from = origin[start].start;
            let to = origin[start + len - 1].end;
            spans[i] = Some((from..to, Found::Normalised));
        }
    }

    let mut located = Vec::new();
    for (i, span) in spans.into_iter().enumerate() {
        match span {
            Some((range, found)) => located.push(Located {
                entry: i,
                range,
                found,
            }),
            None if passages[i].trim().is_empty() => missing.push((i, NotFound::Empty)),
            None => missing.push((i, NotFound::NotInText)),
        }
    }

    let highlights = merge(&located);
    let mut highlight_of = vec![None; passages.len()];
    for (h, highlight) in highlights.iter().enumerate() {
        for &e in &highlight.entries {
            highlight_of[e] = Some(h);
        }
    }
    let paragraphs = paragraphs(text, &highlights);
    let mut paragraph_of = vec![0; highlights.len()];
    for (p, paragraph) in paragraphs.iter().enumerate().rev() {
        for h in paragraph.segments.iter().filter_map(|s| s.highlight) {
            paragraph_of[h] = p;
        }
    }
    Reading {
        text: text.to_owned(),
        paragraphs,
        highlights,
        located,
        missing,
        highlight_of,
        paragraph_of,
        stats,
    }
}

/// Overlapping (or identical) passages become one highlight; touching ones stay apart.
fn merge(located: &[Located]) -> Vec<Highlight> {
    let mut order: Vec<&Located> = located.iter().collect();
    order.sort_by_key(|l| (l.range.start, l.range.end));
    let mut out: Vec<Highlight> = Vec::new();
    for l in order {
        match out.last_mut() {
            Some(h) if l.range.start < h.range.end => {
                h.range.end = h.range.end.max(l.range.end);
                h.entries.push(l.entry);
            }
            _ => out.push(Highlight {
                range: l.range.clone(),
                entries: vec![l.entry],
            }),
        }
    }
    for h in &mut out {
        h.entries.sort_unstable();
    }
    out
}

/// Cuts `text` into its non-blank lines, each split at the highlights' edges.
fn paragraphs(text: &str, highlights: &[Highlight]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut next = 0; // the first highlight that may still reach this line
    let mut line_start = 0;
    for line in text.split_inclusive(['\n', '\r']) {
        let start = line_start;
        line_start += line.len();
        let trimmed = line.trim_start();
        let from = start + (line.len() - trimmed.len());
        let to = from + trimmed.trim_end().len();
        if from >= to {
            continue;
        }
        while next < highlights.len() && highlights[next].range.end <= from {
            next += 1;
        }
        let mut segments = Vec::new();
        let mut at = from;
        let mut h = next;
        while h < highlights.len() && highlights[h].range.start < to {
            let range = &highlights[h].range;
            let (s, e) = (range.start.max(at), range.end.min(to));
            if s > at {
                segments.push(Segment {
                    range: at..s,
                    highlight: None,
                });
            }
            if e > s {
                segments.push(Segment {
                    range: s..e,
                    highlight: Some(h),
                });
            }
            at = e.max(at);
            if range.end > to {
                break; // it goes on in the next line
            }
            h += 1;
        }
        if at < to {
            segments.push(Segment {
                range: at..to,
                highlight: None,
            });
        }
        out.push(Paragraph { segments });
    }
    out
}

/// `text` with every run of white space made one space, curly quotes straight and dashes
/// hyphens, trimmed; and for each byte of the result, the byte range of `text` it stands for.
pub fn normalise(text: &str) -> (String, Vec<Range<usize>>) {
    let mut out = String::with_capacity(text.len());
    let mut origin: Vec<Range<usize>> = Vec::with_capacity(text.len());
    let mut space: Option<Range<usize>> = None;
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        if c.is_whitespace() {
            space = Some(match space {
                Some(r) => r.start..end,
                None => at..end,
            });
            continue;
        }
        if let Some(r) = space.take() {
            if !out.is_empty() {
                out.push(' ');
                origin.push(r);
            }
        }
        let plain = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{FF07}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{FF02}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
            c => c,
        };
        out.push(plain);
        for _ in 0..plain.len_utf8() {
            origin.push(at..end);
        }
    }
    (out, origin)
}

const NONE: u32 = u32::MAX;

/// A node of the matcher's trie.
struct Node {
    /// First child and next sibling: children are a list, looked up by walking it.
    first_child: u32,
    next_sibling: u32,
    byte: u8,
    /// The longest proper suffix of this node's string that is also in the trie.
    fail: u32,
    /// The nearest node along the failure links that ends a pattern.
    output: u32,
    /// The first pattern ending here (others with the same bytes follow in `same`).
    pattern: u32,
    /// Whether this node's patterns and those along its output links are all reported.
    done: bool,
}

/// For each pattern `(id, bytes)`, the byte offset of its first occurrence in `haystack`,
/// as `(id, offset)`; patterns not found are left out. One pass over the haystack after
/// building the automaton: time is linear in the haystack plus the patterns (times the
/// alphabet, a constant), as `stats.steps` counts.
fn first_matches(
    haystack: &[u8],
    patterns: &[(usize, &[u8])],
    stats: &mut Stats,
) -> Vec<(usize, usize)> {
    stats.text_bytes += haystack.len() as u64;
    let mut nodes = vec![Node {
        first_child: NONE,
        next_sibling: NONE,
        byte: 0,
        fail: 0,
        output: NONE,
        pattern: NONE,
        done: false,
    }];
    // The root's children in a table, the one node with many.
    let mut root = [NONE; 256];
    let mut same = vec![NONE; patterns.len()];
    let mut steps = 0u64;
    let child = |nodes: &[Node], root: &[u32; 256], node: u32, byte: u8, steps: &mut u64| -> u32 {
        if node == 0 {
            *steps += 1;
            return root[byte as usize];
        }
        let mut c = nodes[node as usize].first_child;
        while c != NONE {
            *steps += 1;
            if nodes[c as usize].byte == byte {
                return c;
            }
            c = nodes[c as usize].next_sibling;
        }
        *steps += 1;
        NONE
    };
    for (p, (_, bytes)) in patterns.iter().enumerate() {
        stats.passage_bytes += bytes.len() as u64;
        let mut node = 0u32;
        for &b in *bytes {
            let next = child(&nodes, &root, node, b, &mut steps);
            node = if next != NONE {
                next
            } else {
                let id = nodes.len() as u32;
                nodes.push(Node {
                    first_child: NONE,
                    next_sibling: NONE,
                    byte: b,
                    fail: 0,
                    output: NONE,
                    pattern: NONE,
                    done: false,
                });
                if node == 0 {
                    root[b as usize] = id;
                } else {
                    nodes[id as usize].next_sibling = nodes[node as usize].first_child;
                    nodes[node as usize].first_child = id;
                }
                id
            };
        }
        same[p] = nodes[node as usize].pattern;
        nodes[node as usize].pattern = p as u32;
    }
    // Failure and output links, breadth first.
    let mut queue: std::collections::VecDeque<u32> =
        root.iter().copied().filter(|&c| c != NONE).collect();
    while let Some(n) = queue.pop_front() {
        let mut c = nodes[n as usize].first_child;
        while c != NONE {
            steps += 1;
            let byte = nodes[c as usize].byte;
            let mut f = nodes[n as usize].fail;
            let fail = loop {
                let next = child(&nodes, &root, f, byte, &mut steps);
                if next != NONE && next != c {
                    break next;
                }
                if f == 0 {
                    break 0;
                }
                f = nodes[f as usize].fail;
            };
            nodes[c as usize].fail = fail;
            nodes[c as usize].output = if nodes[fail as usize].pattern != NONE {
                fail
            } else {
                nodes[fail as usize].output
            };
            queue.push_back(c);
            c = nodes[c as usize].next_sibling;
        }
    }
    // The scan.
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut node = 0u32;
    for (at, &b) in haystack.iter().enumerate() {
        loop {
            let next = child(&nodes, &root, node, b, &mut steps);
            if next != NONE {
                node = next;
                break;
            }
            if node == 0 {
                break;
            }
            node = nodes[node as usize].fail;
        }
        // Report this node's patterns and those along its output links, once each: a node
        // whose chain is reported is marked done, and a later walk stops there.
        let mut n = if nodes[node as usize].pattern != NONE {
            node
        } else {
            nodes[node as usize].output
        };
        while n != NONE && !nodes[n as usize].done {
            steps += 1;
            nodes[n as usize].done = true;
            let mut p = nodes[n as usize].pattern;
            while p != NONE {
                let (id, bytes) = patterns[p as usize];
                found.push((id, at + 1 - bytes.len()));
                p = same[p as usize];
            }
            n = nodes[n as usize].output;
        }
    }
    stats.steps += steps;
    found
}
