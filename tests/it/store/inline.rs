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

/// Under load, reads and writes never pause, so the write-ahead log never has a moment with
/// nothing in it left to copy back and no reader in it, and SQLite starts it over only at
/// such a moment: without more, it grew by every write of a run (1.1 GB in a few minutes of
/// the bench), and the next start had to read all of it back (the restart took 315 ms, not
/// 15). Housekeeping's checkpoint (`Db::checkpoint`, once a second) must start it over anyway.
/// Here reads that overlap (each holds its snapshot for 30 ms, as a report might) stand for
/// the many short reads of a busy portal.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn under_writes_without_a_pause_the_checkpoint_starts_the_write_ahead_log_over() {
    support::init_tracing();
    let url = fresh_sqlite_url();
    let wal = std::path::PathBuf::from(format!("{}-wal", url.trim_start_matches("sqlite://")));
    let db = Db::connect(&url, 4).await.unwrap();
    let open = new_attempt(&db, NOW + 600).await;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // Four writers, each counted hits on a few keys with a read after each, about one every
    // 2 ms (under load they come one after another too; a little slower, so a broken build
    // writes tens of megabytes here, not gigabytes) and at most 10,000.
    let mut load = Vec::new();
    for n in 0..4u8 {
        let (db, stop, id) = (db.clone(), stop.clone(), open.id.clone());
        load.push(tokio::spawn(async move {
            let mut i = 0u8;
            let mut writes = 0u32;
            while writes < 10_000 && !stop.load(std::sync::atomic::Ordering::Relaxed) {
                db.rate_hit_in_window("load", &[n, i % 16], None, NOW, NOW - 60).await.unwrap();
                assert!(db.get_attempt(&id).await.unwrap().is_some());
                tokio::time::sleep(Duration::from_millis(2)).await;
                i = i.wrapping_add(1);
                writes += 1;
            }
            writes
        }));
    }
    // Two readers taking turns, so that one is always reading.
    let Db::Sqlite(pool) = &db else { unreachable!() };
    let mut readers = Vec::new();
    for n in 0..2u64 {
        let (pool, stop) = (pool.clone(), stop.clone());
        readers.push(tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(15 * n)).await;
            let mut reads = 0;
            while reads < 1_000 && !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let mut tx = pool.begin().await.unwrap();
                sqlx::query("SELECT count(*) FROM rate_counters").execute(&mut *tx).await.unwrap();
                tokio::time::sleep(Duration::from_millis(30)).await;
                tx.commit().await.unwrap();
                reads += 1;
            }
        }));
    }
    // As housekeeping does, a little more often, for at most 5 s: the log's frames after each.
    let started = std::time::Instant::now();
    let mut frames = Vec::new();
    while frames.len() < 12 && started.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(400)).await;
        db.checkpoint().await.unwrap();
        frames.push(log_frames(&db).await);
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut writes = 0;
    for task in load {
        writes += task.await.unwrap();
    }
    for task in readers {
        task.await.unwrap();
    }
    let peak = *frames.iter().max().unwrap();
    assert!(writes > 1_000 && peak > 500, "the load wrote too little to tell ({writes} writes, {frames:?})");
    let restarted = frames.windows(2).filter(|w| w[1] < w[0]).count();
    assert!(restarted >= 2, "the log was started over {restarted} times under {writes} writes: {frames:?}");
    // Started over, the file is cut back to `journal_size_limit` at the first commit after.
    let size = std::fs::metadata(&wal).unwrap().len();
    assert!(size <= rekey::store::WAL_SIZE_LIMIT, "the log file is {size} bytes");
}

/// Frames in the write-ahead log now (what a passive checkpoint reports as its length).
async fn log_frames(db: &Db) -> i64 {
    let Db::Sqlite(pool) = db else { unreachable!() };
    let (_, log, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)").fetch_one(pool).await.unwrap();
    log
}
