//! Upgrades from every earlier schema, on SQLite and PostgreSQL. For each migration k, a fresh
//! database goes through migrations 0001..k one at a time, as an installation that ran every
//! release did, and after each migration j gets the rows a portal of that release wrote
//! (`seed(j)`, written against the schema of its time). Then the current code connects
//! (`Db::connect_upgrading`, as `rekey serve` does), which migrates to the latest, and the
//! rows are read and used through the current store: what an upgrade keeps is still there and
//! works; what a migration drops on purpose (attempts and codes at 0008, agent jobs at 0009)
//! is gone.
//!
//! A new migration that changes or drops a table seeded here makes this test fail until the
//! expectation is written down; a new table deserves a `seed` arm of its own (every table up
//! to 0015 has one).

use std::path::{Path, PathBuf};

use rekey::config::MethodKind;
use rekey::crypto::Keys;
use rekey::flow::api::{Scope, tokens};
use rekey::flow::rows::{attempt_mac, bind_legacy_methods, method_mac, seal_context};
use rekey::store::{ApiTokenRow, Attempt, Db, StoredMethod};

/// When every seeded row was written; links and tokens expire ten years later.
const NOW: i64 = 1_800_000_000;
const LATER: i64 = NOW + 10 * 365 * 86_400;

/// A value bound to a seed statement (the same SQL runs on both databases, `$n` placeholders).
enum Value {
    Int(i64),
    Text(String),
    Bytes(Vec<u8>),
}
use Value::{Bytes, Int, Text};

fn text(s: &str) -> Value {
    Text(s.to_owned())
}

fn keys() -> Keys {
    Keys::derive(&[9u8; 32])
}

fn method(id: &str, user_id: &str, kind: MethodKind, address: &str) -> StoredMethod {
    StoredMethod {
        id: id.to_owned(),
        user_id: user_id.to_owned(),
        kind: kind.as_str().to_owned(),
        label: "a•••@example.test".to_owned(),
        sealed: keys().seal(address.as_bytes(), &seal_context(user_id, kind)),
        created_at: NOW,
        last_used_at: None,
        totp_last_step: None,
    }
}

/// The API token a release with migration 0014 made, MAC and all.
fn api_token() -> ApiTokenRow {
    let mut t = ApiTokenRow {
        id: "t14".to_owned(),
        name: "ticketing".to_owned(),
        token_hash: b"api-14".to_vec(),
        scopes: "audit status".to_owned(),
        created_at: NOW,
        expires_at: LATER,
        revoked_at: None,
        last_used: None,
        mac: vec![],
    };
    t.mac = tokens::row_mac(&keys(), &t).to_vec();
    t
}

fn attempt(id: &str, user_id: &str) -> Attempt {
    Attempt {
        id: id.to_owned(),
        flow: "reset".to_owned(),
        user_id: Some(user_id.to_owned()),
        created_at: NOW,
        expires_at: LATER,
        wrong_tries: 0,
        voided: false,
        completed_at: None,
    }
}

const AUDIT: &str = "INSERT INTO audit_events (at, event, flow, user_id, login, outcome, method, source_ip) \
                     VALUES ($1, 'reset', 'reset', $2, $3, 'success', 'email', '192.0.2.1')";
const METHOD: &str =
    "INSERT INTO methods (id, user_id, kind, label, sealed, created_at) VALUES ($1, $2, $3, $4, $5, $6)";

fn method_values(m: &StoredMethod) -> Vec<Value> {
    vec![text(&m.id), text(&m.user_id), text(&m.kind), text(&m.label), Bytes(m.sealed.clone()), Int(m.created_at)]
}

