//! Compare two reports: coverage of two editions by subsidiary and top-level category, differences marked, the grid bounded, the edition choice read from the URL.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::compare::{
    choose, compare, default_pair, Cell, Difference, MAX_COLUMNS, MAX_ROWS,
};
use report_explorer::core::query::{Facet, Selection};
use report_explorer::core::synth_years::{merged_report, NEWCOMER, PILOT_CATEGORY};

const ORG: &str = "Meridian Holdings";

#[test]
fn differences_are_named_by_both_counts() {
    assert_eq!(Difference::of(0, 0), Difference::Neither);
    assert_eq!(Difference::of(3, 0), Difference::OnlyA);
    assert_eq!(Difference::of(0, 2), Difference::OnlyB);
    assert_eq!(Difference::of(2, 5), Difference::More);
    assert_eq!(Difference::of(5, 2), Difference::Fewer);
    assert_eq!(Difference::of(4, 4), Difference::Same);
    // Every difference has a symbol and words, never colour alone.
    for d in [
        Difference::OnlyA,
        Difference::OnlyB,
        Difference::More,
        Difference::Fewer,
        Difference::Same,
    ] {
        assert!(!d.symbol().is_empty());
        assert!(!d.words().is_empty());
    }
}

#[test]
fn the_grid_is_the_union_with_differences_marked() {
    let report = merged_report(ORG, &[2018, 2019, 2020], 60, 5);
    let c = compare(&report, 0, 2);
    // Cells add up to at least each edition's entries (an entry in two columns counts in both).
    let sum_a: usize = c.cells.iter().flatten().map(|c| c.a).sum();
    let sum_b: usize = c.cells.iter().flatten().map(|c| c.b).sum();
    assert_eq!(c.totals, Cell { a: 60, b: 60 });
    assert!(sum_a >= 60 && sum_b >= 60);
    let row_a: usize = c.row_totals.iter().map(|t| t.a).sum();
    assert_eq!(row_a, 60, "row totals count each entry once");
    // The newcomer is only in B, the pilot category only in A.
    let newcomer = c
        .rows
        .iter()
        .position(|r| r.label == NEWCOMER)
        .expect("the newcomer has a row");
    assert!(c.cells[newcomer].iter().all(|cell| cell.a == 0));
    assert!(c.cells[newcomer]
        .iter()
        .any(|cell| cell.difference() == Difference::OnlyB));
    let pilot = c
        .columns
        .iter()
        .position(|col| col.token == PILOT_CATEGORY)
        .expect("the pilot category has a column");
    assert!(c.cells.iter().all(|row| row[pilot].b == 0));
    assert!(c
        .cells
        .iter()
        .any(|row| row[pilot].difference() == Difference::OnlyA));
    let text = c.cell_text(&report, newcomer, 0);
    assert!(
        text.contains("in 2018") && text.contains("in 2020"),
        "{text}"
    );
}

#[test]
fn the_grid_is_bounded_with_other() {
    let report = merged_report(ORG, &[2019, 2020], 3_000, 2);
    let c = compare(&report, 0, 1);
    assert!(c.rows.len() <= MAX_ROWS);
    assert!(c.columns.len() <= MAX_COLUMNS);
    assert_eq!(c.columns.len(), MAX_COLUMNS, "more categories than columns");
    let other = c.columns.last().unwrap();
    assert!(other.is_other() && other.label.starts_with("Other ("));
    // Nothing is lost: the columns sum to the same as before grouping.
    let sum: usize = c.cells.iter().flatten().map(|c| c.a + c.b).sum();
    assert!(sum >= 6_000);
}

#[test]
fn many_subsidiaries_are_bounded_too() {
    // Two `core::synth` reports (about 50 subsidiaries each) merged.
    let text = serde_json::json!({"format": "report-explorer-catalogue/1", "reports": [
        {"id": "m-2023", "organisation": "M", "period": "2023", "title": "M", "language": "en", "path": "data/a.json"},
        {"id": "m-2024", "organisation": "M", "period": "2024", "title": "M", "language": "en", "path": "data/b.json"},
    ]})
    .to_string();
    let catalogue = report_explorer::core::catalogue::load_catalogue(&text).unwrap();
    let parts = catalogue
        .reports()
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let loaded = report_explorer::core::load::load_report(
                &report_explorer::core::synth::generate(2_000, i as u64 + 1),
            )
            .unwrap();
            (c.clone(), loaded.report, loaded.problems)
        })
        .collect();
    let report = report_explorer::core::editions::merge(parts).unwrap().0;
    let c = compare(&report, 0, 1);
    assert_eq!(c.rows.len(), MAX_ROWS);
    let other = c.rows.last().unwrap();
    assert!(other.is_other());
    let other_row = c.rows.len() - 1;
    // An "Other" row of many subsidiaries is too many to filter by at once.
    assert!(other.members.len() > 12);
    assert_eq!(c.target(&report, other_row, 0), None);
    let row_a: usize = c.row_totals.iter().map(|t| t.a).sum();
    assert_eq!(row_a, 2_000, "nothing lost in Other");
}

