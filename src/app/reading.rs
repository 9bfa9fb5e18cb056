//! The Text view: the report's chapter text (`report.text`), fetched when the view opens, with
//! every entry's passage highlighted and linked to its entry; `at=ID` in the URL scrolls to an
//! entry's passage and focuses it. Locating and cutting the text is `core::reading`'s.

use crate::app::i18n::{count, number, texts};
use crate::app::lang::report_lang;
use crate::app::transfer::Transfer;
use crate::app::url::BrowserUrl;
use crate::app::DataUrl;
use crate::core::config::Config;
use crate::core::i18n::fill;
use crate::core::ids::EntryId;
use crate::core::model::Report;
use crate::core::query::{QueryResult, Selection};
use crate::core::reading::{read_entries, text_sources, Reading, Segment, TextSource};
use crate::core::source::{megabytes, text_url};
use crate::core::text::reveal_direction_controls;
use leptos::prelude::*;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

/// Paragraphs shown at a time, so the page stays small however long the text.
const PART_SIZE: usize = 150;

thread_local! {
    /// The last text read (its address and reading), so returning to the view does not
    /// fetch it again.
    static LAST: RefCell<Option<(String, Arc<Reading>)>> = const { RefCell::new(None) };
}

/// How fetching the text ended: the reading, or a message for people.
type Outcome = Result<Arc<Reading>, String>;

/// Fetches the text at `url` with the report's checks and locates `report`'s passages in it.
async fn fetch_reading(
    url: Result<String, String>,
    report: Arc<Report>,
    entries: Range<usize>,
    config: Option<Arc<Config>>,
    fresh: bool,
    progress: RwSignal<Option<(u64, Option<u64>)>>,
) -> Outcome {
    let url = url?;
    let key = format!("{}:{url}", entries.start);
    if !fresh {
        if let Some(reading) = LAST.with(|last| {
            last.borrow()
                .as_ref()
                .filter(|(k, _)| *k == key)
                .map(|(_, r)| r.clone())
        }) {
            return Ok(reading);
        }
    }
    let default = Config::default();
    let config = config.as_deref().unwrap_or(&default);
    let transfer = Transfer {
        url: &url,
        limit: config.max_data_bytes(),
        stall_seconds: config.fetch_timeout_seconds(),
        allowed_origins: &config.allowed_data_origins,
        fresh,
    };
    let bytes = transfer
        .read(
            &|read, total| {
                let _ = progress.try_set(Some((read, total)));
            },
            &|| true,
        )
        .await
        .map_err(|failure| failure.to_string())?;
    let text = crate::core::load::decode(&bytes)
        .map_err(|e| format!("{url}: {}: {e}", texts().reading.not_text))?;
    let reading = Arc::new(read_entries(text, &report, entries));
    LAST.with(|last| *last.borrow_mut() = Some((key, reading.clone())));
    Ok(reading)
}

