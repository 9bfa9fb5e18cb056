//! Loading and validation: a good report, and bad inputs each with its exact message.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::load::{load_report, LoadError, Loaded};
use report_explorer::core::model::{Kind, Qualifier};
use report_explorer::core::problem::Severity;
use serde_json::{json, Value};

fn good() -> Value {
    json!({
        "format": "report-explorer/1",
        "report": {
            "organisation": "Acme Group",
            "title": "Acme 2021 Sustainability Report",
            "period": "2021",
            "source": { "document": "Acme 2021 Sustainability Report", "chapter": "Customers" },
            "language": "en"
        },
        "subsidiaries": [
            { "id": "acme", "name": "Acme Group", "sector": "Group" },
            { "id": "acme-bank", "name": "Acme Bank" }
        ],
        "categories": [
            { "id": "customers", "name": "Serving customers" },
            { "id": "awards", "name": "Awards", "parent": "customers" }
        ],
        "entries": [
            {
                "id": "e1", "kind": "award", "title": "Best Bank 2021",
                "summary": "Acme Bank was named best bank.", "subsidiary": "acme-bank",
                "categories": ["awards"], "date": "2021-05-21", "awarding_body": "Bank Weekly",
                "metrics": [
                    { "label": "Satisfaction", "value": 92, "unit": "%", "qualifier": "over", "family": "satisfaction" },
                    { "label": "Rank", "value": 3, "unit": "rank", "out_of": 50 }
                ],
                "source": { "section": "Awards", "passage": "Acme Bank was named Best Bank 2021." }
            },
            {
                "id": "e2", "kind": "initiative", "title": "Quick help",
                "summary": "A faster help desk.", "subsidiary": "acme",
                "categories": ["customers"], "date": "2020/2021",
                "source": { "section": "Serving customers", "passage": "We launched Quick help." }
            }
        ]
    })
}

fn load(v: &Value) -> Loaded {
    load_report(&v.to_string()).expect("loads")
}

/// Loads `v` and returns its problems as display strings.
fn problems(v: &Value) -> Vec<String> {
    load(v).problems.iter().map(|p| p.to_string()).collect()
}

fn fatal(v: &Value) -> String {
    load_report(&v.to_string()).unwrap_err().to_string()
}

#[test]
fn good_report_loads_completely() {
    let loaded = load(&good());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let r = &loaded.report;
    assert_eq!(r.meta.title, "Acme 2021 Sustainability Report");
    assert_eq!(r.meta.chapter.as_deref(), Some("Customers"));
    assert_eq!(r.subsidiaries.len(), 2);
    assert_eq!(r.subsidiaries[1].sector, None);
    assert_eq!(
        r.categories[1].parent.as_ref().unwrap().as_str(),
        "customers"
    );
    assert_eq!(r.entries.len(), 2);
    let e = &r.entries[0];
    assert_eq!(e.kind, Kind::Award);
    assert_eq!(e.date.unwrap().iso(), "2021-05-21");
    assert_eq!(e.metrics[0].qualifier, Qualifier::Over);
    assert_eq!(e.metrics[1].out_of, Some(50.0));
    assert_eq!(r.entries[1].date.unwrap().to_string(), "2020–2021");
    assert_eq!(r.subsidiary_name(&e.subsidiaries[0]), "Acme Bank");
}

