//! The staff areas (admin and helpdesk) for Entra ID accounts: Graph cannot check a password,
//! so a member signs in with OpenID Connect (`/oidc/start?next=admin` or `next=helpdesk`) and
//! then, like everyone, proves it a second way with a registered method.

use axum::response::Response;

use super::error::Error;
use super::extract::Page;
use super::staff::{Area, entered};
use crate::flow::FlowError;
use crate::flow::admin::{self, Entry};

/// Continues an OpenID Connect sign-in begun from area `A`'s sign-in page: the account the ID
/// token's `oid` names must be in the area's groups and owe a second method.
pub(super) async fn after_sign_in<A: Area>(p: &Page, object_id: &str) -> Result<Response, Error> {
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
    let entry = match admin::sign_in_oidc(s, &p.who, A::ROLE, user).await? {
        // Graph checked no password here: a failure would be the token's, already refused.
        Entry::Failed | Entry::MustChange => return Err(Error::Flow(FlowError::Expired)),
        other => other,
    };
    entered::<A>(s, &p.ctx, &p.csrf, &p.session, entry, "").await
}
