//! What the background listing of the directory holds (see `listing`): kept apart from the
//! code that runs it so that `Services` can hold it without importing that code.

use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use crate::directory::DirUser;

/// How long a complete listing is reused, in seconds.
pub const LISTING_TTL: i64 = 120;

/// How long a request waits for a running listing before answering with its progress.
pub const LISTING_WAIT: Duration = Duration::from_secs(3);

/// The longest one listing may take before it is given up (each request in it has the
/// directory's own deadline as well).
pub const LISTING_LIMIT: Duration = Duration::from_secs(30 * 60);

/// One complete listing of the directory.
#[derive(Clone)]
pub struct Listed {
    pub at: i64,
    pub users: Arc<Vec<DirUser>>,
    /// The listing stopped at `admin.max_listed_accounts`.
    pub truncated: bool,
}

/// A listing that did not complete.
#[derive(Clone, Debug)]
pub struct Failed {
    pub at: i64,
    /// Accounts it had read when it failed.
    pub so_far: usize,
}

/// Where the listing stands, for a page to show.
pub struct Snapshot {
    /// The last complete listing, however old (`at` says when).
    pub listed: Option<Listed>,
    /// A listing is running and has read this many accounts so far.
    pub running: Option<usize>,
    /// The last listing failed, and none has run since.
    pub failed: Option<Failed>,
}

pub(super) struct Running {
    pub(super) progress: Arc<AtomicUsize>,
    /// Turns true when the listing has ended, either way.
    pub(super) done: tokio::sync::watch::Receiver<bool>,
}

#[derive(Default)]
pub(super) struct State {
    pub(super) listed: Option<Listed>,
    pub(super) running: Option<Running>,
    pub(super) failed: Option<Failed>,
}

/// The listing's state; `listing` runs it.
#[derive(Default)]
pub struct Listing(Mutex<State>);

impl Listing {
    pub(super) fn state(&self) -> MutexGuard<'_, State> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
