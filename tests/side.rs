//! Side of line: both sides of every treaty line and exactly on it, and no flip at sharp bends.

use geo_types::{Coord, Point};
use nerchinsk::{data::embedded, side_of_line, LineKind, Side};

/// For every segment midpoint of every treaty line, points offset a little to the left and the
/// right of the segment (perpendicular, 1e-4 degrees, about 10 m) get Left and Right, and the
/// midpoint's vertex is On.
#[test]
fn both_sides_of_every_treaty_line() {
    let atlas = embedded();
    let mut checked = 0;
    for l in atlas.lines().iter().filter(|l| l.kind == LineKind::Border) {
        let cs = &l.geometry.0;
        // check every 7th segment, away from the ends, where the offset point is unambiguous
        for i in (1..cs.len().saturating_sub(2)).step_by(7) {
            let (a, b) = (cs[i], cs[i + 1]);
            let d = b - a;
            let len = (d.x * d.x + d.y * d.y).sqrt();
            if len < 4e-3 {
                continue; // too short for a 1e-4 offset to stay nearest to this segment
            }
            let m = Coord {
                x: (a.x + b.x) / 2.0,
                y: (a.y + b.y) / 2.0,
            };
            let n = Coord {
                x: -d.y / len * 1e-4,
                y: d.x / len * 1e-4,
            };
            assert_eq!(
                side_of_line(Point::from(m + n), &l.id).unwrap(),
                Side::Left,
                "{} seg {i}",
                l.id
            );
            assert_eq!(
                side_of_line(Point::from(m - n), &l.id).unwrap(),
                Side::Right,
                "{} seg {i}",
                l.id
            );
            assert_eq!(
                side_of_line(Point::from(a), &l.id).unwrap(),
                Side::On,
                "{} vertex {i}",
                l.id
            );
            checked += 1;
        }
    }
    assert!(checked > 300, "{checked}");
}

/// Near a sharp bend the nearest point is the vertex itself: the side must come from the angle
/// between the two segments, not from whichever segment the tree returned first.
#[test]
fn no_flip_at_sharp_bends() {
    let atlas = embedded();
    let mut bends = 0;
    for l in atlas.lines().iter().filter(|l| l.kind == LineKind::Border) {
        let cs = &l.geometry.0;
        for i in 1..cs.len() - 1 {
            let (p, v, n) = (cs[i - 1], cs[i], cs[i + 1]);
            let (u, w) = (p - v, n - v);
            let (lu, lw) = (
                (u.x * u.x + u.y * u.y).sqrt(),
                (w.x * w.x + w.y * w.y).sqrt(),
            );
            let cos = (u.x * w.x + u.y * w.y) / (lu * lw);
            if cos < 0.5 || lu < 3e-4 || lw < 3e-4 {
                continue; // only bends sharper than 60 degrees
            }
            // the bisector of the angle p-v-n points into the narrow wedge
            let b = Coord {
                x: u.x / lu + w.x / lw,
                y: u.y / lu + w.y / lw,
            };
            let bl = (b.x * b.x + b.y * b.y).sqrt();
            let inside = v + Coord {
                x: b.x / bl * 5e-5,
                y: b.y / bl * 5e-5,
            };
            let outside = v - Coord {
                x: b.x / bl * 5e-5,
                y: b.y / bl * 5e-5,
            };
            // inside the wedge of a left turn (cross(p->v, v->n) > 0) is the left side
            let turn = (v.x - p.x) * (n.y - v.y) - (v.y - p.y) * (n.x - v.x);
            let (want_in, want_out) = if turn > 0.0 {
                (Side::Left, Side::Right)
            } else {
                (Side::Right, Side::Left)
            };
            assert_eq!(
                side_of_line(Point::from(inside), &l.id).unwrap(),
                want_in,
                "{} bend {i}",
                l.id
            );
            assert_eq!(
                side_of_line(Point::from(outside), &l.id).unwrap(),
                want_out,
                "{} bend {i}",
                l.id
            );
            bends += 1;
        }
    }
    assert!(bends >= 5, "{bends}");
}

#[test]
fn river_banks_by_name() {
    // the Amur is digitised downstream: its left bank (Blagoveshchensk) is Left, Heihe is Right
    assert_eq!(
        side_of_line(Point::new(127.533, 50.25), "amur_upper").unwrap(),
        Side::Left
    );
    assert_eq!(
        side_of_line(Point::new(127.4886, 50.2458), "amur_upper").unwrap(),
        Side::Right
    );
    // the Argun is digitised downstream: Priargunsk on the left (Russian) bank, Hailar on the right
    assert_eq!(
        side_of_line(Point::new(119.0958, 50.3667), "argun").unwrap(),
        Side::Left
    );
    assert_eq!(
        side_of_line(Point::new(119.8245, 49.2347), "argun").unwrap(),
        Side::Right
    );
}
