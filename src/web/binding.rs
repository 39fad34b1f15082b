//! "Confirm it's you" before changing methods: a person who already has a registered method
//! proves one (a code, answers or a passkey) before adding or removing any (`flow::binding`).
//! Every step but the passkey works without JavaScript; the recovery pages' templates are
//! reused under `/register/prove`.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use tower_sessions::Session;

use super::context::Ctx;
use super::csrf::{CodeForm, CsrfToken, EmptyForm, Verified};
use super::error::Error;
use super::method_pages::{AnswersForm, CodePage, PasskeyForm, PasskeyPage, QuestionsPage, question_texts};
use super::pages::{Layout, Step, form_page, html};
use super::shared::REGISTER_KEY as KEY;
use super::who::Who;
use crate::config::MethodKind;
use crate::flow::codes::CodeCheck;
use crate::flow::enrol::Enrolment;
use crate::flow::{FlowError, Services, binding};

const BASE: &str = "register/prove";
const TITLE: &str = "prove-title";

pub fn routes() -> Router<Arc<Services>> {
    Router::new()
        .route("/register/prove", get(choose))
        .route("/register/prove/verify", get(choose))
        .route("/register/prove/send", post(send::<false>))
        .route("/register/prove/send-sms", post(send::<true>))
        .route("/register/prove/code/{kind}", get(code_form).post(check_code))
        .route("/register/prove/questions", get(questions_form).post(check_answers))
        .route("/register/prove/passkey", get(passkey_form).post(check_passkey))
        .route("/register/prove/passkey/options", post(passkey_options))
}

/// Before any route that changes methods: a registration that has not proven an existing
/// method yet is sent to do so.
pub async fn gate(session: Session, req: Request, next: Next) -> Response {
    match session.get::<Enrolment>(KEY).await {
        Ok(Some(e)) if !e.proof.proven => to_choices(),
        _ => next.run(req).await,
    }
}

fn step(ctx: &Ctx) -> Step {
    Step::new(ctx.lang, 2, &["step-sign-in", "step-methods", "step-confirm"])
}

#[derive(Template)]
#[template(path = "register/prove.html")]
struct ChoosePage {
    l: Layout,
    base: &'static str,
    choices: Vec<MethodKind>,
    step: Step,
}

async fn enrolment(session: &Session) -> Result<Enrolment, Error> {
    session.get::<Enrolment>(KEY).await?.ok_or(Error::Flow(FlowError::Expired))
}

fn to_methods() -> Response {
    Redirect::to("/register/methods").into_response()
}

fn to_choices() -> Response {
    Redirect::to("/register/prove").into_response()
}

/// Whether `kind`'s page of the proof step may show: nothing is proven yet and it is a choice.
async fn offered(s: &Services, e: &Enrolment, kind: MethodKind) -> Result<bool, Error> {
    Ok(!e.proof.proven && binding::choices(s, e).await?.contains(&kind))
}

fn parse_kind(kind: &str) -> Result<MethodKind, Error> {
    MethodKind::parse(kind).ok_or(Error::Flow(FlowError::OutOfStep("unknown method")))
}

/// After a check: on to the methods page once proven; a voided attempt ends the sign-in.
async fn after(session: &Session, e: Enrolment, result: CodeCheck) -> Result<Option<Response>, Error> {
    match result {
        CodeCheck::Passed => {
            session.cycle_id().await?;
            session.insert(KEY, e).await?;
            session.insert(super::shared::REGISTER_NOTICE, "prove-passed").await?;
            Ok(Some(to_methods()))
        }
        CodeCheck::Voided => {
            session.flush().await?;
            Err(Error::Voided)
        }
        _ => {
            session.insert(KEY, e).await?;
            Ok(None)
        }
    }
}

async fn choose(
    State(s): State<Arc<Services>>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    session: Session,
) -> Result<Response, Error> {
    let e = enrolment(&session).await?;
    if e.proof.proven {
        return Ok(to_methods());
    }
    let choices = binding::choices(&s, &e).await?;
    let page = ChoosePage { l: Layout::with_csrf(&s, &ctx, TITLE, &csrf), base: BASE, choices, step: step(&ctx) };
    Ok(html(&page)?.into_response())
}

/// Sends a code by email, or by text message when `SMS`, and goes on to the page that asks
/// for it.
async fn send<const SMS: bool>(
    State(s): State<Arc<Services>>,
    Who(who): Who,
    session: Session,
    Verified(_): Verified<EmptyForm>,
) -> Result<Response, Error> {
    let kind = if SMS { MethodKind::Sms } else { MethodKind::Email };
    let e = enrolment(&session).await?;
    binding::send_code(&s, &who, &e, kind).await?;
    Ok(Redirect::to(&format!("/{BASE}/code/{}", kind.as_str())).into_response())
}

