//! What a click on a bar does ([`BarTarget`]), and counting a bar as the list would ([`Scope`]).
//!
//! Every counted piece of a chart carries the selection change its click
//! applies, and its number is the query engine's count for the selection
//! after that change. So a bar can never show one number and list another:
//! the chart and the list ask the same engine the same question.

use super::group::MAX_CLICK_VALUES;
use crate::core::bitset::Bitset;
use crate::core::model::Report;
use crate::core::query::{Facet, Index, SearchHits, Selection};

/// The selection change of a click: each facet named gets exactly these values
/// (its other values are dropped); facets not named, the search, the order and
/// the view stay as they are.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct BarTarget {
    /// Facets and the URL tokens they are set to, in [`Facet::ALL`] order.
    pub facets: Vec<(Facet, Vec<String>)>,
}

impl BarTarget {
    /// Sets `facet` to `tokens` (replacing an earlier setting of it).
    pub fn set(mut self, facet: Facet, tokens: Vec<String>) -> Self {
        self.facets.retain(|(f, _)| *f != facet);
        self.facets.push((facet, tokens));
        self.facets
            .sort_by_key(|(f, _)| Facet::ALL.iter().position(|a| a == f));
        self
    }

    /// The tokens `facet` is set to, if it is named.
    pub fn tokens(&self, facet: Facet) -> Option<&[String]> {
        self.facets
            .iter()
            .find(|(f, _)| *f == facet)
            .map(|(_, t)| t.as_slice())
    }

    /// `selection` after the click: the facets named set, the open entry closed.
    pub fn apply(&self, selection: &Selection) -> Selection {
        let mut sel = selection.clone();
        sel.entry = None;
        for (facet, tokens) in &self.facets {
            sel.clear(*facet);
            for t in tokens {
                sel.toggle(*facet, t);
            }
        }
        sel
    }

    /// The first facet that would need more than [`MAX_CLICK_VALUES`] values, with how many.
    pub fn too_many(&self) -> Option<(Facet, usize)> {
        self.facets
            .iter()
            .find(|(_, t)| t.len() > MAX_CLICK_VALUES)
            .map(|(f, t)| (*f, t.len()))
    }

    /// Whether it selects nothing: it names a facet with no values (a piece with no entries).
    pub fn selects_nothing(&self) -> bool {
        self.facets.iter().any(|(_, t)| t.is_empty())
    }

    /// Whether a click can apply it: it selects something, and no facet needs
    /// more than [`MAX_CLICK_VALUES`] values.
    pub fn clickable(&self) -> bool {
        !self.selects_nothing() && self.too_many().is_none()
    }
}

/// What the charts count in: the report, its index, the reader's selection and its search hits.
#[derive(Clone)]
pub struct Scope<'a> {
    /// The report.
    pub report: &'a Report,
    /// Its index (the query engine).
    pub index: &'a Index,
    /// The current selection (the charts show its result).
    pub selection: &'a Selection,
    /// [`Index::search`] on the selection's search text.
    pub hits: &'a SearchHits,
    /// The selection's mask per facet, in [`Facet::ALL`] order.
    masks: Vec<Option<Bitset>>,
}

impl<'a> Scope<'a> {
    /// A scope for `selection`, with `hits` from [`Index::search`] on its search text.
    pub fn new(
        report: &'a Report,
        index: &'a Index,
        selection: &'a Selection,
        hits: &'a SearchHits,
    ) -> Self {
        let masks = Facet::ALL
            .into_iter()
            .map(|f| index.facet_mask(f, selection))
            .collect();
        Self {
            report,
            index,
            selection,
            hits,
            masks,
        }
    }

    /// The entries the selection lists, in report order.
    pub fn positions(&self) -> Vec<usize> {
        self.index
            .matching(self.selection, self.hits)
            .iter()
            .collect()
    }

    /// The entries listed after a click applying `target`: the query engine's
    /// facet masks for the selection after the click, and the search matches.
    pub fn matching(&self, target: &BarTarget) -> Bitset {
        let after = target.apply(self.selection);
        let mut acc = self.hits.matches.clone();
        for (i, facet) in Facet::ALL.into_iter().enumerate() {
            let mask = if target.tokens(facet).is_some() {
                self.index.facet_mask(facet, &after)
            } else {
                // Unchanged by the click: the selection's own mask, computed once.
                self.masks[i].clone()
            };
            if let Some(mask) = mask {
                acc.intersect_with(&mask);
            }
        }
        acc
    }

    /// Those of `tokens` (values of `facet`) that have entries among the ones `target` lists.
    pub fn with_entries(&self, target: &BarTarget, facet: Facet, tokens: &[String]) -> Vec<String> {
        if target.selects_nothing() {
            return Vec::new();
        }
        let listed = self.matching(target);
        tokens
            .iter()
            .filter(|t| {
                self.index
                    .value_bits(facet, t)
                    .is_some_and(|bits| listed.intersection_count(bits) > 0)
            })
            .cloned()
            .collect()
    }

    /// How many entries a click applying `target` lists: a bar's number
    /// (0 when the target names a facet with no values).
    pub fn count(&self, target: &BarTarget) -> usize {
        if target.selects_nothing() {
            return 0;
        }
        self.matching(target).count()
    }
}
