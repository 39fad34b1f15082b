//! The store against real SQLite and PostgreSQL: every test body runs once on each. Here the
//! shared helpers, the query dialect, migrations and connections, and methods; attempts and
//! codes, the audit trail, sessions and rate counters in the files beside.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use rekey::store::{Attempt, Db, StoreError, StoredMethod};

use crate::support;
use crate::support::postgres::{fresh_database, fresh_sqlite_url};

mod attempts;
mod audit;
mod helpdesk;
mod inline;
mod pool;
mod sessions;

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
        Db::Sqlite(pool) => pool.close(),
        Db::Postgres(pool) => pool.close(),
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

/// Runs `op` `n` times at once, each on a task of its own with a clone of the pool, released
/// together by a barrier; returns what each run gave, in the order they were started.
async fn at_once<T, F, Fut>(n: usize, db: &Db, op: F) -> Vec<T>
where
    F: Fn(Db) -> Fut,
    Fut: Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let barrier = Arc::new(tokio::sync::Barrier::new(n));
    let tasks: Vec<_> = (0..n)
        .map(|_| {
            let (run, barrier) = (op(db.clone()), barrier.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                run.await
            })
        })
        .collect();
    let mut out = Vec::with_capacity(n);
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
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
