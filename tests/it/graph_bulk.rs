//! A large Entra tenant (100,000 generated users) behind Graph's throttling: the listing for
//! the registration report pages through it within the app's request budget, waits out every
//! 429's Retry-After, and shows its progress; the admin's coverage page answers at once while
//! it runs, and a listing that fails halfway is said so and can be tried again.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rekey::directory::Directory;
use rekey::directory::graph::GraphDirectory;

use crate::graph::{APP_SECRET, app_token, continue_link, double_with_user, portal};
use crate::support::env::{Browser, Page, TestEnv};
use crate::support::graph::{GraphDouble, GraphUser};

const TENANT: usize = 100_000;

/// Resident memory of this test process, in MiB (Linux).
fn rss_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse::<u64>().ok().map(|kb| kb / 1024)
}

/// The accounts a page says were read so far ("Listing the directory: N accounts so far").
fn so_far(page: &Page) -> Option<usize> {
    let start = page.body.find("Listing the directory: ")? + "Listing the directory: ".len();
    let digits: String = page.body[start..].chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

#[tokio::test]
async fn graph_bulk_double_refuses_unbounded_parallel_pages_and_a_client_that_ignores_retry_after() {
    let (double, _) = double_with_user().await;
    double.generate_users(5_000, None);
    // Ten requests, refilled at one a second.
    double.throttle_budget(10, Duration::from_secs(10), 1);
    let http = reqwest::Client::new();
    let token = app_token(&double).await;
    let get = || http.get(format!("{}/v1.0/users?$select=id&$top=999", double.url)).bearer_auth(&token).send();

    // Thirty pages at once, as a client without a bound on its parallel requests would ask.
    let mut burst = Vec::new();
    for _ in 0..30 {
        let request = get();
        burst.push(tokio::spawn(request));
    }
    let mut answers = Vec::new();
    for request in burst {
        answers.push(request.await.unwrap().unwrap());
    }
    let statuses: Vec<u16> = answers.iter().map(|r| r.status().as_u16()).collect();
    let answered = statuses.iter().filter(|s| **s == 200).count();
    assert!((10..=12).contains(&answered), "{statuses:?}");
    let refused = answers.into_iter().find(|r| r.status() == 429).unwrap();
    assert_eq!(refused.headers()["retry-after"], "1");
    let body: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(body["error"]["code"], "TooManyRequests");
    let early = double.bulk_stats().early;
    assert!(early >= 30 - answered - 1, "requests after the first 429 came before its Retry-After: {early}");

    // Asking again at once is refused again; after Retry-After, answered.
    assert_eq!(get().await.unwrap().status(), 429);
    assert_eq!(double.bulk_stats().early, early + 1);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let page = get().await.unwrap();
    assert_eq!(page.status(), 200);
    let page: serde_json::Value = page.json().await.unwrap();
    assert_eq!(page["value"].as_array().unwrap().len(), 999);
    assert!(page["@odata.nextLink"].as_str().unwrap().contains("skiptoken="));
}

#[tokio::test]
async fn graph_bulk_lists_100000_users_through_throttling_and_counts_its_progress() {
    let (double, alice) = double_with_user().await;
    let staff = uuid::Uuid::new_v4().to_string();
    double.generate_users(TENANT, Some((&staff, 10)));
    // Twenty requests a second: a fast listing (101 pages of users, 11 of members) must wait;
    // and whatever its pace, Graph throttles it once at the 50th page.
    double.throttle_budget(20, Duration::from_secs(1), 1);
    double.throttle_at_page(50);
    let dir = GraphDirectory::new(&double.config(), vec![staff.clone()], None).unwrap();
    let before = rss_mib();

    let progress = Arc::new(AtomicUsize::new(0));
    let seen = {
        let progress = progress.clone();
        tokio::spawn(async move {
            let mut seen = Vec::new();
            loop {
                let n = progress.load(Ordering::Relaxed);
                if seen.last() != Some(&n) {
                    seen.push(n);
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
                if n > TENANT {
                    return seen;
                }
            }
        })
    };
    let started = Instant::now();
    let listed = dir.list_users_counted(200_000, &progress).await.unwrap();
    let took = started.elapsed();
    let seen = seen.await.unwrap();
    let after = rss_mib();

    let stats = double.bulk_stats();
    eprintln!(
        "100,000 users: {took:?}, {} pages of users, {} requests throttled, {} sent early, \
         resident memory {before:?} MiB before and {after:?} MiB after, progress seen {seen:?}",
        stats.user_pages, stats.throttled, stats.early
    );
    assert_eq!(listed.len(), TENANT + 1);
    assert_eq!(stats.user_pages, 101, "pages of 999");
    assert!(stats.throttled >= 1, "throttled on the way: {stats:?}");
    assert_eq!(stats.early, 0, "every Retry-After was waited out: {stats:?}");
    assert!(took < Duration::from_secs(60), "{took:?}");
    assert!(seen.windows(2).all(|w| w[0] < w[1]) && seen.len() >= 5, "progress grows page by page: {seen:?}");
    assert_eq!(progress.load(Ordering::Relaxed), TENANT + 1);

    let ids: std::collections::HashSet<&str> = listed.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids.len(), TENANT + 1, "nobody twice");
    assert!(ids.contains(alice.id.as_str()));
    let by_upn = |upn: &str| listed.iter().find(|u| u.login.eq_ignore_ascii_case(upn)).unwrap();
    let domain = &double.domain;
    assert_eq!(by_upn(&format!("bulk99990@{domain}")).groups, vec![staff.clone()]);
    assert!(by_upn(&format!("bulk99999@{domain}")).groups.is_empty());
    assert!(by_upn(&format!("bulk6@{domain}")).state.disabled);
}

/// The portal on the double with `TENANT` generated users (every tenth in `staff`) and an
/// admin signed in through OpenID Connect and an authenticator app; Graph's budget is then
/// `per_second` requests a second.
async fn admin_on_large_tenant(count: usize, per_second: u32) -> (Arc<GraphDouble>, TestEnv, Browser, GraphUser) {
    let (double, user) = double_with_user().await;
    let (admins, staff) = (uuid::Uuid::new_v4().to_string(), uuid::Uuid::new_v4().to_string());
    let mut admin = user;
    admin.groups = vec![admins.clone()];
    double.add_user(admin.clone());
    double.generate_users(count, Some((&staff, 10)));
    let a = admins.clone();
    let env = portal(&double, move |c| {
        c.admin.groups = vec![a.clone()];
        c.admin.max_listed_accounts = 200_000;
        c.policy.enabled_for = rekey::config::EnabledFor::Groups;
        c.policy.groups = vec![a, staff];
        c.policy.new_method_cooling_off_hours = 0;
    })
    .await;
    double.sign_in_as(&admin.id);
    let mut b = env.browser();
    let link = continue_link(&b.get("/register").await);
    b.get(&link).await.assert_status(200);
    let page = b.post("/register/totp", &[]).await;
    let secret = crate::support::env::totp_secret_from(&page.body);
    let page = b.post("/register/confirm", &[("code", &env.totp_code(&secret))]).await;
    assert!(page.contains("Your new method is registered"), "{}", page.body);
    env.clock.advance(60);
    let mut b = env.browser();
    let link = continue_link(&b.get("/oidc/start?next=admin").await);
    b.get(&link).await.assert_status(200);
    let page = b.post("/admin/verify/totp", &[("code", &env.totp_code(&secret))]).await;
    assert!(page.url.ends_with("/admin"), "{} {}", page.url, page.body);
    double.throttle_budget(per_second, Duration::from_secs(1), 1);
    (double, env, b, admin)
}

/// Loads the coverage page as its meta refresh would, until the listing is done.
async fn until_listed(b: &mut Browser, limit: Duration) -> (Page, Vec<usize>) {
    let started = Instant::now();
    let mut counts = Vec::new();
    loop {
        let asked = Instant::now();
        let page = b.get("/admin/coverage").await;
        page.assert_status(200);
        assert!(asked.elapsed() < Duration::from_secs(8), "the page answers while the listing runs");
        let Some(n) = so_far(&page) else { return (page, counts) };
        assert!(page.contains("<meta http-equiv=\"refresh\" content=\"3; url=/admin/coverage?q="), "{}", page.body);
        counts.push(n);
        assert!(started.elapsed() < limit, "listed within {limit:?}: {counts:?}");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

fn in_scope_figure(page: &Page) -> String {
    let doc = scraper::Html::parse_document(&page.body);
    let dd = scraper::Selector::parse("#coverage-figures dd").unwrap();
    doc.select(&dd).next().map(|d| d.text().collect::<String>()).unwrap_or_default()
}

#[tokio::test]
async fn graph_bulk_the_coverage_page_shows_the_listings_progress_then_the_coverage() {
    let (double, _env, mut b, _) = admin_on_large_tenant(TENANT, 10).await;

    let asked = Instant::now();
    let first = b.get("/admin/coverage").await;
    let answered = asked.elapsed();
    first.assert_status(200);
    let n = so_far(&first).unwrap_or_else(|| panic!("progress on the page: {}", first.body));
    assert!(answered < Duration::from_secs(8), "{answered:?}");
    assert!(n < TENANT, "{n}");
    assert!(first.contains("accounts so far") && !first.contains("id=\"coverage-figures\""), "{}", first.body);

    let (done, counts) = until_listed(&mut b, Duration::from_secs(60)).await;
    eprintln!("coverage page: first answer in {answered:?} with {n} so far, then {counts:?}");
    assert!(counts.windows(2).all(|w| w[0] <= w[1]) && counts.iter().any(|c| *c > n), "{counts:?}");
    let expected = (0..TENANT).step_by(10).filter(|n| n % 7 != 6).count() + 1;
    assert_eq!(in_scope_figure(&done), expected.to_string(), "{}", done.body);
    assert!(!done.contains("http-equiv=\"refresh\""));
    assert_eq!(double.bulk_stats().early, 0);

    // The CSV is the complete listing, at once.
    let csv = b.get("/admin/coverage.csv").await;
    csv.assert_status(200);
    assert_eq!(csv.body.lines().count(), expected + 1, "a header and a row per person in scope");
}

#[tokio::test]
async fn graph_bulk_a_listing_that_fails_halfway_is_said_so_and_tried_again() {
    let (double, _env, mut b, _) = admin_on_large_tenant(5_000, 1_000).await;
    double.fail_listing_after(2, 500);

    let page = b.get("/admin/coverage").await;
    page.assert_status(200);
    assert!(page.contains("id=\"listing-failed\""), "{}", page.body);
    assert!(page.contains("The listing stopped after 1998 accounts."), "{}", page.body);
    assert!(page.contains("href=\"/admin/coverage?refresh=1\">Try again</a>"), "{}", page.body);
    assert!(!page.contains("http-equiv=\"refresh\""), "a failed listing does not reload itself");
    // The CSV has nothing to give yet: it sends the admin to the page that says why.
    let csv = b.get("/admin/coverage.csv").await;
    assert!(csv.url.contains("/admin/coverage?") && csv.contains("id=\"listing-failed\""), "{}", csv.url);
    // Looking again does not start over by itself: the failure stays until the admin retries.
    let pages = double.bulk_stats().user_pages;
    assert!(b.get("/admin/coverage").await.contains("id=\"listing-failed\""));
    assert_eq!(double.bulk_stats().user_pages, pages);

    double.mend_listing();
    let mut retried = b.get("/admin/coverage?refresh=1").await;
    if so_far(&retried).is_some() {
        retried = until_listed(&mut b, Duration::from_secs(30)).await.0;
    }
    let expected = (0..5_000).step_by(10).filter(|n| n % 7 != 6).count() + 1;
    assert_eq!(in_scope_figure(&retried), expected.to_string(), "{}", retried.body);
    assert!(!retried.contains("id=\"listing-failed\""));
}

#[tokio::test]
async fn graph_bulk_rekey_report_tells_stderr_how_far_the_listing_got() {
    let (double, _) = double_with_user().await;
    let staff = uuid::Uuid::new_v4().to_string();
    double.generate_users(TENANT, Some((&staff, 10)));
    let group = staff.clone();
    let env = portal(&double, move |c| {
        c.admin.max_listed_accounts = 200_000;
        c.policy.enabled_for = rekey::config::EnabledFor::Groups;
        c.policy.groups = vec![group];
    })
    .await;
    // Ten requests a second: the listing takes longer than one report of progress.
    double.throttle_budget(10, Duration::from_secs(1), 1);
    let file = env.config_file();
    let config = std::fs::read_to_string(&file).unwrap();
    let config = config.replace("client_secret = \"[redacted]\"", &format!("client_secret = \"{APP_SECRET}\""));
    std::fs::write(&file, config).unwrap();

    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_rekey"));
    for (k, _) in std::env::vars().filter(|(k, _)| k.starts_with("REKEY_")) {
        command.env_remove(k);
    }
    command.args(["report", "--since", "7d", "--config"]).arg(&file);
    let started = Instant::now();
    let out = tokio::task::spawn_blocking(move || command.output().unwrap()).await.unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    eprintln!("rekey report over 100,000 users took {:?}; stderr:\n{stderr}", started.elapsed());
    assert!(out.status.success(), "{stdout}{stderr}");
    let counts: Vec<usize> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("rekey report: listing the directory: "))
        .filter_map(|l| l.strip_suffix(" accounts so far"))
        .map(|n| n.parse().unwrap())
        .collect();
    // Progress is told while the listing runs (the last line may land as it ends).
    assert!(counts.first().is_some_and(|n| *n < TENANT), "{stderr}");
    assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{stderr}");
    let expected = (0..TENANT).step_by(10).filter(|n| n % 7 != 6).count();
    assert!(stdout.contains(&format!("in scope: {expected}\n")), "{stdout}");
    assert_eq!(double.bulk_stats().early, 0);
}
