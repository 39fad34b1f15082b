//! Writeback agents: enrolment tokens (keyed hashes only), enrolled agents and their public
//! keys, the shared job queue, and the nonces already seen.
//!
//! The queue is at-most-once: a job is leased by one atomic update that only succeeds on a
//! queued job, a result is accepted only for the lease that holds it, and a job whose lease or
//! deadline passes is marked expired and never offered again. A job's request exists here only
//! sealed, once per agent that may take it; the job and its boxes are deleted once its waiter
//! has read the answer (stored sealed), and a sweep removes whatever outlives its deadline.
//! Rows carry MACs (`crate::agent::integrity`) that the callers check; the store only keeps them.

use super::{Db, StoreError, execute, execute_pooled, with_pool};
use crate::clock::UnixTime;

/// An enrolled agent as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AgentRow {
    pub id: String,
    pub name: String,
    pub box_key: Vec<u8>,
    pub sign_key: Vec<u8>,
    pub version: String,
    pub hostname: String,
    pub enrolled_at: UnixTime,
    pub last_seen: Option<UnixTime>,
    pub directory_ok: Option<bool>,
    pub stopping: bool,
    pub jobs_done: i64,
    pub jobs_failed: i64,
    pub rotate_requested: bool,
    pub keys_rotated_at: Option<UnixTime>,
    pub revoked_at: Option<UnixTime>,
    /// [`crate::agent::integrity`]: without a valid MAC the row is treated as absent.
    pub mac: Option<Vec<u8>>,
}

impl AgentRow {
    /// An agent enrolled `now` with these keys, that has not been heard from since; its
    /// version and host name empty, not sealed yet (no MAC).
    pub fn enrolled(id: String, name: String, box_key: Vec<u8>, sign_key: Vec<u8>, now: UnixTime) -> AgentRow {
        AgentRow {
            id,
            name,
            box_key,
            sign_key,
            version: String::new(),
            hostname: String::new(),
            enrolled_at: now,
            last_seen: None,
            directory_ok: None,
            stopping: false,
            jobs_done: 0,
            jobs_failed: 0,
            rotate_requested: false,
            keys_rotated_at: None,
            revoked_at: None,
            mac: None,
        }
    }
}

/// A job as stored: its operation and state, never its arguments.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct JobRow {
    pub id: String,
    pub op: String,
    pub status: String,
    pub created_at: UnixTime,
    pub deadline: UnixTime,
    pub agent_id: Option<String>,
    pub lease_id: Option<String>,
    pub lease_expires: Option<UnixTime>,
    pub finished_at: Option<UnixTime>,
    /// The directory's answer as JSON (no secrets: a user record or a typed refusal).
    pub outcome: Option<String>,
    /// [`crate::agent::integrity`]: without a valid MAC the job is treated as absent.
    pub mac: Option<Vec<u8>>,
}

impl JobRow {
    /// A job just queued for `op`, to be done by `deadline`; not sealed yet (no MAC).
    pub fn queued(id: String, op: &str, now: UnixTime, deadline: UnixTime) -> JobRow {
        JobRow {
            id,
            op: op.into(),
            status: JOB_QUEUED.into(),
            created_at: now,
            deadline,
            agent_id: None,
            lease_id: None,
            lease_expires: None,
            finished_at: None,
            outcome: None,
            mac: None,
        }
    }
}

pub const JOB_QUEUED: &str = "queued";
pub const JOB_LEASED: &str = "leased";
pub const JOB_DONE: &str = "done";
pub const JOB_EXPIRED: &str = "expired";

const AGENT_COLUMNS: &str = "id, name, box_key, sign_key, version, hostname, enrolled_at, last_seen, directory_ok, \
                             stopping, jobs_done, jobs_failed, rotate_requested, keys_rotated_at, revoked_at, mac";
const JOB_COLUMNS: &str =
    "id, op, status, created_at, deadline, agent_id, lease_id, lease_expires, finished_at, outcome, mac";

impl Db {
    /// Stores a new enrolment token's hash.
    pub async fn insert_agent_token(
        &self,
        hash: &[u8],
        name: &str,
        now: UnixTime,
        expires_at: UnixTime,
        mac: &[u8],
    ) -> Result<(), StoreError> {
        const SQL: &str =
            "INSERT INTO agent_tokens (token_hash, name, created_at, expires_at, mac) VALUES ($1, $2, $3, $4, $5)";
        execute!(self, SQL, hash, name, now, expires_at, mac);
        Ok(())
    }

