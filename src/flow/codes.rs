//! One-time codes within an attempt: issue, check, count wrong tries.
//!
//! Codes are stored only as keyed hashes. A wrong answer costs a try on the attempt; the try
//! after the last allowed one voids it. Counting happens in one database statement, so
//! parallel guesses cannot exceed the limit.

use secrecy::{ExposeSecret, SecretString};

use super::{FlowError, Services};
use crate::factors;
use crate::store::WrongTry;

/// What checking a code found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeCheck {
    Passed,
    Wrong {
        remaining: u32,
    },
    /// Too many wrong tries: the attempt is over.
    Voided,
    /// The code was right or wrong, but it is past its time; a new one is needed.
    Expired,
    /// No code is waiting on this channel; ask for one first.
    NotSent,
    /// A TOTP code that was already used once.
    Replayed,
}

impl CodeCheck {
    /// The audit trail's reason for a check that did not pass.
    pub fn failure_reason(self) -> Option<&'static str> {
        match self {
            CodeCheck::Passed => None,
            CodeCheck::Wrong { .. } => Some("wrong_code"),
            CodeCheck::Voided => Some("too_many_wrong_codes"),
            CodeCheck::Expired => Some("code_expired"),
            CodeCheck::NotSent => Some("no_code_sent"),
            CodeCheck::Replayed => Some("code_reused"),
        }
    }
}

fn context(attempt_id: &str, channel: &str) -> String {
    format!("{attempt_id}\0{channel}")
}

/// Makes a fresh code for an attempt's channel, replacing any earlier one.
pub async fn issue(services: &Services, attempt_id: &str, channel: &str) -> Result<SecretString, FlowError> {
    let code = factors::codes::generate(services.config.codes.length);
    let now = services.clock.now();
    let ttl = i64::try_from(services.config.codes.ttl_secs).unwrap_or(600);
    let hash = services.keys.code_hash(&context(attempt_id, channel), code.expose_secret());
    services.db.put_code(attempt_id, channel, &hash, now, now + ttl).await?;
    services.metrics.code_sent(channel);
    Ok(code)
}

/// Checks an attempt is still open before its codes are looked at.
pub async fn ensure_open(services: &Services, attempt_id: &str) -> Result<Option<CodeCheck>, FlowError> {
    let attempt = super::rows::attempt(services, attempt_id).await?.ok_or(FlowError::Expired)?;
    if attempt.expires_at <= services.clock.now() || attempt.completed_at.is_some() {
        return Err(FlowError::Expired);
    }
    Ok(attempt.voided.then_some(CodeCheck::Voided))
}

/// Checks a typed code against the one issued on `channel`.
pub async fn check(services: &Services, attempt_id: &str, channel: &str, input: &str) -> Result<CodeCheck, FlowError> {
    if let Some(closed) = ensure_open(services, attempt_id).await? {
        return Ok(closed);
    }
    let Some(stored) = services.db.get_code(attempt_id, channel).await? else {
        return Ok(CodeCheck::NotSent);
    };
    if stored.used_at.is_some() {
        return Ok(CodeCheck::NotSent);
    }
    let now = services.clock.now();
    if stored.expires_at <= now {
        return Ok(CodeCheck::Expired);
    }
    let Some(code) = factors::codes::normalise(input, services.config.codes.length) else {
        return wrong_try(services, attempt_id).await;
    };
    let hash = services.keys.code_hash(&context(attempt_id, channel), &code);
    if services.db.use_code(attempt_id, channel, &hash, now).await? {
        Ok(CodeCheck::Passed)
    } else {
        wrong_try(services, attempt_id).await
    }
}

/// Counts one wrong answer against the attempt.
pub async fn wrong_try(services: &Services, attempt_id: &str) -> Result<CodeCheck, FlowError> {
    Ok(match services.db.record_wrong_try(attempt_id, services.config.codes.max_wrong_tries).await? {
        WrongTry::Remaining(remaining) => CodeCheck::Wrong { remaining },
        WrongTry::Voided => CodeCheck::Voided,
    })
}

/// Checks an authenticator code against the authenticator apps among `methods`, for an open
/// attempt. A step is accepted once per app; a wrong code counts as a wrong try. Without any
/// app the same work is done against a seed nobody has.
pub async fn check_totp(
    services: &Services,
    attempt_id: &str,
    methods: &[crate::store::StoredMethod],
    input: &str,
) -> Result<CodeCheck, FlowError> {
    use crate::factors::totp;
    if let Some(closed) = ensure_open(services, attempt_id).await? {
        return Ok(closed);
    }
    let now = services.clock.now();
    let skew = services.config.totp.skew;
    let secrets = super::methods::totp_secrets(services, methods);
    if secrets.is_empty() {
        let _ = totp::verify(&totp::TotpSecret::generate(), input, now, skew);
    }
    for (id, secret) in &secrets {
        if let Some(step) = totp::verify(secret, input, now, skew) {
            return Ok(if services.db.claim_totp_step(id, step, now).await? {
                CodeCheck::Passed
            } else {
                CodeCheck::Replayed
            });
        }
    }
    wrong_try(services, attempt_id).await
}
