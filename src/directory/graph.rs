//! Microsoft Entra ID through Microsoft Graph: look-up by UPN or mail, groups with
//! checkMemberGroups, resets as the app (PATCH passwordProfile; the flow then revokes sign-in
//! sessions), changes with the person's own delegated token.
//!
//! Accounts synced from on-premises AD (`onPremisesSyncEnabled`) are never reset through
//! Graph, which would not write back: they go to the configured on-premises directory.
//! Nothing here logs a password, a token or a request body.

mod client;
mod expiry;
mod groups;
mod http;
mod listing;
pub mod oidc;
mod provider;
mod signed_in;
mod token;

use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::Duration;

use async_trait::async_trait;
use reqwest::{Method, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use self::client::{Bearer, Call, GraphClient, GraphFailure};
use self::oidc::{OidcError, OidcSignIn, SignedIn};
use self::token::AppTokens;
use super::{AccountState, DirError, DirUser, Directory, LockStatus, Login, PolicyReason, UserId};
use crate::config::{GraphConfig, GraphLogin};

/// Locator prefix marking a [`DirUser`] found in Graph (not routed on-premises).
const GRAPH_LOCATOR: &str = "graph:";

const SELECT: &str = "id,userPrincipalName,displayName,accountEnabled,mail,otherMails,mobilePhone,onPremisesSyncEnabled,onPremisesSamAccountName";

/// The Graph directory, with the on-premises one synced accounts are routed to (if any).
pub struct GraphDirectory {
    client: GraphClient,
    tokens: AppTokens,
    login_attribute: GraphLogin,
    /// Every group object id the configuration names (policy, rules, admin, alerts);
    /// checkMemberGroups tells which the user is in.
    scope_groups: Vec<String>,
    on_premises: Option<Arc<dyn Directory>>,
    oidc: OidcSignIn,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GraphUser {
    id: String,
    user_principal_name: Option<String>,
    display_name: Option<String>,
    account_enabled: Option<bool>,
    mail: Option<String>,
    #[serde(default)]
    other_mails: Vec<String>,
    mobile_phone: Option<String>,
    on_premises_sync_enabled: Option<bool>,
    /// Only when selected (listings): links a synced account to its on-premises entry.
    on_premises_distinguished_name: Option<String>,
    /// Only when selected (expiry listings, `graph/expiry.rs`).
    #[serde(flatten)]
    password: expiry::PasswordFacts,
}

#[derive(Deserialize)]
struct Collection<T> {
    value: Vec<T>,
}

impl GraphDirectory {
    /// `scope_groups` are the group object ids the configuration names
    /// ([`crate::config::graph_groups::entra_ids`]); `on_premises` handles synced accounts.
    pub fn new(
        config: &GraphConfig,
        scope_groups: Vec<String>,
        on_premises: Option<Arc<dyn Directory>>,
    ) -> Result<GraphDirectory, DirError> {
        let http = http::client(config)?;
        let tokens = AppTokens::new(config, http.clone())?;
        let oidc = OidcSignIn::new(config, http.clone()).map_err(|e| DirError::Unavailable(e.to_string()))?;
        Ok(GraphDirectory {
            client: GraphClient {
                http,
                base: format!("{}/v1.0", config.graph_url.trim_end_matches('/')),
                deadline: Duration::from_secs(config.deadline_secs),
            },
            tokens,
            login_attribute: config.login_attribute,
            scope_groups,
            on_premises,
            oidc,
        })
    }

    /// Starts an OpenID Connect sign-in; returns the URL to send the person to and the state
    /// their session must keep. `redirect` is the portal's callback URL.
    pub async fn sign_in_start(&self, redirect: &str) -> Result<(String, String, oidc::Pending), OidcError> {
        self.oidc.start(redirect).await
    }

    /// Finishes a sign-in begun by [`Self::sign_in_start`].
    pub async fn sign_in_finish(
        &self,
        redirect: &str,
        expected_state: &str,
        state: &str,
        code: &str,
        pending: oidc::Pending,
    ) -> Result<SignedIn, OidcError> {
        self.oidc.finish(redirect, expected_state, state, code, pending, &self.tokens).await
    }

    /// The on-premises directory for an account not found in Graph itself.
    fn routed<'a>(&'a self, user: &DirUser) -> Option<Result<&'a Arc<dyn Directory>, DirError>> {
        if user.dn.starts_with(GRAPH_LOCATOR) {
            return None;
        }
        Some(self.on_premises.as_ref().ok_or_else(|| DirError::Unavailable("no on-premises directory".into())))
    }

    /// Sends `call` with the app's own token.
    async fn app_call(&self, call: Call<'_>) -> Result<Vec<u8>, Result<GraphFailure, DirError>> {
        self.client.send(call, Bearer::App(&self.tokens)).await
    }

    /// Changes the signed-in person's own password with their delegated token
    /// (`POST /me/changePassword`), so Entra's history and policy apply.
    pub async fn change_with_token(
        &self,
        token: &SecretString,
        old: &SecretString,
        new: &SecretString,
    ) -> Result<(), DirError> {
        let body = serde_json::json!({
            "currentPassword": old.expose_secret(),
            "newPassword": new.expose_secret(),
        });
        self.client
            .send(
                Call::write("change password", Method::POST, "/me/changePassword", Some(&body)),
                Bearer::Delegated(token),
            )
            .await
            .map(|_| ())
            .map_err(|e| match e {
                // Graph names the wrong current password as an invalid value for it.
                Ok(f) if f.status == StatusCode::BAD_REQUEST && f.message.contains("currentPassword") => {
                    DirError::WrongPassword
                }
                other => {
                    password_error(other, &format!("the delegated permission {}", oidc::CHANGE_PASSWORD_PERMISSION))
                }
            })
    }

    async fn find_by(&self, property: &str, login: &Login) -> Result<Option<DirUser>, DirError> {
        let filter = format!("{property} eq {}", odata_string(login.as_str()));
        let bytes = self
            .app_call(Call::get("find user", "/users", &[("$filter", &filter), ("$select", SELECT)]))
            .await
            .map_err(|e| app_error(e, "User.Read.All"))?;
        let found: Collection<GraphUser> = parse(&bytes)?;
        let mut users = found.value;
        if users.len() != 1 {
            return Ok(None);
        }
        let Some(user) = users.pop() else { return Ok(None) };
        if user.on_premises_sync_enabled == Some(true) {
            let Some(on_premises) = &self.on_premises else {
                // Answered as for an unknown login: a different page would list synced accounts.
                tracing::error!(
                    id = %user.id,
                    "this account is synced from on-premises Active Directory: a Graph reset would not \
                     reach AD, and no on-premises directory is configured (directory.graph.on_premises); \
                     the person is answered as if the account did not exist"
                );
                return Ok(None);
            };
            let Some(mut local) = on_premises.find_user(login).await? else { return Ok(None) };
            // Its Entra groups too, so a group named by object id applies to it as to a
            // cloud account; its on-premises groups keep the names that directory gives them.
            for id in self.member_groups(&user.id).await? {
                if !local.groups.iter().any(|g| g.eq_ignore_ascii_case(&id)) {
                    local.groups.push(id);
                }
            }
            return Ok(Some(local));
        }
        let groups = self.member_groups(&user.id).await?;
        Ok(Some(cloud_user(user, login.as_str(), groups)))
    }
}

