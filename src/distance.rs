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
        let kx = p.y.to_radians().cos();
        let plane = |c: Coord<f64>| Coord {
            x: (c.x - p.x) * kx,
            y: c.y - p.y,
        };
        // a tree distance d means at least d * min(1, kx / TREE_KX) in the point's plane
        let bound = (kx / TREE_KX).min(1.0);
        let mut best = (f64::INFINITY, usize::MAX, p);
        for (s, d2) in
            self.border_trees[epoch].nearest_neighbor_iter_with_distance_2(&Point::from(squeeze(p)))
        {
            if d2.sqrt() * bound > best.0 {
                break;
            }
            let g = geo_types::Line::new(unsqueeze(s.geom().start), unsqueeze(s.geom().end));
            let (a, b) = (plane(g.start), plane(g.end));
            let t = crate::index::closest_t(&geo_types::Line::new(a, b), Coord { x: 0.0, y: 0.0 });
            let q = a + (b - a) * t;
            let d = (q.x * q.x + q.y * q.y).sqrt();
            if d < best.0 {
                best = (d, s.data.edge as usize, g.start + (g.end - g.start) * t);
            }
        }
        if best.1 == usize::MAX {
            return (f64::INFINITY, "");
        }
        let km = Haversine.distance(Point::from(p), Point::from(best.2)) / 1000.0;
        (km, &self.lines[self.topo.edges[best.1].line].id)
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
