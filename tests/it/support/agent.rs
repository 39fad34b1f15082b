//! Real `rekey agent` processes for a test portal: enrolled with the real CLI, run from the
//! built binary, their logs captured under target/test-logs for the secrets scan.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use rekey::config::DirectoryConfig;
use rekey::flow::Services;
use secrecy::ExposeSecret;

/// A running agent process. Killed when dropped.
pub struct AgentProcess {
    pub name: String,
    pub agent_id: String,
    pub dir: tempfile::TempDir,
    pub key_file: PathBuf,
    pub config_file: PathBuf,
    pub log_file: PathBuf,
    bind_password: String,
    /// Seconds the agent's wall clock is shifted by (`rekey::agent::client::CLOCK_SKEW_VAR`).
    pub clock_skew: i64,
    child: Option<tokio::process::Child>,
}

/// Makes an enrolment token on the portal.
pub async fn token(services: &Services, name: &str) -> String {
    let token = rekey::agent::admin::create_token(&services.db, &services.keys, name, 10, rekey::agent::proto::now())
        .await
        .expect("token");
    super::remember_secret(token.as_str());
    if let Ok((secret, _)) = rekey::agent::client::parse_token(&token) {
        super::remember_secret(secret);
    }
    token.to_string()
}

/// Runs `rekey agent enroll`; returns (success, stderr).
pub async fn enroll_cli(portal_url: &str, token: &str, name: &str, key_file: &Path) -> (bool, String) {
    enroll_cli_with(portal_url, token, name, key_file, None).await
}

/// Same, trusting `ca_file` for the portal's certificate.
pub async fn enroll_cli_with(
    portal_url: &str,
    token: &str,
    name: &str,
    key_file: &Path,
    ca_file: Option<&Path>,
) -> (bool, String) {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_rekey"));
    command.args(["agent", "enroll", "--portal", portal_url, "--name", name, "--key-file"]).arg(key_file);
    if let Some(ca) = ca_file {
        command.arg("--ca-file").arg(ca);
    }
    let out = command
        .env("REKEY_AGENT_TOKEN", token)
        .env_remove("REKEY_CONFIG")
        .output()
        .await
        .expect("run rekey agent enroll");
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The agent's TOML: its own section and the directory, without the bind password (that comes
/// from the environment so it never sits in a file).
fn agent_toml(key_file: &Path, directory: &DirectoryConfig, extra: &str) -> String {
    let mut out = format!(
        "[agent]\nkey_file = {:?}\nheartbeat_secs = 1\npoll_secs = 5\nworkers = 2\n{extra}\n[log]\nlevel = \"rekey=debug,info\"\n\n[directory]\n",
        key_file.display().to_string()
    );
    let serde_json::Value::Object(map) = serde_json::to_value(directory).unwrap() else { unreachable!() };
    for (k, v) in map {
        if v.is_null() || v.is_object() || k == "bind_password" || k == "bind_password_file" {
            continue;
        }
        out.push_str(&format!("{k} = {v}\n"));
    }
    out
}

/// How `AgentProcess::start_with` starts an agent; the default is as `start` does.
#[derive(Default)]
pub struct Launch<'a> {
    /// The CA to trust for the portal's TLS certificate.
    pub ca_file: Option<&'a Path>,
    /// Extra lines for the `[agent]` section.
    pub extra: &'a str,
    /// How far the machine's wall clock is ahead (negative: behind) of the portal's, in
    /// seconds; enrolment runs with the right time.
    pub clock_skew: i64,
}

impl AgentProcess {
    /// Enrols a new agent with `services`' portal at `portal_url` and starts it against
    /// `directory`. Waits until the portal has heard its first heartbeat.
    pub async fn start(services: &Services, portal_url: &str, directory: &DirectoryConfig, name: &str) -> AgentProcess {
        Self::start_with(services, portal_url, directory, name, Launch::default()).await
    }

    /// Same, with the choices in `launch`.
    pub async fn start_with(
        services: &Services,
        portal_url: &str,
        directory: &DirectoryConfig,
        name: &str,
        launch: Launch<'_>,
    ) -> AgentProcess {
        let Launch { ca_file, extra, clock_skew } = launch;
        let dir = tempfile::tempdir().unwrap();
        let key_file = dir.path().join("agent.key");
        let token = token(services, name).await;
        let (ok, stderr) = enroll_cli_with(portal_url, &token, name, &key_file, ca_file).await;
        assert!(ok, "enrolment failed: {stderr}");
        let identity = rekey::agent::keyfile::Identity::load(&key_file).expect("key file");
        let mut agent = Self::prepare(dir, key_file, &identity.agent_id, directory, name, extra);
        agent.clock_skew = clock_skew;
        agent.spawn().await;
        agent.wait_connected(services).await;
        agent
    }

    /// Runs an agent from a key file written by the test (no enrolment, no wait).
    pub async fn from_identity(
        identity: &rekey::agent::keyfile::Identity,
        directory: &DirectoryConfig,
        name: &str,
    ) -> AgentProcess {
        let dir = tempfile::tempdir().unwrap();
        let key_file = dir.path().join("agent.key");
        identity.write_new(&key_file).unwrap();
        let mut agent = Self::prepare(dir, key_file, &identity.agent_id, directory, name, "");
        agent.spawn().await;
        agent
    }

