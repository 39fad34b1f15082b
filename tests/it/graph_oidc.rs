//! OpenID Connect sign-in against the identity-platform double, made as strict as Entra: key
//! rotation, a verified domain as the tenant, the person named by their object id, and the
//! least privileged delegated permission.

use rekey::config::GraphConfig;
use rekey::directory::graph::GraphDirectory;

use crate::graph::{cloud_user, continue_link, double_with_user, portal};
use crate::support::env::TestEnv;
use crate::support::graph::{GraphDouble, GraphUser};
use crate::support::{remember_secret, unique};

/// Signs `user` in through the portal and returns the change form's page status and body.
async fn sign_in(env: &TestEnv, double: &GraphDouble, user: &GraphUser) -> (crate::support::env::Browser, u16, String) {
    double.sign_in_as(&user.id);
    let mut b = env.browser();
    let signing_in = b.get("/change").await;
    signing_in.assert_status(200);
    let form = b.get(&continue_link(&signing_in)).await;
    let (status, body) = (form.status, form.body.clone());
    (b, status, body)
}

async fn change(b: &mut crate::support::env::Browser, current: &str) -> (u16, String) {
    let new = format!("Changed-{}-Pw3!", unique(""));
    remember_secret(&new);
    let done = b.post("/oidc/change", &[("current", current), ("new", &new), ("confirm", &new)]).await;
    (done.status, done.body.clone())
}

#[tokio::test]
async fn graph_oidc_sign_in_works_after_entra_rotates_its_keys_and_refetches_are_bounded() {
    let (double, user) = double_with_user().await;
    let env = portal(&double, |_| {}).await;
    let (_, status, body) = sign_in(&env, &double, &user).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(double.jwks_fetches(), 1);

    double.rotate_keys();
    let (mut b, status, body) = sign_in(&env, &double, &user).await;
    assert_eq!(status, 200, "the new key is fetched on its first unknown kid: {body}");
    assert!(body.contains(&format!("Signed in as {}", user.upn)), "{body}");
    assert_eq!(double.jwks_fetches(), 2, "one refetch for the new kid");
    let (status, body) = change(&mut b, &user.password).await;
    assert_eq!(status, 200, "{body}");

    // A second unknown kid right away does not send every sign-in to the key endpoint.
    double.rotate_keys();
    let (_, status, _) = sign_in(&env, &double, &user).await;
    assert_eq!(status, 410, "within the refetch interval an unknown kid is refused");
    assert_eq!(double.jwks_fetches(), 2, "no refetch within the interval");
}

#[tokio::test]
async fn graph_oidc_a_verified_domain_as_tenant_id_signs_in_against_the_tenants_guid_issuer() {
    let (double, user) = double_with_user().await;
    let domain = double.domain.clone();
    let env = portal(&double, |c| {
        if let Some(g) = c.directory.graph.as_mut() {
            g.tenant_id = domain;
        }
    })
    .await;
    let (mut b, status, body) = sign_in(&env, &double, &user).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(&format!("Signed in as {}", user.upn)), "{body}");
    let (status, body) = change(&mut b, &user.password).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(double.changes(), vec![user.id.clone()]);
}

#[tokio::test]
async fn graph_oidc_a_changed_upn_with_the_same_object_id_still_changes_the_password() {
    let (double, user) = double_with_user().await;
    let env = portal(&double, |_| {}).await;
    let (mut b, status, body) = sign_in(&env, &double, &user).await;
    assert_eq!(status, 200, "{body}");
    // The admin renames the account while the person is on the form.
    double.rename(&user.id, &format!("{}@renamed.contoso.test", unique("r")));
    let (status, body) = change(&mut b, &user.password).await;
    assert_eq!(status, 200, "the person is the same object: {body}");
    assert_eq!(double.changes(), vec![user.id.clone()]);
}

#[tokio::test]
async fn graph_oidc_a_mail_login_whose_mail_differs_from_the_upn_changes_the_password() {
    let (double, _) = double_with_user().await;
    let mut user = cloud_user(&double, "mabel");
    user.mail = format!("{}@mail.contoso.test", unique("m"));
    double.add_user(user.clone());
    let env = portal(&double, |c| {
        if let Some(g) = c.directory.graph.as_mut() {
            g.login_attribute = rekey::config::GraphLogin::Mail;
        }
    })
    .await;
    let (mut b, status, body) = sign_in(&env, &double, &user).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = change(&mut b, &user.password).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(double.changes(), vec![user.id.clone()]);
}

#[tokio::test]
async fn graph_oidc_asks_only_for_the_least_privileged_delegated_permission() {
    let (double, _) = double_with_user().await;
    let config: GraphConfig = double.config();
    let dir = GraphDirectory::new(&config, vec![], None).unwrap();
    let (url, _, _) = dir.sign_in_start("http://127.0.0.1:1/oidc/callback").await.unwrap();
    let url = url::Url::parse(&url).unwrap();
    let scope = url.query_pairs().find(|(k, _)| k == "scope").map(|(_, v)| v.into_owned()).unwrap();
    let mut scopes: Vec<&str> = scope.split(' ').collect();
    scopes.sort_unstable();
    let wanted = format!("{}/User-PasswordProfile.ReadWrite.All", double.url);
    let mut expected = vec!["openid", "profile", wanted.as_str()];
    expected.sort_unstable();
    assert_eq!(scopes, expected);
}

/// Graph cannot check a password: an Entra admin enters `/admin` through OpenID Connect and
/// then a registered authenticator app; a cloud account in no admin group is refused.
#[tokio::test]
async fn graph_oidc_an_entra_admin_enters_the_admin_area_by_openid_connect_and_a_registered_app() {
    let (double, admin, other, env) = crate::graph::admin_portal(|_| {}).await;

    let (_, page) = crate::graph::enter_staff_area(&double, &env, &admin.id, "/admin").await;
    assert!(page.contains("Status"), "{}", page.body);

    double.sign_in_as(&other.id);
    let mut b = env.browser();
    let link = continue_link(&b.get("/oidc/start?next=admin").await);
    b.get(&link).await.assert_status(403);
}
