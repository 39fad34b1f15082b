//! `/confirm/{token}`: the confirmation link a helpdesk member mails a person. Opening it only
//! shows a page (mail scanners open links on their own); the button asks the person's
//! authenticator (static/passkey.js) and posts its answer, which confirms the link once or
//! ends it. Every decision is `flow::helpdesk::confirm`'s.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use webauthn_rs::prelude::PasskeyAuthentication;

use super::csrf::Verified;
use super::error::Error;
use super::extract::Page;
use super::method_pages::PasskeyForm;
use super::pages::{Layout, html};
use super::shared::link_token_ok as token_ok;
use crate::flow::{Services, helpdesk};

/// The passkey check under way, in the person's session.
const CHECK: &str = "helpdesk.confirm";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmState {
    Ask,
    Done,
    Spent,
    Refused,
}

#[derive(Template)]
#[template(path = "helpdesk/confirm.html")]
struct ConfirmPage {
    l: Layout,
    state: ConfirmState,
    token: String,
}

pub fn routes() -> Router<Arc<Services>> {
    Router::new().route("/confirm/{token}", get(ask).post(answer)).route("/confirm/{token}/options", post(options))
}

fn view(p: &Page, token: &str, state: ConfirmState) -> Result<Response, Error> {
    let status = match state {
        ConfirmState::Ask | ConfirmState::Done => StatusCode::OK,
        ConfirmState::Spent => StatusCode::GONE,
        ConfirmState::Refused => StatusCode::FORBIDDEN,
    };
    let page = ConfirmPage { l: p.layout("caller-confirm-title"), state, token: token.to_owned() };
    Ok((status, html(&page)?).into_response())
}

async fn ask(p: Page, Path(token): Path<String>) -> Result<Response, Error> {
    let live = token_ok(&token) && helpdesk::confirmable(&p.s, &token).await?;
    view(&p, &token, if live { ConfirmState::Ask } else { ConfirmState::Spent })
}

/// The options for `navigator.credentials.get` (JSON, for static/passkey.js).
async fn options(p: Page, Path(token): Path<String>, Verified(_): Verified<PasskeyForm>) -> Result<Response, Error> {
    let started = if token_ok(&token) { helpdesk::confirm_options(&p.s, &token).await? } else { None };
    let Some((options, state)) = started else { return view(&p, &token, ConfirmState::Spent) };
    p.session.insert(CHECK, state).await?;
    Ok(axum::Json(options).into_response())
}

async fn answer(p: Page, Path(token): Path<String>, Verified(form): Verified<PasskeyForm>) -> Result<Response, Error> {
    if !token_ok(&token) || !helpdesk::confirmable(&p.s, &token).await? {
        return view(&p, &token, ConfirmState::Spent);
    }
    if form.credential.trim().is_empty() {
        // Sent without the browser's part (JavaScript is off): nothing is spent.
        return view(&p, &token, ConfirmState::Ask);
    }
    let state = p.session.remove::<PasskeyAuthentication>(CHECK).await?;
    let done = helpdesk::confirm(&p.s, &p.who, &token, state, &form.credential).await?;
    view(&p, &token, if done { ConfirmState::Done } else { ConfirmState::Refused })
}
