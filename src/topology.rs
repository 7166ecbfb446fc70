//! Faces from lines: every line ever in force, plus the coast and the frame, cut the plane into
//! faces. Territories of any date are unions of faces, so nothing is drawn twice.

use std::collections::HashMap;

use geo_types::{Coord, LineString, Polygon};

use crate::border::BorderLine;
use crate::error::{Error, Result};

/// A piece of one line between two nodes (points where lines end or meet).
#[derive(Debug, Clone)]
pub struct Edge {
    /// Index of the line (in the atlas's line list) this piece belongs to.
    pub line: usize,
    /// Vertices from `from` to `to`.
    pub coords: Vec<Coord<f64>>,
    /// Node at the first vertex.
    pub from: usize,
    /// Node at the last vertex.
    pub to: usize,
}

/// The planar subdivision. Half-edge `2e` runs along edge `e` as digitised, `2e + 1` against it.
#[derive(Debug, Clone)]
pub struct Topology {
    /// Node positions.
    pub nodes: Vec<Coord<f64>>,
    /// Edges between nodes.
    pub edges: Vec<Edge>,
    /// Face on the left of each half-edge.
    pub left_face: Vec<usize>,
    /// Outgoing half-edges at each node, sorted counter-clockwise by the angle of their first segment.
    pub node_out: Vec<Vec<(f64, usize)>>,
    /// Face boundaries as closed rings (counter-clockwise for bounded faces).
    pub faces: Vec<Polygon<f64>>,
    /// The unbounded face outside the frame.
    pub outer_face: usize,
}

fn key(c: Coord<f64>) -> (u64, u64) {
    (c.x.to_bits(), c.y.to_bits())
}

