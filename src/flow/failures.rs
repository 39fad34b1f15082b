//! The cap on consecutive failed proofs per account (NIST SP 800-63B 5.2.2): every wrong code,
//! answer or authenticator code and every refused passkey adds one to the account's streak,
//! across attempts and days; a passed attempt ends the streak. The failure that reaches
//! `limits.failed_proofs_per_account` closes self-service (reset and unlock) for the account,
//! with the same block a "this wasn't me" link sets, until the helpdesk or an admin lifts it
//! (`rekey account unblock`); the admins are told at once.
//!
//! The streak is kept by the account's stable id, so every alias counts alike; when no
//! account matched, by a keyed hash of the login as typed, so the work done is the same.

use super::{AuditRecord, FlowError, Requester, Services};
use crate::directory::DirUser;
use crate::store::Block;

/// The key the streak is kept under: the account's stable id when the login matched one (in
/// scope or not), else `typed:` and the keyed hash the limits use.
pub fn streak_key(found: Option<&DirUser>, limit_key: &str) -> String {
    match found {
        Some(u) => u.id.as_str().to_owned(),
        None => format!("typed:{limit_key}"),
    }
}

/// Counts one failed proof against `account` in attempt `attempt_id`. `user` is the account
/// the attempt is for (`None` for an unknown, out-of-scope or blocked one: nothing more can
/// be closed).
pub async fn failed(
    services: &Services,
    who: &Requester,
    attempt_id: &str,
    user: Option<&DirUser>,
    account: &str,
) -> Result<(), FlowError> {
    let streak = services.db.add_failed_proof(account, services.clock.now()).await?;
    let cap = i64::from(services.config.limits.failed_proofs_per_account);
    // Exactly one failure reaches the cap, however many race.
    if streak != cap {
        return Ok(());
    }
    // The attempt ends alike for every login, so how it ends says nothing about the account.
    services.db.void_attempt(attempt_id).await?;
    match user {
        Some(user) => close(services, who, user, cap).await,
        None => Ok(()),
    }
}

/// A passed attempt: the account's streak starts again.
pub async fn passed(services: &Services, account: &str) -> Result<(), FlowError> {
    Ok(services.db.clear_failed_proofs(account).await?)
}

async fn close(services: &Services, who: &Requester, user: &DirUser, cap: i64) -> Result<(), FlowError> {
    services
        .db
        .block_self_service(&Block {
            user_id: user.id.as_str().to_owned(),
            login: user.login.clone(),
            reason: format!("{cap} failed proofs in a row"),
            blocked_at: services.clock.now(),
        })
        .await?;
    let record = AuditRecord {
        event: "self_service_closed",
        flow: None,
        user: Some(user),
        outcome: "blocked",
        reason: Some("failed_proofs"),
        method: None,
    };
    services.audit(who, record).await;
    let login = &user.login;
    tracing::warn!(%login, cap, "too many failed proofs in a row; self-service is closed for the account");
    super::protection::alert_admins(
        services,
        &format!("Self-service closed for {login}: {cap} failed proofs in a row"),
        &format!(
            "The account {login} has had {cap} wrong codes, answers or passkey checks in a row on the \
             reset and unlock pages, across attempts and days, without one that passed.\n\n\
             Self-service is now closed for this account and its open attempts were ended: someone may be \
             guessing. Check with the owner, then reopen it with\n\n\
             \trekey account unblock {login}\n\nLast failure from: {}\n",
            who.ip.as_deref().unwrap_or("an unknown address")
        ),
    );
    Ok(())
}
