//! Configuration (`config.json`): a good file, the shipped defaults, and each kind of bad value with its exact message.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::config::*;
use report_explorer::core::problem::Severity;
use report_explorer::core::source::{LoadFailure, DEFAULT_DATA_PATH};
use serde_json::{json, Value};

mod support;

/// The page the explorer runs on in these tests.
fn page() -> support::PageUrl {
    support::PageUrl::at("https://intranet.example/reports/esg/index.html?view=list")
}

fn messages(value: Value) -> Vec<String> {
    validate_config(&value)
        .problems
        .iter()
        .map(|p| p.to_string())
        .collect()
}

fn one(value: Value) -> String {
    let m = messages(value);
    assert_eq!(m.len(), 1, "{m:#?}");
    m[0].clone()
}

#[test]
fn a_good_config() {
    let loaded = validate_config(&json!({
        "$comment": "ignored",
        "theme": "dark",
        "embed": true,
        "datasets": [
            {"id": "esg-2019", "label": "ESG 2019", "path": "data/report.json"},
            {"id": "esg-2020", "label": "ESG 2020", "path": "https://data.example.com/esg/2020.json"}
        ],
        "default_dataset": "esg-2020",
        "default_filters": {"sub": ["citic-bank"], "kind": "award,product", "year": ["2019", "undated"], "q": "claims"},
        "colors": {"accent": "#8A1538", "bg": "white"},
        "dark_colors": {"accent": "#f9a"},
        "allowed_parent_origins": ["https://intranet.example.com/", "http://LOCALHOST:8080", "https://portal.example.com:443"],
        "allowed_data_origins": ["https://data.example.com"]
    }));
    assert_eq!(loaded.problems, vec![]);
    let c = loaded.config;
    assert_eq!(c.theme, ThemeChoice::Dark);
    assert!(c.embed);
    assert_eq!(c.datasets.len(), 2);
    assert_eq!(c.datasets[1].path, "https://data.example.com/esg/2020.json");
    assert_eq!(c.default_dataset.as_deref(), Some("esg-2020"));
    assert_eq!(
        c.default_filters,
        Filters {
            sub: vec!["citic-bank".into()],
            cat: vec![],
            kind: vec!["award".into(), "product".into()],
            year: vec!["2019".into(), "undated".into()],
            q: "claims".into(),
        }
    );
    assert_eq!(
        c.colors,
        vec![
            ("accent".to_owned(), "#8a1538".to_owned()),
            ("bg".to_owned(), "white".to_owned())
        ]
    );
    assert_eq!(
        c.dark_colors,
        vec![("accent".to_owned(), "#f9a".to_owned())]
    );
    assert_eq!(
        c.allowed_parent_origins,
        [
            "https://intranet.example.com",
            "http://localhost:8080",
            "https://portal.example.com"
        ]
    );
    assert_eq!(c.allowed_data_origins, ["https://data.example.com"]);
}

#[test]
fn the_shipped_config_is_clean_and_means_the_defaults() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/config.json"))
        .unwrap();
    let loaded = parse_config(&text);
    assert_eq!(loaded.problems, vec![]);
    assert_eq!(loaded.config, Config::default());
    assert_eq!(
        resolve_data(None, None, &loaded.config, &page()).unwrap(),
        DEFAULT_DATA_PATH
    );
}

#[test]
fn not_json_or_not_an_object() {
    let loaded = parse_config("{\"theme\": \"dark\",\n  \"embed\": true\n  \"colors\": {}}");
    assert_eq!(loaded.config, Config::default());
    assert_eq!(
        loaded.problems.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
        ["error: $: JSON syntax error at line 3, column 3: expected `,` or `}` (expected a JSON object; every setting keeps its default)"]
    );
    assert_eq!(
        one(json!([1])),
        "error: $: the file holds an array (expected an object of settings)"
    );
}

#[test]
fn unknown_settings_are_warnings() {
    let loaded = validate_config(&json!({"colour": {}, "theme": "light"}));
    assert_eq!(loaded.config.theme, ThemeChoice::Light);
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].severity, Severity::Warning);
    assert_eq!(
        loaded.problems[0].to_string(),
        "warning: colour: unknown setting `colour` (expected one of `theme`, `embed`, `datasets`, `catalogue`, `default_dataset`, `default_filters`, `colors`, `dark_colors`, `allowed_parent_origins`, `allowed_data_origins`, `max_data_mb`, `fetch_timeout_s`)"
    );
    // An empty setting name still gets a path a reader can find.
    let loaded = validate_config(&json!({"": 1}));
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].path, "$[\"\"]");
    assert_eq!(loaded.problems[0].message, "unknown setting ``");
}

