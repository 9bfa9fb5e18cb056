//! The message API between an embedded explorer and its parent page: message shapes, validation and answers.
//!
//! The app posts `{"type": "report-explorer:height", "height": N}` and answers
//! `report-explorer:get-state` with `report-explorer:state`. It accepts
//! `report-explorer:set-filters`, `report-explorer:set-theme` and
//! `report-explorer:get-state` from allowed parent origins only. This module
//! decides everything that does not need the browser: which messages are
//! valid, which origins may talk, and what the answers contain.

use crate::core::config::{Filters, ThemeChoice};
use crate::core::load::describe;
use crate::core::problem::Problem;
use crate::core::query::{Index, Selection};
use crate::core::url_state::{decode, encode};
use serde_json::{json, Value};

/// Every message type starts with this.
pub const PREFIX: &str = "report-explorer:";
/// Parent to app: replace the filters.
pub const SET_FILTERS: &str = "report-explorer:set-filters";
/// Parent to app: change the theme.
pub const SET_THEME: &str = "report-explorer:set-theme";
/// Parent to app: ask for the state.
pub const GET_STATE: &str = "report-explorer:get-state";
/// App to parent: the content height in CSS pixels.
pub const HEIGHT: &str = "report-explorer:height";
/// App to parent: the answer to `get-state`.
pub const STATE: &str = "report-explorer:state";

/// Longest message accepted, as JSON text.
pub const MAX_MESSAGE_LEN: usize = 16 * 1024;

/// A valid message from the parent page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inbound {
    /// Replace every filter and the search (omitted keys are cleared); the open entry is closed.
    SetFilters(Filters),
    /// Use this theme.
    SetTheme(ThemeChoice),
    /// Answer with the state.
    GetState,
}

/// Why a message was not acted on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ignored {
    /// Not a message of this API (no `report-explorer:` type): ignored silently.
    NotOurs,
    /// A message of this API with a bad shape: what is wrong.
    Invalid(String),
}

/// Validates a message's data (already parsed from the structured clone).
pub fn parse_message(data: &Value) -> Result<Inbound, Ignored> {
    let Some(object) = data.as_object() else {
        return Err(Ignored::NotOurs);
    };
    let Some(kind) = object.get("type").and_then(Value::as_str) else {
        return Err(Ignored::NotOurs);
    };
    if !kind.starts_with(PREFIX) {
        return Err(Ignored::NotOurs);
    }
    let only = |allowed: &[&str]| -> Result<(), Ignored> {
        match object.keys().find(|k| !allowed.contains(&k.as_str())) {
            Some(k) => Err(Ignored::Invalid(format!("{kind}: unknown field `{k}`"))),
            None => Ok(()),
        }
    };
    match kind {
        SET_FILTERS => {
            only(&["type", "filters"])?;
            let value = object.get("filters").ok_or_else(|| {
                Ignored::Invalid(format!("{kind}: `filters` is missing"))
            })?;
            let mut problems: Vec<Problem> = Vec::new();
            let filters = Filters::from_json(value, "filters", &mut problems);
            match problems.first() {
                Some(p) => Err(Ignored::Invalid(format!("{kind}: {p}"))),
                None => Ok(Inbound::SetFilters(filters)),
            }
        }
        SET_THEME => {
            only(&["type", "theme"])?;
            match object.get("theme") {
                Some(Value::String(t)) => ThemeChoice::parse(t).map(Inbound::SetTheme).ok_or_else(|| {
                    Ignored::Invalid(format!(
                        "{kind}: unknown theme `{t}` (expected `auto`, `light` or `dark`)"
                    ))
                }),
                Some(other) => Err(Ignored::Invalid(format!(
                    "{kind}: `theme` is {} (expected `auto`, `light` or `dark`)",
                    describe(other)
                ))),
                None => Err(Ignored::Invalid(format!("{kind}: `theme` is missing"))),
            }
        }
        GET_STATE => {
            only(&["type"])?;
            Ok(Inbound::GetState)
        }
        other => Err(Ignored::Invalid(format!(
            "unknown message type `{other}` (expected `{SET_FILTERS}`, `{SET_THEME}` or `{GET_STATE}`)"
        ))),
    }
}

/// Whether a message from `origin` may be acted on: exactly one of the
/// allowed (normalised) origins; an opaque `null` origin never is.
pub fn origin_allowed(origin: &str, allowed: &[String]) -> bool {
    origin != "null" && allowed.iter().any(|a| a == origin)
}

/// Where height messages go. With the parent's origin known (from the
/// browser, or from an earlier valid message) only to that origin, and only
/// when it is allowed; otherwise to each allowed origin in turn (the browser
/// delivers only the one that matches). Never to `*`.
pub fn height_targets(parent_origin: Option<&str>, allowed: &[String]) -> Vec<String> {
    match parent_origin {
        Some(origin) if origin_allowed(origin, allowed) => vec![origin.to_owned()],
        Some(_) => Vec::new(),
        None => allowed.to_vec(),
    }
}

/// The height message for a content height in CSS pixels (rounded up).
pub fn height_message(height: f64) -> Value {
    let h = if height.is_finite() && height > 0.0 {
        height.ceil().min(f64::from(u32::MAX)) as u32
    } else {
        0
    };
    json!({ "type": HEIGHT, "height": h })
}

/// The selection's filters as message filters.
pub fn filters_of(sel: &Selection) -> Filters {
    let mut filters = Filters::default();
    for (key, value) in encode(sel) {
        let list = || {
            value
                .as_deref()
                .map(|v| v.split(',').map(str::to_owned).collect())
                .unwrap_or_default()
        };
        match key {
            "sub" => filters.sub = list(),
            "cat" => filters.cat = list(),
            "kind" => filters.kind = list(),
            "year" => filters.year = list(),
            "q" => filters.q = value.unwrap_or_default(),
            _ => {}
        }
    }
    filters
}

/// The answer to `get-state`: the URL query (`?sub=...`), the filters in
/// effect (unknown values dropped) and how many entries they show.
pub fn state_message(
    query_string: &str,
    get: impl Fn(&str) -> Option<String>,
    index: &Index,
) -> Value {
    let (sel, _) = decode(get, index);
    let hits = index.search(&sel.query);
    let entries = index.query(&sel, &hits).entries.len();
    json!({
        "type": STATE,
        "query": query_string,
        "filters": filters_of(&sel).to_json(),
        "entries": entries,
    })
}

/// The URL changes for a `set-filters` message: every filter parameter set or
/// removed, and the open entry closed.
pub fn filter_updates(filters: &Filters) -> Vec<(&'static str, Option<String>)> {
    let mut updates = filters.params();
    updates.push(("entry", None));
    updates
}
