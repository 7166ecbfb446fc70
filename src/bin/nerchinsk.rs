//! `nerchinsk`: which state held a point on a date, for one point (`at`), for a file of points
//! (`classify`), and the territories of a date as GeoJSON (`territories`) or an SVG map (`map`).

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand, ValueEnum};
use geo_types::Point;
use indicatif::{ProgressBar, ProgressStyle};
use nerchinsk::readings::Reading;
use nerchinsk::{data::embedded, export, Atlas, Date, Error};
use rayon::prelude::*;

const EXAMPLES: &str = "\
Examples:
  nerchinsk at 124.0775 53.39056 1700
  nerchinsk at 124.0775 53.39056 1700-01-01 --json
  nerchinsk classify records.csv --lon longitude --lat latitude --year 1700 -o out.csv
  nerchinsk classify records.csv --year-column date --no-distance > out.csv
  nerchinsk classify gazetteer.geojson --year 1859 -o classified.geojson
  nerchinsk territories --year 1859 -o territories-1859.geojson
  nerchinsk map --year 1861 -o map-1861.svg

Coordinates are WGS84 degrees, longitude first. A bare year means 31 December of that year, so
1858 is after the Treaty of Aigun; a date YYYY-MM-DD is proleptic Gregorian. Only the mainland
between 105.5E and 141.8E, 42.25N and 57.5N is covered (no Korea, Mongolia, China west of 115.5E
or offshore islands).";

#[derive(Parser)]
#[command(
    name = "nerchinsk",
    version,
    about = "Where the Sino-Russian border ran since 1689, and which state held a point on a date",
    after_help = EXAMPLES,
    allow_negative_numbers = true
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
    /// Which reading of the disputed clauses to use: standard (the Little Gorbitsa, the embedded
    /// data) or great_gorbitsa (the Amazar; see README, "Competing readings")
    #[arg(long, global = true, value_enum, default_value_t = ReadingArg::Standard)]
    reading: ReadingArg,
}

/// `--reading`: the readings of `nerchinsk::readings`, by their ids.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReadingArg {
    #[value(name = "standard")]
    Standard,
    #[value(name = "great_gorbitsa")]
    GreatGorbitsa,
}

/// The atlas of a reading: the embedded one, or built once for this run (about 0.1 s).
fn atlas_of(reading: ReadingArg) -> Result<&'static Atlas, String> {
    match reading {
        ReadingArg::Standard => Ok(embedded()),
        ReadingArg::GreatGorbitsa => Atlas::with_reading(Reading::GreatGorbitsa)
            .map(|a| &*Box::leak(Box::new(a)))
            .map_err(|e| e.to_string()),
    }
}

#[derive(Subcommand)]
enum Cmd {
    /// Which state held one point on a date, and how far the nearest treaty line was
    #[command(
        allow_negative_numbers = true,
        after_help = "\
Examples:
  nerchinsk at 124.0775 53.39056 1700
      124.0775, 53.39056 on 1700-12-31: Qing Empire (china), set by the Treaty of Nerchinsk; ...
  nerchinsk at 131.8853 43.115 1860-11-14 --json
      {\"status\":\"russia\",\"sovereign\":\"Russian Empire\",\"treaty\":\"Convention of Peking\",...}

Errors (not a number, out of range, at sea, outside the covered area, before 1689, a date
that does not exist) are one line on stderr and a non-zero exit."
    )]
    At(AtArgs),
    /// Classify every point of a CSV or GeoJSON file: adds status, sovereign, treaty, distance_km
    #[command(after_help = CLASSIFY_HELP)]
    Classify(ClassifyArgs),
    /// The territories on a date as a GeoJSON FeatureCollection of polygons (RFC 7946)
    #[command(after_help = "\
Examples:
  nerchinsk territories --year 1859 -o territories-1859.geojson
  nerchinsk territories --date 1860-11-13 | ogr2ogr out.gpkg /vsistdin/

One Polygon feature per connected territory of one status that has held since one event, with
the properties status, sovereign, since (the date of that event), treaty (its name), event (its
id), date and area_km2 (geodesic, WGS84). Exterior rings run counter-clockwise and holes
clockwise (RFC 7946). Sea and land outside the covered area have no feature.")]
    Territories(TerritoriesArgs),
    /// An SVG map of a date: territories by status, the treaty lines in force, coast and rivers
    #[command(after_help = "\
