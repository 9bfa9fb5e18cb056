//! Search-match highlighting as text nodes and `<mark>` elements (never HTML strings).

use crate::app::lang::report_lang;
use crate::core::text::highlight;
use leptos::prelude::*;

/// Shows `text` with every search word marked, isolated in a `<bdi>` so that direction
/// controls in the data cannot reorder the interface text around it, in the report's language.
#[component]
pub fn Highlighted(
    /// The text to show.
    text: String,
    /// Folded search words (empty: nothing marked).
    words: Signal<Vec<String>>,
) -> impl IntoView {
    let marked = move || {
        words.with(|w| {
            if w.is_empty() {
                // No search: the plain text, without folding it to find nothing.
                return vec![text.clone().into_any()];
            }
            highlight(&text, w)
                .into_iter()
                .map(|s| {
                    if s.hit {
                        view! { <mark>{s.text}</mark> }.into_any()
                    } else {
                        s.text.into_any()
                    }
                })
                .collect_view()
        })
    };
    view! { <bdi lang=report_lang()>{marked}</bdi> }
}
