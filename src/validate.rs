//! Checks the loader runs on a dataset before it cuts the land into faces, so that a user's own
//! reading of the treaties is refused with an error naming the file, the feature and the problem
//! instead of giving wrong faces: lines that cross themselves or each other away from a shared
//! vertex, and, when a file does not deserialize, which feature or entry is at fault.

use geo::kernels::{Kernel, Orientation, RobustKernel};
use geo_types::{Coord, Line};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::RTree;

use crate::border::BorderLine;
use crate::error::{Error, Result};

/// How two segments meet.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Meet {
    Apart,
    /// In exactly one point, which is an end of at least one of them.
    Touch(Coord<f64>),
    /// In one point inside both.
    Cross,
    /// Collinear, sharing more than a point; the first shared point.
    Overlap(Coord<f64>),
}

/// How segments `a-b` and `c-d` meet, decided with robust orientation predicates (exact for
/// any finite coordinates).
fn meet(a: Coord<f64>, b: Coord<f64>, c: Coord<f64>, d: Coord<f64>) -> Meet {
    use Orientation::Collinear;
    let o1 = RobustKernel::orient2d(a, b, c);
    let o2 = RobustKernel::orient2d(a, b, d);
    if o1 == o2 && o1 != Collinear {
        return Meet::Apart;
    }
    let o3 = RobustKernel::orient2d(c, d, a);
    let o4 = RobustKernel::orient2d(c, d, b);
    if o3 == o4 && o3 != Collinear {
        return Meet::Apart;
    }
    if [o1, o2, o3, o4].iter().all(|&o| o == Collinear) {
        // on one line: (x, y) in lexicographic order is an order along it
        let lex = |p: &Coord<f64>, q: &Coord<f64>| {
            (p.x, p.y)
                .partial_cmp(&(q.x, q.y))
                .expect("read_lines checked: coordinates are finite")
        };
        let minmax = |p: Coord<f64>, q: Coord<f64>| {
            if lex(&p, &q).is_le() {
                (p, q)
            } else {
                (q, p)
            }
        };
        let ((a0, a1), (c0, c1)) = (minmax(a, b), minmax(c, d));
        let lo = if lex(&a0, &c0).is_ge() { a0 } else { c0 };
        let hi = if lex(&a1, &c1).is_le() { a1 } else { c1 };
        return match lex(&lo, &hi) {
            std::cmp::Ordering::Greater => Meet::Apart,
            std::cmp::Ordering::Equal => Meet::Touch(lo),
            std::cmp::Ordering::Less => Meet::Overlap(lo),
        };
    }
    // one point; it is an end of a segment exactly when that end is on the other's line
    if o1 == Collinear {
        Meet::Touch(c)
    } else if o2 == Collinear {
        Meet::Touch(d)
    } else if o3 == Collinear {
        Meet::Touch(a)
    } else if o4 == Collinear {
        Meet::Touch(b)
    } else {
        Meet::Cross
    }
}

/// Where two segments cross, for the message (not used for any decision).
fn crossing_point(s: Line<f64>, t: Line<f64>) -> Coord<f64> {
    match geo::algorithm::line_intersection::line_intersection(s, t) {
        Some(geo::LineIntersection::SinglePoint { intersection, .. }) => intersection,
        Some(geo::LineIntersection::Collinear { intersection }) => intersection.start,
        None => s.start,
    }
}

fn at(c: Coord<f64>) -> String {
    format!("lon {:.6}, lat {:.6}", c.x, c.y)
}

