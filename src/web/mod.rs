//! HTTP: the router, middleware, and one module per flow. Handlers parse the form, call one
//! function of `flow`, and render one template; every decision lives below this module.

mod admin;
mod admin_oidc;
mod agent_api;
mod api;
mod assets;
mod binding;
mod change;
mod context;
mod context_layer;
mod cookies;
mod csrf;
mod disown;
mod error;
mod expiry;
mod extract;
mod health;
mod helpdesk;
mod helpdesk_confirm;
mod method_pages;
mod oidc;
mod pages;
mod password_check;
mod quality;
mod recovery;
mod register;
mod return_to;
mod server;
mod shared;
mod staff;
mod who;

pub use api::openapi;
pub use error::Error;
pub use server::{App, Running, StartError, start, start_on};

use std::sync::Arc;

use axum::Router;
use axum::routing::get;

use crate::flow::Services;
use crate::flow::recovery::Purpose;

/// The portal's routes, without the middleware stack.
pub fn routes(services: Arc<Services>) -> Router {
    Router::new()
        .route("/", get(pages::home))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/start-over", get(pages::start_over))
        .route("/still-here", get(pages::still_here))
        .merge(admin::routes())
        .merge(helpdesk::routes())
        .merge(helpdesk_confirm::routes())
        .merge(register::routes())
        .merge(change::routes())
        .merge(disown::routes())
        .merge(oidc::routes())
        .merge(password_check::routes())
        .nest("/reset", recovery::routes(Purpose::Reset))
        .nest("/unlock", recovery::routes(Purpose::Unlock))
        .route("/static/theme.css", get(assets::theme))
        .route("/static/logo", get(assets::logo))
        .route("/static/favicon", get(assets::favicon))
        .route("/static/custom.css", get(assets::custom_css))
        .route("/static/{*path}", get(assets::serve))
        .fallback(error::not_found)
        .with_state(services)
}
