//! What leaves rekey from the audit trail: cursors over `audit_events` (one per consumer) and
//! the webhook delivery queue. Replicas share both. The webhook cursor moves in the same
//! transaction as the deliveries it enqueues (the cursor row locked by an `UPDATE` first, so a
//! second replica waits), so each audit record is enqueued once; due deliveries are claimed with a lease
//! (`FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite has one writer at a time), so each is sent
//! by one replica. A SIEM sink's cursor is held by one replica at a time through a lease.

use super::{AuditRow, Db, StoreError, execute, execute_pooled, with_pool};
use crate::clock::UnixTime;

/// A delivery to enqueue, built from one audit record.
#[derive(Debug, Clone)]
pub struct NewDelivery {
    pub endpoint: String,
    pub event: String,
    pub body: String,
    pub mac: Vec<u8>,
}

/// A delivery row.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Delivery {
    pub id: i64,
    pub endpoint: String,
    pub audit_id: i64,
    pub event: String,
    pub body: String,
    pub mac: Vec<u8>,
    pub state: String,
    pub attempts: i64,
    pub next_at: i64,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub done_at: Option<i64>,
}

pub const DELIVERY_PENDING: &str = "pending";
pub const DELIVERY_DONE: &str = "delivered";
pub const DELIVERY_DEAD: &str = "dead";

const DELIVERY_COLUMNS: &str =
    "id, endpoint, audit_id, event, body, mac, state, attempts, next_at, last_error, created_at, done_at";
const AUDIT_COLUMNS: &str =
    "id, at, event, flow, user_id, login, outcome, reason, method, source_ip, user_agent, request_id, prev_hash, hash";

impl Db {
    /// Creates the cursor `name` at the trail's newest record, unless it exists: a consumer
    /// configured today starts with what happens from now on.
    pub async fn init_export_cursor(&self, name: &str) -> Result<(), StoreError> {
        const SQL: &str = "INSERT INTO export_cursors (name, last_id) \
                           SELECT $1, COALESCE(MAX(id), 0) FROM audit_events WHERE true \
                           ON CONFLICT (name) DO NOTHING";
        execute!(self, SQL, name);
        Ok(())
    }

    /// Where the cursor `name` stands.
    pub async fn export_cursor(&self, name: &str) -> Result<Option<i64>, StoreError> {
        const SQL: &str = "SELECT last_id FROM export_cursors WHERE name = $1";
        Ok(with_pool!(self, |pool| sqlx::query_scalar(SQL).bind(name).fetch_optional(pool).await?))
    }

    /// Hands the audit records after the cursor `name` (at most `limit`, oldest first) to
    /// `build`, enqueues what it returns and moves the cursor past them, all in one
    /// transaction. Answers how many records were read.
    pub async fn enqueue_from_audit(
        &self,
        name: &str,
        limit: i64,
        now: UnixTime,
        build: &(dyn Fn(&AuditRow) -> Vec<NewDelivery> + Send + Sync),
    ) -> Result<usize, StoreError> {
        const INSERT: &str = "INSERT INTO webhook_deliveries (endpoint, audit_id, event, body, mac, next_at, created_at) \
                              VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (endpoint, audit_id) DO NOTHING";
        const LOCK: &str = "UPDATE export_cursors SET last_id = last_id WHERE name = $1 RETURNING last_id";
        const MOVE: &str = "UPDATE export_cursors SET last_id = $2 WHERE name = $1";
        let page = format!("SELECT {AUDIT_COLUMNS} FROM audit_events WHERE id > $1 ORDER BY id LIMIT $2");
        macro_rules! run {
            ($tx:expr) => {{
                let mut tx = $tx;
                // A write first: it takes SQLite's write lock (waiting out another writer)
                // and locks the cursor's row on PostgreSQL, so a second replica waits here.
                let last: Option<i64> = sqlx::query_scalar(LOCK).bind(name).fetch_optional(&mut *tx).await?;
                let Some(last) = last else { return Ok(0) };
                let rows: Vec<AuditRow> = sqlx::query_as(&page).bind(last).bind(limit).fetch_all(&mut *tx).await?;
                for row in &rows {
                    for d in build(row) {
                        sqlx::query(INSERT)
                            .bind(&d.endpoint)
                            .bind(row.id)
                            .bind(&d.event)
                            .bind(&d.body)
                            .bind(&d.mac)
                            .bind(now)
                            .execute(&mut *tx)
                            .await?;
                    }
                }
                if let Some(newest) = rows.last() {
                    sqlx::query(MOVE).bind(name).bind(newest.id).execute(&mut *tx).await?;
                }
                tx.commit().await?;
                Ok(rows.len())
            }};
        }
        match self {
            Db::Sqlite(pool) => run!(pool.begin().await?),
            Db::Postgres(pool) => run!(pool.begin().await?),
        }
    }

    /// Claims up to `limit` due pending deliveries until `lease_until`; another replica skips
    /// them until then.
    pub async fn claim_deliveries(
        &self,
        now: UnixTime,
        lease_until: UnixTime,
        limit: i64,
    ) -> Result<Vec<Delivery>, StoreError> {
        let sql = |lock: &str| {
            format!(
                "UPDATE webhook_deliveries SET lease_until = $2 WHERE id IN (\
                 SELECT id FROM webhook_deliveries WHERE state = 'pending' AND next_at <= $1 AND lease_until <= $1 \
                 ORDER BY id LIMIT $3{lock}) RETURNING {DELIVERY_COLUMNS}"
            )
        };
        let mut rows: Vec<Delivery> = match self {
            Db::Sqlite(pool) => {
                sqlx::query_as(&sql("")).bind(now).bind(lease_until).bind(limit).fetch_all(pool).await?
            }
            Db::Postgres(pool) => {
                sqlx::query_as(&sql(" FOR UPDATE SKIP LOCKED"))
                    .bind(now)
                    .bind(lease_until)
                    .bind(limit)
                    .fetch_all(pool)
                    .await?
            }
        };
        rows.sort_by_key(|d| d.id);
        Ok(rows)
    }

