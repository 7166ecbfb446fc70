//! `nerchinsk.Error`: the library's errors as a Python exception, a subclass of `ValueError`
//! carrying the library's message.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

pyo3::create_exception!(
    nerchinsk,
    Error,
    PyValueError,
    "Bad input to nerchinsk: a coordinate that is NaN or out of range, a point at sea or \
     outside the covered area, a date before 1689 or that does not exist. The message is \
     the library's; `code` is its short name (not_finite, out_of_range, at_sea, outside, \
     before_coverage, invalid_date, unknown_line)."
);

/// `nerchinsk.Error` with `message`, and `code` (a short snake_case name of the kind of
/// error, as the library's `Error::code`) as its `code` attribute.
pub fn error(code: &'static str, message: impl Into<String>) -> PyErr {
    let err = Error::new_err(message.into());
    Python::attach(|py| {
        // an attribute of the instance: `except nerchinsk.Error as e: e.code`
        let _ = err.value(py).setattr("code", code);
    });
    err
}

/// `nerchinsk.Error` for an error of the library, with its message and code.
pub fn from_library(e: nerchinsk::Error) -> PyErr {
    error(e.code(), e.to_string())
}
