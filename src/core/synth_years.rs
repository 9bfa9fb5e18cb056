//! Deterministic multi-year catalogues for tests: one organisation's reports over several years, with figures that form series across them.
//!
//! [`generate_catalogue`] writes a `catalogue.json` (see `docs/catalogue.md`) and one
//! `report-explorer/2` report per year. Every year has the same [`STABLE`] subsidiaries
//! (taken from `core::synth`'s organisation) and the same category tree, and each stable
//! subsidiary has one "Key figures" entry per year whose figures keep their family and unit
//! from year to year while their values drift ([`SERIES_FAMILIES`]): a percentage, a rank out
//! of a fixed list size, an amount in HKD million, tonnes and a score out of 5. One
//! subsidiary writes its amount in billions in the last year (the same unit once the scale
//! is normalised) and its emissions as `approximately` in the second year.
//!
//! Some figures must never be compared, and are written so ([`NOT_COMPARABLE`]): water use
//! changes unit (`m³` to `megalitres`), training hours gain an `over` qualifier, a service
//! score changes its maximum (out of 5, then out of 10) and a headcount becomes a range.
//!
//! Coverage differs between years for the compare view: [`NEWCOMER`] appears only from the
//! second year on and the category [`PILOT_CATEGORY`] only in the first year. The rest of
//! each year's entries are plain initiatives spread over the subsidiaries and categories.
//! The same arguments always give the same text.

use crate::core::synth::{slug, Rng, CATEGORIES, SUBSIDIARIES};
use serde_json::{json, Value};

/// How many of `core::synth`'s subsidiaries report every year.
pub const STABLE: usize = 8;

/// The subsidiary present only from the second year on.
pub const NEWCOMER: &str = "Meridian Innovation Lab";

/// The category present only in the first year.
pub const PILOT_CATEGORY: &str = "pilot-schemes";

/// The families every stable subsidiary reports every year in the same unit.
pub const SERIES_FAMILIES: [&str; 5] = [
    "customer-satisfaction",
    "brand-rank",
    "community-investment",
    "emissions",
    "service-rating",
];

/// The families whose unit, qualifier, range or maximum changes between years (never compared).
pub const NOT_COMPARABLE: [&str; 4] = ["water-use", "training-hours", "service-score", "headcount"];

/// The size of the ranked list every `brand-rank` is out of.
pub const RANK_LIST: u64 = 500;

/// One generated report: the path the catalogue gives and its JSON text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedReport {
    /// The catalogue id (`meridian-holdings-2019-en`).
    pub id: String,
    /// The year it covers.
    pub year: i32,
    /// Its path as the catalogue writes it (`data/meridian-holdings-2019-en.json`).
    pub path: String,
    /// The report's `report-explorer/2` JSON text.
    pub text: String,
}

/// A generated catalogue and its reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedCatalogue {
    /// The `catalogue.json` text.
    pub catalogue: String,
    /// One report per year, in the order of the years given.
    pub reports: Vec<GeneratedReport>,
}

/// Writes a catalogue of `org`'s reports for `years` (each `entries_per_year` entries, at
/// least the key-figure entries) and the reports, the same text for the same arguments.
pub fn generate_catalogue(
    org: &str,
    years: &[i32],
    entries_per_year: usize,
    seed: u64,
) -> GeneratedCatalogue {
    let org_slug = slug(org, 40);
    let org_slug = if org_slug.is_empty() {
        "org".to_owned()
    } else {
        org_slug
    };
    let mut sorted: Vec<i32> = years.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut reports = Vec::with_capacity(years.len());
    let mut listed = Vec::with_capacity(years.len());
    for &year in years {
        let id = format!("{org_slug}-{year}-en");
        let path = format!("data/{id}.json");
        let nth = sorted.iter().position(|y| *y == year).unwrap_or(0);
        let text = report(org, year, nth, sorted.len(), entries_per_year, seed);
        listed.push(json!({
            "id": id, "organisation": org, "period": year.to_string(),
            "title": format!("{org} {year} Sustainability Report"), "language": "en",
            "path": path,
        }));
        reports.push(GeneratedReport {
            id,
            year,
            path,
            text,
        });
    }
    let catalogue = pretty(&json!({
        "format": "report-explorer-catalogue/1",
        "reports": listed,
    }));
    GeneratedCatalogue { catalogue, reports }
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("plain data");
    text.push('\n');
    text
}

