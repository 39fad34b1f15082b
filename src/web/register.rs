//! Register: sign in with the directory password, then add, confirm and remove methods.
//! A person with fewer methods than required cannot leave the methods page except by
//! signing out.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use tower_sessions::Session;

use super::context::Ctx;
use super::csrf::{CodeForm, EmptyForm, Verified, has_csrf};
use super::error::Error;
use super::extract::Page;
use super::pages::{Layout, Step, form_page, html};
use super::return_to;
use super::shared::{OUT_OF_SCOPE, REGISTER_KEY as KEY, REGISTER_NOTICE as NOTICE, SIGN_IN_FAILED, SignInForm};
use crate::config::MethodKind;
use crate::flow::codes::CodeCheck;
use crate::flow::enrol::{self, Enrolment, Overview, Removal};
use crate::flow::{FlowError, Services, account};

mod questions;
use questions::*;

const MUST_CHANGE: &str = "must-change";

pub fn routes() -> Router<Arc<Services>> {
    // Every route that changes methods waits until an existing method was proven.
    let changes = Router::new()
        .route("/register/email", post(add_email))
        .route("/register/totp", post(add_totp))
        .route("/register/sms", post(add_sms))
        .route("/register/passkey", post(add_passkey))
        .route("/register/passkey/options", post(passkey_options))
        .route("/register/confirm", get(confirm_page).post(confirm))
        .route("/register/questions", get(questions_page).post(save_questions))
        .route("/register/cancel", post(cancel))
        .route("/register/remove", post(remove))
        .route_layer(axum::middleware::from_fn(super::binding::gate));
    Router::new()
        .route("/register", get(sign_in_form).post(sign_in))
        .route("/register/methods", get(methods_page))
        .merge(changes)
        .merge(super::binding::routes())
        .route("/register/done", post(done))
        .route("/register/reviewed", post(reviewed))
        .route("/register/sign-out", post(sign_out))
}

#[derive(Template)]
#[template(path = "register/sign_in.html")]
struct SignInPage {
    l: Layout,
    step: Step,
    username: String,
    error: Option<String>,
    change_link: bool,
    return_to: String,
}

#[derive(Template)]
#[template(path = "register/methods.html")]
struct MethodsPage {
    l: Layout,
    step: Step,
    name: String,
    overview: Overview,
    notice: Option<String>,
    /// How long the password has left, when the directory warned at sign-in.
    password_notice: Option<String>,
    error: Option<String>,
    address: String,
    required: u8,
    questions_to_register: usize,
    /// Security questions do not count on their own for this account.
    privileged: bool,
    /// Time to confirm the methods are still this person's (`policy.review_after_days`).
    review_due: bool,
    /// A refused phone number as typed, and why, shown at its field.
    number: String,
    number_error: Option<String>,
    /// A passkey's name as typed, and why the passkey was not added, shown at its field.
    passkey_name: String,
    passkey_error: Option<String>,
    /// Methods may change in this sign-in (`flow::binding`).
    proven: bool,
}

impl MethodsPage {
    fn can_add(&self, kind: &str) -> bool {
        self.overview.can_add.iter().any(|k| k.as_str() == kind)
    }

    fn has(&self, kind: &str) -> bool {
        self.overview.methods.iter().any(|m| m.kind.as_str() == kind)
    }

    fn method_name(&self, m: &enrol::MethodView) -> String {
        method_name(self.l.lang, m)
    }

    fn added_on(&self, at: &i64) -> String {
        time::OffsetDateTime::from_unix_timestamp(*at).map(|t| t.date().to_string()).unwrap_or_default()
    }
}

/// A registered method as people read it: "Email to j…@example.com", "Passkey “Laptop”".
fn method_name(lang: crate::i18n::Lang, m: &enrol::MethodView) -> String {
    let label = m.label.as_str();
    match m.kind {
        MethodKind::Email => lang.t_with("methods-email", &[("address", label.into())]),
        MethodKind::Totp => lang.t("methods-totp"),
        MethodKind::Questions => lang.t("methods-questions"),
        MethodKind::Sms => lang.t_with("methods-sms", &[("number", label.into())]),
        MethodKind::Passkey => lang.t_with("methods-passkey", &[("name", label.into())]),
    }
}

#[derive(Template)]
#[template(path = "register/confirm.html")]
struct ConfirmPage {
    l: Layout,
    step: Step,
    kind: &'static str,
    label: String,
    qr_svg: String,
    secret_text: String,
    error: Option<String>,
    /// The SMS gateway's last message failed.
    sms_failing: bool,
    /// How long a code is valid, for "Didn't get a code?".
    ttl_minutes: u64,
}

