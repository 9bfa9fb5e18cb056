//! Dates the app writes for people: `May 2019`, `Q3 2019`, `FY2019`, `since 2017`.

use super::texts;

texts! {
    /// Dates for people.
    pub struct DateTexts {
        /// The twelve months' names, separated by spaces.
        months,
        /// The four quarters' names, separated by spaces.
        quarters,
        /// A year.
        year,
        /// A month.
        month,
        /// A day.
        day,
        /// A calendar quarter.
        quarter,
        /// A fiscal year.
        fiscal_year,
        /// A fiscal quarter.
        fiscal_quarter,
        /// A range.
        range,
        /// Open at the end.
        since,
        /// Open at the start.
        until,
    }
}

/// English.
pub const EN: DateTexts = DateTexts {
    months: "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    quarters: "1 2 3 4",
    year: "{year}",
    month: "{month} {year}",
    day: "{day} {month} {year}",
    quarter: "Q{quarter} {year}",
    fiscal_year: "FY{year}",
    fiscal_quarter: "Q{quarter} FY{year}",
    range: "{from}–{to}",
    since: "since {from}",
    until: "until {to}",
};

/// Simplified Chinese.
pub const ZH_HANS: DateTexts = DateTexts {
    months: "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月",
    quarters: "一 二 三 四",
    year: "{year}年",
    month: "{year}年{month}",
    day: "{year}年{month}{day}日",
    quarter: "{year}年第{quarter}季度",
    fiscal_year: "{year}财年",
    fiscal_quarter: "{year}财年第{quarter}季度",
    range: "{from}至{to}",
    since: "{from}起",
    until: "截至{to}",
};

/// Traditional Chinese.
pub const ZH_HANT: DateTexts = DateTexts {
    months: "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月",
    quarters: "一 二 三 四",
    year: "{year}年",
    month: "{year}年{month}",
    day: "{year}年{month}{day}日",
    quarter: "{year}年第{quarter}季",
    fiscal_year: "{year}財年",
    fiscal_quarter: "{year}財年第{quarter}季",
    range: "{from}至{to}",
    since: "{from}起",
    until: "截至{to}",
};
