//! The Microsoft Graph directory against the Graph double: tokens by secret and certificate,
//! resets, throttling, token refresh, scope, listings that follow next links, and the reset
//! flow through the portal.

use std::sync::Arc;
use std::time::{Duration, Instant};

use rekey::config::{DirectoryConfig, DirectoryKind, GraphConfig};
use rekey::directory::graph::GraphDirectory;
use rekey::directory::{DirError, Directory, Login};
use secrecy::SecretString;
use serde_json::json;

use crate::support::directory::comparable;
use crate::support::env::TestEnv;
use crate::support::graph::{Fault, GraphDouble, GraphUser, make_certificate};
use crate::support::{remember_secret, unique};

pub(crate) const APP_SECRET: &str = "app-secret-Xq9~vR2";

/// A double with one cloud user; returns the user.
pub(crate) async fn double_with_user() -> (Arc<GraphDouble>, GraphUser) {
    crate::support::init_tracing();
    remember_secret(APP_SECRET);
    let double = GraphDouble::start(APP_SECRET, None).await;
    let user = cloud_user(&double, "alice");
    (double, user)
}

pub(crate) fn cloud_user(double: &GraphDouble, prefix: &str) -> GraphUser {
    let name = unique(prefix);
    let password = format!("Old-{}-pw1", unique(""));
    remember_secret(&password);
    let user = GraphUser {
        id: uuid::Uuid::new_v4().to_string(),
        upn: format!("{name}@contoso.test"),
        mail: format!("{name}@contoso.test"),
        display_name: format!("{prefix} Example"),
        enabled: true,
        synced: false,
        on_premises_dn: None,
        password,
        groups: vec![],
    };
    double.add_user(user.clone());
    user
}

fn directory(config: &GraphConfig) -> GraphDirectory {
    GraphDirectory::new(config, vec![], None).unwrap()
}

pub(crate) fn new_password() -> SecretString {
    let p = format!("New-{}-Pw7!", unique(""));
    remember_secret(&p);
    SecretString::from(p)
}

pub(crate) fn login(s: &str) -> Login {
    Login::parse(s).unwrap()
}

async fn reset_and_check(double: &GraphDouble, config: &GraphConfig, user: &GraphUser) {
    let dir = directory(config);
    let found = dir.find_user(&login(&user.upn)).await.unwrap().expect("the user is found by UPN");
    assert_eq!(found.id.as_str(), user.id);
    let new = new_password();
    dir.reset_password(&found, &new, false).await.unwrap();
    assert!(double.revokes().is_empty(), "the reset flow, not the PATCH, signs the account out");
    dir.sign_out_everywhere(&found).await.unwrap();
    use secrecy::ExposeSecret;
    assert_eq!(double.password_of(&user.id), new.expose_secret());
    assert_eq!(
        double.patches(),
        vec![(
            user.id.clone(),
            json!({"passwordProfile": {"password": new.expose_secret(), "forceChangePasswordNextSignIn": false}})
        )]
    );
    assert_eq!(double.revokes(), vec![user.id.clone()]);
}

#[tokio::test]
async fn graph_reset_with_a_client_secret_patches_the_profile_and_revokes_sessions() {
    let (double, user) = double_with_user().await;
    reset_and_check(&double, &double.config(), &user).await;
}

#[tokio::test]
async fn graph_reset_with_a_certificate_signs_a_client_assertion() {
    crate::support::init_tracing();
    let dir = tempfile::tempdir().unwrap();
    let (key, cert) = make_certificate(dir.path());
    let pem = std::fs::read_to_string(&cert).unwrap();
    let double = GraphDouble::start(APP_SECRET, Some(&pem)).await;
    let user = cloud_user(&double, "carol");
    let config = GraphConfig {
        client_secret: None,
        certificate_key_file: Some(key),
        certificate_file: Some(cert),
        ..double.config()
    };
    reset_and_check(&double, &config, &user).await;
}

#[tokio::test]
async fn graph_refuses_a_wrong_secret_as_denied() {
    let (double, user) = double_with_user().await;
    let config = GraphConfig { client_secret: Some("wrong-secret".to_owned().into()), ..double.config() };
    let err = directory(&config).find_user(&login(&user.upn)).await.unwrap_err();
    assert!(matches!(err, DirError::Denied(_)), "{err:?}");
}

