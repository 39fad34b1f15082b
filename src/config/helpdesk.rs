//! `[helpdesk]`: who may use the helpdesk console at `/helpdesk`, whom it may not touch, and how
//! long a caller's verification lasts.

use serde::{Deserialize, Serialize};

/// The helpdesk console at `/helpdesk`: find a person, verify the caller, act on the account.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct HelpdeskConfig {
    /// Groups (cn or DN; Entra object ids with Graph) whose members may use the console. Empty:
    /// nobody may. An admin is not a member unless also in one of these.
    pub groups: Vec<String>,
    /// Members of these groups are out of the helpdesk's reach: no member may act on them.
    pub out_of_reach_groups: Vec<String>,
    /// Minutes a caller's verification lets one member act on that one person.
    pub verification_minutes: u64,
    /// Most actions and verifications one member may start per `limits.window_secs`.
    pub actions_per_member: u32,
    /// Minutes a reset link sent by the helpdesk stays usable (once).
    pub reset_link_minutes: u64,
    /// Hours a request waiting for a second member's approval stays open.
    pub request_hours: u64,
    /// A temporary password set by the helpdesk. Not built yet: must stay false.
    pub temp_password: bool,
}

impl Default for HelpdeskConfig {
    fn default() -> Self {
        HelpdeskConfig {
            groups: vec![],
            out_of_reach_groups: vec![],
            verification_minutes: 10,
            actions_per_member: 60,
            reset_link_minutes: 30,
            request_hours: 24,
            temp_password: false,
        }
    }
}

impl HelpdeskConfig {
    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        if !(1..=60).contains(&self.verification_minutes) {
            err("helpdesk.verification_minutes", format!("expected 1 to 60, got {}", self.verification_minutes));
        }
        if self.actions_per_member == 0 {
            err("helpdesk.actions_per_member", "must be at least 1".into());
        }
        if !(5..=24 * 60).contains(&self.reset_link_minutes) {
            err("helpdesk.reset_link_minutes", format!("expected 5 to 1440, got {}", self.reset_link_minutes));
        }
        if !(1..=24 * 7).contains(&self.request_hours) {
            err("helpdesk.request_hours", format!("expected 1 to 168, got {}", self.request_hours));
        }
        if self.temp_password {
            err("helpdesk.temp_password", "temporary passwords are not available yet; leave it false".into());
        }
        for (key, list) in
            [("helpdesk.groups", &self.groups), ("helpdesk.out_of_reach_groups", &self.out_of_reach_groups)]
        {
            if list.iter().any(|g| g.trim().is_empty()) {
                err(key, "a group name is empty".into());
            }
        }
    }
}
