//! The third way to verify a caller: a confirmation link. The member mails the person a
//! single-use, short-lived link (to the addresses a reset link would go to); the person opens
//! it on their own device and confirms with a registered passkey (past its cooling-off, user
//! verified). Then the member's verification of that person is valid, for
//! `helpdesk.verification_minutes`, for that member and that person only. A refused answer
//! ends the link (the member sends a new one); a new link ends the member's earlier one.
//!
//! Opening the link shows a page and asks nothing of the authenticator until the person
//! presses the button (mail scanners open links on their own).

use webauthn_rs::prelude::{PasskeyAuthentication, RequestChallengeResponse};

use super::rows::{checked, confirmation_mac, same};
use super::{Reach, account, actor, audit, count, reach, verify};
use crate::config::MethodKind;
use crate::directory::{DirUser, Login};
use crate::factors::passkey;
use crate::flow::admin::Admin;
use crate::flow::{FlowError, Requester, Services, methods};
use crate::notify::messages;
use crate::store::HelpdeskConfirmation;

const TOKEN_CONTEXT: &str = "helpdesk confirmation link";

/// What became of the newest link a member sent a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmation {
    /// Sent; the person has not answered yet. Works until then.
    Waiting { until: i64 },
    /// The person confirmed with their passkey then.
    Confirmed { at: i64 },
    /// Ended without a confirmation: refused, replaced, or expired.
    Ended,
}

/// Mails `login`'s person a confirmation link from `member`. False when the member may not
/// verify this person that way (their own account, out of reach, no usable passkey, or no
/// address to send it to).
pub async fn send_confirmation(
    services: &Services,
    who: &Requester,
    member: &Admin,
    login: &str,
) -> Result<bool, FlowError> {
    count(services, member).await?;
    let user = account(services, login).await?;
    if matches!(reach(services, member, &user), Reach::Own | Reach::OutOfReach) {
        return Ok(false);
    }
    let usable = verify::usable(services, &user).await?;
    if methods::passkeys(services, &usable).is_empty() {
        return Ok(false);
    }
    let to = methods::code_addresses(services, &user, &usable);
    if to.is_empty() {
        return Ok(false);
    }
    let now = services.clock.now();
    services.db.end_helpdesk_confirmations(&member.user_id, user.id.as_str(), now).await?;
    let token = crate::crypto::url_token();
    let minutes = services.config.helpdesk.verification_minutes;
    let mut row = HelpdeskConfirmation {
        token_hash: services.keys.code_hash(TOKEN_CONTEXT, &token),
        member_id: member.user_id.clone(),
        member_login: member.login.clone(),
        user_id: user.id.0.clone(),
        login: user.login.clone(),
        created_at: now,
        expires_at: now + i64::try_from(minutes).unwrap_or(10) * 60,
        confirmed_at: None,
        ended_at: None,
        mac: vec![],
    };
    row.mac = confirmation_mac(services, &row).to_vec();
    services.db.insert_helpdesk_confirmation(&row).await?;
    let url = format!("{}/confirm/{}", services.config.server.public_url.trim_end_matches('/'), token.as_str());
    let org = &services.config.server.organisation;
    let contact = services.contact(who);
    for address in to {
        services.send_in_background(messages::confirm_link(who.lang, org, &address, &url, minutes, contact.as_ref()));
    }
    audit(services, who, "helpdesk_confirm_sent", &user, "started", None, &actor(member)).await;
    Ok(true)
}

/// The newest link `member` sent `user`, if any.
pub async fn confirmation(
    services: &Services,
    member: &Admin,
    user: &DirUser,
) -> Result<Option<Confirmation>, FlowError> {
    let Some(row) = services.db.latest_helpdesk_confirmation(&member.user_id, user.id.as_str()).await? else {
        return Ok(None);
    };
    if !valid(services, &row).await {
        return Ok(None);
    }
    Ok(Some(match (row.confirmed_at, row.ended_at) {
        (Some(at), _) => Confirmation::Confirmed { at },
        (None, None) if row.expires_at > services.clock.now() => Confirmation::Waiting { until: row.expires_at },
        _ => Confirmation::Ended,
    }))
}

