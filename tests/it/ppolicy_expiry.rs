//! Expired OpenLDAP passwords (pwdMaxAge) with and without grace logins: a change binds as the
//! person once, and a password that can no longer bind is refused in words, never with a 500.

use std::time::Duration;

use crate::support::env::TestEnv;
use crate::support::remember_secret;
use crate::support::slapd::{Slapd, TestUser};

fn new_password() -> String {
    let p = format!("Fresh-{}-Horse7", crate::support::unique("pw"));
    remember_secret(&p);
    p
}

/// A new account under `policy` (pwdMaxAge 1 s), past its expiry.
async fn expired_user(slapd: &Slapd, prefix: &str, policy: &str) -> TestUser {
    let user = slapd.create_user_under(prefix, Some(policy)).await;
    tokio::time::sleep(Duration::from_millis(2100)).await;
    user
}

async fn change(env: &TestEnv, user: &TestUser, new: &str) -> crate::support::env::Page {
    let mut b = env.browser();
    b.get("/change").await.assert_status(200);
    b.post("/change", &[("username", &user.uid), ("current", &user.password), ("new", new), ("confirm", new)]).await
}

#[tokio::test]
async fn an_expired_password_without_grace_logins_is_refused_with_advice_to_reset() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|_| {}).await;
    let kim = expired_user(slapd, "kim", "expired").await;
    assert!(!slapd.bind(&kim.dn, &kim.password).await, "no grace login: the expired password cannot bind");

    let new = new_password();
    let page = change(&env, &kim, &new).await;
    page.assert_status(422);
    assert!(page.contains("Your password has expired"), "{}", page.body);
    assert!(page.contains("I forgot my password"), "{}", page.body);
    assert!(!slapd.bind(&kim.dn, &new).await, "nothing was changed");
}

#[tokio::test]
async fn an_expired_password_with_one_grace_login_left_is_changed_with_it() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|_| {}).await;
    let lee = expired_user(slapd, "lee", "expired-grace").await;
    // pwdGraceAuthNLimit 2: this bind spends the first grace login.
    assert!(slapd.bind(&lee.dn, &lee.password).await);
    assert_eq!(slapd.grace_logins_used(&lee).await, 1);

    let new = new_password();
    let page = change(&env, &lee, &new).await;
    page.assert_status(200);
    assert!(page.contains("Your password has been changed"), "{}", page.body);
    // A successful change forgets the grace logins; the new password binds (its grace applies).
    assert_eq!(slapd.grace_logins_used(&lee).await, 0);
    assert!(slapd.bind(&lee.dn, &new).await);
    assert!(!slapd.bind(&lee.dn, &lee.password).await);
    let notice = env.smtp.wait_for_subject(&lee.mail, "password was changed").await;
    assert!(notice.text.contains("If this wasn't you"), "{}", notice.text);
}

#[tokio::test]
async fn a_change_with_two_grace_logins_left_spends_one() {
    let slapd = Slapd::shared().await;
    // Our own rules let a 7-character password through; slapd's pwdMinLength 8 refuses it, so
    // the grace logins the attempt spent stay on the entry to be counted.
    let env = TestEnv::with(|c| {
        c.password.min_length = 6;
        c.password.min_score = 0;
        c.password.check_breached = false;
    })
    .await;
    let max = expired_user(slapd, "max", "expired-grace").await;
    assert_eq!(slapd.grace_logins_used(&max).await, 0);

    let page = change(&env, &max, "Qz7#vLx").await;
    page.assert_status(422);
    assert!(page.contains("too short"), "{}", page.body);
    assert_eq!(slapd.grace_logins_used(&max).await, 1, "one bind as the person, one grace login");

    let new = new_password();
    let page = change(&env, &max, &new).await;
    page.assert_status(200);
    assert!(page.contains("Your password has been changed"), "{}", page.body);
    assert!(slapd.bind(&max.dn, &new).await);
}

#[tokio::test]
async fn a_sign_in_tells_how_long_the_password_has_left() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|_| {}).await;
    // pwdMaxAge one day, pwdExpireWarning 25 hours: every bind carries timeBeforeExpiration.
    let nell = slapd.create_user_under("nell", Some("expiring")).await;
    let mut b = env.browser();
    let page = b.sign_in_to_register(&nell).await;
    assert!(page.url.ends_with("/register/methods"), "{}", page.body);
    // (Fluent may set the number apart with invisible isolation marks.)
    let said = page.body.replace(['\u{2068}', '\u{2069}'], "");
    assert!(said.contains("Your password expires in 24 hours"), "{}", page.body);
    // Shown once, not on every later page.
    let again = b.get("/register/methods").await;
    assert!(!again.contains("Your password expires"), "{}", again.body);

    // On grace logins the person hears how many are left.
    let otto = expired_user(slapd, "otto", "expired-grace").await;
    let mut c = env.browser();
    let page = c.sign_in_to_register(&otto).await;
    let said = page.body.replace(['\u{2068}', '\u{2069}'], "");
    assert!(said.contains("Your password has expired. It will sign you in 1 more time"), "{}", page.body);
}

#[tokio::test]
async fn the_directory_reads_the_expiry_warnings_of_a_bind() {
    use rekey::directory::{Directory, Login, PasswordWarning};
    use secrecy::SecretString;
    let slapd = Slapd::shared().await;
    let dir = rekey::directory::ldap::LdapDirectory::new(&slapd.directory_config()).unwrap();
    let pia = slapd.create_user_under("pia", Some("expiring")).await;
    let user = dir.find_user(&Login::parse(&pia.uid).unwrap()).await.unwrap().unwrap();
    let warning = dir.verify_password_warned(&user, &SecretString::from(pia.password.clone())).await.unwrap();
    assert!(matches!(warning, Some(PasswordWarning::ExpiresInSecs(s)) if s > 86_000 && s <= 86_400), "{warning:?}");

    let quinn = expired_user(slapd, "quinn", "expired-grace").await;
    let user = dir.find_user(&Login::parse(&quinn.uid).unwrap()).await.unwrap().unwrap();
    let warning = dir.verify_password_warned(&user, &SecretString::from(quinn.password.clone())).await.unwrap();
    assert_eq!(warning, Some(PasswordWarning::GraceLoginsLeft(1)));
}
