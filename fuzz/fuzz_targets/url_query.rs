//! Fuzz target `url_query`: every input goes through `report_explorer_fuzz::url_query::check` (see docs/fuzzing.md).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| report_explorer_fuzz::url_query::check(data));
