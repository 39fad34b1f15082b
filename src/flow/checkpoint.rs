//! Writes audit checkpoints (see [`crate::store::Checkpoint`]) to the log and, when
//! `audit.checkpoint_file` is set, appends them to that file: on a schedule, at start and at
//! shutdown. Kept outside the database, they let `rekey audit verify` notice records removed
//! from the end of the trail.

use std::io::Write as _;

use super::Services;
use crate::store::Checkpoint;

/// Takes a checkpoint of the chain as it stands and writes it out. `None` while no record is
/// chained yet, or when the database or the file could not be reached (logged).
pub async fn write(services: &Services) -> Option<Checkpoint> {
    let checkpoint = match services.db.audit_checkpoint(services.clock.now()).await {
        Ok(Some(c)) => c,
        Ok(None) => return None,
        Err(err) => {
            tracing::warn!(%err, "could not read the audit trail for a checkpoint");
            return None;
        }
    };
    let mac = |body: &[u8]| services.keys.audit_checkpoint_mac(body);
    let line = checkpoint.to_line(&mac);
    tracing::info!(target: "rekey::audit", checkpoint = %line, records = checkpoint.records, "audit checkpoint");
    if let Some(path) = &services.config.audit.checkpoint_file {
        let appended = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .and_then(|mut f| writeln!(f, "{line}").and_then(|()| f.sync_data()));
        if let Err(err) = appended {
            tracing::warn!(%err, path = %path.display(), "could not append the audit checkpoint (audit.checkpoint_file)");
        }
    }
    Some(checkpoint)
}

/// Writes a checkpoint now and then every `audit.checkpoint_secs` while `services` lives,
/// skipping those where the trail has not grown.
pub fn spawn(services: &std::sync::Arc<Services>) {
    let weak = std::sync::Arc::downgrade(services);
    let every = services.config.audit.checkpoint_secs;
    tokio::spawn(async move {
        let mut last_head = None;
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(every.max(1)));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let Some(services) = weak.upgrade() else { return };
            let head = services.db.audit_checkpoint(0).await.ok().flatten().map(|c| c.head);
            if head.is_some() && head != last_head {
                last_head = write(&services).await.map(|c| c.head);
            }
            if every == 0 {
                return;
            }
        }
    });
}
