//! What a person is told when a password write has no plain answer, against the real servers:
//! a modify that reached slapd but whose answer was lost (a line that swallows it) is
//! unconfirmed, and on Samba a protected Domain Admins member and an account set to "user
//! cannot change password" are refused for good.

use std::collections::HashSet;

use ldap3::{Mod, Scope, SearchEntry};

use crate::support::env::TestEnv;
use crate::support::latency::SilentLine;
use crate::support::remember_secret;
use crate::support::samba::SambaDc;
use crate::support::slapd::Slapd;

fn new_password() -> String {
    let p = format!("Unsure-{}-Horse7", crate::support::unique("pw"));
    remember_secret(&p);
    p
}

/// The portal on the shared slapd, reached through a line that can swallow write answers.
async fn portal_behind_silent_line() -> (TestEnv, SilentLine) {
    let slapd = Slapd::shared().await;
    let upstream = slapd.ldap_url.trim_start_matches("ldap://").to_owned();
    let line = SilentLine::start("127.0.0.1", upstream).await;
    let directory =
        rekey::config::DirectoryConfig { url: format!("ldap://127.0.0.1:{}", line.port), ..slapd.directory_config() };
    let env = TestEnv::build(directory, crate::support::postgres::fresh_sqlite_url(), |_| {}).await;
    (env, line)
}

/// The most recent audit record of `event` for the account named `login`.
async fn last_audit(env: &TestEnv, event: &str, login: &str) -> rekey::store::AuditEvent {
    let records = env.server.services.db.recent_audit(100).await.unwrap();
    records
        .into_iter()
        .find(|r| r.event == event && r.login.as_deref() == Some(login))
        .unwrap_or_else(|| panic!("no {event} audit record for {login}"))
}

fn assert_unconfirmed_page(page: &crate::support::env::Page) {
    page.assert_status(504);
    assert!(page.contains("We could not confirm the change"), "{}", page.body);
    assert!(page.contains("try signing in with it"), "{}", page.body);
    assert!(!page.contains("Nothing was changed"), "{}", page.body);
}

#[tokio::test]
async fn outcomes_a_reset_whose_answer_is_lost_is_unconfirmed_with_a_notice() {
    let slapd = Slapd::shared().await;
    let (env, line) = portal_behind_silent_line().await;
    let user = slapd.create_user("lost").await;
    let address = env.register_email(&user).await;
    let mut b = env.browser();
    env.prove_reset_by_email(&mut b, &user.uid, &address).await;

    line.swallow_write_answers();
    let new = new_password();
    let page = b.set_password(&new).await;
    assert!(line.swallowed() >= 1, "the password modify's answer was swallowed");
    assert_unconfirmed_page(&page);
    assert!(slapd.bind(&user.dn, &new).await, "the change did reach slapd");

    let record = last_audit(&env, "reset", &user.uid).await;
    assert_eq!(record.outcome, "unconfirmed", "{record:?}");
    let notice = env.smtp.wait_for_subject(&address, "may have been changed").await;
    assert!(notice.text.contains("no answer came back"), "{}", notice.text);
    assert!(notice.text.contains("If this wasn't you"), "{}", notice.text);
}

#[tokio::test]
async fn outcomes_a_change_whose_answer_is_lost_is_unconfirmed_with_a_notice() {
    let slapd = Slapd::shared().await;
    let (env, line) = portal_behind_silent_line().await;
    let user = slapd.create_user("lostchg").await;
    let address = env.register_email(&user).await;
    let new = new_password();
    let mut b = env.browser();
    b.get("/change").await.assert_status(200);

    line.swallow_write_answers();
    let page = b
        .post("/change", &[("username", &user.uid), ("current", &user.password), ("new", &new), ("confirm", &new)])
        .await;
    assert_unconfirmed_page(&page);
    assert!(slapd.bind(&user.dn, &new).await, "the change did reach slapd");
    let record = last_audit(&env, "change", &user.uid).await;
    assert_eq!(record.outcome, "unconfirmed", "{record:?}");
    env.smtp.wait_for_subject(&address, "may have been changed").await;
}

