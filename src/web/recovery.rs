//! Reset and unlock: username, then the required methods, then the new password (reset) or
//! the unlock. The same router serves both, nested at `/reset` and `/unlock`.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use secrecy::SecretString;
use serde::Deserialize;
use tower_sessions::Session;

use super::context::Ctx;
use super::csrf::{CodeForm, EmptyForm, Verified, has_csrf};
use super::error::Error;
use super::extract::Page;
use super::method_pages::{
    AnswersForm, CodePage, MethodAttempt, PasskeyForm, PasskeyPage, QuestionsPage, offered, question_texts,
};
use super::pages::{Layout, Step, form_page, html};
use super::return_to;
use super::shared::wrong_code_message;
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
    super::shared::renew_id(session).await?;
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

/// A method's page shows while the attempt still offers the method.
impl MethodAttempt for Recovery {
    async fn choices(&self, s: &Services) -> Result<Vec<MethodKind>, Error> {
        Ok(Recovery::choices(self, s))
    }
}

async fn username_form(
    Extension(purpose): Extension<Purpose>,
    p: Page,
    Query(q): Query<Prefill>,
) -> Result<Html<String>, Error> {
    let (s, ctx) = (&p.s, &p.ctx);
    let (title, base) = titles(purpose);
    let username = q.username.unwrap_or_default().chars().take(256).collect();
    let pow = crate::flow::pow::issue(s, p.who.ip.as_deref()).await?;
    html(&UsernamePage {
        l: p.layout(title),
        base,
        username,
        step: step(s, ctx, purpose, 1),
        pow,
        return_to: q.return_to.and_then(|r| return_to::allowed(s, ctx, &r)).unwrap_or_default(),
    })
}

async fn start(
    Extension(purpose): Extension<Purpose>,
    p: Page,
    Verified(form): Verified<UsernameForm>,
) -> Result<Response, Error> {
    let pow = (!form.pow.is_empty()).then_some((form.pow_challenge.as_str(), form.pow.as_str()));
    let r = recovery::start(&p.s, &p.who, purpose, &form.username, pow).await?;
    super::shared::renew_id(&p.session).await?;
    p.session.insert(KEY, r).await?;
    return_to::remember(&p.s, &p.ctx, &p.session, &form.return_to).await?;
    Ok(to_choices(purpose))
}

async fn choose(Extension(purpose): Extension<Purpose>, p: Page) -> Result<Response, Error> {
    let (s, r) = (&p.s, attempt(&p.session, purpose).await?);
    if r.verified(s) && purpose == Purpose::Reset {
        return Ok(Redirect::to("/reset/password").into_response());
    }
    let (title, base) = titles(purpose);
    let page = ChoosePage {
        l: p.layout(title),
        base,
        choices: r.choices(s),
        more: !r.passed.is_empty(),
        ready: r.verified(s),
        step: attempt_step(s, &p.ctx, &r),
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
    Extension(purpose): Extension<Purpose>,
    p: Page,
    Verified(_): Verified<EmptyForm>,
) -> Result<Response, Error> {
    let r = attempt(&p.session, purpose).await?;
    let kind = if SMS {
        recovery::send_sms_code(&p.s, &p.who, &r).await?;
        MethodKind::Sms
    } else {
        recovery::send_email_code(&p.s, &p.who, &r).await?;
        MethodKind::Email
    };
    Ok(Redirect::to(&format!("/{}/code/{}", purpose.as_str(), kind.as_str())).into_response())
}

fn code_view(p: &Page, r: &Recovery, kind: MethodKind, error: Option<String>) -> Result<Html<String>, Error> {
    let (title, base) = titles(r.purpose);
    html(&CodePage::new(&p.s, p.layout(title), base, kind, error, attempt_step(&p.s, &p.ctx, r)))
}

async fn code_form(
    Extension(purpose): Extension<Purpose>,
    p: Page,
    Path(kind): Path<String>,
) -> Result<Response, Error> {
    let r = attempt(&p.session, purpose).await?;
    let kind = parse_kind(&kind)?;
    if !offered(&p.s, &r, kind).await? {
        return Ok(to_choices(purpose));
    }
    Ok(code_view(&p, &r, kind, None)?.into_response())
}

async fn check_code(
    Extension(purpose): Extension<Purpose>,
    p: Page,
    Path(kind): Path<String>,
    Verified(form): Verified<CodeForm>,
) -> Result<Response, Error> {
    let mut r = attempt(&p.session, purpose).await?;
    let kind = parse_kind(&kind)?;
    let lang = p.ctx.lang;
    let message = match recovery::check_code(&p.s, &p.who, &mut r, kind, &form.code).await? {
        result @ (CodeCheck::Passed | CodeCheck::Voided) => return proceed(&p.s, &p.session, &r, result).await,
        CodeCheck::Wrong { remaining } => wrong_code_message(lang, remaining),
        CodeCheck::Expired => lang.t("code-expired"),
        CodeCheck::NotSent => lang.t("code-not-sent"),
        CodeCheck::Replayed => lang.t("code-replayed"),
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, code_view(&p, &r, kind, Some(message))?).into_response())
}

