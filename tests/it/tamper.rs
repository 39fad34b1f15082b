//! The database is not trusted: someone who can write rekey's tables (a shared PostgreSQL, a
//! restored backup) but does not hold the master key edits, swaps or forges rows. Each test
//! does the edit an attacker would do, with sqlx straight against the portal's database, and
//! shows that it gains nothing: the row is treated as absent and the attempt is audited as
//! tampering (an audit event `tampering` whose reason names the table).

use rekey::store::Db;
use serde_json::json;

use crate::support::env::TestEnv;
use crate::support::remember_secret;
use crate::support::slapd::{Slapd, TestUser};

/// Runs `$body` with `$pool` bound to whichever pool the portal uses.
macro_rules! on_db {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            Db::Sqlite($pool) => $body,
            Db::Postgres($pool) => $body,
        }
    };
}

fn new_password() -> String {
    let p = format!("Tampered-{}-Horse7", crate::support::unique("pw"));
    remember_secret(&p);
    p
}

fn session_table(db: &Db) -> &'static str {
    match db {
        Db::Sqlite(_) => "tower_sessions",
        Db::Postgres(_) => "tower_sessions.session",
    }
}

/// Every stored session as (row id, data), the one saved last first.
async fn sessions(db: &Db) -> Vec<(String, Vec<u8>)> {
    let sql = format!("SELECT id, data FROM {} ORDER BY expiry_date DESC", session_table(db));
    on_db!(db, |pool| sqlx::query_as(&sql).fetch_all(pool).await.unwrap())
}

/// What an attacker does to a session row: decode its msgpack record, put `value` under `key`
/// in its data, encode it again and write it back.
async fn edit_session(db: &Db, row_id: &str, data: &[u8], key: &str, value: serde_json::Value) {
    let mut record: tower_sessions::session::Record = rmp_serde::from_slice(data).unwrap();
    record.data.insert(key.to_owned(), value);
    let data = rmp_serde::to_vec(&record).unwrap();
    let sql = format!("UPDATE {} SET data = $1 WHERE id = $2", session_table(db));
    let n = on_db!(db, |pool| sqlx::query(&sql).bind(data).bind(row_id).execute(pool).await.unwrap().rows_affected());
    assert_eq!(n, 1);
}

/// Runs one statement that changes rows; returns how many.
async fn execute(db: &Db, sql: &str, binds: &[&str]) -> u64 {
    on_db!(db, |pool| {
        let mut q = sqlx::query(sql);
        for b in binds {
            q = q.bind(*b);
        }
        q.execute(pool).await.unwrap().rows_affected()
    })
}

async fn one_string(db: &Db, sql: &str) -> String {
    on_db!(db, |pool| sqlx::query_scalar::<_, String>(sql).fetch_one(pool).await.unwrap())
}

async fn one_i64(db: &Db, sql: &str) -> i64 {
    on_db!(db, |pool| sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await.unwrap())
}

/// The directory's stable id of a test account.
async fn user_id(env: &TestEnv, user: &TestUser) -> String {
    let login = rekey::directory::Login::parse(&user.uid).unwrap();
    env.server.services.directory.find_user(&login).await.unwrap().unwrap().id.0
}

/// The reasons of the tampering events in the audit trail.
async fn tampering(db: &Db) -> Vec<String> {
    const SQL: &str = "SELECT COALESCE(reason, '') FROM audit_events WHERE event = 'tampering' ORDER BY id";
    on_db!(db, |pool| sqlx::query_scalar::<_, String>(SQL).fetch_all(pool).await.unwrap())
}

/// A reset attempt for `victim` as the attacker writes it into a session: the attempt the
/// attacker's own browser started for the victim, with every method marked as passed.
fn forged_recovery(attempt_id: &str, user_id: &str, victim: &TestUser, now: i64) -> serde_json::Value {
    json!({
        "purpose": "Reset",
        "attempt_id": attempt_id,
        "user": {
            "id": user_id,
            "dn": victim.dn,
            "login": victim.uid,
            "display_name": victim.surname,
            "emails": [],
            "phones": [],
            "groups": [],
            "state": {"disabled": false, "locked": false, "password_expired": false, "must_change": false},
        },
        "passed": ["email", "totp", "questions"],
        "expires_at": now + 600,
        "limit_key": "forged",
        "passkey_check": null,
    })
}

