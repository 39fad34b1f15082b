//! The registration campaign's part of a scheduler pass (`reminders.rs`): who in scope has not
//! registered enough methods (as the admin's coverage report judges it, `report::Coverage`)
//! and is due a nudge: none yet, or the last `campaign.every_days` ago, and fewer than
//! `campaign.max_mails` so far. Someone who registers drops out of the list at once. Each pass
//! also records the day's coverage for the campaign page's chart.

use super::planned::{MailKind, Planned, addressed};
use super::{FlowError, Services};
use crate::clock::UnixTime;
use crate::directory::expiry::Expiring;
use crate::report::Coverage;
use crate::store::CoverageDay;

const DAY: i64 = 86_400;

/// The nudges due now, and today's coverage.
pub(super) async fn due(
    services: &Services,
    listed: &[Expiring],
    now: UnixTime,
) -> Result<(Vec<Planned>, CoverageDay), FlowError> {
    let coverage = coverage_of(services, listed).await?;
    let campaign = &services.config.campaign;
    let mut planned = Vec::new();
    for account in listed.iter().filter(|a| !a.user.state.disabled) {
        let Some(row) = coverage.rows.iter().find(|r| r.user_id == account.user.id.0) else { continue };
        if row.enough {
            continue;
        }
        let (sent, last) = services.db.campaign_mails_to(&row.user_id).await?;
        if sent >= campaign.max_mails || last.is_some_and(|at| now - at < i64::from(campaign.every_days) * DAY) {
            continue;
        }
        planned.extend(addressed(services, account, MailKind::Nudge { nth: sent + 1 }).await?);
    }
    let today =
        CoverageDay { day: now.div_euclid(DAY), in_scope: count(coverage.in_scope), enough: count(coverage.enough) };
    Ok((planned, today))
}

async fn coverage_of(services: &Services, listed: &[Expiring]) -> Result<Coverage, FlowError> {
    let users: Vec<_> = listed.iter().map(|a| a.user.clone()).collect();
    let summaries = services.db.method_summaries().await?;
    let truncated = users.len() >= services.config.reminders.max_accounts;
    Ok(Coverage::build(&services.config, &users, &summaries, truncated))
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
