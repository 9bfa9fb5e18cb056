//! Query-engine benchmark: index build, search, and filter + facet counts on
//! synthetic reports of 1k, 10k and 100k entries, checked against budgets.
//!
//! Run with `cargo xtask bench` (or `cargo bench --profile perf --bench query`). Prints the
//! median of repeated runs and exits non-zero when a median exceeds its budget.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::run();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use report_explorer::core::date::DateSpec;
    use report_explorer::core::ids::{CategoryId, EntryId, SubsidiaryId};
    use report_explorer::core::model::*;
    use report_explorer::core::query::{Facet, Index, Selection};
    use std::hint::black_box;
    use std::time::{Duration, Instant};

    /// Median budgets at 100k entries, in milliseconds (native, release build).
    const BUDGET_FILTER_AND_COUNTS_MS: f64 = 25.0;
    const BUDGET_SEARCH_MS: f64 = 150.0;
    const BUDGET_INDEX_MS: f64 = 1500.0;

    const WORDS: [&str; 16] = [
        "customer",
        "award",
        "brand",
        "service",
        "quality",
        "claims",
        "investor",
        "education",
        "risk",
        "insurance",
        "satisfaction",
        "project",
        "housing",
        "complaint",
        "security",
        "hospital",
    ];

    /// A deterministic pseudo-random sequence (xorshift), so every run measures the same data.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn sentence(&mut self, words: usize) -> String {
            (0..words)
                .map(|_| WORDS[self.below(WORDS.len())])
                .collect::<Vec<_>>()
                .join(" ")
        }
    }

    /// A report shaped like a real one: 40 subsidiaries, 30 categories in a two-level tree.
    pub fn synthetic(n: usize) -> Report {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let subsidiaries: Vec<Subsidiary> = (0..40)
            .map(|i| Subsidiary {
                id: SubsidiaryId::new(&format!("sub-{i}")).unwrap(),
                name: format!("Subsidiary {i}"),
                sector: None,
            })
            .collect();
        let categories: Vec<Category> = (0..30)
            .map(|i| Category {
                id: CategoryId::new(&format!("cat-{i}")).unwrap(),
                name: format!("Category {i} {}", WORDS[i % WORDS.len()]),
                parent: (i >= 6).then(|| CategoryId::new(&format!("cat-{}", i % 6)).unwrap()),
            })
            .collect();
        let entries = (0..n)
            .map(|i| {
                let year = 2010 + rng.below(12);
                let date = match rng.below(4) {
                    0 => None,
                    1 => Some(format!("{year}")),
                    2 => Some(format!("{year}-{:02}", 1 + rng.below(12))),
                    _ => Some(format!(
                        "{year}-{:02}-{:02}",
                        1 + rng.below(12),
                        1 + rng.below(28)
                    )),
                };
                Entry {
                    id: EntryId::new(&format!("e-{i}")).unwrap(),
                    kind: Kind::ALL[rng.below(Kind::ALL.len())],
                    title: rng.sentence(5),
                    summary: rng.sentence(25),
                    subsidiary: subsidiaries[rng.below(40)].id.clone(),
                    categories: vec![categories[rng.below(30)].id.clone()],
                    date: date.map(|d| DateSpec::parse(&d).unwrap()),
                    awarding_body: None,
                    location: None,
                    country: None,
                    metrics: vec![],
                    source: Source {
                        section: "Section".into(),
                        passage: rng.sentence(60),
                    },
                }
            })
            .collect();
        Report {
            meta: ReportMeta {
                organisation: "Synthetic".into(),
                title: "Synthetic report".into(),
                period: DateSpec::parse("2021").unwrap(),
                document: "Synthetic".into(),
                chapter: None,
                url: None,
                language: None,
            },
            subsidiaries,
            categories,
            entries,
        }
    }

    fn median(mut f: impl FnMut(), runs: usize) -> Duration {
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect();
        times.sort();
        times[runs / 2]
    }

    fn ms(d: Duration) -> f64 {
        d.as_secs_f64() * 1000.0
    }

    pub fn run() {
        let mut over = Vec::new();
        println!(
            "{:>8}  {:>10}  {:>10}  {:>14}  {:>10}",
            "entries", "index ms", "search ms", "filter+counts", "results"
        );
        for n in [1_000, 10_000, 100_000] {
            let report = synthetic(n);
            let index_time = median(|| drop(black_box(Index::new(&report))), 3);
            let index = Index::new(&report);
            let search_time = median(|| drop(black_box(index.search("customer award"))), 7);
            let hits = index.search("");
            let mut sel = Selection::default();
            sel.toggle(Facet::Subsidiary, "sub-1");
            sel.toggle(Facet::Subsidiary, "sub-7");
            sel.toggle(Facet::Category, "cat-2");
            sel.toggle(Facet::Kind, "award");
            sel.toggle(Facet::Year, "2015");
            let mut results = 0;
            let query_time = median(
                || {
                    let r = index.query(black_box(&sel), &hits);
                    results = r.entries.len();
                },
                21,
            );
            println!(
                "{n:>8}  {:>10.2}  {:>10.2}  {:>11.2} ms  {results:>10}",
                ms(index_time),
                ms(search_time),
                ms(query_time)
            );
            if n == 100_000 {
                for (what, got, budget) in [
                    (
                        "filter + counts",
                        ms(query_time),
                        BUDGET_FILTER_AND_COUNTS_MS,
                    ),
                    ("search", ms(search_time), BUDGET_SEARCH_MS),
                    ("index build", ms(index_time), BUDGET_INDEX_MS),
                ] {
                    println!("budget at 100k: {what} {got:.2} ms (budget {budget} ms)");
                    if got > budget {
                        over.push(format!("{what}: {got:.2} ms > {budget} ms"));
                    }
                }
            }
        }
        if !over.is_empty() {
            eprintln!("over budget:\n  {}", over.join("\n  "));
            std::process::exit(1);
        }
    }
}
