//! Entering a staff area (the admin area or the helpdesk console): the directory password (or,
//! with Graph, OpenID Connect), membership of the area's groups, then a second registered
//! method past its cooling-off (an authenticator code, or a code mailed to a registered
//! address). Both areas share this one path; only the groups differ ([`Role`]).
//!
//! Someone with no registered method cannot enter: they register one first, like anyone.

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use super::account::{self, SignIn};
use super::codes::{self, CodeCheck};
use super::limits::{self, Scope};
use super::methods;
use super::{AuditRecord, FlowError, Requester, Services};
use crate::config::MethodKind;
use crate::directory::DirUser;
use crate::notify::messages;
use crate::policy;
use crate::store::StoredMethod;

/// Which staff area a sign-in is for. The roles are separate: an admin is not a helpdesk
/// member unless in both groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Role {
    #[default]
    Admin,
    Helpdesk,
}

impl Role {
    /// The area's name, as the audit trail and attempts write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Helpdesk => "helpdesk",
        }
    }

    fn groups(self, services: &Services) -> &[String] {
        match self {
            Role::Admin => &services.config.admin.groups,
            Role::Helpdesk => &services.config.helpdesk.groups,
        }
    }

    /// Whether `user` is in one of the role's groups.
    pub fn has(self, services: &Services, user: &DirUser) -> bool {
        self.groups(services).iter().any(|g| policy::member_of(&services.config, user, g))
    }
}

/// Someone who gave the right password and still owes the second method.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Pending {
    /// The area they are entering.
    #[serde(default)]
    pub role: Role,
    pub attempt_id: String,
    pub user: DirUser,
    /// The kinds of method they have registered, in a fixed order.
    pub kinds: Vec<MethodKind>,
    pub expires_at: i64,
    /// A code was mailed (so the page asks for it).
    pub code_sent: bool,
}

/// A signed-in admin or helpdesk member (the session key says which area).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Admin {
    /// The area this sign-in opens.
    #[serde(default)]
    pub role: Role,
    pub user_id: String,
    pub login: String,
    pub display_name: String,
    pub since: i64,
    pub until: i64,
}

/// What the password step found.
#[derive(Debug)]
pub enum Entry {
    Pending(Box<Pending>),
    /// Wrong password, unknown or locked account: the same answer as everywhere.
    Failed,
    MustChange,
    /// The password is right, but the account is in none of the area's groups.
    NotAdmin,
    /// An admin with no registered method to prove it a second way.
    NoSecondMethod,
    /// Its second methods are all still in their cooling-off period.
    SecondMethodTooNew,
}

/// Whether `user` is in one of `admin.groups`.
pub fn is_admin(services: &Services, user: &DirUser) -> bool {
    Role::Admin.has(services, user)
}

fn record<'a>(
    role: Role,
    user: Option<&'a DirUser>,
    outcome: &'a str,
    reason: Option<&'a str>,
    method: Option<&'a str>,
) -> AuditRecord<'a> {
    let event = match role {
        Role::Admin => "admin_sign_in",
        Role::Helpdesk => "helpdesk_sign_in",
    };
    AuditRecord { event, flow: Some(role.as_str()), user, outcome, reason, method }
}

/// The password step.
pub async fn sign_in(
    services: &Services,
    who: &Requester,
    role: Role,
    typed: &str,
    password: &SecretString,
) -> Result<Entry, FlowError> {
    let user = match account::sign_in(services, who, role.as_str(), typed, password).await? {
        // Self-service scope does not matter here: admins are often kept out of it.
        SignIn::Ok(user) | SignIn::OutOfScope(user) => *user,
        SignIn::Failed => return Ok(Entry::Failed),
        SignIn::MustChange => return Ok(Entry::MustChange),
    };
    enter(services, who, role, user).await
}

/// An Entra ID account that signed in with OpenID Connect (Graph cannot check a password):
/// the same group and second-method steps as after the password.
pub async fn sign_in_oidc(services: &Services, who: &Requester, role: Role, user: DirUser) -> Result<Entry, FlowError> {
    let record = AuditRecord {
        event: "sign_in",
        flow: Some(role.as_str()),
        user: Some(&user),
        outcome: "success",
        reason: None,
        method: Some("oidc"),
    };
    services.audit(who, record).await;
    enter(services, who, role, user).await
}

/// After the first factor: membership of the area's groups and a settled second method.
async fn enter(services: &Services, who: &Requester, role: Role, user: DirUser) -> Result<Entry, FlowError> {
    if !role.has(services, &user) {
        let reason = match role {
            Role::Admin => "not_admin",
            Role::Helpdesk => "not_helpdesk",
        };
        services.audit(who, record(role, Some(&user), "failure", Some(reason), None)).await;
        return Ok(Entry::NotAdmin);
    }
    let all = methods::stored(services, &user).await?;
    let any = all.iter().any(|m| MethodKind::parse(&m.kind).is_some_and(|k| k.is_code() && k != MethodKind::Sms));
    let stored = settled(services, all);
    // Security questions never admit an admin: only a code from an app or a mail does (the
    // admin area does not text codes).
    let mut kinds: Vec<MethodKind> = stored
        .iter()
        .filter_map(|m| MethodKind::parse(&m.kind))
        .filter(|k| k.is_code() && *k != MethodKind::Sms)
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    if kinds.is_empty() {
        let reason = if any { "second_method_cooling_off" } else { "second_method_missing" };
        services.audit(who, record(role, Some(&user), "failure", Some(reason), None)).await;
        return Ok(if any { Entry::SecondMethodTooNew } else { Entry::NoSecondMethod });
    }
    let attempt = super::rows::start_attempt(services, role.as_str(), Some(&user.id)).await?;
    Ok(Entry::Pending(Box::new(Pending {
        role,
        attempt_id: attempt.id,
        user,
        kinds,
        expires_at: attempt.expires_at,
        code_sent: false,
    })))
}

