//! The dataset: lines, timeline and the faces they make, with the queries on them.

use std::collections::HashMap;

use geo::{Distance, Haversine};
use geo_types::{Coord, Point, Rect};
use serde::Deserialize;

use crate::border::{read_lines, BorderLine, LineKind};
use crate::error::{Error, Result};
use crate::grid::{FaceGrid, GRID_CELLS};
use crate::index::{bend, sector, segment_tree, side_of_segment, SegmentIndex, Side};
use crate::territory::{Merge, Topology};
use crate::timeline::{china_name, name_changes, russia_name, Date, Event, Status};

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

#[derive(Deserialize)]
struct TimelineFile {
    events: Vec<EventFile>,
    regions: Vec<Region>,
}

#[derive(Deserialize)]
struct EventFile {
    id: String,
    name: String,
    date: String,
    date_julian: Option<String>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    add: Vec<String>,
    #[serde(default)]
    remove: Vec<String>,
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

/// The timeline cut at every event and every change of a state's name, so that within an era
/// every face has one fixed answer. A query then costs a look-up by year (and, in the few
/// years with a change, a count of that year's changes) and
/// one table load: no date comparisons that the CPU would mispredict, no allocation.
#[derive(Debug, Clone, Default)]
pub(crate) struct Eras {
    /// Era `i + 1` starts on day key `starts[i]` (see [`day_key`]); era 0 is before them all.
    starts: Vec<i64>,
    /// First year of `by_year`: the year of the first start.
    first_year: i32,
    /// `by_year[y - first_year]` = how many eras start before 1 January of year y, for every
    /// year from the first start's to the one after the last start's.
    by_year: Vec<u32>,
    /// `first_change[y - first_year]` = the day key of the first era start within year y, or
    /// `i64::MAX` if none (329 of the 337 years since 1689): most dates then need one compare.
    /// A table of its own, though `starts[by_year[y]]` holds the same start: that second load
    /// waits for the first (sovereignty_on 112 against 121 M/s, best of five alternated runs).
    first_change: Vec<i64>,
    /// `year_end[y - first_year + 1]` = where the answers of the era of 31 December of year y
    /// start (era × faces), for every year from the one before the first start's to the last
    /// start's; [`Atlas::sovereignty_at`] asks for nothing else, so its era is one load.
    year_end: Vec<u32>,
    /// `answers[era * faces + face]`.
    answers: Vec<Answer>,
    faces: usize,
    /// Where the answers of the first era after the first event start: the rows before it are
    /// the eras before any treaty (more than one if a state's name changes before the first
    /// event), whose every answer is an error.
    first_row: usize,
}

/// One precomputed answer. It holds its own copies of the names, so a lookup borrows them from
/// the entry it has just loaded instead of following two more indices.
#[derive(Debug, Clone)]
struct Answer {
    status: Status,
    /// An era before the first event: no answer, an error. After it the status says which
    /// answer: land is `Ok`, `Sea` and `Outside` the errors of that name.
    before: bool,
    sovereign: Box<str>,
    /// Name of the event that set the status.
    treaty: Box<str>,
}

/// What makes a point no coordinate at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BadCoord {
    NotFinite,
    Longitude,
    Latitude,
}

impl BadCoord {
    /// What is wrong with `point` as a coordinate, if anything.
    #[inline(always)]
    fn of(point: Point<f64>) -> Option<BadCoord> {
        let (lon, lat) = (point.x(), point.y());
        if !lon.is_finite() || !lat.is_finite() {
            Some(BadCoord::NotFinite)
        } else if !(-180.0..=180.0).contains(&lon) {
            Some(BadCoord::Longitude)
        } else if !(-90.0..=90.0).contains(&lat) {
            Some(BadCoord::Latitude)
        } else {
            None
        }
    }

    #[inline(always)]
    fn error(self, point: Point<f64>) -> Error {
        let (lon, lat) = (point.x(), point.y());
        match self {
            BadCoord::NotFinite => Error::NotFinite { lon, lat },
            BadCoord::Longitude => Error::LongitudeOutOfRange(lon),
            BadCoord::Latitude => Error::LatitudeOutOfRange(lat),
        }
    }
}

/// The errors of [`Atlas::sovereignty_on`] other than sea and outside a face: which one, in
/// one byte, so that the cold call that finds it returns in a register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rare {
    BadCoord(BadCoord),
    Outside,
    Before,
}

