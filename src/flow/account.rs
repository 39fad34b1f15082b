//! Signing in with the directory password, and changing it as the user.
//!
//! Every way a sign-in can fail before the password is known to be right (unknown account,
//! wrong password, locked, disabled) gives the same answer after the same work.

use secrecy::{ExposeSecret, SecretString};

use super::limits::{self, Scope};
use super::recovery::notify;
use super::{AuditRecord, FlowError, Requester, Services};
use crate::directory::{AccountState, DirError, DirUser, Login, PasswordWarning, PolicyReason, UserId};
use crate::notify::messages::AccountEvent;
use crate::policy;
use crate::policy::quality::{Person, Refusal};

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
    let result = sign_in_now(services, who, flow, typed, password).await;
    let record = AuditRecord { event: "sign_in", flow: Some(flow), method: Some("password"), ..Default::default() };
    services.audit_error(who, record, &result).await;
    result
}

async fn sign_in_now(
    services: &Services,
    who: &Requester,
    flow: &'static str,
    typed: &str,
    password: &SecretString,
) -> Result<(SignIn, Option<PasswordWarning>), FlowError> {
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
    let audit = |outcome, reason| AuditRecord {
        event: "sign_in",
        flow: Some(flow),
        user: user.as_ref(),
        outcome,
        reason,
        method: Some("password"),
    };
    // The person is told the same for all of these; the audit trail says which it was.
    let locked = matches!(result, Err(DirError::Locked)) && user.is_some();
    let outcome = match (result, user.as_ref()) {
        (_, None) => SignIn::Failed,
        (Ok(()), Some(u)) if !policy::in_scope(&services.config, u) => SignIn::OutOfScope(Box::new(u.clone())),
        (Ok(()), Some(u)) if super::protection::blocked(services, u).await? => SignIn::OutOfScope(Box::new(u.clone())),
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
    services.audit(who, audit(if reason.is_none() { "success" } else { "failure" }, reason)).await;
    let warning = if matches!(outcome, SignIn::Ok(_)) { warning } else { None };
    Ok((outcome, warning))
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

/// Changes the password as the user, so the directory's history and minimum age apply.
pub async fn change(
    services: &Services,
    who: &Requester,
    typed: &str,
    current: &SecretString,
    new: &NewPassword,
) -> Result<ChangeOutcome, FlowError> {
    if crate::crypto::constant_time_eq(current.expose_secret().as_bytes(), new.secret().expose_secret().as_bytes()) {
        return Ok(ChangeOutcome::SameAsOld);
    }
    // What can be judged from the typed username alone is judged before anything is asked of
    // the directory, even the sign-in; the account's own names once it is known.
    let record = AuditRecord { event: "change", flow: Some("change"), method: Some("password"), ..Default::default() };
    if let Err(refusals) = super::quality::screen(services, who, record, &Person::typed(typed), new).await {
        return Ok(ChangeOutcome::Weak(refusals));
    }
    if services.directory.change_proves_current() {
        return super::change_once::change(services, who, typed, current, new).await;
    }
    let user = match sign_in(services, who, "change", typed, current).await? {
        SignIn::Ok(user) => *user,
        SignIn::Failed => return Ok(ChangeOutcome::Failed),
        SignIn::OutOfScope(_) => return Ok(ChangeOutcome::OutOfScope),
        // An expired or must-change password can still be changed with the old one.
        SignIn::MustChange => match find(services, typed).await? {
            Some(user) if policy::in_scope(&services.config, &user) => user,
            Some(_) => return Ok(ChangeOutcome::OutOfScope),
            None => return Ok(ChangeOutcome::Failed),
        },
    };
    let audit = |outcome, reason| AuditRecord {
        event: "change",
        flow: Some("change"),
        user: Some(&user),
        outcome,
        reason,
        method: Some("password"),
    };
    let person = Person::of(&user).and(Person::typed(typed));
    if let Err(refusals) = super::quality::screen(services, who, audit("failure", None), &person, new).await {
        return Ok(ChangeOutcome::Weak(refusals));
    }
    match services.directory.change_password(&user, current, new.secret()).await {
        Ok(()) => {
            services.audit(who, audit("success", None)).await;
            notify(services, who, &user, AccountEvent::PasswordChanged).await?;
            Ok(ChangeOutcome::Done)
        }
        Err(DirError::PolicyViolation(reason)) => {
            let reason = super::dir_rules::explain(services, &user, new, true, reason).await;
            services.audit(who, audit("failure", Some(reason.code()))).await;
            Ok(ChangeOutcome::Refused(reason))
        }
        Err(DirError::Locked) => {
            services.audit(who, audit("failure", Some("locked"))).await;
            Ok(ChangeOutcome::Failed)
        }
        Err(DirError::PasswordExpired) => {
            services.audit(who, audit("failure", Some("expired"))).await;
            Ok(ChangeOutcome::Expired)
        }
        Err(DirError::WrongPassword | DirError::Disabled | DirError::NotFound) => {
            services.audit(who, audit("failure", Some("bad_credentials"))).await;
            Ok(ChangeOutcome::Failed)
        }
        Err(e) => {
            let maybe = Some(AccountEvent::PasswordMaybeChanged);
            Err(super::outcome::write_failed(services, who, &user, audit("failure", None), e, maybe).await)
        }
    }
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
