//! Competing readings as switchable datasets (`nerchinsk::readings`).

use geo_types::Point;
use nerchinsk::internals::AtlasInternals;
use nerchinsk::readings::{compare, Reading};
use nerchinsk::{Atlas, Date, Status};

fn great() -> Atlas {
    Atlas::with_reading(Reading::GreatGorbitsa).unwrap_or_else(|e| panic!("{e}"))
}

/// A point north of the Shilka between the Little Gorbitsa (119.3E at this latitude) and the
/// Amazar (the Great Gorbitsa, about 121.0E here), south of the crest (54.4N at 120.3E): from
/// `data/lines.geojson` and `reference.geojson` (shapely: the Shilka line crosses 120.3E at
/// 53.44N). The test checks that it is farther from every line in force than that line's
/// stated accuracy, in both readings, so the answer does not hang on how the lines are drawn.
const WEDGE: (f64, f64) = (120.3, 53.8);

#[test]
fn every_reading_loads_and_the_standard_one_is_the_embedded_data() {
    let embedded = nerchinsk::data::embedded();
    let standard = Atlas::with_reading(Reading::Standard).unwrap();
    assert_eq!(standard.lines().len(), embedded.lines().len());
    assert_eq!(
        standard.topology().faces.len(),
        embedded.topology().faces.len()
    );
    let great = great();
    let ids: Vec<&str> = great.lines().iter().map(|l| l.id.as_str()).collect();
    assert!(ids.contains(&"great_gorbitsa") && ids.contains(&"amur_1689"));
    assert!(!ids.contains(&"gorbitsa") && !ids.contains(&"shilka_lower"));
    let in_force = great.lines_in_force_on(Date::end_of_year(1700)).unwrap();
    assert!(in_force.contains(&"great_gorbitsa") && in_force.contains(&"amur_1689"));
    // after Aigun the Amur above the Amazar stays the border, the Amazar does not
    let in_force = great.lines_in_force_on(Date::end_of_year(1900)).unwrap();
    assert!(in_force.contains(&"amur_1689") && !in_force.contains(&"great_gorbitsa"));
    for r in Reading::ALL {
        assert_eq!(Reading::from_id(r.id()), Some(r));
        let (l, t) = r.dataset().unwrap();
        Atlas::from_json(&l, &t).unwrap();
    }
}

#[test]
fn a_point_between_the_two_gorbitsas_changes_status_in_1700() {
    let (std_atlas, great) = (nerchinsk::data::embedded(), great());
    let p = Point::new(WEDGE.0, WEDGE.1);
    let date = Date::end_of_year(1700);
    for atlas in [std_atlas, &great] {
        let near = atlas.nearest_border_on(p, date).unwrap();
        let acc = atlas
            .lines()
            .iter()
            .find(|l| l.id == near.line)
            .unwrap()
            .accuracy_km;
        assert!(
            near.distance_km > 2.0 * acc,
            "{} km from {} (accuracy {acc} km)",
            near.distance_km,
            near.line
        );
    }
    let s = std_atlas.sovereignty_at(p, 1700).unwrap();
    assert_eq!((s.status, s.sovereign), (Status::China, "Qing Empire"));
    let s = great.sovereignty_at(p, 1700).unwrap();
    assert_eq!(s.status, Status::Russia);
    assert_eq!(
        s.sovereign,
        std_atlas
            .sovereignty_at(Point::new(116.58, 51.98), 1700)
            .unwrap()
            .sovereign
    );
    // the exact path agrees with the grid
    assert_eq!(
        great.sovereignty_exact(p, date).unwrap().status,
        Status::Russia
    );
    // after Aigun both readings give Russia
    for year in [1859, 1950, 2025] {
        assert_eq!(
            std_atlas.sovereignty_at(p, year).unwrap().status,
            great.sovereignty_at(p, year).unwrap().status
        );
    }
    // away from the wedge the readings agree in 1700
    for (lon, lat) in [
        (116.58, 51.98),
        (127.27, 53.73),
        (126.63, 45.75),
        (133.5, 53.75),
        (124.0775, 53.39056),
    ] {
        let q = Point::new(lon, lat);
        assert_eq!(
            std_atlas.sovereignty_at(q, 1700).unwrap().status,
            great.sovereignty_at(q, 1700).unwrap().status,
            "{lon} {lat}"
        );
    }
}

#[test]
fn the_moved_area_is_positive_and_is_the_difference_of_the_status_areas() {
    let (a, b) = (nerchinsk::data::embedded(), great());
    const M2: f64 = 1e-6; // 1 m² in km²
    for year in [1700, 1800] {
        let date = Date::end_of_year(year);
        let cmp = compare(a, &b, date).unwrap();
        assert_eq!(cmp.transfers.len(), 1, "{:?}", cmp.transfers);
        let t = &cmp.transfers[0];
        assert_eq!((t.from, t.to), (Status::China, Status::Russia));
        // between the Shilka, the two Gorbitsas and the crest: about 1.5 x 1 degree
        assert!(t.km2 > 5_000.0 && t.km2 < 20_000.0, "{}", t.km2);
        let (sa, sb) = (
            a.status_areas_km2_on(date).unwrap(),
            b.status_areas_km2_on(date).unwrap(),
        );
        // the overlay's faces tile each atlas's territories
        for (s, x) in &sa {
            assert!(
                (cmp.areas_a[s] - x).abs() < M2,
                "{s}: {} vs {x}",
                cmp.areas_a[s]
            );
        }
        for (s, y) in &sb {
            assert!(
                (cmp.areas_b[s] - y).abs() < M2,
                "{s}: {} vs {y}",
                cmp.areas_b[s]
            );
        }
        // and the transfers are the difference of the status areas
        let net = cmp.net_km2();
        for s in [Status::Russia, Status::China, Status::Undetermined] {
            let diff = sb.get(&s).unwrap_or(&0.0) - sa.get(&s).unwrap_or(&0.0);
            let n = net.get(&s).copied().unwrap_or(0.0);
            assert!((n - diff).abs() < M2, "{s}: moved {n} against {diff}");
        }
    }
    // after Aigun the readings agree everywhere
    let cmp = compare(a, &b, Date::end_of_year(1900)).unwrap();
    assert!(cmp.transfers.is_empty(), "{:?}", cmp.transfers);
    assert_eq!(cmp.moved_km2(), 0.0);
    // and the comparison is symmetric
    let back = compare(&b, a, Date::end_of_year(1700)).unwrap();
    let fwd = compare(a, &b, Date::end_of_year(1700)).unwrap();
    assert_eq!(
        (back.transfers[0].from, back.transfers[0].to),
        (Status::Russia, Status::China)
    );
    assert!((back.moved_km2() - fwd.moved_km2()).abs() < M2);
}
