//! After a helpdesk member clears a person's methods, a method the person registers again
//! waits out the cooling-off before it can reset the password: a caller who talked the
//! helpdesk into the clear cannot register their own way in and use it at once. A person whose
//! only methods are cooling off cannot be verified, so an action for them waits for a second
//! member's approval.

use rekey::factors::totp::TotpSecret;
use rekey::flow::protection;
use rekey::store::Db;

use crate::helpdesk::{HELPDESK, account, act, helpdesk_config, start_check, verify_by_mail};
use crate::support::env::{Browser, TestEnv};
use crate::support::slapd::Slapd;

const HOURS: u64 = 24;

/// The person's methods that may reset their password now.
async fn usable(env: &TestEnv, person: &crate::support::directory::TestUser) -> usize {
    let s = &env.server.services;
    let user = account(env, person).await;
    let stored = rekey::flow::methods::stored(s, &user).await.unwrap();
    protection::recovery_methods(s, &user, stored).await.unwrap().len()
}

#[tokio::test]
async fn a_method_registered_again_after_the_helpdesk_cleared_them_waits_out_the_cooling_off() {
    let dir = Slapd::shared().await;
    let env = TestEnv::on(dir, |c| {
        helpdesk_config(c);
        c.policy.new_method_cooling_off_hours = HOURS;
    })
    .await;
    let agent = dir.create_user("desk").await;
    dir.add_to_group(&agent, HELPDESK).await;
    let secret = env.register_totp(&agent).await;
    let person = dir.create_user("caller").await;
    let address = env.register_email(&person).await;
    // A first method counts at once; the member's own app must be past its cooling-off.
    assert_eq!(usable(&env, &person).await, 1);
    env.clock.advance(HOURS as i64 * 3600 + 60);

    let mut b = env.browser();
    b.get("/helpdesk/sign-in").await.assert_status(200);
    let page = b.post("/helpdesk/sign-in", &[("username", &agent.uid), ("password", &agent.password)]).await;
    assert!(page.url.ends_with("/helpdesk/verify"), "{} {}", page.url, page.body);
    b.post("/helpdesk/verify/totp", &[("code", &env.totp_code(&secret))]).await.assert_status(200);
    verify_by_mail(&env, &mut b, &person, &address).await;
    act(&mut b, &person, "clear_methods", "lost phone").await.assert_status(200);
    assert_eq!(usable(&env, &person).await, 0);

    env.clock.advance(60);
    env.register_email(&person).await;
    assert_eq!(usable(&env, &person).await, 0, "a method registered right after the clear does not count yet");
    env.clock.advance(HOURS as i64 * 3600 + 60);
    assert_eq!(usable(&env, &person).await, 1, "past the cooling-off it counts");
}

/// A member with an authenticator app, signed in to the console (their app past its cooling-off).
async fn signed_in(env: &TestEnv, user: &crate::support::directory::TestUser, secret: &TotpSecret) -> Browser {
    let mut b = env.browser();
    b.get("/helpdesk/sign-in").await.assert_status(200);
    let page = b.post("/helpdesk/sign-in", &[("username", &user.uid), ("password", &user.password)]).await;
    assert!(page.url.ends_with("/helpdesk/verify"), "{} {}", page.url, page.body);
    b.post("/helpdesk/verify/totp", &[("code", &env.totp_code(secret))]).await.assert_status(200);
    b
}

#[tokio::test]
async fn a_person_whose_only_methods_are_cooling_off_goes_the_four_eyes_way() {
    let dir = Slapd::shared().await;
    let env = TestEnv::on(dir, |c| {
        helpdesk_config(c);
        c.policy.new_method_cooling_off_hours = HOURS;
    })
    .await;
    let (first, second) = (dir.create_user("deska").await, dir.create_user("deskb").await);
    dir.add_to_group(&first, HELPDESK).await;
    dir.add_to_group(&second, HELPDESK).await;
    let (first_app, second_app) = (env.register_totp(&first).await, env.register_totp(&second).await);
    let person = dir.create_user("caller").await;
    let address = env.register_email(&person).await;
    env.clock.advance(HOURS as i64 * 3600 + 60);
    let mut a = signed_in(&env, &first, &first_app).await;
    env.clock.advance(31);
    let mut b = signed_in(&env, &second, &second_app).await;
    verify_by_mail(&env, &mut a, &person, &address).await;
    act(&mut a, &person, "clear_methods", "lost phone").await.assert_status(200);
    env.clock.advance(60);
    env.register_email(&person).await;
    assert_eq!(usable(&env, &person).await, 0);
    dir.lock(&person).await;

    // The second member cannot verify this caller: the only method is cooling off.
    start_check(&env, &mut b, &person, "email").await.assert_status(403);
    let page = b.get(&format!("/helpdesk/person?login={}", person.uid)).await;
    assert!(page.contains("This person cannot be verified"), "{}", page.body);
    let page = act(&mut b, &person, "unlock", "new phone, registered again just now").await;
    page.assert_status(202);
    assert!(dir.is_locked(&person).await, "nothing happens before the approval");
    let home = a.get("/helpdesk").await;
    assert!(home.contains("new phone, registered again just now"), "{}", home.body);
}

/// A helpdesk member clears a person's methods, `forget` (SQL with the account's id as `$1`)
/// then removes one of the two places the clear is remembered, and the person registers again
/// at once: the new method must still wait out the cooling-off.
async fn a_clear_remembered_in_one_place_still_holds(forget: &str, why: &str) {
    let dir = Slapd::shared().await;
    let env = TestEnv::on(dir, |c| {
        helpdesk_config(c);
        c.policy.new_method_cooling_off_hours = HOURS;
    })
    .await;
    let agent = dir.create_user("desk").await;
    dir.add_to_group(&agent, HELPDESK).await;
    let secret = env.register_totp(&agent).await;
    let person = dir.create_user("caller").await;
    let address = env.register_email(&person).await;
    env.clock.advance(HOURS as i64 * 3600 + 60);
    let mut b = signed_in(&env, &agent, &secret).await;
    verify_by_mail(&env, &mut b, &person, &address).await;
    act(&mut b, &person, "clear_methods", "lost phone").await.assert_status(200);
    let id = account(&env, &person).await.id.0;
    let gone = match &env.server.services.db {
        Db::Sqlite(pool) => sqlx::query(forget).bind(&id).execute(pool).await.unwrap().rows_affected(),
        Db::Postgres(pool) => sqlx::query(forget).bind(&id).execute(pool).await.unwrap().rows_affected(),
    };
    assert_eq!(gone, 1);

    env.clock.advance(60);
    env.register_email(&person).await;
    assert_eq!(usable(&env, &person).await, 0, "{why}");
}

#[tokio::test]
async fn the_cooling_off_after_a_clear_holds_even_if_its_audit_record_was_never_written() {
    // As if the audit write had failed after the methods were gone.
    a_clear_remembered_in_one_place_still_holds(
        "DELETE FROM audit_events WHERE user_id = $1 AND event = 'helpdesk_clear_methods'",
        "the clear is remembered beside the methods, not only in the trail",
    )
    .await;
}

#[tokio::test]
async fn the_cooling_off_after_a_clear_from_before_the_note_existed_holds_by_the_audit_trail() {
    // As if the clear had been made before the note beside the methods existed (migration
    // 0012): only the audit trail has it.
    a_clear_remembered_in_one_place_still_holds(
        "DELETE FROM methods_cleared WHERE user_id = $1",
        "a clear only the audit trail knows still counts",
    )
    .await;
}
