//! The test's queries through a Ballista cluster, every row checked against the core library.
//!
//! ```sh
//! cargo run --release -p nerchinsk-datafusion --example ballista_check -- df://localhost:50050 [ROWS]
//! ```
//! The scheduler and the executors must be `nerchinsk-ballista-scheduler` and
//! `nerchinsk-ballista-executor` (see the README), on this machine: they read the Parquet file
//! this writes in the temporary directory.

#[path = "../tests/common/mod.rs"]
mod common;

use ballista::prelude::SessionContextExt;
use datafusion::arrow::util::pretty::print_batches;
use datafusion::prelude::{ParquetReadOptions, SessionContext};

#[tokio::main]
async fn main() -> datafusion::error::Result<()> {
    let mut args = std::env::args().skip(1);
    let url = args
        .next()
        .unwrap_or_else(|| "df://localhost:50050".to_string());
    let n: usize = args
        .next()
        .map_or(200_000, |a| a.parse().expect("ROWS is a number"));
    let path =
        std::env::temp_dir().join(format!("nerchinsk-ballista-{}.parquet", std::process::id()));
    common::write_points(&path, n, 17)?;
    let ctx = SessionContext::remote(&url).await?;
    nerchinsk_datafusion::register(&ctx);
    ctx.register_parquet(
        "points",
        path.to_str().unwrap(),
        ParquetReadOptions::default(),
    )
    .await?;
    print_batches(&ctx.sql(common::GROUP_SQL).await?.collect().await?)?;
    let report = common::check(&ctx, n).await;
    std::fs::remove_file(&path)?;
    let report = report?;
    println!(
        "ballista: {} rows, {} values agree with the core library; by code: {:?}",
        report.rows, report.values, report.by_code
    );
    Ok(())
}
