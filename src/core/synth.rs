//! Deterministic synthetic reports in the documented format, shaped like a real ESG report, for benchmarks and tests at scale.
//!
//! [`generate`] writes the JSON text of a report with a fixed organisation (about 50
//! subsidiaries, a 32-category tree three levels deep) and as many entries as asked.
//! Entries mix every kind, every date precision (day, month, year, ranges) and undated
//! ones over 15 years, carry 0-3 figures in several families and units, and read like
//! report text made from a vocabulary of a few hundred ESG words, so that searches hit
//! different numbers of entries. The same `(entries, seed)` always gives the same bytes:
//! a small local PRNG drives every choice and nothing depends on the platform.

use crate::core::format::format_metric;
use crate::core::model::{Kind, Metric, Qualifier, FORMAT_1};
use serde::Serialize;

/// The first and last year entries are dated in.
const FIRST_YEAR: u32 = 2010;
const LAST_YEAR: u32 = 2024;

/// The organisation every synthetic report is about.
const ORGANISATION: &str = "Meridian Holdings";

/// Writes a valid `report-explorer/1` report with `entries` entries, the same text for the same
/// `(entries, seed)`.
///
/// Subsidiaries and categories are the same for every seed; the entries differ by seed. For
/// one seed, entry `i` is the same whatever the total, so a smaller report's entries are the
/// first entries of a larger one. Each subsidiary, category and entry sits on a line of its
/// own, so the text diffs and greps well.
pub fn generate(entries: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let vocabulary = Vocabulary::new();
    let mut out = String::with_capacity(4096 + entries * 720);
    out.push_str("{\"format\":");
    out.push_str(&json(&FORMAT_1));
    out.push_str(",\n\"report\":");
    out.push_str(&json(&RawReport {
        organisation: ORGANISATION,
        title: format!("{ORGANISATION} {LAST_YEAR} Environmental, Social and Governance Report"),
        period: LAST_YEAR.to_string(),
        source: RawReportSource {
            document: format!(
                "{ORGANISATION} {LAST_YEAR} ESG Report (synthetic: {entries} entries, seed {seed})"
            ),
            chapter: "All chapters",
        },
        language: "en",
    }));
    out.push_str(",\n\"subsidiaries\":[");
    for (i, (name, sector)) in SUBSIDIARIES.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&json(&RawSubsidiary {
            id: slug(name, 64),
            name,
            sector: *sector,
        }));
    }
    out.push_str("\n],\n\"categories\":[");
    for (i, category) in CATEGORIES.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&json(&RawCategory {
            id: category.id,
            name: category.name,
            parent: category.parent,
        }));
    }
    out.push_str("\n],\n\"entries\":[");
    for i in 0..entries {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        let entry = entry(i, &mut rng, &vocabulary);
        out.push_str(&json(&entry));
    }
    out.push_str(if entries == 0 { "]}\n" } else { "\n]}\n" });
    out
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("synthetic report parts are plain data")
}

// ---------------------------------------------------------------------------------------------
// Pseudo-random numbers

/// SplitMix64: tiny, fast, and good enough to make data look varied. Integer-only, so the
/// output is the same on every platform.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed ^ 0x6a09_e667_f3bc_c908)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    pub(crate) fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below((hi - lo + 1) as usize) as u64
    }

    /// True with probability `percent`/100.
    pub(crate) fn percent(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index into `weights`, each chosen in proportion to its weight.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut roll = self.below(total as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if roll < *w {
                return i;
            }
            roll -= w;
        }
        weights.len() - 1
    }
}

/// A table for picking items with a long tail: item `i` has weight about `1/(i + offset)`,
/// so the first items are common and the last are rare (as words and units are in real text).
struct Zipf {
    cumulative: Vec<u64>,
}

impl Zipf {
    fn new(n: usize, offset: u64) -> Self {
        let mut total = 0;
        let cumulative = (0..n as u64)
            .map(|i| {
                total += 1_000_000 / (i + offset);
                total
            })
            .collect();
        Zipf { cumulative }
    }

    fn index(&self, rng: &mut Rng) -> usize {
        let total = *self.cumulative.last().expect("a non-empty table");
        let roll = rng.below(total as usize) as u64;
        self.cumulative.partition_point(|&c| c <= roll)
    }

    fn pick<'a>(&self, rng: &mut Rng, items: &'a [&'a str]) -> &'a str {
        items[self.index(rng)]
    }
}

/// Long-tailed pickers for the word lists, built once per report.
struct Vocabulary {
    nouns: Zipf,
    adjectives: Zipf,
    verbs: Zipf,
    subsidiaries: Zipf,
    figures: Zipf,
}

impl Vocabulary {
    fn new() -> Self {
        Vocabulary {
            nouns: Zipf::new(NOUNS.len(), 4),
            adjectives: Zipf::new(ADJECTIVES.len(), 3),
            verbs: Zipf::new(VERBS.len(), 3),
            subsidiaries: Zipf::new(SUBSIDIARIES.len(), 3),
            figures: Zipf::new(FIGURES.len(), 6),
        }
    }

    fn noun(&self, rng: &mut Rng) -> &'static str {
        self.nouns.pick(rng, NOUNS)
    }

    /// `count` different nouns joined by `separator`.
    fn nouns(&self, rng: &mut Rng, count: usize, separator: &str) -> String {
        let mut picked: Vec<&str> = Vec::with_capacity(count);
        while picked.len() < count {
            let noun = self.noun(rng);
            if !picked.contains(&noun) {
                picked.push(noun);
            }
        }
        picked.join(separator)
    }

    fn adjective(&self, rng: &mut Rng) -> &'static str {
        self.adjectives.pick(rng, ADJECTIVES)
    }

    fn verb(&self, rng: &mut Rng) -> (&'static str, &'static str) {
        VERBS[self.verbs.index(rng)]
    }
}

// ---------------------------------------------------------------------------------------------
// The JSON shapes written (field order as in docs/data-format.md)

#[derive(Serialize)]
struct RawReport {
    organisation: &'static str,
    title: String,
    period: String,
    source: RawReportSource,
    language: &'static str,
}

#[derive(Serialize)]
struct RawReportSource {
    document: String,
    chapter: &'static str,
}

#[derive(Serialize)]
struct RawSubsidiary {
    id: String,
    name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    sector: Option<&'static str>,
}

