//! What a reader has chosen: the facet selections, the search, the order, the view, the page
//! and the open entry, and the operations on them. The query engine (`core::query`) reads it.
//! [`Divisions`] says which subsidiaries a division heading selects.

use crate::core::ids::{CategoryId, DivisionId, EntryId, SubsidiaryId};
use crate::core::model::{Kind, Report};
use crate::core::text::query_words;
use crate::core::years::YearKey;
use std::collections::{BTreeSet, HashMap};

/// How results are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Best search matches first (then newest); report order without a search.
    #[default]
    Relevance,
    /// Newest first; undated last.
    Newest,
    /// Oldest first; undated last.
    Oldest,
    /// By title, A to Z.
    Title,
}

impl Sort {
    /// Every order, as offered to readers.
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::Newest, Sort::Oldest, Sort::Title];

    /// As written in the URL.
    pub fn token(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Title => "title",
        }
    }

    /// Parses a URL token.
    pub fn parse(token: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.token() == token)
    }

    /// For people, in the language of `t`.
    pub fn label_in(self, t: &crate::core::i18n::Texts) -> &'static str {
        let e = &t.explorer;
        match self {
            Sort::Relevance => e.sort_relevance,
            Sort::Newest => e.sort_newest,
            Sort::Oldest => e.sort_oldest,
            Sort::Title => e.sort_title,
        }
    }

    /// For people.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Relevance => "Relevance",
            Sort::Newest => "Newest first",
            Sort::Oldest => "Oldest first",
            Sort::Title => "Title (A-Z)",
        }
    }
}

/// Which presentation of the results is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// The list of entries.
    #[default]
    List,
    /// The award timeline.
    Timeline,
    /// The charts.
    Charts,
    /// Two reports side by side (shown when several reports are merged).
    Compare,
    /// The report's chapter text with each entry's passage highlighted (only when the
    /// report has a text).
    Text,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 5] = [
        View::List,
        View::Timeline,
        View::Charts,
        View::Text,
        View::Compare,
    ];

    /// As written in the URL.
    pub fn token(self) -> &'static str {
        match self {
            View::List => "list",
            View::Timeline => "timeline",
            View::Charts => "charts",
            View::Compare => "compare",
            View::Text => "text",
        }
    }

    /// Parses a URL token.
    pub fn parse(token: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.token() == token)
    }

    /// For people, in the language of `t`.
    pub fn label_in(self, t: &crate::core::i18n::Texts) -> &'static str {
        let e = &t.explorer;
        match self {
            View::List => e.view_list,
            View::Timeline => e.view_timeline,
            View::Charts => e.view_charts,
            View::Compare => e.view_compare,
            View::Text => e.view_text,
        }
    }

    /// For people.
    pub fn label(self) -> &'static str {
        match self {
            View::List => "List",
            View::Timeline => "Timeline",
            View::Charts => "Charts",
            View::Compare => "Compare reports",
            View::Text => "Text",
        }
    }
}

/// What the reader has chosen: facet values, search text, order, view and open entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Subsidiaries (OR).
    pub subsidiaries: BTreeSet<SubsidiaryId>,
    /// Categories (OR; a parent includes its descendants).
    pub categories: BTreeSet<CategoryId>,
    /// Kinds (OR).
    pub kinds: BTreeSet<Kind>,
    /// Years (OR).
    pub years: BTreeSet<YearKey>,
    /// Reports, by catalogue id, when several are shown (OR).
    pub reports: BTreeSet<String>,
    /// Search text as typed.
    pub query: String,
    /// Result order.
    pub sort: Sort,
    /// The entry shown in detail.
    pub entry: Option<EntryId>,
    /// The presentation shown.
    pub view: View,
    /// The page of the result list, from 1 (0 is read as 1).
    pub page: usize,
    /// The entry whose passage the text view shows and focuses (`at`).
    pub at: Option<EntryId>,
}

impl Selection {
    /// Whether `other` asks for the same results in the same order (only the page, the
    /// open entry or the view differ), so the page number still means the same entries.
    pub fn same_results(&self, other: &Selection) -> bool {
        self.subsidiaries == other.subsidiaries
            && self.categories == other.categories
            && self.kinds == other.kinds
            && self.years == other.years
            && self.query.trim() == other.query.trim()
            && self.sort == other.sort
    }