/// Makes `user` a member of Domain Admins and gives it the security descriptor of
/// CN=AdminSDHolder, as Windows' SDProp does for protected accounts every hour. Samba does not
/// run SDProp, so the test does its work: the descriptor is protected (no inheritance), so the
/// service account's delegated "Reset Password" right on OU=People no longer reaches it, and
/// Samba answers the reset with insufficientAccessRights (50) as Windows does.
async fn protect_like_adminsdholder(dc: &SambaDc, user: &crate::support::slapd::TestUser) {
    let mut ldap = dc.admin().await;
    let domain_admins = "CN=Domain Admins,CN=Users,DC=corp,DC=test";
    let added = ldap
        .modify(domain_admins, vec![Mod::Add("member".to_owned(), HashSet::from([user.dn.clone()]))])
        .await
        .unwrap();
    assert_eq!(added.rc, 0, "{added:?}");
    let (entries, _) = ldap
        .search(
            "CN=AdminSDHolder,CN=System,DC=corp,DC=test",
            Scope::Base,
            "(objectClass=*)",
            vec!["nTSecurityDescriptor"],
        )
        .await
        .unwrap()
        .success()
        .unwrap();
    let holder = SearchEntry::construct(entries.into_iter().next().expect("AdminSDHolder exists"));
    let mut sd = holder
        .bin_attrs
        .get("nTSecurityDescriptor")
        .and_then(|v| v.first())
        .cloned()
        .expect("AdminSDHolder's descriptor is readable by Administrator");
    // Windows' AdminSDHolder DACL is protected (D:PAI) and SDProp keeps the copies protected;
    // Samba's is not (D:AI), so the flag is set here: SE_DACL_PROTECTED in the control word.
    let control = u16::from_le_bytes([sd[2], sd[3]]) | 0x1000;
    sd[2..4].copy_from_slice(&control.to_le_bytes());
    let mods: Vec<Mod<Vec<u8>>> = vec![
        Mod::Replace(b"nTSecurityDescriptor".to_vec(), HashSet::from([sd])),
        Mod::Replace(b"adminCount".to_vec(), HashSet::from([b"1".to_vec()])),
    ];
    let replaced = ldap.modify(&user.dn, mods).await.unwrap();
    assert_eq!(replaced.rc, 0, "{replaced:?}");
    let _ = ldap.unbind().await;
}

#[tokio::test]
async fn outcomes_a_protected_domain_admin_is_refused_for_good_and_sent_to_the_helpdesk() {
    let dc = SambaDc::shared().await;
    let env = TestEnv::on(dc, |_| {}).await;
    let user = dc.create_user("protadm").await;
    let address = env.register_email(&user).await;
    protect_like_adminsdholder(dc, &user).await;

    let mut b = env.browser();
    env.prove_reset_by_email(&mut b, &user.uid, &address).await;
    let new = new_password();
    let page = b.set_password(&new).await;
    page.assert_status(403);
    assert!(page.contains("This account cannot be changed here"), "{}", page.body);
    assert!(page.contains("contact the helpdesk"), "{}", page.body);
    assert!(!page.contains("try again in a few minutes"), "{}", page.body);
    assert!(!page.contains("Start again"), "{}", page.body);
    assert!(dc.bind(&user.dn, &user.password).await, "the old password still works");
    assert!(!dc.bind(&user.dn, &new).await);

    let record = last_audit(&env, "reset", &user.uid).await;
    assert_eq!(record.outcome, "failure", "{record:?}");
    assert_eq!(record.reason.as_deref(), Some("refused_insufficient_access"), "{record:?}");
}

/// The Change Password extended right (User-Change-Password).
const CHANGE_PASSWORD_RIGHT: &str = "ab721a53-1e2f-11d0-9819-00aa0040529b";

/// "User cannot change password" as Active Directory Users and Computers sets it: the Change
/// Password right denied to Everyone (WD) and to SELF (PS), at the front of the account's DACL.
async fn deny_change_password(dc: &SambaDc, user: &crate::support::slapd::TestUser) {
    let sddl = format!("(OD;;CR;{CHANGE_PASSWORD_RIGHT};;WD)(OD;;CR;{CHANGE_PASSWORD_RIGHT};;PS)");
    dc.samba_tool(&["dsacl", "set", &format!("--objectdn={}", user.dn), &format!("--sddl={sddl}")]).await;
}

#[tokio::test]
async fn outcomes_a_person_who_cannot_change_their_password_is_refused_for_good() {
    let dc = SambaDc::shared().await;
    let env = TestEnv::on(dc, |_| {}).await;
    let user = dc.create_user("nochange").await;
    deny_change_password(dc, &user).await;

    let new = new_password();
    let mut b = env.browser();
    b.get("/change").await.assert_status(200);
    let page = b
        .post("/change", &[("username", &user.uid), ("current", &user.password), ("new", &new), ("confirm", &new)])
        .await;
    page.assert_status(403);
    assert!(page.contains("This account cannot be changed here"), "{}", page.body);
    assert!(page.contains("contact the helpdesk"), "{}", page.body);
    assert!(!page.contains("try again in a few minutes"), "{}", page.body);
    assert!(dc.bind(&user.dn, &user.password).await, "the old password still works");
    assert!(!dc.bind(&user.dn, &new).await);

    let record = last_audit(&env, "change", &user.uid).await;
    assert_eq!(record.outcome, "failure", "{record:?}");
    assert_eq!(record.reason.as_deref(), Some("refused_insufficient_access"), "{record:?}");
}

#[tokio::test]
async fn outcomes_a_stranger_sees_the_same_username_step_for_a_protected_account() {
    let dc = SambaDc::shared().await;
    let env = TestEnv::on(dc, |_| {}).await;
    let user = dc.create_user("protsame").await;
    env.register_email(&user).await;
    let plain = dc.create_user("plainsame").await;
    env.register_email(&plain).await;
    protect_like_adminsdholder(dc, &user).await;
    let mut a = env.browser();
    let mut b = env.browser();
    let protected = a.start("reset", &user.uid).await;
    let ordinary = b.start("reset", &plain.uid).await;
    assert_eq!(protected.status, ordinary.status);
    assert_eq!(protected.normalised(), ordinary.normalised(), "nothing is said before the person proves themselves");
}
