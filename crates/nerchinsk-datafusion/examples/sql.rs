//! A GROUP BY of sovereignty_at over a Parquet file of points, with a DataFusion `SessionContext`.
//!
//! ```sh
//! cargo run --release -p nerchinsk-datafusion --example sql            # writes 1M seeded points
//! cargo run --release -p nerchinsk-datafusion --example sql -- my.parquet  # columns lon, lat
//! ```

#[path = "../tests/common/mod.rs"]
mod common;

use datafusion::arrow::util::pretty::print_batches;
use datafusion::prelude::{ParquetReadOptions, SessionContext};

#[tokio::main]
async fn main() -> datafusion::error::Result<()> {
    let path = match std::env::args().nth(1) {
        Some(p) => std::path::PathBuf::from(p),
        None => {
            let p = std::env::temp_dir().join("nerchinsk-points.parquet");
            common::write_points(&p, 1_000_000, 1)?;
            println!("wrote 1000000 seeded points to {}", p.display());
            p
        }
    };
    let ctx = SessionContext::new();
    nerchinsk_datafusion::register(&ctx);
    ctx.register_parquet(
        "points",
        path.to_str().unwrap(),
        ParquetReadOptions::default(),
    )
    .await?;
    let sql =
        "SELECT sovereignty_at(lon, lat, 1700) AS s, count(*) FROM points GROUP BY s ORDER BY s";
    println!("{sql}");
    print_batches(&ctx.sql(sql).await?.collect().await?)?;
    let sql = "SELECT status_name(sovereignty_at(lon, lat, 1700)) AS status, \
               sovereign_name(lon, lat, 1700) AS sovereign, count(*) AS n \
               FROM points GROUP BY status, sovereign ORDER BY n DESC";
    println!("{sql}");
    print_batches(&ctx.sql(sql).await?.collect().await?)?;
    Ok(())
}
