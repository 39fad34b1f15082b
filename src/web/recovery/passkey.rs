//! Passkey checks of reset and unlock.

use super::*;

pub(super) fn passkey_view(
    s: &Services,
    ctx: &Ctx,
    r: &Recovery,
    csrf: &CsrfToken,
    error: Option<String>,
) -> Result<Response, Error> {
    let (title, base) = titles(r.purpose);
    let refused = error.is_some();
    form_page(
        &PasskeyPage { l: Layout::with_csrf(s, ctx, title, csrf), base, error, step: attempt_step(s, ctx, r) },
        refused,
    )
}

pub(super) async fn passkey_form(
    State(s): State<Arc<Services>>,
    Extension(purpose): Extension<Purpose>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    session: Session,
) -> Result<Response, Error> {
    let r = attempt(&session, purpose).await?;
    if !r.choices(&s).contains(&MethodKind::Passkey) {
        return Ok(to_choices(purpose));
    }
    passkey_view(&s, &ctx, &r, &csrf, None)
}

/// The options for `navigator.credentials.get` (JSON, for static/passkey.js).
pub(super) async fn passkey_options(
    State(s): State<Arc<Services>>,
    Extension(purpose): Extension<Purpose>,
    session: Session,
    Verified(_): Verified<PasskeyForm>,
) -> Result<Response, Error> {
    let mut r = attempt(&session, purpose).await?;
    let options = recovery::passkey_options(&s, &mut r).await?;
    session.insert(KEY, r).await?;
    Ok(axum::Json(options).into_response())
}

// Axum handlers take one argument per extractor.
#[allow(clippy::too_many_arguments)]
pub(super) async fn check_passkey(
    State(s): State<Arc<Services>>,
    Extension(purpose): Extension<Purpose>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    Who(who): Who,
    session: Session,
    Verified(form): Verified<PasskeyForm>,
) -> Result<Response, Error> {
    let mut r = attempt(&session, purpose).await?;
    if form.credential.trim().is_empty() {
        // Sent without the browser's part (JavaScript is off): not a wrong try.
        return passkey_view(&s, &ctx, &r, &csrf, Some(ctx.lang.t("passkey-needs-script")));
    }
    let result = recovery::check_passkey(&s, &who, &mut r, &form.credential).await?;
    session.insert(KEY, r.clone()).await?;
    let message = match result {
        CodeCheck::Passed | CodeCheck::Voided => return proceed(&s, &session, &r, result).await,
        CodeCheck::Wrong { remaining } => ctx.lang.t_with("passkey-wrong", &[("count", remaining.into())]),
        CodeCheck::Expired | CodeCheck::NotSent | CodeCheck::Replayed => ctx.lang.t("error-expired"),
    };
    passkey_view(&s, &ctx, &r, &csrf, Some(message))
}
