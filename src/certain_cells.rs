//! Which small cells of the frame are certain in space in an epoch: a bit per cell (the fine
//! cells of the point-location grid, 1,024 x 1,024 on the embedded data, so that a lookup
//! already knows its cell), set when no treaty line in force comes within its own accuracy of
//! any point of the cell. A lookup with its certainty reads one bit for most points; only
//! points in cells near a line measure their distances.
//!
//! The bits are stored by the point-location grid's cells ([`SUB`] x [`SUB`] fine cells each,
//! 256 x 256 on the embedded data): 16 bits a cell, indexed as the lookup indexes its leaves,
//! so that the lookup's own cell and place in it find the bit without more arithmetic. A
//! second, coarse layer (a bit per grid cell, set when all its fine cells are certain: 8 KiB an
//! epoch, so every epoch's stays in the core's cache) answers for most points before the fine
//! bits (128 KiB an epoch) are read.

use std::ops::ControlFlow;

use geo_types::Coord;
use rayon::prelude::*;

use crate::chunks::bit;
use crate::ellipsoid::Place;
use crate::grid::SUB;
use crate::nearest::LinesGrid;

/// A grid cell's fine cells are the bits of a `u16`.
const _: () = assert!(SUB * SUB == u16::BITS as usize);

/// One epoch's bits; see the module docs.
#[derive(Debug, Clone)]
pub(crate) struct CertainCells {
    /// Fine cells a side.
    n: usize,
    /// Bit `s` of `bits[c]` is set if fine cell `s` (row-major) of grid cell `c` (row-major)
    /// is certain.
    bits: Vec<u16>,
    /// Bit `c % 64` of word `c / 64` is set if all fine cells of grid cell `c` are certain.
    blocks: Vec<u64>,
}

impl CertainCells {
    /// The bits over `n` x `n` fine cells (`n` a multiple of [`SUB`]) from `min` (lon/lat
    /// degrees), `scale` cells a degree along x and y, for the lines of `grid`, whose edge e
    /// has the accuracy `accuracy_km(e)` (at most `max_accuracy_km`). A cell is certain when
    /// every edge is farther from its centre than the edge's accuracy plus the cell's radius;
    /// cells too large for the grid's reach are left uncertain (slower, never wrong).
    pub(crate) fn build(
        grid: LinesGrid<'_>,
        accuracy_km: impl Fn(usize) -> f64 + Sync,
        max_accuracy_km: f64,
        min: Coord<f64>,
        scale: Coord<f64>,
        n: usize,
    ) -> CertainCells {
        assert_eq!(n % SUB, 0, "whole grid cells of fine cells");
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
        let certain = |i: usize, j: usize| {
            let centre = at(i as f64 + 0.5, j as f64 + 0.5);
            let radius = radius[j];
            // most cells: the distance grid's cell has no line within its reach
            if grid.all_farther_than(centre, grid.reach_km()) {
                true
            } else if max_accuracy_km + radius > grid.reach_km() {
                false
            } else {
                let mut near = false;
                grid.for_each_within(
                    centre,
                    max_accuracy_km + radius,
                    |edge| accuracy_km(edge) + radius,
                    |_| {
                        near = true;
                        ControlFlow::Break(())
                    },
                );
                !near
            }
        };
        let m = n / SUB;
        let bits: Vec<u16> = (0..m * m)
            .into_par_iter()
            .map(|c| {
                let (ci, cj) = (c % m * SUB, c / m * SUB);
                (0..SUB * SUB).fold(0u16, |word, s| {
                    word | (certain(ci + s % SUB, cj + s / SUB) as u16) << s
                })
            })
            .collect();
        let mut blocks = vec![0u64; m * m / 64 + 1];
        for (c, &word) in bits.iter().enumerate() {
            blocks[c / 64] |= ((word == u16::MAX) as u64) << (c % 64);
        }
        CertainCells { n, bits, blocks }
    }

    /// True if fine cell `sub` of grid cell `cell` is certain in space (both as
    /// [`crate::grid::FaceGrid::locate_in_frame_with_cell`] gives them).
    #[inline(always)]
    pub(crate) fn certain_at(&self, cell: usize, sub: usize) -> bool {
        bit(&self.blocks, cell) || self.bits[cell] >> sub & 1 == 1
    }

    /// The share of cells that are certain, 0 to 1.
    pub(crate) fn certain_share(&self) -> f64 {
        let set: u32 = self.bits.iter().map(|w| w.count_ones()).sum();
        set as f64 / (self.n * self.n) as f64
    }
}
