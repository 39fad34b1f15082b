//! Real Samba 4 Active Directory domain controllers for the tests, made by
//! `scripts/lib/samba.sh` (realm CORP.TEST, password policy, OUs, groups, the delegated service
//! account rekey-svc, TLS with our own CA) in a temporary folder under target/test-samba/.
//!
//! `SambaDc::shared()` is one DC for the whole test process; `prestart()` begins provisioning it
//! in the background, so call it as early as possible (about 1.5 s until it answers, 7 s the
//! first time the script or samba changes: a pristine domain is kept in
//! target/test-samba/templates/ and copied). `SambaDc::start_on(address)`
//! gives a test its own DC to stop and restart. LDAP ports are fixed (389/636), so each DC
//! listens on an address of its own: the shared one on a random free 127.x.y.z, so that test
//! processes running at the same time do not collide.
//!
//! samba runs as a child with PR_SET_PDEATHSIG, spawned from a thread that lives as long as
//! the process, so it dies with the test binary. Everything here talks to the DC with raw ldap3
//! operations, never through rekey's own backend, so tests can check that backend independently.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;
use std::net::{Ipv4Addr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Once, OnceLock};
use std::time::Duration;

use ldap3::{Ldap, LdapConnAsync, LdapConnSettings, Mod};
use rekey::config::{DirectoryConfig, DirectoryKind, LdapFlavour};
use rekey::directory::ldap::escape_dn_value;
use rustls::{ClientConfig, RootCertStore};

use super::ldap_server::{
    self, Accounts, ServerProcess, add_once, attribute_once, capitalised, entry_once, modify_once, path_str,
};
use super::slapd::TestUser;
use super::{remember_secret, unique};

const SUFFIX: &str = "DC=corp,DC=test";
/// The domain's lockout threshold (bad passwords before the account locks).
pub const LOCKOUT_THRESHOLD: usize = 3;
/// msDS-User-Account-Control-Computed: UF_LOCKOUT.
const UF_LOCKOUT: u64 = 0x10;
/// userAccountControl: ACCOUNTDISABLE.
const UF_ACCOUNTDISABLE: u64 = 0x2;
/// sAMAccountName is at most 20 characters; `unique` appends 8.
const MAX_PREFIX: usize = 12;

/// A running (or stopped) Samba AD DC with the sample domain.
pub struct SambaDc {
    /// The loopback address it listens on (LDAP 389 with StartTLS, LDAPS 636).
    pub address: String,
    pub ldaps_url: String,
    /// The CA that signed the DC's certificate (IP SAN = address, DNS localhost, dc1.corp.test).
    pub ca_file: PathBuf,
    /// People under `OU=People,DC=corp,DC=test`; Administrator; and
    /// `CN=rekey-svc,OU=Services,DC=corp,DC=test`, delegated reset, unlock, force-change.
    pub accounts: Accounts,
    process: ServerProcess,
    tls: Arc<ClientConfig>,
}

/// Starts provisioning the shared DC in the background if nobody has yet; returns at once.
pub fn prestart() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::thread::Builder::new()
            .name("samba-provision".into())
            .spawn(|| {
                let launched = std::panic::catch_unwind(|| SambaDc::launch(&free_address(), ""));
                let _ = SHARED.set(launched.map_err(|e| panic_message(e.as_ref())));
            })
            .unwrap();
    });
}

static SHARED: OnceLock<Result<SambaDc, String>> = OnceLock::new();

