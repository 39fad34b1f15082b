//! Issue 17, binding and the smaller holes: each test is the attack, against the real slapd.

use rekey::config::MethodKind;
use serde_json::Value;

use crate::support::env::{Browser, Page, TestEnv};
use crate::support::remember_secret;
use crate::support::slapd::Slapd;

fn new_password() -> String {
    let p = format!("Fresh-{}-Horse7", crate::support::unique("pw"));
    remember_secret(&p);
    p
}

/// The ids of the methods the methods page lists (their remove buttons).
fn method_ids(page: &Page) -> Vec<String> {
    let marker = "name=\"id\" value=\"";
    page.body
        .match_indices(marker)
        .map(|(i, _)| page.body[i + marker.len()..].split('"').next().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_phished_password_alone_cannot_add_or_remove_a_method_of_an_account_that_has_one() {
    let env = TestEnv::openldap().await;
    let dir = Slapd::shared().await;
    let victim = dir.create_user("bindvictim").await;
    let address = env.register_email(&victim).await;

    // The attacker has the directory password and nothing else.
    let mut attacker = env.browser();
    attacker.sign_in_to_register(&victim).await.assert_status(200);
    let methods = attacker.get("/register/methods").await;
    let ids = method_ids(&methods);
    assert_eq!(ids.len(), 1, "{}", methods.body);

    let own = "attacker@evil.example.test";
    let page = attacker.post("/register/email", &[("address", own)]).await;
    assert!(page.url.ends_with("/register/prove"), "{} {}", page.url, page.body);
    let page = attacker.post("/register/confirm", &[("code", "000000")]).await;
    assert!(page.url.ends_with("/register/prove"), "{}", page.url);
    let page = attacker.post("/register/totp", &[]).await;
    assert!(!page.body.contains("<code class=\"secret\">"), "an authenticator seed was shown: {}", page.body);
    let page = attacker.post("/register/remove", &[("id", &ids[0])]).await;
    assert!(page.url.ends_with("/register/prove"), "{}", page.url);
    // The proof step offers only what the account has: a code to its registered address.
    assert!(page.contains("Email me a code") && !page.contains("/register/prove/code/totp"), "{}", page.body);
    let wrong = attacker.post("/register/prove/code/email", &[("code", "000000")]).await;
    assert!(!wrong.url.ends_with("/register/methods"), "{}", wrong.url);

    assert!(env.smtp.messages_to(own).is_empty(), "no code went to the attacker's address");
    let login = rekey::directory::Login::parse(&victim.uid).unwrap();
    let user = env.server.services.directory.find_user(&login).await.unwrap().unwrap();
    let stored = env.server.services.db.list_methods(user.id.as_str()).await.unwrap();
    assert_eq!(stored.len(), 1, "the account still has exactly its own method");
    assert_eq!(stored[0].kind, "email");

    // The owner, with a code from that address, may add another.
    let mut owner = env.browser();
    owner.sign_in_to_register(&victim).await.assert_status(200);
    owner.post("/register/prove/send", &[]).await.assert_status(200);
    let code = env.smtp.last_code_for(&address).await;
    let page = owner.post("/register/prove/code/email", &[("code", &code)]).await;
    assert!(page.url.ends_with("/register/methods"), "{} {}", page.url, page.body);
    let page = owner.post("/register/totp", &[]).await;
    assert!(page.body.contains("<code class=\"secret\">"), "{}", page.body);
}

#[tokio::test]
async fn a_method_registered_just_now_does_not_open_the_admin_area() {
    let env = TestEnv::with(|c| c.admin.groups = vec!["it-admins".into()]).await;
    let dir = Slapd::shared().await;
    let admin = dir.create_user("newadmin").await;
    dir.add_to_group(&admin, "it-admins").await;
    let secret = env.register_totp(&admin).await;

    let mut b = env.browser();
    b.get("/admin/sign-in").await.assert_status(200);
    let page = b.post("/admin/sign-in", &[("username", &admin.uid), ("password", &admin.password)]).await;
    page.assert_status(403);
    assert!(page.contains("registered too recently"), "{}", page.body);
    assert!(b.get("/admin").await.url.ends_with("/admin/sign-in"));

    // Past the cooling-off period it does.
    env.clock.advance(i64::try_from(env.config.policy.new_method_cooling_off_hours).unwrap() * 3600 + 60);
    let page = b.post("/admin/sign-in", &[("username", &admin.uid), ("password", &admin.password)]).await;
    assert!(page.url.ends_with("/admin/verify"), "{} {}", page.url, page.body);
    let page = b.post("/admin/verify/totp", &[("code", &env.totp_code(&secret))]).await;
    assert!(page.url.ends_with("/admin"), "{} {}", page.url, page.body);
}

fn disown_path(text: &str) -> String {
    let at = text.find("/wasnt-me/").expect("the notice has a \"this wasn't me\" link");
    let rest = &text[at..];
    let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    let path = rest[..end].to_owned();
    remember_secret(path.trim_start_matches("/wasnt-me/"));
    path
}

#[tokio::test]
async fn this_wasnt_me_stops_a_reset_whose_methods_already_passed() {
    let env = TestEnv::openldap().await;
    let dir = Slapd::shared().await;
    let victim = dir.create_user("disownlate").await;
    let address = env.register_email(&victim).await;
    let notice = env.smtp.wait_for_subject(&address, "recovery method was added").await;
    let path = disown_path(&notice.text);

    // The intruder passes the methods (the mailbox is theirs for a moment)…
    let mut intruder = env.browser();
    let code = env.reset_code_by_email(&mut intruder, &victim.uid, &address).await;
    let page = intruder.submit_code("reset", "email", &code).await;
    assert!(page.contains("Choose a new password"), "{}", page.body);

    // …then the owner says "this wasn't me"…
    let mut owner = env.browser();
    owner.get(&path).await.assert_status(200);
    owner.post(&path, &[]).await.assert_status(200);

    // …and the new password is refused.
    let new = new_password();
    let page = intruder.set_password(&new).await;
    assert_ne!(page.status, 200, "{}", page.body);
    assert!(dir.bind(&victim.dn, &victim.password).await, "the owner's password still binds");
    assert!(!dir.bind(&victim.dn, &new).await, "the intruder's password does not");
}

/// What a reset attempt for `username` shows a stranger: the passkey list asked for and the
/// questions asked.
async fn stand_ins(env: &TestEnv, username: &str) -> (Value, Vec<String>) {
    let mut b: Browser = env.browser();
    b.origin = Some(env.config.server.public_url.clone());
    b.start("reset", username).await.assert_status(200);
    b.get("/reset/passkey").await.assert_status(200);
    let page = b.post("/reset/passkey/options", &[]).await;
    page.assert_status(200);
    let options: Value = serde_json::from_str(&page.body).unwrap();
    let questions = b.get("/reset/questions").await;
    questions.assert_status(200);
    let labels = questions
        .body
        .match_indices("<label for=\"a")
        .map(|(i, _)| questions.body[i..].split("</label>").next().unwrap().to_owned())
        .collect();
    (options["publicKey"]["allowCredentials"].clone(), labels)
}

#[tokio::test]
async fn two_aliases_of_an_unregistered_account_get_the_same_stand_ins() {
    let env = TestEnv::with(|c| {
        c.policy.methods = vec![MethodKind::Email, MethodKind::Passkey, MethodKind::Questions];
        let port = c.server.listen.rsplit(':').next().unwrap().to_owned();
        c.server.public_url = format!("http://localhost:{port}");
    })
    .await;
    let dir = Slapd::shared().await;
    let quiet = dir.create_user("aliases").await;
    let by_uid = stand_ins(&env, &quiet.uid).await;
    let by_mail = stand_ins(&env, &quiet.mail.to_uppercase()).await;
    assert!(by_uid.0.as_array().is_some_and(|a| !a.is_empty()), "{:?}", by_uid.0);
    assert!(!by_uid.1.is_empty());
    assert_eq!(by_uid, by_mail, "uid and mail of one account show different stand-ins");
}

#[tokio::test]
async fn a_group_dn_spelled_with_spaces_and_another_case_still_excludes() {
    let dir = Slapd::shared().await;
    let user = dir.create_user("dnspell").await;
    let group = crate::support::unique("nostaff");
    dir.add_group(&group, std::slice::from_ref(&user.dn)).await;
    let spelled = format!("CN={group}, OU=Groups,  DC=example, DC=test");
    let env = TestEnv::with(|c| c.policy.excluded_groups = vec![spelled]).await;
    let mut b = env.browser();
    let page = b.sign_in_to_register(&user).await;
    assert!(page.contains("Self-service is not enabled for your account"), "{} {}", page.url, page.body);
}

#[tokio::test]
async fn a_spoofed_request_id_reaches_neither_the_audit_trail_nor_the_log() {
    let env = TestEnv::openldap().await;
    let spoofed = crate::support::unique("spoofed-request-id");
    let mut b = env.browser();
    b.post_headers.push(("x-request-id", spoofed.clone()));
    b.get("/reset").await.assert_status(200);
    let page = b.post("/reset", &[("username", "nobody-at-all")]).await;
    page.assert_status(200);
    let res = reqwest::Client::new()
        .get(format!("{}/reset", env.server.url()))
        .header("x-request-id", &spoofed)
        .send()
        .await
        .unwrap();
    let echoed = res.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert!(!echoed.is_empty() && echoed != spoofed, "the response carries the client's id: {echoed}");
    let events = env.server.services.db.recent_audit(20).await.unwrap();
    assert!(events.iter().any(|e| e.event == "started"), "{events:?}");
    assert!(events.iter().all(|e| e.request_id.as_deref() != Some(spoofed.as_str())), "{events:?}");
    let log = std::fs::read_to_string(crate::support::output_dir().join("trace.log")).unwrap_or_default();
    assert!(!log.contains(&spoofed), "the log carries the client's id");
}

#[tokio::test]
async fn a_request_id_from_a_trusted_proxy_is_kept() {
    let env = TestEnv::with(|c| c.server.trusted_proxies = vec!["127.0.0.1".into()]).await;
    let res = reqwest::Client::new()
        .get(format!("{}/reset", env.server.url()))
        .header("x-request-id", "proxy-id-1234")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers().get("x-request-id").unwrap(), "proxy-id-1234");
}

#[tokio::test]
async fn a_kiosk_visit_cannot_leave_kiosk_mode_by_dropping_the_prefix() {
    let env = TestEnv::with(|c| {
        c.kiosk.path_prefix = "/kiosk".into();
        c.admin.groups = vec!["it-admins".into()];
    })
    .await;
    let dir = Slapd::shared().await;
    let user = dir.create_user("kioskuser").await;
    let mut b = env.browser();
    b.get("/kiosk/register").await.assert_status(200);
    let page = b.post("/kiosk/register", &[("username", &user.uid), ("password", &user.password)]).await;
    assert!(page.url.ends_with("/kiosk/register/methods"), "{}", page.url);

    // The same visit without the prefix stays on the kiosk.
    let page = b.get("/register/methods").await;
    assert!(page.url.ends_with("/kiosk/register/methods"), "{}", page.url);
    assert!(page.contains("autocomplete=\"off\""), "not in kiosk mode: {}", page.body);
    let page = b.get("/admin/sign-in").await;
    assert_eq!(page.status, 404, "a kiosk has no admin area: {}", page.url);

    // A browser that never was a kiosk is not affected.
    let mut other = env.browser();
    other.get("/admin/sign-in").await.assert_status(200);
}

/// Behind a reverse proxy on the same host that is not in `server.trusted_proxies`, every
/// client is loopback: `/metrics` must not answer it by default. (The warning that such
/// requests log once is checked on a fresh process in processes.rs.)
#[tokio::test]
async fn metrics_are_not_public_by_default_even_to_loopback() {
    let env = TestEnv::openldap().await;
    let res = reqwest::get(format!("{}/metrics", env.server.url())).await.unwrap();
    assert_eq!(res.status(), 404, "/metrics answered a loopback client by default");
}

/// Session fixation: an attacker who plants their own session cookie in the victim's browser
/// (a shared kiosk, a cookie set from a sibling subdomain) must not find that session proven
/// once the victim has passed the reset's steps. rekey gives the session a new id when the
/// username is taken and again when the code passes; the planted id ends up unknown.
#[tokio::test]
async fn a_planted_session_cookie_does_not_become_the_victims_proven_reset() {
    let env = TestEnv::openldap().await;
    let dir = Slapd::shared().await;
    let victim = dir.create_user("fixvictim").await;
    let address = env.register_email(&victim).await;

    let mut attacker = env.browser();
    attacker.start("reset", "nobody-in-particular").await.assert_status(200);
    let planted = attacker.cookie("rekey-session").expect("the attacker holds a session cookie");

    let mut kiosk = attacker.fork();
    let code = env.reset_code_by_email(&mut kiosk, &victim.uid, &address).await;
    let after_username = kiosk.cookie("rekey-session").expect("a session");
    assert_ne!(after_username, planted, "the username step gives the session a new id");
    kiosk.submit_code("reset", "email", &code).await.assert_status(200);
    let after_code = kiosk.cookie("rekey-session").expect("a session");
    assert_ne!(after_code, after_username, "a passed code gives the session a new id");

    // The attacker, still holding the planted cookie, gets no further than the start.
    let page = attacker.get("/reset/password").await;
    assert!(!page.contains("Choose a new password"), "{}", page.body);
    let own = new_password();
    let page = attacker.set_password(&own).await;
    assert!(!page.contains("Your password has been reset"), "{}", page.body);
    assert!(!dir.bind(&victim.dn, &own).await, "the attacker's password was not set");
    assert!(dir.bind(&victim.dn, &victim.password).await, "the victim's password still works");

    // The victim goes on as if nothing happened.
    let new = new_password();
    kiosk.set_password(&new).await.assert_status(200);
    assert!(dir.bind(&victim.dn, &new).await);
}
