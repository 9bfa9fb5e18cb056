//! The writer's field order (`json_out::ORDER`) and the loader's field lists (`FIELDS` of
//! each format 2 object in `core::raw`) name the same fields: a field the loader reads but
//! the writer does not rank would be written last, out of its documented place, and a name
//! only the writer knows is one the format has dropped or never had.

use report_data::json_out::ORDER;
use report_explorer::core::raw::{
    RawBaseline, RawCategory, RawDivision, RawEntry, RawFile, RawMetric, RawReport,
    RawReportSource, RawSource, RawSubsidiary,
};
use std::collections::BTreeSet;

/// Every format 2 object's field list, as the loader checks files against them.
const LOADER_LISTS: [(&str, &[&str]); 10] = [
    ("RawFile", RawFile::FIELDS),
    ("RawReport", RawReport::FIELDS),
    ("RawReportSource", RawReportSource::FIELDS),
    ("RawDivision", RawDivision::FIELDS),
    ("RawSubsidiary", RawSubsidiary::FIELDS),
    ("RawCategory", RawCategory::FIELDS),
    ("RawEntry", RawEntry::FIELDS),
    ("RawMetric", RawMetric::FIELDS),
    ("RawBaseline", RawBaseline::FIELDS),
    ("RawSource", RawSource::FIELDS),
];

/// The loader's source, to find field lists this test does not know yet.
const RAW_RS: &str = include_str!("../../../src/core/raw.rs");

#[test]
fn every_loader_field_has_its_place_in_the_writers_order() {
    let missing: Vec<String> = LOADER_LISTS
        .iter()
        .flat_map(|(object, fields)| {
            fields
                .iter()
                .filter(|f| !ORDER.contains(f))
                .map(move |f| format!("{object}::FIELDS `{f}`"))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "fields the loader reads but tools/report-data/src/json_out.rs ORDER does not place \
         (add each where docs/data-format.md lists it): {missing:?}"
    );
}

#[test]
fn the_writers_order_names_only_fields_the_loader_reads() {
    let known: BTreeSet<&str> = LOADER_LISTS
        .iter()
        .flat_map(|(_, fields)| fields.iter().copied())
        .collect();
    let unknown: Vec<&str> = ORDER
        .iter()
        .copied()
        .filter(|f| !known.contains(f))
        .collect();
    assert!(
        unknown.is_empty(),
        "json_out.rs ORDER names fields no loader FIELDS list has: {unknown:?}"
    );
    let mut seen = BTreeSet::new();
    let twice: Vec<&str> = ORDER.iter().copied().filter(|f| !seen.insert(*f)).collect();
    assert!(
        twice.is_empty(),
        "json_out.rs ORDER names these twice: {twice:?}"
    );
}

#[test]
fn every_format_2_field_list_of_the_loader_is_checked() {
    // Each `impl RawX {` in core/raw.rs that defines `FIELDS` (format 2's names; `FIELDS_1`
    // is format 1's, which the writer never writes) must be in LOADER_LISTS.
    let mut defined = BTreeSet::new();
    let mut object = None;
    for line in RAW_RS.lines() {
        if let Some(rest) = line.strip_prefix("impl ") {
            object = rest.split_whitespace().next().map(str::to_owned);
        }
        if line.trim_start().starts_with("pub const FIELDS:") {
            defined.insert(object.clone().expect("FIELDS inside an impl"));
        }
    }
    let checked: BTreeSet<String> = LOADER_LISTS.iter().map(|(o, _)| o.to_string()).collect();
    assert_eq!(
        defined, checked,
        "core/raw.rs has field lists this test does not check"
    );
}
