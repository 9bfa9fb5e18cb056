//! The award timeline layout: properties on random reports (proptest) and worked examples on the default dataset.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use report_explorer::core::date::DateSpec;
use report_explorer::core::ids::{CategoryId, EntryId, SubsidiaryId};
use report_explorer::core::load::load_report;
use report_explorer::core::model::*;
use report_explorer::core::timeline::*;

fn entry(i: usize, sub: usize, cat: usize, kind: usize, date: Option<String>) -> Entry {
    Entry {
        id: EntryId::new(&format!("e{i}")).unwrap(),
        kind: Kind::ALL[kind],
        title: format!("Entry {}", 1000 - i),
        summary: String::new(),
        subsidiary: SubsidiaryId::new(&format!("s{sub}")).unwrap(),
        categories: vec![CategoryId::new(&format!("c{cat}")).unwrap()],
        date: date.map(|d| DateSpec::parse(&d).unwrap()),
        awarding_body: None,
        location: None,
        country: None,
        metrics: vec![],
        source: Source {
            section: "S".into(),
            passage: "P".into(),
        },
    }
}

fn date_strategy() -> impl Strategy<Value = Option<String>> {
    proptest::option::weighted(
        0.9,
        prop_oneof![
            (2010i32..2024).prop_map(|y| y.to_string()),
            (2010i32..2024, 1u8..13).prop_map(|(y, m)| format!("{y}-{m:02}")),
            (2010i32..2024, 1u8..13, 1u8..29).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
            (2010i32..2020, 0i32..4).prop_map(|(y, d)| format!("{y}/{}", y + d)),
            (2010i32..2020, 1u8..13, 0u8..11)
                .prop_map(|(y, m, d)| format!("{y}-{m:02}/{y}-{:02}", (m + d).min(12))),
        ],
    )
}

fn report_strategy() -> impl Strategy<Value = Report> {
    (1usize..5, 1usize..4)
        .prop_flat_map(|(n_sub, n_cat)| {
            (
                Just(n_sub),
                Just(n_cat),
                proptest::collection::vec((0..n_sub, 0..n_cat, 0usize..6, date_strategy()), 0..40),
            )
        })
        .prop_map(|(n_sub, n_cat, entries)| Report {
            meta: ReportMeta {
                organisation: "O".into(),
                title: "T".into(),
                period: DateSpec::parse("2019").unwrap(),
                document: "D".into(),
                chapter: None,
                url: None,
                language: None,
            },
            subsidiaries: (0..n_sub)
                .map(|i| Subsidiary {
                    id: SubsidiaryId::new(&format!("s{i}")).unwrap(),
                    name: format!("Sub {i}"),
                    sector: None,
                })
                .collect(),
            // c0 is top level; the others are its children, so category lanes collapse to c0.
            categories: (0..n_cat)
                .map(|i| Category {
                    id: CategoryId::new(&format!("c{i}")).unwrap(),
                    name: format!("Cat {i}"),
                    parent: (i > 0).then(|| CategoryId::new("c0").unwrap()),
                })
                .collect(),
            entries: entries
                .into_iter()
                .enumerate()
                .map(|(i, (s, c, k, d))| entry(i, s, c, k, d))
                .collect(),
        })
}

fn window_strategy() -> impl Strategy<Value = Window> {
    (2000i32..2030, 1u8..13, 20.0f64..8000.0).prop_map(|(y, m, span)| {
        let from = day_number(y, m, 1) as f64;
        Window {
            from,
            to: from + span,
        }
    })
}

fn all(r: &Report) -> Vec<usize> {
    (0..r.entries.len()).collect()
}

const EPS: f64 = 1e-6;

