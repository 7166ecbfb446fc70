//! A bounded load test of `nerchinsk serve` on loopback: `--requests` requests (10,000) from
//! `--clients` concurrent clients (32), each on its own keep-alive HTTP/1.1 connection, then the
//! requests a second and the latency percentiles. Nine requests in ten are `/api/at` at a point
//! and date drawn from a fixed sequence over the covered frame (about a third at sea or outside,
//! answered 422), one in ten `/api/map.svg` of a year from 1689 to 2025 (the cache's case).
//!
//! ```text
//! cargo run --release -p nerchinsk-cli --example load -- http://127.0.0.1:8080/ [--requests N] [--clients C]
//! ```
//!
//! It exits non-zero on any failure: a connection or protocol error, a request over 10 s, a
//! status other than 200 and 422, or a run over 300 s. Only loopback addresses are accepted.

use std::net::{SocketAddr, ToSocketAddrs};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::{header, Request, StatusCode, Uri};
use hyper_util::rt::TokioIo;

const REQUEST_LIMIT: Duration = Duration::from_secs(10);
const RUN_LIMIT: Duration = Duration::from_secs(300);

/// The path of request `i`: a fixed sequence (a 64-bit LCG), the same on every run.
fn path(i: u64) -> String {
    let mut x = i
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = || {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (x >> 11) as f64 / (1u64 << 53) as f64
    };
    let year = 1689 + (next() * 337.0) as u32;
    if i % 10 == 9 {
        return format!("/api/map.svg?date={year}");
    }
    let lon = 105.5 + next() * 36.3;
    let lat = 42.25 + next() * 15.25;
    format!("/api/at?lon={lon:.4}&lat={lat:.4}&date={year}")
}

/// What one client saw: each request's latency, and the failures.
#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    at_sea_or_outside: usize,
    failures: Vec<String>,
}

/// One client: a connection, and the requests `first, first + step, ...` below `total` on it.
async fn client(addr: SocketAddr, host: String, first: u64, step: u64, total: u64) -> Tally {
    let mut tally = Tally::default();
    let stream = match tokio::net::TcpStream::connect(addr).await {
        Ok(s) => s,
        Err(e) => {
            tally.failures.push(format!("connecting: {e}"));
            return tally;
        }
    };
    let _ = stream.set_nodelay(true);
    let (mut sender, conn) = match hyper::client::conn::http1::handshake(TokioIo::new(stream)).await
    {
        Ok(pair) => pair,
        Err(e) => {
            tally.failures.push(format!("handshake: {e}"));
            return tally;
        }
    };
    tokio::spawn(conn);
    let mut i = first;
    while i < total {
        let p = path(i);
        let req = Request::get(p.as_str())
            .header(header::HOST, host.as_str())
            .body(Empty::<Bytes>::new())
            .expect("a valid request");
        let start = Instant::now();
        let sent = tokio::time::timeout(REQUEST_LIMIT, async {
            let res = sender.send_request(req).await?;
            let status = res.status();
            res.into_body().collect().await?;
            Ok::<_, hyper::Error>(status)
        })
        .await;
        let took = start.elapsed();
        match sent {
            Ok(Ok(StatusCode::OK)) => tally.latencies.push(took),
            Ok(Ok(StatusCode::UNPROCESSABLE_ENTITY)) => {
                tally.latencies.push(took);
                tally.at_sea_or_outside += 1;
            }
            Ok(Ok(status)) => tally.failures.push(format!("{p}: {status}")),
            Ok(Err(e)) => {
                tally.failures.push(format!("{p}: {e}"));
                return tally;
            }
            Err(_) => {
                tally
                    .failures
                    .push(format!("{p}: no answer in {REQUEST_LIMIT:?}"));
                return tally;
            }
        }
        i += step;
    }
    tally
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1]
}

fn arg(args: &[String], name: &str, default: u64) -> Result<u64, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(default),
        Some(i) => args
            .get(i + 1)
            .and_then(|v| v.parse().ok())
            .filter(|v| *v > 0)
            .ok_or_else(|| format!("{name} takes a positive whole number")),
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("load: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let base: Uri = args
        .first()
        .ok_or("usage: load http://127.0.0.1:PORT/ [--requests N] [--clients C]")?
        .parse()
        .map_err(|e| format!("the address: {e}"))?;
    let requests = arg(&args, "--requests", 10_000)?;
    let clients = arg(&args, "--clients", 32)?;
    let host = base
        .authority()
        .ok_or("the address has no host:port")?
        .to_string();
    let addr = host
        .to_socket_addrs()
        .map_err(|e| format!("{host}: {e}"))?
        .next()
        .ok_or_else(|| format!("{host}: no address"))?;
    if !addr.ip().is_loopback() {
        return Err(format!(
            "{addr} is not a loopback address: this test runs on loopback only"
        ));
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let start = Instant::now();
    let tallies = rt.block_on(async {
        let tasks: Vec<_> = (0..clients)
            .map(|c| tokio::spawn(client(addr, host.clone(), c, clients, requests)))
            .collect();
        tokio::time::timeout(RUN_LIMIT, async {
            let mut out = Vec::new();
            for t in tasks {
                out.push(t.await.map_err(|e| e.to_string())?);
            }
            Ok::<_, String>(out)
        })
        .await
        .map_err(|_| format!("the run took over {RUN_LIMIT:?}"))?
    })?;
    let wall = start.elapsed();
    let mut latencies: Vec<Duration> = tallies.iter().flat_map(|t| t.latencies.clone()).collect();
    latencies.sort();
    let failures: Vec<&String> = tallies.iter().flat_map(|t| &t.failures).collect();
    let sea: usize = tallies.iter().map(|t| t.at_sea_or_outside).sum();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} requests from {clients} clients in {:.2} s: {:.0} requests a second; latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {sea} answered 422 (at sea or outside), {} failed",
        latencies.len() + failures.len(),
        wall.as_secs_f64(),
        latencies.len() as f64 / wall.as_secs_f64(),
        ms(percentile(&latencies, 0.50)),
        ms(percentile(&latencies, 0.99)),
        ms(percentile(&latencies, 1.0)),
        failures.len(),
    );
    for f in failures.iter().take(10) {
        eprintln!("failed: {f}");
    }
    let answered = latencies.len() as u64;
    if !failures.is_empty() || answered != requests {
        return Err(format!(
            "{} of {requests} requests failed",
            requests - answered
        ));
    }
    Ok(())
}
