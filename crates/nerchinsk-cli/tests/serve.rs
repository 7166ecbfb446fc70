//! `nerchinsk serve`'s routes, in process through tower's `oneshot`: every route, every bad
//! parameter, the limits, and a property test that no query string gets a 5xx.

use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use nerchinsk::readings::Reading;
use nerchinsk_cli::serve::{router, App};
use proptest::prelude::*;
use serde_json::Value;
use tower::ServiceExt;

fn app() -> Router {
    static APP: OnceLock<Arc<App>> = OnceLock::new();
    router(
        APP.get_or_init(|| Arc::new(App::new(Reading::Standard).unwrap()))
            .clone(),
    )
}

/// One request on a fresh runtime: the status, the content type and the body.
fn get(uri: &str) -> (StatusCode, String, Vec<u8>) {
    send(Request::get(uri).body(Body::empty()).unwrap())
}

fn send(req: Request<Body>) -> (StatusCode, String, Vec<u8>) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let res = app().oneshot(req).await.unwrap();
        let status = res.status();
        let ctype = res
            .headers()
            .get(header::CONTENT_TYPE)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        (status, ctype, body)
    })
}

fn json(uri: &str) -> (StatusCode, Value) {
    let (status, ctype, body) = get(uri);
    assert!(ctype.contains("json"), "{uri}: {ctype}");
    (status, serde_json::from_slice(&body).unwrap())
}

/// A 400 whose error names `param`.
fn bad(uri: &str, param: &str) {
    let (status, v) = json(uri);
    assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {v}");
    let e = v["error"].as_str().unwrap();
    assert!(e.starts_with(&format!("{param}: ")), "{uri}: {e}");
}

#[test]
fn at_answers_as_the_command_line() {
    let (status, v) = json("/api/at?lon=135.07&lat=48.48&date=1859-12-31");
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["status"], "joint");
    assert_eq!(v["treaty"], "Treaty of Aigun");
    assert_eq!(v["nearest_line"], "amur_lower");
    assert_eq!(v["certain"], false);
    assert_eq!(v["other_side"]["status"], "china");
    assert_eq!(v["control"]["reason"], "de jure");
    // the same object as `at --json`, from the same code
    let cli = nerchinsk_cli::at::at(
        &[nerchinsk::data::embedded()],
        "135.07",
        "48.48",
        "1859-12-31",
        true,
    )
    .unwrap();
    assert_eq!(v, serde_json::from_str::<Value>(&cli).unwrap());
    // a year is 31 December; a reading moves the answer
    let (_, v) = json("/api/at?lon=120.3&lat=53.8&date=1700");
    assert_eq!(v["sovereign"], "Qing Empire");
    let (_, v) = json("/api/at?lon=120.3&lat=53.8&date=1700&reading=great_gorbitsa");
    assert_eq!(v["sovereign"], "Tsardom of Russia");
    // de facto: Manchukuo held Harbin in 1940
    let (_, v) = json("/api/at?lon=126.648&lat=45.752&date=1940-01-01");
    assert_eq!(v["status"], "china");
    assert!(v["control"]["controller"]
        .as_str()
        .unwrap()
        .starts_with("Manchukuo"));
}

#[test]
fn at_sea_and_outside_answer_as_the_command_line_does() {
    for (uri, code, arg) in [
        (
            "/api/at?lon=133&lat=42.5&date=1900",
            "at_sea",
            ["133", "42.5"],
        ),
        ("/api/at?lon=100&lat=50&date=1900", "outside", ["100", "50"]),
    ] {
        let (status, v) = json(uri);
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{uri}");
        assert_eq!(v["code"], code);
        let cli =
            nerchinsk_cli::at::at(&[nerchinsk::data::embedded()], arg[0], arg[1], "1900", true)
                .unwrap_err();
        assert_eq!(v["error"], cli.as_str());
    }
}

#[test]
fn every_bad_or_missing_parameter_is_a_400_naming_it() {
    bad("/api/at?lat=48&date=1900", "lon");
    bad("/api/at?lon=135&date=1900", "lat");
    bad("/api/at?lon=135&lat=48", "date");
    bad("/api/at?lon=east&lat=48&date=1900", "lon");
    bad("/api/at?lon=NaN&lat=48&date=1900", "lon");
    bad("/api/at?lon=inf&lat=48&date=1900", "lon");
    bad("/api/at?lon=181&lat=48&date=1900", "lon");
    bad("/api/at?lon=135&lat=-90.5&date=1900", "lat");
    bad("/api/at?lon=135&lat=&date=1900", "lat");
    bad("/api/at?lon=135&lat=48&date=soon", "date");
    bad("/api/at?lon=135&lat=48&date=1900-02-29", "date");
    bad("/api/at?lon=135&lat=48&date=1689-09-07", "date");
    bad("/api/at?lon=135&lat=48&date=99999999999", "date");
    bad("/api/at?lon=135&lat=48&date=1900&reading=qing", "reading");
    bad("/api/at?lon=135&lon=136&lat=48&date=1900", "lon");
    bad("/api/at?lon=135&lat=48&date=1900&year=1900", "\"year\"");
    bad("/api/territories", "date");
    bad("/api/territories?date=1600", "date");
    bad("/api/territories?date=1900&reading=", "reading");
    bad("/api/changes?to=1861", "from");
    bad("/api/changes?from=1857", "to");
    bad("/api/changes?from=1600&to=1861", "from");
    bad("/api/changes?from=1857&to=1688", "to");
    bad("/api/changes?from=1857&to=x", "to");
    bad("/api/map.svg?date=1600", "date");
    bad("/api/map.svg?date=1900&width=99", "width");
    bad("/api/map.svg?date=1900&width=wide", "width");
    bad("/api/map.svg", "date");
    bad("/api/control?date=1500", "date");
    bad("/api/control", "date");
    bad("/api/meta?reading=none", "reading");
    bad("/api/meta?date=1900", "\"date\"");
}