#[test]
fn bad_theme_and_embed() {
    assert_eq!(
        one(json!({"theme": "purple"})),
        "error: theme: unknown theme `purple` (expected `auto`, `light` or `dark`)"
    );
    assert_eq!(
        one(json!({"theme": 1})),
        "error: theme: found a number (expected `auto`, `light` or `dark`)"
    );
    assert_eq!(
        one(json!({"embed": "yes"})),
        "error: embed: found a string (expected `true` or `false`)"
    );
}

#[test]
fn bad_colors_never_reach_the_page() {
    let loaded = validate_config(&json!({
        "colors": {"accent": "red; background: url(x)", "primary": "#fff", "bg": 3, "fg": "#12345", "card": "navy"},
        "dark_colors": []
    }));
    assert_eq!(
        loaded.config.colors,
        vec![("card".to_owned(), "navy".to_owned())]
    );
    assert_eq!(
        loaded.problems.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
        [
            "error: colors.accent: `red; background: url(x)` is not a colour this app accepts (expected `#rgb`, `#rrggbb` or a CSS colour name like `navy`)",
            "error: colors.bg: found a number (expected `#rgb`, `#rrggbb` or a CSS colour name like `navy`)",
            "error: colors.fg: `#12345` is not a colour this app accepts (expected `#rgb`, `#rrggbb` or a CSS colour name like `navy`)",
            "error: colors.primary: unknown colour `primary` (expected one of `bg`, `fg`, `muted`, `accent`, `border`, `card`, `error`, `warning`, `focus`)",
            "error: dark_colors: found an array (expected an object like `{\"accent\": \"#8a1538\"}`)",
        ]
    );
    for good in ["#abc", "#A0B1C2", "RebeccaPurple", " teal "] {
        assert!(is_css_color(good), "{good}");
    }
    for bad in [
        "",
        "#",
        "#abcd",
        "rgb(0,0,0)",
        "var(--x)",
        "red;",
        "blue}",
        "currentColor",
        "#ggg",
    ] {
        assert!(!is_css_color(bad), "{bad}");
    }
}

#[test]
fn bad_origins() {
    let loaded = validate_config(&json!({
        "allowed_parent_origins": ["*", "https://intranet.example.com/portal", "intranet.example.com", 5, "https://a.example:99999", "https://ok.example", "https://ok.example/"],
        "allowed_data_origins": "https://x.example"
    }));
    assert_eq!(loaded.config.allowed_parent_origins, ["https://ok.example"]);
    assert_eq!(loaded.config.allowed_data_origins, Vec::<String>::new());
    let expected = "(expected an origin (scheme, host and optional port, no path) like `https://intranet.example.com`)";
    assert_eq!(
        loaded.problems.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
        [
            format!("error: allowed_parent_origins[0]: `*` would let any site embed and control the explorer {expected}"),
            format!("error: allowed_parent_origins[1]: `https://intranet.example.com/portal` has more than a scheme, host and port {expected}"),
            format!("error: allowed_parent_origins[2]: `intranet.example.com` does not start with `https://` or `http://` {expected}"),
            "error: allowed_parent_origins[3]: found a number (expected an origin like `https://intranet.example.com`)".to_owned(),
            format!("error: allowed_parent_origins[4]: `https://a.example:99999` has a bad port `99999` {expected}"),
            "error: allowed_data_origins: found a string (expected a list of origins like `https://intranet.example.com`)".to_owned(),
        ]
    );
}

#[test]
fn origins_are_normalised() {
    assert_eq!(
        parse_origin("HTTPS://Intranet.Example.COM/").unwrap(),
        "https://intranet.example.com"
    );
    assert_eq!(
        parse_origin("http://127.0.0.1:80").unwrap(),
        "http://127.0.0.1"
    );
    assert_eq!(
        parse_origin("http://127.0.0.1:8081").unwrap(),
        "http://127.0.0.1:8081"
    );
    assert_eq!(
        parse_origin("http://[::1]:3000").unwrap(),
        "http://[::1]:3000"
    );
    for bad in [
        "null",
        "file:///x",
        "https://",
        "https://a.example?x",
        "https://user@a.example",
        "https://a.example:0",
        "https://a b",
    ] {
        assert!(parse_origin(bad).is_err(), "{bad}");
    }
    assert_eq!(
        origin_of_url("https://a.example:443/x.json?y#z").as_deref(),
        Some("https://a.example")
    );
    assert_eq!(origin_of_url("about:srcdoc"), None);
}