/// The methods past their cooling-off period (`policy.new_method_cooling_off_hours`): one
/// registered just now, perhaps with a phished password, does not open the admin area.
fn settled(services: &Services, stored: Vec<StoredMethod>) -> Vec<StoredMethod> {
    let hours = i64::try_from(services.config.policy.new_method_cooling_off_hours).unwrap_or(i64::MAX / 3600);
    let cutoff = services.clock.now().saturating_sub(hours.saturating_mul(3600));
    stored.into_iter().filter(|m| m.created_at <= cutoff).collect()
}

fn live(services: &Services, p: &Pending) -> Result<(), FlowError> {
    if p.expires_at <= services.clock.now() { Err(FlowError::Expired) } else { Ok(()) }
}

fn limit_key(services: &Services, p: &Pending) -> String {
    hex::encode(services.keys.code_hash("rate:account", &limits::account_key(&p.user.login)))
}

/// Mails a code to the admin's registered addresses (not the directory's: the second method
/// must be one they registered).
pub async fn send_email_code(services: &Services, who: &Requester, p: &mut Pending) -> Result<(), FlowError> {
    live(services, p)?;
    if !p.kinds.contains(&MethodKind::Email) {
        return Err(FlowError::OutOfStep("no registered address"));
    }
    limits::hit(services, Scope::SendByAddress, who.ip.as_deref()).await?;
    limits::hit(services, Scope::SendByAccount(MethodKind::Email.as_str()), Some(&limit_key(services, p))).await?;
    let code = codes::issue(services, &p.attempt_id, MethodKind::Email.as_str()).await?;
    let stored = settled(services, methods::stored(services, &p.user).await?);
    let email_only: Vec<_> = stored.into_iter().filter(|m| m.kind == MethodKind::Email.as_str()).collect();
    // Registered addresses only: pretend the directory's mail does not count.
    let to = methods::code_addresses(services, &DirUser { emails: vec![], ..p.user.clone() }, &email_only);
    services.mail_code(who, to, &code, messages::CodePurpose::SignIn);
    p.code_sent = true;
    Ok(())
}

/// Checks the second method; on success the admin is in.
pub async fn verify(
    services: &Services,
    who: &Requester,
    p: &Pending,
    kind: MethodKind,
    input: &str,
) -> Result<Result<Admin, CodeCheck>, FlowError> {
    live(services, p)?;
    if !p.kinds.contains(&kind) {
        return Err(FlowError::OutOfStep("method not registered"));
    }
    limits::hit(services, Scope::CheckByAddress, who.ip.as_deref()).await?;
    limits::hit(services, Scope::CheckByAccount(kind.as_str()), Some(&limit_key(services, p))).await?;
    let result = match kind {
        MethodKind::Email => codes::check(services, &p.attempt_id, kind.as_str(), input).await?,
        MethodKind::Totp => check_totp(services, p, input).await?,
        MethodKind::Questions => return Err(FlowError::OutOfStep("questions do not admit admins")),
        MethodKind::Sms => return Err(FlowError::OutOfStep("text messages do not admit admins")),
        MethodKind::Passkey => return Err(FlowError::OutOfStep("the admin sign-in asks for a code")),
    };
    if result != CodeCheck::Passed {
        let reason = result.failure_reason();
        services.audit(who, record(p.role, Some(&p.user), "failure", reason, Some(kind.as_str()))).await;
        return Ok(Err(result));
    }
    let now = services.clock.now();
    if !services.db.complete_attempt(&p.attempt_id, now).await? {
        return Err(FlowError::Expired);
    }
    services.audit(who, record(p.role, Some(&p.user), "success", None, Some(kind.as_str()))).await;
    let minutes = i64::try_from(services.config.admin.session_mins).unwrap_or(60);
    Ok(Ok(Admin {
        role: p.role,
        user_id: p.user.id.0.clone(),
        login: p.user.login.clone(),
        display_name: p.user.display_name.clone(),
        since: now,
        until: now + minutes * 60,
    }))
}

async fn check_totp(services: &Services, p: &Pending, input: &str) -> Result<CodeCheck, FlowError> {
    let stored = settled(services, methods::stored(services, &p.user).await?);
    codes::check_totp(services, &p.attempt_id, &stored, input).await
}

impl Admin {
    /// The signed-in person as a directory account (for audit records); the groups are not kept.
    pub fn as_user(&self) -> DirUser {
        DirUser {
            id: crate::directory::UserId(self.user_id.clone()),
            login: self.login.clone(),
            display_name: self.display_name.clone(),
            dn: String::new(),
            emails: vec![],
            phones: vec![],
            groups: vec![],
            state: Default::default(),
        }
    }
}

/// Records an admin download in the audit trail.
pub async fn exported(services: &Services, who: &Requester, admin: &Admin, what: &'static str) {
    let user = admin.as_user();
    let event =
        AuditRecord { event: what, flow: Some("admin"), user: Some(&user), outcome: "success", ..Default::default() };
    services.audit(who, event).await;
}
