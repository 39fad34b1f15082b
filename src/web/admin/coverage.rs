//! The registration coverage page and its CSV. The directory is listed in the background
//! (see [`crate::flow::listing`]): while it runs, the page says how many accounts were read so
//! far and reloads itself; a listing that failed is said so, with a link to try again.

use super::*;
use crate::flow::listing::{LISTING_WAIT, Snapshot};

#[derive(Deserialize, Default)]
pub(super) struct CoverageQuery {
    q: Option<String>,
    show: Option<String>,
    page: Option<String>,
    refresh: Option<String>,
}

impl CoverageQuery {
    fn matches(&self, r: &CoverageRow) -> bool {
        let q = self.q.as_deref().unwrap_or("").trim().to_lowercase();
        let text = q.is_empty() || r.login.to_lowercase().contains(&q) || r.display_name.to_lowercase().contains(&q);
        let show = match self.show.as_deref() {
            Some("missing") => !r.enough,
            Some("enough") => r.enough,
            _ => true,
        };
        text && show
    }

    /// The filter as a query string, without the page or the refresh.
    fn filter(&self) -> String {
        serde_urlencoded::to_string([
            ("q", self.q.clone().unwrap_or_default()),
            ("show", self.show.clone().unwrap_or_default()),
        ])
        .unwrap_or_default()
    }
}

#[derive(Template)]
#[template(path = "admin/coverage.html")]
struct CoveragePage {
    l: Layout,
    nav: Nav,
    coverage: Option<Coverage>,
    /// The last listing failed: the accounts it had read.
    failed: Option<usize>,
    /// A listing is running: the accounts read so far.
    running: Option<usize>,
    /// Where the page reloads itself while a listing runs (the same filter, no new listing).
    reload_href: String,
    rows: Vec<CoverageRow>,
    matching: usize,
    q: String,
    show: String,
    pager: Pager,
    csv_href: String,
    required: u8,
    /// When the directory was read (the listing is reused for a couple of minutes).
    listed_at: String,
}

impl CoveragePage {
    fn when(&self, at: &Option<i64>) -> String {
        at.map(report::time_text).unwrap_or_default()
    }

    fn methods_text(&self, r: &CoverageRow) -> String {
        r.methods
            .iter()
            .map(|(k, n)| {
                let name = self.l.t(&format!("admin-method-{k}"));
                if *n > 1 { format!("{name} ×{n}") } else { name }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The coverage of the last complete listing, if there is one.
async fn built(s: &Services, snapshot: &Snapshot) -> Result<Option<(Coverage, i64)>, Error> {
    let Some(listed) = &snapshot.listed else { return Ok(None) };
    let summaries = s.db.method_summaries().await.map_err(FlowError::from)?;
    Ok(Some((Coverage::build(&s.config, &listed.users, &summaries, listed.truncated), listed.at)))
}

pub(super) async fn coverage(
    p: Page,
    AdminUser(a): AdminUser,
    Query(q): Query<CoverageQuery>,
) -> Result<Response, Error> {
    let s = &p.s;
    let snapshot = s.listing.snapshot(s, q.refresh.is_some(), LISTING_WAIT).await;
    let loaded = built(s, &snapshot).await?;
    let listed_at = loaded.as_ref().map(|(_, at)| report::time_text(*at)).unwrap_or_default();
    let coverage = loaded.map(|(c, _)| c);
    let matching: Vec<CoverageRow> =
        coverage.as_ref().map(|c| c.rows.iter().filter(|r| q.matches(r)).cloned().collect()).unwrap_or_default();
    let pager = Pager::new(q.page.as_deref(), i64::try_from(matching.len()).unwrap_or(0));
    let start = usize::try_from(pager.offset()).unwrap_or(0);
    let rows = matching.iter().skip(start).take(usize::try_from(PAGE).unwrap_or(100)).cloned().collect();
    let query = q.filter();
    let mut reload_href = format!("/admin/coverage?{query}");
    if let Some(page) = q.page.as_deref().filter(|p| p.parse::<i64>().is_ok()) {
        reload_href.push_str(&format!("&page={page}"));
    }
    let page = CoveragePage {
        l: p.layout("admin-coverage-title"),
        nav: Nav::new("coverage", &a),
        failed: snapshot.failed.as_ref().filter(|_| snapshot.running.is_none()).map(|f| f.so_far),
        running: snapshot.running,
        reload_href,
        matching: matching.len(),
        rows,
        q: q.q.clone().unwrap_or_default(),
        show: q.show.clone().unwrap_or_default(),
        pager: pager.with_base(format!("/admin/coverage?{query}")),
        csv_href: format!("/admin/coverage.csv?{query}"),
        coverage,
        required: s.config.policy.methods_required,
        listed_at,
    };
    Ok(html(&page)?.into_response())
}

/// The last complete listing as CSV; without one yet, the coverage page (which shows the
/// listing's progress).
pub(super) async fn coverage_csv(
    p: Page,
    AdminUser(a): AdminUser,
    Query(q): Query<CoverageQuery>,
) -> Result<Response, Error> {
    let s = &p.s;
    let snapshot = s.listing.snapshot(s, false, LISTING_WAIT).await;
    let Some((coverage, _)) = built(s, &snapshot).await? else {
        return Ok(Redirect::to(&format!("/admin/coverage?{}", q.filter())).into_response());
    };
    let rows: Vec<&CoverageRow> = coverage.rows.iter().filter(|r| q.matches(r)).collect();
    admin::exported(s, &p.who, &a, "export_coverage").await;
    Ok(csv_response(s, "coverage", report::coverage_csv(&rows)))
}