Examples:
  nerchinsk map --year 1700 -o map-1700.svg
  nerchinsk map --date 1860-11-13 --width 1400 -o map.svg
  nerchinsk map --year 1859 -o map-1859.png

The map is equirectangular with longitudes scaled by cos 50N (true scale along 50N, where the
scale bar is measured). Each line in force is an SVG group with id line-<id> (e.g.
line-amur_upper), labelled by the treaty that put it in force.")]
    Map(MapArgs),
}

#[derive(Args)]
struct AtArgs {
    /// Longitude, WGS84 degrees (e.g. 127.53)
    #[arg(allow_hyphen_values = true)]
    lon: String,
    /// Latitude, WGS84 degrees (e.g. 50.25)
    #[arg(allow_hyphen_values = true)]
    lat: String,
    /// A year (taken as at 31 December) or a date YYYY-MM-DD (Gregorian)
    when: String,
    /// Print one JSON object instead of a sentence
    #[arg(long)]
    json: bool,
}

const CLASSIFY_HELP: &str = "\
Examples:
  nerchinsk classify records.csv --lon longitude --lat latitude --year 1700 -o out.csv
  nerchinsk classify records.csv --year-column date -o out.csv
  nerchinsk classify points.geojson --year 1859 -o out.geojson
  cat records.csv | nerchinsk classify - --year 1900 --no-distance > out.csv

Output: every input row (or feature) in input order, with the columns (or properties) status,
sovereign, treaty and distance_km added. status is russia, china, joint or undetermined; for a
row that cannot be classified it is error:<reason>, the other added columns are empty (null in
GeoJSON) and the row is reported on stderr with its line number (feature number for GeoJSON), so
rows in = rows out. Reasons: missing, not_a_number, not_finite, out_of_range, at_sea, outside,
bad_year, before_coverage, field_count, not_a_point. distance_km is the distance to the nearest
treaty line in force (haversine, km); --no-distance leaves it empty and runs several times faster.

The input is read in chunks (--chunk-rows) classified on every core (RAYON_NUM_THREADS to limit)
and written in order, so memory stays constant whatever the size of the file. A progress bar is
shown on stderr when it is a terminal.";

#[derive(Args)]
struct ClassifyArgs {
    /// Input file, CSV with a header row or a GeoJSON FeatureCollection of points; - for stdin
    input: PathBuf,
    /// Output file (default: stdout); same format as the input
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Input format (default: geojson for .geojson and .json files, else csv)
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// CSV column of the longitude (WGS84 degrees)
    #[arg(long, value_name = "COL", default_value = "lon")]
    lon: String,
    /// CSV column of the latitude (WGS84 degrees)
    #[arg(long, value_name = "COL", default_value = "lat")]
    lat: String,
    /// One year (as at 31 December) or date YYYY-MM-DD for every row
    #[arg(
        long,
        value_name = "YEAR",
        conflicts_with = "year_column",
        required_unless_present = "year_column",
        allow_hyphen_values = true
    )]
    year: Option<String>,
    /// Column (GeoJSON: property) giving each row's year or YYYY-MM-DD date
    #[arg(long, value_name = "COL")]
    year_column: Option<String>,
    /// CSV field delimiter (input and output)
    #[arg(long, default_value = ",", value_name = "CHAR")]
    delimiter: char,
    /// Leave distance_km empty: skips the nearest-line search, the costly part
    #[arg(long)]
    no_distance: bool,
    /// Stop at the first row that cannot be classified, with a non-zero exit
    #[arg(long)]
    strict: bool,
    /// Rows read and classified at a time (memory is proportional to it)
    #[arg(long, default_value_t = 65536, value_name = "N")]
    chunk_rows: usize,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Format {
    Csv,
    Geojson,
}

#[derive(Args)]
struct When {
    /// A year, taken as at 31 December (or a date YYYY-MM-DD)
    #[arg(
        long,
        value_name = "YEAR",
        required_unless_present = "date",
        conflicts_with = "date"
    )]
    year: Option<String>,
    /// A date YYYY-MM-DD (proleptic Gregorian)
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
}

