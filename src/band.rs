//! The uncertain band along each treaty line in force: the area within the line's accuracy of
//! it, where an answer may be not certain in space ([`Atlas::certainty_on`]).

use geo::orient::{Direction, Orient};
use geo::{unary_union, Area, Buffer, GeodesicArea};
use geo_types::{Coord, LineString, MultiPolygon, Polygon};

use crate::atlas::Atlas;
use crate::border::BorderLine;
use crate::date::Date;
use crate::error::Result;
use crate::territory::{polygon_features, round_tenth};
use crate::timeline::Event;

/// WGS84 semi-major axis (km) and first eccentricity squared.
const A_KM: f64 = 6378.137;
const E2: f64 = 6.694_379_990_141_316e-3;

/// A piece of a line is buffered in a plane of its own: at most this many degrees of latitude
/// from its first vertex (and twice that of longitude), so that the plane's east-west scale,
/// true at the piece's middle latitude, is off by less than 1% at its ends (at 57°N).
const PIECE_DEG: f64 = 0.4;

/// A polygon of less area than this (square degrees, about 10 m²) is a sliver of the union.
const SLIVER_DEG2: f64 = 1e-9;

/// The uncertain band of one treaty line in force on a date, as [`Atlas::uncertain_bands_on`]
/// gives it.
#[derive(Debug, Clone)]
pub struct Band<'a> {
    /// The line.
    pub line: &'a BorderLine,
    /// The event that put the line in force (as [`crate::territory::LineOnDate::in_force_since`]).
    pub since: &'a Event,
    /// Every point within the line's `accuracy_km` of it (lon/lat, WGS84 degrees; exteriors
    /// counter-clockwise, holes clockwise).
    pub polygon: MultiPolygon<f64>,
}

impl Band<'_> {
    /// Geodesic area on the WGS84 ellipsoid, km².
    pub fn area_km2(&self) -> f64 {
        self.polygon.geodesic_area_unsigned() / 1e6
    }
}

impl Atlas {
    /// The uncertain band of every treaty line in force on `date`, in the order of
    /// [`Atlas::lines`]: each line widened by its `accuracy_km` on either side, with round
    /// ends. A point in a band is as close to the line as the line's own error, so the
    /// answer there is not certain in space when the line separates it from land of another
    /// status ([`Atlas::certainty_on`]); where the line has the same status on both sides, or
    /// over the sea, the band marks no doubt.
    ///
    /// Widths are along the WGS84 ellipsoid, to within 1%: each piece of a line (at most 0.4° of
    /// latitude and 0.8° of longitude) is buffered in a plane tangent to the ellipsoid at its
    /// middle, with the ellipsoid's radii of curvature there, and the pieces are merged.
    ///
    /// # Errors
    ///
    /// [`crate::Error::BeforeCoverage`] for a date before the first event.
    ///
    /// # Examples
    ///
    /// ```
    /// use geo::Contains;
    /// use geo_types::Point;
    /// use nerchinsk::{data::embedded, Date};
    ///
    /// let bands = embedded().uncertain_bands_on(Date::end_of_year(2025)).unwrap();
    /// let amur = bands.iter().find(|b| b.line.id == "amur_upper").unwrap();
    /// // Xing'an, Heihe, 0.3 km from the line as drawn, whose accuracy is 1 km
    /// assert!(amur.polygon.contains(&Point::new(127.4932, 50.2477)));
    /// // Harbin is far from every line
    /// assert!(!bands.iter().any(|b| b.polygon.contains(&Point::new(126.63, 45.75))));
    /// ```
    pub fn uncertain_bands_on(&self, date: Date) -> Result<Vec<Band<'_>>> {
        Ok(self
            .lines_on(date)?
            .into_iter()
            .filter_map(|l| {
                let since = l.in_force_since?;
                (l.line.accuracy_km > 0.0).then(|| Band {
                    line: l.line,
                    since,
                    polygon: band_of(&l.line.geometry.0, l.line.accuracy_km),
                })
            })
            .collect())
    }

    /// The uncertain bands on `date` ([`Atlas::uncertain_bands_on`]) as a GeoJSON
    /// FeatureCollection of MultiPolygons, each with the properties `kind`
    /// (`"uncertain_band"`), `line` (the line's id), `name`, `accuracy_km`, `since` (the date
    /// of the event that put the line in force, YYYY-MM-DD), `treaty` (its name), `event` (its
    /// id), `date` (the date asked for) and `area_km2` (geodesic, WGS84, km², to 0.1).
    ///
    /// # Errors
    ///
    /// [`crate::Error::BeforeCoverage`] for a date before the first event.
    ///
    /// ```
    /// use nerchinsk::{data::embedded, Date};
    ///
    /// let fc = embedded().uncertain_bands_geojson_on(Date::end_of_year(1700)).unwrap();
    /// let crest = fc.features.iter().find(|f| f.property("line").unwrap() == "stanovoy_crest").unwrap();
    /// assert_eq!(crest.property("accuracy_km").unwrap(), 10.0);
    /// assert_eq!(crest.property("kind").unwrap(), "uncertain_band");
    /// ```
    pub fn uncertain_bands_geojson_on(&self, date: Date) -> Result<geojson::FeatureCollection> {
        let bands = self.uncertain_bands_on(date)?;
        Ok(polygon_features(bands.iter().map(|b| {
            let mut props = serde_json::Map::new();
            props.insert("kind".into(), "uncertain_band".into());
            props.insert("line".into(), b.line.id.as_str().into());
            props.insert("name".into(), b.line.name.as_str().into());
            props.insert("accuracy_km".into(), b.line.accuracy_km.into());
            props.insert("since".into(), b.since.date.to_string().into());
            props.insert("treaty".into(), b.since.name.as_str().into());
            props.insert("event".into(), b.since.id.as_str().into());
            props.insert("date".into(), date.to_string().into());
            props.insert("area_km2".into(), round_tenth(b.area_km2()).into());
            (&b.polygon, props)
        })))
    }
}

