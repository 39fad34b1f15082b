//! OpenLDAP groups within groups: an account's groups are the groups naming it and, level by
//! level, the groups naming those (groupOfNames within groupOfNames), so a nested group counts
//! for scope as it does in Active Directory.
//!
//! With `group_base_dn` set, each level is one search under it for groups naming any DN of the
//! level in `group_member_attribute`. Without it, the memberof overlay's `memberOf` is used:
//! the account's own values are its direct groups, and each level reads the `memberOf` the
//! overlay keeps on the groups themselves. Either way the walk is bounded (depth and number of
//! groups) and safe against cycles (a group is visited once).

use std::collections::HashSet;

use ldap3::{Scope, SearchEntry};

use super::conn::Retry;
use super::{LdapDirectory, MEMBER_OF, ad, dn_key, escape_filter_value, logged, values};
use crate::directory::DirError;

/// Levels of groups within groups followed above the account's direct groups.
const MAX_DEPTH: usize = 8;
/// Groups one account may collect; beyond this the walk stops (logged).
const MAX_GROUPS: usize = 5000;
/// DNs asked about in one search.
const BATCH: usize = 50;

impl LdapDirectory {
    /// The groups of an OpenLDAP account, nested ones included.
    pub(super) async fn openldap_groups(&self, entry: &SearchEntry) -> Result<Vec<String>, DirError> {
        let by_member_of = self.config.group_base_dn.trim().is_empty();
        let mut seen: HashSet<String> = HashSet::from([dn_key(&entry.dn)]);
        let mut groups = Vec::new();
        let mut level: Vec<String> = if by_member_of {
            let direct = values(entry, MEMBER_OF).to_vec();
            direct.into_iter().filter(|g| seen.insert(dn_key(g))).collect()
        } else {
            vec![entry.dn.clone()]
        };
        if by_member_of {
            groups.extend(level.iter().cloned());
        }
        for _ in 0..=MAX_DEPTH {
            if level.is_empty() {
                return Ok(groups);
            }
            let mut next = Vec::new();
            for batch in level.chunks(BATCH) {
                let parents =
                    if by_member_of { self.member_of_groups(batch).await? } else { self.groups_naming(batch).await? };
                next.extend(parents.into_iter().filter(|g| seen.insert(dn_key(g))));
            }
            groups.extend(next.iter().cloned());
            if groups.len() > MAX_GROUPS {
                tracing::warn!(dn = %entry.dn, "over {MAX_GROUPS} groups; the rest of the nesting is not followed");
                return Ok(groups);
            }
            level = next;
        }
        if !level.is_empty() {
            tracing::warn!(dn = %entry.dn, "groups nested deeper than {MAX_DEPTH} levels are not followed");
        }
        Ok(groups)
    }

    /// Groups under `group_base_dn` naming any of `dns` as a member.
    async fn groups_naming(&self, dns: &[String]) -> Result<Vec<String>, DirError> {
        let attr = &self.config.group_member_attribute;
        let any: String = dns.iter().map(|dn| format!("({attr}={})", escape_filter_value(dn))).collect();
        self.search_dns(self.config.group_base_dn.trim(), &format!("(|{any})"), "group search")
            .await
            .map(|found| found.into_iter().map(|e| e.dn).collect())
    }

    /// The `memberOf` values of the groups `dns`, read under the directory's suffix.
    async fn member_of_groups(&self, dns: &[String]) -> Result<Vec<String>, DirError> {
        let suffix = ad::domain_dn(&self.config.base_dn);
        let base = if suffix.is_empty() { self.config.base_dn.clone() } else { suffix };
        let any: String = dns.iter().map(|dn| format!("(entryDN={})", escape_filter_value(dn))).collect();
        let found = self.search_dns(&base, &format!("(|{any})"), "nested group search").await?;
        Ok(found.iter().flat_map(|e| values(e, MEMBER_OF).iter().cloned()).collect())
    }

    async fn search_dns(&self, base: &str, filter: &str, what: &str) -> Result<Vec<SearchEntry>, DirError> {
        let timeout = self.connector().timeout();
        let (entries, result) = self
            .pool
            .run(Retry::Idempotent, |mut ldap| async move {
                ldap.with_timeout(timeout).search(base, Scope::Subtree, filter, vec![MEMBER_OF]).await
            })
            .await
            .map(|r| (r.0, r.1))?;
        if result.rc != 0 {
            return Err(logged(what, base, &result));
        }
        Ok(entries.into_iter().map(SearchEntry::construct).collect())
    }
}
