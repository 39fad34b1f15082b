//! Reset and unlock: username, then the required methods, then the new password (reset) or
//! the unlock. The same router serves both, nested at `/reset` and `/unlock`.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use secrecy::SecretString;
use serde::Deserialize;
use tower_sessions::Session;

use super::context::Ctx;
use super::csrf::{CodeForm, CsrfToken, EmptyForm, Verified, has_csrf};
use super::error::Error;
use super::method_pages::{AnswersForm, CodePage, PasskeyForm, PasskeyPage, QuestionsPage, question_texts};
use super::pages::{Layout, Step, form_page, html};
use super::return_to;
use super::shared::wrong_code_message;
use super::who::Who;
use crate::config::MethodKind;
use crate::flow::account::NewPassword;
use crate::flow::codes::CodeCheck;
use crate::flow::recovery::{self, Purpose, Recovery, ResetOutcome};
use crate::flow::{FlowError, Services};

mod link;
mod passkey;
use passkey::*;

const KEY: &str = "recovery";

pub fn routes(purpose: Purpose) -> Router<Arc<Services>> {
    let mut r = Router::new()
        .route("/", get(username_form).post(start))
        .route("/verify", get(choose))
        .route("/send", post(send::<false>))
        .route("/send-sms", post(send::<true>))
        .route("/code/{kind}", get(code_form).post(check_code))
        .route("/questions", get(questions_form).post(check_answers))
        .route("/passkey", get(passkey_form).post(check_passkey))
        .route("/passkey/options", post(passkey_options));
    r = match purpose {
        Purpose::Reset => r
            .route("/password", get(password_form).post(set_password))
            .route("/link/{token}", get(link::ask).post(link::open)),
        Purpose::Unlock => r.route("/finish", post(finish_unlock)),
    };
    r.layer(Extension(purpose))
}

/// After a method passed: on to the next step, the attempt saved under a new session id (before
/// the directory is called, so an outage cannot lose the verification). After too many wrong
/// tries (voided): the attempt is forgotten and the person told it ended.
async fn proceed(s: &Services, session: &Session, r: &Recovery, result: CodeCheck) -> Result<Response, Error> {
    if result == CodeCheck::Voided {
        session.remove::<Recovery>(KEY).await?;
        return Err(Error::Voided);
    }
    session.cycle_id().await?;
    session.insert(KEY, r.clone()).await?;
    let next = match r.purpose {
        _ if !r.verified(s) => format!("/{}/verify", r.purpose.as_str()),
        Purpose::Reset => "/reset/password".to_owned(),
        Purpose::Unlock => "/unlock/verify".to_owned(),
    };
    Ok(Redirect::to(&next).into_response())
}

fn titles(purpose: Purpose) -> (&'static str, &'static str) {
    match purpose {
        Purpose::Reset => ("reset-title", "reset"),
        Purpose::Unlock => ("unlock-title", "unlock"),
    }
}

#[derive(Template)]
#[template(path = "recovery/username.html")]
struct UsernamePage {
    l: Layout,
    base: &'static str,
    username: String,
    step: Step,
    pow: Option<crate::flow::pow::Challenge>,
    /// An allowed `return_to` from a deep link, carried to the first post.
    return_to: String,
}

#[derive(Template)]
#[template(path = "recovery/choose.html")]
struct ChoosePage {
    l: Layout,
    base: &'static str,
    choices: Vec<MethodKind>,
    more: bool,
    /// Verified already (an unlock that the directory could not complete): offer to retry.
    ready: bool,
    step: Step,
}

#[derive(Template)]
#[template(path = "recovery/password.html")]
struct PasswordPage {
    l: Layout,
    error: Option<String>,
    step: Step,
    new_password: super::quality::NewPasswordField,
}

#[derive(Template)]
#[template(path = "recovery/done.html")]
struct DonePage {
    l: Layout,
    purpose: Purpose,
    must_change: bool,
    /// Reset, but the account's other sessions could not be ended.
    sessions_kept: bool,
    /// The reset also cleared the directory's lockout (not so for Entra ID cloud accounts).
    unlocked: bool,
    username: String,
    when: String,
}

#[derive(Deserialize)]
struct Prefill {
    username: Option<String>,
    return_to: Option<String>,
}

#[derive(Deserialize)]
struct UsernameForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    username: String,
    /// The proof-of-work challenge the page carried, and the browser's solution.
    #[serde(default)]
    pow_challenge: String,
    #[serde(default)]
    pow: String,
    #[serde(default)]
    return_to: String,
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    csrf: String,
    new: SecretString,
    confirm: SecretString,
}

