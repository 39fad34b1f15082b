//! Registering methods after signing in: add an address or an authenticator app, prove it
//! works with a code, remove one. A method is stored only once its code was confirmed.

use super::codes::{self, CodeCheck};
pub use super::enrolment::{Enrolment, PendingMethod};
use super::enrolment::{Proof, may_change};
use super::limits::{self, Scope};
use super::methods;
use super::rows::seal_context;
use super::{AuditRecord, FlowError, Requester, Services};
use crate::config::MethodKind;
use crate::directory::DirUser;
use crate::factors::questions::{self, Question};
use crate::factors::{email, passkey, totp};
use crate::notify::messages::{self, AccountEvent};
use crate::policy;
use crate::store::StoredMethod;

/// One registered method as the page lists it.
#[derive(Debug, Clone)]
pub struct MethodView {
    pub id: String,
    pub kind: MethodKind,
    pub label: String,
    pub created_at: i64,
}

/// The registration page's content.
#[derive(Debug, Clone)]
pub struct Overview {
    pub methods: Vec<MethodView>,
    /// The directory's masked address when it counts as a method.
    pub directory_email: Option<String>,
    /// Distinct methods still to register before the person may leave.
    pub still_needed: usize,
    pub can_add: Vec<MethodKind>,
}

fn pending_context(attempt_id: &str, kind: MethodKind) -> Vec<u8> {
    format!("pending\0{attempt_id}\0{}", kind.as_str()).into_bytes()
}

fn confirm_channel(kind: MethodKind) -> String {
    format!("enrol-{}", kind.as_str())
}

/// Whether this person may register `kind`: allowed by the policy and not excluded for them by
/// a group rule.
pub fn may_register(services: &Services, e: &Enrolment, kind: MethodKind) -> bool {
    policy::method_allowed(&services.config.policy, kind)
        && !policy::effective(&services.config, &e.user).excluded.contains(&kind)
}

/// Opens a registration session for a person who just signed in.
pub async fn begin(services: &Services, user: DirUser) -> Result<Enrolment, FlowError> {
    let attempt = super::rows::start_attempt(services, "register", Some(&user.id)).await?;
    let proof = Proof::at_sign_in(services, &user).await?;
    Ok(Enrolment { attempt_id: attempt.id, user, expires_at: attempt.expires_at, pending: None, proof })
}

/// What is registered and what is still needed.
pub async fn overview(services: &Services, e: &Enrolment) -> Result<Overview, FlowError> {
    e.live(services).await?;
    let stored = methods::stored(services, &e.user).await?;
    let have = methods::counted_kinds(services, &e.user, &stored);
    let rules = policy::effective(&services.config, &e.user);
    let wanted = usize::from(rules.methods_to_register);
    let directory_email = methods::directory_mail_counts(services, &e.user)
        .then(|| e.user.emails.first().map(|a| email::mask(a)))
        .flatten();
    Ok(Overview {
        methods: stored
            .into_iter()
            .filter_map(|m| {
                Some(MethodView {
                    kind: MethodKind::parse(&m.kind)?,
                    id: m.id,
                    label: m.label,
                    created_at: m.created_at,
                })
            })
            .collect(),
        directory_email,
        still_needed: wanted.saturating_sub(have),
        can_add: policy::allowed_methods(&services.config.policy)
            .into_iter()
            .filter(|k| !rules.excluded.contains(k))
            .collect(),
    })
}

/// Starts confirming a new address: sends a code to it.
pub async fn start_email(
    services: &Services,
    lang: crate::i18n::Lang,
    e: &mut Enrolment,
    typed: &str,
) -> Result<bool, FlowError> {
    may_change(services, e).await?;
    if !may_register(services, e, MethodKind::Email) {
        return Err(FlowError::OutOfStep("email not allowed"));
    }
    let Some(address) = email::parse_address(typed) else { return Ok(false) };
    // Each confirmation mail goes to an address the person typed: limit them per account, so
    // a signed-in session cannot be used to flood someone's mailbox.
    limits::hit(services, Scope::SendByAccount("confirm-email"), Some(&format!("user:{}", e.user.id.0))).await?;
    let code = codes::issue(services, &e.attempt_id, &confirm_channel(MethodKind::Email)).await?;
    let config = &services.config;
    services.send_in_background(messages::code(
        lang,
        &config.server.organisation,
        &address,
        &code,
        messages::CodePurpose::ConfirmAddress,
        config.codes.ttl_secs / 60,
        None,
    ));
    e.pending = Some(PendingMethod {
        kind: MethodKind::Email,
        label: email::mask(&address),
        sealed: services.keys.seal(address.as_bytes(), &pending_context(&e.attempt_id, MethodKind::Email)),
    });
    Ok(true)
}

