//! The catalogue of reports: loading, every validation rule's message, grouping and
//! ordering, and the choice of reports from `?reports=`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use report_explorer::core::catalogue::{
    check_language, load_catalogue, load_catalogue_for, Catalogue, CatalogueError, CatalogueReport,
    CATALOGUE_FORMAT,
};
use report_explorer::core::problem::{Problem, Severity};
use serde_json::{json, Value};

/// The one real report: the CITIC 2019 customer-responsibility chapter in `data/`.
fn citic() -> Value {
    json!({
        "id": "citic-2019-en",
        "organisation": "CITIC Limited",
        "period": "2019",
        "title": "CITIC Limited 2019 ESG Report: Customer responsibility",
        "language": "en",
        "path": "data/report.json"
    })
}

/// A generated report of an invented organisation.
fn invented(org: &str, slug: &str, period: &str, language: &str) -> Value {
    let id = format!(
        "{slug}-{}-{}",
        period.to_lowercase(),
        language.to_lowercase()
    );
    let mut report = json!({
        "id": id,
        "organisation": org,
        "period": period,
        "title": format!("{org} Sustainability Report {period}"),
        "language": language,
        "path": format!("data/{id}.json"),
    });
    if language != "en" {
        report["translation_of"] = json!(format!("{slug}-{}-en", period.to_lowercase()));
    }
    report
}

/// A generated catalogue: three years in English and Traditional Chinese for two invented
/// organisations (listed oldest first, out of order), and the CITIC 2019 chapter.
fn generated() -> Value {
    let mut reports = vec![citic()];
    for period in ["2021", "2023", "2022"] {
        for language in ["en", "zh-Hant"] {
            reports.push(invented(
                "Meridian Harbour Holdings",
                "meridian",
                period,
                language,
            ));
        }
    }
    for period in ["FY2022", "FY2021", "FY2023"] {
        for language in ["en", "zh-Hant"] {
            reports.push(invented("Northwind Grid", "northwind", period, language));
        }
    }
    json!({"format": CATALOGUE_FORMAT, "reports": reports})
}

fn load(value: &Value) -> Catalogue {
    load_catalogue(&value.to_string()).expect("the catalogue loads")
}

fn ids<'a>(reports: impl IntoIterator<Item = &'a CatalogueReport>) -> Vec<&'a str> {
    reports.into_iter().map(|r| r.id.as_str()).collect()
}

fn lines(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(Problem::to_string).collect()
}

/// The generated catalogue with `bad` appended: the problems, and whether `bad` was kept.
fn with_entry(bad: Value) -> (Vec<String>, bool) {
    let mut catalogue = generated();
    catalogue["reports"].as_array_mut().unwrap().push(bad);
    let loaded = load(&catalogue);
    assert!(
        loaded.get("citic-2019-en").is_some(),
        "the good entries stay"
    );
    (lines(loaded.problems()), loaded.reports().len() == 14)
}

/// The CITIC entry with `field` set to `value` and id `other`.
fn citic_with(field: &str, value: Value) -> Value {
    let mut entry = citic();
    entry["id"] = json!("other");
    entry[field] = value;
    entry
}

#[test]
fn generated_catalogue_loads_every_report_without_problems() {
    let catalogue = load(&generated());
    assert_eq!(catalogue.reports().len(), 13);
    assert_eq!(catalogue.problems(), &[]);
    let citic = catalogue.get("citic-2019-en").unwrap();
    assert_eq!(citic.organisation, "CITIC Limited");
    assert_eq!(citic.period.year(), 2019);
    assert_eq!(citic.period_text, "2019");
    assert_eq!(citic.path, "data/report.json");
    assert_eq!(citic.translation_of, None);
    let zh = catalogue.get("meridian-2022-zh-hant").unwrap();
    assert_eq!(zh.language, "zh-Hant");
    assert_eq!(zh.translation_of.as_deref(), Some("meridian-2022-en"));
}

