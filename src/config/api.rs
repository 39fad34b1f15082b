//! `[api]`: the JSON API under `/api/v1` for ticketing tools, sign-in systems and reverse
//! proxies. Tokens are made with `rekey api-token create`; this section holds the limits.

use serde::{Deserialize, Serialize};

/// The JSON API at `/api/v1`: reachable only with a token from `rekey api-token create`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ApiConfig {
    /// Requests one token may make per minute, shared by every replica; past it, 429.
    pub requests_per_minute: u32,
    /// The longest life `rekey api-token create --expires-days` may give a token.
    pub max_token_days: u32,
}

impl Default for ApiConfig {
    fn default() -> Self {
        ApiConfig { requests_per_minute: 600, max_token_days: 730 }
    }
}

impl ApiConfig {
    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        if !(1..=100_000).contains(&self.requests_per_minute) {
            err("api.requests_per_minute", format!("expected 1 to 100000, got {}", self.requests_per_minute));
        }
        if !(1..=3650).contains(&self.max_token_days) {
            err("api.max_token_days", format!("expected 1 to 3650, got {}", self.max_token_days));
        }
    }
}
