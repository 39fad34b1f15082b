//! The helpdesk actions of the API: parse the body, check the token's scope, call
//! `flow::api::actions::act`, answer JSON. A refusal names its reason in `error`.

use std::sync::Arc;

use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiError, ErrorBody, need};
use crate::flow::api::{self, ApiToken, Scope};
use crate::flow::helpdesk::{Action, TokenActed};
use crate::flow::{FlowError, Services};
use crate::web::who::Who;

/// Which account, and why (the ticket).
#[derive(Debug, Deserialize, ToSchema)]
pub struct ActionRequest {
    /// The person's login (any alias the directory knows).
    login: String,
    /// Why, for the audit trail: the ticket's number or title. One line, at most 200
    /// characters are kept; required.
    reason: String,
}

/// The action is done.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActionDone {
    login: String,
    /// `unlock` or `reset_link`.
    action: String,
    /// Always `done`.
    outcome: String,
}

async fn act(
    s: &Services,
    who: &crate::flow::Requester,
    token: &ApiToken,
    body: Result<Json<ActionRequest>, JsonRejection>,
    action: Action,
) -> Result<Json<ActionDone>, ApiError> {
    need(s, who, token, Scope::HelpdeskActions).await?;
    let Json(body) = body.map_err(|_| ApiError::BadRequest("body"))?;
    if body.login.trim().is_empty() {
        return Err(ApiError::BadRequest("login"));
    }
    if crate::flow::helpdesk::clean_reason(&body.reason).is_empty() {
        return Err(ApiError::BadRequest("reason"));
    }
    let acted = match api::actions::act(s, who, token, body.login.trim(), action, &body.reason).await {
        Ok(acted) => acted,
        Err(FlowError::OutOfStep(_)) => return Err(ApiError::Conflict("no_address")),
        Err(FlowError::UnlockByReset) => return Err(ApiError::Conflict("unlock_by_reset")),
        Err(FlowError::Refused(detail)) => {
            tracing::warn!(%detail, "API: the directory refused a helpdesk action");
            return Err(ApiError::Conflict("refused_by_directory"));
        }
        Err(e) => return Err(e.into()),
    };
    match acted {
        TokenActed::Done => Ok(Json(ActionDone {
            login: body.login.trim().to_owned(),
            action: action.as_str().to_owned(),
            outcome: "done".into(),
        })),
        TokenActed::Unknown => Err(ApiError::NotFound),
        TokenActed::OutOfReach => Err(ApiError::OutOfReach),
        TokenActed::FourEyes => Err(ApiError::Conflict("four_eyes_required")),
    }
}

/// Clears the directory's lockout of a person's account; the password stays as it was.
/// The console's rules apply: never on `helpdesk.out_of_reach_groups` (403), and not where the
/// console would need a second member's approval (409 `four_eyes_required`: a privileged
/// account, or a person with nothing registered to verify a caller with).
#[utoipa::path(
    post,
    path = "/api/v1/helpdesk/unlock",
    tag = "helpdesk",
    request_body = ActionRequest,
    responses(
        (status = 200, description = "Unlocked (also when it was not locked); the person is mailed", body = ActionDone),
        (status = 400, description = "No login or no reason given, or the body is not JSON", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "`insufficient_scope`: the token lacks `helpdesk_actions`; `out_of_reach`: the account is out of the helpdesk's reach", body = ErrorBody),
        (status = 404, description = "No account by that login", body = ErrorBody),
        (status = 409, description = "`four_eyes_required`: only a second member's approval in the console may do this; `unlock_by_reset`: the directory unlocks only by a reset; `refused_by_directory`", body = ErrorBody),
        (status = 429, description = "The token's rate limit, or `helpdesk.actions_per_member`", body = ErrorBody),
        (status = 503, description = "The directory is unavailable", body = ErrorBody)
    )
)]
pub async fn unlock(
    State(s): State<Arc<Services>>,
    Who(who): Who,
    Extension(token): Extension<ApiToken>,
    body: Result<Json<ActionRequest>, JsonRejection>,
) -> Result<Json<ActionDone>, ApiError> {
    act(&s, &who, &token, body, Action::Unlock).await
}

/// Mails the person a single-use link that opens a reset at the new-password step, to their
/// registered addresses past the cooling-off only; an earlier link ends. The caller never
/// sees it. The same rules as for `unlock`.
#[utoipa::path(
    post,
    path = "/api/v1/helpdesk/reset-link",
    tag = "helpdesk",
    request_body = ActionRequest,
    responses(
        (status = 200, description = "The link is on its way", body = ActionDone),
        (status = 400, description = "No login or no reason given, or the body is not JSON", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "`insufficient_scope`: the token lacks `helpdesk_actions`; `out_of_reach`: the account is out of the helpdesk's reach", body = ErrorBody),
        (status = 404, description = "No account by that login", body = ErrorBody),
        (status = 409, description = "`four_eyes_required`: only a second member's approval in the console may do this; `no_address`: nowhere to send a link", body = ErrorBody),
        (status = 429, description = "The token's rate limit, or `helpdesk.actions_per_member`", body = ErrorBody),
        (status = 503, description = "The directory is unavailable", body = ErrorBody)
    )
)]
pub async fn reset_link(
    State(s): State<Arc<Services>>,
    Who(who): Who,
    Extension(token): Extension<ApiToken>,
    body: Result<Json<ActionRequest>, JsonRejection>,
) -> Result<Json<ActionDone>, ApiError> {
    act(&s, &who, &token, body, Action::ResetLink).await
}
