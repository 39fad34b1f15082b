//! One-time codes within an attempt: issue, check, count wrong tries.
//!
//! Codes are stored only as keyed hashes. Every comparison first reserves a try on the attempt,
//! in the one statement that checks the limit; a right answer gives its try back, a wrong one
//! keeps it, and a wrong answer on the last try voids the attempt. So parallel guesses get no
//! more comparisons than the limit, whatever order they arrive in.

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

/// A check's result, and whether it compared an answer and found it wrong (a failed proof,
/// which `flow::failures` counts per account).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judged {
    pub check: CodeCheck,
    pub failed: bool,
}

impl Judged {
    /// Not judged at all (no code waiting, expired, or no try left).
    pub fn unjudged(check: CodeCheck) -> Judged {
        Judged { check, failed: false }
    }
}

/// A try reserved on an attempt before an answer is compared (see `Db::reserve_try`).
#[must_use = "a reserved try is settled as wrong or released"]
pub struct Try<'a> {
    attempt_id: &'a str,
    number: u32,
}

/// Reserves a try, or `None` when the attempt has none left (or is void, ended or expired).
pub async fn reserve<'a>(services: &Services, attempt_id: &'a str) -> Result<Option<Try<'a>>, FlowError> {
    let max = services.config.codes.max_wrong_tries;
    let number = services.db.reserve_try(attempt_id, max, services.clock.now()).await?;
    Ok(number.map(|number| Try { attempt_id, number }))
}

/// The attempt is open and a try is reserved on it; or what closed it (`Voided` when its tries
/// are used up).
pub async fn open_try<'a>(services: &Services, attempt_id: &'a str) -> Result<Result<Try<'a>, CodeCheck>, FlowError> {
    if let Some(closed) = ensure_open(services, attempt_id).await? {
        return Ok(Err(closed));
    }
    Ok(reserve(services, attempt_id).await?.ok_or(CodeCheck::Voided))
}

impl Try<'_> {
    /// The answer was wrong: the try stays counted, and the last one voids the attempt.
    pub async fn wrong(self, services: &Services) -> Result<Judged, FlowError> {
        let max = services.config.codes.max_wrong_tries;
        let check = match services.db.settle_wrong_try(self.attempt_id, self.number, max).await? {
            WrongTry::Remaining(remaining) => CodeCheck::Wrong { remaining },
            WrongTry::Voided => CodeCheck::Voided,
        };
        Ok(Judged { check, failed: true })
    }

    /// The answer was right (or not a wrong one, like a replayed code): the try is given back.
    pub async fn release(self, services: &Services, check: CodeCheck) -> Result<Judged, FlowError> {
        services.db.release_try(self.attempt_id).await?;
        Ok(Judged::unjudged(check))
    }
}

/// Checks a typed code against the one issued on `channel`.
pub async fn check(services: &Services, attempt_id: &str, channel: &str, input: &str) -> Result<CodeCheck, FlowError> {
    Ok(check_judged(services, attempt_id, channel, input).await?.check)
}

/// Checks a typed code against the one issued on `channel`. A try is reserved before the code
/// is compared, so parallel posts get no more comparisons than the attempt allows.
pub async fn check_judged(
    services: &Services,
    attempt_id: &str,
    channel: &str,
    input: &str,
) -> Result<Judged, FlowError> {
    if let Some(closed) = ensure_open(services, attempt_id).await? {
        return Ok(Judged::unjudged(closed));
    }
    let Some(stored) = services.db.get_code(attempt_id, channel).await? else {
        return Ok(Judged::unjudged(CodeCheck::NotSent));
    };
    if stored.used_at.is_some() {
        return Ok(Judged::unjudged(CodeCheck::NotSent));
    }
    let now = services.clock.now();
    if stored.expires_at <= now {
        return Ok(Judged::unjudged(CodeCheck::Expired));
    }
    let Some(try_) = reserve(services, attempt_id).await? else {
        return Ok(Judged::unjudged(CodeCheck::Voided));
    };
    let Some(code) = factors::codes::normalise(input, services.config.codes.length) else {
        return try_.wrong(services).await;
    };
    let hash = services.keys.code_hash(&context(attempt_id, channel), &code);
    if services.db.use_code(attempt_id, channel, &hash, now).await? {
        try_.release(services, CodeCheck::Passed).await
    } else {
        try_.wrong(services).await
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
    Ok(check_totp_judged(services, attempt_id, methods, input).await?.check)
}

/// [`check_totp`], saying whether it was a failed proof.
pub async fn check_totp_judged(
    services: &Services,
    attempt_id: &str,
    methods: &[crate::store::StoredMethod],
    input: &str,
) -> Result<Judged, FlowError> {
    use crate::factors::totp;
    let try_ = match open_try(services, attempt_id).await? {
        Ok(try_) => try_,
        Err(closed) => return Ok(Judged::unjudged(closed)),
    };
    let now = services.clock.now();
    let skew = services.config.totp.skew;
    let secrets = super::methods::totp_secrets(services, methods);
    if secrets.is_empty() {
        let _ = totp::verify(&totp::TotpSecret::generate(), input, now, skew);
    }
    for (id, secret) in &secrets {
        if let Some(step) = totp::verify(secret, input, now, skew) {
            let check =
                if services.db.claim_totp_step(id, step, now).await? { CodeCheck::Passed } else { CodeCheck::Replayed };
            return try_.release(services, check).await;
        }
    }
    try_.wrong(services).await
}
