//! The JSON API under /api/v1 (issues 23 and 24): tokens from the CLI, stored hashed, with
//! scopes, expiry, revocation and a rate limit; every endpoint with a valid, a wrong-scope, an
//! expired, a revoked and no token; the registration status in the same shape for unknown
//! people; the reverse-proxy gate and the `/register?return_to=` round trip; the OpenAPI 3.1
//! document validated by an npm validator and matched against the routes.

use rekey::flow::api::{Scope, tokens};
use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::Value;

use crate::support::env::{Browser, TestEnv, rekey_cli};
use crate::support::remember_secret;
use crate::support::slapd::{Slapd, TestUser};

/// A token made as the CLI makes it, valid for `days`.
pub async fn token(env: &TestEnv, name: &str, scopes: &[Scope], days: u32) -> String {
    let s = &env.server.services;
    let (_, t) = tokens::create(&s.db, &s.keys, name, scopes, days, s.clock.now()).await.unwrap();
    remember_secret(&t);
    t.to_string()
}

pub struct Answer {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name).map(|v| v.to_str().unwrap().to_owned())
    }
}

pub async fn call_with(
    env: &TestEnv,
    method: Method,
    path: &str,
    token: Option<&str>,
    headers: &[(&str, &str)],
) -> Answer {
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let mut req = client.request(method, format!("{}{path}", env.server.url()));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    Answer { status, headers, body: res.text().await.unwrap() }
}

pub async fn get(env: &TestEnv, path: &str, token: Option<&str>) -> Answer {
    call_with(env, Method::GET, path, token, &[]).await
}

fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Each endpoint with the scope it needs (the document needs none in particular).
fn endpoints(login: &str) -> Vec<(String, Option<Scope>)> {
    vec![
        (format!("/api/v1/registration?login={login}"), Some(Scope::Registration)),
        (format!("/api/v1/registration/gate?login={login}"), Some(Scope::Registration)),
        (format!("/api/v1/status?login={login}"), Some(Scope::Status)),
        (format!("/api/v1/audit?login={login}&from=2020-01-01T00:00:00Z"), Some(Scope::Audit)),
        ("/api/v1/helpdesk/requests".into(), Some(Scope::Helpdesk)),
        ("/api/v1/openapi.json".into(), None),
    ]
}

#[tokio::test]
async fn every_endpoint_serves_its_scope_and_refuses_wrong_scope_expired_revoked_and_missing_tokens() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::openldap().await;
    let ann = slapd.create_user("ann").await;
    let s = &env.server.services;
    let all = token(&env, "all", &Scope::ALL, 30).await;
    let revoked = token(&env, "revoked", &Scope::ALL, 30).await;
    let row = tokens::find(&s.db, "revoked").await.unwrap().unwrap();
    assert!(tokens::revoke(&s.db, &s.keys, &row, s.clock.now()).await.unwrap());
    let expiring = token(&env, "expiring", &Scope::ALL, 1).await;

    let refused = get(&env, "/api/v1/status?login=x", None).await;
    assert_eq!(refused.status, 401);
    assert_eq!(refused.json(), serde_json::json!({ "error": "unauthorized" }));
    assert!(refused.header("www-authenticate").unwrap().starts_with("Bearer"));

    for (path, scope) in endpoints(&ann.uid) {
        let ok = get(&env, &path, Some(&all)).await;
        if path.contains("/gate") {
            // ann has registered nothing: the gate sends her to register.
            assert_eq!(ok.status, 403, "{path}: {}", ok.body);
            assert_eq!(ok.json()["error"], "registration_required");
            assert!(ok.header("x-rekey-register").is_some());
        } else {
            assert_eq!(ok.status, 200, "{path}: {}", ok.body);
            assert!(ok.json().is_object());
        }
        if let Some(scope) = scope {
            let others: Vec<Scope> = Scope::ALL.into_iter().filter(|s| *s != scope).collect();
            let wrong = token(&env, "wrong", &others, 30).await;
            let answer = get(&env, &path, Some(&wrong)).await;
            assert_eq!(answer.status, 403, "{path}: {}", answer.body);
            assert_eq!(answer.json(), serde_json::json!({ "error": "insufficient_scope" }), "{path}");
            assert!(answer.header("x-rekey-register").is_none());
        }
        for bad in [None, Some(revoked.as_str()), Some("rekey_made-up-token"), Some("not a token at all")] {
            let answer = get(&env, &path, bad).await;
            assert_eq!(answer.status, 401, "{path} with {bad:?}");
            assert_eq!(answer.body, refused.body, "{path}: every refusal is the same");
        }
    }
    // Paths and methods that do not exist look the same as those that do, without a token.
    let probes = [
        (Method::GET, "/api/v1"),
        (Method::GET, "/api/v1/"),
        (Method::GET, "/api/v1/tokens"),
        (Method::GET, "/api/v1/status/ann"),
        (Method::POST, "/api/v1/status"),
        (Method::DELETE, "/api/v1/audit"),
    ];
    for (method, path) in &probes {
        let answer = call_with(&env, method.clone(), path, None, &[]).await;
        assert_eq!((answer.status, answer.body.as_str()), (401, refused.body.as_str()), "{method} {path}");
        let answer = call_with(&env, method.clone(), path, Some(&all), &[]).await;
        assert!(matches!(answer.status, 404 | 405), "{method} {path}: {}", answer.status);
        assert!(answer.json()["error"].is_string());
    }

    // A day and more later, the one-day token is refused like any other.
    assert_eq!(get(&env, "/api/v1/status?login=x", Some(&expiring)).await.status, 200);
    env.clock.advance(2 * 86_400);
    for (path, _) in endpoints(&ann.uid) {
        let answer = get(&env, &path, Some(&expiring)).await;
        assert_eq!((answer.status, answer.body.as_str()), (401, refused.body.as_str()), "{path}");
        assert_eq!(
            get(&env, &path, Some(&all)).await.status / 100 * 100,
            if path.contains("/gate") { 400 } else { 200 }
        );
    }
}

