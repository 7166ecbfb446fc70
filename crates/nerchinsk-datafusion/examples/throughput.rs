//! Rows per second: `sovereignty_at` in DataFusion SQL against the core batch API, on the same
//! seeded points (uniform over the frame, years 1689-2025), best of three runs each.
//!
//! ```sh
//! cargo run --release -p nerchinsk-datafusion --example throughput -- [ROWS]   # 10M by default
//! ```

#[path = "../tests/common/mod.rs"]
mod common;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

use datafusion::arrow::array::{AsArray, Float64Array, Int32Array, RecordBatch};
use datafusion::arrow::datatypes::{DataType, Field, Int64Type, Schema};
use datafusion::datasource::MemTable;
use datafusion::prelude::{SessionConfig, SessionContext};
use geo_types::Point;
use nerchinsk::Date;
use nerchinsk_datafusion::{error_code, status_code};

fn best_of_3(mut run: impl FnMut()) -> f64 {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            run();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

#[tokio::main]
async fn main() -> datafusion::error::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .map_or(10_000_000, |a| a.parse().expect("ROWS is a number"));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut rng = common::Rng::new(2026);
    let [w, e, s, no] = common::FRAME;
    let lon: Vec<f64> = (0..n).map(|_| rng.uniform(w, e)).collect();
    let lat: Vec<f64> = (0..n).map(|_| rng.uniform(s, no)).collect();
    let year: Vec<i32> = (0..n).map(|_| rng.int(1689, 2025) as i32).collect();
    println!("{n} points, {threads} threads");

    // the core batch API, in chunks of 1M with one reused output buffer
    let atlas = nerchinsk::data::embedded();
    let chunk = 1 << 20;
    let mut queries = Vec::with_capacity(chunk);
    let mut out = Vec::with_capacity(chunk);
    let mut core_counts = [0i64; 10];
    let mut build = 0.0;
    let mut call = 0.0;
    let core = best_of_3(|| {
        core_counts = [0; 10];
        for start in (0..n).step_by(chunk) {
            let end = (start + chunk).min(n);
            let t = Instant::now();
            queries.clear();
            queries.extend(
                (start..end).map(|i| (Point::new(lon[i], lat[i]), Date::end_of_year(year[i]))),
            );
            build += t.elapsed().as_secs_f64();
            let t = Instant::now();
            atlas.sovereignty_batch_into(&queries, &mut out);
            call += t.elapsed().as_secs_f64();
            for r in &out {
                let code = match r {
                    Ok(s) => status_code(s.status),
                    Err(e) => error_code(e),
                };
                core_counts[code as usize] += 1;
            }
        }
    });
    let (build, call) = (build / 3.0, call / 3.0);
    println!(
        "core sovereignty_batch_into, making the queries and counting the answers: {:.3} s, {:.1} M rows/s",
        core,
        n as f64 / core / 1e6,
    );
    println!(
        "  of which the sovereignty_batch_into calls (mean of 3): {call:.3} s, {:.1} M rows/s; making the (Point, Date) queries {build:.3} s",
        n as f64 / call / 1e6
    );

    // one thread, straight from the columns, as the SQL function does
    let classifier = nerchinsk_datafusion::Classifier::new(atlas);
    let mut seq_counts = [0i64; 10];
    let seq = best_of_3(|| {
        seq_counts = [0; 10];
        for i in 0..n {
            seq_counts[classifier.code(lon[i], lat[i], i64::from(year[i])) as usize] += 1;
        }
    });
    println!(
        "core per row, 1 thread:      {:.3} s, {:.1} M rows/s",
        seq,
        n as f64 / seq / 1e6
    );
    assert_eq!(seq_counts, core_counts);

    // DataFusion: the same columns in a MemTable of 8192-row batches, one partition per thread
    let schema = Arc::new(Schema::new(vec![
        Field::new("lon", DataType::Float64, false),
        Field::new("lat", DataType::Float64, false),
        Field::new("year", DataType::Int32, false),
    ]));
    let batch_rows = 8192;
    let mut partitions = vec![Vec::new(); threads];
    for (k, start) in (0..n).step_by(batch_rows).enumerate() {
        let end = (start + batch_rows).min(n);
        partitions[k % threads].push(RecordBatch::try_new(
            schema.clone(),
            vec![
                Arc::new(Float64Array::from(lon[start..end].to_vec())),
                Arc::new(Float64Array::from(lat[start..end].to_vec())),
                Arc::new(Int32Array::from(year[start..end].to_vec())),
            ],
        )?);
    }
    let ctx = SessionContext::new_with_config(SessionConfig::new().with_target_partitions(threads));
    nerchinsk_datafusion::register(&ctx);
    ctx.register_table("points", Arc::new(MemTable::try_new(schema, partitions)?))?;
    for (label, sql) in [
        (
            "DataFusion sovereignty_at(lon, lat, year) GROUP BY",
            "SELECT sovereignty_at(lon, lat, year) AS s, count(*) FROM points GROUP BY s",
        ),
        (
            "DataFusion sovereignty_at(lon, lat, 1700) GROUP BY",
            "SELECT sovereignty_at(lon, lat, 1700) AS s, count(*) FROM points GROUP BY s",
        ),
        (
            "DataFusion baseline: CAST(lon AS INT) GROUP BY",
            "SELECT CAST(lon AS INT) AS s, count(*) FROM points GROUP BY s",
        ),
    ] {
        let mut counts = BTreeMap::new();
        let mut times = Vec::new();
        for _ in 0..3 {
            let t = Instant::now();
            let batches = ctx.sql(sql).await?.collect().await?;
            times.push(t.elapsed().as_secs_f64());
            counts.clear();
            for b in &batches {
                let k = b.column(0);
                let c = b.column(1).as_primitive::<Int64Type>();
                for i in 0..b.num_rows() {
                    let key = datafusion::arrow::util::display::array_value_to_string(k, i)?;
                    counts.insert(key, c.value(i));
                }
            }
        }
        let t = times.iter().copied().fold(f64::INFINITY, f64::min);
        println!("{label}: {t:.3} s, {:.1} M rows/s", n as f64 / t / 1e6);
        if sql.contains("year)") {
            // the same answers as the batch API
            for (code, &want) in core_counts.iter().enumerate() {
                let got = counts.get(&code.to_string()).copied().unwrap_or(0);
                assert_eq!(got, want, "code {code}");
            }
        }
    }
    Ok(())
}
