//! Report Explorer's crossfilter engine ([`report_explorer::core::crossfilter`]) for the
//! browser: compact records passed column by column as typed arrays, range filters on bins,
//! and each dimension's count group read in place from wasm memory.
//!
//! Built by `cargo xtask bench-xfilter`, which compares it with crossfilter2 in one page
//! (`benches/xfilter/`). [`Engine`] is the plain Rust API (tested natively); on wasm32 the
//! `bindings` module exposes it to JavaScript as `XFilterBuilder` and `XFilter`.

use report_explorer::core::crossfilter::{Crossfilter, DimensionSpec};

#[cfg(target_arch = "wasm32")]
mod bindings;

/// Records being described, one dimension at a time.
#[derive(Debug, Default)]
pub struct Builder {
    specs: Vec<DimensionSpec>,
}

impl Builder {
    /// No dimension yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a dimension: each record's bin (`0..bin_count`). Returns its index.
    pub fn dimension(&mut self, bins: Vec<u16>, bin_count: usize) -> usize {
        self.specs.push(DimensionSpec { bins, bin_count });
        self.specs.len() - 1
    }

    /// Indexes the records.
    pub fn build(self) -> Result<Engine, String> {
        Crossfilter::new(self.specs)
            .map(|cf| Engine { cf })
            .map_err(|e| e.to_string())
    }
}

/// The crossfilter, with dimension indices checked.
#[derive(Debug)]
pub struct Engine {
    cf: Crossfilter,
}

impl Engine {
    /// The underlying crossfilter.
    pub fn crossfilter(&self) -> &Crossfilter {
        &self.cf
    }

    fn check(&self, d: usize) -> Result<(), String> {
        if d < self.cf.dimensions() {
            Ok(())
        } else {
            Err(format!(
                "no dimension {d}: there are {}",
                self.cf.dimensions()
            ))
        }
    }

    /// Keeps the records of dimension `d` with a bin in `lo..hi`.
    pub fn filter_range(&mut self, d: usize, lo: usize, hi: usize) -> Result<(), String> {
        self.check(d)?;
        self.cf.filter_range(d, lo..hi);
        Ok(())
    }

    /// Keeps the records of dimension `d` in bin `bin`.
    pub fn filter_exact(&mut self, d: usize, bin: usize) -> Result<(), String> {
        self.check(d)?;
        self.cf.filter_exact(d, bin);
        Ok(())
    }

    /// Removes dimension `d`'s filter.
    pub fn filter_all(&mut self, d: usize) -> Result<(), String> {
        self.check(d)?;
        self.cf.filter_all(d);
        Ok(())
    }

    /// Removes every filter.
    pub fn clear_filters(&mut self) {
        self.cf.clear_filters();
    }

    /// Dimension `d`'s group counts, one per bin.
    pub fn group(&self, d: usize) -> Result<&[u32], String> {
        self.check(d)?;
        Ok(self.cf.group(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_and_groups_through_the_engine() {
        let mut b = Builder::new();
        assert_eq!(b.dimension(vec![0, 1, 1, 2], 3), 0);
        assert_eq!(b.dimension(vec![0, 0, 1, 1], 2), 1);
        let mut e = b.build().unwrap();
        e.filter_exact(1, 0).unwrap();
        assert_eq!(e.group(0).unwrap(), [1, 1, 0]);
        e.filter_range(0, 1, 3).unwrap();
        assert_eq!(e.group(1).unwrap(), [1, 2]);
        e.filter_all(1).unwrap();
        assert_eq!(e.group(0).unwrap(), [1, 2, 1]);
        e.clear_filters();
        assert_eq!(e.crossfilter().selected_count(), 4);
        assert!(e.filter_all(2).is_err());
        assert!(e.group(5).is_err());
        let mut bad = Builder::new();
        bad.dimension(vec![4], 3);
        assert!(bad.build().unwrap_err().contains("bin 4"));
    }
}
