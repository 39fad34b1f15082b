//! The admin area against a real slapd: who may enter, and whether its numbers are right. A
//! seeded run of every flow (successes and each failure reason) must show the same counts on
//! the dashboard, in the CSV downloads and in /metrics.

use std::collections::BTreeMap;

use rekey::report::{ACTIVITIES, Activity, FAILURES, Failure};
use scraper::{Html, Selector};

use crate::support::directory::TestDirectory;
use crate::support::env::{Browser, Page, TestEnv};
use crate::support::remember_secret;
use crate::support::slapd::{Slapd, TestUser};

fn new_password() -> String {
    let p = format!("Fresh-{}-Horse7", crate::support::unique("pw"));
    remember_secret(&p);
    p
}

/// Signs `user` in to the admin area with the password and an authenticator code.
pub async fn admin_browser(env: &TestEnv, user: &TestUser, secret: &rekey::factors::totp::TotpSecret) -> Browser {
    let mut b = env.browser();
    b.get("/admin/sign-in").await.assert_status(200);
    let page = b.post("/admin/sign-in", &[("username", &user.uid), ("password", &user.password)]).await;
    page.assert_status(200);
    assert!(page.url.ends_with("/admin/verify"), "{} {}", page.url, page.body);
    let page = b.post("/admin/verify/totp", &[("code", &env.totp_code(secret))]).await;
    page.assert_status(200);
    assert!(page.url.ends_with("/admin"), "{}", page.url);
    b
}

/// The numbers of one table: row header → cells.
fn table(page: &Page, id: &str) -> BTreeMap<String, Vec<String>> {
    let doc = Html::parse_document(&page.body);
    let rows = Selector::parse(&format!("table#{id} tbody tr")).unwrap();
    let th = Selector::parse("th").unwrap();
    let td = Selector::parse("td").unwrap();
    doc.select(&rows)
        .map(|r| {
            let head = r.select(&th).next().map(|h| h.text().collect::<String>().trim().to_owned()).unwrap_or_default();
            (head, r.select(&td).map(|d| d.text().collect::<String>().trim().to_owned()).collect())
        })
        .collect()
}

/// Sums the counter `name` over the lines whose labels pass `keep`.
fn metric_sum(text: &str, name: &str, keep: impl Fn(&BTreeMap<String, String>) -> bool) -> u64 {
    let mut total = 0;
    for line in text.lines().filter(|l| l.starts_with(&format!("{name}{{"))) {
        let (labels, value) = line.rsplit_once(' ').unwrap();
        let inner = &labels[name.len() + 1..labels.len() - 1];
        let map: BTreeMap<String, String> = inner
            .split("\",")
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once("=\"").unwrap();
                (k.to_owned(), v.trim_end_matches('"').to_owned())
            })
            .collect();
        if keep(&map) {
            total += value.parse::<f64>().unwrap() as u64;
        }
    }
    total
}

/// Expected per activity: (started, succeeded, failed steps by group).
struct Expected {
    started: u64,
    succeeded: u64,
    failures: Vec<(Failure, u64)>,
}