/// Registers an address for `user` through the pages, having come in at `entry` (a
/// registration link); returns the done page.
async fn register_through(env: &TestEnv, b: &mut Browser, entry: &str, user: &TestUser) -> crate::support::env::Page {
    let page = b.get(entry).await;
    page.assert_status(200);
    let doc = scraper::Html::parse_document(&page.body);
    let hidden = scraper::Selector::parse("input[name=return_to]").unwrap();
    let back = doc.select(&hidden).next().and_then(|e| e.value().attr("value")).unwrap_or_default().to_owned();
    let page =
        b.post("/register", &[("username", &user.uid), ("password", &user.password), ("return_to", &back)]).await;
    page.assert_status(200);
    let address = format!("{}@recovery.example.test", user.uid);
    b.post("/register/email", &[("address", &address)]).await.assert_status(200);
    let code = env.smtp.last_code_for(&address).await;
    b.post("/register/confirm", &[("code", &code)]).await.assert_status(200);
    let done = b.post("/register/done", &[]).await;
    done.assert_status(200);
    done
}

#[tokio::test]
async fn registration_answers_one_shape_for_everyone_and_the_gate_sends_people_to_register_and_back() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|c| c.server.return_to_hosts = vec!["app.example.test".into()]).await;
    let ben = slapd.create_user("ben").await;
    let t = token(&env, "keycloak", &[Scope::Registration], 30).await;

    let known = get(&env, &format!("/api/v1/registration?login={}", ben.uid), Some(&t)).await.json();
    let unknown = get(&env, "/api/v1/registration?login=nobody-by-this-name", Some(&t)).await.json();
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&known), keys(&unknown), "the same shape for unknown people");
    assert_eq!((known["registered"].clone(), known["action_required"].clone()), (false.into(), true.into()));
    assert_eq!((unknown["registered"].clone(), unknown["action_required"].clone()), (false.into(), false.into()));
    let no_login = get(&env, "/api/v1/registration", Some(&t)).await;
    assert_eq!((no_login.status, no_login.json()["error"].clone()), (400, "bad_request".into()));

    // The gate: unknown people pass, ben is sent to register, back where the proxy says he was.
    let gate = "/api/v1/registration/gate";
    let unknown = call_with(&env, Method::GET, gate, Some(&t), &[("x-rekey-login", "nobody-by-this-name")]).await;
    assert_eq!(unknown.status, 204);
    let forwarded = [
        ("remote-user", ben.uid.as_str()),
        ("x-forwarded-proto", "https"),
        ("x-forwarded-host", "app.example.test"),
        ("x-forwarded-uri", "/after?x=1"),
    ];
    let sent = call_with(&env, Method::GET, gate, Some(&t), &forwarded).await;
    assert_eq!(sent.status, 403, "{}", sent.body);
    let register = sent.header("x-rekey-register").unwrap();
    let back = "https://app.example.test/after?x=1";
    assert!(register.contains(&format!("return_to={}", enc(back))), "{register}");
    let redirected = call_with(&env, Method::GET, &format!("{gate}?redirect=true"), Some(&t), &forwarded).await;
    assert_eq!((redirected.status, redirected.header("location")), (303, Some(register.clone())));
    // A host not on server.return_to_hosts is left out of the link.
    let foreign = [("remote-user", ben.uid.as_str()), ("x-original-url", "https://evil.example/steal")];
    let link = call_with(&env, Method::GET, gate, Some(&t), &foreign).await.header("x-rekey-register").unwrap();
    assert!(!link.contains("evil") && !link.contains("return_to"), "{link}");

    // Through registration and back to the application.
    let entry = register.strip_prefix(&env.server.url()).unwrap().to_owned();
    let mut b = env.browser();
    let done = register_through(&env, &mut b, &entry, &ben).await;
    assert!(done.body.contains(&format!("href=\"{}\"", back.replace('&', "&amp;"))), "leads back: {}", done.body);
    let after = get(&env, &format!("/api/v1/registration?login={}", ben.uid), Some(&t)).await.json();
    assert_eq!((after["registered"].clone(), after["action_required"].clone()), (true.into(), false.into()));
    let passes = call_with(&env, Method::GET, gate, Some(&t), &forwarded).await;
    assert_eq!((passes.status, passes.header("x-rekey-registered")), (204, Some("true".into())));

    // A foreign return_to typed into the registration link is dropped, all the way through.
    let cy = slapd.create_user("cy").await;
    let mut b = env.browser();
    let done =
        register_through(&env, &mut b, &format!("/register?return_to={}", enc("https://evil.example/")), &cy).await;
    assert!(!done.body.contains("evil.example"), "{}", done.body);
}