impl Topology {
    /// Build the subdivision. Lines must meet only at shared vertices (the data pipeline checks
    /// this with shapely before writing, the loader with an R-tree and robust predicates); a
    /// vertex that is the end of any line, or a vertex of two lines, is a node, and every line
    /// is split at the nodes it passes through.
    pub fn build(lines: &[BorderLine], file: &str) -> Result<Topology> {
        let mut node_of: HashMap<(u64, u64), usize> = HashMap::new();
        let mut nodes = Vec::new();
        for l in lines {
            for c in [
                l.geometry.0[0],
                *l.geometry
                    .0
                    .last()
                    .expect("read_lines checked: two vertices or more"),
            ] {
                node_of.entry(key(c)).or_insert_with(|| {
                    nodes.push(c);
                    nodes.len() - 1
                });
            }
        }
        // a vertex shared by two lines is a node too: they may cross there
        let total = lines.iter().map(|l| l.geometry.0.len()).sum();
        let mut line_of: HashMap<(u64, u64), usize> = HashMap::with_capacity(total);
        for (li, l) in lines.iter().enumerate() {
            for &c in &l.geometry.0 {
                let first = *line_of.entry(key(c)).or_insert(li);
                if first != li {
                    node_of.entry(key(c)).or_insert_with(|| {
                        nodes.push(c);
                        nodes.len() - 1
                    });
                }
            }
        }
        let mut edges = Vec::new();
        for (li, l) in lines.iter().enumerate() {
            let cs = &l.geometry.0;
            let mut start = 0;
            for i in 1..cs.len() {
                if let Some(&n) = node_of.get(&key(cs[i])) {
                    let piece: Vec<Coord<f64>> = cs[start..=i].to_vec();
                    if piece.len() >= 2 {
                        edges.push(Edge {
                            line: li,
                            coords: piece,
                            from: node_of[&key(cs[start])],
                            to: n,
                        });
                    }
                    start = i;
                }
            }
        }
        // outgoing half-edges per node, sorted by angle
        let mut node_out: Vec<Vec<(f64, usize)>> = vec![Vec::new(); nodes.len()];
        for (e, edge) in edges.iter().enumerate() {
            let c = &edge.coords;
            let n = c.len();
            let a_fwd = (c[1].y - c[0].y).atan2(c[1].x - c[0].x);
            let a_bwd = (c[n - 2].y - c[n - 1].y).atan2(c[n - 2].x - c[n - 1].x);
            node_out[edge.from].push((a_fwd, 2 * e));
            node_out[edge.to].push((a_bwd, 2 * e + 1));
        }
        for (n, out) in node_out.iter_mut().enumerate() {
            out.sort_by(|a, b| a.0.total_cmp(&b.0));
            if out.len() == 1 {
                let he = out[0].1;
                return Err(Error::data(
                    file,
                    format!(
                        "line {:?} ends at {:?} without meeting another line (a dangling end)",
                        lines[edges[he / 2].line].id,
                        (nodes[n].x, nodes[n].y)
                    ),
                ));
            }
            if let Some(w) = out.windows(2).find(|w| w[0].0 == w[1].0) {
                let (a, b) = (
                    &lines[edges[w[0].1 / 2].line].id,
                    &lines[edges[w[1].1 / 2].line].id,
                );
                return Err(Error::data(
                    file,
                    format!(
                        "lines {a:?} and {b:?} leave node {:?} in the same direction",
                        (nodes[n].x, nodes[n].y)
                    ),
                ));
            }
        }
        let head = |he: usize| {
            if he % 2 == 0 {
                edges[he / 2].to
            } else {
                edges[he / 2].from
            }
        };
        // position of each half-edge in its tail node's list
        let mut pos = vec![0usize; edges.len() * 2];
        for out in &node_out {
            for (i, &(_, he)) in out.iter().enumerate() {
                pos[he] = i;
            }
        }
        // trace faces: next(he) = the outgoing half-edge just clockwise of he's twin at its head
        let mut left_face = vec![usize::MAX; edges.len() * 2];
        let mut faces = Vec::new();
        let mut signed = Vec::new();
        for start in 0..edges.len() * 2 {
            if left_face[start] != usize::MAX {
                continue;
            }
            let f = faces.len();
            let mut ring: Vec<Coord<f64>> = Vec::new();
            let mut he = start;
            loop {
                if left_face[he] != usize::MAX {
                    return Err(Error::data(
                        file,
                        "face tracing did not close: lines cross away from a shared vertex",
                    ));
                }
                left_face[he] = f;
                let e = &edges[he / 2];
                if he % 2 == 0 {
                    ring.extend_from_slice(&e.coords[..e.coords.len() - 1]);
                } else {
                    ring.extend(e.coords[1..].iter().rev());
                }
                let v = head(he);
                let twin = he ^ 1;
                let out = &node_out[v];
                let i = pos[twin];
                he = out[(i + out.len() - 1) % out.len()].1;
                if he == start {
                    break;
                }
            }
            ring.push(ring[0]);
            signed.push(planar_signed_area(&ring));
            faces.push(Polygon::new(LineString::from(ring), vec![]));
        }
        let negative: Vec<usize> = (0..faces.len()).filter(|&f| signed[f] < 0.0).collect();
        if negative.len() != 1 {
            return Err(Error::data(
                file,
                format!(
                    "the lines form {} separate networks; every line must connect to the frame (an island's coast through a bridge)",
                    negative.len()
                ),
            ));
        }
        Ok(Topology {
            nodes,
            edges,
            left_face,
            node_out,
            faces,
            outer_face: negative[0],
        })
    }

    /// Signed area of a face in square degrees (positive for bounded faces).
    pub fn planar_area(&self, face: usize) -> f64 {
        planar_signed_area(&self.faces[face].exterior().0)
    }
}

/// Shoelace area in square degrees.
pub fn planar_signed_area(ring: &[Coord<f64>]) -> f64 {
    ring.windows(2)
        .map(|w| w[0].x * w[1].y - w[1].x * w[0].y)
        .sum::<f64>()
        / 2.0
}

/// Union-find over faces.
pub(crate) struct Merge(Vec<usize>);

impl Merge {
    pub(crate) fn new(n: usize) -> Self {
        Merge((0..n).collect())
    }
    pub(crate) fn root(&mut self, mut a: usize) -> usize {
        while self.0[a] != a {
            self.0[a] = self.0[self.0[a]];
            a = self.0[a];
        }
        a
    }
    pub(crate) fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}
