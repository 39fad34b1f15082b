//! Probes for load balancers and orchestrators: `/healthz` says the process answers;
//! `/readyz` says it can serve people, because the database and the directory (or, with
//! writeback agents, at least one agent that reaches it) answer right now. The answer names
//! what failed but never how: details go to the log.

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

pub async fn healthz() -> &'static str {
    "ok"
}

pub async fn readyz(State(s): State<Arc<Services>>) -> Response {
    let database = async {
        match tokio::time::timeout(CHECK_TIMEOUT, s.db.ping()).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(err)) => Err(err.to_string()),
            Err(_) => Err("no answer within 3 s".to_owned()),
        }
    };
    let directory = async {
        match tokio::time::timeout(CHECK_TIMEOUT, s.directory.health()).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(err)) => Err(err.to_string()),
            Err(_) => Err("no answer within 3 s".to_owned()),
        }
    };
    let (database, directory) = tokio::join!(database, directory);
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
    });
    (status, Json(body)).into_response()
}
