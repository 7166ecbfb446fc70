//! The nearest treaty line in force and its distance.

use std::sync::{Arc, OnceLock};

use geo_types::Point;

use crate::atlas::{Atlas, NearestBorder};
use crate::border::LineKind;
use crate::certain_cells::CertainCells;
use crate::chunks::ChunkSet;
use crate::date::Date;
use crate::error::Result;
use crate::nearest::{Nearest, NearestGrid, DISTANCE_CELLS};

impl Atlas {
    /// The treaty line in force on `date` nearest to `point` (WGS84 lon/lat degrees), and its
    /// distance in km along the WGS84 ellipsoid, from the point to the nearest point of the
    /// line (within 0.1% or 10 m of the geodesic distance up to 1,000 km: tests/distances.rs).
    /// A point at sea, or on uncovered land inside the frame, still has a nearest line. The
    /// first distance asked in an epoch builds that epoch's distance grid (tens of
    /// milliseconds); later ones take a fraction of a microsecond. Where no treaty line is in
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

    /// The distance grid of the treaty lines in force in `epoch`, built on first use.
    #[inline]
    pub(crate) fn distance_grid(&self, epoch: usize) -> &NearestGrid {
        built(&self.distance_grids[self.line_set[epoch]], || {
            let live = &self.in_force[epoch];
            NearestGrid::build(
                Arc::clone(self.distance_chunks()),
                |e| live[self.topo.edges[e].line],
                self.frame.min(),
                self.frame.max(),
                DISTANCE_CELLS,
                self.max_accuracy_km + CERTAIN_MARGIN_KM,
            )
        })
    }

    /// The chunks of every treaty line's edges, which the distance grids of all epochs share
    /// (built on first use).
    fn distance_chunks(&self) -> &Arc<ChunkSet> {
        built(&self.distance_chunks, || {
            let edges = self.topo.edges.iter().enumerate().filter_map(|(e, edge)| {
                (self.lines[edge.line].kind == LineKind::Border)
                    .then_some((e, edge.coords.as_slice()))
            });
            Arc::new(ChunkSet::build(edges))
        })
    }

    /// Which cells are certain in space in `epoch` (built on first use, from the distance
    /// grid).
    #[inline]
    pub(crate) fn certain_cells(&self, epoch: usize) -> &CertainCells {
        built(&self.certain_cells[self.line_set[epoch]], || {
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

    /// Each epoch measures from the grid of the first epoch with the same treaty lines in
    /// force, and only from such a one.
    #[test]
    fn epochs_share_a_grid_only_with_the_same_lines() {
        let atlas = embedded();
        let border = |e: usize| -> Vec<bool> {
            atlas.in_force[e]
                .iter()
                .zip(&atlas.lines)
                .map(|(&live, line)| live && line.kind == LineKind::Border)
                .collect()
        };
        let mut shared = 0;
        for e in 0..atlas.in_force.len() {
            let s = atlas.line_set[e];
            assert!(s <= e);
            assert_eq!(border(s), border(e), "epoch {e} uses epoch {s}'s grid");
            assert!((0..s).all(|f| border(f) != border(e)), "epoch {e}: not the first");
            shared += usize::from(s != e);
        }
        // the embedded timeline has events that move no line (1920, 1922: statuses only)
        assert!(shared >= 2, "{shared} epochs share another's grid");
    }
}
