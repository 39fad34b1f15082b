//! Password-expiry reminders against slapd (pwdMaxAge of a per-user policy; the default policy
//! that never expires), with the portal's clock moved forward: each threshold mailed once per
//! password, across restarts and two replicas on PostgreSQL, never again for a password that
//! was changed, and `rekey remind --dry-run` printing exactly what the pass then sends.

use rekey::config::{Config, EnabledFor};
use rekey::directory::expiry::{Expiry, Throttle};
use rekey::flow::reminders::{self, MailKind, Planned};

use crate::support::env::TestEnv;
use crate::support::slapd::{Slapd, TestUser};
use crate::support::{remember_secret, unique};

const DAY: i64 = 86_400;

/// Reminders on (thresholds 14, 7, 3, 1, at any hour), for the members of `group` only.
fn reminders_for(group: &str) -> impl FnOnce(&mut Config) {
    let group = group.to_owned();
    move |c: &mut Config| {
        c.reminders.enabled = true;
        c.reminders.send_from_hour = 0;
        c.reminders.send_until_hour = 24;
        c.policy.enabled_for = EnabledFor::Groups;
        c.policy.groups = vec![group];
        c.directory.ppolicy_default_dn = "cn=default,ou=policies,dc=example,dc=test".into();
    }
}

/// People under their own policy with this pwdMaxAge, in a new group of their own.
struct Cohort {
    group: String,
    users: Vec<TestUser>,
}

async fn cohort(slapd: &Slapd, max_age_days: &[i64]) -> Cohort {
    let mut users = Vec::new();
    for days in max_age_days {
        let policy = unique(&format!("remind-{days}d-"));
        if *days > 0 {
            slapd.add_policy(&policy, days * DAY).await;
            users.push(slapd.create_user_under("rem", Some(&policy)).await);
        } else {
            users.push(slapd.create_user("rem").await);
        }
    }
    let group = unique("remind-group-");
    slapd.add_group(&group, &users.iter().map(|u| u.dn.clone()).collect::<Vec<_>>()).await;
    Cohort { group, users }
}

/// The reminders of one pass, as (login, days before).
fn sent(mails: &[Planned]) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = mails
        .iter()
        .filter_map(|p| match p.kind {
            MailKind::Expiry { days_before, .. } => Some((p.user.login.clone(), days_before)),
            MailKind::Nudge { .. } => None,
        })
        .collect();
    out.sort();
    out
}

fn at(env: &TestEnv, when: i64) {
    env.clock.advance(when - env.clock.now());
}

#[tokio::test]
async fn expiry_comes_from_the_per_user_policy_and_each_threshold_is_mailed_once() {
    let slapd = Slapd::shared().await;
    let c = cohort(slapd, &[30, 10, 0]).await;
    let env = TestEnv::with(reminders_for(&c.group)).await;
    let s = &env.server.services;
    let (thirty, ten, never) = (&c.users[0], &c.users[1], &c.users[2]);

    let listed = s.directory.list_password_expiry(100_000, &Throttle::unlimited()).await.unwrap();
    let of = |u: &TestUser| listed.iter().find(|e| e.user.login == u.uid).unwrap().clone();
    let changed = of(thirty).changed_at.expect("ppolicy stamped pwdChangedTime");
    assert!((changed - env.clock.now()).abs() < 120, "{changed}");
    assert_eq!(of(thirty).expires, Expiry::At(changed + 30 * DAY));
    assert_eq!(of(ten).expires, Expiry::At(of(ten).changed_at.unwrap() + 10 * DAY));
    assert_eq!(of(never).expires, Expiry::Never, "cn=default has no pwdMaxAge");

    // Now: 10 days left is within 14, so the 10-day account hears at once; 30 days do not.
    let first = reminders::run_pass(s, "replica-a").await.unwrap();
    assert_eq!(sent(&first.sent), vec![(ten.uid.clone(), 14)]);
    let mail = env.smtp.wait_for(&ten.mail, 1).await;
    assert!(mail.subject.contains("within 14 days"), "{}", mail.subject);
    assert!(mail.text.contains(&format!("{}/change", env.server.url())), "{}", mail.text);
    assert!(mail.text.contains(&format!("{}/reset", env.server.url())), "{}", mail.text);
    assert!(reminders::run_pass(s, "replica-a").await.unwrap().sent.is_empty(), "the same threshold is not sent twice");

    // A second after the 30-day account's 14-day mark, and after the 10-day one's 7 and 3.
    at(&env, changed + 16 * DAY + 1);
    let later = reminders::run_pass(s, "replica-a").await.unwrap();
    assert_eq!(sent(&later.sent), vec![(thirty.uid.clone(), 14)], "the 10-day password has expired by now");
    at(&env, changed + 23 * DAY + 1);
    assert_eq!(sent(&reminders::run_pass(s, "replica-a").await.unwrap().sent), vec![(thirty.uid.clone(), 7)]);
    assert!(env.smtp.messages_to(&never.mail).is_empty(), "a password that never expires is never mentioned");
    assert_eq!(env.smtp.messages_to(&thirty.mail).len(), 2);
}

