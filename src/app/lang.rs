//! The report's language (`report.language`) on the elements that show its text.
//!
//! The page itself is in the interface language (`<html lang="en">`); text from the data
//! file (titles, summaries, passages, names) is in the report's, so screen readers, hyphenation
//! and fonts treat it right. Each `<bdi>` holding a data value takes `lang=report_lang()`.

use leptos::prelude::*;
use std::sync::Arc;

/// The BCP 47 tag of the report being shown, if its file gives one.
#[derive(Clone, Debug, Default)]
pub struct ReportLang(pub Option<Arc<str>>);

/// Makes `language` the report language of the components below.
pub fn provide_report_lang(language: Option<&str>) {
    provide_context(ReportLang(language.map(Arc::from)));
}

/// The report's language for a `lang` attribute: `None` (no attribute) when the file gives
/// none or outside a report.
pub fn report_lang() -> Option<Arc<str>> {
    use_context::<ReportLang>().and_then(|l| l.0)
}
