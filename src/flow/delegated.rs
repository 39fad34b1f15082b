//! Registering after an OpenID Connect sign-in, and changing an Entra ID password as the person, with the delegated token of their OpenID
//! Connect sign-in, so Entra's own history and policy apply.

use secrecy::{ExposeSecret, SecretString};

use super::account::{ChangeOutcome, NewPassword};
use super::outcome::{change_failed, change_record, changed};
use super::{AuditRecord, FlowError, Requester, Services};
use crate::directory::DirError;
use crate::policy;
use crate::policy::quality::Person;

/// The account an OpenID Connect sign-in names by its object id, if it may use self-service.
/// The delegated token is not needed for registration: the caller drops it.
pub async fn sign_in_to_register(
    services: &Services,
    who: &Requester,
    object_id: &str,
) -> Result<Option<crate::directory::DirUser>, FlowError> {
    let graph = services.directory.graph().ok_or(FlowError::OutOfStep("not a Graph directory"))?;
    let user = graph.find_signed_in(object_id).await.map_err(FlowError::from_directory)?;
    let user = user.filter(|u| policy::in_scope(&services.config, u));
    let outcome = if user.is_some() { "success" } else { "failure" };
    let record = AuditRecord {
        event: "sign_in",
        flow: Some("register"),
        user: user.as_ref(),
        outcome,
        reason: user.is_none().then_some("out_of_scope"),
        method: Some("oidc"),
    };
    services.audit(who, record).await;
    Ok(user)
}

/// Changes the password of the person signed in as the object `object_id` (shown as `login`)
/// with their delegated `token`. The person is found by object id, whatever `login_attribute`
/// says typed logins match. `Err(Expired)` when the sign-in names nobody rekey can find.
pub async fn change(
    services: &Services,
    who: &Requester,
    object_id: &str,
    login: &str,
    token: &SecretString,
    current: &SecretString,
    new: &NewPassword,
) -> Result<ChangeOutcome, FlowError> {
    let graph = services.directory.graph().ok_or(FlowError::OutOfStep("not a Graph directory"))?;
    if crate::crypto::constant_time_eq(current.expose_secret().as_bytes(), new.secret().expose_secret().as_bytes()) {
        return Ok(ChangeOutcome::SameAsOld);
    }
    let user = graph.find_signed_in(object_id).await.map_err(FlowError::from_directory)?.ok_or(FlowError::Expired)?;
    if !policy::in_scope(&services.config, &user) {
        return Ok(ChangeOutcome::OutOfScope);
    }
    let audit = |outcome, reason| change_record(&user, "oidc", outcome, reason);
    let person = Person::of(&user).and(Person::typed(login));
    if let Err(refusals) = super::quality::screen(services, who, audit("failure", None), &person, new).await {
        return Ok(ChangeOutcome::Weak(refusals));
    }
    match graph.change_with_token(token, current, new.secret()).await {
        Ok(()) => {
            changed(services, who, &user, "oidc").await?;
            Ok(ChangeOutcome::Done)
        }
        Err(DirError::PolicyViolation(reason)) => {
            services.audit(who, audit("failure", Some(reason.code()))).await;
            Ok(ChangeOutcome::Refused(reason))
        }
        Err(DirError::WrongPassword) => {
            services.audit(who, audit("failure", Some("bad_credentials"))).await;
            Ok(ChangeOutcome::Failed)
        }
        Err(e) => Err(change_failed(services, who, &user, "oidc", e).await),
    }
}
