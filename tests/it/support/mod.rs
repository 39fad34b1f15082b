//! Starts real servers for the integration tests and captures every log line at trace level.
//!
//! Every secret a test uses (passwords, codes) is passed to `remember_secret`, which appends it
//! to `target/test-logs/secrets.txt`; after the suite, `tests/secrets_scan.rs` checks that none
//! of them appears in the captured log or in any test database.

#![allow(dead_code)]

pub mod agent;
pub mod attacker;
pub mod browser;
pub mod directory;
pub mod dns;
pub mod env;
pub mod graph;
pub mod latency;
pub mod ldap_server;
pub mod postgres;
pub mod raw_agent;
pub mod receivers;
pub mod samba;
pub mod slapd;
pub mod sms_gateway;
pub mod smtp;
pub mod tls_proxy;

use std::io::Write;
use std::path::PathBuf;
use std::sync::{Mutex, Once};

/// Folder for captured logs, the secrets list and test databases.
pub fn output_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("test-logs");
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// Installs a global subscriber at TRACE that appends to `target/test-logs/trace.log`.
pub fn init_tracing() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(output_dir().join("trace.log"))
            .expect("open trace log");
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("trace"))
            .with_writer(Mutex::new(file))
            .with_ansi(false)
            .try_init();
        // The shared Samba DC takes a second or more to come up: start it while the first
        // tests run on OpenLDAP.
        samba::prestart();
    });
}

/// Records a secret the suite used, so the final scan can prove it never leaked.
pub fn remember_secret(secret: &str) {
    static LOCK: Mutex<()> = Mutex::new(());
    let _guard = LOCK.lock().unwrap();
    let mut f = std::fs::OpenOptions::new().create(true).append(true).open(output_dir().join("secrets.txt")).unwrap();
    writeln!(f, "{secret}").unwrap();
}

/// A random lower-case name with a prefix, for per-test users and databases.
pub fn unique(prefix: &str) -> String {
    use rand::Rng;
    let n: u32 = rand::thread_rng().r#gen();
    format!("{prefix}{n:08x}")
}

/// The value of the first `name="…"` attribute in an HTML `body`, if there is one.
pub fn attr(body: &str, name: &str) -> Option<String> {
    let marker = format!("{name}=\"");
    let start = body.find(&marker)? + marker.len();
    Some(body[start..start + body[start..].find('"')?].to_owned())
}
