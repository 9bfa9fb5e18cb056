//! Target `config`: `config.json` bytes through `core::config::parse_config`: every value kept is
//! within its documented range, and the kept settings written back validate to themselves.

use crate::common::{check_problem, text_of};
use report_explorer::core::config::{
    is_css_color, parse_config, parse_origin, validate_config, Config, Filters, COLOR_NAMES,
    FETCH_TIMEOUT_S_LIMIT, MAX_DATA_MB_LIMIT,
};
use report_explorer::core::ids::check_id;
use report_explorer::core::model::Kind;
use report_explorer::core::problem::Severity;
use report_explorer::core::query::YearKey;
use report_explorer::core::source::data_path_allowing;
use serde_json::{json, Map, Value};

/// Runs every `config` check on one input; panics on a broken invariant.
pub fn check(data: &[u8]) {
    let text = text_of(data);
    let loaded = parse_config(&text);
    for p in &loaded.problems {
        check_problem(p, "config");
    }
    match serde_json::from_str::<Value>(&text) {
        Ok(value) => assert_eq!(validate_config(&value), loaded),
        Err(_) => {
            assert_eq!(
                loaded.config,
                Config::default(),
                "a syntax error keeps defaults"
            );
            assert_eq!(loaded.problems.len(), 1, "one problem for a syntax error");
            assert_eq!(loaded.problems[0].severity, Severity::Error);
        }
    }
    check_ranges(&loaded.config);

    // What was kept, written as a config.json, is read back unchanged and without problems.
    let again = validate_config(&to_json(&loaded.config));
    assert_eq!(
        again.config, loaded.config,
        "settings changed when written back"
    );
    assert!(
        again.problems.is_empty(),
        "settings written back have problems: {:?}",
        again.problems
    );
}

/// Every kept value is one the documentation allows.
fn check_ranges(config: &Config) {
    if let Some(seconds) = config.fetch_timeout_s {
        assert!(
            (1..=FETCH_TIMEOUT_S_LIMIT).contains(&seconds),
            "fetch_timeout_s {seconds} is out of range"
        );
    }
    if let Some(mb) = config.max_data_mb {
        assert!(
            (1..=MAX_DATA_MB_LIMIT).contains(&mb),
            "max_data_mb {mb} is out of range"
        );
    }
    assert!(config.max_data_bytes() <= u64::from(MAX_DATA_MB_LIMIT) * 1_000_000);
    assert!(config.max_data_bytes() >= 1_000_000);
    for origin in config
        .allowed_parent_origins
        .iter()
        .chain(&config.allowed_data_origins)
    {
        assert_eq!(
            parse_origin(origin).as_deref(),
            Ok(origin.as_str()),
            "origin not normalised"
        );
    }
    for (i, d) in config.datasets.iter().enumerate() {
        assert!(check_id(&d.id).is_ok(), "dataset id {:?}", d.id);
        assert!(
            config.datasets[..i].iter().all(|o| o.id != d.id),
            "duplicate dataset {:?}",
            d.id
        );
        assert!(!d.label.is_empty() && d.label.trim() == d.label);
        assert!(
            data_path_allowing(Some(&d.path), &config.allowed_data_origins).is_ok(),
            "dataset path {:?} is refused by the path rule",
            d.path
        );
    }
    if let Some(id) = &config.default_dataset {
        assert!(config.datasets.iter().any(|d| &d.id == id));
    }
    if let Some(path) = &config.catalogue {
        assert!(
            data_path_allowing(Some(path), &[]).is_ok(),
            "catalogue path {path:?} is refused by the path rule"
        );
    }
    for (name, color) in config.colors.iter().chain(&config.dark_colors) {
        assert!(COLOR_NAMES.contains(&name.as_str()), "colour name {name}");
        assert!(is_css_color(color), "colour {color}");
    }
    check_filters(&config.default_filters);
}

fn check_filters(f: &Filters) {
    assert!(f.q.chars().count() <= 500, "search text too long");
    for list in [&f.sub, &f.cat, &f.kind, &f.year] {
        assert!(list.len() <= 100, "{} values", list.len());
    }
    assert!(f.sub.iter().chain(&f.cat).all(|t| check_id(t).is_ok()));
    assert!(f.kind.iter().all(|t| Kind::parse(t).is_some()));
    assert!(f.year.iter().all(|t| YearKey::parse(t).is_some()));
}

/// A configuration as the `config.json` that means it.
pub fn to_json(config: &Config) -> Value {
    let colors = |list: &[(String, String)]| -> Value {
        Value::Object(
            list.iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect::<Map<String, Value>>(),
        )
    };
    let mut out = json!({
        "theme": config.theme.token(),
        "embed": config.embed,
        "datasets": config.datasets.iter().map(|d| json!({
            "id": d.id, "label": d.label, "path": d.path,
        })).collect::<Vec<_>>(),
        "default_filters": config.default_filters.to_json(),
        "colors": colors(&config.colors),
        "dark_colors": colors(&config.dark_colors),
        "allowed_parent_origins": config.allowed_parent_origins,
        "allowed_data_origins": config.allowed_data_origins,
    });
    if let Some(id) = &config.default_dataset {
        out["default_dataset"] = json!(id);
    }
    if let Some(path) = &config.catalogue {
        out["catalogue"] = json!(path);
    }
    if let Some(seconds) = config.fetch_timeout_s {
        out["fetch_timeout_s"] = json!(seconds);
    }
    if let Some(mb) = config.max_data_mb {
        out["max_data_mb"] = json!(mb);
    }
    out
}
