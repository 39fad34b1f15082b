//! `[reset]`: what a self-service reset does besides setting the password.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ResetConfig {
    /// After a self-service reset, make the person change the password at next logon.
    pub force_change_at_next_logon: bool,
}
