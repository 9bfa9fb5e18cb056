//! A fixed-size set of entry positions, one bit each, for fast facet intersections.

/// A set of positions `0..len`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bitset {
    words: Vec<u64>,
    len: usize,
}

impl Bitset {
    /// The empty set over `0..len`.
    pub fn empty(len: usize) -> Self {
        Self {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// The full set `0..len`.
    pub fn full(len: usize) -> Self {
        let mut s = Self {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        if let Some(last) = s.words.last_mut() {
            let used = len % 64;
            if used != 0 {
                *last = (1u64 << used) - 1;
            }
        }
        s
    }

    /// The set `lo..hi` over `0..len` (clamped to the universe).
    pub fn range(len: usize, lo: usize, hi: usize) -> Self {
        let mut s = Self::empty(len);
        let hi = hi.min(len);
        let lo = lo.min(hi);
        for (w, word) in s.words.iter_mut().enumerate() {
            *word = range_word(w, lo, hi);
        }
        s
    }

    /// The universe size.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no position is set.
    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|w| *w == 0)
    }

    /// Adds position `i`.
    pub fn insert(&mut self, i: usize) {
        assert!(i < self.len, "position {i} outside 0..{}", self.len);
        self.words[i / 64] |= 1 << (i % 64);
    }

    /// Whether position `i` is set.
    pub fn contains(&self, i: usize) -> bool {
        i < self.len && self.words[i / 64] & (1 << (i % 64)) != 0
    }

    /// Keeps only positions also in `other`.
    pub fn intersect_with(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Adds every position of `other`.
    pub fn union_with(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// Number of positions set.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Size of the intersection with `other`, without building it.
    pub fn intersection_count(&self, other: &Bitset) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }

    /// The 64-position words, position `i` at bit `i % 64` of word `i / 64`; bits at
    /// positions `>= len` are always clear.
    pub fn words(&self) -> &[u64] {
        &self.words
    }

    /// The words for in-place word-level updates; callers keep bits at positions `>= len` clear.
    pub(crate) fn words_mut(&mut self) -> &mut [u64] {
        &mut self.words
    }

    /// Positions set, in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(wi, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = w.trailing_zeros() as usize;
                w &= w - 1;
                Some(wi * 64 + bit)
            })
        })
    }
}

/// The bits of word `word` (positions `64 * word ..`) that lie in `lo..hi`.
#[inline]
pub fn range_word(word: usize, lo: usize, hi: usize) -> u64 {
    let start = word * 64;
    let end = start + 64;
    if hi <= start || lo >= end || lo >= hi {
        return 0;
    }
    let from = lo.saturating_sub(start);
    let to = hi.min(end) - start;
    let high = if to == 64 { u64::MAX } else { (1u64 << to) - 1 };
    high & !((1u64 << from) - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_operations() {
        let mut a = Bitset::empty(130);
        for i in [0, 5, 64, 129] {
            a.insert(i);
        }
        assert_eq!(a.count(), 4);
        assert!(a.contains(129) && !a.contains(128) && !a.contains(500));
        assert_eq!(a.iter().collect::<Vec<_>>(), [0, 5, 64, 129]);
        let full = Bitset::full(130);
        assert_eq!(full.count(), 130);
        assert_eq!(full.intersection_count(&a), 4);
        let mut b = Bitset::empty(130);
        b.insert(5);
        b.insert(6);
        let mut c = a.clone();
        c.intersect_with(&b);
        assert_eq!(c.iter().collect::<Vec<_>>(), [5]);
        c.union_with(&b);
        assert_eq!(c.iter().collect::<Vec<_>>(), [5, 6]);
        assert!(Bitset::empty(0).is_empty());
        assert_eq!(Bitset::full(64).count(), 64);
    }

    #[test]
    fn ranges_and_words() {
        for (len, lo, hi) in [
            (130, 3, 70),
            (130, 0, 130),
            (130, 64, 128),
            (130, 5, 5),
            (64, 0, 64),
        ] {
            let r = Bitset::range(len, lo, hi);
            assert_eq!(r.iter().collect::<Vec<_>>(), (lo..hi).collect::<Vec<_>>());
            assert_eq!(r.words().len(), len.div_ceil(64));
        }
        assert_eq!(Bitset::range(10, 4, 99), Bitset::range(10, 4, 10));
        assert!(Bitset::range(10, 8, 3).is_empty());
        assert_eq!(range_word(1, 0, 200), u64::MAX);
        assert_eq!(range_word(1, 65, 67), 0b110);
        assert_eq!(range_word(0, 63, 64), 1 << 63);
        assert_eq!(range_word(2, 0, 128), 0);
    }
}