async fn valid(services: &Services, row: &HelpdeskConfirmation) -> bool {
    let ok = same(&confirmation_mac(services, row), &row.mac);
    checked(services, "helpdesk_confirmations", None, &row.user_id, ok).await
}

/// A live link and its account, with the passkeys that may answer it.
async fn live(
    services: &Services,
    token: &str,
) -> Result<Option<(HelpdeskConfirmation, DirUser, Vec<webauthn_rs::prelude::Passkey>)>, FlowError> {
    let hash = services.keys.code_hash(TOKEN_CONTEXT, token);
    let Some(row) = services.db.helpdesk_confirmation(&hash, services.clock.now()).await? else { return Ok(None) };
    if !valid(services, &row).await {
        return Ok(None);
    }
    let Some(login) = Login::parse(&row.login) else { return Ok(None) };
    let found = services.directory.find_user(&login).await.map_err(FlowError::from_directory)?;
    let Some(user) = found.filter(|u| u.id.as_str() == row.user_id) else { return Ok(None) };
    let usable = verify::usable(services, &user).await?;
    let keys: Vec<_> = methods::passkeys(services, &usable).into_iter().map(|(_, key)| key).collect();
    if keys.is_empty() {
        return Ok(None);
    }
    Ok(Some((row, user, keys)))
}

/// Whether a link can still be confirmed (for the page that offers to; confirming is a POST).
pub async fn confirmable(services: &Services, token: &str) -> Result<bool, FlowError> {
    Ok(live(services, token).await?.is_some())
}

/// The options for the browser to ask the person's authenticator, and the state that checks
/// its answer (kept in the person's session). `None` when the link is not live.
pub async fn confirm_options(
    services: &Services,
    token: &str,
) -> Result<Option<(RequestChallengeResponse, PasskeyAuthentication)>, FlowError> {
    let Some((_, user, keys)) = live(services, token).await? else { return Ok(None) };
    let rp = passkey::relying_party(&services.config).map_err(FlowError::Internal)?;
    let started =
        passkey::start_authentication(&rp, &services.keys, &keys, &user.login).map_err(FlowError::Internal)?;
    Ok(Some(started))
}

/// Checks the person's answer. A valid, user-verified answer confirms the link once and
/// verifies the caller for the member who sent it; anything else ends the link. False when it
/// did not confirm (or the link was not live).
pub async fn confirm(
    services: &Services,
    who: &Requester,
    token: &str,
    state: Option<PasskeyAuthentication>,
    answer: &str,
) -> Result<bool, FlowError> {
    let Some((row, user, _)) = live(services, token).await? else { return Ok(false) };
    let rp = passkey::relying_party(&services.config).map_err(FlowError::Internal)?;
    let checked = match (state, passkey::parse(answer)) {
        (Some(state), Some(answer)) => rp.finish_passkey_authentication(&answer, &state).map_err(|e| e.to_string()),
        _ => Err("no passkey check asked for, or not an answer".to_owned()),
    };
    let by = format!("helpdesk:{}", row.member_login);
    let now = services.clock.now();
    let done = match checked {
        Ok(done) if done.user_verified() => done,
        refused => {
            if let Err(err) = refused {
                tracing::info!(%err, "a passkey answer to a helpdesk confirmation was refused");
            }
            services.db.settle_helpdesk_confirmation(&row.token_hash, now, false).await?;
            audit(services, who, "helpdesk_verify", &user, "failure", Some("passkey_refused"), &by).await;
            return Ok(false);
        }
    };
    if !services.db.settle_helpdesk_confirmation(&row.token_hash, now, true).await? {
        return Ok(false);
    }
    methods::record_passkey_use(services, &user, &done).await?;
    verify::remember(services, &row.member_id, &row.user_id, MethodKind::Passkey).await?;
    audit(services, who, "helpdesk_verify", &user, "success", Some(MethodKind::Passkey.as_str()), &by).await;
    Ok(true)
}
