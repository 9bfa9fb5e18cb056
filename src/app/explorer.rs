//! The explorer: search, sort, facets, active-filter chips, the result count, the views and the detail panel.
//!
//! Each part reads the narrowest memo it needs (the view mode, the open entry, one facet),
//! so a filter change updates counts and lists in place and never rebuilds the timeline,
//! the charts or the detail panel.

use crate::app::charts::ChartsView;
use crate::app::download::download_text;
use crate::app::entry_detail::EntryDetail;
use crate::app::facets::FacetGroup;
use crate::app::i18n::{count, number, texts};
use crate::app::print::PrintAction;
use crate::app::reading::ReadingView;
use crate::app::results::ResultList;
use crate::app::timeline::TimelineView;
use crate::app::url::{use_apply, use_link, use_selection};
use crate::app::DataUrl;
use crate::core::export::{entries_csv, entries_json, Provenance};
use crate::core::i18n::fill;
use crate::core::model::Report;
use crate::core::query::{chips, Chip, Facet, Index, Selection, Sort, View};
use crate::core::text::reveal_direction_controls;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// How long typing pauses before the search becomes a history step.
const SEARCH_DEBOUNCE: Duration = Duration::from_millis(300);

/// A chip's facet name (the core's English label) in the interface language.
fn chip_facet(english: &str) -> &'static str {
    let t = texts();
    Facet::ALL
        .into_iter()
        .find(|f| f.label() == english)
        .map_or(t.explorer.chip_search, |f| f.label_in(t))
}

