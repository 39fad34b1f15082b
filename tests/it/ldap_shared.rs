//! The LDAP backend's test bodies that hold on OpenLDAP and on Active Directory alike, and the
//! helpers both directory test files use. `ldap_directory.rs` runs them on slapd,
//! `ad_directory.rs` on the Samba DC, each through `ldap_tests!` under its own test names.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use rekey::config::DirectoryConfig;
use rekey::directory::ldap::LdapDirectory;
use rekey::directory::{DirError, DirUser, Directory, LockStatus, Login, PolicyReason};
use secrecy::SecretString;

use crate::support::directory::{TestDirectory, TestUser};
use crate::support::{remember_secret, unique};

/// One `#[tokio::test]` per `test => body("prefix")`: starts tracing, then runs
/// `ldap_shared::body` on the server `$server` gives, making its accounts with that prefix.
macro_rules! ldap_tests {
    ($server:expr; $($test:ident => $body:ident($prefix:literal)),* $(,)?) => {
        $(#[tokio::test]
        async fn $test() {
            crate::support::init_tracing();
            crate::ldap_shared::$body($server.await, $prefix).await;
        })*
    };
}
pub(crate) use ldap_tests;

pub fn directory(config: &DirectoryConfig) -> LdapDirectory {
    LdapDirectory::new(config).unwrap()
}

pub fn secret(s: &str) -> SecretString {
    remember_secret(s);
    SecretString::from(s.to_owned())
}

/// A fresh password that meets both servers' rules, remembered for the leak scan.
pub fn new_password() -> (String, SecretString) {
    let p = format!("New-{}-Pass7", unique("x"));
    let s = secret(&p);
    (p, s)
}

pub async fn find(dir: &LdapDirectory, login: &str) -> DirUser {
    dir.find_user(&Login::parse(login).unwrap()).await.unwrap().unwrap_or_else(|| panic!("{login} not found"))
}

/// A new account on the server, and the same account as the backend finds it.
pub async fn user(server: &dyn TestDirectory, dir: &LdapDirectory, prefix: &str) -> (TestUser, DirUser) {
    let t = server.create_user(prefix).await;
    let d = find(dir, &t.uid).await;
    (t, d)
}

/// The backend on `server` as the test suite configures it, and a new account.
async fn backend_and_user(server: &dyn TestDirectory, prefix: &str) -> (LdapDirectory, TestUser, DirUser) {
    let dir = directory(&server.directory_config());
    let (t, u) = user(server, &dir, prefix).await;
    (dir, t, u)
}

/// Filter metacharacters in a login find nobody and do not error.
pub async fn logins_find_nobody(server: &dyn TestDirectory, prefix: &str, logins: &[&str]) {
    let dir = directory(&server.directory_config());
    server.create_user(prefix).await;
    for login in logins {
        let found = dir.find_user(&Login::parse(login).unwrap()).await;
        assert!(matches!(found, Ok(None)), "{login:?} gave {found:?}");
    }
}

pub async fn right_password_verifies(server: &dyn TestDirectory, prefix: &str) {
    let (dir, t, u) = backend_and_user(server, prefix).await;
    dir.verify_password(&u, &secret(&t.password)).await.unwrap();
}

pub async fn wrong_password_is_wrong(server: &dyn TestDirectory, prefix: &str) {
    let (dir, _, u) = backend_and_user(server, prefix).await;
    let wrong = dir.verify_password(&u, &secret("Not-The-Password-1")).await;
    assert!(matches!(wrong, Err(DirError::WrongPassword)), "{wrong:?}");
}

/// A reset sets a password that binds and verifies, and the old one no longer binds.
pub async fn reset_replaces_the_password(server: &dyn TestDirectory, prefix: &str) {
    let (dir, t, u) = backend_and_user(server, prefix).await;
    let (new, new_secret) = new_password();
    dir.reset_password(&u, &new_secret, false).await.unwrap();
    assert!(server.bind(&t.dn, &new).await);
    assert!(!server.bind(&t.dn, &t.password).await);
    assert!(!server.must_change(&t).await);
    dir.verify_password(&u, &new_secret).await.unwrap();
}

/// A reset with must-change makes the next verify report it; returns what the caller may check
/// further: the backend, the account and the temporary password.
pub async fn reset_with_must_change(
    server: &dyn TestDirectory,
    prefix: &str,
) -> (LdapDirectory, TestUser, DirUser, String) {
    let (dir, t, u) = backend_and_user(server, prefix).await;
    server.allow_forced_change(&t).await;
    let (temporary, temporary_secret) = new_password();
    dir.reset_password(&u, &temporary_secret, true).await.unwrap();
    assert!(server.must_change(&t).await, "pwdReset is TRUE (OpenLDAP), pwdLastSet is 0 (AD)");
    let result = dir.verify_password(&u, &temporary_secret).await;
    assert!(matches!(result, Err(DirError::MustChange)), "{result:?}");
    assert!(find(&dir, &t.uid).await.state.must_change);
    (dir, t, u, temporary)
}

