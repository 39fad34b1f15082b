//! Changing the password as the user, who types the current one: judged by our rules first,
//! then signed in and changed, or, where the directory's change proves the current password
//! itself, changed with one bind (`change_once`).

use secrecy::ExposeSecret;

use super::account::{ChangeOutcome, ChangeRequest, SignIn, find, sign_in};
use super::outcome::{change_failed, change_record, changed};
use super::{AuditRecord, FlowError, Requester, Services};
use crate::directory::DirError;
use crate::policy;
use crate::policy::quality::Person;

/// Changes the password as the user, so the directory's history and minimum age apply.
pub async fn change(
    services: &Services,
    who: &Requester,
    request: ChangeRequest<'_>,
) -> Result<ChangeOutcome, FlowError> {
    let ChangeRequest { typed, current, new } = request;
    if crate::crypto::constant_time_eq(current.expose_secret().as_bytes(), new.secret().expose_secret().as_bytes()) {
        return Ok(ChangeOutcome::SameAsOld);
    }
    // What can be judged from the typed username alone is judged before anything is asked of
    // the directory, even the sign-in; the strength estimate with the account's own names once
    // it is known (it is the costliest rule, so it runs once).
    let record = AuditRecord { event: "change", flow: Some("change"), method: Some("password"), ..Default::default() };
    if let Err(refusals) = super::quality::screen_rules(services, who, record, &Person::typed(typed), new).await {
        return Ok(ChangeOutcome::Weak(refusals));
    }
    if services.directory.change_proves_current() {
        return super::change_once::change(services, who, request).await;
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
    let audit = |outcome, reason| change_record(&user, "password", outcome, reason);
    let person = Person::of(&user).and(Person::typed(typed));
    if let Err(refusals) = super::quality::screen(services, who, audit("failure", None), &person, new).await {
        return Ok(ChangeOutcome::Weak(refusals));
    }
    match services.directory.change_password(&user, current, new.secret()).await {
        Ok(()) => {
            changed(services, who, &user, "password").await?;
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
        Err(e) => Err(change_failed(services, who, &user, "password", e).await),
    }
}
