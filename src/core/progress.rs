//! How far a report load has come, for the progress bar: its phase, the bar's value and the words.

use crate::core::format::format_number;
use crate::core::source::megabytes;

/// Where a load is, for the progress bar.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Progress {
    /// Nothing is loading.
    #[default]
    Idle,
    /// Waiting for the server.
    Requesting,
    /// Reading the body: bytes read, and the total when the server said it.
    Reading(u64, Option<u64>),
    /// Splitting the text: bytes done of all.
    Splitting(usize, usize),
    /// Validating entries: done of all.
    Validating(usize, usize),
    /// Indexing entries: done of all.
    Indexing(usize, usize),
}

impl Progress {
    /// The bar's value and maximum (`None`: an indeterminate bar).
    pub fn fraction(self) -> Option<(f64, f64)> {
        match self {
            Progress::Reading(read, Some(total)) if total > 0 && read <= total => {
                Some((read as f64, total as f64))
            }
            Progress::Splitting(done, total)
            | Progress::Validating(done, total)
            | Progress::Indexing(done, total)
                if total > 0 =>
            {
                Some((done as f64, total as f64))
            }
            _ => None,
        }
    }

    /// What is happening, for people.
    pub fn label(self) -> String {
        match self {
            Progress::Idle | Progress::Requesting => "Loading report…".to_owned(),
            Progress::Reading(read, Some(total)) if read <= total => {
                format!(
                    "Reading the report: {} of {}",
                    megabytes(read),
                    megabytes(total)
                )
            }
            Progress::Reading(read, _) => format!("Reading the report: {}", megabytes(read)),
            Progress::Splitting(..) => "Reading the report's structure…".to_owned(),
            Progress::Validating(done, total) => format!(
                "Checking entries: {} of {}",
                format_number(done as f64),
                format_number(total as f64)
            ),
            Progress::Indexing(done, total) => format!(
                "Indexing entries: {} of {}",
                format_number(done as f64),
                format_number(total as f64)
            ),
        }
    }
}

/// Which of several reports is loading, for people: `Report 2 of 3: <title>`.
pub fn batch_label(done: usize, total: usize, title: &str) -> String {
    format!("Report {} of {}: {title}", done + 1, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_reports_count_from_one() {
        assert_eq!(batch_label(0, 3, "Acme 2021"), "Report 1 of 3: Acme 2021");
        assert_eq!(batch_label(2, 3, "Acme 2023"), "Report 3 of 3: Acme 2023");
    }

    #[test]
    fn bars_and_words_follow_the_phase() {
        assert_eq!(Progress::Requesting.fraction(), None);
        assert_eq!(Progress::Requesting.label(), "Loading report…");
        let reading = Progress::Reading(3_500_000, Some(7_000_000));
        assert_eq!(reading.fraction(), Some((3_500_000.0, 7_000_000.0)));
        assert_eq!(reading.label(), "Reading the report: 3.5 MB of 7 MB");
        // A compressed answer has no usable total: an indeterminate bar.
        let unknown = Progress::Reading(3_500_000, None);
        assert_eq!(unknown.fraction(), None);
        assert_eq!(unknown.label(), "Reading the report: 3.5 MB");
        assert_eq!(Progress::Reading(8, Some(4)).fraction(), None);
        assert_eq!(
            Progress::Validating(2_500, 10_000).label(),
            "Checking entries: 2,500 of 10,000"
        );
        assert_eq!(Progress::Indexing(0, 0).fraction(), None);
        assert_eq!(Progress::Indexing(10, 40).fraction(), Some((10.0, 40.0)));
    }
}
