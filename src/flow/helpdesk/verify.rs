//! Verifying a caller: a one-time code sent to one of the person's registered methods (mail or
//! text message) that the caller reads back to the member, or the current code of their
//! authenticator app (a passkey-backed confirmation link is `confirm.rs`). The member never
//! sees the code: it goes to the person only, and it is checked like any code (`flow::codes`:
//! a wrong one counts, the last wrong one voids the check). A passed check is stored for
//! `helpdesk.verification_minutes`, for that member and that person only.

use serde::{Deserialize, Serialize};

use super::rows::{checked, same, verification_mac};
use super::{Reach, account, audit, count, reach};
use crate::config::MethodKind;
use crate::directory::DirUser;
use crate::flow::admin::Admin;
use crate::flow::codes::{self, CodeCheck};
use crate::flow::{FlowError, Requester, Services, methods, protection};
use crate::notify::messages;
use crate::store::{HelpdeskVerification, StoredMethod};

/// A check under way, kept in the member's session.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CallerCheck {
    pub attempt_id: String,
    pub member_id: String,
    pub user_id: String,
    pub login: String,
    pub kind: MethodKind,
    pub expires_at: i64,
}

/// What a check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checked {
    /// The caller is verified for `helpdesk.verification_minutes`.
    Verified,
    /// Not this time (wrong, expired, voided…): as any code check says.
    Refused(CodeCheck),
    /// Never on this account (their own, or out of reach), or nothing of this kind to check.
    NotAllowed,
}

/// The person's methods that may prove them now (past the cooling-off, as in a reset): the
/// only ones a caller can be verified with, and the only ones a reset link goes to.
pub(super) async fn usable(services: &Services, user: &DirUser) -> Result<Vec<StoredMethod>, FlowError> {
    let stored = methods::stored(services, user).await?;
    protection::recovery_methods(services, user, stored).await
}

/// Whether any of `usable` can verify a caller: a code method, an authenticator app, or a
/// passkey (through a confirmation link). Security questions cannot: the member would hear
/// the answers.
pub(super) fn can_verify(usable: &[StoredMethod]) -> bool {
    usable.iter().any(|m| MethodKind::parse(&m.kind).is_some_and(|k| k.is_code() || k == MethodKind::Passkey))
}

/// Starts a check of `login`'s caller with `method_id` (one of their registered methods). For a
/// mail or text-message method a code goes to it now; for an authenticator app the caller reads
/// its current code. `None` when the member may not verify this person that way.
pub async fn begin_check(
    services: &Services,
    who: &Requester,
    member: &Admin,
    login: &str,
    method_id: &str,
) -> Result<Option<CallerCheck>, FlowError> {
    count(services, member).await?;
    let user = account(services, login).await?;
    if matches!(reach(services, member, &user), Reach::Own | Reach::OutOfReach) {
        return Ok(None);
    }
    let usable = usable(services, &user).await?;
    let Some(method) = usable.iter().find(|m| m.id == method_id) else { return Ok(None) };
    let Some(kind) = MethodKind::parse(&method.kind).filter(|k| k.is_code()) else { return Ok(None) };
    let attempt = crate::flow::rows::start_attempt(services, "helpdesk_verify", Some(&user.id)).await?;
    let by = super::actor(member);
    match kind {
        MethodKind::Email => {
            let code = codes::issue(services, &attempt.id, kind.as_str()).await?;
            let only = DirUser { emails: vec![], ..user.clone() };
            let to = methods::code_addresses(services, &only, std::slice::from_ref(method));
            services.mail_code(who, to, &code, messages::CodePurpose::Helpdesk);
        }
        MethodKind::Sms => {
            let code = codes::issue(services, &attempt.id, kind.as_str()).await?;
            let only = DirUser { phones: vec![], ..user.clone() };
            for to in crate::flow::sms::numbers(services, &only, std::slice::from_ref(method)) {
                crate::flow::sms::send_code(services, who, to, &code).await?;
            }
        }
        _ => {}
    }
    audit(services, who, "helpdesk_check_started", &user, "started", None, &by).await;
    Ok(Some(CallerCheck {
        attempt_id: attempt.id,
        member_id: member.user_id.clone(),
        user_id: user.id.0.clone(),
        login: user.login.clone(),
        kind,
        expires_at: attempt.expires_at,
    }))
}

/// Checks what the caller read back (or their authenticator code). On success the verification
/// is stored for this member and this person.
pub async fn check_caller(
    services: &Services,
    who: &Requester,
    member: &Admin,
    check: &CallerCheck,
    input: &str,
) -> Result<Checked, FlowError> {
    if check.member_id != member.user_id {
        return Err(FlowError::OutOfStep("another member's check"));
    }
    if check.expires_at <= services.clock.now() {
        return Err(FlowError::Expired);
    }
    count(services, member).await?;
    let user = account(services, &check.login).await?;
    if user.id.as_str() != check.user_id || matches!(reach(services, member, &user), Reach::Own | Reach::OutOfReach) {
        return Ok(Checked::NotAllowed);
    }
    let result = match check.kind {
        MethodKind::Email | MethodKind::Sms => {
            codes::check(services, &check.attempt_id, check.kind.as_str(), input).await?
        }
        MethodKind::Totp => {
            codes::check_totp(services, &check.attempt_id, &usable(services, &user).await?, input).await?
        }
        MethodKind::Questions | MethodKind::Passkey => return Ok(Checked::NotAllowed),
    };
    let by = super::actor(member);
    if result != CodeCheck::Passed {
        audit(services, who, "helpdesk_verify", &user, "failure", result.failure_reason(), &by).await;
        return Ok(Checked::Refused(result));
    }
    let now = services.clock.now();
    if !services.db.complete_attempt(&check.attempt_id, now).await? {
        return Err(FlowError::Expired);
    }
    remember(services, &member.user_id, user.id.as_str(), check.kind).await?;
    audit(services, who, "helpdesk_verify", &user, "success", Some(check.kind.as_str()), &by).await;
    Ok(Checked::Verified)
}

/// Stores that `member_id` verified `user_id`'s caller by `kind` now, for
/// `helpdesk.verification_minutes`.
pub(super) async fn remember(
    services: &Services,
    member_id: &str,
    user_id: &str,
    kind: MethodKind,
) -> Result<(), FlowError> {
    let now = services.clock.now();
    let minutes = i64::try_from(services.config.helpdesk.verification_minutes).unwrap_or(10);
    let mut row = HelpdeskVerification {
        id: uuid::Uuid::new_v4().to_string(),
        member_id: member_id.to_owned(),
        user_id: user_id.to_owned(),
        method: kind.as_str().to_owned(),
        verified_at: now,
        expires_at: now + minutes * 60,
        mac: vec![],
    };
    row.mac = verification_mac(services, &row).to_vec();
    Ok(services.db.insert_helpdesk_verification(&row).await?)
}

/// The method and end of `member`'s live verification of `user`, if any.
pub(super) async fn verified(
    services: &Services,
    member: &Admin,
    user: &DirUser,
) -> Result<Option<(String, i64)>, FlowError> {
    let now = services.clock.now();
    for v in services.db.helpdesk_verifications(&member.user_id, user.id.as_str(), now).await? {
        let ok = same(&verification_mac(services, &v), &v.mac);
        if checked(services, "helpdesk_verifications", Some(&v.id), &v.user_id, ok).await {
            return Ok(Some((v.method, v.expires_at)));
        }
    }
    Ok(None)
}
