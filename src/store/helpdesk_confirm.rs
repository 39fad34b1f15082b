//! The helpdesk's confirmation links: a member mails one to a person, who confirms with a
//! passkey on their own device. The store keeps the row and its MAC; `flow/helpdesk/rows.rs`
//! checks it. A link is settled (confirmed or ended) once, in one statement.

use super::{Db, StoreError, execute, with_pool};
use crate::clock::UnixTime;

/// A confirmation link's row.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct HelpdeskConfirmation {
    pub token_hash: Vec<u8>,
    pub member_id: String,
    pub member_login: String,
    pub user_id: String,
    pub login: String,
    pub created_at: UnixTime,
    pub expires_at: UnixTime,
    pub confirmed_at: Option<UnixTime>,
    pub ended_at: Option<UnixTime>,
    pub mac: Vec<u8>,
}

const COLUMNS: &str =
    "token_hash, member_id, member_login, user_id, login, created_at, expires_at, confirmed_at, ended_at, mac";

impl Db {
    pub async fn insert_helpdesk_confirmation(&self, c: &HelpdeskConfirmation) -> Result<(), StoreError> {
        const SQL: &str = "INSERT INTO helpdesk_confirmations (token_hash, member_id, member_login, user_id, login, \
                           created_at, expires_at, mac) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
        execute!(
            self,
            SQL,
            &c.token_hash,
            &c.member_id,
            &c.member_login,
            &c.user_id,
            &c.login,
            c.created_at,
            c.expires_at,
            &c.mac
        );
        Ok(())
    }

    /// A live (unsettled, unexpired) link, without settling it.
    pub async fn helpdesk_confirmation(
        &self,
        hash: &[u8],
        now: UnixTime,
    ) -> Result<Option<HelpdeskConfirmation>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM helpdesk_confirmations WHERE token_hash = $1 AND confirmed_at IS NULL \
             AND ended_at IS NULL AND expires_at > $2"
        );
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql).bind(hash).bind(now).fetch_optional(pool).await?))
    }

    /// The newest link `member_id` sent `user_id`, whatever became of it.
    pub async fn latest_helpdesk_confirmation(
        &self,
        member_id: &str,
        user_id: &str,
    ) -> Result<Option<HelpdeskConfirmation>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM helpdesk_confirmations WHERE member_id = $1 AND user_id = $2 \
             ORDER BY created_at DESC LIMIT 1"
        );
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql).bind(member_id).bind(user_id).fetch_optional(pool).await?))
    }

    /// Settles a live link once: confirmed, or ended (a refused answer). False when it was
    /// settled already or expired meanwhile.
    pub async fn settle_helpdesk_confirmation(
        &self,
        hash: &[u8],
        now: UnixTime,
        confirmed: bool,
    ) -> Result<bool, StoreError> {
        const CONFIRM: &str = "UPDATE helpdesk_confirmations SET confirmed_at = $2 WHERE token_hash = $1 \
                               AND confirmed_at IS NULL AND ended_at IS NULL AND expires_at > $2";
        const END: &str = "UPDATE helpdesk_confirmations SET ended_at = $2 WHERE token_hash = $1 \
                           AND confirmed_at IS NULL AND ended_at IS NULL AND expires_at > $2";
        let n = execute!(self, if confirmed { CONFIRM } else { END }, hash, now);
        Ok(n == 1)
    }

    /// Ends the live links `member_id` sent `user_id` (a new one replaces them).
    pub async fn end_helpdesk_confirmations(
        &self,
        member_id: &str,
        user_id: &str,
        now: UnixTime,
    ) -> Result<(), StoreError> {
        const SQL: &str = "UPDATE helpdesk_confirmations SET ended_at = $3 WHERE member_id = $1 AND user_id = $2 \
                           AND confirmed_at IS NULL AND ended_at IS NULL";
        execute!(self, SQL, member_id, user_id, now);
        Ok(())
    }
}
