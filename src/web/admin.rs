//! The admin area: status, registration coverage, activity and audit search, each with a CSV
//! download. Only members of `admin.groups` who also pass a registered second method get in;
//! anyone else signed in gets 403, and a kiosk never shows it at all.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tower_sessions::Session;

use super::context::Ctx;
use super::csrf::{CodeForm, EmptyForm, Verified};
use super::error::Error;
use super::extract::Page;
use super::pages::{Layout, form_page, html};
use super::shared::SignInForm;
use crate::config::MethodKind;
use crate::flow::admin::{self, Admin, Entry, Pending};
use crate::flow::codes::CodeCheck;
use crate::flow::{FlowError, Services};
use crate::report::{self, ACTIVITIES, ActivityReport, ChartText, Coverage, CoverageRow, FAILURES, Period};
use crate::store::{AuditFilter, FoundEvent};

mod activity;
mod audit;
mod coverage;
use activity::*;
use audit::*;
use coverage::*;

const ADMIN: &str = "admin";
pub(super) const PENDING: &str = "admin.pending";
/// Rows per page of the audit search and the coverage list.
const PAGE: i64 = 100;
/// Most rows one CSV download holds.
const CSV_ROWS: i64 = 100_000;

pub fn routes() -> Router<Arc<Services>> {
    Router::new()
        .route("/admin", get(home))
        .route("/admin/sign-in", get(sign_in_form).post(sign_in))
        .route("/admin/verify", get(verify_page))
        .route("/admin/verify/send", post(send_code))
        .route("/admin/verify/{kind}", post(verify))
        .route("/admin/sign-out", post(sign_out))
        .route("/admin/coverage", get(coverage))
        .route("/admin/coverage.csv", get(coverage_csv))
        .route("/admin/activity", get(activity))
        .route("/admin/activity.csv", get(activity_csv))
        .route("/admin/audit", get(audit))
        .route("/admin/audit.csv", get(audit_csv))
}

/// A signed-in admin, or the answer for whoever is not one.
pub struct AdminUser(pub Admin);

impl FromRequestParts<Arc<Services>> for AdminUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, s: &Arc<Services>) -> Result<Self, Self::Rejection> {
        if parts.extensions.get::<Ctx>().is_some_and(Ctx::is_kiosk) {
            return Err(Error::NotFound.into_response());
        }
        let session = Session::from_request_parts(parts, s).await.map_err(IntoResponse::into_response)?;
        let err = |e: tower_sessions::session::Error| Error::from(e).into_response();
        if let Some(a) = session.get::<Admin>(ADMIN).await.map_err(err)? {
            if a.until > s.clock.now() {
                return Ok(AdminUser(a));
            }
            session.remove::<Admin>(ADMIN).await.map_err(err)?;
        }
        // Signed in for registration (by password or OpenID Connect) as someone who is no admin.
        let enrolled = session.get::<crate::flow::enrol::Enrolment>(super::shared::REGISTER_KEY).await.map_err(err)?;
        if enrolled.is_some_and(|e| !admin::is_admin(s, &e.user)) {
            return Err(Error::NotAdmin.into_response());
        }
        Err(Redirect::to("/admin/sign-in").into_response())
    }
}

/// The admin area's pages and their navigation.
pub struct Nav {
    pub current: &'static str,
    pub name: String,
}

impl Nav {
    fn new(current: &'static str, a: &Admin) -> Nav {
        Nav { current, name: if a.display_name.is_empty() { a.login.clone() } else { a.display_name.clone() } }
    }

    pub fn links(&self) -> [(&'static str, &'static str, bool); 4] {
        [
            ("/admin", "admin-nav-home", self.current == "home"),
            ("/admin/coverage", "admin-nav-coverage", self.current == "coverage"),
            ("/admin/activity", "admin-nav-activity", self.current == "activity"),
            ("/admin/audit", "admin-nav-audit", self.current == "audit"),
        ]
    }
}

// ---------------------------------------------------------------------------------------------
// Signing in

#[derive(Template)]
#[template(path = "admin/sign_in.html")]
pub(super) struct SignInPage {
    pub(super) l: Layout,
    pub(super) username: String,
    pub(super) error: Option<String>,
    /// Offer OpenID Connect sign-in (a Graph directory).
    pub(super) oidc: bool,
}

