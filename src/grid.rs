//! Point location at memory speed: a grid of cells over the frame, each either inside one face
//! (the answer is one table load) or crossed by lines (a short branch-free walk over the few
//! segments near the point).
//!
//! The faces are the same for every epoch (an epoch only changes which faces merge), so one
//! grid answers any date: locate the face here, then read its status for the epoch.
//!
//! A cell that lines cross is a *leaf*, or, if more than [`SPLIT_ABOVE`] segments cross it,
//! [`SUB`] x [`SUB`] leaves. In a leaf the answer comes from the segment from the leaf's
//! reference point (its centre, whose face is known) to the query point: if it crosses no line
//! the point is in the reference face; otherwise the crossing nearest the query point decides,
//! by the side of that line the point is on. In a leaf whose segments all separate the same two
//! faces (most leaves) the parity of the crossings alone decides, which lets every segment be
//! tested independently of the others. Every segment touching a leaf is listed in it and
//! a leaf is convex, so no crossing can be missed. A leaf is stored as one run of records (a
//! header, then its segments), so a lookup reads one contiguous piece of memory.

use geo_types::Coord;

use crate::topology::Topology;

/// Cells along each axis: 256 x 256 cells of `u16` is 128 KiB, small enough to stay in L2
/// while a stream of queries flows through; see docs/INDEX.md for the measurements behind it.
pub const GRID_CELLS: usize = 256;

/// The scale's shrink: 1 − 2^-40 moves the frame's far edges about 1e-9 cells inside.
const EDGE_SHRINK: f64 = 1.0 - 1.0 / (1u64 << 40) as f64;

/// Leaves along each axis of a split cell.
pub const SUB: usize = 4;

/// A cell crossed by more segments than this is split into [`SUB`] x [`SUB`] leaves.
pub const SPLIT_ABOVE: usize = 4;

/// A cell value with this bit set is a boundary cell; the other bits say which.
const BOUNDARY: u16 = 1 << 15;

/// A segment that separates two faces, as the build sees it.
#[derive(Debug, Clone, Copy)]
struct Segment {
    a: Coord<f64>,
    b: Coord<f64>,
    left: u32,
    right: u32,
}

/// A leaf's header (`w` = reference point r, `left` = its face, `right` = how many segment
/// records follow, with the leaf's other face above [`COUNT_BITS`]) or one of its segments,
/// stored relative to r: `w` = start − r, `e` = end − start and `c` = w × e, so that the walk
/// does no subtraction and the side test is one (see [`walk`]).
#[derive(Debug, Clone, Copy)]
struct Record {
    w: Coord<f64>,
    e: Coord<f64>,
    c: f64,
    left: u32,
    right: u32,
}

impl Record {
    /// A leaf's header: its reference point and face; `right` is set to the segment count.
    fn header(r: Coord<f64>, face: u32) -> Record {
        Record {
            w: r,
            e: Coord { x: 0.0, y: 0.0 },
            c: 0.0,
            left: face,
            right: 0,
        }
    }

    fn relative_to(r: Coord<f64>, s: &Segment) -> Record {
        let w = s.a - r;
        let e = s.b - s.a;
        Record {
            w,
            e,
            c: w.x * e.y - w.y * e.x,
            left: s.left,
            right: s.right,
        }
    }
}

/// The grid. Built once per atlas; see [`FaceGrid::memory_bytes`].
#[derive(Debug, Clone)]
pub struct FaceGrid {
    origin: Coord<f64>,
    /// Leaf-sized (fine) cells per degree along x and y: `SUB` per coarse cell.
    fine_scale: Coord<f64>,
    /// Coarse cells per axis.
    n: usize,
    /// Face id, or `BOUNDARY | b` for boundary cell `b`.
    cells: Vec<u16>,
    /// Boundary cell k's leaves: `leaves[k * SUB² + sub_row * SUB + sub_col]` = offset in
    /// `records`; a cell that is not split has the same leaf in all SUB² places, so the lookup
    /// never branches on whether a cell is split.
    leaves: Vec<u32>,
    /// How many boundary cells are split.
    split_cells: usize,
    /// The leaves, each a header and its segments.
    records: Vec<Record>,
}

