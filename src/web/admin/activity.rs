//! The activity page: changes, resets and unlocks over a period, and why the rest failed.

use super::*;

#[derive(Deserialize, Default)]
pub(super) struct PeriodQuery {
    from: Option<String>,
    to: Option<String>,
    days: Option<String>,
}

impl PeriodQuery {
    /// The period asked for; the last 30 days when none (or a bad one) was given, with a note.
    fn period(&self, now: i64) -> (Period, bool) {
        let default = Period::last_days(now, 30);
        match (
            self.from.as_deref().filter(|v| !v.is_empty()),
            self.to.as_deref().filter(|v| !v.is_empty()),
            self.days.as_deref(),
        ) {
            (Some(from), Some(to), _) => Period::parse(from, to).map_or((default, true), |p| (p, false)),
            (None, None, Some(days)) => Period::since(days, now).map_or((default, true), |p| (p, false)),
            (None, None, None) => (default, false),
            _ => (default, true),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/activity.html")]
pub(super) struct ActivityPage {
    l: Layout,
    nav: Nav,
    report: ActivityReport,
    bad_period: bool,
    chart: String,
    csv_href: String,
}

impl ActivityPage {
    fn activity_name(&self, i: &usize) -> String {
        self.l.t(&format!("admin-activity-{}", ACTIVITIES[*i].as_str()))
    }

    fn activity_key(&self, a: &report::Activity) -> String {
        self.l.t(&format!("admin-activity-{}", a.as_str()))
    }

    fn rate(&self, i: &usize) -> String {
        let a = ACTIVITIES[*i];
        self.report.totals[*i].success_percent(a).map_or("–".to_owned(), |p| format!("{p} %"))
    }

    fn failure_name(&self, i: &usize) -> String {
        self.l.t(&format!("admin-failure-{}", FAILURES[*i].as_str().replace('_', "-")))
    }

    fn method_name(&self, m: &str) -> String {
        m.split('+').map(|k| self.l.t(&format!("admin-method-{k}"))).collect::<Vec<_>>().join(" + ")
    }

    fn day(&self, d: &i64) -> String {
        report::day_text(*d)
    }
}

pub(super) async fn activity(
    p: Page,
    AdminUser(a): AdminUser,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, Error> {
    let (s, ctx) = (&p.s, &p.ctx);
    let (period, bad_period) = q.period(s.clock.now());
    let counts = s.db.audit_day_counts(period.from_ts(), period.to_ts()).await.map_err(FlowError::from)?;
    let report = ActivityReport::build(period, &counts);
    let series = ACTIVITIES.map(|x| ctx.lang.t(&format!("admin-activity-{}", x.as_str())));
    let (first, last) = (period.first_date(), period.last_date());
    let title = ctx.lang.t_with("admin-chart-title", &[("from", first.as_str().into()), ("to", last.as_str().into())]);
    let chart = report::chart_svg(
        &report,
        &ChartText { title: &title, series: [&series[0], &series[1], &series[2], &series[3]] },
    );
    let page = ActivityPage {
        l: p.layout("admin-activity-title"),
        nav: Nav::new("activity", &a),
        csv_href: format!("/admin/activity.csv?from={}&to={}", period.first_date(), period.last_date()),
        report,
        bad_period,
        chart,
    };
    Ok(html(&page)?.into_response())
}

pub(super) async fn activity_csv(
    p: Page,
    AdminUser(a): AdminUser,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, Error> {
    let s = &p.s;
    let (period, _) = q.period(s.clock.now());
    let counts = s.db.audit_day_counts(period.from_ts(), period.to_ts()).await.map_err(FlowError::from)?;
    admin::exported(s, &p.who, &a, "export_activity").await;
    Ok(csv_response(s, "activity", report::activity_csv(&counts)))
}