/// Queries per task in a batch: big enough that a task's set-up vanishes, small enough that
/// the cores share a batch of a few hundred thousand evenly.
const BATCH_CHUNK: usize = 1 << 14;

/// `out[i] = answer(queries[i])` for every query, on every core (rayon): chunks of
/// [`BATCH_CHUNK`] queries, a plain loop each (rayon's per-item collect cost a fifth of the
/// lookups). `out` is as long as `queries`.
fn fill_in_chunks<T: Send>(
    queries: &[(Point<f64>, Date)],
    out: &mut [T],
    answer: impl Fn(Point<f64>, Date) -> T + Sync,
) {
    use rayon::prelude::*;
    out.par_chunks_mut(BATCH_CHUNK)
        .zip(queries.par_chunks(BATCH_CHUNK))
        .for_each(|(out, queries)| {
            for (o, &(p, d)) in out.iter_mut().zip(queries) {
                *o = answer(p, d);
            }
        });
}

/// A date as an integer that sorts like the date.
fn day_key(d: Date) -> i64 {
    (d.year as i64) * 512 + (d.month as i64) * 32 + d.day as i64
}

impl Eras {
    // faces index several epochs' status rows at once, so a range loop reads best
    #[allow(clippy::needless_range_loop)]
    fn build(events: &[Event], face_status: &[Vec<Status>]) -> Eras {
        let mut dates: Vec<Date> = events
            .iter()
            .map(|e| e.date)
            .chain(name_changes())
            .collect();
        dates.sort();
        dates.dedup();
        let faces = face_status.first().map_or(0, Vec::len);
        let starts: Vec<i64> = dates.iter().map(|&d| day_key(d)).collect();
        let first_year = dates.first().map_or(0, |d| d.year);
        let last_year = dates.last().map_or(0, |d| d.year);
        let by_year = (first_year..=last_year + 1)
            .map(|y| {
                starts.partition_point(|&s| {
                    s < day_key(Date {
                        year: y,
                        month: 1,
                        day: 1,
                    })
                }) as u32
            })
            .collect();
        let year_end = (first_year - 1..=last_year)
            .map(|y| {
                let era = starts.partition_point(|&s| s <= day_key(Date::end_of_year(y)));
                (era * faces) as u32
            })
            .collect();
        let first_change = (first_year..=last_year + 1)
            .map(|y| {
                let from = day_key(Date {
                    year: y,
                    month: 1,
                    day: 1,
                });
                starts
                    .iter()
                    .copied()
                    .find(|&s| s >= from && s < from + 512)
                    .unwrap_or(i64::MAX)
            })
            .collect();
        let mut eras = Eras {
            starts,
            first_year,
            first_change,
            by_year,
            year_end,
            faces,
            ..Eras::default()
        };
        for era in 0..=dates.len() {
            let start = if era == 0 { None } else { Some(dates[era - 1]) };
            let epoch = start.and_then(|d| events.iter().rposition(|e| e.date <= d));
            for face in 0..faces {
                let answer = match (start, epoch) {
                    (Some(date), Some(ep)) => {
                        let status = face_status[ep][face];
                        // the event that set this status: walk back while it is unchanged
                        let mut since = ep;
                        while since > 0 && face_status[since - 1][face] == status {
                            since -= 1;
                        }
                        let (ru, cn) = (russia_name(date), china_name(date));
                        let name = match status {
                            Status::Russia => ru.to_string(),
                            Status::China => cn.to_string(),
                            Status::Joint => format!("{ru} and {cn}, jointly"),
                            Status::Undetermined => format!("undetermined between {ru} and {cn}"),
                            Status::Sea | Status::Outside => String::new(),
                        };
                        Answer {
                            status,
                            before: false,
                            sovereign: name.into(),
                            treaty: events[since].name.as_str().into(),
                        }
                    }
                    _ => Answer {
                        status: Status::Outside,
                        before: true,
                        sovereign: "".into(),
                        treaty: "".into(),
                    },
                };
                eras.answers.push(answer);
            }
        }
        eras.first_row = eras
            .answers
            .iter()
            .position(|a| !a.before)
            .unwrap_or(eras.answers.len());
        eras
    }