has_csrf!(UsernameForm, PasswordForm);

/// The attempt in this session, if it belongs to this flow.
async fn attempt(session: &Session, purpose: Purpose) -> Result<Recovery, Error> {
    match session.get::<Recovery>(KEY).await? {
        Some(r) if r.purpose == purpose => Ok(r),
        _ => Err(Error::Flow(FlowError::Expired)),
    }
}

fn step(s: &Services, ctx: &Ctx, purpose: Purpose, now: usize) -> Step {
    step_of(ctx, purpose, now, usize::from(s.config.policy.methods_required))
}

fn step_of(ctx: &Ctx, purpose: Purpose, now: usize, required: usize) -> Step {
    let mut names: Vec<String> = vec![ctx.lang.t("step-username")];
    for n in 1..=required {
        names.push(if required == 1 {
            ctx.lang.t("step-verify")
        } else {
            ctx.lang.t_with("step-verify-n", &[("n", n.into()), ("of", required.into())])
        });
    }
    names.push(ctx.lang.t(match purpose {
        Purpose::Reset => "step-new-password",
        Purpose::Unlock => "step-unlock",
    }));
    Step { now, names }
}

fn attempt_step(s: &Services, ctx: &Ctx, r: &Recovery) -> Step {
    step_of(ctx, r.purpose, r.step(s).0, r.required(s))
}

fn parse_kind(kind: &str) -> Result<MethodKind, Error> {
    MethodKind::parse(kind).ok_or(Error::Flow(FlowError::OutOfStep("unknown method")))
}

async fn username_form(
    State(s): State<Arc<Services>>,
    Extension(purpose): Extension<Purpose>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    Who(who): Who,
    Query(q): Query<Prefill>,
) -> Result<Html<String>, Error> {
    let (title, base) = titles(purpose);
    let username = q.username.unwrap_or_default().chars().take(256).collect();
    let pow = crate::flow::pow::issue(&s, who.ip.as_deref()).await?;
    html(&UsernamePage {
        l: Layout::with_csrf(&s, &ctx, title, &csrf),
        base,
        username,
        step: step(&s, &ctx, purpose, 1),
        pow,
        return_to: q.return_to.and_then(|r| return_to::allowed(&s, &ctx, &r)).unwrap_or_default(),
    })
}

async fn start(
    State(s): State<Arc<Services>>,
    Extension(purpose): Extension<Purpose>,
    ctx: Ctx,
    Who(who): Who,
    session: Session,
    Verified(form): Verified<UsernameForm>,
) -> Result<Response, Error> {
    let pow = (!form.pow.is_empty()).then_some((form.pow_challenge.as_str(), form.pow.as_str()));
    let r = recovery::start(&s, &who, purpose, &form.username, pow).await?;
    session.cycle_id().await?;
    session.insert(KEY, r).await?;
    return_to::remember(&s, &ctx, &session, &form.return_to).await?;
    Ok(to_choices(purpose))
}

async fn choose(
    State(s): State<Arc<Services>>,
    Extension(purpose): Extension<Purpose>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    session: Session,
) -> Result<Response, Error> {
    let r = attempt(&session, purpose).await?;
    let (title, base) = titles(purpose);
    if r.verified(&s) && purpose == Purpose::Reset {
        return Ok(Redirect::to("/reset/password").into_response());
    }
    let page = ChoosePage {
        l: Layout::with_csrf(&s, &ctx, title, &csrf),
        base,
        choices: r.choices(&s),
        more: !r.passed.is_empty(),
        ready: r.verified(&s),
        step: attempt_step(&s, &ctx, &r),
    };
    Ok(html(&page)?.into_response())
}

/// The verify page, where the attempt's methods are offered.
fn to_choices(purpose: Purpose) -> Response {
    Redirect::to(&format!("/{}/verify", purpose.as_str())).into_response()
}

/// Sends a code by email, or by text message when `SMS`, and goes on to the page that asks
/// for it.
async fn send<const SMS: bool>(
    State(s): State<Arc<Services>>,
    Extension(purpose): Extension<Purpose>,
    Who(who): Who,
    session: Session,
    Verified(_): Verified<EmptyForm>,
) -> Result<Response, Error> {
    let r = attempt(&session, purpose).await?;
    let kind = if SMS {
        recovery::send_sms_code(&s, &who, &r).await?;
        MethodKind::Sms
    } else {
        recovery::send_email_code(&s, &who, &r).await?;
        MethodKind::Email
    };
    Ok(Redirect::to(&format!("/{}/code/{}", purpose.as_str(), kind.as_str())).into_response())
}

