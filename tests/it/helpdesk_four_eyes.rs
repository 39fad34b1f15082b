//! Four eyes at the helpdesk: a person with nothing registered cannot be verified, so an
//! action waits for a second member's approval, which its requester can never give; a
//! privileged account needs the approval even after its caller was verified.

use crate::helpdesk::{ADMINS, account, act, audit_lines, helpdesk_config, member, verify_by_mail};
use crate::support::env::TestEnv;
use crate::support::slapd::Slapd;

/// The id of the open request for `login` in a console page.
fn request_id(body: &str, login: &str) -> String {
    let row = body.split("<tr>").find(|r| r.contains(&format!("<td>{login}</td>"))).expect("a request row");
    let at = row.find("name=\"id\" value=\"").expect("an approve button") + "name=\"id\" value=\"".len();
    row[at..].split('"').next().unwrap().to_owned()
}

#[tokio::test]
async fn a_request_for_a_person_without_methods_waits_for_a_second_member_not_the_requester() {
    let dir = Slapd::shared().await;
    let env = TestEnv::on(dir, helpdesk_config).await;
    let (first, mut a) = member(&env, dir, "deska").await;
    let (second, mut b) = member(&env, dir, "deskb").await;
    let person = dir.create_user("lost").await;
    dir.lock(&person).await;

    // Without a reason, nothing is asked.
    act(&mut a, &person, "unlock", "  ").await.assert_status(403);
    let page = act(&mut a, &person, "unlock", "new phone, nothing registered").await;
    page.assert_status(202);
    assert!(dir.is_locked(&person).await, "nothing happens before the approval");

    // The requester sees it but cannot approve it, even by posting its id.
    let home = a.get("/helpdesk").await;
    assert!(home.contains("Your request"), "{}", home.body);
    let other = b.get("/helpdesk").await;
    assert!(other.contains("new phone, nothing registered"), "{}", other.body);
    let id = request_id(&other.body, &person.uid);
    let page = a.post("/helpdesk/approve", &[("id", &id)]).await;
    page.assert_status(403);
    assert!(page.contains("You asked for this yourself"), "{}", page.body);
    assert!(dir.is_locked(&person).await);

    let page = b.post("/helpdesk/approve", &[("id", &id)]).await;
    page.assert_status(200);
    assert!(page.contains("Approved and done"), "{}", page.body);
    assert!(!dir.is_locked(&person).await);
    assert!(dir.bind(&person.dn, &person.password).await);
    // Once.
    b.post("/helpdesk/approve", &[("id", &id)]).await.assert_status(403);

    let lines = audit_lines(&env, &person).await;
    let both = format!("helpdesk:{} approved helpdesk:{}", second.uid, first.uid);
    assert!(lines.iter().any(|l| l.starts_with("helpdesk_requested started unverified")), "{lines:?}");
    assert!(lines.iter().any(|l| l.starts_with("helpdesk_approved failure own_request")), "{lines:?}");
    assert!(
        lines.iter().any(|l| l == &format!("helpdesk_unlock success new phone, nothing registered {both}")),
        "{lines:?}"
    );
    env.smtp.wait_for_subject(&person.mail, "The helpdesk changed something").await;
}

