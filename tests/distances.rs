//! Distances to the nearest treaty line against geo's geodesic (Karney) distance to the lines
//! densified every 100 m, on points up to 1,000 km from them: within 0.1% or 10 m, whichever
//! is larger.

use geo::{Densify, Distance, Euclidean, Geodesic, Haversine};
use geo_types::{Coord, LineString, Point};
use nerchinsk::data::embedded;
use nerchinsk::internals::{uniform_queries, Rng};
use nerchinsk::{Atlas, Date};

/// 100 m is 0.0009 degrees of latitude or less; a degree of longitude is shorter.
const STEP_DEG: f64 = 0.0009;

/// Lines by id.
type Lines = Vec<(String, LineString<f64>)>;

/// The lines in force on `date`, densified.
fn densified(atlas: &Atlas, date: Date) -> Lines {
    let ids = atlas.lines_in_force_on(date).unwrap();
    atlas
        .lines()
        .iter()
        .filter(|l| ids.contains(&l.id.as_str()))
        .map(|l| (l.id.clone(), Euclidean.densify(&l.geometry, STEP_DEG)))
        .collect()
}

/// The geodesic distance (km) from `p` to the nearest vertex of `lines` and that line's id,
/// over the vertices whose haversine distance is within 1% (+200 m) of `guess`: haversine is
/// within 0.5% of the geodesic, so a guess too small leaves no vertex (and the test fails), and
/// one too large only costs time.
fn reference(p: Point<f64>, lines: &Lines, guess_km: f64) -> (f64, String) {
    let mut best = (f64::INFINITY, String::new());
    for (id, ls) in lines {
        for c in ls.coords() {
            let q = Point::from(*c);
            if Haversine.distance(p, q) / 1000.0 > guess_km * 1.01 + 0.2 {
                continue;
            }
            let km = Geodesic.distance(p, q) / 1000.0;
            if km < best.0 {
                best = (km, id.clone());
            }
        }
    }
    best
}

fn tolerance_km(km: f64) -> f64 {
    (km * 1e-3).max(0.010)
}

#[test]
fn distances_agree_with_karney_on_uniform_points() {
    let atlas = embedded();
    let queries = uniform_queries(atlas, 400, 0xd157);
    let mut cache: Vec<(Date, Lines)> = Vec::new();
    let (mut checked, mut worst) = (0, 0.0f64);
    for (p, date) in queries {
        let epoch_start = atlas
            .events()
            .iter()
            .rev()
            .find(|e| e.date <= date)
            .unwrap()
            .date;
        if !cache.iter().any(|(d, _)| *d == epoch_start) {
            cache.push((epoch_start, densified(atlas, epoch_start)));
        }
        let lines = &cache.iter().find(|(d, _)| *d == epoch_start).unwrap().1;
        let ours = atlas.nearest_border_on(p, date).unwrap();
        if ours.distance_km > 1000.0 {
            continue;
        }
        let (km, id) = reference(p, lines, ours.distance_km);
        let err = (ours.distance_km - km).abs();
        assert!(
            err <= tolerance_km(km),
            "{p:?} on {date}: {} km to {}, Karney {km} km to {id}",
            ours.distance_km,
            ours.line
        );
        worst = worst.max(err / km.max(1e-9));
        checked += 1;
    }
    assert!(checked > 300, "only {checked} points within 1,000 km");
    eprintln!("{checked} points, worst relative error {worst:.2e}");
}

#[test]
fn distances_agree_with_karney_near_the_lines() {
    // points 0.5 to 50 km off a random vertex of a line in force, across it, and 0.5 km or
    // more from every line (where 100 m between vertices errs by 2.5 m or less)
    let atlas = embedded();
    let mut rng = Rng::new(0x5ea);
    let (mut checked, mut worst_m) = (0, 0.0f64);
    for event in atlas.events() {
        let lines = densified(atlas, event.date);
        for _ in 0..40 {
            let (_, ls) = &lines[(rng.next_f64() * lines.len() as f64) as usize];
            let k = ((rng.next_f64() * (ls.0.len() - 1) as f64) as usize).min(ls.0.len() - 2);
            let (a, b) = (ls.0[k], ls.0[k + 1]);
            let off_km = 0.5 + rng.next_f64() * 49.5;
            let d = b - a;
            let len = d.x.hypot(d.y).max(1e-12);
            let normal = Coord {
                x: -d.y / len,
                y: d.x / len,
            };
            let side = if rng.next_f64() < 0.5 { -1.0 } else { 1.0 };
            let p = Point::from(a + normal * (side * off_km / 111.0));
            let Ok(ours) = atlas.nearest_border_on(p, event.date) else {
                continue; // outside the frame
            };
            let (km, id) = reference(p, &lines, ours.distance_km);
            if km < 0.5 {
                // the line bends back near the point: the nearest vertex 100 m apart is no
                // longer within 10 m of the line's nearest point
                continue;
            }
            assert!(
                (ours.distance_km - km).abs() <= tolerance_km(km),
                "{p:?} on {}: {} km to {}, Karney {km} km to {id}",
                event.date,
                ours.distance_km,
                ours.line
            );
            worst_m = worst_m.max((ours.distance_km - km).abs() * 1000.0);
            checked += 1;
        }
    }
    assert!(checked > 300, "only {checked} points");
    eprintln!(
        "{checked} points near the lines, worst error {:.1} m",
        worst_m
    );
}

/// The formula alone: the chord made an arc against Karney, on pairs of points up to 1,000 km
/// apart.
#[test]
fn chord_arc_agrees_with_karney() {
    let atlas = embedded();
    let points: Vec<Point<f64>> = uniform_queries(atlas, 4_001, 0xa7c)
        .into_iter()
        .map(|q| q.0)
        .collect();
    let (mut worst, mut checked) = (0.0f64, 0);
    for w in points.windows(2) {
        let karney = Geodesic.distance(w[0], w[1]) / 1000.0;
        if !(1.0..=1000.0).contains(&karney) {
            continue;
        }
        let ours = nerchinsk::internals::chord_arc_km(w[0], w[1]);
        worst = worst.max((ours - karney).abs() / karney);
        checked += 1;
    }
    assert!(checked > 1000, "{checked} pairs");
    assert!(worst < 1e-5, "worst relative error {worst:.2e}");
    eprintln!("{checked} pairs, worst relative error {worst:.2e}");
}
