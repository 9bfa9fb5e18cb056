//! The Leptos view: components, URL state and network I/O. All logic lives in `crate::core`.

pub mod catalogue;
pub mod chart_backend;
pub mod charts;
pub mod compare;
pub mod config;
pub mod crash;
pub mod download;
pub mod embed;
pub mod entry_card;
pub mod entry_detail;
pub mod error_view;
pub mod explorer;
pub mod facets;
pub mod fetch;
pub mod highlight;
pub mod i18n;
pub mod lang;
pub mod listen;
pub mod print;
pub mod reading;
pub mod report_view;
pub mod resize;
pub mod results;
pub mod theme;
pub mod timeline;
pub mod transfer;
pub mod trends;
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

/// What the URL asks to show: one data file, or reports chosen from the catalogue.
#[derive(Clone, Debug, PartialEq)]
enum Wanted {
    /// One file (`?data=`, `?dataset=`, or the configuration's), or why it cannot be loaded.
    File(Result<String, crate::core::source::LoadFailure>),
    /// The `?reports=` value.
    Reports(String),
}

/// Mounts the app into `<body>`; called by `main`.
pub fn mount() {
    crash::install_panic_hook();
    leptos::mount::mount_to_body(App);
}

/// The loading state, while the configuration or the report is fetched.
fn loading() -> impl IntoView {
    view! {
        <p class="loading" data-testid="loading" role="status">
            {i18n::texts().app.loading}
        </p>
    }
}

/// The loading state with a progress bar: bytes read of the total, then entries checked
/// and indexed.
fn loading_with_progress(
    progress: RwSignal<fetch::Progress>,
    batch: RwSignal<Option<String>>,
) -> impl IntoView {
    let fraction = Memo::new(move |_| progress.get().fraction());
    let t = i18n::texts();
    view! {
        <div class="loading" data-testid="loading" aria-busy="true">
            {move || batch.get().map(|b| view! { <p class="load-batch" data-testid="load-batch">{b}</p> })}
            <p role="status" data-testid="load-status">{move || progress.get().label_in(t)}</p>
            <progress
                data-testid="load-progress"
                aria-label=t.app.loading_progress
                max=move || fraction.get().map_or(1.0, |f| f.1)
                value=move || fraction.get().map(|f| f.0)
            ></progress>
        </div>
    }
}

