//! `/reset/link/{token}`: the reset link the helpdesk mails. Opening it only asks (mail scanners
//! open links on their own); the button posts, uses the link once and starts a reset that is
//! already proven, at the new-password step.

use super::*;
use crate::flow::helpdesk::link;
use crate::web::shared::link_token_ok as token_ok;

#[derive(Template)]
#[template(path = "recovery/link.html")]
struct LinkPage {
    l: Layout,
    live: bool,
}

pub(super) async fn ask(p: Page, Path(token): Path<String>) -> Result<Response, Error> {
    let live = token_ok(&token) && link::usable(&p.s, &token).await?;
    let page = LinkPage { l: p.layout("reset-link-title"), live };
    let status = if live { StatusCode::OK } else { StatusCode::GONE };
    Ok((status, html(&page)?).into_response())
}

pub(super) async fn open(
    p: Page,
    Path(token): Path<String>,
    Verified(_): Verified<EmptyForm>,
) -> Result<Response, Error> {
    let opened = if token_ok(&token) { link::open(&p.s, &p.who, &token).await? } else { None };
    let Some(r) = opened else {
        let page = LinkPage { l: p.layout("reset-link-title"), live: false };
        return Ok((StatusCode::GONE, html(&page)?).into_response());
    };
    crate::web::shared::renew_id(&p.session).await?;
    p.session.insert(KEY, r).await?;
    Ok(Redirect::to("/reset/password").into_response())
}
