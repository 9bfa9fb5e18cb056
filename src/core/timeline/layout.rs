//! The timeline layout for one window: items packed into rows, or clusters when too many items meet the window.
//!
//! Laying out is split in two so panning and zooming stay cheap on large
//! reports: [`TimelineData::new`] (in `data`) sorts the result's dated entries
//! into lanes once per result and lane choice, and [`TimelineData::layout`]
//! places what meets a window. Items outside the window are never produced. When more than
//! [`TimelineOptions::max_items`] items meet the window, each lane's items are
//! gathered by pixel column into [`Cluster`]s (the column grid is described in
//! the `cluster` module), so the number of marks never exceeds the budget.

use super::data::{LaneData, Span, TimelineData};
use super::{span_label, ticks, ItemPrecision, LaneBy, Window};
use crate::core::format::count_noun;
use crate::core::model::Report;

/// Sizes and limits for [`layout`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimelineOptions {
    /// What lanes are made of.
    pub by: LaneBy,
    /// The visible days.
    pub window: Window,
    /// Plot width in pixels.
    pub width: f64,
    /// Height of one row in pixels.
    pub row_height: f64,
    /// Space between lanes in pixels.
    pub lane_gap: f64,
    /// The narrowest an item is drawn, in pixels (points are this wide).
    pub min_item_px: f64,
    /// Least horizontal space between items sharing a row, in pixels.
    pub item_gap: f64,
    /// The most marks (items plus clusters) a layout holds; more visible items are clustered.
    pub max_items: usize,
    /// The most lanes; past it the smallest lanes share one "other" lane.
    pub max_lanes: usize,
    /// The narrowest cluster column, in pixels (columns are 1 to 2 times this wide, or more to
    /// keep within `max_items`).
    pub cluster_px: f64,
}

impl TimelineOptions {
    /// Defaults (24 px rows, 8 px lane gaps, 10 px minimum width, 2 px item gap, at most 300
    /// marks and 100 lanes, 32 px cluster columns) for a window and width.
    pub fn new(window: Window, width: f64) -> Self {
        TimelineOptions {
            by: LaneBy::Subsidiary,
            window,
            width,
            row_height: 24.0,
            lane_gap: 8.0,
            min_item_px: 10.0,
            item_gap: 2.0,
            max_items: 300,
            max_lanes: 100,
            cluster_px: 32.0,
        }
    }
}

/// A horizontal band of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// A subsidiary or top-level category id (its URL token), or [`super::OTHER_LANE`].
    pub key: String,
    /// For people.
    pub label: String,
    /// Top in pixels.
    pub y: f64,
    /// Height in pixels.
    pub height: f64,
    /// Rows used (at least 1).
    pub rows: usize,
    /// How many lanes the "other" lane stands for (0 for any other lane).
    pub merged: usize,
}

/// One award or event as placed.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineItem {
    /// Entry position in the report.
    pub entry: usize,
    /// Index into [`TimelineLayout::lanes`].
    pub lane: usize,
    /// Row within the lane.
    pub row: usize,
    /// Left edge in pixels (clipped to the plot, or to its column when clustered).
    pub x0: f64,
    /// Right edge in pixels (clipped like `x0`).
    pub x1: f64,
    /// Top in pixels.
    pub y: f64,
    /// Height in pixels.
    pub h: f64,
    /// How precise its date is.
    pub precision: ItemPrecision,
    /// Whether it is drawn as a point (a single day).
    pub point: bool,
    /// First day covered (day number).
    pub start: f64,
    /// The day after the last one covered (day number).
    pub end: f64,
}

/// What names a cluster: its lane, its column grid and its column. The same column of the same
/// lane keeps its id while the window pans at one zoom level.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClusterId {
    /// The lane's key.
    pub lane: String,
    /// Columns are `2^level` days wide (`i32::MAX`: one column for the whole window).
    pub level: i32,
    /// The column's number: its first day is `column * 2^level`.
    pub column: i64,
}

impl ClusterId {
    /// A compact text form for a DOM attribute: `lane~level~column`.
    pub fn token(&self) -> String {
        format!("{}~{}~{}", self.lane, self.level, self.column)
    }
}

