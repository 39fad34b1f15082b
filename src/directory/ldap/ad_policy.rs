//! Active Directory: the password rules that apply to an account, read so that a refusal can
//! be explained (Windows answers every one with `0000052D … data 0`, no reason) and the rules
//! shown before the person types.
//!
//! - The domain's policy: `minPwdLength`, `pwdHistoryLength`, `minPwdAge`, `maxPwdAge` and
//!   `pwdProperties` (bit 1: complexity) on the domain object. Every account may read these.
//!   Cached for [`DOMAIN_TTL`].
//! - A fine-grained policy (PSO): the account's constructed `msDS-ResultantPSO` names it (only
//!   returned when asked for by name), and its `msDS-MinimumPasswordLength`,
//!   `msDS-PasswordHistoryLength`, `msDS-MinimumPasswordAge`, `msDS-MaximumPasswordAge` and
//!   `msDS-PasswordComplexityEnabled` replace the domain's. Read per request, with `pwdLastSet`.
//!   Windows (and Samba 4.17) let only administrators read a PSO: the service account needs
//!   "Read" on `CN=Password Settings Container,CN=System,<domain>` (inherited by the PSOs) —
//!   see README. Without it the entry comes back with no attributes; rekey then uses the
//!   domain's policy and says so in the log.
//!
//! Intervals are negative counts of 100 ns (`-864000000000` is one day); `maxPwdAge` of
//! `-9223372036854775808` (or 0) means never. `pwdLastSet` is a FILETIME (100 ns since 1601).

use std::sync::Mutex;
use std::time::{Duration, Instant};

use ldap3::SearchEntry;

use super::ad::domain_dn;
use super::{LdapDirectory, first, logged};
use crate::clock::UnixTime;
use crate::directory::rules::{AccountRules, PasswordRules};
use crate::directory::{DirError, DirUser};

/// How long the domain's policy is kept before it is read again.
pub const DOMAIN_TTL: Duration = Duration::from_secs(300);

const DOMAIN_ATTRIBUTES: [&str; 5] = ["minPwdLength", "pwdHistoryLength", "minPwdAge", "maxPwdAge", "pwdProperties"];
const PSO_ATTRIBUTES: [&str; 5] = [
    "msDS-MinimumPasswordLength",
    "msDS-PasswordHistoryLength",
    "msDS-MinimumPasswordAge",
    "msDS-MaximumPasswordAge",
    "msDS-PasswordComplexityEnabled",
];
/// Constructed: only returned when asked for by name.
const RESULTANT_PSO: &str = "msDS-ResultantPSO";
const PWD_LAST_SET: &str = "pwdLastSet";
/// pwdProperties: DOMAIN_PASSWORD_COMPLEX.
const PASSWORD_COMPLEX: i64 = 0x1;
/// 100-ns intervals per second.
const TICKS: i64 = 10_000_000;
/// Seconds from 1601-01-01 to 1970-01-01.
const FILETIME_TO_UNIX: i64 = 11_644_473_600;

/// After a failed read, how long pages shown to everyone go without the domain's rules rather
/// than wait for an unreachable DC again.
pub const FAILED_TTL: Duration = Duration::from_secs(30);

/// The domain's rules once read, and when; when a read last failed.
#[derive(Default)]
pub struct DomainCache {
    rules: Mutex<Option<(Instant, PasswordRules)>>,
    failed: Mutex<Option<Instant>>,
}

impl DomainCache {
    fn fresh(&self) -> Option<PasswordRules> {
        let cached = self.rules.lock().ok()?;
        cached.as_ref().filter(|(at, _)| at.elapsed() < DOMAIN_TTL).map(|(_, rules)| rules.clone())
    }

    fn keep(&self, rules: &PasswordRules) {
        if let Ok(mut cached) = self.rules.lock() {
            *cached = Some((Instant::now(), rules.clone()));
        }
    }

    fn failed_recently(&self) -> bool {
        self.failed.lock().ok().and_then(|f| *f).is_some_and(|at| at.elapsed() < FAILED_TTL)
    }

    fn note_failure(&self) {
        if let Ok(mut failed) = self.failed.lock() {
            *failed = Some(Instant::now());
        }
    }
}

/// An AD interval (negative 100-ns count) in whole seconds; `None` for "never" (the smallest
/// i64, or 0 for a maximum age). Positive values are not written by AD; they are read as their
/// magnitude.
pub fn interval_secs(raw: &str) -> Option<i64> {
    let ticks: i64 = raw.trim().parse().ok()?;
    if ticks == i64::MIN {
        return None;
    }
    Some(i64::try_from(ticks.unsigned_abs() / TICKS.unsigned_abs()).unwrap_or(i64::MAX))
}

