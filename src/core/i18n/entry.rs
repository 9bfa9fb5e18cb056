//! The report header, the entry card and detail, and the kinds of entries.

use super::texts;

texts! {
    /// The report header, the entry card and detail, and kinds.
    pub struct EntryTexts {
        /// `Reporting period: ` before the period.
        period,
        /// `Source: ` before the document.
        source,
        /// Before a chapter's name.
        chapter_open,
        /// After a chapter's name.
        chapter_close,
        /// Before a section's name.
        section_open,
        /// After a section's name.
        section_close,
        /// The header's counts: what, from how many subsidiaries, in how many categories.
        counts,
        /// The counts when there are no entries.
        nothing,
        /// Subsidiaries in divisions.
        in_divisions,
        /// Between listed items.
        list_separator,
        /// Between the parts of a citation.
        comma,
        /// One subsidiary.
        subsidiaries_one,
        /// Several subsidiaries.
        subsidiaries_other,
        /// One division.
        divisions_one,
        /// Several divisions.
        divisions_other,
        /// One category.
        categories_one,
        /// Several categories.
        categories_other,
        /// One figure.
        figures_one,
        /// Several figures.
        figures_other,
        /// The data file's problems.
        problems,
        /// One problem.
        problems_one,
        /// Several problems.
        problems_other,
        /// One item.
        items_one,
        /// Several items.
        items_other,
        /// One warning.
        warnings_one,
        /// Several warnings.
        warnings_other,
        /// One more problem than are listed.
        problems_more_one,
        /// Several more problems than are listed.
        problems_more_other,
        /// Before an awarding body's name on a card.
        awarded_by_card,
        /// A passage with an address but no page.
        passage,
        /// A page reference.
        page,
        /// A reference to several pages.
        pages,
        /// Closes the detail.
        close,
        /// One subsidiary's label.
        subsidiary,
        /// Several subsidiaries' label.
        subsidiaries,
        /// Categories.
        categories,
        /// Date.
        date,
        /// Awarded by.
        awarded_by,
        /// Location.
        location,
        /// One country.
        country,
        /// Several countries.
        countries,
        /// The entry's id.
        entry_id,
        /// The figures table's caption.
        figures,
        /// The measure column.
        measure,
        /// The value column.
        value,
        /// Kind: award.
        award,
        /// Kind: initiative.
        initiative,
        /// Kind: product.
        product,
        /// Kind: service.
        service,
        /// Kind: project.
        project,
        /// Kind: event.
        event,
        /// Kind: target.
        target,
        /// Kind: incident.
        incident,
        /// Kind: partnership.
        partnership,
        /// Kind: KPI.
        kpi,
        /// One award.
        award_one,
        /// Several awards.
        award_other,
        /// One initiative.
        initiative_one,
        /// Several initiatives.
        initiative_other,
        /// One product.
        product_one,
        /// Several products.
        product_other,
        /// One service.
        service_one,
        /// Several services.
        service_other,
        /// One project.
        project_one,
        /// Several projects.
        project_other,
        /// One event.
        event_one,
        /// Several events.
        event_other,
        /// One target.
        target_one,
        /// Several targets.
        target_other,
        /// One incident.
        incident_one,
        /// Several incidents.
        incident_other,
        /// One partnership.
        partnership_one,
        /// Several partnerships.
        partnership_other,
        /// One KPI.
        kpi_one,
        /// Several KPIs.
        kpi_other,
        /// The entry detail's label for its report, among several.
        report,
        /// The header's title when several reports are shown.
        several_reports,
        /// Before the list of reports shown.
        reports_list,
    }
}

