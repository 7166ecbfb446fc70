//! Property tests (proptest) on the embedded atlas: bad input is an error value and never a
//! panic, answers do not depend on what was asked before, the fast and the exact point location
//! agree away from the lines, both sides of every treaty line are told apart, and the exported
//! territories contain the points given their status. Case counts: see `CASES` in each block
//! and tests/README.md.

use std::sync::OnceLock;

use geo::coordinate_position::{CoordPos, CoordinatePosition};
use geo_types::{Coord, Point};
use nerchinsk::data::embedded;
use nerchinsk::internals::AtlasInternals;
use nerchinsk::territory::Territory;
use nerchinsk::{sovereignty_at, Atlas, Date, Error, LineKind, Side, Sovereignty};
use proptest::prelude::*;
use proptest::sample::Index;

/// The covered frame, from the atlas (so the tests follow the data).
fn frame() -> (Coord<f64>, Coord<f64>) {
    let f = embedded().frame();
    (f.min(), f.max())
}

/// Any f64, with the special values (NaN, infinities, huge, subnormal, -0) much more often
/// than uniform bits would give them.
fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => proptest::num::f64::ANY,
        1 => prop::sample::select(vec![
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            -0.0,
            0.0,
            180.0,
            -180.0,
            90.0,
            -90.0,
            180.000_000_000_000_03,
            1e300,
        ]),
        2 => -200.0..200.0f64,
    ]
}

/// A point in the frame (lon, lat).
fn in_frame() -> impl Strategy<Value = Point<f64>> {
    let (lo, hi) = frame();
    (lo.x..=hi.x, lo.y..=hi.y).prop_map(|(x, y)| Point::new(x, y))
}

/// A date from 1689 to 2030, with the event dates and the days either side of them often.
fn date() -> impl Strategy<Value = Date> {
    let events: Vec<Date> = embedded().events().iter().map(|e| e.date).collect();
    prop_oneof![
        3 => (1680..2031i32, 1..=12u8, 1..=28u8).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap()),
        1 => (prop::sample::select(events), 0..3usize).prop_map(|(e, k)| {
            let near = [Date::new(e.year, e.month, e.day.max(2) - 1).unwrap(), e, Date::end_of_year(e.year)];
            near[k]
        }),
    ]
}

/// The errors `sovereignty_at` documents for a point and a year.
fn documented(e: &Error) -> bool {
    matches!(
        e,
        Error::NotFinite { .. }
            | Error::LongitudeOutOfRange(_)
            | Error::LatitudeOutOfRange(_)
            | Error::OutsideCoverage { .. }
            | Error::AtSea { .. }
            | Error::BeforeCoverage { .. }
    )
}

/// An answer as text (errors with NaN in them do not compare equal to themselves).
fn text(r: &Result<Sovereignty<'_>, Error>) -> String {
    format!("{r:?}")
}

/// Distance in degrees from `p` to the nearest segment of any line (treaty line, coast, edge,
/// frame), found through an R-tree of every segment of the faces.
fn degrees_to_any_line(atlas: &Atlas, p: Coord<f64>) -> f64 {
    static TREE: OnceLock<rstar::RTree<geo_types::Line<f64>>> = OnceLock::new();
    let tree = TREE.get_or_init(|| {
        let segs = atlas
            .topology()
            .edges
            .iter()
            .flat_map(|e| {
                e.coords
                    .windows(2)
                    .map(|w| geo_types::Line::new(w[0], w[1]))
            })
            .collect();
        rstar::RTree::bulk_load(segs)
    });
    let s = tree.nearest_neighbor(&Point::from(p)).unwrap();
    rstar::PointDistance::distance_2(s, &Point::from(p)).sqrt()
}

