//! Finding a person and reading their self-service state for the member: registered methods
//! (kind, when added, masked destination), recent attempts and their outcomes, self-service
//! blocks (the daily pause of reset too), and the directory's lock and expiry state. Reading writes nothing.

use super::{Reach, reach, verify};
use crate::directory::{AccountState, DirUser};
use crate::flow::admin::Admin;
use crate::flow::{FlowError, Services, limits, methods};
use crate::store::RecentEvent;

/// Most accounts one search reads from the directory; the pages split them.
pub const SEARCH_LIMIT: usize = 200;
/// Accounts shown per page of results.
pub const PAGE: usize = 20;
/// Recent audit records shown for a person.
const RECENT: i64 = 20;

/// One page of search results, and whether the directory had more than were read.
pub struct Found {
    pub people: Vec<DirUser>,
    pub page: usize,
    pub pages: usize,
    pub truncated: bool,
}

/// Accounts whose login, name or mail contains `text` (at least two characters), page `page`.
pub async fn search(services: &Services, text: &str, page: usize) -> Result<Found, FlowError> {
    let text = text.trim();
    if text.chars().count() < 2 || text.chars().count() > 100 {
        return Ok(Found { people: vec![], page: 1, pages: 1, truncated: false });
    }
    let all = services.directory.search_users(text, SEARCH_LIMIT).await.map_err(FlowError::from_directory)?;
    let truncated = all.len() >= SEARCH_LIMIT;
    let pages = all.len().div_ceil(PAGE).max(1);
    let page = page.clamp(1, pages);
    let people = all.into_iter().skip((page - 1) * PAGE).take(PAGE).collect();
    Ok(Found { people, page, pages, truncated })
}

/// A registered method as the helpdesk sees it: never the address or seed itself.
pub struct MethodView {
    pub id: String,
    pub kind: String,
    pub label: String,
    pub added_at: i64,
    /// Registered within the cooling-off: it can neither verify the caller nor get a reset link.
    pub cooling_off: bool,
}

/// What the member sees of a person.
pub struct Person {
    pub user: DirUser,
    pub state: AccountState,
    pub methods: Vec<MethodView>,
    pub recent: Vec<RecentEvent>,
    /// Why self-service is blocked, if it is ("this wasn't me", the cap on failed proofs).
    pub block: Option<String>,
    /// Until when reset is paused ("too many attempts today") from at least one address.
    pub paused_until: Option<i64>,
    pub reach: Reach,
    /// Whether the caller can be verified (a method past its cooling-off); if not, every action
    /// needs a second member's approval.
    pub verifiable: bool,
    /// This member's live verification of the caller: (method, until).
    pub verified: Option<(String, i64)>,
    /// The newest confirmation link this member sent the person, if any.
    pub confirmation: Option<super::Confirmation>,
}

/// The person `login` names, as `member` may see them; `None` when no account matches.
pub async fn person(services: &Services, member: &Admin, login: &str) -> Result<Option<Person>, FlowError> {
    let user = match super::account(services, login).await {
        Ok(user) => user,
        Err(FlowError::Expired) => return Ok(None),
        Err(e) => return Err(e),
    };
    let stored = methods::stored(services, &user).await?;
    let usable = verify::usable(services, &user).await?;
    let methods: Vec<MethodView> = stored
        .into_iter()
        .map(|m| MethodView {
            cooling_off: !usable.iter().any(|u| u.id == m.id),
            id: m.id,
            kind: m.kind,
            label: m.label,
            added_at: m.created_at,
        })
        .collect();
    let recent = services.db.recent_audit_of(user.id.as_str(), RECENT).await?;
    let block = services.db.block_reason(user.id.as_str()).await?;
    let paused_until = limits::daily_pause(services, &user).await?;
    let verified = verify::verified(services, member, &user).await?;
    let confirmation = super::confirmation(services, member, &user).await?;
    Ok(Some(Person {
        state: user.state,
        reach: reach(services, member, &user),
        verifiable: verify::can_verify(&usable),
        user,
        methods,
        recent,
        block,
        paused_until,
        verified,
        confirmation,
    }))
}
