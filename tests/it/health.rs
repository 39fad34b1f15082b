//! Probes for load balancers: /healthz (the process answers) and /readyz (the database and the
//! directory answer now), against a real slapd that is stopped and started again.

use std::time::{Duration, Instant};

use crate::support::env::TestEnv;
use crate::support::slapd::Slapd;

async fn readyz(client: &reqwest::Client, base: &str) -> (u16, serde_json::Value) {
    let res = client.get(format!("{base}/readyz")).send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap())
}

/// Polls /readyz until it answers `status`, for at most `within`; returns how long it took.
async fn until(client: &reqwest::Client, base: &str, status: u16, within: Duration) -> Duration {
    let started = Instant::now();
    loop {
        let (now, body) = readyz(client, base).await;
        if now == status {
            return started.elapsed();
        }
        assert!(started.elapsed() < within, "/readyz still answers {now} {body} after {within:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn readyz_follows_the_directory_down_and_up_again() {
    let slapd = Slapd::start().await;
    let env = TestEnv::build(slapd.directory_config(), crate::support::postgres::fresh_sqlite_url(), |_| {}).await;
    let client = reqwest::Client::new();
    let base = env.server.url();

    let res = client.get(format!("{base}/healthz")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let health: serde_json::Value = res.json().await.unwrap();
    assert_eq!(health["status"], "ok", "{health}");
    assert_eq!(health["version"], env!("CARGO_PKG_VERSION"), "{health}");
    assert_eq!(health["commit"], rekey::version::COMMIT, "{health}");
    let (status, body) = readyz(&client, &base).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["database"], "ok");
    assert_eq!(body["directory"], "ok");

    slapd.stop();
    let took = until(&client, &base, 503, Duration::from_secs(5)).await;
    let (_, body) = readyz(&client, &base).await;
    assert_eq!(body["directory"], "unavailable", "{body}");
    assert_eq!(body["database"], "ok", "{body}");
    assert!(!body.to_string().contains("127.0.0.1"), "no details for the load balancer: {body}");
    eprintln!("unready {took:?} after slapd stopped");
    let res = client.get(format!("{base}/healthz")).send().await.unwrap();
    assert_eq!(res.status(), 200, "the process itself is fine");

    slapd.restart().await;
    let took = until(&client, &base, 200, Duration::from_secs(10)).await;
    eprintln!("ready again {took:?} after slapd restarted");
}

#[tokio::test]
async fn readyz_through_a_writeback_agent_follows_its_heartbeat_and_its_directory() {
    let slapd = Slapd::start().await;
    let mut portal_dir = crate::support::agent::SambaViaAgent::portal_directory();
    portal_dir.agent.heartbeat_window_secs = 3;
    let env = TestEnv::build(portal_dir, crate::support::postgres::fresh_sqlite_url(), |_| {}).await;
    let client = reqwest::Client::new();
    let base = env.server.url();
    let (status, body) = readyz(&client, &base).await;
    assert_eq!(status, 503, "no agent has connected yet: {body}");

    let mut agent =
        crate::support::agent::AgentProcess::start(&env.server.services, &base, &slapd.directory_config(), "ready")
            .await;
    let took = until(&client, &base, 200, Duration::from_secs(5)).await;
    eprintln!("ready {took:?} after the agent connected");

    // The agent is up but its directory is not.
    slapd.stop();
    let took = until(&client, &base, 503, Duration::from_secs(5)).await;
    eprintln!("unready {took:?} after the agent's slapd stopped");
    slapd.restart().await;
    let took = until(&client, &base, 200, Duration::from_secs(10)).await;
    eprintln!("ready again {took:?} after it restarted");

    // The agent itself goes away: its heartbeat stops.
    agent.kill().await;
    let took = until(&client, &base, 503, Duration::from_secs(6)).await;
    eprintln!("unready {took:?} after the agent was killed");
    let (_, body) = readyz(&client, &base).await;
    assert_eq!(body["directory"], "unavailable", "{body}");
}
