//! Reset and unlock: a username, then the required number of distinct methods, then the new
//! password (reset) or the unlock itself.
//!
//! From the username on, every page and every answer is the same whether the account exists,
//! is in scope or has registered anything: an unknown person gets an attempt without a user,
//! codes are made and stored for it but never sent, and no code can ever pass.

use serde::{Deserialize, Serialize};

use super::codes::{self, CodeCheck, Judged};
use super::limits::{self, Scope};
use super::methods;
use super::protection;
use super::{AuditRecord, FlowError, Requester, Services};
use crate::config::MethodKind;
use crate::directory::{DirUser, Login};
use crate::factors::questions::{self, Question, QuestionSet};
use crate::notify::messages;
use crate::policy;
use secrecy::{ExposeSecret as _, SecretString};

mod finish;
pub use finish::{ResetOutcome, reset, unlock};

/// Which of the two recovery flows this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Purpose {
    Reset,
    Unlock,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Reset => "reset",
            Purpose::Unlock => "unlock",
        }
    }
}

/// One reset or unlock attempt, kept in the person's session.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Recovery {
    pub purpose: Purpose,
    pub attempt_id: String,
    /// `None` when the login matched no usable, in-scope account.
    user: Option<DirUser>,
    pub passed: Vec<MethodKind>,
    pub expires_at: i64,
    /// The account as the per-account limits count it (resolved: every alias alike), as a
    /// keyed hash.
    limit_key: String,
    /// Where the account's streak of failed proofs is kept (`flow::failures`).
    #[serde(default)]
    streak_key: String,
    /// The passkey check the browser was last asked for; each is answered at most once.
    #[serde(default)]
    passkey_check: Option<webauthn_rs::prelude::PasskeyAuthentication>,
    /// What stand-in passkey lists and questions are drawn from: the account the login matched
    /// (in scope or not), else the login typed, so two aliases of one account show the same.
    #[serde(default)]
    stand_in: String,
    /// Proven by a helpdesk reset link (`flow::helpdesk::link`), not by methods.
    #[serde(default)]
    vouched: bool,
}

impl Recovery {
    /// The audit record of a step of this attempt with `method` (its outcome still to fill in).
    fn record<'a>(&'a self, event: &'a str, method: &'a str) -> AuditRecord<'a> {
        AuditRecord {
            event,
            flow: Some(self.purpose.as_str()),
            user: self.user.as_ref(),
            method: Some(method),
            ..Default::default()
        }
    }

    /// Methods the person can still choose from (allowed by policy, not yet passed).
    pub fn choices(&self, services: &Services) -> Vec<MethodKind> {
        policy::allowed_methods(&services.config.policy).into_iter().filter(|k| !self.passed.contains(k)).collect()
    }

    /// Whether enough distinct methods have passed.
    /// For an admin or a privileged account, security questions never count on their own.
    /// A group rule may ask more of some people, and exclude some methods for them.
    pub fn verified(&self, services: &Services) -> bool {
        self.user.as_ref().is_some_and(|u| {
            if self.vouched {
                return true;
            }
            let required = usize::from(policy::effective(&services.config, u).methods_required);
            policy::counted(&services.config, u, &self.passed) >= required
        })
    }

    /// Distinct methods this attempt needs. Until one has passed, everyone sees the general
    /// number, so the steps shown never tell a stranger that an account is under a stricter
    /// rule; after that, the account's own.
    pub fn required(&self, services: &Services) -> usize {
        let general = usize::from(services.config.policy.methods_required);
        match &self.user {
            Some(u) if !self.passed.is_empty() => {
                usize::from(policy::effective(&services.config, u).methods_required).max(general)
            }
            _ => general,
        }
    }

    /// The account the person has proven to be theirs, once enough methods passed in time.
    pub fn proven_user(&self, services: &Services) -> Option<&DirUser> {
        self.verified_user(services).ok()
    }

    /// The account's canonical login name, once one matched (for the page that says what changed).
    pub fn login(&self) -> &str {
        self.user.as_ref().map_or("", |u| u.login.as_str())
    }

    /// (this step, all steps): username, each method, then the new password or the unlock.
    pub fn step(&self, services: &Services) -> (usize, usize) {
        let required = self.required(services);
        let total = 2 + required;
        if self.vouched {
            return (total, total);
        }
        let counted = self.user.as_ref().map_or(0, |u| policy::counted(&services.config, u, &self.passed));
        (2 + counted.min(required), total)
    }

    /// The methods that proved the person, in a fixed order (`email+totp`), for the reports.
    pub fn methods_used(&self) -> String {
        if self.vouched {
            return "helpdesk_link".into();
        }
        let mut kinds: Vec<&str> = self.passed.iter().map(|k| k.as_str()).collect();
        kinds.sort_unstable();
        kinds.join("+")
    }

    fn live(&self, services: &Services) -> Result<(), FlowError> {
        if self.expires_at <= services.clock.now() { Err(FlowError::Expired) } else { Ok(()) }
    }

    /// Before a step with `kind`: the attempt is live, and `kind` allowed and not passed yet.
    fn available(&self, services: &Services, kind: MethodKind) -> Result<(), FlowError> {
        self.live(services)?;
        if self.passed.contains(&kind) || !policy::method_allowed(&services.config.policy, kind) {
            return Err(FlowError::OutOfStep("method not available"));
        }
        Ok(())
    }

    /// Before a code is sent or a passkey asked for: too many wrong tries have not voided it.
    async fn not_voided(&self, services: &Services) -> Result<(), FlowError> {
        match codes::ensure_open(services, &self.attempt_id).await? {
            Some(CodeCheck::Voided) => Err(FlowError::Expired),
            _ => Ok(()),
        }
    }

    fn verified_user(&self, services: &Services) -> Result<&DirUser, FlowError> {
        self.live(services)?;
        match &self.user {
            Some(user) if self.verified(services) => Ok(user),
            _ => Err(FlowError::OutOfStep("not verified")),
        }
    }
}

