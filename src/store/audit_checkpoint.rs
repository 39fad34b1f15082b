//! Checkpoints of the audit trail: where the chain stood at a moment, MACed with a key derived
//! from the master key, written as one line outside the database (the log, a file).
//!
//! The chain alone shows a record altered, inserted or removed in the middle, but not records
//! removed from its end, nor a whole trail whose hashes were all set to NULL so that it looks
//! written before the chain began. A checkpoint kept elsewhere shows both: the trail must
//! still hold its head record with the same hash, and every record from its first chained one
//! on must carry a hash.
//!
//! A line reads `rekey-audit-checkpoint v1 at=… first=… head=… records=… hash=… mac=…` and may
//! sit inside any log line (plain or JSON): verification finds it by its prefix.

use super::{Db, StoreError, with_pool};
use crate::clock::UnixTime;

/// The word that starts every checkpoint.
pub const CHECKPOINT_PREFIX: &str = "rekey-audit-checkpoint";

/// Where the chain stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    /// When it was taken (unix seconds).
    pub at: UnixTime,
    /// The id of the first record that carries a chain hash.
    pub first: i64,
    /// The id of the newest record.
    pub head: i64,
    /// How many records there were from `first` to `head`.
    pub records: u64,
    /// The newest record's chain hash.
    pub hash: Vec<u8>,
}

/// The checkpoint MAC: `mac(body)`.
pub type CheckpointMac<'a> = &'a (dyn Fn(&[u8]) -> Vec<u8> + Send + Sync);

impl Checkpoint {
    fn body(&self) -> String {
        format!(
            "v1 at={} first={} head={} records={} hash={}",
            self.at,
            self.first,
            self.head,
            self.records,
            hex::encode(&self.hash)
        )
    }

    /// The line to write out.
    pub fn to_line(&self, mac: CheckpointMac<'_>) -> String {
        let body = self.body();
        format!("{CHECKPOINT_PREFIX} {body} mac={}", hex::encode(mac(body.as_bytes())))
    }

    /// Every checkpoint in `text` (a checkpoint file or a log), oldest first as they appear,
    /// and how many checkpoint-looking lines did not carry a valid MAC.
    pub fn find_all(text: &str, mac: CheckpointMac<'_>) -> (Vec<Checkpoint>, usize) {
        let mut found = vec![];
        let mut bad = 0;
        for line in text.lines() {
            let Some(at) = line.find(CHECKPOINT_PREFIX) else { continue };
            match Self::parse(&line[at + CHECKPOINT_PREFIX.len()..], mac) {
                Some(c) => found.push(c),
                None => bad += 1,
            }
        }
        (found, bad)
    }

    /// The newest valid checkpoint in `text` (the one counting the most records).
    pub fn latest(text: &str, mac: CheckpointMac<'_>) -> (Option<Checkpoint>, usize) {
        let (all, bad) = Self::find_all(text, mac);
        (all.into_iter().max_by_key(|c| (c.head, c.at)), bad)
    }

    fn parse(rest: &str, mac: CheckpointMac<'_>) -> Option<Checkpoint> {
        let mut words = rest.split_whitespace();
        if words.next()? != "v1" {
            return None;
        }
        let mut field = |name: &str| -> Option<String> {
            let word = words.next()?;
            let value = word.strip_prefix(name)?.strip_prefix('=')?;
            // Whatever a log format puts after the value (a quote, a brace) is not part of it.
            let value: String = value.chars().take_while(char::is_ascii_alphanumeric).collect();
            (!value.is_empty()).then_some(value)
        };
        let at = field("at")?.parse().ok()?;
        let first = field("first")?.parse().ok()?;
        let head = field("head")?.parse().ok()?;
        let records = field("records")?.parse().ok()?;
        let hash = hex::decode(field("hash")?).ok()?;
        let tag = hex::decode(field("mac")?).ok()?;
        let c = Checkpoint { at, first, head, records, hash };
        crate::crypto::constant_time_eq(&mac(c.body().as_bytes()), &tag).then_some(c)
    }
}

impl Db {
    /// Where the chain stands now; `None` while no record carries a hash.
    pub async fn audit_checkpoint(&self, at: UnixTime) -> Result<Option<Checkpoint>, StoreError> {
        const HEAD: &str = "SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1";
        const SPAN: &str = "SELECT MIN(id), COUNT(*) FROM audit_events WHERE id >= (SELECT MIN(id) FROM audit_events WHERE hash IS NOT NULL) AND id <= $1";
        let head: Option<(i64, Option<Vec<u8>>)> =
            with_pool!(self, |pool| sqlx::query_as(HEAD).fetch_optional(pool).await?);
        let Some((head, Some(hash))) = head else { return Ok(None) };
        let (first, records): (Option<i64>, i64) =
            with_pool!(self, |pool| sqlx::query_as(SPAN).bind(head).fetch_one(pool).await?);
        let Some(first) = first else { return Ok(None) };
        Ok(Some(Checkpoint { at, first, head, records: u64::try_from(records).unwrap_or(0), hash }))
    }
}
