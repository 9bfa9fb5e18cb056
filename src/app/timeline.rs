//! The award timeline view: lanes, zoom and pan, clusters, tooltips, keyboard moves, and the paged accessible list.
//!
//! The layout is bounded by the core (at most a few hundred marks, clusters
//! past that), and each mark, lane and list row is a keyed element that keeps
//! its DOM node while the window or the filters change, so focus and the
//! roving tab stop survive them.

use crate::app::resize::use_width;
use crate::core::model::Report;
use crate::core::query::{QueryResult, Selection, View};
use crate::core::timeline::{
    default_window, first_mark, navigate_mark, nearest_mark, pan, wheel_zoom_factor, zoom,
    AwardOrder, ClusterId, Direction, LaneBy, ListPage, Mark, TimelineData, TimelineIndex,
    TimelineItem, TimelineLayout, TimelineOptions, Window, LIST_PAGE_SIZE,
};
use leptos::ev::{FocusEvent, KeyboardEvent, PointerEvent, WheelEvent};
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Width of the lane-label column, in CSS pixels.
const LABEL_WIDTH: f64 = 160.0;
/// Height of the time axis above the lanes.
const AXIS_HEIGHT: f64 = 28.0;

/// A mark's box on the page: left, width, top, height (CSS pixels inside the plot).
type Geometry = (f64, f64, f64, f64);

/// Where an item is drawn: a day is a round point as tall as it is wide; spans fill their row.
fn item_geometry(item: &TimelineItem) -> Geometry {
    let (left, width, top, height) = if item.point {
        let d = (item.x1 - item.x0).min(item.h);
        let cx = (item.x0 + item.x1) / 2.0;
        (cx - d / 2.0, d, item.y + (item.h - d) / 2.0, d)
    } else {
        (item.x0, (item.x1 - item.x0).max(2.0), item.y, item.h)
    };
    (left + LABEL_WIDTH, width, top + AXIS_HEIGHT, height)
}

/// The CSS selector of a mark's element inside the plot.
fn selector(mark: &Mark) -> String {
    match mark {
        Mark::Item(entry) => format!(".tl-item[data-entry=\"{entry}\"]"),
        Mark::Cluster(id) => format!(".tl-cluster[data-cluster=\"{}\"]", id.token()),
    }
}

