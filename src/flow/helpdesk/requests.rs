//! Four eyes: requests one member made that another approves. The requester can never approve
//! their own (checked here and again in the one statement that decides it), and the approver
//! must be allowed to act on the person themselves (not their own account, not out of reach).
//! Another member may also reject a request, with a reason: it is closed and nothing is done.

use super::rows::{checked, request_mac, same};
use super::{Action, Reach, account, actions, audit, clean_reason, count, reach};
use crate::directory::DirUser;
use crate::flow::admin::Admin;
use crate::flow::{FlowError, Requester, Services};
use crate::store::HelpdeskRequest;

/// Most open requests shown at once.
const SHOWN: i64 = 100;

/// A request waiting for approval, as a member sees it.
pub struct OpenRequest {
    pub id: String,
    pub action: Action,
    pub login: String,
    pub requester: String,
    pub reason: String,
    /// The caller was verified before the request (a privileged account).
    pub verified: bool,
    pub created_at: i64,
    /// This member asked for it (and so cannot approve it).
    pub mine: bool,
}

/// What became of an approval.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Approved {
    Done,
    /// Refused; the catalogue key says why.
    Refused(&'static str),
}

async fn valid(services: &Services, r: &HelpdeskRequest) -> bool {
    let ok = same(&request_mac(services, r), &r.mac);
    checked(services, "helpdesk_requests", Some(&r.id), &r.user_id, ok).await
}

/// The open requests, oldest first.
pub async fn open_requests(services: &Services, member: &Admin) -> Result<Vec<OpenRequest>, FlowError> {
    listed(services, Some(member)).await
}

/// The open requests, oldest first, for a reader who is no member (the API): none is `mine`.
pub async fn pending_requests(services: &Services) -> Result<Vec<OpenRequest>, FlowError> {
    listed(services, None).await
}

async fn listed(services: &Services, member: Option<&Admin>) -> Result<Vec<OpenRequest>, FlowError> {
    let mut out = Vec::new();
    for r in services.db.open_helpdesk_requests(services.clock.now(), SHOWN).await? {
        if !valid(services, &r).await {
            continue;
        }
        let Some(action) = Action::parse(&r.action) else { continue };
        out.push(OpenRequest {
            mine: member.is_some_and(|m| r.requester_id == m.user_id),
            id: r.id,
            action,
            login: r.login,
            requester: r.requester_login,
            reason: r.reason,
            verified: r.verified != 0,
            created_at: r.created_at,
        });
    }
    Ok(out)
}

/// The request `id` as `member` may decide it, with its action and account; or why not.
async fn decidable(
    services: &Services,
    who: &Requester,
    member: &Admin,
    id: &str,
    event: &str,
) -> Result<Result<(HelpdeskRequest, Action, DirUser), &'static str>, FlowError> {
    let Some(r) = services.db.helpdesk_request(id).await? else { return Ok(Err("helpdesk-request-gone")) };
    if !valid(services, &r).await || r.decided_at.is_some() || r.expires_at <= services.clock.now() {
        return Ok(Err("helpdesk-request-gone"));
    }
    let Some(action) = Action::parse(&r.action) else { return Ok(Err("helpdesk-request-gone")) };
    let user = account(services, &r.login).await?;
    if r.requester_id == member.user_id {
        let by = format!("helpdesk:{}", member.login);
        audit(services, who, event, &user, "failure", Some("own_request"), &by).await;
        return Ok(Err("helpdesk-refused-own-request"));
    }
    if user.id.as_str() != r.user_id {
        return Ok(Err("helpdesk-request-gone"));
    }
    match reach(services, member, &user) {
        Reach::Own => Ok(Err("helpdesk-refused-own")),
        Reach::OutOfReach => Ok(Err("helpdesk-refused-out-of-reach")),
        Reach::Direct | Reach::FourEyes => Ok(Ok((r, action, user))),
    }
}

/// `member` approves request `id`: the action is done now, audited with both members.
pub async fn approve(services: &Services, who: &Requester, member: &Admin, id: &str) -> Result<Approved, FlowError> {
    count(services, member).await?;
    let event = "helpdesk_approved";
    let (r, action, user) = match decidable(services, who, member, id, event).await? {
        Ok(found) => found,
        Err(key) => return Ok(Approved::Refused(key)),
    };
    if !services.db.decide_helpdesk_request(&r.id, &member.user_id, true, services.clock.now()).await? {
        return Ok(Approved::Refused("helpdesk-request-gone"));
    }
    let by = format!("helpdesk:{} approved helpdesk:{}", member.login, r.requester_login);
    audit(services, who, event, &user, "success", Some(&r.reason), &by).await;
    actions::perform(services, who, &user, action, &by, &r.reason).await?;
    Ok(Approved::Done)
}

/// `member` rejects request `id` for the typed `reason`: nothing is done to the account, and
/// the request is closed, audited with both members and both reasons.
pub async fn reject(
    services: &Services,
    who: &Requester,
    member: &Admin,
    id: &str,
    reason: &str,
) -> Result<Approved, FlowError> {
    count(services, member).await?;
    let reason = clean_reason(reason);
    if reason.is_empty() {
        return Ok(Approved::Refused("helpdesk-reject-reason-needed"));
    }
    let event = "helpdesk_rejected";
    let (r, action, user) = match decidable(services, who, member, id, event).await? {
        Ok(found) => found,
        Err(key) => return Ok(Approved::Refused(key)),
    };
    if !services.db.decide_helpdesk_request(&r.id, &member.user_id, false, services.clock.now()).await? {
        return Ok(Approved::Refused("helpdesk-request-gone"));
    }
    let by = format!("helpdesk:{} rejected helpdesk:{} helpdesk_{}", member.login, r.requester_login, action.as_str());
    let why = format!("{reason} (asked: {})", r.reason);
    audit(services, who, event, &user, "success", Some(&why), &by).await;
    Ok(Approved::Done)
}
