//! Light and dark theme: `?theme=auto|light|dark`, applied as `data-theme` on the root element.

use crate::app::listen::listen;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

pub use crate::core::config::ThemeChoice;

/// Whether the page is dark right now, shared with the charts (they redraw on change).
#[derive(Clone, Copy)]
pub struct ThemeContext {
    /// True when the dark palette is in use.
    pub dark: Memo<bool>,
}

/// Reads the theme from the URL and the system, applies it to `<html data-theme>`,
/// and provides [`ThemeContext`]. Call once inside the router.
pub fn provide_theme(fallback: Signal<ThemeChoice>) -> ThemeContext {
    let query = use_query_map();
    let choice = Memo::new(move |_| {
        query
            .with(|q| q.get("theme").and_then(|t| ThemeChoice::parse(&t)))
            .unwrap_or_else(|| fallback.get())
    });
    let system_dark = RwSignal::new(false);
    if let Some(mql) = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
    {
        system_dark.set(mql.matches());
        listen(&mql, "change", move |e: web_sys::MediaQueryListEvent| {
            system_dark.set(e.matches())
        });
    }
    let dark = Memo::new(move |_| match choice.get() {
        ThemeChoice::Auto => system_dark.get(),
        ThemeChoice::Light => false,
        ThemeChoice::Dark => true,
    });
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let value = if dark.get() { "dark" } else { "light" };
            let _ = root.set_attribute("data-theme", value);
        }
    });
    let ctx = ThemeContext { dark };
    provide_context(ctx);
    ctx
}
