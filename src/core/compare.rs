//! Compare two reports: the subsidiary × category coverage of two editions of a merged report side by side, with the differences marked.
//!
//! Each entry of an edition counts once in the cell of its lead subsidiary and each
//! top-level category it belongs to (an entry in two sections counts in both columns, as the
//! coverage chart does). Rows and columns are the union of both editions. The grid is
//! bounded however large the reports: at most [`MAX_ROWS`] rows and [`MAX_COLUMNS`] columns,
//! the largest by entries in both editions, the rest summed into "Other" (see
//! `core::charts::group::top_n`). Counting is one pass over both editions' entries.
//!
//! A cell click filters by its subsidiary and category ([`Comparison::target`]); an "Other"
//! row or column selects its members when there are few enough, else nothing.

use crate::core::charts::group::{other_label, top_n};
use crate::core::charts::{relabel_other, top_level, BarTarget, Series};
use crate::core::i18n::{fill, Texts, EN};
use crate::core::model::Report;
use crate::core::query::Facet;
use std::collections::HashMap;

/// Rows (subsidiaries) the grid shows at most, "Other" included.
pub const MAX_ROWS: usize = 15;
/// Columns (top-level categories) the grid shows at most, "Other" included.
pub const MAX_COLUMNS: usize = 6;

/// How a cell differs between the two editions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Difference {
    /// Entries in A only.
    OnlyA,
    /// Entries in B only.
    OnlyB,
    /// More entries in B than in A.
    More,
    /// Fewer entries in B than in A.
    Fewer,
    /// As many in both (and some).
    Same,
    /// No entries in either.
    Neither,
}

impl Difference {
    /// Of two counts: A's and B's.
    pub fn of(a: usize, b: usize) -> Difference {
        match (a, b) {
            (0, 0) => Difference::Neither,
            (_, 0) => Difference::OnlyA,
            (0, _) => Difference::OnlyB,
            (a, b) if b > a => Difference::More,
            (a, b) if b < a => Difference::Fewer,
            _ => Difference::Same,
        }
    }

    /// A symbol that marks it without colour: `A`, `B`, `▲`, `▼`, `=`, or empty.
    pub fn symbol(self) -> &'static str {
        match self {
            Difference::OnlyA => "A",
            Difference::OnlyB => "B",
            Difference::More => "▲",
            Difference::Fewer => "▼",
            Difference::Same => "=",
            Difference::Neither => "",
        }
    }

    /// Its words, for tooltips and screen readers.
    pub fn words(self) -> &'static str {
        self.words_in(&EN)
    }

    /// [`Difference::words`] in the language of `t`.
    pub fn words_in(self, t: &Texts) -> &'static str {
        let y = &t.years;
        match self {
            Difference::OnlyA => y.only_a,
            Difference::OnlyB => y.only_b,
            Difference::More => y.more,
            Difference::Fewer => y.fewer,
            Difference::Same => y.same,
            Difference::Neither => y.neither,
        }
    }

    /// Its URL- and CSS-safe token (`only-a`, `more`, …).
    pub fn token(self) -> &'static str {
        match self {
            Difference::OnlyA => "only-a",
            Difference::OnlyB => "only-b",
            Difference::More => "more",
            Difference::Fewer => "fewer",
            Difference::Same => "same",
            Difference::Neither => "none",
        }
    }
}

/// One cell: the entry counts of both editions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    /// Entries in edition A.
    pub a: usize,
    /// Entries in edition B.
    pub b: usize,
}

impl Cell {
    /// How it differs.
    pub fn difference(self) -> Difference {
        Difference::of(self.a, self.b)
    }
}

/// The coverage of two editions side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Edition A (position in `Report::editions`).
    pub a: usize,
    /// Edition B.
    pub b: usize,
    /// Rows: subsidiaries (and maybe "Other"), in report order.
    pub rows: Vec<Series>,
    /// Columns: top-level categories (and maybe "Other"), in report order.
    pub columns: Vec<Series>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<Cell>>,
    /// Each row's total (each entry once).
    pub row_totals: Vec<Cell>,
    /// Entries in each edition.
    pub totals: Cell,
}

/// The default pair: the two newest editions (`None` with fewer than two).
pub fn default_pair(report: &Report) -> Option<(usize, usize)> {
    let n = report.editions.len();
    (n >= 2).then(|| (n - 2, n - 1))
}

