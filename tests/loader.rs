//! Loading a user's own lines file: every problem is an error naming the file, the feature and
//! the problem. Each test mutates the embedded data (`data/lines.geojson`,
//! `data/timeline.json`) as JSON values, so the tests follow the data when they change.

use geo::kernels::{Kernel, Orientation, RobustKernel};
use geo_types::{Coord, Point};
use nerchinsk::data::{LINES_GEOJSON, TIMELINE_JSON};
use nerchinsk::internals::AtlasInternals;
use nerchinsk::readings::Reading;
use nerchinsk::{Atlas, Date, Status};
use serde_json::{json, Value};

mod loader_common;
use loader_common::*;

#[test]
fn the_great_gorbitsa_reading_loads_and_moves_the_1689_line() {
    let (l, t) = Reading::GreatGorbitsa.dataset().unwrap();
    let atlas = Atlas::from_json(&l, &t).unwrap_or_else(|e| panic!("{e}"));
    let ours = nerchinsk::data::embedded();
    // north of the Shilka between the two Gorbitsas: Qing in our reading, Russian in the other
    let wedge = Point::new(120.3, 53.45);
    assert_eq!(
        ours.sovereignty_at(wedge, 1700).unwrap().status,
        Status::China
    );
    assert_eq!(
        atlas.sovereignty_at(wedge, 1700).unwrap().status,
        Status::Russia
    );
    // elsewhere the two readings agree, and after Aigun they agree everywhere
    for (lon, lat) in [
        (116.58, 51.98),
        (127.27, 53.73),
        (126.63, 45.75),
        (133.5, 53.75),
    ] {
        let p = Point::new(lon, lat);
        for year in [1700, 1859, 1861, 1950] {
            assert_eq!(
                atlas.sovereignty_at(p, year).unwrap().status,
                ours.sovereignty_at(p, year).unwrap().status,
                "{lon} {lat} {year}"
            );
        }
    }
    assert_eq!(
        atlas.sovereignty_at(wedge, 1900).unwrap().status,
        Status::Russia
    );
    assert!(atlas
        .lines_in_force_on(Date::end_of_year(1700))
        .unwrap()
        .contains(&"great_gorbitsa"));
}

#[test]
fn malformed_json() {
    let (l, t) = (lines(), timeline());
    let cut = &LINES_GEOJSON[..LINES_GEOJSON.len() / 2];
    let e = Atlas::from_json(cut, &t.to_string())
        .err()
        .unwrap()
        .to_string();
    assert!(e.starts_with("lines: not valid JSON"), "{e}");
    assert!(e.contains("line 1 column"), "{e}");
    let e = Atlas::from_json(&l.to_string(), "{\"events\": [}")
        .err()
        .unwrap()
        .to_string();
    assert!(e.starts_with("timeline: not valid JSON"), "{e}");
    // valid JSON, but not a FeatureCollection
    let e = Atlas::from_json("[1, 2]", TIMELINE_JSON)
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("FeatureCollection"), "{e}");
}

#[test]
fn wrong_geometry_type_and_bad_properties() {
    let t = timeline();
    let mut l = lines();
    let cs = feature(&mut l, "uda")["geometry"]["coordinates"].clone();
    feature(&mut l, "uda")["geometry"] = json!({"type": "MultiLineString", "coordinates": [cs]});
    fails(
        &l,
        &t,
        "lines",
        &["\"uda\"", "MultiLineString", "expected LineString"],
    );

    let mut l = lines();
    feature(&mut l, "uda")["geometry"] = json!({"type": "Point", "coordinates": [130.0, 54.0]});
    fails(&l, &t, "lines", &["\"uda\"", "Point"]);

    let mut l = lines();
    feature(&mut l, "uda")["geometry"] = Value::Null;
    fails(&l, &t, "lines", &["\"uda\"", "no geometry"]);

    let mut l = lines();
    feature(&mut l, "uda")["properties"]["kind"] = json!("river");
    fails(&l, &t, "lines", &["\"uda\"", "river"]);

    let mut l = lines();
    feature(&mut l, "uda")["properties"]
        .as_object_mut()
        .unwrap()
        .remove("accuracy_km");
    fails(&l, &t, "lines", &["\"uda\"", "accuracy_km"]);

    // a feature without an id is named by its number
    let mut l = lines();
    feature(&mut l, "uda")["properties"]
        .as_object_mut()
        .unwrap()
        .remove("id");
    let n = lines()["features"]
        .as_array()
        .unwrap()
        .iter()
        .position(|f| f["properties"]["id"] == "uda")
        .unwrap();
    fails(&l, &t, "lines", &[&format!("feature number {n}"), "id"]);
}

