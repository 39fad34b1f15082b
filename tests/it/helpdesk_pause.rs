//! The daily pause of reset ("too many attempts today") at the helpdesk: it is counted per
//! account and address, yet the member sees it on the person's page and lifts it with
//! "Reopen self-service" (verified, audited, mailed), after which the person starts again at
//! once; without that, the pause holds.

use crate::helpdesk::{act, audit_lines, helpdesk_config, member, verify_by_mail};
use crate::support::env::TestEnv;
use crate::support::slapd::Slapd;

#[tokio::test]
async fn a_member_sees_the_daily_pause_and_lifts_it_and_the_person_starts_again_at_once() {
    let dir = Slapd::shared().await;
    let env = TestEnv::on(dir, |c| {
        helpdesk_config(c);
        c.limits.resets_per_account_per_day = 2;
    })
    .await;
    let (agent, mut b) = member(&env, dir, "desk").await;
    let person = dir.create_user("paused").await;
    let address = env.register_email(&person).await;
    let page_of = format!("/helpdesk/person?login={}", person.uid);

    let page = b.get(&page_of).await;
    assert!(page.contains("Password reset not paused"), "{}", page.body);
    let mut p = env.browser();
    p.start("reset", &person.uid).await.assert_status(200);
    p.start("reset", &person.uid).await.assert_status(200);
    let page = p.start("reset", &person.uid).await;
    page.assert_status(429);
    assert!(page.contains("Self-service is paused for this username"), "{}", page.body);

    let page = b.get(&page_of).await;
    page.assert_status(200);
    assert!(page.contains("Password reset paused until"), "{}", page.body);
    // Without lifting, the pause holds.
    env.clock.advance(600);
    p.start("reset", &person.uid).await.assert_status(429);
    env.browser().start("reset", &person.uid).await.assert_status(429);

    verify_by_mail(&env, &mut b, &person, &address).await;
    let page = act(&mut b, &person, "lift_block", "too many tries this morning").await;
    page.assert_status(200);
    assert!(page.contains("Password reset not paused"), "{}", page.body);
    p.start("reset", &person.uid).await.assert_status(200);

    let lines = audit_lines(&env, &person).await;
    let by = format!("helpdesk:{}", agent.uid);
    assert!(
        lines.iter().any(|l| l == &format!("helpdesk_lift_block success too many tries this morning {by}")),
        "{lines:?}"
    );
    let mail = env.smtp.wait_for_subject(&address, "The helpdesk changed something").await;
    assert!(mail.text.contains("reopened self-service"), "{}", mail.text);
}