#[tokio::test]
async fn a_seeded_run_shows_the_same_counts_on_the_dashboard_in_the_csv_and_in_metrics() {
    let slapd = Slapd::start().await;
    let scope = crate::support::unique("scope");
    let env = TestEnv::build(slapd.directory_config(), crate::support::postgres::fresh_sqlite_url(), |c| {
        c.admin.groups = vec!["it-admins".into()];
        c.policy.enabled_for = rekey::config::EnabledFor::Groups;
        c.policy.groups = vec![scope.clone()];
        c.limits.code_sends_per_account = 2;
        // The admin signs in minutes after registering (the cooling-off is tested in holes.rs).
        c.policy.new_method_cooling_off_hours = 0;
        c.metrics.allow_from = vec!["127.0.0.0/8".into()];
    })
    .await;
    let ada = slapd.create_user("ada").await;
    let ann = slapd.create_user("ann").await;
    let bob = slapd.create_user("bob").await;
    let cat = slapd.create_user("cat").await;
    let outsider = slapd.create_user("out").await;
    slapd.add_group(&scope, &[ada.dn.clone(), ann.dn.clone(), bob.dn.clone(), cat.dn.clone()]).await;
    slapd.add_to_group(&ada, "it-admins").await;

    // Registrations: three people, three methods.
    let ada_secret = env.register_totp(&ada).await;
    let ann_address = env.register_email(&ann).await;
    let cat_address = env.register_email(&cat).await;

    // A reset with one wrong code, then the right one.
    let mut b = env.browser();
    let code = env.reset_code_by_email(&mut b, &ann.uid, &ann_address).await;
    let wrong = if code == "00000000" { "11111111" } else { "00000000" };
    b.submit_code("reset", "email", wrong).await.assert_status(422);
    b.submit_code("reset", "email", &code).await.assert_status(200);
    let ann_new = new_password();
    b.set_password(&ann_new).await.assert_status(200);

    // A change the policy refuses, then one it takes.
    let mut b = env.browser();
    b.get("/change").await;
    let short = [("username", bob.uid.as_str()), ("current", &bob.password), ("new", "Sh0rt!"), ("confirm", "Sh0rt!")];
    b.post("/change", &short).await.assert_status(422);
    let bob_new = new_password();
    let ok = [("username", bob.uid.as_str()), ("current", &bob.password), ("new", &bob_new), ("confirm", &bob_new)];
    b.post("/change", &ok).await.assert_status(200);

    // A locked account tries to change its password, then unlocks.
    slapd.lock(&cat).await;
    let cat_new = new_password();
    let locked = [("username", cat.uid.as_str()), ("current", &cat.password), ("new", &cat_new), ("confirm", &cat_new)];
    b.post("/change", &locked).await.assert_status(422);
    let mut u = env.browser();
    u.start("unlock", &cat.uid).await;
    u.request_email_code("unlock").await;
    let code = env.smtp.last_code_for(&cat_address).await;
    u.submit_code("unlock", "email", &code).await.assert_status(200);
    u.post("/unlock/finish", &[]).await.assert_status(200);

    // The directory is down when a reset starts.
    slapd.stop();
    let mut d = env.browser();
    d.get("/reset").await;
    d.post("/reset", &[("username", &ann.uid)]).await.assert_status(503);
    slapd.restart().await;

    // A third code for one account within the window is refused.
    let mut r = env.browser();
    r.start("reset", &ann.uid).await.assert_status(200);
    r.request_email_code("reset").await.assert_status(200);
    r.post("/reset/send", &[]).await.assert_status(429);

    // Someone out of scope signs in to register: refused, counted as not allowed.
    let mut o = env.browser();
    o.sign_in_to_register(&outsider).await.assert_status(422);

    let expected: BTreeMap<Activity, Expected> = BTreeMap::from([
        (Activity::Register, Expected { started: 4, succeeded: 3, failures: vec![(Failure::NotAllowed, 1)] }),
        (
            Activity::Change,
            Expected { started: 3, succeeded: 1, failures: vec![(Failure::Policy, 1), (Failure::LockedOut, 1)] },
        ),
        (
            Activity::Reset,
            Expected {
                started: 3,
                succeeded: 1,
                failures: vec![(Failure::WrongCode, 1), (Failure::DirectoryUnavailable, 1), (Failure::RateLimited, 1)],
            },
        ),
        (Activity::Unlock, Expected { started: 1, succeeded: 1, failures: vec![] }),
    ]);

    env.clock.advance(60);
    let mut admin = admin_browser(&env, &ada, &ada_secret).await;

    // The dashboard.
    let page = admin.get("/admin/activity").await;
    page.assert_status(200);
    let totals = table(&page, "totals");
    let failures = table(&page, "failures");
    let rows: Vec<(&String, &Vec<String>)> = totals.iter().collect();
    assert_eq!(rows.len(), 4, "{totals:?}");
    let by_name = |a: Activity| {
        let name = rekey::i18n::Lang::En.t(&format!("admin-activity-{}", a.as_str()));
        totals.get(&name).unwrap_or_else(|| panic!("{name} in {totals:?}")).clone()
    };
    for (a, e) in &expected {
        let row = by_name(*a);
        let failed: u64 = e.failures.iter().map(|(_, n)| n).sum();
        assert_eq!(row[0], e.started.to_string(), "{a:?} started: {row:?}");
        assert_eq!(row[1], e.succeeded.to_string(), "{a:?} succeeded: {row:?}");
        assert_eq!(row[3], failed.to_string(), "{a:?} failed steps: {row:?}");
    }
    for f in FAILURES {
        let name = rekey::i18n::Lang::En.t(&format!("admin-failure-{}", f.as_str().replace('_', "-")));
        let row = failures.get(&name).unwrap_or_else(|| panic!("{name} in {failures:?}"));
        for (i, a) in ACTIVITIES.iter().enumerate() {
            let want = expected[a].failures.iter().find(|(g, _)| *g == f).map_or(0, |(_, n)| *n);
            assert_eq!(row[i], want.to_string(), "{f:?} for {a:?}: {row:?}");
        }
    }
    assert!(page.contains("<svg") && page.contains("data-activity=\"reset\""), "the chart is drawn");
    // Per method: the reset's email checks, one wrong and one right.
    let methods = table(&page, "methods");
    assert_eq!(methods.get("Email code").map(|r| r.len()), Some(3), "{methods:?}");

    // The CSV download.
    let csv = admin.get("/admin/activity.csv").await;
    csv.assert_status(200);
    assert!(csv.headers["content-type"].to_str().unwrap().starts_with("text/csv"));
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let mut csv_started: BTreeMap<String, u64> = BTreeMap::new();
    let mut csv_succeeded: BTreeMap<String, u64> = BTreeMap::new();
    let mut csv_failed: BTreeMap<(String, String), u64> = BTreeMap::new();
    for rec in reader.records() {
        let rec = rec.unwrap();
        let (activity, event, outcome, group, n) = (&rec[1], &rec[2], &rec[3], &rec[5], rec[7].parse::<u64>().unwrap());
        let completing = match activity {
            "register" => "method_added",
            other => other,
        };
        let starts = match activity {
            "reset" | "unlock" => event == "started",
            "change" => event == "change" || (event == "sign_in" && outcome == "failure"),
            _ => event == "sign_in",
        };
        if starts {
            *csv_started.entry(activity.to_owned()).or_default() += n;
        }
        if event == completing && outcome == "success" {
            *csv_succeeded.entry(activity.to_owned()).or_default() += n;
        } else if outcome == "failure" {
            *csv_failed.entry((activity.to_owned(), group.to_owned())).or_default() += n;
        }
    }
    for (a, e) in &expected {
        let name = a.as_str().to_owned();
        assert_eq!(csv_started.get(&name).copied().unwrap_or(0), e.started, "CSV started for {a:?}");
        assert_eq!(csv_succeeded.get(&name).copied().unwrap_or(0), e.succeeded, "CSV succeeded for {a:?}");
        for f in FAILURES {
            let want = e.failures.iter().find(|(g, _)| *g == f).map_or(0, |(_, n)| *n);
            let got = csv_failed.get(&(name.clone(), f.as_str().to_owned())).copied().unwrap_or(0);
            assert_eq!(got, want, "CSV {f:?} for {a:?}");
        }
    }

    // /metrics, from this (loopback) client.
    let metrics = reqwest::get(format!("{}/metrics", env.server.url())).await.unwrap();
    assert_eq!(metrics.status(), 200);
    let text = metrics.text().await.unwrap();
    let flow = "rekey_flow_events_total";
    for (a, e) in &expected {
        let completing = if *a == Activity::Register { "method_added" } else { a.as_str() };
        let succeeded = metric_sum(&text, flow, |l| {
            l["flow"] == a.as_str() && l["event"] == completing && l["outcome"] == "success"
        });
        assert_eq!(succeeded, e.succeeded, "metrics: {a:?} succeeded");
        for f in FAILURES {
            let want = e.failures.iter().find(|(g, _)| *g == f).map_or(0, |(_, n)| *n);
            let got = metric_sum(&text, flow, |l| {
                l["flow"] == a.as_str() && l["outcome"] == "failure" && Failure::of(&l["reason"]) == f
            });
            assert_eq!(got, want, "metrics: {f:?} for {a:?}");
        }
    }
    assert_eq!(metric_sum(&text, "rekey_rate_limit_hits_total", |l| l["limit"] == "send:email:account"), 1);
    assert_eq!(
        metric_sum(&text, "rekey_codes_sent_total", |l| l["channel"] == "email"),
        3,
        "codes for the reset, the unlock and the second reset (the refused third was never made)"
    );
    assert!(metric_sum(&text, "rekey_http_requests_total", |l| l["route"] == "/reset/code/{kind}") >= 3, "{text}");
    assert!(text.contains("rekey_directory_operation_duration_seconds_bucket{op=\"reset_password\""), "{text}");
    assert!(metric_sum(&text, "rekey_directory_errors_total", |l| l["op"] == "find_user") >= 1, "{text}");
    assert!(!text.contains(&ann.uid) && !text.contains("127.0.0.1"), "no person or address in a label");

    // `rekey report` on the command line says the same.
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_rekey"));
    for (k, _) in std::env::vars().filter(|(k, _)| k.starts_with("REKEY_")) {
        command.env_remove(k);
    }
    let out = command.args(["report", "--since", "7d", "--config"]).arg(env.config_file()).output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{report}{}", String::from_utf8_lossy(&out.stderr));
    for (a, e) in &expected {
        let failed: u64 = e.failures.iter().map(|(_, n)| n).sum();
        let row: Vec<&str> = report
            .lines()
            .find(|l| l.split_whitespace().next() == Some(a.as_str()))
            .unwrap_or_else(|| panic!("{a:?} in {report}"))
            .split_whitespace()
            .collect();
        assert_eq!(row[1], e.started.to_string(), "{a:?} started in {report}");
        assert_eq!(row[2], e.succeeded.to_string(), "{a:?} succeeded in {report}");
        assert_eq!(row[4], failed.to_string(), "{a:?} failed steps in {report}");
    }
    let rate_limited: Vec<&str> =
        report.lines().find(|l| l.starts_with("rate_limited")).expect("rate_limited row").split_whitespace().collect();
    assert_eq!(rate_limited[1..], ["0", "0", "1", "0"], "{report}");
    assert!(report.contains("in scope: 4\n"), "{report}");
    assert!(report.contains("registered enough: 3 (75%)"), "{report}");

    // Coverage: four in scope, three registered enough, Bob nothing.
    let page = admin.get("/admin/coverage").await;
    page.assert_status(200);
    let rows = table(&page, "coverage");
    assert_eq!(rows.len(), 4, "{rows:?}");
    let figures = Html::parse_document(&page.body);
    let dd = Selector::parse("#coverage-figures dd").unwrap();
    let numbers: Vec<String> = figures.select(&dd).map(|d| d.text().collect::<String>()).collect();
    assert_eq!(numbers[0], "4", "{numbers:?}");
    assert!(numbers[1].starts_with("3 (75 %)"), "{numbers:?}");
    assert_eq!(numbers[3], "1", "{numbers:?}");
    assert!(page.contains("The directory was read at"), "{}", page.body);
    admin.get("/admin/coverage?refresh=1").await.assert_status(200);
    let missing = admin.get("/admin/coverage?show=missing").await;
    let rows = table(&missing, "coverage");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows.values().next().unwrap()[0] == bob.uid, "{rows:?}");
    let csv = admin.get(&format!("/admin/coverage.csv?q={}", ann.uid)).await;
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines.len(), 2, "{}", csv.body);
    assert!(
        lines[1].starts_with(&format!("{},", ann.uid)) && lines[1].contains("email:1") && lines[1].ends_with(",yes"),
        "{}",
        csv.body
    );

    // Audit search by person: every row is Ann's and names where it came from.
    let page = admin.get(&format!("/admin/audit?person={}", ann.uid)).await;
    page.assert_status(200);
    let doc = Html::parse_document(&page.body);
    let tr = Selector::parse("table#audit tbody tr").unwrap();
    let td = Selector::parse("td").unwrap();
    let rows: Vec<Vec<String>> = doc
        .select(&tr)
        .map(|r| r.select(&td).map(|d| d.text().collect::<String>().trim().to_owned()).collect())
        .collect();
    assert!(rows.len() >= 8, "{rows:?}");
    for row in &rows {
        assert_eq!(row[2], ann.uid, "{row:?}");
        assert_eq!(row[4], "127.0.0.1", "{row:?}");
        assert!(!row[5].is_empty(), "the user agent is shown: {row:?}");
    }
    let only_failures = admin.get(&format!("/admin/audit?person={}&outcome=failure", ann.uid)).await;
    let failures = Html::parse_document(&only_failures.body).select(&tr).count();
    assert_eq!(failures, 2, "the wrong code and the refused third code (the failed start knew no user)");
    let csv = admin.get(&format!("/admin/audit.csv?person={}", ann.uid)).await;
    assert_eq!(csv.body.lines().count(), rows.len() + 1, "{}", csv.body);
    let page = admin.get("/admin/audit?event=export_audit").await;
    assert!(table(&page, "audit").len() == 1, "downloads are audited too");
    let page = admin.get("/admin/audit?from=not-a-date").await;
    page.assert_status(200);
    assert!(page.contains("Dates must be like"), "{}", page.body);

    // The home page: every service answers.
    let page = admin.get("/admin").await;
    page.assert_status(200);
    assert_eq!(page.body.matches("✓ Answers").count(), 3, "{}", page.body);
}

