//! The LDAP backend, in two flavours: OpenLDAP with the ppolicy overlay, and Active Directory
//! (its specifics in `ad.rs`).
//!
//! Look-ups, resets and unlocks run as the service account on pooled connections; binds and
//! changes as the user on connections of their own pool, each used by one person at a time
//! (`as_person.rs`); listings of every account (`listing.rs`) run on a fresh connection that
//! is closed afterwards. Every value put
//! into a filter is escaped (RFC 4515). LDAP result codes become [`DirError`]s here and go no
//! further. Never log or return a password: log lines carry the result code and the DN only.

mod ad;
mod ad_diagnostic;
mod ad_groups;
mod ad_hints;
mod ad_login;
mod ad_policy;
mod as_person;
mod by_id;
mod conn;
pub mod discovery;
mod dn;
pub mod escape;
mod expiry;
mod listing;
mod nested;
mod ppolicy;
mod reset;
mod search;

use std::collections::HashSet;
use std::sync::atomic::AtomicUsize;
use std::time::SystemTime;

use async_trait::async_trait;
use ldap3::{LdapError, LdapResult, Mod, Scope, SearchEntry, SearchOptions, SearchResult};
use secrecy::{ExposeSecret, SecretString};

use crate::config::{DirectoryConfig, LdapFlavour};
use crate::directory::expiry::{Expiring, Expiry, Throttle};
use crate::directory::{
    AccountState, DirError, DirUser, Directory, LockStatus, Login, PasswordWarning, PolicyReason, UserId,
};

pub use self::by_id::Protection;
use self::conn::{Connector, PersonPool, Retry, ServicePool};
pub use self::dn::{dn_key, is_under};
pub use self::escape::{escape_dn_value, escape_filter_value};
use self::ppolicy::{PpolicyError, PpolicyWarning};

const LOCKED_TIME: &str = "pwdAccountLockedTime";
/// The lock time ppolicy treats as "locked until an administrator unlocks".
const ADMIN_LOCK: &str = "000001010000Z";
const PWD_RESET: &str = "pwdReset";
const ENTRY_UUID: &str = "entryUUID";
const MEMBER_OF: &str = "memberOf";

/// A directory reached over LDAP (ldap3), configured by `[directory]`.
pub struct LdapDirectory {
    flavour: LdapFlavour,
    pool: ServicePool,
    /// Connections for binds as a person (OpenLDAP sign-ins and changes).
    persons: PersonPool,
    config: DirectoryConfig,
    /// Active Directory: the domain's NetBIOS name once read from the DC (`ad_login.rs`).
    netbios: tokio::sync::OnceCell<String>,
    /// Active Directory: group SIDs already turned into DNs (`ad_groups.rs`).
    sid_names: ad_groups::SidCache,
    /// Active Directory: whether the DC lists the policy-hints control, once read (`ad_hints.rs`).
    hints: tokio::sync::OnceCell<bool>,
    /// Active Directory: the domain's password policy, briefly (`ad_policy.rs`).
    domain_policy: ad_policy::DomainCache,
}

impl LdapDirectory {
    /// Prepares TLS and the (empty) connection pool. Does not contact the server: the portal
    /// starts while the directory is down, and each request then reports `Unavailable`.
    pub fn new(config: &DirectoryConfig) -> Result<LdapDirectory, DirError> {
        // Discovered DCs are always reached over TLS (`discovery.rs`): no URL to check.
        if config.discover_domain.trim().is_empty() {
            conn::check_urls(config)?;
        }
        let password = match &config.bind_password {
            Some(p) if !p.expose_secret().is_empty() => p.clone(),
            // An empty simple bind is an anonymous bind; never let it stand in for the service.
            _ => return Err(DirError::Denied("directory.bind_password is not set".into())),
        };
        let connector = Connector::new(config)?;
        // As many idle person connections as operations may run at once (within reason).
        let persons = PersonPool::new(connector.clone(), config.max_concurrent_ops.min(64));
        let pool = ServicePool::new(connector, config.bind_dn.clone(), password, config.pool_size);
        Ok(LdapDirectory {
            flavour: config.flavour,
            pool,
            persons,
            config: config.clone(),
            netbios: tokio::sync::OnceCell::new(),
            sid_names: ad_groups::SidCache::default(),
            hints: tokio::sync::OnceCell::new(),
            domain_policy: ad_policy::DomainCache::default(),
        })
    }

