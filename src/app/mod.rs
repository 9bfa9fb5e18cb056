//! The Leptos view: components, URL state and network I/O. All logic lives in `crate::core`.

pub mod chart_backend;
pub mod download;
pub mod entry_card;
pub mod entry_detail;
pub mod error_view;
pub mod explorer;
pub mod facets;
pub mod fetch;
pub mod highlight;
pub mod report_view;
pub mod theme;
pub mod url;

use crate::core::source::data_path;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_query_map;

pub use entry_card::EntryCard;
pub use error_view::ErrorView;
pub use report_view::ReportView;

/// Mounts the app into `<body>`; called by `main`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The whole app: the router (for URL state) around the explorer.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Explorer/>
        </Router>
    }
}

/// Loads the report named by `?data=` (or the default) and shows it, a
/// loading state, or a specific error with a retry button.
#[component]
pub fn Explorer() -> impl IntoView {
    theme::provide_theme(Signal::stored(theme::ThemeChoice::Auto));
    let query = use_query_map();
    let path = Memo::new(move |_| query.with(|q| data_path(q.get_str("data"))));
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
        <main class="app">
            <Suspense fallback=|| {
                view! {
                    <p class="loading" data-testid="loading" role="status">
                        "Loading report…"
                    </p>
                }
            }>
                {move || Suspend::new(async move {
                    match report.await {
                        Ok(loaded) => view! { <ReportView loaded/> }.into_any(),
                        Err(failure) => view! { <ErrorView failure on_retry=retry/> }.into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}
