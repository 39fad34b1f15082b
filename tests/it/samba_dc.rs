//! The Samba AD test support itself: the DC that `support::samba` provisions answers over TLS
//! with the test CA, locks accounts, delegates exactly the rights the portal needs to a service
//! account that is not an administrator, and resolves nested groups. Raw ldap3 only.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use ldap3::{LdapConnAsync, LdapConnSettings, Mod, Scope, SearchEntry};

use crate::support::directory::TestUser;
use crate::support::samba::{SambaDc, free_address, unicode_pwd};
use crate::support::{init_tracing, remember_secret};

const IN_CHAIN: &str = "1.2.840.113556.1.4.1941";

async fn dc() -> &'static SambaDc {
    init_tracing();
    SambaDc::shared().await
}

/// The sAMAccountNames under OU=People that `filter` finds, searched as rekey-svc.
async fn logins_matching(dc: &SambaDc, filter: &str) -> Vec<String> {
    let mut ldap = dc.service().await;
    let (entries, _) = ldap
        .search(&dc.accounts.base_dn, Scope::Subtree, filter, vec!["sAMAccountName"])
        .await
        .unwrap()
        .success()
        .unwrap();
    let _ = ldap.unbind().await;
    entries
        .into_iter()
        .filter_map(|e| SearchEntry::construct(e).attrs.remove("sAMAccountName").and_then(|v| v.into_iter().next()))
        .collect()
}

fn replace_password(password: &str) -> Vec<Mod<Vec<u8>>> {
    vec![Mod::Replace(b"unicodePwd".to_vec(), HashSet::from([unicode_pwd(password)]))]
}

#[tokio::test]
async fn a_created_user_binds_over_ldaps_with_its_password_and_not_with_another() {
    let dc = dc().await;
    let user = dc.create_user("smoke").await;
    assert!(user.uid.len() <= 20, "{}", user.uid);
    assert!(dc.bind(&user.dn, &user.password).await);
    assert!(!dc.bind(&user.dn, "Wrong-Passw0rd!").await);
    let upn = format!("{}@corp.test", user.uid);
    assert!(dc.bind(&upn, &user.password).await, "AD also binds by userPrincipalName");
}

#[tokio::test]
async fn starttls_on_the_plain_port_verifies_the_dc_against_the_test_ca() {
    let dc = dc().await;
    let user = dc.create_user("stls").await;
    let tls = |roots: rustls::RootCertStore| {
        Arc::new(
            rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
                .with_safe_default_protocol_versions()
                .unwrap()
                .with_root_certificates(roots)
                .with_no_client_auth(),
        )
    };
    let mut roots = rustls::RootCertStore::empty();
    let pem = std::fs::read(&dc.ca_file).unwrap();
    roots.add_parsable_certificates(rustls_pemfile::certs(&mut pem.as_slice()).map(Result::unwrap));
    let url = format!("ldap://{}:389", dc.address);
    let starttls =
        |config| LdapConnSettings::new().set_conn_timeout(Duration::from_secs(5)).set_starttls(true).set_config(config);

    let (conn, mut ldap) = LdapConnAsync::with_settings(starttls(tls(roots)), &url).await.unwrap();
    ldap3::drive!(conn);
    assert_eq!(ldap.simple_bind(&user.dn, &user.password).await.unwrap().rc, 0);

    let untrusted = LdapConnAsync::with_settings(starttls(tls(rustls::RootCertStore::empty())), &url).await;
    assert!(untrusted.is_err(), "a client that does not trust the test CA must not connect");
}

#[tokio::test]
async fn a_simple_bind_without_tls_is_refused_as_on_windows() {
    let dc = dc().await;
    let user = dc.create_user("plain").await;
    let (conn, mut ldap) = LdapConnAsync::new(&format!("ldap://{}:389", dc.address)).await.unwrap();
    ldap3::drive!(conn);
    let result = ldap.simple_bind(&user.dn, &user.password).await.unwrap();
    assert_eq!(result.rc, 8, "strongerAuthRequired: {result:?}");
}

#[tokio::test]
async fn lock_locks_the_account_and_is_locked_sees_it() {
    let dc = dc().await;
    let user = dc.create_user("lock").await;
    assert!(!dc.is_locked(&user).await);
    dc.lock(&user).await;
    assert!(dc.is_locked(&user).await);
    assert!(!dc.bind(&user.dn, &user.password).await, "a locked account cannot bind with its password");
}

#[tokio::test]
async fn the_service_account_can_reset_a_password_under_people() {
    let dc = dc().await;
    let user = dc.create_user("rst").await;
    let new = "Fresh-Reset-42!x";
    remember_secret(new);
    let mut svc = dc.service().await;
    let result = svc.modify(&user.dn, replace_password(new)).await.unwrap();
    assert_eq!(result.rc, 0, "{result:?}");
    assert!(dc.bind(&user.dn, new).await);
    assert!(!dc.bind(&user.dn, &user.password).await);
}

#[tokio::test]
async fn the_service_account_can_unlock_and_force_a_change_at_next_logon() {
    let dc = dc().await;
    let user = dc.create_user("unl").await;
    dc.lock(&user).await;
    let mut svc = dc.service().await;
    let unlock = vec![Mod::Replace("lockoutTime".to_owned(), HashSet::from(["0".to_owned()]))];
    assert_eq!(svc.modify(&user.dn, unlock).await.unwrap().rc, 0);
    assert!(!dc.is_locked(&user).await);
    assert!(dc.bind(&user.dn, &user.password).await);

    let force = vec![Mod::Replace("pwdLastSet".to_owned(), HashSet::from(["0".to_owned()]))];
    assert_eq!(svc.modify(&user.dn, force).await.unwrap().rc, 0);
    assert!(dc.must_change(&user).await);
    assert!(!dc.bind(&user.dn, &user.password).await, "AD refuses the bind until the password is changed");
}