#[tokio::test]
async fn graph_a_certificate_the_app_does_not_have_is_refused() {
    crate::support::init_tracing();
    let dir = tempfile::tempdir().unwrap();
    let (_, registered) = make_certificate(dir.path());
    let other = tempfile::tempdir().unwrap();
    let (key, cert) = make_certificate(other.path());
    let double = GraphDouble::start(APP_SECRET, Some(&std::fs::read_to_string(registered).unwrap())).await;
    let user = cloud_user(&double, "dave");
    let config = GraphConfig {
        client_secret: None,
        certificate_key_file: Some(key),
        certificate_file: Some(cert),
        ..double.config()
    };
    let err = directory(&config).find_user(&login(&user.upn)).await.unwrap_err();
    assert!(matches!(err, DirError::Denied(_)), "{err:?}");
}

#[tokio::test]
async fn graph_the_token_is_reused_and_refreshed_after_expiry() {
    let (double, user) = double_with_user().await;
    double.set_token_lifetime(2);
    let dir = directory(&double.config());
    for _ in 0..3 {
        dir.find_user(&login(&user.upn)).await.unwrap().unwrap();
    }
    assert_eq!(double.token_requests(), 1, "one token serves several calls");
    tokio::time::sleep(Duration::from_millis(2100)).await;
    dir.find_user(&login(&user.upn)).await.unwrap().unwrap();
    assert_eq!(double.token_requests(), 2, "an expired token is replaced");
}

#[tokio::test]
async fn graph_a_401_triggers_exactly_one_refresh() {
    let (double, user) = double_with_user().await;
    let dir = directory(&double.config());
    dir.find_user(&login(&user.upn)).await.unwrap().unwrap();
    double.fail_next(&[Fault::Unauthorized]);
    dir.find_user(&login(&user.upn)).await.unwrap().expect("found after one refresh");
    assert_eq!(double.token_requests(), 2);

    double.fail_next(&[Fault::Unauthorized, Fault::Unauthorized]);
    let err = dir.find_user(&login(&user.upn)).await.unwrap_err();
    assert!(matches!(err, DirError::Denied(_)), "{err:?}");
    assert_eq!(double.token_requests(), 3, "a second 401 does not fetch another token");
}

#[tokio::test]
async fn graph_throttling_with_and_without_retry_after_is_waited_out() {
    let (double, user) = double_with_user().await;
    let dir = directory(&double.config());
    double.fail_next(&[Fault::Throttle(Some(1)), Fault::Throttle(None), Fault::Throttle(None)]);
    let started = Instant::now();
    dir.find_user(&login(&user.upn)).await.unwrap().expect("found once throttling ends");
    // Retry-After 1 s, then 0.5 s and 1 s of back-off.
    assert!(started.elapsed() >= Duration::from_millis(2400), "{:?}", started.elapsed());
}

#[tokio::test]
async fn graph_server_errors_are_unavailable() {
    let (double, user) = double_with_user().await;
    let dir = directory(&double.config());
    double.fail_next(&[Fault::Server(503)]);
    let err = dir.find_user(&login(&user.upn)).await.unwrap_err();
    assert!(matches!(err, DirError::Unavailable(_)), "{err:?}");
}

#[tokio::test]
async fn graph_a_password_entra_refuses_is_a_policy_violation() {
    let (double, user) = double_with_user().await;
    let dir = directory(&double.config());
    let found = dir.find_user(&login(&user.upn)).await.unwrap().unwrap();
    let weak = SecretString::from("short".to_owned());
    let err = dir.reset_password(&found, &weak, false).await.unwrap_err();
    assert!(matches!(err, DirError::PolicyViolation(rekey::directory::PolicyReason::InsufficientQuality)), "{err:?}");
    assert!(double.revokes().is_empty(), "nothing is revoked when the reset failed");
}

#[tokio::test]
async fn graph_quotes_in_a_login_are_escaped() {
    let (double, _) = double_with_user().await;
    let odd = cloud_user(&double, "o'neil");
    let dir = directory(&double.config());
    let found = dir.find_user(&login(&odd.upn)).await.unwrap().expect("a UPN with a quote is found");
    assert_eq!(found.id.as_str(), odd.id);
    assert!(dir.find_user(&login("x' or '1' eq '1")).await.unwrap().is_none());
}

