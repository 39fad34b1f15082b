//! When each Entra account's password expires, for the expiry reminders: the account listing
//! of `listing.rs` with `lastPasswordChangeDateTime`, `passwordPolicies` and
//! `preferredLanguage`, and the tenant's domains with their `passwordValidityPeriodInDays`.
//!
//! A cloud account's password expires `passwordValidityPeriodInDays` after its last change,
//! by the domain of its user principal name; never when its `passwordPolicies` holds
//! `DisablePasswordExpiration` or the domain's period is 2147483647 (Entra's "never"). A domain
//! without a period has Entra's default of 90 days. Synced accounts expire by the on-premises
//! directory's policy, so their expiry comes from that directory. One account's expiry
//! (`expiry_of`, for the API's person status) is read the same way from that account alone.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::AtomicUsize;

use serde::Deserialize;

use super::client::Call;
use super::listing::{LIST_SELECT, Page, cloud_member, with_entra_groups};
use super::{GraphDirectory, app_error, parse};
use crate::clock::UnixTime;
use crate::directory::expiry::{Expiring, Expiry, Throttle};
use crate::directory::ldap::dn_key;
use crate::directory::{DirError, DirUser};

/// The properties of a user that say when its password expires.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub(super) struct PasswordFacts {
    last_password_change_date_time: Option<String>,
    password_policies: Option<String>,
    preferred_language: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Domain {
    id: String,
    password_validity_period_in_days: Option<i64>,
}

/// Entra's value for "passwords never expire" in a domain.
const NEVER_DAYS: i64 = 2_147_483_647;
/// Entra's period where a domain sets none.
const DEFAULT_DAYS: i64 = 90;

impl GraphDirectory {
    /// See [`crate::directory::Directory::list_password_expiry`].
    pub(super) async fn list_expiry(&self, limit: usize, throttle: &Throttle) -> Result<Vec<Expiring>, DirError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let periods = self.validity_periods().await?;
        let select = format!("{LIST_SELECT},lastPasswordChangeDateTime,passwordPolicies,preferredLanguage");
        let accounts = self.accounts(&select, limit, &AtomicUsize::new(0), throttle).await?;
        let members = self.scope_members(&accounts).await?;
        let mut out = Vec::with_capacity(accounts.cloud.len());
        for mut user in accounts.cloud {
            let facts = std::mem::take(&mut user.password);
            let period = period_of(&periods, user.user_principal_name.as_deref());
            let changed_at = facts.last_password_change_date_time.as_deref().and_then(rfc3339);
            out.push(Expiring {
                user: cloud_member(user, &members),
                changed_at,
                expires: cloud_expiry(changed_at, period, facts.password_policies.as_deref()),
                language: facts.preferred_language.filter(|l| !l.trim().is_empty()),
            });
        }
        if let (Some(on_premises), false) = (&self.on_premises, accounts.synced.is_empty()) {
            let synced: HashMap<String, String> = accounts
                .synced
                .iter()
                .filter_map(|u| Some((dn_key(u.on_premises_distinguished_name.as_deref()?), u.id.clone())))
                .collect();
            for mut local in on_premises.list_password_expiry(limit, throttle).await? {
                if let Some(graph_id) = synced.get(&dn_key(&local.user.dn)) {
                    local.user = with_entra_groups(local.user, graph_id, &members);
                    out.push(local);
                }
            }
        }
        Ok(out)
    }

    /// See [`crate::directory::Directory::password_expiry`]: a cloud account's from its own
    /// properties and its domain's period, a synced account's from the on-premises directory.
    pub(super) async fn expiry_of(&self, user: &DirUser) -> Result<Option<Expiry>, DirError> {
        if let Some(on_premises) = self.routed(user) {
            return on_premises?.password_expiry(user).await;
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct One {
            user_principal_name: Option<String>,
            #[serde(flatten)]
            password: PasswordFacts,
        }
        let path = format!("/users/{}", user.id.as_str());
        let query = [("$select", "userPrincipalName,lastPasswordChangeDateTime,passwordPolicies")];
        let bytes = self
            .app_call(Call::get("read password expiry", &path, &query))
            .await
            .map_err(|e| app_error(e, "User.Read.All"))?;
        let one: One = parse(&bytes)?;
        let period = period_of(&self.validity_periods().await?, one.user_principal_name.as_deref());
        let changed_at = one.password.last_password_change_date_time.as_deref().and_then(rfc3339);
        Ok(Some(cloud_expiry(changed_at, period, one.password.password_policies.as_deref())))
    }

    /// Each domain of the tenant (lower case) with its period in days; `None` for never.
    async fn validity_periods(&self) -> Result<HashMap<String, Option<i64>>, DirError> {
        const PERMISSION: &str = "Domain.Read.All";
        let query = [("$select", "id,passwordValidityPeriodInDays")];
        let bytes =
            self.app_call(Call::get("list domains", "/domains", &query)).await.map_err(|e| app_error(e, PERMISSION))?;
        let page: Page<Domain> = parse(&bytes)?;
        let periods = page.value.into_iter().map(|d| {
            let days = d.password_validity_period_in_days.unwrap_or(DEFAULT_DAYS);
            (d.id.to_ascii_lowercase(), (days > 0 && days < NEVER_DAYS).then_some(days))
        });
        Ok(periods.collect::<HashMap<_, _>>())
    }
}

/// The period of the domain of `upn` (Entra's default for a domain that sets none).
fn period_of(periods: &HashMap<String, Option<i64>>, upn: Option<&str>) -> Option<i64> {
    let domain = upn.and_then(|upn| upn.rsplit_once('@')).map(|(_, d)| d.to_ascii_lowercase());
    domain.and_then(|d| periods.get(&d).copied()).unwrap_or(Some(DEFAULT_DAYS))
}

/// When a cloud account's password expires.
fn cloud_expiry(changed_at: Option<UnixTime>, period_days: Option<i64>, policies: Option<&str>) -> Expiry {
    let exempt: HashSet<&str> = policies.unwrap_or("").split(',').map(str::trim).collect();
    match (period_days, changed_at) {
        _ if exempt.contains("DisablePasswordExpiration") => Expiry::Never,
        (None, _) => Expiry::Never,
        (Some(days), Some(changed)) => Expiry::At(changed + days * 86_400),
        (Some(_), None) => Expiry::Unknown,
    }
}

fn rfc3339(text: &str) -> Option<UnixTime> {
    time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).ok().map(|t| t.unix_timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cloud_password_expires_after_its_domains_period_unless_exempt() {
        let changed = rfc3339("2026-12-01T08:00:00Z");
        assert_eq!(changed, Some(1_796_112_000));
        assert_eq!(cloud_expiry(changed, Some(90), None), Expiry::At(1_796_112_000 + 90 * 86_400));
        assert_eq!(
            cloud_expiry(changed, Some(90), Some("DisableStrongPassword, DisablePasswordExpiration")),
            Expiry::Never
        );
        assert_eq!(cloud_expiry(changed, None, None), Expiry::Never);
        assert_eq!(cloud_expiry(None, Some(90), Some("None")), Expiry::Unknown);
    }
}
