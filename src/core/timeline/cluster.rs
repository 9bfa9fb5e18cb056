//! Clustering a crowded window: each lane's items gathered into pixel columns on a grid of power-of-two days, within the mark budget.
//!
//! Columns are `2^level` days wide, numbered from 1970-01-01, at the finest
//! level that is at least [`TimelineOptions::cluster_px`] wide; so a column
//! keeps its items (and its [`ClusterId`]) while the window pans, and halving
//! the zoom merges columns in pairs. An item falls in the column of its middle
//! day (moved inside the window when the middle is outside). A column less than
//! half a column wide at either edge of the plot joins its inner neighbour. When
//! the columns of all lanes would still be more than the budget, the level
//! doubles until they fit; if even two columns per lane are too many, each lane
//! has one column covering the window (lanes are never more than the budget).

use super::data::{LaneData, Span, TimelineData};
use super::layout::Geometry;
use super::{Cluster, ClusterId, Lane, TimelineItem, TimelineOptions, Window};

/// A column grid over a window.
#[derive(Clone, Copy, Debug)]
struct Grid {
    /// Columns are `2^level` days wide; `i32::MAX` for one column over the window.
    level: i32,
    /// Days per column.
    days: f64,
    /// The column holding the window's first day, and the one holding its last instant.
    first: i64,
    last: i64,
    /// Whether the first (last) column is a sliver that joins its inner neighbour.
    merge_left: bool,
    merge_right: bool,
    window: Window,
}

impl Grid {
    fn new(window: Window, width: f64, level: i32, col_px: f64) -> Self {
        let days = 2f64.powi(level);
        let first = (window.from / days).floor() as i64;
        let last = ((window.to / days).ceil() as i64 - 1).max(first);
        let left_px = window.x(((first + 1) as f64 * days).min(window.to), width);
        let right_px = width - window.x((last as f64 * days).max(window.from), width);
        let merge_left = first < last && left_px < col_px / 2.0;
        let merge_right =
            first < last && right_px < col_px / 2.0 && !(merge_left && last == first + 1);
        Grid {
            level,
            days,
            first,
            last,
            merge_left,
            merge_right,
            window,
        }
    }

    /// One column over the whole window.
    fn whole(window: Window) -> Self {
        Grid {
            level: i32::MAX,
            days: f64::INFINITY,
            first: 0,
            last: 0,
            merge_left: false,
            merge_right: false,
            window,
        }
    }

    /// The column of a day before edge merging, within `first..=last`.
    fn raw(&self, day: f64) -> i64 {
        if self.level == i32::MAX {
            return 0;
        }
        ((day / self.days).floor() as i64).clamp(self.first, self.last)
    }

    /// The column a raw column's items go to (edge slivers join their neighbour).
    fn column(&self, raw: i64) -> i64 {
        let mut c = raw;
        if self.merge_left && c == self.first {
            c = self.first + 1;
        }
        if self.merge_right && c == self.last {
            c = self.last - 1;
        }
        c
    }

    /// The days of a column within the window, `[lo, hi)`.
    fn range(&self, c: i64) -> (f64, f64) {
        if self.level == i32::MAX {
            return (self.window.from, self.window.to);
        }
        let mut lo = c as f64 * self.days;
        let mut hi = (c + 1) as f64 * self.days;
        if self.merge_left && c == self.first + 1 {
            lo = self.first as f64 * self.days;
        }
        if self.merge_right && c == self.last - 1 {
            hi = (self.last + 1) as f64 * self.days;
        }
        (lo.max(self.window.from), hi.min(self.window.to))
    }
}

/// The day an item is filed under: its middle, moved inside the window.
fn anchor(s: &Span, window: Window) -> f64 {
    ((s.start + s.end) / 2.0).clamp(window.from, window.to)
}

/// What a column gathers while counting.
#[derive(Clone, Copy)]
struct Acc {
    count: usize,
    start: f64,
    end: f64,
    /// The earliest item (spans arrive in start order).
    first: Span,
}

