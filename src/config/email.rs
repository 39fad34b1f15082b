//! `[email]`: the email method (codes sent to a registered address).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct EmailMethodConfig {
    /// Count the directory's mail attribute as a registered address, without registration.
    pub use_directory_mail: bool,
}
