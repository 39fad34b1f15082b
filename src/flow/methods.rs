//! A person's registered methods as flows need them: which kinds count, where codes and
//! notifications go, and the TOTP seeds to check against. Seeds and addresses are opened here
//! and nowhere else.

use std::collections::BTreeSet;

use zeroize::Zeroizing;

use super::rows::seal_context;
use super::{FlowError, Services};
use crate::config::MethodKind;
use crate::directory::DirUser;
use crate::factors::totp::TotpSecret;
use crate::store::StoredMethod;

/// The methods stored for an account.
pub async fn stored(services: &Services, user: &DirUser) -> Result<Vec<StoredMethod>, FlowError> {
    super::rows::methods(services, user.id.as_str()).await
}

/// The methods stored for an account, or, for an attempt without one, the same query for
/// an id nobody has: an unknown account costs the same store work as a known one.
pub async fn stored_or_decoy(services: &Services, user: Option<&DirUser>) -> Result<Vec<StoredMethod>, FlowError> {
    match user {
        Some(user) => stored(services, user).await,
        None => {
            let _ = super::rows::methods(services, &format!("unknown:{}", uuid::Uuid::new_v4())).await?;
            Ok(vec![])
        }
    }
}

/// What stand-in passkey lists and decoy questions are drawn from: the account a login
/// matched (in scope or not), else the typed login's key, so every alias of one account shows
/// the same stand-ins and none tells whether it registered anything.
pub fn stand_in_seed(services: &Services, found: Option<&DirUser>, typed_key: &str) -> String {
    found.map_or_else(|| typed_key.to_owned(), |u| hex::encode(services.keys.code_hash("stand-in", u.id.as_str())))
}

/// Distinct kinds the person can use: stored ones the policy still allows, and the
/// directory's mail address when the admin lets it count.
pub fn usable_kinds(services: &Services, user: &DirUser, methods: &[StoredMethod]) -> BTreeSet<MethodKind> {
    let policy = &services.config.policy;
    let mut kinds: BTreeSet<MethodKind> =
        methods.iter().filter_map(|m| MethodKind::parse(&m.kind)).filter(|k| policy.methods.contains(k)).collect();
    if directory_mail_counts(services, user) {
        kinds.insert(MethodKind::Email);
    }
    if directory_phone_counts(services, user) {
        kinds.insert(MethodKind::Sms);
    }
    kinds
}

/// How many distinct registered methods count towards `policy.methods_to_register`.
pub fn counted_kinds(services: &Services, user: &DirUser, methods: &[StoredMethod]) -> usize {
    let kinds: Vec<MethodKind> = usable_kinds(services, user, methods).into_iter().collect();
    crate::policy::counted(&services.config, user, &kinds)
}

/// Whether the directory's own mail attribute counts as a registered address.
pub fn directory_mail_counts(services: &Services, user: &DirUser) -> bool {
    services.config.email.use_directory_mail
        && services.config.policy.methods.contains(&MethodKind::Email)
        && !user.emails.is_empty()
}

/// Whether the directory's phone attribute counts as a registered number.
pub fn directory_phone_counts(services: &Services, user: &DirUser) -> bool {
    services.config.sms.use_directory_phone
        && services.config.policy.methods.contains(&MethodKind::Sms)
        && !user.phones.is_empty()
}

/// Opens one sealed value of a stored method.
pub fn open(services: &Services, method: &StoredMethod) -> Result<Zeroizing<Vec<u8>>, FlowError> {
    let kind =
        MethodKind::parse(&method.kind).ok_or_else(|| FlowError::Internal("unknown method kind in store".into()))?;
    services
        .keys
        .open(&method.sealed, &seal_context(&method.user_id, kind))
        .map_err(|e| FlowError::Internal(format!("cannot open stored method {}: {e}", method.id)))
}

/// Addresses a one-time code may be sent to.
pub fn code_addresses(services: &Services, user: &DirUser, methods: &[StoredMethod]) -> Vec<String> {
    let mut out = registered_addresses(services, methods);
    if directory_mail_counts(services, user) {
        out.extend(user.emails.iter().cloned());
    }
    dedup(out)
}

/// Addresses told about every change to the account: registered ones and the directory's.
pub fn notification_addresses(services: &Services, user: &DirUser, methods: &[StoredMethod]) -> Vec<String> {
    let mut out = registered_addresses(services, methods);
    out.extend(user.emails.iter().cloned());
    dedup(out)
}

fn registered_addresses(services: &Services, methods: &[StoredMethod]) -> Vec<String> {
    methods
        .iter()
        .filter(|m| m.kind == MethodKind::Email.as_str())
        .filter_map(|m| match open(services, m) {
            Ok(bytes) => String::from_utf8(bytes.to_vec()).ok(),
            Err(err) => {
                tracing::error!(%err, "skipping a stored address that does not open");
                None
            }
        })
        .collect()
}

fn dedup(mut addresses: Vec<String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    addresses.retain(|a| seen.insert(a.to_ascii_lowercase()));
    addresses
}

/// The account's TOTP seeds with their method ids.
pub fn totp_secrets(services: &Services, methods: &[StoredMethod]) -> Vec<(String, TotpSecret)> {
    methods
        .iter()
        .filter(|m| m.kind == MethodKind::Totp.as_str())
        .filter_map(|m| match open(services, m) {
            Ok(bytes) => TotpSecret::from_bytes(&bytes).map(|s| (m.id.clone(), s)),
            Err(err) => {
                tracing::error!(%err, "skipping a stored TOTP seed that does not open");
                None
            }
        })
        .collect()
}

/// The account's passkeys with their method ids.
pub fn passkeys(services: &Services, methods: &[StoredMethod]) -> Vec<(String, webauthn_rs::prelude::Passkey)> {
    methods
        .iter()
        .filter(|m| m.kind == MethodKind::Passkey.as_str())
        .filter_map(|m| match open(services, m).map(|bytes| serde_json::from_slice(&bytes)) {
            Ok(Ok(key)) => Some((m.id.clone(), key)),
            Ok(Err(err)) => {
                tracing::error!(%err, "skipping a stored passkey that does not parse");
                None
            }
            Err(err) => {
                tracing::error!(%err, "skipping a stored passkey that does not open");
                None
            }
        })
        .collect()
}

/// Keeps the passkey's signature counter (a cloned authenticator shows up as a counter that
/// goes back) and when it was last used, after a check it passed.
pub async fn record_passkey_use(
    services: &Services,
    user: &DirUser,
    done: &webauthn_rs::prelude::AuthenticationResult,
) -> Result<(), FlowError> {
    let stored = stored(services, user).await?;
    for (id, mut key) in passkeys(services, &stored) {
        if key.update_credential(done).is_some() {
            let json = Zeroizing::new(
                serde_json::to_vec(&key)
                    .map_err(|err| FlowError::Internal(format!("cannot encode a passkey: {err}")))?,
            );
            let sealed = services.keys.seal(&json, &seal_context(user.id.as_str(), MethodKind::Passkey));
            if let Some(m) = stored.iter().find(|m| m.id == id) {
                super::rows::reseal_method(services, m, sealed).await?;
            }
        }
    }
    Ok(())
}
