//! The admin area: status, registration coverage, activity and audit search, each with a CSV
//! download. Only members of `admin.groups` who also pass a registered second method get in;
//! anyone else signed in gets 403, and a kiosk never shows it at all. The sign-in itself is
//! `web/staff.rs`, shared with the helpdesk console.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{FromRequestParts, Query};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;

use super::error::Error;
use super::extract::Page;
use super::pages::{Layout, html};
use super::staff::AdminArea;
use crate::flow::admin::{self, Admin};
use crate::flow::{FlowError, Services};
use crate::report::{self, ACTIVITIES, ActivityReport, ChartText, Coverage, CoverageRow, FAILURES, Period};
use crate::store::{AuditFilter, FoundEvent};

mod activity;
mod audit;
mod campaign;
mod coverage;
mod webhooks;
use activity::*;
use audit::*;
use campaign::*;
use coverage::*;
use webhooks::*;

/// Rows per page of the audit search and the coverage list.
const PAGE: i64 = 100;
/// Most rows one CSV download holds.
const CSV_ROWS: i64 = 100_000;

pub fn routes() -> Router<Arc<Services>> {
    Router::new()
        .merge(super::staff::routes::<AdminArea>())
        .route("/admin", get(home))
        .route("/admin/coverage", get(coverage))
        .route("/admin/coverage.csv", get(coverage_csv))
        .route("/admin/campaign", get(campaign))
        .route("/admin/activity", get(activity))
        .route("/admin/activity.csv", get(activity_csv))
        .route("/admin/audit", get(audit))
        .route("/admin/audit.csv", get(audit_csv))
        .route("/admin/webhooks", get(webhooks))
        .route("/admin/webhooks/retry", axum::routing::post(retry))
}

/// A signed-in admin, or the answer for whoever is not one.
pub struct AdminUser(pub Admin);

impl FromRequestParts<Arc<Services>> for AdminUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, s: &Arc<Services>) -> Result<Self, Self::Rejection> {
        super::staff::signed_in::<AdminArea>(parts, s).await.map(AdminUser)
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

    pub fn links(&self) -> [(&'static str, &'static str, bool); 6] {
        [
            ("/admin", "admin-nav-home", self.current == "home"),
            ("/admin/coverage", "admin-nav-coverage", self.current == "coverage"),
            ("/admin/campaign", "admin-nav-campaign", self.current == "campaign"),
            ("/admin/activity", "admin-nav-activity", self.current == "activity"),
            ("/admin/audit", "admin-nav-audit", self.current == "audit"),
            ("/admin/webhooks", "admin-nav-webhooks", self.current == "webhooks"),
        ]
    }
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
