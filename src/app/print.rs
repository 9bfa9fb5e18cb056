//! The "Print" action: a print-only document of the current filtered view (header with
//! provenance, charts as inline SVG, the entries), rendered just before printing and removed
//! after, so the page's DOM stays bounded.
//!
//! What the document says is decided by `core::print`; this module only reads the page's
//! state, the clock (formatted with the browser's `Intl.DateTimeFormat`) and the address,
//! and renders. `style/print.css` hides everything else on paper.
//!
//! The document is inserted synchronously (markup from `core::print::html`, not a reactive
//! update): `print()` fires `beforeprint` and lays the page out before any queued effect could run.

use crate::app::i18n::texts;
use crate::app::listen::listen;
use crate::app::DataUrl;
use crate::core::charts::Scope;
use crate::core::export::Provenance;
use crate::core::model::Report;
use crate::core::print::html::document_html;
use crate::core::print::{print_charts, print_document, PrintContext};
use crate::core::query::{Index, QueryResult, SearchHits, Selection, Sort, View};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsValue;
use web_sys::js_sys;

/// The class of the print document's container, a child of `<body>` (see `style/print.css`).
const PRINT_CLASS: &str = "print-document";
/// On `<html>` while the print document is in the page: then only it prints.
const PRINTING_ATTRIBUTE: &str = "data-printing";

/// The print document while it is in the page: its container.
struct Shown {
    container: web_sys::Element,
}

impl Drop for Shown {
    fn drop(&mut self) {
        self.container.remove();
        if let Some(root) = document().document_element() {
            let _ = root.remove_attribute(PRINTING_ATTRIBUTE);
        }
    }
}

/// The "Print" button, and the print document on `beforeprint` (the button or the browser's
/// own print command) until `afterprint`.
#[component]
pub fn PrintAction(
    /// The loaded report.
    report: Arc<Report>,
    /// Its index (the charts count with it).
    index: Arc<Index>,
    /// Search matches for the selection's search text.
    hits: Memo<SearchHits>,
    /// The current result: the entries printed, in order.
    result: Memo<QueryResult>,
    /// The current selection: the filters printed.
    selection: Memo<Selection>,
) -> impl IntoView {
    let data_url = use_context::<DataUrl>().map(|d| d.0);
    let shown: Rc<RefCell<Option<Shown>>> = Rc::new(RefCell::new(None));
    // Set while the button's own print() runs: its document is already fresh.
    let fresh = Rc::new(Cell::new(false));

    let render = {
        let shown = shown.clone();
        move || {
            // The old document goes first, so there is never more than one.
            shown.borrow_mut().take();
            let Some(sel) = selection.try_get_untracked() else {
                return;
            };
            let Some(positions) = result.try_with_untracked(|r| r.entries.clone()) else {
                return;
            };
            let data_url = data_url
                .and_then(|u| u.try_get_untracked())
                .unwrap_or_default();
            let provenance = Provenance::new(
                &report,
                &data_url,
                &sel,
                &String::from(js_sys::Date::new_0().to_iso_string()),
                env!("CARGO_PKG_VERSION"),
            )
            .with_texts(texts());
            let printed_at = printed_at();
            let link = window().location().href().unwrap_or_default();
            let doc = print_document(
                &report,
                &positions,
                &sel,
                &PrintContext {
                    provenance: &provenance,
                    printed_at: &printed_at,
                    link: &link,
                    texts: texts(),
                },
            );
            // The charts count what the charts view counts: the filters alone.
            let filters = Selection {
                entry: None,
                page: 0,
                view: View::List,
                sort: Sort::default(),
                ..sel
            };
            let charts = hits
                .try_with_untracked(|h| {
                    print_charts(
                        &Scope::new(&report, &index, &filters, h),
                        &positions,
                        texts(),
                    )
                })
                .unwrap_or_default();
            *shown.borrow_mut() = insert_document(&document_html(&doc, &charts));
        }
    };
    let render = Rc::new(render);

    {
        let (render, fresh) = (render.clone(), fresh.clone());
        listen(&window(), "beforeprint", move |_: JsValue| {
            if !fresh.get() {
                render();
            }
        });
    }
    {
        let shown = shown.clone();
        listen(&window(), "afterprint", move |_: JsValue| {
            shown.borrow_mut().take();
        });
    }
    // Another report or page: the document goes with the explorer.
    let held = SendWrapper::new(shown.clone());
    on_cleanup(move || {
        held.take().borrow_mut().take();
    });

    let on_click = move |_| {
        render();
        fresh.set(true);
        let _ = window().print();
        fresh.set(false);
    };
    view! {
        <button
            type="button"
            class="link-button print-button"
            data-testid="print"
            aria-label=texts().print.button_label
            on:click=on_click
        >
            {texts().print.button}
        </button>
    }
}

/// Appends a container to `<body>` holding the document's markup (escaped text and the
/// charts' SVG, from `core::print::html`), and marks the root as printing.
fn insert_document(markup: &str) -> Option<Shown> {
    let document = document();
    let container = document.create_element("div").ok()?;
    container.set_class_name(PRINT_CLASS);
    let _ = container.set_attribute("data-testid", "print-document");
    container.set_inner_html(markup);
    document.body()?.append_child(&container).ok()?;
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute(PRINTING_ATTRIBUTE, "");
    }
    Some(Shown { container })
}

/// Now, as the interface language writes a date and time (the browser's `Intl`).
fn printed_at() -> String {
    let locales = js_sys::Array::of1(&JsValue::from_str(&interface_locale()));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    let format = js_sys::Intl::DateTimeFormat::new(&locales, &options).format();
    format
        .call1(&JsValue::NULL, &js_sys::Date::new_0())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| String::from(js_sys::Date::new_0().to_iso_string()))
}

/// The page's `<html lang>` when it is a well-formed language tag (`Intl` throws on others),
/// else `en`.
fn interface_locale() -> String {
    let lang = document()
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    let mut parts = lang.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    let rest_ok =
        parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if first_ok && rest_ok {
        lang
    } else {
        "en".to_owned()
    }
}