impl When {
    fn date(&self) -> Result<Date, String> {
        match (&self.year, &self.date) {
            (Some(y), _) => parse_when(y),
            (None, Some(d)) => Date::parse(d).map_err(|e| e.to_string()),
            (None, None) => Err("give --year or --date".into()),
        }
    }
}

#[derive(Args)]
struct TerritoriesArgs {
    #[command(flatten)]
    when: When,
    /// Output file (default: stdout)
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Indent the JSON
    #[arg(long)]
    pretty: bool,
}

#[derive(Args)]
struct MapArgs {
    #[command(flatten)]
    when: When,
    /// Output SVG file
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// Width of the map in pixels (the height follows)
    #[arg(long, default_value_t = 1000.0)]
    width: f64,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind::*;
            if matches!(
                e.kind(),
                DisplayHelp | DisplayVersion | DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                let _ = e.print();
                return if e.kind() == DisplayHelpOnMissingArgumentOrSubcommand {
                    ExitCode::from(2)
                } else {
                    ExitCode::SUCCESS
                };
            }
            let text = e.render().to_string();
            eprint!(
                "nerchinsk: {}",
                text.strip_prefix("error: ").unwrap_or(&text)
            );
            return ExitCode::from(2);
        }
    };
    let result = atlas_of(cli.reading).and_then(|atlas| match cli.cmd {
        Cmd::At(a) => at(atlas, &a).map(|line| println!("{line}")),
        Cmd::Classify(a) => classify(atlas, &a),
        Cmd::Territories(a) => territories(atlas, &a),
        Cmd::Map(a) => map(atlas, &a),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("nerchinsk: {msg}");
            ExitCode::FAILURE
        }
    }
}

/// A year (as at 31 December) or a date YYYY-MM-DD.
fn parse_when(when: &str) -> Result<Date, String> {
    let when = when.trim();
    if when.contains('-') && !when.starts_with('-') {
        Date::parse(when).map_err(|e| e.to_string())
    } else {
        when.parse()
            .map(Date::end_of_year)
            .map_err(|_| format!("year {when:?} is not a whole number or a date YYYY-MM-DD"))
    }
}

fn at(atlas: &Atlas, a: &AtArgs) -> Result<String, String> {
    let num = |s: &str, what: &str| {
        s.parse::<f64>()
            .map_err(|_| format!("{what} {s:?} is not a number"))
    };
    let (lon, lat) = (num(&a.lon, "longitude")?, num(&a.lat, "latitude")?);
    let date = parse_when(&a.when)?;
    let s = atlas
        .sovereignty_on(Point::new(lon, lat), date)
        .map_err(|e| e.to_string())?;
    let near = atlas
        .nearest_border_on(Point::new(lon, lat), date)
        .map_err(|e| e.to_string())?;
    Ok(if a.json {
        let c = nerchinsk::control::embedded()
            .control_on(atlas, Point::new(lon, lat), date)
            .map_err(|e| e.to_string())?;
        serde_json::json!({
            "status": s.status.as_str(), "sovereign": s.sovereign, "treaty": s.treaty,
            "distance_km": (near.distance_km * 1000.0).round() / 1000.0, "nearest_line": near.line,
            "lon": lon, "lat": lat, "year": date.year, "date": date.to_string(),
            "control": {"controller": c.controller, "side": c.side.map(|s| s.as_str()),
                        "area": c.area, "claimed_by": c.claimed_by, "reason": c.reason},
        })
        .to_string()
    } else {
        format!(
            "{lon}, {lat} on {date}: {} ({}), set by the {}; {:.1} km from the {} line",
            s.sovereign, s.status, s.treaty, near.distance_km, near.line
        )
    })
}

fn output(path: Option<&Path>) -> Result<Box<dyn Write>, String> {
    Ok(match path {
        Some(p) if p != Path::new("-") => Box::new(BufWriter::with_capacity(
            1 << 20,
            File::create(p).map_err(|e| format!("{}: {e}", p.display()))?,
        )),
        _ => Box::new(BufWriter::with_capacity(1 << 20, io::stdout().lock())),
    })
}

