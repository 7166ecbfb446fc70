//! The nearest treaty line in force and its distance.

use std::sync::OnceLock;

use geo_types::Point;

use crate::atlas::{Atlas, NearestBorder};
use crate::certain_cells::CertainCells;
use crate::chunks::{border_edges, ChunkSet};
use crate::date::Date;
use crate::error::Result;
use crate::nearest::{LinesGrid, Nearest, NearestGrid, DISTANCE_CELLS};

impl Atlas {
    /// The treaty line in force on `date` nearest to `point` (WGS84 lon/lat degrees), and its
    /// distance in km along the WGS84 ellipsoid, from the point to the nearest point of the
    /// line (within 0.1% or 10 m of the geodesic distance up to 1,000 km: tests/distances.rs).
    /// A point at sea, or on uncovered land inside the frame, still has a nearest line. The
    /// first distance asked builds the distance grid of every date (about 0.1 s); later ones
    /// take a fraction of a microsecond. Where no treaty line is in
    /// force (the Taiwan region has none: its statuses change by cession, not by lines) the
    /// answer has an empty `line` and an infinite `distance_km`.
    ///
    /// # Errors
    /// [`Error::NotFinite`](crate::Error::NotFinite),
    /// [`Error::LongitudeOutOfRange`](crate::Error::LongitudeOutOfRange) or
    /// [`Error::LatitudeOutOfRange`](crate::Error::LatitudeOutOfRange) for a point that is no
    /// coordinate; [`Error::OutsideCoverage`](crate::Error::OutsideCoverage) for a point
    /// outside [`Atlas::frame`]; [`Error::BeforeCoverage`](crate::Error::BeforeCoverage) for a
    /// date before the first event.
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::{data::embedded, Date, Error};
    ///
    /// let atlas = embedded();
    /// let on = Date::new(1900, 1, 1).unwrap();
    /// let near = atlas.nearest_border_on(Point::new(127.53, 50.27), on).unwrap(); // Blagoveshchensk
    /// assert_eq!(near.line, "amur_upper");
    /// assert!(near.distance_km < 5.0);
    /// assert!(atlas.nearest_border_on(Point::new(135.5, 43.0), on).is_ok()); // at sea
    /// let west = atlas.nearest_border_on(Point::new(100.0, 50.0), on);
    /// assert!(matches!(west, Err(Error::OutsideCoverage { .. })));
    /// ```
    pub fn nearest_border_on(&self, point: Point<f64>, date: Date) -> Result<NearestBorder<'_>> {
        let p = self.check_point(point)?;
        let epoch = self.epoch(date)?;
        Ok(match self.distance_grid(epoch).nearest(p) {
            Some(Nearest { km, edge }) => NearestBorder {
                line: &self.lines[self.topo.edges[edge].line].id,
                distance_km: km,
            },
            None => NearestBorder {
                line: "",
                distance_km: f64::INFINITY,
            },
        })
    }

    /// The distance grid as the treaty lines in force in `epoch` see it (the grid of all
    /// epochs is built on first use).
    #[inline]
    pub(crate) fn distance_grid(&self, epoch: usize) -> LinesGrid<'_> {
        built(&self.distance_grid, || {
            // each set of lines as the edges in force in its first epoch
            let sets = self.line_set.iter().max().map_or(0, |&s| s + 1);
            let live: Vec<Vec<bool>> = (0..sets)
                .map(|s| {
                    let epoch = self.line_set.iter().position(|&e| e == s).unwrap_or(0);
                    let live = &self.in_force[epoch];
                    self.topo.edges.iter().map(|edge| live[edge.line]).collect()
                })
                .collect();
            NearestGrid::build(
                ChunkSet::build(border_edges(&self.topo, &self.lines)),
                &live,
                self.frame.min(),
                self.frame.max(),
                DISTANCE_CELLS,
                self.max_accuracy_km + CERTAIN_MARGIN_KM,
            )
        })
        .lines(self.line_set[epoch])
    }

    /// Where the cells certain in space in `epoch` are kept: one slot per set of lines.
    #[inline(always)]
    pub(crate) fn certain_cells_slot(&self, epoch: usize) -> &OnceLock<CertainCells> {
        &self.certain_cells[self.line_set[epoch]]
    }

    /// Which cells are certain in space in `epoch` (built on first use, from the distance
    /// grid).
    #[inline]
    pub(crate) fn certain_cells(&self, epoch: usize) -> &CertainCells {
        built(self.certain_cells_slot(epoch), || {
            let (origin, scale, n) = self.grid.fine_geometry();
            CertainCells::build(
                self.distance_grid(epoch),
                |edge| self.lines[self.topo.edges[edge].line].accuracy_km,
                self.max_accuracy_km,
                origin,
                scale,
                n,
            )
        })
    }
}

/// The value in `slot`, built by `build` on its first use: a load and a test on the hot path,
/// the build out of line.
#[inline(always)]
fn built<T>(slot: &OnceLock<T>, build: impl FnOnce() -> T) -> &T {
    match slot.get() {
        Some(value) => value,
        None => build_slot(slot, build),
    }
}

#[cold]
#[inline(never)]
fn build_slot<T>(slot: &OnceLock<T>, build: impl FnOnce() -> T) -> &T {
    slot.get_or_init(build)
}

/// Beyond the largest accuracy, how far the distance grid finds every line: more than the
/// radius of a cell of [`CertainCells`] (about 2.5 km on the embedded frame).
const CERTAIN_MARGIN_KM: f64 = 10.0;

/// One empty slot per epoch, for [`Atlas::distance_grid`] and [`Atlas::certain_cells`].
pub(crate) fn empty_slots<T>(epochs: usize) -> Vec<OnceLock<T>> {
    (0..epochs).map(|_| OnceLock::new()).collect()
}

#[cfg(test)]
mod tests {
    use crate::border::LineKind;
    use crate::data::embedded;

    /// Epochs share a set of lines exactly when the same treaty lines are in force.
    #[test]
    fn epochs_share_a_set_only_with_the_same_lines() {
        let atlas = embedded();
        let border = |e: usize| -> Vec<bool> {
            atlas.in_force[e]
                .iter()
                .zip(&atlas.lines)
                .map(|(&live, line)| live && line.kind == LineKind::Border)
                .collect()
        };
        let epochs = atlas.in_force.len();
        for e in 0..epochs {
            for f in 0..epochs {
                let same = atlas.line_set[e] == atlas.line_set[f];
                assert_eq!(same, border(e) == border(f), "epochs {e} and {f}");
            }
        }
        let sets = atlas.line_set.iter().max().unwrap() + 1;
        // the embedded timeline has events that move no line (1920, 1922: statuses only)
        assert!(sets + 2 <= epochs, "{sets} sets for {epochs} epochs");
        assert_eq!(atlas.certain_cells.len(), sets);
    }
}
