//! Every account under the base, for the admin's coverage report: a few paged searches on a
//! connection of their own, joined in memory, never a query per account. First the groups
//! (unless the accounts carry their memberships themselves), then the accounts.
//!
//! Groups come out as `find_user` gives them, nested ones included: OpenLDAP's `memberOf`
//! (followed through the groups' own `memberOf`), or the groups under `group_base_dn` naming
//! the account in `group_member_attribute` (followed through the groups naming those groups);
//! Active Directory's nesting is followed upwards through each security group's `memberOf`,
//! from the account's `memberOf` and its primary group, which is what `tokenGroups` holds.
//!
//! Pages of 500 stay under Active Directory's MaxPageSize (1000). slapd applies its size limit
//! to a whole paged search, so a listing it cuts short is an error that names the limit, never
//! a list that only looks complete.

use std::collections::{HashMap, HashSet};
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use ldap3::adapters::{Adapter, EntriesOnly, PagedResults};
use ldap3::{Ldap, Scope, SearchEntry};

use super::by_id::sid_string;
use super::dn::{dn_key, is_under};
use super::{LdapDirectory, MEMBER_OF, ad, ad_groups, connection_error, first, logged, values};
use crate::config::LdapFlavour;
use crate::directory::expiry::Throttle;
use crate::directory::{DirError, DirUser};

/// Entries per page of a paged search.
const PAGE_SIZE: i32 = 500;

/// Where an account's groups come from.
enum Memberships {
    /// Its own `memberOf`, followed through nested groups (OpenLDAP without `group_base_dn`:
    /// the groups' own `memberOf`; Active Directory).
    Nested(GroupGraph),
    /// Account key → DNs of the groups naming it as a member, followed through nested groups.
    ByMember(HashMap<String, Vec<String>>, GroupGraph),
}

/// Groups and the groups each one is a direct member of.
struct GroupGraph {
    /// Group key → (the group's DN as the directory spells it, keys of its own groups).
    groups: HashMap<String, (String, Vec<String>)>,
    /// Key of the base `find_user` searches groups under; only groups below it are reported.
    base: String,
    /// Whether a direct group the graph does not hold is still reported (OpenLDAP's graph holds
    /// only the groups that are members of others).
    keep_unknown: bool,
    /// Active Directory: group SID (`S-1-…`) → DN, to find each account's primary group.
    by_sid: HashMap<String, String>,
}

impl GroupGraph {
    /// The groups below the base that `direct` leads to, directly or through nesting.
    fn closure(&self, direct: &[String]) -> Vec<String> {
        let mut seen = HashSet::new();
        let mut queue: Vec<(String, Option<&str>)> = direct.iter().map(|dn| (dn_key(dn), Some(dn.as_str()))).collect();
        let mut out = Vec::new();
        while let Some((key, given)) = queue.pop() {
            if !seen.insert(key.clone()) {
                continue; // also ends a cycle of groups within groups
            }
            match (self.groups.get(&key), given) {
                (Some((dn, parents)), _) => {
                    if is_under(&key, &self.base) {
                        out.push(dn.clone());
                    }
                    queue.extend(parents.iter().map(|p| (p.clone(), None)));
                }
                (None, Some(dn)) if self.keep_unknown && is_under(&key, &self.base) => out.push(dn.to_owned()),
                (None, _) => {}
            }
        }
        out
    }
}

impl GroupGraph {
    /// The DN of an Active Directory account's primary group (no group's `member` names it).
    fn primary_group(&self, entry: &SearchEntry) -> Option<String> {
        let own = ad_groups::binary_first(entry, "objectSid")?;
        let rid = first(entry, "primaryGroupID")?.trim().parse().ok()?;
        let sid = sid_string(&ad_groups::primary_group_sid(&own, rid)?)?;
        self.by_sid.get(&sid).cloned()
    }
}

impl Memberships {
    fn of(&self, entry: &SearchEntry) -> Vec<String> {
        match self {
            Memberships::ByMember(index, graph) => {
                graph.closure(index.get(&dn_key(&entry.dn)).map(Vec::as_slice).unwrap_or_default())
            }
            Memberships::Nested(graph) => {
                let mut direct = member_of(entry).to_vec();
                direct.extend(graph.primary_group(entry));
                graph.closure(&direct)
            }
        }
    }
}

