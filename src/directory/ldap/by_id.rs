//! What a writeback agent checks in its own directory before it runs a job: the account, read
//! again by its stable id (objectGUID, entryUUID) under the agent's own `directory.base_dn` and
//! `directory.user_filter`, and whether it is a protected account.
//!
//! Protected, in Active Directory, is decided by security identifier, not by group name: the
//! account's `tokenGroups` (every group it belongs to, nested and primary, as SIDs, computed by
//! the DC) and its own `objectSid` are compared with the well-known privileged RIDs and
//! built-in groups, and `adminCount=1` (what AdminSDHolder marks) counts too. SIDs cannot be
//! imitated by naming a group "Domain Admins" somewhere else, and they hold in every language.
//! Configured `agent.protected_groups` add group DNs (matched through the account's nested
//! groups, as `dn_key`s) or SIDs.

use ldap3::{Scope, SearchEntry};

use super::conn::Retry;
use super::{LdapDirectory, dn_key, escape_filter_value, first, logged};
use crate::config::LdapFlavour;
use crate::directory::{DirError, DirUser, UserId};

/// Which accounts an agent never resets, unlocks or changes.
#[derive(Debug, Clone, Default)]
pub struct Protection {
    /// The AD built-in privileged accounts and groups (see [`privileged`]).
    pub builtin: bool,
    /// Group DNs or SIDs (`S-1-…`).
    pub groups: Vec<String>,
}

/// Domain-relative RIDs of privileged accounts and groups: Administrator, krbtgt, Domain
/// Admins, Domain Controllers, Schema Admins, Enterprise Admins, Group Policy Creator Owners,
/// Read-only Domain Controllers, Key Admins, Enterprise Key Admins.
const PRIVILEGED_RIDS: [u32; 10] = [500, 502, 512, 516, 518, 519, 520, 521, 526, 527];

/// Built-in groups: Administrators, Account, Server, Print and Backup Operators, Replicator.
const PRIVILEGED_BUILTIN: [&str; 6] =
    ["S-1-5-32-544", "S-1-5-32-548", "S-1-5-32-549", "S-1-5-32-550", "S-1-5-32-551", "S-1-5-32-552"];

/// Whether `sid` is a built-in privileged group or a domain's privileged account or group.
pub fn privileged(sid: &str) -> bool {
    if PRIVILEGED_BUILTIN.contains(&sid) {
        return true;
    }
    let Some(rest) = sid.strip_prefix("S-1-5-21-") else { return false };
    rest.rsplit('-').next().and_then(|rid| rid.parse::<u32>().ok()).is_some_and(|rid| PRIVILEGED_RIDS.contains(&rid))
}

/// A binary SID in its `S-1-…` form.
pub fn sid_string(b: &[u8]) -> Option<String> {
    let (&revision, &count) = (b.first()?, b.get(1)?);
    let authority = b.get(2..8)?.iter().fold(0u64, |acc, &x| (acc << 8) | u64::from(x));
    let subs = b.get(8..8 + 4 * usize::from(count))?;
    if b.len() != 8 + subs.len() {
        return None;
    }
    let mut out = format!("S-{revision}-{authority}");
    for chunk in subs.chunks_exact(4) {
        out.push_str(&format!("-{}", u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]])));
    }
    Some(out)
}

/// An objectGUID's text form back to the `\xx` escaped bytes a filter needs.
fn guid_filter_value(text: &str) -> Option<String> {
    let hex: String = text.chars().filter(|c| *c != '-').collect();
    if hex.len() != 32 || text.len() != 36 {
        return None;
    }
    let b: Vec<u8> = (0..16).map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()).collect::<Option<_>>()?;
    let wire = [b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]];
    Some(wire.iter().map(|x| format!("\\{x:02x}")).collect())
}

/// Every value of a binary attribute (ldap3 files values that happen to be UTF-8 as text).
fn all_binary(entry: &SearchEntry, name: &str) -> Vec<Vec<u8>> {
    let text = entry.attrs.iter().filter(|(k, _)| k.eq_ignore_ascii_case(name)).flat_map(|(_, v)| v.iter());
    let bin = entry.bin_attrs.iter().filter(|(k, _)| k.eq_ignore_ascii_case(name)).flat_map(|(_, v)| v.iter());
    text.map(|s| s.as_bytes().to_vec()).chain(bin.cloned()).collect()
}

