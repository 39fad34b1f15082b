//! `/wasnt-me/{token}`: the link in every account notice. Opening it only asks (mail scanners
//! open links on their own); the button posts, uses the link once and blocks self-service.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::csrf::{EmptyForm, Verified};
use super::error::Error;
use super::extract::Page;
use super::pages::{Layout, html};
use super::shared::link_token_ok as token_ok;
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

fn disown_page(p: &Page, state: DisownState) -> Result<Response, Error> {
    Ok(html(&DisownPage { l: p.layout("disown-title"), state })?.into_response())
}

async fn ask(p: Page, Path(token): Path<String>) -> Result<Response, Error> {
    let live = token_ok(&token) && protection::link_live(&p.s, &token).await?;
    disown_page(&p, if live { DisownState::Ask } else { DisownState::Spent })
}

async fn confirm(p: Page, Path(token): Path<String>, Verified(_): Verified<EmptyForm>) -> Result<Response, Error> {
    let done = token_ok(&token) && protection::disown(&p.s, &p.who, &token).await?;
    disown_page(&p, if done { DisownState::Done } else { DisownState::Spent })
}
