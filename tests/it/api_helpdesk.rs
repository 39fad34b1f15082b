//! The helpdesk's actions through the API (issue 24): a token with the `helpdesk_actions` scope
//! unlocks an account and mails the person a reset link, through the console's own rules and
//! audit trail, with the token as the member; a token without the scope, an expired one and
//! none are refused and change nothing; what the console does only with a second member's
//! approval (a privileged account, a person with nothing to verify a caller with) and accounts
//! out of the helpdesk's reach are refused in JSON and stay as they were.

use rekey::flow::api::Scope;
use serde_json::{Value, json};

use crate::api::{Answer, get, token};
use crate::helpdesk::{ADMINS, audit_lines, helpdesk_config};
use crate::support::env::TestEnv;
use crate::support::remember_secret;
use crate::support::slapd::Slapd;

const UNLOCK: &str = "/api/v1/helpdesk/unlock";
const RESET_LINK: &str = "/api/v1/helpdesk/reset-link";

async fn post(env: &TestEnv, path: &str, token: Option<&str>, body: &Value) -> Answer {
    let mut req = reqwest::Client::new().post(format!("{}{path}", env.server.url())).json(body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    Answer { status, headers, body: res.text().await.unwrap() }
}

#[tokio::test]
async fn a_helpdesk_token_unlocks_and_sends_a_reset_link_and_other_tokens_change_nothing() {
    let dir = Slapd::shared().await;
    let env = TestEnv::on(dir, helpdesk_config).await;
    let person = dir.create_user("ticket").await;
    let address = env.register_email(&person).await;
    dir.lock(&person).await;
    let acting = token(&env, "servicedesk", &[Scope::HelpdeskActions], 30).await;
    let others: Vec<Scope> = Scope::ALL.into_iter().filter(|s| *s != Scope::HelpdeskActions).collect();
    let reading = token(&env, "reader", &others, 30).await;
    let short = token(&env, "short", &[Scope::HelpdeskActions], 1).await;
    let body = json!({ "login": person.uid, "reason": "INC-1042 locked out" });
    let refused = get(&env, UNLOCK, None).await;

    for path in [UNLOCK, RESET_LINK] {
        // Every scope but this one: 403, and nothing happens.
        let answer = post(&env, path, Some(&reading), &body).await;
        assert_eq!((answer.status, answer.json()), (403, json!({ "error": "insufficient_scope" })), "{path}");
        let answer = post(&env, path, None, &body).await;
        assert_eq!((answer.status, answer.body.as_str()), (401, refused.body.as_str()), "{path}");
    }
    assert!(dir.is_locked(&person).await, "no token without the scope unlocks");
    assert!(env.smtp.messages_to(&address).iter().all(|m| !m.subject.contains("Set a new password")));

    // A reason (the ticket) is required.
    let answer = post(&env, UNLOCK, Some(&acting), &json!({ "login": person.uid, "reason": " " })).await;
    assert_eq!((answer.status, answer.json()["detail"].clone()), (400, "reason".into()), "{}", answer.body);
    assert!(dir.is_locked(&person).await);

    let answer = post(&env, UNLOCK, Some(&acting), &body).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.json(), json!({ "login": person.uid, "action": "unlock", "outcome": "done" }));
    assert!(!dir.is_locked(&person).await, "pwdAccountLockedTime is gone");
    assert!(dir.bind(&person.dn, &person.password).await, "the password is unchanged");
    let mail = env.smtp.wait_for_subject(&address, "The helpdesk changed something").await;
    assert!(mail.text.contains("unlocked your Example Corp account"), "{}", mail.text);

    let answer = post(&env, RESET_LINK, Some(&acting), &body).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.json()["action"], "reset_link");
    let link = env.smtp.wait_for_subject(&address, "Set a new password").await;
    let url = link.text.split_whitespace().find(|w| w.contains("/reset/link/")).expect("a reset link").to_owned();
    let (_, secret) = url.split_once("/reset/link/").unwrap();
    remember_secret(secret);
    assert!(!answer.body.contains(secret), "the caller never sees the link");
    let mut p = env.browser();
    p.get(&format!("/reset/link/{secret}")).await.assert_status(200);
    let page = p.post(&format!("/reset/link/{secret}"), &[]).await;
    assert!(page.url.ends_with("/reset/password"), "opens at the new-password step: {}", page.url);

    // Audited as the console's own events, with the token as the member and the ticket.
    let lines = audit_lines(&env, &person).await;
    for event in ["helpdesk_unlock", "helpdesk_reset_link"] {
        let line = format!("{event} success INC-1042 locked out api:servicedesk");
        assert!(lines.contains(&line), "{line} in {lines:?}");
    }

    // Two days on, the one-day token is refused like no token, and changes nothing.
    dir.lock(&person).await;
    env.clock.advance(2 * 86_400);
    for path in [UNLOCK, RESET_LINK] {
        let answer = post(&env, path, Some(&short), &body).await;
        assert_eq!((answer.status, answer.body.as_str()), (401, refused.body.as_str()), "{path}");
    }
    assert!(dir.is_locked(&person).await, "the expired token unlocked nothing");
}

