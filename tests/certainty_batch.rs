//! `Atlas::answer_ids_with_certainty_into` against a call per point
//! (`Atlas::sovereignty_with_certainty_on`): the same answer or error for every row, and the
//! same `certain` for every answer.

use geo_types::Point;
use nerchinsk::data::embedded;
use nerchinsk::internals::{boundary_queries, uniform_queries};
use nerchinsk::{AnswerId, Date};
use proptest::prelude::*;

/// What the batch says of each query, as text (errors may hold NaN, which is not equal to
/// itself), and what a call per point says.
fn both(
    queries: &[(Point<f64>, Date)],
    out: &mut Vec<(AnswerId, bool)>,
) -> (Vec<String>, Vec<String>) {
    let atlas = embedded();
    atlas.answer_ids_with_certainty_into(queries, out);
    assert_eq!(out.len(), queries.len(), "rows in, rows out");
    let batch = out
        .iter()
        .zip(queries)
        .map(|(&(id, certain), &(p, d))| {
            assert_eq!(
                id,
                atlas.answer_id(p, d),
                "{p:?} on {d}: the id of answer_id"
            );
            match atlas.resolve(id, p, d) {
                Ok(s) => format!("{s:?} certain {certain}"),
                Err(e) => format!("{e:?} certain {certain}"),
            }
        })
        .collect();
    let single = queries
        .iter()
        .map(|&(p, d)| match atlas.sovereignty_with_certainty_on(p, d) {
            Ok((s, c)) => format!("{s:?} certain {}", c.certain),
            // an error has no certainty: the batch says false
            Err(e) => format!("{e:?} certain false"),
        })
        .collect();
    (batch, single)
}

/// A day of `year` from a counter: every month, and days 1 to 28.
fn day(year: i32, k: usize) -> Date {
    Date::new(year, (k % 12) as u8 + 1, (k * 7 % 28) as u8 + 1).unwrap()
}

#[test]
fn the_batch_agrees_with_a_call_per_point() {
    let atlas = embedded();
    // uniform over the frame (31 December of random years) and within 2 km of a line in force,
    // then the same points on days inside the treaties' windows and on the days around them
    let mut queries = uniform_queries(atlas, 60_000, 0xba7c);
    queries.extend(boundary_queries(atlas, 60_000, 2.0, 0xba7d));
    let windows: Vec<i32> = atlas
        .events()
        .iter()
        .filter_map(|e| e.signed.or(e.in_force))
        .map(|d| d.year)
        .collect();
    assert!(!windows.is_empty());
    let moved: Vec<(Point<f64>, Date)> = queries
        .iter()
        .step_by(3)
        .enumerate()
        .map(|(k, &(p, _))| (p, day(windows[k % windows.len()] + (k % 3) as i32 - 1, k)))
        .collect();
    queries.extend(moved);
    // every error: no coordinate, outside the frame, at sea, uncovered land, before 1689
    let on = Date::new(1900, 1, 1).unwrap();
    for p in [
        (f64::NAN, 50.0),
        (127.0, f64::INFINITY),
        (200.0, 50.0),
        (127.0, -95.0),
        (100.0, 50.0),
        (135.5, 43.0),
        (106.0, 43.0),
    ] {
        queries.push((Point::new(p.0, p.1), on));
    }
    queries.push((
        Point::new(126.6409, 45.7576),
        Date::new(1600, 1, 1).unwrap(),
    ));
    let mut out = vec![(AnswerId(7), true); 5];
    let (batch, single) = both(&queries, &mut out);
    for (k, (b, s)) in batch.iter().zip(&single).enumerate() {
        assert_eq!(b, s, "row {k}: {:?} on {}", queries[k].0, queries[k].1);
    }
    // not vacuous: answers of both kinds and every error
    let count = |what: &str| single.iter().filter(|s| s.contains(what)).count();
    let unsure = single
        .iter()
        .filter(|s| s.starts_with("Sovereignty") && s.ends_with("certain false"))
        .count();
    let sure = count("certain true");
    assert!(
        sure > 50_000 && unsure > 10_000,
        "{sure} certain, {unsure} not"
    );
    for error in [
        "NotFinite",
        "LongitudeOutOfRange",
        "LatitudeOutOfRange",
        "OutsideCoverage",
        "AtSea",
        "BeforeCoverage",
    ] {
        assert!(count(error) > 0, "no {error}");
    }
    // a shorter batch into the same buffer: as long as its queries
    let (batch, single) = both(&queries[..10], &mut out);
    assert_eq!((batch, out.len()), (single, 10));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any batch, any coordinates and dates: the batch's rows are the calls' rows.
    #[test]
    fn any_batch_agrees_with_a_call_per_point(
        queries in prop::collection::vec(
            (
                prop_oneof![
                    6 => (105.0f64..142.5, 42.0f64..58.0),
                    1 => (prop::num::f64::ANY, prop::num::f64::ANY),
                ],
                1680i32..2030,
                0usize..336,
            )
                .prop_map(|((x, y), year, k)| (Point::new(x, y), day(year, k))),
            0..300,
        ),
        stale in 0usize..400,
    ) {
        let mut out = vec![(AnswerId::NOT_IN_FRAME, true); stale];
        let (batch, single) = both(&queries, &mut out);
        prop_assert_eq!(batch, single);
    }
}
