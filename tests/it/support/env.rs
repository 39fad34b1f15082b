//! A running portal wired to real servers, and a small browser that keeps cookies and
//! follows redirects the way a person's browser does.

use std::collections::BTreeMap;

use base64::Engine;
use rekey::clock::Clock;
use rekey::config::{Config, DirectoryConfig, MailTransport};
use rekey::web::Running;

use super::slapd::{Slapd, TestUser};
use super::smtp::SmtpSink;

/// A portal on a free loopback port, with its own database, mail sink and clock.
pub struct TestEnv {
    pub smtp: SmtpSink,
    pub server: Running,
    pub clock: Clock,
    pub config: Config,
    /// Writeback agents serving this portal (when its directory is reached through one).
    pub agents: Vec<super::agent::AgentProcess>,
}

impl TestEnv {
    /// The portal on the shared slapd, a fresh SQLite database and default policy.
    pub async fn openldap() -> TestEnv {
        Self::with(|_| {}).await
    }

    /// Same, with the configuration adjusted first.
    pub async fn with(tweak: impl FnOnce(&mut Config)) -> TestEnv {
        let slapd = Slapd::shared().await;
        Self::build(slapd.directory_config(), super::postgres::fresh_sqlite_url(), tweak).await
    }

    /// The portal on a test directory, a fresh SQLite database, the configuration adjusted.
    /// Through a writeback agent, the portal gets `kind = "agent"` and one agent process is
    /// started against the directory.
    pub async fn on(dir: &dyn super::directory::TestDirectory, tweak: impl FnOnce(&mut Config)) -> TestEnv {
        if !dir.via_agent() {
            return Self::build(dir.directory_config(), super::postgres::fresh_sqlite_url(), tweak).await;
        }
        let mut env =
            Self::build(super::agent::SambaViaAgent::portal_directory(), super::postgres::fresh_sqlite_url(), tweak)
                .await;
        let agent =
            super::agent::AgentProcess::start(&env.server.services, &env.server.url(), &dir.directory_config(), "dc1")
                .await;
        env.agents.push(agent);
        env
    }

    /// The portal on any directory and database.
    pub async fn build(directory: DirectoryConfig, database_url: String, tweak: impl FnOnce(&mut Config)) -> TestEnv {
        super::init_tracing();
        let smtp = SmtpSink::start().await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mut config = base_config(directory, database_url, &smtp);
        config.server.listen = addr.to_string();
        config.server.public_url = format!("http://{addr}");
        tweak(&mut config);
        let clock = Clock::system();
        let server = rekey::web::start_on(listener, config.clone(), clock.clone()).await.expect("portal starts");
        TestEnv { smtp, server, clock, config, agents: Vec::new() }
    }

    /// This portal's configuration as a TOML file, secrets included, for running the `rekey`
    /// binary against the same database and directory.
    pub fn config_file(&self) -> std::path::PathBuf {
        use secrecy::ExposeSecret as _;
        let serde_json::Value::Object(sections) = serde_json::to_value(&self.config).unwrap() else { unreachable!() };
        let mut out = String::new();
        fn table(out: &mut String, name: &str, map: &serde_json::Map<String, serde_json::Value>) {
            out.push_str(&format!("[{name}]\n"));
            for (k, v) in map {
                if !(v.is_null() || v.is_object()) {
                    out.push_str(&format!("{k} = {v}\n"));
                }
            }
            for (k, v) in map {
                if let serde_json::Value::Object(inner) = v {
                    table(out, &format!("{name}.{k}"), inner);
                }
            }
        }
        for (name, v) in &sections {
            if let serde_json::Value::Object(map) = v {
                let mut map = map.clone();
                let secret =
                    |s: &Option<secrecy::SecretString>| s.as_ref().map(|s| s.expose_secret().to_owned().into());
                match name.as_str() {
                    "secrets" => {
                        map.insert("master_key".into(), secret(&self.config.secrets.master_key).unwrap());
                    }
                    "directory" => {
                        map.remove("bind_password");
                        if let Some(p) = secret(&self.config.directory.bind_password) {
                            map.insert("bind_password".into(), p);
                        }
                    }
                    "mail" => {
                        map.remove("password");
                    }
                    "database" => {
                        map.insert("url".into(), self.config.database.url.clone().into());
                    }
                    _ => {}
                }
                table(&mut out, name, &map);
            }
        }
        let path = super::output_dir().join(format!("{}.toml", super::unique("portal")));
        std::fs::write(&path, out).unwrap();
        path
    }

