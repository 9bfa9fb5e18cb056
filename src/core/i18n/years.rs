//! Year over year: a figure's change against the previous report, the trend chart and its
//! table, the Trends section, and the view comparing two reports.

use super::texts;

texts! {
    /// Year over year: trends and the comparison of two reports.
    pub struct YearsTexts {
        /// Before a change between approximate figures (`about +3.0%`).
        about,
        /// An edition label that is a plain year, after "vs" (`2018`, `2018 年`).
        year,
        /// An amount's relative change (`+12.4% vs 2018`).
        relative,
        /// A percentage's change in percentage points (`+2.1 pp vs 2018`).
        points,
        /// A place in a ranking; English writes its ordinal (`54th`) instead.
        place,
        /// One place up or down.
        places_one,
        /// Several places up or down.
        places_other,
        /// A rank that rose (a smaller place).
        rank_up,
        /// A rank that fell (a larger place).
        rank_down,
        /// A rank that stayed.
        rank_same,
        /// A score's change.
        score,
        /// A rank's measure (`rank of 500`).
        rank_of,
        /// A score's measure (`score out of 5`).
        score_of,
        /// A series' name with its measure (`Customer satisfaction (%)`).
        named_measure,
        /// A rank series' axis.
        lower_better,
        /// The trend chart's note when not every figure is charted.
        trend_note,
        /// The trend table's first column: the report.
        report,
        /// The trend table's period column.
        period,
        /// The trend table's figure column.
        figure,
        /// The trend table's change column.
        change,
        /// A bar's tooltip.
        bar_text,
        /// A bar's change in its tooltip.
        bar_change,
        /// The Trends section's heading.
        section,
        /// The Trends section's help.
        help,
        /// The trend chart's title.
        chart_title,
        /// The series chooser's label.
        choose,
        /// The series filter's label.
        filter,
        /// The series filter's placeholder.
        filter_placeholder,
        /// No series among the current entries.
        none,
        /// No series matches the filter.
        no_match,
        /// Some series are not offered (`{shown}` of `{total}`).
        showing,
        /// The trend CSV button's accessible name.
        csv_label,
        /// Before a figure's change, for screen readers.
        change_label,
        /// The compare view's heading.
        compare_heading,
        /// Its help.
        compare_help,
        /// The chooser of report A.
        report_a,
        /// The chooser of report B.
        report_b,
        /// A report shown alone cannot be compared.
        alone,
        /// The marks' legend.
        legend,
        /// The grid's caption.
        caption,
        /// A cell in words (tooltip and accessible name).
        cell,
        /// A cell's difference: entries in A only.
        only_a,
        /// Entries in B only.
        only_b,
        /// More entries in B.
        more,
        /// Fewer entries in B.
        fewer,
        /// As many in both.
        same,
        /// No entries in either.
        neither,
        /// A cell's difference in the counts, for screen readers.
        difference,
        /// An `a=` or `b=` naming no report shown.
        ignored,
    }
}

/// English.
pub const EN: YearsTexts = YearsTexts {
    about: "about ",
    year: "{year}",
    relative: "{about}{change}% vs {against}",
    points: "{about}{change} pp vs {against}",
    place: "{n}",
    places_one: "{n} place",
    places_other: "{n} places",
    rank_up: "rank {from} → {to}, up {places} vs {against}",
    rank_down: "rank {from} → {to}, down {places} vs {against}",
    rank_same: "rank {to}, unchanged vs {against}",
    score: "{about}score {from} → {to} of {max} vs {against}",
    rank_of: "rank of {n}",
    score_of: "score out of {n}",
    named_measure: "{name} ({measure})",
    lower_better: "{name} ({measure}, lower is better)",
    trend_note: "Showing the newest {shown} of {total} figures.",
    report: "Report",
    period: "Period",
    figure: "Figure",
    change: "Change",
    bar_text: "{title}, {edition}: {figure}{change}",
    bar_change: " ({change})",
    section: "Trends",
    help: "One subsidiary's figures of one kind and unit, report by report. Click a bar to open its entry.",
    chart_title: "Figure over the reports",
    choose: "Series ",
    filter: "Find a series",
    filter_placeholder: "Subsidiary or figure…",
    none: "No figure among the current entries is reported in more than one report.",
    no_match: "No series matches.",
    showing: "Showing {shown} of {total} series; type to narrow.",
    csv_label: "Download the trend's table as CSV",
    change_label: "Change against the previous report: ",
    compare_heading: "Compare two reports",
    compare_help: "Entries by subsidiary and section in each report. Click a cell to list its entries.",
    report_a: "Report A ",
    report_b: "Report B ",
    alone: "Comparing needs two reports or more; this one is shown alone.",
    legend: "A: only in report A · B: only in report B · ▲ more in B · ▼ fewer in B · = the same",
    caption: "Entries in report A → report B ({a} → {b})",
    cell: "{row}, {column}: {a} in {report_a}, {b} in {report_b} ({difference})",
    only_a: "only in A",
    only_b: "only in B",
    more: "more in B",
    fewer: "fewer in B",
    same: "same",
    neither: "none",
    difference: " ({difference})",
    ignored: "Ignored {param} `{id}`: no such report among those shown; comparing {report} instead.",
};

