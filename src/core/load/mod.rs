//! Stage two of loading: validate the raw JSON into the model, collecting problems with JSON paths,
//! in one go or in steps (`Loader`) over the items the splitter cuts from the text.

mod dates;
mod entries;
mod fields;
mod figures;
mod items;
mod sniff;
mod soft;
mod syntax;

use entries::{EntryChecker, Skipped};
pub use fields::MAX_LINE_CHARS;
use items::{categories, divisions, report_meta, subsidiaries};
pub(crate) use items::{describe, quote_list, unknown_fields};
use sniff::strip_bom;
pub use sniff::{decode, load_bytes};
pub use soft::DEPTH_LIMIT;
use soft::{blank, spoiled_item, Lines, Patch};
use syntax::{first_error, not_an_object, relocate, syntax_error_of, whole_text_error};

use crate::core::model::{
    Category, Division, Entry, Report, ReportMeta, Subsidiary, Version, FORMAT, FORMAT_1,
};
use crate::core::problem::{Problem, Severity};
use crate::core::raw::RawFile;
use crate::core::split::{Split, SplitError, Splitter};
use items::parse_at;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

/// A report that loaded, with the problems found on the way (possibly none).
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The valid part of the file.
    pub report: Report,
    /// Warnings and skipped items, in file order.
    pub problems: Vec<Problem>,
    /// The format version the file is written in (a format 1 file is migrated to the model).
    pub version: Version,
}

impl Loaded {
    /// Problems that caused an item to be skipped.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }
}

/// Why nothing could be loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The text is not JSON.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The JSON is not a report: the format tag, the metadata or a list is wrong.
    Invalid(Vec<Problem>),
    /// The file is not JSON text at all: empty, an HTML page, UTF-16, not UTF-8, binary.
    NotJson(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "JSON syntax error at line {line}, column {column}: {message}"
            ),
            LoadError::Invalid(problems) => {
                write!(f, "not a valid report")?;
                for p in problems {
                    write!(f, "\n{p}")?;
                }
                Ok(())
            }
            LoadError::NotJson(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for LoadError {}

/// Parses and validates a report file in one go. A leading byte order mark is ignored.
pub fn load_report(text: &str) -> Result<Loaded, LoadError> {
    let mut loader = Loader::new(text);
    loop {
        if let Some(loaded) = loader.step(text, usize::MAX)? {
            return Ok(loaded);
        }
    }
}

/// How far a [`Loader`] has come.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoadProgress {
    /// Bytes of the text split into items.
    pub bytes_split: usize,
    /// Bytes in the text.
    pub bytes_total: usize,
    /// Entries validated.
    pub entries_done: usize,
    /// Entries in the file, once the text is split.
    pub entries_total: Option<usize>,
}

/// A report load in steps, so a caller can spread a large file over many short tasks.
///
/// Every call to [`Loader::step`] must pass the same text. The result equals
/// [`load_report`]'s: the same model, the same problems, the same errors. A leading byte
/// order mark is ignored.
pub struct Loader {
    len: usize,
    phase: Phase,
    /// Entries in the file, kept for progress once the load has ended.
    entries_total: Option<usize>,
}

enum Phase {
    Split(Splitter),
    Entries(Box<EntryPhase>),
    Done,
}

/// The state after the header, subsidiaries and categories are validated.
struct EntryPhase {
    meta: ReportMeta,
    divisions: Vec<Division>,
    subsidiaries: Vec<Subsidiary>,
    categories: Vec<Category>,
    ranges: Vec<Range<usize>>,
    next: usize,
    checker: EntryChecker,
    entries: Vec<Entry>,
    problems: Vec<Problem>,
    /// Items skipped for a spoiled value (`NaN`, ...), blanked when looking for a later syntax error.
    skipped: Vec<Range<usize>>,
    lines: Lines,
}

