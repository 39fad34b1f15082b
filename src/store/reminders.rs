//! What the scheduler remembers (`flow/reminders.rs`): the expiry reminders and registration
//! nudges sent, each claimed by an insert that only one replica can make; daily coverage for
//! the campaign's chart; and the lease that lets one replica at a time run a pass.

use super::{Db, StoreError, execute, with_pool};
use crate::clock::UnixTime;

/// One day's registration coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct CoverageDay {
    /// Days since 1970-01-01 (UTC).
    pub day: i64,
    pub in_scope: i64,
    pub enough: i64,
}

impl Db {
    /// Claims the reminder at `days_before` for this password: true if this call wrote it (and
    /// so must send it), false if it was claimed before.
    pub async fn claim_reminder(
        &self,
        user_id: &str,
        changed_at: UnixTime,
        days_before: u32,
        now: UnixTime,
    ) -> Result<bool, StoreError> {
        const SQL: &str = "INSERT INTO reminders_sent (user_id, changed_at, days_before, sent_at) \
                           VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";
        Ok(execute!(self, SQL, user_id, changed_at, i64::from(days_before), now) == 1)
    }

    /// Whether the reminder was claimed already (for the dry run).
    pub async fn reminder_claimed(
        &self,
        user_id: &str,
        changed_at: UnixTime,
        days_before: u32,
    ) -> Result<bool, StoreError> {
        const SQL: &str =
            "SELECT COUNT(*) FROM reminders_sent WHERE user_id = $1 AND changed_at = $2 AND days_before = $3";
        let n: i64 = with_pool!(self, |pool| sqlx::query_scalar(SQL)
            .bind(user_id)
            .bind(changed_at)
            .bind(i64::from(days_before))
            .fetch_one(pool)
            .await?);
        Ok(n > 0)
    }

    /// Gives a claimed reminder back after its mail could not be sent.
    pub async fn unclaim_reminder(
        &self,
        user_id: &str,
        changed_at: UnixTime,
        days_before: u32,
    ) -> Result<(), StoreError> {
        const SQL: &str = "DELETE FROM reminders_sent WHERE user_id = $1 AND changed_at = $2 AND days_before = $3";
        execute!(self, SQL, user_id, changed_at, i64::from(days_before));
        Ok(())
    }

    /// The nudges an account got: how many, and when the last went.
    pub async fn campaign_mails_to(&self, user_id: &str) -> Result<(u32, Option<UnixTime>), StoreError> {
        const SQL: &str = "SELECT COUNT(*), MAX(sent_at) FROM campaign_mails WHERE user_id = $1";
        let (n, last): (i64, Option<i64>) =
            with_pool!(self, |pool| sqlx::query_as(SQL).bind(user_id).fetch_one(pool).await?);
        Ok((u32::try_from(n).unwrap_or(u32::MAX), last))
    }

    /// Claims the `nth` nudge to an account: true if this call wrote it.
    pub async fn claim_campaign_mail(&self, user_id: &str, nth: u32, now: UnixTime) -> Result<bool, StoreError> {
        const SQL: &str =
            "INSERT INTO campaign_mails (user_id, nth, sent_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
        Ok(execute!(self, SQL, user_id, i64::from(nth), now) == 1)
    }

    /// Gives a claimed nudge back after its mail could not be sent.
    pub async fn unclaim_campaign_mail(&self, user_id: &str, nth: u32) -> Result<(), StoreError> {
        execute!(self, "DELETE FROM campaign_mails WHERE user_id = $1 AND nth = $2", user_id, i64::from(nth));
        Ok(())
    }

    /// Nudges sent since `since`, and reminders sent since `since`.
    pub async fn scheduler_mail_counts(&self, since: UnixTime) -> Result<(i64, i64), StoreError> {
        const NUDGES: &str = "SELECT COUNT(*) FROM campaign_mails WHERE sent_at >= $1";
        const REMINDERS: &str = "SELECT COUNT(*) FROM reminders_sent WHERE sent_at >= $1";
        let nudges: i64 = with_pool!(self, |pool| sqlx::query_scalar(NUDGES).bind(since).fetch_one(pool).await?);
        let reminders: i64 = with_pool!(self, |pool| sqlx::query_scalar(REMINDERS).bind(since).fetch_one(pool).await?);
        Ok((nudges, reminders))
    }

    /// Records a day's coverage (the day's last pass wins).
    pub async fn record_coverage_day(&self, day: CoverageDay) -> Result<(), StoreError> {
        const SQL: &str = "INSERT INTO coverage_days (day, in_scope, enough) VALUES ($1, $2, $3) \
                           ON CONFLICT (day) DO UPDATE SET in_scope = excluded.in_scope, enough = excluded.enough";
        execute!(self, SQL, day.day, day.in_scope, day.enough);
        Ok(())
    }

    /// The coverage of the days from `first` on, oldest first.
    pub async fn coverage_days(&self, first: i64) -> Result<Vec<CoverageDay>, StoreError> {
        const SQL: &str = "SELECT day, in_scope, enough FROM coverage_days WHERE day >= $1 ORDER BY day";
        Ok(with_pool!(self, |pool| sqlx::query_as(SQL).bind(first).fetch_all(pool).await?))
    }

    /// Takes (or keeps) the lease `name` for `holder` until `until`: true if it now holds it,
    /// false while another holder's lease has not run out.
    pub async fn take_lease(
        &self,
        name: &str,
        holder: &str,
        now: UnixTime,
        until: UnixTime,
    ) -> Result<bool, StoreError> {
        const SQL: &str = "INSERT INTO scheduler_leases (name, holder, expires_at) VALUES ($1, $2, $3) \
                           ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at \
                           WHERE scheduler_leases.expires_at <= $4 OR scheduler_leases.holder = excluded.holder";
        Ok(execute!(self, SQL, name, holder, until, now) == 1)
    }

    /// Ends `holder`'s lease, so the next pass may run on any replica.
    pub async fn release_lease(&self, name: &str, holder: &str) -> Result<(), StoreError> {
        execute!(self, "UPDATE scheduler_leases SET expires_at = 0 WHERE name = $1 AND holder = $2", name, holder);
        Ok(())
    }
}