/// Starts an attempt for whatever was typed as the username.
pub async fn start(
    services: &Services,
    who: &Requester,
    purpose: Purpose,
    typed: &str,
    pow: Option<(&str, &str)>,
) -> Result<Recovery, FlowError> {
    let result: Result<Recovery, FlowError> = async {
        // Address limits come first. Without a solved proof of work (bound to this address) the
        // stricter address limit applies too.
        let solved = match pow {
            _ if services.config.limits.pow_base_bits == 0 => true,
            Some((challenge, nonce)) => super::pow::verify(services, who.ip.as_deref(), challenge, nonce).await?,
            None => false,
        };
        if !solved {
            limits::hit(services, Scope::StartByAddressWithoutPow, who.ip.as_deref()).await?;
        }
        limits::hit(services, Scope::StartByAddress, who.ip.as_deref()).await?;
        let found = match Login::parse(typed) {
            Some(login) => services.directory.find_user(&login).await.map_err(FlowError::from_directory)?,
            None => None,
        };
        let limit_key =
            limits::hit_start(services, who.ip.as_deref(), found.as_ref(), typed, purpose == Purpose::Reset).await?;
        let streak_key = super::failures::streak_key(found.as_ref(), &limit_key);
        let stand_in = methods::stand_in_seed(services, found.as_ref(), &limit_key);
        let user = found.filter(|u| policy::in_scope(&services.config, u));
        // An account whose owner said "this wasn't me", or that reached the cap on failed proofs,
        // is treated like one out of scope.
        let user = match user {
            Some(u) if protection::blocked(services, &u).await? => None,
            other => other,
        };
        methods::stored_or_decoy(services, user.as_ref()).await?;
        let attempt = super::rows::start_attempt(services, purpose.as_str(), user.as_ref().map(|u| &u.id)).await?;
        services
            .audit(
                who,
                AuditRecord {
                    event: "started",
                    flow: Some(purpose.as_str()),
                    user: user.as_ref(),
                    outcome: "started",
                    ..Default::default()
                },
            )
            .await;
        Ok(Recovery {
            purpose,
            attempt_id: attempt.id,
            user,
            passed: vec![],
            expires_at: attempt.expires_at,
            limit_key,
            streak_key,
            passkey_check: None,
            stand_in,
            vouched: false,
        })
    }
    .await;
    let record = AuditRecord { event: "started", flow: Some(purpose.as_str()), ..Default::default() };
    services.audit_error(who, record, &result).await;
    result
}