#[derive(Serialize)]
struct RawCategory {
    id: &'static str,
    name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<&'static str>,
}

#[derive(Serialize)]
struct RawEntry {
    id: String,
    kind: &'static str,
    title: String,
    summary: String,
    subsidiary: String,
    categories: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    awarding_body: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    metrics: Vec<RawMetric>,
    source: RawSource,
}

#[derive(Serialize)]
struct RawMetric {
    label: &'static str,
    value: serde_json::Number,
    unit: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    qualifier: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    out_of: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    family: Option<&'static str>,
}

#[derive(Serialize)]
struct RawSource {
    section: &'static str,
    passage: String,
}

// ---------------------------------------------------------------------------------------------
// Entries

/// Kinds in the proportions of a real report: many initiatives and awards, fewer of the rest
/// (weights in the order of [`Kind::ALL`]).
const KIND_WEIGHTS: [u32; 6] = [30, 40, 8, 9, 6, 7];

fn entry(index: usize, rng: &mut Rng, vocabulary: &Vocabulary) -> RawEntry {
    let kind = Kind::ALL[rng.weighted(&KIND_WEIGHTS)];
    let (subsidiary, _) = SUBSIDIARIES[vocabulary.subsidiaries.index(rng)];
    let date = date(kind, rng);
    let year = date.as_ref().map(|d| d[..4].to_owned());
    let categories = categories(kind, rng);
    let topic = &CATEGORIES[categories.0];
    let place = match kind {
        Kind::Project => rng.percent(90),
        Kind::Event => rng.percent(60),
        _ => rng.percent(8),
    }
    .then(|| *rng.pick(PLACES));
    let awarding_body = (kind == Kind::Award).then(|| *rng.pick(AWARDING_BODIES));
    let metrics = metrics(kind, rng, vocabulary);

    let title = title(kind, topic, place, year.as_deref(), rng, vocabulary);
    let summary = summary(kind, subsidiary, &title, awarding_body, rng, vocabulary);
    let passage = passage(
        kind,
        subsidiary,
        &title,
        awarding_body,
        place,
        year.as_deref(),
        &metrics,
        rng,
        vocabulary,
    );
    let mut id = format!("{}-{:06}-", kind.as_str(), index + 1);
    id.push_str(&slug(&title, 28));
    let id = id.trim_end_matches('-').to_owned();
    RawEntry {
        id,
        kind: kind.as_str(),
        title,
        summary,
        subsidiary: slug(subsidiary, 64),
        categories: std::iter::once(categories.0)
            .chain(categories.1)
            .map(|c| CATEGORIES[c].id)
            .collect(),
        date,
        awarding_body,
        location: place.and_then(|(location, _)| location),
        country: place.map(|(_, country)| country),
        metrics: metrics.into_iter().map(|(_, raw)| raw).collect(),
        source: RawSource {
            section: topic.name,
            passage,
        },
    }
}

/// The entry's category and, sometimes, a second one (as indexes into [`CATEGORIES`]).
fn categories(kind: Kind, rng: &mut Rng) -> (usize, Option<usize>) {
    let awards = CATEGORIES
        .iter()
        .position(|c| c.id == AWARDS_CATEGORY)
        .expect("the awards category exists");
    let topical = |rng: &mut Rng| loop {
        let c = rng.below(CATEGORIES.len());
        if c != awards {
            return c;
        }
    };
    if kind == Kind::Award && rng.percent(75) {
        let second = rng.percent(40).then(|| topical(rng));
        return (awards, second);
    }
    let first = topical(rng);
    let second = rng
        .percent(15)
        .then(|| topical(rng))
        .filter(|&c| c != first);
    (first, second)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        _ => 28,
    }
}

/// A year between [`FIRST_YEAR`] and [`LAST_YEAR`], later years more likely (reports say more
/// about recent work).
fn year(rng: &mut Rng) -> u32 {
    let weights: Vec<u32> = (FIRST_YEAR..=LAST_YEAR)
        .map(|y| y - FIRST_YEAR + 2)
        .collect();
    FIRST_YEAR + rng.weighted(&weights) as u32
}

/// A date of any precision, or a range, or none; the mix depends on the kind.
fn date(kind: Kind, rng: &mut Rng) -> Option<String> {
    // none, year, month, day, range
    let weights: [u32; 5] = match kind {
        Kind::Award => [10, 50, 25, 10, 5],
        Kind::Initiative => [30, 30, 15, 5, 20],
        Kind::Product => [20, 30, 35, 10, 5],
        Kind::Service => [35, 30, 20, 5, 10],
        Kind::Project => [10, 15, 15, 10, 50],
        Kind::Event => [3, 5, 20, 70, 2],
        // Not generated (format 1 has no such kinds); dated like the nearest older kind.
        Kind::Target | Kind::Kpi => [10, 50, 25, 10, 5],
        Kind::Incident | Kind::Partnership => [3, 5, 20, 70, 2],
    };
    let y = year(rng);
    let m = rng.between(1, 12) as u32;
    let d = rng.between(1, u64::from(days_in_month(y, m))) as u32;
    match rng.weighted(&weights) {
        0 => None,
        1 => Some(format!("{y}")),
        2 => Some(format!("{y}-{m:02}")),
        3 => Some(format!("{y}-{m:02}-{d:02}")),
        _ => Some(range(y, m, d, rng)),
    }
}

/// A range starting near `(y, m, d)`: years, months, days or a mix, never ending after
/// [`LAST_YEAR`] and never before it starts.
fn range(y: u32, m: u32, d: u32, rng: &mut Rng) -> String {
    match rng.weighted(&[40, 30, 15, 15]) {
        0 => {
            let span = rng.between(1, 4) as u32;
            let start = y.min(LAST_YEAR - span);
            format!("{start}/{}", start + span)
        }
        1 => {
            let span = rng.between(1, 18) as u32;
            let start = y.min(LAST_YEAR - 2);
            let end = start * 12 + (m - 1) + span;
            format!("{start}-{m:02}/{}-{:02}", end / 12, end % 12 + 1)
        }
        2 => {
            let last = days_in_month(y, m);
            let d = d.min(last - 1);
            let end = (d + rng.between(1, 10) as u32).min(last);
            format!("{y}-{m:02}-{d:02}/{y}-{m:02}-{end:02}")
        }
        _ => {
            let start = y.min(LAST_YEAR - 1);
            let end_year = (start + rng.between(1, 3) as u32).min(LAST_YEAR);
            format!("{start}/{end_year}-{:02}", rng.between(1, 12))
        }
    }
}

