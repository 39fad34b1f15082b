//! Fresh databases for tests: a new PostgreSQL database on the local server (trust auth) or a
//! new SQLite file under target/test-logs/db/, one per test, so tests never share state.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use sqlx::Connection as _;
use sqlx::postgres::PgConnection;
use tokio::sync::OnceCell;

const SERVER: &str = "127.0.0.1:5432";

/// The admin URL that works here: `REKEY_TEST_POSTGRES_ADMIN_URL`, else user `postgres`, else `root`.
async fn admin_url() -> &'static str {
    static URL: OnceCell<String> = OnceCell::const_new();
    URL.get_or_init(|| async {
        let mut candidates = Vec::new();
        if let Ok(url) = std::env::var("REKEY_TEST_POSTGRES_ADMIN_URL") {
            candidates.push(url);
        }
        for user in ["postgres", "root"] {
            for db in ["postgres", "test"] {
                candidates.push(format!("postgres://{user}@{SERVER}/{db}"));
            }
        }
        for url in &candidates {
            if let Ok(conn) = PgConnection::connect(url).await {
                let _ = conn.close().await;
                return url.clone();
            }
        }
        panic!("no PostgreSQL answers at {SERVER} as postgres or root (start it with ./scripts/test)");
    })
    .await
}

/// Creates an empty database `rekey_t_<unique>` and returns its URL.
pub async fn fresh_database() -> String {
    let admin = admin_url().await;
    let name = super::unique("rekey_t_");
    let mut conn = PgConnection::connect(admin).await.expect("connect to PostgreSQL as admin");
    let mut tries = 0;
    // Concurrent CREATE DATABASE can briefly collide on the template; retry a few times.
    while let Err(err) = sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await {
        tries += 1;
        assert!(tries < 5, "CREATE DATABASE {name}: {err}");
        tokio::time::sleep(std::time::Duration::from_millis(200 * tries)).await;
    }
    let _ = conn.close().await;
    let (base, _) = admin.rsplit_once('/').expect("admin URL has a database part");
    format!("{base}/{name}")
}

/// A URL for a new SQLite file under target/test-logs/db/ (kept for the final secrets scan).
pub fn fresh_sqlite_url() -> String {
    let dir = super::output_dir().join("db");
    std::fs::create_dir_all(&dir).expect("create target/test-logs/db");
    format!("sqlite://{}", dir.join(format!("{}.db", super::unique("rekey_t_"))).display())
}