/// Starts a reset for the victim (no method is ever passed), then marks the session's attempt
/// as verified in the database and asks for a new password.
async fn edited_session_resets_nobody(env: TestEnv) {
    let slapd = Slapd::shared().await;
    let db = &env.server.services.db;
    let victim = slapd.create_user("sessvictim").await;
    env.register_email(&victim).await;

    let mut b = env.browser();
    b.start("reset", &victim.uid).await.assert_status(200);
    let (attempt_id, user_id): (String, String) = on_db!(db, |pool| sqlx::query_as(
        "SELECT id, user_id FROM attempts WHERE flow = 'reset' AND user_id IS NOT NULL ORDER BY created_at DESC"
    )
    .fetch_one(pool)
    .await
    .unwrap());
    let (row, data) = sessions(db).await.remove(0);
    let forged = forged_recovery(&attempt_id, &user_id, &victim, env.clock.now());
    edit_session(db, &row, &data, "recovery", forged).await;

    let new = new_password();
    let page = b.set_password(&new).await;
    assert!(!page.contains("Your password has been reset"), "{}", page.body);
    assert!(!slapd.bind(&victim.dn, &new).await, "the forged session reset the victim");
    assert!(slapd.bind(&victim.dn, &victim.password).await);
    assert_eq!(tampering(db).await, ["sessions"]);
}

#[tokio::test]
async fn an_edited_session_cannot_reset_an_account_on_sqlite() {
    edited_session_resets_nobody(TestEnv::openldap().await).await;
}

#[tokio::test]
async fn an_edited_session_cannot_reset_an_account_on_postgres() {
    let slapd = Slapd::shared().await;
    let url = crate::support::postgres::fresh_database().await;
    edited_session_resets_nobody(TestEnv::build(slapd.directory_config(), url, |_| {}).await).await;
}

#[tokio::test]
async fn a_forged_admin_session_does_not_open_the_admin_area() {
    let env = TestEnv::openldap().await;
    let db = &env.server.services.db;
    let mut b = env.browser();
    // Any session will do: the attacker's own, from a reset of an unknown name.
    b.start("reset", "nobody-by-this-name").await.assert_status(200);
    let (row, data) = sessions(db).await.remove(0);
    let now = env.clock.now();
    let admin =
        json!({"user_id": "forged", "login": "mallory", "display_name": "Mallory", "since": now, "until": now + 3600});
    edit_session(db, &row, &data, "admin", admin).await;

    let page = b.get("/admin").await;
    assert!(!page.contains("Overview"), "{}", page.body);
    assert!(page.url.ends_with("/admin/sign-in"), "{}", page.url);
    assert_eq!(tampering(db).await, ["sessions"]);
}

#[tokio::test]
async fn sessions_hold_no_directory_address_phone_number_or_session_id() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::with(|c| c.email.use_directory_mail = true).await;
    let db = &env.server.services.db;
    let user = slapd.create_user("private").await;
    let mut b = env.browser();
    b.start("reset", &user.uid).await.assert_status(200);
    b.request_email_code("reset").await.assert_status(200);
    env.smtp.last_code_for(&user.mail).await;
    let mut r = env.browser();
    r.sign_in_to_register(&user).await.assert_status(200);

    let rows = sessions(db).await;
    assert!(rows.len() >= 2);
    // Nor does the table hand out working session cookies to whoever can read it.
    for browser in [&b, &r] {
        let cookie = browser.cookie("rekey-session").unwrap();
        assert!(rows.iter().all(|(id, _)| *id != cookie), "a session is stored under its cookie's id");
    }
    for (_, data) in rows {
        let found = |needle: &[u8]| data.windows(needle.len()).any(|w| w == needle);
        assert!(!found(user.mail.as_bytes()), "a session holds the directory's mail address");
        assert!(!found(b"+1555"), "a session holds the directory's phone number");
    }
}

