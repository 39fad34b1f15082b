//! SQLite statements on the caller's thread (`store/inline.rs`). They have no busy timeout, so
//! while another connection holds SQLite's write lock a write cannot begin there: it must go
//! through the pool, wait for the lock, and happen exactly once, and reads must not wait.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use rekey::store::Db;

use super::{NOW, new_attempt};
use crate::support;
use crate::support::postgres::fresh_sqlite_url;

#[tokio::test]
async fn while_another_connection_writes_a_write_waits_for_it_and_happens_once_and_a_read_does_not_wait() {
    support::init_tracing();
    let db = Db::connect(&fresh_sqlite_url(), 4).await.unwrap();
    let Db::Sqlite(pool) = &db else { unreachable!() };
    let open = new_attempt(&db, NOW + 600).await;

    // Another connection takes the write lock and keeps it.
    let mut tx = pool.begin().await.unwrap();
    sqlx::query("INSERT INTO rate_counters (scope, key, window_start, count) VALUES ('other', x'00', 0, 1)")
        .execute(&mut *tx)
        .await
        .unwrap();

    // A read is answered at once, lock or not.
    let read = tokio::time::timeout(Duration::from_secs(3), db.get_attempt(&open.id)).await;
    assert_eq!(read.expect("the read waited for the write lock").unwrap(), Some(open.clone()));

    // A counted write (an upsert that answers) and a plain one, both waiting for the lock.
    let writer = db.clone();
    let id = open.id.clone();
    let writes = tokio::spawn(async move {
        let counted = writer.rate_hit_in_window("probe", b"key", None, NOW, NOW - 60).await.unwrap();
        writer.void_attempt(&id).await.unwrap();
        counted
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!writes.is_finished(), "a write went past another connection's write lock");
    tx.commit().await.unwrap();

    assert_eq!(writes.await.unwrap(), 1, "the counted write was counted more than once");
    let (count,): (i64,) =
        sqlx::query_as("SELECT count FROM rate_counters WHERE scope = 'probe'").fetch_one(pool).await.unwrap();
    assert_eq!(count, 1);
    assert!(db.get_attempt(&open.id).await.unwrap().unwrap().voided);
    // And the statements that could not begin on the caller's thread did not lose it for good.
    assert_eq!(db.rate_hit_in_window("probe", b"key", None, NOW, NOW - 60).await.unwrap(), 2);
}

#[tokio::test]
async fn a_failed_write_reports_the_error_as_before_and_changes_nothing() {
    support::init_tracing();
    let db = Db::connect(&fresh_sqlite_url(), 2).await.unwrap();
    let a = new_attempt(&db, NOW + 600).await;
    let again = db.create_attempt(&rekey::store::Attempt { expires_at: NOW + 900, ..a.clone() }).await;
    assert!(again.is_err(), "a second attempt with the same id was stored");
    assert_eq!(db.get_attempt(&a.id).await.unwrap(), Some(a));
}