/// A reset already proven by a helpdesk reset link (`flow::helpdesk::link::open`): it starts at
/// the new-password step.
pub(crate) async fn vouched(services: &Services, user: DirUser) -> Result<Recovery, FlowError> {
    let attempt = super::rows::start_attempt(services, Purpose::Reset.as_str(), Some(&user.id)).await?;
    let key = limits::resolved_account(Some(&user), &user.login);
    Ok(Recovery {
        purpose: Purpose::Reset,
        attempt_id: attempt.id,
        passed: vec![],
        expires_at: attempt.expires_at,
        limit_key: hex::encode(services.keys.code_hash("rate:account", &key)),
        streak_key: user.id.0.clone(),
        passkey_check: None,
        stand_in: key,
        vouched: true,
        user: Some(user),
    })
}

/// Makes a code for the email channel and sends it to the account's addresses, if any.
/// The person is told the same thing either way.
pub async fn send_email_code(services: &Services, who: &Requester, r: &Recovery) -> Result<(), FlowError> {
    let result: Result<(), FlowError> = async {
        r.live(services)?;
        if r.passed.contains(&MethodKind::Email) {
            return Err(FlowError::OutOfStep("email already verified"));
        }
        r.not_voided(services).await?;
        limits::may_send(services, who.ip.as_deref(), &r.limit_key, MethodKind::Email.as_str()).await?;
        let code = codes::issue(services, &r.attempt_id, MethodKind::Email.as_str()).await?;
        let stored = methods::stored_or_decoy(services, r.user.as_ref()).await?;
        let addresses = match r.user.as_ref() {
            Some(user) => {
                methods::code_addresses(services, user, &protection::recovery_methods(services, user, stored).await?)
            }
            None => Vec::new(),
        };
        let purpose = match r.purpose {
            Purpose::Reset => messages::CodePurpose::Reset,
            Purpose::Unlock => messages::CodePurpose::Unlock,
        };
        services.mail_code(who, addresses, &code, purpose);
        services
            .audit(
                who,
                AuditRecord {
                    event: "code_sent",
                    flow: Some(r.purpose.as_str()),
                    user: r.user.as_ref(),
                    outcome: "success",
                    method: Some("email"),
                    ..Default::default()
                },
            )
            .await;
        Ok(())
    }
    .await;
    services.audit_error(who, r.record("code_sent", "email"), &result).await;
    result
}

/// Checks a code typed for `kind`; on success the method counts as passed.
pub async fn check_code(
    services: &Services,
    who: &Requester,
    r: &mut Recovery,
    kind: MethodKind,
    input: &str,
) -> Result<CodeCheck, FlowError> {
    let result: Result<CodeCheck, FlowError> = async {
        may_check(services, who, r, kind).await?;
        let result = match kind {
            MethodKind::Email | MethodKind::Sms => {
                codes::check_judged(services, &r.attempt_id, kind.as_str(), input).await?
            }
            MethodKind::Totp => check_totp(services, r, input).await?,
            MethodKind::Questions => return Err(FlowError::OutOfStep("questions are answered, not coded")),
            MethodKind::Passkey => return Err(FlowError::OutOfStep("a passkey is checked by the browser")),
        };
        conclude(services, who, r, kind, result, "wrong_code").await
    }
    .await;
    services.audit_error(who, r.record("verify", kind.as_str()), &result).await;
    result
}

/// Whether `kind` may be checked now: the attempt is live, the method allowed and not passed
/// yet, and neither this address nor this username has checked too often.
async fn may_check(services: &Services, who: &Requester, r: &Recovery, kind: MethodKind) -> Result<(), FlowError> {
    r.available(services, kind)?;
    limits::may_check(services, who.ip.as_deref(), &r.limit_key, kind.as_str()).await
}

/// Audits a check of `kind` (a wrong one with reason `wrong`) and, when it passed, counts the
/// method as passed. A wrong answer adds to the account's streak of failed proofs; a passed
/// attempt ends it (`flow::failures`).
async fn conclude(
    services: &Services,
    who: &Requester,
    r: &mut Recovery,
    kind: MethodKind,
    judged: Judged,
    wrong: &'static str,
) -> Result<CodeCheck, FlowError> {
    let result = judged.check;
    let reason = match result {
        CodeCheck::Wrong { .. } => Some(wrong),
        other => other.failure_reason(),
    };
    let outcome = if reason.is_none() { "success" } else { "failure" };
    let record = AuditRecord { outcome, reason, ..r.record("verify", kind.as_str()) };
    services.audit(who, record).await;
    if judged.failed {
        super::failures::failed(services, who, &r.attempt_id, r.user.as_ref(), &r.streak_key).await?;
    }
    if result == CodeCheck::Passed {
        r.passed.push(kind);
        if r.verified(services) {
            super::failures::passed(services, &r.streak_key).await?;
        }
    }
    Ok(result)
}

