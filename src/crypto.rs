//! The few cryptographic operations rekey needs, all keyed from one 32-byte master key.
//!
//! Sealing (XChaCha20-Poly1305) protects registered addresses and TOTP seeds at rest; a keyed
//! hash (HMAC-SHA256) is the only form in which one-time codes are stored; CSRF tokens are
//! self-verifying. Subkeys are derived with HKDF-SHA256 and wiped from memory on drop. Nothing
//! here ever logs, formats or returns a key or a plaintext in an error.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::digest::KeyInit;
use hmac::digest::generic_array::GenericArray;
use hmac::{Hmac, Mac};
use rand::RngCore as _;
use rand::rngs::OsRng;
use sha2::Sha256;
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;
const CSRF_NONCE_LEN: usize = 16;
const CSRF_TAG_LEN: usize = 16;

const SEAL_INFO: &[u8] = b"rekey seal v1";
const CODE_MAC_INFO: &[u8] = b"rekey code mac v1";
const CSRF_INFO: &[u8] = b"rekey csrf v1";
const AGENT_SIGN_INFO: &[u8] = b"rekey agent signing v1";
const AUDIT_INFO: &[u8] = b"rekey audit chain v1";
const AGENT_JOB_INFO: &[u8] = b"rekey agent job signing v1";
const AGENT_ROW_INFO: &[u8] = b"rekey agent row mac v1";
const ROW_MAC_INFO: &[u8] = b"rekey row mac v1";
const SESSION_INFO: &[u8] = b"rekey session seal v1";

/// Why sealed data could not be opened. Never carries the data itself.
#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    /// Too short to hold a nonce and an authentication tag.
    #[error("sealed data is malformed")]
    Malformed,
    /// Wrong key, wrong context (aad) or altered bytes.
    #[error("sealed data failed authentication")]
    Unauthentic,
}

/// Subkeys derived from the master key; zeroized on drop.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct Keys {
    seal: [u8; 32],
    code_mac: [u8; 32],
    csrf: [u8; 32],
    agent_sign: [u8; 32],
    audit: [u8; 32],
    agent_job: [u8; 32],
    agent_row: [u8; 32],
    row_mac: [u8; 32],
    session: [u8; 32],
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys { .. }")
    }
}

impl Keys {
    /// Derives the seal, code-MAC and CSRF subkeys (HKDF-SHA256, no salt, one label each).
    pub fn derive(master: &[u8; 32]) -> Keys {
        // HKDF-Extract with the default salt (HashLen zero bytes).
        let prk = Zeroizing::new(hmac_sha256(&[0u8; 32], &[master]));
        Keys {
            seal: hkdf_expand_32(&prk, SEAL_INFO),
            code_mac: hkdf_expand_32(&prk, CODE_MAC_INFO),
            csrf: hkdf_expand_32(&prk, CSRF_INFO),
            agent_sign: hkdf_expand_32(&prk, AGENT_SIGN_INFO),
            audit: hkdf_expand_32(&prk, AUDIT_INFO),
            agent_job: hkdf_expand_32(&prk, AGENT_JOB_INFO),
            agent_row: hkdf_expand_32(&prk, AGENT_ROW_INFO),
            row_mac: hkdf_expand_32(&prk, ROW_MAC_INFO),
            session: hkdf_expand_32(&prk, SESSION_INFO),
        }
    }

    /// Encrypts and authenticates `plaintext` bound to `aad`: random 24-byte nonce || ciphertext.
    ///
    /// The only failure XChaCha20-Poly1305 has is a plaintext over its ~256 GiB limit; such a
    /// call yields an empty blob that can never be opened rather than anything readable.
    pub fn seal(&self, plaintext: &[u8], aad: &[u8]) -> Vec<u8> {
        seal_with(&self.seal, plaintext, aad)
    }

