//! Sessions the database cannot read, forge or move.
//!
//! A session's data says which account an attempt is for, which methods passed, and who is a
//! signed-in admin; it also holds directory addresses and phone numbers. Stored as plain
//! msgpack, anyone who can write the session table could mark an attempt verified for any
//! account or make themselves an admin, and anyone who can read it could read those addresses
//! and take over live sessions by their id. So, around tower-sessions' own store:
//!
//! - the whole data map is sealed (XChaCha20-Poly1305, a session key derived from the master
//!   key) with the session's id and expiry as associated data, so an edited record, one copied
//!   from another session or one written without the master key does not open;
//! - the row is stored under a keyed hash of the session id, never the id itself, so the
//!   session table does not hand out working session cookies.
//!
//! A record that does not open loads as no session at all, is deleted, and is reported as
//! tampering (`crate::tamper`). Sessions written by an earlier version are not sealed: migration
//! 0008 removes them, so people signed in at the upgrade start over.

use async_trait::async_trait;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore as _};

use super::{Db, SessionStore};
use crate::clock::Clock;
use crate::crypto::Keys;
use crate::tamper::{self, Tampered};

/// The one key a stored record's data has: the sealed data map, base64.
const SEALED: &str = "rekey.sealed";

/// The session store the web layer uses: tower-sessions' SQL store, sealed.
#[derive(Clone)]
pub struct SealedSessionStore {
    inner: SessionStore,
    db: Db,
    keys: Keys,
    clock: Clock,
}

impl std::fmt::Debug for SealedSessionStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealedSessionStore { .. }")
    }
}

impl SealedSessionStore {
    pub fn new(db: &Db, keys: Keys, clock: Clock) -> SealedSessionStore {
        SealedSessionStore { inner: db.session_store(), db: db.clone(), keys, clock }
    }

    /// The id a session's row is stored under: a keyed hash of the real id.
    fn row_id(&self, id: &Id) -> Id {
        let mac = self.keys.row_mac("session id", &[Some(&id.0.to_le_bytes())]);
        let mut half = [0u8; 16];
        half.copy_from_slice(&mac[..16]);
        Id(i128::from_le_bytes(half))
    }

    fn aad(id: &Id, expiry: OffsetDateTime) -> Vec<u8> {
        format!("session\0{}\0{}", id.0, expiry.unix_timestamp()).into_bytes()
    }

    /// The record as stored: under its row id, its data sealed to its id and expiry.
    fn seal(&self, record: &Record) -> session_store::Result<Record> {
        let plain = zeroize::Zeroizing::new(
            serde_json::to_vec(&record.data).map_err(|e| session_store::Error::Encode(e.to_string()))?,
        );
        let sealed = self.keys.seal_session(&plain, &Self::aad(&record.id, record.expiry_date));
        let mut data = std::collections::HashMap::new();
        data.insert(SEALED.into(), serde_json::Value::String(STANDARD.encode(sealed)));
        Ok(Record { id: self.row_id(&record.id), data, expiry_date: record.expiry_date })
    }

    /// The record a stored one seals, if it opens for session `id`.
    fn open(&self, id: &Id, stored: &Record) -> Option<Record> {
        let [(key, serde_json::Value::String(sealed))] = stored.data.iter().collect::<Vec<_>>()[..] else {
            return None;
        };
        if key != SEALED {
            return None;
        }
        let sealed = STANDARD.decode(sealed).ok()?;
        let plain = self.keys.open_session(&sealed, &Self::aad(id, stored.expiry_date)).ok()?;
        let data = serde_json::from_slice(&plain).ok()?;
        Some(Record { id: *id, data, expiry_date: stored.expiry_date })
    }

    async fn tampered(&self, row: &Id) {
        tamper::report(
            &self.db,
            &self.keys,
            self.clock.now(),
            None,
            Tampered { table: "sessions", ..Default::default() },
        )
        .await;
        if let Err(err) = self.inner.delete(row).await {
            tracing::warn!(%err, "could not delete a session row that failed its check");
        }
    }
}

#[async_trait]
impl session_store::SessionStore for SealedSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        loop {
            let mut stored = self.seal(record)?;
            let row = stored.id;
            self.inner.create(&mut stored).await?;
            if stored.id == row {
                return Ok(());
            }
            // Another session's row has this row id already (the inner store wrote ours under
            // an id of its own): undo that and start over with a new session id.
            self.inner.delete(&stored.id).await?;
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        self.inner.save(&self.seal(record)?).await
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let row = self.row_id(id);
        let stored = match self.inner.load(&row).await {
            Ok(Some(stored)) => stored,
            Ok(None) => return Ok(None),
            Err(session_store::Error::Decode(_)) => {
                self.tampered(&row).await;
                return Ok(None);
            }
            Err(err) => return Err(err),
        };
        match self.open(id, &stored) {
            // The sealed expiry is the one that counts, whatever the row's column says.
            Some(record) if record.expiry_date > OffsetDateTime::now_utc() => Ok(Some(record)),
            Some(_) => Ok(None),
            None => {
                self.tampered(&row).await;
                Ok(None)
            }
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.inner.delete(&self.row_id(id)).await
    }
}
