//! The rows of a table (`nerchinsk.classify` on a pandas DataFrame): each row's status,
//! sovereign and treaty, or `error:<code>` as its status, as the command line's `classify`
//! writes them; rows in, rows out.

use std::collections::HashMap;

use geo_types::Point;
use nerchinsk::{data::covering, Date};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::error::error;
use crate::when::{date_of, row_date};

/// A row's answer: the status, sovereign and treaty, or the code of why there is none.
type RowAnswer = Result<(&'static str, &'static str, &'static str), &'static str>;

/// The added columns of every row: `(status, sovereign, treaty)` as three lists as long as
/// `lon`, the status `error:<code>` (with sovereign and treaty None) for a row that cannot be
/// classified: `missing` and `bad_year` for the date, then the library's codes
/// (`not_finite`, `out_of_range`, `at_sea`, `outside`, `before_coverage`).
///
/// `dates` is one date for every row, or with `per_row` a sequence with each row's date (None
/// for a missing one; a whole float is a year). Lookups run with the GIL released, on every
/// core.
#[pyfunction]
#[pyo3(signature = (lon, lat, dates, per_row))]
pub fn classify_rows<'py>(
    py: Python<'py>,
    lon: Vec<f64>,
    lat: Vec<f64>,
    dates: &Bound<'py, PyAny>,
    per_row: bool,
) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyList>, Bound<'py, PyList>)> {
    if lon.len() != lat.len() {
        return Err(error(
            "invalid_input",
            format!("{} longitudes but {} latitudes", lon.len(), lat.len()),
        ));
    }
    let row_dates: Vec<Result<Date, &'static str>> = if per_row {
        let mut v = Vec::with_capacity(lon.len());
        for d in dates.try_iter()? {
            let d = d?;
            v.push(if d.is_none() {
                Err("missing")
            } else {
                row_date(&d).map_err(|_| "bad_year")
            });
        }
        if v.len() != lon.len() {
            return Err(error(
                "invalid_input",
                format!("{} dates for {} rows", v.len(), lon.len()),
            ));
        }
        v
    } else {
        let date = date_of(dates).map_err(|e| e.into_py_err())?;
        vec![Ok(date); lon.len()]
    };
    let answers: Vec<RowAnswer> = py.detach(|| answer_rows(&lon, &lat, &row_dates));
    columns(py, &answers)
}

/// Every row's answer, on every core, from the region whose frame holds the row's point.
fn answer_rows(lon: &[f64], lat: &[f64], dates: &[Result<Date, &'static str>]) -> Vec<RowAnswer> {
    use rayon::prelude::*;
    lon.par_iter()
        .zip(lat)
        .zip(dates)
        .map(|((&x, &y), date)| {
            let date = (*date)?;
            let point = Point::new(x, y);
            covering(point)
                .sovereignty_on(point, date)
                .map(|s| (s.status.as_str(), s.sovereign, s.treaty))
                .map_err(|e| e.code())
        })
        .collect()
}

/// The three columns as Python lists, one string object per distinct value.
fn columns<'py>(
    py: Python<'py>,
    answers: &[RowAnswer],
) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyList>, Bound<'py, PyList>)> {
    let mut strings: HashMap<&'static str, Bound<'py, PyString>> = HashMap::new();
    let mut text = |s: &'static str| -> Bound<'py, PyAny> {
        strings
            .entry(s)
            .or_insert_with(|| PyString::new(py, s))
            .clone()
            .into_any()
    };
    let (status, sovereign, treaty) = (PyList::empty(py), PyList::empty(py), PyList::empty(py));
    let none = py.None().into_bound(py);
    for a in answers {
        match a {
            Ok((st, so, tr)) => {
                status.append(text(st))?;
                sovereign.append(text(so))?;
                treaty.append(text(tr))?;
            }
            Err(code) => {
                status.append(format!("error:{code}"))?;
                sovereign.append(&none)?;
                treaty.append(&none)?;
            }
        }
    }
    Ok((status, sovereign, treaty))
}
