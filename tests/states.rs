//! States are data: a dataset names its own states, their names over time, the land held by
//! several at once and its covered area, and the answers follow. Each test edits the embedded
//! timeline as JSON, so it follows the data when they change.

use geo_types::Point;
use nerchinsk::data::{embedded, LINES_GEOJSON, TIMELINE_JSON};
use nerchinsk::{Atlas, Date, Error, Status};
use serde_json::{json, Value};

fn timeline() -> Value {
    serde_json::from_str(TIMELINE_JSON).unwrap()
}

fn load(t: &Value) -> Result<Atlas, Error> {
    Atlas::from_json(LINES_GEOJSON, &t.to_string())
}

fn data_error(t: &Value) -> String {
    match load(t) {
        Err(Error::Data { file, message }) => {
            assert_eq!(file, "timeline");
            message
        }
        Err(other) => panic!("not a data error: {other}"),
        Ok(_) => panic!("loaded"),
    }
}

fn on(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap()
}

const CHITA: Point<f64> = Point(geo_types::Coord { x: 113.5, y: 52.03 });
const HARBIN: Point<f64> = Point(geo_types::Coord {
    x: 126.63,
    y: 45.75,
});

#[test]
fn the_embedded_states_name_the_answers() {
    let atlas = embedded();
    let ids: Vec<&str> = atlas.states().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["russia", "china"]);
    // each name change is on its day, in the answers as in State::name_on
    for (date, name) in [
        (on(1721, 11, 1), "Tsardom of Russia"),
        (on(1721, 11, 2), "Russian Empire"),
        (on(1922, 12, 30), "Union of Soviet Socialist Republics"),
        (on(1991, 12, 26), "Russian Federation"),
    ] {
        assert_eq!(atlas.sovereignty_on(CHITA, date).unwrap().sovereign, name);
        assert_eq!(atlas.state("russia").unwrap().name_on(date), name);
    }
    assert_eq!(
        atlas
            .sovereignty_on(HARBIN, on(1912, 2, 11))
            .unwrap()
            .sovereign,
        "Qing Empire"
    );
    assert_eq!(
        atlas
            .sovereignty_on(HARBIN, on(1912, 2, 12))
            .unwrap()
            .sovereign,
        "Republic of China"
    );
    // the shared holding's name is filled with the states' names on the date
    let ussuri_coast = Point::new(134.0, 45.5);
    let s = atlas.sovereignty_on(ussuri_coast, on(1859, 6, 1)).unwrap();
    assert_eq!(s.status, Status::Joint);
    assert_eq!(s.sovereign, "Russian Empire and Qing Empire, jointly");
}

#[test]
fn renamed_states_rename_the_answers() {
    let mut t = timeline();
    t["states"][1]["names"] =
        json!([{"name": "Great Qing"}, {"from": "1912-02-12", "name": "Zhonghua Minguo"}]);
    t["shared"][0]["name"] = json!("condominium of {china} and {russia}");
    let atlas = load(&t).unwrap();
    assert_eq!(
        atlas.sovereignty_at(HARBIN, 1900).unwrap().sovereign,
        "Great Qing"
    );
    assert_eq!(
        atlas.sovereignty_at(HARBIN, 1930).unwrap().sovereign,
        "Zhonghua Minguo"
    );
    let s = atlas.sovereignty_at(Point::new(134.0, 45.5), 1859).unwrap();
    assert_eq!(s.sovereign, "condominium of Great Qing and Russian Empire");
    // the answers' status is the coarse one, as before
    assert_eq!(s.status, Status::Joint);
}

