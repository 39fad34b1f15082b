//! Group names with a Microsoft Graph directory. Entra ID names a group by its object id (a
//! GUID): that is what checkMemberGroups answers with, so a policy, admin or alert group is
//! written as one. With an on-premises directory for synced accounts (`on_premises = "ldap"`
//! or `"agent"`), a name as that directory names its groups (cn or DN) is also allowed: it
//! matches synced accounts only, whose on-premises groups rekey reads there.

use super::{Config, OnPremises};

/// Whether `name` is an Entra object id as Graph writes it: a hyphenated GUID.
pub fn is_object_id(name: &str) -> bool {
    let name = name.trim();
    name.len() == 36 && uuid::Uuid::parse_str(name).is_ok()
}

/// Every group the configuration names, with the key that names it: policy scope and
/// exclusions, method rules, the admin area and privileged-reset alerts.
pub fn named(config: &Config) -> Vec<(String, &str)> {
    let mut lists: Vec<(String, &[String])> = vec![
        ("policy.groups".into(), &config.policy.groups),
        ("policy.excluded_groups".into(), &config.policy.excluded_groups),
    ];
    for (i, rule) in config.policy.rules.iter().enumerate() {
        lists.push((format!("policy.rules[{i}].groups"), &rule.groups));
    }
    lists.push(("admin.groups".into(), &config.admin.groups));
    lists.push(("helpdesk.groups".into(), &config.helpdesk.groups));
    lists.push(("helpdesk.out_of_reach_groups".into(), &config.helpdesk.out_of_reach_groups));
    lists.push(("alerts.privileged_groups".into(), &config.alerts.privileged_groups));
    lists.into_iter().flat_map(|(key, groups)| groups.iter().map(move |g| (key.clone(), g.as_str()))).collect()
}

/// The Entra group ids to ask Graph about for every account: each configured object id once,
/// in lower case as Graph answers.
pub fn entra_ids(config: &Config) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for (_, name) in named(config) {
        if is_object_id(name) {
            let id = name.trim().to_ascii_lowercase();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids
}

/// Refuses, by key, group names Graph cannot answer for when no on-premises directory could.
pub(super) fn validate(config: &Config, err: &mut impl FnMut(&str, String)) {
    let on_premises = config.directory.graph.as_ref().map_or(OnPremises::None, |g| g.on_premises);
    if on_premises != OnPremises::None {
        return;
    }
    for (key, name) in named(config) {
        if !is_object_id(name) {
            err(
                &key,
                format!(
                    "{name:?} is not an Entra group object id: with directory.kind = \"graph\", name groups by their \
                     object id (a GUID such as 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0, shown in the Entra admin center)"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(extra: &str) -> Vec<String> {
        let toml = format!(
            "[secrets]\nmaster_key = \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"\n{extra}[directory]\nkind = \"graph\"\n\
             [directory.graph]\ntenant_id = \"0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0\"\n\
             client_id = \"11111111-2222-3333-4444-555555555555\"\nclient_secret = \"s\"\n"
        );
        match Config::from_toml(&toml) {
            Ok(_) => vec![],
            Err(e) => e.0.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn check_config_refuses_group_names_graph_cannot_answer_for_naming_the_key() {
        let id = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
        assert_eq!(
            errors(&format!(
                "[policy]\nexcluded_groups = [\"{id}\"]\n[[policy.rules]]\ngroups = [\"{id}\"]\nmethods_required = 2\n\
                 [admin]\ngroups = [\"{id}\"]\n[alerts]\nprivileged_groups = [\"{id}\"]\n"
            )),
            Vec::<String>::new()
        );
        let errs = errors(
            "[policy]\nexcluded_groups = [\"Domain Admins\"]\n[[policy.rules]]\ngroups = [\"cn=x,dc=y\"]\n\
             methods_required = 2\n[admin]\ngroups = [\"rekey-admins\"]\n[alerts]\nprivileged_groups = [\"tier0\"]\n",
        );
        for key in ["policy.excluded_groups:", "policy.rules[0].groups:", "admin.groups:", "alerts.privileged_groups:"]
        {
            assert!(errs.iter().any(|e| e.starts_with(key) && e.contains("object id")), "{key} in {errs:?}");
        }
    }

    #[test]
    fn object_ids_are_hyphenated_guids() {
        assert!(is_object_id("0B1C2D3E-4F50-6172-8394-A5B6C7D8E9F0"));
        assert!(!is_object_id("{0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0}"));
        assert!(!is_object_id("staff"));
        assert!(!is_object_id("cn=staff,ou=groups,dc=example,dc=test"));
    }
}
