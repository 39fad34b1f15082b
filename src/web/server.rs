//! Building the application from configuration and serving it.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::IntoResponse as _;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::ServiceBuilder;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

use super::cookies::CookieNames;
use crate::clock::Clock;
use crate::config::{Config, DirectoryKind, OnPremises};
use crate::crypto::Keys;
use crate::directory::agent::{AgentDirectory, AgentHub};
use crate::directory::graph::GraphDirectory;
use crate::directory::instrumented::Instrumented;
use crate::directory::ldap::LdapDirectory;
use crate::directory::{DirError, Directory};
use crate::flow::Services;
use crate::metrics::{LastErrors, Metrics};
use crate::notify::Mailer;
use crate::store::Db;

/// Why the portal could not start. Never carries a secret.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("database: {0}")]
    Database(String),
    #[error("directory: {0}")]
    Directory(String),
    #[error("mail: {0}")]
    Mail(String),
    #[error("sms: {0}")]
    Sms(String),
    #[error("listen on {0}: {1}")]
    Listen(String, std::io::Error),
    #[error("secrets.master_key: missing or invalid")]
    MasterKey,
    /// A branding file (logo, favicon, style sheet, wording) could not be read; names its key.
    #[error("{0}")]
    Branding(String),
}

/// The directory `directory.kind` names.
fn build_directory(config: &Config, db: &Db, keys: &Keys, hub: &Arc<AgentHub>) -> Result<Arc<dyn Directory>, DirError> {
    let d = &config.directory;
    // Jobs, leases and heartbeats run on real time, never on a test's shifted clock.
    let agents = || -> Arc<dyn Directory> {
        Arc::new(AgentDirectory::new(db.clone(), keys.clone(), Clock::system(), hub.clone(), d.agent.clone()))
    };
    match (d.kind, &d.graph) {
        (DirectoryKind::Graph, Some(graph)) => {
            let on_premises: Option<Arc<dyn Directory>> = match graph.on_premises {
                OnPremises::Ldap => Some(Arc::new(LdapDirectory::new(d)?)),
                OnPremises::Agent => Some(agents()),
                OnPremises::None => None,
            };
            let scope_groups = crate::config::graph_groups::entra_ids(config);
            Ok(Arc::new(GraphDirectory::new(graph, scope_groups, on_premises)?))
        }
        (DirectoryKind::Graph, None) => Err(DirError::Denied("directory.graph is missing".into())),
        (DirectoryKind::Ldap, _) => Ok(Arc::new(LdapDirectory::new(d)?)),
        (DirectoryKind::Agent, _) => Ok(agents()),
    }
}

/// Whether writeback agents serve this portal (directly, or for synced Entra accounts).
pub(super) fn uses_agents(config: &Config) -> bool {
    let d = &config.directory;
    d.kind == DirectoryKind::Agent
        || (d.kind == DirectoryKind::Graph && d.graph.as_ref().is_some_and(|g| g.on_premises == OnPremises::Agent))
}

/// The assembled application: its services and its router with every middleware.
pub struct App {
    pub services: Arc<Services>,
    branding: Arc<super::assets::Branding>,
}

impl App {
    /// Connects the database (running migrations), the directory and the mailer.
    pub async fn build(config: Config, clock: Clock) -> Result<App, StartError> {
        let master = config.master_key().ok_or(StartError::MasterKey)?;
        let branding = Arc::new(super::assets::Branding::load(&config).map_err(StartError::Branding)?);
        let (db, upgraded) = Db::connect_upgrading(&config.database.effective_url(), config.database.max_connections)
            .await
            .map_err(|e| StartError::Database(e.to_string()))?;
        let agent_hub = Arc::new(AgentHub::default());
        let keys = Keys::derive(&master);
        let directory =
            build_directory(&config, &db, &keys, &agent_hub).map_err(|e| StartError::Directory(e.to_string()))?;
        let directory: Arc<dyn Directory> = Arc::new(crate::directory::bounded::Bounded::new(
            directory,
            config.directory.max_concurrent_ops,
            Duration::from_secs(config.directory.queue_timeout_secs),
        ));
        let metrics = Arc::new(Metrics::new());
        let last_errors = Arc::new(LastErrors::default());
        let directory: Arc<dyn Directory> =
            Arc::new(Instrumented::new(directory, metrics.clone(), last_errors.clone(), clock.clone()));
        // Start-up checks of the directory's set-up (the policy-hints control on AD): logged
        // where found, and listed in /readyz's detail. Does not wait for a DC that is down.
        let checked = directory.clone();
        tokio::spawn(async move { checked.notes().await });
        let mailer = Arc::new(Mailer::from_config(&config.mail).map_err(|e| StartError::Mail(e.to_string()))?);
        let sms = crate::notify::sms::SmsSender::from_config(&config.sms)
            .map_err(|e| StartError::Sms(e.to_string()))?
            .map(Arc::new);
        let services = Services {
            config: Arc::new(config),
            directory,
            db,
            keys,
            mailer,
            sms,
            clock,
            agent_hub,
            metrics,
            last_errors,
            listing: Default::default(),
        };
        if upgraded {
            crate::flow::rows::bind_legacy_methods(&services.db, &services.keys)
                .await
                .map_err(|e| StartError::Database(e.to_string()))?;
        }
        Ok(App { services: Arc::new(services), branding })
    }

