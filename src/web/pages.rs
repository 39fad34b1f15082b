//! Template types: one struct per page, each with the shared `Layout`; and the middleware that
//! turns every error status into a page.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use super::context::{Ctx, lang_form};
use super::csrf::CsrfToken;
use super::error::{Error, ErrorInfo, internal, too_large};
use crate::flow::Services;
use crate::i18n::{Lang, ToArg};

/// What every page needs: words in the person's language, the organisation's name and look,
/// the CSRF token, and whether this is a kiosk.
pub struct Layout {
    pub lang: Lang,
    pub org: String,
    pub title: String,
    pub csrf: String,
    /// The path prefix of every link and form action ("" unless on a kiosk path).
    pub root: String,
    pub kiosk: Option<KioskView>,
    pub has_logo: bool,
    /// `branding.favicon_file` and `branding.custom_css_file` are set.
    pub has_favicon: bool,
    pub has_custom_css: bool,
    /// How to reach the helpdesk (`[contact]`) in this language; `None` when not configured.
    pub contact: Option<crate::config::Contact>,
    /// Every language, for the switcher.
    pub languages: Vec<LangChoice>,
    /// The switcher's form: this page's path, and its query as hidden fields.
    pub lang_action: String,
    pub lang_keep: Vec<(String, String)>,
    /// Where the person came from, when a deep link named an allowed host (done pages only).
    pub return_to: Option<String>,
}

/// The kiosk's idle timer and the address to continue on a phone.
pub struct KioskView {
    pub idle_secs: u64,
    pub warning_secs: u64,
    pub phone_url: String,
}

pub struct LangChoice {
    pub code: &'static str,
    pub name: &'static str,
    pub current: bool,
}

impl Layout {
    pub fn new(services: &Services, ctx: &Ctx, title_key: &str) -> Layout {
        let config = &services.config;
        let lang = ctx.lang;
        let languages = Lang::ALL
            .into_iter()
            .map(|l| LangChoice { code: l.code(), name: l.native_name(), current: l == lang })
            .collect();
        let (lang_action, lang_keep) = lang_form(&ctx.here);
        let kiosk = ctx.kiosk.as_ref().map(|root| {
            // The same flow, at the portal's public address rather than the kiosk's.
            let flow = ctx.here.strip_prefix(root.as_str()).unwrap_or(&ctx.here);
            let flow = flow.split(['/', '?']).nth(1).filter(|f| ["reset", "unlock", "change", "register"].contains(f));
            let base = config.server.public_url.trim_end_matches('/');
            KioskView {
                idle_secs: config.kiosk.idle_secs,
                warning_secs: config.kiosk.warning_secs,
                phone_url: match flow {
                    Some(f) => format!("{base}/{f}?lang={}", lang.code()),
                    None => format!("{base}/?lang={}", lang.code()),
                },
            }
        });
        Layout {
            lang,
            org: config.server.organisation.clone(),
            title: if title_key.is_empty() { String::new() } else { lang.t(title_key) },
            csrf: String::new(),
            root: ctx.root().to_owned(),
            kiosk,
            has_logo: config.branding.logo_file.is_some(),
            has_favicon: config.branding.favicon_file.is_some(),
            has_custom_css: config.branding.custom_css_file.is_some(),
            contact: config.contact.for_lang(lang.code()),
            languages,
            lang_action,
            lang_keep,
            return_to: None,
        }
    }

    pub fn with_csrf(services: &Services, ctx: &Ctx, title_key: &str, token: &CsrfToken) -> Layout {
        Layout { csrf: token.value.clone(), ..Layout::new(services, ctx, title_key) }
    }

    /// Offers a way back to where a deep link came from.
    pub fn returning(mut self, to: Option<String>) -> Layout {
        self.return_to = to.filter(|_| self.kiosk.is_none());
        self
    }

    /// The message `key` in the page's language.
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// The message `key` with one value.
    pub fn t1(&self, key: &str, name: &'static str, value: impl ToArg) -> String {
        self.lang.t_with(key, &[(name, value.to_arg())])
    }

    /// The message `key` with two values.
    pub fn t2(
        &self,
        key: &str,
        name: &'static str,
        value: impl ToArg,
        name2: &'static str,
        value2: impl ToArg,
    ) -> String {
        self.lang.t_with(key, &[(name, value.to_arg()), (name2, value2.to_arg())])
    }

