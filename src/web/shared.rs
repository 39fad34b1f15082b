//! What more than one flow's pages use: the answers a password sign-in gives, where a
//! registration visit lives in the session, the sentence after a wrong code, and the shape of
//! a one-time link's token. They live here, below every page module, so that no page module
//! imports another for them.

use secrecy::SecretString;
use serde::Deserialize;
use tower_sessions::Session;

use super::csrf::has_csrf;
use crate::i18n::Lang;

/// Whether a one-time link's token (a "this wasn't me" link, the helpdesk's reset or
/// confirmation link) is worth looking up: `crypto::url_token`'s alphabet and length.
pub fn link_token_ok(token: &str) -> bool {
    (20..=64).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The one answer for every failed sign-in (a message key).
pub const SIGN_IN_FAILED: &str = "sign-in-failed";
/// Shown only after the password was right.
pub const OUT_OF_SCOPE: &str = "out-of-scope";

/// Where the enrolment lives in the session (set by the registration's sign-in and by an
/// OpenID Connect sign-in).
pub const REGISTER_KEY: &str = "enrol";
/// The one-time notice the registration page shows next (a message key, in the session).
pub const REGISTER_NOTICE: &str = "notice";

/// The message after a wrong code, the same for every account.
pub fn wrong_code_message(lang: Lang, remaining: u32) -> String {
    lang.t_with("code-wrong", &[("count", remaining.into())])
}

/// A password sign-in form (registration's, the admin area's). Admin sign-in has no
/// `return_to` and ignores it.
#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    pub username: String,
    pub password: SecretString,
    #[serde(default)]
    pub return_to: String,
}

has_csrf!(SignInForm);

/// Gives the session a new id before it starts to stand for someone (against session
/// fixation: an id planted in the browser must not become the proven session). A session that
/// came without a cookie keeps the id it was just given: nobody else has seen it and the store
/// holds no row for it, so cycling it would only delete a row that does not exist.
pub async fn renew_id(session: &Session) -> Result<(), tower_sessions::session::Error> {
    if session.id().is_some() {
        session.cycle_id().await?;
    }
    Ok(())
}