#[test]
fn organisations_keep_file_order_and_reports_run_newest_first() {
    let catalogue = load(&generated());
    let groups = catalogue.by_organisation();
    let orgs: Vec<&str> = groups.iter().map(|(org, _)| *org).collect();
    assert_eq!(
        orgs,
        [
            "CITIC Limited",
            "Meridian Harbour Holdings",
            "Northwind Grid"
        ]
    );
    assert_eq!(ids(groups[0].1.iter().copied()), ["citic-2019-en"]);
    // Equal periods keep file order: English before its translation.
    assert_eq!(
        ids(groups[1].1.iter().copied()),
        [
            "meridian-2023-en",
            "meridian-2023-zh-hant",
            "meridian-2022-en",
            "meridian-2022-zh-hant",
            "meridian-2021-en",
            "meridian-2021-zh-hant",
        ]
    );
    assert_eq!(
        ids(groups[2].1.iter().copied()),
        [
            "northwind-fy2023-en",
            "northwind-fy2023-zh-hant",
            "northwind-fy2022-en",
            "northwind-fy2022-zh-hant",
            "northwind-fy2021-en",
            "northwind-fy2021-zh-hant",
        ]
    );
}

#[test]
fn years_are_distinct_and_newest_first() {
    let catalogue = load(&generated());
    assert_eq!(
        catalogue.years("Meridian Harbour Holdings"),
        [2023, 2022, 2021]
    );
    assert_eq!(catalogue.years("CITIC Limited"), [2019]);
    assert_eq!(catalogue.years("Nobody"), Vec::<i32>::new());
}

#[test]
fn an_id_with_a_slash_is_refused() {
    // An id made from a range period (`2021/2022`) has a `/`: the entry is skipped.
    let catalogue = load(&json!({"format": CATALOGUE_FORMAT, "reports": [
        invented("Meridian Harbour Holdings", "m", "2021", "en"),
        invented("Meridian Harbour Holdings", "m", "2021/2022", "en"),
    ]}));
    assert_eq!(ids(catalogue.reports()), ["m-2021-en"]);
    assert_eq!(
        lines(catalogue.problems()),
        ["error: reports[1].id: id `m-2021/2022-en` contains `/` (expected 1 to 64 of `a-z`, `0-9`, `-`, starting with a letter or digit)"]
    );
}

#[test]
fn equal_first_days_order_by_last_day() {
    let mut long = invented("Meridian Harbour Holdings", "m", "2021", "en");
    long["id"] = json!("two-years");
    long["period"] = json!("2021/2022");
    let catalogue = load(&json!({"format": CATALOGUE_FORMAT, "reports": [
        invented("Meridian Harbour Holdings", "m", "2021", "en"),
        long,
        invented("Meridian Harbour Holdings", "m", "2022-Q1", "en"),
        invented("Meridian Harbour Holdings", "m", "2021-07", "en"),
    ]}));
    assert_eq!(
        ids(catalogue.by_organisation()[0].1.iter().copied()),
        ["m-2022-q1-en", "m-2021-07-en", "two-years", "m-2021-en"]
    );
    assert_eq!(catalogue.problems(), &[]);
    assert_eq!(catalogue.years("Meridian Harbour Holdings"), [2022, 2021]);
}

