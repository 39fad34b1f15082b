//! Attempts: one run of a flow (register, reset, unlock) with its deadline, wrong-try counter
//! and completion. Counting, voiding and completing are each one atomic statement, so parallel
//! requests can never get more wrong tries or more completions than allowed.

use super::{Db, StoreError, WithMac, execute, execute_pooled, inline, with_pool};
use crate::clock::UnixTime;

/// One attempt as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Attempt {
    pub id: String,
    pub flow: String,
    /// None for an unknown or out-of-scope person: the attempt runs the same way regardless.
    pub user_id: Option<String>,
    pub created_at: UnixTime,
    pub expires_at: UnixTime,
    pub wrong_tries: i32,
    pub voided: bool,
    pub completed_at: Option<UnixTime>,
}

/// What a wrong answer left of the attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrongTry {
    /// Still open; this many more wrong answers are allowed before it is void.
    Remaining(u32),
    /// Void now (or already, or no such attempt).
    Voided,
}

impl Db {
    /// Saves a new attempt without a MAC, as tests and tools do: the portal's checks
    /// (`flow::rows`) treat such a row as absent.
    pub async fn create_attempt(&self, a: &Attempt) -> Result<(), StoreError> {
        self.insert_attempt(a, None).await
    }

    /// Saves a new attempt with the MAC `flow::rows` made for it.
    pub async fn create_attempt_with_mac(&self, a: &Attempt, mac: &[u8]) -> Result<(), StoreError> {
        self.insert_attempt(a, Some(mac)).await
    }

    async fn insert_attempt(&self, a: &Attempt, mac: Option<&[u8]>) -> Result<(), StoreError> {
        const SQL: &str = "INSERT INTO attempts (id, flow, user_id, created_at, expires_at, wrong_tries, voided, completed_at, mac) \
                           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
        execute!(
            self,
            SQL,
            &a.id,
            &a.flow,
            &a.user_id,
            a.created_at,
            a.expires_at,
            a.wrong_tries,
            a.voided,
            a.completed_at,
            mac
        );
        Ok(())
    }

    /// Loads an attempt by id, unchecked (see `flow::rows::attempt` for the checked one).
    pub async fn get_attempt(&self, id: &str) -> Result<Option<Attempt>, StoreError> {
        Ok(self.get_attempt_with_mac(id).await?.map(|(a, _)| a))
    }

    /// Loads an attempt by id with its MAC as stored.
    ///
    /// The MAC covers what says whose attempt this is and until when: id, flow, user, created
    /// and expires. It cannot cover `wrong_tries`, `voided` and `completed_at`, which change
    /// in single atomic statements: someone who can write the database can reset those (as they
    /// can delete any row), which gives them more guesses at a code they do not know but never
    /// makes another person's attempt, or their reset, succeed.
    pub async fn get_attempt_with_mac(&self, id: &str) -> Result<Option<(Attempt, Option<Vec<u8>>)>, StoreError> {
        const SQL: &str = "SELECT id, flow, user_id, created_at, expires_at, wrong_tries, voided, completed_at, mac \
                           FROM attempts WHERE id = $1";
        let here = self.read_here(|c| {
            inline::optional(c, SQL, &[&id], |r| {
                let attempt = Attempt {
                    id: r.get(0)?,
                    flow: r.get(1)?,
                    user_id: r.get(2)?,
                    created_at: r.get(3)?,
                    expires_at: r.get(4)?,
                    wrong_tries: r.get(5)?,
                    voided: r.get(6)?,
                    completed_at: r.get(7)?,
                };
                Ok((attempt, r.get(8)?))
            })
        });
        if let Some(row) = here {
            return Ok(row);
        }
        let row: Option<WithMac<Attempt>> =
            with_pool!(self, |pool| sqlx::query_as(SQL).bind(id).fetch_optional(pool).await?);
        Ok(row.map(WithMac::into_pair))
    }

    /// Counts one wrong answer. Up to `max_wrong_tries` wrong answers leave the attempt open; the
    /// next one voids it. One statement, so concurrent calls cannot slip past the limit.
    pub async fn record_wrong_try(&self, id: &str, max_wrong_tries: u32) -> Result<WrongTry, StoreError> {
        const SQL: &str = "UPDATE attempts SET wrong_tries = wrong_tries + 1, voided = (wrong_tries + 1 > $2) \
                           WHERE id = $1 AND NOT voided RETURNING wrong_tries, voided";
        let row: Option<(i32, bool)> = with_pool!(self, |pool| sqlx::query_as(SQL)
            .bind(id)
            .bind(i64::from(max_wrong_tries))
            .fetch_optional(pool)
            .await?);
        Ok(match row {
            Some((tries, false)) => {
                WrongTry::Remaining(max_wrong_tries.saturating_sub(u32::try_from(tries).unwrap_or(u32::MAX)))
            }
            Some((_, true)) | None => WrongTry::Voided,
        })
    }

