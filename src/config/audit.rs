//! `[audit]`: signed checkpoints of the audit trail, so that records removed from its end can
//! be noticed by `rekey audit verify`.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct AuditConfig {
    /// How often, in seconds, the portal writes a checkpoint of the audit trail (its record
    /// count and newest hash, MACed with a key derived from the master key) to the log and to
    /// `checkpoint_file`. One is also written at start and at shutdown. 0: only those two.
    pub checkpoint_secs: u64,
    /// A file the checkpoint lines are appended to, e.g. on storage the database's
    /// administrators cannot write. Empty: checkpoints go to the log only.
    pub checkpoint_file: Option<PathBuf>,
}

impl Default for AuditConfig {
    fn default() -> Self {
        AuditConfig { checkpoint_secs: 900, checkpoint_file: None }
    }
}

impl AuditConfig {
    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        if self.checkpoint_secs > 86_400 {
            err("audit.checkpoint_secs", format!("expected 0 to 86400, got {}", self.checkpoint_secs));
        }
        if self.checkpoint_file.as_ref().is_some_and(|p| p.as_os_str().is_empty()) {
            err("audit.checkpoint_file", "empty path: leave the key out to log checkpoints only".into());
        }
    }
}