#[test]
fn every_entry_rule_skips_only_that_entry_with_its_message() {
    let id_rule = "(expected 1 to 64 of `a-z`, `0-9`, `-`, starting with a letter or digit)";
    let lang = "(expected a BCP 47 tag such as `en` or `zh-Hant`)";
    let path = "(expected a same-origin path such as `data/report.json`)";
    let date = "(expected a date such as `2019` or `FY2023`)";
    let cases: Vec<(Value, String)> = vec![
        (
            json!("citic"),
            "error: reports[13]: a report entry is a string, not an object (expected an object with `id`, `organisation`, `period`, `title`, `language`, `path`, `translation_of`)".into(),
        ),
        (
            {
                let mut e = citic();
                e.as_object_mut().unwrap().remove("id");
                e
            },
            format!("error: reports[13].id: `id` is missing {id_rule}"),
        ),
        (
            citic_with("id", json!("Citic")),
            format!("error: reports[13].id: id `Citic` contains `C` {id_rule}"),
        ),
        (
            citic_with("id", json!("-citic")),
            format!("error: reports[13].id: id `-citic` starts with `-` {id_rule}"),
        ),
        (
            citic(),
            "error: reports[13].id: id `citic-2019-en` is already used by reports[0] (expected an id no other report has)".into(),
        ),
        (
            citic_with("period", json!("2019-13")),
            format!(
                "error: reports[13].period: period `2019-13`: {} {date}",
                report_explorer::core::date::DateSpec::parse("2019-13").unwrap_err()
            ),
        ),
        (
            citic_with("period", json!("")),
            format!("error: reports[13].period: `period` is empty {date}"),
        ),
        (
            citic_with("language", Value::Null),
            format!("error: reports[13].language: `language` is missing {lang}"),
        ),
        (
            citic_with("language", json!("english_uk")),
            format!("error: reports[13].language: language `english_uk` is not a BCP 47 tag: it contains `_` {lang}"),
        ),
        (
            citic_with("language", json!("e")),
            format!("error: reports[13].language: language `e` is not a BCP 47 tag: its language subtag `e` is not 2–3 or 5–8 letters {lang}"),
        ),
        (
            citic_with("path", json!("https://evil.example/r.json")),
            format!("error: reports[13].path: path `https://evil.example/r.json` is refused: it names another origin, `https://evil.example`, which is not in `allowed_data_origins` in config.json {path}"),
        ),
        (
            citic_with("path", json!("//evil.example/r.json")),
            format!("error: reports[13].path: path `//evil.example/r.json` is refused: it names another host {path}"),
        ),
        (
            citic_with("path", json!("javascript:alert(1)")),
            format!("error: reports[13].path: path `javascript:alert(1)` is refused: it names a scheme; only same-origin paths are loaded {path}"),
        ),
        (
            citic_with("path", json!("data\\r.json")),
            format!("error: reports[13].path: path `data\\r.json` is refused: it contains a backslash, which browsers read as `/`; write paths with `/` {path}"),
        ),
        (
            citic_with("path", json!(" ")),
            format!("error: reports[13].path: `path` is empty {path}"),
        ),
        (
            citic_with("title", json!(3)),
            "error: reports[13].title: invalid type: integer `3`, expected a string".into(),
        ),
        (
            citic_with("organisation", json!("")),
            "error: reports[13].organisation: `organisation` is empty (expected the publisher's name, e.g. \"CITIC Limited\")".into(),
        ),
    ];
    for (bad, expected) in cases {
        let (problems, kept) = with_entry(bad.clone());
        assert_eq!(problems, [expected], "for {bad}");
        assert!(!kept, "{bad} is skipped");
    }
}

#[test]
fn an_entry_with_several_faults_names_each() {
    let mut bad = citic_with("language", json!("en_GB"));
    bad["period"] = json!("twenty");
    bad.as_object_mut().unwrap().remove("title");
    let (problems, kept) = with_entry(bad);
    assert!(!kept);
    let paths: Vec<&str> = problems
        .iter()
        .map(|p| p.split(": ").nth(1).unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "reports[13].title",
            "reports[13].period",
            "reports[13].language"
        ]
    );
}

#[test]
fn unknown_fields_are_warnings_and_the_entry_loads() {
    let mut catalogue = generated();
    catalogue["reports"][0]["colour"] = json!("red");
    catalogue["owner"] = json!("ir");
    let loaded = load(&catalogue);
    assert_eq!(loaded.reports().len(), 13);
    assert_eq!(
        lines(loaded.problems()),
        [
            "warning: owner: unknown field `owner` ignored (expected one of `format`, `reports`)",
            "warning: reports[0].colour: unknown field `colour` ignored (expected one of `id`, `organisation`, `period`, `title`, `language`, `path`, `translation_of`)",
        ]
    );
    assert!(loaded
        .problems()
        .iter()
        .all(|p| p.severity == Severity::Warning));
}

#[test]
fn an_implausible_period_is_a_warning() {
    let (problems, kept) = with_entry(citic_with("period", json!("1700")));
    assert!(kept);
    assert_eq!(
        problems,
        ["warning: reports[13].period: period `1700` reaches outside 1800–2200"]
    );
}

