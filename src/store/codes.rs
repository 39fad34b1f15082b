//! One-time codes, stored only as a keyed hash: one live code per attempt and channel, used at
//! most once, through one atomic update.

use super::{Db, StoreError, execute, inline, with_pool};
use crate::clock::UnixTime;

/// A code as stored (its hash, never the code).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StoredCode {
    pub hash: Vec<u8>,
    pub created_at: UnixTime,
    pub expires_at: UnixTime,
    pub used_at: Option<UnixTime>,
}

impl Db {
    /// Stores the hash of a newly sent code, replacing any earlier code on this channel.
    pub async fn put_code(
        &self,
        attempt_id: &str,
        channel: &str,
        hash: &[u8],
        now: UnixTime,
        expires_at: UnixTime,
    ) -> Result<(), StoreError> {
        const SQL: &str = "INSERT INTO codes (attempt_id, channel, hash, created_at, expires_at, used_at) \
                           VALUES ($1, $2, $3, $4, $5, NULL) \
                           ON CONFLICT (attempt_id, channel) DO UPDATE SET \
                           hash = excluded.hash, created_at = excluded.created_at, expires_at = excluded.expires_at, used_at = NULL";
        execute!(self, SQL, attempt_id, channel, hash, now, expires_at);
        Ok(())
    }

    /// The live code of an attempt's channel, if one was sent.
    pub async fn get_code(&self, attempt_id: &str, channel: &str) -> Result<Option<StoredCode>, StoreError> {
        const SQL: &str =
            "SELECT hash, created_at, expires_at, used_at FROM codes WHERE attempt_id = $1 AND channel = $2";
        let here = self.read_here(|c| {
            inline::optional(c, SQL, &[&attempt_id, &channel], |r| {
                Ok(StoredCode { hash: r.get(0)?, created_at: r.get(1)?, expires_at: r.get(2)?, used_at: r.get(3)? })
            })
        });
        if let Some(code) = here {
            return Ok(code);
        }
        Ok(with_pool!(self, |pool| sqlx::query_as(SQL).bind(attempt_id).bind(channel).fetch_optional(pool).await?))
    }

    /// Uses the code if `hash` matches and it is unused, unexpired, and its attempt is not void.
    /// True for exactly one caller, however many race.
    pub async fn use_code(
        &self,
        attempt_id: &str,
        channel: &str,
        hash: &[u8],
        now: UnixTime,
    ) -> Result<bool, StoreError> {
        const SQL: &str = "UPDATE codes SET used_at = $4 \
                           WHERE attempt_id = $1 AND channel = $2 AND hash = $3 AND used_at IS NULL AND expires_at > $4 \
                           AND EXISTS (SELECT 1 FROM attempts WHERE attempts.id = $1 AND NOT attempts.voided)";
        let n = execute!(self, SQL, attempt_id, channel, hash, now);
        Ok(n == 1)
    }
}
