//! Usage reports for administrators, built from the audit trail and the registered methods:
//! the same numbers feed the admin pages, their CSV downloads and `rekey report`.
//!
//! Definitions (the admin pages say them too):
//! - *succeeded*: a method registered; a password changed; a password reset; an account
//!   unlocked.
//! - *started*: reset and unlock attempts begun (a username submitted); change attempts (every
//!   submission of the change form that reached the directory or a limit); registration
//!   sign-ins.
//! - *failed steps*: every step that ended in a failure, by reason: one attempt can fail
//!   several steps (two wrong codes, then the right one) and still succeed.

mod coverage_chart;
mod progress;

use std::collections::BTreeMap;

use crate::clock::UnixTime;
use crate::config::{Config, MethodKind};
use crate::directory::DirUser;
use crate::policy;
use crate::store::{DayCount, FoundEvent, MethodSummary};
pub use coverage_chart::{CoverageDayRow, coverage_rows, coverage_svg};
pub use progress::listed_with_progress;

const DAY: i64 = 86_400;

/// The four things people come to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Activity {
    Register,
    Change,
    Reset,
    Unlock,
}

pub const ACTIVITIES: [Activity; 4] = [Activity::Register, Activity::Change, Activity::Reset, Activity::Unlock];

impl Activity {
    pub fn as_str(self) -> &'static str {
        match self {
            Activity::Register => "register",
            Activity::Change => "change",
            Activity::Reset => "reset",
            Activity::Unlock => "unlock",
        }
    }

    fn parse(flow: &str) -> Option<Activity> {
        ACTIVITIES.into_iter().find(|a| a.as_str() == flow)
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The audit event that completes it.
    fn completing_event(self) -> &'static str {
        match self {
            Activity::Register => "method_added",
            Activity::Change => "change",
            Activity::Reset => "reset",
            Activity::Unlock => "unlock",
        }
    }
}

/// Why a step failed, grouped the way an admin acts on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Failure {
    WrongCode,
    WrongPassword,
    LockedOut,
    Policy,
    DirectoryUnavailable,
    RateLimited,
    NotAllowed,
    Other,
}

pub const FAILURES: [Failure; 8] = [
    Failure::WrongCode,
    Failure::WrongPassword,
    Failure::LockedOut,
    Failure::Policy,
    Failure::DirectoryUnavailable,
    Failure::RateLimited,
    Failure::NotAllowed,
    Failure::Other,
];

impl Failure {
    pub fn as_str(self) -> &'static str {
        match self {
            Failure::WrongCode => "wrong_code",
            Failure::WrongPassword => "wrong_password",
            Failure::LockedOut => "locked_out",
            Failure::Policy => "policy",
            Failure::DirectoryUnavailable => "directory_unavailable",
            Failure::RateLimited => "rate_limited",
            Failure::NotAllowed => "not_allowed",
            Failure::Other => "other",
        }
    }

    /// The group of an audit reason code.
    pub fn of(reason: &str) -> Failure {
        match reason {
            "wrong_code" | "wrong_answer" | "passkey_refused" | "code_expired" | "code_reused" | "no_code_sent" => {
                Failure::WrongCode
            }
            "bad_credentials" => Failure::WrongPassword,
            "locked" | "too_many_wrong_codes" | "self_service_paused" => Failure::LockedOut,
            "too_short"
            | "too_long"
            | "in_history"
            | "too_young"
            | "insufficient_quality"
            | "mod_not_allowed"
            | "must_supply_old_password"
            | "other"
            | "quality_too_short"
            | "quality_classes"
            | "quality_own_name"
            | "quality_banned"
            | "quality_breached"
            | "quality_guessable" => Failure::Policy,
            "directory_unavailable" | "directory_unconfirmed" => Failure::DirectoryUnavailable,
            "rate_limited" => Failure::RateLimited,
            "out_of_scope" | "must_change" | "second_method_missing" | "second_method_cooling_off" | "not_admin" => {
                Failure::NotAllowed
            }
            _ => Failure::Other,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A run of whole UTC days, `[first, end)` in days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub first: i64,
    pub end: i64,
}

/// Longest period a report covers.
pub const MAX_DAYS: i64 = 366;

impl Period {
    /// The `days` days up to and including today.
    pub fn last_days(now: UnixTime, days: i64) -> Period {
        let today = now.div_euclid(DAY);
        Period { first: today - days.clamp(1, MAX_DAYS) + 1, end: today + 1 }
    }

    /// From `YYYY-MM-DD` to `YYYY-MM-DD`, both included. `None` for a malformed or reversed
    /// pair, or one longer than [`MAX_DAYS`].
    pub fn parse(from: &str, to: &str) -> Option<Period> {
        let first = parse_day(from)?;
        let last = parse_day(to)?;
        (first <= last && last - first < MAX_DAYS).then_some(Period { first, end: last + 1 })
    }

    /// `30d`, `12w` or `7` (days), as `rekey report --since` takes it.
    pub fn since(text: &str, now: UnixTime) -> Option<Period> {
        let text = text.trim();
        let (number, unit) = match text.char_indices().last()? {
            (i, 'd') => (&text[..i], 1),
            (i, 'w') => (&text[..i], 7),
            _ => (text, 1),
        };
        let n: i64 = number.parse().ok()?;
        (n >= 1 && n * unit <= MAX_DAYS).then(|| Period::last_days(now, n * unit))
    }

    pub fn from_ts(&self) -> UnixTime {
        self.first * DAY
    }

    pub fn to_ts(&self) -> UnixTime {
        self.end * DAY
    }

    pub fn days(&self) -> impl Iterator<Item = i64> {
        self.first..self.end
    }

    pub fn len(&self) -> i64 {
        self.end - self.first
    }

    pub fn is_empty(&self) -> bool {
        self.len() <= 0
    }

    pub fn first_date(&self) -> String {
        day_text(self.first)
    }

    pub fn last_date(&self) -> String {
        day_text(self.end - 1)
    }
}

fn parse_day(text: &str) -> Option<i64> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = time::Date::parse(text.trim(), format).ok()?;
    Some(date.midnight().assume_utc().unix_timestamp().div_euclid(DAY))
}

