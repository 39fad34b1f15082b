//! Password writeback end to end: the portal with `directory.kind = "agent"`, real `rekey
//! agent` processes (enrolled with the CLI) and the real Samba AD DC, all on loopback.
//!
//! The shared flow bodies also run through an agent (flows::via_agent: reset, change, unlock,
//! and AD's policy refusals reaching the person's page); these tests cover what only writeback
//! has: no agent, several agents, an agent dying with a job, forged messages,
//! enrolment, rotation, revocation and replicas sharing one queue.

use std::time::{Duration, Instant};

use base64::Engine as _;
use rekey::agent::keyfile::Identity;
use rekey::agent::proto::{self, Envelope, Header, HeartbeatBody, Kind};
use rekey::directory::{DirError, DirUser, Directory, Login};
use secrecy::SecretString;

use crate::support::agent::{AgentProcess, SambaViaAgent, enroll_cli, token};
use crate::support::directory::comparable;
use crate::support::env::TestEnv;
use crate::support::samba::SambaDc;
use crate::support::{output_dir, remember_secret, unique};

fn new_password() -> String {
    let p = format!("Agent-{}-Pw7!", unique(""));
    remember_secret(&p);
    p
}

async fn portal(tweak: impl FnOnce(&mut rekey::config::Config)) -> TestEnv {
    TestEnv::build(SambaViaAgent::portal_directory(), crate::support::postgres::fresh_sqlite_url(), tweak).await
}

/// The account as the DC describes it, read directly (not through any agent).
async fn dir_user(dc: &SambaDc, login: &str) -> DirUser {
    let direct = rekey::directory::ldap::LdapDirectory::new(&dc.directory_config()).unwrap();
    direct.find_user(&Login::parse(login).unwrap()).await.unwrap().expect("the user exists")
}

