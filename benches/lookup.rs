//! Point-in-region lookups: the library's `sovereignty_on` against the naive baseline (geo's
//! `Contains` over every face), in the same run, on the same random points.
//!
//! `cargo bench --bench lookup`

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use geo::Contains;
use geo_types::Point;
use nerchinsk::{data::embedded, Date};

/// A small deterministic generator (xorshift), so the point set is the same in every run.
fn points(n: usize, seed: u64) -> Vec<(Point<f64>, Date)> {
    let atlas = embedded();
    let f = atlas.frame();
    let mut s = seed;
    let mut next = || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|_| {
            let p = Point::new(
                f.min().x + next() * f.width(),
                f.min().y + next() * f.height(),
            );
            let year = 1689 + (next() * 337.0) as i32;
            (p, Date::end_of_year(year))
        })
        .collect()
}

fn lookup_uniform(c: &mut Criterion) {
    let atlas = embedded();
    let pts = points(10_000, 0x5eed);
    let topo = atlas.topology();
    let mut g = c.benchmark_group("lookup_uniform");
    g.throughput(Throughput::Elements(pts.len() as u64));
    g.sample_size(10);
    g.bench_function("naive", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for (p, date) in &pts {
                let statuses = atlas.face_statuses(*date).unwrap();
                if let Some(f) = (0..topo.faces.len())
                    .find(|&f| f != topo.outer_face && topo.faces[f].contains(p))
                {
                    n += statuses[f] as usize;
                }
            }
            black_box(n)
        })
    });
    g.bench_function("nerchinsk", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for (p, date) in &pts {
                if let Ok(s) = atlas.sovereignty_on(*p, *date) {
                    n += s.status as usize;
                }
            }
            black_box(n)
        })
    });
    g.finish();
}

criterion_group!(benches, lookup_uniform);
criterion_main!(benches);