#[test]
fn territories_changes_and_control_are_geojson() {
    let (status, ctype, body) = get("/api/territories?date=1859");
    assert_eq!(
        (status, ctype.as_str()),
        (StatusCode::OK, "application/geo+json")
    );
    let v: Value = serde_json::from_slice(&body).unwrap();
    let fc = nerchinsk::data::embedded()
        .territories_geojson_on(nerchinsk::Date::end_of_year(1859))
        .unwrap();
    assert_eq!(v, serde_json::to_value(&fc).unwrap());
    assert!(v["features"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["properties"]["status"] == "joint"));
    // a second time from the cache, the same bytes
    assert_eq!(get("/api/territories?date=1859").2, body);

    let (status, v) = json("/api/changes?from=1857&to=1861");
    assert_eq!(status, StatusCode::OK);
    let to_russia: f64 = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["properties"]["from"] == "china" && f["properties"]["to"] == "russia")
        .map(|f| f["properties"]["area_km2"].as_f64().unwrap())
        .sum();
    // the mainland and the islands off it (docs/CLI.md)
    assert!((to_russia - 942_301.9).abs() < 1.0, "{to_russia}");
    let (_, v) = json("/api/changes?from=1900&to=1900-06-30");
    assert_eq!(v["features"].as_array().unwrap().len(), 0);

    let (_, v) = json("/api/control?date=1940-01-01");
    let ids: Vec<&str> = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"manchukuo") && !ids.contains(&"soviet_manchuria"),
        "{ids:?}"
    );
    let (_, v) = json("/api/control?date=1800");
    assert_eq!(v["features"].as_array().unwrap().len(), 0);
}

#[test]
fn the_map_is_the_command_lines_svg() {
    let (status, ctype, body) = get("/api/map.svg?date=1859-12-31&width=800");
    assert_eq!((status, ctype.as_str()), (StatusCode::OK, "image/svg+xml"));
    let svg = String::from_utf8(body).unwrap();
    let cli = nerchinsk_cli::map::map_svg(
        nerchinsk::data::embedded(),
        nerchinsk::Date::end_of_year(1859),
        800.0,
    )
    .unwrap();
    assert_eq!(svg, cli);
    let (_, _, body) = get("/api/map.svg?date=1700&reading=great_gorbitsa");
    assert!(String::from_utf8(body).unwrap().contains("width=\"1000\""));
}

#[test]
fn meta_has_events_readings_and_towns() {
    let (status, v) = json("/api/meta");
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["first_date"], "1689-09-08");
    assert_eq!(v["events"][0]["name"], "Treaty of Nerchinsk");
    // the readings of the region the explorer shows: not Taiwan's
    let ids: Vec<&str> = v["readings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let served: Vec<&str> = Reading::ALL
        .iter()
        .filter(|r| r.region() == "sino_russian")
        .map(|r| r.id())
        .collect();
    assert_eq!(ids, served);
    assert!(!ids.contains(&"prc"));
    let towns: Vec<&str> = v["towns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    for t in [
        "Nerchinsk",
        "Albazino",
        "Aigun",
        "Blagoveshchensk",
        "Khabarovsk",
        "Vladivostok",
        "Harbin",
        "Chita",
        "Kyakhta",
    ] {
        assert!(towns.contains(&t), "{t}");
    }
}

#[test]
fn every_town_is_on_land_on_its_side_today() {
    // the towns drawn for orientation are on the mainland and answer their own country today,
    // or say the answer is not certain with their country as the other side (Aigun is on the
    // bank, 0.1 km from the line, within its accuracy of 1 km)
    let atlas = nerchinsk::data::embedded();
    let today = nerchinsk::Date::new(2025, 1, 1).unwrap();
    for t in nerchinsk_cli::serve::towns() {
        let p = geo_types::Point::new(t.lon, t.lat);
        let s = atlas
            .sovereignty_on(p, today)
            .unwrap_or_else(|e| panic!("{}: {e}", t.name));
        let side = match ["Aigun", "Harbin"].contains(&t.name) {
            true => nerchinsk::Status::China,
            false => nerchinsk::Status::Russia,
        };
        let other = atlas.certainty_on(p, today).unwrap().other_side;
        assert!(
            s.status == side || other.is_some_and(|o| o.status == side),
            "{}: {}",
            t.name,
            s.status
        );
        assert!(!t.source.is_empty());
    }
    assert_eq!(nerchinsk_cli::serve::towns().len(), 9);
}

