//! OpenLDAP as an administrator runs it: several servers tried in order (failover when the
//! first stops, back to it once it answers again), plain ldap:// only on purpose, and groups
//! within groups counting for scope, through `group_base_dn` searches and through the memberof
//! overlay, in look-ups and listings alike.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;

use ldap3::{LdapConnAsync, Mod};
use rekey::config::{Config, DirectoryConfig, EnabledFor};
use rekey::directory::ldap::LdapDirectory;
use rekey::directory::{DirError, DirUser, Directory, Login};
use secrecy::SecretString;

use crate::support::slapd::Slapd;
use crate::support::{init_tracing, remember_secret, unique};

/// The sample accounts' password (scripts/lib/slapd.sh, SLAPD_USER_PASSWORD's default).
const SAMPLE_PASSWORD: &str = "Demo-Passw0rd!";

async fn find(dir: &LdapDirectory, login: &str) -> DirUser {
    dir.find_user(&Login::parse(login).unwrap()).await.unwrap().unwrap_or_else(|| panic!("{login} not found"))
}

async fn admin_modify(slapd: &Slapd, dn: &str, mods: Vec<Mod<String>>) {
    let (conn, mut ldap) = LdapConnAsync::new(&slapd.ldap_url).await.unwrap();
    ldap3::drive!(conn);
    assert_eq!(ldap.simple_bind(&slapd.accounts.admin_dn, &slapd.accounts.admin_password).await.unwrap().rc, 0);
    let result = ldap.modify(dn, mods).await.unwrap();
    assert_eq!(result.rc, 0, "modifying {dn}: {result:?}");
    let _ = ldap.unbind().await;
}

#[tokio::test]
async fn plain_ldap_without_starttls_is_refused_unless_allowed_on_purpose() {
    init_tracing();
    let slapd = Slapd::shared().await;
    let refused = LdapDirectory::new(&DirectoryConfig { allow_plaintext: false, ..slapd.directory_config() });
    assert!(
        matches!(&refused, Err(DirError::Unavailable(m)) if m.contains("directory.allow_plaintext")),
        "{:?}",
        refused.err()
    );
    let starttls = DirectoryConfig {
        allow_plaintext: false,
        starttls: true,
        ca_file: Some(slapd.ca_file.clone()),
        ..slapd.directory_config()
    };
    find(&LdapDirectory::new(&starttls).unwrap(), "alice").await;
}

#[tokio::test]
async fn a_second_url_takes_over_when_the_first_server_stops_and_the_first_is_used_again_once_back() {
    init_tracing();
    remember_secret(SAMPLE_PASSWORD);
    let (first, second) = tokio::join!(Slapd::start(), Slapd::start());
    // Two servers holding the same people (the sample accounts) and the same service account.
    admin_modify(
        &second,
        &second.accounts.service_dn,
        vec![Mod::Replace("userPassword".into(), HashSet::from([first.accounts.service_password.clone()]))],
    )
    .await;
    let ids = |dir: LdapDirectory| async move { find(&dir, "alice").await.id };
    let on_first = ids(LdapDirectory::new(&first.directory_config()).unwrap()).await;
    let mut second_config = second.directory_config();
    second_config.bind_password = first.directory_config().bind_password;
    let on_second = ids(LdapDirectory::new(&second_config).unwrap()).await;
    assert_ne!(on_first, on_second, "not replicas: each server has its own entryUUIDs, which tell them apart");

    let config = DirectoryConfig { url: format!("{} {}", first.ldap_url, second.ldap_url), ..first.directory_config() };
    let dir = LdapDirectory::new(&config).unwrap();
    let password = SecretString::from(SAMPLE_PASSWORD.to_owned());
    let alice = find(&dir, "alice").await;
    assert_eq!(alice.id, on_first, "the first URL is used while it answers");

    first.stop();
    let alice = find(&dir, "alice").await;
    assert_eq!(alice.id, on_second, "the next request goes to the second server");
    dir.verify_password(&alice, &password).await.unwrap();
    dir.health().await.unwrap();

    first.restart().await;
    second.stop();
    let alice = find(&dir, "alice").await;
    assert_eq!(alice.id, on_first, "the pool reconnects to the first server that answers");
    dir.verify_password(&alice, &password).await.unwrap();

    first.stop();
    assert!(matches!(dir.find_user(&Login::parse("alice").unwrap()).await, Err(DirError::Unavailable(_))));
}

/// inner (naming the person) ⊂ outer ⊂ top, and top names inner again: a cycle.
async fn nested_groups(slapd: &Slapd, person_dn: &str) -> [String; 3] {
    let [inner, outer, top] = ["inner", "outer", "top"].map(unique);
    let dn = |cn: &str| format!("cn={cn},ou=groups,dc=example,dc=test");
    slapd.add_group(&inner, &[person_dn.to_owned()]).await;
    slapd.add_group(&outer, &[dn(&inner)]).await;
    slapd.add_group(&top, &[dn(&outer)]).await;
    admin_modify(slapd, &dn(&inner), vec![Mod::Add("member".into(), HashSet::from([dn(&top)]))]).await;
    [dn(&inner), dn(&outer), dn(&top)]
}

fn sorted(groups: &[String]) -> Vec<String> {
    let mut g: Vec<String> = groups.iter().map(|g| g.to_lowercase()).collect();
    g.sort();
    g
}

#[tokio::test]
async fn groups_within_groups_count_for_scope_with_a_group_base_and_with_member_of() {
    init_tracing();
    let slapd = Slapd::start().await;
    let person = slapd.create_user("nested").await;
    let groups = nested_groups(&slapd, &person.dn).await;
    let expected = sorted(&groups);
    let top_cn = groups[2].split(',').next().unwrap().trim_start_matches("cn=").to_owned();

    for config in
        [slapd.directory_config(), DirectoryConfig { group_base_dn: String::new(), ..slapd.directory_config() }]
    {
        let via = if config.group_base_dn.is_empty() { "memberOf" } else { "group_base_dn" };
        let dir = LdapDirectory::new(&config).unwrap();
        let found = find(&dir, &person.uid).await;
        assert_eq!(sorted(&found.groups), expected, "{via}");

        let mut portal = Config { directory: config.clone(), ..Config::default() };
        portal.policy.enabled_for = EnabledFor::Groups;
        portal.policy.groups = vec![top_cn.clone()];
        assert!(rekey::policy::in_scope(&portal, &found), "{via}: in scope through two levels of nesting");

        let listed = dir.list_users(100_000).await.unwrap();
        let entry = listed.iter().find(|u| u.id == found.id).expect("listed");
        assert_eq!(sorted(&entry.groups), expected, "{via}: the listing gives the groups find_user gives");
        let alice = listed.iter().find(|u| u.login == "alice").expect("alice is listed");
        assert_eq!(sorted(&alice.groups), sorted(&find(&dir, "alice").await.groups), "{via}: alice");
    }
}
