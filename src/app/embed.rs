//! Embedding in another page's iframe: posts the content height to allowed parent origins and acts on their messages.
//!
//! Every decision (message shapes, allowed origins, targets, answers) is made
//! by `crate::core::embed`; this module only talks to the browser.

use crate::app::fetch::Indexed;
use crate::app::listen::{listen, observe_resize};
use crate::core::config::{origin_of_url, Config};
use crate::core::embed::{
    filter_updates, height_message, height_targets, origin_allowed, parse_message, state_message,
    Ignored, Inbound, MAX_MESSAGE_LEN, STATE,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use serde_json::{json, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::js_sys;

/// URL parameter changes: each key set to a value, or removed (`None`).
pub type QueryUpdates = Vec<(&'static str, Option<String>)>;

/// Changes URL parameters by navigation, keeping every other parameter; the
/// flag replaces the current history entry instead of adding one.
pub fn use_update_query() -> Callback<(QueryUpdates, bool)> {
    let query = use_query_map();
    let location = use_location();
    let navigate = use_navigate();
    Callback::new(move |(updates, replace): (QueryUpdates, bool)| {
        let mut params: ParamsMap = query.get_untracked();
        for (key, value) in updates {
            params.remove(key);
            if let Some(v) = value {
                params.insert(key, v);
            }
        }
        let href = format!(
            "{}{}",
            location.pathname.get_untracked(),
            params.to_query_string()
        );
        navigate(
            &href,
            NavigateOptions {
                resolve: false,
                replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    })
}

/// The parent window when the page is framed, else `None`.
fn framed_parent() -> Option<web_sys::Window> {
    let own = window();
    let parent = own.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &own)).then_some(parent)
}

/// The parent page's origin as far as the browser tells (`ancestorOrigins`, else the referrer).
fn parent_origin_hint() -> Option<String> {
    // `location.ancestorOrigins` (not in every browser, nor in web-sys).
    let from_ancestors = js_sys::Reflect::get(&window().location(), &"ancestorOrigins".into())
        .ok()
        .filter(|list| list.is_object())
        .and_then(|list| js_sys::Reflect::get(&list, &0.into()).ok())
        .and_then(|first| first.as_string());
    from_ancestors
        .and_then(|o| origin_of_url(&o))
        .or_else(|| origin_of_url(&document().referrer()))
}

fn to_js(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}

struct Embedder {
    allowed: Vec<String>,
    parent_origin: RefCell<Option<String>>,
    last_height: Cell<u32>,
    root: NodeRef<leptos::html::Main>,
}

impl Embedder {
    /// Posts the content height when it changed (or always, when `force`).
    fn post_height(&self, force: bool) {
        let (Some(parent), Some(root)) = (framed_parent(), self.root.get_untracked()) else {
            return;
        };
        let bottom = root.get_bounding_client_rect().bottom() + window().scroll_y().unwrap_or(0.0);
        let message = height_message(bottom);
        let height = message["height"].as_u64().unwrap_or(0) as u32;
        if height == 0 || (!force && height == self.last_height.get()) {
            return;
        }
        self.last_height.set(height);
        let data = to_js(&message);
        for target in height_targets(self.parent_origin.borrow().as_deref(), &self.allowed) {
            let _ = parent.post_message(&data, &target);
        }
    }
}

/// When framed by a page whose origin `allowed_parent_origins` lists: posts the
/// height of `root` whenever it changes, and acts on the parent's messages.
/// Does nothing when the page is not framed or no parent origin is allowed.
pub fn start_embedding(
    config: &Config,
    root: NodeRef<leptos::html::Main>,
    report: RwSignal<Option<Indexed>>,
) {
    if config.allowed_parent_origins.is_empty() || framed_parent().is_none() {
        return;
    }
    let embedder = Rc::new(Embedder {
        allowed: config.allowed_parent_origins.clone(),
        parent_origin: RefCell::new(parent_origin_hint()),
        last_height: Cell::new(0),
        root,
    });
    let update = use_update_query();
    let query = use_query_map();

    // Height: observe the app root once it is in the document.
    {
        let embedder = embedder.clone();
        // Observed while the app is mounted; a new root element gets a new observer.
        Effect::new(move |_| {
            if let Some(element) = root.get() {
                let embedder = embedder.clone();
                observe_resize(&element, move |_| embedder.post_height(false));
            }
        });
    }

    // Messages: allowed origin, from the parent window, with a valid shape.
    listen(&window(), "message", move |event: web_sys::MessageEvent| {
        let origin = event.origin();
        if !origin_allowed(&origin, &embedder.allowed) {
            return;
        }
        let Some(parent) = framed_parent() else {
            return;
        };
        if !event
            .source()
            .is_some_and(|s| js_sys::Object::is(&s, &parent))
        {
            return;
        }
        let Some(text) = js_sys::JSON::stringify(&event.data())
            .ok()
            .and_then(|s| s.as_string())
            .filter(|t| t.len() <= MAX_MESSAGE_LEN)
        else {
            return;
        };
        let Ok(value) = serde_json::from_str::<Value>(&text) else {
            return;
        };
        let message = match parse_message(&value) {
            Ok(message) => message,
            Err(Ignored::NotOurs) => return,
            Err(Ignored::Invalid(why)) => {
                web_sys::console::warn_1(
                    &format!("Report Explorer ignored a message from {origin}: {why}").into(),
                );
                return;
            }
        };
        *embedder.parent_origin.borrow_mut() = Some(origin.clone());
        match message {
            Inbound::SetFilters(filters) => update.run((filter_updates(&filters), true)),
            Inbound::SetTheme(theme) => {
                update.run((vec![("theme", Some(theme.token().to_owned()))], true))
            }
            Inbound::GetState => {
                let query_string = window().location().search().unwrap_or_default();
                let answer = match report.get_untracked() {
                    Some(shown) => {
                        let params = query.get_untracked();
                        state_message(&query_string, |k| params.get(k), &shown.index)
                    }
                    None => {
                        json!({ "type": STATE, "query": query_string, "filters": null, "entries": null })
                    }
                };
                let _ = parent.post_message(&to_js(&answer), &origin);
            }
        }
        embedder.post_height(true);
    });
}
