//! `nerchinsk at`: which state held one point on a date, as a sentence or a JSON object.

use geo_types::Point;
use nerchinsk::{Atlas, Date, Doubt, Error};
use serde_json::Value;

use crate::when::parse_when;

/// The answer for the point `lon`, `lat` (text, WGS84 degrees) on `when` (a year or a date
/// YYYY-MM-DD): a sentence, or with `json` one JSON object that adds the de facto control
/// ([`answer_json`]).
/// The atlas is the one of `atlases` whose frame holds the point ([`crate::pick`]).
pub fn at(
    atlases: &[&'static Atlas],
    lon: &str,
    lat: &str,
    when: &str,
    json: bool,
) -> Result<String, String> {
    let num = |s: &str, what: &str| {
        s.parse::<f64>()
            .map_err(|_| format!("{what} {s:?} is not a number"))
    };
    let (lon, lat) = (num(lon, "longitude")?, num(lat, "latitude")?);
    let date = parse_when(when)?;
    let point = Point::new(lon, lat);
    let atlas = crate::pick(atlases, point);
    if json {
        return answer_json(atlas, point, date)
            .map(|v| v.to_string())
            .map_err(|e| e.to_string());
    }
    let s = atlas
        .sovereignty_on(point, date)
        .map_err(|e| e.to_string())?;
    let near = atlas
        .nearest_border_on(point, date)
        .map_err(|e| e.to_string())?;
    let sure = atlas.certainty_on(point, date).map_err(|e| e.to_string())?;
    let doubt = match &sure.other_side {
        None => String::new(),
        Some(o) => format!(
            "; not certain: {} ({}) {}",
            o.sovereign,
            o.status,
            why_text(&o.why)
        ),
    };
    let line = if near.line.is_empty() {
        "no treaty line in force".to_string()
    } else {
        format!("{:.1} km from the {} line", near.distance_km, near.line)
    };
    Ok(format!(
        "{lon}, {lat} on {date}: {} ({}), set by the {}; {line}{doubt}",
        s.sovereign, s.status, s.treaty
    ))
}

/// The JSON object of `nerchinsk at --json` (and of the server's `/api/at`): status, sovereign,
/// treaty, the nearest line in force and its distance, the point and date, the de facto
/// `control` (from the embedded control layer) and `certain`, with `other_side` when not.
///
/// # Errors
/// As [`Atlas::sovereignty_on`]: coordinates not finite or out of range, at sea, outside the
/// covered area, a date before the first event.
pub fn answer_json(atlas: &Atlas, point: Point<f64>, date: Date) -> Result<Value, Error> {
    let s = atlas.sovereignty_on(point, date)?;
    let near = atlas.nearest_border_on(point, date)?;
    let sure = atlas.certainty_on(point, date)?;
    let c = nerchinsk::control::for_region(atlas.region_id()).control_on(atlas, point, date)?;
    // a region without treaty lines (Taiwan) has no nearest line: null, not infinity
    let distance = (!near.line.is_empty()).then(|| (near.distance_km * 1000.0).round() / 1000.0);
    let mut v = serde_json::json!({
        "status": s.status.as_str(), "sovereign": s.sovereign, "treaty": s.treaty,
        "distance_km": distance, "nearest_line": near.line,
        "lon": point.x(), "lat": point.y(), "year": date.year, "date": date.to_string(),
        "control": {"controller": c.controller, "side": c.side.map(|s| s.as_str()),
                    "area": c.area, "claimed_by": c.claimed_by, "reason": c.reason},
        "certain": sure.certain,
    });
    if let Some(o) = &sure.other_side {
        v["other_side"] = other_side_json(o);
    }
    Ok(v)
}

/// The `other_side` object of `at --json`.
fn other_side_json(o: &nerchinsk::OtherSide) -> Value {
    let mut v = serde_json::json!({
        "status": o.status.as_str(), "sovereign": o.sovereign, "why": o.why.as_str(),
    });
    match &o.why {
        Doubt::Space {
            line,
            accuracy_km,
            distance_km,
        } => {
            v["line"] = (*line).into();
            v["accuracy_km"] = (*accuracy_km).into();
            v["distance_km"] = ((distance_km * 1000.0).round() / 1000.0).into();
        }
        Doubt::Time { event, from, to } => {
            v["treaty"] = event.name.as_str().into();
            v["from"] = from.to_string().into();
            v["to"] = to.to_string().into();
        }
    }
    v
}

/// Why, in words, for the sentence.
fn why_text(why: &Doubt) -> String {
    match why {
        Doubt::Space { line, accuracy_km, distance_km } => format!(
            "across the {line} line, {distance_km:.1} km away, within its accuracy of {accuracy_km} km"
        ),
        Doubt::Time { event, from, to } => format!(
            "before the {} took effect ({from} to {to})",
            event.name
        ),
    }
}