/// The report's text with its passages highlighted; shown only when the report has a text.
#[component]
pub fn ReadingView(
    /// The report.
    report: Arc<Report>,
    /// The current result (entries outside it are dimmed).
    result: Memo<QueryResult>,
    /// The current selection.
    selection: Memo<Selection>,
    /// Builds same-page links.
    link: Callback<Selection, String>,
) -> impl IntoView {
    let config = use_context::<Arc<Config>>();
    let data_url = use_context::<DataUrl>().map_or_else(String::new, |d| d.0.get_untracked());
    let allowed = config
        .as_ref()
        .map(|c| c.allowed_data_origins.clone())
        .unwrap_or_default();
    // Each text with its address (or why it cannot be read): the report's own, or each
    // edition's when several reports are shown together.
    let sources: Arc<Vec<(TextSource, Result<String, String>)>> = Arc::new(
        text_sources(&report, &data_url)
            .into_iter()
            .map(|source| {
                let url = text_url(&source.text, &source.file, &allowed, &BrowserUrl)
                    .map_err(|f| f.to_string());
                (source, url)
            })
            .collect(),
    );
    // The text shown: the one quoted by the `at` entry, else the newest.
    let source_of = {
        let sources = sources.clone();
        let report = report.clone();
        move |at: Option<&EntryId>| {
            let position = at.and_then(|id| report_positions(&report, id));
            position
                .and_then(|p| sources.iter().position(|(s, _)| s.entries.contains(&p)))
                .unwrap_or(sources.len().saturating_sub(1))
        }
    };
    // The reader's pick among the texts, kept while `at` stays what it was when picked; a new
    // `at` shows the text that quotes its entry.
    let at = Memo::new(move |_| selection.with(|s| s.at.clone()));
    let picked = RwSignal::new(None::<(Option<EntryId>, usize)>);
    let chosen = Memo::new(move |_| {
        let at = at.get();
        match picked.get() {
            Some((when, i)) if when == at => i,
            _ => source_of(at.as_ref()),
        }
    });
    let progress = RwSignal::new(None::<(u64, Option<u64>)>);
    let retrying = StoredValue::new(false);
    let resource = {
        let report = report.clone();
        let sources = sources.clone();
        LocalResource::new(move || {
            let fresh = retrying.get_value();
            retrying.set_value(false);
            progress.set(None);
            let (source, url) = sources
                .get(chosen.get())
                .map(|(s, u)| (s.entries.clone(), u.clone()))
                .unwrap_or((0..0, Err(texts().reading.no_text.to_owned())));
            fetch_reading(url, report.clone(), source, config.clone(), fresh, progress)
        })
    };
    // With several texts (one per report shown), a choice of which to read.
    let chooser = (sources.len() > 1).then(|| {
        view! {
            <nav class="reading-sources" aria-label=texts().reading.sources data-testid="reading-sources">
                {sources
                    .iter()
                    .enumerate()
                    .map(|(i, (source, _))| {
                        let label = source.label.clone().unwrap_or_default();
                        view! {
                            <button
                                type="button"
                                class="chip"
                                aria-pressed=move || (chosen.get() == i).to_string()
                                on:click=move |_| picked.set(Some((at.get_untracked(), i)))
                            >
                                {label}
                            </button>
                        }
                    })
                    .collect_view()}
            </nav>
        }
    });
    let outcome = Memo::new(move |_| resource.get());
    let report_for_text = report.clone();
    let body = move || match outcome.get() {
        None => {
            let label = move || match progress.get() {
                None => texts().reading.loading.to_owned(),
                Some((read, total)) => match total {
                    Some(total) => fill(
                        texts().reading.reading_of,
                        &[("read", &megabytes(read)), ("total", &megabytes(total))],
                    ),
                    None => fill(texts().reading.reading, &[("read", &megabytes(read))]),
                },
            };
            view! {
                <div class="loading reading-loading" data-testid="reading-loading" aria-busy="true">
                    <p role="status">{label}</p>
                    <progress
                        aria-label=texts().reading.loading
                        max=move || progress.get().and_then(|p| p.1).map_or(1.0, |t| t as f64)
                        value=move || progress.get().and_then(|(r, t)| t.map(|_| r as f64))
                    ></progress>
                </div>
            }
            .into_any()
        }
        Some(Err(message)) => view! {
            <section class="error-view reading-error" data-testid="reading-error" role="alert">
                <h3>{texts().reading.failed}</h3>
                <p class="error-message">{reveal_direction_controls(&message)}</p>
                <p>{texts().reading.failed_hint}</p>
                <button
                    type="button"
                    class="retry"
                    data-testid="reading-retry"
                    on:click=move |_| {
                        retrying.set_value(true);
                        resource.refetch();
                    }
                >
                    {texts().reading.retry}
                </button>
            </section>
        }
        .into_any(),
        Some(Ok(reading)) => view! {
            <TextBody reading report=report_for_text.clone() result selection link/>
        }
        .into_any(),
    };
    view! { {chooser} {body} }
}

