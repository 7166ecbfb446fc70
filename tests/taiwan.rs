//! The Taiwan region: landmarks on both sides of every date of its timeline, in the default
//! answers and in each reading, its de facto layer, and how the crate root finds the region of
//! a point. Dates and sources in data/TAIWAN.md ("The timeline"); the landmarks' coordinates and
//! their sources in its "Landmarks" table.

use geo_types::Point;
use nerchinsk::data::{embedded, taiwan};
use nerchinsk::readings::{compare, Reading};
use nerchinsk::{control, sovereignty_at, Atlas, Date, Doubt, Error, Status};

fn on(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap()
}

const TAIPEI: Point<f64> = Point(geo_types::Coord {
    x: 121.5167,
    y: 25.0667,
});
const TAINAN: Point<f64> = Point(geo_types::Coord {
    x: 120.1833,
    y: 22.9833,
});
const KAOHSIUNG: Point<f64> = Point(geo_types::Coord {
    x: 120.2975,
    y: 22.6150,
});
const MAGONG: Point<f64> = Point(geo_types::Coord {
    x: 119.5833,
    y: 23.5667,
});
const JINCHENG: Point<f64> = Point(geo_types::Coord {
    x: 118.3167,
    y: 24.4000,
});
const NANGAN: Point<f64> = Point(geo_types::Coord {
    x: 119.9333,
    y: 26.1500,
});
const GREEN_ISLAND: Point<f64> = Point(geo_types::Coord {
    x: 121.4833,
    y: 22.6667,
});
const ORCHID_ISLAND: Point<f64> = Point(geo_types::Coord {
    x: 121.5333,
    y: 22.0500,
});

/// Ceded in 1895 (Shimonoseki art. 2(b)-(c)).
const CEDED: [(&str, Point<f64>); 6] = [
    ("Taipei", TAIPEI),
    ("Tainan", TAINAN),
    ("Kaohsiung", KAOHSIUNG),
    ("Magong", MAGONG),
    ("Green Island", GREEN_ISLAND),
    ("Orchid Island", ORCHID_ISLAND),
];
/// Fujian's islands, never ceded.
const COASTAL: [(&str, Point<f64>); 2] =
    [("Jincheng, Kinmen", JINCHENG), ("Nangan, Matsu", NANGAN)];

fn answer(atlas: &Atlas, p: Point<f64>, d: Date) -> (Status, String, String) {
    let s = atlas
        .sovereignty_on(p, d)
        .unwrap_or_else(|e| panic!("{p:?} on {d}: {e}"));
    (s.status, s.sovereign.to_string(), s.treaty.to_string())
}

#[test]
fn coverage_starts_with_the_surrender_of_tungning() {
    let atlas = taiwan();
    for (name, p) in CEDED.iter().chain(&COASTAL) {
        let before = atlas.sovereignty_on(*p, on(1683, 9, 4));
        assert!(
            matches!(before, Err(Error::BeforeCoverage { .. })),
            "{name}: {before:?}"
        );
        let (status, sovereign, treaty) = answer(atlas, *p, on(1683, 9, 5));
        assert_eq!(
            (status, sovereign.as_str()),
            (Status::China, "Qing Empire"),
            "{name}"
        );
        assert_eq!(treaty, "Surrender of the Kingdom of Tungning", "{name}");
    }
}

#[test]
fn shimonoseki_cedes_taiwan_and_penghu_but_not_kinmen_and_matsu() {
    let atlas = taiwan();
    for (name, p) in CEDED {
        assert_eq!(answer(atlas, p, on(1895, 5, 7)).0, Status::China, "{name}");
        let (status, sovereign, treaty) = answer(atlas, p, on(1895, 5, 8));
        assert_eq!(
            (status, sovereign.as_str()),
            (Status::Japan, "Empire of Japan"),
            "{name}"
        );
        assert_eq!(treaty, "Treaty of Shimonoseki", "{name}");
    }
    for (name, p) in COASTAL {
        assert_eq!(answer(atlas, p, on(1895, 5, 8)).1, "Qing Empire", "{name}");
        // the Republic from the abdication: a new name, the same status and treaty
        let (status, sovereign, treaty) = answer(atlas, p, on(1912, 2, 12));
        assert_eq!(
            (status, sovereign.as_str()),
            (Status::China, "Republic of China"),
            "{name}"
        );
        assert_eq!(treaty, "Surrender of the Kingdom of Tungning", "{name}");
        assert_eq!(answer(atlas, p, on(1912, 2, 11)).1, "Qing Empire", "{name}");
    }
}

