//! The portal's signature on a job: who, what operation, until when, with what arguments.
//!
//! A job's sealed box only proves that someone knew the agent's public key, which sits in the
//! database. So the portal signs every job with a key of its own (derived from the master key,
//! [`crate::crypto::Keys::agent_job_key`]) that agents pin at enrolment, and an agent runs no job
//! whose signature does not verify. The signature covers the job id, its expiry and the whole
//! request (operation, account with its stable id, passwords), so a box cannot be re-sealed
//! with other arguments, moved to another job, or replayed after its deadline. It travels
//! inside the sealed box, so nobody but the agent sees it.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use serde::Serialize;
use zeroize::Zeroizing;

use super::proto::{ProtoError, Request, SealedJob};

/// Job signatures cover this prefix, so no other use of the key can be mistaken for a job.
const JOB_CONTEXT: &[u8] = b"rekey agent job v1\0";

#[derive(Serialize)]
struct Claim<'a> {
    job_id: &'a str,
    expires: i64,
    request: &'a Request,
}

fn signed_bytes(job_id: &str, expires: i64, request: &Request) -> Result<Zeroizing<Vec<u8>>, ProtoError> {
    let mut out = Zeroizing::new(Vec::with_capacity(1024));
    out.extend_from_slice(JOB_CONTEXT);
    serde_json::to_writer(&mut *out, &Claim { job_id, expires, request }).map_err(|_| ProtoError::Malformed)?;
    Ok(out)
}

/// The job to seal, signed with the portal's job key.
pub fn sign(key: &SigningKey, job_id: String, expires: i64, request: Request) -> Result<SealedJob, ProtoError> {
    let sig = key.sign(&signed_bytes(&job_id, expires, &request)?);
    Ok(SealedJob { job_id, request, expires, sig: Some(B64.encode(sig.to_bytes())) })
}

/// Checks an opened job's signature against the pinned job key and its expiry against `now`.
pub fn verify(job: &SealedJob, key: &VerifyingKey, now: i64) -> Result<(), ProtoError> {
    let sig: [u8; 64] = job
        .sig
        .as_deref()
        .and_then(|s| B64.decode(s).ok())
        .and_then(|s| s.try_into().ok())
        .ok_or(ProtoError::UnsignedJob)?;
    key.verify_strict(&signed_bytes(&job.job_id, job.expires, &job.request)?, &Signature::from_bytes(&sig))
        .map_err(|_| ProtoError::UnsignedJob)?;
    if now > job.expires {
        return Err(ProtoError::Stale);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agent::proto::{seal_job, unseal_job};
    use secrecy::SecretString;

    fn reset(password: &str) -> Request {
        let user = crate::directory::DirUser {
            id: crate::directory::UserId("guid-1".into()),
            dn: "CN=a,DC=corp".into(),
            login: "a".into(),
            display_name: "A".into(),
            emails: vec![],
            phones: vec![],
            groups: vec![],
            state: Default::default(),
        };
        Request::ResetPassword {
            user: Box::new(user),
            new: SecretString::from(password.to_owned()),
            must_change: false,
        }
    }

    #[test]
    fn a_signed_job_verifies_after_sealing_and_nothing_else_does() {
        let portal = SigningKey::generate(&mut rand::rngs::OsRng);
        let other = SigningKey::generate(&mut rand::rngs::OsRng);
        let boxk = crypto_box::SecretKey::generate(&mut crypto_box::aead::OsRng);
        let job = sign(&portal, "j1".into(), 100, reset("Old-Pw-1")).unwrap();
        let opened = unseal_job(&seal_job(&job, boxk.public_key().as_bytes()).unwrap(), &[&boxk]).unwrap();
        assert_eq!(verify(&opened, &portal.verifying_key(), 100), Ok(()));
        assert_eq!(verify(&opened, &portal.verifying_key(), 101), Err(ProtoError::Stale));
        assert_eq!(verify(&opened, &other.verifying_key(), 100), Err(ProtoError::UnsignedJob));

        // The signature of one job does not carry another password, id or expiry.
        let mut swapped = sign(&portal, "j1".into(), 100, reset("Attacker-Pw-2")).unwrap();
        swapped.sig = opened.sig.clone();
        assert_eq!(verify(&swapped, &portal.verifying_key(), 100), Err(ProtoError::UnsignedJob));
        let mut moved = opened;
        moved.job_id = "j2".into();
        assert_eq!(verify(&moved, &portal.verifying_key(), 100), Err(ProtoError::UnsignedJob));
        moved.job_id = "j1".into();
        moved.expires = 1_000;
        assert_eq!(verify(&moved, &portal.verifying_key(), 100), Err(ProtoError::UnsignedJob));
        moved.sig = None;
        assert_eq!(verify(&moved, &portal.verifying_key(), 100), Err(ProtoError::UnsignedJob));
    }
}
