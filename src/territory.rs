//! Territories as polygons: the faces of a date merged into connected territories (for GeoJSON),
//! or into the land of each status, and the lines with the event that put each in force (for
//! maps).
//!
//! A territory is a connected piece of land with one status that has held since one event. Its
//! boundary is the chain of half-edges whose left face is in the territory and whose twin's left
//! face is not; those chains close into rings, counter-clockwise for the exterior and clockwise
//! for holes (the right-hand rule of RFC 7946). Sea and land outside the covered area have no
//! territory.

use std::borrow::Cow;
use std::collections::BTreeMap;

use geo::coordinate_position::CoordPos;
use geo::{CoordinatePosition, GeodesicArea};
use geo_types::{Coord, LineString, MultiPolygon, Polygon};

use crate::atlas::Atlas;
use crate::border::{BorderLine, LineKind};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::timeline::{Event, Holder, Status};
use crate::topology::{planar_signed_area, Topology};

/// One connected territory on a date.
#[derive(Debug, Clone)]
pub struct Territory<'a> {
    /// Russia, China, Joint or Undetermined (never Sea or Outside).
    pub status: Status,
    /// The state's name on the date, as [`Atlas::sovereignty_on`] gives it.
    pub sovereign: Cow<'static, str>,
    /// The event that set this status (the territory has held it since then).
    pub since: &'a Event,
    /// The territory as a lon/lat polygon (WGS84 degrees), rings closed: the exterior
    /// counter-clockwise, the holes clockwise.
    pub polygon: Polygon<f64>,
}

impl Territory<'_> {
    /// Geodesic area on the WGS84 ellipsoid (Karney's algorithm, as geo's `GeodesicArea`), km².
    ///
    /// ```
    /// use nerchinsk::{data::embedded, Date, Status};
    ///
    /// // the land held jointly after Aigun, between the Ussuri and the sea
    /// let ts = embedded().territories_on(Date::end_of_year(1859)).unwrap();
    /// let joint: f64 = ts.iter().filter(|t| t.status == Status::Joint).map(|t| t.area_km2()).sum();
    /// assert!(joint > 300_000.0 && joint < 450_000.0, "{joint}");
    /// ```
    pub fn area_km2(&self) -> f64 {
        self.polygon.geodesic_area_unsigned() / 1e6
    }
}

impl Atlas {
    /// The territories on `date`: connected pieces of land of one status since one event, in a
    /// stable order (by status, then state, then event). Sea and land outside the covered area
    /// have no territory. Polygons are lon/lat, WGS84 degrees.
    ///
    /// # Errors
    /// [`crate::Error::BeforeCoverage`] for a date before the first event.
    ///
    /// ```
    /// use geo::Contains;
    /// use geo_types::Point;
    /// use nerchinsk::{data::embedded, Date, Status};
    ///
    /// let ts = embedded().territories_on(Date::end_of_year(1900)).unwrap();
    /// let harbin = Point::new(126.63, 45.75);
    /// let t = ts.iter().find(|t| t.polygon.contains(&harbin)).unwrap();
    /// assert_eq!((t.status, t.sovereign.as_ref()), (Status::China, "Qing Empire"));
    /// assert_eq!(t.since.name, "Treaty of Nerchinsk");
    /// assert!(embedded().territories_on(Date::end_of_year(1600)).is_err());
    /// ```
    pub fn territories_on(&self, date: Date) -> Result<Vec<Territory<'_>>> {
        let atlas = self;
        let topo = atlas.topology();
        let epoch = atlas.epoch(date)?;
        let events = atlas.events();
        let now = atlas.face_statuses(date)?;
        // key of each face: (status, holder, epoch that set it), None for sea and outside
        let key: Vec<Option<(Status, Holder, usize)>> = (0..topo.faces.len())
            .map(|f| {
                let s = now[f];
                if !s.is_land() || f == topo.outer_face {
                    return None;
                }
                Some((s, atlas.face_holder[epoch][f], atlas.status_since(epoch, f)))
            })
            .collect();
        let mut out = Vec::new();
        for ((status, holder, since), rings) in trace_rings(topo, &key)? {
            let sovereign: Cow<'static, str> = Cow::Owned(atlas.holder_name(holder, date));
            for polygon in polygons(topo, &rings)? {
                out.push(Territory {
                    status,
                    sovereign: sovereign.clone(),
                    since: &events[since],
                    polygon,
                });
            }
        }
        Ok(out)
    }
}

