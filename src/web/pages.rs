//! Template types: one struct per page, each with the shared `Layout`.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use std::sync::Arc;

use super::csrf::CsrfToken;
use super::error::{Error, ErrorInfo};
use crate::flow::Services;

/// What every page needs: the organisation's name, the page title, the CSRF token.
pub struct Layout {
    pub org: String,
    pub title: String,
    pub csrf: String,
}

impl Layout {
    pub fn new(services: &Services, title: &str) -> Layout {
        Layout { org: services.config.server.organisation.clone(), title: title.to_owned(), csrf: String::new() }
    }

    pub fn with_csrf(services: &Services, title: &str, token: &CsrfToken) -> Layout {
        Layout { csrf: token.value.clone(), ..Layout::new(services, title) }
    }
}

/// "Step 2 of 4", shown on every flow page.
#[derive(Debug, Clone, Copy)]
pub struct Step {
    pub now: usize,
    pub of: usize,
}

pub fn render<T: Template>(page: &T) -> Result<String, askama::Error> {
    page.render()
}

pub fn html<T: Template>(page: &T) -> Result<Html<String>, Error> {
    Ok(Html(page.render()?))
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub l: Layout,
}

pub async fn home(State(services): State<Arc<Services>>) -> Result<Html<String>, Error> {
    html(&HomePage { l: Layout::new(&services, "Manage your password") })
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub l: Layout,
    pub status: u16,
    pub info: ErrorInfo,
    pub request_id: String,
}
