//! Point location and side of line through an R-tree over every segment of every edge.

use geo::kernels::{Kernel, Orientation, RobustKernel};
use geo_types::{Coord, Line, Point};
use rstar::primitives::GeomWithData;
use rstar::RTree;

use crate::topology::Topology;

/// Where one segment sits: edge index and segment index within the edge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SegmentId {
    /// Edge in the topology.
    pub edge: u32,
    /// Segment `i` runs from vertex `i` to vertex `i + 1` of the edge.
    pub seg: u32,
}

/// A segment with its id, as stored in the tree.
pub type Segment = GeomWithData<Line<f64>, SegmentId>;

/// Which side of a line a point is on, looking along the line as digitised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Left of the line's direction (for a river digitised downstream: its left bank).
    Left,
    /// Right of the line's direction.
    Right,
    /// Exactly on the line.
    On,
}

/// The R-tree over all segments of a [`Topology`].
pub struct SegmentIndex {
    tree: RTree<Segment>,
}

/// What the nearest piece of line to a point is.
pub(crate) struct Nearest {
    pub id: SegmentId,
    /// Parameter of the closest point along the segment, 0..=1.
    pub t: f64,
}

impl SegmentIndex {
    /// Bulk-load every segment of every edge.
    pub fn new(topo: &Topology) -> Self {
        SegmentIndex {
            tree: segment_tree(topo),
        }
    }

    pub(crate) fn nearest_where(
        &self,
        p: Coord<f64>,
        keep: impl Fn(SegmentId) -> bool,
    ) -> Option<Nearest> {
        let s = self
            .tree
            .nearest_neighbor_iter(&Point::from(p))
            .find(|s| keep(s.data))?;
        Some(Nearest {
            id: s.data,
            t: closest_t(s.geom(), p),
        })
    }
}

/// An R-tree over the segments of every edge.
fn segment_tree(topo: &Topology) -> RTree<Segment> {
    let mut segs = Vec::new();
    for (e, edge) in topo.edges.iter().enumerate() {
        for (i, w) in edge.coords.windows(2).enumerate() {
            segs.push(GeomWithData::new(
                Line::new(w[0], w[1]),
                SegmentId {
                    edge: e as u32,
                    seg: i as u32,
                },
            ));
        }
    }
    RTree::bulk_load(segs)
}

/// At a vertex `v` between `prev` and `next` of one line, the value for the side `p` is on:
/// `left` in the sector left of the line's direction, `right` in the other.
pub(crate) fn bend<T: Copy>(
    prev: Coord<f64>,
    v: Coord<f64>,
    next: Coord<f64>,
    left: T,
    right: T,
    p: Coord<f64>,
) -> T {
    let angle = |d: Coord<f64>| d.y.atan2(d.x);
    let mut out = [(angle(next - v), left), (angle(prev - v), right)];
    out.sort_by(|x, y| x.0.total_cmp(&y.0));
    sector(&out, p - v)
}

/// Parameter of the point of `l` closest to `p`, clamped to 0..=1.
fn closest_t(l: &Line<f64>, p: Coord<f64>) -> f64 {
    let d = l.end - l.start;
    let len2 = d.x * d.x + d.y * d.y;
    if len2 == 0.0 {
        return 0.0;
    }
    (((p.x - l.start.x) * d.x + (p.y - l.start.y) * d.y) / len2).clamp(0.0, 1.0)
}

/// Robust orientation of `p` relative to the directed segment `a -> b`.
pub(crate) fn side_of_segment(a: Coord<f64>, b: Coord<f64>, p: Coord<f64>) -> Side {
    match RobustKernel::orient2d(a, b, p) {
        Orientation::CounterClockwise => Side::Left,
        Orientation::Clockwise => Side::Right,
        Orientation::Collinear => Side::On,
    }
}

/// Among outgoing directions at a vertex (angle, value), sorted counter-clockwise, the value of
/// the sector that contains direction `d`: the sector from direction i counter-clockwise to i + 1
/// lies on the left of direction i.
pub(crate) fn sector<T: Copy>(out: &[(f64, T)], d: Coord<f64>) -> T {
    let a = d.y.atan2(d.x);
    let mut best = out[out.len() - 1].1; // wraps: below the smallest angle is the last sector
    for &(ang, v) in out {
        if ang <= a {
            best = v;
        }
    }
    best
}
