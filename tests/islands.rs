//! Offshore islands (data/ISLANDS.md, "Offshore islands"): land with the status of the coast they
//! lie off, on both sides of each date that changes it; the sea between them stays at sea; the
//! bridges that join them to the coast are never a line. Coordinates from the pages named in
//! each comment; the statuses from Nerchinsk 1689 art. 1 (the Uda zone left undetermined, the
//! land south of the mountains to China), Aigun 1858 art. 1 (the left bank to the mouth to
//! Russia, the land between the Ussuri and the sea in common) and Peking 1860 art. 1 (east of the
//! line to Russia). Aigun is dated 28 May 1858 and Peking 14 Nov 1860 in data/timeline.json.

use geo::Contains;
use geo_types::Point;
use nerchinsk::data::embedded;
use nerchinsk::internals::{verdict_of, Naive};
use nerchinsk::{Date, Error, LineKind, Status};

use Status::{China as CN, Joint as JT, Russia as RU, Undetermined as UN};

fn day(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap()
}

/// (name, lon, lat, [(date, expected)]); the comment gives the coordinate source.
type Island = (&'static str, f64, f64, &'static [((i32, u8, u8), Status)]);

const AIGUN_EVE: (i32, u8, u8) = (1858, 5, 27);
const AIGUN: (i32, u8, u8) = (1858, 5, 28);
const PEKING_EVE: (i32, u8, u8) = (1860, 11, 13);
const PEKING: (i32, u8, u8) = (1860, 11, 14);

const ISLANDS: &[Island] = &[
    // Russky Island, part of Vladivostok: 43.00N 131.85E (en.wikipedia Russky Island). Off the
    // coast between the Ussuri and the sea: Qing, joint from Aigun, Russian from Peking.
    (
        "Russky",
        131.85,
        43.0,
        &[
            ((1700, 1, 1), CN),
            (AIGUN_EVE, CN),
            (AIGUN, JT),
            ((1859, 12, 31), JT),
            (PEKING_EVE, JT),
            (PEKING, RU),
            ((1861, 12, 31), RU),
            ((2025, 1, 1), RU),
        ],
    ),
    // Furugelm Island, Posyet Bay: 42.46528N 130.91944E (de.wikial.top Furugelm Island).
    (
        "Furugelm",
        130.91944,
        42.46528,
        &[(AIGUN_EVE, CN), (AIGUN, JT), (PEKING_EVE, JT), (PEKING, RU)],
    ),
    // Maly Shantar: 54.4697N 137.6089E (geo.wikisort.org Maly Shantar Island). The Shantar
    // islands lie off the Uda zone that Nerchinsk left undetermined; Russian from Aigun.
    (
        "Maly Shantar",
        137.6089,
        54.4697,
        &[
            ((1700, 1, 1), UN),
            (AIGUN_EVE, UN),
            (AIGUN, RU),
            ((1860, 12, 31), RU),
        ],
    ),
    // Feklistova Island: 55.0N 136.95E (perceptiofr.com Ostrov Feklistova).
    (
        "Feklistova",
        136.95,
        55.0,
        &[((1700, 1, 1), UN), (AIGUN, RU), ((2000, 1, 1), RU)],
    ),
    // The largest island off the left bank north of the Amur's mouth (a point of its GSHHG ring,
    // the timeline region's point): Qing under Nerchinsk (south of the crest), Russian from Aigun.
    (
        "Island north of the Amur's mouth",
        141.415,
        53.324,
        &[((1700, 1, 1), CN), (AIGUN_EVE, CN), (AIGUN, RU)],
    ),
];

#[test]
fn islands_have_the_status_of_their_coast_on_both_sides_of_each_change() {
    let atlas = embedded();
    for &(name, lon, lat, cases) in ISLANDS {
        for &((y, m, d), want) in cases {
            let got = atlas.sovereignty_on(Point::new(lon, lat), day(y, m, d));
            assert_eq!(
                got.as_ref().map(|s| s.status).ok(),
                Some(want),
                "{name} on {y}-{m}-{d}: {got:?}"
            );
        }
    }
}

