//! Charts: SVG snapshots of each chart in both themes, hit-testing, and units never mixed.
#![cfg(not(target_arch = "wasm32"))]

#[path = "charts/large.rs"]
mod large;

use plotters::prelude::*;
use report_explorer::core::charts::metrics::measure;
use report_explorer::core::charts::{
    awards_data, coverage_data, draw, hit_test, metric_options, metrics_data, render_svg, table,
    Chart, ChartHits, ChartTheme, Mark, MeasuredBackend, NaiveMeasure, Scope, TextMeasure,
    MAX_FIGURES,
};
use report_explorer::core::load::load_report;
use report_explorer::core::model::Report;
use report_explorer::core::query::{Facet, Index, Selection};
use std::path::PathBuf;

const SIZE: (u32, u32) = (800, 400);
const CAPTION: &str = "CITIC Limited 2019 ESG Report: Customer responsibility · data/report.json · exported 2024-01-01T00:00:00Z";

fn report() -> Report {
    load_report(include_str!("../public/data/report.json"))
        .expect("default dataset loads")
        .report
}

fn all(report: &Report) -> Vec<usize> {
    (0..report.entries.len()).collect()
}

/// Chart data for `sel` on `r`, counted by a fresh index.
fn scoped<T>(r: &Report, sel: &Selection, f: impl Fn(&Scope<'_>) -> T) -> T {
    let index = Index::new(r);
    let hits = index.search(&sel.query);
    f(&Scope::new(r, &index, sel, &hits))
}

/// Chart data for the whole report (no filter).
fn whole<T>(r: &Report, f: impl Fn(&Scope<'_>) -> T) -> T {
    scoped(r, &Selection::default(), f)
}

/// Compares `svg` with `tests/snapshots/{name}.svg`, or writes it when `UPDATE_SNAPSHOTS=1`.
fn snapshot(name: &str, svg: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.svg"));
    if std::env::var("UPDATE_SNAPSHOTS").as_deref() == Ok("1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, svg).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing snapshot {}; run with UPDATE_SNAPSHOTS=1",
            path.display()
        )
    });
    assert!(
        expected == svg,
        "{} differs from the rendered chart; if the change is intended, run with UPDATE_SNAPSHOTS=1",
        path.display()
    );
}

