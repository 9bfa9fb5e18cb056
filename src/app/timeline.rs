//! The award timeline view: lanes, zoom and pan, tooltips, keyboard moves, and the accessible list.

use crate::app::resize::use_width;
use crate::core::model::Report;
use crate::core::query::{QueryResult, Selection};
use crate::core::timeline::{
    award_order, default_window, layout, navigate, pan, zoom, Direction, LaneBy, TimelineLayout,
    TimelineOptions, Window,
};
use leptos::ev::{KeyboardEvent, PointerEvent, WheelEvent};
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Width of the lane-label column, in CSS pixels.
const LABEL_WIDTH: f64 = 160.0;
/// Height of the time axis above the lanes.
const AXIS_HEIGHT: f64 = 28.0;

/// Awards and dated events of the current result on a zoomable time axis.
#[component]
pub fn TimelineView(
    /// The report.
    report: Arc<Report>,
    /// The current result (the timeline follows the filters).
    result: Memo<QueryResult>,
    /// The current selection.
    selection: Memo<Selection>,
    /// Applies a selection (opening an entry).
    apply: Callback<(Selection, bool)>,
    /// Builds same-page links.
    link: Callback<Selection, String>,
) -> impl IntoView {
    let positions = Memo::new(move |_| result.with(|r| r.entries.clone()));
    let by = RwSignal::new(LaneBy::Subsidiary);
    let chosen_window = RwSignal::new(None::<Window>);
    let box_ref = NodeRef::<html::Div>::new();
    let outer_width = use_width(box_ref, 800.0);
    let plot_width = Memo::new(move |_| (outer_width.get() - LABEL_WIDTH).max(120.0));
    let window = {
        let report = report.clone();
        Memo::new(move |_| {
            chosen_window
                .get()
                .unwrap_or_else(|| positions.with(|p| default_window(&report, p)))
        })
    };
    let laid_out: Memo<TimelineLayout> = {
        let report = report.clone();
        Memo::new(move |_| {
            let mut options = TimelineOptions::new(window.get(), plot_width.get());
            options.by = by.get();
            positions.with(|p| layout(&report, p, &options))
        })
    };
    let active = RwSignal::new(None::<usize>);
    let hovered = RwSignal::new(None::<usize>);
    let show_list = RwSignal::new(false);

    let open = move |entry: usize, report: &Report| {
        let mut sel = selection.get_untracked();
        sel.entry = Some(report.entries[entry].id.clone());
        sel.view = crate::core::query::View::List;
        apply.run((sel, false));
    };
    let zoom_by = move |factor: f64, centre: Option<f64>| {
        let w = window.get_untracked();
        let c = centre.unwrap_or((w.from + w.to) / 2.0);
        chosen_window.set(Some(zoom(w, factor, c)));
    };
    let pan_by =
        move |fraction: f64| chosen_window.set(Some(pan(window.get_untracked(), fraction)));
    let day_at = move |x: f64| {
        let w = window.get_untracked();
        w.from
            + (x - LABEL_WIDTH).clamp(0.0, plot_width.get_untracked()) / plot_width.get_untracked()
                * (w.to - w.from)
    };

    // Wheel zooms around the pointer (a trackpad pinch arrives as a wheel event with ctrlKey);
    // dragging pans.
    let on_wheel = move |ev: WheelEvent| {
        ev.prevent_default();
        let factor = if ev.delta_y() < 0.0 { 1.25 } else { 0.8 };
        zoom_by(factor, Some(day_at(f64::from(ev.offset_x()))));
    };
    let drag = StoredValue::new(None::<(i32, f64)>);
    // Touch pinch: the two active pointers' x positions, and their last distance.
    let touches = StoredValue::new(Vec::<(i32, f64)>::new());
    let pinch = move |ev: &PointerEvent| -> bool {
        let (id, x) = (ev.pointer_id(), f64::from(ev.client_x()));
        let before = touches.with_value(|t| match t.as_slice() {
            [a, b] => Some((a.1 - b.1).abs()),
            _ => None,
        });
        touches.update_value(|t| {
            if let Some(p) = t.iter_mut().find(|p| p.0 == id) {
                p.1 = x;
            }
        });
        let after = touches.with_value(|t| match t.as_slice() {
            [a, b] => Some(((a.1 - b.1).abs(), (a.1 + b.1) / 2.0)),
            _ => None,
        });
        match (before, after) {
            (Some(d0), Some((d1, mid))) if d0 > 8.0 && (d1 / d0 - 1.0).abs() > 0.02 => {
                let left = box_ref
                    .get_untracked()
                    .map_or(0.0, |b| b.get_bounding_client_rect().left());
                zoom_by(d1 / d0, Some(day_at(mid - left)));
                true
            }
            (_, Some(_)) => true,
            _ => false,
        }
    };
    let on_pointer_down = move |ev: PointerEvent| {
        if ev.pointer_type() == "touch" {
            touches.update_value(|t| {
                if t.len() < 2 {
                    t.push((ev.pointer_id(), f64::from(ev.client_x())));
                }
            });
        }
        let on_item = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.closest(".tl-item").ok().flatten().is_some());
        if ev.is_primary() && !on_item {
            drag.set_value(Some((ev.pointer_id(), f64::from(ev.client_x()))));
        }
    };
    let on_pointer_move = move |ev: PointerEvent| {
        if pinch(&ev) {
            drag.set_value(None);
            return;
        }
        if let Some((id, last)) = drag.get_value() {
            if id == ev.pointer_id() {
                let dx = f64::from(ev.client_x()) - last;
                if dx.abs() >= 4.0 {
                    pan_by(-dx / plot_width.get_untracked());
                    drag.set_value(Some((id, f64::from(ev.client_x()))));
                }
            }
        }
    };
    let end_drag = move |ev: PointerEvent| {
        drag.set_value(None);
        touches.update_value(|t| t.retain(|p| p.0 != ev.pointer_id()));
    };

    let plot_ref = NodeRef::<html::Div>::new();
    let on_key = {
        let report = report.clone();
        move |ev: KeyboardEvent| {
            let Some(current) = active.get_untracked() else {
                return;
            };
            let direction = match ev.key().as_str() {
                "ArrowLeft" => Direction::Left,
                "ArrowRight" => Direction::Right,
                "ArrowUp" => Direction::Up,
                "ArrowDown" => Direction::Down,
                "Enter" | " " => {
                    ev.prevent_default();
                    open(current, &report);
                    return;
                }
                _ => return,
            };
            ev.prevent_default();
            if let Some(next) = laid_out.with_untracked(|l| navigate(l, current, direction)) {
                active.set(Some(next));
                if let Some(plot) = plot_ref.get_untracked() {
                    if let Ok(Some(el)) = plot.query_selector(&format!("[data-entry=\"{next}\"]")) {
                        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                            let _ = el.focus();
                        }
                    }
                }
            }
        }
    };

    let height = move || laid_out.with(|l| l.height) + AXIS_HEIGHT + 8.0;
    let items_report = report.clone();
    let tooltip_report = report.clone();
    let list_report = report.clone();
    view! {
        <section class="timeline" data-testid="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" class="visually-hidden">"Award timeline"</h2>
            <div class="timeline-controls" role="toolbar" aria-label="Timeline controls">
                <button type="button" on:click=move |_| zoom_by(1.5, None) aria-label="Zoom in" data-testid="zoom-in">"+"</button>
                <button type="button" on:click=move |_| zoom_by(1.0 / 1.5, None) aria-label="Zoom out" data-testid="zoom-out">"−"</button>
                <button type="button" on:click=move |_| pan_by(-0.25) aria-label="Earlier">"◀"</button>
                <button type="button" on:click=move |_| pan_by(0.25) aria-label="Later">"▶"</button>
                <button type="button" class="link-button" on:click=move |_| chosen_window.set(None)>"Reset"</button>
                <label>
                    "Lanes "
                    <select
                        data-testid="lanes"
                        on:change=move |ev| by.set(LaneBy::parse(&event_target_value(&ev)).unwrap_or_default())
                    >
                        <option value=LaneBy::Subsidiary.token()>{LaneBy::Subsidiary.label()}</option>
                        <option value=LaneBy::Category.token()>{LaneBy::Category.label()}</option>
                    </select>
                </label>
                <button
                    type="button"
                    class="link-button"
                    aria-expanded=move || show_list.get().to_string()
                    aria-controls="timeline-list"
                    on:click=move |_| show_list.update(|s| *s = !*s)
                >
                    {move || if show_list.get() { "Hide list" } else { "Show as list" }}
                </button>
            </div>
            <div
                class="timeline-box"
                node_ref=box_ref
                on:wheel=on_wheel
                on:pointerdown=on_pointer_down
                on:pointermove=on_pointer_move
                on:pointerup=end_drag
                on:pointercancel=end_drag
                on:pointerleave=end_drag
            >
                <div
                    class="timeline-plot"
                    node_ref=plot_ref
                    style:height=move || format!("{}px", height())
                    on:keydown=on_key
                >
                    <div class="tl-axis" aria-hidden="true">
                        {move || {
                            // A label at the very right edge would be cut in half: leave it out.
                            let right = plot_width.get() - 20.0;
                            laid_out
                                .with(|l| l.ticks.clone())
                                .into_iter()
                                .filter(|(x, _)| *x <= right)
                                .map(|(x, label)| {
                                    view! {
                                        <span class="tl-tick" style:left=format!("{}px", x + LABEL_WIDTH)>{label}</span>
                                    }
                                })
                                .collect_view()
                        }}
                    </div>
                    {move || {
                        laid_out
                            .with(|l| l.lanes.clone())
                            .into_iter()
                            .map(|lane| {
                                view! {
                                    <div
                                        class="tl-lane"
                                        style:top=format!("{}px", lane.y + AXIS_HEIGHT)
                                        style:height=format!("{}px", lane.height)
                                    >
                                        <span class="tl-lane-label" title=lane.label.clone()>{lane.label.clone()}</span>
                                    </div>
                                }
                            })
                            .collect_view()
                    }}
                    <For
                        each=move || laid_out.with(|l| l.items.clone())
                        key=|item| (item.entry, item.lane, item.row, item.x0.to_bits(), item.x1.to_bits())
                        children=move |item| {
                            let report = items_report.clone();
                            let e = &report.entries[item.entry];
                            let label = format!(
                                "{}, {}, {}",
                                e.title,
                                e.date.map(|d| d.to_string()).unwrap_or_default(),
                                report.subsidiary_name(&e.subsidiary)
                            );
                            let entry = item.entry;
                            let first = move || laid_out.with(|l| l.items.first().map(|i| i.entry)) == Some(entry);
                            let tab = move || {
                                let mine = match active.get() {
                                    Some(a) => a == entry,
                                    None => first(),
                                };
                                if mine { 0 } else { -1 }
                            };
                            let kind = e.kind.as_str();
                            // A day is a round point as tall as it is wide; spans fill their row.
                            let (left, width, top, height) = if item.point {
                                let d = (item.x1 - item.x0).min(item.h);
                                let cx = (item.x0 + item.x1) / 2.0;
                                (cx - d / 2.0, d, item.y + (item.h - d) / 2.0, d)
                            } else {
                                (item.x0, (item.x1 - item.x0).max(2.0), item.y, item.h)
                            };
                            view! {
                                <button
                                    type="button"
                                    class="tl-item"
                                    class:point=item.point
                                    data-kind=kind
                                    data-entry=entry.to_string()
                                    aria-label=label
                                    tabindex=tab
                                    style:left=format!("{}px", left + LABEL_WIDTH)
                                    style:width=format!("{}px", width)
                                    style:top=format!("{}px", top + AXIS_HEIGHT)
                                    style:height=format!("{}px", height)
                                    on:focus=move |_| {
                                        active.set(Some(entry));
                                        hovered.set(Some(entry));
                                    }
                                    on:blur=move |_| hovered.set(None)
                                    on:mouseenter=move |_| hovered.set(Some(entry))
                                    on:mouseleave=move |_| hovered.set(None)
                                    on:click=move |_| open(entry, &report)
                                ></button>
                            }
                        }
                    />
                    {move || {
                        let entry = hovered.get()?;
                        let item = laid_out.with(|l| l.items.iter().find(|i| i.entry == entry).cloned())?;
                        let e = &tooltip_report.entries[entry];
                        let date = e.date.map(|d| d.to_string()).unwrap_or_default();
                        let sub = tooltip_report.subsidiary_name(&e.subsidiary).to_owned();
                        let left = (item.x0 + LABEL_WIDTH).min(outer_width.get() - 260.0).max(0.0);
                        Some(view! {
                            <div
                                class="tl-tooltip"
                                role="tooltip"
                                data-testid="timeline-tooltip"
                                style:left=format!("{left}px")
                                style:top=format!("{}px", item.y + item.h + AXIS_HEIGHT + 4.0)
                            >
                                <strong>{e.title.clone()}</strong>
                                <span>{date} " · " {sub}</span>
                            </div>
                        })
                    }}
                </div>
            </div>
            <p class="tl-help">"Scroll or pinch to zoom, drag to pan. Arrow keys move between items, Enter opens one."</p>
            <ol id="timeline-list" class="timeline-list" class:visually-hidden=move || !show_list.get() data-testid="timeline-list">
                {move || {
                    positions
                        .with(|p| award_order(&list_report, p))
                        .into_iter()
                        .map(|i| {
                            let e = &list_report.entries[i];
                            let mut sel = selection.get();
                            sel.entry = Some(e.id.clone());
                            sel.view = crate::core::query::View::List;
                            let href = link.run(sel);
                            let date = e.date.map(|d| d.to_string()).unwrap_or_default();
                            let iso = e.date.map(|d| d.iso()).unwrap_or_default();
                            view! {
                                <li data-entry=i.to_string()>
                                    <time datetime=iso>{date}</time>
                                    " "
                                    <a href=href>{e.title.clone()}</a>
                                    " (" {list_report.subsidiary_name(&e.subsidiary).to_owned()} ")"
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}
