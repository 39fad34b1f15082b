//! `[admin]`: who may enter the admin area at `/admin`, and for how long.

use serde::{Deserialize, Serialize};

/// The admin area at `/admin`: reports, audit search and status.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct AdminConfig {
    /// Groups (cn or DN) whose members may enter the admin area. Empty: nobody may.
    pub groups: Vec<String>,
    /// Minutes an admin sign-in lasts, however active, before both factors are asked again.
    pub session_mins: u64,
    /// Most accounts the coverage report reads from the directory.
    pub max_listed_accounts: usize,
}

impl Default for AdminConfig {
    fn default() -> Self {
        AdminConfig { groups: vec![], session_mins: 60, max_listed_accounts: 100_000 }
    }
}

impl AdminConfig {
    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        if !(5..=24 * 60).contains(&self.session_mins) {
            err("admin.session_mins", format!("expected 5 to 1440, got {}", self.session_mins));
        }
        if self.max_listed_accounts == 0 {
            err("admin.max_listed_accounts", "must be at least 1".into());
        }
    }
}