#[test]
fn bad_datasets_are_skipped() {
    let loaded = validate_config(&json!({
        "datasets": [
            {"id": "A", "label": "x", "path": "a.json"},
            {"id": "b", "label": "", "path": "b.json"},
            {"id": "c", "label": "C", "path": "https://other.example/c.json"},
            3,
            {"id": "d", "path": "d.json"},
            {"id": "good", "label": "Good", "path": "data/good.json", "colour": "red"},
            {"id": "good", "label": "Again", "path": "data/again.json"}
        ],
        "default_dataset": "zzz"
    }));
    assert_eq!(
        loaded.config.datasets,
        [Dataset {
            id: "good".into(),
            label: "Good".into(),
            path: "data/good.json".into()
        }]
    );
    assert_eq!(loaded.config.default_dataset, None);
    assert_eq!(
        loaded.problems.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
        [
            "error: datasets[0].id: id `A` contains `A` (expected 1 to 64 of a-z, 0-9 and -, starting with a letter or digit)",
            "error: datasets[1].label: `label` is empty (expected 1 to 500 characters)",
            "error: datasets[2].path: `https://other.example/c.json` cannot be loaded: it names another origin, `https://other.example`, which is not in `allowed_data_origins` in config.json (expected a path next to the page like `data/report.json`, or a URL on an origin in `allowed_data_origins`)",
            "error: datasets[3]: found a number (expected an object with `id`, `label` and `path`)",
            "error: datasets[4]: `label` is missing (expected an object with `id`, `label` and `path`)",
            "warning: datasets[5].colour: unknown field `colour` (expected `id`, `label` and `path`)",
            "error: datasets[6].id: duplicate dataset id `good` (expected ids that differ)",
            "error: default_dataset: no dataset `zzz` in `datasets` (expected one of `good`)",
        ]
    );
}

#[test]
fn bad_default_filters() {
    let loaded = validate_config(&json!({
        "default_filters": {"sub": ["Citic Bank"], "cat": ["brand-management", 7], "kind": ["medal"], "year": "19", "q": 4, "foo": 1}
    }));
    assert!(loaded.config.default_filters.is_empty());
    assert_eq!(
        loaded.problems.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
        [
            "error: default_filters.cat[1]: found a number (expected a list of category ids like `customer-service`)",
            "error: default_filters.foo: unknown filter `foo` (expected `sub`, `cat`, `kind`, `year` or `q`)",
            "error: default_filters.kind: unknown kind `medal` (expected a list of kinds: award, initiative, product, service, project, event, target, incident, partnership, kpi)",
            "error: default_filters.q: found a number (expected a string of search words)",
            "error: default_filters.sub: id `Citic Bank` contains `C` (expected a list of subsidiary ids like `acme-bank`)",
            "error: default_filters.year: `19` is not a year (expected a list of years like `2019`, or `undated`)",
        ]
    );
    assert_eq!(
        one(json!({"default_filters": ["award"]})),
        "error: default_filters: found an array (expected an object with `sub`, `cat`, `kind`, `year` or `q`)"
    );
}

#[test]
fn which_data_file_is_loaded() {
    let config = validate_config(&json!({
        "datasets": [
            {"id": "first", "label": "First", "path": "data/first.json"},
            {"id": "second", "label": "Second", "path": "data/second.json"}
        ],
        "default_dataset": "second",
        "allowed_data_origins": ["https://data.example.com"]
    }))
    .config;
    assert_eq!(
        resolve_data(None, None, &config, &page()).unwrap(),
        "data/second.json"
    );
    assert_eq!(
        resolve_data(None, Some("first"), &config, &page()).unwrap(),
        "data/first.json"
    );
    assert_eq!(
        resolve_data(Some("x.json"), Some("first"), &config, &page()).unwrap(),
        "x.json"
    );
    assert_eq!(
        resolve_data(
            Some("https://data.example.com/x.json"),
            None,
            &config,
            &page()
        )
        .unwrap(),
        "https://data.example.com/x.json"
    );
    assert!(matches!(
        resolve_data(
            Some("https://elsewhere.example/x.json"),
            None,
            &config,
            &page()
        ),
        Err(LoadFailure::BadPath { .. })
    ));
    assert_eq!(
        resolve_data(None, Some("third"), &config, &page())
            .unwrap_err()
            .to_string(),
        "`third` cannot be loaded: config.json lists no such dataset; known: `first`, `second`."
    );
    let mut no_default = config.clone();
    no_default.default_dataset = None;
    assert_eq!(
        resolve_data(None, None, &no_default, &page()).unwrap(),
        "data/first.json"
    );
    assert_eq!(
        resolve_data(None, Some("x"), &Config::default(), &page())
            .unwrap_err()
            .to_string(),
        "`x` cannot be loaded: config.json lists no datasets."
    );
}

