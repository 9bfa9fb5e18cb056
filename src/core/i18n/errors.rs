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
        /// A failed request.
        network_detail,
        /// An HTTP error status.
        http_detail,
        /// An HTTP error status with advice.
        http_advised,
        /// Advice for 404 and 410.
        advice_missing,
        /// Advice for 401 and 403.
        advice_refused,
        /// Advice for 408, 429 and 5xx.
        advice_busy,
        /// A redirect to another origin.
        redirected_detail,
        /// The origin redirected to.
        redirected_to,
        /// No data for too long.
        stalled_detail,
        /// After how much of a known total.
        stalled_after_of,
        /// After how much.
        stalled_after,
        /// One second.
        seconds_one,
        /// Several seconds.
        seconds_other,
        /// The connection dropped.
        interrupted_detail,
        /// Of a known total.
        interrupted_of,
        /// An HTML page instead of the report.
        html_detail,
        /// An empty file.
        empty_detail,
        /// A file over the limit, by its announced size.
        too_large_of,
        /// A file over the limit, by what arrived.
        too_large_over,
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
    network_detail: "{url}: the request failed ({message}). Check the network connection and try again.",
    http_detail: "{url}: HTTP {status}{text}",
    http_advised: "{url}: HTTP {status}{text}. {advice}",
    advice_missing: "There is no file at this address; check the link.",
    advice_refused: "The server refused access; you may need to sign in.",
    advice_busy: "The server could not answer; try again in a moment.",
    redirected_detail: "{url}: the server redirected the request to another origin{to}; this page loads data only from its own origin and those in `allowed_data_origins` in config.json.",
    redirected_to: ", `{origin}`",
    stalled_detail: "{url}: no data arrived for {seconds}{after}; the server or the network stopped responding. Try again later.",
    stalled_after_of: " after {read} of {total} bytes",
    stalled_after: " after {read} bytes",
    seconds_one: "{n} second",
    seconds_other: "{n} seconds",
    interrupted_detail: "{url}: the connection was closed after {read}{of} bytes. Try again; if it keeps happening, the server or a proxy is cutting the transfer short.",
    interrupted_of: " of {total}",
    html_detail: "{url}: the server returned an HTML page, not the report. It may be a sign-in or error page: check the address, or sign in and try again.",
    empty_detail: "{url}: the file is empty (the server sent no content).",
    too_large_of: "{url} is {size} or more; this page reads files up to {limit}. Ask the site's administrator to raise `max_data_mb` in config.json, or load a smaller report.",
    too_large_over: "{url} is larger than {limit}, the most this page reads. Ask the site's administrator to raise `max_data_mb` in config.json, or load a smaller report.",
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
    network_detail: "{url}：请求失败（{message}）。请检查网络连接后重试。",
    http_detail: "{url}：HTTP {status}{text}",
    http_advised: "{url}：HTTP {status}{text}。{advice}",
    advice_missing: "此地址没有文件；请检查链接。",
    advice_refused: "服务器拒绝访问；您可能需要登录。",
    advice_busy: "服务器无法响应；请稍后重试。",
    redirected_detail: "{url}：服务器将请求重定向到其他来源{to}；本页面只从自身来源及 config.json 中 `allowed_data_origins` 所列来源加载数据。",
    redirected_to: "（`{origin}`）",
    stalled_detail: "{url}：{seconds}内没有收到数据{after}；服务器或网络已停止响应。请稍后重试。",
    stalled_after_of: "（已收到 {total} 字节中的 {read} 字节）",
    stalled_after: "（已收到 {read} 字节）",
    seconds_one: "{n} 秒",
    seconds_other: "{n} 秒",
    interrupted_detail: "{url}：连接在收到 {read} 字节后关闭{of}。请重试；如果问题持续，可能是服务器或代理截断了传输。",
    interrupted_of: "（共 {total} 字节）",
    html_detail: "{url}：服务器返回的是 HTML 网页，而不是报告。可能是登录页或错误页：请检查地址，或登录后重试。",
    empty_detail: "{url}：文件为空（服务器没有发送内容）。",
    too_large_of: "{url} 有 {size} 或以上；本页面最多读取 {limit} 的文件。请网站管理员调高 config.json 中的 `max_data_mb`，或加载较小的报告。",
    too_large_over: "{url} 超过 {limit}，即本页面可读取的上限。请网站管理员调高 config.json 中的 `max_data_mb`，或加载较小的报告。",
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
    network_detail: "{url}：請求失敗（{message}）。請檢查網絡連線後重試。",
    http_detail: "{url}：HTTP {status}{text}",
    http_advised: "{url}：HTTP {status}{text}。{advice}",
    advice_missing: "此地址沒有檔案；請檢查連結。",
    advice_refused: "伺服器拒絕存取；您可能需要登入。",
    advice_busy: "伺服器無法回應；請稍後重試。",
    redirected_detail: "{url}：伺服器將請求重新導向至其他來源{to}；本頁面只從自身來源及 config.json 中 `allowed_data_origins` 所列來源載入數據。",
    redirected_to: "（`{origin}`）",
    stalled_detail: "{url}：{seconds}內沒有收到數據{after}；伺服器或網絡已停止回應。請稍後重試。",
    stalled_after_of: "（已收到 {total} 位元組中的 {read} 位元組）",
    stalled_after: "（已收到 {read} 位元組）",
    seconds_one: "{n} 秒",
    seconds_other: "{n} 秒",
    interrupted_detail: "{url}：連線在收到 {read} 位元組後關閉{of}。請重試；如問題持續，可能是伺服器或代理截斷了傳輸。",
    interrupted_of: "（共 {total} 位元組）",
    html_detail: "{url}：伺服器傳回的是 HTML 網頁，而非報告。可能是登入頁或錯誤頁：請檢查地址，或登入後重試。",
    empty_detail: "{url}：檔案是空的（伺服器沒有傳送內容）。",
    too_large_of: "{url} 有 {size} 或以上；本頁面最多讀取 {limit} 的檔案。請網站管理員調高 config.json 中的 `max_data_mb`，或載入較小的報告。",
    too_large_over: "{url} 超過 {limit}，即本頁面可讀取的上限。請網站管理員調高 config.json 中的 `max_data_mb`，或載入較小的報告。",
};
