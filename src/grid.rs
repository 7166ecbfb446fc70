//! Point location at memory speed: a grid of cells over the frame, each either inside one face
//! (the answer is one table load) or crossed by lines (a short branch-free walk over the few
//! segments in the cell).
//!
//! The faces are the same for every epoch (an epoch only changes which faces merge), so one
//! grid answers any date: locate the face here, then read its status for the epoch.
//!
//! In a boundary cell the answer comes from the segment from the cell's reference point (its
//! centre, whose face is found once, exactly, when the grid is built) to the query point: if it
//! crosses no line the point is in the reference face; otherwise the crossing nearest the query
//! point decides, by the side of that line the point is on. Every segment touching the cell is
//! listed in it, and a cell is convex, so no crossing can be missed.

use geo_types::Coord;

use crate::territory::Topology;

/// Cells along each axis: 256 x 256 cells of `u16` is 128 KiB, small enough to stay in L2
/// while a stream of queries flows through; see docs/INDEX.md for the measurements behind it.
pub const GRID_CELLS: usize = 256;

/// A cell value with this bit set is a boundary cell; the other bits are its index.
const BOUNDARY: u16 = 1 << 15;

/// One segment as stored in a boundary cell: its ends and the faces on either side.
#[derive(Debug, Clone, Copy)]
struct CellSegment {
    a: Coord<f64>,
    b: Coord<f64>,
    left: u32,
    right: u32,
}

/// The grid. Built once per atlas; see [`FaceGrid::memory_bytes`].
#[derive(Debug, Clone)]
pub struct FaceGrid {
    origin: Coord<f64>,
    /// Cells per degree along x and y.
    scale: Coord<f64>,
    nx: usize,
    ny: usize,
    /// Face id, or `BOUNDARY | b` for boundary cell `b`.
    cells: Vec<u16>,
    /// Boundary cell `b`'s segments are `segments[starts[b]..starts[b + 1]]`.
    starts: Vec<u32>,
    /// Boundary cell `b`'s reference point and the face it lies in.
    refs: Vec<(Coord<f64>, u32)>,
    segments: Vec<CellSegment>,
}

