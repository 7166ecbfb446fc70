//! The treaty lines as the distance grid measures them: each edge's segments as chords in
//! earth-centred coordinates on the WGS84 ellipsoid (km), cut where a segment spans more than
//! [`MAX_SEGMENT_DEG`], in chunks of up to [`CHUNK`] consecutive segments of one edge.

use geo_types::Coord;

use crate::border::{BorderLine, LineKind};
use crate::ellipsoid::Place;
use crate::error::{Error, Result};
use crate::topology::Topology;

/// Segments longer than this (degrees of longitude or latitude) are cut into pieces, so that a
/// chord stays within centimetres of the line drawn in lon/lat between the same ends.
pub(crate) const MAX_SEGMENT_DEG: f64 = 0.02;

/// Segments per chunk: the walk tests a chunk's box, then its segments.
pub(crate) const CHUNK: usize = 8;

/// The segments of a chunk, lane by lane: starts `a` relative to the chunk's origin and `e` =
/// end − start, km, in single precision (a centimetre at the scale of a chunk, 8 mm at 1,000
/// km: the distance is taken from a point relative to the same origin). A chunk of fewer than
/// [`CHUNK`] segments repeats its last one. Eight lanes of each coordinate let the compiler
/// measure all eight segments at once, with no branch; 224 bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lanes {
    ax: [f32; CHUNK],
    ay: [f32; CHUNK],
    az: [f32; CHUNK],
    ex: [f32; CHUNK],
    ey: [f32; CHUNK],
    ez: [f32; CHUNK],
    /// 1 / |e|², 0 for a segment of length 0.
    inv: [f32; CHUNK],
}

impl Lanes {
    /// Squared distance from `p` (relative to the chunk's origin) to each segment, and the
    /// position of its closest point along it (0 at its start, 1 at its end).
    #[inline(always)]
    pub(crate) fn distances2(&self, p: [f32; 3]) -> ([f32; CHUNK], [f32; CHUNK]) {
        let mut d2 = [0f32; CHUNK];
        let mut t = [0f32; CHUNK];
        for k in 0..CHUNK {
            let w = [p[0] - self.ax[k], p[1] - self.ay[k], p[2] - self.az[k]];
            let e = [self.ex[k], self.ey[k], self.ez[k]];
            let we = w[0] * e[0] + w[1] * e[1] + w[2] * e[2];
            let tk = (we * self.inv[k]).clamp(0.0, 1.0);
            let d = [w[0] - tk * e[0], w[1] - tk * e[1], w[2] - tk * e[2]];
            d2[k] = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
            t[k] = tk;
        }
        (d2, t)
    }

    /// The point at `t` along segment `k`, relative to the chunk's origin.
    pub(crate) fn point(&self, k: usize, t: f32) -> [f64; 3] {
        [
            (self.ax[k] + t * self.ex[k]) as f64,
            (self.ay[k] + t * self.ey[k]) as f64,
            (self.az[k] + t * self.ez[k]) as f64,
        ]
    }
}

/// Up to [`CHUNK`] consecutive segments of one edge: the box from `origin` to `origin +
/// size`; its segments are `lanes[k]` for chunk k.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Chunk {
    pub(crate) origin: [f64; 3],
    pub(crate) size: [f32; 3],
    pub(crate) edge: u32,
}

impl Chunk {
    /// Squared distance from `p` (relative to the origin) to the box.
    #[inline(always)]
    pub(crate) fn box_distance2(&self, p: [f64; 3]) -> f64 {
        p.iter()
            .zip(self.size)
            .map(|(&x, size)| {
                let d = (-x).max(0.0).max(x - size as f64);
                d * d
            })
            .sum()
    }
}

/// Bit `k` of a bit set of words.
#[inline(always)]
pub(crate) fn bit(words: &[u64], k: usize) -> bool {
    words[k / 64] >> (k % 64) & 1 == 1
}

/// Every chunk of the lines, with the chords' starts for the grids' nearest-vertex bound.
#[derive(Debug, Clone, Default)]
pub(crate) struct ChunkSet {
    pub(crate) chunks: Vec<Chunk>,
    /// The segments of chunk k.
    pub(crate) lanes: Vec<Lanes>,
    /// The start of every chord (double precision, km) and its chunk.
    pub(crate) starts: Vec<([f64; 3], u32)>,
}

/// The most chunks a distance grid can name: its lists store a chunk's number in 16 bits.
pub(crate) const MAX_CHUNKS: usize = 1 << 16;

/// How many chords the segment from `a` to `b` is cut into.
fn pieces(a: Coord<f64>, b: Coord<f64>) -> usize {
    ((b.x - a.x).abs().max((b.y - a.y).abs()) / MAX_SEGMENT_DEG)
        .ceil()
        .max(1.0) as usize
}

/// The edges of `topo` that belong to treaty lines (of `lines`, [`LineKind::Border`]): the
/// edges the distance grid measures to, with their ids.
pub(crate) fn border_edges<'a>(
    topo: &'a Topology,
    lines: &'a [BorderLine],
) -> impl Iterator<Item = (usize, &'a [Coord<f64>])> {
    topo.edges
        .iter()
        .enumerate()
        .filter(|(_, edge)| lines[edge.line].kind == LineKind::Border)
        .map(|(e, edge)| (e, edge.coords.as_slice()))
}

