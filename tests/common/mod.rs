//! Helpers shared by the integration tests.

/// WGS84 semi-major axis, metres.
pub const A: f64 = 6_378_137.0;
/// WGS84 flattening.
pub const F: f64 = 1.0 / 298.257_223_563;

/// Area on the WGS84 ellipsoid between the equator and latitude `lat`, per radian of longitude
/// (the authalic closed form: b^2/2 * q(lat)).
pub fn zone(lat_deg: f64) -> f64 {
    let e2 = F * (2.0 - F);
    let e = e2.sqrt();
    let b = A * (1.0 - F);
    let s = lat_deg.to_radians().sin();
    b * b / 2.0
        * (s / (1.0 - e2 * s * s) + (1.0 / (2.0 * e)) * ((1.0 + e * s) / (1.0 - e * s)).ln())
}
