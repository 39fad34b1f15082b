//! Real slapd instances for the tests, made by `scripts/lib/slapd.sh` (ppolicy, memberof,
//! TLS, sample data) in a temporary folder under target/test-slapd/, on free loopback ports.
//!
//! `Slapd::shared()` is one instance for the whole test process; `Slapd::start()` gives a test
//! its own instance to stop and restart. slapd runs as a child with PR_SET_PDEATHSIG, spawned
//! from a thread that lives as long as the process, so it dies with the test binary even when
//! the test that started it has long finished (or the binary is killed).

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use ldap3::{Ldap, LdapConnAsync, Mod};
use rekey::config::DirectoryConfig;
use rekey::directory::ldap::escape_dn_value;
use tokio::sync::OnceCell;

use super::ldap_server::{
    self, Accounts, ServerProcess, add, add_once, attribute_once, capitalised, entry_once, modify_once, path_str,
};
use super::{remember_secret, unique};

const SUFFIX: &str = "dc=example,dc=test";
/// pwdMaxFailure of the instance's default policy.
pub const MAX_FAILURE: usize = 3;

/// A running (or stopped) slapd with ppolicy and the sample directory.
pub struct Slapd {
    pub ldap_url: String,
    pub ldaps_url: String,
    pub ca_file: PathBuf,
    /// People under `ou=people,dc=example,dc=test`; `cn=admin` and `cn=rekey,ou=services`.
    pub accounts: Accounts,
    process: ServerProcess,
}

/// An account made for one test.
#[derive(Debug, Clone)]
pub struct TestUser {
    pub uid: String,
    pub dn: String,
    pub mail: String,
    pub password: String,
    pub surname: String,
}

