//! Webhooks: account events from the audit trail, signed and POSTed to each `[[webhooks]]`
//! endpoint that wants them, from a queue in the database that replicas share.
//!
//! Each tick, [`step`] first moves the `webhooks` cursor over the audit records written since
//! (`store::Db::enqueue_from_audit`: one transaction, so a record is enqueued once whatever
//! the number of replicas), turning each account event into one delivery per endpoint; then it
//! claims due deliveries under a lease and posts them (`notify::webhook`). A failed attempt is
//! tried again after an exponential back-off (backon's schedule, from the clock, so no task
//! sleeps on it), and after the endpoint's `max_attempts` it is a dead letter, shown on the
//! admin page, which can put it back in the queue ([`retry`]).

use std::collections::HashMap;
use std::time::Duration;

use backon::BackoffBuilder as _;

use super::export_shape::{chain_ok, webhook_body, webhook_event};
use super::{AuditRecord, FlowError, Requester, Services};
use crate::config::WebhookConfig;
use crate::notify::webhook::WebhookSender;
use crate::store::{AuditRow, NewDelivery};

/// The audit trail cursor of the queue.
pub const CURSOR: &str = "webhooks";
/// Records read per transaction, and deliveries claimed per tick.
const PAGE: i64 = 200;
const CLAIM: i64 = 20;
/// Delivered rows are kept a week, dead letters thirty days.
const KEEP_DELIVERED: i64 = 7 * 86_400;
const KEEP_DEAD: i64 = 30 * 86_400;

/// The endpoints' clients, built once.
pub struct Endpoints {
    hooks: HashMap<String, (WebhookConfig, WebhookSender)>,
}

impl Endpoints {
    /// A client per configured endpoint; a broken one is logged and left out (its deliveries
    /// wait in the queue until it is fixed).
    pub fn new(config: &[WebhookConfig]) -> Endpoints {
        let mut hooks = HashMap::new();
        for hook in config {
            match WebhookSender::new(hook) {
                Ok(sender) => {
                    hooks.insert(hook.url.clone(), (hook.clone(), sender));
                }
                Err(err) => tracing::error!(%err, url = %hook.url, "this webhook cannot be used"),
            }
        }
        Endpoints { hooks }
    }
}

/// The MAC that binds a delivery's body to its endpoint and audit record.
fn delivery_mac(services: &Services, endpoint: &str, audit_id: i64, body: &str) -> Vec<u8> {
    let id = audit_id.to_be_bytes();
    services.keys.row_mac("webhook_deliveries", &[Some(endpoint.as_bytes()), Some(&id), Some(body.as_bytes())]).to_vec()
}

/// The deliveries one audit record makes.
fn deliveries_for(services: &Services, row: &AuditRow) -> Vec<NewDelivery> {
    let Some(kind) = webhook_event(&row.event) else { return Vec::new() };
    if !chain_ok(&services.keys, row) {
        tracing::error!(audit_id = row.id, "an audit record fails its chain hash: no webhook is sent for it");
        return Vec::new();
    }
    let body = webhook_body(row.id, &row.event, kind);
    services
        .config
        .webhooks
        .iter()
        .filter(|h| h.wants(kind))
        .map(|h| NewDelivery {
            endpoint: h.url.clone(),
            event: kind.to_owned(),
            mac: delivery_mac(services, &h.url, row.id, &body),
            body: body.clone(),
        })
        .collect()
}

/// The delay before attempt `failed + 1`, after `failed` failures: doubling from
/// `retry_min_secs` up to `retry_max_secs`, with jitter seeded by the delivery.
pub fn retry_delay(hook: &WebhookConfig, failed: u32, delivery: i64) -> Duration {
    backon::ExponentialBuilder::default()
        .with_min_delay(Duration::from_secs(hook.retry_min_secs))
        .with_max_delay(Duration::from_secs(hook.retry_max_secs))
        .with_factor(2.0)
        .with_jitter()
        .with_jitter_seed(delivery.unsigned_abs())
        .without_max_times()
        .build()
        .nth(failed.saturating_sub(1) as usize)
        .unwrap_or(Duration::from_secs(hook.retry_max_secs))
}