async fn code_view(
    s: &Services,
    ctx: &Ctx,
    purpose: Purpose,
    r: &Recovery,
    kind: MethodKind,
    csrf: &CsrfToken,
    error: Option<String>,
) -> Result<Html<String>, Error> {
    let (title, base) = titles(purpose);
    html(&CodePage::new(s, Layout::with_csrf(s, ctx, title, csrf), base, kind, error, attempt_step(s, ctx, r)))
}

async fn code_form(
    State(s): State<Arc<Services>>,
    Extension(purpose): Extension<Purpose>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    Path(kind): Path<String>,
    session: Session,
) -> Result<Response, Error> {
    let r = attempt(&session, purpose).await?;
    let kind = parse_kind(&kind)?;
    if !r.choices(&s).contains(&kind) {
        return Ok(to_choices(purpose));
    }
    Ok(code_view(&s, &ctx, purpose, &r, kind, &csrf, None).await?.into_response())
}

// Axum handlers take one argument per extractor.
#[allow(clippy::too_many_arguments)]
async fn check_code(
    State(s): State<Arc<Services>>,
    Extension(purpose): Extension<Purpose>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    Who(who): Who,
    Path(kind): Path<String>,
    session: Session,
    Verified(form): Verified<CodeForm>,
) -> Result<Response, Error> {
    let mut r = attempt(&session, purpose).await?;
    let kind = parse_kind(&kind)?;
    let message = match recovery::check_code(&s, &who, &mut r, kind, &form.code).await? {
        result @ (CodeCheck::Passed | CodeCheck::Voided) => return proceed(&s, &session, &r, result).await,
        CodeCheck::Wrong { remaining } => wrong_code_message(ctx.lang, remaining),
        CodeCheck::Expired => ctx.lang.t("code-expired"),
        CodeCheck::NotSent => ctx.lang.t("code-not-sent"),
        CodeCheck::Replayed => ctx.lang.t("code-replayed"),
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, code_view(&s, &ctx, purpose, &r, kind, &csrf, Some(message)).await?)
        .into_response())
}

/// Unlocks, and on success ends the attempt and shows what changed.
async fn complete_unlock(
    s: &Services,
    ctx: &Ctx,
    who: &crate::flow::Requester,
    session: &Session,
    r: &Recovery,
) -> Result<Response, Error> {
    recovery::unlock(s, who, r).await?;
    session.remove::<Recovery>(KEY).await?;
    let back = return_to::take(session).await?;
    let page = DonePage {
        l: Layout::new(s, ctx, "unlock-done-title").returning(back),
        purpose: Purpose::Unlock,
        must_change: false,
        sessions_kept: false,
        unlocked: true,
        username: r.login().to_owned(),
        when: crate::i18n::human_time(ctx.lang, s.clock.now()),
    };
    Ok(html(&page)?.into_response())
}

/// Unlocks a verified attempt; safe to repeat after the directory failed.
async fn finish_unlock(
    State(s): State<Arc<Services>>,
    ctx: Ctx,
    Who(who): Who,
    session: Session,
    Verified(_): Verified<EmptyForm>,
) -> Result<Response, Error> {
    let r = attempt(&session, Purpose::Unlock).await?;
    complete_unlock(&s, &ctx, &who, &session, &r).await
}

async fn password_form(
    State(s): State<Arc<Services>>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    session: Session,
) -> Result<Response, Error> {
    let r = attempt(&session, Purpose::Reset).await?;
    if !r.verified(&s) {
        return Ok(Redirect::to("/reset/verify").into_response());
    }
    let (title, _) = titles(Purpose::Reset);
    let new_password = account_field(&s, ctx.lang, &r).await;
    let page = PasswordPage {
        l: Layout::with_csrf(&s, &ctx, title, &csrf),
        error: None,
        step: attempt_step(&s, &ctx, &r),
        new_password,
    };
    Ok(html(&page)?.into_response())
}

