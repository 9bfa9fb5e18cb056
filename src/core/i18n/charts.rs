//! The charts: titles, help, axis and legend words, tooltips, notes, tables and exports.

use super::texts;

texts! {
    /// The charts.
    pub struct ChartTexts {
        /// The coverage chart's title.
        coverage_title,
        /// Its help.
        coverage_help,
        /// The awards chart's title.
        awards_title,
        /// Its help.
        awards_help,
        /// Awards without a date (a count of awards before it).
        undated,
        /// One undated award.
        undated_one,
        /// Several undated awards.
        undated_other,
        /// The figures chart's picker label.
        figures_pick,
        /// The figures chart's title.
        metrics_title,
        /// Its help.
        metrics_help,
        /// The coverage chart's value axis.
        entries_axis,
        /// The awards chart's value axis.
        awards_axis,
        /// A legend's or a bar's grouped rest.
        other,
        /// A chart with nothing to draw.
        empty,
        /// The canvas's accessible name.
        canvas_label,
        /// Shows the table.
        show_table,
        /// Hides it.
        hide_table,
        /// A table's row heading: subsidiary.
        subsidiary,
        /// A table's row heading: year.
        year,
        /// A table's row heading: runs of years.
        years,
        /// A table's total column.
        total,
        /// A table's entry column.
        entry,
        /// A table's measure column.
        measure,
        /// Segments of a coverage bar overlap.
        coverage_overlap,
        /// Segments of an awards bar overlap.
        awards_shared,
        /// Awards touch every bar of their dates.
        awards_touch,
        /// Bars are the year facet's runs.
        awards_runs,
        /// Bars are spans of years.
        awards_span,
        /// Not every figure is charted, highest first.
        metrics_note_highest,
        /// Not every figure is charted, best ranks first.
        metrics_note_ranks,
        /// A rank's axis.
        lower_better,
        /// A tooltip's "Other" subsidiaries.
        piece_from,
        /// A tooltip's "Other" categories.
        piece_in,
        /// A piece a click cannot select.
        too_many,
        /// One kind.
        kinds_one,
        /// Several kinds.
        kinds_other,
        /// One year.
        years_one,
        /// Several years.
        years_other,
        /// One report.
        reports_one,
        /// Several reports.
        reports_other,
    }
}

/// English.
pub const EN: ChartTexts = ChartTexts {
    coverage_title: "Entries by subsidiary and category",
    coverage_help: "Click a segment to filter by that subsidiary and category.",
    awards_title: "Awards per year by subsidiary",
    awards_help: "Click a segment to see that subsidiary's awards of that year.",
    undated: "{awards} no date in the report and are not on this chart.",
    undated_one: "{n} award has",
    undated_other: "{n} awards have",
    figures_pick: "Figures to compare ",
    metrics_title: "Figures compared",
    metrics_help: "One unit per chart, with the report's qualifiers. Click a bar to open its entry.",
    entries_axis: "Entries",
    awards_axis: "Awards",
    other: "Other ({members})",
    empty: "Nothing to chart for the current filters.",
    canvas_label: "{title}: {rows} rows.{note} Use “{show}” for the numbers.",
    show_table: "Show as table",
    hide_table: "Hide table",
    subsidiary: "Subsidiary",
    year: "Year",
    years: "Years",
    total: "Total",
    entry: "Entry",
    measure: "Measure",
    coverage_overlap: "An entry in several of these categories counts in each segment, once at the bar's end.",
    awards_shared: "An award shared by several subsidiaries counts in each of their segments, once on top of the bar.",
    awards_touch: "an award counts once in each bar its date touches.",
    awards_runs: "The report's dates span {from}–{to}: bars are runs of years; {touch}",
    awards_span: "Each bar is {n} years; {touch}",
    metrics_note_highest: "Showing {shown} of {total} figures, highest first; filter to see others.",
    metrics_note_ranks: "Showing {shown} of {total} figures, best ranks first; filter to see others.",
    lower_better: "{family} (lower is better)",
    piece_from: " from {subsidiaries}",
    piece_in: " in {categories}",
    too_many: " ({items}: too many to filter by at once)",
    kinds_one: "{n} kind",
    kinds_other: "{n} kinds",
    years_one: "{n} year",
    years_other: "{n} years",
    reports_one: "{n} report",
    reports_other: "{n} reports",
};