/// The rows a portal of release `version` wrote, in that release's schema.
fn seed(version: i64) -> Vec<(&'static str, Vec<Value>)> {
    let keys = keys();
    match version {
        1 => vec![
            (METHOD, method_values(&method("m1", "u1", MethodKind::Email, "alice@example.test"))),
            (
                "INSERT INTO attempts (id, flow, user_id, created_at, expires_at) VALUES ('a1', 'reset', 'u1', $1, $2)",
                vec![Int(NOW), Int(LATER)],
            ),
            (
                "INSERT INTO codes (attempt_id, channel, hash, created_at, expires_at) VALUES ('a1', 'email', $1, $2, $3)",
                vec![Bytes(vec![1; 32]), Int(NOW), Int(LATER)],
            ),
            (AUDIT, vec![Int(NOW), text("u1"), text("alice")]),
        ],
        2 => vec![
            (
                "INSERT INTO agent_tokens (token_hash, name, created_at, expires_at) VALUES ($1, 'site-2', $2, $3)",
                vec![Bytes(b"token-2".to_vec()), Int(NOW), Int(LATER)],
            ),
            (
                "INSERT INTO agents (id, name, box_key, sign_key, enrolled_at) VALUES ('ag2', 'dc-2', $1, $2, $3)",
                vec![Bytes(vec![2; 32]), Bytes(vec![3; 32]), Int(NOW)],
            ),
            (
                "INSERT INTO agent_jobs (id, op, status, created_at, deadline) VALUES ('j2', 'reset', 'queued', $1, $2)",
                vec![Int(NOW), Int(LATER)],
            ),
            (
                "INSERT INTO agent_job_boxes (job_id, agent_id, sealed) VALUES ('j2', 'ag2', $1)",
                vec![Bytes(vec![4; 48])],
            ),
            ("INSERT INTO agent_nonces (nonce, seen_at) VALUES ('n2', $1)", vec![Int(NOW)]),
        ],
        3 => vec![(
            "INSERT INTO rate_counters (scope, key, window_start, count) VALUES ('start', $1, $2, 2)",
            vec![Bytes(b"key-3".to_vec()), Int(NOW)],
        )],
        4 => vec![
            (
                "INSERT INTO disown_tokens (token_hash, user_id, login, event, created_at, expires_at) \
                 VALUES ($1, 'u4', 'dave', 'reset', $2, $3)",
                vec![Bytes(b"disown-4".to_vec()), Int(NOW), Int(LATER)],
            ),
            (
                "INSERT INTO self_service_blocks (user_id, login, reason, blocked_at) VALUES ('u4', 'dave', 'disowned', $1)",
                vec![Int(NOW)],
            ),
        ],
        5 => vec![(AUDIT, vec![Int(NOW + 5), text("u5"), text("erin")])],
        6 => vec![("INSERT INTO method_reviews (user_id, reviewed_at) VALUES ('u1', $1)", vec![Int(NOW)])],
        7 => {
            let mut values = method_values(&method("m7", "u7", MethodKind::Passkey, "{\"cred\":7}"));
            values.push(text("credential-7"));
            vec![(
                "INSERT INTO methods (id, user_id, kind, label, sealed, created_at, credential) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                values,
            )]
        }
        8 => {
            let m = method("m8", "u8", MethodKind::Email, "frank@example.test");
            let a = attempt("a8", "u8");
            let mut values = method_values(&m);
            values.push(Bytes(method_mac(&keys, &m).to_vec()));
            vec![
                (
                    "INSERT INTO methods (id, user_id, kind, label, sealed, created_at, mac) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    values,
                ),
                (
                    "INSERT INTO attempts (id, flow, user_id, created_at, expires_at, mac) VALUES ('a8', 'reset', 'u8', $1, $2, $3)",
                    vec![Int(NOW), Int(LATER), Bytes(attempt_mac(&keys, &a).to_vec())],
                ),
            ]
        }
        9 => vec![
            (
                "INSERT INTO agents (id, name, box_key, sign_key, enrolled_at, mac) VALUES ('ag9', 'dc-9', $1, $2, $3, $4)",
                vec![Bytes(vec![5; 32]), Bytes(vec![6; 32]), Int(NOW), Bytes(vec![7; 32])],
            ),
            (
                "INSERT INTO agent_jobs (id, op, status, created_at, deadline, mac) VALUES ('j9', 'unlock', 'queued', $1, $2, $3)",
                vec![Int(NOW), Int(LATER), Bytes(vec![8; 32])],
            ),
        ],
        10 => vec![("INSERT INTO failed_proofs (account, streak, updated_at) VALUES ('u10', 3, $1)", vec![Int(NOW)])],
        11 => vec![
            (
                "INSERT INTO helpdesk_verifications (id, member_id, user_id, method, verified_at, expires_at, mac) \
                 VALUES ('hv11', 'staff-1', 'u1', 'code', $1, $2, $3)",
                vec![Int(NOW), Int(LATER), Bytes(vec![9; 32])],
            ),
            (
                "INSERT INTO helpdesk_requests (id, action, user_id, login, requester_id, requester_login, reason, \
                 verified, created_at, expires_at, mac) \
                 VALUES ('hr11', 'clear_methods', 'u1', 'alice', 'staff-1', 'sam', 'lost phone', 1, $1, $2, $3)",
                vec![Int(NOW), Int(LATER), Bytes(vec![10; 32])],
            ),
            (
                "INSERT INTO helpdesk_links (token_hash, user_id, login, created_at, expires_at, mac) \
                 VALUES ($1, 'u1', 'alice', $2, $3, $4)",
                vec![Bytes(b"link-11".to_vec()), Int(NOW), Int(LATER), Bytes(vec![11; 32])],
            ),
        ],
        12 => vec![
            (
                "INSERT INTO rate_counters (scope, key, window_start, count, account) VALUES ('pause', $1, $2, 4, $3)",
                vec![Bytes(b"key-12".to_vec()), Int(NOW), Bytes(b"account-12".to_vec())],
            ),
            ("INSERT INTO methods_cleared (user_id, cleared_at) VALUES ('u12', $1)", vec![Int(NOW)]),
            (
                "INSERT INTO helpdesk_confirmations (token_hash, member_id, member_login, user_id, login, created_at, \
                 expires_at, mac) VALUES ($1, 'staff-1', 'sam', 'u12', 'gina', $2, $3, $4)",
                vec![Bytes(b"confirm-12".to_vec()), Int(NOW), Int(LATER), Bytes(vec![12; 32])],
            ),
        ],
        13 => vec![
            (
                "INSERT INTO reminders_sent (user_id, changed_at, days_before, sent_at) VALUES ('u13', $1, 7, $2)",
                vec![Int(NOW - 80 * 86_400), Int(NOW)],
            ),
            ("INSERT INTO campaign_mails (user_id, nth, sent_at) VALUES ('u13', 1, $1)", vec![Int(NOW)]),
            ("INSERT INTO coverage_days (day, in_scope, enough) VALUES ($1, 130, 97)", vec![Int(NOW / 86_400)]),
            (
                "INSERT INTO scheduler_leases (name, holder, expires_at) VALUES ('reminders', 'replica-13', $1)",
                vec![Int(LATER)],
            ),
        ],
        14 => {
            let t = api_token();
            vec![(
                "INSERT INTO api_tokens (id, name, token_hash, scopes, created_at, expires_at, mac) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                vec![
                    text(&t.id),
                    text(&t.name),
                    Bytes(t.token_hash.clone()),
                    text(&t.scopes),
                    Int(t.created_at),
                    Int(t.expires_at),
                    Bytes(t.mac.clone()),
                ],
            )]
        }
        15 => vec![
            ("INSERT INTO export_cursors (name, last_id) VALUES ('siem:file', 42)", vec![]),
            (
                "INSERT INTO webhook_deliveries (endpoint, audit_id, event, body, mac, state, attempts, next_at, \
                 created_at, done_at) VALUES ('https://hooks.example.test/15', 7, 'password_reset', '{}', $1, 'dead', \
                 5, $2, $3, $4)",
                vec![Bytes(vec![15; 32]), Int(NOW), Int(NOW), Int(NOW)],
            ),
        ],
        // A migration added since: nothing of its own to keep yet.
        _ => Vec::new(),
    }
}

