//! The LDAP backend against a real slapd with ppolicy: look-ups, binds, changes, resets,
//! lockout and unlock, TLS, listings of every account (past a page and slapd's size limit), and
//! what happens when the directory is down or refuses us.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use rekey::config::{DirectoryConfig, LdapFlavour};
use rekey::directory::ldap::LdapDirectory;
use rekey::directory::{DirError, DirUser, Directory, Login, PolicyReason};
use secrecy::SecretString;

use crate::ldap_shared::{self, directory, find, ldap_tests, new_password, secret, user};
use crate::support::directory::comparable;
use crate::support::slapd::Slapd;
use crate::support::{init_tracing, unique};

async fn shared() -> (&'static Slapd, LdapDirectory) {
    init_tracing();
    let slapd = Slapd::shared().await;
    (slapd, directory(&slapd.directory_config()))
}

fn group(cn: &str) -> String {
    format!("cn={cn},ou=groups,dc=example,dc=test")
}

#[tokio::test]
async fn a_user_is_found_by_uid_with_their_attributes() {
    let (slapd, dir) = shared().await;
    let t = slapd.create_user("find").await;
    slapd.add_to_group(&t, "staff").await;
    let u = find(&dir, &t.uid).await;
    assert_eq!(u.dn, t.dn);
    assert_eq!(u.login, t.uid);
    assert_eq!(u.emails, vec![t.mail.clone()]);
    assert_eq!(u.phones.len(), 1);
    assert!(u.display_name.ends_with(&t.surname), "{}", u.display_name);
    assert_eq!(u.id.as_str().len(), 36, "entryUUID: {}", u.id.as_str());
    assert_eq!(u.groups, vec![group("staff")]);
    assert!(!u.state.locked && !u.state.must_change);
}

#[tokio::test]
async fn a_user_is_found_by_mail_with_the_same_stable_id() {
    let (slapd, dir) = shared().await;
    let t = slapd.create_user("bymail").await;
    let by_mail = find(&dir, &t.mail).await;
    let by_uid = find(&dir, &t.uid).await;
    assert_eq!(by_mail.id, by_uid.id);
    assert_eq!(by_mail.login, t.uid, "the login is the uid even when the mail was typed");
}

#[tokio::test]
async fn groups_come_from_member_of_when_no_group_base_is_configured() {
    let (slapd, _) = shared().await;
    let config = DirectoryConfig { group_base_dn: String::new(), ..slapd.directory_config() };
    let dir = directory(&config);
    let t = slapd.create_user("memberof").await;
    slapd.add_to_group(&t, "contractors").await;
    slapd.add_to_group(&t, "it-admins").await;
    let mut groups = find(&dir, &t.uid).await.groups;
    groups.sort();
    assert_eq!(groups, vec![group("contractors"), group("it-admins")]);
}

