//! The committed data: every file parses, every feature carries its provenance, and the lines
//! meet where the treaties say they meet.

use geo::{Distance, Haversine};
use geo_types::{Coord, Point};
use nerchinsk::data::{embedded, LINES_GEOJSON, REFERENCE_GEOJSON, TIMELINE_JSON};

fn features(text: &str) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    v["features"].as_array().unwrap().clone()
}

fn km(a: Coord<f64>, b: Coord<f64>) -> f64 {
    Haversine.distance(Point::from(a), Point::from(b)) / 1000.0
}

fn line(id: &str) -> Vec<Coord<f64>> {
    embedded()
        .lines()
        .iter()
        .find(|l| l.id == id)
        .unwrap_or_else(|| panic!("no line {id}"))
        .geometry
        .0
        .clone()
}

#[test]
fn every_feature_has_its_provenance() {
    for text in [LINES_GEOJSON, REFERENCE_GEOJSON] {
        let fs = features(text);
        assert!(!fs.is_empty());
        for f in fs {
            let p = &f["properties"];
            let id = p["id"].as_str().unwrap();
            for key in ["name", "role", "source", "licence", "method"] {
                assert!(
                    p[key].as_str().is_some_and(|s| !s.is_empty()),
                    "{id}: no {key}"
                );
            }
            let acc = p["accuracy_km"]
                .as_f64()
                .unwrap_or_else(|| panic!("{id}: no accuracy_km"));
            assert!((0.0..=50.0).contains(&acc), "{id}: accuracy {acc}");
            let m = p["method"].as_str().unwrap();
            assert!(
                ["extracted", "derived", "digitised", "defined"]
                    .iter()
                    .any(|w| m.starts_with(w)),
                "{id}: method {m}"
            );
            assert_eq!(f["geometry"]["type"], "LineString", "{id}");
            for c in f["geometry"]["coordinates"].as_array().unwrap() {
                let (x, y) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
                assert!(
                    (-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y),
                    "{id}: {x} {y}"
                );
                // at most 6 decimals
                assert_eq!((x * 1e6).round() / 1e6, x, "{id}: {x}");
            }
        }
    }
    let t: serde_json::Value = serde_json::from_str(TIMELINE_JSON).unwrap();
    for e in t["events"].as_array().unwrap() {
        assert!(
            e["source"].as_str().is_some_and(|s| s.len() > 10),
            "{}",
            e["id"]
        );
    }
}

#[test]
fn the_gorbitsa_reading_is_marked_as_hand_digitised_and_has_an_alternative() {
    let fs = features(LINES_GEOJSON);
    let g = fs
        .iter()
        .find(|f| f["properties"]["id"] == "gorbitsa")
        .unwrap();
    assert!(g["properties"]["method"]
        .as_str()
        .unwrap()
        .starts_with("digitised by hand"));
    let r = features(REFERENCE_GEOJSON);
    assert!(r
        .iter()
        .any(|f| f["properties"]["id"] == "great_gorbitsa_amazar"));
}

#[test]
fn lines_meet_where_the_treaties_say() {
    let confluence = Coord {
        x: 121.47694,
        y: 53.33278,
    }; // Amur infobox
    let argun = line("argun");
    let shilka = line("shilka_lower");
    assert!(km(*argun.last().unwrap(), confluence) < 1.0);
    assert!(km(*shilka.last().unwrap(), confluence) < 1.0);
    assert_eq!(argun.last(), shilka.last());
    // the Gorbitsa's mouth is on the Shilka, and the crest starts at its source
    let gorbitsa = line("gorbitsa");
    assert_eq!(gorbitsa[0], shilka[0]);
    assert!(
        km(
            gorbitsa[0],
            Coord {
                x: 119.217,
                y: 53.1
            }
        ) < 2.0,
        "mouth near Gorbitsa village (zh.wikipedia)"
    );
    let crest = line("stanovoy_crest");
    assert!(km(crest[0], *gorbitsa.last().unwrap()) < 1.0);
    // the crest reaches the coast, and so do the Amur and the Tumen
    let coast = line("coast");
    for (id, end) in [
        ("stanovoy_crest", *crest.last().unwrap()),
        ("amur_lower", *line("amur_lower").last().unwrap()),
        (
            "tumen_korea_russia",
            *line("tumen_korea_russia").last().unwrap(),
        ),
        ("uda", *line("uda").last().unwrap()),
    ] {
        assert!(coast.contains(&end), "{id} does not end on the coast");
    }
    // the Amur follows Natural Earth's line to Nikolayevsk and meets the GSHHG shoreline where
    // the estuary opens, 22 km short of the infobox's mouth on the estuary's far shore
    assert!(
        km(
            *line("amur_lower").last().unwrap(),
            Coord {
                x: 141.08389,
                y: 52.94722
            }
        ) < 25.0
    );
    // the Amur line runs on through the Kazakevicheva channel to the Ussuri, where the Ussuri and
    // its arm below the junction start; the lower Amur line starts at the end of that arm
    let kazakevicheva = line("kazakevicheva_channel");
    assert_eq!(kazakevicheva[0], *line("amur_upper").last().unwrap());
    assert_eq!(line("ussuri")[0], *kazakevicheva.last().unwrap());
    let arm = line("ussuri_below_kazakevicheva");
    assert_eq!(arm[0], *kazakevicheva.last().unwrap());
    assert_eq!(line("amur_lower")[0], *arm.last().unwrap());
    // the 2004 line leaves the old line where it enters the channel, follows the main channel to
    // 10/1 and crosses the island to the Ussuri, passing boundary point 10/2 (treaty grid
    // coordinates, 48.3606N 134.7648E); the main channel goes on to the lower Ussuri's mouth
    let west = line("heixiazi_channel_west");
    let east = line("heixiazi_channel_east");
    let h = line("heixiazi_2004");
    assert_eq!(west[0], kazakevicheva[0]);
    assert_eq!(h[0], *west.last().unwrap());
    assert_eq!(east[0], *west.last().unwrap());
    assert!(line("amur_lower").contains(east.last().unwrap()));
    assert_eq!(*h.last().unwrap(), *arm.last().unwrap());
    assert!(h.iter().any(|&c| km(
        c,
        Coord {
            x: 134.7648,
            y: 48.3606
        }
    ) < 0.1));
    // the 1860 land line ends at the Tumen near boundary marker 423 (42.419787N 130.639275E);
    // WDBII's line reaches the river about 3 km upstream of the marker (data/README.md)
    let land_end = *line("peking_land_line").last().unwrap();
    let d = km(
        land_end,
        Coord {
            x: 130.639275,
            y: 42.419787,
        },
    );
    assert!(d < 4.0, "{d} km");
    assert_eq!(line("tumen_korea_russia")[0], land_end);
}

