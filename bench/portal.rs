//! `rekey serve` as a child process: its configuration for the bench, the time it takes to
//! answer /readyz, and what /proc says about it (memory, CPU time).

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail};
use base64::Engine as _;

/// How long a portal may take to become ready before the bench gives up.
const READY_LIMIT: Duration = Duration::from_secs(30);

/// Everything a bench portal's configuration depends on.
#[derive(Debug, Clone)]
pub struct Setup {
    pub binary: PathBuf,
    pub work: PathBuf,
    pub ldap_url: String,
    pub bind_dn: String,
    pub bind_password_file: PathBuf,
    pub smtp_port: u16,
    pub master_key: String,
}

impl Setup {
    pub fn new(binary: PathBuf, work: PathBuf, ldap_url: String, bind_password_file: PathBuf, smtp_port: u16) -> Setup {
        let key: [u8; 32] = rand::random();
        Setup {
            binary,
            work,
            ldap_url,
            bind_dn: "cn=rekey,ou=services,dc=example,dc=test".into(),
            bind_password_file,
            smtp_port,
            master_key: base64::engine::general_purpose::STANDARD.encode(key),
        }
    }

    /// The configuration file of one replica. `public` is the URL every replica answers as
    /// (the balancer's); `floor_ms` is server.uniform_post_ms.
    pub fn config(&self, name: &str, listen: &str, public: &str, database: &str, floor_ms: u64) -> Result<PathBuf> {
        let text = format!(
            r#"# Written by rekey-bench; see BENCHMARKS.md for why each value is what it is.
[server]
listen = "{listen}"
public_url = "{public}"
organisation = "Bench Corp"
uniform_post_ms = {floor_ms}

[database]
url = "{database}"

[secrets]
master_key = "{key}"

[directory]
kind = "ldap"
flavour = "openldap"
url = "{ldap}"
# The benchmark's own slapd on the loopback, on purpose.
allow_plaintext = true
bind_dn = "{bind_dn}"
bind_password_file = "{bind_file}"
base_dn = "ou=people,dc=example,dc=test"

[policy]
methods = ["email"]

[mail]
transport = "smtp"
host = "127.0.0.1"
port = {smtp}
security = "none"
from = "rekey <no-reply@example.test>"

[limits]
# Raised so the bench measures throughput, not the limiter; proof of work off (a script-less
# client cannot solve it, and the per-address limit without it is raised as well).
pow_base_bits = 0
starts_per_address = 100000
starts_per_address_without_pow = 100000
starts_per_account = 100000
code_sends_per_account = 100000
code_sends_per_address = 100000
code_sends_per_account_total = 100000
code_sends_per_number = 100000
code_checks_per_account = 100000
code_checks_per_address = 100000
resets_per_account_per_day = 100000
password_checks_per_address = 100000

[log]
level = "warn"
"#,
            key = self.master_key,
            ldap = self.ldap_url,
            bind_dn = self.bind_dn,
            bind_file = self.bind_password_file.display(),
            smtp = self.smtp_port,
        );
        let path = self.work.join(format!("{name}.toml"));
        std::fs::write(&path, text).with_context(|| format!("write {}", path.display()))?;
        Ok(path)
    }
}

/// A free loopback port (bound and released; the portal binds it right after).
pub fn free_port() -> Result<u16> {
    let l = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(l.local_addr()?.port())
}

/// A running `rekey serve`. Killed when dropped.
pub struct Portal {
    child: tokio::process::Child,
    pub pid: u32,
    /// From spawn to the first 200 from /readyz.
    pub ready_in: Duration,
}

impl Portal {
    /// Starts `rekey serve` with `config` listening at `url`, and waits until /readyz says 200.
    pub async fn start(setup: &Setup, config: &Path, url: &str, log: &Path) -> Result<Portal> {
        let log_file = std::fs::File::create(log)?;
        let started = Instant::now();
        let child = tokio::process::Command::new(&setup.binary)
            .arg("--config")
            .arg(config)
            .arg("serve")
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::from(log_file))
            .kill_on_drop(true)
            .spawn()
            .with_context(|| format!("start {}", setup.binary.display()))?;
        let pid = child.id().context("the portal exited at once")?;
        let client = reqwest::Client::builder().timeout(Duration::from_secs(2)).build()?;
        let ready = format!("{url}/readyz");
        let mut portal = Portal { child, pid, ready_in: Duration::ZERO };
        loop {
            if let Ok(res) = client.get(&ready).send().await
                && res.status().is_success()
            {
                portal.ready_in = started.elapsed();
                return Ok(portal);
            }
            if let Some(status) = portal.child.try_wait()? {
                bail!("rekey serve exited with {status} before it was ready; see {}", log.display());
            }
            if started.elapsed() > READY_LIMIT {
                bail!("rekey serve was not ready within {READY_LIMIT:?}; see {}", log.display());
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
    }

    /// Resident memory now and at its peak (VmRSS, VmHWM), in MiB.
    pub fn memory(&self) -> Result<(f64, f64)> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid))?;
        let field = |name: &str| -> f64 {
            status
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
                .map_or(0.0, |kb| kb / 1024.0)
        };
        Ok((field("VmRSS:"), field("VmHWM:")))
    }

    /// CPU time used so far (user + system), from /proc/<pid>/stat.
    pub fn cpu(&self) -> Result<Duration> {
        cpu_of(self.pid)
    }

    pub async fn stop(mut self) -> Result<()> {
        self.child.start_kill()?;
        self.child.wait().await?;
        Ok(())
    }
}

/// [`cpu_of`] the process whose pid `pid_file` holds (slapd's); None when there is no such file
/// or process.
pub fn cpu_of_pid_file(pid_file: Option<&Path>) -> Option<Duration> {
    let pid: u32 = std::fs::read_to_string(pid_file?).ok()?.trim().parse().ok()?;
    cpu_of(pid).ok()
}

/// utime + stime of a process.
pub fn cpu_of(pid: u32) -> Result<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // Fields after the command name, which sits in parentheses and may contain spaces.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).context("odd /proc stat")?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the name.
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    let total = ticks(11) + ticks(12);
    // The clock tick (USER_HZ) is 100 Hz on every Linux this runs on.
    Ok(Duration::from_millis(total * 10))
}
