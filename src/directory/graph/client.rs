//! One Graph request with everything around it: the bearer token (refreshed once on a 401),
//! throttling (429, or 503/504 with Retry-After: Retry-After, or exponential back-off) up to
//! the operation's deadline, and
//! Graph's error body turned into a [`GraphFailure`] with the request ids for the log.
//!
//! Request bodies may carry a password: they are never logged, and neither is a token.

use std::sync::Arc;
use std::time::Duration;

use reqwest::{Method, StatusCode, header};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use tokio::time::Instant;

use super::token::AppTokens;
use crate::directory::DirError;

/// A Graph answer that was not a success, with what the admin needs to follow it up.
#[derive(Debug)]
pub struct GraphFailure {
    pub status: StatusCode,
    pub code: String,
    pub message: String,
    pub request_id: String,
    pub client_request_id: String,
}

/// Whose token a request carries.
pub enum Bearer<'a> {
    /// The app's own (client credentials), refreshed once on a 401.
    App(&'a AppTokens),
    /// A person's delegated token from their sign-in; never refreshed here.
    Delegated(&'a SecretString),
}

/// One request: what it is for (named in logs and errors), its method, its path below
/// `/v1.0`, its query and its JSON body (which may carry a password).
pub struct Call<'a> {
    pub operation: &'static str,
    pub method: Method,
    pub path: &'a str,
    pub query: &'a [(&'a str, &'a str)],
    pub body: Option<&'a serde_json::Value>,
}

impl<'a> Call<'a> {
    /// A GET of `path` with `query`.
    pub fn get(operation: &'static str, path: &'a str, query: &'a [(&'a str, &'a str)]) -> Call<'a> {
        Call { operation, method: Method::GET, path, query, body: None }
    }

    /// A write (`POST`, `PATCH`) to `path`, with `body` if it has one.
    pub fn write(
        operation: &'static str,
        method: Method,
        path: &'a str,
        body: Option<&'a serde_json::Value>,
    ) -> Call<'a> {
        Call { operation, method, path, query: &[], body }
    }
}

/// The HTTP side of the Graph directory.
pub struct GraphClient {
    pub http: reqwest::Client,
    /// `https://graph.microsoft.com/v1.0`.
    pub base: String,
    pub deadline: Duration,
}

#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Deserialize)]
struct ErrorDetail {
    #[serde(default)]
    code: String,
    #[serde(default)]
    message: String,
}

/// Longest single wait rekey accepts from Retry-After or its own back-off.
const MAX_WAIT: Duration = Duration::from_secs(60);

impl GraphClient {
    /// Sends one request (`path` after `/v1.0`) and returns the success body (empty on 204).
    /// `Err(Ok(failure))` is Graph's refusal for the caller to map; `Err(Err(e))` is already
    /// a directory error (unreachable, throttled past the deadline, token refused).
    pub async fn send(&self, call: Call<'_>, bearer: Bearer<'_>) -> Result<Vec<u8>, Result<GraphFailure, DirError>> {
        self.send_to(&format!("{}{}", self.base, call.path), &call, bearer).await
    }

    /// GETs the next page of a collection from Graph's `@odata.nextLink`, which keeps the
    /// query of the first request. Only a link below this client's base is followed: the token
    /// goes nowhere else.
    pub async fn next_page(
        &self,
        operation: &'static str,
        link: &str,
        bearer: Bearer<'_>,
    ) -> Result<Vec<u8>, Result<GraphFailure, DirError>> {
        if !link.strip_prefix(&self.base).is_some_and(|rest| rest.starts_with('/')) {
            tracing::error!(operation, "Microsoft Graph's next-page link is not below {}; not followed", self.base);
            return Err(Err(DirError::Unavailable(format!(
                "Microsoft Graph's next-page link for {operation} points elsewhere"
            ))));
        }
        self.send_to(link, &Call::get(operation, link, &[]), bearer).await
    }

