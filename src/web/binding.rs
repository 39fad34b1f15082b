//! "Confirm it's you" before changing methods: a person who already has a registered method
//! proves one (a code, answers or a passkey) before adding or removing any (`flow::binding`).
//! Every step but the passkey works without JavaScript; the recovery pages' templates are
//! reused under `/register/prove`.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Request};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use tower_sessions::Session;

use super::context::Ctx;
use super::csrf::{CodeForm, EmptyForm, Verified};
use super::error::Error;
use super::extract::Page;
use super::method_pages::{
    AnswersForm, CodePage, MethodAttempt, PasskeyForm, PasskeyPage, QuestionsPage, offered, question_texts,
};
use super::pages::{Layout, Step, form_page, html};
use super::shared::REGISTER_KEY as KEY;
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

/// A method's page shows while nothing is proven yet and the method is one of the choices.
impl MethodAttempt for Enrolment {
    async fn choices(&self, s: &Services) -> Result<Vec<MethodKind>, Error> {
        if self.proof.proven {
            return Ok(Vec::new());
        }
        Ok(binding::choices(s, self).await?)
    }
}

fn parse_kind(kind: &str) -> Result<MethodKind, Error> {
    MethodKind::parse(kind).ok_or(Error::Flow(FlowError::OutOfStep("unknown method")))
}

/// After a check: on to the methods page once proven; a voided attempt ends the sign-in.
async fn after(session: &Session, e: Enrolment, result: CodeCheck) -> Result<Option<Response>, Error> {
    match result {
        CodeCheck::Passed => {
            super::shared::renew_id(session).await?;
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

async fn choose(p: Page) -> Result<Response, Error> {
    let e = enrolment(&p.session).await?;
    if e.proof.proven {
        return Ok(to_methods());
    }
    let choices = binding::choices(&p.s, &e).await?;
    let page = ChoosePage { l: p.layout(TITLE), base: BASE, choices, step: step(&p.ctx) };
    Ok(html(&page)?.into_response())
}

/// Sends a code by email, or by text message when `SMS`, and goes on to the page that asks
/// for it.
async fn send<const SMS: bool>(p: Page, Verified(_): Verified<EmptyForm>) -> Result<Response, Error> {
    let kind = if SMS { MethodKind::Sms } else { MethodKind::Email };
    let e = enrolment(&p.session).await?;
    binding::send_code(&p.s, &p.who, &e, kind).await?;
    Ok(Redirect::to(&format!("/{BASE}/code/{}", kind.as_str())).into_response())
}

fn code_view(p: &Page, kind: MethodKind, error: Option<String>) -> Result<Response, Error> {
    if !kind.is_code() {
        return Err(Error::Flow(FlowError::OutOfStep("not a code")));
    }
    let refused = error.is_some();
    form_page(&CodePage::new(&p.s, p.layout(TITLE), BASE, kind, error, step(&p.ctx)), refused)
}

async fn code_form(p: Page, Path(kind): Path<String>) -> Result<Response, Error> {
    let e = enrolment(&p.session).await?;
    let kind = parse_kind(&kind)?;
    if !offered(&p.s, &e, kind).await? {
        return Ok(to_choices());
    }
    code_view(&p, kind, None)
}

async fn check_code(p: Page, Path(kind): Path<String>, Verified(form): Verified<CodeForm>) -> Result<Response, Error> {
    let mut e = enrolment(&p.session).await?;
    let kind = parse_kind(&kind)?;
    let result = binding::check_code(&p.s, &p.who, &mut e, kind, &form.code).await?;
    if let Some(next) = after(&p.session, e, result).await? {
        return Ok(next);
    }
    let lang = p.ctx.lang;
    let message = match result {
        CodeCheck::Wrong { remaining } => super::shared::wrong_code_message(lang, remaining),
        CodeCheck::Expired => lang.t("confirm-code-expired"),
        _ => lang.t("confirm-code-unusable"),
    };
    code_view(&p, kind, Some(message))
}

async fn questions_view(p: &Page, e: &Enrolment, error: Option<String>) -> Result<Response, Error> {
    let questions = question_texts(&p.s, p.ctx.lang, &binding::questions_asked(&p.s, e).await?);
    let refused = error.is_some();
    let page = QuestionsPage { l: p.layout(TITLE), base: BASE, questions, error, step: step(&p.ctx) };
    form_page(&page, refused)
}

async fn questions_form(p: Page) -> Result<Response, Error> {
    let e = enrolment(&p.session).await?;
    if !offered(&p.s, &e, MethodKind::Questions).await? {
        return Ok(to_choices());
    }
    questions_view(&p, &e, None).await
}

async fn check_answers(p: Page, Verified(form): Verified<AnswersForm>) -> Result<Response, Error> {
    let mut e = enrolment(&p.session).await?;
    let answers = form.answers(p.s.config.questions.to_answer);
    let result = binding::check_answers(&p.s, &p.who, &mut e, answers).await?;
    let shown = e.clone();
    if let Some(next) = after(&p.session, e, result).await? {
        return Ok(next);
    }
    let message = match result {
        CodeCheck::Wrong { remaining } => p.ctx.lang.t_with("questions-wrong", &[("count", remaining.into())]),
        _ => p.ctx.lang.t("error-expired"),
    };
    questions_view(&p, &shown, Some(message)).await
}

fn passkey_view(p: &Page, error: Option<String>) -> Result<Response, Error> {
    let refused = error.is_some();
    form_page(&PasskeyPage { l: p.layout(TITLE), base: BASE, error, step: step(&p.ctx) }, refused)
}

async fn passkey_form(p: Page) -> Result<Response, Error> {
    let e = enrolment(&p.session).await?;
    if !offered(&p.s, &e, MethodKind::Passkey).await? {
        return Ok(to_choices());
    }
    passkey_view(&p, None)
}

async fn passkey_options(p: Page, Verified(_): Verified<PasskeyForm>) -> Result<Response, Error> {
    let mut e = enrolment(&p.session).await?;
    let options = binding::passkey_options(&p.s, &mut e).await?;
    p.session.insert(KEY, e).await?;
    Ok(axum::Json(options).into_response())
}

async fn check_passkey(p: Page, Verified(form): Verified<PasskeyForm>) -> Result<Response, Error> {
    let mut e = enrolment(&p.session).await?;
    if form.credential.trim().is_empty() {
        return passkey_view(&p, Some(p.ctx.lang.t("passkey-needs-script")));
    }
    let result = binding::check_passkey(&p.s, &p.who, &mut e, &form.credential).await?;
    if let Some(next) = after(&p.session, e, result).await? {
        return Ok(next);
    }
    let message = match result {
        CodeCheck::Wrong { remaining } => p.ctx.lang.t_with("passkey-wrong", &[("count", remaining.into())]),
        _ => p.ctx.lang.t("error-expired"),
    };
    passkey_view(&p, Some(message))
}