/// `pwdLastSet` as Unix time; `None` for 0 (must change at next logon) or unreadable.
pub fn last_set(raw: &str) -> Option<UnixTime> {
    let ticks: i64 = raw.trim().parse().ok()?;
    (ticks > 0).then(|| ticks / TICKS - FILETIME_TO_UNIX)
}

fn number(entry: &SearchEntry, name: &str) -> Option<u32> {
    first(entry, name).and_then(|v| v.trim().parse().ok())
}

/// The domain object's rules. Missing attributes count as "no rule".
pub fn domain_rules(entry: &SearchEntry) -> PasswordRules {
    let properties: i64 = first(entry, "pwdProperties").and_then(|v| v.trim().parse().ok()).unwrap_or(0);
    PasswordRules {
        min_length: number(entry, "minPwdLength").unwrap_or(0),
        history: number(entry, "pwdHistoryLength").unwrap_or(0),
        complexity: properties & PASSWORD_COMPLEX != 0,
        min_age_secs: first(entry, "minPwdAge").and_then(interval_secs).unwrap_or(0),
        max_age_secs: first(entry, "maxPwdAge").and_then(interval_secs).filter(|s| *s > 0),
    }
}

/// A PSO's rules; `None` when the entry came back without them (not readable).
pub fn pso_rules(entry: &SearchEntry) -> Option<PasswordRules> {
    let min_length = number(entry, "msDS-MinimumPasswordLength")?;
    Some(PasswordRules {
        min_length,
        history: number(entry, "msDS-PasswordHistoryLength").unwrap_or(0),
        complexity: first(entry, "msDS-PasswordComplexityEnabled")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("TRUE")),
        min_age_secs: first(entry, "msDS-MinimumPasswordAge").and_then(interval_secs).unwrap_or(0),
        max_age_secs: first(entry, "msDS-MaximumPasswordAge").and_then(interval_secs).filter(|s| *s > 0),
    })
}

impl LdapDirectory {
    /// One entry's attributes, read as the service account; `None` when there is no such entry.
    async fn read_entry(&self, what: &str, dn: &str, attrs: &[&str]) -> Result<Option<SearchEntry>, DirError> {
        let found = self.read_base(dn, attrs.iter().map(|a| (*a).to_owned()).collect()).await?;
        match found.1.rc {
            0 => Ok(found.0.into_iter().next().map(SearchEntry::construct)),
            32 => Ok(None),
            _ => Err(logged(what, dn, &found.1)),
        }
    }

    /// The domain's policy, from the cache when it is fresh.
    pub(super) async fn ad_domain_rules(&self) -> Result<PasswordRules, DirError> {
        if let Some(rules) = self.domain_policy.fresh() {
            return Ok(rules);
        }
        let domain = domain_dn(&self.config.base_dn);
        let entry = self.read_entry("domain password policy", &domain, &DOMAIN_ATTRIBUTES).await?;
        let rules = entry.as_ref().map(domain_rules).ok_or(DirError::NotFound)?;
        self.domain_policy.keep(&rules);
        Ok(rules)
    }

    /// The domain's policy for pages shown to everyone: `None` (logged) when it cannot be
    /// read, and for [`FAILED_TTL`] after that without asking again, so a DC that is down does
    /// not hold every page back.
    pub(super) async fn ad_rules_for_everyone(&self) -> Option<PasswordRules> {
        if let Some(rules) = self.domain_policy.fresh() {
            return Some(rules);
        }
        if self.domain_policy.failed_recently() {
            return None;
        }
        match self.ad_domain_rules().await {
            Ok(rules) => Some(rules),
            Err(err) => {
                self.domain_policy.note_failure();
                tracing::warn!(%err, "could not read the domain's password policy");
                None
            }
        }
    }

