//! Validating an entry's figures one at a time: a bad figure is reported at its JSON path and
//! skipped on its own, while the entry and its other figures load.

use super::fields;
use super::items::unknown_fields;
use super::items::{has_unknown_fields, parse_at, quote_list, required_text};
use crate::core::currency::{is_code_shaped, is_currency};
use crate::core::date::{DateContext, DateSpec};
use crate::core::model::{Baseline, Metric, Qualifier, Scale};
use crate::core::problem::Problem;
use crate::core::raw::{RawBaseline, RawMetric};
use serde::Deserialize;
use serde_json::Value;

/// What a figure's `period` or `baseline.period` should look like.
const DATE_EXPECTED: &str = "a date such as `2023`, `2023-09`, `2023-09-30` or a range `2012/2023`";

/// Most digits `decimals` may ask for.
const MAX_DECIMALS: f64 = 10.0;

/// The figures of one entry that all parsed (the loader's fast path), written in the list
/// `list` (`figures`) of the entry at `entry` (`entries[2]`) in a file of format `version` (1 or 2). Each figure that breaks a
/// rule gets errors at its path and is left out; the others are returned in file order.
pub(super) fn parsed(
    raws: &[RawMetric],
    entry: &str,
    list: &str,
    version: u8,
    dates: &DateContext,
    problems: &mut Vec<Problem>,
) -> Vec<Metric> {
    raws.iter()
        .enumerate()
        .filter_map(|(j, raw)| {
            let base = format!("{entry}.{list}[{j}]");
            let mut metric = figure(raw, &base, version, dates, problems)?;
            fields::figure(&mut metric, &base, problems);
            Some(metric)
        })
        .collect()
}

/// The figures of one entry as JSON values (when some figure is not well formed, or has a
/// field the format does not define), checked as [`parsed`] does; a figure that does not
/// parse is reported at its exact path and left out alone. Unknown fields are warnings.
pub(super) fn figures(
    values: &[Value],
    entry: &str,
    list: &str,
    version: u8,
    dates: &DateContext,
    problems: &mut Vec<Problem>,
) -> Vec<Metric> {
    values
        .iter()
        .enumerate()
        .filter_map(|(j, value)| {
            let base = format!("{entry}.{list}[{j}]");
            if has_unknown_fields(value, RawMetric::FIELDS) {
                unknown_fields(value, RawMetric::FIELDS, &base, problems);
            }
            if let Some(b) = value.get("baseline") {
                if has_unknown_fields(b, RawBaseline::FIELDS) {
                    unknown_fields(
                        b,
                        RawBaseline::FIELDS,
                        &format!("{base}.baseline"),
                        problems,
                    );
                }
            }
            // Read straight from the value; only a figure that fails is read again for its path.
            let raw = match RawMetric::deserialize(value) {
                Ok(raw) => raw,
                Err(_) => {
                    problems.extend(parse_at::<RawMetric>(value.clone(), &base).err());
                    return None;
                }
            };
            let mut metric = figure(&raw, &base, version, dates, problems)?;
            fields::figure(&mut metric, &base, problems);
            Some(metric)
        })
        .collect()
}

