//! One error type for the web layer, one `IntoResponse`, and the middleware that turns every
//! error status into a page. The person sees a plain explanation and the request id; the
//! detail goes to the log and never to the page.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use super::pages::{ErrorPage, Layout, render};
use crate::flow::{FlowError, Services};

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Flow(#[from] FlowError),
    #[error("too many wrong codes; the attempt is void")]
    Voided,
    #[error("missing or wrong CSRF token, or a cross-origin post")]
    Csrf,
    #[error("unreadable form ({0})")]
    BadForm(StatusCode),
    #[error("session store: {0}")]
    Session(#[from] tower_sessions::session::Error),
    #[error("template: {0}")]
    Template(#[from] askama::Error),
}

/// What an error page says. Travels in the response extensions to `render_error_pages`.
#[derive(Debug, Clone, Copy)]
pub struct ErrorInfo {
    pub title: &'static str,
    pub message: &'static str,
    pub start_over: bool,
    /// Offer the reset flow instead (an unlock the directory can only do by a reset).
    pub offer_reset: bool,
    /// Seconds until trying again can work (rate limits); also sent as Retry-After.
    pub wait: Option<i64>,
}

impl ErrorInfo {
    /// "Try again in about 12 minutes." for a rate-limited page.
    pub fn wait_text(&self) -> Option<String> {
        let secs = self.wait?;
        let when = match secs {
            ..=59 => "less than a minute".to_owned(),
            60..=119 => "about a minute".to_owned(),
            120..=5399 => format!("about {} minutes", (secs + 30) / 60),
            5400..=86_399 => format!("about {} hours", (secs + 1800) / 3600),
            _ => "about a day".to_owned(),
        };
        Some(format!("You can try again in {when}."))
    }
}

impl Error {
    fn status_and_info(&self) -> (StatusCode, ErrorInfo) {
        let info =
            |title, message, start_over| ErrorInfo { title, message, start_over, wait: None, offer_reset: false };
        match self {
            Error::Flow(FlowError::Unavailable(_)) => (
                StatusCode::SERVICE_UNAVAILABLE,
                info(
                    "Password services are unavailable right now",
                    "Nothing was changed. The service that checks and changes passwords is not answering right now. Please try again in a few minutes; if it keeps happening, contact the helpdesk.",
                    true,
                ),
            ),
            Error::Flow(FlowError::Unconfirmed(_)) => (
                StatusCode::GATEWAY_TIMEOUT,
                info(
                    "We could not confirm the change",
                    "The service that changes passwords inside your organisation's network did not answer in time, so the change may or may not have been made. Try signing in with your old password first; if that fails, try the new one. If neither works, contact the helpdesk.",
                    true,
                ),
            ),
            Error::Flow(FlowError::RateLimited { retry_after }) => (
                StatusCode::TOO_MANY_REQUESTS,
                ErrorInfo {
                    title: "Too many attempts",
                    message: "For everyone's safety there is a limit on how often this can be tried. Nothing was changed.",
                    start_over: false,
                    wait: Some(*retry_after),
                    offer_reset: false,
                },
            ),
            Error::Flow(FlowError::SelfServicePaused { retry_after }) => (
                StatusCode::TOO_MANY_REQUESTS,
                ErrorInfo {
                    title: "Self-service is paused for this username",
                    message: "There have been too many password reset attempts for this username in the last 24 hours, so self-service is paused for it. If you need your password reset now, contact the helpdesk.",
                    start_over: false,
                    wait: Some(*retry_after),
                    offer_reset: false,
                },
            ),
            Error::Flow(FlowError::UnlockByReset) => (
                StatusCode::CONFLICT,
                ErrorInfo {
                    title: "A new password is what unlocks your account",
                    message: "Your account is kept in Microsoft Entra ID, which has no separate unlock: choosing a new password unlocks it. Nothing was changed yet.",
                    start_over: false,
                    offer_reset: true,
                    wait: None,
                },
            ),
            Error::Flow(FlowError::Expired) => (
                StatusCode::GONE,
                info(
                    "This attempt has ended",
                    "It timed out, was finished, or had too many wrong codes. Please start again.",
                    true,
                ),
            ),
            Error::Flow(FlowError::OutOfStep(_)) => (
                StatusCode::CONFLICT,
                info(
                    "This page is out of date",
                    "It may have been opened in another tab or used already. Please start again.",
                    true,
                ),
            ),
            Error::Voided => (
                StatusCode::FORBIDDEN,
                info(
                    "Too many wrong codes",
                    "For your safety this attempt has ended and nothing was changed. You can start again; if you did not ask for a code, you can ignore this.",
                    true,
                ),
            ),
            Error::Csrf => (
                StatusCode::FORBIDDEN,
                info(
                    "This form has expired",
                    "For your safety the form could not be accepted. Go back, reload the page and try again.",
                    true,
                ),
            ),
            Error::BadForm(StatusCode::PAYLOAD_TOO_LARGE) => (StatusCode::PAYLOAD_TOO_LARGE, too_large()),
            Error::BadForm(_) => (
                StatusCode::BAD_REQUEST,
                info("The form could not be read", "Go back, reload the page and try again.", true),
            ),
            Error::Flow(FlowError::Store(_) | FlowError::Internal(_)) | Error::Session(_) | Error::Template(_) => {
                (StatusCode::INTERNAL_SERVER_ERROR, internal())
            }
        }
    }
}

fn too_large() -> ErrorInfo {
    ErrorInfo {
        title: "Too much was sent",
        message: "What you sent is larger than this form accepts. Go back and shorten what you typed.",
        start_over: false,
        wait: None,
        offer_reset: false,
    }
}

fn internal() -> ErrorInfo {
    ErrorInfo {
        title: "Something went wrong on our side",
        message: "Nothing was changed. Please try again; if it keeps happening, give the helpdesk the reference below.",
        start_over: true,
        wait: None,
        offer_reset: false,
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let (status, info) = self.status_and_info();
        if status.is_server_error() {
            tracing::error!(error = %self, status = status.as_u16(), "request failed");
        } else {
            tracing::info!(error = %self, status = status.as_u16(), "request refused");
        }
        let mut res = status.into_response();
        if let Some(wait) = info.wait {
            if let Ok(v) = axum::http::HeaderValue::from_str(&wait.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        res.extensions_mut().insert(info);
        res
    }
}

/// The fallback for unknown paths.
pub async fn not_found() -> Response {
    let mut res = StatusCode::NOT_FOUND.into_response();
    res.extensions_mut().insert(ErrorInfo {
        title: "Page not found",
        message: "There is no page at this address. Start from the home page.",
        start_over: true,
        wait: None,
        offer_reset: false,
    });
    res
}

/// Renders a page for every error response that is not already a page (or, from the agent
/// API, JSON): ours, the body
/// limit's 413, the timeout's 408, the router's 405.
pub async fn render_error_pages(State(services): State<Arc<Services>>, req: Request, next: Next) -> Response {
    let request_id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-").to_owned();
    let res = next.run(req).await;
    let status = res.status();
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html") || v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_html {
        return res;
    }
    let info = res.extensions().get::<ErrorInfo>().copied().unwrap_or(match status {
        StatusCode::PAYLOAD_TOO_LARGE => too_large(),
        StatusCode::REQUEST_TIMEOUT => ErrorInfo {
            title: "That took too long",
            message: "Nothing was changed. Please try again.",
            start_over: true,
            wait: None,
            offer_reset: false,
        },
        StatusCode::METHOD_NOT_ALLOWED => ErrorInfo {
            title: "This page cannot be used that way",
            message: "Start from the home page.",
            start_over: true,
            wait: None,
            offer_reset: false,
        },
        s if s.is_server_error() => internal(),
        _ => ErrorInfo {
            title: "The request could not be handled",
            message: "Start from the home page.",
            start_over: true,
            wait: None,
            offer_reset: false,
        },
    });
    let page = ErrorPage { l: Layout::new(&services, ""), status: status.as_u16(), info, request_id };
    let mut out = match render(&page) {
        Ok(html) => (status, Html(html)).into_response(),
        Err(err) => {
            tracing::error!(%err, "error page failed to render");
            (status, "Something went wrong. Please try again.").into_response()
        }
    };
    // Keep headers such as Retry-After from the original response.
    for (name, value) in res.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            out.headers_mut().append(name.clone(), value.clone());
        }
    }
    out
}
