//! Hostile input through every form: LDAP filter metacharacters, NUL bytes, invalid and
//! overlong UTF-8, huge fields, look-alike letters. None may cause a 500, and none may reach
//! the directory unescaped: each wildcard below would match the one registered account if it
//! were put into a filter as typed, so any code mail to that account's address would betray it.

use std::time::Duration;

use crate::support::env::TestEnv;
use crate::support::slapd::Slapd;

/// What an attacker types, built around the real login `victim` so that an unescaped filter
/// would find it.
fn hostile(victim: &str) -> Vec<String> {
    let head = &victim[..victim.len() - 2];
    let mut list: Vec<String> = vec![
        format!("{head}*"),
        format!("*{}", &victim[2..]),
        format!("{victim})(uid=*"),
        format!("*)(|(uid={victim})"),
        format!("{head}\\2a"),
        format!("{victim}\0"),
        format!("{head}\0*"),
        "*".into(),
        "(|(objectClass=*))".into(),
        "\\".into(),
        "\u{0000}".into(),
        // Look-alikes: Cyrillic а and е, a full-width letter, a zero-width joiner.
        victim.replacen('a', "\u{0430}", 1),
        victim.replacen('e', "\u{0435}", 1),
        format!("{victim}\u{200d}"),
        format!("\u{ff41}{}", &victim[1..]),
        "\u{202e}gnp.exe".into(),
        "a".repeat(257),
        "😀".repeat(100),
        "' OR '1'='1".into(),
        "<script>alert(1)</script>".into(),
        "%00%2a".into(),
        "\r\nX-Injected: yes".into(),
    ];
    list.push(" ".repeat(300));
    list
}

/// Raw bodies no browser would send: invalid and overlong UTF-8, a 1 MB field.
fn raw_bodies(csrf: &str) -> Vec<String> {
    vec![
        format!("csrf={csrf}&username=%C0%AF"),
        format!("csrf={csrf}&username=%E0%80%AF"),
        format!("csrf={csrf}&username=%FF%FE%00"),
        format!("csrf={csrf}&username=%ED%A0%80"),
        format!("csrf={csrf}&username=a&username=b"),
        format!("csrf={csrf}&username"),
        format!("csrf={csrf}&username={}", "A".repeat(1 << 20)),
        format!("csrf={csrf}&{}=1", "k".repeat(10_000)),
        "%%%".into(),
    ]
}

fn no_server_error(what: &str, input: &str, status: u16, body: &str) {
    assert!(status < 500, "{what} with {input:?} gave {status}:\n{body}");
    assert!(!body.contains("Something went wrong on our side"), "{what} with {input:?}:\n{body}");
}

#[tokio::test]
async fn hostile_input_through_every_form_is_refused_cleanly_and_never_reaches_ldap_unescaped() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|c| {
        c.limits = rekey::config::LimitsConfig {
            starts_per_address: 100_000,
            starts_per_address_without_pow: 100_000,
            starts_per_account: 100_000,
            code_sends_per_account: 100_000,
            code_sends_per_address: 100_000,
            code_checks_per_account: 100_000,
            code_checks_per_address: 100_000,
            resets_per_account_per_day: 100_000,
            ..c.limits.clone()
        }
    })
    .await;
    let victim = slapd.create_user("hostileacme").await;
    let address = env.register_email(&victim).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mails_before = env.smtp.messages_to(&address).len();

    for input in hostile(&victim.uid) {
        for flow in ["reset", "unlock"] {
            let mut b = env.browser();
            b.get(&format!("/{flow}")).await;
            let page = b.post(&format!("/{flow}"), &[("username", &input)]).await;
            no_server_error(flow, &input, page.status, &page.body);
            if page.status == 200 {
                let sent = b.request_email_code(flow).await;
                no_server_error("send", &input, sent.status, &sent.body);
                for code in [input.as_str(), "000000"] {
                    let checked = b.submit_code(flow, "email", code).await;
                    no_server_error("code", &input, checked.status, &checked.body);
                    let checked = b.submit_code(flow, "totp", code).await;
                    no_server_error("totp", &input, checked.status, &checked.body);
                }
            }
        }
        let mut b = env.browser();
        b.get("/register").await;
        let page = b.post("/register", &[("username", &input), ("password", &input)]).await;
        no_server_error("register", &input, page.status, &page.body);
        assert_ne!(page.status, 200, "signed in as {input:?}");
        let mut b = env.browser();
        b.get("/change").await;
        let page =
            b.post("/change", &[("username", &input), ("current", &input), ("new", &input), ("confirm", &input)]).await;
        no_server_error("change", &input, page.status, &page.body);
        let mut b = env.browser();
        let page = b.get(&format!("/reset?username={}", urlencode(&input))).await;
        no_server_error("deep link", &input, page.status, &page.body);
        let page = b.get(&format!("/wasnt-me/{}", urlencode(&input))).await;
        no_server_error("wasnt-me", &input, page.status, &page.body);
    }

    // A signed-in person's own forms.
    let mut me = env.browser();
    me.sign_in_to_register(&victim).await.assert_status(200);
    for input in hostile(&victim.uid) {
        let page = me.post("/register/email", &[("address", &input)]).await;
        no_server_error("register email", &input, page.status, &page.body);
        let page = me.post("/register/confirm", &[("code", &input)]).await;
        no_server_error("register confirm", &input, page.status, &page.body);
    }

    for path in ["/reset", "/unlock", "/register", "/change", "/register/email"] {
        let mut b = env.browser();
        b.get(path).await;
        let csrf = b.csrf();
        for body in raw_bodies(&csrf) {
            let page = b.post_raw(path, &body).await;
            let shown: String = body.chars().take(60).collect();
            no_server_error(path, &shown, page.status, &page.body);
        }
    }

    tokio::time::sleep(Duration::from_millis(500)).await;
    let codes_to_victim = env.smtp.messages_to(&address).len() - mails_before;
    assert_eq!(codes_to_victim, 0, "a hostile username reached the victim's account");
    assert!(slapd.bind(&victim.dn, &victim.password).await, "nothing changed");
}

fn urlencode(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

#[tokio::test]
async fn oversized_headers_get_431_not_a_crash() {
    let env = TestEnv::openldap().await;
    let client = reqwest::Client::new();
    let res = client
        .get(format!("{}/reset", env.server.url()))
        .header("cookie", format!("junk={}", "x".repeat(64 * 1024)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 431);
    let body = res.text().await.unwrap();
    assert!(body.contains("<html"), "an error page, not a bare status: {body}");
    // Ordinary requests are unaffected.
    assert_eq!(client.get(format!("{}/reset", env.server.url())).send().await.unwrap().status().as_u16(), 200);
}
