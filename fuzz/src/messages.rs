//! Target `messages`: postMessage payloads from a parent page through `core::embed`: parsing
//! never panics, an accepted message written back parses to itself, and the answers built
//! from it are well formed.

use crate::common::{fixture, param, parse_query, text_of, to_query};
use report_explorer::core::config::{Filters, ThemeChoice};
use report_explorer::core::embed::{
    filter_updates, filters_of, height_message, parse_message, state_message, Ignored, Inbound,
    GET_STATE, HEIGHT, MAX_MESSAGE_LEN, PREFIX, SET_FILTERS, SET_THEME, STATE,
};
use report_explorer::core::url_state::decode;
use serde_json::{json, Value};

/// Runs every `messages` check on one input; panics on a broken invariant.
pub fn check(data: &[u8]) {
    // Any bytes make a height for the height message.
    if data.len() >= 8 {
        let mut word = [0u8; 8];
        word.copy_from_slice(&data[..8]);
        check_height(f64::from_le_bytes(word));
    }
    let text = text_of(data);
    // The app drops longer messages before parsing them.
    if text.len() > MAX_MESSAGE_LEN {
        return;
    }
    let Ok(value) = serde_json::from_str::<Value>(&text) else {
        return;
    };
    check_value(&value);
}

/// The checks on one parsed message.
pub fn check_value(value: &Value) {
    let ours = value
        .get("type")
        .and_then(Value::as_str)
        .is_some_and(|t| t.starts_with(PREFIX));
    match parse_message(value) {
        Err(Ignored::NotOurs) => assert!(!ours, "a `{PREFIX}` message was not recognised"),
        Err(Ignored::Invalid(why)) => {
            assert!(ours, "a foreign message was called invalid: {why}");
            assert!(why.starts_with(PREFIX) || why.starts_with("unknown message type"));
            assert!(!why.trim().is_empty());
        }
        Ok(message) => {
            assert!(ours);
            let written = to_json(&message);
            assert_eq!(
                parse_message(&written),
                Ok(message.clone()),
                "`{written}` does not parse back"
            );
            if let Inbound::SetFilters(filters) = &message {
                check_filters_apply(filters);
            }
        }
    }
}

/// A message as the parent page would post it.
pub fn to_json(message: &Inbound) -> Value {
    match message {
        Inbound::SetFilters(filters) => {
            json!({ "type": SET_FILTERS, "filters": filters.to_json() })
        }
        Inbound::SetTheme(theme) => json!({ "type": SET_THEME, "theme": theme.token() }),
        Inbound::GetState => json!({ "type": GET_STATE }),
    }
}

/// Accepted filters applied to the URL give a selection whose filters are the accepted ones
/// the report knows, and a `state` answer that counts at most every entry.
fn check_filters_apply(filters: &Filters) {
    let (_, index) = fixture();
    let written: Vec<(&str, String)> = filter_updates(filters)
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();
    let query = to_query(&written);
    let pairs = parse_query(&query);
    let (sel, _) = decode(|k| param(&pairs, k), index);
    assert_eq!(sel.entry, None, "set-filters closes the open entry");
    let shown = filters_of(&sel);
    for (kept, given) in [
        (&shown.sub, &filters.sub),
        (&shown.cat, &filters.cat),
        (&shown.kind, &filters.kind),
        (&shown.year, &filters.year),
    ] {
        assert!(
            kept.iter().all(|t| given.contains(t)),
            "{kept:?} not within {given:?}"
        );
    }
    if !filters.q.trim().is_empty() {
        assert_eq!(shown.q, filters.q, "the search text is kept as given");
    }
    let state = state_message(&query, |k| param(&pairs, k), index);
    assert_eq!(state["type"], STATE);
    assert_eq!(state["query"], query.as_str());
    let entries = state["entries"].as_u64().expect("a count of entries");
    assert!(entries as usize <= index.len());
    // The state's filters are themselves a valid set-filters message.
    let echo = json!({ "type": SET_FILTERS, "filters": state["filters"] });
    assert!(
        matches!(parse_message(&echo), Ok(Inbound::SetFilters(_))),
        "the state's filters are refused: {echo}"
    );
}

fn check_height(height: f64) {
    let message = height_message(height);
    assert_eq!(message["type"], HEIGHT);
    let h = message["height"].as_u64().expect("a whole height");
    assert!(h <= u64::from(u32::MAX));
    if height.is_finite() && height > 0.0 && height <= f64::from(u32::MAX) {
        assert!(h as f64 >= height, "height {h} below {height}");
    }
    // Themes are closed: only the three tokens parse.
    for t in [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark] {
        assert_eq!(ThemeChoice::parse(t.token()), Some(t));
    }
}