    /// Opens what [`Keys::seal`] produced with the same `aad`.
    pub fn open(&self, sealed: &[u8], aad: &[u8]) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
        open_with(&self.seal, sealed, aad)
    }

    /// Seals a whole session record (its own key, so a session can never be opened as a
    /// stored method or the other way round).
    pub fn seal_session(&self, plaintext: &[u8], aad: &[u8]) -> Vec<u8> {
        seal_with(&self.session, plaintext, aad)
    }

    /// Opens what [`Keys::seal_session`] produced with the same `aad`.
    pub fn open_session(&self, sealed: &[u8], aad: &[u8]) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
        open_with(&self.session, sealed, aad)
    }

    /// A database row's authenticator: HMAC-SHA256(row key, purpose, fields), each part
    /// length-prefixed and each field marked present or absent, so no two different rows (or
    /// the same values under another purpose) share an input.
    pub fn row_mac(&self, purpose: &str, fields: &[Option<&[u8]>]) -> [u8; 32] {
        let mut input = Vec::with_capacity(64 + fields.iter().map(|f| f.map_or(1, |b| 9 + b.len())).sum::<usize>());
        input.extend_from_slice(&(purpose.len() as u64).to_be_bytes());
        input.extend_from_slice(purpose.as_bytes());
        for field in fields {
            match field {
                None => input.push(0),
                Some(bytes) => {
                    input.push(1);
                    input.extend_from_slice(&(bytes.len() as u64).to_be_bytes());
                    input.extend_from_slice(bytes);
                }
            }
        }
        hmac_sha256(&self.row_mac, &[&input])
    }

    /// Whether `mac` is [`Keys::row_mac`] of these fields (compared in constant time).
    pub fn row_mac_valid(&self, purpose: &str, fields: &[Option<&[u8]>], mac: &[u8]) -> bool {
        constant_time_eq(&self.row_mac(purpose, fields), mac)
    }

    /// The portal's Ed25519 key for messages to writeback agents. Derived, so every replica
    /// sharing the master key signs alike.
    pub fn agent_signing_key(&self) -> ed25519_dalek::SigningKey {
        ed25519_dalek::SigningKey::from_bytes(&self.agent_sign)
    }

    /// The portal's Ed25519 key for signing jobs (who, what operation): a key of its own, pinned
    /// by agents at enrolment, derived so that nothing in the database can stand in for it.
    pub fn agent_job_key(&self) -> ed25519_dalek::SigningKey {
        ed25519_dalek::SigningKey::from_bytes(&self.agent_job)
    }

    /// The MAC that authenticates a writeback-agent row (agent, token, job): HMAC-SHA256 over
    /// the purpose, the row id and `fields`, each length-prefixed so no two rows collide.
    pub fn agent_row_mac(&self, purpose: &str, id: &[u8], fields: &[&[u8]]) -> Vec<u8> {
        let mut parts: Vec<Vec<u8>> = Vec::with_capacity(2 * (fields.len() + 2));
        for part in [purpose.as_bytes(), id].into_iter().chain(fields.iter().copied()) {
            parts.push((part.len() as u64).to_be_bytes().to_vec());
            parts.push(part.to_vec());
        }
        let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        hmac_sha256(&self.agent_row, &refs).to_vec()
    }

    /// Whether `mac` is [`Keys::agent_row_mac`] of the row (compared in constant time).
    pub fn agent_row_mac_valid(&self, mac: Option<&[u8]>, purpose: &str, id: &[u8], fields: &[&[u8]]) -> bool {
        mac.is_some_and(|mac| constant_time_eq(&self.agent_row_mac(purpose, id, fields), mac))
    }

    /// The audit chain's link: HMAC-SHA256(audit key, len(prev) || prev || record).
    pub fn audit_mac(&self, prev: &[u8], record: &[u8]) -> Vec<u8> {
        let len = (prev.len() as u64).to_be_bytes();
        hmac_sha256(&self.audit, &[&len, prev, record]).to_vec()
    }

    /// The MAC of an audit checkpoint line: HMAC-SHA256 under a key derived from the audit
    /// key for checkpoints only, so a checkpoint can never pass for a chain link.
    pub fn audit_checkpoint_mac(&self, body: &[u8]) -> Vec<u8> {
        let key = Zeroizing::new(hmac_sha256(&self.audit, &[b"rekey audit checkpoint key v1"]));
        hmac_sha256(&key, &[body]).to_vec()
    }

    /// The stored form of a one-time code: HMAC-SHA256(code key, context || 0 || code).
    pub fn code_hash(&self, context: &str, code: &str) -> Vec<u8> {
        hmac_sha256(&self.code_mac, &[context.as_bytes(), &[0], code.as_bytes()]).to_vec()
    }

    /// A fresh CSRF token: base64url(16 random bytes) "." base64url(first 16 bytes of its MAC).
    pub fn csrf_token(&self) -> String {
        let mut nonce = [0u8; CSRF_NONCE_LEN];
        OsRng.fill_bytes(&mut nonce);
        let tag = hmac_sha256(&self.csrf, &[&nonce]);
        format!("{}.{}", URL_SAFE_NO_PAD.encode(nonce), URL_SAFE_NO_PAD.encode(&tag[..CSRF_TAG_LEN]))
    }

    /// Whether `token` was made by [`Keys::csrf_token`] with these keys (tag compared in constant time).
    pub fn csrf_token_valid(&self, token: &str) -> bool {
        let Some((nonce, tag)) = token.split_once('.') else {
            return false;
        };
        let (Ok(nonce), Ok(tag)) = (URL_SAFE_NO_PAD.decode(nonce), URL_SAFE_NO_PAD.decode(tag)) else {
            return false;
        };
        if nonce.len() != CSRF_NONCE_LEN {
            return false;
        }
        let expected = hmac_sha256(&self.csrf, &[&nonce]);
        constant_time_eq(&expected[..CSRF_TAG_LEN], &tag)
    }
}

