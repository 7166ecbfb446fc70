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
    assert_eq!(ids, ["russia", "far_eastern_republic", "china"]);
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
    t["states"][2]["names"] =
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

/// A state of a user's own: every region on the Chinese side held by another state between two
/// events of the user's, with no code. (The embedded data do the same on the Russian side for
/// the Far Eastern Republic, 1920-1922: tests/history.rs.)
#[test]
fn a_users_state_holds_land_between_two_events() {
    let mut t = timeline();
    t["states"].as_array_mut().unwrap().push(json!({
        "id": "buffer", "status": "china",
        "names": [{"name": "Buffer State (test)"}], "source": "test"
    }));
    let events = t["events"].as_array_mut().unwrap();
    let at = events
        .iter()
        .position(|e| e["date"].as_str().unwrap() > "1930")
        .unwrap();
    events.insert(
        at,
        json!({"id": "buffer_1930", "name": "Buffer state set up", "date": "1930-01-01"}),
    );
    events.insert(
        at + 1,
        json!({"id": "buffer_1931", "name": "Buffer state ends", "date": "1931-01-01"}),
    );
    let atlas_before = embedded();
    for r in t["regions"].as_array_mut().unwrap() {
        let p = Point::new(
            r["point"][0].as_f64().unwrap(),
            r["point"][1].as_f64().unwrap(),
        );
        if atlas_before
            .sovereignty_on(p, on(1930, 1, 1))
            .map(|s| s.status)
            == Ok(Status::China)
        {
            r["statuses"]["buffer_1930"] = json!("buffer");
            r["statuses"]["buffer_1931"] = json!("china");
        }
    }
    let atlas = load(&t).unwrap();
    let s = atlas.sovereignty_on(HARBIN, on(1930, 6, 1)).unwrap();
    assert_eq!(s.status, Status::China);
    assert_eq!(s.sovereign, "Buffer State (test)");
    // a change of state within a status sets no status: the treaty stays the one before
    assert_eq!(s.treaty, "Treaty of Nerchinsk");
    for date in [on(1929, 12, 31), on(1931, 1, 1)] {
        let s = atlas.sovereignty_on(HARBIN, date).unwrap();
        assert_eq!(s.sovereign, "Republic of China", "{date}");
    }
    // the Russian side is untouched
    assert_eq!(
        atlas.sovereignty_on(CHITA, on(1930, 6, 1)).unwrap(),
        embedded().sovereignty_on(CHITA, on(1930, 6, 1)).unwrap()
    );
    // the exact path gives the same answer
    assert_eq!(
        atlas
            .sovereignty_exact(HARBIN, on(1930, 6, 1))
            .unwrap()
            .sovereign,
        "Buffer State (test)"
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