fn territories(atlas: &Atlas, a: &TerritoriesArgs) -> Result<(), String> {
    let date = a.when.date()?;
    let fc = export::territories_geojson(atlas, date).map_err(|e| e.to_string())?;
    let mut out = output(a.output.as_deref())?;
    let werr = |e: io::Error| format!("writing the output: {e}");
    if a.pretty {
        serde_json::to_writer_pretty(&mut out, &fc).map_err(|e| e.to_string())?;
    } else {
        serde_json::to_writer(&mut out, &fc).map_err(|e| e.to_string())?;
    }
    writeln!(out).map_err(werr)?;
    out.flush().map_err(werr)
}

fn map(atlas: &Atlas, a: &MapArgs) -> Result<(), String> {
    let date = a.when.date()?;
    if !(100.0..=20000.0).contains(&a.width) {
        return Err(format!(
            "--width {} is not between 100 and 20000 pixels",
            a.width
        ));
    }
    let svg = export::map_svg(atlas, date, a.width).map_err(|e| e.to_string())?;
    let out = a.output.display();
    match a.output.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("svg") => {
            std::fs::write(&a.output, svg).map_err(|e| format!("{out}: {e}"))
        }
        Some(e) if e.eq_ignore_ascii_case("png") => {
            let png = render_png(&svg)?;
            std::fs::write(&a.output, png).map_err(|e| format!("{out}: {e}"))
        }
        _ => Err(format!("{out}: name the file .svg or .png")),
    }
}

/// The SVG map rasterised by resvg, text in the system's fonts (labels are left out if the
/// machine has none, the map itself is not). resvg 0.49 drew nothing of the group clipped to
/// the frame (territories, sea, coast: checked by eye and by tests/cli.rs), so the PNG is drawn
/// without that clip; every line lies inside the frame anyway.
fn render_png(svg: &str) -> Result<Vec<u8>, String> {
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

// ---------------------------------------------------------------------------------------------
// classify

/// Why a row could not be classified: a short code for the status column and a sentence.
struct Bad {
    code: &'static str,
    message: String,
}

impl Bad {
    fn new(code: &'static str, message: impl Into<String>) -> Self {
        Bad {
            code,
            message: message.into(),
        }
    }
}

fn error_code(e: &Error) -> &'static str {
    match e {
        Error::NotFinite { .. } => "not_finite",
        Error::LongitudeOutOfRange(_) | Error::LatitudeOutOfRange(_) => "out_of_range",
        Error::AtSea { .. } => "at_sea",
        Error::OutsideCoverage { .. } => "outside",
        Error::BeforeCoverage { .. } => "before_coverage",
        Error::InvalidDate(_) => "bad_year",
        _ => "error",
    }
}

/// The added columns of a classified row.
struct Answer<'a> {
    status: &'static str,
    sovereign: Cow<'a, str>,
    treaty: &'a str,
    distance_km: Option<f64>,
}

fn classify_point(
    atlas: &Atlas,
    lon: f64,
    lat: f64,
    date: Date,
    distance: bool,
) -> Result<Answer<'_>, Bad> {
    let p = Point::new(lon, lat);
    let s = atlas
        .sovereignty_on(p, date)
        .map_err(|e| Bad::new(error_code(&e), e.to_string()))?;
    let distance_km = if distance {
        Some(
            atlas
                .nearest_border_on(p, date)
                .map_err(|e| Bad::new(error_code(&e), e.to_string()))?
                .distance_km,
        )
    } else {
        None
    };
    Ok(Answer {
        status: s.status.as_str(),
        sovereign: Cow::from(s.sovereign),
        treaty: s.treaty,
        distance_km,
    })
}

fn parse_coord(field: Option<&[u8]>, what: &str) -> Result<f64, Bad> {
    let Some(raw) = field else {
        return Err(Bad::new("missing", format!("no {what} field")));
    };
    let text = String::from_utf8_lossy(raw);
    let t = text.trim();
    if t.is_empty() {
        return Err(Bad::new("missing", format!("{what} is empty")));
    }
    t.parse::<f64>()
        .map_err(|_| Bad::new("not_a_number", format!("{what} {t:?} is not a number")))
}

fn parse_row_date(raw: Option<&[u8]>, col: &str) -> Result<Date, Bad> {
    let Some(raw) = raw else {
        return Err(Bad::new("missing", format!("no {col:?} field")));
    };
    let text = String::from_utf8_lossy(raw);
    if text.trim().is_empty() {
        return Err(Bad::new("missing", format!("{col:?} is empty")));
    }
    parse_when(&text).map_err(|m| Bad::new("bad_year", format!("{col:?}: {m}")))
}

