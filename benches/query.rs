//! Query-engine benchmark: index build, search, and filter + facet counts on
//! synthetic reports (`core::synth`) of 1k, 10k and 100k entries, checked against budgets.
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
    use report_explorer::core::load::load_report;
    use report_explorer::core::model::Report;
    use report_explorer::core::query::{Facet, Index, Selection};
    use report_explorer::core::synth;
    use std::hint::black_box;
    use std::time::{Duration, Instant};

    /// Median budgets at 100k entries, in milliseconds (native, release build).
    const BUDGET_FILTER_AND_COUNTS_MS: f64 = 25.0;
    const BUDGET_SEARCH_MS: f64 = 150.0;
    const BUDGET_INDEX_MS: f64 = 1500.0;
    const BUDGET_LOAD_MS: f64 = 4000.0;

    /// The seed of every measured report, so every run measures the same data.
    const SEED: u64 = 1;

    /// A report shaped like a real one (see `core::synth`), loaded as the app loads it.
    pub fn synthetic(n: usize) -> Report {
        let loaded = load_report(&synth::generate(n, SEED)).expect("a synthetic report loads");
        assert!(
            loaded.problems.is_empty(),
            "a synthetic report has no problems"
        );
        loaded.report
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
            "{:>8}  {:>9}  {:>10}  {:>10}  {:>10}  {:>14}  {:>10}",
            "entries", "file MB", "load ms", "index ms", "search ms", "filter+counts", "results"
        );
        for n in [1_000, 10_000, 100_000] {
            let text = synth::generate(n, SEED);
            let load_time = median(|| drop(black_box(load_report(&text))), 3);
            let mb = text.len() as f64 / 1e6;
            drop(text);
            let report = synthetic(n);
            let index_time = median(|| drop(black_box(Index::new(&report))), 3);
            let index = Index::new(&report);
            let search_time = median(|| drop(black_box(index.search("customer award"))), 7);
            let hits = index.search("");
            let mut sel = Selection::default();
            sel.toggle(Facet::Subsidiary, report.subsidiaries[1].id.as_str());
            sel.toggle(Facet::Subsidiary, report.subsidiaries[7].id.as_str());
            sel.toggle(Facet::Category, report.categories[2].id.as_str());
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
                "{n:>8}  {mb:>9.1}  {:>10.1}  {:>10.2}  {:>10.2}  {:>11.2} ms  {results:>10}",
                ms(load_time),
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
                    ("load (parse and validate)", ms(load_time), BUDGET_LOAD_MS),
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