impl FaceGrid {
    /// Build the grid over `frame` (min, max corners) with `n` x `n` cells. `locate_exact`
    /// finds the face of a point and whether it lies on a line; it is called once per
    /// boundary cell and once per connected run of inner cells. `None` if the faces or the
    /// boundary cells do not fit the 15 bits of a cell (try a coarser grid).
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
        let (nx, ny) = (n, n);
        let scale = Coord {
            x: nx as f64 / (max.x - min.x),
            y: ny as f64 / (max.y - min.y),
        };
        let cell_of = |v: f64, lo: f64, s: f64, count: usize| -> usize {
            (((v - lo) * s).floor().max(0.0) as usize).min(count - 1)
        };
        // every segment that separates two faces, listed in every cell its bounding box touches
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); nx * ny];
        let mut all = Vec::new();
        for (e, edge) in topo.edges.iter().enumerate() {
            let (left, right) = (topo.left_face[2 * e], topo.left_face[2 * e + 1]);
            if left == right {
                continue; // a dangling line does not separate anything
            }
            for w in edge.coords.windows(2) {
                let (a, b) = (w[0], w[1]);
                let id = all.len() as u32;
                all.push(CellSegment {
                    a,
                    b,
                    left: left as u32,
                    right: right as u32,
                });
                let (i0, i1) = (
                    cell_of(a.x.min(b.x), min.x, scale.x, nx),
                    cell_of(a.x.max(b.x), min.x, scale.x, nx),
                );
                let (j0, j1) = (
                    cell_of(a.y.min(b.y), min.y, scale.y, ny),
                    cell_of(a.y.max(b.y), min.y, scale.y, ny),
                );
                for j in j0..=j1 {
                    for i in i0..=i1 {
                        lists[j * nx + i].push(id);
                    }
                }
            }
        }
        // a cell's bounding-box test is conservative; a segment on a cell's edge is in both cells
        let centre = |i: usize, j: usize| Coord {
            x: min.x + (i as f64 + 0.5) / scale.x,
            y: min.y + (j as f64 + 0.5) / scale.y,
        };
        let mut cells = vec![u16::MAX; nx * ny];
        let mut starts = vec![0u32];
        let mut refs = Vec::new();
        let mut segments = Vec::new();
        for j in 0..ny {
            for i in 0..nx {
                let list = &lists[j * nx + i];
                if list.is_empty() {
                    continue;
                }
                if refs.len() >= BOUNDARY as usize {
                    return None;
                }
                // the reference point: the centre, nudged if it happens to lie on a line
                let mut r = centre(i, j);
                let mut found = locate_exact(r);
                let mut k = 1.0;
                while found.1 {
                    r = Coord {
                        x: r.x + 1e-3 * k / scale.x,
                        y: r.y + 7e-4 * k / scale.y,
                    };
                    found = locate_exact(r);
                    k += 1.0;
                }
                cells[j * nx + i] = BOUNDARY | refs.len() as u16;
                refs.push((r, found.0 as u32));
                segments.extend(list.iter().map(|&s| all[s as usize]));
                starts.push(segments.len() as u32);
            }
        }
        // inner cells: flood fill runs of cells no line touches; one exact lookup per run
        let mut stack = Vec::new();
        for start in 0..nx * ny {
            if cells[start] != u16::MAX {
                continue;
            }
            let (i, j) = (start % nx, start / nx);
            let face = locate_exact(centre(i, j)).0 as u16;
            cells[start] = face;
            stack.push(start);
            while let Some(c) = stack.pop() {
                let (i, j) = (c % nx, c / nx);
                let mut visit = |n: usize| {
                    if cells[n] == u16::MAX {
                        cells[n] = face;
                        stack.push(n);
                    }
                };
                if i > 0 {
                    visit(c - 1);
                }
                if i + 1 < nx {
                    visit(c + 1);
                }
                if j > 0 {
                    visit(c - nx);
                }
                if j + 1 < ny {
                    visit(c + nx);
                }
            }
        }
        Some(FaceGrid {
            origin: min,
            scale,
            nx,
            ny,
            cells,
            starts,
            refs,
            segments,
        })
    }

    /// A one-cell grid that answers face 0, to hold the place while the real grid is built.
    pub(crate) fn placeholder() -> FaceGrid {
        FaceGrid {
            origin: Coord { x: 0.0, y: 0.0 },
            scale: Coord { x: 1.0, y: 1.0 },
            nx: 1,
            ny: 1,
            cells: vec![0],
            starts: vec![0],
            refs: Vec::new(),
            segments: Vec::new(),
        }
    }

    /// The face containing `p`, which must lie inside the frame (the caller checks). A point
    /// exactly on a line gets the face on the line's right; the answer is otherwise the same
    /// as an exact point-in-polygon test except for points within rounding error (~1e-15
    /// degrees) of a line.
    #[inline]
    pub fn locate(&self, p: Coord<f64>) -> usize {
        let i = (((p.x - self.origin.x) * self.scale.x) as usize).min(self.nx - 1);
        let j = (((p.y - self.origin.y) * self.scale.y) as usize).min(self.ny - 1);
        let cell = self.cells[j * self.nx + i];
        if cell & BOUNDARY == 0 {
            return cell as usize;
        }
        self.walk((cell & !BOUNDARY) as usize, p) as usize
    }

    /// The cell index of `p` (row-major), for sorting a batch so neighbours share a cache.
    #[inline]
    pub fn cell_of(&self, p: Coord<f64>) -> usize {
        let i = (((p.x - self.origin.x) * self.scale.x) as usize).min(self.nx - 1);
        let j = (((p.y - self.origin.y) * self.scale.y) as usize).min(self.ny - 1);
        j * self.nx + i
    }

    /// Branch-free walk over a boundary cell's segments: the crossing of reference→p nearest p.
    #[inline]
    fn walk(&self, b: usize, p: Coord<f64>) -> u32 {
        let (r, mut face) = self.refs[b];
        let d = p - r;
        // the nearest crossing so far at t = best_num / best_den along reference→p
        let (mut best_num, mut best_den) = (0.0f64, 1.0f64);
        let segs = &self.segments[self.starts[b] as usize..self.starts[b + 1] as usize];
        for s in segs {
            let e = s.b - s.a;
            let w = s.a - r;
            let den = d.x * e.y - d.y * e.x;
            // t = tn / den along reference→p, u = un / den along the segment; multiplying by
            // the sign of den keeps both fractions' denominators positive, so no division
            let sign = if den < 0.0 { -1.0 } else { 1.0 };
            let tn = (w.x * e.y - w.y * e.x) * sign;
            let un = (w.x * d.y - w.y * d.x) * sign;
            let ad = den * sign;
            // a crossing (parallel segments, ad == 0, never are) beyond the best so far
            // (`&` not `&&`: every test is evaluated, so there is no branch to mispredict)
            let hit = (ad > 0.0)
                & (tn <= ad)
                & (un >= 0.0)
                & (un <= ad)
                & (tn * best_den >= best_num * ad);
            let side = e.x * (p.y - s.a.y) - e.y * (p.x - s.a.x);
            let f = if side > 0.0 { s.left } else { s.right };
            face = if hit { f } else { face };
            best_num = if hit { tn } else { best_num };
            best_den = if hit { ad } else { best_den };
        }
        face
    }

    /// Heap memory of the grid in bytes.
    pub fn memory_bytes(&self) -> usize {
        self.cells.len() * std::mem::size_of::<u16>()
            + self.starts.len() * std::mem::size_of::<u32>()
            + self.refs.len() * std::mem::size_of::<(Coord<f64>, u32)>()
            + self.segments.len() * std::mem::size_of::<CellSegment>()
    }

    /// Number of boundary cells (cells some line crosses) and of segment entries in them.
    pub fn boundary_stats(&self) -> (usize, usize) {
        (self.refs.len(), self.segments.len())
    }
}
