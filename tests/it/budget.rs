//! The attacker's budget, tried for real against the portal: aliases of one account share one
//! budget, the cap on consecutive failed proofs closes self-service and alerts the admins,
//! parallel guesses get no more comparisons than an attempt allows, IPv6 clients are counted
//! by their /64, a proof of work is bound to its address, and a stranger who knows only a
//! username cannot keep its owner from resetting.

use std::time::Duration;

use crate::support::attacker::{
    ProxiedClient, choose_new_password, guess_in_tabs, judged, lift_account_limits, trust_the_test_proxy,
};
use crate::support::env::{Browser, TestEnv};
use crate::support::slapd::{Slapd, TestUser};

/// A browser whose posts come from `ip` (through the trusted proxy on 127.0.0.1).
fn browser_from(env: &TestEnv, ip: &str) -> Browser {
    let mut b = env.browser();
    b.post_headers.push(("x-forwarded-for", ip.to_owned()));
    b
}

/// The first run of 6 to 10 digits in a mail: its code.
fn code_in(text: &str) -> String {
    let code = text.split(|c: char| !c.is_ascii_digit()).find(|run| (6..=10).contains(&run.len())).unwrap().to_owned();
    crate::support::remember_secret(&code);
    code
}

/// Waits until no mail has arrived for a moment (codes and notices go out in the background).
async fn mail_settles(env: &TestEnv) -> usize {
    let mut seen = env.smtp.messages().len();
    loop {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let now = env.smtp.messages().len();
        if now == seen {
            return now;
        }
        seen = now;
    }
}

/// Resets `user`'s password from `ip` with an emailed code; returns the new password.
async fn owner_resets(env: &TestEnv, user: &TestUser, address: &str, ip: &str) -> String {
    mail_settles(env).await;
    let before = env.smtp.messages_to(address).len();
    let mut b = browser_from(env, ip);
    b.start("reset", &user.uid).await.assert_status(200);
    b.request_email_code("reset").await.assert_status(200);
    let mail = env.smtp.wait_for(address, before + 1).await;
    b.submit_code("reset", "email", &code_in(&mail.text)).await.assert_status(200);
    choose_new_password(&mut b).await
}

#[tokio::test]
async fn aliases_of_one_account_share_one_budget() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|c| {
        c.limits.starts_per_account = 3;
        c.limits.code_sends_per_account = 2;
        c.limits.resets_per_account_per_day = 100;
    })
    .await;
    let jdoe = slapd.create_user("alias").await;
    let address = env.register_email(&jdoe).await;
    let upper = jdoe.uid.to_uppercase();

    // uid, directory mail and upper case: three spellings, one account, one budget.
    let mut statuses = vec![];
    let mut b = env.browser();
    for typed in [jdoe.uid.as_str(), jdoe.mail.as_str(), upper.as_str(), jdoe.uid.as_str()] {
        statuses.push(b.start("reset", typed).await.status);
    }
    assert_eq!(statuses, vec![200, 200, 200, 429], "every alias draws on the account's one budget");

    // The same for codes sent: two from the uid's attempt and the mail's attempt, then none.
    env.clock.advance(2 * 3600);
    let before = env.smtp.messages_to(&address).len();
    let mut sends = vec![];
    for typed in [jdoe.uid.as_str(), jdoe.mail.as_str(), upper.as_str()] {
        let mut b = env.browser();
        b.start("reset", typed).await.assert_status(200);
        sends.push(b.request_email_code("reset").await.status);
    }
    assert_eq!(sends, vec![200, 200, 429]);
    env.smtp.wait_for(&address, before + 2).await;

    // A login that matches nothing is counted as typed (trimmed, lower-cased), with the same
    // answers.
    env.clock.advance(2 * 3600);
    let nobody = crate::support::unique("nobody-alias");
    let mut b = env.browser();
    let mut unknown = vec![];
    for typed in [nobody.clone(), nobody.to_uppercase(), format!("  {nobody} "), nobody.clone()] {
        unknown.push(b.start("reset", &typed).await.status);
    }
    assert_eq!(unknown, statuses, "an unknown login is limited exactly like a real one");
}

