//! Points on the WGS84 ellipsoid in earth-centred coordinates (km), and distances along it
//! from the chord between two of them: what the distance grid measures with.

use geo_types::Coord;

/// WGS84 semi-major axis, km.
const A_KM: f64 = 6378.137;
/// WGS84 first eccentricity squared, f (2 − f) with f = 1 / 298.257223563.
const E2: f64 = 6.694_379_990_141_317e-3;

/// A point on the ellipsoid: its earth-centred coordinates (km) and what [`Place::arc_km`]
/// needs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place {
    pub xyz: [f64; 3],
    sin_lat: f64,
    cos_lat: f64,
    sin_lon: f64,
    cos_lon: f64,
}

impl Place {
    /// The point at longitude `c.x`, latitude `c.y` (degrees) on the WGS84 ellipsoid.
    #[inline]
    pub(crate) fn new(c: Coord<f64>) -> Place {
        let (sin_lat, cos_lat) = c.y.to_radians().sin_cos();
        let (sin_lon, cos_lon) = c.x.to_radians().sin_cos();
        Place::from_sines(sin_lat, cos_lat, sin_lon, cos_lon)
    }

    /// The point at longitude `c.x`, latitude `c.y` (degrees), from the sines and cosines of
    /// a longitude and a latitude nearby ([`Angle`]): within a degree of both, the angle-sum
    /// formulas with short series for the small difference, with no call to the
    /// trigonometric functions; farther, [`Place::new`].
    #[inline(always)]
    pub(crate) fn near(c: Coord<f64>, lon: &Angle, lat: &Angle) -> Place {
        if (c.x - lon.degrees).abs() >= 1.0 || (c.y - lat.degrees).abs() >= 1.0 {
            return Place::new(c);
        }
        let (sin_lon, cos_lon) = lon.shifted(c.x);
        let (sin_lat, cos_lat) = lat.shifted(c.y);
        Place::from_sines(sin_lat, cos_lat, sin_lon, cos_lon)
    }

    #[inline(always)]
    fn from_sines(sin_lat: f64, cos_lat: f64, sin_lon: f64, cos_lon: f64) -> Place {
        let n = A_KM / (1.0 - E2 * sin_lat * sin_lat).sqrt();
        Place {
            xyz: [
                n * cos_lat * cos_lon,
                n * cos_lat * sin_lon,
                n * (1.0 - E2) * sin_lat,
            ],
            sin_lat,
            cos_lat,
            sin_lon,
            cos_lon,
        }
    }

    /// The distance along the ellipsoid (km) to the point `q` of the ellipsoid `chord` km away
    /// in a straight line: the arc of the circle whose radius is the curvature of the normal
    /// section from here towards `q` (Euler's formula from the meridian and prime vertical
    /// radii), by its series (three terms: the next is below 1e-7 of the distance up to
    /// 3,000 km). Within a few parts in a million of the geodesic up to 1,000 km.
    #[inline]
    pub(crate) fn arc_km(&self, q: [f64; 3], chord: f64) -> f64 {
        let d = sub(q, self.xyz);
        // north and east components of the chord in the local frame
        let north = -self.sin_lat * self.cos_lon * d[0] - self.sin_lat * self.sin_lon * d[1]
            + self.cos_lat * d[2];
        let east = -self.sin_lon * d[0] + self.cos_lon * d[1];
        let h2 = north * north + east * east;
        if h2 == 0.0 {
            return chord;
        }
        let w2 = 1.0 - E2 * self.sin_lat * self.sin_lat;
        let prime_vertical = A_KM / w2.sqrt();
        let meridian = prime_vertical * (1.0 - E2) / w2;
        let curvature = (north * north / meridian + east * east / prime_vertical) / h2;
        // 2 r asin(c / 2r) = c (1 + y / 6 + 3 y² / 40 + 5 y³ / 112 + ...), y = (c / 2r)²
        let y = chord * chord * curvature * curvature / 4.0;
        chord * (1.0 + y * (1.0 / 6.0 + y * (3.0 / 40.0 + y * (5.0 / 112.0))))
    }
}

/// An angle in degrees with its sine and cosine, to take the sine and cosine of angles near it
/// without the trigonometric functions ([`Place::near`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Angle {
    degrees: f64,
    sin: f64,
    cos: f64,
}

impl Angle {
    pub(crate) fn new(degrees: f64) -> Angle {
        let (sin, cos) = degrees.to_radians().sin_cos();
        Angle { degrees, sin, cos }
    }

    /// The sine and cosine of `degrees`, within a degree of this angle: the series of the
    /// difference d (radians, |d| < 0.0175) stop at d^7/5040 and d^8/40320, below 1e-17.
    #[inline(always)]
    fn shifted(&self, degrees: f64) -> (f64, f64) {
        let d = (degrees - self.degrees).to_radians();
        let d2 = d * d;
        let sin_d = d * (1.0 - d2 / 6.0 * (1.0 - d2 / 20.0 * (1.0 - d2 / 42.0)));
        let cos_d = 1.0 - d2 / 2.0 * (1.0 - d2 / 12.0 * (1.0 - d2 / 30.0 * (1.0 - d2 / 56.0)));
        (
            self.sin * cos_d + self.cos * sin_d,
            self.cos * cos_d - self.sin * sin_d,
        )
    }
}

#[inline(always)]
pub(crate) fn sub(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

#[inline(always)]
pub(crate) fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}
