//! Areas: geodesic area against closed forms, the faces tiling the covered area, and
//! conservation of every transfer.

use approx::assert_relative_eq;
use geo::GeodesicArea;
use geo_types::{Coord, LineString, Polygon};
use nerchinsk::internals::AtlasInternals;
use nerchinsk::{data::embedded, Date, Status};

mod common;
use common::zone;

/// A lon/lat cell with its parallels densified so geodesic edges follow them.
fn cell(lon0: f64, lat0: f64, dlon: f64, dlat: f64, n: usize) -> Polygon<f64> {
    let mut ring = Vec::new();
    for i in 0..=n {
        ring.push(Coord {
            x: lon0 + dlon * i as f64 / n as f64,
            y: lat0,
        });
    }
    for i in 0..=n {
        ring.push(Coord {
            x: lon0 + dlon * (1.0 - i as f64 / n as f64),
            y: lat0 + dlat,
        });
    }
    Polygon::new(LineString::from(ring), vec![])
}

#[test]
fn one_degree_cell_at_50n_matches_the_closed_form() {
    let want = (zone(51.0) - zone(50.0)) * 1f64.to_radians();
    let got = cell(127.0, 50.0, 1.0, 1.0, 200).geodesic_area_unsigned();
    assert_relative_eq!(got, want, max_relative = 1e-6);
    // the spherical estimate R^2 dlon (sin 51 - sin 50), R = 6371.0088 km: within 0.5 %
    let sphere = 6371.0088f64.powi(2)
        * 1f64.to_radians()
        * (51f64.to_radians().sin() - 50f64.to_radians().sin());
    assert_relative_eq!(want / 1e6, sphere, max_relative = 0.005);
}

#[test]
fn zone_around_the_pole_matches_the_closed_form() {
    // a cap north of 80N as a ring of 3,600 vertices
    let ring: Vec<Coord<f64>> = (0..=3600)
        .map(|i| Coord {
            x: -180.0 + i as f64 * 0.1,
            y: 80.0,
        })
        .collect();
    let cap = Polygon::new(LineString::from(ring), vec![]);
    let want = (zone(90.0) - zone(80.0)) * std::f64::consts::TAU;
    assert_relative_eq!(cap.geodesic_area_unsigned(), want, max_relative = 1e-4);
}

#[test]
fn faces_tile_the_covered_area() {
    let atlas = embedded();
    let topo = atlas.topology();
    let frame = atlas.frame();
    // planar: the bounded faces add up to the frame rectangle exactly (no gap, no overlap)
    let planar: f64 = (0..topo.faces.len())
        .filter(|&f| f != topo.outer_face)
        .map(|f| topo.planar_area(f))
        .sum();
    assert_relative_eq!(planar, frame.width() * frame.height(), max_relative = 1e-9);
    assert!((0..topo.faces.len())
        .filter(|&f| f != topo.outer_face)
        .all(|f| topo.planar_area(f) > 0.0));
    // geodesic: the faces add up to the frame (parallels densified) within 0.01 %
    let whole = cell(
        frame.min().x,
        frame.min().y,
        frame.width(),
        frame.height(),
        2000,
    )
    .geodesic_area_unsigned()
        / 1e6;
    let sum: f64 = atlas.face_areas_km2().iter().sum();
    assert_relative_eq!(sum, whole, max_relative = 1e-4);
    // for every epoch the land statuses add up to the same covered land
    let land: Vec<f64> = atlas
        .events()
        .iter()
        .map(|e| atlas.status_areas_km2_on(e.date).unwrap().values().sum())
        .collect();
    for l in &land {
        assert_relative_eq!(*l, land[0], max_relative = 1e-12);
    }
}

#[test]
fn what_one_side_loses_the_other_gains() {
    let atlas = embedded();
    for w in atlas.events().windows(2) {
        let (before, after) = (
            atlas.status_areas_km2_on(w[0].date).unwrap(),
            atlas.status_areas_km2_on(w[1].date).unwrap(),
        );
        let transfers = atlas.transfers_of(&w[1].id).unwrap();
        // an event that moves no line (the 1991 agreement, see data/README.md) moves no land, and
        // neither does one that makes an edge of the covered area a treaty line (Kyakhta 1727)
        let cutting = |d| {
            let mut v = atlas.lines_in_force_on(d).unwrap();
            v.retain(|id| !atlas.lines().iter().any(|l| l.id == *id && l.coverage_edge));
            v
        };
        let moved = cutting(w[0].date) != cutting(w[1].date);
        assert_eq!(!transfers.is_empty(), moved, "{}", w[1].id);
        for s in [
            Status::Russia,
            Status::China,
            Status::Joint,
            Status::Undetermined,
        ] {
            let change =
                after.get(&s).copied().unwrap_or(0.0) - before.get(&s).copied().unwrap_or(0.0);
            let gained: f64 = transfers.iter().filter(|t| t.to == s).map(|t| t.km2).sum();
            let lost: f64 = transfers
                .iter()
                .filter(|t| t.from == s)
                .map(|t| t.km2)
                .sum();
            // to 1 m2 (1e-6 km2)
            assert!(
                (change - (gained - lost)).abs() < 1e-6,
                "{} {s}: {change} vs {}",
                w[1].id,
                gained - lost
            );
        }
    }
}

#[test]
fn aigun_and_peking_are_near_the_published_figures() {
    let atlas = embedded();
    let aigun: f64 = atlas
        .transfers_of("aigun_1858")
        .unwrap()
        .iter()
        .filter(|t| t.to == Status::Russia)
        .map(|t| t.km2)
        .sum();
    let peking: f64 = atlas
        .transfers_of("peking_1860")
        .unwrap()
        .iter()
        .filter(|t| t.to == Status::Russia)
        .map(|t| t.km2)
        .sum();
    // "over 600,000 km2" (Encyclopedia of China; en.wikipedia Treaty of Aigun)
    assert!(aigun > 600_000.0 && aigun < 720_000.0, "{aigun}");
    // "about 400,000 km2" including Sakhalin (about 76,000 km2), which the data do not cover
    assert!(peking > 280_000.0 && peking < 420_000.0, "{peking}");
    let joint_1859 = atlas
        .status_areas_km2_on(Date::new(1859, 1, 1).unwrap())
        .unwrap()[&Status::Joint];
    let from = |from: Status| -> f64 {
        let ts = atlas.transfers_of("peking_1860").unwrap();
        ts.iter()
            .filter(|t| t.from == from && t.to == Status::Russia)
            .map(|t| t.km2)
            .sum()
    };
    // the joint land, and the river islands Aigun left on the Qing side (Bolshoy Ussuriysky,
    // Tarabarov and Zhenbao, with their channels: data/ISLANDS.md, "Islands in the rivers")
    assert_relative_eq!(joint_1859, from(Status::Joint), max_relative = 1e-12);
    let islands = from(Status::China);
    assert!(islands > 300.0 && islands < 600.0, "{islands}");
    assert_relative_eq!(peking, joint_1859 + islands, max_relative = 1e-12);
}