/// Posts wrong authenticator codes for `login` until `count` failed proofs were made, starting
/// a new attempt whenever one ends. Returns the statuses of every post and the last attempt's
/// browser.
async fn fail_proofs(env: &TestEnv, login: &str, count: usize) -> (Vec<u16>, Browser) {
    let max = env.config.codes.max_wrong_tries as usize;
    let mut statuses = vec![];
    let mut made = 0;
    let mut b = env.browser();
    while made < count {
        b = env.browser();
        statuses.push(b.start("reset", login).await.status);
        let mut wrong_here = 0;
        while made < count {
            let page = b.submit_code("reset", "totp", "000000").await;
            statuses.push(page.status);
            match page.status {
                422 => {
                    made += 1;
                    wrong_here += 1;
                }
                403 | 410 => {
                    // A wrong code on the attempt's last try ends it, and counts; a post to an
                    // attempt that had already ended does not.
                    if wrong_here == max {
                        made += 1;
                    }
                    break;
                }
                other => panic!("unexpected {other}: {}", page.body),
            }
        }
    }
    (statuses, b)
}

#[tokio::test]
async fn the_hundredth_failed_proof_in_a_row_closes_self_service_alerts_the_admins_and_an_admin_reopens_it() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|c| {
        c.alerts.admin_emails = vec!["security@example.test".into()];
        lift_account_limits(c);
        c.limits.starts_per_address = 10_000;
        c.limits.code_checks_per_account = 10_000;
        c.limits.code_checks_per_address = 10_000;
    })
    .await;
    assert_eq!(env.config.limits.failed_proofs_per_account, 100, "the default is NIST's 100");
    let owner = slapd.create_user("guessed").await;
    let address = env.register_email(&owner).await;

    // 99 failures, then the owner resets: a passed attempt starts the count again.
    fail_proofs(&env, &owner.uid, 99).await;
    owner_resets(&env, &owner, &address, "127.0.0.1").await;
    // 99 more (through another alias: the count is per account) leave self-service open.
    fail_proofs(&env, &owner.mail, 99).await;
    assert!(env.smtp.messages_to("security@example.test").is_empty(), "no alert below the cap");
    let new = owner_resets(&env, &owner, &address, "127.0.0.1").await;
    assert!(slapd.bind(&owner.dn, &new).await);

    // 100 in a row close it. Until then and after, a stranger sees just what the same
    // guesses at a login that matches nothing get.
    let nobody = crate::support::unique("nobody-guessed");
    let (mut real, mut real_tab) = fail_proofs(&env, &owner.uid, 100).await;
    let (mut unknown, mut unknown_tab) = fail_proofs(&env, &nobody, 100).await;
    // The attempt that reached the cap is over, for any login.
    real.push(real_tab.submit_code("reset", "totp", "000000").await.status);
    unknown.push(unknown_tab.submit_code("reset", "totp", "000000").await.status);
    assert_eq!(real.last(), Some(&403));
    assert_eq!(real, unknown, "the cap looks alike for any login");
    let mut after = env.browser();
    after.start("reset", &owner.uid).await.assert_status(200);
    assert_eq!(after.submit_code("reset", "totp", "000000").await.status, 422);
    let alert = env.smtp.wait_for_subject("security@example.test", "Self-service closed").await;
    assert!(alert.text.contains(&owner.uid) && alert.text.contains("rekey account unblock"), "{}", alert.text);

    // The owner now sees what a stranger sees for any login: the pages go on, no code is sent.
    let before = mail_settles(&env).await;
    let mut b = env.browser();
    let page = b.start("reset", &owner.uid).await;
    page.assert_status(200);
    let mut stranger = env.browser();
    let unknown = stranger.start("reset", &crate::support::unique("nobody-else")).await;
    assert_eq!(page.normalised(), unknown.normalised(), "a closed account looks like any other login");
    b.request_email_code("reset").await.assert_status(200);
    assert_eq!(mail_settles(&env).await, before, "no code goes out for a closed account");
    // Unlock is closed as well.
    let mut b = env.browser();
    b.start("unlock", &owner.uid).await.assert_status(200);
    b.request_email_code("unlock").await.assert_status(200);
    assert_eq!(mail_settles(&env).await, before, "no code goes out for a closed account");

    // The 101st failure changes nothing more and alerts no one again.
    fail_proofs(&env, &owner.uid, 1).await;
    mail_settles(&env).await;
    assert_eq!(env.smtp.messages_to("security@example.test").len(), 1);

    // The helpdesk reopens it (what `rekey account unblock` does); the owner
    // resets, and the count starts from zero.
    env.clock.advance(3600);
    assert!(env.server.services.db.unblock(&owner.uid).await.unwrap());
    owner_resets(&env, &owner, &address, "127.0.0.1").await;
    fail_proofs(&env, &owner.uid, 1).await;
    owner_resets(&env, &owner, &address, "127.0.0.1").await;
}

