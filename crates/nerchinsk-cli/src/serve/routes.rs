//! The API's handlers: each parses its parameters ([`Params`]), asks the core (the heavy answers
//! on a blocking thread, one per core at most, through the cache) and answers JSON, GeoJSON or
//! SVG.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use geo_types::Point;
use nerchinsk::{Date, Status};

use super::query::{ApiError, Params};
use super::{App, MAX_QUERY_BYTES};

const JSON: &str = "application/json";
const GEOJSON: &str = "application/geo+json";
const SVG: &str = "image/svg+xml";

/// The parameters of a request's query string, refusing one over [`MAX_QUERY_BYTES`] (414).
fn params(raw: &Option<String>, allowed: &[&str]) -> Result<Params, ApiError> {
    if raw.as_ref().is_some_and(|q| q.len() > MAX_QUERY_BYTES) {
        return Err(
            ApiError::bad("query", format!("longer than {MAX_QUERY_BYTES} bytes"))
                .with_status(StatusCode::URI_TOO_LONG),
        );
    }
    Params::parse(raw.as_deref(), allowed)
}

fn answer(content_type: &'static str, body: Bytes) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// `/api/at?lon=&lat=&date=[&reading=]`: the JSON of `nerchinsk at --json`.
pub async fn at(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = params(&q, &["lon", "lat", "date", "reading"])?;
    let lon = p.degrees("lon", 180.0)?;
    let lat = p.degrees("lat", 90.0)?;
    let date = p.date("date")?;
    let (_, atlas) = app.atlas_for(&p)?;
    let v = crate::at::answer_json(atlas, Point::new(lon, lat), date)
        .map_err(|e| ApiError::from_core(e, "date"))?;
    Ok(answer(JSON, v.to_string().into()))
}

/// Answers `content_type` computed by `work` on a blocking thread (at most one per core at
/// once), or taken from the cache under `key`.
async fn heavy(
    app: &Arc<App>,
    key: String,
    content_type: &'static str,
    work: impl FnOnce() -> Result<Vec<u8>, ApiError> + Send + 'static,
) -> Result<Response, ApiError> {
    if let Some(hit) = app.cache.get(&key) {
        return Ok(answer(content_type, hit));
    }
    let _permit = app.heavy.acquire().await.map_err(ApiError::internal)?;
    let body = Bytes::from(
        tokio::task::spawn_blocking(work)
            .await
            .map_err(ApiError::internal)??,
    );
    app.cache.put(key, body.clone());
    Ok(answer(content_type, body))
}

/// A FeatureCollection as JSON, or the core's refusal naming the date parameter `date_name`.
fn geojson_bytes(
    fc: nerchinsk::Result<geojson::FeatureCollection>,
    date_name: &str,
) -> Result<Vec<u8>, ApiError> {
    let fc = fc.map_err(|e| ApiError::from_core(e, date_name))?;
    serde_json::to_vec(&fc).map_err(ApiError::internal)
}

/// `/api/territories?date=[&reading=]`: the GeoJSON of `nerchinsk territories`.
pub async fn territories(
    State(app): State<Arc<App>>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    let p = params(&q, &["date", "reading"])?;
    let date = p.date("date")?;
    let (reading, atlas) = app.atlas_for(&p)?;
    let key = format!("territories {} {date}", reading.id());
    heavy(&app, key, GEOJSON, move || {
        geojson_bytes(atlas.territories_geojson_on(date), "date")
    })
    .await
}

/// `/api/changes?from=&to=[&reading=]`: the GeoJSON of `nerchinsk changes`.
pub async fn changes(
    State(app): State<Arc<App>>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    let p = params(&q, &["from", "to", "reading"])?;
    let (from, to) = (p.date("from")?, p.date("to")?);
    let (reading, atlas) = app.atlas_for(&p)?;
    for (name, d) in [("from", from), ("to", to)] {
        // a date before the first event: the error names its own parameter
        atlas
            .lines_in_force_on(d)
            .map_err(|e| ApiError::from_core(e, name))?;
    }
    let key = format!("changes {} {from} {to}", reading.id());
    heavy(&app, key, GEOJSON, move || {
        geojson_bytes(atlas.changes_geojson_between(from, to), "from")
    })
    .await
}

/// `/api/map.svg?date=[&reading=][&width=]`: the SVG of `nerchinsk map`, `width` pixels wide
/// (300 to 4000, 1000 when not given).
pub async fn map_svg(
    State(app): State<Arc<App>>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    let p = params(&q, &["date", "reading", "width"])?;
    let date = p.date("date")?;
    let width = p.whole("width", 300..=4000, 1000)?;
    let (reading, atlas) = app.atlas_for(&p)?;
    let key = format!("map {} {date} {width}", reading.id());
    heavy(&app, key, SVG, move || {
        crate::map::map_svg(atlas, date, f64::from(width))
            .map(String::into_bytes)
            .map_err(|e| ApiError::from_core(e, "date"))
    })
    .await
}

/// `/api/control?date=[&reading=]`: the areas of de facto control in effect on the date, as
/// GeoJSON polygons with `id`, `name`, `controller` (named as on the date), `claimed_by`,
/// `de_jure` (the de jure status a point must have for the area to apply, or `any`), `from`,
/// `to` (exclusive), `reason` and `accuracy_km`. Areas come in file order: the first that
/// applies to a point wins.
pub async fn control(
    State(app): State<Arc<App>>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    let p = params(&q, &["date", "reading"])?;
    let date = p.date("date")?;
    let (_, atlas) = app.atlas_for(&p)?;
    atlas
        .lines_in_force_on(date)
        .map_err(|e| ApiError::from_core(e, "date"))?;
    let features: Vec<serde_json::Value> = nerchinsk::control::embedded()
        .areas()
        .iter()
        .filter(|a| a.from <= date && date < a.to)
        .map(|a| {
            let controller = match atlas.state(&a.controller) {
                Some(state) => state.name_on(date).to_string(),
                None => a.controller.clone(),
            };
            let rings: Vec<Vec<[f64; 2]>> = std::iter::once(a.polygon.exterior())
                .chain(a.polygon.interiors())
                .map(|r| r.coords().map(|c| [c.x, c.y]).collect())
                .collect();
            serde_json::json!({
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": rings},
                "properties": {
                    "id": a.id, "name": a.name, "controller": controller,
                    "claimed_by": a.claimed_by,
                    "de_jure": a.de_jure.map_or("any", Status::as_str),
                    "from": a.from.to_string(), "to": a.to.to_string(),
                    "reason": a.reason, "accuracy_km": a.accuracy_km,
                }
            })
        })
        .collect();
    let fc = serde_json::json!({"type": "FeatureCollection", "features": features});
    Ok(answer(GEOJSON, fc.to_string().into()))
}

/// `/api/meta[?reading=]`: what the page needs before its first answer: the covered frame, the
/// events (for the slider's marks), the readings, the towns and the first date covered.
pub async fn meta(
    State(app): State<Arc<App>>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    let p = params(&q, &["reading"])?;
    let (reading, atlas) = app.atlas_for(&p)?;
    let f = atlas.frame();
    let opt = |d: Option<Date>| d.map(|d| d.to_string());
    let events: Vec<serde_json::Value> = atlas
        .events()
        .iter()
        .map(|e| {
            serde_json::json!({
                "id": e.id, "name": e.name, "date": e.date.to_string(),
                "signed": opt(e.signed), "in_force": opt(e.in_force), "text": e.text,
            })
        })
        .collect();
    let readings: Vec<serde_json::Value> = super::served_readings()
        .map(|r| serde_json::json!({"id": r.id(), "name": r.name()}))
        .collect();
    let towns: Vec<serde_json::Value> = super::towns()
        .iter()
        .map(
            |t| serde_json::json!({"name": t.name, "lon": t.lon, "lat": t.lat, "source": t.source}),
        )
        .collect();
    let v = serde_json::json!({
        "frame": [f.min().x, f.min().y, f.max().x, f.max().y],
        "first_date": atlas.events().first().map(|e| e.date.to_string()),
        "events": events,
        "readings": readings,
        "reading": reading.id(),
        "default_reading": app.default_reading.id(),
        "towns": towns,
    });
    Ok(answer(JSON, v.to_string().into()))
}

/// Any other path: 404 with a JSON error naming it.
pub async fn not_found(uri: Uri) -> ApiError {
    let path: String = uri.path().chars().take(80).collect();
    ApiError::bad("path", format!("no route {path:?}")).with_status(StatusCode::NOT_FOUND)
}
