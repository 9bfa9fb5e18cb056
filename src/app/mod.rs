//! The Leptos view: components, URL state and network I/O. All logic lives in `crate::core`.

pub mod chart_backend;
pub mod charts;
pub mod config;
pub mod download;
pub mod embed;
pub mod entry_card;
pub mod entry_detail;
pub mod error_view;
pub mod explorer;
pub mod facets;
pub mod fetch;
pub mod highlight;
pub mod report_view;
pub mod resize;
pub mod theme;
pub mod timeline;
pub mod url;

use crate::core::config::{embed_mode, resolve_data, LoadedConfig};
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

pub use entry_card::EntryCard;
pub use error_view::ErrorView;
pub use report_view::ReportView;

/// The address of the data file being shown (for export provenance).
#[derive(Clone, Copy)]
pub struct DataUrl(pub Signal<String>);

/// Mounts the app into `<body>`; called by `main`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The loading state, while the configuration or the report is fetched.
fn loading() -> impl IntoView {
    view! {
        <p class="loading" data-testid="loading" role="status">
            "Loading report…"
        </p>
    }
}

/// The whole app: reads the host's optional `config.json`, then the router
/// (for URL state) around the explorer.
#[component]
pub fn App() -> impl IntoView {
    let config = LocalResource::new(config::fetch_config);
    view! {
        <Router>
            <Suspense fallback=|| view! { <main class="app">{loading()}</main> }>
                {move || Suspend::new(async move {
                    let config = config.await;
                    view! { <Explorer config/> }
                })}
            </Suspense>
        </Router>
    }
}

/// Applies the configuration (theme, colours, embedded mode, default filters,
/// messaging with an allowed parent page), loads the report named by
/// `?data=`, `?dataset=` or the configuration, and shows it, a loading state,
/// or a specific error with a retry button.
#[component]
pub fn Explorer(
    /// The host's configuration and its problems.
    config: LoadedConfig,
) -> impl IntoView {
    let LoadedConfig {
        config,
        problems: config_problems,
    } = config;
    let config = Arc::new(config);
    provide_context(config.clone());
    let theme = theme::provide_theme(Signal::stored(config.theme));
    config::apply_colors(&config, theme.dark);
    let query = use_query_map();
    let embed_default = config.embed;
    let embed = Memo::new(move |_| query.with(|q| embed_mode(q.get_str("embed"), embed_default)));
    config::apply_embed(embed);
    config::apply_default_filters(&config);
    let root = NodeRef::<leptos::html::Main>::new();
    let shown = RwSignal::new(None::<Arc<crate::core::model::Report>>);
    embed::start_embedding(&config, root, shown);
    let path = {
        let config = config.clone();
        Memo::new(move |_| {
            query.with(|q| resolve_data(q.get_str("data"), q.get_str("dataset"), &config))
        })
    };
    provide_context(DataUrl(Signal::derive(move || {
        path.with(|p| p.clone().unwrap_or_default())
    })));
    let report = LocalResource::new(move || {
        let path = path.get();
        async move {
            match path {
                Ok(url) => fetch::fetch_report(&url).await,
                Err(failure) => Err(failure),
            }
        }
    });
    let retry = move || report.refetch();

    view! {
        <main class="app" class:embed=embed node_ref=root>
            <config::ConfigProblems problems=config_problems/>
            <config::DatasetPicker config/>
            <Suspense fallback=loading>
                {move || Suspend::new(async move {
                    match report.await {
                        Ok(loaded) => {
                            shown.set(Some(Arc::new(loaded.report.clone())));
                            view! { <ReportView loaded/> }.into_any()
                        }
                        Err(failure) => {
                            shown.set(None);
                            view! { <ErrorView failure on_retry=retry/> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </main>
    }
}
