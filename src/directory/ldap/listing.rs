//! Every account under the base, for the admin's coverage report: a few paged searches on a
//! connection of their own, joined in memory, never a query per account. First the groups
//! (unless the accounts carry their memberships themselves), then the accounts.
//!
//! Groups come out as `find_user` gives them: OpenLDAP's `memberOf`, or the groups under
//! `group_base_dn` naming the account in `group_member_attribute`; Active Directory's nesting
//! is followed upwards through each group's `memberOf`, which is what the in-chain rule of
//! `find_user` follows downwards through `member`.
//!
//! Pages of 500 stay under Active Directory's MaxPageSize (1000). slapd applies its size limit
//! to a whole paged search, so a listing it cuts short is an error that names the limit, never
//! a list that only looks complete.

use std::collections::{HashMap, HashSet};
use std::ops::ControlFlow;
use std::time::{Duration, SystemTime};

use ldap3::adapters::{Adapter, EntriesOnly, PagedResults};
use ldap3::{Ldap, Scope, SearchEntry};

use super::dn::{dn_key, is_under};
use super::{LdapDirectory, MEMBER_OF, ad, connection_error, first, logged, values};
use crate::config::LdapFlavour;
use crate::directory::{DirError, DirUser};

/// Entries per page of a paged search.
const PAGE_SIZE: i32 = 500;

/// Where an account's groups come from.
enum Memberships {
    /// Its own `memberOf` (OpenLDAP without `group_base_dn`).
    OnEntry,
    /// Account key → DNs of the groups naming it as a member.
    ByMember(HashMap<String, Vec<String>>),
    /// Active Directory: its `memberOf`, followed through nested groups.
    Nested(GroupGraph),
}

/// Every group of an Active Directory domain and the groups each one is a direct member of.
struct GroupGraph {
    /// Group key → (the group's DN as the directory spells it, keys of its own groups).
    groups: HashMap<String, (String, Vec<String>)>,
    /// Key of the base `find_user` searches groups under; only groups below it are reported.
    base: String,
}

impl GroupGraph {
    /// The groups below the base that `direct` leads to, directly or through nesting.
    fn closure(&self, direct: &[String]) -> Vec<String> {
        let mut seen = HashSet::new();
        let mut queue: Vec<String> = direct.iter().map(|dn| dn_key(dn)).collect();
        let mut out = Vec::new();
        while let Some(key) = queue.pop() {
            if !seen.insert(key.clone()) {
                continue; // also ends a cycle of groups within groups
            }
            if let Some((dn, parents)) = self.groups.get(&key) {
                if is_under(&key, &self.base) {
                    out.push(dn.clone());
                }
                queue.extend(parents.iter().cloned());
            }
        }
        out
    }
}

impl Memberships {
    fn of(&self, entry: &SearchEntry) -> Vec<String> {
        match self {
            Memberships::OnEntry => member_of(entry).to_vec(),
            Memberships::ByMember(index) => index.get(&dn_key(&entry.dn)).cloned().unwrap_or_default(),
            Memberships::Nested(graph) => graph.closure(member_of(entry)),
        }
    }
}

impl LdapDirectory {
    /// See [`crate::directory::Directory::list_users`].
    pub(super) async fn list(&self, limit: usize) -> Result<Vec<DirUser>, DirError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        // Not a pooled connection: a server keeps one paged search per connection, and a long
        // listing must not hold up the look-ups of people waiting on a page.
        let mut ldap = self.pool.fresh().await?;
        let listed = self.list_on(&mut ldap, limit).await;
        let _ = ldap.unbind().await;
        listed
    }

    async fn list_on(&self, ldap: &mut Ldap, limit: usize) -> Result<Vec<DirUser>, DirError> {
        let memberships = match self.flavour {
            LdapFlavour::ActiveDirectory => Memberships::Nested(self.group_graph(ldap).await?),
            LdapFlavour::Openldap if self.config.group_base_dn.trim().is_empty() => Memberships::OnEntry,
            LdapFlavour::Openldap => Memberships::ByMember(self.members_index(ldap).await?),
        };
        let mut attrs = self.user_attributes();
        if self.flavour == LdapFlavour::ActiveDirectory {
            attrs.push(MEMBER_OF.to_owned());
        }
        let now = SystemTime::now();
        let mut users = Vec::new();
        let base = self.config.base_dn.as_str();
        paged(ldap, self.connector().timeout(), "account listing", base, &self.listing_filter(), attrs, |entry| {
            users.extend(self.listed_user(&entry, &memberships, now));
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
        let mut groups = HashMap::new();
        let attrs = vec![MEMBER_OF.to_owned()];
        paged(ldap, self.connector().timeout(), "group listing", &base, "(objectClass=group)", attrs, |group| {
            let parents = member_of(&group).iter().map(|dn| dn_key(dn)).collect();
            groups.insert(dn_key(&group.dn), (group.dn, parents));
            ControlFlow::Continue(())
        })
        .await?;
        Ok(GroupGraph { groups, base: dn_key(&reported) })
    }
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
    mut each: impl FnMut(SearchEntry) -> ControlFlow<()>,
) -> Result<(), DirError> {
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
        GroupGraph { groups, base: dn_key(base) }
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
