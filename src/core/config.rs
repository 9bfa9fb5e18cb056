//! The host's configuration (`config.json` next to the page): parsing, validation with JSON-path problems, and safe defaults.
//!
//! Every setting is optional. A bad value is reported as a [`Problem`] (where,
//! what is wrong, what was expected) and that setting keeps its default, so a
//! broken configuration never stops the explorer.

use crate::core::ids::check_id;
use crate::core::load::{describe, quote_list};
use crate::core::model::Kind;
use crate::core::problem::Problem;
use crate::core::query::YearKey;
use crate::core::source::{
    check_origin, data_path_allowing, LoadFailure, UrlResolver, DEFAULT_DATA_PATH,
};
use serde_json::{json, Value};

/// The configuration file's name, fetched relative to the page.
pub const CONFIG_PATH: &str = "config.json";

/// Every setting `config.json` knows, in the order they are documented.
pub const SETTINGS: [&str; 12] = [
    "theme",
    "embed",
    "datasets",
    "catalogue",
    "default_dataset",
    "default_filters",
    "colors",
    "dark_colors",
    "allowed_parent_origins",
    "allowed_data_origins",
    "max_data_mb",
    "fetch_timeout_s",
];

/// The largest data file read when `config.json` sets no `max_data_mb`, in megabytes
/// (a 100,000-entry report is about 70 MB).
pub const DEFAULT_MAX_DATA_MB: u32 = 200;
/// The largest `max_data_mb` accepted: more would not fit in the browser's memory.
pub const MAX_DATA_MB_LIMIT: u32 = 2000;

/// How long a download may go without receiving anything when `config.json` sets no
/// `fetch_timeout_s`, in seconds. A slow file that keeps arriving is never cut off.
pub const DEFAULT_FETCH_TIMEOUT_S: u32 = 30;
/// The largest `fetch_timeout_s` accepted, in seconds.
pub const FETCH_TIMEOUT_S_LIMIT: u32 = 600;
/// How long the fetch of `config.json` itself may go without receiving anything, in seconds
/// (its own `fetch_timeout_s` is not known yet); then every setting keeps its default.
pub const CONFIG_TIMEOUT_S: u32 = 10;
/// The largest `config.json` read, in bytes.
pub const CONFIG_MAX_BYTES: u64 = 1_000_000;

/// The colours a configuration may override, as CSS custom properties (`accent` is `--accent`).
pub const COLOR_NAMES: [&str; 9] = [
    "bg", "fg", "muted", "accent", "border", "card", "error", "warning", "focus",
];

/// The filter parameters a configuration or a message may set.
pub const FILTER_KEYS: [&str; 5] = ["sub", "cat", "kind", "year", "q"];

/// Longest label or search text accepted, in characters.
const MAX_TEXT: usize = 500;
/// Most values accepted in one filter list.
const MAX_VALUES: usize = 100;

/// The reader's (or host's) theme choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// Parses `auto`, `light` or `dark`.
    pub fn parse(s: &str) -> Option<ThemeChoice> {
        match s {
            "auto" => Some(ThemeChoice::Auto),
            "light" => Some(ThemeChoice::Light),
            "dark" => Some(ThemeChoice::Dark),
            _ => None,
        }
    }

    /// The token used in URLs and configuration.
    pub fn token(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }
}

/// A named data file a reader can switch to (`?dataset=<id>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dataset {
    /// Id used in `?dataset=` and `default_dataset`.
    pub id: String,
    /// Name shown to readers.
    pub label: String,
    /// The data file: a same-origin path, or a URL on an allowed data origin.
    pub path: String,
}

/// Filter values as URL tokens: subsidiaries, categories, kinds, years and search text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Subsidiary ids (`sub`).
    pub sub: Vec<String>,
    /// Category ids (`cat`).
    pub cat: Vec<String>,
    /// Kinds (`kind`).
    pub kind: Vec<String>,
    /// Years or `undated` (`year`).
    pub year: Vec<String>,
    /// Search text (`q`).
    pub q: String,
}

