//! Which small cells of the frame are certain in space in an epoch: a bit per cell (the fine
//! cells of the point-location grid, 1,024 x 1,024 on the embedded data, so that a lookup
//! already knows its cell), set when no
//! treaty line in force comes within its own accuracy of any point of the cell. A lookup with
//! its certainty reads one bit for most points; only points in cells near a line measure
//! their distances. A second, coarse layer (a bit per [`BLOCK`] x [`BLOCK`] cells, 8 KiB an
//! epoch, so every epoch's stays in the core's cache) answers for most points before the fine
//! bits (128 KiB an epoch) are read.

use geo_types::Coord;
use rayon::prelude::*;

use crate::ellipsoid::Place;
use crate::nearest::NearestGrid;

/// Cells along each axis of a block of the coarse layer.
const BLOCK: usize = 4;

/// One epoch's bits; see the module docs.
#[derive(Debug, Clone)]
pub(crate) struct CertainCells {
    /// Cells a side.
    n: usize,
    /// Bit `k % 64` of word `k / 64` is set if cell k (row-major) is certain.
    bits: Vec<u64>,
    /// The same for the blocks of `BLOCK` x `BLOCK` cells: set if all its cells are.
    blocks: Vec<u64>,
}

/// Bit `k` of a bit set of words.
#[inline(always)]
fn bit(words: &[u64], k: usize) -> bool {
    words[k / 64] >> (k % 64) & 1 == 1
}

impl CertainCells {
    /// The bits over `n` x `n` cells from `min` (lon/lat degrees), `scale` cells a degree along
    /// x and y, for the lines
    /// of `grid`, whose edge e has the accuracy `accuracy_km(e)` (at most `max_accuracy_km`). A cell is certain when every
    /// edge is farther from its centre than the edge's accuracy plus the cell's radius; cells
    /// too large for the grid's reach are left uncertain (slower, never wrong).
    pub(crate) fn build(
        grid: &NearestGrid,
        accuracy_km: impl Fn(usize) -> f64 + Sync,
        max_accuracy_km: f64,
        min: Coord<f64>,
        scale: Coord<f64>,
        n: usize,
    ) -> CertainCells {
        let at = |u: f64, v: f64| Coord {
            x: min.x + u / scale.x,
            y: min.y + v / scale.y,
        };
        // a cell's radius depends on its row only (its latitude): the corners are its farthest
        // points at this size; 1% for the arc against the chord and the bulge of its edges
        let radius: Vec<f64> = (0..n)
            .map(|j| {
                let j = j as f64;
                let c = Place::new(at(0.5, j + 0.5)).xyz;
                1.01 * [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)]
                    .iter()
                    .map(|&(u, v)| {
                        let d = Place::new(at(u, j + v)).xyz;
                        let e = [d[0] - c[0], d[1] - c[1], d[2] - c[2]];
                        (e[0] * e[0] + e[1] * e[1] + e[2] * e[2]).sqrt()
                    })
                    .fold(0.0, f64::max)
            })
            .collect();
        let words: Vec<u64> = (0..n * n / 64 + 1)
            .into_par_iter()
            .map(|w| {
                let mut word = 0u64;
                for b in 0..64 {
                    let k = w * 64 + b;
                    if k >= n * n {
                        break;
                    }
                    let (i, j) = (k % n, k / n);
                    let centre = at(i as f64 + 0.5, j as f64 + 0.5);
                    let radius = radius[j];
                    // most cells: the distance grid's cell has no line within its reach
                    let certain = if grid.all_farther_than(centre, grid.reach_km()) {
                        true
                    } else if max_accuracy_km + radius > grid.reach_km() {
                        false
                    } else {
                        let mut near = false;
                        grid.for_each_within(
                            centre,
                            max_accuracy_km + radius,
                            |edge| accuracy_km(edge) + radius,
                            |_| near = true,
                        );
                        !near
                    };
                    word |= (certain as u64) << b;
                }
                word
            })
            .collect();
        let m = n.div_ceil(BLOCK);
        let mut blocks = vec![0u64; m * m / 64 + 1];
        for b in 0..m * m {
            let (bi, bj) = (b % m * BLOCK, b / m * BLOCK);
            let all = (bj..(bj + BLOCK).min(n))
                .all(|j| (bi..(bi + BLOCK).min(n)).all(|i| bit(&words, j * n + i)));
            blocks[b / 64] |= (all as u64) << (b % 64);
        }
        CertainCells {
            n,
            bits: words,
            blocks,
        }
    }

    /// True if cell (`i`, `j`) is certain in space.
    #[inline(always)]
    pub(crate) fn certain_at(&self, i: usize, j: usize) -> bool {
        let m = self.n.div_ceil(BLOCK);
        bit(&self.blocks, j / BLOCK * m + i / BLOCK) || bit(&self.bits, j * self.n + i)
    }

    /// The share of cells that are certain, 0 to 1.
    pub(crate) fn certain_share(&self) -> f64 {
        let set: u32 = self.bits.iter().map(|w| w.count_ones()).sum();
        set as f64 / (self.n * self.n) as f64
    }
}