    /// Reserves one try before an answer is compared, in the statement that checks the limit:
    /// an attempt allows `max_wrong_tries` wrong answers and one more try, so at most
    /// `max_wrong_tries + 1` comparisons, however many requests race. Returns the try's number
    /// (1 for the first), or `None` when the attempt is void, used up, ended, expired or unknown.
    pub async fn reserve_try(&self, id: &str, max_wrong_tries: u32, now: UnixTime) -> Result<Option<u32>, StoreError> {
        const SQL: &str = "UPDATE attempts SET wrong_tries = wrong_tries + 1 \
                           WHERE id = $1 AND NOT voided AND completed_at IS NULL AND expires_at > $3 AND wrong_tries <= $2 \
                           RETURNING wrong_tries";
        let max = i64::from(max_wrong_tries);
        let row: Option<(i32,)> = match self
            .run_once_here(|c| inline::optional(c, SQL, &[&id, &max, &now], |r| Ok((r.get(0)?,))))?
        {
            Some(row) => row,
            None => {
                with_pool!(self, |pool| sqlx::query_as(SQL).bind(id).bind(max).bind(now).fetch_optional(pool).await?)
            }
        };
        Ok(row.map(|(n,)| u32::try_from(n).unwrap_or(u32::MAX)))
    }

    /// Settles a reserved try whose answer was wrong: the try stays counted; the last one
    /// allowed (number `max_wrong_tries + 1`) voids the attempt.
    pub async fn settle_wrong_try(&self, id: &str, number: u32, max_wrong_tries: u32) -> Result<WrongTry, StoreError> {
        if number <= max_wrong_tries {
            return Ok(WrongTry::Remaining(max_wrong_tries - number));
        }
        self.void_attempt(id).await?;
        Ok(WrongTry::Voided)
    }

    /// Gives back a reserved try whose answer was right (or that was not judged).
    pub async fn release_try(&self, id: &str) -> Result<(), StoreError> {
        const SQL: &str = "UPDATE attempts SET wrong_tries = wrong_tries - 1 WHERE id = $1 AND wrong_tries > 0";
        execute!(self, SQL, id);
        Ok(())
    }

    /// Voids an attempt at once (for example when its person turns out to be locked out).
    pub async fn void_attempt(&self, id: &str) -> Result<(), StoreError> {
        const SQL: &str = "UPDATE attempts SET voided = TRUE WHERE id = $1";
        execute!(self, SQL, id);
        Ok(())
    }

    /// Marks an attempt done; true only for the first call on an attempt that is neither void
    /// nor expired, and whose account's owner has not blocked self-service. The block and
    /// `voided` are read in the statement that completes it, so a "this wasn't me" that comes
    /// after the methods passed still stops the attempt.
    pub async fn complete_attempt(&self, id: &str, now: UnixTime) -> Result<bool, StoreError> {
        const SQL: &str = "UPDATE attempts SET completed_at = $2 \
                           WHERE id = $1 AND completed_at IS NULL AND NOT voided AND expires_at > $2 \
                           AND NOT EXISTS (SELECT 1 FROM self_service_blocks b WHERE b.user_id = attempts.user_id)";
        let n = execute!(self, SQL, id, now);
        Ok(n == 1)
    }

    /// Opens again an attempt completed at `at` whose change the directory then refused, so the
    /// person can try another password. A block or void that came meanwhile still holds:
    /// `complete_attempt` checks both again.
    pub async fn reopen_attempt(&self, id: &str, at: UnixTime) -> Result<(), StoreError> {
        const SQL: &str = "UPDATE attempts SET completed_at = NULL WHERE id = $1 AND completed_at = $2";
        execute!(self, SQL, id, at);
        Ok(())
    }

    /// Deletes attempts whose deadline has passed, with their codes; returns how many attempts.
    pub async fn delete_expired(&self, now: UnixTime) -> Result<u64, StoreError> {
        // Codes go with their attempt through ON DELETE CASCADE.
        const SQL: &str = "DELETE FROM attempts WHERE expires_at <= $1";
        Ok(execute_pooled!(self, SQL, now))
    }
}
