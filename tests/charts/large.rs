//! Charts of a large synthetic report (50 subsidiaries, 30 categories, 20 years, 12,000 entries):
//! bounded rows, series, bars, legends, tables and SVG elements; "Other" sums the rest; clicks select what pieces count.

use plotters::prelude::*;
use report_explorer::core::charts::{
    awards_data, clickable, coverage_data, draw, metrics_data, render_svg, select_mark, table,
    top_level, Chart, ChartHits, ChartTheme, Mark, MeasuredBackend, NaiveMeasure, Scope, Series,
    MAX_FIGURES, MAX_ROWS, MAX_SERIES, MAX_YEAR_BARS,
};
use report_explorer::core::date::DateSpec;
use report_explorer::core::ids::{CategoryId, EntryId, SubsidiaryId};
use report_explorer::core::model::{
    Category, Entry, Kind, Metric, Qualifier, Report, ReportMeta, Source, Subsidiary,
};
use report_explorer::core::query::{Facet, Index, Selection};
use std::collections::{BTreeSet, HashMap};

const SIZE: (u32, u32) = (800, 480);

/// A small deterministic generator (64-bit LCG, top bits).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// `0..n`, skewed towards 0 (so a few values are large and many small).
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() % 10_000) as f64 / 10_000.0;
        ((u * u * u) * n as f64) as usize
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A report with `subs` subsidiaries, `tops` top-level categories with two
/// children each, awards over `years`, and `n` entries: about 40% awards (one
/// in ten dated across two years, one in twenty undated), every third entry
/// with a `people-reached` figure. Each entry has one category.
fn synthetic(subs: usize, tops: usize, years: std::ops::RangeInclusive<i32>, n: usize) -> Report {
    let mut rng = Rng(0x5EED);
    let subsidiaries: Vec<Subsidiary> = (0..subs)
        .map(|i| Subsidiary {
            id: SubsidiaryId::new(&format!("sub-{i:02}")).unwrap(),
            name: format!("Subsidiary {i:02} Holdings"),
            sector: None,
            division: None,
        })
        .collect();
    let mut categories = Vec::new();
    for t in 0..tops {
        let top = CategoryId::new(&format!("cat-{t:02}")).unwrap();
        categories.push(Category {
            id: top.clone(),
            name: format!("Topic {t:02}"),
            parent: None,
        });
        for c in ["a", "b"] {
            categories.push(Category {
                id: CategoryId::new(&format!("cat-{t:02}-{c}")).unwrap(),
                name: format!("Topic {t:02} {c}"),
                parent: Some(top.clone()),
            });
        }
    }
    let (first, span) = (*years.start(), (years.end() - years.start() + 1) as usize);
    let entries = (0..n)
        .map(|i| {
            // Skewed, then spread over the report order so the largest are not simply the first.
            let s = (rng.skewed(subs) * 17) % subs;
            let c = (rng.skewed(categories.len()) * 7) % categories.len();
            let award = rng.below(10) < 4;
            let year = first + rng.below(span) as i32;
            let date = match rng.below(20) {
                0 if award => None,
                1 | 2 if year < *years.end() => {
                    Some(DateSpec::parse(&format!("{year}/{}", year + 1)).unwrap())
                }
                _ => Some(DateSpec::parse(&year.to_string()).unwrap()),
            };
            let metrics = if i % 3 == 0 {
                vec![Metric {
                    unit: Some("visitors".into()),
                    qualifier: Qualifier::Exact,
                    family: Some("people-reached".into()),
                    ..Metric::new(format!("Visitors {i}"), rng.below(1_000_000) as f64)
                }]
            } else {
                Vec::new()
            };
            Entry {
                id: EntryId::new(&format!("e-{i}")).unwrap(),
                kind: if award { Kind::Award } else { Kind::Initiative },
                title: format!("Entry {i}"),
                summary: String::new(),
                subsidiaries: vec![subsidiaries[s].id.clone()],
                categories: vec![categories[c].id.clone()],
                date,
                awarding_body: None,
                location: None,
                countries: vec![],
                metrics,
                source: Source {
                    section: "Synthetic".into(),
                    passage: String::new(),
                    page: None,
                    url: None,
                },
            }
        })
        .collect();
    Report {
        divisions: vec![],
        meta: ReportMeta {
            organisation: "Synthetic Group".into(),
            title: "Synthetic report".into(),
            period: DateSpec::parse(&format!("{first}/{}", years.end())).unwrap(),
            document: "synthetic".into(),
            chapter: None,
            url: None,
            language: None,
            fiscal_year_end: 12,
            text: None,
        },
        subsidiaries,
        categories,
        entries,
        editions: vec![],
    }
}

