//! Year-over-year benchmark: building the series of a merged three-report catalogue
//! (`core::synth_years`) of 100k entries, and each figure's change. Prints medians; no budget.
//!
//! Run with `cargo bench --profile perf --bench trends`.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use report_explorer::core::compare::compare;
    use report_explorer::core::synth_years::merged_report;
    use report_explorer::core::trends::Trends;
    use std::hint::black_box;
    use std::time::Instant;

    const RUNS: usize = 7;
    let report = merged_report("Meridian Holdings", &[2018, 2019, 2020], 33_334, 1);
    let figures = report.metric_count();
    let median = |f: &dyn Fn()| {
        let mut times: Vec<f64> = (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times[RUNS / 2]
    };
    let trends = Trends::build(&report);
    let build = median(&|| {
        black_box(Trends::build(black_box(&report)));
    });
    let changes = median(&|| {
        for (p, e) in report.entries.iter().enumerate() {
            for m in 0..e.metrics.len() {
                black_box(trends.change(&report, p, m));
            }
        }
    });
    let grid = median(&|| {
        black_box(compare(&report, 1, 2));
    });
    println!(
        "{} entries, {figures} figures, {} series, {} lookups",
        report.entries.len(),
        trends.series.len(),
        trends.figures_seen
    );
    println!("build series: {build:.1} ms (median of {RUNS})");
    println!("every figure's change: {changes:.1} ms");
    println!("compare two editions: {grid:.1} ms");
}
