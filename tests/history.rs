//! The years between the treaties, the river islands and Mongolia: landmarks on both sides of
//! every date the timeline sets. Each date and its source is in data/README.md ("The states
//! and their names", "Islands in the rivers", "Mongolia"); the coordinates' sources are in the
//! comments.

use geo_types::Point;
use nerchinsk::data::embedded;
use nerchinsk::readings::{compare, Reading};
use nerchinsk::{Atlas, Date, Error, Status};

fn on(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap()
}

/// Chita: cyclowiki.org/wiki/Чита (52°02′N 113°30′E), the Far Eastern Republic's capital
/// from October 1920.
const CHITA: Point<f64> = Point(geo_types::Coord {
    x: 113.5,
    y: 52.033333,
});
/// Blagoveshchensk: wikizero (50.25N 127.533E), on the Amur's left bank.
const BLAGOVESHCHENSK: Point<f64> = Point(geo_types::Coord {
    x: 127.533,
    y: 50.25,
});
/// Vladivostok: en.wikipedia Vladivostok (43.115N 131.8853E).
const VLADIVOSTOK: Point<f64> = Point(geo_types::Coord {
    x: 131.8853,
    y: 43.115,
});
/// Harbin: Heilongjiang Provincial Museum, wikimili Harbin.
const HARBIN: Point<f64> = Point(geo_types::Coord {
    x: 126.6409,
    y: 45.7576,
});
/// Tarabarov centre (it.wiki7.org Ostrov Tarabarov), in the part that went to China in 2005.
const TARABAROV: Point<f64> = Point(geo_types::Coord {
    x: 134.5231,
    y: 48.38,
});
/// Bolshoy Ussuriysky centre (wiki-org.ru Bolshoy Ussuriysky), in the part Russia kept.
const BOLSHOY_EAST: Point<f64> = Point(geo_types::Coord {
    x: 134.8514,
    y: 48.3581,
});
/// Zhenbao/Damansky (en.wikipedia Zhenbao Island): 46.48556N 133.84444E.
const ZHENBAO: Point<f64> = Point(geo_types::Coord {
    x: 133.84444,
    y: 46.48556,
});
/// Kyakhta (howlingpixel.com/i-en/Kyakhta), 1.9 km north of the 1727 line in these data.
const KYAKHTA: Point<f64> = Point(geo_types::Coord {
    x: 106.45,
    y: 50.35,
});

fn sovereign(p: Point<f64>, d: Date) -> String {
    embedded()
        .sovereignty_on(p, d)
        .unwrap()
        .sovereign
        .to_owned()
}

#[test]
fn the_russian_state_is_named_by_its_revolutions() {
    for (date, name) in [
        (on(1917, 3, 14), "Russian Empire"),
        (on(1917, 3, 15), "Russian State (Provisional Government)"),
        (on(1917, 9, 13), "Russian State (Provisional Government)"),
        (on(1917, 9, 14), "Russian Republic"),
        (on(1917, 11, 6), "Russian Republic"),
        (on(1917, 11, 7), "Russian Soviet Republic"),
        (on(1918, 7, 18), "Russian Soviet Republic"),
        (
            on(1918, 7, 19),
            "Russian Socialist Federative Soviet Republic",
        ),
        (
            on(1920, 4, 5),
            "Russian Socialist Federative Soviet Republic",
        ),
        (
            on(1922, 11, 15),
            "Russian Socialist Federative Soviet Republic",
        ),
        (
            on(1922, 12, 29),
            "Russian Socialist Federative Soviet Republic",
        ),
        (on(1922, 12, 30), "Union of Soviet Socialist Republics"),
    ] {
        for p in [CHITA, BLAGOVESHCHENSK, VLADIVOSTOK] {
            assert_eq!(sovereign(p, date), name, "{p:?} on {date}");
        }
    }
}