#[test]
fn between_signing_and_ratification_the_cession_is_not_certain() {
    let atlas = taiwan();
    for (name, p) in CEDED {
        let sure = atlas.certainty_on(p, on(1895, 4, 16)).unwrap();
        assert!(sure.certain, "{name} before the signing");
        let (s, sure) = atlas
            .sovereignty_with_certainty_on(p, on(1895, 4, 17))
            .unwrap();
        assert_eq!(s.status, Status::China, "{name}");
        let other = sure
            .other_side
            .unwrap_or_else(|| panic!("{name}: certain in the window"));
        assert_eq!(
            (other.status, other.sovereign),
            (Status::Japan, "Empire of Japan")
        );
        assert!(matches!(other.why, Doubt::Time { event, .. } if event.id == "shimonoseki_1895"));
        assert!(
            atlas.certainty_on(p, on(1895, 5, 8)).unwrap().certain,
            "{name} after"
        );
    }
    for (name, p) in COASTAL {
        assert!(
            atlas.certainty_on(p, on(1895, 4, 20)).unwrap().certain,
            "{name}"
        );
    }
}

#[test]
fn from_1945_the_default_names_who_administers_and_that_the_title_is_disputed() {
    let atlas = taiwan();
    for (name, p) in CEDED {
        assert_eq!(
            answer(atlas, p, on(1945, 10, 24)).0,
            Status::Japan,
            "{name}"
        );
        let (status, sovereign, treaty) = answer(atlas, p, on(1945, 10, 25));
        assert_eq!(status, Status::Disputed, "{name}");
        assert_eq!(
            sovereign,
            "administered by the Republic of China; the readings disagree on the title"
        );
        assert_eq!(treaty, "Japanese surrender in Taiwan (Retrocession Day)");
        let (status, sovereign, treaty) = answer(atlas, p, on(1949, 10, 1));
        assert_eq!(status, Status::Disputed, "{name}");
        assert!(
            sovereign.contains("claimed by the People's Republic of China"),
            "{sovereign}"
        );
        assert!(sovereign.contains("undetermined"), "{sovereign}");
        // one status since 1945: the event that set it is still the one named
        assert_eq!(treaty, "Japanese surrender in Taiwan (Retrocession Day)");
        // the San Francisco treaty changes nothing by default
        assert_eq!(answer(atlas, p, on(1952, 4, 28)).1, sovereign, "{name}");
        assert_eq!(answer(atlas, p, on(2025, 1, 1)).1, sovereign, "{name}");
    }
    for (name, p) in COASTAL {
        assert_eq!(
            answer(atlas, p, on(1945, 10, 25)).1,
            "Republic of China",
            "{name}"
        );
        assert_eq!(
            answer(atlas, p, on(1949, 9, 30)).1,
            "Republic of China",
            "{name}"
        );
        let (status, sovereign, _) = answer(atlas, p, on(1949, 10, 1));
        assert_eq!(status, Status::Disputed, "{name}");
        assert_eq!(
            sovereign,
            "administered by the Republic of China; claimed by the People's Republic of China"
        );
    }
}

