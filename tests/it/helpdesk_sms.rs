//! Verifying a caller by a text-message code read back, through the SMS gateway double: the
//! code goes to the registered number only, a wrong read-back counts, the right one verifies
//! the caller for this member, and the member can act.

use rekey::config::MethodKind;

use crate::helpdesk::{act, audit_lines, helpdesk_config, member, start_check};
use crate::sms::{register_number, webhook_json};
use crate::support::env::TestEnv;
use crate::support::slapd::Slapd;
use crate::support::sms_gateway::SmsGateway;

#[tokio::test]
async fn a_member_verifies_a_caller_by_a_texted_code_read_back_and_unlocks() {
    let double = SmsGateway::start().await;
    let dir = Slapd::shared().await;
    let sms = webhook_json(&double);
    let env = TestEnv::on(dir, |c| {
        helpdesk_config(c);
        c.policy.methods = vec![MethodKind::Email, MethodKind::Totp, MethodKind::Sms];
        c.sms = sms;
    })
    .await;
    let (agent, mut b) = member(&env, dir, "desk").await;
    let person = dir.create_user("texter").await;
    let before = register_number(&env, &double, &person).await;
    dir.lock(&person).await;
    let page = b.get(&format!("/helpdesk/person?login={}", person.uid)).await;
    assert!(page.contains("+49•••••89"), "the member sees the number masked: {}", page.body);

    start_check(&env, &mut b, &person, "sms").await.assert_status(200);
    let sent = double.wait_for(before + 1).await;
    let text = sent.last().unwrap();
    assert_eq!(text.json()["to"], "+4915123456789");
    let code = text.code();
    assert!(!b.get(&format!("/helpdesk/person?login={}", person.uid)).await.contains(&code), "never shown");
    let wrong = if code.starts_with('0') { code.replacen('0', "1", 1) } else { format!("0{}", &code[1..]) };
    b.post("/helpdesk/check", &[("code", &wrong)]).await.assert_status(422);
    let page = b.post("/helpdesk/check", &[("code", &code)]).await;
    page.assert_status(200);
    assert!(page.contains("The caller is verified"), "{}", page.body);

    act(&mut b, &person, "unlock", "no signal at home").await.assert_status(200);
    assert!(!dir.is_locked(&person).await);
    assert!(dir.bind(&person.dn, &person.password).await, "the password is unchanged");
    let lines = audit_lines(&env, &person).await;
    let by = format!("helpdesk:{}", agent.uid);
    assert!(lines.iter().any(|l| l.starts_with("helpdesk_verify failure wrong_code")), "{lines:?}");
    assert!(lines.iter().any(|l| l == &format!("helpdesk_verify success sms {by}")), "{lines:?}");
    assert!(lines.iter().any(|l| l == &format!("helpdesk_unlock success no signal at home {by}")), "{lines:?}");
}