/// The face of the point r + `d`, from a leaf: `leaf[0]` is its header (reference point r,
/// whose face is `leaf[0].left`), the rest its segments stored relative to r. The crossing of
/// r→p nearest p decides, by the side of that segment p is on; none means p is in r's face.
///
/// Branch-free: the loop keeps the index of the best crossing and the side, both chosen by
/// mask from values already in registers; the one face load comes after it. (Selecting the
/// face inside the loop let the compiler turn the selection into a branch around the load,
/// and which segment is hit is as unpredictable as branches get.)
#[inline]
fn walk(leaf: &[Record], d: Coord<f64>) -> u32 {
    // the nearest crossing so far at t = best_num / best_den along r→p; none: the header
    let (mut best_num, mut best_den) = (0.0f64, 1.0f64);
    let (mut best, mut best_left) = (0u32, true);
    for (k, s) in leaf.iter().enumerate().skip(1) {
        let den = d.x * s.e.y - d.y * s.e.x;
        // t = c / den along r→p, u = un / den along the segment; multiplying by the sign of
        // den keeps both denominators positive, so there is no division
        let sign = 1f64.copysign(den);
        let tn = s.c * sign;
        let un = (s.w.x * d.y - s.w.y * d.x) * sign;
        let ad = den.abs();
        // a crossing (parallel segments, ad == 0, never are) beyond the best so far;
        // `&` not `&&`: every test is evaluated
        let hit =
            (ad > 0.0) & (tn <= ad) & (un >= 0.0) & (un <= ad) & (tn * best_den >= best_num * ad);
        // the side of the segment's line p is on: e × (p − a) = e × (d − w) = c − den
        let left = s.c - den >= 0.0;
        best = select_u32(hit, k as u32, best);
        best_left = select_u32(hit, left as u32, best_left as u32) != 0;
        best_num = select_f64(hit, tn, best_num);
        best_den = select_f64(hit, ad, best_den);
    }
    let s = &leaf[best as usize];
    select_u32(best_left, s.left, s.right)
}

/// A leaf header's `right`: the segment count in the low [`COUNT_BITS`] bits, and above them
/// the other face + 1 if the leaf separates only two faces (0 if more).
const COUNT_BITS: u32 = 16;
const COUNT_MASK: u32 = (1 << COUNT_BITS) - 1;

/// Two-face leaves with at most this many segments are decided by [`crossings_are_odd`].
const PARITY_WALK: usize = 4;

/// Whether r→p crosses the leaf's lines an odd number of times, over exactly [`PARITY_WALK`]
/// records of which the first `count` are the leaf's. In a leaf whose every segment separates
/// the same two faces that parity alone says which face p is in. Each segment's test stands
/// alone (no "nearest so far" to carry from one to the next, only an exclusive or) and the
/// loop has a fixed length, so there is no exit to mispredict.
///
/// The straddle tests, with the records relative to r (w = a − r, e = b − a, c = w × e) and
/// d = p − r: a and b on opposite sides of the line r→p (d × w and d × w + d × e), and r and p
/// on opposite sides of the segment's line (c and c − d × e). Zero counts as positive on both,
/// the half-open rule that makes a path through a shared vertex cross once, and a point on a
/// line come out on its left, as in [`walk`]. A spare record (all zero) never crosses.
#[inline]
fn crossings_are_odd(run: &[Record; PARITY_WALK], count: usize, d: Coord<f64>) -> bool {
    let mut odd = false;
    for (k, s) in run.iter().enumerate() {
        let den = d.x * s.e.y - d.y * s.e.x;
        let at_a = d.x * s.w.y - d.y * s.w.x;
        let at_b = at_a + den;
        let straddles_ab = (at_a < 0.0) != (at_b < 0.0);
        let straddles_rp = (s.c < 0.0) != (s.c - den < 0.0);
        odd ^= (k < count) & straddles_ab & straddles_rp;
    }
    odd
}

