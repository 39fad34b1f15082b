//! Per-request presentation context: the language, and whether the request comes from a kiosk.
//!
//! Language: `?lang=` first (remembered in a cookie, except on a kiosk), then that cookie,
//! then Accept-Language, then `branding.default_language`. On a kiosk the choice lives in the
//! session instead, so it ends with the visit.
//!
//! Kiosk: requests under `kiosk.path_prefix` (the prefix is cut off before routing, and put
//! back on every redirect) or for a host in `kiosk.hosts`. A kiosk visit idle for longer than
//! `kiosk.idle_secs` is wiped, whatever the browser's script did or did not do.

use std::sync::Arc;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::return_to;
use super::server::CookieNames;
use crate::flow::Services;
use crate::i18n::Lang;

/// The cookie that remembers a language chosen with `?lang=`.
pub const LANG_COOKIE: &str = "rekey-lang";
const SESSION_LANG: &str = "kiosk.lang";
const SESSION_SEEN: &str = "kiosk.seen";

/// Set before routing on a kiosk request: the path prefix the browser sees ("" for a kiosk host).
#[derive(Debug, Clone)]
pub struct KioskRoot(pub String);

/// What every page needs to know about the request it answers.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: Lang,
    /// `Some(prefix)` on a kiosk: the path prefix links must carry ("" for a kiosk host).
    pub kiosk: Option<String>,
    /// This page's path and query as the browser sees it, without `lang`, for the switcher.
    pub here: String,
}

impl Ctx {
    /// The prefix every link and form action carries.
    pub fn root(&self) -> &str {
        self.kiosk.as_deref().unwrap_or("")
    }

    pub fn is_kiosk(&self) -> bool {
        self.kiosk.is_some()
    }

    /// The context from headers alone (no session), for error pages made outside the router.
    pub fn from_request_headers(services: &Services, headers: &axum::http::HeaderMap, uri: &Uri) -> Ctx {
        let prefix = services.config.kiosk.path_prefix.as_str();
        let kiosk = (!prefix.is_empty() && uri.path().starts_with(prefix)).then(|| prefix.to_owned());
        let lang = query_lang(uri)
            .or_else(|| if kiosk.is_some() { None } else { cookie_lang(headers) })
            .or_else(|| accept_lang(headers))
            .unwrap_or_else(|| default_lang(services));
        Ctx { lang, kiosk, here: "/".into() }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(parts.extensions.get::<Ctx>().cloned().unwrap_or(Ctx { lang: Lang::En, kiosk: None, here: "/".into() }))
    }
}

/// Before routing: recognises a kiosk request and cuts the kiosk prefix off its path.
pub async fn kiosk_entry(State(services): State<Arc<Services>>, mut req: Request, next: Next) -> Response {
    let kiosk = &services.config.kiosk;
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(|h| h.rsplit_once(':').map_or(h, |(name, port)| if port.parse::<u16>().is_ok() { name } else { h }))
        .unwrap_or("");
    let by_host = kiosk.hosts.iter().any(|h| h.eq_ignore_ascii_case(host));
    let prefix = kiosk.path_prefix.as_str();
    let path = req.uri().path();
    let by_path =
        !prefix.is_empty() && path.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    if by_path {
        if path == prefix {
            // "/kiosk" -> "/kiosk/", so relative thinking and the start page agree.
            return Redirect::to(&format!("{prefix}/")).into_response();
        }
        let rest = &path[prefix.len()..];
        let rest = match req.uri().query() {
            Some(q) => format!("{rest}?{q}"),
            None => rest.to_owned(),
        };
        match rest.parse::<Uri>() {
            Ok(uri) => *req.uri_mut() = uri,
            Err(_) => return StatusCode::BAD_REQUEST.into_response(),
        }
        req.extensions_mut().insert(KioskRoot(prefix.to_owned()));
    } else if by_host {
        req.extensions_mut().insert(KioskRoot(String::new()));
    }
    let root = req.extensions().get::<KioskRoot>().cloned();
    let mut res = next.run(req).await;
    if let Some(KioskRoot(root)) = root.filter(|r| !r.0.is_empty()) {
        // Redirects name portal paths; on a kiosk path they stay under the prefix.
        let location = res.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).map(str::to_owned);
        if let Some(loc) = location.filter(|l| l.starts_with('/') && !l.starts_with("//")) {
            if let Ok(v) = HeaderValue::from_str(&format!("{root}{loc}")) {
                res.headers_mut().insert(header::LOCATION, v);
            }
        }
    }
    res
}

