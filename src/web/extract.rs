//! `Page`: what a page handler needs about its request, in one argument, so that handlers list
//! only what is their own (the form, the path, the flow's purpose).

use std::sync::Arc;

use axum::Extension;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

use super::context::Ctx;
use super::csrf::CsrfToken;
use super::pages::Layout;
use super::who::Who;
use crate::flow::{Requester, Services};

/// The services, the request's language and kiosk context, its CSRF token (for the forms the
/// answer shows), the session and who sent it. Taking it reads nothing from the session store:
/// the session loads when first asked.
pub struct Page {
    pub s: Arc<Services>,
    pub ctx: Ctx,
    pub csrf: CsrfToken,
    pub session: Session,
    pub who: Requester,
}

impl Page {
    /// The layout of a page titled `title_key`, its forms carrying the CSRF token.
    pub fn layout(&self, title_key: &str) -> Layout {
        Layout::with_csrf(&self.s, &self.ctx, title_key, &self.csrf)
    }
}

impl FromRequestParts<Arc<Services>> for Page {
    /// The answers of the extractors it bundles (a missing CSRF token or session layer is 500).
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, s: &Arc<Services>) -> Result<Self, Self::Rejection> {
        let Extension(csrf) =
            Extension::<CsrfToken>::from_request_parts(parts, s).await.map_err(IntoResponse::into_response)?;
        let Ok(ctx) = Ctx::from_request_parts(parts, s).await;
        let session = Session::from_request_parts(parts, s).await.map_err(IntoResponse::into_response)?;
        let Ok(Who(who)) = Who::from_request_parts(parts, s).await;
        Ok(Page { s: s.clone(), ctx, csrf, session, who })
    }
}
