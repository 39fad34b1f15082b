//! Password quality before the directory is called: change and reset refuse weak passwords with
//! their reasons under the field, the real slapd never sees them, and the live hint answers the
//! same reasons.

use scraper::{Html, Selector};

use crate::support::env::{Page, TestEnv};
use crate::support::remember_secret;
use crate::support::slapd::{Slapd, TestUser};

/// A weak password for `user` and the words its reason must show.
fn weak_passwords(user: &TestUser) -> Vec<(String, &'static str)> {
    let cases = vec![
        ("P@ssw0rd2024".to_owned(), "too easy to guess"),
        (format!("{}2024!", user.surname), "contains your name or username"),
        // "kettle" is banned (see `portal`) and one letter short here: 1 + 3 points.
        ("Ketle#12".to_owned(), "mostly made of words that are easy to guess"),
        ("Password1".to_owned(), "leaked in data breaches"),
    ];
    for (p, _) in &cases {
        remember_secret(p);
    }
    cases
}

fn good_passphrase() -> String {
    let p = format!("Quiet-{}-Orchard-Lantern", crate::support::unique("q"));
    remember_secret(&p);
    p
}

async fn portal() -> TestEnv {
    TestEnv::with(|c| c.password.banned_terms = vec!["kettle".into()]).await
}

/// The reasons listed under the new-password field.
fn problems(page: &Page) -> Vec<String> {
    let doc = Html::parse_document(&page.body);
    let items = Selector::parse("#new-quality ul.problems li").unwrap();
    doc.select(&items).map(|li| li.text().collect::<String>()).collect()
}

/// The new-password field is marked invalid and described by the reasons.
fn assert_field_points_at_reasons(page: &Page) {
    let doc = Html::parse_document(&page.body);
    let field = doc.select(&Selector::parse("input#new").unwrap()).next().expect("the new-password field");
    assert_eq!(field.value().attr("aria-invalid"), Some("true"), "{}", page.body);
    let described: Vec<&str> = field.value().attr("aria-describedby").unwrap_or("").split(' ').collect();
    assert!(described.contains(&"new-quality") && described.contains(&"form-error"), "{described:?}");
}

/// How many times the portal asked its directory to do `op` (change_password, reset_password, …).
fn directory_calls(env: &TestEnv, op: &str) -> u64 {
    let text = env.server.services.metrics.render();
    let wanted = format!("rekey_directory_operation_duration_seconds_count{{op=\"{op}\"");
    text.lines()
        .filter(|l| l.starts_with(&wanted))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .map(|n| n as u64)
        .sum()
}

/// Audit reasons recorded for `event`, oldest first.
async fn audited_reasons(env: &TestEnv, event: &str) -> Vec<String> {
    let rekey::store::Db::Sqlite(pool) = &env.server.services.db else { unreachable!() };
    sqlx::query_scalar::<_, Option<String>>(
        "SELECT reason FROM audit_events WHERE event = $1 AND outcome = 'failure' ORDER BY id",
    )
    .bind(event)
    .fetch_all(pool)
    .await
    .unwrap()
    .into_iter()
    .flatten()
    .collect()
}

#[tokio::test]
async fn change_refuses_weak_passwords_with_their_reason_and_never_calls_the_directory() {
    let env = portal().await;
    let slapd = Slapd::shared().await;
    let user = slapd.create_user("weakchange").await;
    let before = slapd.entry_csn(&user).await;
    let mut b = env.browser();
    b.get("/change").await.assert_status(200);
    for (weak, reason) in weak_passwords(&user) {
        let page = b
            .post(
                "/change",
                &[("username", &user.uid), ("current", &user.password), ("new", &weak), ("confirm", &weak)],
            )
            .await;
        page.assert_status(422);
        assert!(page.contains("This new password cannot be used"), "{weak}: {}", page.body);
        assert!(problems(&page).iter().any(|p| p.contains(reason)), "{weak}: {:?}", problems(&page));
        assert_field_points_at_reasons(&page);
    }
    assert_eq!(directory_calls(&env, "change_password"), 0, "the directory was asked to change");
    assert_eq!(slapd.entry_csn(&user).await, before, "the entry was written");
    assert!(slapd.bind(&user.dn, &user.password).await, "the old password still works");
    let reasons = audited_reasons(&env, "change").await;
    for code in ["quality_guessable", "quality_own_name", "quality_banned", "quality_breached"] {
        assert!(reasons.iter().any(|r| r == code), "{code} not audited: {reasons:?}");
    }

    let good = good_passphrase();
    let page = b
        .post("/change", &[("username", &user.uid), ("current", &user.password), ("new", &good), ("confirm", &good)])
        .await;
    page.assert_status(200);
    assert!(page.contains("Your password has been changed"), "{}", page.body);
    assert_eq!(directory_calls(&env, "change_password"), 1);
    assert!(slapd.bind(&user.dn, &good).await);
}

#[tokio::test]
async fn a_too_short_password_is_refused_before_even_the_sign_in() {
    let env = portal().await;
    let slapd = Slapd::shared().await;
    let user = slapd.create_user("shortpw").await;
    let mut b = env.browser();
    b.get("/change").await;
    let page = b
        .post(
            "/change",
            &[("username", &user.uid), ("current", &user.password), ("new", "Sh0rt!"), ("confirm", "Sh0rt!")],
        )
        .await;
    page.assert_status(422);
    assert!(problems(&page).iter().any(|p| p.contains("too short: use at least 8 characters")), "{}", page.body);
    assert_eq!(directory_calls(&env, "verify_password"), 0, "nothing was asked of the directory");
    assert_eq!(directory_calls(&env, "find_user"), 0);
}