fn big() -> Report {
    synthetic(50, 10, 2005..=2024, 12_000)
}

fn all(r: &Report) -> Vec<usize> {
    (0..r.entries.len()).collect()
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

fn drawn(chart: Chart<'_>) -> (ChartHits, String) {
    let mut out = String::new();
    let hits = {
        let backend = MeasuredBackend::new(SVGBackend::with_string(&mut out, SIZE), NaiveMeasure);
        let root = backend.into_drawing_area();
        let hits = draw(chart, &root, &ChartTheme::light(), Some("caption")).expect("draws");
        root.present().unwrap();
        hits
    };
    (hits, out)
}

/// SVG elements drawn: every opening tag but the document's own.
fn elements(svg: &str) -> usize {
    svg.matches('<')
        .count()
        .saturating_sub(svg.matches("</").count())
        .saturating_sub(1)
}

/// The text of every `<text>` element.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..];
            Some(body[..body.find("</text>")?].trim().to_owned())
        })
        .collect()
}

/// Every series has its own colour in both themes, "Other" (if any) is the neutral grey and last.
fn colours_unique(series: &[Series], slots: &[usize]) {
    assert_eq!(series.len(), slots.len());
    assert!(series.len() <= MAX_SERIES);
    for theme in [ChartTheme::light(), ChartTheme::dark()] {
        let colours: BTreeSet<(u8, u8, u8)> = slots
            .iter()
            .map(|&i| {
                let c = theme.series(i);
                (c.0, c.1, c.2)
            })
            .collect();
        assert_eq!(colours.len(), series.len(), "a colour is used twice");
        if let Some(other) = series.iter().position(Series::is_other) {
            assert_eq!(other, series.len() - 1, "Other comes last");
            assert_eq!(theme.series(slots[other]), theme.neutral);
        }
    }
}

/// Entries the query engine lists for `sel`.
fn listed(index: &Index, sel: &Selection) -> usize {
    index.query(sel, &index.search(&sel.query)).entries.len()
}

/// Entries (or awards) per (subsidiary, top-level category) computed directly, for checking sums.
fn grid(r: &Report, positions: &[usize]) -> HashMap<(String, String), usize> {
    let mut out = HashMap::new();
    for &p in positions {
        let e = &r.entries[p];
        let top = top_level(r, &e.categories[0]).unwrap().id.to_string();
        for s in &e.subsidiaries {
            *out.entry((s.to_string(), top.clone())).or_default() += 1;
        }
    }
    out
}

#[test]
fn coverage_shows_twelve_rows_and_eight_colours() {
    let r = big();
    let data = whole(&r, coverage_data);
    assert_eq!(data.subsidiaries.len(), MAX_ROWS);
    assert_eq!(data.categories.len(), MAX_SERIES);
    colours_unique(&data.categories, &data.colours);
    let other = data.subsidiaries.last().unwrap();
    assert!(other.is_other());
    assert_eq!(other.members.len(), 50 - (MAX_ROWS - 1));
    assert_eq!(other.label, "Other (39 subsidiaries)");
    let other_cat = data.categories.last().unwrap();
    assert_eq!(other_cat.label, "Other (3 categories)");
    assert!(data.subsidiaries[..MAX_ROWS - 1]
        .iter()
        .all(|s| !s.is_other()));

    // The rows shown are the largest ones.
    let full = grid(&r, &all(&r));
    let per_sub = |t: &str| full.iter().filter(|(k, _)| k.0 == t).map(|(_, n)| n).sum();
    let smallest_shown: usize = data.subsidiaries[..MAX_ROWS - 1]
        .iter()
        .map(|s| per_sub(&s.token))
        .min()
        .unwrap();
    assert!(other.members.iter().all(|m| per_sub(m) <= smallest_shown));

    // Each cell is the sum of the (subsidiary, category) cells it stands for.
    let tokens = |s: &Series| -> Vec<String> {
        if s.is_other() {
            s.members.clone()
        } else {
            vec![s.token.clone()]
        }
    };
    for (si, sub) in data.subsidiaries.iter().enumerate() {
        for (ci, cat) in data.categories.iter().enumerate() {
            let want: usize = tokens(sub)
                .iter()
                .flat_map(|s| tokens(cat).into_iter().map(move |c| (s.clone(), c)))
                .map(|k| full.get(&k).copied().unwrap_or(0))
                .sum();
            assert_eq!(data.counts[si][ci], want, "{} × {}", sub.label, cat.label);
        }
    }
    let total: usize = (0..data.subsidiaries.len()).map(|s| data.total(s)).sum();
    assert_eq!(total, r.entries.len(), "every entry counted once");
    // Other's row is the sum of the rows it holds.
    let other_total: usize = other.members.iter().map(|m| per_sub(m)).sum();
    assert_eq!(data.total(MAX_ROWS - 1), other_total);
}