#[tokio::test]
async fn an_account_that_changes_its_password_hears_no_more_about_the_old_one() {
    let slapd = Slapd::shared().await;
    let c = cohort(slapd, &[30]).await;
    let env = TestEnv::with(reminders_for(&c.group)).await;
    let s = &env.server.services;
    let kim = &c.users[0];
    let old = s.directory.list_password_expiry(100_000, &Throttle::unlimited()).await.unwrap();
    let old_changed = old.iter().find(|e| e.user.login == kim.uid).unwrap().changed_at.unwrap();

    at(&env, old_changed + 16 * DAY + 1);
    assert_eq!(sent(&reminders::run_pass(s, "r").await.unwrap().sent), vec![(kim.uid.clone(), 14)]);

    // Kim changes it (a few seconds after the old one was set, by slapd's clock).
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let new = format!("Fresh-{}-Horse7", unique("pw"));
    remember_secret(&new);
    let mut b = env.browser();
    b.get("/change").await.assert_status(200);
    let page = b
        .post("/change", &[("username", &kim.uid), ("current", &kim.password), ("new", &new), ("confirm", &new)])
        .await;
    assert!(page.contains("Your password has been changed"), "{}", page.body);
    let listed = s.directory.list_password_expiry(100_000, &Throttle::unlimited()).await.unwrap();
    let new_changed = listed.iter().find(|e| e.user.login == kim.uid).unwrap().changed_at.unwrap();
    assert!(new_changed >= old_changed + 2, "{new_changed} {old_changed}");

    // A second past the OLD password's 7-day mark (the portal's clock is ahead of slapd's, so
    // the new password already looks 23 days old): not the old password's 7-day reminder, only
    // the new password's first, for its own later expiry.
    at(&env, old_changed + 23 * DAY + 1);
    let report = reminders::run_pass(s, "r").await.unwrap();
    let names: Vec<_> = report.sent.iter().map(|p| p.kind.clone()).collect();
    assert_eq!(
        names,
        vec![MailKind::Expiry { days_before: 14, changed_at: new_changed, expires_at: new_changed + 30 * DAY }],
        "nothing more about the old password"
    );
    // The new password's 7-day mark comes in its time, once.
    at(&env, new_changed + 23 * DAY + 1);
    let report = reminders::run_pass(s, "r").await.unwrap();
    assert_eq!(sent(&report.sent), vec![(kim.uid.clone(), 7)]);
    assert!(matches!(report.sent[0].kind, MailKind::Expiry { changed_at, .. } if changed_at == new_changed));
    assert!(reminders::run_pass(s, "r").await.unwrap().sent.is_empty());
    assert_eq!(env.smtp.messages_to(&kim.mail).iter().filter(|m| m.subject.contains("expires within")).count(), 3);
}

