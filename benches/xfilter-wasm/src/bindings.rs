//! The JavaScript API: `new XFilterBuilder()`, `.dimension(Uint16Array, binCount)`, `.build()`,
//! then `filterRange`, `filterExact`, `filterAll`, `clearFilters` and `groupPtr` (the address
//! of a group's `u32` counts in the module's `memory`).

use crate::{Builder, Engine};
use wasm_bindgen::prelude::*;

fn js(message: String) -> JsError {
    JsError::new(&message)
}

/// Records being described, one dimension at a time.
#[wasm_bindgen]
#[derive(Default)]
pub struct XFilterBuilder {
    inner: Builder,
}

#[wasm_bindgen]
impl XFilterBuilder {
    /// No dimension yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a dimension from each record's bin (a `Uint16Array`, copied); returns its index.
    pub fn dimension(&mut self, bins: Vec<u16>, bin_count: usize) -> usize {
        self.inner.dimension(bins, bin_count)
    }

    /// Indexes the records (the builder is used up).
    pub fn build(self) -> Result<XFilter, JsError> {
        self.inner
            .build()
            .map(|inner| XFilter { inner })
            .map_err(js)
    }
}

/// The crossfilter.
#[wasm_bindgen]
pub struct XFilter {
    inner: Engine,
}

#[wasm_bindgen]
impl XFilter {
    /// Number of records.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.inner.crossfilter().len()
    }

    /// Number of bins of dimension `d`.
    #[wasm_bindgen(js_name = binCount)]
    pub fn bin_count(&self, d: usize) -> Result<usize, JsError> {
        self.inner.group(d).map(<[u32]>::len).map_err(js)
    }

    /// The dimension records are stored in the order of.
    #[wasm_bindgen(js_name = sortedDimension)]
    pub fn sorted_dimension(&self) -> usize {
        self.inner.crossfilter().sorted_dimension()
    }

    /// Keeps the records of dimension `d` with a bin in `lo..hi`.
    #[wasm_bindgen(js_name = filterRange)]
    pub fn filter_range(&mut self, d: usize, lo: usize, hi: usize) -> Result<(), JsError> {
        self.inner.filter_range(d, lo, hi).map_err(js)
    }

    /// Keeps the records of dimension `d` in bin `bin`.
    #[wasm_bindgen(js_name = filterExact)]
    pub fn filter_exact(&mut self, d: usize, bin: usize) -> Result<(), JsError> {
        self.inner.filter_exact(d, bin).map_err(js)
    }

    /// Removes dimension `d`'s filter.
    #[wasm_bindgen(js_name = filterAll)]
    pub fn filter_all(&mut self, d: usize) -> Result<(), JsError> {
        self.inner.filter_all(d).map_err(js)
    }

    /// Removes every filter.
    #[wasm_bindgen(js_name = clearFilters)]
    pub fn clear_filters(&mut self) {
        self.inner.clear_filters();
    }

    /// Number of records passing every filter.
    #[wasm_bindgen(js_name = selectedCount)]
    pub fn selected_count(&self) -> usize {
        self.inner.crossfilter().selected_count()
    }

    /// Byte address in `memory` of dimension `d`'s group: `binCount(d)` `u32` counts, updated
    /// in place by every filter change and never moved.
    #[wasm_bindgen(js_name = groupPtr)]
    pub fn group_ptr(&self, d: usize) -> Result<usize, JsError> {
        self.inner.group(d).map(|g| g.as_ptr() as usize).map_err(js)
    }
}
