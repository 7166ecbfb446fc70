//! The uncertain band of each treaty line in force (`Atlas::uncertain_bands_on`) against the
//! distances (`Atlas::nearest_border_on`) and the certainty (`Atlas::certainty_on`) of the
//! same points: inside a line's band exactly where the point is within the line's accuracy,
//! to the band's stated 1%.

use geo::{Contains, Geodesic, Length};
use nerchinsk::data::embedded;
use nerchinsk::internals::{boundary_queries, uniform_queries};
use nerchinsk::{Date, Doubt};

/// The band's width is true to 1%; points this close to its edge are not judged.
const MARGIN: f64 = 0.01;

#[test]
fn a_point_is_in_a_band_exactly_when_it_is_within_the_lines_accuracy() {
    let atlas = embedded();
    let max_accuracy = atlas
        .lines()
        .iter()
        .map(|l| l.accuracy_km)
        .fold(0.0, f64::max);
    let mut points = boundary_queries(atlas, 1_500, 12.0, 0xba4d);
    points.extend(uniform_queries(atlas, 500, 0xba4e));
    let (mut inside, mut outside, mut doubts) = (0, 0, 0);
    // one date per epoch: the day each event takes effect
    for ev in atlas.events() {
        let date = ev.date;
        let bands = atlas.uncertain_bands_on(date).unwrap();
        for (p, _) in &points {
            let Ok(near) = atlas.nearest_border_on(*p, date) else {
                continue; // at sea or outside
            };
            let band_of = |id: &str| bands.iter().find(|b| b.line.id == id).unwrap();
            let acc = band_of(near.line).line.accuracy_km;
            if near.distance_km < acc * (1.0 - MARGIN) {
                assert!(
                    band_of(near.line).polygon.contains(p),
                    "{p:?} on {date}: {near:?} within {acc} km, not in the band"
                );
                inside += 1;
            }
            if near.distance_km > max_accuracy * (1.0 + MARGIN) {
                assert!(
                    !bands.iter().any(|b| b.polygon.contains(p)),
                    "{p:?} on {date}: {near:?}, in a band"
                );
                outside += 1;
            }
            // a point not certain in space lies in the band of the line the doubt names
            if let Ok(c) = atlas.certainty_on(*p, date) {
                if let Some(Doubt::Space {
                    line,
                    accuracy_km,
                    distance_km,
                }) = c.other_side.map(|o| o.why)
                {
                    if distance_km < accuracy_km * (1.0 - MARGIN) {
                        assert!(band_of(line).polygon.contains(p), "{p:?} {date} {line}");
                        doubts += 1;
                    }
                }
            }
        }
    }
    // the checks ran on enough points of each kind to mean something
    assert!(
        inside > 1_000 && outside > 1_000 && doubts > 500,
        "{inside} {outside} {doubts}"
    );
}

#[test]
fn bands_follow_the_lines_in_force_and_their_width() {
    let atlas = embedded();
    let on = |y| atlas.uncertain_bands_on(Date::end_of_year(y)).unwrap();
    let ids = |y| on(y).iter().map(|b| b.line.id.clone()).collect::<Vec<_>>();
    // the Stanovoy crest was a line from 1689 until Aigun; the Amur from Aigun on
    assert!(ids(1700).contains(&"stanovoy_crest".to_string()));
    assert!(!ids(1700).contains(&"amur_upper".to_string()));
    assert!(ids(2025).contains(&"amur_upper".to_string()));
    assert!(!ids(2025).contains(&"stanovoy_crest".to_string()));
    // a band's area is at most that of a straight line's band, 2 x accuracy x length plus the
    // two half discs of its ends (to the stated 1%), and a winding line's sides overlap
    for b in on(1700).iter().chain(on(2025).iter()) {
        let length = Geodesic.length(&b.line.geometry) / 1000.0;
        let acc = b.line.accuracy_km;
        let straight = 2.0 * acc * length + std::f64::consts::PI * acc * acc;
        let share = b.area_km2() / straight;
        assert!(
            share > 0.5 && share < 1.0 + MARGIN,
            "{}: {:.1} km2, {share:.3} of a straight line's band",
            b.line.id,
            b.area_km2()
        );
    }
}

#[test]
fn bands_before_the_first_treaty_are_an_error() {
    assert!(embedded()
        .uncertain_bands_on(Date::end_of_year(1600))
        .is_err());
}
