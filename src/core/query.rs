//! The query engine: an index built once per report, facet filtering with
//! crossfilter counts, full-text search with relevance, and sorting.

use crate::core::bitset::Bitset;
use crate::core::ids::{CategoryId, EntryId, SubsidiaryId};
use crate::core::model::{Kind, Report};
use crate::core::text::{fold, query_words};
use std::collections::{BTreeMap, HashMap};

pub use crate::core::paging::{Page, PAGE_SIZE};
pub use crate::core::selection::{Divisions, Facet, Selection, Sort, View};
pub use crate::core::years::{YearBuckets, YearKey, MAX_YEAR_VALUES};

/// One value of a facet with its crossfilter count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    /// The value as written in the URL (an id, a kind, a year).
    pub token: String,
    /// For people.
    pub label: String,
    /// Entries this value would give with the other facets' selections and the search.
    pub count: usize,
    /// Whether it is selected.
    pub selected: bool,
    /// Nesting depth (categories only; 0 at the top).
    pub depth: usize,
    /// The heading it is listed under: a subsidiary's division, when the report has any.
    /// Values of one group are listed together; those without a group come first.
    pub group: Option<String>,
    /// That division's position in [`Index::divisions`].
    pub division: Option<usize>,
}

/// A calendar day as (year, month, day), ordered chronologically.
type Day = (i32, u8, u8);

/// A search field and its relevance weight.
const WEIGHTS: [u32; 6] = [8, 4, 4, 2, 2, 1];

/// An entry's searchable text, folded, one string per weighted field:
/// title; subsidiaries and their divisions; categories; summary; awarding body, location and
/// countries; passage and section.
struct EntryText([String; 6]);

/// Per-report lookup structures, built once and reused for every query.
pub struct Index {
    n: usize,
    subsidiaries: Vec<(SubsidiaryId, String, Bitset)>,
    /// Each division's subsidiaries: what a division heading selects.
    divisions: Divisions,
    /// The subsidiary facet's order (positions in `subsidiaries`) with each one's division:
    /// those without a division first, then each division's, in report order.
    sub_order: Vec<(usize, Option<usize>)>,
    /// Categories in tree order: (id, name, depth, entries in it or its descendants).
    categories: Vec<(CategoryId, String, usize, Bitset)>,
    kinds: Vec<(Kind, Bitset)>,
    /// Year values, newest first, then undated.
    years: Vec<(YearKey, Bitset)>,
    /// The report's dated year values (runs of years), oldest first.
    buckets: YearBuckets,
    /// Reports (editions), newest first: (catalogue id, label, entries); empty for one report.
    reports: Vec<(String, String, Bitset)>,
    texts: Vec<EntryText>,
    /// Sort keys: (first day, last day) per entry, `None` when undated.
    dates: Vec<Option<(Day, Day)>>,
    titles: Vec<String>,
    entry_positions: HashMap<EntryId, usize>,
}

/// Search matches: which entries match every word, and how well.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHits {
    /// The folded words searched for (empty: no search).
    pub words: Vec<String>,
    /// Entries matching every word (all entries when there are no words).
    pub matches: Bitset,
    /// Relevance score per entry (0 when not matching or no search).
    pub scores: Vec<u32>,
}

/// The answer to a selection.
#[derive(Clone, Debug, PartialEq)]
pub struct QueryResult {
    /// Matching entry positions, in the selected order.
    pub entries: Vec<usize>,
    /// Number of entries in the report.
    pub total: usize,
    /// Values of each facet with their counts, in `Facet::ALL` order.
    pub facets: Vec<(Facet, Vec<FacetValue>)>,
}

/// An index built a few entries at a time, so a large report never blocks for long.
pub struct IndexBuilder {
    index: Index,
    sub_pos: HashMap<SubsidiaryId, usize>,
    cat_pos: HashMap<CategoryId, usize>,
    parent: HashMap<CategoryId, CategoryId>,
    /// Entries per dated year value (in `index.buckets` order), and the undated ones.
    years: Vec<Bitset>,
    undated: Bitset,
    category_count: usize,
}