#[tokio::test]
async fn filter_metacharacters_in_a_login_find_nobody_and_do_not_error() {
    init_tracing();
    let logins = ["*)(uid=*", "*", "meta*", "*)(|(uid=*)", r"\", "(", ")", "alice)(mail=*", "jürgen*", "x\\2a"];
    ldap_shared::logins_find_nobody(Slapd::shared().await, "meta", &logins).await;
}

#[tokio::test]
async fn a_login_with_special_characters_finds_exactly_that_account_and_its_groups() {
    let (slapd, dir) = shared().await;
    // A comma needs escaping in the DN, a backslash in the DN then needs escaping in the
    // group filter, and `*(` need escaping in the user filter.
    let t = slapd.create_user("o,b*(r").await;
    slapd.add_to_group(&t, "staff").await;
    let u = find(&dir, &t.uid).await;
    assert!(u.dn.to_lowercase().starts_with(r"uid=o\2cb*(r"), "{}", u.dn);
    assert_eq!(u.login, t.uid);
    assert_eq!(u.groups, vec![group("staff")]);
}

#[tokio::test]
async fn an_empty_password_is_never_sent_and_never_verifies() {
    let (slapd, dir) = shared().await;
    let (t, u) = user(slapd, &dir, "empty").await;
    for _ in 0..5 {
        let result = dir.verify_password(&u, &SecretString::from(String::new())).await;
        assert!(matches!(result, Err(DirError::WrongPassword)), "{result:?}");
    }
    assert!(!slapd.is_locked(&t).await, "nothing reached the server, so nothing counted as a failure");
}

#[tokio::test]
async fn a_locked_account_verifies_as_locked_even_with_the_right_password() {
    let (slapd, dir) = shared().await;
    let (t, u) = user(slapd, &dir, "lockedverify").await;
    slapd.lock(&t).await;
    let result = dir.verify_password(&u, &secret(&t.password)).await;
    assert!(matches!(result, Err(DirError::Locked)), "{result:?}");
}

#[tokio::test]
async fn a_change_under_a_minimum_age_policy_is_refused_as_too_young() {
    let (slapd, dir) = shared().await;
    let (t, u) = user(slapd, &dir, "minage").await;
    slapd.set_policy(&t, "min-age").await;
    // An account that was never changed has no pwdChangedTime: its first change is allowed.
    let (second, second_secret) = new_password();
    dir.change_password(&u, &secret(&t.password), &second_secret).await.unwrap();
    let (_, third) = new_password();
    let result = dir.change_password(&u, &second_secret, &third).await;
    assert!(matches!(result, Err(DirError::PolicyViolation(PolicyReason::TooYoung))), "{result:?}");
    assert!(slapd.bind(&t.dn, &second).await);
}

#[tokio::test]
async fn starttls_with_the_ca_file_works() {
    let (slapd, _) = shared().await;
    let config = DirectoryConfig { starttls: true, ca_file: Some(slapd.ca_file.clone()), ..slapd.directory_config() };
    let dir = directory(&config);
    let (t, u) = user(slapd, &dir, "starttls").await;
    dir.verify_password(&u, &secret(&t.password)).await.unwrap();
}

#[tokio::test]
async fn ldaps_with_the_ca_file_works() {
    let (slapd, _) = shared().await;
    let config = DirectoryConfig {
        url: slapd.ldaps_url.clone(),
        ca_file: Some(slapd.ca_file.clone()),
        ..slapd.directory_config()
    };
    let dir = directory(&config);
    let (t, u) = user(slapd, &dir, "ldaps").await;
    let (new, new_secret) = new_password();
    dir.change_password(&u, &secret(&t.password), &new_secret).await.unwrap();
    assert!(slapd.bind(&t.dn, &new).await);
}

#[tokio::test]
async fn tls_to_a_server_whose_ca_is_not_trusted_is_unavailable() {
    let (slapd, _) = shared().await;
    let config = DirectoryConfig { url: slapd.ldaps_url.clone(), ca_file: None, ..slapd.directory_config() };
    let result = directory(&config).health().await;
    assert!(
        matches!(&result, Err(DirError::Unavailable(m)) if m.contains("certificate") || m.contains("Certificate")),
        "{result:?}"
    );
}

#[tokio::test]
async fn a_stopped_directory_is_unavailable_within_the_timeout() {
    init_tracing();
    let slapd = Slapd::start().await;
    let dir = directory(&slapd.directory_config());
    let (t, u) = user(&slapd, &dir, "down").await;
    slapd.stop();
    let started = Instant::now();
    let found = dir.find_user(&Login::parse(&t.uid).unwrap()).await;
    assert!(matches!(found, Err(DirError::Unavailable(_))), "{found:?}");
    let verified = dir.verify_password(&u, &secret(&t.password)).await;
    assert!(matches!(verified, Err(DirError::Unavailable(_))), "{verified:?}");
    let (_, new) = new_password();
    let reset = dir.reset_password(&u, &new, false).await;
    assert!(matches!(reset, Err(DirError::Unavailable(_))), "{reset:?}");
    assert!(started.elapsed() < Duration::from_secs(3), "took {:?}", started.elapsed());
}

#[tokio::test]
async fn after_a_restart_the_same_directory_object_works_again() {
    init_tracing();
    let slapd = Slapd::start().await;
    let dir = directory(&slapd.directory_config());
    let (t, u) = user(&slapd, &dir, "restart").await;
    slapd.stop();
    assert!(dir.find_user(&Login::parse(&t.uid).unwrap()).await.is_err());
    slapd.restart().await;
    assert_eq!(find(&dir, &t.uid).await.id, u.id);
    dir.unlock(&u).await.unwrap();
}

#[tokio::test]
async fn a_port_where_nothing_listens_is_unavailable_fast() {
    let (slapd, _) = shared().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let config = DirectoryConfig { url: format!("ldap://127.0.0.1:{port}"), ..slapd.directory_config() };
    let dir = directory(&config); // creating it needs no server
    let started = Instant::now();
    let result = dir.find_user(&Login::parse("anyone").unwrap()).await;
    assert!(matches!(result, Err(DirError::Unavailable(_))), "{result:?}");
    assert!(dir.health().await.is_err());
    assert!(started.elapsed() < Duration::from_secs(1), "took {:?}", started.elapsed());
}

#[tokio::test]
async fn a_wrong_service_password_is_reported_as_denied_naming_the_account() {
    let (slapd, _) = shared().await;
    let config = DirectoryConfig { bind_password: Some(secret("Wrong-Service-Pass1")), ..slapd.directory_config() };
    let dir = directory(&config);
    let result = dir.find_user(&Login::parse("alice").unwrap()).await;
    assert!(
        matches!(&result, Err(DirError::Denied(m)) if m.contains(&slapd.accounts.service_dn) && m.contains("49")),
        "{result:?}"
    );
    assert!(matches!(dir.health().await, Err(DirError::Denied(_))));
}

#[tokio::test]
async fn an_unlock_beyond_the_service_accounts_rights_is_denied() {
    let (slapd, dir) = shared().await;
    let (_, mut u) = user(slapd, &dir, "outside").await;
    // The service account may write lock state under ou=people only.
    u.dn = slapd.accounts.service_dn.clone();
    let result = dir.unlock(&u).await;
    assert!(matches!(result, Err(DirError::Denied(_))), "{result:?}");
}

#[tokio::test]
async fn a_healthy_directory_reports_healthy() {
    let (_, dir) = shared().await;
    dir.health().await.unwrap();
}

#[tokio::test]
async fn the_active_directory_flavour_is_refused_without_tls() {
    let (slapd, _) = shared().await;
    let config = DirectoryConfig { flavour: LdapFlavour::ActiveDirectory, ..slapd.directory_config() };
    assert!(config.url.starts_with("ldap://") && !config.starttls);
    match LdapDirectory::new(&config) {
        Err(DirError::Unavailable(why)) => assert!(why.contains("TLS"), "{why}"),
        Err(other) => panic!("unexpected refusal: {other}"),
        Ok(_) => panic!("plain ldap:// must be refused for Active Directory"),
    }
}

#[tokio::test]
async fn the_sample_users_are_in_their_groups() {
    let (_, dir) = shared().await;
    let dave = find(&dir, "dave").await;
    let mut groups = dave.groups;
    groups.sort();
    assert_eq!(groups, vec![group("it-admins"), group("staff")]);
    assert_eq!(find(&dir, "carol@example.test").await.login, "carol");
}

/// Looks `login` up and finds the same account in `listed`.
async fn listed_like_find_user(dir: &LdapDirectory, listed: &[DirUser], login: &str) {
    let found = find(dir, login).await;
    let entry = listed.iter().find(|u| u.id == found.id).unwrap_or_else(|| panic!("{login} is not listed"));
    assert_eq!(comparable(entry), comparable(&found), "{login}");
}

#[tokio::test]
async fn listing_gives_every_account_as_find_user_does_and_no_group_or_service_entry() {
    let (slapd, dir) = shared().await;
    let both = slapd.create_user("listboth").await;
    slapd.add_to_group(&both, "staff").await;
    slapd.add_to_group(&both, "contractors").await;
    let none = slapd.create_user("listnone").await;
    let listed = dir.list_users(100_000).await.unwrap();
    for login in ["alice", "dave", "carol", both.uid.as_str(), none.uid.as_str()] {
        listed_like_find_user(&dir, &listed, login).await;
    }
    let both = listed.iter().find(|u| u.login == both.uid).unwrap();
    assert_eq!(comparable(both)["groups"], serde_json::json!([group("contractors"), group("staff")]));
    let people = format!(",{}", slapd.accounts.base_dn);
    assert!(listed.iter().all(|u| u.dn.ends_with(&people)), "only entries under ou=people");
    assert!(!listed.iter().any(|u| u.dn.contains("ou=groups") || u.dn == slapd.accounts.service_dn));
    let mut ids: Vec<&str> = listed.iter().map(|u| u.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), listed.len(), "each account once");
}

