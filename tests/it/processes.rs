//! The `rekey` binary itself: configuration errors, and portal processes sharing one
//! PostgreSQL database: sessions, attempts, one-time codes and rate limits, including a replica
//! killed mid-flow. Agent jobs shared by replicas are in `agent.rs`.

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::support::env::Browser;
use crate::support::slapd::{Slapd, TestUser};
use crate::support::smtp::SmtpSink;
use crate::support::{output_dir, remember_secret, unique};

fn rekey() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rekey"));
    // Nothing from the developer's environment leaks into these runs.
    for (k, _) in std::env::vars() {
        if k.starts_with("REKEY_") {
            c.env_remove(k);
        }
    }
    c
}

fn write_config(text: &str) -> std::path::PathBuf {
    let path = output_dir().join(format!("{}.toml", unique("config")));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn check_config_names_every_bad_key() {
    let path = write_config(
        r#"
[server]
listen = "nowhere"
[directory]
url = "htp://x"
base_dn = "ou=people,dc=example,dc=test"
bind_dn = "cn=rekey,ou=services,dc=example,dc=test"
bind_password = "x"
[policy]
methods_required = 3
[codes]
length = 4
"#,
    );
    let out = rekey().args(["check-config", "--config"]).arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    for expected in [
        "directory.url: expected ldap:// or ldaps://, got \"htp://x\"",
        "server.listen: expected an address and port",
        "secrets.master_key: missing",
        "policy.methods_required: expected 1 or 2, got 3",
        "codes.length: expected 6 to 10 digits, got 4",
    ] {
        assert!(stderr.contains(expected), "missing {expected:?} in:\n{stderr}");
    }
}

#[test]
fn a_mistyped_key_or_value_type_is_named() {
    let path = write_config("[directory]\nurll = \"ldap://x\"\n[server]\nmax_body_bytes = \"big\"\n");
    let out = rekey().args(["check-config", "--config"]).arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains("urll"), "{stderr}");
}

#[test]
fn environment_variables_override_the_file_and_secrets_come_from_files() {
    let secret_file = output_dir().join(format!("{}.secret", unique("bind")));
    std::fs::write(&secret_file, "from-a-file\n").unwrap();
    let path = write_config(&format!(
        "[secrets]\nmaster_key = \"{}\"\n[directory]\nurl = \"ldap://127.0.0.1:1\"\nbase_dn = \"ou=people,dc=example,dc=test\"\nbind_dn = \"cn=rekey\"\nbind_password_file = \"{}\"\n",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        secret_file.display()
    ));
    let out = rekey()
        .args(["check-config", "--config"])
        .arg(&path)
        .env("REKEY_DIRECTORY__URL", "ldaps://dc.example.test:636")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("url = \"ldaps://dc.example.test:636\""), "{stdout}");
    assert!(stdout.contains("bind_password = \"[redacted]\""), "{stdout}");
    assert!(!stdout.contains("from-a-file"), "secrets are redacted: {stdout}");
    assert!(!stdout.contains("AAAAAAAA"), "the master key is redacted: {stdout}");
}

struct Portal {
    child: Child,
    url: String,
}

