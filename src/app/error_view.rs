//! The error view: what failed, the details (status, line and column, problems) and a retry button.

use crate::core::source::LoadFailure;
use crate::core::text::reveal_direction_controls;
use leptos::prelude::*;

/// Shows why the report could not be shown, with a retry button.
#[component]
pub fn ErrorView(
    /// What went wrong.
    failure: LoadFailure,
    /// Called when the reader presses "Try again".
    on_retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let heading = failure.heading();
    // Messages quote values from the file or the link: direction controls are shown.
    let message = reveal_direction_controls(&failure.to_string());
    // Each problem reads as `DATA-ADDRESS:LINE:COL: error: PATH: message`.
    let file = match &failure {
        LoadFailure::Load { url, .. } => url.clone(),
        _ => String::new(),
    };
    let problems: Vec<String> = failure
        .problems()
        .iter()
        .map(|p| reveal_direction_controls(&p.located(&file)))
        .collect();
    view! {
        <section class="error-view" data-testid="error-view" role="alert">
            <h1>{heading}</h1>
            <p class="error-message">{message}</p>
            {(!problems.is_empty())
                .then(|| {
                    view! {
                        <ul class="problem-list">
                            {problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                        </ul>
                    }
                })}
            <button type="button" class="retry" data-testid="retry" on:click=move |_| on_retry()>
                "Try again"
            </button>
        </section>
    }
}
