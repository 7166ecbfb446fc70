//! Territories as polygons: the faces of a date merged into connected territories, for GeoJSON
//! and maps.
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
use geo_types::{Coord, LineString, Polygon};

use crate::atlas::Atlas;
use crate::border::LineKind;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::timeline::{Event, Status};
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
    /// Boundary rings as half-edges of [`Atlas::topology`] (`2e` along edge `e`, `2e + 1`
    /// against it): the exterior first, counter-clockwise, then the holes, clockwise.
    pub rings: Vec<Vec<usize>>,
    /// The same rings as a lon/lat polygon, closed.
    pub polygon: Polygon<f64>,
}

impl Territory<'_> {
    /// Geodesic area on WGS84, km².
    pub fn area_km2(&self) -> f64 {
        self.polygon.geodesic_area_unsigned() / 1e6
    }
}

/// The territories on `date`: connected pieces of land of one status since one event, in a
/// stable order (by status, then event, then the order of their first half-edge).
pub fn territories(atlas: &Atlas, date: Date) -> Result<Vec<Territory<'_>>> {
    let topo = atlas.topology();
    let epoch = atlas.epoch(date)?;
    let events = atlas.events();
    let per_epoch: Vec<&[Status]> = events[..=epoch]
        .iter()
        .map(|e| atlas.face_statuses(e.date))
        .collect::<Result<_>>()?;
    let now = per_epoch[epoch];
    // key of each face: (status, epoch that set it), None for sea and outside
    let key: Vec<Option<(Status, usize)>> = (0..topo.faces.len())
        .map(|f| {
            let s = now[f];
            if !s.is_land() || f == topo.outer_face {
                return None;
            }
            let mut since = epoch;
            while since > 0 && per_epoch[since - 1][f] == s {
                since -= 1;
            }
            Some((s, since))
        })
        .collect();
    let mut rings = trace_rings(topo, &key)?;
    let order: Vec<(Status, usize)> = rings.keys().copied().collect();

    let mut out = Vec::new();
    for k in order {
        let (status, since) = k;
        let mut exteriors: Vec<(Vec<usize>, LineString<f64>, f64)> = Vec::new();
        let mut holes: Vec<(Vec<usize>, LineString<f64>)> = Vec::new();
        for ring in rings.remove(&k).unwrap_or_default() {
            let ls = ring_line(topo, &ring);
            let a = planar_signed_area(&ls.0);
            if a > 0.0 {
                exteriors.push((ring, ls, a));
            } else {
                holes.push((ring, ls));
            }
        }
        let shells: Vec<Polygon<f64>> = exteriors
            .iter()
            .map(|(_, ls, _)| Polygon::new(ls.clone(), vec![]))
            .collect();
        let mut assigned: Vec<Vec<usize>> = vec![Vec::new(); exteriors.len()];
        for (h, (_, ls)) in holes.iter().enumerate() {
            // the smallest exterior with a vertex of the hole strictly inside it
            let mut best: Option<usize> = None;
            for (x, shell) in shells.iter().enumerate() {
                let inside =
                    ls.0.iter()
                        .map(|c| shell.coordinate_position(c))
                        .find(|p| *p != CoordPos::OnBoundary)
                        == Some(CoordPos::Inside);
                if inside && best.is_none_or(|b| exteriors[x].2 < exteriors[b].2) {
                    best = Some(x);
                }
            }
            let x = best.ok_or_else(|| {
                Error::data("lines", "a hole in a territory lies in no exterior ring")
            })?;
            assigned[x].push(h);
        }
        let ev = &events[since];
        let sovereign: Cow<'static, str> = Cow::Owned(atlas.status_name(status, date));
        for (x, (ring, ls, _)) in exteriors.into_iter().enumerate() {
            let mut hs = vec![ring];
            let mut inner = Vec::new();
            for &h in &assigned[x] {
                hs.push(holes[h].0.clone());
                inner.push(holes[h].1.clone());
            }
            out.push(Territory {
                status,
                sovereign: sovereign.clone(),
                since: ev,
                rings: hs,
                polygon: Polygon::new(ls, inner),
            });
        }
    }
    Ok(out)
}

