//! `directory.kind = "agent"`: every directory operation becomes a job for a writeback agent.
//!
//! The request, passwords included, is sealed to each connected agent's key before it is
//! queued; the person's request waits for the agent's answer up to the configured deadline.
//! With no agent heard from recently the operation fails at once and nothing is queued. A job
//! whose lease runs out is marked expired and never offered again: for a change that means the
//! person is told it could not be confirmed, because it may have reached the directory.
//!
//! `list_users` is a series of jobs, one page each, small enough for the agent API's request
//! size limit; the agent reads the directory once for the whole series.

use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::Duration;

use async_trait::async_trait;
use secrecy::SecretString;
use tokio::sync::Notify;

use super::{DirError, DirUser, Directory, LockStatus, Login};
use crate::agent::integrity::{self, TAMPERED};
use crate::agent::proto::{self, Answer, Outcome, Request};
use crate::agent::version;
use crate::clock::Clock;
use crate::config::AgentDirectoryConfig;
use crate::crypto::Keys;
use crate::store::{Db, JOB_DONE, JOB_EXPIRED, JOB_LEASED, JOB_QUEUED, JobRow};

/// Wakes long polls when a job is queued and waiting people when a result arrives, within one
/// portal process. Replicas find each other's jobs and results by polling the database.
#[derive(Default)]
pub struct AgentHub {
    pub jobs: Notify,
    pub results: Notify,
}

/// How often a waiting request or a long poll re-reads the database for work done by another
/// replica.
pub const RECHECK: Duration = Duration::from_millis(250);

/// The `Directory` that hands every operation to writeback agents.
pub struct AgentDirectory {
    db: Db,
    keys: Keys,
    clock: Clock,
    hub: Arc<AgentHub>,
    config: AgentDirectoryConfig,
}

impl AgentDirectory {
    pub fn new(db: Db, keys: Keys, clock: Clock, hub: Arc<AgentHub>, config: AgentDirectoryConfig) -> AgentDirectory {
        AgentDirectory { db, keys, clock, hub, config }
    }

    /// Connected agents whose rows the portal wrote; others are left out (and, for a job,
    /// audited as tampering), as are agents too old to serve with `refuse_old_agents`.
    async fn live_agents(&self, audit: bool) -> Result<Vec<crate::store::AgentRow>, crate::store::StoreError> {
        let mut live = self.connected_agents(audit).await?;
        if self.config.refuse_old_agents {
            live.retain(|a| version::supported(&a.version));
        }
        Ok(live)
    }

    /// Connected agents whose rows the portal wrote, whatever their version.
    async fn connected_agents(&self, audit: bool) -> Result<Vec<crate::store::AgentRow>, crate::store::StoreError> {
        let mut live = self.db.live_agents(self.window_start()).await?;
        for forged in live.iter().filter(|a| audit && !integrity::agent_authentic(&self.keys, a)) {
            tracing::error!(agent = %forged.id, "an agent row fails its integrity check: treated as absent, sealed nothing to it");
            let reason = format!("agent {} (keys or revocation not as the portal wrote them)", forged.id);
            integrity::audit(&self.db, &self.keys, self.clock.now(), TAMPERED, &reason).await;
        }
        live.retain(|a| integrity::agent_authentic(&self.keys, a));
        Ok(live)
    }

    /// A job row that fails its integrity check is deleted, audited, and reads as gone.
    async fn tampered_job(&self, id: &str) -> DirError {
        tracing::error!(job = %id, "a job row fails its integrity check: treated as absent");
        integrity::audit(&self.db, &self.keys, self.clock.now(), TAMPERED, &format!("job {id}")).await;
        let _ = self.db.delete_job(id).await;
        DirError::Unavailable("the job's row was altered in the database".into())
    }

    fn window_start(&self) -> i64 {
        self.clock.now() - i64::try_from(self.config.heartbeat_window_secs).unwrap_or(30)
    }