/// Lays out a window holding more than `budget` items: lanes of one row, singleton columns as
/// items, the other columns as clusters; items plus clusters at most `budget`.
pub(super) fn gather(
    data: &TimelineData,
    g: &Geometry,
    opts: &TimelineOptions,
    budget: usize,
) -> (Vec<Lane>, Vec<TimelineItem>, Vec<Cluster>) {
    let window = g.window;
    let px_per_day = g.width / window.span();
    let col_px = if opts.cluster_px.is_finite() {
        opts.cluster_px
    } else {
        0.0
    }
    .max(g.min_px)
    .max(1.0);
    let mut level = (col_px / px_per_day).log2().ceil().clamp(-60.0, 60.0) as i32;
    while 2f64.powi(level) * px_per_day < col_px && level < 60 {
        level += 1;
    }
    let fine = Grid::new(window, g.width, level, col_px);

    // Items per fine column, per lane.
    let columns = (fine.last - fine.first + 1) as usize;
    let histograms: Vec<Vec<u32>> = data
        .lanes
        .iter()
        .map(|lane| {
            let mut h = vec![0u32; columns];
            for s in lane.visible(window) {
                h[(fine.raw(anchor(s, window)) - fine.first) as usize] += 1;
            }
            h
        })
        .collect();

    // The finest level whose columns fit the budget, or one column per lane.
    let mut chosen = (Grid::whole(window), 0u32);
    for shift in 0..62u32 {
        let grid = Grid::new(window, g.width, level + shift as i32, col_px);
        let marks: usize = histograms
            .iter()
            .map(|h| {
                let mut n = 0;
                let mut last = None;
                for (f, _) in h.iter().enumerate().filter(|(_, &c)| c > 0) {
                    let c = grid.column((fine.first + f as i64) >> shift);
                    if last != Some(c) {
                        n += 1;
                        last = Some(c);
                    }
                }
                n
            })
            .sum();
        if marks <= budget {
            chosen = (grid, shift);
            break;
        }
        if grid.days >= 2.0 * window.span() {
            break;
        }
    }
    let (grid, shift) = chosen;
    let column_of = |s: &Span| {
        if grid.level == i32::MAX {
            0
        } else {
            grid.column(fine.raw(anchor(s, window)) >> shift)
        }
    };

    let mut lanes = Vec::with_capacity(data.lanes.len());
    let mut items = Vec::new();
    let mut clusters = Vec::new();
    let mut y = 0.0;
    for (l, lane) in data.lanes.iter().enumerate() {
        let (top, h) = g.row_box(y, 0);
        place_lane(
            lane,
            l,
            &grid,
            &column_of,
            g,
            (top, h),
            &mut items,
            &mut clusters,
        );
        lanes.push(g.lane(lane, y, 1));
        y += g.row_height + opts.lane_gap;
    }
    (lanes, items, clusters)
}

/// Gathers one lane's visible items into `grid`'s columns and places each column.
#[allow(clippy::too_many_arguments)]
fn place_lane(
    lane: &LaneData,
    l: usize,
    grid: &Grid,
    column_of: &dyn Fn(&Span) -> i64,
    g: &Geometry,
    (top, h): (f64, f64),
    items: &mut Vec<TimelineItem>,
    clusters: &mut Vec<Cluster>,
) {
    let first = if grid.level == i32::MAX {
        0
    } else {
        grid.first
    };
    let size = if grid.level == i32::MAX {
        1
    } else {
        (grid.last - grid.first + 1) as usize
    };
    let mut acc: Vec<Option<Acc>> = vec![None; size];
    for s in lane.visible(g.window) {
        let slot = &mut acc[(column_of(s) - first) as usize];
        match slot {
            Some(a) => {
                a.count += 1;
                a.start = a.start.min(s.start);
                a.end = a.end.max(s.end);
            }
            None => {
                *slot = Some(Acc {
                    count: 1,
                    start: s.start,
                    end: s.end,
                    first: *s,
                })
            }
        }
    }
    for (i, a) in acc.into_iter().enumerate() {
        let Some(a) = a else { continue };
        let c = first + i as i64;
        let (lo, hi) = grid.range(c);
        let w = g.window;
        let mut bx0 = (w.x(lo, g.width) + g.gap / 2.0).clamp(0.0, g.width);
        let mut bx1 = (w.x(hi, g.width) - g.gap / 2.0).clamp(0.0, g.width);
        if bx1 < bx0 {
            let mid = (bx0 + bx1) / 2.0;
            (bx0, bx1) = (mid, mid);
        }
        if a.count == 1 {
            let (nx0, nx1) = g.extent(&a.first);
            let least = g.min_px.min(bx1 - bx0);
            let (x0, x1) = (nx0.max(bx0), nx1.min(bx1));
            let (x0, x1) = if x1 - x0 >= least {
                (x0, x1)
            } else {
                // Centred on its middle, moved inside the column.
                let x0 = ((nx0 + nx1) / 2.0 - least / 2.0).min(bx1 - least).max(bx0);
                (x0, (x0 + least).min(bx1))
            };
            let mut item = g.item(&a.first, l, x0, x1);
            (item.y, item.h) = (top, h);
            items.push(item);
        } else {
            clusters.push(Cluster {
                id: ClusterId {
                    lane: lane.key.clone(),
                    level: grid.level,
                    column: c,
                },
                lane: l,
                row: 0,
                x0: bx0,
                x1: bx1,
                y: top,
                h,
                count: a.count,
                start: a.start.max(lo),
                end: a.end.min(hi),
                first: a.first.entry,
            });
        }
    }
}