const QUERY_CASES: u32 = 20_000;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(QUERY_CASES))]

    /// Any coordinates and any year: Ok with a land status, or one of the documented errors,
    /// and the error matches what is wrong. The other queries do not panic either.
    #[test]
    fn any_point_any_year_is_ok_or_a_documented_error(
        lon in any_f64(), lat in any_f64(), year in any::<i32>()
    ) {
        let p = Point::new(lon, lat);
        // the crate root asks the region whose frame holds the point
        let atlas = nerchinsk::data::covering(p);
        match sovereignty_at(p, year) {
            Ok(s) => {
                prop_assert!(s.status.is_land());
                prop_assert!(year >= atlas.events()[0].date.year);
                let (lo, hi) = (atlas.frame().min(), atlas.frame().max());
                prop_assert!(lon >= lo.x && lon <= hi.x && lat >= lo.y && lat <= hi.y);
            }
            Err(e) => {
                prop_assert!(documented(&e), "{e:?}");
                prop_assert_eq!(matches!(e, Error::NotFinite { .. }), !lon.is_finite() || !lat.is_finite());
                if let Error::LongitudeOutOfRange(x) = e {
                    prop_assert!(x.abs() > 180.0);
                }
                if let Error::LatitudeOutOfRange(y) = e {
                    prop_assert!(y.abs() > 90.0);
                }
                prop_assert!(!e.to_string().is_empty());
            }
        }
        let date = Date::end_of_year(year);
        prop_assert_eq!(text(&atlas.sovereignty_on(p, date)), text(&sovereignty_at(p, year)));
        if let Err(e) = atlas.sovereignty_exact(p, date) {
            prop_assert!(documented(&e), "{e:?}");
        }
        if let Err(e) = atlas.nearest_border_on(p, date) {
            prop_assert!(documented(&e), "{e:?}");
        }
        if let Err(e) = nerchinsk::side_of_line(p, "amur_upper") {
            prop_assert!(matches!(e, Error::NotFinite { .. } | Error::LongitudeOutOfRange(_) | Error::LatitudeOutOfRange(_)), "{e:?}");
        }
    }
}

const ORDER_CASES: u32 = 512;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(ORDER_CASES))]

    /// The answer for a point does not depend on the queries made before it: a batch asked in
    /// order, in reverse, one by one on the exact path's heels, and through the rayon batch
    /// gives the same answers.
    #[test]
    fn answers_do_not_depend_on_earlier_queries(
        queries in prop::collection::vec(
            (prop_oneof![3 => in_frame(), 1 => (any_f64(), any_f64()).prop_map(|(x, y)| Point::new(x, y))], date()),
            1..64,
        )
    ) {
        let atlas = embedded();
        let forward: Vec<String> = queries.iter().map(|&(p, d)| text(&atlas.sovereignty_on(p, d))).collect();
        let mut backward: Vec<String> = queries.iter().rev().map(|&(p, d)| {
            let _ = atlas.nearest_border_on(p, d);
            let _ = atlas.sovereignty_exact(p, d);
            text(&atlas.sovereignty_on(p, d))
        }).collect();
        backward.reverse();
        prop_assert_eq!(&forward, &backward);
        let batch: Vec<String> = atlas.sovereignty_batch(&queries).iter().map(text).collect();
        prop_assert_eq!(&forward, &batch);
        // the compact batch: ids resolve to the same answers, NaN and out-of-range included
        let mut ids = Vec::new();
        atlas.answer_ids_into(&queries, &mut ids);
        let resolved: Vec<String> = ids.iter().zip(&queries).map(|(&id, &(p, d))| text(&atlas.resolve(id, p, d))).collect();
        prop_assert_eq!(&forward, &resolved);
        // nearest_border too
        let n1: Vec<String> = queries.iter().map(|&(p, d)| format!("{:?}", atlas.nearest_border_on(p, d))).collect();
        let n2: Vec<String> = queries.iter().rev().map(|&(p, d)| format!("{:?}", atlas.nearest_border_on(p, d))).collect();
        prop_assert_eq!(n1, n2.into_iter().rev().collect::<Vec<_>>());
    }
}

const AGREE_CASES: u32 = 20_000;

