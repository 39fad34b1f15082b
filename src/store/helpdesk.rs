//! The helpdesk console's rows: verified callers, requests waiting for a second member, and
//! the reset links it sent. The store keeps their MACs; `flow/helpdesk/rows.rs` checks them.

use super::{Db, StoreError, inline, with_pool};
use crate::clock::UnixTime;

/// A caller one member verified.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct HelpdeskVerification {
    pub id: String,
    pub member_id: String,
    pub user_id: String,
    pub method: String,
    pub verified_at: UnixTime,
    pub expires_at: UnixTime,
    pub mac: Vec<u8>,
}

/// An action waiting for (or given) a second member's approval.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct HelpdeskRequest {
    pub id: String,
    pub action: String,
    pub user_id: String,
    pub login: String,
    pub requester_id: String,
    pub requester_login: String,
    pub reason: String,
    /// 1 when the caller was verified before the request (a privileged account), else 0.
    pub verified: i64,
    pub created_at: UnixTime,
    pub expires_at: UnixTime,
    pub decided_at: Option<UnixTime>,
    pub approver_id: Option<String>,
    pub approved: Option<i64>,
    pub mac: Vec<u8>,
}

/// A reset link's row.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct HelpdeskLink {
    pub token_hash: Vec<u8>,
    pub user_id: String,
    pub login: String,
    pub created_at: UnixTime,
    pub expires_at: UnixTime,
    pub used_at: Option<UnixTime>,
    pub mac: Vec<u8>,
}

const REQUEST_COLUMNS: &str = "id, action, user_id, login, requester_id, requester_login, reason, verified, \
                               created_at, expires_at, decided_at, approver_id, approved, mac";

impl Db {
    pub async fn insert_helpdesk_verification(&self, v: &HelpdeskVerification) -> Result<(), StoreError> {
        const SQL: &str = "INSERT INTO helpdesk_verifications (id, member_id, user_id, method, verified_at, expires_at, mac) \
                           VALUES ($1, $2, $3, $4, $5, $6, $7)";
        with_pool!(self, |pool| sqlx::query(SQL)
            .bind(&v.id)
            .bind(&v.member_id)
            .bind(&v.user_id)
            .bind(&v.method)
            .bind(v.verified_at)
            .bind(v.expires_at)
            .bind(&v.mac)
            .execute(pool)
            .await?
            .rows_affected());
        Ok(())
    }

    /// The unexpired verifications of `user_id` by `member_id`, newest first.
    pub async fn helpdesk_verifications(
        &self,
        member_id: &str,
        user_id: &str,
        now: UnixTime,
    ) -> Result<Vec<HelpdeskVerification>, StoreError> {
        const SQL: &str = "SELECT id, member_id, user_id, method, verified_at, expires_at, mac FROM helpdesk_verifications \
                           WHERE member_id = $1 AND user_id = $2 AND expires_at > $3 ORDER BY verified_at DESC LIMIT 10";
        Ok(with_pool!(self, |pool| sqlx::query_as(SQL).bind(member_id).bind(user_id).bind(now).fetch_all(pool).await?))
    }

    pub async fn insert_helpdesk_request(&self, r: &HelpdeskRequest) -> Result<(), StoreError> {
        const SQL: &str = "INSERT INTO helpdesk_requests (id, action, user_id, login, requester_id, requester_login, reason, \
                           verified, created_at, expires_at, mac) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
        with_pool!(self, |pool| sqlx::query(SQL)
            .bind(&r.id)
            .bind(&r.action)
            .bind(&r.user_id)
            .bind(&r.login)
            .bind(&r.requester_id)
            .bind(&r.requester_login)
            .bind(&r.reason)
            .bind(r.verified)
            .bind(r.created_at)
            .bind(r.expires_at)
            .bind(&r.mac)
            .execute(pool)
            .await?
            .rows_affected());
        Ok(())
    }

