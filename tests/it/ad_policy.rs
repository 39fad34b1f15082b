//! Active Directory's password policy, read by rekey to explain refusals (Windows says only
//! `0000052D … data 0`) and to show the rules before the person types: the domain's policy
//! and fine-grained policies (PSOs, made here with `samba-tool domain passwordsettings pso`).
//!
//! Each explanation asserted here carries something only the policy knows (when the minimum
//! age ends, the PSO's length or history count), so it cannot come from Samba's words.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ldap3::{Scope, SearchEntry};
use rekey::i18n::{Lang, human_time};

use crate::support::env::{Browser, TestEnv};
use crate::support::samba::SambaDc;
use crate::support::slapd::TestUser;
use crate::support::{init_tracing, output_dir, remember_secret, unique};

/// A password the domain's policy and rekey's own rules accept, of 2 + `digits` + 4 characters.
fn password(digits: usize) -> String {
    let n = format!("{:010}", rand::random::<u32>());
    let p = format!("Zq{}#Lp!", &n[..digits.min(10)]);
    remember_secret(&p);
    p
}

/// A PSO (precedence 10) with `options`, applied to `user`; readable by the service account
/// when `readable` (as README asks administrators to arrange). Returns its DN.
async fn pso(dc: &SambaDc, user: &TestUser, options: &[&str], readable: bool) -> String {
    let name = unique("rekey-pso-");
    let mut create = vec!["domain", "passwordsettings", "pso", "create", &name, "10"];
    create.extend_from_slice(options);
    dc.samba_tool(&create).await;
    dc.samba_tool(&["domain", "passwordsettings", "pso", "apply", &name, &user.uid]).await;
    let dn = format!("CN={name},CN=Password Settings Container,CN=System,DC=corp,DC=test");
    if readable {
        let shown = dc.samba_tool(&["user", "show", "rekey-svc", "--attributes=objectSid"]).await;
        let sid = shown.lines().find_map(|l| l.strip_prefix("objectSid: ")).expect("rekey-svc's SID").trim().to_owned();
        let sddl = format!("(A;;RPLCLORC;;;{sid})");
        dc.samba_tool(&["dsacl", "set", &format!("--objectdn={dn}"), &format!("--sddl={sddl}")]).await;
    }
    dn
}

/// The account's pwdLastSet as Unix time, read as Administrator.
async fn last_set(dc: &SambaDc, user: &TestUser) -> i64 {
    let mut ldap = dc.admin().await;
    let (found, _) =
        ldap.search(&user.dn, Scope::Base, "(objectClass=*)", vec!["pwdLastSet"]).await.unwrap().success().unwrap();
    let entry = SearchEntry::construct(found.into_iter().next().unwrap());
    let ticks: i64 = entry.attrs["pwdLastSet"][0].parse().unwrap();
    ticks / 10_000_000 - 11_644_473_600
}

async fn change(b: &mut Browser, user: &TestUser, current: &str, new: &str) -> crate::support::env::Page {
    b.get("/change").await.assert_status(200);
    b.post("/change", &[("username", &user.uid), ("current", current), ("new", new), ("confirm", new)]).await
}

/// A browser on the reset's new-password page of `user`, proven with an authenticator app.
async fn reset_page(env: &TestEnv, user: &TestUser) -> (Browser, crate::support::env::Page) {
    let secret = env.register_totp(user).await;
    env.clock.advance(60);
    let mut b = env.browser();
    b.start("reset", &user.uid).await;
    let page = b.submit_code("reset", "totp", &env.totp_code(&secret)).await;
    assert!(page.contains("Choose a new password"), "{}", page.body);
    let page = b.get("/reset/password").await;
    page.assert_status(200);
    (b, page)
}

