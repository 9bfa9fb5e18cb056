//! The catalogue's cross-entry and tag rules: `translation_of` links and BCP 47 language tags.

use super::Catalogue;
use crate::core::problem::Problem;
use std::collections::HashMap;

/// Checks each `translation_of`; a bad link is dropped (an error at its path), the report kept.
pub(super) fn links(catalogue: &mut Catalogue, bases: &[String], problems: &mut Vec<Problem>) {
    let index: HashMap<&str, usize> = catalogue
        .reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut dropped = Vec::new();
    for (i, report) in catalogue.reports.iter().enumerate() {
        let Some(target) = report.translation_of.as_deref() else {
            continue;
        };
        let why = if target == report.id {
            Some("`translation_of` names the report itself".to_owned())
        } else if let Some(&t) = index.get(target) {
            let original = &catalogue.reports[t];
            if original.organisation != report.organisation {
                Some(format!(
                    "`translation_of` names `{target}`, a report of `{}`, not `{}`",
                    original.organisation, report.organisation
                ))
            } else if original.period != report.period {
                Some(format!(
                    "`translation_of` names `{target}`, a report for `{}`, not `{}`",
                    original.period_text, report.period_text
                ))
            } else {
                None
            }
        } else if let Some(path) = catalogue.skipped.get(target) {
            Some(format!(
                "`translation_of` names `{target}`, which was skipped ({path})"
            ))
        } else {
            Some(format!(
                "`translation_of` names `{target}`, which is not in the catalogue"
            ))
        };
        if let Some(why) = why {
            problems.push(
                Problem::error(
                    format!("{}.translation_of", bases[i]),
                    format!("{why}; the link is dropped, the report is kept"),
                )
                .expected("the id of a report of the same organisation and period"),
            );
            dropped.push(i);
        }
    }
    for i in dropped {
        catalogue.reports[i].translation_of = None;
    }
}

/// Checks that `tag` is a well-formed BCP 47 language tag: a language subtag of 2–3 or
/// 5–8 letters, then subtags of 1–8 letters or digits, joined with `-`.
pub fn check_language(tag: &str) -> Result<(), String> {
    if let Some(c) = tag
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
    {
        return Err(format!("it contains `{c}`"));
    }
    let mut subtags = tag.split('-');
    let first = subtags.next().unwrap_or_default();
    if !(matches!(first.len(), 2 | 3 | 5..=8) && first.chars().all(|c| c.is_ascii_alphabetic())) {
        return Err(format!(
            "its language subtag `{first}` is not 2–3 or 5–8 letters"
        ));
    }
    for subtag in subtags {
        if subtag.is_empty() {
            return Err("it has an empty subtag".to_owned());
        }
        if subtag.len() > 8 {
            return Err(format!("its subtag `{subtag}` is longer than 8 characters"));
        }
    }
    Ok(())
}