/// What stays fixed for the whole run.
struct Job<'a> {
    atlas: &'a Atlas,
    date: Option<Date>,
    distance: bool,
}

fn progress(total_bytes: Option<u64>) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    match total_bytes {
        Some(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template(
                "{elapsed_precise} [{wide_bar}] {percent:>3}% {msg} (eta {eta})",
            )
            .unwrap(),
        ),
        None => ProgressBar::new_spinner()
            .with_style(ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}").unwrap()),
    }
}

/// Counts and the error reports of one run.
struct Tally {
    rows: u64,
    bad: u64,
    strict: bool,
    bar: ProgressBar,
}

impl Tally {
    /// Add a bad row to the chunk's report `buf`; in strict mode, the error that ends the run.
    fn report(&mut self, buf: &mut String, what: &str, n: u64, bad: &Bad) -> Result<(), String> {
        use std::fmt::Write as _;
        self.bad += 1;
        if self.strict {
            self.flush(buf);
            return Err(format!(
                "{what} {n}: {}: {} (--strict)",
                bad.code, bad.message
            ));
        }
        let _ = writeln!(buf, "nerchinsk: {what} {n}: {}: {}", bad.code, bad.message);
        Ok(())
    }

    /// Write a chunk's report on stderr in one go, around the progress bar.
    fn flush(&self, buf: &mut String) {
        if !buf.is_empty() {
            self.bar.suspend(|| {
                let mut e = io::stderr().lock();
                let _ = e.write_all(buf.as_bytes());
                let _ = e.flush();
            });
            buf.clear();
        }
    }
}

fn classify(atlas: &'static Atlas, a: &ClassifyArgs) -> Result<(), String> {
    let start = Instant::now();
    let stdin = a.input == Path::new("-");
    let format = a
        .format
        .unwrap_or_else(|| match a.input.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("geojson") || e.eq_ignore_ascii_case("json") => {
                Format::Geojson
            }
            _ => Format::Csv,
        });
    let date = a.year.as_deref().map(parse_when).transpose()?;
    if a.chunk_rows == 0 {
        return Err("--chunk-rows must be at least 1".into());
    }
    let (input, total): (Box<dyn Read>, Option<u64>) = if stdin {
        (Box::new(io::stdin().lock()), None)
    } else {
        let f = File::open(&a.input).map_err(|e| format!("{}: {e}", a.input.display()))?;
        let len = f.metadata().ok().map(|m| m.len());
        (Box::new(f), len)
    };
    let input = BufReader::with_capacity(1 << 20, input);
    let out = output(a.output.as_deref())?;
    let job = Job {
        atlas,
        date,
        distance: !a.no_distance,
    };
    let mut tally = Tally {
        rows: 0,
        bad: 0,
        strict: a.strict,
        bar: progress(if format == Format::Csv { total } else { None }),
    };
    match format {
        Format::Csv => classify_csv(a, &job, input, out, &mut tally)?,
        Format::Geojson => classify_geojson(a, &job, input, out, &mut tally)?,
    }
    tally.bar.finish_and_clear();
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "nerchinsk: {} rows classified, {} bad, in {:.2} s ({:.0} rows/s)",
        tally.rows,
        tally.bad,
        secs,
        tally.rows as f64 / secs.max(1e-9)
    );
    Ok(())
}

/// A formatted piece of a chunk and its bad rows (line number, why).
type Piece = (Vec<u8>, Vec<(u64, Bad)>);