#[tokio::test]
async fn listing_without_a_group_base_reads_member_of_as_find_user_does() {
    let (slapd, _) = shared().await;
    let dir = directory(&DirectoryConfig { group_base_dn: String::new(), ..slapd.directory_config() });
    let t = slapd.create_user("listmemberof").await;
    slapd.add_to_group(&t, "it-admins").await;
    let listed = dir.list_users(100_000).await.unwrap();
    for login in ["dave", "bob", t.uid.as_str()] {
        listed_like_find_user(&dir, &listed, login).await;
    }
}

#[tokio::test]
async fn listing_stops_at_the_limit() {
    let (_, dir) = shared().await;
    assert_eq!(dir.list_users(2).await.unwrap().len(), 2);
    assert!(dir.list_users(0).await.unwrap().is_empty());
}

/// 1,200 accounts: more than a page (500) and than slapd's default size limit (500), which
/// holds for a whole paged search unless the service account is allowed more.
#[tokio::test]
async fn listing_more_accounts_than_a_page_gets_them_all_once_slapd_allows_it() {
    init_tracing();
    let slapd = Slapd::start().await;
    let dns = slapd.add_accounts(&unique("bulk"), 1200).await;
    slapd.add_group("everyone", &dns).await;
    let dir = directory(&slapd.directory_config());
    match dir.list_users(10_000).await {
        Err(DirError::Unavailable(why)) => assert!(why.contains("size limit"), "{why}"),
        other => panic!("a listing cut short by slapd must not pass for the directory: {:?}", other.map(|l| l.len())),
    }

    slapd.lift_service_size_limit().await;
    let listed = dir.list_users(10_000).await.unwrap();
    assert_eq!(listed.len(), 1200 + 4, "the bulk accounts and the four sample people");
    let everyone = group("everyone");
    let bulk: Vec<&DirUser> = listed.iter().filter(|u| dns.contains(&u.dn)).collect();
    assert_eq!(bulk.len(), 1200);
    assert!(bulk.iter().all(|u| u.groups == [everyone.clone()]), "groups of the bulk accounts");
    listed_like_find_user(&dir, &listed, "dave").await;
    assert_eq!(dir.list_users(1000).await.unwrap().len(), 1000);
}

