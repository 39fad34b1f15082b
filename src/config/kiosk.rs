//! `[kiosk]`: a browser locked to the portal beside the login screen.

use serde::{Deserialize, Serialize};

use super::is_host_name;

/// The portal's own paths, which a kiosk prefix may not take.
const RESERVED: [&str; 11] = [
    "/reset",
    "/unlock",
    "/change",
    "/register",
    "/static",
    "/oidc",
    "/wasnt-me",
    "/agent",
    "/admin",
    "/metrics",
    "/password",
];

/// A browser locked to the portal beside the login screen: no links out, nothing
/// remembered, and an idle timer that wipes the session.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct KioskConfig {
    /// Requests under this path (e.g. `/kiosk`) get kiosk mode. Empty: no kiosk path.
    pub path_prefix: String,
    /// Requests for these host names (e.g. `kiosk.example.com`) get kiosk mode.
    pub hosts: Vec<String>,
    /// Seconds without activity before the page returns to the start and the session ends.
    pub idle_secs: u64,
    /// Seconds of warning, with a button to keep going, before the idle timer ends the visit.
    pub warning_secs: u64,
    /// The kiosk's own language: every visit starts in it, whatever the kiosk browser's
    /// Accept-Language, and returns to it when the visit is wiped. Unset: as elsewhere.
    pub lang: Option<String>,
}

impl Default for KioskConfig {
    fn default() -> Self {
        KioskConfig { path_prefix: String::new(), hosts: vec![], idle_secs: 90, warning_secs: 20, lang: None }
    }
}

impl KioskConfig {
    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        let prefix = &self.path_prefix;
        if !prefix.is_empty() {
            let well_formed = prefix.starts_with('/')
                && prefix.len() > 1
                && !prefix.ends_with('/')
                && prefix[1..].chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '/');
            if !well_formed {
                err("kiosk.path_prefix", format!("expected a path like /kiosk, got {prefix:?}"));
            } else if RESERVED.iter().any(|r| prefix == r || prefix.starts_with(&format!("{r}/"))) {
                err("kiosk.path_prefix", format!("{prefix:?} is one of the portal's own paths"));
            }
        }
        for (i, host) in self.hosts.iter().enumerate() {
            if !is_host_name(host) {
                err(&format!("kiosk.hosts[{i}]"), format!("expected a host name like kiosk.example.com, got {host:?}"));
            }
        }
        if !(30..=3600).contains(&self.idle_secs) {
            err("kiosk.idle_secs", format!("expected 30 to 3600, got {}", self.idle_secs));
        }
        // WCAG 2.2.1: at least 20 seconds to answer a timeout warning.
        if self.warning_secs < 20 || self.warning_secs >= self.idle_secs {
            err(
                "kiosk.warning_secs",
                format!("expected at least 20 and less than kiosk.idle_secs, got {}", self.warning_secs),
            );
        }
    }
}
