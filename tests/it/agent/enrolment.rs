//! Enrolling writeback agents with one-time tokens, rotating their keys, and the CLI.

use super::*;

#[tokio::test]
async fn an_enrolment_token_works_once_expires_and_pins_its_portal() {
    let env = portal(|_| {}).await;
    let services = &env.server.services;
    let dir = tempfile::tempdir().unwrap();

    let t = token(services, "once").await;
    let first = dir.path().join("first.key");
    let (ok, stderr) = enroll_cli(&env.server.url(), &t, "once", &first).await;
    assert!(ok, "{stderr}");
    use std::os::unix::fs::PermissionsExt as _;
    assert_eq!(std::fs::metadata(&first).unwrap().permissions().mode() & 0o777, 0o600);

    let (ok, stderr) = enroll_cli(&env.server.url(), &t, "again", &dir.path().join("again.key")).await;
    assert!(!ok);
    assert!(stderr.contains("unknown, used or expired"), "{stderr}");
    assert!(!dir.path().join("again.key").exists(), "no key file for a refused enrolment");

    let expired =
        rekey::agent::admin::create_token(&services.db, &services.keys, "late", 1, proto::now() - 120).await.unwrap();
    remember_secret(expired.as_str());
    let (ok, stderr) = enroll_cli(&env.server.url(), &expired, "late", &dir.path().join("late.key")).await;
    assert!(!ok);
    assert!(stderr.contains("unknown, used or expired"), "{stderr}");

    // A token made by another portal carries another key's fingerprint.
    let other = portal(|_| {}).await;
    let foreign = token(&other.server.services, "foreign").await;
    let (secret, _) = rekey::agent::client::parse_token(&foreign).unwrap();
    let (_, our_fp) = rekey::agent::client::parse_token(&t).unwrap();
    assert_ne!(foreign, t);
    let mismatched = format!("rka1.{secret}.{}", "0".repeat(our_fp.len()));
    let (ok, stderr) = enroll_cli(&other.server.url(), &mismatched, "pinned", &dir.path().join("pinned.key")).await;
    assert!(!ok);
    assert!(stderr.contains("does not match the token"), "{stderr}");

    let agents = services.db.list_agents().await.unwrap();
    assert_eq!(agents.len(), 1);
    assert_eq!(agents[0].name, "once");
}

#[tokio::test]
async fn an_agent_rotates_its_keys_on_request_and_its_old_key_stops_working() {
    let dc = SambaDc::shared().await;
    let env = portal(|_| {}).await;
    let services = &env.server.services;
    let agent = AgentProcess::start(services, &env.server.url(), &dc.directory_config(), "rotating").await;
    let old = Identity::load(&agent.key_file).unwrap();

    assert!(services.db.request_agent_rotation(&agent.agent_id).await.unwrap());
    let started = Instant::now();
    loop {
        let row = services.db.agent(&agent.agent_id).await.unwrap().unwrap();
        if row.keys_rotated_at.is_some() && !row.rotate_requested {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "the agent never rotated:\n{}", agent.log());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let new = Identity::load(&agent.key_file).unwrap();
    assert_ne!(new.sign.to_bytes(), old.sign.to_bytes());
    assert_ne!(new.boxk.to_bytes(), old.boxk.to_bytes());

    // Jobs are now sealed to the new key and still run.
    let user = dc.create_user("rotated").await;
    let account = dir_user(dc, &user.uid).await;
    let p = new_password();
    services.directory.reset_password(&account, &SecretString::from(p.clone()), false).await.unwrap();
    assert!(dc.bind(&user.dn, &p).await);

    // The old signing key is refused.
    assert_eq!(post(&env, "heartbeat", &heartbeat(&old, &old.sign, proto::now())).await.0, 401);
}

#[tokio::test]
async fn the_cli_makes_tokens_and_lists_agents() {
    let env = portal(|_| {}).await;
    let url = &env.config.database.url;
    let master = secrecy::ExposeSecret::expose_secret(env.config.secrets.master_key.as_ref().unwrap()).to_owned();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_rekey"))
            .args(args)
            .env("REKEY_DATABASE__URL", url)
            .env("REKEY_SECRETS__MASTER_KEY", &master)
            .env("REKEY_DIRECTORY__KIND", "agent")
            .env("REKEY_MAIL__TRANSPORT", "console")
            .env_remove("REKEY_CONFIG")
            .current_dir(output_dir())
            .output()
            .unwrap()
    };
    let out = run(&["agent", "token", "create", "--name", "cli"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    remember_secret(&token);
    assert!(token.starts_with("rka1."), "{token}");
    let dir = tempfile::tempdir().unwrap();
    let (ok, stderr) = enroll_cli(&env.server.url(), &token, "cli-agent", &dir.path().join("a.key")).await;
    assert!(ok, "{stderr}");
    let out = run(&["agent", "list"]);
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("cli-agent") && table.contains("never connected"), "{table}");
    let out = run(&["agent", "revoke", "cli-agent"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8(run(&["agent", "list"]).stdout).unwrap().contains("revoked"));
}
