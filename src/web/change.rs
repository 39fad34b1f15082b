//! Change: username, current password, new password twice, all on one page.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};
use secrecy::SecretString;
use serde::Deserialize;

use super::csrf::{CsrfToken, HasCsrf, Verified};
use super::error::Error;
use super::pages::{Layout, html};
use super::who::Who;
use crate::flow::Services;
use crate::flow::account::{self, ChangeOutcome, NewPassword};

pub fn routes() -> Router<Arc<Services>> {
    Router::new().route("/change", get(form).post(submit))
}

#[derive(Template)]
#[template(path = "change/form.html")]
struct ChangePage {
    l: Layout,
    username: String,
    error: Option<&'static str>,
    /// Which field the error is about: `current` or `new`.
    error_field: &'static str,
}

#[derive(Template)]
#[template(path = "change/done.html")]
struct DonePage {
    l: Layout,
}

#[derive(Deserialize)]
pub struct Prefill {
    username: Option<String>,
}

async fn form(
    State(s): State<Arc<Services>>,
    Extension(csrf): Extension<CsrfToken>,
    Query(q): Query<Prefill>,
) -> Result<Response, Error> {
    // People of a Graph directory sign in with OpenID Connect and change with their own token.
    if s.directory.graph().is_some() {
        return Ok(axum::response::Redirect::to("/oidc/start").into_response());
    }
    let username = q.username.unwrap_or_default().chars().take(256).collect();
    html(&ChangePage {
        l: Layout::with_csrf(&s, "Change your password", &csrf),
        username,
        error: None,
        error_field: "",
    })
    .map(IntoResponse::into_response)
}

#[derive(Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    username: String,
    current: SecretString,
    new: SecretString,
    confirm: SecretString,
}

impl HasCsrf for ChangeForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

async fn submit(
    State(s): State<Arc<Services>>,
    Extension(csrf): Extension<CsrfToken>,
    Who(who): Who,
    Verified(form): Verified<ChangeForm>,
) -> Result<Response, Error> {
    let again = |error: &'static str, field: &'static str| -> Result<Response, Error> {
        let page = ChangePage {
            l: Layout::with_csrf(&s, "Change your password", &csrf),
            username: form.username.clone(),
            error: Some(error),
            error_field: field,
        };
        Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)?).into_response())
    };
    let new = match NewPassword::parse(form.new.clone(), &form.confirm) {
        Ok(new) => new,
        Err(e) => return again(e.advice(), "new"),
    };
    match refusal(
        &account::change(&s, &who, &form.username, &form.current, &new).await?,
        super::register::SIGN_IN_FAILED,
    ) {
        None => Ok(html(&DonePage { l: Layout::new(&s, "Password changed") })?.into_response()),
        Some((message, field)) => again(message, field),
    }
}

/// What the form says when a change did not happen, and the field it is about; `None` when it
/// was done. `failed` is the sentence for a wrong current password (or unknown account).
pub(super) fn refusal(outcome: &ChangeOutcome, failed: &'static str) -> Option<(&'static str, &'static str)> {
    match outcome {
        ChangeOutcome::Done => None,
        ChangeOutcome::Failed => Some((failed, "current")),
        ChangeOutcome::OutOfScope => Some((super::register::OUT_OF_SCOPE, "current")),
        ChangeOutcome::SameAsOld => Some(("The new password must be different from the current one.", "new")),
        ChangeOutcome::Refused(reason) => Some((reason.advice(), "new")),
    }
}