/// The migration files of one database, in order, with their version numbers.
fn migrations(dialect: &str) -> Vec<(i64, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(dialect);
    let mut files: Vec<(i64, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name.split('_').next().unwrap().parse::<i64>().unwrap(), p)
        })
        .collect();
    files.sort();
    files
}

/// Applies exactly the migrations up to `version` (copied to a folder of their own, unchanged,
/// so the checksums sqlx records are those of the real files).
async fn migrate_to(db: &Db, dialect: &str, version: i64, folder: &Path) {
    std::fs::create_dir_all(folder).unwrap();
    for (_, path) in migrations(dialect).into_iter().filter(|(v, _)| *v <= version) {
        let target = folder.join(path.file_name().unwrap());
        if !target.exists() {
            std::fs::copy(&path, target).unwrap();
        }
    }
    let migrator = sqlx::migrate::Migrator::new(folder).await.unwrap();
    match db {
        Db::Sqlite(pool) => migrator.run(&mut *pool.acquire().await.unwrap()).await,
        Db::Postgres(pool) => migrator.run(&mut *pool.acquire().await.unwrap()).await,
    }
    .unwrap_or_else(|err| panic!("{dialect}: migrating to {version}: {err}"));
}

async fn run_seed(db: &Db, version: i64) {
    for (sql, values) in seed(version) {
        macro_rules! bound {
            ($pool:expr) => {{
                let mut query = sqlx::query(sql);
                for value in values {
                    query = match value {
                        Int(i) => query.bind(i),
                        Text(t) => query.bind(t),
                        Bytes(b) => query.bind(b),
                    };
                }
                query.execute($pool).await
            }};
        }
        let done = match db {
            Db::Sqlite(pool) => bound!(pool).map(|_| ()),
            Db::Postgres(pool) => bound!(pool).map(|_| ()),
        };
        done.unwrap_or_else(|err| panic!("seed of release {version}: {sql}: {err}"));
    }
}