/// The polygons of one region's rings of half-edges (as [`trace_rings`] gives them): every
/// counter-clockwise ring an exterior, in ring order, with the clockwise rings inside it as its
/// holes (each hole in the smallest exterior around it).
pub(crate) fn polygons(topo: &Topology, rings: &[Vec<usize>]) -> Result<Vec<Polygon<f64>>> {
    let mut exteriors: Vec<(LineString<f64>, f64)> = Vec::new();
    let mut holes: Vec<LineString<f64>> = Vec::new();
    for ring in rings {
        let ls = ring_line(topo, ring);
        let a = planar_signed_area(&ls.0);
        if a > 0.0 {
            exteriors.push((ls, a));
        } else {
            holes.push(ls);
        }
    }
    let shells: Vec<Polygon<f64>> = exteriors
        .iter()
        .map(|(ls, _)| Polygon::new(ls.clone(), vec![]))
        .collect();
    let mut assigned: Vec<Vec<LineString<f64>>> = vec![Vec::new(); exteriors.len()];
    for hole in holes {
        // the smallest exterior with a vertex of the hole strictly inside it
        let mut best: Option<usize> = None;
        for (x, shell) in shells.iter().enumerate() {
            let inside = hole
                .0
                .iter()
                .map(|c| shell.coordinate_position(c))
                .find(|p| *p != CoordPos::OnBoundary)
                == Some(CoordPos::Inside);
            if inside && best.is_none_or(|b| exteriors[x].1 < exteriors[b].1) {
                best = Some(x);
            }
        }
        let x = best.ok_or_else(|| {
            Error::data("lines", "a hole in a territory lies in no exterior ring")
        })?;
        assigned[x].push(hole);
    }
    Ok(exteriors
        .into_iter()
        .zip(assigned)
        .map(|((ls, _), inner)| Polygon::new(ls, inner))
        .collect())
}

/// A line of the atlas on a date, as [`Atlas::lines_on`] gives it.
#[derive(Debug, Clone, Copy)]
pub struct LineOnDate<'a> {
    /// The line: id, name, kind and geometry (longitude/latitude, WGS84 degrees).
    pub line: &'a BorderLine,
    /// For a treaty line ([`LineKind::Border`]) in force on the date, the event that put it in
    /// force: the earliest event from which it has stayed in force without a break up to the
    /// date. `None` for a treaty line not in force, and for the coast and the edges of the
    /// covered area, which are no treaty's.
    pub in_force_since: Option<&'a Event>,
}

