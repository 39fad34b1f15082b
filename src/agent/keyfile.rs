//! The agent's identity on disk: its id, the portal it enrolled with (URL and pinned signing
//! key) and its private keys, in one JSON file readable by its owner only (mode 0600).
//!
//! A rotation writes the new keys next to the file first and renames them into place only once
//! the portal has accepted them, so a crash never leaves the agent without working keys.

use std::io::Write as _;
use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use ed25519_dalek::{SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// What can go wrong reading or writing the key file. Never carries key material.
#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path} can be read by other users (mode {mode:o}); run: chmod 600 {path}")]
    Permissions { path: PathBuf, mode: u32 },
    #[error("{path} is not a rekey agent key file")]
    Malformed { path: PathBuf },
    #[error("{path} already exists: this agent is enrolled. Remove the file to enrol it again.")]
    Exists { path: PathBuf },
}

/// An enrolled agent's identity.
pub struct Identity {
    pub agent_id: String,
    pub name: String,
    pub portal_url: url::Url,
    /// The portal's Ed25519 key, pinned at enrolment.
    pub portal_key: VerifyingKey,
    /// The portal's job-signing key, pinned at enrolment; `None` in a key file from before jobs
    /// were signed, and then every job is refused until the agent is enrolled again.
    pub job_key: Option<VerifyingKey>,
    /// Signs every message the agent sends.
    pub sign: SigningKey,
    /// Opens the jobs sealed to this agent.
    pub boxk: crypto_box::SecretKey,
    /// The box key before the last rotation, for jobs sealed just before it.
    pub previous_box: Option<crypto_box::SecretKey>,
}

impl std::fmt::Debug for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Identity").field("agent_id", &self.agent_id).field("name", &self.name).finish_non_exhaustive()
    }
}

#[derive(Serialize, Deserialize)]
struct OnDisk {
    agent_id: String,
    name: String,
    portal_url: String,
    portal_key: String,
    #[serde(default)]
    job_key: Option<String>,
    sign_key: Zeroizing<String>,
    box_key: Zeroizing<String>,
    #[serde(default)]
    previous_box_key: Option<Zeroizing<String>>,
}

impl Identity {
    /// Fresh signing and box keys.
    pub fn generate_keys() -> (SigningKey, crypto_box::SecretKey) {
        (SigningKey::generate(&mut rand::rngs::OsRng), crypto_box::SecretKey::generate(&mut crypto_box::aead::OsRng))
    }

    /// The box keys to try on a sealed job, current first.
    pub fn box_keys(&self) -> Vec<&crypto_box::SecretKey> {
        std::iter::once(&self.boxk).chain(self.previous_box.as_ref()).collect()
    }