    /// The router with sessions, CSRF, limits, security headers and error pages.
    pub fn router(&self) -> Router {
        let services = self.services.clone();
        let config = &services.config;
        let names = CookieNames::for_config(config);
        let store = crate::store::SealedSessionStore::new(&services.db, services.keys.clone(), services.clock.clone());
        let sessions = SessionManagerLayer::new(store)
            .with_name(names.session.clone())
            .with_secure(names.secure)
            .with_http_only(true)
            .with_same_site(SameSite::Strict)
            .with_path("/")
            .with_expiry(Expiry::OnInactivity(time::Duration::seconds(
                i64::try_from(config.server.flow_timeout_secs).unwrap_or(900),
            )));
        let x_request_id = HeaderName::from_static("x-request-id");
        let mut headers = vec![
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::REFERRER_POLICY, "no-referrer"),
            (header::X_FRAME_OPTIONS, "DENY"),
            (header::CACHE_CONTROL, "no-store"),
            (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
            (HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=(), payment=()"),
        ];
        // Browsers ignore HSTS over plain HTTP (RFC 6797), so it goes on every response.
        headers.push((header::STRICT_TRANSPORT_SECURITY, "max-age=63072000; includeSubDomains"));
        let pacer = Arc::new(crate::pace::Pacer::new(
            Duration::from_millis(config.server.uniform_post_ms),
            Duration::from_millis(config.server.uniform_post_max_ms),
        ));
        // One `layer` call per stack, not one per middleware: axum boxes every route again for
        // each call and clones each box on every request.
        let mut router = super::routes(services.clone()).layer(
            ServiceBuilder::new()
                .layer(axum::Extension(self.branding.clone()))
                .layer(axum::Extension(names))
                .layer(sessions)
                .layer(axum::middleware::from_fn_with_state(services.clone(), super::context_layer::layer))
                .layer(axum::middleware::from_fn_with_state(services.clone(), super::csrf::layer))
                .layer(axum::middleware::from_fn_with_state(pacer, uniform_post_time)),
        );
        // API callers authenticate each request by token: no session, no CSRF cookie.
        router = router.merge(super::api::routes(services.clone()));
        // Agents authenticate each message by signature: no session, no CSRF cookie.
        if uses_agents(config) {
            router = router.merge(super::agent_api::routes(services.clone()));
        }
        if config.metrics.enabled && config.metrics.listen.is_empty() {
            router = router.merge(super::health::metrics_routes(services.clone(), true));
        }
        router = router.route_layer(axum::middleware::from_fn(super::health::name_route));
        let headers: Arc<[(HeaderName, HeaderValue)]> =
            headers.into_iter().map(|(name, value)| (name, HeaderValue::from_static(value))).collect();
        router = router.layer(axum::middleware::map_response_with_state(headers, security_headers));
        // Kiosk paths are recognised, and their prefix cut off, before the routes are matched.
        let router = Router::new()
            .fallback_service(router)
            .layer(axum::middleware::from_fn_with_state(services.clone(), super::context_layer::kiosk_entry));
        router.layer(
            ServiceBuilder::new()
                .layer(axum::Extension(self.branding.clone()))
                .layer(axum::middleware::from_fn(super::assets::wording))
                .layer(axum::middleware::from_fn_with_state(services.clone(), super::health::count_request))
                .layer(axum::middleware::from_fn_with_state(services.clone(), super::who::trusted_request_id))
                .layer(SetRequestIdLayer::new(x_request_id.clone(), MakeRequestUuid))
                .layer(TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<_>| {
                    let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
                    // The path only: query strings may hold a username from a deep link.
                    let path = loggable_path(req.uri().path());
                    tracing::info_span!("request", method = %req.method(), path = %path, request_id = %id)
                }))
                .layer(PropagateRequestIdLayer::new(x_request_id))
                .layer(axum::middleware::from_fn_with_state(services.clone(), super::who::warn_shared_bucket))
                .layer(axum::middleware::from_fn_with_state(services.clone(), super::pages::render_error_pages))
                .layer(axum::middleware::from_fn(limit_header_size))
                .layer(TimeoutLayer::with_status_code(
                    axum::http::StatusCode::REQUEST_TIMEOUT,
                    Duration::from_secs(config.server.request_timeout_secs),
                ))
                .layer(RequestBodyLimitLayer::new(config.server.max_body_bytes)),
        )
    }
}

