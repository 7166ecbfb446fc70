//! `nerchinsk classify`: every row of a CSV file or every point feature of a GeoJSON
//! FeatureCollection, with the columns (properties) status, sovereign, treaty, distance_km and
//! certain added. Read in chunks, each classified on every core (rayon) and written in input order, so
//! memory stays constant whatever the size of the file.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

pub use csv::ByteRecord;
use geo_types::Point;
use indicatif::{ProgressBar, ProgressStyle};
use nerchinsk::{Atlas, Date, Error};
use rayon::prelude::*;

use crate::when::{parse_when, year};

/// The input's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CSV with a header row.
    Csv,
    /// A GeoJSON FeatureCollection of points.
    Geojson,
}

/// What to classify and how (the command line's options).
#[derive(Debug, Clone)]
pub struct Options {
    /// Input file; `-` for stdin.
    pub input: PathBuf,
    /// Output file; stdout if `None` or `-`.
    pub output: Option<PathBuf>,
    /// The input's format; from the file's extension if `None` (.geojson and .json: GeoJSON).
    pub format: Option<Format>,
    /// CSV column of the longitude.
    pub lon: String,
    /// CSV column of the latitude.
    pub lat: String,
    /// One year or YYYY-MM-DD date for every row; else `year_column` must be given.
    pub year: Option<String>,
    /// Column (GeoJSON: property) with each row's year or date.
    pub year_column: Option<String>,
    /// CSV field delimiter, one ASCII character.
    pub delimiter: char,
    /// Fill distance_km (the nearest-line search, the costly part).
    pub distance: bool,
    /// Stop at the first bad row with an error.
    pub strict: bool,
    /// Rows read and classified at a time.
    pub chunk_rows: usize,
}

/// Why a row could not be classified: a short code for the status column and a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bad {
    /// Short code, written as `error:<code>` in the status column: missing, not_a_number,
    /// not_finite, out_of_range, at_sea, outside, bad_year, before_coverage, field_count,
    /// not_a_point (or error for anything else).
    pub code: &'static str,
    /// What is wrong, for the report on stderr.
    pub message: String,
}

impl Bad {
    /// A bad row with this code and message.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Bad {
            code,
            message: message.into(),
        }
    }
}

fn error_code(e: &Error) -> &'static str {
    match e {
        // a date that does not exist is a bad value in the year column
        Error::InvalidDate(_) => "bad_year",
        e => match e.code() {
            code @ ("not_finite" | "out_of_range" | "at_sea" | "outside" | "before_coverage") => {
                code
            }
            _ => "error",
        },
    }
}

/// The added columns of a classified row.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer<'a> {
    /// russia, china, joint or undetermined.
    pub status: &'static str,
    /// The state's name on the date.
    pub sovereign: Cow<'a, str>,
    /// The treaty that set the status.
    pub treaty: &'a str,
    /// Distance to the nearest treaty line in force, km; `None` when not asked for.
    pub distance_km: Option<f64>,
    /// Whether the answer is certain ([`Atlas::certainty_on`]).
    pub certain: bool,
}

/// Which state held `p` (longitude, latitude: WGS84 degrees) on `date`, and with `distance`
/// how far the nearest treaty line in force was: the added columns of a row.
pub fn classify_point(
    atlas: &Atlas,
    p: Point<f64>,
    date: Date,
    distance: bool,
) -> Result<Answer<'_>, Bad> {
    let (s, sure) = atlas
        .sovereignty_with_certainty_on(p, date)
        .map_err(|e| Bad::new(error_code(&e), e.to_string()))?;
    let distance_km = if distance {
        let near = atlas
            .nearest_border_on(p, date)
            .map_err(|e| Bad::new(error_code(&e), e.to_string()))?;
        // a region without treaty lines (Taiwan) has no distance: empty, not infinity
        (!near.line.is_empty()).then_some(near.distance_km)
    } else {
        None
    };
    Ok(Answer {
        status: s.status.as_str(),
        sovereign: Cow::from(s.sovereign),
        treaty: s.treaty,
        distance_km,
        certain: sure.certain,
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

/// Where each row's date comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum RowDate {
    /// One date for every row (`--year`).
    Fixed(Date),
    /// A year or YYYY-MM-DD date in a field of each row (`--year-column`).
    Column {
        /// The field's index in the row.
        index: usize,
        /// Its name in the header, for the messages.
        name: String,
    },
}

/// Where the fields of a CSV row are: the number of fields the header has, the longitude's and
/// the latitude's field, and the date.
#[derive(Debug, Clone, PartialEq)]
pub struct RowLayout {
    /// Fields in the header: a row with another number is bad (field_count).
    pub width: usize,
    /// Index of the longitude field (WGS84 degrees).
    pub lon: usize,
    /// Index of the latitude field (WGS84 degrees).
    pub lat: usize,
    /// The row's date.
    pub date: RowDate,
}

/// The point and date of one CSV row, as `classify` reads them: the row must have the
/// header's number of fields, the coordinates must be numbers (blanks around them are
/// ignored) and the date a year or YYYY-MM-DD ([`crate::when::parse_when`]). Whether the point
/// is finite, in range, on covered land and the date in coverage is for [`classify_point`].
///
/// ```
/// use nerchinsk_cli::classify::{parse_row, ByteRecord, RowDate, RowLayout};
///
/// let layout = RowLayout { width: 3, lon: 0, lat: 1, date: RowDate::Column { index: 2, name: "year".into() } };
/// let (p, date) = parse_row(&ByteRecord::from(vec!["124.0775", " 53.39056", "1700"]), &layout).unwrap();
/// assert_eq!((p.x(), p.y(), date.year), (124.0775, 53.39056, 1700));
/// let bad = parse_row(&ByteRecord::from(vec!["abc", "50", "1900"]), &layout).unwrap_err();
/// assert_eq!(bad.code, "not_a_number");
/// ```
pub fn parse_row(rec: &ByteRecord, layout: &RowLayout) -> Result<(Point<f64>, Date), Bad> {
    let width = layout.width;
    if rec.len() != width {
        return Err(Bad::new(
            "field_count",
            format!("{} fields, the header has {width}", rec.len()),
        ));
    }
    let lon = parse_coord(rec.get(layout.lon), "longitude")?;
    let lat = parse_coord(rec.get(layout.lat), "latitude")?;
    let date = match &layout.date {
        RowDate::Fixed(d) => *d,
        RowDate::Column { index, name } => parse_row_date(rec.get(*index), name)?,
    };
    Ok((Point::new(lon, lat), date))
}

/// What stays fixed for the whole run.
struct Job<'a> {
    /// The atlas of each region; a row takes the one whose frame holds it ([`crate::pick`]).
    atlases: &'a [&'static Atlas],
    date: Option<Date>,
    year_column: Option<&'a str>,
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
            .expect("a valid progress template"),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}")
                .expect("a valid progress template"),
        ),
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

