//! Whole-area answers: the territories of a date and what changed between two dates as GeoJSON
//! dicts, and the land that changed hands at each treaty.

use nerchinsk::data::embedded;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::error::from_library;
use crate::when::date_of;

/// A GeoJSON value as the dict (lists, floats, strings) `json.loads` makes of it.
fn geojson_dict<'py>(
    py: Python<'py>,
    collection: &geojson::FeatureCollection,
) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(collection)
        .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
    py.import("json")?.call_method1("loads", (text,))
}

/// The territories on `date` (as in `sovereignty_at`) as a GeoJSON FeatureCollection (a
/// dict): one feature per territory held by one holder, a (Multi)Polygon in lon/lat degrees
/// with the properties the library writes (status, sovereign, treaty, area in km² on the WGS84
/// ellipsoid).
///
/// Raises `nerchinsk.Error` for a date before 1689 or that does not exist.
#[pyfunction]
pub fn territories<'py>(py: Python<'py>, date: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let date = date_of(date).map_err(|e| e.into_py_err())?;
    let fc = embedded()
        .territories_geojson_on(date)
        .map_err(from_library)?;
    geojson_dict(py, &fc)
}

/// The uncertain band of each treaty line in force on `date` (dates as in `sovereignty_at`) as
/// a GeoJSON FeatureCollection (a dict): one MultiPolygon per line, every point within the
/// line's `accuracy_km` of it (widths along the WGS84 ellipsoid, to 1%), with the properties
/// kind ("uncertain_band"), line, name, accuracy_km, since, treaty, event, date and area_km2.
/// A land answer in a band is not certain in space where the line has land of another status
/// on its other side.
///
/// Raises `nerchinsk.Error` for a date before 1689 or that does not exist.
#[pyfunction]
pub fn uncertain_bands<'py>(
    py: Python<'py>,
    date: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let date = date_of(date).map_err(|e| e.into_py_err())?;
    let fc = embedded()
        .uncertain_bands_geojson_on(date)
        .map_err(from_library)?;
    geojson_dict(py, &fc)
}

/// The land whose status or holding state differs between dates `a` and `b` (either order;
/// dates as in `sovereignty_at`) as a GeoJSON FeatureCollection (a dict): one polygon per
/// connected piece, with the status and sovereign on each date and the geodesic area (km²,
/// WGS84). A state's new name alone is no change.
///
/// Raises `nerchinsk.Error` for a date before 1689 or that does not exist.
#[pyfunction]
pub fn changes<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let a = date_of(a).map_err(|e| e.into_py_err())?;
    let b = date_of(b).map_err(|e| e.into_py_err())?;
    let fc = embedded()
        .changes_geojson_between(a, b)
        .map_err(from_library)?;
    geojson_dict(py, &fc)
}

/// The land that changed hands at each treaty: a list of dicts, one per treaty and pair of
/// statuses, with `event` (the event's id), `treaty` (its name), `date` ("YYYY-MM-DD"),
/// `from` and `to` (statuses) and `km2` (geodesic area on the WGS84 ellipsoid), in the order
/// of the timeline. The first treaty has nothing before it, so no rows.
#[pyfunction]
pub fn ceded_area(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyDict>>> {
    let atlas = embedded();
    let mut rows = Vec::new();
    for event in atlas.events() {
        for t in atlas.transfers_of(&event.id).map_err(from_library)? {
            let row = PyDict::new(py);
            row.set_item("event", &event.id)?;
            row.set_item("treaty", &event.name)?;
            row.set_item("date", event.date.to_string())?;
            row.set_item("from", t.from.as_str())?;
            row.set_item("to", t.to.as_str())?;
            row.set_item("km2", t.km2)?;
            rows.push(row);
        }
    }
    Ok(rows)
}
