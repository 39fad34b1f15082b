//! Sessions and rate counters in the store, shared by every portal process.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;

use rekey::store::Db;
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::SessionStore as _;

use super::{NOW, at_once, close, each_db};

// --- sessions -------------------------------------------------------------------------------

fn session_record(expiry_date: OffsetDateTime) -> Record {
    let mut data = HashMap::new();
    data.insert("step".to_string(), serde_json::json!({ "flow": "reset", "passed": ["email"] }));
    Record { id: Id::default(), data, expiry_date }
}

#[tokio::test]
async fn a_session_is_saved_and_loaded() {
    each_db(2, async |c| {
        let store = c.db.session_store();
        let mut record = session_record(OffsetDateTime::now_utc() + time::Duration::hours(1));
        store.create(&mut record).await.unwrap();
        assert_eq!(store.load(&record.id).await.unwrap(), Some(record.clone()));
        record.data.insert("more".into(), serde_json::json!(1));
        store.save(&record).await.unwrap();
        assert_eq!(store.load(&record.id).await.unwrap(), Some(record.clone()));
        store.delete(&record.id).await.unwrap();
        assert_eq!(store.load(&record.id).await.unwrap(), None);
    })
    .await;
}

#[tokio::test]
async fn a_new_session_whose_id_is_taken_gets_another_and_leaves_the_first_alone() {
    each_db(2, async |c| {
        let store = c.db.session_store();
        let expiry = OffsetDateTime::now_utc() + time::Duration::hours(1);
        let mut first = session_record(expiry);
        store.create(&mut first).await.unwrap();
        let mut second = session_record(expiry);
        second.id = first.id;
        second.data.insert("who".into(), serde_json::json!("second"));
        store.create(&mut second).await.unwrap();
        assert_ne!(second.id, first.id, "{}: the taken id was given to the new session", c.name);
        assert_eq!(store.load(&first.id).await.unwrap(), Some(first.clone()), "{}", c.name);
        assert_eq!(store.load(&second.id).await.unwrap(), Some(second.clone()), "{}", c.name);
    })
    .await;
}

#[tokio::test]
async fn a_session_saved_by_one_process_loads_in_another() {
    each_db(2, async |c| {
        let mut record = session_record(OffsetDateTime::now_utc() + time::Duration::hours(1));
        c.db.session_store().create(&mut record).await.unwrap();
        // A second, separately connected pool: what a second portal process holds.
        let other = Db::connect(&c.url, 2).await.unwrap();
        assert_eq!(other.session_store().load(&record.id).await.unwrap(), Some(record.clone()));
        record.data.insert("from_second".into(), serde_json::json!(true));
        other.session_store().save(&record).await.unwrap();
        assert_eq!(c.db.session_store().load(&record.id).await.unwrap(), Some(record));
        close(&other).await;
    })
    .await;
}

#[tokio::test]
async fn expired_sessions_are_not_loaded_and_get_deleted() {
    each_db(2, async |c| {
        let store = c.db.session_store();
        let expired = session_record(OffsetDateTime::now_utc() - time::Duration::minutes(1));
        let live = session_record(OffsetDateTime::now_utc() + time::Duration::hours(1));
        store.save(&expired).await.unwrap();
        store.save(&live).await.unwrap();
        assert_eq!(store.load(&expired.id).await.unwrap(), None);
        assert_eq!(session_rows(&c.db).await, 2);
        store.delete_expired().await.unwrap();
        assert_eq!(session_rows(&c.db).await, 1, "on {}", c.name);
        assert!(store.load(&live.id).await.unwrap().is_some());
    })
    .await;
}

async fn session_rows(db: &Db) -> i64 {
    match db {
        Db::Sqlite(pool) => sqlx::query_scalar("SELECT COUNT(*) FROM tower_sessions").fetch_one(pool).await.unwrap(),
        Db::Postgres(pool) => {
            sqlx::query_scalar("SELECT COUNT(*) FROM tower_sessions.session").fetch_one(pool).await.unwrap()
        }
    }
}

// --- rate limits ----------------------------------------------------------------------------

#[tokio::test]
async fn rate_counters_count_every_concurrent_hit_exactly_once() {
    each_db(8, async |c| {
        let mut seen = at_once(24, &c.db, |db| async move {
            db.rate_hit_in_window("send:address", b"k", None, NOW, NOW - 1).await.unwrap()
        })
        .await;
        seen.sort();
        assert_eq!(seen, (1..=24).collect::<Vec<i64>>(), "on {}", c.name);
        c.db.rate_hit_in_window("send:address", b"k", None, NOW + 300, NOW - 1).await.unwrap();
        c.db.rate_hit_in_window("send:address", b"other", None, NOW + 300, NOW - 1).await.unwrap();
        assert_eq!(c.db.rate_buckets("send:address", b"k", NOW - 1).await.unwrap(), vec![(NOW, 24), (NOW + 300, 1)]);
        assert_eq!(c.db.rate_buckets("send:address", b"k", NOW).await.unwrap(), vec![(NOW + 300, 1)]);
        c.db.delete_old_rate_counters(NOW + 1).await.unwrap();
        assert_eq!(c.db.rate_buckets("send:address", b"k", 0).await.unwrap(), vec![(NOW + 300, 1)]);
    })
    .await;
}
