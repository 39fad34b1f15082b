//! The store against real SQLite and PostgreSQL: every test body runs once on each.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::sync::Arc;

use rekey::store::{Attempt, AuditEvent, Db, StoreError, StoredMethod, WrongTry};
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::SessionStore as _;

use crate::support;
use crate::support::postgres::{fresh_database, fresh_sqlite_url};

const NOW: i64 = 1_800_000_000;

/// One database under test.
struct Case {
    name: &'static str,
    url: String,
    db: Db,
}

/// Runs `body` on a fresh SQLite file, then on a fresh PostgreSQL database.
async fn each_db(max_connections: u32, body: impl AsyncFn(&Case)) {
    support::init_tracing();
    for (name, url) in [("sqlite", fresh_sqlite_url()), ("postgres", fresh_database().await)] {
        eprintln!("--- on {name}");
        let db = Db::connect(&url, max_connections).await.unwrap_or_else(|e| panic!("connect to {name}: {e}"));
        let case = Case { name, url, db };
        body(&case).await;
        close(&case.db).await;
    }
}

async fn close(db: &Db) {
    match db {
        Db::Sqlite(pool) => pool.close().await,
        Db::Postgres(pool) => pool.close().await,
    }
}

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

fn method(user_id: &str, kind: &str, created_at: i64) -> StoredMethod {
    StoredMethod {
        id: new_id(),
        user_id: user_id.into(),
        kind: kind.into(),
        label: "a•••@example.test".into(),
        sealed: vec![0, 1, 2, 255, 254],
        created_at,
        last_used_at: None,
        totp_last_step: None,
    }
}

async fn new_attempt(db: &Db, expires_at: i64) -> Attempt {
    let a = Attempt {
        id: new_id(),
        flow: "reset".into(),
        user_id: Some(new_id()),
        created_at: NOW,
        expires_at,
        wrong_tries: 0,
        voided: false,
        completed_at: None,
    };
    db.create_attempt(&a).await.unwrap();
    a
}

// --- the query dialect and migrations -------------------------------------------------------

#[tokio::test]
async fn numbered_placeholders_bind_by_number_out_of_order_and_repeated() {
    each_db(2, async |c| {
        let sql = "SELECT CAST($2 AS TEXT) || CAST($1 AS TEXT) || CAST($2 AS TEXT), $4 - $3";
        let row: (String, i64) = match &c.db {
            Db::Sqlite(pool) => {
                sqlx::query_as(sql).bind("a").bind("b").bind(3_i64).bind(10_i64).fetch_one(pool).await.unwrap()
            }
            Db::Postgres(pool) => {
                sqlx::query_as(sql).bind("a").bind("b").bind(3_i64).bind(10_i64).fetch_one(pool).await.unwrap()
            }
        };
        assert_eq!(row, ("bab".to_string(), 7), "on {}", c.name);
    })
    .await;
}

#[tokio::test]
async fn migrations_apply_twice_and_keep_the_data() {
    each_db(2, async |c| {
        let m = method(&new_id(), "email", NOW);
        c.db.insert_method(&m).await.unwrap();
        c.db.migrate().await.unwrap();
        let again = Db::connect(&c.url, 2).await.unwrap();
        again.migrate().await.unwrap();
        assert_eq!(again.list_methods(&m.user_id).await.unwrap(), vec![m]);
        again.ping().await.unwrap();
        close(&again).await;
    })
    .await;
}

#[tokio::test]
async fn sqlite_connect_creates_missing_folders_and_file() {
    support::init_tracing();
    let dir = support::output_dir().join("db").join(support::unique("nested_")).join("a").join("b");
    let url = format!("sqlite://{}", dir.join("rekey.db").display());
    let db = Db::connect(&url, 1).await.unwrap();
    db.ping().await.unwrap();
    assert!(dir.join("rekey.db").is_file());
    close(&db).await;
}

#[tokio::test]
async fn an_unsupported_url_is_refused_without_echoing_it() {
    support::init_tracing();
    support::remember_secret("hunter2-db-pass");
    let err = Db::connect("mysql://admin:hunter2-db-pass@127.0.0.1/rekey", 1).await.err().unwrap();
    assert!(matches!(err, StoreError::UnsupportedUrl));
    assert!(!err.to_string().contains("hunter2"));
}

