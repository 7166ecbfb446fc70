//! # nerchinsk
//!
//! Where the Sino-Russian border ran at any date since the Treaty of Nerchinsk (1689), which
//! state held a coordinate on a date and under which treaty, and how much land changed hands
//! at each treaty; and the same for Taiwan since the Qing annexation of 1683 (Qing, Japan, the
//! Republic of China, and the dispute since 1945-1949), a second region with states of its own.
//!
//! The treaty lines are real hydrography and relief (GSHHG/WDBII, Natural Earth, ETOPO5; see
//! `data/README.md`), embedded in the library. Every line ever in force, the coast and the
//! edge of the covered area cut the land into faces; each face has a status per epoch, so the
//! territories of any date are unions of faces and nothing is drawn twice.
//!
//! ```
//! use geo_types::Point;
//! use nerchinsk::{nearest_border_at, sovereignty_at, Status};
//!
//! // Albazino, the Russian fort the 1689 treaty had demolished, on the Amur's left bank.
//! let albazino = Point::new(124.0775, 53.39056);
//! let s1700 = sovereignty_at(albazino, 1700).unwrap();
//! assert_eq!(s1700.status, Status::China);
//! assert_eq!(s1700.sovereign, "Qing Empire");
//! let s1900 = sovereignty_at(albazino, 1900).unwrap();
//! assert_eq!(s1900.status, Status::Russia);
//! assert_eq!(s1900.treaty, "Treaty of Aigun");
//! // Albazino lies on the river, close to the line: how close?
//! let near = nearest_border_at(albazino, 1900).unwrap();
//! assert_eq!(near.line, "amur_upper");
//! assert!(near.distance_km < 5.0);
//! ```
//!
//! # Conventions
//! - Coordinates are `geo_types` points, x = longitude, y = latitude, WGS84 degrees.
//! - Names say what time they take: a function ending in `_at` takes a bare year, meaning
//!   31 December of that year (after that year's treaties); one ending in `_on` takes a
//!   [`Date`]; `_between` takes two dates and `_of` an event. A point comes first, then what
//!   is asked about it.
//! - Distances are in km and areas in km²; each function says whether it measures on the
//!   WGS84 ellipsoid (geodesic), on a sphere (haversine) or in the plane.
//! - Bad input is an [`Error`], never a panic.
//!
//! # Layout
//! [`Atlas`] is the dataset of one region: the lines ([`BorderLine`]), the timeline ([`Event`]s and
//! region statuses) and the states ([`State`]) with their names over time, as data. The
//! functions at the crate root ask the atlas embedded in the library whose frame holds the
//! point ([`data::embedded`] for the Sino-Russian border, [`data::taiwan`]);
//! [`data::load`] reads a dataset of the same format from files. `docs/ARCHITECTURE.md` says
//! which module owns what.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod area;
pub mod control;
pub mod data;
#[cfg(feature = "proj")]
pub mod projected;
pub mod readings;
pub mod territory;

mod atlas;
mod band;
mod baseline;
mod border;
mod certain_cells;
mod certainty;
mod certainty_batch;
mod changes;
mod chunks;
mod date;
mod distance;
mod ellipsoid;
mod eras;
mod error;
mod grid;
mod index;
mod load;
mod nearest;
mod query;
mod sample;
mod timeline;
mod topology;
mod validate;

pub use area::Transfer;
pub use atlas::{AnswerId, Atlas, NearestBorder, Region, Sovereignty};
pub use band::Band;
pub use border::{BorderLine, LineKind};
pub use certainty::{Certainty, Doubt, OtherSide};
pub use changes::Change;
pub use control::control_at;
pub use date::{Date, DateError};
pub use error::{Coverage, Error, Result};
pub use index::Side;
pub use timeline::{Event, MapStyle, Shared, State, StateName, Status, StatusError};

use geo_types::Point;

