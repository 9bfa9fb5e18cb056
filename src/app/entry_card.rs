//! One entry in the result list: title (a link that opens its detail), kind, subsidiaries
//! (with their divisions), categories, date, countries, figures and the page it is on.

use crate::app::entry_detail::PageRef;
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
    // Among several reports, the entry's own report: its label, language and address.
    let edition = report.edition_for(&entry);
    if let Some(edition) = edition {
        crate::app::lang::provide_report_lang(edition.meta.language.as_deref());
    }
    let meta = edition.map_or(&report.meta, |e| &e.meta);
    let edition_label = edition
        .filter(|_| report.editions.len() > 1)
        .map(|e| e.label.clone());
    // Every subsidiary, the lead first, each with its division.
    let subsidiary = entry
        .subsidiaries
        .iter()
        .map(|s| report.subsidiary_label(s))
        .collect::<Vec<_>>()
        .join(", ");
    let countries = (!entry.countries.is_empty()).then(|| entry.countries.join(", "));
    let page = PageRef::of(&entry.source, meta.url.as_deref());
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
                    {edition_label.map(|label| view! { <span class="edition" data-testid="entry-report">{label}</span> })}
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
                    {countries
                        .map(|c| {
                            view! {
                                <span class="countries">
                                    <Highlighted text=c words/>
                                </span>
                            }
                        })}
                    {page.map(|p| view! { <span class="page-ref">{p.into_view()}</span> })}
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
