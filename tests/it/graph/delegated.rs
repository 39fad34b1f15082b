//! Changes with the person's delegated token, and OpenID Connect sign-ins on the Graph double.

use super::*;

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
