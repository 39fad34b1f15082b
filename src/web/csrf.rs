//! CSRF protection: a signed double-submit token. The token lives in a `__Host-` cookie
//! (SameSite=Strict) and in a hidden field of every form; a POST passes only when both match
//! and the signature is ours. Cross-origin POSTs are refused before any handler runs.
//!
//! Stateless on purpose: showing a page never writes to the database.

use std::sync::Arc;

use axum::RequestExt;
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use super::cookies::CookieNames;
use super::error::Error;
use crate::flow::Services;

/// The request's CSRF token, and whether it was just made (so a POST cannot rely on it).
#[derive(Debug, Clone)]
pub struct CsrfToken {
    pub value: String,
    fresh: bool,
}

/// Forms carry their token in a field named `csrf`.
pub trait HasCsrf {
    fn csrf(&self) -> &str;
}

/// Implements `HasCsrf` for form structs with a `csrf: String` field.
macro_rules! has_csrf {
    ($($t:ty),* $(,)?) => { $(impl $crate::web::csrf::HasCsrf for $t { fn csrf(&self) -> &str { &self.csrf } })* };
}
pub(crate) use has_csrf;

/// A form with nothing but its token: a button.
#[derive(serde::Deserialize)]
pub struct EmptyForm {
    #[serde(default)]
    csrf: String,
}

/// A form carrying a one-time code.
#[derive(serde::Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    pub code: String,
}

has_csrf!(EmptyForm, CodeForm);

/// Sets a token cookie when the browser has none, and refuses cross-origin POSTs.
pub async fn layer(State(services): State<Arc<Services>>, mut req: Request, next: Next) -> Response {
    let names = req.extensions().get::<CookieNames>().cloned().unwrap_or_default();
    let existing = cookie_value(&req, &names.csrf).filter(|t| services.keys.csrf_token_valid(t));
    let token = match existing {
        Some(value) => CsrfToken { value, fresh: false },
        None => CsrfToken { value: services.keys.csrf_token(), fresh: true },
    };
    if req.method() != Method::GET && req.method() != Method::HEAD && !same_origin(&req, &services.config) {
        tracing::warn!(origin = ?req.headers().get(header::ORIGIN), "refused a cross-origin form post");
        return Error::Csrf.into_response();
    }
    req.extensions_mut().insert(token.clone());
    let mut res = next.run(req).await;
    if token.fresh {
        let secure = if names.secure { "; Secure" } else { "" };
        let cookie = format!("{}={}; Path=/; HttpOnly; SameSite=Strict{secure}", names.csrf, token.value);
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

fn cookie_value(req: &Request, name: &str) -> Option<String> {
    req.headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

/// A POST is same-origin when its Origin header (or, failing that, Sec-Fetch-Site) says so.
/// Kiosk hosts (`kiosk.hosts`) count as the portal's own origin, at the public URL's scheme.
/// Browsers send Origin on every POST; a request with neither comes from a non-browser client,
/// which the token check still covers.
///
/// Our pages send `Referrer-Policy: no-referrer`, under which browsers send `Origin: null` on
/// their own same-origin posts; a `null` origin is therefore judged by Sec-Fetch-Site (a
/// sandboxed frame elsewhere, which also sends `null`, says `cross-site` there).
fn same_origin(req: &Request, config: &crate::config::Config) -> bool {
    let origin = req.headers().get(header::ORIGIN).filter(|o| o.as_bytes() != b"null");
    if let Some(origin) = origin {
        let Ok(public) = url::Url::parse(&config.server.public_url) else { return false };
        let Ok(origin) = origin.to_str() else { return false };
        if origin == public.origin().ascii_serialization() {
            return true;
        }
        return url::Url::parse(origin).is_ok_and(|o| {
            o.scheme() == public.scheme()
                && o.host_str().is_some_and(|h| config.kiosk.hosts.iter().any(|k| k.eq_ignore_ascii_case(h)))
        });
    }
    match req.headers().get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        Some(site) => matches!(site, "same-origin" | "none"),
        None => true,
    }
}

/// A form whose CSRF token was checked.
pub struct Verified<T>(pub T);

impl<S, T> FromRequest<S> for Verified<T>
where
    S: Send + Sync,
    T: DeserializeOwned + HasCsrf + Send + 'static,
{
    type Rejection = Error;

    /// The token is checked before the rest of the form is even parsed, so a forged post
    /// gets the same 403 whatever else it carries.
    async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
        #[derive(serde::Deserialize)]
        struct TokenOnly {
            #[serde(default)]
            csrf: String,
        }
        let token = req.extensions().get::<CsrfToken>().cloned();
        let is_form = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        let bytes = req
            .extract::<axum::body::Bytes, _>()
            .await
            .map_err(|rejection| Error::BadForm(rejection.into_response().status()))?;
        let sent = serde_urlencoded::from_bytes::<TokenOnly>(&bytes).map(|t| t.csrf).unwrap_or_default();
        match token {
            Some(t) if !t.fresh && crate::crypto::constant_time_eq(t.value.as_bytes(), sent.as_bytes()) => {}
            _ => return Err(Error::Csrf),
        }
        if !is_form {
            return Err(Error::BadForm(axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE));
        }
        let form: T =
            serde_urlencoded::from_bytes(&bytes).map_err(|_| Error::BadForm(axum::http::StatusCode::BAD_REQUEST))?;
        debug_assert_eq!(form.csrf(), sent);
        Ok(Verified(form))
    }
}
