//! Deep links may say where to send the person back to after success (`?return_to=`). Only
//! http(s) addresses on a host in `server.return_to_hosts` are honoured, never on a kiosk;
//! anything else is dropped without a word, so the portal cannot be used as an open redirect.

use tower_sessions::Session;

use super::context::Ctx;
use super::error::Error;
use crate::flow::Services;

const KEY: &str = "return_to";

/// `raw` if it may be offered as the way back, normalised.
pub fn allowed(services: &Services, ctx: &Ctx, raw: &str) -> Option<String> {
    if ctx.is_kiosk() {
        return None;
    }
    allowed_host(services, raw)
}

/// `raw` if it is an http(s) address on a host in `server.return_to_hosts`, normalised (for
/// links made outside a page, such as the API's registration link).
pub fn allowed_host(services: &Services, raw: &str) -> Option<String> {
    if raw.is_empty() || raw.len() > 2048 {
        return None;
    }
    let url = url::Url::parse(raw).ok()?;
    let host = url.host_str()?;
    let ok = matches!(url.scheme(), "https" | "http")
        && url.username().is_empty()
        && url.password().is_none()
        && services.config.server.return_to_hosts.iter().any(|h| h.eq_ignore_ascii_case(host));
    ok.then(|| url.to_string())
}

/// Keeps an allowed `return_to` from a flow's first form for its last page.
pub async fn remember(services: &Services, ctx: &Ctx, session: &Session, raw: &str) -> Result<(), Error> {
    match allowed(services, ctx, raw) {
        Some(url) => session.insert(KEY, url).await?,
        None => {
            session.remove::<String>(KEY).await?;
        }
    }
    Ok(())
}

/// The way back, once: the flow is over.
pub async fn take(session: &Session) -> Result<Option<String>, Error> {
    Ok(session.remove::<String>(KEY).await?)
}