async fn check_totp(services: &Services, r: &Recovery, input: &str) -> Result<Judged, FlowError> {
    let stored = methods::stored_or_decoy(services, r.user.as_ref()).await?;
    let usable = match r.user.as_ref() {
        Some(user) => protection::recovery_methods(services, user, stored).await?,
        None => stored,
    };
    codes::check_totp_judged(services, &r.attempt_id, &usable, input).await
}

/// The questions this attempt asks, in order, with the hash each answer must match. An
/// account without questions (or no account at all) gets a fixed set from the pool that looks
/// just the same and that no answer passes.
async fn asked_with_hashes(services: &Services, r: &Recovery) -> Result<Vec<(Question, String)>, FlowError> {
    let config = &services.config.questions;
    if let Some(user) = r.user.as_ref() {
        let stored = methods::stored(services, user).await?;
        let usable = protection::recovery_methods(services, user, stored).await?;
        if let Some(m) = usable.iter().find(|m| m.kind == MethodKind::Questions.as_str()) {
            let bytes = methods::open(services, m)?;
            let set: QuestionSet = serde_json::from_slice(&bytes)
                .map_err(|err| FlowError::Internal(format!("stored questions do not parse: {err}")))?;
            let seed = services.keys.code_hash("questions:pick", user.id.as_str());
            return Ok(questions::pick(&seed, set.items.len(), config.to_answer)
                .into_iter()
                .filter_map(|i| set.items.get(i).map(|a| (a.question.clone(), a.hash.clone())))
                .collect());
        }
    }
    let pool = questions::pool(config);
    let seed = services.keys.code_hash("questions:pick", &r.stand_in);
    Ok(questions::pick(&seed, pool.len(), config.to_answer)
        .into_iter()
        .map(|i| (Question::Pool(pool[i].clone()), questions::decoy_hash()))
        .collect())
}

/// The questions to show, in order.
pub async fn questions_asked(services: &Services, r: &Recovery) -> Result<Vec<Question>, FlowError> {
    r.live(services)?;
    Ok(asked_with_hashes(services, r).await?.into_iter().map(|(q, _)| q).collect())
}

/// Checks answers to the asked questions: all must be right. A wrong set counts as a wrong
/// code does, towards the end of the attempt.
pub async fn check_answers(
    services: &Services,
    who: &Requester,
    r: &mut Recovery,
    answers: Vec<SecretString>,
) -> Result<CodeCheck, FlowError> {
    let result: Result<CodeCheck, FlowError> = async {
        let kind = MethodKind::Questions;
        may_check(services, who, r, kind).await?;
        let asked = asked_with_hashes(services, r).await?;
        if answers.len() != asked.len() {
            return Err(FlowError::OutOfStep("not one answer per question"));
        }
        // A try is taken before any answer is compared: parallel posts get no more comparisons.
        let try_ = match codes::open_try(services, &r.attempt_id).await? {
            Ok(try_) => try_,
            Err(closed) => return conclude(services, who, r, kind, Judged::unjudged(closed), "wrong_answer").await,
        };
        // argon2 takes tens of milliseconds per answer: off the async threads. Every answer
        // is checked, right or wrong, so the time says nothing about which one was wrong.
        let pairs: Vec<(String, SecretString)> = asked.into_iter().map(|(_, h)| h).zip(answers).collect();
        let all_right = tokio::task::spawn_blocking(move || {
            pairs.iter().fold(true, |ok, (hash, answer)| questions::verify(hash, answer.expose_secret()) & ok)
        })
        .await
        .map_err(|err| FlowError::Internal(format!("answer check failed: {err}")))?;
        let result =
            if all_right { try_.release(services, CodeCheck::Passed).await? } else { try_.wrong(services).await? };
        conclude(services, who, r, kind, result, "wrong_answer").await
    }
    .await;
    services.audit_error(who, r.record("verify", MethodKind::Questions.as_str()), &result).await;
    result
}

