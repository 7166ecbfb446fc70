//! # nerchinsk
//!
//! Where the Sino-Russian border ran at any date since the Treaty of Nerchinsk (1689), which
//! state held a coordinate in a given year, and how much land changed hands at each treaty.
//!
//! The treaty lines are real hydrography and relief (GSHHG/WDBII, Natural Earth, ETOPO5; see
//! `data/README.md`), embedded in the library. Every line ever in force, the coast and the
//! edge of the covered area cut the land into faces; each face has a status per epoch, so the
//! territories of any date are unions of faces and nothing is drawn twice.
//!
//! ```
//! use geo_types::Point;
//! use nerchinsk::{nearest_border, sovereignty_at, Status};
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
//! let near = nearest_border(albazino, 1900).unwrap();
//! assert_eq!(near.line, "amur_upper");
//! assert!(near.distance_km < 5.0);
//! ```
//!
//! A year means 31 December of that year; [`Atlas::sovereignty_on`] takes a precise date.
//! Coordinates are `geo_types` points, x = longitude, y = latitude, WGS84 degrees.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod area;
pub mod atlas;
pub mod baseline;
pub mod border;
pub mod control;
pub mod data;
pub mod error;
pub mod export;
pub mod grid;
pub mod index;
#[cfg(feature = "proj")]
pub mod projected;
pub mod readings;
pub mod sample;
pub mod territory;
pub mod timeline;
mod validate;

pub use atlas::{AnswerId, Atlas, NearestBorder, Region, Sovereignty};
pub use border::{BorderLine, LineKind};
pub use control::control_at;
pub use error::{Error, Result};
pub use index::Side;
pub use timeline::{china_name, russia_name, Date, Event, Status};

use geo_types::Point;

/// Which state held `point` in `year` (as at 31 December), on the embedded data.
///
/// Errors for NaN or infinite coordinates, longitude or latitude out of range, a point at sea
/// or outside the covered area, and a year before 1689.
pub fn sovereignty_at(point: Point<f64>, year: i32) -> Result<Sovereignty<'static>> {
    data::embedded().sovereignty_at(point, year)
}

/// The treaty line in force at the end of `year` nearest to `point`, and its distance in km,
/// on the embedded data. Same errors as [`sovereignty_at`] except at sea or outside, where the
/// distance is still given (a point at sea or in Korea or Mongolia has a nearest line too).
pub fn nearest_border(point: Point<f64>, year: i32) -> Result<NearestBorder<'static>> {
    data::embedded().nearest_border(point, Date::end_of_year(year))
}

/// Which side of the treaty line `line_id` the point is on, on the embedded data.
pub fn side_of_line(line_id: &str, point: Point<f64>) -> Result<Side> {
    data::embedded().side_of_line(line_id, point)
}

/// The README's code blocks run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
