//! Point-in-region lookups, every way in the same run on the same points (docs/INDEX.md):
//! `naive` (geo `Contains` over every face), `geo_interval_tree` (geo's
//! `IntervalTreeMultiPolygon` per face), `nerchinsk` (`Atlas::sovereignty_at`, one thread),
//! `nerchinsk_with_certainty` (`Atlas::sovereignty_with_certainty_on`, one thread, the answer
//! and how sure it is), `nerchinsk_with_certainty_batch` (`Atlas::answer_ids_with_certainty_into`,
//! one thread: a rayon pool of one; an `AnswerId` and a flag per point),
//! `nerchinsk_batch` (`Atlas::sovereignty_batch_into`, every core, a `Result` per point) and
//! `nerchinsk_batch_ids` (`Atlas::answer_ids_into`, every core, a 4-byte id per point);
//! `ceiling_64k_table`, one load from a 64 KiB table per point and nothing else, the most any
//! index could do on the machine at hand; and `build`, the time to build the atlas (and its
//! index) from the embedded data, which the first call pays.
//!
//! `nearest_uniform` measures the distance to the nearest treaty line in force on the points of
//! `lookup_uniform`: `nerchinsk` (`Atlas::nearest_border_on`, one thread) against
//! `rstar_segments`, what a careful user would write with the ecosystem's crates: an rstar
//! R-tree per epoch over the segments in force, its nearest neighbour to the point (planar
//! lon/lat), and geo's `Geodesic` (Karney) distance to the closest point of that segment.
//!
//! `distance_formula` is the formula alone: geo's `Geodesic` (Karney) between two points against
//! `chord_arc`, the arc of the earth-centred chord that the distance grid measures.
//!
//! `cargo bench --bench lookup`
//!
//! Two groups: `lookup_uniform`, one million points uniform over the covered frame, and
//! `lookup_boundary`, one million points within 1 km of a treaty line in force at their date;
//! years uniform over 1689-2025. The two slow baselines run on the first 10,000 points of the
//! same set: throughput is per lookup, so the rows compare.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use geo::{ClosestPoint, Distance, Geodesic};
use geo_types::{Line, Point};
use nerchinsk::data::{embedded, LINES_GEOJSON, TIMELINE_JSON};
use nerchinsk::internals::AtlasInternals;
use nerchinsk::internals::{boundary_queries, chord_arc_km, uniform_queries};
use nerchinsk::internals::{IntervalTrees, Naive};
use nerchinsk::{Atlas, Date};
use rstar::primitives::GeomWithData;
use rstar::RTree;

const N: usize = 1_000_000;
const N_SLOW: usize = 10_000;

fn run(c: &mut Criterion, group: &str, queries: &[(Point<f64>, Date)]) {
    let atlas = embedded();
    let naive = Naive::new(atlas);
    let trees = IntervalTrees::new(atlas);
    let slow = &queries[..N_SLOW];
    let mut g = c.benchmark_group(group);
    g.sample_size(10);
    g.throughput(Throughput::Elements(slow.len() as u64));
    g.bench_function("naive", |b| {
        b.iter(|| {
            slow.iter()
                .map(|&(p, d)| naive.verdict(p, d).map_or(9, |s| s as usize))
                .sum::<usize>()
        })
    });
    g.bench_function("geo_interval_tree", |b| {
        b.iter(|| {
            slow.iter()
                .map(|&(p, d)| trees.verdict(p, d).map_or(9, |s| s as usize))
                .sum::<usize>()
        })
    });
    g.throughput(Throughput::Elements(queries.len() as u64));
    g.bench_function("nerchinsk", |b| {
        b.iter(|| {
            queries
                .iter()
                .map(|&(p, d)| match atlas.sovereignty_at(black_box(p), d.year) {
                    Ok(s) => s.status as usize,
                    Err(_) => 9,
                })
                .sum::<usize>()
        })
    });
    // the distance grid and every epoch's cells are built on first use: before timing
    for e in atlas.events() {
        let _ = atlas.sovereignty_with_certainty_on(queries[0].0, e.date);
    }
    g.bench_function("nerchinsk_with_certainty", |b| {
        b.iter(|| {
            queries
                .iter()
                .map(
                    |&(p, d)| match atlas.sovereignty_with_certainty_on(black_box(p), d) {
                        Ok((s, c)) => s.status as usize + c.certain as usize,
                        Err(_) => 9,
                    },
                )
                .sum::<usize>()
        })
    });
    // the same in one batch, on one thread like the row above (a rayon pool of one)
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a thread pool");
    let mut certain = Vec::with_capacity(queries.len());
    g.bench_function("nerchinsk_with_certainty_batch", |b| {
        b.iter(|| {
            one_thread.install(|| atlas.answer_ids_with_certainty_into(queries, &mut certain));
            black_box(&certain);
        })
    });
    // the machine's ceiling: one load from a 64 KiB table per point, nothing else
    let f = atlas.frame();
    let (x0, y0) = (f.min().x, f.min().y);
    let (sx, sy) = (256.0 / f.width(), 256.0 / f.height());
    let table: Vec<u8> = (0..1u32 << 16)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    g.bench_function("ceiling_64k_table", |b| {
        b.iter(|| {
            queries
                .iter()
                .map(|(p, _)| {
                    let i = (((black_box(p.x()) - x0) * sx) as usize).min(255);
                    let j = (((p.y() - y0) * sy) as usize).min(255);
                    table[j * 256 + i] as usize
                })
                .sum::<usize>()
        })
    });
    let mut out = Vec::with_capacity(queries.len());
    g.bench_function("nerchinsk_batch", |b| {
        b.iter(|| {
            atlas.sovereignty_batch_into(queries, &mut out);
            black_box(&out);
        })
    });
    let mut ids = Vec::with_capacity(queries.len());
    g.bench_function("nerchinsk_batch_ids", |b| {
        b.iter(|| {
            atlas.answer_ids_into(queries, &mut ids);
            black_box(&ids);
        })
    });
    g.finish();
}

