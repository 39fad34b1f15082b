//! Storage: registered methods, attempts, one-time codes, audit events and sessions, in SQLite
//! (the default) or PostgreSQL (several portal replicas), through one [`Db`].
//!
//! Every query is written once: SQLite accepts PostgreSQL's `$n` placeholders through sqlx, so
//! the same SQL text runs on both pools (see [`with_pool`]). Times are unix seconds passed in by
//! the caller; the store never reads the clock. The store never sees a plaintext secret: methods
//! arrive sealed and codes hashed, and no error carries a value that was bound to a query.

mod agents;
mod api_tokens;
mod attempts;
mod audit;
mod audit_checkpoint;
mod codes;
mod exports;
mod failed_proofs;
mod helpdesk;
mod helpdesk_confirm;
mod inline;
mod limits;
mod methods;
mod pool;
mod protection;
mod reminders;
mod reports;
mod sealed_sessions;
mod sessions;

use std::path::PathBuf;
use std::str::FromStr as _;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, Postgres};
use sqlx::sqlite::{Sqlite, SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};

pub use agents::{AgentRow, JOB_DONE, JOB_EXPIRED, JOB_LEASED, JOB_QUEUED, JobRow};
pub use api_tokens::ApiTokenRow;
pub use attempts::{Attempt, WrongTry};
pub use audit::{AuditEvent, AuditRow, ChainCheck};
pub use audit_checkpoint::{CHECKPOINT_PREFIX, Checkpoint, CheckpointMac};
pub use codes::StoredCode;
pub use exports::{DELIVERY_DEAD, DELIVERY_DONE, DELIVERY_PENDING, Delivery, NewDelivery};
pub use helpdesk::{HelpdeskLink, HelpdeskRequest, HelpdeskVerification, RecentEvent};
pub use helpdesk_confirm::HelpdeskConfirmation;
pub use methods::StoredMethod;
pub use pool::{ConnPool, PooledConnection};
pub use protection::Block;
pub use reminders::CoverageDay;
pub use reports::{AuditFilter, DayCount, FoundEvent, MethodSummary};
pub use sealed_sessions::SealedSessionStore;
pub use sessions::SessionStore;

/// Runs `$body` once per backend with `$pool` bound to that backend's pool, so one SQL text and
/// one chain of binds serve both databases.
macro_rules! with_pool {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::store::Db::Sqlite($pool) => $body,
            $crate::store::Db::Postgres($pool) => $body,
        }
    };
}
use with_pool;

/// Runs one statement that answers no rows, with the values bound to `$1`, `$2`, … in order,
/// on whichever database this is; the number of rows it touched. On SQLite it runs on this
/// thread where it can ([`Db::write_here`]; values of a type rusqlite cannot bind as sqlx does do
/// not compile), through the pool otherwise. `execute!(on exec, db, …)` runs it on `exec` (a
/// transaction's connection, say) where it does not run on this thread.
macro_rules! execute {
    (on $exec:expr, $db:expr, $sql:expr $(, $value:expr)* $(,)?) => {{
        // In a block of its own: the bound values are not `Send` and must not live across an await.
        let here = {
            let values: &[&dyn rusqlite::ToSql] = &[$(&$value),*];
            $db.write_here(|c| $crate::store::inline::execute(c, $sql, values))
        };
        match here {
            Some(n) => n,
            None => sqlx::query($sql)$(.bind($value))*.execute($exec).await?.rows_affected(),
        }
    }};
    ($db:expr, $sql:expr $(, $value:expr)* $(,)?) => {
        $crate::store::with_pool!($db, |pool| $crate::store::execute!(on pool, $db, $sql $(, $value)*))
    };
}
use execute;

/// [`execute!`] always through the pool: for housekeeping that may touch many rows at once,
/// which must not hold up a thread of the async runtime the way one keyed statement may.
macro_rules! execute_pooled {
    ($db:expr, $sql:expr $(, $value:expr)* $(,)?) => {
        $crate::store::with_pool!($db, |pool| sqlx::query($sql)$(.bind($value))*.execute(pool).await?.rows_affected())
    };
}
use execute_pooled;