/// The territories on `date` as a GeoJSON FeatureCollection of Polygons (RFC 7946: exterior
/// rings counter-clockwise, holes clockwise), each with the properties `status`, `sovereign`,
/// `since` (date of the event that set the status, YYYY-MM-DD), `treaty` (that event's name),
/// `event` (its id), `date` (the date asked for) and `area_km2` (geodesic, WGS84).
pub fn territories_geojson(atlas: &Atlas, date: Date) -> Result<geojson::FeatureCollection> {
    let features = territories(atlas, date)?
        .iter()
        .map(|t| {
            let mut props = serde_json::Map::new();
            props.insert("status".into(), t.status.as_str().into());
            props.insert("sovereign".into(), t.sovereign.as_ref().into());
            props.insert("since".into(), t.since.date.to_string().into());
            props.insert("treaty".into(), t.since.name.as_str().into());
            props.insert("event".into(), t.since.id.as_str().into());
            props.insert("date".into(), date.to_string().into());
            props.insert(
                "area_km2".into(),
                ((t.area_km2() * 10.0).round() / 10.0).into(),
            );
            geojson::Feature {
                bbox: None,
                geometry: Some(geojson::Geometry::new(geojson::Value::from(&t.polygon))),
                id: None,
                properties: Some(props),
                foreign_members: None,
            }
        })
        .collect();
    Ok(geojson::FeatureCollection {
        bbox: None,
        features,
        foreign_members: None,
    })
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
        rings.entry(k.unwrap()).or_default().push(ring);
    }
    Ok(rings)
}

