//! The writeback agent's wire protocol, shared by the portal and `rekey agent`.
//!
//! Every message is an [`Envelope`]: a JSON payload, kept as the exact bytes that were signed,
//! and an Ed25519 signature over a domain-separated copy of those bytes. The payload's
//! [`Header`] names the message kind, the agent, a random nonce and a timestamp, and a reply
//! names the nonce it answers. Receivers check all of them, so a message cannot be altered,
//! replayed, answered out of turn, or reused at another endpoint.
//!
//! Passwords travel only inside a job's sealed request: an X25519 sealed box (libsodium's
//! `crypto_box_seal`) to one agent's key, so the job table, a TLS-terminating proxy and the
//! portal's logs never see them.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use crypto_box::aead::OsRng;
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use rand::RngCore as _;
use secrecy::{ExposeSecret as _, SecretString};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use zeroize::Zeroizing;

use crate::directory::{DirError, DirUser, LockStatus};

/// Sent by the agent in `User-Agent`, its enrolment, heartbeats and polls.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub use super::version::MIN_AGENT_VERSION;

/// Unix seconds by the wall clock: message timestamps, and the portal's own deadlines.
pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// How far a message's timestamp may be from the receiver's clock, in seconds: the only place
/// the agent's wall clock meets the portal's. Leases travel as durations, which the agent
/// measures on its own monotonic clock, and a job's expiry is judged against the portal's
/// time as the offer states it ([`JobOffer`]), so an agent whose clock is off by less than this
/// works exactly like one whose clock is right.
pub const MAX_SKEW_SECS: i64 = 120;

/// Signatures cover this prefix and the payload bytes, so no other Ed25519 use of the same key
/// can be mistaken for a protocol message.
const SIGN_CONTEXT: &[u8] = b"rekey agent message v1\0";

/// The signer name of the portal's messages.
pub const PORTAL: &str = "portal";

/// What a message is; each endpoint accepts exactly one kind and answers with its pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Enroll,
    Enrolled,
    Heartbeat,
    HeartbeatAck,
    Poll,
    Offer,
    Result,
    ResultAck,
    Rotate,
    Rotated,
    Bye,
    ByeAck,
}

/// What travels over HTTP.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Envelope {
    /// The agent id, [`PORTAL`], or empty for an enrolment (signed by the key it registers).
    pub signer: String,
    /// Base64 of the signed JSON bytes of a [`Message`].
    pub payload: String,
    /// Base64 of the Ed25519 signature.
    pub sig: String,
}

/// The part of every message the receiver checks before it looks at the body.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Header {
    pub kind: Kind,
    /// The agent the message is from or for; empty in an enrolment.
    pub agent: String,
    /// 16 random bytes, base64url; never accepted twice.
    pub nonce: String,
    /// Unix seconds when the message was made.
    pub ts: i64,
    /// In a reply: the nonce of the request it answers.
    #[serde(default)]
    pub reply_to: Option<String>,
}

impl Header {
    pub fn new(kind: Kind, agent: &str, now: i64, reply_to: Option<&str>) -> Header {
        let mut nonce = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        Header {
            kind,
            agent: agent.to_owned(),
            nonce: base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(nonce),
            ts: now,
            reply_to: reply_to.map(str::to_owned),
        }
    }

    /// Checks kind, agent, freshness and, for replies, which request this answers.
    pub fn check(&self, kind: Kind, agent: &str, now: i64, reply_to: Option<&str>) -> Result<(), ProtoError> {
        if self.kind != kind {
            return Err(ProtoError::WrongKind);
        }
        if self.agent != agent {
            return Err(ProtoError::WrongAgent);
        }
        if (self.ts - now).abs() > MAX_SKEW_SECS {
            return Err(ProtoError::Stale);
        }
        if self.nonce.len() < 16 || self.nonce.len() > 64 {
            return Err(ProtoError::Malformed);
        }
        if reply_to.is_some() && self.reply_to.as_deref() != reply_to {
            return Err(ProtoError::NotAReply);
        }
        Ok(())
    }
}