    /// Sends `call` to `url` (its path below the base, or a whole next-page link).
    async fn send_to(
        &self,
        url: &str,
        call: &Call<'_>,
        bearer: Bearer<'_>,
    ) -> Result<Vec<u8>, Result<GraphFailure, DirError>> {
        let Call { operation, ref method, query, body, .. } = *call;
        let deadline = Instant::now() + self.deadline;
        let mut refreshed = false;
        let mut throttled = 0u32;
        loop {
            let app_token;
            let token: &SecretString = match &bearer {
                Bearer::App(tokens) => {
                    app_token = tokens.token().await.map_err(Err)?;
                    &app_token
                }
                Bearer::Delegated(t) => {
                    app_token = Arc::new(SecretString::from(String::new()));
                    t
                }
            };
            let client_request_id = uuid::Uuid::new_v4().to_string();
            let mut request = self.http.request(method.clone(), url);
            if !query.is_empty() {
                // A next-page link carries its query already; nothing may be added to it.
                request = request.query(query);
            }
            let mut request = request
                .bearer_auth(token.expose_secret())
                .header("client-request-id", &client_request_id)
                .header("return-client-request-id", "true");
            if let Some(body) = body {
                request = request.json(body);
            } else if *method == Method::POST {
                // A POST without a body still says so: Microsoft's front door answers 411 to
                // one with neither a length nor chunks, as the SDKs know.
                request = request.header(header::CONTENT_LENGTH, "0").body(Vec::new());
            }
            let remaining = deadline.saturating_duration_since(Instant::now());
            let response = match tokio::time::timeout(remaining, request.send()).await {
                Ok(Ok(r)) => r,
                Ok(Err(e)) => {
                    let kind = if e.is_timeout() { "timed out" } else { "unreachable" };
                    tracing::warn!(operation, %client_request_id, "Microsoft Graph {kind}: {e}");
                    if !e.is_connect() && may_change(method, operation) {
                        return Err(Err(unconfirmed(operation, &client_request_id, kind)));
                    }
                    return Err(Err(DirError::Unavailable(format!("Microsoft Graph {kind} during {operation}"))));
                }
                Err(_) => {
                    tracing::warn!(operation, %client_request_id, "Microsoft Graph did not answer before the deadline");
                    if may_change(method, operation) {
                        return Err(Err(unconfirmed(operation, &client_request_id, "passed the deadline")));
                    }
                    return Err(Err(DirError::Unavailable(format!(
                        "Microsoft Graph deadline passed during {operation}"
                    ))));
                }
            };
            let status = response.status();
            let request_id = header_text(&response, "request-id");
            let retry_after = header_text(&response, header::RETRY_AFTER.as_str()).trim().parse::<u64>().ok();
            let bytes = response.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
            if status.is_success() {
                return Ok(bytes);
            }
            let failure = failure(status, &bytes, request_id, client_request_id);
            if status == StatusCode::UNAUTHORIZED
                && !refreshed
                && let Bearer::App(tokens) = &bearer
            {
                log_failure(operation, &failure, "token refused, fetching a new one");
                tokens.reject(&app_token).await;
                refreshed = true;
                continue;
            }
            // Graph asks to be waited out with 429, and with 503 or 504 carrying Retry-After.
            let busy = matches!(status, StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT);
            if status == StatusCode::TOO_MANY_REQUESTS || (busy && retry_after.is_some()) {
                let wait = match retry_after {
                    Some(secs) => Duration::from_secs(secs),
                    None => Duration::from_millis(500u64.saturating_mul(1 << throttled.min(7))),
                }
                .min(MAX_WAIT);
                if Instant::now() + wait >= deadline {
                    log_failure(operation, &failure, "throttled past the operation's deadline");
                    return Err(Err(DirError::Unavailable(format!(
                        "Microsoft Graph throttled {operation} past the deadline (request-id {})",
                        failure.request_id
                    ))));
                }
                log_failure(operation, &failure, "throttled, waiting");
                throttled += 1;
                tokio::time::sleep(wait).await;
                continue;
            }
            log_failure(operation, &failure, "Microsoft Graph refused");
            if status.is_server_error() {
                return Err(Err(DirError::Unavailable(format!(
                    "Microsoft Graph answered {status} to {operation} (request-id {})",
                    failure.request_id
                ))));
            }
            return Err(Ok(failure));
        }
    }
}

/// Requests that change something once they reach Graph (a PATCH, a POST other than the
/// read-only group checks): after sending one, no answer does not mean nothing happened.
fn may_change(method: &Method, operation: &str) -> bool {
    *method == Method::PATCH || (*method == Method::POST && !operation.contains("MemberGroups"))
}

fn unconfirmed(operation: &str, client_request_id: &str, kind: &str) -> DirError {
    DirError::Unconfirmed(format!(
        "Microsoft Graph {kind} after {operation} was sent (client-request-id {client_request_id})"
    ))
}

fn header_text(response: &reqwest::Response, name: &str) -> String {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned()
}

fn failure(status: StatusCode, body: &[u8], request_id: String, client_request_id: String) -> GraphFailure {
    let (code, message) = match serde_json::from_slice::<ErrorBody>(body) {
        Ok(b) => (b.error.code, b.error.message),
        Err(_) => (String::new(), String::new()),
    };
    GraphFailure { status, code, message, request_id, client_request_id }
}

/// Every failure goes to the admin log with Graph's ids, never with a body rekey sent.
fn log_failure(operation: &str, f: &GraphFailure, what: &str) {
    tracing::warn!(
        operation,
        status = f.status.as_u16(),
        code = %f.code,
        graph_message = %f.message,
        request_id = %f.request_id,
        client_request_id = %f.client_request_id,
        "{what}"
    );
}
