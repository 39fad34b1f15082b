//! SQLite statements on the caller's own thread, for the statements every step of a flow makes
//! (its session, its attempt, the person's methods, rate counts, the audit trail).
//!
//! sqlx runs each SQLite connection on a thread of its own and hands it every statement over a
//! channel: two thread switches per statement, a large part of what a reset costs (see
//! BENCHMARKS.md). A statement by key is a few microseconds of SQLite's own work, so it is run
//! here instead, on a connection of this pool's (rusqlite, over the same SQLite library sqlx
//! links), without leaving the thread.
//!
//! A thread of the async runtime must never wait long, so these connections have no busy
//! timeout: when SQLite cannot begin the statement at once (a connection of the pool is
//! writing, or holds a transaction open), it says so and the caller runs the same statement
//! through the pool, whose connections wait on threads of their own. Writes here take turns
//! (one statement, microseconds, at a time) on one connection, so they do not refuse one
//! another, and that connection's page cache stays current; reads use it too when it is free,
//! and otherwise a connection of their own. A statement SQLite refused to begin has
//! changed nothing. The write-ahead log lets a read see every write committed before it began,
//! whichever connection made it. These connections never checkpoint the log (the pool's and
//! housekeeping do, `Db::checkpoint`), so no statement here waits for a disk flush.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rusqlite::{CachedStatement, Connection, ErrorCode, OpenFlags, Row, ToSql};

/// Connections kept for reuse; more may be open for a moment while more threads use it at once.
const KEEP: usize = 8;

/// Prepared statements kept per connection.
const STATEMENTS: usize = 64;

/// How long [`Inline::restart_log`] waits for the readers still in the write-ahead log (and
/// for a transaction of the pool's that is writing), holding off writes meanwhile.
pub const RESTART_WAIT: Duration = Duration::from_millis(50);

/// How often [`Inline::restart_log`] looks again whether the readers have left the log.
const RESTART_POLL: Duration = Duration::from_micros(100);

/// The checkpoint's busy handler: another try every [`RESTART_POLL`], for up to
/// [`RESTART_WAIT`] after the first refusal. SQLite's own (`busy_timeout`) sleeps 1, 2, 5,
/// 10, 15 … ms between tries, and a restarting checkpoint waits for the readers while it holds
/// off every write: a reader done a moment after the first try kept the writes waiting for
/// the rest of the sleep.
fn wait_briefly(tries: i32) -> bool {
    thread_local! {
        static FIRST_REFUSED: std::cell::Cell<Option<Instant>> = const { std::cell::Cell::new(None) };
    }
    let now = Instant::now();
    let first = FIRST_REFUSED.with(|first| {
        if tries == 0 {
            first.set(Some(now));
        }
        first.get().unwrap_or(now)
    });
    if now.duration_since(first) >= RESTART_WAIT {
        return false;
    }
    std::thread::sleep(RESTART_POLL);
    true
}

/// Runs statements on one SQLite database on the calling thread.
pub struct Inline {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    /// The connection every write here uses, held while it writes: SQLite lets one connection
    /// write at a time, and two threads writing here at once would otherwise refuse one another
    /// and both go to the pool. A write is microseconds, so the next one waits for it here.
    /// One connection for them all keeps its page cache: SQLite throws a connection's cache away
    /// whenever another connection wrote since its last statement, which with a connection per
    /// write would be every time. Reads use it too while no write holds it.
    writing: Mutex<Option<Connection>>,
}

/// Whether a statement only reads (and may run beside anything) or writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

impl std::fmt::Debug for Inline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inline").field("path", &self.path).finish_non_exhaustive()
    }
}