#[test]
fn the_page_and_its_files_are_served() {
    let (status, ctype, body) = get("/");
    assert_eq!(status, StatusCode::OK);
    assert!(ctype.starts_with("text/html"));
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains("type=\"range\"") && html.contains("explorer.js"));
    // offline: the page names no other host
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "{html}"
    );
    let (status, ctype, body) = get("/explorer.js");
    assert_eq!(status, StatusCode::OK);
    assert!(ctype.starts_with("text/javascript"));
    // the SVG namespace is a name, not an address
    let js = String::from_utf8(body)
        .unwrap()
        .replace("\"http://www.w3.org/2000/svg\"", "SVG_NS");
    assert!(!js.contains("http://") && !js.contains("https://"), "{js}");
    let (status, ctype, _) = get("/explorer.css");
    assert_eq!(status, StatusCode::OK);
    assert!(ctype.starts_with("text/css"));
}

#[test]
fn limits_unknown_paths_and_methods() {
    let (status, v) = json("/api/nothing");
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(v["error"].as_str().unwrap().contains("/api/nothing"));
    let long = format!("/api/at?lon={}&lat=48&date=1900", "1".repeat(3000));
    let (status, v) = json(&long);
    assert_eq!(status, StatusCode::URI_TOO_LONG);
    assert!(v["error"].as_str().unwrap().starts_with("query: "));
    let (status, _, _) = send(
        Request::post("/api/at?lon=135&lat=48&date=1900")
            .body(Body::from(vec![b'x'; 10]))
            .unwrap(),
    );
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    let (status, _, _) = send(
        Request::get("/api/at?lon=135&lat=48&date=1900")
            .header(header::CONTENT_LENGTH, "100000")
            .body(Body::from(vec![b'x'; 100_000]))
            .unwrap(),
    );
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

/// Query strings: any printable ASCII, or made of the routes' parameter names and values that
/// are near misses (numbers, dates, readings, escapes, empty).
fn query() -> impl Strategy<Value = String> {
    let name = prop_oneof![
        Just("lon"),
        Just("lat"),
        Just("date"),
        Just("from"),
        Just("to"),
        Just("reading"),
        Just("width"),
        Just("x"),
        Just(""),
    ];
    let value = prop_oneof![
        any::<f64>().prop_map(|v| v.to_string()),
        (-3000i64..3000).prop_map(|y| y.to_string()),
        (1600i32..2100, 0u8..14, 0u8..33).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        (100.0f64..145.0, 40.0f64..60.0).prop_map(|(a, b)| format!("{a}&lat={b}")),
        Just("great_gorbitsa".to_string()),
        Just("%FF%00".to_string()),
        "[ -~]{0,12}",
    ];
    let pairs = prop::collection::vec((name, value), 0..5).prop_map(|ps| {
        ps.iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    });
    prop_oneof![pairs, "[ -~]{0,40}"]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn no_query_string_gets_a_5xx(
        route in prop_oneof![
            Just("/api/at"), Just("/api/territories"), Just("/api/changes"),
            Just("/api/map.svg"), Just("/api/control"), Just("/api/meta"),
        ],
        q in query(),
    ) {
        // a query is put in the URI as it is where that makes a valid URI, else escaped
        let uri = format!("{route}?{q}");
        let uri = match uri.parse::<axum::http::Uri>() {
            Ok(_) => uri,
            Err(_) => format!("{route}?{}", q.bytes().map(|b| format!("%{b:02X}")).collect::<String>()),
        };
        let (status, ctype, body) = get(&uri);
        prop_assert!(!status.is_server_error(), "{uri}: {status}");
        if status != StatusCode::OK {
            prop_assert!(ctype.contains("json"), "{uri}: {ctype}");
            let v: Value = serde_json::from_slice(&body).unwrap();
            prop_assert!(v["error"].is_string());
        }
    }
}

/// One raw HTTP/1.1 exchange on a connection of its own: the response's text.
async fn raw(addr: std::net::SocketAddr, head: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(head.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out).await;
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn on_loopback_it_answers_refuses_a_huge_head_and_stops_when_asked() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(nerchinsk_cli::serve::serve(listener, app(), async {
            let _ = stopped.await;
        }));
        let ok = raw(
            addr,
            "GET /api/at?lon=135.07&lat=48.48&date=1859 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        )
        .await;
        assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
        assert!(ok.contains("\"status\":\"joint\""), "{ok}");
        let big = format!(
            "GET / HTTP/1.1\r\nHost: x\r\nX-Filler: {}\r\n\r\n",
            "a".repeat(nerchinsk_cli::serve::MAX_HEAD_BYTES + 1)
        );
        let refused = raw(addr, &big).await;
        assert!(refused.starts_with("HTTP/1.1 431"), "{refused}");
        stop.send(()).unwrap();
        server.await.unwrap();
        assert!(tokio::net::TcpStream::connect(addr).await.is_err());
    });
}
