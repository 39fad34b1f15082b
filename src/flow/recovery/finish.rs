//! The last step of a recovery, once enough methods have passed: the new password (reset) or
//! the unlock. The attempt is completed (block and `voided` checked in the same statement)
//! before the directory is written, and reopened if the directory refuses.

use super::{Purpose, Recovery};
use crate::directory::{DirError, PolicyReason};
use crate::flow::account::NewPassword;
use crate::flow::codes;
use crate::flow::notice::notify;
use crate::flow::protection;
use crate::flow::{AuditRecord, FlowError, Requester, Services};
use crate::notify::messages::AccountEvent;

/// What became of a reset.
#[derive(Debug)]
pub enum ResetOutcome {
    Done {
        must_change: bool,
        /// The account's other sessions could not be ended: the person should sign out of
        /// their other devices.
        sessions_kept: bool,
    },
    /// The directory's policy refused the password: nothing changed, try another.
    Refused(PolicyReason),
    /// Refused by our own rules (`policy::quality`) before the directory was asked.
    Weak(Vec<crate::policy::quality::Refusal>),
}

/// Sets the new password (and clears any lockout) once enough methods have passed.
pub async fn reset(
    services: &Services,
    who: &Requester,
    r: &Recovery,
    new: &NewPassword,
) -> Result<ResetOutcome, FlowError> {
    let user = r.verified_user(services)?;
    if r.purpose != Purpose::Reset {
        return Err(FlowError::OutOfStep("not a reset"));
    }
    codes::ensure_open(services, &r.attempt_id).await?;
    let must_change = services.config.reset.force_change_at_next_logon;
    let methods = r.methods_used();
    let audit = |outcome, reason| AuditRecord {
        event: "reset",
        flow: Some("reset"),
        user: Some(user),
        outcome,
        reason,
        method: Some(&methods),
    };
    let person = crate::policy::quality::Person::of(user);
    if let Err(refusals) = crate::flow::quality::screen(services, who, audit("failure", None), &person, new).await {
        return Ok(ResetOutcome::Weak(refusals));
    }
    let claimed = protection::claim(services, &r.attempt_id).await?;
    let mut must_change = must_change;
    let mut reason = None;
    match services.directory.reset_password(user, new.secret(), must_change).await {
        Ok(()) => {}
        // The password IS set: say so, send the notice, and record what did not happen.
        Err(DirError::PasswordSetOnly(detail)) => {
            tracing::warn!(user = %user.dn, "reset: {detail}");
            reason = Some(if must_change { "must_change_not_set" } else { "must_change_not_cleared" });
            must_change = false;
        }
        Err(DirError::PolicyViolation(reason)) => {
            let reason = crate::flow::dir_rules::explain(services, user, new, false, reason).await;
            services.db.reopen_attempt(&r.attempt_id, claimed).await?;
            services.audit(who, audit("failure", Some(reason.code()))).await;
            return Ok(ResetOutcome::Refused(reason));
        }
        Err(e) => {
            services.db.reopen_attempt(&r.attempt_id, claimed).await?;
            let unconfirmed = matches!(e, DirError::Unconfirmed(_));
            let maybe = Some(AccountEvent::PasswordMaybeChanged);
            let failed =
                crate::flow::outcome::write_failed(services, who, user, audit("failure", None), e, maybe).await;
            if unconfirmed {
                protection::alert_if_privileged(services, who, user, "password reset (unconfirmed)");
            }
            return Err(failed);
        }
    }
    services.audit(who, audit("success", reason)).await;
    let sessions_kept = !crate::flow::sessions::sign_out_everywhere(services, who, user, &methods).await;
    protection::alert_if_privileged(services, who, user, "password reset");
    notify(services, who, user, AccountEvent::PasswordReset).await?;
    Ok(ResetOutcome::Done { must_change, sessions_kept })
}

/// Clears the lockout once enough methods have passed. The password is not touched.
pub async fn unlock(services: &Services, who: &Requester, r: &Recovery) -> Result<(), FlowError> {
    let user = r.verified_user(services)?;
    if r.purpose != Purpose::Unlock {
        return Err(FlowError::OutOfStep("not an unlock"));
    }
    codes::ensure_open(services, &r.attempt_id).await?;
    let methods = r.methods_used();
    let audit = |outcome, reason| AuditRecord {
        event: "unlock",
        flow: Some("unlock"),
        user: Some(user),
        outcome,
        reason,
        method: Some(&methods),
    };
    let claimed = protection::claim(services, &r.attempt_id).await?;
    if let Err(e) = services.directory.unlock(user).await {
        services.db.reopen_attempt(&r.attempt_id, claimed).await?;
        return Err(crate::flow::outcome::write_failed(services, who, user, audit("failure", None), e, None).await);
    }
    services.audit(who, audit("success", None)).await;
    protection::alert_if_privileged(services, who, user, "account unlocked");
    notify(services, who, user, AccountEvent::AccountUnlocked).await
}