    /// An unused, unexpired token's name, expiry and MAC, read without writing anything.
    pub async fn usable_agent_token(
        &self,
        hash: &[u8],
        now: UnixTime,
    ) -> Result<Option<(String, UnixTime, Option<Vec<u8>>)>, StoreError> {
        const SQL: &str = "SELECT name, expires_at, mac FROM agent_tokens \
                           WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2";
        Ok(with_pool!(self, |pool| sqlx::query_as(SQL).bind(hash).bind(now).fetch_optional(pool).await?))
    }

    /// Spends the token and adds the agent in one transaction: false (and nothing written) if
    /// the token was used or expired meanwhile.
    pub async fn enroll_agent(&self, hash: &[u8], a: &AgentRow, now: UnixTime) -> Result<bool, StoreError> {
        const TOKEN: &str = "UPDATE agent_tokens SET used_at = $3, agent_id = $2 \
                             WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $3";
        const AGENT: &str = "INSERT INTO agents (id, name, box_key, sign_key, version, hostname, enrolled_at, \
                             last_seen, mac) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
        let spent = with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            let n = sqlx::query(TOKEN).bind(hash).bind(&a.id).bind(now).execute(&mut *tx).await?.rows_affected();
            if n == 1 {
                sqlx::query(AGENT)
                    .bind(&a.id)
                    .bind(&a.name)
                    .bind(&a.box_key)
                    .bind(&a.sign_key)
                    .bind(&a.version)
                    .bind(&a.hostname)
                    .bind(a.enrolled_at)
                    .bind(a.last_seen)
                    .bind(&a.mac)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
            }
            n == 1
        });
        Ok(spent)
    }

    pub async fn agent(&self, id: &str) -> Result<Option<AgentRow>, StoreError> {
        let sql = format!("SELECT {AGENT_COLUMNS} FROM agents WHERE id = $1");
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
    }

    /// Every agent ever enrolled, newest first.
    pub async fn list_agents(&self) -> Result<Vec<AgentRow>, StoreError> {
        let sql = format!("SELECT {AGENT_COLUMNS} FROM agents ORDER BY enrolled_at DESC, id");
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql).fetch_all(pool).await?))
    }

    /// Agents that may take a job now: not revoked, not stopping, heard from since `since`.
    pub async fn live_agents(&self, since: UnixTime) -> Result<Vec<AgentRow>, StoreError> {
        let sql = format!(
            "SELECT {AGENT_COLUMNS} FROM agents \
             WHERE revoked_at IS NULL AND stopping = $2 AND last_seen >= $1 ORDER BY id"
        );
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql).bind(since).bind(false).fetch_all(pool).await?))
    }

    /// Records a poll or result: the agent is alive.
    pub async fn agent_seen(&self, id: &str, now: UnixTime) -> Result<(), StoreError> {
        const SQL: &str = "UPDATE agents SET last_seen = $2 WHERE id = $1";
        execute!(self, SQL, id, now);
        Ok(())
    }

    /// Records a heartbeat: alive, running (not stopping), its version and directory health.
    pub async fn agent_heartbeat(
        &self,
        id: &str,
        now: UnixTime,
        version: &str,
        hostname: &str,
        directory_ok: bool,
    ) -> Result<(), StoreError> {
        const SQL: &str = "UPDATE agents SET last_seen = $2, version = $3, hostname = $4, directory_ok = $5, \
                           stopping = $6 WHERE id = $1";
        execute!(self, SQL, id, now, version, hostname, directory_ok, false);
        Ok(())
    }

    /// Records the version an agent reported, without counting it as heard from (an agent the
    /// portal refuses).
    pub async fn set_agent_version(&self, id: &str, version: &str) -> Result<(), StoreError> {
        const SQL: &str = "UPDATE agents SET version = $2 WHERE id = $1";
        execute!(self, SQL, id, version);
        Ok(())
    }

    /// The agent said it is stopping: lease it nothing more.
    pub async fn agent_stopping(&self, id: &str) -> Result<(), StoreError> {
        const SQL: &str = "UPDATE agents SET stopping = $2 WHERE id = $1";
        execute!(self, SQL, id, true);
        Ok(())
    }

    /// Revokes an agent: every later message from it is refused and its pending job boxes go.
    /// `mac` is the row's MAC with `revoked_at = now`.
    pub async fn revoke_agent(&self, id: &str, now: UnixTime, mac: &[u8]) -> Result<bool, StoreError> {
        const SQL: &str = "UPDATE agents SET revoked_at = $2, mac = $3 WHERE id = $1 AND revoked_at IS NULL";
        const BOXES: &str = "DELETE FROM agent_job_boxes WHERE agent_id = $1";
        let n = execute!(self, SQL, id, now, mac);
        execute!(self, BOXES, id);
        Ok(n == 1)
    }

    /// Asks an agent to rotate its keys at its next heartbeat.
    pub async fn request_agent_rotation(&self, id: &str) -> Result<bool, StoreError> {
        const SQL: &str = "UPDATE agents SET rotate_requested = $2 WHERE id = $1 AND revoked_at IS NULL";
        let n = execute!(self, SQL, id, true);
        Ok(n == 1)
    }

    /// Replaces an agent's public keys and the row's MAC over them.
    pub async fn rotate_agent_keys(
        &self,
        id: &str,
        box_key: &[u8],
        sign_key: &[u8],
        now: UnixTime,
        mac: &[u8],
    ) -> Result<(), StoreError> {
        const SQL: &str = "UPDATE agents SET box_key = $2, sign_key = $3, keys_rotated_at = $4, rotate_requested = $5, \
                           mac = $6 WHERE id = $1 AND revoked_at IS NULL";
        execute!(self, SQL, id, box_key, sign_key, now, false, mac);
        Ok(())
    }

    /// Records a message nonce; false if it was seen before (a replay).
    pub async fn claim_agent_nonce(&self, nonce: &str, now: UnixTime) -> Result<bool, StoreError> {
        const SQL: &str = "INSERT INTO agent_nonces (nonce, seen_at) VALUES ($1, $2) ON CONFLICT (nonce) DO NOTHING";
        let n = execute!(self, SQL, nonce, now);
        Ok(n == 1)
    }

    /// Queues a job with its request sealed once per agent that may take it.
    pub async fn insert_job(&self, job: &JobRow, boxes: &[(String, Vec<u8>)]) -> Result<(), StoreError> {
        const JOB: &str =
            "INSERT INTO agent_jobs (id, op, status, created_at, deadline, mac) VALUES ($1, $2, $3, $4, $5, $6)";
        const BOX: &str = "INSERT INTO agent_job_boxes (job_id, agent_id, sealed) VALUES ($1, $2, $3)";
        with_pool!(self, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(JOB)
                .bind(&job.id)
                .bind(&job.op)
                .bind(JOB_QUEUED)
                .bind(job.created_at)
                .bind(job.deadline)
                .bind(&job.mac)
                .execute(&mut *tx)
                .await?;
            for (agent_id, sealed) in boxes {
                sqlx::query(BOX).bind(&job.id).bind(agent_id).bind(sealed).execute(&mut *tx).await?;
            }
            tx.commit().await?
        });
        Ok(())
    }

    /// Leases the oldest queued job this agent can open, or nothing. Atomic: of several agents
    /// (on several replicas) racing for one job, exactly one gets it. Returns the job and the
    /// agent's sealed box.
    pub async fn lease_job(
        &self,
        agent_id: &str,
        lease_id: &str,
        now: UnixTime,
        lease_secs: i64,
    ) -> Result<Option<(JobRow, Vec<u8>)>, StoreError> {
        let lease = format!(
            "UPDATE agent_jobs SET status = $5, agent_id = $1, lease_id = $2, \
                 lease_expires = CASE WHEN deadline < $4 THEN deadline ELSE $4 END \
             WHERE id = (SELECT j.id FROM agent_jobs j JOIN agent_job_boxes b ON b.job_id = j.id AND b.agent_id = $1 \
                         WHERE j.status = $6 AND j.deadline > $3 ORDER BY j.created_at, j.id LIMIT 1) \
               AND status = $6 \
             RETURNING {JOB_COLUMNS}"
        );
        const BOX: &str = "SELECT sealed FROM agent_job_boxes WHERE job_id = $1 AND agent_id = $2";
        let job: Option<JobRow> = with_pool!(self, |pool| sqlx::query_as(&lease)
            .bind(agent_id)
            .bind(lease_id)
            .bind(now)
            .bind(now + lease_secs)
            .bind(JOB_LEASED)
            .bind(JOB_QUEUED)
            .fetch_optional(pool)
            .await?);
        let Some(job) = job else { return Ok(None) };
        let sealed: Option<(Vec<u8>,)> =
            with_pool!(self, |pool| sqlx::query_as(BOX).bind(&job.id).bind(agent_id).fetch_optional(pool).await?);
        match sealed {
            Some((sealed,)) => Ok(Some((job, sealed))),
            // The job ended (and its boxes went) between the lease and this read.
            None => Ok(None),
        }
    }

    /// Accepts a result (sealed by the caller) for the lease that holds the job; false if the
    /// lease ended (the job expired, or is gone) or was never this agent's. Counts the job for
    /// the agent either way it ends.
    pub async fn finish_job(
        &self,
        job_id: &str,
        lease_id: &str,
        agent_id: &str,
        outcome: &str,
        failed: bool,
        now: UnixTime,
    ) -> Result<bool, StoreError> {
        const SQL: &str = "UPDATE agent_jobs SET status = $4, outcome = $5, finished_at = $6 \
                           WHERE id = $1 AND lease_id = $2 AND agent_id = $3 AND status = $7 AND lease_expires >= $6";
        let n = execute!(self, SQL, job_id, lease_id, agent_id, JOB_DONE, outcome, now, JOB_LEASED);
        if n == 1 {
            self.count_agent_job(agent_id, failed).await?;
            self.delete_job_boxes(job_id).await?;
            return Ok(true);
        }
        Ok(false)
    }

    /// Ends a queued or leased job without a result; false if it had finished meanwhile. A job
    /// that was leased counts as failed for its agent.
    pub async fn expire_job(&self, job_id: &str, now: UnixTime) -> Result<bool, StoreError> {
        const SQL: &str = "UPDATE agent_jobs SET status = $2, finished_at = $3 \
                           WHERE id = $1 AND (status = $4 OR status = $5) RETURNING agent_id";
        let row: Option<(Option<String>,)> = with_pool!(self, |pool| sqlx::query_as(SQL)
            .bind(job_id)
            .bind(JOB_EXPIRED)
            .bind(now)
            .bind(JOB_QUEUED)
            .bind(JOB_LEASED)
            .fetch_optional(pool)
            .await?);
        let Some((agent,)) = row else { return Ok(false) };
        if let Some(agent) = agent {
            self.count_agent_job(&agent, true).await?;
        }
        self.delete_job_boxes(job_id).await?;
        Ok(true)
    }

    pub async fn job(&self, id: &str) -> Result<Option<JobRow>, StoreError> {
        let sql = format!("SELECT {JOB_COLUMNS} FROM agent_jobs WHERE id = $1");
        Ok(with_pool!(self, |pool| sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
    }

    /// Deletes a job and its boxes: it ended and its waiter has read it.
    pub async fn delete_job(&self, job_id: &str) -> Result<(), StoreError> {
        self.delete_job_boxes(job_id).await?;
        const SQL: &str = "DELETE FROM agent_jobs WHERE id = $1";
        execute!(self, SQL, job_id);
        Ok(())
    }

    /// The periodic sweep: jobs whose deadline passed before `jobs_before` (nobody waits for
    /// them any more, whatever their state), every sealed box of a job that can no longer be
    /// leased (ended, gone, or past its deadline at `now`: orphans whose requester went away
    /// included), nonces older than `nonces_before`, and expired unused tokens. On SQLite the
    /// write-ahead log is then checkpointed and truncated: with `secure_delete` on, no copy of
    /// a deleted box stays in the database file or its log.
    pub async fn delete_old_agent_records(
        &self,
        jobs_before: UnixTime,
        nonces_before: UnixTime,
        now: UnixTime,
    ) -> Result<(), StoreError> {
        const JOBS: &str = "DELETE FROM agent_jobs WHERE deadline < $1";
        const BOXES: &str = "DELETE FROM agent_job_boxes WHERE job_id NOT IN \
                             (SELECT id FROM agent_jobs WHERE (status = $1 OR status = $2) AND deadline > $3)";
        const NONCES: &str = "DELETE FROM agent_nonces WHERE seen_at < $1";
        const TOKENS: &str = "DELETE FROM agent_tokens WHERE used_at IS NULL AND expires_at < $1";
        execute_pooled!(self, JOBS, jobs_before);
        execute_pooled!(self, BOXES, JOB_QUEUED, JOB_LEASED, now);
        execute_pooled!(self, NONCES, nonces_before);
        execute_pooled!(self, TOKENS, now);
        if let Db::Sqlite(pool) = self {
            // Busy (a reader holds an old snapshot): the next sweep truncates it.
            let (busy,): (i64,) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)").fetch_one(pool).await?;
            if busy != 0 {
                tracing::debug!("the SQLite write-ahead log was busy; it is truncated at the next sweep");
            }
        }
        Ok(())
    }

    async fn count_agent_job(&self, agent_id: &str, failed: bool) -> Result<(), StoreError> {
        let sql = if failed {
            "UPDATE agents SET jobs_failed = jobs_failed + 1 WHERE id = $1"
        } else {
            "UPDATE agents SET jobs_done = jobs_done + 1 WHERE id = $1"
        };
        execute!(self, sql, agent_id);
        Ok(())
    }

    async fn delete_job_boxes(&self, job_id: &str) -> Result<(), StoreError> {
        const SQL: &str = "DELETE FROM agent_job_boxes WHERE job_id = $1";
        execute!(self, SQL, job_id);
        Ok(())
    }
}
