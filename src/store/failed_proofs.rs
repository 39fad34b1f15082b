//! Consecutive failed proofs per account (NIST SP 800-63B 5.2.2), each change one atomic
//! statement so parallel failures all count.

use super::{Db, StoreError, execute, inline, with_pool};
use crate::clock::UnixTime;

impl Db {
    /// Counts one more failed proof for `account`; returns the streak with it.
    pub async fn add_failed_proof(&self, account: &str, now: UnixTime) -> Result<i64, StoreError> {
        const SQL: &str = "INSERT INTO failed_proofs (account, streak, updated_at) VALUES ($1, 1, $2) \
                           ON CONFLICT (account) DO UPDATE SET streak = failed_proofs.streak + 1, updated_at = $2 \
                           RETURNING streak";
        match self.run_once_here(|c| inline::optional(c, SQL, &[&account, &now], |r| r.get(0)))? {
            Some(Some(streak)) => return Ok(streak),
            // Written, but no answer: not run again (an upsert always answers).
            Some(None) => return Err(sqlx::Error::RowNotFound.into()),
            None => {}
        }
        let (streak,): (i64,) =
            with_pool!(self, |pool| sqlx::query_as(SQL).bind(account).bind(now).fetch_one(pool).await?);
        Ok(streak)
    }

    /// The current streak of failed proofs for `account` (0 when none).
    pub async fn failed_proofs(&self, account: &str) -> Result<i64, StoreError> {
        const SQL: &str = "SELECT streak FROM failed_proofs WHERE account = $1";
        let row: Option<(i64,)> =
            with_pool!(self, |pool| sqlx::query_as(SQL).bind(account).fetch_optional(pool).await?);
        Ok(row.map_or(0, |(s,)| s))
    }

    /// Ends the streak of `account` (a proof succeeded, or an admin reopened self-service).
    pub async fn clear_failed_proofs(&self, account: &str) -> Result<(), StoreError> {
        const SQL: &str = "DELETE FROM failed_proofs WHERE account = $1";
        execute!(self, SQL, account);
        Ok(())
    }
}
