//! Every account of the tenant, for the admin's coverage report, described as `find_user`
//! describes it: `GET /users` in pages of 999 (Graph's largest), then, instead of one
//! checkMemberGroups per account, the transitive members of each policy group once.
//!
//! Accounts synced from on-premises AD are the on-premises directory's, as in `find_user`:
//! one listing of that directory is matched to them by `onPremisesDistinguishedName`, and only
//! those it does not match are looked up one by one. Without an on-premises directory they
//! cannot be served and are left out (logged).

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};

use reqwest::StatusCode;
use serde::Deserialize;

use super::client::{Bearer, Call, GraphFailure};
use super::{GraphDirectory, GraphUser, app_error, cloud_user, parse};
use crate::config::GraphLogin;
use crate::directory::expiry::Throttle;
use crate::directory::ldap::dn_key;
use crate::directory::{DirError, DirUser, Login};

/// `find_user`'s properties and the DN that links a synced account to its on-premises entry.
pub(super) const LIST_SELECT: &str = "id,userPrincipalName,displayName,accountEnabled,mail,otherMails,mobilePhone,\
                           onPremisesSyncEnabled,onPremisesSamAccountName,onPremisesDistinguishedName";

/// Graph's largest page for users and for group members.
const PAGE_SIZE: &str = "999";

/// One page of a collection.
#[derive(Deserialize)]
pub(super) struct Page<T> {
    pub(super) value: Vec<T>,
    #[serde(rename = "@odata.nextLink")]
    next_link: Option<String>,
}

/// A group member: a user, or a device, contact, service principal or nested group.
#[derive(Deserialize)]
struct Member {
    id: String,
    #[serde(rename = "@odata.type")]
    kind: Option<String>,
}

/// The Graph accounts of one listing, split by where `find_user` would look them up.
pub(super) struct Accounts {
    pub(super) cloud: Vec<GraphUser>,
    pub(super) synced: Vec<GraphUser>,
}

/// Each policy group with the ids of its users, directly or through nesting.
pub(super) type ScopeMembers<'a> = Vec<(&'a String, HashSet<String>)>;

/// A cloud account with the policy groups it is in, in policy order, as checkMemberGroups is
/// asked.
pub(super) fn cloud_member(user: GraphUser, members: &ScopeMembers<'_>) -> DirUser {
    let groups = members.iter().filter(|(_, ids)| ids.contains(&user.id)).map(|(g, _)| (*g).clone()).collect();
    let typed = user.mail.clone().unwrap_or_else(|| user.id.clone());
    cloud_user(user, &typed, groups)
}

/// An on-premises account with the Entra groups of its synced copy beside its own, as
/// `find_user` gives it.
pub(super) fn with_entra_groups(mut local: DirUser, graph_id: &str, members: &ScopeMembers<'_>) -> DirUser {
    for (group, ids) in members {
        if ids.contains(graph_id) && !local.groups.iter().any(|g| g.eq_ignore_ascii_case(group)) {
            local.groups.push((*group).clone());
        }
    }
    local
}