/// Filters, search and results for one report; all state lives in the URL.
#[component]
pub fn ExplorerView(
    /// The loaded report.
    report: Arc<Report>,
    /// Its index, built once when the report loaded.
    index: Arc<Index>,
) -> impl IntoView {
    crate::app::trends::TrendsContext::provide(report.clone(), index.clone());
    let decoded = use_selection(index.clone());
    let selection = Memo::new(move |_| decoded.with(|d| d.0.clone()));
    let notices = Memo::new(move |_| decoded.with(|d| d.1.clone()));
    // Narrow memos: each reader wakes only when its own part of the selection changes.
    let view_mode = Memo::new(move |_| selection.with(|s| s.view));
    let open_entry = Memo::new(move |_| selection.with(|s| s.entry.clone()));
    let sort = Memo::new(move |_| selection.with(|s| s.sort));
    let search_text = Memo::new(move |_| selection.with(|s| s.query.clone()));
    let hits = {
        let index = index.clone();
        Memo::new(move |_| index.search(&search_text.get()))
    };
    let result = {
        let index = index.clone();
        Memo::new(move |_| selection.with(|s| hits.with(|h| index.query(s, h))))
    };
    let words = Memo::new(move |_| hits.with(|h| h.words.clone()));
    // A change of filters, search or order starts again at the first page.
    let apply = {
        let navigate = use_apply();
        Callback::new(move |(mut sel, replace): (Selection, bool)| {
            if !selection.with_untracked(|current| current.same_results(&sel)) {
                sel.page = 0;
            }
            navigate.run((sel, replace));
        })
    };
    let link = use_link();

    // Search box: debounced into the URL, immediately on Enter.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let commit_search = move |text: String| {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        pending.set_value(None);
        let mut sel = selection.get_untracked();
        if sel.query != text {
            sel.query = text;
            sel.entry = None;
            apply.run((sel, false));
        }
    };
    let on_search_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(move || commit_search(text), SEARCH_DEBOUNCE).ok();
        pending.set_value(handle);
    };
    // A pending search never fires after the explorer is gone (another report, Back).
    on_cleanup(move || {
        if let Some(h) = pending.try_get_value().flatten() {
            h.clear();
        }
    });

    let t = texts();
    let e = &t.explorer;
    let total = report.entries.len();
    // The report facet leads when several reports are shown, and is left out otherwise.
    let shown_facets: Vec<Facet> = std::iter::once(Facet::Report)
        .filter(|_| report.editions.len() > 1)
        .chain(Facet::ALL.into_iter().filter(|f| *f != Facet::Report))
        .collect();
    let count_text = move || {
        let shown = result.with(|r| r.entries.len());
        fill(
            e.count,
            &[
                ("shown", &number(shown)),
                ("total", &count(total, e.entries_one, e.entries_other)),
            ],
        )
    };

    let dismissed = RwSignal::new(Vec::<String>::new());
    // On narrow screens the facet panel folds away behind a toggle button.
    let filters_open = RwSignal::new(false);
    let show_notices = move || notices.with(|n| !n.is_empty() && *n != dismissed.get());

    // Chips are keyed by filter, so a chip's label and the selection without it are read
    // from this memo when used: captured when the chip was made, they would miss filters
    // chosen since (removing one chip would drop those too) or a changed search.
    let chip_list = Memo::new(move |_| selection.with(|sel| result.with(|r| chips(r, sel))));
    // A chip's label, what it filters and the value (shown isolated), read when shown.
    let chip_parts = move |key: &str| {
        chip_list.with(|cs| {
            cs.iter().find(|c| c.key == key).map(|c| {
                let value = key
                    .split_once(':')
                    .and_then(|(param, token)| {
                        let facet = Facet::ALL.into_iter().find(|f| f.param() == param)?;
                        Some(crate::app::i18n::value_label(facet, token, &c.value))
                    })
                    .unwrap_or_else(|| c.value.clone());
                let label = fill(
                    t.explorer.chip,
                    &[("facet", chip_facet(&c.facet_label)), ("value", &value)],
                );
                (label, c.facet_label.clone(), value)
            })
        })
    };
    let search_ref = NodeRef::<leptos::html::Input>::new();
    let focus_search = move || {
        if let Some(input) = search_ref.get_untracked() {
            let _ = input.focus();
        }
    };
    // Removing a chip removes its button: focus moves to the next chip, else the one
    // before, else the search box, never to the page itself.
    let remove_chip = move |key: &str, button: Option<web_sys::Element>| {
        let Some(without) = chip_list
            .with_untracked(|cs| cs.iter().find(|c| c.key == key).map(|c| c.without.clone()))
        else {
            return;
        };
        let is_chip = |e: &web_sys::Element| e.matches(".chip").unwrap_or(false);
        let neighbour = button.and_then(|b| {
            std::iter::successors(b.next_element_sibling(), |e| e.next_element_sibling())
                .find(is_chip)
                .or_else(|| {
                    std::iter::successors(b.previous_element_sibling(), |e| {
                        e.previous_element_sibling()
                    })
                    .find(is_chip)
                })
        });
        match neighbour.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            Some(chip) => {
                let _ = chip.focus();
            }
            None => focus_search(),
        }
        apply.run((without, false));
    };

    let detail = {
        let report = report.clone();
        let index = index.clone();
        move || {
            let id = open_entry.get()?;
            let entry = report.entries[index.position(&id)?].clone();
            Some(view! { <EntryDetail entry report=report.clone() selection link/> })
        }
    };

    // Exports carry their provenance: dataset, source, filters, time and app version.
    let data_url = use_context::<DataUrl>().map(|d| d.0);
    let provenance = {
        let report = report.clone();
        move || {
            let exported_at = String::from(web_sys::js_sys::Date::new_0().to_iso_string());
            Provenance::new(
                &report,
                &data_url.map(|u| u.get_untracked()).unwrap_or_default(),
                &selection.get_untracked(),
                &exported_at,
                env!("CARGO_PKG_VERSION"),
            )
            .with_texts(t)
        }
    };
    // Under a chart image the export time is for people: the browser's `Intl` writes it.
    let caption = {
        let provenance = provenance.clone();
        let lang = t.lang;
        Callback::new(move |()| {
            let mut p = provenance();
            p.exported_at = crate::app::i18n::now_for_people(lang);
            p.caption()
        })
    };
    let export = {
        let report = report.clone();
        Callback::new(move |json: bool| {
            let p = provenance();
            let positions = result.with_untracked(|r| r.entries.clone());
            let _ = if json {
                download_text(
                    "entries.json",
                    "application/json",
                    &entries_json(&report, &positions, &p),
                )
            } else {
                download_text(
                    "entries.csv",
                    "text/csv",
                    &entries_csv(&report, &positions, &p),
                )
            };
        })
    };
    let has_text = !crate::core::reading::text_sources(&report, "").is_empty();
    let entries_report = report.clone();
    let charts_index = index.clone();
    view! {
        <div class="explorer">
            <div class="toolbar">
                <form
                    role="search"
                    class="search"
                    on:submit=move |ev| {
                        ev.prevent_default();
                        let input = event_target::<web_sys::HtmlFormElement>(&ev)
                            .elements()
                            .named_item("q")
                            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok());
                        if let Some(input) = input {
                            commit_search(input.value());
                        }
                    }
                >
                    <label for="search-input">{e.search}</label>
                    <input
                        id="search-input"
                        node_ref=search_ref
                        name="q"
                        type="search"
                        data-testid="search"
                        autocomplete="off"
                        placeholder=e.search_placeholder
                        prop:value=move || search_text.get()
                        on:input=on_search_input
                    />
                </form>
                <label class="sort">
                    {e.sort}" "
                    <select
                        data-testid="sort"
                        on:change=move |ev| {
                            let mut sel = selection.get_untracked();
                            sel.sort = Sort::parse(&event_target_value(&ev)).unwrap_or_default();
                            apply.run((sel, false));
                        }
                    >
                        {Sort::ALL
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <option value=s.token() prop:selected=move || sort.get() == s>
                                        {s.label_in(t)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            </div>
            <Show when=show_notices>
                <div class="notice" data-testid="url-notice" role="status">
                    // The URL's ignored values are explained in English (as config.json's problems).
                    <ul lang="en">
                        {move || notices.get().into_iter().map(|n| view! { <li>{reveal_direction_controls(&n)}</li> }).collect_view()}
                    </ul>
                    <button type="button" class="link-button" on:click=move |_| dismissed.set(notices.get_untracked())>
                        {t.app.dismiss}
                    </button>
                </div>
            </Show>
            <div class="layout">
                <button
                    type="button"
                    class="filters-toggle"
                    aria-controls="filters"
                    aria-expanded=move || filters_open.get().to_string()
                    on:click=move |_| filters_open.update(|o| *o = !*o)
                >
                    {move || {
                        let n: usize = selection.with(|s| Facet::ALL.iter().map(|f| s.selected_count(*f)).sum());
                        if n == 0 { e.filters.to_owned() } else { fill(e.filters_active, &[("n", &number(n))]) }
                    }}
                </button>
                <aside id="filters" class="facets" class:open=move || filters_open.get() aria-label=e.filters>
                    <h2 class="visually-hidden">{e.filters}</h2>
                    {shown_facets
                        .iter()
                        .map(|&facet| view! { <FacetGroup facet result selection apply index=index.clone()/> })
                        .collect_view()}
                </aside>
                <section class="results" aria-labelledby="results-heading">
                    <h2 id="results-heading" class="result-count">
                        <span data-testid="entry-count" role="status" aria-live="polite">{count_text}</span>
                    </h2>
                    <div class="chips" data-testid="chips">
                        <For
                            each=move || chip_list.get()
                            key=|chip| chip.key.clone()
                            children=move |Chip { key, .. }| {
                                let parts = {
                                    let key = key.clone();
                                    Memo::new(move |_| chip_parts(&key).unwrap_or_default())
                                };
                                let label = move || parts.with(|p| p.0.clone());
                                // Subsidiary and category names are the report's text.
                                let lang = [Facet::Subsidiary, Facet::Category]
                                    .iter()
                                    .any(|f| key.starts_with(&format!("{}:", f.param())))
                                    .then(crate::app::lang::report_lang)
                                    .flatten();
                                view! {
                                    <button
                                        type="button"
                                        class="chip"
                                        aria-label=move || fill(e.remove_filter, &[("label", &label())])
                                        on:click=move |ev| {
                                            remove_chip(&key, event_target::<web_sys::Element>(&ev).closest(".chip").ok().flatten())
                                        }
                                    >
                                        {move || {
                                            parts.with(|(_, facet, value)| {
                                                let quoted = facet == "Search";
                                                let facet = chip_facet(facet);
                                                let separator = fill(e.chip, &[("facet", ""), ("value", "")]);
                                                view! {
                                                    {facet}
                                                    {separator}
                                                    {quoted.then_some("“")}
                                                    <bdi lang=lang.clone()>{value.clone()}</bdi>
                                                    {quoted.then_some("”")}
                                                }
                                            })
                                        }}
                                        <span aria-hidden="true">" ×"</span>
                                    </button>
                                }
                            }
                        />
                        <Show when=move || selection.with(|s| s.is_filtered())>
                            <button
                                type="button"
                                class="link-button"
                                data-testid="clear-all"
                                on:click=move |_| {
                                    let mut sel = selection.get_untracked();
                                    sel.clear_all();
                                    sel.entry = None;
                                    // This button goes away with the filters.
                                    focus_search();
                                    apply.run((sel, false));
                                }
                            >
                                {e.clear_all}
                            </button>
                        </Show>
                    </div>
                    {detail}
                    <nav class="views" aria-label=e.views>
                        {View::ALL
                            .into_iter()
                            .filter(|v| *v != View::Compare || report.editions.len() > 1)
                            .filter(|v| *v != View::Text || has_text)
                            .map(|v| {
                                let href = Signal::derive(move || {
                                    let mut sel = selection.get();
                                    sel.view = v;
                                    link.run(sel)
                                });
                                view! {
                                    <a
                                        href=href
                                        class="view-tab"
                                        data-testid=format!("view-{}", v.token())
                                        aria-current=move || (view_mode.get() == v).then_some("page")
                                    >
                                        {v.label_in(t)}
                                    </a>
                                }
                            })
                            .collect_view()}
                    </nav>
                    <div class="exports" aria-label=e.export_label>
                        {e.export}
                        <button type="button" class="link-button" data-testid="export-csv" on:click=move |_| export.run(false)>"CSV"</button>
                        <button type="button" class="link-button" data-testid="export-json" on:click=move |_| export.run(true)>"JSON"</button>
                        <PrintAction report=report.clone() index=index.clone() hits result selection/>
                    </div>
                    {move || match view_mode.get() {
                        View::Text if has_text => view! {
                            <ReadingView report=entries_report.clone() result selection link/>
                        }
                        .into_any(),
                        View::List | View::Text => view! {
                            <ResultList report=entries_report.clone() result selection words link/>
                        }
                        .into_any(),
                        View::Timeline => view! {
                            <TimelineView report=entries_report.clone() result selection apply link/>
                        }
                        .into_any(),
                        View::Charts => view! {
                            <ChartsView report=entries_report.clone() index=charts_index.clone() hits result selection apply caption/>
                        }
                        .into_any(),
                        View::Compare => view! {
                            <crate::app::compare::CompareView report=entries_report.clone() selection apply/>
                        }
                        .into_any(),
                    }}
                </section>
            </div>
        </div>
    }
}