/// A header and a body, as signed.
#[derive(Debug, Serialize, Deserialize)]
pub struct Message<T> {
    pub header: Header,
    pub body: T,
}

/// Why a message was refused. Never carries the message's content.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ProtoError {
    #[error("the message is malformed")]
    Malformed,
    #[error("the signature does not verify")]
    BadSignature,
    #[error("the message is of the wrong kind for this endpoint")]
    WrongKind,
    #[error("the message names another agent")]
    WrongAgent,
    #[error("the message's timestamp is too far from now")]
    Stale,
    #[error("the message does not answer the request it came back for")]
    NotAReply,
    #[error("the message was seen before (replay)")]
    Replayed,
    #[error("the sealed job could not be opened")]
    Unseal,
    /// The sealed job asks for an operation this build does not know (a newer portal's); the
    /// operation's name is the only part of the job it carries.
    #[error("the job's operation {0:?} is unknown to this agent")]
    UnknownOp(String),
    /// The job is not signed with the job key pinned at enrolment ([`super::signed_job`]).
    #[error("the job does not carry the portal's signature")]
    UnsignedJob,
    /// A key file from before jobs were signed: the agent runs no job until enrolled again.
    #[error("this agent has no pinned job-signing key: enrol it again (rekey agent enroll)")]
    NoJobKey,
}

/// Signs `body` under `header` with `key`.
pub fn sign<T: Serialize>(key: &SigningKey, signer: &str, header: Header, body: &T) -> Result<Envelope, ProtoError> {
    let bytes = serde_json::to_vec(&Message { header, body }).map_err(|_| ProtoError::Malformed)?;
    let signature = key.sign(&signed_bytes(&bytes));
    Ok(Envelope { signer: signer.to_owned(), payload: B64.encode(&bytes), sig: B64.encode(signature.to_bytes()) })
}

/// Verifies the signature with `key` and parses the message. The caller then checks its header.
pub fn open<T: DeserializeOwned>(envelope: &Envelope, key: &VerifyingKey) -> Result<Message<T>, ProtoError> {
    let bytes = B64.decode(&envelope.payload).map_err(|_| ProtoError::Malformed)?;
    let sig: [u8; 64] =
        B64.decode(&envelope.sig).ok().and_then(|s| s.try_into().ok()).ok_or(ProtoError::BadSignature)?;
    key.verify_strict(&signed_bytes(&bytes), &Signature::from_bytes(&sig)).map_err(|_| ProtoError::BadSignature)?;
    serde_json::from_slice(&bytes).map_err(|_| ProtoError::Malformed)
}

/// Parses a message without checking its signature: only for an enrolment, whose signing key
/// arrives in the body and is checked right after.
pub fn peek<T: DeserializeOwned>(envelope: &Envelope) -> Result<Message<T>, ProtoError> {
    let bytes = B64.decode(&envelope.payload).map_err(|_| ProtoError::Malformed)?;
    serde_json::from_slice(&bytes).map_err(|_| ProtoError::Malformed)
}

fn signed_bytes(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(SIGN_CONTEXT.len() + payload.len());
    out.extend_from_slice(SIGN_CONTEXT);
    out.extend_from_slice(payload);
    out
}

/// Base64 of a public key.
pub fn encode_key(bytes: &[u8]) -> String {
    B64.encode(bytes)
}

/// A 32-byte public key from base64.
pub fn decode_key(text: &str) -> Option<[u8; 32]> {
    B64.decode(text).ok()?.try_into().ok()
}

/// A verifying key from its 32 bytes.
pub fn verifying_key(bytes: &[u8]) -> Option<VerifyingKey> {
    VerifyingKey::from_bytes(bytes.try_into().ok()?).ok()
}

/// The short fingerprint of the portal's signing key that enrolment tokens carry, so an agent
/// pins the right portal even if TLS were intercepted while it enrols.
pub fn fingerprint(key: &VerifyingKey) -> String {
    hex::encode(&Sha256::digest(key.as_bytes())[..8])
}