    /// Whether any facet value or search text narrows the results.
    pub fn is_filtered(&self) -> bool {
        !(self.subsidiaries.is_empty()
            && self.categories.is_empty()
            && self.kinds.is_empty()
            && self.years.is_empty()
            && self.reports.is_empty()
            && query_words(&self.query).is_empty())
    }
}

/// The four facets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Facet {
    /// By subsidiary.
    Subsidiary,
    /// By category.
    Category,
    /// By kind.
    Kind,
    /// By year.
    Year,
    /// By report, when several reports are shown.
    Report,
}

impl Facet {
    /// Every facet, in display order.
    pub const ALL: [Facet; 5] = [
        Facet::Subsidiary,
        Facet::Category,
        Facet::Kind,
        Facet::Year,
        Facet::Report,
    ];

    /// URL parameter name.
    pub fn param(self) -> &'static str {
        match self {
            Facet::Subsidiary => "sub",
            Facet::Category => "cat",
            Facet::Kind => "kind",
            Facet::Year => "year",
            Facet::Report => "report",
        }
    }

    /// For people, in the language of `t`.
    pub fn label_in(self, t: &crate::core::i18n::Texts) -> &'static str {
        let f = &t.facets;
        match self {
            Facet::Subsidiary => f.subsidiary,
            Facet::Category => f.category,
            Facet::Kind => f.kind,
            Facet::Year => f.year,
            Facet::Report => f.report,
        }
    }

    /// For people.
    pub fn label(self) -> &'static str {
        match self {
            Facet::Subsidiary => "Subsidiary",
            Facet::Category => "Category",
            Facet::Kind => "Kind",
            Facet::Year => "Year",
            Facet::Report => "Report",
        }
    }
}

impl Selection {
    /// Adds or removes one facet value (given as its URL token); unknown tokens are ignored.
    pub fn toggle(&mut self, facet: Facet, token: &str) {
        fn flip<T: Ord>(set: &mut BTreeSet<T>, value: T) {
            if !set.remove(&value) {
                set.insert(value);
            }
        }
        match facet {
            Facet::Subsidiary => {
                if let Ok(id) = SubsidiaryId::new(token) {
                    flip(&mut self.subsidiaries, id)
                }
            }
            Facet::Category => {
                if let Ok(id) = CategoryId::new(token) {
                    flip(&mut self.categories, id)
                }
            }
            Facet::Kind => {
                if let Some(k) = Kind::parse(token) {
                    flip(&mut self.kinds, k)
                }
            }
            Facet::Year => {
                if let Some(y) = YearKey::parse(token) {
                    flip(&mut self.years, y)
                }
            }
            Facet::Report => {
                if crate::core::ids::check_id(token).is_ok() {
                    flip(&mut self.reports, token.to_owned())
                }
            }
        }
    }

    /// Selects exactly one value of a facet and clears the others of that facet.
    pub fn only(&mut self, facet: Facet, token: &str) {
        self.clear(facet);
        self.toggle(facet, token);
    }

    /// Clears one facet.
    pub fn clear(&mut self, facet: Facet) {
        match facet {
            Facet::Subsidiary => self.subsidiaries.clear(),
            Facet::Category => self.categories.clear(),
            Facet::Kind => self.kinds.clear(),
            Facet::Year => self.years.clear(),
            Facet::Report => self.reports.clear(),
        }
    }

    /// Clears every facet and the search; keeps the order.
    pub fn clear_all(&mut self) {
        Facet::ALL.into_iter().for_each(|f| self.clear(f));
        self.query.clear();
    }

    /// Number of selected values in a facet.
    pub fn selected_count(&self, facet: Facet) -> usize {
        match facet {
            Facet::Subsidiary => self.subsidiaries.len(),
            Facet::Category => self.categories.len(),
            Facet::Kind => self.kinds.len(),
            Facet::Year => self.years.len(),
            Facet::Report => self.reports.len(),
        }
    }
}

/// Each division's subsidiaries, built once per report in one pass over its divisions and
/// subsidiaries: what a division heading of the subsidiary facet selects. Divisions are
/// numbered by their position in the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Divisions {
    /// Division names, in report order.
    names: Vec<String>,
    /// Per division, its subsidiaries' positions in the report, in report order.
    members: Vec<Vec<usize>>,
    /// Positions of the subsidiaries without a division, in report order.
    loose: Vec<usize>,
    /// Every subsidiary's id, in report order.
    ids: Vec<SubsidiaryId>,
}

