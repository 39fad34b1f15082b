//! What OpenLDAP is asked as the person: their bind (a sign-in) and their own password change,
//! on connections of the person pool (`conn::PersonPool`), and the password modify operation
//! both the change and the service account's reset send.
//!
//! A bind that fails on a pooled connection because the server had closed it is sent once more
//! on a new connection: it never reached the server, so it spent no attempt. Nothing here logs
//! or returns a password.

use ldap3::exop::PasswordModify;
use ldap3::{Ldap, LdapError, LdapResult};
use secrecy::{ExposeSecret, SecretString};

use super::conn::is_broken;
use super::ppolicy::{self, PpolicyError, PpolicyResponse};
use super::{LdapDirectory, connection_error, modify_refusal, result_error, write_error};
use crate::directory::{DirError, DirUser};

impl LdapDirectory {
    /// Binds as the user with the ppolicy control, on a pooled connection. On success returns
    /// the bound connection (give it back with `self.persons.give_back`) and what ppolicy said
    /// (e.g. change-after-reset).
    pub(super) async fn bind_as_user(
        &self,
        user: &DirUser,
        password: &SecretString,
    ) -> Result<(Ldap, PpolicyResponse), DirError> {
        if password.expose_secret().is_empty() {
            return Err(DirError::WrongPassword);
        }
        let taken = self.persons.take().await?;
        let mut ldap = taken.ldap;
        let result = match self.bind(&mut ldap, user, password).await {
            Err(e) if taken.reused && is_broken(&e) => {
                tracing::debug!(error = %e, "a pooled directory connection had been closed; binding on a new one");
                ldap = self.persons.fresh().await?;
                self.bind(&mut ldap, user, password).await
            }
            other => other,
        }
        .map_err(|e| connection_error(&e))?;
        let policy = ppolicy::from_controls(&result.ctrls);
        if result.rc == 0 {
            return Ok((ldap, policy));
        }
        // A refused bind leaves the connection anonymous; it can serve the next person.
        self.persons.give_back(ldap).await;
        let error = match (result.rc, policy.error) {
            (49, Some(PpolicyError::AccountLocked)) => DirError::Locked,
            (49, Some(PpolicyError::PasswordExpired)) => DirError::PasswordExpired,
            (49, _) => DirError::WrongPassword,
            (rc, _) => result_error(rc, &result.text),
        };
        tracing::warn!(rc = result.rc, dn = %user.dn, ppolicy = ?policy.error, "bind as the user failed: {error}");
        Err(error)
    }

    async fn bind(&self, ldap: &mut Ldap, user: &DirUser, password: &SecretString) -> Result<LdapResult, LdapError> {
        ldap.with_controls(ppolicy::request())
            .with_timeout(self.connector().timeout())
            .simple_bind(&user.dn, password.expose_secret())
            .await
    }

    /// Password modify (RFC 3062) with the ppolicy control, on `ldap` as it is bound.
    pub(super) async fn password_modify(
        &self,
        ldap: &mut Ldap,
        user_id: Option<&str>,
        old: Option<&SecretString>,
        new: &SecretString,
    ) -> Result<LdapResult, LdapError> {
        let exop =
            PasswordModify { user_id, old_pass: old.map(|p| p.expose_secret()), new_pass: Some(new.expose_secret()) };
        let result =
            ldap.with_controls(ppolicy::request()).with_timeout(self.connector().timeout()).extended(exop).await?;
        Ok(result.1)
    }

    /// The person's own change on OpenLDAP: their bind, then the password modify with the old
    /// password, on the same pooled connection.
    pub(super) async fn openldap_change(
        &self,
        user: &DirUser,
        old: &SecretString,
        new: &SecretString,
    ) -> Result<(), DirError> {
        // A bind in change-after-reset state succeeds and allows exactly this operation.
        let (mut ldap, _) = self.bind_as_user(user, old).await?;
        let outcome = self.password_modify(&mut ldap, None, Some(old), new).await;
        match &outcome {
            // A write that went unanswered leaves the connection in doubt: close it.
            Err(_) => {
                let _ = ldap.unbind().await;
            }
            Ok(_) => self.persons.give_back(ldap).await,
        }
        let result = outcome.map_err(|e| write_error(&e))?;
        match result.rc {
            0 => Ok(()),
            // slapd's answer to a wrong old password inside the operation itself.
            53 if result.text.contains("old password") => {
                tracing::warn!(rc = 53, dn = %user.dn, "password change refused: wrong current password");
                Err(DirError::WrongPassword)
            }
            _ => Err(modify_refusal("password change", &user.dn, &result)),
        }
    }
}
