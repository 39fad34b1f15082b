//! The audit trail: append-only, each record chained to the one before by a keyed hash.
//!
//! `hash = HMAC(audit key, prev_hash || canonical JSON of the record's fields)`, with the key
//! derived from the master key. Changing, deleting or inserting a row breaks the chain from
//! that row on, and without the master key nobody can forge a new chain; `rekey audit verify`
//! walks it and names the first row that does not fit. Appends are serialised (a PostgreSQL
//! advisory lock across replicas, a process lock for SQLite) so the chain never forks.

use super::{Checkpoint, Db, StoreError, execute, with_pool};
use crate::clock::UnixTime;

/// One thing that happened, for administrators. Never a password or a code.
#[derive(Debug, Clone, PartialEq, Eq, Default, sqlx::FromRow, serde::Serialize)]
pub struct AuditEvent {
    pub at: UnixTime,
    pub event: String,
    pub flow: Option<String>,
    pub user_id: Option<String>,
    pub login: Option<String>,
    pub outcome: String,
    pub reason: Option<String>,
    pub method: Option<String>,
    pub source_ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
}

impl AuditEvent {
    /// The bytes the chain hash covers: the fields in a fixed order, as a JSON array.
    pub fn canonical(&self) -> Vec<u8> {
        serde_json::to_vec(&(
            self.at,
            &self.event,
            &self.flow,
            &self.user_id,
            &self.login,
            &self.outcome,
            &self.reason,
            &self.method,
            &self.source_ip,
            &self.user_agent,
            &self.request_id,
        ))
        .unwrap_or_default()
    }
}

/// A stored record with its place in the chain.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    #[sqlx(flatten)]
    pub event: AuditEvent,
    pub prev_hash: Option<Vec<u8>>,
    pub hash: Option<Vec<u8>>,
}

/// The chain's MAC: `mac(prev_hash, canonical bytes)`.
pub type ChainMac<'a> = &'a (dyn Fn(&[u8], &[u8]) -> Vec<u8> + Send + Sync);

/// What `verify_audit` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainCheck {
    /// Every record fits. `unchained` counts records written before the chain began.
    Intact { records: u64, unchained: u64 },
    /// The first record that does not fit, and why.
    Broken { id: i64, why: &'static str },
    /// Every record fits, but the trail ends before the checkpoint's newest record: records
    /// were removed from its end. `last` is the newest record left, `records` how many there are.
    Truncated { checkpoint: Checkpoint, last: Option<i64>, records: u64 },
}

const COLUMNS: &str =
    "id, at, event, flow, user_id, login, outcome, reason, method, source_ip, user_agent, request_id, prev_hash, hash";
const LAST_HASH: &str = "SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1";

/// The record inserted only while the chain's head is still `$14` (NULL: no chained record
/// yet): the head a writer remembers saves reading it before each append, and a record another
/// writer appended in between makes this insert nothing, so the chain never forks.
const INSERT_AFTER: &str = "INSERT INTO audit_events (at, event, flow, user_id, login, outcome, reason, method, source_ip, user_agent, request_id, prev_hash, hash) \
                            SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 \
                            WHERE (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1) IS NOT DISTINCT FROM $14";

/// How often an append reads the head again when another writer keeps moving it.
const APPEND_TRIES: usize = 5;

/// The chain's head as this process last wrote it, per database (absent: read it first).
type Heads = std::collections::HashMap<String, Option<Vec<u8>>>;

/// Serialises SQLite appends within this process (one process owns a SQLite file; a second
/// one, such as `rekey remind`, is caught by the head check of [`INSERT_AFTER`]).
static SQLITE_APPEND: tokio::sync::Mutex<Option<Heads>> = tokio::sync::Mutex::const_new(None);

/// The same for PostgreSQL within this process; replicas are serialised by the advisory lock.
static PG_APPEND: tokio::sync::Mutex<Option<Heads>> = tokio::sync::Mutex::const_new(None);

/// Any number that identifies our advisory lock.
const PG_AUDIT_LOCK: i64 = 0x7265_6b65_7961;