#[test]
fn a_bad_translation_link_is_dropped_and_the_report_kept() {
    let expected = "(expected the id of a report of the same organisation and period)";
    let cases = [
        (
            "meridian-2021-en",
            "`translation_of` names `meridian-2021-en`, a report of `Meridian Harbour Holdings`, not `CITIC Limited`",
        ),
        (
            "nowhere",
            "`translation_of` names `nowhere`, which is not in the catalogue",
        ),
        ("other", "`translation_of` names the report itself"),
    ];
    for (target, why) in cases {
        let mut entry = citic_with("language", json!("zh-Hant"));
        entry["translation_of"] = json!(target);
        let mut catalogue = generated();
        catalogue["reports"].as_array_mut().unwrap().push(entry);
        let loaded = load(&catalogue);
        assert_eq!(
            lines(loaded.problems()),
            [format!(
                "error: reports[13].translation_of: {why}; the link is dropped, the report is kept {expected}"
            )]
        );
        assert_eq!(loaded.get("other").unwrap().translation_of, None);
    }
}

#[test]
fn a_translation_of_another_period_or_of_a_skipped_report_is_named() {
    let mut catalogue = generated();
    let reports = catalogue["reports"].as_array_mut().unwrap();
    // meridian-2022-zh-hant translates meridian-2022-en; point it at 2021 instead.
    reports[6]["translation_of"] = json!("meridian-2021-en");
    // meridian-2023-en is spoiled, so its translation's link names a skipped report.
    reports[3]["language"] = json!("");
    let loaded = load(&catalogue);
    assert_eq!(
        lines(loaded.problems()),
        [
            "error: reports[3].language: `language` is empty (expected a BCP 47 tag such as `en` or `zh-Hant`)",
            "error: reports[4].translation_of: `translation_of` names `meridian-2023-en`, which was skipped (reports[3]); the link is dropped, the report is kept (expected the id of a report of the same organisation and period)",
            "error: reports[6].translation_of: `translation_of` names `meridian-2021-en`, a report for `2021`, not `2022`; the link is dropped, the report is kept (expected the id of a report of the same organisation and period)",
        ]
    );
    assert_eq!(loaded.reports().len(), 12);
}

fn fatal(text: &str) -> Vec<String> {
    match load_catalogue(text) {
        Err(CatalogueError::Invalid(problems)) => lines(&problems),
        other => panic!("expected an invalid catalogue, got {other:?}"),
    }
}

