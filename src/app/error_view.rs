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
    let t = crate::app::i18n::texts();
    let heading = failure.heading_in(t);
    // The file itself is at fault (not the network or the address): its author can check it.
    let file_at_fault = matches!(
        failure,
        LoadFailure::Load { .. } | LoadFailure::Empty { .. }
    );
    // Messages quote values from the file or the link: direction controls are shown. The
    // network's and the server's failures are told in the interface language; a refused
    // address or a file that does not load in English, as `report-data check` says it.
    let translated = failure.message_in(t);
    let message_lang = translated.is_none().then_some("en");
    let message = reveal_direction_controls(&translated.unwrap_or_else(|| failure.to_string()));
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
            <p class="error-message" lang=message_lang>{message}</p>
            {(!problems.is_empty())
                .then(|| {
                    view! {
                        <ul class="problem-list" lang="en">
                            {problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                        </ul>
                    }
                })}
            {file_at_fault.then(|| view! { <AuthorHint/> })}
            <button type="button" class="retry" data-testid="retry" on:click=move |_| on_retry()>
                {t.errors.try_again}
            </button>
        </section>
    }
}

/// Where an author finds help with a data file: the command that checks it on their own
/// computer (the `report-data` tool in this repository, `tools/report-data`) and the format's
/// documentation, which a build ships beside the app as `docs/`.
#[component]
pub fn AuthorHint() -> impl IntoView {
    let e = &crate::app::i18n::texts().errors;
    // The commands and file names are code, the same in every language.
    let end = if e.hint_editors.ends_with('。') {
        "。"
    } else {
        "."
    };
    view! {
        <div class="author-hint" data-testid="author-hint">
            <p>
                {e.hint_check}
                <code lang="en">"report-data check FILE"</code>
                {e.hint_source}
                <code lang="en">"cargo run -p report-data -- check FILE"</code>
                {e.hint_install}
                <code lang="en">"cargo install --path tools/report-data"</code>
                {end}
            </p>
            <p>
                {e.hint_format}
                // rel="external": pages of their own, which the router must not take over.
                <a href="docs/data-format.html" rel="external" data-testid="docs-link">{e.hint_guide}</a>
                {e.hint_with}
                <a href="docs/report.schema.json" rel="external" lang="en">"JSON Schema"</a>
                {e.hint_editors}
            </p>
        </div>
    }
}
