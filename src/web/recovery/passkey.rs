//! Passkey checks of reset and unlock.

use super::*;

pub(super) fn passkey_view(p: &Page, r: &Recovery, error: Option<String>) -> Result<Response, Error> {
    let (title, base) = titles(r.purpose);
    let refused = error.is_some();
    form_page(&PasskeyPage { l: p.layout(title), base, error, step: attempt_step(&p.s, &p.ctx, r) }, refused)
}

pub(super) async fn passkey_form(Extension(purpose): Extension<Purpose>, p: Page) -> Result<Response, Error> {
    let r = attempt(&p.session, purpose).await?;
    if !offered(&p.s, &r, MethodKind::Passkey).await? {
        return Ok(to_choices(purpose));
    }
    passkey_view(&p, &r, None)
}

/// The options for `navigator.credentials.get` (JSON, for static/passkey.js).
pub(super) async fn passkey_options(
    Extension(purpose): Extension<Purpose>,
    p: Page,
    Verified(_): Verified<PasskeyForm>,
) -> Result<Response, Error> {
    let mut r = attempt(&p.session, purpose).await?;
    let options = recovery::passkey_options(&p.s, &mut r).await?;
    p.session.insert(KEY, r).await?;
    Ok(axum::Json(options).into_response())
}

pub(super) async fn check_passkey(
    Extension(purpose): Extension<Purpose>,
    p: Page,
    Verified(form): Verified<PasskeyForm>,
) -> Result<Response, Error> {
    let mut r = attempt(&p.session, purpose).await?;
    if form.credential.trim().is_empty() {
        // Sent without the browser's part (JavaScript is off): not a wrong try.
        return passkey_view(&p, &r, Some(p.ctx.lang.t("passkey-needs-script")));
    }
    let result = recovery::check_passkey(&p.s, &p.who, &mut r, &form.credential).await?;
    p.session.insert(KEY, r.clone()).await?;
    let lang = p.ctx.lang;
    let message = match result {
        CodeCheck::Passed | CodeCheck::Voided => return proceed(&p.s, &p.session, &r, result).await,
        CodeCheck::Wrong { remaining } => lang.t_with("passkey-wrong", &[("count", remaining.into())]),
        CodeCheck::Expired | CodeCheck::NotSent | CodeCheck::Replayed => lang.t("error-expired"),
    };
    passkey_view(&p, &r, Some(message))
}
