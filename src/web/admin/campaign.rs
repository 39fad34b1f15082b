//! The registration campaign's page: coverage per day over the last 90 days (a chart and the
//! same numbers in a table), the mails the scheduler sent, and how many are still missing
//! (listed, as ever, on the coverage page).

use super::*;
use crate::report::CoverageDayRow;

/// Days the chart shows.
const DAYS: i64 = 90;

#[derive(Template)]
#[template(path = "admin/campaign.html")]
pub(super) struct CampaignPage {
    l: Layout,
    nav: Nav,
    enabled: bool,
    every_days: u32,
    max_mails: u32,
    rows: Vec<CoverageDayRow>,
    chart: String,
    nudges: i64,
    reminders: i64,
    /// In scope without enough methods, by the latest day.
    missing: Option<i64>,
}

pub(super) async fn campaign(p: Page, AdminUser(a): AdminUser) -> Result<Response, Error> {
    let s = &p.s;
    let now = s.clock.now();
    let days = s.db.coverage_days(now.div_euclid(86_400) - DAYS + 1).await.map_err(FlowError::from)?;
    let (nudges, reminders) = s.db.scheduler_mail_counts(now - 30 * 86_400).await.map_err(FlowError::from)?;
    let l = p.layout("admin-campaign-title");
    let rows = report::coverage_rows(&days);
    let page = CampaignPage {
        chart: report::coverage_svg(&rows, &l.t("admin-campaign-chart")),
        l,
        nav: Nav::new("campaign", &a),
        enabled: s.config.campaign.enabled,
        every_days: s.config.campaign.every_days,
        max_mails: s.config.campaign.max_mails,
        missing: days.last().map(|d| d.in_scope - d.enough),
        rows,
        nudges,
        reminders,
    };
    Ok(html(&page)?.into_response())
}
