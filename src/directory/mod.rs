//! The directory contract: one async trait every backend implements and every flow uses.
//!
//! Backends translate their protocol's answers into [`DirError`] so that nothing above this
//! module ever sees an LDAP result code or a Graph error body. Error payloads are for the
//! administrator's log only; they must never carry a password and are never shown to the
//! person using the portal.

pub mod agent;
pub mod bounded;
pub mod expiry;
pub mod graph;
pub mod instrumented;
pub mod ldap;
pub mod rules;
mod wrapper;

use std::sync::atomic::AtomicUsize;

use async_trait::async_trait;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};

/// A login name as typed by a person, trimmed and bounded. Backends still escape it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Login(String);

impl Login {
    /// Longest login accepted; longer input is refused before any directory call.
    pub const MAX_LEN: usize = 256;

    /// Trims surrounding white space; refuses empty, overlong or control-character input.
    pub fn parse(raw: &str) -> Option<Login> {
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.chars().count() > Self::MAX_LEN || trimmed.chars().any(char::is_control) {
            return None;
        }
        Some(Login(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The directory's stable identifier for an account (entryUUID, objectGUID, Graph object id).
/// Everything rekey stores about a person is keyed by this, never by the login name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UserId(pub String);

impl UserId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An account as the directory describes it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DirUser {
    pub id: UserId,
    /// Backend-specific locator: the entry's DN for LDAP.
    pub dn: String,
    /// The canonical login name (uid, sAMAccountName, UPN).
    pub login: String,
    pub display_name: String,
    /// Addresses from the directory's mail attribute(s).
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    /// Distinguished names of the groups the account belongs to (directly or nested,
    /// as far as the backend can tell).
    pub groups: Vec<String>,
    pub state: AccountState,
}

/// What the directory says about whether the account can sign in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountState {
    pub disabled: bool,
    pub locked: bool,
    pub password_expired: bool,
    pub must_change: bool,
}

/// Lock state read fresh from the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LockStatus {
    Unlocked,
    Locked,
}

/// Why the directory refused a new password, in terms a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PolicyReason {
    TooShort,
    TooLong,
    InHistory,
    TooYoung,
    InsufficientQuality,
    ModNotAllowed,
    MustSupplyOldPassword,
    /// A refusal the backend could not classify; the text is for the admin log only.
    Other(String),
    /// A refusal explained from the rules that apply to the account (Active Directory, whose
    /// DCs do not say why): `flow::dir_rules`.
    Explained(rules::Explanation),
}

impl PolicyReason {
    /// The message key of a sentence for the person who typed the password.
    pub fn advice(&self) -> &'static str {
        match self {
            PolicyReason::TooShort => "policy-too-short",
            PolicyReason::TooLong => "policy-too-long",
            PolicyReason::InHistory => "policy-in-history",
            PolicyReason::TooYoung => "policy-too-young",
            PolicyReason::InsufficientQuality => "policy-quality",
            PolicyReason::ModNotAllowed => "policy-not-allowed",
            PolicyReason::MustSupplyOldPassword => "policy-old-password-needed",
            PolicyReason::Other(_) => "policy-other",
            PolicyReason::Explained(e) => e.advice(),
        }
    }

    /// Short stable name for logs, audit records and metrics.
    pub fn code(&self) -> &'static str {
        match self {
            PolicyReason::TooShort => "too_short",
            PolicyReason::TooLong => "too_long",
            PolicyReason::InHistory => "in_history",
            PolicyReason::TooYoung => "too_young",
            PolicyReason::InsufficientQuality => "insufficient_quality",
            PolicyReason::ModNotAllowed => "mod_not_allowed",
            PolicyReason::MustSupplyOldPassword => "must_supply_old_password",
            PolicyReason::Other(_) => "other",
            PolicyReason::Explained(e) => e.code(),
        }
    }
}

