//! The data shipped inside the library, and loaders for the same format from files.

use std::sync::OnceLock;

use crate::atlas::Atlas;
use crate::error::{Error, Result};

/// `data/lines.geojson`: treaty lines, coast, edges and frame.
pub const LINES_GEOJSON: &str = include_str!("../data/lines.geojson");
/// `data/timeline.json`: events and region statuses.
pub const TIMELINE_JSON: &str = include_str!("../data/timeline.json");
/// `data/reference.geojson`: lines shown for comparison, not used for territories.
pub const REFERENCE_GEOJSON: &str = include_str!("../data/reference.geojson");

/// The atlas built from the embedded data, once per process (about 0.1 s).
pub fn embedded() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| {
        Atlas::from_json(LINES_GEOJSON, TIMELINE_JSON)
            .expect("the embedded data are checked by the tests")
    })
}

/// Load an atlas from a lines GeoJSON file and a timeline JSON file of the same format as `data/`.
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
