//! Building an [`Atlas`] from its two files: the lines (GeoJSON) and the timeline (JSON).
//!
//! The loader owns the diagnosis: every problem in a file is an [`Error::Data`] that names the
//! file, the feature or event and what is wrong.

use std::collections::HashMap;

use geo_types::{Coord, Point, Rect};
use serde::Deserialize;

use crate::atlas::{Atlas, Region};
use crate::border::{BorderLine, LineKind};
use crate::chunks::{border_edges, check_chunk_count, chunk_count};
use crate::date::Date;
use crate::distance::empty_slots;
use crate::eras::Eras;
use crate::error::{Coverage, Error, Result};
use crate::grid::{FaceGrid, GRID_CELLS};
use crate::index::SegmentIndex;
use crate::timeline::{Event, Holder, MapStyle, Shared, State, StateName, Status};
use crate::topology::{Merge, Topology};

#[derive(Deserialize)]
struct TimelineFile {
    /// The region's id and name; the Sino-Russian file's defaults where absent.
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    name: Option<String>,
    states: Vec<StateFile>,
    #[serde(default)]
    shared: Vec<SharedFile>,
    #[serde(default)]
    coverage: Option<String>,
    #[serde(default)]
    map: MapStyle,
    events: Vec<EventFile>,
    regions: Vec<Region>,
}

#[derive(Deserialize)]
struct StateFile {
    id: String,
    status: String,
    #[serde(default)]
    label: Option<String>,
    names: Vec<NameFile>,
    #[serde(default)]
    source: String,
}

#[derive(Deserialize)]
struct NameFile {
    from: Option<String>,
    name: String,
}

#[derive(Deserialize)]
struct SharedFile {
    id: String,
    status: String,
    name: String,
}

#[derive(Deserialize)]
struct EventFile {
    id: String,
    name: String,
    date: String,
    date_julian: Option<String>,
    #[serde(default)]
    signed: Option<String>,
    #[serde(default)]
    in_force: Option<String>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    add: Vec<String>,
    #[serde(default)]
    remove: Vec<String>,
}

impl Atlas {
    /// Build an atlas from the text of a lines GeoJSON file and a timeline JSON file, in the
    /// format of `data/` ([`crate::data::LINES_GEOJSON`], [`crate::data::TIMELINE_JSON`];
    /// coordinates in WGS84 lon/lat degrees): checks both, cuts the land into faces and
    /// precomputes every answer.
    ///
    /// # Errors
    /// [`Error::Data`], naming the file (`lines` or `timeline`), the feature or event and what
    /// is wrong: text that is not such JSON, duplicate ids, lines that cross other than at
    /// shared vertices, no frame, events out of date order or naming unknown lines, a line
    /// never put in force, regions that are outside the frame, on a line or disagree within
    /// one territory, a land face without a region, an island ring (a line with a `region`)
    /// that is not a closed coast line or names a region the timeline lacks, a bridge with
    /// different faces on its two sides, treaty lines too long for the distance grid (more
    /// than 65,536 chunks of 8 segments of at most 0.02°: about 46 times the embedded lines).
    ///
    /// ```
    /// use geo_types::Point;
    /// use nerchinsk::data::{LINES_GEOJSON, TIMELINE_JSON};
    /// use nerchinsk::{Atlas, Error, Status};
    ///
    /// let atlas = Atlas::from_json(LINES_GEOJSON, TIMELINE_JSON).unwrap();
    /// assert_eq!(atlas.sovereignty_at(Point::new(127.49, 50.24), 1900).unwrap().status, Status::China); // Heihe
    /// let bad = Atlas::from_json("{}", TIMELINE_JSON);
    /// assert!(matches!(bad, Err(Error::Data { .. })));
    /// ```
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
            .map(|l| {
                geo::BoundingRect::bounding_rect(&l.geometry)
                    .expect("read_lines checked: every line has two vertices or more")
            })
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
        let frame = frame.expect("checked above: at least one frame line");

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
            let optional = |d: &Option<String>, what: &str| match d {
                Some(d) => Date::parse(d)
                    .map(Some)
                    .map_err(|e| Error::data(TF, format!("event {:?}: {what}: {e}", ev.id))),
                None => Ok(None),
            };
            let date_julian = optional(&ev.date_julian, "date_julian")?;
            let (signed, ratified) = (
                optional(&ev.signed, "signed")?,
                optional(&ev.in_force, "in_force")?,
            );
            if signed.is_some_and(|s| s > date) || ratified.is_some_and(|f| f < date) {
                return Err(Error::data(
                    TF,
                    format!(
                        "event {:?}: signed must not be after its date, in_force not before it",
                        ev.id
                    ),
                ));
            }
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
                signed,
                in_force: ratified,
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