#[tokio::test]
async fn a_privileged_account_needs_a_second_member_even_after_verification() {
    let dir = Slapd::shared().await;
    let env = TestEnv::on(dir, |c| {
        helpdesk_config(c);
        c.alerts.admin_emails = vec!["security@example.test".into()];
    })
    .await;
    let (_first, mut a) = member(&env, dir, "deska").await;
    let (_second, mut b) = member(&env, dir, "deskb").await;
    let boss = dir.create_user("boss").await;
    dir.add_to_group(&boss, ADMINS).await;
    let address = env.register_email(&boss).await;
    dir.lock(&boss).await;

    verify_by_mail(&env, &mut a, &boss, &address).await;
    let page = act(&mut a, &boss, "unlock", "").await;
    page.assert_status(403);
    assert!(page.contains("type a reason"), "{}", page.body);
    act(&mut a, &boss, "unlock", "verified by mail, locked out").await.assert_status(202);
    assert!(dir.is_locked(&boss).await, "verified is not enough for a privileged account");

    let other = b.get("/helpdesk").await;
    let id = request_id(&other.body, &boss.uid);
    b.post("/helpdesk/approve", &[("id", &id)]).await.assert_status(200);
    assert!(!dir.is_locked(&boss).await);
    let lines = audit_lines(&env, &boss).await;
    assert!(lines.iter().any(|l| l.starts_with("helpdesk_requested started four_eyes")), "{lines:?}");
    let alert = env.smtp.wait_for_subject("security@example.test", "helpdesk unlock").await;
    assert!(alert.text.contains(&boss.uid), "{}", alert.text);
    env.smtp.wait_for_subject(&address, "The helpdesk changed something").await;
    let _ = account(&env, &boss).await;
}

#[tokio::test]
async fn another_member_rejects_a_request_with_a_reason_and_nothing_is_done() {
    let dir = Slapd::shared().await;
    let env = TestEnv::on(dir, helpdesk_config).await;
    let (first, mut a) = member(&env, dir, "deska").await;
    let (second, mut b) = member(&env, dir, "deskb").await;
    let person = dir.create_user("lost").await;
    dir.lock(&person).await;
    act(&mut a, &person, "unlock", "says they lost everything").await.assert_status(202);
    let id = request_id(&b.get("/helpdesk").await.body, &person.uid);

    // Not by its requester, and not without a reason.
    let page = a.post("/helpdesk/reject", &[("id", &id), ("reason", "never mind")]).await;
    page.assert_status(403);
    assert!(page.contains("You asked for this yourself"), "{}", page.body);
    let page = b.post("/helpdesk/reject", &[("id", &id), ("reason", "  ")]).await;
    page.assert_status(403);
    assert!(page.contains("Type a reason for rejecting"), "{}", page.body);

    let page = b.post("/helpdesk/reject", &[("id", &id), ("reason", "could not name their manager")]).await;
    page.assert_status(200);
    assert!(page.contains("Rejected: nothing was changed"), "{}", page.body);
    assert!(!page.contains("says they lost everything"), "no longer waiting: {}", page.body);
    // Closed: it cannot be approved after all.
    b.post("/helpdesk/approve", &[("id", &id)]).await.assert_status(403);
    assert!(dir.is_locked(&person).await);

    let lines = audit_lines(&env, &person).await;
    let rejected = format!(
        "helpdesk_rejected success could not name their manager (asked: says they lost everything) \
         helpdesk:{} rejected helpdesk:{} helpdesk_unlock",
        second.uid, first.uid
    );
    assert!(lines.contains(&rejected), "{lines:?}");
    assert!(lines.iter().any(|l| l.starts_with("helpdesk_rejected failure own_request")), "{lines:?}");
    assert!(!lines.iter().any(|l| l.starts_with("helpdesk_unlock")), "{lines:?}");

    // The admin finds the helpdesk's events in the audit search.
    let admin = dir.create_user("adm").await;
    dir.add_to_group(&admin, ADMINS).await;
    let secret = env.register_totp(&admin).await;
    env.clock.advance(31);
    let mut c = crate::admin::admin_browser(&env, &admin, &secret).await;
    let page = c.get("/admin/audit?event=helpdesk_rejected").await;
    page.assert_status(200);
    for event in ["helpdesk_verify", "helpdesk_requested", "helpdesk_approved", "helpdesk_rejected", "helpdesk_unlock"]
    {
        assert!(page.contains(&format!("<option value=\"{event}\"")), "{event}: {}", page.body);
    }
    assert!(page.contains("could not name their manager"), "{}", page.body);
}
