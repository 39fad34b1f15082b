//! A writeback agent's leases and jobs do not depend on its wall clock agreeing with the
//! portal's: an agent whose clock runs ahead or behind (within the 120 s every signed message
//! tolerates) still runs each job once. Real `rekey agent` processes, their clocks shifted with
//! `rekey::agent::client::CLOCK_SKEW_VAR`, against the real Samba AD DC.

use rekey::directory::{DirUser, Login};
use secrecy::SecretString;

use crate::support::agent::{AgentProcess, Launch, SambaViaAgent};
use crate::support::env::TestEnv;
use crate::support::samba::SambaDc;
use crate::support::{remember_secret, unique};

async fn portal() -> TestEnv {
    TestEnv::build(SambaViaAgent::portal_directory(), crate::support::postgres::fresh_sqlite_url(), |_| {}).await
}

/// Looks an account up and resets its password through an agent whose clock is `skew_secs`
/// off, and checks the DC saw exactly one password write and the agent ran each job once.
async fn runs_each_job_once_with_a_clock_off_by(skew_secs: i64) {
    let dc = SambaDc::shared().await;
    let env = portal().await;
    let services = &env.server.services;
    let name = format!("skew{skew_secs}");
    let launch = Launch { clock_skew: skew_secs, ..Launch::default() };
    let mut agent = AgentProcess::start_with(services, &env.server.url(), &dc.directory_config(), &name, launch).await;
    let user = dc.create_user("skew").await;
    let writes = dc.password_writes(&user).await;

    let found: DirUser = services
        .directory
        .find_user(&Login::parse(&user.uid).unwrap())
        .await
        .unwrap_or_else(|e| panic!("look-up through an agent {skew_secs} s off: {e}\n{}", agent.log()))
        .expect("the account is found");
    let new = format!("Skew-{}-Pw7!", unique(""));
    remember_secret(&new);
    services
        .directory
        .reset_password(&found, &SecretString::from(new.clone()), false)
        .await
        .unwrap_or_else(|e| panic!("reset through an agent {skew_secs} s off: {e}\n{}", agent.log()));

    assert!(dc.bind(&user.dn, &new).await, "the new password works");
    assert_eq!(dc.password_writes(&user).await, writes + 1, "the DC saw exactly one password write");
    let row = services.db.agent(&agent.agent_id).await.unwrap().unwrap();
    assert_eq!((row.jobs_done, row.jobs_failed), (2, 0), "two jobs, each answered once");
    agent.stop().await;
    let log = agent.log();
    assert!(log.contains("CLOCK_SKEW") || log.contains("wall clock is shifted"), "the skew was applied:\n{log}");
    assert_eq!(log.matches("job done").count(), 2, "each job ran once:\n{log}");
    assert!(!log.contains("not running it") && !log.contains("refused a job"), "{log}");
}

#[tokio::test]
async fn an_agent_ten_seconds_fast_runs_each_job_once() {
    runs_each_job_once_with_a_clock_off_by(10).await;
}

#[tokio::test]
async fn an_agent_ten_seconds_slow_runs_each_job_once() {
    runs_each_job_once_with_a_clock_off_by(-10).await;
}

/// Further off than a job's whole deadline (15 s here), still within what a signed message
/// tolerates: the job's expiry is judged by the portal's clock, not the agent's.
#[tokio::test]
async fn an_agent_a_hundred_seconds_fast_runs_each_job_once() {
    runs_each_job_once_with_a_clock_off_by(100).await;
}

#[tokio::test]
async fn an_agent_a_hundred_seconds_slow_runs_each_job_once() {
    runs_each_job_once_with_a_clock_off_by(-100).await;
}
