//! The readings of Taiwan's status after 1945, as the Taiwan timeline states them: each region
//! may carry, beside its `statuses`, a `readings` object that maps a reading's id to the
//! statuses that differ under it. The dataset of a reading is the timeline with those merged
//! in; the readings' ids, names and sources are the timeline's top-level `readings`.

use serde_json::Value;

use super::{bad, parse};
use crate::data::{TAIWAN_LINES_GEOJSON, TAIWAN_TIMELINE_JSON};
use crate::error::Result;

/// The Taiwan dataset under the reading `id`: every region's statuses for `id` merged into its
/// own, and the reading's name appended to `about`. Fails if the timeline does not declare
/// the reading, or a region names a reading it does not declare.
pub(super) fn taiwan_reading(id: &str) -> Result<(String, String)> {
    let mut t = parse("taiwan timeline", TAIWAN_TIMELINE_JSON)?;
    let declared: Vec<String> = t["readings"]
        .as_array()
        .map(|rs| {
            rs.iter()
                .filter_map(|r| r["id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    if !declared.iter().any(|d| d == id) {
        return Err(bad(format!(
            "the Taiwan timeline declares no reading {id:?}"
        )));
    }
    let regions = t["regions"]
        .as_array_mut()
        .ok_or_else(|| bad("the Taiwan timeline has no regions"))?;
    for r in regions {
        let Some(readings) = r.get("readings").and_then(Value::as_object).cloned() else {
            continue;
        };
        if let Some(unknown) = readings.keys().find(|k| !declared.contains(k)) {
            return Err(bad(format!(
                "region {}: a reading {unknown:?} that the timeline does not declare",
                r["name"]
            )));
        }
        if let Some(changes) = readings.get(id).and_then(Value::as_object) {
            let name = r["name"].to_string();
            let statuses = r["statuses"]
                .as_object_mut()
                .ok_or_else(|| bad(format!("region {name}: no statuses")))?;
            for (event, holder) in changes {
                statuses.insert(event.clone(), holder.clone());
            }
        }
    }
    Ok((TAIWAN_LINES_GEOJSON.to_string(), t.to_string()))
}
