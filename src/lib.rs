//! Report Explorer: explore a corporate ESG report's data in the browser.
//!
//! `core` is pure Rust (model, loading, formatting) and runs anywhere; `app`
//! is the Leptos view and only exists on the wasm32 target.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;

#[cfg(target_arch = "wasm32")]
pub use app::{mount, App};
