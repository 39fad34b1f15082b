//! The Microsoft Graph directory against the Graph double: tokens by secret and certificate,
//! resets, throttling, token refresh and scope here, with the helpers the other Graph tests
//! use; the flows through the portal (portal.rs), changes with the person's delegated token and
//! OpenID Connect sign-ins (delegated.rs), and listings that follow next links (listing.rs).

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

mod delegated;
mod listing;
mod portal;

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

pub(crate) fn directory(config: &GraphConfig) -> GraphDirectory {
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

/// A browser at the password step of a reset for `user`, proven with the code sent to the
/// directory's mail.
pub(crate) async fn proven_by_mail(env: &TestEnv, user: &GraphUser) -> crate::support::env::Browser {
    let mut b = env.browser();
    let code = env.reset_code_by_email(&mut b, &user.upn, &user.mail).await;
    remember_secret(&code);
    b.submit_code("reset", "email", &code).await.assert_status(200);
    b
}

/// A whole reset through the portal with the directory's mail as the method; returns the done
/// page and the new password.
pub(crate) async fn reset_through_portal(env: &TestEnv, user: &GraphUser) -> (crate::support::env::Page, String) {
    let mut b = proven_by_mail(env, user).await;
    let new = format!("Portal-{}-Pw9!", unique(""));
    remember_secret(&new);
    let done = b.set_password(&new).await;
    done.assert_status(200);
    (done, new)
}

/// A double whose one user is an admin (in a new admin group), a cloud account in no group,
/// and a portal with admins in that group, self-service for that group only (so the group is
/// asked about either way) and no cooling-off for new methods (the admin signs in minutes
/// after registering; the cooling-off is tested in holes.rs). `tweak` adjusts the rest.
pub(crate) async fn admin_portal(
    tweak: impl FnOnce(&mut rekey::config::Config),
) -> (Arc<GraphDouble>, GraphUser, GraphUser, TestEnv) {
    let (double, user) = double_with_user().await;
    let admins = uuid::Uuid::new_v4().to_string();
    let mut admin = user;
    admin.groups = vec![admins.clone()];
    double.add_user(admin.clone());
    let outsider = cloud_user(&double, "olga");
    let env = portal(&double, move |c| {
        c.admin.groups = vec![admins.clone()];
        c.policy.enabled_for = rekey::config::EnabledFor::Groups;
        c.policy.groups = vec![admins];
        c.policy.new_method_cooling_off_hours = 0;
        tweak(c);
    })
    .await;
    (double, admin, outsider, env)
}

/// The `/oidc/finish?…` address the "Signing you in" page moves on to.
pub(crate) fn continue_link(page: &crate::support::env::Page) -> String {
    assert!(page.contains("Signing you in"), "{}", page.body);
    let start = page.body.find("href=\"/oidc/finish?").expect("a continue link") + "href=\"".len();
    let end = start + page.body[start..].find('"').unwrap();
    page.body[start..end].replace("&amp;", "&").replace("&#38;", "&")
}

/// A cloud account registers an authenticator app, then enters the staff area at `base`
/// (`/admin` or `/helpdesk`) through OpenID Connect and that app, as Graph cannot check a
/// password; returns the browser, signed in, and the area's first page.
pub(crate) async fn enter_staff_area(
    double: &GraphDouble,
    env: &TestEnv,
    id: &str,
    base: &str,
) -> (crate::support::env::Browser, crate::support::env::Page) {
    double.sign_in_as(id);
    let mut b = env.browser();
    let link = continue_link(&b.get("/register").await);
    b.get(&link).await.assert_status(200);
    let page = b.post("/register/totp", &[]).await;
    page.assert_status(200);
    let secret = crate::support::env::totp_secret_from(&page.body);
    let page = b.post("/register/confirm", &[("code", &env.totp_code(&secret))]).await;
    assert!(page.contains("Your new method is registered"), "{}", page.body);
    env.clock.advance(60);

    let mut b = env.browser();
    let next = base.trim_start_matches('/');
    let form = b.get(&format!("{base}/sign-in")).await;
    assert!(form.contains(&format!("/oidc/start?next={next}")), "{}", form.body);
    let link = continue_link(&b.get(&format!("/oidc/start?next={next}")).await);
    let page = b.get(&link).await;
    page.assert_status(200);
    assert!(page.url.ends_with(&format!("{base}/verify")), "{} {}", page.url, page.body);
    let page = b.post(&format!("{base}/verify/totp"), &[("code", &env.totp_code(&secret))]).await;
    page.assert_status(200);
    assert!(page.url.ends_with(base), "{} {}", page.url, page.body);
    (b, page)
}

/// Checks that the double refused a request as Graph does a malformed one (400,
/// `Request_BadRequest`) and returns the error body.
pub(crate) async fn bad_request(res: reqwest::Response) -> serde_json::Value {
    assert_eq!(res.status(), 400);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "Request_BadRequest");
    body
}

/// An app-only access token from the double's token endpoint, by the app's secret.
pub(crate) async fn app_token(double: &GraphDouble) -> String {
    let token: serde_json::Value = reqwest::Client::new()
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
    token["access_token"].as_str().unwrap().to_owned()
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
