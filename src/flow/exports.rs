//! Starts and stops the background tasks that hand the audit trail on: the webhook queue
//! (`webhooks.rs`) and the SIEM sinks (`siem.rs`), each only when configured. Their cursors are
//! created before the portal serves, so every record written from then on is handed on.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;

use super::Services;
use super::siem::Sink;
use super::webhooks::{self, Endpoints};

/// How often the tasks look for new records and due deliveries.
const TICK: Duration = Duration::from_millis(500);

/// The running export tasks.
pub struct Exports {
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

impl Exports {
    /// Lets the tasks finish what they hold (the SIEM sinks give up their leases) and waits.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        for t in self.tasks {
            let _ = t.await;
        }
    }
}

/// Creates the cursors and spawns the configured tasks. A database error here is logged: the
/// portal serves without exports rather than not at all.
pub async fn start(services: &Arc<Services>) -> Exports {
    let (stop, rx) = watch::channel(false);
    let mut tasks = Vec::new();
    if !services.config.webhooks.is_empty() {
        match services.db.init_export_cursor(webhooks::CURSOR).await {
            Ok(()) => tasks.push(spawn_webhooks(services, rx.clone())),
            Err(err) => tracing::error!(%err, "webhooks are off: their cursor could not be created"),
        }
    }
    let sinks = Sink::configured(services);
    let mut ready = Vec::new();
    for sink in sinks {
        match services.db.init_export_cursor(sink.cursor()).await {
            Ok(()) => ready.push(sink),
            Err(err) => tracing::error!(%err, cursor = sink.cursor(), "this SIEM export is off"),
        }
    }
    if !ready.is_empty() {
        tasks.push(spawn_siem(services, ready, rx));
    }
    Exports { stop, tasks }
}

/// Waits for the next tick; true when asked to stop.
async fn tick_or_stop(tick: &mut tokio::time::Interval, stop: &mut watch::Receiver<bool>) -> bool {
    tokio::select! {
        _ = tick.tick() => false,
        // Asked to stop, or the portal that could ask is gone.
        _ = stop.wait_for(|s| *s) => true,
    }
}

fn spawn_webhooks(services: &Arc<Services>, mut stop: watch::Receiver<bool>) -> JoinHandle<()> {
    let weak = Arc::downgrade(services);
    let endpoints = Endpoints::new(&services.config.webhooks);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(TICK);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        while !tick_or_stop(&mut tick, &mut stop).await {
            let Some(services) = weak.upgrade() else { return };
            if let Err(err) = webhooks::step(&services, &endpoints).await {
                tracing::warn!(%err, "webhooks: this round failed; the next one tries again");
            }
        }
    })
}

fn spawn_siem(services: &Arc<Services>, mut sinks: Vec<Sink>, mut stop: watch::Receiver<bool>) -> JoinHandle<()> {
    let weak = Arc::downgrade(services);
    let owner = uuid::Uuid::new_v4().to_string();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(TICK);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        while !tick_or_stop(&mut tick, &mut stop).await {
            let Some(services) = weak.upgrade() else { return };
            for sink in &mut sinks {
                // A backlog goes out in batches, a few per tick.
                for _ in 0..10 {
                    match sink.step(&services, &owner).await {
                        Ok(true) => continue,
                        Ok(false) => break,
                        Err(err) => {
                            tracing::warn!(%err, cursor = sink.cursor(), "SIEM export: this batch is sent again later");
                            break;
                        }
                    }
                }
            }
        }
        if let Some(services) = weak.upgrade() {
            for sink in &sinks {
                if let Err(err) = services.db.release_export_cursor(sink.cursor(), &owner).await {
                    tracing::warn!(%err, cursor = sink.cursor(), "could not give up the SIEM export's lease");
                }
            }
        }
    })
}
