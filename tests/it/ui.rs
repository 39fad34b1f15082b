//! What the browser gets beyond the flows themselves: the language (query, cookie,
//! Accept-Language; pages and mails), deep links and `return_to`, kiosk mode, branding.
//! The real-browser checks (axe, keyboard, JavaScript on and off) are in `browser.rs`.

use rekey::i18n::{Arg, Lang};
use scraper::{Html, Selector};

use crate::support::env::{Page, TestEnv};
use crate::support::remember_secret;
use crate::support::slapd::Slapd;

fn new_password() -> String {
    let p = format!("Neu-{}-Pferd7", crate::support::unique("pw"));
    remember_secret(&p);
    p
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn attr(page: &Page, css: &str, name: &str) -> Option<String> {
    let doc = Html::parse_document(&page.body);
    select(&doc, css).first().and_then(|e| e.value().attr(name)).map(str::to_owned)
}

fn html_lang(page: &Page) -> String {
    attr(page, "html", "lang").unwrap_or_default()
}

/// Every `href` and form `action` on the page.
fn targets(page: &Page) -> Vec<String> {
    let doc = Html::parse_document(&page.body);
    let mut out: Vec<String> =
        select(&doc, "a[href]").iter().map(|a| a.value().attr("href").unwrap_or("").to_owned()).collect();
    out.extend(select(&doc, "form").iter().filter_map(|f| f.value().attr("action")).map(str::to_owned));
    out
}

#[tokio::test]
async fn the_language_comes_from_the_link_then_the_cookie_then_the_browser() {
    let env = TestEnv::openldap().await;
    let client = reqwest::Client::new();

    // The browser's preference, with no choice made yet.
    let res = client.get(env.server.url()).header("accept-language", "nl-BE,nl;q=0.9,en;q=0.5").send().await.unwrap();
    let body = res.text().await.unwrap();
    assert!(body.contains("<html lang=\"nl\">"), "{body}");
    assert!(body.contains(&Lang::Nl.t("home-title")));
    let res = client.get(env.server.url()).header("accept-language", "ja-JP,ja").send().await.unwrap();
    assert!(
        res.text().await.unwrap().contains("<html lang=\"en\">"),
        "a language we do not speak falls back to English"
    );

    // A choice in the link wins, and is remembered for the next page.
    let mut b = env.browser();
    let page = b.get("/reset?lang=fr").await;
    assert_eq!(html_lang(&page), "fr");
    assert!(page.contains(&Lang::Fr.t("reset-title")));
    assert_eq!(b.cookie("rekey-lang").as_deref(), Some("fr"));
    let page = b.get("/unlock").await;
    assert_eq!(html_lang(&page), "fr", "the cookie carries the choice");
    let res = client
        .get(format!("{}/unlock", env.server.url()))
        .header("cookie", "rekey-lang=es")
        .header("accept-language", "de")
        .send()
        .await
        .unwrap();
    assert!(res.text().await.unwrap().contains("<html lang=\"es\">"), "the cookie beats Accept-Language");

    // Nonsense is ignored, not echoed.
    let mut other = env.browser();
    let page = other.get("/change?lang=%3Cscript%3E").await;
    assert_eq!(html_lang(&page), "en");
    assert!(other.cookie("rekey-lang").is_none());
    assert!(!page.contains("<script>"));
    // The language form on every page: languages.rs.
}

#[tokio::test]
async fn a_reset_begun_in_german_is_german_to_the_end_mails_included() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::openldap().await;
    let greta = slapd.create_user("greta").await;
    let address = env.register_email(&greta).await;
    let de = Lang::De;

    let mut b = env.browser();
    b.get("/reset?lang=de").await.assert_status(200);
    let page = b.post("/reset", &[("username", &greta.uid)]).await;
    assert!(page.contains(&de.t("choose-title")), "{}", page.body);
    let page = b.request_email_code("reset").await;
    assert!(page.contains(&de.t("code-email-title")));

    let action = de.t("mail-code-action-reset");
    let org = env.config.server.organisation.clone();
    let subject = de.t_with("mail-code-subject", &[("org", Arg::Str(&org)), ("action", Arg::Str(&action))]);
    let mail = env.smtp.wait_for_subject(&address, &subject).await;
    assert!(mail.text.contains(&de.t("mail-code-not-you")), "{}", mail.text);
    assert!(mail.html.contains("<html lang=\"de\">"));

    let wrong = b.submit_code("reset", "email", "000000").await;
    wrong.assert_status(422);
    assert!(wrong.contains(&de.t_with("code-wrong", &[("count", Arg::Num(4))])), "{}", wrong.body);
    let code = env.smtp.last_code_for(&address).await;
    let page = b.submit_code("reset", "email", &code).await;
    assert!(page.contains(&de.t("password-title")));
    let mismatch = b.post("/reset/password", &[("new", "Eins-Zwei-Drei-4"), ("confirm", "Vier")]).await;
    mismatch.assert_status(422);
    assert!(mismatch.contains(&de.t("new-password-mismatch")));
    let new = new_password();
    let done = b.set_password(&new).await;
    done.assert_status(200);
    assert!(done.contains(&de.t("reset-done-title")));
    assert!(done.contains(&greta.uid), "the page names the account it changed");
    assert!(slapd.bind(&greta.dn, &new).await);

    let notice =
        env.smtp.wait_for_subject(&address, &de.t_with("mail-reset-subject", &[("org", Arg::Str(&org))])).await;
    assert!(notice.text.contains(&de.t("mail-was-you")), "{}", notice.text);
}

