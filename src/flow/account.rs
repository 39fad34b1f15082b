//! Signing in with the directory password, and what a change as the user is given and ends
//! with (the change itself is `flow::change`).
//!
//! Every way a sign-in can fail before the password is known to be right (unknown account,
//! wrong password, locked, disabled) gives the same answer after the same work.

use secrecy::{ExposeSecret, SecretString};

use super::limits::{self, Scope};
use super::{AuditRecord, FlowError, Requester, Services};
use crate::directory::{AccountState, DirError, DirUser, Login, PasswordWarning, PolicyReason, UserId};
use crate::policy;
use crate::policy::quality::Refusal;

/// A new password typed twice, checked for what can be checked without the directory.
pub struct NewPassword(SecretString);

/// Why a typed new password was not even sent to the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewPasswordError {
    Empty,
    TooLong,
    Mismatch,
}

impl NewPasswordError {
    pub fn advice(self) -> &'static str {
        match self {
            NewPasswordError::Empty => "new-password-empty",
            NewPasswordError::TooLong => "new-password-too-long",
            NewPasswordError::Mismatch => "new-password-mismatch",
        }
    }
}

impl NewPassword {
    /// Longest password accepted, in characters.
    pub const MAX_CHARS: usize = 256;

    pub fn parse(new: SecretString, confirm: &SecretString) -> Result<NewPassword, NewPasswordError> {
        let text = new.expose_secret();
        if text.is_empty() {
            return Err(NewPasswordError::Empty);
        }
        if text.chars().count() > Self::MAX_CHARS {
            return Err(NewPasswordError::TooLong);
        }
        if !crate::crypto::constant_time_eq(text.as_bytes(), confirm.expose_secret().as_bytes()) {
            return Err(NewPasswordError::Mismatch);
        }
        Ok(NewPassword(new))
    }

    pub fn secret(&self) -> &SecretString {
        &self.0
    }
}

/// What a sign-in found.
#[derive(Debug)]
pub enum SignIn {
    Ok(Box<DirUser>),
    /// Unknown account, wrong password, locked or disabled: one answer for all.
    Failed,
    /// The password is right but expired or must be changed first.
    MustChange,
    /// The password is right, but self-service is not enabled for this account.
    OutOfScope(Box<DirUser>),
}

/// Checks a username and password against the directory, for `flow` (`register`, `change`,
/// `admin`) as the audit trail names it.
pub async fn sign_in(
    services: &Services,
    who: &Requester,
    flow: &'static str,
    typed: &str,
    password: &SecretString,
) -> Result<SignIn, FlowError> {
    sign_in_warned(services, who, flow, typed, password).await.map(|(outcome, _)| outcome)
}

/// `sign_in`, plus what the directory said about how long the password has left (only
/// for a sign-in that succeeded), to tell the person on the next page.
pub async fn sign_in_warned(
    services: &Services,
    who: &Requester,
    flow: &'static str,
    typed: &str,
    password: &SecretString,
) -> Result<(SignIn, Option<PasswordWarning>), FlowError> {
    let result: Result<(SignIn, Option<PasswordWarning>), FlowError> = async {
        limits::hit(services, Scope::StartByAddress, who.ip.as_deref()).await?;
        limits::hit(services, Scope::StartByAccount, Some(&limits::account_key(typed))).await?;
        let user = find(services, typed).await?;
        let probe = user.clone().unwrap_or_else(|| decoy(services));
        let result = if password.expose_secret().is_empty() {
            Err(DirError::WrongPassword)
        } else {
            services.directory.verify_password_warned(&probe, password).await
        };
        let warning = result.as_ref().ok().copied().flatten();
        let result = result.map(|_| ());
        // The person is told the same for all of these; the audit trail says which it was.
        let locked = matches!(result, Err(DirError::Locked)) && user.is_some();
        let outcome = match (result, user.as_ref()) {
            (_, None) => SignIn::Failed,
            (Ok(()), Some(u)) if !policy::in_scope(&services.config, u) => SignIn::OutOfScope(Box::new(u.clone())),
            (Ok(()), Some(u)) if super::protection::blocked(services, u).await? => {
                SignIn::OutOfScope(Box::new(u.clone()))
            }
            (Ok(()), Some(u)) => SignIn::Ok(Box::new(u.clone())),
            (Err(DirError::PasswordExpired | DirError::MustChange), Some(_)) => SignIn::MustChange,
            (Err(DirError::WrongPassword | DirError::Locked | DirError::Disabled | DirError::NotFound), Some(_)) => {
                SignIn::Failed
            }
            (Err(DirError::PolicyViolation(_)), Some(_)) => SignIn::Failed,
            (Err(e), Some(_)) => return Err(FlowError::from_directory(e)),
        };
        let reason = match &outcome {
            SignIn::Ok(_) => None,
            SignIn::Failed if locked => Some("locked"),
            SignIn::Failed => Some("bad_credentials"),
            SignIn::MustChange => Some("must_change"),
            SignIn::OutOfScope(_) => Some("out_of_scope"),
        };
        let outcome_word = if reason.is_none() { "success" } else { "failure" };
        services.audit(who, sign_in_record(flow, user.as_ref(), outcome_word, reason)).await;
        let warning = if matches!(outcome, SignIn::Ok(_)) { warning } else { None };
        Ok((outcome, warning))
    }
    .await;
    services.audit_error(who, sign_in_record(flow, None, "failure", None), &result).await;
    result
}

/// The audit record of a password sign-in for `flow`.
fn sign_in_record<'a>(
    flow: &'a str,
    user: Option<&'a DirUser>,
    outcome: &'a str,
    reason: Option<&'a str>,
) -> AuditRecord<'a> {
    AuditRecord { event: "sign_in", flow: Some(flow), user, outcome, reason, method: Some("password") }
}

/// What a person typed to change their password as themselves.
#[derive(Clone, Copy)]
pub struct ChangeRequest<'a> {
    /// The username, as typed.
    pub typed: &'a str,
    pub current: &'a SecretString,
    pub new: &'a NewPassword,
}

/// What became of a change.
#[derive(Debug)]
pub enum ChangeOutcome {
    Done,
    /// Unknown account, wrong current password, locked or disabled.
    Failed,
    OutOfScope,
    Refused(PolicyReason),
    SameAsOld,
    /// The password has expired and the directory no longer lets it sign in (no grace login
    /// left), so it cannot be changed with it either: a reset is the way out.
    Expired,
    /// Refused by our own rules (`policy::quality`) before the directory was asked.
    Weak(Vec<Refusal>),
}

pub(super) async fn find(services: &Services, typed: &str) -> Result<Option<DirUser>, FlowError> {
    match Login::parse(typed) {
        Some(login) => services.directory.find_user(&login).await.map_err(FlowError::from_directory),
        None => Ok(None),
    }
}

/// An account that cannot exist, so an unknown login costs a real (failing) bind too.
pub(super) fn decoy(services: &Services) -> DirUser {
    let id = uuid::Uuid::new_v4().to_string();
    DirUser {
        id: UserId(format!("decoy:{id}")),
        dn: format!("cn=rekey-decoy-{id},{}", services.config.directory.base_dn),
        login: String::new(),
        display_name: String::new(),
        emails: vec![],
        phones: vec![],
        groups: vec![],
        state: AccountState::default(),
    }
}