    fn connector(&self) -> &Connector {
        self.pool.connector()
    }

    /// `(&<user_filter>(|(<attr1>=<login>)(<attr2>=<login>)…))`, the login escaped.
    fn user_search_filter(&self, login: &str) -> String {
        let value = escape_filter_value(login);
        let alternatives: String =
            self.config.login_attributes.iter().map(|attr| format!("({attr}={value})")).collect();
        format!("(&{}(|{alternatives}))", self.config.user_filter.trim())
    }

    fn user_attributes(&self) -> Vec<String> {
        let c = &self.config;
        let mut attrs: Vec<String> = match self.flavour {
            LdapFlavour::Openldap => [ENTRY_UUID, LOCKED_TIME, PWD_RESET, MEMBER_OF].map(str::to_owned).to_vec(),
            LdapFlavour::ActiveDirectory => ad::STATE_ATTRIBUTES.map(str::to_owned).to_vec(),
        };
        attrs.extend(c.login_attributes.iter().cloned());
        attrs.extend([c.display_name_attribute.clone(), c.mail_attribute.clone(), c.phone_attribute.clone()]);
        attrs
    }

    /// The stable id and state of an OpenLDAP entry; `None` (logged) without an entryUUID.
    fn openldap_identity(entry: &SearchEntry) -> Option<(UserId, AccountState)> {
        let Some(id) = first(entry, ENTRY_UUID) else {
            tracing::warn!(dn = %entry.dn, "directory entry has no entryUUID; ignored");
            return None;
        };
        // ppolicy's "locked forever" value is how OpenLDAP admins disable an account: it must
        // read as disabled, never as a lockout that self-service could clear.
        let lock_times = values(entry, LOCKED_TIME);
        let disabled = lock_times.iter().any(|v| v == ADMIN_LOCK);
        let state = AccountState {
            disabled,
            locked: !lock_times.is_empty() && !disabled,
            must_change: first(entry, PWD_RESET).is_some_and(|v| v.eq_ignore_ascii_case("TRUE")),
            ..AccountState::default()
        };
        Some((UserId(id.to_owned()), state))
    }

    fn to_user(
        &self,
        entry: &SearchEntry,
        typed: &str,
        id: UserId,
        state: AccountState,
        groups: Vec<String>,
    ) -> DirUser {
        let login = self.config.login_attributes.first().and_then(|a| first(entry, a)).unwrap_or(typed).to_owned();
        let display_name = first(entry, &self.config.display_name_attribute).unwrap_or(&login).to_owned();
        DirUser {
            id,
            dn: entry.dn.clone(),
            login,
            display_name,
            emails: values(entry, &self.config.mail_attribute).to_vec(),
            phones: values(entry, &self.config.phone_attribute).to_vec(),
            groups,
            state,
        }
    }

    /// At most `limit` entries under `directory.base_dn` (subtree) that `filter` matches, with
    /// the user attributes: the server stops at the limit (sizeLimitExceeded is no error here).
    /// `what` names the search in a logged error.
    pub(super) async fn search_users_upto(
        &self,
        filter: &str,
        limit: usize,
        what: &str,
    ) -> Result<Vec<ldap3::ResultEntry>, DirError> {
        let attrs = self.user_attributes();
        let base = self.config.base_dn.as_str();
        let timeout = self.connector().timeout();
        let size = i32::try_from(limit).unwrap_or(i32::MAX);
        let found = self
            .pool
            .run(Retry::Idempotent, |mut ldap| {
                let (filter, attrs) = (filter.to_owned(), attrs.clone());
                async move {
                    ldap.with_search_options(SearchOptions::new().sizelimit(size))
                        .with_timeout(timeout)
                        .search(base, Scope::Subtree, &filter, attrs)
                        .await
                }
            })
            .await?;
        let (entries, result) = (found.0, found.1);
        // 4 = sizeLimitExceeded: more matched than the limit.
        if result.rc != 0 && result.rc != 4 {
            return Err(logged(what, base, &result));
        }
        Ok(entries)
    }