/// Simplified Chinese.
pub const ZH_HANS: ChartTexts = ChartTexts {
    coverage_title: "按子公司和类别划分的条目",
    coverage_help: "点击色块，按该子公司和类别筛选。",
    awards_title: "各子公司每年获得的奖项",
    awards_help: "点击色块，查看该子公司当年的奖项。",
    undated: "{awards}在报告中没有日期，未列入此图表。",
    undated_one: "{n} 个奖项",
    undated_other: "{n} 个奖项",
    figures_pick: "比较的数据 ",
    metrics_title: "数据比较",
    metrics_help: "每个图表一个单位，附报告原有的限定说明。点击条形可打开其条目。",
    entries_axis: "条目",
    awards_axis: "奖项",
    other: "其他（{members}）",
    empty: "当前筛选条件下没有可绘制的内容。",
    canvas_label: "{title}：{rows} 行。{note}数值请使用“{show}”。",
    show_table: "以表格显示",
    hide_table: "隐藏表格",
    subsidiary: "子公司",
    year: "年份",
    years: "年份",
    total: "合计",
    entry: "条目",
    measure: "指标",
    coverage_overlap: "属于多个类别的条目在每个色块中各计一次，在条形末端只计一次。",
    awards_shared: "多家子公司共同获得的奖项在各自色块中各计一次，在条形顶端只计一次。",
    awards_touch: "奖项在其日期涉及的每个条形中各计一次。",
    awards_runs: "报告日期跨越 {from}–{to}：每个条形为连续数年；{touch}",
    awards_span: "每个条形为 {n} 年；{touch}",
    metrics_note_highest: "显示 {total} 项数据中的 {shown} 项，从高到低；筛选以查看其他数据。",
    metrics_note_ranks: "显示 {total} 项数据中的 {shown} 项，排名靠前者优先；筛选以查看其他数据。",
    lower_better: "{family}（越低越好）",
    piece_from: "，来自 {subsidiaries}",
    piece_in: "，属于 {categories}",
    too_many: "（{items}：数量过多，无法一次筛选）",
    kinds_one: "{n} 种类型",
    kinds_other: "{n} 种类型",
    years_one: "{n} 个年份",
    years_other: "{n} 个年份",
    reports_one: "{n} 份报告",
    reports_other: "{n} 份报告",
};

/// Traditional Chinese.
pub const ZH_HANT: ChartTexts = ChartTexts {
    coverage_title: "按附屬公司和類別劃分的條目",
    coverage_help: "按一下色塊，按該附屬公司和類別篩選。",
    awards_title: "各附屬公司每年獲得的獎項",
    awards_help: "按一下色塊，查看該附屬公司當年的獎項。",
    undated: "{awards}在報告中沒有日期，未列入此圖表。",
    undated_one: "{n} 個獎項",
    undated_other: "{n} 個獎項",
    figures_pick: "比較的數據 ",
    metrics_title: "數據比較",
    metrics_help: "每個圖表一個單位，附報告原有的限定說明。按一下長條可開啟其條目。",
    entries_axis: "條目",
    awards_axis: "獎項",
    other: "其他（{members}）",
    empty: "目前篩選條件下沒有可繪製的內容。",
    canvas_label: "{title}：{rows} 行。{note}數值請使用「{show}」。",
    show_table: "以表格顯示",
    hide_table: "隱藏表格",
    subsidiary: "附屬公司",
    year: "年份",
    years: "年份",
    total: "合計",
    entry: "條目",
    measure: "指標",
    coverage_overlap: "屬於多個類別的條目在每個色塊中各計一次，在長條末端只計一次。",
    awards_shared: "多家附屬公司共同獲得的獎項在各自色塊中各計一次，在長條頂端只計一次。",
    awards_touch: "獎項在其日期涉及的每個長條中各計一次。",
    awards_runs: "報告日期跨越 {from}–{to}：每個長條為連續數年；{touch}",
    awards_span: "每個長條為 {n} 年；{touch}",
    metrics_note_highest: "顯示 {total} 項數據中的 {shown} 項，由高至低；篩選以查看其他數據。",
    metrics_note_ranks: "顯示 {total} 項數據中的 {shown} 項，排名靠前者優先；篩選以查看其他數據。",
    lower_better: "{family}（越低越好）",
    piece_from: "，來自 {subsidiaries}",
    piece_in: "，屬於 {categories}",
    too_many: "（{items}：數量過多，無法一次篩選）",
    kinds_one: "{n} 種類型",
    kinds_other: "{n} 種類型",
    years_one: "{n} 個年份",
    years_other: "{n} 個年份",
    reports_one: "{n} 份報告",
    reports_other: "{n} 份報告",
};