/// `v` rounded to the nearest integer (ties to even), as the low 32 bits of its two's
/// complement, for |v| < 2^51: adding 1.5 × 2^52 leaves the integer in the low bits of the
/// sum. One addition instead of the range checks of `as`; the cell lookup rounds `x - 0.5`, which
/// is `floor(x)` (as the build cuts cells) except within rounding error of a cell edge, where
/// either cell is right (leaves list every segment touching them, edges included). Negative
/// values come out huge and NaN as 0, so a clamp to the grid keeps any input in range.
#[inline(always)]
fn round_to_u32(v: f64) -> u32 {
    const SHIFTER: f64 = 6_755_399_441_055_744.0; // 1.5 × 2^52
    (v + SHIFTER).to_bits() as u32
}

/// `a` if `pick`, else `b`, without a branch.
#[inline(always)]
fn select_u32(pick: bool, a: u32, b: u32) -> u32 {
    let mask = (pick as u32).wrapping_neg();
    b ^ ((a ^ b) & mask)
}

/// `a` if `pick`, else `b`, without a branch.
#[inline(always)]
fn select_f64(pick: bool, a: f64, b: f64) -> f64 {
    let mask = (pick as u64).wrapping_neg();
    f64::from_bits(b.to_bits() ^ ((a.to_bits() ^ b.to_bits()) & mask))
}

/// True if the segment meets the box from `lo` to `hi` grown by `tolerance` on every side:
/// their bounding boxes overlap and the box's corners are not all on one side of the segment's
/// line.
fn touches_box(s: &Segment, lo: Coord<f64>, hi: Coord<f64>, tolerance: Coord<f64>) -> bool {
    let (lo, hi) = (lo - tolerance, hi + tolerance);
    if s.a.x.max(s.b.x) < lo.x
        || s.a.x.min(s.b.x) > hi.x
        || s.a.y.max(s.b.y) < lo.y
        || s.a.y.min(s.b.y) > hi.y
    {
        return false;
    }
    let e = s.b - s.a;
    let side = |x: f64, y: f64| e.x * (y - s.a.y) - e.y * (x - s.a.x);
    let corners = [
        side(lo.x, lo.y),
        side(hi.x, lo.y),
        side(hi.x, hi.y),
        side(lo.x, hi.y),
    ];
    !(corners.iter().all(|&c| c > 0.0) || corners.iter().all(|&c| c < 0.0))
}

/// True if `p` lies within `tolerance` degrees of the segment's line inside its bounding box:
/// too close for a reference point, whose face must be beyond doubt.
fn near_segment(p: Coord<f64>, s: &Segment, tolerance: f64) -> bool {
    let e = s.b - s.a;
    let len = (e.x * e.x + e.y * e.y).sqrt();
    let cross = e.x * (p.y - s.a.y) - e.y * (p.x - s.a.x);
    let (lo_x, hi_x) = (s.a.x.min(s.b.x) - tolerance, s.a.x.max(s.b.x) + tolerance);
    let (lo_y, hi_y) = (s.a.y.min(s.b.y) - tolerance, s.a.y.max(s.b.y) + tolerance);
    cross.abs() <= tolerance * len && p.x >= lo_x && p.x <= hi_x && p.y >= lo_y && p.y <= hi_y
}