fn days_in_month(y: i32, m: u8) -> f64 {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    (day_number(ny, nm, 1) - day_number(y, m, 1)) as f64
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_overlaps_and_inside_the_plot(
        r in report_strategy(),
        w in window_strategy(),
        width in 100.0f64..1600.0,
        by_cat in any::<bool>(),
    ) {
        let mut opts = TimelineOptions::new(w, width);
        opts.by = if by_cat { LaneBy::Category } else { LaneBy::Subsidiary };
        let l = layout(&r, &all(&r), &opts);
        for (i, a) in l.items.iter().enumerate() {
            prop_assert!(a.x0 >= -EPS && a.x1 <= l.width + EPS, "{a:?}");
            prop_assert!(a.x0 <= a.x1);
            prop_assert!(a.y >= -EPS && a.y + a.h <= l.height + EPS);
            let lane = &l.lanes[a.lane];
            prop_assert!(a.row < lane.rows);
            prop_assert!(a.y >= lane.y && a.y + a.h <= lane.y + lane.height + EPS);
            for b in &l.items[i + 1..] {
                if a.lane == b.lane && a.row == b.row {
                    prop_assert!(a.x1 <= b.x0 + EPS || b.x1 <= a.x0 + EPS, "{a:?} overlaps {b:?}");
                }
            }
        }
        // Lanes do not overlap either.
        for pair in l.lanes.windows(2) {
            prop_assert!(pair[0].y + pair[0].height <= pair[1].y + EPS);
        }
        // Every dated award or event that meets the window is drawn exactly once.
        let expected: Vec<usize> = timeline_entries(&r, &all(&r))
            .into_iter()
            .filter(|&p| {
                let (s, e, _) = item_span(&r.entries[p].date.unwrap());
                e > l.window.from && s < l.window.to
            })
            .collect();
        let mut drawn: Vec<usize> = l.items.iter().map(|i| i.entry).collect();
        drawn.sort_unstable();
        prop_assert_eq!(drawn, expected);
    }

    #[test]
    fn spans_match_precision(r in report_strategy(), w in window_strategy(), width in 200.0f64..1600.0) {
        let opts = TimelineOptions::new(w, width);
        let l = layout(&r, &all(&r), &opts);
        let px_per_day = l.width / l.window.span();
        for item in &l.items {
            let d = r.entries[item.entry].date.unwrap();
            let (start, end, precision) = item_span(&d);
            prop_assert_eq!(item.precision, precision);
            prop_assert_eq!(item.point, precision == ItemPrecision::Day);
            let fully_inside = l.window.x(start, l.width) >= opts.min_item_px
                && l.window.x(end, l.width) <= l.width - opts.min_item_px;
            if !fully_inside {
                continue;
            }
            let drawn = item.x1 - item.x0;
            let expected_days = match precision {
                ItemPrecision::Day => 1.0,
                ItemPrecision::Month => days_in_month(d.start.year, d.start.month.unwrap()),
                ItemPrecision::Year => day_number(d.start.year + 1, 1, 1) as f64 - day_number(d.start.year, 1, 1) as f64,
                ItemPrecision::Range => end - start,
            };
            prop_assert!((end - start - expected_days).abs() < EPS);
            if item.point {
                prop_assert!((drawn - opts.min_item_px).abs() < EPS, "a point is min width: {item:?}");
                let centre = l.window.x(start + 0.5, l.width);
                prop_assert!(((item.x0 + item.x1) / 2.0 - centre).abs() < EPS);
            } else {
                let natural = expected_days * px_per_day;
                prop_assert!((drawn - natural.max(opts.min_item_px)).abs() < 1e-6 * natural.max(1.0), "{item:?}: {drawn} vs {natural}");
            }
        }
    }

    #[test]
    fn zoom_and_pan_keep_limits(w in window_strategy(), factor in 0.01f64..100.0, centre in -100_000.0f64..100_000.0, fraction in -5.0f64..5.0) {
        for out in [zoom(w, factor, centre), pan(w, fraction), pan(zoom(w, factor, centre), fraction)] {
            prop_assert!(out.span() >= MIN_SPAN_DAYS - EPS && out.span() <= MAX_SPAN_DAYS + EPS, "{out:?}");
            prop_assert!(out.from >= BOUNDS.0 - EPS && out.to <= BOUNDS.1 + EPS);
        }
        // Panning keeps the span; zooming keeps the centre day in place when inside and unclamped.
        let p = pan(w, fraction);
        prop_assert!((p.span() - w.clamped().span()).abs() < 1e-6);
        if (w.from..=w.to).contains(&centre) {
            let z = zoom(w, factor, centre);
            let target = w.span() / factor;
            if target > MIN_SPAN_DAYS && target < MAX_SPAN_DAYS {
                let before = (centre - w.from) / w.span();
                let after = (centre - z.from) / z.span();
                prop_assert!((before - after).abs() < 1e-6);
            }
        }
    }

    #[test]
    fn keyboard_moves_stay_on_items(r in report_strategy(), width in 300.0f64..1200.0) {
        let positions = all(&r);
        let opts = TimelineOptions::new(default_window(&r, &positions), width);
        let l = layout(&r, &positions, &opts);
        for item in &l.items {
            for dir in [Direction::Left, Direction::Right, Direction::Up, Direction::Down] {
                if let Some(next) = navigate(&l, item.entry, dir) {
                    let to = l.items.iter().find(|i| i.entry == next).expect("a laid-out item");
                    match dir {
                        Direction::Left => prop_assert!(to.lane == item.lane && (to.start, to.end) <= (item.start, item.end)),
                        Direction::Right => prop_assert!(to.lane == item.lane && (to.start, to.end) >= (item.start, item.end)),
                        Direction::Up => prop_assert!(to.lane < item.lane),
                        Direction::Down => prop_assert!(to.lane > item.lane),
                    }
                    // Left undoes Right and vice versa.
                    let back = match dir {
                        Direction::Left => Some(Direction::Right),
                        Direction::Right => Some(Direction::Left),
                        _ => None,
                    };
                    if let Some(back) = back {
                        prop_assert_eq!(navigate(&l, next, back), Some(item.entry));
                    }
                }
            }
        }
        // Right from the first item of a lane visits every item of the lane.
        for lane in 0..l.lanes.len() {
            let count = l.items.iter().filter(|i| i.lane == lane).count();
            let Some(first) = l.items.iter().find(|i| i.lane == lane) else { continue };
            let mut at = first.entry;
            while let Some(left) = navigate(&l, at, Direction::Left) { at = left; }
            let mut seen = 1;
            while let Some(right) = navigate(&l, at, Direction::Right) { at = right; seen += 1; }
            prop_assert_eq!(seen, count);
        }
    }

    #[test]
    fn award_order_is_chronological(r in report_strategy()) {
        let order = award_order(&r, &all(&r));
        let mut expected = timeline_entries(&r, &all(&r));
        expected.sort_unstable();
        let mut got = order.clone();
        got.sort_unstable();
        prop_assert_eq!(got, expected);
        for pair in order.windows(2) {
            let (a, b) = (&r.entries[pair[0]], &r.entries[pair[1]]);
            let (da, db) = (a.date.unwrap(), b.date.unwrap());
            prop_assert!(da.chronological(&db).then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase())) != std::cmp::Ordering::Greater);
        }
    }

    #[test]
    fn days_round_trip(n in -1_000_000i64..1_000_000) {
        let (y, m, d) = civil_from_day(n);
        prop_assert_eq!(day_number(y, m, d), n);
    }
}

