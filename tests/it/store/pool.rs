//! The connection pool under the store. A connection goes back to it as it is, without the
//! ping sqlx's own pool sends (a second trip per statement), so what that ping was for is
//! tested here on both databases: a transaction dropped uncommitted leaves nothing behind for
//! the next statement on its connection, a statement cancelled half way does not hand its
//! answer to the next one, and a connection the server closed is replaced.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use rekey::store::Db;

use super::each_db;

/// Runs `$body` with `$pool` bound to whichever pool `$db` has.
macro_rules! on_pool {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            Db::Sqlite($pool) => $body,
            Db::Postgres($pool) => $body,
        }
    };
}

async fn rows(db: &Db) -> i64 {
    on_pool!(db, |pool| sqlx::query_scalar("SELECT COUNT(*) FROM pool_probe").fetch_one(pool).await.unwrap())
}

#[tokio::test]
async fn a_transaction_dropped_uncommitted_is_undone_before_its_connection_runs_anything_else() {
    // One connection, so the statements after the drop run on the one the transaction had.
    each_db(1, async |c| {
        on_pool!(&c.db, |pool| {
            sqlx::query("CREATE TABLE pool_probe (n INTEGER)").execute(pool).await.unwrap();
            let mut tx = pool.begin().await.unwrap();
            sqlx::query("INSERT INTO pool_probe (n) VALUES (1)").execute(&mut *tx).await.unwrap();
            drop(tx);
        });
        assert_eq!(rows(&c.db).await, 0, "{}: the dropped transaction's row is still there", c.name);
        // Nor is the connection left inside a transaction: what it writes now, others see.
        on_pool!(&c.db, |pool| sqlx::query("INSERT INTO pool_probe (n) VALUES (2)")
            .execute(pool)
            .await
            .unwrap()
            .rows_affected());
        let other = Db::connect(&c.url, 1).await.unwrap();
        assert_eq!(rows(&other).await, 1, "{}: a row written after the drop is not committed", c.name);
    })
    .await;
}

#[tokio::test]
async fn a_statement_cancelled_half_way_does_not_answer_the_next_one() {
    each_db(1, async |c| {
        let slow = match c.db {
            Db::Sqlite(_) => {
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000000) \
                 SELECT CAST(MAX(x) AS BIGINT) FROM c"
            }
            Db::Postgres(_) => "SELECT CAST(7 AS BIGINT) FROM pg_sleep(1)",
        };
        for _ in 0..3 {
            let cancelled = tokio::time::timeout(Duration::from_millis(50), async {
                on_pool!(&c.db, |pool| sqlx::query_scalar::<_, i64>(slow).fetch_one(pool).await)
            })
            .await;
            assert!(cancelled.is_err(), "{}: the slow statement finished within 50 ms", c.name);
            let answer: i64 =
                on_pool!(&c.db, |pool| sqlx::query_scalar("SELECT CAST(42 AS BIGINT)").fetch_one(pool).await.unwrap());
            assert_eq!(answer, 42, "{}: the next statement got another statement's answer", c.name);
        }
    })
    .await;
}

#[tokio::test]
async fn a_connection_the_server_closed_is_replaced_after_one_failure_at_most() {
    each_db(1, async |c| {
        let Db::Postgres(pool) = &c.db else { return };
        let pid: i32 = sqlx::query_scalar("SELECT pg_backend_pid()").fetch_one(pool).await.unwrap();
        let killer = Db::connect(&c.url, 1).await.unwrap();
        let Db::Postgres(killer) = &killer else { unreachable!() };
        let killed: bool =
            sqlx::query_scalar("SELECT pg_terminate_backend($1)").bind(pid).fetch_one(killer).await.unwrap();
        assert!(killed);
        tokio::time::sleep(Duration::from_millis(200)).await;
        let first = sqlx::query_scalar::<_, i32>("SELECT pg_backend_pid()").fetch_one(pool).await;
        let second: i32 = sqlx::query_scalar("SELECT pg_backend_pid()")
            .fetch_one(pool)
            .await
            .expect("the statement after the failure runs on a new connection");
        assert_ne!(second, pid);
        if let Ok(first) = first {
            assert_ne!(first, pid);
        }
    })
    .await;
}
