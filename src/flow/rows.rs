//! The portal's own rows, authenticated: attempts and registered methods carry a MAC
//! (`Keys::row_mac`, a key derived from the master key) over their id and every column that
//! says whose they are and since or until when. A row that was edited, moved to another
//! account or inserted without the master key fails the check, is treated as absent and is
//! reported as tampering (`crate::tamper`).
//!
//! What is not covered, on purpose: counters and marks that only ever move one way in one
//! atomic statement (an attempt's wrong tries, `voided`, `completed_at`; a method's last use
//! and last TOTP step). Someone who can write the database can reset those, as they can delete
//! any row; that never makes another person's attempt or reset succeed. Codes are keyed hashes
//! bound to their attempt and channel already (`flow::codes`), so a code row copied or forged
//! without the master key never matches. "This wasn't me" blocks, disown tokens and method
//! reviews are not MACed: forging one only blocks self-service or asks for a review (what a
//! database writer can do anyway by deleting rows), and a block that failed a check must not be
//! read as no block.

use super::{FlowError, Services};
use crate::config::MethodKind;
use crate::crypto::{Keys, constant_time_eq};
use crate::directory::UserId;
use crate::store::{Attempt, Db, StoreError, StoredMethod};
use crate::tamper::{self, Tampered};

/// Associated data that binds a sealed value to its owner and kind, so a row copied to
/// another account does not open.
pub fn seal_context(user_id: &str, kind: MethodKind) -> Vec<u8> {
    format!("method\0{user_id}\0{}", kind.as_str()).into_bytes()
}

const ATTEMPT: &str = "attempt v1";
const METHOD: &str = "method v1";

/// The MAC of an attempt row: id, flow, account, created and expires.
pub fn attempt_mac(keys: &Keys, a: &Attempt) -> [u8; 32] {
    keys.row_mac(
        ATTEMPT,
        &[
            Some(a.id.as_bytes()),
            Some(a.flow.as_bytes()),
            a.user_id.as_deref().map(str::as_bytes),
            Some(&a.created_at.to_be_bytes()),
            Some(&a.expires_at.to_be_bytes()),
        ],
    )
}

/// The MAC of a method row: id, account, kind, label, sealed value and when it was registered
/// (which the cooling-off period reads).
pub fn method_mac(keys: &Keys, m: &StoredMethod) -> [u8; 32] {
    keys.row_mac(
        METHOD,
        &[
            Some(m.id.as_bytes()),
            Some(m.user_id.as_bytes()),
            Some(m.kind.as_bytes()),
            Some(m.label.as_bytes()),
            Some(&m.sealed),
            Some(&m.created_at.to_be_bytes()),
        ],
    )
}

/// Opens a new attempt at `flow` for the account `user_id` (none: an unknown account), due
/// by the flow deadline, and saves it with its MAC.
pub async fn start_attempt(services: &Services, flow: &str, user_id: Option<&UserId>) -> Result<Attempt, FlowError> {
    let attempt = Attempt {
        id: uuid::Uuid::new_v4().to_string(),
        flow: flow.into(),
        user_id: user_id.map(|id| id.0.clone()),
        created_at: services.clock.now(),
        expires_at: services.flow_deadline(),
        wrong_tries: 0,
        voided: false,
        completed_at: None,
    };
    create_attempt(services, &attempt).await?;
    Ok(attempt)
}

/// Saves a new attempt with its MAC.
pub async fn create_attempt(services: &Services, a: &Attempt) -> Result<(), FlowError> {
    Ok(services.db.create_attempt_with_mac(a, &attempt_mac(&services.keys, a)).await?)
}

/// An attempt by id, if it exists and its MAC checks out.
pub async fn attempt(services: &Services, id: &str) -> Result<Option<Attempt>, FlowError> {
    let Some((a, mac)) = services.db.get_attempt_with_mac(id).await? else {
        return Ok(None);
    };
    if mac.is_some_and(|mac| constant_time_eq(&attempt_mac(&services.keys, &a), &mac)) {
        return Ok(Some(a));
    }
    let t = Tampered { table: "attempts", row: Some(&a.id), user_id: a.user_id.as_deref() };
    tamper::report(&services.db, &services.keys, services.clock.now(), None, t).await;
    Ok(None)
}

/// An account's methods whose MACs check out, oldest first; the others are reported.
pub async fn methods(services: &Services, user_id: &str) -> Result<Vec<StoredMethod>, FlowError> {
    let mut good = Vec::new();
    for (m, mac) in services.db.list_methods_with_macs(user_id).await? {
        if mac.is_some_and(|mac| constant_time_eq(&method_mac(&services.keys, &m), &mac)) {
            good.push(m);
        } else {
            let t = Tampered { table: "methods", row: Some(&m.id), user_id: Some(&m.user_id) };
            tamper::report(&services.db, &services.keys, services.clock.now(), None, t).await;
        }
    }
    Ok(good)
}

/// Saves a newly confirmed method with its MAC.
pub async fn insert_method(services: &Services, m: &StoredMethod) -> Result<(), FlowError> {
    Ok(services.db.insert_method_with_mac(m, &method_mac(&services.keys, m)).await?)
}

/// Saves a newly confirmed passkey with its MAC; false when its credential is taken.
pub async fn insert_passkey(services: &Services, m: &StoredMethod, credential: &str) -> Result<bool, FlowError> {
    Ok(services.db.insert_passkey(m, credential, &method_mac(&services.keys, m)).await?)
}

/// Replaces the sealed value of `m` (as read and checked) and its MAC.
pub async fn reseal_method(services: &Services, m: &StoredMethod, sealed: Vec<u8>) -> Result<(), FlowError> {
    let m = StoredMethod { sealed, ..m.clone() };
    let mac = method_mac(&services.keys, &m);
    Ok(services.db.reseal_method(&m.id, &m.sealed, &mac, services.clock.now()).await?)
}

/// Gives the methods an earlier version stored (without MAC) theirs. Called once, by the
/// process (`rekey serve` or `rekey migrate`) that applies migration 0008: a row without MAC
/// that appears later was written without the master key and is never bound (otherwise copying
/// an account's own sealed row with an earlier `created_at` and no MAC would, at the next
/// restart, skip the cooling-off period). Only a row whose sealed value opens for its own
/// account and kind is bound: that proves it was written with the master key for that account,
/// so a row moved to another account before the upgrade gains nothing either. A row that does
/// not open keeps no MAC: it is treated as absent and reported whenever it is read.
/// Returns (bound, refused).
pub async fn bind_legacy_methods(db: &Db, keys: &Keys) -> Result<(usize, usize), StoreError> {
    let (mut bound, mut refused) = (0, 0);
    for m in db.methods_without_mac().await? {
        let opens =
            MethodKind::parse(&m.kind).is_some_and(|k| keys.open(&m.sealed, &seal_context(&m.user_id, k)).is_ok());
        if opens && db.set_method_mac(&m.id, &method_mac(keys, &m)).await? {
            bound += 1;
        } else if !opens {
            refused += 1;
            tracing::warn!(method = %m.id, user_id = %m.user_id, "a stored method does not open for its own account and kind; it stays unbound and unused");
        }
    }
    if bound + refused > 0 {
        tracing::info!(bound, refused, "methods from an earlier version were given their MAC");
    }
    Ok((bound, refused))
}