/// Compares two byte strings in time that depends only on their lengths.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

/// HMAC-SHA256 with a 32-byte key over the concatenation of `parts`.
fn hmac_sha256(key: &[u8; 32], parts: &[&[u8]]) -> [u8; 32] {
    // HMAC zero-pads a key shorter than the 64-byte block, so keying with the padded block is
    // HMAC keyed with `key` itself, through the constructor that cannot fail.
    let mut block = Zeroizing::new([0u8; 64]);
    block[..32].copy_from_slice(key);
    let mut mac = <Hmac<Sha256> as KeyInit>::new(GenericArray::from_slice(&block[..]));
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

/// HKDF-Expand for one 32-byte block: T(1) = HMAC(PRK, info || 0x01).
fn hkdf_expand_32(prk: &[u8; 32], info: &[u8]) -> [u8; 32] {
    hmac_sha256(prk, &[info, &[1]])
}

/// XChaCha20-Poly1305 with `key`: random 24-byte nonce || ciphertext (empty on the only,
/// impossible failure: a plaintext over ~256 GiB).
fn seal_with(key: &[u8; 32], plaintext: &[u8], aad: &[u8]) -> Vec<u8> {
    let cipher = XChaCha20Poly1305::new(GenericArray::from_slice(key));
    let mut nonce = [0u8; NONCE_LEN];
    OsRng.fill_bytes(&mut nonce);
    match cipher.encrypt(XNonce::from_slice(&nonce), Payload { msg: plaintext, aad }) {
        Ok(ciphertext) => {
            let mut out = Vec::with_capacity(NONCE_LEN + ciphertext.len());
            out.extend_from_slice(&nonce);
            out.extend_from_slice(&ciphertext);
            out
        }
        Err(_) => Vec::new(),
    }
}

/// Opens what [`seal_with`] produced with the same key and `aad`.
fn open_with(key: &[u8; 32], sealed: &[u8], aad: &[u8]) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    if sealed.len() < NONCE_LEN + TAG_LEN {
        return Err(CryptoError::Malformed);
    }
    let (nonce, ciphertext) = sealed.split_at(NONCE_LEN);
    let cipher = XChaCha20Poly1305::new(GenericArray::from_slice(key));
    cipher
        .decrypt(XNonce::from_slice(nonce), Payload { msg: ciphertext, aad })
        .map(Zeroizing::new)
        .map_err(|_| CryptoError::Unauthentic)
}

