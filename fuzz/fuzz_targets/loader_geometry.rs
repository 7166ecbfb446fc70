//! Small datasets that always parse, with coordinates on a coarse grid so that shared
//! vertices, collinear segments, T-junctions, repeated points and crossings are common: the
//! geometry checks, the faces, the point-location grid and the statuses get exercised, not
//! just the JSON parser. `Atlas::from_json` must return Ok or an error, never panic; an atlas
//! that loads must answer queries and export territories without panicking, and its
//! territories must tile the frame (their planar areas add up to the land faces').
#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use serde_json::json;

#[derive(Arbitrary, Debug)]
struct Line {
    kind: u8,
    points: Vec<(u8, u8)>,
}

#[derive(Arbitrary, Debug)]
struct Event {
    year: u8,
    add: Vec<u8>,
    remove: Vec<u8>,
}

#[derive(Arbitrary, Debug)]
struct Region {
    x: u8,
    y: u8,
    statuses: Vec<(u8, u8)>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    frame: bool,
    lines: Vec<Line>,
    events: Vec<Event>,
    regions: Vec<Region>,
    probes: Vec<(u8, u8, u8)>,
}

/// Grid coordinates 0..=16 on a 0.5° grid from 120E 45N: the frame is 0..=16 both ways.
fn coord(x: u8, y: u8) -> [f64; 2] {
    [
        120.0 + f64::from(x % 17) * 0.5,
        45.0 + f64::from(y % 17) * 0.5,
    ]
}

const KINDS: [&str; 4] = ["border", "coast", "edge", "frame"];
const STATUSES: [&str; 6] = ["russia", "china", "joint", "undetermined", "sea", "outside"];

fn feature(id: &str, kind: &str, coords: Vec<[f64; 2]>) -> serde_json::Value {
    json!({
        "type": "Feature",
        "properties": {"id": id, "name": id, "role": "", "kind": kind, "source": "",
                       "licence": "", "accuracy_km": 0.0, "method": ""},
        "geometry": {"type": "LineString", "coordinates": coords}
    })
}

fuzz_target!(|input: Input| {
    let mut features = Vec::new();
    if input.frame {
        // a closed square frame with a vertex at every grid point of its edges
        let mut ring = Vec::new();
        for i in 0..16 {
            ring.push(coord(i, 0));
        }
        for i in 0..16 {
            ring.push(coord(16, i));
        }
        for i in (1..=16).rev() {
            ring.push(coord(i, 16));
        }
        for i in (1..=16).rev() {
            ring.push(coord(0, i));
        }
        ring.push(coord(0, 0));
        features.push(feature("frame", "frame", ring));
    }
    for (i, l) in input.lines.iter().take(8).enumerate() {
        let pts = l
            .points
            .iter()
            .take(12)
            .map(|&(x, y)| coord(x, y))
            .collect();
        features.push(feature(&format!("l{i}"), KINDS[l.kind as usize % 4], pts));
    }
    let n = features.len().max(1);
    let events: Vec<_> = input
        .events
        .iter()
        .take(4)
        .enumerate()
        .map(|(i, e)| {
            let ids = |v: &[u8]| -> Vec<String> {
                v.iter()
                    .take(4)
                    .map(|&k| format!("l{}", k as usize % n))
                    .collect()
            };
            json!({"id": format!("e{i}"), "name": format!("event {i}"),
                   "date": format!("{}-06-01", 1689 + i32::from(e.year)),
                   "add": ids(&e.add), "remove": ids(&e.remove)})
        })
        .collect();
    let ne = events.len().max(1);
    let regions: Vec<_> = input
        .regions
        .iter()
        .take(8)
        .enumerate()
        .map(|(i, r)| {
            let p = coord(r.x, r.y);
            let statuses: serde_json::Map<String, serde_json::Value> = r
                .statuses
                .iter()
                .take(4)
                .map(|&(e, s)| {
                    (
                        format!("e{}", e as usize % ne),
                        json!(STATUSES[s as usize % 6]),
                    )
                })
                .collect();
            json!({"name": format!("r{i}"), "point": [p[0] + 0.25, p[1] + 0.125],
                   "statuses": statuses})
        })
        .collect();
    let lines = json!({"type": "FeatureCollection", "features": features}).to_string();
    let states = json!([
        {"id": "russia", "status": "russia", "names": [{"name": "R"}, {"from": "1800-01-01", "name": "R2"}]},
        {"id": "china", "status": "china", "names": [{"name": "C"}]}
    ]);
    let shared = json!([
        {"id": "joint", "status": "joint", "name": "{russia} and {china}"},
        {"id": "undetermined", "status": "undetermined", "name": "between {russia} and {china}"}
    ]);
    let timeline = json!({"states": states, "shared": shared, "events": events, "regions": regions})
        .to_string();
    let Ok(atlas) = nerchinsk::Atlas::from_json(&lines, &timeline) else {
        return;
    };
    // an atlas that loads answers every query without panicking
    for &(x, y, e) in input.probes.iter().take(16) {
        let p = coord(x, y);
        let p = geo_types::Point::new(p[0] + f64::from(e % 4) * 0.1, p[1]);
        let date = atlas.events()[e as usize % atlas.events().len()].date;
        let fast = atlas.sovereignty_on(p, date);
        let _ = atlas.sovereignty_exact(p, date);
        let _ = atlas.nearest_border_on(p, date);
        let _ = atlas.side_of_line(p, "l0");
        let _ = fast;
    }
    for ev in atlas.events() {
        if let Ok(ts) = atlas.territories_on(ev.date) {
            for t in &ts {
                let _ = t.area_km2();
            }
        }
        let _ = atlas.territories_geojson_on(ev.date);
    }
});