    /// The one entry under `directory.base_dn` (subtree) that `filter` matches, with the user
    /// attributes; `None` if none or several match (several are logged: the login is ambiguous).
    /// `what` names the search in a logged error.
    async fn search_one_user(&self, filter: &str, what: &str) -> Result<Option<SearchEntry>, DirError> {
        // Two are enough to know the match is ambiguous.
        let entries = self.search_users_upto(filter, 2, what).await?;
        if entries.len() > 1 {
            tracing::warn!(
                base = self.config.base_dn.as_str(),
                what,
                "a search for one account matches several directory entries; treated as unknown"
            );
        }
        let mut entries = entries.into_iter();
        let (Some(entry), None) = (entries.next(), entries.next()) else {
            return Ok(None);
        };
        Ok(Some(SearchEntry::construct(entry)))
    }

    /// The entry `dn` itself (base scope) with `attrs`, read as the service account; the result
    /// code is the caller's to judge.
    async fn read_base(&self, dn: &str, attrs: Vec<String>) -> Result<SearchResult, DirError> {
        let timeout = self.connector().timeout();
        self.pool
            .run(Retry::Idempotent, |mut ldap| {
                let attrs = attrs.clone();
                async move { ldap.with_timeout(timeout).search(dn, Scope::Base, "(objectClass=*)", attrs).await }
            })
            .await
    }

    /// The account a found entry describes, with its id, state and groups; `None` (logged)
    /// without a stable id.
    async fn user_from_entry(&self, entry: &SearchEntry, typed: &str) -> Result<Option<DirUser>, DirError> {
        let identity = match self.flavour {
            LdapFlavour::Openldap => Self::openldap_identity(entry),
            LdapFlavour::ActiveDirectory => ad::identity(entry, SystemTime::now()),
        };
        let Some((id, state)) = identity else {
            return Ok(None);
        };
        let groups = match self.flavour {
            LdapFlavour::ActiveDirectory => self.ad_groups(&entry.dn).await?,
            LdapFlavour::Openldap => self.openldap_groups(entry).await?,
        };
        Ok(Some(self.to_user(entry, typed, id, state, groups)))
    }

    /// Service-account modify of one entry; `ok_codes` are result codes that count as success.
    async fn modify(&self, what: &str, dn: &str, mods: Vec<Mod<String>>, ok_codes: &[u32]) -> Result<(), DirError> {
        let timeout = self.connector().timeout();
        let result = self
            .pool
            .run(Retry::Idempotent, |mut ldap| {
                let mods = mods.clone();
                async move { ldap.with_timeout(timeout).modify(dn, mods).await }
            })
            .await?;
        if result.rc == 0 || ok_codes.contains(&result.rc) { Ok(()) } else { Err(logged(what, dn, &result)) }
    }
}

#[async_trait]
impl Directory for LdapDirectory {
    async fn find_user(&self, login: &Login) -> Result<Option<DirUser>, DirError> {
        let filter = match self.flavour {
            LdapFlavour::Openldap => self.user_search_filter(login.as_str()),
            LdapFlavour::ActiveDirectory => match self.ad_login_filter(login.as_str()).await? {
                Some(filter) => filter,
                None => return Ok(None),
            },
        };
        match self.search_one_user(&filter, "user search").await? {
            Some(entry) => self.user_from_entry(&entry, login.as_str()).await,
            None => Ok(None),
        }
    }

