//! The audit trail in the store: events read back, the report queries, and the MAC chain.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use rekey::store::{AuditEvent, Db};

use super::{Case, NOW, each_db, method, new_id};

// --- audit ----------------------------------------------------------------------------------

#[tokio::test]
async fn audit_events_read_back_newest_first() {
    each_db(2, async |c| {
        let full = AuditEvent {
            at: NOW,
            event: "reset".into(),
            flow: Some("reset".into()),
            user_id: Some(new_id()),
            login: Some("alice".into()),
            outcome: "failure".into(),
            reason: Some("wrong_code".into()),
            method: Some("email".into()),
            source_ip: Some("192.0.2.7".into()),
            user_agent: Some("Mozilla/5.0".into()),
            request_id: Some(new_id()),
        };
        let sparse =
            AuditEvent { at: NOW + 1, event: "sign_in".into(), outcome: "success".into(), ..AuditEvent::default() };
        let last =
            AuditEvent { at: NOW + 2, event: "unlock".into(), outcome: "success".into(), ..AuditEvent::default() };
        for e in [&full, &sparse, &last] {
            c.db.append_audit(e, &mac).await.unwrap();
        }
        assert_eq!(c.db.recent_audit(10).await.unwrap(), vec![last.clone(), sparse.clone(), full]);
        assert_eq!(c.db.recent_audit(2).await.unwrap(), vec![last, sparse]);
    })
    .await;
}

#[tokio::test]
async fn report_queries_count_per_day_search_and_summarise_alike_on_both_databases() {
    each_db(2, async |c| {
        let day = NOW.div_euclid(86_400);
        let ev = |at: i64, event: &str, outcome: &str, reason: Option<&str>, login: &str| AuditEvent {
            at,
            event: event.into(),
            flow: Some("reset".into()),
            user_id: Some(format!("id-{login}")),
            login: Some(login.into()),
            outcome: outcome.into(),
            reason: reason.map(Into::into),
            method: Some("email".into()),
            source_ip: Some("192.0.2.9".into()),
            user_agent: Some("Mozilla/5.0".into()),
            request_id: None,
        };
        let start = day * 86_400;
        for e in [
            ev(start + 10, "verify", "failure", Some("wrong_code"), "Alice"),
            ev(start + 20, "verify", "failure", Some("wrong_code"), "bob"),
            ev(start + 30, "reset", "success", None, "Alice"),
            ev(start + 86_400 + 5, "reset", "success", None, "bob"),
            ev(start - 1, "reset", "success", None, "carol"),
        ] {
            c.db.append_audit(&e, &mac).await.unwrap();
        }
        let counts = c.db.audit_day_counts(start, start + 2 * 86_400).await.unwrap();
        let brief: Vec<(i64, &str, &str, i64)> =
            counts.iter().map(|d| (d.day - day, d.event.as_str(), d.outcome.as_str(), d.count)).collect();
        assert_eq!(
            brief,
            vec![(0, "reset", "success", 1), (0, "verify", "failure", 2), (1, "reset", "success", 1)],
            "{}",
            c.name
        );

        // Search: a login matches whatever its case; filters narrow; newest first; paging.
        let by_alice = rekey::store::AuditFilter { person: Some("alice".into()), ..Default::default() };
        let found = c.db.audit_search(&by_alice, 10, 0).await.unwrap();
        assert_eq!(found.iter().map(|f| f.event.event.as_str()).collect::<Vec<_>>(), ["reset", "verify"], "{}", c.name);
        assert_eq!(c.db.audit_count(&by_alice).await.unwrap(), 2);
        let failures_today = rekey::store::AuditFilter {
            outcome: Some("failure".into()),
            from: Some(start),
            to: Some(start + 86_400),
            ..Default::default()
        };
        assert_eq!(c.db.audit_count(&failures_today).await.unwrap(), 2);
        let page = c.db.audit_search(&failures_today, 1, 1).await.unwrap();
        assert_eq!(page[0].event.login.as_deref(), Some("Alice"), "{}", c.name);
        let by_id = rekey::store::AuditFilter {
            person: Some("id-bob".into()),
            event: Some("reset".into()),
            ..Default::default()
        };
        assert_eq!(c.db.audit_count(&by_id).await.unwrap(), 1);
        // A filter value is bound, never spliced into the SQL.
        let hostile = rekey::store::AuditFilter { person: Some("x' OR '1'='1".into()), ..Default::default() };
        assert_eq!(c.db.audit_count(&hostile).await.unwrap(), 0);

        // Methods per account and kind; the writeback queue is empty.
        for (user, kind, at) in
            [("u1", "email", NOW), ("u1", "email", NOW + 5), ("u1", "totp", NOW + 9), ("u2", "totp", NOW)]
        {
            c.db.insert_method(&method(user, kind, at)).await.unwrap();
        }
        let summaries = c.db.method_summaries().await.unwrap();
        let brief: Vec<(&str, &str, i64, i64, i64)> = summaries
            .iter()
            .map(|m| (m.user_id.as_str(), m.kind.as_str(), m.count, m.first_at - NOW, m.last_at - NOW))
            .collect();
        assert_eq!(
            brief,
            vec![("u1", "email", 2, 0, 5), ("u1", "totp", 1, 9, 9), ("u2", "totp", 1, 0, 0)],
            "{}",
            c.name
        );
        assert_eq!(c.db.agent_queue_depth().await.unwrap(), 0);
    })
    .await;
}

