//! Rate limits and the daily self-service limit, shared by every replica through the database.
//!
//! Each limit is a sliding window made of twelve buckets (atomic counters in the database), so
//! it slides in steps of a twelfth of its length and never blocks longer than the window. Every
//! attempt counts, refused ones too, so hammering a limit keeps it closed. Keys are keyed
//! hashes, never an address or a login:
//!
//! - address limits count the client address, an IPv6 address by its prefix
//!   (`limits.ipv6_prefix`, a /64 by default), since one machine holds a whole /64;
//! - account limits count the account as the directory resolved it (its stable id), so every
//!   alias of one account (`jdoe`, `JDOE`, its mail, its UPN) shares one budget; when nothing
//!   matched, the login as typed (trimmed, lower-cased), and the answer and the work done are
//!   the same either way;
//! - the account limits a stranger could exhaust (username steps, daily resets, codes sent and
//!   checked) count the account *from one address*, so a stranger's posts never use up the
//!   owner's budget. Only failed proofs (`flow::failures`) and a high ceiling on codes sent
//!   count the account from everywhere.
//!
//! See the README, "Rate limits and lockout", for the whole scheme.

use super::{FlowError, Services};

/// What is being counted.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    /// A username step (reset, unlock or sign-in), per client address.
    StartByAddress,
    /// A username step sent without a solved proof of work, per client address.
    StartByAddressWithoutPow,
    /// A proof-of-work challenge handed out, per client address.
    PowIssueByAddress,
    /// A username step, per account (and, for reset and unlock, per address: [`per_source`]).
    StartByAccount,
    /// A reset started, per account and address, per day.
    ResetByAccountPerDay,
    /// A code sent, per account and method (and, for reset and unlock, per address).
    SendByAccount(&'static str),
    /// A code sent, per account, from every address together.
    SendByAccountTotal,
    /// A code sent, per client address.
    SendByAddress,
    /// A text message sent, per phone number (E.164), whoever asked for it.
    SendByNumber,
    /// A code checked, per account and method (and, for reset and unlock, per address).
    CheckByAccount(&'static str),
    /// A code checked, per client address.
    CheckByAddress,
    /// A live password-quality hint, per client address.
    PasswordCheckByAddress,
    /// A verification, action or approval at the helpdesk console, per helpdesk member.
    HelpdeskByMember,
    /// A call to the JSON API, per token, per minute.
    ApiByToken,
}

impl Scope {
    fn name(self) -> String {
        match self {
            Scope::StartByAddress => "start:address".into(),
            Scope::StartByAddressWithoutPow => "start-nopow:address".into(),
            Scope::PowIssueByAddress => "pow-issue:address".into(),
            Scope::StartByAccount => "start:account".into(),
            Scope::ResetByAccountPerDay => "reset-day:account".into(),
            Scope::SendByAccount(m) => format!("send:{m}:account"),
            Scope::SendByAccountTotal => "send-total:account".into(),
            Scope::SendByAddress => "send:address".into(),
            Scope::SendByNumber => "send:number".into(),
            Scope::CheckByAccount(m) => format!("check:{m}:account"),
            Scope::CheckByAddress => "check:address".into(),
            Scope::PasswordCheckByAddress => "password-check:address".into(),
            Scope::HelpdeskByMember => "helpdesk:member".into(),
            Scope::ApiByToken => "api:token".into(),
        }
    }

    /// (maximum, window in seconds)
    fn limit(self, services: &Services) -> (u32, i64) {
        let l = &services.config.limits;
        let w = i64::try_from(l.window_secs).unwrap_or(3600);
        match self {
            Scope::StartByAddress => (l.starts_per_address, w),
            Scope::StartByAddressWithoutPow => (l.starts_per_address_without_pow, w),
            Scope::PowIssueByAddress => (l.pow_challenges_per_address, w),
            Scope::StartByAccount => (l.starts_per_account, w),
            Scope::ResetByAccountPerDay => (l.resets_per_account_per_day, 86_400),
            Scope::SendByAccount(_) => (l.code_sends_per_account, w),
            Scope::SendByAccountTotal => (l.code_sends_per_account_total, w),
            Scope::SendByAddress => (l.code_sends_per_address, w),
            Scope::SendByNumber => (l.code_sends_per_number, w),
            Scope::CheckByAccount(_) => (l.code_checks_per_account, w),
            Scope::CheckByAddress => (l.code_checks_per_address, w),
            Scope::PasswordCheckByAddress => (l.password_checks_per_address, w),
            Scope::HelpdeskByMember => (services.config.helpdesk.actions_per_member, w),
            Scope::ApiByToken => (services.config.api.requests_per_minute, 60),
        }
    }

    /// Whether the key is a client address (grouped by its IPv6 prefix).
    fn by_address(self) -> bool {
        matches!(
            self,
            Scope::StartByAddress
                | Scope::StartByAddressWithoutPow
                | Scope::PowIssueByAddress
                | Scope::SendByAddress
                | Scope::CheckByAddress
                | Scope::PasswordCheckByAddress
        )
    }
}

/// The username as the limits count it when no account matched it.
pub fn account_key(typed: &str) -> String {
    typed.trim().to_lowercase()
}

/// The account as the per-account limits count it: the directory's stable id when the login
/// matched an account (whatever alias was typed), else the login as typed.
pub fn resolved_account(user: Option<&crate::directory::DirUser>, typed: &str) -> String {
    match user {
        Some(u) => format!("id:{}", u.id.as_str()),
        None => format!("typed:{}", account_key(typed)),
    }
}

/// A client address as the address limits count it (see [`group_address`]).
pub fn address_group(services: &Services, ip: &str) -> String {
    group_address(ip, services.config.limits.ipv6_prefix)
}

/// An IPv4 address (or an IPv4-mapped IPv6 one) as it is, an IPv6 address by its first
/// `prefix` bits (32 to 128), anything else as given.
pub fn group_address(ip: &str, prefix: u8) -> String {
    use std::net::IpAddr;
    match ip.trim().parse::<IpAddr>() {
        Ok(IpAddr::V4(v4)) => v4.to_string(),
        Ok(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => match ipnet::Ipv6Net::new(v6, prefix.clamp(32, 128)) {
                Ok(net) => net.trunc().to_string(),
                Err(_) => v6.to_string(),
            },
        },
        Err(_) => ip.to_owned(),
    }
}

/// An account counted per source: `account` (a [`resolved_account`] key, or its hash) from
/// the client's address group. Without a known address, the account alone.
pub fn per_source(services: &Services, account: &str, ip: Option<&str>) -> String {
    match ip {
        Some(ip) => format!("{account}\0from\0{}", address_group(services, ip)),
        None => account.to_owned(),
    }
}

/// The counter's scope name and its keyed-hash key: no address or username is stored.
fn counter(services: &Services, scope: Scope, key: &str) -> (String, Vec<u8>) {
    let name = scope.name();
    let hashed = if scope.by_address() {
        services.keys.code_hash(&format!("rate:{name}"), &address_group(services, key))
    } else {
        services.keys.code_hash(&format!("rate:{name}"), key)
    };
    (name, hashed)
}

/// Events counted for `key` in `scope` within its window, without counting one more.
pub async fn recent(services: &Services, scope: Scope, key: &str) -> Result<i64, FlowError> {
    let (_, window) = scope.limit(services);
    let (name, hashed) = counter(services, scope, key);
    let buckets = services.db.rate_buckets(&name, &hashed, services.clock.now() - window).await?;
    Ok(buckets.iter().map(|(_, c)| c).sum())
}

/// Counts a username step of reset or unlock against the account the login resolved to
/// (`found`; the login as typed when none matched: the same work either way), from this
/// address only, so a stranger's steps never use up the owner's. Returns the account's key
/// for the other per-account limits.
pub async fn hit_start(
    services: &Services,
    ip: Option<&str>,
    found: Option<&crate::directory::DirUser>,
    typed: &str,
    reset: bool,
) -> Result<String, FlowError> {
    let limit_key = account_limit_key(services, found, typed);
    let from_here = per_source(services, &limit_key, ip);
    hit(services, Scope::StartByAccount, Some(&from_here)).await?;
    if reset {
        let mark = pause_mark(services, &limit_key);
        count_and_judge(services, Scope::ResetByAccountPerDay, &from_here, Some(&mark)).await?;
    }
    Ok(limit_key)
}

/// The key of an account's per-account limits: a keyed hash of [`resolved_account`].
fn account_limit_key(services: &Services, found: Option<&crate::directory::DirUser>, typed: &str) -> String {
    hex::encode(services.keys.code_hash("rate:account", &resolved_account(found, typed)))
}

/// The account's mark on its daily-pause counters (one per source address), so the helpdesk
/// can find them by account: a keyed hash of the account's limit key.
fn pause_mark(services: &Services, limit_key: &str) -> Vec<u8> {
    services.keys.code_hash("rate:reset-day:account", limit_key)
}

/// Until when reset is paused for `user` ("too many attempts today") from at least one
/// address, if it is: the next start from there would be refused until then.
pub async fn daily_pause(services: &Services, user: &crate::directory::DirUser) -> Result<Option<i64>, FlowError> {
    let scope = Scope::ResetByAccountPerDay;
    let (max, window) = scope.limit(services);
    let now = services.clock.now();
    let mark = pause_mark(services, &account_limit_key(services, Some(user), ""));
    let rows = services.db.rate_buckets_of_account(&scope.name(), &mark, now - window).await?;
    let mut until = None;
    for source in rows.chunk_by(|a, b| a.0 == b.0) {
        let buckets: Vec<(i64, i64)> = source.iter().map(|(_, start, count)| (*start, *count)).collect();
        // Paused when one more start would pass the limit.
        if let Some(wait) = wait_until_at_most(&buckets, i64::from(max) - 1, window, now) {
            until = until.max(Some(now + wait));
        }
    }
    Ok(until)
}

/// Lifts the daily pause of `user` from every address: the person can start a reset at once.
/// Whether there was anything to lift.
pub async fn lift_daily_pause(services: &Services, user: &crate::directory::DirUser) -> Result<bool, FlowError> {
    let mark = pause_mark(services, &account_limit_key(services, Some(user), ""));
    Ok(services.db.delete_rate_counters_of_account(&Scope::ResetByAccountPerDay.name(), &mark).await? > 0)
}

/// Whether a code may be checked for `method` now: per address, and per account (its
/// `limit_key`) from this address.
pub async fn may_check(
    services: &Services,
    ip: Option<&str>,
    limit_key: &str,
    method: &'static str,
) -> Result<(), FlowError> {
    hit(services, Scope::CheckByAddress, ip).await?;
    hit(services, Scope::CheckByAccount(method), Some(&per_source(services, limit_key, ip))).await
}

/// Whether a code may be sent for `method` now: per address, per account from this address,
/// and under the account's ceiling from all addresses together.
pub async fn may_send(
    services: &Services,
    ip: Option<&str>,
    limit_key: &str,
    method: &'static str,
) -> Result<(), FlowError> {
    hit(services, Scope::SendByAddress, ip).await?;
    hit(services, Scope::SendByAccount(method), Some(&per_source(services, limit_key, ip))).await?;
    hit(services, Scope::SendByAccountTotal, Some(limit_key)).await
}

/// Buckets per window: a window slides in steps of a twelfth of its length.
const BUCKETS: i64 = 12;

/// Counts one event for `key` in `scope`; refuses it (with when to try again) past the limit.
/// Without a key (no client address known) nothing is counted.
pub async fn hit(services: &Services, scope: Scope, key: Option<&str>) -> Result<(), FlowError> {
    let Some(key) = key else { return Ok(()) };
    count_and_judge(services, scope, key, None).await
}

/// How long until the buckets (oldest first) hold at most `allowed` events, the oldest leaving
/// the window first; `None` when they do now.
fn wait_until_at_most(buckets: &[(i64, i64)], allowed: i64, window: i64, now: i64) -> Option<i64> {
    let mut left: i64 = buckets.iter().map(|(_, c)| c).sum();
    if left <= allowed {
        return None;
    }
    for (start, count) in buckets {
        left -= count;
        if left <= allowed {
            return Some((start + window - now).max(1));
        }
    }
    Some(window.max(1))
}

/// [`hit`], the counter marked with its account where it has one (`mark`).
async fn count_and_judge(services: &Services, scope: Scope, key: &str, mark: Option<&[u8]>) -> Result<(), FlowError> {
    let (max, window) = scope.limit(services);
    let (name, hashed) = counter(services, scope, key);
    let now = services.clock.now();
    let step = (window / BUCKETS).max(1);
    let bucket = now - now.rem_euclid(step);
    let counted = services.db.rate_hit_in_window(&name, &hashed, mark, bucket, now - window).await?;
    if counted <= i64::from(max) {
        return Ok(());
    }
    // Over the limit (rare): when will it allow one more?
    let buckets = services.db.rate_buckets(&name, &hashed, now - window).await?;
    let Some(retry_after) = wait_until_at_most(&buckets, i64::from(max), window, now) else { return Ok(()) };
    tracing::info!(scope = %name, retry_after, "rate limit reached");
    services.metrics.rate_limited(&name);
    match scope {
        Scope::ResetByAccountPerDay => Err(FlowError::SelfServicePaused { retry_after }),
        _ => Err(FlowError::RateLimited { retry_after }),
    }
}

#[cfg(test)]
mod tests {
    use super::group_address;

    #[test]
    fn ipv6_addresses_are_grouped_by_prefix_and_ipv4_ones_are_not() {
        assert_eq!(group_address("2001:db8:1:2::1", 64), "2001:db8:1:2::/64");
        assert_eq!(group_address("2001:db8:1:2:ffff:ffff:ffff:fffe", 64), "2001:db8:1:2::/64");
        assert_eq!(group_address("2001:db8:1:3::1", 64), "2001:db8:1:3::/64");
        assert_eq!(group_address("2001:db8:1:2::1", 48), "2001:db8:1::/48");
        assert_eq!(group_address("2001:db8::1", 128), "2001:db8::1/128");
        assert_eq!(group_address("::ffff:192.0.2.10", 64), "192.0.2.10");
        assert_eq!(group_address("192.0.2.10", 64), "192.0.2.10");
        assert_eq!(group_address("not an address", 64), "not an address");
    }
}