/// A point in the frame: uniform, or within a hair of a vertex of some line (where the grid's
/// boundary cells matter).
fn frame_or_near_a_line() -> impl Strategy<Value = Point<f64>> {
    let atlas = embedded();
    let nlines = atlas.lines().len();
    prop_oneof![
        1 => in_frame(),
        1 => (0..nlines, any::<Index>(), -1.0..1.0f64, -1.0..1.0f64, -12..-2i32).prop_map(move |(l, v, dx, dy, e)| {
            let cs = &atlas.lines()[l].geometry.0;
            let c = cs[v.index(cs.len())];
            let r = 10f64.powi(e);
            Point::new(c.x + dx * r, c.y + dy * r)
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(AGREE_CASES))]

    /// For points inside the frame, the fast path (grid) and the exact path (R-tree and robust
    /// predicates) agree, unless the point is within 1e-6 km of a line.
    #[test]
    fn fast_and_exact_agree_away_from_the_lines(p in frame_or_near_a_line(), d in date()) {
        let atlas = embedded();
        let (lo, hi) = frame();
        let p = Point::new(p.x().clamp(lo.x, hi.x), p.y().clamp(lo.y, hi.y));
        let fast = text(&atlas.sovereignty_on(p, d));
        let exact = text(&atlas.sovereignty_exact(p, d));
        if fast != exact {
            // 1e-6 km is about 9e-9 degrees of latitude (and less of longitude)
            let deg = degrees_to_any_line(atlas, p.0);
            let near = atlas.nearest_border_on(p, d).map(|n| n.distance_km).unwrap_or(f64::INFINITY);
            prop_assert!(
                near < 1e-6 || deg < 1e-6 / 111.0,
                "{p:?} on {d}: fast {fast}, exact {exact}; {near} km to the nearest border, {deg} degrees to any line"
            );
        }
    }
}

const SIDE_CASES: u32 = 10_000;

/// A segment of a treaty line: (line index among the atlas's lines, segment index).
fn treaty_segment() -> impl Strategy<Value = (usize, usize)> {
    let atlas = embedded();
    let treaty: Vec<usize> = (0..atlas.lines().len())
        .filter(|&i| atlas.lines()[i].kind == LineKind::Border)
        .collect();
    (prop::sample::select(treaty), any::<Index>()).prop_map(move |(l, s)| {
        let n = atlas.lines()[l].geometry.0.len() - 1;
        (l, s.index(n))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(SIDE_CASES))]

    /// Points mirrored across a segment of a treaty line, a little either side of its
    /// midpoint, get opposite sides: Left on the left of the line as digitised.
    #[test]
    fn mirrored_points_get_opposite_sides((l, i) in treaty_segment(), e in -6.0..-3.0f64) {
        let line = &embedded().lines()[l];
        let (a, b) = (line.geometry.0[i], line.geometry.0[i + 1]);
        let d = b - a;
        let m = a + d * 0.5;
        // perpendicular offset of 1e-6 to 1e-3 of the segment's length
        let n = Coord { x: -d.y, y: d.x } * 10f64.powf(e);
        let left = nerchinsk::side_of_line(Point::from(m + n), &line.id).unwrap();
        let right = nerchinsk::side_of_line(Point::from(m - n), &line.id).unwrap();
        prop_assert_eq!((left, right), (Side::Left, Side::Right), "{} segment {}", line.id, i);
    }

    /// Every vertex of a treaty line is on it.
    #[test]
    fn vertices_are_on_the_line((l, i) in treaty_segment(), end in any::<bool>()) {
        let line = &embedded().lines()[l];
        let v = line.geometry.0[i + usize::from(end)];
        prop_assert_eq!(nerchinsk::side_of_line(Point::from(v), &line.id).unwrap(), Side::On);
    }
}

const TERRITORY_CASES: u32 = 2_000;

/// The territories of each epoch, computed once (the territories of any date in an epoch have
/// the same polygons and statuses).
fn territories_of(epoch: usize) -> &'static [Territory<'static>] {
    static ALL: OnceLock<Vec<Vec<Territory<'static>>>> = OnceLock::new();
    &ALL.get_or_init(|| {
        let atlas = embedded();
        atlas
            .events()
            .iter()
            .map(|e| atlas.territories_on(e.date).unwrap())
            .collect()
    })[epoch]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(TERRITORY_CASES))]

    /// A point that `sovereignty_on` gives a status lies in a territory of that status from
    /// `Atlas::territories_on`, and in the interior of no territory of another status.
    #[test]
    fn territories_contain_their_points(p in in_frame(), d in date()) {
        let atlas = embedded();
        let Ok(s) = atlas.sovereignty_on(p, d) else { return Ok(()); };
        let ts = territories_of(atlas.epoch(d).unwrap());
        let at = |t: &Territory| t.polygon.coordinate_position(&p.0);
        prop_assert!(
            ts.iter().any(|t| t.status == s.status && at(t) != CoordPos::Outside),
            "{p:?} on {d} is {:?} but in no such territory", s.status
        );
        for t in ts.iter().filter(|t| t.status != s.status) {
            prop_assert!(at(t) != CoordPos::Inside, "{p:?} on {d} is {:?} but inside a {:?} territory", s.status, t.status);
        }
    }
}
