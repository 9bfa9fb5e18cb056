//! Helpers shared by the browser component tests: containers, queries, real events, waiting
//! for the view to update, and mounting a report under a router.
#![allow(dead_code)]

use leptos::prelude::*;
use leptos_router::components::Router;
use report_explorer::app::fetch::Indexed;
use report_explorer::app::ReportView;
use report_explorer::core::load::load_report;
use report_explorer::core::query::Index;
use std::any::Any;
use std::cell::RefCell;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Array, Function, Object, Promise, Reflect};

/// Animation frames [`until`] waits at most (about 3 s at 60 frames a second).
const MAX_FRAMES: usize = 180;

/// The test page's document.
pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh container in the test page.
pub fn container() -> web_sys::HtmlElement {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// Every element under `root` matching `selector`, in document order.
pub fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// The one element under `root` matching `selector`, as `T`; panics when there is none.
pub fn find<T: JsCast>(root: &web_sys::Element, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

/// The text of the element under `root` matching `selector`.
pub fn text(root: &web_sys::Element, selector: &str) -> String {
    find::<web_sys::Element>(root, selector)
        .text_content()
        .unwrap_or_default()
}

/// The focused element (`document.activeElement`).
pub fn active() -> Option<web_sys::Element> {
    document().active_element()
}

/// A short description of an element for failure messages: tag, id, label and text.
pub fn describe(el: Option<&web_sys::Element>) -> String {
    let Some(el) = el else {
        return "nothing".into();
    };
    let attr = |name: &str| el.get_attribute(name).unwrap_or_default();
    let text: String = el
        .text_content()
        .unwrap_or_default()
        .chars()
        .take(60)
        .collect();
    format!(
        "<{} id={:?} aria-label={:?} data-token={:?}> {text:?}",
        el.tag_name().to_lowercase(),
        attr("id"),
        attr("aria-label"),
        attr("data-token"),
    )
}

/// Whether `el` is the focused element.
pub fn has_focus(el: &web_sys::Element) -> bool {
    active().is_some_and(|a| a.is_same_node(Some(el)))
}

/// Dispatches a bubbling event of type `kind` (`input`, `change`, ...) at `target`, as the
/// browser does when a person edits a control.
pub fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = Object::new();
    Reflect::set(&init, &"bubbles".into(), &JsValue::TRUE).unwrap();
    let constructor = Reflect::get(&web_sys::js_sys::global(), &"Event".into()).unwrap();
    let args = Array::of2(&kind.into(), &init);
    let event: web_sys::Event = Reflect::construct(constructor.unchecked_ref::<Function>(), &args)
        .unwrap()
        .unchecked_into();
    target.dispatch_event(&event).unwrap();
}

/// Waits one animation frame: every reactive update queued before it (they run as
/// microtasks) has reached the DOM.
pub async fn tick() {
    let promise = Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits frame by frame until `done` holds; panics naming `what` if it never does.
pub async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..MAX_FRAMES {
        if done() {
            return;
        }
        tick().await;
    }
    panic!("timed out waiting for {what}");
}

/// The test page's address query (`?sub=…`), or `""`.
pub fn url_query() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

/// Puts the test page back at its address without a query, so one test's URL state never
/// reaches the next.
pub fn reset_url() {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&path))
        .unwrap();
}

/// Loads `json` (it must load) and indexes it, as the app does after a fetch.
pub fn indexed(json: &str) -> Indexed {
    let loaded = load_report(json).unwrap();
    let report = Arc::new(loaded.report);
    Indexed {
        index: Arc::new(Index::new(&report)),
        report,
        problems: Arc::new(loaded.problems),
        problem_files: None,
    }
}

/// A mounted view: its container, the owner it was mounted under and its unmount handle.
struct Live {
    root: web_sys::HtmlElement,
    owner: Owner,
    handle: Box<dyn Any>,
}

thread_local! {
    /// The mounted report view, until its test ends.
    static MOUNTED: RefCell<Option<Live>> = const { RefCell::new(None) };
}

/// A report view mounted in its own container under a router; dropping it unmounts the
/// view (and its router's document listeners), removes the container and clears the
/// address query.
pub struct Mounted {
    /// The container the view is mounted in.
    pub root: web_sys::HtmlElement,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        unmount();
    }
}

/// Unmounts the mounted view, if any, and clears the address query.
fn unmount() {
    if let Some(Live {
        root,
        owner,
        handle,
    }) = MOUNTED.with(|m| m.borrow_mut().take())
    {
        drop(handle);
        // Dropping the handle alone may leave the view's owner alive (something still holds
        // it), and with it the router's document listeners; cleaning up its parent ends them.
        owner.cleanup();
        root.remove();
    }
    reset_url();
}

/// Mounts the report view of `json` at an address without a query, the way the app does.
/// A view a failed test left behind (a panic skips `Drop`) is unmounted first, so its
/// router cannot take this test's link clicks.
pub fn mount_report(json: &str) -> Mounted {
    mount_indexed(indexed(json))
}

/// Mounts the report view of an already loaded report (several reports merged, say), as
/// [`mount_report`] does.
pub fn mount_indexed(indexed: Indexed) -> Mounted {
    mount_indexed_in(indexed, report_explorer::core::i18n::Lang::En)
}

/// [`mount_indexed`] with `lang` the interface language.
pub fn mount_indexed_in(indexed: Indexed, lang: report_explorer::core::i18n::Lang) -> Mounted {
    unmount();
    let root = container();
    let owner = Owner::new();
    let handle = owner.with(|| {
        leptos::mount::mount_to(root.clone(), move || {
            report_explorer::app::i18n::provide_ui_lang(Signal::stored(lang));
            view! {
                <Router>
                    <ReportView indexed/>
                </Router>
            }
        })
    });
    MOUNTED.with(|m| {
        *m.borrow_mut() = Some(Live {
            root: root.clone(),
            owner,
            handle: Box::new(handle),
        })
    });
    Mounted { root }
}