/// `nerchinsk classify`: classify every row of `a.input` into `a.output` (stdout if `None`),
/// report bad rows and a summary on stderr. The error is the message for a failed run.
pub fn classify(atlases: &[&'static Atlas], a: &Options) -> Result<(), String> {
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
    if date.is_none() && a.year_column.is_none() {
        return Err("give --year or --year-column".into());
    }
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
    let out = crate::output(a.output.as_deref())?;
    let job = Job {
        atlases,
        date,
        year_column: a.year_column.as_deref(),
        distance: a.distance,
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
    a: &Options,
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
    let layout = RowLayout {
        width: headers.len(),
        lon: col(&a.lon, "--lon")?,
        lat: col(&a.lat, "--lat")?,
        date: match (job.date, job.year_column) {
            (Some(d), _) => RowDate::Fixed(d),
            (None, Some(c)) => RowDate::Column {
                index: col(c, "--year-column")?,
                name: c.to_string(),
            },
            (None, None) => unreachable!("checked by classify"),
        },
    };
    let width = layout.width;
    let mut hw = csv::WriterBuilder::new()
        .delimiter(delim)
        .from_writer(Vec::new());
    hw.write_record(
        headers
            .iter()
            .chain(["status", "sovereign", "treaty", "distance_km", "certain"].map(str::as_bytes)),
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
                    let answer = parse_row(rec, &layout).and_then(|(p, date)| {
                        classify_point(crate::pick(job.atlases, p), p, date, job.distance)
                    });
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
                                if ans.certain { b"true" } else { b"false" },
                            ]))
                        }
                        Err(b) => {
                            let status = format!("error:{}", b.code);
                            w.write_record(fields.chain([status.as_bytes(), b"", b"", b"", b""]))
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
    a: &Options,
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
                    let p = Point::new(c[0], c[1]);
                    let date = match (job.date, job.year_column) {
                        (Some(d), _) => d,
                        (None, Some(col)) => match f.property(col) {
                            None | Some(JsonValue::Null) => {
                                return Err(Bad::new("missing", format!("no {col:?} property")))
                            }
                            Some(JsonValue::Number(n)) => n
                                .as_i64()
                                .ok_or_else(|| format!("{n} is not a whole year"))
                                .and_then(year)
                                .map_err(|m| Bad::new("bad_year", format!("{col:?}: {m}")))?,
                            Some(JsonValue::String(s)) => parse_when(s)
                                .map_err(|m| Bad::new("bad_year", format!("{col:?}: {m}")))?,
                            Some(v) => {
                                return Err(Bad::new(
                                    "bad_year",
                                    format!("{col:?}: {v} is not a year or a date"),
                                ))
                            }
                        },
                        (None, None) => unreachable!("checked by classify"),
                    };
                    classify_point(crate::pick(job.atlases, p), p, date, job.distance)
                })();
                let (status, sovereign, treaty, dist, certain) = match &answer {
                    Ok(ans) => (
                        JsonValue::from(ans.status),
                        JsonValue::from(ans.sovereign.as_ref()),
                        JsonValue::from(ans.treaty),
                        ans.distance_km
                            .map_or(JsonValue::Null, |d| ((d * 1000.0).round() / 1000.0).into()),
                        JsonValue::from(ans.certain),
                    ),
                    Err(b) => (
                        JsonValue::from(format!("error:{}", b.code)),
                        JsonValue::Null,
                        JsonValue::Null,
                        JsonValue::Null,
                        JsonValue::Null,
                    ),
                };
                f.set_property("status", status);
                f.set_property("sovereign", sovereign);
                f.set_property("treaty", treaty);
                f.set_property("distance_km", dist);
                f.set_property("certain", certain);
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
