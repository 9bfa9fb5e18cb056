//! Reading a date field of an item (an entry's `date`) in the report's context, with its problems.

use crate::core::date::{DateContext, DateSpec, EXAMPLES, PLAUSIBLE_SPAN, PLAUSIBLE_YEARS};
use crate::core::problem::Problem;

/// The date written at `path` (if any) read in `context`; a bad one is an error, an
/// implausible one a warning that says the `item` (`entry`, `figure`) is kept. A blank
/// string is no date, like an absent one.
pub(super) fn date_at(
    written: Option<&str>,
    path: impl Fn() -> String,
    item: &str,
    context: &DateContext,
    problems: &mut Vec<Problem>,
) -> Option<DateSpec> {
    let written = written.map(str::trim).filter(|d| !d.is_empty())?;
    match DateSpec::parse_in(written, context) {
        Ok(date) => {
            // Kept, but flagged: such a date is most likely a typo.
            if let Some(why) = date.implausible() {
                problems.push(
                    Problem::warning(
                        path(),
                        format!("date `{written}` {why}; the {item} is kept"),
                    )
                    .expected(format!(
                        "a date within {}–{} spanning at most {PLAUSIBLE_SPAN} years",
                        PLAUSIBLE_YEARS.start(),
                        PLAUSIBLE_YEARS.end()
                    )),
                );
            }
            Some(date)
        }
        Err(m) => {
            problems.push(Problem::error(path(), m).expected(EXAMPLES));
            None
        }
    }
}
