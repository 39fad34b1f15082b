//! Active Directory logins and group scope as a domain has them: `DOMAIN\user` (the NetBIOS
//! domain, read from the DC), the primary group (Domain Users, named by no group's `member`),
//! nested groups, and a person in more than 1,000 groups, all through `tokenGroups`.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;
use std::time::Instant;

use rekey::config::{Config, DirectoryConfig, EnabledFor};
use rekey::directory::ldap::LdapDirectory;
use rekey::directory::{DirUser, Directory, Login};

use crate::support::directory::comparable;
use crate::support::init_tracing;
use crate::support::samba::{SambaDc, free_address};

/// The test domain's NetBIOS name (scripts/lib/samba.sh: DOMAIN=CORP).
const NETBIOS: &str = "CORP";

async fn lookup(dir: &LdapDirectory, login: &str) -> Option<DirUser> {
    dir.find_user(&Login::parse(login).unwrap()).await.unwrap()
}

fn scoped_to(dc: &SambaDc, groups: &[&str]) -> Config {
    let mut config = Config { directory: dc.directory_config(), ..Config::default() };
    config.policy.enabled_for = EnabledFor::Groups;
    config.policy.groups = groups.iter().map(|g| (*g).to_owned()).collect();
    config
}

#[tokio::test]
async fn a_down_level_logon_name_finds_the_account_in_its_own_domain_only() {
    init_tracing();
    let dc = SambaDc::shared().await;
    let dir = LdapDirectory::new(&dc.directory_config()).unwrap();
    let t = dc.create_user("downlevel").await;
    let by_sam = lookup(&dir, &t.uid).await.expect("found by sAMAccountName");
    for login in [format!("{NETBIOS}\\{}", t.uid), format!("corp\\{}", t.uid.to_uppercase())] {
        let found = lookup(&dir, &login).await.unwrap_or_else(|| panic!("{login} not found"));
        assert_eq!(comparable(&found), comparable(&by_sam), "{login}");
    }
    // Another domain, an unknown person, or a malformed name: the same answer as a typo.
    for login in [
        format!("OTHER\\{}", t.uid),
        format!("{NETBIOS}\\nobody-{}", t.uid),
        format!("{NETBIOS}\\"),
        format!("\\{}", t.uid),
        format!("{NETBIOS}\\*"),
        format!("{NETBIOS}\\{}\\x", t.uid),
    ] {
        assert!(lookup(&dir, &login).await.is_none(), "{login}");
    }
    // A configured name is used as it is, without asking the DC.
    let configured =
        LdapDirectory::new(&DirectoryConfig { netbios_domain: "ELSEWHERE".into(), ..dc.directory_config() }).unwrap();
    assert!(lookup(&configured, &format!("ELSEWHERE\\{}", t.uid)).await.is_some());
    assert!(lookup(&configured, &format!("{NETBIOS}\\{}", t.uid)).await.is_none());
}

#[tokio::test]
async fn the_primary_group_and_nested_groups_count_for_scope() {
    init_tracing();
    let dc = SambaDc::shared().await;
    let dir = LdapDirectory::new(&dc.directory_config()).unwrap();
    let plain = dc.create_user("primary").await;
    let found = lookup(&dir, &plain.uid).await.unwrap();
    assert!(
        found.groups.iter().any(|g| g.eq_ignore_ascii_case("CN=Domain Users,CN=Users,DC=corp,DC=test")),
        "{:?}",
        found.groups
    );
    assert!(rekey::policy::in_scope(&scoped_to(dc, &["Domain Users"]), &found));
    assert!(rekey::policy::in_scope(&scoped_to(dc, &["CN=Domain Users,CN=Users,DC=corp,DC=test"]), &found));
    assert!(!rekey::policy::in_scope(&scoped_to(dc, &["staff"]), &found));

    let nested = dc.create_user("primnest").await;
    dc.add_to_group(&nested, "staff-nested").await;
    let found = lookup(&dir, &nested.uid).await.unwrap();
    assert!(rekey::policy::in_scope(&scoped_to(dc, &["staff"]), &found), "{:?}", found.groups);

    // The listing counts the primary group too.
    let listed = dir.list_users(100_000).await.unwrap();
    let entry = listed.iter().find(|u| u.id == found.id).expect("listed");
    assert_eq!(comparable(entry), comparable(&found));
}

#[tokio::test]
async fn a_person_in_1100_groups_is_judged_on_every_one() {
    init_tracing();
    // A DC of its own: 1,100 more groups would slow every listing on the shared one.
    let dc = SambaDc::start_on(&free_address()).await;
    let t = dc.create_user("many").await;
    let names: Vec<String> = (0..1100).map(|i| format!("g{i:04}-{}", t.uid)).collect();
    let started = Instant::now();
    let admin = dc.admin().await;
    let mut workers = tokio::task::JoinSet::new();
    for share in names.chunks(names.len().div_ceil(8)) {
        let (mut ldap, share, member) = (admin.clone(), share.to_vec(), t.dn.clone());
        workers.spawn(async move {
            for name in share {
                let dn = format!("CN={name},OU=Groups,DC=corp,DC=test");
                let attrs: Vec<(&str, HashSet<&str>)> = vec![
                    ("objectClass", HashSet::from(["group"])),
                    ("sAMAccountName", HashSet::from([name.as_str()])),
                    ("member", HashSet::from([member.as_str()])),
                ];
                let result = ldap.add(&dn, attrs).await.unwrap();
                assert_eq!(result.rc, 0, "adding {dn}: {result:?}");
            }
        });
    }
    while let Some(done) = workers.join_next().await {
        done.unwrap();
    }
    eprintln!("1,100 groups made in {:?}", started.elapsed());

    let dir = LdapDirectory::new(&dc.directory_config()).unwrap();
    let started = Instant::now();
    let found = lookup(&dir, &t.uid).await.unwrap();
    eprintln!("look-up of a person in 1,100 groups: {:?}", started.elapsed());
    let started = Instant::now();
    let again = lookup(&dir, &t.uid).await.unwrap();
    eprintln!("the same look-up again (group names cached): {:?}", started.elapsed());
    assert_eq!(comparable(&found), comparable(&again));
    let got: HashSet<String> = found.groups.iter().map(|g| g.to_lowercase()).collect();
    for name in &names {
        assert!(got.contains(&format!("cn={name},ou=groups,dc=corp,dc=test").to_lowercase()), "{name} missing");
    }
    let last = names.last().unwrap();
    assert!(rekey::policy::in_scope(&scoped_to(&dc, &[last.as_str()]), &found));
    assert!(rekey::policy::in_scope(&scoped_to(&dc, &["Domain Users"]), &found));
}
