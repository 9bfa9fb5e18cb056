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
    let title = meta.title.clone();
    let organisation = meta.organisation.clone();
    let period = meta.period.text(&t.dates);
    view! {
        <header class="report-header">
            <p class="organisation"><bdi lang=lang()>{organisation}</bdi></p>
            <h1 data-testid="report-title"><bdi lang=lang()>{title}</bdi></h1>
            <p class="report-period" data-testid="report-period">{et.period}<bdi>{period}</bdi></p>
            <p class="report-source">{et.source} {source}</p>
            <p class="counts">{counts}</p>
        </header>
        <ProblemList problems/>
        <ExplorerView report index/>
    }
}

/// Lists the warnings and skipped items found while loading, collapsed by default.
#[component]
fn ProblemList(
    /// Problems from the loader.
    problems: Arc<Vec<crate::core::problem::Problem>>,
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
                        .map(|p| {
                            let class = match p.severity {
                                Severity::Error => "problem error",
                                Severity::Warning => "problem warning",
                            };
                            view! { <li class=class>{reveal_direction_controls(&p.located(&file))}</li> }
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
