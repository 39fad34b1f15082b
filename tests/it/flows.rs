//! The four flows end to end: browser → portal → real slapd with ppolicy, real SMTP.

use crate::support::directory::TestDirectory;
use crate::support::env::TestEnv;
use crate::support::remember_secret;
use crate::support::slapd::Slapd;

fn new_password() -> String {
    let p = format!("Fresh-{}-Horse7", crate::support::unique("pw"));
    remember_secret(&p);
    p
}

async fn reset_with_email_code_sets_new_password(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |_| {}).await;
    let alice = dir.create_user("alice").await;
    let address = env.register_email(&alice).await;

    let mut b = env.browser();
    b.start("reset", &alice.uid).await.assert_status(200);
    b.request_email_code("reset").await.assert_status(200);
    let code = env.smtp.last_code_for(&address).await;
    let page = b.submit_code("reset", "email", &code).await;
    page.assert_status(200);
    assert!(page.contains("Choose a new password"), "{}", page.body);
    let new = new_password();
    let done = b.set_password(&new).await;
    done.assert_status(200);
    assert!(done.contains("Your password has been reset"));

    assert!(dir.bind(&alice.dn, &new).await, "the new password binds");
    assert!(!dir.bind(&alice.dn, &alice.password).await, "the old password no longer binds");
    let notice = env.smtp.wait_for_subject(&address, "password was reset").await;
    assert!(notice.text.contains("If this wasn't you"), "{}", notice.text);
}

async fn a_totp_code_cannot_be_used_twice(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |_| {}).await;
    let bob = dir.create_user("bob").await;
    let secret = env.register_totp(&bob).await;
    // Move past the step used to confirm the app.
    env.clock.advance(60);
    let code = env.totp_code(&secret);

    let mut first = env.browser();
    first.start("unlock", &bob.uid).await;
    let page = first.submit_code("unlock", "totp", &code).await;
    assert!(page.contains("Unlock my account") && page.contains("Step 3 of 3"), "{}", page.body);
    let page = first.post("/unlock/finish", &[]).await;
    page.assert_status(200);
    assert!(page.contains("Your account is unlocked"), "{}", page.body);

    let mut second = env.browser();
    second.start("unlock", &bob.uid).await;
    let page = second.submit_code("unlock", "totp", &code).await;
    page.assert_status(422);
    assert!(page.contains("already been used"), "{}", page.body);
}

async fn an_expired_email_code_is_refused(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |_| {}).await;
    let carol = dir.create_user("carol").await;
    let address = env.register_email(&carol).await;

    let mut b = env.browser();
    b.start("reset", &carol.uid).await;
    b.request_email_code("reset").await;
    let code = env.smtp.last_code_for(&address).await;
    env.clock.advance(11 * 60);
    let page = b.submit_code("reset", "email", &code).await;
    page.assert_status(422);
    assert!(page.contains("That code has expired"), "{}", page.body);
    assert!(dir.bind(&carol.dn, &carol.password).await);
}

async fn the_sixth_wrong_email_code_voids_the_attempt(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |_| {}).await;
    let dave = dir.create_user("dave").await;
    let address = env.register_email(&dave).await;

    let mut b = env.browser();
    b.start("reset", &dave.uid).await;
    b.request_email_code("reset").await;
    let code = env.smtp.last_code_for(&address).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for remaining in (0..5).rev() {
        let page = b.submit_code("reset", "email", wrong).await;
        page.assert_status(422);
        assert!(page.contains("That code is not right"), "{}", page.body);
        if remaining > 1 {
            assert!(page.contains(&format!("{remaining} more tries")), "{}", page.body);
        }
    }
    let page = b.submit_code("reset", "email", wrong).await;
    page.assert_status(403);
    assert!(page.contains("Too many wrong codes"), "{}", page.body);
    // Even the right code is useless now.
    let page = b.submit_code("reset", "email", &code).await;
    page.assert_status(410);
    assert!(dir.bind(&dave.dn, &dave.password).await);
}