impl ConfirmPage {
    /// The sentence under the heading: where the code went (an app's steps follow instead).
    fn lead(&self) -> String {
        match self.kind {
            "email" => self.l.t1("confirm-email-lead", "address", &self.label),
            "sms" => self.l.t1("confirm-sms-lead", "number", &self.label),
            _ => String::new(),
        }
    }
}

#[derive(Template)]
#[template(path = "register/done.html")]
struct DonePage {
    l: Layout,
    /// What is registered now, one line each.
    methods: Vec<String>,
}

fn steps(ctx: &Ctx, now: usize) -> Step {
    Step::new(ctx.lang, now, &["step-sign-in", "step-methods", "step-confirm"])
}

#[derive(Deserialize)]
struct Prefill {
    username: Option<String>,
    return_to: Option<String>,
}

#[derive(Deserialize)]
struct AddressForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    address: String,
}

#[derive(Deserialize)]
struct IdForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    id: String,
}

has_csrf!(AddressForm, IdForm);

async fn current(session: &Session) -> Result<Option<Enrolment>, Error> {
    Ok(session.get::<Enrolment>(KEY).await?)
}

async fn required(session: &Session) -> Result<Enrolment, Error> {
    current(session).await?.ok_or(Error::Flow(FlowError::Expired))
}

async fn sign_in_form(p: Page, axum::extract::Query(q): axum::extract::Query<Prefill>) -> Result<Response, Error> {
    if current(&p.session).await?.is_some() {
        return Ok(Redirect::to("/register/methods").into_response());
    }
    let return_to = q.return_to.and_then(|r| return_to::allowed(&p.s, &p.ctx, &r)).unwrap_or_default();
    // People of a Graph directory sign in with OpenID Connect; the way back goes along.
    if p.s.directory.graph().is_some() {
        let back: String = url::form_urlencoded::byte_serialize(return_to.as_bytes()).collect();
        let and_back = if back.is_empty() { String::new() } else { format!("&return_to={back}") };
        return Ok(Redirect::to(&format!("/oidc/start?next=register{and_back}")).into_response());
    }
    let page = sign_in_page(&p, &q.username.unwrap_or_default(), None, return_to);
    Ok(html(&page)?.into_response())
}

/// The sign-in page, with what was typed and why it was refused.
fn sign_in_page(p: &Page, username: &str, error: Option<(&str, bool)>, return_to: String) -> SignInPage {
    SignInPage {
        l: p.layout("register-title"),
        step: steps(&p.ctx, 1),
        username: username.chars().take(256).collect(),
        error: error.map(|(key, _)| p.ctx.lang.t(key)),
        change_link: error.is_some_and(|(_, change_link)| change_link),
        return_to,
    }
}

async fn sign_in(p: Page, Verified(form): Verified<SignInForm>) -> Result<Response, Error> {
    let (s, ctx, session) = (&p.s, &p.ctx, &p.session);
    let refuse = |error: &str, change_link| -> Result<Response, Error> {
        let return_to = return_to::allowed(s, ctx, &form.return_to).unwrap_or_default();
        let page = sign_in_page(&p, &form.username, Some((error, change_link)), return_to);
        Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)?).into_response())
    };
    let (outcome, warning) = account::sign_in_warned(s, &p.who, "register", &form.username, &form.password).await?;
    match outcome {
        account::SignIn::Ok(user) => {
            let enrolment = enrol::begin(s, *user).await?;
            super::shared::renew_id(session).await?;
            session.insert(KEY, enrolment).await?;
            if let Some(warning) = warning {
                session.insert(super::expiry::KEY, super::expiry::sentence(ctx.lang, warning)).await?;
            }
            return_to::remember(s, ctx, session, &form.return_to).await?;
            Ok(to_methods())
        }
        account::SignIn::Failed => refuse(SIGN_IN_FAILED, false),
        account::SignIn::OutOfScope(_) => refuse(OUT_OF_SCOPE, false),
        account::SignIn::MustChange => refuse(MUST_CHANGE, true),
    }
}

fn to_methods() -> Response {
    Redirect::to("/register/methods").into_response()
}

/// What a refused form on the methods page had in it, so the page shows it again at its field.
enum Typed {
    Nothing,
    Address(String),
    Number(String),
    PasskeyName(String),
}

