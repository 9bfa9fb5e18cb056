//! Formatting figures for people, exactly as the report prints them: the number's own digits
//! (never rounded, never in exponent form), currencies, scales, units, qualifiers, ranges, ranks,
//! scores, periods and baselines; and counts with thousands separators.

use crate::core::date::DateSpec;
use crate::core::model::{Metric, Qualifier};

/// Puts thousands separators into a run of ASCII digits: `4200000` → `4,200,000`.
fn group_digits(digits: &str) -> String {
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    grouped
}

/// Formats a count or measure with thousands separators and at most two decimals
/// (`15,788`, `89.1`). For a report's own figures use [`printed_number`], which never rounds.
pub fn format_number(value: f64) -> String {
    let negative = value < 0.0;
    let rounded = (value.abs() * 100.0).round() / 100.0;
    let whole = rounded.trunc() as u64;
    let mut fraction = format!("{:.2}", rounded.fract());
    // "0.10" -> ".1", "0.00" -> ""
    fraction = fraction
        .trim_start_matches('0')
        .trim_end_matches('0')
        .to_owned();
    if fraction == "." {
        fraction.clear();
    }
    let grouped = group_digits(&whole.to_string());
    format!("{}{grouped}{fraction}", if negative { "-" } else { "" })
}

/// A figure's number as printed: the shortest digits that read back as exactly `value`, with
/// thousands separators and never in exponent form (`2.125`, `0.0042`, `4,200,000`,
/// `0.0000001`), and with at least `decimals` digits after the point (`3.5` with 2 → `3.50`).
/// Digits are never dropped, so nothing is rounded.
pub fn printed_number(value: f64, decimals: Option<u8>) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    // `Display` for f64 writes the shortest round-trip digits, in positional notation.
    let text = value.abs().to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 2);
    if value < 0.0 {
        out.push('-');
    }
    out.push_str(&group_digits(whole));
    let pad = usize::from(decimals.unwrap_or(0)).saturating_sub(fraction.len());
    if !fraction.is_empty() || pad > 0 {
        out.push('.');
        out.push_str(fraction);
        out.extend(std::iter::repeat_n('0', pad));
    }
    out
}

/// The English ordinal suffix for a number written in digits (`st`, `nd`, `rd`, `th`).
fn ordinal_suffix(digits: &str) -> &'static str {
    let last = |k: usize| digits.len().checked_sub(k).map(|i| &digits[i..]);
    let tens = last(2).and_then(|t| t.parse::<u8>().ok());
    match (digits.as_bytes().last(), tens) {
        (_, Some(11..=13)) => "th",
        (Some(b'1'), _) => "st",
        (Some(b'2'), _) => "nd",
        (Some(b'3'), _) => "rd",
        _ => "th",
    }
}

/// English ordinal for a whole number (`1st`, `12th`, `54th`, `103rd`, `1,001st`).
pub fn ordinal(n: u64) -> String {
    let digits = n.to_string();
    format!("{}{}", group_digits(&digits), ordinal_suffix(&digits))
}

/// A place in a ranking: `54th` for a whole number, else the number as printed.
fn place(value: f64, decimals: Option<u8>) -> String {
    let number = printed_number(value, decimals);
    if value >= 1.0 && value.fract() == 0.0 && !number.contains('.') {
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        format!("{number}{}", ordinal_suffix(&digits))
    } else {
        number
    }
}

/// `numbers` (one number, a range or a place) with the figure's currency, scale and unit
/// around it, and with `out_of` when `whole` is set.
fn with_unit(metric: &Metric, numbers: &str, whole: bool) -> String {
    let mut out = String::new();
    if let Some(c) = &metric.currency {
        out.push_str(c);
        out.push(' ');
    }
    out.push_str(numbers);
    if let Some(scale) = metric.scale {
        out.push(' ');
        out.push_str(scale.as_str());
    }
    let of = metric
        .out_of
        .filter(|_| whole)
        .map(|n| printed_number(n, None));
    match (metric.unit.as_deref(), of) {
        (Some("score"), Some(of)) => out.push_str(&format!(" out of {of}")),
        (Some("rank") | None, Some(of)) => out.push_str(&format!(" of {of}")),
        (Some("rank" | "score") | None, None) => {}
        (Some("%"), of) => {
            if let Some(of) = of {
                out.push_str(&format!(" of {of}"));
            }
            out.push('%');
        }
        (Some(unit), Some(of)) => out.push_str(&format!(" of {of} {unit}")),
        (Some(unit), None) => {
            out.push(' ');
            out.push_str(unit);
        }
    }
    out
}