/// Checks one parsed figure against the format's figure rules; `None` when one is broken
/// (each broken rule recorded as an error at its path).
pub(super) fn figure(
    raw: &RawMetric,
    base: &str,
    version: u8,
    dates: &DateContext,
    problems: &mut Vec<Problem>,
) -> Option<Metric> {
    let mut errors = Vec::new();
    let at = |field: &str| format!("{base}.{field}");
    let label = required_text(&raw.label, || at("label"), &mut errors);
    let value = raw.value;
    finite(value, || at("value"), &mut errors);
    if let Some(to) = raw.to {
        if finite(to, || at("to"), &mut errors) && value.is_finite() && to < value {
            errors.push(
                Problem::error(at("to"), format!("{to} is less than value {value}"))
                    .expected("a number not less than `value`"),
            );
        }
    }
    let mut unit = given(&raw.unit).map(str::to_owned);
    let mut currency = given(&raw.currency).map(str::to_owned);
    // Format 1 wrote a currency as the unit: `RMB` moves, `TEU` stays.
    if version == 1 && currency.is_none() && unit.as_deref().is_some_and(is_currency) {
        currency = unit.take();
    }
    if let Some(c) = &currency {
        if !is_code_shaped(c) {
            errors.push(
                Problem::error(at("currency"), format!("`{c}` is not a currency code"))
                    .expected("three capital letters, such as `HKD`, `RMB` or `USD`"),
            );
        } else if let Some(u) = &unit {
            errors.push(
                Problem::error(at("currency"), format!("is given together with unit `{u}`"))
                    .expected("either a currency or a unit, not both"),
            );
        }
    }
    let scale = match given(&raw.scale) {
        None => None,
        Some(s) => Scale::parse(s).or_else(|| {
            let names: Vec<&str> = Scale::ALL.iter().map(|s| s.as_str()).collect();
            errors.push(
                Problem::error(at("scale"), format!("unknown scale `{s}`"))
                    .expected(format!("one of {} or no scale", quote_list(&names))),
            );
            None
        }),
    };
    let qualifier = match given(&raw.qualifier) {
        None => Qualifier::Exact,
        Some(q) => Qualifier::parse(q).unwrap_or_else(|| {
            let names: Vec<&str> = Qualifier::WRITTEN.iter().map(|q| q.as_str()).collect();
            errors.push(
                Problem::error(at("qualifier"), format!("unknown qualifier `{q}`"))
                    .expected(format!("one of {} or no qualifier", quote_list(&names))),
            );
            Qualifier::Exact
        }),
    };
    out_of(raw, unit.as_deref(), base, &mut errors);
    let decimals = raw.decimals.and_then(|d| {
        if d.fract() == 0.0 && (0.0..=MAX_DECIMALS).contains(&d) {
            Some(d as u8)
        } else {
            errors.push(
                Problem::error(
                    at("decimals"),
                    format!("{d} is not a whole number from 0 to 10"),
                )
                .expected("the number of digits after the point, 0 to 10"),
            );
            None
        }
    });
    let period = date(raw.period.as_deref(), || at("period"), dates, &mut errors);
    let baseline = raw.baseline.as_ref().map(|b| {
        finite(b.value, || at("baseline.value"), &mut errors);
        Baseline {
            value: b.value,
            period: date(
                b.period.as_deref(),
                || at("baseline.period"),
                dates,
                &mut errors,
            ),
        }
    });
    let ok = errors.is_empty();
    problems.extend(errors);
    ok.then(|| Metric {
        label,
        value,
        to: raw.to,
        unit,
        currency,
        scale,
        qualifier,
        out_of: raw.out_of,
        decimals,
        period,
        baseline,
        family: given(&raw.family).map(str::to_owned),
    })
}

