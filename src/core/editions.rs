//! Several reports shown as one: merging the chosen reports of a catalogue into one model whose entries keep their report (an edition).
//!
//! Each chosen report becomes an [`Edition`] of the merged [`Report`]: its catalogue id, its
//! own metadata and the contiguous range of its entries. Editions are in chronological order
//! (oldest first, equal periods in the order chosen), so a subsidiary's figures read as a
//! series. Subsidiaries, divisions and categories are merged by id: the newest report's
//! name wins (names change over the years; the newest is the one readers know). Entry ids
//! are qualified by their report (`acme-2019~e1`) when there is more than one edition, so
//! they stay unique and the URL can name them.

use crate::core::catalogue::CatalogueReport;
use crate::core::ids::EntryId;
use crate::core::model::{Category, Edition, Entry, Report};
use crate::core::problem::Problem;
use std::collections::HashMap;
use std::hash::Hash;

/// A problem of one of the merged reports.
#[derive(Clone, Debug, PartialEq)]
pub struct EditionProblem {
    /// The edition (position in [`Report::editions`]).
    pub edition: usize,
    /// The problem, with its path in that report's file.
    pub problem: Problem,
}

impl Report {
    /// The edition an entry (by position) belongs to; `None` when the report is shown alone.
    pub fn edition_of(&self, position: usize) -> Option<&Edition> {
        let i = self.editions.partition_point(|e| e.entries.end <= position);
        self.editions
            .get(i)
            .filter(|e| e.entries.contains(&position))
    }

    /// The edition an entry belongs to, from its id: the report its id is qualified by, or
    /// the one edition when there is only one; `None` when the report is shown alone.
    pub fn edition_for(&self, entry: &Entry) -> Option<&Edition> {
        match (entry.id.split().0, self.editions.as_slice()) {
            (Some(report), _) => self.editions.iter().find(|e| e.id == report),
            (None, [only]) => Some(only),
            (None, _) => None,
        }
    }

    /// The position of an edition by its catalogue id.
    pub fn edition_position(&self, id: &str) -> Option<usize> {
        self.editions.iter().position(|e| e.id == id)
    }
}

/// Merges loaded reports (each with its catalogue entry and its own problems) into one report.
///
/// The result's `meta` is the newest report's; its `editions` list every report, oldest first.
/// Subsidiaries, divisions and categories keep the order they first appear in, newest report
/// first; a category whose parent differs between reports keeps the newest report's parent,
/// with a warning. A single report keeps its entry ids; several have them qualified.
/// `None` when there is no report to merge.
pub fn merge(
    reports: Vec<(CatalogueReport, Report, Vec<Problem>)>,
) -> Option<(Report, Vec<EditionProblem>)> {
    let mut reports = reports;
    // Oldest first; a stable sort keeps the chosen order among equal periods.
    reports.sort_by(|a, b| a.0.period.chronological(&b.0.period));
    let qualify = reports.len() > 1;
    let labels = labels(reports.iter().map(|(c, _, _)| c).collect());

    let mut problems = Vec::new();
    let mut editions = Vec::with_capacity(reports.len());
    let mut entries = Vec::new();
    let mut subsidiaries = Merged::default();
    let mut divisions = Merged::default();
    let mut categories: Merged<_, Category> = Merged::default();
    // Newest first for the shared lists, so the newest name and order win.
    for (_, report, _) in reports.iter().rev() {
        for s in &report.subsidiaries {
            subsidiaries.add(s.id.clone(), s.clone());
        }
        for d in &report.divisions {
            divisions.add(d.id.clone(), d.clone());
        }
    }
    for (position, (_, report, _)) in reports.iter().enumerate().rev() {
        for (i, c) in report.categories.iter().enumerate() {
            if let Some(kept) = categories.get(&c.id) {
                if kept.parent != c.parent {
                    problems.push(EditionProblem {
                        edition: position,
                        problem: Problem::warning(
                            format!("categories[{i}].parent"),
                            format!(
                                "category `{}` has parent {} here but {} in a newer report; the newer parent is used",
                                c.id,
                                parent_words(c.parent.as_ref().map(|p| p.as_str())),
                                parent_words(kept.parent.as_ref().map(|p| p.as_str())),
                            ),
                        ),
                    });
                }
            }
            categories.add(c.id.clone(), c.clone());
        }
    }
    let mut meta = None;
    for (position, ((catalogue, report, report_problems), label)) in
        reports.into_iter().zip(labels).enumerate()
    {
        let start = entries.len();
        for mut entry in report.entries {
            if qualify {
                entry.id = EntryId::qualified(&catalogue.id, &entry.id);
            }
            entries.push(entry);
        }
        problems.extend(report_problems.into_iter().map(|problem| EditionProblem {
            edition: position,
            problem,
        }));
        meta = Some(report.meta.clone());
        editions.push(Edition {
            id: catalogue.id,
            meta: report.meta,
            label,
            path: catalogue.path,
            language: catalogue.language,
            entries: start..entries.len(),
        });
    }
    let report = Report {
        meta: meta?,
        divisions: divisions.items,
        subsidiaries: subsidiaries.items,
        categories: categories.items,
        entries,
        editions,
    };
    Some((report, problems))
}

/// Items merged by id, the first added kept.
struct Merged<K, V> {
    items: Vec<V>,
    at: HashMap<K, usize>,
}

impl<K, V> Default for Merged<K, V> {
    fn default() -> Self {
        Merged {
            items: Vec::new(),
            at: HashMap::new(),
        }
    }
}

impl<K: Eq + Hash, V> Merged<K, V> {
    fn add(&mut self, id: K, item: V) {
        if !self.at.contains_key(&id) {
            self.at.insert(id, self.items.len());
            self.items.push(item);
        }
    }

    fn get(&self, id: &K) -> Option<&V> {
        self.at.get(id).map(|&i| &self.items[i])
    }
}

fn parent_words(parent: Option<&str>) -> String {
    match parent {
        Some(p) => format!("`{p}`"),
        None => "none".to_owned(),
    }
}

/// Each report's label: its period as written, and its language when another report has the
/// same period; its id when even that is shared.
fn labels(reports: Vec<&CatalogueReport>) -> Vec<String> {
    let count = |f: &dyn Fn(&CatalogueReport) -> bool| reports.iter().filter(|r| f(r)).count();
    reports
        .iter()
        .map(|r| {
            if count(&|o| o.period_text == r.period_text) == 1 {
                r.period_text.clone()
            } else if count(&|o| o.period_text == r.period_text && o.language == r.language) == 1 {
                format!("{} · {}", r.period_text, r.language)
            } else {
                format!("{} · {}", r.period_text, r.id)
            }
        })
        .collect()
}
