//! `[metrics]`: Prometheus metrics at `/metrics`, and who may read them.

use serde::{Deserialize, Serialize};

use super::parse_net;

/// Prometheus metrics at `/metrics`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MetricsConfig {
    pub enabled: bool,
    /// A separate address (e.g. `127.0.0.1:9464`) that serves only `/metrics`. Empty: `/metrics`
    /// is served on `server.listen`, to clients in `allow_from` only.
    pub listen: String,
    /// Client addresses or CIDR ranges that may read `/metrics` on the main listener (the
    /// client address as found through `server.trusted_proxies`). Empty (the default): nobody.
    pub allow_from: Vec<String>,
}

impl Default for MetricsConfig {
    fn default() -> Self {
        // Nobody by default: behind a reverse proxy on the same host every client would look
        // like loopback.
        MetricsConfig { enabled: true, listen: String::new(), allow_from: vec![] }
    }
}

impl MetricsConfig {
    pub fn allowed_networks(&self) -> Vec<ipnet::IpNet> {
        self.allow_from.iter().filter_map(|p| parse_net(p)).collect()
    }

    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        if !self.listen.is_empty() && self.listen.parse::<std::net::SocketAddr>().is_err() {
            err("metrics.listen", format!("expected an address and port like 127.0.0.1:9464, got {:?}", self.listen));
        }
        for (i, p) in self.allow_from.iter().enumerate() {
            if parse_net(p).is_none() {
                err(
                    &format!("metrics.allow_from[{i}]"),
                    format!("expected an address or CIDR range like 10.0.0.0/8, got {p:?}"),
                );
            }
        }
    }
}