#[tokio::test]
async fn a_pso_minimum_age_refusal_says_when_the_password_can_be_changed_again() {
    init_tracing();
    let dc = SambaDc::shared().await;
    let env = TestEnv::on(dc, |_| {}).await;
    let user = dc.create_user("adpolage").await;
    let mut b = env.browser();
    let first = password(8);
    change(&mut b, &user, &user.password, &first).await.assert_status(200);
    // From now on the account may change its password once a day.
    pso(dc, &user, &["--min-pwd-age=1", "--min-pwd-length=8", "--history-length=3", "--complexity=on"], true).await;
    let second = password(8);
    let refused = change(&mut b, &user, &first, &second).await;
    refused.assert_status(422);
    let until = last_set(dc, &user).await + 86_400;
    let sentence = format!("it can be changed again after {}.", human_time(Lang::En, &jiff::tz::TimeZone::UTC, until));
    assert!(refused.contains(&sentence), "no {sentence:?} in:\n{}", refused.body);
    assert!(dc.bind(&user.dn, &first).await, "nothing changed");
    let audit = env.server.services.db.recent_audit(10).await.unwrap();
    assert!(audit.iter().any(|e| e.event == "change" && e.reason.as_deref() == Some("too_young")), "{audit:?}");
}

#[tokio::test]
async fn a_pso_minimum_length_is_shown_before_typing_and_explains_the_refusal() {
    init_tracing();
    let dc = SambaDc::shared().await;
    let env = TestEnv::on(dc, |_| {}).await;
    let user = dc.create_user("adpollen").await;
    pso(dc, &user, &["--min-pwd-length=14", "--min-pwd-age=0", "--history-length=2", "--complexity=on"], true).await;

    // The change page does not know who is typing: the domain's rules, the same for everyone.
    let mut anyone = env.browser();
    let page = anyone.get("/change").await;
    assert!(page.contains("requires at least 8 characters"), "{}", page.body);
    assert!(page.contains("It must not be one of your last 3 passwords."), "{}", page.body);
    assert!(!page.contains("at least 14 characters"), "{}", page.body);

    // The reset page, once the person is proven, shows their account's rules.
    let (mut b, page) = reset_page(&env, &user).await;
    assert!(page.contains("requires at least 14 characters"), "{}", page.body);
    assert!(page.contains("It must not be one of your last 2 passwords."), "{}", page.body);
    let thirteen = password(7);
    let refused = b.set_password(&thirteen).await;
    refused.assert_status(422);
    assert!(refused.contains("Your account needs a password of at least 14 characters."), "{}", refused.body);
    assert!(refused.contains("requires at least 14 characters"), "the rules stay on the page: {}", refused.body);
    let fourteen = password(8);
    b.set_password(&fourteen).await.assert_status(200);

    // A change is explained from the same PSO.
    let mut c = env.browser();
    let refused = change(&mut c, &user, &fourteen, &password(7)).await;
    refused.assert_status(422);
    assert!(refused.contains("Your account needs a password of at least 14 characters."), "{}", refused.body);
}

#[tokio::test]
async fn a_history_refusal_names_the_psos_count() {
    init_tracing();
    let dc = SambaDc::shared().await;
    let env = TestEnv::on(dc, |_| {}).await;
    let user = dc.create_user("adpolhist").await;
    pso(dc, &user, &["--min-pwd-length=8", "--min-pwd-age=0", "--history-length=7", "--complexity=on"], true).await;
    let mut b = env.browser();
    let first = password(8);
    change(&mut b, &user, &user.password, &first).await.assert_status(200);
    let refused = change(&mut b, &user, &first, &user.password).await;
    refused.assert_status(422);
    assert!(refused.contains("It must not be one of your last 7 passwords."), "{}", refused.body);
    assert!(dc.bind(&user.dn, &first).await, "nothing changed");
}

#[tokio::test]
async fn an_unreadable_pso_falls_back_to_the_domain_policy_and_says_so_in_the_log() {
    init_tracing();
    let dc = SambaDc::shared().await;
    let env = TestEnv::on(dc, |_| {}).await;
    let user = dc.create_user("adpolhide").await;
    let dn =
        pso(dc, &user, &["--min-pwd-length=15", "--min-pwd-age=0", "--history-length=4", "--complexity=on"], false)
            .await;
    let (_b, page) = reset_page(&env, &user).await;
    assert!(page.contains("requires at least 8 characters"), "the domain's: {}", page.body);
    assert!(!page.contains("at least 15 characters"), "{}", page.body);
    let log = std::fs::read_to_string(output_dir().join("trace.log")).unwrap_or_default();
    assert!(
        log.lines().any(|l| l.contains("WARN") && l.contains(&dn) && l.contains("Password Settings Container")),
        "no warning naming the PSO in the log"
    );
}