impl Filters {
    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.sub.is_empty()
            && self.cat.is_empty()
            && self.kind.is_empty()
            && self.year.is_empty()
            && self.q.trim().is_empty()
    }

    /// The URL parameters these filters set: each filter parameter with its
    /// value, or `None` to remove it.
    pub fn params(&self) -> Vec<(&'static str, Option<String>)> {
        let list = |v: &[String]| (!v.is_empty()).then(|| v.join(","));
        vec![
            ("sub", list(&self.sub)),
            ("cat", list(&self.cat)),
            ("kind", list(&self.kind)),
            ("year", list(&self.year)),
            ("q", Some(self.q.clone()).filter(|q| !q.trim().is_empty())),
        ]
    }

    /// The filters as a JSON object, every key present.
    pub fn to_json(&self) -> Value {
        json!({
            "sub": self.sub,
            "cat": self.cat,
            "kind": self.kind,
            "year": self.year,
            "q": self.q,
        })
    }

    /// Reads a filters object (`{"sub": [...], "q": "..."}`) found at `path`.
    /// Lists may also be given as one comma-separated string. Each bad key is
    /// reported and left empty.
    pub fn from_json(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Filters {
        let mut filters = Filters::default();
        let Some(object) = value.as_object() else {
            problems.push(
                Problem::error(path, format!("found {}", describe(value)))
                    .expected("an object with `sub`, `cat`, `kind`, `year` or `q`"),
            );
            return filters;
        };
        for (key, value) in object {
            let at = format!("{path}.{key}");
            match key.as_str() {
                "q" => match value {
                    Value::String(q) if q.chars().count() <= MAX_TEXT => filters.q = q.clone(),
                    Value::String(q) => problems.push(
                        Problem::error(
                            at,
                            format!("the text is {} characters long", q.chars().count()),
                        )
                        .expected(format!("at most {MAX_TEXT} characters")),
                    ),
                    other => problems.push(
                        Problem::error(at, format!("found {}", describe(other)))
                            .expected("a string of search words"),
                    ),
                },
                "sub" | "cat" | "kind" | "year" => {
                    if let Some(values) = token_list(key, value, &at, problems) {
                        match key.as_str() {
                            "sub" => filters.sub = values,
                            "cat" => filters.cat = values,
                            "kind" => filters.kind = values,
                            _ => filters.year = values,
                        }
                    }
                }
                other => problems.push(
                    Problem::error(at, format!("unknown filter `{other}`"))
                        .expected("`sub`, `cat`, `kind`, `year` or `q`"),
                ),
            }
        }
        filters
    }
}