async fn change_refuses_a_password_from_history(dir: &'static dyn TestDirectory) {
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

async fn change_refuses_a_wrong_current_password(dir: &'static dyn TestDirectory) {
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

async fn change_refuses_a_too_short_password_with_its_reason(dir: &'static dyn TestDirectory) {
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

async fn unlock_clears_a_lockout_and_keeps_the_password(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |_| {}).await;
    let hank = dir.create_user("hank").await;
    let address = env.register_email(&hank).await;
    dir.lock(&hank).await;
    assert!(dir.is_locked(&hank).await, "pwdMaxFailure bad binds lock the account");
    assert!(!dir.bind(&hank.dn, &hank.password).await, "a locked account cannot bind");

    let mut b = env.browser();
    b.start("unlock", &hank.uid).await;
    b.request_email_code("unlock").await;
    let code = env.smtp.last_code_for(&address).await;
    b.submit_code("unlock", "email", &code).await.assert_status(200);
    assert!(dir.is_locked(&hank).await, "proving who you are changes nothing by itself");
    let page = b.post("/unlock/finish", &[]).await;
    page.assert_status(200);
    assert!(page.contains("Your account is unlocked"), "{}", page.body);
    assert!(!dir.is_locked(&hank).await);
    assert!(dir.bind(&hank.dn, &hank.password).await, "the unchanged password binds again");
}

async fn reset_also_unlocks_a_locked_account(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |_| {}).await;
    let ivy = dir.create_user("ivy").await;
    let secret = env.register_totp(&ivy).await;
    dir.lock(&ivy).await;
    env.clock.advance(60);
    let mut b = env.browser();
    b.start("reset", &ivy.uid).await;
    b.submit_code("reset", "totp", &env.totp_code(&secret)).await.assert_status(200);
    let new = new_password();
    b.set_password(&new).await.assert_status(200);
    assert!(!dir.is_locked(&ivy).await);
    assert!(dir.bind(&ivy.dn, &new).await);
}

async fn a_person_without_methods_lands_on_registration_and_must_register(dir: &'static dyn TestDirectory) {
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

async fn a_method_is_saved_only_after_its_code_is_confirmed(dir: &'static dyn TestDirectory) {
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

async fn out_of_scope_unknown_and_in_scope_people_see_identical_pages(dir: &'static dyn TestDirectory) {
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

async fn a_filter_injection_username_finds_nobody(dir: &'static dyn TestDirectory) {
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

#[tokio::test]
async fn an_oversized_form_gets_413() {
    let env = TestEnv::openldap().await;
    let mut b = env.browser();
    b.get("/reset").await;
    let huge = "x".repeat(1024 * 1024);
    let page = b.post("/reset", &[("username", &huge)]).await;
    page.assert_status(413);
    assert!(page.contains("Too much was sent"), "{}", page.body);
}

#[tokio::test]
async fn a_post_without_a_csrf_token_is_refused() {
    let env = TestEnv::openldap().await;
    let mut b = env.browser();
    b.get("/reset").await;
    let page = b.post_raw("/reset", "username=alice").await;
    page.assert_status(403);
    let page = b.post_raw("/reset", "csrf=forged&username=alice").await;
    page.assert_status(403);

    // Every form in the portal, from a browser that is signed in and has an attempt going,
    // so only the token stands in the way.
    let slapd = Slapd::shared().await;
    let user = slapd.create_user("csrf").await;
    b.sign_in_to_register(&user).await.assert_status(200);
    b.start("reset", &user.uid).await.assert_status(200);
    let posts = [
        "/reset",
        "/reset/send",
        "/reset/code/email",
        "/reset/code/totp",
        "/reset/password",
        "/unlock",
        "/unlock/send",
        "/unlock/code/email",
        "/unlock/finish",
        "/register",
        "/register/email",
        "/register/totp",
        "/register/confirm",
        "/register/cancel",
        "/register/remove",
        "/register/done",
        "/register/sign-out",
        "/change",
        "/wasnt-me/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ];
    for path in posts {
        let page = b.post_raw(path, "code=123456&username=x&address=a%40b.test&new=x&confirm=x").await;
        assert_eq!(page.status, 403, "{path} without a token:\n{}", page.body);
        let page = b.post_raw(path, "csrf=forged.token&code=123456").await;
        assert_eq!(page.status, 403, "{path} with a forged token");
        let mut evil = b.fork();
        evil.origin = Some("https://evil.example".into());
        let page = evil.post(path, &[("code", "123456")]).await;
        assert_eq!(page.status, 403, "{path} from another origin");
    }
    // The session still works: nothing above was accepted.
    b.get("/register/methods").await.assert_status(200);
}

#[tokio::test]
async fn a_cross_origin_post_is_refused() {
    let env = TestEnv::openldap().await;
    let mut b = env.browser();
    b.get("/reset").await;
    b.origin = Some("https://evil.example".into());
    let page = b.post("/reset", &[("username", "alice")]).await;
    page.assert_status(403);
}

/// Under `Referrer-Policy: no-referrer` Chromium posts our own forms with `Origin: null`; the
/// browser tests found every form refused before this was judged by Sec-Fetch-Site.
#[tokio::test]
async fn a_null_origin_is_judged_by_sec_fetch_site() {
    let env = TestEnv::openldap().await;
    let mut b = env.browser();
    b.get("/reset").await;
    b.origin = Some("null".into());
    b.post_headers = vec![("sec-fetch-site", "same-origin".into())];
    b.post("/reset", &[("username", "alice")]).await.assert_status(200);
    let mut b = env.browser();
    b.get("/reset").await;
    b.origin = Some("null".into());
    b.post_headers = vec![("sec-fetch-site", "cross-site".into())];
    b.post("/reset", &[("username", "alice")]).await.assert_status(403);
}

#[tokio::test]
async fn pages_carry_security_headers() {
    let env = TestEnv::openldap().await;
    let mut b = env.browser();
    let page = b.get("/reset").await;
    let h = &page.headers;
    assert!(h["content-security-policy"].to_str().unwrap().contains("frame-ancestors 'none'"));
    assert_eq!(h["referrer-policy"], "no-referrer");
    assert_eq!(h["cache-control"], "no-store");
    assert_eq!(h["x-content-type-options"], "nosniff");
    let cookie = h.get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect::<Vec<_>>().join("\n");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");

    // Every response, pages and errors and assets alike.
    for path in ["/", "/reset", "/unlock/verify", "/no-such-page", "/static/rekey.css", "/healthz"] {
        let page = b.get(path).await;
        let h = &page.headers;
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), "{path}: {csp}");
        assert!(h["strict-transport-security"].to_str().unwrap().starts_with("max-age="), "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
        if !path.starts_with("/static/") {
            assert_eq!(h["cache-control"], "no-store", "{path}");
        }
    }
}

#[tokio::test]
async fn the_directory_going_down_mid_flow_gives_503_and_changes_nothing() {
    let slapd = Slapd::start().await;
    let env = TestEnv::build(slapd.directory_config(), crate::support::postgres::fresh_sqlite_url(), |_| {}).await;
    let lee = slapd.create_user("lee").await;
    let secret = env.register_totp(&lee).await;
    env.clock.advance(60);
    let mut b = env.browser();
    b.start("reset", &lee.uid).await;
    b.submit_code("reset", "totp", &env.totp_code(&secret)).await.assert_status(200);

    slapd.stop();
    let new = new_password();
    let page = b.set_password(&new).await;
    page.assert_status(503);
    assert!(page.contains("Nothing was changed"), "{}", page.body);

    slapd.restart().await;
    assert!(slapd.bind(&lee.dn, &lee.password).await, "the old password still works");
    assert!(!slapd.bind(&lee.dn, &new).await);
    // The same attempt can finish once the directory is back.
    let page = b.set_password(&new).await;
    page.assert_status(200);
    assert!(slapd.bind(&lee.dn, &new).await);
}

async fn with_two_methods_required_both_must_pass_before_the_password_step(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |c| {
        c.policy.methods_required = 2;
        c.policy.methods_to_register = 2;
    })
    .await;
    let max = dir.create_user("max").await;
    let mut b = env.browser();
    b.sign_in_to_register(&max).await;
    // One method is not enough to finish registering.
    let address = format!("{}@two.example.test", max.uid);
    b.post("/register/email", &[("address", &address)]).await;
    let code = env.smtp.last_code_for(&address).await;
    let page = b.post("/register/confirm", &[("code", &code)]).await;
    assert!(page.contains("Register 1 more method to continue"), "{}", page.body);
    let secret = env.register_totp(&max).await;
    env.clock.advance(60);

    let mut b = env.browser();
    let page = b.start("reset", &max.uid).await;
    assert!(page.contains("Step 2 of 4"), "{}", page.body);
    b.request_email_code("reset").await;
    let code = env.smtp.last_code_for(&address).await;
    let page = b.submit_code("reset", "email", &code).await;
    page.assert_status(200);
    assert!(page.contains("Verify with one more method") && page.contains("Step 3 of 4"), "{}", page.body);
    assert!(!page.contains("Email me a code"), "the same method does not count twice");
    // Jumping ahead does not work.
    let early = b.get("/reset/password").await;
    assert!(early.url.ends_with("/reset/verify"), "{}", early.url);
    let new = new_password();
    let refused = b.set_password(&new).await;
    refused.assert_status(409);
    assert!(dir.bind(&max.dn, &max.password).await);

    let page = b.submit_code("reset", "totp", &env.totp_code(&secret)).await;
    assert!(page.contains("Choose a new password") && page.contains("Step 4 of 4"), "{}", page.body);
    b.set_password(&new).await.assert_status(200);
    assert!(dir.bind(&max.dn, &new).await);
}

async fn reset_can_force_a_change_at_next_logon(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |c| c.reset.force_change_at_next_logon = true).await;
    let nia = dir.create_user("nia").await;
    dir.allow_forced_change(&nia).await;
    let secret = env.register_totp(&nia).await;
    env.clock.advance(60);
    let mut b = env.browser();
    b.start("reset", &nia.uid).await;
    b.submit_code("reset", "totp", &env.totp_code(&secret)).await;
    let new = new_password();
    let done = b.set_password(&new).await;
    done.assert_status(200);
    assert!(done.contains("asked to choose another password"), "{}", done.body);
    assert!(dir.must_change(&nia).await, "the directory marks the password for change");

    // Signing in to register now says the password must be changed first.
    let mut c = env.browser();
    c.get("/register").await;
    let page = c.post("/register", &[("username", &nia.uid), ("password", &new)]).await;
    page.assert_status(422);
    assert!(page.contains("must be changed"), "{}", page.body);

    // …and the change flow accepts it.
    let third = new_password();
    c.get("/change").await;
    let page =
        c.post("/change", &[("username", &nia.uid), ("current", &new), ("new", &third), ("confirm", &third)]).await;
    page.assert_status(200);
    assert!(dir.bind(&nia.dn, &third).await);
    assert!(!dir.must_change(&nia).await);
}

async fn a_disabled_account_cannot_reset_and_looks_unknown(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |_| {}).await;
    let olga = dir.create_user("olga").await;
    let address = env.register_email(&olga).await;
    env.smtp.wait_for_subject(&address, "recovery method was added").await;
    dir.disable(&olga).await;
    let before = env.smtp.messages_to(&address).len();

    let mut pages = vec![];
    for who in [olga.uid.clone(), crate::support::unique("nobody")] {
        let mut b = env.browser();
        let verify = b.start("reset", &who).await;
        let sent = b.request_email_code("reset").await;
        let wrong = b.submit_code("reset", "email", "000000").await;
        pages.push((verify.status, verify.normalised(), sent.normalised(), wrong.status, wrong.normalised()));
    }
    assert_eq!(pages[0], pages[1], "a disabled account looks like an unknown one");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(env.smtp.messages_to(&address).len(), before, "no code goes to a disabled account");
    assert!(!dir.bind(&olga.dn, &olga.password).await, "it stays disabled");
}

async fn a_password_with_non_ascii_characters_resets_and_binds(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |_| {}).await;
    let pia = dir.create_user("pia").await;
    let secret = env.register_totp(&pia).await;
    for (i, new) in ["Crème-brûlée-Straße-9", "密码-Passw0rd-密码", "Emoji-🔑-Schlüssel-7"].into_iter().enumerate()
    {
        remember_secret(new);
        env.clock.advance(60);
        let mut b = env.browser();
        b.start("reset", &pia.uid).await;
        b.submit_code("reset", "totp", &env.totp_code(&secret)).await.assert_status(200);
        let done = b.set_password(new).await;
        assert!(done.contains("Your password has been reset"), "password {i}: {}", done.body);
        assert!(dir.bind(&pia.dn, new).await, "password {i} binds");
    }
}

// Samba only: the OpenLDAP test directory has no nested groups.
async fn a_member_of_a_nested_group_is_in_scope(dir: &'static dyn TestDirectory) {
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

#[tokio::test]
async fn an_unlock_the_directory_could_not_finish_can_be_retried() {
    let slapd = Slapd::start().await;
    let env = TestEnv::build(slapd.directory_config(), crate::support::postgres::fresh_sqlite_url(), |_| {}).await;
    let rae = slapd.create_user("rae").await;
    let secret = env.register_totp(&rae).await;
    slapd.lock(&rae).await;
    env.clock.advance(60);
    let mut b = env.browser();
    b.start("unlock", &rae.uid).await;

    b.submit_code("unlock", "totp", &env.totp_code(&secret)).await.assert_status(200);
    slapd.stop();
    let page = b.post("/unlock/finish", &[]).await;
    page.assert_status(503);
    slapd.restart().await;
    assert!(slapd.is_locked(&rae).await, "nothing changed while the directory was down");

    let done = b.post("/unlock/finish", &[]).await;
    done.assert_status(200);
    assert!(done.contains("Your account is unlocked"), "{}", done.body);
    assert!(!slapd.is_locked(&rae).await);
    assert!(slapd.bind(&rae.dn, &rae.password).await);
}

/// Runs each named test body once per directory: `flows::openldap::…`, `flows::samba::…`.
macro_rules! on_every_directory {
    ($($name:ident),* $(,)?) => {
        mod openldap {
            $(#[tokio::test]
            async fn $name() {
                super::$name(crate::support::slapd::Slapd::shared().await).await
            })*
        }
        on_samba!($($name),*);
        via_agent!($($name),*);
    };
}

/// The same bodies against the Samba DC through a real `rekey agent` process.
macro_rules! via_agent {
    ($($name:ident),* $(,)?) => {
        mod via_agent {
            $(#[tokio::test]
            async fn $name() {
                super::$name(crate::support::agent::SambaViaAgent::shared().await).await
            })*
        }
    };
}

/// The same bodies against the shared Samba AD DC, plus the AD-only ones.
macro_rules! on_samba {
    ($($name:ident),* $(,)?) => {
        mod samba {
            $(#[tokio::test]
            async fn $name() {
                super::$name(crate::support::samba::SambaDc::shared().await).await
            })*

            #[tokio::test]
            async fn a_member_of_a_nested_group_is_in_scope() {
                super::a_member_of_a_nested_group_is_in_scope(crate::support::samba::SambaDc::shared().await).await
            }
        }
    };
}

on_every_directory!(
    reset_with_email_code_sets_new_password,
    a_totp_code_cannot_be_used_twice,
    an_expired_email_code_is_refused,
    the_sixth_wrong_email_code_voids_the_attempt,
    change_refuses_a_password_from_history,
    change_refuses_a_wrong_current_password,
    change_refuses_a_too_short_password_with_its_reason,
    unlock_clears_a_lockout_and_keeps_the_password,
    reset_also_unlocks_a_locked_account,
    a_person_without_methods_lands_on_registration_and_must_register,
    a_method_is_saved_only_after_its_code_is_confirmed,
    out_of_scope_unknown_and_in_scope_people_see_identical_pages,
    a_filter_injection_username_finds_nobody,
    with_two_methods_required_both_must_pass_before_the_password_step,
    reset_can_force_a_change_at_next_logon,
    a_disabled_account_cannot_reset_and_looks_unknown,
    a_password_with_non_ascii_characters_resets_and_binds,
);
