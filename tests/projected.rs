//! Projected areas (PROJ, Lambert azimuthal equal-area on WGS84) against the geodesic areas,
//! and reprojection to named CRSs against closed forms. Only with `--features proj`.
#![cfg(feature = "proj")]

use approx::assert_relative_eq;
use geo::Area;
use geo_types::{Coord, LineString, Point, Polygon};
use nerchinsk::data::embedded;
use nerchinsk::internals::AtlasInternals;
use nerchinsk::internals::{face_areas_km2_projected, reproject_faces};
use nerchinsk::projected::{
    equal_area_crs, reproject_lines_on as reproject_lines,
    status_areas_km2_on as status_areas_km2_projected, transfers_of as transfers_of_projected,
    Reprojection,
};
use nerchinsk::{Date, Error, Status};

mod common;
use common::{zone, A, F};

#[test]
fn the_projection_is_equal_area_on_the_ellipsoid() {
    // against the closed form for the area between two parallels
    // a 2 x 1 degree cell at 50N, every side sampled every 0.005 degree
    let n = 400;
    let t = |i: usize| i as f64 / n as f64;
    let mut ring: Vec<Coord<f64>> = Vec::new();
    ring.extend((0..n).map(|i| Coord {
        x: 127.0 + 2.0 * t(i),
        y: 50.0,
    }));
    ring.extend((0..n / 2).map(|i| Coord {
        x: 129.0,
        y: 50.0 + 2.0 * t(i),
    }));
    ring.extend((0..n).map(|i| Coord {
        x: 129.0 - 2.0 * t(i),
        y: 51.0,
    }));
    ring.extend((0..=n / 2).map(|i| Coord {
        x: 127.0,
        y: 51.0 - 2.0 * t(i),
    }));
    let cell = Polygon::new(LineString::from(ring), vec![]);
    let laea = Reprojection::new(&equal_area_crs(embedded().frame())).unwrap();
    let got = laea.polygon(&cell).unwrap().unsigned_area();
    let want = (zone(51.0) - zone(50.0)) * 2f64.to_radians();
    assert_relative_eq!(got, want, max_relative = 1e-6);
}

#[test]
fn every_face_agrees_with_its_geodesic_area_to_a_tenth_of_a_percent() {
    let atlas = embedded();
    let geodesic = atlas.face_areas_km2();
    let projected = face_areas_km2_projected(atlas).unwrap();
    assert_eq!(projected.len(), geodesic.len());
    assert_eq!(projected[atlas.topology().outer_face], 0.0);
    let mut worst = (0.0f64, 0usize);
    for (f, (g, p)) in geodesic.iter().zip(&projected).enumerate() {
        if f == atlas.topology().outer_face {
            continue;
        }
        assert!(*g > 0.0 && *p > 0.0, "face {f}: {g} {p}");
        let rel = (p / g - 1.0).abs();
        assert!(rel < 1e-3, "face {f}: geodesic {g} km2, projected {p} km2");
        if rel > worst.0 {
            worst = (rel, f);
        }
    }
    println!(
        "max relative difference, projected against geodesic, over {} faces: {:.2e} (face {}, {:.1} km2)",
        geodesic.len() - 1,
        worst.0,
        worst.1,
        geodesic[worst.1]
    );
    // the status areas follow
    let d = Date::new(1859, 1, 1).unwrap();
    let (g, p) = (
        atlas.status_areas_km2_on(d).unwrap(),
        status_areas_km2_projected(atlas, d).unwrap(),
    );
    assert_eq!(g.keys().collect::<Vec<_>>(), p.keys().collect::<Vec<_>>());
    for (s, km2) in &g {
        assert_relative_eq!(p[s], *km2, max_relative = 1e-3);
    }
}

#[test]
fn aigun_and_peking_transfers_agree_to_a_tenth_of_a_percent() {
    let atlas = embedded();
    for ev in ["aigun_1858", "peking_1860"] {
        let g = atlas.transfers_of(ev).unwrap();
        let p = transfers_of_projected(atlas, ev).unwrap();
        assert!(!g.is_empty());
        assert_eq!(g.len(), p.len(), "{ev}");
        for (g, p) in g.iter().zip(&p) {
            assert_eq!((g.from, g.to), (p.from, p.to), "{ev}");
            let rel = (p.km2 / g.km2 - 1.0).abs();
            println!(
                "{ev} {} -> {}: geodesic {:.1} km2, projected {:.1} km2, relative difference {rel:.2e}",
                g.from, g.to, g.km2, p.km2
            );
            assert!(rel < 1e-3, "{ev} {} -> {}", g.from, g.to);
        }
        // Aigun gave Russia over 600,000 km2 in the projection too
        if ev == "aigun_1858" {
            let to_russia: f64 = p
                .iter()
                .filter(|t| t.to == Status::Russia)
                .map(|t| t.km2)
                .sum();
            assert!(
                to_russia > 600_000.0 && to_russia < 720_000.0,
                "{to_russia}"
            );
        }
    }
    assert!(transfers_of_projected(atlas, "nerchinsk_1689")
        .unwrap()
        .is_empty());
    assert!(transfers_of_projected(atlas, "no_such_event").is_err());
}

#[test]
fn harbin_in_web_mercator_matches_the_closed_form_to_a_centimetre() {
    let (lon, lat) = (126.63f64, 45.75f64);
    let p = Reprojection::new("EPSG:3857")
        .unwrap()
        .point(Point::new(lon, lat))
        .unwrap();
    let x = A * lon.to_radians();
    let y = A
        * (std::f64::consts::FRAC_PI_4 + lat.to_radians() / 2.0)
            .tan()
            .ln();
    assert!((p.x() - x).abs() < 0.01, "{} vs {x}", p.x());
    assert!((p.y() - y).abs() < 0.01, "{} vs {y}", p.y());
}

