//! The ways to answer "which face holds this point" that the grid index is measured against:
//! geo's `Contains` over every face (naive) and geo's `IntervalTreeMultiPolygon` per face (the
//! strongest ready-made index in georust). Both are exact; the agreement tests use the naive
//! one as the reference.

use geo::indexed::IntervalTreeMultiPolygon;
use geo::Contains;
use geo_types::{MultiPolygon, Point};

use crate::atlas::Atlas;
use crate::date::Date;
use crate::error::Error;
use crate::timeline::Status;

/// An answer reduced to what can be compared: the status, with sea and uncovered land as
/// statuses. `None` when the reference cannot tell: a point exactly on a line.
pub type Verdict = Option<Status>;

/// The library's answer as a [`Verdict`] (errors other than sea and outside become `None`).
pub fn verdict_of(answer: &Result<crate::Sovereignty<'_>, Error>) -> Verdict {
    match answer {
        Ok(s) => Some(s.status),
        Err(Error::AtSea { .. }) => Some(Status::Sea),
        Err(Error::OutsideCoverage { .. }) => Some(Status::Outside),
        Err(_) => None,
    }
}

/// geo's `Contains` over every face in turn.
pub struct Naive<'a> {
    atlas: &'a Atlas,
}

impl<'a> Naive<'a> {
    /// The baseline on an atlas (nothing to build).
    pub fn new(atlas: &'a Atlas) -> Self {
        Naive { atlas }
    }

    /// The status of the face that contains `p` on `date`.
    pub fn verdict(&self, p: Point<f64>, date: Date) -> Verdict {
        let topo = self.atlas.topology();
        let face = (0..topo.faces.len())
            .filter(|&f| f != topo.outer_face)
            .find(|&f| topo.faces[f].contains(&p));
        verdict(self.atlas, p, date, face)
    }
}

/// One `IntervalTreeMultiPolygon` per face.
pub struct IntervalTrees<'a> {
    atlas: &'a Atlas,
    trees: Vec<(usize, IntervalTreeMultiPolygon<f64>)>,
}

impl<'a> IntervalTrees<'a> {
    /// Build a tree per face (the outer face excepted).
    pub fn new(atlas: &'a Atlas) -> Self {
        let topo = atlas.topology();
        let trees = (0..topo.faces.len())
            .filter(|&f| f != topo.outer_face)
            .map(|f| {
                let mp = MultiPolygon(vec![topo.faces[f].clone()]);
                (f, IntervalTreeMultiPolygon::new(&mp))
            })
            .collect();
        IntervalTrees { atlas, trees }
    }

    /// The status of the face that contains `p` on `date`.
    pub fn verdict(&self, p: Point<f64>, date: Date) -> Verdict {
        let face = self
            .trees
            .iter()
            .find(|(_, t)| t.contains(&p))
            .map(|(f, _)| *f);
        verdict(self.atlas, p, date, face)
    }
}

fn verdict(atlas: &Atlas, p: Point<f64>, date: Date, face: Option<usize>) -> Verdict {
    let frame = atlas.frame();
    let (lo, hi) = (frame.min(), frame.max());
    if p.x() < lo.x || p.x() > hi.x || p.y() < lo.y || p.y() > hi.y {
        return Some(Status::Outside);
    }
    let statuses = atlas.face_statuses(date).ok()?;
    face.map(|f| statuses[f])
}
