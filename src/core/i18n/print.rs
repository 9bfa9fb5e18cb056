//! The printed document: the Print button, the header's labels, the filters in words, the
//! entries' labels and the line for entries left out.

use super::texts;

texts! {
    /// The printed document.
    pub struct PrintTexts {
        /// The print button's text.
        button,
        /// The print button's accessible name.
        button_label,
        /// Header label: who published the report.
        organisation,
        /// Header label: the reporting period.
        period,
        /// Header label: the source document.
        source,
        /// Header label: the filters.
        filters,
        /// Header label: the order.
        order,
        /// Header label: how many entries.
        entries,
        /// Header label: when printed.
        printed,
        /// Header label: the page's address.
        link,
        /// Header label: the data file and the app.
        data_file,
        /// The filters line when nothing is filtered.
        no_filters,
        /// The search in the filters line.
        search,
        /// Between the values of one facet.
        value_or,
        /// Between facets in the filters line.
        facet_and,
        /// A facet and its values in the filters line.
        facet_values,
        /// The charts' heading.
        charts_heading,
        /// The entries' heading.
        entries_heading,
        /// When no entry matches.
        no_entries,
        /// Who gave an award.
        awarded_by,
        /// Where the passage is.
        section,
        /// One more entry than printed.
        more_one,
        /// Several more entries than printed.
        more_other,
    }
}

/// English.
pub const EN: PrintTexts = PrintTexts {
    button: "Print",
    button_label: "Print the filtered entries",
    organisation: "Organisation",
    period: "Reporting period",
    source: "Source",
    filters: "Filters",
    order: "Order",
    entries: "Entries",
    printed: "Printed",
    link: "Link",
    data_file: "Data file",
    no_filters: "none (all entries)",
    search: "Search: “{q}”",
    value_or: " or ",
    facet_and: "; ",
    facet_values: "{facet}: {values}",
    charts_heading: "Charts",
    entries_heading: "Entries",
    no_entries: "No entries match these filters.",
    awarded_by: "Awarded by {body}",
    section: "Section “{section}”",
    more_one: "{n} more entry is not printed; the CSV or JSON export gives all {total}.",
    more_other: "{n} more entries are not printed; the CSV or JSON export gives all {total}.",
};

/// Simplified Chinese.
pub const ZH_HANS: PrintTexts = PrintTexts {
    button: "打印",
    button_label: "打印筛选出的条目",
    organisation: "机构",
    period: "报告期",
    source: "来源",
    filters: "筛选条件",
    order: "排序",
    entries: "条目",
    printed: "打印时间",
    link: "链接",
    data_file: "数据文件",
    no_filters: "无（全部条目）",
    search: "搜索：“{q}”",
    value_or: "或",
    facet_and: "；",
    facet_values: "{facet}：{values}",
    charts_heading: "图表",
    entries_heading: "条目",
    no_entries: "没有符合这些筛选条件的条目。",
    awarded_by: "颁发机构：{body}",
    section: "章节“{section}”",
    more_one: "另有 {n} 个条目未打印；CSV 或 JSON 导出包含全部 {total} 个条目。",
    more_other: "另有 {n} 个条目未打印；CSV 或 JSON 导出包含全部 {total} 个条目。",
};

/// Traditional Chinese (Hong Kong conventions).
pub const ZH_HANT: PrintTexts = PrintTexts {
    button: "列印",
    button_label: "列印篩選出的條目",
    organisation: "機構",
    period: "報告期",
    source: "來源",
    filters: "篩選條件",
    order: "排序",
    entries: "條目",
    printed: "列印時間",
    link: "連結",
    data_file: "數據檔案",
    no_filters: "無（全部條目）",
    search: "搜尋：「{q}」",
    value_or: "或",
    facet_and: "；",
    facet_values: "{facet}：{values}",
    charts_heading: "圖表",
    entries_heading: "條目",
    no_entries: "沒有符合這些篩選條件的條目。",
    awarded_by: "頒發機構：{body}",
    section: "章節「{section}」",
    more_one: "另有 {n} 個條目未列印；CSV 或 JSON 匯出包含全部 {total} 個條目。",
    more_other: "另有 {n} 個條目未列印；CSV 或 JSON 匯出包含全部 {total} 個條目。",
};