#[test]
fn lon_lat_order_is_kept_in_and_out() {
    // CGCS2000 (EPSG:4490) is officially latitude first; the output is still lon, lat.
    let p = Reprojection::new("EPSG:4490")
        .unwrap()
        .point(Point::new(126.63, 45.75))
        .unwrap();
    assert!(
        (p.x() - 126.63).abs() < 1e-6 && (p.y() - 45.75).abs() < 1e-6,
        "{p:?}"
    );
    // UTM 52N (central meridian 129E): the upper Amur, where it lies in the zone (126-132E),
    // has eastings on the right side of 500 km and northings near the meridian arc.
    let atlas = embedded();
    let lines = reproject_lines(atlas, Date::new(1900, 1, 1).unwrap(), "EPSG:32652").unwrap();
    let ids: Vec<&str> = lines.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        atlas
            .lines_in_force_on(Date::new(1900, 1, 1).unwrap())
            .unwrap()
    );
    let (_, amur) = lines.iter().find(|(id, _)| id == "amur_upper").unwrap();
    let lonlat = &atlas
        .lines()
        .iter()
        .find(|l| l.id == "amur_upper")
        .unwrap()
        .geometry;
    assert_eq!(amur.0.len(), lonlat.0.len());
    let mut checked = 0;
    for (en, ll) in amur.0.iter().zip(&lonlat.0) {
        if !(126.0..=132.0).contains(&ll.x) {
            continue;
        }
        checked += 1;
        assert!(en.x > 0.0 && en.x < 1_000_000.0, "{en:?} for {ll:?}");
        if (ll.x - 129.0).abs() > 1e-6 {
            assert_eq!(en.x > 500_000.0, ll.x > 129.0, "{en:?} for {ll:?}");
        }
        // easting within 1 % of k0 * N cos(lat) * dlon
        let (s, c) = ll.y.to_radians().sin_cos();
        let nu = A / (1.0 - F * (2.0 - F) * s * s).sqrt();
        let de = 0.9996 * nu * c * (ll.x - 129.0).to_radians();
        assert!(
            (en.x - 500_000.0 - de).abs() < 0.01 * de.abs() + 1.0,
            "{en:?} for {ll:?}"
        );
        // northing within 0.5 % of k0 * 111.13 km per degree of latitude
        assert_relative_eq!(en.y, 0.9996 * 111_132.954 * ll.y, max_relative = 5e-3);
    }
    assert!(checked > 50, "{checked} vertices of amur_upper in 126-132E");
}

#[test]
fn faces_reproject_with_the_face_indices() {
    let atlas = embedded();
    let faces = reproject_faces(atlas, "EPSG:3857").unwrap();
    let topo = atlas.topology();
    assert_eq!(faces.len(), topo.faces.len());
    assert!(faces[topo.outer_face].exterior().0.is_empty());
    for (f, (p, ll)) in faces.iter().zip(&topo.faces).enumerate() {
        if f == topo.outer_face {
            continue;
        }
        assert_eq!(p.exterior().0.len(), ll.exterior().0.len(), "face {f}");
        // Web Mercator x is linear in longitude
        let c = ll.exterior().0[0];
        assert!((p.exterior().0[0].x - A * c.x.to_radians()).abs() < 0.01);
    }
}

#[test]
fn an_unknown_crs_is_an_error_not_a_panic() {
    let atlas = embedded();
    let d = Date::new(1900, 1, 1).unwrap();
    for crs in [
        "EPSG:999999",
        "nonsense",
        "",
        "+proj=nosuchprojection +type=crs",
    ] {
        let e = reproject_lines(atlas, d, crs).unwrap_err();
        assert!(matches!(e, Error::Projection(_)), "{crs:?}: {e:?}");
        assert!(e.to_string().contains("projection"), "{e}");
        assert!(matches!(
            reproject_faces(atlas, crs),
            Err(Error::Projection(_))
        ));
    }
    // bad dates and points stay the errors they are elsewhere
    assert!(matches!(
        reproject_lines(atlas, Date::new(1600, 1, 1).unwrap(), "EPSG:3857"),
        Err(Error::BeforeCoverage { .. })
    ));
    let r = Reprojection::new("EPSG:3857").unwrap();
    assert!(matches!(
        r.point(Point::new(f64::NAN, 45.0)),
        Err(Error::NotFinite { .. })
    ));
    assert!(matches!(
        r.point(Point::new(126.0, 91.0)),
        Err(Error::LatitudeOutOfRange(_))
    ));
    assert!(matches!(
        r.point(Point::new(181.0, 45.0)),
        Err(Error::LongitudeOutOfRange(_))
    ));
    // a point PROJ cannot transform (the far side of the globe in an orthographic view) is an
    // Error::Projection, and so is a whole line or face with one such vertex
    let ortho =
        Reprojection::new("+proj=ortho +lat_0=50 +lon_0=128 +datum=WGS84 +units=m +type=crs")
            .unwrap();
    assert!(ortho.point(Point::new(128.0, 50.0)).is_ok());
    assert!(matches!(
        ortho.point(Point::new(-52.0, -50.0)),
        Err(Error::Projection(_))
    ));
    let line = LineString::from(vec![(128.0, 50.0), (-52.0, -50.0)]);
    assert!(matches!(
        ortho.line_string(&line),
        Err(Error::Projection(_))
    ));
}
