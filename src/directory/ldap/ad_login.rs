//! Active Directory logins typed as `DOMAIN\user` (the down-level logon name Windows shows),
//! beside the configured login attributes (sAMAccountName, UPN, mail).
//!
//! The domain part must be the NetBIOS name of the accounts' domain: `directory.netbios_domain`
//! when set, otherwise read once from the DC (the `crossRef` of the domain under
//! `CN=Partitions` of the configuration naming context) and kept. The user part is then looked
//! up by sAMAccountName. Any other domain is treated as an unknown login, the same answer a
//! typo gets.

use ldap3::{Scope, SearchEntry};

use super::conn::Retry;
use super::{LdapDirectory, ad, escape_filter_value, first, logged};
use crate::directory::DirError;

/// Splits `DOMAIN\user`; `None` for anything else (no backslash, or an empty part).
pub fn split_down_level(login: &str) -> Option<(&str, &str)> {
    let (domain, user) = login.split_once('\\')?;
    let (domain, user) = (domain.trim(), user.trim());
    if domain.is_empty() || user.is_empty() || user.contains('\\') {
        return None;
    }
    Some((domain, user))
}

impl LdapDirectory {
    /// The search filter for an Active Directory login; `None` when the login names another
    /// domain (treated as unknown).
    pub(super) async fn ad_login_filter(&self, login: &str) -> Result<Option<String>, DirError> {
        if !login.contains('\\') {
            return Ok(Some(self.user_search_filter(login)));
        }
        let Some((domain, user)) = split_down_level(login) else {
            return Ok(None);
        };
        let netbios = self.netbios_domain().await?;
        if !domain.eq_ignore_ascii_case(&netbios) {
            return Ok(None);
        }
        Ok(Some(format!("(&{}(sAMAccountName={}))", self.config.user_filter.trim(), escape_filter_value(user))))
    }

    /// The NetBIOS name of the accounts' domain, configured or read from the DC once.
    async fn netbios_domain(&self) -> Result<String, DirError> {
        let configured = self.config.netbios_domain.trim();
        if !configured.is_empty() {
            return Ok(configured.to_owned());
        }
        self.netbios.get_or_try_init(|| self.discover_netbios()).await.cloned()
    }

    async fn discover_netbios(&self) -> Result<String, DirError> {
        let timeout = self.connector().timeout();
        let root = self
            .pool
            .run(Retry::Idempotent, |mut ldap| async move {
                ldap.with_timeout(timeout)
                    .search("", Scope::Base, "(objectClass=*)", vec!["configurationNamingContext"])
                    .await
            })
            .await?;
        if root.1.rc != 0 {
            return Err(logged("root DSE", "", &root.1));
        }
        let root = root.0.into_iter().next().map(SearchEntry::construct);
        let Some(configuration) = root.as_ref().and_then(|e| first(e, "configurationNamingContext")) else {
            return Err(DirError::Unavailable("the DC did not name its configuration naming context".into()));
        };
        let partitions = format!("CN=Partitions,{configuration}");
        let domain = ad::domain_dn(&self.config.base_dn);
        let filter = format!("(&(objectClass=crossRef)(nCName={})(nETBIOSName=*))", escape_filter_value(&domain));
        let (partitions, filter) = (partitions.as_str(), filter.as_str());
        let found = self
            .pool
            .run(Retry::Idempotent, |mut ldap| async move {
                ldap.with_timeout(timeout).search(partitions, Scope::OneLevel, filter, vec!["nETBIOSName"]).await
            })
            .await?;
        if found.1.rc != 0 {
            return Err(logged("NetBIOS domain name", partitions, &found.1));
        }
        let entry = found.0.into_iter().next().map(SearchEntry::construct);
        match entry.as_ref().and_then(|e| first(e, "nETBIOSName")) {
            Some(name) => {
                tracing::info!(netbios = name, domain = %domain, "NetBIOS domain name read from the DC");
                Ok(name.to_owned())
            }
            None => {
                Err(DirError::Unavailable(format!("no NetBIOS name found for {domain}: set directory.netbios_domain")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn down_level_logins_split_at_the_backslash() {
        assert_eq!(split_down_level(r"CORP\alice"), Some(("CORP", "alice")));
        assert_eq!(split_down_level(r" corp \ alice "), Some(("corp", "alice")));
        assert_eq!(split_down_level(r"\alice"), None);
        assert_eq!(split_down_level(r"CORP\"), None);
        assert_eq!(split_down_level(r"CORP\a\b"), None);
        assert_eq!(split_down_level("alice"), None);
    }
}