#[tokio::test]
async fn graph_unlock_answers_that_only_a_reset_is_offered() {
    let (double, user) = double_with_user().await;
    let dir = directory(&double.config());
    let found = dir.find_user(&login(&user.upn)).await.unwrap().unwrap();
    assert!(matches!(dir.unlock(&found).await, Err(DirError::UnlockByReset)));
}

/// The portal on the double, people's directory mail counting as their registered method.
pub(crate) async fn portal(double: &GraphDouble, tweak: impl FnOnce(&mut rekey::config::Config)) -> TestEnv {
    let directory =
        DirectoryConfig { kind: DirectoryKind::Graph, graph: Some(double.config()), ..DirectoryConfig::default() };
    TestEnv::build(directory, crate::support::postgres::fresh_sqlite_url(), |c| {
        c.email.use_directory_mail = true;
        tweak(c);
    })
    .await
}

#[tokio::test]
async fn graph_reset_through_the_portal_sets_the_password_in_entra() {
    let (double, user) = double_with_user().await;
    let env = portal(&double, |_| {}).await;
    let mut b = env.browser();
    b.start("reset", &user.upn).await.assert_status(200);
    b.request_email_code("reset").await.assert_status(200);
    let code = env.smtp.last_code_for(&user.mail).await;
    remember_secret(&code);
    b.submit_code("reset", "email", &code).await.assert_status(200);
    let new = format!("Portal-{}-Pw9!", unique(""));
    remember_secret(&new);
    let done = b.set_password(&new).await;
    done.assert_status(200);
    assert_eq!(double.password_of(&user.id), new);
    assert_eq!(double.revokes(), vec![user.id.clone()]);
}

#[tokio::test]
async fn graph_throttling_past_the_deadline_shows_the_unavailable_page() {
    let (double, user) = double_with_user().await;
    let env = portal(&double, |_| {}).await;
    double.fail_next(&[Fault::Throttle(Some(60))]);
    let mut b = env.browser();
    let started = Instant::now();
    let page = b.start("reset", &user.upn).await;
    page.assert_status(503);
    assert!(page.contains("Password services are unavailable right now"), "{}", page.body);
    assert!(started.elapsed() < Duration::from_secs(5), "it does not wait past the deadline");
}

#[tokio::test]
async fn graph_out_of_scope_and_unknown_people_see_identical_pages() {
    let (double, inside) = double_with_user().await;
    let staff = uuid::Uuid::new_v4().to_string();
    let mut inside = inside;
    inside.groups = vec![staff.clone()];
    double.add_user(inside.clone());
    let outside = cloud_user(&double, "bob");
    let unknown = format!("{}@contoso.test", unique("nobody"));
    let env = portal(&double, |c| {
        c.policy.enabled_for = rekey::config::EnabledFor::Groups;
        c.policy.groups = vec![staff.clone()];
    })
    .await;
    let mut pages = vec![];
    for who in [&inside.upn, &outside.upn, &unknown] {
        let mut b = env.browser();
        let after_username = b.start("reset", who).await;
        let after_send = b.request_email_code("reset").await;
        let wrong = b.submit_code("reset", "email", "000000").await;
        pages.push((
            after_username.status,
            after_username.normalised(),
            after_send.normalised(),
            wrong.status,
            wrong.normalised(),
        ));
    }
    assert_eq!(pages[0], pages[1], "in scope and out of scope look the same");
    assert_eq!(pages[1], pages[2], "out of scope and unknown look the same");
    assert!(double.graph_requests().iter().any(|r| r.ends_with("/checkMemberGroups")), "scope came from Graph");
}

#[tokio::test]
async fn graph_a_synced_user_is_reset_in_the_on_premises_directory_and_graph_is_not_asked_to() {
    let (double, _) = double_with_user().await;
    let slapd = crate::support::slapd::Slapd::shared().await;
    let person = slapd.create_user("hybrid").await;
    remember_secret(&person.password);
    // Entra's copy of the account, synced from AD: same login (mail here, as UPN).
    let mut synced = cloud_user(&double, "hybrid");
    synced.upn = person.mail.clone();
    synced.synced = true;
    double.add_user(synced);
    let ldap: Arc<dyn Directory> =
        Arc::new(rekey::directory::ldap::LdapDirectory::new(&slapd.directory_config()).unwrap());
    let dir = GraphDirectory::new(&double.config(), vec![], Some(ldap)).unwrap();

    let found = dir.find_user(&login(&person.mail)).await.unwrap().expect("found on-premises");
    assert_eq!(found.dn, person.dn);
    let new = new_password();
    dir.reset_password(&found, &new, false).await.unwrap();
    use secrecy::ExposeSecret;
    assert!(slapd.bind(&person.dn, new.expose_secret()).await, "the new password works on-premises");
    assert!(double.patches().is_empty() && double.revokes().is_empty());
    assert!(double.graph_requests().iter().all(|r| r == "GET /users"), "{:?}", double.graph_requests());
}

