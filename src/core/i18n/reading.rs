//! The reading view: the report's text with its passages highlighted, its loading and
//! failures, its parts, and the link from an entry to its passage.

use super::texts;

texts! {
    /// The reading view.
    pub struct ReadingTexts {
        /// The link in an entry's detail to its passage in the text.
        read_in_context,
        /// While the text is fetched.
        loading,
        /// The heading over a failed fetch.
        failed,
        /// What still works when the text failed.
        failed_hint,
        /// Retry button.
        retry,
        /// The text's heading (for screen readers).
        heading,
        /// How to read the highlights.
        legend,
        /// `at` names an entry whose passage is not in the text.
        at_missing,
        /// The label of the parts' navigation of a long text.
        parts,
        /// The button to the previous part.
        previous,
        /// The button to the next part.
        next,
        /// `Part 2 of 5`.
        part,
        /// The label of the choice of texts, when several reports are shown.
        sources,
        /// When the report names no text.
        no_text,
        /// A text that could not be read as UTF-8.
        not_text,
        /// Reading with a known size.
        reading_of,
        /// Reading with an unknown size.
        reading,
        /// The summary over the passages not found: one.
        not_found_one,
        /// The summary over the passages not found: several.
        not_found_other,
        /// The label of a highlight's link to one of its several entries.
        also,
    }
}

/// English.
pub const EN: ReadingTexts = ReadingTexts {
    read_in_context: "Read in context",
    loading: "Loading the report's text…",
    failed: "The report's text could not be shown",
    failed_hint: "The other views do not need it and still work.",
    retry: "Try again",
    heading: "The report's text",
    legend: "Highlighted passages are the report's entries: open one to see it in full. Dimmed ones are outside the current filters.",
    at_missing: "This entry's passage was not found in the text.",
    parts: "Parts of the text",
    previous: "Previous part",
    next: "Next part",
    part: "Part {n} of {of}",
    sources: "Texts of the reports shown",
    no_text: "this report names no text",
    not_text: "it is not UTF-8 text",
    reading_of: "Reading the text: {read} of {total}",
    reading: "Reading the text: {read}",
    not_found_one: "{n} passage not found in the text",
    not_found_other: "{n} passages not found in the text",
    also: "Entry {n} of this passage: {title}",
};

/// Simplified Chinese.
pub const ZH_HANS: ReadingTexts = ReadingTexts {
    read_in_context: "在原文中阅读",
    loading: "正在载入报告原文…",
    failed: "无法显示报告原文",
    failed_hint: "其他视图不需要原文，仍可使用。",
    retry: "重试",
    heading: "报告原文",
    legend: "高亮的段落是报告的条目：打开即可查看全文。变暗的段落不在当前筛选范围内。",
    at_missing: "在原文中找不到此条目的段落。",
    parts: "原文各部分",
    previous: "上一部分",
    next: "下一部分",
    part: "第 {n} 部分，共 {of} 部分",
    sources: "所显示报告的原文",
    no_text: "此报告未指明原文",
    not_text: "它不是 UTF-8 文本",
    reading_of: "正在读取原文：{read} / {total}",
    reading: "正在读取原文：{read}",
    not_found_one: "原文中找不到 {n} 个段落",
    not_found_other: "原文中找不到 {n} 个段落",
    also: "此段落的第 {n} 个条目：{title}",
};

/// Traditional Chinese (Hong Kong conventions).
pub const ZH_HANT: ReadingTexts = ReadingTexts {
    read_in_context: "在原文中閱讀",
    loading: "正在載入報告原文…",
    failed: "無法顯示報告原文",
    failed_hint: "其他檢視不需要原文，仍可使用。",
    retry: "重試",
    heading: "報告原文",
    legend: "突出顯示的段落是報告的條目：開啟即可查看全文。變暗的段落不在目前篩選範圍內。",
    at_missing: "在原文中找不到此條目的段落。",
    parts: "原文各部分",
    previous: "上一部分",
    next: "下一部分",
    part: "第 {n} 部分，共 {of} 部分",
    sources: "所顯示報告的原文",
    no_text: "此報告未指明原文",
    not_text: "它不是 UTF-8 文字",
    reading_of: "正在讀取原文：{read} / {total}",
    reading: "正在讀取原文：{read}",
    not_found_one: "原文中找不到 {n} 個段落",
    not_found_other: "原文中找不到 {n} 個段落",
    also: "此段落的第 {n} 個條目：{title}",
};
