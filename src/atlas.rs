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
use crate::error::{Coverage, Error, Result};
use crate::grid::FaceGrid;
use crate::index::SegmentIndex;
use crate::timeline::{Event, Holder, MapStyle, Shared, State, Status};
use crate::topology::Topology;

/// A named point whose status the timeline gives, as read from the timeline file; every
/// territory (a union of faces held by one holder) must contain one, so that the loader can
/// give each face its status.
#[derive(Debug, Clone, Deserialize)]
pub struct Region {
    /// Name, e.g. "Left bank of the Amur (Zeya)".
    pub name: String,
    /// A point inside the region, `[lon, lat]` in WGS84 degrees.
    pub point: [f64; 2],
    /// The region's holder from each event on: event id to a state id, a shared holding's
    /// id, `sea` or `outside`.
    pub statuses: HashMap<String, String>,
    /// Where the statuses come from.
    #[serde(default)]
    pub source: String,
}

/// What the atlas says about a point of land at a date: its status, the sovereign's name on
/// that date and the treaty that set it. The strings borrow from the atlas.
///
/// Every answer is precomputed when the atlas is built, so making one is a table lookup; the
/// distance to the border is the separate, costlier [`Atlas::nearest_border_on`].
///
/// ```
/// use geo_types::Point;
/// use nerchinsk::{sovereignty_at, Status};
///
/// let albazino = sovereignty_at(Point::new(124.0775, 53.39056), 1900).unwrap();
/// assert_eq!(albazino.status, Status::Russia);
/// assert_eq!(albazino.treaty, "Treaty of Aigun");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Sovereignty<'a> {
    /// Russia, China, Joint or Undetermined: always land ([`Status::is_land`]); sea and
    /// outside are errors instead.
    pub status: Status,
    /// The state's name at that date, e.g. "Qing Empire"; for Joint and Undetermined both names.
    pub sovereign: &'a str,
    /// Name of the event that set this status, e.g. "Treaty of Aigun".
    pub treaty: &'a str,
}

/// A precomputed answer by number, as [`Atlas::answer_id`] and [`Atlas::answer_ids_into`]
/// give them: one id per era and face, or [`AnswerId::NOT_IN_FRAME`] for a point outside the
/// frame's bounding box (or not a valid coordinate). Ids are only meaningful for the atlas
/// that gave them; [`Atlas::resolve`] turns one back into the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AnswerId(pub u32);

impl AnswerId {
    /// The id of every point outside the frame's bounding box ([`Atlas::frame`]), NaN and
    /// out-of-range coordinates included. It resolves to the error of the point it was found
    /// for.
    pub const NOT_IN_FRAME: AnswerId = AnswerId(u32::MAX);
}

/// The treaty line in force nearest to a point, as [`Atlas::nearest_border_on`] finds it.
#[derive(Debug, Clone, PartialEq)]
pub struct NearestBorder<'a> {
    /// Id of the line, e.g. "amur_upper" (a [`BorderLine::id`] of [`Atlas::lines`]).
    pub line: &'a str,
    /// Distance to the line in km along the WGS84 ellipsoid, from the point to the nearest
    /// point of the line (docs/DISTANCES.md). Compare it with the line's `accuracy_km`: a point closer
    /// than that may lie on the other side.
    pub distance_km: f64,
}

