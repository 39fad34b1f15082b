//! Rate limits per helpdesk member: past `helpdesk.actions_per_member` in a window, a member's
//! checks and actions are refused (429) and nothing more is sent, while another member works on.

use crate::helpdesk::{act, helpdesk_config, member, start_check};
use crate::support::env::TestEnv;
use crate::support::slapd::Slapd;

#[tokio::test]
async fn a_member_past_their_limit_is_refused_and_another_member_is_not() {
    let dir = Slapd::shared().await;
    let env = TestEnv::on(dir, |c| {
        helpdesk_config(c);
        c.helpdesk.actions_per_member = 3;
    })
    .await;
    let (_first, mut a) = member(&env, dir, "deska").await;
    let (_second, mut b) = member(&env, dir, "deskb").await;
    let person = dir.create_user("caller").await;
    let address = env.register_email(&person).await;
    for _ in 0..3 {
        start_check(&env, &mut a, &person, "email").await.assert_status(200);
    }
    start_check(&env, &mut a, &person, "email").await.assert_status(429);
    act(&mut a, &person, "unlock", "again").await.assert_status(429);
    start_check(&env, &mut b, &person, "email").await.assert_status(200);
    // Mails go out in the background: wait for the four (a fifth would be a bug, counted below).
    let helpdesk_codes =
        || env.smtp.messages_to(&address).into_iter().filter(|m| m.subject.contains("to the helpdesk")).count();
    for _ in 0..100 {
        if helpdesk_codes() >= 4 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let codes: Vec<_> =
        env.smtp.messages_to(&address).into_iter().filter(|m| m.subject.contains("to the helpdesk")).collect();
    let subjects: Vec<_> = env.smtp.messages_to(&address).into_iter().map(|m| m.subject).collect();
    assert_eq!(codes.len(), 4, "three from the first member, one from the second: {subjects:?}");
}