    async fn search_users(&self, text: &str, limit: usize) -> Result<Vec<DirUser>, DirError> {
        self.search_people(text, limit).await
    }

    async fn verify_password(&self, user: &DirUser, password: &SecretString) -> Result<(), DirError> {
        self.verify_password_warned(user, password).await.map(|_| ())
    }

    async fn verify_password_warned(
        &self,
        user: &DirUser,
        password: &SecretString,
    ) -> Result<Option<PasswordWarning>, DirError> {
        if self.flavour == LdapFlavour::ActiveDirectory {
            return self.ad_verify_password(user, password).await.map(|()| None);
        }
        let (ldap, policy) = self.bind_as_user(user, password).await?;
        self.persons.give_back(ldap).await;
        match policy.error {
            Some(PpolicyError::ChangeAfterReset) => Err(DirError::MustChange),
            Some(PpolicyError::PasswordExpired) => Err(DirError::PasswordExpired),
            _ => Ok(policy.warning.map(|w| match w {
                PpolicyWarning::TimeBeforeExpiration(secs) => PasswordWarning::ExpiresInSecs(secs),
                PpolicyWarning::GraceAuthNsRemaining(n) => PasswordWarning::GraceLoginsLeft(n),
            })),
        }
    }

    async fn change_password(&self, user: &DirUser, old: &SecretString, new: &SecretString) -> Result<(), DirError> {
        if self.flavour == LdapFlavour::ActiveDirectory {
            return self.ad_change_password(user, old, new).await;
        }
        if new.expose_secret().is_empty() {
            return Err(DirError::PolicyViolation(PolicyReason::TooShort));
        }
        self.openldap_change(user, old, new).await
    }

    async fn reset_password(&self, user: &DirUser, new: &SecretString, must_change: bool) -> Result<(), DirError> {
        if new.expose_secret().is_empty() {
            return Err(DirError::PolicyViolation(PolicyReason::TooShort));
        }
        if self.flavour == LdapFlavour::ActiveDirectory {
            return self.ad_reset_password(user, new, must_change).await;
        }
        self.openldap_reset(user, new, must_change).await
    }

    async fn unlock(&self, user: &DirUser) -> Result<(), DirError> {
        if user.state.disabled {
            return Err(DirError::Disabled);
        }
        match self.flavour {
            // Deleting the lock time also makes slapd forget the failed binds that led to it.
            // 16 = noSuchAttribute: it was not locked.
            LdapFlavour::Openldap => {
                self.modify("unlock", &user.dn, vec![Mod::Delete(LOCKED_TIME.to_owned(), HashSet::new())], &[16]).await
            }
            LdapFlavour::ActiveDirectory => self.ad_unlock(user).await,
        }
    }

    async fn lock_status(&self, user: &DirUser) -> Result<LockStatus, DirError> {
        if self.flavour == LdapFlavour::ActiveDirectory {
            return self.ad_lock_status(user).await;
        }
        let dn = user.dn.as_str();
        let timeout = self.connector().timeout();
        let found = self
            .pool
            .run(Retry::Idempotent, |mut ldap| async move {
                ldap.with_timeout(timeout).search(dn, Scope::Base, "(objectClass=*)", vec![LOCKED_TIME]).await
            })
            .await?;
        if found.1.rc != 0 {
            return Err(logged("lock status", dn, &found.1));
        }
        let locked = found.0.into_iter().any(|e| !values(&SearchEntry::construct(e), LOCKED_TIME).is_empty());
        Ok(if locked { LockStatus::Locked } else { LockStatus::Unlocked })
    }

    async fn health(&self) -> Result<(), DirError> {
        let mut ldap = self.pool.fresh().await?;
        let _ = ldap.unbind().await;
        Ok(())
    }

    async fn list_users_counted(&self, limit: usize, progress: &AtomicUsize) -> Result<Vec<DirUser>, DirError> {
        self.list(limit, progress).await
    }

