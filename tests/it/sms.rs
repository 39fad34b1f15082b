//! Text messages through the HTTP gateway, against a double that speaks HTTP and checks what
//! the real Twilio API checks.

use std::time::{Duration, Instant};

use rekey::config::{SmsConfig, SmsGateway};
use rekey::factors::sms::PhoneE164;
use rekey::notify::sms::{Sms, SmsError, SmsSender};
use secrecy::SecretString;

use crate::support::sms_gateway::{Mode, SmsGateway as Double, TWILIO_SID, TWILIO_TOKEN};

fn message(text: &str) -> Sms {
    Sms {
        to: PhoneE164::parse("+49 151 23456789", None).unwrap(),
        text: text.into(),
        code: SecretString::from("424242"),
    }
}

fn webhook(double: &Double) -> SmsConfig {
    let mut config = SmsConfig {
        gateway: SmsGateway::Webhook,
        url: format!("{}/v1/send?to={{to}}", double.base),
        body: r#"{"to": "{to}", "text": "{message}", "pin": "{code}"}"#.into(),
        secret: Some(SecretString::from("token-123".to_owned())),
        ..Default::default()
    };
    config.headers.insert("Authorization".into(), "Bearer {secret}".into());
    config.headers.insert("X-Sender".into(), "Example Corp".into());
    config
}

fn twilio(double: &Double) -> SmsConfig {
    SmsConfig {
        gateway: SmsGateway::Twilio,
        account_sid: TWILIO_SID.into(),
        auth_token: Some(SecretString::from(TWILIO_TOKEN.to_owned())),
        from: "+15005550006".into(),
        base_url: double.base.clone(),
        ..Default::default()
    }
}

#[tokio::test]
async fn the_webhook_gets_a_templated_json_request_with_escaped_text_and_its_headers() {
    let double = Double::start().await;
    let sender = SmsSender::from_config(&webhook(&double)).unwrap().unwrap();
    let text = "Your \"Example\" code: 424242\n\\ {code}";
    sender.send(&message(text)).await.unwrap();
    let got = double.received();
    assert_eq!(got.len(), 1);
    let request = &got[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.path_and_query, "/v1/send?to=%2B4915123456789");
    assert_eq!(request.headers["authorization"], "Bearer token-123");
    assert_eq!(request.headers["x-sender"], "Example Corp");
    assert_eq!(request.headers["content-type"], "application/json");
    let json = request.json();
    assert_eq!(json["to"], "+4915123456789");
    assert_eq!(json["text"], text, "escaped once, never expanded again");
    assert_eq!(json["pin"], "424242");
}

#[tokio::test]
async fn a_form_webhook_gets_url_encoded_fields() {
    let double = Double::start().await;
    let config = SmsConfig {
        content_type: "application/x-www-form-urlencoded".into(),
        body: "to={to}&text={message}".into(),
        method: "PUT".into(),
        ..webhook(&double)
    };
    SmsSender::from_config(&config).unwrap().unwrap().send(&message("a&b=c d+e")).await.unwrap();
    let request = &double.received()[0];
    assert_eq!(request.method, "PUT");
    let form = request.form();
    assert_eq!(form["to"], "+4915123456789");
    assert_eq!(form["text"], "a&b=c d+e");
}

#[tokio::test]
async fn twilio_gets_the_number_sender_and_text_as_a_form_with_basic_auth() {
    let double = Double::start().await;
    let sender = SmsSender::from_config(&twilio(&double)).unwrap().unwrap();
    sender.send(&message("Your Example Corp code: 424242")).await.unwrap();
    let request = &double.received()[0];
    assert_eq!(request.path_and_query, format!("/2010-04-01/Accounts/{TWILIO_SID}/Messages.json"));
    let form = request.form();
    assert_eq!(form["To"], "+4915123456789");
    assert_eq!(form["From"], "+15005550006");
    assert_eq!(form["Body"], "Your Example Corp code: 424242");
}