    /// Reads the key file, refusing one that others can read.
    pub fn load(path: &Path) -> Result<Identity, KeyFileError> {
        let io = |source| KeyFileError::Io { path: path.to_path_buf(), source };
        let meta = std::fs::metadata(path).map_err(io)?;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(KeyFileError::Permissions { path: path.to_path_buf(), mode });
        }
        let text = Zeroizing::new(std::fs::read(path).map_err(io)?);
        let malformed = || KeyFileError::Malformed { path: path.to_path_buf() };
        let disk: OnDisk = serde_json::from_slice(&text).map_err(|_| malformed())?;
        let secret = |b64: &str| -> Option<Zeroizing<[u8; 32]>> {
            let bytes = Zeroizing::new(B64.decode(b64).ok()?);
            Some(Zeroizing::new(bytes.as_slice().try_into().ok()?))
        };
        let sign = secret(&disk.sign_key).ok_or_else(malformed)?;
        let boxk = secret(&disk.box_key).ok_or_else(malformed)?;
        let previous_box = match &disk.previous_box_key {
            Some(k) => Some(crypto_box::SecretKey::from(*secret(k).ok_or_else(malformed)?)),
            None => None,
        };
        let portal_key = super::proto::decode_key(&disk.portal_key)
            .and_then(|k| VerifyingKey::from_bytes(&k).ok())
            .ok_or_else(malformed)?;
        let job_key = match &disk.job_key {
            Some(k) => Some(
                super::proto::decode_key(k).and_then(|k| VerifyingKey::from_bytes(&k).ok()).ok_or_else(malformed)?,
            ),
            None => None,
        };
        Ok(Identity {
            agent_id: disk.agent_id,
            name: disk.name,
            portal_url: url::Url::parse(&disk.portal_url).map_err(|_| malformed())?,
            portal_key,
            job_key,
            sign: SigningKey::from_bytes(&sign),
            boxk: crypto_box::SecretKey::from(*boxk),
            previous_box,
        })
    }

    /// Writes the identity to `path` atomically with mode 0600.
    pub fn save(&self, path: &Path) -> Result<(), KeyFileError> {
        let staged = Self::staged_path(path);
        self.write_new(&staged)?;
        std::fs::rename(&staged, path).map_err(|source| KeyFileError::Io { path: path.to_path_buf(), source })
    }

    /// Writes the identity to a file that must not exist yet, mode 0600 from its creation.
    pub fn write_new(&self, path: &Path) -> Result<(), KeyFileError> {
        let io = |source| KeyFileError::Io { path: path.to_path_buf(), source };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let disk = OnDisk {
            agent_id: self.agent_id.clone(),
            name: self.name.clone(),
            portal_url: self.portal_url.to_string(),
            portal_key: B64.encode(self.portal_key.as_bytes()),
            job_key: self.job_key.map(|k| B64.encode(k.as_bytes())),
            sign_key: Zeroizing::new(B64.encode(self.sign.to_bytes())),
            box_key: Zeroizing::new(B64.encode(self.boxk.to_bytes())),
            previous_box_key: self.previous_box.as_ref().map(|k| Zeroizing::new(B64.encode(k.to_bytes()))),
        };
        let mut bytes = Zeroizing::new(Vec::with_capacity(1024));
        serde_json::to_writer_pretty(&mut *bytes, &disk)
            .map_err(|_| KeyFileError::Malformed { path: path.to_path_buf() })?;
        let mut file =
            std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path).map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    KeyFileError::Exists { path: path.to_path_buf() }
                } else {
                    io(e)
                }
            })?;
        file.write_all(&bytes).map_err(io)?;
        file.sync_all().map_err(io)
    }

    /// Where a new key file is staged before it replaces `path`.
    pub fn staged_path(path: &Path) -> PathBuf {
        let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        name.push(".new");
        path.with_file_name(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identity() -> Identity {
        let (sign, boxk) = Identity::generate_keys();
        Identity {
            agent_id: "a1".into(),
            name: "dc-site-1".into(),
            portal_url: url::Url::parse("https://portal.example.com").unwrap(),
            portal_key: SigningKey::generate(&mut rand::rngs::OsRng).verifying_key(),
            job_key: Some(SigningKey::generate(&mut rand::rngs::OsRng).verifying_key()),
            sign,
            boxk,
            previous_box: None,
        }
    }

    #[test]
    fn a_key_file_is_private_and_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("agent.key");
        let id = identity();
        id.write_new(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let back = Identity::load(&path).unwrap();
        assert_eq!(back.agent_id, "a1");
        assert_eq!(back.sign.to_bytes(), id.sign.to_bytes());
        assert_eq!(back.boxk.to_bytes(), id.boxk.to_bytes());
        assert_eq!(back.job_key, id.job_key);
        assert!(matches!(id.write_new(&path), Err(KeyFileError::Exists { .. })));
    }

    #[test]
    fn a_key_file_from_before_signed_jobs_loads_without_a_job_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("agent.key");
        let id = Identity { job_key: None, ..identity() };
        id.write_new(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
        json.as_object_mut().unwrap().remove("job_key");
        std::fs::remove_file(&path).unwrap();
        std::fs::write(&path, json.to_string()).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let back = Identity::load(&path).unwrap();
        assert!(back.job_key.is_none(), "such an agent refuses every job until enrolled again");
    }

    #[test]
    fn a_key_file_others_can_read_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("agent.key");
        identity().write_new(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = Identity::load(&path).unwrap_err();
        assert!(err.to_string().contains("chmod 600"), "{err}");
    }
}