/// Every way a directory operation can fail. Messages are for the admin log, never for the
/// person, and never contain a password. Serializable so a writeback agent can return the
/// exact answer its directory gave.
#[derive(Debug, thiserror::Error, Serialize, Deserialize)]
pub enum DirError {
    #[error("the password policy refused the password ({})", .0.code())]
    PolicyViolation(PolicyReason),
    #[error("wrong password")]
    WrongPassword,
    #[error("account locked")]
    Locked,
    #[error("account disabled")]
    Disabled,
    #[error("password expired")]
    PasswordExpired,
    #[error("password must be changed before use")]
    MustChange,
    #[error("no such account")]
    NotFound,
    #[error("directory unavailable: {0}")]
    Unavailable(String),
    #[error("directory refused the service account: {0}")]
    Denied(String),
    /// A password write (or unlock) was sent but no answer came back: an LDAP operation timed
    /// out or its connection broke after the request was written, a Graph PATCH or POST timed
    /// out after it may have reached Graph, or a writeback agent's lease ended. It may or may
    /// not have been applied; never sent again.
    #[error("no answer in time; the change may or may not have been applied: {0}")]
    Unconfirmed(String),
    /// A reset set the new password, but a later step of it did not happen (OpenLDAP without
    /// `ppolicy_hash_cleartext`: marking the password as one to change at next logon). The
    /// password IS changed; the text says what is missing.
    #[error("the password was set, but {0}")]
    PasswordSetOnly(String),
    /// The directory has no unlock operation (Entra ID, whose smart lockout ends only when its
    /// duration is over): the page offers a reset instead, and claims no unlock.
    #[error("this directory cannot unlock without a reset")]
    UnlockByReset,
    /// A refusal that will not change by trying again, for this account: a writeback agent's
    /// (not signed by the portal, an account outside the agent's base and filter, a protected
    /// account), insufficientAccessRights on a password write (an AdminSDHolder-protected
    /// account, "user cannot change password"), Graph's 403 for a privileged target. Nothing
    /// was changed; the person is sent to the helpdesk.
    #[error("refused for this account: {0}")]
    Refused(String),
}

/// What the directory said about a password that signed in: how long it has left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordWarning {
    /// It expires in this many seconds (ppolicy timeBeforeExpiration).
    ExpiresInSecs(i64),
    /// It has expired; this many more sign-ins with it are allowed (ppolicy grace logins).
    GraceLoginsLeft(i64),
}

/// Begins the detail of a [`DirError::Refused`] for lack of rights on one account (LDAP 50 on a
/// password write, Graph 403), so the audit can name the reason.
pub const INSUFFICIENT_ACCESS: &str = "no right to change this account's password";