/// `YYYY-MM-DD` for a day number.
pub fn day_text(day: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(day * DAY).map(|t| t.date().to_string()).unwrap_or_default()
}

/// `YYYY-MM-DD HH:MM:SS UTC` for a time.
pub fn time_text(at: UnixTime) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second] UTC");
    time::OffsetDateTime::from_unix_timestamp(at).ok().and_then(|t| t.format(format).ok()).unwrap_or_default()
}

/// One activity's numbers over a period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub started: u64,
    pub succeeded: u64,
    pub failed_steps: u64,
}

impl Totals {
    /// Succeeded per started, in whole percent; `None` when nothing started (or for
    /// registration, where a sign-in may add several methods).
    pub fn success_percent(&self, activity: Activity) -> Option<u64> {
        if activity == Activity::Register || self.started == 0 {
            return None;
        }
        Some((self.succeeded * 100 + self.started / 2) / self.started)
    }
}

/// One day's successes and failed steps per activity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayRow {
    pub day: i64,
    pub succeeded: [u64; 4],
    pub failed: [u64; 4],
}

/// One method's steps within an activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodRow {
    pub activity: Activity,
    pub method: String,
    pub succeeded: u64,
    pub failed: u64,
}

/// The activity report for a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityReport {
    pub period: Period,
    pub days: Vec<DayRow>,
    pub totals: [Totals; 4],
    /// Steps per method: methods registered, codes checked, passwords changed.
    pub methods: Vec<MethodRow>,
    /// Completed resets and unlocks by the methods that proved the person (`email+totp`).
    pub completed_with: Vec<(Activity, String, u64)>,
    /// Failed steps per reason group, per activity.
    pub failures: [[u64; 4]; 8],
    /// The reason codes behind each group, with their counts, for the curious admin.
    pub reasons: Vec<(Failure, String, u64)>,
}

impl ActivityReport {
    pub fn build(period: Period, counts: &[DayCount]) -> ActivityReport {
        let mut days: Vec<DayRow> = period.days().map(|day| DayRow { day, ..DayRow::default() }).collect();
        let mut totals = [Totals::default(); 4];
        let mut methods: BTreeMap<(Activity, String), (u64, u64)> = BTreeMap::new();
        let mut completed: BTreeMap<(Activity, String), u64> = BTreeMap::new();
        let mut failures = [[0u64; 4]; 8];
        let mut reasons: BTreeMap<(Failure, String), u64> = BTreeMap::new();
        for c in counts {
            let Some(activity) = c.flow.as_deref().and_then(Activity::parse) else { continue };
            let n = u64::try_from(c.count).unwrap_or(0);
            let a = activity.index();
            let row = usize::try_from(c.day - period.first).ok().and_then(|i| days.get_mut(i));
            let failed = c.outcome == "failure";
            let method = c.method.clone().unwrap_or_default();
            // Started.
            let starts = match activity {
                Activity::Reset | Activity::Unlock => c.event == "started",
                Activity::Change => c.event == "change" || (c.event == "sign_in" && failed),
                Activity::Register => c.event == "sign_in",
            };
            if starts {
                totals[a].started += n;
            }
            // Succeeded.
            if c.event == activity.completing_event() && c.outcome == "success" {
                totals[a].succeeded += n;
                if let Some(row) = row {
                    row.succeeded[a] += n;
                }
                if matches!(activity, Activity::Reset | Activity::Unlock) {
                    *completed.entry((activity, method.clone())).or_default() += n;
                }
            } else if failed {
                totals[a].failed_steps += n;
                if let Some(row) = days.get_mut(usize::try_from(c.day - period.first).unwrap_or(usize::MAX)) {
                    row.failed[a] += n;
                }
                let reason = c.reason.clone().unwrap_or_default();
                let group = Failure::of(&reason);
                failures[group.index()][a] += n;
                *reasons.entry((group, reason)).or_default() += n;
            }
            // Per method.
            let method_step = match activity {
                Activity::Register => c.event == "method_added",
                Activity::Change => c.event == "change",
                Activity::Reset | Activity::Unlock => c.event == "verify",
            };
            if method_step && !method.is_empty() {
                let entry = methods.entry((activity, method)).or_default();
                match c.outcome.as_str() {
                    "success" => entry.0 += n,
                    "failure" => entry.1 += n,
                    _ => {}
                }
            }
        }
        ActivityReport {
            period,
            days,
            totals,
            methods: methods
                .into_iter()
                .map(|((activity, method), (succeeded, failed))| MethodRow { activity, method, succeeded, failed })
                .collect(),
            completed_with: completed.into_iter().map(|((a, m), n)| (a, m, n)).collect(),
            failures,
            reasons: reasons.into_iter().map(|((g, r), n)| (g, r, n)).collect(),
        }
    }

