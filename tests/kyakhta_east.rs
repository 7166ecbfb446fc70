//! The frontier west of the Argun's head, from the Mongolian tripoint to Abagaitu
//! (`kyakhta_east`): landmarks on both sides of the Bura treaty of 1727. Sources in
//! data/FRONTIERS.md ("West of the Argun's head (1727, 1911)"); the coordinates' sources are in
//! the comments.

use geo_types::Point;
use nerchinsk::data::embedded;
use nerchinsk::readings::{compare, Reading};
use nerchinsk::{Atlas, Date, Doubt, Status};

fn on(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap()
}

/// Dauria, a railway settlement of Transbaikalia north of the frontier: 49°55′31″N 116°50′50″E
/// (perceptioro.com Даурия (посёлок), a copy of ru.wikipedia).
const DAURIA: Point<f64> = Point(geo_types::Coord {
    x: 116.847222,
    y: 49.925278,
});
/// Manzhouli, south of the frontier: Natural Earth's populated place (tests/towns.csv).
const MANZHOULI: Point<f64> = Point(geo_types::Coord {
    x: 117.429979,
    y: 49.599982,
});

const BURA_EVE: (i32, u8, u8) = (1727, 8, 30);
const BURA: (i32, u8, u8) = (1727, 8, 31);

#[test]
fn the_frontier_is_a_treaty_line_from_bura_not_from_nerchinsk() {
    let atlas = embedded();
    let (before, after) = (
        on(BURA_EVE.0, BURA_EVE.1, BURA_EVE.2),
        on(BURA.0, BURA.1, BURA.2),
    );
    for d in [on(1689, 9, 8), on(1700, 1, 1), before] {
        let live = atlas.lines_in_force_on(d).unwrap();
        assert!(!live.contains(&"kyakhta_east"), "{d}");
        // the map draws it, but with no treaty behind it
        let lines = atlas.lines_on(d).unwrap();
        let l = lines.iter().find(|l| l.line.id == "kyakhta_east").unwrap();
        assert!(l.in_force_since.is_none(), "{d}");
    }
    for d in [after, on(1800, 1, 1), on(1911, 12, 19)] {
        assert!(
            atlas
                .lines_in_force_on(d)
                .unwrap()
                .contains(&"kyakhta_east"),
            "{d}"
        );
    }
    let lines = atlas.lines_on(on(1800, 1, 1)).unwrap();
    let l = lines.iter().find(|l| l.line.id == "kyakhta_east").unwrap();
    assert_eq!(l.in_force_since.unwrap().id, "kyakhta_1727");
}

#[test]
fn dauria_is_nearest_the_frontier_only_once_a_treaty_drew_it() {
    let atlas = embedded();
    let (before, after) = (
        on(BURA_EVE.0, BURA_EVE.1, BURA_EVE.2),
        on(BURA.0, BURA.1, BURA.2),
    );
    let far = atlas.nearest_border_on(DAURIA, before).unwrap();
    assert_ne!(far.line, "kyakhta_east");
    // the Argun, beyond the frontier's east end
    assert!(far.distance_km > 40.0, "{} {}", far.line, far.distance_km);
    let near = atlas.nearest_border_on(DAURIA, after).unwrap();
    assert_eq!(near.line, "kyakhta_east");
    assert!(near.distance_km < 30.0, "{}", near.distance_km);
}

#[test]
fn the_frontier_separates_russian_and_qing_land_on_both_sides_of_1727() {
    let atlas = embedded();
    for d in [
        on(1690, 1, 1),
        on(BURA_EVE.0, BURA_EVE.1, BURA_EVE.2),
        on(BURA.0, BURA.1, BURA.2),
        on(1800, 1, 1),
    ] {
        let dauria = atlas.sovereignty_on(DAURIA, d).unwrap();
        assert_eq!(dauria.status, Status::Russia, "{d}");
        let manzhouli = atlas.sovereignty_on(MANZHOULI, d).unwrap();
        assert_eq!(manzhouli.status, Status::China, "{d}");
        assert_eq!(manzhouli.sovereign, "Qing Empire");
    }
}

#[test]
fn no_certainty_band_before_the_frontier_was_drawn() {
    let atlas = embedded();
    // on the railway 2 km south-east of the crossing before 1911: within the hand-drawn line's
    // 20 km accuracy once it is a treaty line, not before
    let c = atlas.certainty_on(RAILWAY_3_KM, on(1700, 1, 1)).unwrap();
    assert!(c.certain, "{c:?}");
    let c = atlas.certainty_on(RAILWAY_3_KM, on(1800, 1, 1)).unwrap();
    let other = c.other_side.unwrap();
    assert_eq!(other.status, Status::Russia);
    assert!(
        matches!(
            other.why,
            Doubt::Space {
                line: "kyakhta_east",
                ..
            }
        ),
        "{other:?}"
    );
}

/// On the railway from Matsievskaya (49°43′37″N 117°16′03″E, perceptioda.com Мациевская) towards
/// Zabaykalsk (bearing 150°, estimated), 5 km and 3.35 km from the station: the frontier crossed
/// it about 1 to 1.7 km from the station until 1911 and at Zabaykalsk, 11 km away by rail, after
/// it (shobserver.com news 371768; lokomotiv-rostov.ru): land the 1911 agreement moved.
const RAILWAY_5_KM: Point<f64> = Point(geo_types::Coord {
    x: 117.302252,
    y: 49.687997,
});
const RAILWAY_3_KM: Point<f64> = Point(geo_types::Coord {
    x: 117.29079,
    y: 49.700851,
});
const QIQIHAR: &str = "Qiqihar (Manzhouli) agreement";

