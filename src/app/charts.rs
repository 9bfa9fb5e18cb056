//! The charts view: coverage, awards per year and metrics, drawn with plotters on high-DPI canvases,
//! with tooltips, click-to-filter, a table alternative, and PNG/SVG exports with provenance.

use crate::app::chart_backend::canvas_backend;
use crate::app::download::{download_canvas_png, download_text};
use crate::app::resize::use_width;
use crate::app::theme::ThemeContext;
use crate::core::charts::{
    awards_data_in, coverage_data_in, draw, hit_test, metric_options, metrics_data, render_svg,
    select_mark, table_in, AwardsData, Chart, ChartHits, ChartTheme, CoverageData, Mark,
    MetricsData, Scope, TrendData,
};
use crate::core::i18n::Texts;
use crate::core::model::Report;
use crate::core::query::{Index, QueryResult, SearchHits, Selection, Sort, View};
use leptos::ev::{MouseEvent, PointerEvent};
use leptos::html;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// The data of one chart, owned so it can live in a memo.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartData {
    /// Entries by subsidiary and category.
    Coverage(CoverageData),
    /// Awards per year.
    Awards(AwardsData),
    /// Figures of one family and unit.
    Metrics(MetricsData),
    /// One series across reports.
    Trend(TrendData),
}

impl ChartData {
    /// The chart it draws.
    pub fn chart(&self) -> Chart<'_> {
        match self {
            ChartData::Coverage(d) => Chart::Coverage(d),
            ChartData::Awards(d) => Chart::Awards(d),
            ChartData::Metrics(d) => Chart::Metrics(d),
            ChartData::Trend(d) => Chart::Trend(d),
        }
    }

    /// Drawing height in CSS pixels for the chart's amount of data at `width`.
    fn height(&self, width: f64) -> u32 {
        crate::core::charts::chart_height(self.chart(), width as u32)
    }

    fn is_empty(&self) -> bool {
        match self {
            ChartData::Coverage(d) => d.subsidiaries.is_empty(),
            ChartData::Awards(d) => d.years.is_empty(),
            ChartData::Metrics(d) => d.bars.is_empty(),
            ChartData::Trend(d) => d.bars.is_empty(),
        }
    }
}

/// Text for provenance captions: a function the explorer provides.
pub type CaptionFn = Callback<(), String>;

