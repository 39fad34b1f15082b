//! API tokens: made (shown once), listed, revoked and checked. A token is `rekey_` and 32
//! random bytes (base64url); the database keeps only its keyed hash (`Keys::code_hash`), with
//! its scopes, expiry and revocation under a row MAC, so neither a database reader can use a
//! token nor a database writer make or revive one.

use zeroize::Zeroizing;

use super::Scope;
use crate::clock::UnixTime;
use crate::crypto::Keys;
use crate::flow::{FlowError, Services};
use crate::store::{ApiTokenRow, Db, StoreError};
use crate::tamper::{self, Tampered};

/// Domain of the keyed hash under which tokens are stored.
const HASH_CONTEXT: &str = "api-token";
/// What every token starts with, so secret scanners and people recognise one.
pub const PREFIX: &str = "rekey_";
/// Longer than any token we make: refused without a database query.
const MAX_LEN: usize = 128;

/// A valid token, as a request carries it.
#[derive(Debug, Clone)]
pub struct ApiToken {
    pub id: String,
    pub name: String,
    pub scopes: Vec<Scope>,
    pub expires_at: UnixTime,
}

impl ApiToken {
    pub fn allows(&self, scope: Scope) -> bool {
        self.scopes.contains(&scope)
    }
}

/// Why a request's token was refused; every one answers the same 401.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    Missing,
    Unknown,
    Expired,
    Revoked,
    /// The row failed its MAC (reported as tampering).
    Tampered,
}

impl Denied {
    /// The audit record's reason.
    pub fn reason(self) -> &'static str {
        match self {
            Denied::Missing => "no_token",
            Denied::Unknown => "unknown_token",
            Denied::Expired => "expired_token",
            Denied::Revoked => "revoked_token",
            Denied::Tampered => "tampered_token",
        }
    }
}

/// The MAC a row carries, over every field that decides access.
pub fn row_mac(keys: &Keys, t: &ApiTokenRow) -> [u8; 32] {
    let created = t.created_at.to_be_bytes();
    let expires = t.expires_at.to_be_bytes();
    let revoked = t.revoked_at.map(i64::to_be_bytes);
    keys.row_mac(
        "api_tokens",
        &[
            Some(t.id.as_bytes()),
            Some(t.name.as_bytes()),
            Some(&t.token_hash),
            Some(t.scopes.as_bytes()),
            Some(&created),
            Some(&expires),
            revoked.as_ref().map(|r| &r[..]),
        ],
    )
}

/// Whether the row is as the portal wrote it.
pub fn intact(keys: &Keys, t: &ApiTokenRow) -> bool {
    crate::crypto::constant_time_eq(&row_mac(keys, t), &t.mac)
}

/// The scopes of a stored row, in a fixed order (unknown names dropped).
pub fn scopes_of(t: &ApiTokenRow) -> Vec<Scope> {
    let mut scopes: Vec<Scope> = t.scopes.split_whitespace().filter_map(Scope::parse).collect();
    scopes.sort_unstable();
    scopes.dedup();
    scopes
}

/// Makes a token named `name` with `scopes`, valid for `days`; returns its row and the token,
/// which exists nowhere else and is shown once.
pub async fn create(
    db: &Db,
    keys: &Keys,
    name: &str,
    scopes: &[Scope],
    days: u32,
    now: UnixTime,
) -> Result<(ApiTokenRow, Zeroizing<String>), StoreError> {
    let token = Zeroizing::new(format!("{PREFIX}{}", crate::crypto::url_token().as_str()));
    let mut scopes = scopes.to_vec();
    scopes.sort_unstable();
    scopes.dedup();
    let mut row = ApiTokenRow {
        id: uuid::Uuid::new_v4().to_string(),
        name: name.trim().chars().take(100).collect(),
        token_hash: keys.code_hash(HASH_CONTEXT, &token),
        scopes: scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" "),
        created_at: now,
        expires_at: now + i64::from(days) * 86_400,
        revoked_at: None,
        last_used: None,
        mac: vec![],
    };
    row.mac = row_mac(keys, &row).to_vec();
    db.insert_api_token(&row).await?;
    Ok((row, token))
}

