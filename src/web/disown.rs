//! `/wasnt-me/{token}`: the link in every account notice. Opening it only asks (mail scanners
//! open links on their own); the button posts, uses the link once and blocks self-service.

use std::sync::Arc;

use askama::Template;
use axum::Extension;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::context::Ctx;
use super::csrf::{CsrfToken, EmptyForm, Verified};
use super::error::Error;
use super::pages::{Layout, html};
use super::who::Who;
use crate::flow::{Services, protection};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DisownState {
    Ask,
    Done,
    Spent,
}

#[derive(Template)]
#[template(path = "disown.html")]
struct DisownPage {
    l: Layout,
    state: DisownState,
}

pub fn routes() -> Router<Arc<Services>> {
    Router::new().route("/wasnt-me/{token}", get(ask).post(confirm))
}

fn token_ok(token: &str) -> bool {
    (20..=64).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

async fn ask(
    State(s): State<Arc<Services>>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, Error> {
    let live = token_ok(&token) && protection::link_live(&s, &token).await?;
    let state = if live { DisownState::Ask } else { DisownState::Spent };
    Ok(html(&DisownPage { l: Layout::with_csrf(&s, &ctx, "disown-title", &csrf), state })?.into_response())
}

async fn confirm(
    State(s): State<Arc<Services>>,
    Extension(csrf): Extension<CsrfToken>,
    ctx: Ctx,
    Who(who): Who,
    Path(token): Path<String>,
    Verified(_): Verified<EmptyForm>,
) -> Result<Response, Error> {
    let done = token_ok(&token) && protection::disown(&s, &who, &token).await?;
    let state = if done { DisownState::Done } else { DisownState::Spent };
    Ok(html(&DisownPage { l: Layout::with_csrf(&s, &ctx, "disown-title", &csrf), state })?.into_response())
}
