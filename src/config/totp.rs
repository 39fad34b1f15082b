//! `[totp]`: authenticator apps (time-based one-time codes).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct TotpConfig {
    /// Name shown in the authenticator app.
    pub issuer: String,
    /// Steps of clock skew accepted either side (0 or 1).
    pub skew: u8,
}

impl Default for TotpConfig {
    fn default() -> Self {
        TotpConfig { issuer: "rekey".into(), skew: 1 }
    }
}

impl TotpConfig {
    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        if self.skew > 1 {
            err("totp.skew", format!("expected 0 or 1, got {}", self.skew));
        }
        if self.issuer.trim().is_empty() || self.issuer.contains(':') {
            err("totp.issuer", "must be non-empty and contain no ':'".into());
        }
    }
}
