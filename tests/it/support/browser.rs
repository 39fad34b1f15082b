//! Real-browser tests: a node script from tests/browser/ drives Debian's chromium (through
//! playwright-core, checked with axe-core) against a portal this test process runs.
//!
//! The script cannot read the test's mail sink or TOTP seeds, so a small control server on
//! 127.0.0.1 answers it:
//!
//! - `GET /mail/code?to=ADDRESS` → `{"code"}`: the code in the newest mail to ADDRESS that no
//!   earlier call returned (`SmtpSink::last_code_for`), waiting up to 8 s for it;
//! - `GET /mail/latest?to=ADDRESS` → `{"subject","text","count"}`: the newest mail to ADDRESS
//!   and how many arrived, waiting up to 8 s for a first one;
//! - `GET /totp?user=NAME` → `{"code"}`: the current code for a seed given to `add_totp`;
//! - `GET /idp/sign-in?user=NAME` → `{}`: signs NAME in at the identity provider double, with
//!   the step given to `add_idp_account` (who its authorize endpoint sends back).
//!
//! Anything it cannot answer is a 404 with a sentence saying why, which the script shows. Codes
//! it hands out are recorded with `remember_secret`. Nothing here is reachable from outside
//! the machine, and it lives only as long as the test.
//!
//! The script also gets the words it looks for from the catalogues (`texts`), so one spec
//! drives the pages in any language (`PAGE_LANG`).
//!
//! `run_node` fails the test, saying how to install them, when chromium, node or
//! tests/browser/node_modules are missing: a browser test that silently skips proves nothing.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use rekey::factors::totp::TotpSecret;
use rekey::i18n::{Arg, Lang};
use serde::Deserialize;
use serde_json::json;

use super::env::TestEnv;
use super::remember_secret;
use super::slapd::TestUser;

/// How long the control server waits for a mail (below `SmtpSink`'s own 10 s, which panics).
const MAIL_WAIT: Duration = Duration::from_secs(8);
/// How long one spec may run before the test gives up on it.
const SPEC_LIMIT: Duration = Duration::from_secs(180);

/// Whether the browser runs the pages' scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Js {
    On,
    Off,
}

impl Js {
    fn as_str(self) -> &'static str {
        match self {
            Js::On => "on",
            Js::Off => "off",
        }
    }
}

/// The control server (see the module documentation). Stops when dropped.
pub struct Control {
    pub url: String,
    state: Arc<ControlState>,
    task: tokio::task::JoinHandle<()>,
}

struct ControlState {
    env: Arc<TestEnv>,
    totp: Mutex<HashMap<String, TotpSecret>>,
    /// The SMS gateway double, and how many of its messages the script has read.
    sms: Mutex<Option<(Arc<super::sms_gateway::SmsGateway>, usize)>>,
    /// What signs each account in at the identity provider double.
    idp: Mutex<HashMap<String, IdpSignIn>>,
}

/// Signs one account in at the identity provider double.
type IdpSignIn = Arc<dyn Fn() + Send + Sync>;

impl Drop for Control {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Control {
    /// Serves `env`'s mail sink and clock on a free loopback port.
    pub async fn start(env: Arc<TestEnv>) -> Control {
        let state = Arc::new(ControlState {
            env,
            totp: Mutex::new(HashMap::new()),
            sms: Mutex::new(None),
            idp: Mutex::new(HashMap::new()),
        });
        let app = Router::new()
            .route("/mail/code", get(mail_code))
            .route("/mail/latest", get(mail_latest))
            .route("/totp", get(totp))
            .route("/sms/code", get(sms_code))
            .route("/idp/sign-in", get(idp_sign_in))
            .with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Control { url, state, task }
    }

    /// Lets the script read the codes texted through `gateway`.
    pub fn add_sms_gateway(&self, gateway: Arc<super::sms_gateway::SmsGateway>) {
        *self.state.sms.lock().unwrap() = Some((gateway, 0));
    }

    /// Lets the script ask for `username`'s current authenticator code.
    pub fn add_totp(&self, username: &str, seed: TotpSecret) {
        self.state.totp.lock().unwrap().insert(username.to_owned(), seed);
    }