    async fn list_password_expiry(&self, limit: usize, throttle: &Throttle) -> Result<Vec<Expiring>, DirError> {
        self.list_expiry(limit, throttle).await
    }

    async fn password_expiry(&self, user: &DirUser) -> Result<Option<Expiry>, DirError> {
        self.expiry_of(user).await.map(Some)
    }

    async fn notes(&self) -> Vec<String> {
        self.ad_notes().await
    }

    async fn password_rules(&self, user: &DirUser) -> Result<Option<crate::directory::rules::AccountRules>, DirError> {
        match self.flavour {
            LdapFlavour::ActiveDirectory => self.ad_account_rules(user).await.map(Some),
            LdapFlavour::Openldap => Ok(None),
        }
    }

    async fn default_password_rules(&self) -> Option<crate::directory::rules::PasswordRules> {
        if self.flavour != LdapFlavour::ActiveDirectory {
            return None;
        }
        self.ad_rules_for_everyone().await
    }

    /// OpenLDAP's change binds as the person and answers that bind's refusals itself; AD's
    /// change runs on the service connection.
    fn change_proves_current(&self) -> bool {
        self.flavour == LdapFlavour::Openldap
    }
}

/// All values of an attribute, matching its name case-insensitively.
fn values<'a>(entry: &'a SearchEntry, name: &str) -> &'a [String] {
    entry.attrs.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map_or(&[], |(_, v)| v.as_slice())
}

fn first<'a>(entry: &'a SearchEntry, name: &str) -> Option<&'a str> {
    values(entry, name).first().map(String::as_str)
}

/// A failed password change or reset: ppolicy's reason when it gave one.
fn modify_refusal(what: &str, dn: &str, result: &LdapResult) -> DirError {
    let policy = ppolicy::from_controls(&result.ctrls);
    let error = match (policy.error.and_then(PpolicyError::policy_reason), result.rc) {
        (Some(reason), _) => DirError::PolicyViolation(reason),
        (None, 19) => DirError::PolicyViolation(PolicyReason::Other(result.text.clone())),
        // insufficientAccessRights on this one entry's password: an ACL that protects it.
        (None, 50) => DirError::Refused(format!(
            "{}: insufficient access rights (50): {}",
            super::INSUFFICIENT_ACCESS,
            result.text
        )),
        (None, rc) => result_error(rc, &result.text),
    };
    tracing::warn!(rc = result.rc, dn, ppolicy = ?policy.error, "{what} refused: {error}");
    error
}

/// An unexpected result code, logged and translated.
fn logged(what: &str, dn: &str, result: &LdapResult) -> DirError {
    let error = result_error(result.rc, &result.text);
    tracing::warn!(rc = result.rc, dn, text = %result.text, "{what} failed: {error}");
    error
}

/// Result codes that are not specific to one operation.
fn result_error(rc: u32, text: &str) -> DirError {
    match rc {
        32 => DirError::NotFound,
        // strongerAuthRequired, confidentialityRequired: Samba answers 8 to a simple bind
        // over plain LDAP.
        8 | 13 => DirError::Unavailable(format!(
            "the directory requires TLS ({rc}): use ldaps:// or set directory.starttls = true: {text}"
        )),
        49 => DirError::WrongPassword,
        50 => DirError::Denied(format!("insufficient access rights (50): {text}")),
        51 | 52 | 80 => DirError::Unavailable(format!("directory busy or unavailable ({rc}): {text}")),
        _ => DirError::Unavailable(format!("unexpected LDAP result {rc}: {text}")),
    }
}

/// A password write that failed below the LDAP result level. Once the request was handed to
/// the connection (a timeout, or the connection lost before the answer) it may have been
/// applied: unconfirmed, never sent again.
fn write_error(e: &LdapError) -> DirError {
    match e {
        LdapError::Timeout { .. } | LdapError::ResultRecv { .. } => {
            DirError::Unconfirmed(format!("the directory did not answer a password write: {e}"))
        }
        e => connection_error(e),
    }
}

