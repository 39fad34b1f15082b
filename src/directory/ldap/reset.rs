//! OpenLDAP resets, whole or reported exactly.
//!
//! ppolicy treats every password change as also ending a lockout: it deletes
//! pwdAccountLockedTime and pwdFailureTime in the same write (even the administrative lock,
//! which is why a disabled account is refused here before anything is written). So a reset
//! needs no separate unlock. What remains is pwdReset, which config decides:
//!
//! - with `ppolicy_hash_cleartext` (the overlay hashes a cleartext userPassword), the password
//!   and pwdReset go in ONE modify with the ppolicy control: all of it happens or none of it;
//! - otherwise the password modify operation (the server hashes) sets the password, unlocks
//!   and unlocks; a second modify sets or clears pwdReset, and if that one fails the caller
//!   hears `PasswordSetOnly`, never "nothing changed".

use std::collections::HashSet;

use ldap3::Mod;
use secrecy::{ExposeSecret, SecretString};

use super::conn::Retry;
use super::{LdapDirectory, PWD_RESET, modify_refusal, ppolicy};
use crate::directory::{DirError, DirUser};

impl LdapDirectory {
    pub(super) async fn openldap_reset(
        &self,
        user: &DirUser,
        new: &SecretString,
        must_change: bool,
    ) -> Result<(), DirError> {
        if user.state.disabled {
            return Err(DirError::Disabled);
        }
        let dn = user.dn.as_str();
        if self.config.ppolicy_hash_cleartext {
            return self.reset_in_one_modify(dn, new, must_change).await;
        }
        let result =
            self.pool
                .run(Retry::OnlyIfUnsent, |mut ldap| async move {
                    self.password_modify(&mut ldap, Some(dn), None, new).await
                })
                .await?;
        if result.rc != 0 {
            return Err(modify_refusal("password reset", dn, &result));
        }
        // Under a policy with pwdMustChange slapd sets pwdReset after a reset by someone else,
        // and otherwise clears it: set it, or clear it, so config decides.
        match self.modify("setting pwdReset", dn, vec![reset_flag(must_change)], &[]).await {
            Ok(()) => Ok(()),
            Err(e) => {
                tracing::warn!(dn, "password reset: the password was set, pwdReset was not: {e}");
                let what = if must_change { "required" } else { "waived" };
                Err(DirError::PasswordSetOnly(format!("the change at next logon could not be {what}: {e}")))
            }
        }
    }

    /// userPassword (in clear: ppolicy hashes it) and pwdReset in one modify.
    async fn reset_in_one_modify(&self, dn: &str, new: &SecretString, must_change: bool) -> Result<(), DirError> {
        let mods = vec![
            Mod::Replace("userPassword".to_owned(), HashSet::from([new.expose_secret().to_owned()])),
            reset_flag(must_change),
        ];
        let timeout = self.connector().timeout();
        let result = self
            .pool
            .run(Retry::OnlyIfUnsent, |mut ldap| {
                let mods = mods.clone();
                async move { ldap.with_controls(ppolicy::request()).with_timeout(timeout).modify(dn, mods).await }
            })
            .await?;
        if result.rc != 0 {
            return Err(modify_refusal("password reset", dn, &result));
        }
        Ok(())
    }
}

/// pwdReset as config wants it. Replacing with no values removes it, and is no error when it
/// is absent.
fn reset_flag(must_change: bool) -> Mod<String> {
    let values = if must_change { HashSet::from(["TRUE".to_owned()]) } else { HashSet::new() };
    Mod::Replace(PWD_RESET.to_owned(), values)
}
