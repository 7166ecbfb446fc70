//! Distances to the treaty lines at the speed of lookups: a grid over the frame whose cells list
//! the pieces of line that can be nearest to a point in them, nearest first. One grid serves
//! every set of lines in force (each epoch has one): a cell lists what any set needs, and a
//! walk for one set passes over the chunks not in it, so the lookups of all dates share one
//! grid's memory.
//!
//! Everything is measured in earth-centred coordinates on the WGS84 ellipsoid (km): a segment
//! of a line is the straight chord between its ends, the distance to it a 3D point-to-segment
//! distance, and the chord to the nearest point becomes a distance along the ellipsoid by the
//! radius of curvature of the normal section in its direction ([`arc_km`]). The chord metric
//! is the ellipsoid's own (no projection), so the segment it finds is the geodesically nearest
//! to within a few parts in a million; docs/DISTANCES.md has the measurements.
//!
//! A cell with centre c and radius ρ (the farthest its points are from c) lists every chunk
//! (up to [`CHUNK`] consecutive segments of one edge) whose box lies within `U + 2ρ` of c,
//! where U is the distance from c to some point of a line: any point p of the cell has a line
//! within `U + ρ`, and a chunk farther than `U + 2ρ` from c is farther than that from p. The
//! list is sorted by the distance of each box from c, so the walk stops at the first box that
//! cannot be nearer than the best segment so far. With several sets of lines, U and the list
//! are taken for each set, and the cell's list is their union.

use std::ops::ControlFlow;

use geo_types::Coord;
use rayon::prelude::*;
use rstar::{RTree, RTreeObject, AABB};

use crate::chunks::{bit, ChunkSet, CHUNK};
use crate::ellipsoid::{dot, sub, Angle, Place};

/// Cells along each axis of a distance grid.
pub(crate) const DISTANCE_CELLS: usize = 128;

/// A cell: its centre (single precision: within a metre, which the walk allows for) and where
/// its list starts. 16 bytes, four to a cache line.
#[derive(Debug, Clone, Copy)]
struct Cell {
    centre: [f32; 3],
    start: u32,
}

/// One chunk of a cell's list: its box's distance from the cell's centre, rounded down to
/// [`KEY_KM`], and the chunk. Four bytes, sixteen to a cache line.
#[derive(Debug, Clone, Copy)]
struct Entry {
    key: u16,
    chunk: u16,
}

/// The unit of [`Entry::key`], km: keys reach 6,553 km, beyond any frame on Earth's scale that
/// a chord could span here; larger distances are stored as the largest key, which stays a
/// lower bound.
const KEY_KM: f64 = 0.1;

/// Slack (km) for the single-precision centre in the walk's early stop.
const CENTRE_SLACK_KM: f64 = 0.002;

/// A cell's list while the grid is built.
struct Draft {
    centre: [f64; 3],
    /// Per set of lines: every chunk of the set within this distance of the centre (km) is in
    /// the list.
    reach_km: Vec<f64>,
    /// (distance of the box from the centre, km; chunk), nearest first.
    list: Vec<(f64, u32)>,
    /// Per set of lines, a lower bound of the distance from the cell's points to its lines, km.
    lower_km: Vec<f64>,
}

/// A draft's list as stored: keys rounded down (and a metre under), so that the walk's early
/// stop stays safe.
fn entries(list: &[(f64, u32)]) -> Vec<Entry> {
    list.iter()
        .map(|&(d, chunk)| Entry {
            key: ((d - 1e-3) / KEY_KM).floor().clamp(0.0, u16::MAX as f64) as u16,
            chunk: u16::try_from(chunk).expect("at most MAX_CHUNKS chunks: the loader checks"),
        })
        .collect()
}

/// A chunk's box in the build's R-tree.
struct ChunkBox(AABB<[f64; 3]>, u32);

impl RTreeObject for ChunkBox {
    type Envelope = AABB<[f64; 3]>;
    fn envelope(&self) -> Self::Envelope {
        self.0
    }
}

/// The nearest point of a line found by [`NearestGrid::nearest`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Nearest {
    /// Along the ellipsoid, km.
    pub km: f64,
    /// The edge of the topology it lies on.
    pub edge: usize,
}

