//! "This wasn't me" links and the self-service blocks they create.

use super::{Db, StoreError, execute, inline, with_pool};
use crate::clock::UnixTime;

/// A blocked account, for the admin.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Block {
    pub user_id: String,
    pub login: String,
    pub reason: String,
    pub blocked_at: UnixTime,
}

impl Db {
    /// Stores a one-time link's hash.
    pub async fn insert_disown_token(
        &self,
        hash: &[u8],
        user_id: &str,
        login: &str,
        event: &str,
        now: UnixTime,
        expires_at: UnixTime,
    ) -> Result<(), StoreError> {
        const SQL: &str = "INSERT INTO disown_tokens (token_hash, user_id, login, event, created_at, expires_at) \
                           VALUES ($1, $2, $3, $4, $5, $6)";
        execute!(self, SQL, hash, user_id, login, event, now, expires_at);
        Ok(())
    }

    /// Whether a link is live (unused, unexpired), without using it.
    pub async fn disown_token_live(&self, hash: &[u8], now: UnixTime) -> Result<bool, StoreError> {
        const SQL: &str =
            "SELECT user_id FROM disown_tokens WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2";
        let row: Option<(String,)> =
            with_pool!(self, |pool| sqlx::query_as(SQL).bind(hash).bind(now).fetch_optional(pool).await?);
        Ok(row.is_some())
    }

    /// Uses a link once: the account it names and the event it was about, or nothing if it was
    /// used, expired or never existed.
    pub async fn use_disown_token(
        &self,
        hash: &[u8],
        now: UnixTime,
    ) -> Result<Option<(String, String, String)>, StoreError> {
        const SQL: &str = "UPDATE disown_tokens SET used_at = $2 \
                           WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id, login, event";
        Ok(with_pool!(self, |pool| sqlx::query_as(SQL).bind(hash).bind(now).fetch_optional(pool).await?))
    }

    /// Blocks self-service for an account and voids its open attempts.
    pub async fn block_self_service(&self, b: &Block) -> Result<(), StoreError> {
        const BLOCK: &str = "INSERT INTO self_service_blocks (user_id, login, reason, blocked_at) VALUES ($1, $2, $3, $4) \
                             ON CONFLICT (user_id) DO UPDATE SET reason = excluded.reason, blocked_at = excluded.blocked_at";
        const VOID: &str = "UPDATE attempts SET voided = TRUE WHERE user_id = $1 AND completed_at IS NULL";
        execute!(self, BLOCK, &b.user_id, &b.login, &b.reason, b.blocked_at);
        execute!(self, VOID, &b.user_id);
        Ok(())
    }

    pub async fn is_blocked(&self, user_id: &str) -> Result<bool, StoreError> {
        const SQL: &str = "SELECT user_id FROM self_service_blocks WHERE user_id = $1";
        if let Some(found) = self.read_here(|c| Ok(inline::optional(c, SQL, &[&user_id], |_| Ok(()))?.is_some())) {
            return Ok(found);
        }
        let row: Option<(String,)> =
            with_pool!(self, |pool| sqlx::query_as(SQL).bind(user_id).fetch_optional(pool).await?);
        Ok(row.is_some())
    }

    pub async fn list_blocks(&self) -> Result<Vec<Block>, StoreError> {
        const SQL: &str = "SELECT user_id, login, reason, blocked_at FROM self_service_blocks ORDER BY blocked_at";
        Ok(with_pool!(self, |pool| sqlx::query_as(SQL).fetch_all(pool).await?))
    }

    /// Lifts a block, by account id or login; false if there was none.
    /// The account's streak of failed proofs goes with it, so a block lifted after the cap
    /// (`limits.failed_proofs_per_account`) starts a fresh count.
    pub async fn unblock(&self, id_or_login: &str) -> Result<bool, StoreError> {
        const STREAK: &str = "DELETE FROM failed_proofs WHERE account IN \
                              (SELECT user_id FROM self_service_blocks WHERE user_id = $1 OR lower(login) = lower($1))";
        const SQL: &str = "DELETE FROM self_service_blocks WHERE user_id = $1 OR lower(login) = lower($1)";
        execute!(self, STREAK, id_or_login);
        let n = execute!(self, SQL, id_or_login);
        Ok(n > 0)
    }
}