impl Atlas {
    /// The land on `date` merged by status: one multipolygon for each status that some land
    /// has, in the order of [`Status`]: Russia, China, Joint, Undetermined, then Outside (the
    /// land beyond the covered area, Korea, Mongolia and China west of 115.5°E, which a map
    /// draws too). Sea has none.
    ///
    /// Coordinates are longitude/latitude, WGS84 degrees. Rings are closed; exteriors run
    /// counter-clockwise and holes clockwise. The statuses tile the land: neighbouring statuses
    /// share their boundary vertex for vertex, so a drawing that maps each vertex to the same
    /// place in every polygon leaves no gap between them. Unlike [`Atlas::territories_on`], the land of
    /// one status is not split by the event that set it.
    ///
    /// # Errors
    ///
    /// [`Error::BeforeCoverage`] for a date before the first event; a data error if the
    /// boundaries of the atlas do not close into rings (never for the embedded data).
    ///
    /// # Examples
    ///
    /// ```
    /// use geo::Contains;
    /// use geo_types::Point;
    /// use nerchinsk::{data::embedded, Date, Error, Status};
    ///
    /// let land = embedded().land_by_status_on(Date::end_of_year(1861)).unwrap();
    /// let (status, russia) = &land[0];
    /// assert_eq!(*status, Status::Russia);
    /// // Blagoveshchensk, on the Amur's left bank, has been Russian since the Treaty of Aigun
    /// assert!(russia.contains(&Point::new(127.533, 50.25)));
    /// assert!(land.iter().all(|(s, _)| *s != Status::Sea));
    /// assert!(matches!(
    ///     embedded().land_by_status_on(Date::end_of_year(1600)),
    ///     Err(Error::BeforeCoverage { .. })
    /// ));
    /// ```
    pub fn land_by_status_on(&self, date: Date) -> Result<Vec<(Status, MultiPolygon<f64>)>> {
        let topo = self.topology();
        let statuses = self.face_statuses(date)?;
        let key: Vec<Option<Status>> = (0..topo.faces.len())
            .map(|f| {
                let s = statuses[f];
                (f != topo.outer_face && s != Status::Sea).then_some(s)
            })
            .collect();
        trace_rings(topo, &key)?
            .into_iter()
            .map(|(s, rings)| Ok((s, MultiPolygon::new(polygons(topo, &rings)?))))
            .collect()
    }

    /// Every line of the atlas (treaty lines, coast, edges of the covered area) but the bridges
    /// to islands ([`LineKind::Bridge`], which separate nothing) in file order,
    /// each with the event that put it in force if it is a treaty line in force on `date`.
    /// The treaty lines with `Some` are those of [`Atlas::lines_in_force_on`]. Geometries are
    /// longitude/latitude, WGS84 degrees.
    ///
    /// # Errors
    ///
    /// [`Error::BeforeCoverage`] for a date before the first event.
    ///
    /// # Examples
    ///
    /// ```
    /// use nerchinsk::{data::embedded, Date, Error};
    ///
    /// let lines = embedded().lines_on(Date::end_of_year(1900)).unwrap();
    /// let amur = lines.iter().find(|l| l.line.id == "amur_upper").unwrap();
    /// // in force since the Treaty of Aigun (1858), not since the Convention of Peking (1860)
    /// assert_eq!(amur.in_force_since.unwrap().name, "Treaty of Aigun");
    /// let in_force = lines.iter().filter(|l| l.in_force_since.is_some()).count();
    /// assert_eq!(in_force, embedded().lines_in_force_on(Date::end_of_year(1900)).unwrap().len());
    /// assert!(matches!(
    ///     embedded().lines_on(Date::end_of_year(1600)),
    ///     Err(Error::BeforeCoverage { .. })
    /// ));
    /// ```
    pub fn lines_on(&self, date: Date) -> Result<Vec<LineOnDate<'_>>> {
        let epoch = self.epoch(date)?;
        let events = self.events();
        Ok(self
            .lines()
            .iter()
            .enumerate()
            .filter(|(_, line)| line.kind != LineKind::Bridge)
            .map(|(i, line)| {
                let in_force_since = self
                    .line_in_force_since(epoch, i)
                    .filter(|_| line.kind == LineKind::Border)
                    .map(|since| &events[since]);
                LineOnDate {
                    line,
                    in_force_since,
                }
            })
            .collect())
    }
}