    /// The endpoint took the delivery.
    pub async fn delivery_done(&self, id: i64, now: UnixTime) -> Result<(), StoreError> {
        const SQL: &str = "UPDATE webhook_deliveries SET state = 'delivered', attempts = attempts + 1, done_at = $2, \
                           lease_until = 0, last_error = NULL WHERE id = $1 AND state = 'pending'";
        execute!(self, SQL, id, now);
        Ok(())
    }

    /// The attempt failed: try again at `retry_at`, or, without one, it is a dead letter.
    pub async fn delivery_failed(
        &self,
        id: i64,
        now: UnixTime,
        retry_at: Option<UnixTime>,
        error: &str,
    ) -> Result<(), StoreError> {
        const RETRY: &str = "UPDATE webhook_deliveries SET attempts = attempts + 1, next_at = $2, lease_until = 0, \
                             last_error = $3 WHERE id = $1 AND state = 'pending'";
        const DEAD: &str = "UPDATE webhook_deliveries SET state = 'dead', attempts = attempts + 1, done_at = $2, \
                            lease_until = 0, last_error = $3 WHERE id = $1 AND state = 'pending'";
        match retry_at {
            Some(at) => execute!(self, RETRY, id, at, error),
            None => execute!(self, DEAD, id, now, error),
        };
        Ok(())
    }

    /// Deliveries in `state`, newest first, at most `limit`.
    pub async fn deliveries(&self, state: &str, limit: i64) -> Result<Vec<Delivery>, StoreError> {
        let sql =
            format!("SELECT {DELIVERY_COLUMNS} FROM webhook_deliveries WHERE state = $1 ORDER BY id DESC LIMIT $2");
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql).bind(state).bind(limit).fetch_all(pool).await?))
    }

    /// How many deliveries are in `state`.
    pub async fn count_deliveries(&self, state: &str) -> Result<i64, StoreError> {
        const SQL: &str = "SELECT COUNT(*) FROM webhook_deliveries WHERE state = $1";
        Ok(with_pool!(self, |pool| sqlx::query_scalar(SQL).bind(state).fetch_one(pool).await?))
    }

    /// Puts a dead letter back in the queue, due now, with its attempts counted afresh. The
    /// delivery's endpoint, or `None` when it was not a dead letter.
    pub async fn retry_dead_letter(&self, id: i64, now: UnixTime) -> Result<Option<String>, StoreError> {
        const SQL: &str = "UPDATE webhook_deliveries SET state = 'pending', attempts = 0, next_at = $2, lease_until = 0, \
                           done_at = NULL WHERE id = $1 AND state = 'dead' RETURNING endpoint";
        Ok(with_pool!(self, |pool| sqlx::query_scalar(SQL).bind(id).bind(now).fetch_optional(pool).await?))
    }

    /// Forgets delivered rows finished before `delivered_before` and dead letters before
    /// `dead_before`.
    pub async fn delete_old_deliveries(
        &self,
        delivered_before: UnixTime,
        dead_before: UnixTime,
    ) -> Result<u64, StoreError> {
        const SQL: &str = "DELETE FROM webhook_deliveries WHERE (state = 'delivered' AND done_at < $1) \
                           OR (state = 'dead' AND done_at < $2)";
        Ok(execute_pooled!(self, SQL, delivered_before, dead_before))
    }

    /// Takes or renews the lease on the cursor `name` for `owner` until `until`; the cursor's
    /// position when this replica holds it, `None` when another one does.
    pub async fn lease_export_cursor(
        &self,
        name: &str,
        owner: &str,
        now: UnixTime,
        until: UnixTime,
    ) -> Result<Option<i64>, StoreError> {
        const SQL: &str = "UPDATE export_cursors SET lease_owner = $2, lease_until = $4 WHERE name = $1 \
                           AND (lease_owner IS NULL OR lease_owner = $2 OR lease_until <= $3) RETURNING last_id";
        Ok(with_pool!(self, |pool| sqlx::query_scalar(SQL)
            .bind(name)
            .bind(owner)
            .bind(now)
            .bind(until)
            .fetch_optional(pool)
            .await?))
    }

    /// Moves the cursor `name` forward to `last_id`, if `owner` still holds it.
    pub async fn advance_export_cursor(&self, name: &str, owner: &str, last_id: i64) -> Result<bool, StoreError> {
        const SQL: &str =
            "UPDATE export_cursors SET last_id = $3 WHERE name = $1 AND lease_owner = $2 AND last_id < $3";
        Ok(execute!(self, SQL, name, owner, last_id) == 1)
    }

    /// Lets another replica take the cursor `name` at once.
    pub async fn release_export_cursor(&self, name: &str, owner: &str) -> Result<(), StoreError> {
        const SQL: &str =
            "UPDATE export_cursors SET lease_owner = NULL, lease_until = 0 WHERE name = $1 AND lease_owner = $2";
        execute!(self, SQL, name, owner);
        Ok(())
    }
}
