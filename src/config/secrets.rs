//! `[secrets]`: the master key, from the file or from `master_key_file`.

use std::path::PathBuf;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use super::redact;

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SecretsConfig {
    /// 32 random bytes, base64: encrypts TOTP seeds and addresses at rest, keys code hashes
    /// and CSRF tokens. `openssl rand -base64 32`.
    #[serde(serialize_with = "redact")]
    pub master_key: Option<SecretString>,
    pub master_key_file: Option<PathBuf>,
}

impl SecretsConfig {
    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        match &self.master_key {
            None => err(
                "secrets.master_key",
                "missing: set 32 random bytes in base64 (openssl rand -base64 32), or secrets.master_key_file".into(),
            ),
            Some(k) if decode_key(k.expose_secret()).is_none() => {
                err("secrets.master_key", "expected exactly 32 bytes encoded in base64".into())
            }
            Some(_) => {}
        }
    }
}

pub(super) fn decode_key(text: &str) -> Option<[u8; 32]> {
    use base64::Engine;
    let bytes = zeroize::Zeroizing::new(base64::engine::general_purpose::STANDARD.decode(text.trim()).ok()?);
    bytes.as_slice().try_into().ok()
}
