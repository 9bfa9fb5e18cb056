//! The checks behind the fuzz targets, one module per target, each `check(&[u8])` panicking on a
//! broken invariant. `tests/fuzz_fixtures.rs` includes the same files (with `#[path]`) and replays
//! `tests/fixtures/fuzz/<target>/` through them, so every finding stays a normal test.

pub mod common;
pub mod config;
pub mod load;
pub mod messages;
pub mod url_query;