impl IndexBuilder {
    /// Starts an index for `report`: facet values in order, no entries yet.
    pub fn new(report: &Report) -> Self {
        let n = report.entries.len();
        let subsidiaries: Vec<(SubsidiaryId, String, Bitset)> = report
            .subsidiaries
            .iter()
            .map(|s| (s.id.clone(), s.name.clone(), Bitset::empty(n)))
            .collect();
        let sub_pos = report
            .subsidiaries
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let divisions = Divisions::new(report);
        let sub_order = divisions.facet_order();

        // Category tree order and ancestor chains.
        let parent: HashMap<CategoryId, CategoryId> = report
            .categories
            .iter()
            .filter_map(|c| c.parent.as_ref().map(|p| (c.id.clone(), p.clone())))
            .collect();
        let mut children: BTreeMap<Option<&CategoryId>, Vec<usize>> = BTreeMap::new();
        for (i, c) in report.categories.iter().enumerate() {
            children.entry(c.parent.as_ref()).or_default().push(i);
        }
        let mut order: Vec<(usize, usize)> = Vec::new();
        fn walk(
            key: Option<&CategoryId>,
            depth: usize,
            report: &Report,
            children: &BTreeMap<Option<&CategoryId>, Vec<usize>>,
            order: &mut Vec<(usize, usize)>,
        ) {
            for &i in children.get(&key).map(Vec::as_slice).unwrap_or(&[]) {
                order.push((i, depth));
                walk(
                    Some(&report.categories[i].id),
                    depth + 1,
                    report,
                    children,
                    order,
                );
            }
        }
        walk(None, 0, report, &children, &mut order);
        let categories: Vec<(CategoryId, String, usize, Bitset)> = order
            .iter()
            .map(|&(i, depth)| {
                let c = &report.categories[i];
                (c.id.clone(), c.name.clone(), depth, Bitset::empty(n))
            })
            .collect();
        let cat_pos = categories
            .iter()
            .enumerate()
            .map(|(i, c)| (c.0.clone(), i))
            .collect();
        let kinds: Vec<(Kind, Bitset)> = Kind::ALL.iter().map(|&k| (k, Bitset::empty(n))).collect();
        let dates: Vec<(i32, i32)> = report
            .entries
            .iter()
            .filter_map(|e| e.date.map(|d| (d.first_day().0, d.last_day().0)))
            .collect();
        let buckets = YearBuckets::new(&dates);
        IndexBuilder {
            years: vec![Bitset::empty(n); buckets.len()],
            undated: Bitset::empty(n),
            index: Index {
                n,
                subsidiaries,
                divisions,
                sub_order,
                categories,
                kinds,
                years: Vec::new(),
                buckets,
                reports: report
                    .editions
                    .iter()
                    .rev()
                    .map(|e| {
                        let mut bits = Bitset::empty(n);
                        e.entries.clone().for_each(|i| bits.insert(i));
                        (e.id.clone(), e.label.clone(), bits)
                    })
                    .collect(),
                texts: Vec::with_capacity(n),
                dates: Vec::with_capacity(n),
                titles: Vec::with_capacity(n),
                entry_positions: HashMap::with_capacity(n),
            },
            sub_pos,
            cat_pos,
            parent,
            category_count: report.categories.len(),
        }
    }

    /// Entries indexed so far.
    pub fn done(&self) -> usize {
        self.index.texts.len()
    }