/// A portal on PostgreSQL whose attempts allow every check the race needs.
async fn racing_env() -> TestEnv {
    let slapd = Slapd::shared().await;
    TestEnv::build(slapd.directory_config(), crate::support::postgres::fresh_database().await, |c| {
        c.limits.code_checks_per_account = 1000;
        c.limits.code_checks_per_address = 1000;
        c.database.max_connections = 64;
    })
    .await
}

/// With the attempt's row held from outside the portal (as a busy database would), 30 tabs
/// post `wrong` for `kind` at once, then one posts `right`. Returns the right one's page and
/// how many wrong ones were judged.
async fn race(env: &TestEnv, b: &Browser, kind: &'static str, right: String, wrong: &str) -> (u16, usize) {
    use sqlx::Connection as _;
    let mut holder = sqlx::PgConnection::connect(&env.config.database.url).await.unwrap();
    let attempts: Vec<(String,)> =
        sqlx::query_as("SELECT id FROM attempts WHERE flow = 'reset' AND completed_at IS NULL AND NOT voided")
            .fetch_all(&mut holder)
            .await
            .unwrap();
    assert_eq!(attempts.len(), 1);
    let mut holder = holder.begin().await.unwrap();
    sqlx::query("SELECT id FROM attempts WHERE id = $1 FOR UPDATE")
        .bind(&attempts[0].0)
        .execute(&mut *holder)
        .await
        .unwrap();
    let tabs = guess_in_tabs(b, 30, kind, wrong);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    // Then the right one, among them.
    let mut right_tab = b.fork();
    let right = tokio::spawn(async move { right_tab.submit_code("reset", kind, &right).await });
    tokio::time::sleep(Duration::from_millis(1500)).await;
    holder.rollback().await.unwrap();

    let judged = judged(tabs).await;
    let right = right.await.unwrap();
    (right.status, judged)
}

#[tokio::test]
async fn the_right_code_among_parallel_wrong_ones_is_refused_once_the_tries_are_spent() {
    let slapd = Slapd::shared().await;
    let env = racing_env().await;
    let max = env.config.codes.max_wrong_tries as usize;
    let carol = slapd.create_user("racer-right").await;
    let address = env.register_email(&carol).await;
    let mut b = env.browser();
    let code = env.reset_code_by_email(&mut b, &carol.uid, &address).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    // Spend the tolerated wrong tries: one try is left.
    for _ in 0..max {
        b.submit_code("reset", "email", wrong).await.assert_status(422);
    }
    let (right, judged) = race(&env, &b, "email", code, wrong).await;
    assert!(matches!(right, 403 | 410), "the right code passed after the tries were spent ({right})");
    assert!(judged <= 1, "{judged} wrong guesses were judged with one try left");
    assert!(slapd.bind(&carol.dn, &carol.password).await, "the password did not change");
}

#[tokio::test]
async fn the_right_authenticator_code_among_parallel_wrong_ones_is_refused_once_the_tries_are_spent() {
    let slapd = Slapd::shared().await;
    let env = racing_env().await;
    let max = env.config.codes.max_wrong_tries as usize;
    let dave = slapd.create_user("racer-totp").await;
    let seed = env.register_totp(&dave).await;
    // The step used to confirm the app is spent; the next one is the right code.
    env.clock.advance(60);
    let code = env.totp_code(&seed);
    crate::support::remember_secret(&code);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let mut b = env.browser();
    b.start("reset", &dave.uid).await.assert_status(200);
    for _ in 0..max {
        b.submit_code("reset", "totp", wrong).await.assert_status(422);
    }
    let (right, judged) = race(&env, &b, "totp", code, wrong).await;
    assert!(matches!(right, 403 | 410), "the right code passed after the tries were spent ({right})");
    assert!(judged <= 1, "{judged} wrong guesses were judged with one try left");
}

#[tokio::test]
async fn ipv6_clients_are_counted_by_their_slash_64() {
    let env = TestEnv::with(|c| {
        trust_the_test_proxy(c);
        c.limits.starts_per_address = 2;
        lift_account_limits(c);
    })
    .await;
    let start = |ip: &str| {
        let mut b = browser_from(&env, ip);
        async move { b.start("reset", "someone-v6").await.status }
    };
    assert_eq!(start("2001:db8:1:2::1").await, 200);
    // Another address of the same /64, as a privacy extension would pick.
    assert_eq!(start("2001:db8:1:2:a8c3:41ff:fe00:9").await, 200);
    assert_eq!(start("2001:db8:1:2:ffff:ffff:ffff:fffe").await, 429, "one /64 is one client");
    // The next /64 is someone else.
    assert_eq!(start("2001:db8:1:3::1").await, 200);
    // IPv4 addresses are counted one by one, mapped or not.
    assert_eq!(start("192.0.2.10").await, 200);
    assert_eq!(start("::ffff:192.0.2.10").await, 200);
    assert_eq!(start("192.0.2.10").await, 429);
    assert_eq!(start("192.0.2.11").await, 200);
}