impl LdapDirectory {
    /// The account with stable id `id` under `directory.base_dn` (subtree) that matches
    /// `directory.user_filter`, filled in as `find_user` fills it; `None` if there is none.
    pub async fn find_by_id(&self, id: &UserId) -> Result<Option<DirUser>, DirError> {
        let clause = match self.flavour {
            LdapFlavour::ActiveDirectory => match guid_filter_value(id.as_str()) {
                Some(value) => format!("({}={value})", super::ad::OBJECT_GUID),
                None => return Ok(None),
            },
            LdapFlavour::Openldap => format!("({}={})", super::ENTRY_UUID, escape_filter_value(id.as_str())),
        };
        let filter = format!("(&{}{clause})", self.config.user_filter.trim());
        let Some(entry) = self.search_one_user(&filter, "user search by id").await? else {
            return Ok(None);
        };
        let user = self.user_from_entry(&entry, "").await?;
        // The id read back must be the one asked for (a filter value can only narrow).
        Ok(user.filter(|u| u.id == *id))
    }

    /// Why the agent must not change this account, if it must not.
    pub async fn protected_reason(&self, user: &DirUser, p: &Protection) -> Result<Option<String>, DirError> {
        for group in p.groups.iter().filter(|g| !g.starts_with("S-")) {
            let key = dn_key(group);
            if user.groups.iter().any(|g| dn_key(g) == key) {
                return Ok(Some(format!("member of the protected group {group}")));
            }
        }
        let sid_groups: Vec<&String> = p.groups.iter().filter(|g| g.starts_with("S-")).collect();
        if self.flavour != LdapFlavour::ActiveDirectory || (!p.builtin && sid_groups.is_empty()) {
            return Ok(None);
        }
        let dn = user.dn.as_str();
        let timeout = self.connector().timeout();
        let found = self
            .pool
            .run(Retry::Idempotent, |mut ldap| async move {
                ldap.with_timeout(timeout)
                    .search(dn, Scope::Base, "(objectClass=*)", vec!["tokenGroups", "objectSid", "adminCount"])
                    .await
            })
            .await?;
        if found.1.rc != 0 {
            return Err(logged("protected group check (tokenGroups)", dn, &found.1));
        }
        let entry = found.0.into_iter().next().map(SearchEntry::construct).ok_or(DirError::NotFound)?;
        if p.builtin && first(&entry, "adminCount").is_some_and(|v| v.trim() == "1") {
            return Ok(Some("adminCount=1 (an account AdminSDHolder protects)".into()));
        }
        let token = all_binary(&entry, "tokenGroups");
        let own = all_binary(&entry, "objectSid");
        if own.is_empty() {
            // Without the SIDs nothing can be judged: refuse rather than guess.
            return Ok(Some("the account's security identifiers could not be read".into()));
        }
        for sid in own.iter().chain(&token).filter_map(|b| sid_string(b)) {
            if p.builtin && privileged(&sid) {
                return Ok(Some(format!("a privileged account or member of a privileged group ({sid})")));
            }
            if sid_groups.iter().any(|g| g.eq_ignore_ascii_case(&sid)) {
                return Ok(Some(format!("member of the protected group {sid}")));
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sids_read_and_privileged_ones_are_known_by_rid() {
        // S-1-5-21-1-2-3-512, as the DC sends it.
        let mut b = vec![1, 5, 0, 0, 0, 0, 0, 5];
        for sub in [21u32, 1, 2, 3, 512] {
            b.extend_from_slice(&sub.to_le_bytes());
        }
        assert_eq!(sid_string(&b).as_deref(), Some("S-1-5-21-1-2-3-512"));
        assert!(sid_string(&b[..b.len() - 1]).is_none());
        assert!(privileged("S-1-5-21-1-2-3-512"));
        assert!(privileged("S-1-5-32-544"));
        assert!(privileged("S-1-5-21-9-9-9-502"), "krbtgt");
        assert!(!privileged("S-1-5-21-1-2-3-513"), "Domain Users");
        assert!(!privileged("S-1-5-21-1-2-3-1512"));
        assert!(!privileged("S-1-5-32-545"), "Users");
    }

    #[test]
    fn a_guid_goes_back_to_its_wire_order() {
        let wire: Vec<u8> = (0u8..16).collect();
        let text = super::super::ad::guid_string(&wire).unwrap();
        let expected: String = wire.iter().map(|x| format!("\\{x:02x}")).collect();
        assert_eq!(guid_filter_value(&text).as_deref(), Some(expected.as_str()));
        assert!(guid_filter_value("not-a-guid").is_none());
        assert!(guid_filter_value("*)(objectClass=*").is_none());
    }
}