#[test]
fn bad_coordinates() {
    let t = timeline();
    let mut l = lines();
    let mut cs = coords(&mut l, "gorbitsa");
    cs[2] = Coord { x: 53.5, y: 119.3 }; // lat, lon swapped
    set_coords(&mut l, "gorbitsa", &cs);
    fails(
        &l,
        &t,
        "lines",
        &["\"gorbitsa\"", "outside lon -180..180, lat -90..90"],
    );

    let mut l = lines();
    let mut cs = coords(&mut l, "gorbitsa");
    cs.insert(2, cs[2]);
    set_coords(&mut l, "gorbitsa", &cs);
    fails(
        &l,
        &t,
        "lines",
        &["\"gorbitsa\"", "repeats vertex 2", "zero length"],
    );

    let mut l = lines();
    let cs = coords(&mut l, "gorbitsa");
    set_coords(&mut l, "gorbitsa", &cs[..1]);
    fails(
        &l,
        &t,
        "lines",
        &["\"gorbitsa\"", "fewer than two vertices"],
    );

    let mut l = lines();
    let dup = feature(&mut l, "gorbitsa").clone();
    l["features"].as_array_mut().unwrap().push(dup);
    fails(&l, &t, "lines", &["two features have the id \"gorbitsa\""]);
}

#[test]
fn a_line_that_crosses_itself() {
    let t = timeline();
    let mut l = lines();
    let mut cs = coords(&mut l, "stanovoy_crest");
    let k = cs.len() / 2;
    bow_tie(&mut cs, k);
    set_coords(&mut l, "stanovoy_crest", &cs);
    fails(
        &l,
        &t,
        "lines",
        &[
            "feature \"stanovoy_crest\" crosses itself",
            "away from a shared vertex",
        ],
    );

    // coming back to one of its own vertices
    let mut l = lines();
    let mut cs = coords(&mut l, "stanovoy_crest");
    let k = cs.len() / 2;
    let back = [
        cs[k + 1] + (cs[k + 1] - cs[k]) * 0.5,
        cs[k - 1] + (cs[k] - cs[k + 2]) * 0.1,
        cs[k],
    ];
    cs.splice(k + 2..k + 2, back);
    set_coords(&mut l, "stanovoy_crest", &cs);
    fails(&l, &t, "lines", &["\"stanovoy_crest\" crosses itself"]);

    // doubling back along itself
    let mut l = lines();
    let mut cs = coords(&mut l, "stanovoy_crest");
    let k = cs.len() / 2;
    let mid = cs[k] + (cs[k + 1] - cs[k]) * 0.5;
    cs.insert(k + 2, mid);
    cs.insert(k + 3, cs[k + 1]);
    set_coords(&mut l, "stanovoy_crest", &cs);
    fails(
        &l,
        &t,
        "lines",
        &["\"stanovoy_crest\" crosses itself", "run along each other"],
    );
}