#[test]
fn the_strip_west_of_zabaykalsk_became_russian_in_1911() {
    let atlas = embedded();
    let at = |d: Date| atlas.sovereignty_on(RAILWAY_5_KM, d).unwrap();
    let before = at(on(1911, 12, 19));
    assert_eq!(
        (before.status, before.sovereign),
        (Status::China, "Qing Empire")
    );
    assert_eq!(before.treaty, "Treaty of Nerchinsk");
    let after = at(on(1911, 12, 20));
    assert_eq!((after.status, after.treaty), (Status::Russia, QIQIHAR));
    assert_eq!(at(on(1921, 6, 1)).sovereign, "Far Eastern Republic");
    let now = at(on(2000, 1, 1));
    assert_eq!((now.status, now.treaty), (Status::Russia, QIQIHAR));
    // Dauria and Manzhouli do not move
    for d in [on(1900, 1, 1), on(1950, 1, 1)] {
        assert_eq!(
            atlas.sovereignty_on(DAURIA, d).unwrap().status,
            Status::Russia
        );
        assert_eq!(
            atlas.sovereignty_on(MANZHOULI, d).unwrap().status,
            Status::China
        );
    }
}

#[test]
fn the_1911_line_replaces_the_1727_one() {
    let atlas = embedded();
    let live = atlas.lines_in_force_on(on(1911, 12, 19)).unwrap();
    assert!(live.contains(&"kyakhta_east") && !live.contains(&"kyakhta_east_1911"));
    let live = atlas.lines_in_force_on(on(1911, 12, 20)).unwrap();
    assert!(!live.contains(&"kyakhta_east") && live.contains(&"kyakhta_east_1911"));
    assert_eq!(
        atlas
            .nearest_border_on(DAURIA, on(1900, 1, 1))
            .unwrap()
            .line,
        "kyakhta_east"
    );
    assert_eq!(
        atlas
            .nearest_border_on(DAURIA, on(2000, 1, 1))
            .unwrap()
            .line,
        "kyakhta_east_1911"
    );
    let moved = atlas.transfers_of("qiqihar_1911").unwrap();
    assert_eq!(moved.len(), 1);
    assert_eq!(
        (moved[0].from, moved[0].to),
        (Status::China, Status::Russia)
    );
    // the hand-drawn line through the railway crossing: 0.3 to 9.6 km from today's line
    assert!((300.0..700.0).contains(&moved[0].km2), "{}", moved[0].km2);
}

#[test]
fn the_strip_is_not_certain_in_time_until_the_1991_agreement_took_effect() {
    let atlas = embedded();
    let c = atlas.certainty_on(RAILWAY_5_KM, on(1950, 1, 1)).unwrap();
    let other = c.other_side.unwrap();
    assert_eq!(
        (other.status, other.sovereign),
        (Status::China, "People's Republic of China")
    );
    assert!(matches!(other.why, Doubt::Time { event, .. } if event.id == "qiqihar_1911"));
    assert!(
        atlas
            .certainty_on(RAILWAY_5_KM, on(1992, 3, 16))
            .unwrap()
            .certain
    );
}

#[test]
fn the_void_reading_keeps_the_strip_chinese_until_1992() {
    let void = Atlas::with_reading(Reading::QiqiharVoid).unwrap();
    let at = |d: Date| void.sovereignty_on(RAILWAY_5_KM, d).unwrap().status;
    assert_eq!(at(on(1950, 1, 1)), Status::China);
    assert_eq!(at(on(1992, 3, 15)), Status::China);
    assert_eq!(at(on(1992, 3, 16)), Status::Russia);
    let live = void.lines_in_force_on(on(1950, 1, 1)).unwrap();
    assert!(live.contains(&"kyakhta_east") && !live.contains(&"kyakhta_east_1911"));
    // against the embedded data: the strip from 1911 to 1992, nothing before or after
    let standard = embedded();
    let moved = |d| compare(standard, &void, d).unwrap().moved_km2();
    let strip = standard.transfers_of("qiqihar_1911").unwrap()[0].km2;
    assert!((moved(on(1950, 1, 1)) - strip).abs() < 1e-3);
    assert!(moved(on(1900, 1, 1)) < 1e-6 && moved(on(2000, 1, 1)) < 1e-6);
}

/// An answer's `treaty` names the event that set the point's status (data/FRONTIERS.md, "West of
/// the Argun's head", "Which treaty an answer names"): north of the frontier that is Nerchinsk
/// on both sides of 1727, since the Bura treaty drew the line but moved no land; the line's own
/// treaty is the one `lines_on` gives it.
#[test]
fn transbaikalia_by_the_frontier_names_nerchinsk_and_the_line_names_bura() {
    let atlas = embedded();
    for d in [on(1700, 1, 1), on(1800, 1, 1), on(2000, 1, 1)] {
        let a = atlas.sovereignty_on(DAURIA, d).unwrap();
        assert_eq!(
            (a.status, a.treaty),
            (Status::Russia, "Treaty of Nerchinsk"),
            "{d}"
        );
    }
    assert!(atlas.transfers_of("kyakhta_1727").unwrap().is_empty());
    let d = on(1800, 1, 1);
    assert_eq!(
        atlas.nearest_border_on(DAURIA, d).unwrap().line,
        "kyakhta_east"
    );
    let lines = atlas.lines_on(d).unwrap();
    let l = lines.iter().find(|l| l.line.id == "kyakhta_east").unwrap();
    assert_eq!(l.in_force_since.unwrap().name, "Treaty of Bura (Kyakhta)");
}
