//! The fast path's edges: the frame's own edges and corners (where the grid has no clamp), and
//! a timeline whose first event comes after a change of a state's name (eras before the first
//! treaty that are not era 0).

use geo_types::Point;
use nerchinsk::data::{embedded, LINES_GEOJSON, TIMELINE_JSON};
use nerchinsk::{Atlas, Date, Error};
use serde_json::Value;

/// Points on the frame's four edges and at its corners give the same answer as the exact path
/// (R-tree and robust predicates), and points a hair outside are outside.
#[test]
fn the_frame_edges_answer_as_the_exact_path() {
    let atlas = embedded();
    let f = atlas.frame();
    let (w, e, s, n) = (f.min().x, f.max().x, f.min().y, f.max().y);
    let date = Date::end_of_year(1900);
    let mut points = vec![
        Point::new(w, s),
        Point::new(w, n),
        Point::new(e, s),
        Point::new(e, n),
    ];
    for k in 0..=200 {
        let t = k as f64 / 200.0;
        points.push(Point::new(w + t * (e - w), s));
        points.push(Point::new(w + t * (e - w), n));
        points.push(Point::new(w, s + t * (n - s)));
        points.push(Point::new(e, s + t * (n - s)));
    }
    for p in &points {
        assert_eq!(
            atlas.sovereignty_on(*p, date),
            atlas.sovereignty_exact(*p, date),
            "{p:?}"
        );
        assert_eq!(
            atlas.sovereignty_at(*p, 1900),
            atlas.sovereignty_on(*p, date)
        );
    }
    for p in [
        Point::new(e + 1e-12, n),
        Point::new(e, n + 1e-12),
        Point::new(w - 1e-12, s),
        Point::new(w, s - 1e-12),
        Point::new(f64::from_bits(e.to_bits() + 1), (s + n) / 2.0),
    ] {
        assert!(
            matches!(
                atlas.sovereignty_at(p, 1900),
                Err(Error::OutsideCoverage { .. })
            ),
            "{p:?}"
        );
    }
}

/// With the first treaty moved to 1725, after the Russian Empire's proclamation of 1721, the
/// years 1721-1724 fall in an era that is not the first but still before any treaty: every
/// point there, land or sea, is `BeforeCoverage`, on the fast path as on the exact one.
#[test]
fn eras_before_a_late_first_event_are_before_coverage() {
    let mut t: Value = serde_json::from_str(TIMELINE_JSON).unwrap();
    t["events"][0]["date"] = "1725-01-01".into();
    let atlas = Atlas::from_json(LINES_GEOJSON, &t.to_string()).unwrap();
    let albazino = Point::new(124.0775, 53.39056);
    let sea = Point::new(135.5, 43.0);
    for p in [albazino, sea] {
        for year in [1700, 1722, 1724] {
            let at = atlas.sovereignty_at(p, year);
            assert!(
                matches!(at, Err(Error::BeforeCoverage { first_date, .. })
                    if first_date == Date::new(1725, 1, 1).unwrap()),
                "{p:?} {year}: {at:?}"
            );
            let date = Date::new(year, 6, 1).unwrap();
            assert_eq!(
                atlas.sovereignty_on(p, date),
                atlas.sovereignty_exact(p, date)
            );
            assert!(matches!(
                atlas.sovereignty_on(p, date),
                Err(Error::BeforeCoverage { .. })
            ));
        }
    }
    assert!(atlas.sovereignty_at(albazino, 1725).is_ok());
}

/// A batch buffer reused across batches of other sizes holds exactly the last batch's
/// answers, in order (the buffer is resized and overwritten in place, not cleared).
#[test]
fn a_reused_batch_buffer_holds_the_last_batch_only() {
    let atlas = embedded();
    let q = nerchinsk::internals::uniform_queries(atlas, 40_000, 7);
    let mut out = Vec::new();
    let mut ids = Vec::new();
    for n in [40_000, 3, 0, 20_001, 40_000] {
        let batch = &q[q.len() - n..];
        atlas.sovereignty_batch_into(batch, &mut out);
        atlas.answer_ids_into(batch, &mut ids);
        assert_eq!(out.len(), n);
        assert_eq!(ids.len(), n);
        for (k, &(p, d)) in batch.iter().enumerate() {
            assert_eq!(out[k], atlas.sovereignty_on(p, d), "{n}: {k}");
            assert_eq!(atlas.resolve(ids[k], p, d), out[k], "{n}: {k}");
        }
    }
}

/// The query sets serve any atlas: years before a late first event, and an epoch with no
/// treaty line in force, give points, not a panic.
#[test]
fn boundary_queries_serve_an_atlas_with_a_late_first_event() {
    let mut t: Value = serde_json::from_str(TIMELINE_JSON).unwrap();
    t["events"][0]["date"] = "1725-01-01".into();
    let atlas = Atlas::from_json(LINES_GEOJSON, &t.to_string()).unwrap();
    let queries = nerchinsk::internals::boundary_queries(&atlas, 2_000, 1.0, 7);
    assert_eq!(queries.len(), 2_000);
    let frame = atlas.frame();
    assert!(queries
        .iter()
        .all(|(p, _)| p.x().is_finite()
            && (frame.min().x - 1.0..=frame.max().x + 1.0).contains(&p.x())));
}
