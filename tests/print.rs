//! Print: the filters in words, the header's provenance, the cut at 200 entries with its
//! "N more" line, the list's order kept, what a printed entry holds, and CSP-safe chart SVG.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::catalogue::load_catalogue;
use report_explorer::core::charts::{chart_height, Scope};
use report_explorer::core::editions::merge;
use report_explorer::core::export::Provenance;
use report_explorer::core::format::format_metric;
use report_explorer::core::i18n::{Lang, EN};
use report_explorer::core::load::load_report;
use report_explorer::core::model::Report;
use report_explorer::core::print::*;
use report_explorer::core::query::{Facet, Index, Selection, Sort};
use report_explorer::core::synth::generate;

const DATA: &str = include_str!("../public/data/report.json");
const AT: &str = "2024-05-01T12:30:00Z";
const PRINTED: &str = "1 May 2024 at 13:30";
const LINK: &str = "https://example.org/explorer/?sub=citic-bank&kind=award";

fn report() -> Report {
    load_report(DATA).unwrap().report
}

fn synthetic(n: usize) -> Report {
    load_report(&generate(n, 7)).unwrap().report
}

/// The header line labelled `label`.
fn line<'a>(doc: &'a PrintDocument, label: &str) -> &'a str {
    doc.header
        .lines
        .iter()
        .find(|(l, _)| *l == label)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no header line {label}"))
}

fn document(r: &Report, positions: &[usize], sel: &Selection) -> PrintDocument {
    document_in(r, positions, sel, &EN)
}

fn document_in(
    r: &Report,
    positions: &[usize],
    sel: &Selection,
    texts: &'static report_explorer::core::i18n::Texts,
) -> PrintDocument {
    let provenance = Provenance::new(r, "data/report.json", sel, AT, "9.9.9");
    print_document(
        r,
        positions,
        sel,
        &PrintContext {
            provenance: &provenance,
            printed_at: PRINTED,
            link: LINK,
            texts,
        },
    )
}

/// The current result of `sel`, as the list orders it.
fn result(r: &Report, sel: &Selection) -> Vec<usize> {
    let index = Index::new(r);
    let hits = index.search(&sel.query);
    index.query(sel, &hits).entries
}

#[test]
fn filters_read_as_words_in_facet_and_report_order() {
    let r = report();
    let mut sel = Selection::default();
    // Chosen in another order than the report lists them.
    sel.toggle(Facet::Subsidiary, "citic-trust");
    sel.toggle(Facet::Subsidiary, "citic-bank");
    sel.toggle(Facet::Kind, "service");
    sel.toggle(Facet::Kind, "award");
    sel.toggle(Facet::Year, "2019");
    sel.query = "quick\nclaims".into();
    assert_eq!(
        filter_words(&r, &sel, &EN),
        vec![
            "Subsidiary: CITIC Bank or CITIC Trust".to_owned(),
            "Kind: Award or Service".to_owned(),
            "Year: 2019".to_owned(),
            "Search: “quick claims”".to_owned(),
        ]
    );
    assert_eq!(
        filters_phrase(&r, &sel, &EN),
        "Subsidiary: CITIC Bank or CITIC Trust; Kind: Award or Service; Year: 2019; Search: “quick claims”"
    );
}

#[test]
fn categories_read_by_name_and_unknown_ids_as_they_are() {
    let r = report();
    let category = &r.categories[0];
    let mut sel = Selection::default();
    sel.toggle(Facet::Category, category.id.as_str());
    sel.toggle(Facet::Subsidiary, "no-such-company");
    assert_eq!(
        filter_words(&r, &sel, &EN),
        vec![
            "Subsidiary: no-such-company".to_owned(),
            format!("Category: {}", category.name),
        ]
    );
}

#[test]
fn no_filters_say_so() {
    let r = report();
    let mut sel = Selection::default();
    assert!(filter_words(&r, &sel, &EN).is_empty());
    assert_eq!(filters_phrase(&r, &sel, &EN), "none (all entries)");
    // Blank search text is no filter; order and view are not filters either.
    sel.query = "  ".into();
    sel.sort = Sort::Title;
    assert_eq!(filters_phrase(&r, &sel, &EN), EN.print.no_filters);
}

