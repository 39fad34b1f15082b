//! Times every directory operation for `/metrics` and remembers the last failure for the
//! admin's status page. Answers pass through unchanged.

use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::Instant;

use secrecy::SecretString;

use super::{DirError, DirUser, Directory, LockStatus, Login};
use crate::clock::Clock;
use crate::metrics::{LastErrors, Metrics};

pub struct Instrumented {
    inner: Arc<dyn Directory>,
    metrics: Arc<Metrics>,
    last_errors: Arc<LastErrors>,
    clock: Clock,
}

impl Instrumented {
    pub fn new(inner: Arc<dyn Directory>, metrics: Arc<Metrics>, last_errors: Arc<LastErrors>, clock: Clock) -> Self {
        Instrumented { inner, metrics, last_errors, clock }
    }

    fn record<T>(&self, op: &'static str, started: Instant, result: &Result<T, DirError>) {
        // Everything but a look-up that found nobody is work only an existing account costs
        // (or a decoy standing in for one): the uniform answer time learns from it.
        if !matches!(op, "find_user" | "health" | "list_users") {
            crate::pace::mark_account_work();
        }
        let kind = match result {
            Ok(_) => "ok",
            Err(DirError::Unavailable(_)) => "unavailable",
            Err(DirError::Denied(_)) => "denied",
            Err(DirError::Unconfirmed(_)) => "unconfirmed",
            // The directory answered: a wrong password, a policy refusal, a locked account.
            Err(_) => "refused",
        };
        self.metrics.directory_op(op, kind, started.elapsed());
        if let Err(e @ (DirError::Unavailable(_) | DirError::Denied(_) | DirError::Unconfirmed(_))) = result {
            self.last_errors.record("directory", self.clock.now(), format!("{op}: {e}"));
        }
    }
}

macro_rules! timed {
    ($self:ident, $op:literal, $call:expr) => {{
        let started = Instant::now();
        let result = $call.await;
        $self.record($op, started, &result);
        result
    }};
}

super::wrapper::wrap_directory! { Instrumented {
    async fn find_user(&self, login: &Login) -> Result<Option<DirUser>, DirError> {
        let found = timed!(self, "find_user", self.inner.find_user(login));
        if matches!(found, Ok(Some(_))) {
            crate::pace::mark_account_work();
        }
        found
    }

    async fn search_users(&self, text: &str, limit: usize) -> Result<Vec<DirUser>, DirError> {
        timed!(self, "search_users", self.inner.search_users(text, limit))
    }

    async fn verify_password(&self, user: &DirUser, password: &SecretString) -> Result<(), DirError> {
        timed!(self, "verify_password", self.inner.verify_password(user, password))
    }

    async fn verify_password_warned(
        &self,
        user: &DirUser,
        password: &SecretString,
    ) -> Result<Option<super::PasswordWarning>, DirError> {
        timed!(self, "verify_password", self.inner.verify_password_warned(user, password))
    }

    async fn change_password(&self, user: &DirUser, old: &SecretString, new: &SecretString) -> Result<(), DirError> {
        timed!(self, "change_password", self.inner.change_password(user, old, new))
    }

    async fn reset_password(&self, user: &DirUser, new: &SecretString, must_change: bool) -> Result<(), DirError> {
        timed!(self, "reset_password", self.inner.reset_password(user, new, must_change))
    }

    async fn unlock(&self, user: &DirUser) -> Result<(), DirError> {
        timed!(self, "unlock", self.inner.unlock(user))
    }

    async fn lock_status(&self, user: &DirUser) -> Result<LockStatus, DirError> {
        timed!(self, "lock_status", self.inner.lock_status(user))
    }

    async fn health(&self) -> Result<(), DirError> {
        timed!(self, "health", self.inner.health())
    }

    async fn list_users_counted(&self, limit: usize, progress: &AtomicUsize) -> Result<Vec<DirUser>, DirError> {
        timed!(self, "list_users", self.inner.list_users_counted(limit, progress))
    }

    async fn list_password_expiry(
        &self,
        limit: usize,
        throttle: &super::expiry::Throttle,
    ) -> Result<Vec<super::expiry::Expiring>, DirError> {
        timed!(self, "list_password_expiry", self.inner.list_password_expiry(limit, throttle))
    }

    async fn password_expiry(&self, user: &DirUser) -> Result<Option<super::expiry::Expiry>, DirError> {
        timed!(self, "password_expiry", self.inner.password_expiry(user))
    }

    async fn sign_out_everywhere(&self, user: &DirUser) -> Result<(), DirError> {
        timed!(self, "sign_out_everywhere", self.inner.sign_out_everywhere(user))
    }

    async fn password_rules(&self, user: &DirUser) -> Result<Option<super::rules::AccountRules>, DirError> {
        self.inner.password_rules(user).await
    }
}}
