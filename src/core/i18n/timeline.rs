//! The timeline view: its controls, help, clusters, lanes and its accessible list.

use super::texts;

texts! {
    /// The timeline view.
    pub struct TimelineTexts {
        /// The view's heading (for screen readers).
        heading,
        /// The toolbar's accessible name.
        controls,
        /// Zoom in.
        zoom_in,
        /// Zoom out.
        zoom_out,
        /// Pan to earlier dates.
        earlier,
        /// Pan to later dates.
        later,
        /// Back to the whole range.
        reset,
        /// The lane picker's label.
        lanes,
        /// Shows the accessible list.
        show_list,
        /// Hides it.
        hide_list,
        /// How to use the timeline.
        help,
        /// What clusters are.
        help_clusters,
        /// A cluster's accessible name: its count and span.
        cluster,
        /// A cluster's tooltip.
        cluster_hint,
        /// The merged lane of the other subsidiaries.
        other_subsidiaries_one,
        /// The same, several.
        other_subsidiaries_other,
        /// The merged lane of the other categories.
        other_categories_one,
        /// The same, several.
        other_categories_other,
        /// The list's pager's accessible name.
        list_pages,
        /// Nothing dated to list.
        none,
        /// One item of the list shown.
        showing_one,
        /// A range of the list shown.
        showing_range,
    }
}

/// English.
pub const EN: TimelineTexts = TimelineTexts {
    heading: "Award timeline",
    controls: "Timeline controls",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    earlier: "Earlier",
    later: "Later",
    reset: "Reset",
    lanes: "Lanes ",
    show_list: "Show as list",
    hide_list: "Hide list",
    help: "Scroll or pinch to zoom, drag to pan. Arrow keys move between items, Enter opens one.",
    help_clusters: " Numbers are groups of entries: click one or press Enter on it to zoom in.",
    cluster: "{entries}, {span}",
    cluster_hint: "Click or press Enter to zoom in",
    other_subsidiaries_one: "{n} other subsidiary",
    other_subsidiaries_other: "{n} other subsidiaries",
    other_categories_one: "{n} other category",
    other_categories_other: "{n} other categories",
    list_pages: "List pages",
    none: "No dated awards or events",
    showing_one: "Showing {from} of {total}",
    showing_range: "Showing {from}–{to} of {total}",
};

/// Simplified Chinese.
pub const ZH_HANS: TimelineTexts = TimelineTexts {
    heading: "奖项时间轴",
    controls: "时间轴控件",
    zoom_in: "放大",
    zoom_out: "缩小",
    earlier: "更早",
    later: "更晚",
    reset: "重置",
    lanes: "分行依据 ",
    show_list: "以列表显示",
    hide_list: "隐藏列表",
    help: "滚动或双指缩放，拖动平移。方向键在项目间移动，回车键打开。",
    help_clusters: "数字表示一组条目：点击或按回车键放大。",
    cluster: "{entries}，{span}",
    cluster_hint: "点击或按回车键放大",
    other_subsidiaries_one: "其他 {n} 家子公司",
    other_subsidiaries_other: "其他 {n} 家子公司",
    other_categories_one: "其他 {n} 个类别",
    other_categories_other: "其他 {n} 个类别",
    list_pages: "列表页",
    none: "没有带日期的奖项或活动",
    showing_one: "显示第 {from} 个，共 {total} 个",
    showing_range: "显示第 {from}–{to} 个，共 {total} 个",
};

/// Traditional Chinese.
pub const ZH_HANT: TimelineTexts = TimelineTexts {
    heading: "獎項時間軸",
    controls: "時間軸控制項",
    zoom_in: "放大",
    zoom_out: "縮小",
    earlier: "較早",
    later: "較後",
    reset: "重設",
    lanes: "分行依據 ",
    show_list: "以列表顯示",
    hide_list: "隱藏列表",
    help: "捲動或雙指縮放，拖曳平移。方向鍵在項目間移動，回車鍵開啟。",
    help_clusters: "數字代表一組條目：按一下或按回車鍵放大。",
    cluster: "{entries}，{span}",
    cluster_hint: "按一下或按回車鍵放大",
    other_subsidiaries_one: "其他 {n} 家附屬公司",
    other_subsidiaries_other: "其他 {n} 家附屬公司",
    other_categories_one: "其他 {n} 個類別",
    other_categories_other: "其他 {n} 個類別",
    list_pages: "列表頁",
    none: "沒有附日期的獎項或活動",
    showing_one: "顯示第 {from} 個，共 {total} 個",
    showing_range: "顯示第 {from}–{to} 個，共 {total} 個",
};
