//! The writeback agent's trust boundary, attacked from the portal's database: someone who can
//! write to it (a shared PostgreSQL, a restored backup) but holds no master key. Real `rekey
//! agent` processes against the real Samba AD DC; passwords are checked by binding.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use ldap3::Mod;
use rekey::agent::integrity;
use rekey::agent::proto::{self, Request, SealedJob};
use rekey::directory::{DirError, DirUser, Directory, Login};
use rekey::flow::Services;
use rekey::store::{Db, JOB_QUEUED, JobRow};
use secrecy::SecretString;

use crate::support::agent::{AgentProcess, SambaViaAgent, enroll_cli, token};
use crate::support::directory::TestUser;
use crate::support::env::TestEnv;
use crate::support::samba::SambaDc;
use crate::support::{remember_secret, unique};

fn new_password() -> String {
    let p = format!("Trust-{}-Pw7!", unique(""));
    remember_secret(&p);
    p
}

async fn portal() -> TestEnv {
    TestEnv::build(SambaViaAgent::portal_directory(), crate::support::postgres::fresh_sqlite_url(), |_| {}).await
}

/// The account as the DC describes it, read directly with `base_dn` (not through any agent).
async fn dir_user(dc: &SambaDc, login: &str) -> DirUser {
    let direct = rekey::directory::ldap::LdapDirectory::new(&dc.directory_config()).unwrap();
    direct.find_user(&Login::parse(login).unwrap()).await.unwrap().expect("the user exists")
}

async fn sql_count(db: &Db, sql: &str) -> i64 {
    match db {
        Db::Sqlite(pool) => sqlx::query_scalar(sql).fetch_one(pool).await.unwrap(),
        Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await.unwrap(),
    }
}

async fn sql_exec(db: &Db, sql: &str) {
    match db {
        Db::Sqlite(pool) => sqlx::query(sql).execute(pool).await.unwrap().rows_affected(),
        Db::Postgres(pool) => sqlx::query(sql).execute(pool).await.unwrap().rows_affected(),
    };
}

const AGENT_TABLES: [&str; 5] = ["agent_tokens", "agents", "agent_jobs", "agent_job_boxes", "agent_nonces"];

async fn agent_rows(db: &Db) -> Vec<(&'static str, i64)> {
    let mut out = Vec::new();
    for table in AGENT_TABLES {
        out.push((table, sql_count(db, &format!("SELECT count(*) FROM {table}")).await));
    }
    out
}

/// How the test signs a job it writes straight into the database.
enum Signature {
    Portal,
    Forged,
    Missing,
}

/// Queues a job as a database writer would: a row, and a box sealed to the agent's public key
/// (which sits in the database). `mac` false leaves the row without its integrity MAC.
async fn insert_job(services: &Services, agent_id: &str, request: Request, sig: Signature, mac: bool) -> String {
    let agent = services.db.agent(agent_id).await.unwrap().unwrap();
    let job_id = uuid::Uuid::new_v4().to_string();
    let now = proto::now();
    let deadline = now + 15;
    let op = request.op();
    let sealed = match sig {
        Signature::Portal => {
            rekey::agent::signed_job::sign(&services.keys.agent_job_key(), job_id.clone(), deadline, request).unwrap()
        }
        Signature::Forged => {
            let forger = ed25519_dalek::SigningKey::generate(&mut rand::rngs::OsRng);
            rekey::agent::signed_job::sign(&forger, job_id.clone(), deadline, request).unwrap()
        }
        Signature::Missing => SealedJob { job_id: job_id.clone(), request, expires: deadline, sig: None },
    };
    let sealed = proto::seal_job(&sealed, &agent.box_key).unwrap();
    let mut row = JobRow::queued(job_id.clone(), op.as_str(), now, deadline);
    if mac {
        integrity::seal_job_row(&services.keys, &mut row);
    }
    services.db.insert_job(&row, &[(agent.id.clone(), sealed)]).await.unwrap();
    services.agent_hub.jobs.notify_waiters();
    job_id
}