pub async fn reset_clears_a_pending_must_change(server: &dyn TestDirectory, prefix: &str) {
    let (dir, t, u) = backend_and_user(server, prefix).await;
    server.allow_forced_change(&t).await;
    let (_, first) = new_password();
    dir.reset_password(&u, &first, true).await.unwrap();
    let (_, second) = new_password();
    dir.reset_password(&u, &second, false).await.unwrap();
    assert!(!server.must_change(&t).await);
    dir.verify_password(&u, &second).await.unwrap();
}

/// Someone who must change changes with the temporary password alone, and then verifies.
pub async fn must_change_then_change(server: &dyn TestDirectory, prefix: &str) {
    let (dir, t, u) = backend_and_user(server, prefix).await;
    server.allow_forced_change(&t).await;
    let (_, temporary) = new_password();
    dir.reset_password(&u, &temporary, true).await.unwrap();
    let (own, own_secret) = new_password();
    dir.change_password(&u, &temporary, &own_secret).await.unwrap();
    dir.verify_password(&u, &own_secret).await.unwrap();
    assert!(!server.must_change(&t).await);
    assert!(server.bind(&t.dn, &own).await);
}

pub async fn change_with_the_right_old_password(server: &dyn TestDirectory, prefix: &str) {
    let (dir, t, u) = backend_and_user(server, prefix).await;
    let (new, new_secret) = new_password();
    dir.change_password(&u, &secret(&t.password), &new_secret).await.unwrap();
    assert!(server.bind(&t.dn, &new).await);
    assert!(!server.bind(&t.dn, &t.password).await);
}

/// A change with a wrong old password is WrongPassword and changes nothing.
pub async fn change_with_a_wrong_old_password(server: &dyn TestDirectory, prefix: &str) {
    let (dir, t, u) = backend_and_user(server, prefix).await;
    let (new, new_secret) = new_password();
    let result = dir.change_password(&u, &secret("Wrong-Old-Pass1"), &new_secret).await;
    assert!(matches!(result, Err(DirError::WrongPassword)), "{result:?}");
    assert!(server.bind(&t.dn, &t.password).await);
    assert!(!server.bind(&t.dn, &new).await);
}

pub async fn change_too_short(server: &dyn TestDirectory, prefix: &str) {
    let (dir, t, u) = backend_and_user(server, prefix).await;
    let changed = dir.change_password(&u, &secret(&t.password), &secret("Sh0rt!")).await;
    assert!(matches!(changed, Err(DirError::PolicyViolation(PolicyReason::TooShort))), "{changed:?}");
    assert!(server.bind(&t.dn, &t.password).await);
}

/// A reset refused by policy (too short) leaves the old password working.
pub async fn reset_too_short(server: &dyn TestDirectory, prefix: &str) {
    let (dir, t, u) = backend_and_user(server, prefix).await;
    let reset = dir.reset_password(&u, &secret("Tiny1!"), false).await;
    assert!(matches!(reset, Err(DirError::PolicyViolation(PolicyReason::TooShort))), "{reset:?}");
    assert!(server.bind(&t.dn, &t.password).await);
}

/// Changing back to a password from the history is InHistory; the second one stays.
pub async fn change_back_is_in_history(server: &dyn TestDirectory, prefix: &str) {
    let (dir, t, u) = backend_and_user(server, prefix).await;
    let (second, second_secret) = new_password();
    dir.change_password(&u, &secret(&t.password), &second_secret).await.unwrap();
    let result = dir.change_password(&u, &second_secret, &secret(&t.password)).await;
    assert!(matches!(result, Err(DirError::PolicyViolation(PolicyReason::InHistory))), "{result:?}");
    assert!(server.bind(&t.dn, &second).await);
}

/// Bad binds lock (the right password then verifies as Locked); unlock lets the unchanged
/// password bind again.
pub async fn lock_and_unlock(server: &dyn TestDirectory, prefix: &str) {
    let (dir, t, u) = backend_and_user(server, prefix).await;
    assert_eq!(dir.lock_status(&u).await.unwrap(), LockStatus::Unlocked);
    server.lock(&t).await;
    assert!(server.is_locked(&t).await);
    assert_eq!(dir.lock_status(&u).await.unwrap(), LockStatus::Locked);
    assert!(find(&dir, &t.uid).await.state.locked);
    let verified = dir.verify_password(&u, &secret(&t.password)).await;
    assert!(matches!(verified, Err(DirError::Locked)), "{verified:?}");
    dir.unlock(&u).await.unwrap();
    assert_eq!(dir.lock_status(&u).await.unwrap(), LockStatus::Unlocked);
    assert!(!server.is_locked(&t).await);
    assert!(server.bind(&t.dn, &t.password).await);
}

pub async fn unlocking_an_unlocked_account(server: &dyn TestDirectory, prefix: &str) {
    let (dir, _, u) = backend_and_user(server, prefix).await;
    dir.unlock(&u).await.unwrap();
    assert_eq!(dir.lock_status(&u).await.unwrap(), LockStatus::Unlocked);
}

pub async fn reset_also_unlocks(server: &dyn TestDirectory, prefix: &str) {
    let (dir, t, u) = backend_and_user(server, prefix).await;
    server.lock(&t).await;
    let (new, new_secret) = new_password();
    dir.reset_password(&u, &new_secret, false).await.unwrap();
    assert!(!server.is_locked(&t).await);
    assert!(server.bind(&t.dn, &new).await);
}
