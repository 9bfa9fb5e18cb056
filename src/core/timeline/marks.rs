//! What a keyboard or pointer lands on: items and clusters ([`Mark`]s), arrow-key moves between them, and hit-testing.
//!
//! Within a lane, marks are in time order when every item is drawn, and left
//! to right when the window is clustered (clustered marks never share pixels).

use super::{Cluster, ClusterId, TimelineItem, TimelineLayout};
use std::cmp::Ordering;

/// An item (by entry position) or a cluster (by id) of a laid-out timeline.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    /// An item drawn on its own: the entry position.
    Item(usize),
    /// A cluster of items.
    Cluster(ClusterId),
}

/// A keyboard direction on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// The previous mark in time, same lane.
    Left,
    /// The next mark in time, same lane.
    Right,
    /// The nearest mark in time in the lane above.
    Up,
    /// The nearest mark in time in the lane below.
    Down,
}

impl TimelineLayout {
    /// The item drawn for an entry position, if it is drawn on its own.
    pub fn item(&self, entry: usize) -> Option<&TimelineItem> {
        self.items.iter().find(|i| i.entry == entry)
    }

    /// The cluster with an id, if there is one.
    pub fn cluster(&self, id: &ClusterId) -> Option<&Cluster> {
        self.clusters.iter().find(|c| &c.id == id)
    }

    /// Whether a mark is in the layout.
    pub fn contains(&self, mark: &Mark) -> bool {
        self.placed(mark).is_some()
    }

    /// A mark's lane index and days covered (a cluster's days within its column).
    pub fn mark_days(&self, mark: &Mark) -> Option<(usize, f64, f64)> {
        self.placed(mark).map(|p| (p.lane, p.days.0, p.days.1))
    }

    /// A mark's box in pixels: `(x0, x1, y, h)`.
    pub fn mark_box(&self, mark: &Mark) -> Option<(f64, f64, f64, f64)> {
        match mark {
            Mark::Item(e) => self.item(*e).map(|i| (i.x0, i.x1, i.y, i.h)),
            Mark::Cluster(id) => self.cluster(id).map(|c| (c.x0, c.x1, c.y, c.h)),
        }
    }

    fn placed(&self, mark: &Mark) -> Option<Placed> {
        match mark {
            Mark::Item(e) => self.item(*e).map(|i| self.place_item(i)),
            Mark::Cluster(id) => self.cluster(id).map(|c| self.place_cluster(c)),
        }
    }

    fn place_item(&self, i: &TimelineItem) -> Placed {
        Placed {
            mark: Mark::Item(i.entry),
            lane: i.lane,
            order: if self.clustered() {
                (i.x0, i.x1)
            } else {
                (i.start, i.end)
            },
            days: (i.start, i.end),
            tie: i.entry as i64,
        }
    }

    fn place_cluster(&self, c: &Cluster) -> Placed {
        Placed {
            mark: Mark::Cluster(c.id.clone()),
            lane: c.lane,
            order: (c.x0, c.x1),
            days: (c.start, c.end),
            tie: c.id.column,
        }
    }

    /// Every mark, lane by lane, each lane in the order arrow keys move through it.
    pub fn mark_order(&self) -> Vec<Mark> {
        (0..self.lanes.len())
            .flat_map(|l| self.lane_marks(l).into_iter().map(|p| p.mark))
            .collect()
    }

    /// The marks of a lane in order.
    fn lane_marks(&self, lane: usize) -> Vec<Placed> {
        let mut v: Vec<Placed> = self
            .items
            .iter()
            .filter(|i| i.lane == lane)
            .map(|i| self.place_item(i))
            .chain(
                self.clusters
                    .iter()
                    .filter(|c| c.lane == lane)
                    .map(|c| self.place_cluster(c)),
            )
            .collect();
        v.sort_by(Placed::cmp);
        v
    }
}

/// A mark with what ordering and moving need.
struct Placed {
    mark: Mark,
    lane: usize,
    /// Sort position within the lane: days when every item is drawn, pixels when clustered.
    order: (f64, f64),
    /// Days covered.
    days: (f64, f64),
    tie: i64,
}

impl Placed {
    fn cmp(a: &Placed, b: &Placed) -> Ordering {
        a.order
            .0
            .total_cmp(&b.order.0)
            .then(a.order.1.total_cmp(&b.order.1))
            .then(a.tie.cmp(&b.tie))
    }

    fn mid(&self) -> f64 {
        (self.order.0 + self.order.1) / 2.0
    }
}