/// Inside the session layer: chooses the language, enforces the kiosk idle limit, and makes
/// the [`Ctx`] every handler and error page reads.
pub async fn layer(State(services): State<Arc<Services>>, mut req: Request, next: Next) -> Response {
    let kiosk = req.extensions().get::<KioskRoot>().map(|k| k.0.clone());
    let session = req.extensions().get::<Session>().cloned();
    if let (None, Some(session)) = (&kiosk, &session) {
        let prefix = services.config.kiosk.path_prefix.as_str();
        let path = req.uri().path();
        // A visit begun on a kiosk stays one: without the prefix it would leave the idle wipe
        // and the kiosk's limits (no admin area, nothing remembered) behind.
        if !prefix.is_empty()
            && !path.starts_with("/static/")
            && session.get::<i64>(SESSION_SEEN).await.ok().flatten().is_some()
        {
            let rest = req.uri().path_and_query().map_or("/", |p| p.as_str());
            return Redirect::to(&format!("{prefix}{rest}")).into_response();
        }
    }
    let asked = query_lang(req.uri());
    let lang = match (&kiosk, &session) {
        (Some(_), Some(session)) => {
            let now = services.clock.now();
            let seen = session.get::<i64>(SESSION_SEEN).await.ok().flatten();
            let idle = i64::try_from(services.config.kiosk.idle_secs).unwrap_or(90);
            if seen.is_some_and(|seen| now - seen >= idle) {
                tracing::info!("kiosk visit idle too long; session wiped");
                let _ = session.flush().await;
            }
            // The static files and the keep-alive do not need a session of their own.
            if !req.uri().path().starts_with("/static/") {
                let _ = session.insert(SESSION_SEEN, now).await;
            }
            if let Some(lang) = asked {
                let _ = session.insert(SESSION_LANG, lang).await;
            }
            let kept = session.get::<Lang>(SESSION_LANG).await.ok().flatten();
            asked.or(kept).or_else(|| accept_lang(req.headers())).unwrap_or_else(|| default_lang(&services))
        }
        _ => asked
            .or_else(|| cookie_lang(req.headers()))
            .or_else(|| accept_lang(req.headers()))
            .unwrap_or_else(|| default_lang(&services)),
    };
    let root = kiosk.clone().unwrap_or_default();
    let mut ctx = Ctx { lang, kiosk: kiosk.clone(), here: format!("{root}{}", req.uri().path()) };
    if req.method() == Method::GET {
        let keep = |k: &str, v: &str| {
            k == "username" || (k == "return_to" && return_to::allowed(&services, &ctx, v).is_some())
        };
        ctx.here = here(req.uri(), &root, keep);
    }
    req.extensions_mut().insert(ctx.clone());
    let is_get = req.method() == Method::GET;
    let names = req.extensions().get::<CookieNames>().cloned().unwrap_or_default();
    let mut res = next.run(req).await;
    // A language switch on an address that only takes form posts: go to the start instead.
    if is_get && asked.is_some() && res.status() == StatusCode::METHOD_NOT_ALLOWED {
        res = Redirect::to("/").into_response();
    }
    if let (Some(lang), None) = (asked, &kiosk) {
        let secure = if names.secure { "; Secure" } else { "" };
        let cookie = format!("{LANG_COOKIE}={}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{secure}", lang.code());
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res.extensions_mut().insert(ctx);
    res
}

fn default_lang(services: &Services) -> Lang {
    Lang::parse(&services.config.branding.default_language).unwrap_or_default()
}

fn query_lang(uri: &Uri) -> Option<Lang> {
    let query = uri.query()?;
    url::form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == "lang").and_then(|(_, v)| Lang::parse(&v))
}

fn cookie_lang(headers: &axum::http::HeaderMap) -> Option<Lang> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == LANG_COOKIE)
        .and_then(|c| Lang::parse(c.value()))
}

fn accept_lang(headers: &axum::http::HeaderMap) -> Option<Lang> {
    let header = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    // A header is a few dozen bytes; a long one is not worth negotiating.
    Lang::from_accept_language(header.get(..256).unwrap_or(header))
}

/// The path as the browser sees it, with the query parameters `keep` accepts (never `lang`).
fn here(uri: &Uri, root: &str, keep: impl Fn(&str, &str) -> bool) -> String {
    let kept: Vec<(String, String)> = uri
        .query()
        .map(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .filter(|(k, v)| k != "lang" && keep(k, v))
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect()
        })
        .unwrap_or_default();
    let mut out = format!("{root}{}", uri.path());
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&url::form_urlencoded::Serializer::new(String::new()).extend_pairs(kept).finish());
    }
    out
}

/// A link to `here` in another language.
pub fn with_lang(here: &str, lang: Lang) -> String {
    let sep = if here.contains('?') { '&' } else { '?' };
    format!("{here}{sep}lang={}", lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_switcher_keeps_the_query_but_not_the_language() {
        let uri: Uri = "/reset?username=ann&lang=de".parse().unwrap_or_default();
        let all = |_: &str, _: &str| true;
        assert_eq!(here(&uri, "", all), "/reset?username=ann");
        assert_eq!(with_lang(&here(&uri, "/kiosk", all), Lang::Fr), "/kiosk/reset?username=ann&lang=fr");
        let bare: Uri = "/".parse().unwrap_or_default();
        assert_eq!(with_lang(&here(&bare, "", all), Lang::Nl), "/?lang=nl");
        let other: Uri = "/reset?username=ann&return_to=https%3A%2F%2Fevil.example%2F".parse().unwrap_or_default();
        assert_eq!(here(&other, "", |k, _| k == "username"), "/reset?username=ann");
    }
}