/// The subsidiaries of the `nth` of `years` years: the stable ones, and the newcomer after the first.
fn subsidiaries(nth: usize) -> Vec<(String, &'static str)> {
    let mut list: Vec<(String, &'static str)> = SUBSIDIARIES[..STABLE]
        .iter()
        .map(|(name, _)| (slug(name, 64), *name))
        .collect();
    if nth > 0 {
        list.push((slug(NEWCOMER, 64), NEWCOMER));
    }
    list
}

fn report(
    org: &str,
    year: i32,
    nth: usize,
    years: usize,
    entries_per_year: usize,
    seed: u64,
) -> String {
    let subs = subsidiaries(nth);
    let mut categories: Vec<Value> = CATEGORIES
        .iter()
        .map(|c| {
            let mut v = json!({"id": c.id, "name": c.name});
            if let Some(p) = c.parent {
                v["parent"] = json!(p);
            }
            v
        })
        .collect();
    if nth == 0 {
        categories.push(json!({"id": PILOT_CATEGORY, "name": "Pilot schemes"}));
    }
    let mut entries: Vec<Value> = Vec::with_capacity(entries_per_year.max(STABLE));
    for (i, (id, name)) in subs.iter().take(STABLE).enumerate() {
        entries.push(key_figures(
            id,
            name,
            year,
            nth,
            years,
            i,
            seed,
            subs.len() > STABLE,
        ));
    }
    let mut rng = Rng::new(seed ^ (year as u64).wrapping_mul(0x9e37_79b9));
    let plain = entries_per_year.saturating_sub(entries.len());
    for i in 0..plain {
        let (sub_id, sub_name) = &subs[rng.below(subs.len())];
        let category = if nth == 0 && i % 2 == 0 {
            PILOT_CATEGORY
        } else {
            CATEGORIES[rng.below(CATEGORIES.len())].id
        };
        let month = 1 + rng.below(12);
        let n = rng.between(5, 500);
        entries.push(json!({
            "id": format!("e{year}-{i}"),
            "kind": "initiative",
            "title": format!("{sub_name} programme {} ({year})", i + 1),
            "summary": format!("{sub_name} ran programme {} in {year}, reaching {n} people.", i + 1),
            "subsidiaries": [sub_id],
            "categories": [category],
            "date": format!("{year}-{month:02}"),
            "figures": [{"label": "People reached", "value": n, "unit": "people", "family": "people-reached", "period": year.to_string()}],
            "source": {"section": "Our programmes", "passage": format!("In {year}, programme {} reached {n} people.", i + 1)},
        }));
    }
    let subsidiaries: Vec<Value> = subs
        .iter()
        .map(|(id, name)| json!({"id": id, "name": name}))
        .collect();
    let mut out = String::with_capacity(2048 + entries.len() * 600);
    out.push_str("{\"format\":\"report-explorer/2\",\n\"report\":");
    out.push_str(&json!({
        "organisation": org,
        "title": format!("{org} {year} Sustainability Report"),
        "period": year.to_string(),
        "source": {"document": format!("{org} {year} Sustainability Report (synthetic, seed {seed})")},
        "language": "en",
    }).to_string());
    for (name, items) in [
        ("subsidiaries", subsidiaries),
        ("categories", categories),
        ("entries", entries),
    ] {
        out.push_str(&format!(",\n\"{name}\":["));
        for (i, item) in items.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            out.push_str(&item.to_string());
        }
        out.push_str("\n]");
    }
    out.push_str("}\n");
    out
}

/// A value drifting from `base` by a few percent a year, the same for the same inputs.
fn drift(seed: u64, sub: usize, family: usize, nth: usize, base: f64, step: f64) -> f64 {
    let mut rng = Rng::new(seed ^ ((sub as u64) << 32) ^ ((family as u64) << 16));
    let start = base * (0.8 + rng.below(40) as f64 / 100.0);
    let mut value = start;
    for _ in 0..nth {
        let change = rng.below(21) as f64 - 8.0; // -8 ..= +12 steps
        value += change * step;
    }
    value
}

/// A number rounded to `digits` decimals.
fn round(value: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (value * f).round() / f
}

