//! The password rules of `policy::quality` as the flows apply them: on every change and reset
//! before the directory is called, and for the live hint while someone types.
//!
//! The hint never looks an account up: it judges against what the person typed and, on a
//! reset, the account they have already proven. So it tells nobody whether an account exists.

use secrecy::{ExposeSecret, SecretString};

use super::account::NewPassword;
use super::limits::{self, Scope};
use super::{AuditRecord, FlowError, Requester, Services};
use crate::policy::quality::{self, Person, Refusal};

/// Judges `new` for `person`. A refusal is audited as `record` (failure, with the first
/// reason's code); the caller then stops, so the directory never sees the password.
pub async fn screen(
    services: &Services,
    who: &Requester,
    record: AuditRecord<'_>,
    person: &Person,
    new: &NewPassword,
) -> Result<(), Vec<Refusal>> {
    refuse(services, who, record, quality::check(&services.config, person, new.secret().expose_secret())).await
}

/// [`screen`] without the strength estimate (`quality::check_rules`) when the password passes:
/// the first look at a change's new password, before the account is known. The change screens
/// it in full once it is, so the estimate runs once per change. A refusal is judged in full,
/// so the person hears every reason at once, as the live hint tells them.
pub async fn screen_rules(
    services: &Services,
    who: &Requester,
    record: AuditRecord<'_>,
    person: &Person,
    new: &NewPassword,
) -> Result<(), Vec<Refusal>> {
    let password = new.secret().expose_secret();
    if quality::check_rules(&services.config, person, password).is_ok() {
        return Ok(());
    }
    refuse(services, who, record, quality::check(&services.config, person, password)).await
}

/// A refusal audited as `record` (failure, with the first reason's code).
async fn refuse(
    services: &Services,
    who: &Requester,
    record: AuditRecord<'_>,
    judged: Result<(), Vec<Refusal>>,
) -> Result<(), Vec<Refusal>> {
    let refusals = match judged {
        Ok(()) => return Ok(()),
        Err(refusals) => refusals,
    };
    let reason = refusals.first().map(Refusal::code);
    services.audit(who, AuditRecord { outcome: "failure", reason, ..record }).await;
    Err(refusals)
}

/// The live hint: what is wrong with `password` so far (empty when nothing is). Counted per
/// client address; not audited, since nothing happened.
pub async fn hint(
    services: &Services,
    who: &Requester,
    person: &Person,
    password: &SecretString,
) -> Result<Vec<Refusal>, FlowError> {
    limits::hit(services, Scope::PasswordCheckByAddress, who.ip.as_deref()).await?;
    Ok(quality::check(&services.config, person, password.expose_secret()).err().unwrap_or_default())
}