#[test]
fn the_far_eastern_republic_held_the_russian_side_from_1920_to_1922() {
    let atlas = embedded();
    for p in [CHITA, BLAGOVESHCHENSK, VLADIVOSTOK, TARABAROV, ZHENBAO] {
        for date in [on(1920, 4, 6), on(1921, 6, 1), on(1922, 11, 14)] {
            let s = atlas.sovereignty_on(p, date).unwrap();
            assert_eq!(s.status, Status::Russia, "{p:?} on {date}");
            assert_eq!(s.sovereign, "Far Eastern Republic", "{p:?} on {date}");
        }
        assert_ne!(sovereign(p, on(1920, 4, 5)), "Far Eastern Republic");
        assert_ne!(sovereign(p, on(1922, 11, 15)), "Far Eastern Republic");
    }
    // the state changes, the treaty that gave the land to the Russian side does not
    let s = atlas.sovereignty_on(CHITA, on(1921, 6, 1)).unwrap();
    assert_eq!(s.treaty, "Treaty of Nerchinsk");
    let s = atlas.sovereignty_on(VLADIVOSTOK, on(1921, 6, 1)).unwrap();
    assert_eq!(s.treaty, "Convention of Peking");
    // the Chinese side is untouched: the Republic of China
    assert_eq!(sovereign(HARBIN, on(1921, 6, 1)), "Republic of China");
    // the state of 1920 is in the dataset's states, with its status
    let fer = atlas.state("far_eastern_republic").unwrap();
    assert_eq!(fer.status, Status::Russia);
    // the exact path agrees with the table
    assert_eq!(
        atlas
            .sovereignty_exact(CHITA, on(1921, 6, 1))
            .unwrap()
            .sovereign,
        "Far Eastern Republic"
    );
}

#[test]
fn aigun_left_the_islands_below_khabarovsk_on_the_qing_side() {
    let atlas = embedded();
    for p in [TARABAROV, BOLSHOY_EAST] {
        for (date, status, treaty) in [
            (on(1858, 5, 27), Status::China, "Treaty of Nerchinsk"),
            (on(1858, 5, 28), Status::China, "Treaty of Nerchinsk"),
            (on(1860, 11, 13), Status::China, "Treaty of Nerchinsk"),
            (on(1860, 11, 14), Status::Russia, "Convention of Peking"),
            (on(2005, 6, 1), Status::Russia, "Convention of Peking"),
        ] {
            let s = atlas.sovereignty_on(p, date).unwrap();
            assert_eq!((s.status, s.treaty), (status, treaty), "{p:?} on {date}");
        }
    }
    // the 2004 agreement splits Bolshoy Ussuriysky
    let west = atlas.sovereignty_on(TARABAROV, on(2005, 6, 2)).unwrap();
    assert_eq!(west.status, Status::China);
    assert_eq!(
        west.treaty,
        "Complementary Agreement on the Eastern Section of the China-Russia Boundary"
    );
    let east = atlas.sovereignty_on(BOLSHOY_EAST, on(2005, 6, 2)).unwrap();
    assert_eq!(
        (east.status, east.treaty),
        (Status::Russia, "Convention of Peking")
    );
    // Khabarovsk (EB1911, 48.48N 135.07E), on the right bank below the Ussuri's mouth, is in the
    // land Aigun held jointly
    let khabarovsk = Point::new(135.07, 48.48);
    let s = atlas.sovereignty_on(khabarovsk, on(1858, 5, 28)).unwrap();
    assert_eq!(s.status, Status::Joint);
}