#[test]
fn header_holds_the_provenance_filters_count_time_and_link() {
    let r = report();
    let mut sel = Selection::default();
    sel.toggle(Facet::Subsidiary, "citic-bank");
    sel.toggle(Facet::Kind, "award");
    sel.sort = Sort::Newest;
    let positions = result(&r, &sel);
    assert!(!positions.is_empty());
    let doc = document(&r, &positions, &sel);
    assert_eq!(doc.header.title, r.meta.title);
    assert_eq!(line(&doc, EN.print.organisation), "CITIC Limited");
    assert_eq!(line(&doc, EN.print.period), "2019");
    assert_eq!(
        line(&doc, EN.print.source),
        "CITIC Limited 2019 Environmental, Social and Governance Report, chapter “Customer responsibility”"
    );
    assert_eq!(
        line(&doc, EN.print.filters),
        "Subsidiary: CITIC Bank; Kind: Award"
    );
    assert_eq!(line(&doc, EN.print.order), "Newest first");
    assert_eq!(
        line(&doc, EN.print.entries),
        format!("{} of {} entries", positions.len(), r.entries.len())
    );
    assert_eq!(line(&doc, EN.print.printed), PRINTED);
    assert_eq!(line(&doc, EN.print.link), LINK);
    assert_eq!(
        line(&doc, EN.print.data_file),
        "data/report.json · Report Explorer 9.9.9"
    );
    let labels: Vec<&str> = doc.header.lines.iter().map(|(l, _)| *l).collect();
    assert_eq!(
        labels,
        [
            EN.print.organisation,
            EN.print.period,
            EN.print.source,
            EN.print.filters,
            EN.print.order,
            EN.print.entries,
            EN.print.printed,
            EN.print.link,
            EN.print.data_file
        ]
    );
    assert!(doc.more.is_none());
    assert_eq!(doc.total, positions.len());
}

#[test]
fn at_most_200_entries_then_a_line_with_how_many_more() {
    let r = synthetic(250);
    let sel = Selection::default();
    let all: Vec<usize> = (0..250).collect();
    let doc = document(&r, &all, &sel);
    assert_eq!(doc.entries.len(), MAX_PRINTED);
    assert_eq!(MAX_PRINTED, 200);
    assert_eq!(doc.total, 250);
    assert_eq!(
        doc.more.as_deref(),
        Some("50 more entries are not printed; the CSV or JSON export gives all 250.")
    );
    // The ones printed are the first 200 of the result.
    assert_eq!(doc.entries[199].id, r.entries[199].id.to_string());

    let one_more = document(&r, &all[..201], &sel);
    assert_eq!(one_more.entries.len(), 200);
    assert_eq!(
        one_more.more.as_deref(),
        Some("1 more entry is not printed; the CSV or JSON export gives all 201.")
    );

    let exactly = document(&r, &all[..200], &sel);
    assert_eq!(exactly.entries.len(), 200);
    assert!(exactly.more.is_none());

    let none = document(&r, &[], &sel);
    assert!(none.entries.is_empty() && none.more.is_none());
    assert_eq!(line(&none, EN.print.entries), "0 of 250 entries");
}

#[test]
fn large_counts_have_separators() {
    assert_eq!(
        more_line(&EN, 9_800, 10_000),
        "9,800 more entries are not printed; the CSV or JSON export gives all 10,000."
    );
    assert_eq!(count_line(&EN, 1_234, 10_000), "1,234 of 10,000 entries");
}

#[test]
fn entries_are_printed_in_the_lists_order() {
    let r = report();
    let sel = Selection {
        sort: Sort::Title,
        ..Selection::default()
    };
    let by_title = result(&r, &sel);
    let doc = document(&r, &by_title, &sel);
    let ids: Vec<String> = doc.entries.iter().map(|e| e.id.clone()).collect();
    let expected: Vec<String> = by_title
        .iter()
        .map(|&i| r.entries[i].id.to_string())
        .collect();
    assert_eq!(ids, expected);
    assert_ne!(
        by_title,
        (0..r.entries.len()).collect::<Vec<_>>(),
        "the title order is not the report's"
    );

    // Any order the caller gives is kept, entry for entry.
    let reversed: Vec<usize> = (0..r.entries.len()).rev().collect();
    let doc = document(&r, &reversed, &Selection::default());
    let ids: Vec<String> = doc.entries.iter().map(|e| e.id.clone()).collect();
    let expected: Vec<String> = r.entries.iter().rev().map(|e| e.id.to_string()).collect();
    assert_eq!(ids, expected);
}