/// Every pair of segments, of one line or of two, may meet only at a vertex of both: two
/// lines may cross or touch at a shared vertex (it becomes a node of the faces), a line's
/// consecutive segments share their vertex, and a closed line's first and last share its
/// ends. Anything else (a proper crossing, a line that ends on another between two of its
/// vertices, collinear overlap, a line that comes back to one of its own vertices) is an
/// error naming both features and the place. Segments are found through an R-tree
/// (self-join), the decision is exact (robust orientation predicates).
pub(crate) fn check_crossings(file: &str, lines: &[BorderLine]) -> Result<()> {
    // runs of CHUNK segments of one line, each in the tree with its bounding box
    let mut chunks = Vec::new();
    for (li, l) in lines.iter().enumerate() {
        let segs = l.geometry.0.len() - 1;
        for from in (0..segs).step_by(CHUNK) {
            let to = (from + CHUNK).min(segs);
            let cs = &l.geometry.0[from..=to];
            let (mut lo, mut hi) = (cs[0], cs[0]);
            for c in cs {
                (lo.x, lo.y, hi.x, hi.y) =
                    (lo.x.min(c.x), lo.y.min(c.y), hi.x.max(c.x), hi.y.max(c.y));
            }
            chunks.push(GeomWithData::new(
                Rectangle::from_corners([lo.x, lo.y], [hi.x, hi.y]),
                (li, from, to),
            ));
        }
    }
    let tree = RTree::bulk_load(chunks);
    // the first problem in (line, segment) order, so the message does not depend on the tree
    let mut first: Option<(SegmentRef, SegmentRef, String)> = None;
    let mut check = |si: (usize, usize), ti: (usize, usize)| {
        if first.as_ref().is_some_and(|f| (f.0, f.1) <= (si, ti)) {
            return;
        }
        let seg = |(l, i): (usize, usize)| {
            let c = &lines[l].geometry.0;
            Line::new(c[i], c[i + 1])
        };
        let (g, h) = (seg(si), seg(ti));
        if !boxes_meet(g, h) {
            return;
        }
        if let Some(problem) = problem(lines, si, g, ti, h) {
            first = Some((si, ti, problem));
        }
    };
    for (s, t) in tree.intersection_candidates_with_other_tree(&tree) {
        let ((sl, s0, s1), (tl, t0, t1)) = (s.data, t.data);
        if (sl, s0) > (tl, t0) {
            continue;
        }
        for i in s0..s1 {
            // within one chunk, each pair once
            let from = if (sl, s0) == (tl, t0) { i + 1 } else { t0 };
            for j in from..t1 {
                check((sl, i), (tl, j));
            }
        }
    }
    match first {
        Some((_, _, message)) => Err(Error::data(file, message)),
        None => Ok(()),
    }
}

/// A segment as (line index, segment index).
type SegmentRef = (usize, usize);

/// Segments per R-tree entry in [`check_crossings`]: fewer, bigger boxes make the self-join
/// cheaper, and the pairs within two boxes are tested on their own boxes first.
const CHUNK: usize = 8;

/// Whether the bounding boxes of two segments meet (touching counts).
#[inline]
fn boxes_meet(g: Line<f64>, h: Line<f64>) -> bool {
    let (gx0, gx1) = (g.start.x.min(g.end.x), g.start.x.max(g.end.x));
    let (hx0, hx1) = (h.start.x.min(h.end.x), h.start.x.max(h.end.x));
    let (gy0, gy1) = (g.start.y.min(g.end.y), g.start.y.max(g.end.y));
    let (hy0, hy1) = (h.start.y.min(h.end.y), h.start.y.max(h.end.y));
    gx0 <= hx1 && hx0 <= gx1 && gy0 <= hy1 && hy0 <= gy1
}

/// What is wrong with segments `s` (line, index) and `t` meeting, if anything.
fn problem(
    lines: &[BorderLine],
    (sl, si): (usize, usize),
    g: Line<f64>,
    (tl, ti): (usize, usize),
    h: Line<f64>,
) -> Option<String> {
    // consecutive segments of a line share a vertex: they meet elsewhere only if the line
    // doubles back (the common case, decided without the general test)
    if sl == tl && ti == si + 1 {
        let (u, v) = (g.end - g.start, h.end - h.start);
        let back = RobustKernel::orient2d(g.start, g.end, h.end) == Orientation::Collinear
            && u.x * v.x + u.y * v.y < 0.0;
        if !back {
            return None;
        }
    }
    let meeting = meet(g.start, g.end, h.start, h.end);
    if meeting == Meet::Apart {
        return None;
    }
    let (a, b) = (&lines[sl].id, &lines[tl].id);
    let pair = if sl == tl {
        format!("feature {a:?} crosses itself")
    } else {
        format!("features {a:?} and {b:?} cross")
    };
    match meeting {
        Meet::Apart => None,
        Meet::Cross => Some(format!(
            "{pair} at {} (segments {si} and {ti}), away from a shared vertex",
            at(crossing_point(g, h))
        )),
        Meet::Overlap(p) => Some(format!(
            "{pair}: segments {si} and {ti} run along each other from {}",
            at(p)
        )),
        Meet::Touch(p) => {
            let end_of = |l: Line<f64>| p == l.start || p == l.end;
            if !(end_of(g) && end_of(h)) {
                let (who, on) = if end_of(g) { (a, b) } else { (b, a) };
                return Some(if sl == tl {
                    format!("{pair}: it touches its own segment at {} (segments {si} and {ti}), away from a vertex", at(p))
                } else {
                    format!("feature {who:?} meets feature {on:?} at {}, which is not a vertex of {on:?}: lines must meet at shared vertices", at(p))
                });
            }
            if sl != tl {
                return None; // a shared vertex: a node of the faces
            }
            let last = lines[sl].geometry.0.len() - 2;
            let closed = lines[sl].geometry.is_closed();
            let neighbours = ti == si + 1 && p == g.end;
            let closing = closed && si == 0 && ti == last && p == g.start;
            if neighbours || closing {
                None
            } else {
                Some(format!(
                    "{pair}: it comes back to its vertex at {} (segments {si} and {ti})",
                    at(p)
                ))
            }
        }
    }
}

