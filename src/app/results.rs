//! The result list: one page of entry cards with "Showing 51–100 of 98,213" and page links
//! in the URL, so the document stays small at any report size.

use crate::app::entry_card::EntryCard;
use crate::core::model::Report;
use crate::core::query::{Page, QueryResult, Selection, PAGE_SIZE};
use leptos::prelude::*;
use std::sync::Arc;

/// The current page of the filtered entries, with page links, or a message when none match.
#[component]
pub fn ResultList(
    /// The report.
    report: Arc<Report>,
    /// The current result.
    result: Memo<QueryResult>,
    /// The current selection.
    selection: Memo<Selection>,
    /// Search words to mark.
    words: Memo<Vec<String>>,
    /// Builds same-page links.
    link: Callback<Selection, String>,
) -> impl IntoView {
    let t = crate::app::i18n::texts();
    let e = &t.explorer;
    let total = Memo::new(move |_| result.with(|r| r.entries.len()));
    let wanted = Memo::new(move |_| selection.with(|s| s.page));
    let page = Memo::new(move |_| Page::of(wanted.get(), total.get(), PAGE_SIZE));
    let shown = Memo::new(move |_| {
        let p = page.get();
        result.with(|r| r.entries[p.start..p.end].to_vec())
    });
    // The list's own address without an open entry: encoded once per change, and every
    // card's link adds its entry to it.
    let list_href = Memo::new(move |_| {
        let mut sel = selection.get();
        sel.entry = None;
        link.run(sel)
    });
    let page_href = move |n: usize| {
        let mut sel = selection.get();
        sel.page = if n <= 1 { 0 } else { n };
        link.run(sel)
    };
    let words = Signal::from(words);
    // A link that takes the reader to the first or the last page is disabled there (no
    // `href`, so not focusable): once the new page is drawn, focus moves to the link that
    // goes the other way instead of being lost.
    let previous_ref = NodeRef::<leptos::html::A>::new();
    let next_ref = NodeRef::<leptos::html::A>::new();
    let went_to = move |to: usize| {
        let count = page.get_untracked().count;
        let other = if to >= count {
            previous_ref
        } else if to <= 1 {
            next_ref
        } else {
            return;
        };
        request_animation_frame(move || {
            if let Some(link) = other.try_get_untracked().flatten() {
                let _ = link.focus();
            }
        });
    };
    view! {
        <Show when=move || total.get() == 0>
            <p class="empty" data-testid="no-results">
                {e.no_results}
            </p>
        </Show>
        <ul class="entry-list" data-testid="entry-list">
            <For
                each=move || shown.get()
                key=|i| *i
                children=move |i| {
                    let entry = report.entries[i].clone();
                    let id = entry.id.to_string();
                    let href = Signal::derive(move || {
                        list_href.with(|base| {
                            let joiner = if base.contains('?') { '&' } else { '?' };
                            format!("{base}{joiner}entry={id}")
                        })
                    });
                    view! { <EntryCard entry report=report.clone() words href/> }
                }
            />
        </ul>
        <Show when=move || { page.get().count > 1 }>
            <nav class="pager" aria-label=e.pages data-testid="pager">
                <p class="pager-status" data-testid="page-status">
                    {move || page.get().describe_in(total.get(), t)}
                    {move || {
                        let p = page.get();
                        crate::core::i18n::fill(
                            e.page_of,
                            &[("page", &p.number.to_string()), ("pages", &p.count.to_string())],
                        )
                    }}
                </p>
                <PageLink
                    label=e.first
                    id="first"
                    to=Signal::derive(move || (page.get().number > 1).then_some(1))
                    page_href
                    went_to
                />
                <PageLink
                    label=e.previous
                    id="previous"
                    to=Signal::derive(move || { let p = page.get(); (p.number > 1).then(|| p.number - 1) })
                    page_href
                    went_to
                    node_ref=previous_ref
                />
                <PageLink
                    label=e.next
                    id="next"
                    to=Signal::derive(move || { let p = page.get(); (p.number < p.count).then(|| p.number + 1) })
                    page_href
                    went_to
                    node_ref=next_ref
                />
                <PageLink
                    label=e.last
                    id="last"
                    to=Signal::derive(move || { let p = page.get(); (p.number < p.count).then_some(p.count) })
                    page_href
                    went_to
                />
            </nav>
        </Show>
    }
}

/// A link to another page of results; present but disabled when there is no such page.
#[component]
fn PageLink(
    /// What it says.
    label: &'static str,
    /// Its test id's suffix.
    id: &'static str,
    /// The page it goes to, if any.
    to: Signal<Option<usize>>,
    /// The address of a page.
    page_href: impl Fn(usize) -> String + Copy + Send + Sync + 'static,
    /// Called with the page number when the link is followed (the router then navigates).
    went_to: impl Fn(usize) + Copy + Send + Sync + 'static,
    /// The link element.
    #[prop(optional)]
    node_ref: NodeRef<leptos::html::A>,
) -> impl IntoView {
    view! {
        <a
            class="page-link"
            data-testid=format!("page-{id}")
            href=move || to.get().map(page_href)
            aria-disabled=move || to.get().is_none().then_some("true")
            node_ref=node_ref
            on:click=move |ev| {
                // With a modifier the browser opens the page elsewhere and this one stays.
                let elsewhere = ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key();
                if let (false, Some(n)) = (elsewhere, to.get_untracked()) {
                    went_to(n);
                }
            }
        >
            {label}
        </a>
    }
}
