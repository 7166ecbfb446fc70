//! The de facto layer (data/control.geojson) beside the de jure answer. Coordinates and dates
//! are cited in data/README.md; the points here are the landmarks of each area.

use geo_types::Point;
use nerchinsk::control::{embedded, ControlLayer, CONTROL_GEOJSON};
use nerchinsk::{control_at, Date, Status};

/// Sixty-Four Villages: en.wikipedia's representative point, 50.100N 127.683E.
const SIXTY_FOUR: (f64, f64) = (127.683, 50.100);
/// Harbin: Heilongjiang Provincial Museum, wikimili Harbin.
const HARBIN: (f64, f64) = (126.6409, 45.7576);
/// Tarabarov centre (it.wiki7 Ostrov Tarabarov), in the part that went to China.
const WEST_ISLAND: (f64, f64) = (134.5231, 48.38);
/// Bolshoy Ussuriysky centre (wiki-org.ru Bolshoy Ussuriysky), in the part Russia kept.
const EAST_ISLAND: (f64, f64) = (134.8514, 48.3581);
/// Zhenbao/Damansky (en.wikipedia Zhenbao Island): 46.48556N 133.84444E.
const ZHENBAO: (f64, f64) = (133.84444, 46.48556);
/// Abagaitu islet (en.wikipedia Abagaitu Islet): 49.55857N 117.898364E; in these data it lies in
/// the eastern part, 0.7 km north of the pre-2004 channel and 0.8 km east of the 7/1-7/2 line.
const ABAGAITU: (f64, f64) = (117.898364, 49.55857);
/// The islet's western part: the point tests/landmarks.rs reads off data/lines.geojson, 2 km west of
/// the 2004 line through 7/1 and 7/2, which stays Russian.
const ABAGAITU_WEST: (f64, f64) = (117.862, 49.54);

fn at(p: (f64, f64), year: i32) -> nerchinsk::control::Control<'static> {
    control_at(Point::new(p.0, p.1), year).unwrap()
}

#[test]
fn sixty_four_villages_were_under_qing_jurisdiction_until_1900() {
    let c = at(SIXTY_FOUR, 1880);
    assert_eq!(c.de_jure.status, Status::Russia);
    assert_eq!(c.de_jure.sovereign, "Russian Empire");
    assert_eq!(c.area, Some("sixty_four_villages"));
    assert_eq!((c.controller, c.side), ("Qing Empire", Some(Status::China)));
    assert!(c.reason.contains("jurisdiction"), "{}", c.reason);
    let c = at(SIXTY_FOUR, 1901);
    assert_eq!(
        (c.controller, c.area, c.reason),
        ("Russian Empire", None, "de jure")
    );
    // before Aigun the land was Qing de jure, and the area does not apply
    assert_eq!(at(SIXTY_FOUR, 1850).area, None);
    // Heihe, across the Amur, was never in the area
    assert_eq!(at((127.4886, 50.2458), 1880).area, None);
}

#[test]
fn harbin_in_1935_is_chinese_de_jure_and_manchukuo_de_facto() {
    let c = at(HARBIN, 1935);
    assert_eq!(c.de_jure.status, Status::China);
    assert_eq!(c.de_jure.sovereign, "Republic of China");
    assert_eq!(c.area, Some("manchukuo"));
    assert!(c.controller.starts_with("Manchukuo"), "{}", c.controller);
    assert_eq!(c.side, None);
    // the exact bounds: proclaimed 1 Mar 1932, gone 19 Aug 1945
    let layer = embedded();
    let atlas = nerchinsk::data::embedded();
    let on = |y, m, d| {
        layer
            .control_on(
                atlas,
                Point::new(HARBIN.0, HARBIN.1),
                Date::new(y, m, d).unwrap(),
            )
            .unwrap()
            .area
    };
    assert_eq!(on(1932, 2, 29), None);
    assert_eq!(on(1932, 3, 1), Some("manchukuo"));
    assert_eq!(on(1945, 8, 18), Some("manchukuo"));
    // the day Manchukuo ends, the Soviet occupation begins (tests/control.rs, below)
    assert_eq!(on(1945, 8, 19), Some("soviet_manchuria"));
    // Blagoveshchensk, on the Russian bank, was not in Manchukuo
    assert_eq!(at((127.533, 50.25), 1935).area, None);
}