impl Drop for Portal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Portal {
    /// Kills the process as a crash would (SIGKILL): no graceful shutdown, nothing flushed.
    fn crash(mut self) {
        use std::os::unix::process::ExitStatusExt as _;
        self.child.kill().unwrap();
        let status = self.child.wait().unwrap();
        assert_eq!(status.signal(), Some(9), "killed by SIGKILL, not exited: {status}");
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

async fn start_portal(config_path: &std::path::Path, public_url: &str, port: u16) -> Portal {
    let log = std::fs::OpenOptions::new().create(true).append(true).open(output_dir().join("children.log")).unwrap();
    serve(config_path, public_url, port, log, &[("REKEY_LOG__LEVEL", "trace")]).await
}

/// Runs `rekey serve` with `config_path` and `env` on `port`, its log to `log`, and waits
/// until it is healthy.
async fn serve(
    config_path: &std::path::Path,
    public_url: &str,
    port: u16,
    log: std::fs::File,
    env: &[(&str, &str)],
) -> Portal {
    let mut child = rekey()
        .args(["serve", "--config"])
        .arg(config_path)
        .env("REKEY_SERVER__LISTEN", format!("127.0.0.1:{port}"))
        .env("REKEY_SERVER__PUBLIC_URL", public_url)
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::from(log))
        .spawn()
        .unwrap();
    let url = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    for _ in 0..100 {
        if client.get(format!("{url}/healthz")).send().await.is_ok_and(|r| r.status().is_success()) {
            return Portal { child, url };
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("rekey serve did not become ready");
}

/// Portal processes sharing one PostgreSQL database, one slapd and one mail sink, all reached
/// through one public name, as behind a load balancer.
struct Replicas {
    slapd: &'static Slapd,
    smtp: SmtpSink,
    config: std::path::PathBuf,
    public: String,
}

impl Replicas {
    /// The shared configuration, with `extra` TOML (e.g. a `[limits]` table) appended.
    async fn new(extra: &str) -> Replicas {
        crate::support::init_tracing();
        let slapd = Slapd::shared().await;
        let smtp = SmtpSink::start().await;
        let db = crate::support::postgres::fresh_database().await;
        let dir = slapd.directory_config();
        let key: [u8; 32] = rand::random();
        use base64::Engine;
        let key = base64::engine::general_purpose::STANDARD.encode(key);
        let bind_password =
            dir.bind_password.as_ref().map(|p| secrecy::ExposeSecret::expose_secret(p).to_owned()).unwrap();
        // Nothing listens on the public name: each browser below talks to one replica directly.
        let public = format!("http://127.0.0.1:{}", free_port());
        let config = output_dir().join(format!("{}.toml", unique("replicas")));
        let mut file = std::fs::File::create(&config).unwrap();
        writeln!(
            file,
            "[secrets]\nmaster_key = \"{key}\"\n[database]\nurl = \"{db}\"\n[directory]\nallow_plaintext = true\nurl = \"{}\"\nbase_dn = \"{}\"\nbind_dn = \"{}\"\nbind_password = \"{bind_password}\"\n[mail]\nhost = \"127.0.0.1\"\nport = {}\nsecurity = \"none\"\nfrom = \"rekey <no-reply@example.test>\"\n{extra}",
            dir.url, dir.base_dn, dir.bind_dn, smtp.port
        )
        .unwrap();
        Replicas { slapd, smtp, config, public }
    }

    /// One more `rekey serve` process on this configuration.
    async fn start(&self) -> Portal {
        start_portal(&self.config, &self.public, free_port()).await
    }

    /// A browser talking to `replica`.
    fn browser(&self, replica: &Portal) -> Browser {
        let mut browser = Browser::new(&replica.url);
        browser.origin = Some(self.public.clone());
        browser
    }

    /// The same browser (same cookies), now routed to `replica`.
    fn route(&self, browser: &mut Browser, replica: &Portal) {
        browser.switch_to(&replica.url);
        browser.origin = Some(self.public.clone());
    }

    /// Registers an address for `user`, signing in on `first` and confirming on `second`.
    async fn register_address(&self, user: &TestUser, first: &Portal, second: &Portal) -> String {
        let address = format!("{}@replica.example.test", user.uid);
        let mut browser = self.browser(first);
        browser.sign_in_to_register(user).await.assert_status(200);
        browser.post("/register/email", &[("address", &address)]).await.assert_status(200);
        let code = self.smtp.last_code_for(&address).await;
        self.route(&mut browser, second);
        let page = browser.post("/register/confirm", &[("code", &code)]).await;
        assert!(page.contains("Your new method is registered"), "{}", page.body);
        address
    }

    /// A new account, two replicas, and an address registered across them.
    async fn two_replicas_and_an_address(&self, prefix: &str) -> (TestUser, Portal, Portal, String) {
        let user = self.slapd.create_user(prefix).await;
        let a = self.start().await;
        let b = self.start().await;
        let address = self.register_address(&user, &a, &b).await;
        (user, a, b, address)
    }

    /// A browser on `replica` that began a reset and asked for a code by mail; and the code.
    async fn reset_code_by_mail(&self, replica: &Portal, user: &TestUser, address: &str) -> (Browser, String) {
        let mut browser = self.browser(replica);
        browser.start("reset", &user.uid).await.assert_status(200);
        browser.request_email_code("reset").await.assert_status(200);
        let code = self.smtp.last_code_for(address).await;
        (browser, code)
    }
}

/// A new password that passes the quality check (not built on the login, which it refuses).
fn new_password() -> String {
    let new = format!("Tundra-{}-Horse7", unique("pw"));
    remember_secret(&new);
    new
}

/// A code of the same shape that is not `code`.
fn wrong_code(code: &str) -> String {
    let first = if code.starts_with('0') { '1' } else { '0' };
    format!("{first}{}", &code[1..])
}

#[tokio::test]
async fn a_session_started_on_one_process_continues_on_another_sharing_postgres() {
    let replicas = Replicas::new("").await;
    let (user, a, b, address) = replicas.two_replicas_and_an_address("replica").await;

    // Reset, alternating replicas at every step.
    let mut browser = replicas.browser(&a);
    browser.start("reset", &user.uid).await.assert_status(200);
    replicas.route(&mut browser, &b);
    browser.request_email_code("reset").await.assert_status(200);
    let code = replicas.smtp.last_code_for(&address).await;
    replicas.route(&mut browser, &a);
    browser.submit_code("reset", "email", &code).await.assert_status(200);
    replicas.route(&mut browser, &b);
    let new = new_password();
    let done = browser.set_password(&new).await;
    done.assert_status(200);
    assert!(done.contains("Your password has been reset"), "{}", done.body);
    assert!(replicas.slapd.bind(&user.dn, &new).await);
    drop((a, b));
}

#[tokio::test]
async fn a_reset_begun_on_a_replica_that_crashes_finishes_on_another() {
    let replicas = Replicas::new("").await;
    let (user, a, b, address) = replicas.two_replicas_and_an_address("crash").await;

    let (mut browser, code) = replicas.reset_code_by_mail(&a, &user, &address).await;
    a.crash();

    replicas.route(&mut browser, &b);
    browser.submit_code("reset", "email", &code).await.assert_status(200);
    let new = new_password();
    let done = browser.set_password(&new).await;
    done.assert_status(200);
    assert!(done.contains("Your password has been reset"), "{}", done.body);
    assert!(replicas.slapd.bind(&user.dn, &new).await, "the new password binds");
    assert!(!replicas.slapd.bind(&user.dn, &user.password).await, "the old password no longer binds");
}

#[tokio::test]
async fn a_rate_limit_is_reached_at_its_configured_total_across_replicas() {
    let replicas = Replicas::new("[limits]\nstarts_per_account = 4\n").await;
    let user = replicas.slapd.create_user("limited").await;
    let a = replicas.start().await;
    let b = replicas.start().await;

    // Four username steps, alternating replicas: each replica alone has seen only two.
    for replica in [&a, &b, &a, &b] {
        let mut browser = replicas.browser(replica);
        browser.start("reset", &user.uid).await.assert_status(200);
    }
    // The fifth is refused wherever it lands.
    for replica in [&a, &b] {
        let mut browser = replicas.browser(replica);
        let page = browser.start("reset", &user.uid).await;
        page.assert_status(429);
        assert!(page.contains("Too many attempts"), "{}", page.body);
    }
}

#[tokio::test]
async fn wrong_codes_on_either_replica_count_toward_one_attempts_limit() {
    let replicas = Replicas::new("[codes]\nmax_wrong_tries = 3\n").await;
    let (user, a, b, address) = replicas.two_replicas_and_an_address("guess").await;

    let (mut browser, code) = replicas.reset_code_by_mail(&a, &user, &address).await;
    let wrong = wrong_code(&code);
    for (replica, left) in [(&b, "You have 2 more tries"), (&a, "You have 1 more try"), (&b, "This was your last try")]
    {
        replicas.route(&mut browser, replica);
        let page = browser.submit_code("reset", "email", &wrong).await;
        page.assert_status(422);
        assert!(page.contains(left), "expected {left:?}: {}", page.body);
    }
    replicas.route(&mut browser, &a);
    let page = browser.submit_code("reset", "email", &wrong).await;
    page.assert_status(403);
    assert!(page.contains("Too many wrong codes"), "{}", page.body);
    // The right code, on the other replica, no longer opens the attempt.
    replicas.route(&mut browser, &b);
    let page = browser.submit_code("reset", "email", &code).await;
    page.assert_status(410);
    assert!(page.contains("This attempt has ended"), "{}", page.body);
    assert!(replicas.slapd.bind(&user.dn, &user.password).await, "nothing was changed");
}

#[tokio::test]
async fn json_logs_carry_the_request_id_on_every_line_a_request_causes() {
    crate::support::init_tracing();
    let slapd = Slapd::shared().await;
    let user = slapd.create_user("logline").await;
    let dir = slapd.directory_config();
    let key: [u8; 32] = rand::random();
    use base64::Engine;
    let key = base64::engine::general_purpose::STANDARD.encode(key);
    let bind_password = dir.bind_password.as_ref().map(|p| secrecy::ExposeSecret::expose_secret(p).to_owned()).unwrap();
    // Mail goes to a port nobody listens on, so delivery fails in the background.
    let dead_smtp = free_port();
    let path = output_dir().join(format!("{}.toml", unique("jsonlog")));
    std::fs::write(
        &path,
        format!(
            "[secrets]\nmaster_key = \"{key}\"\n[database]\nurl = \"{}\"\n[directory]\nallow_plaintext = true\nurl = \"{}\"\nbase_dn = \"{}\"\nbind_dn = \"{}\"\nbind_password = \"{bind_password}\"\n[mail]\nhost = \"127.0.0.1\"\nport = {dead_smtp}\nsecurity = \"none\"\ntimeout_secs = 2\nfrom = \"rekey <no-reply@example.test>\"\n[log]\nformat = \"json\"\nlevel = \"debug,sqlx=warn,ldap3=info\"\n",
            crate::support::postgres::fresh_sqlite_url(),
            dir.url,
            dir.base_dn,
            dir.bind_dn
        ),
    )
    .unwrap();
    let log_path = output_dir().join(format!("{}.log", unique("jsonlog")));
    let port = free_port();
    let log = std::fs::File::create(&log_path).unwrap();
    let portal = serve(&path, &format!("http://127.0.0.1:{port}"), port, log, &[]).await;
    let url = portal.url.clone();
    // A registration sign-in and an address to confirm: directory calls, database writes, a
    // mail that cannot be delivered.
    let mut b = Browser::new(&url);
    b.get("/register").await.assert_status(200);
    let page = b.post("/register", &[("username", &user.uid), ("password", &user.password)]).await;
    page.assert_status(200);
    let page = b.post("/register/email", &[("address", "nobody@example.test")]).await;
    page.assert_status(200);
    let ids: Vec<String> =
        [&page].iter().filter_map(|p| p.headers.get("x-request-id").map(|v| v.to_str().unwrap().to_owned())).collect();
    assert_eq!(ids.len(), 1, "the response names its request id");
    // Wait for the failed delivery to be logged.
    let mut text = String::new();
    for _ in 0..100 {
        text = std::fs::read_to_string(&log_path).unwrap();
        if text.contains("mail delivery failed") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    drop(portal);

    let mut in_requests = 0;
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
        let target = v["target"].as_str().unwrap_or_default();
        let message = v["message"].as_str().unwrap_or_default();
        // Start-up and shutdown happen outside any request.
        if ["rekey is serving", "shutting down"].contains(&message)
            || !(target.starts_with("rekey") || target.starts_with("tower_http"))
        {
            continue;
        }
        // The request's span is the outermost one, on every line inside it.
        let id = v["spans"][0]["request_id"].as_str().unwrap_or_else(|| panic!("no request id on: {line}"));
        assert!(!id.is_empty() && id != "-", "{line}");
        in_requests += 1;
    }
    assert!(in_requests >= 6, "the requests logged lines: {text}");
    let delivery = text.lines().find(|l| l.contains("mail delivery failed")).expect("the failed delivery is logged");
    let v: serde_json::Value = serde_json::from_str(delivery).unwrap();
    assert_eq!(v["spans"][0]["path"], "/register/email", "the background delivery names the request that caused it");
    // Loopback clients and no trusted proxy: said once, inside the first request.
    let warned = text.lines().filter(|l| l.contains("every client shares one rate-limit bucket")).count();
    assert_eq!(warned, 1, "the shared rate-limit bucket is warned about once: {text}");
    // The id a response names is the one its log lines carry.
    assert!(text.contains(&format!("\"request_id\":\"{}\"", ids[0])), "{} not in the log", ids[0]);
}

/// The container build copies every folder the binary is built from: its code, and what it
/// embeds (templates, assets, migrations, message catalogues). No Docker daemon runs in the
/// tests, so a folder forgotten here would only show when someone builds the image.
#[test]
fn the_container_build_copies_every_folder_the_binary_embeds() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dockerfile = std::fs::read_to_string(root.join("Dockerfile")).unwrap();
    // src/i18n.rs (fluent-templates), src/web/assets.rs (rust-embed), askama, sqlx::migrate!.
    // .cargo: the SQLite build options (`.cargo/config.toml`).
    for folder in [".cargo", "src", "templates", "static", "migrations", "locales"] {
        assert!(root.join(folder).is_dir(), "{folder} exists");
        assert!(dockerfile.contains(&format!("COPY {folder} {folder}")), "the Dockerfile copies {folder}/");
    }
}