#[test]
fn lines_that_cross_away_from_a_shared_vertex() {
    let t = timeline();
    // a line across the Amur at Blagoveshchensk
    let mut l = lines();
    let mut extra = feature(&mut l, "gorbitsa").clone();
    extra["properties"]["id"] = json!("zeya_cut");
    extra["geometry"]["coordinates"] = json!([[127.5, 49.9], [127.5, 50.6]]);
    l["features"].as_array_mut().unwrap().push(extra);
    fails(
        &l,
        &t,
        "lines",
        &["\"amur_upper\" and \"zeya_cut\" cross at lon 127.5"],
    );

    // the Great Gorbitsa reaching the Amur between two of its vertices: at the midpoint of a
    // segment (one whose midpoint is exactly on it in floating point)
    let (l, t2) = Reading::GreatGorbitsa.dataset().unwrap();
    let (mut l, t2): (Value, Value) = (
        serde_json::from_str(&l).unwrap(),
        serde_json::from_str(&t2).unwrap(),
    );
    let amur = coords(&mut l, "amur_1689");
    let mid = amur
        .windows(2)
        .rev()
        .map(|w| w[0] + (w[1] - w[0]) * 0.5)
        .zip(amur.windows(2).rev())
        .find(|(m, w)| RobustKernel::orient2d(w[0], w[1], *m) == Orientation::Collinear)
        .unwrap()
        .0;
    let mut gg = coords(&mut l, "great_gorbitsa");
    gg[0] = mid;
    set_coords(&mut l, "great_gorbitsa", &gg);
    fails(
        &l,
        &t2,
        "lines",
        &[
            "\"great_gorbitsa\" meets feature \"amur_1689\"",
            "not a vertex of \"amur_1689\"",
        ],
    );

    // a line running along the coast
    let mut l = lines();
    let coast = coords(&mut l, "coast");
    let k = coast.len() / 2;
    let mut extra = feature(&mut l, "gorbitsa").clone();
    extra["properties"]["id"] = json!("shore_copy");
    extra["geometry"]["coordinates"] = coast[k..k + 3].iter().map(|c| json!([c.x, c.y])).collect();
    l["features"].as_array_mut().unwrap().push(extra);
    fails(
        &l,
        &t,
        "lines",
        &["\"coast\" and \"shore_copy\" cross", "run along each other"],
    );
}

#[test]
fn lines_may_cross_at_a_shared_vertex() {
    // Two lines across the south-west corner of the frame (Chinese land in every epoch), from
    // the south edge to the west edge, crossing at a vertex of both that is the end of
    // neither: the loader makes it a node, and the X cuts the corner into four faces.
    let (mut l, mut t) = (lines(), timeline());
    let frame = coords(&mut l, "frame");
    let w = frame.iter().map(|c| c.x).fold(f64::INFINITY, f64::min);
    let s = frame.iter().map(|c| c.y).fold(f64::INFINITY, f64::min);
    let south: Vec<Coord<f64>> = frame
        .iter()
        .copied()
        .filter(|c| c.y == s && c.x > w + 1.0 && c.x < w + 3.0)
        .collect();
    let west: Vec<Coord<f64>> = frame
        .iter()
        .copied()
        .filter(|c| c.x == w && c.y > s + 1.0 && c.y < s + 3.0)
        .collect();
    assert!(south.len() >= 2 && west.len() >= 2);
    // chords p-q and r-u whose ends alternate along the frame: they cross
    let low = |v: &[Coord<f64>], f: fn(&Coord<f64>) -> f64| {
        *v.iter().min_by(|a, b| f(a).total_cmp(&f(b))).unwrap()
    };
    let high = |v: &[Coord<f64>], f: fn(&Coord<f64>) -> f64| {
        *v.iter().max_by(|a, b| f(a).total_cmp(&f(b))).unwrap()
    };
    let (p, q) = (low(&south, |c| c.x), high(&west, |c| c.y));
    let (r, u) = (high(&south, |c| c.x), low(&west, |c| c.y));
    let round = |c: Coord<f64>| Coord {
        x: (c.x * 1e6).round() / 1e6,
        y: (c.y * 1e6).round() / 1e6,
    };
    let x = round((p + q + r + u) / 4.0);
    let template = feature(&mut l, "gorbitsa").clone();
    let mk = |id: &str, a: Coord<f64>, b: Coord<f64>| {
        let mut f = template.clone();
        f["properties"]["id"] = json!(id);
        f["geometry"]["coordinates"] = json!([[a.x, a.y], [x.x, x.y], [b.x, b.y]]);
        f
    };
    l["features"]
        .as_array_mut()
        .unwrap()
        .extend([mk("x_one", p, q), mk("x_two", r, u)]);
    event(&mut t, "nerchinsk_1689")["add"]
        .as_array_mut()
        .unwrap()
        .extend([json!("x_one"), json!("x_two")]);
    // one region point in each new piece (the fourth keeps Harbin's)
    let corner = Coord { x: w, y: s };
    for (i, tri) in [[p, x, r], [x, q, u], [u, corner, p]].iter().enumerate() {
        let c = round((tri[0] + tri[1] + tri[2]) / 3.0);
        t["regions"].as_array_mut().unwrap().push(json!({
            "name": format!("corner piece {i}"),
            "point": [c.x, c.y],
            "statuses": {"nerchinsk_1689": "china"}
        }));
    }
    let before = nerchinsk::data::embedded().topology().faces.len();
    let atlas = load(&l, &t).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(atlas.topology().faces.len(), before + 3);
    assert!(atlas.topology().nodes.contains(&x));
    // a line through the shared vertex that is not a vertex of the other is refused
    let mut l2 = l.clone();
    let mut two = coords(&mut l2, "x_two");
    two[1] = round(x + Coord { x: 0.01, y: 0.0 });
    set_coords(&mut l2, "x_two", &two);
    fails(&l2, &t, "lines", &["\"x_one\" and \"x_two\" cross"]);
}

