//! A figure a report gives: its number, unit or currency, scale, qualifier, period and baseline.

use crate::core::date::DateSpec;

/// How a figure relates to the true value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// The value as printed.
    Exact,
    /// More than the value.
    Over,
    /// Less than the value (`under 0.5 m`).
    Under,
    /// Less than the value (`less than 3%`).
    LessThan,
    /// The value or more.
    AtLeast,
    /// The value or less.
    AtMost,
    /// Anything up to the value (`up to 30 days`).
    UpTo,
    /// Roughly the value.
    Approximately,
    /// No longer than the value (durations).
    Within,
}

impl Qualifier {
    /// Every qualifier that can be written in a data file.
    pub const WRITTEN: [Qualifier; 8] = [
        Qualifier::Over,
        Qualifier::Under,
        Qualifier::LessThan,
        Qualifier::AtLeast,
        Qualifier::AtMost,
        Qualifier::UpTo,
        Qualifier::Approximately,
        Qualifier::Within,
    ];

    /// As written in the data file (`Exact` is written by leaving it out).
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::LessThan => "less_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::UpTo => "up_to",
            Qualifier::Approximately => "approximately",
            Qualifier::Within => "within",
        }
    }

    /// Parses a qualifier as written in the data file.
    pub fn parse(s: &str) -> Option<Qualifier> {
        if s == "exact" {
            return Some(Qualifier::Exact);
        }
        Qualifier::WRITTEN.into_iter().find(|q| q.as_str() == s)
    }

    /// The words put before the number for people (empty when exact).
    pub fn words(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::LessThan => "less than",
            Qualifier::AtLeast => "at least",
            Qualifier::AtMost => "at most",
            Qualifier::UpTo => "up to",
            Qualifier::Approximately => "approximately",
            Qualifier::Within => "within",
        }
    }
}

/// The word after a figure's number that says how large its unit is: `HKD 8 billion`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scale {
    /// Thousands.
    Thousand,
    /// Millions.
    Million,
    /// Billions (thousands of millions).
    Billion,
    /// Trillions (millions of millions).
    Trillion,
}

impl Scale {
    /// Every scale, smallest first.
    pub const ALL: [Scale; 4] = [
        Scale::Thousand,
        Scale::Million,
        Scale::Billion,
        Scale::Trillion,
    ];

    /// As written in the data file, and as shown after the number.
    pub fn as_str(self) -> &'static str {
        match self {
            Scale::Thousand => "thousand",
            Scale::Million => "million",
            Scale::Billion => "billion",
            Scale::Trillion => "trillion",
        }
    }

    /// Parses a scale as written in the data file.
    pub fn parse(s: &str) -> Option<Scale> {
        Scale::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// The earlier figure a figure is compared to, in the same unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Baseline {
    /// The earlier number as printed.
    pub value: f64,
    /// The period the earlier number is for.
    pub period: Option<DateSpec>,
}

/// A figure given by the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Metric {
    /// What is measured.
    pub label: String,
    /// The number as printed (with a scale, the printed number: `8` for `HKD 8 billion`).
    pub value: f64,
    /// The upper end of a range (`2–8 °C`); never less than `value`.
    pub to: Option<f64>,
    /// Unit after the number, with the special forms `%`, `rank` and `score`.
    pub unit: Option<String>,
    /// Three-letter currency code written before the number (`HKD`); never with `unit`.
    pub currency: Option<String>,
    /// The scale word after the number (`billion`).
    pub scale: Option<Scale>,
    /// How the figure relates to the true value.
    pub qualifier: Qualifier,
    /// Rank: the size of the list; score: the maximum; any other unit: the whole.
    pub out_of: Option<f64>,
    /// Digits to show after the point at least (keeps printed trailing zeros: `3.50`).
    pub decimals: Option<u8>,
    /// The period the figure is for.
    pub period: Option<DateSpec>,
    /// The earlier figure it is compared to.
    pub baseline: Option<Baseline>,
    /// Groups comparable figures across entries.
    pub family: Option<String>,
}

impl Metric {
    /// A plain figure: `value` with `label`, everything else not given.
    pub fn new(label: impl Into<String>, value: f64) -> Self {
        Metric {
            label: label.into(),
            value,
            to: None,
            unit: None,
            currency: None,
            scale: None,
            qualifier: Qualifier::Exact,
            out_of: None,
            decimals: None,
            period: None,
            baseline: None,
            family: None,
        }
    }

    /// The unit, or `""` when there is none.
    pub fn unit_str(&self) -> &str {
        self.unit.as_deref().unwrap_or("")
    }

    /// Whether the figure is a rank (`54th of 250`).
    pub fn is_rank(&self) -> bool {
        self.unit.as_deref() == Some("rank")
    }

    /// Whether the figure is a score (`4.6 out of 5`).
    pub fn is_score(&self) -> bool {
        self.unit.as_deref() == Some("score")
    }
}
