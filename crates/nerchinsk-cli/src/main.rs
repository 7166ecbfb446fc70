//! `nerchinsk`: which state held a point on a date, for one point (`at`), for a file of points
//! (`classify`), the territories of a date as GeoJSON (`territories`) or an SVG map (`map`), the
//! land changed between two dates (`changes`), and the explorer in the browser (`serve`).
//! The arguments; the work is in the library (`nerchinsk_cli`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use nerchinsk::readings::Reading;
use nerchinsk::Date;
use nerchinsk_cli::{at, atlases_of, classify, map, region_atlas, serve, when};

const EXAMPLES: &str = "\
Examples:
  nerchinsk at 124.0775 53.39056 1700
  nerchinsk at 124.0775 53.39056 1700-01-01 --json
  nerchinsk classify records.csv --lon longitude --lat latitude --year 1700 -o out.csv
  nerchinsk classify records.csv --year-column date --no-distance > out.csv
  nerchinsk classify gazetteer.geojson --year 1859 -o classified.geojson
  nerchinsk territories --year 1859 -o territories-1859.geojson
  nerchinsk map --year 1861 -o map-1861.svg
  nerchinsk at 121.5167 25.0667 1900
  nerchinsk map --region taiwan --year 1950 -o taiwan-1950.svg
  nerchinsk serve --port 8080

Coordinates are WGS84 degrees, longitude first. A bare year means 31 December of that year, so
1858 is after the Treaty of Aigun; a date YYYY-MM-DD is proleptic Gregorian. Two regions are
covered. Sino-Russian: the mainland between 105.5E and 141.8E, 42.25N and 57.5N and its
offshore islands of at least 1 km² (no Korea, Mongolia, China west of 115.5E, Sakhalin or
Hokkaido), from 1689. Taiwan: the islands the Republic of China administers between 118E and
123E, 21.5N and 26.5N (Taiwan, Penghu, Kinmen, Matsu and others of at least 0.1 km²), from
1683. at and classify take each point's region from its coordinates; territories, changes and
map take --region.";

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
    /// data), great_gorbitsa (the Amazar), main_channel (the river islands by the main channel)
    /// or qiqihar_void (the 1911 agreement void until 1992); for Taiwan prc, roc or undetermined
    /// (the parties' positions; the standard data name who administers and that the title is
    /// disputed). See README, "Competing readings"
    #[arg(long, global = true, value_enum, default_value_t = ReadingArg::Standard)]
    reading: ReadingArg,
    /// The region of territories, changes and map: sino_russian or taiwan (at and classify
    /// take each point's region from its coordinates)
    #[arg(long, global = true, value_enum, default_value_t = RegionArg::SinoRussian)]
    region: RegionArg,
}

/// `--region`: the embedded regions, by their ids.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RegionArg {
    #[value(name = "sino_russian")]
    SinoRussian,
    #[value(name = "taiwan")]
    Taiwan,
}

impl RegionArg {
    fn id(self) -> &'static str {
        match self {
            RegionArg::SinoRussian => "sino_russian",
            RegionArg::Taiwan => "taiwan",
        }
    }
}

/// `--reading`: the readings of `nerchinsk::readings`, by their ids.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReadingArg {
    #[value(name = "standard")]
    Standard,
    #[value(name = "great_gorbitsa")]
    GreatGorbitsa,
    #[value(name = "main_channel")]
    MainChannel,
    #[value(name = "qiqihar_void")]
    QiqiharVoid,
    #[value(name = "prc")]
    Prc,
    #[value(name = "roc")]
    Roc,
    #[value(name = "undetermined")]
    Undetermined,
}