fn themes() -> [(&'static str, ChartTheme); 2] {
    [("light", ChartTheme::light()), ("dark", ChartTheme::dark())]
}

#[test]
fn coverage_snapshots() {
    let r = report();
    let data = whole(&r, coverage_data);
    for (name, theme) in themes() {
        let svg = render_svg(Chart::Coverage(&data), SIZE, &theme, Some(CAPTION));
        assert!(svg.starts_with("<svg"));
        snapshot(&format!("coverage-{name}"), &svg);
    }
}

#[test]
fn awards_snapshots() {
    let r = report();
    let data = whole(&r, awards_data);
    for (name, theme) in themes() {
        let svg = render_svg(Chart::Awards(&data), SIZE, &theme, Some(CAPTION));
        snapshot(&format!("awards-{name}"), &svg);
    }
}

#[test]
fn metrics_snapshots() {
    let r = report();
    let satisfaction = metrics_data(&r, &all(&r), "satisfaction", "%");
    let ranks = metrics_data(&r, &all(&r), "rank", "rank");
    for (name, theme) in themes() {
        let svg = render_svg(Chart::Metrics(&satisfaction), SIZE, &theme, Some(CAPTION));
        assert!(
            svg.contains("over 92%"),
            "qualifier shown as the value label"
        );
        assert!(svg.contains("at least 80%"));
        snapshot(&format!("metrics-satisfaction-{name}"), &svg);
        let svg = render_svg(Chart::Metrics(&ranks), SIZE, &theme, None);
        assert!(svg.contains("lower is better"));
        assert!(svg.contains("54th"));
        snapshot(&format!("metrics-rank-{name}"), &svg);
    }
}

#[test]
fn empty_charts_say_so() {
    let r = report();
    // A search nothing matches.
    let none = Selection {
        query: "zzzzqqqq".into(),
        ..Selection::default()
    };
    let data = scoped(&r, &none, coverage_data);
    assert!(data.is_empty());
    let svg = render_svg(Chart::Coverage(&data), SIZE, &ChartTheme::light(), None);
    assert!(svg.contains("Nothing to chart"));
}

/// Draws into an SVG (discarded) and returns the hit-test struct.
fn drawn(chart: Chart<'_>) -> ChartHits {
    let mut out = String::new();
    let backend = MeasuredBackend::new(SVGBackend::with_string(&mut out, SIZE), NaiveMeasure);
    let root = backend.into_drawing_area();
    draw(chart, &root, &ChartTheme::light(), Some(CAPTION)).expect("draws")
}

fn centres_map_back(hits: &ChartHits) {
    assert!(!hits.bars.is_empty());
    for bar in &hits.bars {
        let (x, y) = hits.centre(bar);
        assert_eq!(hit_test(hits, x, y), Some(bar.mark.clone()), "{}", bar.text);
    }
    // Corners and margins of the drawing are empty.
    for (x, y) in [(1, 1), (SIZE.0 as i32 - 2, 1), (1, SIZE.1 as i32 - 2)] {
        assert_eq!(hit_test(hits, x, y), None);
    }
}

#[test]
fn coverage_hits() {
    let r = report();
    let data = whole(&r, coverage_data);
    let hits = drawn(Chart::Coverage(&data));
    centres_map_back(&hits);
    let segments: usize = hits
        .bars
        .iter()
        .map(|b| match &b.mark {
            Mark::Count { count, .. } => *count,
            m => panic!("unexpected {m:?}"),
        })
        .sum();
    let totals: usize = (0..data.subsidiaries.len()).map(|s| data.total(s)).sum();
    assert_eq!(
        totals,
        r.entries.len(),
        "a bar's number counts each entry once"
    );
    // Two entries are in two top-level categories: they count in both segments, and a note says so.
    assert_eq!(segments, r.entries.len() + 2);
    assert!(data.note().unwrap().contains("counts in each segment"));
    // Right of the longest bar's end label, inside the plot, is empty.
    let bar = &hits.bars[0];
    let (_, y) = hits.centre(bar);
    assert_eq!(hit_test(&hits, SIZE.0 as i32 - 15, y), None);
    // Between two bars is empty.
    let (_, t, _, _) = hits.bar_rect(&hits.bars[0]);
    let (x, _) = hits.centre(&hits.bars[0]);
    assert_eq!(hit_test(&hits, x, t - 2), None);
}

#[test]
fn awards_hits() {
    let r = report();
    let data = whole(&r, awards_data);
    let years: Vec<String> = data.years.iter().map(|y| y.label()).collect();
    assert_eq!(years, ["2018", "2019"]);
    assert_eq!(data.span, 1);
    assert_eq!(data.undated, 4);
    let hits = drawn(Chart::Awards(&data));
    centres_map_back(&hits);
    // The CITIC Bank award of 2019 is under the 2019 bar.
    let bank = hits
        .bars
        .iter()
        .find(|b| {
            matches!(&b.mark, Mark::Count { target, .. }
                if target.tokens(Facet::Year) == Some(&["2019".to_owned()][..])
                    && target.tokens(Facet::Subsidiary) == Some(&["citic-bank".to_owned()][..]))
        })
        .expect("a 2019 CITIC Bank segment");
    let (x, y) = hits.centre(bank);
    assert!(matches!(
        hit_test(&hits, x, y),
        Some(Mark::Count { target, .. }) if target.tokens(Facet::Year) == Some(&["2019".to_owned()][..])
    ));
    // Above the taller bar's top is empty.
    let (x, _) = hits.centre(bank);
    assert_eq!(hit_test(&hits, x, 60), None);
}

#[test]
fn metrics_hits() {
    let r = report();
    let data = metrics_data(&r, &all(&r), "people-reached", "visitors");
    assert_eq!(data.bars.len(), 2);
    assert_eq!(data.bars[0].value, 974739.0, "largest first");
    let hits = drawn(Chart::Metrics(&data));
    centres_map_back(&hits);
    let Some(Mark::Metric { entry, .. }) = hits.bars.first().map(|b| b.mark.clone()) else {
        panic!("a metric mark");
    };
    assert_eq!(
        r.entries[entry].id.as_str(),
        "initiative-jingxin-academy-investor-education"
    );
}

#[test]
fn zero_valued_bars_can_still_be_pointed_at() {
    let r = report();
    let data = metrics_data(&r, &all(&r), "count", "products");
    assert!(data.bars.iter().any(|b| b.value == 0.0));
    let hits = drawn(Chart::Metrics(&data));
    centres_map_back(&hits);
}

#[test]
fn ranks_are_best_first() {
    let r = report();
    let data = metrics_data(&r, &all(&r), "rank", "rank");
    assert!(data.lower_is_better);
    let values: Vec<f64> = data.bars.iter().map(|b| b.value).collect();
    assert_eq!(values, vec![12.0, 54.0]);
    assert_eq!(data.axis_label, "Rank (lower is better)");
}

#[test]
fn no_chart_mixes_units() {
    let r = report();
    let options = metric_options(&r, &all(&r));
    assert!(options.len() >= 8);
    // satisfaction comes in two units: it is offered twice, never merged.
    let satisfaction: Vec<&str> = options
        .iter()
        .filter(|o| o.family == "satisfaction")
        .map(|o| o.unit.as_str())
        .collect();
    assert_eq!(satisfaction, vec!["%", "points"]);
    let charted: usize = options.iter().map(|o| o.count).sum();
    let with_family = r
        .entries
        .iter()
        .flat_map(|e| &e.metrics)
        .filter(|m| m.family.is_some())
        .count();
    assert_eq!(charted, with_family);
    for o in &options {
        let data = metrics_data(&r, &all(&r), &o.family, &o.unit);
        assert_eq!(data.total, o.count, "{o:?}");
        assert_eq!(data.bars.len(), o.count.min(MAX_FIGURES), "{o:?}");
        for bar in &data.bars {
            assert_eq!(bar.unit, o.unit);
            let m = &r.entries[bar.entry].metrics[bar.metric];
            assert_eq!(measure(m), o.unit);
            assert_eq!(m.family.as_deref(), Some(o.family.as_str()));
        }
    }
}

#[test]
fn coverage_follows_the_filter() {
    let r = report();
    let bank: Vec<usize> = (0..r.entries.len())
        .filter(|&i| {
            r.entries[i]
                .subsidiaries
                .iter()
                .any(|s| s.as_str() == "citic-bank")
        })
        .collect();
    let mut sel = Selection::default();
    sel.toggle(Facet::Subsidiary, "citic-bank");
    let data = scoped(&r, &sel, coverage_data);
    assert_eq!(data.subsidiaries.len(), 1);
    assert_eq!(data.subsidiaries[0].token, "citic-bank");
    assert_eq!(data.total(0), bank.len());
    let tokens: Vec<&str> = data.categories.iter().map(|c| c.token.as_str()).collect();
    assert_eq!(tokens, vec!["awards-and-recognitions", "legal-interests"]);
}

/// A measurer that counts calls, to show the backend is asked.
struct Counting(std::cell::Cell<usize>);

impl TextMeasure for Counting {
    fn measure(&self, text: &str, _family: &str, size: f64, _style: &str) -> (u32, u32) {
        self.0.set(self.0.get() + 1);
        (
            (text.chars().count() as f64 * size * 0.5) as u32,
            size as u32,
        )
    }
}

#[test]
fn text_is_measured_through_the_backend() {
    let r = report();
    let data = whole(&r, coverage_data);
    let counting = Counting(std::cell::Cell::new(0));
    let mut out = String::new();
    {
        let backend = MeasuredBackend::new(SVGBackend::with_string(&mut out, SIZE), &counting);
        let root = backend.into_drawing_area();
        draw(
            Chart::Coverage(&data),
            &root,
            &ChartTheme::light(),
            Some(CAPTION),
        )
        .unwrap();
        root.present().unwrap();
    }
    assert!(counting.0.get() > 10);
    // Text still reaches the wrapped backend.
    assert!(out.contains("CITIC Bank"));
    assert!(out.contains("<text"));
}

#[test]
fn naive_measure_is_deterministic() {
    assert_eq!(
        NaiveMeasure.measure("abcd", "sans-serif", 10.0, "normal"),
        (24, 10)
    );
}

#[test]
fn measured_backend_reports_the_logical_size_and_turns_quarter_text() {
    use plotters::prelude::*;
    use report_explorer::core::charts::{MeasuredBackend, NaiveMeasure};
    let mut out = String::new();
    let backend = MeasuredBackend::new(SVGBackend::with_string(&mut out, (400, 200)), NaiveMeasure)
        .with_size((200, 100));
    assert_eq!(backend.get_size(), (200, 100));
    let upright = TextStyle::from(("sans-serif", 10.0).into_font());
    let turned = upright.transform(FontTransform::Rotate90);
    assert_eq!(
        backend.estimate_text_size("abcde", &upright).unwrap(),
        (30, 10)
    );
    assert_eq!(
        backend.estimate_text_size("abcde", &turned).unwrap(),
        (10, 30)
    );
}

/// The default report with format 2 figures on its first entries: money at two scales, scores
/// and percentages in one family, and ranges.
fn with_format2_figures() -> Report {
    use report_explorer::core::model::{Metric, Scale};
    let mut r = report();
    let money = |label: &str, value: f64, scale: Scale| Metric {
        currency: Some("HKD".into()),
        scale: Some(scale),
        family: Some("bonds".into()),
        ..Metric::new(label, value)
    };
    let rated = |label: &str, value: f64, unit: &str, out_of: Option<f64>| Metric {
        unit: Some(unit.into()),
        out_of,
        family: Some("engagement".into()),
        ..Metric::new(label, value)
    };
    let cold = |label: &str, value: f64, to: Option<f64>| Metric {
        unit: Some("°C".into()),
        to,
        family: Some("storage".into()),
        ..Metric::new(label, value)
    };
    r.entries[0].metrics = vec![
        money("Green bonds", 8.0, Scale::Billion),
        money("Social bonds", 500.0, Scale::Million),
        rated("Engagement", 4.6, "score", Some(5.0)),
        cold("Vaccines", 2.0, Some(8.0)),
    ];
    r.entries[1].metrics = vec![
        money("Blue bonds", 2.5, Scale::Billion),
        rated("Engaged staff", 81.0, "%", None),
        rated("Pulse", 7.5, "score", Some(10.0)),
        cold("Frozen food", 0.0, None),
    ];
    r
}

#[test]
fn figures_group_by_currency_scale_and_unit_never_mixed() {
    let r = with_format2_figures();
    let options: Vec<(String, String, usize)> = metric_options(&r, &all(&r))
        .into_iter()
        .filter(|o| ["bonds", "engagement", "storage"].contains(&o.family.as_str()))
        .map(|o| (o.family, o.unit, o.count))
        .collect();
    let want = [
        ("bonds", "HKD billion", 2),
        ("bonds", "HKD million", 1),
        ("engagement", "%", 1),
        ("engagement", "score out of 10", 1),
        ("engagement", "score out of 5", 1),
        ("storage", "°C", 2),
    ];
    let want: Vec<(String, String, usize)> = want
        .iter()
        .map(|&(f, u, n)| (f.to_owned(), u.to_owned(), n))
        .collect();
    assert_eq!(options, want);
    let billions = metrics_data(&r, &all(&r), "bonds", "HKD billion");
    assert_eq!(billions.axis_label, "Bonds (HKD billion)");
    let texts: Vec<&str> = billions.bars.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, ["HKD 8 billion", "HKD 2.5 billion"]);
    // A score's axis runs to its maximum.
    let scores = metrics_data(&r, &all(&r), "engagement", "score out of 5");
    assert_eq!(scores.limit, Some(5.0));
    assert_eq!(scores.bars[0].text, "4.6 out of 5");
}