impl SambaDc {
    /// One DC per test process, provisioned and started on first use (or by `prestart`).
    pub async fn shared() -> &'static SambaDc {
        prestart();
        loop {
            match SHARED.get() {
                Some(Ok(dc)) => return dc,
                Some(Err(message)) => panic!("the shared Samba DC did not start: {message}"),
                None => tokio::time::sleep(Duration::from_millis(25)).await,
            }
        }
    }

    /// The folder this DC's instance lives in (`target/test-samba/samba-*`).
    pub fn folder(&self) -> &Path {
        self.process.dir.parent().unwrap_or(&self.process.dir)
    }

    /// A dedicated DC on `address` (e.g. "127.0.0.2"), for tests that stop or restart it.
    /// Two DCs cannot share an address: ports 389 and 636 are fixed.
    pub async fn start_on(address: &str) -> SambaDc {
        SambaDc::start_named(address, &[]).await
    }

    /// Like `start_on`, with more DNS names in the DC's certificate (e.g. its name in test DNS).
    pub async fn start_named(address: &str, names: &[&str]) -> SambaDc {
        let (address, names) = (address.to_owned(), names.join(" "));
        tokio::task::spawn_blocking(move || SambaDc::launch(&address, &names)).await.unwrap()
    }

    /// A dedicated DC with `count` more accounts, bulk00000…, under `OU=Bulk,DC=corp,DC=test`
    /// (no password; `scripts/lib/samba.sh`, SAMBA_BULK_ACCOUNTS). The first DC of a size makes
    /// a template of it (10,000: about 90 s); later ones copy it.
    pub async fn start_with_bulk_accounts(address: &str, count: usize) -> SambaDc {
        let address = address.to_owned();
        tokio::task::spawn_blocking(move || SambaDc::launch_with(&address, "", count)).await.unwrap()
    }

    fn launch(address: &str, tls_names: &str) -> SambaDc {
        Self::launch_with(address, tls_names, 0)
    }

    /// Provisions a new domain listening on `address` and starts it (blocking).
    fn launch_with(address: &str, tls_names: &str, bulk_accounts: usize) -> SambaDc {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("test-samba");
        std::fs::create_dir_all(&root).unwrap();
        sweep_stale_instances(&root);
        let process = ServerProcess::new(&root, "samba-", "samba.sh");
        let dir = &process.dir;
        let admin_password = format!("Adm-{}-Q7!", unique(""));
        let service_password = format!("Svc-{}-Z3!", unique(""));
        let user_password = password();
        remember_secret(&admin_password);
        remember_secret(&service_password);

        let out = Command::new(script())
            .args(["provision", path_str(dir), address])
            .env("SAMBA_ADMIN_PASSWORD", &admin_password)
            .env("SAMBA_SERVICE_PASSWORD", &service_password)
            .env("SAMBA_USER_PASSWORD", &user_password)
            .env("SAMBA_BULK_ACCOUNTS", bulk_accounts.to_string())
            .env("SAMBA_TLS_NAMES", tls_names)
            // A pristine domain is made once (per version of the script) and copied: ~1 s
            // instead of ~6 s for every DC after the first.
            .env("SAMBA_TEMPLATE_CACHE", root.join("templates"))
            .output()
            .expect("run scripts/lib/samba.sh provision (is samba installed? scripts/lib/samba.sh install)");
        assert!(out.status.success(), "samba.sh provision failed: {}", String::from_utf8_lossy(&out.stderr));

        let ca_file = dir.join("tls").join("ca.pem");
        let dc = SambaDc {
            address: address.to_owned(),
            ldaps_url: format!("ldaps://{address}:636"),
            tls: tls_trusting(&ca_file),
            ca_file,
            accounts: Accounts {
                base_dn: format!("OU=People,{SUFFIX}"),
                admin_dn: format!("CN=Administrator,CN=Users,{SUFFIX}"),
                admin_password,
                service_dn: format!("CN=rekey-svc,OU=Services,{SUFFIX}"),
                service_password,
            },
            process,
        };
        dc.spawn();
        let ready = Command::new(script()).args(["wait", path_str(&dc.process.dir)]).output().unwrap();
        dc.assert_ready(ready);
        dc
    }

    /// Stops samba (SIGTERM, then waits for it to exit); the domain stays for `restart`.
    pub fn stop(&self) {
        self.process.stop();
    }

    /// Starts samba (again) on the same address and domain, and waits until LDAPS answers.
    pub async fn restart(&self) {
        self.stop();
        self.spawn();
        let ready =
            tokio::process::Command::new(script()).args(["wait", path_str(&self.process.dir)]).output().await.unwrap();
        self.assert_ready(ready);
    }

    /// Runs `samba-tool ARGS` on this DC's own database (it may be running); its output.
    pub async fn samba_tool(&self, args: &[&str]) -> String {
        let (sam, conf) =
            (self.process.dir.join("private").join("sam.ldb"), self.process.dir.join("etc").join("smb.conf"));
        let out = tokio::process::Command::new("samba-tool")
            .args(args)
            .args(["-H", path_str(&sam), "-s", path_str(&conf)])
            .output()
            .await
            .unwrap();
        let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success(), "samba-tool {args:?} failed: {text}");
        text
    }

    /// samba's own messages so far.
    pub fn log(&self) -> String {
        self.process.read("samba.log")
    }

    /// What a portal needs to use this DC: LDAPS with the test CA, bound as rekey-svc,
    /// accounts under OU=People, groups from memberOf (nesting is the backend's job).
    pub fn directory_config(&self) -> DirectoryConfig {
        DirectoryConfig {
            kind: DirectoryKind::Ldap,
            flavour: LdapFlavour::ActiveDirectory,
            url: self.ldaps_url.clone(),
            starttls: false,
            ca_file: Some(self.ca_file.clone()),
            user_filter: "(&(objectCategory=person)(objectClass=user))".into(),
            login_attributes: vec!["sAMAccountName".into(), "userPrincipalName".into(), "mail".into()],
            display_name_attribute: "displayName".into(),
            group_base_dn: String::new(),
            timeout_secs: 5,
            ..self.accounts.service_config()
        }
    }

    /// A new enabled account under OU=People (as Administrator, over LDAPS): sAMAccountName
    /// `<prefix><8 hex>` (prefix cut to 12 characters), UPN `<login>@corp.test`, mail
    /// `<login>@example.test`, and a random password the domain's policy accepts.
    pub async fn create_user(&self, prefix: &str) -> TestUser {
        let prefix: String = prefix.chars().take(MAX_PREFIX).collect();
        let uid = unique(&prefix);
        let given = capitalised(&prefix);
        let surname = format!("{given}sson");
        let password = password();
        remember_secret(&password);
        let dn = format!("CN={},{}", escape_dn_value(&uid), self.accounts.base_dn);
        let mail = format!("{uid}@example.test");
        let upn = format!("{uid}@corp.test");
        let display = format!("{given} {surname}");
        let mobile = format!("+1555{:07}", rand::random::<u32>() % 10_000_000);
        let text = |name: &str, value: &str| (name.as_bytes().to_vec(), HashSet::from([value.as_bytes().to_vec()]));
        let attrs: Vec<(Vec<u8>, HashSet<Vec<u8>>)> = vec![
            text("objectClass", "user"),
            text("sAMAccountName", &uid),
            text("userPrincipalName", &upn),
            text("givenName", &given),
            text("sn", &surname),
            text("displayName", &display),
            text("mail", &mail),
            text("mobile", &mobile),
            (b"unicodePwd".to_vec(), HashSet::from([unicode_pwd(&password)])),
            // NORMAL_ACCOUNT, enabled.
            text("userAccountControl", "512"),
        ];
        add_once(self.admin().await, &dn, attrs).await;
        TestUser { uid, dn, mail, password, surname }
    }

    /// A workstation account under OU=People (as Administrator): to AD a computer is also a
    /// user object, with a login (`<name>$`). Returns its DN.
    pub async fn create_computer(&self, prefix: &str) -> String {
        let name = unique(&prefix.chars().take(MAX_PREFIX).collect::<String>()).to_uppercase();
        let dn = format!("CN={},{}", escape_dn_value(&name), self.accounts.base_dn);
        let sam = format!("{name}$");
        let attrs: Vec<(&str, HashSet<&str>)> = vec![
            ("objectClass", HashSet::from(["computer"])),
            ("sAMAccountName", HashSet::from([sam.as_str()])),
            // WORKSTATION_TRUST_ACCOUNT.
            ("userAccountControl", HashSet::from(["4096"])),
        ];
        add_once(self.admin().await, &dn, attrs).await;
        dn
    }

    /// Adds the user to `CN=<group_cn>,OU=Groups,…` (staff, contractors, it-admins,
    /// staff-nested, which is itself a member of staff).
    pub async fn add_to_group(&self, user: &TestUser, group_cn: &str) {
        let group = format!("CN={},OU=Groups,{SUFFIX}", escape_dn_value(group_cn));
        self.admin_modify(&group, vec![Mod::Add("member".to_owned(), HashSet::from([user.dn.clone()]))]).await;
    }

    /// A simple bind over LDAPS on a new connection; true when it succeeds.
    pub async fn bind(&self, dn: &str, password: &str) -> bool {
        ldap_server::binds(self.connect().await, dn, password).await
    }

    /// Whether the DC has locked the account (msDS-User-Account-Control-Computed & 0x10).
    pub async fn is_locked(&self, user: &TestUser) -> bool {
        self.number(user, "msDS-User-Account-Control-Computed").await & UF_LOCKOUT != 0
    }

    /// Locks the account the way a person would: bad passwords until the DC says locked.
    pub async fn lock(&self, user: &TestUser) {
        for _ in 0..LOCKOUT_THRESHOLD + 2 {
            assert!(!self.bind(&user.dn, "definitely-not-the-password").await);
            if self.is_locked(user).await {
                return;
            }
        }
        panic!("{} is not locked after {} bad passwords", user.dn, LOCKOUT_THRESHOLD + 2);
    }

    /// Whether the next logon must change the password (pwdLastSet = 0).
    pub async fn must_change(&self, user: &TestUser) -> bool {
        self.attribute(user, "pwdLastSet").await.as_deref() == Some("0")
    }

    /// Disables the account as an administrator would (userAccountControl |= ACCOUNTDISABLE).
    pub async fn disable(&self, user: &TestUser) {
        let uac = self.number(user, "userAccountControl").await | UF_ACCOUNTDISABLE;
        self.admin_modify(
            &user.dn,
            vec![Mod::Replace("userAccountControl".to_owned(), HashSet::from([uac.to_string()]))],
        )
        .await;
    }

    /// A new LDAPS connection that trusts only this DC's CA.
    /// The DC may drop a new connection during the TLS handshake while the two cores are busy
    /// (a second DC provisioning beside it): a few tries, a second apart, get through.
    pub async fn connect(&self) -> ldap3::result::Result<Ldap> {
        use backon::BackoffBuilder as _;
        let mut delays =
            backon::ConstantBuilder::default().with_delay(Duration::from_secs(1)).with_max_times(4).build();
        loop {
            let settings =
                LdapConnSettings::new().set_conn_timeout(Duration::from_secs(5)).set_config(self.tls.clone());
            match LdapConnAsync::with_settings(settings, &self.ldaps_url).await {
                Ok((conn, ldap)) => {
                    ldap3::drive!(conn);
                    return Ok(ldap);
                }
                Err(e @ ldap3::LdapError::Io { .. }) => match delays.next() {
                    Some(delay) => tokio::time::sleep(delay).await,
                    None => return Err(e),
                },
                Err(e) => return Err(e),
            }
        }
    }

    /// A connection bound as Administrator.
    pub async fn admin(&self) -> Ldap {
        let mut ldap = self.connect().await.unwrap();
        let result = ldap.simple_bind(&self.accounts.admin_dn, &self.accounts.admin_password).await.unwrap();
        assert_eq!(result.rc, 0, "Administrator bind: {result:?}");
        ldap
    }

    /// A connection bound as the service account rekey-svc.
    pub async fn service(&self) -> Ldap {
        let mut ldap = self.connect().await.unwrap();
        let result = ldap.simple_bind(&self.accounts.service_dn, &self.accounts.service_password).await.unwrap();
        assert_eq!(result.rc, 0, "rekey-svc bind: {result:?}");
        ldap
    }

    /// Sets an account's password as Administrator (a reset).
    pub async fn set_password(&self, dn: &str, password: &str) {
        let mut ldap = self.admin().await;
        let mods = vec![Mod::Replace(b"unicodePwd".to_vec(), HashSet::from([unicode_pwd(password)]))];
        let result = ldap.modify(dn, mods).await.unwrap();
        assert_eq!(result.rc, 0, "setting the password of {dn}: {result:?}");
        let _ = ldap.unbind().await;
    }

    async fn admin_modify(&self, dn: &str, mods: Vec<Mod<String>>) {
        modify_once(self.admin().await, dn, mods).await;
    }

    /// One attribute of the user's entry, read as Administrator (constructed ones included).
    async fn attribute(&self, user: &TestUser, attr: &str) -> Option<String> {
        attribute_once(self.admin().await, &user.dn, attr).await
    }

    /// How many times the account's password has been written, as the DC counts them: the
    /// version of unicodePwd in the entry's replication metadata (replPropertyMetaData, an
    /// NDR blob: version, reserved, count, reserved, then 48-byte records of attid, version,
    /// change time, invocation id, originating and local USN).
    pub async fn password_writes(&self, user: &TestUser) -> u32 {
        const ATTID_UNICODE_PWD: u32 = 0x0009_005a;
        let entry = entry_once(self.admin().await, &user.dn, "replPropertyMetaData").await;
        let blob = entry
            .bin_attrs
            .into_iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("replPropertyMetaData"))
            .and_then(|(_, v)| v.into_iter().next())
            .expect("replPropertyMetaData is readable by Administrator");
        let u32_at = |at: usize| u32::from_le_bytes(blob[at..at + 4].try_into().unwrap());
        assert_eq!(u32_at(0), 1, "replPropertyMetaDataBlob version");
        let count = u32_at(8) as usize;
        (0..count)
            .map(|i| 16 + i * 48)
            .find(|&at| u32_at(at) == ATTID_UNICODE_PWD)
            .map(|at| u32_at(at + 4))
            .unwrap_or(0)
    }

    async fn number(&self, user: &TestUser, attr: &str) -> u64 {
        let value = self.attribute(user, attr).await.unwrap_or_else(|| panic!("{} has no {attr}", user.dn));
        // AD's integers are signed 32-bit; the flags we test fit in the low bits either way.
        let signed: i64 = value.parse().unwrap_or_else(|_| panic!("{attr} of {} is {value:?}", user.dn));
        signed as u64
    }

    fn spawn(&self) {
        self.process.start();
    }

    fn assert_ready(&self, wait: std::process::Output) {
        if wait.status.success() {
            return;
        }
        let exited = self.process.exited();
        panic!(
            "samba did not answer on {} (exited: {exited:?}): {}\nits log:\n{}",
            self.ldaps_url,
            String::from_utf8_lossy(&wait.stderr),
            self.log()
        );
    }
}

