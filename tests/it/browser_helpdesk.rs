//! The helpdesk's passkey-backed confirmation link in a real browser (tests/browser/
//! helpdesk_confirm.mjs, Chromium's virtual authenticator), against slapd: the caller confirms
//! on their own device and the member who sent the link, and only they, has the caller
//! verified. Without a passkey there is no link to send.

use rekey::config::MethodKind;
use rekey::i18n::Lang;
use serde_json::json;

use crate::browser::portal_with;
use crate::helpdesk::{account, audit_lines, member};
use rekey::factors::totp::TotpSecret;

use crate::support::browser::{Control, Js, person, run_node};
use crate::support::env::{Browser, TestEnv, totp_secret_from};
use crate::support::remember_secret;
use crate::support::slapd::Slapd;
use crate::support::slapd::TestUser;

const HELPDESK: &str = crate::helpdesk::HELPDESK;

/// A browser whose posts come from the portal's public origin (`localhost`, for passkeys).
fn browser(env: &TestEnv) -> Browser {
    let mut b = env.browser();
    b.origin = Some(env.config.server.public_url.clone());
    b
}

/// Registers an authenticator app for `user` (as `TestEnv::register_totp`, from the public
/// origin); returns its seed.
async fn register_app(env: &TestEnv, user: &TestUser) -> TotpSecret {
    let mut b = browser(env);
    b.sign_in_to_register(user).await.assert_status(200);
    let page = b.post("/register/totp", &[]).await;
    page.assert_status(200);
    let secret = totp_secret_from(&page.body);
    let code = env.totp_code(&secret);
    remember_secret(&code);
    b.post("/register/confirm", &[("code", &code)]).await.assert_status(200);
    secret
}

/// `user` signed in to the console with their app.
async fn signed_in(env: &TestEnv, user: &TestUser, secret: &TotpSecret) -> Browser {
    let mut b = browser(env);
    b.get("/helpdesk/sign-in").await.assert_status(200);
    let page = b.post("/helpdesk/sign-in", &[("username", &user.uid), ("password", &user.password)]).await;
    assert!(page.url.ends_with("/helpdesk/verify"), "{} {}", page.url, page.body);
    b.post("/helpdesk/verify/totp", &[("code", &env.totp_code(secret))]).await.assert_status(200);
    b
}

#[tokio::test]
async fn a_caller_confirms_with_their_passkey_and_only_the_member_who_asked_has_them_verified() {
    let env = portal_with(|config| {
        crate::helpdesk::helpdesk_config(config);
        config.policy.methods = vec![MethodKind::Email, MethodKind::Totp, MethodKind::Passkey];
        // The link goes to the directory's address: the caller registers only the passkey (a
        // second method would need "confirm it's you" with the first).
        config.email.use_directory_mail = true;
        // Passkeys belong to a name, not an address: the portal is reached as localhost.
        let port = config.server.listen.rsplit(':').next().unwrap().to_owned();
        config.server.public_url = format!("http://localhost:{port}");
    })
    .await;
    let slapd = Slapd::shared().await;
    let desk = slapd.create_user("dsk").await;
    slapd.add_to_group(&desk, HELPDESK).await;
    let seed = register_app(&env, &desk).await;
    let other = slapd.create_user("dske").await;
    slapd.add_to_group(&other, HELPDESK).await;
    let other_app = register_app(&env, &other).await;
    let caller = slapd.create_user("cnf").await;
    let address = caller.mail.clone();
    env.clock.advance(60);
    let control = Control::start(env.clone()).await;
    control.add_totp(&desk.uid, seed);
    let mut who = person(&caller, &address, "");
    who["passkeyName"] = json!("My phone");
    let users = json!({ "member": person(&desk, "", ""), "caller": who });
    run_node("helpdesk_confirm.mjs", Js::On, Lang::En, &env, &control, users).await;

    let s = &env.server.services;
    let (desk_id, caller_id) = (account(&env, &desk).await.id, account(&env, &caller).await.id);
    let now = s.clock.now();
    let verified = s.db.helpdesk_verifications(desk_id.as_str(), caller_id.as_str(), now).await.unwrap();
    assert!(verified.iter().any(|v| v.method == "passkey"), "{verified:?}");
    let lines = audit_lines(&env, &caller).await;
    let by = format!("helpdesk:{}", desk.uid);
    assert!(lines.iter().any(|l| l == &format!("helpdesk_confirm_sent started  {by}")), "{lines:?}");
    assert!(lines.iter().any(|l| l == &format!("helpdesk_verify success passkey {by}")), "{lines:?}");

    // Another member has not verified this caller; and the spent link stays spent.
    env.clock.advance(31);
    let mut b = signed_in(&env, &other, &other_app).await;
    let page = b.get(&format!("/helpdesk/person?login={}", caller.uid)).await;
    assert!(page.contains("Verify the caller first"), "{}", page.body);
    let mail = env.smtp.messages_to(&address).into_iter().rev().find(|m| m.text.contains("/confirm/")).unwrap();
    let url = mail.text.split_whitespace().find(|w| w.contains("/confirm/")).unwrap().to_owned();
    let path = url.split_once("/confirm/").map(|(_, t)| format!("/confirm/{t}")).unwrap();
    remember_secret(path.trim_start_matches("/confirm/"));
    browser(&env).get(&path).await.assert_status(410);
}

#[tokio::test]
async fn no_confirmation_link_goes_to_a_person_without_a_passkey_and_a_made_up_link_is_gone() {
    let dir = Slapd::shared().await;
    let env = TestEnv::on(dir, crate::helpdesk::helpdesk_config).await;
    let (_desk, mut b) = member(&env, dir, "desk").await;
    let caller = dir.create_user("nopk").await;
    let address = env.register_email(&caller).await;
    let page = b.post("/helpdesk/confirm/send", &[("login", &caller.uid)]).await;
    page.assert_status(403);
    assert!(page.contains("You cannot verify this person that way"), "{}", page.body);
    assert!(!env.smtp.messages_to(&address).iter().any(|m| m.text.contains("/confirm/")));
    let mut p = env.browser();
    p.get("/confirm/0123456789abcdefghijklmnopqrstuv").await.assert_status(410);
    p.post("/confirm/0123456789abcdefghijklmnopqrstuv", &[("credential", "{}")]).await.assert_status(410);
    p.post("/confirm/not-a-token!", &[]).await.assert_status(410);
}