/// Checks one filter list: strings (or one comma-separated string) of valid tokens.
fn token_list(
    key: &str,
    value: &Value,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Option<Vec<String>> {
    let expected = match key {
        "kind" => format!(
            "a list of kinds: {}",
            Kind::ALL.map(|k| k.as_str()).join(", ")
        ),
        "year" => "a list of years like `2019`, or `undated`".to_owned(),
        "sub" => "a list of subsidiary ids like `acme-bank`".to_owned(),
        _ => "a list of category ids like `customer-service`".to_owned(),
    };
    let tokens: Vec<&str> = match value {
        Value::String(s) => s
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect(),
        Value::Array(items) => {
            let mut tokens = Vec::new();
            for (i, item) in items.iter().enumerate() {
                match item.as_str() {
                    Some(s) => tokens.push(s.trim()),
                    None => {
                        problems.push(
                            Problem::error(
                                format!("{path}[{i}]"),
                                format!("found {}", describe(item)),
                            )
                            .expected(expected),
                        );
                        return None;
                    }
                }
            }
            tokens
        }
        other => {
            problems.push(
                Problem::error(path, format!("found {}", describe(other))).expected(expected),
            );
            return None;
        }
    };
    if tokens.len() > MAX_VALUES {
        problems.push(
            Problem::error(path, format!("{} values given", tokens.len()))
                .expected(format!("at most {MAX_VALUES}")),
        );
        return None;
    }
    for token in &tokens {
        let wrong = match key {
            "kind" => Kind::parse(token)
                .is_none()
                .then(|| format!("unknown kind `{token}`")),
            "year" => YearKey::parse(token)
                .is_none()
                .then(|| format!("`{token}` is not a year")),
            _ => check_id(token).err(),
        };
        if let Some(message) = wrong {
            problems.push(Problem::error(path, message).expected(expected));
            return None;
        }
    }
    Some(tokens.into_iter().map(str::to_owned).collect())
}

/// The host's settings. `Config::default()` is what a missing `config.json` means.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// Theme used when the URL names none.
    pub theme: ThemeChoice,
    /// Embedded (compact) rendering when the URL does not say.
    pub embed: bool,
    /// Named data files.
    pub datasets: Vec<Dataset>,
    /// The catalogue of reports readers can choose from (`docs/catalogue.md`), when the host
    /// offers one: a path like a data file's.
    pub catalogue: Option<String>,
    /// Id of the dataset loaded when the URL names none (else the first, else the built-in default).
    pub default_dataset: Option<String>,
    /// Filters applied when the URL has none.
    pub default_filters: Filters,
    /// Light-theme colour overrides: (name without `--`, CSS colour).
    pub colors: Vec<(String, String)>,
    /// Dark-theme colour overrides.
    pub dark_colors: Vec<(String, String)>,
    /// Parent pages (origins) that may embed the explorer, receive its
    /// height and state, and send it messages.
    pub allowed_parent_origins: Vec<String>,
    /// Other origins data files may come from.
    pub allowed_data_origins: Vec<String>,
    /// The largest data file read, in megabytes (`None`: [`DEFAULT_MAX_DATA_MB`]).
    pub max_data_mb: Option<u32>,
    /// Seconds a download may go without receiving anything (`None`: [`DEFAULT_FETCH_TIMEOUT_S`]).
    pub fetch_timeout_s: Option<u32>,
}

impl Config {
    /// The largest data file read, in bytes.
    pub fn max_data_bytes(&self) -> u64 {
        u64::from(self.max_data_mb.unwrap_or(DEFAULT_MAX_DATA_MB)) * 1_000_000
    }

    /// Seconds a download may go without receiving anything before it is given up.
    pub fn fetch_timeout_seconds(&self) -> u32 {
        self.fetch_timeout_s.unwrap_or(DEFAULT_FETCH_TIMEOUT_S)
    }
}

/// A parsed configuration and the problems found in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadedConfig {
    /// The settings, with defaults wherever a value was missing or bad.
    pub config: Config,
    /// What was wrong, in file order within each setting.
    pub problems: Vec<Problem>,
}

/// Parses and validates the text of `config.json`. Never fails: problems are
/// listed and the affected settings keep their defaults.
pub fn parse_config(text: &str) -> LoadedConfig {
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => {
            let message = e.to_string();
            let message = match message.rfind(" at line ") {
                Some(i) => message[..i].to_owned(),
                None => message,
            };
            return LoadedConfig {
                config: Config::default(),
                problems: vec![Problem::error(
                    "$",
                    format!(
                        "JSON syntax error at line {}, column {}: {message}",
                        e.line(),
                        e.column()
                    ),
                )
                .expected("a JSON object; every setting keeps its default")],
            };
        }
    };
    validate_config(&value)
}