impl Divisions {
    /// Groups `report`'s subsidiaries by division (work proportional to divisions plus
    /// subsidiaries). A subsidiary naming no loaded division counts as having none.
    pub fn new(report: &Report) -> Self {
        let position: HashMap<&DivisionId, usize> = report
            .divisions
            .iter()
            .enumerate()
            .map(|(i, d)| (&d.id, i))
            .collect();
        let mut members = vec![Vec::new(); report.divisions.len()];
        let mut loose = Vec::new();
        for (i, s) in report.subsidiaries.iter().enumerate() {
            match s.division.as_ref().and_then(|d| position.get(d)) {
                Some(&d) => members[d].push(i),
                None => loose.push(i),
            }
        }
        Divisions {
            names: report.divisions.iter().map(|d| d.name.clone()).collect(),
            members,
            loose,
            ids: report.subsidiaries.iter().map(|s| s.id.clone()).collect(),
        }
    }

    /// Number of divisions.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the report has no divisions.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Division `d`'s name (empty for an unknown position).
    pub fn name(&self, d: usize) -> &str {
        self.names.get(d).map_or("", String::as_str)
    }

    /// Division `d`'s subsidiaries, in report order (none for an unknown position).
    pub fn members(&self, d: usize) -> impl ExactSizeIterator<Item = &SubsidiaryId> + '_ {
        self.members
            .get(d)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| &self.ids[i])
    }

    /// The subsidiary facet's order: positions in the report with each one's division,
    /// those without a division first, then each division's subsidiaries, in report order.
    pub fn facet_order(&self) -> Vec<(usize, Option<usize>)> {
        let mut order = Vec::with_capacity(self.ids.len());
        order.extend(self.loose.iter().map(|&i| (i, None)));
        for (d, members) in self.members.iter().enumerate() {
            order.extend(members.iter().map(|&i| (i, Some(d))));
        }
        order
    }
}

impl Selection {
    /// Selects every subsidiary of division `d` and keeps the other selections.
    pub fn select_division(&mut self, divisions: &Divisions, d: usize) {
        self.subsidiaries.extend(divisions.members(d).cloned());
    }

    /// Deselects every subsidiary of division `d` and keeps the other selections.
    pub fn deselect_division(&mut self, divisions: &Divisions, d: usize) {
        for id in divisions.members(d) {
            self.subsidiaries.remove(id);
        }
    }

    /// Whether every subsidiary of division `d` is selected (never for a division without
    /// subsidiaries).
    pub fn division_selected(&self, divisions: &Divisions, d: usize) -> bool {
        divisions.members(d).next().is_some()
            && divisions
                .members(d)
                .all(|id| self.subsidiaries.contains(id))
    }

    /// What a division heading does: deselects the division when it is fully selected,
    /// otherwise selects all of it.
    pub fn toggle_division(&mut self, divisions: &Divisions, d: usize) {
        if self.division_selected(divisions, d) {
            self.deselect_division(divisions, d);
        } else {
            self.select_division(divisions, d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_and_clearing() {
        let mut sel = Selection::default();
        sel.toggle(Facet::Subsidiary, "a");
        sel.toggle(Facet::Subsidiary, "b");
        sel.toggle(Facet::Kind, "award");
        sel.toggle(Facet::Year, "2019");
        sel.toggle(Facet::Year, "bad");
        sel.toggle(Facet::Kind, "prize");
        assert_eq!(sel.selected_count(Facet::Subsidiary), 2);
        assert_eq!(sel.selected_count(Facet::Year), 1);
        assert_eq!(sel.selected_count(Facet::Kind), 1);
        sel.toggle(Facet::Subsidiary, "a");
        assert_eq!(sel.selected_count(Facet::Subsidiary), 1);
        sel.only(Facet::Subsidiary, "c");
        assert_eq!(sel.subsidiaries.iter().next().unwrap().as_str(), "c");
        sel.query = "bank".into();
        sel.sort = Sort::Title;
        assert!(sel.is_filtered());
        sel.clear_all();
        assert!(!sel.is_filtered());
        assert_eq!(sel.sort, Sort::Title);
    }
}