/// The distance grid of every set of lines; see the module docs.
#[derive(Debug, Clone)]
pub(crate) struct NearestGrid {
    origin: Coord<f64>,
    /// Cells per degree along x and y.
    scale: Coord<f64>,
    n: usize,
    /// `n * n` cells and one more, whose `start` ends the last list.
    cells: Vec<Cell>,
    /// `lower_km[s][k]`: a lower bound of the distance (km) from any point of cell k to the
    /// lines of set s.
    lower_km: Vec<Vec<f32>>,
    /// Cell k's list is `entries[cells[k].start..cells[k + 1].start]`, nearest box first.
    entries: Vec<Entry>,
    /// The chunks of every line.
    set: ChunkSet,
    /// `live[s]`: bit c is set if chunk c is in set s.
    live: Vec<Vec<u64>>,
    /// How far [`Self::for_each_within`] is complete, km.
    reach_km: f64,
    /// The longitude of each column's centre and the latitude of each row's, with their sines
    /// and cosines, for [`Place::near`].
    columns: Vec<Angle>,
    rows: Vec<Angle>,
}

impl NearestGrid {
    /// The grid over the box `min`..`max` (lon/lat degrees) with `n` x `n` cells for the
    /// chunks of `set`, and the sets of lines `live` (for each, whether each edge is in it).
    /// Every segment of a set within `reach_km` of a point is in the point's list, whatever
    /// the nearest ([`LinesGrid::for_each_within`]).
    pub(crate) fn build(
        set: ChunkSet,
        live: &[Vec<bool>],
        min: Coord<f64>,
        max: Coord<f64>,
        n: usize,
        reach_km: f64,
    ) -> NearestGrid {
        let words = set.chunks.len() / 64 + 1;
        let live: Vec<Vec<u64>> = live
            .iter()
            .map(|edges| {
                let mut bits = vec![0u64; words];
                for (c, chunk) in set.chunks.iter().enumerate() {
                    bits[c / 64] |= u64::from(edges[chunk.edge as usize]) << (c % 64);
                }
                bits
            })
            .collect();
        let mut grid = NearestGrid {
            origin: min,
            scale: Coord {
                x: n as f64 / (max.x - min.x),
                y: n as f64 / (max.y - min.y),
            },
            n,
            cells: Vec::with_capacity(n * n + 1),
            lower_km: vec![Vec::with_capacity(n * n); live.len()],
            entries: Vec::new(),
            set,
            live,
            reach_km,
            columns: (0..n)
                .map(|i| Angle::new(min.x + (i as f64 + 0.5) * (max.x - min.x) / n as f64))
                .collect(),
            rows: (0..n)
                .map(|j| Angle::new(min.y + (j as f64 + 0.5) * (max.y - min.y) / n as f64))
                .collect(),
        };
        // per set, the chords' starts in it: the nearest gives a bound U of the set's lines
        let vertices: Vec<RTree<[f64; 3]>> = grid
            .live
            .iter()
            .map(|bits| {
                RTree::bulk_load(
                    grid.set
                        .starts
                        .iter()
                        .filter(|&&(_, chunk)| bit(bits, chunk as usize))
                        .map(|&(v, _)| v)
                        .collect(),
                )
            })
            .collect();
        let boxes = RTree::bulk_load(
            grid.set
                .chunks
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let o = c.origin;
                    let far = [0, 1, 2].map(|k| o[k] + c.size[k] as f64);
                    ChunkBox(AABB::from_corners(o, far), i as u32)
                })
                .collect(),
        );
        for draft in grid.drafts(&vertices, &boxes, reach_km) {
            grid.cells.push(Cell {
                centre: draft.centre.map(|x| x as f32),
                start: u32::try_from(grid.entries.len()).expect("fewer than 2^32 list entries"),
            });
            // rounded down, so that it stays a lower bound
            for (lower, &km) in grid.lower_km.iter_mut().zip(&draft.lower_km) {
                lower.push(((km as f32) * (1.0 - 1e-6)).max(0.0));
            }
            grid.entries.extend(entries(&draft.list));
        }
        grid.cells.push(Cell {
            centre: [0.0; 3],
            start: u32::try_from(grid.entries.len()).expect("fewer than 2^32 list entries"),
        });
        grid
    }

    /// The grid as set `s` of lines sees it.
    pub(crate) fn lines(&self, s: usize) -> LinesGrid<'_> {
        LinesGrid { grid: self, set: s }
    }

    /// The lists of every cell, coarse to fine: the cells of a grid a power of two coarser
    /// (at most 16 a side) take their chunks from the R-trees, and each cell of the next finer
    /// grid from the list of the cell it lies in, which holds them all when the finer cell's
    /// reach plus the step between the two centres is within the coarser one's (else the
    /// R-trees answer again). A finer list is a filter of a few dozen entries where a tree
    /// query would visit hundreds of boxes far from the line.
    fn drafts(
        &self,
        vertices: &[RTree<[f64; 3]>],
        boxes: &RTree<ChunkBox>,
        reach_km: f64,
    ) -> Vec<Draft> {
        let n = self.n;
        let mut m = n;
        while m % 2 == 0 && m > 16 {
            m /= 2;
        }
        let from_trees = |k: usize, m: usize| {
            let (c, radius) = self.cell_shape(k, m);
            // the farthest any set's list must reach (no set with lines: an empty list)
            let reach = vertices
                .iter()
                .filter_map(|tree| tree.nearest_neighbor(&c))
                .map(|v| dot(sub(*v, c), sub(*v, c)).sqrt() + 2.0 * radius)
                .fold(f64::NEG_INFINITY, f64::max)
                .max(reach_km + radius);
            let cube = AABB::from_corners(c.map(|x| x - reach), c.map(|x| x + reach));
            let ids = boxes.locate_in_envelope_intersecting(&cube).map(|b| b.1);
            self.draft(c, radius, ids, reach_km)
        };
        let mut level: Vec<Draft> = (0..m * m)
            .into_par_iter()
            .map(|k| from_trees(k, m))
            .collect();
        while m < n {
            let fine = 2 * m;
            level = (0..fine * fine)
                .into_par_iter()
                .map(|k| {
                    let (i, j) = (k % fine, k / fine);
                    let parent = &level[j / 2 * m + i / 2];
                    let (c, radius) = self.cell_shape(k, fine);
                    let draft = self.draft(c, radius, parent.list.iter().map(|e| e.1), reach_km);
                    let step = dot(sub(c, parent.centre), sub(c, parent.centre)).sqrt();
                    let within = draft.reach_km.iter().zip(&parent.reach_km);
                    if within.into_iter().all(|(r, parent)| r + step <= *parent) {
                        draft
                    } else {
                        from_trees(k, fine)
                    }
                })
                .collect();
            m = fine;
        }
        level
    }

    /// The centre of cell `k` of an `m` x `m` grid over the same box, and its radius: the
    /// farthest its points are from the centre (on its rim: corners and midpoints, with 1%
    /// for the bulge of the rim between them).
    fn cell_shape(&self, k: usize, m: usize) -> ([f64; 3], f64) {
        let (i, j) = ((k % m) as f64, (k / m) as f64);
        let f = m as f64 / self.n as f64;
        let at = |u: f64, v: f64| {
            Place::new(Coord {
                x: self.origin.x + u / (self.scale.x * f),
                y: self.origin.y + v / (self.scale.y * f),
            })
            .xyz
        };
        let c = at(i + 0.5, j + 0.5);
        let rim = [0.0, 0.5, 1.0];
        let radius = 1.01
            * rim
                .iter()
                .flat_map(|&u| rim.iter().map(move |&v| (u, v)))
                .map(|(u, v)| dot(sub(at(i + u, j + v), c), sub(at(i + u, j + v), c)).sqrt())
                .fold(0.0, f64::max);
        (c, radius)
    }

    /// The list of a cell with centre `c` and `radius` from `candidates`, which hold every
    /// chunk that can be in it: their boxes' distances from `c`, nearest first, up to the
    /// cell's reach (the exact distance from `c` to the lines plus twice the radius, and at
    /// least `reach_km` plus the radius).
    fn draft(
        &self,
        c: [f64; 3],
        radius: f64,
        candidates: impl Iterator<Item = u32>,
        reach_km: f64,
    ) -> Draft {
        let mut list: Vec<(f64, u32)> = candidates
            .map(|id| {
                let chunk = &self.set.chunks[id as usize];
                (chunk.box_distance2(sub(c, chunk.origin)).sqrt(), id)
            })
            .collect();
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let all = entries(&list);
        // per set: the exact distance to its lines, how far its list reaches, its lower bound
        let (reach, lower): (Vec<f64>, Vec<f64>) = self
            .live
            .iter()
            .map(|bits| match self.walk(c, 0.0, &all, f64::INFINITY, bits) {
                Some((d2, _, _)) => {
                    let exact = d2.sqrt();
                    let reach = (exact + 2.0 * radius).max(reach_km + radius);
                    (reach, (exact - radius).max(0.0))
                }
                None => (f64::INFINITY, f64::INFINITY), // no line in this set
            })
            .unzip();
        list.retain(|&(d, id)| {
            let id = id as usize;
            self.live
                .iter()
                .zip(&reach)
                .any(|(bits, &r)| bit(bits, id) && d <= r)
        });
        Draft {
            centre: c,
            reach_km: reach,
            list,
            lower_km: lower,
        }
    }

    /// The cell of `p` (clamped to the grid).
    #[inline(always)]
    fn cell_of(&self, p: Coord<f64>) -> usize {
        let (i, j) = self.column_row(p);
        j * self.n + i
    }

    #[inline(always)]
    fn column_row(&self, p: Coord<f64>) -> (usize, usize) {
        let i = ((p.x - self.origin.x) * self.scale.x).clamp(0.0, (self.n - 1) as f64) as usize;
        let j = ((p.y - self.origin.y) * self.scale.y).clamp(0.0, (self.n - 1) as f64) as usize;
        (i, j)
    }

    /// The cell of `c` and its place on the ellipsoid. A point of the frame is within half a
    /// cell (a fraction of a degree) of its column's and row's centres, so [`Place::near`]
    /// needs no trigonometric call.
    #[inline(always)]
    fn locate(&self, c: Coord<f64>) -> (usize, Place) {
        let (i, j) = self.column_row(c);
        (
            j * self.n + i,
            Place::near(c, &self.columns[i], &self.rows[j]),
        )
    }

    /// The segment of `list` nearest to `p`, a point `from_centre` km from the list's cell
    /// centre, if nearer than `limit` km: (squared chord, chunk, closest point).
    #[inline(always)]
    fn walk(
        &self,
        p: [f64; 3],
        from_centre: f64,
        list: &[Entry],
        limit: f64,
        live: &[u64],
    ) -> Option<(f64, usize, [f64; 3])> {
        let (chunks, lanes) = (&self.set.chunks[..], &self.set.lanes[..]);
        let mut best2 = limit * limit;
        let mut best = limit;
        let mut found: Option<(usize, usize, f32)> = None;
        for entry in list {
            // every later box is at least key − from_centre from p
            if entry.key as f64 * KEY_KM - from_centre > best {
                break;
            }
            let id = entry.chunk as usize;
            if !bit(live, id) {
                continue;
            }
            let chunk = &chunks[id];
            let rel = sub(p, chunk.origin);
            if chunk.box_distance2(rel) >= best2 {
                continue;
            }
            let (d2, t) = lanes[id].distances2(rel.map(|x| x as f32));
            // the least of the lanes first (vector minima), which one only when it is nearer
            let mut k_min = 0;
            for k in 1..CHUNK {
                k_min = if d2[k] < d2[k_min] { k } else { k_min };
            }
            let least = d2[k_min];
            if (least as f64) < best2 {
                best2 = least as f64;
                best = best2.sqrt();
                found = Some((id, k_min, t[k_min]));
            }
        }
        let (id, k, t) = found?;
        let (o, r) = (chunks[id].origin, lanes[id].point(k, t));
        Some((best2, id, [o[0] + r[0], o[1] + r[1], o[2] + r[2]]))
    }

    /// The distance (km) from `p` to cell `k`'s centre, plus the slack of its precision.
    #[inline(always)]
    fn distance_from_centre(&self, p: [f64; 3], k: usize) -> f64 {
        let d = sub(p, self.cells[k].centre.map(|x| x as f64));
        dot(d, d).sqrt() + CENTRE_SLACK_KM
    }

    /// Heap memory in bytes: the cells, their lists, the chunks of every line and the sets'
    /// bits and bounds.
    pub(crate) fn memory_bytes(&self) -> usize {
        self.cells.len() * std::mem::size_of::<Cell>()
            + self.entries.len() * std::mem::size_of::<Entry>()
            + self.set.memory_bytes()
            + self
                .lower_km
                .iter()
                .map(|l| l.len() * std::mem::size_of::<f32>())
                .sum::<usize>()
            + self.live.iter().map(|b| b.len() * 8).sum::<usize>()
    }
}

