//! The "show as table" alternative: every chart's numbers as a header row and data rows.
//!
//! A table has exactly the chart's rows and series ("Other" included), so it
//! is as bounded as the chart: at most 12 rows and 8 series plus a total for
//! coverage, 20 rows and 8 series for awards, 20 figures for metrics. A
//! coverage row's total counts each entry once, as its bar's end label does.

use crate::core::charts::Chart;
use crate::core::i18n::{Texts, EN};

/// A plain table: column headings and rows of cell text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Column headings; the first names the row labels.
    pub headers: Vec<String>,
    /// One row per bar or band, first cell its label.
    pub rows: Vec<Vec<String>>,
    /// What the chart leaves out or groups, as drawn above it (`Showing 20 of 312 figures…`).
    pub note: Option<String>,
}

/// The chart's note: what it leaves out or groups, if anything.
pub fn note(chart: Chart<'_>) -> Option<String> {
    note_in(chart, &EN)
}

/// [`note`] in the language of `t`.
pub fn note_in(chart: Chart<'_>, t: &Texts) -> Option<String> {
    match chart {
        Chart::Coverage(d) => d.note_in(t),
        Chart::Awards(d) => d.note_in(t),
        Chart::Metrics(d) => d.note_in(t),
        Chart::Trend(d) => d.note_in(t),
    }
}

/// The same numbers a chart draws, as a table.
pub fn table(chart: Chart<'_>) -> Table {
    table_in(chart, &EN)
}

/// [`table`] with its headings and note in the language of `t`.
pub fn table_in(chart: Chart<'_>, t: &Texts) -> Table {
    let c = &t.charts;
    match chart {
        Chart::Trend(d) => d.table_in(t),
        Chart::Coverage(d) => {
            let mut headers = vec![c.subsidiary.to_owned()];
            headers.extend(d.categories.iter().map(|c| c.label.clone()));
            headers.push(c.total.into());
            let rows = d
                .subsidiaries
                .iter()
                .zip(&d.counts)
                .zip(&d.totals)
                .map(|((s, counts), total)| {
                    let mut row = vec![s.label.clone()];
                    row.extend(counts.iter().map(usize::to_string));
                    row.push(total.to_string());
                    row
                })
                .collect();
            Table {
                headers,
                rows,
                note: d.note_in(t),
            }
        }
        Chart::Awards(d) => {
            let mut headers = vec![if d.years.iter().any(|y| y.first != y.last) {
                c.years
            } else {
                c.year
            }
            .to_owned()];
            headers.extend(d.subsidiaries.iter().map(|s| s.label.clone()));
            headers.push(c.total.into());
            let rows = d
                .years
                .iter()
                .zip(&d.counts)
                .map(|(y, counts)| {
                    let mut row = vec![y.label()];
                    row.extend(counts.iter().map(usize::to_string));
                    row.push(counts.iter().sum::<usize>().to_string());
                    row
                })
                .collect();
            Table {
                headers,
                rows,
                note: d.note_in(t),
            }
        }
        Chart::Metrics(d) => Table {
            note: d.note_in(t),
            headers: [c.entry, c.subsidiary, c.measure, &d.axis_label]
                .map(str::to_owned)
                .to_vec(),
            rows: d
                .bars
                .iter()
                .map(|b| {
                    vec![
                        b.title.clone(),
                        b.subsidiary.label.clone(),
                        b.label.clone(),
                        b.text.clone(),
                    ]
                })
                .collect(),
        },
    }
}