#[tokio::test]
async fn the_api_cannot_do_what_needs_a_second_member_nor_touch_accounts_out_of_reach() {
    let dir = Slapd::shared().await;
    let vip = crate::support::unique("vip");
    let env = TestEnv::on(dir, |c| {
        helpdesk_config(c);
        c.helpdesk.out_of_reach_groups = vec![vip.clone()];
    })
    .await;
    let t = token(&env, "servicedesk", &[Scope::HelpdeskActions], 30).await;
    let ask = |login: &str| json!({ "login": login, "reason": "INC-7 please unlock" });

    // A privileged account: the console asks a second member even after verification.
    let boss = dir.create_user("boss").await;
    dir.add_to_group(&boss, ADMINS).await;
    env.register_email(&boss).await;
    dir.lock(&boss).await;
    let answer = post(&env, UNLOCK, Some(&t), &ask(&boss.uid)).await;
    assert_eq!((answer.status, answer.json()), (409, json!({ "error": "four_eyes_required" })), "{}", answer.body);
    assert!(dir.is_locked(&boss).await);
    let lines = audit_lines(&env, &boss).await;
    assert!(
        lines.contains(&"helpdesk_unlock failure four_eyes (asked: INC-7 please unlock) api:servicedesk".to_owned()),
        "{lines:?}"
    );

    // Nothing registered to verify a caller with: the console would ask a second member too.
    let lost = dir.create_user("lost").await;
    dir.lock(&lost).await;
    for path in [UNLOCK, RESET_LINK] {
        let answer = post(&env, path, Some(&t), &ask(&lost.uid)).await;
        assert_eq!((answer.status, answer.json()["error"].clone()), (409, "four_eyes_required".into()), "{path}");
    }
    assert!(dir.is_locked(&lost).await);
    let s = &env.server.services;
    assert!(s.db.open_helpdesk_requests(s.clock.now(), 10).await.unwrap().is_empty(), "the API files no request");

    // Out of the helpdesk's reach: never.
    let star = dir.create_user("star").await;
    dir.add_group(&vip, std::slice::from_ref(&star.dn)).await;
    env.register_email(&star).await;
    dir.lock(&star).await;
    let answer = post(&env, UNLOCK, Some(&t), &ask(&star.uid)).await;
    assert_eq!((answer.status, answer.json()), (403, json!({ "error": "out_of_reach" })), "{}", answer.body);
    assert!(dir.is_locked(&star).await);
    let lines = audit_lines(&env, &star).await;
    assert!(lines.iter().any(|l| l.starts_with("helpdesk_unlock failure out_of_reach")), "{lines:?}");

    // Nobody by that name; a body that is not JSON.
    let answer = post(&env, UNLOCK, Some(&t), &ask("nobody-by-this-name")).await;
    assert_eq!((answer.status, answer.json()["error"].clone()), (404, "not_found".into()));
    let answer = post(&env, UNLOCK, Some(&t), &json!(["not", "an", "object"])).await;
    assert_eq!((answer.status, answer.json()["detail"].clone()), (400, "body".into()));
}
