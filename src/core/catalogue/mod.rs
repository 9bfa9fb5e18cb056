//! The catalogue of reports (`catalogue.json`): its model, and the choice of reports from the URL.
//!
//! Loading and validation are in [`load`]; `docs/catalogue.md` describes the format.

mod load;
mod rules;

pub use load::{
    load_catalogue, load_catalogue_for, CatalogueError, CATALOGUE_FORMAT, REPORT_FIELDS,
};
pub use rules::check_language;

use crate::core::date::DateSpec;
use crate::core::problem::Problem;
use std::collections::{BTreeMap, HashSet};

/// Unknown or skipped ids named one by one in a notice; more are counted.
pub const MAX_NAMED_IDS: usize = 5;

/// One report the catalogue lists.
#[derive(Clone, Debug, PartialEq)]
pub struct CatalogueReport {
    /// The report's id, as the URL names it (`citic-2019-en`).
    pub id: String,
    /// Who published the report.
    pub organisation: String,
    /// The period the report covers.
    pub period: DateSpec,
    /// The period as written (`2019`, `FY2023`).
    pub period_text: String,
    /// The report's title.
    pub title: String,
    /// BCP 47 tag of the report's language (`en`, `zh-Hant`).
    pub language: String,
    /// The report's data file: a same-origin path, as `?data=` takes it.
    pub path: String,
    /// The id of the report this one translates (same organisation and period).
    pub translation_of: Option<String>,
}

/// A loaded catalogue: the usable reports in file order, and the problems found.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalogue {
    reports: Vec<CatalogueReport>,
    problems: Vec<Problem>,
    /// Ids of skipped entries, with their JSON paths.
    skipped: BTreeMap<String, String>,
}

impl Catalogue {
    /// The usable reports, in the order the file lists them.
    pub fn reports(&self) -> &[CatalogueReport] {
        &self.reports
    }

    /// Errors (an entry or a link skipped) and warnings, in file order.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The report with this id.
    pub fn get(&self, id: &str) -> Option<&CatalogueReport> {
        self.reports.iter().find(|r| r.id == id)
    }

    /// The reports grouped by organisation, organisations in the order they first appear
    /// in the file, each group newest period first (equal periods keep file order).
    pub fn by_organisation(&self) -> Vec<(&str, Vec<&CatalogueReport>)> {
        let mut groups: Vec<(&str, Vec<&CatalogueReport>)> = Vec::new();
        for report in &self.reports {
            match groups
                .iter_mut()
                .find(|(org, _)| *org == report.organisation)
            {
                Some((_, group)) => group.push(report),
                None => groups.push((&report.organisation, vec![report])),
            }
        }
        for (_, group) in &mut groups {
            group.sort_by(|a, b| b.period.chronological(&a.period));
        }
        groups
    }

    /// The years (of each period's first day) `organisation` has reports for, newest first.
    pub fn years(&self, organisation: &str) -> Vec<i32> {
        let mut years: Vec<i32> = self
            .reports
            .iter()
            .filter(|r| r.organisation == organisation)
            .map(|r| r.period.year())
            .collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        years
    }

    /// The reports a `?reports=` value names (comma-separated ids, in its order, each once),
    /// and a notice for the ids it cannot show: unknown ones, and ones skipped for errors.
    pub fn choose(&self, ids: &str) -> (Vec<&CatalogueReport>, Vec<String>) {
        let mut seen = HashSet::new();
        let mut chosen = Vec::new();
        let mut unknown = Vec::new();
        let mut skipped = Vec::new();
        for id in ids.split(',').map(str::trim).filter(|id| !id.is_empty()) {
            if !seen.insert(id) {
                continue;
            }
            if let Some(report) = self.get(id) {
                chosen.push(report);
            } else if let Some(path) = self.skipped.get(id) {
                skipped.push(format!("`{}` ({path})", shorten(id)));
            } else {
                unknown.push(format!("`{}`", shorten(id)));
            }
        }
        let mut notices = Vec::new();
        match unknown.len() {
            0 => {}
            1 => notices.push(format!(
                "`?reports=` names {}, which is not in the catalogue",
                unknown[0]
            )),
            n => notices.push(format!(
                "`?reports=` names {n} reports not in the catalogue: {}",
                named(&unknown)
            )),
        }
        match skipped.len() {
            0 => {}
            1 => notices.push(format!(
                "`?reports=` names {}, which the catalogue lists with errors; it is not shown",
                skipped[0]
            )),
            n => notices.push(format!(
                "`?reports=` names {n} reports the catalogue lists with errors; they are not shown: {}",
                named(&skipped)
            )),
        }
        (chosen, notices)
    }

    /// The `?reports=` value for a choice: the ids joined with `,`.
    pub fn choice_param(chosen: &[&CatalogueReport]) -> String {
        chosen
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// The first [`MAX_NAMED_IDS`] items joined with `, `, then `and N more`.
fn named(items: &[String]) -> String {
    let shown = items[..items.len().min(MAX_NAMED_IDS)].join(", ");
    match items.len().saturating_sub(MAX_NAMED_IDS) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}

/// An id from the URL cut to 64 characters for messages, marked with `…` when cut.
fn shorten(id: &str) -> String {
    match id.char_indices().nth(crate::core::ids::MAX_ID_LEN) {
        Some((at, _)) => format!("{}…", &id[..at]),
        None => id.to_owned(),
    }
}
