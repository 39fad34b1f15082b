//! Sign-in with OpenID Connect for Graph directories, and the password change it enables.
//!
//! The IdP's redirect back is a cross-site navigation, which does not carry the SameSite=Strict
//! session cookie: `/oidc/callback` answers with a page that moves on to `/oidc/finish` from
//! this site, where the session is read and state and nonce are checked.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use secrecy::{ExposeSecret as _, SecretString};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::change::{ChangePage, DonePage};
use super::context::Ctx;
use super::csrf::{HasCsrf, Verified};
use super::error::Error;
use super::extract::Page;
use super::pages::{Layout, html};
use super::staff::{AdminArea, HelpdeskArea};
use crate::directory::graph::GraphDirectory;
use crate::directory::graph::oidc::OidcError;
use crate::flow::account::NewPassword;
use crate::flow::{FlowError, Services, delegated, enrol};

const STATE_KEY: &str = "oidc.state";
const PENDING_KEY: &str = "oidc.pending";
/// How long a finished sign-in may be used to change the password.
const SIGNED_IN_SECS: i64 = 900;
const SIGNED_IN_KEY: &str = "oidc.signed_in";
const NEXT_KEY: &str = "oidc.next";

pub fn routes() -> Router<Arc<Services>> {
    Router::new()
        .route("/oidc/start", get(start))
        .route("/oidc/callback", get(callback))
        .route("/oidc/finish", get(finish))
        .route("/oidc/change", get(change_form).post(change_submit))
}

/// A finished sign-in, in the session (so any replica can continue it). The delegated token
/// is sealed with the master key, bound to the object id and the login.
#[derive(Serialize, Deserialize)]
struct SignedInSession {
    /// The account's object id (the ID token's `oid`): who the change is for.
    #[serde(default)]
    object_id: String,
    /// What the person is shown as signed in as.
    login: String,
    token: Vec<u8>,
    expires_at: i64,
}

fn token_context(object_id: &str, login: &str) -> Vec<u8> {
    format!("oidc-token\0{object_id}\0{login}").into_bytes()
}

fn pending_context(state: &str) -> Vec<u8> {
    format!("oidc-pending\0{state}").into_bytes()
}

impl SignedInSession {
    fn token(&self, s: &Services) -> Result<SecretString, Error> {
        if self.expires_at <= s.clock.now() {
            return Err(Error::Flow(FlowError::Expired));
        }
        let plain = s
            .keys
            .open(&self.token, &token_context(&self.object_id, &self.login))
            .map_err(|_| Error::Flow(FlowError::Expired))?;
        let text = String::from_utf8(plain.to_vec()).map_err(|_| Error::Flow(FlowError::Expired))?;
        Ok(SecretString::from(text))
    }
}

#[derive(Template)]
#[template(path = "oidc/continue.html")]
struct ContinuePage {
    l: Layout,
    next: String,
}

#[derive(Template)]
#[template(path = "oidc/refused.html")]
struct RefusedPage {
    l: Layout,
    message: String,
}

fn graph(s: &Services) -> Result<&GraphDirectory, Error> {
    s.directory.graph().ok_or(Error::Flow(FlowError::OutOfStep("OpenID Connect needs a Graph directory")))
}

fn redirect_url(s: &Services) -> String {
    format!("{}/oidc/callback", s.config.server.public_url.trim_end_matches('/'))
}

fn oidc_error(e: OidcError) -> Error {
    tracing::warn!(error = %e, "OpenID Connect sign-in did not complete");
    match e {
        OidcError::Unavailable(detail) => Error::Flow(FlowError::Unavailable(detail)),
        OidcError::Refused(_) => Error::Flow(FlowError::Expired),
    }
}

#[derive(Deserialize)]
struct Start {
    next: Option<String>,
    /// Registration's way back (`/register?return_to=…`), kept when allowed.
    return_to: Option<String>,
}

async fn start(p: Page, Query(q): Query<Start>) -> Result<Response, Error> {
    let (s, session) = (&p.s, &p.session);
    let next = q.next.filter(|n| matches!(n.as_str(), "register" | "admin" | "helpdesk"));
    if matches!(next.as_deref(), Some("admin" | "helpdesk")) && p.ctx.is_kiosk() {
        return Err(Error::NotFound);
    }
    let (url, state, pending) = graph(s)?.sign_in_start(&redirect_url(s)).await.map_err(oidc_error)?;
    let plain = zeroize::Zeroizing::new(
        serde_json::to_vec(&pending).map_err(|e| Error::Flow(FlowError::Internal(e.to_string())))?,
    );
    session.insert(PENDING_KEY, s.keys.seal(&plain, &pending_context(&state))).await?;
    session.insert(STATE_KEY, state).await?;
    if next.as_deref() == Some("register") {
        super::return_to::remember(s, &p.ctx, session, q.return_to.as_deref().unwrap_or("")).await?;
    }
    session.insert(NEXT_KEY, next).await?;
    Ok(Redirect::to(&url).into_response())
}

#[derive(Deserialize)]
struct Callback {
    code: Option<String>,
    state: Option<String>,
}

