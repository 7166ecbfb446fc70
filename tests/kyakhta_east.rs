//! The frontier west of the Argun's head, from the Mongolian tripoint to Abagaitu
//! (`kyakhta_east`): landmarks on both sides of the Bura treaty of 1727. Sources in
//! data/README.md ("West of the Argun's head (1727, 1911)"); the coordinates' sources are in
//! the comments.

use geo_types::Point;
use nerchinsk::data::embedded;
use nerchinsk::{Date, Status};

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
    for d in [after, on(1800, 1, 1), on(2000, 1, 1)] {
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
    // 0.5 km north of the frontier's vertex nearest Zabaykalsk (117.327779E 49.623896N):
    // within its 1 km accuracy once it is a treaty line, not before
    let p = Point::new(117.327779, 49.628396);
    let c = atlas.certainty_on(p, on(1700, 1, 1)).unwrap();
    assert!(c.certain, "{c:?}");
    let c = atlas.certainty_on(p, on(1800, 1, 1)).unwrap();
    assert!(!c.certain, "{c:?}");
}
