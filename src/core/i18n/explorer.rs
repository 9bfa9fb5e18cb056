//! Search, order, filters, chips, the result count, views, exports and the result list.

use super::texts;

texts! {
    /// Search, order, filters, chips, counts, views, exports and the result list.
    pub struct ExplorerTexts {
        /// The search box's label.
        search,
        /// The search box's placeholder.
        search_placeholder,
        /// The order picker's label.
        sort,
        /// Order by relevance.
        sort_relevance,
        /// Newest first.
        sort_newest,
        /// Oldest first.
        sort_oldest,
        /// By title.
        sort_title,
        /// The filters' toggle and heading.
        filters,
        /// The filters' toggle with filters chosen.
        filters_active,
        /// The result count: `{shown}` of `{total}` (a count of entries).
        count,
        /// One entry.
        entries_one,
        /// Several entries.
        entries_other,
        /// A chip's accessible name.
        remove_filter,
        /// A chip's label.
        chip,
        /// The search chip's label.
        chip_search,
        /// Clears every filter.
        clear_all,
        /// The views' navigation label.
        views,
        /// The list view.
        view_list,
        /// The timeline view.
        view_timeline,
        /// The charts view.
        view_charts,
        /// The export group's accessible name.
        export_label,
        /// The export group's words.
        export,
        /// No entry matches.
        no_results,
        /// The pager's accessible name.
        pages,
        /// Where the page sits.
        page_of,
        /// Everything fits on one page.
        showing_all,
        /// A range of results.
        showing_range,
        /// Nothing to show.
        nothing,
        /// The first page.
        first,
        /// The previous page.
        previous,
        /// The next page.
        next,
        /// The last page.
        last,
        /// The compare view's tab.
        view_compare,
        /// The reading view's tab.
        view_text,
        /// A URL value naming nothing in the report.
        ignored_value,
        /// A URL report id not among those shown.
        ignored_report,
        /// A URL value that is not one of its choices.
        ignored_choice,
        /// A URL entry id not in the report.
        ignored_entry,
        /// A URL page that is not a page number.
        ignored_page,
    }
}

/// English.
pub const EN: ExplorerTexts = ExplorerTexts {
    search: "Search",
    search_placeholder: "Words in titles, summaries, sources…",
    sort: "Sort",
    sort_relevance: "Relevance",
    sort_newest: "Newest first",
    sort_oldest: "Oldest first",
    sort_title: "Title (A-Z)",
    filters: "Filters",
    filters_active: "Filters ({n} active)",
    count: "{shown} of {total}",
    entries_one: "{n} entry",
    entries_other: "{n} entries",
    remove_filter: "Remove filter {label}",
    chip: "{facet}: {value}",
    chip_search: "Search",
    clear_all: "Clear all",
    views: "Views",
    view_list: "List",
    view_timeline: "Timeline",
    view_charts: "Charts",
    export_label: "Export the filtered entries",
    export: "Export: ",
    no_results: "No entries match. Remove a filter or change the search.",
    pages: "Result pages",
    page_of: " (page {page} of {pages})",
    showing_all: "Showing all {total}",
    showing_range: "Showing {from}–{to} of {total}",
    nothing: "Nothing to show",
    first: "First",
    previous: "Previous",
    next: "Next",
    last: "Last",
    view_compare: "Compare reports",
    view_text: "Text",
    ignored_value: "Ignored {param} `{value}`: no such {facet} in this report.",
    ignored_report: "Ignored report `{value}`: not one of the reports shown.",
    ignored_choice: "Ignored {param} `{value}`: expected one of {choices}.",
    ignored_entry: "Ignored {param} `{value}`: no such entry in this report.",
    ignored_page: "Ignored page `{value}`: expected a page number from 1.",
};

/// Simplified Chinese.
pub const ZH_HANS: ExplorerTexts = ExplorerTexts {
    search: "搜索",
    search_placeholder: "标题、摘要、来源中的字词…",
    sort: "排序",
    sort_relevance: "相关度",
    sort_newest: "最新优先",
    sort_oldest: "最早优先",
    sort_title: "标题（按字母）",
    filters: "筛选",
    filters_active: "筛选（已选 {n} 项）",
    count: "{shown} / {total}",
    entries_one: "{n} 个条目",
    entries_other: "{n} 个条目",
    remove_filter: "移除筛选条件 {label}",
    chip: "{facet}：{value}",
    chip_search: "搜索",
    clear_all: "全部清除",
    views: "视图",
    view_list: "列表",
    view_timeline: "时间轴",
    view_charts: "图表",
    export_label: "导出筛选后的条目",
    export: "导出：",
    no_results: "没有匹配的条目。请移除筛选条件或修改搜索。",
    pages: "结果页",
    page_of: "（第 {page} 页，共 {pages} 页）",
    showing_all: "显示全部 {total} 个",
    showing_range: "显示第 {from}–{to} 个，共 {total} 个",
    nothing: "没有可显示的内容",
    first: "首页",
    previous: "上一页",
    next: "下一页",
    last: "末页",
    view_compare: "对比报告",
    view_text: "原文",
    ignored_value: "已忽略 {param}「{value}」：此报告中没有这个{facet}。",
    ignored_report: "已忽略 report「{value}」：不是所显示的报告之一。",
    ignored_choice: "已忽略 {param}「{value}」：应为以下之一：{choices}。",
    ignored_entry: "已忽略 {param}「{value}」：此报告中没有这个条目。",
    ignored_page: "已忽略 page「{value}」：应为从 1 起的页码。",
};

/// Traditional Chinese.
pub const ZH_HANT: ExplorerTexts = ExplorerTexts {
    search: "搜尋",
    search_placeholder: "標題、摘要、來源中的字詞…",
    sort: "排序",
    sort_relevance: "相關度",
    sort_newest: "最新優先",
    sort_oldest: "最舊優先",
    sort_title: "標題（按字母）",
    filters: "篩選",
    filters_active: "篩選（已選 {n} 項）",
    count: "{shown} / {total}",
    entries_one: "{n} 個條目",
    entries_other: "{n} 個條目",
    remove_filter: "移除篩選條件 {label}",
    chip: "{facet}：{value}",
    chip_search: "搜尋",
    clear_all: "全部清除",
    views: "檢視",
    view_list: "列表",
    view_timeline: "時間軸",
    view_charts: "圖表",
    export_label: "匯出篩選後的條目",
    export: "匯出：",
    no_results: "沒有相符的條目。請移除篩選條件或修改搜尋。",
    pages: "結果頁",
    page_of: "（第 {page} 頁，共 {pages} 頁）",
    showing_all: "顯示全部 {total} 個",
    showing_range: "顯示第 {from}–{to} 個，共 {total} 個",
    nothing: "沒有可顯示的內容",
    first: "首頁",
    previous: "上一頁",
    next: "下一頁",
    last: "末頁",
    view_compare: "比較報告",
    view_text: "原文",
    ignored_value: "已忽略 {param}「{value}」：此報告中沒有這個{facet}。",
    ignored_report: "已忽略 report「{value}」：不是所顯示的報告之一。",
    ignored_choice: "已忽略 {param}「{value}」：應為以下之一：{choices}。",
    ignored_entry: "已忽略 {param}「{value}」：此報告中沒有這個條目。",
    ignored_page: "已忽略 page「{value}」：應為從 1 起的頁碼。",
};