    /// Lets the script sign `username` in at the identity provider double with `sign_in`.
    pub fn add_idp_account(&self, username: &str, sign_in: impl Fn() + Send + Sync + 'static) {
        self.state.idp.lock().unwrap().insert(username.to_owned(), Arc::new(sign_in));
    }
}

#[derive(Deserialize)]
struct To {
    to: String,
}

#[derive(Deserialize)]
struct User {
    user: String,
}

async fn mail_code(State(s): State<Arc<ControlState>>, Query(q): Query<To>) -> Response {
    match tokio::time::timeout(MAIL_WAIT, s.env.smtp.last_code_for(&q.to)).await {
        Ok(code) => Json(json!({ "code": code })).into_response(),
        Err(_) => not_found(format!("no new mail with a code to {} within {MAIL_WAIT:?}", q.to)),
    }
}

async fn sms_code(State(s): State<Arc<ControlState>>) -> Response {
    let Some((gateway, seen)) = s.sms.lock().unwrap().clone() else {
        return not_found("no SMS gateway in this test".into());
    };
    let deadline = tokio::time::Instant::now() + MAIL_WAIT;
    loop {
        let got = gateway.received();
        if got.len() > seen {
            if let Some((_, n)) = s.sms.lock().unwrap().as_mut() {
                *n = got.len();
            }
            return Json(json!({ "code": got[got.len() - 1].code() })).into_response();
        }
        if tokio::time::Instant::now() > deadline {
            return not_found(format!("no new text message within {MAIL_WAIT:?}"));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn mail_latest(State(s): State<Arc<ControlState>>, Query(q): Query<To>) -> Response {
    let deadline = tokio::time::Instant::now() + MAIL_WAIT;
    loop {
        let mails = s.env.smtp.messages_to(&q.to);
        if let Some(mail) = mails.last() {
            for run in mail.text.split(|c: char| !c.is_ascii_digit()).filter(|r| (6..=10).contains(&r.len())) {
                remember_secret(run);
            }
            return Json(json!({ "subject": mail.subject, "text": mail.text, "count": mails.len() })).into_response();
        }
        if tokio::time::Instant::now() > deadline {
            return not_found(format!("no mail to {} within {MAIL_WAIT:?}", q.to));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn totp(State(s): State<Arc<ControlState>>, Query(q): Query<User>) -> Response {
    let seeds = s.totp.lock().unwrap();
    match seeds.get(&q.user) {
        Some(seed) => Json(json!({ "code": s.env.totp_code(seed) })).into_response(),
        None => not_found(format!("the test registered no authenticator for {:?}", q.user)),
    }
}

async fn idp_sign_in(State(s): State<Arc<ControlState>>, Query(q): Query<User>) -> Response {
    let step = s.idp.lock().unwrap().get(&q.user).cloned();
    match step {
        Some(sign_in) => {
            sign_in();
            Json(json!({})).into_response()
        }
        None => not_found(format!("the test made no identity provider account {:?}", q.user)),
    }
}

fn not_found(why: String) -> Response {
    (StatusCode::NOT_FOUND, why).into_response()
}

/// A test account as the scripts see it (`USERS`): its login, password, the recovery address
/// it has or is to register, and the password it is to change or reset to.
pub fn person(user: &TestUser, email: &str, new_password: &str) -> serde_json::Value {
    json!({ "username": user.uid, "password": user.password, "email": email, "newPassword": new_password })
}

/// Runs `node tests/browser/<script>` against `env`'s portal, with the control server, the
/// users (a JSON object of `person`s by role), the page language `lang` and the catalogue
/// words (`texts`) in its environment, and fails the test unless the script exits 0. Its
/// output goes to the test's output either way.
pub async fn run_node(script: &str, js: Js, lang: Lang, env: &TestEnv, control: &Control, users: serde_json::Value) {
    prerequisites();
    let dir = browser_dir();
    let screenshots = screenshot_dir(script, js, lang);
    // Only this run's pictures (a FAILED.png from an earlier run would mislead).
    let _ = std::fs::remove_dir_all(&screenshots);
    let mut texts = BTreeMap::new();
    for l in [lang, Lang::En] {
        texts.insert(l.code(), catalogue_texts(l));
    }
    let mut command = tokio::process::Command::new("node");
    command
        .arg(dir.join(script))
        .current_dir(&dir)
        // The address people use: passkeys need a name (`localhost`), not 127.0.0.1.
        .env("BASE_URL", &env.config.server.public_url)
        .env("CONTROL_URL", &control.url)
        .env("USERS", users.to_string())
        .env("JS", js.as_str())
        .env("PAGE_LANG", lang.code())
        .env("TEXTS", serde_json::to_string(&texts).unwrap())
        .env("SCREENSHOT_DIR", &screenshots)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let what = format!("{script} ({}, JavaScript {})", lang.code(), js.as_str());
    let started = std::time::Instant::now();
    let out = tokio::time::timeout(SPEC_LIMIT, command.output())
        .await
        .unwrap_or_else(|_| panic!("{what} ran longer than {SPEC_LIMIT:?}"))
        .unwrap_or_else(|e| panic!("could not start node: {e} (run scripts/lib/browser.sh install)"));
    print!("{}", String::from_utf8_lossy(&out.stdout));
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        out.status.success(),
        "{what} failed ({}) after {:.1} s; its output is above, screenshots in {}",
        out.status,
        started.elapsed().as_secs_f64(),
        screenshots.display()
    );
}

/// The words of `lang` by message id, for `TEXTS`: every message of the reference catalogue
/// (locales/en/main.ftl) that takes no values, and these, which do:
///
/// - `code-wrong`: the words before the number of tries left, the same whatever the number;
/// - `methods-remove-label`: with `{method}` where the method goes.
pub fn catalogue_texts(lang: Lang) -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join("en").join("main.ftl");
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    // A message starts with `id =` at the start of a line; its value goes on over the indented
    // lines after it. A value with a placeable (`{ $count }`, `{ other-message }`) needs values.
    let mut messages: Vec<(&str, bool)> = Vec::new();
    for line in source.lines() {
        let id = line.split_once(" =").map(|(id, _)| id).filter(|id| {
            id.starts_with(|c: char| c.is_ascii_lowercase())
                && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        });
        match (id, messages.last_mut()) {
            (Some(id), _) => messages.push((id, line.contains('{'))),
            (None, Some((_, placeable))) if line.starts_with(char::is_whitespace) => *placeable |= line.contains('{'),
            _ => {}
        }
    }
    assert!(messages.len() > 100, "only {} messages found in {}", messages.len(), path.display());
    let mut texts: BTreeMap<String, String> =
        messages.into_iter().filter(|(_, placeable)| !placeable).map(|(id, _)| (id.to_owned(), lang.t(id))).collect();
    let wrong = |count| lang.t_with("code-wrong", &[("count", Arg::Num(count))]);
    let (three, four) = (wrong(3), wrong(4));
    let common: String = three.chars().zip(four.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a).collect();
    assert!(!common.trim().is_empty(), "code-wrong in {} starts with the number: {three:?}", lang.code());
    texts.insert("code-wrong".into(), common.trim_end().to_owned());
    texts.insert(
        "methods-remove-label".into(),
        lang.t_with("methods-remove-label", &[("method", Arg::Str("{method}"))]),
    );
    texts
}

/// Fails with what to run when chromium, node or the node modules are missing.
fn prerequisites() {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts").join("lib").join("browser.sh");
    let out = std::process::Command::new(&script)
        .arg("check")
        .output()
        .unwrap_or_else(|e| panic!("could not run {}: {e}", script.display()));
    // browser.sh says what is missing and what to run.
    assert!(out.status.success(), "the browser tests cannot run: {}", String::from_utf8_lossy(&out.stderr).trim());
}

fn browser_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("browser")
}

/// `$SCREENSHOT_DIR/<spec>-js-<on|off>/` for English, `<spec>-<lang>-js-<on|off>/` for another
/// language, by default under target/test-logs/screenshots/ (set SCREENSHOT_DIR=docs/screenshots
/// to refresh the documentation's pictures).
fn screenshot_dir(script: &str, js: Js, lang: Lang) -> PathBuf {
    let base = match std::env::var_os("SCREENSHOT_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => super::output_dir().join("screenshots"),
    };
    let base = if base.is_absolute() { base } else { Path::new(env!("CARGO_MANIFEST_DIR")).join(base) };
    let spec = script.trim_end_matches(".mjs");
    let lang = if lang == Lang::En { String::new() } else { format!("-{}", lang.code()) };
    base.join(format!("{spec}{lang}-js-{}", js.as_str()))
}
