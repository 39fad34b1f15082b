//! `[[webhooks]]` and `[siem]`: where account events and the audit trail leave rekey. Both are
//! off until configured. A webhook is an `https://` URL with a shared secret (or `secret_file`)
//! that signs each POST, the events it wants (empty: all) and an optional private CA; `[siem]`
//! streams every audit record to syslog (`tls://host:port` or `udp://host:port`) and/or to a
//! JSON-lines file.

use std::path::PathBuf;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use super::graph_transport::{check_url, read_ca_file};
use super::redact;

/// The account events a webhook can ask for (`[[webhooks]] events`).
pub const WEBHOOK_EVENTS: [&str; 8] = [
    "password.changed",
    "password.reset",
    "account.unlocked",
    "method.added",
    "method.removed",
    "account.disowned",
    "account.blocked",
    "account.unblocked",
];

/// One `[[webhooks]]` endpoint.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct WebhookConfig {
    /// `https://…`: where each event is POSTed. Also the endpoint's name in the queue and on
    /// the admin page.
    pub url: String,
    /// Signs every POST (`Rekey-Signature: t=…,v1=HMAC-SHA256(secret, "t.body")`); at least 16
    /// characters.
    #[serde(serialize_with = "redact")]
    pub secret: Option<SecretString>,
    pub secret_file: Option<PathBuf>,
    /// Which events to send (see [`WEBHOOK_EVENTS`]); empty: all of them.
    pub events: Vec<String>,
    /// A PEM file of CA certificates trusted for this endpoint besides the public web roots.
    pub ca_file: Option<PathBuf>,
    /// Deliveries tried at most this many times before they become dead letters.
    pub max_attempts: u32,
    /// The first retry's delay in seconds; each next one doubles, up to `retry_max_secs`.
    pub retry_min_secs: u64,
    pub retry_max_secs: u64,
    /// Seconds one POST may take.
    pub timeout_secs: u64,
}

impl Default for WebhookConfig {
    fn default() -> Self {
        WebhookConfig {
            url: String::new(),
            secret: None,
            secret_file: None,
            events: Vec::new(),
            ca_file: None,
            max_attempts: 8,
            retry_min_secs: 30,
            retry_max_secs: 3600,
            timeout_secs: 10,
        }
    }
}

impl WebhookConfig {
    /// Whether this endpoint wants `event`.
    pub fn wants(&self, event: &str) -> bool {
        self.events.is_empty() || self.events.iter().any(|e| e == event)
    }

    pub(super) fn read_secret_file(&mut self, i: usize, errors: &mut Vec<super::ConfigError>) {
        super::read_secret_file(&mut self.secret, &self.secret_file, &format!("webhooks[{i}].secret_file"), errors);
    }

    fn validate(&self, i: usize, err: &mut impl FnMut(&str, String)) {
        let key = |k: &str| format!("webhooks[{i}].{k}");
        if let Err(why) = check_url(&self.url, false) {
            err(&key("url"), why);
        }
        match &self.secret {
            None => {
                err(&key("secret"), "missing: set a random secret of at least 16 characters, or secret_file".into())
            }
            Some(s) if s.expose_secret().chars().count() < 16 => {
                err(&key("secret"), "too short: use at least 16 random characters".into())
            }
            Some(_) => {}
        }
        for (j, e) in self.events.iter().enumerate() {
            if !WEBHOOK_EVENTS.contains(&e.as_str()) {
                err(
                    &format!("webhooks[{i}].events[{j}]"),
                    format!("unknown event {e:?}; known: {}", WEBHOOK_EVENTS.join(", ")),
                );
            }
        }
        if let Some(ca) = &self.ca_file
            && let Err(why) = read_ca_file(ca)
        {
            err(&key("ca_file"), why);
        }
        if !(1..=100).contains(&self.max_attempts) {
            err(&key("max_attempts"), format!("expected 1 to 100, got {}", self.max_attempts));
        }
        if self.retry_min_secs == 0 || self.retry_min_secs > self.retry_max_secs {
            err(&key("retry_min_secs"), "expected at least 1 and at most retry_max_secs".into());
        }
        if self.retry_max_secs > 7 * 86_400 {
            err(&key("retry_max_secs"), format!("expected at most 604800 (a week), got {}", self.retry_max_secs));
        }
        if !(1..=120).contains(&self.timeout_secs) {
            err(&key("timeout_secs"), format!("expected 1 to 120, got {}", self.timeout_secs));
        }
    }
}

/// Every `[[webhooks]]` entry's checks, and no URL twice (the URL names the endpoint).
pub(super) fn validate_webhooks(hooks: &[WebhookConfig], err: &mut impl FnMut(&str, String)) {
    for (i, h) in hooks.iter().enumerate() {
        h.validate(i, err);
        if hooks[..i].iter().any(|o| o.url == h.url) {
            err(&format!("webhooks[{i}].url"), format!("{:?} is configured twice", h.url));
        }
    }
}

/// How syslog records travel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyslogTarget {
    /// RFC 5425: TLS over TCP, octet-counting framing.
    Tls { host: String, port: u16 },
    /// RFC 5426: one record per datagram.
    Udp { host: String, port: u16 },
}

/// `[siem]`: the audit trail streamed as it is written.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SiemConfig {
    /// `tls://host:6514` (RFC 5425) or `udp://host:514` (RFC 5426). Empty: no syslog.
    pub syslog: String,
    /// A PEM file of CA certificates trusted for the syslog server besides the public web roots.
    pub syslog_ca_file: Option<PathBuf>,
    /// The HOSTNAME field of each record. Empty: this machine's host name.
    pub syslog_hostname: String,
    /// A file each record is appended to as one JSON line. Empty: none.
    pub json_file: Option<PathBuf>,
}

