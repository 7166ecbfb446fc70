//! `nerchinsk map`: an SVG map of a date drawn from the core's public geometry
//! ([`Atlas::land_by_status_on`], [`Atlas::lines_on`]), and the same rasterised to PNG by
//! resvg.

use std::path::Path;

use geo_types::{Coord, LineString};
use nerchinsk::territory::LineOnDate;
use nerchinsk::{Atlas, Date, LineKind, Result, Status};

/// Fill colour of a status on the map.
fn fill(status: Status) -> &'static str {
    match status {
        Status::Russia => "#e8a990",
        Status::China => "#f2d67e",
        Status::Joint => "#b9a5de",
        Status::Undetermined => "url(#hatch)",
        Status::Sea => "#d3e5f3",
        Status::Outside => "#e4e4e4",
        Status::Japan => "#f0b8c8",
        Status::Disputed => "#b8d8b0",
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

    /// Projected vertices snapped to the half-pixel grid, consecutive repeats dropped, then the
    /// vertices in the middle of a straight run dropped (those in line with their two
    /// neighbours, which changes no shape). Each vertex lands on the same grid point whatever
    /// ring or line it is drawn in and whichever way that runs, so the territories on either side
    /// of a border share it exactly (no slivers between them after thinning), and a coast drawn
    /// over a territory's edge lies on it. A `closed` ring comes back without its closing
    /// vertex (for a path ended by Z).
    fn thin(&self, cs: &[Coord<f64>], closed: bool) -> Vec<(f64, f64)> {
        // half-pixel units, so the straightness test is exact
        let mut g: Vec<(i64, i64)> = Vec::with_capacity(cs.len() / 4 + 2);
        for &c in cs {
            let (x, y) = self.xy(c);
            let p = ((x * 2.0).round() as i64, (y * 2.0).round() as i64);
            if g.last() != Some(&p) {
                g.push(p);
            }
        }
        if closed {
            while g.len() > 1 && g.first() == g.last() {
                g.pop();
            }
        }
        let n = g.len();
        let straight = |a: (i64, i64), b: (i64, i64), c: (i64, i64)| {
            let (u, v) = ((b.0 - a.0, b.1 - a.1), (c.0 - b.0, c.1 - b.1));
            u.0 * v.1 - u.1 * v.0 == 0 && u.0 * v.0 + u.1 * v.1 > 0
        };
        (0..n)
            .filter(|&i| {
                let ends = !closed && (i == 0 || i + 1 == n);
                ends || n < 3 || !straight(g[(i + n - 1) % n], g[i], g[(i + 1) % n])
            })
            .map(|i| (g[i].0 as f64 / 2.0, g[i].1 as f64 / 2.0))
            .collect()
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

/// The last event on or before `date` that changed the lines in force or moved land from one
/// status to another (a change of state alone, such as a buffer republic's, changes neither).
fn last_line_change(atlas: &Atlas, date: Date) -> Result<&nerchinsk::Event> {
    let events = atlas.events();
    let mut i = events.iter().rposition(|e| e.date <= date).unwrap_or(0);
    while i > 0
        && atlas.lines_in_force_on(events[i].date)?
            == atlas.lines_in_force_on(events[i - 1].date)?
        && atlas.transfers_of(&events[i].id)?.is_empty()
    {
        i -= 1;
    }
    Ok(&events[i])
}

/// An SVG map of `date`, `width` pixels wide: territories filled by status, the treaty lines in
/// force (each a group with id `line-<id>`, labelled by the treaty that put it in force), rivers
/// and lines not in force, coast, Lake Khanka, a graticule, a legend, a scale bar and a title.
///
/// Equirectangular, longitudes scaled by the cosine of the frame's middle latitude (rounded to a
/// degree: 50°N for the Sino-Russian region, 24°N for Taiwan), so the scale is true along it.
/// Errors as
/// [`Atlas::land_by_status_on`] (a date before the first event).
pub fn map_svg(atlas: &Atlas, date: Date, width: f64) -> Result<String> {
    use std::fmt::Write as _;
    let lines = atlas.lines_on(date)?;
    let land = atlas.land_by_status_on(date)?;
    let event = last_line_change(atlas, date)?;
    // who held land on the date, by status: a status may have more than one state (a buffer
    // republic), and a state none (before it held land)
    let mut holders: Vec<(Status, String)> = Vec::new();
    for t in atlas.territories_on(date)? {
        let h = (t.status, t.sovereign.into_owned());
        if !holders.contains(&h) {
            holders.push(h);
        }
    }
    let frame = atlas.frame();
    let (lo, hi) = (frame.min(), frame.max());
    let lat0 = ((lo.y + hi.y) / 2.0).round();
    let kx = lat0.to_radians().cos();
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
    // rings thinned to less than a triangle (islands under a pixel) left out
    let ring_path = |out: &mut String, ring: &LineString<f64>| {
        let pts = proj.thin(&ring.0, true);
        if pts.len() >= 3 {
            path_data(out, pts, true);
        }
    };

    let mut svg = String::with_capacity(1 << 20);
    let _ = write!(
        svg,
        r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">
<title>{title} on {date_long}</title>
<defs>
<pattern id="hatch" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)"><rect width="8" height="8" fill="#efe6cf"/><line x1="0" y1="0" x2="0" y2="8" stroke="#b59b6a" stroke-width="3"/></pattern>
<clipPath id="frame"><rect x="{mx:.1}" y="{top:.1}" width="{mw:.1}" height="{map_h:.1}"/></clipPath>
</defs>
<rect width="100%" height="100%" fill="white"/>
<text id="title" x="{mx:.1}" y="{ty:.1}" font-size="{tf:.1}" font-weight="bold">{title} on {date_long}</text>
<text id="subtitle" x="{mx:.1}" y="{sy:.1}" font-size="{sf:.1}" fill="#444">In force since the {ev} ({evd}).{names}</text>
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
        title = xml_escape(&atlas.map_style().title),
        // the states that held land, by name; none where every holding is shared (Taiwan after 1945)
        names = match atlas
            .states()
            .iter()
            .map(|s| (s.label.as_str(), s.name_on(date)))
            .filter(|(_, name)| holders.iter().any(|(_, h)| h == name))
            .map(|(label, name)| match label == name {
                true => name.to_string(),
                false => format!("{label}: {name}"),
            })
            .collect::<Vec<_>>()
            .join("; ")
        {
            n if n.is_empty() => String::new(),
            n => format!(" {}.", xml_escape(&n)),
        },
        sea = fill(Status::Sea),
    );

    // territories by status (land outside the covered area too), one path each
    svg.push_str("<g id=\"territories\" stroke=\"none\">\n");
    for (status, polygons) in &land {
        let _ = write!(
            svg,
            "<path id=\"status-{}\" fill=\"{}\" fill-rule=\"nonzero\" d=\"",
            status.as_str(),
            fill(*status)
        );
        for p in polygons {
            for r in std::iter::once(p.exterior()).chain(p.interiors()) {
                ring_path(&mut svg, r);
            }
        }
        svg.push_str("\"/>\n");
    }
    svg.push_str("</g>\n");

    // Lake Khanka, from the reference lines
    if let Ok(geojson::GeoJson::FeatureCollection(fc)) =
        nerchinsk::data::REFERENCE_GEOJSON.parse::<geojson::GeoJson>()
    {
        for f in &fc.features {
            let id = f
                .property("id")
                .and_then(|v| v.as_str())
                .unwrap_or_default();
            if !atlas.map_style().lakes.iter().any(|l| l == id) {
                continue;
            }
            if let Some(geojson::Value::LineString(cs)) = f.geometry.as_ref().map(|g| &g.value) {
                let cs: Vec<Coord<f64>> = cs.iter().map(|c| Coord { x: c[0], y: c[1] }).collect();
                let _ = write!(svg, "<path id=\"lake-{}\" fill=\"#d3e5f3\" stroke=\"#5b88b0\" stroke-width=\"0.6\" d=\"", xml_escape(id));
                path_data(&mut svg, proj.thin(&cs, true), true);
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
    let line_path =
        |svg: &mut String, cs: &[Coord<f64>]| path_data(svg, proj.thin(cs, false), false);
    svg.push_str("<g id=\"coast\" fill=\"none\" stroke=\"#5b88b0\" stroke-width=\"0.7\">\n");
    for l in lines
        .iter()
        .map(|l| l.line)
        .filter(|l| l.kind == LineKind::Coast)
    {
        let _ = write!(svg, "<path id=\"coast-{}\" d=\"", xml_escape(&l.id));
        line_path(&mut svg, &l.geometry.0);
        svg.push_str("\"/>\n");
    }
    svg.push_str("</g>\n<g id=\"other-lines\" fill=\"none\">\n");
    for LineOnDate {
        line: l,
        in_force_since,
    } in &lines
    {
        let in_force = in_force_since.is_some();
        let river = atlas.map_style().rivers.contains(&l.id);
        let style = match l.kind {
            LineKind::Edge => "stroke=\"#777\" stroke-width=\"0.8\" stroke-dasharray=\"4 3\"",
            // a line that always cuts the land while no treaty has it in force (Kyakhta before 1727)
            LineKind::Border if !in_force && l.coverage_edge => {
                "stroke=\"#777\" stroke-width=\"0.8\" stroke-dasharray=\"4 3\""
            }
            LineKind::Border if !in_force && river => "stroke=\"#4f86c6\" stroke-width=\"1.1\"",
            LineKind::Border if !in_force => {
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

    // the uncertain band: each line in force as wide as its accuracy either side, where an
    // answer is not certain in space (scale true along 50°N, mean Earth radius)
    let px_per_km = s / 6371.0088f64.to_radians();
    svg.push_str("<g id=\"uncertain-band\" fill=\"none\" stroke=\"#e8a33d\" stroke-opacity=\"0.45\" stroke-linecap=\"round\" stroke-linejoin=\"round\">\n");
    for l in lines.iter().filter(|l| l.in_force_since.is_some()) {
        let _ = write!(
            svg,
            "<path id=\"band-{}\" stroke-width=\"{:.2}\" d=\"",
            xml_escape(&l.line.id),
            2.0 * l.line.accuracy_km * px_per_km
        );
        path_data(&mut svg, proj.thin(&l.line.geometry.0, false), false);
        svg.push_str("\"/>\n");
    }
    svg.push_str("</g>\n");

    // the treaty lines in force, labelled by the treaty that put each in force
    svg.push_str("<g id=\"lines-in-force\">\n");
    for (l, ev) in lines
        .iter()
        .filter_map(|l| Some((l.line, l.in_force_since?)))
    {
        let label = format!("{} ({})", ev.name, ev.date.year);
        let pts = proj.thin(&l.geometry.0, false);
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
    let present: Vec<Status> = land.iter().map(|(s, _)| *s).collect();
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
            Status::Outside => atlas.map_style().outside.clone(),
            Status::Joint => "joint: held in common by both".to_string(),
            Status::Undetermined => "undetermined: left open by the treaty".to_string(),
            Status::Disputed => {
                "disputed: held by one state, its title disputed (the answers name who administers and who claims)"
                    .to_string()
            }
            _ => {
                let names: Vec<&str> = holders
                    .iter()
                    .filter(|(s, _)| s == st)
                    .map(|(_, name)| name.as_str())
                    .collect();
                format!("{}: {}", st.as_str(), names.join(", "))
            }
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
    // a region without treaty lines (Taiwan) has none of these to show
    if atlas.lines().iter().any(|l| l.kind == LineKind::Border) {
        item(
            &mut svg,
            stroke("stroke=\"#9e1b1b\" stroke-width=\"2.2\""),
            "treaty line in force".into(),
        );
        item(
            &mut svg,
            stroke("stroke=\"#e8a33d\" stroke-opacity=\"0.45\" stroke-width=\"6\""),
            "uncertain: within a line's accuracy".into(),
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
    }
    item(
        &mut svg,
        stroke("stroke=\"#5b88b0\" stroke-width=\"0.7\""),
        "coast".into(),
    );
    svg.push_str("</g>\n");

    // scale bar, true along the standard parallel (mean Earth radius)
    let km = [10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0]
        .into_iter()
        .rev()
        .find(|k| k * px_per_km <= 0.3 * width)
        .unwrap_or(100.0);
    let bar = km * px_per_km;
    let (bx, by) = (width - margin - bar, height - 0.045 * width);
    let _ = writeln!(
        svg,
        "<g id=\"scale-bar\" font-size=\"{font:.1}\"><rect x=\"{bx:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"5\" fill=\"#333\"/><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"5\" fill=\"white\" stroke=\"#333\"/><text x=\"{bx:.1}\" y=\"{:.1}\">0</text><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{km:.0} km (along {lat0}°N)</text></g>",
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
        "<text id=\"credits\" x=\"{margin:.1}\" y=\"{:.1}\" font-size=\"{:.1}\" fill=\"#666\">nerchinsk map --date {date}: equirectangular, longitudes scaled by cos {lat0}°N. Data: {data}.</text>",
        height - 0.012 * width,
        font * 0.85,
        data = match atlas.map_style().data.as_str() {
            "" => "GSHHG/WDBII, Natural Earth, ETOPO5",
            d => d,
        },
    );
    svg.push_str("</svg>\n");
    Ok(svg)
}

/// `nerchinsk map`: the map of `date`, `width` pixels wide, written to `path` as SVG or, for a
/// name ending in .png, rasterised to PNG.
pub fn write_map(
    atlas: &Atlas,
    date: Date,
    width: f64,
    path: &Path,
) -> std::result::Result<(), String> {
    if !(100.0..=20000.0).contains(&width) {
        return Err(format!(
            "--width {width} is not between 100 and 20000 pixels"
        ));
    }
    let svg = map_svg(atlas, date, width).map_err(|e| e.to_string())?;
    let out = path.display();
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("svg") => {
            std::fs::write(path, svg).map_err(|e| format!("{out}: {e}"))
        }
        Some(e) if e.eq_ignore_ascii_case("png") => {
            let png = render_png(&svg)?;
            std::fs::write(path, png).map_err(|e| format!("{out}: {e}"))
        }
        _ => Err(format!("{out}: name the file .svg or .png")),
    }
}

/// The SVG map rasterised by resvg, text in the system's fonts (labels are left out if the
/// machine has none, the map itself is not). resvg 0.49 drew nothing of the group clipped to
/// the frame (territories, sea, coast: checked by eye and by tests/cli.rs), so the PNG is drawn
/// without that clip; every line lies inside the frame anyway.
pub fn render_png(svg: &str) -> std::result::Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut opt = usvg::Options::default();
    opt.fontdb_mut().load_system_fonts();
    let svg = &svg.replace(r#" clip-path="url(#frame)""#, "");
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| format!("rendering the map: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| format!("a {}x{} image is too large", size.width(), size.height()))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| format!("encoding the PNG: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use nerchinsk::data::embedded;

    fn proj() -> Proj {
        Proj {
            lon0: 105.5,
            lat1: 57.5,
            kx: 50f64.to_radians().cos(),
            s: 25.0,
            left: 35.0,
            top: 90.0,
        }
    }

    #[test]
    fn thinning_does_not_depend_on_the_direction() {
        // a wiggly line, some vertices closer than a pixel
        let cs: Vec<Coord<f64>> = (0..500)
            .map(|i| {
                let t = i as f64 * 0.013;
                Coord {
                    x: 120.0 + t,
                    y: 50.0 + (t * 7.0).sin() * 0.3,
                }
            })
            .collect();
        let p = proj();
        let forward = p.thin(&cs, false);
        let mut backward = p.thin(&cs.iter().rev().copied().collect::<Vec<_>>(), false);
        backward.reverse();
        assert_eq!(forward, backward);
        assert!(forward.len() < cs.len() && forward.len() > 20);
        assert!(forward.windows(2).all(|w| w[0] != w[1]));
        assert_eq!(forward[0], p.thin(&cs[..1], false)[0]);
        // as a ring: the same vertices whichever vertex it starts at and whichever way it runs
        let mut ring = cs.clone();
        ring.push(cs[0]);
        let one = p.thin(&ring, true);
        let mut other: Vec<Coord<f64>> =
            cs[200..].iter().chain(&cs[..=200]).rev().copied().collect();
        other.dedup();
        let mut two = p.thin(&other, true);
        two.reverse();
        let at = two.iter().position(|q| *q == one[0]).unwrap();
        two.rotate_left(at);
        assert_eq!(one, two);
        // a straight run keeps its ends only
        let straight = [
            Coord { x: 110.0, y: 50.0 },
            Coord { x: 111.0, y: 50.0 },
            Coord { x: 112.0, y: 50.0 },
        ];
        assert_eq!(p.thin(&straight, false).len(), 2);
    }

    #[test]
    fn the_map_draws_every_status_and_line_in_force() {
        let atlas = embedded();
        let date = Date::end_of_year(1859);
        let svg = map_svg(atlas, date, 800.0).unwrap();
        for (status, _) in atlas.land_by_status_on(date).unwrap() {
            assert!(
                svg.contains(&format!("id=\"status-{}\"", status.as_str())),
                "{status}"
            );
        }
        for id in atlas.lines_in_force_on(date).unwrap() {
            assert!(svg.contains(&format!("id=\"line-{id}\"")), "{id}");
        }
        assert!(svg.contains("Treaty of Aigun"));
        assert!(map_svg(atlas, Date::end_of_year(1600), 800.0).is_err());
    }

    /// The uncertain band is as wide as each line's accuracy either side: the Stanovoy crest
    /// (10 km) ten times the Amur (1 km).
    #[test]
    fn the_uncertain_band_is_as_wide_as_the_accuracy() {
        let svg = map_svg(embedded(), Date::end_of_year(1700), 800.0).unwrap();
        let width = |id: &str| -> f64 {
            let at = svg
                .find(&format!("id=\"band-{id}\" stroke-width=\""))
                .unwrap();
            let rest = &svg[at..];
            let from = rest.find("stroke-width=\"").unwrap() + "stroke-width=\"".len();
            rest[from..from + rest[from..].find('"').unwrap()]
                .parse()
                .unwrap()
        };
        let (crest, argun) = (width("stanovoy_crest"), width("argun"));
        assert!(
            argun > 0.0 && (crest / argun - 10.0).abs() < 0.1,
            "{crest} {argun}"
        );
        // not drawn for a line out of force
        assert!(!svg.contains("id=\"band-amur_upper\""));
    }

    #[test]
    fn the_map_names_the_states_that_held_land_and_the_last_line_change() {
        let svg = map_svg(embedded(), Date::end_of_year(1921), 800.0).unwrap();
        // the Far Eastern Republic held the Russian side; the RSFSR held none of the frame
        assert!(svg.contains("russia: Far Eastern Republic<"), "legend");
        assert!(!svg.contains("Russian Socialist Federative Soviet Republic"));
        // the republic's proclamation moved no line
        assert!(svg.contains("In force since the Qiqihar (Manzhouli) agreement (1911-12-20)"));
        let svg = map_svg(embedded(), Date::end_of_year(1950), 800.0).unwrap();
        assert!(svg.contains("In force since the Republic of China recognises"));
    }
}
