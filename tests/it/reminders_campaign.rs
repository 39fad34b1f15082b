//! The registration campaign: everyone in scope without enough methods gets a nudge with a
//! link to registration, every `campaign.every_days`, at most `campaign.max_mails` times, and
//! none once registered; each pass records the day's coverage for the admin's chart.

use rekey::config::{Config, EnabledFor};
use rekey::flow::reminders::{self, MailKind, Planned};

use crate::support::env::TestEnv;
use crate::support::slapd::Slapd;
use crate::support::unique;

const DAY: i64 = 86_400;

fn campaign_for(group: &str) -> impl FnOnce(&mut Config) {
    let group = group.to_owned();
    move |c: &mut Config| {
        c.campaign.enabled = true;
        c.campaign.every_days = 7;
        c.campaign.max_mails = 2;
        c.policy.enabled_for = EnabledFor::Groups;
        c.policy.groups = vec![group];
        c.policy.methods_required = 1;
    }
}

fn nudges(mails: &[Planned]) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = mails
        .iter()
        .filter_map(|p| match p.kind {
            MailKind::Nudge { nth } => Some((p.user.login.clone(), nth)),
            MailKind::Expiry { .. } => None,
        })
        .collect();
    out.sort();
    out
}

#[tokio::test]
async fn nudges_stop_once_registered_and_after_the_most_allowed() {
    let slapd = Slapd::shared().await;
    let (ann, ben) = (slapd.create_user("nudge").await, slapd.create_user("nudge").await);
    let group = unique("campaign-");
    slapd.add_group(&group, &[ann.dn.clone(), ben.dn.clone()]).await;
    let env = TestEnv::with(campaign_for(&group)).await;
    let s = &env.server.services;
    let mut both = vec![(ann.uid.clone(), 1), (ben.uid.clone(), 1)];
    both.sort();

    assert_eq!(nudges(&reminders::run_pass(s, "r").await.unwrap().sent), both);
    let mail = env.smtp.wait_for(&ann.mail, 1).await;
    assert!(mail.text.contains(&format!("{}/register", env.server.url())), "{}", mail.text);
    assert!(reminders::run_pass(s, "r").await.unwrap().sent.is_empty(), "not again within every_days");

    // Ann registers; a week later only Ben hears again, and after his second nudge, nobody.
    env.register_email(&ann).await;
    env.clock.advance(7 * DAY + 1);
    assert_eq!(nudges(&reminders::run_pass(s, "r").await.unwrap().sent), vec![(ben.uid.clone(), 2)]);
    env.clock.advance(7 * DAY + 1);
    assert!(reminders::run_pass(s, "r").await.unwrap().sent.is_empty(), "campaign.max_mails reached");
    let nudged = |to: &str| env.smtp.messages_to(to).iter().filter(|m| m.subject.contains("password recovery")).count();
    assert_eq!((nudged(&ann.mail), nudged(&ben.mail)), (1, 2));

    // The days the passes ran, with what they found.
    let days = s.db.coverage_days(0).await.unwrap();
    assert_eq!(days.first().map(|d| (d.in_scope, d.enough)), Some((2, 0)));
    assert_eq!(days.last().map(|d| (d.in_scope, d.enough)), Some((2, 1)));
    // Every nudge is in the audit trail.
    let (nudges_sent, _) = s.db.scheduler_mail_counts(0).await.unwrap();
    assert_eq!(nudges_sent, 3);
}