/// The vertices of a ring of half-edges, closed (the first vertex repeated at the end).
pub fn ring_line(topo: &Topology, ring: &[usize]) -> LineString<f64> {
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

// ---------------------------------------------------------------------------------------------
// SVG map

/// Lines that follow rivers: drawn as rivers when they are not a border on the date.
const RIVERS: [&str; 13] = [
    "argun",
    "abagaitu_channel",
    "shilka_lower",
    "gorbitsa",
    "uda",
    "amur_upper",
    "kazakevicheva_channel",
    "ussuri_below_kazakevicheva",
    "amur_lower",
    "ussuri",
    "sungacha",
    "tumen_korea_russia",
    "tumen_korea_china",
];

/// Fill colour of a status on the map.
fn fill(status: Status) -> &'static str {
    match status {
        Status::Russia => "#e8a990",
        Status::China => "#f2d67e",
        Status::Joint => "#b9a5de",
        Status::Undetermined => "url(#hatch)",
        Status::Sea => "#d3e5f3",
        Status::Outside => "#e4e4e4",
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn long_date(d: Date) -> String {
    format!("{} {} {}", d.day, MONTHS[d.month as usize - 1], d.year)
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Equirectangular projection of the frame with longitudes scaled by cos 50°N, into pixels.
struct Proj {
    lon0: f64,
    lat1: f64,
    kx: f64,
    s: f64,
    left: f64,
    top: f64,
}

impl Proj {
    fn xy(&self, c: Coord<f64>) -> (f64, f64) {
        (
            self.left + (c.x - self.lon0) * self.kx * self.s,
            self.top + (self.lat1 - c.y) * self.s,
        )
    }

    /// Projected vertices, dropping those closer than `tol` px to the last one kept (the ends
    /// are always kept, so pieces that share ends still meet).
    fn thin(&self, cs: &[Coord<f64>], tol: f64) -> Vec<(f64, f64)> {
        let mut out: Vec<(f64, f64)> = Vec::with_capacity(cs.len() / 4 + 2);
        for (i, &c) in cs.iter().enumerate() {
            let p = self.xy(c);
            let last = i + 1 == cs.len();
            match out.last() {
                Some(&q) if !last && (p.0 - q.0).hypot(p.1 - q.1) < tol => {}
                _ => out.push(p),
            }
        }
        out
    }
}

fn path_data(out: &mut String, pts: impl IntoIterator<Item = (f64, f64)>, close: bool) {
    use std::fmt::Write as _;
    for (i, (x, y)) in pts.into_iter().enumerate() {
        let _ = write!(out, "{}{x:.1},{y:.1}", if i == 0 { "M" } else { " " });
    }
    if close {
        out.push('Z');
    }
}

/// An SVG map of `date`, `width` pixels wide: territories filled by status, the treaty lines in
/// force (each a group with id `line-<id>`, labelled by the treaty that put it in force), rivers
/// and lines not in force, coast, Lake Khanka, a graticule, a legend, a scale bar and a title.
///
/// Equirectangular, longitudes scaled by cos 50°N, so the scale is true along 50°N.
pub fn map_svg(atlas: &Atlas, date: Date, width: f64) -> Result<String> {
    use std::fmt::Write as _;
    let topo = atlas.topology();
    let epoch = atlas.epoch(date)?;
    let event = &atlas.events()[epoch];
    let statuses = atlas.face_statuses(date)?;
    let frame = atlas.frame();
    let (lo, hi) = (frame.min(), frame.max());
    let kx = 50f64.to_radians().cos();
    let margin = 0.035 * width;
    let s = (width - 2.0 * margin) / ((hi.x - lo.x) * kx);
    let map_h = (hi.y - lo.y) * s;
    let top = 0.09 * width;
    let proj = Proj {
        lon0: lo.x,
        lat1: hi.y,
        kx,
        s,
        left: margin,
        top,
    };
    let height = top + map_h + 0.19 * width;
    let font = width / 80.0;
    let tol = 0.6;
    // every edge thinned once, so neighbouring territories share their vertices exactly
    let thinned: Vec<Vec<(f64, f64)>> = topo
        .edges
        .iter()
        .map(|e| proj.thin(&e.coords, tol))
        .collect();
    let ring_path = |out: &mut String, ring: &[usize]| {
        let mut pts: Vec<(f64, f64)> = Vec::new();
        for &he in ring {
            let t = &thinned[he / 2];
            if he % 2 == 0 {
                pts.extend_from_slice(&t[..t.len() - 1]);
            } else {
                pts.extend(t[1..].iter().rev());
            }
        }
        path_data(out, pts, true);
    };

    let mut svg = String::with_capacity(1 << 20);
    let _ = write!(
        svg,
        r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">
<title>The Sino-Russian border on {date_long}</title>
<defs>
<pattern id="hatch" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)"><rect width="8" height="8" fill="#efe6cf"/><line x1="0" y1="0" x2="0" y2="8" stroke="#b59b6a" stroke-width="3"/></pattern>
<clipPath id="frame"><rect x="{mx:.1}" y="{top:.1}" width="{mw:.1}" height="{map_h:.1}"/></clipPath>
</defs>
<rect width="100%" height="100%" fill="white"/>
<text id="title" x="{mx:.1}" y="{ty:.1}" font-size="{tf:.1}" font-weight="bold">The Sino-Russian border on {date_long}</text>
<text id="subtitle" x="{mx:.1}" y="{sy:.1}" font-size="{sf:.1}" fill="#444">In force since the {ev} ({evd}). Russia: {ru}; China: {cn}.</text>
<g clip-path="url(#frame)">
<rect id="sea" x="{mx:.1}" y="{top:.1}" width="{mw:.1}" height="{map_h:.1}" fill="{sea}"/>
"##,
        date_long = long_date(date),
        mx = margin,
        mw = width - 2.0 * margin,
        ty = top * 0.42,
        tf = font * 1.9,
        sy = top * 0.78,
        sf = font * 1.1,
        ev = xml_escape(&event.name),
        evd = event.date,
        ru = xml_escape(&atlas.status_name(Status::Russia, date)),
        cn = xml_escape(&atlas.status_name(Status::China, date)),
        sea = fill(Status::Sea),
    );

    // territories by status (land outside the covered area too), one path each
    let key: Vec<Option<Status>> = (0..topo.faces.len())
        .map(|f| {
            let st = statuses[f];
            (f != topo.outer_face && st != Status::Sea).then_some(st)
        })
        .collect();
    let rings = trace_rings(topo, &key)?;
    svg.push_str("<g id=\"territories\" stroke=\"none\">\n");
    for (status, rs) in &rings {
        let _ = write!(
            svg,
            "<path id=\"status-{}\" fill=\"{}\" fill-rule=\"nonzero\" d=\"",
            status.as_str(),
            fill(*status)
        );
        for r in rs {
            ring_path(&mut svg, r);
        }
        svg.push_str("\"/>\n");
    }
    svg.push_str("</g>\n");

    // Lake Khanka, from the reference lines
    if let Ok(geojson::GeoJson::FeatureCollection(fc)) =
        crate::data::REFERENCE_GEOJSON.parse::<geojson::GeoJson>()
    {
        for f in &fc.features {
            if f.property("id").and_then(|v| v.as_str()) != Some("khanka_shore") {
                continue;
            }
            if let Some(geojson::Value::LineString(cs)) = f.geometry.as_ref().map(|g| &g.value) {
                let cs: Vec<Coord<f64>> = cs.iter().map(|c| Coord { x: c[0], y: c[1] }).collect();
                svg.push_str("<path id=\"lake-khanka\" fill=\"#d3e5f3\" stroke=\"#5b88b0\" stroke-width=\"0.6\" d=\"");
                path_data(&mut svg, proj.thin(&cs, tol), true);
                svg.push_str("\"/>\n");
            }
        }
    }

    // graticule
    svg.push_str("<g id=\"graticule\" stroke=\"#000\" stroke-opacity=\"0.12\" stroke-width=\"0.5\" fill=\"none\">\n");
    let mut lon = (lo.x / 5.0).ceil() * 5.0;
    while lon <= hi.x {
        let (x, _) = proj.xy(Coord { x: lon, y: lo.y });
        let _ = writeln!(
            svg,
            "<line x1=\"{x:.1}\" y1=\"{top:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/>",
            top + map_h
        );
        lon += 5.0;
    }
    let mut lat = (lo.y / 5.0).ceil() * 5.0;
    while lat <= hi.y {
        let (_, y) = proj.xy(Coord { x: lo.x, y: lat });
        let _ = writeln!(
            svg,
            "<line x1=\"{margin:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/>",
            width - margin
        );
        lat += 5.0;
    }
    svg.push_str("</g>\n");

    // coast, edges of the covered area, rivers and lines not in force
    let in_force = &atlas.in_force[epoch];
    let lines = atlas.lines();
    let line_path = |svg: &mut String, cs: &[Coord<f64>]| path_data(svg, proj.thin(cs, tol), false);
    svg.push_str("<g id=\"coast\" fill=\"none\" stroke=\"#5b88b0\" stroke-width=\"0.7\">\n");
    for l in lines.iter().filter(|l| l.kind == LineKind::Coast) {
        let _ = write!(svg, "<path id=\"coast-{}\" d=\"", xml_escape(&l.id));
        line_path(&mut svg, &l.geometry.0);
        svg.push_str("\"/>\n");
    }
    svg.push_str("</g>\n<g id=\"other-lines\" fill=\"none\">\n");
    for (i, l) in lines.iter().enumerate() {
        let river = RIVERS.contains(&l.id.as_str());
        let style = match l.kind {
            LineKind::Edge => "stroke=\"#777\" stroke-width=\"0.8\" stroke-dasharray=\"4 3\"",
            // an edge of the covered area before a treaty made it a line (Kyakhta before 1727)
            LineKind::Border if !in_force[i] && l.coverage_edge => {
                "stroke=\"#777\" stroke-width=\"0.8\" stroke-dasharray=\"4 3\""
            }
            LineKind::Border if !in_force[i] && river => "stroke=\"#4f86c6\" stroke-width=\"1.1\"",
            LineKind::Border if !in_force[i] => {
                "stroke=\"#8a6d5a\" stroke-width=\"0.9\" stroke-dasharray=\"2 3\" stroke-opacity=\"0.8\""
            }
            _ => continue,
        };
        let _ = write!(svg, "<path id=\"other-{}\" {style} d=\"", xml_escape(&l.id));
        line_path(&mut svg, &l.geometry.0);
        let _ = writeln!(svg, "\"><title>{}</title></path>", xml_escape(&l.name));
    }
    svg.push_str("</g>\n</g>\n");
    let _ = writeln!(
        svg,
        "<rect id=\"frame\" x=\"{margin:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{map_h:.1}\" fill=\"none\" stroke=\"#333\" stroke-width=\"1\"/>",
        width - 2.0 * margin
    );

    // the treaty lines in force, labelled by the treaty that put each in force
    svg.push_str("<g id=\"lines-in-force\">\n");
    for (i, l) in lines.iter().enumerate() {
        if l.kind != LineKind::Border || !in_force[i] {
            continue;
        }
        let mut since = epoch;
        while since > 0 && atlas.in_force[since - 1][i] {
            since -= 1;
        }
        let ev = &atlas.events()[since];
        let label = format!("{} ({})", ev.name, ev.date.year);
        let pts = proj.thin(&l.geometry.0, tol);
        let _ = write!(
            svg,
            "<g id=\"line-{}\" class=\"treaty-line\" data-treaty=\"{}\"><title>{}: {}, in force since {}</title><path fill=\"none\" stroke=\"#9e1b1b\" stroke-width=\"2.2\" stroke-linejoin=\"round\" d=\"",
            xml_escape(&l.id),
            xml_escape(&ev.id),
            xml_escape(&l.name),
            xml_escape(&ev.name),
            ev.date
        );
        path_data(&mut svg, pts.iter().copied(), false);
        svg.push_str("\"/>");
        // label at the middle of the line, if it is long enough to carry one
        let len: f64 = pts
            .windows(2)
            .map(|w| (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1))
            .sum();
        if len > 0.06 * width {
            let mut acc = 0.0;
            let mut at = pts[0];
            for w in pts.windows(2) {
                acc += (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1);
                if acc >= len / 2.0 {
                    at = w[1];
                    break;
                }
            }
            // keep the label inside the map: anchor it at its end in the east half
            let east = at.0 > width * 0.55;
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{}\" font-size=\"{:.1}\" fill=\"#6b0f0f\" stroke=\"white\" stroke-width=\"3\" stroke-opacity=\"0.85\" paint-order=\"stroke\">{}</text>",
                if east { at.0 - 6.0 } else { at.0 + 6.0 },
                at.1 - 5.0,
                if east { "end" } else { "start" },
                font * 0.95,
                xml_escape(&label)
            );
        }
        svg.push_str("</g>\n");
    }
    svg.push_str("</g>\n");

    // legend
    let ly = top + map_h + 0.035 * width;
    let sw = font * 1.6;
    let _ = writeln!(svg, "<g id=\"legend\" font-size=\"{font:.1}\">");
    let present: Vec<Status> = rings.keys().copied().collect();
    let mut x = margin;
    let mut row = 0.0;
    let mut item = |svg: &mut String, swatch: String, text: String| {
        let w = sw + 8.0 + text.chars().count() as f64 * font * 0.56 + 24.0;
        if x + w > width - margin {
            x = margin;
            row += sw + 10.0;
        }
        let y = ly + row;
        let _ = writeln!(
            svg,
            "<g transform=\"translate({x:.1},{y:.1})\">{swatch}<text x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
            sw + 8.0,
            sw * 0.75,
            xml_escape(&text)
        );
        x += w;
    };
    for st in &present {
        let what = match st {
            Status::Outside => "not covered (Korea, Mongolia, China west of 115.5E)".to_string(),
            Status::Joint => "joint: held in common by both".to_string(),
            Status::Undetermined => "undetermined: left open by the treaty".to_string(),
            _ => format!("{}: {}", st.as_str(), atlas.status_name(*st, date)),
        };
        item(
            &mut svg,
            format!("<rect width=\"{sw:.1}\" height=\"{sw:.1}\" fill=\"{}\" stroke=\"#555\" stroke-width=\"0.5\"/>", fill(*st)),
            what,
        );
    }
    let stroke = |style: &str| {
        format!(
            "<line x1=\"0\" y1=\"{y:.1}\" x2=\"{sw:.1}\" y2=\"{y:.1}\" {style}/>",
            y = sw / 2.0
        )
    };
    item(
        &mut svg,
        stroke("stroke=\"#9e1b1b\" stroke-width=\"2.2\""),
        "treaty line in force".into(),
    );
    item(
        &mut svg,
        stroke("stroke=\"#4f86c6\" stroke-width=\"1.1\""),
        "river (not a border on this date)".into(),
    );
    item(
        &mut svg,
        stroke("stroke=\"#8a6d5a\" stroke-width=\"0.9\" stroke-dasharray=\"2 3\""),
        "treaty line not in force on this date".into(),
    );
    item(
        &mut svg,
        stroke("stroke=\"#5b88b0\" stroke-width=\"0.7\""),
        "coast".into(),
    );
    svg.push_str("</g>\n");

    // scale bar, true along 50°N (mean Earth radius)
    let px_per_km = s / (6371.0088f64.to_radians());
    let km = [100.0, 200.0, 250.0, 500.0, 1000.0]
        .into_iter()
        .rev()
        .find(|k| k * px_per_km <= 0.3 * width)
        .unwrap_or(100.0);
    let bar = km * px_per_km;
    let (bx, by) = (width - margin - bar, height - 0.045 * width);
    let _ = writeln!(
        svg,
        "<g id=\"scale-bar\" font-size=\"{font:.1}\"><rect x=\"{bx:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"5\" fill=\"#333\"/><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"5\" fill=\"white\" stroke=\"#333\"/><text x=\"{bx:.1}\" y=\"{:.1}\">0</text><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{km:.0} km (along 50°N)</text></g>",
        by,
        bar / 2.0,
        bx + bar / 2.0,
        by,
        bar / 2.0,
        by - 6.0,
        bx + bar,
        by - 6.0,
    );
    let _ = writeln!(
        svg,
        "<text id=\"credits\" x=\"{margin:.1}\" y=\"{:.1}\" font-size=\"{:.1}\" fill=\"#666\">nerchinsk map --date {date}: equirectangular, longitudes scaled by cos 50°N. Data: GSHHG/WDBII, Natural Earth, ETOPO5.</text>",
        height - 0.012 * width,
        font * 0.85
    );
    svg.push_str("</svg>\n");
    Ok(svg)
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
            let ts = territories(atlas, date).unwrap();
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
}