#[test]
fn bolshoy_ussuriysky_west_and_east_in_2000_and_2010() {
    // 2000: both parts Russian de jure (the data's pre-2004 line) and held by Russia, claimed by China
    for p in [WEST_ISLAND, EAST_ISLAND] {
        let c = at(p, 2000);
        assert_eq!(c.de_jure.status, Status::Russia, "{p:?}");
        assert_eq!(c.area, Some("heixiazi_held"));
        assert_eq!(
            (c.controller, c.side, c.claimed_by),
            ("Russian Federation", Some(Status::Russia), "china")
        );
    }
    // 2010: the west Chinese and the east Russian, both de jure and in fact
    let w = at(WEST_ISLAND, 2010);
    assert_eq!(w.de_jure.status, Status::China);
    assert_eq!(
        w.de_jure.treaty,
        "Complementary Agreement on the Eastern Section of the China-Russia Boundary"
    );
    assert_eq!((w.controller, w.area), ("People's Republic of China", None));
    let e = at(EAST_ISLAND, 2010);
    assert_eq!(e.de_jure.status, Status::Russia);
    assert_eq!((e.controller, e.area), ("Russian Federation", None));
    // 2006: Chinese de jure (the agreement took effect on 2 Jun 2005), still held by Russia
    let w = at(WEST_ISLAND, 2006);
    assert_eq!(w.de_jure.status, Status::China);
    assert_eq!(
        (w.side, w.area),
        (Some(Status::Russia), Some("heixiazi_held"))
    );
    // 1930: held by the USSR since the 1929 conflict
    assert_eq!(
        at(WEST_ISLAND, 1930).controller,
        "Union of Soviet Socialist Republics"
    );
}

#[test]
fn harbin_in_late_1945_is_chinese_de_jure_and_soviet_de_facto() {
    let c = at(HARBIN, 1945);
    assert_eq!(c.de_jure.status, Status::China);
    assert_eq!(c.de_jure.sovereign, "Republic of China");
    assert_eq!(c.area, Some("soviet_manchuria"));
    assert_eq!(
        (c.controller, c.side, c.claimed_by),
        (
            "Union of Soviet Socialist Republics",
            Some(Status::Russia),
            "china"
        )
    );
    assert!(c.reason.contains("withdrawal"), "{}", c.reason);
    // 1947: the Soviet troops have gone and nothing overrides the treaties (the civil war, which
    // gave Harbin to the Communists on 28 Apr 1946, is not modelled: data/README.md)
    let c = at(HARBIN, 1947);
    assert_eq!(
        (c.controller, c.area, c.reason),
        ("Republic of China", None, "de jure")
    );
    // the exact bounds: from the fall of Manchukuo (19 Aug 1945) to the completed withdrawal (3 May 1946)
    let layer = embedded();
    let atlas = nerchinsk::data::embedded();
    let on = |p: (f64, f64), y, m, d| {
        layer
            .control_on(atlas, Point::new(p.0, p.1), Date::new(y, m, d).unwrap())
            .unwrap()
            .area
    };
    assert_eq!(on(HARBIN, 1945, 12, 1), Some("soviet_manchuria"));
    assert_eq!(on(HARBIN, 1946, 5, 2), Some("soviet_manchuria"));
    assert_eq!(on(HARBIN, 1946, 5, 3), None);
    // only where the land is Chinese de jure: Blagoveshchensk (as above) is Soviet in both senses
    let c = layer
        .control_on(
            atlas,
            Point::new(127.533, 50.25),
            Date::new(1945, 12, 1).unwrap(),
        )
        .unwrap();
    assert_eq!((c.area, c.de_jure.status), (None, Status::Russia));
}

