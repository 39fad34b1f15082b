//! What the admin reports read: audit counts per day, audit search, registered methods per
//! account, and the writeback queue.

use super::{AuditEvent, Db, StoreError, with_pool};
use crate::clock::UnixTime;

/// How many audit records share a day (UTC) and a kind.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DayCount {
    /// Days since 1970-01-01 (UTC).
    pub day: i64,
    pub event: String,
    pub flow: Option<String>,
    pub outcome: String,
    pub reason: Option<String>,
    pub method: Option<String>,
    pub count: i64,
}

/// What to look for in the audit trail; every field narrows the search.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// A login or directory id, matched exactly (case-insensitive for the login).
    pub person: Option<String>,
    pub event: Option<String>,
    pub outcome: Option<String>,
    /// From this time (inclusive) to that (exclusive), unix seconds.
    pub from: Option<UnixTime>,
    pub to: Option<UnixTime>,
}

/// An audit record with its id.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FoundEvent {
    pub id: i64,
    #[sqlx(flatten)]
    pub event: AuditEvent,
}

/// One account's registered methods of one kind.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MethodSummary {
    pub user_id: String,
    pub kind: String,
    pub count: i64,
    pub first_at: UnixTime,
    pub last_at: UnixTime,
}

impl AuditFilter {
    /// The WHERE clause and its binds, in placeholder order.
    fn clause(&self) -> (String, Vec<Bind>) {
        let mut parts = Vec::new();
        let mut binds = Vec::new();
        let next = |b: Bind, binds: &mut Vec<Bind>| {
            binds.push(b);
            binds.len()
        };
        if let Some(p) = &self.person {
            let a = next(Bind::Text(p.to_lowercase()), &mut binds);
            let b = next(Bind::Text(p.clone()), &mut binds);
            parts.push(format!("(LOWER(login) = ${a} OR user_id = ${b})"));
        }
        if let Some(e) = &self.event {
            let n = next(Bind::Text(e.clone()), &mut binds);
            parts.push(format!("event = ${n}"));
        }
        if let Some(o) = &self.outcome {
            let n = next(Bind::Text(o.clone()), &mut binds);
            parts.push(format!("outcome = ${n}"));
        }
        if let Some(f) = self.from {
            let n = next(Bind::Int(f), &mut binds);
            parts.push(format!("at >= ${n}"));
        }
        if let Some(t) = self.to {
            let n = next(Bind::Int(t), &mut binds);
            parts.push(format!("at < ${n}"));
        }
        let clause = if parts.is_empty() { String::new() } else { format!(" WHERE {}", parts.join(" AND ")) };
        (clause, binds)
    }

    /// The search's statement, newest first, its last two values the limit and the offset.
    fn search(&self) -> (String, Vec<Bind>) {
        let (clause, binds) = self.clause();
        let n = binds.len();
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM audit_events{clause} ORDER BY id DESC LIMIT ${} OFFSET ${}",
            n + 1,
            n + 2
        );
        (sql, binds)
    }
}

#[derive(Debug, Clone)]
enum Bind {
    Text(String),
    Int(i64),
}

macro_rules! bind_all {
    ($q:expr, $binds:expr) => {{
        let mut q = $q;
        for b in $binds {
            q = match b {
                Bind::Text(t) => q.bind(t.clone()),
                Bind::Int(i) => q.bind(*i),
            };
        }
        q
    }};
}

const EVENT_COLUMNS: &str =
    "id, at, event, flow, user_id, login, outcome, reason, method, source_ip, user_agent, request_id";

impl Db {
    /// Audit records in `[from, to)` counted per UTC day and kind.
    pub async fn audit_day_counts(&self, from: UnixTime, to: UnixTime) -> Result<Vec<DayCount>, StoreError> {
        const SQL: &str = "SELECT at / 86400 AS day, event, flow, outcome, reason, method, COUNT(*) AS count \
                           FROM audit_events WHERE at >= $1 AND at < $2 \
                           GROUP BY at / 86400, event, flow, outcome, reason, method \
                           ORDER BY day, event, flow, outcome, reason, method";
        Ok(with_pool!(self, |pool| sqlx::query_as(SQL).bind(from).bind(to).fetch_all(pool).await?))
    }

    /// Matching audit records, newest first, `limit` from `offset`.
    pub async fn audit_search(
        &self,
        filter: &AuditFilter,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<FoundEvent>, StoreError> {
        let (sql, binds) = filter.search();
        Ok(with_pool!(self, |pool| {
            let q = bind_all!(sqlx::query_as(&sql), &binds);
            q.bind(limit).bind(offset).fetch_all(pool).await?
        }))
    }

    /// How the database would run [`Db::audit_search`] for `filter`: its plan, one line per
    /// step (SQLite's `EXPLAIN QUERY PLAN`, PostgreSQL's `EXPLAIN`), so a test can see that a
    /// search reads through an index rather than the whole trail.
    pub async fn audit_search_plan(&self, filter: &AuditFilter) -> Result<Vec<String>, StoreError> {
        let (search, binds) = filter.search();
        Ok(match self {
            Db::Sqlite(pool) => {
                let sql = format!("EXPLAIN QUERY PLAN {search}");
                let q = bind_all!(sqlx::query_as::<_, (i64, i64, i64, String)>(&sql), &binds);
                q.bind(10_i64).bind(0_i64).fetch_all(pool).await?.into_iter().map(|(.., step)| step).collect()
            }
            Db::Postgres(pool) => {
                let sql = format!("EXPLAIN {search}");
                let q = bind_all!(sqlx::query_as::<_, (String,)>(&sql), &binds);
                q.bind(10_i64).bind(0_i64).fetch_all(pool).await?.into_iter().map(|(step,)| step).collect()
            }
        })
    }

    /// How many audit records match.
    pub async fn audit_count(&self, filter: &AuditFilter) -> Result<i64, StoreError> {
        let (clause, binds) = filter.clause();
        let sql = format!("SELECT COUNT(*) FROM audit_events{clause}");
        let (count,): (i64,) = with_pool!(self, |pool| {
            let q = bind_all!(sqlx::query_as(&sql), &binds);
            q.fetch_one(pool).await?
        });
        Ok(count)
    }

    /// Every account's registered methods, per kind.
    pub async fn method_summaries(&self) -> Result<Vec<MethodSummary>, StoreError> {
        const SQL: &str = "SELECT user_id, kind, COUNT(*) AS count, MIN(created_at) AS first_at, MAX(created_at) AS last_at \
                           FROM methods GROUP BY user_id, kind ORDER BY user_id, kind";
        Ok(with_pool!(self, |pool| sqlx::query_as(SQL).fetch_all(pool).await?))
    }

    /// Writeback jobs not yet finished: waiting for an agent or leased to one.
    pub async fn agent_queue_depth(&self) -> Result<i64, StoreError> {
        const SQL: &str = "SELECT COUNT(*) FROM agent_jobs WHERE status IN ('queued', 'leased')";
        let (count,): (i64,) = with_pool!(self, |pool| sqlx::query_as(SQL).fetch_one(pool).await?);
        Ok(count)
    }
}
