//! A change with one bind as the person, for directories whose change proves the current
//! password itself (`Directory::change_proves_current`: OpenLDAP).
//!
//! The usual change signs in first and then changes, which binds twice. Under ppolicy each
//! bind with an expired password spends a grace login, so a person with one grace login left
//! was signed in by the first bind and refused by the second (a 500). Here everything that
//! can be judged without the password (scope, a blocked account, the account's names in the
//! new password) is judged before the bind, and the one bind is then either the change itself
//! or, when the change must not happen, a plain sign-in: the answer for a wrong password is
//! the same on every path, and nothing about the account is said before its password is
//! proven.

use super::account::{ChangeOutcome, ChangeRequest, decoy, find};
use super::limits::{self, Scope};
use super::outcome::{change_failed, change_record, changed};
use super::{AuditRecord, FlowError, Requester, Services};
use crate::directory::{DirError, DirUser};
use crate::policy;
use crate::policy::quality::{self, Person};

/// What stops a change before the directory is asked to make it.
enum Stop {
    OutOfScope,
    Weak,
}

pub(super) async fn change(
    services: &Services,
    who: &Requester,
    request: ChangeRequest<'_>,
) -> Result<ChangeOutcome, FlowError> {
    let ChangeRequest { typed, current, new } = request;
    limits::hit(services, Scope::StartByAddress, who.ip.as_deref()).await?;
    limits::hit(services, Scope::StartByAccount, Some(&limits::account_key(typed))).await?;
    let Some(user) = find(services, typed).await? else {
        // An unknown account costs a real (failing) bind too.
        let _ = services.directory.verify_password(&decoy(services), current).await;
        sign_in_audit(services, who, None, Some("bad_credentials")).await;
        return Ok(ChangeOutcome::Failed);
    };
    let person = Person::of(&user).and(Person::typed(typed));
    let stop = if !policy::in_scope(&services.config, &user) || super::protection::blocked(services, &user).await? {
        Some(Stop::OutOfScope)
    } else if quality::check(&services.config, &person, secrecy::ExposeSecret::expose_secret(new.secret())).is_err() {
        Some(Stop::Weak)
    } else {
        None
    };
    let audit = |outcome, reason| change_record(&user, "password", outcome, reason);
    if let Some(stop) = stop {
        // The one bind is a sign-in: the refusal is only told to someone who knows the password.
        // slapd answers passwordExpired only to the right password, so that proves it too.
        match services.directory.verify_password(&user, current).await {
            Ok(()) | Err(DirError::MustChange | DirError::PasswordExpired) => {}
            Err(e) => return refused_bind(services, who, &user, e).await,
        }
        return Ok(match stop {
            Stop::OutOfScope => {
                sign_in_audit(services, who, Some(&user), Some("out_of_scope")).await;
                ChangeOutcome::OutOfScope
            }
            Stop::Weak => {
                sign_in_audit(services, who, Some(&user), None).await;
                match super::quality::screen(services, who, audit("failure", None), &person, new).await {
                    Err(refusals) => ChangeOutcome::Weak(refusals),
                    // The rules judged it weak a moment ago; refuse rather than guess.
                    Ok(()) => ChangeOutcome::Failed,
                }
            }
        });
    }
    match services.directory.change_password(&user, current, new.secret()).await {
        Ok(()) => {
            sign_in_audit(services, who, Some(&user), None).await;
            changed(services, who, &user, "password").await?;
            Ok(ChangeOutcome::Done)
        }
        Err(DirError::PolicyViolation(reason)) => {
            sign_in_audit(services, who, Some(&user), None).await;
            services.audit(who, audit("failure", Some(reason.code()))).await;
            Ok(ChangeOutcome::Refused(reason))
        }
        Err(e) => refused_bind(services, who, &user, e).await,
    }
}

/// The bind's refusals, audited as a failed sign-in; anything else as the error it is.
async fn refused_bind(
    services: &Services,
    who: &Requester,
    user: &DirUser,
    e: DirError,
) -> Result<ChangeOutcome, FlowError> {
    let (outcome, reason) = match e {
        // No grace login left: the bind is refused, so the change cannot be made as the person.
        DirError::PasswordExpired => (ChangeOutcome::Expired, "expired"),
        DirError::Locked => (ChangeOutcome::Failed, "locked"),
        DirError::WrongPassword | DirError::Disabled | DirError::NotFound => (ChangeOutcome::Failed, "bad_credentials"),
        // Sent but unanswered (the change may have been made), a permanent refusal, or an
        // outage: one place decides what is audited and whether the owner is told.
        e => return Err(change_failed(services, who, user, "password", e).await),
    };
    sign_in_audit(services, who, Some(user), Some(reason)).await;
    Ok(outcome)
}

async fn sign_in_audit(services: &Services, who: &Requester, user: Option<&DirUser>, reason: Option<&'static str>) {
    let record = AuditRecord {
        event: "sign_in",
        flow: Some("change"),
        user,
        outcome: if reason.is_none() { "success" } else { "failure" },
        reason,
        method: Some("password"),
    };
    services.audit(who, record).await;
}