/// Reads the `a=`/`b=` edition ids: each known id, else the default, with a notice per
/// unknown id. `None` with fewer than two editions.
pub fn choose(
    report: &Report,
    a: Option<&str>,
    b: Option<&str>,
) -> Option<((usize, usize), Vec<String>)> {
    choose_in(report, a, b, &EN)
}

/// [`choose`] with its notices in the language of `t`.
pub fn choose_in(
    report: &Report,
    a: Option<&str>,
    b: Option<&str>,
    t: &Texts,
) -> Option<((usize, usize), Vec<String>)> {
    let (da, db) = default_pair(report)?;
    let mut notices = Vec::new();
    let mut pick = |id: Option<&str>, default: usize, param: &str| match id
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => default,
        Some(id) => report.edition_position(id).unwrap_or_else(|| {
            notices.push(fill(
                t.years.ignored,
                &[
                    ("param", param),
                    ("id", id),
                    ("report", &report.editions[default].label),
                ],
            ));
            default
        }),
    };
    let a = pick(a, da, "a");
    let b = pick(b, db, "b");
    Some(((a, b), notices))
}

/// The coverage of editions `a` and `b` (positions in `Report::editions`), "Other" in English.
pub fn compare(report: &Report, a: usize, b: usize) -> Comparison {
    compare_in(report, a, b, &EN)
}

/// [`compare`] with the "Other" row and column named in the language of `t`.
pub fn compare_in(report: &Report, a: usize, b: usize, t: &Texts) -> Comparison {
    let mut c = count(report, a, b);
    let e = &t.entry;
    relabel_other(&mut c.rows, t, e.subsidiaries_one, e.subsidiaries_other);
    relabel_other(&mut c.columns, t, e.categories_one, e.categories_other);
    c
}

/// The counting pass of [`compare`].
fn count(report: &Report, a: usize, b: usize) -> Comparison {
    let subs: HashMap<&str, usize> = report
        .subsidiaries
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let tops: Vec<usize> = {
        let cats: HashMap<&str, usize> = report
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        report
            .categories
            .iter()
            .map(|c| {
                top_level(report, &c.id)
                    .and_then(|t| cats.get(t.id.as_str()).copied())
                    .unwrap_or(0)
            })
            .collect()
    };
    let cat_at: HashMap<&str, usize> = report
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let (ns, nc) = (report.subsidiaries.len(), report.categories.len());
    // Full grid over subsidiaries × categories (top-level ones used), per edition.
    let mut full = vec![Cell { a: 0, b: 0 }; ns * nc];
    let mut sub_totals = vec![Cell { a: 0, b: 0 }; ns];
    let mut totals = Cell { a: 0, b: 0 };
    for (side, edition) in [(0, a), (1, b)] {
        let Some(ed) = report.editions.get(edition) else {
            continue;
        };
        for position in ed.entries.clone() {
            let Some(e) = report.entries.get(position) else {
                continue;
            };
            let Some(&s) = e.lead().and_then(|l| subs.get(l.as_str())) else {
                continue;
            };
            let bump = |c: &mut Cell| {
                if side == 0 {
                    c.a += 1;
                } else {
                    c.b += 1;
                }
            };
            bump(&mut totals);
            bump(&mut sub_totals[s]);
            let mut seen: Vec<usize> = Vec::with_capacity(2);
            for c in &e.categories {
                if let Some(&ci) = cat_at.get(c.as_str()) {
                    let t = tops[ci];
                    if !seen.contains(&t) {
                        seen.push(t);
                        bump(&mut full[s * nc + t]);
                    }
                }
            }
        }
    }
    let col_sum: Vec<usize> = (0..nc)
        .map(|c| {
            (0..ns)
                .map(|s| full[s * nc + c].a + full[s * nc + c].b)
                .sum()
        })
        .collect();
    let row_sum: Vec<usize> = sub_totals.iter().map(|c| c.a + c.b).collect();
    let with_data =
        |sums: &[usize]| -> Vec<usize> { (0..sums.len()).filter(|&i| sums[i] > 0).collect() };
    let (row_ids, col_ids) = (with_data(&row_sum), with_data(&col_sum));
    let (row_keep, row_other) = top_n(
        &row_ids.iter().map(|&i| row_sum[i]).collect::<Vec<_>>(),
        MAX_ROWS,
    );
    let (col_keep, col_other) = top_n(
        &col_ids.iter().map(|&i| col_sum[i]).collect::<Vec<_>>(),
        MAX_COLUMNS,
    );
    // Groups: each shown row/column is a list of underlying indices.
    let groups = |ids: &[usize], keep: Vec<usize>, other: Vec<usize>| -> Vec<Vec<usize>> {
        let mut g: Vec<Vec<usize>> = keep.into_iter().map(|k| vec![ids[k]]).collect();
        if !other.is_empty() {
            g.push(other.into_iter().map(|k| ids[k]).collect());
        }
        g
    };
    let row_groups = groups(&row_ids, row_keep, row_other);
    let col_groups = groups(&col_ids, col_keep, col_other);
    let series = |members: &[usize], token: &dyn Fn(usize) -> (String, String), one, many| {
        if members.len() == 1 {
            let (t, l) = token(members[0]);
            Series::named(t, l)
        } else {
            Series {
                token: String::new(),
                label: other_label(members.len(), one, many),
                members: members.iter().map(|&m| token(m).0).collect(),
            }
        }
    };
    let rows: Vec<Series> = row_groups
        .iter()
        .map(|g| {
            series(
                g,
                &|i| {
                    let s = &report.subsidiaries[i];
                    (s.id.to_string(), report.subsidiary_label(&s.id))
                },
                "subsidiary",
                "subsidiaries",
            )
        })
        .collect();
    let columns: Vec<Series> = col_groups
        .iter()
        .map(|g| {
            series(
                g,
                &|i| {
                    let c = &report.categories[i];
                    (c.id.to_string(), c.name.clone())
                },
                "category",
                "categories",
            )
        })
        .collect();
    let cells = row_groups
        .iter()
        .map(|rg| {
            col_groups
                .iter()
                .map(|cg| {
                    let mut cell = Cell { a: 0, b: 0 };
                    for &s in rg {
                        for &c in cg {
                            cell.a += full[s * nc + c].a;
                            cell.b += full[s * nc + c].b;
                        }
                    }
                    cell
                })
                .collect()
        })
        .collect();
    let row_totals = row_groups
        .iter()
        .map(|rg| {
            rg.iter().fold(Cell { a: 0, b: 0 }, |acc, &s| Cell {
                a: acc.a + sub_totals[s].a,
                b: acc.b + sub_totals[s].b,
            })
        })
        .collect();
    Comparison {
        a,
        b,
        rows,
        columns,
        cells,
        row_totals,
        totals,
    }
}