async fn callback(State(s): State<Arc<Services>>, ctx: Ctx, Query(q): Query<Callback>) -> Result<Response, Error> {
    let next = format!(
        "/oidc/finish?{}",
        url::form_urlencoded::Serializer::new(String::new())
            .append_pair("code", q.code.as_deref().unwrap_or(""))
            .append_pair("state", q.state.as_deref().unwrap_or(""))
            .finish()
    );
    Ok(html(&ContinuePage { l: Layout::new(&s, &ctx, "oidc-continue-title"), next })?.into_response())
}

async fn finish(p: Page, Query(q): Query<Callback>) -> Result<Response, Error> {
    let (s, ctx, session, who) = (&p.s, &p.ctx, &p.session, &p.who);
    let expected: Option<String> = session.remove(STATE_KEY).await?;
    let sealed: Option<Vec<u8>> = session.remove(PENDING_KEY).await?;
    let (Some(expected), Some(sealed), Some(code), Some(state)) = (expected, sealed, q.code, q.state) else {
        return Err(Error::Flow(FlowError::Expired));
    };
    let plain = s.keys.open(&sealed, &pending_context(&expected)).map_err(|_| Error::Flow(FlowError::Expired))?;
    let pending = serde_json::from_slice(&plain).map_err(|_| Error::Flow(FlowError::Expired))?;
    let signed_in =
        graph(s)?.sign_in_finish(&redirect_url(s), &expected, &state, &code, pending).await.map_err(oidc_error)?;
    super::shared::renew_id(session).await?;
    let next = session.remove::<serde_json::Value>(NEXT_KEY).await?;
    match next.as_ref().and_then(serde_json::Value::as_str) {
        Some("admin") => return super::admin_oidc::after_sign_in::<AdminArea>(&p, &signed_in.object_id).await,
        Some("helpdesk") => {
            return super::admin_oidc::after_sign_in::<HelpdeskArea>(&p, &signed_in.object_id).await;
        }
        _ => {}
    }
    // `true` from before `next` named admin too.
    if matches!(next, Some(serde_json::Value::Bool(true)))
        || next.as_ref().and_then(serde_json::Value::as_str) == Some("register")
    {
        let Some(user) = delegated::sign_in_to_register(s, who, &signed_in.object_id).await? else {
            let page = RefusedPage {
                l: Layout::new(s, ctx, "register-title"),
                message: ctx.lang.t(super::shared::OUT_OF_SCOPE),
            };
            return Ok((StatusCode::FORBIDDEN, html(&page)?).into_response());
        };
        let enrolment = enrol::begin(s, user).await?;
        session.insert(super::shared::REGISTER_KEY, enrolment).await?;
        return Ok(Redirect::to("/register/methods").into_response());
    }
    let context = token_context(&signed_in.object_id, &signed_in.login);
    let token = s.keys.seal(signed_in.token.expose_secret().as_bytes(), &context);
    let expires_at = s.clock.now() + SIGNED_IN_SECS;
    let kept = SignedInSession { object_id: signed_in.object_id, login: signed_in.login, token, expires_at };
    session.insert(SIGNED_IN_KEY, kept).await?;
    Ok(Redirect::to("/oidc/change").into_response())
}

async fn change_form(p: Page) -> Result<Response, Error> {
    let Some(signed_in) = p.session.get::<SignedInSession>(SIGNED_IN_KEY).await? else {
        return Ok(Redirect::to("/oidc/start").into_response());
    };
    let mut page = ChangePage::new(&p, "/oidc/change");
    page.login = Some(signed_in.login);
    Ok(html(&page)?.into_response())
}

#[derive(Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    csrf: String,
    current: SecretString,
    new: SecretString,
    confirm: SecretString,
}

impl HasCsrf for ChangeForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

async fn change_submit(p: Page, Verified(form): Verified<ChangeForm>) -> Result<Response, Error> {
    let (s, ctx, session) = (&p.s, &p.ctx, &p.session);
    let signed_in: SignedInSession = session.get(SIGNED_IN_KEY).await?.ok_or(Error::Flow(FlowError::Expired))?;
    let again = |key: &'static str, field: &'static str, problems: Vec<String>| -> Response {
        let mut page = ChangePage::new(&p, "/oidc/change");
        page.login = Some(signed_in.login.clone());
        page.new_password.problems = problems;
        page.refused(ctx, key, field)
    };
    let new = match NewPassword::parse(form.new.clone(), &form.confirm) {
        Ok(new) => new,
        Err(e) => return Ok(again(e.advice(), "new", vec![])),
    };
    let token = signed_in.token(s)?;
    let outcome =
        delegated::change(s, &p.who, &signed_in.object_id, &signed_in.login, &token, &form.current, &new).await?;
    match super::change::refusal(&outcome, "change-wrong-current") {
        None => {
            session.remove::<SignedInSession>(SIGNED_IN_KEY).await?;
            Ok(html(&DonePage::new(s, ctx, &signed_in.login, None))?.into_response())
        }
        Some((key, field)) => Ok(again(key, field, super::change::problems(s, ctx, &outcome))),
    }
}

/// Who signed in with OpenID Connect in this session (for the live password hint), if anyone.
pub(super) async fn signed_in_login(session: &Session) -> Result<Option<String>, Error> {
    Ok(session.get::<SignedInSession>(SIGNED_IN_KEY).await?.map(|s| s.login))
}