/// A request path as the log may show it: one-time link tokens ("this wasn't me", the
/// helpdesk's reset link and its confirmation link, under a kiosk prefix too) are cut out,
/// what follows the token stays.
pub fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    for marker in ["/wasnt-me/", "/reset/link/", "/confirm/"] {
        if let Some(at) = path.find(marker)
            && matches!(&path[..at], "" | "/kiosk")
        {
            let after = &path[at + marker.len()..];
            let rest = after.find('/').map_or("", |end| &after[end..]);
            return format!("{}{marker}[token]{rest}", &path[..at]).into();
        }
    }
    path.into()
}

/// Sets each of the security headers the response does not carry already (a page may set its
/// own, e.g. a looser `Cache-Control` for static files).
async fn security_headers(
    axum::extract::State(headers): axum::extract::State<Arc<[(HeaderName, HeaderValue)]>>,
    mut res: axum::response::Response,
) -> axum::response::Response {
    for (name, value) in headers.iter() {
        if !res.headers().contains_key(name) {
            res.headers_mut().insert(name.clone(), value.clone());
        }
    }
    res
}

/// The most header bytes a request may carry; browsers send a few kilobytes.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// Refuses requests whose headers (cookies included) exceed [`MAX_HEADER_BYTES`] with 431.
async fn limit_header_size(req: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    let size: usize = req.headers().iter().map(|(k, v)| k.as_str().len() + v.len() + 4).sum();
    if size > MAX_HEADER_BYTES {
        tracing::info!(size, "refused a request with oversized headers");
        return axum::http::StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE.into_response();
    }
    next.run(req).await
}

/// Holds every form post's answer until its route's floor has passed since it arrived, so
/// timing cannot tell a registered account from an unknown one. Errors are held too. The floor
/// is `server.uniform_post_ms`, raised per route to what existing accounts recently cost
/// there (see [`crate::pace`]).
async fn uniform_post_time(
    axum::extract::State(pacer): axum::extract::State<Arc<crate::pace::Pacer>>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if req.method() != axum::http::Method::POST {
        return next.run(req).await;
    }
    let route = req.extensions().get::<axum::extract::MatchedPath>().map_or("-", |p| p.as_str()).to_owned();
    pacer.hold(&route, next.run(req)).await
}

/// A portal serving in the background.
pub struct Running {
    pub addr: SocketAddr,
    pub services: Arc<Services>,
    /// Where `/metrics` is served on its own, when `metrics.listen` is set.
    pub metrics_addr: Option<SocketAddr>,
    shutdown: Option<watch::Sender<bool>>,
    task: tokio::task::JoinHandle<()>,
    /// Webhooks and the SIEM export (`flow/exports.rs`).
    exports: Option<crate::flow::exports::Exports>,
}

impl Running {
    /// Stops accepting connections and waits for the server task.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(true);
        }
        let _ = (&mut self.task).await;
        if let Some(exports) = self.exports.take() {
            exports.stop().await;
        }
        // The last word on the audit trail, for `rekey audit verify --checkpoints`.
        crate::flow::checkpoint::write(&self.services).await;
    }

    /// The base URL, e.g. `http://127.0.0.1:41234`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// Builds the app, binds `server.listen` (port 0 picks a free port) and serves until stopped.
pub async fn start(config: Config, clock: Clock) -> Result<Running, StartError> {
    let listen = config.server.listen.clone();
    let listener = TcpListener::bind(&listen).await.map_err(|e| StartError::Listen(listen, e))?;
    start_on(listener, config, clock).await
}

