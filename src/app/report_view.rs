//! A loaded report: its header, counts, any loading problems, and the list of entries.

use crate::app::error_view::AuthorHint;
use crate::app::explorer::ExplorerView;
use crate::app::fetch::Indexed;
use crate::core::format::count_noun;
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
    // Names from the data sit in interface text: each is isolated.
    let chapter = meta
        .chapter
        .clone()
        .map(|chapter| view! { ", chapter “"<bdi lang=lang()>{chapter}</bdi>"”" });
    let source = view! { <bdi lang=lang()>{meta.document.clone()}</bdi>{chapter} };
    let kinds = report
        .kind_counts()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| k.count(n))
        .collect::<Vec<_>>()
        .join(", ");
    let subsidiaries = count_noun(report.subsidiaries.len(), "subsidiary", "subsidiaries");
    let subsidiaries = match report.divisions.len() {
        0 => subsidiaries,
        n => format!(
            "{subsidiaries} in {}",
            count_noun(n, "division", "divisions")
        ),
    };
    let counts = format!(
        "{} from {}, in {}, with {}",
        if kinds.is_empty() { "nothing" } else { &kinds },
        subsidiaries,
        count_noun(report.categories.len(), "category", "categories"),
        count_noun(report.metric_count(), "figure", "figures"),
    );
    let organisation = meta.organisation.clone();
    // Several reports: the header names them all; their documents are cited on each entry.
    let several = report.editions.len() > 1;
    let title = if several {
        format!("{}: {} reports", meta.organisation, report.editions.len())
    } else {
        meta.title.clone()
    };
    let (period_label, period) = if several {
        let labels: Vec<&str> = report.editions.iter().map(|e| e.label.as_str()).collect();
        ("Reports: ", labels.join(", "))
    } else {
        ("Reporting period: ", meta.period.to_string())
    };
    let source = (!several).then(|| view! { <p class="report-source">"Source: " {source}</p> });
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
    let summary = format!(
        "The data file has {}: {} skipped, {}.",
        count_noun(problems.len(), "problem", "problems"),
        count_noun(skipped, "item", "items"),
        count_noun(warnings, "warning", "warnings"),
    );
    Some(view! {
        <section class="problems" data-testid="problems" role="status">
            <details>
                <summary>{summary}</summary>
                <ul>
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
                {crate::core::problem::not_listed(problems.len(), MAX_PROBLEMS_SHOWN)
                    .map(|more| view! { <p class="problems-more">{more}</p> })}
                <AuthorHint/>
            </details>
        </section>
    })
}