#[tokio::test]
async fn one_mail_per_threshold_across_restarts_and_two_replicas_on_postgresql() {
    let slapd = Slapd::shared().await;
    let c = cohort(slapd, &[10, 12, 13]).await;
    let url = crate::support::postgres::fresh_database().await;
    let a = TestEnv::build(slapd.directory_config(), url.clone(), reminders_for(&c.group)).await;
    let key = a.config.secrets.master_key.clone();
    let group = c.group.clone();
    let b = TestEnv::build(slapd.directory_config(), url.clone(), move |cfg| {
        reminders_for(&group)(cfg);
        cfg.secrets.master_key = key;
    })
    .await;
    // Both replicas at once: one holds the lease, the other does nothing.
    let (ra, rb) = tokio::join!(
        reminders::run_pass(&a.server.services, "replica-a"),
        reminders::run_pass(&b.server.services, "replica-b")
    );
    let (ra, rb) = (ra.unwrap(), rb.unwrap());
    let mut all = sent(&ra.sent);
    all.extend(sent(&rb.sent));
    all.sort();
    let mut expected: Vec<(String, u32)> = c.users.iter().map(|u| (u.uid.clone(), 14)).collect();
    expected.sort();
    assert_eq!(all, expected);
    // Then each in turn, and a restarted replica on the same database: nothing more.
    assert!(reminders::run_pass(&b.server.services, "replica-b").await.unwrap().sent.is_empty());
    let config = a.config.clone();
    a.server.stop().await;
    let restarted = TestEnv::build(config.directory.clone(), url, move |cfg| {
        *cfg = Config { server: cfg.server.clone(), mail: cfg.mail.clone(), ..config };
    })
    .await;
    assert!(reminders::run_pass(&restarted.server.services, "replica-c").await.unwrap().sent.is_empty());
    // Claims themselves are once-only, whoever makes them at the same moment.
    let db = &b.server.services.db;
    let claims = futures_join(db).await;
    assert_eq!(claims.iter().filter(|c| **c).count(), 1, "{claims:?}");
    for u in &c.users {
        assert_eq!(a.smtp.messages_to(&u.mail).len() + b.smtp.messages_to(&u.mail).len(), 1, "{}", u.uid);
        assert!(restarted.smtp.messages_to(&u.mail).is_empty());
    }
}

/// Eight claims of one reminder at once.
async fn futures_join(db: &rekey::store::Db) -> Vec<bool> {
    let id = unique("claim-");
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let (db, id) = (db.clone(), id.clone());
        tasks.push(tokio::spawn(async move { db.claim_reminder(&id, 1_000, 7, 2_000).await.unwrap() }));
    }
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
}

#[tokio::test]
async fn a_lease_left_by_a_replica_that_died_runs_out() {
    let slapd = Slapd::shared().await;
    let c = cohort(slapd, &[10]).await;
    let env = TestEnv::with(reminders_for(&c.group)).await;
    let s = &env.server.services;
    let now = env.clock.now();
    assert!(s.db.take_lease("reminders", "crashed", now, now + 3600).await.unwrap());
    assert!(reminders::run_pass(s, "alive").await.unwrap().skipped);
    env.clock.advance(3601);
    let report = reminders::run_pass(s, "alive").await.unwrap();
    assert!(!report.skipped);
    assert_eq!(sent(&report.sent).len(), 1);
}

#[tokio::test]
async fn the_dry_run_prints_exactly_what_the_pass_then_sends() {
    let slapd = Slapd::shared().await;
    // Real time (the CLI's clock): 2 and 5 days left are within 3 and 7; 40 days are not.
    let c = cohort(slapd, &[2, 5, 40]).await;
    let env = TestEnv::with(reminders_for(&c.group)).await;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_rekey"))
        .env_remove("REKEY_CONFIG")
        .args(["--config", env.config_file().to_str().unwrap(), "remind", "--dry-run"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let printed = String::from_utf8(output.stdout).unwrap();
    let mut dry: Vec<&str> = printed.lines().filter(|l| !l.starts_with('#')).collect();
    dry.sort();
    assert_eq!(dry.len(), 2, "{printed}");
    assert!(env.smtp.messages().is_empty(), "a dry run sends nothing");

    let report = reminders::run_pass(&env.server.services, "r").await.unwrap();
    let mut real: Vec<String> = report.sent.iter().map(Planned::line).collect();
    real.sort();
    assert_eq!(dry, real.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(sent(&report.sent), {
        let mut v = vec![(c.users[0].uid.clone(), 3), (c.users[1].uid.clone(), 7)];
        v.sort();
        v
    });
}
