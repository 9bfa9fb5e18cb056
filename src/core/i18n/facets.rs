//! The facet panel: facet names, clear buttons, filter boxes, folding, counts.

use super::texts;

texts! {
    /// The facet panel.
    pub struct FacetTexts {
        /// The subsidiary facet.
        subsidiary,
        /// The category facet.
        category,
        /// The kind facet.
        kind,
        /// The year facet.
        year,
        /// The year facet's value for entries without a date.
        undated,
        /// Clears a facet.
        clear,
        /// The clear button's accessible name.
        clear_label,
        /// The filter box's placeholder.
        filter_placeholder,
        /// The filter box's accessible name.
        filter_label,
        /// Values left out of a long list.
        more,
        /// Folds a long list.
        show_fewer,
        /// Unfolds a long list.
        show_all,
        /// A division heading's title.
        select_division,
        /// The report facet (several reports shown).
        report,
    }
}

/// English.
pub const EN: FacetTexts = FacetTexts {
    subsidiary: "Subsidiary",
    category: "Category",
    kind: "Kind",
    year: "Year",
    undated: "Undated",
    clear: "Clear",
    clear_label: "Clear {facet} filter",
    filter_placeholder: "Filter {facet}",
    filter_label: "Filter {facet} values",
    more: "{n} more: type in the filter box to find them.",
    show_fewer: "Show fewer",
    show_all: "Show all {n}",
    select_division: "Select every subsidiary of {division}",
    report: "Report",
};

/// Simplified Chinese.
pub const ZH_HANS: FacetTexts = FacetTexts {
    subsidiary: "子公司",
    category: "类别",
    kind: "类型",
    year: "年份",
    undated: "无日期",
    clear: "清除",
    clear_label: "清除{facet}筛选",
    filter_placeholder: "筛选{facet}",
    filter_label: "筛选{facet}的值",
    more: "另有 {n} 项：在筛选框中输入以查找。",
    show_fewer: "收起",
    show_all: "显示全部 {n} 项",
    select_division: "选择{division}的所有子公司",
    report: "报告",
};

/// Traditional Chinese.
pub const ZH_HANT: FacetTexts = FacetTexts {
    subsidiary: "附屬公司",
    category: "類別",
    kind: "類型",
    year: "年份",
    undated: "無日期",
    clear: "清除",
    clear_label: "清除{facet}篩選",
    filter_placeholder: "篩選{facet}",
    filter_label: "篩選{facet}的值",
    more: "另有 {n} 項：在篩選框中輸入以尋找。",
    show_fewer: "收起",
    show_all: "顯示全部 {n} 項",
    select_division: "選擇{division}的所有附屬公司",
    report: "報告",
};
