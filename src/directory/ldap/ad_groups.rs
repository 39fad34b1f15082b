//! Active Directory group membership from the account's `tokenGroups`: every security group it
//! belongs to, through any depth of nesting and including its primary group (`primaryGroupID`,
//! usually Domain Users, which no group's `member` names), computed by the DC from its own
//! indexes. One base search reads them on the account; the SIDs are then turned into group
//! DNs (as policy names groups) by searches of up to [`BATCH`] SIDs each, and the answers kept
//! for [`TTL`] so a look-up usually costs that one base search. This replaces one in-chain
//! search per look-up, which walks the whole group tree and is slow in large domains.
//!
//! `tokenGroups` holds security groups only: a distribution group never counts for scope.
//! Should the DC hand the values out in ranges (`tokenGroups;range=0-1499`), the next ranges
//! are asked for until the last (`…-*`), so a person in thousands of groups is judged on all.
//! The primary group's SID (the domain part of the account's `objectSid` and the RID in
//! `primaryGroupID`) is added in case a DC leaves it out.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use ldap3::{Scope, SearchEntry};

use super::by_id::sid_string;
use super::conn::Retry;
use super::{LdapDirectory, ad, first, logged};
use crate::directory::DirError;

const TOKEN_GROUPS: &str = "tokenGroups";
const OBJECT_SID: &str = "objectSid";
const PRIMARY_GROUP_ID: &str = "primaryGroupID";
/// SIDs resolved in one search.
const BATCH: usize = 100;
/// How long a SID's group DN (or its absence under the base) is remembered.
const TTL: Duration = Duration::from_secs(300);
/// Entries kept before the cache starts afresh.
const CACHE_LIMIT: usize = 100_000;
/// Ranges of `tokenGroups` asked for at most.
const MAX_RANGES: usize = 64;

/// The DN of the group under the base (`None`: there is none there), and when it was read.
type Resolved = (Option<String>, Instant);

/// SID (binary) → what it resolved to.
#[derive(Default)]
pub struct SidCache(Mutex<HashMap<Vec<u8>, Resolved>>);

impl SidCache {
    fn get(&self, sid: &[u8], now: Instant) -> Option<Option<String>> {
        let map = self.0.lock().ok()?;
        map.get(sid).filter(|(_, at)| now.duration_since(*at) < TTL).map(|(dn, _)| dn.clone())
    }

    fn put(&self, sid: Vec<u8>, dn: Option<String>, now: Instant) {
        if let Ok(mut map) = self.0.lock() {
            if map.len() >= CACHE_LIMIT {
                map.clear();
            }
            map.insert(sid, (dn, now));
        }
    }
}

/// The SID of the account's primary group: its own SID with the last part replaced by `rid`.
pub fn primary_group_sid(own: &[u8], rid: u32) -> Option<Vec<u8>> {
    sid_string(own)?;
    let count = usize::from(*own.get(1)?);
    if count == 0 {
        return None;
    }
    let mut sid = own.to_vec();
    let last = 8 + 4 * (count - 1);
    sid.get_mut(last..last + 4)?.copy_from_slice(&rid.to_le_bytes());
    Some(sid)
}

/// `start-end` of a ranged attribute name (`tokenGroups;range=0-1499`); `end` is `None` for `*`.
fn range_of(name: &str) -> Option<(u64, Option<u64>)> {
    let (_, range) = name.split_once(";range=").or_else(|| name.split_once(";Range="))?;
    let (start, end) = range.split_once('-')?;
    Some((start.parse().ok()?, if end == "*" { None } else { Some(end.parse().ok()?) }))
}

/// Values of `tokenGroups` in `entry` under any name (plain or ranged), and where to go on.
fn token_values(entry: &SearchEntry) -> (Vec<Vec<u8>>, Option<u64>) {
    let mut out = Vec::new();
    let mut next = None;
    let named = |k: &String| k.to_ascii_lowercase().starts_with("tokengroups");
    for (name, vals) in entry.bin_attrs.iter().filter(|(k, _)| named(k)) {
        out.extend(vals.iter().cloned());
        if let Some((_, Some(end))) = range_of(name) {
            next = Some(end + 1);
        }
    }
    for (name, vals) in entry.attrs.iter().filter(|(k, _)| named(k)) {
        out.extend(vals.iter().map(|v| v.as_bytes().to_vec()));
        if let Some((_, Some(end))) = range_of(name) {
            next = Some(end + 1);
        }
    }
    (out, next)
}

pub(super) fn binary_first(entry: &SearchEntry, name: &str) -> Option<Vec<u8>> {
    let bin = entry.bin_attrs.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).and_then(|(_, v)| v.first());
    bin.cloned().or_else(|| first(entry, name).map(|s| s.as_bytes().to_vec()))
}

/// A binary value as a filter value: every byte `\xx`.
fn escaped(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("\\{b:02x}")).collect()
}