impl Db {
    /// Appends one event, chained to the last: one statement on SQLite while this process is
    /// the only writer (the head it remembers is checked by the insert itself), and on
    /// PostgreSQL one transaction under the advisory lock that replicas share.
    pub async fn append_audit(&self, e: &AuditEvent, mac: ChainMac<'_>) -> Result<(), StoreError> {
        let canonical = e.canonical();
        let key = self.chain_key();
        macro_rules! append {
            ($heads:expr, $exec:expr) => {{
                let heads = $heads.get_or_insert_with(Heads::new);
                for _ in 0..APPEND_TRIES {
                    let expected = match heads.get(&key) {
                        Some(head) => head.clone(),
                        None => {
                            let head: Option<(Option<Vec<u8>>,)> =
                                sqlx::query_as(LAST_HASH).fetch_optional($exec).await?;
                            head.and_then(|(h,)| h)
                        }
                    };
                    let prev = expected.clone().unwrap_or_default();
                    let hash = mac(&prev, &canonical);
                    // On SQLite on this thread where it can; on PostgreSQL always in the
                    // transaction below.
                    let inserted = execute!(
                        on $exec,
                        self,
                        INSERT_AFTER,
                        e.at,
                        &e.event,
                        &e.flow,
                        &e.user_id,
                        &e.login,
                        &e.outcome,
                        &e.reason,
                        &e.method,
                        &e.source_ip,
                        &e.user_agent,
                        &e.request_id,
                        &prev,
                        &hash,
                        &expected,
                    );
                    if inserted == 1 {
                        heads.insert(key.clone(), Some(hash));
                        break;
                    }
                    // Another writer appended since: read the head again.
                    heads.remove(&key);
                }
                heads.contains_key(&key)
            }};
        }
        let appended = match self {
            Db::Sqlite(pool) => {
                let mut heads = SQLITE_APPEND.lock().await;
                append!(heads, pool)
            }
            Db::Postgres(pool) => {
                let mut heads = PG_APPEND.lock().await;
                let mut tx = pool.begin().await?;
                sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(PG_AUDIT_LOCK).execute(&mut *tx).await?;
                let appended = append!(heads, &mut *tx);
                tx.commit().await?;
                appended
            }
        };
        if appended {
            Ok(())
        } else {
            Err(StoreError::Sqlx(sqlx::Error::Protocol(
                "the audit trail's head kept moving; the record was not appended".into(),
            )))
        }
    }

    /// Which database a remembered chain head belongs to.
    fn chain_key(&self) -> String {
        match self {
            Db::Sqlite(pool) => format!("sqlite:{}", pool.connect_options().get_filename().display()),
            Db::Postgres(pool) => {
                let o = pool.connect_options();
                format!("postgres:{}:{}/{}", o.get_host(), o.get_port(), o.get_database().unwrap_or_default())
            }
        }
    }

    /// The latest `limit` events, newest first.
    pub async fn recent_audit(&self, limit: i64) -> Result<Vec<AuditEvent>, StoreError> {
        const SQL: &str = "SELECT at, event, flow, user_id, login, outcome, reason, method, source_ip, user_agent, request_id \
                           FROM audit_events ORDER BY id DESC LIMIT $1";
        Ok(with_pool!(self, |pool| sqlx::query_as(SQL).bind(limit).fetch_all(pool).await?))
    }

    /// Records with an id above `after`, oldest first, at most `limit`.
    pub async fn audit_page(&self, after: i64, limit: i64) -> Result<Vec<AuditRow>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM audit_events WHERE id > $1 ORDER BY id LIMIT $2");
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql).bind(after).bind(limit).fetch_all(pool).await?))
    }

    /// Walks the whole chain, a page at a time.
    pub async fn verify_audit(&self, mac: ChainMac<'_>) -> Result<ChainCheck, StoreError> {
        self.verify_audit_against(mac, None).await
    }

    /// Walks the whole chain and, given a checkpoint kept outside the database, also checks
    /// that nothing it counted was removed from the end and that no record it covers lost its
    /// hash (which would pass it off as written before the chain began).
    pub async fn verify_audit_against(
        &self,
        mac: ChainMac<'_>,
        checkpoint: Option<&Checkpoint>,
    ) -> Result<ChainCheck, StoreError> {
        let mut after = 0;
        let mut records = 0u64;
        let mut unchained = 0u64;
        let mut prev: Option<Vec<u8>> = None;
        let mut head_seen = false;
        loop {
            let page = self.audit_page(after, 1000).await?;
            let Some(last) = page.last() else { break };
            after = last.id;
            for row in page {
                records += 1;
                let pinned = checkpoint.is_some_and(|c| row.id >= c.first);
                let (Some(stored_prev), Some(hash)) = (&row.prev_hash, &row.hash) else {
                    if prev.is_none() && !pinned {
                        unchained += 1; // written before the chain began
                        continue;
                    }
                    return Ok(ChainCheck::Broken {
                        id: row.id,
                        why: "the record's chain hash was removed (it was written after the chain began)",
                    });
                };
                if prev.is_none() && !stored_prev.is_empty() {
                    return Ok(ChainCheck::Broken { id: row.id, why: "the records before this one were removed" });
                }
                if let Some(expected_prev) = &prev
                    && stored_prev != expected_prev
                {
                    return Ok(ChainCheck::Broken {
                        id: row.id,
                        why: "the record does not follow the one before it (a record was removed or inserted)",
                    });
                }
                let expected = mac(stored_prev, &row.event.canonical());
                if !crate::crypto::constant_time_eq(&expected, hash) {
                    return Ok(ChainCheck::Broken {
                        id: row.id,
                        why: "the record's contents do not match its hash (altered)",
                    });
                }
                if let Some(c) = checkpoint.filter(|c| c.head == row.id) {
                    if !crate::crypto::constant_time_eq(&c.hash, hash) {
                        return Ok(ChainCheck::Broken {
                            id: row.id,
                            why: "the record is not the one the checkpoint names (the trail was rewritten)",
                        });
                    }
                    head_seen = true;
                }
                prev = Some(hash.clone());
            }
        }
        match checkpoint {
            Some(c) if !head_seen => {
                let last = if after == 0 { None } else { Some(after) };
                Ok(ChainCheck::Truncated { checkpoint: c.clone(), last, records })
            }
            _ => Ok(ChainCheck::Intact { records, unchained }),
        }
    }
}
