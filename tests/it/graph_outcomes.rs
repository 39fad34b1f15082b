//! The Graph double's answers that are not a plain yes or no to a reset: a PATCH applied but
//! answered after the client gave up (unconfirmed, with a notice), and 403
//! Authorization_RequestDenied for a privileged target (refused for good, sent to the helpdesk).

use std::sync::Arc;
use std::time::Duration;

use rekey::config::{DirectoryConfig, DirectoryKind};

use crate::graph::proven_by_mail;
use crate::support::env::TestEnv;
use crate::support::graph::{GraphDouble, GraphUser};
use crate::support::{remember_secret, unique};

const APP_SECRET: &str = "app-secret-Oc7~wT4";

async fn double_and_portal() -> (Arc<GraphDouble>, GraphUser, TestEnv) {
    crate::support::init_tracing();
    remember_secret(APP_SECRET);
    let double = GraphDouble::start(APP_SECRET, None).await;
    let user = crate::graph::cloud_user(&double, "graphout");
    let graph = rekey::config::GraphConfig { timeout_secs: 1, deadline_secs: 3, ..double.config() };
    let directory = DirectoryConfig { kind: DirectoryKind::Graph, graph: Some(graph), ..DirectoryConfig::default() };
    let env = TestEnv::build(directory, crate::support::postgres::fresh_sqlite_url(), |c| {
        c.email.use_directory_mail = true;
    })
    .await;
    (double, user, env)
}

async fn last_reset_audit(env: &TestEnv, login: &str) -> rekey::store::AuditEvent {
    let records = env.server.services.db.recent_audit(100).await.unwrap();
    records
        .into_iter()
        .find(|r| r.event == "reset" && r.login.as_deref() == Some(login))
        .unwrap_or_else(|| panic!("no reset audit record for {login}"))
}

#[tokio::test]
async fn graph_outcomes_a_patch_that_times_out_after_it_was_sent_is_unconfirmed_with_a_notice() {
    let (double, user, env) = double_and_portal().await;
    let mut b = proven_by_mail(&env, &user).await;
    double.stall_patches(Duration::from_secs(5));
    let new = format!("Portal-{}-Pw9!", unique(""));
    remember_secret(&new);
    let page = b.set_password(&new).await;
    page.assert_status(504);
    assert!(page.contains("We could not confirm the change"), "{}", page.body);
    assert!(!page.contains("Nothing was changed"), "{}", page.body);
    assert_eq!(double.password_of(&user.id), new, "the PATCH reached Graph");
    let record = last_reset_audit(&env, &user.upn).await;
    assert_eq!(record.outcome, "unconfirmed", "{record:?}");
    let notice = env.smtp.wait_for_subject(&user.mail, "may have been changed").await;
    assert!(notice.text.contains("If this wasn't you"), "{}", notice.text);
}

#[tokio::test]
async fn graph_outcomes_a_403_for_a_privileged_target_sends_the_person_to_the_helpdesk() {
    let (double, user, env) = double_and_portal().await;
    double.make_privileged(&user.id);
    let mut b = proven_by_mail(&env, &user).await;
    let new = format!("Portal-{}-Pw9!", unique(""));
    remember_secret(&new);
    let page = b.set_password(&new).await;
    page.assert_status(403);
    assert!(page.contains("This account cannot be changed here"), "{}", page.body);
    assert!(page.contains("contact the helpdesk"), "{}", page.body);
    assert!(!page.contains("try again in a few minutes"), "{}", page.body);
    assert_eq!(double.password_of(&user.id), user.password, "nothing changed");
    let record = last_reset_audit(&env, &user.upn).await;
    assert_eq!(record.reason.as_deref(), Some("refused_insufficient_access"), "{record:?}");
}
