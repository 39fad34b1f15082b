//! What the slapd and Samba supports share: running a server's script as a child that dies
//! with the test binary, stopping it, and the raw ldap3 operations they make as administrator
//! (add, modify, read one attribute) or as anyone (a simple bind). Never through rekey.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;
use std::hash::Hash;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock, mpsc};
use std::time::{Duration, Instant};

use ldap3::{Ldap, Mod, Scope, SearchEntry};

/// `scripts/lib/<name>`.
pub fn script(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts").join("lib").join(name)
}

pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Where a test directory keeps its people, and the two accounts tests bind as: the
/// directory's administrator and the portal's service account.
pub struct Accounts {
    pub base_dn: String,
    pub admin_dn: String,
    pub admin_password: String,
    pub service_dn: String,
    pub service_password: String,
}

impl Accounts {
    /// A portal's directory settings that bind as the service account and look under `base_dn`.
    pub fn service_config(&self) -> rekey::config::DirectoryConfig {
        rekey::config::DirectoryConfig {
            bind_dn: self.service_dn.clone(),
            bind_password: Some(secrecy::SecretString::from(self.service_password.clone())),
            base_dn: self.base_dn.clone(),
            ..rekey::config::DirectoryConfig::default()
        }
    }
}

/// A server's throw-away folder (`<root>/<prefix>…/instance`, removed when this is dropped)
/// and the child running the server on it, while it runs.
pub struct ServerProcess {
    pub dir: PathBuf,
    script: PathBuf,
    _temp: tempfile::TempDir,
    child: Mutex<Option<Child>>,
}

impl ServerProcess {
    /// A new folder under `root` for a server that `script` (in `scripts/lib/`) provisions and
    /// starts; nothing runs yet.
    pub fn new(root: &Path, prefix: &str, script_name: &str) -> ServerProcess {
        let temp = tempfile::Builder::new().prefix(prefix).tempdir_in(root).unwrap();
        let dir = temp.path().join("instance");
        ServerProcess { dir, script: script(script_name), _temp: temp, child: Mutex::new(None) }
    }

    /// Starts the server (`<script> start <dir>`), see `start_script`.
    pub fn start(&self) {
        *self.child.lock().unwrap() = Some(start_script(&self.script, &self.dir));
    }

    /// Stops the server, see `stop_child`.
    pub fn stop(&self) {
        stop_child(&self.child);
    }

    /// How the server exited, if it has.
    pub fn exited(&self) -> Option<std::process::ExitStatus> {
        self.child.lock().unwrap().as_mut().and_then(|c| c.try_wait().unwrap())
    }

    /// The file `name` of the instance folder (a log), empty if there is none.
    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.join(name)).unwrap_or_default()
    }
}

/// Runs `<script> start <dir>` (which execs the server) as a child that gets SIGTERM when the
/// test binary ends.
pub fn start_script(script: &Path, dir: &Path) -> Child {
    let mut command = Command::new(script);
    command.args(["start", path_str(dir)]).stdin(Stdio::null()).stdout(Stdio::null());
    // SAFETY: prctl is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        command.pre_exec(|| {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    spawn_from_long_lived_thread(command).unwrap_or_else(|e| panic!("spawn {} start: {e}", script.display()))
}

/// Stops the child, if any (SIGTERM, then waits up to 5 s for it to exit, then kills it).
pub fn stop_child(child: &Mutex<Option<Child>>) {
    let Some(mut child) = child.lock().unwrap().take() else { return };
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    // SAFETY: kill(2) on our own child's pid, which we have not reaped yet.
    unsafe { libc::kill(pid, libc::SIGTERM) };
    let deadline = Instant::now() + Duration::from_secs(5);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// PR_SET_PDEATHSIG fires when the *thread* that forked the child ends, and each tokio test
/// runs on a thread of its own that ends with the test; so every server is forked from one
/// thread that lives until the process exits.
fn spawn_from_long_lived_thread(command: Command) -> std::io::Result<Child> {
    type Request = (Command, mpsc::Sender<std::io::Result<Child>>);
    static SPAWNER: OnceLock<Mutex<mpsc::Sender<Request>>> = OnceLock::new();
    let spawner = SPAWNER.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<Request>();
        std::thread::Builder::new()
            .name("server-spawner".into())
            .spawn(move || {
                while let Ok((mut command, reply)) = rx.recv() {
                    let _ = reply.send(command.spawn());
                }
            })
            .unwrap();
        Mutex::new(tx)
    });
    let (reply_tx, reply_rx) = mpsc::channel();
    spawner.lock().unwrap().send((command, reply_tx)).unwrap();
    reply_rx.recv().unwrap()
}

/// A simple bind on a fresh connection (`connection`, if it could be made); true when it
/// succeeds. An empty password is never sent: an empty simple bind is anonymous and would
/// "succeed".
pub async fn binds(connection: ldap3::result::Result<Ldap>, dn: &str, password: &str) -> bool {
    if password.is_empty() {
        return false;
    }
    let Ok(mut ldap) = connection else { return false };
    let ok = matches!(ldap.simple_bind(dn, password).await, Ok(r) if r.rc == 0);
    let _ = ldap.unbind().await;
    ok
}

/// Adds the entry on a bound connection and asserts it was added.
pub async fn add<S: AsRef<[u8]> + Eq + Hash>(ldap: &mut Ldap, dn: &str, attrs: Vec<(S, HashSet<S>)>) {
    let result = ldap.add(dn, attrs).await.unwrap();
    assert_eq!(result.rc, 0, "adding {dn}: {result:?}");
}

/// Adds the entry on a bound connection, asserts it was added, and unbinds.
pub async fn add_once<S: AsRef<[u8]> + Eq + Hash>(mut ldap: Ldap, dn: &str, attrs: Vec<(S, HashSet<S>)>) {
    add(&mut ldap, dn, attrs).await;
    let _ = ldap.unbind().await;
}

/// Modifies the entry on a bound connection, asserts it was modified, and unbinds.
pub async fn modify_once(mut ldap: Ldap, dn: &str, mods: Vec<Mod<String>>) {
    let result = ldap.modify(dn, mods).await.unwrap();
    assert_eq!(result.rc, 0, "modifying {dn}: {result:?}");
    let _ = ldap.unbind().await;
}

/// The first value of one attribute of the entry (operational and constructed ones too, when
/// named), read on a bound connection that is then unbound.
pub async fn attribute_once(ldap: Ldap, dn: &str, attr: &str) -> Option<String> {
    let entry = entry_once(ldap, dn, attr).await;
    entry.attrs.into_iter().find(|(k, _)| k.eq_ignore_ascii_case(attr)).and_then(|(_, v)| v.into_iter().next())
}

/// The entry with just this attribute, read on a bound connection that is then unbound.
pub async fn entry_once(mut ldap: Ldap, dn: &str, attr: &str) -> SearchEntry {
    let (entries, _) = ldap.search(dn, Scope::Base, "(objectClass=*)", vec![attr]).await.unwrap().success().unwrap();
    let _ = ldap.unbind().await;
    SearchEntry::construct(entries.into_iter().next().expect("the entry exists"))
}