#[test]
fn awards_show_eight_series_and_twenty_years() {
    let r = big();
    let data = whole(&r, awards_data);
    assert_eq!(data.years.len(), 20);
    assert_eq!(data.span, 1);
    assert_eq!(data.note(), None);
    assert_eq!(data.subsidiaries.len(), MAX_SERIES);
    colours_unique(&data.subsidiaries, &data.colours);
    let other = data.subsidiaries.last().unwrap();
    assert_eq!(
        other.label,
        format!("Other ({} subsidiaries)", other.members.len())
    );
    assert_eq!(other.members.len(), 50 - (MAX_SERIES - 1));
    // Other's segment each year is the sum of its members' awards touching that year.
    for (y, span) in data.years.iter().enumerate() {
        let want = r
            .entries
            .iter()
            .filter(|e| e.kind == Kind::Award)
            .filter(|e| {
                e.subsidiaries
                    .iter()
                    .any(|s| other.members.contains(&s.to_string()))
            })
            .filter_map(|e| e.date)
            .filter(|d| d.first_day().0 <= span.last && d.last_day().0 >= span.first)
            .count();
        assert_eq!(data.counts[y][MAX_SERIES - 1], want, "{}", span.label());
    }
}

#[test]
fn decades_of_awards_are_grouped_into_spans() {
    let r = synthetic(50, 10, 1975..=2024, 6_000);
    let data = whole(&r, awards_data);
    assert!(data.years.len() <= MAX_YEAR_BARS);
    assert_eq!(data.span, 5);
    assert_eq!(data.years.len(), 10);
    assert_eq!(data.years[0].label(), "1975–1979");
    assert!(data.note().unwrap().contains("Each bar is 5 years"));
    let t = table(Chart::Awards(&data));
    assert_eq!(t.headers[0], "Years");
    assert_eq!(t.rows.len(), 10);
    assert_eq!(t.note, data.note());
    // A bar counts each award once, and the year filter with the bar's years lists exactly those.
    let index = Index::new(&r);
    for (y, span) in data.years.iter().enumerate() {
        let mut sel = Selection::default();
        for year in span.years() {
            sel.toggle(Facet::Year, &year.to_string());
        }
        sel.toggle(Facet::Kind, "award");
        assert_eq!(listed(&index, &sel), data.total(y), "{}", span.label());
    }
    let (hits, svg) = drawn(Chart::Awards(&data));
    assert!(svg.contains("Each bar is 5 years"));
    assert!(hits.bands <= MAX_YEAR_BARS);
}

#[test]
fn metrics_show_the_twenty_highest_with_a_note() {
    let r = big();
    let data = metrics_data(&r, &all(&r), "people-reached", "visitors");
    assert_eq!(data.total, 4_000);
    assert_eq!(data.bars.len(), MAX_FIGURES);
    let note = data.note().unwrap();
    assert!(note.starts_with("Showing 20 of 4,000 figures"), "{note}");
    // The highest of all, highest first.
    let mut values: Vec<f64> = r
        .entries
        .iter()
        .flat_map(|e| &e.metrics)
        .map(|m| m.value)
        .collect();
    values.sort_by(|a, b| b.total_cmp(a));
    let shown: Vec<f64> = data.bars.iter().map(|b| b.value).collect();
    assert_eq!(shown, values[..MAX_FIGURES]);
    let t = table(Chart::Metrics(&data));
    assert_eq!(t.rows.len(), MAX_FIGURES);
    assert_eq!(t.note.as_deref(), Some(note.as_str()));
    let (hits, svg) = drawn(Chart::Metrics(&data));
    assert_eq!(hits.bands, MAX_FIGURES);
    assert!(svg.contains("Showing 20 of 4,000 figures"));
}

