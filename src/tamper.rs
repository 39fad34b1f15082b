//! The database is not trusted. Rows that decide who may do what (sessions, attempts,
//! registered methods) carry an authenticator made with a key derived from the master key, and
//! bound to the row's id and purpose (see `flow::rows` and `store::sealed_sessions`). Someone who
//! can write the database but lacks the master key can delete such rows or reset their counters,
//! but cannot edit, swap or insert one that passes the check: a row that fails it is treated as
//! absent, and reported here.
//!
//! [`report`] is the one place a failed check is recorded: a warning in the log (the table, and
//! the row's id where that id is no secret) and an audit event `tampering` with the table as its
//! reason. Neither ever carries a value from the row.

use crate::clock::UnixTime;
use crate::crypto::Keys;
use crate::flow::Requester;
use crate::store::{AuditEvent, Db};

/// The audit trail's event for a row that failed its integrity check.
pub const EVENT: &str = "tampering";

/// A row that failed its check.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tampered<'a> {
    /// The table, which becomes the audit event's reason: `sessions`, `attempts`, `methods`.
    pub table: &'a str,
    /// The row's id, when that is no secret (never a session id).
    pub row: Option<&'a str>,
    /// The account the row claims to belong to, as stored (so possibly forged too).
    pub user_id: Option<&'a str>,
}

/// Records that a row failed its integrity check; `who` is the request that read it, when
/// there was one.
pub async fn report(db: &Db, keys: &Keys, now: UnixTime, who: Option<&Requester>, t: Tampered<'_>) {
    tracing::warn!(
        table = t.table,
        row = t.row.unwrap_or(""),
        user_id = t.user_id.unwrap_or(""),
        "a database row failed its integrity check (edited, moved or inserted without the master key); treated as absent"
    );
    let e = AuditEvent {
        at: now,
        event: EVENT.into(),
        flow: None,
        user_id: t.user_id.map(Into::into),
        login: None,
        outcome: "failure".into(),
        reason: Some(t.table.into()),
        method: None,
        source_ip: who.and_then(|w| w.ip.clone()),
        user_agent: who.and_then(|w| w.user_agent.as_ref().map(|ua| ua.chars().take(256).collect())),
        request_id: who.and_then(|w| w.request_id.clone()),
    };
    let mac = |prev: &[u8], record: &[u8]| keys.audit_mac(prev, record);
    if let Err(err) = db.append_audit(&e, &mac).await {
        tracing::error!(%err, "could not write the audit record of a tampered row");
    }
}