/// A third state on one side: every region on the Russian side held by a buffer republic
/// between two events, as a user could model the Far Eastern Republic (6 Apr 1920 to
/// 15 Nov 1922) without code.
#[test]
fn a_third_state_holds_land_between_two_events() {
    let mut t = timeline();
    t["states"].as_array_mut().unwrap().push(json!({
        "id": "fer", "status": "russia",
        "names": [{"name": "Far Eastern Republic"}], "source": "test"
    }));
    let events = t["events"].as_array_mut().unwrap();
    let at = events
        .iter()
        .position(|e| e["date"].as_str().unwrap() > "1920")
        .unwrap();
    events.insert(
        at,
        json!({"id": "fer_1920", "name": "Far Eastern Republic proclaimed", "date": "1920-04-06"}),
    );
    events.insert(at + 1, json!({"id": "fer_1922", "name": "Far Eastern Republic joins the RSFSR", "date": "1922-11-15"}));
    let atlas_before = embedded();
    for r in t["regions"].as_array_mut().unwrap() {
        let p = Point::new(
            r["point"][0].as_f64().unwrap(),
            r["point"][1].as_f64().unwrap(),
        );
        if atlas_before
            .sovereignty_on(p, on(1920, 4, 6))
            .map(|s| s.status)
            == Ok(Status::Russia)
        {
            r["statuses"]["fer_1920"] = json!("fer");
            r["statuses"]["fer_1922"] = json!("russia");
        }
    }
    let atlas = load(&t).unwrap();
    let s = atlas.sovereignty_on(CHITA, on(1921, 6, 1)).unwrap();
    assert_eq!(s.status, Status::Russia);
    assert_eq!(s.sovereign, "Far Eastern Republic");
    assert_eq!(s.treaty, "Far Eastern Republic proclaimed");
    let before = atlas.sovereignty_on(CHITA, on(1920, 4, 5)).unwrap();
    assert_eq!(
        before.sovereign,
        "Russian Soviet Federative Socialist Republic"
    );
    let after = atlas.sovereignty_on(CHITA, on(1922, 11, 15)).unwrap();
    assert_eq!(
        after.sovereign,
        "Russian Soviet Federative Socialist Republic"
    );
    assert_eq!(after.treaty, "Far Eastern Republic joins the RSFSR");
    // the Chinese side is untouched
    assert_eq!(
        atlas.sovereignty_on(HARBIN, on(1921, 6, 1)).unwrap(),
        embedded().sovereignty_on(HARBIN, on(1921, 6, 1)).unwrap()
    );
    // the exact path gives the same answer
    assert_eq!(
        atlas
            .sovereignty_exact(CHITA, on(1921, 6, 1))
            .unwrap()
            .sovereign,
        "Far Eastern Republic"
    );
}

#[test]
fn the_coverage_sentence_comes_from_the_dataset() {
    let mut t = timeline();
    t["coverage"] = json!("only the test frame, {west} to {east}");
    let atlas = load(&t).unwrap();
    assert_eq!(atlas.coverage().text, "only the test frame, 105.5 to 141.8");
    assert_eq!(atlas.coverage().bounds, [105.5, 141.8, 42.25, 57.5]);
    match atlas.sovereignty_at(Point::new(100.0, 50.0), 1900) {
        Err(e @ Error::OutsideCoverage { .. }) => {
            assert!(
                e.to_string()
                    .contains("only the test frame, 105.5 to 141.8"),
                "{e}"
            );
            assert_eq!(e.code(), "outside");
        }
        other => panic!("{other:?}"),
    }
    // the embedded sentence
    let e = nerchinsk::sovereignty_at(Point::new(100.0, 50.0), 1900).unwrap_err();
    assert!(e.to_string().contains("without Korea, Mongolia"), "{e}");
}

/// An edit of the timeline that breaks it.
type Edit = Box<dyn Fn(&mut Value)>;

#[test]
fn bad_states_are_errors_that_say_what_is_wrong() {
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|t| {
                t.as_object_mut().unwrap().remove("states");
            }),
            "missing field `states`",
        ),
        (
            Box::new(|t| t["states"][1]["id"] = json!("russia")),
            "state \"russia\": the id is taken",
        ),
        (
            Box::new(|t| t["states"][1]["id"] = json!("sea")),
            "state \"sea\": the id is taken",
        ),
        (
            Box::new(|t| t["states"][0]["status"] = json!("sea")),
            "status \"sea\" is not one of",
        ),
        (
            Box::new(|t| t["states"][0]["names"] = json!([])),
            "state \"russia\" has no names",
        ),
        (
            Box::new(
                |t| t["states"][0]["names"] = json!([{"name": "A"}, {"from": "1900-01-01", "name": "B"}, {"from": "1800-01-01", "name": "C"}]),
            ),
            "names are not in date order",
        ),
        (
            Box::new(|t| t["states"][0]["names"][1]["from"] = json!("1721-02-30")),
            "not a valid date",
        ),
        (
            Box::new(|t| t["states"][0]["names"] = json!([{"name": "A"}, {"name": "B"}])),
            "name \"B\" has no date",
        ),
        (
            Box::new(|t| t["shared"][0]["name"] = json!("{russia} and {japan}")),
            "names {japan}, which is no state",
        ),
        (
            Box::new(|t| t["shared"][0]["name"] = json!("{russia and china")),
            "an unclosed {",
        ),
        (
            Box::new(|t| t["shared"][1]["id"] = json!("joint")),
            "shared holding \"joint\": the id is taken",
        ),
        (
            Box::new(|t| {
                t["shared"].as_array_mut().unwrap().remove(0);
            }),
            "\"joint\" is not a status",
        ),
    ];
    for (edit, want) in cases {
        let mut t = timeline();
        edit(&mut t);
        let message = data_error(&t);
        assert!(message.contains(want), "want {want:?} in {message:?}");
    }
}
