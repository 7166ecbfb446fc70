//! The reading in which the Qiqihar (Manzhouli) agreement of 1911 never took effect: the Qing
//! never ratified it and the Republic of China declared it void in 1920, so the frontier of
//! 1727 stays the line, and the strip south of it Chinese, until the 1991 agreement took effect.

use serde_json::json;

use super::{bad, event, list, note_reading, parse};
use crate::data::{LINES_GEOJSON, TIMELINE_JSON};
use crate::error::Result;

/// The region of the strip the 1911 agreement moved.
const STRIP: &str = "Strip between the frontier of 1727 and that of 1911";

/// The dataset: the lines the 1911 event adds and removes move to the 1991 agreement's event
/// (`eastern_section_1991`, in force 16 Mar 1992), and the strip is Chinese until then. The
/// 1911 event stays in the timeline and moves nothing.
pub(super) fn qiqihar_void() -> Result<(String, String)> {
    let mut t = parse("timeline", TIMELINE_JSON)?;
    let e = event(&mut t, "qiqihar_1911")?;
    note_reading(
        e,
        "void, never ratified by the Qing and repudiated by the Republic of China in 1920; the 1727 line stays until the 1991 agreement.",
    );
    let add = std::mem::take(list(e, "add")?);
    let remove = std::mem::take(list(e, "remove")?);
    let later = event(&mut t, "eastern_section_1991")?;
    list(later, "add")?.extend(add);
    list(later, "remove")?.extend(remove);
    let strip = t["regions"]
        .as_array_mut()
        .and_then(|rs| {
            rs.iter_mut()
                .find(|r| r["name"].as_str().is_some_and(|n| n.starts_with(STRIP)))
        })
        .ok_or_else(|| bad(format!("no region {STRIP:?}")))?;
    strip["statuses"] = json!({"nerchinsk_1689": "china", "eastern_section_1991": "russia"});
    Ok((LINES_GEOJSON.to_string(), t.to_string()))
}
