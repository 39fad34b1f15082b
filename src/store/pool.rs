//! The connection pool under [`super::Db`]: deadpool holding sqlx connections, so a statement
//! costs one trip to the database and no more.
//!
//! sqlx's own pool pings every connection on its way back (`PoolConnection::return_to_pool`,
//! in a task of its own): for SQLite a second hop to the connection's worker thread, for
//! PostgreSQL a second round trip to the server, after every statement. Here a connection goes
//! back as it is. What that ping was for is kept another way: a statement that fails with an
//! I/O or protocol error takes its connection out of the pool, so the next one is new; a
//! connection idle for [`TEST_AFTER_IDLE`] is pinged before it is handed out (the server may
//! have restarted or a firewall cut it); and whatever a dropped transaction or a cancelled
//! statement left behind, sqlx's connection settles before its next statement (the rollback
//! is queued on the connection, unread answers are read and discarded).

use std::sync::Arc;
use std::time::Duration;

use deadpool::managed::{self, Metrics, Object, PoolError, RecycleResult};
use either::Either;
use futures_util::future::BoxFuture;
use futures_util::stream::{self, BoxStream, StreamExt as _};
use sqlx::{ConnectOptions, Connection, Database, Describe, Error, Execute, Executor, TransactionManager as _};

use super::inline::Inline;

/// How long a connection may sit idle before it is tested again on its way out of the pool. A
/// busy pool hands out connections used a moment ago, so the hot path pays nothing for the
/// test; one left idle is pinged first and replaced if it does not answer.
const TEST_AFTER_IDLE: Duration = Duration::from_secs(5);

/// How long a statement waits for a free connection, or for a new one to open.
const WAIT: Duration = Duration::from_secs(10);

/// Opens connections with the options parsed from `database.url`, and tests idle ones.
pub struct Manager<DB: Database> {
    options: <DB::Connection as Connection>::Options,
}

impl<DB: Database> managed::Manager for Manager<DB> {
    type Type = DB::Connection;
    type Error = Error;

    async fn create(&self) -> Result<DB::Connection, Error> {
        self.options.connect().await
    }

    async fn recycle(&self, conn: &mut DB::Connection, metrics: &Metrics) -> RecycleResult<Error> {
        if metrics.last_used() >= TEST_AFTER_IDLE {
            conn.ping().await?;
        }
        Ok(())
    }
}

/// A pool of connections to one database. Cloning it clones a handle to the same pool. A
/// `&ConnPool` runs statements like sqlx's `&Pool` does (`query(…).execute(&pool)`).
pub struct ConnPool<DB: Database> {
    pool: managed::Pool<Manager<DB>>,
    /// SQLite: statements on the caller's thread (see [`super::inline`]).
    inline: Option<Arc<Inline>>,
}

impl<DB: Database> Clone for ConnPool<DB> {
    fn clone(&self) -> Self {
        ConnPool { pool: self.pool.clone(), inline: self.inline.clone() }
    }
}

impl<DB: Database> std::fmt::Debug for ConnPool<DB> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnPool").field("status", &self.pool.status()).finish()
    }
}

/// A connection out of the pool; it goes back when dropped.
pub type PooledConnection<DB> = Object<Manager<DB>>;

impl<DB: Database> ConnPool<DB> {
    /// A pool of at most `max_connections`, with one connection opened now, so a wrong URL, a
    /// missing server or a file that cannot be created is reported at start-up.
    pub async fn connect(
        options: <DB::Connection as Connection>::Options,
        max_connections: u32,
    ) -> Result<Self, Error> {
        let pool = managed::Pool::builder(Manager { options })
            .max_size(max_connections.max(1) as usize)
            .wait_timeout(Some(WAIT))
            .create_timeout(Some(WAIT))
            .runtime(deadpool::Runtime::Tokio1)
            .build()
            .map_err(|e| Error::Configuration(e.to_string().into()))?;
        let pool = ConnPool { pool, inline: None };
        drop(pool.acquire().await?);
        Ok(pool)
    }

    /// The same pool, running what it can on the caller's thread through `inline`.
    pub(super) fn with_inline(self, inline: Option<Inline>) -> Self {
        ConnPool { inline: inline.map(Arc::new), ..self }
    }

    /// Statements on the caller's thread, if this pool has them.
    pub(super) fn inline(&self) -> Option<&Arc<Inline>> {
        self.inline.as_ref()
    }

    /// The options every connection is opened with.
    pub fn connect_options(&self) -> &<DB::Connection as Connection>::Options {
        &self.pool.manager().options
    }

    /// A connection of its own, for a transaction (`conn.begin()`) or several statements in a
    /// row.
    pub async fn acquire(&self) -> Result<PooledConnection<DB>, Error> {
        self.pool.get().await.map_err(|e| match e {
            PoolError::Backend(e) => e,
            PoolError::Timeout(_) => Error::PoolTimedOut,
            PoolError::Closed => Error::PoolClosed,
            other => Error::Configuration(other.to_string().into()),
        })
    }