#[tokio::test]
async fn deep_links_fill_in_the_username_and_return_only_to_allowed_hosts() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|c| c.server.return_to_hosts = vec!["intranet.example.test".into()]).await;
    let hana = slapd.create_user("hana").await;
    let address = env.register_email(&hana).await;
    let back = "https://intranet.example.test/help?topic=password";

    let mut b = env.browser();
    let link = format!(
        "/reset?username={}&lang=en&return_to={}",
        hana.uid,
        url::form_urlencoded::byte_serialize(back.as_bytes()).collect::<String>()
    );
    let page = b.get(&link).await;
    assert_eq!(attr(&page, "#username", "value").as_deref(), Some(hana.uid.as_str()));
    assert_eq!(attr(&page, "input[name=return_to]", "value").as_deref(), Some(back));
    b.post("/reset", &[("username", &hana.uid), ("return_to", back)]).await;
    b.request_email_code("reset").await;
    let code = env.smtp.last_code_for(&address).await;
    b.submit_code("reset", "email", &code).await;
    let done = b.set_password(&new_password()).await;
    done.assert_status(200);
    assert!(targets(&done).contains(&back.to_owned()), "the done page leads back: {}", done.body);

    // Hosts not on the list, and addresses that are not http(s), are dropped without a trace.
    for evil in [
        "https://evil.example/",
        "javascript:alert(1)",
        "https://intranet.example.test.evil.example/",
        "//evil.example/",
    ] {
        let mut b = env.browser();
        let encoded: String = url::form_urlencoded::byte_serialize(evil.as_bytes()).collect();
        for path in ["/reset", "/unlock", "/change", "/register"] {
            let page = b.get(&format!("{path}?return_to={encoded}")).await;
            page.assert_status(200);
            assert!(!page.contains("evil.example") && !page.contains("javascript:"), "{path}: {}", page.body);
        }
    }

    for path in ["/unlock", "/change", "/register"] {
        let page = env.browser().get(&format!("{path}?username={}", hana.uid)).await;
        assert_eq!(attr(&page, "#username", "value").as_deref(), Some(hana.uid.as_str()), "{path}");
    }
}