/// The page after a reset or an unlock: what changed, and when.
fn done_page(p: &Page, r: &Recovery, back: Option<String>, outcome: Done) -> Result<Response, Error> {
    let title = match r.purpose {
        Purpose::Reset => "reset-done-title",
        Purpose::Unlock => "unlock-done-title",
    };
    let page = DonePage {
        l: Layout::new(&p.s, &p.ctx, title).returning(back),
        purpose: r.purpose,
        must_change: outcome.must_change,
        sessions_kept: outcome.sessions_kept,
        unlocked: outcome.unlocked,
        username: r.login().to_owned(),
        when: crate::i18n::human_time(p.ctx.lang, &p.s.config.server.zone(), p.s.clock.now()),
    };
    Ok(html(&page)?.into_response())
}

/// What a finished reset or unlock did, for its page.
#[derive(Default)]
struct Done {
    must_change: bool,
    sessions_kept: bool,
    unlocked: bool,
}

/// Ends the attempt in the session after it did what it was for, and shows what changed.
async fn finished(p: &Page, r: &Recovery, outcome: Done) -> Result<Response, Error> {
    p.session.remove::<Recovery>(KEY).await?;
    let back = return_to::take(&p.session).await?;
    done_page(p, r, back, outcome)
}

/// Unlocks a verified attempt; safe to repeat after the directory failed.
async fn finish_unlock(p: Page, Verified(_): Verified<EmptyForm>) -> Result<Response, Error> {
    let r = attempt(&p.session, Purpose::Unlock).await?;
    recovery::unlock(&p.s, &p.who, &r).await?;
    finished(&p, &r, Done { unlocked: true, ..Done::default() }).await
}

async fn password_form(p: Page) -> Result<Response, Error> {
    let r = attempt(&p.session, Purpose::Reset).await?;
    if !r.verified(&p.s) {
        return Ok(Redirect::to("/reset/verify").into_response());
    }
    let page = PasswordPage {
        l: p.layout(titles(Purpose::Reset).0),
        error: None,
        step: attempt_step(&p.s, &p.ctx, &r),
        new_password: account_field(&p.s, p.ctx.lang, &r).await,
    };
    Ok(html(&page)?.into_response())
}

async fn set_password(p: Page, Verified(form): Verified<PasswordForm>) -> Result<Response, Error> {
    let r = attempt(&p.session, Purpose::Reset).await?;
    let (s, ctx) = (&p.s, &p.ctx);
    let field = account_field(s, ctx.lang, &r).await;
    let again = |error: &'static str, problems: Vec<String>| -> Result<Response, Error> {
        let mut st = attempt_step(s, ctx, &r);
        st.now = st.of();
        let new_password = super::quality::NewPasswordField { problems, ..field };
        let page = PasswordPage {
            l: p.layout(titles(Purpose::Reset).0),
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
    let unlocked = !r.proven_user(s).is_some_and(crate::directory::graph::is_cloud_account);
    match recovery::reset(s, &p.who, &r, &new).await? {
        ResetOutcome::Done { must_change, sessions_kept } => {
            finished(&p, &r, Done { must_change, sessions_kept, unlocked }).await
        }
        ResetOutcome::Refused(reason) => {
            again(reason.advice(), super::quality::refusal_sentences(ctx.lang, &s.config.server.zone(), &reason))
        }
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

async fn questions_view(p: &Page, r: &Recovery, error: Option<String>) -> Result<Response, Error> {
    let (title, base) = titles(r.purpose);
    let questions = question_texts(&p.s, p.ctx.lang, &recovery::questions_asked(&p.s, r).await?);
    let refused = error.is_some();
    let page = QuestionsPage { l: p.layout(title), base, questions, error, step: attempt_step(&p.s, &p.ctx, r) };
    form_page(&page, refused)
}

async fn questions_form(Extension(purpose): Extension<Purpose>, p: Page) -> Result<Response, Error> {
    let r = attempt(&p.session, purpose).await?;
    if !offered(&p.s, &r, MethodKind::Questions).await? {
        return Ok(to_choices(purpose));
    }
    questions_view(&p, &r, None).await
}

async fn check_answers(
    Extension(purpose): Extension<Purpose>,
    p: Page,
    Verified(form): Verified<AnswersForm>,
) -> Result<Response, Error> {
    let mut r = attempt(&p.session, purpose).await?;
    let answers = form.answers(p.s.config.questions.to_answer);
    let lang = p.ctx.lang;
    let message = match recovery::check_answers(&p.s, &p.who, &mut r, answers).await? {
        result @ (CodeCheck::Passed | CodeCheck::Voided) => return proceed(&p.s, &p.session, &r, result).await,
        CodeCheck::Wrong { remaining } => lang.t_with("questions-wrong", &[("count", remaining.into())]),
        CodeCheck::Expired | CodeCheck::NotSent | CodeCheck::Replayed => lang.t("error-expired"),
    };
    questions_view(&p, &r, Some(message)).await
}
