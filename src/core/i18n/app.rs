//! The page around the report: loading and progress, the language picker, `config.json`'s
//! notices and the dataset picker.

use super::texts;

texts! {
    /// The page around the report.
    pub struct AppTexts {
        /// The loading state.
        loading,
        /// The progress bar's accessible name.
        loading_progress,
        /// Reading with a known size.
        reading_of,
        /// Reading with an unknown size.
        reading,
        /// Splitting the file.
        splitting,
        /// Validating entries.
        checking,
        /// Indexing entries.
        indexing,
        /// The language picker's label.
        language,
        /// An unsupported language was asked for.
        lang_notice,
        /// Dismisses a notice.
        dismiss,
        /// Summary of `config.json`'s problems.
        config_problems,
        /// One problem.
        problems_one,
        /// Several problems.
        problems_other,
        /// The dataset picker's label.
        dataset,
        /// Provenance: the report's title.
        prov_dataset,
        /// Provenance: the organisation.
        prov_organisation,
        /// Provenance: the source document.
        prov_source,
        /// Provenance: the source's chapter.
        prov_chapter,
        /// Provenance: the data file.
        prov_data_file,
        /// Provenance: the filters.
        prov_filters,
        /// Provenance: no filters.
        prov_none,
        /// Provenance: when and by what.
        prov_exported,
        /// Provenance on one line under a chart.
        prov_caption,
        /// The report chooser's summary.
        choose_reports,
        /// Ticks every report of an organisation.
        every_year,
        /// Shows the ticked reports.
        show_chosen,
        /// Reports the chooser leaves out.
        more_reports,
        /// Which of several reports is loading.
        batch,
    }
}

/// English.
pub const EN: AppTexts = AppTexts {
    loading: "Loading report…",
    loading_progress: "Loading progress",
    reading_of: "Reading the report: {read} of {total}",
    reading: "Reading the report: {read}",
    splitting: "Reading the report's structure…",
    checking: "Checking entries: {done} of {total}",
    indexing: "Indexing entries: {done} of {total}",
    language: "Language",
    lang_notice: "Ignored {origin} `{value}`: the interface speaks {tags}.",
    dismiss: "Dismiss",
    config_problems: "{file} has {problems}; the settings concerned use their defaults.",
    problems_one: "{n} problem",
    problems_other: "{n} problems",
    dataset: "Dataset",
    prov_dataset: "Dataset: {value}",
    prov_organisation: "Organisation: {value}",
    prov_source: "Source: {value}",
    prov_chapter: ", chapter “{chapter}”",
    prov_data_file: "Data file: {value}",
    prov_filters: "Filters: {value}",
    prov_none: "none",
    prov_exported: "Exported: {at} with Report Explorer {version}",
    prov_caption:
        "Source: {title} · {data} · filters: {filters} · {at} · Report Explorer {version}",
    choose_reports: "Choose reports",
    every_year: "Every year",
    show_chosen: "Show chosen reports",
    more_reports: "{n} more reports are not listed.",
    batch: "Report {done} of {total}: {title}",
};

/// Simplified Chinese.
pub const ZH_HANS: AppTexts = AppTexts {
    loading: "正在加载报告…",
    loading_progress: "加载进度",
    reading_of: "正在读取报告：{read}，共 {total}",
    reading: "正在读取报告：{read}",
    splitting: "正在读取报告结构…",
    checking: "正在检查条目：{done} / {total}",
    indexing: "正在建立条目索引：{done} / {total}",
    language: "语言",
    lang_notice: "已忽略 {origin} “{value}”：界面支持 {tags}。",
    dismiss: "关闭",
    config_problems: "{file} 有 {problems}；相关设置使用默认值。",
    problems_one: "{n} 个问题",
    problems_other: "{n} 个问题",
    dataset: "数据集",
    prov_dataset: "数据集：{value}",
    prov_organisation: "机构：{value}",
    prov_source: "来源：{value}",
    prov_chapter: "，章节“{chapter}”",
    prov_data_file: "数据文件：{value}",
    prov_filters: "筛选条件：{value}",
    prov_none: "无",
    prov_exported: "导出时间：{at}，使用 Report Explorer {version}",
    prov_caption: "来源：{title} · {data} · 筛选条件：{filters} · {at} · Report Explorer {version}",
    choose_reports: "选择报告",
    every_year: "所有年份",
    show_chosen: "显示所选报告",
    more_reports: "另有 {n} 份报告未列出。",
    batch: "第 {done} 份报告，共 {total} 份：{title}",
};

/// Traditional Chinese.
pub const ZH_HANT: AppTexts = AppTexts {
    loading: "正在載入報告…",
    loading_progress: "載入進度",
    reading_of: "正在讀取報告：{read}，共 {total}",
    reading: "正在讀取報告：{read}",
    splitting: "正在讀取報告結構…",
    checking: "正在檢查條目：{done} / {total}",
    indexing: "正在建立條目索引：{done} / {total}",
    language: "語言",
    lang_notice: "已略過 {origin}「{value}」：介面支援 {tags}。",
    dismiss: "關閉",
    config_problems: "{file} 有 {problems}；相關設定使用預設值。",
    problems_one: "{n} 個問題",
    problems_other: "{n} 個問題",
    dataset: "數據集",
    prov_dataset: "數據集：{value}",
    prov_organisation: "機構：{value}",
    prov_source: "來源：{value}",
    prov_chapter: "，章節「{chapter}」",
    prov_data_file: "數據檔案：{value}",
    prov_filters: "篩選條件：{value}",
    prov_none: "無",
    prov_exported: "匯出時間：{at}，使用 Report Explorer {version}",
    prov_caption: "來源：{title} · {data} · 篩選條件：{filters} · {at} · Report Explorer {version}",
    choose_reports: "選擇報告",
    every_year: "所有年份",
    show_chosen: "顯示所選報告",
    more_reports: "另有 {n} 份報告未列出。",
    batch: "第 {done} 份報告，共 {total} 份：{title}",
};
