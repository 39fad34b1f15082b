//! Bodies of the reset and unlock flows, run on every directory by `flows::on_every_directory!`.

use super::*;

pub(super) async fn reset_with_email_code_sets_new_password(dir: &'static dyn TestDirectory) {
    let env = TestEnv::on(dir, |_| {}).await;
    let alice = dir.create_user("alice").await;
    let address = env.register_email(&alice).await;

    let mut b = env.browser();
    let code = env.reset_code_by_email(&mut b, &alice.uid, &address).await;
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

pub(super) async fn a_totp_code_cannot_be_used_twice(dir: &'static dyn TestDirectory) {
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

pub(super) async fn an_expired_email_code_is_refused(dir: &'static dyn TestDirectory) {
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

pub(super) async fn the_sixth_wrong_email_code_voids_the_attempt(dir: &'static dyn TestDirectory) {
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

pub(super) async fn unlock_clears_a_lockout_and_keeps_the_password(dir: &'static dyn TestDirectory) {
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

pub(super) async fn reset_also_unlocks_a_locked_account(dir: &'static dyn TestDirectory) {
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

pub(super) async fn with_two_methods_required_both_must_pass_before_the_password_step(dir: &'static dyn TestDirectory) {
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

pub(super) async fn reset_can_force_a_change_at_next_logon(dir: &'static dyn TestDirectory) {
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

pub(super) async fn a_disabled_account_cannot_reset_and_looks_unknown(dir: &'static dyn TestDirectory) {
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

pub(super) async fn a_password_with_non_ascii_characters_resets_and_binds(dir: &'static dyn TestDirectory) {
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