/// The value (or range) with its currency, scale and unit, without qualifier, period or
/// baseline: `92%`, `RMB 50,000`, `HKD 8 billion`, `2–8 °C`, `54th of 250`, `4.6 out of 5`,
/// `11 of 15 sites`, `15,788 participants`.
pub fn value_with_unit(metric: &Metric) -> String {
    let number = |v: f64| {
        if metric.is_rank() {
            place(v, metric.decimals)
        } else {
            printed_number(v, metric.decimals)
        }
    };
    let numbers = match metric.to {
        Some(to) => format!("{}–{}", number(metric.value), number(to)),
        None => number(metric.value),
    };
    with_unit(metric, &numbers, true)
}

/// A period after a figure: ` in 2023`, ` in Q3 2019`, ` since 2017` (open ranges say their own word).
fn period_phrase(period: &DateSpec) -> String {
    let shown = period.to_string();
    if shown.starts_with("since ") || shown.starts_with("until ") {
        format!(" {shown}")
    } else {
        format!(" in {shown}")
    }
}

/// The figure as a person reads it: `over 92%`, `under 0.5 m`, `HKD 8 billion`,
/// `0.0042 in 2023, down from 0.0061 in 2012`.
pub fn format_metric(metric: &Metric) -> String {
    let mut out = match metric.qualifier {
        Qualifier::Exact => value_with_unit(metric),
        q => format!("{} {}", q.words(), value_with_unit(metric)),
    };
    if let Some(p) = &metric.period {
        out.push_str(&period_phrase(p));
    }
    if let Some(b) = &metric.baseline {
        let direction = if metric.value < b.value {
            "down from"
        } else if metric.value > b.value {
            "up from"
        } else {
            "unchanged from"
        };
        let number = if metric.is_rank() {
            place(b.value, metric.decimals)
        } else {
            printed_number(b.value, metric.decimals)
        };
        // The earlier list size or maximum may differ: the baseline shows none.
        out.push_str(&format!(
            ", {direction} {}",
            with_unit(metric, &number, false)
        ));
        if let Some(p) = &b.period {
            out.push_str(&period_phrase(p));
        }
    }
    out
}