#[test]
fn a_printed_entry_has_its_fields_figures_and_passage() {
    let r = report();
    let at = r
        .entries
        .iter()
        .position(|e| e.id.as_str() == "award-citic-construction-enr-top-international-contractors")
        .unwrap();
    let e = printed_entry(&r, at, &EN).unwrap();
    let source = &r.entries[at];
    assert_eq!(e.kind, "Award");
    assert_eq!(e.title, source.title);
    assert_eq!(e.subsidiaries, "CITIC Construction");
    assert_eq!(e.summary, source.summary);
    assert_eq!(e.date.as_deref(), Some("2019"));
    assert_eq!(
        e.figures,
        vec![
            (
                "Rank among top international contractors".to_owned(),
                "54th of 250 in 2019".to_owned()
            ),
            (
                "Rank among Chinese corporates on the list".to_owned(),
                "12th of 75 in 2019".to_owned()
            ),
        ]
    );
    // Exactly as the page writes them.
    assert_eq!(e.figures[0].1, format_metric(&source.metrics[0]));
    assert_eq!(e.passage, source.source.passage);
    assert_eq!(e.cite, "Section “CITIC Construction Signature Projects”");

    // A shared entry lists every subsidiary, the lead first; a page is cited.
    let mut r = r;
    r.entries[at]
        .subsidiaries
        .push(r.subsidiaries[1].id.clone());
    r.entries[at].source.page = Some("45–46".into());
    let e = printed_entry(&r, at, &EN).unwrap();
    assert_eq!(e.subsidiaries, "CITIC Construction, CITIC Bank");
    assert_eq!(
        e.cite,
        "Section “CITIC Construction Signature Projects”, pp. 45–46"
    );
    assert!(printed_entry(&r, r.entries.len(), &EN).is_none());
}

#[test]
fn an_award_says_who_gave_it() {
    let r = report();
    let e = printed_entry(&r, 0, &EN).unwrap();
    assert_eq!(
        e.awarding_body.as_deref(),
        Some("Awarded by 14th Asian Finance Conference")
    );
    let initiative = r
        .entries
        .iter()
        .position(|e| e.awarding_body.is_none())
        .unwrap();
    assert!(printed_entry(&r, initiative, &EN)
        .unwrap()
        .awarding_body
        .is_none());
}

/// The print charts of `sel` on `r`.
fn charts(r: &Report, sel: &Selection) -> Vec<PrintChart> {
    let index = Index::new(r);
    let hits = index.search(&sel.query);
    let positions = index.query(sel, &hits).entries;
    print_charts(&Scope::new(r, &index, sel, &hits), &positions, &EN)
}

#[test]
fn charts_are_inline_svg_without_style_attributes() {
    let r = report();
    let all = charts(&r, &Selection::default());
    let ids: Vec<&str> = all.iter().map(|c| c.id).collect();
    assert_eq!(ids, ["coverage", "awards", "metrics"]);
    assert_eq!(all[0].title, EN.charts.coverage_title);
    for c in &all {
        assert!(c.svg.starts_with("<svg "), "{}: {}", c.id, &c.svg[..40]);
        assert!(c.svg.trim_end().ends_with("</svg>"), "{}", c.id);
        assert!(!c.svg.contains("style="), "{} has a style attribute", c.id);
        assert!(c.svg.contains(&format!("width=\"{CHART_WIDTH}\"")));
        // Light on white whatever the page's theme.
        assert!(c.svg.contains("fill=\"#FFFFFF\""), "{}", c.id);
    }
    // The coverage chart names the subsidiaries it counts.
    assert!(all[0].svg.contains("CITIC Bank"));
}

#[test]
fn empty_charts_are_left_out() {
    let r = report();
    let mut sel = Selection::default();
    sel.toggle(Facet::Kind, "initiative");
    let ids: Vec<&str> = charts(&r, &sel).iter().map(|c| c.id).collect();
    assert!(
        !ids.contains(&"awards"),
        "no awards among initiatives: {ids:?}"
    );
    assert!(ids.contains(&"coverage"));

    sel.query = "zzzz-no-such-word".into();
    assert!(charts(&r, &sel).is_empty());
}

#[test]
fn style_attributes_are_removed_and_nothing_else() {
    let svg = "<svg width=\"10\" style=\"color:red\"><text x=\"1\" style='font-weight: bold'>a style=&quot;x&quot; b</text><rect data-style=\"k\"/></svg>";
    assert_eq!(
        without_style_attributes(svg),
        "<svg width=\"10\"><text x=\"1\">a style=&quot;x&quot; b</text><rect data-style=\"k\"/></svg>"
    );
    let clean = "<svg><rect fill=\"#000\"/></svg>";
    assert_eq!(without_style_attributes(clean), clean);
}

