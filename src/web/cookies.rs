//! The names of the portal's cookies (session and CSRF token) and whether they are Secure,
//! fixed at start from the configuration and handed to every request in its extensions.

use crate::config::Config;

/// Cookie names and flags, derived from whether the public URL is https.
#[derive(Debug, Clone, Default)]
pub struct CookieNames {
    pub session: String,
    pub csrf: String,
    pub secure: bool,
}

impl CookieNames {
    pub(super) fn for_config(config: &Config) -> CookieNames {
        let secure = config.secure_cookies();
        // `__Host-` needs Secure; on a plain-HTTP demo the prefix would make browsers drop it.
        let prefix = if secure { "__Host-" } else { "" };
        CookieNames { session: format!("{prefix}rekey-session"), csrf: format!("{prefix}rekey-csrf"), secure }
    }
}
