//! Reproducible query sets: uniform points over the covered frame and points near the border,
//! each with a date, from a fixed seed. The benchmarks and the agreement tests draw from the
//! same sets, so a speed figure and a correctness check always speak about the same points.

use geo_types::{Coord, Point};

use crate::atlas::Atlas;
use crate::border::LineKind;
use crate::date::Date;

/// First and last year of the query sets: the first treaty to the present.
pub const YEARS: (i32, i32) = (1689, 2025);

/// xorshift64*: small, fast and the same on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced, xorshift needs a non-zero state).
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let r = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d);
        (r >> 11) as f64 / (1u64 << 53) as f64
    }

    fn year(&mut self) -> i32 {
        YEARS.0 + (self.next_f64() * (YEARS.1 - YEARS.0 + 1) as f64) as i32
    }
}

/// `n` points uniform over the atlas's frame (land, sea and uncovered land alike), each with
/// 31 December of a year uniform over [`YEARS`].
pub fn uniform_queries(atlas: &Atlas, n: usize, seed: u64) -> Vec<(Point<f64>, Date)> {
    let f = atlas.frame();
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let x = f.min().x + rng.next_f64() * f.width();
            let y = f.min().y + rng.next_f64() * f.height();
            (Point::new(x, y), Date::end_of_year(rng.year()))
        })
        .collect()
}

/// `n` points within `max_km` of a treaty line in force at their date: a year uniform over
/// [`YEARS`], a segment of the lines in force picked with probability proportional to its
/// length, a point along it, and an offset across it uniform in `-max_km..max_km`. A year
/// before the atlas's first event counts as that event's epoch; in an epoch with no line in
/// force the point is the frame's centre. Never panics.
pub fn boundary_queries(
    atlas: &Atlas,
    n: usize,
    max_km: f64,
    seed: u64,
) -> Vec<(Point<f64>, Date)> {
    // km per degree of a great circle, mean Earth radius 6371.0088 km
    const KM_PER_DEGREE: f64 = 111.195;
    // per epoch: the segments of the border lines in force and their cumulative lengths (km)
    type Segments = Vec<(Coord<f64>, Coord<f64>)>;
    let epochs: Vec<(Segments, Vec<f64>)> = (0..atlas.events().len())
        .map(|ep| {
            let date = atlas.events()[ep].date;
            let live = atlas.lines_in_force_on(date).unwrap_or_default();
            let mut segs = Vec::new();
            let mut cum = Vec::new();
            let mut total = 0.0;
            for l in atlas.lines() {
                if l.kind != LineKind::Border || !live.contains(&l.id.as_str()) {
                    continue;
                }
                for w in l.geometry.0.windows(2) {
                    let kx = ((w[0].y + w[1].y) / 2.0).to_radians().cos();
                    let (dx, dy) = ((w[1].x - w[0].x) * kx, w[1].y - w[0].y);
                    total += (dx * dx + dy * dy).sqrt() * KM_PER_DEGREE;
                    segs.push((w[0], w[1]));
                    cum.push(total);
                }
            }
            (segs, cum)
        })
        .collect();
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let date = Date::end_of_year(rng.year());
            let ep = atlas.epoch(date).unwrap_or(0);
            let (segs, cum) = &epochs[ep];
            let target = rng.next_f64() * cum.last().copied().unwrap_or(0.0);
            let k = cum
                .partition_point(|&c| c < target)
                .min(segs.len().saturating_sub(1));
            let Some(&(a, b)) = segs.get(k) else {
                return (atlas.frame().center().into(), date);
            };
            let t = rng.next_f64();
            let on = a + (b - a) * t;
            let kx = on.y.to_radians().cos();
            // unit normal in km, then back to degrees
            let (dx, dy) = ((b.x - a.x) * kx, b.y - a.y);
            let len = (dx * dx + dy * dy).sqrt().max(f64::MIN_POSITIVE);
            let off = (rng.next_f64() * 2.0 - 1.0) * max_km / KM_PER_DEGREE;
            let p = Coord {
                x: on.x + (-dy / len) * off / kx,
                y: on.y + (dx / len) * off,
            };
            (Point::from(p), date)
        })
        .collect()
}