/// The methods page, with `error` (a message key) about what was `typed`.
async fn methods_view(p: &Page, error: Option<&'static str>, typed: Typed) -> Result<Response, Error> {
    let (s, ctx, session) = (&p.s, &p.ctx, &p.session);
    let e = required(session).await?;
    let overview = enrol::overview(s, &e).await?;
    let review_due = enrol::review_due(s, &e, &overview).await?;
    let notice: Option<String> = session.remove(NOTICE).await?;
    let t = |key: &str| ctx.lang.t(key);
    let page = MethodsPage {
        l: p.layout("methods-title"),
        step: steps(ctx, 2),
        name: e.user.display_name.clone(),
        overview,
        notice: notice.map(|key| t(&key)),
        password_notice: session.remove(super::expiry::KEY).await?,
        error: error.map(t),
        required: crate::policy::effective(&s.config, &e.user).methods_to_register,
        questions_to_register: s.config.questions.to_register,
        privileged: crate::policy::is_privileged(&s.config, &e.user),
        review_due,
        number_error: error.filter(|_| matches!(typed, Typed::Number(_))).map(t),
        passkey_error: error.filter(|_| matches!(typed, Typed::PasskeyName(_))).map(t),
        address: if let Typed::Address(a) = &typed { a.clone() } else { String::new() },
        number: if let Typed::Number(n) = &typed { n.clone() } else { String::new() },
        passkey_name: if let Typed::PasskeyName(n) = typed { n } else { String::new() },
        proven: e.proof.proven,
    };
    form_page(&page, error.is_some())
}

async fn methods_page(p: Page) -> Result<Response, Error> {
    if current(&p.session).await?.is_none() {
        return Ok(Redirect::to("/register").into_response());
    }
    methods_view(&p, None, Typed::Nothing).await
}

async fn add_email(p: Page, Verified(form): Verified<AddressForm>) -> Result<Response, Error> {
    let mut e = required(&p.session).await?;
    if !enrol::start_email(&p.s, p.ctx.lang, &mut e, &form.address).await? {
        let address = form.address.chars().take(254).collect();
        return methods_view(&p, Some("methods-bad-address"), Typed::Address(address)).await;
    }
    to_confirm(&p.session, e).await
}

#[derive(Deserialize)]
struct NumberForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    number: String,
}

has_csrf!(NumberForm);

async fn add_sms(p: Page, Verified(form): Verified<NumberForm>) -> Result<Response, Error> {
    use crate::factors::sms::PhoneError;
    let mut e = required(&p.session).await?;
    if let Err(why) = enrol::start_sms(&p.s, &p.who, &mut e, &form.number).await? {
        let key = match why {
            PhoneError::NoCountry => "methods-number-no-country",
            PhoneError::Unreadable | PhoneError::Invalid => "methods-bad-number",
        };
        let typed = form.number.chars().take(40).collect();
        return methods_view(&p, Some(key), Typed::Number(typed)).await;
    }
    to_confirm(&p.session, e).await
}

#[derive(Deserialize)]
struct PasskeyForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    /// The browser's answer (JSON), filled in by static/passkey.js.
    #[serde(default)]
    credential: String,
}

has_csrf!(PasskeyForm);

/// The options for `navigator.credentials.create` (JSON, for static/passkey.js); a refused
/// name gets `{"error": "…"}` with status 422.
async fn passkey_options(p: Page, Verified(form): Verified<PasskeyForm>) -> Result<Response, Error> {
    let mut e = required(&p.session).await?;
    match enrol::start_passkey(&p.s, &mut e, &form.name).await? {
        Ok(options) => {
            p.session.insert(KEY, e).await?;
            Ok(axum::Json(options).into_response())
        }
        Err(key) => {
            let error = serde_json::json!({ "error": p.ctx.lang.t(key) });
            Ok((StatusCode::UNPROCESSABLE_ENTITY, axum::Json(error)).into_response())
        }
    }
}

/// Stores the passkey the browser made, or says at the passkey's field why it was not added.
async fn add_passkey(p: Page, Verified(form): Verified<PasskeyForm>) -> Result<Response, Error> {
    let mut e = required(&p.session).await?;
    let outcome = enrol::finish_passkey(&p.s, &p.who, &mut e, &form.credential).await?;
    p.session.insert(KEY, e).await?;
    match outcome {
        Ok(_) => {
            super::shared::renew_id(&p.session).await?;
            p.session.insert(NOTICE, "methods-added").await?;
            Ok(to_methods())
        }
        Err(key) => {
            let name = form.name.chars().take(crate::factors::passkey::MAX_NAME_CHARS).collect();
            methods_view(&p, Some(key), Typed::PasskeyName(name)).await
        }
    }
}

async fn add_totp(p: Page, Verified(_): Verified<EmptyForm>) -> Result<Response, Error> {
    let mut e = required(&p.session).await?;
    enrol::start_totp(&p.s, &mut e).await?;
    to_confirm(&p.session, e).await
}

/// Keeps the method just started and asks for its code.
async fn to_confirm(session: &Session, e: Enrolment) -> Result<Response, Error> {
    session.insert(KEY, e).await?;
    Ok(Redirect::to("/register/confirm").into_response())
}