/// Validates an already parsed configuration value.
pub fn validate_config(value: &Value) -> LoadedConfig {
    let mut problems = Vec::new();
    let mut config = Config::default();
    let Some(object) = value.as_object() else {
        problems.push(
            Problem::error("$", format!("the file holds {}", describe(value)))
                .expected("an object of settings"),
        );
        return LoadedConfig { config, problems };
    };
    for key in object.keys() {
        if !SETTINGS.contains(&key.as_str()) && !key.starts_with('$') {
            // An empty key still needs a path a reader can find: `$[""]`.
            let path = if key.is_empty() {
                "$[\"\"]"
            } else {
                key.as_str()
            };
            problems.push(
                Problem::warning(path, format!("unknown setting `{key}`"))
                    .expected(format!("one of {}", quote_list(&SETTINGS))),
            );
        }
    }
    // Data origins first: dataset paths are checked against them.
    if let Some(v) = object.get("allowed_data_origins") {
        config.allowed_data_origins = origins(v, "allowed_data_origins", &mut problems);
    }
    if let Some(v) = object.get("allowed_parent_origins") {
        config.allowed_parent_origins = origins(v, "allowed_parent_origins", &mut problems);
    }
    if let Some(v) = object.get("theme") {
        match v.as_str().map(|s| (s, ThemeChoice::parse(s))) {
            Some((_, Some(theme))) => config.theme = theme,
            Some((s, None)) => problems.push(
                Problem::error("theme", format!("unknown theme `{s}`"))
                    .expected("`auto`, `light` or `dark`"),
            ),
            None => problems.push(
                Problem::error("theme", format!("found {}", describe(v)))
                    .expected("`auto`, `light` or `dark`"),
            ),
        }
    }
    if let Some(v) = object.get("max_data_mb") {
        match v.as_u64() {
            Some(mb) if (1..=u64::from(MAX_DATA_MB_LIMIT)).contains(&mb) => {
                config.max_data_mb = Some(mb as u32);
            }
            _ => problems.push(
                Problem::error("max_data_mb", format!("found {}", describe_number(v))).expected(
                    format!("a whole number of megabytes from 1 to {MAX_DATA_MB_LIMIT}"),
                ),
            ),
        }
    }
    if let Some(v) = object.get("fetch_timeout_s") {
        match v.as_u64() {
            Some(s) if (1..=u64::from(FETCH_TIMEOUT_S_LIMIT)).contains(&s) => {
                config.fetch_timeout_s = Some(s as u32);
            }
            _ => problems.push(
                Problem::error("fetch_timeout_s", format!("found {}", describe_number(v)))
                    .expected(format!(
                        "a whole number of seconds from 1 to {FETCH_TIMEOUT_S_LIMIT}"
                    )),
            ),
        }
    }
    if let Some(v) = object.get("embed") {
        match v.as_bool() {
            Some(b) => config.embed = b,
            None => problems.push(
                Problem::error("embed", format!("found {}", describe(v)))
                    .expected("`true` or `false`"),
            ),
        }
    }
    if let Some(v) = object.get("datasets") {
        config.datasets = datasets(v, &config.allowed_data_origins, &mut problems);
    }
    if let Some(v) = object.get("catalogue") {
        let expected = "a path next to the page like `catalogue.json`";
        match v.as_str().map(str::trim) {
            Some(path) if !path.is_empty() => match data_path_allowing(Some(path), &[]) {
                Ok(path) => config.catalogue = Some(path),
                Err(failure) => {
                    let reason = match failure {
                        LoadFailure::BadPath { reason, .. } => reason,
                        other => other.to_string(),
                    };
                    problems.push(
                        Problem::error("catalogue", format!("`{path}` cannot be loaded: {reason}"))
                            .expected(expected),
                    )
                }
            },
            _ => problems.push(
                Problem::error("catalogue", format!("found {}", describe(v))).expected(expected),
            ),
        }
    }
    if let Some(v) = object.get("default_dataset") {
        match v.as_str() {
            Some(id) if config.datasets.iter().any(|d| d.id == id) => {
                config.default_dataset = Some(id.to_owned());
            }
            Some(id) => {
                let known: Vec<&str> = config.datasets.iter().map(|d| d.id.as_str()).collect();
                problems.push(
                    Problem::error(
                        "default_dataset",
                        format!("no dataset `{id}` in `datasets`"),
                    )
                    .expected(if known.is_empty() {
                        "the id of an entry in `datasets`".to_owned()
                    } else {
                        format!("one of {}", quote_list(&known))
                    }),
                );
            }
            None => problems.push(
                Problem::error("default_dataset", format!("found {}", describe(v)))
                    .expected("the id of an entry in `datasets`"),
            ),
        }
    }
    if let Some(v) = object.get("default_filters") {
        config.default_filters = Filters::from_json(v, "default_filters", &mut problems);
    }
    if let Some(v) = object.get("colors") {
        config.colors = colors(v, "colors", &mut problems);
    }
    if let Some(v) = object.get("dark_colors") {
        config.dark_colors = colors(v, "dark_colors", &mut problems);
    }
    // In the documented order of settings; unknown settings last.
    problems.sort_by_key(|p| {
        let setting = p.path.split(['.', '[']).next().unwrap_or("");
        SETTINGS
            .iter()
            .position(|s| *s == setting)
            .unwrap_or(SETTINGS.len())
    });
    LoadedConfig { config, problems }
}