#[test]
fn abagaitu_held_by_russia_until_2008_then_split() {
    // 2000: Russian de jure (the data's pre-2004 line runs south of the islet) and held, claimed by China
    for p in [ABAGAITU, ABAGAITU_WEST] {
        let c = at(p, 2000);
        assert_eq!(c.de_jure.status, Status::Russia, "{p:?}");
        assert_eq!(c.area, Some("abagaitu_held"), "{p:?}");
        assert_eq!(
            (c.controller, c.side, c.claimed_by),
            ("Russian Federation", Some(Status::Russia), "china")
        );
    }
    // 2006: the eastern part Chinese de jure (in force 2 Jun 2005) but still held by Russia
    let c = at(ABAGAITU, 2006);
    assert_eq!(c.de_jure.status, Status::China);
    assert_eq!(
        (c.side, c.area),
        (Some(Status::Russia), Some("abagaitu_held"))
    );
    // 2010: the eastern part Chinese, the western part Russian, both de jure and in fact
    let c = at(ABAGAITU, 2010);
    assert_eq!(c.de_jure.status, Status::China);
    assert_eq!((c.controller, c.area), ("People's Republic of China", None));
    let c = at(ABAGAITU_WEST, 2010);
    assert_eq!(c.de_jure.status, Status::Russia);
    assert_eq!((c.controller, c.area), ("Russian Federation", None));
    // 1929 (as at 31 Dec): Soviet-held; 1928: the de jure answer, no area
    assert_eq!(
        at(ABAGAITU, 1929).controller,
        "Union of Soviet Socialist Republics"
    );
    assert_eq!(at(ABAGAITU, 1928).area, None);
    // the handover day
    let layer = embedded();
    let atlas = nerchinsk::data::embedded();
    let p = Point::new(ABAGAITU.0, ABAGAITU.1);
    let on = |y, m, d| {
        layer
            .control_on(atlas, p, Date::new(y, m, d).unwrap())
            .unwrap()
    };
    assert_eq!(on(2008, 10, 13).controller, "Russian Federation");
    assert_eq!(on(2008, 10, 14).controller, "People's Republic of China");
}

#[test]
fn zhenbao_soviet_held_in_1968_chinese_after_1969() {
    let c = at(ZHENBAO, 1968);
    // de jure Soviet until the 1991 agreement, by the 1861 map's line along the Chinese bank
    // (data/README.md, "Islands in the rivers")
    assert_eq!(c.de_jure.status, Status::Russia);
    assert_eq!(c.area, Some("zhenbao_soviet"));
    assert_eq!(
        (c.controller, c.side),
        ("Union of Soviet Socialist Republics", Some(Status::Russia))
    );
    let layer = embedded();
    let atlas = nerchinsk::data::embedded();
    let summer = layer
        .control_on(
            atlas,
            Point::new(ZHENBAO.0, ZHENBAO.1),
            Date::new(1969, 6, 1).unwrap(),
        )
        .unwrap();
    assert_eq!((summer.controller, summer.side), ("contested", None));
    let c = at(ZHENBAO, 1970);
    assert_eq!(
        (c.side, c.area),
        (Some(Status::China), Some("zhenbao_chinese"))
    );
    assert_eq!(c.de_jure.status, Status::Russia);
    let c = at(ZHENBAO, 2000);
    assert_eq!(c.de_jure.status, Status::China);
    assert_eq!((c.controller, c.area), ("People's Republic of China", None));
}

#[test]
fn errors_are_the_de_jure_errors() {
    assert!(control_at(Point::new(f64::NAN, 50.0), 1900).is_err());
    assert!(control_at(Point::new(133.0, 42.5), 1935).is_err()); // at sea
    assert!(control_at(Point::new(126.6, 45.7), 1600).is_err()); // before 1689
}

#[test]
fn every_area_is_sourced_and_well_formed() {
    let layer = ControlLayer::from_geojson(CONTROL_GEOJSON).unwrap();
    assert!(layer.areas().len() >= 5);
    for a in layer.areas() {
        assert!(a.source.len() > 20, "{}", a.id);
        assert!(!a.reason.is_empty() && !a.name.is_empty(), "{}", a.id);
        assert!((0.0..=50.0).contains(&a.accuracy_km), "{}", a.id);
        assert!(a.from < a.to, "{}", a.id);
    }
    let bad = CONTROL_GEOJSON.replacen("\"de_jure\":\"any\"", "\"de_jure\":\"maybe\"", 1);
    let e = ControlLayer::from_geojson(&bad).err().unwrap();
    assert!(e.to_string().contains("maybe"), "{e}");
}
