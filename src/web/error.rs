//! One error type for the web layer and one `IntoResponse`: a status and what the error page
//! says (`pages::render_error_pages` renders it). The person sees a plain explanation and the
//! request id; the detail goes to the log and never to the page.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::flow::FlowError;
use crate::i18n::{Arg, Lang};

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
    /// Signed in, but not allowed here (the admin area, for someone in no admin group).
    #[error("not an admin")]
    NotAdmin,
    /// Signed in, but in no helpdesk group.
    #[error("not a helpdesk member")]
    NotHelpdesk,
    #[error("not found")]
    NotFound,
}

/// What an error page says, as message keys. Travels in the response extensions to
/// `render_error_pages`.
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
    /// "You can try again in about 12 minutes." for a rate-limited page.
    pub fn wait_text(&self, lang: &Lang) -> Option<String> {
        let lang = *lang;
        let secs = self.wait?;
        Some(match secs {
            ..=59 => lang.t("wait-seconds"),
            60..=5399 => lang.t_with("wait-minutes", &[("minutes", Arg::Num(((secs + 30) / 60).max(1)))]),
            5400..=86_399 => lang.t_with("wait-hours", &[("hours", Arg::Num((secs + 1800) / 3600))]),
            _ => lang.t("wait-day"),
        })
    }
}

impl Error {
    fn status_and_info(&self) -> (StatusCode, ErrorInfo) {
        let info =
            |title, message, start_over| ErrorInfo { title, message, start_over, wait: None, offer_reset: false };
        match self {
            Error::Flow(FlowError::Unavailable(_)) => {
                (StatusCode::SERVICE_UNAVAILABLE, info("error-unavailable-title", "error-unavailable", true))
            }
            Error::Flow(FlowError::Unconfirmed(_)) => {
                (StatusCode::GATEWAY_TIMEOUT, info("error-unconfirmed-title", "error-unconfirmed", true))
            }
            Error::Flow(FlowError::Refused(_)) => {
                (StatusCode::FORBIDDEN, info("error-refused-title", "error-refused", false))
            }
            Error::Flow(FlowError::RateLimited { retry_after }) => (
                StatusCode::TOO_MANY_REQUESTS,
                ErrorInfo {
                    title: "error-rate-limited-title",
                    message: "error-rate-limited",
                    start_over: false,
                    wait: Some(*retry_after),
                    offer_reset: false,
                },
            ),
            Error::Flow(FlowError::SelfServicePaused { retry_after }) => (
                StatusCode::TOO_MANY_REQUESTS,
                ErrorInfo {
                    title: "error-paused-title",
                    message: "error-paused",
                    start_over: false,
                    wait: Some(*retry_after),
                    offer_reset: false,
                },
            ),
            Error::Flow(FlowError::UnlockByReset) => (
                StatusCode::CONFLICT,
                ErrorInfo {
                    title: "error-unlock-by-reset-title",
                    message: "error-unlock-by-reset",
                    start_over: false,
                    offer_reset: true,
                    wait: None,
                },
            ),
            Error::Flow(FlowError::Expired) => (StatusCode::GONE, info("error-expired-title", "error-expired", true)),
            Error::Flow(FlowError::OutOfStep(_)) => {
                (StatusCode::CONFLICT, info("error-out-of-step-title", "error-out-of-step", true))
            }
            Error::NotAdmin => (StatusCode::FORBIDDEN, info("error-not-admin-title", "error-not-admin", false)),
            Error::NotHelpdesk => {
                (StatusCode::FORBIDDEN, info("error-not-helpdesk-title", "error-not-helpdesk", false))
            }
            Error::NotFound => (StatusCode::NOT_FOUND, info("error-not-found-title", "error-not-found", true)),
            Error::Voided => (StatusCode::FORBIDDEN, info("error-voided-title", "error-voided", true)),
            Error::Csrf => (StatusCode::FORBIDDEN, info("error-csrf-title", "error-csrf", true)),
            Error::BadForm(StatusCode::PAYLOAD_TOO_LARGE) => (StatusCode::PAYLOAD_TOO_LARGE, too_large()),
            Error::BadForm(_) => (StatusCode::BAD_REQUEST, info("error-bad-form-title", "error-bad-form", true)),
            Error::Flow(FlowError::Store(_) | FlowError::Internal(_)) | Error::Session(_) | Error::Template(_) => {
                (StatusCode::INTERNAL_SERVER_ERROR, internal())
            }
        }
    }
}

pub(super) fn too_large() -> ErrorInfo {
    ErrorInfo {
        title: "error-too-large-title",
        message: "error-too-large",
        start_over: false,
        wait: None,
        offer_reset: false,
    }
}

pub(super) fn internal() -> ErrorInfo {
    ErrorInfo {
        title: "error-internal-title",
        message: "error-internal",
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
        if let Some(wait) = info.wait
            && let Ok(v) = axum::http::HeaderValue::from_str(&wait.to_string())
        {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
        res.extensions_mut().insert(info);
        res
    }
}

/// The fallback for unknown paths.
pub async fn not_found() -> Response {
    let mut res = StatusCode::NOT_FOUND.into_response();
    res.extensions_mut().insert(ErrorInfo {
        title: "error-not-found-title",
        message: "error-not-found",
        start_over: true,
        wait: None,
        offer_reset: false,
    });
    res
}