#[tokio::test]
async fn only_admins_with_a_second_method_get_in_and_everyone_else_gets_403() {
    let env = TestEnv::with(|c| {
        c.admin.groups = vec!["it-admins".into()];
        c.kiosk.path_prefix = "/kiosk".into();
        c.metrics.listen = "127.0.0.1:0".into();
    })
    .await;
    let dir: &dyn TestDirectory = Slapd::shared().await;
    let pages = [
        "/admin",
        "/admin/coverage",
        "/admin/coverage.csv",
        "/admin/activity",
        "/admin/activity.csv",
        "/admin/audit",
        "/admin/audit.csv",
    ];

    // Nobody signed in: to the sign-in page.
    let mut anon = env.browser();
    for p in pages {
        let page = anon.get(p).await;
        assert!(page.url.ends_with("/admin/sign-in"), "{p}: {}", page.url);
    }

    // A person signed in to register who is no admin: 403 everywhere.
    let pat = dir.create_user("pat").await;
    let mut b = env.browser();
    b.sign_in_to_register(&pat).await.assert_status(200);
    for p in pages {
        let page = b.get(p).await;
        page.assert_status(403);
        assert!(page.contains("only for members of the admin groups"), "{p}: {}", page.body);
    }
    // And the admin sign-in with the right password says the same.
    let mut c = env.browser();
    c.get("/admin/sign-in").await;
    let page = c.post("/admin/sign-in", &[("username", &pat.uid), ("password", &pat.password)]).await;
    page.assert_status(403);
    for p in pages {
        assert_eq!(c.get(p).await.url, format!("{}/admin/sign-in", env.server.url()), "{p}");
    }

    // An admin with no registered method cannot enter.
    let max = dir.create_user("max").await;
    dir.add_to_group(&max, "it-admins").await;
    let mut m = env.browser();
    m.get("/admin/sign-in").await;
    let page = m.post("/admin/sign-in", &[("username", &max.uid), ("password", &max.password)]).await;
    page.assert_status(403);
    assert!(page.contains("Register an authenticator app or an email address first"), "{}", page.body);
    assert!(m.get("/admin").await.url.ends_with("/admin/sign-in"));

    // An admin who gives the password but a wrong code is not in either.
    let secret = env.register_totp(&max).await;
    // Past the cooling-off period: a method registered just now does not admit an admin.
    env.clock.advance(i64::try_from(env.config.policy.new_method_cooling_off_hours).unwrap() * 3600 + 60);
    let mut w = env.browser();
    w.get("/admin/sign-in").await;
    w.post("/admin/sign-in", &[("username", &max.uid), ("password", &max.password)]).await.assert_status(200);
    let right = env.totp_code(&secret);
    let wrong = if right == "000000" { "111111" } else { "000000" };
    let page = w.post("/admin/verify/totp", &[("code", wrong)]).await;
    page.assert_status(422);
    assert!(page.contains("That code is not right"), "{}", page.body);
    for p in pages {
        assert!(w.get(p).await.url.ends_with("/admin/sign-in"), "{p}");
    }
    // The right code lets them in, and every page answers.
    w.get("/admin/verify").await;
    w.post("/admin/verify/totp", &[("code", &right)]).await.assert_status(200);
    for p in pages {
        w.get(p).await.assert_status(200);
    }
    // Signing out ends it.
    w.post("/admin/sign-out", &[]).await;
    assert!(w.get("/admin").await.url.ends_with("/admin/sign-in"));

    // A kiosk has no admin area.
    let mut k = env.browser();
    k.get("/kiosk/admin/sign-in").await.assert_status(404);
    k.get("/kiosk/admin").await.assert_status(404);

    // With metrics on their own address, the main listener has none.
    let res = reqwest::get(format!("{}/metrics", env.server.url())).await.unwrap();
    assert_eq!(res.status(), 404);
    let own = env.server.metrics_addr.expect("metrics listen");
    let res = reqwest::get(format!("http://{own}/metrics")).await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("rekey_http_requests_total"));
}