    /// The rules that apply to `user` now: its PSO's if it has a readable one, else the
    /// domain's; and when its password was last set.
    pub(super) async fn ad_account_rules(&self, user: &DirUser) -> Result<AccountRules, DirError> {
        let entry = self
            .read_entry("account password policy", &user.dn, &[RESULTANT_PSO, PWD_LAST_SET])
            .await?
            .ok_or(DirError::NotFound)?;
        let last_set = first(&entry, PWD_LAST_SET).and_then(last_set);
        let pso = match first(&entry, RESULTANT_PSO) {
            Some(dn) => match self.read_entry("password settings object", dn, &PSO_ATTRIBUTES).await {
                Ok(found) => {
                    let rules = found.as_ref().and_then(pso_rules);
                    if rules.is_none() {
                        tracing::warn!(
                            pso = dn,
                            user = %user.dn,
                            "the service account cannot read the account's password settings object \
                             (grant it Read on the Password Settings Container): using the domain's policy"
                        );
                    }
                    rules
                }
                Err(err) => {
                    tracing::warn!(pso = dn, user = %user.dn, %err, "could not read the password settings object: using the domain's policy");
                    None
                }
            },
            None => None,
        };
        let rules = match pso {
            Some(rules) => rules,
            None => self.ad_domain_rules().await?,
        };
        Ok(AccountRules { rules, last_set })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn entry(attrs: &[(&str, &str)]) -> SearchEntry {
        SearchEntry {
            dn: "DC=corp,DC=test".into(),
            attrs: attrs.iter().map(|(k, v)| ((*k).to_owned(), vec![(*v).to_owned()])).collect(),
            bin_attrs: HashMap::new(),
        }
    }

    #[test]
    fn intervals_are_negative_counts_of_100_ns() {
        assert_eq!(interval_secs("-864000000000"), Some(86_400), "one day");
        assert_eq!(interval_secs("-36288000000000"), Some(3_628_800), "42 days");
        assert_eq!(interval_secs("0"), Some(0));
        assert_eq!(interval_secs("-9223372036854775808"), None, "never");
        assert_eq!(interval_secs("-9223372036854775807"), Some(922_337_203_685));
        assert_eq!(interval_secs("864000000000"), Some(86_400), "a positive value is its magnitude");
        assert_eq!(interval_secs("-5"), Some(0), "under a second");
        assert_eq!(interval_secs("-9223372036854775809"), None, "out of range");
        assert_eq!(interval_secs("one day"), None);
        assert_eq!(interval_secs(""), None);
    }

    #[test]
    fn pwd_last_set_is_a_filetime() {
        // 2026-12-06 16:44:00 UTC = Unix 1796575440.
        assert_eq!(last_set("134410490400000000"), Some(1_796_575_440));
        assert_eq!(last_set("134410490409999999"), Some(1_796_575_440), "whole seconds");
        assert_eq!(last_set("116444736000000000"), Some(0), "the Unix epoch");
        assert_eq!(last_set("0"), None, "must change at next logon");
        assert_eq!(last_set("-1"), None);
        assert_eq!(last_set("x"), None);
    }

    #[test]
    fn the_domain_object_as_samba_returns_it() {
        let e = entry(&[
            ("pwdProperties", "1"),
            ("pwdHistoryLength", "3"),
            ("minPwdLength", "8"),
            ("minPwdAge", "0"),
            ("maxPwdAge", "-9223372036854775808"),
        ]);
        let want = PasswordRules { min_length: 8, history: 3, complexity: true, min_age_secs: 0, max_age_secs: None };
        assert_eq!(domain_rules(&e), want);
        let windows_default = entry(&[
            ("pwdProperties", "0"),
            ("pwdHistoryLength", "24"),
            ("minPwdLength", "7"),
            ("minPwdAge", "-864000000000"),
            ("maxPwdAge", "-36288000000000"),
        ]);
        let got = domain_rules(&windows_default);
        assert!(!got.complexity);
        assert_eq!((got.min_length, got.history, got.min_age_secs, got.max_age_secs), (7, 24, 86_400, Some(3_628_800)));
        assert_eq!(domain_rules(&entry(&[("maxPwdAge", "0")])).max_age_secs, None, "0 is never too");
    }

    #[test]
    fn a_pso_as_samba_returns_it_and_an_unreadable_one() {
        let e = entry(&[
            ("msDS-MaximumPasswordAge", "-9223372036854775808"),
            ("msDS-MinimumPasswordAge", "-864000000000"),
            ("msDS-MinimumPasswordLength", "12"),
            ("msDS-PasswordHistoryLength", "5"),
            ("msDS-PasswordComplexityEnabled", "TRUE"),
        ]);
        let want =
            PasswordRules { min_length: 12, history: 5, complexity: true, min_age_secs: 86_400, max_age_secs: None };
        assert_eq!(pso_rules(&e), Some(want));
        assert_eq!(pso_rules(&entry(&[])), None, "no attributes: not readable by the service account");
    }
}
