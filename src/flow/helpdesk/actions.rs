//! What a member may do to an account, and when it takes a second member (four eyes).
//!
//! - The person has a method to verify with: the caller must be verified by this member first,
//!   or the action is refused.
//! - The person has nothing to verify with (nothing registered, or only methods still in their
//!   cooling-off): the action becomes a request, with the reason the
//!   member typed, that another member approves (`requests.rs`).
//! - A privileged account (`alerts.privileged_groups`, admins): verified and approved, always.
//! - Never on the member's own account or on `helpdesk.out_of_reach_groups`.
//!
//! Every action is audited with the member and the reason, the person is mailed, and the
//! admins are alerted for a privileged account.

use super::rows::request_mac;
use super::{Action, Reach, account, actor, audit, clean_reason, count, reach, verify};
use crate::directory::DirUser;
use crate::flow::admin::Admin;
use crate::flow::{FlowError, Requester, Services, limits, methods, protection};
use crate::notify::messages::AccountEvent;
use crate::store::HelpdeskRequest;

/// What became of an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acted {
    Done,
    /// Waiting for a second member's approval.
    Requested,
    /// Refused before anything was done; the key says why (a catalogue key).
    Refused(&'static str),
}

/// Does (or asks for) `action` on `login`'s account, as `member`, for the typed `reason`.
pub async fn act(
    services: &Services,
    who: &Requester,
    member: &Admin,
    login: &str,
    action: Action,
    reason: &str,
) -> Result<Acted, FlowError> {
    count(services, member).await?;
    let user = account(services, login).await?;
    let reason = clean_reason(reason);
    let by = actor(member);
    let event = format!("helpdesk_{}", action.as_str());
    let reach = reach(services, member, &user);
    let refusal = match reach {
        Reach::Own => Some(("helpdesk-refused-own", "own_account")),
        Reach::OutOfReach => Some(("helpdesk-refused-out-of-reach", "out_of_reach")),
        Reach::FourEyes | Reach::Direct => None,
    };
    if let Some((key, code)) = refusal {
        audit(services, who, &event, &user, "failure", Some(code), &by).await;
        return Ok(Acted::Refused(key));
    }
    let four_eyes = reach == Reach::FourEyes;
    let verified = verify::verified(services, member, &user).await?.is_some();
    // Whether the caller could be verified: a person whose only methods are still cooling off
    // (or are security questions) cannot be, and goes the four-eyes way like a person with
    // nothing registered.
    let verifiable = verify::can_verify(&verify::usable(services, &user).await?);
    if !verified && verifiable {
        audit(services, who, &event, &user, "failure", Some("not_verified"), &by).await;
        return Ok(Acted::Refused("helpdesk-refused-not-verified"));
    }
    if !verified || four_eyes {
        if reason.is_empty() {
            return Ok(Acted::Refused("helpdesk-reason-needed"));
        }
        request(services, member, &user, action, &reason, verified).await?;
        let why = format!("{} (asked: {reason})", if verified { "four_eyes" } else { "unverified" });
        audit(services, who, "helpdesk_requested", &user, "started", Some(&why), &format!("{by} {event}")).await;
        return Ok(Acted::Requested);
    }
    perform(services, who, &user, action, &by, &reason).await?;
    Ok(Acted::Done)
}

/// What became of an action asked for through the API (`act_by_token`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenActed {
    Done,
    /// No account by that login.
    Unknown,
    /// The account is in `helpdesk.out_of_reach_groups`: nothing is done, ever.
    OutOfReach,
    /// The console would need a second member's approval (a privileged account, or a person
    /// with nothing to verify a caller with): nothing is done; a member must ask in the console.
    FourEyes,
}