#[tokio::test]
async fn status_tells_registered_locked_and_blocked_and_unknown_people_get_the_same_shape() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::openldap().await;
    let dan = slapd.create_user("dan").await;
    env.register_email(&dan).await;
    slapd.lock(&dan).await;
    let s = &env.server.services;
    let user = s.directory.find_user(&rekey::directory::Login::parse(&dan.uid).unwrap()).await.unwrap().unwrap();
    let block = rekey::store::Block {
        user_id: user.id.as_str().to_owned(),
        login: dan.uid.clone(),
        reason: "disowned".into(),
        blocked_at: s.clock.now(),
    };
    s.db.block_self_service(&block).await.unwrap();
    let t = token(&env, "helpdesk-tool", &[Scope::Status], 30).await;
    let known = get(&env, &format!("/api/v1/status?login={}", dan.uid), Some(&t)).await.json();
    assert_eq!(known["found"], true);
    assert_eq!(known["registered"], true);
    assert_eq!(known["methods"], serde_json::json!(["email"]));
    assert_eq!(known["locked"], true);
    assert_eq!(known["blocked"], true);
    let unknown = get(&env, "/api/v1/status?login=nobody-by-this-name", Some(&t)).await.json();
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&known), keys(&unknown));
    assert_eq!(unknown["found"], false);
    assert_eq!(unknown["registered"], false);
}

#[tokio::test]
async fn status_tells_when_the_password_expires_as_ppolicy_computes_it() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::openldap().await;
    let policy = crate::support::unique("api-90-days");
    slapd.add_policy(&policy, 90 * 86_400).await;
    let gil = slapd.create_user_under("gil", Some(&policy)).await;
    let set_at = time::OffsetDateTime::now_utc().unix_timestamp();
    let hal = slapd.create_user("hal").await;
    let t = token(&env, "expiry", &[Scope::Status], 30).await;
    let status = |login: String| {
        let env = &env;
        let t = &t;
        async move { get(env, &format!("/api/v1/status?login={login}"), Some(t)).await.json() }
    };

    // pwdChangedTime (now, as slapd stamped it) plus the policy's pwdMaxAge of 90 days.
    let expiring = status(gil.uid.clone()).await;
    let at = expiring["password_expires_at"].as_str().unwrap_or_else(|| panic!("{expiring}"));
    let at = time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339).unwrap().unix_timestamp();
    assert!((at - (set_at + 90 * 86_400)).abs() < 120, "{expiring}");
    assert_eq!(expiring["password_never_expires"], false);

    // No policy with a maximum age: it never expires.
    let never = status(hal.uid.clone()).await;
    assert_eq!(
        (never["password_expires_at"].clone(), never["password_never_expires"].clone()),
        (Value::Null, true.into())
    );

    // Unknown people: the same shape, and nothing said.
    let unknown = status("nobody-by-this-name".into()).await;
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&unknown), keys(&expiring));
    assert_eq!(
        (unknown["password_expires_at"].clone(), unknown["password_never_expires"].clone()),
        (Value::Null, false.into())
    );

    // The document describes the field.
    let doc = serde_json::to_value(rekey::web::openapi()).unwrap();
    let field = &doc["components"]["schemas"]["StatusBody"]["properties"]["password_expires_at"];
    assert_eq!(field["format"], "date-time", "{field}");
}

