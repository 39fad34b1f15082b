//! The agent's own judgement of a job, after its signature: the portal names an account, the
//! agent reads it again by its stable id in its own directory, under its own base and filter,
//! and refuses protected accounts. The directory call then runs on the account as the agent
//! read it (its DN included), never on the portal's description of it.

use super::proto::Request;
use crate::directory::ldap::{LdapDirectory, Protection};
use crate::directory::{DirError, DirUser};

/// Admits or refuses a job's request.
pub struct Guard<'a> {
    pub ldap: &'a LdapDirectory,
    pub protection: &'a Protection,
}

impl Guard<'_> {
    /// The request to run, with the account as this agent's directory describes it, or a
    /// [`DirError::Refused`] saying why not.
    pub async fn admit(&self, request: Request) -> Result<Request, DirError> {
        let (user, writes) = match &request {
            Request::VerifyPassword { user, .. } | Request::LockStatus { user } => (user, false),
            Request::ChangePassword { user, .. } | Request::ResetPassword { user, .. } | Request::Unlock { user } => {
                (user, true)
            }
            Request::FindUser { .. } | Request::Health | Request::ListUsers { .. } => return Ok(request),
        };
        let Some(fresh) = self.ldap.find_by_id(&user.id).await? else {
            return Err(DirError::Refused(format!(
                "no account with id {} under this agent's directory.base_dn matching its directory.user_filter",
                user.id.as_str()
            )));
        };
        if writes && let Some(why) = self.ldap.protected_reason(&fresh, self.protection).await? {
            return Err(DirError::Refused(format!("the account is protected: {why}")));
        }
        Ok(with_user(request, fresh))
    }
}

fn with_user(request: Request, fresh: DirUser) -> Request {
    let user = Box::new(fresh);
    match request {
        Request::VerifyPassword { password, .. } => Request::VerifyPassword { user, password },
        Request::LockStatus { .. } => Request::LockStatus { user },
        Request::ChangePassword { old, new, .. } => Request::ChangePassword { user, old, new },
        Request::ResetPassword { new, must_change, .. } => Request::ResetPassword { user, new, must_change },
        Request::Unlock { .. } => Request::Unlock { user },
        other => other,
    }
}
