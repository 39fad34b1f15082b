//! Webhooks against a local HTTPS receiver trusting a test CA: signed deliveries of real account
//! events, retries on the fake clock, dead letters on the admin page, and two replicas on one
//! PostgreSQL database delivering each event once.

use std::collections::BTreeMap;

use rekey::config::{Config, WebhookConfig};
use rekey::directory::{DirUser, UserId};
use rekey::flow::{AuditRecord, Requester};
use secrecy::SecretString;

use crate::support::env::TestEnv;
use crate::support::receivers::{HookReceiver, Received, TestCa};
use crate::support::remember_secret;
use crate::support::slapd::Slapd;

const SECRET: &str = "whsec-it-0123456789abcdef";

fn hook(receiver: &HookReceiver, ca: &TestCa) -> WebhookConfig {
    WebhookConfig {
        url: receiver.url.clone(),
        secret: Some(SecretString::from(SECRET.to_owned())),
        ca_file: Some(ca.ca.clone()),
        retry_min_secs: 30,
        retry_max_secs: 600,
        ..WebhookConfig::default()
    }
}

/// Checks `Rekey-Signature` the way a receiver would, with ring's HMAC (not rekey's code).
fn assert_signed(r: &Received) {
    let header = r.header("Rekey-Signature").expect("a signature header");
    let (t, v1) = header.split_once(",v1=").expect("t=…,v1=…");
    let t = t.strip_prefix("t=").expect("t=");
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, SECRET.as_bytes());
    let expected = ring::hmac::sign(&key, format!("{t}.{}", r.body).as_bytes());
    assert_eq!(v1, hex::encode(expected.as_ref()), "the signature covers t and the body");
}

/// The signature's timestamp.
fn signed_at(r: &Received) -> i64 {
    let header = r.header("Rekey-Signature").unwrap();
    header.split(',').next().unwrap().trim_start_matches("t=").parse().unwrap()
}

fn someone(n: usize) -> DirUser {
    DirUser {
        id: UserId(format!("uid-{n}")),
        dn: String::new(),
        login: format!("person{n}"),
        display_name: String::new(),
        emails: vec![],
        phones: vec![],
        groups: vec![],
        state: Default::default(),
    }
}

/// Writes a `method_added` audit record, as the register flow does.
async fn method_added(env: &TestEnv, n: usize) {
    let user = someone(n);
    let record = AuditRecord {
        event: "method_added",
        flow: Some("register"),
        user: Some(&user),
        outcome: "success",
        method: Some("email"),
        ..Default::default()
    };
    env.server.services.audit(&Requester::default(), record).await;
}

async fn state_of(env: &TestEnv, state: &str) -> Vec<rekey::store::Delivery> {
    env.server.services.db.deliveries(state, 1000).await.unwrap()
}

#[tokio::test]
async fn real_account_events_arrive_signed_and_no_payload_holds_a_password_or_code() {
    let ca = TestCa::new();
    let receiver = HookReceiver::start(&ca, &[], 200).await;
    let h = hook(&receiver, &ca);
    let env = TestEnv::with(|c: &mut Config| c.webhooks = vec![h]).await;
    let slapd = Slapd::shared().await;
    let user = slapd.create_user("hook").await;
    let address = env.register_email(&user).await;
    env.clock.advance(i64::try_from(env.config.policy.new_method_cooling_off_hours).unwrap() * 3600 + 60);

    let mut b = env.browser();
    let code = env.reset_code_by_email(&mut b, &user.uid, &address).await;
    b.submit_code("reset", "email", &code).await.assert_status(200);
    let new = format!("Fresh-{}-Horse7", crate::support::unique("pw"));
    remember_secret(&new);
    let page = b.set_password(&new).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(slapd.bind(&user.dn, &new).await);

    let got = receiver.wait_for(2).await;
    let types: Vec<String> = got.iter().map(|r| r.json()["type"].as_str().unwrap().to_owned()).collect();
    assert_eq!(types, ["method.added", "password.reset"], "{got:?}");
    for r in &got {
        assert_signed(r);
        assert_eq!(r.header("Content-Type"), Some("application/json"));
        assert_eq!(r.header("Rekey-Event"), r.json()["type"].as_str());
        let body = r.json();
        assert_eq!(body["account"]["login"], user.uid.as_str());
        for secret in [new.as_str(), user.password.as_str(), code.as_str(), SECRET] {
            assert!(!r.body.contains(secret), "a secret in the payload: {}", r.body);
        }
    }
    assert_eq!(got[1].json()["method"], "email");
    assert!((env.clock.now() - 60..=env.clock.now()).contains(&signed_at(&got[1])), "signed now");
    // Delivered once: nothing left pending, nothing sent twice.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(receiver.received().len(), 2);
    assert_eq!(state_of(&env, "delivered").await.len(), 2);
}

