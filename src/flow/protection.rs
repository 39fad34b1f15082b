//! What helps people catch an attack: the one-time "this wasn't me" link in every account
//! notice, which blocks self-service for the account, voids its open attempts and alerts the
//! admins; alerts when a privileged account resets or unlocks; and the cooling-off period
//! before a newly registered method may be used to recover an account.

use super::{AuditRecord, FlowError, Requester, Services};
use crate::directory::DirUser;
use crate::notify::Mail;
use crate::policy;
use crate::store::{Block, StoredMethod};

const TOKEN_CONTEXT: &str = "disown";
/// How long a "this wasn't me" link works.
pub const LINK_TTL_SECS: i64 = 7 * 86_400;

/// Makes a one-time link for an account event; only its keyed hash is stored.
pub async fn disown_link(services: &Services, user: &DirUser, event: &str) -> Result<String, FlowError> {
    let token = crate::crypto::url_token();
    let now = services.clock.now();
    let hash = services.keys.code_hash(TOKEN_CONTEXT, &token);
    services.db.insert_disown_token(&hash, user.id.as_str(), &user.login, event, now, now + LINK_TTL_SECS).await?;
    Ok(format!("{}/wasnt-me/{}", services.config.server.public_url.trim_end_matches('/'), token.as_str()))
}

/// Whether a link can still be used (for the confirmation page; using it is a POST).
pub async fn link_live(services: &Services, token: &str) -> Result<bool, FlowError> {
    let hash = services.keys.code_hash(TOKEN_CONTEXT, token);
    Ok(services.db.disown_token_live(&hash, services.clock.now()).await?)
}

/// Follows a link: blocks self-service for the account, voids its open attempts, and tells
/// the admins. False if the link was used already, expired or never existed.
pub async fn disown(services: &Services, who: &Requester, token: &str) -> Result<bool, FlowError> {
    let now = services.clock.now();
    let hash = services.keys.code_hash(TOKEN_CONTEXT, token);
    let Some((user_id, login, event)) = services.db.use_disown_token(&hash, now).await? else {
        return Ok(false);
    };
    services
        .db
        .block_self_service(&Block {
            user_id: user_id.clone(),
            login: login.clone(),
            reason: format!("owner said \"this wasn't me\" about: {event}"),
            blocked_at: now,
        })
        .await?;
    let user = DirUser {
        id: crate::directory::UserId(user_id),
        dn: String::new(),
        login: login.clone(),
        display_name: String::new(),
        emails: vec![],
        phones: vec![],
        groups: vec![],
        state: Default::default(),
    };
    services
        .audit(
            who,
            AuditRecord {
                event: "disowned",
                flow: None,
                user: Some(&user),
                outcome: "blocked",
                reason: Some(event.as_str()),
                method: None,
            },
        )
        .await;
    tracing::warn!(%login, %event, "the account's owner said \"this wasn't me\"; self-service is blocked for it");
    alert_admins(
        services,
        &format!("Self-service blocked for {login}: the owner did not recognise an event"),
        &format!(
            "The owner of the account {login} followed the \"this wasn't me\" link in the notice about: {event}.\n\n\
             Self-service is now blocked for this account and its open attempts were ended. Someone else may \
             have had access to the account or its recovery methods: check it, then lift the block with\n\n\
             \trekey account unblock {login}\n\nFrom: {}\n",
            who.ip.as_deref().unwrap_or("an unknown address")
        ),
    );
    Ok(true)
}

/// Completes a reset or unlock attempt before the directory is changed, checking in the same
/// statement that it is not void and that its owner has not blocked self-service since its
/// methods passed. Returns when it was completed (to open it again if the directory refuses).
pub async fn claim(services: &Services, attempt_id: &str) -> Result<i64, FlowError> {
    let now = services.clock.now();
    if services.db.complete_attempt(attempt_id, now).await? { Ok(now) } else { Err(FlowError::Expired) }
}

/// Whether the account's owner blocked self-service for it.
pub async fn blocked(services: &Services, user: &DirUser) -> Result<bool, FlowError> {
    Ok(services.db.is_blocked(user.id.as_str()).await?)
}

/// Tells the admins about a reset or unlock of an account in a privileged group.
pub fn alert_if_privileged(services: &Services, who: &Requester, user: &DirUser, what: &str) {
    let groups = &services.config.alerts.privileged_groups;
    let Some(group) = groups.iter().find(|g| policy::member_of(&services.config, user, g)) else { return };
    alert_admins(
        services,
        &format!("Privileged account {}: {what} through self-service", user.login),
        &format!(
            "The account {} (a member of {group}) used self-service: {what}.\n\nFrom: {}\n\
             If this is unexpected, check the account now.\n",
            user.login,
            who.ip.as_deref().unwrap_or("an unknown address")
        ),
    );
}

/// Mails the configured admins in the background.
pub fn alert_admins(services: &Services, subject: &str, text: &str) {
    let to = services.config.alerts.admin_emails.clone();
    if to.is_empty() {
        return;
    }
    let org = &services.config.server.organisation;
    let html = format!("<pre>{}</pre>", crate::notify::messages::escape(text));
    services.send_in_background(Mail { to, subject: format!("[{org}] {subject}"), text: text.to_owned(), html });
}

/// The audit event of a helpdesk member clearing a person's methods (`flow::helpdesk`).
pub const METHODS_CLEARED: &str = "helpdesk_clear_methods";

/// The stored methods that may be used to recover the account now: a method registered within
/// the cooling-off period does not count while one registered on an earlier visit (or the
/// directory's own address, when it counts) exists, or after the helpdesk cleared the person's
/// methods (a caller who talked the helpdesk into it cannot register their own way in and use
/// it at once).
pub async fn recovery_methods(
    services: &Services,
    user: &DirUser,
    methods: Vec<StoredMethod>,
) -> Result<Vec<StoredMethod>, FlowError> {
    let hours = services.config.policy.new_method_cooling_off_hours;
    if hours == 0 {
        return Ok(methods);
    }
    let cutoff = services.clock.now() - i64::try_from(hours).unwrap_or(24) * 3600;
    // Only a method within the cooling-off needs the trail read.
    // The clear is noted beside the methods in the clear's own transaction; the trail is read
    // too, for clears from before that note existed.
    let cleared = if methods.iter().any(|m| m.created_at > cutoff) {
        services.db.methods_last_cleared(user.id.as_str(), METHODS_CLEARED).await?
    } else {
        None
    };
    // Methods added in one registration visit (which lasts at most a flow's lifetime) count as
    // registered together: the first of them is not "another method the person already had".
    let same_visit = i64::try_from(services.config.server.flow_timeout_secs).unwrap_or(900);
    let directory_mail = super::methods::directory_mail_counts(services, user);
    let oldest = methods.iter().map(|m| m.created_at).min();
    Ok(methods
        .iter()
        .filter(|m| {
            let new = m.created_at > cutoff;
            let had_another = directory_mail
                || oldest.is_some_and(|o| o < m.created_at - same_visit)
                || cleared.is_some_and(|c| c <= m.created_at);
            !(new && had_another)
        })
        .cloned()
        .collect())
}