/// The key-figure entry of stable subsidiary `sub` in the `nth` year.
#[allow(clippy::too_many_arguments)]
fn key_figures(
    id: &str,
    name: &str,
    year: i32,
    nth: usize,
    years: usize,
    sub: usize,
    seed: u64,
    shared: bool,
) -> Value {
    let period = year.to_string();
    let pct = round(drift(seed, sub, 0, nth, 80.0, 0.6).clamp(0.0, 100.0), 1);
    let rank = (drift(seed, sub, 1, nth, 200.0, 4.0).round() as u64).clamp(1, RANK_LIST);
    let amount = round(drift(seed, sub, 2, nth, 500.0, 12.0).max(1.0), 1);
    let tonnes = drift(seed, sub, 3, nth, 20_000.0, 300.0).max(1.0).round();
    let rating = round(drift(seed, sub, 4, nth, 4.0, 0.05).clamp(0.0, 5.0), 1);
    // Subsidiary 0 writes its amount in billions in the last year: HKD 0.5 billion is HKD 500 million.
    let amount_fig = if sub == 0 && nth + 1 == years && years > 1 {
        json!({"label": "Community investment", "value": round(amount / 1000.0, 4), "currency": "HKD", "scale": "billion", "family": "community-investment", "period": period})
    } else {
        json!({"label": "Community investment", "value": amount, "currency": "HKD", "scale": "million", "family": "community-investment", "period": period})
    };
    let mut emissions = json!({"label": "Greenhouse gas emissions", "value": tonnes, "unit": "tonnes", "family": "emissions", "period": period});
    if sub == 1 && nth == 1 {
        emissions["qualifier"] = json!("approximately");
    }
    // Never comparable: water use changes unit, training gains `over`, the score its maximum,
    // the headcount becomes a range.
    let water = if nth == 0 {
        json!({"label": "Water use", "value": round(drift(seed, sub, 5, 0, 90_000.0, 0.0), 0), "unit": "m³", "family": "water-use", "period": period})
    } else {
        json!({"label": "Water use", "value": round(drift(seed, sub, 5, nth, 90.0, 1.0), 1), "unit": "megalitres", "family": "water-use", "period": period})
    };
    let mut training = json!({"label": "Training hours", "value": drift(seed, sub, 6, nth, 10_000.0, 100.0).round(), "unit": "hours", "family": "training-hours", "period": period});
    if nth % 2 == 1 {
        training["qualifier"] = json!("over");
    }
    let score = if nth == 0 {
        json!({"label": "Service score", "value": 4.2, "unit": "score", "out_of": 5, "family": "service-score", "period": period})
    } else {
        json!({"label": "Service score", "value": round(8.0 + nth as f64 * 0.3, 1), "unit": "score", "out_of": 10, "family": "service-score", "period": period})
    };
    let staff = drift(seed, sub, 7, nth, 3_000.0, 40.0).round();
    let headcount = if nth == 0 {
        json!({"label": "Headcount", "value": staff, "unit": "employees", "family": "headcount", "period": period})
    } else {
        json!({"label": "Headcount", "value": staff, "to": staff + 200.0, "unit": "employees", "family": "headcount", "period": period})
    };
    let mut subsidiaries = vec![json!(id)];
    if shared && sub == 2 {
        subsidiaries.push(json!(slug(NEWCOMER, 64)));
    }
    json!({
        "id": format!("key-{id}-{year}"),
        "kind": "kpi",
        "title": format!("{name} key figures {year}"),
        "summary": format!("{name}'s key sustainability figures for {year}."),
        "subsidiaries": subsidiaries,
        "categories": ["governance"],
        "date": period,
        "figures": [
            {"label": "Customer satisfaction", "value": pct, "unit": "%", "family": "customer-satisfaction", "period": period},
            {"label": "Brand ranking", "value": rank, "unit": "rank", "out_of": RANK_LIST, "family": "brand-rank", "period": period},
            amount_fig,
            emissions,
            {"label": "Service rating", "value": rating, "unit": "score", "out_of": 5, "family": "service-rating", "period": period},
            water,
            training,
            score,
            headcount,
        ],
        "source": {"section": "Key figures", "passage": format!("{name} key figures for {year}.")},
    })
}

/// The generated catalogue's reports for `years`, loaded and merged as the app shows them
/// chosen together (see `core::editions::merge`). Panics if generated data does not load
/// cleanly, which would be a bug in this module.
pub fn merged_report(
    org: &str,
    years: &[i32],
    entries_per_year: usize,
    seed: u64,
) -> crate::core::model::Report {
    let generated = generate_catalogue(org, years, entries_per_year, seed);
    let catalogue = crate::core::catalogue::load_catalogue(&generated.catalogue)
        .expect("the generated catalogue loads");
    assert!(
        catalogue.problems().is_empty(),
        "{:?}",
        catalogue.problems()
    );
    let parts = catalogue
        .reports()
        .iter()
        .zip(&generated.reports)
        .map(|(c, r)| {
            let loaded = crate::core::load::load_report(&r.text).expect("a generated report loads");
            assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
            (c.clone(), loaded.report, loaded.problems)
        })
        .collect();
    crate::core::editions::merge(parts)
        .expect("at least one report")
        .0
}