/// Every point within `km` of the line through `coords` (lon/lat degrees): the line cut into
/// pieces, each buffered in its own tangent plane, merged.
fn band_of(coords: &[Coord<f64>], km: f64) -> MultiPolygon<f64> {
    let dense = densified(coords, PIECE_DEG / 2.0);
    let mut pieces: Vec<MultiPolygon<f64>> = Vec::new();
    let mut start = 0;
    for i in 1..dense.len() {
        let last = i + 1 == dense.len();
        let far = (dense[i].y - dense[start].y).abs() >= PIECE_DEG
            || (dense[i].x - dense[start].x).abs() >= 2.0 * PIECE_DEG;
        if far || last {
            pieces.push(buffered(&dense[start..=i], km));
            start = i;
        }
    }
    let band = if pieces.is_empty() {
        buffered(&dense, km) // a line of one point
    } else {
        unary_union(pieces.iter())
    };
    // the union leaves a few slivers of no area where pieces meet (and no orientation, which
    // a geodesic area would take for the rest of the globe): dropped
    let band = MultiPolygon(
        band.0
            .into_iter()
            .filter(|p| p.unsigned_area() > SLIVER_DEG2)
            .collect(),
    );
    // exteriors counter-clockwise, holes clockwise: RFC 7946, and what geodesic areas expect
    band.orient(Direction::Default)
}

/// `coords` with vertices added so that no segment is longer than `step` degrees along either
/// axis.
fn densified(coords: &[Coord<f64>], step: f64) -> Vec<Coord<f64>> {
    let mut out = Vec::with_capacity(coords.len());
    for w in coords.windows(2) {
        let (a, b) = (w[0], w[1]);
        let n = (((b.x - a.x).abs().max((b.y - a.y).abs())) / step)
            .ceil()
            .max(1.0) as usize;
        out.extend((0..n).map(|k| a + (b - a) * (k as f64 / n as f64)));
    }
    out.extend(coords.last());
    out
}

/// The buffer of a short line by `km`, in the plane tangent to the WGS84 ellipsoid at its
/// middle (x east, y north, km), mapped back to lon/lat.
fn buffered(piece: &[Coord<f64>], km: f64) -> MultiPolygon<f64> {
    let (mut lo, mut hi) = (piece[0], piece[0]);
    for c in piece {
        lo = Coord {
            x: lo.x.min(c.x),
            y: lo.y.min(c.y),
        };
        hi = Coord {
            x: hi.x.max(c.x),
            y: hi.y.max(c.y),
        };
    }
    let mid = (lo + hi) / 2.0;
    let s = mid.y.to_radians().sin();
    let w = (1.0 - E2 * s * s).sqrt();
    // radii of curvature: in the meridian, and in the prime vertical times cos(latitude)
    let (km_per_rad_y, km_per_rad_x) = (
        A_KM * (1.0 - E2) / (w * w * w),
        A_KM / w * mid.y.to_radians().cos(),
    );
    let to_plane = |c: &Coord<f64>| Coord {
        x: (c.x - mid.x).to_radians() * km_per_rad_x,
        y: (c.y - mid.y).to_radians() * km_per_rad_y,
    };
    let from_plane = |c: Coord<f64>| Coord {
        x: mid.x + (c.x / km_per_rad_x).to_degrees(),
        y: mid.y + (c.y / km_per_rad_y).to_degrees(),
    };
    let line = LineString::from(piece.iter().map(to_plane).collect::<Vec<_>>());
    let band = line.buffer(km);
    MultiPolygon(
        band.0
            .into_iter()
            .map(|p| {
                let (ext, holes) = p.into_inner();
                Polygon::new(
                    ext.0.into_iter().map(from_plane).collect(),
                    holes
                        .into_iter()
                        .map(|h| h.0.into_iter().map(from_plane).collect())
                        .collect(),
                )
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Contains, Destination, Geodesic};
    use geo_types::Point;

    /// A band reaches as far as asked (Karney's distance on WGS84, to 1%), across a line and
    /// beyond its ends, near the frame's southern and northern edges.
    #[test]
    fn a_band_is_as_wide_as_asked_along_the_ellipsoid() {
        for lat in [42.5, 57.0] {
            let (s, n) = (Point::new(127.0, lat - 0.75), Point::new(127.0, lat + 0.75));
            let (w, e) = (Point::new(126.0, lat), Point::new(128.0, lat));
            let mid = Point::new(127.0, lat);
            // (line, [(from, bearing)]): across the middle both ways, and out past each end
            let cases = [
                ([s, n], [(mid, 90.0), (mid, 270.0), (n, 0.0), (s, 180.0)]),
                ([w, e], [(mid, 0.0), (mid, 180.0), (e, 90.0), (w, 270.0)]),
            ];
            for (line, checks) in cases {
                let band = band_of(&[line[0].0, line[1].0], 10.0);
                for (from, bearing) in checks {
                    let near = Geodesic.destination(from, bearing, 9_900.0);
                    let far = Geodesic.destination(from, bearing, 10_100.0);
                    assert!(band.contains(&near), "{lat} {from:?} {bearing}");
                    assert!(!band.contains(&far), "{lat} {from:?} {bearing}");
                }
            }
        }
    }
}
