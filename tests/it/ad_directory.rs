//! The LDAP backend's Active Directory flavour against a real Samba AD DC: look-ups by every
//! login attribute, objectGUID ids, nested groups, binds and their sub-codes, resets, changes
//! (also when the password must be changed), lockout and unlock, passwords beyond ASCII, and
//! listings of every person (not computers) with their nested groups.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use rekey::config::DirectoryConfig;
use rekey::directory::ldap::LdapDirectory;
use rekey::directory::{DirError, Directory, PolicyReason};

use crate::ldap_shared::{self, directory, find, ldap_tests, new_password, secret, user};
use crate::support::directory::comparable;
use crate::support::init_tracing;
use crate::support::samba::SambaDc;

async fn shared() -> (&'static SambaDc, LdapDirectory) {
    init_tracing();
    let dc = SambaDc::shared().await;
    (dc, directory(&dc.directory_config()))
}

/// Every account's primary group, Domain Users, and the built-in Users group it is in.
const EVERYONE: [&str; 2] = ["domain users", "users"];

/// The first RDN value of each group DN, lower-cased and sorted: `CN=staff,OU=…` → `staff`.
fn group_names(groups: &[String]) -> Vec<String> {
    let mut names: Vec<String> = groups
        .iter()
        .map(|dn| dn.split(',').next().and_then(|rdn| rdn.split_once('=')).map(|(_, v)| v.to_lowercase()).unwrap())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn a_user_is_found_by_sam_account_name_upn_and_mail_with_one_object_guid() {
    let (dc, dir) = shared().await;
    let t = dc.create_user("adfind").await;
    let by_sam = find(&dir, &t.uid).await;
    let by_upn = find(&dir, &format!("{}@corp.test", t.uid)).await;
    let by_mail = find(&dir, &t.mail).await;
    assert_eq!(by_sam.dn, t.dn);
    assert_eq!(by_sam.id, by_upn.id);
    assert_eq!(by_sam.id, by_mail.id);
    for u in [&by_sam, &by_upn, &by_mail] {
        assert_eq!(u.login, t.uid, "the login is the sAMAccountName whatever was typed");
    }
    let guid = by_sam.id.as_str();
    let dashes: Vec<usize> = guid.match_indices('-').map(|(i, _)| i).collect();
    assert_eq!((guid.len(), dashes), (36, vec![8, 13, 18, 23]), "objectGUID as text: {guid}");
    assert!(guid.chars().all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_uppercase()), "{guid}");
    assert_eq!(by_sam.emails, vec![t.mail.clone()]);
    assert!(!by_sam.state.disabled && !by_sam.state.locked && !by_sam.state.must_change, "{:?}", by_sam.state);
    assert!(!by_sam.state.password_expired);
}

#[tokio::test]
async fn the_object_guid_stays_the_same_after_a_reset() {
    let (dc, dir) = shared().await;
    let (t, before) = user(dc, &dir, "adguid").await;
    let (_, new) = new_password();
    dir.reset_password(&before, &new, false).await.unwrap();
    assert_eq!(find(&dir, &t.uid).await.id, before.id);
}