impl From<ReadingArg> for Reading {
    fn from(r: ReadingArg) -> Reading {
        match r {
            ReadingArg::Standard => Reading::Standard,
            ReadingArg::GreatGorbitsa => Reading::GreatGorbitsa,
            ReadingArg::MainChannel => Reading::MainChannel,
            ReadingArg::QiqiharVoid => Reading::QiqiharVoid,
            ReadingArg::Prc => Reading::Prc,
            ReadingArg::Roc => Reading::Roc,
            ReadingArg::Undetermined => Reading::TitleUndetermined,
        }
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
  nerchinsk territories --year 1700 --band -o territories-1700.geojson

One Polygon feature per connected territory of one status that has held since one event, with
the properties status, sovereign, since (the date of that event), treaty (its name), event (its
id), date and area_km2 (geodesic, WGS84). Exterior rings run counter-clockwise and holes
clockwise (RFC 7946). Sea and land outside the covered area have no feature.

--band adds, after the territories, one MultiPolygon feature per treaty line in force: the
uncertain band, every point within the line's accuracy of it (widths along the WGS84
ellipsoid, to 1%), with the properties kind (\"uncertain_band\"; territories have no kind),
line, name, accuracy_km, since, treaty, event, date and area_km2. A land answer in a band is
not certain in space where the line has land of another status on its other side.")]
    Territories(TerritoriesArgs),
    /// The land whose status or state differs between two dates, as GeoJSON polygons
    #[command(after_help = "\
Examples:
  nerchinsk changes --from 1857 --to 1861 -o aigun-peking.geojson
  nerchinsk changes --from 1860-11-13 --to 1860-11-14 --pretty

--from and --to take a year (as at 31 December) or a date YYYY-MM-DD, in either order. One
Polygon feature per connected piece of land of one pair, with the properties from and to
(statuses), from_sovereign, to_sovereign, from_date, to_date and area_km2 (geodesic, WGS84). A
state's new name alone is no change. Sea and land outside the covered area never change.")]
    Changes(ChangesArgs),
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
    /// The explorer in the browser: one page and a JSON API on the embedded data
    #[command(after_help = "\
Examples:
  nerchinsk serve                      # then open http://127.0.0.1:8080/
  nerchinsk serve --port 0             # any free port (the address is printed)
  nerchinsk serve --reading great_gorbitsa

Routes: / (the page), /api/at?lon=&lat=&date=, /api/territories?date=, /api/changes?from=&to=,
/api/map.svg?date=, /api/control?date=, /api/meta. Each /api route takes reading= too (the
default is --reading). Errors are JSON {\"error\": \"...\"}: 400 for a bad or missing
parameter, named; 422 for a point at sea or outside the covered area. Docs: docs/SERVE.md.")]
    Serve(ServeArgs),
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
treaty line in force (km, along the WGS84 ellipsoid); --no-distance leaves it empty; certain says
whether the answer is certain (as at --json).

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

impl ClassifyArgs {
    fn options(self) -> classify::Options {
        classify::Options {
            input: self.input,
            output: self.output,
            format: self.format.map(|f| match f {
                Format::Csv => classify::Format::Csv,
                Format::Geojson => classify::Format::Geojson,
            }),
            lon: self.lon,
            lat: self.lat,
            year: self.year,
            year_column: self.year_column,
            delimiter: self.delimiter,
            distance: !self.no_distance,
            strict: self.strict,
            chunk_rows: self.chunk_rows,
        }
    }
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
        when::year_or_date(self.year.as_deref(), self.date.as_deref())
    }
}

#[derive(Args)]
struct TerritoriesArgs {
    #[command(flatten)]
    when: When,
    /// Add the uncertain band along each treaty line in force (features of kind
    /// "uncertain_band")
    #[arg(long)]
    band: bool,
    /// Output file (default: stdout)
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Indent the JSON
    #[arg(long)]
    pretty: bool,
}

#[derive(Args)]
struct ChangesArgs {
    /// The first date: a year (as at 31 December) or YYYY-MM-DD
    #[arg(long, value_name = "YEAR|DATE", allow_hyphen_values = true)]
    from: String,
    /// The second date: a year (as at 31 December) or YYYY-MM-DD
    #[arg(long, value_name = "YEAR|DATE", allow_hyphen_values = true)]
    to: String,
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

#[derive(Args)]
struct ServeArgs {
    /// The address to listen on
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// The port to listen on (0: any free port)
    #[arg(long, default_value_t = 8080)]
    port: u16,
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
    let reading: Reading = cli.reading.into();
    let on_region = || region_atlas(reading, cli.region.id());
    let result = match cli.cmd {
        Cmd::At(a) => atlases_of(reading).and_then(|atlases| {
            at::at(&atlases, &a.lon, &a.lat, &a.when, a.json).map(|line| println!("{line}"))
        }),
        Cmd::Classify(a) => {
            atlases_of(reading).and_then(|atlases| classify::classify(&atlases, &a.options()))
        }
        Cmd::Territories(a) => on_region().and_then(|atlas| {
            let d = a.when.date()?;
            nerchinsk_cli::territories(atlas, d, a.band, a.output.as_deref(), a.pretty)
        }),
        Cmd::Changes(a) => on_region().and_then(|atlas| {
            let from = when::parse_when(&a.from).map_err(|e| format!("--from: {e}"))?;
            let to = when::parse_when(&a.to).map_err(|e| format!("--to: {e}"))?;
            nerchinsk_cli::changes(atlas, from, to, a.output.as_deref(), a.pretty)
        }),
        Cmd::Map(a) => {
            on_region().and_then(|atlas| map::write_map(atlas, a.when.date()?, a.width, &a.output))
        }
        Cmd::Serve(_) if cli.region != RegionArg::SinoRussian => {
            Err("serve shows the sino_russian region only".into())
        }
        Cmd::Serve(a) => serve::run(serve::Options {
            bind: a.bind,
            port: a.port,
            reading,
        }),
    };
    finish(result)
}

/// The exit code of a command's result, its error on stderr.
fn finish(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("nerchinsk: {msg}");
            ExitCode::FAILURE
        }
    }
}