fn lookup_uniform(c: &mut Criterion) {
    run(c, "lookup_uniform", &uniform_queries(embedded(), N, 0x5eed));
}

fn lookup_boundary(c: &mut Criterion) {
    run(
        c,
        "lookup_boundary",
        &boundary_queries(embedded(), N, 1.0, 0xb0d3),
    );
}

/// The baseline's index: per epoch, an R-tree over the segments of the lines in force.
struct RstarSegments(Vec<RTree<GeomWithData<Line<f64>, u16>>>);

impl RstarSegments {
    fn new(atlas: &Atlas) -> RstarSegments {
        let trees = atlas
            .events()
            .iter()
            .map(|e| {
                let ids = atlas.lines_in_force_on(e.date).unwrap();
                let segments = atlas
                    .lines()
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| ids.contains(&l.id.as_str()))
                    .flat_map(|(i, l)| {
                        l.geometry
                            .lines()
                            .map(move |s| GeomWithData::new(s, i as u16))
                    })
                    .collect();
                RTree::bulk_load(segments)
            })
            .collect();
        RstarSegments(trees)
    }

    /// Metres to the nearest segment in force and its line.
    fn nearest(&self, atlas: &Atlas, p: Point<f64>, date: Date) -> (f64, u16) {
        let tree = &self.0[atlas.epoch(date).unwrap()];
        let s = tree.nearest_neighbor(&p).unwrap();
        let q = match s.geom().closest_point(&p) {
            geo::Closest::Intersection(q) | geo::Closest::SinglePoint(q) => q,
            geo::Closest::Indeterminate => p,
        };
        (Geodesic.distance(p, q), s.data)
    }
}

fn nearest_uniform(c: &mut Criterion) {
    let atlas = embedded();
    let queries = uniform_queries(atlas, N, 0x5eed);
    let baseline = RstarSegments::new(atlas);
    let mut g = c.benchmark_group("nearest_uniform");
    g.sample_size(10);
    g.throughput(Throughput::Elements(queries.len() as u64));
    g.bench_function("nerchinsk", |b| {
        b.iter(|| {
            queries
                .iter()
                .map(|&(p, d)| match atlas.nearest_border_on(black_box(p), d) {
                    Ok(n) => n.distance_km,
                    Err(_) => 0.0,
                })
                .sum::<f64>()
        })
    });
    let slow = &queries[..N / 10];
    g.throughput(Throughput::Elements(slow.len() as u64));
    g.bench_function("rstar_segments", |b| {
        b.iter(|| {
            slow.iter()
                .map(|&(p, d)| baseline.nearest(atlas, black_box(p), d).0)
                .sum::<f64>()
        })
    });
    g.finish();
}

/// The distance formula alone, on pairs of the uniform points: geo's `Geodesic` (Karney)
/// against the chord made an arc that the distance grid uses.
fn distance_formula(c: &mut Criterion) {
    let atlas = embedded();
    let points: Vec<Point<f64>> = uniform_queries(atlas, 20_001, 0xf0)
        .into_iter()
        .map(|q| q.0)
        .collect();
    let mut g = c.benchmark_group("distance_formula");
    g.sample_size(10);
    g.throughput(Throughput::Elements(20_000));
    g.bench_function("karney", |b| {
        b.iter(|| {
            points
                .windows(2)
                .map(|w| Geodesic.distance(black_box(w[0]), w[1]))
                .sum::<f64>()
        })
    });
    g.bench_function("chord_arc", |b| {
        b.iter(|| {
            points
                .windows(2)
                .map(|w| chord_arc_km(black_box(w[0]), w[1]))
                .sum::<f64>()
        })
    });
    g.finish();
}

fn build(c: &mut Criterion) {
    let grid = embedded().grid();
    let (n, crossed, split, leaves, segments) = grid.stats();
    eprintln!(
        "grid: {} bytes; {n}x{n} cells, {crossed} crossed by lines ({split} split), {leaves} leaves, {segments} segment records",
        grid.memory_bytes()
    );
    let on = Date::new(2025, 1, 1).unwrap();
    eprintln!(
        "distance grid (every date): {} bytes; cells certain in space in 2025: {:.4}",
        embedded().distance_grid_bytes(on).unwrap(),
        embedded().certain_share(on).unwrap()
    );
    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("atlas_from_embedded_json", |b| {
        b.iter(|| Atlas::from_json(LINES_GEOJSON, TIMELINE_JSON).unwrap())
    });
    g.finish();
}

criterion_group!(
    benches,
    lookup_uniform,
    lookup_boundary,
    nearest_uniform,
    distance_formula,
    build
);
criterion_main!(benches);