impl LdapDirectory {
    /// See [`crate::directory::Directory::list_users`]; `progress` counts the accounts read.
    pub(super) async fn list(&self, limit: usize, progress: &AtomicUsize) -> Result<Vec<DirUser>, DirError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        // Not a pooled connection: a server keeps one paged search per connection, and a long
        // listing must not hold up the look-ups of people waiting on a page.
        let mut ldap = self.pool.fresh().await?;
        let listed = self.list_on(&mut ldap, limit, progress).await;
        let _ = ldap.unbind().await;
        listed
    }

    async fn list_on(&self, ldap: &mut Ldap, limit: usize, progress: &AtomicUsize) -> Result<Vec<DirUser>, DirError> {
        self.list_with(ldap, limit, progress, &[], &Throttle::unlimited(), |user, _| user).await
    }

    /// The listing, each account handed to `keep` with its entry (which also holds `extra`
    /// attributes), reading no faster than `throttle` lets.
    pub(super) async fn list_with<T>(
        &self,
        ldap: &mut Ldap,
        limit: usize,
        progress: &AtomicUsize,
        extra: &[&str],
        throttle: &Throttle,
        mut keep: impl FnMut(DirUser, &SearchEntry) -> T,
    ) -> Result<Vec<T>, DirError> {
        let memberships = match self.flavour {
            LdapFlavour::ActiveDirectory => Memberships::Nested(self.group_graph(ldap).await?),
            LdapFlavour::Openldap if self.config.group_base_dn.trim().is_empty() => {
                Memberships::Nested(self.member_of_graph(ldap).await?)
            }
            LdapFlavour::Openldap => {
                let index = self.members_index(ldap).await?;
                let graph = nesting_of(&index);
                Memberships::ByMember(index, graph)
            }
        };
        let mut attrs = self.user_attributes();
        if self.flavour == LdapFlavour::ActiveDirectory {
            attrs.extend([MEMBER_OF, "objectSid", "primaryGroupID"].map(str::to_owned));
        }
        attrs.extend(extra.iter().map(|a| (*a).to_owned()));
        let now = SystemTime::now();
        let mut users = Vec::new();
        let base = self.config.base_dn.as_str();
        let timeout = self.connector().timeout();
        let search = Search { what: "account listing", base, filter: &self.listing_filter(), attrs, throttle };
        paged_with(ldap, timeout, search, |entry| {
            users.extend(self.listed_user(&entry, &memberships, now).map(|user| keep(user, &entry)));
            progress.store(users.len(), Ordering::Relaxed);
            if users.len() >= limit { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        })
        .await?;
        Ok(users)
    }

    /// The accounts `find_user` could find: the configured filter and any login attribute
    /// present; in Active Directory user objects only (a computer is a user too, to AD).
    fn listing_filter(&self) -> String {
        let present: String = self.config.login_attributes.iter().map(|attr| format!("({attr}=*)")).collect();
        let accounts = match self.flavour {
            LdapFlavour::ActiveDirectory => "(objectClass=user)(!(objectClass=computer))",
            LdapFlavour::Openldap => "",
        };
        format!("(&{}{accounts}(|{present}))", self.config.user_filter.trim())
    }

    /// The account as `find_user` would describe it; `None` (logged) without a stable id.
    fn listed_user(&self, entry: &SearchEntry, memberships: &Memberships, now: SystemTime) -> Option<DirUser> {
        let (id, state) = match self.flavour {
            LdapFlavour::Openldap => Self::openldap_identity(entry),
            LdapFlavour::ActiveDirectory => ad::identity(entry, now),
        }?;
        let login = self.config.login_attributes.iter().find_map(|attr| first(entry, attr))?;
        Some(self.to_user(entry, login, id, state, memberships.of(entry)))
    }

    /// Member key → groups under `group_base_dn` naming it in `group_member_attribute`.
    async fn members_index(&self, ldap: &mut Ldap) -> Result<HashMap<String, Vec<String>>, DirError> {
        let attr = self.config.group_member_attribute.clone();
        let base = self.config.group_base_dn.as_str();
        let mut index: HashMap<String, Vec<String>> = HashMap::new();
        let filter = format!("({attr}=*)");
        paged(ldap, self.connector().timeout(), "group listing", base, &filter, vec![attr.clone()], |group| {
            for member in values(&group, &attr) {
                index.entry(dn_key(member)).or_default().push(group.dn.clone());
            }
            ControlFlow::Continue(())
        })
        .await?;
        Ok(index)
    }

    /// OpenLDAP without `group_base_dn`: the entries that are not accounts and carry the
    /// memberof overlay's `memberOf`, which are the groups within groups.
    async fn member_of_graph(&self, ldap: &mut Ldap) -> Result<GroupGraph, DirError> {
        let suffix = ad::domain_dn(&self.config.base_dn);
        let base = if suffix.is_empty() { self.config.base_dn.clone() } else { suffix };
        let accounts = self.config.user_filter.trim();
        let filter =
            if accounts.is_empty() { "(memberOf=*)".to_owned() } else { format!("(&(memberOf=*)(!{accounts}))") };
        let mut groups = HashMap::new();
        let attrs = vec![MEMBER_OF.to_owned()];
        paged(ldap, self.connector().timeout(), "group listing", &base, &filter, attrs, |group| {
            let parents = member_of(&group).iter().map(|dn| dn_key(dn)).collect();
            groups.insert(dn_key(&group.dn), (group.dn, parents));
            ControlFlow::Continue(())
        })
        .await?;
        Ok(GroupGraph { groups, base: String::new(), keep_unknown: true, by_sid: HashMap::new() })
    }

    /// Every group of the domain with its own `memberOf`. Groups outside the base `find_user`
    /// reports from are read too: nesting may pass through them.
    async fn group_graph(&self, ldap: &mut Ldap) -> Result<GroupGraph, DirError> {
        let reported = if self.config.group_base_dn.trim().is_empty() {
            ad::domain_dn(&self.config.base_dn)
        } else {
            self.config.group_base_dn.clone()
        };
        let domain = ad::domain_dn(&reported);
        let base = if domain.is_empty() { reported.clone() } else { domain };
        let (mut groups, mut by_sid) = (HashMap::new(), HashMap::new());
        let attrs = vec![MEMBER_OF.to_owned(), "objectSid".to_owned()];
        // Security groups only, as tokenGroups holds them (groupType bit 0x80000000).
        let security = "(&(objectClass=group)(groupType:1.2.840.113556.1.4.803:=2147483648))";
        paged(ldap, self.connector().timeout(), "group listing", &base, security, attrs, |group| {
            let parents = member_of(&group).iter().map(|dn| dn_key(dn)).collect();
            if let Some(sid) = ad_groups::binary_first(&group, "objectSid").and_then(|b| sid_string(&b)) {
                by_sid.insert(sid, group.dn.clone());
            }
            groups.insert(dn_key(&group.dn), (group.dn, parents));
            ControlFlow::Continue(())
        })
        .await?;
        Ok(GroupGraph { groups, base: dn_key(&reported), keep_unknown: false, by_sid })
    }
}