/// Starts registering an authenticator app: makes a seed.
pub async fn start_totp(services: &Services, e: &mut Enrolment) -> Result<(), FlowError> {
    may_change(services, e).await?;
    if !may_register(services, e, MethodKind::Totp) {
        return Err(FlowError::OutOfStep("totp not allowed"));
    }
    let secret = totp::TotpSecret::generate();
    e.pending = Some(PendingMethod {
        kind: MethodKind::Totp,
        label: "Authenticator app".into(),
        sealed: services.keys.seal(secret.as_bytes(), &pending_context(&e.attempt_id, MethodKind::Totp)),
    });
    Ok(())
}

fn open_pending(
    services: &Services,
    e: &Enrolment,
    kind: MethodKind,
) -> Result<zeroize::Zeroizing<Vec<u8>>, FlowError> {
    let pending = e.pending.as_ref().filter(|p| p.kind == kind).ok_or(FlowError::OutOfStep("nothing pending"))?;
    services
        .keys
        .open(&pending.sealed, &pending_context(&e.attempt_id, kind))
        .map_err(|err| FlowError::Internal(format!("pending method does not open: {err}")))
}

/// The QR code and text secret for the pending authenticator app.
pub fn totp_enrolment(services: &Services, e: &Enrolment) -> Result<totp::Enrolment, FlowError> {
    let bytes = open_pending(services, e, MethodKind::Totp)?;
    let secret = totp::TotpSecret::from_bytes(&bytes).ok_or_else(|| FlowError::Internal("bad pending seed".into()))?;
    totp::enrolment(&secret, &services.config.totp.issuer, &e.user.login)
        .map_err(|err| FlowError::Internal(format!("cannot render authenticator enrolment: {err}")))
}

/// Confirms the pending method with the code it produced, then stores it.
pub async fn confirm(
    services: &Services,
    who: &Requester,
    e: &mut Enrolment,
    input: &str,
) -> Result<CodeCheck, FlowError> {
    may_change(services, e).await?;
    let kind = e.pending.as_ref().map(|p| p.kind).ok_or(FlowError::OutOfStep("nothing pending"))?;
    let secret = open_pending(services, e, kind)?;
    let now = services.clock.now();
    let (result, last_step) = match kind {
        MethodKind::Questions => return Err(FlowError::OutOfStep("questions are saved, not confirmed")),
        MethodKind::Passkey => return Err(FlowError::OutOfStep("a passkey is confirmed by the browser")),
        MethodKind::Email | MethodKind::Sms => {
            (codes::check(services, &e.attempt_id, &confirm_channel(kind), input).await?, None)
        }
        MethodKind::Totp => {
            if let Some(closed) = codes::ensure_open(services, &e.attempt_id).await? {
                (closed, None)
            } else {
                let seed = totp::TotpSecret::from_bytes(&secret)
                    .ok_or_else(|| FlowError::Internal("bad pending seed".into()))?;
                match totp::verify(&seed, input, now, services.config.totp.skew) {
                    Some(step) => (CodeCheck::Passed, Some(step)),
                    None => (codes::wrong_try(services, &e.attempt_id).await?, None),
                }
            }
        }
    };
    if result != CodeCheck::Passed {
        if result == CodeCheck::Voided {
            e.pending = None;
        }
        let record = AuditRecord {
            event: "method_added",
            flow: Some("register"),
            user: Some(&e.user),
            outcome: "failure",
            reason: result.failure_reason(),
            method: Some(kind.as_str()),
        };
        services.audit(who, record).await;
        return Ok(result);
    }
    let label = e.pending.take().map(|p| p.label).unwrap_or_default();
    let method = StoredMethod {
        id: uuid::Uuid::new_v4().to_string(),
        user_id: e.user.id.0.clone(),
        kind: kind.as_str().into(),
        label: label.clone(),
        sealed: services.keys.seal(&secret, &seal_context(e.user.id.as_str(), kind)),
        created_at: now,
        last_used_at: None,
        totp_last_step: last_step,
    };
    super::rows::insert_method(services, &method).await?;
    services
        .audit(
            who,
            AuditRecord {
                event: "method_added",
                flow: Some("register"),
                user: Some(&e.user),
                outcome: "success",
                method: Some(kind.as_str()),
                ..Default::default()
            },
        )
        .await;
    let named = if kind == MethodKind::Totp { who.lang.t("methods-totp") } else { label };
    super::notice::notify(services, who, &e.user, AccountEvent::MethodAdded(&named)).await?;
    Ok(CodeCheck::Passed)
}

