//! `[server]`: where the portal listens, the URL people use, body and time limits, the proxies
//! believed about the client's address, the timing floor of form posts, and where `return_to`
//! may lead.

use serde::{Deserialize, Serialize};

use super::{is_host_name, parse_net};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerConfig {
    /// Address and port to listen on.
    pub listen: String,
    /// The URL people use to reach the portal; its scheme decides whether cookies are Secure.
    pub public_url: String,
    /// Name shown in page titles and mails.
    pub organisation: String,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Whole-request timeout in seconds.
    pub request_timeout_secs: u64,
    /// How long a flow (sign-in, reset or unlock attempt) lives, in seconds.
    pub flow_timeout_secs: u64,
    /// Reverse proxies (addresses or CIDR ranges) whose `X-Forwarded-For` is believed. Empty:
    /// the TCP peer is the client.
    pub trusted_proxies: Vec<String>,
    /// Every form post takes at least this many milliseconds, so how long a page takes does
    /// not reveal whether an account exists, is in scope or has registered anything.
    pub uniform_post_ms: u64,
    /// The most that floor may grow to: each route's floor follows the recent answer times of
    /// accounts that exist (a high percentile), between `uniform_post_ms` and this.
    pub uniform_post_max_ms: u64,
    /// Hosts that a deep link's `return_to` may send people back to after success (exact
    /// host names, e.g. `intranet.example.com`). Empty: `return_to` is ignored.
    pub return_to_hosts: Vec<String>,
    /// The language for people whose browser asks for none the portal speaks (a code of
    /// `Lang::ALL`: en, de, …). Unset: `branding.default_language` if set, else English.
    pub default_lang: Option<String>,
    /// The time zone of times on pages and in mails, as an IANA name like `Europe/Berlin`.
    pub time_zone: String,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            listen: "127.0.0.1:8080".into(),
            public_url: "http://127.0.0.1:8080".into(),
            organisation: "rekey".into(),
            max_body_bytes: 16 * 1024,
            request_timeout_secs: 30,
            flow_timeout_secs: 900,
            trusted_proxies: vec![],
            uniform_post_ms: 150,
            uniform_post_max_ms: 3_000,
            return_to_hosts: vec![],
            default_lang: None,
            time_zone: "UTC".into(),
        }
    }
}

impl ServerConfig {
    /// The configured time zone (`time_zone`, checked by `validate`; UTC if it is not known).
    pub fn zone(&self) -> jiff::tz::TimeZone {
        jiff::tz::TimeZone::get(&self.time_zone).unwrap_or(jiff::tz::TimeZone::UTC)
    }

    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        if self.listen.parse::<std::net::SocketAddr>().is_err() {
            err("server.listen", format!("expected an address and port like 127.0.0.1:8080, got {:?}", self.listen));
        }
        match url::Url::parse(&self.public_url) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {}
            _ => err("server.public_url", format!("expected an http:// or https:// URL, got {:?}", self.public_url)),
        }
        if !(1024..=1024 * 1024).contains(&self.max_body_bytes) {
            err("server.max_body_bytes", format!("expected 1024 to 1048576, got {}", self.max_body_bytes));
        }
        if self.request_timeout_secs == 0 {
            err("server.request_timeout_secs", "must be at least 1".into());
        }
        for (i, p) in self.trusted_proxies.iter().enumerate() {
            if parse_net(p).is_none() {
                err(
                    &format!("server.trusted_proxies[{i}]"),
                    format!("expected an address or CIDR range like 10.0.0.0/8, got {p:?}"),
                );
            }
        }
        for (i, host) in self.return_to_hosts.iter().enumerate() {
            if !is_host_name(host) {
                err(
                    &format!("server.return_to_hosts[{i}]"),
                    format!("expected a host name like intranet.example.com, got {host:?}"),
                );
            }
        }
        if self.uniform_post_ms > 5_000 {
            err("server.uniform_post_ms", format!("expected 0 to 5000, got {}", self.uniform_post_ms));
        }
        let max = self.uniform_post_max_ms;
        if max < self.uniform_post_ms || max > 20_000 || max >= self.request_timeout_secs.saturating_mul(1000) {
            err(
                "server.uniform_post_max_ms",
                format!("expected server.uniform_post_ms to 20000 and below server.request_timeout_secs, got {max}"),
            );
        }
        if let Err(e) = jiff::tz::TimeZone::get(&self.time_zone) {
            err(
                "server.time_zone",
                format!("expected an IANA time zone like Europe/Berlin or UTC, got {:?}: {e}", self.time_zone),
            );
        }
        if !(60..=86_400).contains(&self.flow_timeout_secs) {
            err("server.flow_timeout_secs", format!("expected 60 to 86400, got {}", self.flow_timeout_secs));
        }
    }
}
