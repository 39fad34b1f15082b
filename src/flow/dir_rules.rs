//! The directory's own password rules in the flows (Active Directory: the domain's policy or
//! the account's PSO; `directory::rules`).
//!
//! A refusal is explained from the rules that apply to the account, read after the refusal,
//! never from the DC's words: Windows gives none. The time is the portal's clock.

use secrecy::ExposeSecret;

use super::Services;
use super::account::NewPassword;
use crate::directory::rules::{self, AccountRules};
use crate::directory::{DirUser, PolicyReason};

/// Why the directory refused `new` for `user`, from the rules that apply to the account.
/// `change` is true for a change by the person (minimum age applies), false for a reset. When
/// the rules cannot be read or do not explain it, `reason` (the directory's own) stands.
pub async fn explain(
    services: &Services,
    user: &DirUser,
    new: &NewPassword,
    change: bool,
    reason: PolicyReason,
) -> PolicyReason {
    let Some(account) = for_account(services, user).await else {
        return reason;
    };
    let now = services.clock.now();
    let password = new.secret().expose_secret();
    match rules::explain(&account, &user.login, &user.display_name, password, change, now) {
        Some(explained) => {
            tracing::info!(user = %user.dn, was = reason.code(), why = explained.code(), "policy refusal explained from the account's rules");
            PolicyReason::Explained(explained)
        }
        None => reason,
    }
}

/// The rules that apply to `user` now; `None` where the directory has none to say or they
/// could not be read (logged).
pub async fn for_account(services: &Services, user: &DirUser) -> Option<AccountRules> {
    match services.directory.password_rules(user).await {
        Ok(rules) => rules,
        Err(err) => {
            tracing::warn!(user = %user.dn, %err, "could not read the account's password rules");
            None
        }
    }
}
