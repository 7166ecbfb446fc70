//! Shared by the tests and the examples: seeded points (with NULLs and bad values) in a
//! Parquet file, and a check of the SQL functions' answers, row by row, against the core library.
#![allow(dead_code)] // each user takes a part

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use datafusion::arrow::array::{
    Array, AsArray, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray,
};
use datafusion::arrow::datatypes::{
    DataType, Field, Float64Type, Int32Type, Int64Type, Int8Type, Schema,
};
use datafusion::parquet::arrow::ArrowWriter;
use datafusion::parquet::file::properties::WriterProperties;
use datafusion::prelude::SessionContext;
use geo_types::Point;
use nerchinsk::Error;
use nerchinsk_datafusion::CODE_NAMES;

/// The covered frame: west, east, south, north.
pub const FRAME: [f64; 4] = [115.5, 141.8, 42.25, 57.5];

/// splitmix64: a seeded, dependency-free generator (the tests need reproducible points, not
/// statistical quality).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [lo, hi).
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64)
    }
    /// Uniform in lo..=hi.
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }
}

/// The points table's schema: `id BIGINT, lon DOUBLE, lat DOUBLE, year INT, year64 BIGINT`.
pub fn schema() -> Arc<Schema> {
    Arc::new(Schema::new(vec![
        Field::new("id", DataType::Int64, false),
        Field::new("lon", DataType::Float64, true),
        Field::new("lat", DataType::Float64, true),
        Field::new("year", DataType::Int32, true),
        Field::new("year64", DataType::Int64, true),
    ]))
}

/// `n` seeded rows: about 94% uniform over the frame in years 1689-2025 (land of both states,
/// sea, Korea and Mongolia), the rest NULLs and bad values of every kind. `year64` is `year`
/// except on 0.5% of rows, where it is 5e9 (a year no `i32` holds).
pub fn points(n: usize, seed: u64, first_id: i64) -> RecordBatch {
    let mut rng = Rng::new(seed);
    let mut lon = Vec::with_capacity(n);
    let mut lat = Vec::with_capacity(n);
    let mut year = Vec::with_capacity(n);
    let mut year64 = Vec::with_capacity(n);
    let [w, e, s, no] = FRAME;
    for _ in 0..n {
        let mut x = Some(rng.uniform(w, e));
        let mut y = Some(rng.uniform(s, no));
        let mut t = Some(rng.int(1689, 2025) as i32);
        match rng.next_u64() % 1000 {
            0..=4 => x = None,
            5..=9 => y = None,
            10..=14 => t = None,
            15..=19 => x = Some(f64::NAN),
            20..=24 => y = Some(95.0),
            25..=27 => x = Some(200.0),
            28..=29 => y = Some(f64::NEG_INFINITY),
            30..=34 => t = Some(1500),
            35..=39 => t = Some(1688),
            40..=44 => x = Some(rng.uniform(95.0, 115.0)), // Mongolia and beyond the frame
            45..=49 => (x, y) = (Some(-74.0), Some(40.7)), // far outside
            _ => {}
        }
        let t64 = if rng.next_u64().is_multiple_of(200) {
            t.map(|_| 5_000_000_000)
        } else {
            t.map(i64::from)
        };
        lon.push(x);
        lat.push(y);
        year.push(t);
        year64.push(t64);
    }
    RecordBatch::try_new(
        schema(),
        vec![
            Arc::new(Int64Array::from_iter_values(first_id..first_id + n as i64)),
            Arc::new(Float64Array::from(lon)),
            Arc::new(Float64Array::from(lat)),
            Arc::new(Int32Array::from(year)),
            Arc::new(Int64Array::from(year64)),
        ],
    )
    .expect("columns match the schema")
}

/// Write `n` seeded points to a Parquet file in row groups of 64k rows (so that a scan splits
/// into several partitions).
pub fn write_points(path: &Path, n: usize, seed: u64) -> datafusion::error::Result<()> {
    let file = std::fs::File::create(path)?;
    let props = WriterProperties::builder()
        .set_max_row_group_row_count(Some(1 << 16))
        .build();
    let mut writer = ArrowWriter::try_new(file, schema(), Some(props))?;
    let chunk = 100_000;
    let mut done = 0;
    while done < n {
        let m = chunk.min(n - done);
        writer.write(&points(m, seed.wrapping_add(done as u64), done as i64))?;
        done += m;
    }
    writer.close()?;
    Ok(())
}

/// What the core library says, as the SQL functions should name it: the status or error name,
/// and the state's name for land. `None` for a NULL argument.
pub fn expected(
    lon: Option<f64>,
    lat: Option<f64>,
    year: Option<i64>,
) -> Option<(&'static str, Option<&'static str>)> {
    let (lon, lat, year) = (lon?, lat?, year?);
    let Ok(year) = i32::try_from(year) else {
        return Some(("invalid_year", None));
    };
    Some(
        match nerchinsk::sovereignty_at(Point::new(lon, lat), year) {
            Ok(s) => (s.status.as_str(), Some(s.sovereign)),
            Err(Error::AtSea { .. }) => ("sea", None),
            Err(Error::OutsideCoverage { .. }) => ("outside", None),
            Err(
                Error::NotFinite { .. }
                | Error::LongitudeOutOfRange(_)
                | Error::LatitudeOutOfRange(_),
            ) => ("invalid_coordinate", None),
            Err(Error::BeforeCoverage { .. }) => ("before_coverage", None),
            Err(e) => panic!("the core library gave an unexpected error: {e}"),
        },
    )
}