#[tokio::test]
async fn an_edited_attempt_row_is_refused_and_audited() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::openldap().await;
    let db = &env.server.services.db;
    let mallory = slapd.create_user("attempter").await;
    let address = env.register_email(&mallory).await;
    let mut b = env.browser();
    let code = env.reset_code_by_email(&mut b, &mallory.uid, &address).await;

    // The attempt is handed to another account and given a day more.
    let attempt = one_string(db, "SELECT id FROM attempts WHERE flow = 'reset'").await;
    let n = execute(
        db,
        "UPDATE attempts SET user_id = 'someone-else', expires_at = expires_at + 86400 WHERE id = $1",
        &[&attempt],
    )
    .await;
    assert_eq!(n, 1);

    let page = b.submit_code("reset", "email", &code).await;
    assert!(!page.contains("Choose a new password"), "{}", page.body);
    assert_eq!(tampering(db).await, ["attempts"]);
}

/// The most important attack: the attacker moves their own authenticator app onto the victim's
/// account (and dates it back past the cooling-off period), then resets the victim with it.
#[tokio::test]
async fn a_method_moved_to_another_account_does_not_verify_it() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::openldap().await;
    let db = &env.server.services.db;
    let victim = slapd.create_user("methvictim").await;
    env.register_email(&victim).await;
    let victim_id = one_string(db, "SELECT user_id FROM methods WHERE kind = 'email'").await;
    let mallory = slapd.create_user("methmallory").await;
    let seed = env.register_totp(&mallory).await;
    env.clock.advance(60);

    let n = execute(
        db,
        "UPDATE methods SET user_id = $1, created_at = created_at - 30 * 86400 WHERE kind = 'totp'",
        &[&victim_id],
    )
    .await;
    assert_eq!(n, 1);

    let mut b = env.browser();
    b.start("reset", &victim.uid).await.assert_status(200);
    let page = b.submit_code("reset", "totp", &env.totp_code(&seed)).await;
    assert!(!page.contains("Choose a new password"), "{}", page.body);
    page.assert_status(422);
    let reported = tampering(db).await;
    assert!(!reported.is_empty() && reported.iter().all(|r| r == "methods"), "{reported:?}");
}

/// Someone with a phished password registers an app on the victim's account; the cooling-off
/// period keeps it from resetting while an older method exists. Dating the row back must not
/// shorten that.
#[tokio::test]
async fn a_method_dated_back_does_not_skip_the_cooling_off_period() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::openldap().await;
    let db = &env.server.services.db;
    let gina = slapd.create_user("backdated").await;
    let address = env.register_email(&gina).await;
    env.clock.advance(3 * 86_400);
    let seed = env.register_totp(&gina).await;
    env.clock.advance(3600);

    let n = execute(db, "UPDATE methods SET created_at = created_at - 30 * 86400 WHERE kind = 'totp'", &[]).await;
    assert_eq!(n, 1);

    let mut b = env.browser();
    b.start("reset", &gina.uid).await.assert_status(200);
    let page = b.submit_code("reset", "totp", &env.totp_code(&seed)).await;
    assert!(!page.contains("Choose a new password"), "{}", page.body);
    page.assert_status(422);
    // Reported each time the row is read, until someone looks into it.
    let reported = tampering(db).await;
    assert!(!reported.is_empty() && reported.iter().all(|r| r == "methods"), "{reported:?}");

    // The row nobody touched still works.
    let mut b = env.browser();
    let code = env.reset_code_by_email(&mut b, &gina.uid, &address).await;
    let page = b.submit_code("reset", "email", &code).await;
    assert!(page.contains("Choose a new password"), "{}", page.body);
}

