//! The "compare two reports" view: two report choosers (`a=`, `b=` in the URL) and the subsidiary × category grid of both side by side, differences marked by symbol and words.
//!
//! Shown when the report merges two editions or more; the grid (`core::compare`) is bounded
//! and scrolls horizontally inside its box. A cell click filters the list by its subsidiary
//! and category.

use crate::core::compare::{choose_in, compare_in, Comparison, Difference};
use crate::core::i18n::{fill, Texts};
use crate::core::model::Report;
use crate::core::query::{Selection, View};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use std::sync::Arc;

/// The URL parameters naming the two reports.
pub const PARAMS: [&str; 2] = ["a", "b"];

/// Two reports side by side.
#[component]
pub fn CompareView(
    /// The merged report.
    report: Arc<Report>,
    /// The current selection (a cell click changes its filters).
    selection: Memo<Selection>,
    /// Applies a selection.
    apply: Callback<(Selection, bool)>,
) -> impl IntoView {
    let t = crate::app::i18n::texts();
    let y = &t.years;
    if report.editions.len() < 2 {
        return view! { <p class="empty" data-testid="compare-alone">{y.alone}</p> }.into_any();
    }
    let query = use_query_map();
    let location = use_location();
    let navigate = use_navigate();
    let chosen = {
        let report = report.clone();
        Memo::new(move |_| {
            query.with(|q| {
                choose_in(&report, q.get("a").as_deref(), q.get("b").as_deref(), t)
                    .unwrap_or(((0, 0), Vec::new()))
            })
        })
    };
    let grid = {
        let report = report.clone();
        Memo::new(move |_| {
            let ((a, b), _) = chosen.get();
            compare_in(&report, a, b, t)
        })
    };
    let set = move |param: &'static str, id: String| {
        let mut params = query.get_untracked();
        params.remove(param);
        params.insert(param, id);
        navigate(
            &format!(
                "{}{}",
                location.pathname.get_untracked(),
                params.to_query_string()
            ),
            NavigateOptions {
                resolve: false,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    };
    let chooser = {
        let report = report.clone();
        move |param: &'static str, label: &'static str| {
            let editions: Vec<(usize, String, String)> = report
                .editions
                .iter()
                .enumerate()
                .map(|(i, e)| (i, e.id.clone(), e.label.clone()))
                .collect();
            let set = set.clone();
            view! {
                <label>
                    {label}
                    <select
                        data-testid=format!("compare-{param}")
                        on:change=move |ev| set(param, event_target_value(&ev))
                    >
                        {editions
                            .into_iter()
                            .map(|(i, id, label)| {
                                let selected = move || {
                                    chosen.with(|((a, b), _)| if param == "a" { *a == i } else { *b == i })
                                };
                                view! { <option value=id prop:selected=selected>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
            }
        }
    };
    let notices = move || {
        chosen.with(|(_, n)| {
            (!n.is_empty()).then(|| {
                view! {
                    <div class="notice" role="status" data-testid="compare-notice">
                        <ul>{n.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
                    </div>
                }
            })
        })
    };
    let report_for_click = StoredValue::new(report.clone());
    let on_cell = move |row: usize, column: usize| {
        let Some(target) =
            report_for_click.with_value(|r| grid.with_untracked(|g| g.target(r, row, column)))
        else {
            return;
        };
        let mut sel = target.apply(&selection.get_untracked());
        sel.view = View::List;
        apply.run((sel, false));
    };
    let report_for_grid = report.clone();
    view! {
        <section class="compare" data-testid="compare" aria-labelledby="compare-heading">
            <h3 id="compare-heading">{y.compare_heading}</h3>
            <p class="chart-help">{y.compare_help}</p>
            {notices}
            <div class="compare-pickers">
                {chooser("a", y.report_a)}
                {chooser("b", y.report_b)}
            </div>
            <p class="compare-legend" data-testid="compare-legend">{y.legend}</p>
            <div class="compare-scroll" data-testid="compare-scroll">
                {move || grid.with(|g| grid_view(&report_for_grid, g, on_cell, t))}
            </div>
        </section>
    }
    .into_any()
}

/// The grid as a table: a row per subsidiary, a column per top-level category, and totals.
fn grid_view(
    report: &Report,
    g: &Comparison,
    on_cell: impl Fn(usize, usize) + Copy + 'static,
    t: &'static Texts,
) -> impl IntoView {
    let label = |e: usize| {
        report
            .editions
            .get(e)
            .map_or(String::new(), |e| e.label.clone())
    };
    let caption = fill(t.years.caption, &[("a", &label(g.a)), ("b", &label(g.b))]);
    let cell = |a: usize, b: usize, d: Difference| {
        view! {
            <span class="compare-counts">{format!("{a} → {b}")}</span>
            " "
            <span class="compare-mark" aria-hidden="true">{d.symbol()}</span>
            <span class="visually-hidden">{fill(t.years.difference, &[("difference", d.words_in(t))])}</span>
        }
    };
    view! {
        <table class="compare-grid" data-testid="compare-grid">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{t.charts.subsidiary}</th>
                    {g.columns.iter().map(|c| view! { <th scope="col"><bdi>{c.label.clone()}</bdi></th> }).collect_view()}
                    <th scope="col">{t.charts.total}</th>
                </tr>
            </thead>
            <tbody>
                {g.rows
                    .iter()
                    .enumerate()
                    .map(|(r, row)| {
                        let total = g.row_totals[r];
                        view! {
                            <tr>
                                <th scope="row"><bdi>{row.label.clone()}</bdi></th>
                                {g.cells[r]
                                    .iter()
                                    .enumerate()
                                    .map(|(c, v)| {
                                        let d = v.difference();
                                        let clickable = g.target(report, r, c).is_some() && d != Difference::Neither;
                                        let title = g.cell_text_in(report, r, c, t);
                                        view! {
                                            <td class="compare-cell" data-diff=d.token()>
                                                {if clickable {
                                                    view! {
                                                        <button
                                                            type="button"
                                                            class="link-button"
                                                            data-testid="compare-cell"
                                                            data-diff=d.token()
                                                            title=title.clone()
                                                            aria-label=title
                                                            on:click=move |_| on_cell(r, c)
                                                        >
                                                            {cell(v.a, v.b, d)}
                                                        </button>
                                                    }
                                                    .into_any()
                                                } else {
                                                    view! { <span data-testid="compare-cell" data-diff=d.token() title=title>{cell(v.a, v.b, d)}</span> }
                                                        .into_any()
                                                }}
                                            </td>
                                        }
                                    })
                                    .collect_view()}
                                <td class="compare-total">{cell(total.a, total.b, total.difference())}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