/// Focuses a mark's element, if it is in the plot.
fn focus_mark(plot: &web_sys::Element, mark: &Mark) {
    if let Ok(Some(el)) = plot.query_selector(&selector(mark)) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// A cluster's count as it fits in a small box: `37`, `1.2k`, `12k`.
fn short_count(n: usize) -> String {
    match n {
        0..=999 => n.to_string(),
        1_000..=9_999 => format!("{:.1}k", n as f64 / 1000.0).replace(".0k", "k"),
        _ => format!("{}k", n / 1000),
    }
}

fn px(v: f64) -> String {
    format!("{v}px")
}

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
    let t = crate::app::i18n::texts();
    let tt = &t.timeline;
    // Zoom, lanes and focus are the reader's: they stay when the result changes.
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
    // The report indexed by lane and time once per lane choice; each result sorted into lanes
    // from it (a sequential pass); each window laid out from that.
    let index = {
        let report = report.clone();
        Memo::new(move |_| TimelineIndex::new(&report, by.get()))
    };
    let data = Memo::new(move |_| {
        // Only the limits (lanes, marks) matter here, not the window.
        let options = TimelineOptions::new(Window::between((2000, 1, 1), (2001, 1, 1)), 1.0);
        index.with(|index| positions.with(|p| TimelineData::from_index(index, p, &options)))
    });
    let laid_out: Memo<TimelineLayout> = Memo::new(move |_| {
        let options = TimelineOptions::new(window.get(), plot_width.get());
        data.with(|d| d.layout(&options))
    });

    // The roving tab stop: the mark last focused while it is laid out; otherwise the mark
    // nearest where it was (same lane, nearest day), or the first mark.
    let active = RwSignal::new(None::<Mark>);
    let place = RwSignal::new(None::<(String, f64)>);
    let roving = Memo::new(move |_| {
        laid_out.with(|l| {
            if let Some(m) = active.get().filter(|m| l.contains(m)) {
                return Some(m);
            }
            match place.get() {
                Some((lane, day)) => nearest_mark(l, &lane, day),
                None => first_mark(l),
            }
        })
    });
    let remember = move |mark: Mark| {
        let at = laid_out.with_untracked(|l| {
            l.mark_days(&mark)
                .map(|(lane, s, e)| (l.lanes[lane].key.clone(), (s + e) / 2.0))
        });
        if at.is_some() && at != place.get_untracked() {
            place.set(at);
        }
        if active.get_untracked().as_ref() != Some(&mark) {
            active.set(Some(mark));
        }
    };
    let hovered = RwSignal::new(None::<Mark>);
    let show_list = RwSignal::new(false);
    let plot_ref = NodeRef::<html::Div>::new();
    // After the layout changes, moves the focus to the roving mark.
    let focus_roving = move || {
        request_animation_frame(move || {
            if let (Some(plot), Some(mark)) = (plot_ref.get_untracked(), roving.get_untracked()) {
                focus_mark(&plot, &mark);
            }
        })
    };

    let open = move |entry: usize, report: &Report| {
        let mut sel = selection.get_untracked();
        sel.entry = Some(report.entries[entry].id.clone());
        sel.view = View::List;
        apply.run((sel, false));
    };
    // A cluster zooms into its days; the focus goes to the mark nearest its middle.
    let zoom_into = move |id: &ClusterId| {
        let target = laid_out.with_untracked(|l| {
            l.cluster(id).map(|c| {
                (
                    c.zoom_window(l.window),
                    l.lanes[c.lane].key.clone(),
                    (c.start + c.end) / 2.0,
                )
            })
        });
        if let Some((w, lane, day)) = target {
            place.set(Some((lane, day)));
            active.set(None);
            hovered.set(None);
            chosen_window.set(Some(w));
            focus_roving();
        }
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

    // A pointer's x in the timeline box, whatever element it is over (`offsetX` would be
    // measured from an item or a tick label under the pointer).
    let x_in_box = move |client_x: f64| {
        client_x
            - box_ref
                .get_untracked()
                .map_or(0.0, |b| b.get_bounding_client_rect().left())
    };
    // Wheel zooms around the pointer (a trackpad pinch arrives as a wheel event with ctrlKey);
    // dragging pans. A sideways scroll does not zoom and is left to the page.
    let on_wheel = move |ev: WheelEvent| {
        let Some(factor) = wheel_zoom_factor(ev.delta_y()) else {
            return;
        };
        ev.prevent_default();
        zoom_by(factor, Some(day_at(x_in_box(f64::from(ev.client_x())))));
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
                zoom_by(d1 / d0, Some(day_at(x_in_box(mid))));
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
        let on_mark = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.closest(".tl-item, .tl-cluster").ok().flatten().is_some());
        if ev.is_primary() && !on_mark {
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

    let on_key = {
        let report = report.clone();
        move |ev: KeyboardEvent| {
            let Some(current) = roving.get_untracked() else {
                return;
            };
            let direction = match ev.key().as_str() {
                "ArrowLeft" => Direction::Left,
                "ArrowRight" => Direction::Right,
                "ArrowUp" => Direction::Up,
                "ArrowDown" => Direction::Down,
                "Enter" | " " => {
                    ev.prevent_default();
                    match &current {
                        Mark::Item(entry) => open(*entry, &report),
                        Mark::Cluster(id) => zoom_into(id),
                    }
                    return;
                }
                _ => return,
            };
            ev.prevent_default();
            if let Some(next) = laid_out.with_untracked(|l| navigate_mark(l, &current, direction)) {
                remember(next.clone());
                if let Some(plot) = plot_ref.get_untracked() {
                    focus_mark(&plot, &next);
                }
            }
        }
    };
    // A mark that takes the focus (by Tab, click or script) becomes the tab stop.
    let on_focus_in = move |ev: FocusEvent| {
        let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let mark = if let Some(entry) = el.get_attribute("data-entry") {
            entry.parse().ok().map(Mark::Item)
        } else if el.has_attribute("data-cluster") {
            let token = el.get_attribute("data-cluster").unwrap_or_default();
            laid_out.with_untracked(|l| {
                l.clusters
                    .iter()
                    .find(|c| c.id.token() == token)
                    .map(|c| Mark::Cluster(c.id.clone()))
            })
        } else {
            None
        };
        if let Some(mark) = mark {
            remember(mark.clone());
            hovered.set(Some(mark));
        }
    };

    let height = move || laid_out.with(|l| l.height) + AXIS_HEIGHT + 8.0;
    let items_report = report.clone();
    let tooltip_report = report.clone();
    let list_report = report.clone();
    let clustered = Memo::new(move |_| laid_out.with(TimelineLayout::clustered));

    // The accessible list: the result's timeline entries by date, one page at a time; back to
    // the first page when the result changes.
    let report_order = Memo::new(move |_| AwardOrder::new(&list_report));
    let order = Memo::new(move |_| report_order.with(|o| positions.with(|p| o.order(p))));
    let page = RwSignal::new(0usize);
    Effect::new(move |previous: Option<()>| {
        positions.track();
        if previous.is_some() {
            page.set(0);
        }
    });
    let list_page =
        Memo::new(move |_| ListPage::new(order.with(Vec::len), page.get(), LIST_PAGE_SIZE));
    let page_entries = Memo::new(move |_| {
        let p = list_page.get();
        order.with(|o| o[p.range()].to_vec())
    });
    let row_report = report.clone();

    // An item: a button that opens its entry.
    let item_view = move |entry: usize| {
        let report = items_report.clone();
        let e = &report.entries[entry];
        let label = format!(
            "{}, {}, {}",
            e.title,
            e.date.map(|d| d.text(&t.dates)).unwrap_or_default(),
            report.lead_with(e)
        );
        let kind = e.kind.as_str();
        let point = laid_out.with_untracked(|l| l.item(entry).is_some_and(|i| i.point));
        let geometry = Memo::new(move |previous: Option<&Geometry>| {
            laid_out
                .with(|l| l.item(entry).map(item_geometry))
                .or_else(|| previous.copied())
                .unwrap_or_default()
        });
        let mark = Mark::Item(entry);
        let tab = move || {
            if roving.with(|r| r.as_ref() == Some(&mark)) {
                0
            } else {
                -1
            }
        };
        view! {
            <button
                type="button"
                class="tl-item"
                class:point=point
                data-kind=kind
                data-entry=entry.to_string()
                aria-label=label
                // Its name is the entry's title and subsidiary: the report's text.
                lang=crate::app::lang::report_lang()
                tabindex=tab
                style:left=move || px(geometry.get().0)
                style:width=move || px(geometry.get().1)
                style:top=move || px(geometry.get().2)
                style:height=move || px(geometry.get().3)
                on:mouseenter=move |_| hovered.set(Some(Mark::Item(entry)))
                on:mouseleave=move |_| hovered.set(None)
                on:click=move |_| open(entry, &report)
            ></button>
        }
    };
    // A cluster: a button showing its count that zooms into its days.
    let cluster_view = move |id: ClusterId| {
        let token = id.token();
        let info = {
            let id = id.clone();
            Memo::new(move |previous: Option<&(Geometry, usize, String)>| {
                laid_out
                    .with(|l| {
                        l.cluster(&id).map(|c| {
                            let geometry = (
                                c.x0 + LABEL_WIDTH,
                                (c.x1 - c.x0).max(2.0),
                                c.y + AXIS_HEIGHT,
                                c.h,
                            );
                            (
                                geometry,
                                c.count,
                                format!("{}. {}", c.label_in(t), tt.zoom_in),
                            )
                        })
                    })
                    .or_else(|| previous.cloned())
                    .unwrap_or_default()
            })
        };
        let mark = Mark::Cluster(id.clone());
        let hover = mark.clone();
        let tab = move || {
            if roving.with(|r| r.as_ref() == Some(&mark)) {
                0
            } else {
                -1
            }
        };
        view! {
            <button
                type="button"
                class="tl-cluster"
                data-testid="timeline-cluster"
                data-cluster=token
                aria-label=move || info.with(|i| i.2.clone())
                tabindex=tab
                style:left=move || px(info.with(|i| i.0 .0))
                style:width=move || px(info.with(|i| i.0 .1))
                style:top=move || px(info.with(|i| i.0 .2))
                style:height=move || px(info.with(|i| i.0 .3))
                on:mouseenter=move |_| hovered.set(Some(hover.clone()))
                on:mouseleave=move |_| hovered.set(None)
                on:click=move |_| zoom_into(&id)
            >
                {move || short_count(info.with(|i| i.1))}
            </button>
        }
    };

    view! {
        <section
            class="timeline"
            data-testid="timeline"
            data-window=move || window.with(|w| w.iso())
            aria-labelledby="timeline-heading"
        >
            <h2 id="timeline-heading" class="visually-hidden">{tt.heading}</h2>
            <div class="timeline-controls" role="toolbar" aria-label=tt.controls>
                <button type="button" on:click=move |_| zoom_by(1.5, None) aria-label=tt.zoom_in data-testid="zoom-in">"+"</button>
                <button type="button" on:click=move |_| zoom_by(1.0 / 1.5, None) aria-label=tt.zoom_out data-testid="zoom-out">"−"</button>
                <button type="button" on:click=move |_| pan_by(-0.25) aria-label=tt.earlier>"◀"</button>
                <button type="button" on:click=move |_| pan_by(0.25) aria-label=tt.later>"▶"</button>
                <button type="button" class="link-button" on:click=move |_| chosen_window.set(None)>{tt.reset}</button>
                <label>
                    {tt.lanes}
                    <select
                        data-testid="lanes"
                        on:change=move |ev| by.set(LaneBy::parse(&event_target_value(&ev)).unwrap_or_default())
                    >
                        <option value=LaneBy::Subsidiary.token()>{t.facets.subsidiary}</option>
                        <option value=LaneBy::Category.token()>{t.facets.category}</option>
                    </select>
                </label>
                <button
                    type="button"
                    class="link-button"
                    aria-expanded=move || show_list.get().to_string()
                    aria-controls="timeline-list"
                    on:click=move |_| show_list.update(|s| *s = !*s)
                >
                    {move || if show_list.get() { tt.hide_list } else { tt.show_list }}
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
                    style:height=move || px(height())
                    on:keydown=on_key
                    on:focusin=on_focus_in
                    on:focusout=move |_| hovered.set(None)
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
                                        <span class="tl-tick" style:left=px(x + LABEL_WIDTH)>{crate::core::timeline::tick_in(&label, &t.dates)}</span>
                                    }
                                })
                                .collect_view()
                        }}
                    </div>
                    <For
                        each=move || laid_out.with(|l| l.lanes.iter().map(|lane| lane.key.clone()).collect::<Vec<_>>())
                        key=|key| key.clone()
                        children=move |key| {
                            // A subsidiary's or category's name is the report's text; "Other" is ours.
                            let lang = (key != crate::core::timeline::OTHER_LANE)
                                .then(crate::app::lang::report_lang)
                                .flatten();
                            let lane = Memo::new(move |previous: Option<&(f64, f64, String)>| {
                                laid_out
                                    .with(|l| {
                                        l.lanes.iter().find(|lane| lane.key == key).map(|lane| {
                                            // The "other" lane's words are the interface's.
                                            let label = if lane.key == crate::core::timeline::OTHER_LANE {
                                                let (one, other) = match by.get_untracked() {
                                                    LaneBy::Subsidiary => (tt.other_subsidiaries_one, tt.other_subsidiaries_other),
                                                    LaneBy::Category => (tt.other_categories_one, tt.other_categories_other),
                                                };
                                                t.count(lane.merged, one, other)
                                            } else {
                                                lane.label.clone()
                                            };
                                            (lane.y, lane.height, label)
                                        })
                                    })
                                    .or_else(|| previous.cloned())
                                    .unwrap_or_default()
                            });
                            let label = move || lane.with(|l| l.2.clone());
                            view! {
                                <div
                                    class="tl-lane"
                                    style:top=move || px(lane.with(|l| l.0) + AXIS_HEIGHT)
                                    style:height=move || px(lane.with(|l| l.1))
                                >
                                    <bdi class="tl-lane-label" lang=lang title=label>{label}</bdi>
                                </div>
                            }
                        }
                    />
                    <For
                        each=move || laid_out.with(TimelineLayout::mark_order)
                        key=|mark| mark.clone()
                        children=move |mark| match mark {
                            Mark::Item(entry) => item_view(entry).into_any(),
                            Mark::Cluster(id) => cluster_view(id).into_any(),
                        }
                    />
                    {move || {
                        let mark = hovered.get()?;
                        let (x0, _, y, h) = laid_out.with(|l| l.mark_box(&mark))?;
                        let (title, detail) = match &mark {
                            Mark::Item(entry) => {
                                let e = &tooltip_report.entries[*entry];
                                let date = e.date.map(|d| d.text(&t.dates)).unwrap_or_default();
                                // A shared entry sits in its lead's lane: say who shares it.
                                let sub = tooltip_report.lead_with(e);
                                (e.title.clone(), view! { {date}" · "<bdi lang=crate::app::lang::report_lang()>{sub}</bdi> }.into_any())
                            }
                            Mark::Cluster(id) => {
                                let label = laid_out.with(|l| l.cluster(id).map(|c| c.label_in(t)))?;
                                (label, tt.cluster_hint.into_any())
                            }
                        };
                        let left = (x0 + LABEL_WIDTH).min(outer_width.get() - 260.0).max(0.0);
                        Some(view! {
                            <div
                                class="tl-tooltip"
                                role="tooltip"
                                data-testid="timeline-tooltip"
                                style:left=px(left)
                                style:top=px(y + h + AXIS_HEIGHT + 4.0)
                            >
                                <strong><bdi lang=crate::app::lang::report_lang()>{title}</bdi></strong>
                                <span>{detail}</span>
                            </div>
                        })
                    }}
                </div>
            </div>
            <p class="tl-help">
                {tt.help}
                {move || clustered.get().then_some(tt.help_clusters)}
            </p>
            <div id="timeline-list" class="timeline-list-box" class:visually-hidden=move || !show_list.get()>
                <ol
                    class="timeline-list"
                    data-testid="timeline-list"
                    start=move || (list_page.get().start + 1).to_string()
                >
                    <For
                        each=move || page_entries.get()
                        key=|entry| *entry
                        children=move |i| {
                            let e = &row_report.entries[i];
                            let id = e.id.clone();
                            let href = move || {
                                let mut sel = selection.get();
                                sel.entry = Some(id.clone());
                                sel.view = View::List;
                                link.run(sel)
                            };
                            let date = e.date.map(|d| d.text(&t.dates)).unwrap_or_default();
                            let iso = e.date.map(|d| d.html_datetime()).unwrap_or_default();
                            view! {
                                <li data-entry=i.to_string()>
                                    <time datetime=iso>{date}</time>
                                    " "
                                    <a href=href><bdi lang=crate::app::lang::report_lang()>{e.title.clone()}</bdi></a>
                                    " (" <bdi lang=crate::app::lang::report_lang()>{row_report.lead_with(e)}</bdi> ")"
                                </li>
                            }
                        }
                    />
                </ol>
                <div class="timeline-pager" role="group" aria-label=tt.list_pages>
                    <button
                        type="button"
                        class="link-button"
                        aria-disabled=move || (!list_page.get().has_previous()).to_string()
                        on:click=move |_| {
                            let p = list_page.get_untracked();
                            if p.has_previous() {
                                page.set(p.page - 1);
                            }
                        }
                    >
                        {t.explorer.previous}
                    </button>
                    <span data-testid="timeline-list-page" role="status">
                        {move || list_page.get().status_in(t)}
                    </span>
                    <button
                        type="button"
                        class="link-button"
                        aria-disabled=move || (!list_page.get().has_next()).to_string()
                        on:click=move |_| {
                            let p = list_page.get_untracked();
                            if p.has_next() {
                                page.set(p.page + 1);
                            }
                        }
                    >
                        {t.explorer.next}
                    </button>
                </div>
            </div>
        </section>
    }
}
