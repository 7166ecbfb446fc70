//! The `nerchinsk` command line's work, apart from its arguments: dates as the command line
//! takes them ([`when`]), one point ([`at`]), files of points ([`classify`]) and maps
//! ([`map`]). The binary (`src/main.rs`) parses the arguments with clap and calls these.

#![forbid(unsafe_code)]

pub mod at;
pub mod classify;
pub mod map;
pub mod serve;
pub mod when;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::sync::OnceLock;

use nerchinsk::readings::Reading;
use nerchinsk::Atlas;

/// The atlas of `reading`: the embedded one, or built once for this process (about 0.1 s) and
/// kept to its end.
pub fn atlas_of(reading: Reading) -> Result<&'static Atlas, String> {
    static BUILT: [OnceLock<Result<Atlas, String>>; Reading::ALL.len()] =
        [const { OnceLock::new() }; Reading::ALL.len()];
    if reading == Reading::Standard {
        return Ok(nerchinsk::data::embedded());
    }
    let i = Reading::ALL
        .iter()
        .position(|r| *r == reading)
        .ok_or_else(|| format!("no reading {}", reading.id()))?;
    BUILT[i]
        .get_or_init(|| Atlas::with_reading(reading).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(Clone::clone)
}

/// The atlas of each embedded region under `reading`, Sino-Russian then Taiwan
/// ([`nerchinsk::data::regions`]): the reading's own atlas for the region it concerns
/// ([`Reading::region`]), the embedded one for the other.
pub fn atlases_of(reading: Reading) -> Result<[&'static Atlas; 2], String> {
    let own = atlas_of(reading)?;
    Ok(nerchinsk::data::regions().map(|a| {
        if a.region_id() == reading.region() {
            own
        } else {
            a
        }
    }))
}

/// The atlas among `atlases` whose frame holds `point`, else the first (whose errors then say
/// what is covered); as [`nerchinsk::data::covering`] does for the embedded regions.
pub fn pick(atlases: &[&'static Atlas], point: geo_types::Point<f64>) -> &'static Atlas {
    atlases
        .iter()
        .skip(1)
        .find(|a| a.frame_holds(point))
        .or(atlases.first())
        .copied()
        .expect("at least one atlas")
}

/// The atlas of the region `region` (`sino_russian` or `taiwan`) under `reading`: an error if
/// the reading concerns another region, so that it is never silently ignored.
pub fn region_atlas(reading: Reading, region: &str) -> Result<&'static Atlas, String> {
    if reading != Reading::Standard && reading.region() != region {
        return Err(format!(
            "the reading {} concerns the region {}, not {region}: add --region {}",
            reading.id(),
            reading.region(),
            reading.region()
        ));
    }
    atlases_of(reading)?
        .into_iter()
        .find(|a| a.region_id() == region)
        .ok_or_else(|| format!("no region {region:?} (sino_russian, taiwan)"))
}

/// A buffered writer to the file `path`, or to stdout for `None` and `-`.
pub fn output(path: Option<&Path>) -> Result<Box<dyn Write>, String> {
    Ok(match path {
        Some(p) if p != Path::new("-") => Box::new(BufWriter::with_capacity(
            1 << 20,
            File::create(p).map_err(|e| format!("{}: {e}", p.display()))?,
        )),
        _ => Box::new(BufWriter::with_capacity(1 << 20, io::stdout().lock())),
    })
}

/// `nerchinsk territories`: the territories on `date` as a GeoJSON FeatureCollection, then,
/// with `band`, the uncertain band of each treaty line in force
/// ([`nerchinsk::Atlas::uncertain_bands_geojson_on`]); one line (or indented with `pretty`),
/// to `path` (stdout for `None` and `-`).
pub fn territories(
    atlas: &nerchinsk::Atlas,
    date: nerchinsk::Date,
    band: bool,
    path: Option<&Path>,
    pretty: bool,
) -> Result<(), String> {
    let mut fc = atlas
        .territories_geojson_on(date)
        .map_err(|e| e.to_string())?;
    if band {
        let bands = atlas
            .uncertain_bands_geojson_on(date)
            .map_err(|e| e.to_string())?;
        fc.features.extend(bands.features);
    }
    write_geojson(&fc, path, pretty)
}

/// `nerchinsk changes`: the land whose status or state differs between `from` and `to`, as a
/// GeoJSON FeatureCollection ([`nerchinsk::Atlas::changes_geojson_between`]), to `path`
/// (stdout for `None` and `-`).
pub fn changes(
    atlas: &nerchinsk::Atlas,
    from: nerchinsk::Date,
    to: nerchinsk::Date,
    path: Option<&Path>,
    pretty: bool,
) -> Result<(), String> {
    let fc = atlas
        .changes_geojson_between(from, to)
        .map_err(|e| e.to_string())?;
    write_geojson(&fc, path, pretty)
}

/// A FeatureCollection as one line of JSON (or indented), to `path` (stdout for `None`, `-`).
fn write_geojson(
    fc: &geojson::FeatureCollection,
    path: Option<&Path>,
    pretty: bool,
) -> Result<(), String> {
    let mut out = output(path)?;
    let werr = |e: io::Error| format!("writing the output: {e}");
    if pretty {
        serde_json::to_writer_pretty(&mut out, fc).map_err(|e| e.to_string())?;
    } else {
        serde_json::to_writer(&mut out, fc).map_err(|e| e.to_string())?;
    }
    writeln!(out).map_err(werr)?;
    out.flush().map_err(werr)
}