async fn set_password(
    State(s): State<Arc<Services>>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    Who(who): Who,
    session: Session,
    Verified(form): Verified<PasswordForm>,
) -> Result<Response, Error> {
    let r = attempt(&session, Purpose::Reset).await?;
    let (title, _) = titles(Purpose::Reset);
    let field = account_field(&s, ctx.lang, &r).await;
    let again = |error: &'static str, problems: Vec<String>| -> Result<Response, Error> {
        let mut st = attempt_step(&s, &ctx, &r);
        st.now = st.of();
        let new_password = super::quality::NewPasswordField { problems, ..field };
        let page = PasswordPage {
            l: Layout::with_csrf(&s, &ctx, title, &csrf),
            error: Some(ctx.lang.t(error)),
            step: st,
            new_password,
        };
        Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)?).into_response())
    };
    let new = match NewPassword::parse(form.new, &form.confirm) {
        Ok(new) => new,
        Err(e) => return again(e.advice(), vec![]),
    };
    // Entra's smart lockout cannot be cleared through Graph: the page does not claim it was.
    let unlocked = !r.proven_user(&s).is_some_and(crate::directory::graph::is_cloud_account);
    match recovery::reset(&s, &who, &r, &new).await? {
        ResetOutcome::Done { must_change, sessions_kept } => {
            session.remove::<Recovery>(KEY).await?;
            let back = return_to::take(&session).await?;
            let page = DonePage {
                l: Layout::new(&s, &ctx, "reset-done-title").returning(back),
                purpose: Purpose::Reset,
                must_change,
                sessions_kept,
                unlocked,
                username: r.login().to_owned(),
                when: crate::i18n::human_time(ctx.lang, s.clock.now()),
            };
            Ok(html(&page)?.into_response())
        }
        ResetOutcome::Refused(reason) => again(reason.advice(), super::quality::refusal_sentences(ctx.lang, &reason)),
        ResetOutcome::Weak(refusals) => again("quality-refused", super::quality::sentences(ctx.lang, &refusals)),
    }
}

/// The new-password field of a reset, with the rules of the account it has proven.
async fn account_field(s: &Services, lang: crate::i18n::Lang, r: &Recovery) -> super::quality::NewPasswordField {
    let field = super::quality::NewPasswordField::new(s, lang);
    match r.proven_user(s) {
        Some(user) => field.for_account(s, lang, user).await,
        None => field,
    }
}

/// The account a reset in this session has proven (for the live password hint), if any.
pub(super) async fn proven_user(s: &Services, session: &Session) -> Result<Option<crate::directory::DirUser>, Error> {
    let r = session.get::<Recovery>(KEY).await?;
    Ok(r.filter(|r| r.purpose == Purpose::Reset).and_then(|r| r.proven_user(s).cloned()))
}

async fn questions_view(
    s: &Services,
    ctx: &Ctx,
    purpose: Purpose,
    r: &Recovery,
    csrf: &CsrfToken,
    error: Option<String>,
) -> Result<Response, Error> {
    let (title, base) = titles(purpose);
    let questions = question_texts(s, ctx.lang, &recovery::questions_asked(s, r).await?);
    let refused = error.is_some();
    let page = QuestionsPage {
        l: Layout::with_csrf(s, ctx, title, csrf),
        base,
        questions,
        error,
        step: attempt_step(s, ctx, r),
    };
    form_page(&page, refused)
}

async fn questions_form(
    State(s): State<Arc<Services>>,
    Extension(purpose): Extension<Purpose>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    session: Session,
) -> Result<Response, Error> {
    let r = attempt(&session, purpose).await?;
    if !r.choices(&s).contains(&MethodKind::Questions) {
        return Ok(to_choices(purpose));
    }
    questions_view(&s, &ctx, purpose, &r, &csrf, None).await
}

// Axum handlers take one argument per extractor.
#[allow(clippy::too_many_arguments)]
async fn check_answers(
    State(s): State<Arc<Services>>,
    Extension(purpose): Extension<Purpose>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    Who(who): Who,
    session: Session,
    Verified(form): Verified<AnswersForm>,
) -> Result<Response, Error> {
    let mut r = attempt(&session, purpose).await?;
    let answers = form.answers(s.config.questions.to_answer);
    let message = match recovery::check_answers(&s, &who, &mut r, answers).await? {
        result @ (CodeCheck::Passed | CodeCheck::Voided) => return proceed(&s, &session, &r, result).await,
        CodeCheck::Wrong { remaining } => ctx.lang.t_with("questions-wrong", &[("count", remaining.into())]),
        CodeCheck::Expired | CodeCheck::NotSent | CodeCheck::Replayed => ctx.lang.t("error-expired"),
    };
    questions_view(&s, &ctx, purpose, &r, &csrf, Some(message)).await
}