#[test]
fn no_line_crosses_itself() {
    use geo::algorithm::line_intersection::line_intersection;
    for l in embedded().lines() {
        let segs: Vec<geo_types::Line<f64>> = l.geometry.lines().collect();
        let tree = rstar::RTree::bulk_load(
            segs.iter()
                .enumerate()
                .map(|(i, s)| rstar::primitives::GeomWithData::new(*s, i))
                .collect(),
        );
        for (i, s) in segs.iter().enumerate() {
            for o in tree.locate_in_envelope_intersecting(&rstar::RTreeObject::envelope(s)) {
                let j = o.data;
                if j <= i + 1 || (i == 0 && j == segs.len() - 1 && l.geometry.is_closed()) {
                    continue;
                }
                if let Some(x) = line_intersection(*s, *o.geom()) {
                    panic!("{} crosses itself at segments {i} and {j}: {x:?}", l.id);
                }
            }
        }
    }
}

#[test]
fn data_stay_small_enough_to_embed() {
    let total = LINES_GEOJSON.len() + REFERENCE_GEOJSON.len() + TIMELINE_JSON.len();
    assert!(total < 4_000_000, "{total} bytes");
}

#[test]
fn the_kyakhta_line_is_in_force_from_1727_only() {
    use nerchinsk::{Date, LineKind};
    let atlas = embedded();
    let l = atlas
        .lines()
        .iter()
        .find(|l| l.id == "kyakhta_1727")
        .expect("line kyakhta_1727");
    assert_eq!(l.kind, LineKind::Border);
    assert!(
        l.coverage_edge,
        "kyakhta_1727 is the edge of the covered area"
    );
    // it runs from the Mongolian tripoint (WDBII; 116.711E 49.845N, data/README.md) west to the
    // frame's west edge, and starts where kyakhta_east does
    let cs = &l.geometry.0;
    assert_eq!(cs[0], line("kyakhta_east")[0]);
    assert!(
        km(
            cs[0],
            Coord {
                x: 116.711,
                y: 49.845
            }
        ) < 1.0
    );
    assert_eq!(cs.last().unwrap().x, atlas.frame().min().x);
    // the event: the Bura treaty, 20 Aug 1727 O.S. = 31 Aug 1727 N.S. (11 days in the 18th century)
    let ev = atlas
        .events()
        .iter()
        .find(|e| e.id == "kyakhta_1727")
        .expect("event kyakhta_1727");
    assert_eq!(ev.date, Date::new(1727, 8, 31).unwrap());
    assert_eq!(ev.date_julian, Some(Date::new(1727, 8, 20).unwrap()));
    for (date, expect) in [
        (Date::new(1700, 1, 1).unwrap(), false),
        (Date::new(1727, 8, 30).unwrap(), false),
        (Date::new(1727, 8, 31).unwrap(), true),
        (Date::new(1860, 1, 1).unwrap(), true),
        (Date::new(1946, 1, 4).unwrap(), true),
        // from the Republic of China's recognition of Mongolia: a Mongolia-Russia border
        (Date::new(1946, 1, 5).unwrap(), false),
        (Date::new(2025, 1, 1).unwrap(), false),
    ] {
        let live = atlas.lines_in_force_on(date).unwrap();
        assert_eq!(live.contains(&"kyakhta_1727"), expect, "{date}");
    }
}