/// A family of comparable figures: label, unit, family token, how values are drawn and which
/// qualifiers they take.
struct FigureSpec {
    label: &'static str,
    unit: &'static str,
    family: Option<&'static str>,
    value: Value,
    qualifiers: &'static [(Qualifier, u32)],
}

/// How a figure's value is drawn.
#[derive(Clone, Copy)]
enum Value {
    /// A whole number with 10^lo to 10^hi digits' magnitude.
    Count { lo: u32, hi: u32 },
    /// A number in `lo..=hi` tenths, written with one decimal when not whole.
    Tenths { lo: u64, hi: u64 },
    /// A rounded amount: two or three significant digits times 10^lo to 10^hi.
    Amount { lo: u32, hi: u32 },
    /// A rank and the size of the ranked list.
    Rank,
    /// A small number in hundredths (rates).
    Hundredths { lo: u64, hi: u64 },
}

const EXACT: &[(Qualifier, u32)] = &[(Qualifier::Exact, 1)];
const ROUGH: &[(Qualifier, u32)] = &[
    (Qualifier::Exact, 60),
    (Qualifier::Over, 22),
    (Qualifier::Approximately, 12),
    (Qualifier::AtLeast, 6),
];
const SHARE: &[(Qualifier, u32)] = &[
    (Qualifier::Exact, 75),
    (Qualifier::Over, 15),
    (Qualifier::AtLeast, 10),
];
const DURATION: &[(Qualifier, u32)] = &[(Qualifier::Within, 70), (Qualifier::Exact, 30)];
const LIMIT: &[(Qualifier, u32)] = &[(Qualifier::Exact, 85), (Qualifier::AtMost, 15)];

const fn figure(
    label: &'static str,
    unit: &'static str,
    family: Option<&'static str>,
    value: Value,
    qualifiers: &'static [(Qualifier, u32)],
) -> FigureSpec {
    FigureSpec {
        label,
        unit,
        family,
        value,
        qualifiers,
    }
}

const PEOPLE: Option<&str> = Some("people-reached");
const SATISFACTION: Option<&str> = Some("satisfaction");
const SHARES: Option<&str> = Some("share");
const AMOUNT: Option<&str> = Some("amount");
const RANK: Option<&str> = Some("rank");
const SITES: Option<&str> = Some("sites");

/// The figures entries can carry, most common first.
const FIGURES: &[FigureSpec] = &[
    figure(
        "Participants",
        "participants",
        PEOPLE,
        Value::Count { lo: 1, hi: 4 },
        ROUGH,
    ),
    figure(
        "Customers served",
        "customers",
        PEOPLE,
        Value::Count { lo: 3, hi: 6 },
        ROUGH,
    ),
    figure(
        "Beneficiaries",
        "people",
        PEOPLE,
        Value::Count { lo: 2, hi: 5 },
        ROUGH,
    ),
    figure(
        "Customer satisfaction",
        "%",
        SATISFACTION,
        Value::Tenths { lo: 800, hi: 999 },
        SHARE,
    ),
    figure(
        "Green loans issued",
        "RMB",
        AMOUNT,
        Value::Amount { lo: 6, hi: 9 },
        ROUGH,
    ),
    figure(
        "Employees trained",
        "employees",
        PEOPLE,
        Value::Count { lo: 2, hi: 4 },
        ROUGH,
    ),
    figure(
        "Share of renewable electricity",
        "%",
        SHARES,
        Value::Tenths { lo: 50, hi: 950 },
        SHARE,
    ),
    figure("Industry ranking", "rank", RANK, Value::Rank, EXACT),
    figure(
        "Community investment",
        "USD",
        AMOUNT,
        Value::Amount { lo: 4, hi: 7 },
        ROUGH,
    ),
    figure(
        "Greenhouse gas emissions avoided",
        "tonnes CO2e",
        Some("emissions"),
        Value::Count { lo: 2, hi: 5 },
        ROUGH,
    ),
    figure(
        "Branches upgraded",
        "branches",
        SITES,
        Value::Count { lo: 0, hi: 2 },
        ROUGH,
    ),
    figure(
        "Complaint response time",
        "hours",
        Some("duration"),
        Value::Tenths { lo: 20, hi: 720 },
        DURATION,
    ),
    figure(
        "Training hours per employee",
        "hours",
        Some("training"),
        Value::Tenths { lo: 80, hi: 1200 },
        ROUGH,
    ),
    figure(
        "Women in management",
        "%",
        SHARES,
        Value::Tenths { lo: 180, hi: 560 },
        SHARE,
    ),
    figure(
        "Satisfaction survey score",
        "points",
        SATISFACTION,
        Value::Tenths { lo: 700, hi: 995 },
        EXACT,
    ),
    figure(
        "Electricity saved",
        "MWh",
        Some("energy"),
        Value::Count { lo: 2, hi: 5 },
        ROUGH,
    ),
    figure(
        "Donations",
        "HKD",
        AMOUNT,
        Value::Amount { lo: 4, hi: 7 },
        ROUGH,
    ),
    figure(
        "Housing units delivered",
        "units",
        SITES,
        Value::Count { lo: 2, hi: 4 },
        ROUGH,
    ),
    figure("ESG index ranking", "rank", RANK, Value::Rank, EXACT),
    figure(
        "Claim settlement time",
        "days",
        Some("duration"),
        Value::Tenths { lo: 10, hi: 300 },
        DURATION,
    ),
    figure(
        "Water recycled",
        "cubic metres",
        Some("water"),
        Value::Count { lo: 3, hi: 6 },
        ROUGH,
    ),
    figure(
        "Lost-time injury rate",
        "per million hours",
        Some("safety"),
        Value::Hundredths { lo: 5, hi: 300 },
        LIMIT,
    ),
    figure(
        "Suppliers assessed on ESG criteria",
        "%",
        SHARES,
        Value::Tenths { lo: 300, hi: 1000 },
        SHARE,
    ),
    figure(
        "Charging stations installed",
        "stations",
        SITES,
        Value::Count { lo: 1, hi: 3 },
        ROUGH,
    ),
    figure(
        "Solar capacity installed",
        "MW",
        Some("energy"),
        Value::Tenths { lo: 5, hi: 5000 },
        ROUGH,
    ),
    figure(
        "Green bonds issued",
        "EUR",
        AMOUNT,
        Value::Amount { lo: 6, hi: 8 },
        ROUGH,
    ),
    figure(
        "Volunteer hours",
        "hours",
        Some("volunteering"),
        Value::Count { lo: 2, hi: 5 },
        ROUGH,
    ),
    figure(
        "Patents granted",
        "patents",
        None,
        Value::Count { lo: 0, hi: 2 },
        EXACT,
    ),
    figure(
        "Trees planted",
        "trees",
        None,
        Value::Count { lo: 2, hi: 5 },
        ROUGH,
    ),
    figure(
        "Products certified",
        "products",
        None,
        Value::Count { lo: 0, hi: 2 },
        EXACT,
    ),
];