#[tokio::test]
async fn a_receiver_that_fails_twice_gets_the_event_on_the_third_try_after_back_off() {
    let ca = TestCa::new();
    let receiver = HookReceiver::start(&ca, &[500, 503], 200).await;
    let h = hook(&receiver, &ca);
    let env = TestEnv::with(|c: &mut Config| c.webhooks = vec![h]).await;
    method_added(&env, 1).await;

    let first = receiver.wait_for(1).await;
    assert_eq!(first[0].status, 500);
    let pending = loop {
        let p = state_of(&env, "pending").await;
        if p.first().is_some_and(|d| d.attempts == 1) {
            break p;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    let wait = pending[0].next_at - env.clock.now();
    assert!((29..=60).contains(&wait), "the first retry comes after retry_min_secs (with jitter): {wait}");
    // No retry before its time.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(receiver.received().len(), 1, "retried before the back-off passed");

    env.clock.advance(61);
    let second = receiver.wait_for(2).await;
    assert_eq!(second[1].status, 503);
    env.clock.advance(121);
    let third = receiver.wait_for(3).await;
    assert_eq!(third[2].status, 200);
    assert_eq!(third[0].body, third[2].body, "the same event each time");
    for r in &third {
        assert_signed(r);
    }
    for _ in 0..50 {
        if state_of(&env, "delivered").await.len() == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let done = state_of(&env, "delivered").await;
    assert_eq!(done.len(), 1);
    assert_eq!(done[0].attempts, 3);
}

#[tokio::test]
async fn after_the_retry_limit_a_delivery_is_a_dead_letter_on_the_admin_page_which_can_send_it_again() {
    let ca = TestCa::new();
    let receiver = HookReceiver::start(&ca, &[], 500).await;
    let mut h = hook(&receiver, &ca);
    h.max_attempts = 3;
    let env = TestEnv::with(|c: &mut Config| {
        c.webhooks = vec![h];
        c.admin.groups = vec!["it-admins".into()];
    })
    .await;
    let slapd = Slapd::shared().await;
    let ada = slapd.create_user("ada").await;
    slapd.add_to_group(&ada, "it-admins").await;
    let secret = env.register_totp(&ada).await;
    receiver.wait_for(1).await; // ada's own method_added
    for n in 2..=3 {
        env.clock.advance(1200);
        receiver.wait_for(n).await;
    }
    for _ in 0..50 {
        if !state_of(&env, "dead").await.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let dead = state_of(&env, "dead").await;
    assert_eq!(dead.len(), 1, "{dead:?}");
    assert_eq!(dead[0].attempts, 3);
    env.clock.advance(3600);
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(receiver.received().len(), 3, "a dead letter is not tried again on its own");

    env.clock.advance(i64::try_from(env.config.policy.new_method_cooling_off_hours).unwrap() * 3600 + 60);
    let mut b = env.browser();
    b.get("/admin/sign-in").await.assert_status(200);
    b.post("/admin/sign-in", &[("username", &ada.uid), ("password", &ada.password)]).await.assert_status(200);
    let page = b.post("/admin/verify/totp", &[("code", &env.totp_code(&secret))]).await;
    assert!(page.url.ends_with("/admin"), "{}", page.url);
    let page = b.get("/admin/webhooks").await;
    page.assert_status(200);
    let id = dead[0].id.to_string();
    assert!(page.contains(&format!("data-delivery=\"{id}\"")), "{}", page.body);
    assert!(page.contains("method.added") && page.contains(&receiver.url) && page.contains("500"), "{}", page.body);

    receiver.answer(200);
    let page = b.post("/admin/webhooks/retry", &[("id", &id)]).await;
    page.assert_status(200);
    assert!(page.contains("back in the queue"), "{}", page.body);
    let got = receiver.wait_for(4).await;
    assert_eq!(got[3].status, 200);
    assert_signed(&got[3]);
    let page = b.post("/admin/webhooks/retry", &[("id", &id)]).await;
    assert!(page.contains("not a dead letter"), "{}", page.body);
    let trail = env.server.services.db.recent_audit(5).await.unwrap();
    assert!(trail.iter().any(|e| e.event == "webhook_retried" && e.method.as_deref() == Some(ada.uid.as_str())));
    // The admin's audit search offers the event and finds the record by it.
    let page = b.get("/admin/audit?event=webhook_retried").await;
    page.assert_status(200);
    assert!(page.contains("<option value=\"webhook_retried\" selected>"), "{}", page.body);
    assert!(page.contains(&format!("delivery {id} to ")), "{}", page.body);
}

#[tokio::test]
async fn two_replicas_on_postgresql_deliver_each_event_once() {
    let ca = TestCa::new();
    let receiver = HookReceiver::start(&ca, &[], 200).await;
    let url = crate::support::postgres::fresh_database().await;
    let slapd = Slapd::shared().await;
    let h = hook(&receiver, &ca);
    let h2 = h.clone();
    let one = TestEnv::build(slapd.directory_config(), url.clone(), |c| c.webhooks = vec![h]).await;
    // Replicas share the master key.
    let key = one.config.secrets.master_key.clone();
    let two = TestEnv::build(slapd.directory_config(), url, |c| {
        c.webhooks = vec![h2];
        c.secrets.master_key = key;
    })
    .await;
    const EVENTS: usize = 40;
    for n in 0..EVENTS {
        method_added(if n % 2 == 0 { &one } else { &two }, n).await;
    }
    let got = receiver.wait_for(EVENTS).await;
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let got = if receiver.received().len() > got.len() { receiver.received() } else { got };
    let mut per_event: BTreeMap<i64, usize> = BTreeMap::new();
    for r in &got {
        assert_signed(r);
        *per_event.entry(r.json()["audit_id"].as_i64().unwrap()).or_default() += 1;
    }
    assert_eq!(per_event.len(), EVENTS, "every event delivered");
    assert!(per_event.values().all(|n| *n == 1), "each event once: {per_event:?}");
}