/// An optional text field's trimmed text, `None` when absent or blank.
fn given(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

/// Whether `n` is finite; an error at `path` when it is not.
fn finite(n: f64, path: impl FnOnce() -> String, errors: &mut Vec<Problem>) -> bool {
    let ok = n.is_finite();
    if !ok {
        errors.push(
            Problem::error(path(), format!("{n} is not a finite number")).expected("a number"),
        );
    }
    ok
}

/// The rules on `out_of` and on the value it bounds: positive; a rank is a whole place within
/// the list; a score needs its maximum and lies in 0 to it; a part is no more than the whole.
fn out_of(raw: &RawMetric, unit: Option<&str>, base: &str, errors: &mut Vec<Problem>) {
    let at = |field: &str| format!("{base}.{field}");
    let numbers = [("value", Some(raw.value)), ("to", raw.to)];
    let numbers = numbers
        .into_iter()
        .filter_map(|(field, n)| Some((field, n?)))
        .filter(|(_, n)| n.is_finite());
    let of = match raw.out_of {
        Some(n) if !n.is_finite() => {
            finite(n, || at("out_of"), errors);
            return;
        }
        Some(n) if n <= 0.0 => {
            errors.push(
                Problem::error(at("out_of"), format!("{n} is not greater than 0"))
                    .expected("a number greater than 0"),
            );
            return;
        }
        of => of,
    };
    match (unit, of) {
        (Some("rank"), of) => {
            if let Some(n) = of.filter(|n| n.fract() != 0.0) {
                errors.push(
                    Problem::error(at("out_of"), format!("{n} is not a whole number"))
                        .expected("the size of the ranked list, a whole number"),
                );
            }
            for (field, v) in numbers {
                if v < 1.0 || v.fract() != 0.0 {
                    errors.push(
                        Problem::error(at(field), format!("rank {v} is not a place 1, 2, 3, …"))
                            .expected("a whole number of 1 or more"),
                    );
                } else if let Some(n) = of.filter(|&n| v > n) {
                    errors.push(
                        Problem::error(at(field), format!("rank {v} is beyond the list size {n}"))
                            .expected("a rank no greater than `out_of`"),
                    );
                }
            }
        }
        (Some("score"), None) => errors.push(
            Problem::error(
                at("out_of"),
                "is missing; a score needs the maximum it is out of",
            )
            .expected("the highest possible score, such as `5` or `100`"),
        ),
        (Some("score"), Some(n)) => {
            for (field, v) in numbers {
                if !(0.0..=n).contains(&v) {
                    errors.push(
                        Problem::error(at(field), format!("score {v} is outside 0 to {n}"))
                            .expected("a score from 0 to `out_of`"),
                    );
                }
            }
        }
        (_, Some(n)) => {
            for (field, v) in numbers {
                if v > n {
                    errors.push(
                        Problem::error(at(field), format!("{v} is more than out_of {n}"))
                            .expected("a part no greater than the whole, `out_of`"),
                    );
                }
            }
        }
        (_, None) => {}
    }
}

/// A figure's date, or `None` with an error when it is not one.
fn date(
    text: Option<&str>,
    path: impl FnOnce() -> String,
    dates: &DateContext,
    errors: &mut Vec<Problem>,
) -> Option<DateSpec> {
    let text = text.map(str::trim).filter(|t| !t.is_empty())?;
    DateSpec::parse_in(text, dates)
        .map_err(|m| errors.push(Problem::error(path(), m).expected(DATE_EXPECTED)))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::format::format_metric;
    use crate::core::problem::Severity;
    use serde_json::json;

    /// The figures kept and the problems, as `path: message` lines.
    fn check(figs: Value, version: u8) -> (Vec<Metric>, Vec<String>) {
        let mut problems = Vec::new();
        let Value::Array(values) = figs else {
            panic!("an array")
        };
        let kept = figures(
            &values,
            "entries[2]",
            "figures",
            version,
            &DateContext::CALENDAR,
            &mut problems,
        );
        (
            kept,
            problems
                .iter()
                .map(|p| format!("{}: {}", p.path, p.message))
                .collect(),
        )
    }

    /// The one error a lone figure gets (and that it is skipped).
    fn error_of(fig: Value) -> String {
        let (kept, problems) = check(json!([fig]), 2);
        assert!(kept.is_empty(), "skipped: {problems:?}");
        assert_eq!(problems.len(), 1, "{problems:?}");
        problems[0].clone()
    }

    #[test]
    fn each_broken_rule_has_its_own_message_at_its_own_path() {
        let p = "entries[2].figures[0]";
        let cases = [
            (
                json!({"label": "Range", "value": 2, "to": 1}),
                format!("{p}.to: 1 is less than value 2"),
            ),
            (
                json!({"label": "Part", "value": 3, "unit": "sites", "out_of": 0}),
                format!("{p}.out_of: 0 is not greater than 0"),
            ),
            (
                json!({"label": "Part", "value": 16, "unit": "sites", "out_of": 15}),
                format!("{p}.value: 16 is more than out_of 15"),
            ),
            (
                json!({"label": "Part", "value": 10, "to": 16, "out_of": 15}),
                format!("{p}.to: 16 is more than out_of 15"),
            ),
            (
                json!({"label": "Rank", "value": 2.5, "unit": "rank", "out_of": 10}),
                format!("{p}.value: rank 2.5 is not a place 1, 2, 3, …"),
            ),
            (
                json!({"label": "Rank", "value": 0, "unit": "rank"}),
                format!("{p}.value: rank 0 is not a place 1, 2, 3, …"),
            ),
            (
                json!({"label": "Rank", "value": 3, "unit": "rank", "out_of": 10.5}),
                format!("{p}.out_of: 10.5 is not a whole number"),
            ),
            (
                json!({"label": "Rank", "value": 300, "unit": "rank", "out_of": 250}),
                format!("{p}.value: rank 300 is beyond the list size 250"),
            ),
            (
                json!({"label": "Score", "value": 4.6, "unit": "score"}),
                format!("{p}.out_of: is missing; a score needs the maximum it is out of"),
            ),
            (
                json!({"label": "Score", "value": 6, "unit": "score", "out_of": 5}),
                format!("{p}.value: score 6 is outside 0 to 5"),
            ),
            (
                json!({"label": "Score", "value": -1, "unit": "score", "out_of": 5}),
                format!("{p}.value: score -1 is outside 0 to 5"),
            ),
            (
                json!({"label": "Money", "value": 8, "currency": "hkd"}),
                format!("{p}.currency: `hkd` is not a currency code"),
            ),
            (
                json!({"label": "Money", "value": 8, "currency": "HKDX"}),
                format!("{p}.currency: `HKDX` is not a currency code"),
            ),
            (
                json!({"label": "Money", "value": 8, "currency": "HKD", "unit": "bonds"}),
                format!("{p}.currency: is given together with unit `bonds`"),
            ),
            (
                json!({"label": "Coupon", "value": 3.5, "decimals": 11}),
                format!("{p}.decimals: 11 is not a whole number from 0 to 10"),
            ),
            (
                json!({"label": "Coupon", "value": 3.5, "decimals": 1.5}),
                format!("{p}.decimals: 1.5 is not a whole number from 0 to 10"),
            ),
            (
                json!({"label": "Coupon", "value": 3.5, "decimals": -1}),
                format!("{p}.decimals: -1 is not a whole number from 0 to 10"),
            ),
            (
                json!({"label": "Money", "value": 8, "scale": "millions"}),
                format!("{p}.scale: unknown scale `millions`"),
            ),
            (
                json!({"label": "Share", "value": 8, "qualifier": "roughly"}),
                format!("{p}.qualifier: unknown qualifier `roughly`"),
            ),
            (
                json!({"label": "Rate", "value": 8, "period": "2023-13"}),
                format!("{p}.period: `2023-13` has month 13, outside 1-12"),
            ),
            (
                json!({"label": "Rate", "value": 8, "baseline": {"value": 9, "period": "last year"}}),
                format!(
                    "{p}.baseline.period: {}",
                    DateSpec::parse("last year").unwrap_err()
                ),
            ),
            (
                json!({"label": "Rate", "value": 8, "baseline": {"period": "2012"}}),
                format!("{p}.baseline.value: missing field `value`"),
            ),
            (
                json!({"label": "Rate", "value": "8"}),
                format!("{p}.value: invalid type: string \"8\", expected f64"),
            ),
            (
                json!({"label": " ", "value": 8}),
                format!("{p}.label: is empty"),
            ),
        ];
        for (fig, want) in cases {
            assert_eq!(error_of(fig.clone()), want, "{fig}");
        }
    }

    #[test]
    fn non_finite_numbers_are_errors() {
        let raw = RawMetric {
            label: "x".into(),
            value: f64::NAN,
            to: None,
            unit: None,
            currency: None,
            scale: None,
            qualifier: None,
            out_of: Some(f64::INFINITY),
            decimals: None,
            period: None,
            baseline: Some(RawBaseline {
                value: f64::NEG_INFINITY,
                period: None,
            }),
            family: None,
        };
        let mut problems = Vec::new();
        assert!(figure(&raw, "f", 2, &DateContext::CALENDAR, &mut problems).is_none());
        let said: Vec<String> = problems
            .iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect();
        assert_eq!(
            said,
            [
                "f.value: NaN is not a finite number",
                "f.out_of: inf is not a finite number",
                "f.baseline.value: -inf is not a finite number",
            ]
        );
    }

    #[test]
    fn a_bad_figure_is_skipped_alone_and_the_others_are_kept() {
        let (kept, problems) = check(
            json!([
                {"label": "Good", "value": 1},
                {"label": "Bad", "value": 2, "to": 1},
                {"label": "Also good", "value": 3, "unit": "%"},
            ]),
            2,
        );
        let labels: Vec<&str> = kept.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(labels, ["Good", "Also good"]);
        assert_eq!(
            problems,
            ["entries[2].figures[1].to: 1 is less than value 2"]
        );
    }

    #[test]
    fn blank_or_null_optional_fields_mean_not_given() {
        let (kept, problems) = check(
            json!([{"label": "x", "value": 1, "unit": " ", "currency": null, "scale": "",
                    "qualifier": null, "period": "", "family": " "}]),
            2,
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(kept, [Metric::new("x", 1.0)]);
    }

    #[test]
    fn unknown_fields_are_warnings_and_the_figure_loads() {
        let mut problems = Vec::new();
        let kept = figures(
            &[
                json!({"label": "x", "value": 1, "units": "%", "baseline": {"value": 2, "year": 2020}}),
            ],
            "entries[0]",
            "figures",
            2,
            &DateContext::CALENDAR,
            &mut problems,
        );
        assert_eq!(kept.len(), 1);
        let said: Vec<(Severity, &str)> = problems
            .iter()
            .map(|p| (p.severity, p.path.as_str()))
            .collect();
        assert_eq!(
            said,
            [
                (Severity::Warning, "entries[0].figures[0].units"),
                (Severity::Warning, "entries[0].figures[0].baseline.year"),
            ]
        );
    }

    #[test]
    fn format_1_currency_units_become_currencies_and_other_units_stay() {
        let figs = json!([
            {"label": "Donations", "value": 50000, "unit": "RMB", "qualifier": "over"},
            {"label": "Throughput", "value": 4200000, "unit": "TEU"},
            {"label": "Bonds", "value": 8, "unit": "HKD", "scale": "billion"},
            {"label": "Lower case", "value": 8, "unit": "hkd"},
        ]);
        let (kept, problems) = check(figs.clone(), 1);
        assert!(problems.is_empty(), "{problems:?}");
        let units: Vec<(Option<&str>, Option<&str>)> = kept
            .iter()
            .map(|m| (m.currency.as_deref(), m.unit.as_deref()))
            .collect();
        assert_eq!(
            units,
            [
                (Some("RMB"), None),
                (None, Some("TEU")),
                (Some("HKD"), None),
                (None, Some("hkd")),
            ]
        );
        let shown: Vec<String> = kept.iter().map(format_metric).collect();
        assert_eq!(
            shown,
            ["over RMB 50,000", "4,200,000 TEU", "HKD 8 billion", "8 hkd"]
        );
        // Format 2 files say what they mean: a unit stays a unit.
        let (kept, _) = check(figs, 2);
        assert_eq!(kept[0].unit.as_deref(), Some("RMB"));
        assert_eq!(kept[0].currency, None);
    }

    #[test]
    fn the_showcase_figures_display_as_the_spec_says() {
        let text = include_str!("../../../tests/fixtures/format2/showcase.json");
        let file: Value = serde_json::from_str(text).unwrap();
        let mut shown = Vec::new();
        for (i, e) in file["entries"].as_array().unwrap().iter().enumerate() {
            let Some(Value::Array(figs)) = e.get("figures") else {
                continue;
            };
            let mut problems = Vec::new();
            let kept = figures(
                figs,
                &format!("entries[{i}]"),
                "figures",
                2,
                &DateContext::CALENDAR,
                &mut problems,
            );
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(kept.len(), figs.len());
            shown.extend(
                kept.iter()
                    .map(|m| format!("{}: {}", m.label, format_metric(m))),
            );
        }
        assert_eq!(
            shown,
            [
                "Lost time injury frequency rate: 0.0042 in 2023, down from 0.0061 in 2012",
                "Throughput: 4,200,000 TEU",
                "Berth availability: 2.125%",
                "Green bonds issued: HKD 8 billion",
                "Coupon: 3.50%",
                "Storage temperature: 2–8 °C",
                "Booking notice: up to 30 days",
                "Temperature excursions: less than 3%",
                "Maximum load sway: under 0.5 m",
                "Fine: EUR 120 thousand",
                "Engagement score: 4.6 out of 5",
                "Sites passing the audit: 11 of 15 sites",
                "Port ranking: 54th of 250",
            ]
        );
    }
}