/// Items of one lane gathered into one pixel column, drawn as one mark with a count.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// What names it.
    pub id: ClusterId,
    /// Index into [`TimelineLayout::lanes`].
    pub lane: usize,
    /// Row within the lane (clustered lanes have one row).
    pub row: usize,
    /// Left edge in pixels.
    pub x0: f64,
    /// Right edge in pixels.
    pub x1: f64,
    /// Top in pixels.
    pub y: f64,
    /// Height in pixels.
    pub h: f64,
    /// How many items it holds (at least 2).
    pub count: usize,
    /// First day its items cover within its column (day number).
    pub start: f64,
    /// The day after the last day its items cover within its column.
    pub end: f64,
    /// The entry position of its earliest item.
    pub first: usize,
}

impl Cluster {
    /// [`Cluster::label`] in the language of `t`.
    pub fn label_in(&self, t: &crate::core::i18n::Texts) -> String {
        let entries = t.count(self.count, t.explorer.entries_one, t.explorer.entries_other);
        crate::core::i18n::fill(
            t.timeline.cluster,
            &[
                ("entries", &entries),
                ("span", &super::span_label_in(self.start, self.end, t)),
            ],
        )
    }

    /// The accessible name: `37 entries, 2015–2016`.
    pub fn label(&self) -> String {
        format!(
            "{}, {}",
            count_noun(self.count, "entry", "entries"),
            span_label(self.start, self.end)
        )
    }

    /// The window to zoom into from `current`: the cluster's days with a little margin,
    /// centred, at most half the current span (so each zoom narrows), within the window limits.
    /// When the cluster's days fit in half the current span, every item of it meets the result.
    pub fn zoom_window(&self, current: Window) -> Window {
        let centre = (self.start + self.end) / 2.0;
        let span = ((self.end - self.start) * 1.1).min(current.span() / 2.0);
        Window {
            from: centre - span / 2.0,
            to: centre + span / 2.0,
        }
        .clamped()
    }
}

/// A laid-out timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    /// Lanes top to bottom.
    pub lanes: Vec<Lane>,
    /// Items drawn one by one, lane by lane, each lane in time order.
    pub items: Vec<TimelineItem>,
    /// Clusters, lane by lane, each lane left to right (empty when every item is drawn).
    pub clusters: Vec<Cluster>,
    /// Axis ticks: pixel x and label (years, or months when zoomed in).
    pub ticks: Vec<(f64, String)>,
    /// Plot width in pixels.
    pub width: f64,
    /// Height of all lanes in pixels.
    pub height: f64,
    /// The window laid out.
    pub window: Window,
    /// How many items meet the window: those drawn plus those inside clusters.
    pub visible: usize,
}

impl TimelineLayout {
    /// Whether items were gathered into clusters.
    pub fn clustered(&self) -> bool {
        !self.clusters.is_empty()
    }

    /// The number of marks (items and clusters) the layout draws.
    pub fn marks(&self) -> usize {
        self.items.len() + self.clusters.len()
    }
}

impl TimelineData {
    /// Places what meets `opts.window` (`opts.by` and the lane limits were applied by
    /// [`TimelineData::new`]).
    ///
    /// Items entirely outside the window are left out; items partly outside are clipped to
    /// `[0, width]`. When at most `opts.max_items` items meet the window, each is drawn and
    /// packed into rows without overlaps. Otherwise each lane's items are gathered into
    /// columns: a column holding one item draws it (clipped to the column), others become a
    /// [`Cluster`], one row per lane, and items plus clusters stay within `opts.max_items`.
    pub fn layout(&self, opts: &TimelineOptions) -> TimelineLayout {
        let window = opts.window.clamped();
        let width = if opts.width.is_finite() {
            opts.width.max(1.0)
        } else {
            1.0
        };
        let geometry = Geometry {
            window,
            width,
            min_px: if opts.min_item_px.is_finite() {
                opts.min_item_px.max(0.0)
            } else {
                0.0
            },
            gap: if opts.item_gap.is_finite() {
                opts.item_gap.max(0.0)
            } else {
                0.0
            },
            row_height: opts.row_height,
        };
        let visible: usize = self.lanes.iter().map(|l| l.visible(window).count()).sum();
        let budget = opts.max_items.max(1);
        let (lanes, items, clusters) = if visible <= budget {
            let (lanes, items) = self.pack(&geometry, opts.lane_gap);
            (lanes, items, Vec::new())
        } else {
            super::cluster::gather(self, &geometry, opts, budget)
        };
        let height = lanes.last().map_or(0.0, |l| l.y + l.height);
        TimelineLayout {
            lanes,
            items,
            clusters,
            ticks: ticks(window, width),
            width,
            height,
            window,
            visible,
        }
    }