#[test]
fn zhenbao_was_soviet_by_the_1861_map_until_the_1991_agreement() {
    let atlas = embedded();
    for (date, status) in [
        (on(1860, 11, 13), Status::China),
        (on(1860, 11, 14), Status::Russia),
        (on(1969, 3, 2), Status::Russia),
        (on(1992, 3, 15), Status::Russia),
        (on(1992, 3, 16), Status::China),
    ] {
        let s = atlas.sovereignty_on(ZHENBAO, date).unwrap();
        assert_eq!(s.status, status, "{date}");
    }
    let s = atlas.sovereignty_on(ZHENBAO, on(2025, 1, 1)).unwrap();
    assert_eq!(
        s.treaty,
        "Sino-Soviet Agreement on the Eastern Section of the Boundary"
    );
    // the 1991 agreement moves only Zhenbao's face in these data
    let moved: f64 = atlas
        .transfers_of("eastern_section_1991")
        .unwrap()
        .iter()
        .map(|t| t.km2)
        .sum();
    assert!(moved > 0.5 && moved < 10.0, "{moved}");
}

#[test]
fn the_main_channel_reading_keeps_the_islands_chinese() {
    let main = Atlas::with_reading(Reading::MainChannel).unwrap();
    for p in [TARABAROV, BOLSHOY_EAST, ZHENBAO] {
        for date in [
            on(1859, 1, 1),
            on(1861, 1, 1),
            on(1950, 1, 1),
            on(2005, 6, 1),
        ] {
            let s = main.sovereignty_on(p, date).unwrap();
            assert_eq!(s.status, Status::China, "{p:?} on {date}");
        }
    }
    // in this reading the 2004 agreement gives Russia the eastern part of Bolshoy Ussuriysky
    let east = main.sovereignty_on(BOLSHOY_EAST, on(2005, 6, 2)).unwrap();
    assert_eq!(east.status, Status::Russia);
    assert_eq!(
        main.sovereignty_on(TARABAROV, on(2005, 6, 2))
            .unwrap()
            .status,
        Status::China
    );
    // land elsewhere is untouched: the Amur's banks, the Ussuri coast
    for p in [BLAGOVESHCHENSK, VLADIVOSTOK, HARBIN, CHITA] {
        for y in [1859, 1900, 2025] {
            assert_eq!(
                main.sovereignty_at(p, y).unwrap().status,
                embedded().sovereignty_at(p, y).unwrap().status
            );
        }
    }
    // the land the reading moves, 1860 to 1992: the islands and their channels, nothing else
    let c = compare(embedded(), &main, on(1950, 1, 1)).unwrap();
    assert!(c
        .transfers
        .iter()
        .all(|t| t.from == Status::Russia && t.to == Status::China));
    assert!(
        c.moved_km2() > 300.0 && c.moved_km2() < 600.0,
        "{}",
        c.moved_km2()
    );
    // and nothing before 1858 or after 2005
    for date in [on(1700, 1, 1), on(2010, 1, 1)] {
        assert_eq!(compare(embedded(), &main, date).unwrap().moved_km2(), 0.0);
    }
}

#[test]
fn the_kyakhta_line_is_a_treaty_line_until_mongolia_is_recognised() {
    let atlas = embedded();
    let before = atlas.nearest_border_on(KYAKHTA, on(1946, 1, 4)).unwrap();
    assert_eq!(before.line, "kyakhta_1727");
    assert!(before.distance_km < 5.0, "{}", before.distance_km);
    let after = atlas.nearest_border_on(KYAKHTA, on(1946, 1, 5)).unwrap();
    assert_ne!(after.line, "kyakhta_1727");
    assert!(after.distance_km > 500.0, "{}", after.distance_km);
    assert!(!atlas
        .lines_in_force_on(on(1946, 1, 5))
        .unwrap()
        .contains(&"kyakhta_1727"));
    // it stays the edge of the covered area: Kyakhta Russian, Altanbulag (en.wikipedia
    // Altanbulag, Selenge: 50.31667N 106.49417E) outside
    assert_eq!(
        atlas
            .sovereignty_on(KYAKHTA, on(2025, 1, 1))
            .unwrap()
            .status,
        Status::Russia
    );
    let altanbulag = Point::new(106.49417, 50.31667);
    assert!(matches!(
        atlas.sovereignty_on(altanbulag, on(2025, 1, 1)),
        Err(Error::OutsideCoverage { .. })
    ));
}