#[tokio::test]
async fn filter_metacharacters_in_a_login_find_nobody_and_do_not_error() {
    init_tracing();
    let logins = ["*)(sAMAccountName=*", "*", "admeta*", "*)(|(objectClass=*)", r"\", "(", ")", "x\\2a"];
    ldap_shared::logins_find_nobody(SambaDc::shared().await, "admeta", &logins).await;
}

#[tokio::test]
async fn a_member_of_a_nested_group_is_a_member_of_the_outer_group() {
    let (dc, dir) = shared().await;
    let t = dc.create_user("adnested").await;
    dc.add_to_group(&t, "staff-nested").await;
    let u = find(&dir, &t.uid).await;
    assert_eq!(group_names(&u.groups), vec!["domain users", "staff", "staff-nested", "users"], "{:?}", u.groups);
}

#[tokio::test]
async fn direct_groups_are_listed_and_a_user_in_none_has_only_the_primary_group() {
    let (dc, dir) = shared().await;
    let t = dc.create_user("adgroups").await;
    dc.add_to_group(&t, "contractors").await;
    dc.add_to_group(&t, "it-admins").await;
    assert_eq!(
        group_names(&find(&dir, &t.uid).await.groups),
        vec!["contractors", "domain users", "it-admins", "users"]
    );
    let (_, loner) = user(dc, &dir, "adloner").await;
    assert_eq!(group_names(&loner.groups), EVERYONE, "{:?}", loner.groups);
}

#[tokio::test]
async fn the_right_password_verifies_and_a_wrong_one_is_wrong_password() {
    init_tracing();
    let dc = SambaDc::shared().await;
    ldap_shared::right_password_verifies(dc, "adverify").await;
    ldap_shared::wrong_password_is_wrong(dc, "adverify").await;
}

#[tokio::test]
async fn a_reset_with_must_change_makes_the_next_bind_report_must_change() {
    init_tracing();
    let dc = SambaDc::shared().await;
    let (dir, t, _, temporary) = ldap_shared::reset_with_must_change(dc, "admust").await;
    assert!(!dc.bind(&t.dn, &temporary).await, "AD refuses the bind (773) until the password is changed");
    let state = find(&dir, &t.uid).await.state;
    assert!(state.must_change && !state.password_expired, "{state:?}");
}

#[tokio::test]
async fn a_change_refused_for_complexity_is_insufficient_quality() {
    let (dc, dir) = shared().await;
    let (t, u) = user(dc, &dir, "adcomplex").await;
    let result = dir.change_password(&u, &secret(&t.password), &secret("onlylowercaseletters")).await;
    assert!(matches!(result, Err(DirError::PolicyViolation(PolicyReason::InsufficientQuality))), "{result:?}");
    assert!(dc.bind(&t.dn, &t.password).await);
}

#[tokio::test]
async fn a_too_short_password_is_too_short_on_a_change_and_on_a_reset() {
    init_tracing();
    let dc = SambaDc::shared().await;
    ldap_shared::change_too_short(dc, "adshort").await;
    ldap_shared::reset_too_short(dc, "adshort").await;
}

#[tokio::test]
async fn samba_ignores_the_policy_hints_control_so_a_reset_may_reuse_history() {
    // Documents a fact of Samba 4.17 (rekey.example.toml says so). If this starts failing,
    // Samba enforces history on resets now: update the docs and turn this test around.
    let (dc, _) = shared().await;
    let dir = directory(&DirectoryConfig { enforce_history_on_reset: Some(true), ..dc.directory_config() });
    let (t, u) = user(dc, &dir, "adhints").await;
    let (_, second) = new_password();
    dir.reset_password(&u, &second, false).await.unwrap();
    dir.reset_password(&u, &secret(&t.password), false).await.unwrap();
    assert!(dc.bind(&t.dn, &t.password).await);
}

#[tokio::test]
async fn a_change_on_a_locked_account_is_locked() {
    let (dc, dir) = shared().await;
    let (t, u) = user(dc, &dir, "adchglock").await;
    dc.lock(&t).await;
    let (_, new) = new_password();
    let result = dir.change_password(&u, &secret(&t.password), &new).await;
    assert!(matches!(result, Err(DirError::Locked)), "{result:?}");
}

#[tokio::test]
async fn a_disabled_account_reads_as_disabled_and_no_password_operation_touches_it() {
    let (dc, dir) = shared().await;
    let (t, before) = user(dc, &dir, "addisabled").await;
    dc.disable(&t).await;
    let u = find(&dir, &t.uid).await;
    assert!(u.state.disabled, "{:?}", u.state);
    let verified = dir.verify_password(&u, &secret(&t.password)).await;
    assert!(matches!(verified, Err(DirError::Disabled)), "533: {verified:?}");
    // The DC itself would accept both of these on a disabled account; rekey refuses them, also
    // for a DirUser read before the account was disabled.
    let (new, new_secret) = new_password();
    let reset = dir.reset_password(&before, &new_secret, false).await;
    assert!(matches!(reset, Err(DirError::Disabled)), "{reset:?}");
    let changed = dir.change_password(&before, &secret(&t.password), &new_secret).await;
    assert!(matches!(changed, Err(DirError::Disabled)), "{changed:?}");
    assert!(matches!(dir.unlock(&before).await, Err(DirError::Disabled)));
    // AD answers 533 only to the right password of a disabled account, 52e to any other: so
    // the old password is still the one, and the new one was never set.
    let old_still = dir.verify_password(&u, &secret(&t.password)).await;
    assert!(matches!(old_still, Err(DirError::Disabled)), "{old_still:?}");
    let new_never = dir.verify_password(&u, &secret(&new)).await;
    assert!(matches!(new_never, Err(DirError::WrongPassword)), "{new_never:?}");
}

#[tokio::test]
async fn passwords_beyond_ascii_reset_and_bind() {
    let (dc, dir) = shared().await;
    for (i, password) in ["Café-crème-1A", "Straße-Maß-2B", "密码-Passwort-3C", "Schlüssel-🔑-4D", "🔐🗝️-Emoji-Only-5e"]
        .into_iter()
        .enumerate()
    {
        let (t, u) = user(dc, &dir, &format!("adutf{i}")).await;
        let new = secret(password);
        dir.reset_password(&u, &new, false).await.unwrap_or_else(|e| panic!("reset #{i}: {e}"));
        assert!(dc.bind(&t.dn, password).await, "raw bind with password #{i}");
        dir.verify_password(&u, &new).await.unwrap_or_else(|e| panic!("verify #{i}: {e}"));
        assert!(!dc.bind(&t.dn, &t.password).await);
    }
}

#[tokio::test]
async fn a_change_to_a_non_ascii_password_binds() {
    let (dc, dir) = shared().await;
    let (t, u) = user(dc, &dir, "adutfchg").await;
    let new = "Grüße-密码-🔑-9z";
    dir.change_password(&u, &secret(&t.password), &secret(new)).await.unwrap();
    assert!(dc.bind(&t.dn, new).await);
}

#[tokio::test]
async fn a_reset_beyond_the_service_accounts_rights_is_refused_for_good() {
    let (dc, dir) = shared().await;
    let (_, mut u) = user(dc, &dir, "adoutside").await;
    // rekey-svc may reset passwords under OU=People only: insufficientAccessRights (50) on this
    // account's password, which trying again will not change.
    u.dn = "CN=Administrator,CN=Users,DC=corp,DC=test".into();
    let (_, new) = new_password();
    let result = dir.reset_password(&u, &new, false).await;
    assert!(matches!(&result, Err(DirError::Refused(m)) if m.contains("(50)")), "{result:?}");
}

#[tokio::test]
async fn starttls_on_the_plain_port_works_for_password_operations() {
    let (dc, _) = shared().await;
    let ldaps = dc.directory_config();
    let host = ldaps.url.trim_start_matches("ldaps://").rsplit_once(':').map(|(h, _)| h.to_owned()).unwrap();
    let dir = directory(&DirectoryConfig { url: format!("ldap://{host}:389"), starttls: true, ..ldaps });
    let (t, u) = user(dc, &dir, "adstarttls").await;
    dir.verify_password(&u, &secret(&t.password)).await.unwrap();
    let (new, new_secret) = new_password();
    dir.reset_password(&u, &new_secret, false).await.unwrap();
    assert!(dc.bind(&t.dn, &new).await);
}

#[tokio::test]
async fn an_active_directory_over_plain_ldap_is_refused_before_any_connection() {
    let (dc, _) = shared().await;
    let config = DirectoryConfig { url: "ldap://127.0.0.1:389".into(), starttls: false, ..dc.directory_config() };
    let result = LdapDirectory::new(&config);
    assert!(matches!(&result, Err(DirError::Unavailable(m)) if m.contains("TLS")), "{:?}", result.err());
}

#[tokio::test]
async fn listing_gives_people_not_computers_with_the_groups_find_user_gives() {
    let (dc, dir) = shared().await;
    let nested = dc.create_user("adlistnest").await;
    dc.add_to_group(&nested, "staff-nested").await;
    let direct = dc.create_user("adlistdirect").await;
    dc.add_to_group(&direct, "contractors").await;
    dc.add_to_group(&direct, "it-admins").await;
    let none = dc.create_user("adlistnone").await;
    let computer = dc.create_computer("adlistpc").await;

    let listed = dir.list_users(100_000).await.unwrap();
    for login in [nested.uid.as_str(), direct.uid.as_str(), none.uid.as_str()] {
        let found = find(&dir, login).await;
        let entry = listed.iter().find(|u| u.id == found.id).unwrap_or_else(|| panic!("{login} is not listed"));
        assert_eq!(comparable(entry), comparable(&found), "{login}");
    }
    let nested = listed.iter().find(|u| u.login == nested.uid).unwrap();
    assert_eq!(
        group_names(&nested.groups),
        vec!["domain users", "staff", "staff-nested", "users"],
        "nesting and the primary group are followed"
    );
    assert!(!listed.iter().any(|u| u.dn.eq_ignore_ascii_case(&computer)), "a computer is not a person");
    assert!(!listed.iter().any(|u| u.login.ends_with('$')), "no computer accounts");
    assert!(listed.iter().all(|u| u.dn.to_lowercase().ends_with(",ou=people,dc=corp,dc=test")), "people only");
    assert_eq!(dir.list_users(1).await.unwrap().len(), 1);

    // Even where the configured filter would let a computer through, the listing does not.
    let loose = directory(&DirectoryConfig { user_filter: "(objectClass=user)".into(), ..dc.directory_config() });
    let listed = loose.list_users(100_000).await.unwrap();
    assert!(listed.iter().any(|u| u.login == none.uid));
    assert!(!listed.iter().any(|u| u.dn.eq_ignore_ascii_case(&computer) || u.login.ends_with('$')));
}

// The bodies in ldap_shared.rs, which ldap_directory.rs (on slapd) runs too.
ldap_tests!(SambaDc::shared();
    a_reset_sets_a_password_that_binds_and_the_old_one_no_longer_does => reset_replaces_the_password("adreset"),
    a_reset_without_must_change_clears_a_pending_must_change => reset_clears_a_pending_must_change("adclear"),
    a_user_who_must_change_can_change_with_the_old_password_alone => must_change_then_change("admustchg"),
    a_change_with_the_right_old_password_takes_effect => change_with_the_right_old_password("adchange"),
    a_change_with_a_wrong_old_password_is_wrong_password_and_changes_nothing => change_with_a_wrong_old_password("adchgwrong"),
    a_change_reusing_a_password_from_history_is_in_history => change_back_is_in_history("adhistory"),
    three_bad_binds_lock_and_unlock_lets_the_unchanged_password_bind_again => lock_and_unlock("adlock"),
    unlocking_an_unlocked_account_succeeds => unlocking_an_unlocked_account("adnolock"),
    a_reset_also_unlocks => reset_also_unlocks("adresetlock"),
);
