//! What an administrator does about agents on the portal host: make enrolment tokens, list
//! agents, request a key rotation, revoke. Used by `rekey agent …` and the tests.

use zeroize::Zeroizing;

use super::proto;
use crate::clock::UnixTime;
use crate::crypto::Keys;
use crate::store::{AgentRow, Db, StoreError};

/// Domain of the keyed hash under which enrolment tokens are stored.
pub const TOKEN_CONTEXT: &str = "agent-enrolment-token";

/// Makes a one-time enrolment token valid for `ttl_mins`: `rka1.<secret>.<portal key
/// fingerprint>`. Only its keyed hash is stored; the token itself is shown once.
pub async fn create_token(
    db: &Db,
    keys: &Keys,
    name: &str,
    ttl_mins: u64,
    now: UnixTime,
) -> Result<Zeroizing<String>, StoreError> {
    let secret = crate::crypto::url_token();
    let hash = keys.code_hash(TOKEN_CONTEXT, &secret);
    let expires = now + i64::try_from(ttl_mins).unwrap_or(60).saturating_mul(60);
    let mac = super::integrity::token_mac(keys, &hash, name, expires);
    db.insert_agent_token(&hash, name, now, expires, &mac).await?;
    let fingerprint = proto::fingerprint(&keys.agent_signing_key().verifying_key());
    Ok(Zeroizing::new(format!("rka1.{}.{fingerprint}", secret.as_str())))
}

/// Revokes an agent: later messages from it are refused and no job is sealed to it again.
pub async fn revoke(db: &Db, keys: &Keys, agent: &AgentRow, now: UnixTime) -> Result<bool, StoreError> {
    let mut revoked = AgentRow { revoked_at: Some(now), ..agent.clone() };
    super::integrity::seal_agent(keys, &mut revoked);
    db.revoke_agent(&agent.id, now, &revoked.mac.unwrap_or_default()).await
}

/// Finds one agent by id or by name (names must then be unique among unrevoked agents).
pub async fn find(db: &Db, id_or_name: &str) -> Result<Result<AgentRow, String>, StoreError> {
    let agents = db.list_agents().await?;
    if let Some(a) = agents.iter().find(|a| a.id == id_or_name) {
        return Ok(Ok(a.clone()));
    }
    let named: Vec<&AgentRow> = agents.iter().filter(|a| a.name == id_or_name && a.revoked_at.is_none()).collect();
    Ok(match named.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(format!("no agent with id or name {id_or_name:?}")),
        _ => Err(format!("several agents are named {id_or_name:?}; use the id")),
    })
}

/// A human description of an agent's state.
pub fn status(agent: &AgentRow, now: UnixTime, window_secs: u64) -> &'static str {
    let window = i64::try_from(window_secs).unwrap_or(30);
    if agent.revoked_at.is_some() {
        "revoked"
    } else if agent.stopping {
        "stopped"
    } else if agent.last_seen.is_some_and(|t| t >= now - window) {
        if agent.directory_ok == Some(false) { "connected, directory unreachable" } else { "connected" }
    } else if agent.last_seen.is_none() {
        "never connected"
    } else {
        "not connected"
    }
}

/// The agent list as a text table.
pub fn table(agents: &[AgentRow], now: UnixTime, window_secs: u64) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<36}  {:<20}  {:<10}  {:<18}  {:>6}  {:>6}  STATUS",
        "ID", "NAME", "VERSION", "LAST HEARD", "DONE", "FAILED"
    );
    for a in agents {
        let heard = match a.last_seen {
            Some(t) => format!("{} s ago", (now - t).max(0)),
            None => "never".into(),
        };
        let _ = writeln!(
            out,
            "{:<36}  {:<20}  {:<10}  {:<18}  {:>6}  {:>6}  {}",
            a.id,
            a.name,
            a.version,
            heard,
            a.jobs_done,
            a.jobs_failed,
            status(a, now, window_secs)
        );
        if !super::version::supported(&a.version) && a.revoked_at.is_none() {
            let _ = writeln!(out, "  ^ {}", super::version::warning(&a.version));
        }
    }
    out
}
