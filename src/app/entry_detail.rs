//! The entry detail panel: every field, figures with qualifiers, the source passage, and related links.

use crate::core::format::format_metric;
use crate::core::model::{Entry, Report};
use crate::core::query::{Facet, Selection};
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

/// Shows one entry in full; `link` builds hrefs for related views.
#[component]
pub fn EntryDetail(
    /// The entry.
    entry: Entry,
    /// Its report.
    report: Arc<Report>,
    /// The current selection (links follow it without rebuilding the panel).
    selection: Memo<Selection>,
    /// Builds a same-page link for a selection.
    link: Callback<Selection, String>,
) -> impl IntoView {
    let close = Signal::derive(move || {
        let mut sel = selection.get();
        sel.entry = None;
        link.run(sel)
    });
    let related = move |facet: Facet, token: &str| {
        let token = token.to_owned();
        Signal::derive(move || {
            let mut sel = selection.get();
            sel.clear_all();
            sel.entry = None;
            sel.page = 0;
            sel.only(facet, &token);
            link.run(sel)
        })
    };
    let sub_name = report.subsidiary_name(&entry.subsidiary).to_owned();
    let sub_href = related(Facet::Subsidiary, entry.subsidiary.as_str());
    let categories: Vec<(String, Signal<String>)> = entry
        .categories
        .iter()
        .map(|c| {
            (
                report.category_name(c).to_owned(),
                related(Facet::Category, c.as_str()),
            )
        })
        .collect();
    let meta = &report.meta;
    let lang = crate::app::lang::report_lang;
    // Names from the data sit in interface text: each is isolated, in the report's language.
    let chapter = meta
        .chapter
        .clone()
        .map(|ch| view! { ", “"<bdi lang=lang()>{ch}</bdi>"”" });
    let cite = view! {
        <bdi lang=lang()>{meta.document.clone()}</bdi>
        {chapter}
        ", section “"<bdi lang=lang()>{entry.source.section.clone()}</bdi>"”"
    };
    let heading = NodeRef::<html::H2>::new();
    // Move keyboard focus to the panel when it opens (talking to the DOM is an effect).
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let optional = |label: &'static str, value: Option<String>| {
        value.map(|v| view! { <dt>{label}</dt><dd><bdi lang=lang()>{v}</bdi></dd> })
    };
    let date = entry
        .date
        .map(|d| view! { <dt>"Date"</dt><dd><time datetime=d.html_datetime()>{d.to_string()}</time></dd> });
    view! {
        <section class="entry-detail" data-testid="entry-detail" aria-labelledby="entry-detail-heading">
            <div class="detail-head">
                <p class="kind">{entry.kind.label()}</p>
                <a class="close" href=close data-testid="close-detail">"Close"</a>
            </div>
            <h2 id="entry-detail-heading" tabindex="-1" node_ref=heading><bdi lang=lang()>{entry.title.clone()}</bdi></h2>
            <p class="summary"><bdi lang=lang()>{entry.summary.clone()}</bdi></p>
            <dl class="detail-fields">
                <dt>"Subsidiary"</dt>
                <dd><a href=sub_href data-testid="detail-subsidiary"><bdi lang=lang()>{sub_name}</bdi></a></dd>
                <dt>"Categories"</dt>
                <dd>
                    {categories
                        .into_iter()
                        .map(|(name, href)| view! { <a class="detail-category" href=href><bdi lang=lang()>{name}</bdi></a>" " })
                        .collect_view()}
                </dd>
                {date}
                {optional("Awarded by", entry.awarding_body.clone())}
                {optional("Location", entry.location.clone())}
                {optional("Country", entry.country.clone())}
                <dt>"Entry id"</dt>
                <dd><code>{entry.id.to_string()}</code></dd>
            </dl>
            {(!entry.metrics.is_empty())
                .then(|| {
                    view! {
                        <table class="detail-metrics">
                            <caption>"Figures"</caption>
                            <thead>
                                <tr><th scope="col">"Measure"</th><th scope="col">"Value"</th></tr>
                            </thead>
                            <tbody>
                                {entry
                                    .metrics
                                    .iter()
                                    .map(|m| view! { <tr><th scope="row"><bdi lang=lang()>{m.label.clone()}</bdi></th><td><bdi>{format_metric(m)}</bdi></td></tr> })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                })}
            <figure class="detail-source">
                <blockquote><bdi lang=lang()>{entry.source.passage.clone()}</bdi></blockquote>
                <figcaption>{cite}</figcaption>
            </figure>
        </section>
    }
}