#[async_trait]
impl Directory for GraphDirectory {
    async fn find_user(&self, login: &Login) -> Result<Option<DirUser>, DirError> {
        let property = match self.login_attribute {
            GraphLogin::Upn => "userPrincipalName",
            GraphLogin::Mail => "mail",
        };
        self.find_by(property, login).await
    }

    async fn verify_password(&self, user: &DirUser, password: &SecretString) -> Result<(), DirError> {
        if let Some(dir) = self.routed(user) {
            return dir?.verify_password(user, password).await;
        }
        // Entra checks passwords only in its own sign-in pages: people sign in with OpenID
        // Connect instead.
        Err(DirError::Denied("Entra ID accounts sign in with OpenID Connect, not a password form".into()))
    }

    async fn change_password(&self, user: &DirUser, old: &SecretString, new: &SecretString) -> Result<(), DirError> {
        if let Some(dir) = self.routed(user) {
            return dir?.change_password(user, old, new).await;
        }
        Err(DirError::Denied("a Graph password change needs the person's delegated token".into()))
    }

    async fn reset_password(&self, user: &DirUser, new: &SecretString, must_change: bool) -> Result<(), DirError> {
        if let Some(dir) = self.routed(user) {
            return dir?.reset_password(user, new, must_change).await;
        }
        let id = user.id.as_str();
        let body = serde_json::json!({
            "passwordProfile": {
                "password": new.expose_secret(),
                "forceChangePasswordNextSignIn": must_change,
            }
        });
        self.app_call(Call::write("reset password", Method::PATCH, &format!("/users/{id}"), Some(&body)))
            .await
            .map_err(|e| password_error(e, RESET_PERMISSION))
            .map(|_| ())
    }

