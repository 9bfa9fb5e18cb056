//! The award timeline layout: properties on random reports (proptest), the bounded (clustered) layout on large synthetic reports, and worked examples on the default dataset.
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
        title: format!("Entry {}", 1_000_000 - i),
        summary: String::new(),
        subsidiaries: vec![SubsidiaryId::new(&format!("s{sub}")).unwrap()],
        categories: vec![CategoryId::new(&format!("c{cat}")).unwrap()],
        date: date.map(|d| DateSpec::parse(&d).unwrap()),
        awarding_body: None,
        location: None,
        countries: vec![],
        metrics: vec![],
        source: Source {
            section: "S".into(),
            passage: "P".into(),
            page: None,
            url: None,
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
                fiscal_year_end: 12,
                text: None,
            },
            divisions: vec![],
            editions: vec![],
            subsidiaries: (0..n_sub)
                .map(|i| Subsidiary {
                    id: SubsidiaryId::new(&format!("s{i}")).unwrap(),
                    name: format!("Sub {i}"),
                    sector: None,
                    division: None,
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
                ItemPrecision::Month => days_in_month(d.year(), d.first_day().1),
                ItemPrecision::Year => day_number(d.year() + 1, 1, 1) as f64 - day_number(d.year(), 1, 1) as f64,
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

/// A report with `n_sub` subsidiaries and entries given as (subsidiary, kind, date).
fn report_of(n_sub: usize, entries: Vec<(usize, usize, Option<String>)>) -> Report {
    Report {
        meta: ReportMeta {
            organisation: "O".into(),
            title: "T".into(),
            period: DateSpec::parse("2019").unwrap(),
            document: "D".into(),
            chapter: None,
            url: None,
            language: None,
            fiscal_year_end: 12,
            text: None,
        },
        divisions: vec![],
        editions: vec![],
        subsidiaries: (0..n_sub)
            .map(|i| Subsidiary {
                id: SubsidiaryId::new(&format!("s{i}")).unwrap(),
                name: format!("Sub {i}"),
                sector: None,
                division: None,
            })
            .collect(),
        categories: vec![Category {
            id: CategoryId::new("c0").unwrap(),
            name: "Cat 0".into(),
            parent: None,
        }],
        entries: entries
            .into_iter()
            .enumerate()
            .map(|(i, (s, k, d))| entry(i, s, 0, k, d))
            .collect(),
    }
}

/// Crowded reports: up to 400 entries, mostly awards and events, on up to 12 subsidiaries.
fn crowded_strategy() -> impl Strategy<Value = Report> {
    (1usize..12)
        .prop_flat_map(|n_sub| {
            (
                Just(n_sub),
                proptest::collection::vec(
                    (
                        0..n_sub,
                        prop_oneof![Just(0usize), Just(5), (0usize..6)],
                        date_strategy(),
                    ),
                    0..400,
                ),
            )
        })
        .prop_map(|(n_sub, entries)| report_of(n_sub, entries))
}

/// Options with small budgets so clustering happens often.
fn bounded_options() -> impl Strategy<Value = TimelineOptions> {
    (
        window_strategy(),
        100.0f64..1600.0,
        1usize..80,
        1usize..15,
        4.0f64..64.0,
        0.0f64..4.0,
    )
        .prop_map(|(w, width, max_items, max_lanes, cluster_px, gap)| {
            let mut o = TimelineOptions::new(w, width);
            o.max_items = max_items;
            o.max_lanes = max_lanes;
            o.cluster_px = cluster_px;
            o.item_gap = gap;
            o
        })
}

/// The same options with no item budget and the same lanes: every visible item drawn.
fn unbounded(opts: &TimelineOptions) -> TimelineOptions {
    let mut o = *opts;
    o.max_lanes = opts.max_lanes.min(opts.max_items).max(1);
    o.max_items = usize::MAX;
    o
}

/// A mark's box: lane, row, x0, x1, y, h.
fn boxes(l: &TimelineLayout) -> Vec<(usize, usize, f64, f64, f64, f64)> {
    l.items
        .iter()
        .map(|i| (i.lane, i.row, i.x0, i.x1, i.y, i.h))
        .chain(
            l.clusters
                .iter()
                .map(|c| (c.lane, c.row, c.x0, c.x1, c.y, c.h)),
        )
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_layout_stays_within_its_budget(r in crowded_strategy(), opts in bounded_options()) {
        let positions = all(&r);
        let l = layout(&r, &positions, &opts);
        let full = layout(&r, &positions, &unbounded(&opts));
        // Never more marks than the budget, nor more lanes than the lane limit.
        prop_assert!(l.marks() <= opts.max_items.max(1), "{} marks", l.marks());
        prop_assert!(l.lanes.len() <= opts.max_lanes.min(opts.max_items).max(1));
        // Clustering happens exactly when more items meet the window than the budget.
        prop_assert_eq!(l.visible, full.items.len());
        prop_assert_eq!(l.clustered(), full.items.len() > opts.max_items.max(1));
        if !l.clustered() {
            prop_assert_eq!(&l, &full);
        }
        // Items plus cluster counts add up to the visible items, lane by lane.
        prop_assert_eq!(&l.lanes.iter().map(|x| &x.key).collect::<Vec<_>>(), &full.lanes.iter().map(|x| &x.key).collect::<Vec<_>>());
        for lane in 0..l.lanes.len() {
            let drawn = l.items.iter().filter(|i| i.lane == lane).count()
                + l.clusters.iter().filter(|c| c.lane == lane).map(|c| c.count).sum::<usize>();
            prop_assert_eq!(drawn, full.items.iter().filter(|i| i.lane == lane).count());
        }
        // An item drawn on its own is one of the visible ones, with its own days.
        for item in &l.items {
            let f = full.items.iter().find(|i| i.entry == item.entry).expect("visible");
            prop_assert_eq!((f.lane, f.start, f.end), (item.lane, item.start, item.end));
        }
        let marks = boxes(&l);
        for (i, a) in marks.iter().enumerate() {
            let (lane, row, x0, x1, y, h) = *a;
            prop_assert!(x0 >= -EPS && x1 <= l.width + EPS && x0 <= x1 + EPS, "{a:?}");
            prop_assert!(row < l.lanes[lane].rows);
            prop_assert!(y >= l.lanes[lane].y - EPS && y + h <= l.lanes[lane].y + l.lanes[lane].height + EPS);
            for b in &marks[i + 1..] {
                if lane == b.0 && row == b.1 {
                    prop_assert!(x1 <= b.2 + EPS || b.3 <= x0 + EPS, "{a:?} overlaps {b:?}");
                }
            }
        }
        for pair in l.lanes.windows(2) {
            prop_assert!(pair[0].y + pair[0].height <= pair[1].y + EPS);
        }
        prop_assert!(l.height >= l.lanes.last().map_or(0.0, |x| x.y + x.height) - EPS);
        // A cluster holds two or more items, all meeting its days.
        for c in &l.clusters {
            prop_assert!(c.count >= 2);
            prop_assert!(c.start < c.end && c.start >= l.window.from - EPS && c.end <= l.window.to + EPS, "{c:?}");
            let meeting = full.items.iter().filter(|i| i.lane == c.lane && i.end > c.start && i.start < c.end).count();
            prop_assert!(meeting >= c.count, "{c:?}: {meeting} meet it");
            prop_assert!(full.items.iter().any(|i| i.entry == c.first && i.lane == c.lane));
            prop_assert!(c.label().contains("entries"));
        }
        // Cluster ids are unique.
        let mut ids: Vec<&ClusterId> = l.clusters.iter().map(|c| &c.id).collect();
        ids.sort();
        ids.dedup();
        prop_assert_eq!(ids.len(), l.clusters.len());
    }

    #[test]
    fn zooming_into_clusters_ends_in_items(r in crowded_strategy(), opts in bounded_options(), pick in any::<usize>()) {
        let positions = all(&r);
        let data = TimelineData::new(&r, &positions, &opts);
        let mut o = opts;
        let mut l = data.layout(&o);
        for _ in 0..20 {
            if !l.clustered() {
                break;
            }
            let c = &l.clusters[pick % l.clusters.len()];
            let next = c.zoom_window(l.window);
            // Each zoom halves the span at least, down to the narrowest window.
            prop_assert!(next.span() <= l.window.span() / 2.0 + EPS || (next.span() - MIN_SPAN_DAYS).abs() < EPS);
            // When the cluster's days fit, all its items meet the new window.
            if (c.end - c.start) * 1.1 <= l.window.span() / 2.0 {
                o.window = next;
                let full = data.layout(&unbounded(&o));
                let lane = full.lanes.iter().position(|x| x.key == l.lanes[c.lane].key).unwrap();
                prop_assert!(full.items.iter().filter(|i| i.lane == lane).count() >= c.count);
            }
            o.window = next;
            l = data.layout(&o);
        }
        // Zooming ends in items drawn one by one, unless more than the budget meet the narrowest window.
        prop_assert!(!l.clustered() || (l.window.span() - MIN_SPAN_DAYS).abs() < EPS);
        prop_assert_eq!(l.clustered(), l.visible > o.max_items.max(1));
    }

    #[test]
    fn keyboard_moves_visit_every_mark(r in crowded_strategy(), opts in bounded_options()) {
        let l = layout(&r, &all(&r), &opts);
        let marks: Vec<Mark> = l.items.iter().map(|i| Mark::Item(i.entry))
            .chain(l.clusters.iter().map(|c| Mark::Cluster(c.id.clone())))
            .collect();
        prop_assert_eq!(first_mark(&l).is_some(), !marks.is_empty());
        for m in &marks {
            prop_assert!(l.contains(m));
            let (lane, _, _) = l.mark_days(m).unwrap();
            for dir in [Direction::Left, Direction::Right, Direction::Up, Direction::Down] {
                if let Some(next) = navigate_mark(&l, m, dir) {
                    prop_assert!(l.contains(&next));
                    let (to, _, _) = l.mark_days(&next).unwrap();
                    match dir {
                        Direction::Left | Direction::Right => prop_assert_eq!(to, lane),
                        Direction::Up => prop_assert!(to < lane),
                        Direction::Down => prop_assert!(to > lane),
                    }
                    if dir == Direction::Right {
                        let back = navigate_mark(&l, &next, Direction::Left);
                        prop_assert_eq!(back.as_ref(), Some(m));
                        if l.clustered() {
                            // Clustered marks run left to right.
                            prop_assert!(l.mark_box(&next).unwrap().0 >= l.mark_box(m).unwrap().1 - EPS);
                        }
                    }
                }
            }
            let (_, s, e) = l.mark_days(m).unwrap();
            let near = nearest_mark(&l, &l.lanes[lane].key, (s + e) / 2.0).unwrap();
            prop_assert_eq!(l.mark_days(&near).unwrap().0, lane);
            let (x0, x1, y, h) = l.mark_box(m).unwrap();
            if x1 - x0 > 2.0 * EPS {
                prop_assert!(mark_at(&l, (x0 + x1) / 2.0, y + h / 2.0).is_some());
            }
        }
        // Right from a lane's first mark visits every mark of the lane.
        for lane in 0..l.lanes.len() {
            let in_lane: Vec<&Mark> = marks.iter().filter(|m| l.mark_days(m).unwrap().0 == lane).collect();
            let Some(mut at) = in_lane.first().map(|m| (*m).clone()) else { continue };
            while let Some(left) = navigate_mark(&l, &at, Direction::Left) { at = left; }
            let mut seen = 1;
            while let Some(right) = navigate_mark(&l, &at, Direction::Right) { at = right; seen += 1; }
            prop_assert_eq!(seen, in_lane.len());
        }
    }

    #[test]
    fn any_result_of_a_report_is_sorted_into_lanes(
        r in crowded_strategy(),
        picks in proptest::collection::vec(0usize..420, 0..300),
        opts in bounded_options(),
        by_cat in any::<bool>(),
    ) {
        // A result: any positions, in any order, some twice, some past the end.
        let mut o = opts;
        o.by = if by_cat { LaneBy::Category } else { LaneBy::Subsidiary };
        let index = TimelineIndex::new(&r, o.by);
        let data = TimelineData::from_index(&index, &picks, &o);
        let mut distinct: Vec<usize> = picks.iter().copied().filter(|&p| p < r.entries.len()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let dated = timeline_entries(&r, &distinct);
        prop_assert_eq!(data.len(), dated.len());
        prop_assert_eq!(&data, &TimelineData::new(&r, &picks, &o));
        let full = data.layout(&unbounded(&o));
        let mut drawn: Vec<usize> = full.items.iter().map(|i| i.entry).collect();
        drawn.sort_unstable();
        let expected: Vec<usize> = dated
            .iter()
            .copied()
            .filter(|&p| {
                let (s, e, _) = item_span(&r.entries[p].date.unwrap());
                e > full.window.from && s < full.window.to
            })
            .collect();
        prop_assert_eq!(drawn, expected);
        let l = data.layout(&o);
        prop_assert!(l.marks() <= o.max_items.max(1));
        prop_assert_eq!(l.visible, full.items.len());
        // The list order of a result, from the report-wide order, is the direct one.
        prop_assert_eq!(AwardOrder::new(&r).order(&picks), award_order(&r, &distinct));
    }

    #[test]
    fn list_pages_cover_the_list(total in 0usize..500, page in 0usize..20, per in 1usize..60) {
        let p = ListPage::new(total, page, per);
        prop_assert!(p.page < p.pages);
        prop_assert!(p.end - p.start <= per);
        prop_assert_eq!(p.range(), p.start..p.end);
        let mut covered = 0;
        for i in 0..p.pages {
            let q = ListPage::new(total, i, per);
            prop_assert_eq!(q.start, covered);
            covered = q.end;
            prop_assert_eq!(q.has_next(), i + 1 < q.pages);
            prop_assert_eq!(q.has_previous(), i > 0);
        }
        prop_assert_eq!(covered, total);
    }
}

/// A deterministic synthetic report: `n` entries on `subs` subsidiaries (skewed sizes), mostly
/// awards and events dated 2000-2024 (days, months, years and ranges).
fn synthetic(n: usize, subs: usize) -> Report {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |m: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % m
    };
    let entries = (0..n)
        .map(|_| {
            // Squaring skews lanes: low subsidiaries get most entries.
            let r = next(1_000_000) as f64 / 1_000_000.0;
            let sub = ((r * r) * subs as f64) as usize;
            let kind = [0, 0, 0, 5, 5, 1][next(6) as usize];
            let y = 2000 + next(25) as i32;
            let m = 1 + next(12) as u8;
            let d = 1 + next(28) as u8;
            let date = match next(20) {
                0..=11 => format!("{y}-{m:02}-{d:02}"),
                12..=16 => format!("{y}-{m:02}"),
                17..=18 => format!("{y}"),
                _ => format!("{y}/{}", y + next(3) as i32),
            };
            (sub, kind, Some(date))
        })
        .collect();
    report_of(subs, entries)
}

#[test]
fn large_reports_stay_within_budget_and_zoom_to_items() {
    for (n, subs) in [(10_000, 12), (100_000, 50)] {
        let r = synthetic(n, subs);
        let positions = all(&r);
        let dated = timeline_entries(&r, &positions).len();
        let w = default_window(&r, &positions);
        assert_eq!(w, Window::between((2000, 1, 1), (2027, 1, 1)));
        let opts = TimelineOptions::new(w, 1040.0);
        let data = TimelineData::new(&r, &positions, &opts);
        assert_eq!(data.len(), dated);
        let l = data.layout(&opts);
        assert_eq!(l.lanes.len(), subs);
        assert!(l.clustered());
        assert_eq!(l.visible, dated);
        assert!(l.marks() <= 300, "{} marks", l.marks());
        let counted: usize = l.items.len() + l.clusters.iter().map(|c| c.count).sum::<usize>();
        assert_eq!(counted, dated);
        // Zooming into the busiest cluster narrows the window each time, the marks stay within
        // the budget, and it ends in items drawn one by one: at 10k entries after two zooms; at
        // 100k close to a thousand entries (long ranges among them) meet any 30 days, so the
        // narrowest window is still clustered.
        let mut o = opts;
        let mut l = l;
        let mut steps = 0;
        while l.clustered() && l.window.span() > MIN_SPAN_DAYS {
            let c = l.clusters.iter().max_by_key(|c| c.count).unwrap();
            let before = l.window.span();
            o.window = c.zoom_window(l.window);
            l = data.layout(&o);
            assert!(l.window.span() <= before / 2.0 || l.window.span() == MIN_SPAN_DAYS);
            assert!(l.marks() <= 300);
            steps += 1;
        }
        if n == 10_000 {
            assert_eq!(steps, 2);
            assert!(!l.clustered() && l.items.len() == l.visible);
        } else {
            assert!(l.clustered() && l.visible > 300 && l.marks() <= 300);
        }
        // The list shows one page at a time.
        let page = ListPage::new(award_order(&r, &positions).len(), 0, LIST_PAGE_SIZE);
        assert_eq!(page.range(), 0..50);
        assert!(page.status().starts_with("Showing 1–50 of "));
    }
}

#[test]
fn list_order_folds_case_like_to_lowercase() {
    let titles = [
        "Zeta",
        "été",
        "Été b",
        "apple",
        "Äpfel",
        "ΣΟΦΟΣ",
        "σοφος",
        "Apple",
        "äpfel",
        "ZEBRA",
        "",
    ];
    let mut r = report_of(
        1,
        titles
            .iter()
            .map(|_| (0, 0, Some("2019".to_owned())))
            .collect(),
    );
    for (e, t) in r.entries.iter_mut().zip(titles) {
        e.title = t.to_owned();
    }
    let mut expected: Vec<usize> = (0..titles.len()).collect();
    expected.sort_by_key(|&p| (titles[p].to_lowercase(), p));
    assert_eq!(award_order(&r, &all(&r)), expected);
}

#[test]
fn many_lanes_share_an_other_lane() {
    // 150 subsidiaries, subsidiary i with i % 7 + 1 awards.
    let entries: Vec<(usize, usize, Option<String>)> = (0..150)
        .flat_map(|s| (0..s % 7 + 1).map(move |k| (s, 0, Some(format!("{}", 2010 + k)))))
        .collect();
    let total = entries.len();
    let r = report_of(150, entries);
    let positions = all(&r);
    let opts = TimelineOptions::new(default_window(&r, &positions), 900.0);
    let l = layout(&r, &positions, &opts);
    assert_eq!(l.lanes.len(), 100);
    let other = l.lanes.last().unwrap();
    assert_eq!(other.key, OTHER_LANE);
    assert_eq!(other.merged, 51);
    assert_eq!(other.label, "51 other subsidiaries");
    // The 99 kept lanes are the largest ones (7, 6, ... awards), in report order.
    let kept: Vec<usize> = l.lanes[..99]
        .iter()
        .map(|x| x.key[1..].parse().unwrap())
        .collect();
    assert!(kept.windows(2).all(|w| w[0] < w[1]));
    let smallest_kept = kept.iter().map(|s| s % 7 + 1).min().unwrap();
    let largest_merged = (0..150)
        .filter(|s| !kept.contains(s))
        .map(|s| s % 7 + 1)
        .max()
        .unwrap();
    assert!(smallest_kept >= largest_merged);
    assert_eq!(l.visible, total);
    assert!(l.marks() <= 300);
    // Up to the limit every lane keeps its own.
    let mut few = opts;
    few.max_lanes = 150;
    few.max_items = 1000;
    assert_eq!(layout(&r, &positions, &few).lanes.len(), 150);
}

#[test]
fn cluster_labels_and_zoom() {
    let d = |y, m, d| day_number(y, m, d) as f64;
    assert_eq!(span_label(d(2015, 1, 1), d(2017, 1, 1)), "2015–2016");
    assert_eq!(span_label(d(2015, 1, 1), d(2016, 1, 1)), "2015");
    assert_eq!(span_label(d(2015, 3, 1), d(2015, 7, 1)), "Mar–Jun 2015");
    assert_eq!(
        span_label(d(2015, 11, 3), d(2016, 2, 20)),
        "Nov 2015–Feb 2016"
    );
    assert_eq!(span_label(d(2015, 2, 1), d(2015, 3, 1)), "Feb 2015");
    assert_eq!(span_label(d(2015, 3, 3), d(2015, 3, 18)), "3–17 Mar 2015");
    assert_eq!(
        span_label(d(2015, 2, 27), d(2015, 3, 4)),
        "27 Feb–3 Mar 2015"
    );
    assert_eq!(
        span_label(d(2015, 12, 30), d(2016, 1, 3)),
        "30 Dec 2015–2 Jan 2016"
    );
    assert_eq!(
        span_label(d(2015, 3, 3) + 0.25, d(2015, 3, 3) + 0.75),
        "3 Mar 2015"
    );
    assert_eq!(span_label(d(2012, 6, 1), d(2015, 6, 1)), "2012–2015");
    assert_eq!(
        Window::between((2015, 3, 1), (2016, 2, 1)).iso(),
        "2015-03-01/2016-02-01"
    );

    // 40 awards on one day in one lane, budget 10: one cluster, which zooms to the narrowest window.
    let r = report_of(
        1,
        (0..40)
            .map(|_| (0, 0, Some("2019-05-21".to_owned())))
            .collect(),
    );
    let positions = all(&r);
    let mut opts = TimelineOptions::new(Window::between((2015, 1, 1), (2025, 1, 1)), 800.0);
    opts.max_items = 10;
    let l = layout(&r, &positions, &opts);
    assert_eq!((l.clusters.len(), l.items.len()), (1, 0));
    let c = &l.clusters[0];
    assert_eq!(c.count, 40);
    assert_eq!(c.label(), "40 entries, 21 May 2019");
    let z = c.zoom_window(l.window);
    assert_eq!(z.span(), MIN_SPAN_DAYS);
    assert!(z.from <= d(2019, 5, 21) && z.to >= d(2019, 5, 22));
    // Panning at one zoom level keeps the cluster's id.
    let mut panned = opts;
    panned.window = pan(opts.window, 0.1);
    assert_eq!(layout(&r, &positions, &panned).clusters[0].id, c.id);
    // The paged list's status text.
    assert_eq!(
        ListPage::new(9_812, 0, 50).status(),
        "Showing 1–50 of 9,812"
    );
    assert_eq!(
        ListPage::new(9_812, 196, 50).status(),
        "Showing 9,801–9,812 of 9,812"
    );
    assert_eq!(ListPage::new(9_812, 999, 50).page, 196);
    assert_eq!(ListPage::new(51, 1, 50).status(), "Showing 51 of 51");
    assert_eq!(
        ListPage::new(0, 3, 50).status(),
        "No dated awards or events"
    );
}

/// Layout time at 10k and 100k entries, medians printed, never asserted. Run with
/// `cargo test --profile perf --test timeline layout_time -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement: run it on purpose, optimised"]
fn layout_time_is_reported() {
    use std::time::{Duration, Instant};
    fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
        let mut times = Vec::new();
        let mut out = None;
        for _ in 0..runs {
            let t = Instant::now();
            out = Some(std::hint::black_box(f()));
            times.push(t.elapsed());
        }
        times.sort();
        (times[runs / 2], out.unwrap())
    }
    for (n, subs) in [(10_000, 12), (100_000, 50)] {
        let r = synthetic(n, subs);
        let positions = all(&r);
        // A filtered result: every other entry.
        let half: Vec<usize> = positions.iter().copied().step_by(2).collect();
        let opts = TimelineOptions::new(default_window(&r, &positions), 1040.0);
        let (index_time, index) = median(7, || TimelineIndex::new(&r, opts.by));
        let (sort_all, data) = median(7, || TimelineData::from_index(&index, &positions, &opts));
        let (sort_half, _) = median(7, || TimelineData::from_index(&index, &half, &opts));
        // The whole extent (every item visible), and a 2-year window panned across it.
        let (whole, l) = median(7, || data.layout(&opts));
        let mut o = opts;
        o.window = Window::between((2010, 1, 1), (2012, 1, 1));
        let (panned, z) = median(7, || {
            o.window = pan(o.window, 0.01);
            data.layout(&o)
        });
        let (order_index, order) = median(7, || AwardOrder::new(&r));
        let (order_all, sorted) = median(7, || order.order(&positions));
        let (order_half, _) = median(7, || order.order(&half));
        eprintln!(
            "{n} entries, {} dated, {subs} lanes:\n  \
             per report and lane choice: index {index_time:?}, list order {order_index:?}\n  \
             per result (all / half): into lanes {sort_all:?} / {sort_half:?}, list order \
             {order_all:?} / {order_half:?}\n  \
             per window: whole extent {whole:?} ({} marks for {} items), 2 years {panned:?} \
             ({} marks for {} items)",
            data.len(),
            l.marks(),
            l.visible,
            z.marks(),
            z.visible,
        );
        assert_eq!(sorted.len(), data.len());
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
    assert_eq!(r.entries[down].subsidiaries[0].as_str(), "citic-press");
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

#[test]
fn the_wheel_zooms_only_when_it_moves_vertically() {
    // Up zooms in and down out, whatever the unit (Firefox reports lines, Chromium pixels).
    assert_eq!(wheel_zoom_factor(-120.0), Some(1.25));
    assert_eq!(wheel_zoom_factor(-3.0), Some(1.25));
    assert_eq!(wheel_zoom_factor(3.0), Some(0.8));
    assert_eq!(wheel_zoom_factor(0.5), Some(0.8));
    // A sideways scroll (deltaY 0, e.g. Shift+wheel or a trackpad swipe) is no zoom.
    assert_eq!(wheel_zoom_factor(0.0), None);
    assert_eq!(wheel_zoom_factor(-0.0), None);
    assert_eq!(wheel_zoom_factor(f64::NAN), None);
}
