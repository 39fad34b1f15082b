//! The reset link the helpdesk sends: single use, short-lived (`helpdesk.reset_link_minutes`),
//! to the person's registered addresses (or the directory's, where it counts and nothing is
//! registered). Opening it starts a reset that is already proven, at the new-password step:
//! the member never sees or chooses the password. A new link or cleared methods end the old.

use super::rows::{checked, link_mac, same};
use crate::directory::{DirUser, Login};
use crate::flow::recovery::Recovery;
use crate::flow::{FlowError, Requester, Services, methods};
use crate::notify::messages;
use crate::store::{HelpdeskLink, StoredMethod};

const TOKEN_CONTEXT: &str = "helpdesk reset link";

/// Makes a link for `user` and mails it; an earlier live link is ended.
pub(super) async fn send(
    services: &Services,
    who: &Requester,
    user: &DirUser,
    stored: &[StoredMethod],
) -> Result<(), FlowError> {
    let to = methods::code_addresses(services, user, stored);
    if to.is_empty() {
        return Err(FlowError::OutOfStep("no address to send a reset link to"));
    }
    let now = services.clock.now();
    services.db.end_helpdesk_links(user.id.as_str(), now).await?;
    let token = crate::crypto::url_token();
    let minutes = services.config.helpdesk.reset_link_minutes;
    let mut row = HelpdeskLink {
        token_hash: services.keys.code_hash(TOKEN_CONTEXT, &token),
        user_id: user.id.0.clone(),
        login: user.login.clone(),
        created_at: now,
        expires_at: now + i64::try_from(minutes).unwrap_or(30) * 60,
        used_at: None,
        mac: vec![],
    };
    row.mac = link_mac(services, &row).to_vec();
    services.db.insert_helpdesk_link(&row).await?;
    let url = format!("{}/reset/link/{}", services.config.server.public_url.trim_end_matches('/'), token.as_str());
    let org = &services.config.server.organisation;
    let contact = services.contact(who);
    for address in to {
        services.send_in_background(messages::reset_link(who.lang, org, &address, &url, minutes, contact.as_ref()));
    }
    Ok(())
}

async fn live(services: &Services, token: &str) -> Result<Option<HelpdeskLink>, FlowError> {
    let hash = services.keys.code_hash(TOKEN_CONTEXT, token);
    let Some(row) = services.db.helpdesk_link(&hash, services.clock.now()).await? else { return Ok(None) };
    let ok = same(&link_mac(services, &row), &row.mac);
    Ok(checked(services, "helpdesk_links", None, &row.user_id, ok).await.then_some(row))
}

/// Whether a link can still be used (for the page that offers to use it; using it is a POST).
pub async fn usable(services: &Services, token: &str) -> Result<bool, FlowError> {
    Ok(live(services, token).await?.is_some())
}

/// Uses a link once: a reset of its account, proven, at the new-password step. `None` when it
/// was used, expired, never existed, or its account is gone.
pub async fn open(services: &Services, who: &Requester, token: &str) -> Result<Option<Recovery>, FlowError> {
    let Some(row) = live(services, token).await? else { return Ok(None) };
    if !services.db.use_helpdesk_link(&row.token_hash, services.clock.now()).await? {
        return Ok(None);
    }
    let Some(login) = Login::parse(&row.login) else { return Ok(None) };
    let found = services.directory.find_user(&login).await.map_err(FlowError::from_directory)?;
    let Some(user) = found.filter(|u| u.id.as_str() == row.user_id) else { return Ok(None) };
    let recovery = crate::flow::recovery::vouched(services, user.clone()).await?;
    super::audit(services, who, "helpdesk_link_used", &user, "success", None, "reset_link").await;
    Ok(Some(recovery))
}