impl Drop for SambaDc {
    fn drop(&mut self) {
        self.stop();
    }
}

super::directory::delegate_test_directory!(SambaDc, "samba", {
    /// AD forces a change at next logon with pwdLastSet = 0 for anyone: nothing to set up.
    async fn allow_forced_change(&self, _user: &TestUser) {}

    async fn disable(&self, user: &TestUser) {
        SambaDc::disable(self, user).await
    }
});

/// unicodePwd as AD wants it: the password in double quotes, UTF-16LE.
pub fn unicode_pwd(password: &str) -> Vec<u8> {
    format!("\"{password}\"").encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// A random password the domain accepts: four character classes, no name in it (digits only
/// where random, so it cannot contain a part of the account's names).
fn password() -> String {
    format!("Rk-{:010}-{:010}!", rand::random::<u32>(), rand::random::<u32>())
}

fn tls_trusting(ca_file: &Path) -> Arc<ClientConfig> {
    let pem = std::fs::read(ca_file).unwrap();
    let mut roots = RootCertStore::empty();
    for cert in rustls_pemfile::certs(&mut pem.as_slice()) {
        roots.add(cert.unwrap()).unwrap();
    }
    let config = ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    Arc::new(config)
}

/// A loopback address on which 389 and 636 are free, picked at random in 127.64.0.0/10 so
/// test processes running at the same time (and a DC on 127.0.0.1) do not meet.
pub fn free_address() -> String {
    for _ in 0..50 {
        let [a, b, c] = rand::random::<[u8; 3]>();
        let ip = Ipv4Addr::new(127, 64 | (a & 0x3f), b, c.max(1));
        if TcpListener::bind((ip, 389)).is_ok() && TcpListener::bind((ip, 636)).is_ok() {
            return ip.to_string();
        }
    }
    panic!("no free loopback address for a Samba DC");
}

/// Instance folders outlive their process (the shared DC is never dropped): remove those whose
/// samba is not running any more and that are older than ten minutes (a younger one may be
/// being provisioned by another test process right now). templates/ is the script's to manage.
pub fn sweep_stale_instances(root: &Path) {
    let Ok(entries) = std::fs::read_dir(root) else { return };
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().starts_with("samba-") {
            continue;
        }
        let instance = entry.path().join("instance");
        let old = std::fs::metadata(entry.path())
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().unwrap_or_default() > Duration::from_secs(600));
        if old && !samba_running(&instance) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether the pid in DIR/run/samba.pid is a live process with a file of DIR open (its log,
/// at least: `samba.sh start` sends samba's output there). Not its command line: samba
/// overwrites that ("samba: root process").
fn samba_running(instance: &Path) -> bool {
    let Ok(pid) = std::fs::read_to_string(instance.join("run").join("samba.pid")) else { return false };
    let Ok(instance) = std::fs::canonicalize(instance) else { return false };
    let Ok(open) = std::fs::read_dir(format!("/proc/{}/fd", pid.trim())) else { return false };
    open.flatten().any(|fd| std::fs::read_link(fd.path()).is_ok_and(|file| file.starts_with(&instance)))
}

fn script() -> PathBuf {
    ldap_server::script("samba.sh")
}

fn panic_message(e: &(dyn std::any::Any + Send)) -> String {
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_default()
}
