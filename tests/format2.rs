//! Format 2: format 1 files migrate to the same model, the showcase loads its divisions,
//! shared entries, countries, kinds and pages, every new rule has its exact message, and the
//! engine, timeline and exports treat an entry shared by several subsidiaries as the spec says.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::export::{csv_row, entry_json, CSV_HEADER};
use report_explorer::core::ids::SubsidiaryId;
use report_explorer::core::load::{load_report, Loaded, Loader};
use report_explorer::core::model::{Entry, Kind, Report, Source, Version};
use report_explorer::core::problem::Severity;
use report_explorer::core::query::{Facet, Index, Selection};
use report_explorer::core::timeline::{default_window, layout, LaneBy, TimelineOptions};
use serde_json::{json, Value};

const FORMAT1: &str = include_str!("fixtures/format1/citic-2019.json");
const SHOWCASE: &str = include_str!("fixtures/format2/showcase.json");

fn load(v: &Value) -> Loaded {
    load_report(&v.to_string()).expect("loads")
}

fn problems(v: &Value) -> Vec<String> {
    load(v).problems.iter().map(|p| p.to_string()).collect()
}

/// A small format 2 report: three subsidiaries in two divisions (one without), two entries.
fn good() -> Value {
    json!({
        "format": "report-explorer/2",
        "report": {
            "organisation": "Acme Group",
            "title": "Acme 2023 Report",
            "period": "2023",
            "source": { "document": "Acme 2023 Report", "url": "https://example.com/acme.pdf" }
        },
        "divisions": [
            { "id": "finance", "name": "Finance" },
            { "id": "works", "name": "Works" }
        ],
        "subsidiaries": [
            { "id": "acme", "name": "Acme Group" },
            { "id": "acme-bank", "name": "Acme Bank", "division": "finance" },
            { "id": "acme-build", "name": "Acme Build", "division": "works" }
        ],
        "categories": [
            { "id": "people", "name": "People" },
            { "id": "planet", "name": "Planet" }
        ],
        "entries": [
            {
                "id": "e1", "kind": "partnership", "title": "Shore power",
                "summary": "Bank and Build agreed on shore power.",
                "subsidiaries": ["acme-build", "acme-bank"], "categories": ["planet"],
                "date": "2023-05", "countries": ["Poland", "Vietnam"],
                "source": { "section": "Planet", "passage": "We agreed.", "page": "45" }
            },
            {
                "id": "e2", "kind": "kpi", "title": "Engagement",
                "summary": "Engagement rose.", "subsidiaries": ["acme"], "categories": ["people"],
                "date": "2023",
                "source": { "section": "People", "passage": "It rose.", "page": "iv",
                            "url": "https://example.com/acme.pdf#engagement" }
            }
        ]
    })
}

/// A format 1 report written as format 2: `subsidiary` → `subsidiaries`, `country` →
/// `countries`, `metrics` → `figures`.
fn as_format2(v: &Value) -> Value {
    let mut v = v.clone();
    v["format"] = json!("report-explorer/2");
    for e in v["entries"].as_array_mut().unwrap() {
        let o = e.as_object_mut().unwrap();
        let sub = o.remove("subsidiary").unwrap();
        o.insert("subsidiaries".into(), json!([sub]));
        if let Some(c) = o.remove("country") {
            o.insert("countries".into(), json!([c]));
        }
        if let Some(mut m) = o.remove("metrics") {
            // A currency code written as the unit is format 2's `currency` (`TEU` stays a unit).
            for f in m.as_array_mut().unwrap() {
                let unit = f["unit"].as_str().unwrap_or_default().to_owned();
                if ["RMB", "USD", "HKD", "EUR"].contains(&unit.as_str()) {
                    let f = f.as_object_mut().unwrap();
                    f.remove("unit");
                    f.insert("currency".into(), json!(unit));
                }
            }
            o.insert("figures".into(), m);
        }
    }
    v
}