#[test]
fn a_cell_click_filters_by_its_subsidiary_and_category() {
    let report = merged_report(ORG, &[2019, 2020], 40, 4);
    let c = compare(&report, 0, 1);
    let target = c.target(&report, 0, 0).expect("a named cell is clickable");
    // Only the two compared reports' entries.
    assert_eq!(
        target.tokens(Facet::Report),
        Some(&[report.editions[0].id.clone(), report.editions[1].id.clone()][..])
    );
    let sel = target.apply(&Selection::default());
    assert_eq!(
        sel.subsidiaries
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>(),
        [c.rows[0].token.as_str()]
    );
    assert_eq!(
        target.tokens(Facet::Category),
        Some(&[c.columns[0].token.clone()][..])
    );
}

#[test]
fn the_two_newest_are_the_default_and_unknown_ids_are_noticed() {
    let report = merged_report(ORG, &[2018, 2019, 2020], 20, 1);
    assert_eq!(default_pair(&report), Some((1, 2)));
    let ((a, b), notices) = choose(&report, None, None).unwrap();
    assert_eq!((a, b), (1, 2));
    assert!(notices.is_empty());
    let first = report.editions[0].id.clone();
    let ((a, b), notices) = choose(&report, Some(&first), Some("nope")).unwrap();
    assert_eq!((a, b), (0, 2));
    assert_eq!(notices.len(), 1);
    assert!(notices[0].contains("`nope`"), "{}", notices[0]);
    let alone = merged_report(ORG, &[2020], 20, 1);
    assert_eq!(choose(&alone, None, None), None);
}

#[test]
fn the_compare_view_has_a_url_token() {
    use report_explorer::core::query::View;
    assert_eq!(View::parse("compare"), Some(View::Compare));
    assert_eq!(View::Compare.token(), "compare");
    assert!(View::ALL.contains(&View::Compare));
}

#[test]
fn the_comparison_speaks_the_interface_language() {
    use report_explorer::core::compare::{choose_in, compare_in};
    use report_explorer::core::i18n::{EN, ZH_HANS, ZH_HANT};
    let report = merged_report(ORG, &[2018, 2019, 2020], 60, 5);
    let first = report.editions[0].id.clone();
    // The notice of an unknown report.
    let (_, notices) = choose_in(&report, Some(&first), Some("nope"), &ZH_HANS).unwrap();
    assert_eq!(
        notices,
        ["已忽略 b `nope`：所显示的报告中没有这份报告；改为比较 2020。"]
    );
    let (_, notices) = choose_in(&report, Some(&first), Some("nope"), &ZH_HANT).unwrap();
    assert_eq!(
        notices,
        ["已忽略 b `nope`：所顯示的報告中沒有這份報告；改為比較 2020。"]
    );
    assert_eq!(
        choose_in(&report, Some(&first), Some("nope"), &EN),
        choose(&report, Some(&first), Some("nope"))
    );
    // The legend and the words of each mark.
    assert_eq!(
        ZH_HANS.years.legend,
        "A：仅见于报告 A · B：仅见于报告 B · ▲ B 较多 · ▼ B 较少 · = 相同"
    );
    assert_eq!(
        ZH_HANT.years.legend,
        "A：僅見於報告 A · B：僅見於報告 B · ▲ B 較多 · ▼ B 較少 · = 相同"
    );
    assert_eq!(Difference::OnlyB.words_in(&ZH_HANS), "仅见于 B");
    assert_eq!(Difference::More.words_in(&ZH_HANT), "B 較多");
    assert_eq!(Difference::Fewer.words_in(&EN), Difference::Fewer.words());
    // A cell in words.
    let c = compare_in(&report, 0, 2, &ZH_HANT);
    let newcomer = c.rows.iter().position(|r| r.label == NEWCOMER).unwrap();
    let only_b = c.cells[newcomer]
        .iter()
        .position(|cell| cell.difference() == Difference::OnlyB)
        .unwrap();
    let text = c.cell_text_in(&report, newcomer, only_b, &ZH_HANT);
    assert!(
        text.starts_with(&format!("{NEWCOMER}，"))
            && text.contains("：2018 有 0 個條目，2020 有 ")
            && text.ends_with("個條目（僅見於 B）"),
        "{text}"
    );
}

#[test]
fn an_other_row_is_named_in_the_interface_language() {
    use report_explorer::core::compare::compare_in;
    use report_explorer::core::i18n::ZH_HANS;
    let mut report = merged_report(ORG, &[2018, 2019], 40, 5);
    // More subsidiaries than rows: each entry its own lead.
    let n = report.entries.len();
    let subs: Vec<_> = (0..n)
        .map(|i| {
            let mut s = report.subsidiaries[0].clone();
            s.id = report_explorer::core::ids::SubsidiaryId::new(&format!("sub-{i}")).unwrap();
            s.name = format!("Subsidiary {i}");
            s
        })
        .collect();
    for (i, e) in report.entries.iter_mut().enumerate() {
        e.subsidiaries = vec![subs[i].id.clone()];
    }
    report.subsidiaries = subs;
    let c = compare_in(&report, 0, 1, &ZH_HANS);
    assert_eq!(c.rows.len(), MAX_ROWS);
    let other = c.rows.last().unwrap();
    assert!(other.is_other());
    assert_eq!(
        other.label,
        format!("其他（{} 家子公司）", n - (MAX_ROWS - 1))
    );
    assert!(compare(&report, 0, 1)
        .rows
        .last()
        .unwrap()
        .label
        .starts_with("Other ("));
}
