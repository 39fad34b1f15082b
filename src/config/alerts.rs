//! `[alerts]`: who hears about events that need a person's attention.

use serde::{Deserialize, Serialize};

/// Who hears about events that need a person's attention.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct AlertsConfig {
    /// Addresses told when someone says "this wasn't me" and when a privileged account resets
    /// or unlocks.
    pub admin_emails: Vec<String>,
    /// Groups (cn or DN) whose members' resets and unlocks are reported to the admins.
    pub privileged_groups: Vec<String>,
}

impl AlertsConfig {
    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        for (i, a) in self.admin_emails.iter().enumerate() {
            if a.parse::<lettre::message::Mailbox>().is_err() {
                err(&format!("alerts.admin_emails[{i}]"), format!("not a mail address: {a:?}"));
            }
        }
    }
}
