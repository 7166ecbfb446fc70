//! Areas in an equal-area projection, and the geometry reprojected to a CRS you name, through
//! PROJ (cargo feature `proj`; PROJ is built from its bundled source, with no network access).
//!
//! Why: the areas of [`crate::area`] are geodesic (Karney's method on WGS84). Here the same faces
//! are projected with PROJ into a Lambert azimuthal equal-area projection on WGS84 centred on the
//! covered area, and measured with the planar shoelace formula: an independent cross-check of
//! the geodesic figures (they agree to well under 0.1 %; `tests/projected.rs`). And the treaty
//! lines and faces can be exported to a national grid or any CRS PROJ knows (`"EPSG:32652"`,
//! `"EPSG:3857"`, a PROJ string ...), from its embedded database, offline.
//!
//! Input is always WGS84 lon/lat (EPSG:4326) with x = longitude; output is in the target CRS's
//! easting/northing (or lon/lat) order, whatever its official axis order (PROJ's
//! `proj_normalize_for_visualization`, which `proj::Proj::new_known_crs` applies).
//!
//! ```
//! use nerchinsk::data::embedded;
//! use nerchinsk::projected::{reproject_lines_on, status_areas_km2_on};
//! use nerchinsk::Date;
//!
//! let atlas = embedded();
//! let date = Date::end_of_year(1861);
//! let geodesic = atlas.status_areas_km2_on(date).unwrap();
//! let projected = status_areas_km2_on(atlas, date).unwrap();
//! for (status, g) in &geodesic {
//!     let p = projected[status];
//!     assert!((p - g).abs() <= 1e-3 * g, "{status}"); // 0.1 %
//! }
//! // The lines in force after the Convention of Peking, in UTM zone 52N (metres).
//! let lines = reproject_lines_on(atlas, Date::new(1861, 1, 1).unwrap(), "EPSG:32652").unwrap();
//! let (id, ussuri) = lines.iter().find(|(id, _)| id.starts_with("ussuri")).unwrap();
//! assert!(ussuri.0.iter().all(|c| c.y > 4_500_000.0 && c.y < 5_500_000.0), "{id}");
//! ```

use std::collections::BTreeMap;

use geo::{Area, Densify, Geodesic};
use geo_types::{Coord, LineString, Point, Polygon, Rect};
use proj::Proj;

use crate::area::Transfer;
use crate::atlas::Atlas;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::timeline::Status;

/// The CRS the input is in: WGS84 geographic, x = longitude (after normalisation).
pub const WGS84: &str = "EPSG:4326";

/// Before a face is projected for its area, its edges are densified along the geodesic so that
/// no piece is longer than this (metres): the geodesic areas take edges as geodesics too.
pub const DENSIFY_M: f64 = 1_000.0;

/// The Lambert azimuthal equal-area CRS on WGS84 centred on `frame` (lon/lat degrees), as a
/// PROJ string. Equal-area on the ellipsoid (through the authalic latitude), metres.
///
/// ```
/// use nerchinsk::{data::embedded, projected::equal_area_crs};
///
/// let crs = equal_area_crs(embedded().frame());
/// assert!(crs.starts_with("+proj=laea"));
/// ```
pub fn equal_area_crs(frame: Rect<f64>) -> String {
    let c = frame.center();
    format!(
        "+proj=laea +lat_0={} +lon_0={} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs",
        c.y, c.x
    )
}

/// A coordinate operation from WGS84 lon/lat to a CRS named by the user.
pub struct Reprojection {
    proj: Proj,
    to: String,
}

impl std::fmt::Debug for Reprojection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reprojection")
            .field("to", &self.to)
            .finish()
    }
}