/// A database that ran releases 1..=`from` and wrote their rows, then the current code.
async fn upgrade_from(url: &str, dialect: &str, from: i64) {
    let folder = crate::support::output_dir().join("upgrade").join(crate::support::unique(dialect));
    // An empty database of the right kind, without any migration yet.
    let db = bare(url).await;
    for version in 1..=from {
        migrate_to(&db, dialect, version, &folder).await;
        if version == 8 {
            // The release that added row MACs gave older methods theirs as it started.
            bind_legacy_methods(&db, &keys()).await.unwrap();
        }
        run_seed(&db, version).await;
    }
    drop(db);

    let (db, upgraded) =
        Db::connect_upgrading(url, 2).await.unwrap_or_else(|err| panic!("{dialect} from {from}: {err}"));
    assert_eq!(upgraded, from < 8, "{dialect} from {from}: row MACs are new only to databases before 0008");
    if upgraded {
        bind_legacy_methods(&db, &keys()).await.unwrap();
    }
    check(&db, &format!("{dialect} from {from}"), from).await;
}

async fn bare(url: &str) -> Db {
    if url.starts_with("sqlite:") {
        let options = url.parse::<sqlx::sqlite::SqliteConnectOptions>().unwrap().create_if_missing(true);
        Db::Sqlite(rekey::store::ConnPool::connect(options, 5).await.unwrap())
    } else {
        Db::Postgres(rekey::store::ConnPool::connect(url.parse().unwrap(), 5).await.unwrap())
    }
}