fn default_report() -> Report {
    load_report(include_str!("../public/data/report.json"))
        .unwrap()
        .report
}

fn id(r: &Report, p: usize) -> &str {
    r.entries[p].id.as_str()
}

#[test]
fn default_dataset_window_and_lanes() {
    let r = default_report();
    let positions = all(&r);
    let entries = timeline_entries(&r, &positions);
    // 18 awards (4 undated) and 3 dated events.
    assert_eq!(entries.len(), 14 + 3);
    let w = default_window(&r, &positions);
    assert_eq!(w, Window::between((2018, 1, 1), (2020, 1, 1)));
    let l = layout(&r, &positions, &TimelineOptions::new(w, 730.0));
    assert_eq!(l.items.len(), 17);
    let lanes: Vec<&str> = l.lanes.iter().map(|l| l.key.as_str()).collect();
    assert_eq!(
        lanes,
        vec![
            "citic-limited",
            "citic-bank",
            "china-securities",
            "citic-trust",
            "citic-prudential-life",
            "citic-construction",
            "citic-press",
            "citic-environmental-technology",
            "citic-heavy-industries",
        ]
    );
    // CITIC Limited's three 2019 awards are whole years: three rows.
    assert_eq!(l.lanes[0].rows, 3);
    // Two ticks: 2018 at the left edge and 2019 half way; 2020 at the right edge.
    let labels: Vec<&str> = l.ticks.iter().map(|t| t.1.as_str()).collect();
    assert_eq!(labels, vec!["2018", "2019", "2020"]);
    assert!((l.ticks[1].0 - 365.0).abs() < 1e-9);
    // The opening ceremony on 21 May 2019 is a 10 px point.
    let opening = l
        .items
        .iter()
        .find(|i| id(&r, i.entry) == "event-angola-aluminum-profile-factory-opening")
        .unwrap();
    assert!(opening.point);
    assert_eq!(opening.precision, ItemPrecision::Day);
    assert!((opening.x1 - opening.x0 - 10.0).abs() < 1e-9);
    let may21 = (day_number(2019, 5, 21) - day_number(2018, 1, 1)) as f64 + 0.5;
    assert!(((opening.x0 + opening.x1) / 2.0 - may21).abs() < 1e-9);
    // The mills' commissioning in September 2019 spans 30 days (1 px a day).
    let mills = l
        .items
        .iter()
        .find(|i| id(&r, i.entry) == "event-tibet-yulong-mills-commissioning-ceremony")
        .unwrap();
    assert_eq!(mills.precision, ItemPrecision::Month);
    assert!((mills.x1 - mills.x0 - 30.0).abs() < 1e-9);
    // The 2018/2019 Memstar award spans the whole plot.
    let memstar = l
        .items
        .iter()
        .find(|i| id(&r, i.entry) == "award-memstar-membrane-most-valuable-brand")
        .unwrap();
    assert_eq!(memstar.precision, ItemPrecision::Range);
    assert!(memstar.x0.abs() < 1e-9 && (memstar.x1 - 730.0).abs() < 1e-9);
}

