//! A Ballista executor that knows `sovereignty_at`, `sovereign_name` and `status_name`.
//!
//! The stock `ballista-executor`'s options (`--help`), with this crate's functions added to its
//! function registry. Not started: the stock binary's Kubernetes health-probe server.

use std::sync::Arc;

use ballista_executor::config::Config;
use ballista_executor::executor_process::{start_executor_process, ExecutorProcessConfig};
use clap::Parser;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ballista_core::error::Result<()> {
    let opt = Config::parse();
    let mut config: ExecutorProcessConfig = opt.try_into()?;
    config.override_function_registry =
        Some(Arc::new(nerchinsk_datafusion::ballista::function_registry()));
    let filter = std::env::var(EnvFilter::DEFAULT_ENV)
        .unwrap_or_else(|_| config.special_mod_log_level.clone());
    tracing_subscriber::fmt()
        .with_ansi(false)
        .with_env_filter(EnvFilter::new(filter))
        .init();
    start_executor_process(Arc::new(config)).await
}
