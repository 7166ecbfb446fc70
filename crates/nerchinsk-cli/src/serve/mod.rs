//! `nerchinsk serve`: the explorer in the browser. One page (HTML, a script and a style sheet
//! of the project's own, embedded in the binary, nothing fetched from elsewhere) and a JSON API
//! on the embedded data, served by axum on tokio.
//!
//! Routes ([`router`]; docs/SERVE.md has the parameters, errors and limits):
//! `/` (the page), `/api/at`, `/api/territories`, `/api/changes`, `/api/map.svg`,
//! `/api/control`, `/api/meta`.

mod cache;
mod listen;
mod query;
mod routes;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::http::{header, StatusCode};
use axum::routing::get;
use axum::Router;
use nerchinsk::readings::Reading;
use nerchinsk::Atlas;
use tokio::sync::Semaphore;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

pub use cache::Cache;
pub use listen::{serve, DRAIN_TIMEOUT, HEADER_READ_TIMEOUT, MAX_HEAD_BYTES};
pub use query::{ApiError, Params};

/// The longest a request may take before it is answered 408 (the heavy answers take tens of
/// milliseconds; this only bounds a server under a flood).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);
/// The largest request body accepted (every route is a GET: none is needed).
pub const MAX_BODY_BYTES: usize = 1024;
/// The longest query string accepted; longer ones are answered 414.
pub const MAX_QUERY_BYTES: usize = 2048;
/// Requests handled at once; more wait their turn (within [`REQUEST_TIMEOUT`]).
pub const MAX_CONCURRENT_REQUESTS: usize = 256;
/// The memory kept for cached heavy answers (territories, changes and maps by date).
pub const CACHE_BYTES: usize = 64 << 20;

/// A town drawn on the map for orientation, from `page/towns.csv` (each row names its source).
pub struct Town {
    /// Its name, e.g. "Aigun".
    pub name: &'static str,
    /// WGS84 longitude, degrees.
    pub lon: f64,
    /// WGS84 latitude, degrees.
    pub lat: f64,
    /// Where the position comes from.
    pub source: &'static str,
}

/// The towns of `page/towns.csv`: name, lon, lat, source (no quoting; the source may hold commas).
pub fn towns() -> Vec<Town> {
    include_str!("page/towns.csv")
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut f = line.splitn(4, ',');
            Some(Town {
                name: f.next()?,
                lon: f.next()?.parse().ok()?,
                lat: f.next()?.parse().ok()?,
                source: f.next()?,
            })
        })
        .collect()
}

/// What every request shares: the atlas of every reading, the default reading, the cache and
/// the permits for the heavy answers.
pub struct App {
    atlases: Vec<(Reading, &'static Atlas)>,
    default_reading: Reading,
    cache: Cache,
    /// One permit per core: at most that many territories, changes or maps are computed at
    /// once (on blocking threads); the others wait.
    heavy: Semaphore,
}

/// The region the explorer shows.
pub const SERVED_REGION: &str = "sino_russian";

/// The readings of the region the explorer shows, in the order of [`Reading::ALL`].
pub fn served_readings() -> impl Iterator<Item = Reading> {
    Reading::ALL
        .into_iter()
        .filter(|r| r.region() == SERVED_REGION)
}

impl App {
    /// The state of a server whose requests without `reading=` use `default_reading`. Builds
    /// the atlas of every reading (about 0.1 s each, once per process).
    pub fn new(default_reading: Reading) -> Result<App, String> {
        if default_reading.region() != SERVED_REGION {
            return Err(format!(
                "the reading {} concerns the region {}; serve shows the {SERVED_REGION} region only",
                default_reading.id(),
                default_reading.region()
            ));
        }
        let atlases = served_readings()
            .map(|r| crate::atlas_of(r).map(|a| (r, a)))
            .collect::<Result<_, _>>()?;
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Ok(App {
            atlases,
            default_reading,
            cache: Cache::new(CACHE_BYTES),
            heavy: Semaphore::new(cores),
        })
    }

    /// The reading a request names with `reading=` (the default when it names none) and its
    /// atlas.
    fn atlas_for(&self, params: &Params) -> Result<(Reading, &'static Atlas), ApiError> {
        let reading = params.reading(self.default_reading)?;
        self.atlases
            .iter()
            .find(|(r, _)| *r == reading)
            .map(|(_, a)| (reading, *a))
            .ok_or_else(|| ApiError::internal(format!("no atlas for {}", reading.id())))
    }
}

/// The routes, with the limits on every request: a body of at most [`MAX_BODY_BYTES`] (413),
/// an answer within [`REQUEST_TIMEOUT`] (408), at most [`MAX_CONCURRENT_REQUESTS`] at once.
/// An unknown path is a 404 with a JSON error.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(page_html))
        .route("/explorer.js", get(page_js))
        .route("/explorer.css", get(page_css))
        .route("/api/at", get(routes::at))
        .route("/api/territories", get(routes::territories))
        .route("/api/changes", get(routes::changes))
        .route("/api/map.svg", get(routes::map_svg))
        .route("/api/control", get(routes::control))
        .route("/api/meta", get(routes::meta))
        .fallback(routes::not_found)
        .with_state(app)
        .layer(tower::limit::ConcurrencyLimitLayer::new(
            MAX_CONCURRENT_REQUESTS,
        ))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
}

type Page = ([(header::HeaderName, &'static str); 1], &'static str);

async fn page_html() -> Page {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        include_str!("page/index.html"),
    )
}

async fn page_js() -> Page {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("page/explorer.js"),
    )
}

async fn page_css() -> Page {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("page/explorer.css"),
    )
}

/// Where `nerchinsk serve` listens and which reading it answers by default.
pub struct Options {
    /// The address to bind, e.g. 127.0.0.1.
    pub bind: IpAddr,
    /// The port; 0 takes any free one (the address is printed).
    pub port: u16,
    /// The reading of requests without `reading=`.
    pub reading: Reading,
}

/// `nerchinsk serve`: binds, prints `serving http://ADDR/` on stderr, and answers until
/// Ctrl-C (or SIGTERM), then finishes the requests under way. A client has
/// [`HEADER_READ_TIMEOUT`] to send a request's head of at most [`MAX_HEAD_BYTES`].
pub fn run(options: Options) -> Result<(), String> {
    let app = Arc::new(App::new(options.reading)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("starting the server: {e}"))?;
    runtime.block_on(async move {
        let addr = SocketAddr::new(options.bind, options.port);
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| format!("binding {addr}: {e}"))?;
        let local = listener.local_addr().map_err(|e| e.to_string())?;
        eprintln!("nerchinsk: serving http://{local}/ (Ctrl-C to stop)");
        listen::serve(listener, router(app), shutdown()).await;
        Ok(())
    })
}

/// Resolves on Ctrl-C or, on Unix, SIGTERM.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
