//! Pages of a long list: which positions a page shows, clamped into range, and how it reads.

/// Entries per page of the result list.
pub const PAGE_SIZE: usize = 50;

/// One page of a result list: which positions to show, and where it sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// The page shown, from 1 (clamped to the last page).
    pub number: usize,
    /// Number of pages (at least 1).
    pub count: usize,
    /// Index of the first result shown.
    pub start: usize,
    /// Index after the last result shown.
    pub end: usize,
}

impl Page {
    /// The page `wanted` (from 1) of `total` results, `size` per page, clamped into range.
    pub fn of(wanted: usize, total: usize, size: usize) -> Page {
        let size = size.max(1);
        let count = total.div_ceil(size).max(1);
        let number = wanted.clamp(1, count);
        let start = ((number - 1) * size).min(total);
        Page {
            number,
            count,
            start,
            end: (start + size).min(total),
        }
    }

    /// [`Page::describe`] in the language of `t`.
    pub fn describe_in(&self, total: usize, t: &crate::core::i18n::Texts) -> String {
        use crate::core::format::format_number;
        use crate::core::i18n::fill;
        let e = &t.explorer;
        let n = |v: usize| format_number(v as f64);
        if total == 0 {
            e.nothing.to_owned()
        } else if self.count == 1 {
            fill(e.showing_all, &[("total", &n(total))])
        } else {
            fill(
                e.showing_range,
                &[
                    ("from", &n(self.start + 1)),
                    ("to", &n(self.end)),
                    ("total", &n(total)),
                ],
            )
        }
    }

    /// "Showing 51–100 of 98,213" (or "Showing 3 of 3" when everything fits on one page).
    pub fn describe(&self, total: usize) -> String {
        use crate::core::format::format_number;
        if total == 0 {
            "Nothing to show".to_owned()
        } else if self.count == 1 {
            format!("Showing all {}", format_number(total as f64))
        } else {
            format!(
                "Showing {}–{} of {}",
                format_number((self.start + 1) as f64),
                format_number(self.end as f64),
                format_number(total as f64)
            )
        }
    }
}