#[tokio::test]
async fn the_service_account_is_not_an_administrator() {
    let dc = dc().await;
    let user = dc.create_user("noadm").await;
    let mut svc = dc.service().await;
    let promote = vec![Mod::Add("member".to_owned(), HashSet::from([user.dn.clone()]))];
    let result = svc.modify("CN=Domain Admins,CN=Users,DC=corp,DC=test", promote).await.unwrap();
    assert_eq!(result.rc, 50, "insufficientAccessRights: {result:?}");

    let disable = vec![Mod::Replace("userAccountControl".to_owned(), HashSet::from(["514".to_owned()]))];
    let result = svc.modify(&user.dn, disable).await.unwrap();
    assert_eq!(result.rc, 50, "rekey-svc may not write userAccountControl: {result:?}");

    let new = "Admin-Reset-42!x";
    remember_secret(new);
    let result = svc.modify(&dc.accounts.admin_dn, replace_password(new)).await.unwrap();
    assert_eq!(result.rc, 50, "rekey-svc may not reset outside OU=People: {result:?}");
}

#[tokio::test]
async fn a_disabled_account_cannot_bind() {
    let dc = dc().await;
    let user = dc.create_user("dis").await;
    dc.disable(&user).await;
    assert!(!dc.bind(&user.dn, &user.password).await);
}

#[tokio::test]
async fn a_member_of_staff_nested_is_in_staff_through_the_in_chain_rule_only() {
    let dc = dc().await;
    let nested: TestUser = dc.create_user("nest").await;
    dc.add_to_group(&nested, "staff-nested").await;
    let outside = dc.create_user("outs").await;
    dc.add_to_group(&outside, "contractors").await;
    let staff = "CN=staff,OU=Groups,DC=corp,DC=test";
    let in_chain = |uid: &str| format!("(&(sAMAccountName={uid})(memberOf:{IN_CHAIN}:={staff}))");

    assert_eq!(logins_matching(dc, &in_chain(&nested.uid)).await, vec![nested.uid.clone()]);
    assert!(logins_matching(dc, &in_chain(&outside.uid)).await.is_empty());
    let direct = format!("(&(sAMAccountName={})(memberOf={staff}))", nested.uid);
    assert!(logins_matching(dc, &direct).await.is_empty(), "not a direct member");
}

#[tokio::test]
async fn a_second_dc_runs_beside_the_shared_one_and_restarts() {
    let shared = dc().await;
    let own = SambaDc::start_on(&free_address()).await;
    assert_ne!(own.address, shared.address);
    let user = own.create_user("two").await;
    assert!(own.bind(&user.dn, &user.password).await);
    assert!(!shared.bind(&user.dn, &user.password).await, "the shared DC is another domain");

    own.stop();
    assert!(!own.bind(&user.dn, &user.password).await, "a stopped DC answers nothing");
    own.restart().await;
    assert!(own.bind(&user.dn, &user.password).await, "the domain survives a restart");
}

/// A test run of over ten minutes lost its shared DC (every test of it failed at once): starting
/// a second DC swept away the instance folders older than that whose samba was not running,
/// and the check looked for the folder's smb.conf in the process's command line, which samba
/// overwrites ("samba: root process").
#[tokio::test]
async fn sweeping_stale_instances_keeps_a_running_dc_and_removes_a_dead_one() {
    let shared = dc().await;
    let folder = shared.folder().to_path_buf();
    let root = folder.parent().unwrap().to_path_buf();
    // A folder of the same shape whose pid file names no process.
    let dead = root.join(crate::support::unique("samba-dead-"));
    std::fs::create_dir_all(dead.join("instance").join("run")).unwrap();
    std::fs::write(dead.join("instance").join("run").join("samba.pid"), format!("{}\n", u32::MAX)).unwrap();
    let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for dir in [&folder, &dead] {
        std::fs::File::open(dir).unwrap().set_modified(an_hour_ago).unwrap();
    }
    crate::support::samba::sweep_stale_instances(&root);
    assert!(!dead.exists(), "a folder whose samba is not running is removed");
    assert!(folder.exists(), "the running DC's folder is kept");
    let user = shared.create_user("swept").await;
    assert!(shared.bind(&user.dn, &user.password).await, "the shared DC still answers");
}

#[tokio::test]
async fn password_writes_counts_each_reset_once() {
    let dc = dc().await;
    let user = dc.create_user("counted").await;
    let before = dc.password_writes(&user).await;
    assert!(before >= 1, "a created account has its password written once");
    let directory = rekey::directory::ldap::LdapDirectory::new(&dc.directory_config()).unwrap();
    use rekey::directory::Directory;
    let found = directory.find_user(&rekey::directory::Login::parse(&user.uid).unwrap()).await.unwrap().unwrap();
    for i in 0..2 {
        let p = format!("Counted-{i}-{}-Pw9!", rand::random::<u32>());
        remember_secret(&p);
        directory.reset_password(&found, &secrecy::SecretString::from(p), false).await.unwrap();
    }
    assert_eq!(dc.password_writes(&user).await, before + 2);
}
