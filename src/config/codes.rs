//! `[codes]`: the one-time codes rekey mails or texts.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct CodesConfig {
    /// Digits in an emailed code (6 to 10).
    pub length: usize,
    /// Seconds an emailed code stays valid.
    pub ttl_secs: u64,
    /// Wrong codes tolerated in one attempt; the next wrong one voids it.
    pub max_wrong_tries: u32,
}

impl Default for CodesConfig {
    fn default() -> Self {
        CodesConfig { length: 6, ttl_secs: 600, max_wrong_tries: 5 }
    }
}

impl CodesConfig {
    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        if !(6..=10).contains(&self.length) {
            err("codes.length", format!("expected 6 to 10 digits, got {}", self.length));
        }
        if !(60..=3600).contains(&self.ttl_secs) {
            err("codes.ttl_secs", format!("expected 60 to 3600, got {}", self.ttl_secs));
        }
        if !(1..=20).contains(&self.max_wrong_tries) {
            err("codes.max_wrong_tries", format!("expected 1 to 20, got {}", self.max_wrong_tries));
        }
    }
}