/// English.
pub const EN: EntryTexts = EntryTexts {
    period: "Reporting period: ",
    source: "Source: ",
    chapter_open: ", chapter “",
    chapter_close: "”",
    section_open: ", section “",
    section_close: "”",
    counts: "{kinds} from {subsidiaries}, in {categories}, with {figures}",
    nothing: "nothing",
    in_divisions: "{subsidiaries} in {divisions}",
    list_separator: ", ",
    comma: ", ",
    subsidiaries_one: "{n} subsidiary",
    subsidiaries_other: "{n} subsidiaries",
    divisions_one: "{n} division",
    divisions_other: "{n} divisions",
    categories_one: "{n} category",
    categories_other: "{n} categories",
    figures_one: "{n} figure",
    figures_other: "{n} figures",
    problems: "The data file has {problems}: {skipped} skipped, {warnings}.",
    problems_one: "{n} problem",
    problems_other: "{n} problems",
    items_one: "{n} item",
    items_other: "{n} items",
    warnings_one: "{n} warning",
    warnings_other: "{n} warnings",
    problems_more_one: "… and {n} more problem is not listed",
    problems_more_other: "… and {n} more problems are not listed",
    awarded_by_card: "Awarded by ",
    passage: "passage",
    page: "p. {page}",
    pages: "pp. {page}",
    close: "Close",
    subsidiary: "Subsidiary",
    subsidiaries: "Subsidiaries",
    categories: "Categories",
    date: "Date",
    awarded_by: "Awarded by",
    location: "Location",
    country: "Country",
    countries: "Countries",
    entry_id: "Entry id",
    figures: "Figures",
    measure: "Measure",
    value: "Value",
    award: "Award",
    initiative: "Initiative",
    product: "Product",
    service: "Service",
    project: "Project",
    event: "Event",
    target: "Target",
    incident: "Incident",
    partnership: "Partnership",
    kpi: "KPI",
    award_one: "{n} award",
    award_other: "{n} awards",
    initiative_one: "{n} initiative",
    initiative_other: "{n} initiatives",
    product_one: "{n} product",
    product_other: "{n} products",
    service_one: "{n} service",
    service_other: "{n} services",
    project_one: "{n} project",
    project_other: "{n} projects",
    event_one: "{n} event",
    event_other: "{n} events",
    target_one: "{n} target",
    target_other: "{n} targets",
    incident_one: "{n} incident",
    incident_other: "{n} incidents",
    partnership_one: "{n} partnership",
    partnership_other: "{n} partnerships",
    kpi_one: "{n} KPI",
    kpi_other: "{n} KPIs",
    report: "Report",
    several_reports: "{organisation}: {count} reports",
    reports_list: "Reports: ",
};

/// Simplified Chinese.
pub const ZH_HANS: EntryTexts = EntryTexts {
    period: "报告期：",
    source: "来源：",
    chapter_open: "，章节“",
    chapter_close: "”",
    section_open: "，小节“",
    section_close: "”",
    counts: "{kinds}，来自 {subsidiaries}，涵盖 {categories}，含 {figures}",
    nothing: "无条目",
    in_divisions: "{divisions}的 {subsidiaries}",
    list_separator: "、",
    comma: "，",
    subsidiaries_one: "{n} 家子公司",
    subsidiaries_other: "{n} 家子公司",
    divisions_one: "{n} 个业务板块",
    divisions_other: "{n} 个业务板块",
    categories_one: "{n} 个类别",
    categories_other: "{n} 个类别",
    figures_one: "{n} 项数据",
    figures_other: "{n} 项数据",
    problems: "数据文件有 {problems}：跳过 {skipped}，{warnings}。",
    problems_one: "{n} 个问题",
    problems_other: "{n} 个问题",
    items_one: "{n} 项",
    items_other: "{n} 项",
    warnings_one: "{n} 个警告",
    warnings_other: "{n} 个警告",
    problems_more_one: "……另有 {n} 个问题未列出",
    problems_more_other: "……另有 {n} 个问题未列出",
    awarded_by_card: "颁发机构：",
    passage: "原文",
    page: "第 {page} 页",
    pages: "第 {page} 页",
    close: "关闭",
    subsidiary: "子公司",
    subsidiaries: "子公司",
    categories: "类别",
    date: "日期",
    awarded_by: "颁发机构",
    location: "地点",
    country: "国家/地区",
    countries: "国家/地区",
    entry_id: "条目编号",
    figures: "数据",
    measure: "指标",
    value: "数值",
    award: "奖项",
    initiative: "倡议",
    product: "产品",
    service: "服务",
    project: "项目",
    event: "活动",
    target: "目标",
    incident: "事故",
    partnership: "合作",
    kpi: "关键绩效指标",
    award_one: "{n} 个奖项",
    award_other: "{n} 个奖项",
    initiative_one: "{n} 项倡议",
    initiative_other: "{n} 项倡议",
    product_one: "{n} 个产品",
    product_other: "{n} 个产品",
    service_one: "{n} 项服务",
    service_other: "{n} 项服务",
    project_one: "{n} 个项目",
    project_other: "{n} 个项目",
    event_one: "{n} 项活动",
    event_other: "{n} 项活动",
    target_one: "{n} 个目标",
    target_other: "{n} 个目标",
    incident_one: "{n} 起事故",
    incident_other: "{n} 起事故",
    partnership_one: "{n} 项合作",
    partnership_other: "{n} 项合作",
    kpi_one: "{n} 项关键绩效指标",
    kpi_other: "{n} 项关键绩效指标",
    report: "报告",
    several_reports: "{organisation}：{count} 份报告",
    reports_list: "报告：",
};

