//! The two middlewares that make each request's [`Ctx`] by the rules in `context`: before
//! routing, `kiosk_entry` recognises a kiosk request; inside the session layer, `layer` chooses
//! the language, wipes an idle kiosk visit and puts the `Ctx` where handlers find it.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::context::{Ctx, LANG_COOKIE, accept_lang, cookie_lang, default_lang, here, query_lang};
use super::cookies::CookieNames;
use super::return_to;
use crate::flow::Services;
use crate::i18n::Lang;

const SESSION_LANG: &str = "kiosk.lang";
const SESSION_SEEN: &str = "kiosk.seen";

/// Set before routing on a kiosk request: the path prefix the browser sees ("" for a kiosk host).
#[derive(Debug, Clone)]
pub struct KioskRoot(pub String);

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
        if let Some(loc) = location.filter(|l| l.starts_with('/') && !l.starts_with("//"))
            && let Ok(v) = HeaderValue::from_str(&format!("{root}{loc}"))
        {
            res.headers_mut().insert(header::LOCATION, v);
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
            // A wiped visit has no `kept`: it is back in the kiosk's own language.
            asked
                .or(kept)
                .or_else(|| services.config.kiosk_lang())
                .or_else(|| accept_lang(req.headers()))
                .unwrap_or_else(|| default_lang(&services))
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
