//! Which writeback-agent rows the portal believes: the database is not trusted.
//!
//! Someone who can write to the database but does not hold the master key could otherwise add
//! an agent row (and receive every job's passwords sealed to their key), swap an agent's keys,
//! un-revoke an agent, extend an enrolment token or queue a job of their own. So every such row
//! carries a MAC under a key derived from the master key ([`Keys::agent_row_mac`]), bound to
//! the row's id and to the columns that decide what happens; a row that fails the check is
//! treated as absent, and the caller audits it as tampering.
//!
//! What the MACs do not cover, on purpose: liveness and counters (`last_seen`, `directory_ok`,
//! `stopping`, `jobs_done`…), which a writer can only use to make the portal say "no agent";
//! and a job's lease columns, set by one atomic update: an agent's result is accepted only for
//! the lease the portal signed in its offer. A job's outcome is sealed (XChaCha20-Poly1305,
//! bound to the job and lease), so it is neither readable (directory e-mail addresses and
//! phone numbers) nor forgeable in the database.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use zeroize::Zeroizing;

use crate::crypto::Keys;
use crate::store::{AgentRow, AuditEvent, Db, JobRow};

const AGENT: &str = "agent";
const TOKEN: &str = "agent enrolment token";
const JOB: &str = "agent job";
const OUTCOME: &str = "agent job outcome";

fn time(t: Option<i64>) -> Vec<u8> {
    match t {
        Some(t) => [&[1u8][..], &t.to_be_bytes()].concat(),
        None => vec![0],
    }
}

fn agent_mac_of(keys: &Keys, a: &AgentRow) -> Vec<u8> {
    keys.agent_row_mac(
        AGENT,
        a.id.as_bytes(),
        &[a.name.as_bytes(), &a.box_key, &a.sign_key, &a.enrolled_at.to_be_bytes(), &time(a.revoked_at)],
    )
}

/// Sets the row's MAC after its keys, name or revocation changed.
pub fn seal_agent(keys: &Keys, a: &mut AgentRow) {
    a.mac = Some(agent_mac_of(keys, a));
}

/// Whether the agent row was written by the portal (keys, name, enrolment and revocation).
pub fn agent_authentic(keys: &Keys, a: &AgentRow) -> bool {
    a.mac.as_deref().is_some_and(|mac| crate::crypto::constant_time_eq(&agent_mac_of(keys, a), mac))
}

/// The MAC of an enrolment token's row.
pub fn token_mac(keys: &Keys, hash: &[u8], name: &str, expires_at: i64) -> Vec<u8> {
    keys.agent_row_mac(TOKEN, hash, &[name.as_bytes(), &expires_at.to_be_bytes()])
}

fn job_mac_of(keys: &Keys, j: &JobRow) -> Vec<u8> {
    keys.agent_row_mac(JOB, j.id.as_bytes(), &[j.op.as_bytes(), &j.created_at.to_be_bytes(), &j.deadline.to_be_bytes()])
}

/// Sets a new job's MAC.
pub fn seal_job_row(keys: &Keys, j: &mut JobRow) {
    j.mac = Some(job_mac_of(keys, j));
}

/// Whether the job row was queued by the portal (id, operation, times).
pub fn job_authentic(keys: &Keys, j: &JobRow) -> bool {
    j.mac.as_deref().is_some_and(|mac| crate::crypto::constant_time_eq(&job_mac_of(keys, j), mac))
}

fn outcome_aad(job_id: &str, lease_id: &str, agent_id: &str) -> Vec<u8> {
    format!("{OUTCOME}\0{job_id}\0{lease_id}\0{agent_id}").into_bytes()
}

/// An agent's answer as stored: sealed to the portal, bound to the job, lease and agent.
pub fn seal_outcome(keys: &Keys, job_id: &str, lease_id: &str, agent_id: &str, json: &str) -> String {
    B64.encode(keys.seal(json.as_bytes(), &outcome_aad(job_id, lease_id, agent_id)))
}

/// Opens a stored answer; `None` if it was altered, moved to another job or never sealed.
pub fn open_outcome(keys: &Keys, j: &JobRow, text: &str) -> Option<Zeroizing<String>> {
    let sealed = B64.decode(text).ok()?;
    let aad = outcome_aad(&j.id, j.lease_id.as_deref()?, j.agent_id.as_deref()?);
    let plain = keys.open(&sealed, &aad).ok()?;
    String::from_utf8(plain.to_vec()).ok().map(Zeroizing::new)
}

/// Audits what the agent machinery saw of tampering or refusal (no person, no address).
pub async fn audit(db: &Db, keys: &Keys, at: i64, event: &str, reason: &str) {
    let e = AuditEvent {
        at,
        event: event.into(),
        flow: None,
        user_id: None,
        login: None,
        outcome: "blocked".into(),
        reason: Some(reason.chars().take(512).collect()),
        method: None,
        source_ip: None,
        user_agent: None,
        request_id: None,
    };
    let mac = |prev: &[u8], record: &[u8]| keys.audit_mac(prev, record);
    if let Err(err) = db.append_audit(&e, &mac).await {
        tracing::error!(%err, event, "could not write audit record");
    }
}

/// The event name of a row that failed its MAC.
pub const TAMPERED: &str = "agent_row_tampered";

#[cfg(test)]
mod tests {
    use super::*;

    fn agent() -> AgentRow {
        AgentRow::enrolled("a1".into(), "dc1".into(), vec![1; 32], vec![2; 32], 100)
    }

    #[test]
    fn an_agent_row_is_believed_only_as_the_portal_wrote_it() {
        let keys = Keys::derive(&[3; 32]);
        let mut a = agent();
        assert!(!agent_authentic(&keys, &a), "no MAC, no agent");
        seal_agent(&keys, &mut a);
        assert!(agent_authentic(&keys, &a));
        a.last_seen = Some(5);
        assert!(agent_authentic(&keys, &a), "liveness is not covered");
        let mut swapped = a.clone();
        swapped.box_key = vec![9; 32];
        assert!(!agent_authentic(&keys, &swapped));
        let mut moved = a.clone();
        moved.id = "a2".into();
        assert!(!agent_authentic(&keys, &moved));
        let mut revoked = a.clone();
        revoked.revoked_at = Some(7);
        seal_agent(&keys, &mut revoked);
        revoked.revoked_at = None;
        assert!(!agent_authentic(&keys, &revoked), "un-revoking is tampering");
        assert!(!agent_authentic(&Keys::derive(&[4; 32]), &a));
    }
}