#[tokio::test]
async fn twilio_refusals_come_back_with_their_status_and_reason() {
    let double = Double::start().await;
    let wrong_token = SmsConfig { auth_token: Some(SecretString::from("nope".to_owned())), ..twilio(&double) };
    let err = SmsSender::from_config(&wrong_token).unwrap().unwrap().send(&message("hi 424242")).await.unwrap_err();
    assert!(matches!(&err, SmsError::Refused { status: 401, reason } if reason == "Authenticate"), "{err:?}");
    let no_sender = SmsConfig { from: String::new(), ..twilio(&double) };
    let err = SmsSender::from_config(&no_sender).unwrap().unwrap().send(&message("hi 424242")).await.unwrap_err();
    assert!(matches!(&err, SmsError::Refused { status: 400, reason } if reason.contains("'From'")), "{err:?}");
}

#[tokio::test]
async fn a_failing_gateway_is_reported_without_the_code_or_the_number() {
    let double = Double::start().await;
    double.set_mode(Mode::Fail);
    let sender = SmsSender::from_config(&webhook(&double)).unwrap().unwrap();
    let err = sender.send(&message("Your code: 424242")).await.unwrap_err();
    let text = err.to_string();
    assert!(text.starts_with("the SMS gateway answered 500: upstream carrier down"), "{text}");
    assert!(!text.contains("424242") && !text.contains("4915123456789"), "{text}");
    assert!(text.contains("+49•••••89"), "{text}");
}

#[tokio::test]
async fn a_hanging_gateway_is_given_up_on_after_the_timeout() {
    let double = Double::start().await;
    double.set_mode(Mode::Hang);
    let config = SmsConfig { timeout_secs: 1, ..twilio(&double) };
    let started = Instant::now();
    let err = SmsSender::from_config(&config).unwrap().unwrap().send(&message("hi 424242")).await.unwrap_err();
    assert!(matches!(err, SmsError::Timeout(1)), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn an_unreachable_gateway_is_reported_without_its_url() {
    let config =
        SmsConfig { url: "http://127.0.0.1:9/send?to={to}&key={secret}".into(), ..webhook(&Double::start().await) };
    let err = SmsSender::from_config(&config).unwrap().unwrap().send(&message("hi 424242")).await.unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, SmsError::Unreachable(_)), "{text}");
    assert!(!text.contains("token-123") && !text.contains("4915123456789"), "{text}");
}

// ---------------------------------------------------------------------------------------------
// The "sms" method end to end, against a real slapd

use rekey::config::MethodKind;

use crate::support::env::{Browser, TestEnv};
use crate::support::slapd::{Slapd, TestUser};

const NUMBER: &str = "+49 151 23456789";
const E164: &str = "+4915123456789";

async fn env_with(
    double: &Double,
    gateway: fn(&Double) -> SmsConfig,
    tweak: impl FnOnce(&mut rekey::config::Config),
) -> TestEnv {
    let sms = gateway(double);
    TestEnv::with(|c| {
        c.policy.methods = vec![MethodKind::Email, MethodKind::Totp, MethodKind::Sms];
        c.sms = sms;
        tweak(c);
    })
    .await
}

pub fn webhook_json(double: &Double) -> SmsConfig {
    SmsConfig { url: format!("{}/send", double.base), ..webhook(double) }
}

/// Registers `NUMBER` for `user`; returns how many messages the double had by then.
pub async fn register_number(env: &TestEnv, double: &Double, user: &TestUser) -> usize {
    let before = double.received().len();
    let mut b = env.browser();
    b.sign_in_to_register(user).await.assert_status(200);
    let page = b.post("/register/sms", &[("number", NUMBER)]).await;
    page.assert_status(200);
    assert!(page.contains("Confirm your mobile number") && page.contains("+49•••••89"), "{}", page.body);
    let code = double.last_code(before).await;
    let page = b.post("/register/confirm", &[("code", &code)]).await;
    assert!(page.contains("Your new method is registered") && page.contains("+49•••••89"), "{}", page.body);
    before + 1
}

