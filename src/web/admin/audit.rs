//! The audit search, on the page and as CSV.

use super::*;

#[derive(Deserialize, Default)]
pub(super) struct AuditQuery {
    person: Option<String>,
    event: Option<String>,
    outcome: Option<String>,
    from: Option<String>,
    to: Option<String>,
    page: Option<String>,
}

/// Events an admin can pick from (anything else typed is searched as given), besides the
/// helpdesk console's (`flow::helpdesk::EVENTS`).
pub(super) const EVENTS: [&str; 18] = [
    "started",
    "code_sent",
    "verify",
    "reset",
    "unlock",
    "change",
    "sign_in",
    "method_added",
    "method_removed",
    "disowned",
    "admin_sign_in",
    "export_audit",
    crate::tamper::EVENT,
    "agent_refused",
    crate::agent::integrity::TAMPERED,
    crate::flow::sessions::EVENT,
    crate::flow::api::reads::CALL,
    crate::flow::webhooks::RETRIED,
];
pub(super) const OUTCOMES: [&str; 4] = ["success", "failure", "started", "blocked"];

impl AuditQuery {
    fn filter(&self) -> (AuditFilter, bool) {
        let text = |v: &Option<String>| {
            v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(|v| v.chars().take(256).collect::<String>())
        };
        let mut bad = false;
        let mut day = |v: &Option<String>, end: bool| {
            let v = text(v)?;
            match Period::parse(&v, &v) {
                Some(p) => Some(if end { p.to_ts() } else { p.from_ts() }),
                None => {
                    bad = true;
                    None
                }
            }
        };
        let from = day(&self.from, false);
        let to = day(&self.to, true);
        (
            AuditFilter {
                person: text(&self.person),
                event: text(&self.event),
                outcome: text(&self.outcome),
                from,
                to,
            },
            bad,
        )
    }

    fn query_string(&self) -> String {
        let v = |o: &Option<String>| o.clone().unwrap_or_default();
        serde_urlencoded::to_string([
            ("person", v(&self.person)),
            ("event", v(&self.event)),
            ("outcome", v(&self.outcome)),
            ("from", v(&self.from)),
            ("to", v(&self.to)),
        ])
        .unwrap_or_default()
    }
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
pub(super) struct AuditPage {
    l: Layout,
    nav: Nav,
    rows: Vec<FoundEvent>,
    total: i64,
    q: AuditQuery,
    bad_date: bool,
    pager: Pager,
    csv_href: String,
    events: Vec<&'static str>,
    outcomes: [&'static str; 4],
}

impl AuditPage {
    fn when(&self, at: &i64) -> String {
        report::time_text(*at)
    }

    fn v<'a>(&self, o: &'a Option<String>) -> &'a str {
        o.as_deref().unwrap_or("")
    }

    fn selected(&self, o: &Option<String>, value: &str) -> bool {
        o.as_deref() == Some(value)
    }
}

pub(super) async fn audit(p: Page, AdminUser(a): AdminUser, Query(q): Query<AuditQuery>) -> Result<Response, Error> {
    let s = &p.s;
    let (filter, bad_date) = q.filter();
    let total = s.db.audit_count(&filter).await.map_err(FlowError::from)?;
    let pager = Pager::new(q.page.as_deref(), total).with_base(format!("/admin/audit?{}", q.query_string()));
    let rows = s.db.audit_search(&filter, PAGE, pager.offset()).await.map_err(FlowError::from)?;
    let page = AuditPage {
        l: p.layout("admin-audit-title"),
        nav: Nav::new("audit", &a),
        rows,
        total,
        csv_href: format!("/admin/audit.csv?{}", q.query_string()),
        q,
        bad_date,
        pager,
        events: EVENTS.into_iter().chain(crate::flow::helpdesk::EVENTS).collect(),
        outcomes: OUTCOMES,
    };
    Ok(html(&page)?.into_response())
}

pub(super) async fn audit_csv(
    p: Page,
    AdminUser(a): AdminUser,
    Query(q): Query<AuditQuery>,
) -> Result<Response, Error> {
    let s = &p.s;
    let (filter, _) = q.filter();
    let rows = s.db.audit_search(&filter, CSV_ROWS, 0).await.map_err(FlowError::from)?;
    admin::exported(s, &p.who, &a, "export_audit").await;
    Ok(csv_response(s, "audit", report::audit_csv(&rows)))
}