#[test]
fn a_range_is_drawn_as_its_span_and_labelled_as_printed() {
    let r = with_format2_figures();
    let data = metrics_data(&r, &all(&r), "storage", "°C");
    let hits = drawn(Chart::Metrics(&data));
    let spans: Vec<(f64, f64)> = hits.bars.iter().map(|b| (b.from, b.to)).collect();
    // Largest first: the range (2 to 8), then the plain figure, from 0 to its value.
    assert_eq!(spans, [(2.0, 8.0), (0.0, 0.0)]);
    assert!(
        hits.bars[0].text.ends_with(": 2–8 °C"),
        "{}",
        hits.bars[0].text
    );
    let rows = table(Chart::Metrics(&data)).rows;
    let shown: Vec<&str> = rows.iter().map(|row| row[3].as_str()).collect();
    assert_eq!(shown, ["2–8 °C", "0 °C"]);
    for (name, theme) in themes() {
        let svg = render_svg(Chart::Metrics(&data), SIZE, &theme, Some(CAPTION));
        assert!(svg.contains("2–8 °C"));
        snapshot(&format!("metrics-range-{name}"), &svg);
    }
    let bonds = metrics_data(&r, &all(&r), "bonds", "HKD billion");
    for (name, theme) in themes() {
        let svg = render_svg(Chart::Metrics(&bonds), SIZE, &theme, Some(CAPTION));
        assert!(svg.contains("HKD 8 billion") && !svg.contains("HKD 500 million"));
        snapshot(&format!("metrics-currency-{name}"), &svg);
    }
}