        let (states, shared) = read_states(TF, &tl)?;
        let coverage = intern(Coverage {
            bounds: [frame.min().x, frame.max().x, frame.min().y, frame.max().y],
            text: tl
                .coverage
                .as_deref()
                .unwrap_or("the area inside the lines of kind frame and edge")
                .replace("{west}", &frame.min().x.to_string())
                .replace("{east}", &frame.max().x.to_string())
                .replace("{south}", &frame.min().y.to_string())
                .replace("{north}", &frame.max().y.to_string()),
        });

        let topo = Topology::build(&lines, LF)?;
        check_chunk_count(chunk_count(
            border_edges(&topo, &lines).map(|(_, coords)| coords),
        ))?;
        let index = SegmentIndex::new(&topo);
        // epochs with the same treaty lines in force share a set of lines, whose certain
        // cells and view of the distance grid are one
        let border = |set: &Vec<bool>| -> Vec<bool> {
            set.iter()
                .zip(&lines)
                .map(|(&live, line)| live && line.kind == LineKind::Border)
                .collect()
        };
        let mut line_sets: Vec<Vec<bool>> = Vec::new();
        let line_set: Vec<usize> = in_force
            .iter()
            .map(|set| {
                let lines = border(set);
                line_sets
                    .iter()
                    .position(|s| *s == lines)
                    .unwrap_or_else(|| {
                        line_sets.push(lines);
                        line_sets.len() - 1
                    })
            })
            .collect();
        let max_accuracy_km = lines.iter().map(|l| l.accuracy_km).fold(0.0, f64::max);
        let mut atlas = Atlas {
            region_id: tl.id.clone().unwrap_or_else(|| "sino_russian".to_string()),
            region_name: tl
                .name
                .clone()
                .unwrap_or_else(|| "The Sino-Russian border".to_string()),
            lines,
            events,
            regions: tl.regions,
            in_force,
            topo,
            face_status: Vec::new(),
            face_holder: Vec::new(),
            states,
            shared,
            coverage,
            map: tl.map.clone(),
            index,
            max_accuracy_km,
            distance_grid: std::sync::OnceLock::new(),
            face_km2: std::sync::OnceLock::new(),
            line_set,
            certain_cells: empty_slots(line_sets.len()),
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
        let mut seeds = Vec::new();
        for (ri, r) in atlas.regions.iter().enumerate() {
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
            seeds.push((ri, face));
        }
        seeds.extend(island_seeds(&atlas, LF)?);
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
            let mut by_root: HashMap<usize, (Holder, &str)> = HashMap::new();
            for &(ri, face) in &seeds {
                let r = &atlas.regions[ri];
                let status =
                    region_holder(r, &atlas.events[..=epoch], &atlas.states, &atlas.shared)
                        .map_err(|m| Error::data(TF, format!("region {:?}: {m}", r.name)))?;
                match by_root.insert(m.root(face), (status, &r.name)) {
                    Some((s, other)) if s != status => {
                        return Err(Error::data(
                            TF,
                            format!(
                            "after {}: regions {other:?} ({}) and {:?} ({}) fall in one territory",
                            atlas.events[epoch].id,
                            holder_key(s, &atlas.states, &atlas.shared),
                            r.name,
                            holder_key(status, &atlas.states, &atlas.shared),
                        ),
                        ))
                    }
                    _ => {}
                }
            }
            let mut holders = Vec::with_capacity(nfaces);
            for f in 0..nfaces {
                if f == atlas.topo.outer_face {
                    holders.push(Holder::Nobody(Status::Outside));
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
                holders.push(*s);
            }
            let status_of = |h: &Holder| match *h {
                Holder::Nobody(s) => s,
                Holder::State(i) => atlas.states[i].status,
                Holder::Shared(i) => atlas.shared[i].status,
            };
            atlas
                .face_status
                .push(holders.iter().map(status_of).collect());
            atlas.face_holder.push(holders);
        }
        atlas.eras = Eras::build(&atlas);
        Ok(atlas)
    }
}