    /// Closes the pool: connections are dropped as they come back, and no statement gets a new
    /// one.
    pub fn close(&self) {
        self.pool.close();
    }

    /// Begins a transaction on a connection of its own: statements run on `&mut *tx`, and it
    /// is rolled back unless [`Tx::commit`] is called (as with sqlx's `Pool::begin`).
    pub async fn begin(&self) -> Result<Tx<DB>, Error> {
        let mut conn = self.acquire().await?;
        match DB::TransactionManager::begin(&mut conn, None).await {
            Ok(()) => Ok(Tx { conn, open: true }),
            Err(error) => {
                give_back(conn, Some(&error));
                Err(error)
            }
        }
    }
}

/// A transaction holding its connection; dropped uncommitted, it is rolled back before the
/// connection's next statement. (A connection that breaks during the commit goes back to the
/// pool; the next statement on it fails and drops it.)
pub struct Tx<DB: Database> {
    conn: PooledConnection<DB>,
    open: bool,
}

impl<DB: Database> Tx<DB> {
    /// Commits, and gives the connection back.
    pub async fn commit(mut self) -> Result<(), Error> {
        DB::TransactionManager::commit(&mut self.conn).await?;
        self.open = false;
        Ok(())
    }
}

impl<DB: Database> std::ops::Deref for Tx<DB> {
    type Target = DB::Connection;
    fn deref(&self) -> &DB::Connection {
        &self.conn
    }
}

impl<DB: Database> std::ops::DerefMut for Tx<DB> {
    fn deref_mut(&mut self) -> &mut DB::Connection {
        &mut self.conn
    }
}

impl<DB: Database> Drop for Tx<DB> {
    fn drop(&mut self) {
        if self.open {
            DB::TransactionManager::start_rollback(&mut self.conn);
        }
    }
}

/// Whether an error means the connection itself is broken, not the statement: the socket or
/// the worker failed, or PostgreSQL said it is closing the session (SQLSTATE classes 08,
/// connection exception, and 57, operator intervention: a restart or `pg_terminate_backend`).
fn breaks_connection(error: &Error) -> bool {
    match error {
        Error::Io(_) | Error::Tls(_) | Error::Protocol(_) | Error::WorkerCrashed => true,
        Error::Database(e) => e.code().is_some_and(|code| code.starts_with("08") || code.starts_with("57")),
        _ => false,
    }
}

/// Gives `conn` back to the pool, unless `error` says it is broken: then it is dropped and
/// the pool opens a new one when it needs it.
fn give_back<DB: Database>(conn: PooledConnection<DB>, error: Option<&Error>) {
    if error.is_some_and(breaks_connection) {
        drop(Object::take(conn));
    }
}

/// A boxed future that runs `$call` on a connection from `$pool`, then gives the connection
/// back (see [`give_back`]).
macro_rules! on_connection {
    ($pool:expr, |$conn:ident| $call:expr) => {{
        let pool = $pool.clone();
        Box::pin(async move {
            let mut $conn = pool.acquire().await?;
            let result = $call.await;
            give_back($conn, result.as_ref().err());
            result
        })
    }};
}

impl<'p, DB: Database> Executor<'p> for &'_ ConnPool<DB>
where
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
{
    type Database = DB;

    /// Runs the statement to the end on one connection, then yields its results: rekey's
    /// statements answer a page of rows at most, and the connection is back in the pool before
    /// the caller looks at them.
    fn fetch_many<'e, 'q: 'e, E>(self, query: E) -> BoxStream<'e, Result<Either<DB::QueryResult, DB::Row>, Error>>
    where
        E: 'q + Execute<'q, DB>,
    {
        let pool = self.clone();
        let results = async move {
            let mut conn = match pool.acquire().await {
                Ok(conn) => conn,
                Err(e) => return vec![Err(e)],
            };
            let results: Vec<_> = conn.fetch_many(query).collect().await;
            give_back(conn, results.iter().find_map(|r| r.as_ref().err()));
            results
        };
        Box::pin(stream::once(results).flat_map(stream::iter))
    }

    fn fetch_optional<'e, 'q: 'e, E>(self, query: E) -> BoxFuture<'e, Result<Option<DB::Row>, Error>>
    where
        E: 'q + Execute<'q, DB>,
    {
        on_connection!(self, |conn| conn.fetch_optional(query))
    }

    fn prepare_with<'e, 'q: 'e>(
        self,
        sql: &'q str,
        parameters: &'e [DB::TypeInfo],
    ) -> BoxFuture<'e, Result<DB::Statement<'q>, Error>> {
        on_connection!(self, |conn| conn.prepare_with(sql, parameters))
    }

    fn describe<'e, 'q: 'e>(self, sql: &'q str) -> BoxFuture<'e, Result<Describe<DB>, Error>> {
        on_connection!(self, |conn| conn.describe(sql))
    }
}
