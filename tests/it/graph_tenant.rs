//! The Graph directory as a real tenant would meet it, against the Graph double made strict
//! where Graph is: every configured group asked about (20 ids per checkMemberGroups at most),
//! synced accounts answered like unknown ones when nothing can serve them and judged by their
//! Entra and on-premises groups when something can, sign-in sessions revoked with a length
//! (411 without one) and a failed revocation never silent, 503/504 with Retry-After waited
//! out, and a token endpoint that is down logged as an outage.

use std::time::{Duration, Instant};

use rekey::config::{DirectoryConfig, DirectoryKind, MethodRule, OnPremises};
use rekey::directory::graph::GraphDirectory;
use rekey::directory::{DirError, Directory};

use crate::graph::{cloud_user, double_with_user, login, portal, reset_through_portal};
use crate::support::env::TestEnv;
use crate::support::graph::Fault;
use crate::support::{remember_secret, unique};

fn group_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Lines of the captured log that mention `needle`.
fn log_lines(needle: &str) -> Vec<String> {
    let text = std::fs::read_to_string(crate::support::output_dir().join("trace.log")).unwrap_or_default();
    text.lines().filter(|l| l.contains(needle)).map(str::to_owned).collect()
}

/// Pages a person sees for `who` at the username step, after asking for a code, and after a
/// wrong code: status and body (the CSRF value aside).
async fn pages_for(env: &TestEnv, who: &str) -> Vec<(u16, String)> {
    let mut b = env.browser();
    let after_username = b.start("reset", who).await;
    let after_send = b.request_email_code("reset").await;
    let wrong = b.submit_code("reset", "email", "000000").await;
    [after_username, after_send, wrong].iter().map(|p| (p.status, p.normalised())).collect()
}

#[tokio::test]
async fn graph_tenant_rules_admin_and_privileged_groups_apply_to_a_cloud_user_with_25_groups() {
    let (double, mut admin) = double_with_user().await;
    // 25 groups in all: 21 excluded ones nobody is in, a rule's, the admins', two privileged.
    let excluded: Vec<String> = (0..21).map(|_| group_id()).collect();
    let (rule, admins, privileged, tier0) = (group_id(), group_id(), group_id(), group_id());
    admin.groups = vec![rule.clone(), admins.clone(), tier0.clone()];
    double.add_user(admin.clone());
    let mut operator = cloud_user(&double, "operator");
    operator.groups = vec![privileged.clone()];
    double.add_user(operator.clone());
    let env = portal(&double, |c| {
        c.policy.excluded_groups = excluded.clone();
        c.policy.methods = vec![rekey::config::MethodKind::Email, rekey::config::MethodKind::Totp];
        c.policy.rules = vec![MethodRule {
            groups: vec![rule.clone()],
            methods_required: Some(2),
            methods_to_register: None,
            excluded_methods: vec![],
        }];
        c.admin.groups = vec![admins.clone()];
        c.alerts.privileged_groups = vec![privileged.clone(), tier0.clone()];
        c.alerts.admin_emails = vec!["security@example.test".into()];
    })
    .await;
    let services = &env.server.services;

    let found = services.directory.find_user(&login(&admin.upn)).await.unwrap().expect("the admin is found");
    let mut groups = found.groups.clone();
    groups.sort();
    let mut expected = vec![rule.clone(), admins.clone(), tier0.clone()];
    expected.sort();
    assert_eq!(groups, expected, "every configured group the account is in");
    assert_eq!(rekey::policy::effective(&env.config, &found).methods_required, 2, "the group's rule applies");
    assert!(rekey::flow::admin::is_admin(services, &found), "admin.groups applies");
    assert!(rekey::policy::is_privileged(&env.config, &found), "privileged groups apply");
    assert!(rekey::policy::in_scope(&env.config, &found));
    let checks = double.member_checks();
    assert!(checks.iter().all(|c| c.len() <= 20), "at most 20 ids per call: {checks:?}");
    let asked: std::collections::HashSet<&String> = checks.iter().flatten().collect();
    assert_eq!(asked.len(), 25, "all 25 configured groups were asked about");

    // A privileged cloud account's reset alerts the admins.
    reset_through_portal(&env, &operator).await;
    let alert = env.smtp.wait_for_subject("security@example.test", "Privileged account").await;
    assert!(alert.text.contains(&operator.upn), "{}", alert.text);
}