#[tokio::test]
async fn metrics_on_the_main_listener_are_only_for_allowed_addresses() {
    let env = TestEnv::with(|c| c.metrics.allow_from = vec!["10.0.0.0/8".into()]).await;
    let res = reqwest::get(format!("{}/metrics", env.server.url())).await.unwrap();
    assert_eq!(res.status(), 404, "loopback is not in allow_from here");
    let env = TestEnv::with(|c| c.metrics.allow_from = vec!["127.0.0.1".into()]).await;
    let res = reqwest::get(format!("{}/metrics", env.server.url())).await.unwrap();
    assert_eq!(res.status(), 200, "loopback is allowed when listed");
}

#[tokio::test]
async fn an_admin_can_prove_it_with_a_code_mailed_to_a_registered_address() {
    let env = TestEnv::with(|c| c.admin.groups = vec!["it-admins".into()]).await;
    let dir = Slapd::shared().await;
    let eve = dir.create_user("eve").await;
    dir.add_to_group(&eve, "it-admins").await;
    let address = env.register_email(&eve).await;
    env.clock.advance(i64::try_from(env.config.policy.new_method_cooling_off_hours).unwrap() * 3600 + 60);
    let mut b = env.browser();
    b.get("/admin/sign-in").await;
    let page = b.post("/admin/sign-in", &[("username", &eve.uid), ("password", &eve.password)]).await;
    page.assert_status(200);
    assert!(page.contains("Send a code to my registered address") && !page.contains("totp-code"), "{}", page.body);
    let page = b.post("/admin/verify/send", &[]).await;
    page.assert_status(200);
    let code = env.smtp.last_code_for(&address).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    b.post("/admin/verify/email", &[("code", wrong)]).await.assert_status(422);
    let page = b.post("/admin/verify/email", &[("code", &code)]).await;
    page.assert_status(200);
    assert!(page.url.ends_with("/admin") && page.contains("Status"), "{}", page.body);
}
