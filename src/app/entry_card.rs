//! One entry in the result list: title (a link that opens its detail), kind, subsidiary, categories, date, figures.

use crate::app::highlight::Highlighted;
use crate::core::format::format_metric;
use crate::core::model::{Entry, Report};
use leptos::prelude::*;
use std::sync::Arc;

/// Renders one entry of `report`, marking search words.
#[component]
pub fn EntryCard(
    /// The entry to show.
    entry: Entry,
    /// The report it belongs to (for subsidiary and category names).
    report: Arc<Report>,
    /// Folded search words to mark.
    #[prop(into)]
    words: Signal<Vec<String>>,
    /// Link that opens this entry's detail.
    #[prop(into)]
    href: Signal<String>,
) -> impl IntoView {
    let subsidiary = report.subsidiary_name(&entry.subsidiary).to_owned();
    let categories = entry
        .categories
        .iter()
        .map(|c| report.category_name(c).to_owned())
        .collect::<Vec<_>>()
        .join(" · ");
    let date = entry.date.map(|d| (d.html_datetime(), d.to_string()));
    let metrics = entry
        .metrics
        .iter()
        .map(|m| (m.label.clone(), format_metric(m)))
        .collect::<Vec<_>>();
    let kind = entry.kind;
    view! {
        <li class="entry" data-testid="entry" data-kind=kind.as_str() data-id=entry.id.to_string()>
            <article>
                <header>
                    <span class="kind">{kind.label()}</span>
                    <h3>
                        <a href=href class="entry-open">
                            <Highlighted text=entry.title words/>
                        </a>
                    </h3>
                </header>
                <p class="entry-meta">
                    <span class="subsidiary">
                        <Highlighted text=subsidiary words/>
                    </span>
                    <span class="categories">
                        <Highlighted text=categories words/>
                    </span>
                    {date.map(|(iso, text)| view! { <time datetime=iso>{text}</time> })}
                </p>
                <p class="summary">
                    <Highlighted text=entry.summary words/>
                </p>
                {entry
                    .awarding_body
                    .map(|b| {
                        view! {
                            <p class="awarding-body">
                                "Awarded by " <Highlighted text=b words/>
                            </p>
                        }
                    })}
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
            </article>
        </li>
    }
}
