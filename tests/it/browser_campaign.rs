//! The campaign page in a real browser (tests/browser/campaign.mjs): axe-clean in every
//! language, and the coverage chart's bars say what its table says, for days the scheduler's
//! passes recorded.

use rekey::config::EnabledFor;
use rekey::i18n::Lang;
use serde_json::json;

use crate::browser::portal_with;
use crate::support::browser::{Control, Js, person, run_node};
use crate::support::slapd::Slapd;
use crate::support::unique;

#[tokio::test]
async fn the_campaign_chart_matches_its_table_in_a_browser() {
    let slapd = Slapd::shared().await;
    let admin = slapd.create_user("adm").await;
    slapd.add_to_group(&admin, "it-admins").await;
    let people = [slapd.create_user("cov").await, slapd.create_user("cov").await, slapd.create_user("cov").await];
    let group = unique("campaign-chart-");
    let mut members: Vec<String> = people.iter().map(|u| u.dn.clone()).collect();
    members.push(admin.dn.clone());
    slapd.add_group(&group, &members).await;
    let scope = group.clone();
    let env = portal_with(move |config| {
        config.admin.groups = vec!["it-admins".into()];
        config.policy.new_method_cooling_off_hours = 0;
        config.policy.enabled_for = EnabledFor::Groups;
        config.policy.groups = vec![scope];
        config.campaign.enabled = true;
    })
    .await;
    let s = &env.server.services;
    let seed = env.register_totp(&admin).await;
    // Day one: the admin has registered (1 of 4); day two: one more (2 of 4).
    let mut expected = serde_json::Map::new();
    let day = |env: &crate::support::env::TestEnv| rekey::report::day_text(env.clock.now().div_euclid(86_400));
    rekey::flow::reminders::run_pass(s, "r").await.unwrap();
    expected.insert(day(&env), json!(25));
    env.register_email(&people[0]).await;
    env.clock.advance(86_400);
    rekey::flow::reminders::run_pass(s, "r").await.unwrap();
    expected.insert(day(&env), json!(50));
    let control = Control::start(env.clone()).await;
    control.add_totp(&admin.uid, seed);
    let users = json!({ "admin": person(&admin, "", ""), "expected": expected });
    run_node("campaign.mjs", Js::On, Lang::En, &env, &control, users).await;
}