impl Loader {
    /// A loader for `text`.
    pub fn new(text: &str) -> Self {
        Loader {
            len: strip_bom(text).len(),
            phase: Phase::Split(Splitter::new()),
            entries_total: None,
        }
    }

    /// How far the load has come.
    pub fn progress(&self) -> LoadProgress {
        match &self.phase {
            Phase::Split(s) => LoadProgress {
                bytes_split: s.position(),
                bytes_total: self.len,
                entries_done: 0,
                entries_total: None,
            },
            Phase::Entries(e) => LoadProgress {
                bytes_split: self.len,
                bytes_total: self.len,
                entries_done: e.next,
                entries_total: Some(e.ranges.len()),
            },
            Phase::Done => LoadProgress {
                bytes_split: self.len,
                bytes_total: self.len,
                entries_done: self.entries_total.unwrap_or(0),
                entries_total: self.entries_total,
            },
        }
    }

    /// Does about `budget` bytes of work: splitting text, or validating entries.
    /// Returns the loaded report when done, `None` when there is more to do.
    pub fn step(&mut self, text: &str, budget: usize) -> Result<Option<Loaded>, LoadError> {
        let text = strip_bom(text);
        match &mut self.phase {
            Phase::Split(splitter) => {
                let split = match splitter.step(text, budget) {
                    Ok(None) => return Ok(None),
                    Ok(Some(split)) => split,
                    Err(SplitError::NotAnObject) => {
                        self.phase = Phase::Done;
                        return Err(not_an_object(text));
                    }
                    Err(SplitError::Syntax(at)) => {
                        self.phase = Phase::Done;
                        return Err(syntax_error_of(text, at));
                    }
                };
                self.phase = Phase::Done;
                let phase = header(text, split)?;
                self.entries_total = Some(phase.ranges.len());
                self.phase = Phase::Entries(Box::new(phase));
                Ok(None)
            }
            Phase::Entries(phase) => {
                let mut spent = 0usize;
                while phase.next < phase.ranges.len() && spent < budget {
                    let i = phase.next;
                    let range = phase.ranges[i].clone();
                    spent = spent.saturating_add(range.len());
                    phase.next += 1;
                    match phase
                        .checker
                        .check_text(&text[range.clone()], i, &mut phase.problems)
                    {
                        Ok(Some(entry)) => phase.entries.push(entry),
                        Ok(None) => {}
                        Err(e) => {
                            let base = format!("entries[{i}]");
                            match spoiled_item(text, range.clone(), &base, &mut phase.lines) {
                                Ok((problems, _)) => {
                                    phase.problems.extend(problems);
                                    phase.skipped.push(range);
                                }
                                Err(local) => {
                                    let patches = blanks(text, &phase.skipped, local);
                                    self.phase = Phase::Done;
                                    return Err(relocate(text, range.start, &e, &patches));
                                }
                            }
                        }
                    }
                }
                if phase.next < phase.ranges.len() {
                    return Ok(None);
                }
                let Phase::Entries(phase) = std::mem::replace(&mut self.phase, Phase::Done) else {
                    unreachable!("matched above")
                };
                let version = phase.checker.version;
                let EntryPhase {
                    meta,
                    divisions,
                    subsidiaries,
                    categories,
                    entries,
                    problems,
                    ..
                } = *phase;
                Ok(Some(Loaded {
                    report: Report {
                        meta,
                        divisions,
                        subsidiaries,
                        categories,
                        entries,
                        editions: Vec::new(),
                    },
                    problems,
                    version,
                }))
            }
            Phase::Done => Err(LoadError::Invalid(vec![Problem::error(
                "$",
                "the load already ended",
            )])),
        }
    }
}

/// Validates the top-level object (with its lists emptied), the header, subsidiaries and categories.
fn header(text: &str, split: Split) -> Result<EntryPhase, LoadError> {
    // Items are only parsed later: a syntax error in one of them comes before any other error.
    header_of_split(text, split).map_err(|e| match e {
        LoadError::Invalid(_) => first_error(text, &[]).unwrap_or(e),
        syntax => syntax,
    })
}