fn classify_csv(
    a: &ClassifyArgs,
    job: &Job,
    input: impl Read,
    mut out: Box<dyn Write>,
    tally: &mut Tally,
) -> Result<(), String> {
    if !a.delimiter.is_ascii() {
        return Err(format!(
            "--delimiter {:?} is not one ASCII character",
            a.delimiter
        ));
    }
    let delim = a.delimiter as u8;
    let werr = |e: io::Error| format!("writing the output: {e}");
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delim)
        .flexible(true)
        .from_reader(input);
    let headers = rdr
        .byte_headers()
        .map_err(|e| format!("reading the header row: {e}"))?
        .clone();
    let col = |name: &str, flag: &str| {
        headers
            .iter()
            .position(|h| h == name.as_bytes())
            .ok_or_else(|| {
                let have: Vec<String> = headers
                    .iter()
                    .map(|h| String::from_utf8_lossy(h).into_owned())
                    .collect();
                format!("no column {name:?} ({flag}); the header has {have:?}")
            })
    };
    let lon_i = col(&a.lon, "--lon")?;
    let lat_i = col(&a.lat, "--lat")?;
    let year_i = match &a.year_column {
        Some(c) => Some(col(c, "--year-column")?),
        None => None,
    };
    let width = headers.len();
    let mut hw = csv::WriterBuilder::new()
        .delimiter(delim)
        .from_writer(Vec::new());
    hw.write_record(
        headers
            .iter()
            .chain(["status", "sovereign", "treaty", "distance_km"].map(str::as_bytes)),
    )
    .map_err(|e| e.to_string())?;
    out.write_all(&hw.into_inner().map_err(|e| e.to_string())?)
        .map_err(werr)?;

    let mut chunk: Vec<csv::ByteRecord> = Vec::new();
    loop {
        // read a chunk, reusing the records
        let mut n = 0;
        while n < a.chunk_rows {
            if n == chunk.len() {
                chunk.push(csv::ByteRecord::new());
            }
            match rdr.read_byte_record(&mut chunk[n]) {
                Ok(true) => n += 1,
                Ok(false) => break,
                Err(e) => return Err(format!("reading the CSV: {e}")),
            }
        }
        if n == 0 {
            break;
        }
        let rows = &chunk[..n];
        // classify and format in parallel, in pieces that keep their order
        let pieces: Vec<Piece> = rows
            .par_chunks(1024)
            .map(|piece| {
                let mut w = csv::WriterBuilder::new()
                    .delimiter(delim)
                    .flexible(true)
                    .has_headers(false)
                    .from_writer(Vec::with_capacity(piece.len() * 80));
                let mut bad = Vec::new();
                let mut dist = String::new();
                for rec in piece {
                    let line = rec.position().map_or(0, |p| p.line());
                    let answer = (|| {
                        if rec.len() != width {
                            return Err(Bad::new(
                                "field_count",
                                format!("{} fields, the header has {width}", rec.len()),
                            ));
                        }
                        let lon = parse_coord(rec.get(lon_i), "longitude")?;
                        let lat = parse_coord(rec.get(lat_i), "latitude")?;
                        let date = match (job.date, year_i) {
                            (Some(d), _) => d,
                            (None, Some(i)) => {
                                parse_row_date(rec.get(i), a.year_column.as_ref().unwrap())?
                            }
                            (None, None) => unreachable!("clap requires --year or --year-column"),
                        };
                        classify_point(job.atlas, lon, lat, date, job.distance)
                    })();
                    let pad = width.saturating_sub(rec.len());
                    let fields = rec.iter().chain(std::iter::repeat_n(&b""[..], pad));
                    let res = match &answer {
                        Ok(ans) => {
                            dist.clear();
                            if let Some(d) = ans.distance_km {
                                use std::fmt::Write as _;
                                let _ = write!(dist, "{d:.3}");
                            }
                            w.write_record(fields.chain([
                                ans.status.as_bytes(),
                                ans.sovereign.as_bytes(),
                                ans.treaty.as_bytes(),
                                dist.as_bytes(),
                            ]))
                        }
                        Err(b) => {
                            let status = format!("error:{}", b.code);
                            w.write_record(fields.chain([status.as_bytes(), b"", b"", b""]))
                        }
                    };
                    res.expect("writing to memory");
                    if let Err(b) = answer {
                        bad.push((line, b));
                    }
                }
                (w.into_inner().expect("writing to memory"), bad)
            })
            .collect();
        let mut report = String::new();
        for (bytes, bad) in pieces {
            for (line, b) in &bad {
                tally.report(&mut report, "line", *line, b)?;
            }
            out.write_all(&bytes).map_err(werr)?;
        }
        tally.flush(&mut report);
        tally.rows += n as u64;
        tally.bar.set_position(rdr.position().byte());
        tally
            .bar
            .set_message(format!("{} rows, {} bad", tally.rows, tally.bad));
        if n < a.chunk_rows {
            break;
        }
    }
    out.flush().map_err(werr)
}