impl Reprojection {
    /// From WGS84 lon/lat to `to_crs`: an `"AUTHORITY:CODE"` (`"EPSG:3857"`), a PROJ string
    /// (`"+proj=utm +zone=52 +datum=WGS84 +type=crs"`), a WKT or a CRS name from PROJ's database.
    /// An unknown or malformed CRS is an [`Error::Projection`].
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::projected::Reprojection;
    ///
    /// let utm52 = Reprojection::new("EPSG:32652").unwrap();
    /// let p = utm52.point(Point::new(129.0, 50.0)).unwrap(); // on the zone's central meridian
    /// assert!((p.x() - 500_000.0).abs() < 1.0);
    /// assert!(Reprojection::new("EPSG:0").is_err());
    /// ```
    pub fn new(to_crs: &str) -> Result<Reprojection> {
        let proj = Proj::new_known_crs(WGS84, to_crs, None).map_err(|e| {
            Error::Projection(format!("no operation from {WGS84} to {to_crs:?}: {e}"))
        })?;
        Ok(Reprojection {
            proj,
            to: to_crs.to_string(),
        })
    }

    /// The target CRS as given.
    pub fn target(&self) -> &str {
        &self.to
    }

    /// Reproject coordinates in place (x = longitude, y = latitude in; target order out).
    /// Errors, as elsewhere in the crate, for a coordinate that is not finite or out of range;
    /// [`Error::Projection`] for one PROJ cannot transform or that comes out infinite.
    pub fn coords(&self, coords: &mut [Coord<f64>]) -> Result<()> {
        for &c in coords.iter() {
            crate::query::check_coord(Point::from(c))?;
        }
        if coords.is_empty() {
            return Ok(());
        }
        let original = coords.to_vec();
        self.proj
            .convert_array(coords)
            .map_err(|e| Error::Projection(format!("to {:?}: {e}", self.to)))?;
        if let Some((c, _)) = original
            .iter()
            .zip(coords.iter())
            .find(|(_, out)| !out.x.is_finite() || !out.y.is_finite())
        {
            return Err(Error::Projection(format!(
                "lon {}, lat {} has no finite image in {:?}",
                c.x, c.y, self.to
            )));
        }
        Ok(())
    }

    /// Reproject one point.
    pub fn point(&self, p: Point<f64>) -> Result<Point<f64>> {
        let mut c = [p.0];
        self.coords(&mut c)?;
        Ok(Point(c[0]))
    }

    /// Reproject a line, vertex by vertex.
    pub fn line_string(&self, line: &LineString<f64>) -> Result<LineString<f64>> {
        let mut c = line.0.clone();
        self.coords(&mut c)?;
        Ok(LineString(c))
    }

    /// Reproject a polygon, vertex by vertex (holes included).
    pub fn polygon(&self, poly: &Polygon<f64>) -> Result<Polygon<f64>> {
        let exterior = self.line_string(poly.exterior())?;
        let interiors = poly
            .interiors()
            .iter()
            .map(|r| self.line_string(r))
            .collect::<Result<Vec<_>>>()?;
        Ok(Polygon::new(exterior, interiors))
    }
}

/// Area of each face of the atlas's topology in km², in the equal-area projection of
/// [`equal_area_crs`] (the outer face gets 0, as in `Atlas::face_areas_km2`). Each face is
/// densified along the geodesic to [`DENSIFY_M`], projected, and measured with the shoelace
/// formula. Faces are internal: tests reach this through `nerchinsk::internals`.
pub(crate) fn face_areas_km2_projected(atlas: &Atlas) -> Result<Vec<f64>> {
    let laea = Reprojection::new(&equal_area_crs(atlas.frame()))?;
    let topo = atlas.topology();
    topo.faces
        .iter()
        .enumerate()
        .map(|(f, poly)| {
            if f == topo.outer_face {
                Ok(0.0)
            } else {
                let dense = Geodesic.densify(poly, DENSIFY_M);
                Ok(laea.polygon(&dense)?.unsigned_area() / 1e6)
            }
        })
        .collect()
}

