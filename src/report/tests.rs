use super::chart::nice_max;
use super::*;

fn count(
    day: i64,
    event: &str,
    flow: &str,
    outcome: &str,
    reason: Option<&str>,
    method: Option<&str>,
    n: i64,
) -> DayCount {
    DayCount {
        day,
        event: event.into(),
        flow: Some(flow.into()),
        outcome: outcome.into(),
        reason: reason.map(Into::into),
        method: method.map(Into::into),
        count: n,
    }
}

#[test]
fn periods_parse_and_bound() {
    let now = 20_000 * DAY + 5;
    assert_eq!(Period::since("30d", now), Some(Period { first: 19_971, end: 20_001 }));
    assert_eq!(Period::since("2w", now).map(|p| p.len()), Some(14));
    assert_eq!(Period::since("7", now).map(|p| p.len()), Some(7));
    assert_eq!(Period::since("0d", now), None);
    assert_eq!(Period::since("400d", now), None);
    assert_eq!(Period::since("x", now), None);
    let p = Period::parse("2026-11-01", "2026-11-30").unwrap();
    assert_eq!((p.len(), p.first_date(), p.last_date()), (30, "2026-11-01".into(), "2026-11-30".into()));
    assert_eq!(Period::parse("2026-11-30", "2026-11-01"), None);
    assert_eq!(Period::parse("2026-13-01", "2026-11-01"), None);
}

#[test]
fn the_report_counts_starts_successes_and_failures() {
    let p = Period { first: 100, end: 102 };
    let counts = vec![
        count(100, "started", "reset", "started", None, None, 3),
        count(100, "verify", "reset", "failure", Some("wrong_code"), Some("email"), 2),
        count(100, "verify", "reset", "success", None, Some("email"), 2),
        count(101, "reset", "reset", "success", None, Some("email"), 2),
        count(101, "reset", "reset", "failure", Some("in_history"), Some("email"), 1),
        count(101, "started", "reset", "failure", Some("rate_limited"), None, 1),
        count(101, "sign_in", "change", "failure", Some("locked"), Some("password"), 1),
        count(101, "change", "change", "success", None, Some("password"), 1),
        count(101, "method_added", "register", "success", None, Some("totp"), 1),
        count(99, "reset", "reset", "success", None, None, 5), // outside: the store would not return it
    ];
    let r = ActivityReport::build(p, &counts[..9]);
    let reset = r.totals[Activity::Reset as usize];
    // The start refused by a rate limit was started too.
    assert_eq!(reset, Totals { started: 4, succeeded: 2, failed_steps: 4 });
    assert_eq!(reset.success_percent(Activity::Reset), Some(50));
    assert_eq!(r.totals[Activity::Change as usize], Totals { started: 2, succeeded: 1, failed_steps: 1 });
    assert_eq!(r.days[1].succeeded, [1, 1, 2, 0]);
    assert_eq!(r.days[0].failed, [0, 0, 2, 0]);
    assert_eq!(r.failures[Failure::WrongCode as usize][2], 2);
    assert_eq!(r.failures[Failure::Policy as usize][2], 1);
    assert_eq!(r.failures[Failure::RateLimited as usize][2], 1);
    assert_eq!(r.failures[Failure::LockedOut as usize][1], 1);
    assert_eq!(r.completed_with, vec![(Activity::Reset, "email".into(), 2)]);
    assert!(r.methods.contains(&MethodRow {
        activity: Activity::Reset,
        method: "email".into(),
        succeeded: 2,
        failed: 2
    }));
    let svg = chart_svg(&r, &ChartText { title: "t", series: ["a", "b", "c", "d"] });
    assert_eq!(svg.matches("data-count=").count(), 3, "{svg}");
    assert!(svg.contains(r#"data-day="1970-04-12" data-activity="reset" data-count="2""#), "{svg}");
}

#[test]
fn csv_cells_cannot_become_formulas() {
    assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
    assert_eq!(cell("+1"), "'+1");
    assert_eq!(cell("alice"), "alice");
    let ev = FoundEvent {
        id: 1,
        event: crate::store::AuditEvent {
            event: "reset".into(),
            outcome: "success".into(),
            user_agent: Some("@evil, \"quoted\"".into()),
            ..Default::default()
        },
    };
    let text = String::from_utf8(audit_csv(&[ev])).unwrap();
    assert!(text.contains("\"'@evil, \"\"quoted\"\"\""), "{text}");
}

#[test]
fn the_scale_is_round() {
    assert_eq!(nice_max(0), 4);
    assert_eq!(nice_max(5), 8);
    assert_eq!(nice_max(9), 20);
    assert_eq!(nice_max(41), 80);
    assert_eq!(nice_max(150), 200);
}
