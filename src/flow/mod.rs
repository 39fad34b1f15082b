//! What an attempt is and how it advances: sign-in, change, registration, reset and unlock.
//!
//! No HTTP types here. Handlers call one function per step and render what comes back. Every
//! decision a person could probe for information (does this account exist, is it in scope, is
//! it registered) is made so that the answer looks the same either way.

pub mod account;
pub mod admin;
pub mod binding;
mod change_once;
pub mod checkpoint;
pub mod codes;
pub mod delegated;
pub mod dir_rules;
pub mod enrol;
pub mod failures;
pub mod limits;
pub mod methods;
pub mod outcome;
pub mod pow;
pub mod protection;
pub mod quality;
pub mod recovery;
pub mod rows;
pub mod sessions;
pub mod sms;

use std::sync::Arc;

use crate::clock::Clock;
use crate::config::Config;
use crate::crypto::Keys;
use crate::directory::{DirError, DirUser, Directory};
use crate::notify::messages::{self, AccountEvent, NoticeTo};
use crate::notify::{Mail, Mailer};
use crate::store::{AuditEvent, Db, StoreError};

/// Everything a flow needs from the outside world.
pub struct Services {
    pub config: Arc<Config>,
    pub directory: Arc<dyn Directory>,
    pub db: Db,
    pub keys: Keys,
    pub mailer: Arc<Mailer>,
    /// The SMS gateway, when `sms.gateway` names one.
    pub sms: Option<Arc<crate::notify::sms::SmsSender>>,
    pub clock: Clock,
    /// Wakes agent long polls and waiting requests in this process (`directory.kind = "agent"`).
    pub agent_hub: Arc<crate::directory::agent::AgentHub>,
    pub metrics: Arc<crate::metrics::Metrics>,
    /// The last failure of the directory, database and mail, for the admin's status page.
    pub last_errors: Arc<crate::metrics::LastErrors>,
    /// The directory's accounts for the admin's registration report, kept a short while.
    pub listing: admin::Listing,
}

/// Who is asking, for the audit trail and notifications.
#[derive(Debug, Clone, Default)]
pub struct Requester {
    /// The language of the page that made the request: mails it causes are written in it.
    pub lang: crate::i18n::Lang,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
}

/// Failures that end the step with an error page rather than advice next to a field.
#[derive(Debug, thiserror::Error)]
pub enum FlowError {
    /// The directory is down or refused the service account: nothing was changed.
    #[error("directory unavailable: {0}")]
    Unavailable(String),
    /// A change was sent to the directory but its answer never came: it may have been applied.
    #[error("unconfirmed: {0}")]
    Unconfirmed(String),
    /// The directory refused the change for this account and will again (a protected account,
    /// no right to change its password): nothing was changed; only the helpdesk can help.
    #[error("refused for this account: {0}")]
    Refused(String),
    /// Too many attempts from this address or for this username; try again after the delay.
    #[error("rate limited for {retry_after} s")]
    RateLimited { retry_after: i64 },
    /// Too many reset attempts for this username today: self-service is paused for it.
    #[error("self-service paused for {retry_after} s")]
    SelfServicePaused { retry_after: i64 },
    /// The flow's time ran out or its state is gone; the person starts again.
    #[error("the attempt has expired or ended")]
    Expired,
    /// The request does not fit the flow's current step (stale tab, forged post).
    #[error("out of step: {0}")]
    OutOfStep(&'static str),
    /// The directory cannot unlock on its own (Entra ID): the person should reset instead.
    #[error("this directory unlocks only by a reset")]
    UnlockByReset,
    #[error("store: {0}")]
    Store(#[from] StoreError),
    #[error("internal: {0}")]
    Internal(String),
}

impl FlowError {
    /// For errors from operations where the account's own answers were already handled.
    pub fn from_directory(e: DirError) -> FlowError {
        match e {
            DirError::Unavailable(detail) => FlowError::Unavailable(detail),
            DirError::Denied(detail) => FlowError::Unavailable(format!("service account denied: {detail}")),
            DirError::Unconfirmed(detail) => FlowError::Unconfirmed(detail),
            DirError::UnlockByReset => FlowError::UnlockByReset,
            DirError::Refused(detail) => FlowError::Refused(detail),
            other => FlowError::Internal(format!("unexpected directory answer: {other}")),
        }
    }
}

/// The audit reason of a permanent refusal, from the detail the backend wrote.
pub fn refusal_code(detail: &str) -> &'static str {
    if detail.contains(crate::directory::INSUFFICIENT_ACCESS) {
        "refused_insufficient_access"
    } else if detail.contains("protected") {
        "refused_protected_account"
    } else {
        "refused_by_directory"
    }
}

impl Services {
    /// Appends an audit record; a failure to write it is logged, not shown to the person.
    pub async fn audit(&self, who: &Requester, event: AuditRecord<'_>) {
        let e = AuditEvent {
            at: self.clock.now(),
            event: event.event.into(),
            flow: event.flow.map(Into::into),
            user_id: event.user.map(|u| u.id.0.clone()),
            login: event.user.map(|u| u.login.clone()),
            outcome: event.outcome.into(),
            reason: event.reason.map(Into::into),
            method: event.method.map(Into::into),
            source_ip: who.ip.clone(),
            user_agent: who.user_agent.as_ref().map(|ua| ua.chars().take(256).collect()),
            request_id: who.request_id.clone(),
        };
        self.metrics.flow_event(
            event.flow.unwrap_or(""),
            event.event,
            event.outcome,
            event.method.unwrap_or(""),
            event.reason.unwrap_or(""),
        );
        let mac = |prev: &[u8], record: &[u8]| self.keys.audit_mac(prev, record);
        if let Err(err) = self.db.append_audit(&e, &mac).await {
            self.last_errors.record("database", self.clock.now(), format!("audit: {err}"));
            tracing::error!(%err, event = event.event, "could not write audit record");
        }
    }

