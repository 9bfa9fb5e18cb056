//! The trend chart: SVG snapshots in both themes, hit-testing back to the entry, the table alternative and its CSV.
#![cfg(not(target_arch = "wasm32"))]

use plotters::prelude::*;
use report_explorer::core::charts::{
    draw, hit_test, render_svg, select_mark, table, trend_data, Chart, ChartHits, ChartTheme, Mark,
    MeasuredBackend, NaiveMeasure,
};
use report_explorer::core::export::{table_csv, Provenance};
use report_explorer::core::model::Report;
use report_explorer::core::query::{Selection, View};
use report_explorer::core::synth_years::merged_report;
use report_explorer::core::trends::Trends;
use std::path::PathBuf;

const SIZE: (u32, u32) = (800, 400);
const CAPTION: &str =
    "Meridian Holdings 2018–2020 · catalogue.json · exported 2024-01-01T00:00:00Z";

fn report() -> Report {
    merged_report("Meridian Holdings", &[2018, 2019, 2020], 30, 3)
}

fn series(trends: &Trends, family: &str) -> usize {
    trends
        .series
        .iter()
        .position(|s| s.family.as_deref() == Some(family))
        .unwrap()
}

/// Compares `svg` with `tests/snapshots/{name}.svg`, or writes it when `UPDATE_SNAPSHOTS=1`.
fn snapshot(name: &str, svg: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.svg"));
    if std::env::var("UPDATE_SNAPSHOTS").as_deref() == Ok("1") {
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
        "{} differs from the rendered chart",
        path.display()
    );
}

fn drawn(chart: Chart<'_>) -> ChartHits {
    let mut out = String::new();
    let backend = MeasuredBackend::new(SVGBackend::with_string(&mut out, SIZE), NaiveMeasure);
    let root = backend.into_drawing_area();
    draw(chart, &root, &ChartTheme::light(), Some(CAPTION)).expect("draws")
}

#[test]
fn trend_snapshots() {
    let r = report();
    let trends = Trends::build(&r);
    for family in [
        "customer-satisfaction",
        "brand-rank",
        "community-investment",
    ] {
        let data = trend_data(&r, &trends, series(&trends, family));
        assert_eq!(data.bars.len(), 3);
        for (name, theme) in [("light", ChartTheme::light()), ("dark", ChartTheme::dark())] {
            let svg = render_svg(Chart::Trend(&data), SIZE, &theme, Some(CAPTION));
            assert!(svg.contains("2018") && svg.contains("2020"));
            snapshot(&format!("trend-{family}-{name}"), &svg);
        }
    }
}

#[test]
fn a_point_opens_its_entry() {
    let r = report();
    let trends = Trends::build(&r);
    let s = series(&trends, "customer-satisfaction");
    let data = trend_data(&r, &trends, s);
    let hits = drawn(Chart::Trend(&data));
    assert_eq!(hits.bars.len(), 3);
    for (bar, point) in hits.bars.iter().zip(&trends.series[s].points) {
        let (x, y) = hits.centre(bar);
        let mark = hit_test(&hits, x, y).expect("a point");
        assert_eq!(
            mark,
            Mark::Metric {
                entry: point.entry,
                metric: point.metric,
                value: r.entries[point.entry].metrics[point.metric].value
            }
        );
        let sel = select_mark(&r, &Selection::default(), &mark).unwrap();
        assert_eq!(sel.entry.as_ref(), Some(&r.entries[point.entry].id));
        assert_eq!(sel.view, View::List);
    }
    assert_eq!(hit_test(&hits, 1, 1), None);
    // Oldest at the left.
    let xs: Vec<i32> = hits.bars.iter().map(|b| hits.centre(b).0).collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn the_table_and_csv_carry_the_changes() {
    let r = report();
    let trends = Trends::build(&r);
    let data = trend_data(&r, &trends, series(&trends, "brand-rank"));
    let t = table(Chart::Trend(&data));
    assert_eq!(t.headers, ["Report", "Period", "Figure", "Change"]);
    assert_eq!(t.rows.len(), 3);
    assert_eq!(t.rows[0][3], "", "the first point has no change");
    assert!(t.rows[1][3].starts_with("rank "), "{}", t.rows[1][3]);
    assert!(t.rows[2][2].contains("of 500"), "{}", t.rows[2][2]);
    let provenance = Provenance::new(
        &r,
        "catalogue.json",
        &Selection::default(),
        "2024-01-01",
        "0.1.0",
    );
    let csv = table_csv(&t, &provenance.lines());
    let mut lines = csv.lines().skip_while(|l| l.starts_with("\"# "));
    assert_eq!(lines.next(), Some("Report,Period,Figure,Change"));
    assert_eq!(lines.count(), 3);
    assert!(data.axis_label.contains("lower is better"));
}

#[test]
fn an_unknown_series_charts_nothing() {
    let r = report();
    let trends = Trends::build(&r);
    let data = trend_data(&r, &trends, usize::MAX);
    assert!(data.bars.is_empty());
    assert!(drawn(Chart::Trend(&data)).bars.is_empty());
}

#[test]
fn the_trend_table_and_note_speak_the_interface_language() {
    use report_explorer::core::charts::{table_in, trend_data_in};
    use report_explorer::core::i18n::{ZH_HANS, ZH_HANT};
    let r = report();
    let trends = Trends::build(&r);
    let s = series(&trends, "brand-rank");
    let mut hans = trend_data_in(&r, &trends, s, &ZH_HANS);
    let t = table_in(Chart::Trend(&hans), &ZH_HANS);
    assert_eq!(t.headers, ["报告", "期间", "数据", "变化"]);
    assert!(
        t.rows[1][3].starts_with("排名 第") && t.rows[1][3].ends_with("（较 2018 年）"),
        "{}",
        t.rows[1][3]
    );
    assert_eq!(hans.axis_label, "Brand rank（排名，共 500 名，越低越好）");
    let hant = trend_data_in(&r, &trends, s, &ZH_HANT);
    assert_eq!(
        table_in(Chart::Trend(&hant), &ZH_HANT).headers,
        ["報告", "期間", "數據", "變化"]
    );
    assert!(hant.bars[2]
        .change
        .as_ref()
        .unwrap()
        .ends_with("（較 2019 年）"));
    // The note when the newest figures only are charted.
    assert_eq!(hans.note_in(&ZH_HANS), None);
    hans.total = 31;
    assert_eq!(
        hans.note_in(&ZH_HANS).as_deref(),
        Some("显示 31 项数据中最新的 3 项。")
    );
    assert_eq!(
        hans.note_in(&ZH_HANT).as_deref(),
        Some("顯示 31 項數據中最新的 3 項。")
    );
    assert_eq!(
        hans.note().as_deref(),
        Some("Showing the newest 3 of 31 figures.")
    );
    assert_eq!(
        table_in(Chart::Trend(&hans), &ZH_HANT).note,
        hans.note_in(&ZH_HANT)
    );
    // The chart draws the note in the theme's language.
    let svg = render_svg(
        Chart::Trend(&hans),
        SIZE,
        &ChartTheme::light().with_texts(&ZH_HANT),
        Some(CAPTION),
    );
    assert!(
        svg.contains("顯示 31 項數據中最新的 3 項。"),
        "the note is drawn"
    );
}