    async fn sign_out_everywhere(&self, user: &DirUser) -> Result<(), DirError> {
        if let Some(dir) = self.routed(user) {
            return dir?.sign_out_everywhere(user).await;
        }
        let id = user.id.as_str();
        let path = format!("/users/{id}/revokeSignInSessions");
        self.app_call(Call::write("revoke sign-in sessions", Method::POST, &path, None))
            .await
            .map_err(|e| app_error(e, "User.RevokeSessions.All"))
            .map(|_| ())
    }

    /// Graph has no unlock: Entra's smart lockout cannot be cleared through it (nor by an
    /// admin; it ends when its duration is over). The unlock page offers a reset instead.
    async fn unlock(&self, user: &DirUser) -> Result<(), DirError> {
        if let Some(dir) = self.routed(user) {
            return dir?.unlock(user).await;
        }
        Err(DirError::UnlockByReset)
    }

    async fn lock_status(&self, user: &DirUser) -> Result<LockStatus, DirError> {
        if let Some(dir) = self.routed(user) {
            return dir?.lock_status(user).await;
        }
        // Graph does not expose smart lockout: rekey cannot tell, and says unlocked.
        Ok(LockStatus::Unlocked)
    }

    async fn health(&self) -> Result<(), DirError> {
        self.tokens.token().await.map(|_| ())
    }

    async fn list_users_counted(&self, limit: usize, progress: &AtomicUsize) -> Result<Vec<DirUser>, DirError> {
        self.list(limit, progress).await
    }

    /// Accounts whose name, UPN or mail starts with `text` (Graph's default queries on users
    /// have `startswith` but no substring match, and need no `ConsistencyLevel` for it), at
    /// most `limit` (Graph's `$top` goes to 999). Groups are not read, and a synced account is
    /// listed as Entra has it: the console looks the chosen one up with `find_user`.
    async fn search_users(&self, text: &str, limit: usize) -> Result<Vec<DirUser>, DirError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(vec![]);
        }
        let t = odata_string(text);
        let filter =
            format!("startswith(displayName,{t}) or startswith(userPrincipalName,{t}) or startswith(mail,{t})");
        let top = limit.clamp(1, 999).to_string();
        let query = [("$filter", filter.as_str()), ("$select", SELECT), ("$top", top.as_str())];
        let bytes = self
            .app_call(Call::get("search users", "/users", &query))
            .await
            .map_err(|e| app_error(e, "User.Read.All"))?;
        let found: Collection<GraphUser> = parse(&bytes)?;
        let by_mail = matches!(self.login_attribute, GraphLogin::Mail);
        Ok(found
            .value
            .into_iter()
            .filter_map(|user| {
                let login = if by_mail { user.mail.clone() } else { user.user_principal_name.clone() };
                let login = login.filter(|l| !l.is_empty())?;
                let mut found = cloud_user(user, &login, vec![]);
                found.login = login;
                Some(found)
            })
            .take(limit)
            .collect())
    }

    async fn list_password_expiry(
        &self,
        limit: usize,
        throttle: &super::expiry::Throttle,
    ) -> Result<Vec<super::expiry::Expiring>, DirError> {
        self.list_expiry(limit, throttle).await
    }

    async fn password_expiry(&self, user: &DirUser) -> Result<Option<super::expiry::Expiry>, DirError> {
        self.expiry_of(user).await
    }

    /// The on-premises directory's advice (synced accounts' resets go there).
    async fn notes(&self) -> Vec<String> {
        match &self.on_premises {
            Some(on_premises) => on_premises.notes().await,
            None => Vec::new(),
        }
    }

    fn graph(&self) -> Option<&GraphDirectory> {
        Some(self)
    }
}