/// Does `action` on `login`'s account for an API token, named `by` (`api:<name>`) in the audit
/// trail and counted as a member under `counter`. The console's rules, with no second member
/// to ask: out of reach is refused, and whatever the console would only do with a second
/// member's approval is refused too ([`TokenActed::FourEyes`]). What the API may do at all is
/// the caller's choice (`flow::api::actions`: unlock and the reset link, neither of which gives
/// the caller anything); the member's check of a caller is the ticketing tool's part.
pub async fn act_by_token(
    services: &Services,
    who: &Requester,
    by: &str,
    counter: &str,
    login: &str,
    action: Action,
    reason: &str,
) -> Result<TokenActed, FlowError> {
    limits::hit(services, limits::Scope::HelpdeskByMember, Some(counter)).await?;
    let Some(user) = account(services, login).await.map(Some).or_else(|e| match e {
        FlowError::Expired => Ok(None),
        e => Err(e),
    })?
    else {
        return Ok(TokenActed::Unknown);
    };
    let event = format!("helpdesk_{}", action.as_str());
    let reason = clean_reason(reason);
    let why = |code: &str| if reason.is_empty() { code.to_owned() } else { format!("{code} (asked: {reason})") };
    if super::out_of_reach(services, &user) {
        audit(services, who, &event, &user, "failure", Some(why("out_of_reach").as_str()), by).await;
        return Ok(TokenActed::OutOfReach);
    }
    let verifiable = verify::can_verify(&verify::usable(services, &user).await?);
    if super::privileged(services, &user) || !verifiable {
        let code = if verifiable { "four_eyes" } else { "four_eyes_unverifiable" };
        audit(services, who, &event, &user, "failure", Some(why(code).as_str()), by).await;
        return Ok(TokenActed::FourEyes);
    }
    perform(services, who, &user, action, by, &reason).await?;
    Ok(TokenActed::Done)
}

async fn request(
    services: &Services,
    member: &Admin,
    user: &DirUser,
    action: Action,
    reason: &str,
    verified: bool,
) -> Result<(), FlowError> {
    let now = services.clock.now();
    let hours = i64::try_from(services.config.helpdesk.request_hours).unwrap_or(24);
    let mut row = HelpdeskRequest {
        id: uuid::Uuid::new_v4().to_string(),
        action: action.as_str().to_owned(),
        user_id: user.id.0.clone(),
        login: user.login.clone(),
        requester_id: member.user_id.clone(),
        requester_login: member.login.clone(),
        reason: reason.to_owned(),
        verified: i64::from(verified),
        created_at: now,
        expires_at: now + hours * 3600,
        decided_at: None,
        approver_id: None,
        approved: None,
        mac: vec![],
    };
    row.mac = request_mac(services, &row).to_vec();
    Ok(services.db.insert_helpdesk_request(&row).await?)
}

/// Does `action` on `user` now: the checks are done. `by` names the member(s) for the audit
/// record, `reason` is what they typed (may be empty after a verification).
pub(super) async fn perform(
    services: &Services,
    who: &Requester,
    user: &DirUser,
    action: Action,
    by: &str,
    reason: &str,
) -> Result<(), FlowError> {
    let event = format!("helpdesk_{}", action.as_str());
    let reason = Some(reason).filter(|r| !r.is_empty());
    // Whom to tell: every registered address, read before the action (clearing the methods
    // removes them). A reset link goes only where a verification could: the methods past their
    // cooling-off, as `act` judged (a method registered just now may be a stranger's).
    let stored = methods::stored(services, user).await?;
    let notify_to = methods::notification_addresses(services, user, &stored);
    let done = match action {
        Action::Unlock => services.directory.unlock(user).await.map_err(FlowError::from_directory),
        Action::ResetLink => {
            let usable = protection::recovery_methods(services, user, stored).await?;
            super::link::send(services, who, user, &usable).await
        }
        Action::LiftBlock => lift_blocks(services, user).await,
        Action::ClearMethods => clear_methods(services, user).await,
    };
    if let Err(e) = done {
        audit(services, who, &event, user, "failure", reason, by).await;
        return Err(e);
    }
    audit(services, who, &event, user, "success", reason, by).await;
    services.notify_account(who, user, notify_to, AccountEvent::ByHelpdesk(action.as_str())).await;
    if super::privileged(services, user) {
        protection::alert_admins(
            services,
            &format!("Privileged account {}: helpdesk {}", user.login, action.as_str()),
            &format!(
                "The helpdesk did \"{}\" on the privileged account {}.\n\nBy: {by}\nReason: {}\nFrom: {}\n",
                action.as_str(),
                user.login,
                reason.unwrap_or("-"),
                who.ip.as_deref().unwrap_or("an unknown address")
            ),
        );
    }
    Ok(())
}

/// Reopens self-service: lifts "this wasn't me" and the cap on failed proofs, and the daily
/// pause of reset from every address.
async fn lift_blocks(services: &Services, user: &DirUser) -> Result<(), FlowError> {
    services.db.unblock(user.id.as_str()).await?;
    limits::lift_daily_pause(services, user).await?;
    Ok(())
}

/// Removes every registered method (and any live reset link): the person registers again.
async fn clear_methods(services: &Services, user: &DirUser) -> Result<(), FlowError> {
    services.db.clear_methods_of(user.id.as_str(), services.clock.now()).await?;
    services.db.end_helpdesk_links(user.id.as_str(), services.clock.now()).await?;
    Ok(())
}
