//! The SQL functions in DataFusion on a generated Parquet file, every row checked against the
//! core library.

mod common;

use datafusion::prelude::{ParquetReadOptions, SessionConfig, SessionContext};

/// 300k rows: about 280k valid points (both states, sea, Korea, Mongolia, every era) and 18k
/// NULLs and bad values, in five row groups read by four partitions.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_row_agrees_with_the_core_library() -> datafusion::error::Result<()> {
    let dir = std::env::temp_dir().join(format!("nerchinsk-df-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("points.parquet");
    let n = 300_000;
    common::write_points(&path, n, 9)?;
    let ctx = SessionContext::new_with_config(SessionConfig::new().with_target_partitions(4));
    nerchinsk_datafusion::register(&ctx);
    ctx.register_parquet(
        "points",
        path.to_str().unwrap(),
        ParquetReadOptions::default(),
    )
    .await?;
    let report = common::check(&ctx, n).await;
    std::fs::remove_dir_all(&dir)?;
    let report = report?;
    println!("{report:#?}");
    assert_eq!(report.rows, n);
    // the mix is what the test is for: every code of bad values and both states turn up
    for code in [
        "russia",
        "china",
        "sea",
        "outside",
        "invalid_coordinate",
        "before_coverage",
        "null",
    ] {
        assert!(
            report.by_code.get(code).copied().unwrap_or(0) > 100,
            "{code}: {report:?}"
        );
    }
    assert!(report.group_1700["undetermined"] > 100, "{report:?}");
    Ok(())
}

/// Literals for every argument, NULL literals, and a coordinate column of FLOAT.
#[tokio::test]
async fn literals_and_nulls() -> datafusion::error::Result<()> {
    let ctx = SessionContext::new();
    nerchinsk_datafusion::register(&ctx);
    let sql = "SELECT status_name(sovereignty_at(124.0775, 53.39056, 1700)), \
                      status_name(sovereignty_at(124.0775, 53.39056, 1900)), \
                      sovereign_name(124.0775, 53.39056, CAST(1900 AS INT)), \
                      sovereignty_at(NULL, 53.0, 1700), \
                      sovereignty_at(124.0, 53.0, NULL), \
                      status_name(sovereignty_at(CAST('NaN' AS DOUBLE), 53.0, 1700)), \
                      status_name(sovereignty_at(124.0, 95, 1700)), \
                      status_name(sovereignty_at(124.0, 53.0, 1500)), \
                      status_name(sovereignty_at(137.0, 43.0, 1700)), \
                      status_name(sovereignty_at(124.0, 53.0, 5000000000)), \
                      status_name(CAST(42 AS TINYINT))";
    let batches = ctx.sql(sql).await?.collect().await?;
    let row: Vec<String> = batches[0]
        .columns()
        .iter()
        .map(|c| datafusion::arrow::util::display::array_value_to_string(c, 0).unwrap())
        .collect();
    assert_eq!(
        row,
        [
            "china",
            "russia",
            "Russian Empire",
            "",
            "",
            "invalid_coordinate",
            "invalid_coordinate",
            "before_coverage",
            "sea",
            "invalid_year",
            ""
        ]
    );
    for i in [3, 4, 10] {
        assert!(batches[0].column(i).is_null(0), "column {i} is NULL");
    }
    Ok(())
}

/// A type that is not a number is a planning error, not a wrong answer.
#[tokio::test]
async fn a_text_year_is_refused() {
    let ctx = SessionContext::new();
    nerchinsk_datafusion::register(&ctx);
    let err = ctx
        .sql("SELECT sovereignty_at(124.0, 53.0, 'last year')")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("year must be an integer"), "{err}");
}