/// Drops a pending method the person gave up on.
pub fn cancel(e: &mut Enrolment) {
    e.pending = None;
}

/// What became of a removal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    Removed,
    /// Removing it would leave fewer methods than the policy requires.
    WouldLeaveTooFew,
    NotFound,
}

/// Removes a registered method, unless that would leave too few.
pub async fn remove(
    services: &Services,
    who: &Requester,
    e: &Enrolment,
    method_id: &str,
) -> Result<Removal, FlowError> {
    may_change(services, e).await?;
    let stored = methods::stored(services, &e.user).await?;
    let Some(target) = stored.iter().find(|m| m.id == method_id).cloned() else { return Ok(Removal::NotFound) };
    let rest: Vec<StoredMethod> = stored.into_iter().filter(|m| m.id != method_id).collect();
    let before = methods::counted_kinds(services, &e.user, &[rest.clone(), vec![target.clone()]].concat());
    let after = methods::counted_kinds(services, &e.user, &rest);
    let wanted = policy::effective(&services.config, &e.user).methods_to_register;
    if after < before && after < usize::from(wanted) {
        return Ok(Removal::WouldLeaveTooFew);
    }
    if !services.db.delete_method(e.user.id.as_str(), method_id).await? {
        return Ok(Removal::NotFound);
    }
    services
        .audit(
            who,
            AuditRecord {
                event: "method_removed",
                flow: Some("register"),
                user: Some(&e.user),
                outcome: "success",
                method: Some(&target.kind),
                ..Default::default()
            },
        )
        .await;
    // The removed address is told too: it may be the owner's only warning.
    let mut notice_to = methods::notification_addresses(services, &e.user, &rest);
    if target.kind == MethodKind::Email.as_str()
        && let Ok(bytes) = methods::open(services, &target)
        && let Ok(address) = String::from_utf8(bytes.to_vec())
    {
        notice_to.push(address);
    }
    let named = match MethodKind::parse(&target.kind) {
        Some(MethodKind::Totp) => who.lang.t("methods-totp"),
        Some(MethodKind::Passkey) => who.lang.t_with("methods-passkey", &[("name", target.label.as_str().into())]),
        Some(MethodKind::Questions) => who.lang.t("methods-questions"),
        _ => target.label.clone(),
    };
    services.notify_account(who, &e.user, notice_to, AccountEvent::MethodRemoved(&named)).await;
    Ok(Removal::Removed)
}

/// What became of registering security questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionsOutcome {
    Saved,
    /// Per question, what is wrong with its answer (None: nothing).
    Refused(Vec<Option<&'static str>>),
}

/// Registers (or replaces) the person's security questions: `to_register` distinct questions
/// with acceptable answers, each answer kept only as an argon2 hash, the set sealed.
pub async fn save_questions(
    services: &Services,
    who: &Requester,
    e: &Enrolment,
    answers: &[(Question, secrecy::SecretString)],
) -> Result<QuestionsOutcome, FlowError> {
    use secrecy::ExposeSecret as _;
    may_change(services, e).await?;
    let config = &services.config.questions;
    if !may_register(services, e, MethodKind::Questions) || answers.len() != config.to_register {
        return Err(FlowError::OutOfStep("questions not allowed or wrong count"));
    }
    let pool = questions::pool(config);
    let default = services.config.default_lang();
    let mut problems: Vec<Option<&'static str>> = vec![None; answers.len()];
    for (i, (q, _)) in answers.iter().enumerate() {
        let repeated = answers[..i].iter().any(|(other, _)| other == q);
        problems[i] = match q {
            Question::Pool(id) if !pool.contains(id) => Some("questions-pick-one"),
            Question::Own(words) if !config.allow_own || words.trim().chars().count() < 5 => {
                Some("questions-own-short")
            }
            Question::Own(words) if words.chars().count() > 200 => Some("questions-own-long"),
            _ if repeated => Some("questions-question-repeated"),
            _ => None,
        };
    }
    let pairs: Vec<(String, &str)> =
        answers.iter().map(|(q, a)| (questions::text(config, default, q, who.lang), a.expose_secret())).collect();
    for (i, p) in questions::check_answers(config.min_answer_chars, &pairs).into_iter().enumerate() {
        if problems[i].is_none() {
            problems[i] = p.map(questions::AnswerProblem::advice);
        }
    }
    if problems.iter().any(Option::is_some) {
        return Ok(QuestionsOutcome::Refused(problems));
    }
    let mut set = questions::QuestionSet::default();
    for (q, a) in answers {
        let hash = questions::hash(a.expose_secret())
            .map_err(|err| FlowError::Internal(format!("cannot hash an answer: {err}")))?;
        set.items.push(questions::Answered { question: q.clone(), hash });
    }
    let json = zeroize::Zeroizing::new(
        serde_json::to_vec(&set).map_err(|err| FlowError::Internal(format!("cannot encode questions: {err}")))?,
    );
    let now = services.clock.now();
    // One set per person: a new set replaces the old.
    for old in
        methods::stored(services, &e.user).await?.into_iter().filter(|m| m.kind == MethodKind::Questions.as_str())
    {
        services.db.delete_method(e.user.id.as_str(), &old.id).await?;
    }
    let method = StoredMethod {
        id: uuid::Uuid::new_v4().to_string(),
        user_id: e.user.id.0.clone(),
        kind: MethodKind::Questions.as_str().into(),
        label: String::new(),
        sealed: services.keys.seal(&json, &seal_context(e.user.id.as_str(), MethodKind::Questions)),
        created_at: now,
        last_used_at: None,
        totp_last_step: None,
    };
    super::rows::insert_method(services, &method).await?;
    let record = AuditRecord {
        event: "method_added",
        flow: Some("register"),
        user: Some(&e.user),
        outcome: "success",
        method: Some(MethodKind::Questions.as_str()),
        ..Default::default()
    };
    services.audit(who, record).await;
    let named = who.lang.t("methods-questions");
    super::notice::notify(services, who, &e.user, AccountEvent::MethodAdded(&named)).await?;
    Ok(QuestionsOutcome::Saved)
}