/// The mark to move to from `from`, or `None` at an edge (or when `from` is not laid out).
/// Up and Down skip lanes with no marks and land on the nearest mark in time.
pub fn navigate_mark(layout: &TimelineLayout, from: &Mark, direction: Direction) -> Option<Mark> {
    let current = layout.placed(from)?;
    match direction {
        Direction::Left | Direction::Right => {
            let lane = layout.lane_marks(current.lane);
            let at = lane.iter().position(|p| &p.mark == from)?;
            let next = if direction == Direction::Left {
                at.checked_sub(1)?
            } else {
                at + 1
            };
            lane.into_iter().nth(next).map(|p| p.mark)
        }
        Direction::Up | Direction::Down => {
            let lanes: Vec<usize> = if direction == Direction::Up {
                (0..current.lane).rev().collect()
            } else {
                (current.lane + 1..layout.lanes.len()).collect()
            };
            let mid = current.mid();
            lanes.into_iter().find_map(|l| {
                layout
                    .lane_marks(l)
                    .into_iter()
                    .min_by(|a, b| {
                        (a.mid() - mid)
                            .abs()
                            .total_cmp(&(b.mid() - mid).abs())
                            .then(Placed::cmp(a, b))
                    })
                    .map(|p| p.mark)
            })
        }
    }
}

/// The entry to move to from `entry` (an item drawn on its own), or `None` at an edge;
/// like [`navigate_mark`] among items only.
pub fn navigate(layout: &TimelineLayout, entry: usize, direction: Direction) -> Option<usize> {
    let current = layout.item(entry)?;
    let in_lane = |lane: usize| {
        let mut v: Vec<&TimelineItem> = layout.items.iter().filter(|i| i.lane == lane).collect();
        v.sort_by(|a, b| {
            a.start
                .total_cmp(&b.start)
                .then(a.end.total_cmp(&b.end))
                .then(a.entry.cmp(&b.entry))
        });
        v
    };
    match direction {
        Direction::Left | Direction::Right => {
            let lane = in_lane(current.lane);
            let at = lane.iter().position(|i| i.entry == entry)?;
            let next = if direction == Direction::Left {
                at.checked_sub(1)?
            } else {
                at + 1
            };
            lane.get(next).map(|i| i.entry)
        }
        Direction::Up | Direction::Down => {
            let mid = (current.start + current.end) / 2.0;
            let lanes: Vec<usize> = if direction == Direction::Up {
                (0..current.lane).rev().collect()
            } else {
                (current.lane + 1..layout.lanes.len()).collect()
            };
            lanes.into_iter().find_map(|l| {
                in_lane(l)
                    .into_iter()
                    .min_by(|a, b| {
                        let da = ((a.start + a.end) / 2.0 - mid).abs();
                        let db = ((b.start + b.end) / 2.0 - mid).abs();
                        da.total_cmp(&db)
                            .then(a.start.total_cmp(&b.start))
                            .then(a.entry.cmp(&b.entry))
                    })
                    .map(|i| i.entry)
            })
        }
    }
}

/// The first mark: the first of the first lane that has any.
pub fn first_mark(layout: &TimelineLayout) -> Option<Mark> {
    (0..layout.lanes.len()).find_map(|l| layout.lane_marks(l).into_iter().next().map(|p| p.mark))
}

/// The mark of lane `lane_key` whose days' middle is nearest `day` (the earlier on a tie), or,
/// when that lane has none, the first mark.
pub fn nearest_mark(layout: &TimelineLayout, lane_key: &str, day: f64) -> Option<Mark> {
    layout
        .lanes
        .iter()
        .position(|l| l.key == lane_key)
        .and_then(|lane| {
            layout
                .lane_marks(lane)
                .into_iter()
                .min_by(|a, b| {
                    let da = ((a.days.0 + a.days.1) / 2.0 - day).abs();
                    let db = ((b.days.0 + b.days.1) / 2.0 - day).abs();
                    da.total_cmp(&db).then(Placed::cmp(a, b))
                })
                .map(|p| p.mark)
        })
        .or_else(|| first_mark(layout))
}

/// The entry of the item under pixel `(x, y)`, if any.
pub fn item_at(layout: &TimelineLayout, x: f64, y: f64) -> Option<usize> {
    layout
        .items
        .iter()
        .find(|i| (i.x0..=i.x1).contains(&x) && (i.y..=i.y + i.h).contains(&y))
        .map(|i| i.entry)
}

/// The mark under pixel `(x, y)`, if any.
pub fn mark_at(layout: &TimelineLayout, x: f64, y: f64) -> Option<Mark> {
    item_at(layout, x, y).map(Mark::Item).or_else(|| {
        layout
            .clusters
            .iter()
            .find(|c| (c.x0..=c.x1).contains(&x) && (c.y..=c.y + c.h).contains(&y))
            .map(|c| Mark::Cluster(c.id.clone()))
    })
}
