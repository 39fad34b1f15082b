//! Agents report their version; the portal keeps it, shows it, warns about agents older than
//! the oldest it supports (`rekey::agent::proto::MIN_AGENT_VERSION`) and, with
//! `directory.agent.refuse_old_agents = true`, refuses them. Old agents are played by hand
//! with an enrolled agent's keys; the current one is the real process.

use std::time::{Duration, Instant};

use rekey::agent::proto::{MIN_AGENT_VERSION, VERSION};
use rekey::directory::{DirError, Login};

use crate::support::agent::SambaViaAgent;
use crate::support::env::TestEnv;
use crate::support::raw_agent::RawAgent;
use crate::support::samba::SambaDc;
use crate::support::{output_dir, remember_secret};

const OLD: &str = "0.0.1";

async fn portal(refuse: bool) -> TestEnv {
    TestEnv::build(SambaViaAgent::portal_directory(), crate::support::postgres::fresh_sqlite_url(), |c| {
        c.directory.agent.refuse_old_agents = refuse;
    })
    .await
}

/// Waits (bounded) until the captured log has a WARN line containing all of `needles`.
async fn warned(needles: &[&str]) {
    let started = Instant::now();
    loop {
        let log = std::fs::read_to_string(output_dir().join("trace.log")).unwrap_or_default();
        if log.lines().any(|l| l.contains("WARN") && needles.iter().all(|n| l.contains(n))) {
            return;
        }
        assert!(started.elapsed() < Duration::from_secs(5), "no WARN log line with {needles:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn readyz_detail(env: &TestEnv) -> Vec<String> {
    let res = reqwest::get(format!("{}/readyz", env.server.url())).await.unwrap();
    let body: serde_json::Value = res.json().await.unwrap();
    body["detail"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect()
}

#[test]
fn this_build_is_a_supported_version() {
    let this = semver::Version::parse(VERSION).unwrap();
    assert!(this >= semver::Version::parse(MIN_AGENT_VERSION).unwrap());
    assert!(semver::Version::parse(OLD).unwrap() < semver::Version::parse(MIN_AGENT_VERSION).unwrap());
}

#[tokio::test]
async fn by_default_an_old_agent_is_served_but_warned_about_in_the_log_and_on_readyz() {
    let env = portal(false).await;
    let services = &env.server.services;
    let agent = RawAgent::enroll(services, &env.server.url(), "old-warned").await;
    assert_eq!(services.db.agent(&agent.identity.agent_id).await.unwrap().unwrap().version, VERSION);

    agent.heartbeat(OLD).await.expect("by default an old agent is still served");
    let row = services.db.agent(&agent.identity.agent_id).await.unwrap().unwrap();
    assert_eq!(row.version, OLD, "the reported version is stored");
    warned(&["older than", OLD, MIN_AGENT_VERSION, &agent.identity.agent_id]).await;
    agent.poll(Some(OLD)).await.expect("and may take jobs");

    let detail = readyz_detail(&env).await;
    assert!(
        detail.iter().any(|d| d.contains(OLD) && d.contains(MIN_AGENT_VERSION) && d.contains("refuse_old_agents")),
        "{detail:?}"
    );
    assert!(!detail.iter().any(|d| d.contains("old-warned") || d.contains("raw-agent")), "no names: {detail:?}");

    agent.heartbeat(VERSION).await.unwrap();
    let detail = readyz_detail(&env).await;
    assert!(detail.iter().any(|d| d.contains(VERSION)), "the versions in use: {detail:?}");
    assert!(!detail.iter().any(|d| d.contains("older than")), "{detail:?}");
}

#[tokio::test]
async fn with_refuse_old_agents_an_old_agent_is_refused_and_gets_no_job_until_upgraded() {
    let dc = SambaDc::shared().await;
    let env = portal(true).await;
    let services = &env.server.services;
    let agent = RawAgent::enroll(services, &env.server.url(), "old-refused").await;

    let (status, text) = agent.heartbeat(OLD).await.expect_err("an old agent's heartbeat is refused");
    assert_eq!(status, 403);
    assert!(text.contains(OLD) && text.contains("directory.agent.refuse_old_agents"), "{text}");
    warned(&["refused", OLD, &agent.identity.agent_id]).await;
    // Its polls too, whether they name the version or not (the portal remembers it).
    let (status, text) = agent.poll(Some(OLD)).await.unwrap_err();
    assert!(status == 403 && text.contains("refuse_old_agents"), "{status} {text}");
    let (status, _) = agent.poll(None).await.unwrap_err();
    assert_eq!(status, 403);
    // No job is sealed to it: to the portal, no agent is there.
    let user = dc.create_user("oldref").await;
    remember_secret(&user.password);
    match services.directory.find_user(&Login::parse(&user.uid).unwrap()).await {
        Err(DirError::Unavailable(why)) => assert!(why.contains("no writeback agent"), "{why}"),
        other => panic!("a job went to an agent the portal refuses: {other:?}"),
    }

    // Upgraded, the same agent is served again.
    agent.heartbeat(VERSION).await.expect("the current version is served");
    agent.poll(Some(VERSION)).await.expect("and may poll");
}