// The bodies in ldap_shared.rs, which ad_directory.rs (on the Samba DC) runs too.
ldap_tests!(Slapd::shared();
    the_right_password_verifies => right_password_verifies("verify"),
    a_wrong_password_is_wrong_password => wrong_password_is_wrong("wrongpw"),
    a_change_with_the_right_old_password_takes_effect => change_with_the_right_old_password("change"),
    a_change_with_a_wrong_old_password_is_wrong_password_and_changes_nothing => change_with_a_wrong_old_password("changewrong"),
    a_too_short_new_password_is_refused_as_too_short => change_too_short("short"),
    reusing_a_password_from_history_is_refused_as_in_history => change_back_is_in_history("history"),
    a_reset_sets_a_password_that_binds_and_the_old_one_no_longer_does => reset_replaces_the_password("reset"),
    a_reset_refused_by_policy_leaves_the_old_password_working => reset_too_short("resetshort"),
    a_reset_with_must_change_makes_the_next_bind_report_must_change => reset_with_must_change("mustchange"),
    a_user_who_must_change_can_change_and_then_verifies => must_change_then_change("afterreset"),
    a_reset_without_must_change_clears_a_pending_must_change => reset_clears_a_pending_must_change("clearreset"),
    bad_binds_lock_and_unlock_restores_the_old_password => lock_and_unlock("lockout"),
    unlocking_an_unlocked_account_succeeds => unlocking_an_unlocked_account("notlocked"),
    a_reset_also_unlocks => reset_also_unlocks("resetlocked"),
);