/// A row and the MAC stored beside it, unchecked (callers check it: `flow::rows`).
#[derive(sqlx::FromRow)]
struct WithMac<T> {
    #[sqlx(flatten)]
    row: T,
    mac: Option<Vec<u8>>,
}

impl<T> WithMac<T> {
    fn into_pair(self) -> (T, Option<Vec<u8>>) {
        (self.row, self.mac)
    }
}

/// What went wrong talking to the database. Never contains a bound value or a secret.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported database URL: expected sqlite:… or postgres://…")]
    UnsupportedUrl,
    #[error("cannot create the database folder {path}: {source}")]
    CreateDir { path: PathBuf, source: std::io::Error },
    #[error("database: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("session store: {0}")]
    Session(#[from] tower_sessions::session_store::Error),
}

/// A connection pool to the one database rekey keeps everything in.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(ConnPool<Sqlite>),
    Postgres(ConnPool<Postgres>),
}

impl Db {
    /// Connects to `sqlite:…` (file and folders created if missing) or `postgres://…`, then
    /// applies migrations.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Db, StoreError> {
        Ok(Db::connect_upgrading(url, max_connections).await?.0)
    }

    /// Like [`Db::connect`], and says whether this call is the one that added the row MACs
    /// (migration 0008): only then are methods stored before them bound (`flow::rows`), so a
    /// row written without a MAC later is never bound by a restart.
    pub async fn connect_upgrading(url: &str, max_connections: u32) -> Result<(Db, bool), StoreError> {
        let db = if url.starts_with("sqlite:") {
            Db::Sqlite(connect_sqlite(url, max_connections).await?)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Db::Postgres(ConnPool::connect(PgConnectOptions::from_str(url)?, max_connections).await?)
        } else {
            return Err(StoreError::UnsupportedUrl);
        };
        const ROW_MACS: &str = "SELECT version FROM _sqlx_migrations WHERE version = 8 AND success";
        let had_row_macs: Option<i64> =
            with_pool!(&db, |pool| sqlx::query_scalar(ROW_MACS).fetch_optional(pool).await.ok().flatten());
        db.migrate().await?;
        Ok((db, had_row_macs.is_none()))
    }

    /// Applies our migrations and the session table; applying them again changes nothing.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self {
            Db::Sqlite(pool) => sqlx::migrate!("migrations/sqlite").run(&mut *pool.acquire().await?).await?,
            Db::Postgres(pool) => sqlx::migrate!("migrations/postgres").run(&mut *pool.acquire().await?).await?,
        }
        self.session_store().migrate().await
    }

    /// The tower-sessions store over this same database.
    pub fn session_store(&self) -> SessionStore {
        SessionStore::new(self)
    }

    /// Checks the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        // Through the pool, which is what it checks.
        with_pool!(self, |pool| sqlx::query("SELECT 1").execute(pool).await?.rows_affected());
        Ok(())
    }

    /// SQLite: runs `read` on this thread (see [`inline::Inline::run`]). `None` for
    /// PostgreSQL, and when it did not run here: the caller then runs it through the pool. The
    /// statement's text and values are the pool's (`$n` takes the n-th value, as with sqlx).
    fn read_here<T>(&self, read: impl FnOnce(&rusqlite::Connection) -> rusqlite::Result<T>) -> Option<T> {
        match self {
            Db::Sqlite(pool) => pool.inline()?.run(inline::Access::Read, read),
            Db::Postgres(_) => None,
        }
    }

    /// [`Db::read_here`] for one statement that writes and answers nothing (a failed one changed
    /// nothing, so the pool may run it again).
    fn write_here<T>(&self, write: impl FnOnce(&rusqlite::Connection) -> rusqlite::Result<T>) -> Option<T> {
        match self {
            Db::Sqlite(pool) => pool.inline()?.run(inline::Access::Write, write),
            Db::Postgres(_) => None,
        }
    }

    /// SQLite: runs `run`, a statement that writes and answers (`RETURNING`), on this thread
    /// (see [`inline::Inline::run_once`]). `Ok(None)` for PostgreSQL, and when it did not begin
    /// here: the caller then runs it through the pool.
    fn run_once_here<T>(
        &self,
        run: impl FnOnce(&rusqlite::Connection) -> rusqlite::Result<T>,
    ) -> Result<Option<T>, StoreError> {
        match self {
            Db::Sqlite(pool) => match pool.inline() {
                Some(inline) => Ok(inline.run_once(run)?),
                None => Ok(None),
            },
            Db::Postgres(_) => Ok(None),
        }
    }

    /// SQLite: copies the write-ahead log back into the database file as far as no reader
    /// needs it (a passive checkpoint: it waits for nobody), and once the log holds
    /// [`WAL_FRAMES_BEFORE_RESTART`] frames, makes sure the next write starts it over.
    /// PostgreSQL: nothing to do.
    ///
    /// SQLite starts the log over only when a write begins with nothing in it left to copy
    /// back and no reader in it. Writes on the caller's thread come without a pause under
    /// load, so that moment never came: the log grew by every write (over a gigabyte in a few
    /// minutes of the bench) and a start after a crash read all of it back. A restarting
    /// checkpoint makes the moment: it holds writes off while it copies the last frames back
    /// and waits, for at most [`inline::RESTART_WAIT`], for the readers still in the log.
    pub async fn checkpoint(&self) -> Result<(), StoreError> {
        let Db::Sqlite(pool) = self else { return Ok(()) };
        let (_, frames, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)").fetch_one(pool).await?;
        if frames < WAL_FRAMES_BEFORE_RESTART {
            return Ok(());
        }
        let Some(inline) = pool.inline().cloned() else { return Ok(()) };
        match tokio::task::spawn_blocking(move || inline.restart_log()).await {
            Ok(Ok(true)) => Ok(()),
            Ok(Ok(false)) => {
                tracing::debug!(
                    frames,
                    "the write-ahead log could not be started over yet; the next checkpoint tries again"
                );
                Ok(())
            }
            Ok(Err(err)) => Err(err.into()),
            // The blocking thread panicked (or the runtime is shutting down).
            Err(_) => Err(StoreError::Sqlx(sqlx::Error::WorkerCrashed)),
        }
    }
}

