//! The admin area for Entra ID accounts: Graph cannot check a password, so an admin of a Graph
//! directory signs in with OpenID Connect (`/oidc/start?next=admin`) and then, like everyone,
//! proves it a second way with a registered method.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::admin::{PENDING, sign_in_page};
use super::error::Error;
use super::extract::Page;
use super::pages::html;
use crate::flow::FlowError;
use crate::flow::admin::{self, Entry};

/// Continues an OpenID Connect sign-in begun from the admin sign-in page: the account the ID
/// token's `oid` names must be in an admin group and owe a second method.
pub(super) async fn after_sign_in(p: &Page, object_id: &str) -> Result<Response, Error> {
    let s = &p.s;
    if p.ctx.is_kiosk() {
        return Err(Error::NotFound);
    }
    let graph = s.directory.graph().ok_or(Error::Flow(FlowError::OutOfStep("not a Graph directory")))?;
    let user = graph
        .find_signed_in(object_id)
        .await
        .map_err(|e| Error::Flow(FlowError::from_directory(e)))?
        .ok_or(Error::Flow(FlowError::Expired))?;
    let refuse = |status: StatusCode, key: &str| -> Result<Response, Error> {
        // A Graph directory: the page offers OpenID Connect again.
        Ok((status, html(&sign_in_page(p, String::new(), Some(p.ctx.lang.t(key))))?).into_response())
    };
    match admin::sign_in_oidc(s, &p.who, user).await? {
        Entry::Pending(pending) => {
            p.session.insert(PENDING, *pending).await?;
            Ok(Redirect::to("/admin/verify").into_response())
        }
        Entry::NotAdmin => Err(Error::NotAdmin),
        Entry::NoSecondMethod => refuse(StatusCode::FORBIDDEN, "admin-needs-method"),
        Entry::SecondMethodTooNew => refuse(StatusCode::FORBIDDEN, "admin-method-too-new"),
        Entry::Failed | Entry::MustChange => Err(Error::Flow(FlowError::Expired)),
    }
}
