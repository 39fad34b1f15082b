//! After a reset: ending the account's other sessions where the directory keeps them (Entra
//! ID's sign-in sessions and refresh tokens). The new password stands whatever happens here,
//! but a failure is never silent: it is audited, the admins are alerted, and the person is
//! told on the done page to sign out of their other devices.

use super::protection::alert_admins;
use super::{AuditRecord, Requester, Services};
use crate::directory::DirUser;

/// Audit event and reason of a revocation that failed after a reset.
pub const EVENT: &str = "sign_out_everywhere";
pub const NOT_REVOKED: &str = "sessions_not_revoked";

/// Signs the account out everywhere; `false` when its other sessions may still be open.
pub async fn sign_out_everywhere(services: &Services, who: &Requester, user: &DirUser, methods: &str) -> bool {
    let Err(e) = services.directory.sign_out_everywhere(user).await else { return true };
    tracing::error!(
        user = %user.id.as_str(),
        error = %e,
        "the password was reset, but the account's other sign-in sessions could not be revoked: \
         revoke them by hand (Entra admin center: the user, then Revoke sessions)"
    );
    let record = AuditRecord {
        event: EVENT,
        flow: Some("reset"),
        user: Some(user),
        outcome: "failure",
        reason: Some(NOT_REVOKED),
        method: Some(methods),
    };
    services.audit(who, record).await;
    alert_admins(
        services,
        &format!("Account {}: sessions not revoked after a reset", user.login),
        &format!(
            "The password of {} was reset through self-service, but its other sign-in sessions could not be \
             revoked ({e}).\n\nFrom: {}\nRevoke them by hand: Entra admin center, the user, Revoke sessions. \
             The person was told to sign out of their other devices.\n",
            user.login,
            who.ip.as_deref().unwrap_or("an unknown address")
        ),
    );
    false
}