    /// Indexes up to `count` more entries of `report` (the one given to [`IndexBuilder::new`]);
    /// returns whether every entry is indexed.
    pub fn step(&mut self, report: &Report, count: usize) -> bool {
        let n = self.index.n;
        let start = self.done();
        let end = start.saturating_add(count).min(n);
        for (i, e) in report.entries[start..end].iter().enumerate() {
            let i = start + i;
            let index = &mut self.index;
            index.entry_positions.insert(e.id.clone(), i);
            // An entry shared by several subsidiaries counts under each of them.
            for sub in &e.subsidiaries {
                if let Some(&s) = self.sub_pos.get(sub) {
                    index.subsidiaries[s].2.insert(i);
                }
            }
            let mut cat_names = Vec::new();
            for c in &e.categories {
                // The category and every ancestor contain the entry.
                let mut cursor = Some(c);
                let mut guard = 0;
                while let Some(id) = cursor {
                    if let Some(&p) = self.cat_pos.get(id) {
                        index.categories[p].3.insert(i);
                        cat_names.push(index.categories[p].1.clone());
                    }
                    cursor = self.parent.get(id);
                    guard += 1;
                    if guard > self.category_count {
                        break;
                    }
                }
            }
            let k = Kind::ALL.iter().position(|k| *k == e.kind).unwrap_or(0);
            index.kinds[k].1.insert(i);
            match e.date {
                Some(d) => {
                    let (first, last) = (d.first_day(), d.last_day());
                    for b in index.buckets.touching(first.0, last.0) {
                        self.years[b].insert(i);
                    }
                    index.dates.push(Some((first, last)));
                }
                None => {
                    self.undated.insert(i);
                    index.dates.push(None);
                }
            }
            // Every subsidiary's name, and its division's.
            let mut who: Vec<&str> = Vec::with_capacity(e.subsidiaries.len() * 2);
            for sub in &e.subsidiaries {
                who.push(report.subsidiary_name(sub));
                who.extend(report.division_of(sub));
            }
            let place = [&e.awarding_body, &e.location]
                .iter()
                .filter_map(|s| s.as_deref())
                .chain(e.countries.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(" \u{1f} ");
            index.texts.push(EntryText([
                fold(&e.title),
                fold(&who.join(" \u{1f} ")),
                fold(&cat_names.join(" \u{1f} ")),
                fold(&e.summary),
                fold(&place),
                fold(&format!("{} \u{1f} {}", e.source.passage, e.source.section)),
            ]));
            index.titles.push(fold(&e.title));
        }
        end == n
    }

    /// The finished index; call it once [`IndexBuilder::step`] has returned `true`.
    pub fn finish(self) -> Index {
        let mut index = self.index;
        // Newest years first, undated last; only values with entries.
        let mut years: Vec<(YearKey, Bitset)> = self
            .years
            .into_iter()
            .enumerate()
            .map(|(b, bits)| (index.buckets.key(b), bits))
            .rev()
            .collect();
        years.push((YearKey::Undated, self.undated));
        years.retain(|(_, bits)| !bits.is_empty());
        index.years = years;
        index
    }
}

impl Index {
    /// Builds the index for `report` in one go.
    pub fn new(report: &Report) -> Self {
        let mut builder = IndexBuilder::new(report);
        builder.step(report, usize::MAX);
        builder.finish()
    }

    /// Number of entries indexed.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether the report has no entries.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Position of an entry id in the report.
    pub fn position(&self, id: &EntryId) -> Option<usize> {
        self.entry_positions.get(id).copied()
    }

    /// Each division's subsidiaries: what a division heading of the subsidiary facet selects
    /// ([`Selection::toggle_division`]).
    pub fn divisions(&self) -> &Divisions {
        &self.divisions
    }

    /// Whether a facet value token names a value of this report.
    pub fn knows(&self, facet: Facet, token: &str) -> bool {
        match facet {
            Facet::Subsidiary => self.subsidiaries.iter().any(|s| s.0.as_str() == token),
            Facet::Category => self.categories.iter().any(|c| c.0.as_str() == token),
            // A kind is known when the report has entries of it: selecting an absent
            // kind would show nothing, with no chip or facet value to undo it.
            Facet::Kind => Kind::parse(token).is_some_and(|k| {
                self.kinds
                    .iter()
                    .any(|(kind, bits)| *kind == k && !bits.is_empty())
            }),
            Facet::Year => {
                YearKey::parse(token).is_some_and(|y| self.years.iter().any(|(k, _)| *k == y))
            }
            Facet::Report => self.reports.iter().any(|r| r.0 == token),
        }
    }

    /// Finds the entries matching every word of `query`, with relevance scores.
    pub fn search(&self, query: &str) -> SearchHits {
        let words = query_words(query);
        if words.is_empty() {
            return SearchHits {
                words,
                matches: Bitset::full(self.n),
                scores: vec![0; self.n],
            };
        }
        let mut matches = Bitset::empty(self.n);
        let mut scores = vec![0; self.n];
        for (i, text) in self.texts.iter().enumerate() {
            let mut score = 0;
            let all = words.iter().all(|w| {
                let best = text
                    .0
                    .iter()
                    .zip(WEIGHTS)
                    .filter(|(field, _)| field.contains(w.as_str()))
                    .map(|(_, weight)| weight)
                    .max();
                score += best.unwrap_or(0);
                best.is_some()
            });
            if all {
                matches.insert(i);
                scores[i] = score;
            }
        }
        SearchHits {
            words,
            matches,
            scores,
        }
    }

