//! The new-password field that change and reset share (its rules, why the last password was
//! refused), and the live hint behind it: `POST /password/check` answers with the same
//! sentences the form would show, from the same `policy::quality::check`.
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
use super::who::Who;
use crate::flow::Services;
use crate::flow::account::NewPassword;
use crate::i18n::Lang;
use crate::policy::quality::{Person, Refusal};

pub fn routes() -> Router<Arc<Services>> {
    Router::new().route("/password/check", post(check))
}

/// What the new-password field shows besides its label.
pub struct NewPasswordField {
    /// The rules, said before anyone types.
    pub rules: String,
    /// Why the password just sent was refused, one sentence each (empty otherwise).
    pub problems: Vec<String>,
}

impl NewPasswordField {
    pub fn new(s: &Services, lang: Lang) -> NewPasswordField {
        let rules = &s.config.password;
        NewPasswordField {
            rules: lang
                .t_with("quality-rules", &[("length", rules.min_length.into()), ("classes", rules.min_classes.into())]),
            problems: Vec::new(),
        }
    }
}

/// Each refusal as one sentence in `lang`, its advice (zxcvbn's feedback) following it.
pub fn sentences(lang: Lang, refusals: &[Refusal]) -> Vec<String> {
    refusals
        .iter()
        .map(|r| {
            let mut sentence = match r.arg() {
                Some((name, n)) => lang.t_with(r.key(), &[(name, n.into())]),
                None => lang.t(r.key()),
            };
            for key in r.advice() {
                sentence.push(' ');
                sentence.push_str(&lang.t(key));
            }
            sentence
        })
        .collect()
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