/// How many chunks [`ChunkSet::build`] makes of lines with these vertices (one slice an edge),
/// without building them: for the loader's check against [`MAX_CHUNKS`].
pub(crate) fn chunk_count<'a>(edges: impl Iterator<Item = &'a [Coord<f64>]>) -> usize {
    edges
        .map(|coords| {
            let chords: usize = coords.windows(2).map(|w| pieces(w[0], w[1])).sum();
            chords.div_ceil(CHUNK)
        })
        .sum()
}

/// An error unless `count` chunks fit a distance grid ([`MAX_CHUNKS`]).
pub(crate) fn check_chunk_count(count: usize) -> Result<()> {
    if count > MAX_CHUNKS {
        return Err(Error::data(
            "lines",
            format!(
                "the treaty lines make {count} chunks of up to {CHUNK} segments of at most \
                 {MAX_SEGMENT_DEG} degrees for the distance grid, more than its {MAX_CHUNKS}: \
                 simplify the lines"
            ),
        ));
    }
    Ok(())
}

impl ChunkSet {
    /// The chunks of `edges` (each an edge id and its lon/lat vertices), in the order given.
    pub(crate) fn build<'a>(edges: impl Iterator<Item = (usize, &'a [Coord<f64>])>) -> ChunkSet {
        let mut set = ChunkSet::default();
        for (edge, coords) in edges {
            let mut chords: Vec<([f64; 3], [f64; 3])> = Vec::new();
            for w in coords.windows(2) {
                let (a, b) = (w[0], w[1]);
                let pieces = pieces(a, b);
                let mut from = Place::new(a).xyz;
                for k in 1..=pieces {
                    let to = Place::new(a + (b - a) * (k as f64 / pieces as f64)).xyz;
                    chords.push((from, to));
                    from = to;
                }
            }
            for piece in chords.chunks(CHUNK) {
                let id = u32::try_from(set.chunks.len()).expect("fewer than 2^32 chunks");
                set.starts.extend(piece.iter().map(|&(a, _)| (a, id)));
                set.push(piece, edge as u32);
            }
        }
        set
    }

    /// Append a chunk of `chords` (start, end) of `edge`.
    fn push(&mut self, chords: &[([f64; 3], [f64; 3])], edge: u32) {
        let (mut lo, mut hi) = ([f64::INFINITY; 3], [f64::NEG_INFINITY; 3]);
        for (a, b) in chords {
            for k in 0..3 {
                lo[k] = lo[k].min(a[k]).min(b[k]);
                hi[k] = hi[k].max(a[k]).max(b[k]);
            }
        }
        // the box in single precision, rounded outwards
        let size = [0, 1, 2].map(|k| ((hi[k] - lo[k]) as f32) * (1.0 + 1e-6) + 1e-6);
        self.chunks.push(Chunk {
            origin: lo,
            size,
            edge,
        });
        let rel = |v: [f64; 3]| [0, 1, 2].map(|k| (v[k] - lo[k]) as f32);
        let mut lanes = Lanes {
            ax: [0.0; CHUNK],
            ay: [0.0; CHUNK],
            az: [0.0; CHUNK],
            ex: [0.0; CHUNK],
            ey: [0.0; CHUNK],
            ez: [0.0; CHUNK],
            inv: [0.0; CHUNK],
        };
        for k in 0..CHUNK {
            let (a, b) = chords[k.min(chords.len() - 1)];
            let (a, b) = (rel(a), rel(b));
            (lanes.ax[k], lanes.ay[k], lanes.az[k]) = (a[0], a[1], a[2]);
            let e = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
            (lanes.ex[k], lanes.ey[k], lanes.ez[k]) = (e[0], e[1], e[2]);
            let ee = e[0] * e[0] + e[1] * e[1] + e[2] * e[2];
            lanes.inv[k] = if ee > 0.0 { 1.0 / ee } else { 0.0 };
        }
        self.lanes.push(lanes);
    }

    /// Heap memory in bytes.
    pub(crate) fn memory_bytes(&self) -> usize {
        self.chunks.len() * std::mem::size_of::<Chunk>()
            + self.lanes.len() * std::mem::size_of::<Lanes>()
            + self.starts.len() * std::mem::size_of::<([f64; 3], u32)>()
    }
}

#[cfg(test)]
mod tests {
    use geo_types::Coord;

    use super::*;

    #[test]
    fn the_count_is_what_the_build_makes() {
        // 3 segments: one short, one cut in 5 (0.09 degree), one of length 0
        let line = [
            Coord { x: 120.0, y: 50.0 },
            Coord { x: 120.01, y: 50.0 },
            Coord {
                x: 120.01,
                y: 50.09,
            },
            Coord {
                x: 120.01,
                y: 50.09,
            },
        ];
        let long: Vec<Coord<f64>> = (0..=40)
            .map(|i| Coord {
                x: 121.0 + f64::from(i) * 0.01,
                y: 51.0,
            })
            .collect();
        let edges = [&line[..], &long[..]];
        let built = ChunkSet::build(edges.iter().copied().enumerate());
        // 7 chords make one chunk, 40 make five
        assert_eq!(chunk_count(edges.iter().copied()), 6);
        assert_eq!(built.chunks.len(), 6);
        assert_eq!(built.starts.len(), 47);
    }

    #[test]
    fn too_many_chunks_are_a_data_error() {
        assert!(check_chunk_count(MAX_CHUNKS).is_ok());
        let err = check_chunk_count(MAX_CHUNKS + 1).unwrap_err();
        assert!(matches!(err, Error::Data { .. }));
        assert!(err.to_string().contains("65537 chunks"), "{err}");
    }
}
