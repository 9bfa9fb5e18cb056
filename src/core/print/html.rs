//! The print document as HTML markup: the app inserts it into a container just before
//! printing. Every text is escaped, so data can never add elements or attributes; the markup
//! has no `style` attributes, scripts or images (the page's CSP allows none), charts are the
//! inline SVG of [`PrintChart`].

use super::{PrintChart, PrintDocument, PrintedEntry};

/// `text` safe as element content or a quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// ` lang="…"` for a language tag, or nothing.
fn lang(tag: Option<&str>) -> String {
    tag.map(|t| format!(" lang=\"{}\"", escape(t)))
        .unwrap_or_default()
}

/// The whole document: header with provenance, the charts (when any), the entries and the
/// line saying how many more there are.
pub fn document_html(doc: &PrintDocument, charts: &[PrintChart]) -> String {
    let mut out = String::with_capacity(4096 + doc.entries.len() * 1200);
    out.push_str("<article class=\"print-doc\"><header class=\"print-header\">");
    out.push_str(&format!(
        "<h1{}>{}</h1><dl class=\"print-provenance\">",
        lang(doc.header.lang.as_deref()),
        escape(&doc.header.title)
    ));
    for (label, value) in &doc.header.lines {
        out.push_str(&format!(
            "<div><dt>{}</dt><dd>{}</dd></div>",
            escape(label),
            escape(value)
        ));
    }
    out.push_str("</dl></header>");
    if !charts.is_empty() {
        out.push_str(&format!(
            "<section class=\"print-charts\"><h2>{}</h2>",
            escape(doc.words.charts_heading)
        ));
        for c in charts {
            out.push_str(&format!(
                "<figure class=\"print-chart\" data-chart=\"{}\"><figcaption>{}</figcaption>\
                 <div class=\"print-svg\">{}</div></figure>",
                escape(c.id),
                escape(&c.title),
                c.svg
            ));
        }
        out.push_str("</section>");
    }
    out.push_str(&format!(
        "<section class=\"print-entries\"><h2>{}</h2>",
        escape(doc.words.entries_heading)
    ));
    if doc.entries.is_empty() {
        out.push_str(&format!(
            "<p class=\"print-empty\">{}</p>",
            escape(doc.words.no_entries)
        ));
    } else {
        out.push_str("<ol class=\"print-list\">");
        for e in &doc.entries {
            push_entry(&mut out, e);
        }
        out.push_str("</ol>");
    }
    if let Some(more) = &doc.more {
        out.push_str(&format!(
            "<p class=\"print-more\" data-testid=\"print-more\">{}</p>",
            escape(more)
        ));
    }
    out.push_str("</section></article>");
    out
}

/// One entry: kind (and report), title, subsidiaries · categories · date, summary, awarding
/// body, figures, passage and where it is. Its text carries its report's language.
fn push_entry(out: &mut String, e: &PrintedEntry) {
    let l = lang(e.lang.as_deref());
    let meta = [Some(&e.subsidiaries), Some(&e.categories), e.date.as_ref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .map(|s| escape(s))
        .collect::<Vec<_>>()
        .join(" · ");
    out.push_str(&format!(
        "<li class=\"print-entry\" data-id=\"{}\"><p class=\"print-kind\">{}",
        escape(&e.id),
        escape(&e.kind)
    ));
    if let Some(report) = &e.report {
        out.push_str(&format!(
            " · <span class=\"print-report\">{}</span>",
            escape(report)
        ));
    }
    out.push_str(&format!(
        "</p><h3{l}>{}</h3><p class=\"print-meta\"{l}>{meta}</p><p class=\"print-summary\"{l}>{}</p>",
        escape(&e.title),
        escape(&e.summary)
    ));
    if let Some(body) = &e.awarding_body {
        out.push_str(&format!(
            "<p class=\"print-awarded\"{l}>{}</p>",
            escape(body)
        ));
    }
    if !e.figures.is_empty() {
        out.push_str("<dl class=\"print-figures\">");
        for (label, value) in &e.figures {
            out.push_str(&format!(
                "<div><dt{l}>{}</dt><dd>{}</dd></div>",
                escape(label),
                escape(value)
            ));
        }
        out.push_str("</dl>");
    }
    out.push_str(&format!(
        "<blockquote class=\"print-passage\"{l}>{}</blockquote><p class=\"print-cite\">{}</p></li>",
        escape(&e.passage),
        escape(&e.cite)
    ));
}