#[tokio::test]
async fn graph_tenant_the_double_refuses_21_groups_in_one_check() {
    let (double, user) = double_with_user().await;
    let groups: Vec<String> = (0..21).map(|_| group_id()).collect();
    let dir = GraphDirectory::new(&double.config(), groups, None).unwrap();
    // Through rekey, 21 ids go out as 20 and 1.
    dir.find_user(&login(&user.upn)).await.unwrap().expect("found");
    let sizes: Vec<usize> = double.member_checks().iter().map(Vec::len).collect();
    assert_eq!(sizes, vec![20, 1]);
    // Straight at the double, 21 in one call are refused as Graph refuses them.
    let http = reqwest::Client::new();
    let token = crate::graph::app_token(&double).await;
    let ids: Vec<String> = (0..21).map(|_| group_id()).collect();
    let res = http
        .post(format!("{}/v1.0/users/{}/checkMemberGroups", double.url, user.id))
        .bearer_auth(token)
        .json(&serde_json::json!({ "groupIds": ids }))
        .send()
        .await
        .unwrap();
    crate::graph::bad_request(res).await;
}

#[tokio::test]
async fn graph_tenant_a_synced_login_without_an_on_premises_directory_is_answered_like_an_unknown_one() {
    let (double, _) = double_with_user().await;
    let mut synced = cloud_user(&double, "hybrid");
    synced.synced = true;
    double.add_user(synced.clone());
    let unknown = format!("{}@contoso.test", unique("nobody"));
    let env = portal(&double, |_| {}).await;

    let synced_pages = pages_for(&env, &synced.upn).await;
    let unknown_pages = pages_for(&env, &unknown).await;
    assert_eq!(synced_pages[0].0, 200, "{}", synced_pages[0].1);
    assert_eq!(synced_pages, unknown_pages, "a synced login looks exactly like an unknown one");
    assert!(env.smtp.messages_to(&synced.mail).is_empty());
    let reason = log_lines(&synced.id);
    assert!(
        reason.iter().any(|l| l.contains("synced from on-premises") && l.contains("directory.graph.on_premises")),
        "the admin log says why: {reason:?}"
    );
}

#[tokio::test]
async fn graph_tenant_excluded_groups_exclude_synced_accounts_by_entra_id_and_by_ad_name() {
    let (double, _) = double_with_user().await;
    let slapd = crate::support::slapd::Slapd::shared().await;
    let tier0 = group_id();
    // One synced account in an excluded Entra group, one in an excluded AD group, one in none.
    let mut people = vec![];
    for prefix in ["syncedentra", "syncedad", "syncedfree"] {
        let person = slapd.create_user(prefix).await;
        remember_secret(&person.password);
        let mut synced = cloud_user(&double, prefix);
        synced.upn = person.mail.clone();
        synced.mail = person.mail.clone();
        synced.synced = true;
        synced.on_premises_dn = Some(person.dn.clone());
        if prefix == "syncedentra" {
            synced.groups = vec![tier0.clone()];
        }
        double.add_user(synced.clone());
        people.push((person, synced));
    }
    let ad_group = unique("tier0ad");
    slapd.add_group(&ad_group, std::slice::from_ref(&people[1].0.dn)).await;
    let mut graph = double.config();
    graph.on_premises = OnPremises::Ldap;
    let directory = DirectoryConfig { kind: DirectoryKind::Graph, graph: Some(graph), ..slapd.directory_config() };
    let env = TestEnv::build(directory, crate::support::postgres::fresh_sqlite_url(), |c| {
        c.email.use_directory_mail = true;
        c.policy.excluded_groups = vec![tier0.clone(), ad_group.clone()];
    })
    .await;

    let services = &env.server.services;
    for (person, _) in &people[..2] {
        let found = services.directory.find_user(&login(&person.mail)).await.unwrap().expect("found on-premises");
        assert_eq!(found.dn, person.dn);
        assert!(!rekey::policy::in_scope(&env.config, &found), "{} is excluded: {:?}", person.mail, found.groups);
    }
    let free = services.directory.find_user(&login(&people[2].0.mail)).await.unwrap().expect("found on-premises");
    assert!(rekey::policy::in_scope(&env.config, &free), "{:?}", free.groups);

    // At the portal: the excluded ones see what an unknown login sees, and get no code.
    let unknown = pages_for(&env, &format!("{}@example.test", unique("nobody"))).await;
    for (person, _) in &people[..2] {
        assert_eq!(pages_for(&env, &person.mail).await, unknown, "{}", person.mail);
    }
    let mut b = env.browser();
    let code = env.reset_code_by_email(&mut b, &people[2].0.mail, &people[2].0.mail).await;
    remember_secret(&code);
    tokio::time::sleep(Duration::from_millis(300)).await;
    for (person, _) in &people[..2] {
        assert!(env.smtp.messages_to(&person.mail).is_empty(), "no code for {}", person.mail);
    }

    // The coverage listing describes them as find_user does.
    let dir: &dyn Directory = &*services.directory;
    let listed = dir.list_users(100_000).await.unwrap();
    let entry = listed.iter().find(|u| u.dn == people[0].0.dn).expect("listed");
    assert!(entry.groups.iter().any(|g| g == &tier0), "{:?}", entry.groups);
}

