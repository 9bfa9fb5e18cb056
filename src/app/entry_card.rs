//! One entry in the list: title, kind, subsidiary, categories, date, figures and source.

use crate::core::format::format_metric;
use crate::core::model::{Entry, Report};
use leptos::prelude::*;

/// Renders one entry of `report`.
#[component]
pub fn EntryCard(
    /// The entry to show.
    entry: Entry,
    /// The report it belongs to (for subsidiary and category names).
    report: std::sync::Arc<Report>,
) -> impl IntoView {
    let subsidiary = report.subsidiary_name(&entry.subsidiary).to_owned();
    let categories = entry
        .categories
        .iter()
        .map(|c| report.category_name(c).to_owned())
        .collect::<Vec<_>>()
        .join(" · ");
    let date = entry.date.map(|d| (d.iso(), d.to_string()));
    let metrics = entry
        .metrics
        .iter()
        .map(|m| (m.label.clone(), format_metric(m)))
        .collect::<Vec<_>>();
    let kind = entry.kind;
    view! {
        <li class="entry" data-testid="entry" data-kind=kind.as_str() id=format!("entry-{}", entry.id)>
            <article>
                <header>
                    <span class="kind">{kind.label()}</span>
                    <h3>{entry.title}</h3>
                </header>
                <p class="entry-meta">
                    <span class="subsidiary">{subsidiary}</span>
                    <span class="categories">{categories}</span>
                    {date.map(|(iso, text)| view! { <time datetime=iso>{text}</time> })}
                </p>
                <p class="summary">{entry.summary}</p>
                {entry.awarding_body.map(|b| view! { <p class="awarding-body">"Awarded by " {b}</p> })}
                {(!metrics.is_empty())
                    .then(|| {
                        view! {
                            <dl class="metrics">
                                {metrics
                                    .into_iter()
                                    .map(|(label, value)| {
                                        view! {
                                            <div class="metric">
                                                <dt>{label}</dt>
                                                <dd>{value}</dd>
                                            </div>
                                        }
                                    })
                                    .collect_view()}
                            </dl>
                        }
                    })}
                <details class="source">
                    <summary>"Source: " {entry.source.section}</summary>
                    <blockquote>{entry.source.passage}</blockquote>
                </details>
            </article>
        </li>
    }
}