/// What the proof of a key rotation signs with the new key.
pub fn rotation_proof_bytes(agent: &str, nonce: &str, box_key: &str, sign_key: &str) -> Vec<u8> {
    signed_bytes(format!("rotate\0{agent}\0{nonce}\0{box_key}\0{sign_key}").as_bytes())
}

/// Signs a rotation proof with the new key.
pub fn rotation_proof(new_key: &SigningKey, agent: &str, nonce: &str, box_key: &str, sign_key: &str) -> String {
    B64.encode(new_key.sign(&rotation_proof_bytes(agent, nonce, box_key, sign_key)).to_bytes())
}

/// Checks a rotation proof against the new verifying key.
pub fn rotation_proof_valid(
    new_key: &VerifyingKey,
    proof: &str,
    agent: &str,
    nonce: &str,
    box_key: &str,
    sign_key: &str,
) -> bool {
    let Some(sig) = B64.decode(proof).ok().and_then(|s| <[u8; 64]>::try_from(s).ok()) else { return false };
    new_key.verify_strict(&rotation_proof_bytes(agent, nonce, box_key, sign_key), &Signature::from_bytes(&sig)).is_ok()
}

// ---- bodies ----

#[derive(Debug, Serialize, Deserialize)]
pub struct EnrollBody {
    /// The secret part of the enrolment token.
    pub token: String,
    pub name: String,
    pub version: String,
    pub hostname: String,
    /// X25519 public key jobs are sealed to, base64.
    pub box_key: String,
    /// Ed25519 public key the agent signs with, base64; this message is signed with it.
    pub sign_key: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct EnrolledBody {
    pub agent_id: String,
    /// The portal's Ed25519 public key, base64.
    pub portal_key: String,
    /// The portal's job-signing key ([`super::signed_job`]), base64; agents pin it.
    #[serde(default)]
    pub job_key: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct HeartbeatBody {
    pub version: String,
    pub hostname: String,
    /// Whether the agent's last directory health check passed.
    pub directory_ok: bool,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct HeartbeatAckBody {
    /// An administrator asked this agent to rotate its keys.
    pub rotate_requested: bool,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct PollBody {
    /// How long the portal may hold the request open waiting for a job, in seconds.
    pub wait_secs: u64,
    /// The agent's [`VERSION`]; absent from older agents (the portal has it from heartbeats).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct OfferBody {
    pub job: Option<JobOffer>,
}

/// One leased job.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(into = "OfferWire", from = "OfferWire")]
pub struct JobOffer {
    pub job_id: String,
    pub lease_id: String,
    pub op: Op,
    /// The [`SealedJob`] sealed to this agent's box key, base64.
    pub sealed: String,
    /// Unix seconds (portal's clock) after which the portal refuses a result and has told the
    /// person the job failed. Agents before `lease_secs` compared it with their own clock.
    pub lease_expires: i64,
    /// The lease in seconds from when the portal signed the offer, counted by the agent on its
    /// monotonic clock from the offer's arrival ([`super::lease`]). Absent from older portals.
    pub lease_secs: Option<u64>,
}

/// How a [`JobOffer`] travels. `op` only ever names an operation of the first protocol: a
/// later one travels as `health` with its real name in `operation`. An agent that predates it
/// then still reads the offer, fails to read the sealed request and answers with an error
/// ([`is_unsupported`]), where otherwise it would drop the whole offer as malformed and leave
/// the person waiting out the lease.
#[derive(Serialize, Deserialize)]
struct OfferWire {
    job_id: String,
    lease_id: String,
    op: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    operation: Option<String>,
    sealed: String,
    lease_expires: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lease_secs: Option<u64>,
}

impl From<JobOffer> for OfferWire {
    fn from(o: JobOffer) -> OfferWire {
        let first = o.op.first_protocol_name();
        OfferWire {
            job_id: o.job_id,
            lease_id: o.lease_id,
            op: first.as_str().to_owned(),
            operation: (first != o.op).then(|| o.op.as_str().to_owned()),
            sealed: o.sealed,
            lease_expires: o.lease_expires,
            lease_secs: o.lease_secs,
        }
    }
}

impl From<OfferWire> for JobOffer {
    /// An `operation` this build does not know leaves the first-protocol name: opening the
    /// sealed request then says what is unknown ([`ProtoError::UnknownOp`]).
    fn from(w: OfferWire) -> JobOffer {
        let op = w.operation.as_deref().and_then(Op::parse).or_else(|| Op::parse(&w.op)).unwrap_or(Op::Health);
        JobOffer {
            job_id: w.job_id,
            lease_id: w.lease_id,
            op,
            sealed: w.sealed,
            lease_expires: w.lease_expires,
            lease_secs: w.lease_secs,
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ResultBody {
    pub job_id: String,
    pub lease_id: String,
    pub outcome: Outcome,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ResultAckBody {
    /// False when the lease had already ended: the portal told the person it failed.
    pub accepted: bool,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct RotateBody {
    pub box_key: String,
    pub sign_key: String,
    /// [`rotation_proof`] by the new signing key, so nobody registers a key they do not hold.
    pub proof: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Empty {}

// ---- jobs ----

/// The directory operation a job runs; the only part of a job stored in the clear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    FindUser,
    VerifyPassword,
    ChangePassword,
    ResetPassword,
    Unlock,
    LockStatus,
    Health,
    /// Not in the first protocol: see [`OfferWire`].
    ListUsers,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::FindUser => "find_user",
            Op::VerifyPassword => "verify_password",
            Op::ChangePassword => "change_password",
            Op::ResetPassword => "reset_password",
            Op::Unlock => "unlock",
            Op::LockStatus => "lock_status",
            Op::Health => "health",
            Op::ListUsers => "list_users",
        }
    }

    pub fn parse(s: &str) -> Option<Op> {
        [
            Op::FindUser,
            Op::VerifyPassword,
            Op::ChangePassword,
            Op::ResetPassword,
            Op::Unlock,
            Op::LockStatus,
            Op::Health,
            Op::ListUsers,
        ]
        .into_iter()
        .find(|o| o.as_str() == s)
    }

    /// The name a [`JobOffer`] gives the operation in `op`, which every agent can read.
    fn first_protocol_name(self) -> Op {
        match self {
            Op::ListUsers => Op::Health,
            other => other,
        }
    }

    /// Whether running it changes the directory (so a lost answer leaves the outcome unknown).
    pub fn writes(self) -> bool {
        matches!(self, Op::ChangePassword | Op::ResetPassword | Op::Unlock)
    }
}

/// What is sealed to the agent: the job id (so a box cannot be moved to another job), the
/// request with its passwords, and the portal's signature over all of it ([`super::signed_job`]).
#[derive(Serialize, Deserialize)]
pub struct SealedJob {
    pub job_id: String,
    pub request: Request,
    /// Unix seconds after which the agent refuses to run the job (the job's deadline).
    #[serde(default)]
    pub expires: i64,
    /// Base64 Ed25519 signature by the portal's job key.
    #[serde(default)]
    pub sig: Option<String>,
}

/// A directory call, with its arguments.
#[derive(Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Request {
    FindUser {
        login: String,
    },
    VerifyPassword {
        user: Box<DirUser>,
        #[serde(serialize_with = "expose")]
        password: SecretString,
    },
    ChangePassword {
        user: Box<DirUser>,
        #[serde(serialize_with = "expose")]
        old: SecretString,
        #[serde(serialize_with = "expose")]
        new: SecretString,
    },
    ResetPassword {
        user: Box<DirUser>,
        #[serde(serialize_with = "expose")]
        new: SecretString,
        must_change: bool,
    },
    Unlock {
        user: Box<DirUser>,
    },
    LockStatus {
        user: Box<DirUser>,
    },
    Health,
    /// One page of every account: those after the id `after`, in order of id, at most
    /// `max_bytes` of JSON. `listing` names the whole listing, so an agent reads the directory
    /// once (up to `limit` accounts) and serves the following pages from memory.
    ListUsers {
        listing: String,
        limit: usize,
        after: Option<String>,
        max_bytes: usize,
    },
}

impl Request {
    pub fn op(&self) -> Op {
        match self {
            Request::FindUser { .. } => Op::FindUser,
            Request::VerifyPassword { .. } => Op::VerifyPassword,
            Request::ChangePassword { .. } => Op::ChangePassword,
            Request::ResetPassword { .. } => Op::ResetPassword,
            Request::Unlock { .. } => Op::Unlock,
            Request::LockStatus { .. } => Op::LockStatus,
            Request::Health => Op::Health,
            Request::ListUsers { .. } => Op::ListUsers,
        }
    }
}

fn expose<S: serde::Serializer>(secret: &SecretString, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(secret.expose_secret())
}

/// What a job answered.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    User(Option<Box<DirUser>>),
    Done,
    Lock(LockStatus),
    Users(UserPage),
}

/// One page of a `list_users` listing.
#[derive(Debug, Serialize, Deserialize)]
pub struct UserPage {
    pub users: Vec<DirUser>,
    /// What to ask for as `after` next; `None` on the last page.
    pub next: Option<String>,
}

/// JSON bytes of accounts in one [`UserPage`]. Signed, base64-encoded and wrapped, an answer
/// then stays under the portal's default `server.max_body_bytes` (16 KiB).
pub const USER_PAGE_BYTES: usize = 10 * 1024;

/// The directory's answer or its typed refusal, exactly as the agent's LDAP code returned it.
pub type Outcome = Result<Answer, DirError>;

const UNOPENED: &str = "the agent could not open the job";
const UNSUPPORTED: &str = "this agent does not support the operation";

/// An agent's answer to a job it could not open.
pub fn unopened(e: &ProtoError) -> DirError {
    match e {
        ProtoError::UnknownOp(op) => DirError::Unavailable(format!("{UNSUPPORTED} {op:?}; upgrade the agent")),
        e => DirError::Unavailable(format!("{UNOPENED}: {e}")),
    }
}

/// Whether an agent answered that it does not know a job's operation: in its own words, or in
/// those of an agent from before operations could be unknown, which cannot read the request.
pub fn is_unsupported(e: &DirError) -> bool {
    let DirError::Unavailable(text) = e else { return false };
    text.starts_with(UNSUPPORTED) || *text == format!("{UNOPENED}: {}", ProtoError::Malformed)
}

/// Seals `job` to an agent's X25519 public key. The JSON plaintext is wiped after sealing.
pub fn seal_job(job: &SealedJob, box_key: &[u8]) -> Result<Vec<u8>, ProtoError> {
    let key: [u8; 32] = box_key.try_into().map_err(|_| ProtoError::Malformed)?;
    let mut plain = Zeroizing::new(Vec::with_capacity(1024));
    serde_json::to_writer(&mut *plain, job).map_err(|_| ProtoError::Malformed)?;
    crypto_box::PublicKey::from(key).seal(&mut OsRng, &plain).map_err(|_| ProtoError::Malformed)
}

/// Opens a sealed job with any of the agent's box keys (current first, then the previous one
/// kept across a rotation).
pub fn unseal_job(sealed: &[u8], keys: &[&crypto_box::SecretKey]) -> Result<SealedJob, ProtoError> {
    for key in keys {
        if let Ok(plain) = key.unseal(sealed) {
            let plain = Zeroizing::new(plain);
            return serde_json::from_slice(&plain)
                .map_err(|_| unknown_op(&plain).map_or(ProtoError::Malformed, ProtoError::UnknownOp));
        }
    }
    Err(ProtoError::Unseal)
}

/// The operation a sealed job names, when this build does not know it. Reads nothing else.
fn unknown_op(plain: &[u8]) -> Option<String> {
    #[derive(Deserialize)]
    struct Job {
        request: Tag,
    }
    #[derive(Deserialize)]
    struct Tag {
        op: String,
    }
    let op = serde_json::from_slice::<Job>(plain).ok()?.request.op;
    let printable = op.len() <= 64 && op.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    (Op::parse(&op).is_none() && printable).then_some(op)
}

#[cfg(test)]
mod tests;