    /// The message for the count `n`, with `{n}` where the number goes: for a script that
    /// counts down.
    pub fn count_pattern(&self, key: &str, name: &'static str, n: u32) -> String {
        self.lang.t_with(key, &[(name, n.into())]).replace(&n.to_string(), "{n}")
    }

    /// The QR code that opens this flow on a phone (kiosk pages only).
    pub fn phone_qr(&self) -> String {
        match &self.kiosk {
            Some(k) => crate::factors::totp::qr_svg(&k.phone_url).unwrap_or_default(),
            None => String::new(),
        }
    }
}

/// Where a flow is: its steps by name, and the one the person is on (from 1).
#[derive(Debug, Clone)]
pub struct Step {
    pub now: usize,
    pub names: Vec<String>,
}

impl Step {
    pub fn new(lang: Lang, now: usize, keys: &[&str]) -> Step {
        Step { now, names: keys.iter().map(|k| lang.t(k)).collect() }
    }

    pub fn of(&self) -> usize {
        self.names.len()
    }

    /// Whether step `i` (from 0) is done, current or still to come.
    pub fn state(&self, i: &usize) -> &'static str {
        match (i + 1).cmp(&self.now) {
            std::cmp::Ordering::Less => "done",
            std::cmp::Ordering::Equal => "current",
            std::cmp::Ordering::Greater => "todo",
        }
    }
}

pub fn render<T: Template>(page: &T) -> Result<String, askama::Error> {
    page.render()
}

pub fn html<T: Template>(page: &T) -> Result<Html<String>, Error> {
    Ok(Html(page.render()?))
}

/// A form page shown again: 422 when it carries an error (`refused`), 200 when it is fresh.
pub fn form_page<T: Template>(page: &T, refused: bool) -> Result<Response, Error> {
    let status = if refused { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    Ok((status, html(page)?).into_response())
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub l: Layout,
}

pub async fn home(
    axum::extract::State(services): axum::extract::State<std::sync::Arc<Services>>,
    ctx: Ctx,
) -> Result<Html<String>, Error> {
    html(&HomePage { l: Layout::new(&services, &ctx, "home-title") })
}

/// Ends the visit: on a kiosk the session is wiped (the idle timer and the "finish" button come
/// here); elsewhere it only leads to the start page, so a link cannot end someone's flow.
pub async fn start_over(ctx: Ctx, session: tower_sessions::Session) -> Result<axum::response::Response, Error> {
    use axum::response::IntoResponse as _;
    if ctx.is_kiosk() {
        session.flush().await?;
    }
    Ok(axum::response::Redirect::to("/").into_response())
}

/// The kiosk's "I'm still here": the request itself renews the visit (see `context_layer::layer`).
pub async fn still_here() -> axum::http::StatusCode {
    axum::http::StatusCode::NO_CONTENT
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub l: Layout,
    pub status: u16,
    pub info: ErrorInfo,
    pub request_id: String,
}

/// Renders a page for every error response that is not already a page (or, from the agent
/// API, JSON): ours, the body
/// limit's 413, the timeout's 408, the router's 405.
pub async fn render_error_pages(State(services): State<Arc<Services>>, req: Request, next: Next) -> Response {
    let request_id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-").to_owned();
    let fallback_ctx = Ctx::from_request_headers(&services, req.headers(), req.uri());
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
            title: "error-timeout-title",
            message: "error-timeout",
            start_over: true,
            wait: None,
            offer_reset: false,
        },
        StatusCode::METHOD_NOT_ALLOWED => ErrorInfo {
            title: "error-method-title",
            message: "error-method",
            start_over: true,
            wait: None,
            offer_reset: false,
        },
        s if s.is_server_error() => internal(),
        _ => ErrorInfo {
            title: "error-other-title",
            message: "error-other",
            start_over: true,
            wait: None,
            offer_reset: false,
        },
    });
    let ctx = res.extensions().get::<Ctx>().cloned().unwrap_or(fallback_ctx);
    let page = ErrorPage { l: Layout::new(&services, &ctx, info.title), status: status.as_u16(), info, request_id };
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