/// The table has one row per band, and each band's drawn pieces are its non-zero cells, in order.
fn table_matches_hits(chart: Chart<'_>) {
    let t = table(chart);
    let (hits, svg) = drawn(chart);
    assert_eq!(t.rows.len(), hits.bands);
    for (band, row) in t.rows.iter().enumerate() {
        let cells: Vec<usize> = row[1..row.len() - 1]
            .iter()
            .map(|c| c.parse().unwrap())
            .filter(|&n| n > 0)
            .collect();
        let drawn: Vec<usize> = hits
            .bars
            .iter()
            .filter(|b| b.band == band)
            .map(|b| match &b.mark {
                Mark::Count { count, .. } => *count,
                Mark::Metric { .. } => unreachable!(),
            })
            .collect();
        assert_eq!(cells, drawn, "row {}", row[0]);
        // The total is written at the bar's end.
        let total = row.last().unwrap();
        if total != "0" {
            assert!(texts(&svg).contains(total), "total {total} drawn");
        }
        assert_eq!(total.parse::<usize>().unwrap(), drawn.iter().sum::<usize>());
    }
}

#[test]
fn tables_and_legends_are_as_bounded_as_the_charts() {
    let r = big();
    let coverage = whole(&r, coverage_data);
    let awards = whole(&r, awards_data);
    table_matches_hits(Chart::Coverage(&coverage));
    table_matches_hits(Chart::Awards(&awards));
    let t = table(Chart::Coverage(&coverage));
    assert_eq!(t.rows.len(), MAX_ROWS);
    assert_eq!(t.headers.len(), MAX_SERIES + 2);
    assert_eq!(t.rows.last().unwrap()[0], "Other (39 subsidiaries)");
    let t = table(Chart::Awards(&awards));
    assert_eq!(t.rows.len(), 20);
    assert_eq!(t.headers.len(), MAX_SERIES + 2);
    // Legends: one swatch and one label per series, every label drawn.
    for (chart, series) in [
        (Chart::Coverage(&coverage), &coverage.categories),
        (Chart::Awards(&awards), &awards.subsidiaries),
    ] {
        let svg = render_svg(chart, SIZE, &ChartTheme::light(), None);
        let texts = texts(&svg);
        for s in series {
            assert!(texts.contains(&s.label), "legend shows {}", s.label);
        }
    }
}

#[test]
fn svg_output_is_bounded() {
    let r = big();
    let coverage = whole(&r, coverage_data);
    let awards = whole(&r, awards_data);
    let metrics = metrics_data(&r, &all(&r), "people-reached", "visitors");
    let mut counts = Vec::new();
    for chart in [
        Chart::Coverage(&coverage),
        Chart::Awards(&awards),
        Chart::Metrics(&metrics),
    ] {
        let svg = render_svg(chart, SIZE, &ChartTheme::light(), Some("caption"));
        if let Ok(dir) = std::env::var("CHART_DUMP") {
            std::fs::write(format!("{dir}/large-{}.svg", counts.len()), &svg).unwrap();
        }
        counts.push(elements(&svg));
    }
    eprintln!("SVG elements for 50 subsidiaries (coverage, awards, metrics): {counts:?}");
    // Bars: 12 × 8 and 20 × 8 pieces at most (each a fill and an outline), plus labels, legend, axes.
    assert!(counts[0] <= 300, "coverage: {} elements", counts[0]);
    assert!(counts[1] <= 450, "awards: {} elements", counts[1]);
    assert!(counts[2] <= 200, "metrics: {} elements", counts[2]);

    // Four times the subsidiaries, more categories, twice the years: no more elements than the bounds allow.
    let huge = synthetic(200, 20, 1985..=2024, 24_000);
    let coverage = whole(&huge, coverage_data);
    let awards = whole(&huge, awards_data);
    assert_eq!(coverage.subsidiaries.len(), MAX_ROWS);
    assert_eq!(awards.subsidiaries.len(), MAX_SERIES);
    assert!(awards.years.len() <= MAX_YEAR_BARS);
    let svg = render_svg(Chart::Coverage(&coverage), SIZE, &ChartTheme::light(), None);
    assert!(elements(&svg) <= 300);
    let svg = render_svg(Chart::Awards(&awards), SIZE, &ChartTheme::light(), None);
    assert!(elements(&svg) <= 450);
}