/// Which state held `point` at the end of `year` (31 December), on the embedded data: the
/// region whose frame holds the point ([`data::covering`]), Sino-Russian or Taiwan.
///
/// # Errors
/// [`Error::NotFinite`], [`Error::LongitudeOutOfRange`] or [`Error::LatitudeOutOfRange`] for a
/// point that is no coordinate; [`Error::AtSea`] and [`Error::OutsideCoverage`] for a point at
/// sea or on land the data do not cover; [`Error::BeforeCoverage`] for a year before 1689.
///
/// ```
/// use geo_types::Point;
/// use nerchinsk::{sovereignty_at, Error, Status};
///
/// let blagoveshchensk = Point::new(127.53, 50.27);
/// assert_eq!(sovereignty_at(blagoveshchensk, 1900).unwrap().status, Status::Russia);
/// assert!(matches!(sovereignty_at(blagoveshchensk, 1600), Err(Error::BeforeCoverage { .. })));
/// assert!(matches!(sovereignty_at(Point::new(f64::NAN, 50.0), 1900), Err(Error::NotFinite { .. })));
/// // Taipei, in the Taiwan region
/// let taipei = sovereignty_at(Point::new(121.5167, 25.0667), 1900).unwrap();
/// assert_eq!((taipei.status, taipei.sovereign), (Status::Japan, "Empire of Japan"));
/// ```
pub fn sovereignty_at(point: Point<f64>, year: i32) -> Result<Sovereignty<'static>> {
    data::covering(point).sovereignty_at(point, year)
}

/// The treaty line in force at the end of `year` nearest to `point`, and its distance in km
/// (along the WGS84 ellipsoid), on the embedded data of the region whose frame holds the point
/// ([`data::covering`]). See [`Atlas::nearest_border_on`].
///
/// # Errors
/// As [`sovereignty_at`], except that a point at sea or outside the covered area still has a
/// nearest line, so only points outside the frame's box are [`Error::OutsideCoverage`].
///
/// ```
/// use geo_types::Point;
/// use nerchinsk::nearest_border_at;
///
/// let blagoveshchensk = Point::new(127.53, 50.27);
/// let near = nearest_border_at(blagoveshchensk, 1900).unwrap();
/// assert_eq!(near.line, "amur_upper");
/// assert!(near.distance_km < 5.0);
/// ```
pub fn nearest_border_at(point: Point<f64>, year: i32) -> Result<NearestBorder<'static>> {
    data::covering(point).nearest_border_on(point, Date::end_of_year(year))
}

/// Which side of the line `line_id` (as digitised) `point` lies on, on the embedded data of
/// the region that has the line. See [`Atlas::side_of_line`].
///
/// # Errors
/// [`Error::UnknownLine`] for an id no line has; the coordinate errors of [`sovereignty_at`].
///
/// ```
/// use geo_types::Point;
/// use nerchinsk::{side_of_line, Side};
///
/// let blagoveshchensk = Point::new(127.53, 50.27);
/// let heihe = Point::new(127.49, 50.24);
/// assert_ne!(side_of_line(blagoveshchensk, "amur_upper").unwrap(), side_of_line(heihe, "amur_upper").unwrap());
/// ```
pub fn side_of_line(point: Point<f64>, line_id: &str) -> Result<Side> {
    match data::embedded().side_of_line(point, line_id) {
        Err(Error::UnknownLine(_)) => data::taiwan().side_of_line(point, line_id),
        other => other,
    }
}

/// Internals for the crate's own benchmarks and tests: the face topology, the grid, the
/// reference indexes and the query sets. Not part of the API: it changes without notice.
#[doc(hidden)]
pub mod internals {
    pub use crate::baseline::{verdict_of, IntervalTrees, Naive, Verdict};
    pub use crate::grid::FaceGrid;
    pub use crate::sample::{boundary_queries, uniform_queries, Rng, YEARS};
    pub use crate::topology::{Edge, Topology};

