//! Bodies of the change and registration flows and of scope, run on every directory by
//! `flows::on_every_directory!`.

use super::*;

pub(super) async fn change_refuses_a_password_from_history(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |_| {}).await;
    let erin = dir.create_user("erin").await;
    let second = new_password();
    let mut b = env.browser();
    b.get("/change").await.assert_status(200);
    let page = b
        .post(
            "/change",
            &[("username", &erin.uid), ("current", &erin.password), ("new", &second), ("confirm", &second)],
        )
        .await;
    page.assert_status(200);
    assert!(page.contains("Your password has been changed"), "{}", page.body);
    assert!(dir.bind(&erin.dn, &second).await);

    // Back to the first password: it is in the history.
    let page = b
        .post(
            "/change",
            &[("username", &erin.uid), ("current", &second), ("new", &erin.password), ("confirm", &erin.password)],
        )
        .await;
    page.assert_status(422);
    assert!(page.contains("You have used this password recently"), "{}", page.body);
    assert!(dir.bind(&erin.dn, &second).await, "the current password still works");
}

pub(super) async fn change_refuses_a_wrong_current_password(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |_| {}).await;
    let frank = dir.create_user("frank").await;
    let new = new_password();
    let mut b = env.browser();
    b.get("/change").await;
    let page = b
        .post("/change", &[("username", &frank.uid), ("current", "Not-his-passw0rd"), ("new", &new), ("confirm", &new)])
        .await;
    page.assert_status(422);
    assert!(page.contains("could not sign you in"), "{}", page.body);
    assert!(dir.bind(&frank.dn, &frank.password).await);
    assert!(!dir.bind(&frank.dn, &new).await);
}

pub(super) async fn change_refuses_a_too_short_password_with_its_reason(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |_| {}).await;
    let gina = dir.create_user("gina").await;
    let mut b = env.browser();
    b.get("/change").await;
    let page = b
        .post(
            "/change",
            &[("username", &gina.uid), ("current", &gina.password), ("new", "Sh0rt!"), ("confirm", "Sh0rt!")],
        )
        .await;
    page.assert_status(422);
    assert!(page.contains("too short"), "{}", page.body);
    assert!(dir.bind(&gina.dn, &gina.password).await);
}

pub(super) async fn a_person_without_methods_lands_on_registration_and_must_register(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |_| {}).await;
    let jo = dir.create_user("jo").await;
    let mut b = env.browser();
    let page = b.sign_in_to_register(&jo).await;
    page.assert_status(200);
    assert!(page.url.ends_with("/register/methods"), "{}", page.url);
    assert!(page.contains("Register 1 more method to continue"), "{}", page.body);
    assert!(!page.contains("Finish and sign out"), "no way to skip registration");
    let refused = b.post("/register/done", &[]).await;
    refused.assert_status(422);
}

pub(super) async fn a_method_is_saved_only_after_its_code_is_confirmed(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |_| {}).await;
    let kim = dir.create_user("kim").await;
    let address = format!("{}@home.example.test", kim.uid);
    let mut b = env.browser();
    b.sign_in_to_register(&kim).await;
    let page = b.post("/register/email", &[("address", &address)]).await;
    assert!(page.contains("Check your email"), "{}", page.body);
    let db = &env.server.services.db;
    let user_id = env
        .server
        .services
        .directory
        .find_user(&rekey::directory::Login::parse(&kim.uid).unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    assert!(db.list_methods(user_id.as_str()).await.unwrap().is_empty(), "nothing stored before confirmation");

    let page = b.post("/register/confirm", &[("code", "000000")]).await;
    page.assert_status(422);
    assert!(db.list_methods(user_id.as_str()).await.unwrap().is_empty(), "a wrong code stores nothing");

    let code = env.smtp.last_code_for(&address).await;
    let page = b.post("/register/confirm", &[("code", &code)]).await;
    assert!(page.contains("Your new method is registered"), "{}", page.body);
    assert!(page.contains("Finish and sign out"));
    let methods = db.list_methods(user_id.as_str()).await.unwrap();
    assert_eq!(methods.len(), 1);
    assert_eq!(methods[0].kind, "email");
    assert!(!String::from_utf8_lossy(&methods[0].sealed).contains(&address), "the address is encrypted at rest");
}

pub(super) async fn out_of_scope_unknown_and_in_scope_people_see_identical_pages(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |c| {
        c.policy.enabled_for = rekey::config::EnabledFor::Groups;
        c.policy.groups = vec!["staff".into()];
    })
    .await;
    let inside = dir.create_user("in").await;
    dir.add_to_group(&inside, "staff").await;
    env.register_email(&inside).await;
    let outside = dir.create_user("out").await;
    let unknown = crate::support::unique("nobody");

    let mut pages = vec![];
    for who in [&inside.uid, &outside.uid, &unknown] {
        let mut b = env.browser();
        let form = b.get(&format!("/reset?username={who}")).await;
        let after_username = b.post("/reset", &[("username", who)]).await;
        let after_send = b.request_email_code("reset").await;
        let wrong = b.submit_code("reset", "email", "000000").await;
        pages.push((
            form.status,
            after_username.status,
            after_username.normalised(),
            after_send.normalised(),
            wrong.status,
            wrong.normalised(),
            form.normalised().replace(who.as_str(), "USER"),
        ));
    }
    assert_eq!(pages[0], pages[1], "in scope and out of scope look the same");
    assert_eq!(pages[0], pages[2], "in scope and unknown look the same");
}

pub(super) async fn a_filter_injection_username_finds_nobody(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |_| {}).await;
    let mut b = env.browser();
    let page = b.start("reset", "*)(uid=*").await;
    page.assert_status(200);
    let mut other = env.browser();
    let unknown = other.start("reset", &crate::support::unique("nobody")).await;
    assert_eq!(page.normalised(), unknown.normalised());
    let mut c = env.browser();
    c.get("/register").await;
    let page = c.post("/register", &[("username", "*"), ("password", "*")]).await;
    page.assert_status(422);
    assert!(page.contains("could not sign you in"));
}

// Samba only: the OpenLDAP test directory has no nested groups.
pub(super) async fn a_member_of_a_nested_group_is_in_scope(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |c| {
        c.policy.enabled_for = rekey::config::EnabledFor::Groups;
        c.policy.groups = vec!["staff".into()];
    })
    .await;
    let nested = dir.create_user("nest").await;
    dir.add_to_group(&nested, "staff-nested").await;
    let outside = dir.create_user("outs").await;
    dir.add_to_group(&outside, "contractors").await;
    for (user, in_scope) in [(&nested, true), (&outside, false)] {
        let mut b = env.browser();
        let page = b.sign_in_to_register(user).await;
        assert_eq!(page.url.ends_with("/register/methods"), in_scope, "{}: {}", user.uid, page.body);
        if !in_scope {
            assert!(page.contains("Self-service is not enabled for your account"), "{}", page.body);
        }
    }
}