#[tokio::test]
async fn a_failed_postgres_connection_does_not_reveal_the_password() {
    support::init_tracing();
    support::remember_secret("s3cret-db-pass-x");
    // Trust auth ignores the password, so make the server refuse for another reason.
    let url = "postgres://postgres:s3cret-db-pass-x@127.0.0.1:5432/rekey_no_such_database";
    let err = Db::connect(url, 1).await.err().unwrap();
    assert!(!err.to_string().contains("s3cret"), "{err}");
    assert!(!format!("{err:?}").contains("s3cret"));
}

// --- methods --------------------------------------------------------------------------------

#[tokio::test]
async fn methods_are_listed_per_person_oldest_first() {
    each_db(2, async |c| {
        let alice = new_id();
        let newer = method(&alice, "totp", NOW + 10);
        let older = method(&alice, "email", NOW);
        let bobs = method(&new_id(), "email", NOW);
        for m in [&newer, &older, &bobs] {
            c.db.insert_method(m).await.unwrap();
        }
        assert_eq!(c.db.list_methods(&alice).await.unwrap(), vec![older, newer]);
        assert!(c.db.list_methods(&new_id()).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn a_method_is_deleted_only_by_its_owner() {
    each_db(2, async |c| {
        let m = method(&new_id(), "email", NOW);
        c.db.insert_method(&m).await.unwrap();
        assert!(!c.db.delete_method(&new_id(), &m.id).await.unwrap());
        assert_eq!(c.db.list_methods(&m.user_id).await.unwrap().len(), 1);
        assert!(c.db.delete_method(&m.user_id, &m.id).await.unwrap());
        assert!(c.db.list_methods(&m.user_id).await.unwrap().is_empty());
        assert!(!c.db.delete_method(&m.user_id, &m.id).await.unwrap());
    })
    .await;
}

#[tokio::test]
async fn touching_a_method_records_when_it_was_used() {
    each_db(2, async |c| {
        let m = method(&new_id(), "email", NOW);
        c.db.insert_method(&m).await.unwrap();
        c.db.touch_method(&m.id, NOW + 60).await.unwrap();
        assert_eq!(c.db.list_methods(&m.user_id).await.unwrap()[0].last_used_at, Some(NOW + 60));
    })
    .await;
}

#[tokio::test]
async fn a_totp_step_is_accepted_once_and_never_an_older_one() {
    each_db(2, async |c| {
        let m = method(&new_id(), "totp", NOW);
        c.db.insert_method(&m).await.unwrap();
        assert!(c.db.claim_totp_step(&m.id, 1000, NOW + 1).await.unwrap());
        assert!(!c.db.claim_totp_step(&m.id, 1000, NOW + 2).await.unwrap(), "same step replayed");
        assert!(!c.db.claim_totp_step(&m.id, 999, NOW + 3).await.unwrap(), "older step accepted");
        let stored = &c.db.list_methods(&m.user_id).await.unwrap()[0];
        assert_eq!((stored.totp_last_step, stored.last_used_at), (Some(1000), Some(NOW + 1)));
        assert!(c.db.claim_totp_step(&m.id, 1001, NOW + 30).await.unwrap());
        assert!(!c.db.claim_totp_step(&new_id(), 5, NOW).await.unwrap(), "unknown method");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn exactly_one_of_many_parallel_claims_of_a_totp_step_wins() {
    each_db(20, async |c| {
        let m = method(&new_id(), "totp", NOW);
        c.db.insert_method(&m).await.unwrap();
        let barrier = Arc::new(tokio::sync::Barrier::new(20));
        let tasks: Vec<_> = (0..20)
            .map(|_| {
                let (db, id, barrier) = (c.db.clone(), m.id.clone(), barrier.clone());
                tokio::spawn(async move {
                    barrier.wait().await;
                    db.claim_totp_step(&id, 1000, NOW).await.unwrap()
                })
            })
            .collect();
        let mut wins = 0;
        for t in tasks {
            wins += usize::from(t.await.unwrap());
        }
        assert_eq!(wins, 1, "on {}", c.name);
    })
    .await;
}

// --- attempts -------------------------------------------------------------------------------

#[tokio::test]
async fn an_attempt_reads_back_as_created() {
    each_db(2, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        assert_eq!(c.db.get_attempt(&a.id).await.unwrap(), Some(a.clone()));
        let anonymous = Attempt { id: new_id(), user_id: None, ..a };
        c.db.create_attempt(&anonymous).await.unwrap();
        assert_eq!(c.db.get_attempt(&anonymous.id).await.unwrap(), Some(anonymous));
        assert_eq!(c.db.get_attempt(&new_id()).await.unwrap(), None);
    })
    .await;
}

#[tokio::test]
async fn the_wrong_try_after_the_limit_voids_the_attempt() {
    each_db(2, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        for remaining in (0..5).rev() {
            assert_eq!(c.db.record_wrong_try(&a.id, 5).await.unwrap(), WrongTry::Remaining(remaining));
        }
        assert!(!c.db.get_attempt(&a.id).await.unwrap().unwrap().voided);
        assert_eq!(c.db.record_wrong_try(&a.id, 5).await.unwrap(), WrongTry::Voided);
        assert_eq!(c.db.record_wrong_try(&a.id, 5).await.unwrap(), WrongTry::Voided);
        let stored = c.db.get_attempt(&a.id).await.unwrap().unwrap();
        assert!(stored.voided);
        assert_eq!(stored.wrong_tries, 6);
        assert_eq!(c.db.record_wrong_try(&new_id(), 5).await.unwrap(), WrongTry::Voided, "unknown attempt");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_wrong_tries_never_pass_the_limit() {
    each_db(20, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        let barrier = Arc::new(tokio::sync::Barrier::new(20));
        let tasks: Vec<_> = (0..20)
            .map(|_| {
                let (db, id, barrier) = (c.db.clone(), a.id.clone(), barrier.clone());
                tokio::spawn(async move {
                    barrier.wait().await;
                    db.record_wrong_try(&id, 5).await.unwrap()
                })
            })
            .collect();
        let mut remaining = Vec::new();
        for t in tasks {
            if let WrongTry::Remaining(n) = t.await.unwrap() {
                remaining.push(n);
            }
        }
        remaining.sort_unstable();
        assert_eq!(remaining, vec![0, 1, 2, 3, 4], "on {}", c.name);
        let stored = c.db.get_attempt(&a.id).await.unwrap().unwrap();
        assert!(stored.voided);
        assert_eq!(stored.wrong_tries, 6, "tries after voiding must not count");
    })
    .await;
}

#[tokio::test]
async fn an_attempt_completes_only_once() {
    each_db(2, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        assert!(c.db.complete_attempt(&a.id, NOW + 5).await.unwrap());
        assert!(!c.db.complete_attempt(&a.id, NOW + 6).await.unwrap());
        assert_eq!(c.db.get_attempt(&a.id).await.unwrap().unwrap().completed_at, Some(NOW + 5));
    })
    .await;
}

#[tokio::test]
async fn a_voided_attempt_cannot_complete() {
    each_db(2, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        c.db.void_attempt(&a.id).await.unwrap();
        assert!(c.db.get_attempt(&a.id).await.unwrap().unwrap().voided);
        assert!(!c.db.complete_attempt(&a.id, NOW + 5).await.unwrap());
        assert_eq!(c.db.get_attempt(&a.id).await.unwrap().unwrap().completed_at, None);
    })
    .await;
}

#[tokio::test]
async fn expired_attempts_are_deleted_with_their_codes() {
    each_db(2, async |c| {
        let old = new_attempt(&c.db, NOW + 100).await;
        let live = new_attempt(&c.db, NOW + 900).await;
        for a in [&old, &live] {
            c.db.put_code(&a.id, "email", b"hash", NOW, NOW + 600).await.unwrap();
        }
        assert_eq!(c.db.delete_expired(NOW + 99).await.unwrap(), 0);
        assert_eq!(c.db.delete_expired(NOW + 100).await.unwrap(), 1);
        assert_eq!(c.db.get_attempt(&old.id).await.unwrap(), None);
        assert_eq!(c.db.get_code(&old.id, "email").await.unwrap(), None);
        assert!(c.db.get_attempt(&live.id).await.unwrap().is_some());
        assert!(c.db.get_code(&live.id, "email").await.unwrap().is_some());
    })
    .await;
}

// --- codes ----------------------------------------------------------------------------------

#[tokio::test]
async fn a_code_is_used_once_and_only_with_its_hash() {
    each_db(2, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        c.db.put_code(&a.id, "email", b"right-hash", NOW, NOW + 600).await.unwrap();
        let stored = c.db.get_code(&a.id, "email").await.unwrap().unwrap();
        assert_eq!(
            (stored.hash.as_slice(), stored.created_at, stored.expires_at, stored.used_at),
            (&b"right-hash"[..], NOW, NOW + 600, None)
        );
        assert!(!c.db.use_code(&a.id, "email", b"wrong-hash", NOW + 1).await.unwrap());
        assert!(!c.db.use_code(&a.id, "sms", b"right-hash", NOW + 1).await.unwrap(), "other channel");
        assert!(c.db.use_code(&a.id, "email", b"right-hash", NOW + 2).await.unwrap());
        assert!(!c.db.use_code(&a.id, "email", b"right-hash", NOW + 3).await.unwrap(), "second use");
        assert_eq!(c.db.get_code(&a.id, "email").await.unwrap().unwrap().used_at, Some(NOW + 2));
    })
    .await;
}

#[tokio::test]
async fn a_new_code_replaces_the_old_one() {
    each_db(2, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        c.db.put_code(&a.id, "email", b"first", NOW, NOW + 600).await.unwrap();
        assert!(c.db.use_code(&a.id, "email", b"first", NOW + 1).await.unwrap());
        c.db.put_code(&a.id, "email", b"second", NOW + 60, NOW + 660).await.unwrap();
        let stored = c.db.get_code(&a.id, "email").await.unwrap().unwrap();
        assert_eq!(
            (stored.hash.as_slice(), stored.created_at, stored.expires_at, stored.used_at),
            (&b"second"[..], NOW + 60, NOW + 660, None)
        );
        assert!(!c.db.use_code(&a.id, "email", b"first", NOW + 61).await.unwrap());
        assert!(c.db.use_code(&a.id, "email", b"second", NOW + 62).await.unwrap());
    })
    .await;
}

#[tokio::test]
async fn an_expired_code_is_refused() {
    each_db(2, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        c.db.put_code(&a.id, "email", b"h", NOW, NOW + 600).await.unwrap();
        assert!(!c.db.use_code(&a.id, "email", b"h", NOW + 600).await.unwrap());
        assert!(!c.db.use_code(&a.id, "email", b"h", NOW + 601).await.unwrap());
        assert!(c.db.use_code(&a.id, "email", b"h", NOW + 599).await.unwrap());
    })
    .await;
}

#[tokio::test]
async fn a_code_of_a_voided_attempt_is_refused() {
    each_db(2, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        c.db.put_code(&a.id, "email", b"h", NOW, NOW + 600).await.unwrap();
        c.db.void_attempt(&a.id).await.unwrap();
        assert!(!c.db.use_code(&a.id, "email", b"h", NOW + 1).await.unwrap());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn exactly_one_of_many_parallel_uses_of_a_code_wins() {
    each_db(20, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        c.db.put_code(&a.id, "email", b"h", NOW, NOW + 600).await.unwrap();
        let barrier = Arc::new(tokio::sync::Barrier::new(20));
        let tasks: Vec<_> = (0..20)
            .map(|_| {
                let (db, id, barrier) = (c.db.clone(), a.id.clone(), barrier.clone());
                tokio::spawn(async move {
                    barrier.wait().await;
                    db.use_code(&id, "email", b"h", NOW + 1).await.unwrap()
                })
            })
            .collect();
        let mut wins = 0;
        for t in tasks {
            wins += usize::from(t.await.unwrap());
        }
        assert_eq!(wins, 1, "on {}", c.name);
    })
    .await;
}

// --- audit ----------------------------------------------------------------------------------

#[tokio::test]
async fn audit_events_read_back_newest_first() {
    each_db(2, async |c| {
        let full = AuditEvent {
            at: NOW,
            event: "reset".into(),
            flow: Some("reset".into()),
            user_id: Some(new_id()),
            login: Some("alice".into()),
            outcome: "failure".into(),
            reason: Some("wrong_code".into()),
            method: Some("email".into()),
            source_ip: Some("192.0.2.7".into()),
            user_agent: Some("Mozilla/5.0".into()),
            request_id: Some(new_id()),
        };
        let sparse =
            AuditEvent { at: NOW + 1, event: "sign_in".into(), outcome: "success".into(), ..AuditEvent::default() };
        let last =
            AuditEvent { at: NOW + 2, event: "unlock".into(), outcome: "success".into(), ..AuditEvent::default() };
        for e in [&full, &sparse, &last] {
            c.db.append_audit(e, &mac).await.unwrap();
        }
        assert_eq!(c.db.recent_audit(10).await.unwrap(), vec![last.clone(), sparse.clone(), full]);
        assert_eq!(c.db.recent_audit(2).await.unwrap(), vec![last, sparse]);
    })
    .await;
}

#[tokio::test]
async fn report_queries_count_per_day_search_and_summarise_alike_on_both_databases() {
    each_db(2, async |c| {
        let day = NOW.div_euclid(86_400);
        let ev = |at: i64, event: &str, outcome: &str, reason: Option<&str>, login: &str| AuditEvent {
            at,
            event: event.into(),
            flow: Some("reset".into()),
            user_id: Some(format!("id-{login}")),
            login: Some(login.into()),
            outcome: outcome.into(),
            reason: reason.map(Into::into),
            method: Some("email".into()),
            source_ip: Some("192.0.2.9".into()),
            user_agent: Some("Mozilla/5.0".into()),
            request_id: None,
        };
        let start = day * 86_400;
        for e in [
            ev(start + 10, "verify", "failure", Some("wrong_code"), "Alice"),
            ev(start + 20, "verify", "failure", Some("wrong_code"), "bob"),
            ev(start + 30, "reset", "success", None, "Alice"),
            ev(start + 86_400 + 5, "reset", "success", None, "bob"),
            ev(start - 1, "reset", "success", None, "carol"),
        ] {
            c.db.append_audit(&e, &mac).await.unwrap();
        }
        let counts = c.db.audit_day_counts(start, start + 2 * 86_400).await.unwrap();
        let brief: Vec<(i64, &str, &str, i64)> =
            counts.iter().map(|d| (d.day - day, d.event.as_str(), d.outcome.as_str(), d.count)).collect();
        assert_eq!(
            brief,
            vec![(0, "reset", "success", 1), (0, "verify", "failure", 2), (1, "reset", "success", 1)],
            "{}",
            c.name
        );

        // Search: a login matches whatever its case; filters narrow; newest first; paging.
        let by_alice = rekey::store::AuditFilter { person: Some("alice".into()), ..Default::default() };
        let found = c.db.audit_search(&by_alice, 10, 0).await.unwrap();
        assert_eq!(found.iter().map(|f| f.event.event.as_str()).collect::<Vec<_>>(), ["reset", "verify"], "{}", c.name);
        assert_eq!(c.db.audit_count(&by_alice).await.unwrap(), 2);
        let failures_today = rekey::store::AuditFilter {
            outcome: Some("failure".into()),
            from: Some(start),
            to: Some(start + 86_400),
            ..Default::default()
        };
        assert_eq!(c.db.audit_count(&failures_today).await.unwrap(), 2);
        let page = c.db.audit_search(&failures_today, 1, 1).await.unwrap();
        assert_eq!(page[0].event.login.as_deref(), Some("Alice"), "{}", c.name);
        let by_id = rekey::store::AuditFilter {
            person: Some("id-bob".into()),
            event: Some("reset".into()),
            ..Default::default()
        };
        assert_eq!(c.db.audit_count(&by_id).await.unwrap(), 1);
        // A filter value is bound, never spliced into the SQL.
        let hostile = rekey::store::AuditFilter { person: Some("x' OR '1'='1".into()), ..Default::default() };
        assert_eq!(c.db.audit_count(&hostile).await.unwrap(), 0);

        // Methods per account and kind; the writeback queue is empty.
        for (user, kind, at) in
            [("u1", "email", NOW), ("u1", "email", NOW + 5), ("u1", "totp", NOW + 9), ("u2", "totp", NOW)]
        {
            c.db.insert_method(&method(user, kind, at)).await.unwrap();
        }
        let summaries = c.db.method_summaries().await.unwrap();
        let brief: Vec<(&str, &str, i64, i64, i64)> = summaries
            .iter()
            .map(|m| (m.user_id.as_str(), m.kind.as_str(), m.count, m.first_at - NOW, m.last_at - NOW))
            .collect();
        assert_eq!(
            brief,
            vec![("u1", "email", 2, 0, 5), ("u1", "totp", 1, 9, 9), ("u2", "totp", 1, 0, 0)],
            "{}",
            c.name
        );
        assert_eq!(c.db.agent_queue_depth().await.unwrap(), 0);
    })
    .await;
}

fn keys() -> &'static rekey::crypto::Keys {
    static KEYS: std::sync::OnceLock<rekey::crypto::Keys> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| rekey::crypto::Keys::derive(&[7u8; 32]))
}

fn mac(prev: &[u8], record: &[u8]) -> Vec<u8> {
    keys().audit_mac(prev, record)
}

fn event(i: i64) -> AuditEvent {
    AuditEvent {
        at: NOW + i,
        event: "reset".into(),
        flow: Some("reset".into()),
        login: Some(format!("user{i}")),
        outcome: "failure".into(),
        reason: Some("wrong_code".into()),
        ..AuditEvent::default()
    }
}

async fn exec(c: &Case, sql: &str) {
    match &c.db {
        Db::Sqlite(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
        Db::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
    }
    .unwrap();
}

#[tokio::test]
async fn the_audit_chain_holds_under_concurrent_appends_and_names_a_tampered_row() {
    use rekey::store::ChainCheck;
    each_db(8, async |c| {
        // 40 appends from 8 tasks at once: one chain, no fork.
        let tasks: Vec<_> = (0..8)
            .map(|t| {
                let db = c.db.clone();
                tokio::spawn(async move {
                    for i in 0..5 {
                        db.append_audit(&event(t * 10 + i), &mac).await.unwrap();
                    }
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
        }
        assert_eq!(c.db.verify_audit(&mac).await.unwrap(), ChainCheck::Intact { records: 40, unchained: 0 });

        // Another master key cannot vouch for this chain.
        let other = rekey::crypto::Keys::derive(&[8u8; 32]);
        let other_mac = |p: &[u8], r: &[u8]| other.audit_mac(p, r);
        assert!(matches!(c.db.verify_audit(&other_mac).await.unwrap(), ChainCheck::Broken { id: 1, .. }));

        // Altering one field of row 17 breaks the chain exactly there.
        exec(c, "UPDATE audit_events SET outcome = 'success' WHERE id = 17").await;
        assert!(
            matches!(c.db.verify_audit(&mac).await.unwrap(), ChainCheck::Broken { id: 17, why } if why.contains("altered")),
            "on {}",
            c.name
        );
        exec(c, "UPDATE audit_events SET outcome = 'failure' WHERE id = 17").await;
        assert!(matches!(c.db.verify_audit(&mac).await.unwrap(), ChainCheck::Intact { .. }));

        // Removing a row shows at the next one.
        exec(c, "DELETE FROM audit_events WHERE id = 25").await;
        assert!(
            matches!(c.db.verify_audit(&mac).await.unwrap(), ChainCheck::Broken { id: 26, why } if why.contains("removed")),
            "on {}",
            c.name
        );
    })
    .await;
}

// --- sessions -------------------------------------------------------------------------------

fn session_record(expiry_date: OffsetDateTime) -> Record {
    let mut data = HashMap::new();
    data.insert("step".to_string(), serde_json::json!({ "flow": "reset", "passed": ["email"] }));
    Record { id: Id::default(), data, expiry_date }
}

#[tokio::test]
async fn a_session_is_saved_and_loaded() {
    each_db(2, async |c| {
        let store = c.db.session_store();
        let mut record = session_record(OffsetDateTime::now_utc() + time::Duration::hours(1));
        store.create(&mut record).await.unwrap();
        assert_eq!(store.load(&record.id).await.unwrap(), Some(record.clone()));
        record.data.insert("more".into(), serde_json::json!(1));
        store.save(&record).await.unwrap();
        assert_eq!(store.load(&record.id).await.unwrap(), Some(record.clone()));
        store.delete(&record.id).await.unwrap();
        assert_eq!(store.load(&record.id).await.unwrap(), None);
    })
    .await;
}

#[tokio::test]
async fn a_session_saved_by_one_process_loads_in_another() {
    each_db(2, async |c| {
        let mut record = session_record(OffsetDateTime::now_utc() + time::Duration::hours(1));
        c.db.session_store().create(&mut record).await.unwrap();
        // A second, separately connected pool: what a second portal process holds.
        let other = Db::connect(&c.url, 2).await.unwrap();
        assert_eq!(other.session_store().load(&record.id).await.unwrap(), Some(record.clone()));
        record.data.insert("from_second".into(), serde_json::json!(true));
        other.session_store().save(&record).await.unwrap();
        assert_eq!(c.db.session_store().load(&record.id).await.unwrap(), Some(record));
        close(&other).await;
    })
    .await;
}

#[tokio::test]
async fn expired_sessions_are_not_loaded_and_get_deleted() {
    each_db(2, async |c| {
        let store = c.db.session_store();
        let expired = session_record(OffsetDateTime::now_utc() - time::Duration::minutes(1));
        let live = session_record(OffsetDateTime::now_utc() + time::Duration::hours(1));
        store.save(&expired).await.unwrap();
        store.save(&live).await.unwrap();
        assert_eq!(store.load(&expired.id).await.unwrap(), None);
        assert_eq!(session_rows(&c.db).await, 2);
        store.delete_expired().await.unwrap();
        assert_eq!(session_rows(&c.db).await, 1, "on {}", c.name);
        assert!(store.load(&live.id).await.unwrap().is_some());
    })
    .await;
}

async fn session_rows(db: &Db) -> i64 {
    match db {
        Db::Sqlite(pool) => sqlx::query_scalar("SELECT COUNT(*) FROM tower_sessions").fetch_one(pool).await.unwrap(),
        Db::Postgres(pool) => {
            sqlx::query_scalar("SELECT COUNT(*) FROM tower_sessions.session").fetch_one(pool).await.unwrap()
        }
    }
}

// --- rate limits ----------------------------------------------------------------------------

#[tokio::test]
async fn rate_counters_count_every_concurrent_hit_exactly_once() {
    each_db(8, async |c| {
        let tasks: Vec<_> = (0..24)
            .map(|_| {
                let db = c.db.clone();
                tokio::spawn(async move { db.rate_hit("send:address", b"k", NOW).await.unwrap() })
            })
            .collect();
        let mut seen = vec![];
        for t in tasks {
            seen.push(t.await.unwrap());
        }
        seen.sort();
        assert_eq!(seen, (1..=24).collect::<Vec<i64>>(), "on {}", c.name);
        c.db.rate_hit("send:address", b"k", NOW + 300).await.unwrap();
        c.db.rate_hit("send:address", b"other", NOW + 300).await.unwrap();
        assert_eq!(c.db.rate_buckets("send:address", b"k", NOW - 1).await.unwrap(), vec![(NOW, 24), (NOW + 300, 1)]);
        assert_eq!(c.db.rate_buckets("send:address", b"k", NOW).await.unwrap(), vec![(NOW + 300, 1)]);
        c.db.delete_old_rate_counters(NOW + 1).await.unwrap();
        assert_eq!(c.db.rate_buckets("send:address", b"k", 0).await.unwrap(), vec![(NOW + 300, 1)]);
    })
    .await;
}