    /// The entries of one facet value (given as its URL token), if the report has it.
    pub fn value_bits(&self, facet: Facet, token: &str) -> Option<&Bitset> {
        match facet {
            Facet::Subsidiary => self
                .subsidiaries
                .iter()
                .find(|s| s.0.as_str() == token)
                .map(|s| &s.2),
            Facet::Category => self
                .categories
                .iter()
                .find(|c| c.0.as_str() == token)
                .map(|c| &c.3),
            Facet::Kind => {
                let kind = Kind::parse(token)?;
                self.kinds.iter().find(|k| k.0 == kind).map(|k| &k.1)
            }
            Facet::Year => {
                let key = YearKey::parse(token)?;
                self.years.iter().find(|y| y.0 == key).map(|y| &y.1)
            }
            Facet::Report => self.reports.iter().find(|r| r.0 == token).map(|r| &r.2),
        }
    }

    /// The union of the bitsets of a facet's selected values, or `None` when nothing is selected.
    pub(crate) fn facet_mask(&self, facet: Facet, sel: &Selection) -> Option<Bitset> {
        let mut mask = Bitset::empty(self.n);
        let mut any = false;
        let mut add = |b: &Bitset| {
            mask.union_with(b);
            any = true;
        };
        match facet {
            Facet::Subsidiary => self
                .subsidiaries
                .iter()
                .filter(|s| sel.subsidiaries.contains(&s.0))
                .for_each(|s| add(&s.2)),
            Facet::Category => self
                .categories
                .iter()
                .filter(|c| sel.categories.contains(&c.0))
                .for_each(|c| add(&c.3)),
            Facet::Kind => self
                .kinds
                .iter()
                .filter(|k| sel.kinds.contains(&k.0))
                .for_each(|k| add(&k.1)),
            Facet::Year => self
                .years
                .iter()
                .filter(|y| sel.years.contains(&y.0))
                .for_each(|y| add(&y.1)),
            Facet::Report => self
                .reports
                .iter()
                .filter(|r| sel.reports.contains(&r.0))
                .for_each(|r| add(&r.2)),
        }
        // Selected values that do not exist here select nothing, as a reader would expect.
        let selected_any = match facet {
            Facet::Subsidiary => !sel.subsidiaries.is_empty(),
            Facet::Category => !sel.categories.is_empty(),
            Facet::Kind => !sel.kinds.is_empty(),
            Facet::Year => !sel.years.is_empty(),
            Facet::Report => !sel.reports.is_empty(),
        };
        (any || selected_any).then_some(mask)
    }

    /// Filters, counts and orders for `sel`, reusing `hits` from [`Index::search`] on `sel.query`.
    pub fn query(&self, sel: &Selection, hits: &SearchHits) -> QueryResult {
        let masks: Vec<Option<Bitset>> = Facet::ALL
            .iter()
            .map(|&f| self.facet_mask(f, sel))
            .collect();
        let combine = |skip: Option<usize>| {
            let mut acc = hits.matches.clone();
            for (i, m) in masks.iter().enumerate() {
                if Some(i) != skip {
                    if let Some(m) = m {
                        acc.intersect_with(m);
                    }
                }
            }
            acc
        };
        let result = combine(None);
        let facets = Facet::ALL
            .iter()
            .enumerate()
            .map(|(fi, &facet)| {
                let base = combine(Some(fi));
                (facet, self.facet_values(facet, sel, &base))
            })
            .collect();
        let mut entries: Vec<usize> = result.iter().collect();
        self.order(&mut entries, sel.sort, hits);
        QueryResult {
            entries,
            total: self.n,
            facets,
        }
    }

    /// The entries `sel` lists, as a set: what [`Index::query`] returns, unordered and without
    /// facet counts. `hits` is [`Index::search`] on `sel.query`.
    pub fn matching(&self, sel: &Selection, hits: &SearchHits) -> Bitset {
        let mut acc = hits.matches.clone();
        for facet in Facet::ALL {
            if let Some(mask) = self.facet_mask(facet, sel) {
                acc.intersect_with(&mask);
            }
        }
        acc
    }

    /// How many entries `sel` lists (`query(sel, hits).entries.len()`), for charts that
    /// count what a click would show.
    pub fn count(&self, sel: &Selection, hits: &SearchHits) -> usize {
        self.matching(sel, hits).count()
    }