    /// The area of every face in the equal-area projection, km² (feature `proj`).
    #[cfg(feature = "proj")]
    pub fn face_areas_km2_projected(atlas: &Atlas) -> Result<Vec<f64>> {
        crate::projected::face_areas_km2_projected(atlas)
    }

    /// Every face reprojected to `to_crs`, indexed as the faces (feature `proj`).
    #[cfg(feature = "proj")]
    pub fn reproject_faces(atlas: &Atlas, to_crs: &str) -> Result<Vec<geo_types::Polygon<f64>>> {
        crate::projected::reproject_faces(atlas, to_crs)
    }

    use crate::{Atlas, Date, Result, Status};

    /// The distance (km) along the WGS84 ellipsoid between two lon/lat points as the distance
    /// grid measures it: the chord between their earth-centred positions, made an arc by the
    /// radius of curvature of the normal section in its direction.
    pub fn chord_arc_km(a: geo_types::Point<f64>, b: geo_types::Point<f64>) -> f64 {
        let (pa, pb) = (
            crate::ellipsoid::Place::new(a.0),
            crate::ellipsoid::Place::new(b.0),
        );
        let d = [0, 1, 2].map(|k| pb.xyz[k] - pa.xyz[k]);
        pa.arc_km(pb.xyz, (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]).sqrt())
    }

    /// What the atlas keeps private, for tests and benchmarks.
    pub trait AtlasInternals {
        /// The faces: the finest cut of the land by every line ever in force.
        fn topology(&self) -> &Topology;
        /// The point-location grid.
        fn grid(&self) -> &FaceGrid;
        /// The status of every face in the epoch `date` falls in.
        fn face_statuses(&self, date: Date) -> Result<&[Status]>;
        /// The index of the last event on or before `date`.
        fn epoch(&self, date: Date) -> Result<usize>;
        /// The geodesic area of every face, km².
        fn face_areas_km2(&self) -> Vec<f64>;
        /// The face holding `p` and whether `p` lies on a line, the exact way.
        fn locate_exact(&self, p: geo_types::Coord<f64>) -> (usize, bool);
        /// [`Atlas::certainty_on`] without the cells that skip the distances: every point
        /// measures them.
        fn certainty_measured(
            &self,
            point: geo_types::Point<f64>,
            date: Date,
        ) -> Result<crate::Certainty<'_>>;
        /// Heap memory of the distance grid, which serves every date, bytes (`date`: any date
        /// covered).
        fn distance_grid_bytes(&self, date: Date) -> Result<usize>;
        /// The share of the cells of the epoch `date` falls in that are certain in space.
        fn certain_share(&self, date: Date) -> Result<f64>;
    }

    impl AtlasInternals for Atlas {
        fn topology(&self) -> &Topology {
            &self.topo
        }
        fn grid(&self) -> &FaceGrid {
            &self.grid
        }
        fn face_statuses(&self, date: Date) -> Result<&[Status]> {
            Atlas::face_statuses(self, date)
        }
        fn epoch(&self, date: Date) -> Result<usize> {
            Atlas::epoch(self, date)
        }
        fn face_areas_km2(&self) -> Vec<f64> {
            Atlas::face_areas_km2(self).to_vec()
        }
        fn locate_exact(&self, p: geo_types::Coord<f64>) -> (usize, bool) {
            Atlas::locate_exact(self, p)
        }
        fn certainty_measured(
            &self,
            point: geo_types::Point<f64>,
            date: Date,
        ) -> Result<crate::Certainty<'_>> {
            self.certainty_with(point, date, false).map(|(_, c)| c)
        }
        fn distance_grid_bytes(&self, date: Date) -> Result<usize> {
            Ok(self.distance_grid(self.epoch(date)?).memory_bytes())
        }
        fn certain_share(&self, date: Date) -> Result<f64> {
            Ok(self.certain_cells(self.epoch(date)?).certain_share())
        }
    }
}

/// The README's code blocks run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