/// All charts for the current result.
#[component]
pub fn ChartsView(
    /// The report.
    report: Arc<Report>,
    /// Its index: bars are counted by the engine that lists the results.
    index: Arc<Index>,
    /// Search matches for the selection's search text.
    hits: Memo<SearchHits>,
    /// The current result (charts follow the filters).
    result: Memo<QueryResult>,
    /// The current selection.
    selection: Memo<Selection>,
    /// Applies a selection (cross-filtering).
    apply: Callback<(Selection, bool)>,
    /// Provenance caption for exports.
    caption: CaptionFn,
) -> impl IntoView {
    let positions = Memo::new(move |_| result.with(|r| r.entries.clone()));
    // The filters alone (not the page, order, view or open entry): what the bars count.
    let filters = Memo::new(move |_| {
        selection.with(|s| Selection {
            entry: None,
            page: 0,
            view: View::List,
            sort: Sort::default(),
            ..s.clone()
        })
    });
    let counted = {
        let (report, index) = (report.clone(), index.clone());
        let t = crate::app::i18n::texts();
        move |f: fn(&Scope<'_>, &'static Texts) -> ChartData| {
            let (report, index) = (report.clone(), index.clone());
            Memo::new(move |_| {
                filters.with(|sel| hits.with(|h| f(&Scope::new(&report, &index, sel, h), t)))
            })
        }
    };
    let coverage = counted(|scope, t| ChartData::Coverage(coverage_data_in(scope, t)));
    let awards = counted(|scope, t| ChartData::Awards(awards_data_in(scope, t)));
    let options = {
        let report = report.clone();
        Memo::new(move |_| positions.with(|p| metric_options(&report, p)))
    };
    let picked = RwSignal::new(None::<(String, String)>);
    let family = Memo::new(move |_| {
        let opts = options.get();
        picked
            .get()
            .filter(|(f, u)| opts.iter().any(|o| &o.family == f && &o.unit == u))
            .or_else(|| {
                // Start with the family that compares the most figures.
                let most = opts.iter().map(|o| o.count).max()?;
                opts.iter()
                    .find(|o| o.count == most)
                    .map(|o| (o.family.clone(), o.unit.clone()))
            })
    });
    let metrics = {
        let report = report.clone();
        let t = crate::app::i18n::texts();
        Memo::new(move |_| {
            let (f, u) = family.get().unwrap_or_default();
            let mut d = positions.with(|p| metrics_data(&report, p, &f, &u));
            d.localize(t);
            ChartData::Metrics(d)
        })
    };
    let on_mark = {
        let report = report.clone();
        Callback::new(move |mark: Mark| {
            // A piece standing for too many values selects nothing; its tooltip says so.
            if let Some(sel) = select_mark(&report, &selection.get_untracked(), &mark) {
                apply.run((sel, false));
            }
        })
    };
    let ct = &crate::app::i18n::texts().charts;
    view! {
        <section class="charts" data-testid="charts">
            <ChartPanel
                id="coverage"
                title=ct.coverage_title
                help=ct.coverage_help
                data=coverage
                on_mark
                caption
            />
            <ChartPanel
                id="awards"
                title=ct.awards_title
                help=ct.awards_help
                data=awards
                on_mark
                caption
            />
            {move || {
                awards.with(|d| match d {
                    ChartData::Awards(a) if a.undated > 0 => Some(view! {
                        <p class="chart-note" data-testid="awards-undated">
                            {crate::core::i18n::fill(
                                ct.undated,
                                &[("awards", &crate::app::i18n::count(a.undated, ct.undated_one, ct.undated_other))],
                            )}
                        </p>
                    }),
                    _ => None,
                })
            }}
            <div class="metric-picker">
                <label>
                    {ct.figures_pick}
                    <select
                        data-testid="metric-family"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            picked.set(v.split_once('|').map(|(f, u)| (f.to_owned(), u.to_owned())));
                        }
                    >
                        {move || {
                            let current = family.get();
                            options
                                .get()
                                .into_iter()
                                .map(|o| {
                                    let value = format!("{}|{}", o.family, o.unit);
                                    let selected = current.as_ref() == Some(&(o.family.clone(), o.unit.clone()));
                                    view! {
                                        // The figures' family comes from the data, in its language.
                                        <option value=value selected=selected lang=crate::app::lang::report_lang()>
                                            {format!("{} ({})", o.label, o.count)}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
            </div>
            <ChartPanel
                id="metrics"
                title=ct.metrics_title
                help=ct.metrics_help
                data=metrics
                on_mark
                caption
            />
            <crate::app::trends::TrendsSection report=report.clone() result on_mark caption/>
        </section>
    }
}

/// One chart: canvas, tooltip, table alternative and exports.
#[component]
pub fn ChartPanel(
    /// Stable id (used in test ids and file names).
    id: &'static str,
    /// Heading.
    title: &'static str,
    /// One line on how to use it.
    help: &'static str,
    /// The chart's data.
    data: Memo<ChartData>,
    /// Called with the mark clicked.
    on_mark: Callback<Mark>,
    /// Provenance caption for exports.
    caption: CaptionFn,
) -> impl IntoView {
    let texts = crate::app::i18n::texts();
    let theme = use_context::<ThemeContext>();
    let dark = Signal::derive(move || theme.is_some_and(|t| t.dark.get()));
    let box_ref = NodeRef::<html::Div>::new();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let width = use_width(box_ref, 640.0);
    let hits = StoredValue::new_local(None::<ChartHits>);
    let tooltip = RwSignal::new(None::<(String, i32, i32)>);
    let show_table = RwSignal::new(false);
    let height = Memo::new(move |_| {
        let w = width.get();
        data.with(|d| d.height(w))
    });

    // Drawing is talking to the outside world (the canvas): an effect. It draws in a
    // task of its own (the latest request wins), so charts never lengthen the task that
    // renders the page, and each chart's drawing is a short task of its own.
    let pending = Rc::new(Cell::new(None::<TimeoutHandle>));
    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let w = width.get() as u32;
        let h = height.get();
        let dark = dark.get();
        data.track();
        tooltip.set(None);
        if let Some(handle) = pending.take() {
            handle.clear();
        }
        let done = pending.clone();
        let draw_later = move || {
            done.set(None);
            let chart_theme = if dark {
                ChartTheme::dark().with_texts(texts)
            } else {
                ChartTheme::light().with_texts(texts)
            };
            // The chart may have gone (another view) before its turn came.
            let drawn = data.try_with_untracked(|d| {
                let backend = canvas_backend(&canvas, w, h)?;
                let area = backend.into_drawing_area();
                let drawn = draw(d.chart(), &area, &chart_theme, None).ok();
                let _ = area.present();
                Some(drawn)
            });
            if let Some(Some(drawn)) = drawn {
                hits.try_set_value(drawn);
            }
        };
        pending.set(set_timeout_with_handle(draw_later, Duration::ZERO).ok());
    });
    let mark_at =
        move |x: i32, y: i32| hits.with_value(|h| h.as_ref().and_then(|h| hit_test(h, x, y)));
    let text_at = move |x: i32, y: i32| {
        hits.with_value(|h| {
            let h = h.as_ref()?;
            let mark = hit_test(h, x, y)?;
            h.bars
                .iter()
                .find(|b| b.mark == mark)
                .map(|b| b.text.clone())
        })
    };
    let on_move = move |ev: PointerEvent| {
        let (x, y) = (ev.offset_x(), ev.offset_y());
        tooltip.set(text_at(x, y).map(|t| (t, x, y)));
    };
    let on_click = move |ev: MouseEvent| {
        if let Some(mark) = mark_at(ev.offset_x(), ev.offset_y()) {
            on_mark.run(mark);
        }
    };
    let export_png = move |_| {
        let caption = caption.run(());
        let w = width.get_untracked() as u32;
        let h = height.get_untracked() + 24;
        let chart_theme = if dark.get_untracked() {
            ChartTheme::dark().with_texts(texts)
        } else {
            ChartTheme::light().with_texts(texts)
        };
        let Some(canvas) = document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        data.with_untracked(|d| {
            if let Some(backend) = canvas_backend(&canvas, w, h) {
                let area = backend.into_drawing_area();
                let _ = draw(d.chart(), &area, &chart_theme, Some(&caption));
                let _ = area.present();
            }
        });
        let _ = download_canvas_png(&canvas, &format!("{id}-chart.png"));
    };
    let export_svg = move |_| {
        let caption = caption.run(());
        let size = (width.get_untracked() as u32, height.get_untracked() + 24);
        let chart_theme = if dark.get_untracked() {
            ChartTheme::dark().with_texts(texts)
        } else {
            ChartTheme::light().with_texts(texts)
        };
        let svg =
            data.with_untracked(|d| render_svg(d.chart(), size, &chart_theme, Some(&caption)));
        let _ = download_text(&format!("{id}-chart.svg"), "image/svg+xml", &svg);
    };
    let label = move || {
        data.with(|d| {
            let t = table_in(d.chart(), texts);
            let said = t.note.map(|n| format!(" {n}")).unwrap_or_default();
            let ct = &texts.charts;
            crate::core::i18n::fill(
                ct.canvas_label,
                &[
                    ("title", title),
                    ("rows", &t.rows.len().to_string()),
                    ("note", &said),
                    ("show", ct.show_table),
                ],
            )
        })
    };
    view! {
        <figure class="chart" data-testid=format!("chart-{id}")>
            <figcaption>
                <h3>{title}</h3>
                <p class="chart-help">{help}</p>
            </figcaption>
            {move || {
                data.with(ChartData::is_empty)
                    .then(|| view! { <p class="empty">{texts.charts.empty}</p> })
            }}
            <div class="chart-box" node_ref=box_ref>
                <canvas
                    node_ref=canvas_ref
                    role="img"
                    aria-label=label
                    data-testid=format!("canvas-{id}")
                    style:height=move || format!("{}px", height.get())
                    on:pointermove=on_move
                    on:pointerleave=move |_| tooltip.set(None)
                    on:click=on_click
                ></canvas>
                {move || {
                    tooltip
                        .get()
                        .map(|(text, x, y)| {
                            view! {
                                <div
                                    class="chart-tooltip"
                                    role="status"
                                    data-testid=format!("tooltip-{id}")
                                    style:left=format!("{}px", x + 12)
                                    style:top=format!("{}px", y + 12)
                                >
                                    {text}
                                </div>
                            }
                        })
                }}
            </div>
            <div class="chart-actions">
                <button
                    type="button"
                    class="link-button"
                    data-testid=format!("table-toggle-{id}")
                    aria-expanded=move || show_table.get().to_string()
                    on:click=move |_| show_table.update(|s| *s = !*s)
                >
                    {move || {
                        let ct = &texts.charts;
                        if show_table.get() { ct.hide_table } else { ct.show_table }
                    }}
                </button>
                <button type="button" class="link-button" on:click=export_png data-testid=format!("png-{id}")>"PNG"</button>
                <button type="button" class="link-button" on:click=export_svg data-testid=format!("svg-{id}")>"SVG"</button>
            </div>
            <Show when=move || show_table.get()>
                {move || {
                    let t = data.with(|d| table_in(d.chart(), texts));
                    let table_note = t.note.clone().map(|n| {
                        view! { <p class="chart-note" data-testid=format!("table-note-{id}")>{n}</p> }
                    });
                    view! {
                        {table_note}
                        <div class="table-scroll">
                            <table class="chart-table" data-testid=format!("table-{id}")>
                                <caption>{title}</caption>
                                <thead>
                                    <tr>{t.headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                                </thead>
                                <tbody>
                                    {t
                                        .rows
                                        .into_iter()
                                        .map(|row| {
                                            let mut cells = row.into_iter();
                                            let head = cells.next().unwrap_or_default();
                                            view! {
                                                <tr>
                                                    <th scope="row">{head}</th>
                                                    {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                }}
            </Show>
        </figure>
    }
}