    /// The report's dated year values, oldest first (the year facet without "Undated").
    pub fn year_buckets(&self) -> &YearBuckets {
        &self.buckets
    }

    fn facet_values(&self, facet: Facet, sel: &Selection, base: &Bitset) -> Vec<FacetValue> {
        let value =
            |token: String, label: String, bits: &Bitset, selected: bool, depth| FacetValue {
                token,
                label,
                count: base.intersection_count(bits),
                selected,
                depth,
                group: None,
                division: None,
            };
        match facet {
            Facet::Subsidiary => self
                .sub_order
                .iter()
                .map(|&(i, division)| {
                    let (id, name, bits) = &self.subsidiaries[i];
                    let on = sel.subsidiaries.contains(id);
                    FacetValue {
                        group: division.map(|d| self.divisions.name(d).to_owned()),
                        division,
                        ..value(id.to_string(), name.clone(), bits, on, 0)
                    }
                })
                .collect(),
            Facet::Category => self
                .categories
                .iter()
                .map(|(id, name, depth, bits)| {
                    let on = sel.categories.contains(id);
                    value(id.to_string(), name.clone(), bits, on, *depth)
                })
                .collect(),
            Facet::Kind => self
                .kinds
                .iter()
                .filter(|(_, bits)| !bits.is_empty())
                .map(|(k, bits)| {
                    let on = sel.kinds.contains(k);
                    value(k.as_str().into(), k.label().into(), bits, on, 0)
                })
                .collect(),
            Facet::Year => self
                .years
                .iter()
                .map(|(y, bits)| value(y.token(), y.label(), bits, sel.years.contains(y), 0))
                .collect(),
            Facet::Report => self
                .reports
                .iter()
                .map(|(id, label, bits)| {
                    value(id.clone(), label.clone(), bits, sel.reports.contains(id), 0)
                })
                .collect(),
        }
    }

    fn order(&self, entries: &mut [usize], sort: Sort, hits: &SearchHits) {
        let newest = |a: &usize, b: &usize| match (&self.dates[*a], &self.dates[*b]) {
            (Some(x), Some(y)) => (y.1, y.0).cmp(&(x.1, x.0)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        match sort {
            Sort::Relevance if !hits.words.is_empty() => entries.sort_by(|a, b| {
                hits.scores[*b]
                    .cmp(&hits.scores[*a])
                    .then_with(|| newest(a, b))
                    .then(a.cmp(b))
            }),
            Sort::Relevance => entries.sort(),
            Sort::Newest => entries.sort_by(|a, b| newest(a, b).then(a.cmp(b))),
            Sort::Oldest => entries.sort_by(|a, b| {
                match (&self.dates[*a], &self.dates[*b]) {
                    (Some(x), Some(y)) => x.cmp(y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                }
                .then(a.cmp(b))
            }),
            Sort::Title => {
                entries.sort_by(|a, b| self.titles[*a].cmp(&self.titles[*b]).then(a.cmp(b)))
            }
        }
    }
}

/// An active filter as a removable chip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chip {
    /// Stable key (`sub:citic-bank`, `q`).
    pub key: String,
    /// For people: `Subsidiary: CITIC Bank`.
    pub label: String,
    /// What is filtered, `Subsidiary` (interface text).
    pub facet_label: String,
    /// The value, `CITIC Bank` (text from the data or the URL, shown isolated).
    pub value: String,
    /// The selection without this filter.
    pub without: Selection,
}

/// The active filters of `selection` as chips, in facet order, then the search.
pub fn chips(result: &QueryResult, selection: &Selection) -> Vec<Chip> {
    let mut out = Vec::new();
    for (facet, values) in &result.facets {
        for v in values.iter().filter(|v| v.selected) {
            let mut without = selection.clone();
            without.toggle(*facet, &v.token);
            out.push(Chip {
                key: format!("{}:{}", facet.param(), v.token),
                label: format!("{}: {}", facet.label(), v.label),
                facet_label: facet.label().to_owned(),
                value: v.label.clone(),
                without,
            });
        }
    }
    let q = selection.query.trim();
    if !q.is_empty() {
        let mut without = selection.clone();
        without.query.clear();
        out.push(Chip {
            key: "q".into(),
            label: format!("Search: “{q}”"),
            facet_label: "Search".to_owned(),
            value: q.to_owned(),
            without,
        });
    }
    out
}