fn datasets(value: &Value, data_origins: &[String], problems: &mut Vec<Problem>) -> Vec<Dataset> {
    let Some(items) = value.as_array() else {
        problems.push(
            Problem::error("datasets", format!("found {}", describe(value)))
                .expected("a list of `{\"id\", \"label\", \"path\"}` objects"),
        );
        return Vec::new();
    };
    let mut out: Vec<Dataset> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("datasets[{i}]");
        let Some(object) = item.as_object() else {
            problems.push(
                Problem::error(at, format!("found {}", describe(item)))
                    .expected("an object with `id`, `label` and `path`"),
            );
            continue;
        };
        let text = |key: &str, problems: &mut Vec<Problem>| -> Option<String> {
            match object.get(key) {
                Some(Value::String(s)) if !s.trim().is_empty() && s.chars().count() <= MAX_TEXT => {
                    Some(s.trim().to_owned())
                }
                Some(Value::String(s)) => {
                    let wrong = if s.trim().is_empty() {
                        format!("`{key}` is empty")
                    } else {
                        format!("`{key}` is {} characters long", s.chars().count())
                    };
                    problems.push(
                        Problem::error(format!("{at}.{key}"), wrong)
                            .expected(format!("1 to {MAX_TEXT} characters")),
                    );
                    None
                }
                Some(other) => {
                    problems.push(
                        Problem::error(format!("{at}.{key}"), format!("found {}", describe(other)))
                            .expected("a string"),
                    );
                    None
                }
                None => {
                    problems.push(
                        Problem::error(at.clone(), format!("`{key}` is missing"))
                            .expected("an object with `id`, `label` and `path`"),
                    );
                    None
                }
            }
        };
        let (Some(id), Some(label), Some(path)) = (
            text("id", problems),
            text("label", problems),
            text("path", problems),
        ) else {
            continue;
        };
        if let Err(why) = check_id(&id) {
            problems.push(
                Problem::error(format!("{at}.id"), why)
                    .expected("1 to 64 of a-z, 0-9 and -, starting with a letter or digit"),
            );
            continue;
        }
        if out.iter().any(|d| d.id == id) {
            problems.push(
                Problem::error(format!("{at}.id"), format!("duplicate dataset id `{id}`"))
                    .expected("ids that differ"),
            );
            continue;
        }
        if let Err(LoadFailure::BadPath { reason, .. }) =
            data_path_allowing(Some(&path), data_origins)
        {
            problems.push(
                Problem::error(format!("{at}.path"), format!("`{path}` cannot be loaded: {reason}"))
                    .expected("a path next to the page like `data/report.json`, or a URL on an origin in `allowed_data_origins`"),
            );
            continue;
        }
        for key in object.keys() {
            if !["id", "label", "path"].contains(&key.as_str()) {
                problems.push(
                    Problem::warning(format!("{at}.{key}"), format!("unknown field `{key}`"))
                        .expected("`id`, `label` and `path`"),
                );
            }
        }
        out.push(Dataset { id, label, path });
    }
    out
}