#[tokio::test]
async fn graph_tenant_sessions_are_revoked_with_a_length_the_front_door_accepts() {
    let (double, user) = double_with_user().await;
    let env = portal(&double, |_| {}).await;
    let (done, _) = reset_through_portal(&env, &user).await;
    assert_eq!(double.revokes(), vec![user.id.clone()], "revokeSignInSessions went through");
    assert!(!done.contains("sign out of them now"), "{}", done.body);
    assert!(!done.contains("Your account is unlocked"), "Graph cannot clear smart lockout: {}", done.body);

    // Straight at the double: without a length the front door answers 411.
    let http = reqwest::Client::new();
    let res = http.post(format!("{}/v1.0/users/{}/revokeSignInSessions", double.url, user.id)).send().await.unwrap();
    assert_eq!(res.status(), 411);
}

#[tokio::test]
async fn graph_tenant_a_failed_revocation_is_audited_alerted_and_shown() {
    let (double, user) = double_with_user().await;
    let env = portal(&double, |c| c.alerts.admin_emails = vec!["security@example.test".into()]).await;
    double.refuse_revocations(500);
    let (done, _) = reset_through_portal(&env, &user).await;
    assert!(done.contains("Your password has been reset"), "{}", done.body);
    assert!(done.contains("Sign out of them now"), "the person is told: {}", done.body);
    assert!(double.revokes().is_empty());
    let alert = env.smtp.wait_for_subject("security@example.test", "sessions not revoked").await;
    assert!(alert.text.contains(&user.upn), "{}", alert.text);
    let events = env.server.services.db.recent_audit(50).await.unwrap();
    assert!(
        events.iter().any(|e| e.event == "sign_out_everywhere"
            && e.outcome == "failure"
            && e.user_id.as_deref() == Some(user.id.as_str())),
        "{events:?}"
    );
}

#[tokio::test]
async fn graph_tenant_503_and_504_with_retry_after_are_waited_out() {
    let (double, user) = double_with_user().await;
    let dir = GraphDirectory::new(&double.config(), vec![], None).unwrap();
    double.fail_next(&[Fault::ServerRetryAfter(503, 1), Fault::ServerRetryAfter(504, 1)]);
    let started = Instant::now();
    dir.find_user(&login(&user.upn)).await.unwrap().expect("found once Graph is back");
    assert!(started.elapsed() >= Duration::from_millis(1900), "{:?}", started.elapsed());

    // Past the deadline (10 s in the double's config) it is unavailable, without waiting it out.
    double.fail_next(&[Fault::ServerRetryAfter(503, 30)]);
    let started = Instant::now();
    let err = dir.find_user(&login(&user.upn)).await.unwrap_err();
    assert!(matches!(err, DirError::Unavailable(_)), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
}

/// An address whose every connection is reset as soon as it is accepted.
async fn resetting_endpoint() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            // Linger 0: the close is a reset, and does not block.
            #[allow(deprecated)]
            let _ = stream.set_linger(Some(Duration::ZERO));
            drop(stream);
        }
    });
    url
}

#[tokio::test]
async fn graph_tenant_a_token_endpoint_that_is_down_is_logged_as_an_outage() {
    let (double, user) = double_with_user().await;
    let dir = GraphDirectory::new(&double.config(), vec![], None).unwrap();
    double.token_outage(1);
    let err = dir.find_user(&login(&user.upn)).await.unwrap_err();
    assert!(matches!(err, DirError::Unavailable(_)), "an outage is not a refusal of the app: {err:?}");
    let lines = log_lines(&double.tenant_id);
    assert!(lines.iter().any(|l| l.contains("outage")), "{lines:?}");
    assert!(!lines.iter().any(|l| l.contains("check directory.graph.tenant_id")), "{lines:?}");
    assert!(dir.find_user(&login(&user.upn)).await.unwrap().is_some(), "fine once it is back");

    // Connections reset at the token endpoint: an outage or the network, said so.
    let config = rekey::config::GraphConfig { authority_url: resetting_endpoint().await, ..double.config() };
    let dir = GraphDirectory::new(&config, vec![], None).unwrap();
    let err = dir.health().await.unwrap_err();
    assert!(matches!(err, DirError::Unavailable(_)), "{err:?}");
    let lines = log_lines(&config.authority_url);
    assert!(lines.iter().any(|l| l.contains("outage or network")), "{lines:?}");
    assert!(!lines.iter().any(|l| l.contains("tenant_id")), "{lines:?}");
}
