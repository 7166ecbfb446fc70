//! One point at a time: `sovereignty_at` (with how certain the answer is) and
//! `nearest_border`.

use geo_types::Point;
use nerchinsk::data::covering;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::error::from_library;
use crate::when::date_of;

/// Which state held a point on a date, as `sovereignty_at` answers.
///
/// Attributes: `status` ("russia", "china", "joint" or "undetermined"), `sovereign` (the
/// state's name on that date, e.g. "Qing Empire"), `treaty` (the event that set the status,
/// e.g. "Treaty of Nerchinsk"), `certain` (False when the point lies within a line's
/// accuracy of land of another status, or the date falls between a treaty's signing and its
/// entry into force), `doubt` ("space", "time" or None) and `other_sovereign` (the other
/// possible answer's sovereign, or None).
#[pyclass(frozen, get_all, module = "nerchinsk")]
pub struct Sovereignty {
    status: String,
    sovereign: String,
    treaty: String,
    certain: bool,
    doubt: Option<String>,
    other_sovereign: Option<String>,
}

#[pymethods]
impl Sovereignty {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Sovereignty(status={}, sovereign={}, treaty={}, certain={})",
            py_repr(py, &self.status)?,
            py_repr(py, &self.sovereign)?,
            py_repr(py, &self.treaty)?,
            if self.certain { "True" } else { "False" }
        ))
    }
}

/// Which state held the point (WGS84 degrees: longitude, latitude) on a date, in the region
/// whose frame holds it (the Sino-Russian border or Taiwan).
///
/// `year_or_date` is an int year (meaning 31 December of that year, so 1858 is after the
/// Treaty of Aigun), an ISO date string "YYYY-MM-DD" (or a year as text) or a
/// `datetime.date`. Returns a `Sovereignty` with `status`, `sovereign`, `treaty` and
/// `certain`.
///
/// Raises `nerchinsk.Error` (a `ValueError`) with the library's message for a NaN or
/// infinite coordinate, a longitude or latitude out of range, a point at sea or outside the
/// covered area, a date before the Treaty of Nerchinsk (7 September 1689) or one that does
/// not exist; `TypeError` for a value of the wrong type.
///
/// >>> nerchinsk.sovereignty_at(124.0775, 53.39056, 1700).sovereign  # Albazino
/// 'Qing Empire'
/// >>> nerchinsk.sovereignty_at(120.1833, 22.9833, 1900).status  # Tainan
/// 'japan'
#[pyfunction]
pub fn sovereignty_at(
    lon: f64,
    lat: f64,
    year_or_date: &Bound<'_, PyAny>,
) -> PyResult<Sovereignty> {
    let date = date_of(year_or_date).map_err(|e| e.into_py_err())?;
    let point = Point::new(lon, lat);
    let (s, c) = covering(point)
        .sovereignty_with_certainty_on(point, date)
        .map_err(from_library)?;
    let (doubt, other_sovereign) = match c.other_side {
        Some(o) => (
            Some(o.why.as_str().to_string()),
            Some(o.sovereign.to_string()),
        ),
        None => (None, None),
    };
    Ok(Sovereignty {
        status: s.status.as_str().to_string(),
        sovereign: s.sovereign.to_string(),
        treaty: s.treaty.to_string(),
        certain: c.certain,
        doubt,
        other_sovereign,
    })
}

/// The treaty line in force nearest to a point, as `nearest_border` answers: `line` (its id,
/// e.g. "amur_upper") and `distance_km` (along the WGS84 ellipsoid).
#[pyclass(frozen, get_all, module = "nerchinsk")]
pub struct NearestBorder {
    line: String,
    distance_km: f64,
}

#[pymethods]
impl NearestBorder {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "NearestBorder(line={}, distance_km={})",
            py_repr(py, &self.line)?,
            self.distance_km
        ))
    }
}

/// The treaty line in force on `date` nearest to the point, and its distance in km
/// (along the WGS84 ellipsoid). `date` as in `sovereignty_at`. A point at sea or on
/// uncovered land inside the covered frame still has a nearest line; in Taiwan, which has no
/// treaty lines, `line` is empty and `distance_km` infinite.
///
/// Raises `nerchinsk.Error` for a coordinate that is NaN, infinite or out of range, a point
/// outside the frame, or a date before 1689 or that does not exist.
#[pyfunction]
pub fn nearest_border(lon: f64, lat: f64, date: &Bound<'_, PyAny>) -> PyResult<NearestBorder> {
    let date = date_of(date).map_err(|e| e.into_py_err())?;
    let point = Point::new(lon, lat);
    let near = covering(point)
        .nearest_border_on(point, date)
        .map_err(from_library)?;
    Ok(NearestBorder {
        line: near.line.to_string(),
        distance_km: near.distance_km,
    })
}

/// Python's `repr` of a string (quoted as Python quotes it).
fn py_repr(py: Python<'_>, text: &str) -> PyResult<String> {
    Ok(PyString::new(py, text).repr()?.to_string())
}
