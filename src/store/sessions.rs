//! tower-sessions records in the same database as everything else, so any portal replica can
//! serve any request. Delegates to tower-sessions-sqlx-store, which owns its table
//! (`tower_sessions` in SQLite, `tower_sessions.session` in PostgreSQL). The web layer never
//! uses this store directly: [`super::SealedSessionStore`] seals every record it passes here.

use async_trait::async_trait;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion as _};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

use super::{Db, StoreError};

/// The session store over whichever database rekey uses.
#[derive(Clone, Debug)]
pub enum SessionStore {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl SessionStore {
    pub(super) fn new(db: &Db) -> SessionStore {
        match db {
            Db::Sqlite(pool) => SessionStore::Sqlite(SqliteStore::new(pool.clone())),
            Db::Postgres(pool) => SessionStore::Postgres(PostgresStore::new(pool.clone())),
        }
    }

    /// Creates the session table if it is missing.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self {
            SessionStore::Sqlite(s) => s.migrate().await?,
            SessionStore::Postgres(s) => s.migrate().await?,
        }
        Ok(())
    }

    /// Deletes sessions whose expiry has passed (by the database's clock).
    pub async fn delete_expired(&self) -> Result<(), StoreError> {
        match self {
            SessionStore::Sqlite(s) => s.delete_expired().await?,
            SessionStore::Postgres(s) => s.delete_expired().await?,
        }
        Ok(())
    }
}

#[async_trait]
impl session_store::SessionStore for SessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            SessionStore::Sqlite(s) => s.create(record).await,
            SessionStore::Postgres(s) => s.create(record).await,
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            SessionStore::Sqlite(s) => s.save(record).await,
            SessionStore::Postgres(s) => s.save(record).await,
        }
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            SessionStore::Sqlite(s) => s.load(id).await,
            SessionStore::Postgres(s) => s.load(id).await,
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            SessionStore::Sqlite(s) => s.delete(id).await,
            SessionStore::Postgres(s) => s.delete(id).await,
        }
    }
}
