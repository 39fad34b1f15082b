//! Who may use self-service and what it takes: scope (groups), methods, counts; and, in
//! `quality`, what a new password must be.
//!
//! Pure functions over config and directory data: no I/O, so every flow, the admin pages and
//! the tests ask the same questions the same way.

pub mod quality;

use crate::config::{Config, EnabledFor, MethodKind, PolicyConfig};
use crate::directory::DirUser;
use crate::directory::ldap::{dn_key, is_under};

/// Whether the account may use self-service at all. A disabled account never may.
pub fn in_scope(config: &Config, user: &DirUser) -> bool {
    let policy = &config.policy;
    if user.state.disabled {
        return false;
    }
    if policy.excluded_groups.iter().any(|g| member_of(config, user, g)) {
        return false;
    }
    match policy.enabled_for {
        EnabledFor::None => false,
        EnabledFor::All => true,
        EnabledFor::Groups => policy.groups.iter().any(|g| member_of(config, user, g)),
    }
}

/// Whether `user` belongs to `group`, named either by its DN, compared as the directory
/// compares DNs (case, escaping and spaces around separators do not matter), or by its first
/// RDN value (`staff` matches `cn=staff,ou=groups,…`) for a group under
/// `directory.group_base_dn` (anywhere when that is empty). A group known by id only (Graph)
/// compares as it is, without regard to case.
pub fn member_of(config: &Config, user: &DirUser, group: &str) -> bool {
    let wanted = group.trim();
    if wanted.contains('=') {
        let key = dn_key(wanted);
        return user.groups.iter().any(|dn| dn_key(dn) == key);
    }
    let base = dn_key(config.directory.group_base_dn.trim());
    user.groups.iter().any(|g| {
        if !g.contains('=') {
            return g.trim().eq_ignore_ascii_case(wanted);
        }
        first_rdn_value(g).is_some_and(|v| v.eq_ignore_ascii_case(wanted)) && is_under(&dn_key(g), &base)
    })
}

fn first_rdn_value(dn: &str) -> Option<&str> {
    let rdn = dn.split(',').next()?;
    let (_, value) = rdn.split_once('=')?;
    Some(value.trim())
}

/// Whether a method kind is allowed by policy.
pub fn method_allowed(policy: &PolicyConfig, kind: MethodKind) -> bool {
    policy.methods.contains(&kind)
}

/// Admins and members of the privileged groups: security questions are never enough for them
/// on their own.
pub fn is_privileged(config: &crate::config::Config, user: &DirUser) -> bool {
    config.admin.groups.iter().chain(&config.alerts.privileged_groups).any(|g| member_of(config, user, g))
}

/// The method policy for one person: the general policy, made stricter by every rule for a
/// group they belong to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Effective {
    pub methods_required: u8,
    pub methods_to_register: u8,
    /// Methods that do not count for this person.
    pub excluded: Vec<MethodKind>,
}

pub fn effective(config: &crate::config::Config, user: &DirUser) -> Effective {
    let p = &config.policy;
    let mut e = Effective {
        methods_required: p.methods_required,
        methods_to_register: p.methods_to_register,
        excluded: vec![],
    };
    for rule in p.rules.iter().filter(|r| r.groups.iter().any(|g| member_of(config, user, g))) {
        let required = rule.methods_required.unwrap_or(p.methods_required);
        e.methods_required = e.methods_required.max(required);
        e.methods_to_register = e.methods_to_register.max(rule.methods_to_register.unwrap_or(p.methods_to_register));
        e.excluded.extend(rule.excluded_methods.iter().copied());
    }
    e.methods_to_register = e.methods_to_register.max(e.methods_required);
    e.excluded.sort_unstable();
    e.excluded.dedup();
    e
}

/// How many distinct methods count among `kinds` for `user`: none of the methods a group rule
/// excludes for them, and for a privileged account, security questions only beside another
/// method.
pub fn counted(config: &crate::config::Config, user: &DirUser, kinds: &[MethodKind]) -> usize {
    let excluded = effective(config, user).excluded;
    let mut distinct: Vec<MethodKind> = kinds.iter().copied().filter(|k| !excluded.contains(k)).collect();
    distinct.sort_unstable();
    distinct.dedup();
    if is_privileged(config, user) && distinct == [MethodKind::Questions] {
        return 0;
    }
    distinct.len()
}

/// Allowed methods in a stable order, without repeats.
pub fn allowed_methods(policy: &PolicyConfig) -> Vec<MethodKind> {
    MethodKind::ALL.into_iter().filter(|k| policy.methods.contains(k)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::{AccountState, UserId};

    fn user(groups: &[&str]) -> DirUser {
        DirUser {
            id: UserId("1".into()),
            dn: "uid=a,ou=people,dc=example,dc=test".into(),
            login: "a".into(),
            display_name: "A".into(),
            emails: vec![],
            phones: vec![],
            groups: groups.iter().map(|g| g.to_string()).collect(),
            state: AccountState::default(),
        }
    }

    fn policy(enabled_for: EnabledFor, groups: &[&str], excluded: &[&str]) -> Config {
        let policy = PolicyConfig {
            enabled_for,
            groups: groups.iter().map(|g| g.to_string()).collect(),
            excluded_groups: excluded.iter().map(|g| g.to_string()).collect(),
            ..PolicyConfig::default()
        };
        Config { policy, ..Config::default() }
    }

    #[test]
    fn groups_match_by_dn_or_name_case_insensitively() {
        let c = Config::default();
        let u = user(&["cn=Staff,ou=groups,dc=example,dc=test"]);
        assert!(member_of(&c, &u, "staff"));
        assert!(member_of(&c, &u, "CN=staff,OU=groups,DC=example,DC=test"));
        assert!(member_of(&c, &u, "cn=staff, ou=Groups,  dc=example, dc=test"));
        assert!(!member_of(&c, &u, "staf"));
        assert!(!member_of(&c, &u, "ou=groups"));
        assert!(!member_of(&c, &u, "cn=staff,ou=groups,dc=example"));
    }

    #[test]
    fn short_names_match_only_groups_under_the_group_base() {
        let mut c = Config::default();
        c.directory.group_base_dn = "OU=Groups, DC=example,DC=test".into();
        let inside = user(&["cn=staff,ou=groups,dc=example,dc=test"]);
        let outside = user(&["cn=staff,ou=people,dc=example,dc=test"]);
        assert!(member_of(&c, &inside, "staff"));
        assert!(!member_of(&c, &outside, "staff"));
        assert!(member_of(&c, &outside, "cn=staff,ou=people,dc=example,dc=test"));
    }

    #[test]
    fn scope_follows_enabled_for_and_exclusions() {
        let staff = user(&["cn=staff,ou=groups,dc=example,dc=test"]);
        let other = user(&["cn=contractors,ou=groups,dc=example,dc=test"]);
        assert!(in_scope(&policy(EnabledFor::All, &[], &[]), &other));
        assert!(!in_scope(&policy(EnabledFor::None, &[], &[]), &staff));
        assert!(in_scope(&policy(EnabledFor::Groups, &["staff"], &[]), &staff));
        assert!(!in_scope(&policy(EnabledFor::Groups, &["staff"], &[]), &other));
        assert!(!in_scope(&policy(EnabledFor::All, &[], &["staff"]), &staff));
    }

    #[test]
    fn disabled_accounts_are_never_in_scope() {
        let mut u = user(&[]);
        u.state.disabled = true;
        assert!(!in_scope(&policy(EnabledFor::All, &[], &[]), &u));
    }
}
