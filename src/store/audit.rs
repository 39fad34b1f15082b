//! The audit trail: append-only. (A later migration chains the rows with hashes; the
//! `prev_hash` and `hash` columns are already there, left empty for now.)

use super::{Db, StoreError, with_pool};
use crate::clock::UnixTime;

/// One thing that happened, for administrators. Never a password or a code.
#[derive(Debug, Clone, PartialEq, Eq, Default, sqlx::FromRow)]
pub struct AuditEvent {
    pub at: UnixTime,
    pub event: String,
    pub flow: Option<String>,
    pub user_id: Option<String>,
    pub login: Option<String>,
    pub outcome: String,
    pub reason: Option<String>,
    pub method: Option<String>,
    pub source_ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
}

impl Db {
    /// Appends one event.
    pub async fn append_audit(&self, e: &AuditEvent) -> Result<(), StoreError> {
        const SQL: &str = "INSERT INTO audit_events (at, event, flow, user_id, login, outcome, reason, method, source_ip, user_agent, request_id) \
                           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
        with_pool!(self, |pool| sqlx::query(SQL)
            .bind(e.at)
            .bind(&e.event)
            .bind(&e.flow)
            .bind(&e.user_id)
            .bind(&e.login)
            .bind(&e.outcome)
            .bind(&e.reason)
            .bind(&e.method)
            .bind(&e.source_ip)
            .bind(&e.user_agent)
            .bind(&e.request_id)
            .execute(pool)
            .await?
            .rows_affected());
        Ok(())
    }

    /// The latest `limit` events, newest first.
    pub async fn recent_audit(&self, limit: i64) -> Result<Vec<AuditEvent>, StoreError> {
        const SQL: &str = "SELECT at, event, flow, user_id, login, outcome, reason, method, source_ip, user_agent, request_id \
                           FROM audit_events ORDER BY id DESC LIMIT $1";
        Ok(with_pool!(self, |pool| sqlx::query_as(SQL).bind(limit).fetch_all(pool).await?))
    }
}