/// `1 entry`, `2 entries`: a count with the right noun form.
pub fn count_noun(n: usize, singular: &str, plural: &str) -> String {
    format!(
        "{} {}",
        format_number(n as f64),
        if n == 1 { singular } else { plural }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Baseline, Scale};

    fn m(value: f64, unit: &str, qualifier: Qualifier, out_of: Option<f64>) -> Metric {
        Metric {
            unit: (!unit.is_empty()).then(|| unit.into()),
            qualifier,
            out_of,
            ..Metric::new("x", value)
        }
    }

    fn money(value: f64, currency: &str, scale: Option<Scale>) -> Metric {
        Metric {
            currency: Some(currency.into()),
            scale,
            ..Metric::new("x", value)
        }
    }

    fn date(s: &str) -> Option<DateSpec> {
        Some(DateSpec::parse(s).unwrap())
    }

    #[test]
    fn numbers() {
        assert_eq!(format_number(0.0), "0");
        assert_eq!(format_number(15788.0), "15,788");
        assert_eq!(format_number(974739.0), "974,739");
        assert_eq!(format_number(1234567.0), "1,234,567");
        assert_eq!(format_number(89.1), "89.1");
        assert_eq!(format_number(0.25), "0.25");
        assert_eq!(format_number(-1500.5), "-1,500.5");
        assert_eq!(format_number(100.0), "100");
    }

    #[test]
    fn printed_numbers_keep_every_digit_and_never_round() {
        assert_eq!(printed_number(2.125, None), "2.125");
        assert_eq!(printed_number(0.0042, None), "0.0042");
        assert_eq!(printed_number(4_200_000.0, None), "4,200,000");
        assert_eq!(printed_number(1234.5678, None), "1,234.5678");
        assert_eq!(printed_number(-1500.25, None), "-1,500.25");
        assert_eq!(printed_number(-0.0, None), "0");
        assert_eq!(printed_number(0.1 + 0.2, None), "0.30000000000000004");
    }

    #[test]
    fn decimals_pad_trailing_zeros_but_never_cut_digits() {
        assert_eq!(printed_number(3.5, Some(2)), "3.50");
        assert_eq!(printed_number(1.0, Some(2)), "1.00");
        assert_eq!(printed_number(1500.0, Some(1)), "1,500.0");
        assert_eq!(printed_number(2.125, Some(2)), "2.125");
        assert_eq!(printed_number(7.0, Some(0)), "7");
    }

    #[test]
    fn huge_and_tiny_numbers_print_without_an_exponent() {
        assert_eq!(printed_number(1e21, None), "1,000,000,000,000,000,000,000");
        assert_eq!(printed_number(1e-7, None), "0.0000001");
        assert_eq!(printed_number(-2.5e-10, None), "-0.00000000025");
        let max = printed_number(f64::MAX, None);
        assert!(!max.contains(['e', 'E']) && max.starts_with("179,769,313"));
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(2), "2nd");
        assert_eq!(ordinal(3), "3rd");
        assert_eq!(ordinal(11), "11th");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(ordinal(54), "54th");
        assert_eq!(ordinal(113), "113th");
        assert_eq!(ordinal(1001), "1,001st");
    }

    #[test]
    fn metrics_read_naturally() {
        use Qualifier::*;
        assert_eq!(
            format_metric(&m(15788.0, "participants", Exact, None)),
            "15,788 participants"
        );
        assert_eq!(format_metric(&m(92.0, "%", Over, None)), "over 92%");
        assert_eq!(format_metric(&m(80.0, "%", AtLeast, None)), "at least 80%");
        assert_eq!(
            format_metric(&m(24.0, "hours", Within, None)),
            "within 24 hours"
        );
        let rmb = Metric {
            qualifier: Over,
            ..money(50000.0, "RMB", None)
        };
        assert_eq!(format_metric(&rmb), "over RMB 50,000");
        assert_eq!(
            format_metric(&m(54.0, "rank", Exact, Some(250.0))),
            "54th of 250"
        );
        assert_eq!(
            format_metric(&m(89.1, "points", Exact, None)),
            "89.1 points"
        );
        assert_eq!(
            format_metric(&m(10.0, "subsidiaries", AtMost, None)),
            "at most 10 subsidiaries"
        );
        assert_eq!(
            format_metric(&m(5.0, "units", Approximately, None)),
            "approximately 5 units"
        );
    }

    #[test]
    fn units_currencies_and_scales_sit_where_the_report_prints_them() {
        use Qualifier::*;
        assert_eq!(
            format_metric(&m(4_200_000.0, "TEU", Exact, None)),
            "4,200,000 TEU"
        );
        assert_eq!(
            format_metric(&money(8.0, "HKD", Some(Scale::Billion))),
            "HKD 8 billion"
        );
        assert_eq!(
            format_metric(&money(120.0, "EUR", Some(Scale::Thousand))),
            "EUR 120 thousand"
        );
        let customers = Metric {
            scale: Some(Scale::Million),
            ..m(1.2, "customers", Exact, None)
        };
        assert_eq!(format_metric(&customers), "1.2 million customers");
        let trillion = Metric {
            scale: Some(Scale::Trillion),
            ..Metric::new("x", 3.0)
        };
        assert_eq!(format_metric(&trillion), "3 trillion");
        assert_eq!(format_metric(&m(0.5, "m", Under, None)), "under 0.5 m");
        assert_eq!(format_metric(&m(3.0, "%", LessThan, None)), "less than 3%");
        assert_eq!(format_metric(&m(30.0, "days", UpTo, None)), "up to 30 days");
        assert_eq!(format_metric(&m(0.0042, "", Exact, None)), "0.0042");
        let coupon = Metric {
            decimals: Some(2),
            ..m(3.5, "%", Exact, None)
        };
        assert_eq!(format_metric(&coupon), "3.50%");
    }

    #[test]
    fn ranges_scores_and_parts_of_a_whole() {
        use Qualifier::*;
        let cold = Metric {
            to: Some(8.0),
            ..m(2.0, "°C", Exact, None)
        };
        assert_eq!(format_metric(&cold), "2–8 °C");
        let share = Metric {
            to: Some(40.0),
            ..m(30.0, "%", Approximately, None)
        };
        assert_eq!(format_metric(&share), "approximately 30–40%");
        let bonds = Metric {
            to: Some(8.0),
            ..money(2.5, "HKD", Some(Scale::Billion))
        };
        assert_eq!(format_metric(&bonds), "HKD 2.5–8 billion");
        assert_eq!(
            format_metric(&m(4.6, "score", Exact, Some(5.0))),
            "4.6 out of 5"
        );
        assert_eq!(
            format_metric(&m(11.0, "sites", Exact, Some(15.0))),
            "11 of 15 sites"
        );
        assert_eq!(format_metric(&m(3.0, "", Exact, Some(4.0))), "3 of 4");
        assert_eq!(format_metric(&m(1.0, "rank", Exact, None)), "1st");
        let top = Metric {
            to: Some(3.0),
            ..m(1.0, "rank", Exact, Some(100.0))
        };
        assert_eq!(format_metric(&top), "1st–3rd of 100");
    }

    #[test]
    fn periods_and_baselines() {
        let ltifr = Metric {
            period: date("2023"),
            baseline: Some(Baseline {
                value: 0.0061,
                period: date("2012"),
            }),
            ..Metric::new("LTIFR", 0.0042)
        };
        assert_eq!(
            format_metric(&ltifr),
            "0.0042 in 2023, down from 0.0061 in 2012"
        );
        let up = Metric {
            period: date("2023"),
            baseline: Some(Baseline {
                value: 85.0,
                period: date("2020-09"),
            }),
            ..m(92.0, "%", Qualifier::Over, None)
        };
        assert_eq!(
            format_metric(&up),
            "over 92% in 2023, up from 85% in Sep 2020"
        );
        let same = Metric {
            baseline: Some(Baseline {
                value: 120.0,
                period: None,
            }),
            ..money(120.0, "EUR", Some(Scale::Thousand))
        };
        assert_eq!(
            format_metric(&same),
            "EUR 120 thousand, unchanged from EUR 120 thousand"
        );
        let rank = Metric {
            baseline: Some(Baseline {
                value: 60.0,
                period: date("2020"),
            }),
            ..m(54.0, "rank", Qualifier::Exact, Some(250.0))
        };
        assert_eq!(format_metric(&rank), "54th of 250, down from 60th in 2020");
    }

    #[test]
    fn counts() {
        use crate::core::model::Kind;
        assert_eq!(Kind::Award.count(1), "1 award");
        assert_eq!(Kind::Initiative.count(25), "25 initiatives");
        assert_eq!(count_noun(1, "entry", "entries"), "1 entry");
        assert_eq!(count_noun(1200, "entry", "entries"), "1,200 entries");
    }

    /// Property tests (native only: proptest is not built for wasm).
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Whatever the number, the digits shown read back as exactly that number.
            #[test]
            fn printed_numbers_read_back_exactly(bits in any::<u64>(), decimals in 0u8..=10) {
                let value = f64::from_bits(bits);
                prop_assume!(value.is_finite());
                for d in [None, Some(decimals)] {
                    let shown = printed_number(value, d);
                    prop_assert!(!shown.contains(['e', 'E']), "{shown}");
                    let back: f64 = shown.replace(',', "").parse().unwrap();
                    prop_assert_eq!(back, if value == 0.0 { 0.0 } else { value }, "{}", shown);
                }
            }

            /// Ordinary-sized numbers, as figures have them, read back exactly too.
            #[test]
            fn everyday_numbers_read_back_exactly(value in -1e12f64..1e12) {
                let shown = printed_number(value, None);
                let back: f64 = shown.replace(',', "").parse().unwrap();
                prop_assert_eq!(back, value);
            }
        }
    }
}