#[test]
fn the_sea_between_islands_and_islands_not_covered_stay_at_sea() {
    let atlas = embedded();
    for (name, lon, lat) in [
        // between Russky and Popova (Amur Bay), and across the bridges' corridors
        ("Amur Bay south of Russky", 131.80, 42.93),
        ("between Bolshoy Shantar and Feklistova", 137.3, 54.75),
        // Rishiri, off Hokkaido, 45.18N 141.24E: not covered (data/ISLANDS.md)
        ("Rishiri", 141.24, 45.18),
    ] {
        for year in [1700, 1859, 1900] {
            assert!(
                matches!(
                    atlas.sovereignty_at(Point::new(lon, lat), year),
                    Err(Error::AtSea { .. })
                ),
                "{name} {year}"
            );
        }
    }
}

#[test]
fn bridges_are_never_lines() {
    let atlas = embedded();
    let bridges: Vec<&str> = atlas
        .lines()
        .iter()
        .filter(|l| l.kind == LineKind::Bridge)
        .map(|l| l.id.as_str())
        .collect();
    assert!(bridges.len() >= 30, "{} bridges", bridges.len());
    for date in [
        day(1700, 1, 1),
        day(1859, 1, 1),
        day(1900, 1, 1),
        day(2025, 1, 1),
    ] {
        let in_force = atlas.lines_in_force_on(date).unwrap();
        assert!(in_force.iter().all(|l| !bridges.contains(l)));
        let drawn = atlas.lines_on(date).unwrap();
        assert!(drawn.iter().all(|l| l.line.kind != LineKind::Bridge));
        for &(name, lon, lat, _) in ISLANDS {
            let p = Point::new(lon, lat);
            let near = atlas.nearest_border_on(p, date).unwrap();
            assert!(!bridges.contains(&near.line), "{name}: {}", near.line);
            let c = atlas.certainty_on(p, date).unwrap();
            if let Some(o) = c.other_side {
                assert!(o.status.is_land(), "{name}: {o:?}");
            }
        }
    }
}

#[test]
fn islands_are_in_the_territories_and_the_transfers() {
    let atlas = embedded();
    let russky = Point::new(131.85, 43.0);
    let land = atlas.land_by_status_on(day(1861, 12, 31)).unwrap();
    let russia = &land.iter().find(|(s, _)| *s == RU).unwrap().1;
    assert!(russia.contains(&russky));
    let joint = atlas.land_by_status_on(day(1859, 12, 31)).unwrap();
    let joint = &joint.iter().find(|(s, _)| *s == JT).unwrap().1;
    assert!(joint.contains(&russky));
    // Aigun's undetermined -> russia row holds the Shantar islands (2,468 km² in GSHHG)
    let aigun = atlas.transfers_of("aigun_1858").unwrap();
    let un_ru = aigun.iter().find(|t| (t.from, t.to) == (UN, RU)).unwrap();
    assert!((26_000.0..26_300.0).contains(&un_ru.km2), "{}", un_ru.km2);
}

#[test]
fn the_grid_agrees_with_the_exact_path_on_and_around_every_island() {
    let atlas = embedded();
    let naive = Naive::new(atlas);
    let dates = [day(1700, 1, 1), day(1859, 1, 1), day(1900, 1, 1)];
    let mut land = 0;
    let mut n = 0;
    for l in atlas.lines().iter().filter(|l| l.region.is_some()) {
        let r = geo::BoundingRect::bounding_rect(&l.geometry).unwrap();
        let (w, h) = (r.width(), r.height());
        // a 21 x 21 lattice over the island's box and a margin of a fifth around it
        for i in 0..=20 {
            for j in 0..=20 {
                let p = Point::new(
                    r.min().x - 0.2 * w + 1.4 * w * f64::from(i) / 20.0,
                    r.min().y - 0.2 * h + 1.4 * h * f64::from(j) / 20.0,
                );
                for &d in &dates {
                    let want = naive.verdict(p, d);
                    if want.is_none() {
                        continue; // on a line
                    }
                    let got = verdict_of(&atlas.sovereignty_on(p, d));
                    assert_eq!(got, want, "{} at {p:?} on {d}", l.id);
                    land += usize::from(want.is_some_and(Status::is_land));
                    n += 1;
                }
            }
        }
    }
    assert!(land > n / 4, "{land} of {n} on land");
}
