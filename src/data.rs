//! The data shipped inside the library, and loaders for the same format from files.
//!
//! The library covers two regions, each a dataset of its own ([`Atlas`]): the Sino-Russian
//! border ([`embedded`]) and Taiwan ([`taiwan`]). [`regions`] lists them and [`covering`]
//! finds the one whose frame holds a point; the functions at the crate root
//! ([`crate::sovereignty_at`]) ask it.

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

/// `data/taiwan_lines.geojson`: the coast rings of the Taiwan region (GSHHG full resolution),
/// the bridges that join them and the frame, in the format of [`LINES_GEOJSON`].
pub const TAIWAN_LINES_GEOJSON: &str = include_str!("../data/taiwan_lines.geojson");
/// `data/taiwan_timeline.json`: the states, events, region statuses and readings of the Taiwan
/// region, in the format of [`TIMELINE_JSON`].
pub const TAIWAN_TIMELINE_JSON: &str = include_str!("../data/taiwan_timeline.json");

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

/// The atlas of the Taiwan region ([`TAIWAN_LINES_GEOJSON`], [`TAIWAN_TIMELINE_JSON`]), built
/// once per process on first use, then shared. Never fails: the embedded data are checked by
/// the crate's tests.
///
/// ```
/// use geo_types::Point;
/// use nerchinsk::Status;
///
/// let taiwan = nerchinsk::data::taiwan();
/// let tainan = Point::new(120.1833, 22.9833);
/// assert_eq!(taiwan.sovereignty_at(tainan, 1700).unwrap().sovereign, "Qing Empire");
/// assert_eq!(taiwan.sovereignty_at(tainan, 1900).unwrap().status, Status::Japan);
/// ```
pub fn taiwan() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| {
        Atlas::from_json(TAIWAN_LINES_GEOJSON, TAIWAN_TIMELINE_JSON)
            .expect("the embedded data are checked by the tests")
    })
}

/// The embedded regions: the Sino-Russian border ([`embedded`]), then Taiwan ([`taiwan`]).
/// Their frames do not overlap.
///
/// ```
/// let ids: Vec<&str> = nerchinsk::data::regions().iter().map(|a| a.region_id()).collect();
/// assert_eq!(ids, ["sino_russian", "taiwan"]);
/// ```
pub fn regions() -> [&'static Atlas; 2] {
    [embedded(), taiwan()]
}

/// The embedded region with id `id` (`sino_russian` or `taiwan`), or `None`.
///
/// ```
/// assert_eq!(nerchinsk::data::region("taiwan").unwrap().region_name(), "Taiwan");
/// assert!(nerchinsk::data::region("korea").is_none());
/// ```
pub fn region(id: &str) -> Option<&'static Atlas> {
    regions().into_iter().find(|a| a.region_id() == id)
}

/// The embedded region whose frame ([`Atlas::frame`]) holds `point`; the Sino-Russian one
/// ([`embedded`]) for a point in no frame (or no coordinate), so that its errors say what is
/// covered. Only the Taiwan atlas is built for a point in Taiwan's frame.
///
/// ```
/// use geo_types::Point;
///
/// let taipei = Point::new(121.5167, 25.0667);
/// assert_eq!(nerchinsk::data::covering(taipei).region_id(), "taiwan");
/// assert_eq!(nerchinsk::data::covering(Point::new(127.53, 50.27)).region_id(), "sino_russian");
/// assert_eq!(nerchinsk::data::covering(Point::new(0.0, 0.0)).region_id(), "sino_russian");
/// ```
pub fn covering(point: geo_types::Point<f64>) -> &'static Atlas {
    // Taiwan's frame, as the lines file draws it: checked against the atlas by a test.
    const TAIWAN: [f64; 4] = [118.0, 123.0, 21.5, 26.5];
    let (x, y) = (point.x(), point.y());
    if (TAIWAN[0]..=TAIWAN[1]).contains(&x) && (TAIWAN[2]..=TAIWAN[3]).contains(&y) {
        taiwan()
    } else {
        embedded()
    }
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
