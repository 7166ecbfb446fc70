//! The data shipped inside the library, and loaders for the same format from files.

use std::sync::OnceLock;

use crate::atlas::Atlas;
use crate::error::{Error, Result};

/// `data/lines.geojson`: treaty lines, coast, edges and frame, a GeoJSON FeatureCollection
/// of LineStrings in WGS84 lon/lat degrees, as [`Atlas::from_json`] reads it.
pub const LINES_GEOJSON: &str = include_str!("../data/lines.geojson");
/// `data/timeline.json`: states, shared holdings, coverage, events and region statuses, as
/// [`Atlas::from_json`] reads it.
pub const TIMELINE_JSON: &str = include_str!("../data/timeline.json");
/// `data/reference.geojson`: lines shown for comparison (and the Amazar of
/// [`crate::readings::Reading::GreatGorbitsa`]), not used for territories.
pub const REFERENCE_GEOJSON: &str = include_str!("../data/reference.geojson");

/// The atlas built from the embedded data ([`LINES_GEOJSON`], [`TIMELINE_JSON`]), once per
/// process on first use (a fraction of a second), then shared. Never fails: the embedded data
/// are checked by the crate's tests.
///
/// ```
/// use geo_types::Point;
/// use nerchinsk::Status;
///
/// let atlas = nerchinsk::data::embedded();
/// assert!(std::ptr::eq(atlas, nerchinsk::data::embedded())); // built once
/// assert_eq!(atlas.sovereignty_at(Point::new(113.5, 52.03), 1900).unwrap().status, Status::Russia); // Chita
/// ```
pub fn embedded() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| {
        Atlas::from_json(LINES_GEOJSON, TIMELINE_JSON)
            .expect("the embedded data are checked by the tests")
    })
}

/// Load an atlas from a lines GeoJSON file and a timeline JSON file of the same format as
/// `data/`: [`Atlas::from_json`] on their text.
///
/// # Errors
/// [`Error::Data`] if a file cannot be read or is not a valid dataset; `file` then names the
/// path.
///
/// ```
/// use std::path::Path;
/// use nerchinsk::Error;
///
/// let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
/// let atlas = nerchinsk::data::load(&data.join("lines.geojson"), &data.join("timeline.json")).unwrap();
/// assert_eq!(atlas.events().len(), nerchinsk::data::embedded().events().len());
/// let missing = nerchinsk::data::load(&data.join("none.geojson"), &data.join("timeline.json"));
/// assert!(matches!(missing, Err(Error::Data { .. })));
/// ```
pub fn load(lines_path: &std::path::Path, timeline_path: &std::path::Path) -> Result<Atlas> {
    let read = |p: &std::path::Path| {
        std::fs::read_to_string(p).map_err(|e| Error::data(&p.display().to_string(), e.to_string()))
    };
    let (l, t) = (read(lines_path)?, read(timeline_path)?);
    Atlas::from_json(&l, &t).map_err(|e| match e {
        Error::Data { file, message } => {
            let path = if file == "lines" {
                lines_path
            } else {
                timeline_path
            };
            Error::Data {
                file: path.display().to_string(),
                message,
            }
        }
        other => other,
    })
}
