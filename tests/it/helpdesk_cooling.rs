//! After a helpdesk member clears a person's methods, a method the person registers again
//! waits out the cooling-off before it can reset the password: a caller who talked the
//! helpdesk into the clear cannot register their own way in and use it at once.

use rekey::flow::protection;

use crate::helpdesk::{HELPDESK, account, act, helpdesk_config, verify_by_mail};
use crate::support::env::TestEnv;
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