/// Whether SQLite refused to begin a statement because another connection holds a lock.
fn refused(err: &rusqlite::Error) -> bool {
    matches!(err.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
}

/// Runs `run` on the connection in `slot` (`Ok(None)` when there is none). A statement that
/// failed for any other reason than being refused takes its connection out of `slot`, in case
/// the error left it in a state of its own.
fn run_on<T>(
    slot: &mut Option<Connection>,
    run: impl FnOnce(&Connection) -> rusqlite::Result<T>,
) -> rusqlite::Result<Option<T>> {
    let Some(conn) = slot.as_ref() else { return Ok(None) };
    match run(conn) {
        Ok(value) => Ok(Some(value)),
        Err(err) if refused(&err) => Ok(None),
        Err(err) => {
            *slot = None;
            Err(err)
        }
    }
}

impl Inline {
    /// Statements on the database file at `path`; connections are opened when first needed.
    /// None for an in-memory database: each connection would see a database of its own.
    pub fn new(path: &Path) -> Option<Inline> {
        let name = path.to_string_lossy();
        if name.is_empty() || name.starts_with(":memory:") || name.contains("mode=memory") {
            return None;
        }
        Some(Inline { path: path.to_path_buf(), idle: Mutex::new(Vec::new()), writing: Mutex::new(None) })
    }

    /// Runs `run`, a read or a statement that changes nothing when it fails (one statement
    /// without `RETURNING`: SQLite undoes a failed statement); a write waits for the one
    /// writing here before it. `None` when it could not run here or failed, and the caller
    /// runs it through the pool (which reports any error).
    pub fn run<T>(&self, access: Access, run: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Option<T> {
        match self.run_as(access, run) {
            Ok(done) => done,
            Err(err) => {
                // The error's kind only: a conversion error may quote what it read.
                tracing::debug!(code = ?err.sqlite_error_code(), "a statement on the calling thread failed; using the pool");
                None
            }
        }
    }

    /// Runs `run`, a statement that may have changed rows even when reading its answer fails
    /// (`RETURNING`): `Ok(None)` only when SQLite refused to begin it, so running it through
    /// the pool then does it once; any other failure is the caller's error.
    pub fn run_once<T>(&self, run: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> rusqlite::Result<Option<T>> {
        self.run_as(Access::Write, run)
    }

    fn run_as<T>(
        &self,
        access: Access,
        run: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<Option<T>> {
        if access == Access::Write {
            // The writing connection, waiting for the write before this one.
            let Ok(mut writing) = self.writing.lock() else { return Ok(None) };
            if writing.is_none() {
                *writing = self.open_here();
            }
            return run_on(&mut writing, run);
        }
        // A read takes the writing connection when no write holds it: its page cache has what
        // the last write touched, where another connection's would have been thrown away.
        if let Ok(mut writing) = self.writing.try_lock()
            && writing.is_some()
        {
            return run_on(&mut writing, run);
        }
        let mut conn = match self.idle.lock().ok().and_then(|mut idle| idle.pop()) {
            Some(conn) => Some(conn),
            None => self.open_here(),
        };
        let done = run_on(&mut conn, run);
        if let Some(conn) = conn {
            self.keep(conn);
        }
        done
    }

    /// A new connection, or None (logged) when it cannot be opened.
    fn open_here(&self) -> Option<Connection> {
        self.open()
            .inspect_err(|err| {
                tracing::debug!(code = ?err.sqlite_error_code(), "could not open a connection on the calling thread");
            })
            .ok()
    }

    fn keep(&self, conn: Connection) {
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < KEEP
        {
            idle.push(conn);
        }
    }

    /// Makes sure the next write starts the write-ahead log over (a restarting checkpoint; see
    /// `Db::checkpoint`). Blocks for up to [`RESTART_WAIT`] and syncs the files: for a thread
    /// that may wait, not the runtime's. False when readers or a writer kept it from finishing
    /// in that time.
    pub fn restart_log(&self) -> rusqlite::Result<bool> {
        let conn = self.open()?;
        conn.busy_handler(Some(wait_briefly))?;
        let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(RESTART)", [], |row| row.get(0))?;
        Ok(busy == 0)
    }

    /// A connection set up as the pool's are (`store::connect_sqlite`), but for the busy
    /// timeout and the checkpoints.
    fn open(&self) -> rusqlite::Result<Connection> {
        // No CREATE: the pool has created the file and its tables by now.
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
        )?;
        conn.busy_timeout(Duration::ZERO)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "secure_delete", true)?;
        conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        conn.pragma_update(None, "journal_size_limit", super::WAL_SIZE_LIMIT)?;
        conn.set_prepared_statement_cache_capacity(STATEMENTS);
        Ok(conn)
    }
}

/// `sql` prepared (from the connection's cache) with `values` bound as sqlx binds them: `$n` or
/// `?n` takes the n-th value wherever it stands, so the pool's statement text means the same
/// here (SQLite itself would number `$n` in the order the names first appear).
fn prepared<'c>(c: &'c Connection, sql: &str, values: &[&dyn ToSql]) -> rusqlite::Result<CachedStatement<'c>> {
    let mut statement = c.prepare_cached(sql)?;
    for index in 1..=statement.parameter_count() {
        let n = match statement.parameter_name(index) {
            Some(name) => name
                .strip_prefix(['$', '?'])
                .and_then(|n| n.parse::<usize>().ok())
                .ok_or_else(|| rusqlite::Error::InvalidParameterName(name.to_owned()))?,
            None => index,
        };
        let value = n
            .checked_sub(1)
            .and_then(|i| values.get(i))
            .ok_or(rusqlite::Error::InvalidParameterCount(n, values.len()))?;
        statement.raw_bind_parameter(index, value)?;
    }
    Ok(statement)
}