#[test]
fn default_dataset_by_category() {
    let r = default_report();
    let positions = all(&r);
    let mut opts = TimelineOptions::new(default_window(&r, &positions), 800.0);
    opts.by = LaneBy::Category;
    let l = layout(&r, &positions, &opts);
    let lanes: Vec<&str> = l.lanes.iter().map(|l| l.key.as_str()).collect();
    // Top-level ancestors of each entry's first category, in report order.
    assert_eq!(
        lanes,
        vec![
            "awards-and-recognitions",
            "signature-projects",
            "legal-interests",
        ]
    );
    assert_eq!(l.items.len(), 17);
}

#[test]
fn default_dataset_order_and_keys() {
    let r = default_report();
    let positions = all(&r);
    let order = award_order(&r, &positions);
    assert_eq!(order.len(), 17);
    // 2018 (whole year) first; the 2018/2019 range ends last among 2018 starts.
    // The three 2018 awards come first, by title.
    let first: Vec<&str> = order[..3]
        .iter()
        .map(|&p| r.entries[p].title.as_str())
        .collect();
    assert!(first
        .windows(2)
        .all(|w| w[0].to_lowercase() <= w[1].to_lowercase()));
    assert!(order[..3]
        .iter()
        .all(|&p| r.entries[p].date.unwrap().iso() == "2018"));
    let memstar = order
        .iter()
        .position(|&p| id(&r, p) == "award-memstar-membrane-most-valuable-brand")
        .unwrap();
    assert_eq!(memstar, 3, "after the three 2018 awards");
    let last = id(&r, *order.last().unwrap());
    assert_eq!(last, "event-tibet-yulong-mills-commissioning-ceremony");

    let opts = TimelineOptions::new(default_window(&r, &positions), 730.0);
    let l = layout(&r, &positions, &opts);
    let find = |name: &str| (0..r.entries.len()).find(|&p| id(&r, p) == name).unwrap();
    let opening = find("event-angola-aluminum-profile-factory-opening");
    let handover = find("event-lubango-kiramba-handover-ceremony");
    assert_eq!(navigate(&l, opening, Direction::Right), Some(handover));
    assert_eq!(navigate(&l, handover, Direction::Left), Some(opening));
    // Down from CITIC Construction's opening: CITIC Press (2018 only), nearest in time.
    let down = navigate(&l, opening, Direction::Down).unwrap();
    assert_eq!(r.entries[down].subsidiary.as_str(), "citic-press");
    // The pointer finds the item it is over.
    let item = l.items.iter().find(|i| i.entry == opening).unwrap();
    assert_eq!(
        item_at(&l, (item.x0 + item.x1) / 2.0, item.y + item.h / 2.0),
        Some(opening)
    );
    assert_eq!(item_at(&l, -5.0, -5.0), None);
}

#[test]
fn zoomed_in_ticks_are_months() {
    let w = Window::between((2019, 1, 1), (2019, 7, 1));
    let t = ticks(w, 900.0);
    let labels: Vec<&str> = t.iter().map(|t| t.1.as_str()).collect();
    assert_eq!(
        labels,
        vec!["Jan 2019", "Feb", "Mar", "Apr", "May", "Jun", "Jul"]
    );
    let zoomed = zoom(w, 1000.0, 18_000.0);
    assert_eq!(zoomed.span(), MIN_SPAN_DAYS);
    let out = zoom(w, 0.0001, w.centre());
    assert_eq!(out.span(), MAX_SPAN_DAYS);
    assert_eq!(LaneBy::parse("cat"), Some(LaneBy::Category));
}

#[test]
fn nothing_dated_uses_the_period() {
    let r = default_report();
    let undated: Vec<usize> = (0..r.entries.len())
        .filter(|&p| r.entries[p].date.is_none())
        .collect();
    let w = default_window(&r, &undated);
    assert_eq!(w, Window::between((2019, 1, 1), (2020, 1, 1)));
    let l = layout(&r, &undated, &TimelineOptions::new(w, 500.0));
    assert!(l.items.is_empty() && l.lanes.is_empty());
    assert_eq!(l.height, 0.0);
}
