//! The admin area for an Entra ID admin in a real browser (tests/browser/admin_oidc.mjs): sign-in
//! through OpenID Connect at the identity provider double, then a registered authenticator app;
//! a cloud account in no admin group gets no admin area.

use std::sync::Arc;

use rekey::i18n::Lang;
use serde_json::json;

use crate::graph::{admin_portal, continue_link};
use crate::support::browser::{Control, Js, run_node};

#[tokio::test]
async fn an_entra_admin_signs_in_to_the_admin_area_through_openid_connect_in_the_browser() {
    admin_by_openid_connect(Js::On).await;
}

/// The "Signing you in" page moves on with a meta refresh, which needs no script.
#[tokio::test]
async fn an_entra_admin_signs_in_to_the_admin_area_through_openid_connect_without_javascript() {
    admin_by_openid_connect(Js::Off).await;
}

async fn admin_by_openid_connect(js: Js) {
    let (double, admin, outsider, env) = admin_portal(|c| {
        // The portal by name and the identity provider by address: the redirect back from the
        // IdP is a cross-site navigation, as it is from login.microsoftonline.com.
        let port = c.server.listen.rsplit(':').next().unwrap().to_owned();
        c.server.public_url = format!("http://localhost:{port}");
    })
    .await;
    let env = Arc::new(env);

    // The admin registers an authenticator app (signed in through OpenID Connect too).
    double.sign_in_as(&admin.id);
    let mut b = env.browser();
    // Forms say where they come from: the portal's name.
    b.origin = Some(env.config.server.public_url.clone());
    let link = continue_link(&b.get("/register").await);
    b.get(&link).await.assert_status(200);
    let page = b.post("/register/totp", &[]).await;
    page.assert_status(200);
    let seed = crate::support::env::totp_secret_from(&page.body);
    let page = b.post("/register/confirm", &[("code", &env.totp_code(&seed))]).await;
    assert!(page.contains("Your new method is registered"), "{}", page.body);
    // The code that confirmed the app is spent: the browser gets the next step's.
    env.clock.advance(60);

    let control = Control::start(env.clone()).await;
    control.add_totp(&admin.upn, seed);
    for (who, id) in [(&admin.upn, admin.id.clone()), (&outsider.upn, outsider.id.clone())] {
        let double = double.clone();
        control.add_idp_account(who, move || double.sign_in_as(&id));
    }
    let users = json!({
        "admin": { "username": admin.upn },
        "outsider": { "username": outsider.upn },
    });
    run_node("admin_oidc.mjs", js, Lang::En, &env, &control, users).await;

    let audit = env.server.services.db.audit_search(&Default::default(), 200, 0).await.unwrap();
    let sign_ins: Vec<(&str, Option<&str>)> = audit
        .iter()
        .map(|found| &found.event)
        .filter(|e| e.event == "admin_sign_in")
        .map(|e| (e.outcome.as_str(), e.reason.as_deref()))
        .collect();
    assert!(sign_ins.contains(&("success", None)), "the admin's sign-in is audited: {sign_ins:?}");
    assert!(sign_ins.contains(&("failure", Some("not_admin"))), "the outsider's refusal is audited: {sign_ins:?}");
}
