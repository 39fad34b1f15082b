//! Rate-limit counters shared by every replica: small buckets, each incremented atomically;
//! a limit sums the buckets inside its window (see `flow::limits`).

use super::{Db, StoreError, execute, execute_pooled, inline, with_pool};
use crate::clock::UnixTime;

impl Db {
    /// Counts one more event in `(scope, key, window_start)`, the counter marked with `account`
    /// when given (a keyed hash of the account it counts, from whichever address, so it can be
    /// found by account), and returns the events counted in every bucket that started after
    /// `after`, this one included: the count and the window's sum in one statement.
    pub async fn rate_hit_in_window(
        &self,
        scope: &str,
        key: &[u8],
        account: Option<&[u8]>,
        window_start: UnixTime,
        after: UnixTime,
    ) -> Result<i64, StoreError> {
        // The sum reads the other buckets only: PostgreSQL's subquery sees the table as it was
        // before this statement, SQLite's as it is after, so this bucket's count comes from
        // the row itself on both.
        const SQL: &str = "INSERT INTO rate_counters (scope, key, window_start, count, account) \
                           VALUES ($1, $2, $3, 1, $4) \
                           ON CONFLICT (scope, key, window_start) DO UPDATE SET count = rate_counters.count + 1 \
                           RETURNING count + (SELECT CAST(coalesce(sum(o.count), 0) AS BIGINT) FROM rate_counters o \
                           WHERE o.scope = $1 AND o.key = $2 AND o.window_start > $5 AND o.window_start <> $3)";
        let here = self.run_once_here(|c| {
            inline::optional(c, SQL, &[&scope, &key, &window_start, &account, &after], |r| r.get::<_, i64>(0))
        })?;
        match here {
            Some(Some(total)) => return Ok(total),
            // Written, but no answer: not run again (an upsert always answers).
            Some(None) => return Err(sqlx::Error::RowNotFound.into()),
            None => {}
        }
        let (total,): (i64,) = with_pool!(self, |pool| sqlx::query_as(SQL)
            .bind(scope)
            .bind(key)
            .bind(window_start)
            .bind(account)
            .bind(after)
            .fetch_one(pool)
            .await?);
        Ok(total)
    }

    /// The (bucket start, count) pairs of buckets that started after `after`, oldest first.
    pub async fn rate_buckets(&self, scope: &str, key: &[u8], after: UnixTime) -> Result<Vec<(i64, i64)>, StoreError> {
        const SQL: &str = "SELECT window_start, count FROM rate_counters \
                           WHERE scope = $1 AND key = $2 AND window_start > $3 ORDER BY window_start";
        Ok(with_pool!(self, |pool| sqlx::query_as(SQL).bind(scope).bind(key).bind(after).fetch_all(pool).await?))
    }

    /// The (key, bucket start, count) of `account`'s buckets in `scope` that started after
    /// `after`, by key and oldest first.
    pub async fn rate_buckets_of_account(
        &self,
        scope: &str,
        account: &[u8],
        after: UnixTime,
    ) -> Result<Vec<(Vec<u8>, i64, i64)>, StoreError> {
        const SQL: &str = "SELECT key, window_start, count FROM rate_counters \
                           WHERE scope = $1 AND account = $2 AND window_start > $3 ORDER BY key, window_start";
        Ok(with_pool!(self, |pool| sqlx::query_as(SQL).bind(scope).bind(account).bind(after).fetch_all(pool).await?))
    }

    /// Forgets every counter of `account` in `scope`; how many buckets there were.
    pub async fn delete_rate_counters_of_account(&self, scope: &str, account: &[u8]) -> Result<u64, StoreError> {
        const SQL: &str = "DELETE FROM rate_counters WHERE scope = $1 AND account = $2";
        Ok(execute!(self, SQL, scope, account))
    }

    /// Forgets windows that ended before `before`.
    pub async fn delete_old_rate_counters(&self, before: UnixTime) -> Result<(), StoreError> {
        const SQL: &str = "DELETE FROM rate_counters WHERE window_start < $1";
        execute_pooled!(self, SQL, before);
        Ok(())
    }
}
