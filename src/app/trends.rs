//! Year over year in the view: the trends of a merged report (built once per report and shared through context), the charts view's "Trends" section and a figure's change in the entry detail.
//!
//! Shown only when the report merges two editions or more (`Report::editions`); a report
//! shown alone has no series, and these components render nothing.

use crate::app::charts::{CaptionFn, ChartData, ChartPanel};
use crate::app::download::download_text;
use crate::core::charts::{table_in, trend_data_in, Mark};
use crate::core::export::table_csv;
use crate::core::i18n::fill;
use crate::core::ids::EntryId;
use crate::core::model::Report;
use crate::core::query::{Index, QueryResult};
use crate::core::trends::{describe_in, Trends};
use leptos::prelude::*;
use std::sync::{Arc, OnceLock};

/// Series offered in the chooser at most; typing narrows the rest.
const MAX_OPTIONS: usize = 50;

/// The trends of the report shown, built the first time a view needs them (an entry's
/// change, the Trends section), with its index (to find an entry's position by id).
#[derive(Clone)]
pub struct TrendsContext {
    /// The report shown.
    report: Arc<Report>,
    /// Series across the editions (empty with fewer than two), once built.
    built: Arc<OnceLock<Arc<Trends>>>,
    /// The report's index.
    pub index: Arc<Index>,
}

impl TrendsContext {
    /// Provides the trends of `report` to the components below; nothing is built yet, so a
    /// load never waits for series no view has asked for.
    pub fn provide(report: Arc<Report>, index: Arc<Index>) {
        provide_context(TrendsContext {
            report,
            built: Arc::new(OnceLock::new()),
            index,
        });
    }

    /// The series across the editions: one pass over the figures, the first time.
    pub fn trends(&self) -> Arc<Trends> {
        self.built
            .get_or_init(|| Arc::new(Trends::build(&self.report)))
            .clone()
    }
}

/// A figure's change against the previous report (`+12.4% vs 2018`), or nothing.
#[component]
pub fn FigureChange(
    /// The report.
    report: Arc<Report>,
    /// The entry's id.
    entry: EntryId,
    /// The figure's position in the entry.
    metric: usize,
) -> impl IntoView {
    let context = use_context::<TrendsContext>()?;
    let position = context.index.position(&entry)?;
    if report.editions.len() < 2 {
        return None;
    }
    let change = context.trends().change(&report, position, metric)?;
    let t = crate::app::i18n::texts();
    let words = describe_in(&change, t);
    Some(view! {
        <span class="figure-change" data-testid="figure-change" data-direction=format!("{:?}", change.direction).to_lowercase()>
            <span class="visually-hidden">{t.years.change_label}</span>
            {words}
        </span>
    })
}

/// The charts view's "Trends" section: a bounded, searchable series chooser and the chosen
/// series' chart with its table and exports.
#[component]
pub fn TrendsSection(
    /// The report.
    report: Arc<Report>,
    /// The current result: the chooser offers the series of its entries.
    result: Memo<QueryResult>,
    /// Called with the bar clicked (opens its entry).
    on_mark: Callback<Mark>,
    /// Provenance caption for exports.
    caption: CaptionFn,
) -> impl IntoView {
    let context = use_context::<TrendsContext>()?;
    if report.editions.len() < 2 {
        return None;
    }
    let texts = crate::app::i18n::texts();
    let y = &texts.years;
    let trends = context.trends();
    let among = {
        let (report, trends) = (report.clone(), trends.clone());
        Memo::new(move |_| result.with(|r| trends.series_among(&report, &r.entries)))
    };
    let filter = RwSignal::new(String::new());
    let options = {
        let (report, trends) = (report.clone(), trends.clone());
        Memo::new(move |_| {
            among
                .with(|a| filter.with(|q| trends.find_series_in(&report, a, q, MAX_OPTIONS, texts)))
        })
    };
    let picked = RwSignal::new(None::<usize>);
    let chosen = Memo::new(move |_| {
        let (opts, _) = options.get();
        picked
            .get()
            .filter(|p| opts.iter().any(|(s, _)| s == p))
            .or_else(|| opts.first().map(|(s, _)| *s))
    });
    let data = {
        let (report, trends) = (report.clone(), trends.clone());
        Memo::new(move |_| {
            ChartData::Trend(trend_data_in(
                &report,
                &trends,
                chosen.get().unwrap_or(usize::MAX),
                texts,
            ))
        })
    };
    let export_csv = move |_| {
        let lines = vec![caption.run(())];
        let csv = data.with_untracked(|d| table_csv(&table_in(d.chart(), texts), &lines));
        let _ = download_text("trend.csv", "text/csv", &csv);
    };
    Some(view! {
        <section class="trends" data-testid="trends" aria-labelledby="trends-heading">
            <h3 id="trends-heading">{y.section}</h3>
            <p class="chart-help">{y.help}</p>
            <div class="trend-picker">
                <label>
                    {y.filter}
                    " "
                    <input
                        type="search"
                        data-testid="trend-filter"
                        placeholder=y.filter_placeholder
                        prop:value=move || filter.get()
                        on:input=move |ev| filter.set(event_target_value(&ev))
                    />
                </label>
                <label>
                    {y.choose}
                    <select
                        data-testid="trend-series"
                        on:change=move |ev| picked.set(event_target_value(&ev).parse().ok())
                    >
                        {move || {
                            let current = chosen.get();
                            options
                                .get()
                                .0
                                .into_iter()
                                .map(|(s, label)| {
                                    view! { <option value=s.to_string() selected=current == Some(s)>{label}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                {move || {
                    let (shown, total) = options.with(|(o, t)| (o.len(), *t));
                    let none = among.with(Vec::is_empty);
                    if none {
                        Some(view! { <p class="chart-note" data-testid="trend-none">{y.none}</p> }.into_any())
                    } else if total == 0 {
                        Some(view! { <p class="chart-note" data-testid="trend-none">{y.no_match}</p> }.into_any())
                    } else if total > shown {
                        Some(view! { <p class="chart-note" data-testid="trend-more">{fill(y.showing, &[("shown", &crate::app::i18n::number(shown)), ("total", &crate::app::i18n::number(total))])}</p> }.into_any())
                    } else {
                        None
                    }
                }}
            </div>
            <Show when=move || chosen.with(Option::is_some)>
                <ChartPanel id="trend" title=y.chart_title help=y.help data on_mark caption/>
                <div class="chart-actions">
                    <button type="button" class="link-button" data-testid="csv-trend" aria-label=y.csv_label on:click=export_csv>
                        "CSV"
                    </button>
                </div>
            </Show>
        </section>
    })
}
