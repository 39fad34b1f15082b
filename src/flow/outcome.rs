//! What a person is told, and what is recorded, when a password write does not end in a plain
//! yes or no: the directory never answered (the change may have been made), or it refused the
//! change for this account for good (only the helpdesk can help).
//!
//! Both happen only after the person proved who they are, so saying so reveals nothing to a
//! stranger that the flow had not already shown.

use super::{AuditRecord, FlowError, Requester, Services};
use crate::directory::{DirError, DirUser};
use crate::notify::messages::AccountEvent;

/// The audit outcome of a write that was sent but never confirmed.
pub const UNCONFIRMED: &str = "unconfirmed";

/// Ends a password write (or unlock) the directory did not do as asked, other than a policy or
/// credential refusal the caller handles itself. An unconfirmed write is audited as such and,
/// when `maybe` names the event, the account's addresses get a "may have been changed" notice;
/// a permanent refusal is audited with its reason; anything else as before.
pub async fn write_failed(
    services: &Services,
    who: &Requester,
    user: &DirUser,
    record: AuditRecord<'_>,
    error: DirError,
    maybe: Option<AccountEvent<'_>>,
) -> FlowError {
    let result: Result<(), FlowError> = Err(FlowError::from_directory(error));
    if let Err(FlowError::Unconfirmed(detail)) = &result {
        tracing::error!(user = %user.id.as_str(), %detail, "a password write was sent but never confirmed; it may have been applied");
        services.audit(who, AuditRecord { outcome: UNCONFIRMED, reason: Some("no_answer"), ..record }).await;
        if let Some(event) = maybe
            && let Err(err) = super::notice::notify(services, who, user, event).await
        {
            tracing::error!(%err, "could not send the unconfirmed-change notice");
        }
    } else {
        if let Err(FlowError::Refused(detail)) = &result {
            tracing::warn!(user = %user.id.as_str(), %detail, "the directory refused the change for this account; the person is sent to the helpdesk");
        }
        services.audit_error(who, AuditRecord { outcome: "failure", reason: None, ..record }, &result).await;
    }
    result.err().unwrap_or_else(|| FlowError::Internal("no directory error".into()))
}

/// The audit record of a person changing their own password, proven by `method`.
pub fn change_record<'a>(
    user: &'a DirUser,
    method: &'a str,
    outcome: &'a str,
    reason: Option<&'a str>,
) -> AuditRecord<'a> {
    AuditRecord { event: "change", flow: Some("change"), user: Some(user), outcome, reason, method: Some(method) }
}

/// A person's own change made: audited, and the account's addresses told.
pub async fn changed(services: &Services, who: &Requester, user: &DirUser, method: &str) -> Result<(), FlowError> {
    services.audit(who, change_record(user, method, "success", None)).await;
    super::notice::notify(services, who, user, AccountEvent::PasswordChanged).await
}

/// A person's own change the directory did not make, for a reason the caller does not answer
/// itself: [`write_failed`], with a "may have been changed" notice if it went unconfirmed.
pub async fn change_failed(
    services: &Services,
    who: &Requester,
    user: &DirUser,
    method: &str,
    error: DirError,
) -> FlowError {
    let record = change_record(user, method, "failure", None);
    write_failed(services, who, user, record, error, Some(AccountEvent::PasswordMaybeChanged)).await
}
