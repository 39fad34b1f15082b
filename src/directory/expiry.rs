//! Password expiry as the directory computes it, for the expiry reminders
//! (`flow/reminders.rs`), and the pace at which a pass may read accounts.
//!
//! - OpenLDAP: `pwdChangedTime` plus the `pwdMaxAge` of the policy its `pwdPolicySubentry`
//!   names, or of `directory.ppolicy_default_dn` (`directory/ldap/expiry.rs`).
//! - Active Directory: `msDS-UserPasswordExpiryTimeComputed`, which the DC computes from the
//!   domain policy, a PSO and "password never expires"; 0 and 0x7FFFFFFFFFFFFFFF mean never.
//! - Entra ID: `lastPasswordChangeDateTime` plus the `passwordValidityPeriodInDays` of the
//!   UPN's domain; never with `DisablePasswordExpiration` (`directory/graph/expiry.rs`).
//! - Writeback agents do not report it: the listing answers "not supported".

use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;
use tokio::time::Instant;

use super::DirUser;
use crate::clock::UnixTime;

/// When an account's password expires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Expiry {
    /// It does not expire (no maximum age, or the account is exempt).
    Never,
    /// At this time (unix seconds).
    At(UnixTime),
    /// The directory does not say (no change time on record).
    Unknown,
}

/// An account with its password's age and expiry.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Expiring {
    pub user: DirUser,
    /// When the password was last set: with the account id, what names "this password".
    pub changed_at: Option<UnixTime>,
    pub expires: Expiry,
    /// The account's `preferredLanguage` as the directory spells it (`de-CH`, `fr`), if any.
    pub language: Option<String>,
}

/// The error of a backend that cannot list expiry.
pub fn not_supported(backend: &str) -> super::DirError {
    super::DirError::Unavailable(format!(
        "password expiry cannot be listed through {backend}: expiry reminders need directory.kind = \"ldap\" or \"graph\""
    ))
}

/// How fast a listing may read accounts: at most `per_sec` on average since it began
/// (`reminders.max_accounts_per_sec`; 0 is no cap). Backends call [`Throttle::take`] for what
/// they read, before reading on.
pub struct Throttle {
    per_sec: u32,
    state: Mutex<(Option<Instant>, u64)>,
}

impl Throttle {
    pub fn new(per_sec: u32) -> Throttle {
        Throttle { per_sec, state: Mutex::new((None, 0)) }
    }

    pub fn unlimited() -> Throttle {
        Throttle::new(0)
    }

    /// Counts `n` accounts read and waits until reading them was within the cap.
    pub async fn take(&self, n: usize) {
        if self.per_sec == 0 {
            return;
        }
        let due = {
            let mut state = self.state.lock().await;
            let start = *state.0.get_or_insert_with(Instant::now);
            state.1 += n as u64;
            start + Duration::from_secs_f64(state.1 as f64 / f64::from(self.per_sec))
        };
        tokio::time::sleep_until(due).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_throttle_holds_reading_to_its_rate() {
        let throttle = Throttle::new(1_000);
        let start = Instant::now();
        for _ in 0..5 {
            throttle.take(100).await;
        }
        let took = start.elapsed();
        assert!(took >= Duration::from_millis(490) && took < Duration::from_secs(3), "{took:?}");
        let free = Throttle::unlimited();
        let start = Instant::now();
        free.take(1_000_000).await;
        assert!(start.elapsed() < Duration::from_millis(100));
    }
}
