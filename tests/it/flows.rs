//! The four flows end to end: browser → portal → real slapd with ppolicy, real SMTP. The
//! bodies that run on every directory live in recovery.rs (reset and unlock) and change.rs
//! (change, registration, scope); here the tests of the portal's defences and the macros that
//! run the bodies: `flows::openldap::…`, `flows::samba::…`, `flows::via_agent::…`.

use crate::support::directory::TestDirectory;
use crate::support::env::TestEnv;
use crate::support::remember_secret;
use crate::support::slapd::Slapd;

mod change;
mod recovery;

fn new_password() -> String {
    let p = format!("Fresh-{}-Horse7", crate::support::unique("pw"));
    remember_secret(&p);
    p
}

#[tokio::test]
async fn an_oversized_form_gets_413() {
    let env = TestEnv::openldap().await;
    let mut b = env.browser();
    b.get("/reset").await;
    let huge = "x".repeat(1024 * 1024);
    let page = b.post("/reset", &[("username", &huge)]).await;
    page.assert_status(413);
    assert!(page.contains("Too much was sent"), "{}", page.body);
}

#[tokio::test]
async fn a_post_without_a_csrf_token_is_refused() {
    let env = TestEnv::openldap().await;
    let mut b = env.browser();
    b.get("/reset").await;
    let page = b.post_raw("/reset", "username=alice").await;
    page.assert_status(403);
    let page = b.post_raw("/reset", "csrf=forged&username=alice").await;
    page.assert_status(403);

    // Every form in the portal, from a browser that is signed in and has an attempt going,
    // so only the token stands in the way.
    let slapd = Slapd::shared().await;
    let user = slapd.create_user("csrf").await;
    b.sign_in_to_register(&user).await.assert_status(200);
    b.start("reset", &user.uid).await.assert_status(200);
    let posts = [
        "/reset",
        "/reset/send",
        "/reset/code/email",
        "/reset/code/totp",
        "/reset/password",
        "/unlock",
        "/unlock/send",
        "/unlock/code/email",
        "/unlock/finish",
        "/register",
        "/register/email",
        "/register/totp",
        "/register/confirm",
        "/register/cancel",
        "/register/remove",
        "/register/done",
        "/register/sign-out",
        "/change",
        "/wasnt-me/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ];
    for path in posts {
        let page = b.post_raw(path, "code=123456&username=x&address=a%40b.test&new=x&confirm=x").await;
        assert_eq!(page.status, 403, "{path} without a token:\n{}", page.body);
        let page = b.post_raw(path, "csrf=forged.token&code=123456").await;
        assert_eq!(page.status, 403, "{path} with a forged token");
        let mut evil = b.fork();
        evil.origin = Some("https://evil.example".into());
        let page = evil.post(path, &[("code", "123456")]).await;
        assert_eq!(page.status, 403, "{path} from another origin");
    }
    // The session still works: nothing above was accepted.
    b.get("/register/methods").await.assert_status(200);
}

#[tokio::test]
async fn a_cross_origin_post_is_refused() {
    let env = TestEnv::openldap().await;
    let mut b = env.browser();
    b.get("/reset").await;
    b.origin = Some("https://evil.example".into());
    let page = b.post("/reset", &[("username", "alice")]).await;
    page.assert_status(403);
}

/// Under `Referrer-Policy: no-referrer` Chromium posts our own forms with `Origin: null`; the
/// browser tests found every form refused before this was judged by Sec-Fetch-Site.
#[tokio::test]
async fn a_null_origin_is_judged_by_sec_fetch_site() {
    let env = TestEnv::openldap().await;
    let mut b = env.browser();
    b.get("/reset").await;
    b.origin = Some("null".into());
    b.post_headers = vec![("sec-fetch-site", "same-origin".into())];
    b.post("/reset", &[("username", "alice")]).await.assert_status(200);
    let mut b = env.browser();
    b.get("/reset").await;
    b.origin = Some("null".into());
    b.post_headers = vec![("sec-fetch-site", "cross-site".into())];
    b.post("/reset", &[("username", "alice")]).await.assert_status(403);
}

#[tokio::test]
async fn pages_carry_security_headers() {
    let env = TestEnv::openldap().await;
    let mut b = env.browser();
    let page = b.get("/reset").await;
    let h = &page.headers;
    assert!(h["content-security-policy"].to_str().unwrap().contains("frame-ancestors 'none'"));
    assert_eq!(h["referrer-policy"], "no-referrer");
    assert_eq!(h["cache-control"], "no-store");
    assert_eq!(h["x-content-type-options"], "nosniff");
    let cookie = h.get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect::<Vec<_>>().join("\n");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");

    // Every response, pages and errors and assets alike.
    for path in ["/", "/reset", "/unlock/verify", "/no-such-page", "/static/rekey.css", "/healthz"] {
        let page = b.get(path).await;
        let h = &page.headers;
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), "{path}: {csp}");
        assert!(h["strict-transport-security"].to_str().unwrap().starts_with("max-age="), "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
        if !path.starts_with("/static/") {
            assert_eq!(h["cache-control"], "no-store", "{path}");
        }
    }
}