    /// Writes the agent's config next to its key file; the process is not started yet.
    fn prepare(
        dir: tempfile::TempDir,
        key_file: PathBuf,
        agent_id: &str,
        directory: &DirectoryConfig,
        name: &str,
        extra: &str,
    ) -> AgentProcess {
        let config_file = dir.path().join("rekey-agent.toml");
        std::fs::write(&config_file, agent_toml(&key_file, directory, extra)).unwrap();
        let bind_password = directory.bind_password.as_ref().map(|p| p.expose_secret().to_owned()).unwrap_or_default();
        let log_file = super::output_dir().join(format!("{}.log", super::unique(&format!("agent-{name}-"))));
        AgentProcess {
            name: name.into(),
            agent_id: agent_id.into(),
            dir,
            key_file,
            config_file,
            log_file,
            bind_password,
            clock_skew: 0,
            child: None,
        }
    }

    /// Starts (or restarts) the process.
    pub async fn spawn(&mut self) {
        let log = std::fs::OpenOptions::new().create(true).append(true).open(&self.log_file).unwrap();
        let child = tokio::process::Command::new(env!("CARGO_BIN_EXE_rekey"))
            .args(["agent", "run", "-c"])
            .arg(&self.config_file)
            .env("REKEY_DIRECTORY__BIND_PASSWORD", &self.bind_password)
            .env(rekey::agent::client::CLOCK_SKEW_VAR, self.clock_skew.to_string())
            .env_remove("RUST_LOG")
            .stdout(Stdio::null())
            .stderr(Stdio::from(log))
            .kill_on_drop(true)
            .spawn()
            .expect("spawn rekey agent run");
        self.child = Some(child);
    }

    /// Waits (10 s at most) until the portal counts this agent as connected.
    pub async fn wait_connected(&self, services: &Services) {
        let started = Instant::now();
        loop {
            let live = services.db.live_agents(rekey::agent::proto::now() - 30).await.unwrap();
            if live.iter().any(|a| a.id == self.agent_id) {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "agent {} never connected:\n{}",
                self.name,
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// SIGTERM, then wait for a clean exit (20 s at most).
    pub async fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            if let Some(pid) = child.id() {
                unsafe { libc::kill(pid as i32, libc::SIGTERM) };
            }
            let status = tokio::time::timeout(Duration::from_secs(20), child.wait()).await;
            assert!(
                matches!(status, Ok(Ok(s)) if s.success()),
                "agent did not stop cleanly: {status:?}\n{}",
                self.log()
            );
        }
    }

    /// SIGKILL: the process dies wherever it is.
    pub async fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill().await;
        }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log_file).unwrap_or_default()
    }
}

impl Drop for AgentProcess {
    fn drop(&mut self) {
        if let Some(child) = self.child.as_mut() {
            let _ = child.start_kill();
        }
    }
}

/// Samba AD behind writeback agents: the portal runs with `directory.kind = "agent"` and every
/// test environment starts its own agent process against the shared DC.
pub struct SambaViaAgent {
    pub dc: &'static super::samba::SambaDc,
}

impl SambaViaAgent {
    pub async fn shared() -> &'static SambaViaAgent {
        static SHARED: tokio::sync::OnceCell<SambaViaAgent> = tokio::sync::OnceCell::const_new();
        SHARED.get_or_init(|| async { SambaViaAgent { dc: super::samba::SambaDc::shared().await } }).await
    }

    /// The portal's directory section for agents: short deadlines so failures show quickly.
    pub fn portal_directory() -> DirectoryConfig {
        DirectoryConfig {
            kind: rekey::config::DirectoryKind::Agent,
            agent: rekey::config::AgentDirectoryConfig {
                deadline_secs: 15,
                lease_secs: 10,
                heartbeat_window_secs: 10,
                token_ttl_mins: 10,
                ..Default::default()
            },
            ..DirectoryConfig::default()
        }
    }
}

#[async_trait::async_trait]
impl super::directory::TestDirectory for SambaViaAgent {
    fn name(&self) -> &'static str {
        "samba-via-agent"
    }

    fn directory_config(&self) -> DirectoryConfig {
        self.dc.directory_config()
    }

    fn via_agent(&self) -> bool {
        true
    }

    async fn create_user(&self, prefix: &str) -> super::directory::TestUser {
        self.dc.create_user(prefix).await
    }

    async fn add_to_group(&self, user: &super::directory::TestUser, group: &str) {
        self.dc.add_to_group(user, group).await
    }

    async fn bind(&self, dn: &str, password: &str) -> bool {
        self.dc.bind(dn, password).await
    }

    async fn is_locked(&self, user: &super::directory::TestUser) -> bool {
        self.dc.is_locked(user).await
    }

    async fn lock(&self, user: &super::directory::TestUser) {
        self.dc.lock(user).await
    }

    async fn must_change(&self, user: &super::directory::TestUser) -> bool {
        self.dc.must_change(user).await
    }

    async fn allow_forced_change(&self, _user: &super::directory::TestUser) {}

    async fn disable(&self, user: &super::directory::TestUser) {
        self.dc.disable(user).await
    }
}
