//! Loading a user's own dataset: every problem is an error naming the file, the feature (or
//! event, or region) and the problem. Each test mutates the embedded data (`data/lines.geojson`,
//! `data/timeline.json`) as JSON values, so the tests follow the data when they change.

use geo::kernels::{Kernel, Orientation, RobustKernel};
use geo_types::{Coord, Point};
use nerchinsk::data::{LINES_GEOJSON, TIMELINE_JSON};
use nerchinsk::internals::AtlasInternals;
use nerchinsk::{Atlas, Date, Error, Status};
use serde_json::{json, Value};

fn lines() -> Value {
    serde_json::from_str(LINES_GEOJSON).unwrap()
}

fn timeline() -> Value {
    serde_json::from_str(TIMELINE_JSON).unwrap()
}

fn feature<'a>(l: &'a mut Value, id: &str) -> &'a mut Value {
    l["features"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|f| f["properties"]["id"] == id)
        .unwrap_or_else(|| panic!("no feature {id}"))
}

fn coords(l: &mut Value, id: &str) -> Vec<Coord<f64>> {
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

fn set_coords(l: &mut Value, id: &str, cs: &[Coord<f64>]) {
    feature(l, id)["geometry"]["coordinates"] = cs.iter().map(|c| json!([c.x, c.y])).collect();
}

fn event<'a>(t: &'a mut Value, id: &str) -> &'a mut Value {
    t["events"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

fn region<'a>(t: &'a mut Value, starts: &str) -> &'a mut Value {
    t["regions"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|r| r["name"].as_str().unwrap().starts_with(starts))
        .unwrap_or_else(|| panic!("no region {starts}"))
}

/// Drop `id` from an event's add or remove list.
fn drop_from(t: &mut Value, ev: &str, list: &str, id: &str) {
    event(t, ev)[list]
        .as_array_mut()
        .unwrap()
        .retain(|x| x != id);
}

fn load(l: &Value, t: &Value) -> Result<Atlas, Error> {
    Atlas::from_json(&l.to_string(), &t.to_string())
}