#[tokio::test]
async fn the_directory_going_down_mid_flow_gives_503_and_changes_nothing() {
    let slapd = Slapd::start().await;
    let env = TestEnv::build(slapd.directory_config(), crate::support::postgres::fresh_sqlite_url(), |_| {}).await;
    let lee = slapd.create_user("lee").await;
    let secret = env.register_totp(&lee).await;
    env.clock.advance(60);
    let mut b = env.browser();
    b.start("reset", &lee.uid).await;
    b.submit_code("reset", "totp", &env.totp_code(&secret)).await.assert_status(200);

    slapd.stop();
    let new = new_password();
    let page = b.set_password(&new).await;
    page.assert_status(503);
    assert!(page.contains("Nothing was changed"), "{}", page.body);

    slapd.restart().await;
    assert!(slapd.bind(&lee.dn, &lee.password).await, "the old password still works");
    assert!(!slapd.bind(&lee.dn, &new).await);
    // The same attempt can finish once the directory is back.
    let page = b.set_password(&new).await;
    page.assert_status(200);
    assert!(slapd.bind(&lee.dn, &new).await);
}

#[tokio::test]
async fn an_unlock_the_directory_could_not_finish_can_be_retried() {
    let slapd = Slapd::start().await;
    let env = TestEnv::build(slapd.directory_config(), crate::support::postgres::fresh_sqlite_url(), |_| {}).await;
    let rae = slapd.create_user("rae").await;
    let secret = env.register_totp(&rae).await;
    slapd.lock(&rae).await;
    env.clock.advance(60);
    let mut b = env.browser();
    b.start("unlock", &rae.uid).await;

    b.submit_code("unlock", "totp", &env.totp_code(&secret)).await.assert_status(200);
    slapd.stop();
    let page = b.post("/unlock/finish", &[]).await;
    page.assert_status(503);
    slapd.restart().await;
    assert!(slapd.is_locked(&rae).await, "nothing changed while the directory was down");

    let done = b.post("/unlock/finish", &[]).await;
    done.assert_status(200);
    assert!(done.contains("Your account is unlocked"), "{}", done.body);
    assert!(!slapd.is_locked(&rae).await);
    assert!(slapd.bind(&rae.dn, &rae.password).await);
}

/// Runs each named test body once per directory: `flows::openldap::…`, `flows::samba::…`.
macro_rules! on_every_directory {
    ($($file:ident::$name:ident),* $(,)?) => {
        mod openldap {
            $(#[tokio::test]
            async fn $name() {
                super::$file::$name(crate::support::slapd::Slapd::shared().await).await
            })*
        }
        on_samba!($($file::$name),*);
        via_agent!($($file::$name),*);
    };
}

/// The same bodies against the Samba DC through a real `rekey agent` process.
macro_rules! via_agent {
    ($($file:ident::$name:ident),* $(,)?) => {
        mod via_agent {
            $(#[tokio::test]
            async fn $name() {
                super::$file::$name(crate::support::agent::SambaViaAgent::shared().await).await
            })*
        }
    };
}

/// The same bodies against the shared Samba AD DC, plus the AD-only ones.
macro_rules! on_samba {
    ($($file:ident::$name:ident),* $(,)?) => {
        mod samba {
            $(#[tokio::test]
            async fn $name() {
                super::$file::$name(crate::support::samba::SambaDc::shared().await).await
            })*

            #[tokio::test]
            async fn a_member_of_a_nested_group_is_in_scope() {
                super::change::a_member_of_a_nested_group_is_in_scope(crate::support::samba::SambaDc::shared().await).await
            }
        }
    };
}

on_every_directory!(
    recovery::reset_with_email_code_sets_new_password,
    recovery::a_totp_code_cannot_be_used_twice,
    recovery::an_expired_email_code_is_refused,
    recovery::the_sixth_wrong_email_code_voids_the_attempt,
    change::change_refuses_a_password_from_history,
    change::change_refuses_a_wrong_current_password,
    change::change_refuses_a_too_short_password_with_its_reason,
    recovery::unlock_clears_a_lockout_and_keeps_the_password,
    recovery::reset_also_unlocks_a_locked_account,
    change::a_person_without_methods_lands_on_registration_and_must_register,
    change::a_method_is_saved_only_after_its_code_is_confirmed,
    change::out_of_scope_unknown_and_in_scope_people_see_identical_pages,
    change::a_filter_injection_username_finds_nobody,
    recovery::with_two_methods_required_both_must_pass_before_the_password_step,
    recovery::reset_can_force_a_change_at_next_logon,
    recovery::a_disabled_account_cannot_reset_and_looks_unknown,
    recovery::a_password_with_non_ascii_characters_resets_and_binds,
);
