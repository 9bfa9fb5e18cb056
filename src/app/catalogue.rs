//! Several reports from the catalogue: fetching the catalogue and the chosen reports (one after another, with progress), merging them, and the report chooser.

use crate::app::embed::use_update_query;
use crate::app::fetch::{cancelled, fetch_loaded, index_report, Indexed, Progress};
use crate::app::transfer::Transfer;
use crate::app::url::BrowserUrl;
use crate::core::catalogue::{load_catalogue_for, Catalogue, CatalogueError};
use crate::core::config::Config;
use crate::core::editions::merge;
use crate::core::load::LoadError;
use crate::core::problem::Problem;
use crate::core::progress::batch_label;
use crate::core::source::LoadFailure;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

/// Where the catalogue is read from when `config.json` does not say.
pub const DEFAULT_CATALOGUE_PATH: &str = "catalogue.json";

/// Reports shown in the chooser; a larger catalogue is listed up to this many, with a note.
const MAX_LISTED_REPORTS: usize = 200;

/// The catalogue's address: `config.json`'s `catalogue`, else `catalogue.json`.
pub fn catalogue_path(config: &Config) -> String {
    config
        .catalogue
        .clone()
        .unwrap_or_else(|| DEFAULT_CATALOGUE_PATH.to_owned())
}

/// How a load is going, for the limits every read shares.
pub struct Limits<'a> {
    /// The largest file read, in bytes.
    pub limit: u64,
    /// Seconds with no data before a read is given up.
    pub stall_seconds: u32,
    /// Other origins files may come from.
    pub allowed_origins: &'a [String],
    /// Whether to bypass the browser's cache (a retry).
    pub fresh: bool,
}

/// Reads and validates the catalogue at `path`.
pub async fn fetch_catalogue(
    path: &str,
    limits: &Limits<'_>,
    current: &dyn Fn() -> bool,
) -> Result<Catalogue, LoadFailure> {
    let transfer = Transfer {
        url: path,
        limit: limits.limit,
        stall_seconds: limits.stall_seconds,
        allowed_origins: limits.allowed_origins,
        fresh: limits.fresh,
    };
    let bytes = transfer.read(&|_, _| {}, current).await?;
    let failure = |error: LoadError| LoadFailure::Load {
        url: path.to_owned(),
        error,
    };
    let text = crate::core::load::decode(&bytes).map_err(failure)?;
    load_catalogue_for(text, limits.allowed_origins, &BrowserUrl).map_err(|error| {
        failure(match error {
            CatalogueError::Syntax {
                line,
                column,
                message,
            } => LoadError::Syntax {
                line,
                column,
                message,
            },
            CatalogueError::Invalid(problems) => LoadError::Invalid(problems),
        })
    })
}

/// Loads the reports `ids` (a `?reports=` value) names from the catalogue at
/// `catalogue_path`, one after another, and merges them into one indexed report. A report
/// that cannot be loaded is left out with a problem naming why; the load fails only when
/// none can be shown. `batch` names the report being read.
pub async fn fetch_chosen(
    catalogue_path: &str,
    ids: &str,
    limits: Limits<'_>,
    progress: RwSignal<Progress>,
    batch: RwSignal<Option<String>>,
    current: impl Fn() -> bool,
) -> Result<Indexed, LoadFailure> {
    progress.set(Progress::Requesting);
    let catalogue = fetch_catalogue(catalogue_path, &limits, &current).await?;
    let mut problems: Vec<(String, Problem)> = catalogue
        .problems()
        .iter()
        .map(|p| (catalogue_path.to_owned(), p.clone()))
        .collect();
    let (chosen, notices) = catalogue.choose(ids);
    for notice in notices {
        problems.push((
            catalogue_path.to_owned(),
            Problem::warning("reports", notice),
        ));
    }
    if chosen.is_empty() {
        return Err(LoadFailure::BadPath {
            path: ids.to_owned(),
            reason: format!("`?reports=` names no report of the catalogue `{catalogue_path}`"),
        });
    }
    let total = chosen.len();
    let mut parts = Vec::with_capacity(total);
    let mut first_failure = None;
    for (done, entry) in chosen.into_iter().enumerate() {
        batch.set(Some(batch_label(done, total, &entry.title)));
        let transfer = Transfer {
            url: &entry.path,
            limit: limits.limit,
            stall_seconds: limits.stall_seconds,
            allowed_origins: limits.allowed_origins,
            fresh: limits.fresh,
        };
        match fetch_loaded(&transfer, progress, &current).await {
            Ok(loaded) => parts.push((entry.clone(), loaded.report, loaded.problems)),
            Err(_) if !current() => return Err(cancelled(&entry.path)),
            Err(failure) => {
                problems.push((
                    entry.path.clone(),
                    Problem::error(
                        "$",
                        format!("the report `{}` is not shown: {failure}", entry.id),
                    ),
                ));
                first_failure.get_or_insert(failure);
            }
        }
    }
    batch.set(None);
    let Some((report, merged_problems)) = merge(parts) else {
        return Err(first_failure.unwrap_or_else(|| cancelled(catalogue_path)));
    };
    for p in merged_problems {
        let file = report.editions[p.edition].path.clone();
        problems.push((file, p.problem));
    }
    let (files, problems): (Vec<String>, Vec<Problem>) = problems.into_iter().unzip();
    index_report(report, problems, Some(files), progress, &current).await
}

