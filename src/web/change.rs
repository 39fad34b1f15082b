//! Change: username, current password, new password twice, all on one page.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use secrecy::SecretString;
use serde::Deserialize;

use super::context::Ctx;
use super::csrf::{HasCsrf, Verified};
use super::error::Error;
use super::extract::Page;
use super::pages::{Layout, Step, html};
use super::return_to;
use crate::flow::Services;
use crate::flow::account::{ChangeOutcome, ChangeRequest, NewPassword};
use crate::flow::change;

pub fn routes() -> Router<Arc<Services>> {
    Router::new().route("/change", get(form).post(submit))
}

#[derive(Template)]
#[template(path = "change/form.html")]
pub(super) struct ChangePage {
    pub l: Layout,
    pub step: Step,
    /// Who is signed in, when the page is reached through OpenID Connect (no username field).
    pub login: Option<String>,
    pub username: String,
    /// Where the form posts, below the root: `/change` or `/oidc/change`.
    pub action: &'static str,
    pub error: Option<String>,
    /// Which field the error is about: `current` or `new`.
    pub error_field: &'static str,
    pub return_to: String,
    pub new_password: super::quality::NewPasswordField,
}

impl ChangePage {
    pub fn new(p: &Page, action: &'static str) -> ChangePage {
        ChangePage {
            l: p.layout("change-title"),
            step: steps(&p.ctx, 1),
            login: None,
            username: String::new(),
            action,
            error: None,
            error_field: "",
            return_to: String::new(),
            new_password: super::quality::NewPasswordField::new(&p.s, p.ctx.lang),
        }
    }

    /// The same page again, saying why nothing changed.
    pub fn refused(mut self, ctx: &Ctx, key: &'static str, field: &'static str) -> Response {
        self.error = Some(ctx.lang.t(key));
        self.error_field = field;
        match html(&self) {
            Ok(page) => (StatusCode::UNPROCESSABLE_ENTITY, page).into_response(),
            Err(e) => e.into_response(),
        }
    }
}

#[derive(Template)]
#[template(path = "change/done.html")]
pub(super) struct DonePage {
    pub l: Layout,
    pub username: String,
    pub when: String,
}

impl DonePage {
    pub fn new(s: &Services, ctx: &Ctx, username: &str, back: Option<String>) -> DonePage {
        DonePage {
            l: Layout::new(s, ctx, "change-done-title").returning(back),
            username: username.to_owned(),
            when: crate::i18n::human_time(ctx.lang, &s.config.server.zone(), s.clock.now()),
        }
    }
}

fn steps(ctx: &Ctx, now: usize) -> Step {
    Step::new(ctx.lang, now, &["step-passwords", "done-what-changed"])
}

#[derive(Deserialize)]
pub struct Prefill {
    username: Option<String>,
    return_to: Option<String>,
}

async fn form(p: Page, Query(q): Query<Prefill>) -> Result<Response, Error> {
    let (s, ctx) = (&p.s, &p.ctx);
    // People of a Graph directory sign in with OpenID Connect and change with their own token.
    if s.directory.graph().is_some() {
        return Ok(axum::response::Redirect::to("/oidc/start").into_response());
    }
    let mut page = ChangePage::new(&p, "/change");
    page.username = q.username.unwrap_or_default().chars().take(256).collect();
    page.return_to = q.return_to.and_then(|r| return_to::allowed(s, ctx, &r)).unwrap_or_default();
    page.new_password = page.new_password.for_everyone(s, ctx.lang).await;
    html(&page).map(IntoResponse::into_response)
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
    #[serde(default)]
    return_to: String,
}

impl HasCsrf for ChangeForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

async fn submit(p: Page, Verified(form): Verified<ChangeForm>) -> Result<Response, Error> {
    let (s, ctx) = (&p.s, &p.ctx);
    let everyone = super::quality::NewPasswordField::new(s, ctx.lang).for_everyone(s, ctx.lang).await.directory;
    let again = |key: &'static str, field: &'static str, problems: Vec<String>| -> Response {
        let mut page = ChangePage::new(&p, "/change");
        page.new_password.directory = everyone.clone();
        page.username = form.username.chars().take(256).collect();
        page.return_to = return_to::allowed(s, ctx, &form.return_to).unwrap_or_default();
        page.new_password.problems = problems;
        page.refused(ctx, key, field)
    };
    let new = match NewPassword::parse(form.new.clone(), &form.confirm) {
        Ok(new) => new,
        Err(e) => return Ok(again(e.advice(), "new", vec![])),
    };
    let request = ChangeRequest { typed: &form.username, current: &form.current, new: &new };
    let outcome = change::change(s, &p.who, request).await?;
    match refusal(&outcome, super::shared::SIGN_IN_FAILED) {
        None => {
            let back = return_to::allowed(s, ctx, &form.return_to);
            Ok(html(&DonePage::new(s, ctx, form.username.trim(), back))?.into_response())
        }
        Some((key, field)) => Ok(again(key, field, problems(s, ctx, &outcome))),
    }
}

/// The message key for a change that did not happen, and the field it is about; `None` when
/// it was done. `failed` is the key for a wrong current password (or unknown account).
pub(super) fn refusal(outcome: &ChangeOutcome, failed: &'static str) -> Option<(&'static str, &'static str)> {
    match outcome {
        ChangeOutcome::Done => None,
        ChangeOutcome::Failed => Some((failed, "current")),
        ChangeOutcome::OutOfScope => Some((super::shared::OUT_OF_SCOPE, "current")),
        ChangeOutcome::SameAsOld => Some(("change-same-as-old", "new")),
        ChangeOutcome::Expired => Some(("change-expired", "current")),
        ChangeOutcome::Refused(reason) => Some((reason.advice(), "new")),
        ChangeOutcome::Weak(_) => Some(("quality-refused", "new")),
    }
}

/// Why our own rules refused the new password, one sentence each, for under its field.
pub(super) fn problems(s: &Services, ctx: &Ctx, outcome: &ChangeOutcome) -> Vec<String> {
    match outcome {
        ChangeOutcome::Weak(refusals) => super::quality::sentences(ctx.lang, refusals),
        ChangeOutcome::Refused(reason) => super::quality::refusal_sentences(ctx.lang, &s.config.server.zone(), reason),
        _ => Vec::new(),
    }
}
