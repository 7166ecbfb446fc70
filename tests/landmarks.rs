//! Landmarks across the epochs. Coordinates are read from the pages named in each comment
//! (Wikipedia infoboxes and copies, gathered in the project's research notes); the expected
//! status follows from the treaty text: Nerchinsk 1689 art. 1 (Argun, Gorbitsa, crest, Uda zone
//! undetermined), Aigun 1858 art. 1 (left bank of the Amur Russian, Ussuri-to-sea joint),
//! Peking 1860 art. 1 (Ussuri, Sungacha, Khanka, land line to the Tumen).

use geo_types::Point;
use nerchinsk::internals::AtlasInternals;
use nerchinsk::{nearest_border_at, sovereignty_at, Status};

use Status::{China as CN, Joint as JT, Russia as RU, Undetermined as UN};

/// (name, lon, lat, [(year, expected)]); the comment gives the coordinate source.
/// Name, lon, lat, and the expected status in each year checked.
type Landmark = (&'static str, f64, f64, &'static [(i32, Status)]);

const CASES: &[Landmark] = &[
    // Nerchinsk: en.wikipedia.org/wiki/Nerchinsk (oldid 494267018). North of the Shilka, west of the Gorbitsa.
    (
        "Nerchinsk",
        116.58,
        51.98,
        &[(1689, RU), (1859, RU), (2025, RU)],
    ),
    // Sretensk: en.wikipedia.org/wiki/Sretensk; right bank of the Shilka above the Gorbitsa.
    ("Sretensk", 117.7167, 52.25, &[(1700, RU), (1900, RU)]),
    // Krasnokamensk: en.wikipedia.org/wiki/Krasnokamensk,_Zabaykalsky_Krai; left (Russian) side of the Argun.
    ("Krasnokamensk", 118.033, 50.1, &[(1700, RU), (2000, RU)]),
    // Priargunsk: de wiki (defzone.net/wiki/de/Priargunsk); left bank of the Argun.
    ("Priargunsk", 119.0958, 50.3667, &[(1700, RU), (1990, RU)]),
    // Argunsk: cs.wikipedia Argunskoje; moved to the left bank because of the 1689 treaty.
    ("Argunsk", 120.0139, 51.5803, &[(1690, RU), (1900, RU)]),
    // Chita: cyclowiki.org/wiki/Чита (52°02′00″N 113°30′00″E; en.wikipedia copies give 52.050N
    // 113.467E); founded 1653 (same pages). North of the Mongolian frontier, west of the Argun's
    // head: Russian from 1689 in these data (data/FRONTIERS.md, "Kyakhta").
    (
        "Chita",
        113.5,
        52.033333,
        &[(1700, RU), (1750, RU), (2000, RU)],
    ),
    // Kyakhta: howlingpixel.com/i-en/Kyakhta (50.350N 106.450E; the research notes' table), 1.9 km
    // north of the kyakhta_1727 line (WDBII, 2 km accuracy).
    (
        "Kyakhta",
        106.45,
        50.35,
        &[(1700, RU), (1750, RU), (2000, RU)],
    ),
    // Ulan-Ude (Udinsk, founded 1666): simple.wikipedia.org/wiki/Ulan-Ude (51°50′N 107°36′E); west
    // of the covered area before Kyakhta was added (115.5E).
    (
        "Ulan-Ude",
        107.6,
        51.833,
        &[(1700, RU), (1900, RU), (2000, RU)],
    ),
    // Hailar: en.wikipedia Hailar, Inner Mongolia; south-east of the Argun.
    ("Hailar", 119.8245, 49.2347, &[(1700, CN), (1950, CN)]),
    // Manzhouli: en.wikipedia Manzhouli; south of the land boundary west of the Argun.
    ("Manzhouli", 117.3789, 49.5981, &[(1750, CN), (2000, CN)]),
    // Albazino: Wikipedia Albazino copy; left bank of the Amur, the fort demolished under art. 2.
    (
        "Albazino",
        124.0775,
        53.39056,
        &[(1700, CN), (1857, CN), (1858, RU), (2000, RU)],
    ),
    // Amazar mouth (the Great Gorbitsa): clateway copy of en.wikipedia Amazar (river); left bank of the Amur.
    ("Amazar mouth", 122.0792, 53.425, &[(1700, CN), (1860, RU)]),
    // Skovorodino: piglix Skovorodino; south of the Stanovoy crest, north of the Amur.
    ("Skovorodino", 123.9333, 53.9833, &[(1700, CN), (1900, RU)]),
    // Tynda: it.wikipedia Tynda; Zeya basin, south of the crest.
    ("Tynda", 124.7167, 55.15, &[(1700, CN), (1900, RU)]),
    // Zeya town: en.wikipedia Zeya, Russia (oldid 466849360).
    ("Zeya", 127.25, 53.733, &[(1700, CN), (1880, RU)]),
    // Huma: piglix Huma County; right bank of the Amur.
    ("Huma", 126.65, 51.733, &[(1700, CN), (1900, CN)]),
    // Blagoveshchensk: wikizero Blagoveschensk; left bank of the Amur at the Zeya.
    (
        "Blagoveshchensk",
        127.533,
        50.25,
        &[(1700, CN), (1859, RU), (1950, RU)],
    ),
    // Tongjiang: ipedia Tongjiang, Heilongjiang; right bank of the Amur at the Songhua.
    ("Tongjiang", 132.5, 47.65, &[(1700, CN), (1861, CN)]),
    // Fuyuan: wikiwand Fuyuan, Heilongjiang; south bank of the Amur.
    ("Fuyuan", 134.3078, 48.3647, &[(1859, CN), (2020, CN)]),
    // Komsomolsk-on-Amur: it.wiki7 Komsomolsk-na-Amure; left bank of the lower Amur.
    (
        "Komsomolsk-on-Amur",
        137.0,
        50.55,
        &[(1700, CN), (1859, RU), (1861, RU)],
    ),
    // Nikolayevsk-on-Amur: EB1911 "53°8'N, left bank" (maximapedia).
    (
        "Nikolayevsk-on-Amur",
        140.7333,
        53.15,
        &[(1700, CN), (1859, RU)],
    ),
    // Udskoye (Udsk ostrog): de.wikipedia Udskoje; north bank of the Uda.
    ("Udskoye", 134.4067, 54.5072, &[(1700, RU), (1900, RU)]),
    // Ayan: wiki-gateway Ayan, Russia; Okhotsk coast north of the Uda.
    ("Ayan", 138.1681, 56.4583, &[(1700, RU), (1900, RU)]),
    // Bikin: dewiki.academic.ru Bikin; east of the Ussuri.
    (
        "Bikin",
        134.25,
        46.8167,
        &[(1700, CN), (1859, JT), (1861, RU)],
    ),
    // Dalnerechensk (Iman): en.wikipedia Dalnerechensk; east side of the Ussuri.
    ("Dalnerechensk", 133.733, 45.933, &[(1859, JT), (1861, RU)]),
    // Mishan: perceptiode Mishan; north-west of Lake Khanka, Chinese side.
    (
        "Mishan",
        131.8667,
        45.5419,
        &[(1859, CN), (1861, CN), (2000, CN)],
    ),
    // Jixi: cryer.org.uk Jixi.
    ("Jixi", 130.969, 45.295, &[(1861, CN)]),
    // Pogranichny: ja.wikipedia Pogranichny; 15 km east of the 1860 land line.
    (
        "Pogranichny",
        131.3756,
        44.4136,
        &[(1700, CN), (1859, JT), (1861, RU)],
    ),
    // Ussuriysk: piglix Ussuriysk.
    (
        "Ussuriysk",
        131.967,
        43.8,
        &[(1859, JT), (1861, RU), (1950, RU)],
    ),
    // Hunchun: richxsearch copy of en.wikipedia Hunchun; west of the 1860 line.
    ("Hunchun", 130.3661, 42.8631, &[(1859, CN), (1861, CN)]),
    // Vladivostok: clateway copy of en.wikipedia Vladivostok; founded 2 Jul 1860, in the joint period.
    (
        "Vladivostok",
        131.8853,
        43.115,
        &[(1700, CN), (1859, JT), (1861, RU), (2025, RU)],
    ),
    // Khabarovsk: EB1911 48°28'N 135°6'E; right bank below the Ussuri mouth: joint under Aigun.
    (
        "Khabarovsk",
        135.1,
        48.467,
        &[(1700, CN), (1859, JT), (1861, RU)],
    ),
    // Harbin: wikimili Harbin.
    (
        "Harbin",
        126.6409,
        45.7576,
        &[(1700, CN), (1859, CN), (1950, CN)],
    ),
    // Qiqihar: earthspot Qiqihar.
    ("Qiqihar", 123.9182, 47.3549, &[(1700, CN), (2000, CN)]),
    // Mudanjiang: clateway copy of en.wikipedia Mudanjiang.
    ("Mudanjiang", 129.6329, 44.5514, &[(1861, CN)]),
    // Tarabarov (Yinlong), centre 48.380N 134.5231E (it.wiki7 Ostrov Tarabarov): south of the
    // Amur's main channel, Chinese under Aigun (the left bank only to Russia), Russian by the 1861
    // map's Kazakevicheva line from Peking, Chinese from the 2004 agreement.
    (
        "Bolshoy Ussuriysky, western part (Tarabarov)",
        134.5231,
        48.38,
        &[(1700, CN), (1859, CN), (1861, RU), (2000, RU), (2010, CN)],
    ),
    // Bolshoy Ussuriysky centre 48.3581N 134.8514E (wiki-org.ru Bolshoy Ussuriysky), east of the
    // 2004 line (treaty point 10/2 at 134.7648E): Chinese until Peking (Aigun gave Russia the
    // left bank only), Russian by the 1861 map from then on, before and after 2004.
    (
        "Bolshoy Ussuriysky, eastern part",
        134.8514,
        48.3581,
        &[(1700, CN), (1859, CN), (1861, RU), (2000, RU), (2010, RU)],
    ),
    // Zhenbao/Damansky, 46.48556N 133.84444E (en.wikipedia Zhenbao Island), 0.46 km west of the
    // Ussuri's mid-river line (WDBII): Soviet by the 1861 map's line along the Chinese bank until
    // the 1991 agreement (in force 16 Mar 1992); who held it in 1970 is the de facto layer's
    // answer (tests/control.rs).
    (
        "Zhenbao (Damansky)",
        133.84444,
        46.48556,
        &[
            (1859, CN),
            (1861, RU),
            (1968, RU),
            (1991, RU),
            (1992, CN),
            (2000, CN),
        ],
    ),
];

