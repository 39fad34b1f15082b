//! Rate limits and the daily self-service limit, shared by every replica through the database.
//!
//! Each limit is a sliding window made of twelve buckets (atomic counters in the database), so
//! it slides in steps of a twelfth of its length and never blocks longer than the window. Every attempt counts, refused ones too, so hammering a
//! limit keeps it closed. Keys are keyed hashes of the client address or of the username as
//! typed (trimmed, lower-cased): an unknown username is limited exactly like a real one, so a
//! limit never tells anyone whether an account exists.

use super::{FlowError, Services};

/// What is being counted.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    /// A username step (reset, unlock or sign-in), per client address.
    StartByAddress,
    /// A username step sent without a solved proof of work, per client address.
    StartByAddressWithoutPow,
    /// A username step, per username.
    StartByAccount,
    /// A reset started, per username, per day.
    ResetByAccountPerDay,
    /// A code sent, per username and method.
    SendByAccount(&'static str),
    /// A code sent, per client address.
    SendByAddress,
    /// A text message sent, per phone number (E.164), whoever asked for it.
    SendByNumber,
    /// A code checked, per username and method.
    CheckByAccount(&'static str),
    /// A code checked, per client address.
    CheckByAddress,
    /// A live password-quality hint, per client address.
    PasswordCheckByAddress,
}

impl Scope {
    fn name(self) -> String {
        match self {
            Scope::StartByAddress => "start:address".into(),
            Scope::StartByAddressWithoutPow => "start-nopow:address".into(),
            Scope::StartByAccount => "start:account".into(),
            Scope::ResetByAccountPerDay => "reset-day:account".into(),
            Scope::SendByAccount(m) => format!("send:{m}:account"),
            Scope::SendByAddress => "send:address".into(),
            Scope::SendByNumber => "send:number".into(),
            Scope::CheckByAccount(m) => format!("check:{m}:account"),
            Scope::CheckByAddress => "check:address".into(),
            Scope::PasswordCheckByAddress => "password-check:address".into(),
        }
    }

    /// (maximum, window in seconds)
    fn limit(self, services: &Services) -> (u32, i64) {
        let l = &services.config.limits;
        let w = i64::try_from(l.window_secs).unwrap_or(3600);
        match self {
            Scope::StartByAddress => (l.starts_per_address, w),
            Scope::StartByAddressWithoutPow => (l.starts_per_address_without_pow, w),
            Scope::StartByAccount => (l.starts_per_account, w),
            Scope::ResetByAccountPerDay => (l.resets_per_account_per_day, 86_400),
            Scope::SendByAccount(_) => (l.code_sends_per_account, w),
            Scope::SendByAddress => (l.code_sends_per_address, w),
            Scope::SendByNumber => (l.code_sends_per_number, w),
            Scope::CheckByAccount(_) => (l.code_checks_per_account, w),
            Scope::CheckByAddress => (l.code_checks_per_address, w),
            Scope::PasswordCheckByAddress => (l.password_checks_per_address, w),
        }
    }
}

/// The username as the limits count it.
pub fn account_key(typed: &str) -> String {
    typed.trim().to_lowercase()
}

/// The counter's scope name and its keyed-hash key: no address or username is stored.
fn counter(services: &Services, scope: Scope, key: &str) -> (String, Vec<u8>) {
    let name = scope.name();
    let hashed = services.keys.code_hash(&format!("rate:{name}"), key);
    (name, hashed)
}

/// Events counted for `key` in `scope` within its window, without counting one more.
pub async fn recent(services: &Services, scope: Scope, key: &str) -> Result<i64, FlowError> {
    let (_, window) = scope.limit(services);
    let (name, hashed) = counter(services, scope, key);
    let buckets = services.db.rate_buckets(&name, &hashed, services.clock.now() - window).await?;
    Ok(buckets.iter().map(|(_, c)| c).sum())
}

/// Buckets per window: a window slides in steps of a twelfth of its length.
const BUCKETS: i64 = 12;

/// Counts one event for `key` in `scope`; refuses it (with when to try again) past the limit.
/// Without a key (no client address known) nothing is counted.
pub async fn hit(services: &Services, scope: Scope, key: Option<&str>) -> Result<(), FlowError> {
    let Some(key) = key else { return Ok(()) };
    let (max, window) = scope.limit(services);
    let (name, hashed) = counter(services, scope, key);
    let now = services.clock.now();
    let step = (window / BUCKETS).max(1);
    let bucket = now - now.rem_euclid(step);
    services.db.rate_hit(&name, &hashed, bucket).await?;
    let buckets = services.db.rate_buckets(&name, &hashed, now - window).await?;
    let total: i64 = buckets.iter().map(|(_, c)| c).sum();
    if total <= i64::from(max) {
        return Ok(());
    }
    // The oldest buckets leave the window first: wait until enough of them have.
    let mut left = total;
    let mut retry_after = window;
    for (start, count) in &buckets {
        left -= count;
        if left <= i64::from(max) {
            retry_after = start + window - now;
            break;
        }
    }
    let retry_after = retry_after.max(1);
    tracing::info!(scope = %name, retry_after, "rate limit reached");
    services.metrics.rate_limited(&name);
    match scope {
        Scope::ResetByAccountPerDay => Err(FlowError::SelfServicePaused { retry_after }),
        _ => Err(FlowError::RateLimited { retry_after }),
    }
}
