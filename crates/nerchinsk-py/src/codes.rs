//! `sovereignty_codes`: the status of many points on one date as a `uint8` array, read from
//! the caller's arrays in place, with the GIL released and on every core.

use geo_types::Point;
use nerchinsk::{data::embedded, Atlas, Date, Error, Sovereignty, Status};
use numpy::ndarray::{s, ArrayView1};
use numpy::{PyArray1, PyReadonlyArray1, PyUntypedArrayMethods};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

use crate::error::{error, from_library};
use crate::when::{date_of, type_name};

/// The statuses in the order they are declared, which is the order of their codes
/// (`status as u8`).
const STATUSES: [Status; 6] = {
    use Status::{China, Joint, Outside, Russia, Sea, Undetermined};
    [Russia, China, Joint, Undetermined, Sea, Outside]
};

/// The code of a point that is no coordinate (NaN, infinite, out of range).
const INVALID: u8 = STATUSES.len() as u8;

/// The names of the codes, by code: the statuses (russia, china, joint, undetermined, sea,
/// outside), then `invalid_coordinate` for input that is no coordinate; the codes and names
/// 0 to 6 of the DataFusion crate's SQL `sovereignty_at`. `nerchinsk.STATUS`.
pub fn status_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = STATUSES.iter().map(|s| s.as_str()).collect();
    names.push("invalid_coordinate");
    names
}

/// Points per task: large enough that a task's set-up vanishes, small enough that two cores
/// share a few hundred thousand points evenly.
const CHUNK: usize = 1 << 14;

/// The code of a status: its place in [`STATUSES`].
#[inline(always)]
fn status_code(status: Status) -> u8 {
    status as u8
}

/// The code of a lookup's answer: its status, sea, outside or an invalid coordinate.
#[inline(always)]
fn answer_code(answer: nerchinsk::Result<Sovereignty<'_>>) -> u8 {
    match answer {
        Ok(s) => status_code(s.status),
        Err(Error::AtSea { .. }) => status_code(Status::Sea),
        Err(Error::OutsideCoverage { .. }) => status_code(Status::Outside),
        Err(_) => INVALID,
    }
}

/// A 1-D float64 view of `values`: a NumPy array as it is (any strides, no copy), anything
/// else through `numpy.asarray(values, dtype="float64")` (no copy for a float64 buffer).
fn float_array<'py>(
    values: &Bound<'py, PyAny>,
    name: &str,
) -> PyResult<PyReadonlyArray1<'py, f64>> {
    if let Ok(a) = values.extract::<PyReadonlyArray1<'py, f64>>() {
        return Ok(a);
    }
    let py = values.py();
    let converted = py
        .import("numpy")?
        .call_method1("asarray", (values, "float64"))
        .map_err(|e| {
            PyTypeError::new_err(format!(
                "{name} must be an array of numbers, not {} ({e})",
                type_name(values)
            ))
        })?;
    converted
        .extract::<PyReadonlyArray1<'py, f64>>()
        .map_err(|_| {
            let ndim = converted
                .getattr("ndim")
                .and_then(|n| n.extract::<usize>())
                .unwrap_or(0);
            PyTypeError::new_err(format!(
                "{name} must be a one-dimensional array of numbers, not {ndim}-dimensional"
            ))
        })
}

/// `out[i]` = the code of (`lon[i]`, `lat[i]`) on `date`, on every core; `year` when the date
/// is the end of a year, which the atlas looks up from a table.
fn fill_codes(
    atlas: &Atlas,
    lon: ArrayView1<'_, f64>,
    lat: ArrayView1<'_, f64>,
    date: Date,
    out: &mut [u8],
) {
    use rayon::prelude::*;
    let year = (date == Date::end_of_year(date.year)).then_some(date.year);
    out.par_chunks_mut(CHUNK).enumerate().for_each(|(k, out)| {
        let range = s![k * CHUNK..k * CHUNK + out.len()];
        let points = lon.slice(range).into_iter().zip(lat.slice(range));
        match year {
            Some(y) => {
                for (o, (&x, &y0)) in out.iter_mut().zip(points) {
                    *o = answer_code(atlas.sovereignty_at(Point::new(x, y0), y));
                }
            }
            None => {
                for (o, (&x, &y0)) in out.iter_mut().zip(points) {
                    *o = answer_code(atlas.sovereignty_on(Point::new(x, y0), date));
                }
            }
        }
    });
}

/// The status of many points on one date, as codes: a `uint8` array as long as `lon`, each
/// an index of `nerchinsk.STATUS` (russia, china, joint, undetermined, sea, outside,
/// invalid_coordinate). `lon` and `lat` are one-dimensional arrays of the same length: NumPy
/// float64 arrays are read in place (any strides), anything else with the buffer protocol or
/// a sequence of numbers through `numpy.asarray(..., dtype="float64")`. A NaN, infinite or
/// out-of-range coordinate is code 6, `invalid_coordinate`; the call releases the GIL and
/// runs on every core.
///
/// Raises `nerchinsk.Error` for arrays of different lengths and for a date before 1689 or
/// that does not exist; `TypeError` for arrays that are not one-dimensional arrays of
/// numbers or a date of the wrong type.
#[pyfunction]
pub fn sovereignty_codes<'py>(
    py: Python<'py>,
    lon: &Bound<'py, PyAny>,
    lat: &Bound<'py, PyAny>,
    year: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyArray1<u8>>> {
    let date = date_of(year).map_err(|e| e.into_py_err())?;
    let (lon, lat) = (float_array(lon, "lon")?, float_array(lat, "lat")?);
    if lon.len() != lat.len() {
        return Err(error(
            "invalid_input",
            format!(
                "lon and lat must have the same length, not {} and {}",
                lon.len(),
                lat.len()
            ),
        ));
    }
    let atlas = embedded();
    let first = atlas.events()[0].date;
    if date < first {
        return Err(from_library(Error::BeforeCoverage {
            date,
            first_date: first,
        }));
    }
    let (lon_view, lat_view) = (lon.as_array(), lat.as_array());
    let mut out = vec![0u8; lon_view.len()];
    py.detach(|| fill_codes(atlas, lon_view, lat_view, date, &mut out));
    Ok(PyArray1::from_vec(py, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_code_is_its_place_in_the_names() {
        let names = status_names();
        for (i, s) in STATUSES.iter().enumerate() {
            assert_eq!(status_code(*s) as usize, i);
            assert_eq!(names[i], s.as_str());
        }
        assert_eq!(names[INVALID as usize], "invalid_coordinate");
    }
}