async fn confirm_view(p: &Page, e: &Enrolment, error: Option<String>) -> Result<Html<String>, Error> {
    let pending = e.pending.as_ref().ok_or(Error::Flow(FlowError::OutOfStep("nothing pending")))?;
    let (kind, qr_svg, secret_text) = match pending.kind {
        MethodKind::Email => ("email", String::new(), String::new()),
        MethodKind::Sms => ("sms", String::new(), String::new()),
        MethodKind::Questions | MethodKind::Passkey => {
            return Err(Error::Flow(FlowError::OutOfStep("nothing to confirm with a code")));
        }
        MethodKind::Totp => {
            let t = enrol::totp_enrolment(&p.s, e)?;
            ("totp", t.qr_svg.expose_secret().to_owned(), t.secret_base32.expose_secret().to_owned())
        }
    };
    html(&ConfirmPage {
        l: p.layout(&format!("confirm-{kind}-title")),
        step: steps(&p.ctx, 3),
        kind,
        label: pending.label.clone(),
        qr_svg,
        secret_text,
        error,
        sms_failing: kind == "sms" && crate::flow::sms::gateway_failing(&p.s),
        ttl_minutes: p.s.config.codes.ttl_secs / 60,
    })
}

async fn confirm_page(p: Page) -> Result<Response, Error> {
    let e = required(&p.session).await?;
    if e.pending.as_ref().is_none_or(|p| matches!(p.kind, MethodKind::Passkey | MethodKind::Questions)) {
        return Ok(to_methods());
    }
    Ok(confirm_view(&p, &e, None).await?.into_response())
}

async fn confirm(p: Page, Verified(form): Verified<CodeForm>) -> Result<Response, Error> {
    let mut e = required(&p.session).await?;
    let result = enrol::confirm(&p.s, &p.who, &mut e, &form.code).await?;
    let lang = p.ctx.lang;
    let message = match result {
        CodeCheck::Passed | CodeCheck::Voided => {
            let passed = result == CodeCheck::Passed;
            if passed {
                super::shared::renew_id(&p.session).await?;
            }
            p.session.insert(KEY, e).await?;
            p.session.insert(NOTICE, if passed { "methods-added" } else { "methods-add-voided" }).await?;
            return Ok(to_methods());
        }
        CodeCheck::Wrong { remaining } => super::shared::wrong_code_message(lang, remaining),
        CodeCheck::Expired => lang.t("confirm-code-expired"),
        CodeCheck::NotSent | CodeCheck::Replayed => lang.t("confirm-code-unusable"),
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, confirm_view(&p, &e, Some(message)).await?).into_response())
}

async fn cancel(session: Session, Verified(_): Verified<EmptyForm>) -> Result<Response, Error> {
    let mut e = required(&session).await?;
    enrol::cancel(&mut e);
    session.insert(KEY, e).await?;
    Ok(to_methods())
}

async fn remove(p: Page, Verified(form): Verified<IdForm>) -> Result<Response, Error> {
    let e = required(&p.session).await?;
    match enrol::remove(&p.s, &p.who, &e, &form.id).await? {
        Removal::Removed => {
            p.session.insert(NOTICE, "methods-removed").await?;
            Ok(to_methods())
        }
        Removal::WouldLeaveTooFew => methods_view(&p, Some("methods-keep-one"), Typed::Nothing).await,
        Removal::NotFound => Ok(to_methods()),
    }
}

async fn done(p: Page, Verified(_): Verified<EmptyForm>) -> Result<Response, Error> {
    let (s, session) = (&p.s, &p.session);
    let e = required(session).await?;
    if !enrol::complete(s, &e).await? {
        return methods_view(&p, Some("methods-need-more"), Typed::Nothing).await;
    }
    // They saw the list and kept it: that is a review too.
    s.db.set_method_reviewed(e.user.id.as_str(), s.clock.now()).await.map_err(FlowError::from)?;
    let overview = enrol::overview(s, &e).await?;
    let lang = p.ctx.lang;
    let mut methods: Vec<String> = overview
        .directory_email
        .iter()
        .map(|d| lang.t_with("methods-directory-email", &[("address", d.into())]))
        .collect();
    methods.extend(overview.methods.iter().map(|m| method_name(lang, m)));
    let methods = methods.iter().map(|m| lang.t_with("register-done-method", &[("method", m.into())])).collect();
    let back = return_to::take(session).await?;
    session.flush().await?;
    Ok(html(&DonePage { l: Layout::new(s, &p.ctx, "register-done-title").returning(back), methods })?.into_response())
}

/// "These are all still mine": the review is done for another `policy.review_after_days`.
async fn reviewed(p: Page, Verified(_): Verified<EmptyForm>) -> Result<Response, Error> {
    let e = required(&p.session).await?;
    enrol::reviewed(&p.s, &p.who, &e).await?;
    p.session.insert(NOTICE, "methods-review-thanks").await?;
    Ok(to_methods())
}

async fn sign_out(session: Session, Verified(_): Verified<EmptyForm>) -> Result<Response, Error> {
    session.flush().await?;
    Ok(Redirect::to("/").into_response())
}