impl GraphDirectory {
    /// See [`crate::directory::Directory::list_users`].
    /// `progress` counts the accounts read so far.
    pub(super) async fn list(&self, limit: usize, progress: &AtomicUsize) -> Result<Vec<DirUser>, DirError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let accounts = self.accounts(LIST_SELECT, limit, progress, &Throttle::unlimited()).await?;
        let members = self.scope_members(&accounts).await?;
        let mut users: Vec<DirUser> = accounts.cloud.into_iter().map(|user| cloud_member(user, &members)).collect();
        for (local, graph_id) in self.on_premises_accounts(accounts.synced, limit).await? {
            users.push(with_entra_groups(local, &graph_id, &members));
        }
        Ok(users)
    }

    /// The transitive members of each policy group, in policy order, when there is anyone to
    /// place in them.
    pub(super) async fn scope_members(&self, accounts: &Accounts) -> Result<ScopeMembers<'_>, DirError> {
        let mut members = Vec::with_capacity(self.scope_groups.len());
        if !accounts.cloud.is_empty() || !accounts.synced.is_empty() {
            for group in &self.scope_groups {
                members.push((group, self.transitive_members(group).await?));
            }
        }
        Ok(members)
    }

    /// Up to `limit` accounts `find_user` could return, following `@odata.nextLink` one page
    /// at a time (never in parallel: Graph's budget is per app, and the client waits out each
    /// 429's Retry-After), counting them into `progress`.
    pub(super) async fn accounts(
        &self,
        select: &str,
        limit: usize,
        progress: &AtomicUsize,
        throttle: &Throttle,
    ) -> Result<Accounts, DirError> {
        let mut accounts = Accounts { cloud: Vec::new(), synced: Vec::new() };
        let mut unservable = 0usize;
        let query = [("$select", select), ("$top", PAGE_SIZE)];
        let mut bytes = self
            .app_call(Call::get("list users", "/users", &query))
            .await
            .map_err(|e| app_error(e, "User.Read.All"))?;
        'pages: loop {
            let page: Page<GraphUser> = parse(&bytes)?;
            drop(bytes);
            throttle.take(page.value.len()).await;
            for user in page.value {
                match (user.on_premises_sync_enabled == Some(true), &self.on_premises) {
                    (false, _) => accounts.cloud.push(user),
                    (true, Some(_)) => accounts.synced.push(user),
                    (true, None) => unservable += 1,
                }
                if accounts.cloud.len() + accounts.synced.len() >= limit {
                    break 'pages;
                }
            }
            progress.store(accounts.cloud.len() + accounts.synced.len() + unservable, Ordering::Relaxed);
            let Some(link) = page.next_link else { break };
            bytes = self
                .client
                .next_page("list users", &link, Bearer::App(&self.tokens))
                .await
                .map_err(|e| app_error(e, "User.Read.All"))?;
        }
        if unservable > 0 {
            tracing::error!(
                accounts = unservable,
                "accounts synced from on-premises Active Directory are left out of the listing: no \
                 on-premises directory is configured (directory.graph.on_premises)"
            );
        }
        Ok(accounts)
    }

    /// Ids of the users in `group`, directly or through nested groups: for every account at
    /// once, what checkMemberGroups answers for one.
    async fn transitive_members(&self, group: &str) -> Result<HashSet<String>, DirError> {
        const PERMISSION: &str = "GroupMember.Read.All";
        if uuid::Uuid::parse_str(group).is_err() {
            return Err(DirError::Unavailable(format!(
                "policy group {group:?} is not an Entra group object id; with a Graph directory, policy names groups by id"
            )));
        }
        let path = format!("/groups/{group}/transitiveMembers");
        let first = self.app_call(Call::get("list group members", &path, &[("$select", "id"), ("$top", PAGE_SIZE)]));
        let mut bytes = match first.await {
            Ok(bytes) => bytes,
            // checkMemberGroups finds nobody in a group that does not exist; nor does this.
            Err(Ok(GraphFailure { status: StatusCode::NOT_FOUND, request_id, .. })) => {
                tracing::warn!(%group, %request_id, "a policy group does not exist in Entra ID; nobody is in it");
                return Ok(HashSet::new());
            }
            Err(e) => return Err(app_error(e, PERMISSION)),
        };
        let mut ids = HashSet::new();
        loop {
            let page: Page<Member> = parse(&bytes)?;
            let users =
                page.value.into_iter().filter(|m| m.kind.as_deref().is_none_or(|k| k == "#microsoft.graph.user"));
            ids.extend(users.map(|m| m.id));
            let Some(link) = page.next_link else { return Ok(ids) };
            bytes = self
                .client
                .next_page("list group members", &link, Bearer::App(&self.tokens))
                .await
                .map_err(|e| app_error(e, PERMISSION))?;
        }
    }

    /// The on-premises accounts of synced Graph accounts, as `find_user` routes them, each with
    /// the Graph id of its synced copy.
    async fn on_premises_accounts(
        &self,
        synced: Vec<GraphUser>,
        limit: usize,
    ) -> Result<Vec<(DirUser, String)>, DirError> {
        let Some(on_premises) = &self.on_premises else { return Ok(Vec::new()) };
        if synced.is_empty() {
            return Ok(Vec::new());
        }
        let mut by_dn: HashMap<String, DirUser> =
            on_premises.list_users(limit).await?.into_iter().map(|u| (dn_key(&u.dn), u)).collect();
        let mut users = Vec::with_capacity(synced.len());
        let mut looked_up = 0usize;
        for user in synced {
            let key = user.on_premises_distinguished_name.as_deref().map(dn_key);
            if let Some(found) = key.and_then(|k| by_dn.remove(&k)) {
                users.push((found, user.id));
                continue;
            }
            let typed = match self.login_attribute {
                GraphLogin::Upn => user.user_principal_name,
                GraphLogin::Mail => user.mail,
            };
            let Some(login) = typed.as_deref().and_then(Login::parse) else { continue };
            looked_up += 1;
            users.extend(on_premises.find_user(&login).await?.map(|found| (found, user.id.clone())));
        }
        if looked_up > 0 {
            tracing::info!(
                accounts = looked_up,
                "synced accounts not matched by onPremisesDistinguishedName were looked up on-premises one by one"
            );
        }
        Ok(users)
    }
}