#[tokio::test]
async fn graph_the_unlock_page_says_no_unlock_is_possible_and_offers_a_reset() {
    let (double, user) = double_with_user().await;
    let env = portal(&double, |_| {}).await;
    let mut b = env.browser();
    b.start("unlock", &user.upn).await.assert_status(200);
    b.request_email_code("unlock").await.assert_status(200);
    let code = env.smtp.last_code_for(&user.mail).await;
    remember_secret(&code);
    b.submit_code("unlock", "email", &code).await.assert_status(200);
    let page = b.post("/unlock/finish", &[]).await;
    page.assert_status(409);
    assert!(page.contains("cannot be unlocked here") && !page.contains("unlocks"), "{}", page.body);
    assert!(page.contains("href=\"/reset\""), "{}", page.body);
}

#[tokio::test]
async fn graph_double_refuses_a_misspelled_password_profile_property() {
    let (double, user) = double_with_user().await;
    let http = reqwest::Client::new();
    let token: serde_json::Value = http
        .post(format!("{}/{}/oauth2/v2.0/token", double.url, double.tenant_id))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", double.client_id.as_str()),
            ("client_secret", APP_SECRET),
            ("scope", &format!("{}/.default", double.url)),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = token["access_token"].as_str().unwrap();
    let new = new_password();
    use secrecy::ExposeSecret;
    // Azure AD Graph's old name; Microsoft Graph v1.0 calls it forceChangePasswordNextSignIn.
    let res = http
        .patch(format!("{}/v1.0/users/{}", double.url, user.id))
        .bearer_auth(token)
        .json(&json!({"passwordProfile": {"password": new.expose_secret(), "forceChangePasswordNextLogin": false}}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "Request_BadRequest");
    assert!(body["error"]["innerError"]["request-id"].is_string());
    assert!(double.patches().is_empty());
}

#[tokio::test]
async fn graph_a_change_uses_the_persons_delegated_token() {
    let (double, user) = double_with_user().await;
    let dir = directory(&double.config());
    let token = SecretString::from(double.delegated_token(&user.id));
    let old = SecretString::from(user.password.clone());

    let wrong = SecretString::from(format!("{}x", user.password));
    let err = dir.change_with_token(&token, &wrong, &new_password()).await.unwrap_err();
    assert!(matches!(err, DirError::WrongPassword), "{err:?}");
    let weak = SecretString::from("weak".to_owned());
    let err = dir.change_with_token(&token, &old, &weak).await.unwrap_err();
    assert!(matches!(err, DirError::PolicyViolation(_)), "{err:?}");

    let new = new_password();
    dir.change_with_token(&token, &old, &new).await.unwrap();
    use secrecy::ExposeSecret;
    assert_eq!(double.password_of(&user.id), new.expose_secret());
    assert_eq!(double.changes(), vec![user.id.clone()]);
    assert_eq!(double.token_requests(), 0, "the app's own token is not used for a change");
}

/// The `/oidc/finish?…` address the "Signing you in" page moves on to.
pub(crate) fn continue_link(page: &crate::support::env::Page) -> String {
    assert!(page.contains("Signing you in"), "{}", page.body);
    let start = page.body.find("href=\"/oidc/finish?").expect("a continue link") + "href=\"".len();
    let end = start + page.body[start..].find('"').unwrap();
    page.body[start..end].replace("&amp;", "&").replace("&#38;", "&")
}

#[tokio::test]
async fn graph_oidc_sign_in_then_change_with_the_delegated_token() {
    let (double, user) = double_with_user().await;
    let env = portal(&double, |_| {}).await;
    double.sign_in_as(&user.id);
    let mut b = env.browser();
    let signing_in = b.get("/change").await;
    signing_in.assert_status(200);
    let form = b.get(&continue_link(&signing_in)).await;
    form.assert_status(200);
    assert!(form.contains(&format!("Signed in as {}", user.upn)), "{}", form.body);

    let new = format!("Changed-{}-Pw3!", unique(""));
    remember_secret(&new);
    let wrong = b.post("/oidc/change", &[("current", "not-it"), ("new", &new), ("confirm", &new)]).await;
    wrong.assert_status(422);
    let done = b.post("/oidc/change", &[("current", &user.password), ("new", &new), ("confirm", &new)]).await;
    done.assert_status(200);
    assert_eq!(double.password_of(&user.id), new);
    assert_eq!(double.changes(), vec![user.id.clone()]);
    assert!(double.patches().is_empty(), "a change is not an admin reset");
}

#[tokio::test]
async fn graph_oidc_a_wrong_state_is_refused() {
    let (double, user) = double_with_user().await;
    let env = portal(&double, |_| {}).await;
    double.sign_in_as(&user.id);
    let mut b = env.browser();
    let link = continue_link(&b.get("/oidc/start").await);
    let forged = link.replace("state=", "state=x");
    let page = b.get(&forged).await;
    page.assert_status(410);
    assert_eq!(double.token_requests(), 0, "the code is not even redeemed");
    let again = b.get("/oidc/change").await;
    assert!(!again.contains("Signed in as"), "no sign-in came of it: {}", again.body);
}

#[tokio::test]
async fn graph_oidc_a_wrong_nonce_is_refused() {
    let (double, user) = double_with_user().await;
    let env = portal(&double, |_| {}).await;
    double.sign_in_as(&user.id);
    double.tamper_next_nonce();
    let mut b = env.browser();
    let link = continue_link(&b.get("/oidc/start").await);
    let page = b.get(&link).await;
    page.assert_status(410);
    assert_eq!(double.token_requests(), 1, "the code was redeemed; the ID token was what failed");
    let again = b.get("/oidc/change").await;
    assert!(!again.contains("Signed in as"), "no sign-in came of it: {}", again.body);
}

#[tokio::test]
async fn graph_oidc_sign_in_opens_registration_for_people_in_scope_only() {
    let (double, inside) = double_with_user().await;
    let staff = uuid::Uuid::new_v4().to_string();
    let mut inside = inside;
    inside.groups = vec![staff.clone()];
    double.add_user(inside.clone());
    let outside = cloud_user(&double, "erin");
    let env = portal(&double, |c| {
        c.policy.enabled_for = rekey::config::EnabledFor::Groups;
        c.policy.groups = vec![staff.clone()];
    })
    .await;

    double.sign_in_as(&inside.id);
    let mut b = env.browser();
    let link = continue_link(&b.get("/register").await);
    let methods = b.get(&link).await;
    methods.assert_status(200);
    assert!(methods.contains("recovery methods"), "{}", methods.body);

    double.sign_in_as(&outside.id);
    let mut other = env.browser();
    let link = continue_link(&other.get("/register").await);
    let refused = other.get(&link).await;
    refused.assert_status(403);
    assert!(refused.contains("Self-service is not enabled for your account"), "{}", refused.body);
}

#[tokio::test]
async fn graph_logins_match_mail_when_configured_and_sign_ins_match_the_object_id() {
    let (double, _) = double_with_user().await;
    let mut user = cloud_user(&double, "frank");
    user.mail = format!("{}@mail.contoso.test", unique("f"));
    double.add_user(user.clone());
    let config = GraphConfig { login_attribute: rekey::config::GraphLogin::Mail, ..double.config() };
    let dir = directory(&config);
    assert_eq!(dir.find_user(&login(&user.mail)).await.unwrap().unwrap().id.as_str(), user.id);
    assert!(dir.find_user(&login(&user.upn)).await.unwrap().is_none(), "a UPN is not a mail address");
    assert_eq!(dir.find_signed_in(&user.id).await.unwrap().unwrap().id.as_str(), user.id);
}

/// A synced account on a Graph portal whose AD sits behind writeback agents: the reset goes
/// through a real `rekey agent` to the Samba DC, and Graph is never asked to change anything.
#[tokio::test]
async fn graph_a_synced_user_is_reset_through_the_writeback_agent() {
    let (double, _) = double_with_user().await;
    let dc = crate::support::samba::SambaDc::shared().await;
    let person = dc.create_user("hybridagent").await;
    let mut synced = cloud_user(&double, "hybridagent");
    synced.upn = format!("{}@corp.test", person.uid);
    synced.synced = true;
    double.add_user(synced.clone());
    let mut graph = double.config();
    graph.on_premises = rekey::config::OnPremises::Agent;
    let directory = DirectoryConfig {
        kind: DirectoryKind::Graph,
        graph: Some(graph),
        agent: crate::support::agent::SambaViaAgent::portal_directory().agent,
        ..DirectoryConfig::default()
    };
    let mut env = TestEnv::build(directory, crate::support::postgres::fresh_sqlite_url(), |c| {
        c.email.use_directory_mail = true;
    })
    .await;
    let agent = crate::support::agent::AgentProcess::start(
        &env.server.services,
        &env.server.url(),
        &dc.directory_config(),
        "hybrid-dc",
    )
    .await;
    env.agents.push(agent);

    let services = &env.server.services;
    let found = services.directory.find_user(&login(&synced.upn)).await.unwrap().expect("found on-premises");
    assert_eq!(found.dn.to_lowercase(), person.dn.to_lowercase());
    let new = new_password();
    services.directory.reset_password(&found, &new, false).await.unwrap();
    use secrecy::ExposeSecret;
    assert!(dc.bind(&person.dn, new.expose_secret()).await, "the new password works in AD");
    assert!(double.patches().is_empty() && double.revokes().is_empty());
    let done: i64 = services.db.list_agents().await.unwrap().iter().map(|a| a.jobs_done).sum();
    assert!(done >= 2, "the look-up and the reset went through the agent ({done})");
}

/// Two replicas behind one public URL on one PostgreSQL: a sign-in started on one finishes on
/// the other, and the change goes through there. Nothing of the sign-in lives in a process.
#[tokio::test]
async fn graph_oidc_a_sign_in_started_on_one_replica_finishes_on_another() {
    let (double, user) = double_with_user().await;
    let db_url = crate::support::postgres::fresh_database().await;
    let key: [u8; 32] = rand::random();
    let master = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, key);
    let directory =
        || DirectoryConfig { kind: DirectoryKind::Graph, graph: Some(double.config()), ..DirectoryConfig::default() };
    let m = master.clone();
    let a = TestEnv::build(directory(), db_url.clone(), move |c| c.secrets.master_key = Some(m.into())).await;
    let public = a.config.server.public_url.clone();
    let p = public.clone();
    let b_env = TestEnv::build(directory(), db_url, move |c| {
        c.secrets.master_key = Some(master.into());
        c.server.public_url = p;
    })
    .await;
    double.sign_in_as(&user.id);

    let mut browser = a.browser();
    let signing_in = browser.get("/change").await;
    signing_in.assert_status(200);
    // The load balancer sends the rest to the other replica.
    browser.switch_to(&b_env.server.url());
    browser.origin = Some(public);
    let form = browser.get(&continue_link(&signing_in)).await;
    form.assert_status(200);
    assert!(form.contains(&format!("Signed in as {}", user.upn)), "{}", form.body);
    let new = format!("Replica-{}-Pw3!", unique(""));
    remember_secret(&new);
    let done = browser.post("/oidc/change", &[("current", &user.password), ("new", &new), ("confirm", &new)]).await;
    done.assert_status(200);
    assert_eq!(double.password_of(&user.id), new);
}

