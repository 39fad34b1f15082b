//! The helpdesk console: a member (signed in through `flow::admin` with `Role::Helpdesk`)
//! finds a person, verifies the caller, and acts on the account.
//!
//! What it must never do: act without a verified caller when the person has a method to verify
//! with; let a member act on their own account or on anyone in `helpdesk.out_of_reach_groups`;
//! act on a privileged account (`alerts.privileged_groups`, admins) or on an unverifiable
//! person without a second member's approval; show the member a code or choose a password.
//!
//! `find.rs` (search, a person's state), `verify.rs` (a code read back, an authenticator code),
//! `confirm.rs` (a confirmation link the person answers with their passkey),
//! `actions.rs` (what a member may do, and four eyes), `requests.rs` (approvals), `link.rs`
//! (the reset link), `rows.rs` (MACs on the helpdesk's rows).

use serde::{Deserialize, Serialize};

use super::admin::{Admin, Role};
use super::limits::{self, Scope};
use super::{AuditRecord, FlowError, Requester, Services};
use crate::directory::{DirUser, Login};
use crate::policy;

mod actions;
mod confirm;
mod find;
pub mod link;
mod requests;
mod rows;
mod verify;

pub use actions::{Acted, TokenActed, act, act_by_token};
pub use confirm::{Confirmation, confirm, confirm_options, confirmable, confirmation, send_confirmation};
pub use find::{MethodView, Person, person, search};
pub use requests::{Approved, OpenRequest, approve, open_requests, pending_requests, reject};
pub use verify::{CallerCheck, Checked, begin_check, check_caller};

/// What a helpdesk member can do to an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// Clear the directory's lockout; the password stays.
    Unlock,
    /// Mail a single-use link that opens the reset at the new-password step.
    ResetLink,
    /// Lift a self-service block ("this wasn't me", the cap on failed proofs).
    LiftBlock,
    /// Delete every registered method (a lost phone): the person registers again.
    ClearMethods,
}

impl Action {
    pub const ALL: [Action; 4] = [Action::Unlock, Action::ResetLink, Action::LiftBlock, Action::ClearMethods];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Unlock => "unlock",
            Action::ResetLink => "reset_link",
            Action::LiftBlock => "lift_block",
            Action::ClearMethods => "clear_methods",
        }
    }

    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// Every audit event of the console (and its sign-in), for the admin's audit search.
pub const EVENTS: [&str; 12] = [
    "helpdesk_sign_in",
    "helpdesk_check_started",
    "helpdesk_confirm_sent",
    "helpdesk_verify",
    "helpdesk_requested",
    "helpdesk_approved",
    "helpdesk_rejected",
    "helpdesk_unlock",
    "helpdesk_reset_link",
    "helpdesk_lift_block",
    "helpdesk_clear_methods",
    "helpdesk_link_used",
];

/// How far a member may act on an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// After verifying the caller.
    Direct,
    /// Only with a second member's approval, verified or not (a privileged account).
    FourEyes,
    /// Never: their own account.
    Own,
    /// Never: a member of `helpdesk.out_of_reach_groups`.
    OutOfReach,
}

/// Whether `user` is privileged: in `alerts.privileged_groups` or an admin.
pub fn privileged(services: &Services, user: &DirUser) -> bool {
    Role::Admin.has(services, user)
        || services.config.alerts.privileged_groups.iter().any(|g| policy::member_of(&services.config, user, g))
}

/// Whether `user` is in `helpdesk.out_of_reach_groups`, where nobody may act.
fn out_of_reach(services: &Services, user: &DirUser) -> bool {
    services.config.helpdesk.out_of_reach_groups.iter().any(|g| policy::member_of(&services.config, user, g))
}

/// How far `member` may act on `user`.
pub fn reach(services: &Services, member: &Admin, user: &DirUser) -> Reach {
    if user.id.as_str() == member.user_id {
        return Reach::Own;
    }
    if out_of_reach(services, user) {
        return Reach::OutOfReach;
    }
    if privileged(services, user) { Reach::FourEyes } else { Reach::Direct }
}

/// The account a member asked for, by its login, or `Expired` (it is gone or renamed).
async fn account(services: &Services, login: &str) -> Result<DirUser, FlowError> {
    let login = Login::parse(login).ok_or(FlowError::Expired)?;
    services.directory.find_user(&login).await.map_err(FlowError::from_directory)?.ok_or(FlowError::Expired)
}

/// Counts one verification, action or approval against the member.
async fn count(services: &Services, member: &Admin) -> Result<(), FlowError> {
    limits::hit(services, Scope::HelpdeskByMember, Some(&format!("member:{}", member.user_id))).await
}

/// A typed reason, as the audit trail keeps it: one line, at most 200 characters.
pub fn clean_reason(typed: &str) -> String {
    let one_line: String = typed.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    one_line.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(200).collect()
}

/// Who did it, for the audit record's method column: `helpdesk:<login>`.
fn actor(member: &Admin) -> String {
    format!("helpdesk:{}", member.login)
}

/// Writes one helpdesk audit record about `user`.
async fn audit(
    services: &Services,
    who: &Requester,
    event: &str,
    user: &DirUser,
    outcome: &str,
    reason: Option<&str>,
    by: &str,
) {
    let record = AuditRecord { event, flow: Some("helpdesk"), user: Some(user), outcome, reason, method: Some(by) };
    services.audit(who, record).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_one_bounded_line() {
        assert_eq!(clean_reason("  lost\nphone\t today "), "lost phone today");
        assert_eq!(clean_reason(&"x".repeat(500)).len(), 200);
    }

    #[test]
    fn every_action_is_an_event_the_admin_can_pick() {
        for a in Action::ALL {
            assert!(EVENTS.contains(&format!("helpdesk_{}", a.as_str()).as_str()), "{a:?}");
        }
        assert!(EVENTS.contains(&crate::flow::protection::METHODS_CLEARED));
    }

    #[test]
    fn actions_round_trip() {
        for a in Action::ALL {
            assert_eq!(Action::parse(a.as_str()), Some(a));
        }
        assert_eq!(Action::parse("reset"), None);
    }
}
