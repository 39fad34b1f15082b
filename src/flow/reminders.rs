//! The scheduler inside `rekey serve`: every `reminders.interval_minutes` one replica (the one
//! holding the lease in the database) runs a pass that mails expiry reminders
//! (`[reminders]`) and registration nudges (`[campaign]`, planned in `campaign.rs`).
//!
//! A pass first plans (`plan`: what would go now, which `rekey remind --dry-run` prints and
//! which writes nothing), then sends what it planned. Each mail is claimed in the database
//! before it is sent (`store/reminders.rs`: a row whose primary key is the account, the
//! password's change time and the threshold, or the account and the nudge's number), so two
//! replicas, a restart or a pass that overlaps the next send it once; a mail that could not be
//! sent gives its claim back for the next pass. Every mail sent is audited (and so counted in
//! the metrics by event).
//!
//! Directory load is bounded: one listing per pass, in pages, at most
//! `reminders.max_accounts_per_sec` accounts a second and `reminders.max_accounts` in all.

use std::sync::Arc;
use std::time::Duration;

use super::planned::addressed;
pub use super::planned::{MailKind, Planned};
use super::{AuditRecord, FlowError, Requester, Services, campaign};
use crate::clock::UnixTime;
use crate::directory::expiry::{Expiring, Expiry, Throttle};
use crate::notify::reminders::{Recipient, expiry_reminder, registration_nudge};
use crate::policy;

/// The lease's name in `scheduler_leases`.
const LEASE: &str = "reminders";
/// How long a replica's lease lasts without being given back (a pass that crashed).
const LEASE_SECS: i64 = 3600;
const DAY: i64 = 86_400;

/// What a pass did.
#[derive(Debug, Default, Clone)]
pub struct PassReport {
    /// Another replica holds the lease: nothing was done.
    pub skipped: bool,
    /// Mails sent (each with its plan).
    pub sent: Vec<Planned>,
    /// Mails that could not be sent (to be tried by the next pass).
    pub failed: usize,
}

/// Whether anything is scheduled at all.
pub fn enabled(services: &Services) -> bool {
    services.config.reminders.enabled || services.config.campaign.enabled
}

/// What a pass would do now.
#[derive(Debug, Default)]
pub struct Plan {
    pub mails: Vec<Planned>,
    /// Today's registration coverage, with the campaign on.
    pub coverage: Option<crate::store::CoverageDay>,
}

/// What a pass would send now. Reads the directory and the database; writes nothing.
pub async fn plan(services: &Services) -> Result<Plan, FlowError> {
    let now = services.clock.now();
    let config = &services.config;
    let limit = config.reminders.max_accounts;
    let throttle = Throttle::new(config.reminders.max_accounts_per_sec);
    // One listing serves both: the expiry listing when reminders are on (it also holds each
    // person's language), the plain one otherwise.
    let listed: Vec<Expiring> = if config.reminders.enabled {
        services.directory.list_password_expiry(limit, &throttle).await.map_err(FlowError::from_directory)?
    } else {
        let users = services.directory.list_users(limit).await.map_err(FlowError::from_directory)?;
        users
            .into_iter()
            .map(|user| Expiring { user, changed_at: None, expires: Expiry::Unknown, language: None })
            .collect()
    };
    let mut plan = Plan::default();
    if config.reminders.enabled {
        for account in &listed {
            plan.mails.extend(expiry_due(services, account, now).await?);
        }
    }
    if config.campaign.enabled {
        let (nudges, today) = campaign::due(services, &listed, now).await?;
        plan.mails.extend(nudges);
        plan.coverage = Some(today);
    }
    Ok(plan)
}

/// The reminder due for one account now, if any: the smallest threshold the time left has
/// reached, unless it was sent for this password already. Earlier thresholds that were missed
/// (the account came into scope late) are not sent as well.
async fn expiry_due(services: &Services, account: &Expiring, now: UnixTime) -> Result<Option<Planned>, FlowError> {
    let Expiry::At(expires_at) = account.expires else { return Ok(None) };
    let user = &account.user;
    let left = expires_at - now;
    if left <= 0 || user.state.disabled || !policy::in_scope(&services.config, user) {
        return Ok(None);
    }
    let mut thresholds = services.config.reminders.thresholds();
    thresholds.reverse();
    let Some(days_before) = thresholds.into_iter().find(|d| left <= i64::from(*d) * DAY) else { return Ok(None) };
    let changed_at = account.changed_at.unwrap_or(expires_at);
    if services.db.reminder_claimed(user.id.as_str(), changed_at, days_before).await? {
        return Ok(None);
    }
    let kind = MailKind::Expiry { days_before, changed_at, expires_at };
    addressed(services, account, kind).await
}

/// Whether now is within the sending hours (`reminders.send_from_hour` to `send_until_hour`,
/// in `server.time_zone`).
pub fn in_sending_hours(services: &Services) -> bool {
    let r = &services.config.reminders;
    let Ok(at) = jiff::Timestamp::from_second(services.clock.now()) else { return false };
    let hour = services.config.server.zone().to_datetime(at).hour();
    (i8::try_from(r.send_from_hour).unwrap_or(0)..i8::try_from(r.send_until_hour).unwrap_or(24)).contains(&hour)
}

/// One pass: takes the lease (or does nothing while another replica holds it), plans, and
/// sends what it planned, each mail claimed first.
pub async fn run_pass(services: &Services, holder: &str) -> Result<PassReport, FlowError> {
    let now = services.clock.now();
    if !services.db.take_lease(LEASE, holder, now, now + LEASE_SECS).await? {
        return Ok(PassReport { skipped: true, ..PassReport::default() });
    }
    let result = send_planned(services).await;
    if let Err(err) = services.db.release_lease(LEASE, holder).await {
        tracing::warn!(%err, "could not give the scheduler's lease back; it runs out on its own");
    }
    result
}

