//! The helpdesk console against slapd and Samba AD: a member verifies a caller (a mailed code
//! read back, or the authenticator app's code), then unlocks, sends a reset link, clears
//! methods; a wrong read-back counts like any code; nothing happens without verification; a
//! member never acts on themselves; a non-member gets no console. Four eyes: helpdesk_four_eyes.rs.

use rekey::config::Config;
use rekey::directory::{DirUser, Login};

use crate::support::directory::{TestDirectory, TestUser};
use crate::support::env::{Browser, Page, TestEnv};
use crate::support::remember_secret;
use crate::support::samba::SambaDc;
use crate::support::slapd::Slapd;

/// The helpdesk group in both test directories, and the admins'.
pub const HELPDESK: &str = "contractors";
pub const ADMINS: &str = "it-admins";

/// The settings every helpdesk test starts from.
pub fn helpdesk_config(c: &mut Config) {
    c.helpdesk.groups = vec![HELPDESK.into()];
    c.admin.groups = vec![ADMINS.into()];
    c.policy.new_method_cooling_off_hours = 0;
}

/// A new member of the helpdesk group with an authenticator app, signed in to the console.
pub async fn member(env: &TestEnv, dir: &dyn TestDirectory, prefix: &str) -> (TestUser, Browser) {
    let user = dir.create_user(prefix).await;
    dir.add_to_group(&user, HELPDESK).await;
    let secret = env.register_totp(&user).await;
    // The next authenticator step: registering used this one.
    env.clock.advance(31);
    let mut b = env.browser();
    b.get("/helpdesk/sign-in").await.assert_status(200);
    let page = b.post("/helpdesk/sign-in", &[("username", &user.uid), ("password", &user.password)]).await;
    assert!(page.url.ends_with("/helpdesk/verify"), "{} {}", page.url, page.body);
    let page = b.post("/helpdesk/verify/totp", &[("code", &env.totp_code(&secret))]).await;
    page.assert_status(200);
    assert!(page.url.ends_with("/helpdesk"), "{}", page.url);
    (user, b)
}

/// The account as the portal's directory sees it.
pub async fn account(env: &TestEnv, user: &TestUser) -> DirUser {
    let login = Login::parse(&user.uid).unwrap();
    env.server.services.directory.find_user(&login).await.unwrap().expect("the account exists")
}

/// The id of `user`'s registered method of `kind`.
pub async fn method_id(env: &TestEnv, user: &TestUser, kind: &str) -> String {
    let id = account(env, user).await.id;
    let methods = env.server.services.db.list_methods(id.as_str()).await.unwrap();
    methods.into_iter().find(|m| m.kind == kind).expect("a registered method of that kind").id
}

/// Starts a check of `person`'s caller with their method of `kind`.
pub async fn start_check(env: &TestEnv, b: &mut Browser, person: &TestUser, kind: &str) -> Page {
    let id = method_id(env, person, kind).await;
    b.post("/helpdesk/check/start", &[("login", &person.uid), ("method", &id)]).await
}

/// Verifies `person`'s caller with a code mailed to `address` and read back.
pub async fn verify_by_mail(env: &TestEnv, b: &mut Browser, person: &TestUser, address: &str) {
    start_check(env, b, person, "email").await.assert_status(200);
    let code = env.smtp.last_code_for(address).await;
    let page = b.post("/helpdesk/check", &[("code", &code)]).await;
    page.assert_status(200);
    assert!(page.contains("The caller is verified"), "{}", page.body);
}

pub async fn act(b: &mut Browser, person: &TestUser, action: &str, reason: &str) -> Page {
    b.post("/helpdesk/act", &[("login", &person.uid), ("action", action), ("reason", reason)]).await
}

/// The person's audit records (newest first) as `event outcome reason method` lines.
pub async fn audit_lines(env: &TestEnv, person: &TestUser) -> Vec<String> {
    let id = account(env, person).await.id;
    let events = env.server.services.db.recent_audit_of(id.as_str(), 100).await.unwrap();
    events
        .into_iter()
        .map(|e| format!("{} {} {} {}", e.event, e.outcome, e.reason.unwrap_or_default(), e.method.unwrap_or_default()))
        .collect()
}