/// Traditional Chinese.
pub const ZH_HANT: EntryTexts = EntryTexts {
    period: "報告期：",
    source: "來源：",
    chapter_open: "，章節「",
    chapter_close: "」",
    section_open: "，小節「",
    section_close: "」",
    counts: "{kinds}，來自 {subsidiaries}，涵蓋 {categories}，含 {figures}",
    nothing: "無條目",
    in_divisions: "{divisions}的 {subsidiaries}",
    list_separator: "、",
    comma: "，",
    subsidiaries_one: "{n} 家附屬公司",
    subsidiaries_other: "{n} 家附屬公司",
    divisions_one: "{n} 個業務板塊",
    divisions_other: "{n} 個業務板塊",
    categories_one: "{n} 個類別",
    categories_other: "{n} 個類別",
    figures_one: "{n} 項數據",
    figures_other: "{n} 項數據",
    problems: "數據檔案有 {problems}：略過 {skipped}，{warnings}。",
    problems_one: "{n} 個問題",
    problems_other: "{n} 個問題",
    items_one: "{n} 項",
    items_other: "{n} 項",
    warnings_one: "{n} 個警告",
    warnings_other: "{n} 個警告",
    problems_more_one: "……另有 {n} 個問題未列出",
    problems_more_other: "……另有 {n} 個問題未列出",
    awarded_by_card: "頒發機構：",
    passage: "原文",
    page: "第 {page} 頁",
    pages: "第 {page} 頁",
    close: "關閉",
    subsidiary: "附屬公司",
    subsidiaries: "附屬公司",
    categories: "類別",
    date: "日期",
    awarded_by: "頒發機構",
    location: "地點",
    country: "國家/地區",
    countries: "國家/地區",
    entry_id: "條目編號",
    figures: "數據",
    measure: "指標",
    value: "數值",
    award: "獎項",
    initiative: "倡議",
    product: "產品",
    service: "服務",
    project: "項目",
    event: "活動",
    target: "目標",
    incident: "事故",
    partnership: "合作",
    kpi: "關鍵績效指標",
    award_one: "{n} 個獎項",
    award_other: "{n} 個獎項",
    initiative_one: "{n} 項倡議",
    initiative_other: "{n} 項倡議",
    product_one: "{n} 個產品",
    product_other: "{n} 個產品",
    service_one: "{n} 項服務",
    service_other: "{n} 項服務",
    project_one: "{n} 個項目",
    project_other: "{n} 個項目",
    event_one: "{n} 項活動",
    event_other: "{n} 項活動",
    target_one: "{n} 個目標",
    target_other: "{n} 個目標",
    incident_one: "{n} 宗事故",
    incident_other: "{n} 宗事故",
    partnership_one: "{n} 項合作",
    partnership_other: "{n} 項合作",
    kpi_one: "{n} 項關鍵績效指標",
    kpi_other: "{n} 項關鍵績效指標",
    report: "報告",
    several_reports: "{organisation}：{count} 份報告",
    reports_list: "報告：",
};