#[tokio::test]
async fn a_proof_of_work_solved_for_one_address_is_no_proof_from_another_and_challenges_are_counted() {
    let env = TestEnv::with(|c| {
        trust_the_test_proxy(c);
        c.limits.pow_base_bits = 8;
        c.limits.starts_per_address_without_pow = 1;
        c.limits.pow_challenges_per_address = 3;
        lift_account_limits(c);
    })
    .await;
    // The owner of 198.51.100.7 solves a challenge.
    let mut solver = ProxiedClient::new(&env, "198.51.100.7");
    let (challenge, bits) = solver.challenge().await.expect("the page carries a challenge");
    let nonce = rekey::flow::pow::solve(&challenge, bits);

    // 203.0.113.9 has spent its allowance without a proof, then replays that solution.
    let mut other = ProxiedClient::new(&env, "203.0.113.9");
    other.challenge().await;
    assert_eq!(other.start("someone-pow", None).await, 303);
    assert_eq!(other.start("someone-pow", None).await, 429);
    assert_eq!(
        other.start("someone-pow", Some((&challenge, &nonce))).await,
        429,
        "a solution from another address is no proof"
    );
    // From the address it was issued to, it works (once).
    assert_eq!(solver.start("someone-pow", Some((&challenge, &nonce))).await, 303);

    // Challenges are counted when handed out: past the limit the page has none.
    let mut collector = ProxiedClient::new(&env, "2001:db8:77::1");
    assert!(collector.challenge().await.is_some());
    assert!(collector.challenge().await.is_some());
    assert!(collector.challenge().await.is_some());
    // (another address in the same /64)
    let mut neighbour = ProxiedClient::new(&env, "2001:db8:77::2");
    assert_eq!(neighbour.challenge().await, None, "the fourth challenge for one /64 is not handed out");
}

#[tokio::test]
async fn a_stranger_looping_starts_and_code_sends_for_a_day_cannot_keep_the_owner_from_resetting() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(trust_the_test_proxy).await;
    let owner = slapd.create_user("besieged").await;
    let address = env.register_email(&owner).await;
    let strangers = ["203.0.113.10", "203.0.113.20", "2001:db8:bad::1", "198.51.100.99"];
    let owner_ip = "192.0.2.77";

    let mut refused = 0;
    let mut sent = 0;
    let mut resets = 0;
    // A simulated day in steps of ten minutes.
    for tick in 0..144 {
        for (i, ip) in strangers.iter().enumerate() {
            // Every stranger does as much as each step lets it: reset and unlock starts with
            // the owner's usernames (uid and mail), and codes sent to the owner.
            for typed in [owner.uid.as_str(), owner.mail.as_str()] {
                let mut b = browser_from(&env, ip);
                let flow = if (tick + i) % 2 == 0 { "reset" } else { "unlock" };
                if b.start(flow, typed).await.status != 200 {
                    refused += 1;
                    continue;
                }
                for _ in 0..2 {
                    match b.request_email_code(flow).await.status {
                        200 => sent += 1,
                        _ => refused += 1,
                    }
                }
            }
        }
        // The owner resets four times during the day, from home.
        if tick % 36 == 20 {
            let new = owner_resets(&env, &owner, &address, owner_ip).await;
            assert!(slapd.bind(&owner.dn, &new).await, "the owner's reset at tick {tick} took effect");
            resets += 1;
        }
        env.clock.advance(600);
    }
    eprintln!("strangers: {sent} codes sent, {refused} steps refused; owner: {resets} resets");
    assert_eq!(resets, 4);
    assert!(refused > 0, "the strangers did meet limits");
    // And the owner can still unlock, at the end of the day.
    mail_settles(&env).await;
    let before = env.smtp.messages_to(&address).len();
    let mut b = browser_from(&env, owner_ip);
    b.start("unlock", &owner.uid).await.assert_status(200);
    b.request_email_code("unlock").await.assert_status(200);
    let mail = env.smtp.wait_for(&address, before + 1).await;
    b.submit_code("unlock", "email", &code_in(&mail.text)).await.assert_status(200);
}