/// The agent's answer to a job written by [`insert_job`], once it is done (10 s at most).
async fn answer(services: &Services, job_id: &str) -> proto::Outcome {
    let started = Instant::now();
    loop {
        if let Some(row) = services.db.job(job_id).await.unwrap()
            && row.status == rekey::store::JOB_DONE
        {
            let text = integrity::open_outcome(&services.keys, &row, row.outcome.as_deref().unwrap()).unwrap();
            return serde_json::from_str(&text).unwrap();
        }
        assert!(started.elapsed() < Duration::from_secs(10), "job {job_id} was not answered");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn reset(user: &DirUser, password: &str) -> Request {
    Request::ResetPassword {
        user: Box::new(user.clone()),
        new: SecretString::from(password.to_owned()),
        must_change: false,
    }
}

async fn audited(db: &Db, event: &str) -> i64 {
    sql_count(db, &format!("SELECT count(*) FROM audit_events WHERE event = '{event}'")).await
}

async fn assert_unchanged(dc: &SambaDc, user: &TestUser, attempted: &str) {
    assert!(dc.bind(&user.dn, &user.password).await, "the old password must still work");
    assert!(!dc.bind(&user.dn, attempted).await, "the attacker's password must not");
}

#[tokio::test]
async fn a_job_with_a_forged_or_missing_signature_is_refused_and_the_password_is_unchanged() {
    let dc = SambaDc::shared().await;
    let env = portal().await;
    let services = &env.server.services;
    let agent = AgentProcess::start(services, &env.server.url(), &dc.directory_config(), "sig").await;
    let victim = dc.create_user("unsigned").await;
    let account = dir_user(dc, &victim.uid).await;

    for sig in [Signature::Forged, Signature::Missing] {
        let evil = new_password();
        let job = insert_job(services, &agent.agent_id, reset(&account, &evil), sig, true).await;
        let outcome = answer(services, &job).await;
        assert!(matches!(&outcome, Err(DirError::Refused(why)) if why.contains("signature")), "{outcome:?}");
        assert_unchanged(dc, &victim, &evil).await;
    }
    assert!(audited(&services.db, "agent_refused").await >= 2);
}

#[tokio::test]
async fn a_signed_job_for_an_account_outside_the_agents_filter_is_refused_and_the_password_is_unchanged() {
    let dc = SambaDc::shared().await;
    let env = portal().await;
    let services = &env.server.services;
    let outsider = dc.create_user("outside").await;
    // The agent's own directory leaves this account out (its filter; the base works alike).
    let mut directory = dc.directory_config();
    directory.user_filter = format!("(&(objectCategory=person)(objectClass=user)(!(sAMAccountName={})))", outsider.uid);
    let _agent = AgentProcess::start(services, &env.server.url(), &directory, "scope").await;
    let account = dir_user(dc, &outsider.uid).await;

    // Even a job the portal signed (as if the portal itself were fooled) is refused.
    let evil = new_password();
    let err = services.directory.reset_password(&account, &SecretString::from(evil.clone()), false).await.unwrap_err();
    assert!(matches!(&err, DirError::Refused(why) if why.contains("directory.user_filter")), "{err:?}");
    assert_unchanged(dc, &outsider, &evil).await;
    assert_eq!(audited(&services.db, "agent_refused").await, 1);
}

#[tokio::test]
async fn a_member_of_domain_admins_is_refused_and_the_password_is_unchanged() {
    let dc = SambaDc::shared().await;
    let env = portal().await;
    let services = &env.server.services;
    let _agent = AgentProcess::start(services, &env.server.url(), &dc.directory_config(), "tier0").await;
    let admin = dc.create_user("tier0").await;
    let mut ldap = dc.admin().await;
    let group = "CN=Domain Admins,CN=Users,DC=corp,DC=test";
    let result = ldap.modify(group, vec![Mod::Add("member".to_owned(), HashSet::from([admin.dn.clone()]))]).await;
    assert_eq!(result.unwrap().rc, 0);
    let _ = ldap.unbind().await;
    let account = dir_user(dc, &admin.uid).await;

    let evil = new_password();
    let err = services.directory.reset_password(&account, &SecretString::from(evil.clone()), false).await.unwrap_err();
    assert!(matches!(&err, DirError::Refused(why) if why.contains("protected")), "{err:?}");
    assert_unchanged(dc, &admin, &evil).await;
    let err = services.directory.unlock(&account).await.unwrap_err();
    assert!(matches!(&err, DirError::Refused(_)), "{err:?}");
}

#[tokio::test]
async fn a_swapped_agent_row_receives_nothing() {
    let dc = SambaDc::shared().await;
    let env = portal().await;
    let services = env.server.services.clone();
    let agent = AgentProcess::start(&services, &env.server.url(), &dc.directory_config(), "swapped").await;
    let victim = dc.create_user("swapped").await;
    let account = dir_user(dc, &victim.uid).await;

    // The attacker puts their own box key on the agent's row.
    let attacker = crypto_box::SecretKey::generate(&mut crypto_box::aead::OsRng);
    let hex = hex::encode(attacker.public_key().as_bytes());
    sql_exec(&services.db, &format!("UPDATE agents SET box_key = X'{hex}' WHERE id = '{}'", agent.agent_id)).await;

    let new = new_password();
    let reset = {
        let (services, account, new) = (services.clone(), account.clone(), new.clone());
        tokio::spawn(async move { services.directory.reset_password(&account, &SecretString::from(new), false).await })
    };
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(3) && !reset.is_finished() {
        let boxes: Vec<Vec<u8>> = match &services.db {
            Db::Sqlite(pool) => sqlx::query_scalar("SELECT sealed FROM agent_job_boxes").fetch_all(pool).await.unwrap(),
            Db::Postgres(pool) => {
                sqlx::query_scalar("SELECT sealed FROM agent_job_boxes").fetch_all(pool).await.unwrap()
            }
        };
        for sealed in boxes {
            assert!(proto::unseal_job(&sealed, &[&attacker]).is_err(), "a job was sealed to the attacker's key");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let result = tokio::time::timeout(Duration::from_secs(20), reset).await.unwrap().unwrap();
    assert!(matches!(result, Err(DirError::Unavailable(_))), "{result:?}");
    assert_unchanged(dc, &victim, &new).await;
    assert!(audited(&services.db, integrity::TAMPERED).await >= 1);
}

#[tokio::test]
async fn a_tampered_job_row_is_never_offered() {
    let dc = SambaDc::shared().await;
    let env = portal().await;
    let services = &env.server.services;
    let agent = AgentProcess::start(services, &env.server.url(), &dc.directory_config(), "tamper").await;
    let victim = dc.create_user("tampered").await;
    let account = dir_user(dc, &victim.uid).await;

    // Signed as the portal signs, but the row was written without the portal's MAC.
    let evil = new_password();
    let job = insert_job(services, &agent.agent_id, reset(&account, &evil), Signature::Portal, false).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(services.db.job(&job).await.unwrap().is_none_or(|j| j.status == JOB_QUEUED), "the job was leased");
    assert!(!agent.log().contains(&job), "the agent saw the job:\n{}", agent.log());
    assert_unchanged(dc, &victim, &evil).await;
    assert!(audited(&services.db, integrity::TAMPERED).await >= 1);
}

#[tokio::test]
async fn answers_are_sealed_and_ended_and_expired_jobs_and_their_boxes_are_gone_after_the_sweep() {
    let dc = SambaDc::shared().await;
    let env = portal().await;
    let services = &env.server.services;
    let mut agent = AgentProcess::start(services, &env.server.url(), &dc.directory_config(), "sweep").await;
    let user = dc.create_user("sweep").await;
    let account = dir_user(dc, &user.uid).await;

    // A job that ends is deleted at once, with its box and its answer.
    let found = services.directory.find_user(&Login::parse(&user.uid).unwrap()).await.unwrap().unwrap();
    assert_eq!(found.id, account.id);
    assert!(!account.phones.is_empty());
    assert_eq!(sql_count(&services.db, "SELECT count(*) FROM agent_jobs").await, 0);
    assert_eq!(sql_count(&services.db, "SELECT count(*) FROM agent_job_boxes").await, 0);

    // Left behind by a portal that stopped while waiting: queued, leased and done rows whose
    // deadline passed, and the boxes of a job that ended.
    // An answer that waits in its row holds the account's address and phone only sealed.
    let lookup = Request::FindUser { login: user.uid.clone() };
    let job = insert_job(services, &agent.agent_id, lookup, Signature::Portal, true).await;
    assert!(matches!(answer(services, &job).await, Ok(proto::Answer::User(Some(_)))));
    let stored = services.db.job(&job).await.unwrap().unwrap().outcome.unwrap();
    assert!(!stored.contains(&user.mail) && !stored.contains(&user.uid), "a plaintext answer: {stored}");
    for phone in &account.phones {
        assert!(!stored.contains(phone.as_str()));
    }

    agent.stop().await;
    let mut ids = Vec::new();
    for status in ["queued", "leased", "done"] {
        let job = insert_job(services, &agent.agent_id, Request::Health, Signature::Portal, true).await;
        sql_exec(
            &services.db,
            &format!("UPDATE agent_jobs SET status = '{status}', deadline = deadline - 3600 WHERE id = '{job}'"),
        )
        .await;
        ids.push(job);
    }
    let ended = insert_job(services, &agent.agent_id, Request::Health, Signature::Portal, true).await;
    sql_exec(&services.db, &format!("UPDATE agent_jobs SET status = 'done' WHERE id = '{ended}'")).await;

    let now = proto::now();
    services.db.delete_old_agent_records(now - 60, now - 600, now).await.unwrap();
    assert_eq!(sql_count(&services.db, "SELECT count(*) FROM agent_job_boxes").await, 0, "orphaned boxes remain");
    for id in ids {
        assert!(services.db.job(&id).await.unwrap().is_none(), "job {id} outlived its deadline");
    }
}

#[tokio::test]
async fn an_enrolment_with_a_wrong_token_writes_no_row() {
    let env = portal().await;
    let services = &env.server.services;
    let good = token(services, "real").await;
    let (_, fingerprint) = rekey::agent::client::parse_token(&good).unwrap();
    let wrong = format!("rka1.{}.{fingerprint}", "A".repeat(43));
    let dir = tempfile::tempdir().unwrap();

    let before = agent_rows(&services.db).await;
    let (ok, stderr) = enroll_cli(&env.server.url(), &wrong, "intruder", &dir.path().join("x.key")).await;
    assert!(!ok);
    assert!(stderr.contains("unknown, used or expired"), "{stderr}");
    assert_eq!(agent_rows(&services.db).await, before, "a refused enrolment wrote to the database");
}
