//! When each account's password expires, for the expiry reminders: the account listing of
//! `listing.rs` with the attributes that tell; and one account's, read from its entry alone,
//! for the API's person status (`expiry_of`).
//!
//! OpenLDAP: `pwdChangedTime` plus the `pwdMaxAge` of the account's `pwdPolicySubentry`, or of
//! `directory.ppolicy_default_dn` without one; each policy is read once per listing. A
//! `pwdMaxAge` of 0 (or none) means never; an account without `pwdChangedTime` under a policy
//! with a maximum age is `Unknown` (ppolicy stamps it only when a policy with an age applies).
//!
//! Active Directory: the DC's own `msDS-UserPasswordExpiryTimeComputed` (domain policy, PSO,
//! "password never expires", all applied by the DC), and `pwdLastSet` as the change time.

use std::collections::HashMap;
use std::sync::atomic::AtomicUsize;

use ldap3::SearchEntry;

use super::ad_policy::last_set;
use super::{LdapDirectory, first};
use crate::clock::UnixTime;
use crate::config::LdapFlavour;
use crate::directory::expiry::{Expiring, Expiry, Throttle};
use crate::directory::{DirError, DirUser};

const LANGUAGE: &str = "preferredLanguage";
const AD_EXPIRY: &str = "msDS-UserPasswordExpiryTimeComputed";
const CHANGED: &str = "pwdChangedTime";
const SUBENTRY: &str = "pwdPolicySubentry";

/// An OpenLDAP account before its policy's maximum age is known.
struct Pending {
    user: DirUser,
    changed_at: Option<UnixTime>,
    policy: Option<String>,
    language: Option<String>,
}

impl LdapDirectory {
    /// See [`crate::directory::Directory::list_password_expiry`].
    pub(super) async fn list_expiry(&self, limit: usize, throttle: &Throttle) -> Result<Vec<Expiring>, DirError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let mut ldap = self.pool.fresh().await?;
        let progress = AtomicUsize::new(0);
        let listed = match self.flavour {
            LdapFlavour::ActiveDirectory => {
                let extra = [AD_EXPIRY, "pwdLastSet", LANGUAGE];
                self.list_with(&mut ldap, limit, &progress, &extra, throttle, ad_expiring).await
            }
            LdapFlavour::Openldap => {
                let default = Some(self.config.ppolicy_default_dn.trim()).filter(|d| !d.is_empty());
                let extra = [CHANGED, SUBENTRY, LANGUAGE];
                let pending = self
                    .list_with(&mut ldap, limit, &progress, &extra, throttle, |user, entry| Pending {
                        user,
                        changed_at: first(entry, CHANGED).and_then(generalized_time),
                        policy: first(entry, SUBENTRY).or(default).map(str::to_owned),
                        language: first(entry, LANGUAGE).map(str::to_owned),
                    })
                    .await;
                match pending {
                    Ok(pending) => self.with_max_ages(pending).await,
                    Err(e) => Err(e),
                }
            }
        };
        let _ = ldap.unbind().await;
        listed
    }

    /// See [`crate::directory::Directory::password_expiry`]: the same attributes as the
    /// listing, read from the one entry (`Unknown` when the entry cannot be read).
    pub(super) async fn expiry_of(&self, user: &DirUser) -> Result<Expiry, DirError> {
        let attrs = match self.flavour {
            LdapFlavour::ActiveDirectory => vec![AD_EXPIRY.to_owned()],
            LdapFlavour::Openldap => vec![CHANGED.to_owned(), SUBENTRY.to_owned()],
        };
        let found = self.read_base(&user.dn, attrs).await?;
        let Some(entry) = found.0.into_iter().next().map(SearchEntry::construct) else { return Ok(Expiry::Unknown) };
        if self.flavour == LdapFlavour::ActiveDirectory {
            return Ok(first(&entry, AD_EXPIRY).map_or(Expiry::Unknown, ad_expiry));
        }
        let default = Some(self.config.ppolicy_default_dn.trim()).filter(|d| !d.is_empty());
        let pending = Pending {
            user: user.clone(),
            changed_at: first(&entry, CHANGED).and_then(generalized_time),
            policy: first(&entry, SUBENTRY).or(default).map(str::to_owned),
            language: None,
        };
        Ok(self.with_max_ages(vec![pending]).await?.pop().map_or(Expiry::Unknown, |e| e.expires))
    }

    /// Reads the `pwdMaxAge` of every policy named, once, and computes each expiry.
    async fn with_max_ages(&self, pending: Vec<Pending>) -> Result<Vec<Expiring>, DirError> {
        let mut max_ages: HashMap<String, Option<i64>> = HashMap::new();
        for dn in pending.iter().filter_map(|p| p.policy.as_ref()) {
            if max_ages.contains_key(&dn.to_ascii_lowercase()) {
                continue;
            }
            let found = self.read_base(dn, vec!["pwdMaxAge".to_owned()]).await?;
            let age = found
                .0
                .into_iter()
                .next()
                .map(SearchEntry::construct)
                .and_then(|e| first(&e, "pwdMaxAge").and_then(|v| v.trim().parse::<i64>().ok()));
            if found.1.rc != 0 {
                tracing::warn!(policy = %dn, rc = found.1.rc, "a password policy could not be read; its accounts are taken never to expire");
            }
            max_ages.insert(dn.to_ascii_lowercase(), age.filter(|a| *a > 0));
        }
        Ok(pending
            .into_iter()
            .map(|p| {
                let max_age =
                    p.policy.as_ref().and_then(|dn| max_ages.get(&dn.to_ascii_lowercase()).copied().flatten());
                let expires = match (max_age, p.changed_at) {
                    (None, _) => Expiry::Never,
                    (Some(age), Some(changed)) => Expiry::At(changed + age),
                    (Some(_), None) => Expiry::Unknown,
                };
                Expiring { user: p.user, changed_at: p.changed_at, expires, language: p.language }
            })
            .collect())
    }
}

