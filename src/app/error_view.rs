//! The error view: what failed, the details (status, line and column, problems), how an author
//! checks a data file, and a retry button.

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
    // The file itself is at fault (not the network or the address): its author can check it.
    let file_at_fault = matches!(
        failure,
        LoadFailure::Load { .. } | LoadFailure::Empty { .. }
    );
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
            {file_at_fault.then(|| view! { <AuthorHint/> })}
            <button type="button" class="retry" data-testid="retry" on:click=move |_| on_retry()>
                "Try again"
            </button>
        </section>
    }
}

/// Where an author finds help with a data file: the command that checks it on their own
/// computer (the `report-data` tool in this repository, `tools/report-data`) and the format's
/// documentation, which a build ships beside the app as `docs/`.
#[component]
pub fn AuthorHint() -> impl IntoView {
    view! {
        <div class="author-hint" data-testid="author-hint">
            <p>
                "Made this file? Check it on your computer with "
                <code>"report-data check FILE"</code>
                ": it lists every problem with its place in the file. From the Report Explorer source, run "
                <code>"cargo run -p report-data -- check FILE"</code>
                ", or install the tool once with "
                <code>"cargo install --path tools/report-data"</code>
                "."
            </p>
            <p>
                "The format is described in "
                // rel="external": pages of their own, which the router must not take over.
                <a href="docs/data-format.html" rel="external" data-testid="docs-link">"the data format guide"</a>
                ", with a "
                <a href="docs/report.schema.json" rel="external">"JSON Schema"</a>
                " that editors can check files against."
            </p>
        </div>
    }
}
