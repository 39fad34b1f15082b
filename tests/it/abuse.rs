//! Attacks on the public pages: guessing codes, flooding people with codes, wearing down an
//! account's self-service, each tried for real against the portal.

use crate::support::attacker::{
    ProxiedClient, choose_new_password, guess_in_tabs, judged, lift_account_limits, trust_the_test_proxy,
};
use crate::support::attr;
use crate::support::env::TestEnv;
use crate::support::slapd::Slapd;

/// Sends codes until refused; returns the statuses.
async fn send_codes(env: &TestEnv, username: &str, times: usize) -> Vec<u16> {
    let mut b = env.browser();
    b.start("reset", username).await.assert_status(200);
    let mut statuses = vec![];
    for _ in 0..times {
        statuses.push(b.request_email_code("reset").await.status);
    }
    statuses
}

#[tokio::test]
async fn the_nth_code_sent_to_one_account_is_refused_alike_for_real_and_unknown_accounts() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|c| {
        c.limits.code_sends_per_account = 3;
        c.limits.code_sends_per_address = 100;
    })
    .await;
    let alice = slapd.create_user("flooded").await;
    let address = env.register_email(&alice).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let before = env.smtp.messages_to(&address).len();

    let real = send_codes(&env, &alice.uid, 4).await;
    let unknown = send_codes(&env, "nobody-flooded", 4).await;
    assert_eq!(real, vec![200, 200, 200, 429]);
    assert_eq!(unknown, real, "a limit must not tell real and unknown accounts apart");
    env.smtp.wait_for(&address, before + 3).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(env.smtp.messages_to(&address).len(), before + 3, "the refused send sent nothing");

    let mut b = env.browser();
    b.start("reset", &alice.uid).await.assert_status(200);
    let page = b.request_email_code("reset").await;
    page.assert_status(429);
    assert!(page.contains("Too many attempts") && page.contains("You can try again in"), "{}", page.body);
    let retry: i64 = page.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=3600).contains(&retry), "{retry}");

    // An hour later the account can receive codes again.
    env.clock.advance(2 * 3600);
    b.start("reset", &alice.uid).await.assert_status(200);
    b.request_email_code("reset").await.assert_status(200);
}

#[tokio::test]
async fn one_address_sending_codes_for_many_accounts_hits_the_address_limit() {
    let env = TestEnv::with(|c| {
        c.limits.code_sends_per_account = 3;
        c.limits.code_sends_per_address = 4;
    })
    .await;
    assert_eq!(send_codes(&env, "first-target", 3).await, vec![200, 200, 200]);
    assert_eq!(send_codes(&env, "second-target", 2).await, vec![200, 429]);
}

#[tokio::test]
async fn after_n_resets_in_a_day_self_service_pauses_for_that_username_and_sends_to_the_helpdesk() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|c| c.limits.resets_per_account_per_day = 2).await;
    let bob = slapd.create_user("paused").await;
    for name in [bob.uid.as_str(), "nobody-paused"] {
        let mut b = env.browser();
        b.start("reset", name).await.assert_status(200);
        b.start("reset", name).await.assert_status(200);
        let page = b.start("reset", name).await;
        page.assert_status(429);
        assert!(page.contains("Self-service is paused for this username"), "{}", page.body);
        assert!(page.contains("contact the helpdesk"));
    }
    // Another username from the same browser is not affected; unlock is not a reset.
    env.browser().start("reset", "someone-else").await.assert_status(200);
    env.browser().start("unlock", &bob.uid).await.assert_status(200);
    // A day later it works again.
    env.clock.advance(86_400 + 60);
    env.browser().start("reset", &bob.uid).await.assert_status(200);
}

#[tokio::test]
async fn parallel_wrong_codes_on_one_attempt_cannot_exceed_the_limit() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|c| c.limits.code_checks_per_account = 1000).await;
    let carol = slapd.create_user("racer").await;
    let address = env.register_email(&carol).await;
    let mut b = env.browser();
    let code = env.reset_code_by_email(&mut b, &carol.uid, &address).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };

    // 24 tabs guess at once.
    let wrong_answers = judged(guess_in_tabs(&b, 24, "email", wrong)).await;
    assert!(wrong_answers <= 5, "{wrong_answers} guesses were judged, more than the 5 allowed");
    // The attempt is void: even the right code does nothing now.
    let page = b.submit_code("reset", "email", &code).await;
    assert!(matches!(page.status, 403 | 410), "{}", page.body);
    assert!(slapd.bind(&carol.dn, &carol.password).await);
}