/// A dataset: lines, timeline, states, faces and their statuses, with every answer
/// precomputed; everything the queries need.
///
/// Get the embedded one from [`crate::data::embedded`], another reading of the treaties from
/// [`Atlas::with_reading`], or build one with [`Atlas::from_json`] or [`crate::data::load`].
/// An atlas is immutable and `Sync`: share it between threads by reference.
///
/// ```
/// use geo_types::Point;
/// use nerchinsk::{data::embedded, Date, Status};
///
/// let atlas = embedded();
/// let harbin = Point::new(126.63, 45.75);
/// let on = Date::new(1900, 1, 1).unwrap();
/// assert_eq!(atlas.sovereignty_on(harbin, on).unwrap().status, Status::China);
/// ```
pub struct Atlas {
    /// The region's id (`id` in the timeline file), e.g. `sino_russian` or `taiwan`.
    pub(crate) region_id: String,
    /// The region's name (`name` in the timeline file).
    pub(crate) region_name: String,
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
    pub(crate) coverage: &'static Coverage,
    pub(crate) map: MapStyle,
    pub(crate) index: SegmentIndex,
    /// The distance grid of every set of treaty lines in force, built on first use
    /// ([`Atlas::distance_grid`]).
    pub(crate) distance_grid: std::sync::OnceLock<crate::nearest::NearestGrid>,
    /// Per epoch, its set of treaty lines in force: epochs whose events move no line share
    /// one, numbered from 0 in the order of the epochs.
    pub(crate) line_set: Vec<usize>,
    /// The geodesic area of each face, km², computed on first use ([`Atlas::face_areas_km2`]).
    pub(crate) face_km2: std::sync::OnceLock<Vec<f64>>,
    /// The largest `accuracy_km` of any line: how far from a line an answer can be in doubt.
    pub(crate) max_accuracy_km: f64,
    /// Per set of lines (`line_set`), which cells are certain in space
    /// ([`Atlas::certain_cells`]).
    pub(crate) certain_cells: Vec<std::sync::OnceLock<crate::certain_cells::CertainCells>>,
    pub(crate) frame: Rect<f64>,
    /// Point location for [`Atlas::sovereignty_on`].
    pub(crate) grid: FaceGrid,
    /// Every answer, precomputed: see [`Eras`].
    pub(crate) eras: Eras,
    /// The frame as west, east, south, north, for the fast path.
    pub(crate) bounds: [f64; 4],
}

impl Atlas {
    /// The id of the region the dataset covers (`id` in the timeline file; `sino_russian`
    /// where the file has none): `sino_russian` or `taiwan` for the embedded regions
    /// ([`crate::data::regions`]).
    ///
    /// ```
    /// assert_eq!(nerchinsk::data::embedded().region_id(), "sino_russian");
    /// assert_eq!(nerchinsk::data::taiwan().region_id(), "taiwan");
    /// ```
    pub fn region_id(&self) -> &str {
        &self.region_id
    }

    /// The name of the region the dataset covers (`name` in the timeline file), e.g.
    /// "Taiwan".
    ///
    /// ```
    /// assert_eq!(nerchinsk::data::taiwan().region_name(), "Taiwan");
    /// ```
    pub fn region_name(&self) -> &str {
        &self.region_name
    }

    /// The states of the dataset, in the order of the timeline file; each has one land
    /// [`Status`] and its names over time.
    ///
    /// ```
    /// let ids: Vec<&str> = nerchinsk::data::embedded().states().iter().map(|s| s.id.as_str()).collect();
    /// assert_eq!(ids, ["russia", "far_eastern_republic", "china"]);
    /// ```
    pub fn states(&self) -> &[State] {
        &self.states
    }

    /// The state with id `id` (e.g. `"russia"`), or `None` if the dataset has none.
    ///
    /// ```
    /// use nerchinsk::{data::embedded, Status};
    ///
    /// assert_eq!(embedded().state("china").unwrap().status, Status::China);
    /// assert!(embedded().state("korea").is_none());
    /// ```
    pub fn state(&self, id: &str) -> Option<&State> {
        self.states.iter().find(|s| s.id == id)
    }

    /// The shared holdings of the dataset (land held jointly or left undetermined), in the
    /// order of the timeline file.
    ///
    /// ```
    /// use nerchinsk::{data::embedded, Status};
    ///
    /// let statuses: Vec<Status> = embedded().shared().iter().map(|s| s.status).collect();
    /// assert_eq!(statuses, [Status::Joint, Status::Undetermined]);
    /// ```
    pub fn shared(&self) -> &[Shared] {
        &self.shared
    }

    /// How maps of this dataset are drawn: title, rivers, lakes, legend words (`map` in the
    /// timeline file; all empty where it has none).
    ///
    /// ```
    /// let style = nerchinsk::data::embedded().map_style();
    /// assert_eq!(style.title, "The Sino-Russian border");
    /// assert!(style.rivers.iter().any(|r| r == "amur_upper"));
    /// ```
    pub fn map_style(&self) -> &MapStyle {
        &self.map
    }