/// Whether it is time to ask the person to check their methods (`policy.review_after_days`):
/// they have some, and neither registered one nor confirmed them within that many days.
/// `overview` is what the methods page already read.
pub async fn review_due(services: &Services, e: &Enrolment, overview: &Overview) -> Result<bool, FlowError> {
    let days = services.config.policy.review_after_days;
    if days == 0 {
        return Ok(false);
    }
    let Some(newest) = overview.methods.iter().map(|m| m.created_at).max() else { return Ok(false) };
    let reviewed = services.db.method_reviewed_at(e.user.id.as_str()).await?.unwrap_or(0);
    let since = newest.max(reviewed);
    Ok(services.clock.now() - since > i64::try_from(days).unwrap_or(i64::MAX / 86_400 - 1) * 86_400)
}

/// Records that the person looked at their methods and kept them.
pub async fn reviewed(services: &Services, who: &Requester, e: &Enrolment) -> Result<(), FlowError> {
    e.live(services).await?;
    services.db.set_method_reviewed(e.user.id.as_str(), services.clock.now()).await?;
    let record = AuditRecord {
        event: "methods_reviewed",
        flow: Some("register"),
        user: Some(&e.user),
        outcome: "success",
        ..Default::default()
    };
    services.audit(who, record).await;
    Ok(())
}

/// Whether the person may leave registration (has registered enough).
pub async fn complete(services: &Services, e: &Enrolment) -> Result<bool, FlowError> {
    Ok(overview(services, e).await?.still_needed == 0)
}

/// Starts confirming a new phone number: reads it into E.164 and texts a code to it. A number
/// that is not one is refused with the reason, before anything is sent.
pub async fn start_sms(
    services: &Services,
    who: &Requester,
    e: &mut Enrolment,
    typed: &str,
) -> Result<Result<(), crate::factors::sms::PhoneError>, FlowError> {
    may_change(services, e).await?;
    if !may_register(services, e, MethodKind::Sms) {
        return Err(FlowError::OutOfStep("sms not allowed"));
    }
    let region = Some(services.config.sms.default_region.as_str()).filter(|r| !r.is_empty());
    let number = match crate::factors::sms::PhoneE164::parse(typed, region) {
        Ok(number) => number,
        Err(why) => return Ok(Err(why)),
    };
    // As for addresses: a signed-in session must not become a way to text anyone.
    limits::hit(services, Scope::SendByAccount("confirm-sms"), Some(&format!("user:{}", e.user.id.0))).await?;
    let code = codes::issue(services, &e.attempt_id, &confirm_channel(MethodKind::Sms)).await?;
    let label = crate::factors::sms::mask(number.as_str());
    let sealed = services.keys.seal(number.as_str().as_bytes(), &pending_context(&e.attempt_id, MethodKind::Sms));
    super::sms::send_code(services, who, number, &code).await?;
    e.pending = Some(PendingMethod { kind: MethodKind::Sms, label, sealed });
    Ok(Ok(()))
}

