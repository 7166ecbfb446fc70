//! Helpers for the loader tests: the embedded data as JSON values to edit, and the check that
//! a broken dataset fails with an error naming the file and what is wrong.
#![allow(dead_code)] // each test file uses some of them

use geo_types::Coord;
use nerchinsk::data::{LINES_GEOJSON, TIMELINE_JSON};
use nerchinsk::{Atlas, Error};
use serde_json::{json, Value};

pub fn lines() -> Value {
    serde_json::from_str(LINES_GEOJSON).unwrap()
}

pub fn timeline() -> Value {
    serde_json::from_str(TIMELINE_JSON).unwrap()
}

pub fn feature<'a>(l: &'a mut Value, id: &str) -> &'a mut Value {
    l["features"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|f| f["properties"]["id"] == id)
        .unwrap_or_else(|| panic!("no feature {id}"))
}

pub fn coords(l: &mut Value, id: &str) -> Vec<Coord<f64>> {
    feature(l, id)["geometry"]["coordinates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| Coord {
            x: c[0].as_f64().unwrap(),
            y: c[1].as_f64().unwrap(),
        })
        .collect()
}

pub fn set_coords(l: &mut Value, id: &str, cs: &[Coord<f64>]) {
    feature(l, id)["geometry"]["coordinates"] = cs.iter().map(|c| json!([c.x, c.y])).collect();
}

pub fn event<'a>(t: &'a mut Value, id: &str) -> &'a mut Value {
    t["events"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

pub fn region<'a>(t: &'a mut Value, starts: &str) -> &'a mut Value {
    t["regions"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|r| r["name"].as_str().unwrap().starts_with(starts))
        .unwrap_or_else(|| panic!("no region {starts}"))
}

/// Drop `id` from an event's add or remove list.
pub fn drop_from(t: &mut Value, ev: &str, list: &str, id: &str) {
    event(t, ev)[list]
        .as_array_mut()
        .unwrap()
        .retain(|x| x != id);
}

pub fn load(l: &Value, t: &Value) -> Result<Atlas, Error> {
    Atlas::from_json(&l.to_string(), &t.to_string())
}

/// The error message, checked to name the file and everything in `names`.
#[track_caller]
pub fn fails(l: &Value, t: &Value, file: &str, names: &[&str]) -> String {
    let e = match load(l, t) {
        Ok(_) => panic!("loaded, expected an error naming {names:?}"),
        Err(e) => e,
    };
    let Error::Data { file: f, .. } = &e else {
        panic!("not a data error: {e}");
    };
    assert_eq!(f, file, "{e}");
    let text = e.to_string();
    for n in names {
        assert!(text.contains(n), "{text:?} does not say {n:?}");
    }
    text
}

/// Replace segment `k` (vertices k, k+1) of a line by a small bow tie that crosses itself.
pub fn bow_tie(cs: &mut Vec<Coord<f64>>, k: usize) {
    let (a, b) = (cs[k], cs[k + 1]);
    let d = b - a;
    let n = Coord { x: -d.y, y: d.x } * 0.3;
    let at = |s: f64, o: f64| a + d * s + n * o;
    cs.splice(k + 1..k + 1, [at(0.6, 1.0), at(0.2, 1.0), at(0.4, -1.0)]);
}
