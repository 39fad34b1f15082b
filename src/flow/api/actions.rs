//! The helpdesk actions a token with the `helpdesk_actions` scope may take: unlocking an
//! account and mailing the person a reset link, through the console's own
//! `flow::helpdesk::act_by_token`, so its rules hold (never out of reach, never what the console
//! would do only with a second member's approval). Neither gives the caller anything: an
//! unlock leaves the password as it was, and the link goes only to the person's own addresses
//! that are past their cooling-off. Lifting a block ("this wasn't me") and clearing methods
//! stay in the console, where a member has verified the caller.

use super::ApiToken;
use crate::flow::helpdesk::{self, Action, TokenActed};
use crate::flow::{FlowError, Requester, Services};

/// The actions the API offers.
pub const ACTIONS: [Action; 2] = [Action::Unlock, Action::ResetLink];

/// Does `action` (one of [`ACTIONS`]) on `login`'s account for `token`, because of `reason`
/// (the ticket). Audited as the console's own event, with `api:<token name>` as the member.
pub async fn act(
    services: &Services,
    who: &Requester,
    token: &ApiToken,
    login: &str,
    action: Action,
    reason: &str,
) -> Result<TokenActed, FlowError> {
    if !ACTIONS.contains(&action) {
        return Err(FlowError::OutOfStep("not an action the API offers"));
    }
    let by = format!("api:{}", token.name);
    let counter = format!("token:{}", token.id);
    helpdesk::act_by_token(services, who, &by, &counter, login, action, reason).await
}