/// Every row a release before `from` wrote and the upgrade keeps is there and works.
async fn check(db: &Db, case: &str, from: i64) {
    let keys = keys();
    // Methods: each has its MAC now, so the portal's checked reads accept them.
    for (since, id, user) in [(1, "m1", "u1"), (7, "m7", "u7"), (8, "m8", "u8")] {
        let found = db.list_methods_with_macs(user).await.unwrap();
        if from < since {
            assert!(found.is_empty(), "{case}: {id}");
            continue;
        }
        let [(m, mac)] = found.as_slice() else { panic!("{case}: {id}: {found:?}") };
        assert_eq!(m.id, id, "{case}");
        assert_eq!(mac.as_deref(), Some(&method_mac(&keys, m)[..]), "{case}: {id} carries its MAC");
        let kind = MethodKind::parse(&m.kind).unwrap();
        assert!(keys.open(&m.sealed, &seal_context(user, kind)).is_ok(), "{case}: {id} still opens");
    }
    // Attempts and codes of before 0008 were dropped on purpose; later ones are kept.
    assert!(db.get_attempt("a1").await.unwrap().is_none(), "{case}: 0008 drops old attempts");
    assert!(db.get_code("a1", "email").await.unwrap().is_none(), "{case}: and their codes");
    let a8 = db.get_attempt_with_mac("a8").await.unwrap();
    if from >= 8 {
        let (a, mac) = a8.unwrap_or_else(|| panic!("{case}: a8"));
        assert_eq!(mac.as_deref(), Some(&attempt_mac(&keys, &a)[..]), "{case}");
    } else {
        assert!(a8.is_none(), "{case}");
    }
    // The audit trail keeps every record, readable by the helpdesk's and the export's reads.
    let logins: Vec<String> = db.audit_page(0, 100).await.unwrap().into_iter().filter_map(|r| r.event.login).collect();
    let expected: Vec<&str> =
        [(1, "alice"), (5, "erin")].into_iter().filter(|(v, _)| from >= *v).map(|(_, l)| l).collect();
    assert_eq!(logins, expected, "{case}");
    assert_eq!(db.recent_audit_of("u1", 10).await.unwrap().len(), usize::from(from >= 1), "{case}");
    // Agents stay listed (those without a MAC must enrol again); jobs of before 0009 are gone.
    let agents: Vec<String> = db.list_agents().await.unwrap().into_iter().map(|a| a.id).collect();
    let expected: Vec<&str> =
        [(2, "ag2"), (9, "ag9")].into_iter().filter(|(v, _)| from >= *v).map(|(_, a)| a).collect();
    assert_eq!(sorted(agents), expected, "{case}");
    assert!(db.job("j2").await.unwrap().is_none(), "{case}: 0009 drops old jobs");
    assert_eq!(db.job("j9").await.unwrap().is_some(), from >= 9, "{case}");
    // Counters go on counting where they were.
    if from >= 3 {
        assert_eq!(db.rate_buckets("start", b"key-3", 0).await.unwrap(), vec![(NOW, 2)], "{case}");
        assert_eq!(db.rate_hit_in_window("start", b"key-3", None, NOW, NOW - 1).await.unwrap(), 3, "{case}");
    }
    assert_eq!(db.disown_token_live(b"disown-4", NOW).await.unwrap(), from >= 4, "{case}");
    assert_eq!(db.is_blocked("u4").await.unwrap(), from >= 4, "{case}");
    assert_eq!(db.method_reviewed_at("u1").await.unwrap(), (from >= 6).then_some(NOW), "{case}");
    if from >= 10 {
        assert_eq!(db.failed_proofs("u10").await.unwrap(), 3, "{case}");
        assert_eq!(db.add_failed_proof("u10", NOW).await.unwrap(), 4, "{case}");
    }
    assert_eq!(db.helpdesk_request("hr11").await.unwrap().is_some(), from >= 11, "{case}");
    assert_eq!(db.helpdesk_link(b"link-11", NOW).await.unwrap().is_some(), from >= 11, "{case}");
    // The daily pause's counters keep their account, so the helpdesk still finds and lifts them.
    let paused = db.rate_buckets_of_account("pause", b"account-12", 0).await.unwrap();
    let expected = if from >= 12 { vec![(b"key-12".to_vec(), NOW, 4_i64)] } else { vec![] };
    assert_eq!(paused, expected, "{case}");
    let cleared = db.methods_last_cleared("u12", rekey::flow::protection::METHODS_CLEARED).await.unwrap();
    assert_eq!(cleared, (from >= 12).then_some(NOW), "{case}");
    let confirmation = db.latest_helpdesk_confirmation("staff-1", "u12").await.unwrap();
    assert_eq!(confirmation.map(|c| c.login), (from >= 12).then(|| "gina".to_owned()), "{case}");
    assert_eq!(db.helpdesk_confirmation(b"confirm-12", NOW).await.unwrap().is_some(), from >= 12, "{case}");
    // A reminder or nudge sent before the upgrade is not sent again; the lease is still held.
    assert_eq!(db.reminder_claimed("u13", NOW - 80 * 86_400, 7).await.unwrap(), from >= 13, "{case}");
    assert_eq!(db.claim_reminder("u13", NOW - 80 * 86_400, 7, NOW + 1).await.unwrap(), from < 13, "{case}");
    assert_eq!(
        db.campaign_mails_to("u13").await.unwrap(),
        if from >= 13 { (1, Some(NOW)) } else { (0, None) },
        "{case}"
    );
    let days = db.coverage_days(0).await.unwrap();
    assert_eq!(
        days.iter().map(|d| (d.day, d.in_scope, d.enough)).collect::<Vec<_>>(),
        if from >= 13 { vec![(NOW / 86_400, 130, 97)] } else { vec![] },
        "{case}"
    );
    assert_eq!(db.take_lease("reminders", "replica-new", NOW, NOW + 60).await.unwrap(), from < 13, "{case}");
    // An API token made before keeps its MAC, scopes and expiry: it still signs calls in.
    let token = db.api_token_by_hash(b"api-14").await.unwrap();
    assert_eq!(token.is_some(), from >= 14, "{case}");
    if let Some(t) = token {
        assert!(tokens::intact(&keys, &t), "{case}: the token's MAC still holds");
        assert_eq!(tokens::scopes_of(&t), [Scope::Status, Scope::Audit], "{case}");
        assert_eq!((t.expires_at, t.revoked_at), (LATER, None), "{case}");
    }
    // Export cursors resume where they stood; dead letters stay on the admin's page and retry.
    assert_eq!(db.export_cursor("siem:file").await.unwrap(), (from >= 15).then_some(42), "{case}");
    let dead = db.deliveries("dead", 10).await.unwrap();
    assert_eq!(dead.len(), usize::from(from >= 15), "{case}");
    if let [d] = dead.as_slice() {
        assert_eq!((d.audit_id, d.attempts, d.event.as_str()), (7, 5, "password_reset"), "{case}");
        let again = db.retry_dead_letter(d.id, NOW).await.unwrap();
        assert_eq!(again.as_deref(), Some("https://hooks.example.test/15"), "{case}");
        assert_eq!(db.count_deliveries("pending").await.unwrap(), 1, "{case}");
    }
    // And the current code writes next to them.
    let new = method("m-new", "u1", MethodKind::Email, "alice@example.test");
    db.insert_method_with_mac(&new, &method_mac(&keys, &new)).await.unwrap();
    assert_eq!(db.list_methods("u1").await.unwrap().len(), 1 + usize::from(from >= 1), "{case}");
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn latest() -> i64 {
    migrations("sqlite").last().unwrap().0
}

#[tokio::test]
async fn sqlite_upgrades_from_every_earlier_schema_and_keeps_the_rows() {
    for from in 1..=latest() {
        upgrade_from(&crate::support::postgres::fresh_sqlite_url(), "sqlite", from).await;
    }
}

#[tokio::test]
async fn postgres_upgrades_from_every_earlier_schema_and_keeps_the_rows() {
    for from in 1..=latest() {
        upgrade_from(&crate::support::postgres::fresh_database().await, "postgres", from).await;
    }
}