    /// The biggest day's total successes, for the chart's scale.
    pub fn busiest_day(&self) -> u64 {
        self.days.iter().map(|d| d.succeeded.iter().sum::<u64>()).max().unwrap_or(0)
    }
}

/// A line of the activity CSV: the audit counts per day, with the report's groupings.
pub fn activity_csv(counts: &[DayCount]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(["date", "activity", "event", "outcome", "reason", "reason_group", "method", "count"]);
    for c in counts {
        let Some(activity) = c.flow.as_deref().and_then(Activity::parse) else { continue };
        let reason = c.reason.as_deref().unwrap_or("");
        let group = if c.outcome == "failure" { Failure::of(reason).as_str() } else { "" };
        let count = c.count.to_string();
        let _ = w.write_record([
            day_text(c.day).as_str(),
            activity.as_str(),
            &c.event,
            &c.outcome,
            reason,
            group,
            c.method.as_deref().unwrap_or(""),
            &count,
        ]);
    }
    w.into_inner().unwrap_or_default()
}

/// Audit records as CSV, newest first, every text a person could type made harmless for
/// spreadsheets.
pub fn audit_csv(events: &[FoundEvent]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "id",
        "time_utc",
        "event",
        "flow",
        "outcome",
        "reason",
        "method",
        "login",
        "user_id",
        "source_ip",
        "user_agent",
        "request_id",
    ]);
    for f in events {
        let e = &f.event;
        let o = |v: &Option<String>| cell(v.as_deref().unwrap_or(""));
        let _ = w.write_record([
            f.id.to_string(),
            time_text(e.at),
            cell(&e.event),
            o(&e.flow),
            cell(&e.outcome),
            o(&e.reason),
            o(&e.method),
            o(&e.login),
            o(&e.user_id),
            o(&e.source_ip),
            o(&e.user_agent),
            o(&e.request_id),
        ]);
    }
    w.into_inner().unwrap_or_default()
}

/// A cell a spreadsheet will not run as a formula (OWASP "CSV injection").
pub fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() }
}

/// One in-scope person and what they have registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageRow {
    pub user_id: String,
    pub login: String,
    pub display_name: String,
    /// (kind, how many), e.g. `[("email", 1), ("totp", 2)]`.
    pub methods: Vec<(String, i64)>,
    pub first_registered: Option<UnixTime>,
    pub last_registered: Option<UnixTime>,
    /// Registered at least as many kinds as the policy requires.
    pub enough: bool,
}

/// Who in scope has registered enough methods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub rows: Vec<CoverageRow>,
    pub in_scope: usize,
    pub enough: usize,
    /// Some registered, but fewer kinds than required.
    pub partly: usize,
    /// The directory listing reached its limit: there may be more people.
    pub truncated: bool,
}