/// The nesting a members index describes: every group it names, with the groups naming it.
fn nesting_of(index: &HashMap<String, Vec<String>>) -> GroupGraph {
    let mut groups = HashMap::new();
    for dn in index.values().flatten() {
        let key = dn_key(dn);
        let parents = index.get(&key).map(|p| p.iter().map(|g| dn_key(g)).collect()).unwrap_or_default();
        groups.entry(key).or_insert_with(|| (dn.clone(), parents));
    }
    GroupGraph { groups, base: String::new(), keep_unknown: false, by_sid: HashMap::new() }
}

/// `memberOf` values. More than the server sends at once (1500 in AD) would come as a ranged
/// attribute, which is not followed: that is logged.
fn member_of(entry: &SearchEntry) -> &[String] {
    if entry.attrs.keys().any(|k| k.to_ascii_lowercase().starts_with("memberof;range=")) {
        tracing::warn!(dn = %entry.dn, "memberOf came in ranges (over 1500 groups); only the first range is used");
    }
    values(entry, MEMBER_OF)
}

/// Runs a paged subtree search and hands each entry to `each` until it says stop. Continuation
/// references are skipped. A search the server ends early (size or administrative limit) is an
/// error: the caller would otherwise take part of the directory for all of it.
async fn paged(
    ldap: &mut Ldap,
    timeout: Duration,
    what: &str,
    base: &str,
    filter: &str,
    attrs: Vec<String>,
    each: impl FnMut(SearchEntry) -> ControlFlow<()>,
) -> Result<(), DirError> {
    let throttle = Throttle::unlimited();
    paged_with(ldap, timeout, Search { what, base, filter, attrs, throttle: &throttle }, each).await
}