    /// Queues `request` for the connected agents and waits for one of them to answer.
    async fn run(&self, request: Request) -> Result<Answer, DirError> {
        let op = request.op();
        let store = |e: crate::store::StoreError| DirError::Unavailable(format!("job queue: {e}"));
        let live = self.live_agents(true).await.map_err(store)?;
        if live.is_empty() {
            tracing::warn!(op = op.as_str(), "no writeback agent is connected; nothing was sent");
            return Err(DirError::Unavailable(format!(
                "no writeback agent has been heard from in the last {} s; nothing was sent",
                self.config.heartbeat_window_secs
            )));
        }
        // Agents that report their directory unreachable only get the job if no other can.
        let healthy: Vec<_> = live.iter().filter(|a| a.directory_ok != Some(false)).cloned().collect();
        let live = if healthy.is_empty() { live } else { healthy };
        let now = self.clock.now();
        let job_id = uuid::Uuid::new_v4().to_string();
        let deadline = now + i64::try_from(self.config.deadline_secs).unwrap_or(20);
        let boxes = {
            let sealed = crate::agent::signed_job::sign(&self.keys.agent_job_key(), job_id.clone(), deadline, request)
                .map_err(|e| DirError::Unavailable(format!("cannot sign a job: {e}")))?;
            let mut boxes = Vec::with_capacity(live.len());
            for agent in &live {
                match proto::seal_job(&sealed, &agent.box_key) {
                    Ok(b) => boxes.push((agent.id.clone(), b)),
                    Err(e) => tracing::error!(agent = %agent.id, error = %e, "cannot seal a job to this agent's key"),
                }
            }
            boxes
            // `sealed`, and the passwords in it, are dropped (and wiped) here.
        };
        let mut job = JobRow::queued(job_id.clone(), op.as_str(), now, deadline);
        integrity::seal_job_row(&self.keys, &mut job);
        self.db.insert_job(&job, &boxes).await.map_err(store)?;
        self.hub.jobs.notify_waiters();
        tracing::debug!(job = %job_id, op = op.as_str(), agents = boxes.len(), "queued a job for the writeback agents");

        loop {
            let notified = self.hub.results.notified();
            let row = self
                .db
                .job(&job_id)
                .await
                .map_err(store)?
                .ok_or_else(|| DirError::Unavailable("job vanished".into()))?;
            if !integrity::job_authentic(&self.keys, &row) {
                return Err(self.tampered_job(&job_id).await);
            }
            let now = self.clock.now();
            let lapsed = match row.status.as_str() {
                JOB_DONE => {
                    let outcome = self.outcome(&row);
                    if outcome.is_err() && row.outcome.as_deref().and_then(|t| self.open(&row, t)).is_none() {
                        return Err(self.tampered_job(&job_id).await);
                    }
                    self.db.delete_job(&job_id).await.map_err(store)?;
                    return outcome;
                }
                JOB_QUEUED => now >= row.deadline,
                JOB_LEASED => now > row.lease_expires.unwrap_or(row.deadline),
                JOB_EXPIRED => true,
                other => return Err(DirError::Unavailable(format!("job in an unknown state {other:?}"))),
            };
            if lapsed {
                if row.status != JOB_EXPIRED && !self.db.expire_job(&job_id, now).await.map_err(store)? {
                    continue; // it finished just now
                }
                self.db.delete_job(&job_id).await.map_err(store)?;
                return Err(self.lapsed(&row));
            }
            let _ = tokio::time::timeout(RECHECK, notified).await;
        }
    }

    fn open(&self, row: &JobRow, text: &str) -> Option<zeroize::Zeroizing<String>> {
        integrity::open_outcome(&self.keys, row, text)
    }

    /// The agent's answer, opened (it is stored sealed, bound to the job and its lease).
    fn outcome(&self, row: &JobRow) -> Result<Answer, DirError> {
        let Some(text) = row.outcome.as_deref().and_then(|t| self.open(row, t)) else {
            return Err(DirError::Unavailable("an agent's answer could not be opened".into()));
        };
        match serde_json::from_str::<Outcome>(&text) {
            Ok(outcome) => outcome,
            Err(_) => Err(DirError::Unavailable("an agent's answer could not be read".into())),
        }
    }

    fn lapsed(&self, row: &JobRow) -> DirError {
        match &row.agent_id {
            None => {
                tracing::warn!(job = %row.id, op = %row.op, "no writeback agent took the job in time; nothing was applied");
                DirError::Unavailable(format!("no agent took the job within {} s", self.config.deadline_secs))
            }
            Some(agent) => {
                let writes = proto::Op::parse(&row.op).is_some_and(proto::Op::writes);
                tracing::error!(job = %row.id, op = %row.op, %agent, "the agent holding the job did not answer before its lease ended; the job will not be run again");
                let detail = format!("agent {agent} did not answer job {} before its lease ended", row.id);
                if writes { DirError::Unconfirmed(detail) } else { DirError::Unavailable(detail) }
            }
        }
    }
}

fn unexpected(answer: &Answer) -> DirError {
    DirError::Unavailable(format!("an agent gave an answer of the wrong kind: {answer:?}"))
}

#[async_trait]
impl Directory for AgentDirectory {
    async fn find_user(&self, login: &Login) -> Result<Option<DirUser>, DirError> {
        match self.run(Request::FindUser { login: login.as_str().to_owned() }).await? {
            Answer::User(user) => Ok(user.map(|u| *u)),
            other => Err(unexpected(&other)),
        }
    }