/// The seeds that the offshore islands add: for each closed coast line with a `region`, that
/// region and the face the ring encloses. Checks that such a line is a closed coast ring naming
/// a region of the timeline, and that every bridge has one face on both sides.
fn island_seeds(atlas: &Atlas, file: &str) -> Result<Vec<(usize, usize)>> {
    let topo = &atlas.topo;
    for (e, edge) in topo.edges.iter().enumerate() {
        let line = &atlas.lines[edge.line];
        if line.kind == LineKind::Bridge && topo.left_face[2 * e] != topo.left_face[2 * e + 1] {
            return Err(Error::data(
                file,
                format!("bridge {:?} separates two faces", line.id),
            ));
        }
    }
    let mut seeds = Vec::new();
    for (li, line) in atlas.lines.iter().enumerate() {
        let Some(name) = &line.region else { continue };
        let cs = &line.geometry.0;
        if line.kind != LineKind::Coast || cs.first() != cs.last() {
            return Err(Error::data(
                file,
                format!(
                    "feature {:?} names a region but is no closed coast ring",
                    line.id
                ),
            ));
        }
        let ri = atlas
            .regions
            .iter()
            .position(|r| &r.name == name)
            .ok_or_else(|| {
                Error::data(
                    file,
                    format!(
                        "feature {:?} names region {name:?}, which the timeline lacks",
                        line.id
                    ),
                )
            })?;
        // the enclosed face is on the left of a counter-clockwise ring's edges
        let ccw = crate::topology::planar_signed_area(cs) > 0.0;
        let e = topo
            .edges
            .iter()
            .position(|edge| edge.line == li)
            .expect("every line has an edge");
        seeds.push((ri, topo.left_face[2 * e + usize::from(!ccw)]));
    }
    Ok(seeds)
}

/// A region's holder after the last of `events`: its status there names a state, a shared
/// holding, `sea` or `outside`.
fn region_holder(
    r: &Region,
    events: &[Event],
    states: &[State],
    shared: &[Shared],
) -> std::result::Result<Holder, String> {
    let mut holder = None;
    for ev in events {
        if let Some(s) = r.statuses.get(&ev.id) {
            holder = Some(parse_holder(s, states, shared).ok_or_else(|| {
                format!("{s:?} is not a status (a state, a shared holding, sea or outside)")
            })?);
        }
    }
    holder.ok_or_else(|| {
        format!(
            "no status at {}",
            events.last().map_or("", |e| e.id.as_str())
        )
    })
}

/// The holder a region status names.
fn parse_holder(s: &str, states: &[State], shared: &[Shared]) -> Option<Holder> {
    if let Some(i) = states.iter().position(|st| st.id == s) {
        return Some(Holder::State(i));
    }
    if let Some(i) = shared.iter().position(|sh| sh.id == s) {
        return Some(Holder::Shared(i));
    }
    match s {
        "sea" => Some(Holder::Nobody(Status::Sea)),
        "outside" => Some(Holder::Nobody(Status::Outside)),
        _ => None,
    }
}

/// The id a holder has in the timeline file.
fn holder_key<'a>(h: Holder, states: &'a [State], shared: &'a [Shared]) -> &'a str {
    match h {
        Holder::Nobody(s) => s.as_str(),
        Holder::State(i) => &states[i].id,
        Holder::Shared(i) => &shared[i].id,
    }
}