/// One paged search: what it is for (for the log), where, what, and how fast.
struct Search<'a> {
    what: &'a str,
    base: &'a str,
    filter: &'a str,
    attrs: Vec<String>,
    /// Asked for each entry before the next is read: the next page is asked for only when
    /// this lets it.
    throttle: &'a Throttle,
}

/// [`paged`], reading no faster than the search's throttle lets.
async fn paged_with(
    ldap: &mut Ldap,
    timeout: Duration,
    search: Search<'_>,
    mut each: impl FnMut(SearchEntry) -> ControlFlow<()>,
) -> Result<(), DirError> {
    let Search { what, base, filter, attrs, throttle } = search;
    let adapters: Vec<Box<dyn Adapter<String, Vec<String>>>> =
        vec![Box::new(EntriesOnly::new()), Box::new(PagedResults::new(PAGE_SIZE))];
    let mut stream = ldap
        .with_timeout(timeout)
        .streaming_search_with(adapters, base, Scope::Subtree, filter, attrs)
        .await
        .map_err(|e| connection_error(&e))?;
    let mut seen = 0usize;
    let stopped = loop {
        match stream.next().await {
            Ok(Some(entry)) => {
                seen += 1;
                throttle.take(1).await;
                if each(SearchEntry::construct(entry)).is_break() {
                    break true;
                }
            }
            Ok(None) => break false,
            Err(e) => {
                let _ = stream.finish().await;
                tracing::warn!(base, error = %e, entries = seen, "{what} failed");
                return Err(connection_error(&e));
            }
        }
    };
    let result = stream.finish().await;
    if stopped {
        // Tell the server to stop sending the rest of the page.
        let handle = stream.ldap_handle();
        let id = handle.last_id();
        let _ = handle.abandon(id).await;
        return Ok(());
    }
    match result.rc {
        0 => Ok(()),
        // sizeLimitExceeded, adminLimitExceeded.
        4 | 11 => {
            tracing::warn!(base, rc = result.rc, text = %result.text, entries = seen, "{what} cut short by the directory's limit");
            Err(DirError::Unavailable(format!(
                "the directory stopped the {what} after {seen} entries (LDAP result {}): raise the service \
                 account's size limit (slapd: olcLimits for its DN with size.prtotal=unlimited)",
                result.rc
            )))
        }
        _ => Err(logged(what, base, &result)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(groups: &[(&str, &[&str])], base: &str) -> GroupGraph {
        let groups = groups
            .iter()
            .map(|(dn, parents)| (dn_key(dn), ((*dn).to_owned(), parents.iter().map(|p| dn_key(p)).collect())))
            .collect();
        GroupGraph { groups, base: dn_key(base), keep_unknown: false, by_sid: HashMap::new() }
    }

    fn sorted(mut v: Vec<String>) -> Vec<String> {
        v.sort();
        v
    }

    #[test]
    fn nesting_is_followed_through_cycles_and_groups_outside_the_base() {
        let g = graph(
            &[
                ("CN=inner,OU=Groups,DC=c", &["CN=hidden,OU=Elsewhere,DC=c"]),
                ("CN=hidden,OU=Elsewhere,DC=c", &["CN=outer,OU=Groups,DC=c"]),
                ("CN=outer,OU=Groups,DC=c", &["CN=inner,OU=Groups,DC=c"]),
                ("CN=unrelated,OU=Groups,DC=c", &[]),
            ],
            "OU=Groups,DC=c",
        );
        assert_eq!(
            sorted(g.closure(&["cn=INNER,ou=groups,dc=c".to_owned()])),
            vec!["CN=inner,OU=Groups,DC=c".to_owned(), "CN=outer,OU=Groups,DC=c".to_owned()]
        );
        assert!(g.closure(&["CN=not-a-known-group,DC=c".to_owned()]).is_empty());
        assert!(g.closure(&[]).is_empty());
    }
}
