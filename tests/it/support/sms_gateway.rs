//! An SMS gateway double that speaks HTTP: a webhook endpoint that takes anything, and a
//! Twilio Messages API that checks what the real one checks (basic auth with the account SID
//! and token, the SID in the path, `To`, `From` and `Body` present). Every request is
//! recorded; the double can be told to fail with 500 or to hang.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRequest, Path, Request};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use base64::Engine as _;

pub const TWILIO_SID: &str = "ACtest0123456789";
pub const TWILIO_TOKEN: &str = "twilio-test-token";

/// What the double does with the next requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Accept,
    /// 500 with a JSON error body that echoes the request, as careless gateways do.
    Fail,
    /// Never answers (until the client gives up).
    Hang,
}

/// One request as the double saw it.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    pub path_and_query: String,
    pub headers: HashMap<String, String>,
    pub body: String,
}

impl Received {
    /// The body's form fields (Twilio, form webhooks).
    pub fn form(&self) -> HashMap<String, String> {
        url::form_urlencoded::parse(self.body.as_bytes()).into_owned().collect()
    }

    /// The body as JSON (JSON webhooks).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// The text the person would read: Twilio's `Body`, else a JSON `text`/`message` field.
    pub fn text(&self) -> String {
        if let Some(body) = self.form().get("Body") {
            return body.clone();
        }
        let json = self.json();
        json["text"].as_str().or(json["message"].as_str()).unwrap_or_default().to_owned()
    }

    /// The code in the text: its first run of six or more digits.
    pub fn code(&self) -> String {
        let text = self.text();
        let code = text
            .split(|c: char| !c.is_ascii_digit())
            .find(|run| run.len() >= 6)
            .unwrap_or_else(|| panic!("no code in {text:?}"))
            .to_owned();
        super::remember_secret(&code);
        code
    }
}

#[derive(Default)]
struct Shared {
    mode: Mutex<Option<Mode>>,
    received: Mutex<Vec<Received>>,
}

/// A running double on 127.0.0.1 and a random port.
pub struct SmsGateway {
    pub base: String,
    shared: Arc<Shared>,
}

impl SmsGateway {
    pub async fn start() -> SmsGateway {
        let shared = Arc::new(Shared::default());
        let app = Router::new()
            .route("/2010-04-01/Accounts/{sid}/Messages.json", post(twilio))
            .fallback(webhook)
            .with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        SmsGateway { base, shared }
    }

    pub fn set_mode(&self, mode: Mode) {
        *self.shared.mode.lock().unwrap() = Some(mode);
    }

    /// Every request so far, oldest first.
    pub fn received(&self) -> Vec<Received> {
        self.shared.received.lock().unwrap().clone()
    }

    /// Waits (up to five seconds) until at least `n` requests have come.
    pub async fn wait_for(&self, n: usize) -> Vec<Received> {
        for _ in 0..100 {
            let got = self.received();
            if got.len() >= n {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the SMS gateway got {} requests, expected {n}", self.received().len());
    }

    /// The code in the last message, once it has come.
    pub async fn last_code(&self, after: usize) -> String {
        self.wait_for(after + 1).await.last().unwrap().code()
    }
}

/// A request to the double, recorded as it arrived; `mode` is what the double does with it.
struct Recorded {
    mode: Mode,
    headers: HeaderMap,
    body: Bytes,
}

impl FromRequest<Arc<Shared>> for Recorded {
    type Rejection = Response;

    async fn from_request(request: Request, shared: &Arc<Shared>) -> Result<Recorded, Response> {
        let (parts, body) = request.into_parts();
        let body = axum::body::to_bytes(body, usize::MAX)
            .await
            .map_err(|e| (StatusCode::BAD_REQUEST, e.to_string()).into_response())?;
        let headers =
            parts.headers.iter().map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned())).collect();
        shared.received.lock().unwrap().push(Received {
            method: parts.method.to_string(),
            path_and_query: parts.uri.path_and_query().map(ToString::to_string).unwrap_or_default(),
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        });
        let mode = shared.mode.lock().unwrap().unwrap_or(Mode::Accept);
        Ok(Recorded { mode, headers: parts.headers, body })
    }
}

async fn misbehave(mode: Mode, body: &Bytes) -> Option<Response> {
    match mode {
        Mode::Accept => None,
        Mode::Fail => {
            let echo = String::from_utf8_lossy(body).into_owned();
            let error = serde_json::json!({ "message": format!("upstream carrier down for {echo}") });
            Some((StatusCode::INTERNAL_SERVER_ERROR, axum::Json(error)).into_response())
        }
        Mode::Hang => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            None
        }
    }
}

async fn webhook(Recorded { mode, body, .. }: Recorded) -> Response {
    if let Some(failed) = misbehave(mode, &body).await {
        return failed;
    }
    (StatusCode::OK, axum::Json(serde_json::json!({ "status": "queued" }))).into_response()
}

fn twilio_error(status: StatusCode, code: u32, message: &str) -> Response {
    let body = serde_json::json!({ "code": code, "message": message, "status": status.as_u16() });
    (status, axum::Json(body)).into_response()
}

async fn twilio(Path(sid): Path<String>, Recorded { mode, headers, body }: Recorded) -> Response {
    let expected =
        format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{TWILIO_SID}:{TWILIO_TOKEN}")));
    if headers.get("authorization").and_then(|v| v.to_str().ok()) != Some(expected.as_str()) || sid != TWILIO_SID {
        return twilio_error(StatusCode::UNAUTHORIZED, 20003, "Authenticate");
    }
    if headers.get("content-type").and_then(|v| v.to_str().ok()) != Some("application/x-www-form-urlencoded") {
        return twilio_error(StatusCode::UNSUPPORTED_MEDIA_TYPE, 21000, "Unsupported media type");
    }
    let form: HashMap<String, String> = url::form_urlencoded::parse(&body).into_owned().collect();
    for (field, code) in [("To", 21604), ("From", 21603), ("Body", 21602)] {
        if form.get(field).is_none_or(|v| v.is_empty()) {
            return twilio_error(StatusCode::BAD_REQUEST, code, &format!("A '{field}' parameter is required."));
        }
    }
    if let Some(failed) = misbehave(mode, &body).await {
        return failed;
    }
    let sent = serde_json::json!({ "sid": "SM0123", "status": "queued", "to": form["To"] });
    (StatusCode::CREATED, axum::Json(sent)).into_response()
}