/// The distance grid as one set of lines sees it: [`NearestGrid::lines`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct LinesGrid<'a> {
    grid: &'a NearestGrid,
    set: usize,
}

impl LinesGrid<'_> {
    /// The nearest point of the set's lines to `c` (lon/lat degrees, inside the grid's box):
    /// its distance along the ellipsoid and its edge; `None` if the set has no lines.
    #[inline]
    pub(crate) fn nearest(&self, c: Coord<f64>) -> Option<Nearest> {
        let g = self.grid;
        let (k, place) = g.locate(c);
        let p = place.xyz;
        let from_centre = g.distance_from_centre(p, k);
        let list = &g.entries[g.cells[k].start as usize..g.cells[k + 1].start as usize];
        let (d2, chunk, q) = g.walk(p, from_centre, list, f64::INFINITY, &g.live[self.set])?;
        Some(Nearest {
            km: place.arc_km(q, d2.sqrt()),
            edge: g.set.chunks[chunk].edge as usize,
        })
    }

    /// True if none of the set's lines passes within `km` of any point of `c`'s cell: a test
    /// without a distance, for answers far from every line.
    #[inline(always)]
    pub(crate) fn all_farther_than(&self, c: Coord<f64>, km: f64) -> bool {
        self.grid.lower_km[self.set][self.grid.cell_of(c)] as f64 > km
    }

    /// Visit the set's edges with a point within `max_km` of `c` (at most
    /// [`Self::reach_km`]) and within `limit(edge)` km, with their distance along the
    /// ellipsoid: an edge once for each of its chunks that comes that near, with the distance
    /// to that chunk, in no particular order, until `visit` breaks. `limit` may shrink as the
    /// walk goes (a best so far); allocates nothing.
    #[inline]
    pub(crate) fn for_each_within(
        &self,
        c: Coord<f64>,
        max_km: f64,
        limit: impl Fn(usize) -> f64,
        mut visit: impl FnMut(Nearest) -> ControlFlow<()>,
    ) {
        let g = self.grid;
        debug_assert!(max_km <= g.reach_km);
        let live = &g.live[self.set];
        let (k, place) = g.locate(c);
        let p = place.xyz;
        let from_centre = g.distance_from_centre(p, k);
        let list = &g.entries[g.cells[k].start as usize..g.cells[k + 1].start as usize];
        for entry in list {
            // a chord is never longer than the arc, so chords beyond max_km are arcs beyond it
            if entry.key as f64 * KEY_KM - from_centre > max_km {
                break;
            }
            if !bit(live, entry.chunk as usize) {
                continue;
            }
            let chunk = &g.set.chunks[entry.chunk as usize];
            let edge = chunk.edge as usize;
            let max = limit(edge).min(max_km);
            if chunk.box_distance2(sub(p, chunk.origin)) > max * max {
                continue;
            }
            // the nearest point of the chunk: as `walk` over this one chunk
            let one = [Entry {
                key: 0,
                chunk: entry.chunk,
            }];
            let Some((d2, _, q)) = g.walk(p, 0.0, &one, max, live) else {
                continue;
            };
            let km = place.arc_km(q, d2.sqrt());
            if km <= max && visit(Nearest { km, edge }).is_break() {
                return;
            }
        }
    }

    /// How far [`Self::for_each_within`] finds every line, km.
    pub(crate) fn reach_km(&self) -> f64 {
        self.grid.reach_km
    }

    /// Heap memory of the whole grid, bytes ([`NearestGrid::memory_bytes`]).
    pub(crate) fn memory_bytes(&self) -> usize {
        self.grid.memory_bytes()
    }
}