/// A failure below the LDAP result level: connection refused, reset, TLS, timeout.
fn connection_error(e: &LdapError) -> DirError {
    match e {
        LdapError::LdapResult { result } => result_error(result.rc, &result.text),
        LdapError::Timeout { .. } => DirError::Unavailable("the directory did not answer in time".into()),
        e => DirError::Unavailable(format!("directory connection failed: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> DirectoryConfig {
        DirectoryConfig {
            url: "ldap://127.0.0.1:1".into(),
            allow_plaintext: true,
            bind_dn: "cn=rekey,ou=services,dc=example,dc=test".into(),
            bind_password: Some(SecretString::from("service".to_owned())),
            base_dn: "ou=people,dc=example,dc=test".into(),
            ..DirectoryConfig::default()
        }
    }

    #[test]
    fn the_user_filter_combines_the_extra_filter_and_every_login_attribute_escaped() {
        let dir = LdapDirectory::new(&config()).unwrap();
        assert_eq!(
            dir.user_search_filter("*)(uid=*"),
            r"(&(objectClass=inetOrgPerson)(|(uid=\2a\29\28uid=\2a)(mail=\2a\29\28uid=\2a)))"
        );
        let bare = LdapDirectory::new(&DirectoryConfig { user_filter: String::new(), ..config() }).unwrap();
        assert_eq!(bare.user_search_filter("bob"), "(&(|(uid=bob)(mail=bob)))");
    }

    #[test]
    fn creating_a_directory_contacts_nothing_and_checks_its_settings() {
        assert!(LdapDirectory::new(&config()).is_ok(), "port 1 is closed, yet creation succeeds");
        let no_password = DirectoryConfig { bind_password: Some(SecretString::from(String::new())), ..config() };
        assert!(matches!(LdapDirectory::new(&no_password), Err(DirError::Denied(_))));
        let missing_ca = DirectoryConfig { ca_file: Some("/nonexistent/ca.pem".into()), ..config() };
        assert!(matches!(LdapDirectory::new(&missing_ca), Err(DirError::Unavailable(m)) if m.contains("ca_file")));
        let ad = DirectoryConfig { flavour: LdapFlavour::ActiveDirectory, ..config() };
        assert!(matches!(LdapDirectory::new(&ad), Err(DirError::Unavailable(m)) if m.contains("over TLS")));
        assert!(LdapDirectory::new(&DirectoryConfig { starttls: true, ..ad.clone() }).is_ok());
        assert!(LdapDirectory::new(&DirectoryConfig { url: "ldaps://127.0.0.1:1".into(), ..ad }).is_ok());
    }

    #[test]
    fn plain_ldap_without_starttls_needs_allow_plaintext() {
        let plain = DirectoryConfig { allow_plaintext: false, ..config() };
        assert!(
            matches!(LdapDirectory::new(&plain), Err(DirError::Unavailable(m)) if m.contains("directory.allow_plaintext"))
        );
        assert!(LdapDirectory::new(&DirectoryConfig { starttls: true, ..plain.clone() }).is_ok());
        let second_plain = DirectoryConfig { url: "ldaps://127.0.0.1:1 ldap://127.0.0.1:2".into(), ..plain };
        assert!(LdapDirectory::new(&second_plain).is_err(), "every URL of the list is checked");
    }

    #[test]
    fn result_codes_map_to_directory_errors() {
        assert!(matches!(result_error(50, ""), DirError::Denied(_)));
        assert!(matches!(result_error(32, ""), DirError::NotFound));
        assert!(matches!(result_error(8, ""), DirError::Unavailable(m) if m.contains("TLS")));
        for rc in [51, 52, 80] {
            assert!(matches!(result_error(rc, ""), DirError::Unavailable(_)), "{rc}");
        }
    }
}