/// A code row is a keyed hash bound to its attempt and channel: the attacker's own code,
/// copied into the victim's attempt, does not pass there.
#[tokio::test]
async fn a_code_copied_into_another_attempt_does_not_pass() {
    let slapd = Slapd::shared().await;
    let env = TestEnv::openldap().await;
    let db = &env.server.services.db;
    let victim = slapd.create_user("codevictim").await;
    env.register_email(&victim).await;
    let mallory = slapd.create_user("codemallory").await;
    let address = env.register_email(&mallory).await;

    let mut own = env.browser();
    let code = env.reset_code_by_email(&mut own, &mallory.uid, &address).await;
    let own_attempt = one_string(db, "SELECT id FROM attempts WHERE flow = 'reset'").await;
    let mut theirs = env.browser();
    theirs.start("reset", &victim.uid).await.assert_status(200);
    theirs.request_email_code("reset").await.assert_status(200);

    let n = execute(
        db,
        "UPDATE codes SET hash = (SELECT c.hash FROM codes c WHERE c.attempt_id = $1 AND c.channel = 'email') \
         WHERE attempt_id <> $1 AND channel = 'email'",
        &[&own_attempt],
    )
    .await;
    assert_eq!(n, 1);

    let page = theirs.submit_code("reset", "email", &code).await;
    assert!(!page.contains("Choose a new password"), "{}", page.body);
    page.assert_status(422);
}

/// Methods stored by a version before row MACs are bound by the process that applies the
/// migration, once, and only when their sealed value opens for their own account and kind: one
/// moved to another account before the upgrade stays unbound and unused, and a row without MAC
/// written after the upgrade is never bound by a restart.
#[tokio::test]
async fn methods_of_an_earlier_version_are_bound_once_and_only_for_their_owner() {
    let slapd = Slapd::shared().await;
    let before = TestEnv::openldap().await;
    let db = &before.server.services.db;
    let owner = slapd.create_user("legacyowner").await;
    let seed = before.register_totp(&owner).await;
    let victim = slapd.create_user("legacyvictim").await;
    before.register_email(&victim).await;
    let mallory = slapd.create_user("legacymallory").await;
    let moved = before.register_totp(&mallory).await;
    let (owner_id, victim_id, mallory_id) =
        (user_id(&before, &owner).await, user_id(&before, &victim).await, user_id(&before, &mallory).await);
    // The database as an earlier version left it, Mallory's app moved to the victim.
    assert_eq!(execute(db, "UPDATE methods SET user_id = $1 WHERE user_id = $2", &[&victim_id, &mallory_id]).await, 1);
    for sql in [
        "ALTER TABLE methods DROP COLUMN mac",
        "ALTER TABLE attempts DROP COLUMN mac",
        "DELETE FROM _sqlx_migrations WHERE version = 8",
    ] {
        execute(db, sql, &[]).await;
    }

    let url = before.config.database.url.clone();
    let key = before.config.secrets.master_key.clone();
    let same = |c: &mut rekey::config::Config| c.secrets.master_key = key.clone();
    let after = TestEnv::build(slapd.directory_config(), url.clone(), same).await;
    let db = &after.server.services.db;
    let unbound = "SELECT COUNT(*) FROM methods WHERE mac IS NULL";
    assert_eq!(one_i64(db, unbound).await, 1);
    after.clock.advance(60);
    let mut b = after.browser();
    b.start("reset", &owner.uid).await.assert_status(200);
    let page = b.submit_code("reset", "totp", &after.totp_code(&seed)).await;
    assert!(page.contains("Choose a new password"), "{}", page.body);
    let mut b = after.browser();
    b.start("reset", &victim.uid).await.assert_status(200);
    let page = b.submit_code("reset", "totp", &after.totp_code(&moved)).await;
    page.assert_status(422);
    let reported = tampering(db).await;
    assert!(!reported.is_empty() && reported.iter().all(|r| r == "methods"), "{reported:?}");

    // After the upgrade: the owner's own app copied with an earlier date and no MAC.
    let copy = format!(
        "INSERT INTO methods (id, user_id, kind, label, sealed, created_at) \
         SELECT 'copied', user_id, kind, label, sealed, created_at - 30 * 86400 FROM methods \
         WHERE user_id = '{owner_id}' AND kind = 'totp'"
    );
    assert_eq!(execute(db, &copy, &[]).await, 1);
    let again = TestEnv::build(slapd.directory_config(), url, same).await;
    assert_eq!(one_i64(&again.server.services.db, unbound).await, 2, "a restart bound a row written without MAC");
}
