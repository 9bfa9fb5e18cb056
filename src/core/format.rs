//! Formatting figures for people: thousands separators, units, qualifiers, ranks and currencies.

use crate::core::model::{Metric, Qualifier};

/// Formats a number with thousands separators and at most two decimals (`15,788`, `89.1`).
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
    let digits = whole.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{}{grouped}{fraction}", if negative { "-" } else { "" })
}

/// English ordinal suffix for a whole number (`1st`, `12th`, `54th`, `103rd`).
pub fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{}{suffix}", format_number(n as f64))
}

fn is_currency(unit: &str) -> bool {
    unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase())
}

/// The value with its unit, without qualifier: `92%`, `RMB50,000`, `54th of 250`, `15,788 participants`.
pub fn value_with_unit(metric: &Metric) -> String {
    let number = format_number(metric.value);
    match metric.unit.as_str() {
        "%" => format!("{number}%"),
        "rank" => {
            let place = if metric.value >= 0.0 && metric.value.fract() == 0.0 {
                ordinal(metric.value as u64)
            } else {
                number
            };
            match metric.out_of {
                Some(n) => format!("{place} of {}", format_number(n)),
                None => place,
            }
        }
        unit if is_currency(unit) => format!("{unit}{number}"),
        unit => format!("{number} {unit}"),
    }
}

/// The figure as a person reads it: `over 92%`, `at least 80%`, `within 24 hours`.
pub fn format_metric(metric: &Metric) -> String {
    let value = value_with_unit(metric);
    match metric.qualifier {
        Qualifier::Exact => value,
        q => format!("{} {value}", q.words()),
    }
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

    fn m(value: f64, unit: &str, qualifier: Qualifier, out_of: Option<f64>) -> Metric {
        Metric {
            label: "x".into(),
            value,
            unit: unit.into(),
            qualifier,
            out_of,
            family: None,
        }
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
    fn ordinals() {
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(2), "2nd");
        assert_eq!(ordinal(3), "3rd");
        assert_eq!(ordinal(11), "11th");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(ordinal(54), "54th");
        assert_eq!(ordinal(113), "113th");
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
        assert_eq!(
            format_metric(&m(50000.0, "RMB", Over, None)),
            "over RMB50,000"
        );
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
    fn counts() {
        use crate::core::model::Kind;
        assert_eq!(Kind::Award.count(1), "1 award");
        assert_eq!(Kind::Initiative.count(25), "25 initiatives");
        assert_eq!(count_noun(1, "entry", "entries"), "1 entry");
        assert_eq!(count_noun(1200, "entry", "entries"), "1,200 entries");
    }
}
