//! Bad input gives an error value that says what was wrong, never a panic.

use geo_types::Point;
use nerchinsk::{data::embedded, sovereignty_at, Date, Error};

#[test]
fn nan_and_infinite_coordinates() {
    for p in [
        Point::new(f64::NAN, 50.0),
        Point::new(127.0, f64::INFINITY),
        Point::new(f64::NEG_INFINITY, f64::NAN),
    ] {
        let e = sovereignty_at(p, 1900).unwrap_err();
        assert!(matches!(e, Error::NotFinite { .. }), "{e}");
        assert!(e.to_string().contains("not a finite number"));
    }
}

#[test]
fn out_of_range_coordinates() {
    assert_eq!(
        sovereignty_at(Point::new(181.0, 50.0), 1900).unwrap_err(),
        Error::LongitudeOutOfRange(181.0)
    );
    assert_eq!(
        sovereignty_at(Point::new(127.0, -90.5), 1900).unwrap_err(),
        Error::LatitudeOutOfRange(-90.5)
    );
    // swapped axes (lat, lon) is the usual mistake: 127 is not a latitude
    let e = sovereignty_at(Point::new(50.25, 127.53), 1900).unwrap_err();
    assert!(e.to_string().contains("latitude 127.53"), "{e}");
}

#[test]
fn outside_the_covered_area() {
    // Moscow, and Pyongyang
    for p in [Point::new(37.6, 55.75), Point::new(125.75, 39.02)] {
        let e = sovereignty_at(p, 1900).unwrap_err();
        assert!(matches!(e, Error::OutsideCoverage { .. }), "{e}");
        assert!(e.to_string().contains("105.5E and 141.8E"), "{e}");
    }
    // inside the frame but in Korea (south of the Tumen) or Mongolia
    // (and Inner Mongolia west of 115.5E, inside the frame since it reaches 105.5E for Kyakhta)
    for p in [
        Point::new(129.9, 42.3),
        Point::new(116.5, 47.5),
        Point::new(110.0, 43.0),
    ] {
        assert!(matches!(
            sovereignty_at(p, 1900).unwrap_err(),
            Error::OutsideCoverage { .. }
        ));
    }
}

#[test]
fn at_sea() {
    // Sea of Japan off Vladivostok, Sea of Okhotsk
    for p in [Point::new(133.0, 42.5), Point::new(140.0, 56.0)] {
        let e = sovereignty_at(p, 1900).unwrap_err();
        assert_eq!(
            e,
            Error::AtSea {
                lon: p.x(),
                lat: p.y()
            }
        );
    }
}

#[test]
fn before_the_first_treaty() {
    let e = sovereignty_at(Point::new(124.0775, 53.39056), 1688).unwrap_err();
    assert!(matches!(e, Error::BeforeCoverage { .. }));
    // the message dates the first treaty; its name is the atlas's first event (the error owns
    // no heap memory, so that a lookup's result can live in registers: docs/INDEX.md)
    assert!(e.to_string().contains("1689-09-08"), "{e}");
    assert_eq!(embedded().events()[0].name, "Treaty of Nerchinsk");
    // a precise date: the day before and the day of the signing (8 Sep 1689, Gregorian)
    let atlas = embedded();
    let p = Point::new(124.0775, 53.39056);
    assert!(atlas
        .sovereignty_on(p, Date::new(1689, 9, 7).unwrap())
        .is_err());
    assert!(atlas
        .sovereignty_on(p, Date::new(1689, 9, 8).unwrap())
        .is_ok());
}

#[test]
fn bad_dates_and_unknown_lines() {
    assert!(matches!(
        Date::new(1858, 2, 29).map_err(Error::from),
        Err(Error::InvalidDate(_))
    ));
    assert!(matches!(
        nerchinsk::side_of_line(Point::new(127.0, 50.0), "volga"),
        Err(Error::UnknownLine(_))
    ));
}

#[test]
fn bad_data_is_an_error_naming_the_problem() {
    let atlas_lines = nerchinsk::data::LINES_GEOJSON;
    let timeline = nerchinsk::data::TIMELINE_JSON;
    let e = nerchinsk::Atlas::from_json("{not json", timeline)
        .err()
        .unwrap();
    assert!(e.to_string().starts_with("lines:"), "{e}");
    // a timeline that names a line the data lack
    let t = timeline.replace(
        "\"remove\": [\"damansky_channel\"]",
        "\"remove\": [\"damansky_middle\"]",
    );
    let e = nerchinsk::Atlas::from_json(atlas_lines, &t).err().unwrap();
    assert!(e.to_string().contains("damansky_middle"), "{e}");
    // a region point removed: the Uda zone then has no status
    let t = timeline.replace("\"point\": [133.5, 53.75]", "\"point\": [127.27, 53.73]");
    let e = nerchinsk::Atlas::from_json(atlas_lines, &t).err().unwrap();
    assert!(
        e.to_string().contains("fall in one territory")
            || e.to_string().contains("no region point"),
        "{e}"
    );
}