/// The query whose every row [`check`] compares with the core library.
pub const ROWS_SQL: &str = "SELECT id, lon, lat, year, year64, \
     sovereignty_at(lon, lat, year) AS s, \
     sovereignty_at(lon, lat, year64) AS s64, \
     sovereignty_at(lon, lat, 1700) AS s1700, \
     sovereignty_at(CAST(lon AS FLOAT), CAST(lat AS FLOAT), year) AS s32, \
     sovereign_name(lon, lat, year) AS name, \
     status_name(sovereignty_at(lon, lat, year)) AS s_name \
     FROM points";

/// The example query: points counted by the state that held them.
pub const GROUP_SQL: &str =
    "SELECT sovereignty_at(lon, lat, 1700) AS s, count(*) AS n FROM points GROUP BY s ORDER BY s";

/// What [`check`] saw.
#[derive(Debug, Default)]
pub struct Report {
    /// Rows compared.
    pub rows: usize,
    /// Values compared (each of the six function columns of each row).
    pub values: usize,
    /// `sovereignty_at(lon, lat, year)` per code name ("null" for NULL).
    pub by_code: BTreeMap<&'static str, usize>,
    /// The GROUP BY query's result, by code name.
    pub group_1700: BTreeMap<&'static str, i64>,
}

fn code_name(c: Option<i8>) -> &'static str {
    match c {
        None => "null",
        Some(c) => CODE_NAMES
            .get(c as usize)
            .copied()
            .unwrap_or("<not a code>"),
    }
}

/// Run [`ROWS_SQL`] and [`GROUP_SQL`] on `ctx` (with a `points` table of `n` rows, ids
/// 0..n) and compare every value with the core library. Panics on the first difference.
pub async fn check(ctx: &SessionContext, n: usize) -> datafusion::error::Result<Report> {
    let mut report = Report::default();
    let mut seen = vec![false; n];
    let mut tally_1700: BTreeMap<&'static str, i64> = BTreeMap::new();
    for batch in ctx.sql(ROWS_SQL).await?.collect().await? {
        let id = batch.column(0).as_primitive::<Int64Type>();
        let lon = batch.column(1).as_primitive::<Float64Type>();
        let lat = batch.column(2).as_primitive::<Float64Type>();
        let year = batch.column(3).as_primitive::<Int32Type>();
        let year64 = batch.column(4).as_primitive::<Int64Type>();
        let s = batch.column(5).as_primitive::<Int8Type>();
        let s64 = batch.column(6).as_primitive::<Int8Type>();
        let s1700 = batch.column(7).as_primitive::<Int8Type>();
        let s32 = batch.column(8).as_primitive::<Int8Type>();
        let name: &StringArray = batch.column(9).as_string::<i32>();
        let s_name: &StringArray = batch.column(10).as_string::<i32>();
        let opt = |a: &dyn Array, i| a.is_valid(i);
        for i in 0..batch.num_rows() {
            let row = id.value(i);
            assert!(
                !std::mem::replace(&mut seen[row as usize], true),
                "row {row} came twice"
            );
            let x = opt(lon, i).then(|| lon.value(i));
            let y = opt(lat, i).then(|| lat.value(i));
            let t = opt(year, i).then(|| i64::from(year.value(i)));
            let t64 = opt(year64, i).then(|| year64.value(i));
            let get = |a: &datafusion::arrow::array::Int8Array| a.is_valid(i).then(|| a.value(i));
            let want = expected(x, y, t);
            let got = code_name(get(s));
            assert_eq!(
                got,
                want.map_or("null", |w| w.0),
                "row {row}: sovereignty_at({x:?}, {y:?}, {t:?})"
            );
            assert_eq!(
                name.is_valid(i).then(|| name.value(i)),
                want.and_then(|w| w.1),
                "row {row}: sovereign_name({x:?}, {y:?}, {t:?})"
            );
            assert_eq!(
                s_name.is_valid(i).then(|| s_name.value(i)),
                want.map(|w| w.0),
                "row {row}: status_name"
            );
            let want64 = expected(x, y, t64).map(|w| w.0);
            assert_eq!(
                code_name(get(s64)),
                want64.unwrap_or("null"),
                "row {row}: year64 {t64:?}"
            );
            let want1700 = expected(x, y, Some(1700)).map_or("null", |w| w.0);
            assert_eq!(code_name(get(s1700)), want1700, "row {row}: in 1700");
            let (x32, y32) = (x.map(|v| v as f32 as f64), y.map(|v| v as f32 as f64));
            let want32 = expected(x32, y32, t).map_or("null", |w| w.0);
            assert_eq!(code_name(get(s32)), want32, "row {row}: as FLOAT");
            *report.by_code.entry(got).or_default() += 1;
            *tally_1700.entry(want1700).or_default() += 1;
            report.rows += 1;
            report.values += 6;
        }
    }
    assert_eq!(report.rows, n, "every row once");
    for batch in ctx.sql(GROUP_SQL).await?.collect().await? {
        let s = batch.column(0).as_primitive::<Int8Type>();
        let count = batch.column(1).as_primitive::<Int64Type>();
        for i in 0..batch.num_rows() {
            let key = code_name(s.is_valid(i).then(|| s.value(i)));
            assert!(
                report.group_1700.insert(key, count.value(i)).is_none(),
                "group {key} twice"
            );
        }
    }
    assert_eq!(
        report.group_1700, tally_1700,
        "GROUP BY against the core library, row by row"
    );
    Ok(report)
}
