//! Binding a new method needs an existing one (NIST SP 800-63B §6.1.2.1): once a person has a
//! registered method, adding another or removing one needs, in the same sign-in, a passed code,
//! passkey or set of answers from one they already have. The directory password alone (which a
//! phishing page can take) registers only the first method.
//!
//! The proof counts wrong tries on the registration attempt, like a confirmation code does,
//! and the same per-address and per-account check limits as a reset.

use secrecy::{ExposeSecret as _, SecretString};

use super::codes::{self, CodeCheck};
use super::enrolment::Enrolment;
use super::limits::{self, Scope};
use super::{AuditRecord, FlowError, Requester, Services, methods, protection};
use crate::config::MethodKind;
use crate::directory::DirUser;
use crate::factors::questions::{self, Question, QuestionSet};
use crate::notify::messages;
use crate::policy;
use crate::store::StoredMethod;

fn channel(kind: MethodKind) -> String {
    format!("prove-{}", kind.as_str())
}

fn limit_key(services: &Services, user: &DirUser) -> String {
    hex::encode(services.keys.code_hash("rate:account", &limits::account_key(&user.login)))
}

/// The stored methods that can prove the person now (past the cooling-off period when an
/// older one exists, as for a reset).
async fn usable(services: &Services, e: &Enrolment) -> Result<Vec<StoredMethod>, FlowError> {
    let stored = methods::stored(services, &e.user).await?;
    protection::recovery_methods(services, &e.user, stored).await
}

/// The kinds the person can prove with: their registered methods the policy still allows.
pub async fn choices(services: &Services, e: &Enrolment) -> Result<Vec<MethodKind>, FlowError> {
    e.live(services).await?;
    let mut kinds: Vec<MethodKind> = usable(services, e)
        .await?
        .iter()
        .filter_map(|m| MethodKind::parse(&m.kind))
        .filter(|k| policy::method_allowed(&services.config.policy, *k))
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    Ok(kinds)
}

async fn may_use(services: &Services, e: &Enrolment, kind: MethodKind) -> Result<Vec<StoredMethod>, FlowError> {
    if !choices(services, e).await?.contains(&kind) {
        return Err(FlowError::OutOfStep("not a registered method"));
    }
    usable(services, e).await
}

/// Sends a code to the person's registered addresses (`Email`) or numbers (`Sms`); the
/// directory's own are not registered methods.
pub async fn send_code(services: &Services, who: &Requester, e: &Enrolment, kind: MethodKind) -> Result<(), FlowError> {
    let usable = may_use(services, e, kind).await?;
    if !matches!(kind, MethodKind::Email | MethodKind::Sms) {
        return Err(FlowError::OutOfStep("no code is sent for this method"));
    }
    if let Some(CodeCheck::Voided) = codes::ensure_open(services, &e.attempt_id).await? {
        return Err(FlowError::Expired);
    }
    limits::hit(services, Scope::SendByAddress, who.ip.as_deref()).await?;
    limits::hit(services, Scope::SendByAccount(kind.as_str()), Some(&limit_key(services, &e.user))).await?;
    let code = codes::issue(services, &e.attempt_id, &channel(kind)).await?;
    let registered_only = DirUser { emails: vec![], phones: vec![], ..e.user.clone() };
    let of_kind: Vec<StoredMethod> = usable.into_iter().filter(|m| m.kind == kind.as_str()).collect();
    if kind == MethodKind::Email {
        let to = methods::code_addresses(services, &registered_only, &of_kind);
        services.mail_code(who, to, &code, messages::CodePurpose::SignIn);
    } else {
        for to in super::sms::numbers(services, &registered_only, &of_kind) {
            super::sms::send_code(services, who, to, &code).await?;
        }
    }
    Ok(())
}

/// Checks a code from a registered address, number or authenticator app.
pub async fn check_code(
    services: &Services,
    who: &Requester,
    e: &mut Enrolment,
    kind: MethodKind,
    input: &str,
) -> Result<CodeCheck, FlowError> {
    let usable = may_use(services, e, kind).await?;
    limits_for_check(services, who, e, kind).await?;
    let result = match kind {
        MethodKind::Email | MethodKind::Sms => codes::check(services, &e.attempt_id, &channel(kind), input).await?,
        MethodKind::Totp => codes::check_totp(services, &e.attempt_id, &usable, input).await?,
        MethodKind::Questions | MethodKind::Passkey => return Err(FlowError::OutOfStep("not a code")),
    };
    conclude(services, who, e, kind, result).await
}

async fn limits_for_check(
    services: &Services,
    who: &Requester,
    e: &Enrolment,
    kind: MethodKind,
) -> Result<(), FlowError> {
    limits::hit(services, Scope::CheckByAddress, who.ip.as_deref()).await?;
    limits::hit(services, Scope::CheckByAccount(kind.as_str()), Some(&limit_key(services, &e.user))).await
}

