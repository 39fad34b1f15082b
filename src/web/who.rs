//! Who sent a request: the client address (through trusted reverse proxies), user agent and
//! request id, for rate limits and the audit trail.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;

use crate::flow::{Requester, Services};

/// The requester's address, user agent and request id.
pub struct Who(pub Requester);

impl FromRequestParts<Arc<Services>> for Who {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, services: &Arc<Services>) -> Result<Self, Self::Rejection> {
        let header = |name: &str| parts.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        let ip = peer.map(|peer| client_ip(peer, &parts.headers, &services.config.trusted_proxies()).to_string());
        let lang = parts.extensions.get::<super::context::Ctx>().map(|c| c.lang).unwrap_or_default();
        Ok(Who(Requester { lang, ip, user_agent: header("user-agent"), request_id: header("x-request-id") }))
    }
}

/// Before anything reads it: a client's own `X-Request-Id` is kept only when it came through
/// a trusted proxy (`server.trusted_proxies`) and looks like an id (at most 64 letters, digits,
/// `-`, `_`, `.`); otherwise it is dropped and the request gets a fresh one. A client cannot
/// plant a chosen id in the audit trail and the logs.
pub async fn trusted_request_id(
    axum::extract::State(services): axum::extract::State<Arc<Services>>,
    mut req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let from_proxy = peer.is_some_and(|ip| services.config.trusted_proxies().iter().any(|net| net.contains(&ip)));
    let well_formed = |v: &axum::http::HeaderValue| {
        let b = v.as_bytes();
        !b.is_empty() && b.len() <= 64 && b.iter().all(|c| c.is_ascii_alphanumeric() || b"-_.".contains(c))
    };
    let keep = from_proxy && {
        let mut ids = req.headers().get_all("x-request-id").iter();
        matches!((ids.next(), ids.next()), (Some(v), None) if well_formed(v))
    };
    if !keep {
        req.headers_mut().remove("x-request-id");
    }
    next.run(req).await
}

/// Requests from a loopback address while `server.trusted_proxies` is empty usually mean a
/// reverse proxy on the same host that rekey does not believe: every client then has the
/// proxy's address, and shares one bucket of every per-address limit. Said once per process,
/// inside the first such request's span.
pub async fn warn_shared_bucket(
    axum::extract::State(services): axum::extract::State<Arc<Services>>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    if peer.is_some_and(|ip| ip.is_loopback()) && services.config.server.trusted_proxies.is_empty() {
        warn_loopback_once();
    }
    next.run(req).await
}

fn warn_loopback_once() {
    static WARNED: std::sync::Once = std::sync::Once::new();
    WARNED.call_once(|| {
        tracing::warn!(
            "requests arrive from a loopback address and server.trusted_proxies is empty: if a reverse \
             proxy runs on this host, every client shares one rate-limit bucket (its address); list the \
             proxy in server.trusted_proxies"
        );
    });
}

/// The client's address: the TCP peer, unless the peer is a trusted proxy, in which case the
/// right-most `X-Forwarded-For` entry that is not itself a trusted proxy. Entries left of that
/// are whatever the client chose to send and are never believed.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[ipnet::IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        match hop.parse::<IpAddr>() {
            Ok(ip) if is_trusted(&ip) => client = ip,
            Ok(ip) => return ip,
            // Garbage from the client's side: stop at the last address we could believe.
            Err(_) => return client,
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(xff: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in xff {
            h.append("x-forwarded-for", v.parse().unwrap());
        }
        h
    }

    fn nets(list: &[&str]) -> Vec<ipnet::IpNet> {
        list.iter().map(|n| n.parse().unwrap()).collect()
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_claims() {
        let peer: IpAddr = "203.0.113.9".parse().unwrap();
        assert_eq!(client_ip(peer, &headers(&["198.51.100.1"]), &nets(&["10.0.0.0/8"])), peer);
        assert_eq!(client_ip(peer, &headers(&["198.51.100.1"]), &[]), peer);
    }

    #[test]
    fn behind_trusted_proxies_the_rightmost_untrusted_hop_is_the_client() {
        let trusted = nets(&["10.0.0.0/8", "192.168.0.0/16"]);
        let peer: IpAddr = "10.0.0.2".parse().unwrap();
        // The client spoofed a first entry; the proxies appended the real one.
        let h = headers(&["1.2.3.4, 198.51.100.7", "192.168.1.1"]);
        assert_eq!(client_ip(peer, &h, &trusted), "198.51.100.7".parse::<IpAddr>().unwrap());
        assert_eq!(client_ip(peer, &headers(&[]), &trusted), peer);
        assert_eq!(
            client_ip(peer, &headers(&["not-an-ip, 192.168.1.1"]), &trusted),
            "192.168.1.1".parse::<IpAddr>().unwrap()
        );
    }
}