/// Makes a code for the text-message channel and sends it to the account's numbers, if any,
/// in the background (see `flow::sms` for why). The person is told the same thing either way.
pub async fn send_sms_code(services: &Services, who: &Requester, r: &Recovery) -> Result<(), FlowError> {
    let result: Result<(), FlowError> = async {
        let kind = MethodKind::Sms;
        r.available(services, kind)?;
        r.not_voided(services).await?;
        limits::may_send(services, who.ip.as_deref(), &r.limit_key, kind.as_str()).await?;
        let code = codes::issue(services, &r.attempt_id, kind.as_str()).await?;
        let stored = methods::stored_or_decoy(services, r.user.as_ref()).await?;
        let numbers = match r.user.as_ref() {
            Some(user) => {
                super::sms::numbers(services, user, &protection::recovery_methods(services, user, stored).await?)
            }
            None => Vec::new(),
        };
        for to in numbers {
            super::sms::send_code(services, who, to, &code).await?;
        }
        let record = AuditRecord { outcome: "success", ..r.record("code_sent", kind.as_str()) };
        services.audit(who, record).await;
        Ok(())
    }
    .await;
    services.audit_error(who, r.record("code_sent", MethodKind::Sms.as_str()), &result).await;
    result
}

/// Asks the browser to use one of the account's passkeys: the options for
/// `navigator.credentials.get`, with user verification required. An account without a
/// passkey, or no account, gets options just like them that no passkey can answer.
pub async fn passkey_options(
    services: &Services,
    r: &mut Recovery,
) -> Result<webauthn_rs::prelude::RequestChallengeResponse, FlowError> {
    r.available(services, MethodKind::Passkey)?;
    r.not_voided(services).await?;
    let stored = methods::stored_or_decoy(services, r.user.as_ref()).await?;
    let usable = match r.user.as_ref() {
        Some(user) => protection::recovery_methods(services, user, stored).await?,
        None => stored,
    };
    let keys: Vec<_> = methods::passkeys(services, &usable).into_iter().map(|(_, key)| key).collect();
    let rp = crate::factors::passkey::relying_party(&services.config).map_err(FlowError::Internal)?;
    let (options, state) = crate::factors::passkey::start_authentication(&rp, &services.keys, &keys, &r.stand_in)
        .map_err(FlowError::Internal)?;
    r.passkey_check = Some(state);
    Ok(options)
}

/// Checks the browser's answer (JSON) to the last passkey check. Anything but a valid,
/// user-verified answer from one of the account's passkeys counts as a wrong code does.
pub async fn check_passkey(
    services: &Services,
    who: &Requester,
    r: &mut Recovery,
    answer: &str,
) -> Result<CodeCheck, FlowError> {
    let result: Result<CodeCheck, FlowError> = async {
        let kind = MethodKind::Passkey;
        may_check(services, who, r, kind).await?;
        let state = r.passkey_check.take();
        let try_ = match codes::open_try(services, &r.attempt_id).await? {
            Ok(try_) => try_,
            Err(closed) => return conclude(services, who, r, kind, Judged::unjudged(closed), "passkey_refused").await,
        };
        let rp = crate::factors::passkey::relying_party(&services.config).map_err(FlowError::Internal)?;
        let checked = match (state, crate::factors::passkey::parse(answer)) {
            (Some(state), Some(answer)) => {
                rp.finish_passkey_authentication(&answer, &state).map_err(|err| err.to_string())
            }
            (None, _) => Err("no passkey check was asked for".to_owned()),
            (_, None) => Err("not a passkey answer".to_owned()),
        };
        let result = match checked {
            Ok(done) if done.user_verified() && r.user.is_some() => {
                if let Some(user) = r.user.as_ref() {
                    methods::record_passkey_use(services, user, &done).await?;
                }
                try_.release(services, CodeCheck::Passed).await?
            }
            Ok(_) => try_.wrong(services).await?,
            Err(err) => {
                tracing::info!(%err, "a passkey answer was refused");
                try_.wrong(services).await?
            }
        };
        conclude(services, who, r, kind, result, "passkey_refused").await
    }
    .await;
    services.audit_error(who, r.record("verify", MethodKind::Passkey.as_str()), &result).await;
    result
}
