//! What the API answers. Each read takes the token that asked and writes one audit record
//! (`api_call`, the token's name as the method, the endpoint as the reason), about the person
//! asked for when there is one. Unknown people get the same shape as known ones, and the same
//! store work (`methods::stored_or_decoy`).

use super::{ApiToken, Scope};
use crate::directory::expiry::Expiry;
use crate::directory::{DirUser, Login};
use crate::flow::{AuditRecord, FlowError, Requester, Services, helpdesk, methods, protection};
use crate::policy;
use crate::store::{AuditFilter, FoundEvent};

/// Whether a person has registered enough methods, for a sign-in system or a reverse proxy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    /// They have registered at least `policy.methods_to_register` methods that count.
    pub registered: bool,
    /// They should be sent to register: they may use self-service and have not registered
    /// enough. False for unknown people and people out of scope, who could not register.
    pub action_required: bool,
}

/// A person's self-service state, for a helpdesk or ticketing tool.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PersonStatus {
    /// The directory has an account for the login.
    pub found: bool,
    /// The account may use self-service (`policy.enabled_for`, groups, not disabled).
    pub in_scope: bool,
    pub registered: bool,
    /// Kinds of the methods that count, e.g. `email`, `totp`.
    pub methods: Vec<String>,
    /// How many methods this person must register.
    pub methods_to_register: u8,
    /// Self-service is blocked ("this wasn't me", the cap on failed proofs).
    pub blocked: bool,
    /// The directory has locked the account.
    pub locked: bool,
    pub disabled: bool,
    /// When the password expires, as the directory computes it; `None` for unknown people and
    /// where the directory cannot tell (writeback agents).
    pub password_expires: Option<Expiry>,
}

/// A page of audit records, newest first.
#[derive(Debug, Clone)]
pub struct AuditPage {
    pub records: Vec<FoundEvent>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// Most audit records in one page.
pub const MAX_PER_PAGE: i64 = 500;

async fn find(services: &Services, login: &str) -> Result<Option<DirUser>, FlowError> {
    let Some(login) = Login::parse(login) else { return Ok(None) };
    services.directory.find_user(&login).await.map_err(FlowError::from_directory)
}

/// The audit event of every API call (a helpdesk action is audited as the console's own).
pub const CALL: &str = "api_call";

/// The audit record of one call.
pub async fn audit_call(
    services: &Services,
    who: &Requester,
    token: Option<&ApiToken>,
    user: Option<&DirUser>,
    outcome: &str,
    reason: &str,
) {
    let by = token.map(|t| format!("api:{}", t.name));
    let record =
        AuditRecord { event: CALL, flow: Some("api"), user, outcome, reason: Some(reason), method: by.as_deref() };
    services.audit(who, record).await;
}

/// `registration`: whether `login` has registered enough methods.
pub async fn registration(
    services: &Services,
    who: &Requester,
    token: &ApiToken,
    login: &str,
) -> Result<Registration, FlowError> {
    let user = find(services, login).await?;
    let in_scope = user.as_ref().filter(|u| policy::in_scope(&services.config, u));
    let stored = methods::stored_or_decoy(services, in_scope).await?;
    let registered = match in_scope {
        Some(u) => {
            let wanted = usize::from(policy::effective(&services.config, u).methods_to_register);
            methods::counted_kinds(services, u, &stored) >= wanted
        }
        None => false,
    };
    audit_call(services, who, Some(token), user.as_ref(), "success", Scope::Registration.as_str()).await;
    Ok(Registration { registered, action_required: in_scope.is_some() && !registered })
}

/// `status`: a person's self-service state, with the password's expiry read from the directory.
pub async fn status(
    services: &Services,
    who: &Requester,
    token: &ApiToken,
    login: &str,
) -> Result<PersonStatus, FlowError> {
    let user = find(services, login).await?;
    let stored = methods::stored_or_decoy(services, user.as_ref()).await?;
    let mut out = PersonStatus::default();
    if let Some(u) = &user {
        let rules = policy::effective(&services.config, u);
        let kinds: Vec<_> = methods::usable_kinds(services, u, &stored).into_iter().collect();
        out = PersonStatus {
            found: true,
            in_scope: policy::in_scope(&services.config, u),
            registered: methods::counted_kinds(services, u, &stored) >= usize::from(rules.methods_to_register),
            methods: kinds.iter().map(|k| k.as_str().to_owned()).collect(),
            methods_to_register: rules.methods_to_register,
            blocked: protection::blocked(services, u).await?,
            locked: u.state.locked,
            disabled: u.state.disabled,
            password_expires: services.directory.password_expiry(u).await.map_err(FlowError::from_directory)?,
        };
    }
    audit_call(services, who, Some(token), user.as_ref(), "success", Scope::Status.as_str()).await;
    Ok(out)
}

/// `audit`: the records about `person` (a login or directory id; everyone when empty) in
/// `[from, to)`, newest first, page `page` (from 1) of `per_page` (1 to [`MAX_PER_PAGE`]).
pub async fn audit_trail(
    services: &Services,
    who: &Requester,
    token: &ApiToken,
    filter: AuditFilter,
    page: i64,
    per_page: i64,
) -> Result<AuditPage, FlowError> {
    let per_page = per_page.clamp(1, MAX_PER_PAGE);
    let page = page.max(1);
    let offset = (page - 1).saturating_mul(per_page);
    let records = services.db.audit_search(&filter, per_page, offset).await?;
    let total = services.db.audit_count(&filter).await?;
    audit_call(services, who, Some(token), None, "success", Scope::Audit.as_str()).await;
    Ok(AuditPage { records, total, page, per_page })
}

/// `helpdesk`: the requests waiting for a second member's approval, oldest first.
pub async fn open_requests(
    services: &Services,
    who: &Requester,
    token: &ApiToken,
) -> Result<Vec<helpdesk::OpenRequest>, FlowError> {
    let out = helpdesk::pending_requests(services).await?;
    audit_call(services, who, Some(token), None, "success", Scope::Helpdesk.as_str()).await;
    Ok(out)
}