/// Whether `user` is an Entra ID cloud account (not one routed on-premises). Its smart lockout
/// can be neither read nor cleared through Graph: Entra ends it when the lockout duration is
/// over, so a reset gives the person a new password but is not said to unlock anything.
pub fn is_cloud_account(user: &DirUser) -> bool {
    user.dn.starts_with(GRAPH_LOCATOR)
}

/// A cloud account as a [`DirUser`]; `typed` stands in for a missing UPN.
fn cloud_user(user: GraphUser, typed: &str, groups: Vec<String>) -> DirUser {
    let mut emails: Vec<String> = user.mail.into_iter().collect();
    emails.extend(user.other_mails.into_iter().filter(|m| !m.is_empty()));
    DirUser {
        id: UserId(user.id.clone()),
        dn: format!("{GRAPH_LOCATOR}{}", user.id),
        login: user.user_principal_name.unwrap_or_else(|| typed.to_owned()),
        display_name: user.display_name.unwrap_or_default(),
        emails,
        phones: user.mobile_phone.into_iter().collect(),
        groups,
        state: AccountState { disabled: user.account_enabled == Some(false), ..AccountState::default() },
    }
}

/// What a reset needs, named in the log when Graph says 401/403.
const RESET_PERMISSION: &str = "User-PasswordProfile.ReadWrite.All (or User.ReadWrite.All) and an Entra role \
                                that may reset this user, such as Authentication Administrator";

/// An OData string literal: single quotes around, each quote doubled.
fn odata_string(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn parse<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, DirError> {
    serde_json::from_slice(bytes).map_err(|e| DirError::Unavailable(format!("unexpected Graph answer: {e}")))
}

/// Maps a refusal of an app-only call. `permission` is what the app registration lacks on 401/403.
fn app_error(e: Result<GraphFailure, DirError>, permission: &str) -> DirError {
    let f = match e {
        Ok(f) => f,
        Err(e) => return e,
    };
    match f.status {
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => DirError::Denied(format!(
            "Graph answered {} {} (request-id {}): the app needs {permission}",
            f.status.as_u16(),
            f.code,
            f.request_id
        )),
        StatusCode::NOT_FOUND => DirError::NotFound,
        _ => DirError::Unavailable(format!(
            "Graph answered {} {} (request-id {})",
            f.status.as_u16(),
            f.code,
            f.request_id
        )),
    }
}

/// Like [`app_error`], but a 400 is the password policy's refusal and a 403
/// `Authorization_RequestDenied` a refusal for this account (a privileged target the app's
/// role may not reset) that trying again will not change.
fn password_error(e: Result<GraphFailure, DirError>, permission: &str) -> DirError {
    match e {
        Ok(f) if f.status == StatusCode::BAD_REQUEST => DirError::PolicyViolation(policy_reason(&f.message)),
        Ok(f) if f.status == StatusCode::FORBIDDEN && f.code == "Authorization_RequestDenied" => {
            DirError::Refused(format!(
                "{}: Graph answered 403 {} (request-id {}); a privileged account needs a role that may reset it, \
                 otherwise the app needs {permission}",
                crate::directory::INSUFFICIENT_ACCESS,
                f.code,
                f.request_id
            ))
        }
        other => app_error(other, permission),
    }
}

/// Entra's refusal text, classified as far as its wording allows.
fn policy_reason(message: &str) -> PolicyReason {
    let m = message.to_ascii_lowercase();
    if m.contains("history") || m.contains("recently used") || m.contains("used before") {
        PolicyReason::InHistory
    } else if m.contains("too short") || m.contains("length") {
        PolicyReason::TooShort
    } else if m.contains("complexity") || m.contains("banned") || m.contains("weak") {
        PolicyReason::InsufficientQuality
    } else {
        PolicyReason::Other(message.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odata_literals_double_quotes() {
        assert_eq!(odata_string("o'neil@x.test"), "'o''neil@x.test'");
        assert_eq!(odata_string("a#b"), "'a#b'");
    }

    #[test]
    fn entra_refusals_are_classified() {
        assert_eq!(
            policy_reason("The specified password does not comply with password complexity requirements."),
            PolicyReason::InsufficientQuality
        );
        assert_eq!(policy_reason("Something else"), PolicyReason::Other("Something else".into()));
    }
}