    /// The era a date falls in: how many era starts are on or before it. The year table gives
    /// the count at 1 January; only the starts within that year (usually none) are compared.
    #[inline]
    fn era_of(&self, date: Date) -> usize {
        // clamped into the table: a year before it compares with the first year's starts (all
        // later), a year after it is the year after the last start's (no starts, all before)
        let last = self.by_year.len().saturating_sub(1) as i64;
        let y = (date.year as i64 - self.first_year as i64).clamp(0, last) as usize;
        let (Some(&from), Some(&first)) = (self.by_year.get(y), self.first_change.get(y)) else {
            return 0; // no eras at all
        };
        let key = day_key(date);
        if key < first {
            return from as usize;
        }
        self.era_within_year(y, key)
    }

    /// [`Eras::era_of`] for a date on or after the first era start of its year.
    #[inline(never)]
    fn era_within_year(&self, y: usize, key: i64) -> usize {
        let from = self.by_year[y] as usize;
        let to = self
            .by_year
            .get(y + 1)
            .map_or(self.starts.len(), |&t| t as usize);
        from + self.starts[from..to]
            .iter()
            .take_while(|&&s| s <= key)
            .count()
    }

    /// Where the answers of the era of 31 December of `year` start: one load from the
    /// clamped year table.
    #[inline]
    fn row_at_year_end(&self, year: i32) -> usize {
        // years before the table clamp to its first entry, years after it to its last
        let last = self.year_end.len() as i64 - 1;
        let y = (year as i64 - self.first_year as i64 + 1).clamp(0, last.max(0));
        self.year_end.get(y as usize).map_or(0, |&r| r as usize)
    }

    /// Where the answers of `era` start.
    #[inline]
    fn row(&self, era: usize) -> usize {
        era * self.faces
    }

    /// The precomputed answer for `face` in the era whose answers start at `row`.
    #[inline]
    fn answer(&self, row: usize, face: usize) -> &Answer {
        &self.answers[row + face]
    }
}