/// Why a lines file that did not deserialize is wrong, naming the feature: the slow path,
/// taken only after the fast reader failed with `err`.
pub(crate) fn lines_error(file: &str, text: &str, err: String) -> Error {
    let v: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return Error::data(file, format!("not valid JSON: {e}")),
    };
    if v.get("type").and_then(|t| t.as_str()) != Some("FeatureCollection") {
        return Error::data(
            file,
            "not a GeoJSON FeatureCollection (\"type\" must be \"FeatureCollection\")",
        );
    }
    let Some(features) = v.get("features").and_then(|f| f.as_array()) else {
        return Error::data(file, "the FeatureCollection has no \"features\" array");
    };
    for (i, f) in features.iter().enumerate() {
        let id = f
            .pointer("/properties/id")
            .and_then(|v| v.as_str())
            .map_or_else(
                || format!("number {i} (no \"id\" property)"),
                |s| format!("{s:?}"),
            );
        let gtype = f.pointer("/geometry/type").and_then(|t| t.as_str());
        match gtype {
            Some("LineString") => {}
            Some(other) => {
                return Error::data(
                    file,
                    format!("feature {id}: geometry type {other}, expected LineString"),
                )
            }
            None => {
                return Error::data(file, format!("feature {id}: no geometry (a LineString)"));
            }
        }
        let one = serde_json::json!({"type": "FeatureCollection", "features": [f]}).to_string();
        if let Err(e) = geojson::de::deserialize_feature_collection_str_to_vec::<BorderLine>(&one) {
            return Error::data(file, format!("feature {id}: {e}"));
        }
    }
    Error::data(file, err)
}

/// Why a timeline that did not deserialize is wrong, naming the event or region: the slow
/// path, taken only after the fast reader failed with `err`.
pub(crate) fn timeline_error<E, R>(file: &str, text: &str, err: String) -> Error
where
    E: serde::de::DeserializeOwned,
    R: serde::de::DeserializeOwned,
{
    let v: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return Error::data(file, format!("not valid JSON: {e}")),
    };
    for (key, what, name) in [("events", "event", "id"), ("regions", "region", "name")] {
        let Some(items) = v.get(key).and_then(|x| x.as_array()) else {
            return Error::data(file, format!("no {key:?} array"));
        };
        for (i, item) in items.iter().enumerate() {
            let r = if key == "events" {
                serde_json::from_value::<E>(item.clone()).err()
            } else {
                serde_json::from_value::<R>(item.clone()).err()
            };
            if let Some(e) = r {
                let label = item
                    .get(name)
                    .and_then(|x| x.as_str())
                    .map_or_else(|| format!("number {i}"), |s| format!("{s:?}"));
                return Error::data(file, format!("{what} {label}: {e}"));
            }
        }
    }
    Error::data(file, err)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(x: f64, y: f64) -> Coord<f64> {
        Coord { x, y }
    }

    #[test]
    fn how_segments_meet() {
        let (o, x) = (c(0.0, 0.0), c(2.0, 0.0));
        assert_eq!(meet(o, x, c(1.0, -1.0), c(1.0, 1.0)), Meet::Cross);
        assert_eq!(
            meet(o, x, c(1.0, 0.0), c(1.0, 1.0)),
            Meet::Touch(c(1.0, 0.0))
        );
        assert_eq!(meet(o, x, x, c(3.0, 1.0)), Meet::Touch(x));
        assert_eq!(meet(o, x, c(3.0, 0.0), c(4.0, 0.0)), Meet::Apart);
        assert_eq!(meet(o, x, x, c(4.0, 0.0)), Meet::Touch(x));
        assert_eq!(
            meet(o, x, c(1.0, 0.0), c(4.0, 0.0)),
            Meet::Overlap(c(1.0, 0.0))
        );
        assert_eq!(meet(o, x, c(0.0, 1.0), c(2.0, 1.0)), Meet::Apart);
        // vertical, collinear, reversed
        assert_eq!(
            meet(c(0.0, 0.0), c(0.0, 2.0), c(0.0, 3.0), c(0.0, 1.0)),
            Meet::Overlap(c(0.0, 1.0))
        );
        // nearly touching: robust predicates see the gap
        assert_eq!(meet(o, x, c(1.0, 1e-300), c(1.0, 1.0)), Meet::Apart);
    }
}