/// The operations every flow needs from a directory.
#[async_trait]
pub trait Directory: Send + Sync + 'static {
    /// Looks an account up by any configured login attribute. `Ok(None)` when nobody (or more
    /// than one entry) matches.
    async fn find_user(&self, login: &Login) -> Result<Option<DirUser>, DirError>;

    /// Binds as the user. `Ok(())` only for a usable password; otherwise the precise reason.
    async fn verify_password(&self, user: &DirUser, password: &SecretString) -> Result<(), DirError>;

    /// `verify_password`, plus what the directory said about how long the password has left.
    async fn verify_password_warned(
        &self,
        user: &DirUser,
        password: &SecretString,
    ) -> Result<Option<PasswordWarning>, DirError> {
        self.verify_password(user, password).await.map(|()| None)
    }

    /// Changes the password as the user, so history and minimum age apply.
    async fn change_password(&self, user: &DirUser, old: &SecretString, new: &SecretString) -> Result<(), DirError>;

    /// Sets a new password as the service account and clears any lockout. When
    /// `must_change` is true the user must change it at next logon.
    async fn reset_password(&self, user: &DirUser, new: &SecretString, must_change: bool) -> Result<(), DirError>;

    /// Clears the lockout without touching the password. Succeeds on an unlocked account.
    async fn unlock(&self, user: &DirUser) -> Result<(), DirError>;

    /// Reads the current lock state.
    async fn lock_status(&self, user: &DirUser) -> Result<LockStatus, DirError>;

    /// Checks that the directory answers and the service account can bind.
    async fn health(&self) -> Result<(), DirError>;

    /// Every account under the configured base (users only, not groups or computers), with their
    /// groups filled in exactly as `find_user` fills them, so `policy::in_scope` can judge each.
    /// At most `limit` accounts; `Ok(list)` with `list.len() == limit` means there may be more.
    /// `progress` is kept at the number of accounts read so far while it pages (the admin's
    /// coverage page and `rekey report` show it); a directory that cannot tell sets it once,
    /// at the end.
    async fn list_users_counted(&self, limit: usize, progress: &AtomicUsize) -> Result<Vec<DirUser>, DirError>;

    /// Every account `list_users_counted` lists (at most `limit`), with its password's change
    /// time, its expiry and its preferred language, for the expiry reminders: paged searches,
    /// reading no faster than `throttle` lets. A backend that cannot tell answers
    /// [`expiry::not_supported`] (writeback agents).
    async fn list_password_expiry(
        &self,
        limit: usize,
        throttle: &expiry::Throttle,
    ) -> Result<Vec<expiry::Expiring>, DirError> {
        let _ = (limit, throttle);
        Err(expiry::not_supported("this directory backend"))
    }

    /// When this one account's password expires, read now and computed as
    /// `list_password_expiry` computes it for everyone (for the API's person status).
    /// `Ok(None)` where the backend cannot tell (writeback agents).
    async fn password_expiry(&self, user: &DirUser) -> Result<Option<expiry::Expiry>, DirError> {
        let _ = user;
        Ok(None)
    }

    /// `list_users_counted` where nobody watches the progress.
    async fn list_users(&self, limit: usize) -> Result<Vec<DirUser>, DirError> {
        self.list_users_counted(limit, &AtomicUsize::new(0)).await
    }

    /// Accounts whose login, display name or mail contains `text`, for the helpdesk's search:
    /// at most `limit`, groups not filled in (look the chosen one up with `find_user`). A
    /// backend without a search finds the one account `find_user` finds (the agent today: the
    /// exact login or mail); Graph's matches the start of a name, UPN or mail.
    async fn search_users(&self, text: &str, limit: usize) -> Result<Vec<DirUser>, DirError> {
        let _ = limit;
        match Login::parse(text) {
            Some(login) => Ok(self.find_user(&login).await?.into_iter().collect()),
            None => Ok(vec![]),
        }
    }

    /// Ends the account's other sessions after a reset, where the directory has them (Entra
    /// ID's refresh tokens and session cookies). `Ok(())` where there is nothing to end.
    async fn sign_out_everywhere(&self, _user: &DirUser) -> Result<(), DirError> {
        Ok(())
    }

    /// What an administrator should know about how the directory is set up (for example an AD
    /// DC without the policy-hints control), for `/readyz`'s `detail`. Never secrets or hosts.
    async fn notes(&self) -> Vec<String> {
        Vec::new()
    }

    /// The password rules that apply to this account, read now (Active Directory: the domain's
    /// policy or the PSO its `msDS-ResultantPSO` names, and `pwdLastSet`). `Ok(None)` where the
    /// directory's own refusals say why (OpenLDAP's ppolicy, Graph).
    async fn password_rules(&self, _user: &DirUser) -> Result<Option<rules::AccountRules>, DirError> {
        Ok(None)
    }

    /// The rules for accounts without rules of their own (Active Directory: the domain's
    /// policy), the same for everyone, for pages shown before a person is known. Cached
    /// briefly by the backend. `None` where there are none to show or they cannot be read.
    async fn default_password_rules(&self) -> Option<rules::PasswordRules> {
        None
    }

    /// The Graph directory, whose people sign in with OpenID Connect; `None` for others.
    fn graph(&self) -> Option<&graph::GraphDirectory> {
        None
    }

    /// True when `change_password` itself proves the current password with the one bind as
    /// the person that it needs anyway, and answers that bind's refusals (`WrongPassword`,
    /// `Locked`, `PasswordExpired`…) as `verify_password` would. The change flow then binds
    /// once instead of signing in first: with ppolicy, every bind with an expired password
    /// spends a grace login.
    fn change_proves_current(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_is_trimmed_and_bounded() {
        assert_eq!(Login::parse("  alice ").map(|l| l.0), Some("alice".into()));
        assert!(Login::parse("").is_none());
        assert!(Login::parse("   ").is_none());
        assert!(Login::parse("a\0b").is_none());
        assert!(Login::parse(&"x".repeat(257)).is_none());
        assert!(Login::parse(&"x".repeat(256)).is_some());
    }
}
