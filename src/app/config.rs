//! Host configuration in the page: fetches `config.json`, applies its colours, embedded mode and default filters, and shows its problems.

use crate::app::embed::use_update_query;
use crate::app::transfer::Transfer;
use crate::core::config::{
    default_filter_params, parse_config, Config, LoadedConfig, COLOR_NAMES, CONFIG_MAX_BYTES,
    CONFIG_PATH, CONFIG_TIMEOUT_S,
};
use crate::core::format::count_noun;
use crate::core::problem::Problem;
use crate::core::source::LoadFailure;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Fetches `config.json` next to the page. No file (HTTP 404, or an HTML
/// fallback page) means the defaults, silently; anything else that goes wrong
/// (another HTTP error, a stall of [`CONFIG_TIMEOUT_S`], a dropped connection, a redirect
/// to another origin, an empty file) means the defaults plus a problem saying what happened.
pub async fn fetch_config() -> LoadedConfig {
    let transfer = Transfer {
        url: CONFIG_PATH,
        limit: CONFIG_MAX_BYTES,
        stall_seconds: CONFIG_TIMEOUT_S,
        allowed_origins: &[],
        fresh: false,
    };
    let failed = |message: String| LoadedConfig {
        config: Config::default(),
        problems: vec![Problem::error(CONFIG_PATH, message)
            .expected("a readable file, or none (HTTP 404); every setting keeps its default")],
    };
    match transfer.read(&|_, _| {}, &|| true).await {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => parse_config(text.strip_prefix('\u{feff}').unwrap_or(&text)),
            Err(_) => failed("the file is not UTF-8 text".to_owned()),
        },
        // A host that answers every path with the page itself has no config.json.
        Err(LoadFailure::Http { status: 404, .. } | LoadFailure::HtmlPage { .. }) => {
            LoadedConfig::default()
        }
        Err(failure) => failed(failure.detail()),
    }
}

/// Keeps the configured colours on the root element as CSS custom properties
/// (`--accent`, ...): `colors` in the light theme, `dark_colors` in the dark one.
pub fn apply_colors(config: &Config, dark: Memo<bool>) {
    if config.colors.is_empty() && config.dark_colors.is_empty() {
        return;
    }
    let light = config.colors.clone();
    let dark_colors = config.dark_colors.clone();
    Effect::new(move |_| {
        let chosen = if dark.get() { &dark_colors } else { &light };
        let Some(root) = document()
            .document_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let style = root.style();
        for name in COLOR_NAMES {
            let _ = style.remove_property(&format!("--{name}"));
        }
        for (name, value) in chosen {
            let _ = style.set_property(&format!("--{name}"), value);
        }
    });
}

/// Marks embedded mode on the root element (`<html data-embed>`), for the styles in `style/theme.css`.
pub fn apply_embed(embed: Memo<bool>) {
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = if embed.get() {
                root.set_attribute("data-embed", "")
            } else {
                root.remove_attribute("data-embed")
            };
        }
    });
}

/// Applies the configured default filters once, when the page opens with no
/// filter in its URL, by replacing the URL (it stays the single source of truth).
pub fn apply_default_filters(config: &Config) {
    let query = use_query_map();
    let update = use_update_query();
    let updates =
        query.with_untracked(|q| default_filter_params(config, |k| q.get_str(k).is_some()));
    if let Some(updates) = updates {
        // After the first render, when the router is ready to navigate.
        Effect::new(move |done: Option<bool>| {
            if done != Some(true) {
                update.run((updates.clone(), true));
            }
            true
        });
    }
}

/// Lists what is wrong with `config.json`; each affected setting uses its default.
#[component]
pub fn ConfigProblems(
    /// Problems from parsing the configuration.
    problems: Vec<Problem>,
) -> impl IntoView {
    let dismissed = RwSignal::new(false);
    if problems.is_empty() {
        return None;
    }
    let summary = format!(
        "{CONFIG_PATH} has {}; the settings concerned use their defaults.",
        count_noun(problems.len(), "problem", "problems")
    );
    Some(view! {
        <Show when=move || !dismissed.get()>
            <section class="config-problems" data-testid="config-problems" role="alert">
                <p class="config-summary">{summary.clone()}</p>
                <ul>
                    {problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}
                </ul>
                <button type="button" class="link-button" on:click=move |_| dismissed.set(true)>
                    "Dismiss"
                </button>
            </section>
        </Show>
    })
}

/// A dataset switcher, shown when the configuration names two or more datasets.
#[component]
pub fn DatasetPicker(
    /// The configuration.
    config: Arc<Config>,
) -> impl IntoView {
    if config.datasets.len() < 2 {
        return None;
    }
    let query = use_query_map();
    let update = use_update_query();
    let default_id = config
        .default_dataset
        .clone()
        .or_else(|| config.datasets.first().map(|d| d.id.clone()));
    let current = Memo::new(move |_| {
        query.with(|q| match (q.get_str("data"), q.get("dataset")) {
            (Some(d), _) if !d.trim().is_empty() => None,
            (_, Some(id)) if !id.trim().is_empty() => Some(id),
            _ => default_id.clone(),
        })
    });
    let datasets = config.datasets.clone();
    Some(view! {
        <label class="dataset-picker">
            "Dataset "
            <select
                data-testid="dataset"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    let mut updates = vec![("dataset", Some(id)), ("data", None), ("entry", None)];
                    updates.extend(["sub", "cat", "kind", "year", "q"].map(|k| (k, None)));
                    update.run((updates, false));
                }
            >
                {datasets
                    .into_iter()
                    .map(|d| {
                        let id = d.id.clone();
                        view! {
                            <option
                                value=d.id.clone()
                                prop:selected=move || current.with(|c| c.as_deref() == Some(id.as_str()))
                            >
                                {d.label}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    })
}
