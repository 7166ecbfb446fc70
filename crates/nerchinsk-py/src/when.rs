//! Dates from Python: an int year (as at 31 December), an ISO date string `YYYY-MM-DD` (or a
//! year as text) or a `datetime.date`. The only place the bindings read a date.

use nerchinsk::Date;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString};

use crate::error::error;

/// Why a value is no date: a bad value (`nerchinsk.Error`) or a value of the wrong type
/// (`TypeError`).
pub enum NotADate {
    /// A value of an accepted type that names no date: the message.
    Value(String),
    /// A value of a type that cannot be a date: the message.
    Type(String),
}

impl NotADate {
    /// As a Python exception: `nerchinsk.Error` for a bad value, `TypeError` for a bad type.
    pub fn into_py_err(self) -> PyErr {
        match self {
            NotADate::Value(m) => error("invalid_date", m),
            NotADate::Type(m) => PyTypeError::new_err(m),
        }
    }
}

/// The date `when` stands for: an int year (Python or NumPy, not a bool) means 31 December of
/// that year; a string is `YYYY-MM-DD` or a whole year; a `datetime.date` (or `datetime`, or a
/// pandas `Timestamp`) is that day.
pub fn date_of(when: &Bound<'_, PyAny>) -> Result<Date, NotADate> {
    if when.is_instance_of::<PyBool>() {
        return Err(NotADate::Type(
            "a date must be an int year, an ISO date string or a datetime.date, not a bool".into(),
        ));
    }
    if let Ok(text) = when.cast::<PyString>() {
        let text = text.to_cow().map_err(|e| NotADate::Value(e.to_string()))?;
        return parse_text(&text);
    }
    if is_calendar_date(when) {
        return calendar_date(when);
    }
    if when.is_instance_of::<PyFloat>() {
        return Err(NotADate::Type(format!(
            "a year must be a whole number of type int, not the float {when}"
        )));
    }
    let index = if when.is_instance_of::<PyInt>() {
        Some(when.clone())
    } else {
        // NumPy integers are no `int` but have `__index__`
        when.call_method0("__index__").ok()
    };
    match index {
        Some(i) => match i.extract::<i64>().ok().and_then(|y| i32::try_from(y).ok()) {
            Some(year) => Ok(Date::end_of_year(year)),
            None => Err(NotADate::Value(format!("year {i} is out of range"))),
        },
        None => Err(NotADate::Type(format!(
            "a date must be an int year, an ISO date string or a datetime.date, not {}",
            type_name(when)
        ))),
    }
}

/// A date of a row (`classify`): as [`date_of`], and a float that is a whole number is a year
/// (a pandas column of years with a missing value is a float column).
pub fn row_date(when: &Bound<'_, PyAny>) -> Result<Date, NotADate> {
    if let Ok(f) = when.cast::<PyFloat>() {
        let y = f.value();
        return if y.fract() == 0.0 && (i32::MIN as f64..=i32::MAX as f64).contains(&y) {
            Ok(Date::end_of_year(y as i32))
        } else {
            Err(NotADate::Value(format!("year {y} is not a whole year")))
        };
    }
    date_of(when)
}

/// A year (an optional minus sign and digits) or `YYYY-MM-DD`, blanks around allowed.
fn parse_text(text: &str) -> Result<Date, NotADate> {
    let t = text.trim();
    if t.contains('-') && !t.starts_with('-') {
        return Date::parse(t).map_err(|e| NotADate::Value(nerchinsk::Error::from(e).to_string()));
    }
    t.parse::<i32>().map(Date::end_of_year).map_err(|_| {
        NotADate::Value(format!(
            "not a valid date: {text:?} is not a whole year or a date YYYY-MM-DD"
        ))
    })
}

/// Whether `when` is a `datetime.date` (a `datetime.datetime` is one too).
fn is_calendar_date(when: &Bound<'_, PyAny>) -> bool {
    let py = when.py();
    py.import("datetime")
        .and_then(|m| m.getattr("date"))
        .and_then(|date| when.is_instance(&date))
        .unwrap_or(false)
}

/// The day of a `datetime.date`; pandas' `NaT` is one but has no day.
fn calendar_date(when: &Bound<'_, PyAny>) -> Result<Date, NotADate> {
    let part = |name: &str| -> Option<i64> { when.getattr(name).ok()?.extract::<i64>().ok() };
    let (Some(y), Some(m), Some(d)) = (part("year"), part("month"), part("day")) else {
        return Err(NotADate::Value(format!("not a valid date: {when}")));
    };
    let (y, m, d) = (
        i32::try_from(y).map_err(|_| NotADate::Value(format!("year {y} is out of range")))?,
        u8::try_from(m).unwrap_or(0),
        u8::try_from(d).unwrap_or(0),
    );
    Date::new(y, m, d).map_err(|e| NotADate::Value(nerchinsk::Error::from(e).to_string()))
}

/// The type's name, for the messages.
pub fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "an unknown type".into())
}