impl LdapDirectory {
    /// Groups the account belongs to, directly, through nesting or as its primary group.
    pub(super) async fn ad_groups(&self, dn: &str) -> Result<Vec<String>, DirError> {
        let sids = self.token_sids(dn).await?;
        let now = Instant::now();
        let mut groups = Vec::new();
        let mut unknown = Vec::new();
        for sid in sids {
            match self.sid_names.get(&sid, now) {
                Some(Some(group)) => groups.push(group),
                Some(None) => {}
                None => unknown.push(sid),
            }
        }
        for batch in unknown.chunks(BATCH) {
            let found = self.resolve_sids(batch).await?;
            for sid in batch {
                let group = found.iter().find(|(s, _)| s == sid).map(|(_, dn)| dn.clone());
                groups.extend(group.clone());
                self.sid_names.put(sid.clone(), group, now);
            }
        }
        Ok(groups)
    }

    /// The SIDs of every group in the account's token, its primary group included.
    async fn token_sids(&self, dn: &str) -> Result<Vec<Vec<u8>>, DirError> {
        let mut sids: Vec<Vec<u8>> = Vec::new();
        let mut attrs: Vec<String> = vec![TOKEN_GROUPS.into(), OBJECT_SID.into(), PRIMARY_GROUP_ID.into()];
        for _ in 0..MAX_RANGES {
            let entry = self.base_entry(dn, attrs).await?;
            let (values, next) = token_values(&entry);
            sids.extend(values);
            if let (Some(own), Some(rid)) = (
                binary_first(&entry, OBJECT_SID),
                first(&entry, PRIMARY_GROUP_ID).and_then(|v| v.trim().parse::<u32>().ok()),
            ) {
                sids.extend(primary_group_sid(&own, rid));
            }
            match next {
                None => {
                    sids.sort();
                    sids.dedup();
                    return Ok(sids);
                }
                Some(start) => attrs = vec![format!("{TOKEN_GROUPS};range={start}-*")],
            }
        }
        tracing::warn!(dn, "tokenGroups came in more than {MAX_RANGES} ranges; the rest is not read");
        sids.sort();
        sids.dedup();
        Ok(sids)
    }

    async fn base_entry(&self, dn: &str, attrs: Vec<String>) -> Result<SearchEntry, DirError> {
        let found = self.read_base(dn, attrs).await?;
        if found.1.rc != 0 {
            return Err(logged("tokenGroups", dn, &found.1));
        }
        found.0.into_iter().next().map(SearchEntry::construct).ok_or(DirError::NotFound)
    }

    /// (SID, DN) of the groups with these SIDs under the group base.
    async fn resolve_sids(&self, sids: &[Vec<u8>]) -> Result<Vec<(Vec<u8>, String)>, DirError> {
        let base = if self.config.group_base_dn.trim().is_empty() {
            ad::domain_dn(&self.config.base_dn)
        } else {
            self.config.group_base_dn.clone()
        };
        let any: String = sids.iter().map(|s| format!("({OBJECT_SID}={})", escaped(s))).collect();
        let filter = format!("(&(objectClass=group)(|{any}))");
        let timeout = self.connector().timeout();
        let (base, filter) = (base.as_str(), filter.as_str());
        let found = self
            .pool
            .run(Retry::Idempotent, |mut ldap| async move {
                ldap.with_timeout(timeout).search(base, Scope::Subtree, filter, vec![OBJECT_SID]).await
            })
            .await?;
        if found.1.rc != 0 {
            return Err(logged("group SID search", base, &found.1));
        }
        Ok(found
            .0
            .into_iter()
            .map(SearchEntry::construct)
            .filter_map(|e| binary_first(&e, OBJECT_SID).map(|sid| (sid, e.dn)))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sid(subs: &[u32]) -> Vec<u8> {
        let mut b = vec![1, u8::try_from(subs.len()).unwrap(), 0, 0, 0, 0, 0, 5];
        for s in subs {
            b.extend_from_slice(&s.to_le_bytes());
        }
        b
    }

    #[test]
    fn the_primary_group_is_the_domain_sid_and_the_rid() {
        let own = sid(&[21, 1, 2, 3, 1107]);
        let primary = primary_group_sid(&own, 513).unwrap();
        assert_eq!(sid_string(&primary).as_deref(), Some("S-1-5-21-1-2-3-513"));
        assert!(primary_group_sid(&own[..10], 513).is_none());
    }

    #[test]
    fn ranged_token_groups_say_where_to_go_on() {
        assert_eq!(range_of("tokenGroups;range=0-1499"), Some((0, Some(1499))));
        assert_eq!(range_of("tokenGroups;range=1500-*"), Some((1500, None)));
        assert_eq!(range_of("tokenGroups"), None);
        let mut e = SearchEntry { dn: "x".into(), attrs: HashMap::new(), bin_attrs: HashMap::new() };
        e.bin_attrs.insert("tokenGroups;range=0-1".into(), vec![sid(&[21, 1, 2, 3, 1000]), sid(&[21, 1, 2, 3, 1001])]);
        let (values, next) = token_values(&e);
        assert_eq!((values.len(), next), (2, Some(2)));
        let mut last = SearchEntry { dn: "x".into(), attrs: HashMap::new(), bin_attrs: HashMap::new() };
        last.bin_attrs.insert("tokenGroups;range=2-*".into(), vec![sid(&[21, 1, 2, 3, 1002])]);
        assert_eq!(token_values(&last).1, None);
    }

    #[test]
    fn a_sid_is_escaped_byte_by_byte() {
        assert_eq!(escaped(&[1, 0x2a, 0xff]), r"\01\2a\ff");
    }
}