impl Slapd {
    /// One instance per test process, started on first use.
    pub async fn shared() -> &'static Slapd {
        static SHARED: OnceCell<Slapd> = OnceCell::const_new();
        SHARED.get_or_init(Slapd::start).await
    }

    /// A dedicated instance, for tests that stop or restart it.
    pub async fn start() -> Slapd {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("test-slapd");
        std::fs::create_dir_all(&root).unwrap();
        sweep_stale_instances(&root);
        let process = ServerProcess::new(&root, "slapd-", "slapd.sh");
        let dir = &process.dir;
        let (ldap_port, ldaps_port) = free_ports();
        let admin_password = format!("Admin-{}", unique(""));
        let service_password = format!("Service-{}", unique(""));
        remember_secret(&admin_password);
        remember_secret(&service_password);

        let out = Command::new(script())
            .args(["provision", path_str(dir), &ldap_port.to_string(), &ldaps_port.to_string()])
            .env("SLAPD_ADMIN_PASSWORD", &admin_password)
            .env("SLAPD_SERVICE_PASSWORD", &service_password)
            .output()
            .expect("run scripts/lib/slapd.sh provision (is slapd installed? scripts/lib/slapd.sh install)");
        assert!(out.status.success(), "slapd.sh provision failed: {}", String::from_utf8_lossy(&out.stderr));

        let slapd = Slapd {
            ldap_url: format!("ldap://127.0.0.1:{ldap_port}"),
            ldaps_url: format!("ldaps://127.0.0.1:{ldaps_port}"),
            ca_file: dir.join("tls").join("ca.pem"),
            accounts: Accounts {
                base_dn: format!("ou=people,{SUFFIX}"),
                admin_dn: format!("cn=admin,{SUFFIX}"),
                admin_password,
                service_dn: format!("cn=rekey,ou=services,{SUFFIX}"),
                service_password,
            },
            process,
        };
        slapd.restart().await;
        slapd
    }

    /// Stops slapd (SIGTERM, then waits for it to exit); the data stays for `restart`.
    pub fn stop(&self) {
        self.process.stop();
    }

    /// Starts slapd (again) on the same ports and data, and waits until it answers.
    pub async fn restart(&self) {
        self.stop();
        self.process.start();

        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if self.bind(&self.accounts.service_dn, &self.accounts.service_password).await {
                return;
            }
            let exited = self.process.exited();
            if exited.is_some() || Instant::now() > deadline {
                panic!("slapd did not answer on {} ({exited:?}); its log:\n{}", self.ldap_url, self.log());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// slapd's own messages so far.
    pub fn log(&self) -> String {
        self.process.read("slapd.log")
    }

    /// A new account under ou=people with a random strong password (remembered as a secret).
    pub async fn create_user(&self, prefix: &str) -> TestUser {
        self.create_user_under(prefix, None).await
    }

    /// Same, under `cn=<policy_cn>,ou=policies,…` from the start: ppolicy stamps
    /// pwdChangedTime when the password is added only under a policy with a pwdMaxAge.
    pub async fn create_user_under(&self, prefix: &str, policy_cn: Option<&str>) -> TestUser {
        let uid = unique(prefix);
        let surname = format!("{}sson", capitalised(prefix));
        let password = format!("Pw-{}-{}!", unique("a"), unique("B"));
        remember_secret(&password);
        let dn = format!("uid={},{}", escape_dn_value(&uid), self.accounts.base_dn);
        let mail = format!("{uid}@example.test");
        let given = capitalised(prefix);
        let cn = format!("{given} {surname}");
        let mobile = format!("+1555{:07}", rand::random::<u32>() % 10_000_000);
        let attrs: Vec<(&str, HashSet<&str>)> = vec![
            ("objectClass", HashSet::from(["inetOrgPerson"])),
            ("uid", HashSet::from([uid.as_str()])),
            ("cn", HashSet::from([cn.as_str()])),
            ("sn", HashSet::from([surname.as_str()])),
            ("givenName", HashSet::from([given.as_str()])),
            ("mail", HashSet::from([mail.as_str()])),
            ("mobile", HashSet::from([mobile.as_str()])),
            // ppolicy hashes it (olcPPolicyHashCleartext).
            ("userPassword", HashSet::from([password.as_str()])),
        ];
        let mut attrs = attrs;
        let policy = policy_cn.map(|cn| format!("cn={},ou=policies,{SUFFIX}", escape_dn_value(cn)));
        if let Some(policy) = &policy {
            attrs.push(("pwdPolicySubentry", HashSet::from([policy.as_str()])));
        }
        add_once(self.admin().await, &dn, attrs).await;
        TestUser { uid, dn, mail, password, surname }
    }

    /// Adds `count` accounts without a password (`uid=<prefix><n>` under ou=people) as the
    /// admin on one connection; returns their DNs.
    pub async fn add_accounts(&self, prefix: &str, count: usize) -> Vec<String> {
        let mut ldap = self.admin().await;
        let mut dns = Vec::with_capacity(count);
        for n in 0..count {
            let uid = format!("{prefix}{n:05}");
            let dn = format!("uid={},{}", escape_dn_value(&uid), self.accounts.base_dn);
            let mail = format!("{uid}@example.test");
            let attrs: Vec<(&str, HashSet<&str>)> = vec![
                ("objectClass", HashSet::from(["inetOrgPerson"])),
                ("uid", HashSet::from([uid.as_str()])),
                ("cn", HashSet::from([uid.as_str()])),
                ("sn", HashSet::from(["Bulk"])),
                ("mail", HashSet::from([mail.as_str()])),
            ];
            add(&mut ldap, &dn, attrs).await;
            dns.push(dn);
        }
        let _ = ldap.unbind().await;
        dns
    }

    /// Makes the group `cn=<cn>,ou=groups,…` (groupOfNames) with these members.
    pub async fn add_group(&self, cn: &str, members: &[String]) {
        let dn = format!("cn={},ou=groups,{SUFFIX}", escape_dn_value(cn));
        let attrs: Vec<(&str, HashSet<&str>)> = vec![
            ("objectClass", HashSet::from(["groupOfNames"])),
            ("cn", HashSet::from([cn])),
            ("member", members.iter().map(String::as_str).collect()),
        ];
        add_once(self.admin().await, &dn, attrs).await;
    }

    /// Makes the password policy `cn=<cn>,ou=policies,…` with this `pwdMaxAge` (seconds) and
    /// no lockout, for expiry reminders; returns its DN.
    pub async fn add_policy(&self, cn: &str, max_age_secs: i64) -> String {
        let dn = format!("cn={},ou=policies,{SUFFIX}", escape_dn_value(cn));
        let max_age = max_age_secs.to_string();
        let attrs: Vec<(&str, HashSet<&str>)> = vec![
            ("objectClass", HashSet::from(["organizationalRole", "pwdPolicy"])),
            ("cn", HashSet::from([cn])),
            ("pwdAttribute", HashSet::from(["userPassword"])),
            ("pwdMaxAge", HashSet::from([max_age.as_str()])),
        ];
        add_once(self.admin().await, &dn, attrs).await;
        dn
    }

    /// Lets the service account read any number of entries in one search: slapd's default size
    /// limit (500) also bounds a whole paged search. Changes cn=config offline, so slapd is
    /// stopped and started again.
    pub async fn lift_service_size_limit(&self) {
        self.modify_config_offline(
            "limits.ldif",
            &format!(
                "dn: olcDatabase={{1}}mdb,cn=config\nchangetype: modify\nadd: olcLimits\nolcLimits: dn.exact=\"{}\" size=unlimited\n",
                self.accounts.service_dn
            ),
        )
        .await;
    }

    /// Takes write access to pwdReset away from the service account (it may still read it), by
    /// a first ACL rule that everyone else passes through. Changes cn=config offline.
    pub async fn deny_service_write_on_pwd_reset(&self) {
        self.modify_config_offline(
            "acl.ldif",
            &format!(
                "dn: olcDatabase={{1}}mdb,cn=config\nchangetype: modify\nadd: olcAccess\nolcAccess: {{0}}to dn.subtree=\"{}\" attrs=pwdReset by dn.exact=\"{}\" read by * break\n",
                self.accounts.base_dn, self.accounts.service_dn
            ),
        )
        .await;
    }

    /// Stops slapd, applies the LDIF (written to DIR/<file>) to cn=config with slapmodify, and
    /// starts slapd again.
    async fn modify_config_offline(&self, file: &str, ldif: &str) {
        self.stop();
        let path = self.process.dir.join(file);
        std::fs::write(&path, ldif).unwrap();
        let out = Command::new("/usr/sbin/slapmodify")
            .args(["-q", "-n0", "-F"])
            .arg(self.process.dir.join("slapd.d"))
            .arg("-l")
            .arg(&path)
            .output()
            .expect("run slapmodify");
        assert!(out.status.success(), "slapmodify failed: {}", String::from_utf8_lossy(&out.stderr));
        self.restart().await;
    }

    /// How many write operations the service account made on `dn`, from the auditlog
    /// overlay's file (one record per successful write, whatever it changed).
    pub fn writes_by_service(&self, dn: &str) -> usize {
        let log = std::fs::read_to_string(self.process.dir.join("audit.ldif")).unwrap_or_default();
        let mut lines = log.lines().peekable();
        let mut count = 0;
        while let Some(line) = lines.next() {
            let by_service = line.starts_with("# modify ") && line.contains(&format!(" {} ", self.accounts.service_dn));
            if by_service && lines.peek().is_some_and(|next| *next == format!("dn: {dn}")) {
                count += 1;
            }
        }
        count
    }

    /// Adds the user to `cn=<group_cn>,ou=groups,…` (memberOf follows).
    pub async fn add_to_group(&self, user: &TestUser, group_cn: &str) {
        let group = format!("cn={},ou=groups,{SUFFIX}", escape_dn_value(group_cn));
        self.admin_modify(&group, vec![Mod::Add("member".to_owned(), HashSet::from([user.dn.clone()]))]).await;
    }

    /// Puts the user under `cn=<policy_cn>,ou=policies,…` (e.g. `min-age`, `must-change`).
    pub async fn set_policy(&self, user: &TestUser, policy_cn: &str) {
        let policy = format!("cn={},ou=policies,{SUFFIX}", escape_dn_value(policy_cn));
        self.admin_modify(&user.dn, vec![Mod::Replace("pwdPolicySubentry".to_owned(), HashSet::from([policy]))]).await;
    }

    /// A plain simple bind on a new connection; true when it succeeds.
    pub async fn bind(&self, dn: &str, password: &str) -> bool {
        ldap_server::binds(connect(&self.ldap_url).await, dn, password).await
    }

    /// Whether ppolicy has locked the account (pwdAccountLockedTime present), read as admin.
    pub async fn is_locked(&self, user: &TestUser) -> bool {
        self.operational(user, "pwdAccountLockedTime").await.is_some()
    }

    /// entryCSN of the account, read as admin: it changes with every write to the entry.
    pub async fn entry_csn(&self, user: &TestUser) -> String {
        self.operational(user, "entryCSN").await.expect("every entry has an entryCSN")
    }

    /// pwdReset of the account, read as admin.
    pub async fn must_change(&self, user: &TestUser) -> bool {
        self.operational(user, "pwdReset").await.is_some_and(|v| v == "TRUE")
    }

    /// How many grace logins the account has spent (values of pwdGraceUseTime), read as admin.
    pub async fn grace_logins_used(&self, user: &TestUser) -> usize {
        let entry = entry_once(self.admin().await, &user.dn, "pwdGraceUseTime").await;
        entry.attrs.get("pwdGraceUseTime").map_or(0, Vec::len)
    }

    /// Locks the account the way a person would: pwdMaxFailure binds with a wrong password.
    pub async fn lock(&self, user: &TestUser) {
        for _ in 0..MAX_FAILURE {
            assert!(!self.bind(&user.dn, "definitely-not-the-password").await);
        }
    }

    /// The shared configuration for a `LdapDirectory` on this instance: plain ldap:// (on the
    /// loopback, allowed on purpose), the service account, groups searched under ou=groups,
    /// 2 s timeout, resets in one modify (the instance hashes cleartext passwords).
    pub fn directory_config(&self) -> DirectoryConfig {
        DirectoryConfig {
            url: self.ldap_url.clone(),
            allow_plaintext: true,
            group_base_dn: format!("ou=groups,{SUFFIX}"),
            timeout_secs: 2,
            ppolicy_hash_cleartext: true,
            ..self.accounts.service_config()
        }
    }

    async fn admin(&self) -> Ldap {
        let mut ldap = connect(&self.ldap_url).await.unwrap();
        let result = ldap.simple_bind(&self.accounts.admin_dn, &self.accounts.admin_password).await.unwrap();
        assert_eq!(result.rc, 0, "admin bind: {result:?}");
        ldap
    }

    async fn admin_modify(&self, dn: &str, mods: Vec<Mod<String>>) {
        modify_once(self.admin().await, dn, mods).await;
    }

    async fn operational(&self, user: &TestUser, attr: &str) -> Option<String> {
        attribute_once(self.admin().await, &user.dn, attr).await
    }
}

impl Drop for Slapd {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn connect(url: &str) -> ldap3::result::Result<Ldap> {
    let settings = ldap3::LdapConnSettings::new().set_conn_timeout(Duration::from_secs(2));
    let (conn, ldap) = LdapConnAsync::with_settings(settings, url).await?;
    ldap3::drive!(conn);
    Ok(ldap)
}

/// The shared instance's folder outlives its process (statics are never dropped): remove
/// folders of instances that are not running and were made more than an hour ago.
fn sweep_stale_instances(root: &Path) {
    let Ok(entries) = std::fs::read_dir(root) else { return };
    for entry in entries.flatten() {
        let instance = entry.path().join("instance");
        let old = std::fs::metadata(&instance)
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().unwrap_or_default() > Duration::from_secs(3600));
        if old && !instance.join("slapd.pid").exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn script() -> PathBuf {
    ldap_server::script("slapd.sh")
}

/// Two free loopback ports (bound together so they differ, then released for slapd).
fn free_ports() -> (u16, u16) {
    let a = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let b = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    (a.local_addr().unwrap().port(), b.local_addr().unwrap().port())
}

super::directory::delegate_test_directory!(Slapd, "openldap", {
    async fn allow_forced_change(&self, user: &TestUser) {
        self.set_policy(user, "must-change").await
    }

    /// ppolicy's administrative lock: locked until an administrator removes it.
    async fn disable(&self, user: &TestUser) {
        self.admin_modify(
            &user.dn,
            vec![Mod::Replace("pwdAccountLockedTime".to_owned(), HashSet::from(["000001010000Z".to_owned()]))],
        )
        .await;
    }
});