#[derive(Template)]
#[template(path = "admin/verify.html")]
struct VerifyPage {
    l: Layout,
    totp: bool,
    email: bool,
    code_sent: bool,
    /// Which form the error belongs to.
    error: Option<(String, &'static str)>,
}

async fn sign_in_form(p: Page) -> Result<Response, Error> {
    if p.ctx.is_kiosk() {
        return Err(Error::NotFound);
    }
    if p.session.get::<Admin>(ADMIN).await?.is_some_and(|a| a.until > p.s.clock.now()) {
        return Ok(Redirect::to("/admin").into_response());
    }
    Ok(html(&sign_in_page(&p, String::new(), None))?.into_response())
}

/// The sign-in page, with what was typed and why it was refused.
pub(super) fn sign_in_page(p: &Page, username: String, error: Option<String>) -> SignInPage {
    SignInPage { l: p.layout("admin-sign-in-title"), username, error, oidc: p.s.directory.graph().is_some() }
}

async fn sign_in(p: Page, Verified(form): Verified<SignInForm>) -> Result<Response, Error> {
    if p.ctx.is_kiosk() {
        return Err(Error::NotFound);
    }
    let refuse = |status: StatusCode, key: &str| -> Result<Response, Error> {
        let page = sign_in_page(&p, form.username.chars().take(256).collect(), Some(p.ctx.lang.t(key)));
        Ok((status, html(&page)?).into_response())
    };
    match admin::sign_in(&p.s, &p.who, &form.username, &form.password).await? {
        Entry::Pending(pending) => {
            p.session.cycle_id().await?;
            p.session.insert(PENDING, *pending).await?;
            Ok(Redirect::to("/admin/verify").into_response())
        }
        Entry::Failed => refuse(StatusCode::UNPROCESSABLE_ENTITY, super::shared::SIGN_IN_FAILED),
        Entry::MustChange => refuse(StatusCode::UNPROCESSABLE_ENTITY, "must-change"),
        Entry::NotAdmin => Err(Error::NotAdmin),
        Entry::NoSecondMethod => refuse(StatusCode::FORBIDDEN, "admin-needs-method"),
        Entry::SecondMethodTooNew => refuse(StatusCode::FORBIDDEN, "admin-method-too-new"),
    }
}

async fn pending(session: &Session) -> Result<Pending, Error> {
    session.get::<Pending>(PENDING).await?.ok_or(Error::Flow(FlowError::Expired))
}

fn verify_view(p: &Page, pending: &Pending, error: Option<(String, &'static str)>) -> Result<Response, Error> {
    let refused = error.is_some();
    let page = VerifyPage {
        l: p.layout("admin-verify-title"),
        totp: pending.kinds.contains(&MethodKind::Totp),
        email: pending.kinds.contains(&MethodKind::Email),
        code_sent: pending.code_sent,
        error,
    };
    form_page(&page, refused)
}

async fn verify_page(p: Page) -> Result<Response, Error> {
    let Some(pending) = p.session.get::<Pending>(PENDING).await? else {
        return Ok(Redirect::to("/admin/sign-in").into_response());
    };
    verify_view(&p, &pending, None)
}

async fn send_code(p: Page, Verified(_): Verified<EmptyForm>) -> Result<Response, Error> {
    if p.ctx.is_kiosk() {
        return Err(Error::NotFound);
    }
    let mut pending = pending(&p.session).await?;
    admin::send_email_code(&p.s, &p.who, &mut pending).await?;
    p.session.insert(PENDING, pending).await?;
    Ok(Redirect::to("/admin/verify#email-code").into_response())
}

async fn verify(
    p: Page,
    axum::extract::Path(kind): axum::extract::Path<String>,
    Verified(form): Verified<CodeForm>,
) -> Result<Response, Error> {
    if p.ctx.is_kiosk() {
        return Err(Error::NotFound);
    }
    let (session, lang) = (&p.session, p.ctx.lang);
    let pending = pending(session).await?;
    let kind = MethodKind::parse(&kind).ok_or(Error::NotFound)?;
    match admin::verify(&p.s, &p.who, &pending, kind, &form.code).await? {
        Ok(a) => {
            session.remove::<Pending>(PENDING).await?;
            session.cycle_id().await?;
            session.insert(ADMIN, a).await?;
            Ok(Redirect::to("/admin").into_response())
        }
        Err(CodeCheck::Voided) => {
            session.remove::<Pending>(PENDING).await?;
            Err(Error::Voided)
        }
        Err(check) => {
            let text = match check {
                CodeCheck::Expired => lang.t("code-expired"),
                CodeCheck::NotSent => lang.t("code-not-sent"),
                CodeCheck::Replayed => lang.t("code-replayed"),
                CodeCheck::Wrong { remaining } => super::shared::wrong_code_message(lang, remaining),
                CodeCheck::Passed | CodeCheck::Voided => String::new(),
            };
            let field = if kind == MethodKind::Totp { "totp-code" } else { "email-code" };
            verify_view(&p, &pending, Some((text, field)))
        }
    }
}

async fn sign_out(session: Session, Verified(_): Verified<EmptyForm>) -> Result<Response, Error> {
    session.flush().await?;
    Ok(Redirect::to("/admin/sign-in").into_response())
}

// ---------------------------------------------------------------------------------------------
// Home: status and the last 30 days

/// One outside service's state for the status table.
pub struct Status {
    pub name_key: &'static str,
    pub ok: bool,
    pub detail: String,
    pub last_error: Option<(String, String)>,
}

/// One writeback agent.
pub struct AgentView {
    pub name: String,
    pub host: String,
    pub version: String,
    pub last_seen: String,
    pub directory_ok: Option<bool>,
    pub live: bool,
    /// Older than [`crate::agent::proto::MIN_AGENT_VERSION`].
    pub outdated: bool,
}

#[derive(Template)]
#[template(path = "admin/home.html")]
struct HomePage {
    l: Layout,
    nav: Nav,
    statuses: Vec<Status>,
    agents: Option<Vec<AgentView>>,
    min_agent_version: &'static str,
    report: ActivityReport,
}

impl HomePage {
    fn activity_name(&self, i: &usize) -> String {
        self.l.t(&format!("admin-activity-{}", ACTIVITIES[*i].as_str()))
    }

    fn rate(&self, i: &usize) -> String {
        let a = ACTIVITIES[*i];
        self.report.totals[*i].success_percent(a).map_or("–".to_owned(), |p| format!("{p} %"))
    }
}

async fn home(p: Page, AdminUser(a): AdminUser) -> Result<Response, Error> {
    let s = &p.s;
    let (database, directory, mail) =
        tokio::join!(super::health::check_database(s), super::health::check_directory(s), super::health::check_mail(s));
    let status = |name_key: &'static str, component: &str, r: Result<(), String>| Status {
        name_key,
        ok: r.is_ok(),
        detail: r.err().unwrap_or_default(),
        last_error: s.last_errors.get(component).map(|(at, m)| (report::time_text(at), m)),
    };
    let mut statuses = vec![
        status("admin-status-directory", "directory", directory),
        status("admin-status-database", "database", database),
        status("admin-status-mail", "mail", mail),
    ];
    // The gateway is not probed (a probe would cost a message): its state is the last send's.
    if let Some(sms) = &s.sms {
        let last =
            if sms.failing() { Err(s.last_errors.get("sms").map(|(_, m)| m).unwrap_or_default()) } else { Ok(()) };
        statuses.push(status("admin-status-sms", "sms", last));
    }
    let agents = if super::server::uses_agents(&s.config) {
        let window = i64::try_from(s.config.directory.agent.heartbeat_window_secs).unwrap_or(60);
        let now = crate::agent::proto::now();
        let rows = s.db.list_agents().await.map_err(FlowError::from)?;
        Some(
            rows.into_iter()
                .filter(|r| r.revoked_at.is_none())
                .map(|r| AgentView {
                    live: r.last_seen.is_some_and(|t| t >= now - window) && !r.stopping,
                    last_seen: r.last_seen.map(report::time_text).unwrap_or_default(),
                    directory_ok: r.directory_ok,
                    name: r.name,
                    host: r.hostname,
                    outdated: !crate::agent::version::supported(&r.version),
                    version: r.version,
                })
                .collect(),
        )
    } else {
        None
    };
    let period = Period::last_days(s.clock.now(), 30);
    let counts = s.db.audit_day_counts(period.from_ts(), period.to_ts()).await.map_err(FlowError::from)?;
    let page = HomePage {
        l: p.layout("admin-home-title"),
        nav: Nav::new("home", &a),
        statuses,
        agents,
        min_agent_version: crate::agent::proto::MIN_AGENT_VERSION,
        report: ActivityReport::build(period, &counts),
    };
    Ok(html(&page)?.into_response())
}

// ---------------------------------------------------------------------------------------------

fn csv_response(s: &Services, what: &str, body: Vec<u8>) -> Response {
    let date = report::day_text(s.clock.now().div_euclid(86_400));
    let disposition = format!("attachment; filename=\"rekey-{what}-{date}.csv\"");
    ([(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), (header::CONTENT_DISPOSITION, disposition)], body)
        .into_response()
}

/// Page links for a long table.
pub struct Pager {
    pub page: i64,
    pub pages: i64,
    pub base: String,
}

impl Pager {
    fn new(page: Option<&str>, total: i64) -> Pager {
        let pages = ((total + PAGE - 1) / PAGE).max(1);
        let page = page.and_then(|p| p.parse::<i64>().ok()).unwrap_or(1).clamp(1, pages);
        Pager { page, pages, base: String::new() }
    }

    fn with_base(mut self, base: String) -> Pager {
        self.base = base;
        self
    }

    fn offset(&self) -> i64 {
        (self.page - 1) * PAGE
    }

    pub fn href(&self, page: i64) -> String {
        format!("{}&page={page}", self.base)
    }
}