fn keys() -> &'static rekey::crypto::Keys {
    static KEYS: std::sync::OnceLock<rekey::crypto::Keys> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| rekey::crypto::Keys::derive(&[7u8; 32]))
}

fn mac(prev: &[u8], record: &[u8]) -> Vec<u8> {
    keys().audit_mac(prev, record)
}

fn event(i: i64) -> AuditEvent {
    AuditEvent {
        at: NOW + i,
        event: "reset".into(),
        flow: Some("reset".into()),
        login: Some(format!("user{i}")),
        outcome: "failure".into(),
        reason: Some("wrong_code".into()),
        ..AuditEvent::default()
    }
}

/// Searching by person reads the person's records through indexes, not the whole trail: on a
/// trail of millions of records a scan takes seconds per page, and the count beside it another.
/// The login is matched case-insensitively (`LOWER(login)`), which an index on `login` itself
/// cannot serve.
#[tokio::test]
async fn audit_search_by_person_reads_through_indexes_on_both_databases() {
    each_db(2, async |c| {
        // Enough records, each login and account its own, for PostgreSQL's planner to prefer an
        // index once it has counted them. Each account id ends in a letter: in SQLite's index
        // on (user_id, id) an id like `id-12345` is followed by the row id's bytes, which are
        // often ASCII digits, and the secrets scan that runs after the suite would read those
        // as six-digit codes (it did, once in CI: a one-time code of the suite matched one).
        let fill = match c.name {
            "sqlite" => {
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) \
                 INSERT INTO audit_events (at, event, flow, user_id, login, outcome) \
                 SELECT 1800000000 + i, 'verify', 'reset', 'id-' || i || 'x', 'User' || i, 'failure' FROM n"
            }
            _ => {
                "INSERT INTO audit_events (at, event, flow, user_id, login, outcome) \
                 SELECT 1800000000 + i, 'verify', 'reset', 'id-' || i || 'x', 'User' || i, 'failure' \
                 FROM generate_series(1, 20000) AS i"
            }
        };
        exec(c, fill).await;
        exec(c, "ANALYZE").await;
        for filter in [
            rekey::store::AuditFilter { person: Some("user77".into()), ..Default::default() },
            rekey::store::AuditFilter {
                person: Some("id-77x".into()),
                from: Some(1_800_000_000),
                to: Some(1_800_086_400),
                ..Default::default()
            },
        ] {
            let plan = c.db.audit_search_plan(&filter).await.unwrap();
            let scans: Vec<&String> =
                plan.iter().filter(|step| step.contains("SCAN audit_events") || step.contains("Seq Scan")).collect();
            assert!(scans.is_empty(), "{}: {filter:?} reads the whole trail:\n{}", c.name, plan.join("\n"));
            let found = c.db.audit_search(&filter, 10, 0).await.unwrap();
            assert_eq!(found.len(), 1, "{}", c.name);
            assert_eq!(found[0].event.login.as_deref(), Some("User77"), "{}", c.name);
        }
        // ANALYZE's statistics on SQLite are text with runs of digits (`1 119843 19843 …`),
        // which the secrets scan would read as six-digit codes like the ids above.
        if let Db::Sqlite(pool) = &c.db {
            for table in ["sqlite_stat1", "sqlite_stat4"] {
                // sqlite_stat4 exists only where SQLite was built with it.
                let _ = sqlx::query(&format!("DELETE FROM {table}")).execute(pool).await;
            }
        }
    })
    .await;
}

async fn exec(c: &Case, sql: &str) {
    match &c.db {
        Db::Sqlite(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
        Db::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
    }
    .unwrap();
}

#[tokio::test]
async fn the_audit_chain_holds_under_concurrent_appends_and_names_a_tampered_row() {
    use rekey::store::ChainCheck;
    each_db(8, async |c| {
        // 40 appends from 8 tasks at once: one chain, no fork.
        let tasks: Vec<_> = (0..8)
            .map(|t| {
                let db = c.db.clone();
                tokio::spawn(async move {
                    for i in 0..5 {
                        db.append_audit(&event(t * 10 + i), &mac).await.unwrap();
                    }
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
        }
        assert_eq!(c.db.verify_audit(&mac).await.unwrap(), ChainCheck::Intact { records: 40, unchained: 0 });

        // Another master key cannot vouch for this chain.
        let other = rekey::crypto::Keys::derive(&[8u8; 32]);
        let other_mac = |p: &[u8], r: &[u8]| other.audit_mac(p, r);
        assert!(matches!(c.db.verify_audit(&other_mac).await.unwrap(), ChainCheck::Broken { id: 1, .. }));

        // Altering one field of row 17 breaks the chain exactly there.
        exec(c, "UPDATE audit_events SET outcome = 'success' WHERE id = 17").await;
        assert!(
            matches!(c.db.verify_audit(&mac).await.unwrap(), ChainCheck::Broken { id: 17, why } if why.contains("altered")),
            "on {}",
            c.name
        );
        exec(c, "UPDATE audit_events SET outcome = 'failure' WHERE id = 17").await;
        assert!(matches!(c.db.verify_audit(&mac).await.unwrap(), ChainCheck::Intact { .. }));

        // Removing a row shows at the next one.
        exec(c, "DELETE FROM audit_events WHERE id = 25").await;
        assert!(
            matches!(c.db.verify_audit(&mac).await.unwrap(), ChainCheck::Broken { id: 26, why } if why.contains("removed")),
            "on {}",
            c.name
        );
    })
    .await;
}