/// The items skipped so far blanked out, then `more`, as patches for [`first_error`].
fn blanks(text: &str, skipped: &[Range<usize>], more: Vec<Patch>) -> Vec<Patch> {
    skipped
        .iter()
        .map(|r| (r.clone(), blank(&text[r.clone()])))
        .chain(more)
        .collect()
}

fn header_of_split(text: &str, split: Split) -> Result<EntryPhase, LoadError> {
    let value: Value = match serde_json::from_str(&split.skeleton) {
        Ok(value) => value,
        // The skeleton is cut from the text, so the text itself has this error: say where.
        Err(_) => {
            let items: Vec<Range<usize>> = split.items.iter().flatten().cloned().collect();
            return Err(whole_text_error(text, &split.skeleton, &items));
        }
    };
    let mut problems = Vec::new();
    unknown_fields(&value, RawFile::FIELDS, "", &mut problems);
    let file: RawFile = parse_at(value, "").map_err(|p| LoadError::Invalid(vec![p]))?;

    let Some(version) = Version::parse(&file.format) else {
        return Err(LoadError::Invalid(vec![Problem::error(
            "format",
            format!("unsupported format `{}`", file.format),
        )
        .expected(format!("`{FORMAT}` or `{FORMAT_1}`"))]));
    };
    let meta = match report_meta(file.report, &mut problems) {
        Ok(meta) => meta,
        Err(errors) => return Err(LoadError::Invalid(errors)),
    };
    let [subsidiary_ranges, category_ranges, entry_ranges, division_ranges] = split.items;
    let mut read = ItemReader::default();
    let mut skipped = Skipped::default();
    let mut skipped_divisions = HashMap::new();
    let divisions = divisions(
        read.items(text, division_ranges, "divisions")?,
        &mut skipped_divisions,
        &mut problems,
    );
    let subsidiaries = subsidiaries(
        read.items(text, subsidiary_ranges, "subsidiaries")?,
        &divisions,
        &skipped_divisions,
        &mut skipped.subsidiaries,
        &mut problems,
    );
    let categories = categories(
        read.items(text, category_ranges, "categories")?,
        &mut skipped.categories,
        &mut problems,
    );
    let checker = EntryChecker::new(
        &subsidiaries,
        &categories,
        skipped,
        meta.date_context(),
        version,
    );
    Ok(EntryPhase {
        meta,
        divisions,
        subsidiaries,
        categories,
        entries: Vec::with_capacity(entry_ranges.len()),
        ranges: entry_ranges,
        next: 0,
        checker,
        problems,
        skipped: read.skipped,
        lines: read.lines,
    })
}

/// Parses list items cut from the text, keeping the items skipped for a spoiled value.
#[derive(Default)]
struct ItemReader {
    skipped: Vec<Range<usize>>,
    lines: Lines,
}

/// A list item as a `Value`, or the problems that made it be skipped (and its id, if it has one).
type Item = Result<Value, (Vec<Problem>, Option<String>)>;

impl ItemReader {
    fn items(
        &mut self,
        text: &str,
        ranges: Vec<Range<usize>>,
        list: &str,
    ) -> Result<Vec<Item>, LoadError> {
        let mut out = Vec::with_capacity(ranges.len());
        for (i, r) in ranges.into_iter().enumerate() {
            match serde_json::from_str(&text[r.clone()]) {
                Ok(value) => out.push(Ok(value)),
                Err(e) => {
                    let base = format!("{list}[{i}]");
                    match spoiled_item(text, r.clone(), &base, &mut self.lines) {
                        Ok((problems, id)) => {
                            out.push(Err((problems, id)));
                            self.skipped.push(r);
                        }
                        Err(local) => {
                            let patches = blanks(text, &self.skipped, local);
                            return Err(relocate(text, r.start, &e, &patches));
                        }
                    }
                }
            }
        }
        Ok(out)
    }
}
