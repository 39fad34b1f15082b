//! The reset and unlock flows through a portal on the Graph double, synced accounts included.

use super::*;

#[tokio::test]
async fn graph_reset_through_the_portal_sets_the_password_in_entra() {
    let (double, user) = double_with_user().await;
    let env = portal(&double, |_| {}).await;
    let (_, new) = reset_through_portal(&env, &user).await;
    assert_eq!(double.password_of(&user.id), new);
    assert_eq!(double.revokes(), vec![user.id.clone()]);
}

#[tokio::test]
async fn graph_throttling_past_the_deadline_shows_the_unavailable_page() {
    let (double, user) = double_with_user().await;
    let env = portal(&double, |_| {}).await;
    double.fail_next(&[Fault::Throttle(Some(60))]);
    let mut b = env.browser();
    let started = Instant::now();
    let page = b.start("reset", &user.upn).await;
    page.assert_status(503);
    assert!(page.contains("Password services are unavailable right now"), "{}", page.body);
    assert!(started.elapsed() < Duration::from_secs(5), "it does not wait past the deadline");
}

#[tokio::test]
async fn graph_out_of_scope_and_unknown_people_see_identical_pages() {
    let (double, inside) = double_with_user().await;
    let staff = uuid::Uuid::new_v4().to_string();
    let mut inside = inside;
    inside.groups = vec![staff.clone()];
    double.add_user(inside.clone());
    let outside = cloud_user(&double, "bob");
    let unknown = format!("{}@contoso.test", unique("nobody"));
    let env = portal(&double, |c| {
        c.policy.enabled_for = rekey::config::EnabledFor::Groups;
        c.policy.groups = vec![staff.clone()];
    })
    .await;
    let mut pages = vec![];
    for who in [&inside.upn, &outside.upn, &unknown] {
        let mut b = env.browser();
        let after_username = b.start("reset", who).await;
        let after_send = b.request_email_code("reset").await;
        let wrong = b.submit_code("reset", "email", "000000").await;
        pages.push((
            after_username.status,
            after_username.normalised(),
            after_send.normalised(),
            wrong.status,
            wrong.normalised(),
        ));
    }
    assert_eq!(pages[0], pages[1], "in scope and out of scope look the same");
    assert_eq!(pages[1], pages[2], "out of scope and unknown look the same");
    assert!(double.graph_requests().iter().any(|r| r.ends_with("/checkMemberGroups")), "scope came from Graph");
}

#[tokio::test]
async fn graph_the_unlock_page_says_no_unlock_is_possible_and_offers_a_reset() {
    let (double, user) = double_with_user().await;
    let env = portal(&double, |_| {}).await;
    let mut b = env.browser();
    b.start("unlock", &user.upn).await.assert_status(200);
    b.request_email_code("unlock").await.assert_status(200);
    let code = env.smtp.last_code_for(&user.mail).await;
    remember_secret(&code);
    b.submit_code("unlock", "email", &code).await.assert_status(200);
    let page = b.post("/unlock/finish", &[]).await;
    page.assert_status(409);
    assert!(page.contains("cannot be unlocked here") && !page.contains("unlocks"), "{}", page.body);
    assert!(page.contains("href=\"/reset\""), "{}", page.body);
}

#[tokio::test]
async fn graph_a_synced_user_is_reset_in_the_on_premises_directory_and_graph_is_not_asked_to() {
    let (double, _) = double_with_user().await;
    let slapd = crate::support::slapd::Slapd::shared().await;
    let person = slapd.create_user("hybrid").await;
    remember_secret(&person.password);
    // Entra's copy of the account, synced from AD: same login (mail here, as UPN).
    let mut synced = cloud_user(&double, "hybrid");
    synced.upn = person.mail.clone();
    synced.synced = true;
    double.add_user(synced);
    let ldap: Arc<dyn Directory> =
        Arc::new(rekey::directory::ldap::LdapDirectory::new(&slapd.directory_config()).unwrap());
    let dir = GraphDirectory::new(&double.config(), vec![], Some(ldap)).unwrap();

    let found = dir.find_user(&login(&person.mail)).await.unwrap().expect("found on-premises");
    assert_eq!(found.dn, person.dn);
    let new = new_password();
    dir.reset_password(&found, &new, false).await.unwrap();
    use secrecy::ExposeSecret;
    assert!(slapd.bind(&person.dn, new.expose_secret()).await, "the new password works on-premises");
    assert!(double.patches().is_empty() && double.revokes().is_empty());
    assert!(double.graph_requests().iter().all(|r| r == "GET /users"), "{:?}", double.graph_requests());
}

/// A synced account on a Graph portal whose AD sits behind writeback agents: the reset goes
/// through a real `rekey agent` to the Samba DC, and Graph is never asked to change anything.
#[tokio::test]
async fn graph_a_synced_user_is_reset_through_the_writeback_agent() {
    let (double, _) = double_with_user().await;
    let dc = crate::support::samba::SambaDc::shared().await;
    let person = dc.create_user("hybridagent").await;
    let mut synced = cloud_user(&double, "hybridagent");
    synced.upn = format!("{}@corp.test", person.uid);
    synced.synced = true;
    double.add_user(synced.clone());
    let mut graph = double.config();
    graph.on_premises = rekey::config::OnPremises::Agent;
    let directory = DirectoryConfig {
        kind: DirectoryKind::Graph,
        graph: Some(graph),
        agent: crate::support::agent::SambaViaAgent::portal_directory().agent,
        ..DirectoryConfig::default()
    };
    let mut env = TestEnv::build(directory, crate::support::postgres::fresh_sqlite_url(), |c| {
        c.email.use_directory_mail = true;
    })
    .await;
    let agent = crate::support::agent::AgentProcess::start(
        &env.server.services,
        &env.server.url(),
        &dc.directory_config(),
        "hybrid-dc",
    )
    .await;
    env.agents.push(agent);

    let services = &env.server.services;
    let found = services.directory.find_user(&login(&synced.upn)).await.unwrap().expect("found on-premises");
    assert_eq!(found.dn.to_lowercase(), person.dn.to_lowercase());
    let new = new_password();
    services.directory.reset_password(&found, &new, false).await.unwrap();
    use secrecy::ExposeSecret;
    assert!(dc.bind(&person.dn, new.expose_secret()).await, "the new password works in AD");
    assert!(double.patches().is_empty() && double.revokes().is_empty());
    let done: i64 = services.db.list_agents().await.unwrap().iter().map(|a| a.jobs_done).sum();
    assert!(done >= 2, "the look-up and the reset went through the agent ({done})");
}