fn origins(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Vec<String> {
    let Some(items) = value.as_array() else {
        problems.push(
            Problem::error(path, format!("found {}", describe(value)))
                .expected("a list of origins like `https://intranet.example.com`"),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("{path}[{i}]");
        match item.as_str().map(parse_origin) {
            Some(Ok(origin)) => {
                if !out.contains(&origin) {
                    out.push(origin);
                }
            }
            Some(Err(why)) => problems.push(
                Problem::error(at, why).expected(
                    "an origin (scheme, host and optional port, no path) like `https://intranet.example.com`",
                ),
            ),
            None => problems.push(
                Problem::error(at, format!("found {}", describe(item)))
                    .expected("an origin like `https://intranet.example.com`"),
            ),
        }
    }
    out
}

fn colors(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Vec<(String, String)> {
    let Some(object) = value.as_object() else {
        problems.push(
            Problem::error(path, format!("found {}", describe(value)))
                .expected("an object like `{\"accent\": \"#8a1538\"}`"),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for (name, v) in object {
        let at = format!("{path}.{name}");
        if !COLOR_NAMES.contains(&name.as_str()) {
            problems.push(
                Problem::error(at, format!("unknown colour `{name}`"))
                    .expected(format!("one of {}", quote_list(&COLOR_NAMES))),
            );
            continue;
        }
        match v.as_str() {
            Some(c) if is_css_color(c) => out.push((name.clone(), c.trim().to_ascii_lowercase())),
            Some(c) => problems.push(
                Problem::error(at, format!("`{c}` is not a colour this app accepts"))
                    .expected("`#rgb`, `#rrggbb` or a CSS colour name like `navy`"),
            ),
            None => problems.push(
                Problem::error(at, format!("found {}", describe(v)))
                    .expected("`#rgb`, `#rrggbb` or a CSS colour name like `navy`"),
            ),
        }
    }
    out
}

/// Whether `value` is `#rgb`, `#rrggbb` or a CSS named colour (case ignored).
/// Nothing else is accepted, so a value can never inject other CSS.
pub fn is_css_color(value: &str) -> bool {
    let v = value.trim();
    if let Some(hex) = v.strip_prefix('#') {
        return (hex.len() == 3 || hex.len() == 6) && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    let lower = v.to_ascii_lowercase();
    CSS_COLOR_NAMES.binary_search(&lower.as_str()).is_ok()
}

/// Normalises an origin: `scheme://host[:port]` with `http` or `https`, lower
/// case, without a default port or a trailing slash. `Err` says what is wrong.
pub fn parse_origin(text: &str) -> Result<String, String> {
    let raw = text.trim();
    if raw == "*" {
        return Err("`*` would let any site embed and control the explorer".to_owned());
    }
    let lower = raw.to_ascii_lowercase();
    let (scheme, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        ("https", rest)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        ("http", rest)
    } else {
        return Err(format!(
            "`{raw}` does not start with `https://` or `http://`"
        ));
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    if rest.contains(['/', '?', '#', '@', '\\']) || rest.chars().any(char::is_whitespace) {
        return Err(format!("`{raw}` has more than a scheme, host and port"));
    }
    let (host, port) = match rest.rfind(':') {
        Some(i) if !rest[i..].contains(']') => (&rest[..i], Some(&rest[i + 1..])),
        _ => (rest, None),
    };
    let host_ok = if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !inner.is_empty()
            && inner
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
    } else {
        !host.is_empty()
            && !host.starts_with(['.', '-'])
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    };
    if !host_ok {
        return Err(format!("`{raw}` has no valid host name"));
    }
    let port = match port {
        None => None,
        Some(p) => match p.parse::<u16>() {
            Ok(n) if n > 0 && !p.starts_with('0') => Some(n),
            _ => return Err(format!("`{raw}` has a bad port `{p}`")),
        },
    };
    Ok(match port {
        Some(443) if scheme == "https" => format!("{scheme}://{host}"),
        Some(80) if scheme == "http" => format!("{scheme}://{host}"),
        Some(n) => format!("{scheme}://{host}:{n}"),
        None => format!("{scheme}://{host}"),
    })
}

/// The origin of an absolute `http(s)` URL, normalised as [`parse_origin`] does.
pub fn origin_of_url(url: &str) -> Option<String> {
    let lower = url.trim();
    let after = lower.find("://")? + 3;
    let end = lower[after..]
        .find(['/', '?', '#'])
        .map_or(lower.len(), |i| after + i);
    parse_origin(&lower[..end]).ok()
}

/// Whether embedded (compact) rendering is on: `?embed=1|true|yes` (or a bare
/// `?embed`) turns it on, `0|false|no` off, anything else keeps the configured default.
pub fn embed_mode(param: Option<&str>, default: bool) -> bool {
    match param.map(|p| p.trim().to_ascii_lowercase()) {
        Some(p) if p.is_empty() || p == "1" || p == "true" || p == "yes" => true,
        Some(p) if p == "0" || p == "false" || p == "no" => false,
        _ => default,
    }
}

/// Which data file to load: `?data=` (a path, or a URL on an allowed data
/// origin), else `?dataset=` (an id from the configuration), else the
/// configured default dataset, else the first dataset, else the built-in default.
/// Whatever is chosen must resolve, by `resolver` (the browser's URL parser), to the
/// page's origin or an allowed data origin.
pub fn resolve_data(
    data: Option<&str>,
    dataset: Option<&str>,
    config: &Config,
    resolver: &dyn UrlResolver,
) -> Result<String, LoadFailure> {
    let path = choose_data(data, dataset, config)?;
    check_origin(&path, &config.allowed_data_origins, resolver)?;
    Ok(path)
}

/// [`resolve_data`]'s choice, checked by its text only.
fn choose_data(
    data: Option<&str>,
    dataset: Option<&str>,
    config: &Config,
) -> Result<String, LoadFailure> {
    if data.is_some_and(|d| !d.trim().is_empty()) {
        return data_path_allowing(data, &config.allowed_data_origins);
    }
    if let Some(id) = dataset.map(str::trim).filter(|d| !d.is_empty()) {
        return match config.datasets.iter().find(|d| d.id == id) {
            Some(d) => Ok(d.path.clone()),
            None => {
                let known: Vec<&str> = config.datasets.iter().map(|d| d.id.as_str()).collect();
                Err(LoadFailure::BadPath {
                    path: id.to_owned(),
                    reason: if known.is_empty() {
                        "config.json lists no datasets".to_owned()
                    } else {
                        format!(
                            "config.json lists no such dataset; known: {}",
                            quote_list(&known)
                        )
                    },
                })
            }
        };
    }
    let chosen = config
        .default_dataset
        .as_ref()
        .and_then(|id| config.datasets.iter().find(|d| &d.id == id))
        .or(config.datasets.first());
    Ok(chosen.map_or_else(|| DEFAULT_DATA_PATH.to_owned(), |d| d.path.clone()))
}

/// The URL changes that apply the configured default filters: `Some` only when
/// there are default filters and the URL (`has` tells whether a parameter is
/// present) names no filter, search or entry.
pub fn default_filter_params(
    config: &Config,
    has: impl Fn(&str) -> bool,
) -> Option<Vec<(&'static str, Option<String>)>> {
    if config.default_filters.is_empty() || FILTER_KEYS.iter().chain(&["entry"]).any(|k| has(k)) {
        return None;
    }
    Some(
        config
            .default_filters
            .params()
            .into_iter()
            .filter(|(_, v)| v.is_some())
            .collect(),
    )
}

/// CSS named colours (CSS Color Level 4), sorted for binary search.
const CSS_COLOR_NAMES: [&str; 148] = [
    "aliceblue",
    "antiquewhite",
    "aqua",
    "aquamarine",
    "azure",
    "beige",
    "bisque",
    "black",
    "blanchedalmond",
    "blue",
    "blueviolet",
    "brown",
    "burlywood",
    "cadetblue",
    "chartreuse",
    "chocolate",
    "coral",
    "cornflowerblue",
    "cornsilk",
    "crimson",
    "cyan",
    "darkblue",
    "darkcyan",
    "darkgoldenrod",
    "darkgray",
    "darkgreen",
    "darkgrey",
    "darkkhaki",
    "darkmagenta",
    "darkolivegreen",
    "darkorange",
    "darkorchid",
    "darkred",
    "darksalmon",
    "darkseagreen",
    "darkslateblue",
    "darkslategray",
    "darkslategrey",
    "darkturquoise",
    "darkviolet",
    "deeppink",
    "deepskyblue",
    "dimgray",
    "dimgrey",
    "dodgerblue",
    "firebrick",
    "floralwhite",
    "forestgreen",
    "fuchsia",
    "gainsboro",
    "ghostwhite",
    "gold",
    "goldenrod",
    "gray",
    "green",
    "greenyellow",
    "grey",
    "honeydew",
    "hotpink",
    "indianred",
    "indigo",
    "ivory",
    "khaki",
    "lavender",
    "lavenderblush",
    "lawngreen",
    "lemonchiffon",
    "lightblue",
    "lightcoral",
    "lightcyan",
    "lightgoldenrodyellow",
    "lightgray",
    "lightgreen",
    "lightgrey",
    "lightpink",
    "lightsalmon",
    "lightseagreen",
    "lightskyblue",
    "lightslategray",
    "lightslategrey",
    "lightsteelblue",
    "lightyellow",
    "lime",
    "limegreen",
    "linen",
    "magenta",
    "maroon",
    "mediumaquamarine",
    "mediumblue",
    "mediumorchid",
    "mediumpurple",
    "mediumseagreen",
    "mediumslateblue",
    "mediumspringgreen",
    "mediumturquoise",
    "mediumvioletred",
    "midnightblue",
    "mintcream",
    "mistyrose",
    "moccasin",
    "navajowhite",
    "navy",
    "oldlace",
    "olive",
    "olivedrab",
    "orange",
    "orangered",
    "orchid",
    "palegoldenrod",
    "palegreen",
    "paleturquoise",
    "palevioletred",
    "papayawhip",
    "peachpuff",
    "peru",
    "pink",
    "plum",
    "powderblue",
    "purple",
    "rebeccapurple",
    "red",
    "rosybrown",
    "royalblue",
    "saddlebrown",
    "salmon",
    "sandybrown",
    "seagreen",
    "seashell",
    "sienna",
    "silver",
    "skyblue",
    "slateblue",
    "slategray",
    "slategrey",
    "snow",
    "springgreen",
    "steelblue",
    "tan",
    "teal",
    "thistle",
    "tomato",
    "turquoise",
    "violet",
    "wheat",
    "white",
    "whitesmoke",
    "yellow",
    "yellowgreen",
];

/// How a size setting reads in a message: the number itself, or what it is instead.
fn describe_number(v: &Value) -> String {
    match v {
        Value::Number(n) => format!("`{n}`"),
        other => describe(other).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_names_are_sorted() {
        assert!(CSS_COLOR_NAMES.windows(2).all(|w| w[0] < w[1]));
    }
}