/// One tick: enqueue what the trail added, then deliver what is due.
pub async fn step(services: &Services, endpoints: &Endpoints) -> Result<(), FlowError> {
    let build = |row: &AuditRow| deliveries_for(services, row);
    for _ in 0..10 {
        let read = services.db.enqueue_from_audit(CURSOR, PAGE, services.clock.now(), &build).await?;
        if read < PAGE as usize {
            break;
        }
    }
    let now = services.clock.now();
    let lease = endpoints.hooks.values().map(|(h, _)| h.timeout_secs).max().unwrap_or(10) as i64 * CLAIM + 60;
    for d in services.db.claim_deliveries(now, now + lease, CLAIM).await? {
        let Some((hook, sender)) = endpoints.hooks.get(&d.endpoint) else {
            services.db.delivery_failed(d.id, now, None, "the endpoint is no longer configured").await?;
            continue;
        };
        let id = d.audit_id.to_be_bytes();
        let fields = [Some(d.endpoint.as_bytes()), Some(&id[..]), Some(d.body.as_bytes())];
        if !services.keys.row_mac_valid("webhook_deliveries", &fields, &d.mac) {
            let row = d.id.to_string();
            let t = crate::tamper::Tampered { table: "webhook_deliveries", row: Some(&row), user_id: None };
            crate::tamper::report(&services.db, &services.keys, now, None, t).await;
            services.db.delivery_failed(d.id, now, None, "the row failed its integrity check").await?;
            continue;
        }
        let sent_at = services.clock.now();
        match sender.post(&d.body, &d.event, d.id, sent_at).await {
            Ok(()) => services.db.delivery_done(d.id, services.clock.now()).await?,
            Err(err) => {
                let failed = u32::try_from(d.attempts + 1).unwrap_or(u32::MAX);
                let now = services.clock.now();
                let retry_at =
                    (failed < hook.max_attempts).then(|| now + retry_delay(hook, failed, d.id).as_secs() as i64);
                tracing::warn!(%err, delivery = d.id, attempt = failed, dead = retry_at.is_none(), "webhook delivery failed");
                services.db.delivery_failed(d.id, now, retry_at, &err).await?;
            }
        }
    }
    let now = services.clock.now();
    services.db.delete_old_deliveries(now - KEEP_DELIVERED, now - KEEP_DEAD).await?;
    Ok(())
}

/// The audit event of an admin sending a dead letter again.
pub const RETRIED: &str = "webhook_retried";

/// An admin puts a dead letter back in the queue; audited. False when it was not one.
pub async fn retry(services: &Services, who: &Requester, admin_login: &str, id: i64) -> Result<bool, FlowError> {
    let Some(endpoint) = services.db.retry_dead_letter(id, services.clock.now()).await? else { return Ok(false) };
    let reason = format!("delivery {id} to {endpoint}");
    let record = AuditRecord {
        event: RETRIED,
        flow: Some("admin"),
        user: None,
        outcome: "success",
        reason: Some(&reason),
        method: Some(admin_login),
    };
    services.audit(who, record).await;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_back_off_doubles_within_its_bounds() {
        let hook = WebhookConfig { retry_min_secs: 30, retry_max_secs: 600, ..WebhookConfig::default() };
        let delays: Vec<u64> = (1..=8).map(|n| retry_delay(&hook, n, 7).as_secs()).collect();
        assert!((30..60).contains(&delays[0]), "{delays:?}");
        assert!((60..120).contains(&delays[1]), "{delays:?}");
        assert!((120..240).contains(&delays[2]), "{delays:?}");
        assert!(delays[6..].iter().all(|d| (600..1200).contains(d)), "{delays:?}");
    }
}
