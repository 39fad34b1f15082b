//! tower-sessions records in the same database as everything else, so any portal replica can
//! serve any request. The table and the record format are the ones tower-sessions-sqlx-store
//! used before (`tower_sessions` in SQLite, `tower_sessions.session` in PostgreSQL; msgpack
//! records), so sessions survive the upgrade; the statements are ours, so they run on
//! [`Db`]'s pool, and a new session costs one statement, not a transaction of three or four.
//! The web layer never uses this store directly: [`super::SealedSessionStore`] seals every
//! record it passes here.

use async_trait::async_trait;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store;

use super::{Db, StoreError, inline, with_pool};

/// The session store over whichever database rekey uses.
#[derive(Clone, Debug)]
pub struct SessionStore {
    db: Db,
}

/// The statements, per database (the table's name differs).
struct Sql {
    insert: &'static str,
    upsert: &'static str,
    load: &'static str,
    delete: &'static str,
}

const SQLITE: Sql = Sql {
    insert: "INSERT INTO tower_sessions (id, data, expiry_date) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
    upsert: "INSERT INTO tower_sessions (id, data, expiry_date) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET data = excluded.data, expiry_date = excluded.expiry_date",
    load: "SELECT data FROM tower_sessions WHERE id = $1 AND expiry_date > $2",
    delete: "DELETE FROM tower_sessions WHERE id = $1",
};

const POSTGRES: Sql = Sql {
    insert: "INSERT INTO tower_sessions.session (id, data, expiry_date) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO NOTHING",
    upsert: "INSERT INTO tower_sessions.session (id, data, expiry_date) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET data = excluded.data, expiry_date = excluded.expiry_date",
    load: "SELECT data FROM tower_sessions.session WHERE id = $1 AND expiry_date > $2",
    delete: "DELETE FROM tower_sessions.session WHERE id = $1",
};

impl SessionStore {
    pub(super) fn new(db: &Db) -> SessionStore {
        SessionStore { db: db.clone() }
    }

    fn sql(&self) -> &'static Sql {
        match self.db {
            Db::Sqlite(_) => &SQLITE,
            Db::Postgres(_) => &POSTGRES,
        }
    }

    /// Creates the session table if it is missing (as tower-sessions-sqlx-store did).
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match &self.db {
            Db::Sqlite(pool) => {
                sqlx::query(
                    "CREATE TABLE IF NOT EXISTS tower_sessions \
                     (id TEXT PRIMARY KEY NOT NULL, data BLOB NOT NULL, expiry_date INTEGER NOT NULL)",
                )
                .execute(pool)
                .await?;
            }
            Db::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                // Replicas starting together may race to create the schema; whoever loses
                // finds it there.
                sqlx::query("SELECT pg_advisory_xact_lock(hashtext('tower_sessions'))").execute(&mut *tx).await?;
                sqlx::query("CREATE SCHEMA IF NOT EXISTS tower_sessions").execute(&mut *tx).await?;
                sqlx::query(
                    "CREATE TABLE IF NOT EXISTS tower_sessions.session \
                     (id TEXT PRIMARY KEY NOT NULL, data BYTEA NOT NULL, expiry_date TIMESTAMPTZ NOT NULL)",
                )
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
            }
        }
        Ok(())
    }

    /// Deletes sessions whose expiry has passed.
    pub async fn delete_expired(&self) -> Result<(), StoreError> {
        let sql = match self.db {
            Db::Sqlite(_) => "DELETE FROM tower_sessions WHERE expiry_date < $1",
            Db::Postgres(_) => "DELETE FROM tower_sessions.session WHERE expiry_date < $1",
        };
        with_pool!(&self.db, |pool| sqlx::query(sql)
            .bind(OffsetDateTime::now_utc())
            .execute(pool)
            .await?
            .rows_affected());
        Ok(())
    }

    /// Writes `record` with `sql` (an insert or an upsert); how many rows it wrote.
    async fn write(&self, sql: &str, record: &Record) -> session_store::Result<u64> {
        let data = rmp_serde::to_vec(record).map_err(|e| session_store::Error::Encode(e.to_string()))?;
        let id = record.id.to_string();
        // On this thread where it can (SQLite), the expiry as sqlx writes it.
        let here = record
            .expiry_date
            .format(&Rfc3339)
            .ok()
            .and_then(|expiry| self.db.write_here(|c| inline::execute(c, sql, &[&id, &data, &expiry])));
        if let Some(written) = here {
            return Ok(written);
        }
        let written = with_pool!(&self.db, |pool| sqlx::query(sql)
            .bind(&id)
            .bind(&data)
            .bind(record.expiry_date)
            .execute(pool)
            .await
            .map_err(backend)?
            .rows_affected());
        Ok(written)
    }
}

fn backend(error: sqlx::Error) -> session_store::Error {
    session_store::Error::Backend(StoreError::from(error).to_string())
}

#[async_trait]
impl session_store::SessionStore for SessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        while self.write(self.sql().insert, record).await? == 0 {
            record.id = Id::default();
        }
        Ok(())
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        self.write(self.sql().upsert, record).await.map(drop)
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let (sql, id) = (self.sql().load, id.to_string());
        let now = OffsetDateTime::now_utc();
        // On this thread where it can (SQLite): the same statement, `now` as sqlx writes it.
        let here = now
            .format(&Rfc3339)
            .ok()
            .and_then(|at| self.db.read_here(|c| inline::optional(c, sql, &[&id, &at], |row| row.get(0))));
        let data: Option<Vec<u8>> = match here {
            Some(data) => data,
            None => with_pool!(&self.db, |pool| sqlx::query_scalar(sql)
                .bind(&id)
                .bind(now)
                .fetch_optional(pool)
                .await
                .map_err(backend)?),
        };
        data.map(|data| rmp_serde::from_slice(&data).map_err(|e| session_store::Error::Decode(e.to_string())))
            .transpose()
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        let (sql, id) = (self.sql().delete, id.to_string());
        if self.db.write_here(|c| inline::execute(c, sql, &[&id])).is_some() {
            return Ok(());
        }
        with_pool!(&self.db, |pool| sqlx::query(sql).bind(&id).execute(pool).await.map_err(backend)?.rows_affected());
        Ok(())
    }
}
