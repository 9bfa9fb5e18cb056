//! The schema and the loader on single changes to a valid file, and on each property's example
//! (part of `tests/schema_agreement.rs`, which defines agreement).

use super::*;

/// A valid format 2 file with one of each object, and the places of those objects.
fn base_2() -> (Value, Vec<&'static str>) {
    let file = json!({
        "format": "report-explorer/2",
        "report": {
            "organisation": "Meridian Harbour Holdings", "title": "Sustainability Report 2023",
            "period": "2023", "source": { "document": "Meridian Harbour Holdings Report 2023" }
        },
        "divisions": [{ "id": "ports", "name": "Ports and terminals" }],
        "subsidiaries": [
            { "id": "meridian", "name": "Meridian Harbour Holdings" },
            { "id": "north-terminal", "name": "North Terminal" }
        ],
        "categories": [
            { "id": "operations", "name": "Operations" },
            { "id": "safety", "name": "Safety" }
        ],
        "entries": [{
            "id": "e1", "kind": "event", "title": "Rate", "summary": "The rate.",
            "subsidiaries": ["meridian"], "categories": ["safety"],
            "figures": [{ "label": "Rate", "value": 2, "baseline": { "value": 3 } }],
            "source": { "section": "Safety", "passage": "The rate." }
        }]
    });
    let places = vec![
        "",
        "/report",
        "/report/source",
        "/divisions/0",
        "/subsidiaries/1",
        "/categories/1",
        "/entries/0",
        "/entries/0/source",
        "/entries/0/figures/0",
        "/entries/0/figures/0/baseline",
    ];
    (file, places)
}

/// The same in format 1.
fn base_1() -> (Value, Vec<&'static str>) {
    let (mut file, _) = base_2();
    let o = file.as_object_mut().unwrap();
    o.insert("format".into(), json!("report-explorer/1"));
    let entry = file["entries"][0].as_object_mut().unwrap();
    entry.remove("subsidiaries");
    entry.insert("subsidiary".into(), json!("meridian"));
    let figures = entry.remove("figures").unwrap();
    entry.insert("metrics".into(), figures);
    let places = vec![
        "",
        "/report",
        "/report/source",
        "/divisions/0",
        "/subsidiaries/1",
        "/categories/1",
        "/entries/0",
        "/entries/0/source",
        "/entries/0/metrics/0",
        "/entries/0/metrics/0/baseline",
    ];
    (file, places)
}

fn segs_of_pointer(pointer: &str) -> Vec<Seg> {
    pointer
        .split('/')
        .skip(1)
        .map(|s| match s.parse() {
            Ok(i) => Seg::Index(i),
            Err(_) => Seg::Key(s.to_owned()),
        })
        .collect()
}

