//! Crossfilter over ordinal dimensions: range filters kept as bitsets, and one count group per
//! dimension (records passing every OTHER dimension's filter, per bin) updated incrementally.
//!
//! Each record has one bin `0..bins` per dimension (numbers are binned by the caller: days,
//! hours, 10-minute delays, ...). A filter keeps a range of bins of one dimension. The group
//! of dimension `d` counts, for each of its bins, the records that pass the filters of all
//! dimensions but `d`, as crossfilter's `group.all()` does.
//!
//! How it is fast:
//! - Records are stored in the order of the dimension with the most bins (the *sorted*
//!   dimension), so its bins are runs of positions and its filters are position ranges:
//!   changing one only visits the words of the positions that enter or leave.
//! - Every other dimension keeps one "bin < k" bitset per k, so the mask of any bin range is
//!   one and-not of two bitsets, computed a word at a time.
//! - Each dimension keeps the bitset of records passing its filter. When a filter changes,
//!   only the records that enter or leave it, and pass the filters of the dimensions other
//!   than the changed one and the counted one, change a group count. Words whose records
//!   all share one bin (most words of the sorted dimension) are counted with one popcount.

use crate::core::bitset::{range_word, Bitset};
use std::fmt;
use std::ops::Range;

/// The most dimensions a crossfilter can have.
pub const MAX_DIMENSIONS: usize = 32;
/// The most bins a dimension can have.
pub const MAX_BINS: usize = u16::MAX as usize;
/// `uniform` value of a word whose records are not all in one bin.
const MIXED: u16 = u16::MAX;

/// Why a crossfilter could not be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BuildError {
    /// More than [`MAX_DIMENSIONS`] dimensions.
    TooManyDimensions(usize),
    /// A dimension with 0 or more than [`MAX_BINS`] bins.
    BinCount { dimension: usize, bins: usize },
    /// A dimension with another number of records than the first one.
    Length {
        dimension: usize,
        len: usize,
        expected: usize,
    },
    /// A record whose bin is not below the dimension's bin count.
    Bin {
        dimension: usize,
        record: usize,
        bin: u16,
        bins: usize,
    },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::TooManyDimensions(n) => {
                write!(f, "{n} dimensions; at most {MAX_DIMENSIONS} are supported")
            }
            BuildError::BinCount { dimension, bins } => write!(
                f,
                "dimension {dimension} has {bins} bins; expected 1 to {MAX_BINS}"
            ),
            BuildError::Length {
                dimension,
                len,
                expected,
            } => write!(
                f,
                "dimension {dimension} has {len} records; expected {expected} like dimension 0"
            ),
            BuildError::Bin {
                dimension,
                record,
                bin,
                bins,
            } => write!(
                f,
                "record {record} has bin {bin} in dimension {dimension}, which has {bins} bins"
            ),
        }
    }
}

impl std::error::Error for BuildError {}

/// One dimension's input: each record's bin, and the number of bins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DimensionSpec {
    /// Bin of each record, `0..bins`.
    pub bins: Vec<u16>,
    /// Number of bins.
    pub bin_count: usize,
}

/// How a dimension finds the records of a bin range.
enum Lookup {
    /// Records are stored in this dimension's order: bin `b` is positions `starts[b]..starts[b + 1]`.
    Sorted { starts: Vec<usize> },
    /// `below[k - 1]` holds the records with a bin below `k`, for `k` in `1..bins`.
    Cumulative { below: Vec<Bitset> },
}

/// The fixed part of a dimension.
struct Dimension {
    bin_count: usize,
    /// Bin of each record, by position.
    bins: Vec<u16>,
    /// Per word: the bin of all its records, or [`MIXED`].
    uniform: Vec<u16>,
    lookup: Lookup,
}

impl Dimension {
    /// Word `w` of the set of records whose bin is in `lo..hi` (`lo <= hi <= bin_count`).
    #[inline]
    fn range_word(&self, len: usize, w: usize, lo: usize, hi: usize) -> u64 {
        match &self.lookup {
            Lookup::Sorted { starts } => range_word(w, starts[lo], starts[hi]),
            Lookup::Cumulative { below } => {
                let below_word = |k: usize| {
                    if k == 0 {
                        0
                    } else if k == self.bin_count {
                        range_word(w, 0, len)
                    } else {
                        below[k - 1].words()[w]
                    }
                };
                below_word(hi) & !below_word(lo)
            }
        }
    }
}