    pub fn browser(&self) -> Browser {
        Browser::new(&self.server.url())
    }

    /// Registers an email method for `user` through the register flow; returns the address.
    pub async fn register_email(&self, user: &TestUser) -> String {
        let address = format!("{}@recovery.example.test", user.uid);
        let mut b = self.browser();
        b.sign_in_to_register(user).await.assert_status(200);
        self.prove_existing(&mut b, &user.uid).await;
        b.post("/register/email", &[("address", &address)]).await.assert_status(200);
        let code = self.smtp.last_code_for(&address).await;
        let page = b.post("/register/confirm", &[("code", &code)]).await;
        page.assert_status(200);
        assert!(page.contains("Your new method is registered"), "{}", page.body);
        address
    }

    /// Begins a reset for `login` in `b` and has a code sent to `address`; returns the code.
    pub async fn reset_code_by_email(&self, b: &mut Browser, login: &str, address: &str) -> String {
        b.start("reset", login).await.assert_status(200);
        b.request_email_code("reset").await.assert_status(200);
        self.smtp.last_code_for(address).await
    }

    /// Takes `b` through the first steps of a reset for `login`: the username, then a code sent
    /// to `address` and entered. `b` is then at the password step.
    pub async fn prove_reset_by_email(&self, b: &mut Browser, login: &str, address: &str) {
        let code = self.reset_code_by_email(b, login, address).await;
        b.submit_code("reset", "email", &code).await.assert_status(200);
    }

    /// Registers an authenticator app for `user`; returns its seed.
    pub async fn register_totp(&self, user: &TestUser) -> rekey::factors::totp::TotpSecret {
        let mut b = self.browser();
        b.sign_in_to_register(user).await.assert_status(200);
        self.prove_existing(&mut b, &user.uid).await;
        let page = b.post("/register/totp", &[]).await;
        page.assert_status(200);
        let secret = totp_secret_from(&page.body);
        let code = rekey::factors::totp::code_at(&secret, self.clock.now());
        super::remember_secret(&code);
        let page = b.post("/register/confirm", &[("code", &code)]).await;
        assert!(page.contains("Your new method is registered"), "{}", page.body);
        secret
    }

    /// In a registration visit of `uid`, proves the oldest registered address or app first,
    /// when the portal asks for it (it does once the account has a method).
    pub async fn prove_existing(&self, b: &mut Browser, uid: &str) {
        use rekey::flow::methods;
        let page = b.get("/register/prove").await;
        if page.url.ends_with("/register/methods") || page.status == 404 {
            return;
        }
        let services = &self.server.services;
        let login = rekey::directory::Login::parse(uid).unwrap();
        let user = services.directory.find_user(&login).await.unwrap().expect("the account exists");
        let mut stored = services.db.list_methods(user.id.as_str()).await.unwrap();
        stored.retain(|m| m.kind == "email" || m.kind == "totp");
        stored.sort_by_key(|m| m.created_at);
        let oldest = stored.first().expect("a registered address or app to prove");
        let page = if oldest.kind == "email" {
            let address = String::from_utf8(methods::open(services, oldest).unwrap().to_vec()).unwrap();
            b.post("/register/prove/send", &[]).await.assert_status(200);
            let code = self.smtp.last_code_for(&address).await;
            b.post("/register/prove/code/email", &[("code", &code)]).await
        } else {
            let (_, secret) = methods::totp_secrets(services, std::slice::from_ref(oldest)).pop().unwrap();
            // The step after this one: this one may have confirmed the app just now.
            let code = rekey::factors::totp::code_at(&secret, self.clock.now() + 30);
            super::remember_secret(&code);
            b.post("/register/prove/code/totp", &[("code", &code)]).await
        };
        assert!(page.url.ends_with("/register/methods"), "{} {}", page.url, page.body);
    }

    /// A fresh TOTP code for `secret` at the portal's current time.
    pub fn totp_code(&self, secret: &rekey::factors::totp::TotpSecret) -> String {
        let code = rekey::factors::totp::code_at(secret, self.clock.now());
        super::remember_secret(&code);
        code
    }
}