/// `count` more cloud accounts without a password, straight into the double.
fn bulk_users(double: &GraphDouble, count: usize, groups: impl Fn(usize) -> Vec<String>) -> Vec<GraphUser> {
    (0..count)
        .map(|n| {
            let name = unique("bulk");
            let user = GraphUser {
                id: uuid::Uuid::new_v4().to_string(),
                upn: format!("{name}@contoso.test"),
                mail: format!("{name}@contoso.test"),
                display_name: format!("Bulk {n}"),
                enabled: n % 7 != 0,
                synced: false,
                on_premises_dn: None,
                password: String::new(),
                groups: groups(n),
            };
            double.add_user(user.clone());
            user
        })
        .collect()
}

fn requests_to(double: &GraphDouble, request: &str) -> usize {
    double.graph_requests().iter().filter(|r| *r == request).count()
}

#[tokio::test]
async fn graph_listing_follows_next_links_and_reads_each_policy_group_once() {
    let (double, alice) = double_with_user().await;
    let (staff, admins) = (uuid::Uuid::new_v4().to_string(), uuid::Uuid::new_v4().to_string());
    // Everyone in staff (two pages of members), every hundredth in admins too.
    let bulk =
        bulk_users(
            &double,
            1200,
            |n| {
                if n % 100 == 0 { vec![staff.clone(), admins.clone()] } else { vec![staff.clone()] }
            },
        );
    let dir = GraphDirectory::new(&double.config(), vec![staff.clone(), admins.clone()], None).unwrap();

    let listed = dir.list_users(10_000).await.unwrap();
    assert_eq!(listed.len(), 1201);
    assert_eq!(requests_to(&double, "GET /users"), 2, "999 and 202 accounts: one next link followed");
    assert_eq!(requests_to(&double, &format!("GET /groups/{staff}/transitiveMembers")), 2);
    assert_eq!(requests_to(&double, &format!("GET /groups/{admins}/transitiveMembers")), 1);
    assert!(!double.graph_requests().iter().any(|r| r.ends_with("/checkMemberGroups")), "no call per account");
    let by_id = |id: &str| listed.iter().find(|u| u.id.as_str() == id).unwrap_or_else(|| panic!("{id} not listed"));
    assert_eq!(by_id(&bulk[100].id).groups, vec![staff.clone(), admins.clone()]);
    assert_eq!(by_id(&bulk[1].id).groups, vec![staff.clone()]);
    assert!(by_id(&alice.id).groups.is_empty());
    for user in [&alice, &bulk[0], &bulk[1], &bulk[100]] {
        let found = dir.find_user(&login(&user.upn)).await.unwrap().expect("found");
        assert_eq!(comparable(by_id(&user.id)), comparable(&found), "{}", user.upn);
    }

    let before = requests_to(&double, "GET /users");
    assert_eq!(dir.list_users(5).await.unwrap().len(), 5);
    assert_eq!(requests_to(&double, "GET /users"), before + 1, "the limit stops the paging");
}

