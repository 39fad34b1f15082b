//! Jobs whose requester is gone: a portal stopped (or a person's request ended) while a
//! password job waited in the queue or sat leased to an agent that then vanished. Once the
//! job's deadline passes, the periodic sweep removes its sealed request, and no copy of it
//! stays in the SQLite file or its write-ahead log.

use std::time::{Duration, Instant};

use rekey::directory::{Directory, Login};
use rekey::store::Db;
use secrecy::SecretString;

use crate::support::agent::SambaViaAgent;
use crate::support::env::TestEnv;
use crate::support::raw_agent::RawAgent;
use crate::support::samba::SambaDc;
use crate::support::{remember_secret, unique};

async fn count(db: &Db, sql: &str) -> i64 {
    match db {
        Db::Sqlite(pool) => sqlx::query_scalar(sql).fetch_one(pool).await.unwrap(),
        Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await.unwrap(),
    }
}

async fn sealed_boxes(db: &Db) -> Vec<Vec<u8>> {
    const SQL: &str = "SELECT sealed FROM agent_job_boxes";
    match db {
        Db::Sqlite(pool) => sqlx::query_scalar(SQL).fetch_all(pool).await.unwrap(),
        Db::Postgres(pool) => sqlx::query_scalar(SQL).fetch_all(pool).await.unwrap(),
    }
}

/// The database file and its write-ahead log, as bytes.
fn files(path: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for suffix in ["", "-wal", "-journal"] {
        let file = format!("{}{suffix}", path.display());
        if let Ok(bytes) = std::fs::read(&file) {
            out.push((file, bytes));
        }
    }
    out
}

/// Starts a reset for the person and lets go of it once its job is queued: the requester is
/// gone, the job and its sealed box stay.
async fn abandoned_reset(env: &TestEnv, user: &rekey::directory::DirUser, queued_before: i64) {
    let services = env.server.services.clone();
    let password = format!("Orphan-{}-Pw7!", unique(""));
    remember_secret(&password);
    let user = user.clone();
    let task = tokio::spawn(async move {
        let _ = services.directory.reset_password(&user, &SecretString::from(password), false).await;
    });
    let started = Instant::now();
    while count(&env.server.services.db, "SELECT count(*) FROM agent_jobs").await == queued_before {
        assert!(started.elapsed() < Duration::from_secs(5), "the reset was never queued");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    task.abort();
    let _ = task.await;
}

#[tokio::test]
async fn orphaned_queued_and_leased_jobs_are_purged_with_their_sealed_passwords_from_the_sqlite_file() {
    let dc = SambaDc::shared().await;
    let url = crate::support::postgres::fresh_sqlite_url();
    let path = std::path::PathBuf::from(url.trim_start_matches("sqlite://"));
    let env = TestEnv::build(SambaViaAgent::portal_directory(), url, |_| {}).await;
    let services = &env.server.services;
    let agent = RawAgent::enroll(services, &env.server.url(), "vanishing").await;
    agent.heartbeat(rekey::agent::proto::VERSION).await.unwrap();
    let user = dc.create_user("orphan").await;
    let direct = rekey::directory::ldap::LdapDirectory::new(&dc.directory_config()).unwrap();
    let account = direct.find_user(&Login::parse(&user.uid).unwrap()).await.unwrap().unwrap();

    // One job leased to the agent, which then vanishes; one still queued. Nobody waits for either.
    abandoned_reset(&env, &account, 0).await;
    let offer = agent.poll(None).await.unwrap();
    assert!(offer["job"]["job_id"].is_string(), "the job was leased: {offer}");
    abandoned_reset(&env, &account, 1).await;
    assert_eq!(count(&services.db, "SELECT count(*) FROM agent_jobs WHERE status = 'leased'").await, 1);
    assert_eq!(count(&services.db, "SELECT count(*) FROM agent_jobs WHERE status = 'queued'").await, 1);
    let boxes = sealed_boxes(&services.db).await;
    assert_eq!(boxes.len(), 2);
    let needles: Vec<Vec<u8>> = boxes.iter().map(|b| b[b.len() / 2..b.len() / 2 + 32].to_vec()).collect();
    let present = |needle: &[u8]| files(&path).iter().any(|(_, bytes)| memchr::memmem::find(bytes, needle).is_some());
    assert!(needles.iter().all(|n| present(n)), "the sealed boxes are in the database files before the sweep");

    // The sweep just after the jobs' deadline (15 s here): their sealed requests go at once.
    let now = rekey::agent::proto::now();
    let after_deadline = now + 16;
    services.db.delete_old_agent_records(after_deadline - 60, after_deadline - 480, after_deadline).await.unwrap();
    assert_eq!(
        count(&services.db, "SELECT count(*) FROM agent_job_boxes").await,
        0,
        "sealed boxes outlived the deadline"
    );
    for (i, needle) in needles.iter().enumerate() {
        for (file, bytes) in files(&path) {
            assert!(
                memchr::memmem::find(&bytes, needle).is_none(),
                "sealed box {i} is still in {file} after the sweep"
            );
        }
    }

    // A minute later the job rows go too.
    let later = now + 100;
    services.db.delete_old_agent_records(later - 60, later - 480, later).await.unwrap();
    assert_eq!(count(&services.db, "SELECT count(*) FROM agent_jobs").await, 0);
}
