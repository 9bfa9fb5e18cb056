//! Paging the timeline's accessible list: which entries a page shows and its `Showing 1–50 of 9,812` status.

use crate::core::format::format_number;
use crate::core::paging::Page;
use std::ops::Range;

/// Entries per page of the accessible list.
pub const LIST_PAGE_SIZE: usize = 50;

/// One page of a list of `total` entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListPage {
    /// The page, from 0, within `0..pages`.
    pub page: usize,
    /// How many pages (at least 1, even for an empty list).
    pub pages: usize,
    /// Positions in the list this page shows.
    pub start: usize,
    /// One past the last position shown.
    pub end: usize,
    /// Entries in the list.
    pub total: usize,
}

impl ListPage {
    /// Page `page` (from 0, moved onto the last page when past it) of `total` entries,
    /// `per_page` a page (at least 1).
    pub fn new(total: usize, page: usize, per_page: usize) -> Self {
        let p = Page::of(page.saturating_add(1), total, per_page);
        ListPage {
            page: p.number - 1,
            pages: p.count,
            start: p.start,
            end: p.end,
            total,
        }
    }

    /// The positions this page shows.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether there is a page before this one.
    pub fn has_previous(&self) -> bool {
        self.page > 0
    }

    /// Whether there is a page after this one.
    pub fn has_next(&self) -> bool {
        self.page + 1 < self.pages
    }

    /// [`ListPage::status`] in the language of `t`.
    pub fn status_in(&self, t: &crate::core::i18n::Texts) -> String {
        use crate::core::i18n::fill;
        let n = |v: usize| format_number(v as f64);
        let tl = &t.timeline;
        match self.end - self.start {
            _ if self.total == 0 => tl.none.to_owned(),
            1 => fill(
                tl.showing_one,
                &[("from", &n(self.start + 1)), ("total", &n(self.total))],
            ),
            _ => fill(
                tl.showing_range,
                &[
                    ("from", &n(self.start + 1)),
                    ("to", &n(self.end)),
                    ("total", &n(self.total)),
                ],
            ),
        }
    }

    /// For people: `Showing 1–50 of 9,812`, `Showing 1 of 1`, or `No dated awards or events`.
    pub fn status(&self) -> String {
        let n = |v: usize| format_number(v as f64);
        match self.end - self.start {
            _ if self.total == 0 => "No dated awards or events".to_owned(),
            1 => format!("Showing {} of {}", n(self.start + 1), n(self.total)),
            _ => format!(
                "Showing {}–{} of {}",
                n(self.start + 1),
                n(self.end),
                n(self.total)
            ),
        }
    }
}