impl Atlas {
    /// The territories on `date` as a GeoJSON FeatureCollection of Polygons (RFC 7946: exterior
    /// rings counter-clockwise, holes clockwise), each with the properties `status`, `sovereign`,
    /// `since` (date of the event that set the status, YYYY-MM-DD), `treaty` (that event's name),
    /// `event` (its id), `date` (the date asked for) and `area_km2` (geodesic, WGS84, km², to
    /// 0.1).
    ///
    /// # Errors
    /// [`crate::Error::BeforeCoverage`] for a date before the first event.
    ///
    /// ```
    /// use nerchinsk::{data::embedded, Date};
    ///
    /// let fc = embedded().territories_geojson_on(Date::end_of_year(1861)).unwrap();
    /// let f = &fc.features[0];
    /// assert_eq!(f.property("date").unwrap(), "1861-12-31");
    /// assert!(f.property("area_km2").unwrap().as_f64().unwrap() > 0.0);
    /// ```
    pub fn territories_geojson_on(&self, date: Date) -> Result<geojson::FeatureCollection> {
        Ok(polygon_features(self.territories_on(date)?.iter().map(
            |t| {
                let mut props = serde_json::Map::new();
                props.insert("status".into(), t.status.as_str().into());
                props.insert("sovereign".into(), t.sovereign.as_ref().into());
                props.insert("since".into(), t.since.date.to_string().into());
                props.insert("treaty".into(), t.since.name.as_str().into());
                props.insert("event".into(), t.since.id.as_str().into());
                props.insert("date".into(), date.to_string().into());
                props.insert("area_km2".into(), round_tenth(t.area_km2()).into());
                (&t.polygon, props)
            },
        )))
    }
}