#[tokio::test]
async fn a_client_address_behind_a_trusted_proxy_is_limited_by_its_forwarded_address() {
    let env = TestEnv::with(|c| {
        trust_the_test_proxy(c);
        c.limits.starts_per_address = 2;
    })
    .await;
    let start = |ip: &'static str| {
        let mut client = ProxiedClient::new(&env, ip);
        async move { client.start("someone", None).await }
    };
    assert_eq!(start("198.51.100.1").await, 303);
    assert_eq!(start("198.51.100.1").await, 303);
    assert_eq!(start("198.51.100.1").await, 429);
    // A different client behind the same proxy is not affected.
    assert_eq!(start("198.51.100.2").await, 303);
}

fn median(mut v: Vec<std::time::Duration>) -> std::time::Duration {
    v.sort();
    v[v.len() / 2]
}

/// Timing must not tell a registered account from an unknown one: 50 interleaved tries each of
/// the username step and the code request with the default response floor, medians within
/// 3 ms, identical pages.
#[tokio::test]
async fn unknown_and_registered_accounts_take_the_same_time_and_get_the_same_pages() {
    use std::time::{Duration, Instant};
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|c| {
        c.server.uniform_post_ms = rekey::config::ServerConfig::default().uniform_post_ms;
        lift_account_limits(c);
        c.limits.starts_per_address = 1000;
        c.limits.code_sends_per_account = 1000;
        c.limits.code_sends_per_address = 1000;
    })
    .await;
    let erin = slapd.create_user("timed").await;
    env.register_email(&erin).await;
    let unknown = crate::support::unique("nobody");

    let mut times: [Vec<Duration>; 2] = [vec![], vec![]];
    let mut pages: [Option<(String, String)>; 2] = [None, None];
    for round in 0..50 {
        // Alternate who goes first so drift in the machine's load cancels out.
        let order = if round % 2 == 0 { [0, 1] } else { [1, 0] };
        for who in order {
            let name = if who == 0 { erin.uid.as_str() } else { unknown.as_str() };
            let mut b = env.browser();
            b.get("/reset").await.assert_status(200);
            let started = Instant::now();
            let after_username = b.post("/reset", &[("username", name)]).await;
            let after_send = b.request_email_code("reset").await;
            times[who].push(started.elapsed());
            after_username.assert_status(200);
            after_send.assert_status(200);
            let seen = (after_username.normalised(), after_send.normalised());
            match &pages[who] {
                None => pages[who] = Some(seen),
                Some(first) => assert_eq!(first, &seen, "the same person got different pages"),
            }
        }
    }
    assert_eq!(pages[0], pages[1], "registered and unknown accounts see the same pages");
    let (known, nobody) = (median(times[0].clone()), median(times[1].clone()));
    let gap = known.abs_diff(nobody);
    eprintln!("median username+send: registered {known:?}, unknown {nobody:?}, gap {gap:?}");
    assert!(gap < Duration::from_millis(3), "registered {known:?} vs unknown {nobody:?}");
}

fn disown_path(text: &str) -> String {
    let at = text.find("/wasnt-me/").expect("the notice has a \"this wasn't me\" link");
    let rest = &text[at..];
    let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    rest[..end].to_owned()
}

async fn reset_with_email(env: &TestEnv, login: &str, address: &str) -> String {
    let mut b = env.browser();
    env.prove_reset_by_email(&mut b, login, address).await;
    choose_new_password(&mut b).await
}