#[test]
fn syntax_error_reports_line_and_column() {
    let text = "{\n  \"format\": \"report-explorer/1\",\n  \"report\" {\n}";
    match load_report(text).unwrap_err() {
        LoadError::Syntax {
            line,
            column,
            message,
        } => {
            assert_eq!((line, column), (3, 12));
            assert_eq!(message, "expected `:`");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    assert_eq!(
        load_report(text).unwrap_err().to_string(),
        "JSON syntax error at line 3, column 12: expected `:`"
    );
}

#[test]
fn not_an_object() {
    assert_eq!(
        load_report("[1, 2]").unwrap_err().to_string(),
        "not a valid report\nerror: $: the file holds an array (expected an object with `format`, `report`, `subsidiaries`, `categories` and `entries`)"
    );
}

#[test]
fn wrong_format_version() {
    let mut v = good();
    v["format"] = json!("report-explorer/9");
    assert_eq!(
        fatal(&v),
        "not a valid report\nerror: format: unsupported format `report-explorer/9` (expected `report-explorer/2` or `report-explorer/1`)"
    );
}

#[test]
fn missing_entries_list() {
    let mut v = good();
    v.as_object_mut().unwrap().remove("entries");
    assert_eq!(
        fatal(&v),
        "not a valid report\nerror: entries: missing field `entries`"
    );
}

#[test]
fn bad_report_period_is_fatal() {
    let mut v = good();
    v["report"]["period"] = json!("FY21");
    assert_eq!(
        fatal(&v),
        "not a valid report\nerror: report.period: `FY21` is not a date of the forms YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, FYYYYY or FYYYYY-Qn (expected a date such as `2019`, `2019-09`, `2019-05-21`, `2019-Q3`, `FY2019` or `FY2019-Q1`, or a range such as `2018/2019`, `2017/..` or `../2019`)"
    );
}

#[test]
fn unknown_subsidiary_skips_only_that_entry() {
    let mut v = good();
    v["entries"][1]["subsidiary"] = json!("acme-shipping");
    let loaded = load(&v);
    assert_eq!(loaded.report.entries.len(), 1);
    assert_eq!(
        problems(&v),
        ["error: entries[1].subsidiary: unknown subsidiary id `acme-shipping` (expected the id of an entry in `subsidiaries`)"]
    );
}

#[test]
fn unknown_kind() {
    let mut v = good();
    v["entries"][0]["kind"] = json!("prize");
    assert_eq!(
        problems(&v),
        ["error: entries[0].kind: unknown kind `prize` (expected one of `award`, `initiative`, `product`, `service`, `project`, `event`, `target`, `incident`, `partnership`, `kpi`)"]
    );
    assert_eq!(load(&v).report.entries.len(), 1);
}

#[test]
fn wrong_type_names_the_field() {
    let mut v = good();
    v["entries"][0]["title"] = json!(5);
    assert_eq!(
        problems(&v),
        ["error: entries[0].title: invalid type: integer `5`, expected a string"]
    );
}

#[test]
fn wrong_metric_value_type_names_the_nested_path() {
    let mut v = good();
    v["entries"][0]["metrics"][1]["value"] = json!("third");
    assert_eq!(
        problems(&v),
        ["error: entries[0].metrics[1].value: invalid type: string \"third\", expected f64"]
    );
}

#[test]
fn missing_field_points_at_it() {
    let mut v = good();
    v["entries"][1].as_object_mut().unwrap().remove("summary");
    assert_eq!(
        problems(&v),
        ["error: entries[1].summary: missing field `summary`"]
    );
}

#[test]
fn bad_date_in_entry() {
    let mut v = good();
    v["entries"][0]["date"] = json!("2021-02-30");
    assert_eq!(
        problems(&v),
        ["error: entries[0].date: `2021-02-30` has day 30, outside 1-28 (expected a date such as `2019`, `2019-09`, `2019-05-21`, `2019-Q3`, `FY2019` or `FY2019-Q1`, or a range such as `2018/2019`, `2017/..` or `../2019`)"]
    );
}

#[test]
fn duplicate_entry_id() {
    let mut v = good();
    v["entries"][1]["id"] = json!("e1");
    assert_eq!(
        problems(&v),
        ["error: entries[1].id: duplicate id `e1`, first used at entries[0].id (expected a unique id)"]
    );
    assert_eq!(load(&v).report.entries.len(), 1);
}

#[test]
fn bad_id_syntax() {
    let mut v = good();
    v["subsidiaries"][1]["id"] = json!("Acme Bank");
    let p = problems(&v);
    assert_eq!(
        p[0],
        "error: subsidiaries[1].id: id `Acme Bank` contains `A` (expected 1-64 of a-z, 0-9 and `-`, not starting with `-`)"
    );
    // The entry that referred to it is skipped too, and says why.
    assert_eq!(
        p[1],
        "error: entries[0].subsidiary: unknown subsidiary id `acme-bank` (expected the id of an entry in `subsidiaries`)"
    );
}

#[test]
fn unknown_qualifier() {
    let mut v = good();
    v["entries"][0]["metrics"][0]["qualifier"] = json!("more than");
    assert_eq!(
        problems(&v),
        ["error: entries[0].metrics[0].qualifier: unknown qualifier `more than` (expected one of `over`, `under`, `less_than`, `at_least`, `at_most`, `up_to`, `approximately`, `within` or no qualifier)"]
    );
}

#[test]
fn a_bad_figure_skips_only_itself_and_the_entry_loads() {
    let mut v = good();
    v["entries"][0]["metrics"][0]["to"] = json!(50);
    let loaded = load(&v);
    let said: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        said,
        ["error: entries[0].metrics[0].to: 50 is less than value 92 (expected a number not less than `value`)"]
    );
    // Both entries load; the first keeps its good figure, the rank.
    assert_eq!(loaded.report.entries.len(), 2);
    let labels: Vec<&str> = loaded.report.entries[0]
        .metrics
        .iter()
        .map(|m| m.label.as_str())
        .collect();
    assert_eq!(labels, ["Rank"]);
    // A figure that is not even the right type is skipped alone too.
    let mut v = good();
    v["entries"][0]["metrics"][1]["value"] = json!("third");
    let loaded = load(&v);
    assert_eq!(loaded.report.entries.len(), 2);
    assert_eq!(loaded.report.entries[0].metrics.len(), 1);
    assert_eq!(
        loaded.problems[0].to_string(),
        "error: entries[0].metrics[1].value: invalid type: string \"third\", expected f64"
    );
}

#[test]
fn an_entry_skipped_for_its_own_problem_still_reports_its_bad_figures() {
    let mut v = good();
    v["entries"][0]["kind"] = json!("prize");
    v["entries"][0]["metrics"][1]["value"] = json!(51);
    let loaded = load(&v);
    assert_eq!(loaded.report.entries.len(), 1);
    let paths: Vec<&str> = loaded.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["entries[0].kind", "entries[0].metrics[1].value"]);
}