    /// Every visible item drawn, packed greedily into rows in pixel space.
    fn pack(&self, g: &Geometry, lane_gap: f64) -> (Vec<Lane>, Vec<TimelineItem>) {
        let mut lanes = Vec::new();
        let mut items = Vec::new();
        let mut y = 0.0;
        for (lane, data) in self.lanes.iter().enumerate() {
            let mut placed: Vec<TimelineItem> = data
                .visible(g.window)
                .map(|s| {
                    let (x0, x1) = g.extent(s);
                    g.item(s, lane, x0.clamp(0.0, g.width), x1.clamp(0.0, g.width))
                })
                .collect();
            placed.sort_by(|a, b| {
                a.x0.total_cmp(&b.x0)
                    .then(a.x1.total_cmp(&b.x1))
                    .then(a.start.total_cmp(&b.start))
                    .then(a.entry.cmp(&b.entry))
            });
            let mut row_ends: Vec<f64> = Vec::new();
            for item in &mut placed {
                let row = match row_ends.iter().position(|&end| end + g.gap <= item.x0) {
                    Some(r) => r,
                    None => {
                        row_ends.push(f64::NEG_INFINITY);
                        row_ends.len() - 1
                    }
                };
                row_ends[row] = item.x1;
                item.row = row;
                (item.y, item.h) = g.row_box(y, row);
            }
            placed.sort_by(|a, b| {
                a.start
                    .total_cmp(&b.start)
                    .then(a.end.total_cmp(&b.end))
                    .then(a.entry.cmp(&b.entry))
            });
            let rows = row_ends.len().max(1);
            let height = rows as f64 * g.row_height;
            lanes.push(g.lane(data, y, rows));
            items.extend(placed);
            y += height + lane_gap;
        }
        (lanes, items)
    }
}

/// Pixel geometry shared by packing and clustering.
pub(super) struct Geometry {
    pub(super) window: Window,
    pub(super) width: f64,
    pub(super) min_px: f64,
    pub(super) gap: f64,
    pub(super) row_height: f64,
}

impl Geometry {
    /// An item's natural extent in pixels (not clipped): its days, or a point, at least the
    /// minimum width.
    pub(super) fn extent(&self, s: &Span) -> (f64, f64) {
        let (w, width, min_px) = (self.window, self.width, self.min_px);
        let (x0, x1) = if s.precision == ItemPrecision::Day {
            let c = w.x(s.start + 0.5, width);
            (c - min_px / 2.0, c + min_px / 2.0)
        } else {
            (w.x(s.start, width), w.x(s.end, width))
        };
        if x1 - x0 < min_px {
            let c = (x0 + x1) / 2.0;
            (c - min_px / 2.0, c + min_px / 2.0)
        } else {
            (x0, x1)
        }
    }

    /// Top and height of a mark in row `row` of a lane whose top is `lane_y`.
    pub(super) fn row_box(&self, lane_y: f64, row: usize) -> (f64, f64) {
        (
            lane_y + row as f64 * self.row_height + 2.0,
            (self.row_height - 4.0).max(1.0),
        )
    }

    /// An item of `lane` between `x0` and `x1`, in row 0 until packed.
    pub(super) fn item(&self, s: &Span, lane: usize, x0: f64, x1: f64) -> TimelineItem {
        TimelineItem {
            entry: s.entry,
            lane,
            row: 0,
            x0,
            x1,
            y: 0.0,
            h: 0.0,
            precision: s.precision,
            point: s.precision == ItemPrecision::Day,
            start: s.start,
            end: s.end,
        }
    }

    /// A lane at `y` with `rows` rows.
    pub(super) fn lane(&self, data: &LaneData, y: f64, rows: usize) -> Lane {
        Lane {
            key: data.key.clone(),
            label: data.label.clone(),
            y,
            height: rows as f64 * self.row_height,
            rows,
            merged: data.merged,
        }
    }
}

/// Lays out the awards and events with a date among `positions` for one window: see
/// [`TimelineData::new`] for lanes and [`TimelineData::layout`] for placing.
pub fn layout(report: &Report, positions: &[usize], opts: &TimelineOptions) -> TimelineLayout {
    TimelineData::new(report, positions, opts).layout(opts)
}
