//! API tokens: their keyed hashes, scopes, expiry and revocation, never the token itself.
//! Rows carry a MAC (`flow::api::tokens`) that callers check; the store only keeps it.

use super::{Db, StoreError, execute, with_pool};
use crate::clock::UnixTime;

/// An API token as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiTokenRow {
    pub id: String,
    pub name: String,
    pub token_hash: Vec<u8>,
    /// Space-separated scope names.
    pub scopes: String,
    pub created_at: UnixTime,
    pub expires_at: UnixTime,
    pub revoked_at: Option<UnixTime>,
    pub last_used: Option<UnixTime>,
    pub mac: Vec<u8>,
}

const COLUMNS: &str = "id, name, token_hash, scopes, created_at, expires_at, revoked_at, last_used, mac";

impl Db {
    /// Stores a new token (its hash).
    pub async fn insert_api_token(&self, t: &ApiTokenRow) -> Result<(), StoreError> {
        const SQL: &str = "INSERT INTO api_tokens (id, name, token_hash, scopes, created_at, expires_at, mac) \
                           VALUES ($1, $2, $3, $4, $5, $6, $7)";
        execute!(self, SQL, &t.id, &t.name, &t.token_hash, &t.scopes, t.created_at, t.expires_at, &t.mac);
        Ok(())
    }

    /// The token with this hash, whatever its state.
    pub async fn api_token_by_hash(&self, hash: &[u8]) -> Result<Option<ApiTokenRow>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM api_tokens WHERE token_hash = $1");
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql).bind(hash).fetch_optional(pool).await?))
    }

    /// Every token, newest first.
    pub async fn list_api_tokens(&self) -> Result<Vec<ApiTokenRow>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM api_tokens ORDER BY created_at DESC, id");
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql).fetch_all(pool).await?))
    }

    /// Marks a token revoked with its new MAC; false if it was revoked already or is unknown.
    pub async fn revoke_api_token(&self, id: &str, now: UnixTime, mac: &[u8]) -> Result<bool, StoreError> {
        const SQL: &str = "UPDATE api_tokens SET revoked_at = $2, mac = $3 WHERE id = $1 AND revoked_at IS NULL";
        Ok(execute!(self, SQL, id, now, mac) == 1)
    }

    /// Records that a token was used (shown by `rekey api-token list`; not covered by the MAC).
    pub async fn api_token_used(&self, id: &str, now: UnixTime) -> Result<(), StoreError> {
        const SQL: &str = "UPDATE api_tokens SET last_used = $2 WHERE id = $1";
        execute!(self, SQL, id, now);
        Ok(())
    }
}
