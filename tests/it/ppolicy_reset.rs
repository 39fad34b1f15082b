//! OpenLDAP resets are one write when slapd hashes cleartext passwords, and otherwise say
//! exactly what happened when a step after the password fails.

use crate::support::env::TestEnv;
use crate::support::remember_secret;
use crate::support::slapd::Slapd;

fn new_password() -> String {
    let p = format!("Fresh-{}-Horse7", crate::support::unique("pw"));
    remember_secret(&p);
    p
}

async fn reset_rows(env: &TestEnv) -> Vec<(String, Option<String>)> {
    let rekey::store::Db::Sqlite(pool) = &env.server.services.db else { unreachable!() };
    sqlx::query_as("SELECT outcome, reason FROM audit_events WHERE event = 'reset' ORDER BY id")
        .fetch_all(pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_reset_that_unlocks_and_forces_a_change_is_one_write() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|c| c.reset.force_change_at_next_logon = true).await;
    let ola = slapd.create_user("ola").await;
    slapd.set_policy(&ola, "must-change").await;
    let secret = env.register_totp(&ola).await;
    slapd.lock(&ola).await;
    assert!(slapd.is_locked(&ola).await);
    env.clock.advance(60);
    let before = slapd.writes_by_service(&ola.dn);

    let mut b = env.browser();
    b.start("reset", &ola.uid).await;
    b.submit_code("reset", "totp", &env.totp_code(&secret)).await.assert_status(200);
    let new = new_password();
    let done = b.set_password(&new).await;
    done.assert_status(200);
    assert!(done.contains("asked to choose another password"), "{}", done.body);

    assert_eq!(slapd.writes_by_service(&ola.dn) - before, 1, "password, pwdReset and unlock in one modify");
    assert!(!slapd.is_locked(&ola).await, "ppolicy ended the lockout with the password change");
    assert!(slapd.must_change(&ola).await);
    assert!(slapd.bind(&ola.dn, &new).await, "the password was hashed and binds");
}

#[tokio::test]
async fn a_reset_whose_second_step_fails_says_the_password_was_set_and_sends_the_notice() {
    let slapd = Slapd::start().await;
    slapd.deny_service_write_on_pwd_reset().await;
    let mut directory = slapd.directory_config();
    // The password modify operation, then pwdReset in a second write that the ACL now refuses.
    directory.ppolicy_hash_cleartext = false;
    let env = TestEnv::build(directory, crate::support::postgres::fresh_sqlite_url(), |c| {
        c.reset.force_change_at_next_logon = true;
    })
    .await;
    let pia = slapd.create_user("pia").await;
    let address = env.register_email(&pia).await;

    let mut b = env.browser();
    b.start("reset", &pia.uid).await;
    b.request_email_code("reset").await.assert_status(200);
    let code = env.smtp.last_code_for(&address).await;
    b.submit_code("reset", "email", &code).await.assert_status(200);
    let new = new_password();
    let done = b.set_password(&new).await;
    done.assert_status(200);
    assert!(done.contains("Your password has been reset"), "{}", done.body);
    assert!(!done.contains("asked to choose another password"), "the change at next logon was not set: {}", done.body);

    assert!(slapd.bind(&pia.dn, &new).await, "the password WAS set");
    assert!(!slapd.must_change(&pia).await);
    let notice = env.smtp.wait_for_subject(&address, "password was reset").await;
    assert!(notice.text.contains("If this wasn't you"), "{}", notice.text);
    assert_eq!(reset_rows(&env).await, vec![("success".to_owned(), Some("must_change_not_set".to_owned()))]);
}