#[test]
fn each_reading_gives_one_definite_answer() {
    let prc = Atlas::with_reading(Reading::Prc).unwrap();
    let roc = Atlas::with_reading(Reading::Roc).unwrap();
    let und = Atlas::with_reading(Reading::TitleUndetermined).unwrap();
    for (name, p) in CEDED {
        for a in [&prc, &roc] {
            assert_eq!(
                answer(a, p, on(1945, 10, 25)).1,
                "Republic of China",
                "{name}"
            );
        }
        assert_eq!(
            answer(&prc, p, on(1949, 10, 1)).1,
            "People's Republic of China",
            "{name}"
        );
        assert_eq!(
            answer(&roc, p, on(1949, 10, 1)).1,
            "Republic of China",
            "{name}"
        );
        assert_eq!(
            answer(&und, p, on(1950, 1, 1)),
            (
                Status::Japan,
                "Japan".into(),
                "Treaty of Shimonoseki".into()
            ),
            "{name}"
        );
        let (status, sovereign, treaty) = answer(&und, p, on(1952, 4, 28));
        assert_eq!(status, Status::Undetermined, "{name}");
        assert!(sovereign.starts_with("no settled sovereign"), "{sovereign}");
        assert_eq!(treaty, "Treaty of San Francisco");
        // and the signing of San Francisco opens a window in that reading only
        assert!(
            !und.certainty_on(p, on(1952, 1, 1)).unwrap().certain,
            "{name}"
        );
        assert!(
            taiwan().certainty_on(p, on(1952, 1, 1)).unwrap().certain,
            "{name}"
        );
        // before 1945 every reading agrees with the default
        for a in [&prc, &roc, &und] {
            assert_eq!(
                answer(a, p, on(1900, 1, 1)),
                answer(taiwan(), p, on(1900, 1, 1))
            );
        }
    }
    for (name, p) in COASTAL {
        assert_eq!(
            answer(&prc, p, on(1950, 1, 1)).1,
            "People's Republic of China",
            "{name}"
        );
        assert_eq!(
            answer(&roc, p, on(1950, 1, 1)).1,
            "Republic of China",
            "{name}"
        );
        // the undetermined thesis concerns Taiwan and Penghu only
        assert_eq!(
            answer(&und, p, on(1960, 1, 1)),
            answer(taiwan(), p, on(1960, 1, 1)),
            "{name}"
        );
    }
}

#[test]
fn readings_differ_from_the_default_only_after_1945() {
    let prc = Atlas::with_reading(Reading::Prc).unwrap();
    for year in [1700, 1900, 1944] {
        assert!(
            compare(taiwan(), &prc, Date::end_of_year(year))
                .unwrap()
                .transfers
                .is_empty(),
            "{year}"
        );
    }
    let diff = compare(taiwan(), &prc, Date::end_of_year(1950)).unwrap();
    let km2: f64 = diff.transfers.iter().map(|t| t.km2).sum();
    // every island of the region: about 36,278 km² (data/TAIWAN.md, Areas)
    assert!((36_000.0..36_600.0).contains(&km2), "{km2}");
    // two regions cannot be compared
    assert!(matches!(
        compare(embedded(), taiwan(), Date::end_of_year(1950)),
        Err(Error::Data { .. })
    ));
}

#[test]
fn ceded_area_of_1895_and_1945() {
    let atlas = taiwan();
    let t1895 = atlas.transfers_of("shimonoseki_1895").unwrap();
    assert_eq!(t1895.len(), 1);
    assert_eq!((t1895[0].from, t1895[0].to), (Status::China, Status::Japan));
    // Taiwan 35,808 and Penghu 141 km² published; the islets and Green and Orchid Islands add
    assert!(
        (35_950.0..36_300.0).contains(&t1895[0].km2),
        "{}",
        t1895[0].km2
    );
    let t1945 = atlas.transfers_of("retrocession_1945").unwrap();
    assert_eq!(t1945.len(), 1);
    assert_eq!(
        (t1945[0].from, t1945[0].to),
        (Status::Japan, Status::Disputed)
    );
    assert!((t1945[0].km2 - t1895[0].km2).abs() < 1e-6);
    let roc = Atlas::with_reading(Reading::Roc).unwrap();
    let r1945 = roc.transfers_of("retrocession_1945").unwrap();
    assert_eq!((r1945[0].from, r1945[0].to), (Status::Japan, Status::China));
}