/// A FeatureCollection of polygons or multipolygons with their properties (GeoJSON, RFC 7946).
pub(crate) fn polygon_features<'p, G: 'p>(
    items: impl Iterator<Item = (&'p G, serde_json::Map<String, serde_json::Value>)>,
) -> geojson::FeatureCollection
where
    geojson::Value: From<&'p G>,
{
    geojson::FeatureCollection {
        bbox: None,
        features: items
            .map(|(polygon, props)| geojson::Feature {
                bbox: None,
                geometry: Some(geojson::Geometry::new(geojson::Value::from(polygon))),
                id: None,
                properties: Some(props),
                foreign_members: None,
            })
            .collect(),
        foreign_members: None,
    }
}

/// An area rounded to a tenth, as the GeoJSON outputs give it.
pub(crate) fn round_tenth(km2: f64) -> f64 {
    (km2 * 10.0).round() / 10.0
}

/// The boundary rings of every key's region, as half-edges: from each half-edge whose left face
/// has a key its twin's left face has not, turn at its head to the first outgoing half-edge
/// clockwise of its twin that leaves the region on its right. Exteriors come out
/// counter-clockwise, holes clockwise; regions that touch at a node get separate rings.
pub(crate) fn trace_rings<K: Copy + Ord>(
    topo: &Topology,
    key: &[Option<K>],
) -> Result<BTreeMap<K, Vec<Vec<usize>>>> {
    let lf = &topo.left_face;
    let he_key = |he: usize| key[lf[he]];
    let is_boundary = |he: usize| he_key(he).is_some() && he_key(he) != he_key(he ^ 1);
    let mut pos = vec![0usize; lf.len()];
    for out in &topo.node_out {
        for (i, &(_, he)) in out.iter().enumerate() {
            pos[he] = i;
        }
    }
    let head = |he: usize| {
        let e = &topo.edges[he / 2];
        if he % 2 == 0 {
            e.to
        } else {
            e.from
        }
    };
    let mut used = vec![false; lf.len()];
    let mut rings: BTreeMap<K, Vec<Vec<usize>>> = BTreeMap::new();
    for start in 0..lf.len() {
        if used[start] || !is_boundary(start) {
            continue;
        }
        let k = he_key(start);
        let mut ring = Vec::new();
        let mut he = start;
        loop {
            if used[he] {
                return Err(Error::data("lines", "a territory boundary does not close"));
            }
            used[he] = true;
            ring.push(he);
            let out = &topo.node_out[head(he)];
            let mut i = pos[he ^ 1];
            he = loop {
                i = (i + out.len() - 1) % out.len();
                let g = out[i].1;
                if he_key(g ^ 1) != k {
                    break g;
                }
            };
            if he == start {
                break;
            }
        }
        rings
            .entry(k.expect("a boundary half-edge has a key on its left"))
            .or_default()
            .push(ring);
    }
    Ok(rings)
}

/// The vertices of a ring of half-edges, closed (the first vertex repeated at the end).
pub(crate) fn ring_line(topo: &Topology, ring: &[usize]) -> LineString<f64> {
    let mut cs: Vec<Coord<f64>> = Vec::new();
    for &he in ring {
        let c = &topo.edges[he / 2].coords;
        if he % 2 == 0 {
            cs.extend_from_slice(&c[..c.len() - 1]);
        } else {
            cs.extend(c[1..].iter().rev());
        }
    }
    if let Some(&first) = cs.first() {
        cs.push(first);
    }
    LineString::from(cs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded;

    #[test]
    fn territories_cover_the_land() {
        let atlas = embedded();
        for year in [1700, 1858, 1859, 1861, 2025] {
            let date = Date::end_of_year(year);
            let ts = atlas.territories_on(date).unwrap();
            let sum: f64 = ts.iter().map(|t| t.area_km2()).sum();
            let want: f64 = atlas.status_areas_km2_on(date).unwrap().values().sum();
            assert!(
                ((sum - want) / want).abs() < 1e-4,
                "{year}: {sum} km² in territories, {want} km² of land"
            );
            for t in &ts {
                assert!(planar_signed_area(&t.polygon.exterior().0) > 0.0);
                for h in t.polygon.interiors() {
                    assert!(planar_signed_area(&h.0) < 0.0);
                }
            }
        }
    }

    #[test]
    fn land_by_status_tiles_the_land() {
        let atlas = embedded();
        for year in [1700, 1858, 1859, 1861, 2025] {
            let date = Date::end_of_year(year);
            let land = atlas.land_by_status_on(date).unwrap();
            let want = atlas.status_areas_km2_on(date).unwrap();
            let statuses: Vec<Status> = land.iter().map(|(s, _)| *s).collect();
            assert!(statuses.windows(2).all(|w| w[0] < w[1]), "{statuses:?}");
            assert_eq!(statuses.last(), Some(&Status::Outside), "{year}");
            for (status, mp) in &land {
                for p in mp {
                    assert!(planar_signed_area(&p.exterior().0) > 0.0);
                    for h in p.interiors() {
                        assert!(planar_signed_area(&h.0) < 0.0);
                    }
                }
                if *status == Status::Outside {
                    continue;
                }
                let km2 = mp.geodesic_area_unsigned() / 1e6;
                let w = want[status];
                assert!(
                    ((km2 - w) / w).abs() < 1e-4,
                    "{year} {status}: {km2} against {w}"
                );
            }
            assert_eq!(land.len() - 1, want.len(), "{year}");
        }
    }

    #[test]
    fn lines_on_agrees_with_lines_in_force() {
        let atlas = embedded();
        for ev in atlas.events() {
            let lines = atlas.lines_on(ev.date).unwrap();
            let bridges = atlas.lines().iter().filter(|l| l.kind == LineKind::Bridge);
            assert_eq!(lines.len(), atlas.lines().len() - bridges.count());
            let on: Vec<&str> = lines
                .iter()
                .filter(|l| l.in_force_since.is_some())
                .map(|l| l.line.id.as_str())
                .collect();
            assert_eq!(on, atlas.lines_in_force_on(ev.date).unwrap());
            for l in &lines {
                if let Some(since) = l.in_force_since {
                    assert!(since.date <= ev.date);
                    // in force on every event from `since` to the date
                    for e in atlas.events().iter().filter(|e| e.date >= since.date) {
                        if e.date > ev.date {
                            break;
                        }
                        assert!(atlas
                            .lines_in_force_on(e.date)
                            .unwrap()
                            .contains(&l.line.id.as_str()));
                    }
                }
            }
        }
    }
}
