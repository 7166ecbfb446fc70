//! Loading a user's own timeline file: every problem is an error naming the file, the event
//! (or region) and the problem. Each test mutates the embedded data as JSON values, so the
//! tests follow the data when they change.

use geo_types::Point;
use nerchinsk::data::LINES_GEOJSON;
use nerchinsk::readings::Reading;
use nerchinsk::{Atlas, Status};
use serde_json::json;

mod loader_common;
use loader_common::*;

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
    let (l, t) = Reading::GreatGorbitsa.dataset().unwrap();
    std::fs::write(&lp, l).unwrap();
    std::fs::write(&tp, t).unwrap();
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
