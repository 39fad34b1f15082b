//! `directory.enforce_history_on_reset` on Active Directory: on by default, and checked at
//! start-up against the DC's RootDSE. Samba 4.17 does not list the policy-hints control in
//! `supportedControl` (and ignores it), so the log and `/readyz`'s `detail` say so, and a
//! reset to a password from the account's history still works there. (A DC that lists it
//! is covered by the unit test on a `supportedControl` value list in `ad_hints.rs`.)

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use rekey::config::DirectoryConfig;
use rekey::directory::ldap::LdapDirectory;
use rekey::directory::{Directory, Login};
use secrecy::SecretString;

use crate::support::env::TestEnv;
use crate::support::samba::SambaDc;
use crate::support::{init_tracing, output_dir, remember_secret, unique};

const POLICY_HINTS_OID: &str = "1.2.840.113556.1.4.2239";

fn secret(s: &str) -> SecretString {
    remember_secret(s);
    SecretString::from(s.to_owned())
}

fn warned_about_hints(url: &str) -> bool {
    let log = std::fs::read_to_string(output_dir().join("trace.log")).unwrap_or_default();
    log.lines().any(|l| l.contains("WARN") && l.contains(POLICY_HINTS_OID) && l.contains(url))
}

#[tokio::test]
async fn by_default_on_ad_readyz_and_the_log_say_samba_lacks_policy_hints_and_resets_skip_history() {
    init_tracing();
    let dc = SambaDc::shared().await;
    let config = dc.directory_config();
    assert_eq!(config.enforce_history_on_reset, None, "the default config");
    assert!(config.history_on_reset(), "AD sends the policy-hints control by default");

    let env = TestEnv::build(config.clone(), crate::support::postgres::fresh_sqlite_url(), |_| {}).await;
    let client = reqwest::Client::new();
    let res = client.get(format!("{}/readyz", env.server.url())).send().await.unwrap();
    assert_eq!(res.status(), 200, "a missing control does not make the portal unready");
    let body: serde_json::Value = res.json().await.unwrap();
    let detail = body["detail"].as_array().unwrap_or_else(|| panic!("no detail list: {body}"));
    assert_eq!(detail.len(), 1, "{body}");
    let note = detail[0].as_str().unwrap();
    assert!(note.contains(POLICY_HINTS_OID) && note.contains("enforce_history_on_reset"), "{note}");
    assert!(!body.to_string().contains("127."), "no hosts for the load balancer: {body}");
    let started = std::time::Instant::now();
    while !warned_about_hints(&config.url) {
        assert!(started.elapsed() < Duration::from_secs(5), "no warning naming the control and the DC in the log");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // What is true on Samba: the reset to a password from history still goes through.
    let dir = LdapDirectory::new(&config).unwrap();
    let t = dc.create_user("adhintdef").await;
    let u = dir.find_user(&Login::parse(&t.uid).unwrap()).await.unwrap().unwrap();
    let second = format!("New-{}-Pass7", unique("x"));
    dir.reset_password(&u, &secret(&second), false).await.unwrap();
    dir.reset_password(&u, &secret(&t.password), false).await.unwrap();
    assert!(dc.bind(&t.dn, &t.password).await);
}

#[tokio::test]
async fn with_enforce_history_on_reset_false_there_is_nothing_to_say() {
    init_tracing();
    let dc = SambaDc::shared().await;
    let dir = LdapDirectory::new(&DirectoryConfig { enforce_history_on_reset: Some(false), ..dc.directory_config() })
        .unwrap();
    assert_eq!(dir.notes().await, Vec::<String>::new());
    let on = LdapDirectory::new(&dc.directory_config()).unwrap();
    assert_eq!(on.notes().await.len(), 1, "the same DC with the default says it");
}
