//! Probes for load balancers and orchestrators: `/healthz` says the process answers (and
//! which version and commit it runs, as `rekey --version` does);
//! `/readyz` says it can serve people, because the database and the directory (or, with
//! writeback agents, at least one agent that reaches it) answer right now. The answer names
//! what failed but never how: details go to the log. Its `detail` lists set-up advice that
//! does not stop people (an AD DC without the policy-hints control), also logged.

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::flow::Services;

/// How long each check may take before it counts as failed.
const CHECK_TIMEOUT: Duration = Duration::from_secs(3);

/// `{"status": "ok", "version": "0.1.0", "commit": "…"}`: answering at all is the health.
pub async fn healthz() -> Json<serde_json::Value> {
    Json(json!({
        "status": "ok",
        "version": crate::version::VERSION,
        "commit": crate::version::COMMIT,
    }))
}

/// Whether the database answers now; the error text is for the admin.
pub async fn check_database(s: &Services) -> Result<(), String> {
    let result = match tokio::time::timeout(CHECK_TIMEOUT, s.db.ping()).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(err)) => Err(err.to_string()),
        Err(_) => Err("no answer within 3 s".to_owned()),
    };
    if let Err(err) = &result {
        s.last_errors.record("database", s.clock.now(), err.clone());
    }
    result
}

/// Whether the directory (or an agent that reaches it) answers now.
pub async fn check_directory(s: &Services) -> Result<(), String> {
    match tokio::time::timeout(CHECK_TIMEOUT, s.directory.health()).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(err)) => Err(err.to_string()),
        Err(_) => {
            s.last_errors.record("directory", s.clock.now(), "health: no answer within 3 s");
            Err("no answer within 3 s".to_owned())
        }
    }
}

/// Whether the mail server accepts a connection now (the console mailer always does).
pub async fn check_mail(s: &Services) -> Result<(), String> {
    let result = match tokio::time::timeout(CHECK_TIMEOUT, s.mailer.check()).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(err)) => Err(err.to_string()),
        Err(_) => Err("no answer within 3 s".to_owned()),
    };
    if let Err(err) = &result {
        s.last_errors.record("mail", s.clock.now(), err.clone());
    }
    result
}

pub async fn readyz(State(s): State<Arc<Services>>) -> Response {
    let (database, directory) = tokio::join!(check_database(&s), check_directory(&s));
    // Set-up advice that does not make the portal unready (logged once, where it is found).
    let detail = tokio::time::timeout(CHECK_TIMEOUT, s.directory.notes()).await.unwrap_or_default();
    let word = |r: &Result<(), String>| if r.is_ok() { "ok" } else { "unavailable" };
    let ready = database.is_ok() && directory.is_ok();
    if let Err(err) = &database {
        tracing::warn!(%err, "not ready: the database does not answer");
    }
    if let Err(err) = &directory {
        tracing::warn!(%err, "not ready: the directory does not answer");
    }
    let status = if ready { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    let body = json!({
        "status": if ready { "ready" } else { "unready" },
        "database": word(&database),
        "directory": word(&directory),
        "detail": detail,
    });
    (status, Json(body)).into_response()
}

/// `/metrics`. On the main listener (`guarded`) only clients in `metrics.allow_from` get it;
/// everyone else gets the same 404 as any unknown path.
pub fn metrics_routes(services: Arc<Services>, guarded: bool) -> axum::Router {
    let handler = move |State(s): State<Arc<Services>>, who: super::who::Who| async move {
        if guarded {
            let allowed = s.config.metrics.allowed_networks();
            let ip = who.0.ip.as_deref().and_then(|ip| ip.parse::<std::net::IpAddr>().ok());
            if !ip.is_some_and(|ip| allowed.iter().any(|net| net.contains(&ip))) {
                return StatusCode::NOT_FOUND.into_response();
            }
        }
        match s.db.agent_queue_depth().await {
            Ok(depth) => s.metrics.set_agent_queue_depth(u64::try_from(depth).unwrap_or(0)),
            Err(err) => tracing::warn!(%err, "could not count the writeback queue for /metrics"),
        }
        ([(axum::http::header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], s.metrics.render())
            .into_response()
    };
    axum::Router::new().route("/metrics", axum::routing::get(handler)).with_state(services)
}

/// The route template a request matched, handed from the router to [`count_request`].
#[derive(Clone)]
struct RouteName(String);

/// Notes which route template answered (inside the router, where it is known).
pub async fn name_route(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let route = req.extensions().get::<axum::extract::MatchedPath>().map(|p| p.as_str().to_owned());
    let mut res = next.run(req).await;
    if let Some(route) = route {
        res.extensions_mut().insert(RouteName(route));
    }
    res
}

/// Counts and times every request by route template, method and status.
pub async fn count_request(
    State(s): State<Arc<Services>>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let started = std::time::Instant::now();
    let method = match *req.method() {
        axum::http::Method::GET => "GET",
        axum::http::Method::POST => "POST",
        axum::http::Method::HEAD => "HEAD",
        _ => "other",
    };
    let res = next.run(req).await;
    let route = res.extensions().get::<RouteName>().map_or("unmatched", |r| r.0.as_str());
    s.metrics.http(route, method, res.status().as_u16(), started.elapsed());
    res
}