async fn connect_sqlite(url: &str, max_connections: u32) -> Result<ConnPool<Sqlite>, StoreError> {
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(Duration::from_secs(5))
        .foreign_keys(true)
        // Deleted rows (sealed job boxes, codes, sessions) are overwritten, not left in free
        // pages of the file; the sweep truncates the write-ahead log after them.
        .pragma("secure_delete", "ON")
        // `rekey serve` checkpoints the write-ahead log in the background once a second
        // (`Db::checkpoint`), so no request pays for copying it back and its `fsync`; a commit
        // still does it when the log passes this many pages (~40 MB), should that stop.
        .pragma("wal_autocheckpoint", WAL_PAGES_BEFORE_CHECKPOINT.to_string())
        .pragma("journal_size_limit", WAL_SIZE_LIMIT.to_string());
    if let Some(dir) = options.get_filename().parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir { path: dir.to_path_buf(), source })?;
    }
    let inline = inline::Inline::new(options.get_filename());
    Ok(ConnPool::connect(options, max_connections).await?.with_inline(inline))
}

/// See `wal_autocheckpoint` in [`connect_sqlite`].
const WAL_PAGES_BEFORE_CHECKPOINT: u32 = 10_000;

/// The size the write-ahead log file is cut back to when SQLite starts it over
/// (`journal_size_limit`, on every connection).
pub const WAL_SIZE_LIMIT: u64 = 64 * 1024 * 1024;

/// Frames (pages) in the write-ahead log from which [`Db::checkpoint`] has it started over:
/// about 4 MB, SQLite's own default for a checkpoint.
const WAL_FRAMES_BEFORE_RESTART: i64 = 1_000;