#[tokio::test]
async fn reset_refuses_weak_passwords_with_their_reason_and_never_calls_the_directory() {
    let env = portal().await;
    let slapd = Slapd::shared().await;
    let user = slapd.create_user("weakreset").await;
    let address = env.register_email(&user).await;
    let mut b = env.browser();
    env.prove_reset_by_email(&mut b, &user.uid, &address).await;
    let before = slapd.entry_csn(&user).await;
    for (weak, reason) in weak_passwords(&user) {
        let page = b.set_password(&weak).await;
        page.assert_status(422);
        assert!(problems(&page).iter().any(|p| p.contains(reason)), "{weak}: {:?}", problems(&page));
        assert_field_points_at_reasons(&page);
    }
    assert_eq!(directory_calls(&env, "reset_password"), 0, "the directory was asked to reset");
    assert_eq!(slapd.entry_csn(&user).await, before, "the entry was written");
    assert!(slapd.bind(&user.dn, &user.password).await, "the old password still works");
    let reasons = audited_reasons(&env, "reset").await;
    assert!(reasons.iter().all(|r| r.starts_with("quality_")) && reasons.len() == 4, "{reasons:?}");

    let good = good_passphrase();
    let page = b.set_password(&good).await;
    page.assert_status(200);
    assert!(page.contains("Your password has been reset"), "{}", page.body);
    assert!(slapd.bind(&user.dn, &good).await);
}

/// Asks the live hint, as hints.js does.
async fn hint(b: &mut crate::support::env::Browser, password: &str, username: &str) -> serde_json::Value {
    let page = b.post("/password/check", &[("password", password), ("username", username)]).await;
    page.assert_status(200);
    assert!(page.headers["content-type"].to_str().unwrap().starts_with("application/json"));
    serde_json::from_str(&page.body).unwrap()
}

#[tokio::test]
async fn the_live_hint_answers_the_same_reasons_as_the_form() {
    let env = portal().await;
    let slapd = Slapd::shared().await;
    let user = slapd.create_user("hinted").await;
    let mut b = env.browser();
    b.get("/change").await.assert_status(200);
    for (weak, _) in weak_passwords(&user) {
        let answer = hint(&mut b, &weak, &user.uid).await;
        let page = b
            .post(
                "/change",
                &[("username", &user.uid), ("current", &user.password), ("new", &weak), ("confirm", &weak)],
            )
            .await;
        let said: Vec<String> =
            answer["problems"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_owned()).collect();
        let shown = problems(&page);
        if weak.starts_with(&user.surname) {
            // The hint knows only the typed username; the form also knows the account's names.
            assert!(shown.iter().any(|p| p.contains("your name")), "{shown:?}");
            assert!(said.iter().all(|p| !p.contains("your name")), "{said:?}");
        } else {
            assert_eq!(said, shown, "{weak}");
            assert_eq!(answer["ok"], false);
        }
    }
    let good = hint(&mut b, &good_passphrase(), &user.uid).await;
    assert_eq!(good["ok"], true, "{good}");
    assert_eq!(good["problems"].as_array().map(Vec::len), Some(0));
    // What was typed as the username counts.
    let typed = hint(&mut b, &format!("{}-Orchard-1984", user.uid), &user.uid).await;
    assert!(typed["problems"].to_string().contains("your name or username"), "{typed}");
    // In the page's language.
    b.get("/change?lang=de").await;
    let german = hint(&mut b, "Password1", "").await;
    assert!(german["problems"].to_string().contains("Datenlecks"), "{german}");
}

#[tokio::test]
async fn the_live_hint_asks_nothing_of_the_directory_and_needs_the_csrf_token() {
    let env = portal().await;
    let slapd = Slapd::shared().await;
    let user = slapd.create_user("hintdir").await;
    let mut b = env.browser();
    b.get("/change").await;
    for (weak, _) in weak_passwords(&user) {
        hint(&mut b, &weak, &user.uid).await;
    }
    for op in ["find_user", "verify_password", "change_password", "reset_password"] {
        assert_eq!(directory_calls(&env, op), 0, "{op}");
    }
    // Without the form's token it is refused like any forged post.
    let forged = b.post_raw("/password/check", "password=P%40ssw0rd2024").await;
    assert_eq!(forged.status, 403);
}

#[tokio::test]
async fn on_a_reset_the_hint_knows_the_proven_account_and_only_then() {
    let env = portal().await;
    let slapd = Slapd::shared().await;
    let user = slapd.create_user("hintreset").await;
    let address = env.register_email(&user).await;
    let own_name = format!("{}2024!", user.surname);
    remember_secret(&own_name);
    let mut b = env.browser();
    b.start("reset", &user.uid).await.assert_status(200);
    // Not yet proven: the username typed on the first page is not used, nothing is looked up.
    let before = hint(&mut b, &own_name, "").await;
    assert!(!before["problems"].to_string().contains("your name"), "{before}");
    b.request_email_code("reset").await;
    let code = env.smtp.last_code_for(&address).await;
    b.submit_code("reset", "email", &code).await.assert_status(200);
    let after = hint(&mut b, &own_name, "").await;
    assert!(after["problems"].to_string().contains("your name or username"), "{after}");
}