#[test]
fn rank_beyond_list() {
    let mut v = good();
    v["entries"][0]["metrics"][1]["value"] = json!(51);
    assert_eq!(
        problems(&v),
        ["error: entries[0].metrics[1].value: rank 51 is beyond the list size 50 (expected a rank no greater than `out_of`)"]
    );
}

#[test]
fn category_cycle_and_unknown_parent() {
    let mut v = good();
    v["categories"][0]["parent"] = json!("awards");
    let p = problems(&v);
    assert_eq!(
        p[0],
        "error: categories[0].parent: parent `awards` leads back to `customers` (expected a parent chain without cycles)"
    );
    assert_eq!(
        p[1],
        "error: categories[1].parent: parent `customers` leads back to `awards` (expected a parent chain without cycles)"
    );
    let mut v = good();
    v["categories"][1]["parent"] = json!("nowhere");
    assert_eq!(
        problems(&v)[0],
        "error: categories[1].parent: unknown category id `nowhere` (expected the id of another category)"
    );
}

#[test]
fn empty_categories_and_empty_title() {
    let mut v = good();
    v["entries"][1]["categories"] = json!([]);
    v["entries"][1]["title"] = json!("  ");
    assert_eq!(
        problems(&v),
        [
            "error: entries[1].title: is empty (expected a non-empty string)",
            "error: entries[1].categories: is empty (expected at least one category id)"
        ]
    );
}

#[test]
fn unknown_fields_are_warnings_only() {
    let mut v = good();
    v["entries"][0]["colour"] = json!("red");
    v["publisher"] = json!("x");
    let loaded = load(&v);
    assert_eq!(loaded.report.entries.len(), 2);
    assert!(loaded
        .problems
        .iter()
        .all(|p| p.severity == Severity::Warning));
    assert_eq!(
        problems(&v),
        [
            "warning: publisher: unknown field `publisher` ignored (expected one of `format`, `report`, `divisions`, `subsidiaries`, `categories`, `entries`)",
            "warning: entries[0].colour: unknown field `colour` ignored (expected one of `id`, `kind`, `title`, `summary`, `subsidiary`, `categories`, `date`, `awarding_body`, `location`, `country`, `metrics`, `source`)"
        ]
    );
}

#[test]
fn format_1_currency_units_load_as_currencies_and_teu_stays_a_unit() {
    use report_explorer::core::format::format_metric;
    let mut v = good();
    v["entries"][1]["metrics"] = json!([
        { "label": "Donations", "value": 50000, "unit": "RMB", "qualifier": "over" },
        { "label": "Throughput", "value": 4200000, "unit": "TEU" }
    ]);
    let loaded = load(&v);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let figures = &loaded.report.entries[1].metrics;
    assert_eq!(figures[0].currency.as_deref(), Some("RMB"));
    assert_eq!(figures[0].unit, None);
    assert_eq!(figures[1].currency, None);
    assert_eq!(figures[1].unit.as_deref(), Some("TEU"));
    let shown: Vec<String> = figures.iter().map(format_metric).collect();
    assert_eq!(shown, ["over RMB 50,000", "4,200,000 TEU"]);
}

/// A format 1 entry with format 2's names: each is an unknown field, even when `null` or
/// written twice, and the entry loads with its own fields.
#[test]
fn format_1_entry_with_format_2_names_warns_and_loads() {
    let mut v = good();
    v["entries"][1]["countries"] = Value::Null;
    let p = problems(&v);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("warning: entries[1].countries: unknown field `countries` ignored"),
        "{p:?}"
    );
    assert_eq!(load(&v).report.entries.len(), 2);

    // Written twice: unknown, not told as a field written twice.
    let text = good().to_string().replacen(
        "\"kind\":\"initiative\"",
        "\"figures\":1,\"figures\":[],\"kind\":\"initiative\"",
        1,
    );
    let loaded = load_report(&text).expect("loads");
    let p: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("warning: entries[1].figures: unknown field `figures` ignored"),
        "{p:?}"
    );
    assert_eq!(loaded.report.entries.len(), 2);
}

/// Format 1's own fields written twice are told at their path; a missing one skips the entry
/// with serde's message at its path.
#[test]
fn format_1_entry_fields_twice_or_missing() {
    let text = good().to_string().replacen(
        "\"subsidiary\":\"acme\"",
        "\"subsidiary\":\"acme-bank\",\"subsidiary\":\"acme\"",
        1,
    );
    let loaded = load_report(&text).expect("loads");
    let p: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        p,
        ["warning: entries[1].subsidiary: the field `subsidiary` is written more than once; the last value is used (expected each field once)"]
    );
    assert_eq!(loaded.report.entries[1].subsidiaries[0].as_str(), "acme");

    let mut v = good();
    v["entries"][1]
        .as_object_mut()
        .unwrap()
        .remove("subsidiary");
    assert_eq!(
        problems(&v),
        ["error: entries[1].subsidiary: missing field `subsidiary`"]
    );
}
