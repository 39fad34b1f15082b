//! The uniform answer time where the directory is slow for an account that exists: Samba
//! reached over a slow line (a domain controller in another site), in scope through a nested
//! group (the tokenGroups read that only existing accounts cost), directly and through a
//! writeback agent. An unknown username and one in scope must take the same time.

use std::time::{Duration, Instant};

use crate::support::agent::{AgentProcess, SambaViaAgent};
use crate::support::env::TestEnv;
use crate::support::latency::SlowLine;
use crate::support::samba::SambaDc;

/// One way, on every answer from the DC: each search costs this much more.
const DELAY: Duration = Duration::from_millis(150);
const ROUNDS: usize = 16;

fn tweak(c: &mut rekey::config::Config) {
    c.server.uniform_post_ms = rekey::config::ServerConfig::default().uniform_post_ms;
    c.policy.enabled_for = rekey::config::EnabledFor::Groups;
    c.policy.groups = vec!["staff".into()];
    c.limits.starts_per_account = 1000;
    c.limits.starts_per_address = 1000;
    c.limits.resets_per_account_per_day = 1000;
}

/// The DC's configuration, reached through a line that delays its answers by [`DELAY`].
async fn slow_dc() -> (&'static SambaDc, SlowLine, rekey::config::DirectoryConfig) {
    let dc = SambaDc::shared().await;
    let line = SlowLine::start(&dc.address, format!("{}:636", dc.address), DELAY).await;
    let config = rekey::config::DirectoryConfig {
        url: format!("ldaps://{}:{}", dc.address, line.port),
        ..dc.directory_config()
    };
    (dc, line, config)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Interleaved username steps for `known` and an unknown name; the medians of their answer
/// times, after checking that both got the same page.
async fn answer_times(env: &TestEnv, known: &str) -> (Duration, Duration) {
    let unknown = crate::support::unique("nobody");
    let mut times: [Vec<Duration>; 2] = [vec![], vec![]];
    let mut pages: [Option<String>; 2] = [None, None];
    for round in 0..ROUNDS {
        let order = if round % 2 == 0 { [0, 1] } else { [1, 0] };
        for who in order {
            let name = if who == 0 { known } else { unknown.as_str() };
            let mut b = env.browser();
            b.get("/reset").await.assert_status(200);
            let started = Instant::now();
            let page = b.post("/reset", &[("username", name)]).await;
            times[who].push(started.elapsed());
            page.assert_status(200);
            pages[who].get_or_insert_with(|| page.normalised());
        }
    }
    assert_eq!(pages[0], pages[1], "an account in scope and an unknown one see the same page");
    let [known, unknown] = times;
    (median(known), median(unknown))
}

fn assert_alike(what: &str, known: Duration, unknown: Duration) {
    let gap = known.abs_diff(unknown);
    eprintln!("{what}: median username step, in scope {known:?}, unknown {unknown:?}, gap {gap:?}");
    // One search on the slow line is DELAY; a third of it is far above the jitter of padded
    // answers and far below what telling the two apart needs.
    assert!(gap < DELAY / 3, "{what}: in scope {known:?} vs unknown {unknown:?}");
}

#[tokio::test]
async fn a_nested_group_check_on_a_slow_samba_dc_does_not_show_in_the_answer_time() {
    let (dc, _line, directory) = slow_dc().await;
    let user = dc.create_user("timedad").await;
    dc.add_to_group(&user, "staff-nested").await;
    let env = TestEnv::build(directory, crate::support::postgres::fresh_sqlite_url(), tweak).await;
    let (known, unknown) = answer_times(&env, &user.uid).await;
    assert_alike("samba", known, unknown);
}

#[tokio::test]
async fn the_agent_round_trip_to_a_slow_samba_dc_does_not_show_in_the_answer_time() {
    let (dc, _line, directory) = slow_dc().await;
    let user = dc.create_user("timedagent").await;
    dc.add_to_group(&user, "staff-nested").await;
    let mut env =
        TestEnv::build(SambaViaAgent::portal_directory(), crate::support::postgres::fresh_sqlite_url(), tweak).await;
    let agent = AgentProcess::start(&env.server.services, &env.server.url(), &directory, "dc1").await;
    env.agents.push(agent);
    let (known, unknown) = answer_times(&env, &user.uid).await;
    assert_alike("samba via agent", known, unknown);
}