async fn request_sms(b: &mut Browser, flow: &str) -> crate::support::env::Page {
    b.post(&format!("/{flow}/send-sms"), &[]).await
}

#[tokio::test]
async fn a_number_is_registered_by_texting_a_code_to_it_and_stored_sealed() {
    let double = Double::start().await;
    let env = env_with(&double, webhook_json, |_| {}).await;
    let user = Slapd::shared().await.create_user("sms-reg").await;
    register_number(&env, &double, &user).await;
    let sent = &double.received()[0];
    assert_eq!(sent.json()["to"], E164);
    assert!(sent.json()["text"].as_str().unwrap().starts_with("Your Example"), "{}", sent.body);

    let login = rekey::directory::Login::parse(&user.uid).unwrap();
    let id = env.server.services.directory.find_user(&login).await.unwrap().unwrap().id.0;
    let methods = env.server.services.db.list_methods(&id).await.unwrap();
    let stored = methods.iter().find(|m| m.kind == "sms").expect("stored");
    assert_eq!(stored.label, "+49•••••89");
    assert!(!String::from_utf8_lossy(&stored.sealed).contains("15123456789"));
    let opened = rekey::flow::methods::open(&env.server.services, stored).unwrap();
    assert_eq!(&opened[..], E164.as_bytes());
}

#[tokio::test]
async fn invalid_numbers_are_refused_at_registration_and_nothing_is_sent() {
    let double = Double::start().await;
    let env = env_with(&double, webhook_json, |_| {}).await;
    let user = Slapd::shared().await.create_user("sms-bad").await;
    let mut b = env.browser();
    b.sign_in_to_register(&user).await.assert_status(200);
    for (typed, message) in [
        ("+49 12 34", "does not look like a mobile number"),
        ("call me", "does not look like a mobile number"),
        ("0151 23456789", "Add the country code"),
    ] {
        let page = b.post("/register/sms", &[("number", typed)]).await;
        page.assert_status(422);
        assert!(page.contains(message), "{typed}: {}", page.body);
        // Next to the field too, which keeps what was typed.
        let doc = scraper::Html::parse_document(&page.body);
        let field = doc.select(&scraper::Selector::parse("#number").unwrap()).next().unwrap();
        assert_eq!(field.attr("aria-invalid"), Some("true"), "{typed}");
        assert_eq!(field.attr("value"), Some(typed));
        let error = doc.select(&scraper::Selector::parse("#number-error").unwrap()).next().expect("field error");
        assert!(error.text().collect::<String>().contains(message), "{typed}");
    }
    assert!(double.received().is_empty());
}

#[tokio::test]
async fn a_default_region_lets_people_type_national_numbers() {
    let double = Double::start().await;
    let env = env_with(&double, webhook_json, |c| c.sms.default_region = "DE".into()).await;
    let user = Slapd::shared().await.create_user("sms-de").await;
    let mut b = env.browser();
    b.sign_in_to_register(&user).await.assert_status(200);
    b.post("/register/sms", &[("number", "0151 2345 6789")]).await.assert_status(200);
    assert_eq!(double.wait_for(1).await[0].json()["to"], E164);
}

#[tokio::test]
async fn reset_with_a_text_message_code_through_twilio_sets_the_new_password() {
    let double = Double::start().await;
    let env = env_with(&double, twilio, |_| {}).await;
    let slapd = Slapd::shared().await;
    let user = slapd.create_user("sms-reset").await;
    let sent = register_number(&env, &double, &user).await;

    let mut b = env.browser();
    let page = b.start("reset", &user.uid).await;
    assert!(page.contains("Text me a code"), "{}", page.body);
    let page = request_sms(&mut b, "reset").await;
    page.assert_status(200);
    assert!(
        page.url.ends_with("/reset/code/sms") && page.contains("Enter the code from the text message"),
        "{}",
        page.body
    );
    let code = double.last_code(sent).await;
    let request = double.received().pop().unwrap();
    assert_eq!(request.form()["To"], E164);
    assert_eq!(request.form()["From"], "+15005550006");
    assert!(request.form()["Body"].starts_with("Your Example"), "{}", request.body);
    b.submit_code("reset", "sms", &code).await.assert_status(200);
    let new = format!("Fresh-{}-Horse7", crate::support::unique("pw"));
    crate::support::remember_secret(&new);
    b.set_password(&new).await.assert_status(200);
    assert!(slapd.bind(&user.dn, &new).await);
}

