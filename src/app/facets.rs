//! The facet panel: one group per facet with counts, a filter box for long lists, and clear
//! buttons; subsidiaries listed under their divisions' headings when the report has divisions.

use crate::core::query::{Facet, FacetValue, Index, QueryResult, Selection};
use crate::core::text::fold;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Lists longer than this get a filter box.
const FILTER_BOX_FROM: usize = 8;
/// Values listed before "Show all" is pressed (selected values are always listed).
const SHOWN_FOLDED: usize = 20;
/// Values listed at most once unfolded or filtered; the filter box finds the others.
const SHOWN_MAX: usize = 100;
/// Category depths from here on carry `--depth` inline (class `depth-10`); shallower ones by class.
const DEEP: usize = 10;

/// One facet's values as checkboxes with crossfilter counts.
#[component]
pub fn FacetGroup(
    /// Which facet.
    facet: Facet,
    /// The current query result (for values and counts).
    result: Memo<QueryResult>,
    /// The current selection.
    selection: Memo<Selection>,
    /// Applies a new selection (and whether to replace the history step).
    apply: Callback<(Selection, bool)>,
    /// The report's index: which subsidiaries a division heading selects.
    index: Arc<Index>,
) -> impl IntoView {
    let values = Memo::new(move |_| {
        result.with(|r| {
            r.facets
                .iter()
                .find(|(f, _)| *f == facet)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        })
    });
    // Subsidiary and category names come from the data, in the report's language.
    let from_data = matches!(facet, Facet::Subsidiary | Facet::Category);
    let filter = RwSignal::new(String::new());
    let unfolded = RwSignal::new(false);
    // The values listed, and how many values match the filter box in all.
    let listed = Memo::new(move |_| {
        let needle = fold(filter.get().trim());
        let limit = if unfolded.get() || !needle.is_empty() {
            SHOWN_MAX
        } else {
            SHOWN_FOLDED
        };
        values.with(|vs| {
            let mut matching = 0;
            let mut tokens = Vec::new();
            // The division of the last value listed: a value of another one starts a heading.
            let mut group: Option<usize> = None;
            for v in vs {
                if !(needle.is_empty()
                    || v.selected
                    || fold(&v.label).contains(&needle)
                    || v.group
                        .as_deref()
                        .is_some_and(|g| fold(g).contains(&needle)))
                {
                    continue;
                }
                if matching < limit || v.selected {
                    let heading = v
                        .division
                        .filter(|_| v.division != group)
                        .zip(v.group.clone());
                    group = v.division;
                    tokens.push((v.token.clone(), v.label.clone(), v.depth, heading));
                }
                matching += 1;
            }
            (tokens, matching)
        })
    });
    let tokens = Memo::new(move |_| listed.with(|l| l.0.clone()));
    let matching = Memo::new(move |_| listed.with(|l| l.1));
    let all = Memo::new(move |_| values.with(Vec::len));
    let can_unfold = move || filter.with(|f| f.trim().is_empty()) && all.get() > SHOWN_FOLDED;
    let left_out = move || {
        let shown = tokens.with(Vec::len);
        let n = matching.get();
        (n > shown && (unfolded.get() || filter.with(|f| !f.trim().is_empty())))
            .then(|| format!("{} more: type in the filter box to find them.", n - shown))
    };
    let value = move |token: &str| -> Option<FacetValue> {
        values.with(|vs| vs.iter().find(|v| v.token == token).cloned())
    };
    let long = move || values.with(|v| v.len() > FILTER_BOX_FROM);
    // A division heading selects all its subsidiaries, or clears them when all are selected.
    let toggle_group = {
        let index = index.clone();
        move |division: usize| {
            let mut sel = selection.get_untracked();
            sel.toggle_division(index.divisions(), division);
            apply.run((sel, false));
        }
    };
    let any_selected = Memo::new(move |_| selection.with(|s| s.selected_count(facet) > 0));
    let heading_id = format!("facet-{}-heading", facet.param());
    let labelled_by = heading_id.clone();
    let label = facet.label();
    let list_ref = NodeRef::<leptos::html::Ul>::new();
    view! {
        <section class="facet" aria-labelledby=labelled_by data-facet=facet.param()>
            <div class="facet-head">
                <h3 id=heading_id>{label}</h3>
                <button
                    type="button"
                    class="link-button"
                    data-testid=format!("clear-{}", facet.param())
                    prop:disabled=move || !any_selected.get()
                    aria-label=format!("Clear {} filter", label.to_lowercase())
                    on:click=move |_| {
                        let mut sel = selection.get_untracked();
                        sel.clear(facet);
                        apply.run((sel, false));
                        // Disabled now, this button would drop focus to the page: once the
                        // list is updated, focus moves to the facet's first value that can
                        // be chosen.
                        request_animation_frame(move || {
                            let first = list_ref.try_get_untracked().flatten().and_then(|list| {
                                list.query_selector("input[type=checkbox]:not(:disabled)").ok().flatten()
                            });
                            if let Some(input) = first.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                                let _ = input.focus();
                            }
                        });
                    }
                >
                    "Clear"
                </button>
            </div>
            <Show when=long>
                <input
                    type="search"
                    class="facet-filter"
                    placeholder=format!("Filter {}", label.to_lowercase())
                    aria-label=format!("Filter {} values", label.to_lowercase())
                    prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev))
                />
            </Show>
            <ul class="facet-values" node_ref=list_ref>
                <For
                    each=move || tokens.get()
                    key=|(token, _, _, heading)| (token.clone(), heading.clone())
                    children=move |(token, label, depth, heading)| {
                        let t1 = token.clone();
                        let t2 = token.clone();
                        let t3 = token.clone();
                        let t4 = token.clone();
                        let count = Memo::new(move |_| value(&t1).map_or(0, |v| v.count));
                        let checked = Memo::new(move |_| value(&t2).is_some_and(|v| v.selected));
                        let disabled = Memo::new(move |_| {
                            value(&t3).is_some_and(|v| v.count == 0 && !v.selected)
                        });
                        let heading = heading.map(|(division, label)| {
                            let index = index.clone();
                            let toggle_group = toggle_group.clone();
                            let members = Memo::new(move |_| {
                                selection.with(|s| s.division_selected(index.divisions(), division))
                            });
                            view! {
                                <li class="facet-group-head">
                                    <button
                                        type="button"
                                        class="link-button facet-group"
                                        data-testid="facet-group"
                                        aria-pressed=move || members.get().to_string()
                                        title=format!("Select every subsidiary of {label}")
                                        on:click=move |_| toggle_group(division)
                                    >
                                        <bdi lang=crate::app::lang::report_lang()>{label.clone()}</bdi>
                                    </button>
                                </li>
                            }
                        });
                        view! {
                            {heading}
                            // The indent comes from `--depth` (style/main.css): a class sets it up to
                            // depth 9, so the first-paint snapshot needs no style attribute (the CSP blocks
                            // those); deeper levels set it through the CSSOM, which the CSP allows.
                            <li
                                class=format!("facet-value depth-{}", depth.min(DEEP))
                                style:--depth=(depth >= DEEP).then(|| depth.to_string())
                                class:zero=move || count.get() == 0
                            >
                                <label>
                                    <input
                                        type="checkbox"
                                        data-token=token.clone()
                                        prop:checked=checked
                                        prop:disabled=disabled
                                        on:change=move |_| {
                                            let mut sel = selection.get_untracked();
                                            sel.toggle(facet, &t4);
                                            apply.run((sel, false));
                                        }
                                    />
                                    <bdi class="facet-label" lang=from_data.then(crate::app::lang::report_lang).flatten()>{label}</bdi>
                                    <span class="facet-count" aria-label=move || format!("{} entries", count.get())>
                                        {count}
                                    </span>
                                </label>
                            </li>
                        }
                    }
                />
            </ul>
            <p class="facet-more-note">{left_out}</p>
            <Show when=can_unfold>
                <button
                    type="button"
                    class="link-button facet-more"
                    data-testid=format!("facet-more-{}", facet.param())
                    aria-expanded=move || unfolded.get().to_string()
                    on:click=move |_| unfolded.update(|u| *u = !*u)
                >
                    {move || {
                        if unfolded.get() {
                            "Show fewer".to_owned()
                        } else {
                            format!("Show all {}", all.get())
                        }
                    }}
                </button>
            </Show>
        </section>
    }
}