/// Simplified Chinese.
pub const ZH_HANS: YearsTexts = YearsTexts {
    about: "约 ",
    year: "{year} 年",
    relative: "{about}{change}%（较 {against}）",
    points: "{about}{change} 个百分点（较 {against}）",
    place: "第{n}",
    places_one: "{n} 位",
    places_other: "{n} 位",
    rank_up: "排名 {from} → {to}，上升 {places}（较 {against}）",
    rank_down: "排名 {from} → {to}，下降 {places}（较 {against}）",
    rank_same: "排名 {to}，不变（较 {against}）",
    score: "{about}评分 {from} → {to}，满分 {max}（较 {against}）",
    rank_of: "排名，共 {n} 名",
    score_of: "评分，满分 {n}",
    named_measure: "{name}（{measure}）",
    lower_better: "{name}（{measure}，越低越好）",
    trend_note: "显示 {total} 项数据中最新的 {shown} 项。",
    report: "报告",
    period: "期间",
    figure: "数据",
    change: "变化",
    bar_text: "{title}，{edition}：{figure}{change}",
    bar_change: "（{change}）",
    section: "趋势",
    help: "同一子公司同类、同单位的数据，逐份报告列出。点击条形可打开其条目。",
    chart_title: "各报告中的数据",
    choose: "数据系列 ",
    filter: "查找数据系列",
    filter_placeholder: "子公司或数据…",
    none: "当前条目中没有在多于一份报告中出现的数据。",
    no_match: "没有匹配的数据系列。",
    showing: "显示 {total} 个数据系列中的 {shown} 个；输入文字以缩小范围。",
    csv_label: "以 CSV 格式下载趋势表格",
    change_label: "与上一份报告相比的变化：",
    compare_heading: "比较两份报告",
    compare_help: "每份报告中按子公司和章节划分的条目。点击单元格可列出其条目。",
    report_a: "报告 A ",
    report_b: "报告 B ",
    alone: "比较需要两份或以上报告；目前只显示一份报告。",
    legend: "A：仅见于报告 A · B：仅见于报告 B · ▲ B 较多 · ▼ B 较少 · = 相同",
    caption: "报告 A → 报告 B 的条目（{a} → {b}）",
    cell: "{row}，{column}：{report_a} 有 {a} 个条目，{report_b} 有 {b} 个条目（{difference}）",
    only_a: "仅见于 A",
    only_b: "仅见于 B",
    more: "B 较多",
    fewer: "B 较少",
    same: "相同",
    neither: "无",
    difference: "（{difference}）",
    ignored: "已忽略 {param} `{id}`：所显示的报告中没有这份报告；改为比较 {report}。",
};

/// Traditional Chinese (Hong Kong conventions).
pub const ZH_HANT: YearsTexts = YearsTexts {
    about: "約 ",
    year: "{year} 年",
    relative: "{about}{change}%（較 {against}）",
    points: "{about}{change} 個百分點（較 {against}）",
    place: "第{n}",
    places_one: "{n} 位",
    places_other: "{n} 位",
    rank_up: "排名 {from} → {to}，上升 {places}（較 {against}）",
    rank_down: "排名 {from} → {to}，下降 {places}（較 {against}）",
    rank_same: "排名 {to}，不變（較 {against}）",
    score: "{about}評分 {from} → {to}，滿分 {max}（較 {against}）",
    rank_of: "排名，共 {n} 名",
    score_of: "評分，滿分 {n}",
    named_measure: "{name}（{measure}）",
    lower_better: "{name}（{measure}，越低越好）",
    trend_note: "顯示 {total} 項數據中最新的 {shown} 項。",
    report: "報告",
    period: "期間",
    figure: "數據",
    change: "變化",
    bar_text: "{title}，{edition}：{figure}{change}",
    bar_change: "（{change}）",
    section: "趨勢",
    help: "同一附屬公司同類、同單位的數據，逐份報告列出。按一下長條可開啟其條目。",
    chart_title: "各報告中的數據",
    choose: "數據系列 ",
    filter: "尋找數據系列",
    filter_placeholder: "附屬公司或數據…",
    none: "目前條目中沒有在多於一份報告中出現的數據。",
    no_match: "沒有相符的數據系列。",
    showing: "顯示 {total} 個數據系列中的 {shown} 個；輸入文字以收窄範圍。",
    csv_label: "以 CSV 格式下載趨勢表格",
    change_label: "與上一份報告相比的變化：",
    compare_heading: "比較兩份報告",
    compare_help: "每份報告中按附屬公司和章節劃分的條目。按一下儲存格可列出其條目。",
    report_a: "報告 A ",
    report_b: "報告 B ",
    alone: "比較需要兩份或以上報告；目前只顯示一份報告。",
    legend: "A：僅見於報告 A · B：僅見於報告 B · ▲ B 較多 · ▼ B 較少 · = 相同",
    caption: "報告 A → 報告 B 的條目（{a} → {b}）",
    cell: "{row}，{column}：{report_a} 有 {a} 個條目，{report_b} 有 {b} 個條目（{difference}）",
    only_a: "僅見於 A",
    only_b: "僅見於 B",
    more: "B 較多",
    fewer: "B 較少",
    same: "相同",
    neither: "無",
    difference: "（{difference}）",
    ignored: "已忽略 {param} `{id}`：所顯示的報告中沒有這份報告；改為比較 {report}。",
};