    /// What the covered area is, in words (`coverage` in the timeline file), as
    /// [`crate::Error::OutsideCoverage`] says it.
    ///
    /// ```
    /// let coverage = nerchinsk::data::embedded().coverage();
    /// assert!(coverage.text.contains("105.5E"));
    /// assert_eq!(coverage.bounds, [105.5, 141.8, 42.25, 57.5]);
    /// ```
    pub fn coverage(&self) -> &Coverage {
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

    /// The epoch of the event that set the status `face` has in `epoch` (the answer's
    /// `treaty`): walk back while the status is unchanged. A change of the state that holds it
    /// within one status (a buffer republic, a renamed state) sets no status, so the treaty
    /// that gave the land to that side is still the one named.
    pub(crate) fn status_since(&self, epoch: usize, face: usize) -> usize {
        let status = self.face_status[epoch][face];
        let mut since = epoch;
        while since > 0 && self.face_status[since - 1][face] == status {
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

    /// Every line of the dataset, in the order of the lines file: treaty lines, and the coast,
    /// edges and frame that close the faces ([`BorderLine::kind`]). Coordinates are WGS84
    /// lon/lat degrees.
    ///
    /// ```
    /// let atlas = nerchinsk::data::embedded();
    /// assert!(atlas.lines().iter().any(|l| l.id == "amur_upper"));
    /// ```
    pub fn lines(&self) -> &[BorderLine] {
        &self.lines
    }

    /// The events of the timeline (treaties and agreements), in date order; the first one
    /// starts the coverage.
    ///
    /// ```
    /// let atlas = nerchinsk::data::embedded();
    /// assert_eq!(atlas.events()[0].name, "Treaty of Nerchinsk");
    /// assert!(atlas.events().windows(2).all(|w| w[0].date < w[1].date));
    /// ```
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The bounding box of the covered area, in WGS84 lon/lat degrees (x = longitude). A point
    /// outside it is [`crate::Error::OutsideCoverage`] for the sovereignty and nearest-border
    /// queries; inside it, land the data do not cover is too.
    ///
    /// ```
    /// use geo::Intersects;
    /// use geo_types::Point;
    ///
    /// let frame = nerchinsk::data::embedded().frame();
    /// assert!(frame.intersects(&Point::new(127.53, 50.27))); // Blagoveshchensk
    /// assert!(!frame.intersects(&Point::new(100.0, 50.0)));
    /// ```
    pub fn frame(&self) -> Rect<f64> {
        self.frame
    }

    /// True if `point` (WGS84 lon/lat degrees) lies in [`Atlas::frame`], its edges included:
    /// the points this atlas answers for rather than with
    /// [`Error::OutsideCoverage`](crate::Error::OutsideCoverage). A NaN coordinate is in no
    /// frame.
    ///
    /// ```
    /// use geo_types::Point;
    ///
    /// let atlas = nerchinsk::data::embedded();
    /// assert!(atlas.frame_holds(Point::new(127.53, 50.27))); // Blagoveshchensk
    /// assert!(!atlas.frame_holds(Point::new(100.0, 50.0)));
    /// assert!(!atlas.frame_holds(Point::new(f64::NAN, 50.0)));
    /// ```
    pub fn frame_holds(&self, point: geo_types::Point<f64>) -> bool {
        self.in_frame(point.0)
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

    /// Ids of the treaty lines in force on `date` (lines of kind border only), in the order of
    /// [`Atlas::lines`].
    ///
    /// # Errors
    /// [`Error::BeforeCoverage`] for a date before the first event.
    ///
    /// ```
    /// use nerchinsk::{data::embedded, Date, Error};
    ///
    /// let atlas = embedded();
    /// let in_1900 = atlas.lines_in_force_on(Date::new(1900, 1, 1).unwrap()).unwrap();
    /// assert!(in_1900.contains(&"amur_upper"));
    /// let in_1700 = atlas.lines_in_force_on(Date::new(1700, 1, 1).unwrap()).unwrap();
    /// assert!(in_1700.contains(&"gorbitsa") && !in_1700.contains(&"amur_upper"));
    /// let before = atlas.lines_in_force_on(Date::new(1600, 1, 1).unwrap());
    /// assert!(matches!(before, Err(Error::BeforeCoverage { .. })));
    /// ```
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
