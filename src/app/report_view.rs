//! A loaded report: its header, counts, any loading problems, and the list of entries.

use crate::app::error_view::AuthorHint;
use crate::app::explorer::ExplorerView;
use crate::app::fetch::Indexed;
use crate::app::i18n::{count, texts};
use crate::core::i18n::fill;
use crate::core::problem::Severity;
use crate::core::text::reveal_direction_controls;
use leptos::prelude::*;
use std::sync::Arc;

/// Problems listed in the page; a file with more says how many are left out.
const MAX_PROBLEMS_SHOWN: usize = crate::core::problem::MAX_LISTED;

/// Shows a loaded report and the problems found while loading it.
#[component]
pub fn ReportView(
    /// The report, its index and its loading problems.
    indexed: Indexed,
) -> impl IntoView {
    let Indexed {
        report,
        index,
        problems,
        problem_files,
    } = indexed;
    crate::app::crash::injected_fault();
    let meta = &report.meta;
    crate::app::lang::provide_report_lang(meta.language.as_deref());
    let lang = crate::app::lang::report_lang;
    let t = texts();
    let et = &t.entry;
    // Names from the data sit in interface text: each is isolated.
    let chapter = meta.chapter.clone().map(
        |chapter| view! { {et.chapter_open}<bdi lang=lang()>{chapter}</bdi>{et.chapter_close} },
    );
    let source = view! { <bdi lang=lang()>{meta.document.clone()}</bdi>{chapter} };
    let kinds = report
        .kind_counts()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| {
            let (one, other) = k.words(t);
            count(n, one, other)
        })
        .collect::<Vec<_>>()
        .join(et.list_separator);
    let subsidiaries = count(
        report.subsidiaries.len(),
        et.subsidiaries_one,
        et.subsidiaries_other,
    );
    let subsidiaries = match report.divisions.len() {
        0 => subsidiaries,
        n => fill(
            et.in_divisions,
            &[
                ("subsidiaries", &subsidiaries),
                ("divisions", &count(n, et.divisions_one, et.divisions_other)),
            ],
        ),
    };
    let counts = fill(
        et.counts,
        &[
            ("kinds", if kinds.is_empty() { et.nothing } else { &kinds }),
            ("subsidiaries", &subsidiaries),
            (
                "categories",
                &count(
                    report.categories.len(),
                    et.categories_one,
                    et.categories_other,
                ),
            ),
            (
                "figures",
                &count(report.metric_count(), et.figures_one, et.figures_other),
            ),
        ],
    );
    let organisation = meta.organisation.clone();
    // Several reports: the header names them all; their documents are cited on each entry.
    let several = report.editions.len() > 1;
    let title = if several {
        fill(
            et.several_reports,
            &[
                ("organisation", &meta.organisation),
                ("count", &report.editions.len().to_string()),
            ],
        )
    } else {
        meta.title.clone()
    };
    let (period_label, period) = if several {
        let labels: Vec<&str> = report.editions.iter().map(|e| e.label.as_str()).collect();
        (et.reports_list, labels.join(et.list_separator))
    } else {
        (et.period, meta.period.text(&t.dates))
    };
    let source = (!several).then(|| view! { <p class="report-source">{et.source} {source}</p> });
    view! {
        <header class="report-header">
            <p class="organisation"><bdi lang=lang()>{organisation}</bdi></p>
            <h1 data-testid="report-title"><bdi lang=lang()>{title}</bdi></h1>
            <p class="report-period" data-testid="report-period">{period_label}<bdi>{period}</bdi></p>
            {source}
            <p class="counts">{counts}</p>
        </header>
        <ProblemList problems problem_files/>
        <ExplorerView report index/>
    }
}

/// Lists the warnings and skipped items found while loading, collapsed by default.
#[component]
fn ProblemList(
    /// Problems from the loader.
    problems: Arc<Vec<crate::core::problem::Problem>>,
    /// The data file of each problem, when several files were loaded.
    problem_files: Option<Arc<Vec<String>>>,
) -> impl IntoView {
    if problems.is_empty() {
        return None;
    }
    // Each problem reads as `DATA-ADDRESS:LINE:COL: error: PATH: message`, as the tool prints it.
    let file =
        use_context::<crate::app::DataUrl>().map_or_else(String::new, |d| d.0.get_untracked());
    let skipped = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - skipped;
    let et = &texts().entry;
    let summary = fill(
        et.problems,
        &[
            (
                "problems",
                &count(problems.len(), et.problems_one, et.problems_other),
            ),
            ("skipped", &count(skipped, et.items_one, et.items_other)),
            (
                "warnings",
                &count(warnings, et.warnings_one, et.warnings_other),
            ),
        ],
    );
    Some(view! {
        <section class="problems" data-testid="problems" role="status">
            <details>
                <summary>{summary}</summary>
                <ul lang="en">
                    {problems
                        .iter()
                        .take(MAX_PROBLEMS_SHOWN)
                        .enumerate()
                        .map(|(i, p)| {
                            let file = problem_files
                                .as_ref()
                                .and_then(|files| files.get(i))
                                .unwrap_or(&file);
                            let class = match p.severity {
                                Severity::Error => "problem error",
                                Severity::Warning => "problem warning",
                            };
                            view! { <li class=class>{reveal_direction_controls(&p.located(file))}</li> }
                        })
                        .collect_view()}
                </ul>
                {problems
                    .len()
                    .checked_sub(MAX_PROBLEMS_SHOWN)
                    .filter(|&n| n > 0)
                    .map(|n| view! { <p class="problems-more">{count(n, et.problems_more_one, et.problems_more_other)}</p> })}
                <AuthorHint/>
            </details>
        </section>
    })
}
