//! The live hint behind the new-password field (`quality`): `POST /password/check` answers
//! with the same sentences the form would show, from the same `policy::quality::check`.
//!
//! The hint judges what the person typed, plus the account a reset has already proven; it
//! never looks a username up, never logs the password, and is rate-limited per address.

use std::sync::Arc;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use secrecy::{ExposeSecret as _, SecretString};
use serde::Deserialize;
use tower_sessions::Session;

use super::context::Ctx;
use super::csrf::{Verified, has_csrf};
use super::error::Error;
use super::quality::sentences;
use super::who::Who;
use crate::flow::Services;
use crate::flow::account::NewPassword;
use crate::policy::quality::Person;

pub fn routes() -> Router<Arc<Services>> {
    Router::new().route("/password/check", post(check))
}

#[derive(Deserialize)]
struct CheckForm {
    #[serde(default)]
    csrf: String,
    password: SecretString,
    /// The username field of the change page, as typed so far.
    #[serde(default)]
    username: String,
}

has_csrf!(CheckForm);

/// `{"ok": true}` when the password meets every rule checked here, else `{"ok": false,
/// "problems": [sentences]}` in the page's language.
async fn check(
    State(s): State<Arc<Services>>,
    ctx: Ctx,
    Who(who): Who,
    session: Session,
    Verified(form): Verified<CheckForm>,
) -> Result<Response, Error> {
    if form.password.expose_secret().chars().count() > NewPassword::MAX_CHARS {
        let problems = vec![ctx.lang.t("new-password-too-long")];
        return Ok(Json(serde_json::json!({ "ok": false, "problems": problems })).into_response());
    }
    let typed: String = form.username.chars().take(256).collect();
    let mut person = Person::typed(&typed);
    if let Some(user) = super::recovery::proven_user(&s, &session).await? {
        person = person.and(Person::of(&user));
    }
    if let Some(login) = super::oidc::signed_in_login(&session).await? {
        person = person.and(Person::typed(&login));
    }
    let refusals = crate::flow::quality::hint(&s, &who, &person, &form.password).await?;
    let problems = sentences(ctx.lang, &refusals);
    Ok(Json(serde_json::json!({ "ok": problems.is_empty(), "problems": problems })).into_response())
}