#[tokio::test]
async fn the_openapi_document_validates_as_3_1_and_matches_the_routes() {
    let env = TestEnv::openldap().await;
    let t = token(&env, "docs", &Scope::ALL, 30).await;
    let answer = get(&env, "/api/v1/openapi.json", Some(&t)).await;
    assert_eq!(answer.status, 200);
    let doc = answer.json();
    assert_eq!(doc, serde_json::to_value(rekey::web::openapi()).unwrap(), "served as generated");
    assert_eq!(doc["openapi"], "3.1.0");

    let file = crate::support::output_dir().join(format!("{}.json", crate::support::unique("openapi")));
    std::fs::write(&file, &answer.body).unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let out = std::process::Command::new("node")
        .arg("openapi.mjs")
        .arg(&file)
        .current_dir(&dir)
        .output()
        .unwrap_or_else(|e| panic!("could not run node: {e} (run scripts/lib/browser.sh install)"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the validator refused the document: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout.trim(), "valid 3.1");

    // Every documented operation is served, and nothing else under /api/v1 is.
    let paths = doc["paths"].as_object().unwrap();
    let mut documented = vec![];
    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            documented.push(format!("{method} {path}"));
            let answer =
                call_with(&env, method.to_uppercase().parse().unwrap(), &format!("{path}?login=x"), Some(&t), &[])
                    .await;
            assert!(![404, 405].contains(&answer.status), "{method} {path}: {} {}", answer.status, answer.body);
            for other in [Method::POST, Method::PUT, Method::DELETE, Method::PATCH] {
                if item.get(other.as_str().to_lowercase()).is_some() {
                    continue;
                }
                let answer = call_with(&env, other.clone(), path, Some(&t), &[]).await;
                assert_eq!(answer.status, 405, "{other} {path} is not documented, so not served");
            }
        }
    }
    documented.sort();
    assert_eq!(
        documented,
        [
            "get /api/v1/audit",
            "get /api/v1/helpdesk/requests",
            "get /api/v1/openapi.json",
            "get /api/v1/registration",
            "get /api/v1/registration/gate",
            "get /api/v1/status",
            "post /api/v1/helpdesk/reset-link",
            "post /api/v1/helpdesk/unlock",
        ]
    );
    for probe in
        ["/api/v1", "/api/v1/people", "/api/v1/status/x", "/api/v1/audit/1", "/api/v1/helpdesk", "/api/v1/tokens"]
    {
        let answer = get(&env, probe, Some(&t)).await;
        assert_eq!((answer.status, answer.json()["error"].clone()), (404, "not_found".into()), "{probe}");
    }
}

