//! `/reset/link/{token}`: the reset link the helpdesk mails. Opening it only asks (mail scanners
//! open links on their own); the button posts, uses the link once and starts a reset that is
//! already proven, at the new-password step.

use super::*;
use crate::flow::helpdesk::link;

#[derive(Template)]
#[template(path = "recovery/link.html")]
struct LinkPage {
    l: Layout,
    live: bool,
}

fn token_ok(token: &str) -> bool {
    (20..=64).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

pub(super) async fn ask(
    State(s): State<Arc<Services>>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, Error> {
    let live = token_ok(&token) && link::usable(&s, &token).await?;
    let page = LinkPage { l: Layout::with_csrf(&s, &ctx, "reset-link-title", &csrf), live };
    let status = if live { StatusCode::OK } else { StatusCode::GONE };
    Ok((status, html(&page)?).into_response())
}

pub(super) async fn open(
    State(s): State<Arc<Services>>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    Who(who): Who,
    session: Session,
    Path(token): Path<String>,
    Verified(_): Verified<EmptyForm>,
) -> Result<Response, Error> {
    let opened = if token_ok(&token) { link::open(&s, &who, &token).await? } else { None };
    let Some(r) = opened else {
        let page = LinkPage { l: Layout::with_csrf(&s, &ctx, "reset-link-title", &csrf), live: false };
        return Ok((StatusCode::GONE, html(&page)?).into_response());
    };
    session.cycle_id().await?;
    session.insert(KEY, r).await?;
    Ok(Redirect::to("/reset/password").into_response())
}