/// 0-3 figures, with their model form (for writing them in the passage) and their JSON form.
fn metrics(kind: Kind, rng: &mut Rng, v: &Vocabulary) -> Vec<(Metric, RawMetric)> {
    let counts: [u32; 4] = match kind {
        Kind::Award => [70, 25, 4, 1],
        Kind::Initiative => [40, 35, 18, 7],
        Kind::Product | Kind::Service => [45, 35, 15, 5],
        Kind::Project => [25, 35, 25, 15],
        Kind::Event | Kind::Incident | Kind::Partnership => [50, 35, 12, 3],
        Kind::Target | Kind::Kpi => [25, 35, 25, 15],
    };
    let rank = FIGURES
        .iter()
        .position(|f| f.unit == "rank")
        .expect("a rank figure exists");
    (0..rng.weighted(&counts))
        .map(|_| {
            // Awards often come with a place in a ranking.
            let spec = if kind == Kind::Award && rng.percent(50) {
                &FIGURES[rank]
            } else {
                &FIGURES[v.figures.index(rng)]
            };
            figure_value(spec, rng)
        })
        .collect()
}

fn power_of_ten(exp: u32) -> u64 {
    10u64.pow(exp)
}

fn figure_value(spec: &FigureSpec, rng: &mut Rng) -> (Metric, RawMetric) {
    let mut out_of = None;
    let (value, number) = match spec.value {
        Value::Count { lo, hi } => {
            let exp = rng.between(u64::from(lo), u64::from(hi)) as u32;
            let v = rng.between(power_of_ten(exp), power_of_ten(exp + 1) - 1);
            (v as f64, serde_json::Number::from(v))
        }
        Value::Amount { lo, hi } => {
            let exp = rng.between(u64::from(lo), u64::from(hi)) as u32;
            let v = rng.between(10, 999) * power_of_ten(exp);
            (v as f64, serde_json::Number::from(v))
        }
        Value::Rank => {
            let size = *rng.pick(&[10u64, 50, 100, 200, 250, 500, 1000]);
            let place = rng.between(1, size.min(120));
            out_of = Some(size);
            (place as f64, serde_json::Number::from(place))
        }
        Value::Tenths { lo, hi } => decimal(rng.between(lo, hi), 10),
        Value::Hundredths { lo, hi } => decimal(rng.between(lo, hi), 100),
    };
    let weights: Vec<u32> = spec.qualifiers.iter().map(|(_, w)| *w).collect();
    let qualifier = spec.qualifiers[rng.weighted(&weights)].0;
    // Written as a format 1 unit; the loader reads a currency code as the figure's currency.
    let currency = crate::core::currency::is_currency(spec.unit);
    let metric = Metric {
        unit: (!currency).then(|| spec.unit.to_owned()),
        currency: currency.then(|| spec.unit.to_owned()),
        qualifier,
        out_of: out_of.map(|n| n as f64),
        family: spec.family.map(str::to_owned),
        ..Metric::new(spec.label, value)
    };
    let raw = RawMetric {
        label: spec.label,
        value: number,
        unit: spec.unit,
        qualifier: (qualifier != Qualifier::Exact).then(|| qualifier.as_str()),
        out_of,
        family: spec.family,
    };
    (metric, raw)
}

/// `units / per` as a number, written as a whole number when it is one.
fn decimal(units: u64, per: u64) -> (f64, serde_json::Number) {
    if units.is_multiple_of(per) {
        let whole = units / per;
        (whole as f64, serde_json::Number::from(whole))
    } else {
        // Exact decimal text, parsed back: the JSON number is written as short as possible.
        let digits = if per == 10 { 1 } else { 2 };
        let text = format!("{}.{:0digits$}", units / per, units % per);
        let text = if digits == 2 {
            text.trim_end_matches('0').to_owned()
        } else {
            text
        };
        let value: f64 = text.parse().expect("a decimal number");
        let number = serde_json::Number::from_f64(value).expect("a finite number");
        (value, number)
    }
}

// ---------------------------------------------------------------------------------------------
// Text

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `text` with its first letter in lower case, unless the first word is an acronym (`ESG`).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => first
            .to_lowercase()
            .chain(text[first.len_utf8()..].chars())
            .collect(),
        _ => text.to_owned(),
    }
}

