//! What the PostgreSQL server did during a run: transactions committed or rolled back in the
//! bench database (each statement outside a transaction is one) and the CPU time of every
//! `postgres` process, for the capacity model's database cost per flow.

use std::time::Duration;

/// Counters of the database server at one moment.
#[derive(Clone, Copy)]
pub struct Load {
    pub transactions: i64,
    pub cpu: Duration,
}

impl Load {
    /// What happened between `before` and now.
    pub fn since(&self, before: &Load) -> Load {
        Load { transactions: self.transactions - before.transactions, cpu: self.cpu.saturating_sub(before.cpu) }
    }
}

/// The server's counters now (`None` when they cannot be read). PostgreSQL publishes its
/// statistics about once a second, so this waits that long first.
pub async fn load(url: &str) -> Option<Load> {
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(url).await.ok()?;
    let (transactions,): (i64,) = sqlx::query_as(
        "SELECT (xact_commit + xact_rollback)::bigint FROM pg_stat_database WHERE datname = current_database()",
    )
    .fetch_one(&mut conn)
    .await
    .ok()?;
    let _ = sqlx::Connection::close(conn).await;
    Some(Load { transactions, cpu: postgres_cpu() })
}

/// CPU time of every process named `postgres` (the server and its backends).
fn postgres_cpu() -> Duration {
    let Ok(dir) = std::fs::read_dir("/proc") else { return Duration::ZERO };
    dir.filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| std::fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim() == "postgres"))
        .filter_map(|pid| crate::portal::cpu_of(pid).ok())
        .sum()
}
