//! Passkeys and security keys (WebAuthn, through webauthn-rs): registration and use, bound to
//! the relying party of `[passkeys]`, with user verification (PIN or biometrics) required both
//! times, so a passkey on its own proves something the person has and something they are or
//! know.
//!
//! A person's credentials are listed to the browser when they use one (the username comes
//! first here). So that the list says nothing about whether the account exists or has a
//! passkey, an account without one gets made-up ids shaped like real ones.

use std::time::Duration;

use webauthn_rs::fake::{FakePasskeyDistribution, WebauthnFakeCredentialGenerator};
use webauthn_rs::prelude::{
    CreationChallengeResponse, Passkey, PasskeyAuthentication, PasskeyRegistration, RequestChallengeResponse, Url,
    Uuid, Webauthn, WebauthnBuilder,
};
use webauthn_rs_proto::AllowCredentials;

use crate::config::Config;
use crate::crypto::Keys;

/// Longest name a person can give a passkey.
pub const MAX_NAME_CHARS: usize = 60;

/// The relying party: our side of every passkey ceremony.
pub fn relying_party(config: &Config) -> Result<Webauthn, String> {
    let rp = config
        .passkeys
        .relying_party(&config.server.public_url, &config.kiosk.hosts)
        .map_err(|(key, message)| format!("{key}: {message}"))?;
    let (first, rest) = rp.origins.split_first().ok_or("passkeys.origins: no origin")?;
    let mut builder = WebauthnBuilder::new(&rp.id, first)
        .map_err(|e| format!("passkeys: {e}"))?
        .rp_name(&config.server.organisation)
        .timeout(Duration::from_secs(config.passkeys.timeout_secs));
    for origin in rest {
        builder = builder.append_allowed_origin(origin);
    }
    builder.build().map_err(|e| format!("passkeys: {e}"))
}

/// The user handle a person's passkeys carry: stable for the account, derived with our key so
/// it reveals nothing about the directory's id.
pub fn user_handle(keys: &Keys, user_id: &str) -> Uuid {
    let hash = keys.code_hash("passkey:user", user_id);
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&hash[..16]);
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// What the store keeps to tell whether a credential is registered already: a keyed hash of
/// its id, so the id itself is not kept in the clear.
pub fn credential_key(keys: &Keys, credential_id: &[u8]) -> String {
    use base64::Engine as _;
    let id = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(credential_id);
    hex::encode(keys.code_hash("passkey:credential", &id))
}

/// A name for a passkey as typed: trimmed, control characters dropped, at most
/// `MAX_NAME_CHARS`. `None` when nothing is left.
pub fn clean_name(typed: &str) -> Option<String> {
    let name: String =
        typed.chars().filter(|c| !c.is_control()).collect::<String>().trim().chars().take(MAX_NAME_CHARS).collect();
    let name = name.trim().to_owned();
    (!name.is_empty()).then_some(name)
}

/// Starts registering a passkey. Credentials the person has already are excluded, so one
/// authenticator is not registered twice.
pub fn start_registration(
    rp: &Webauthn,
    keys: &Keys,
    user_id: &str,
    login: &str,
    display_name: &str,
    existing: &[Passkey],
) -> Result<(CreationChallengeResponse, PasskeyRegistration), String> {
    let exclude: Vec<_> = existing.iter().map(|p| p.cred_id().clone()).collect();
    let display = if display_name.is_empty() { login } else { display_name };
    rp.start_passkey_registration(user_handle(keys, user_id), login, display, (!exclude.is_empty()).then_some(exclude))
        .map_err(|e| format!("cannot start a passkey registration: {e}"))
}

/// Starts a use of one of `passkeys`: the options for the browser and the state that checks
/// the answer. With no passkeys (an account without one, or no account), the list holds
/// made-up ids, drawn by webauthn-rs's generator to look like real people's lists and the same
/// each time for the same `username`, and never empty; nothing can answer them.
pub fn start_authentication(
    rp: &Webauthn,
    keys: &Keys,
    passkeys: &[Passkey],
    username: &str,
) -> Result<(RequestChallengeResponse, PasskeyAuthentication), String> {
    let (mut options, state) =
        rp.start_passkey_authentication(passkeys).map_err(|e| format!("cannot start a passkey check: {e}"))?;
    let list = &mut options.public_key.allow_credentials;
    if passkeys.is_empty() {
        let key = keys.code_hash("passkey:fake-credentials", "");
        let generator = WebauthnFakeCredentialGenerator::<FakePasskeyDistribution>::new(&key)
            .map_err(|e| format!("cannot make stand-in credentials: {e}"))?;
        // The distribution gives about one account in six no credential at all, but an
        // account that has a passkey always lists one: draw again (from the same username, so
        // the list stays the same each visit) until the list is not empty.
        let name = username.trim().to_lowercase();
        for draw in 0u8..32 {
            let seed = if draw == 0 { name.clone() } else { format!("{name}\0{draw}") };
            let fake =
                generator.generate(seed.as_bytes()).map_err(|e| format!("cannot make stand-in credentials: {e}"))?;
            if !fake.is_empty() {
                list.extend(fake.into_iter().map(|id| AllowCredentials {
                    type_: "public-key".into(),
                    id,
                    transports: None,
                }));
                break;
            }
        }
    }
    // Transports would tell a platform passkey from a security key; without them the browser
    // offers every way.
    for c in list.iter_mut() {
        c.transports = None;
    }
    Ok((options, state))
}

/// Parses a browser's answer; `None` for anything that is not one.
pub fn parse<T: serde::de::DeserializeOwned>(json: &str) -> Option<T> {
    if json.len() > 64 * 1024 {
        return None;
    }
    serde_json::from_str(json).ok()
}

/// The main origin, for messages.
pub fn main_origin(rp: &Webauthn) -> Option<&Url> {
    rp.get_allowed_origins().first()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An account with a passkey always lists at least one, so a stand-in list must never be
    /// empty: an empty list would say "no passkey registered here".
    #[test]
    fn stand_in_lists_are_never_empty() {
        let origin = Url::parse("https://rekey.example.com").unwrap();
        let rp = WebauthnBuilder::new("rekey.example.com", &origin).unwrap().build().unwrap();
        let keys = Keys::derive(&[7u8; 32]);
        for n in 0..300 {
            let username = format!("person{n}");
            let (options, _) = start_authentication(&rp, &keys, &[], &username).unwrap();
            assert!(!options.public_key.allow_credentials.is_empty(), "{username} got an empty stand-in list");
            let (again, _) = start_authentication(&rp, &keys, &[], &username).unwrap();
            let ids = |o: &RequestChallengeResponse| {
                o.public_key.allow_credentials.iter().map(|c| c.id.clone()).collect::<Vec<_>>()
            };
            assert_eq!(ids(&options), ids(&again), "{username}: the stand-ins change between visits");
        }
    }
}
