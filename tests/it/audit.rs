//! The audit trail from the command line: `rekey audit verify` and `rekey audit export` on the
//! database a real portal wrote while people used it.

use crate::support::env::{TestEnv, rekey_cli};

fn rekey(env: &TestEnv, args: &[&str]) -> std::process::Output {
    rekey_cli(&env.config).args(args).output().unwrap()
}

#[tokio::test]
async fn audit_verify_passes_on_a_real_trail_and_names_a_tampered_record() {
    let env = TestEnv::openldap().await;
    let slapd = crate::support::slapd::Slapd::shared().await;
    let user = slapd.create_user("audited").await;
    env.register_email(&user).await;
    let mut b = env.browser();
    for _ in 0..3 {
        b.start("reset", &user.uid).await.assert_status(200);
        b.start("reset", "nobody-by-this-name").await.assert_status(200);
    }

    let out = rekey(&env, &["audit", "verify"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("audit trail intact"), "{text}");

    let out = rekey(&env, &["audit", "export"]);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(lines.len() >= 8, "{lines:?}");
    assert!(lines.iter().all(|l| l["hash"].as_str().is_some_and(|h| h.len() == 64)));
    let victim = lines[3]["id"].as_i64().unwrap();

    // Someone with database access rewrites one record.
    let rekey::store::Db::Sqlite(pool) = &env.server.services.db else { unreachable!() };
    sqlx::query("UPDATE audit_events SET login = 'someone-else' WHERE id = $1")
        .bind(victim)
        .execute(pool)
        .await
        .unwrap();
    let out = rekey(&env, &["audit", "verify"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success());
    assert!(text.contains(&format!("BROKEN at record {victim}")), "{text}");
}