/// A fresh secret for a link or a token: 32 random bytes, base64url without padding. Only its
/// keyed hash (`Keys::code_hash`) is ever stored.
pub fn url_token() -> Zeroizing<String> {
    let mut raw = Zeroizing::new([0u8; 32]);
    OsRng.fill_bytes(&mut *raw);
    Zeroizing::new(URL_SAFE_NO_PAD.encode(*raw))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Keys {
        Keys::derive(&[7u8; 32])
    }

    #[test]
    fn sealed_data_opens_to_the_original_plaintext() {
        let k = keys();
        let sealed = k.seal(b"alice@example.test", b"user-1/email");
        assert_eq!(k.open(&sealed, b"user-1/email").unwrap().as_slice(), b"alice@example.test");
    }

    #[test]
    fn sealing_twice_gives_different_blobs() {
        let k = keys();
        assert_ne!(k.seal(b"same", b"ctx"), k.seal(b"same", b"ctx"));
    }

    #[test]
    fn sealed_data_does_not_contain_the_plaintext() {
        let sealed = keys().seal(b"JBSWY3DPEHPK3PXP", b"ctx");
        assert!(!sealed.windows(16).any(|w| w == b"JBSWY3DPEHPK3PXP"));
    }

    #[test]
    fn opening_with_a_different_aad_fails() {
        let k = keys();
        let sealed = k.seal(b"secret", b"user-1/totp");
        assert!(matches!(k.open(&sealed, b"user-2/totp"), Err(CryptoError::Unauthentic)));
    }

    #[test]
    fn opening_a_tampered_blob_fails() {
        let k = keys();
        let sealed = k.seal(b"secret", b"ctx");
        for i in 0..sealed.len() {
            let mut bad = sealed.clone();
            bad[i] ^= 0x01;
            assert!(k.open(&bad, b"ctx").is_err(), "flipping byte {i} went unnoticed");
        }
    }

    #[test]
    fn opening_a_truncated_blob_is_malformed() {
        assert!(matches!(keys().open(&[0u8; 39], b""), Err(CryptoError::Malformed)));
        assert!(matches!(keys().open(&[], b""), Err(CryptoError::Malformed)));
    }

    #[test]
    fn opening_with_another_master_key_fails() {
        let sealed = keys().seal(b"secret", b"ctx");
        assert!(Keys::derive(&[8u8; 32]).open(&sealed, b"ctx").is_err());
    }

    #[test]
    fn code_hash_depends_on_context_and_code() {
        let k = keys();
        let h = k.code_hash("attempt-1/email", "123456");
        assert_eq!(h, k.code_hash("attempt-1/email", "123456"));
        assert_ne!(h, k.code_hash("attempt-2/email", "123456"));
        assert_ne!(h, k.code_hash("attempt-1/email", "123457"));
        // The separator keeps "ab"+"c" apart from "a"+"bc".
        assert_ne!(k.code_hash("ab", "c"), k.code_hash("a", "bc"));
        assert_ne!(h, Keys::derive(&[8u8; 32]).code_hash("attempt-1/email", "123456"));
    }

    #[test]
    fn csrf_tokens_verify() {
        let k = keys();
        let t = k.csrf_token();
        assert!(k.csrf_token_valid(&t));
        assert_ne!(t, k.csrf_token());
    }

    #[test]
    fn forged_csrf_tokens_are_refused() {
        let k = keys();
        let t = k.csrf_token();
        let (nonce, tag) = t.split_once('.').unwrap();
        assert!(!Keys::derive(&[8u8; 32]).csrf_token_valid(&t));
        assert!(!k.csrf_token_valid(""));
        assert!(!k.csrf_token_valid(nonce));
        assert!(!k.csrf_token_valid(&format!("{nonce}.")));
        assert!(!k.csrf_token_valid(&format!("{nonce}.{}", URL_SAFE_NO_PAD.encode([0u8; 16]))));
        assert!(!k.csrf_token_valid(&format!("{}.{tag}", URL_SAFE_NO_PAD.encode([0u8; 16]))));
        assert!(!k.csrf_token_valid(&format!("{nonce}.{}", &tag[..tag.len() - 2])));
        assert!(!k.csrf_token_valid(&format!("{t}x")));
    }

    #[test]
    fn subkeys_match_the_hkdf_crate_and_differ_from_each_other() {
        let master = [42u8; 32];
        let k = Keys::derive(&master);
        let hk = hkdf::Hkdf::<Sha256>::new(None, &master);
        for (info, derived) in [(SEAL_INFO, k.seal), (CODE_MAC_INFO, k.code_mac), (CSRF_INFO, k.csrf)] {
            let mut okm = [0u8; 32];
            hk.expand(info, &mut okm).unwrap();
            assert_eq!(okm, derived);
        }
        assert_ne!(k.seal, k.code_mac);
        assert_ne!(k.code_mac, k.csrf);
    }

    #[test]
    fn hmac_helper_matches_hmac_keyed_from_a_slice() {
        let key = [9u8; 32];
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key).unwrap();
        mac.update(b"hello");
        assert_eq!(hmac_sha256(&key, &[b"hel", b"lo"]), <[u8; 32]>::from(mac.finalize().into_bytes()));
    }

    #[test]
    fn constant_time_eq_compares_content_and_length() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }

    #[test]
    fn row_macs_bind_purpose_fields_and_absence() {
        let k = keys();
        let mac = k.row_mac("attempts", &[Some(b"a1"), Some(b"user-1"), None]);
        assert!(k.row_mac_valid("attempts", &[Some(b"a1"), Some(b"user-1"), None], &mac));
        assert!(!k.row_mac_valid("methods", &[Some(b"a1"), Some(b"user-1"), None], &mac));
        assert!(!k.row_mac_valid("attempts", &[Some(b"a1"), Some(b"user-2"), None], &mac));
        assert!(!k.row_mac_valid("attempts", &[Some(b"a1"), Some(b"user-1"), Some(b"")], &mac));
        assert!(!k.row_mac_valid("attempts", &[Some(b"a1u"), Some(b"ser-1"), None], &mac));
        assert!(!Keys::derive(&[8u8; 32]).row_mac_valid("attempts", &[Some(b"a1"), Some(b"user-1"), None], &mac));
    }

    #[test]
    fn sessions_and_methods_are_sealed_with_different_keys() {
        let k = keys();
        let sealed = k.seal_session(b"record", b"ctx");
        assert_eq!(k.open_session(&sealed, b"ctx").unwrap().as_slice(), b"record");
        assert!(k.open(&sealed, b"ctx").is_err());
        assert!(k.open_session(&k.seal(b"record", b"ctx"), b"ctx").is_err());
    }

    #[test]
    fn debug_shows_no_key_material() {
        assert_eq!(format!("{:?}", keys()), "Keys { .. }");
    }
}
