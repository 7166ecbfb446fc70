//! The nearest treaty line in force and its distance.

use geo::{Distance, Haversine};
use geo_types::{Coord, Point};

use crate::atlas::{Atlas, NearestBorder};
use crate::border::{BorderLine, LineKind};
use crate::date::Date;
use crate::error::Result;
use crate::index::{segment_tree, Segment};
use crate::topology::Topology;

impl Atlas {
    /// The treaty line in force on `date` nearest to `point` (WGS84 lon/lat degrees), and its
    /// distance in km: haversine (sphere of mean Earth radius) from the point to the nearest
    /// point of the line. A point at sea, or on uncovered land inside the frame, still has a
    /// nearest line.
    ///
    /// # Errors
    /// [`Error::NotFinite`](crate::Error::NotFinite),
    /// [`Error::LongitudeOutOfRange`](crate::Error::LongitudeOutOfRange) or
    /// [`Error::LatitudeOutOfRange`](crate::Error::LatitudeOutOfRange) for a point that is no
    /// coordinate; [`Error::OutsideCoverage`](crate::Error::OutsideCoverage) for a point
    /// outside [`Atlas::frame`]; [`Error::BeforeCoverage`](crate::Error::BeforeCoverage) for a
    /// date before the first event.
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::{data::embedded, Date, Error};
    ///
    /// let atlas = embedded();
    /// let on = Date::new(1900, 1, 1).unwrap();
    /// let near = atlas.nearest_border_on(Point::new(127.53, 50.27), on).unwrap(); // Blagoveshchensk
    /// assert_eq!(near.line, "amur_upper");
    /// assert!(near.distance_km < 5.0);
    /// assert!(atlas.nearest_border_on(Point::new(135.5, 43.0), on).is_ok()); // at sea
    /// let west = atlas.nearest_border_on(Point::new(100.0, 50.0), on);
    /// assert!(matches!(west, Err(Error::OutsideCoverage { .. })));
    /// ```
    pub fn nearest_border_on(&self, point: Point<f64>, date: Date) -> Result<NearestBorder<'_>> {
        let p = self.check_point(point)?;
        let epoch = self.epoch(date)?;
        let (distance_km, line) = self.distance_to_border(p, epoch);
        Ok(NearestBorder { line, distance_km })
    }

    /// Nearest treaty line in force in `epoch`: (km, line id). Segments come from the epoch's
    /// R-tree in order of distance in degrees and are measured in an equirectangular plane
    /// centred on the point (exact enough near a line, within a few percent 1,000 km away); the
    /// walk stops when no further segment can be nearer. The km figure is then the haversine
    /// distance to the closest point found.
    fn distance_to_border(&self, p: Coord<f64>, epoch: usize) -> (f64, &str) {
        match self.nearest_edge(p, epoch) {
            Some((km, edge)) => (km, &self.lines[self.topo.edges[edge].line].id),
            None => (f64::INFINITY, ""),
        }
    }

    /// The edge of a treaty line in force in `epoch` nearest to `p`, and its distance in km, as
    /// [`Atlas::nearest_border_on`] measures it; `None` if no line is in force.
    pub(crate) fn nearest_edge(&self, p: Coord<f64>, epoch: usize) -> Option<(f64, usize)> {
        let mut best = (f64::INFINITY, usize::MAX, p);
        self.walk_segments(p, epoch, |lower, d, edge, q| {
            if lower > best.0 {
                return false;
            }
            if d < best.0 {
                best = (d, edge, q);
            }
            true
        });
        if best.1 == usize::MAX {
            return None;
        }
        let km = Haversine.distance(Point::from(p), Point::from(best.2)) / 1000.0;
        Some((km, best.1))
    }

    /// The edges of treaty lines in force in `epoch` that pass within `max_km` of `p` (a
    /// little more: the bound is planar), each once, with its distance in km (haversine to the
    /// closest point of its nearest segment), nearest first.
    pub(crate) fn edges_within(
        &self,
        p: Coord<f64>,
        epoch: usize,
        max_km: f64,
    ) -> Vec<(f64, usize)> {
        // degrees of latitude for max_km, with a margin for the plane's error
        let max_deg = 1.1 * max_km / 111.0;
        let mut found: Vec<(f64, usize)> = Vec::new();
        self.walk_segments(p, epoch, |lower, _, edge, q| {
            if lower > max_deg {
                return false;
            }
            let km = Haversine.distance(Point::from(p), Point::from(q)) / 1000.0;
            match found.iter_mut().find(|(_, e)| *e == edge) {
                Some(f) => f.0 = f.0.min(km),
                None => found.push((km, edge)),
            }
            true
        });
        found.retain(|&(km, _)| km <= max_km);
        found.sort_by(|a, b| a.0.total_cmp(&b.0));
        found
    }

    /// Visit the segments of the lines in force in `epoch` nearest first, in an equirectangular
    /// plane centred on `p` (exact enough near a line, within a few percent 1,000 km away):
    /// `visit(lower, d, edge, q)` gets a lower bound of the distance of this and every later
    /// segment, the segment's distance `d` (both in the plane's degrees), its edge and its
    /// point `q` closest to `p` (lon/lat); the walk stops when it returns `false`.
    fn walk_segments(
        &self,
        p: Coord<f64>,
        epoch: usize,
        mut visit: impl FnMut(f64, f64, usize, Coord<f64>) -> bool,
    ) {
        let kx = p.y.to_radians().cos();
        let plane = |c: Coord<f64>| Coord {
            x: (c.x - p.x) * kx,
            y: c.y - p.y,
        };
        // a tree distance d means at least d * min(1, kx / TREE_KX) in the point's plane
        let bound = (kx / TREE_KX).min(1.0);
        for (s, d2) in
            self.border_trees[epoch].nearest_neighbor_iter_with_distance_2(&Point::from(squeeze(p)))
        {
            let g = geo_types::Line::new(unsqueeze(s.geom().start), unsqueeze(s.geom().end));
            let (a, b) = (plane(g.start), plane(g.end));
            let t = crate::index::closest_t(&geo_types::Line::new(a, b), Coord { x: 0.0, y: 0.0 });
            let q = a + (b - a) * t;
            let d = (q.x * q.x + q.y * q.y).sqrt();
            if !visit(
                d2.sqrt() * bound,
                d,
                s.data.edge as usize,
                g.start + (g.end - g.start) * t,
            ) {
                break;
            }
        }
    }
}

/// Per epoch, an R-tree over the segments of the treaty lines in force, longitudes scaled by
/// [`TREE_KX`].
pub(crate) fn border_trees(
    topo: &Topology,
    lines: &[BorderLine],
    in_force: &[Vec<bool>],
) -> Vec<rstar::RTree<Segment>> {
    in_force
        .iter()
        .map(|live| {
            segment_tree(
                topo,
                |e| lines[e.line].kind == LineKind::Border && live[e.line],
                squeeze,
            )
        })
        .collect()
}

/// Longitude scale of the distance trees: cos 50°, the middle of the covered latitudes, so
/// that tree distances are within about 20% of ground distances anywhere in the frame.
const TREE_KX: f64 = 0.642_787_609_686_539_3;

fn squeeze(c: Coord<f64>) -> Coord<f64> {
    Coord {
        x: c.x * TREE_KX,
        y: c.y,
    }
}

fn unsqueeze(c: Coord<f64>) -> Coord<f64> {
    Coord {
        x: c.x / TREE_KX,
        y: c.y,
    }
}
