//! Changing an Entra ID password as the person, with the delegated token of their OpenID
//! Connect sign-in, so Entra's own history and policy apply.

use secrecy::{ExposeSecret, SecretString};

use super::account::{ChangeOutcome, NewPassword};
use super::recovery::notify;
use super::{AuditRecord, FlowError, Requester, Services};
use crate::directory::{DirError, Login};
use crate::notify::messages::AccountEvent;
use crate::policy;

/// Changes the password of the person signed in as `login`, whose token `handle` names.
/// `Err(Expired)` when the sign-in is gone or names nobody rekey can find.
pub async fn change(
    services: &Services,
    who: &Requester,
    login: &str,
    handle: &str,
    current: &SecretString,
    new: &NewPassword,
) -> Result<ChangeOutcome, FlowError> {
    let graph = services.directory.graph().ok_or(FlowError::OutOfStep("not a Graph directory"))?;
    let token = graph.delegated_token(handle).ok_or(FlowError::Expired)?;
    if crate::crypto::constant_time_eq(current.expose_secret().as_bytes(), new.secret().expose_secret().as_bytes()) {
        return Ok(ChangeOutcome::SameAsOld);
    }
    let login = Login::parse(login).ok_or(FlowError::Expired)?;
    let user =
        services.directory.find_user(&login).await.map_err(FlowError::from_directory)?.ok_or(FlowError::Expired)?;
    if !policy::in_scope(&services.config.policy, &user) {
        return Ok(ChangeOutcome::OutOfScope);
    }
    let audit = |outcome, reason| AuditRecord {
        event: "change",
        flow: Some("change"),
        user: Some(&user),
        outcome,
        reason,
        method: Some("oidc"),
    };
    match graph.change_with_token(&token, current, new.secret()).await {
        Ok(()) => {
            graph.sign_out(handle);
            services.audit(who, audit("success", None)).await;
            notify(services, who, &user, AccountEvent::PasswordChanged).await?;
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
        Err(e) => {
            services.audit(who, audit("failure", Some("directory_error"))).await;
            Err(FlowError::from_directory(e))
        }
    }
}
