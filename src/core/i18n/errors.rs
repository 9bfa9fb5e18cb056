//! Load failures' headings, the error view, the author hint and the crash view's words.

use super::texts;

texts! {
    /// Load failures, the error view and the author hint.
    pub struct ErrorTexts {
        /// The data address was refused.
        bad_path,
        /// The network request failed.
        network,
        /// An HTTP error status.
        http,
        /// A redirect to another origin.
        redirected,
        /// No data for too long.
        stalled,
        /// The connection dropped.
        interrupted,
        /// An HTML page instead of the report.
        html_page,
        /// An empty file.
        empty,
        /// A file over the limit.
        too_large,
        /// Not valid JSON.
        syntax,
        /// Not JSON text.
        not_json,
        /// Not a report.
        invalid,
        /// Retries the load.
        try_again,
        /// The author hint, before the command.
        hint_check,
        /// After the command.
        hint_source,
        /// Before the install command.
        hint_install,
        /// Before the format guide's link.
        hint_format,
        /// The format guide's link.
        hint_guide,
        /// Between the guide and the schema.
        hint_with,
        /// After the schema's link.
        hint_editors,
    }
}

/// English.
pub const EN: ErrorTexts = ErrorTexts {
    bad_path: "The data address was refused",
    network: "The report could not be fetched",
    http: "The server answered HTTP {status}",
    redirected: "The data address redirects to another origin",
    stalled: "The download stalled",
    interrupted: "The download was cut off",
    html_page: "The server sent a web page, not the report",
    empty: "The report file is empty",
    too_large: "The report file is too large",
    syntax: "The report file is not valid JSON",
    not_json: "The report file is not JSON text",
    invalid: "The file is not a report this app can read",
    try_again: "Try again",
    hint_check: "Made this file? Check it on your computer with ",
    hint_source:
        ": it lists every problem with its place in the file. From the Report Explorer source, run ",
    hint_install: ", or install the tool once with ",
    hint_format: "The format is described in ",
    hint_guide: "the data format guide",
    hint_with: ", with a ",
    hint_editors: " that editors can check files against.",
};

/// Simplified Chinese.
pub const ZH_HANS: ErrorTexts = ErrorTexts {
    bad_path: "数据地址被拒绝",
    network: "无法获取报告",
    http: "服务器返回 HTTP {status}",
    redirected: "数据地址重定向到其他来源",
    stalled: "下载停滞",
    interrupted: "下载中断",
    html_page: "服务器发送的是网页，而不是报告",
    empty: "报告文件为空",
    too_large: "报告文件过大",
    syntax: "报告文件不是有效的 JSON",
    not_json: "报告文件不是 JSON 文本",
    invalid: "此文件不是本应用可读取的报告",
    try_again: "重试",
    hint_check: "这个文件是您制作的吗？请在您的电脑上用以下命令检查：",
    hint_source: "：它会列出每个问题及其在文件中的位置。在 Report Explorer 源代码中运行 ",
    hint_install: "，或用以下命令安装一次该工具：",
    hint_format: "格式说明见",
    hint_guide: "数据格式指南",
    hint_with: "，另有编辑器可用于检查文件的 ",
    hint_editors: "。",
};

/// Traditional Chinese.
pub const ZH_HANT: ErrorTexts = ErrorTexts {
    bad_path: "數據地址被拒絕",
    network: "無法取得報告",
    http: "伺服器回應 HTTP {status}",
    redirected: "數據地址重新導向至其他來源",
    stalled: "下載停滯",
    interrupted: "下載中斷",
    html_page: "伺服器傳送的是網頁，而非報告",
    empty: "報告檔案是空的",
    too_large: "報告檔案過大",
    syntax: "報告檔案不是有效的 JSON",
    not_json: "報告檔案不是 JSON 文字",
    invalid: "此檔案不是本應用程式可讀取的報告",
    try_again: "重試",
    hint_check: "這個檔案是您製作的嗎？請在您的電腦上用以下指令檢查：",
    hint_source: "：它會列出每個問題及其在檔案中的位置。在 Report Explorer 原始碼中執行 ",
    hint_install: "，或用以下指令安裝一次該工具：",
    hint_format: "格式說明見",
    hint_guide: "數據格式指南",
    hint_with: "，另有編輯器可用於檢查檔案的 ",
    hint_editors: "。",
};