#[test]
fn a_file_that_is_not_a_catalogue_fails_as_a_whole() {
    let tag = "(expected \"report-explorer-catalogue/1\")";
    assert_eq!(
        fatal("[]"),
        ["error: $: the catalogue is an array, not an object (expected an object with `format` and `reports`)"]
    );
    assert_eq!(
        fatal(r#"{"reports": []}"#),
        [format!("error: format: `format` is missing {tag}")]
    );
    assert_eq!(
        fatal(r#"{"format": "report-explorer/2", "report": {}}"#),
        [format!("error: format: `report-explorer/2` is a report's format, not a catalogue's; open a report with `?data=` {tag}")]
    );
    assert_eq!(
        fatal(r#"{"format": "catalogue/9"}"#),
        [format!(
            "error: format: `catalogue/9` is not a catalogue format {tag}"
        )]
    );
    assert_eq!(
        fatal(r#"{"format": 1}"#),
        [format!(
            "error: format: `format` is a number, not a string {tag}"
        )]
    );
    assert_eq!(
        fatal(r#"{"format": "report-explorer-catalogue/1"}"#),
        ["error: reports: `reports` is missing (expected an array)"]
    );
    assert_eq!(
        fatal(r#"{"format": "report-explorer-catalogue/1", "reports": {}}"#),
        ["error: reports: `reports` is an object, not an array (expected an array)"]
    );
    assert_eq!(
        fatal(r#"{"format": "report-explorer-catalogue/1", "reports": []}"#),
        ["error: reports: the catalogue lists no report (expected at least one valid report)"]
    );
    assert_eq!(
        fatal(r#"{"format": "report-explorer-catalogue/1", "reports": [1, {"id": "a"}]}"#),
        [
            "error: reports[0]: a report entry is a number, not an object (expected an object with `id`, `organisation`, `period`, `title`, `language`, `path`, `translation_of`)",
            "error: reports[1].organisation: `organisation` is missing (expected the publisher's name, e.g. \"CITIC Limited\")",
            "error: reports[1].title: `title` is missing (expected the report's title)",
            "error: reports[1].period: `period` is missing (expected a date such as `2019` or `FY2023`)",
            "error: reports[1].language: `language` is missing (expected a BCP 47 tag such as `en` or `zh-Hant`)",
            "error: reports[1].path: `path` is missing (expected a same-origin path such as `data/report.json`)",
            "error: reports: no report can be shown: all 2 entries were skipped (expected at least one valid report)",
        ]
    );
}

#[test]
fn syntax_errors_say_where_and_a_byte_order_mark_is_ignored() {
    assert_eq!(
        load_catalogue("{\n  \"format\": ,").unwrap_err(),
        CatalogueError::Syntax {
            line: 2,
            column: 13,
            message: "expected value at line 2 column 13".into()
        }
    );
    let text = format!("\u{feff}{}", generated());
    assert_eq!(load_catalogue(&text).unwrap().reports().len(), 13);
}

#[test]
fn the_url_chooses_reports_in_its_order_and_names_unknown_ids() {
    let catalogue = load(&generated());
    let (chosen, notices) = catalogue.choose("citic-2019-en, meridian-2021-en,,citic-2019-en");
    assert_eq!(
        ids(chosen.iter().copied()),
        ["citic-2019-en", "meridian-2021-en"]
    );
    assert_eq!(notices, Vec::<String>::new());
    assert_eq!(
        Catalogue::choice_param(&chosen),
        "citic-2019-en,meridian-2021-en"
    );

    let (chosen, notices) = catalogue.choose("citic-2019-en,citic-2018-en");
    assert_eq!(ids(chosen.iter().copied()), ["citic-2019-en"]);
    assert_eq!(
        notices,
        ["`?reports=` names `citic-2018-en`, which is not in the catalogue"]
    );

    let (chosen, notices) = catalogue.choose("a,b,c,d,e,f,g,meridian-2023-en");
    assert_eq!(ids(chosen.iter().copied()), ["meridian-2023-en"]);
    assert_eq!(
        notices,
        ["`?reports=` names 7 reports not in the catalogue: `a`, `b`, `c`, `d`, `e` and 2 more"]
    );

    let (chosen, notices) = catalogue.choose("");
    assert!(chosen.is_empty());
    assert!(notices.is_empty());

    let long = "x".repeat(100);
    let (_, notices) = catalogue.choose(&long);
    assert_eq!(
        notices,
        [format!(
            "`?reports=` names `{}…`, which is not in the catalogue",
            "x".repeat(64)
        )]
    );
}

#[test]
fn the_url_naming_a_skipped_report_says_it_has_errors() {
    let mut catalogue = generated();
    catalogue["reports"][1]["period"] = json!("2021-00");
    let loaded = load(&catalogue);
    let (chosen, notices) = loaded.choose("meridian-2021-en,citic-2019-en");
    assert_eq!(ids(chosen.iter().copied()), ["citic-2019-en"]);
    assert_eq!(
        notices,
        ["`?reports=` names `meridian-2021-en` (reports[1]), which the catalogue lists with errors; it is not shown"]
    );
}

#[test]
fn paths_are_checked_where_the_browser_resolves_them() {
    let page = support::PageUrl::at("https://reports.example/explorer/index.html");
    let mut catalogue = generated();
    catalogue["reports"][1]["path"] = json!("/reports/m.json");
    catalogue["reports"][2]["path"] = json!("https://cdn.example/m.json");
    let text = catalogue.to_string();
    let loaded = load_catalogue_for(&text, &[], &page).unwrap();
    assert_eq!(
        loaded.get("meridian-2021-en").unwrap().path,
        "/reports/m.json"
    );
    assert_eq!(
        lines(loaded.problems()),
        ["error: reports[2].path: path `https://cdn.example/m.json` is refused: it names another origin, `https://cdn.example`, which is not in `allowed_data_origins` in config.json (expected a same-origin path such as `data/report.json`)"]
    );
    assert!(loaded.get("meridian-2021-zh-hant").is_none());
    let allowed = ["https://cdn.example".to_owned()];
    let loaded = load_catalogue_for(&text, &allowed, &page).unwrap();
    assert_eq!(loaded.problems(), &[]);
}

#[test]
fn language_tags_are_checked_for_form() {
    for good in [
        "en",
        "zh-Hant",
        "zh-Hans-CN",
        "yue",
        "en-GB",
        "es-419",
        "de-CH-1996",
    ] {
        assert_eq!(check_language(good), Ok(()), "{good}");
    }
    assert_eq!(
        check_language("zh--Hant").unwrap_err(),
        "it has an empty subtag"
    );
    assert_eq!(
        check_language("en-abcdefghi").unwrap_err(),
        "its subtag `abcdefghi` is longer than 8 characters"
    );
    assert_eq!(
        check_language("1en").unwrap_err(),
        "its language subtag `1en` is not 2–3 or 5–8 letters"
    );
    assert_eq!(
        check_language("abcd").unwrap_err(),
        "its language subtag `abcd` is not 2–3 or 5–8 letters"
    );
}

#[test]
fn a_blank_translation_of_is_none_and_a_reference_is_never_trimmed() {
    let mut catalogue = generated();
    catalogue["reports"][2]["translation_of"] = json!(" ");
    catalogue["reports"][4]["translation_of"] = json!(" meridian-2023-en");
    let loaded = load(&catalogue);
    assert_eq!(
        loaded.get("meridian-2021-zh-hant").unwrap().translation_of,
        None
    );
    assert_eq!(
        lines(loaded.problems()),
        ["error: reports[4].translation_of: `translation_of` names ` meridian-2023-en`, which is not in the catalogue; the link is dropped, the report is kept (expected the id of a report of the same organisation and period)"]
    );
}

#[test]
fn the_documented_example_loads_cleanly() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/catalogue.md")).unwrap();
    let start = doc.find("```json\n").unwrap() + "```json\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let catalogue = load_catalogue(&doc[start..end]).unwrap();
    assert_eq!(catalogue.problems(), &[]);
    assert_eq!(
        ids(catalogue.reports()),
        ["citic-2019-en", "meridian-2023-en", "meridian-2023-zh-hant"]
    );
    assert_eq!(
        catalogue
            .get("meridian-2023-zh-hant")
            .unwrap()
            .translation_of
            .as_deref(),
        Some("meridian-2023-en")
    );
}

/// The catalogue shipped next to the app lists the CITIC chapter exactly as its data file
/// describes itself, and config.json points to it.
#[test]
fn the_shipped_catalogue_lists_the_real_report_as_its_file_says() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("public/catalogue.json")).unwrap();
    let catalogue = load_catalogue(&text).unwrap();
    assert!(
        catalogue.problems().is_empty(),
        "{:?}",
        catalogue.problems()
    );
    let [only] = catalogue.reports() else {
        panic!("one report expected: {:?}", catalogue.reports())
    };
    let data = std::fs::read_to_string(root.join("public").join(&only.path)).unwrap();
    let report = report_explorer::core::load::load_report(&data)
        .unwrap()
        .report;
    assert_eq!(only.organisation, report.meta.organisation);
    assert_eq!(only.title, report.meta.title);
    assert_eq!(only.period, report.meta.period);
    assert_eq!(
        Some(only.language.as_str()),
        report.meta.language.as_deref()
    );
    let config = std::fs::read_to_string(root.join("public/config.json")).unwrap();
    let config = report_explorer::core::config::parse_config(&config);
    assert!(config.problems.is_empty(), "{:?}", config.problems);
    assert_eq!(config.config.catalogue.as_deref(), Some("catalogue.json"));
}