/// Posts a raw envelope to the agent API.
async fn post(env: &TestEnv, endpoint: &str, envelope: &Envelope) -> (u16, String) {
    let res = reqwest::Client::new()
        .post(format!("{}/agent/v1/{endpoint}", env.server.url()))
        .json(envelope)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

fn heartbeat(identity: &Identity, key: &ed25519_dalek::SigningKey, ts: i64) -> Envelope {
    let header = Header::new(Kind::Heartbeat, &identity.agent_id, ts, None);
    let body = HeartbeatBody { version: "test".into(), hostname: "test".into(), directory_ok: true };
    proto::sign(key, &identity.agent_id, header, &body).unwrap()
}

/// Waits (bounded) until the captured log has a line containing all of `needles`.
async fn wait_for_log(needles: &[&str]) {
    let started = Instant::now();
    loop {
        let log = std::fs::read_to_string(output_dir().join("trace.log")).unwrap_or_default();
        if log.lines().any(|l| needles.iter().all(|n| l.contains(n))) {
            return;
        }
        assert!(started.elapsed() < Duration::from_secs(5), "no log line with {needles:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn with_no_agent_the_reset_page_says_so_at_once_and_the_same_attempt_succeeds_once_one_runs() {
    let dc = SambaDc::shared().await;
    let mut env = portal(|_| {}).await;
    let user = dc.create_user("noagent").await;

    // No agent has ever connected.
    let mut b = env.browser();
    let started = Instant::now();
    let page = b.start("reset", &user.uid).await;
    assert!(started.elapsed() < Duration::from_secs(1), "took {:?}", started.elapsed());
    page.assert_status(503);
    assert!(page.contains("Password services are unavailable right now"), "{}", page.body);
    assert!(page.contains("Nothing was changed"));

    // An agent connects; the person registers, then the agent is stopped (SIGTERM).
    let mut agent = AgentProcess::start(&env.server.services, &env.server.url(), &dc.directory_config(), "dc1").await;
    let address = env.register_email(&user).await;
    agent.stop().await;
    let mut b = env.browser();
    let started = Instant::now();
    let page = b.start("reset", &user.uid).await;
    assert!(started.elapsed() < Duration::from_secs(1), "took {:?}", started.elapsed());
    page.assert_status(503);

    // The agent comes back; the same attempt, sent again, goes through.
    agent.spawn().await;
    agent.wait_connected(&env.server.services).await;
    b.start("reset", &user.uid).await.assert_status(200);
    b.request_email_code("reset").await.assert_status(200);
    let code = env.smtp.last_code_for(&address).await;
    b.submit_code("reset", "email", &code).await.assert_status(200);
    let new = new_password();
    let done = b.set_password(&new).await;
    done.assert_status(200);
    assert!(done.contains("Your password has been reset"), "{}", done.body);
    assert!(dc.bind(&user.dn, &new).await);
    env.agents.push(agent);
}

#[tokio::test]
async fn two_agents_share_the_work_and_when_one_stops_no_job_is_lost_or_applied_twice() {
    let dc = SambaDc::shared().await;
    let env = portal(|_| {}).await;
    let services = &env.server.services;
    let mut a = AgentProcess::start(services, &env.server.url(), &dc.directory_config(), "dc-a").await;
    let b = AgentProcess::start(services, &env.server.url(), &dc.directory_config(), "dc-b").await;
    let user = dc.create_user("twoagents").await;
    let account = dir_user(dc, &user.uid).await;
    let before = dc.password_writes(&user).await;

    const RESETS: u32 = 12;
    let mut last = String::new();
    for i in 0..RESETS {
        if i == RESETS / 2 {
            a.stop().await; // mid-run: SIGTERM, it finishes what it holds and leaves
        }
        last = new_password();
        services
            .directory
            .reset_password(&account, &SecretString::from(last.clone()), false)
            .await
            .unwrap_or_else(|e| panic!("reset {i} failed: {e}"));
    }
    assert_eq!(dc.password_writes(&user).await, before + RESETS, "each reset reached the DC exactly once");
    assert!(dc.bind(&user.dn, &last).await);

    let agents = services.db.list_agents().await.unwrap();
    let done: i64 = agents.iter().map(|x| x.jobs_done).sum();
    let failed: i64 = agents.iter().map(|x| x.jobs_failed).sum();
    assert_eq!((done, failed), (i64::from(RESETS), 0), "{agents:?}");
    let b_row = agents.iter().find(|x| x.id == b.agent_id).unwrap();
    assert!(b_row.jobs_done >= i64::from(RESETS / 2), "after the stop every job went to the other agent");
    drop(b);
}

#[tokio::test]
async fn an_agent_killed_holding_a_job_fails_it_before_the_deadline_and_nothing_runs_it_again() {
    let dc = SambaDc::shared().await;
    let env = portal(|c| {
        c.directory.agent.lease_secs = 3;
        c.directory.agent.deadline_secs = 15;
    })
    .await;
    let services = env.server.services.clone();
    let user = dc.create_user("killed").await;
    let mut good = AgentProcess::start(&services, &env.server.url(), &dc.directory_config(), "good").await;
    let address = env.register_email(&user).await;

    // The person reaches the password step through the good agent.
    let mut browser = env.browser();
    browser.start("reset", &user.uid).await.assert_status(200);
    browser.request_email_code("reset").await.assert_status(200);
    let code = env.smtp.last_code_for(&address).await;
    browser.submit_code("reset", "email", &code).await.assert_status(200);

    // Now only an agent whose directory never answers is connected.
    let blackhole = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let mut silent = dc.directory_config();
    silent.url = format!("ldaps://{}", blackhole.local_addr().unwrap());
    silent.starttls = false;
    silent.timeout_secs = 30;
    let held = tokio::spawn(async move {
        let mut sockets = vec![];
        while let Ok((s, _)) = blackhole.accept().await {
            sockets.push(s);
        }
    });
    let mut doomed = AgentProcess::start(&services, &env.server.url(), &silent, "doomed").await;
    good.stop().await;

    // Kill the doomed agent as soon as it has leased the job.
    let db = services.db.clone();
    let doomed_id = doomed.agent_id.clone();
    let killer = tokio::spawn(async move {
        let started = Instant::now();
        loop {
            let leased = match &db {
                rekey::store::Db::Sqlite(pool) => sqlx::query_scalar::<_, String>(
                    "SELECT id FROM agent_jobs WHERE status = 'leased' AND agent_id = $1",
                )
                .bind(&doomed_id)
                .fetch_optional(pool)
                .await
                .unwrap(),
                rekey::store::Db::Postgres(_) => unreachable!(),
            };
            if let Some(job) = leased {
                return job;
            }
            assert!(started.elapsed() < Duration::from_secs(10), "the job was never leased");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    });

    let new = new_password();
    let started = Instant::now();
    let submit = browser.set_password(&new);
    let (page, job_id) = tokio::join!(submit, async {
        let job = killer.await.unwrap();
        doomed.kill().await;
        job
    });
    let elapsed = started.elapsed();
    page.assert_status(504);
    assert!(page.contains("We could not confirm the change"), "{}", page.body);
    assert!(page.contains("try signing in with it"), "{}", page.body);
    assert!(elapsed < Duration::from_secs(15), "the person waited {elapsed:?}, past the deadline");
    // The account's owner hears of it, and the audit says it is unconfirmed.
    env.smtp.wait_for_subject(&address, "may have been changed").await;
    let audit = services.db.recent_audit(50).await.unwrap();
    assert!(
        audit.iter().any(|r| r.event == "reset" && r.outcome == "unconfirmed" && r.login.as_deref() == Some(&user.uid)),
        "{audit:?}"
    );
    assert!(elapsed >= Duration::from_secs(2), "the lease was honoured ({elapsed:?})");

    // A healthy agent comes back: the expired job is never offered to it.
    good.spawn().await;
    good.wait_connected(&services).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    // An expired job is deleted with its sealed boxes, so nothing is left to offer.
    assert!(services.db.job(&job_id).await.unwrap().is_none(), "the expired job is gone");
    assert!(!good.log().contains(&job_id), "the expired job was offered again:\n{}", good.log());
    assert!(dc.bind(&user.dn, &user.password).await, "the old password still works");
    assert!(!dc.bind(&user.dn, &new).await, "the new password was never set");
    held.abort();
    drop(good);
}

#[tokio::test]
async fn tampered_replayed_stale_misdirected_forged_and_revoked_messages_are_refused_and_logged() {
    let env = portal(|_| {}).await;
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("agent.key");
    let t = token(&env.server.services, "probe").await;
    let (ok, stderr) = enroll_cli(&env.server.url(), &t, "probe", &key_file).await;
    assert!(ok, "{stderr}");
    let id = Identity::load(&key_file).unwrap();
    let now = proto::now();

    let good = heartbeat(&id, &id.sign, now);
    assert_eq!(post(&env, "heartbeat", &good).await.0, 200);

    // Replayed: the very same message again.
    assert_eq!(post(&env, "heartbeat", &good).await.0, 401);
    wait_for_log(&["refused an agent message", &id.agent_id, "replay"]).await;

    // Tampered: payload altered after signing.
    let mut tampered = heartbeat(&id, &id.sign, now);
    let b64 = base64::engine::general_purpose::STANDARD;
    let text = String::from_utf8(b64.decode(&tampered.payload).unwrap()).unwrap().replace("true", "false");
    tampered.payload = b64.encode(text);
    assert_eq!(post(&env, "heartbeat", &tampered).await.0, 401);
    wait_for_log(&["refused an agent message", &id.agent_id, "signature does not verify"]).await;

    // Wrongly signed: another key claims to be this agent.
    let forger = ed25519_dalek::SigningKey::generate(&mut rand::rngs::OsRng);
    assert_eq!(post(&env, "heartbeat", &heartbeat(&id, &forger, now)).await.0, 401);

    // Stale: signed properly, but ten minutes old.
    assert_eq!(post(&env, "heartbeat", &heartbeat(&id, &id.sign, now - 600)).await.0, 401);
    wait_for_log(&["refused an agent message", &id.agent_id, "timestamp"]).await;

    // Misdirected: a valid heartbeat sent to the poll endpoint.
    assert_eq!(post(&env, "poll", &heartbeat(&id, &id.sign, now)).await.0, 401);
    wait_for_log(&["refused an agent message", &id.agent_id, "wrong kind"]).await;

    // Revoked: a perfectly good message from a revoked agent.
    let row = env.server.services.db.agent(&id.agent_id).await.unwrap().unwrap();
    assert!(rekey::agent::admin::revoke(&env.server.services.db, &env.server.services.keys, &row, now).await.unwrap());
    let (status, body) = post(&env, "heartbeat", &heartbeat(&id, &id.sign, proto::now())).await;
    assert_eq!(status, 403, "{body}");
    wait_for_log(&["refused a message from a revoked agent", &id.agent_id]).await;
}

#[tokio::test]
async fn an_enrolment_token_works_once_expires_and_pins_its_portal() {
    let env = portal(|_| {}).await;
    let services = &env.server.services;
    let dir = tempfile::tempdir().unwrap();

    let t = token(services, "once").await;
    let first = dir.path().join("first.key");
    let (ok, stderr) = enroll_cli(&env.server.url(), &t, "once", &first).await;
    assert!(ok, "{stderr}");
    use std::os::unix::fs::PermissionsExt as _;
    assert_eq!(std::fs::metadata(&first).unwrap().permissions().mode() & 0o777, 0o600);

    let (ok, stderr) = enroll_cli(&env.server.url(), &t, "again", &dir.path().join("again.key")).await;
    assert!(!ok);
    assert!(stderr.contains("unknown, used or expired"), "{stderr}");
    assert!(!dir.path().join("again.key").exists(), "no key file for a refused enrolment");

    let expired =
        rekey::agent::admin::create_token(&services.db, &services.keys, "late", 1, proto::now() - 120).await.unwrap();
    remember_secret(expired.as_str());
    let (ok, stderr) = enroll_cli(&env.server.url(), &expired, "late", &dir.path().join("late.key")).await;
    assert!(!ok);
    assert!(stderr.contains("unknown, used or expired"), "{stderr}");

    // A token made by another portal carries another key's fingerprint.
    let other = portal(|_| {}).await;
    let foreign = token(&other.server.services, "foreign").await;
    let (secret, _) = rekey::agent::client::parse_token(&foreign).unwrap();
    let (_, our_fp) = rekey::agent::client::parse_token(&t).unwrap();
    assert_ne!(foreign, t);
    let mismatched = format!("rka1.{secret}.{}", "0".repeat(our_fp.len()));
    let (ok, stderr) = enroll_cli(&other.server.url(), &mismatched, "pinned", &dir.path().join("pinned.key")).await;
    assert!(!ok);
    assert!(stderr.contains("does not match the token"), "{stderr}");

    let agents = services.db.list_agents().await.unwrap();
    assert_eq!(agents.len(), 1);
    assert_eq!(agents[0].name, "once");
}

#[tokio::test]
async fn an_agent_rotates_its_keys_on_request_and_its_old_key_stops_working() {
    let dc = SambaDc::shared().await;
    let env = portal(|_| {}).await;
    let services = &env.server.services;
    let agent = AgentProcess::start(services, &env.server.url(), &dc.directory_config(), "rotating").await;
    let old = Identity::load(&agent.key_file).unwrap();

    assert!(services.db.request_agent_rotation(&agent.agent_id).await.unwrap());
    let started = Instant::now();
    loop {
        let row = services.db.agent(&agent.agent_id).await.unwrap().unwrap();
        if row.keys_rotated_at.is_some() && !row.rotate_requested {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "the agent never rotated:\n{}", agent.log());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let new = Identity::load(&agent.key_file).unwrap();
    assert_ne!(new.sign.to_bytes(), old.sign.to_bytes());
    assert_ne!(new.boxk.to_bytes(), old.boxk.to_bytes());

    // Jobs are now sealed to the new key and still run.
    let user = dc.create_user("rotated").await;
    let account = dir_user(dc, &user.uid).await;
    let p = new_password();
    services.directory.reset_password(&account, &SecretString::from(p.clone()), false).await.unwrap();
    assert!(dc.bind(&user.dn, &p).await);

    // The old signing key is refused.
    assert_eq!(post(&env, "heartbeat", &heartbeat(&old, &old.sign, proto::now())).await.0, 401);
}

#[tokio::test]
async fn a_revoked_agent_gets_no_more_jobs_and_the_portal_says_changes_are_unavailable() {
    let dc = SambaDc::shared().await;
    let env = portal(|_| {}).await;
    let services = &env.server.services;
    let agent = AgentProcess::start(services, &env.server.url(), &dc.directory_config(), "revoked").await;
    let user = dc.create_user("revokedjob").await;
    let account = dir_user(dc, &user.uid).await;
    let row = services.db.agent(&agent.agent_id).await.unwrap().unwrap();
    rekey::agent::admin::revoke(&services.db, &services.keys, &row, proto::now()).await.unwrap();
    let started = Instant::now();
    let err = services.directory.reset_password(&account, &SecretString::from(new_password()), false).await;
    assert!(matches!(err, Err(DirError::Unavailable(_))), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(1));
    assert!(dc.bind(&user.dn, &user.password).await);
    wait_for_log(&["refused a message from a revoked agent", &agent.agent_id]).await;
}

#[tokio::test]
async fn two_portal_replicas_on_postgres_share_one_job_queue() {
    let dc = SambaDc::shared().await;
    let db_url = crate::support::postgres::fresh_database().await;
    let key: [u8; 32] = rand::random();
    let master = base64::engine::general_purpose::STANDARD.encode(key);
    let m1 = master.clone();
    let a = TestEnv::build(SambaViaAgent::portal_directory(), db_url.clone(), move |c| {
        c.secrets.master_key = Some(m1.into());
    })
    .await;
    let b = TestEnv::build(SambaViaAgent::portal_directory(), db_url, move |c| {
        c.secrets.master_key = Some(master.into());
    })
    .await;
    // The agent talks to replica A only; the person uses replica B.
    let _agent = AgentProcess::start(&a.server.services, &a.server.url(), &dc.directory_config(), "pg").await;
    let user = dc.create_user("replica").await;
    let found = b.server.services.directory.find_user(&Login::parse(&user.uid).unwrap()).await.unwrap().unwrap();
    assert_eq!(found.dn.to_lowercase(), user.dn.to_lowercase());
    let p = new_password();
    b.server.services.directory.reset_password(&found, &SecretString::from(p.clone()), false).await.unwrap();
    assert!(dc.bind(&user.dn, &p).await);
    // No sealed request outlives its job.
    let rekey::store::Db::Postgres(pool) = &b.server.services.db else { unreachable!() };
    let boxes: i64 = sqlx::query_scalar("SELECT count(*) FROM agent_job_boxes").fetch_one(pool).await.unwrap();
    assert_eq!(boxes, 0);
}

#[tokio::test]
async fn the_cli_makes_tokens_and_lists_agents() {
    let env = portal(|_| {}).await;
    let url = &env.config.database.url;
    let master = secrecy::ExposeSecret::expose_secret(env.config.secrets.master_key.as_ref().unwrap()).to_owned();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_rekey"))
            .args(args)
            .env("REKEY_DATABASE__URL", url)
            .env("REKEY_SECRETS__MASTER_KEY", &master)
            .env("REKEY_DIRECTORY__KIND", "agent")
            .env("REKEY_MAIL__TRANSPORT", "console")
            .env_remove("REKEY_CONFIG")
            .current_dir(output_dir())
            .output()
            .unwrap()
    };
    let out = run(&["agent", "token", "create", "--name", "cli"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    remember_secret(&token);
    assert!(token.starts_with("rka1."), "{token}");
    let dir = tempfile::tempdir().unwrap();
    let (ok, stderr) = enroll_cli(&env.server.url(), &token, "cli-agent", &dir.path().join("a.key")).await;
    assert!(ok, "{stderr}");
    let out = run(&["agent", "list"]);
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("cli-agent") && table.contains("never connected"), "{table}");
    let out = run(&["agent", "revoke", "cli-agent"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8(run(&["agent", "list"]).stdout).unwrap().contains("revoked"));
}

/// A portal impostor (or an intercepting proxy): it answers heartbeats properly but offers a
/// reset job for a victim, once signed by the wrong key and once as a replay of an answer to
/// another request. The agent must run neither.
#[tokio::test]
async fn an_agent_runs_no_job_from_a_forged_or_replayed_portal_answer() {
    use axum::extract::State;
    use axum::routing::post as route_post;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU32, Ordering};

    let dc = SambaDc::shared().await;
    let victim = dc.create_user("victim").await;
    let account = dir_user(dc, &victim.uid).await;
    let before = dc.password_writes(&victim).await;

    let (sign, boxk) = Identity::generate_keys();
    let portal_key = ed25519_dalek::SigningKey::generate(&mut rand::rngs::OsRng);
    let forger = ed25519_dalek::SigningKey::generate(&mut rand::rngs::OsRng);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    let identity = Identity {
        agent_id: "agent-under-attack".into(),
        name: "target".into(),
        portal_url: url::Url::parse(&url).unwrap(),
        portal_key: portal_key.verifying_key(),
        job_key: Some(portal_key.verifying_key()),
        sign,
        boxk: boxk.clone(),
        previous_box: None,
    };

    struct Impostor {
        portal_key: ed25519_dalek::SigningKey,
        forger: ed25519_dalek::SigningKey,
        box_key: Vec<u8>,
        account: DirUser,
        password: String,
        polls: AtomicU32,
    }
    let password = new_password();
    let impostor = Arc::new(Impostor {
        portal_key,
        forger,
        box_key: boxk.public_key().as_bytes().to_vec(),
        account,
        password: password.clone(),
        polls: AtomicU32::new(0),
    });
    async fn heartbeat_ack(
        State(s): State<Arc<Impostor>>,
        axum::Json(env): axum::Json<Envelope>,
    ) -> axum::Json<Envelope> {
        let req: proto::Message<serde_json::Value> = proto::peek(&env).unwrap();
        let header = Header::new(Kind::HeartbeatAck, &req.header.agent, proto::now(), Some(&req.header.nonce));
        axum::Json(
            proto::sign(&s.portal_key, proto::PORTAL, header, &proto::HeartbeatAckBody { rotate_requested: false })
                .unwrap(),
        )
    }
    async fn forged_offer(
        State(s): State<Arc<Impostor>>,
        axum::Json(env): axum::Json<Envelope>,
    ) -> axum::Json<Envelope> {
        let req: proto::Message<serde_json::Value> = proto::peek(&env).unwrap();
        let n = s.polls.fetch_add(1, Ordering::SeqCst);
        let job_id = format!("evil-{n}");
        let sealed = proto::seal_job(
            &proto::SealedJob {
                job_id: job_id.clone(),
                request: proto::Request::ResetPassword {
                    user: Box::new(s.account.clone()),
                    new: SecretString::from(s.password.clone()),
                    must_change: false,
                },
                expires: proto::now() + 10,
                sig: None,
            },
            &s.box_key,
        )
        .unwrap();
        let offer = proto::OfferBody {
            job: Some(proto::JobOffer {
                job_id,
                lease_id: "l".into(),
                op: proto::Op::ResetPassword,
                sealed: base64::engine::general_purpose::STANDARD.encode(sealed),
                lease_expires: proto::now() + 10,
                lease_secs: Some(10),
            }),
        };
        // Even polls: signed by a key the agent never pinned. Odd: the right key, answering another request.
        let (key, reply_to) = if n % 2 == 0 {
            (&s.forger, req.header.nonce.clone())
        } else {
            (&s.portal_key, "an-earlier-request-nonce".to_owned())
        };
        let header = Header::new(Kind::Offer, &req.header.agent, proto::now(), Some(&reply_to));
        tokio::time::sleep(Duration::from_millis(100)).await;
        axum::Json(proto::sign(key, proto::PORTAL, header, &offer).unwrap())
    }
    let app = axum::Router::new()
        .route("/agent/v1/heartbeat", route_post(heartbeat_ack))
        .route("/agent/v1/poll", route_post(forged_offer))
        .with_state(impostor.clone());
    let server = tokio::spawn(async move { axum::serve(listener, app).await });

    let mut agent = AgentProcess::from_identity(&identity, &dc.directory_config(), "target").await;
    let started = Instant::now();
    loop {
        let log = agent.log();
        if log.contains("signature does not verify") && log.contains("does not answer the request") {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(15), "the agent did not refuse both:\n{log}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(impostor.polls.load(Ordering::SeqCst) >= 2);
    agent.kill().await;
    server.abort();
    assert_eq!(dc.password_writes(&victim).await, before, "no forged job reached the DC");
    assert!(dc.bind(&victim.dn, &victim.password).await);
    assert!(!agent.log().contains("took a job") && !agent.log().contains("job done"));
}

/// Over real HTTPS through a TLS-terminating proxy (the agent trusting a private CA): the
/// proxy sees every byte in the clear, yet never a password, because jobs are sealed.
#[tokio::test]
async fn a_tls_terminating_proxy_between_agent_and_portal_never_sees_a_password() {
    let dc = SambaDc::shared().await;
    let env = portal(|_| {}).await;
    let tls = dc.ca_file.parent().unwrap();
    let proxy =
        crate::support::tls_proxy::TlsProxy::start(&tls.join("server.pem"), &tls.join("server.key"), env.server.addr)
            .await;
    let agent = AgentProcess::start_full(
        &env.server.services,
        &proxy.url,
        Some(&dc.ca_file),
        &dc.directory_config(),
        "behind-proxy",
        &format!("portal_ca_file = {:?}", dc.ca_file.display().to_string()),
    )
    .await;

    let user = dc.create_user("proxied").await;
    let account = dir_user(dc, &user.uid).await;
    let services = &env.server.services;
    let old = SecretString::from(user.password.clone());
    services.directory.verify_password(&account, &old).await.unwrap();
    let p = new_password();
    services.directory.change_password(&account, &old, &SecretString::from(p.clone())).await.unwrap();
    assert!(dc.bind(&user.dn, &p).await);

    let seen = proxy.seen();
    assert!(seen.len() > 1000, "the proxy carried the agent's traffic");
    assert!(memchr::memmem::find(&seen, b"agent/v1/poll").is_some());
    for secret in [user.password.as_bytes(), p.as_bytes()] {
        assert!(memchr::memmem::find(&seen, secret).is_none(), "a password crossed the proxy in the clear");
    }
    assert!(agent.log().contains("job done"));
}

/// An agent that cannot reach its directory says so in its heartbeats; while another agent can,
/// jobs go to that one.
#[tokio::test]
async fn jobs_avoid_an_agent_whose_directory_is_unreachable() {
    let dc = SambaDc::shared().await;
    let env = portal(|_| {}).await;
    let services = &env.server.services;
    let dead_end = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let mut unreachable = dc.directory_config();
    unreachable.url = format!("ldaps://{}", dead_end.local_addr().unwrap());
    drop(dead_end); // connection refused from now on
    let cut_off = AgentProcess::start(services, &env.server.url(), &unreachable, "cut-off").await;
    let _healthy = AgentProcess::start(services, &env.server.url(), &dc.directory_config(), "healthy").await;
    let started = Instant::now();
    while services.db.agent(&cut_off.agent_id).await.unwrap().unwrap().directory_ok != Some(false) {
        assert!(started.elapsed() < Duration::from_secs(10), "the agent never reported its directory down");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let user = dc.create_user("avoid").await;
    for _ in 0..4 {
        let found = services.directory.find_user(&Login::parse(&user.uid).unwrap()).await.unwrap();
        assert!(found.is_some());
    }
    let row = services.db.agent(&cut_off.agent_id).await.unwrap().unwrap();
    assert_eq!((row.jobs_done, row.jobs_failed), (0, 0));
    services.directory.health().await.expect("healthy while one agent reaches the directory");
}

/// 100 accounts in a slapd of its own: several pages of agent answers, each small enough for
/// the portal's default request size limit.
#[tokio::test]
async fn list_users_through_an_agent_pages_through_every_account_of_slapd() {
    let slapd = crate::support::slapd::Slapd::start().await;
    let dns = slapd.add_accounts(&unique("agentlist"), 100).await;
    slapd.add_group("agent-listed", &dns[..10]).await;
    let env = portal(|_| {}).await;
    let services = &env.server.services;
    let agent = AgentProcess::start(services, &env.server.url(), &slapd.directory_config(), "lister").await;
    let direct = rekey::directory::ldap::LdapDirectory::new(&slapd.directory_config()).unwrap();

    let listed = services.directory.list_users(100_000).await.unwrap();
    let mut expected: Vec<_> = direct.list_users(100_000).await.unwrap().iter().map(comparable).collect();
    let mut got: Vec<_> = listed.iter().map(comparable).collect();
    let by_id = |v: &serde_json::Value| v["id"].as_str().unwrap().to_owned();
    expected.sort_by_key(by_id);
    got.sort_by_key(by_id);
    assert_eq!(got.len(), 104, "the accounts and the four sample people");
    assert_eq!(got, expected, "the same accounts and groups as the directory read directly");
    let pages = services.db.agent(&agent.agent_id).await.unwrap().unwrap().jobs_done;
    assert!(pages >= 3, "{pages} pages: each answer stays under 16 KiB");
    assert!(agent.log().contains("list_users"), "{}", agent.log());

    let limited = services.directory.list_users(30).await.unwrap();
    assert_eq!(limited.len(), 30);
}

/// What an agent from before `list_users` does with its job, as its code did it: it reads the
/// offer (whose `op` it knows), fails to read the sealed request, and answers with that.
#[tokio::test]
async fn an_agent_that_predates_list_users_answers_at_once_and_the_portal_says_it_needs_upgrading() {
    /// The first protocol's offer and requests, as such an agent parses them.
    mod first_protocol {
        #[derive(serde::Deserialize)]
        pub struct OfferBody {
            pub job: Option<JobOffer>,
        }
        #[derive(serde::Deserialize)]
        pub struct JobOffer {
            pub job_id: String,
            pub lease_id: String,
            pub op: Op,
            pub sealed: String,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Op {
            FindUser,
            VerifyPassword,
            ChangePassword,
            ResetPassword,
            Unlock,
            LockStatus,
            Health,
        }
        #[derive(serde::Deserialize)]
        #[serde(tag = "op", rename_all = "snake_case")]
        #[allow(dead_code)]
        pub enum Request {
            FindUser {},
            VerifyPassword {},
            ChangePassword {},
            ResetPassword {},
            Unlock {},
            LockStatus {},
            Health,
        }
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        pub struct SealedJob {
            pub job_id: String,
            pub request: Request,
        }
    }

    let env = portal(|_| {}).await;
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("agent.key");
    let (ok, stderr) = enroll_cli(&env.server.url(), &token(&env.server.services, "old").await, "old", &key_file).await;
    assert!(ok, "{stderr}");
    let id = Identity::load(&key_file).unwrap();
    let send = |kind: Kind, body: serde_json::Value| {
        let header = Header::new(kind, &id.agent_id, proto::now(), None);
        proto::sign(&id.sign, &id.agent_id, header, &body).unwrap()
    };
    let (status, _) = post(
        &env,
        "heartbeat",
        &send(
            Kind::Heartbeat,
            serde_json::json!({
                "version": "0.1.0", "hostname": "old", "directory_ok": true
            }),
        ),
    )
    .await;
    assert_eq!(status, 200);

    let services = env.server.services.clone();
    let started = Instant::now();
    let listing = tokio::spawn(async move { services.directory.list_users(100).await });
    let (status, reply) = post(&env, "poll", &send(Kind::Poll, serde_json::json!({"wait_secs": 5}))).await;
    assert_eq!(status, 200, "{reply}");
    let reply: Envelope = serde_json::from_str(&reply).unwrap();
    let offer: proto::Message<first_protocol::OfferBody> = proto::open(&reply, &id.portal_key).unwrap();
    let offer = offer.body.job.expect("the job is offered");
    assert!(matches!(offer.op, first_protocol::Op::Health), "{:?}", offer.op);
    let plain = id.boxk.unseal(&base64::engine::general_purpose::STANDARD.decode(&offer.sealed).unwrap()).unwrap();
    assert!(serde_json::from_slice::<first_protocol::SealedJob>(&plain).is_err(), "an old agent cannot read it");
    let answer = serde_json::json!({
        "job_id": offer.job_id, "lease_id": offer.lease_id,
        "outcome": {"Err": {"Unavailable": "the agent could not open the job: the message is malformed"}},
    });
    let (status, reply) = post(&env, "result", &send(Kind::Result, answer)).await;
    assert_eq!(status, 200, "{reply}");

    match listing.await.unwrap() {
        Err(DirError::Unavailable(why)) => assert!(why.starts_with("agent does not support list_users"), "{why}"),
        other => panic!("expected the agent's refusal, got {other:?}"),
    }
    assert!(started.elapsed() < Duration::from_secs(5), "no wait for the lease to run out: {:?}", started.elapsed());
}
