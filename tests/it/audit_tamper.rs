//! Tampering with the audit trail that the chain alone cannot show: hashes set to NULL so that
//! records pass for ones written before the chain began, and records removed from the end.
//! The portal writes signed checkpoints outside the database; `rekey audit verify` checks the
//! trail against the latest one.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::support::env::{TestEnv, rekey_cli};
use crate::support::output_dir;

fn rekey_verify(config: &rekey::config::Config, checkpoints: Option<&Path>) -> (bool, String) {
    let mut command = rekey_cli(config);
    command.args(["audit", "verify"]);
    if let Some(file) = checkpoints {
        command.arg("--checkpoints").arg(file);
    }
    let out = command.output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

/// A portal that writes a checkpoint every second to its own file, and some traffic on it.
async fn portal_with_trail() -> (TestEnv, PathBuf) {
    let file = output_dir().join(format!("{}.checkpoints", crate::support::unique("audit")));
    let path = file.clone();
    let env = TestEnv::with(move |c| {
        c.audit.checkpoint_secs = 1;
        c.audit.checkpoint_file = Some(path);
    })
    .await;
    let mut b = env.browser();
    for i in 0..4 {
        b.start("reset", &format!("nobody-{i}")).await.assert_status(200);
    }
    (env, file)
}

async fn pool(env: &TestEnv) -> &rekey::store::ConnPool<sqlx::Sqlite> {
    let rekey::store::Db::Sqlite(pool) = &env.server.services.db else { unreachable!() };
    pool
}

/// Runs one statement with `$1` bound to `id` on the portal's database behind its back.
async fn tamper(env: &TestEnv, sql: &str, id: i64) {
    sqlx::query(sql).bind(id).execute(pool(env).await).await.unwrap();
}

/// `rekey audit verify` against the checkpoints in `file` fails; returns what it said.
fn verify_fails(config: &rekey::config::Config, file: &Path) -> String {
    let (ok, out) = rekey_verify(config, Some(file));
    assert!(!ok, "{out}");
    out
}

async fn ids(env: &TestEnv) -> Vec<i64> {
    sqlx::query_scalar("SELECT id FROM audit_events ORDER BY id").fetch_all(pool(env).await).await.unwrap()
}

/// Waits until the checkpoint file names the newest record.
async fn wait_for_checkpoint(env: &TestEnv, file: &Path) {
    let head = *ids(env).await.last().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        if text.lines().any(|l| l.contains(&format!(" head={head} "))) {
            return;
        }
        assert!(Instant::now() < deadline, "no checkpoint for record {head} in {}:\n{text}", file.display());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A portal with a trail, once its checkpoint file names the newest record; and the records' ids.
async fn checkpointed_trail() -> (TestEnv, PathBuf, Vec<i64>) {
    let (env, file) = portal_with_trail().await;
    wait_for_checkpoint(&env, &file).await;
    let ids = ids(&env).await;
    (env, file, ids)
}

#[tokio::test]
async fn an_untouched_trail_verifies_against_the_checkpoint_written_at_shutdown() {
    let (env, file) = portal_with_trail().await;
    let TestEnv { server, config, .. } = env;
    let head = {
        let rekey::store::Db::Sqlite(pool) = &server.services.db else { unreachable!() };
        let head: i64 = sqlx::query_scalar("SELECT MAX(id) FROM audit_events").fetch_one(pool).await.unwrap();
        head
    };
    server.stop().await;
    let text = std::fs::read_to_string(&file).unwrap();
    let last = text.lines().last().unwrap();
    assert!(last.starts_with("rekey-audit-checkpoint v1 "), "{text}");
    assert!(last.contains(&format!(" head={head} ")), "the shutdown checkpoint names the newest record: {text}");
    let (ok, out) = rekey_verify(&config, Some(&file));
    assert!(ok, "{out}");
    assert!(out.contains("audit trail intact"), "{out}");
    assert!(out.contains(&format!("up to record {head}")), "{out}");
}

#[tokio::test]
async fn a_hash_set_to_null_in_the_middle_is_named() {
    let (env, file, ids) = checkpointed_trail().await;
    let victim = ids[ids.len() / 2];
    tamper(&env, "UPDATE audit_events SET hash = NULL WHERE id = $1", victim).await;
    let out = verify_fails(&env.config, &file);
    assert!(out.contains(&format!("BROKEN at record {victim}: the record's chain hash was removed")), "{out}");
}

/// Setting every hash to NULL from the start up to some record makes those records look
/// written before the chain began; against a checkpoint, the first of them is named.
#[tokio::test]
async fn hashes_set_to_null_from_the_start_do_not_pass_for_an_unchained_past() {
    let (env, file, ids) = checkpointed_trail().await;
    let (first, victim) = (ids[0], ids[ids.len() / 2]);
    // The attacker also rewrites the records they hid, then links the next one afresh.
    tamper(
        &env,
        "UPDATE audit_events SET hash = NULL, prev_hash = NULL, login = 'someone-else' WHERE id <= $1",
        victim,
    )
    .await;
    let out = verify_fails(&env.config, &file);
    assert!(out.contains(&format!("BROKEN at record {first}: the record's chain hash was removed")), "{out}");

    // Every hash gone: without a checkpoint it looks like a trail from before the chain.
    sqlx::query("UPDATE audit_events SET hash = NULL, prev_hash = NULL").execute(pool(&env).await).await.unwrap();
    let out = verify_fails(&env.config, &file);
    assert!(out.contains(&format!("BROKEN at record {first}")), "{out}");
}

#[tokio::test]
async fn records_deleted_from_the_end_are_reported_against_the_latest_checkpoint() {
    let (env, file, ids) = checkpointed_trail().await;
    let (head, keep) = (ids[ids.len() - 1], ids[ids.len() - 4]);
    // A forged checkpoint (wrong MAC) that would excuse the removal is ignored.
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str(&format!(
        "rekey-audit-checkpoint v1 at=1 first={} head={keep} records=1 hash={} mac={}\n",
        ids[0],
        "00".repeat(32),
        "11".repeat(32)
    ));
    std::fs::write(&file, text).unwrap();

    // Intact before the removal...
    let (ok, out) = rekey_verify(&env.config, Some(&file));
    assert!(ok, "{out}");
    assert!(out.contains("1 checkpoint lines do not carry a valid MAC"), "{out}");

    // ...and the chain alone cannot tell after it.
    tamper(&env, "DELETE FROM audit_events WHERE id > $1", keep).await;
    let (ok, out) = rekey_verify(&env.config, None);
    assert!(ok, "without a checkpoint the shorter chain still fits together: {out}");

    let out = verify_fails(&env.config, &file);
    assert!(out.contains("audit trail TRUNCATED"), "{out}");
    assert!(out.contains(&format!("up to record {head}")), "{out}");
    assert!(out.contains(&format!("it now ends at record {keep}")), "{out}");
}

/// The same at the store on both databases: a checkpoint taken, the tail removed, new records
/// appended after the removal (PostgreSQL does not reuse their ids).
#[tokio::test]
async fn a_checkpoint_notices_a_removed_tail_on_sqlite_and_postgresql() {
    use rekey::store::{AuditEvent, ChainCheck, Db};
    crate::support::init_tracing();
    let keys = rekey::crypto::Keys::derive(&[7u8; 32]);
    let mac = |p: &[u8], r: &[u8]| keys.audit_mac(p, r);
    let event = |i: i64| AuditEvent {
        at: 1_700_000_000 + i,
        event: "started".into(),
        outcome: "started".into(),
        ..Default::default()
    };
    for url in [crate::support::postgres::fresh_sqlite_url(), crate::support::postgres::fresh_database().await] {
        let db = Db::connect(&url, 2).await.unwrap();
        for i in 0..10 {
            db.append_audit(&event(i), &mac).await.unwrap();
        }
        let c = db.audit_checkpoint(1_700_000_100).await.unwrap().unwrap();
        assert_eq!((c.first, c.head, c.records), (1, 10, 10), "{url}");
        let line = c.to_line(&|b: &[u8]| keys.audit_checkpoint_mac(b));
        let (parsed, bad) =
            rekey::store::Checkpoint::latest(&format!("{{\"checkpoint\":\"{line}\"}}"), &|b: &[u8]| {
                keys.audit_checkpoint_mac(b)
            });
        assert_eq!((parsed.as_ref(), bad), (Some(&c), 0), "found inside a JSON log line");
        assert_eq!(
            db.verify_audit_against(&mac, Some(&c)).await.unwrap(),
            ChainCheck::Intact { records: 10, unchained: 0 }
        );

        let exec = |sql: &'static str| {
            let db = db.clone();
            async move {
                match &db {
                    Db::Sqlite(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
                    Db::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
                }
                .unwrap()
            }
        };
        exec("DELETE FROM audit_events WHERE id > 7").await;
        assert_eq!(db.verify_audit(&mac).await.unwrap(), ChainCheck::Intact { records: 7, unchained: 0 });
        assert!(
            matches!(
                db.verify_audit_against(&mac, Some(&c)).await.unwrap(),
                ChainCheck::Truncated { last: Some(7), records: 7, .. }
            ),
            "{url}"
        );
        for i in 20..25 {
            db.append_audit(&event(i), &mac).await.unwrap();
        }
        let check = db.verify_audit_against(&mac, Some(&c)).await.unwrap();
        assert!(
            matches!(check, ChainCheck::Truncated { .. } | ChainCheck::Broken { id: 10, .. }),
            "new records after the removal do not hide it on {url}: {check:?}"
        );
    }
}