    async fn verify_password(&self, user: &DirUser, password: &SecretString) -> Result<(), DirError> {
        let request = Request::VerifyPassword { user: Box::new(user.clone()), password: password.clone() };
        match self.run(request).await? {
            Answer::Done => Ok(()),
            other => Err(unexpected(&other)),
        }
    }

    async fn change_password(&self, user: &DirUser, old: &SecretString, new: &SecretString) -> Result<(), DirError> {
        let request = Request::ChangePassword { user: Box::new(user.clone()), old: old.clone(), new: new.clone() };
        match self.run(request).await? {
            Answer::Done => Ok(()),
            other => Err(unexpected(&other)),
        }
    }

    async fn reset_password(&self, user: &DirUser, new: &SecretString, must_change: bool) -> Result<(), DirError> {
        let request = Request::ResetPassword { user: Box::new(user.clone()), new: new.clone(), must_change };
        match self.run(request).await? {
            Answer::Done => Ok(()),
            other => Err(unexpected(&other)),
        }
    }

    async fn unlock(&self, user: &DirUser) -> Result<(), DirError> {
        match self.run(Request::Unlock { user: Box::new(user.clone()) }).await? {
            Answer::Done => Ok(()),
            other => Err(unexpected(&other)),
        }
    }

    async fn lock_status(&self, user: &DirUser) -> Result<LockStatus, DirError> {
        match self.run(Request::LockStatus { user: Box::new(user.clone()) }).await? {
            Answer::Lock(status) => Ok(status),
            other => Err(unexpected(&other)),
        }
    }

    /// A page per job; `progress` counts the accounts the pages brought so far.
    async fn list_users_counted(&self, limit: usize, progress: &AtomicUsize) -> Result<Vec<DirUser>, DirError> {
        let listing = uuid::Uuid::new_v4().to_string();
        let mut users: Vec<DirUser> = Vec::new();
        let mut after = None;
        while users.len() < limit {
            let request = Request::ListUsers {
                listing: listing.clone(),
                limit,
                after: after.take(),
                max_bytes: proto::USER_PAGE_BYTES,
            };
            let page = match self.run(request).await {
                Ok(Answer::Users(page)) => page,
                Ok(other) => return Err(unexpected(&other)),
                Err(e) if proto::is_unsupported(&e) => {
                    tracing::warn!(error = %e, "a writeback agent does not know list_users; it needs upgrading");
                    return Err(DirError::Unavailable(format!(
                        "agent does not support list_users (it answered: {e}); upgrade the writeback agents"
                    )));
                }
                Err(e) => return Err(e),
            };
            let progressed = !page.users.is_empty();
            users.extend(page.users);
            progress.store(users.len().min(limit), std::sync::atomic::Ordering::Relaxed);
            match page.next {
                Some(next) if progressed => after = Some(next),
                _ => break,
            }
        }
        users.truncate(limit);
        Ok(users)
    }

    /// The versions the connected agents run, and those older than this portal supports
    /// (no names or hosts: `/readyz` is for load balancers).
    async fn notes(&self) -> Vec<String> {
        let Ok(agents) = self.connected_agents(false).await else { return Vec::new() };
        let mut versions: Vec<&str> = agents.iter().map(|a| a.version.as_str()).collect();
        versions.sort_unstable();
        versions.dedup();
        if versions.is_empty() {
            return Vec::new();
        }
        let mut notes = vec![format!("writeback agents connected: {}, running {}", agents.len(), versions.join(", "))];
        let old: Vec<&str> = versions.iter().copied().filter(|v| !version::supported(v)).collect();
        if !old.is_empty() {
            let consequence = if self.config.refuse_old_agents {
                format!("they are refused ({} = true)", version::REFUSE_KEY)
            } else {
                format!("they are still served; {} = true would refuse them", version::REFUSE_KEY)
            };
            notes.push(format!(
                "writeback agents running {} are older than {}, the oldest this portal supports: upgrade them; {consequence}",
                old.join(", "),
                proto::MIN_AGENT_VERSION
            ));
        }
        notes
    }

    /// Healthy when at least one connected agent reports that its directory answers. Sends no job.
    async fn health(&self) -> Result<(), DirError> {
        let live = self.live_agents(false).await.map_err(|e| DirError::Unavailable(format!("job queue: {e}")))?;
        if live.iter().any(|a| a.directory_ok == Some(true)) {
            Ok(())
        } else if live.is_empty() {
            Err(DirError::Unavailable("no writeback agent is connected".into()))
        } else {
            Err(DirError::Unavailable("the connected agents cannot reach the directory".into()))
        }
    }
}
