//! Per-request presentation context: the language, and whether the request comes from a kiosk.
//!
//! Language: `?lang=` first (remembered in a cookie, except on a kiosk), then that cookie,
//! then Accept-Language, then `server.default_lang`. On a kiosk the choice lives in the
//! session instead, so it ends with the visit, and `kiosk.lang` (if set) comes before
//! Accept-Language: a wiped visit is back in the kiosk's own language.
//!
//! Kiosk: requests under `kiosk.path_prefix` (the prefix is cut off before routing, and put
//! back on every redirect) or for a host in `kiosk.hosts`. A kiosk visit idle for longer than
//! `kiosk.idle_secs` is wiped, whatever the browser's script did or did not do.
//!
//! The middleware that applies these rules to each request is `context_layer`.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{Uri, header};

use crate::flow::Services;
use crate::i18n::Lang;

/// The cookie that remembers a language chosen with `?lang=`.
pub const LANG_COOKIE: &str = "rekey-lang";

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
            .or_else(|| if kiosk.is_some() { services.config.kiosk_lang() } else { cookie_lang(headers) })
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

pub(super) fn default_lang(services: &Services) -> Lang {
    services.config.default_lang()
}

pub(super) fn query_lang(uri: &Uri) -> Option<Lang> {
    let query = uri.query()?;
    url::form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == "lang").and_then(|(_, v)| Lang::parse(&v))
}

pub(super) fn cookie_lang(headers: &axum::http::HeaderMap) -> Option<Lang> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == LANG_COOKIE)
        .and_then(|c| Lang::parse(c.value()))
}

pub(super) fn accept_lang(headers: &axum::http::HeaderMap) -> Option<Lang> {
    let header = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    // A header is a few dozen bytes; a long one is not worth negotiating.
    Lang::from_accept_language(header.get(..256).unwrap_or(header))
}

/// The path as the browser sees it, with the query parameters `keep` accepts (never `lang`).
pub(super) fn here(uri: &Uri, root: &str, keep: impl Fn(&str, &str) -> bool) -> String {
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

/// The language switcher's GET form for `here`: its action (the path) and the query
/// parameters it carries as hidden fields, so the chosen `lang` joins the rest of the address.
pub fn lang_form(here: &str) -> (String, Vec<(String, String)>) {
    let (path, query) = here.split_once('?').unwrap_or((here, ""));
    let kept = url::form_urlencoded::parse(query.as_bytes())
        .filter(|(k, _)| k != "lang")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    (path.to_owned(), kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_switcher_keeps_the_query_but_not_the_language() {
        let uri: Uri = "/reset?username=ann&lang=de".parse().unwrap_or_default();
        let all = |_: &str, _: &str| true;
        assert_eq!(here(&uri, "", all), "/reset?username=ann");
        let kept = vec![("username".to_owned(), "ann".to_owned())];
        assert_eq!(lang_form(&here(&uri, "/kiosk", all)), ("/kiosk/reset".to_owned(), kept));
        let bare: Uri = "/".parse().unwrap_or_default();
        assert_eq!(lang_form(&here(&bare, "", all)), ("/".to_owned(), vec![]));
        let odd: Uri = "/reset?username=a%26b%3Dc".parse().unwrap_or_default();
        assert_eq!(lang_form(&here(&odd, "", all)).1, vec![("username".to_owned(), "a&b=c".to_owned())]);
        let other: Uri = "/reset?username=ann&return_to=https%3A%2F%2Fevil.example%2F".parse().unwrap_or_default();
        assert_eq!(here(&other, "", |k, _| k == "username"), "/reset?username=ann");
    }
}