#[test]
fn default_filters_apply_only_to_a_url_without_filters() {
    let config =
        validate_config(&json!({"default_filters": {"sub": ["citic-bank"], "kind": ["award"]}}))
            .config;
    assert_eq!(
        default_filter_params(&config, |_| false).unwrap(),
        vec![
            ("sub", Some("citic-bank".to_owned())),
            ("kind", Some("award".to_owned()))
        ]
    );
    for present in ["sub", "cat", "kind", "year", "q", "entry"] {
        assert_eq!(
            default_filter_params(&config, |k| k == present),
            None,
            "{present}"
        );
    }
    assert!(default_filter_params(&config, |k| k == "theme" || k == "embed").is_some());
    assert_eq!(default_filter_params(&Config::default(), |_| false), None);
}

#[test]
fn embed_flag() {
    assert!(!embed_mode(None, false));
    assert!(embed_mode(None, true));
    for on in ["1", "true", "yes", "", "TRUE"] {
        assert!(embed_mode(Some(on), false), "{on}");
    }
    for off in ["0", "false", "no"] {
        assert!(!embed_mode(Some(off), true), "{off}");
    }
    assert!(embed_mode(Some("maybe"), true));
    assert!(!embed_mode(Some("maybe"), false));
}

#[test]
fn max_data_mb_sets_the_size_limit_and_bad_values_keep_the_default() {
    let c = parse_config(r#"{"max_data_mb": 5}"#);
    assert!(c.problems.is_empty());
    assert_eq!(c.config.max_data_bytes(), 5_000_000);
    assert_eq!(parse_config("{}").config.max_data_bytes(), 200_000_000);
    for (bad, found) in [
        ("0", "`0`"),
        ("2001", "`2001`"),
        ("1.5", "`1.5`"),
        ("\"big\"", "a string"),
        ("-3", "`-3`"),
    ] {
        let c = parse_config(&format!(r#"{{"max_data_mb": {bad}}}"#));
        assert_eq!(c.config.max_data_bytes(), 200_000_000, "{bad}");
        let problems: Vec<String> = c.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems,
            [format!("error: max_data_mb: found {found} (expected a whole number of megabytes from 1 to 2000)")],
        );
    }
}

#[test]
fn fetch_timeout_s_sets_the_stall_timeout_and_bad_values_keep_the_default() {
    let c = parse_config(r#"{"fetch_timeout_s": 2}"#);
    assert!(c.problems.is_empty());
    assert_eq!(c.config.fetch_timeout_seconds(), 2);
    assert_eq!(parse_config("{}").config.fetch_timeout_seconds(), 30);
    for (bad, found) in [
        ("0", "`0`"),
        ("601", "`601`"),
        ("2.5", "`2.5`"),
        ("\"30s\"", "a string"),
        ("-1", "`-1`"),
    ] {
        let c = parse_config(&format!(r#"{{"fetch_timeout_s": {bad}}}"#));
        assert_eq!(c.config.fetch_timeout_seconds(), 30, "{bad}");
        let problems: Vec<String> = c.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems,
            [format!("error: fetch_timeout_s: found {found} (expected a whole number of seconds from 1 to 600)")],
        );
    }
}

#[test]
fn the_catalogue_is_a_same_origin_path() {
    let loaded = validate_config(&json!({"catalogue": " reports/catalogue.json "}));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(
        loaded.config.catalogue.as_deref(),
        Some("reports/catalogue.json")
    );
    assert_eq!(Config::default().catalogue, None);
    assert_eq!(
        one(json!({"catalogue": "https://elsewhere.example/catalogue.json"})),
        "error: catalogue: `https://elsewhere.example/catalogue.json` cannot be loaded: it names another origin, `https://elsewhere.example`, which is not in `allowed_data_origins` in config.json (expected a path next to the page like `catalogue.json`)"
    );
    assert_eq!(
        one(json!({"catalogue": 3})),
        "error: catalogue: found a number (expected a path next to the page like `catalogue.json`)"
    );
}