impl Comparison {
    /// The filter a click on a cell applies: its subsidiaries and categories in the two
    /// compared reports of `report` (the merged report compared); `None` when a group has
    /// more members than a click selects.
    pub fn target(&self, report: &Report, row: usize, column: usize) -> Option<BarTarget> {
        let tokens = |s: &Series| -> Vec<String> {
            if s.is_other() {
                s.members.clone()
            } else {
                vec![s.token.clone()]
            }
        };
        let rows = tokens(self.rows.get(row)?);
        let cols = tokens(self.columns.get(column)?);
        let mut reports: Vec<String> = [self.a, self.b]
            .iter()
            .filter_map(|&e| report.editions.get(e).map(|e| e.id.clone()))
            .collect();
        reports.dedup();
        let target = BarTarget::default()
            .set(Facet::Subsidiary, rows)
            .set(Facet::Category, cols)
            .set(Facet::Report, reports);
        (target.too_many().is_none() && !target.selects_nothing()).then_some(target)
    }

    /// A cell for people: `Meridian Bank, Governance: 3 in 2019, 5 in 2020 (more in B)`.
    pub fn cell_text(&self, report: &Report, row: usize, column: usize) -> String {
        self.cell_text_in(report, row, column, &EN)
    }

    /// [`Comparison::cell_text`] in the language of `t`.
    pub fn cell_text_in(&self, report: &Report, row: usize, column: usize, t: &Texts) -> String {
        let (Some(r), Some(c), Some(cell)) = (
            self.rows.get(row),
            self.columns.get(column),
            self.cells.get(row).and_then(|cs| cs.get(column)),
        ) else {
            return String::new();
        };
        let label = |e: usize| report.editions.get(e).map_or("", |e| e.label.as_str());
        fill(
            t.years.cell,
            &[
                ("row", &r.label),
                ("column", &c.label),
                ("a", &cell.a.to_string()),
                ("report_a", label(self.a)),
                ("b", &cell.b.to_string()),
                ("report_b", label(self.b)),
                ("difference", cell.difference().words_in(t)),
            ],
        )
    }
}