#[test]
fn the_de_facto_layer() {
    let atlas = taiwan();
    let layer = control::taiwan();
    let c = layer.control_on(atlas, MAGONG, on(1885, 5, 1)).unwrap();
    assert_eq!((c.area, c.side), (Some("penghu_french_1885"), None));
    assert_eq!(c.de_jure.sovereign, "Qing Empire");
    let c = layer.control_on(atlas, TAIPEI, on(1885, 5, 1)).unwrap();
    assert_eq!((c.area, c.reason), (None, "de jure"));
    let c = layer.control_on(atlas, MAGONG, on(1895, 4, 1)).unwrap();
    assert_eq!(
        (c.area, c.controller, c.side),
        (
            Some("penghu_japanese_1895"),
            "Empire of Japan",
            Some(Status::Japan)
        )
    );
    let c = layer.control_on(atlas, TAINAN, on(1895, 5, 25)).unwrap();
    assert_eq!(
        (c.area, c.controller),
        (Some("formosa_republic"), "Republic of Formosa")
    );
    let c = layer.control_on(atlas, TAINAN, on(1895, 8, 1)).unwrap();
    assert_eq!(c.area, Some("formosa_war_1895"));
    assert!(c.controller.starts_with("contested"));
    let c = layer.control_on(atlas, TAINAN, on(1895, 10, 21)).unwrap();
    assert_eq!((c.area, c.controller), (None, "Empire of Japan"));
    // Penghu and the islands off the east coast were no part of the republic's island
    let c = layer.control_on(atlas, MAGONG, on(1895, 5, 25)).unwrap();
    assert_eq!(c.area, None);
    let c = layer
        .control_on(atlas, GREEN_ISLAND, on(1895, 8, 1))
        .unwrap();
    assert_eq!(c.area, None);
    let c = layer.control_on(atlas, JINCHENG, on(1940, 1, 1)).unwrap();
    assert_eq!(
        (c.area, c.controller),
        (Some("kinmen_japanese"), "Empire of Japan")
    );
    assert_eq!(c.de_jure.sovereign, "Republic of China");
    assert_eq!(
        layer
            .control_on(atlas, NANGAN, on(1940, 1, 1))
            .unwrap()
            .area,
        None
    );
    let c = layer.control_on(atlas, JINCHENG, on(1945, 10, 10)).unwrap();
    assert_eq!((c.area, c.controller), (None, "Republic of China"));
    // the crate root asks the layer of the point's region
    let c = nerchinsk::control_at(JINCHENG, 1940).unwrap();
    assert_eq!(c.area, Some("kinmen_japanese"));
}

#[test]
fn the_crate_root_finds_the_region_of_a_point() {
    assert_eq!(sovereignty_at(TAIPEI, 1900).unwrap().status, Status::Japan);
    assert_eq!(
        sovereignty_at(JINCHENG, 1900).unwrap().sovereign,
        "Qing Empire"
    );
    // the Sino-Russian region answers as before
    let albazino = Point::new(124.0775, 53.39056);
    assert_eq!(
        sovereignty_at(albazino, 1900).unwrap(),
        embedded().sovereignty_at(albazino, 1900).unwrap()
    );
    // Xiamen island and Fuzhou (PRC-held, off and on Fujian's coast) are outside Taiwan's
    // coverage (Xiamen's en.wikipedia point, 118.09E 24.48N, lies in an inlet of GSHHG's
    // island, so a point inside it stands for the city: data/TAIWAN.md, "The lines")
    for (name, p) in [
        ("Xiamen", Point::new(118.1525, 24.4875)),
        ("Fuzhou", Point::new(119.30, 26.08)),
    ] {
        match sovereignty_at(p, 1950) {
            Err(Error::OutsideCoverage { coverage, .. }) => {
                assert!(
                    coverage.text.contains("Kinmen"),
                    "{name}: {}",
                    coverage.text
                )
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    assert!(matches!(
        sovereignty_at(Point::new(119.9, 24.3), 1950),
        Err(Error::AtSea { .. })
    ));
    // a point in no frame keeps the Sino-Russian error
    match sovereignty_at(Point::new(100.0, 30.0), 1950) {
        Err(Error::OutsideCoverage { coverage, .. }) => assert!(coverage.text.contains("105.5E")),
        other => panic!("{other:?}"),
    }
    // the frame of data::covering is the atlas's
    let f = taiwan().frame();
    assert_eq!(
        [f.min().x, f.max().x, f.min().y, f.max().y],
        [118.0, 123.0, 21.5, 26.5]
    );
}

#[test]
fn taiwan_has_no_treaty_lines_so_no_nearest_line() {
    let atlas = taiwan();
    assert!(atlas.lines_in_force_on(on(1950, 1, 1)).unwrap().is_empty());
    let near = nerchinsk::nearest_border_at(TAIPEI, 1950).unwrap();
    assert_eq!(near.line, "");
    assert!(near.distance_km.is_infinite());
}

#[test]
fn changes_between_dates_in_taiwan() {
    let atlas = taiwan();
    let ch = atlas
        .changes_between(on(1890, 1, 1), on(1900, 1, 1))
        .unwrap();
    assert!(!ch.is_empty());
    assert!(ch
        .iter()
        .all(|c| (c.from, c.to) == (Status::China, Status::Japan)));
    let km2: f64 = ch.iter().map(|c| c.area_km2).sum();
    let t = atlas.transfers_of("shimonoseki_1895").unwrap()[0].km2;
    assert!((km2 - t).abs() / t < 1e-3, "{km2} against {t}");
}
