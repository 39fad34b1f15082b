//! `[reminders]` (mails before a password expires) and `[campaign]` (nudges to register), both
//! off by default, both run by the scheduler inside `rekey serve` (`flow/reminders.rs`).

use serde::{Deserialize, Serialize};

/// Mails before a password expires, at each of `days_before`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct RemindersConfig {
    pub enabled: bool,
    /// Days before expiry at which a reminder goes, each once per password.
    pub days_before: Vec<u32>,
    /// Minutes between two passes of the scheduler (reminders and campaign alike).
    pub interval_minutes: u64,
    /// Local hours (`server.time_zone`) within which a pass sends: from `send_from_hour`
    /// (inclusive) to `send_until_hour` (exclusive). 0 and 24: at any hour.
    pub send_from_hour: u8,
    pub send_until_hour: u8,
    /// The most accounts a pass reads from the directory per second (0: no cap).
    pub max_accounts_per_sec: u32,
    /// The most accounts one pass reads.
    pub max_accounts: usize,
}

impl Default for RemindersConfig {
    fn default() -> Self {
        RemindersConfig {
            enabled: false,
            days_before: vec![14, 7, 3, 1],
            interval_minutes: 60,
            send_from_hour: 8,
            send_until_hour: 18,
            max_accounts_per_sec: 200,
            max_accounts: 200_000,
        }
    }
}

/// Nudges to people in scope who have not registered enough methods.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct CampaignConfig {
    pub enabled: bool,
    /// Days between two nudges to the same person.
    pub every_days: u32,
    /// Nudges one person gets at most.
    pub max_mails: u32,
}

impl Default for CampaignConfig {
    fn default() -> Self {
        CampaignConfig { enabled: false, every_days: 7, max_mails: 4 }
    }
}

impl RemindersConfig {
    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        if self.days_before.is_empty() && self.enabled {
            err("reminders.days_before", "name at least one day, e.g. [14, 7, 3, 1]".into());
        }
        if let Some(d) = self.days_before.iter().find(|d| !(1..=365).contains(*d)) {
            err("reminders.days_before", format!("each day must be 1 to 365, got {d}"));
        }
        let mut sorted = self.days_before.clone();
        sorted.sort_unstable();
        sorted.dedup();
        if sorted.len() != self.days_before.len() {
            err("reminders.days_before", "a day is named twice".into());
        }
        if !(1..=24 * 60).contains(&self.interval_minutes) {
            err("reminders.interval_minutes", format!("expected 1 to 1440, got {}", self.interval_minutes));
        }
        if self.send_from_hour > 23 {
            err("reminders.send_from_hour", format!("expected 0 to 23, got {}", self.send_from_hour));
        }
        if !(1..=24).contains(&self.send_until_hour) || self.send_until_hour <= self.send_from_hour {
            err(
                "reminders.send_until_hour",
                format!(
                    "expected {} to 24 (after send_from_hour), got {}",
                    self.send_from_hour + 1,
                    self.send_until_hour
                ),
            );
        }
        if self.max_accounts == 0 {
            err("reminders.max_accounts", "must be at least 1".into());
        }
    }

    /// The thresholds, largest first.
    pub fn thresholds(&self) -> Vec<u32> {
        let mut days = self.days_before.clone();
        days.sort_unstable_by(|a, b| b.cmp(a));
        days
    }
}

impl CampaignConfig {
    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        if !(1..=365).contains(&self.every_days) {
            err("campaign.every_days", format!("expected 1 to 365, got {}", self.every_days));
        }
        if !(1..=52).contains(&self.max_mails) {
            err("campaign.max_mails", format!("expected 1 to 52, got {}", self.max_mails));
        }
    }
}