/// Finds one token by id or by name (the name must then be unique among unrevoked tokens).
pub async fn find(db: &Db, id_or_name: &str) -> Result<Result<ApiTokenRow, String>, StoreError> {
    let tokens = db.list_api_tokens().await?;
    if let Some(t) = tokens.iter().find(|t| t.id == id_or_name) {
        return Ok(Ok(t.clone()));
    }
    let named: Vec<&ApiTokenRow> = tokens.iter().filter(|t| t.name == id_or_name && t.revoked_at.is_none()).collect();
    Ok(match named.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(format!("no unrevoked API token with id or name {id_or_name:?}")),
        _ => Err(format!("several API tokens are named {id_or_name:?}; use the id")),
    })
}

/// Revokes a token: it is refused from the next request on. False if it was revoked already.
pub async fn revoke(db: &Db, keys: &Keys, token: &ApiTokenRow, now: UnixTime) -> Result<bool, StoreError> {
    let revoked = ApiTokenRow { revoked_at: Some(now), ..token.clone() };
    db.revoke_api_token(&token.id, now, &row_mac(keys, &revoked)).await
}

/// The token a request presented, if it is one the portal made, unrevoked and unexpired.
pub async fn authenticate(services: &Services, presented: Option<&str>) -> Result<Result<ApiToken, Denied>, FlowError> {
    let Some(presented) = presented.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(Err(Denied::Missing));
    };
    if presented.len() > MAX_LEN || !presented.starts_with(PREFIX) {
        return Ok(Err(Denied::Unknown));
    }
    let hash = services.keys.code_hash(HASH_CONTEXT, presented);
    let Some(row) = services.db.api_token_by_hash(&hash).await? else { return Ok(Err(Denied::Unknown)) };
    let now = services.clock.now();
    if !intact(&services.keys, &row) {
        let t = Tampered { table: "api_tokens", row: Some(&row.id), user_id: None };
        tamper::report(&services.db, &services.keys, now, None, t).await;
        return Ok(Err(Denied::Tampered));
    }
    if row.revoked_at.is_some() {
        return Ok(Err(Denied::Revoked));
    }
    if row.expires_at <= now {
        return Ok(Err(Denied::Expired));
    }
    services.db.api_token_used(&row.id, now).await?;
    Ok(Ok(ApiToken { scopes: scopes_of(&row), id: row.id, name: row.name, expires_at: row.expires_at }))
}

/// The token list as a text table, for `rekey api-token list`.
pub fn table(keys: &Keys, tokens: &[ApiTokenRow], now: UnixTime) -> String {
    use std::fmt::Write as _;
    let date = |t: UnixTime| {
        time::OffsetDateTime::from_unix_timestamp(t).map(|d| d.date().to_string()).unwrap_or_else(|_| t.to_string())
    };
    let mut out = String::new();
    let _ =
        writeln!(out, "{:<36}  {:<20}  {:<32}  {:<10}  {:<10}  STATE", "ID", "NAME", "SCOPES", "EXPIRES", "LAST USED");
    for t in tokens {
        let state = if !intact(keys, t) {
            "refused (failed its integrity check)"
        } else if t.revoked_at.is_some() {
            "revoked"
        } else if t.expires_at <= now {
            "expired"
        } else {
            "valid"
        };
        let used = t.last_used.map_or_else(|| "never".to_owned(), date);
        let _ = writeln!(
            out,
            "{:<36}  {:<20}  {:<32}  {:<10}  {:<10}  {state}",
            t.id,
            t.name,
            t.scopes,
            date(t.expires_at),
            used
        );
    }
    out
}