impl Coverage {
    /// Of the listed `users`, those in scope, each with what they registered. Enough is judged
    /// per person, as a reset would: the methods that count for them (a group rule may exclude
    /// some) against the number their rules require.
    pub fn build(config: &Config, users: &[DirUser], summaries: &[MethodSummary], truncated: bool) -> Coverage {
        let mut by_user: BTreeMap<&str, Vec<&MethodSummary>> = BTreeMap::new();
        for s in summaries {
            by_user.entry(s.user_id.as_str()).or_default().push(s);
        }
        let mut rows: Vec<CoverageRow> = users
            .iter()
            .filter(|u| policy::in_scope(config, u))
            .map(|u| {
                let mine = by_user.get(u.id.as_str()).map(Vec::as_slice).unwrap_or_default();
                let kinds: Vec<MethodKind> = mine.iter().filter_map(|s| MethodKind::parse(&s.kind)).collect();
                let required = usize::from(policy::effective(config, u).methods_required.max(1));
                CoverageRow {
                    methods: mine.iter().map(|s| (s.kind.clone(), s.count)).collect(),
                    first_registered: mine.iter().map(|s| s.first_at).min(),
                    last_registered: mine.iter().map(|s| s.last_at).max(),
                    enough: policy::counted(config, u, &kinds) >= required,
                    user_id: u.id.0.clone(),
                    login: u.login.clone(),
                    display_name: u.display_name.clone(),
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            a.display_name.to_lowercase().cmp(&b.display_name.to_lowercase()).then(a.login.cmp(&b.login))
        });
        let enough = rows.iter().filter(|r| r.enough).count();
        let partly = rows.iter().filter(|r| !r.enough && !r.methods.is_empty()).count();
        Coverage { in_scope: rows.len(), enough, partly, rows, truncated }
    }

    /// Enough, in whole percent of those in scope.
    pub fn percent(&self) -> Option<usize> {
        (self.in_scope > 0).then(|| (self.enough * 100 + self.in_scope / 2) / self.in_scope)
    }
}

pub fn coverage_csv(rows: &[&CoverageRow]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(["login", "name", "methods", "first_registered_utc", "last_registered_utc", "enough"]);
    for r in rows {
        let methods = r.methods.iter().map(|(k, n)| format!("{k}:{n}")).collect::<Vec<_>>().join(" ");
        let _ = w.write_record([
            cell(&r.login),
            cell(&r.display_name),
            methods,
            r.first_registered.map(time_text).unwrap_or_default(),
            r.last_registered.map(time_text).unwrap_or_default(),
            if r.enough { "yes".into() } else { "no".into() },
        ]);
    }
    w.into_inner().unwrap_or_default()
}

/// The report as plain text for `rekey report`.
pub fn text(report: &ActivityReport, coverage: Option<&Coverage>, registered_accounts: usize) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let p = &report.period;
    let _ = writeln!(out, "rekey usage, {} to {} (UTC, {} days)\n", p.first_date(), p.last_date(), p.len());
    let _ = writeln!(
        out,
        "{:<10} {:>9} {:>10} {:>8} {:>13}",
        "activity", "started", "succeeded", "success", "failed steps"
    );
    for a in ACTIVITIES {
        let t = report.totals[a.index()];
        let rate = t.success_percent(a).map_or("-".to_owned(), |p| format!("{p}%"));
        let _ =
            writeln!(out, "{:<10} {:>9} {:>10} {:>8} {:>13}", a.as_str(), t.started, t.succeeded, rate, t.failed_steps);
    }
    let _ = writeln!(out, "\nsteps by method");
    let _ = writeln!(out, "{:<10} {:<12} {:>10} {:>8}", "activity", "method", "succeeded", "failed");
    for m in &report.methods {
        let _ = writeln!(out, "{:<10} {:<12} {:>10} {:>8}", m.activity.as_str(), m.method, m.succeeded, m.failed);
    }
    if !report.completed_with.is_empty() {
        let _ = writeln!(out, "\ncompleted with");
        for (a, m, n) in &report.completed_with {
            let _ = writeln!(out, "{:<10} {:<12} {:>10}", a.as_str(), m, n);
        }
    }
    let _ = writeln!(out, "\nfailed steps by reason");
    let _ = writeln!(out, "{:<22} {:>9} {:>7} {:>7} {:>7}", "reason", "register", "change", "reset", "unlock");
    for f in FAILURES {
        let row = report.failures[f.index()];
        if row.iter().any(|n| *n > 0) {
            let _ = writeln!(out, "{:<22} {:>9} {:>7} {:>7} {:>7}", f.as_str(), row[0], row[1], row[2], row[3]);
        }
    }
    let _ = writeln!(out, "\nregistration");
    let _ = writeln!(out, "accounts with a registered method: {registered_accounts}");
    match coverage {
        Some(c) => {
            let pct = c.percent().map_or("-".to_owned(), |p| format!("{p}%"));
            let more = if c.truncated { " (the directory listing was cut off; there are more)" } else { "" };
            let _ = writeln!(out, "in scope: {}{more}", c.in_scope);
            let _ = writeln!(out, "registered enough: {} ({pct}), some but not enough: {}", c.enough, c.partly);
        }
        None => {
            let _ = writeln!(out, "in scope: unknown (the directory could not be listed)");
        }
    }
    out
}

mod chart;
pub use chart::{ChartText, chart_svg};

#[cfg(test)]
mod tests;