/// Reads the base32 seed an authenticator page shows in `<code class="secret">`.
pub fn totp_secret_from(body: &str) -> rekey::factors::totp::TotpSecret {
    let start = body.find("<code class=\"secret\">").expect("the page shows the key") + "<code class=\"secret\">".len();
    let end = start + body[start..].find("</code>").unwrap();
    let text: String = body[start..end].chars().filter(|c| !c.is_whitespace()).collect();
    super::remember_secret(&text);
    let bytes = base32_decode(&text);
    rekey::factors::totp::TotpSecret::from_bytes(&bytes).expect("a valid seed")
}

fn base32_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut bits = 0u64;
    let mut count = 0;
    let mut out = vec![];
    for c in text.trim_end_matches('=').bytes() {
        let v = ALPHABET.iter().position(|a| *a == c.to_ascii_uppercase()).expect("base32") as u64;
        bits = (bits << 5) | v;
        count += 5;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    out
}

/// The configuration every test starts from.
/// The `rekey` binary as an administrator runs it against this portal's database and master
/// key (audit commands and the like), with a placeholder directory and no config file, in the
/// test output folder.
pub fn rekey_cli(config: &Config) -> std::process::Command {
    use secrecy::ExposeSecret as _;
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_rekey"));
    command
        .env("REKEY_DATABASE__URL", &config.database.url)
        .env("REKEY_SECRETS__MASTER_KEY", config.secrets.master_key.as_ref().unwrap().expose_secret())
        .env("REKEY_MAIL__TRANSPORT", "console")
        .env("REKEY_DIRECTORY__BIND_DN", "cn=x")
        .env("REKEY_DIRECTORY__ALLOW_PLAINTEXT", "true")
        .env("REKEY_DIRECTORY__BIND_PASSWORD", "unused")
        .env("REKEY_DIRECTORY__BASE_DN", "dc=x")
        .env_remove("REKEY_CONFIG")
        .current_dir(super::output_dir());
    command
}

pub fn base_config(directory: DirectoryConfig, database_url: String, smtp: &SmtpSink) -> Config {
    let mut config = Config::default();
    let key: [u8; 32] = rand::random();
    config.secrets.master_key = Some(base64::engine::general_purpose::STANDARD.encode(key).into());
    config.directory = directory;
    config.database.url = database_url;
    config.mail = smtp.mail_config();
    assert_eq!(config.mail.transport, MailTransport::Smtp);
    config.server.organisation = "Example Corp".into();
    // Tests that measure timing turn the floor back on; the rest run without it.
    config.server.uniform_post_ms = 0;
    // Likewise the proof of work on the username step (tests/it/abuse.rs covers it).
    config.limits.pow_base_bits = 0;
    config
}

/// A page as the browser received it after following redirects.
#[derive(Debug, Clone)]
pub struct Page {
    pub status: u16,
    pub url: String,
    pub body: String,
    pub headers: reqwest::header::HeaderMap,
}

impl Page {
    pub fn contains(&self, text: &str) -> bool {
        self.body.contains(text)
    }

    #[track_caller]
    pub fn assert_status(&self, status: u16) -> &Self {
        assert_eq!(self.status, status, "unexpected status at {}:\n{}", self.url, self.body);
        self
    }

    /// The body with the per-browser CSRF token blanked, for byte comparisons.
    pub fn normalised(&self) -> String {
        let mut out = String::new();
        let mut rest = self.body.as_str();
        let marker = "name=\"csrf\" value=\"";
        while let Some(i) = rest.find(marker) {
            out.push_str(&rest[..i + marker.len()]);
            rest = &rest[i + marker.len()..];
            let end = rest.find('"').unwrap();
            out.push_str("CSRF");
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }
}

/// Cookies, CSRF and redirects, like a browser with JavaScript off.
pub struct Browser {
    client: reqwest::Client,
    pub base: String,
    cookies: BTreeMap<String, String>,
    pub origin: Option<String>,
    /// Sent with every post, e.g. `sec-fetch-site`.
    pub post_headers: Vec<(&'static str, String)>,
}

impl Browser {
    pub fn new(base: &str) -> Browser {
        // Every real browser names itself; the audit trail shows it.
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .user_agent("Mozilla/5.0 (rekey tests)")
            .build()
            .unwrap();
        Browser {
            client,
            base: base.to_owned(),
            cookies: BTreeMap::new(),
            origin: Some(base.to_owned()),
            post_headers: Vec::new(),
        }
    }