/// The report chooser: the catalogue's reports by organisation, newest first, with the
/// current choice ticked; "Show" puts the choice in the URL (`?reports=`). The catalogue is
/// read when the chooser is first opened.
#[component]
pub fn CataloguePicker(
    /// The configuration (where the catalogue is, the limits of a read).
    config: Arc<Config>,
) -> impl IntoView {
    let query = use_query_map();
    let in_url =
        Memo::new(move |_| query.with(|q| q.get("reports").filter(|r| !r.trim().is_empty())));
    if config.catalogue.is_none() && in_url.get_untracked().is_none() {
        return None;
    }
    let update = use_update_query();
    let path = catalogue_path(&config);
    let opened = RwSignal::new(false);
    let catalogue = {
        let config = config.clone();
        let path = path.clone();
        LocalResource::new(move || {
            let wanted = opened.get();
            let config = config.clone();
            let path = path.clone();
            async move {
                if !wanted {
                    return None;
                }
                let limits = Limits {
                    limit: config.max_data_bytes(),
                    stall_seconds: config.fetch_timeout_seconds(),
                    allowed_origins: &config.allowed_data_origins,
                    fresh: false,
                };
                Some(fetch_catalogue(&path, &limits, &|| true).await)
            }
        })
    };
    let ticked = RwSignal::new(Vec::<String>::new());
    // The choice in the URL is what is ticked when the chooser opens.
    let reset = move || {
        let ids = in_url
            .get_untracked()
            .map(|r| {
                r.split(',')
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        ticked.set(ids);
    };
    let show = move |_| {
        let ids = ticked.get_untracked().join(",");
        if ids.is_empty() {
            return;
        }
        let mut updates = vec![
            ("reports", Some(ids)),
            ("data", None),
            ("dataset", None),
            ("entry", None),
            ("report", None),
            ("page", None),
        ];
        updates.extend(["sub", "cat", "kind", "year"].map(|k| (k, None)));
        update.run((updates, false));
    };
    let listing = move || {
        catalogue.get().flatten().map(|loaded| match loaded {
            Err(failure) => view! {
                <p class="catalogue-error" data-testid="catalogue-error" role="alert">{failure.to_string()}</p>
            }
            .into_any(),
            Ok(catalogue) => {
                let mut left = MAX_LISTED_REPORTS;
                let listed = catalogue.reports().len().min(MAX_LISTED_REPORTS);
                let more = catalogue.reports().len() - listed;
                let groups = catalogue
                    .by_organisation()
                    .into_iter()
                    .map(|(organisation, reports)| {
                        let take = reports.len().min(left);
                        left -= take;
                        let newest_language = reports.first().map(|r| r.language.clone());
                        let same_language: Vec<String> = reports
                            .iter()
                            .filter(|r| Some(&r.language) == newest_language.as_ref())
                            .map(|r| r.id.clone())
                            .collect();
                        let every_year = move |_| ticked.set(same_language.clone());
                        let items = reports
                            .into_iter()
                            .take(take)
                            .map(|r| {
                                let id = r.id.clone();
                                let checked = {
                                    let id = id.clone();
                                    move || ticked.with(|t| t.contains(&id))
                                };
                                let toggle = move |_| {
                                    ticked.update(|t| match t.iter().position(|x| *x == id) {
                                        Some(i) => {
                                            t.remove(i);
                                        }
                                        None => t.push(id.clone()),
                                    })
                                };
                                view! {
                                    <li>
                                        <label>
                                            <input
                                                type="checkbox"
                                                data-testid="catalogue-report"
                                                value=r.id.clone()
                                                prop:checked=checked
                                                on:change=toggle
                                            />
                                            <span class="catalogue-period">{r.period_text.clone()}</span>
                                            " "
                                            <bdi lang=r.language.clone()>{r.title.clone()}</bdi>
                                            " "
                                            <span class="catalogue-language">"(" {r.language.clone()} ")"</span>
                                        </label>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <fieldset class="catalogue-organisation">
                                <legend><bdi>{organisation.to_owned()}</bdi></legend>
                                <button type="button" class="catalogue-every-year" on:click=every_year>
                                    "Every year"
                                </button>
                                <ul>{items}</ul>
                            </fieldset>
                        }
                    })
                    .collect_view();
                view! {
                    <div data-testid="catalogue-list">
                        {groups}
                        {(more > 0).then(|| view! { <p>{format!("{more} more reports are not listed.")}</p> })}
                        <button
                            type="button"
                            data-testid="catalogue-show"
                            on:click=show
                            disabled=move || ticked.with(Vec::is_empty)
                        >
                            "Show chosen reports"
                        </button>
                    </div>
                }
                .into_any()
            }
        })
    };
    Some(view! {
        <details
            class="catalogue-picker"
            data-testid="catalogue-picker"
            on:toggle=move |ev| {
                let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                if open {
                    reset();
                }
                opened.set(opened.get_untracked() || open);
            }
        >
            <summary>"Choose reports"</summary>
            {listing}
        </details>
    })
}