async fn send_planned(services: &Services) -> Result<PassReport, FlowError> {
    let plan = plan(services).await?;
    if let Some(today) = plan.coverage
        && let Err(err) = services.db.record_coverage_day(today).await
    {
        tracing::warn!(%err, "could not record today's registration coverage");
    }
    let mut report = PassReport::default();
    for p in plan.mails {
        let now = services.clock.now();
        let id = p.user.id.as_str();
        let claimed = match &p.kind {
            MailKind::Expiry { days_before, changed_at, .. } => {
                services.db.claim_reminder(id, *changed_at, *days_before, now).await?
            }
            MailKind::Nudge { nth } => services.db.claim_campaign_mail(id, *nth, now).await?,
        };
        if !claimed {
            continue; // another replica, or an overlapping pass, sends it
        }
        if send(services, &p).await {
            report.sent.push(p);
        } else {
            report.failed += 1;
            let given_back = match &p.kind {
                MailKind::Expiry { days_before, changed_at, .. } => {
                    services.db.unclaim_reminder(id, *changed_at, *days_before).await
                }
                MailKind::Nudge { nth } => services.db.unclaim_campaign_mail(id, *nth).await,
            };
            if let Err(err) = given_back {
                tracing::warn!(%err, login = %p.user.login, "a mail that failed could not be given back; it is not retried");
            }
        }
    }
    Ok(report)
}

/// Sends one planned mail to each of its addresses and audits it; false if any failed.
async fn send(services: &Services, p: &Planned) -> bool {
    let server = &services.config.server;
    let base = server.public_url.trim_end_matches('/');
    let (event, flow, reason) = match &p.kind {
        MailKind::Expiry { days_before, .. } => ("expiry_reminder_sent", "reminders", format!("days_{days_before}")),
        MailKind::Nudge { nth } => ("registration_nudge_sent", "campaign", format!("nudge_{nth}")),
    };
    let mut delivered = true;
    for to in &p.to {
        let r = Recipient { lang: p.lang, org: &server.organisation, to, display_name: &p.user.display_name };
        let mail = match &p.kind {
            MailKind::Expiry { days_before, expires_at, .. } => {
                let when = crate::i18n::human_time(p.lang, &server.zone(), *expires_at);
                expiry_reminder(&r, *days_before, &when, &format!("{base}/change"), &format!("{base}/reset"))
            }
            MailKind::Nudge { .. } => registration_nudge(&r, &format!("{base}/register")),
        };
        if let Err(err) = services.mailer.send(&mail).await {
            services.last_errors.record("mail", services.clock.now(), err.to_string());
            tracing::warn!(%err, event, "a scheduled mail could not be sent");
            delivered = false;
        }
    }
    let who = Requester { lang: p.lang, ..Requester::default() };
    let outcome = if delivered { "success" } else { "failure" };
    let reason = if delivered { reason } else { "mail_failed".to_owned() };
    let record =
        AuditRecord { event, flow: Some(flow), user: Some(&p.user), outcome, reason: Some(&reason), method: None };
    services.audit(&who, record).await;
    delivered
}

/// Runs a pass every `reminders.interval_minutes` while `services` lives, when reminders or the
/// campaign are on. Each replica names itself with a random id for the lease.
pub fn spawn(services: &Arc<Services>) {
    if !enabled(services) {
        return;
    }
    let holder = uuid::Uuid::new_v4().to_string();
    let every = Duration::from_secs(services.config.reminders.interval_minutes.max(1) * 60);
    let weak = Arc::downgrade(services);
    tokio::spawn(async move {
        // The first pass one interval after start: a restart does not list the directory at once.
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let Some(services) = weak.upgrade() else { return };
            if !in_sending_hours(&services) {
                continue;
            }
            match run_pass(&services, &holder).await {
                Ok(report) if !report.skipped => {
                    tracing::info!(sent = report.sent.len(), failed = report.failed, "the reminder pass ran");
                }
                Ok(_) => tracing::debug!("another replica runs the reminder pass"),
                Err(err) => tracing::warn!(%err, "the reminder pass failed; the next one tries again"),
            }
        }
    });
}

/// `rekey remind`: with `dry_run`, the mails a pass would send now, one a line (sending
/// nothing); otherwise one pass, run as any replica runs it (lease, claims), and what it sent.
pub async fn command(services: &Services, dry_run: bool) -> Result<String, FlowError> {
    if !enabled(services) {
        return Ok("neither [reminders] nor [campaign] is enabled: nothing to send\n".to_owned());
    }
    let mut out = String::new();
    let mut lines = |mails: &[Planned]| {
        for p in mails {
            out.push_str(&p.line());
            out.push('\n');
        }
    };
    if dry_run {
        let plan = plan(services).await?;
        lines(&plan.mails);
        if !in_sending_hours(services) {
            out.push_str(
                "# now is outside reminders.send_from_hour..send_until_hour: the scheduler waits for those hours\n",
            );
        }
        return Ok(out);
    }
    let report = run_pass(services, &format!("cli-{}", uuid::Uuid::new_v4())).await?;
    if report.skipped {
        return Ok("another replica is running a pass now: nothing was sent\n".to_owned());
    }
    lines(&report.sent);
    if report.failed > 0 {
        out.push_str(&format!("# {} mail(s) could not be sent; the next pass tries again\n", report.failed));
    }
    Ok(out)
}
