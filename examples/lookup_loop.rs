//! The benchmark's lookups in a plain loop, for counting instructions and branch misses with
//! valgrind (criterion's own machinery would drown them):
//!
//! ```sh
//! cargo build --release --example lookup_loop
//! valgrind --tool=cachegrind --branch-sim=yes target/release/examples/lookup_loop uniform 1
//! valgrind --tool=cachegrind --branch-sim=yes target/release/examples/lookup_loop uniform 3
//! ```
//!
//! The difference between the two totals, divided by two million, is the cost of one lookup
//! (the set-up, the same in both runs, cancels out, but for a few instructions in the C
//! library's memory functions, whose share of it varies with the hash seeds; the loop's own
//! function, one per kind, is exact). `boundary` for the near-border points.
//! A third argument measures something else on the same points: `nearest`
//! (`Atlas::nearest_border_on`), `certainty` (`Atlas::sovereignty_with_certainty_on`) or
//! `certainty_batch` (`Atlas::answer_ids_with_certainty_into` over all the points; set
//! `RAYON_NUM_THREADS=1` for one thread).

use std::hint::black_box;
use std::time::Instant;

use geo_types::Point;
use nerchinsk::data::embedded;
use nerchinsk::internals::{boundary_queries, uniform_queries};
use nerchinsk::{AnswerId, Atlas, Date};

fn main() {
    let mut args = std::env::args().skip(1);
    let set = args.next().unwrap_or_else(|| "uniform".into());
    let passes: usize = match args.next().map(|s| s.parse()) {
        None => 10,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("usage: lookup_loop [uniform|boundary] [passes] [lookup|nearest|certainty|certainty_batch]");
            std::process::exit(2);
        }
    };
    let what = args.next().unwrap_or_else(|| "lookup".into());
    let atlas = embedded();
    let queries = match set.as_str() {
        "uniform" => uniform_queries(atlas, 1_000_000, 0x5eed),
        "boundary" => boundary_queries(atlas, 1_000_000, 1.0, 0xb0d3),
        other => {
            eprintln!("unknown point set {other:?}: uniform or boundary");
            std::process::exit(2);
        }
    };
    // the distance grid and the cells are built on first use: not part of the loops
    let warm = Instant::now();
    for e in atlas.events() {
        let _ = atlas.sovereignty_with_certainty_on(queries[0].0, e.date);
        let _ = atlas.nearest_border_on(queries[0].0, e.date);
    }
    eprintln!("built in {:.3} s", warm.elapsed().as_secs_f64());
    // one function per kind, out of line, so that no kind's code changes another's loop
    let start = Instant::now();
    let mut sum = 0usize;
    let mut ids = Vec::new();
    for _ in 0..passes {
        sum += match what.as_str() {
            "nearest" => nearest(atlas, &queries),
            "certainty" => certainty(atlas, &queries),
            "certainty_batch" => certainty_batch(atlas, &queries, &mut ids),
            _ => lookup(atlas, &queries),
        };
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{set}: {passes} x {} lookups in {secs:.3} s, {:.1} M/s (checksum {sum})",
        queries.len(),
        (passes * queries.len()) as f64 / secs / 1e6
    );
}

#[inline(never)]
fn lookup(atlas: &Atlas, queries: &[(Point<f64>, Date)]) -> usize {
    queries
        .iter()
        .map(|&(p, d)| match atlas.sovereignty_at(black_box(p), d.year) {
            Ok(s) => s.status as usize,
            Err(_) => 9,
        })
        .sum()
}

#[inline(never)]
fn nearest(atlas: &Atlas, queries: &[(Point<f64>, Date)]) -> usize {
    queries
        .iter()
        .map(|&(p, d)| match atlas.nearest_border_on(black_box(p), d) {
            Ok(n) => n.distance_km as usize,
            Err(_) => 9,
        })
        .sum()
}

#[inline(never)]
fn certainty(atlas: &Atlas, queries: &[(Point<f64>, Date)]) -> usize {
    queries
        .iter()
        .map(
            |&(p, d)| match atlas.sovereignty_with_certainty_on(black_box(p), d) {
                Ok((s, c)) => s.status as usize + c.certain as usize,
                Err(_) => 9,
            },
        )
        .sum()
}

#[inline(never)]
fn certainty_batch(
    atlas: &Atlas,
    queries: &[(Point<f64>, Date)],
    ids: &mut Vec<(AnswerId, bool)>,
) -> usize {
    atlas.answer_ids_with_certainty_into(black_box(queries), ids);
    ids.iter()
        .map(|&(id, certain)| id.0 as usize + certain as usize)
        .sum()
}
