//! Fuzz target `config`: every input goes through `report_explorer_fuzz::config::check` (see docs/fuzzing.md).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| report_explorer_fuzz::config::check(data));