    /// Requests not decided yet and not expired, oldest first (at most `limit`).
    pub async fn open_helpdesk_requests(&self, now: UnixTime, limit: i64) -> Result<Vec<HelpdeskRequest>, StoreError> {
        let sql = format!(
            "SELECT {REQUEST_COLUMNS} FROM helpdesk_requests WHERE decided_at IS NULL AND expires_at > $1 \
             ORDER BY created_at LIMIT $2"
        );
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql).bind(now).bind(limit).fetch_all(pool).await?))
    }

    pub async fn helpdesk_request(&self, id: &str) -> Result<Option<HelpdeskRequest>, StoreError> {
        let sql = format!("SELECT {REQUEST_COLUMNS} FROM helpdesk_requests WHERE id = $1");
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
    }

    /// Decides a request once: only while open and unexpired, and never by its requester.
    /// False when it was decided already, expired, or `approver_id` asked for it.
    pub async fn decide_helpdesk_request(
        &self,
        id: &str,
        approver_id: &str,
        approved: bool,
        now: UnixTime,
    ) -> Result<bool, StoreError> {
        const SQL: &str = "UPDATE helpdesk_requests SET decided_at = $3, approver_id = $2, approved = $4 \
                           WHERE id = $1 AND decided_at IS NULL AND expires_at > $3 AND requester_id <> $2";
        let n = with_pool!(self, |pool| sqlx::query(SQL)
            .bind(id)
            .bind(approver_id)
            .bind(now)
            .bind(i64::from(approved))
            .execute(pool)
            .await?
            .rows_affected());
        Ok(n == 1)
    }

    pub async fn insert_helpdesk_link(&self, l: &HelpdeskLink) -> Result<(), StoreError> {
        const SQL: &str = "INSERT INTO helpdesk_links (token_hash, user_id, login, created_at, expires_at, mac) \
                           VALUES ($1, $2, $3, $4, $5, $6)";
        with_pool!(self, |pool| sqlx::query(SQL)
            .bind(&l.token_hash)
            .bind(&l.user_id)
            .bind(&l.login)
            .bind(l.created_at)
            .bind(l.expires_at)
            .bind(&l.mac)
            .execute(pool)
            .await?
            .rows_affected());
        Ok(())
    }

    /// A live (unused, unexpired) link, without using it.
    pub async fn helpdesk_link(&self, hash: &[u8], now: UnixTime) -> Result<Option<HelpdeskLink>, StoreError> {
        const SQL: &str = "SELECT token_hash, user_id, login, created_at, expires_at, used_at, mac FROM helpdesk_links \
                           WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2";
        Ok(with_pool!(self, |pool| sqlx::query_as(SQL).bind(hash).bind(now).fetch_optional(pool).await?))
    }

    /// Uses a link once; false when it was used or expired meanwhile.
    pub async fn use_helpdesk_link(&self, hash: &[u8], now: UnixTime) -> Result<bool, StoreError> {
        const SQL: &str =
            "UPDATE helpdesk_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2";
        let n = with_pool!(self, |pool| sqlx::query(SQL).bind(hash).bind(now).execute(pool).await?.rows_affected());
        Ok(n == 1)
    }

    /// Ends every live link of an account (a new one was sent, or its methods were cleared).
    pub async fn end_helpdesk_links(&self, user_id: &str, now: UnixTime) -> Result<(), StoreError> {
        const SQL: &str = "UPDATE helpdesk_links SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL";
        with_pool!(self, |pool| sqlx::query(SQL).bind(user_id).bind(now).execute(pool).await?.rows_affected());
        Ok(())
    }

    /// Deletes every registered method of an account and notes when, in one transaction: a
    /// method registered afterwards waits out the cooling-off whatever becomes of the audit
    /// record. How many methods there were.
    pub async fn clear_methods_of(&self, user_id: &str, now: UnixTime) -> Result<u64, StoreError> {
        const DELETE: &str = "DELETE FROM methods WHERE user_id = $1";
        const NOTE: &str = "INSERT INTO methods_cleared (user_id, cleared_at) VALUES ($1, $2) \
                            ON CONFLICT (user_id) DO UPDATE SET cleared_at = excluded.cleared_at";
        Ok(with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let n = sqlx::query(DELETE).bind(user_id).execute(&mut *tx).await?.rows_affected();
            sqlx::query(NOTE).bind(user_id).bind(now).execute(&mut *tx).await?;
            tx.commit().await?;
            n
        }))
    }

    /// When the account's methods were last cleared, by the note beside them or by a
    /// successful `event` in the audit trail (clears from before the note existed), in one
    /// statement.
    pub async fn methods_last_cleared(&self, user_id: &str, event: &str) -> Result<Option<UnixTime>, StoreError> {
        const SQL: &str = "SELECT MAX(t) FROM (\
                           SELECT cleared_at AS t FROM methods_cleared WHERE user_id = $1 \
                           UNION ALL SELECT MAX(at) AS t FROM audit_events \
                           WHERE user_id = $1 AND event = $2 AND outcome = 'success') AS clears";
        // One row always, its value NULL when there was no clear.
        let here =
            self.read_here(|c| inline::optional(c, SQL, &[&user_id, &event], |r| r.get::<_, Option<UnixTime>>(0)));
        if let Some(at) = here {
            return Ok(at.flatten());
        }
        Ok(with_pool!(self, |pool| sqlx::query_scalar(SQL).bind(user_id).bind(event).fetch_one(pool).await?))
    }

    /// Why self-service is blocked for the account, if it is.
    pub async fn block_reason(&self, user_id: &str) -> Result<Option<String>, StoreError> {
        const SQL: &str = "SELECT reason FROM self_service_blocks WHERE user_id = $1";
        let row: Option<(String,)> =
            with_pool!(self, |pool| sqlx::query_as(SQL).bind(user_id).fetch_optional(pool).await?);
        Ok(row.map(|(r,)| r))
    }

    /// The account's most recent audit records (newest first), for the helpdesk's person page.
    pub async fn recent_audit_of(&self, user_id: &str, limit: i64) -> Result<Vec<RecentEvent>, StoreError> {
        const SQL: &str = "SELECT at, event, flow, outcome, reason, method FROM audit_events \
                           WHERE user_id = $1 ORDER BY id DESC LIMIT $2";
        Ok(with_pool!(self, |pool| sqlx::query_as(SQL).bind(user_id).bind(limit).fetch_all(pool).await?))
    }
}

/// One audit record of an account, as the helpdesk sees it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RecentEvent {
    pub at: UnixTime,
    pub event: String,
    pub flow: Option<String>,
    pub outcome: String,
    pub reason: Option<String>,
    pub method: Option<String>,
}
