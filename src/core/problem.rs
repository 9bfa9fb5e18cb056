//! Problems found while loading a report: where (JSON path), what, and what was expected.

use std::fmt;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Noted and ignored, e.g. an unknown field.
    Warning,
    /// The item at the path was skipped (or, for the report itself, nothing loads).
    Error,
}

/// One problem in a data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Warning or error.
    pub severity: Severity,
    /// JSON path of the offending value, e.g. `entries[3].subsidiary`.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// What was expected instead.
    pub expected: Option<String>,
    /// Where the value at `path` is in the file, once placed (`crate::core::locate::place`).
    pub at: Option<Position>,
}

/// A place in a data file: 1-based line and column, the column counted in bytes as the
/// loader's syntax errors count it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in bytes.
    pub column: usize,
}

impl Problem {
    /// An error at `path`.
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            path: path.into(),
            message: message.into(),
            expected: None,
            at: None,
        }
    }

    /// A warning at `path`.
    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, message)
        }
    }

    /// Adds what was expected.
    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self
    }

    /// The problem compiler-style, naming `file` and its place when known:
    /// `FILE:LINE:COL: error: PATH: message (expected …)`, or `FILE: error: …` unplaced.
    pub fn located(&self, file: &str) -> String {
        match self.at {
            Some(Position { line, column }) => format!("{file}:{line}:{column}: {self}"),
            None => format!("{file}: {self}"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{label}: {}: {}", self.path, self.message)?;
        if let Some(expected) = &self.expected {
            write!(f, " (expected {expected})")?;
        }
        Ok(())
    }
}

/// Problems listed one by one; a file with more says how many are left out.
pub const MAX_LISTED: usize = 200;

/// The line after a list cut at `max` problems, when `total` is more: `… and 50 more problems
/// are not listed`.
pub fn not_listed(total: usize, max: usize) -> Option<String> {
    let more = total.checked_sub(max).filter(|&n| n > 0)?;
    Some(format!(
        "… and {more} more problem{} not listed",
        if more == 1 { " is" } else { "s are" }
    ))
}

/// The problems as lines, at most `max` of them, then the [`not_listed`] line if any.
pub fn listing(problems: &[Problem], max: usize) -> Vec<String> {
    problems
        .iter()
        .take(max)
        .map(Problem::to_string)
        .chain(not_listed(problems.len(), max))
        .collect()
}