/// Like `start`, on a listener the caller already bound (tests bind first to learn the port).
pub async fn start_on(listener: TcpListener, config: Config, clock: Clock) -> Result<Running, StartError> {
    let addr = listener.local_addr().map_err(|e| StartError::Listen(config.server.listen.clone(), e))?;
    // Bind the metrics address before anything else can fail half-way.
    let metrics_listener = match &config.metrics.listen {
        listen if config.metrics.enabled && !listen.is_empty() => {
            Some(TcpListener::bind(listen).await.map_err(|e| StartError::Listen(listen.clone(), e))?)
        }
        _ => None,
    };
    let app = App::build(config, clock).await?;
    let router = app.router();
    let services = app.services.clone();
    spawn_housekeeping(services.clone());
    crate::flow::checkpoint::spawn(&services);
    crate::flow::reminders::spawn(&services);
    let exports = Some(crate::flow::exports::start(&services).await);
    let (tx, rx) = watch::channel(false);
    let metrics_addr = match metrics_listener {
        Some(listener) => {
            let metrics_addr = listener.local_addr().ok();
            let metrics_router = super::health::metrics_routes(services.clone(), false);
            let mut stop = rx.clone();
            tokio::spawn(async move {
                let served = axum::serve(listener, metrics_router.into_make_service_with_connect_info::<SocketAddr>())
                    .with_graceful_shutdown(async move {
                        let _ = stop.changed().await;
                    })
                    .await;
                if let Err(err) = served {
                    tracing::error!(%err, "the metrics listener stopped with an error");
                }
            });
            metrics_addr
        }
        None => None,
    };
    let mut stop = rx;
    let task = tokio::spawn(async move {
        let served = axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(async move {
                let _ = stop.changed().await;
            })
            .await;
        if let Err(err) = served {
            tracing::error!(%err, "server stopped with an error");
        }
    });
    tracing::info!(%addr, "rekey is serving");
    if let Some(metrics_addr) = metrics_addr {
        tracing::info!(%metrics_addr, "metrics are served on their own address");
    }
    Ok(Running { addr, services, metrics_addr, shutdown: Some(tx), task, exports })
}

/// Checkpoints SQLite's write-ahead log once a second, off the requests' path (see
/// `Db::checkpoint`), and once a minute deletes expired attempts, codes and sessions. One task
/// does both, so the sweep's own checkpoint never meets the passive one.
fn spawn_housekeeping(services: Arc<Services>) {
    let weak = Arc::downgrade(&services);
    drop(services);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        for second in 0u64.. {
            tick.tick().await;
            let Some(services) = weak.upgrade() else { return };
            if second % 60 == 0 {
                sweep(&services).await;
            } else if let Err(err) = services.db.checkpoint().await {
                tracing::debug!(%err, "could not checkpoint the write-ahead log; the next second tries again");
            }
        }
    });
}

/// What housekeeping deletes once a minute.
async fn sweep(services: &Services) {
    if let Err(err) = services.db.delete_expired(services.clock.now()).await {
        tracing::warn!(%err, "could not delete expired attempts");
    }
    let now = crate::agent::proto::now();
    // Sealed boxes go once their job can no longer be leased (its deadline passed, its
    // requester gone or not), job rows a minute after their deadline whatever became of
    // them; nonces only as long as a message with that timestamp could still be accepted.
    if let Err(err) =
        services.db.delete_old_agent_records(now - 60, now - 4 * crate::agent::proto::MAX_SKEW_SECS, now).await
    {
        tracing::warn!(%err, "could not delete old agent jobs");
    }
    // Rate windows are at most a day long; keep two.
    if let Err(err) = services.db.delete_old_rate_counters(services.clock.now() - 2 * 86_400).await {
        tracing::warn!(%err, "could not delete old rate counters");
    }
    if let Err(err) = services.db.session_store().delete_expired().await {
        tracing::warn!(%err, "could not delete expired sessions");
    }
    services.metrics.upkeep();
}

#[cfg(test)]
mod loggable_tests {
    use super::loggable_path;

    #[test]
    fn link_tokens_never_reach_the_log() {
        assert_eq!(loggable_path("/wasnt-me/abcDEF123"), "/wasnt-me/[token]");
        assert_eq!(loggable_path("/reset/link/abcDEF123"), "/reset/link/[token]");
        assert_eq!(loggable_path("/kiosk/reset/link/abcDEF123"), "/kiosk/reset/link/[token]");
        assert_eq!(loggable_path("/kiosk/wasnt-me/abcDEF123"), "/kiosk/wasnt-me/[token]");
        assert_eq!(loggable_path("/confirm/abcDEF123"), "/confirm/[token]");
        assert_eq!(loggable_path("/confirm/abcDEF123/options"), "/confirm/[token]/options");
        assert_eq!(loggable_path("/helpdesk/confirm/send"), "/helpdesk/confirm/send");
        assert_eq!(loggable_path("/reset/password"), "/reset/password");
    }
}