impl SiemConfig {
    /// The syslog destination, when `syslog` is set and valid.
    pub fn syslog_target(&self) -> Option<Result<SyslogTarget, String>> {
        let text = self.syslog.trim();
        if text.is_empty() {
            return None;
        }
        Some(parse_target(text))
    }

    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        if let Some(Err(why)) = self.syslog_target() {
            err("siem.syslog", why);
        }
        if let Some(ca) = &self.syslog_ca_file {
            if !matches!(self.syslog_target(), Some(Ok(SyslogTarget::Tls { .. }))) {
                err("siem.syslog_ca_file", "only used with syslog = \"tls://…\"".into());
            } else if let Err(why) = read_ca_file(ca) {
                err("siem.syslog_ca_file", why);
            }
        }
        if !self.syslog_hostname.is_empty()
            && (self.syslog_hostname.len() > 255 || !self.syslog_hostname.chars().all(|c| c.is_ascii_graphic()))
        {
            err("siem.syslog_hostname", "expected up to 255 printable ASCII characters, no spaces".into());
        }
        if self.json_file.as_ref().is_some_and(|p| p.as_os_str().is_empty()) {
            err("siem.json_file", "empty path: leave the key out for no file".into());
        }
    }
}

fn parse_target(text: &str) -> Result<SyslogTarget, String> {
    let expected = || format!("expected tls://host:port or udp://host:port, got {text:?}");
    let u = url::Url::parse(text).map_err(|_| expected())?;
    let host = match u.host() {
        Some(url::Host::Domain(d)) => d.to_owned(),
        Some(url::Host::Ipv4(ip)) => ip.to_string(),
        Some(url::Host::Ipv6(ip)) => ip.to_string(),
        None => return Err(expected()),
    };
    if !(u.path().is_empty() || u.path() == "/") || u.query().is_some() || !u.username().is_empty() {
        return Err(expected());
    }
    match u.scheme() {
        "tls" => Ok(SyslogTarget::Tls { host, port: u.port().unwrap_or(6514) }),
        "udp" => Ok(SyslogTarget::Udp { host, port: u.port().unwrap_or(514) }),
        "tcp" => Err(format!("{text:?}: plain TCP would carry the audit trail in the clear; use tls://")),
        _ => Err(expected()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors_of(hooks: &[WebhookConfig], siem: &SiemConfig) -> Vec<String> {
        let mut out = vec![];
        let mut err = |k: &str, why: String| out.push(format!("{k}: {why}"));
        validate_webhooks(hooks, &mut err);
        siem.validate(&mut err);
        out
    }

    fn hook(url: &str) -> WebhookConfig {
        WebhookConfig {
            url: url.into(),
            secret: Some(SecretString::from("0123456789abcdef".to_owned())),
            ..WebhookConfig::default()
        }
    }

    #[test]
    fn a_good_webhook_and_siem_pass() {
        let siem = SiemConfig { syslog: "tls://siem.example.org".into(), ..SiemConfig::default() };
        assert_eq!(errors_of(&[hook("https://hooks.example.org/rekey")], &siem), Vec::<String>::new());
        assert_eq!(siem.syslog_target(), Some(Ok(SyslogTarget::Tls { host: "siem.example.org".into(), port: 6514 })));
        let udp = SiemConfig { syslog: "udp://127.0.0.1:5514".into(), ..SiemConfig::default() };
        assert_eq!(udp.syslog_target(), Some(Ok(SyslogTarget::Udp { host: "127.0.0.1".into(), port: 5514 })));
    }

    #[test]
    fn mistakes_name_their_key() {
        let mut bad = hook("http://hooks.example.org/");
        bad.secret = Some(SecretString::from("short".to_owned()));
        bad.events = vec!["password.reset".into(), "password.stolen".into()];
        bad.max_attempts = 0;
        let mut no_secret = hook("https://a.example.org/");
        no_secret.secret = None;
        let siem = SiemConfig {
            syslog: "tcp://siem:514".into(),
            syslog_ca_file: Some("/nonexistent.pem".into()),
            ..SiemConfig::default()
        };
        let errs = errors_of(&[bad, no_secret, hook("https://a.example.org/")], &siem);
        let keys: Vec<&str> = errs.iter().map(|e| e.split(':').next().unwrap_or("")).collect();
        assert_eq!(
            keys,
            [
                "webhooks[0].url",
                "webhooks[0].secret",
                "webhooks[0].events[1]",
                "webhooks[0].max_attempts",
                "webhooks[1].secret",
                "webhooks[2].url",
                "siem.syslog",
                "siem.syslog_ca_file"
            ],
            "{errs:?}"
        );
    }

    #[test]
    fn webhooks_load_from_toml_and_their_secret_is_never_shown() {
        let text = format!(
            "{}\n[[webhooks]]\nurl = \"https://a.example.org/\"\nsecret = \"0123456789abcdefXYZ\"\nevents = [\"password.reset\"]\n",
            super::super::SMALLEST
        );
        let config = super::super::Config::from_toml(&text);
        assert!(config.is_ok(), "{config:?}");
        let Ok(config) = config else { return };
        assert_eq!(config.webhooks.len(), 1);
        let shown = config.to_redacted_toml();
        assert!(shown.contains("[[webhooks]]") && shown.contains("[redacted]"), "{shown}");
        assert!(!shown.contains("0123456789abcdefXYZ"), "{shown}");
    }

    #[test]
    fn events_filter() {
        let mut h = hook("https://a.example.org/");
        assert!(h.wants("password.reset"));
        h.events = vec!["method.added".into()];
        assert!(h.wants("method.added") && !h.wants("password.reset"));
    }
}
