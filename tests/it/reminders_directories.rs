//! When passwords expire, as Active Directory (a Samba DC) and Entra ID (the Graph double)
//! say: the domain's maxPwdAge, a PSO's, "password never expires"; a domain's
//! passwordValidityPeriodInDays, DisablePasswordExpiration, and each person's
//! preferredLanguage. The pass picks the threshold the portal's (moved) clock has reached. One
//! account's expiry read alone (`Directory::password_expiry`) agrees with the listing.

use ldap3::{Scope, SearchEntry};
use rekey::directory::Directory;
use rekey::directory::expiry::{Expiring, Expiry, Throttle};
use rekey::flow::reminders::{self, MailKind};

use crate::graph::{APP_SECRET, cloud_user, directory};
use crate::support::env::TestEnv;
use crate::support::graph::{GraphDouble, PasswordFacts};
use crate::support::samba::SambaDc;
use crate::support::slapd::TestUser;
use crate::support::{init_tracing, remember_secret, unique};

const DAY: i64 = 86_400;

/// The account's pwdLastSet as Unix time, read as Administrator.
async fn last_set(dc: &SambaDc, user: &TestUser) -> i64 {
    let mut ldap = dc.admin().await;
    let (found, _) =
        ldap.search(&user.dn, Scope::Base, "(objectClass=*)", vec!["pwdLastSet"]).await.unwrap().success().unwrap();
    let entry = SearchEntry::construct(found.into_iter().next().unwrap());
    let ticks: i64 = entry.attrs["pwdLastSet"][0].parse().unwrap();
    ticks / 10_000_000 - 11_644_473_600
}

/// The domain's maxPwdAge in seconds; `None` for never.
async fn domain_max_age(dc: &SambaDc) -> Option<i64> {
    let mut ldap = dc.admin().await;
    let (found, _) = ldap
        .search("DC=corp,DC=test", Scope::Base, "(objectClass=*)", vec!["maxPwdAge"])
        .await
        .unwrap()
        .success()
        .unwrap();
    let entry = SearchEntry::construct(found.into_iter().next().unwrap());
    let ticks: i64 = entry.attrs["maxPwdAge"][0].parse().unwrap();
    (ticks != 0 && ticks != i64::MIN).then(|| ticks.unsigned_abs() as i64 / 10_000_000)
}

fn find<'a>(listed: &'a [Expiring], login: &str) -> &'a Expiring {
    listed.iter().find(|e| e.user.login.eq_ignore_ascii_case(login)).unwrap_or_else(|| panic!("{login} not listed"))
}

#[tokio::test]
async fn active_directory_expiry_honours_the_domain_a_pso_and_never_expires() {
    init_tracing();
    let dc = SambaDc::shared().await;
    let env = TestEnv::on(dc, |c| {
        c.reminders.enabled = true;
        c.reminders.send_from_hour = 0;
        c.reminders.send_until_hour = 24;
    })
    .await;
    let plain = dc.create_user("remplain").await;
    let short = dc.create_user("rempso").await;
    let never = dc.create_user("remnever").await;
    let pso = unique("rekey-remind-");
    dc.samba_tool(&["domain", "passwordsettings", "pso", "create", &pso, "10", "--max-pwd-age=10"]).await;
    dc.samba_tool(&["domain", "passwordsettings", "pso", "apply", &pso, &short.uid]).await;
    dc.samba_tool(&["user", "setexpiry", "--noexpiry", &never.uid]).await;

    let s = &env.server.services;
    let listed = s.directory.list_password_expiry(100_000, &Throttle::unlimited()).await.unwrap();
    let (p, q, n) = (find(&listed, &plain.uid), find(&listed, &short.uid), find(&listed, &never.uid));
    assert_eq!(p.changed_at, Some(last_set(dc, &plain).await));
    assert_eq!(
        p.expires,
        domain_max_age(dc).await.map_or(Expiry::Never, |age| Expiry::At(p.changed_at.unwrap() + age)),
        "the domain's maxPwdAge"
    );
    let short_set = last_set(dc, &short).await;
    assert_eq!(q.expires, Expiry::At(short_set + 10 * DAY), "the PSO's msDS-MaximumPasswordAge");
    assert_eq!(n.expires, Expiry::Never, "password never expires");
    // One account's expiry, read alone (the API's person status), says the same.
    for e in [p, q, n] {
        assert_eq!(s.directory.password_expiry(&e.user).await.unwrap(), Some(e.expires), "{}", e.user.login);
    }

    // Three days and a minute before the PSO's expiry: its 3-day reminder is due.
    env.clock.advance(short_set + 7 * DAY + 60 - env.clock.now());
    let plan = reminders::plan(s).await.unwrap();
    let mine: Vec<_> = plan.mails.iter().filter(|m| m.user.login.eq_ignore_ascii_case(&short.uid)).collect();
    assert_eq!(mine.len(), 1, "{:?}", plan.mails);
    assert!(matches!(mine[0].kind, MailKind::Expiry { days_before: 3, .. }), "{:?}", mine[0].kind);
    assert!(!plan.mails.iter().any(|m| m.user.login.eq_ignore_ascii_case(&never.uid)));
}

#[tokio::test]
async fn entra_expiry_comes_from_the_domains_period_unless_the_user_is_exempt() {
    init_tracing();
    remember_secret(APP_SECRET);
    let double = GraphDouble::start(APP_SECRET, None).await;
    double.add_domain("contoso.test", Some(30));
    let changed = "2026-12-01T08:00:00Z";
    let changed_at = 1_796_112_000;
    let (ana, exempt, bare) = (cloud_user(&double, "ana"), cloud_user(&double, "exempt"), cloud_user(&double, "bare"));
    double.set_password_facts(
        &ana.id,
        PasswordFacts { last_change: Some(changed.into()), policies: None, preferred_language: Some("de-DE".into()) },
    );
    double.set_password_facts(
        &exempt.id,
        PasswordFacts {
            last_change: Some(changed.into()),
            policies: Some("DisablePasswordExpiration".into()),
            preferred_language: None,
        },
    );
    let dir = directory(&double.config());
    let listed = dir.list_password_expiry(1000, &Throttle::unlimited()).await.unwrap();
    let a = find(&listed, &ana.upn);
    assert_eq!((a.changed_at, a.expires), (Some(changed_at), Expiry::At(changed_at + 30 * DAY)));
    assert_eq!(a.language.as_deref(), Some("de-DE"));
    assert_eq!(find(&listed, &exempt.upn).expires, Expiry::Never);
    assert_eq!(find(&listed, &bare.upn).expires, Expiry::Unknown, "no change time on record");
    // One account's expiry, read alone (the API's person status), says the same.
    for upn in [&ana.upn, &exempt.upn, &bare.upn] {
        let e = find(&listed, upn);
        assert_eq!(dir.password_expiry(&e.user).await.unwrap(), Some(e.expires), "{upn}");
    }
    assert!(double.graph_requests().iter().any(|r| r.starts_with("GET /domains")), "{:?}", double.graph_requests());

    // A domain that never expires passwords, by Entra's 2147483647.
    let other = GraphDouble::start(APP_SECRET, None).await;
    other.add_domain("contoso.test", Some(2_147_483_647));
    let bo = cloud_user(&other, "bo");
    other.set_password_facts(&bo.id, PasswordFacts { last_change: Some(changed.into()), ..PasswordFacts::default() });
    let listed = directory(&other.config()).list_password_expiry(1000, &Throttle::unlimited()).await.unwrap();
    assert_eq!(find(&listed, &bo.upn).expires, Expiry::Never);
}