impl FaceGrid {
    /// Build the grid over `frame` (min, max corners) with `n` x `n` coarse cells.
    /// `locate_exact` finds the face of a point and whether it lies on a line; it is called
    /// once per boundary cell and once per connected run of inner cells (split cells' leaves
    /// take their faces from the cell's own walk). `None` if the faces or the boundary cells
    /// do not fit the 15 bits of a cell, or a leaf's segments the 16 bits of its count (try a
    /// coarser grid).
    pub fn build(
        topo: &Topology,
        min: Coord<f64>,
        max: Coord<f64>,
        n: usize,
        locate_exact: impl Fn(Coord<f64>) -> (usize, bool),
    ) -> Option<FaceGrid> {
        if topo.faces.len() >= BOUNDARY as usize {
            return None;
        }
        let fine = n * SUB;
        // a hair under `fine` cells per frame width, so that the frame's east and north edges
        // fall in the last cell without a clamp on the fast path
        let fine_scale = Coord {
            x: fine as f64 / (max.x - min.x) * EDGE_SHRINK,
            y: fine as f64 / (max.y - min.y) * EDGE_SHRINK,
        };
        // the same rounding as the lookup: truncation of the scaled offset, clamped
        let fine_of = |v: f64, lo: f64, s: f64| -> usize {
            (((v - lo) * s).floor().max(0.0) as usize).min(fine - 1)
        };
        // the box of `size` x `size` fine cells from fine cell (fi, fj)
        let fine_box = |fi: usize, fj: usize, size: usize| {
            let lo = Coord {
                x: min.x + fi as f64 / fine_scale.x,
                y: min.y + fj as f64 / fine_scale.y,
            };
            let hi = Coord {
                x: min.x + (fi + size) as f64 / fine_scale.x,
                y: min.y + (fj + size) as f64 / fine_scale.y,
            };
            (lo, hi)
        };
        // a point a billionth of a leaf outside its box may still be located in it (rounding
        // of the cell), so a leaf keeps the segments that pass that close
        let tolerance = Coord {
            x: 1e-9 / fine_scale.x,
            y: 1e-9 / fine_scale.y,
        };
        // every segment that separates two faces, with the fine cells of its bounding box,
        // listed in every coarse cell it meets (conservative: a segment on a cell's edge is in
        // both cells); a segment whose bounding box meets a cell but that passes it by is left
        // out, since the path from a leaf's reference point to a point in it stays in the leaf
        let mut all: Vec<(Segment, [usize; 4])> = Vec::new();
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); n * n];
        for (e, edge) in topo.edges.iter().enumerate() {
            let (left, right) = (topo.left_face[2 * e], topo.left_face[2 * e + 1]);
            if left == right {
                continue; // a dangling line does not separate anything
            }
            for w in edge.coords.windows(2) {
                let (a, b) = (w[0], w[1]);
                let bbox = [
                    fine_of(a.x.min(b.x), min.x, fine_scale.x),
                    fine_of(a.x.max(b.x), min.x, fine_scale.x),
                    fine_of(a.y.min(b.y), min.y, fine_scale.y),
                    fine_of(a.y.max(b.y), min.y, fine_scale.y),
                ];
                let id = all.len() as u32;
                let record = Segment {
                    a,
                    b,
                    left: left as u32,
                    right: right as u32,
                };
                all.push((record, bbox));
                for j in bbox[2] / SUB..=bbox[3] / SUB {
                    for i in bbox[0] / SUB..=bbox[1] / SUB {
                        let (lo, hi) = fine_box(i * SUB, j * SUB, SUB);
                        if touches_box(&record, lo, hi, tolerance) {
                            lists[j * n + i].push(id);
                        }
                    }
                }
            }
        }
        let centre = |fi: f64, fj: f64| Coord {
            x: min.x + fi / fine_scale.x,
            y: min.y + fj / fine_scale.y,
        };
        let step = Coord {
            x: 1e-3 / fine_scale.x,
            y: 7e-4 / fine_scale.y,
        };
        let mut grid = FaceGrid {
            origin: min,
            fine_scale,
            n,
            cells: vec![u16::MAX; n * n],
            leaves: Vec::new(),
            split_cells: 0,
            records: Vec::new(),
        };
        for j in 0..n {
            for i in 0..n {
                let list = &lists[j * n + i];
                if list.is_empty() {
                    continue;
                }
                let k = grid.leaves.len() / (SUB * SUB);
                if k >= BOUNDARY as usize {
                    return None;
                }
                // the reference point: the centre, nudged off any line it happens to lie on
                let mut r = centre(
                    ((i * SUB) as f64) + SUB as f64 / 2.0,
                    ((j * SUB) as f64) + SUB as f64 / 2.0,
                );
                let mut found = locate_exact(r);
                while found.1 {
                    r = r + step;
                    found = locate_exact(r);
                }
                let face = found.0 as u32;
                grid.cells[j * n + i] = BOUNDARY | k as u16;
                let segs: Vec<Segment> = list.iter().map(|&s| all[s as usize].0).collect();
                if list.len() <= SPLIT_ABOVE {
                    let leaf = grid.records.len() as u32;
                    grid.leaves.extend([leaf; SUB * SUB]);
                    grid.push_leaf(r, face, segs.iter())?;
                    continue;
                }
                grid.split_cells += 1;
                // buffers reused for every leaf: the build visits SUB² leaves per split cell
                let mut inside: Vec<Segment> = Vec::new();
                let mut path: Vec<Record> = Vec::new();
                for sj in 0..SUB {
                    for si in 0..SUB {
                        let (fi, fj) = (i * SUB + si, j * SUB + sj);
                        inside.clear();
                        let (lo, hi) = fine_box(fi, fj, 1);
                        inside.extend(list.iter().map(|&s| &all[s as usize]).filter_map(
                            |(seg, b)| {
                                (b[0] <= fi
                                    && fi <= b[1]
                                    && b[2] <= fj
                                    && fj <= b[3]
                                    && touches_box(seg, lo, hi, tolerance))
                                .then_some(*seg)
                            },
                        ));
                        // the centre, nudged off the segments near it (the others are at
                        // least half a leaf away)
                        let mut rs = centre(fi as f64 + 0.5, fj as f64 + 0.5);
                        while inside.iter().any(|s| near_segment(rs, s, 1e-9)) {
                            rs = rs + step;
                        }
                        // the leaf's face from a walk r→rs over the cell's segments that can
                        // cross it (their bounding box meets r→rs's): exact unless a line
                        // passes within rounding error of rs, which the loop above rules out
                        let (lo, hi) = (
                            Coord {
                                x: r.x.min(rs.x),
                                y: r.y.min(rs.y),
                            },
                            Coord {
                                x: r.x.max(rs.x),
                                y: r.y.max(rs.y),
                            },
                        );
                        path.clear();
                        path.push(Record::header(r, face));
                        path.extend(
                            segs.iter()
                                .filter(|s| {
                                    s.a.x.max(s.b.x) >= lo.x
                                        && s.a.x.min(s.b.x) <= hi.x
                                        && s.a.y.max(s.b.y) >= lo.y
                                        && s.a.y.min(s.b.y) <= hi.y
                                })
                                .map(|s| Record::relative_to(r, s)),
                        );
                        let sub_face = walk(&path, rs - r);
                        grid.leaves.push(grid.records.len() as u32);
                        grid.push_leaf(rs, sub_face, inside.iter())?;
                    }
                }
            }
        }
        // inner cells: flood fill runs of cells no line touches; one exact lookup per run
        let mut stack = Vec::new();
        for start in 0..n * n {
            if grid.cells[start] != u16::MAX {
                continue;
            }
            let c = centre(
                ((start % n) * SUB) as f64 + 2.0,
                ((start / n) * SUB) as f64 + 2.0,
            );
            let face = locate_exact(c).0 as u16;
            grid.cells[start] = face;
            stack.push(start);
            while let Some(c) = stack.pop() {
                let (i, j) = (c % n, c / n);
                let neighbours = [
                    (i > 0).then(|| c - 1),
                    (i + 1 < n).then(|| c + 1),
                    (j > 0).then(|| c - n),
                    (j + 1 < n).then(|| c + n),
                ];
                for nb in neighbours.into_iter().flatten() {
                    if grid.cells[nb] == u16::MAX {
                        grid.cells[nb] = face;
                        stack.push(nb);
                    }
                }
            }
        }
        // spare records, so that the parity walk may read PARITY_WALK records past any header
        grid.records
            .extend([Record::header(Coord { x: 0.0, y: 0.0 }, 0); PARITY_WALK]);
        Some(grid)
    }

    /// Append a leaf; `None` if it has more segments than its header can count.
    fn push_leaf<'a>(
        &mut self,
        r: Coord<f64>,
        face: u32,
        segments: impl Iterator<Item = &'a Segment>,
    ) -> Option<()> {
        let head = self.records.len();
        self.records.push(Record::header(r, face));
        // the one other face, if every segment separates `face` from it
        let mut other: Option<u32> = None;
        let mut two_faces = true;
        for s in segments {
            self.records.push(Record::relative_to(r, s));
            let o = if s.left == face { s.right } else { s.left };
            two_faces &= (s.left == face || s.right == face) && *other.get_or_insert(o) == o;
        }
        let count = u32::try_from(self.records.len() - head - 1)
            .ok()
            .filter(|&c| c <= COUNT_MASK)?;
        // a leaf without segments is all its reference face: parity, with "other" = itself
        let other = if two_faces {
            other.unwrap_or(face) + 1
        } else {
            0
        };
        self.records[head].right = count | other << COUNT_BITS;
        Some(())
    }

    /// A one-cell grid that answers face 0, to hold the place while the real grid is built.
    pub(crate) fn placeholder() -> FaceGrid {
        FaceGrid {
            origin: Coord { x: 0.0, y: 0.0 },
            fine_scale: Coord { x: 1.0, y: 1.0 },
            n: 1,
            cells: vec![0],
            leaves: Vec::new(),
            split_cells: 0,
            records: Vec::new(),
        }
    }

    /// The face of `p`, whose fine cell is (`fi`, `fj`).
    #[inline(always)]
    fn locate_at(&self, fi: usize, fj: usize, p: Coord<f64>) -> usize {
        let cell = self.cells[(fj / SUB) * self.n + fi / SUB];
        if cell & BOUNDARY == 0 {
            return cell as usize;
        }
        self.locate_in_leaf(cell, fi, fj, p)
    }

    /// The face in a boundary cell's leaf: by parity in a leaf of two faces and at most
    /// [`PARITY_WALK`] segments (most leaves near a border), else by the nearest crossing,
    /// out of line. Inlined: the call and its saved registers cost about a seventh of a lookup
    /// near a border (docs/INDEX.md).
    #[inline(always)]
    fn locate_in_leaf(&self, cell: u16, fi: usize, fj: usize, p: Coord<f64>) -> usize {
        let k = (cell & !BOUNDARY) as usize;
        let leaf = self.leaves[k * SUB * SUB + (fj % SUB) * SUB + fi % SUB] as usize;
        let head = &self.records[leaf];
        let count = (head.right & COUNT_MASK) as usize;
        let other = head.right >> COUNT_BITS;
        let d = p - head.w;
        if (other != 0) & (count <= PARITY_WALK) {
            // the records vector ends in PARITY_WALK spare records, so this is in bounds
            if let Ok(run) = self.records[leaf + 1..=leaf + PARITY_WALK].try_into() {
                let odd = crossings_are_odd(run, count, d);
                return select_u32(odd, other - 1, head.left) as usize;
            }
        }
        self.walk_leaf(leaf, count, d)
    }

    /// [`walk`] over the leaf at `leaf`: out of line, the rare case.
    #[inline(never)]
    fn walk_leaf(&self, leaf: usize, count: usize, d: Coord<f64>) -> usize {
        walk(&self.records[leaf..=leaf + count], d) as usize
    }

    /// The face containing `p`, a point known to lie in the frame's box (west <= x <= east,
    /// south <= y <= north, so not NaN): the cell needs no clamp, since the scale puts the
    /// east and north edges a hair inside the last cells (the clamp compiled to about eight
    /// vector instructions of a uniform lookup's eighty). A point outside the box would index
    /// out of bounds and panic, so only the atlas, which tests the box first, calls it.
    #[inline(always)]
    pub(crate) fn locate_in_frame(&self, p: Coord<f64>) -> usize {
        let fi = round_to_u32((p.x - self.origin.x) * self.fine_scale.x - 0.5) as usize;
        let fj = round_to_u32((p.y - self.origin.y) * self.fine_scale.y - 0.5) as usize;
        self.locate_at(fi, fj, p)
    }

    /// [`FaceGrid::locate_in_frame`], with the fine cell the point is in as the lookup already
    /// has it: its cell (row-major, [`GRID_CELLS`] a side on the embedded data) and its place
    /// in that cell's [`SUB`] x [`SUB`] fine cells (row-major). The fine cells are those of
    /// [`Self::fine_geometry`].
    #[inline(always)]
    pub(crate) fn locate_in_frame_with_cell(&self, p: Coord<f64>) -> (usize, usize, usize) {
        let fi = round_to_u32((p.x - self.origin.x) * self.fine_scale.x - 0.5) as usize;
        let fj = round_to_u32((p.y - self.origin.y) * self.fine_scale.y - 0.5) as usize;
        // the same expressions as the lookup's, so that they are computed once
        let cell = (fj / SUB) * self.n + fi / SUB;
        let sub = (fj % SUB) * SUB + fi % SUB;
        (self.locate_at(fi, fj, p), cell, sub)
    }

    /// The fine cells: the frame's south-west corner, cells per degree along x and y, and
    /// cells a side. Fine cell (i, j) spans `origin + (i, j) / scale` to `origin + (i + 1,
    /// j + 1) / scale`.
    pub(crate) fn fine_geometry(&self) -> (Coord<f64>, Coord<f64>, usize) {
        (self.origin, self.fine_scale, self.n * SUB)
    }

    /// Heap memory of the grid in bytes.
    pub fn memory_bytes(&self) -> usize {
        self.cells.len() * std::mem::size_of::<u16>()
            + self.leaves.len() * std::mem::size_of::<u32>()
            + self.records.len() * std::mem::size_of::<Record>()
    }

    /// Shape of the grid: (coarse cells per axis, boundary cells, split cells, leaves, segment
    /// records).
    pub fn stats(&self) -> (usize, usize, usize, usize, usize) {
        let boundary = self.leaves.len() / (SUB * SUB);
        let leaves = boundary - self.split_cells + self.split_cells * SUB * SUB;
        (
            self.n,
            boundary,
            self.split_cells,
            leaves,
            self.records.len().saturating_sub(leaves + PARITY_WALK),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::Rng;

    /// The parity walk and the nearest-crossing walk agree in every two-face leaf the parity
    /// walk serves, on random points over the leaf (within half a fine cell of its reference
    /// point, inside even a split cell's leaf) and on points within 1e-9 of a leaf of its
    /// segments, where a wrong rule at a vertex or a wrong side would show.
    #[test]
    fn parity_walk_agrees_with_the_nearest_crossing() {
        let grid = &crate::data::embedded().grid;
        let mut rng = Rng::new(0x9a51);
        let (mut leaves, mut points, mut crossed) = (0, 0, 0);
        let mut head = 0;
        let size = Coord {
            x: 1.0 / grid.fine_scale.x,
            y: 1.0 / grid.fine_scale.y,
        };
        while head < grid.records.len() - PARITY_WALK {
            let count = (grid.records[head].right & COUNT_MASK) as usize;
            let other = grid.records[head].right >> COUNT_BITS;
            if other != 0 && count <= PARITY_WALK {
                leaves += 1;
                let run: &[Record; PARITY_WALK] = grid.records[head + 1..=head + PARITY_WALK]
                    .try_into()
                    .unwrap();
                let leaf = &grid.records[head..=head + count];
                for k in 0..40 {
                    let d = if k < 30 || count == 0 {
                        Coord {
                            x: (rng.next_f64() - 0.5) * 0.999 * size.x,
                            y: (rng.next_f64() - 0.5) * 0.999 * size.y,
                        }
                    } else {
                        // next to a segment: a point along it, moved off by about 1e-9 of a
                        // leaf, if that is inside the leaf
                        let s = &leaf[1 + k % count];
                        let t = rng.next_f64();
                        let off = (rng.next_f64() - 0.5) * 2e-9 * size.x / s.e.x.hypot(s.e.y);
                        let d = s.w
                            + s.e * t
                            + Coord {
                                x: -s.e.y,
                                y: s.e.x,
                            } * off;
                        if d.x.abs() >= 0.4995 * size.x || d.y.abs() >= 0.4995 * size.y {
                            continue;
                        }
                        d
                    };
                    let nearest = walk(leaf, d);
                    let odd = crossings_are_odd(run, count, d);
                    let parity = select_u32(odd, other - 1, grid.records[head].left);
                    assert_eq!(parity, nearest, "leaf at {head}, d = {d:?}");
                    points += 1;
                    crossed += odd as usize;
                }
            }
            head += 1 + count;
        }
        assert!(leaves > 10_000, "{leaves} two-face leaves");
        // not vacuous: many of the points are on the far side of a line
        assert!(
            crossed > 10_000,
            "{crossed} of {points} points crossed a line"
        );
    }
}
