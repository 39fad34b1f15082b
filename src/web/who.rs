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