/// Runs a statement that answers no rows; how many rows it changed.
pub fn execute(c: &Connection, sql: &str, values: &[&dyn ToSql]) -> rusqlite::Result<u64> {
    Ok(prepared(c, sql, values)?.raw_execute()? as u64)
}

/// The first row a statement answers, if any, read by `row`.
pub fn optional<T>(
    c: &Connection,
    sql: &str,
    values: &[&dyn ToSql],
    row: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Option<T>> {
    let mut statement = prepared(c, sql, values)?;
    let mut rows = statement.raw_query();
    rows.next()?.map(row).transpose()
}

/// Every row a statement answers, each read by `row`.
pub fn all<T>(
    c: &Connection,
    sql: &str,
    values: &[&dyn ToSql],
    row: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut statement = prepared(c, sql, values)?;
    statement.raw_query().mapped(row).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn database(dir: &Path) -> PathBuf {
        let path = dir.join("r.db");
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "wal").unwrap();
        conn.execute_batch(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL); INSERT INTO t VALUES (1, 'one'); \
             CREATE TABLE c (id INTEGER PRIMARY KEY, t INTEGER NOT NULL REFERENCES t (id));",
        )
        .unwrap();
        path
    }

    fn value(here: &Inline, id: i64) -> Option<Option<String>> {
        here.run(Access::Read, |c| optional(c, "SELECT v FROM t WHERE id = $1", &[&id], |r| r.get(0)))
    }

    /// An insert that answers with the row it wrote.
    fn insert_returning(here: &Inline, id: i64, v: Option<&str>) -> rusqlite::Result<Option<Option<i64>>> {
        here.run_once(|c| optional(c, "INSERT INTO t VALUES ($1, $2) RETURNING id", &[&id, &v], |r| r.get(0)))
    }

    #[test]
    fn statements_here_and_on_other_connections_see_each_other_and_connections_are_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = database(dir.path());
        let here = Inline::new(&path).unwrap();
        assert_eq!(value(&here, 1), Some(Some("one".into())));
        assert_eq!(value(&here, 2), Some(None));
        let other = Connection::open(&path).unwrap();
        other.execute("INSERT INTO t VALUES (2, 'two')", []).unwrap();
        assert_eq!(value(&here, 2), Some(Some("two".into())));
        assert_eq!(here.run(Access::Write, |c| execute(c, "UPDATE t SET v = 'uno' WHERE id = $1", &[&1])), Some(1));
        let v: String = other.query_row("SELECT v FROM t WHERE id = 1", [], |r| r.get(0)).unwrap();
        assert_eq!(v, "uno");
        // One connection for the reads, kept; the write's own, kept for the next write.
        assert_eq!(here.idle.lock().unwrap().len(), 1);
        // A temporary table is the connection's own: the next write sees it, and so does a read
        // while no write holds that connection.
        assert!(here.run(Access::Write, |c| execute(c, "CREATE TEMP TABLE mine (x)", &[])).is_some());
        assert_eq!(here.run(Access::Write, |c| execute(c, "INSERT INTO temp.mine VALUES (1)", &[])), Some(1));
        let mine = |here: &Inline| {
            here.run(Access::Read, |c| optional(c, "SELECT x FROM temp.mine", &[], |r| r.get::<_, i64>(0)))
        };
        assert_eq!(mine(&here), Some(Some(1)));
        // While a write holds it, a read takes another connection (which has no such table).
        let held = here.writing.lock().unwrap();
        assert_eq!(mine(&here), None);
        drop(held);
        assert_eq!(mine(&here), Some(Some(1)));
    }

    #[test]
    fn dollar_n_takes_the_nth_value_wherever_it_stands_as_with_sqlx() {
        let dir = tempfile::tempdir().unwrap();
        let here = Inline::new(&database(dir.path())).unwrap();
        // SQLite alone would number `$2` first here, and bind 'one' to it.
        let sql = "SELECT id FROM t WHERE v = $2 AND id = $1 AND $2 = v";
        let found = here.run(Access::Read, |c| optional(c, sql, &[&1, &"one"], |r| r.get::<_, i64>(0)));
        assert_eq!(found, Some(Some(1)));
        // A statement naming a value it was not given is not run.
        assert_eq!(here.run(Access::Read, |c| optional(c, "SELECT $3", &[&1, &2], |r| r.get::<_, i64>(0))), None);
        assert!(here.run(Access::Read, |c| optional(c, "SELECT :name", &[&1], |r| r.get::<_, i64>(0))).is_none());
    }

    #[test]
    fn connections_here_enforce_foreign_keys_as_the_pools_do() {
        let dir = tempfile::tempdir().unwrap();
        let here = Inline::new(&database(dir.path())).unwrap();
        assert_eq!(here.run(Access::Write, |c| execute(c, "INSERT INTO c VALUES (1, 1)", &[])), Some(1));
        // A failed statement is left to the pool, which reports the error; its connection is
        // not kept.
        assert_eq!(here.run(Access::Write, |c| execute(c, "INSERT INTO c VALUES (2, 99)", &[])), None);
        assert!(here.writing.lock().unwrap().is_none());
        assert_eq!(here.run(Access::Write, |c| execute(c, "INSERT INTO c VALUES (2, 1)", &[])), Some(1));
    }

    #[test]
    fn a_write_that_cannot_begin_at_once_is_left_to_the_pool_without_waiting_and_reads_go_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = database(dir.path());
        let here = Inline::new(&path).unwrap();
        assert!(value(&here, 1).is_some());
        // Another connection takes the write lock, and lets go a moment after the statements
        // below have been asked for.
        let holder = Connection::open(&path).unwrap();
        holder.execute_batch("BEGIN IMMEDIATE; UPDATE t SET v = 'held' WHERE id = 1;").unwrap();
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            holder.execute_batch("COMMIT").unwrap();
        });
        // Writes that waited for the lock would have been written after the commit.
        assert_eq!(insert_returning(&here, 3, Some("three")).unwrap(), None);
        assert_eq!(here.run(Access::Write, |c| execute(c, "UPDATE t SET v = 'mine' WHERE id = 1", &[])), None);
        // A read does not wait for a writer: it sees what was committed before.
        assert_eq!(value(&here, 1), Some(Some("one".into())));
        release.join().unwrap();
        assert_eq!(value(&here, 1), Some(Some("held".into())));
        assert_eq!(value(&here, 3), Some(None));
    }

    #[test]
    fn a_statement_with_an_answer_that_fails_is_an_error_not_run_again() {
        let dir = tempfile::tempdir().unwrap();
        let here = Inline::new(&database(dir.path())).unwrap();
        assert_eq!(insert_returning(&here, 3, Some("three")).unwrap(), Some(Some(3)));
        assert!(insert_returning(&here, 4, None).is_err(), "NOT NULL");
        assert!(insert_returning(&here, 3, Some("again")).is_err(), "the same key");
    }

    #[test]
    fn a_restart_gives_up_while_a_reader_stays_in_the_log_and_starts_it_over_once_it_left() {
        let dir = tempfile::tempdir().unwrap();
        let path = database(dir.path());
        let here = Inline::new(&path).unwrap();
        let writer = Connection::open(&path).unwrap();
        writer.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        for id in 10..60 {
            writer.execute("INSERT INTO t VALUES (?1, 'x')", [id]).unwrap();
        }
        // A read that began while those writes were in the log keeps the log from starting over.
        let reader = Connection::open(&path).unwrap();
        reader.execute_batch("BEGIN").unwrap();
        let _: i64 = reader.query_row("SELECT count(*) FROM t", [], |r| r.get(0)).unwrap();
        assert!(!here.restart_log().unwrap(), "the reader is still in the log");
        // Writes go on meanwhile: the checkpoint let go of the write lock when it gave up.
        writer.execute("INSERT INTO t VALUES (60, 'y')", []).unwrap();
        reader.execute_batch("COMMIT").unwrap();
        assert!(here.restart_log().unwrap());
        writer.execute("INSERT INTO t VALUES (61, 'z')", []).unwrap();
        let (_, frames, _): (i64, i64, i64) =
            writer.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap();
        assert!(frames < 10, "the write after the restart started the log over: {frames} frames");
    }

    #[test]
    fn the_checkpoint_tries_again_until_its_wait_is_used_up() {
        assert!(wait_briefly(0), "the first refusal");
        assert!(wait_briefly(1));
        std::thread::sleep(RESTART_WAIT);
        assert!(!wait_briefly(2), "the wait is used up");
        // A checkpoint after it has a wait of its own.
        assert!(wait_briefly(0));
    }

    #[test]
    fn nothing_runs_here_for_a_database_in_memory() {
        assert!(Inline::new(Path::new(":memory:")).is_none());
    }
}