/// The states and shared holdings of a timeline file, checked: ids unique among them and not
/// `sea` or `outside`, statuses of land, names in date order, placeholders naming states.
fn read_states(file: &str, tl: &TimelineFile) -> Result<(Vec<State>, Vec<Shared>)> {
    let bad = |m: String| Err(Error::data(file, m));
    let land = |id: &str, s: &str| -> Result<Status> {
        match Status::parse(s) {
            Some(st) if st.is_land() => Ok(st),
            _ => Err(Error::data(
                file,
                format!("{id:?}: status {s:?} is not one of russia, china, joint, undetermined"),
            )),
        }
    };
    let mut seen: Vec<&str> = vec!["sea", "outside"];
    let mut states = Vec::new();
    for s in &tl.states {
        if seen.contains(&s.id.as_str()) {
            return bad(format!("state {:?}: the id is taken", s.id));
        }
        seen.push(&s.id);
        let status = land(&s.id, &s.status)?;
        if s.names.is_empty() {
            return bad(format!("state {:?} has no names", s.id));
        }
        let mut names: Vec<StateName> = Vec::new();
        for (k, n) in s.names.iter().enumerate() {
            let from = match &n.from {
                Some(d) => Some(
                    Date::parse(d)
                        .map_err(|e| Error::data(file, format!("state {:?}: {e}", s.id)))?,
                ),
                None if k == 0 => None,
                None => return bad(format!("state {:?}: name {:?} has no date", s.id, n.name)),
            };
            if let (Some(prev), Some(d)) = (names.last().and_then(|p| p.from), from) {
                if d <= prev {
                    return bad(format!("state {:?}: names are not in date order", s.id));
                }
            }
            names.push(StateName {
                from,
                name: n.name.clone(),
            });
        }
        states.push(State {
            id: s.id.clone(),
            status,
            label: s.label.clone().unwrap_or_else(|| s.id.clone()),
            names,
            source: s.source.clone(),
        });
    }
    let mut shared = Vec::new();
    for s in &tl.shared {
        if seen.contains(&s.id.as_str()) {
            return bad(format!("shared holding {:?}: the id is taken", s.id));
        }
        seen.push(&s.id);
        let status = land(&s.id, &s.status)?;
        let mut rest = s.name.as_str();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                return bad(format!(
                    "shared holding {:?}: an unclosed {{ in its name",
                    s.id
                ));
            };
            let id = &rest[open + 1..open + close];
            if !states.iter().any(|st: &State| st.id == id) {
                return bad(format!(
                    "shared holding {:?}: its name names {{{id}}}, which is no state",
                    s.id
                ));
            }
            rest = &rest[open + close + 1..];
        }
        shared.push(Shared {
            id: s.id.clone(),
            status,
            name: s.name.clone(),
        });
    }
    Ok((states, shared))
}

/// One `'static` copy of each distinct coverage, so that an error can point to it without
/// owning heap memory (the lookups' errors must not: docs/INDEX.md). Each distinct dataset
/// frame and sentence is kept once for the life of the process; datasets are few.
fn intern(coverage: Coverage) -> &'static Coverage {
    use std::sync::{Mutex, OnceLock};
    static KEPT: OnceLock<Mutex<Vec<&'static Coverage>>> = OnceLock::new();
    let mut kept = KEPT
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(&c) = kept.iter().find(|&&c| *c == coverage) {
        return c;
    }
    let c: &'static Coverage = Box::leak(Box::new(coverage));
    kept.push(c);
    c
}

/// Read every feature of a GeoJSON FeatureCollection of LineStrings.
pub(crate) fn read_lines(file: &str, text: &str) -> Result<Vec<BorderLine>> {
    let lines: Vec<BorderLine> = geojson::de::deserialize_feature_collection_str_to_vec(text)
        .map_err(|e| crate::validate::lines_error(file, text, e.to_string()))?;
    for l in &lines {
        let bad = |what: String| Err(Error::data(file, format!("feature {:?} {what}", l.id)));
        let cs = &l.geometry.0;
        if cs.len() < 2 {
            return bad("has fewer than two vertices".into());
        }
        if let Some(c) = cs
            .iter()
            .find(|&&c| crate::query::check_coord(c.into()).is_err())
        {
            return bad(if c.x.is_finite() && c.y.is_finite() {
                format!(
                    "has a vertex ({}, {}) outside lon -180..180, lat -90..90",
                    c.x, c.y
                )
            } else {
                "has a coordinate that is not a finite number".into()
            });
        }
        if let Some(i) = cs.windows(2).position(|w| w[0] == w[1]) {
            return bad(format!(
                "repeats vertex {i} ({}, {}): a segment of zero length",
                cs[i].x, cs[i].y
            ));
        }
    }
    Ok(lines)
}
