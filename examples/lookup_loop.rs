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
//! (the set-up, the same in both runs, cancels out). `boundary` for the near-border points.
//! A third argument measures something else on the same points: `nearest`
//! (`Atlas::nearest_border_on`) or `certainty` (`Atlas::sovereignty_with_certainty_on`).

use std::hint::black_box;
use std::time::Instant;

use nerchinsk::data::embedded;
use nerchinsk::internals::{boundary_queries, uniform_queries};

fn main() {
    let mut args = std::env::args().skip(1);
    let set = args.next().unwrap_or_else(|| "uniform".into());
    let passes: usize = match args.next().map(|s| s.parse()) {
        None => 10,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("usage: lookup_loop [uniform|boundary] [passes] [lookup|nearest|certainty]");
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
    // the distance grids and cells are built on first use: not part of the loops
    let warm = Instant::now();
    for e in atlas.events() {
        let _ = atlas.sovereignty_with_certainty_on(queries[0].0, e.date);
        let _ = atlas.nearest_border_on(queries[0].0, e.date);
    }
    eprintln!("built in {:.3} s", warm.elapsed().as_secs_f64());
    // one loop per kind, written out, so that the lookup's loop is the one it always was
    let start = Instant::now();
    let mut sum = 0usize;
    for _ in 0..passes {
        sum += match what.as_str() {
            "nearest" => queries
                .iter()
                .map(|&(p, d)| match atlas.nearest_border_on(black_box(p), d) {
                    Ok(n) => n.distance_km as usize,
                    Err(_) => 9,
                })
                .sum::<usize>(),
            "certainty" => queries
                .iter()
                .map(
                    |&(p, d)| match atlas.sovereignty_with_certainty_on(black_box(p), d) {
                        Ok((s, c)) => s.status as usize + c.certain as usize,
                        Err(_) => 9,
                    },
                )
                .sum::<usize>(),
            _ => queries
                .iter()
                .map(|&(p, d)| match atlas.sovereignty_at(black_box(p), d.year) {
                    Ok(s) => s.status as usize,
                    Err(_) => 9,
                })
                .sum::<usize>(),
        };
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{set}: {passes} x {} lookups in {secs:.3} s, {:.1} M/s (checksum {sum})",
        queries.len(),
        (passes * queries.len()) as f64 / secs / 1e6
    );
}
