//! The pure core: data model, loading and validation, formatting. No browser, no UI framework.
//!
//! Everything here compiles and is tested natively with `cargo test`; the
//! `tests/architecture.rs` test keeps browser and UI crates out of this tree.

pub mod bitset;
pub mod catalogue;
pub mod charts;
pub mod compare;
pub mod config;
pub mod crossfilter;
pub mod currency;
pub mod date;
pub mod editions;
pub mod embed;
pub mod export;
pub mod figure;
mod fold_table;
pub mod format;
pub mod i18n;
pub mod ids;
pub mod load;
pub mod locate;
pub mod model;
pub mod paging;
pub mod print;
pub mod problem;
pub mod progress;
pub mod query;
pub mod raw;
pub mod reading;
pub mod selection;
pub mod source;
pub mod split;
pub mod synth;
pub mod synth_years;
pub mod text;
pub mod timeline;
pub mod trends;
pub mod url_state;
pub mod years;