#[test]
fn chart_heights_grow_with_bands_and_stay_bounded() {
    let r = report();
    let index = Index::new(&r);
    let sel = Selection::default();
    let hits = index.search("");
    let scope = Scope::new(&r, &index, &sel, &hits);
    let coverage = report_explorer::core::charts::coverage_data(&scope);
    let h = chart_height(
        report_explorer::core::charts::Chart::Coverage(&coverage),
        CHART_WIDTH,
    );
    assert!((200..=1200).contains(&h), "{h}");
    let mut one = Selection::default();
    one.toggle(Facet::Subsidiary, "citic-bank");
    let scope = Scope::new(&r, &index, &one, &hits);
    let small = report_explorer::core::charts::coverage_data(&scope);
    assert!(
        chart_height(
            report_explorer::core::charts::Chart::Coverage(&small),
            CHART_WIDTH
        ) < h
    );
}

/// Two generated reports of an invented organisation, 2021 (English) and 2022 (Chinese),
/// merged as the catalogue view shows them.
fn two_reports() -> Report {
    let catalogue = serde_json::json!({
        "format": "report-explorer-catalogue/1",
        "reports": [
            { "id": "meridian-2022-zh", "organisation": "Meridian Holdings", "period": "2022",
              "title": "Meridian Holdings 2022", "language": "zh-Hans", "path": "data/b.json" },
            { "id": "meridian-2021-en", "organisation": "Meridian Holdings", "period": "2021",
              "title": "Meridian Holdings 2021", "language": "en", "path": "data/a.json" }
        ]
    })
    .to_string();
    let catalogue = load_catalogue(&catalogue).unwrap();
    let parts = catalogue
        .reports()
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let loaded = load_report(&generate(5, i as u64 + 1)).unwrap();
            let mut report = loaded.report;
            report.meta.title = c.title.clone();
            report.meta.language = Some(c.language.clone());
            (c.clone(), report, loaded.problems)
        })
        .collect();
    merge(parts).unwrap().0
}

#[test]
fn several_reports_print_their_labels_periods_and_languages() {
    let r = two_reports();
    assert_eq!(r.editions.len(), 2);
    let mut sel = Selection::default();
    sel.toggle(Facet::Report, "meridian-2022-zh");
    sel.toggle(Facet::Report, "unknown-report");
    assert_eq!(
        filter_words(&r, &sel, &EN),
        vec![format!("Report: {} or unknown-report", r.editions[1].label)]
    );

    let all: Vec<usize> = (0..r.entries.len()).collect();
    let doc = document(&r, &all, &Selection::default());
    assert_eq!(
        line(&doc, EN.print.period),
        format!("{}, {}", r.editions[0].label, r.editions[1].label)
    );
    // Titles of both, oldest first (the export's provenance); no single language for them.
    assert_eq!(
        doc.header.title,
        "Meridian Holdings 2021; Meridian Holdings 2022"
    );
    assert_eq!(doc.header.lang, None);
    // Each entry names its report and is in its report's language.
    let first = &doc.entries[0];
    let last = doc.entries.last().unwrap();
    assert_eq!(first.report.as_deref(), Some(r.editions[0].label.as_str()));
    assert_eq!(first.lang.as_deref(), Some("en"));
    assert_eq!(last.report.as_deref(), Some(r.editions[1].label.as_str()));
    assert_eq!(last.lang.as_deref(), Some("zh-Hans"));
}

#[test]
fn one_report_names_no_report_on_its_entries() {
    let r = report();
    let e = printed_entry(&r, 0, &EN).unwrap();
    assert_eq!(e.report, None);
    assert_eq!(e.lang.as_deref(), Some("en"));
    let doc = document(&r, &[0], &Selection::default());
    assert_eq!(doc.header.lang.as_deref(), Some("en"));
}

