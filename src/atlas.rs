//! The dataset type, [`Atlas`], and the answers its queries give.
//!
//! Building an atlas is in `load`, the precomputed answer table in `eras`, the queries in
//! `query` and the nearest-line distance in `distance`.

use std::collections::HashMap;

use geo_types::Rect;
use serde::Deserialize;

use crate::border::{BorderLine, LineKind};
use crate::date::Date;
use crate::eras::Eras;
use crate::error::{Error, Result};
use crate::grid::FaceGrid;
use crate::index::SegmentIndex;
use crate::timeline::{Event, Status};
use crate::topology::Topology;

/// A named point whose status the timeline gives; every territory must contain one.
#[derive(Debug, Clone, Deserialize)]
pub struct Region {
    /// Name, e.g. "Left bank of the Amur (Zeya)".
    pub name: String,
    /// A point inside the region, lon/lat.
    pub point: [f64; 2],
    /// Status from each event id on.
    pub statuses: HashMap<String, String>,
    /// Where the statuses come from.
    #[serde(default)]
    pub source: String,
}

/// What the atlas says about a point at a date. Cheap to make: every answer is precomputed,
/// so a lookup runs at table speed; the distance to the border is a separate call,
/// [`Atlas::nearest_border`], because it costs a hundred times more.
#[derive(Debug, Clone, PartialEq)]
pub struct Sovereignty<'a> {
    /// Russia, China, Joint or Undetermined.
    pub status: Status,
    /// The state's name at that date, e.g. "Qing Empire"; for Joint and Undetermined both names.
    pub sovereign: &'a str,
    /// Name of the event that set this status, e.g. "Treaty of Aigun".
    pub treaty: &'a str,
}

/// A precomputed answer by number, as [`Atlas::answer_ids_into`] writes them: one id per era
/// and face, or one for a point outside the frame (or not a valid coordinate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AnswerId(pub u32);

impl AnswerId {
    /// The id of every point outside the frame's bounding box, NaN and out-of-range included.
    pub const NOT_IN_FRAME: AnswerId = AnswerId(u32::MAX);
}

/// The treaty line in force nearest to a point.
#[derive(Debug, Clone, PartialEq)]
pub struct NearestBorder<'a> {
    /// Id of the line, e.g. "amur_upper".
    pub line: &'a str,
    /// Distance in km (haversine, mean Earth radius) to it. Compare it with the line's
    /// `accuracy_km`: a point closer than that may lie on the other side.
    pub distance_km: f64,
}

/// Lines, timeline, faces and their statuses: everything the queries need.
pub struct Atlas {
    pub(crate) lines: Vec<BorderLine>,
    pub(crate) events: Vec<Event>,
    pub(crate) regions: Vec<Region>,
    /// `in_force[epoch][line]`; epoch `i` runs from event `i` to event `i + 1`.
    pub(crate) in_force: Vec<Vec<bool>>,
    pub(crate) topo: Topology,
    /// `face_status[epoch][face]`.
    pub(crate) face_status: Vec<Vec<Status>>,
    pub(crate) index: SegmentIndex,
    /// Per epoch, an R-tree over the segments of the treaty lines in force (for distances),
    /// longitudes scaled by [`TREE_KX`].
    pub(crate) border_trees: Vec<rstar::RTree<crate::index::Segment>>,
    pub(crate) frame: Rect<f64>,
    /// Point location for [`Atlas::sovereignty_on`].
    pub(crate) grid: FaceGrid,
    /// Every answer, precomputed: see [`Eras`].
    pub(crate) eras: Eras,
    /// The frame as west, east, south, north, for the fast path.
    pub(crate) bounds: [f64; 4],
}

impl Atlas {
    /// The lines, in file order.
    pub fn lines(&self) -> &[BorderLine] {
        &self.lines
    }

    /// The events, in date order.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The covered area's bounding frame (lon/lat degrees).
    pub fn frame(&self) -> Rect<f64> {
        self.frame
    }

    /// The faces: the finest cut of the land by every line ever in force.
    pub(crate) fn topology(&self) -> &Topology {
        &self.topo
    }

    /// Status of every face in the epoch that `date` falls in.
    pub(crate) fn face_statuses(&self, date: Date) -> Result<&[Status]> {
        Ok(&self.face_status[self.epoch(date)?])
    }

    /// The epoch (index of the last event on or before `date`).
    pub(crate) fn epoch(&self, date: Date) -> Result<usize> {
        match self.events.iter().rposition(|e| e.date <= date) {
            Some(i) => Ok(i),
            None => Err(Error::BeforeCoverage {
                date,
                first_date: self.events[0].date,
            }),
        }
    }

    /// Ids of the treaty lines in force on `date`.
    pub fn lines_in_force_on(&self, date: Date) -> Result<Vec<&str>> {
        let ep = self.epoch(date)?;
        Ok(self
            .lines
            .iter()
            .enumerate()
            .filter(|(i, l)| l.kind == LineKind::Border && self.in_force[ep][*i])
            .map(|(_, l)| l.id.as_str())
            .collect())
    }

}