    /// Records a step that ended in an error page: refused by a rate limit, or the directory
    /// could not be reached. Other errors (an expired or forged step) are not outcomes.
    pub async fn audit_error<T>(&self, who: &Requester, event: AuditRecord<'_>, result: &Result<T, FlowError>) {
        let Err(err) = result else { return };
        let reason = match err {
            FlowError::RateLimited { .. } => "rate_limited",
            FlowError::SelfServicePaused { .. } => "self_service_paused",
            FlowError::Unavailable(_) => "directory_unavailable",
            FlowError::Unconfirmed(_) => "directory_unconfirmed",
            FlowError::Refused(detail) => refusal_code(detail),
            _ => return,
        };
        self.audit(who, AuditRecord { outcome: "failure", reason: Some(reason), ..event }).await;
    }

    /// Sends a mail without making the person wait for SMTP, so the time a page takes never
    /// depends on whether a mail was sent. Failures go to the admin log.
    pub fn send_in_background(&self, mail: Mail) {
        if mail.to.is_empty() {
            return;
        }
        let mailer = self.mailer.clone();
        let last_errors = self.last_errors.clone();
        let clock = self.clock.clone();
        // The request's span goes along, so the log line names the request that caused it.
        let span = tracing::Span::current();
        tokio::spawn(tracing::Instrument::instrument(
            async move {
                if let Err(err) = mailer.send(&mail).await {
                    last_errors.record("mail", clock.now(), err.to_string());
                    tracing::warn!(%err, recipients = mail.to.len(), "mail delivery failed");
                }
            },
            span,
        ));
    }

    /// Tells each address about an event on the account, in the background. Every notice
    /// carries the same one-time "this wasn't me" link.
    pub async fn notify_account(&self, who: &Requester, user: &DirUser, to: Vec<String>, event: AccountEvent<'_>) {
        if to.is_empty() {
            return;
        }
        let link = match protection::disown_link(self, user, event.name()).await {
            Ok(link) => Some(link),
            Err(err) => {
                tracing::error!(%err, "could not make a \"this wasn't me\" link; the notice goes without one");
                None
            }
        };
        let server = &self.config.server;
        let now = self.clock.now();
        for address in to {
            let notice = NoticeTo {
                lang: who.lang,
                org: &server.organisation,
                url: &server.public_url,
                to: &address,
                display_name: &user.display_name,
                when_utc: now,
                source_ip: who.ip.as_deref(),
                disown_url: link.as_deref(),
            };
            self.send_in_background(messages::account_notice(&notice, event));
        }
    }

    /// Seconds until a new flow expires.
    pub fn flow_deadline(&self) -> i64 {
        self.clock.now() + i64::try_from(self.config.server.flow_timeout_secs).unwrap_or(900)
    }
}

/// One audit record, as flows describe it.
#[derive(Debug, Clone, Copy, Default)]
pub struct AuditRecord<'a> {
    pub event: &'a str,
    pub flow: Option<&'a str>,
    pub user: Option<&'a DirUser>,
    pub outcome: &'a str,
    pub reason: Option<&'a str>,
    pub method: Option<&'a str>,
}