#[tokio::test]
async fn the_text_is_in_the_language_of_the_page() {
    let double = Double::start().await;
    let env = env_with(&double, twilio, |_| {}).await;
    let user = Slapd::shared().await.create_user("sms-de").await;
    let sent = register_number(&env, &double, &user).await;
    let mut b = env.browser();
    b.get("/reset?lang=de").await.assert_status(200);
    b.post("/reset", &[("username", &user.uid)]).await.assert_status(200);
    request_sms(&mut b, "reset").await.assert_status(200);
    double.last_code(sent).await;
    let text = double.received().pop().unwrap().text();
    assert!(text.starts_with("Ihr Example") && text.contains("-Code: "), "{text}");
}

#[tokio::test]
async fn a_gateway_failure_shows_a_neutral_message_costs_no_try_and_shows_on_the_status_page() {
    let double = Double::start().await;
    let admins = crate::support::unique("sms-admins");
    let group = admins.clone();
    let env = env_with(&double, webhook_json, move |c| {
        c.admin.groups = vec![group];
        // The admin signs in minutes after registering (the cooling-off is tested in holes.rs).
        c.policy.new_method_cooling_off_hours = 0;
    })
    .await;
    let slapd = Slapd::shared().await;
    let user = slapd.create_user("sms-fail").await;
    let admin = slapd.create_user("sms-admin").await;
    slapd.add_group(&admins, std::slice::from_ref(&admin.dn)).await;
    let admin_seed = env.register_totp(&admin).await;
    let sent = register_number(&env, &double, &user).await;

    double.set_mode(Mode::Fail);
    let mut b = env.browser();
    b.start("reset", &user.uid).await.assert_status(200);
    request_sms(&mut b, "reset").await.assert_status(200);
    double.wait_for(sent + 1).await;
    let services = &env.server.services;
    for _ in 0..100 {
        if services.last_errors.get("sms").is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (_, logged) = services.last_errors.get("sms").expect("the failure is recorded for the admin");
    assert!(logged.contains("500") && logged.contains("+49•••••89"), "{logged}");
    assert!(!logged.contains(E164) && !logged.contains("15123456789"), "{logged}");
    assert!(services.metrics.render().contains("rekey_sms_failures_total 1"), "{}", services.metrics.render());

    // Asking again tells the person, in words that say nothing about the account.
    let page = request_sms(&mut b, "reset").await;
    page.assert_status(200);
    assert!(page.contains("We could not send a text message just now"), "{}", page.body);

    // The admin's status page shows it, with the gateway's reason.
    env.clock.advance(60); // a fresh authenticator step: the one that registered it is spent
    let mut a = env.browser();
    a.get("/admin/sign-in").await.assert_status(200);
    a.post("/admin/sign-in", &[("username", &admin.uid), ("password", &admin.password)]).await.assert_status(200);
    let home = a.post("/admin/verify/totp", &[("code", &env.totp_code(&admin_seed))]).await;
    assert!(home.url.ends_with("/admin"), "{}", home.url);
    let row = home.body.split("<tr>").find(|r| r.contains("SMS gateway")).expect("an SMS row");
    assert!(row.contains("state bad") && row.contains("answered 500"), "{row}");

    // The gateway is back: a new code comes, and the attempt still has all its tries.
    double.set_mode(Mode::Accept);
    request_sms(&mut b, "reset").await.assert_status(200);
    let code = double.last_code(sent + 2).await;
    let page = b.submit_code("reset", "sms", "000000").await;
    page.assert_status(422);
    assert!(page.contains("You have 4 more tries"), "{}", page.body);
    let page = b.submit_code("reset", "sms", &code).await;
    assert!(page.url.ends_with("/reset/password"), "{} {}", page.url, page.body);
}

#[tokio::test]
async fn the_per_number_limit_stops_texts_to_one_number_without_saying_so() {
    let double = Double::start().await;
    let env = env_with(&double, webhook_json, |c| c.limits.code_sends_per_number = 2).await;
    let user = Slapd::shared().await.create_user("sms-limit").await;
    let sent = register_number(&env, &double, &user).await;
    let mut b = env.browser();
    b.start("reset", &user.uid).await.assert_status(200);
    let first = request_sms(&mut b, "reset").await;
    double.wait_for(sent + 1).await;
    let second = request_sms(&mut b, "reset").await;
    second.assert_status(200);
    assert_eq!(first.normalised(), second.normalised());
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(double.received().len(), 2, "the third text to the same number is not sent");
}

#[tokio::test]
async fn an_unknown_account_gets_the_same_pages_as_one_with_a_number() {
    let double = Double::start().await;
    let env = env_with(&double, webhook_json, |_| {}).await;
    let user = Slapd::shared().await.create_user("sms-same").await;
    let sent = register_number(&env, &double, &user).await;
    let mut pages = Vec::new();
    for name in [user.uid.as_str(), "nobody-here-at-all"] {
        let mut b = env.browser();
        let chosen = b.start("reset", name).await;
        let code_page = request_sms(&mut b, "reset").await;
        let wrong = b.submit_code("reset", "sms", "000000").await;
        pages.push([chosen, code_page, wrong].map(|p| (p.status, p.normalised(), p.url)));
    }
    assert_eq!(pages[0], pages[1]);
    double.wait_for(sent + 1).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(double.received().len(), sent + 1, "nothing is sent for the unknown account");
}

#[tokio::test]
async fn a_gateway_failure_at_registration_is_told_on_the_confirm_page() {
    let double = Double::start().await;
    double.set_mode(Mode::Fail);
    let env = env_with(&double, webhook_json, |_| {}).await;
    let user = Slapd::shared().await.create_user("sms-regfail").await;
    let mut b = env.browser();
    b.sign_in_to_register(&user).await.assert_status(200);
    b.post("/register/sms", &[("number", NUMBER)]).await.assert_status(200);
    double.wait_for(1).await;
    for _ in 0..100 {
        if env.server.services.last_errors.get("sms").is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let page = b.get("/register/confirm").await;
    page.assert_status(200);
    assert!(page.contains("We could not send a text message just now"), "{}", page.body);
}

#[tokio::test]
async fn a_texted_code_proves_a_registered_number_before_another_method_is_added() {
    let double = Double::start().await;
    let env = env_with(&double, webhook_json, |_| {}).await;
    let user = Slapd::shared().await.create_user("sms-bind").await;
    register_number(&env, &double, &user).await;

    let mut b = env.browser();
    b.sign_in_to_register(&user).await.assert_status(200);
    let page = b.post("/register/totp", &[]).await;
    assert!(page.url.ends_with("/register/prove") && page.contains("Text me a code"), "{}", page.body);
    let before = double.received().len();
    let page = b.post("/register/prove/send-sms", &[]).await;
    assert!(page.url.ends_with("/register/prove/code/sms"), "{} {}", page.url, page.body);
    let code = double.last_code(before).await;
    let page = b.post("/register/prove/code/sms", &[("code", &code)]).await;
    assert!(page.url.ends_with("/register/methods"), "{} {}", page.url, page.body);
    let page = b.post("/register/totp", &[]).await;
    assert!(page.url.ends_with("/register/confirm"), "{} {}", page.url, page.body);
}
