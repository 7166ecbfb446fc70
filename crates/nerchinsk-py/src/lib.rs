//! The Python module `nerchinsk` (its compiled part, `nerchinsk._nerchinsk`): which state held
//! a coordinate on a date on the Sino-Russian border since 1689, on the data embedded in the
//! library. The pandas and geopandas helpers are Python, in `python/nerchinsk/__init__.py`.

mod answers;
mod codes;
mod error;
mod maps;
mod rows;
mod when;

use pyo3::prelude::*;

/// The compiled core of the `nerchinsk` package; import `nerchinsk`, not this.
#[pymodule]
fn _nerchinsk(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("Error", py.get_type::<error::Error>())?;
    m.add("STATUS", codes::status_names())?;
    m.add_class::<answers::Sovereignty>()?;
    m.add_class::<answers::NearestBorder>()?;
    m.add_function(wrap_pyfunction!(answers::sovereignty_at, m)?)?;
    m.add_function(wrap_pyfunction!(answers::nearest_border, m)?)?;
    m.add_function(wrap_pyfunction!(codes::sovereignty_codes, m)?)?;
    m.add_function(wrap_pyfunction!(maps::territories, m)?)?;
    m.add_function(wrap_pyfunction!(maps::uncertain_bands, m)?)?;
    m.add_function(wrap_pyfunction!(maps::changes, m)?)?;
    m.add_function(wrap_pyfunction!(maps::ceded_area, m)?)?;
    m.add_function(wrap_pyfunction!(rows::classify_rows, m)?)?;
    Ok(())
}
