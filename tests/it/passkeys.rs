//! Passkeys at the HTTP level, against a real slapd: what the browser is asked for, and what
//! happens to answers that are not a passkey's. A real registration and use, with Chromium's
//! virtual authenticator, is in browser.rs.

use rekey::config::MethodKind;
use serde_json::Value;

use crate::support::env::{Browser, TestEnv};
use crate::support::slapd::Slapd;

async fn env() -> TestEnv {
    TestEnv::with(|c| {
        c.policy.methods = vec![MethodKind::Email, MethodKind::Passkey];
        c.codes.max_wrong_tries = 3;
        // Passkeys need a name, not an address.
        let port = c.server.listen.rsplit(':').next().unwrap().to_owned();
        c.server.public_url = format!("http://localhost:{port}");
    })
    .await
}

/// A browser on the portal, its posts from the portal's public origin.
fn browser(env: &TestEnv) -> Browser {
    let mut b = env.browser();
    b.origin = Some(env.config.server.public_url.clone());
    b
}

/// The options a reset attempt for `username` gets, as JSON.
async fn options_for(env: &TestEnv, username: &str) -> (Browser, Value) {
    let mut b = browser(env);
    b.start("reset", username).await.assert_status(200);
    b.get("/reset/passkey").await.assert_status(200);
    let page = b.post("/reset/passkey/options", &[]).await;
    page.assert_status(200);
    let json: Value = serde_json::from_str(&page.body).unwrap();
    (b, json)
}

/// The parts of the options that are the same each time for one username.
fn shape(options: &Value) -> (Value, Value, Value) {
    let pk = &options["publicKey"];
    (pk["rpId"].clone(), pk["userVerification"].clone(), pk["allowCredentials"].clone())
}

#[tokio::test]
async fn what_the_browser_is_asked_says_nothing_about_the_account() {
    let env = env().await;
    let slapd = Slapd::shared().await;
    let known = slapd.create_user("pkopt").await;
    let unknown = format!("nobody-{}", crate::support::unique("pk"));

    for username in [known.uid.as_str(), unknown.as_str()] {
        let (_, first) = options_for(&env, username).await;
        let (_, second) = options_for(&env, username).await;
        let pk = &first["publicKey"];
        assert_eq!(pk["rpId"], "localhost");
        assert_eq!(pk["userVerification"], "required", "user verification is required for a reset");
        // The same list of credentials each time for one username, as for a real account's …
        assert_eq!(shape(&first), shape(&second), "{username}");
        // … with a fresh challenge each time.
        assert_ne!(pk["challenge"], second["publicKey"]["challenge"]);
        for c in pk["allowCredentials"].as_array().unwrap() {
            let keys: Vec<&String> = c.as_object().unwrap().keys().collect();
            assert_eq!(keys, ["id", "type"], "no transports: they would tell one authenticator from another");
        }
    }
    // Other usernames, other lists (one fixed list would give the stand-ins away). Some people
    // have no passkey anywhere, so a list may be empty: of several, not all are the same.
    let mut lists = Vec::new();
    for n in 0..4 {
        let (_, o) = options_for(&env, &format!("someone-else-{n}")).await;
        lists.push(o["publicKey"]["allowCredentials"].clone());
    }
    assert!(lists.iter().any(|l| *l != lists[0]), "{lists:?}");
}

#[tokio::test]
async fn an_answer_that_is_no_passkey_counts_as_a_wrong_try_and_a_form_without_one_does_not() {
    let env = env().await;
    let slapd = Slapd::shared().await;
    let user = slapd.create_user("pkans").await;
    let (mut b, _) = options_for(&env, &user.uid).await;

    // JavaScript off: the form arrives without the browser's answer. Not a try.
    let page = b.post("/reset/passkey", &[("credential", "")]).await;
    page.assert_status(422);
    assert!(page.contains("Passkeys need JavaScript"), "{}", page.body);

    let forged = r#"{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{"authenticatorData":"AAAA","clientDataJSON":"e30","signature":"AAAA"}}"#;
    let page = b.post("/reset/passkey", &[("credential", forged)]).await;
    page.assert_status(422);
    assert!(page.contains("That passkey was not accepted. You have 2 more tries."), "{}", page.body);
    // Not even JSON: the same answer, never an error page.
    let page = b.post("/reset/passkey", &[("credential", "{not json")]).await;
    page.assert_status(422);
    assert!(page.contains("You have 1 more try."), "{}", page.body);
    // A fresh challenge does not reset the count: the attempt does.
    b.post("/reset/passkey/options", &[]).await.assert_status(200);
    let page = b.post("/reset/passkey", &[("credential", forged)]).await;
    page.assert_status(422);
    assert!(page.contains("This was your last try"), "{}", page.body);
    let page = b.post("/reset/passkey", &[("credential", forged)]).await;
    assert_eq!(page.status, 403, "the attempt ended: {}", page.body);
    assert!(slapd.bind(&user.dn, &user.password).await, "the password is untouched");
}

#[tokio::test]
async fn registration_asks_for_user_verification_and_refuses_what_is_not_a_passkey() {
    let env = env().await;
    let slapd = Slapd::shared().await;
    let user = slapd.create_user("pkreg").await;
    let mut b = browser(&env);
    b.sign_in_to_register(&user).await.assert_status(200);

    let page = b.post("/register/passkey/options", &[("name", "  ")]).await;
    page.assert_status(422);
    let json: Value = serde_json::from_str(&page.body).unwrap();
    assert_eq!(json["error"], "Give the passkey a name, so you can tell it apart later.");

    let page = b.post("/register/passkey/options", &[("name", "Blue key")]).await;
    page.assert_status(200);
    let json: Value = serde_json::from_str(&page.body).unwrap();
    let pk = &json["publicKey"];
    assert_eq!(pk["rp"]["id"], "localhost");
    assert_eq!(pk["user"]["name"], user.uid.as_str());
    assert_eq!(pk["authenticatorSelection"]["userVerification"], "required");

    let page =
        b.post("/register/passkey", &[("name", "Blue key"), ("credential", r#"{"id":"AAAA","rawId":"AAAA"}"#)]).await;
    page.assert_status(422);
    assert!(page.contains("That did not work."), "{}", page.body);
    assert!(page.contains("value=\"Blue key\""), "the name is kept: {}", page.body);
    let audit = env.server.services.db.audit_search(&Default::default(), 50, 0).await.unwrap();
    let added: Vec<(&str, Option<&str>)> = audit
        .iter()
        .map(|found| &found.event)
        .filter(|e| e.event == "method_added")
        .map(|e| (e.outcome.as_str(), e.reason.as_deref()))
        .collect();
    assert_eq!(added, [("failure", Some("passkey_refused"))], "nothing stored");
    let methods = b.get("/register/methods").await;
    assert!(!methods.contains("Passkey “Blue key”"), "{}", methods.body);
    // The ceremony is spent: the same answer again has nothing to be checked against.
    let page = b.post("/register/passkey", &[("name", "Blue key"), ("credential", "{}")]).await;
    assert!(page.status >= 400 && page.status < 500, "{}: {}", page.status, page.body);
}
