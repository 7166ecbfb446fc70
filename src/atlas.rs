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
use crate::timeline::{Event, Holder, MapStyle, Shared, State, Status};
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
    /// `face_holder[epoch][face]`: who holds each face (its status is the holder's).
    pub(crate) face_holder: Vec<Vec<Holder>>,
    pub(crate) states: Vec<State>,
    pub(crate) shared: Vec<Shared>,
    /// What the covered area is, for [`crate::Error::OutsideCoverage`].
    pub(crate) coverage: &'static str,
    pub(crate) map: MapStyle,
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
    /// The states of the dataset, in file order.
    pub fn states(&self) -> &[State] {
        &self.states
    }

    /// The state with id `id`, if the dataset has one.
    pub fn state(&self, id: &str) -> Option<&State> {
        self.states.iter().find(|s| s.id == id)
    }

    /// The shared holdings of the dataset (land held jointly or left undetermined).
    pub fn shared(&self) -> &[Shared] {
        &self.shared
    }

    /// How maps of this dataset are drawn: title, rivers, lakes, legend words.
    pub fn map_style(&self) -> &MapStyle {
        &self.map
    }

    /// What the covered area is, in words, as [`crate::Error::OutsideCoverage`] says it.
    pub fn coverage(&self) -> &str {
        self.coverage
    }

    /// The name of `holder` on `date`: a state's name, a shared holding's name with the
    /// states' names filled in, or nothing for sea and outside.
    pub(crate) fn holder_name(&self, holder: Holder, date: Date) -> String {
        match holder {
            Holder::Nobody(_) => String::new(),
            Holder::State(i) => self.states[i].name_on(date).to_string(),
            Holder::Shared(i) => {
                crate::timeline::fill_name(&self.shared[i].name, &self.states, date)
            }
        }
    }

    /// The epoch of the event that set the holder `face` has in `epoch`: walk back while the
    /// holder is unchanged.
    pub(crate) fn held_since(&self, epoch: usize, face: usize) -> usize {
        let holder = self.face_holder[epoch][face];
        let mut since = epoch;
        while since > 0 && self.face_holder[since - 1][face] == holder {
            since -= 1;
        }
        since
    }

    /// The epoch of the event that put line `line` in force, if it is in force in `epoch`:
    /// walk back while it stays in force.
    pub(crate) fn line_in_force_since(&self, epoch: usize, line: usize) -> Option<usize> {
        if !self.in_force[epoch][line] {
            return None;
        }
        let mut since = epoch;
        while since > 0 && self.in_force[since - 1][line] {
            since -= 1;
        }
        Some(since)
    }

    /// The name the answers give for land of `status` on `date`: the first state of that
    /// status in the dataset, else the first shared holding of it, with the states' names
    /// filled in; empty for sea and outside. A dataset with two states of one status names the
    /// first: [`Atlas::sovereignty_on`] names the state that held a point.
    ///
    /// ```
    /// use nerchinsk::{data::embedded, Date, Status};
    ///
    /// let atlas = embedded();
    /// assert_eq!(atlas.sovereign_name_on(Status::China, Date::end_of_year(1900)), "Qing Empire");
    /// assert_eq!(
    ///     atlas.sovereign_name_on(Status::Joint, Date::end_of_year(1859)),
    ///     "Russian Empire and Qing Empire, jointly"
    /// );
    /// assert_eq!(atlas.sovereign_name_on(Status::Sea, Date::end_of_year(1859)), "");
    /// ```
    pub fn sovereign_name_on(&self, status: Status, date: Date) -> String {
        let holder = self
            .states
            .iter()
            .position(|s| s.status == status)
            .map(Holder::State)
            .or_else(|| {
                self.shared
                    .iter()
                    .position(|s| s.status == status)
                    .map(Holder::Shared)
            })
            .unwrap_or(Holder::Nobody(status));
        self.holder_name(holder, date)
    }

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