/// The whole app: reads the host's optional `config.json`, then the router
/// (for URL state) around the explorer.
#[component]
pub fn App() -> impl IntoView {
    let config = LocalResource::new(config::fetch_config);
    // Not a <Suspense>: it may run its children more than once, and the explorer (which
    // starts the report's load) must be created exactly once.
    let ready = Memo::new(move |_| config.with(Option::is_some));
    // Until the configuration is read, the loading state speaks the URL's or the browser's language.
    let early = crate::core::i18n::choose(
        i18n::url_lang().as_deref(),
        None,
        &i18n::browser_languages(),
    )
    .0;
    i18n::provide_ui_lang(Signal::stored(early));
    view! {
        <Router>
            {move || match ready.get().then(|| config.get_untracked()).flatten() {
                Some(config) => view! { <Explorer config/> }.into_any(),
                None => view! { <main class="app">{loading()}</main> }.into_any(),
            }}
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
    let choice = {
        let configured = config.language.clone();
        let browser = i18n::browser_languages();
        Memo::new(move |_| {
            query.with(|q| {
                crate::core::i18n::choose(q.get_str("lang"), configured.as_deref(), &browser)
            })
        })
    };
    let ui_lang = Memo::new(move |_| choice.with(|c| c.0));
    i18n::provide_ui_lang(ui_lang.into());
    let lang_notice = Signal::derive(move || choice.with(|c| c.1.clone()));
    let embed_default = config.embed;
    let embed = Memo::new(move |_| query.with(|q| embed_mode(q.get_str("embed"), embed_default)));
    config::apply_embed(embed);
    config::apply_default_filters(&config);
    let root = NodeRef::<leptos::html::Main>::new();
    let shown = RwSignal::new(None::<fetch::Indexed>);
    embed::start_embedding(&config, root, shown);
    // `?data=` loads one file; else `?reports=` the chosen reports of the catalogue; else the
    // dataset `?dataset=` or the configuration names.
    let path = {
        let config = config.clone();
        Memo::new(move |_| {
            query.with(|q| {
                let data = q.get_str("data").filter(|d| !d.trim().is_empty());
                match q.get_str("reports").filter(|r| !r.trim().is_empty()) {
                    Some(ids) if data.is_none() => Wanted::Reports(ids.to_owned()),
                    _ => Wanted::File(resolve_data(
                        q.get_str("data"),
                        q.get_str("dataset"),
                        &config,
                        &url::BrowserUrl,
                    )),
                }
            })
        })
    };
    let catalogue_path = catalogue::catalogue_path(&config);
    {
        let catalogue_path = catalogue_path.clone();
        provide_context(DataUrl(Signal::derive(move || {
            path.with(|p| match p {
                Wanted::File(file) => file.clone().unwrap_or_default(),
                Wanted::Reports(_) => catalogue_path.clone(),
            })
        })));
    }
    let limit = config.max_data_bytes();
    let stall_seconds = config.fetch_timeout_seconds();
    let allowed_origins = Arc::new(config.allowed_data_origins.clone());
    let progress = RwSignal::new(fetch::Progress::Idle);
    let batch = RwSignal::new(None::<String>);
    // Each load gets a number; a newer load (another dataset, a retry) cancels older ones.
    let generation = StoredValue::new(0u64);
    // Set by "Try again": that load bypasses the browser's cache, so it neither gets a stored
    // answer back nor waits behind a request that never finished (a stalled preload).
    let retrying = StoredValue::new(false);
    let report = LocalResource::new(move || {
        let path = path.get();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        let fresh = retrying.get_value();
        retrying.set_value(false);
        progress.set(fetch::Progress::Requesting);
        let allowed_origins = allowed_origins.clone();
        let catalogue_path = catalogue_path.clone();
        batch.set(None);
        async move {
            let current = move || generation.try_get_value() == Some(mine);
            let outcome = match path {
                Wanted::Reports(ids) => {
                    let limits = catalogue::Limits {
                        limit,
                        stall_seconds,
                        allowed_origins: &allowed_origins,
                        fresh,
                    };
                    catalogue::fetch_chosen(&catalogue_path, &ids, limits, progress, batch, current)
                        .await
                }
                Wanted::File(Ok(url)) => {
                    fetch::fetch_report(
                        &url,
                        limit,
                        stall_seconds,
                        &allowed_origins,
                        fresh,
                        progress,
                        current,
                    )
                    .await
                }
                Wanted::File(Err(failure)) => Err(failure),
            };
            if current() {
                progress.set(fetch::Progress::Idle);
            }
            outcome
        }
    });
    // The shown outcome changes only when a load ends, so the report view is built once per load.
    let outcome = Memo::new(move |_| report.get());
    let busy = Memo::new(move |_| progress.get() != fetch::Progress::Idle);
    let retry = move || {
        retrying.set_value(true);
        report.refetch();
    };

    view! {
        <main class="app" class:embed=embed node_ref=root>
            // A change of language rebuilds what is below from the data already loaded.
            {move || {
                ui_lang.track();
                let config = config.clone();
                view! {
                    <i18n::LanguagePicker notice=lang_notice/>
                    <config::ConfigProblems problems=config_problems.clone()/>
                    <catalogue::CataloguePicker config=config.clone()/>
                    <config::DatasetPicker config/>
                }
            }}
            <Show when=move || busy.get()>{move || { ui_lang.track(); loading_with_progress(progress, batch) }}</Show>
            <div class="loaded" class:hidden=move || busy.get()>
                {move || {
                    ui_lang.track();
                    outcome.get()
                }
                .map(|outcome| match outcome {
                    Ok(indexed) => {
                        shown.set(Some(indexed.clone()));
                        view! { <ReportView indexed/> }.into_any()
                    }
                    Err(failure) => {
                        shown.set(None);
                        view! { <ErrorView failure on_retry=retry/> }.into_any()
                    }
                })}
            </div>
        </main>
    }
}
