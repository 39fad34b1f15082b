//! The helpdesk console at `/helpdesk`: search, a person's page, verifying the caller, actions
//! and approvals. Only members of `helpdesk.groups` who passed the staff sign-in
//! (`web/staff.rs`, shared with the admin area) get in; anyone else signed in gets 403, and a
//! kiosk never shows it. Every decision is `flow::helpdesk`'s; these handlers parse and render.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{FromRequestParts, Query};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::context::Ctx;
use super::csrf::CsrfToken;
use super::error::Error;
use super::extract::Page;
use super::pages::{Layout, html};
use super::staff::HelpdeskArea;
use crate::flow::Services;
use crate::flow::admin::Admin;
use crate::flow::helpdesk::{self, OpenRequest};

mod person;

pub fn routes() -> Router<Arc<Services>> {
    Router::new()
        .merge(super::staff::routes::<HelpdeskArea>())
        .route("/helpdesk", get(home))
        .route("/helpdesk/person", get(person::page))
        .route("/helpdesk/check/start", post(person::start_check))
        .route("/helpdesk/check", post(person::check))
        .route("/helpdesk/confirm/send", post(person::send_confirmation))
        .route("/helpdesk/act", post(person::act))
        .route("/helpdesk/approve", post(person::approve))
        .route("/helpdesk/reject", post(person::reject))
}

/// A signed-in helpdesk member, or the answer for whoever is not one.
pub struct Member(pub Admin);

impl FromRequestParts<Arc<Services>> for Member {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, s: &Arc<Services>) -> Result<Self, Self::Rejection> {
        super::staff::signed_in::<HelpdeskArea>(parts, s).await.map(Member)
    }
}

/// The member's name for the bar at the top.
pub struct Bar {
    pub name: String,
}

impl Bar {
    fn new(m: &Admin) -> Bar {
        Bar { name: if m.display_name.is_empty() { m.login.clone() } else { m.display_name.clone() } }
    }
}

/// One person in the results.
pub struct Row {
    pub login: String,
    pub name: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "helpdesk/home.html")]
struct HomePage {
    l: Layout,
    bar: Bar,
    q: String,
    searched: bool,
    rows: Vec<Row>,
    page: usize,
    pages: usize,
    truncated: bool,
    requests: Vec<OpenRequest>,
    /// What the last approval did (a catalogue key), and whether it was refused.
    note: Option<(String, bool)>,
}

impl HomePage {
    fn page_href(&self, page: usize) -> String {
        format!(
            "/helpdesk?{}",
            url::form_urlencoded::Serializer::new(String::new())
                .append_pair("q", &self.q)
                .append_pair("page", &page.to_string())
                .finish()
        )
    }

    fn when(&self, at: &i64) -> String {
        crate::report::time_text(*at)
    }

    fn action_name(&self, r: &OpenRequest) -> String {
        self.l.t(&format!("helpdesk-action-{}", r.action.as_str().replace('_', "-")))
    }
}

#[derive(Deserialize, Default)]
struct Search {
    q: Option<String>,
    page: Option<String>,
}

async fn home(req: Page, Member(m): Member, Query(q): Query<Search>) -> Result<Response, Error> {
    let (s, ctx, csrf) = (&req.s, &req.ctx, &req.csrf);
    home_view(s, ctx, csrf, &m, q, None).await
}

/// The console's home: search, results and the requests waiting for approval.
async fn home_view(
    s: &Services,
    ctx: &Ctx,
    csrf: &CsrfToken,
    m: &Admin,
    q: Search,
    note: Option<(String, bool)>,
) -> Result<Response, Error> {
    let text: String = q.q.unwrap_or_default().chars().take(100).collect();
    let page = q.page.and_then(|p| p.parse::<usize>().ok()).unwrap_or(1);
    let searched = !text.trim().is_empty();
    let found = helpdesk::search(s, &text, page).await?;
    let rows = found
        .people
        .into_iter()
        .map(|u| Row {
            href: format!(
                "/helpdesk/person?{}",
                url::form_urlencoded::Serializer::new(String::new()).append_pair("login", &u.login).finish()
            ),
            name: u.display_name,
            login: u.login,
        })
        .collect();
    let refused = note.as_ref().is_some_and(|(_, r)| *r);
    let page = HomePage {
        l: Layout::with_csrf(s, ctx, "helpdesk-home-title", csrf),
        bar: Bar::new(m),
        q: text,
        searched,
        rows,
        page: found.page,
        pages: found.pages,
        truncated: found.truncated,
        requests: helpdesk::open_requests(s, m).await?,
        note,
    };
    let status = if refused { StatusCode::FORBIDDEN } else { StatusCode::OK };
    Ok((status, html(&page)?).into_response())
}
