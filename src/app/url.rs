//! URL state glue: reads the selection through leptos_router's query map and writes it back by navigation.

use crate::core::query::{Index, Selection};
use crate::core::source::{ResolvedUrl, UrlResolver};
use crate::core::url_state::{decode_in, encode};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use std::sync::Arc;

/// The selection as read from the URL, with notices for ignored values.
pub fn use_selection(index: Arc<Index>) -> Memo<(Selection, Vec<String>)> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| decode_in(|k| q.get(k), &index, crate::app::i18n::texts())))
}

/// Builds same-page links for a selection, keeping parameters this view does not own
/// (e.g. `data`, `theme`). Called inside a reactive scope, the link tracks the query it
/// encodes, so it follows a parameter changed from outside (a parent frame's theme).
pub fn use_link() -> Callback<Selection, String> {
    let query = use_query_map();
    let location = use_location();
    Callback::new(move |sel: Selection| {
        let mut params: ParamsMap = query.get();
        for (key, value) in encode(&sel) {
            params.remove(key);
            if let Some(v) = value {
                params.insert(key, v);
            }
        }
        format!(
            "{}{}",
            location.pathname.get_untracked(),
            params.to_query_string()
        )
    })
}

/// Navigates to a selection: a new history step, or replacing the current one.
pub fn use_apply() -> Callback<(Selection, bool)> {
    let link = use_link();
    let navigate = use_navigate();
    Callback::new(move |(sel, replace): (Selection, bool)| {
        navigate(
            &link.run(sel),
            NavigateOptions {
                resolve: false,
                replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    })
}

/// The browser's URL parser, resolving against the document's base URL as `fetch` does.
pub struct BrowserUrl;

impl UrlResolver for BrowserUrl {
    fn resolve(&self, reference: &str) -> Option<ResolvedUrl> {
        let base = document().base_uri().ok().flatten()?;
        let url = web_sys::Url::new_with_base(reference, &base).ok()?;
        Some(ResolvedUrl {
            href: url.href(),
            origin: url.origin(),
        })
    }

    fn page_origin(&self) -> String {
        window().location().origin().unwrap_or_default()
    }
}