/// Records with ordinal dimensions, range filters and per-dimension count groups.
pub struct Crossfilter {
    len: usize,
    dims: Vec<Dimension>,
    /// Per dimension: the selected bins, `lo..hi` with `lo <= hi <= bin_count`.
    filters: Vec<(usize, usize)>,
    /// Per dimension: the records passing its filter.
    masks: Vec<Bitset>,
    /// Per dimension and bin: records in the bin passing every other dimension's filter.
    counts: Vec<Vec<u32>>,
    /// The dimension records are stored in the order of.
    sorted: usize,
}

impl fmt::Debug for Crossfilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Crossfilter")
            .field("len", &self.len)
            .field("filters", &self.filters)
            .field("sorted", &self.sorted)
            .finish_non_exhaustive()
    }
}

impl Crossfilter {
    /// Indexes the records given column by column, with no filter set.
    pub fn new(specs: Vec<DimensionSpec>) -> Result<Self, BuildError> {
        if specs.len() > MAX_DIMENSIONS {
            return Err(BuildError::TooManyDimensions(specs.len()));
        }
        let len = specs.first().map_or(0, |s| s.bins.len());
        for (dimension, spec) in specs.iter().enumerate() {
            if spec.bin_count == 0 || spec.bin_count > MAX_BINS {
                return Err(BuildError::BinCount {
                    dimension,
                    bins: spec.bin_count,
                });
            }
            if spec.bins.len() != len {
                return Err(BuildError::Length {
                    dimension,
                    len: spec.bins.len(),
                    expected: len,
                });
            }
            if let Some(record) = spec
                .bins
                .iter()
                .position(|&b| usize::from(b) >= spec.bin_count)
            {
                return Err(BuildError::Bin {
                    dimension,
                    record,
                    bin: spec.bins[record],
                    bins: spec.bin_count,
                });
            }
        }
        // Store records in the order of the dimension with the most bins (first on ties):
        // it would need the most "bin < k" bitsets.
        let sorted = (0..specs.len())
            .rev()
            .max_by_key(|&d| specs[d].bin_count)
            .unwrap_or(0);
        let order: Vec<usize> = match specs.get(sorted) {
            Some(spec) => positions_by_bin(&spec.bins, spec.bin_count).concat(),
            None => Vec::new(),
        };
        let words = len.div_ceil(64);
        let mut dims = Vec::with_capacity(specs.len());
        let mut counts = Vec::with_capacity(specs.len());
        for (d, spec) in specs.into_iter().enumerate() {
            let bins: Vec<u16> = order.iter().map(|&r| spec.bins[r]).collect();
            let by_bin = positions_by_bin(&bins, spec.bin_count);
            counts.push(by_bin.iter().map(|p| p.len() as u32).collect());
            let lookup = if d == sorted {
                let mut starts = Vec::with_capacity(spec.bin_count + 1);
                starts.push(0);
                for p in &by_bin {
                    starts.push(starts.last().copied().unwrap_or(0) + p.len());
                }
                Lookup::Sorted { starts }
            } else {
                let mut below = Vec::with_capacity(spec.bin_count - 1);
                let mut acc = Bitset::empty(len);
                for p in &by_bin[..spec.bin_count - 1] {
                    for &i in p {
                        acc.insert(i);
                    }
                    below.push(acc.clone());
                }
                Lookup::Cumulative { below }
            };
            let uniform = (0..words)
                .map(|w| {
                    let word = &bins[w * 64..((w + 1) * 64).min(len)];
                    if word.iter().all(|&b| b == word[0]) {
                        word[0]
                    } else {
                        MIXED
                    }
                })
                .collect();
            dims.push(Dimension {
                bin_count: spec.bin_count,
                bins,
                uniform,
                lookup,
            });
        }
        Ok(Crossfilter {
            len,
            filters: dims.iter().map(|d| (0, d.bin_count)).collect(),
            masks: dims.iter().map(|_| Bitset::full(len)).collect(),
            counts,
            dims,
            sorted,
        })
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no records.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Number of dimensions.
    pub fn dimensions(&self) -> usize {
        self.dims.len()
    }

    /// Number of bins of dimension `d`.
    pub fn bin_count(&self, d: usize) -> usize {
        self.dims[d].bin_count
    }

    /// The dimension records are stored in the order of (the one with the most bins).
    pub fn sorted_dimension(&self) -> usize {
        self.sorted
    }

    /// The bins dimension `d`'s filter keeps (`0..bin_count` when it has none).
    pub fn filter(&self, d: usize) -> Range<usize> {
        let (lo, hi) = self.filters[d];
        lo..hi
    }

    /// Dimension `d`'s group: per bin, the records passing every other dimension's filter.
    pub fn group(&self, d: usize) -> &[u32] {
        &self.counts[d]
    }

    /// Number of records passing every filter.
    pub fn selected_count(&self) -> usize {
        let words = self.len.div_ceil(64);
        (0..words)
            .map(|w| {
                self.masks
                    .iter()
                    .fold(u64::MAX, |acc, m| acc & m.words()[w])
                    .count_ones() as usize
            })
            .sum()
    }

    /// Keeps the records of dimension `d` whose bin is in `bins` (clamped to the bins there
    /// are; an empty range keeps none).
    pub fn filter_range(&mut self, d: usize, bins: Range<usize>) {
        let count = self.dims[d].bin_count;
        let hi = bins.end.min(count);
        let lo = bins.start.min(hi);
        self.set_filter(d, lo, hi);
    }

    /// Keeps the records of dimension `d` in bin `bin`.
    pub fn filter_exact(&mut self, d: usize, bin: usize) {
        self.filter_range(d, bin..bin.saturating_add(1));
    }

    /// Removes dimension `d`'s filter.
    pub fn filter_all(&mut self, d: usize) {
        self.set_filter(d, 0, self.dims[d].bin_count);
    }

    /// Removes every filter.
    pub fn clear_filters(&mut self) {
        for d in 0..self.dims.len() {
            self.filter_all(d);
        }
    }

    fn set_filter(&mut self, d: usize, lo: usize, hi: usize) {
        let (old_lo, old_hi) = self.filters[d];
        if (old_lo, old_hi) == (lo, hi) {
            return;
        }
        self.filters[d] = (lo, hi);
        let words = self.len.div_ceil(64);
        let spans = match &self.dims[d].lookup {
            // Positions entering or leaving lie between the old and new starts, or between
            // the old and new ends.
            Lookup::Sorted { starts } => {
                let (a, b) = (starts[old_lo], starts[lo]);
                let (c, e) = (starts[old_hi], starts[hi]);
                word_spans(a.min(b)..a.max(b), c.min(e)..c.max(e))
            }
            Lookup::Cumulative { .. } => [0..words, 0..0],
        };
        let Crossfilter {
            len,
            dims,
            masks,
            counts,
            ..
        } = self;
        let len = *len;
        let dim = &dims[d];
        let mut others = [0usize; MAX_DIMENSIONS];
        let k = dims.len() - 1;
        for (slot, e) in others.iter_mut().zip((0..dims.len()).filter(|&e| e != d)) {
            *slot = e;
        }
        let others = &others[..k];
        // `before[j]`: and of the masks of others[..j]; `after[j]`: of others[j..].
        let mut before = [u64::MAX; MAX_DIMENSIONS + 1];
        let mut after = [u64::MAX; MAX_DIMENSIONS + 1];
        for w in spans.into_iter().flatten() {
            let old = masks[d].words()[w];
            let new = dim.range_word(len, w, lo, hi);
            if old == new {
                continue;
            }
            masks[d].words_mut()[w] = new;
            let added = new & !old;
            let removed = old & !new;
            for j in 0..k {
                before[j + 1] = before[j] & masks[others[j]].words()[w];
            }
            for j in (0..k).rev() {
                after[j] = after[j + 1] & masks[others[j]].words()[w];
            }
            for (j, &e) in others.iter().enumerate() {
                let pass = before[j] & after[j + 1];
                let (add, remove) = (added & pass, removed & pass);
                if add | remove != 0 {
                    count_word(&dims[e], &mut counts[e], w, add, remove);
                }
            }
        }
    }
}

/// Adds the records of `add` and takes off those of `remove` (both within word `w`) from
/// `counts`, by their bins in `dim`.
#[inline]
fn count_word(dim: &Dimension, counts: &mut [u32], w: usize, add: u64, remove: u64) {
    let bin = dim.uniform[w];
    if bin != MIXED {
        let c = &mut counts[usize::from(bin)];
        *c = *c + add.count_ones() - remove.count_ones();
        return;
    }
    let bins = &dim.bins[w * 64..];
    let mut bits = add;
    while bits != 0 {
        counts[usize::from(bins[bits.trailing_zeros() as usize])] += 1;
        bits &= bits - 1;
    }
    let mut bits = remove;
    while bits != 0 {
        counts[usize::from(bins[bits.trailing_zeros() as usize])] -= 1;
        bits &= bits - 1;
    }
}

/// The words covering two position ranges, each word once.
fn word_spans(a: Range<usize>, b: Range<usize>) -> [Range<usize>; 2] {
    let words = |r: Range<usize>| {
        if r.is_empty() {
            0..0
        } else {
            r.start / 64..r.end.div_ceil(64)
        }
    };
    let (mut x, mut y) = (words(a), words(b));
    if x.start > y.start {
        std::mem::swap(&mut x, &mut y);
    }
    if x.is_empty() || y.is_empty() || x.end < y.start {
        [x, y]
    } else {
        [x.start..x.end.max(y.end), 0..0]
    }
}

/// Positions of each bin, in increasing order.
fn positions_by_bin(bins: &[u16], bin_count: usize) -> Vec<Vec<usize>> {
    let mut sizes = vec![0usize; bin_count];
    for &b in bins {
        sizes[usize::from(b)] += 1;
    }
    let mut out: Vec<Vec<usize>> = sizes.into_iter().map(Vec::with_capacity).collect();
    for (i, &b) in bins.iter().enumerate() {
        out[usize::from(b)].push(i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(bins: &[u16], bin_count: usize) -> DimensionSpec {
        DimensionSpec {
            bins: bins.to_vec(),
            bin_count,
        }
    }

    #[test]
    fn groups_count_under_the_other_filters() {
        // Records: (a, b) = (0,0) (1,0) (1,1) (2,1) (2,1)
        let mut cf =
            Crossfilter::new(vec![spec(&[0, 1, 1, 2, 2], 3), spec(&[0, 0, 1, 1, 1], 2)]).unwrap();
        assert_eq!(cf.sorted_dimension(), 0);
        assert_eq!(cf.group(0), [1, 2, 2]);
        assert_eq!(cf.group(1), [2, 3]);
        cf.filter_exact(1, 1);
        assert_eq!(cf.group(0), [0, 1, 2], "a counted under b = 1");
        assert_eq!(cf.group(1), [2, 3], "b's own filter does not narrow b");
        cf.filter_range(0, 0..2);
        assert_eq!(cf.group(1), [2, 1]);
        assert_eq!(cf.group(0), [0, 1, 2]);
        assert_eq!(cf.selected_count(), 1);
        let (lo, hi) = (2, 1);
        cf.filter_range(0, lo..hi);
        assert_eq!(cf.filter(0), 1..1);
        assert_eq!(cf.group(1), [0, 0]);
        cf.clear_filters();
        assert_eq!(cf.group(0), [1, 2, 2]);
        assert_eq!(cf.group(1), [2, 3]);
        assert_eq!(cf.selected_count(), 5);
    }

    #[test]
    fn rejects_bad_input() {
        assert_eq!(
            Crossfilter::new(vec![spec(&[0, 3], 3)]).unwrap_err(),
            BuildError::Bin {
                dimension: 0,
                record: 1,
                bin: 3,
                bins: 3
            }
        );
        assert!(matches!(
            Crossfilter::new(vec![spec(&[0], 1), spec(&[0, 0], 1)]),
            Err(BuildError::Length { dimension: 1, .. })
        ));
        assert!(matches!(
            Crossfilter::new(vec![spec(&[], 0)]),
            Err(BuildError::BinCount { .. })
        ));
        let empty = Crossfilter::new(vec![spec(&[], 4)]).unwrap();
        assert!(empty.is_empty());
        assert_eq!(empty.group(0), [0, 0, 0, 0]);
        assert_eq!(Crossfilter::new(vec![]).unwrap().dimensions(), 0);
    }

    #[test]
    fn word_spans_cover_each_word_once() {
        assert_eq!(word_spans(0..10, 70..80), [0..2, 0..0]);
        assert_eq!(word_spans(70..80, 0..10), [0..2, 0..0]);
        assert_eq!(word_spans(0..10, 130..140), [0..1, 2..3]);
        assert_eq!(word_spans(0..70, 65..200), [0..4, 0..0]);
        assert_eq!(word_spans(5..5, 65..66), [0..0, 1..2]);
        assert_eq!(word_spans(0..64, 64..65), [0..2, 0..0]);
        assert_eq!(word_spans(0..10, 200..300), [0..1, 3..5]);
    }
}