/// Title case for headings: each word capitalised except short joining words.
fn title_case(text: &str) -> String {
    text.split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && matches!(w, "and" | "of" | "for" | "the" | "in" | "on" | "to") {
                w.to_owned()
            } else {
                capitalise(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An id made of the ASCII letters and digits of `text`, words joined by `-`, at most `max` long.
pub(crate) fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let extra = usize::from(!out.is_empty()) + word.len();
        if out.len() + extra > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

type Place = (Option<&'static str>, &'static str);

fn title(
    kind: Kind,
    topic: &CategorySpec,
    place: Option<Place>,
    year: Option<&str>,
    rng: &mut Rng,
    v: &Vocabulary,
) -> String {
    let subject = rng.pick(topic.words);
    match kind {
        Kind::Award => {
            let prize = rng.pick(PRIZES);
            let lead = rng.pick(AWARD_ADJECTIVES);
            match (year, rng.below(3)) {
                (Some(year), 0) => format!("{year} {lead} {} {prize}", title_case(subject)),
                (_, 1) => format!(
                    "{lead} {} {} {prize}",
                    title_case(v.adjective(rng)),
                    title_case(subject)
                ),
                _ => format!(
                    "{} {} {prize}",
                    title_case(subject),
                    title_case(v.noun(rng))
                ),
            }
        }
        Kind::Initiative => {
            let what = rng.pick(PROGRAMMES);
            capitalise(&format!("{} {subject} {what}", v.adjective(rng)))
        }
        Kind::Product => {
            let brand = rng.pick(BRANDS);
            format!("{brand} {subject} {}", rng.pick(PRODUCTS))
        }
        Kind::Service => capitalise(&format!(
            "{} {subject} {}",
            v.adjective(rng),
            rng.pick(SERVICES)
        )),
        Kind::Project => {
            let site = match place {
                Some((Some(location), _)) => location,
                Some((None, country)) => country,
                None => rng.pick(PLACES).1,
            };
            format!("{site} {} Project", rng.pick(WORKS))
        }
        // Not generated (format 1 has no such kinds): titled like events.
        Kind::Event | Kind::Target | Kind::Incident | Kind::Partnership | Kind::Kpi => {
            let what = rng.pick(EVENTS);
            match year {
                Some(year) if rng.percent(40) => format!("{year} {} {what}", title_case(subject)),
                _ => format!(
                    "{} {} {what}",
                    title_case(v.adjective(rng)),
                    title_case(subject)
                ),
            }
        }
    }
}

fn summary(
    kind: Kind,
    subsidiary: &str,
    title: &str,
    awarding_body: Option<&str>,
    rng: &mut Rng,
    v: &Vocabulary,
) -> String {
    let audience = rng.pick(AUDIENCES);
    let mut text = match kind {
        Kind::Award => format!(
            "{subsidiary} received the \u{201c}{title}\u{201d} from {} for its {} {}.",
            awarding_body.unwrap_or("an industry body"),
            v.adjective(rng),
            v.nouns(rng, 2, " ")
        ),
        _ => {
            let (_, past) = v.verb(rng);
            let (base, _) = v.verb(rng);
            // Titles made of common words read in lower case; names keep their capitals.
            let title = match kind {
                Kind::Initiative | Kind::Service => lower_first(title),
                _ => title.to_owned(),
            };
            format!(
                "{subsidiary} {past} the {title} to {base} {} {} for {audience}.",
                v.adjective(rng),
                v.noun(rng)
            )
        }
    };
    if rng.percent(30) {
        let (_, past) = v.verb(rng);
        text.push_str(&format!(
            " It {past} {} {} across {}.",
            v.adjective(rng),
            v.nouns(rng, 2, " and "),
            rng.pick(SCOPES)
        ));
    }
    text
}

#[allow(clippy::too_many_arguments)]
fn passage(
    kind: Kind,
    subsidiary: &str,
    title: &str,
    awarding_body: Option<&str>,
    place: Option<Place>,
    year: Option<&str>,
    metrics: &[(Metric, RawMetric)],
    rng: &mut Rng,
    v: &Vocabulary,
) -> String {
    let mut sentences = Vec::new();
    if kind == Kind::Award {
        sentences.push(format!(
            "{subsidiary} was awarded the \u{201c}{title}\u{201d} by {}.",
            awarding_body.unwrap_or("an industry body")
        ));
    }
    for _ in 0..rng.weighted(&[55, 35, 10]) + 1 {
        let (base, past) = v.verb(rng);
        let (base2, past2) = v.verb(rng);
        let adjective = v.adjective(rng);
        let sentence = match rng.below(5) {
            0 => format!(
                "In {}, we {past} {adjective} {} and {past2} {} for {}.",
                year.unwrap_or("the year"),
                v.nouns(rng, 2, " "),
                v.nouns(rng, 2, " "),
                rng.pick(AUDIENCES)
            ),
            1 => format!(
                "We continued to {base} {adjective} {} and {base2} the {} of {}.",
                v.nouns(rng, 2, " "),
                v.noun(rng),
                rng.pick(AUDIENCES)
            ),
            2 => format!(
                "The {} {} {past} {adjective} {} {}.",
                v.noun(rng),
                rng.pick(PROGRAMMES),
                v.noun(rng),
                match place {
                    Some((Some(location), _)) => format!("in {location}"),
                    Some((None, country)) => format!("in {country}"),
                    None => format!("across {}", rng.pick(SCOPES)),
                }
            ),
            3 => format!(
                "Through {} {adjective} {}, {subsidiary} {past} {}.",
                article(adjective),
                v.noun(rng),
                v.nouns(rng, 2, " and ")
            ),
            _ => format!(
                "{} {} remained a priority, and we {past} {} with {}.",
                capitalise(adjective),
                v.noun(rng),
                v.nouns(rng, 2, " "),
                rng.pick(AUDIENCES)
            ),
        };
        sentences.push(sentence);
    }
    for (metric, _) in metrics {
        let label = lower_first(&metric.label);
        sentences.push(match metric.unit_str() {
            "rank" => format!(
                "We ranked {} in the {}.",
                format_metric(metric),
                label.trim_end_matches(" ranking")
            ),
            _ => {
                let verb = rng.pick(&["reached", "stood at", "came to"]);
                format!("{} {verb} {}.", capitalise(&label), format_metric(metric))
            }
        });
    }
    sentences.join(" ")
}

// ---------------------------------------------------------------------------------------------
// Fixed lists: the organisation, its sections, and the words its text is made of

/// Subsidiaries, most active first (entries are spread over them with a long tail).
pub(crate) const SUBSIDIARIES: &[(&str, Option<&str>)] = &[
    ("Meridian Holdings", Some("Group")),
    ("Meridian Bank", Some("Financial services")),
    ("Meridian Securities", Some("Financial services")),
    ("Meridian Construction", Some("Engineering contracting")),
    ("Meridian Life Insurance", Some("Financial services")),
    ("Meridian Energy", Some("Energy")),
    ("Meridian Special Steel", Some("Manufacturing")),
    ("Meridian Property", Some("Real estate")),
    ("Harbourline Logistics", Some("Transport and logistics")),
    ("Meridian Trust", Some("Financial services")),
    ("Meridian Heavy Industries", Some("Manufacturing")),
    ("Northfield Mining", Some("Resources")),
    ("Meridian Environmental Technology", None),
    ("Meridian Press", Some("Publishing")),
    ("Bluewater Utilities", Some("Utilities")),
    ("Meridian Asset Management", Some("Financial services")),
    ("Meridian Telecom", Some("Telecommunications")),
    ("Greenway Agriculture", Some("Agriculture")),
    ("Meridian Pacific Alloys", Some("Manufacturing")),
    ("Meridian Capital Partners", Some("Financial services")),
    ("Summit Cement", Some("Building materials")),
    ("Meridian Healthcare", Some("Healthcare")),
    ("Meridian Digital", Some("Technology")),
    ("Eastgate Ports", Some("Transport and logistics")),
    ("Meridian Consumer Finance", Some("Financial services")),
    ("Meridian Wheels", Some("Manufacturing")),
    ("Silverline Rail", Some("Transport and logistics")),
    (
        "Meridian Engineering Design",
        Some("Engineering contracting"),
    ),
    ("Meridian Hotels", Some("Hospitality")),
    ("Meridian Futures", Some("Financial services")),
    ("Lakeside Water", Some("Utilities")),
    ("Meridian Chemicals", Some("Chemicals")),
    ("Meridian International Trading", Some("Trading")),
    ("Westbrook Foods", Some("Consumer goods")),
    ("Meridian Education Foundation", None),
    (
        "Meridian Aviation Services",
        Some("Transport and logistics"),
    ),
    ("Meridian Leasing", Some("Financial services")),
    ("Coastal Wind Power", Some("Energy")),
    ("Meridian Research Institute", None),
    ("Meridian Retail", Some("Consumer goods")),
    ("Highland Forestry", Some("Agriculture")),
    ("Meridian Urban Development", Some("Real estate")),
    ("Meridian Publishing House", Some("Publishing")),
    ("Meridian Smart City", Some("Technology")),
    ("Meridian Overseas Investment", None),
    ("Riverside Recycling", Some("Environmental services")),
    ("Meridian Cloud Services", Some("Technology")),
    ("Meridian Marine", Some("Transport and logistics")),
    ("Meridian Charity Foundation", None),
    ("Meridian Innovation Lab", None),
];

/// A category of the fixed tree, with the subject words its entries are about.
pub(crate) struct CategorySpec {
    pub(crate) id: &'static str,
    pub(crate) name: &'static str,
    pub(crate) parent: Option<&'static str>,
    words: &'static [&'static str],
}

const fn cat(
    id: &'static str,
    name: &'static str,
    parent: Option<&'static str>,
    words: &'static [&'static str],
) -> CategorySpec {
    CategorySpec {
        id,
        name,
        parent,
        words,
    }
}

const AWARDS_CATEGORY: &str = "awards-and-recognitions";

/// The report's section tree: 32 categories, up to three levels deep.
pub(crate) const CATEGORIES: &[CategorySpec] = &[
    cat(
        "governance",
        "Corporate governance",
        None,
        &["governance", "board", "disclosure", "accountability"],
    ),
    cat(
        "board-oversight",
        "Board oversight of sustainability",
        Some("governance"),
        &["board", "sustainability committee", "oversight"],
    ),
    cat(
        "business-ethics",
        "Business ethics and anti-corruption",
        Some("governance"),
        &["ethics", "anti-corruption", "integrity", "compliance"],
    ),
    cat(
        "whistleblowing",
        "Whistleblowing channels",
        Some("business-ethics"),
        &["whistleblowing", "grievance", "reporting channel"],
    ),
    cat(
        "risk-management",
        "Risk management",
        Some("governance"),
        &["risk", "internal control", "audit"],
    ),
    cat(
        "climate-risk",
        "Climate-related risks",
        Some("risk-management"),
        &["climate risk", "scenario analysis", "TCFD"],
    ),
    cat(
        "environment",
        "Environmental protection",
        None,
        &["environment", "pollution", "ecology"],
    ),
    cat(
        "emissions",
        "Emissions and climate change",
        Some("environment"),
        &["emissions", "greenhouse gas", "climate"],
    ),
    cat(
        "carbon-neutrality",
        "Towards carbon neutrality",
        Some("emissions"),
        &["carbon neutrality", "net-zero", "decarbonisation", "carbon"],
    ),
    cat(
        "energy-efficiency",
        "Energy efficiency",
        Some("environment"),
        &["energy", "efficiency", "solar", "lighting"],
    ),
    cat(
        "resource-use",
        "Use of resources",
        Some("environment"),
        &["resources", "materials", "packaging"],
    ),
    cat(
        "water-stewardship",
        "Water stewardship",
        Some("resource-use"),
        &["water", "wastewater", "rainwater"],
    ),
    cat(
        "waste-management",
        "Waste and circularity",
        Some("resource-use"),
        &["waste", "recycling", "circularity", "remanufacturing"],
    ),
    cat(
        "biodiversity",
        "Biodiversity",
        Some("environment"),
        &["biodiversity", "wetland", "habitat", "forest"],
    ),
    cat(
        "green-finance",
        "Green finance",
        Some("environment"),
        &[
            "green finance",
            "green bond",
            "green loan",
            "ESG investment",
        ],
    ),
    cat(
        "employees",
        "Our people",
        None,
        &["employee", "workforce", "talent"],
    ),
    cat(
        "health-and-safety",
        "Health and safety",
        Some("employees"),
        &["safety", "occupational health", "wellbeing"],
    ),
    cat(
        "training-and-development",
        "Training and development",
        Some("employees"),
        &["training", "skills", "leadership", "career"],
    ),
    cat(
        "diversity-and-inclusion",
        "Diversity and inclusion",
        Some("employees"),
        &["diversity", "inclusion", "gender equality"],
    ),
    cat(
        "customer-responsibility",
        "Customer responsibility",
        None,
        &["customer", "consumer", "service quality"],
    ),
    cat(
        "product-quality",
        "Product quality",
        Some("customer-responsibility"),
        &["quality", "product safety", "certification"],
    ),
    cat(
        "customer-service",
        "Customer service",
        Some("customer-responsibility"),
        &["customer service", "complaint", "satisfaction", "hotline"],
    ),
    cat(
        "data-privacy",
        "Data privacy and security",
        Some("customer-responsibility"),
        &["privacy", "data protection", "personal information"],
    ),
    cat(
        "cybersecurity",
        "Cybersecurity",
        Some("data-privacy"),
        &["cybersecurity", "information security", "fraud prevention"],
    ),
    cat(
        "financial-inclusion",
        "Financial inclusion",
        Some("customer-responsibility"),
        &["financial inclusion", "microfinance", "small business"],
    ),
    cat(
        "supply-chain",
        "Supply chain management",
        None,
        &["supply chain", "supplier", "procurement"],
    ),
    cat(
        "responsible-procurement",
        "Responsible procurement",
        Some("supply-chain"),
        &["responsible procurement", "supplier audit", "labour rights"],
    ),
    cat(
        "community",
        "Community investment",
        None,
        &["community", "charity", "donation"],
    ),
    cat(
        "rural-revitalisation",
        "Rural revitalisation",
        Some("community"),
        &[
            "rural revitalisation",
            "village",
            "farmer",
            "poverty alleviation",
        ],
    ),
    cat(
        "education-support",
        "Education support",
        Some("community"),
        &["education", "school", "scholarship", "reading"],
    ),
    cat(
        "volunteering",
        "Employee volunteering",
        Some("community"),
        &["volunteer", "volunteering", "elderly care"],
    ),
    cat(
        AWARDS_CATEGORY,
        "Awards and recognitions",
        None,
        &["sustainability", "ESG", "brand", "corporate citizenship"],
    ),
];

/// Places named by entries: an optional site or city, and a country.
const PLACES: &[Place] = &[
    (Some("Beijing"), "China"),
    (Some("Shanghai"), "China"),
    (Some("Hong Kong"), "China"),
    (Some("Shenzhen"), "China"),
    (Some("Chengdu"), "China"),
    (Some("Wuhan"), "China"),
    (None, "China"),
    (Some("Luanda"), "Angola"),
    (Some("London"), "United Kingdom"),
    (Some("Nairobi"), "Kenya"),
    (Some("Jakarta"), "Indonesia"),
    (Some("Perth"), "Australia"),
    (Some("São Paulo"), "Brazil"),
    (Some("Almaty"), "Kazakhstan"),
    (Some("Dubai"), "United Arab Emirates"),
    (Some("Singapore"), "Singapore"),
    (Some("Lima"), "Peru"),
    (Some("Karachi"), "Pakistan"),
    (Some("Tashkent"), "Uzbekistan"),
    (Some("Hamburg"), "Germany"),
    (Some("Lyon"), "France"),
    (Some("Chennai"), "India"),
    (Some("Ho Chi Minh City"), "Viet Nam"),
    (Some("Casablanca"), "Morocco"),
    (Some("Addis Ababa"), "Ethiopia"),
    (Some("Santiago"), "Chile"),
    (Some("Vancouver"), "Canada"),
    (Some("Auckland"), "New Zealand"),
    (Some("Manila"), "Philippines"),
    (Some("Osaka"), "Japan"),
    (Some("Port of Rotterdam"), "Netherlands"),
    (None, "Malaysia"),
    (None, "Mongolia"),
    (Some("Zürich"), "Switzerland"),
];

/// Who gives awards and ratings.
const AWARDING_BODIES: &[&str] = &[
    "Global Sustainability Council",
    "Asian Finance Forum",
    "National Quality Association",
    "Securities Times",
    "China Banking Association",
    "Financial Review Weekly",
    "International Green Building Council",
    "Corporate Citizenship Alliance",
    "Institute of Directors",
    "ESG Leaders Summit",
    "Hong Kong Management Association",
    "World Safety Organisation",
    "Royal Institution of Chartered Surveyors",
    "Climate Disclosure Project",
    "Responsible Investment Association",
    "National Energy Administration",
    "Ministry of Ecology and Environment",
    "Employer Branding Institute",
    "Digital Finance Awards Committee",
    "Insurance Weekly",
    "Annual Charity Gala",
    "Sustainable Supply Chain Forum",
    "Quality Brands Institute",
    "Green Finance Committee",
    "Asia Pacific Customer Service Consortium",
];

/// What awards are called.
const PRIZES: &[&str] = &[
    "Award",
    "Prize",
    "Gold Award",
    "Excellence Award",
    "Best Practice Award",
    "Certificate of Merit",
    "Leadership Award",
    "Rating (AA)",
    "Top 100 Listing",
    "Innovation Award",
    "Pioneer Award",
];

const AWARD_ADJECTIVES: &[&str] = &[
    "Outstanding",
    "Best",
    "Excellent",
    "Most Responsible",
    "Leading",
    "Exemplary",
    "Annual",
];

const PROGRAMMES: &[&str] = &[
    "programme",
    "campaign",
    "mechanism",
    "policy",
    "initiative",
    "framework",
    "plan",
    "scheme",
    "working group",
    "pilot",
    "action plan",
    "partnership",
];

const BRANDS: &[&str] = &[
    "EcoSmart",
    "Meridian Green",
    "BlueSky",
    "Horizon",
    "EverSafe",
    "ClearPath",
    "Evergreen",
    "Lumen",
    "TerraOne",
    "Harbour",
];

const PRODUCTS: &[&str] = &[
    "loan",
    "bond",
    "fund",
    "insurance plan",
    "app",
    "credit card",
    "platform",
    "steel grade",
    "alloy wheel",
    "building material",
    "wealth product",
    "pension plan",
];

const SERVICES: &[&str] = &[
    "service",
    "hotline",
    "service centre",
    "online channel",
    "portal",
    "advisory service",
    "mobile service",
    "helpdesk",
];

const WORKS: &[&str] = &[
    "Social Housing",
    "Solar Farm",
    "Wind Farm",
    "Metro Line",
    "Water Treatment Plant",
    "Hospital",
    "Port Expansion",
    "Industrial Park",
    "Highway",
    "Bridge",
    "Aluminium Profile Factory",
    "School Campus",
    "Data Centre",
    "Waste-to-Energy Plant",
];

const EVENTS: &[&str] = &[
    "Forum",
    "Summit",
    "Open Day",
    "Ceremony",
    "Workshop",
    "Exhibition",
    "Conference",
    "Volunteer Day",
    "Roadshow",
];

const AUDIENCES: &[&str] = &[
    "customers",
    "employees",
    "suppliers",
    "farmers",
    "students",
    "small businesses",
    "elderly customers",
    "local residents",
    "investors",
    "patients",
    "contractors",
    "young people",
    "rural households",
    "communities",
    "partners",
    "migrant workers",
    "women entrepreneurs",
    "teachers",
    "retirees",
    "policyholders",
];

const SCOPES: &[&str] = &[
    "the group",
    "all subsidiaries",
    "its branches",
    "overseas operations",
    "the supply chain",
    "its main sites",
    "the region",
    "every business line",
];

/// General nouns, most common first.
const NOUNS: &[&str] = &[
    "sustainability",
    "customer",
    "service",
    "employee",
    "community",
    "risk",
    "quality",
    "management",
    "energy",
    "carbon",
    "finance",
    "safety",
    "training",
    "innovation",
    "governance",
    "supplier",
    "investor",
    "emissions",
    "water",
    "waste",
    "technology",
    "education",
    "health",
    "data",
    "platform",
    "efficiency",
    "compliance",
    "disclosure",
    "stakeholder",
    "climate",
    "credit",
    "insurance",
    "recycling",
    "transparency",
    "wellbeing",
    "diversity",
    "inclusion",
    "volunteer",
    "charity",
    "poverty",
    "infrastructure",
    "housing",
    "transport",
    "logistics",
    "resilience",
    "privacy",
    "cybersecurity",
    "digitalisation",
    "renewable",
    "solar",
    "wind",
    "biodiversity",
    "ecosystem",
    "forest",
    "wetland",
    "adaptation",
    "transition",
    "loan",
    "bond",
    "pension",
    "fund",
    "portfolio",
    "audit",
    "ethics",
    "integrity",
    "talent",
    "gender",
    "equality",
    "donation",
    "village",
    "school",
    "scholarship",
    "hospital",
    "clinic",
    "railway",
    "port",
    "bridge",
    "road",
    "metro",
    "steel",
    "aluminium",
    "wheel",
    "cement",
    "chemical",
    "mining",
    "agriculture",
    "food",
    "fishery",
    "tourism",
    "culture",
    "heritage",
    "publishing",
    "reading",
    "library",
    "museum",
    "sport",
    "youth",
    "elderly",
    "disability",
    "accessibility",
    "consumer",
    "complaint",
    "feedback",
    "satisfaction",
    "accountability",
    "reporting",
    "standard",
    "certification",
    "benchmark",
    "index",
    "rating",
    "target",
    "roadmap",
    "strategy",
    "policy",
    "mechanism",
    "framework",
    "committee",
    "board",
    "oversight",
    "partnership",
    "cooperation",
    "alliance",
    "network",
    "dialogue",
    "survey",
    "assessment",
    "inspection",
    "monitoring",
    "maintenance",
    "upgrade",
    "retrofit",
    "lighting",
    "heating",
    "cooling",
    "building",
    "campus",
    "office",
    "branch",
    "factory",
    "plant",
    "warehouse",
    "fleet",
    "vehicle",
    "battery",
    "hydrogen",
    "electricity",
    "grid",
    "storage",
    "materials",
    "circularity",
    "remanufacturing",
    "procurement",
    "contract",
    "labour",
    "rights",
    "grievance",
    "whistleblowing",
    "fraud",
    "laundering",
    "sanctions",
    "pandemic",
    "relief",
    "disaster",
    "flood",
    "earthquake",
    "drought",
    "emergency",
    "recovery",
    "microfinance",
    "smallholder",
    "entrepreneur",
    "startup",
    "incubator",
    "research",
    "patent",
    "laboratory",
    "prototype",
    "packaging",
    "wastewater",
    "ventilation",
    "noise",
    "dust",
    "soil",
    "afforestation",
    "mangrove",
    "coral",
    "wildlife",
    "apprenticeship",
    "mentoring",
    "pay",
    "benefits",
    "childcare",
    "retirement",
    "mental health",
    "first aid",
    "fire safety",
    "helmet",
    "scaffolding",
    "crane",
    "tunnel",
    "dam",
    "pipeline",
    "substation",
    "turbine",
];

/// Adjectives, most common first.
const ADJECTIVES: &[&str] = &[
    "green",
    "sustainable",
    "inclusive",
    "responsible",
    "digital",
    "smart",
    "low-carbon",
    "circular",
    "resilient",
    "transparent",
    "secure",
    "innovative",
    "efficient",
    "accessible",
    "affordable",
    "reliable",
    "integrated",
    "comprehensive",
    "regional",
    "national",
    "international",
    "annual",
    "local",
    "rural",
    "urban",
    "coastal",
    "clean",
    "renewable",
    "ethical",
    "diverse",
    "safe",
    "healthy",
    "modern",
    "leading",
    "outstanding",
    "excellent",
    "exemplary",
    "pioneering",
    "collaborative",
    "community-based",
    "customer-focused",
    "employee-led",
    "long-term",
    "new",
    "upgraded",
    "improved",
    "expanded",
    "independent",
    "standardised",
    "certified",
    "verified",
    "measurable",
    "science-based",
    "net-zero",
    "zero-waste",
    "energy-saving",
    "water-saving",
    "high-quality",
    "world-class",
    "preventive",
    "proactive",
    "data-driven",
    "paperless",
    "barrier-free",
    "age-friendly",
];

/// Verbs as (base, past), most common first.
const VERBS: &[(&str, &str)] = &[
    ("launch", "launched"),
    ("strengthen", "strengthened"),
    ("expand", "expanded"),
    ("improve", "improved"),
    ("introduce", "introduced"),
    ("establish", "established"),
    ("promote", "promoted"),
    ("support", "supported"),
    ("develop", "developed"),
    ("upgrade", "upgraded"),
    ("complete", "completed"),
    ("deliver", "delivered"),
    ("organise", "organised"),
    ("host", "hosted"),
    ("sign", "signed"),
    ("publish", "published"),
    ("adopt", "adopted"),
    ("implement", "implemented"),
    ("reduce", "reduced"),
    ("invest in", "invested in"),
    ("fund", "funded"),
    ("train", "trained"),
    ("build", "built"),
    ("open", "opened"),
    ("pilot", "piloted"),
    ("review", "reviewed"),
    ("assess", "assessed"),
    ("monitor", "monitored"),
    ("optimise", "optimised"),
    ("integrate", "integrated"),
    ("extend", "extended"),
    ("enhance", "enhanced"),
    ("streamline", "streamlined"),
    ("sponsor", "sponsored"),
    ("deploy", "deployed"),
    ("certify", "certified"),
    ("renovate", "renovated"),
    ("convert", "converted"),
    ("measure", "measured"),
    ("disclose", "disclosed"),
    ("engage", "engaged"),
    ("protect", "protected"),
    ("restore", "restored"),
    ("recycle", "recycled"),
    ("digitise", "digitised"),
    ("safeguard", "safeguarded"),
    ("accelerate", "accelerated"),
    ("standardise", "standardised"),
];
