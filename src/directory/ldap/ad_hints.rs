//! Active Directory: whether the DC implements the policy-hints control that makes a reset
//! respect password history (`directory.enforce_history_on_reset`, on by default for AD).
//!
//! The control is sent non-critical, so a DC that does not list it in its RootDSE's
//! `supportedControl` (Samba 4.17, Windows before 2012 R2) resets anyway and skips history.
//! rekey reads the RootDSE once at start-up (or at the first `/readyz` after the DC answers)
//! and says so in the log and in `/readyz`'s `detail`.

use ldap3::{Scope, SearchEntry};

use super::conn::Retry;
use super::{LdapDirectory, logged, values};
use crate::config::LdapFlavour;
use crate::directory::DirError;

/// LDAP_SERVER_POLICY_HINTS_OID (Windows Server 2012 R2 and later).
pub const POLICY_HINTS_OID: &str = "1.2.840.113556.1.4.2239";
/// LDAP_SERVER_POLICY_HINTS_DEPRECATED_OID (Windows Server 2008 R2 with an update, 2012).
pub const POLICY_HINTS_DEPRECATED_OID: &str = "1.2.840.113556.1.4.2066";

/// Whether a RootDSE `supportedControl` list names either policy-hints control.
pub fn lists_policy_hints(supported: &[String]) -> bool {
    supported.iter().any(|oid| {
        let oid = oid.trim();
        oid == POLICY_HINTS_OID || oid == POLICY_HINTS_DEPRECATED_OID
    })
}

/// The `/readyz` detail for a DC that lacks the control (no host names: that is for the log).
pub fn missing_note() -> String {
    format!(
        "directory.enforce_history_on_reset is on, but the DC does not list the policy-hints \
         control ({POLICY_HINTS_OID}) in supportedControl: resets may reuse a password from \
         the account's history"
    )
}

impl LdapDirectory {
    /// What an administrator should know about this directory (empty when all is well).
    /// Read from the DC once; an unreachable DC leaves it to be read next time.
    pub(super) async fn ad_notes(&self) -> Vec<String> {
        if self.flavour != LdapFlavour::ActiveDirectory || !self.config.history_on_reset() {
            return Vec::new();
        }
        match self.hints.get_or_try_init(|| self.read_policy_hints()).await {
            Ok(true) => Vec::new(),
            Ok(false) => vec![missing_note()],
            Err(err) => {
                tracing::debug!(%err, "could not read the RootDSE's supportedControl yet");
                Vec::new()
            }
        }
    }

    async fn read_policy_hints(&self) -> Result<bool, DirError> {
        let timeout = self.connector().timeout();
        let root = self
            .pool
            .run(Retry::Idempotent, |mut ldap| async move {
                ldap.with_timeout(timeout).search("", Scope::Base, "(objectClass=*)", vec!["supportedControl"]).await
            })
            .await?;
        if root.1.rc != 0 {
            return Err(logged("root DSE", "", &root.1));
        }
        let root = root.0.into_iter().next().map(SearchEntry::construct);
        let listed = root.as_ref().is_some_and(|e| lists_policy_hints(values(e, "supportedControl")));
        if listed {
            tracing::info!(url = %self.config.url, "the DC supports the policy-hints control: resets respect history");
        } else {
            tracing::warn!(
                url = %self.config.url,
                "the DC does not list the policy-hints control ({POLICY_HINTS_OID} or \
                 {POLICY_HINTS_DEPRECATED_OID}) in supportedControl: with \
                 directory.enforce_history_on_reset, resets may still reuse a password from history"
            );
        }
        Ok(listed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(oids: &[&str]) -> Vec<String> {
        oids.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn either_policy_hints_oid_in_supported_control_counts() {
        let windows = list(&["1.2.840.113556.1.4.319", "1.2.840.113556.1.4.2239", "1.2.840.113556.1.4.2066"]);
        assert!(lists_policy_hints(&windows));
        assert!(lists_policy_hints(&list(&["1.2.840.113556.1.4.2066"])), "the deprecated OID");
        // Samba 4.17's list (ldapsearch -b "" -s base supportedControl), less duplicates.
        let samba = list(&[
            "1.2.840.113556.1.4.1413",
            "1.2.840.113556.1.4.528",
            "1.2.840.113556.1.4.841",
            "1.2.840.113556.1.4.319",
            "2.16.840.1.113730.3.4.9",
            "1.2.840.113556.1.4.473",
            "1.2.840.113556.1.4.1504",
            "1.2.840.113556.1.4.801",
            "1.2.840.113556.1.4.805",
            "1.2.840.113556.1.4.1338",
            "1.2.840.113556.1.4.529",
            "1.2.840.113556.1.4.417",
            "1.2.840.113556.1.4.2064",
            "1.2.840.113556.1.4.1339",
            "1.2.840.113556.1.4.1340",
            "1.2.840.113556.1.4.1341",
        ]);
        assert!(!lists_policy_hints(&samba));
        assert!(!lists_policy_hints(&list(&["1.2.840.113556.1.4.22390"])), "no prefix matches");
        assert!(!lists_policy_hints(&[]));
        assert!(missing_note().contains(POLICY_HINTS_OID));
    }
}