/// An entry's position in the report, from its id.
fn report_positions(report: &Report, id: &EntryId) -> Option<usize> {
    report.entries.iter().position(|e| &e.id == id)
}

/// The located text: paragraphs with linked highlights, the passages not found, and the
/// scroll to `at`.
#[component]
fn TextBody(
    reading: Arc<Reading>,
    report: Arc<Report>,
    result: Memo<QueryResult>,
    selection: Memo<Selection>,
    link: Callback<Selection, String>,
) -> impl IntoView {
    let lang = report_lang();
    // Which entries the filters keep, by position.
    let kept = {
        let total = report.entries.len();
        Memo::new(move |_| {
            let mut kept = vec![false; total];
            result.with(|r| r.entries.iter().for_each(|&e| kept[e] = true));
            kept
        })
    };
    let at = Memo::new(move |_| selection.with(|s| (s.at.clone(), s.entry.is_none())));
    let at_position = {
        let report = report.clone();
        Memo::new(move |_| {
            at.with(|(id, _)| {
                let id = id.as_ref()?;
                report.entries.iter().position(|e| &e.id == id)
            })
        })
    };
    let at_missing = {
        let reading = reading.clone();
        move || {
            at_position
                .get()
                .is_some_and(|p| reading.highlight_of[p].is_none())
        }
    };
    // The part of a long text shown: the one with the `at` passage, else the first.
    let part = RwSignal::new(
        at_position
            .get_untracked()
            .and_then(|p| reading.part_of(p, PART_SIZE))
            .unwrap_or(0),
    );
    // Scroll to the `at` passage and focus it, when no entry is open over the text.
    {
        let reading = reading.clone();
        Effect::new(move |_| {
            let (_, no_entry) = at.get();
            let Some(h) = at_position.get().and_then(|p| reading.highlight_of[p]) else {
                return;
            };
            if !no_entry {
                return;
            }
            let wanted = reading.paragraph_of[h] / PART_SIZE;
            if part.get_untracked() != wanted {
                part.set(wanted);
            }
            request_animation_frame(move || {
                let element = document().get_element_by_id(&format!("reading-hl-{h}"));
                if let Some(element) = element
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    element.scroll_into_view_with_scroll_into_view_options(&options);
                    let focus = web_sys::FocusOptions::new();
                    focus.set_prevent_scroll(true);
                    let _ = element.focus_with_options(&focus);
                }
            });
        });
    }

    let titles: Arc<Vec<String>> =
        Arc::new(report.entries.iter().map(|e| e.title.clone()).collect());
    let ids: Arc<Vec<String>> = Arc::new(report.entries.iter().map(|e| e.id.to_string()).collect());
    let entry_ids: Arc<Vec<EntryId>> =
        Arc::new(report.entries.iter().map(|e| e.id.clone()).collect());
    // Opening an entry from the text keeps its passage as the place to come back to.
    let entry_href = move |position: usize| {
        let id = entry_ids[position].clone();
        Signal::derive(move || {
            let mut sel = selection.get();
            sel.entry = Some(id.clone());
            sel.at = Some(id.clone());
            link.run(sel)
        })
    };
    let render = {
        let reading = reading.clone();
        let titles = titles.clone();
        let entry_href = entry_href.clone();
        move |range: Range<usize>| {
            reading.paragraphs[range]
                .iter()
                .map(|p| {
                    let segments = p
                        .segments
                        .iter()
                        .map(|s| segment(&reading, s, &titles, &ids, kept, &entry_href))
                        .collect_view();
                    view! { <p>{segments}</p> }
                })
                .collect_view()
        }
    };
    let parts = reading.part(0, PART_SIZE).1;
    let paragraphs = {
        let reading = reading.clone();
        move || render(reading.part(part.get(), PART_SIZE).0)
    };
    let part_nav = (parts > 1).then(|| {
        view! {
            <nav class="reading-parts" aria-label=texts().reading.parts data-testid="reading-parts">
                <button type="button" class="link-button" disabled=move || part.get() == 0 on:click=move |_| part.update(|p| *p = p.saturating_sub(1))>
                    {texts().reading.previous}
                </button>
                <span role="status">{move || fill(texts().reading.part, &[("n", &number(part.get() + 1)), ("of", &number(parts))])}</span>
                <button type="button" class="link-button" disabled=move || part.get() + 1 >= parts on:click=move |_| part.update(|p| *p += 1)>
                    {texts().reading.next}
                </button>
            </nav>
        }
    });
    let missing = (!reading.missing.is_empty()).then(|| {
        let summary = count(reading.missing.len(), texts().reading.not_found_one, texts().reading.not_found_other);
        view! {
            <details class="reading-missing" data-testid="reading-missing">
                <summary>{summary}</summary>
                <ul>
                    {reading
                        .missing
                        .iter()
                        .map(|&(e, why)| {
                            let href = entry_href(e);
                            view! {
                                <li>
                                    <a href=href><bdi lang=lang.clone()>{titles[e].clone()}</bdi></a>
                                    ": "
                                    {why.describe()}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
        }
    });
    view! {
        <section class="reading" data-testid="reading" aria-labelledby="reading-heading">
            <h3 id="reading-heading" class="visually-hidden">{texts().reading.heading}</h3>
            <p class="reading-legend">{texts().reading.legend}</p>
            <Show when=at_missing>
                <p class="notice" role="status" data-testid="reading-at-missing">{texts().reading.at_missing}</p>
            </Show>
            {missing}
            {part_nav}
            <div class="reading-text" lang=lang.clone()>{paragraphs}</div>
        </section>
    }
}

/// One segment of a paragraph: plain text, or a piece of a highlight linked to its entries
/// (its first piece carries the anchor `at` scrolls to; its last, with several entries, a
/// numbered link to each).
fn segment(
    reading: &Reading,
    s: &Segment,
    titles: &[String],
    ids: &[String],
    kept: Memo<Vec<bool>>,
    entry_href: &impl Fn(usize) -> Signal<String>,
) -> AnyView {
    let text = reading.slice(&s.range).to_owned();
    let Some(h) = s.highlight else {
        return text.into_any();
    };
    let highlight = &reading.highlights[h];
    let entries = highlight.entries.clone();
    let first = highlight.range.start >= s.range.start;
    let last = highlight.range.end <= s.range.end;
    let dim = {
        let entries = entries.clone();
        move || kept.with(|k| !entries.iter().any(|&e| k[e]))
    };
    let label = (entries.len() > 1).then(|| {
        format!(
            "{} ({})",
            titles[entries[0]],
            count(
                entries.len(),
                texts().explorer.entries_one,
                texts().explorer.entries_other
            )
        )
    });
    let entry_ids = entries
        .iter()
        .map(|&e| ids[e].clone())
        .collect::<Vec<_>>()
        .join(" ");
    let main = view! {
        <a
            class="hl"
            class:dim=dim
            class:hl-cont=!first
            id=first.then(|| format!("reading-hl-{h}"))
            tabindex=(!first).then_some("-1")
            data-testid=first.then_some("highlight")
            data-entries=entry_ids
            title=label
            href=entry_href(entries[0])
        >
            {text}
        </a>
    };
    let others = (last && entries.len() > 1).then(|| {
        view! {
            <span class="hl-entries">
                {entries
                    .iter()
                    .enumerate()
                    .map(|(n, &e)| {
                        let out = move || kept.with(|k| !k[e]);
                        view! {
                            <a
                                class="hl-entry"
                                class:dim=out
                                data-testid="highlight-entry"
                                data-entry=ids[e].clone()
                                aria-label=fill(texts().reading.also, &[("n", &number(n + 1)), ("title", &titles[e])])
                                title=titles[e].clone()
                                href=entry_href(e)
                            >
                                {(n + 1).to_string()}
                            </a>
                        }
                    })
                    .collect_view()}
            </span>
        }
    });
    view! { {main}{others} }.into_any()
}
