//! The entry detail panel: every field, figures with qualifiers, the source passage with its
//! page, and related links; [`PageRef`], the page reference cards show too.

use crate::core::format::format_metric;
use crate::core::i18n::{fill, Texts};
use crate::core::model::{Entry, Report, Source};
use crate::core::query::{Facet, Selection, View};
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

/// A passage's page reference (`p. 45`), linked to the passage's address, or to the report
/// document's page when the page is a number; a passage with an address but no page links
/// as "passage".
#[derive(Clone, Debug, PartialEq)]
pub struct PageRef {
    /// `p. 45`, or `passage` when only the address is known.
    pub label: String,
    /// Where it links, if anywhere.
    pub href: Option<String>,
}

impl PageRef {
    /// The reference for `source` in a report whose document is at `document`.
    pub fn of(source: &Source, document: Option<&str>, t: &Texts) -> Option<PageRef> {
        let href = source.link(document);
        let label = match (&source.page, &href) {
            (Some(page), _) => {
                let range = page.contains(['–', '-', '—']) || page.contains(',');
                let words = if range { t.entry.pages } else { t.entry.page };
                fill(words, &[("page", page)])
            }
            (None, Some(_)) => t.entry.passage.to_owned(),
            (None, None) => return None,
        };
        Some(PageRef { label, href })
    }

    /// As a link opening in a new tab (without passing this page on), or as plain text.
    pub fn into_view(self) -> AnyView {
        match self.href {
            Some(href) => view! {
                <a href=href target="_blank" rel="noopener noreferrer" data-testid="page-ref">
                    {self.label}
                </a>
            }
            .into_any(),
            None => view! { <span data-testid="page-ref">{self.label}</span> }.into_any(),
        }
    }
}

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
    // Among several reports, the entry's own report says its language, document and address.
    let edition = report.edition_for(&entry).cloned();
    if let Some(edition) = &edition {
        crate::app::lang::provide_report_lang(edition.meta.language.as_deref());
    }
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
    // Every subsidiary, the lead first, each a link to its entries, with its division.
    let subsidiaries: Vec<(String, Option<String>, Signal<String>)> = entry
        .subsidiaries
        .iter()
        .map(|s| {
            (
                report.subsidiary_name(s).to_owned(),
                report.division_of(s).map(str::to_owned),
                related(Facet::Subsidiary, s.as_str()),
            )
        })
        .collect();
    let t = crate::app::i18n::texts();
    let et = &t.entry;
    let sub_label = if subsidiaries.len() > 1 {
        et.subsidiaries
    } else {
        et.subsidiary
    };
    let country_label = if entry.countries.len() > 1 {
        et.countries
    } else {
        et.country
    };
    let countries = (!entry.countries.is_empty()).then(|| entry.countries.join(", "));
    let meta = edition.as_ref().map_or(&report.meta, |e| &e.meta);
    let page = PageRef::of(&entry.source, meta.url.as_deref(), t)
        .map(|p| view! { {et.comma} {p.into_view()} });
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
    let lang = crate::app::lang::report_lang;
    // Names from the data sit in interface text: each is isolated, in the report's language.
    let chapter = meta
        .chapter
        .clone()
        .map(|ch| view! { {et.chapter_open}<bdi lang=lang()>{ch}</bdi>{et.chapter_close} });
    let cite = view! {
        <bdi lang=lang()>{meta.document.clone()}</bdi>
        {chapter}
        {et.section_open}<bdi lang=lang()>{entry.source.section.clone()}</bdi>{et.section_close}
        {page}
    };
    // With the report's text, a link to this passage in it (the Text view at this entry).
    let has_text = report
        .edition_for(&entry)
        .map_or(meta.text.is_some(), |e| e.meta.text.is_some());
    let in_context = has_text.then(|| {
        let id = entry.id.clone();
        let href = Signal::derive(move || {
            let mut sel = selection.get();
            sel.view = View::Text;
            sel.at = Some(id.clone());
            sel.entry = None;
            link.run(sel)
        });
        view! {
            <p class="read-in-context">
                <a href=href data-testid="read-in-context">{t.reading.read_in_context}</a>
            </p>
        }
    });
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
        .map(|d| view! { <dt>{et.date}</dt><dd><time datetime=d.html_datetime()>{d.text(&t.dates)}</time></dd> });
    view! {
        <section class="entry-detail" data-testid="entry-detail" aria-labelledby="entry-detail-heading">
            <div class="detail-head">
                <p class="kind">{entry.kind.label_in(t)}</p>
                <a class="close" href=close data-testid="close-detail">{et.close}</a>
            </div>
            <h2 id="entry-detail-heading" tabindex="-1" node_ref=heading><bdi lang=lang()>{entry.title.clone()}</bdi></h2>
            <p class="summary"><bdi lang=lang()>{entry.summary.clone()}</bdi></p>
            <dl class="detail-fields">
                <dt>{sub_label}</dt>
                <dd>
                    {subsidiaries
                        .into_iter()
                        .enumerate()
                        .map(|(i, (name, division, href))| {
                            // The lead's link keeps the test id the single subsidiary had.
                            let testid = if i == 0 { "detail-subsidiary" } else { "detail-subsidiary-other" };
                            let division = division.map(|d| view! { " (" <bdi lang=lang()>{d}</bdi> ")" });
                            view! {
                                {(i > 0).then_some(", ")}
                                <a class="detail-subsidiary" href=href data-testid=testid><bdi lang=lang()>{name}</bdi></a>
                                {division}
                            }
                        })
                        .collect_view()}
                </dd>
                <dt>{et.categories}</dt>
                <dd>
                    {categories
                        .into_iter()
                        .map(|(name, href)| view! { <a class="detail-category" href=href><bdi lang=lang()>{name}</bdi></a>" " })
                        .collect_view()}
                </dd>
                {date}
                {edition
                    .as_ref()
                    .filter(|_| report.editions.len() > 1)
                    .map(|e| {
                        view! {
                            <dt>{et.report}</dt>
                            <dd data-testid="detail-report">
                                {e.label.clone()} " · " <bdi lang=lang()>{e.meta.title.clone()}</bdi>
                            </dd>
                        }
                    })}
                {optional(et.awarded_by, entry.awarding_body.clone())}
                {optional(et.location, entry.location.clone())}
                {optional(country_label, countries)}
                <dt>{et.entry_id}</dt>
                <dd><code>{entry.id.to_string()}</code></dd>
            </dl>
            {(!entry.metrics.is_empty())
                .then(|| {
                    view! {
                        <table class="detail-metrics">
                            <caption>{et.figures}</caption>
                            <thead>
                                <tr><th scope="col">{et.measure}</th><th scope="col">{et.value}</th></tr>
                            </thead>
                            <tbody>
                                {entry
                                    .metrics
                                    .iter()
                                    .enumerate()
                                    .map(|(i, m)| view! {
                                        <tr><th scope="row"><bdi lang=lang()>{m.label.clone()}</bdi></th><td><bdi lang=lang()>{format_metric(m)}</bdi>
                                        <crate::app::trends::FigureChange report=report.clone() entry=entry.id.clone() metric=i/></td></tr>
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                })}
            <figure class="detail-source">
                <blockquote><bdi lang=lang()>{entry.source.passage.clone()}</bdi></blockquote>
                <figcaption>{cite}</figcaption>
            </figure>
            {in_context}
        </section>
    }
}
