//! `[directory.agent]`: the portal's side of password writeback, for `kind = "agent"` (or a
//! Graph directory whose synced accounts go to agents).

use serde::{Deserialize, Serialize};

/// The portal's side of password writeback.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct AgentDirectoryConfig {
    /// How long a person waits for an agent's answer, in seconds.
    pub deadline_secs: u64,
    /// How long one agent holds a job before the portal gives up on it, in seconds (at most
    /// `deadline_secs`). A job whose lease ends without an answer is never run again.
    pub lease_secs: u64,
    /// An agent counts as connected if it was heard from within this many seconds.
    pub heartbeat_window_secs: u64,
    /// Unused enrolment tokens expire after this many minutes.
    pub token_ttl_mins: u64,
    /// Refuse agents older than [`crate::agent::version::MIN_AGENT_VERSION`] (otherwise they are
    /// only warned about, in the log, on the admin status page and on `/readyz`).
    pub refuse_old_agents: bool,
}

impl Default for AgentDirectoryConfig {
    fn default() -> Self {
        AgentDirectoryConfig {
            deadline_secs: 20,
            lease_secs: 10,
            heartbeat_window_secs: 30,
            token_ttl_mins: 60,
            refuse_old_agents: false,
        }
    }
}

impl AgentDirectoryConfig {
    /// `request_timeout_secs` is `server.request_timeout_secs`: the agent must answer first.
    pub(super) fn validate(&self, request_timeout_secs: u64, err: &mut impl FnMut(&str, String)) {
        if !(2..=120).contains(&self.deadline_secs) {
            err("directory.agent.deadline_secs", format!("expected 2 to 120, got {}", self.deadline_secs));
        } else if self.deadline_secs >= request_timeout_secs {
            err(
                "directory.agent.deadline_secs",
                format!(
                    "must be shorter than server.request_timeout_secs ({request_timeout_secs}), or the request ends before the agent answers"
                ),
            );
        }
        if self.lease_secs == 0 || self.lease_secs > self.deadline_secs {
            err(
                "directory.agent.lease_secs",
                format!(
                    "expected 1 to directory.agent.deadline_secs ({}), got {}",
                    self.deadline_secs, self.lease_secs
                ),
            );
        }
        if !(5..=600).contains(&self.heartbeat_window_secs) {
            err(
                "directory.agent.heartbeat_window_secs",
                format!("expected 5 to 600, got {}", self.heartbeat_window_secs),
            );
        }
        if !(1..=10_080).contains(&self.token_ttl_mins) {
            err("directory.agent.token_ttl_mins", format!("expected 1 to 10080 (a week), got {}", self.token_ttl_mins));
        }
    }
}