#[tokio::test]
async fn a_kiosk_keeps_people_inside_remembers_nothing_and_forgets_when_idle() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|c| {
        c.kiosk.path_prefix = "/kiosk".into();
        c.server.return_to_hosts = vec!["intranet.example.test".into()];
    })
    .await;
    let kim = slapd.create_user("kim").await;
    let address = env.register_email(&kim).await;

    let mut b = env.browser();
    let home = b.get("/kiosk").await;
    home.assert_status(200);
    assert!(home.url.ends_with("/kiosk/"), "{}", home.url);
    assert!(home.contains("data-idle=\"90\""), "the idle timer is on");
    assert!(home.contains(&Lang::En.t("kiosk-phone-title")), "offers to continue on a phone");
    let qr = attr(&home, ".phone .qr", "aria-label").unwrap();
    assert_eq!(qr, Lang::En.t("kiosk-phone-qr"));

    // A language chosen on the kiosk lives in the visit, not in a cookie.
    let page = b.get("/kiosk/reset?lang=nl&return_to=https%3A%2F%2Fintranet.example.test%2F").await;
    assert_eq!(html_lang(&page), "nl");
    assert!(b.cookie("rekey-lang").is_none());
    assert_eq!(attr(&page, "#username", "autocomplete").as_deref(), Some("off"));
    assert!(!page.contains("intranet.example.test"), "no way out of the kiosk");
    for target in targets(&page).into_iter().chain(targets(&home)) {
        assert!(target.starts_with("/kiosk/") || target.starts_with('#'), "a link or form leaves the kiosk: {target}");
    }

    let page = b.post("/kiosk/reset", &[("username", &kim.uid)]).await;
    assert!(page.url.contains("/kiosk/reset/verify"), "redirects stay on the kiosk: {}", page.url);
    assert_eq!(html_lang(&page), "nl");
    b.request_email_code("kiosk/reset").await;
    let code = env.smtp.last_code_for(&address).await;

    // Walking away: the next person finds nothing of the last one.
    env.clock.advance(91);
    let page = b.get("/kiosk/reset/verify").await;
    page.assert_status(410);
    assert_eq!(html_lang(&page), "en", "the language went with the visit");
    let page = b.post("/kiosk/reset/code/email", &[("code", &code)]).await;
    assert!(page.status >= 400, "the old attempt cannot be continued");

    // A whole reset on the kiosk ends by sending the person back to the login screen.
    let mut b = env.browser();
    b.get("/kiosk/reset").await;
    b.post("/kiosk/reset", &[("username", &kim.uid)]).await;
    b.request_email_code("kiosk/reset").await;
    let code = env.smtp.last_code_for(&address).await;
    b.submit_code("kiosk/reset", "email", &code).await;
    let new = new_password();
    let done = b.post("/kiosk/reset/password", &[("new", &new), ("confirm", &new)]).await;
    done.assert_status(200);
    assert!(done.contains(&Lang::En.t("kiosk-done")), "{}", done.body);
    for target in targets(&done) {
        assert!(target.starts_with("/kiosk/") || target.starts_with('#'), "a link or form leaves the kiosk: {target}");
    }
    // "Finish" wipes the visit at once.
    b.get("/kiosk/start-over").await.assert_status(200);
    b.get("/kiosk/reset/verify").await.assert_status(410);

    // Outside the kiosk, /start-over is only a way home: it ends nobody's attempt.
    let mut b = env.browser();
    b.start("reset", &kim.uid).await;
    b.get("/start-over").await.assert_status(200);
    b.get("/reset/verify").await.assert_status(200);
}

#[tokio::test]
async fn a_kiosk_visit_that_keeps_going_is_not_wiped() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|c| c.kiosk.path_prefix = "/kiosk".into()).await;
    let lee = slapd.create_user("lee").await;
    env.register_email(&lee).await;
    let mut b = env.browser();
    b.get("/kiosk/reset").await;
    b.post("/kiosk/reset", &[("username", &lee.uid)]).await;
    // "I'm still here" every minute keeps the visit alive past the idle limit.
    for _ in 0..3 {
        env.clock.advance(60);
        let res = b.get("/kiosk/still-here").await;
        assert!(res.status == 204 || res.status == 200, "{}", res.status);
    }
    b.get("/kiosk/reset/verify").await.assert_status(200);
}

#[tokio::test]
async fn the_accent_colour_and_logo_come_from_config() {
    let dir = tempfile::tempdir().unwrap();
    let logo = dir.path().join("logo.svg");
    std::fs::write(&logo, r##"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#123456"/></svg>"##).unwrap();
    let env = TestEnv::with(|c| {
        c.branding.accent_colour = "#8b1a4a".into();
        c.branding.logo_file = Some(logo.clone());
    })
    .await;
    let mut b = env.browser();
    let theme = b.get("/static/theme.css").await;
    assert!(theme.contains("--accent: #8b1a4a"), "{}", theme.body);
    let page = b.get("/").await;
    assert_eq!(attr(&page, "header img.logo", "src").as_deref(), Some("/static/logo"));
    let res = reqwest::get(format!("{}/static/logo", env.server.url())).await.unwrap();
    assert_eq!(res.headers()["content-type"], "image/svg+xml");
    assert!(res.text().await.unwrap().contains("#123456"));
}