    /// Another tab of the same browser: same cookies from now on, each tab keeping its own.
    pub fn fork(&self) -> Browser {
        Browser {
            client: self.client.clone(),
            base: self.base.clone(),
            cookies: self.cookies.clone(),
            origin: self.origin.clone(),
            post_headers: self.post_headers.clone(),
        }
    }

    /// The same cookies, pointed at another replica.
    pub fn switch_to(&mut self, base: &str) {
        self.base = base.to_owned();
        self.origin = Some(base.to_owned());
    }

    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    fn keep_cookies(&mut self, res: &reqwest::Response) {
        for v in res.headers().get_all(reqwest::header::SET_COOKIE) {
            let v = v.to_str().unwrap();
            let pair = v.split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            let expired = v.to_ascii_lowercase().contains("max-age=0") || v.contains("1970");
            if value.is_empty() || expired {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
    }

    pub fn cookie(&self, suffix: &str) -> Option<String> {
        self.cookies.iter().find(|(k, _)| k.ends_with(suffix)).map(|(_, v)| v.clone())
    }

    /// The CSRF token the next form will carry.
    pub fn csrf(&self) -> String {
        self.cookie("rekey-csrf").unwrap_or_default()
    }

    pub async fn get(&mut self, path: &str) -> Page {
        let mut url = format!("{}{}", self.base, path);
        for _ in 0..10 {
            let res = self.client.get(&url).header("cookie", self.cookie_header()).send().await.unwrap();
            self.keep_cookies(&res);
            if res.status().is_redirection() {
                url = self.absolute(res.headers()[reqwest::header::LOCATION].to_str().unwrap());
                continue;
            }
            return Self::page(url, res).await;
        }
        panic!("too many redirects");
    }

    fn absolute(&self, location: &str) -> String {
        if location.starts_with("http") { location.to_owned() } else { format!("{}{}", self.base, location) }
    }

    async fn page(url: String, res: reqwest::Response) -> Page {
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let body = res.text().await.unwrap();
        Page { status, url, body, headers }
    }

    /// Posts a form with the CSRF token added, then follows redirects.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let csrf = self.csrf();
        let mut form: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        form.extend_from_slice(fields);
        self.post_raw(path, &serde_urlencoded(&form)).await
    }

    /// Posts an exact body (already form-encoded), then follows redirects.
    pub async fn post_raw(&mut self, path: &str, body: &str) -> Page {
        let url = format!("{}{}", self.base, path);
        let mut req = self
            .client
            .post(&url)
            .header("cookie", self.cookie_header())
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.to_owned());
        if let Some(origin) = &self.origin {
            req = req.header("origin", origin);
        }
        for (name, value) in &self.post_headers {
            req = req.header(*name, value);
        }
        let res = req.send().await.unwrap();
        self.keep_cookies(&res);
        if res.status().is_redirection() {
            let next = res.headers()[reqwest::header::LOCATION].to_str().unwrap().to_owned();
            let path = next.strip_prefix(&self.base).unwrap_or(&next).to_owned();
            return self.get(&path).await;
        }
        Self::page(url, res).await
    }

    pub async fn sign_in_to_register(&mut self, user: &TestUser) -> Page {
        self.get("/register").await.assert_status(200);
        self.post("/register", &[("username", &user.uid), ("password", &user.password)]).await
    }

    /// Username step of reset or unlock (`flow` is "reset" or "unlock").
    pub async fn start(&mut self, flow: &str, username: &str) -> Page {
        self.get(&format!("/{flow}")).await.assert_status(200);
        self.post(&format!("/{flow}"), &[("username", username)]).await
    }

    pub async fn request_email_code(&mut self, flow: &str) -> Page {
        self.post(&format!("/{flow}/send"), &[]).await
    }

    pub async fn submit_code(&mut self, flow: &str, kind: &str, code: &str) -> Page {
        self.post(&format!("/{flow}/code/{kind}"), &[("code", code)]).await
    }

    pub async fn set_password(&mut self, new: &str) -> Page {
        self.post("/reset/password", &[("new", new), ("confirm", new)]).await
    }
}

fn serde_urlencoded(fields: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish()
}