#[test]
fn landmarks_have_the_expected_status() {
    let mut wrong = Vec::new();
    let mut checked = 0;
    for (name, lon, lat, expect) in CASES {
        for &(year, status) in *expect {
            checked += 1;
            match sovereignty_at(Point::new(*lon, *lat), year) {
                Ok(s) if s.status == status => {}
                Ok(s) => {
                    let near = nearest_border_at(Point::new(*lon, *lat), year).unwrap();
                    wrong.push(format!(
                        "{name} {year}: got {} ({:.1} km from {}), want {status}",
                        s.status, near.distance_km, near.line
                    ))
                }
                Err(e) => wrong.push(format!("{name} {year}: error {e}")),
            }
        }
    }
    assert!(CASES.len() >= 30);
    assert!(
        wrong.is_empty(),
        "{} of {checked} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn the_uda_zone_is_undetermined_until_aigun() {
    // Chumikan, en.wikipedia Chumikan (54°42'N 135°17'E): south side of the Uda delta.
    let chumikan = Point::new(135.283, 54.70);
    // A point between the Uda and the crest, 60 km south of Udskoye.
    let inland = Point::new(134.4, 54.0);
    for p in [chumikan, inland] {
        let s = sovereignty_at(p, 1700).unwrap();
        assert_eq!(s.status, UN, "{p:?}");
        assert_eq!(
            s.sovereign,
            "undetermined between Tsardom of Russia and Qing Empire"
        );
        assert_eq!(sovereignty_at(p, 1858).unwrap().status, RU);
    }
}

#[test]
fn sovereign_names_follow_the_date() {
    let blag = Point::new(127.533, 50.25);
    let names: Vec<String> = [1859, 1917, 1919, 1950, 2000]
        .iter()
        .map(|&y| sovereignty_at(blag, y).unwrap().sovereign.to_owned())
        .collect();
    assert_eq!(
        names,
        [
            "Russian Empire",
            "Russian Soviet Republic",
            "Russian Socialist Federative Soviet Republic",
            "Union of Soviet Socialist Republics",
            "Russian Federation"
        ]
    );
    let heihe = Point::new(127.4886, 50.2458);
    let names: Vec<String> = [1900, 1930, 1960]
        .iter()
        .map(|&y| sovereignty_at(heihe, y).unwrap().sovereign.to_owned())
        .collect();
    assert_eq!(
        names,
        [
            "Qing Empire",
            "Republic of China",
            "People's Republic of China"
        ]
    );
}

#[test]
fn the_treaty_and_distance_are_reported() {
    let vladivostok = Point::new(131.8853, 43.115);
    assert_eq!(
        sovereignty_at(vladivostok, 1900).unwrap().treaty,
        "Convention of Peking"
    );
    let vlad = nearest_border_at(vladivostok, 1900).unwrap();
    assert_eq!(vlad.line, "peking_land_line");
    assert!(
        vlad.distance_km > 20.0 && vlad.distance_km < 100.0,
        "{}",
        vlad.distance_km
    );
    let zeya = sovereignty_at(Point::new(127.25, 53.733), 1700).unwrap();
    assert_eq!(zeya.treaty, "Treaty of Nerchinsk");
    // Blagoveshchensk lies on the Amur: closer to the line than 5 km
    let blag = nearest_border_at(Point::new(127.533, 50.25), 1900).unwrap();
    assert_eq!(blag.line, "amur_upper");
    assert!(blag.distance_km < 5.0, "{}", blag.distance_km);
}

#[test]
fn close_calls_say_how_close_they_are() {
    // Beiji village (Mohe), de.trip.com: 53°29'N 122°21'E, on the right bank of the Amur. Rounded
    // to a minute (1.8 km) it lies closer to the line than the data and the coordinate can tell
    // apart; the answer must say so through its distance rather than look certain.
    let s = nearest_border_at(Point::new(122.35, 53.4833), 1900).unwrap();
    let line = nerchinsk::data::embedded()
        .lines()
        .iter()
        .find(|l| l.id == s.line)
        .unwrap();
    assert_eq!(s.line, "amur_upper");
    assert!(
        s.distance_km < line.accuracy_km + 1.8,
        "{} km",
        s.distance_km
    );
}

#[test]
fn the_2004_agreement_moves_the_western_part_of_bolshoy_ussuriysky() {
    let west = Point::new(134.5231, 48.38);
    let treaty = "Complementary Agreement on the Eastern Section of the China-Russia Boundary";
    assert_eq!(
        sovereignty_at(west, 2000).unwrap().treaty,
        "Convention of Peking"
    );
    assert_eq!(sovereignty_at(west, 2010).unwrap().treaty, treaty);
    assert_eq!(
        nearest_border_at(west, 2000).unwrap().line,
        "kazakevicheva_channel"
    );
    // the 2004 line: the main channel to 10/1, then across the island
    let line = nearest_border_at(west, 2010).unwrap().line;
    assert!(
        ["heixiazi_channel_west", "heixiazi_2004"].contains(&line),
        "{line}"
    );
    // the date the event carries is the entry into force, 2 June 2005
    let atlas = nerchinsk::data::embedded();
    let on = |y, m, d| {
        atlas
            .sovereignty_on(west, nerchinsk::Date::new(y, m, d).unwrap())
            .unwrap()
            .status
    };
    assert_eq!((on(2005, 6, 1), on(2005, 6, 2)), (RU, CN));
    // the 1991 agreement moves only Zhenbao here (tests/history.rs), nothing near Khabarovsk
    let moved = atlas.transfers_of("eastern_section_1991").unwrap();
    assert_eq!(moved.len(), 1);
    assert_eq!((moved[0].from, moved[0].to), (RU, CN));
}

#[test]
fn the_2004_agreement_moves_the_eastern_part_of_abagaitu() {
    // Points read off data/lines.geojson: on the islet south of the channel north of it
    // (49.611N at 117.95E), 4 km east of the 2004 line through 7/1 (117.8843E 49.5431N) and 7/2
    // (117.8905E 49.5939N), converted from the treaty's grid coordinates; and 2 km west of that
    // line, on the west part. The islet is Chinese until the agreement (the line runs on the
    // channels west and north of it: data/ISLANDS.md, "Islands in the rivers"), which gives Russia
    // the west part.
    let east = Point::new(117.95, 49.59);
    let west = Point::new(117.862, 49.54);
    let treaty = "Complementary Agreement on the Eastern Section of the China-Russia Boundary";
    for year in [1700, 2000, 2010] {
        let s = sovereignty_at(east, year).unwrap();
        assert_eq!((s.status, s.treaty), (CN, "Treaty of Nerchinsk"), "{year}");
    }
    assert_eq!(
        nearest_border_at(east, 2000).unwrap().line,
        "abagaitu_north_channel"
    );
    for year in [1700, 2000] {
        assert_eq!(sovereignty_at(west, year).unwrap().status, CN, "{year}");
    }
    let s = sovereignty_at(west, 2010).unwrap();
    assert_eq!((s.status, s.treaty), (RU, treaty));
    let near = nearest_border_at(west, 2010).unwrap().line;
    assert!(
        ["abagaitu_2004", "abagaitu_southwest_2004"].contains(&near),
        "{near}"
    );
    // the 2004 event moves two areas, Heixiazi/Tarabarov (east of 130E) and Abagaitu (west of 120E)
    let atlas = nerchinsk::data::embedded();
    let ev = atlas
        .events()
        .iter()
        .position(|e| e.id == "additional_agreement_2004")
        .unwrap();
    let (d0, d1) = (atlas.events()[ev - 1].date, atlas.events()[ev].date);
    let (s0, s1) = (
        atlas.face_statuses(d0).unwrap(),
        atlas.face_statuses(d1).unwrap(),
    );
    let km2 = atlas.face_areas_km2();
    let (mut abagaitu, mut heixiazi) = (0.0, 0.0);
    for (f, poly) in atlas.topology().faces.iter().enumerate() {
        if s0[f] != s1[f] {
            let x = poly.exterior().0[0].x;
            if x < 120.0 {
                assert_eq!((s0[f], s1[f]), (CN, RU));
                abagaitu += km2[f];
            } else {
                assert_eq!((s0[f], s1[f]), (RU, CN));
                assert!(x > 130.0);
                heixiazi += km2[f];
            }
        }
    }
    // published: 23.02 km² of the islet's 57.56 km² to Russia (land only); the face runs along the
    // channels' centre lines, whose 1 km accuracy over its 20 km perimeter allows about 20 km²
    // either way
    assert!((10.0..40.0).contains(&abagaitu), "{abagaitu} km²");
    assert!((220.0..235.0).contains(&heixiazi), "{heixiazi} km²");
    let moved = atlas.transfers_of("additional_agreement_2004").unwrap();
    let km2_of = |from, to| {
        moved
            .iter()
            .filter(|t| (t.from, t.to) == (from, to))
            .map(|t| t.km2)
            .sum::<f64>()
    };
    assert!((km2_of(RU, CN) - heixiazi).abs() < 1e-6);
    assert!((km2_of(CN, RU) - abagaitu).abs() < 1e-6);
}

#[test]
fn the_kyakhta_line_bounds_mongolia_from_1727() {
    use nerchinsk::{Date, Error, Side};
    let atlas = nerchinsk::data::embedded();
    // Kyakhta: howlingpixel.com/i-en/Kyakhta (50.350N 106.450E). Altanbulag (Maimachen), the Qing
    // trading town across the Kyakhta rivulet: en.wikipedia.org/wiki/Altanbulag,_Selenge
    // (50°19′00″N 106°29′39″E).
    let kyakhta = Point::new(106.45, 50.35);
    let altanbulag = Point::new(106.49417, 50.31667);
    // the two towns lie on opposite sides of the line (the data's answer, 1.9 and 2.4 km from it)
    let (a, b) = (
        atlas.side_of_line(kyakhta, "kyakhta_1727").unwrap(),
        atlas.side_of_line(altanbulag, "kyakhta_1727").unwrap(),
    );
    assert!(a != Side::On && b != Side::On && a != b, "{a:?} {b:?}");
    // Mongolia is not covered, before the treaty and after it
    for year in [1700, 1750, 2000] {
        let e = sovereignty_at(altanbulag, year).unwrap_err();
        assert!(matches!(e, Error::OutsideCoverage { .. }), "{year}: {e}");
        assert!(e.to_string().contains("Mongolia"), "{e}");
    }
    // from the Bura treaty on, the line is the nearest treaty line to Kyakhta; before it the
    // frontier there was no treaty line, so the nearest is the Argun's, hundreds of km away
    let before = Date::new(1727, 8, 30).unwrap();
    let after = Date::new(1727, 8, 31).unwrap();
    let near = atlas.nearest_border_on(kyakhta, after).unwrap();
    assert_eq!(near.line, "kyakhta_1727");
    assert!(near.distance_km < 5.0, "{}", near.distance_km);
    let far = atlas.nearest_border_on(kyakhta, before).unwrap();
    assert_ne!(far.line, "kyakhta_1727");
    assert!(far.distance_km > 500.0, "{}", far.distance_km);
    // the status on the Russian side does not change with the treaty (see data/README.md)
    for d in [before, after] {
        assert_eq!(atlas.sovereignty_on(kyakhta, d).unwrap().status, RU);
    }
}