async fn conclude(
    services: &Services,
    who: &Requester,
    e: &mut Enrolment,
    kind: MethodKind,
    result: CodeCheck,
) -> Result<CodeCheck, FlowError> {
    let record = AuditRecord {
        event: "method_proven",
        flow: Some("register"),
        user: Some(&e.user),
        outcome: if result == CodeCheck::Passed { "success" } else { "failure" },
        reason: result.failure_reason(),
        method: Some(kind.as_str()),
    };
    services.audit(who, record).await;
    if result == CodeCheck::Passed {
        e.proof.proven = true;
    }
    Ok(result)
}

async fn asked_with_hashes(services: &Services, e: &Enrolment) -> Result<Vec<(Question, String)>, FlowError> {
    let usable = may_use(services, e, MethodKind::Questions).await?;
    let Some(m) = usable.iter().find(|m| m.kind == MethodKind::Questions.as_str()) else {
        return Err(FlowError::OutOfStep("no questions registered"));
    };
    let bytes = methods::open(services, m)?;
    let set: QuestionSet = serde_json::from_slice(&bytes)
        .map_err(|err| FlowError::Internal(format!("stored questions do not parse: {err}")))?;
    let seed = services.keys.code_hash("questions:pick", e.user.id.as_str());
    Ok(questions::pick(&seed, set.items.len(), services.config.questions.to_answer)
        .into_iter()
        .filter_map(|i| set.items.get(i).map(|a| (a.question.clone(), a.hash.clone())))
        .collect())
}

/// The registered questions to answer, in order (the same ones a reset asks).
pub async fn questions_asked(services: &Services, e: &Enrolment) -> Result<Vec<Question>, FlowError> {
    Ok(asked_with_hashes(services, e).await?.into_iter().map(|(q, _)| q).collect())
}

/// Checks answers to the registered questions: all must be right.
pub async fn check_answers(
    services: &Services,
    who: &Requester,
    e: &mut Enrolment,
    answers: Vec<SecretString>,
) -> Result<CodeCheck, FlowError> {
    let kind = MethodKind::Questions;
    let asked = asked_with_hashes(services, e).await?;
    limits_for_check(services, who, e, kind).await?;
    if answers.len() != asked.len() {
        return Err(FlowError::OutOfStep("not one answer per question"));
    }
    let result = match codes::ensure_open(services, &e.attempt_id).await? {
        Some(closed) => closed,
        None => {
            let pairs: Vec<(String, SecretString)> = asked.into_iter().map(|(_, h)| h).zip(answers).collect();
            let all_right = tokio::task::spawn_blocking(move || {
                pairs.iter().fold(true, |ok, (hash, answer)| questions::verify(hash, answer.expose_secret()) & ok)
            })
            .await
            .map_err(|err| FlowError::Internal(format!("answer check failed: {err}")))?;
            if all_right { CodeCheck::Passed } else { codes::wrong_try(services, &e.attempt_id).await? }
        }
    };
    conclude(services, who, e, kind, result).await
}

/// Asks the browser to use one of the person's passkeys.
pub async fn passkey_options(
    services: &Services,
    e: &mut Enrolment,
) -> Result<webauthn_rs::prelude::RequestChallengeResponse, FlowError> {
    let usable = may_use(services, e, MethodKind::Passkey).await?;
    let keys: Vec<_> = methods::passkeys(services, &usable).into_iter().map(|(_, key)| key).collect();
    let rp = crate::factors::passkey::relying_party(&services.config).map_err(FlowError::Internal)?;
    let (options, state) = crate::factors::passkey::start_authentication(&rp, &services.keys, &keys, &e.user.login)
        .map_err(FlowError::Internal)?;
    e.proof.passkey_check = Some(state);
    Ok(options)
}

/// Checks the browser's answer to the last passkey check; anything but a valid, user-verified
/// answer counts as a wrong try.
pub async fn check_passkey(
    services: &Services,
    who: &Requester,
    e: &mut Enrolment,
    answer: &str,
) -> Result<CodeCheck, FlowError> {
    let kind = MethodKind::Passkey;
    may_use(services, e, kind).await?;
    limits_for_check(services, who, e, kind).await?;
    let state = e.proof.passkey_check.take();
    let result = match codes::ensure_open(services, &e.attempt_id).await? {
        Some(closed) => closed,
        None => {
            let rp = crate::factors::passkey::relying_party(&services.config).map_err(FlowError::Internal)?;
            let checked = match (state, crate::factors::passkey::parse(answer)) {
                (Some(state), Some(answer)) => {
                    rp.finish_passkey_authentication(&answer, &state).map_err(|err| err.to_string())
                }
                _ => Err("no passkey check asked for, or not an answer".to_owned()),
            };
            match checked {
                Ok(done) if done.user_verified() => {
                    methods::record_passkey_use(services, &e.user, &done).await?;
                    CodeCheck::Passed
                }
                Ok(_) => codes::wrong_try(services, &e.attempt_id).await?,
                Err(err) => {
                    tracing::info!(%err, "a passkey answer was refused");
                    codes::wrong_try(services, &e.attempt_id).await?
                }
            }
        }
    };
    conclude(services, who, e, kind, result).await
}