#[test]
fn every_schema_property_is_a_field_the_loader_knows_and_its_example_loads() {
    let schema = schema();
    let validator = validator(&schema);
    let mut failures = Vec::new();
    let mut checked = 0;
    for (base, places) in [base_1(), base_2()] {
        let format = base["format"].as_str().unwrap().to_owned();
        let text = base.to_string();
        assert!(validator.is_valid(&base), "{format} base file: schema");
        let loaded = load_report(&text).expect("the base file loads");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        for place in places {
            let node = schema_at(&schema, &format, &segs_of_pointer(place))
                .unwrap_or_else(|| panic!("{format}: no schema object at `{place}`"));
            for (name, property) in node["properties"].as_object().unwrap() {
                checked += 1;
                let Some(example) = property["examples"].get(0) else {
                    failures.push(format!("{format} {place}/{name}: no example"));
                    continue;
                };
                let mut file = base.clone();
                file.pointer_mut(place).unwrap()[name] = example.clone();
                let text = file.to_string();
                if !validator.is_valid(&file) {
                    let errors: Vec<String> = validator
                        .iter_errors(&file)
                        .map(|e| format!("{}: {e}", e.instance_path()))
                        .collect();
                    failures.push(format!(
                        "{format} {place}/{name} = {example}: the schema rejects its own example: {errors:?}"
                    ));
                }
                match load_report(&text) {
                    Ok(loaded) if loaded.problems.is_empty() => {}
                    Ok(loaded) => failures.push(format!(
                        "{format} {place}/{name} = {example}: {:?}",
                        loaded
                            .problems
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                    )),
                    Err(e) => failures.push(format!("{format} {place}/{name} = {example}: {e}")),
                }
            }
        }
    }
    assert!(checked >= 50, "only {checked} properties checked");
    assert!(
        failures.is_empty(),
        "{} properties:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Beyond the fixtures: one change at a time to a valid format 2 (and format 1) file, for every rule the
/// schema expresses (and some it leaves to the loader), must find the two in agreement.
#[test]
fn the_schema_and_the_loader_agree_on_single_changes() {
    let schema = schema();
    let validator = validator(&schema);
    let (base, _) = base_2();
    let mut changes: Vec<(&str, Value)> = Vec::new();
    let dates = "2019 2019-09 2019-05-21 2019-Q3 FY2019 FY2019-Q1 2018/2019 2017/.. ../2019 \
        2019-Q1/FY2020 2019-Q5 2019-Q0 FY19 fy2019 2019-q3 FY2019-Q5 FY2019-05 ../.. .. 2019/ \
        /2019 2019/2020/2021 2019-13 2019-00 2019-02-30 2019-04-31 2020-02-29 2019-02-32 \
        2019-02-00 0000 0001 20190 201 2021-06/2021-01 2020/2019-Q1 FY2020/2019 \
        2019-Q4/2019-12 2019-2020";
    let with_spaces = ["", " ", "FY 2019", " 2019", "2019 "];
    for date in dates.split_whitespace().chain(with_spaces) {
        changes.push(("/entries/0/date", json!(date)));
        changes.push(("/entries/0/figures/0/period", json!(date)));
        changes.push(("/report/period", json!(date)));
    }
    for (place, value) in [
        ("/report/fiscal_year_end", json!(0)),
        ("/report/fiscal_year_end", json!(13)),
        ("/report/fiscal_year_end", json!(6)),
        ("/report/fiscal_year_end", json!(null)),
        ("/report/fiscal_year_end", json!("3")),
        ("/report/fiscal_year_end", json!(3.0)),
        ("/report/title", json!("")),
        ("/report/title", json!("  ")),
        ("/report/language", json!(null)),
        ("/report/language", json!("")),
        ("/report/source/url", json!("www.example.com/report.pdf")),
        (
            "/report/source/url",
            json!("https://example.com/report.pdf"),
        ),
        ("/divisions/0/id", json!("Ports")),
        ("/divisions/0/name", json!(" ")),
        ("/divisions", json!(null)),
        ("/subsidiaries/1/division", json!("ports")),
        ("/subsidiaries/1/division", json!("")),
        ("/subsidiaries/1/division", json!(null)),
        ("/subsidiaries/1/division", json!("nowhere")),
        ("/subsidiaries/1/division", json!(" ports")),
        ("/subsidiaries/1/id", json!(" north-terminal")),
        ("/subsidiaries/1/sector", json!(null)),
        ("/subsidiaries/1/sector", json!("")),
        ("/categories/1/parent", json!("")),
        ("/categories/1/parent", json!(null)),
        ("/categories/1/parent", json!("operations ")),
        ("/entries/0/kind", json!("target")),
        ("/entries/0/kind", json!("incident")),
        ("/entries/0/kind", json!("partnership")),
        ("/entries/0/kind", json!(" kpi")),
        ("/entries/0/kind", json!("KPI")),
        ("/entries/0/subsidiaries", json!([])),
        ("/entries/0/subsidiaries", json!(["meridian", "meridian"])),
        ("/entries/0/subsidiaries", json!(["meridian "])),
        ("/entries/0/subsidiaries", json!("meridian")),
        ("/entries/0/categories", json!([])),
        ("/entries/0/subsidiary", json!("meridian")),
        ("/entries/0/country", json!("Poland")),
        ("/entries/0/metrics", json!([])),
        ("/entries/0/countries", json!(["Poland", "Viet Nam"])),
        ("/entries/0/countries", json!(["Poland; Vietnam"])),
        ("/entries/0/countries", json!(null)),
        ("/entries/0/countries", json!([])),
        ("/entries/0/awarding_body", json!("")),
        (
            "/entries/0/source/url",
            json!("https://example.com/a.pdf#page=4"),
        ),
        ("/entries/0/source/url", json!("http://example.com/")),
        ("/entries/0/source/url", json!("ftp://example.com/a.pdf")),
        ("/entries/0/source/url", json!("example.com/a.pdf")),
        ("/entries/0/source/url", json!("")),
        ("/entries/0/source/url", json!(null)),
        ("/entries/0/source/page", json!("iv")),
        ("/entries/0/source/page", json!(45)),
        ("/entries/0/figures", json!(null)),
        ("/entries/0/figures/0/to", json!(8)),
        ("/entries/0/figures/0/to", json!(1)),
        ("/entries/0/figures/0/to", json!(null)),
        ("/entries/0/figures/0/unit", json!("")),
        ("/entries/0/figures/0/unit", json!(null)),
        ("/entries/0/figures/0/currency", json!("HKD")),
        ("/entries/0/figures/0/currency", json!("hkd")),
        ("/entries/0/figures/0/currency", json!("HKDX")),
        ("/entries/0/figures/0/currency", json!("")),
        ("/entries/0/figures/0/currency", json!(null)),
        ("/entries/0/figures/0/scale", json!("billion")),
        ("/entries/0/figures/0/scale", json!("billions")),
        ("/entries/0/figures/0/scale", json!("")),
        ("/entries/0/figures/0/qualifier", json!("less_than")),
        ("/entries/0/figures/0/qualifier", json!("exact")),
        ("/entries/0/figures/0/qualifier", json!("roughly")),
        ("/entries/0/figures/0/qualifier", json!("")),
        ("/entries/0/figures/0/out_of", json!(0)),
        ("/entries/0/figures/0/out_of", json!(-1)),
        ("/entries/0/figures/0/out_of", json!(1)),
        ("/entries/0/figures/0/out_of", json!(2.5)),
        ("/entries/0/figures/0/decimals", json!(0)),
        ("/entries/0/figures/0/decimals", json!(10)),
        ("/entries/0/figures/0/decimals", json!(11)),
        ("/entries/0/figures/0/decimals", json!(-1)),
        ("/entries/0/figures/0/decimals", json!(1.5)),
        ("/entries/0/figures/0/decimals", json!(2.0)),
        ("/entries/0/figures/0/baseline", json!(null)),
        ("/entries/0/figures/0/baseline", json!({})),
        (
            "/entries/0/figures/0/baseline",
            json!({"value": 1, "period": "2019-Q9"}),
        ),
        ("/entries/0/figures/0/family", json!("")),
        ("/entries/0/figures/0/label", json!(" ")),
        ("/entries/0/figures/0/value", json!("2")),
    ] {
        changes.push((place, value));
    }
    // Figures whose fields depend on each other: the whole figure is replaced.
    for figure in [
        json!({"label": "L", "value": 8, "currency": "HKD", "unit": "TEU"}),
        json!({"label": "L", "value": 8, "currency": "HKD", "unit": ""}),
        json!({"label": "L", "value": 8, "currency": "", "unit": "TEU"}),
        json!({"label": "L", "value": 54, "unit": "rank", "out_of": 250}),
        json!({"label": "L", "value": 54, "unit": "rank"}),
        json!({"label": "L", "value": 0, "unit": "rank", "out_of": 250}),
        json!({"label": "L", "value": 5.5, "unit": "rank", "out_of": 250}),
        json!({"label": "L", "value": 5, "unit": "rank", "out_of": 250.5}),
        json!({"label": "L", "value": 300, "unit": "rank", "out_of": 250}),
        json!({"label": "L", "value": 4.6, "unit": "score", "out_of": 5}),
        json!({"label": "L", "value": 4.6, "unit": "score"}),
        json!({"label": "L", "value": 4.6, "unit": "score", "out_of": null}),
        json!({"label": "L", "value": -1, "unit": "score", "out_of": 5}),
        json!({"label": "L", "value": 6, "unit": "score", "out_of": 5}),
        json!({"label": "L", "value": 11, "unit": "sites", "out_of": 15}),
        json!({"label": "L", "value": 16, "unit": "sites", "out_of": 15}),
        json!({"label": "L", "value": 16, "out_of": 15}),
    ] {
        changes.push(("/entries/0/figures/0", figure));
    }
    let (base_1, _) = base_1();
    let mut changes_1: Vec<(&str, Value)> = vec![
        ("/entries/0/subsidiary", json!(["meridian"])),
        ("/entries/0/subsidiary", json!("nobody")),
        ("/entries/0/subsidiaries", json!(["meridian"])),
        ("/entries/0/figures", json!([])),
        ("/entries/0/country", json!("Poland")),
        ("/entries/0/country", json!("Poland; Vietnam")),
        ("/entries/0/country", json!(null)),
        ("/entries/0/countries", json!(["Poland"])),
        ("/entries/0/metrics/0/unit", json!("RMB")),
        ("/entries/0/metrics/0/unit", json!("")),
        ("/entries/0/metrics/0/currency", json!("RMB")),
        ("/entries/0/metrics/0/qualifier", json!("up_to")),
        ("/entries/0/date", json!("2019-Q3")),
        ("/entries/0/kind", json!("kpi")),
        ("/report/fiscal_year_end", json!(3)),
        ("/report/fiscal_year_end", json!(13)),
        ("/report/fiscal_year_end", json!(3.0)),
        ("/divisions", json!([{"id": "Ports", "name": "Ports"}])),
        ("/divisions", json!([{"id": "ports", "name": "Ports"}])),
        ("/subsidiaries/1/division", json!("ports")),
    ];
    for date in dates.split_whitespace().chain(with_spaces) {
        changes_1.push(("/entries/0/date", json!(date)));
        changes_1.push(("/report/period", json!(date)));
    }
    // Format 1's metrics follow format 2's figure rules.
    let metrics: Vec<(String, Value)> = changes
        .iter()
        .filter_map(|(place, value)| {
            let rest = place.strip_prefix("/entries/0/figures")?;
            Some((format!("/entries/0/metrics{rest}"), value.clone()))
        })
        .collect();
    changes_1.extend(metrics.iter().map(|(p, v)| (p.as_str(), v.clone())));
    let changes = changes
        .into_iter()
        .map(|c| (&base, c))
        .chain(changes_1.into_iter().map(|c| (&base_1, c)))
        .collect::<Vec<_>>();
    let mut failures = Vec::new();
    for (base, (place, value)) in &changes {
        let mut file = (*base).clone();
        match file.pointer_mut(place) {
            Some(old) => *old = value.clone(),
            None => {
                let (parent, name) = place.rsplit_once('/').unwrap();
                file.pointer_mut(parent).unwrap()[name] = value.clone();
            }
        }
        if let Some(d) = disagreement(&validator, &file, &file.to_string()) {
            let format = &base["format"];
            failures.push(format!("{format} {place} = {value}: {d}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} changes:\n\n{}",
        failures.len(),
        changes.len(),
        failures.join("\n\n")
    );
}