#[test]
fn a_format_1_file_loads_into_the_model_its_format_2_form_gives() {
    let v1: Value = serde_json::from_str(FORMAT1).unwrap();
    let old = load_report(FORMAT1).expect("format 1 loads");
    assert_eq!(old.version, Version::V1);
    assert!(old.errors().next().is_none(), "{:?}", old.problems);
    let new = load(&as_format2(&v1));
    assert_eq!(new.version, Version::V2);
    assert!(new.errors().next().is_none(), "{:?}", new.problems);
    assert_eq!(
        old.report.entries.len(),
        v1["entries"].as_array().unwrap().len()
    );
    assert_eq!(old.report, new.report);
    // The one currency unit moved to `currency` on migration.
    assert!(old
        .report
        .entries
        .iter()
        .flat_map(|e| &e.metrics)
        .any(|m| m.currency.as_deref() == Some("RMB") && m.unit.is_none()));

    // Each entry: one subsidiary in a list, its country in a list, its metrics as figures.
    for (e, raw) in old
        .report
        .entries
        .iter()
        .zip(v1["entries"].as_array().unwrap())
    {
        assert_eq!(
            e.subsidiaries,
            [SubsidiaryId::new(raw["subsidiary"].as_str().unwrap()).unwrap()]
        );
        let country: Vec<String> = raw
            .get("country")
            .and_then(Value::as_str)
            .map(|c| vec![c.to_owned()])
            .unwrap_or_default();
        assert_eq!(e.countries, country, "{}", e.id);
        let metrics = raw
            .get("metrics")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        assert_eq!(e.metrics.len(), metrics, "{}", e.id);
        assert_eq!(
            (e.source.page.as_deref(), e.source.url.as_deref()),
            (None, None)
        );
    }
    assert!(old.report.entries.iter().any(|e| !e.countries.is_empty()));
    assert!(old.report.divisions.is_empty());
}

#[test]
fn format_1_problems_keep_format_1_paths() {
    let mut v: Value = serde_json::from_str(FORMAT1).unwrap();
    v["entries"][0]["subsidiary"] = json!("nobody");
    v["entries"][1]["country"] = json!("   ");
    let loaded = load(&v);
    let lines: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        lines,
        ["error: entries[0].subsidiary: unknown subsidiary id `nobody` (expected the id of an entry in `subsidiaries`)"]
    );
    // A blank country is "not given".
    assert!(loaded.report.entries[0].countries.is_empty());
}