#[tokio::test]
async fn this_wasnt_me_blocks_self_service_alerts_the_admins_and_works_once() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|c| c.alerts.admin_emails = vec!["security@example.test".into()]).await;
    let frank = slapd.create_user("disowner").await;
    let address = env.register_email(&frank).await;
    let current = reset_with_email(&env, &frank.uid, &address).await;
    let notice = env.smtp.wait_for_subject(&address, "password was reset").await;
    let path = disown_path(&notice.text);
    assert!(notice.html.contains("/wasnt-me/"), "{}", notice.html);
    crate::support::remember_secret(path.trim_start_matches("/wasnt-me/"));

    // An attempt already under way when the owner reacts.
    let mut intruder = env.browser();
    intruder.start("reset", &frank.uid).await.assert_status(200);
    intruder.request_email_code("reset").await.assert_status(200);
    let stolen_code = env.smtp.last_code_for(&address).await;

    // And a registration session someone opened with the (stolen) password.
    let mut hijacked = env.browser();
    let with_current = crate::support::slapd::TestUser { password: current, ..frank.clone() };
    hijacked.sign_in_to_register(&with_current).await.assert_status(200);

    // Opening the link only asks: a mail scanner following it changes nothing.
    let mut owner = env.browser();
    let ask = owner.get(&path).await;
    ask.assert_status(200);
    assert!(ask.contains("Stop self-service for my account"), "{}", ask.body);
    let done = owner.post(&path, &[]).await;
    done.assert_status(200);
    assert!(done.contains("Self-service is stopped for your account"), "{}", done.body);
    let alert = env.smtp.wait_for_subject("security@example.test", "Self-service blocked").await;
    assert!(alert.text.contains(&frank.uid), "{}", alert.text);

    // Single use.
    let again = owner.post(&path, &[]).await;
    assert!(again.contains("This link cannot be used"), "{}", again.body);
    assert!(owner.get(&path).await.contains("This link cannot be used"));

    // The hijacked registration session can add nothing now.
    let page = hijacked.post("/register/totp", &[]).await;
    page.assert_status(410);

    // The attempt in progress is void, and new ones get nowhere.
    let page = intruder.submit_code("reset", "email", &stolen_code).await;
    assert!(matches!(page.status, 403 | 410), "{}", page.body);
    let mails_before = env.smtp.messages_to(&address).len();
    let mut b = env.browser();
    b.start("reset", &frank.uid).await.assert_status(200);
    b.request_email_code("reset").await.assert_status(200);
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(env.smtp.messages_to(&address).len(), mails_before, "no code goes out for a blocked account");
    let page = b.submit_code("reset", "email", &stolen_code).await;
    page.assert_status(422);

    // The admin lifts the block; self-service works again.
    assert!(env.server.services.db.unblock(&frank.uid).await.unwrap());
    reset_with_email(&env, &frank.uid, &address).await;
}

#[tokio::test]
async fn the_admins_hear_when_a_privileged_account_resets() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|c| {
        c.alerts.admin_emails = vec!["security@example.test".into()];
        c.alerts.privileged_groups = vec!["it-admins".into()];
    })
    .await;
    let admin = slapd.create_user("privileged").await;
    slapd.add_to_group(&admin, "it-admins").await;
    let address = env.register_email(&admin).await;
    reset_with_email(&env, &admin.uid, &address).await;
    let alert = env.smtp.wait_for_subject("security@example.test", "Privileged account").await;
    assert!(alert.text.contains("it-admins") && alert.text.contains("password reset"), "{}", alert.text);

    // An ordinary account's reset is not reported.
    let plain = slapd.create_user("ordinary").await;
    let address = env.register_email(&plain).await;
    reset_with_email(&env, &plain.uid, &address).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let alerts = env.smtp.messages_to("security@example.test");
    assert_eq!(alerts.len(), 1, "{:?}", alerts.iter().map(|m| &m.subject).collect::<Vec<_>>());
}