/// Starts registering a passkey with the name the person gave it: the options for the
/// browser's `navigator.credentials.create`. The ceremony's state waits, sealed, as the
/// pending method. `Ok(Err(key))`: the name was refused, with the message saying why.
pub async fn start_passkey(
    services: &Services,
    e: &mut Enrolment,
    typed_name: &str,
) -> Result<Result<webauthn_rs::prelude::CreationChallengeResponse, &'static str>, FlowError> {
    may_change(services, e).await?;
    if !may_register(services, e, MethodKind::Passkey) {
        return Err(FlowError::OutOfStep("passkeys not allowed"));
    }
    let Some(name) = passkey::clean_name(typed_name) else { return Ok(Err("passkey-name-missing")) };
    let rp = passkey::relying_party(&services.config).map_err(FlowError::Internal)?;
    let stored = methods::stored(services, &e.user).await?;
    let existing = methods::passkeys(services, &stored);
    let existing: Vec<_> = existing.into_iter().map(|(_, p)| p).collect();
    let (options, state) = passkey::start_registration(
        &rp,
        &services.keys,
        e.user.id.as_str(),
        &e.user.login,
        &e.user.display_name,
        &existing,
    )
    .map_err(FlowError::Internal)?;
    let state = zeroize::Zeroizing::new(
        serde_json::to_vec(&state)
            .map_err(|err| FlowError::Internal(format!("cannot keep a passkey ceremony: {err}")))?,
    );
    e.pending = Some(PendingMethod {
        kind: MethodKind::Passkey,
        label: name,
        sealed: services.keys.seal(&state, &pending_context(&e.attempt_id, MethodKind::Passkey)),
    });
    Ok(Ok(options))
}

/// Finishes registering the pending passkey with the browser's answer (JSON), and stores it.
/// `Ok(Err(key))`: nothing was stored, and the message says why. Each ceremony is used once.
pub async fn finish_passkey(
    services: &Services,
    who: &Requester,
    e: &mut Enrolment,
    answer: &str,
) -> Result<Result<String, &'static str>, FlowError> {
    may_change(services, e).await?;
    if answer.trim().is_empty() {
        // The form was sent without the browser's part: JavaScript is off.
        return Ok(Err("passkey-needs-script"));
    }
    let state = open_pending(services, e, MethodKind::Passkey)?;
    let name = e.pending.take().map(|p| p.label).unwrap_or_default();
    let state: webauthn_rs::prelude::PasskeyRegistration = serde_json::from_slice(&state)
        .map_err(|err| FlowError::Internal(format!("pending passkey ceremony does not parse: {err}")))?;
    let refused = |reason: &'static str| AuditRecord {
        event: "method_added",
        flow: Some("register"),
        user: Some(&e.user),
        outcome: "failure",
        reason: Some(reason),
        method: Some(MethodKind::Passkey.as_str()),
    };
    let rp = passkey::relying_party(&services.config).map_err(FlowError::Internal)?;
    let checked = passkey::parse(answer)
        .ok_or_else(|| "not a passkey answer".to_owned())
        .and_then(|answer| rp.finish_passkey_registration(&answer, &state).map_err(|err| err.to_string()));
    let key = match checked {
        Ok(key) => key,
        Err(err) => {
            tracing::info!(%err, "a passkey registration was refused");
            services.audit(who, refused("passkey_refused")).await;
            return Ok(Err("passkey-failed"));
        }
    };
    let json = zeroize::Zeroizing::new(
        serde_json::to_vec(&key).map_err(|err| FlowError::Internal(format!("cannot encode a passkey: {err}")))?,
    );
    let method = StoredMethod {
        id: uuid::Uuid::new_v4().to_string(),
        user_id: e.user.id.0.clone(),
        kind: MethodKind::Passkey.as_str().into(),
        label: name.clone(),
        sealed: services.keys.seal(&json, &seal_context(e.user.id.as_str(), MethodKind::Passkey)),
        created_at: services.clock.now(),
        last_used_at: None,
        totp_last_step: None,
    };
    if !super::rows::insert_passkey(services, &method, &passkey::credential_key(&services.keys, key.cred_id())).await? {
        services.audit(who, refused("credential_registered_already")).await;
        return Ok(Err("passkey-registered-already"));
    }
    let record = AuditRecord {
        event: "method_added",
        flow: Some("register"),
        user: Some(&e.user),
        outcome: "success",
        method: Some(MethodKind::Passkey.as_str()),
        ..Default::default()
    };
    services.audit(who, record).await;
    let named = who.lang.t_with("methods-passkey", &[("name", name.as_str().into())]);
    super::notice::notify(services, who, &e.user, AccountEvent::MethodAdded(&named)).await?;
    Ok(Ok(name))
}