#[tokio::test]
async fn cli_tokens_are_shown_once_stored_hashed_scoped_revoked_and_every_call_audited() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::openldap().await;
    let eve = slapd.create_user("eve").await;
    let cli = |args: &[&str]| rekey_cli(&env.config).arg("api-token").args(args).output().unwrap();
    let made = cli(&["create", "--name", "ticketing", "--scope", "status", "--scope", "audit", "--expires-days", "30"]);
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let t = String::from_utf8(made.stdout).unwrap().trim().to_owned();
    remember_secret(&t);
    assert!(t.starts_with("rekey_") && t.len() > 40, "{t}");
    assert!(!String::from_utf8_lossy(&made.stderr).contains(&t), "the token is printed once, on stdout");

    assert_eq!(get(&env, &format!("/api/v1/status?login={}", eve.uid), Some(&t)).await.status, 200);
    assert_eq!(get(&env, "/api/v1/audit?per_page=5", Some(&t)).await.status, 200);
    assert_eq!(get(&env, "/api/v1/registration?login=x", Some(&t)).await.status, 403);
    assert_eq!(get(&env, "/api/v1/audit?from=yesterday", Some(&t)).await.status, 400);

    let s = &env.server.services;
    let rows = s.db.list_api_tokens().await.unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!((row.name.as_str(), row.scopes.as_str()), ("ticketing", "status audit"));
    assert_ne!(row.token_hash, t.as_bytes());
    assert!(!format!("{row:?}").contains(&t[6..]), "only a keyed hash is stored");
    assert_eq!(row.expires_at - row.created_at, 30 * 86_400);

    let listed = cli(&["list"]);
    let listed = String::from_utf8(listed.stdout).unwrap();
    assert!(listed.contains("ticketing") && listed.contains("valid") && !listed.contains(&t[6..]), "{listed}");
    assert!(!cli(&["create", "--name", "x", "--scope", "admin"]).status.success());
    assert_eq!(cli(&["create", "--name", "x", "--scope", "status", "--expires-days", "0"]).status.code(), Some(2));

    let revoked = cli(&["revoke", "ticketing"]);
    assert!(revoked.status.success(), "{}", String::from_utf8_lossy(&revoked.stderr));
    assert_eq!(get(&env, &format!("/api/v1/status?login={}", eve.uid), Some(&t)).await.status, 401);
    assert!(String::from_utf8(cli(&["list"]).stdout).unwrap().contains("revoked"));

    // A row edited in the database (its scopes widened) is refused and reported.
    let widened = token(&env, "widened", &[Scope::Status], 30).await;
    let sql = "UPDATE api_tokens SET scopes = 'audit helpdesk registration status' WHERE name = 'widened'";
    match &s.db {
        rekey::store::Db::Sqlite(pool) => sqlx::query(sql).execute(pool).await.unwrap(),
        rekey::store::Db::Postgres(_) => unreachable!(),
    };
    assert_eq!(get(&env, "/api/v1/audit", Some(&widened)).await.status, 401);

    // Every call is in the audit trail, under the token's name, with nothing of the token.
    let filter = rekey::store::AuditFilter { event: Some("api_call".into()), ..Default::default() };
    let calls = s.db.audit_search(&filter, 100, 0).await.unwrap();
    let line = |c: &rekey::store::FoundEvent| {
        format!(
            "{} {} {}",
            c.event.outcome,
            c.event.reason.clone().unwrap_or_default(),
            c.event.method.clone().unwrap_or_default()
        )
    };
    let lines: Vec<String> = calls.iter().map(line).collect();
    assert!(lines.contains(&"success status api:ticketing".to_owned()), "{lines:?}");
    assert!(lines.contains(&"success audit api:ticketing".to_owned()), "{lines:?}");
    assert!(lines.contains(&"failure insufficient_scope:registration api:ticketing".to_owned()), "{lines:?}");
    assert!(lines.contains(&"failure revoked_token ".to_owned()), "{lines:?}");
    assert!(lines.contains(&"failure tampered_token ".to_owned()), "{lines:?}");
    let status_call = calls.iter().find(|c| c.event.reason.as_deref() == Some("status")).unwrap();
    assert_eq!(status_call.event.login.as_deref(), Some(eve.uid.as_str()), "about the person asked for");
    assert!(calls.iter().all(|c| !format!("{c:?}").contains(&t[6..])));
}

#[tokio::test]
async fn a_token_past_its_rate_limit_gets_429_while_another_token_goes_on() {
    let env = TestEnv::with(|c| c.api.requests_per_minute = 3).await;
    let busy = token(&env, "busy", &[Scope::Status], 30).await;
    let calm = token(&env, "calm", &[Scope::Status], 30).await;
    for _ in 0..3 {
        assert_eq!(get(&env, "/api/v1/status?login=x", Some(&busy)).await.status, 200);
    }
    let limited = get(&env, "/api/v1/status?login=x", Some(&busy)).await;
    assert_eq!((limited.status, limited.json()["error"].clone()), (429, "rate_limited".into()));
    assert!(limited.header("retry-after").unwrap().parse::<u64>().unwrap() <= 60);
    assert_eq!(get(&env, "/api/v1/status?login=x", Some(&calm)).await.status, 200);
    env.clock.advance(61);
    assert_eq!(get(&env, "/api/v1/status?login=x", Some(&busy)).await.status, 200);
}

#[tokio::test]
async fn tokens_and_the_api_work_the_same_on_postgresql() {
    let slapd = Slapd::shared().await;
    let url = crate::support::postgres::fresh_database().await;
    let env = TestEnv::build(slapd.directory_config(), url, |_| {}).await;
    let fay = slapd.create_user("fay").await;
    let t = token(&env, "pg", &[Scope::Registration, Scope::Status], 30).await;
    let answer = get(&env, &format!("/api/v1/registration?login={}", fay.uid), Some(&t)).await;
    assert_eq!((answer.status, answer.json()["action_required"].clone()), (200, true.into()));
    let s = &env.server.services;
    let row = tokens::find(&s.db, "pg").await.unwrap().unwrap();
    assert!(tokens::intact(&s.keys, &row));
    assert!(tokens::revoke(&s.db, &s.keys, &row, s.clock.now()).await.unwrap());
    assert!(!tokens::revoke(&s.db, &s.keys, &row, s.clock.now()).await.unwrap(), "once");
    assert_eq!(get(&env, "/api/v1/status?login=x", Some(&t)).await.status, 401);
}
