//! The grid index gives exactly the naive answer (geo `Contains` over every face) on every
//! benchmark point: the same million uniform points and million near-border points that
//! `benches/lookup.rs` times. Points the reference cannot place (exactly on a line) are counted.

use nerchinsk::data::embedded;
use nerchinsk::internals::AtlasInternals;
use nerchinsk::internals::{boundary_queries, uniform_queries};
use nerchinsk::internals::{verdict_of, IntervalTrees, Naive, Verdict};
use nerchinsk::{Date, Status};
use rayon::prelude::*;

fn compare(name: &str, queries: &[(geo_types::Point<f64>, Date)]) {
    let atlas = embedded();
    let naive = Naive::new(atlas);
    let verdicts: Vec<(Verdict, Verdict)> = queries
        .par_iter()
        .map(|&(p, d)| (naive.verdict(p, d), verdict_of(&atlas.sovereignty_on(p, d))))
        .collect();
    let on_line = verdicts.iter().filter(|(n, _)| n.is_none()).count();
    let wrong: Vec<_> = queries
        .iter()
        .zip(&verdicts)
        .filter(|(_, (n, fast))| n.is_some() && n != fast)
        .take(10)
        .collect();
    let statuses = |s: Status| verdicts.iter().filter(|(n, _)| *n == Some(s)).count();
    println!(
        "{name}: {} points, {on_line} on a line, russia {} china {} sea {} outside {}",
        queries.len(),
        statuses(Status::Russia),
        statuses(Status::China),
        statuses(Status::Sea),
        statuses(Status::Outside)
    );
    assert!(
        wrong.is_empty(),
        "{name}: grid disagrees with naive: {wrong:?}"
    );
    // the sets are not degenerate: both states and (uniform) the sea all occur
    assert!(statuses(Status::Russia) > queries.len() / 20, "{name}");
    assert!(statuses(Status::China) > queries.len() / 20, "{name}");
    assert!(
        on_line <= queries.len() / 100_000,
        "{name}: {on_line} on a line"
    );
}

#[test]
fn grid_agrees_with_naive_on_the_uniform_benchmark_points() {
    compare("uniform", &uniform_queries(embedded(), 1_000_000, 0x5eed));
}

#[test]
fn grid_agrees_with_naive_on_the_boundary_benchmark_points() {
    compare(
        "boundary",
        &boundary_queries(embedded(), 1_000_000, 1.0, 0xb0d3),
    );
}

#[test]
fn interval_tree_baseline_agrees_with_naive() {
    let atlas = embedded();
    let (naive, trees) = (Naive::new(atlas), IntervalTrees::new(atlas));
    let queries = boundary_queries(atlas, 20_000, 1.0, 7);
    let differ = queries
        .par_iter()
        .filter(|&&(p, d)| {
            let n = naive.verdict(p, d);
            n.is_some() && trees.verdict(p, d) != n
        })
        .count();
    assert_eq!(differ, 0);
}

#[test]
fn boundary_points_lie_within_a_kilometre_of_a_line_in_force() {
    let atlas = embedded();
    for (p, d) in boundary_queries(atlas, 2_000, 1.0, 11) {
        let near = atlas.nearest_border_on(p, d).unwrap();
        assert!(near.distance_km <= 1.01, "{p:?} {d}: {near:?}");
    }
}

#[test]
fn grid_memory_is_bounded() {
    let grid = embedded().grid();
    let (n, boundary, split, leaves, segments) = grid.stats();
    println!(
        "grid: {} bytes, {n}x{n} cells, {boundary} crossed by lines, {split} of them split, {leaves} leaves, {segments} segment records",
        grid.memory_bytes()
    );
    assert!(grid.memory_bytes() <= 16 << 20);
}