fn ad_expiring(user: DirUser, entry: &SearchEntry) -> Expiring {
    Expiring {
        user,
        changed_at: first(entry, "pwdLastSet").and_then(last_set),
        expires: first(entry, AD_EXPIRY).map_or(Expiry::Unknown, ad_expiry),
        language: first(entry, LANGUAGE).map(str::to_owned),
    }
}

/// `msDS-UserPasswordExpiryTimeComputed`: a FILETIME; 0 and i64::MAX mean never.
fn ad_expiry(raw: &str) -> Expiry {
    match raw.trim().parse::<i64>() {
        Ok(0 | i64::MAX) => Expiry::Never,
        Ok(_) => last_set(raw).map_or(Expiry::Unknown, Expiry::At),
        Err(_) => Expiry::Unknown,
    }
}

/// A GeneralizedTime in UTC (`20261206230000Z`, fractions ignored) as unix time.
fn generalized_time(raw: &str) -> Option<UnixTime> {
    let digits = raw.get(..14)?;
    let format = time::macros::format_description!("[year][month][day][hour][minute][second]");
    let at = time::PrimitiveDateTime::parse(digits, &format).ok()?;
    raw.ends_with('Z').then(|| at.assume_utc().unix_timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ppolicy_times_are_generalized_times_in_utc() {
        assert_eq!(generalized_time("19700101000100Z"), Some(60));
        assert_eq!(generalized_time("20261206230000.123Z"), Some(1_796_598_000));
        assert_eq!(generalized_time("20261206230000+0100"), None);
        assert_eq!(generalized_time("2026"), None);
    }

    #[test]
    fn the_computed_ad_expiry_says_never_with_zero_or_the_largest_value() {
        assert_eq!(ad_expiry("0"), Expiry::Never);
        assert_eq!(ad_expiry("9223372036854775807"), Expiry::Never);
        // 2026-12-06 23:00:00 UTC as a FILETIME.
        assert_eq!(ad_expiry("134410716000000000"), Expiry::At(1_796_598_000));
        assert_eq!(ad_expiry("soon"), Expiry::Unknown);
    }
}