/// The error message, checked to name the file and everything in `names`.
#[track_caller]
fn fails(l: &Value, t: &Value, file: &str, names: &[&str]) -> String {
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

fn nearest(cs: &[Coord<f64>], p: Coord<f64>) -> usize {
    let d = |c: &Coord<f64>| (c.x - p.x).powi(2) + (c.y - p.y).powi(2);
    (0..cs.len())
        .min_by(|&a, &b| d(&cs[a]).total_cmp(&d(&cs[b])))
        .unwrap()
}

/// The other reading of the treaty's Gorbitsa: the "Great Gorbitsa" (Amazar), which enters the
/// Amur 30 versts below the Shilka-Argun confluence (data/README.md). The 1689 line then runs
/// down the Argun and the Amur to the Amazar's mouth, up the Amazar and to the crest; the
/// Shilka, the small Gorbitsa and the crest west of the Amazar are not treaty lines.
fn great_gorbitsa() -> (Value, Value) {
    let (mut l, mut t) = (lines(), timeline());
    let reference: Value = serde_json::from_str(nerchinsk::data::REFERENCE_GEOJSON).unwrap();
    let amazar = reference["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["id"] == "great_gorbitsa_amazar")
        .unwrap()
        .clone();
    let ends: Vec<Coord<f64>> = amazar["geometry"]["coordinates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| Coord {
            x: c[0].as_f64().unwrap(),
            y: c[1].as_f64().unwrap(),
        })
        .collect();
    // split the Amur at the vertex nearest the Amazar's mouth, the crest at the vertex nearest
    // Amazar settlement
    let amur = coords(&mut l, "amur_upper");
    let k = nearest(&amur, ends[0]);
    let crest = coords(&mut l, "stanovoy_crest");
    let m = nearest(&crest, *ends.last().unwrap());
    let mut amur_1689 = feature(&mut l, "amur_upper").clone();
    amur_1689["properties"]["id"] = json!("amur_1689");
    amur_1689["geometry"]["coordinates"] = amur[..=k].iter().map(|c| json!([c.x, c.y])).collect();
    set_coords(&mut l, "amur_upper", &amur[k..]);
    set_coords(&mut l, "stanovoy_crest", &crest[m..]);
    let mut gg = amazar;
    gg["properties"]["id"] = json!("great_gorbitsa");
    gg["properties"]["kind"] = json!("border");
    gg["geometry"]["coordinates"] = json!([
        [amur[k].x, amur[k].y],
        [ends[1].x, ends[1].y],
        [crest[m].x, crest[m].y]
    ]);
    let fs = l["features"].as_array_mut().unwrap();
    fs.retain(|f| !["shilka_lower", "gorbitsa"].contains(&f["properties"]["id"].as_str().unwrap()));
    fs.push(amur_1689);
    fs.push(gg);
    let ner = event(&mut t, "nerchinsk_1689");
    let add = ner["add"].as_array_mut().unwrap();
    add.retain(|x| x != "shilka_lower" && x != "gorbitsa");
    add.push(json!("amur_1689"));
    add.push(json!("great_gorbitsa"));
    let aig = event(&mut t, "aigun_1858");
    let rem = aig["remove"].as_array_mut().unwrap();
    rem.retain(|x| x != "shilka_lower" && x != "gorbitsa");
    rem.push(json!("great_gorbitsa"));
    (l, t)
}

#[test]
fn the_great_gorbitsa_reading_loads_and_moves_the_1689_line() {
    let (l, t) = great_gorbitsa();
    let atlas = load(&l, &t).unwrap_or_else(|e| panic!("{e}"));
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

/// Replace segment `k` (vertices k, k+1) of a line by a small bow tie that crosses itself.
fn bow_tie(cs: &mut Vec<Coord<f64>>, k: usize) {
    let (a, b) = (cs[k], cs[k + 1]);
    let d = b - a;
    let n = Coord { x: -d.y, y: d.x } * 0.3;
    let at = |s: f64, o: f64| a + d * s + n * o;
    cs.splice(k + 1..k + 1, [at(0.6, 1.0), at(0.2, 1.0), at(0.4, -1.0)]);
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
    let (mut l, t2) = great_gorbitsa();
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
fn an_event_whose_date_is_not_a_date() {
    let l = lines();
    for bad in ["1858-02-30", "May 1858", "1858-13-01", ""] {
        let mut t = timeline();
        event(&mut t, "aigun_1858")["date"] = json!(bad);
        fails(
            &l,
            &t,
            "timeline",
            &["event \"aigun_1858\"", "not a valid date"],
        );
    }
    let mut t = timeline();
    event(&mut t, "aigun_1858")["date_julian"] = json!("1858-05-32");
    fails(&l, &t, "timeline", &["event \"aigun_1858\"", "day must be"]);
    let mut t = timeline();
    event(&mut t, "aigun_1858")["date"] = json!(1858);
    fails(
        &l,
        &t,
        "timeline",
        &["event \"aigun_1858\"", "invalid type"],
    );
    let mut t = timeline();
    event(&mut t, "aigun_1858")
        .as_object_mut()
        .unwrap()
        .remove("date");
    fails(
        &l,
        &t,
        "timeline",
        &["event \"aigun_1858\"", "missing field `date`"],
    );
    // out of order
    let mut t = timeline();
    event(&mut t, "aigun_1858")["date"] = json!("1689-01-01");
    fails(&l, &t, "timeline", &["event \"aigun_1858\"", "not later"]);
}

#[test]
fn events_and_lines_that_do_not_match() {
    let l = lines();
    let mut t = timeline();
    let dup = event(&mut t, "aigun_1858").clone();
    t["events"].as_array_mut().unwrap().push(dup);
    fails(
        &l,
        &t,
        "timeline",
        &["two events have the id \"aigun_1858\""],
    );

    let mut t = timeline();
    event(&mut t, "aigun_1858")["add"]
        .as_array_mut()
        .unwrap()
        .push(json!("coast"));
    fails(
        &l,
        &t,
        "timeline",
        &["event \"aigun_1858\"", "\"coast\" is not a border line"],
    );

    let mut t = timeline();
    event(&mut t, "aigun_1858")["add"]
        .as_array_mut()
        .unwrap()
        .push(json!("argun"));
    fails(
        &l,
        &t,
        "timeline",
        &["event \"aigun_1858\" adds line \"argun\", which already is so"],
    );

    let mut t = timeline();
    drop_from(&mut t, "nerchinsk_1689", "add", "gorbitsa");
    drop_from(&mut t, "aigun_1858", "remove", "gorbitsa");
    fails(&l, &t, "timeline", &["\"gorbitsa\" is never put in force"]);
}

#[test]
fn a_territory_without_a_status() {
    let l = lines();
    let mut t = timeline();
    t["regions"].as_array_mut().unwrap().retain(|r| {
        !r["name"]
            .as_str()
            .unwrap()
            .starts_with("Land between the Uda")
    });
    fails(
        &l,
        &t,
        "timeline",
        &["after nerchinsk_1689", "has no region point, so no status"],
    );

    // a region whose statuses start only later
    let mut t = timeline();
    region(&mut t, "Land between the Uda")["statuses"]
        .as_object_mut()
        .unwrap()
        .remove("nerchinsk_1689");
    fails(
        &l,
        &t,
        "timeline",
        &[
            "region \"Land between the Uda",
            "no status at nerchinsk_1689",
        ],
    );

    let mut t = timeline();
    region(&mut t, "Land between the Uda")
        .as_object_mut()
        .unwrap()
        .remove("statuses");
    fails(
        &l,
        &t,
        "timeline",
        &["region \"Land between the Uda", "missing field `statuses`"],
    );
}

#[test]
fn overlapping_statuses() {
    let l = lines();
    // a second region point in the Zeya territory that says Russia in 1689
    let mut t = timeline();
    let mut r = region(&mut t, "Left bank of the Amur").clone();
    r["name"] = json!("Albazino, claimed for Russia");
    r["point"] = json!([124.0775, 53.39056]);
    r["statuses"] = json!({"nerchinsk_1689": "russia"});
    t["regions"].as_array_mut().unwrap().push(r);
    fails(
        &l,
        &t,
        "timeline",
        &[
            "after nerchinsk_1689",
            "\"Albazino, claimed for Russia\" (russia)",
            "fall in one territory",
        ],
    );

    let mut t = timeline();
    region(&mut t, "Left bank of the Amur")["statuses"]["aigun_1858"] = json!("russian");
    fails(
        &l,
        &t,
        "timeline",
        &[
            "region \"Left bank of the Amur",
            "\"russian\" is not a status",
        ],
    );

    let mut t = timeline();
    region(&mut t, "Left bank of the Amur")["statuses"]["aigun_1885"] = json!("russia");
    fails(
        &l,
        &t,
        "timeline",
        &[
            "region \"Left bank of the Amur",
            "event \"aigun_1885\", which the timeline lacks",
        ],
    );
}

#[test]
fn region_points_in_no_one_face() {
    let mut l = lines();
    let amur = coords(&mut l, "amur_upper");
    let mut t = timeline();
    region(&mut t, "Left bank of the Amur")["point"] = json!([amur[100].x, amur[100].y]);
    fails(
        &l,
        &t,
        "timeline",
        &["region \"Left bank of the Amur", "lies on a line"],
    );

    let mut t = timeline();
    region(&mut t, "Left bank of the Amur")["point"] = json!([100.0, 53.0]);
    fails(
        &l,
        &t,
        "timeline",
        &["region \"Left bank of the Amur", "outside the frame"],
    );
}

#[test]
fn data_load_names_the_file() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("loader");
    std::fs::create_dir_all(&dir).unwrap();
    let (lp, tp) = (dir.join("my_lines.geojson"), dir.join("my_timeline.json"));
    let (mut l, t) = (lines(), timeline());
    let mut cs = coords(&mut l, "stanovoy_crest");
    bow_tie(&mut cs, 10);
    set_coords(&mut l, "stanovoy_crest", &cs);
    std::fs::write(&lp, l.to_string()).unwrap();
    std::fs::write(&tp, t.to_string()).unwrap();
    let e = nerchinsk::data::load(&lp, &tp).err().unwrap().to_string();
    assert!(
        e.starts_with(&format!(
            "{}: feature \"stanovoy_crest\" crosses itself",
            lp.display()
        )),
        "{e}"
    );

    let mut t = timeline();
    event(&mut t, "peking_1860")["date"] = json!("1860-11-31");
    std::fs::write(&lp, LINES_GEOJSON).unwrap();
    std::fs::write(&tp, t.to_string()).unwrap();
    let e = nerchinsk::data::load(&lp, &tp).err().unwrap().to_string();
    assert!(
        e.starts_with(&format!("{}: event \"peking_1860\"", tp.display())),
        "{e}"
    );

    let missing = dir.join("no_such_file.json");
    let e = nerchinsk::data::load(&lp, &missing)
        .err()
        .unwrap()
        .to_string();
    assert!(e.starts_with(&missing.display().to_string()), "{e}");

    // the Great Gorbitsa reading, from files
    let (l, t) = great_gorbitsa();
    std::fs::write(&lp, l.to_string()).unwrap();
    std::fs::write(&tp, t.to_string()).unwrap();
    let atlas = nerchinsk::data::load(&lp, &tp).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        atlas
            .sovereignty_at(Point::new(120.3, 53.45), 1700)
            .unwrap()
            .status,
        Status::Russia
    );
}

/// The fuzzers' seed datasets (fuzz/seeds/loader) load: a frame, a river and a ridge, two
/// events, three regions; the river crosses the ridge at a vertex of both.
#[test]
fn the_fuzz_seed_datasets_load() {
    for seed in [
        &include_bytes!("../fuzz/seeds/loader/small.json")[..],
        &include_bytes!("../fuzz/seeds/loader/one_event.json")[..],
    ] {
        let i = seed.iter().position(|&b| b == 0).unwrap();
        let (l, t) = (
            std::str::from_utf8(&seed[..i]).unwrap(),
            std::str::from_utf8(&seed[i + 1..]).unwrap(),
        );
        let atlas = Atlas::from_json(l, t).unwrap_or_else(|e| panic!("{e}"));
        let p = Point::new(121.0, 47.0);
        assert_eq!(
            atlas.sovereignty_at(p, 1700).unwrap().status,
            Status::Russia
        );
    }
}
