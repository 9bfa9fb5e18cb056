//! The view's state in the URL query: `sub`, `cat`, `kind`, `year`, `report`, `q`, `sort`, `entry`,
//! `view`, `page`, `at`.
//!
//! Decoding checks every value against the report's index; unknown ids and
//! malformed values are dropped and named in notices, so a bad link still opens.

use crate::core::i18n::{fill, Texts};
use crate::core::ids::{CategoryId, EntryId, SubsidiaryId};
use crate::core::model::Kind;
use crate::core::query::{Facet, Index, Selection, Sort, View, YearKey};

/// Every query parameter this module owns, in the order they are written.
pub const PARAMS: [&str; 11] = [
    "sub", "cat", "kind", "year", "report", "q", "sort", "entry", "view", "page", "at",
];

/// Reads a selection from query parameters (`get` returns a parameter's value).
/// Returns the selection and a notice for each value that was ignored, in English.
pub fn decode(get: impl Fn(&str) -> Option<String>, index: &Index) -> (Selection, Vec<String>) {
    decode_in(get, index, &crate::core::i18n::EN)
}

/// [`decode`], its notices in the interface language of `t`.
pub fn decode_in(
    get: impl Fn(&str) -> Option<String>,
    index: &Index,
    t: &Texts,
) -> (Selection, Vec<String>) {
    let e = &t.explorer;
    let mut sel = Selection::default();
    let mut notices = Vec::new();
    for facet in Facet::ALL {
        let Some(raw) = get(facet.param()) else {
            continue;
        };
        for token in raw.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            if !index.knows(facet, token) {
                notices.push(match facet {
                    Facet::Report => fill(e.ignored_report, &[("value", token)]),
                    _ => fill(
                        e.ignored_value,
                        &[
                            ("param", facet.param()),
                            ("value", token),
                            ("facet", &facet.label_in(t).to_lowercase()),
                        ],
                    ),
                });
                continue;
            }
            match facet {
                Facet::Subsidiary => {
                    sel.subsidiaries.extend(SubsidiaryId::new(token).ok());
                }
                Facet::Category => {
                    sel.categories.extend(CategoryId::new(token).ok());
                }
                Facet::Kind => {
                    sel.kinds.extend(Kind::parse(token));
                }
                Facet::Year => {
                    sel.years.extend(YearKey::parse(token));
                }
                Facet::Report => {
                    sel.reports.insert(token.to_owned());
                }
            }
        }
    }
    // A blank search is no search: `encode` leaves it out, so reading it back gives the same.
    if let Some(q) = get("q").filter(|q| !q.trim().is_empty()) {
        sel.query = q;
    }
    if let Some(sort) = get("sort").filter(|s| !s.is_empty()) {
        match Sort::parse(&sort) {
            Some(s) => sel.sort = s,
            None => notices.push(fill(
                e.ignored_choice,
                &[
                    ("param", "sort"),
                    ("value", &sort),
                    ("choices", &Sort::ALL.map(|s| s.token()).join(", ")),
                ],
            )),
        }
    }
    if let Some(view) = get("view").filter(|s| !s.is_empty()) {
        match View::parse(&view) {
            Some(v) => sel.view = v,
            None => notices.push(fill(
                e.ignored_choice,
                &[
                    ("param", "view"),
                    ("value", &view),
                    ("choices", &View::ALL.map(|v| v.token()).join(", ")),
                ],
            )),
        }
    }
    if let Some(entry) = get("entry").filter(|s| !s.is_empty()) {
        match EntryId::parse(&entry)
            .ok()
            .filter(|id| index.position(id).is_some())
        {
            Some(id) => sel.entry = Some(id),
            None => notices.push(fill(
                e.ignored_entry,
                &[("param", "entry"), ("value", &entry)],
            )),
        }
    }
    if let Some(at) = get("at").filter(|s| !s.is_empty()) {
        match EntryId::new(&at)
            .ok()
            .filter(|id| index.position(id).is_some())
        {
            Some(id) => sel.at = Some(id),
            None => notices.push(fill(e.ignored_entry, &[("param", "at"), ("value", &at)])),
        }
    }
    if let Some(page) = get("page").filter(|s| !s.is_empty()) {
        match page.trim().parse::<usize>() {
            // Page 1 is the default, written as no parameter.
            Ok(1) => {}
            Ok(n) if n > 1 => sel.page = n,
            _ => notices.push(fill(e.ignored_page, &[("value", &page)])),
        }
    }
    (sel, notices)
}

/// Writes a selection as query parameters: each owned parameter with its
/// value, or `None` where it should be removed (defaults are left out).
pub fn encode(sel: &Selection) -> Vec<(&'static str, Option<String>)> {
    fn join<T>(items: impl IntoIterator<Item = T>, f: impl Fn(T) -> String) -> Option<String> {
        let v: Vec<String> = items.into_iter().map(f).collect();
        (!v.is_empty()).then(|| v.join(","))
    }
    vec![
        ("sub", join(&sel.subsidiaries, |s| s.to_string())),
        ("cat", join(&sel.categories, |c| c.to_string())),
        ("kind", join(&sel.kinds, |k| k.as_str().to_owned())),
        ("year", join(&sel.years, |y| y.token())),
        ("report", join(&sel.reports, |r| r.clone())),
        (
            "q",
            Some(sel.query.clone()).filter(|q| !q.trim().is_empty()),
        ),
        (
            "sort",
            (sel.sort != Sort::default()).then(|| sel.sort.token().to_owned()),
        ),
        ("entry", sel.entry.as_ref().map(|e| e.to_string())),
        (
            "view",
            (sel.view != View::default()).then(|| sel.view.token().to_owned()),
        ),
        ("page", (sel.page > 1).then(|| sel.page.to_string())),
        ("at", sel.at.as_ref().map(|e| e.to_string())),
    ]
}