#[tokio::test]
async fn a_method_registered_an_hour_ago_cannot_reset_while_an_older_one_exists() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|_| {}).await;
    let gina = slapd.create_user("cooling").await;
    let address = env.register_email(&gina).await;
    env.clock.advance(3 * 86_400);
    let seed = env.register_totp(&gina).await;
    // Every registered address hears about the new method.
    let started = std::time::Instant::now();
    while !env
        .smtp
        .messages_to(&address)
        .iter()
        .any(|m| m.subject.contains("method was added") && m.text.contains("Authenticator app"))
    {
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "no notice about the new authenticator app");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    env.clock.advance(3600);

    let mut b = env.browser();
    b.start("reset", &gina.uid).await.assert_status(200);
    let page = b.submit_code("reset", "totp", &env.totp_code(&seed)).await;
    page.assert_status(422);
    assert!(page.contains("That code is not right"), "{}", page.body);
    // The older method still works.
    let new = reset_with_email(&env, &gina.uid, &address).await;
    assert!(slapd.bind(&gina.dn, &new).await);

    // A day later the new method counts too.
    env.clock.advance(24 * 3600);
    let mut b = env.browser();
    b.start("reset", &gina.uid).await.assert_status(200);
    b.submit_code("reset", "totp", &env.totp_code(&seed)).await.assert_status(200);
}

/// Posts the username step, with the page's proof of work solved (or not, or tampered with).
async fn start_with_pow(env: &TestEnv, username: &str, mode: &str) -> (u16, Option<(String, String)>) {
    let mut b = env.browser();
    let page = b.get("/reset").await;
    page.assert_status(200);
    let challenge = attr(&page.body, "data-pow").expect("the username page carries a challenge");
    let bits: u32 = attr(&page.body, "data-pow-bits").unwrap().parse().unwrap();
    let solution = rekey::flow::pow::solve(&challenge, bits);
    let fields: Vec<(&str, String)> = match mode {
        "solved" => vec![("pow_challenge", challenge.clone()), ("pow", solution.clone())],
        "lowered" => {
            // Claim an easier difficulty than the one signed.
            let easier = challenge.replacen(&format!(".{bits}."), ".1.", 1);
            vec![("pow_challenge", easier.clone()), ("pow", rekey::flow::pow::solve(&easier, 1))]
        }
        _ => vec![],
    };
    let mut form: Vec<(&str, &str)> = vec![("username", username)];
    form.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
    (b.post("/reset", &form).await.status, Some((challenge, solution)))
}

#[tokio::test]
async fn the_username_step_takes_a_proof_of_work_and_without_one_the_stricter_limit_applies() {
    let env = TestEnv::with(|c| {
        c.limits.pow_base_bits = 8;
        c.limits.starts_per_address_without_pow = 3;
        c.limits.starts_per_address = 30;
        lift_account_limits(c);
    })
    .await;
    let mut b = env.browser();
    let page = b.get("/reset").await;
    assert!(page.contains("<script src=\"/static/pow.js\" defer></script>"), "{}", page.body);
    assert!(page.contains("role=\"status\" aria-live=\"polite\""), "the wait is announced to screen readers");
    let js = b.get("/static/pow.js").await;
    js.assert_status(200);
    assert!(js.headers["content-type"].to_str().unwrap().starts_with("text/javascript"));
    assert!(!page.headers["content-security-policy"].to_str().unwrap().contains("unsafe-inline"));

    // Without JavaScript: the page works, up to the stricter limit.
    for _ in 0..3 {
        assert_eq!(start_with_pow(&env, "someone", "none").await.0, 200);
    }
    assert_eq!(start_with_pow(&env, "someone", "none").await.0, 429);
    // A forged, easier challenge counts as no proof at all.
    assert_eq!(start_with_pow(&env, "someone", "lowered").await.0, 429);
    // With the work done, the ordinary limit applies.
    let (status, solved) = start_with_pow(&env, "someone", "solved").await;
    assert_eq!(status, 200);
    // A solution works once.
    let (challenge, solution) = solved.unwrap();
    let mut b = env.browser();
    b.get("/reset").await;
    let replay = b.post("/reset", &[("username", "someone"), ("pow_challenge", &challenge), ("pow", &solution)]).await;
    assert_eq!(replay.status, 429, "a spent solution is no proof");

    // Difficulty grows with the attempts the address made.
    let page = env.browser().get("/reset").await;
    let bits: u32 = attr(&page.body, "data-pow-bits").unwrap().parse().unwrap();
    assert!(bits >= 9, "after 7 attempts the challenge is harder ({bits} bits)");
}
