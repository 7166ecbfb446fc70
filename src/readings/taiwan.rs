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
    let t = with_reading(TAIWAN_TIMELINE_JSON, id)?;
    Ok((TAIWAN_LINES_GEOJSON.to_string(), t))
}

/// The timeline `text` with the statuses of the reading `id` merged into its regions' own.
fn with_reading(text: &str, id: &str) -> Result<String> {
    let mut t = parse("taiwan timeline", text)?;
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
    Ok(t.to_string())
}

#[cfg(test)]
mod tests {
    use super::with_reading;
    use crate::error::Error;

    const T: &str = r#"{"readings": [{"id": "a"}], "regions": [
        {"name": "x", "statuses": {"e1": "s1", "e2": "s2"}, "readings": {"a": {"e2": "s3"}}},
        {"name": "y", "statuses": {"e1": "s1"}}]}"#;

    #[test]
    fn a_reading_overrides_only_the_statuses_it_names() {
        let v: serde_json::Value = serde_json::from_str(&with_reading(T, "a").unwrap()).unwrap();
        assert_eq!(v["regions"][0]["statuses"]["e1"], "s1");
        assert_eq!(v["regions"][0]["statuses"]["e2"], "s3");
        assert_eq!(v["regions"][1]["statuses"]["e1"], "s1");
    }

    #[test]
    fn bad_readings_are_data_errors() {
        let err = |t: &str, id: &str| match with_reading(t, id) {
            Err(Error::Data { message, .. }) => message,
            other => panic!("{other:?}"),
        };
        assert!(err(T, "b").contains("no reading \"b\""));
        assert!(err("{", "a").contains("taiwan timeline"));
        assert!(err(r#"{"readings": [{"id": "a"}]}"#, "a").contains("no regions"));
        let undeclared = T.replace(r#""readings": {"a""#, r#""readings": {"z""#);
        assert!(err(&undeclared, "a").contains("\"z\""));
        let no_statuses = r#"{"readings": [{"id": "a"}], "regions": [{"name": "x", "readings": {"a": {"e": "s"}}}]}"#;
        assert!(err(no_statuses, "a").contains("no statuses"));
    }
}