#[test]
fn the_showcase_loads_its_divisions_shared_entries_countries_kinds_and_pages() {
    let loaded = load_report(SHOWCASE).expect("the showcase loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let r = &loaded.report;
    let names: Vec<(&str, &str)> = r
        .divisions
        .iter()
        .map(|d| (d.id.as_str(), d.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [("ports", "Ports and terminals"), ("logistics", "Logistics")]
    );
    let divisions: Vec<Option<&str>> = r
        .subsidiaries
        .iter()
        .map(|s| s.division.as_ref().map(|d| d.as_str()))
        .collect();
    assert_eq!(
        divisions,
        [None, Some("ports"), Some("ports"), Some("logistics")]
    );
    assert_eq!(r.entries.len(), 9);
    assert_eq!(r.meta.fiscal_year_end, 3);
    let find = |id: &str| r.entries.iter().find(|e| e.id.as_str() == id).unwrap();

    let throughput = find("throughput");
    assert_eq!(ids(throughput), ["north-terminal", "south-terminal"]);
    fn ids(e: &Entry) -> Vec<&str> {
        e.subsidiaries.iter().map(|s| s.as_str()).collect()
    }
    assert_eq!(throughput.countries, ["Poland", "Vietnam"]);
    assert_eq!(throughput.source.page.as_deref(), Some("12–13"));
    assert_eq!(throughput.source.page_label().as_deref(), Some("pp. 12–13"));
    // Not a number: no link to the document's page.
    assert_eq!(throughput.source.link(r.meta.url.as_deref()), None);
    assert_eq!(
        r.lead_with(throughput),
        "North Terminal, with South Terminal"
    );
    assert_eq!(
        r.subsidiary_label(&throughput.subsidiaries[0]),
        "North Terminal (Ports and terminals)"
    );

    let ltifr = find("ltifr-2023");
    assert_eq!(ltifr.kind, Kind::Kpi);
    assert_eq!(ltifr.source.page_label().as_deref(), Some("p. 45"));
    assert_eq!(
        ltifr.source.link(r.meta.url.as_deref()).as_deref(),
        Some("https://example.com/meridian-2023.pdf#page=45")
    );
    assert_eq!(find("cold-storage").countries, ["Poland"]);
    assert_eq!(find("crane-target").kind, Kind::Target);
    assert_eq!(find("fine-2023").kind, Kind::Incident);
    assert_eq!(find("wind-partnership").kind, Kind::Partnership);
    assert_eq!(find("aerodrome-award").kind, Kind::Award);
    let kinds: Vec<(Kind, usize)> = r
        .kind_counts()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect();
    assert_eq!(
        kinds,
        [
            (Kind::Award, 1),
            (Kind::Service, 1),
            (Kind::Event, 1),
            (Kind::Target, 1),
            (Kind::Incident, 1),
            (Kind::Partnership, 1),
            (Kind::Kpi, 3)
        ]
    );
    assert_eq!(Kind::Kpi.count(3), "3 KPIs");
    assert_eq!(Kind::Partnership.label(), "Partnership");
}

#[test]
fn the_new_fields_load() {
    let loaded = load(&good());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let r = &loaded.report;
    let e = &r.entries[0];
    assert_eq!(e.kind, Kind::Partnership);
    assert_eq!(r.entries[1].kind, Kind::Kpi);
    assert_eq!(r.subsidiary_names(e), "Acme Build, Acme Bank");
    assert_eq!(e.lead().map(|s| s.as_str()), Some("acme-build"));
    assert_eq!(r.division_of(&e.subsidiaries[1]), Some("Finance"));
    assert_eq!(e.countries, ["Poland", "Vietnam"]);
    // The passage's own address wins over the document's page.
    let s = &r.entries[1].source;
    assert_eq!(s.page_label().as_deref(), Some("p. iv"));
    assert_eq!(
        s.link(r.meta.url.as_deref()).as_deref(),
        Some("https://example.com/acme.pdf#engagement")
    );
}

#[test]
fn format_1_names_in_a_format_2_file_name_the_new_field() {
    let mut v = good();
    let e = v["entries"][0].as_object_mut().unwrap();
    e.remove("subsidiaries");
    e.insert("subsidiary".into(), json!("acme-bank"));
    e.insert("country".into(), json!("Poland"));
    v["entries"][1]["metrics"] = json!([]);
    let loaded = load(&v);
    assert_eq!(loaded.report.entries.len(), 0, "both entries are skipped");
    assert_eq!(
        problems(&v),
        [
            "error: entries[0].subsidiary: `subsidiary` is format 1's field; format 2 writes `subsidiaries`, a list of ids (expected `subsidiaries`)",
            "error: entries[0].country: `country` is format 1's field; format 2 writes `countries`, a list of country names (expected `countries`)",
            "error: entries[1].metrics: `metrics` is format 1's field; format 2 writes `figures`, a list of figures (expected `figures`)",
        ]
    );
}

#[test]
fn a_source_url_must_be_an_absolute_web_address() {
    for (url, ok) in [
        ("https://example.com/a.pdf#page=3", true),
        ("http://example.com", true),
        ("HTTPS://EXAMPLE.COM/X", true),
        ("javascript:alert(1)", false),
        ("/report.pdf", false),
        ("example.com/report.pdf", false),
        ("ftp://example.com/a", false),
        ("https://", false),
        ("https://exa mple.com", false),
    ] {
        let mut v = good();
        v["entries"][0]["source"]["url"] = json!(url);
        let lines = problems(&v);
        if ok {
            assert!(lines.is_empty(), "{url}: {lines:?}");
        } else {
            assert_eq!(
                lines,
                [format!("error: entries[0].source.url: `{url}` is not an absolute web address (expected an address starting with `http://` or `https://`)")],
                "{url}"
            );
        }
    }
}

#[test]
fn a_repeated_id_in_a_list_is_a_warning_and_dropped() {
    let mut v = good();
    v["entries"][0]["subsidiaries"] = json!(["acme-build", "acme-bank", "acme-build"]);
    v["entries"][0]["categories"] = json!(["planet", "planet"]);
    let loaded = load(&v);
    assert_eq!(
        problems(&v),
        [
            "warning: entries[0].subsidiaries[2]: `acme-build` is listed twice (first at entries[0].subsidiaries[0]); the repeat is dropped (expected each id once)",
            "warning: entries[0].categories[1]: `planet` is listed twice (first at entries[0].categories[0]); the repeat is dropped (expected each id once)",
        ]
    );
    let e = &loaded.report.entries[0];
    assert_eq!(e.subsidiaries.len(), 2);
    assert_eq!(e.categories.len(), 1);
}

#[test]
fn an_entry_needs_a_subsidiary_and_ids_are_never_trimmed() {
    let mut v = good();
    v["entries"][0]["subsidiaries"] = json!([]);
    v["entries"][1]["subsidiaries"] = json!(["acme "]);
    assert_eq!(
        problems(&v),
        [
            "error: entries[0].subsidiaries: is empty (expected at least one subsidiary id)",
            "error: entries[1].subsidiaries[0]: unknown subsidiary id `acme ` (expected the id of an entry in `subsidiaries`)",
        ]
    );
    let mut v = good();
    v["entries"][0]["id"] = json!(" e1");
    v["entries"][1]["categories"] = json!([" people"]);
    assert_eq!(
        problems(&v),
        [
            "error: entries[0].id: id ` e1` contains ` ` (expected 1-64 of a-z, 0-9 and `-`, not starting with `-`)",
            "error: entries[1].categories[0]: unknown category id ` people` (expected the id of an entry in `categories`)",
        ]
    );
}

#[test]
fn country_names_are_not_blank_and_hold_no_semicolon() {
    let mut v = good();
    v["entries"][0]["countries"] = json!(["Poland", " "]);
    v["entries"][1]["countries"] = json!(["Poland; Vietnam"]);
    assert_eq!(
        problems(&v),
        [
            "error: entries[0].countries[1]: is empty (expected a country name)",
            "error: entries[1].countries[0]: `Poland; Vietnam` holds `;`, which separates list items in spreadsheets (expected one country name per item, without `;`)",
        ]
    );
}

#[test]
fn blank_or_null_optional_fields_are_not_given() {
    let mut v = good();
    let e = &mut v["entries"][0];
    e["countries"] = Value::Null;
    e["location"] = json!("  ");
    e["awarding_body"] = Value::Null;
    e["date"] = json!(" ");
    e["figures"] = Value::Null;
    e["source"]["page"] = json!("");
    e["source"]["url"] = json!(" ");
    v["subsidiaries"][1]["division"] = json!(" ");
    v["subsidiaries"][2]["sector"] = Value::Null;
    let loaded = load(&v);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let e = &loaded.report.entries[0];
    assert!(e.countries.is_empty() && e.metrics.is_empty());
    assert_eq!(
        (e.location.as_deref(), e.date, e.source.page.as_deref()),
        (None, None, None)
    );
    assert_eq!(e.source.url, None);
    assert_eq!(loaded.report.subsidiaries[1].division, None);
}

#[test]
fn an_unknown_or_skipped_division_leaves_the_subsidiary_without_one() {
    let mut v = good();
    v["divisions"][1]["name"] = json!(" ");
    v["subsidiaries"][1]["division"] = json!("Finance");
    let loaded = load(&v);
    assert_eq!(
        problems(&v),
        [
            "error: divisions[1].name: is empty (expected a non-empty string)",
            "warning: subsidiaries[1].division: unknown division id `Finance`; the subsidiary loads without a division (expected the id of an entry in `divisions`)",
            "warning: subsidiaries[2].division: division `works` was skipped because of its own problem at divisions[1]; the subsidiary loads without a division (expected a division that loads)",
        ]
    );
    assert_eq!(loaded.report.divisions.len(), 1);
    assert_eq!(loaded.report.subsidiaries.len(), 3);
    assert!(loaded
        .report
        .subsidiaries
        .iter()
        .all(|s| s.division.is_none()));
    assert_eq!(loaded.report.entries.len(), 2);
}

#[test]
fn a_page_that_is_not_a_number_links_only_with_its_own_address() {
    let source = |page: Option<&str>, url: Option<&str>| Source {
        section: "S".into(),
        passage: "P".into(),
        page: page.map(str::to_owned),
        url: url.map(str::to_owned),
    };
    let doc = Some("https://example.com/r.pdf#toc");
    assert_eq!(
        source(Some("7"), None).link(doc).as_deref(),
        Some("https://example.com/r.pdf#page=7")
    );
    assert_eq!(source(Some("7"), None).link(None), None);
    assert_eq!(source(Some("iv"), None).link(doc), None);
    assert_eq!(source(None, None).link(doc), None);
    assert_eq!(
        source(None, Some("https://example.com/p"))
            .link(doc)
            .as_deref(),
        Some("https://example.com/p")
    );
    assert_eq!(
        source(Some("45–46"), None).page_label().as_deref(),
        Some("pp. 45–46")
    );
    assert_eq!(source(None, None).page_label(), None);
}

#[test]
fn entries_read_fast_and_slowly_load_alike() {
    // An unknown field sends an entry through the slow path: the model is the same.
    let fast = load(&good());
    let mut v = good();
    for e in v["entries"].as_array_mut().unwrap() {
        e["colour"] = json!("red");
    }
    let slow = load(&v);
    assert_eq!(slow.report, fast.report);
    assert_eq!(slow.problems.len(), 2);
    assert!(slow
        .problems
        .iter()
        .all(|p| p.severity == Severity::Warning));
    // And in steps, as the app loads.
    let text = v.to_string();
    let mut loader = Loader::new(&text);
    let stepped = loop {
        if let Some(done) = loader.step(&text, 64).unwrap() {
            break done;
        }
    };
    assert_eq!(stepped, slow);
}

/// The good report with `n` more entries: every third shared by Bank and Build.
fn shared_report() -> Report {
    let mut v = good();
    for i in 0..30 {
        let subs = match i % 3 {
            0 => json!(["acme-bank", "acme-build"]),
            1 => json!(["acme-bank"]),
            _ => json!(["acme"]),
        };
        v["entries"].as_array_mut().unwrap().push(json!({
            "id": format!("x{i}"), "kind": if i % 2 == 0 { "award" } else { "event" },
            "title": format!("Item {i}"), "summary": "S.", "subsidiaries": subs,
            "categories": ["people"], "date": format!("{}", 2015 + i % 8),
            "source": { "section": "People", "passage": "P." }
        }));
    }
    let loaded = load(&v);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.report
}

#[test]
fn a_shared_entry_counts_under_each_of_its_subsidiaries() {
    let r = shared_report();
    let index = Index::new(&r);
    let hits = index.search("");
    let result = index.query(&Selection::default(), &hits);
    let subs = &result
        .facets
        .iter()
        .find(|(f, _)| *f == Facet::Subsidiary)
        .unwrap()
        .1;
    let counts: Vec<(&str, usize, Option<&str>)> = subs
        .iter()
        .map(|v| (v.token.as_str(), v.count, v.group.as_deref()))
        .collect();
    // 10 shared (bank + build), 10 bank only, 10 group; e1 is Build's and Bank's, e2 the group's.
    assert_eq!(
        counts,
        [
            ("acme", 11, None),
            ("acme-bank", 21, Some("Finance")),
            ("acme-build", 11, Some("Works"))
        ]
    );
    // Selecting both lists each entry once.
    let mut sel = Selection::default();
    sel.toggle(Facet::Subsidiary, "acme-bank");
    sel.toggle(Facet::Subsidiary, "acme-build");
    assert_eq!(index.query(&sel, &hits).entries.len(), 21);
}

#[test]
fn search_finds_every_subsidiary_division_and_country() {
    let r = load(&good()).report;
    let index = Index::new(&r);
    for (query, want) in [
        ("acme bank", vec![0]), // the second subsidiary
        ("finance", vec![0]),   // a division's name
        ("works", vec![0]),
        ("vietnam", vec![0]), // the second country
        ("acme group", vec![1]),
    ] {
        let hits = index.search(query);
        let found: Vec<usize> = (0..r.entries.len())
            .filter(|&i| hits.matches.contains(i))
            .collect();
        assert_eq!(found, want, "{query}");
    }
}

#[test]
fn a_shared_entry_sits_in_its_leads_lane() {
    let mut v = good();
    v["entries"][0]["kind"] = json!("award");
    let r2 = load(&v).report;
    let all: Vec<usize> = (0..r2.entries.len()).collect();
    let mut opts = TimelineOptions::new(default_window(&r2, &all), 800.0);
    opts.by = LaneBy::Subsidiary;
    let l = layout(&r2, &all, &opts);
    let lanes: Vec<&str> = l.lanes.iter().map(|lane| lane.key.as_str()).collect();
    assert_eq!(
        lanes,
        ["acme-build"],
        "one lane, the lead's, and no copy in Bank's"
    );
    assert_eq!(l.items.len(), 1);
    assert_eq!(
        r2.with_others(&r2.entries[0]).as_deref(),
        Some("with Acme Bank")
    );
    assert_eq!(r2.with_others(&r2.entries[1]), None);
}

#[test]
fn with_others_names_every_other_subsidiary() {
    let mut v = good();
    v["entries"][0]["subsidiaries"] = json!(["acme", "acme-bank", "acme-build"]);
    let r = load(&v).report;
    assert_eq!(
        r.lead_with(&r.entries[0]),
        "Acme Group, with Acme Bank and Acme Build"
    );
    assert_eq!(r.lead_with(&r.entries[1]), "Acme Group");
}

#[test]
fn exports_write_every_subsidiary_and_country() {
    let r = load(&good()).report;
    let row = csv_row(&r, &r.entries[0]);
    let cell = |name: &str| row[CSV_HEADER.iter().position(|h| *h == name).unwrap()].clone();
    assert_eq!(cell("subsidiaries"), "acme-build; acme-bank");
    assert_eq!(cell("subsidiary_names"), "Acme Build; Acme Bank");
    assert_eq!(cell("countries"), "Poland; Vietnam");
    assert_eq!(cell("source_page"), "45");
    assert_eq!(cell("source_url"), "");
    let json = entry_json(&r.entries[1]);
    assert_eq!(json["subsidiaries"], json!(["acme"]));
    assert_eq!(
        json["source"]["url"],
        "https://example.com/acme.pdf#engagement"
    );
    assert_eq!(json["source"]["page"], "iv");
    assert!(json.get("subsidiary").is_none() && json.get("countries").is_none());
    // Written back into the file, the exported entries load to the same entries.
    let mut v = good();
    v["entries"] = json!(r.entries.iter().map(entry_json).collect::<Vec<_>>());
    assert_eq!(load(&v).report, r);
}

#[test]
fn figure_periods_are_read_in_the_reports_fiscal_year() {
    let mut v = good();
    v["report"]["fiscal_year_end"] = json!(3);
    v["entries"][1]["figures"] = json!([
        { "label": "Engagement", "value": 4.6, "unit": "score", "out_of": 5, "period": "FY2023",
          "baseline": { "value": 4.1, "period": "FY2022-Q4" } }
    ]);
    let loaded = load(&v);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let figure = &loaded.report.entries[1].metrics[0];
    let period = figure.period.expect("period");
    assert_eq!(
        (period.first_day(), period.last_day()),
        ((2022, 4, 1), (2023, 3, 31))
    );
    let baseline = figure
        .baseline
        .as_ref()
        .and_then(|b| b.period)
        .expect("baseline period");
    assert_eq!(
        (baseline.first_day(), baseline.last_day()),
        ((2022, 1, 1), (2022, 3, 31))
    );
    assert_eq!(
        report_explorer::core::format::format_metric(figure),
        "4.6 out of 5 in FY2023, up from 4.1 in Q4 FY2022"
    );
}

#[test]
fn a_page_links_to_the_document_only_when_the_document_is_a_web_address() {
    let source = Source {
        section: "S".into(),
        passage: "P".into(),
        page: Some("45".into()),
        url: None,
    };
    assert_eq!(
        source
            .link(Some("https://example.com/r.pdf#toc"))
            .as_deref(),
        Some("https://example.com/r.pdf#page=45")
    );
    for document in [
        "javascript:alert(1)",
        "data:text/html,x",
        "report.pdf",
        "//evil.example/r.pdf",
    ] {
        assert_eq!(source.link(Some(document)), None, "{document}");
    }
}
