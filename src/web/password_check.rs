//! The live hint behind the new-password field (`quality`): `POST /password/check` answers
//! with the same sentences the form would show, from the same `policy::quality::check`.
//!
//! The hint judges what the person typed, plus the account a reset has already proven; it
//! never looks a username up, never logs the password, and is rate-limited per address.

use std::sync::Arc;

use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use secrecy::{ExposeSecret as _, SecretString};
use serde::Deserialize;

use super::csrf::{Verified, has_csrf};
use super::error::Error;
use super::extract::Page;
use super::quality::sentences;
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
async fn check(p: Page, Verified(form): Verified<CheckForm>) -> Result<Response, Error> {
    let (s, lang, session) = (&p.s, p.ctx.lang, &p.session);
    if form.password.expose_secret().chars().count() > NewPassword::MAX_CHARS {
        let problems = vec![lang.t("new-password-too-long")];
        return Ok(Json(serde_json::json!({ "ok": false, "problems": problems })).into_response());
    }
    let typed: String = form.username.chars().take(256).collect();
    let mut person = Person::typed(&typed);
    if let Some(user) = super::recovery::proven_user(s, session).await? {
        person = person.and(Person::of(&user));
    }
    if let Some(login) = super::oidc::signed_in_login(session).await? {
        person = person.and(Person::typed(&login));
    }
    let refusals = crate::flow::quality::hint(s, &p.who, &person, &form.password).await?;
    let problems = sentences(lang, &refusals);
    Ok(Json(serde_json::json!({ "ok": problems.is_empty(), "problems": problems })).into_response())
}