#[test]
fn a_line_that_does_not_meet_the_others() {
    // without the Uda connector, the Uda's upstream end meets nothing
    let (mut l, mut t) = (lines(), timeline());
    l["features"]
        .as_array_mut()
        .unwrap()
        .retain(|f| f["properties"]["id"] != "uda_connector");
    drop_from(&mut t, "nerchinsk_1689", "add", "uda_connector");
    drop_from(&mut t, "aigun_1858", "remove", "uda_connector");
    fails(&l, &t, "lines", &["\"uda\"", "dangling end"]);
}

#[test]
fn island_rings_and_bridges_are_checked() {
    let t = timeline();
    // without its bridge an island is a network of its own (the islands are largest first, so
    // island_32 is joined to the coast or an island by bridge_32 and nothing else joins it)
    let mut l = lines();
    l["features"]
        .as_array_mut()
        .unwrap()
        .retain(|f| f["properties"]["id"] != "bridge_32");
    fails(&l, &t, "lines", &["2 separate networks", "bridge"]);
    // an island that names a region the timeline lacks
    let mut l = lines();
    feature(&mut l, "island_03")["properties"]["region"] = json!("Atlantis");
    fails(&l, &t, "lines", &["\"island_03\"", "\"Atlantis\"", "lacks"]);
    // a region on a line that is no closed coast ring
    let mut l = lines();
    feature(&mut l, "tumen_korea_russia")["properties"]["region"] = json!("Shantar Islands");
    fails(
        &l,
        &t,
        "lines",
        &["\"tumen_korea_russia\"", "no closed coast ring"],
    );
    // a bridge with Korea on one side and Russia on the other
    let mut l = lines();
    feature(&mut l, "tumen_korea_russia")["properties"]["kind"] = json!("bridge");
    fails(
        &l,
        &t,
        "lines",
        &["bridge \"tumen_korea_russia\"", "separates two faces"],
    );
    // an island without its region has no status (not island_03, Russky, on which the region's
    // own point lies)
    let mut l = lines();
    feature(&mut l, "island_07")["properties"]
        .as_object_mut()
        .unwrap()
        .remove("region");
    fails(&l, &t, "timeline", &["has no region point"]);
}