/// [`Atlas::status_areas_km2_on`] measured in the plane of [`equal_area_crs`] instead of on
/// the ellipsoid: km² by status on `date`, an independent check of the geodesic figures
/// (within about 0.1%).
///
/// # Errors
/// [`Error::BeforeCoverage`] before the first event; [`Error::Projection`] if PROJ fails.
///
/// ```
/// use nerchinsk::{data::embedded, projected, Date, Status};
///
/// let date = Date::end_of_year(1861);
/// let planar = projected::status_areas_km2_on(embedded(), date).unwrap();
/// let geodesic = embedded().status_areas_km2_on(date).unwrap();
/// let (p, g) = (planar[&Status::Russia], geodesic[&Status::Russia]);
/// assert!((p - g).abs() / g < 0.001, "{p} {g}");
/// ```
pub fn status_areas_km2_on(atlas: &Atlas, date: Date) -> Result<BTreeMap<Status, f64>> {
    atlas.status_areas_with(date, &face_areas_km2_projected(atlas)?)
}

/// [`Atlas::transfers_between`] measured in the plane of [`equal_area_crs`] (km²).
///
/// # Errors
/// [`Error::BeforeCoverage`] if either date is before the first event; [`Error::Projection`]
/// if PROJ fails.
pub fn transfers_between(atlas: &Atlas, before: Date, after: Date) -> Result<Vec<Transfer>> {
    atlas.transfers_between_with(before, after, &face_areas_km2_projected(atlas)?)
}

/// [`Atlas::transfers_of`] measured in the plane of [`equal_area_crs`] (km²).
///
/// # Errors
/// [`Error::Data`] for an event id the timeline lacks; [`Error::Projection`] if PROJ fails.
pub fn transfers_of(atlas: &Atlas, event_id: &str) -> Result<Vec<Transfer>> {
    match atlas.event_window(event_id)? {
        Some((prev, date)) => transfers_between(atlas, prev, date),
        None => Ok(Vec::new()),
    }
}

/// The treaty lines in force on `date` (as [`Atlas::lines_in_force_on`], in file order), with
/// their id, reprojected to `to_crs` vertex by vertex (no vertex is added); coordinates in the
/// target CRS's units and axis order.
///
/// # Errors
/// [`Error::BeforeCoverage`] before the first event; [`Error::Projection`] for an unknown CRS or
/// a vertex PROJ cannot transform.
///
/// ```
/// use nerchinsk::{data::embedded, projected, Date};
///
/// let lines = projected::reproject_lines_on(embedded(), Date::end_of_year(1900), "EPSG:3857").unwrap();
/// let (id, amur) = lines.iter().find(|(id, _)| id == "amur_upper").unwrap();
/// assert_eq!(id, "amur_upper");
/// assert!(amur.0[0].x > 1.0e7); // metres east of Greenwich in Web Mercator
/// assert!(projected::reproject_lines_on(embedded(), Date::end_of_year(1900), "EPSG:0").is_err());
/// ```
pub fn reproject_lines_on(
    atlas: &Atlas,
    date: Date,
    to_crs: &str,
) -> Result<Vec<(String, LineString<f64>)>> {
    let in_force = atlas.lines_in_force_on(date)?;
    let r = Reprojection::new(to_crs)?;
    atlas
        .lines()
        .iter()
        .filter(|l| in_force.contains(&l.id.as_str()))
        .map(|l| Ok((l.id.clone(), r.line_string(&l.geometry)?)))
        .collect()
}

/// Every face of the atlas's topology reprojected to `to_crs` vertex by vertex, indexed as the
/// faces (so `Atlas::face_statuses` applies); the outer face, which has no area, is an empty
/// polygon. Faces are internal: tests reach this through `nerchinsk::internals`.
pub(crate) fn reproject_faces(atlas: &Atlas, to_crs: &str) -> Result<Vec<Polygon<f64>>> {
    let r = Reprojection::new(to_crs)?;
    let topo = atlas.topology();
    topo.faces
        .iter()
        .enumerate()
        .map(|(f, poly)| {
            if f == topo.outer_face {
                Ok(Polygon::new(LineString(Vec::new()), Vec::new()))
            } else {
                r.polygon(poly)
            }
        })
        .collect()
}