/// The newest reset-link mail to `address` that does not carry `old`, waiting for it.
async fn reset_link_mail(env: &TestEnv, address: &str, old: &str) -> crate::support::smtp::ReceivedMail {
    for _ in 0..100 {
        let mails = env.smtp.messages_to(address);
        if let Some(m) =
            mails.into_iter().rev().find(|m| m.subject.contains("Set a new password") && !m.text.contains(old))
        {
            return m;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no second reset link arrived at {address}");
}

fn new_password() -> String {
    let p = format!("Desk-{}-Walrus9", crate::support::unique("pw"));
    remember_secret(&p);
    p
}

// ---------------------------------------------------------------------------------------------

async fn mailed_code_then_unlock(dir: &dyn TestDirectory) {
    let env = TestEnv::on(dir, helpdesk_config).await;
    let (agent, mut b) = member(&env, dir, "desk").await;
    let person = dir.create_user("caller").await;
    let address = env.register_email(&person).await;
    dir.lock(&person).await;
    assert!(dir.is_locked(&person).await);

    verify_by_mail(&env, &mut b, &person, &address).await;
    let page = act(&mut b, &person, "unlock", "locked out on Monday").await;
    page.assert_status(200);
    assert!(page.contains("Done"), "{}", page.body);

    assert!(!dir.is_locked(&person).await, "the directory shows the account unlocked");
    assert!(dir.bind(&person.dn, &person.password).await, "the password is unchanged");
    let lines = audit_lines(&env, &person).await;
    let by = format!("helpdesk:{}", agent.uid);
    assert!(lines.iter().any(|l| l.starts_with("helpdesk_verify success email") && l.ends_with(&by)), "{lines:?}");
    assert!(lines.iter().any(|l| l == &format!("helpdesk_unlock success locked out on Monday {by}")), "{lines:?}");
    let mail = env.smtp.wait_for_subject(&address, "The helpdesk changed something").await;
    assert!(mail.text.contains("unlocked your Example Corp account"), "{}", mail.text);
}

#[tokio::test]
async fn slapd_a_member_verifies_by_mailed_code_and_unlocks_without_touching_the_password() {
    mailed_code_then_unlock(Slapd::shared().await).await;
}

#[tokio::test]
async fn samba_a_member_verifies_by_mailed_code_and_unlocks_without_touching_the_password() {
    mailed_code_then_unlock(SambaDc::shared().await).await;
}

async fn app_code_then_reset_link(dir: &dyn TestDirectory) {
    let env = TestEnv::on(dir, helpdesk_config).await;
    let (_agent, mut b) = member(&env, dir, "desk").await;
    let person = dir.create_user("caller").await;
    let address = env.register_email(&person).await;
    let secret = env.register_totp(&person).await;
    env.clock.advance(31);

    start_check(&env, &mut b, &person, "totp").await.assert_status(200);
    let page = b.post("/helpdesk/check", &[("code", &env.totp_code(&secret))]).await;
    assert!(page.contains("The caller is verified"), "{}", page.body);
    act(&mut b, &person, "reset_link", "").await.assert_status(200);

    let mail = env.smtp.wait_for_subject(&address, "Set a new password").await;
    let url = mail.text.split_whitespace().find(|w| w.contains("/reset/link/")).unwrap().to_owned();
    let path = url.split_once("/reset/link/").map(|(_, t)| format!("/reset/link/{t}")).unwrap();
    remember_secret(path.trim_start_matches("/reset/link/"));
    let mut p = env.browser();
    p.get(&path).await.assert_status(200);
    let page = p.post(&path, &[]).await;
    page.assert_status(200);
    assert!(page.url.ends_with("/reset/password"), "opens at the new-password step: {}", page.url);
    let new = new_password();
    p.set_password(&new).await.assert_status(200);
    assert!(dir.bind(&person.dn, &new).await);
    assert!(!dir.bind(&person.dn, &person.password).await);

    // Once only.
    let mut again = env.browser();
    again.get(&path).await.assert_status(410);
    again.post(&path, &[]).await.assert_status(410);

    // A second link expires.
    env.clock.advance(31);
    start_check(&env, &mut b, &person, "totp").await.assert_status(200);
    b.post("/helpdesk/check", &[("code", &env.totp_code(&secret))]).await.assert_status(200);
    act(&mut b, &person, "reset_link", "").await.assert_status(200);
    let second = reset_link_mail(&env, &address, &url).await;
    let url2 = second.text.split_whitespace().find(|w| w.contains("/reset/link/")).unwrap().to_owned();
    let path2 = url2.split_once("/reset/link/").map(|(_, t)| format!("/reset/link/{t}")).unwrap();
    remember_secret(path2.trim_start_matches("/reset/link/"));
    assert_ne!(path, path2);
    env.clock.advance(i64::try_from(env.config.helpdesk.reset_link_minutes).unwrap() * 60 + 1);
    env.browser().get(&path2).await.assert_status(410);
}

#[tokio::test]
async fn slapd_a_member_verifies_by_app_code_and_the_reset_link_opens_at_the_password_once() {
    app_code_then_reset_link(Slapd::shared().await).await;
}

#[tokio::test]
async fn samba_a_member_verifies_by_app_code_and_the_reset_link_opens_at_the_password_once() {
    app_code_then_reset_link(SambaDc::shared().await).await;
}

async fn clear_methods(dir: &dyn TestDirectory) {
    let env = TestEnv::on(dir, helpdesk_config).await;
    let (_agent, mut b) = member(&env, dir, "desk").await;
    let person = dir.create_user("caller").await;
    let address = env.register_email(&person).await;
    verify_by_mail(&env, &mut b, &person, &address).await;
    act(&mut b, &person, "clear_methods", "lost phone").await.assert_status(200);
    let id = account(&env, &person).await.id;
    assert!(env.server.services.db.list_methods(id.as_str()).await.unwrap().is_empty());
    assert!(
        audit_lines(&env, &person).await.iter().any(|l| l.starts_with("helpdesk_clear_methods success lost phone"))
    );
    // Told at the address that was registered, and at the directory's.
    env.smtp.wait_for_subject(&address, "The helpdesk changed something").await;
    env.smtp.wait_for_subject(&person.mail, "The helpdesk changed something").await;
}

#[tokio::test]
async fn slapd_a_member_clears_the_methods_of_a_verified_caller() {
    clear_methods(Slapd::shared().await).await;
}

#[tokio::test]
async fn samba_a_member_clears_the_methods_of_a_verified_caller() {
    clear_methods(SambaDc::shared().await).await;
}

#[tokio::test]
async fn a_wrong_read_back_code_counts_and_the_last_one_voids_the_check() {
    let dir = Slapd::shared().await;
    let env = TestEnv::on(dir, helpdesk_config).await;
    let (_agent, mut b) = member(&env, dir, "desk").await;
    let person = dir.create_user("caller").await;
    let address = env.register_email(&person).await;
    dir.lock(&person).await;
    start_check(&env, &mut b, &person, "email").await.assert_status(200);
    let code = env.smtp.last_code_for(&address).await;
    let wrong = if code.starts_with('0') { code.replacen('0', "1", 1) } else { format!("0{}", &code[1..]) };
    let tries = env.config.codes.max_wrong_tries;
    for n in 1..tries {
        let page = b.post("/helpdesk/check", &[("code", &wrong)]).await;
        page.assert_status(422);
        assert!(page.contains(&format!("{}", tries - n)), "try {n}: {}", page.body);
    }
    let page = b.post("/helpdesk/check", &[("code", &wrong)]).await;
    page.assert_status(422);
    assert!(page.contains("This was your last try"), "{}", page.body);
    let page = b.post("/helpdesk/check", &[("code", &wrong)]).await;
    page.assert_status(403);
    assert!(page.contains("Too many wrong codes"), "{}", page.body);
    // The right code no longer helps, and nothing can be done.
    b.post("/helpdesk/check", &[("code", &code)]).await.assert_status(410);
    act(&mut b, &person, "unlock", "").await.assert_status(403);
    assert!(dir.is_locked(&person).await);
    let lines = audit_lines(&env, &person).await;
    assert!(lines.iter().any(|l| l.starts_with("helpdesk_verify failure wrong_code")), "{lines:?}");
    assert!(lines.iter().any(|l| l.starts_with("helpdesk_verify failure too_many_wrong_codes")), "{lines:?}");
}

#[tokio::test]
async fn an_action_without_verification_is_refused() {
    let dir = Slapd::shared().await;
    let env = TestEnv::on(dir, helpdesk_config).await;
    let (_agent, mut b) = member(&env, dir, "desk").await;
    let person = dir.create_user("caller").await;
    env.register_email(&person).await;
    dir.lock(&person).await;
    for action in ["unlock", "reset_link", "lift_block", "clear_methods"] {
        let page = act(&mut b, &person, action, "they said so").await;
        page.assert_status(403);
        assert!(page.contains("Verify the caller first"), "{action}: {}", page.body);
    }
    assert!(dir.is_locked(&person).await);
    let id = account(&env, &person).await.id;
    assert_eq!(env.server.services.db.list_methods(id.as_str()).await.unwrap().len(), 1);
    let lines = audit_lines(&env, &person).await;
    assert!(lines.iter().any(|l| l.starts_with("helpdesk_unlock failure not_verified")), "{lines:?}");
}

#[tokio::test]
async fn a_member_cannot_act_on_themselves_nor_on_accounts_out_of_reach() {
    let dir = Slapd::shared().await;
    let vip = crate::support::unique("vip");
    let env = TestEnv::on(dir, |c| {
        helpdesk_config(c);
        c.helpdesk.out_of_reach_groups = vec![vip.clone()];
    })
    .await;
    let (me, mut b) = member(&env, dir, "desk").await;
    dir.lock(&me).await;
    let page = act(&mut b, &me, "unlock", "it's me").await;
    page.assert_status(403);
    assert!(page.contains("your own account"), "{}", page.body);
    start_check(&env, &mut b, &me, "totp").await.assert_status(403);
    assert!(dir.is_locked(&me).await);

    let boss = dir.create_user("boss").await;
    Slapd::shared().await.add_group(&vip, std::slice::from_ref(&boss.dn)).await;
    env.register_email(&boss).await;
    dir.lock(&boss).await;
    start_check(&env, &mut b, &boss, "email").await.assert_status(403);
    let page = act(&mut b, &boss, "unlock", "urgent").await;
    page.assert_status(403);
    assert!(page.contains("out of the helpdesk"), "{}", page.body);
    assert!(dir.is_locked(&boss).await);
}

#[tokio::test]
async fn a_non_member_gets_no_console_not_even_an_admin() {
    let dir = Slapd::shared().await;
    let env = TestEnv::on(dir, helpdesk_config).await;
    let admin = dir.create_user("adm").await;
    dir.add_to_group(&admin, ADMINS).await;
    env.register_totp(&admin).await;
    let mut b = env.browser();
    b.get("/helpdesk/sign-in").await;
    let page = b.post("/helpdesk/sign-in", &[("username", &admin.uid), ("password", &admin.password)]).await;
    page.assert_status(403);
    assert!(page.contains("only for members of the helpdesk groups"), "{}", page.body);
    for p in ["/helpdesk", "/helpdesk/person?login=x"] {
        assert!(b.get(p).await.url.ends_with("/helpdesk/sign-in"), "{p}");
    }
    // Signed in to register: 403 on the console's pages, the same answer as the admin area's.
    let mut r = env.browser();
    r.sign_in_to_register(&admin).await.assert_status(200);
    let page = r.get("/helpdesk").await;
    page.assert_status(403);
    assert!(page.contains("only for members of the helpdesk groups"), "{}", page.body);
    let person = dir.create_user("caller").await;
    let page = r.post("/helpdesk/act", &[("login", &person.uid), ("action", "unlock"), ("reason", "x")]).await;
    page.assert_status(403);
}

#[tokio::test]
async fn the_search_finds_a_person_by_part_of_the_login_name_or_mail() {
    let dir = Slapd::shared().await;
    let env = TestEnv::on(dir, helpdesk_config).await;
    let (_agent, mut b) = member(&env, dir, "desk").await;
    let person = dir.create_user("findme").await;
    let part = &person.uid[..person.uid.len() - 2];
    let page = b.get(&format!("/helpdesk?q={part}")).await;
    page.assert_status(200);
    assert!(page.contains(&format!(">{}</a>", person.uid)), "{}", page.body);
    let page = b.get(&format!("/helpdesk?q={}", person.mail)).await;
    assert!(page.contains(&format!(">{}</a>", person.uid)), "{}", page.body);
    // A filter in the search is text, not LDAP.
    let page = b.get("/helpdesk?q=*)(uid%3D*").await;
    page.assert_status(200);
    assert!(page.contains("Nobody matches"), "{}", page.body);
    let page = b.get(&format!("/helpdesk/person?login={}", person.uid)).await;
    page.assert_status(200);
    assert!(page.contains("Nothing registered"), "{}", page.body);
}