impl Atlas {
    /// Build an atlas from the text of a lines GeoJSON file and a timeline JSON file.
    pub fn from_json(lines_geojson: &str, timeline_json: &str) -> Result<Atlas> {
        const LF: &str = "lines";
        const TF: &str = "timeline";
        let lines = read_lines(LF, lines_geojson)?;
        let tl: TimelineFile = serde_json::from_str(timeline_json).map_err(|e| {
            crate::validate::timeline_error::<EventFile, Region>(TF, timeline_json, e.to_string())
        })?;
        let line_ix: HashMap<&str, usize> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.as_str(), i))
            .collect();
        if line_ix.len() != lines.len() {
            let dup = lines
                .iter()
                .enumerate()
                .find(|(i, l)| line_ix[l.id.as_str()] != *i);
            let id = dup.map_or("", |(_, l)| l.id.as_str());
            return Err(Error::data(LF, format!("two features have the id {id:?}")));
        }
        crate::validate::check_crossings(LF, &lines)?;
        let frames: Vec<&BorderLine> = lines.iter().filter(|l| l.kind == LineKind::Frame).collect();
        if frames.is_empty() {
            return Err(Error::data(
                LF,
                "no feature of kind \"frame\" closes the covered area",
            ));
        }
        let frame = frames
            .iter()
            .map(|l| geo::BoundingRect::bounding_rect(&l.geometry).unwrap())
            .reduce(|a, b| {
                Rect::new(
                    Coord {
                        x: a.min().x.min(b.min().x),
                        y: a.min().y.min(b.min().y),
                    },
                    Coord {
                        x: a.max().x.max(b.max().x),
                        y: a.max().y.max(b.max().y),
                    },
                )
            });
        let frame = frame.unwrap();

        // events and the lines in force in each epoch
        let mut events = Vec::new();
        let mut in_force = Vec::new();
        let mut current: Vec<bool> = lines.iter().map(|l| l.kind != LineKind::Border).collect();
        let mut ever = current.clone();
        for ev in &tl.events {
            if events.iter().any(|e: &Event| e.id == ev.id) {
                return Err(Error::data(
                    TF,
                    format!("two events have the id {:?}", ev.id),
                ));
            }
            let date = Date::parse(&ev.date)
                .map_err(|e| Error::data(TF, format!("event {:?}: {e}", ev.id)))?;
            let date_julian = match &ev.date_julian {
                Some(d) => Some(
                    Date::parse(d)
                        .map_err(|e| Error::data(TF, format!("event {:?}: {e}", ev.id)))?,
                ),
                None => None,
            };
            if let Some(prev) = events.last().map(|e: &Event| e.date) {
                if date <= prev {
                    return Err(Error::data(
                        TF,
                        format!("event {:?} is not later than the one before it", ev.id),
                    ));
                }
            }
            for (ids, on) in [(&ev.add, true), (&ev.remove, false)] {
                for id in ids {
                    let &i = line_ix.get(id.as_str()).ok_or_else(|| {
                        Error::data(
                            TF,
                            format!("event {:?} names line {id:?}, which {LF} lacks", ev.id),
                        )
                    })?;
                    if lines[i].kind != LineKind::Border {
                        return Err(Error::data(
                            TF,
                            format!("event {:?}: line {id:?} is not a border line", ev.id),
                        ));
                    }
                    if current[i] == on {
                        let what = if on { "adds" } else { "removes" };
                        return Err(Error::data(
                            TF,
                            format!("event {:?} {what} line {id:?}, which already is so", ev.id),
                        ));
                    }
                    current[i] = on;
                    ever[i] |= on;
                }
            }
            in_force.push(current.clone());
            events.push(Event {
                id: ev.id.clone(),
                name: ev.name.clone(),
                date,
                date_julian,
                text: ev.text.clone(),
                source: ev.source.clone(),
            });
        }
        if events.is_empty() {
            return Err(Error::data(TF, "the timeline has no events"));
        }
        if let Some(i) = ever.iter().position(|e| !e) {
            return Err(Error::data(
                TF,
                format!("line {:?} is never put in force by any event", lines[i].id),
            ));
        }

        let topo = Topology::build(&lines, LF)?;
        let index = SegmentIndex::new(&topo);
        let border_trees = in_force
            .iter()
            .map(|live| {
                segment_tree(
                    &topo,
                    |e| lines[e.line].kind == LineKind::Border && live[e.line],
                    squeeze,
                )
            })
            .collect();
        let mut atlas = Atlas {
            lines,
            events,
            regions: tl.regions,
            in_force,
            topo,
            face_status: Vec::new(),
            index,
            border_trees,
            frame,
            grid: FaceGrid::placeholder(),
            eras: Eras::default(),
            bounds: [frame.min().x, frame.max().x, frame.min().y, frame.max().y],
        };
        // the finest grid whose cells can number the boundary cells
        let mut n = GRID_CELLS;
        atlas.grid = loop {
            let built = FaceGrid::build(&atlas.topo, frame.min(), frame.max(), n, |p| {
                atlas.locate_exact(p)
            });
            match built {
                Some(grid) => break grid,
                None if n > 16 => n /= 2,
                None => {
                    return Err(Error::data(
                        LF,
                        "too many faces for the point-location grid",
                    ))
                }
            }
        };

        // region seeds: which face each lies in
        let mut seed_faces = Vec::new();
        for r in &atlas.regions {
            let p = Coord {
                x: r.point[0],
                y: r.point[1],
            };
            let (face, on_line) = atlas.locate_exact(p);
            if face == atlas.topo.outer_face {
                return Err(Error::data(
                    TF,
                    format!("region {:?}: its point lies outside the frame", r.name),
                ));
            }
            if on_line {
                return Err(Error::data(
                    TF,
                    format!(
                        "region {:?}: its point lies on a line, so in no one face",
                        r.name
                    ),
                ));
            }
            let unknown = r
                .statuses
                .keys()
                .filter(|k| !atlas.events.iter().any(|e| &e.id == *k));
            if let Some(k) = unknown.min() {
                return Err(Error::data(
                    TF,
                    format!(
                        "region {:?}: a status for event {k:?}, which the timeline lacks",
                        r.name
                    ),
                ));
            }
            seed_faces.push(face);
        }
        // statuses per epoch: merge faces across lines not in force, one seed per merged territory
        let nfaces = atlas.topo.faces.len();
        for epoch in 0..atlas.events.len() {
            let mut m = Merge::new(nfaces);
            for (e, edge) in atlas.topo.edges.iter().enumerate() {
                let line = &atlas.lines[edge.line];
                if !atlas.in_force[epoch][edge.line] && !line.coverage_edge {
                    m.join(atlas.topo.left_face[2 * e], atlas.topo.left_face[2 * e + 1]);
                }
            }
            let mut by_root: HashMap<usize, (Status, &str)> = HashMap::new();
            for (r, &face) in atlas.regions.iter().zip(&seed_faces) {
                let status = region_status(r, &atlas.events[..=epoch])
                    .map_err(|m| Error::data(TF, format!("region {:?}: {m}", r.name)))?;
                match by_root.insert(m.root(face), (status, &r.name)) {
                    Some((s, other)) if s != status => {
                        return Err(Error::data(
                            TF,
                            format!(
                                "after {}: regions {other:?} ({s}) and {:?} ({status}) fall in one territory",
                                atlas.events[epoch].id, r.name
                            ),
                        ))
                    }
                    _ => {}
                }
            }
            let mut statuses = Vec::with_capacity(nfaces);
            for f in 0..nfaces {
                if f == atlas.topo.outer_face {
                    statuses.push(Status::Outside);
                    continue;
                }
                let (s, _) = by_root.get(&m.root(f)).ok_or_else(|| {
                    let face = &atlas.topo.faces[f];
                    let c = geo::InteriorPoint::interior_point(face)
                        .unwrap_or_else(|| Point::from(face.exterior().0[0]));
                    Error::data(
                        TF,
                        format!(
                            "after {}: the territory around lon {:.3}, lat {:.3} has no region point, so no status",
                            atlas.events[epoch].id,
                            c.x(),
                            c.y()
                        ),
                    )
                })?;
                statuses.push(*s);
            }
            atlas.face_status.push(statuses);
        }
        atlas.eras = Eras::build(&atlas.events, &atlas.face_status);
        Ok(atlas)
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
    pub fn topology(&self) -> &Topology {
        &self.topo
    }

    /// Status of every face in the epoch that `date` falls in.
    pub fn face_statuses(&self, date: Date) -> Result<&[Status]> {
        Ok(&self.face_status[self.epoch(date)?])
    }

    /// The epoch (index of the last event on or before `date`).
    pub fn epoch(&self, date: Date) -> Result<usize> {
        match self.events.iter().rposition(|e| e.date <= date) {
            Some(i) => Ok(i),
            None => Err(self.before_coverage(date)),
        }
    }

    /// Ids of the treaty lines in force on `date`.
    pub fn lines_in_force(&self, date: Date) -> Result<Vec<&str>> {
        let ep = self.epoch(date)?;
        Ok(self
            .lines
            .iter()
            .enumerate()
            .filter(|(i, l)| l.kind == LineKind::Border && self.in_force[ep][*i])
            .map(|(_, l)| l.id.as_str())
            .collect())
    }

    /// Which state held `point` in `year`, taken as at 31 December of that year (so a year
    /// includes that year's treaties). See [`Atlas::sovereignty_on`] for a precise date.
    ///
    /// Inlined into the caller's loop even across crates: the lookup is short, and inlined the
    /// caller reads only the fields it uses instead of a 56-byte `Result` written to memory.
    #[inline(always)]
    pub fn sovereignty_at(&self, point: Point<f64>, year: i32) -> Result<Sovereignty<'_>> {
        self.answer_in_row(point, self.eras.row_at_year_end(year), || {
            Date::end_of_year(year)
        })
    }

    /// Which state held `point` on `date`.
    ///
    /// The fast path is a frame test, the era from a year table and one compare, a grid cell
    /// (and in a boundary cell a short walk over its segments) and one load of a precomputed
    /// answer; everything rare is sorted out on a separate, cold path.
    #[inline]
    pub fn sovereignty_on(&self, point: Point<f64>, date: Date) -> Result<Sovereignty<'_>> {
        self.answer_in_row(point, self.eras.row(self.eras.era_of(date)), || date)
    }

    /// The fast path of both: the answer of `point` in the era whose answers start at `row`,
    /// everything rare (outside the frame's box, an era before the first treaty) leaving by one
    /// well-predicted branch; only that branch needs the date.
    #[inline(always)]
    fn answer_in_row(
        &self,
        point: Point<f64>,
        row: usize,
        date: impl FnOnce() -> Date,
    ) -> Result<Sovereignty<'_>> {
        let p = point.0;
        if !self.in_frame(p) | (row < self.eras.first_row) {
            return Err(self.rare_error(point, date()));
        }
        self.answer_in_era(p, self.eras.answer(row, self.grid.locate_in_frame(p)))
    }

    /// The answer of a point inside the frame, in an era after the first treaty (rows from
    /// `first_row` on): land, or the two errors that own no heap memory, so that the caller's
    /// drop of the error is nothing and vanishes.
    ///
    /// The land test is on the status itself, the value a caller matching on the result is
    /// likely to use: `match r { Ok(s) => s.status, Err(_) => .. }` then compiles to a
    /// conditional move on one loaded byte. A separate `ok` flag compiled to a jump, which on
    /// points spread over land, sea and outside no predictor can learn: each wrong guess cost
    /// the whole lookup's latency again (docs/INDEX.md: 61 against 110 M lookups/s).
    #[inline(always)]
    fn answer_in_era<'a>(&'a self, p: Coord<f64>, a: &'a Answer) -> Result<Sovereignty<'a>> {
        let status = a.status;
        if status.is_land() {
            return Ok(Sovereignty {
                status,
                sovereign: &a.sovereign,
                treaty: &a.treaty,
            });
        }
        if status == Status::Sea {
            Err(Error::AtSea { lon: p.x, lat: p.y })
        } else {
            Err(self.outside(p))
        }
    }

    /// The error for what the fast path leaves: a point outside the frame's box (or not a
    /// coordinate at all), or a date before the first treaty.
    ///
    /// Built here, inline, from the one byte a cold call returns (which error): every field is
    /// a plain value and none owns heap memory, so the caller's result can live in registers
    /// and its drop of the error is nothing. An error returned by value from a call, boxed or
    /// not, is copied into the caller's result as a block of memory, and an error that may own
    /// a `String` leaves a drop behind; either way the result then lives in memory and the fast
    /// path's land test turns back into jumps (docs/INDEX.md).
    #[inline(always)]
    fn rare_error(&self, point: Point<f64>, date: Date) -> Error {
        match self.rare_kind(point) {
            Rare::BadCoord(bad) => bad.error(point),
            Rare::Outside => self.outside(point.0),
            Rare::Before => self.before_coverage(date),
        }
    }

    /// Which of the rare errors a point has; [`Rare::Before`] if it lies in the frame's box.
    #[cold]
    #[inline(never)]
    fn rare_kind(&self, point: Point<f64>) -> Rare {
        if let Some(bad) = BadCoord::of(point) {
            Rare::BadCoord(bad)
        } else if !self.in_frame(point.0) {
            Rare::Outside
        } else {
            Rare::Before
        }
    }

    /// [`Atlas::sovereignty_on`] for many points, on every core (rayon), as [`AnswerId`]s:
    /// 4 bytes per point instead of a 56-byte `Result`, so a batch writes a fourteenth of the
    /// memory. [`Atlas::resolve`] turns an id back into the answer; ids also group and count
    /// well (one id per era and face). `out` is cleared and refilled.
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::{data::embedded, Date, Status};
    ///
    /// let atlas = embedded();
    /// let harbin = (Point::new(126.63, 45.75), Date::new(1900, 1, 1).unwrap());
    /// let blagoveshchensk = (Point::new(127.53, 50.27), Date::new(1900, 1, 1).unwrap());
    /// let mut ids = Vec::new();
    /// atlas.answer_ids_into(&[harbin, blagoveshchensk], &mut ids);
    /// let s = atlas.resolve(ids[1], blagoveshchensk.0, blagoveshchensk.1).unwrap();
    /// assert_eq!(s.status, Status::Russia);
    /// assert_eq!(atlas.resolve(ids[0], harbin.0, harbin.1).unwrap().status, Status::China);
    /// ```
    pub fn answer_ids_into(&self, queries: &[(Point<f64>, Date)], out: &mut Vec<AnswerId>) {
        out.clear();
        out.resize(queries.len(), AnswerId::NOT_IN_FRAME);
        fill_in_chunks(queries, out, |p, d| self.answer_id(p, d));
    }

    /// The [`AnswerId`] of `point` on `date`: the fast path of [`Atlas::sovereignty_on`]
    /// without making the `Result`.
    #[inline]
    pub fn answer_id(&self, point: Point<f64>, date: Date) -> AnswerId {
        let p = point.0;
        if !self.in_frame(p) {
            return AnswerId::NOT_IN_FRAME;
        }
        AnswerId((self.eras.row(self.eras.era_of(date)) + self.grid.locate_in_frame(p)) as u32)
    }

    /// The answer an [`AnswerId`] stands for, given the point and date it was found for (the
    /// errors name them). The same as [`Atlas::sovereignty_on`] on that point and date.
    pub fn resolve(&self, id: AnswerId, point: Point<f64>, date: Date) -> Result<Sovereignty<'_>> {
        match self.eras.answers.get(id.0 as usize) {
            Some(a) => self.finish(point.0, a, || date),
            None => Err(self.rare_error(point, date)),
        }
    }

    /// Inside the frame's bounding box; NaN fails every comparison, so it is outside too.
    #[inline(always)]
    fn in_frame(&self, p: Coord<f64>) -> bool {
        let [w, e, s, n] = self.bounds;
        (p.x >= w) & (p.x <= e) & (p.y >= s) & (p.y <= n)
    }

    /// Any answer as a `Result`, an era before the first treaty included (the slow paths'
    /// way to [`Atlas::answer_in_era`]), which alone needs the date.
    fn finish<'a>(
        &'a self,
        p: Coord<f64>,
        a: &'a Answer,
        date: impl FnOnce() -> Date,
    ) -> Result<Sovereignty<'a>> {
        if a.before {
            return Err(self.before_coverage(date()));
        }
        self.answer_in_era(p, a)
    }

    /// [`Atlas::sovereignty_on`] for many points, on every core (rayon). The answers come in
    /// the order of `queries`.
    pub fn sovereignty_batch(
        &self,
        queries: &[(Point<f64>, Date)],
    ) -> Vec<Result<Sovereignty<'_>>> {
        let mut out = Vec::new();
        self.sovereignty_batch_into(queries, &mut out);
        out
    }

    /// [`Atlas::sovereignty_batch`] into a buffer the caller keeps: `out` ends up holding the
    /// answers of `queries` in order, so a loop over many batches allocates (and page-faults)
    /// once.
    pub fn sovereignty_batch_into<'a>(
        &'a self,
        queries: &[(Point<f64>, Date)],
        out: &mut Vec<Result<Sovereignty<'a>>>,
    ) {
        // overwritten in place: a buffer of the right length is reused as it is, without
        // dropping and re-collecting a million results first
        out.resize_with(queries.len(), || {
            Err(Error::NotFinite {
                lon: f64::NAN,
                lat: f64::NAN,
            })
        });
        fill_in_chunks(queries, out, |p, d| self.sovereignty_on(p, d));
    }

    /// Inline: an error returned from a call would put the fast path's result in memory.
    #[inline(always)]
    fn before_coverage(&self, date: Date) -> Error {
        Error::BeforeCoverage {
            date,
            first_date: self.events[0].date,
        }
    }

    /// The same answer as [`Atlas::sovereignty_on`] found the slow, exact way (R-tree and robust
    /// predicates), for checking the fast index.
    pub fn sovereignty_exact(&self, point: Point<f64>, date: Date) -> Result<Sovereignty<'_>> {
        let p = self.check_point(point)?;
        let a = self.eras.answer(
            self.eras.row(self.eras.era_of(date)),
            self.locate_exact(p).0,
        );
        self.finish(p, a, || date)
    }

    /// The treaty line in force on `date` nearest to `point`, and how far it is.
    pub fn nearest_border(&self, point: Point<f64>, date: Date) -> Result<NearestBorder<'_>> {
        let p = self.check_point(point)?;
        let epoch = self.epoch(date)?;
        let (distance_km, line) = self.distance_to_border(p, epoch);
        Ok(NearestBorder { line, distance_km })
    }

    /// The point-location grid: its memory and shape, for the curious and for docs/INDEX.md.
    pub fn grid(&self) -> &FaceGrid {
        &self.grid
    }

    /// Which side of the line `line_id` the point is on (left or right of the line as digitised),
    /// found on the line's nearest segment with robust orientation predicates; at a vertex the
    /// angle between the two segments decides, so a sharp bend does not flip the answer.
    pub fn side_of_line(&self, line_id: &str, point: Point<f64>) -> Result<Side> {
        let p = self.check_coord(point)?;
        let li = self
            .lines
            .iter()
            .position(|l| l.id == line_id)
            .ok_or_else(|| Error::UnknownLine(line_id.to_string()))?;
        let topo = &self.topo;
        let n = self
            .index
            .nearest_where(p, |s| topo.edges[s.edge as usize].line == li)
            .expect("a line has segments");
        let edge = &topo.edges[n.id.edge as usize];
        let i = n.id.seg as usize;
        let (a, b) = (edge.coords[i], edge.coords[i + 1]);
        let line = &self.lines[li].geometry.0;
        // a vertex of the line that is not one of its ends: use both neighbouring segments
        let v = if n.t == 0.0 {
            Some(a)
        } else if n.t == 1.0 {
            Some(b)
        } else {
            None
        };
        if let Some(v) = v {
            if v == p {
                return Ok(Side::On);
            }
            if let Some(k) = line
                .iter()
                .position(|c| *c == v)
                .filter(|&k| k > 0 && k + 1 < line.len())
            {
                return Ok(bend(
                    line[k - 1],
                    v,
                    line[k + 1],
                    Side::Left,
                    Side::Right,
                    p,
                ));
            }
        }
        Ok(side_of_segment(a, b, p))
    }

    /// Face containing `p` (the outer face if outside the frame), and whether `p` is on a line,
    /// found the exact way: nearest segment in the R-tree and robust orientation predicates.
    /// The grid is built from it.
    pub fn locate_exact(&self, p: Coord<f64>) -> (usize, bool) {
        let topo = &self.topo;
        let Some(n) = self.index.nearest_where(p, |_| true) else {
            return (topo.outer_face, false);
        };
        let e = n.id.edge as usize;
        let edge = &topo.edges[e];
        let i = n.id.seg as usize;
        let (a, b) = (edge.coords[i], edge.coords[i + 1]);
        let at_vertex = if n.t == 0.0 {
            Some(i)
        } else if n.t == 1.0 {
            Some(i + 1)
        } else {
            None
        };
        match at_vertex {
            None => match side_of_segment(a, b, p) {
                Side::Left => (topo.left_face[2 * e], false),
                Side::Right => (topo.left_face[2 * e + 1], false),
                Side::On => (topo.left_face[2 * e], true),
            },
            Some(k) => {
                let v = edge.coords[k];
                if v == p {
                    return (topo.left_face[2 * e], true);
                }
                if k == 0 || k == edge.coords.len() - 1 {
                    let node = if k == 0 { edge.from } else { edge.to };
                    let out: Vec<(f64, usize)> = topo.node_out[node]
                        .iter()
                        .map(|&(ang, he)| (ang, topo.left_face[he]))
                        .collect();
                    (sector(&out, p - v), false)
                } else {
                    let (left, right) = (topo.left_face[2 * e], topo.left_face[2 * e + 1]);
                    (
                        bend(edge.coords[k - 1], v, edge.coords[k + 1], left, right, p),
                        false,
                    )
                }
            }
        }
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

    fn check_coord(&self, point: Point<f64>) -> Result<Coord<f64>> {
        match BadCoord::of(point) {
            Some(bad) => Err(bad.error(point)),
            None => Ok(point.0),
        }
    }

    fn check_point(&self, point: Point<f64>) -> Result<Coord<f64>> {
        let p = self.check_coord(point)?;
        if !self.in_frame(p) {
            return Err(self.outside(p));
        }
        Ok(p)
    }

    /// Inline, from the frame's four numbers one by one: see [`Atlas::before_coverage`].
    #[inline(always)]
    fn outside(&self, p: Coord<f64>) -> Error {
        let [w, e, s, n] = self.bounds;
        Error::OutsideCoverage {
            lon: p.x,
            lat: p.y,
            covered: [w, e, s, n],
        }
    }
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

/// A region's status after the last of `events`.
fn region_status(r: &Region, events: &[Event]) -> std::result::Result<Status, String> {
    let mut status = None;
    for ev in events {
        if let Some(s) = r.statuses.get(&ev.id) {
            status = Some(Status::parse(s).ok_or_else(|| format!("{s:?} is not a status"))?);
        }
    }
    status.ok_or_else(|| format!("no status at {}", events.last().unwrap().id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn era_by_year_table_matches_counting_every_start() {
        let eras = &crate::data::embedded().eras;
        let mut checked = 0;
        for year in [-5000, 0, 1000, 1688, 2500, i32::MAX, i32::MIN]
            .into_iter()
            .chain(1680..2030)
        {
            for month in 1..=12 {
                for day in [1, 2, 13, 14, 15, 26, 27, 28, 29, 30, 31] {
                    let Ok(date) = Date::new(year, month, day) else {
                        continue;
                    };
                    let key = day_key(date);
                    let want = eras.starts.iter().filter(|&&s| s <= key).count();
                    assert_eq!(eras.era_of(date), want, "{date}");
                    if (month, day) == (12, 31) {
                        assert_eq!(eras.row_at_year_end(year), eras.row(want), "{date}");
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 40_000);
    }
}
