//! The accept loop: HTTP/1.1 connections served by hyper with the router, each with a bounded
//! request head and a deadline to send it, and a graceful stop.

use std::future::Future;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;

/// How long a client may take to send a request's head (line and headers); then the
/// connection is closed. Bounds slow clients, which the per-request timeout does not see.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// The largest request head read (the request line and the headers); a larger one is refused
/// with 431.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// How long the requests under way may take to finish once the stop is asked.
pub const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves `router` on every connection `listener` accepts until `stop` resolves, then lets the
/// requests under way finish (within [`DRAIN_TIMEOUT`]). An accept error (too many open files,
/// a connection reset before it was accepted) is waited out, not fatal.
pub async fn serve(listener: TcpListener, router: Router, stop: impl Future<Output = ()>) {
    let graceful = GracefulShutdown::new();
    let mut stop = std::pin::pin!(stop);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut stop => break,
        };
        let Ok((stream, _)) = accepted else {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let _ = stream.set_nodelay(true);
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(HEADER_READ_TIMEOUT)
            .max_buf_size(MAX_HEAD_BYTES);
        let conn = builder.serve_connection(
            TokioIo::new(stream),
            TowerToHyperService::new(router.clone()),
        );
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            // a connection's error (a client gone, a head too slow) ends that connection only
            let _ = conn.await;
        });
    }
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(DRAIN_TIMEOUT) => {}
    }
}
