//! The load pipeline: fetches a report file through `transfer` (progress, size limit, stall
//! timeout, specific failures), then loads and indexes it in short time slices so the page
//! never freezes. A newer load cancels an older one.

use crate::app::transfer::Transfer;
use crate::core::load::{LoadError, Loaded, Loader};
use crate::core::model::Report;
use crate::core::problem::Problem;
pub use crate::core::progress::Progress;
use crate::core::query::{Index, IndexBuilder};
use crate::core::source::LoadFailure;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Longest stretch of work between two yields to the browser, in milliseconds: short enough
/// for input to be handled within two frames even on a busy machine.
const SLICE_MS: f64 = 25.0;
/// Bytes of text split or validated per loader step (a step is checked against the clock).
const LOAD_STEP_BYTES: usize = 32 * 1024;
/// Entries indexed per index step.
const INDEX_STEP_ENTRIES: usize = 200;

/// A report ready to explore: the model, its index (built once, shared by every view and
/// the embedding code) and the problems found while loading.
#[derive(Clone)]
pub struct Indexed {
    /// The validated report.
    pub report: Arc<Report>,
    /// Its query index.
    pub index: Arc<Index>,
    /// Warnings and skipped items.
    pub problems: Arc<Vec<Problem>>,
    /// The data file of each problem, when the report merges several files (else every
    /// problem is the one data file's).
    pub problem_files: Option<Arc<Vec<String>>>,
}

impl PartialEq for Indexed {
    /// The same load: one report is never loaded into two `Indexed`.
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.report, &other.report)
    }
}

/// Milliseconds on the page's clock.
fn now() -> f64 {
    web_sys::js_sys::Date::now()
}

/// Lets the browser handle input and paint before the next slice of work. A message to
/// itself is used rather than a timer, which browsers delay by 4 ms once timers nest.
async fn yield_to_browser() {
    // Held until the message arrives, so the channel cannot be collected before.
    let channel = web_sys::MessageChannel::new().ok();
    let promise = web_sys::js_sys::Promise::new(&mut |resolve, _| match &channel {
        Some(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&JsValue::NULL);
        }
        None => {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        }
    });
    let _ = JsFuture::from(promise).await;
    if let Some(channel) = channel {
        channel.port1().set_onmessage(None);
    }
}

/// Fetches `url` (relative to the page), refusing files over `limit` bytes and giving up
/// after `stall_seconds` with nothing received, then loads and indexes it. `allowed_origins`
/// are the other origins a redirect may lead to; `fresh` bypasses the browser's cache (a
/// retry). `progress` follows every phase; `current`
/// says whether this load is still wanted (when it turns false the request is aborted and
/// the load stops).
pub async fn fetch_report(
    url: &str,
    limit: u64,
    stall_seconds: u32,
    allowed_origins: &[String],
    fresh: bool,
    progress: RwSignal<Progress>,
    current: impl Fn() -> bool,
) -> Result<Indexed, LoadFailure> {
    let transfer = Transfer {
        url,
        limit,
        stall_seconds,
        allowed_origins,
        fresh,
    };
    let loaded = fetch_loaded(&transfer, progress, &current).await?;
    let indexed = index_report(loaded.report, loaded.problems, None, progress, &current).await?;
    progress.set(Progress::Idle);
    Ok(indexed)
}

/// The failure of a load that a newer one replaced.
pub fn cancelled(url: &str) -> LoadFailure {
    LoadFailure::Network {
        url: url.to_owned(),
        message: "the load was replaced by another one".to_owned(),
    }
}

/// Reads one report file through `transfer` and validates it in short slices: the model and
/// its problems, placed at their lines and columns.
pub async fn fetch_loaded(
    transfer: &Transfer<'_>,
    progress: RwSignal<Progress>,
    current: &dyn Fn() -> bool,
) -> Result<Loaded, LoadFailure> {
    let url = transfer.url;
    progress.set(Progress::Requesting);
    let bytes = transfer
        .read(
            &|read, total| progress.set(Progress::Reading(read, total)),
            current,
        )
        .await?;
    yield_to_browser().await;

    let load_failure = |error: LoadError| LoadFailure::Load {
        url: url.to_owned(),
        error,
    };
    // A report that is not valid: its problems placed at their lines and columns.
    let placed = |text: &str, error: LoadError| match error {
        LoadError::Invalid(mut problems) => {
            crate::core::locate::place(text, &mut problems);
            load_failure(LoadError::Invalid(problems))
        }
        error => load_failure(error),
    };
    // UTF-8 text (a byte order mark is dropped), or a specific message for other bytes.
    let json = crate::core::load::decode(&bytes).map_err(load_failure)?;

    let mut loader = Loader::new(json);
    let loaded = 'load: loop {
        let started = now();
        while now() - started < SLICE_MS {
            let step = loader.step(json, LOAD_STEP_BYTES);
            if let Some(loaded) = step.map_err(|e| placed(json, e))? {
                break 'load loaded;
            }
        }
        let p = loader.progress();
        progress.set(match p.entries_total {
            None => Progress::Splitting(p.bytes_split, p.bytes_total),
            Some(total) => Progress::Validating(p.entries_done, total),
        });
        yield_to_browser().await;
        if !current() {
            return Err(cancelled(url));
        }
    };
    let mut loaded = loaded;
    crate::core::locate::place(json, &mut loaded.problems);
    Ok(loaded)
}

/// Indexes a validated report in short slices. `problem_files` names the file of each
/// problem when the report merges several files.
pub async fn index_report(
    report: Report,
    problems: Vec<Problem>,
    problem_files: Option<Vec<String>>,
    progress: RwSignal<Progress>,
    current: &dyn Fn() -> bool,
) -> Result<Indexed, LoadFailure> {
    let report = Arc::new(report);
    let mut builder = IndexBuilder::new(&report);
    let total = report.entries.len();
    'index: loop {
        let started = now();
        while now() - started < SLICE_MS {
            if builder.step(&report, INDEX_STEP_ENTRIES) {
                break 'index;
            }
        }
        progress.set(Progress::Indexing(builder.done(), total));
        yield_to_browser().await;
        if !current() {
            return Err(cancelled(""));
        }
    }
    Ok(Indexed {
        report,
        index: Arc::new(builder.finish()),
        problems: Arc::new(problems),
        problem_files: problem_files.map(Arc::new),
    })
}
