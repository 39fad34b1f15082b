//! The directory's accounts for the admin's registration report.
//!
//! Listing a large directory takes minutes (100,000 Entra accounts are a hundred pages, each
//! perhaps throttled by Graph), far longer than a page may wait. So the listing runs in the
//! background, one at a time in this process, counting the accounts read so far; the coverage
//! page shows that count and reloads itself until the listing is done, then shows the
//! coverage. A small directory is listed within [`LISTING_WAIT`] and shown at once.
//!
//! A complete listing is reused for [`LISTING_TTL`]; after that the next look at the report
//! starts a new one and shows the old one meanwhile. A listing that failed is shown as failed
//! (the admin may try again at once) and retried on its own after [`LISTING_TTL`].

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use super::Services;
use super::listing_state::Running;
pub use super::listing_state::{Failed, LISTING_LIMIT, LISTING_TTL, LISTING_WAIT, Listed, Listing, Snapshot};

impl Listing {
    /// Where the listing stands, after starting one when the last complete listing is older
    /// than [`LISTING_TTL`] (and the last attempt did not fail within it) or `fresh` is asked
    /// for, and waiting up to `wait` for a running listing to end.
    pub async fn snapshot(&self, services: &Arc<Services>, fresh: bool, wait: Duration) -> Snapshot {
        let done = {
            let mut state = self.state();
            let now = services.clock.now();
            let recent = |at: i64| at <= now && now - at < LISTING_TTL;
            if state.running.is_none() {
                let stale = !state.listed.as_ref().is_some_and(|l| recent(l.at));
                let failed_lately = state.failed.as_ref().is_some_and(|f| recent(f.at));
                if fresh || (stale && !failed_lately) {
                    state.running = Some(start(services));
                }
            }
            state.running.as_ref().map(|r| r.done.clone())
        };
        if let Some(mut done) = done {
            // An error means the listing's task is gone; the state says how it ended.
            let _ = tokio::time::timeout(wait, done.wait_for(|ended| *ended)).await;
        }
        let state = self.state();
        Snapshot {
            listed: state.listed.clone(),
            running: state.running.as_ref().map(|r| r.progress.load(Ordering::Relaxed)),
            failed: state.failed.clone(),
        }
    }
}

/// Starts listing the directory in the background.
fn start(services: &Arc<Services>) -> Running {
    let progress = Arc::new(AtomicUsize::new(0));
    let (ended, done) = tokio::sync::watch::channel(false);
    let (services, counter) = (services.clone(), progress.clone());
    tokio::spawn(async move {
        let limit = services.config.admin.max_listed_accounts;
        let lister = services.clone();
        let count = counter.clone();
        // Its own task, so that even a panic in the directory code ends the listing as failed.
        let listing = tokio::spawn(async move {
            tokio::time::timeout(LISTING_LIMIT, lister.directory.list_users_counted(limit, &count)).await
        });
        let result = listing.await;
        let so_far = counter.load(Ordering::Relaxed);
        let now = services.clock.now();
        let mut state = services.listing.state();
        state.running = None;
        match result {
            Ok(Ok(Ok(users))) => {
                tracing::info!(accounts = users.len(), "the directory was listed for the registration report");
                let truncated = users.len() >= limit;
                state.listed = Some(Listed { at: now, truncated, users: Arc::new(users) });
                state.failed = None;
            }
            failure => {
                match failure {
                    Ok(Ok(Err(err))) => tracing::warn!(%err, so_far, "coverage: the directory could not be listed"),
                    Ok(Err(_)) => tracing::warn!(
                        so_far,
                        "coverage: listing the directory took longer than {} minutes; given up",
                        LISTING_LIMIT.as_secs() / 60
                    ),
                    _ => tracing::error!(so_far, "coverage: listing the directory failed unexpectedly"),
                }
                state.failed = Some(Failed { at: now, so_far });
            }
        }
        drop(state);
        let _ = ended.send(true);
    });
    Running { progress, done }
}