#[test]
fn the_markup_escapes_every_text_and_has_no_style_attributes() {
    use report_explorer::core::print::html::{document_html, escape};
    let mut r = report();
    r.entries[0].title = "<img src=x onerror=alert(1)> & \"quoted\" 'too'".into();
    r.entries[0].source.passage = "</blockquote><script>alert(2)</script>".into();
    let doc = document(&r, &[0, 1], &Selection::default());
    let html = document_html(&doc, &charts(&r, &Selection::default()));
    assert!(html.starts_with("<article class=\"print-doc\">"));
    assert!(html.ends_with("</article>"));
    assert!(
        !html.contains("<img") && !html.contains("<script"),
        "{html}"
    );
    assert!(html.contains(
        "<h3 lang=\"en\">&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#39;too&#39;</h3>"
    ));
    assert!(html.contains("&lt;/blockquote&gt;&lt;script&gt;"));
    assert!(!html.contains("style="));
    // Two entries, the header's lines, the charts.
    assert_eq!(html.matches("<li class=\"print-entry\"").count(), 2);
    assert_eq!(html.matches("<dt>").count(), doc.header.lines.len());
    assert_eq!(html.matches("<figure class=\"print-chart\"").count(), 3);
    assert!(html.contains(&format!("<dd>{}</dd>", escape(LINK))));
    assert!(!html.contains("print-more"));
    assert_eq!(escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
}

#[test]
fn the_markup_says_how_many_more_and_when_nothing_matches() {
    use report_explorer::core::print::html::document_html;
    let r = synthetic(205);
    let all: Vec<usize> = (0..205).collect();
    let html = document_html(&document(&r, &all, &Selection::default()), &[]);
    assert_eq!(html.matches("<li class=\"print-entry\"").count(), 200);
    assert!(html.contains(
        "<p class=\"print-more\" data-testid=\"print-more\">5 more entries are not printed; the CSV or JSON export gives all 205.</p>"
    ));
    assert!(
        !html.contains("print-charts"),
        "no charts section without charts"
    );
    let none = document_html(&document(&r, &[], &Selection::default()), &[]);
    assert!(none.contains(&format!(
        "<p class=\"print-empty\">{}</p>",
        EN.print.no_entries
    )));
    assert!(!none.contains("print-list"));
}

#[test]
fn the_document_speaks_the_interface_language() {
    let r = synthetic(260);
    let t = Lang::ZhHant.texts();
    let mut sel = Selection::default();
    sel.toggle(Facet::Kind, "award");
    let all: Vec<usize> = (0..r.entries.len()).collect();
    let doc = document_in(&r, &all, &sel, t);
    let labels: Vec<&str> = doc.header.lines.iter().map(|(l, _)| *l).collect();
    assert_eq!(labels[..3], ["機構", "報告期", "來源"]);
    let filters = doc
        .header
        .lines
        .iter()
        .find(|(l, _)| *l == "篩選條件")
        .unwrap();
    assert_eq!(filters.1, "類型：獎項");
    assert_eq!(
        doc.more.as_deref(),
        Some("另有 60 個條目未列印；CSV 或 JSON 匯出包含全部 260 個條目。")
    );
    assert_eq!(doc.entries[0].kind, r.entries[0].kind.label_in(t));
    assert_eq!(doc.words.entries_heading, "條目");
    let html = report_explorer::core::print::html::document_html(&doc, &[]);
    assert!(html.contains("條目"), "{html}");
    assert!(!html.contains(">Entries<"));
}

#[test]
fn printed_charts_name_their_other_rows_in_the_interface_language() {
    // 40 subsidiaries: more than a chart lists, so the rest are summed into "Other".
    let mut r = synthetic(400);
    let template = r.subsidiaries[0].clone();
    for i in 0..40 {
        let mut s = template.clone();
        s.id = report_explorer::core::ids::SubsidiaryId::new(&format!("extra-{i}")).unwrap();
        s.name = format!("Extra {i}");
        r.subsidiaries.push(s.clone());
        r.entries[i].subsidiaries = vec![s.id];
    }
    let sel = Selection::default();
    let index = Index::new(&r);
    let hits = index.search("");
    let positions = index.query(&sel, &hits).entries;
    let scope = Scope::new(&r, &index, &sel, &hits);
    let zh = print_charts(&scope, &positions, Lang::ZhHant.texts());
    let coverage = zh.iter().find(|c| c.id == "coverage").unwrap();
    assert!(coverage.svg.contains("其他（"), "no translated Other row");
    assert!(!coverage.svg.contains("Other ("));
    let en = print_charts(&scope, &positions, &EN);
    assert!(en
        .iter()
        .find(|c| c.id == "coverage")
        .unwrap()
        .svg
        .contains("Other ("));
}