/// Every clickable piece selects exactly the entries it counts; the others select nothing and say why.
fn clicks_are_honest(r: &Report, start: &Selection, hits: &ChartHits) -> usize {
    let index = Index::new(r);
    let mut clicked = 0;
    for bar in &hits.bars {
        let count = match &bar.mark {
            Mark::Count { count, .. } => *count,
            Mark::Metric { .. } => continue,
        };
        match select_mark(r, start, &bar.mark) {
            Some(sel) => {
                assert!(clickable(&bar.mark));
                assert_eq!(listed(&index, &sel), count, "{}", bar.text);
                assert!(sel.subsidiaries.len() <= 12 && sel.categories.len() <= 12);
                clicked += 1;
            }
            None => assert!(
                bar.text.contains("too many to filter by"),
                "{} says why a click does nothing",
                bar.text
            ),
        }
    }
    clicked
}

#[test]
fn clicking_a_piece_lists_exactly_its_count() {
    let r = big();
    let start = Selection::default();
    let coverage = whole(&r, coverage_data);
    let (hits, _) = drawn(Chart::Coverage(&coverage));
    let named = clicks_are_honest(&r, &start, &hits);
    assert!(named >= (MAX_ROWS - 1) * (MAX_SERIES - 1));
    // A piece of the 39-subsidiary Other row is too many to select.
    let other_piece = hits
        .bars
        .iter()
        .find(|b| matches!(&b.mark, Mark::Count { target, .. } if target.tokens(Facet::Subsidiary).is_some_and(|s| s.len() > 12)))
        .expect("a large Other piece");
    // Names are isolated (U+2068 … U+2069) in the composed text.
    assert!(other_piece
        .text
        .starts_with("\u{2068}Other (39 subsidiaries)\u{2069}"));
    assert!(select_mark(&r, &start, &other_piece.mark).is_none());

    let awards = whole(&r, awards_data);
    let (hits, _) = drawn(Chart::Awards(&awards));
    clicks_are_honest(&r, &start, &hits);
}

#[test]
fn a_small_other_is_selected_member_by_member() {
    // Filter to fifteen subsidiaries: Other holds four of them, few enough to select.
    let r = big();
    let index = Index::new(&r);
    let mut start = Selection::default();
    for i in 0..15 {
        start.toggle(Facet::Subsidiary, &format!("sub-{i:02}"));
    }
    let coverage = scoped(&r, &start, coverage_data);
    assert_eq!(coverage.subsidiaries.len(), MAX_ROWS);
    assert_eq!(coverage.subsidiaries[MAX_ROWS - 1].members.len(), 4);
    let (hits, _) = drawn(Chart::Coverage(&coverage));
    let other_pieces: Vec<_> = hits
        .bars
        .iter()
        .filter(|b| b.band == MAX_ROWS - 1)
        .collect();
    assert!(!other_pieces.is_empty());
    for piece in other_pieces {
        let sel = select_mark(&r, &start, &piece.mark).expect("four subsidiaries can be selected");
        assert!(sel.subsidiaries.len() <= 4);
        let Mark::Count { count, .. } = piece.mark else {
            unreachable!()
        };
        assert_eq!(listed(&index, &sel), count, "{}", piece.text);
        assert!(piece.text.contains(" from "), "{}", piece.text);
    }
    clicks_are_honest(&r, &start, &hits);

    let awards = scoped(&r, &start, awards_data);
    assert_eq!(awards.subsidiaries.len(), MAX_SERIES);
    let (hits, _) = drawn(Chart::Awards(&awards));
    let clicked = clicks_are_honest(&r, &start, &hits);
    assert_eq!(
        clicked,
        hits.bars.len(),
        "every piece, Other included, is selectable"
    );
}

#[test]
fn exactly_the_maximum_needs_no_other() {
    let r = synthetic(MAX_ROWS, MAX_SERIES, 2015..=2024, 3_000);
    let coverage = whole(&r, coverage_data);
    assert_eq!(coverage.subsidiaries.len(), MAX_ROWS);
    assert!(coverage.subsidiaries.iter().all(|s| !s.is_other()));
    assert_eq!(coverage.categories.len(), MAX_SERIES);
    assert!(coverage.categories.iter().all(|s| !s.is_other()));
    colours_unique(&coverage.categories, &coverage.colours);
    // One more: Other appears and holds two, never one.
    let r = synthetic(MAX_ROWS + 1, MAX_SERIES + 1, 2015..=2024, 3_000);
    let coverage = whole(&r, coverage_data);
    assert_eq!(coverage.subsidiaries.len(), MAX_ROWS);
    assert_eq!(coverage.subsidiaries.last().unwrap().members.len(), 2);
    assert_eq!(coverage.categories.last().unwrap().members.len(), 2);
    colours_unique(&coverage.categories, &coverage.colours);
}
