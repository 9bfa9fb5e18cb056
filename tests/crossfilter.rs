//! The crossfilter engine against brute force: random records and filter sequences (proptest).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use report_explorer::core::crossfilter::{Crossfilter, DimensionSpec};

/// One filter operation on a dimension.
#[derive(Clone, Debug)]
enum Op {
    Range(usize, usize, usize),
    Exact(usize, usize),
    All(usize),
    ClearAll,
}

/// The groups recomputed from scratch: for each dimension, per bin, the records passing the
/// filters of every other dimension.
fn brute_force(columns: &[(Vec<u16>, usize)], filters: &[(usize, usize)]) -> Vec<Vec<u32>> {
    let len = columns.first().map_or(0, |c| c.0.len());
    let pass = |r: usize, d: usize| {
        let b = usize::from(columns[d].0[r]);
        filters[d].0 <= b && b < filters[d].1
    };
    (0..columns.len())
        .map(|d| {
            let mut counts = vec![0u32; columns[d].1];
            for r in 0..len {
                if (0..columns.len()).all(|e| e == d || pass(r, e)) {
                    counts[usize::from(columns[d].0[r])] += 1;
                }
            }
            counts
        })
        .collect()
}

fn selected(columns: &[(Vec<u16>, usize)], filters: &[(usize, usize)]) -> usize {
    let len = columns.first().map_or(0, |c| c.0.len());
    (0..len)
        .filter(|&r| {
            (0..columns.len()).all(|d| {
                let b = usize::from(columns[d].0[r]);
                filters[d].0 <= b && b < filters[d].1
            })
        })
        .count()
}

/// Records with 1 to 5 dimensions of 1 to 40 bins; sometimes long runs of one bin, so that
/// whole words share a bin.
fn records() -> impl Strategy<Value = Vec<(Vec<u16>, usize)>> {
    (
        0usize..1500,
        proptest::collection::vec(1usize..40, 1..=5),
        any::<bool>(),
    )
        .prop_flat_map(|(len, bin_counts, runs)| {
            bin_counts
                .into_iter()
                .map(|bins| {
                    proptest::collection::vec(0..bins as u16, len).prop_map(move |mut v| {
                        if runs {
                            // Runs of about 100 equal bins.
                            for i in 1..v.len() {
                                if i % 97 != 0 {
                                    v[i] = v[i - 1];
                                }
                            }
                        }
                        (v, bins)
                    })
                })
                .collect::<Vec<_>>()
        })
}

fn ops(dims: usize) -> impl Strategy<Value = Vec<Op>> {
    let op = prop_oneof![
        4 => (0..dims, 0usize..45, 0usize..45).prop_map(|(d, a, b)| Op::Range(d, a, b)),
        2 => (0..dims, 0usize..45).prop_map(|(d, b)| Op::Exact(d, b)),
        1 => (0..dims).prop_map(Op::All),
        1 => Just(Op::ClearAll),
    ];
    proptest::collection::vec(op, 0..25)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(250))]

    #[test]
    fn groups_equal_brute_force_after_every_operation(
        (columns, ops) in records().prop_flat_map(|c| {
            let dims = c.len();
            (Just(c), ops(dims))
        })
    ) {
        let mut cf = Crossfilter::new(
            columns
                .iter()
                .map(|(bins, bin_count)| DimensionSpec { bins: bins.clone(), bin_count: *bin_count })
                .collect(),
        )
        .unwrap();
        let mut filters: Vec<(usize, usize)> = columns.iter().map(|c| (0, c.1)).collect();
        prop_assert_eq!(
            (0..cf.dimensions()).map(|d| cf.group(d).to_vec()).collect::<Vec<_>>(),
            brute_force(&columns, &filters)
        );
        for op in ops {
            match op {
                Op::Range(d, a, b) => {
                    cf.filter_range(d, a..b);
                    let hi = b.min(columns[d].1);
                    filters[d] = (a.min(hi), hi);
                }
                Op::Exact(d, b) => {
                    cf.filter_exact(d, b);
                    let lo = b.min(columns[d].1);
                    filters[d] = (lo, (b + 1).min(columns[d].1));
                }
                Op::All(d) => {
                    cf.filter_all(d);
                    filters[d] = (0, columns[d].1);
                }
                Op::ClearAll => {
                    cf.clear_filters();
                    filters = columns.iter().map(|c| (0, c.1)).collect();
                }
            }
            for (d, f) in filters.iter().enumerate() {
                prop_assert_eq!(cf.filter(d), f.0..f.1);
            }
            prop_assert_eq!(
                (0..cf.dimensions()).map(|d| cf.group(d).to_vec()).collect::<Vec<_>>(),
                brute_force(&columns, &filters),
                "after {:?}", op
            );
            prop_assert_eq!(cf.selected_count(), selected(&columns, &filters));
        }
    }
}

#[test]
fn many_records_in_the_sorted_dimension_order() {
    // 10,000 records, 4 dimensions; a day-like dimension with 300 bins is the sorted one.
    let len = 10_000;
    let mut state = 0x2545_f491_u64;
    let mut next = |m: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m) as u16
    };
    let columns: Vec<(Vec<u16>, usize)> = [300usize, 24, 21, 40]
        .iter()
        .map(|&bins| ((0..len).map(|_| next(bins as u64)).collect(), bins))
        .collect();
    let mut cf = Crossfilter::new(
        columns
            .iter()
            .map(|(bins, bin_count)| DimensionSpec {
                bins: bins.clone(),
                bin_count: *bin_count,
            })
            .collect(),
    )
    .unwrap();
    assert_eq!(cf.sorted_dimension(), 0);
    let mut filters: Vec<(usize, usize)> = columns.iter().map(|c| (0, c.1)).collect();
    for step in 0..300 {
        let d = usize::from(next(4));
        let bins = columns[d].1;
        let (lo, hi) = match step % 5 {
            0 => (0, bins),
            1 => {
                let b = usize::from(next(bins as u64));
                (b, b + 1)
            }
            _ => {
                let a = usize::from(next(bins as u64));
                let b = usize::from(next(bins as u64 + 1));
                (a.min(b), a.max(b))
            }
        };
        cf.filter_range(d, lo..hi);
        filters[d] = (lo, hi);
        let groups: Vec<Vec<u32>> = (0..4).map(|d| cf.group(d).to_vec()).collect();
        assert_eq!(groups, brute_force(&columns, &filters), "step {step}");
    }
}