#[tokio::test]
async fn graph_listing_gives_synced_accounts_as_the_on_premises_directory_describes_them() {
    let (double, alice) = double_with_user().await;
    let slapd = crate::support::slapd::Slapd::shared().await;
    let linked = slapd.create_user("hybridlist").await;
    slapd.add_to_group(&linked, "staff").await;
    let unlinked = slapd.create_user("hybridlookup").await;
    for (person, dn) in [(&linked, Some(linked.dn.replace("ou=people", "OU=People"))), (&unlinked, None)] {
        let mut synced = cloud_user(&double, "hybrid");
        synced.upn = person.mail.clone();
        synced.synced = true;
        synced.on_premises_dn = dn;
        double.add_user(synced);
    }
    let ldap: Arc<dyn Directory> =
        Arc::new(rekey::directory::ldap::LdapDirectory::new(&slapd.directory_config()).unwrap());
    let dir = GraphDirectory::new(&double.config(), vec![], Some(ldap)).unwrap();

    let listed = dir.list_users(100_000).await.unwrap();
    assert_eq!(listed.len(), 3, "{listed:?}");
    for person in [&linked, &unlinked] {
        let found = dir.find_user(&login(&person.mail)).await.unwrap().expect("found on-premises");
        assert_eq!(found.dn, person.dn);
        let entry = listed.iter().find(|u| u.dn == person.dn).expect("listed with its on-premises entry");
        assert_eq!(comparable(entry), comparable(&found));
    }
    assert!(listed.iter().any(|u| u.id.as_str() == alice.id && u.dn.starts_with("graph:")));
}

#[tokio::test]
async fn graph_double_refuses_a_page_over_999_a_repeated_option_and_a_made_up_skiptoken() {
    let (double, _) = double_with_user().await;
    let http = reqwest::Client::new();
    let token: serde_json::Value = http
        .post(format!("{}/{}/oauth2/v2.0/token", double.url, double.tenant_id))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", double.client_id.as_str()),
            ("client_secret", APP_SECRET),
            ("scope", &format!("{}/.default", double.url)),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = token["access_token"].as_str().unwrap();
    let get = |query: &'static str| http.get(format!("{}/v1.0/users?{query}", double.url)).bearer_auth(token).send();
    let res = get("$select=id&$top=1000").await.unwrap();
    assert_eq!(res.status(), 400);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "Request_UnsupportedQuery");
    assert_eq!(get("$select=id&$select=mail").await.unwrap().status(), 400);
    assert_eq!(get("$top=1&$skiptoken=made-up").await.unwrap().status(), 400);
    assert_eq!(get("$top=999").await.unwrap().status(), 200);
}