fn code_view(
    s: &Services,
    ctx: &Ctx,
    csrf: &CsrfToken,
    kind: MethodKind,
    error: Option<String>,
) -> Result<Response, Error> {
    if !kind.is_code() {
        return Err(Error::Flow(FlowError::OutOfStep("not a code")));
    }
    let refused = error.is_some();
    form_page(&CodePage::new(s, Layout::with_csrf(s, ctx, TITLE, csrf), BASE, kind, error, step(ctx)), refused)
}

async fn code_form(
    State(s): State<Arc<Services>>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    Path(kind): Path<String>,
    session: Session,
) -> Result<Response, Error> {
    let e = enrolment(&session).await?;
    let kind = parse_kind(&kind)?;
    if !offered(&s, &e, kind).await? {
        return Ok(to_choices());
    }
    code_view(&s, &ctx, &csrf, kind, None)
}

// Axum handlers take one argument per extractor.
#[allow(clippy::too_many_arguments)]
async fn check_code(
    State(s): State<Arc<Services>>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    Who(who): Who,
    Path(kind): Path<String>,
    session: Session,
    Verified(form): Verified<CodeForm>,
) -> Result<Response, Error> {
    let mut e = enrolment(&session).await?;
    let kind = parse_kind(&kind)?;
    let result = binding::check_code(&s, &who, &mut e, kind, &form.code).await?;
    if let Some(next) = after(&session, e, result).await? {
        return Ok(next);
    }
    let message = match result {
        CodeCheck::Wrong { remaining } => super::shared::wrong_code_message(ctx.lang, remaining),
        CodeCheck::Expired => ctx.lang.t("confirm-code-expired"),
        _ => ctx.lang.t("confirm-code-unusable"),
    };
    code_view(&s, &ctx, &csrf, kind, Some(message))
}

async fn questions_view(
    s: &Services,
    ctx: &Ctx,
    csrf: &CsrfToken,
    e: &Enrolment,
    error: Option<String>,
) -> Result<Response, Error> {
    let questions = question_texts(s, ctx.lang, &binding::questions_asked(s, e).await?);
    let refused = error.is_some();
    let page =
        QuestionsPage { l: Layout::with_csrf(s, ctx, TITLE, csrf), base: BASE, questions, error, step: step(ctx) };
    form_page(&page, refused)
}

async fn questions_form(
    State(s): State<Arc<Services>>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    session: Session,
) -> Result<Response, Error> {
    let e = enrolment(&session).await?;
    if !offered(&s, &e, MethodKind::Questions).await? {
        return Ok(to_choices());
    }
    questions_view(&s, &ctx, &csrf, &e, None).await
}

async fn check_answers(
    State(s): State<Arc<Services>>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    Who(who): Who,
    session: Session,
    Verified(form): Verified<AnswersForm>,
) -> Result<Response, Error> {
    let mut e = enrolment(&session).await?;
    let result = binding::check_answers(&s, &who, &mut e, form.answers(s.config.questions.to_answer)).await?;
    let shown = e.clone();
    if let Some(next) = after(&session, e, result).await? {
        return Ok(next);
    }
    let message = match result {
        CodeCheck::Wrong { remaining } => ctx.lang.t_with("questions-wrong", &[("count", remaining.into())]),
        _ => ctx.lang.t("error-expired"),
    };
    questions_view(&s, &ctx, &csrf, &shown, Some(message)).await
}

fn passkey_view(s: &Services, ctx: &Ctx, csrf: &CsrfToken, error: Option<String>) -> Result<Response, Error> {
    let refused = error.is_some();
    form_page(&PasskeyPage { l: Layout::with_csrf(s, ctx, TITLE, csrf), base: BASE, error, step: step(ctx) }, refused)
}

async fn passkey_form(
    State(s): State<Arc<Services>>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    session: Session,
) -> Result<Response, Error> {
    let e = enrolment(&session).await?;
    if !offered(&s, &e, MethodKind::Passkey).await? {
        return Ok(to_choices());
    }
    passkey_view(&s, &ctx, &csrf, None)
}

async fn passkey_options(
    State(s): State<Arc<Services>>,
    session: Session,
    Verified(_): Verified<PasskeyForm>,
) -> Result<Response, Error> {
    let mut e = enrolment(&session).await?;
    let options = binding::passkey_options(&s, &mut e).await?;
    session.insert(KEY, e).await?;
    Ok(axum::Json(options).into_response())
}

async fn check_passkey(
    State(s): State<Arc<Services>>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    Who(who): Who,
    session: Session,
    Verified(form): Verified<PasskeyForm>,
) -> Result<Response, Error> {
    let mut e = enrolment(&session).await?;
    if form.credential.trim().is_empty() {
        return passkey_view(&s, &ctx, &csrf, Some(ctx.lang.t("passkey-needs-script")));
    }
    let result = binding::check_passkey(&s, &who, &mut e, &form.credential).await?;
    if let Some(next) = after(&session, e, result).await? {
        return Ok(next);
    }
    let message = match result {
        CodeCheck::Wrong { remaining } => ctx.lang.t_with("passkey-wrong", &[("count", remaining.into())]),
        _ => ctx.lang.t("error-expired"),
    };
    passkey_view(&s, &ctx, &csrf, Some(message))
}