fn classify_geojson(
    a: &ClassifyArgs,
    job: &Job,
    input: impl Read,
    mut out: Box<dyn Write>,
    tally: &mut Tally,
) -> Result<(), String> {
    use geojson::{Feature, JsonValue};
    let werr = |e: io::Error| format!("writing the output: {e}");
    let mut features = geojson::FeatureReader::from_reader(input).features();
    out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")
        .map_err(werr)?;
    let mut first = true;
    let mut chunk: Vec<Feature> = Vec::with_capacity(a.chunk_rows.min(1 << 16));
    loop {
        chunk.clear();
        for f in features.by_ref() {
            chunk.push(f.map_err(|e| {
                format!(
                    "reading the GeoJSON after feature {}: {e}",
                    tally.rows + chunk.len() as u64
                )
            })?);
            if chunk.len() == a.chunk_rows {
                break;
            }
        }
        if chunk.is_empty() {
            break;
        }
        let base = tally.rows;
        let done: Vec<(Vec<u8>, Option<Bad>)> = chunk
            .par_iter_mut()
            .with_min_len(256)
            .map(|f| {
                let answer = (|| {
                    let Some(g) = &f.geometry else {
                        return Err(Bad::new("not_a_point", "the feature has no geometry"));
                    };
                    let geojson::Value::Point(c) = &g.value else {
                        return Err(Bad::new("not_a_point", "the geometry is not a Point"));
                    };
                    let (lon, lat) = (c[0], c[1]);
                    let date = match (job.date, &a.year_column) {
                        (Some(d), _) => d,
                        (None, Some(col)) => match f.property(col) {
                            None | Some(JsonValue::Null) => {
                                return Err(Bad::new("missing", format!("no {col:?} property")))
                            }
                            Some(JsonValue::Number(n)) => match n.as_i64() {
                                Some(y) if i32::try_from(y).is_ok() => Date::end_of_year(y as i32),
                                _ => {
                                    return Err(Bad::new(
                                        "bad_year",
                                        format!("{col:?}: {n} is not a whole year"),
                                    ))
                                }
                            },
                            Some(JsonValue::String(s)) => parse_when(s)
                                .map_err(|m| Bad::new("bad_year", format!("{col:?}: {m}")))?,
                            Some(v) => {
                                return Err(Bad::new(
                                    "bad_year",
                                    format!("{col:?}: {v} is not a year or a date"),
                                ))
                            }
                        },
                        (None, None) => unreachable!("clap requires --year or --year-column"),
                    };
                    classify_point(job.atlas, lon, lat, date, job.distance)
                })();
                let (status, sovereign, treaty, dist) = match &answer {
                    Ok(ans) => (
                        JsonValue::from(ans.status),
                        JsonValue::from(ans.sovereign.as_ref()),
                        JsonValue::from(ans.treaty),
                        ans.distance_km
                            .map_or(JsonValue::Null, |d| ((d * 1000.0).round() / 1000.0).into()),
                    ),
                    Err(b) => (
                        JsonValue::from(format!("error:{}", b.code)),
                        JsonValue::Null,
                        JsonValue::Null,
                        JsonValue::Null,
                    ),
                };
                f.set_property("status", status);
                f.set_property("sovereign", sovereign);
                f.set_property("treaty", treaty);
                f.set_property("distance_km", dist);
                (
                    serde_json::to_vec(&*f).expect("a feature serialises"),
                    answer.err(),
                )
            })
            .collect();
        let mut report = String::new();
        for (i, (bytes, bad)) in done.into_iter().enumerate() {
            if let Some(b) = bad {
                tally.report(&mut report, "feature", base + i as u64 + 1, &b)?;
            }
            if !first {
                out.write_all(b",\n").map_err(werr)?;
            }
            first = false;
            out.write_all(&bytes).map_err(werr)?;
        }
        tally.flush(&mut report);
        tally.rows += chunk.len() as u64;
        tally
            .bar
            .set_message(format!("{} features, {} bad", tally.rows, tally.bad));
        tally.bar.tick();
        if chunk.len() < a.chunk_rows {
            break;
        }
    }
    out.write_all(b"\n]}\n").map_err(werr)?;
    out.flush().map_err(werr)
}
